/*
 * time_check.h — the time tests' one check: run the time layer on a text
 * with its publication date and compare every expression found, as
 * "text|TYPE|value" lines in order, with the expected ones. Included once
 * per test program; T(dct, text, want) checks types and values,
 * M(dct, text, want) values and mods, each reporting the caller's line.
 */
#ifndef FL_TEST_TIME_CHECK_H
#define FL_TEST_TIME_CHECK_H

#include <string.h>

#include "check.h"
#include "factline.h"
#include "time/times.h"

/* What each expression is written as: "text|TYPE|value", or, for the
 * TIMEX3 mod, "text|value|MOD" ("-" for no mod). */
enum time_check_form { TIME_CHECK_TYPE_VALUE, TIME_CHECK_VALUE_MOD };

/* Runs the layer on `text` dated `dct` and compares with `want`: one line
 * per expression in `form`, in order, joined by "\n". */
static void expect_time_lines(const char *dct, const char *text, const char *want, enum time_check_form form, int line)
{
    fl_doc *doc = fl_doc_new();
    char got[2048] = "";
    if (fl_doc_analyze_text(doc, text, strlen(text)) != FL_OK || fl_doc_find_times(doc, dct) != FL_OK) {
        check_failed++;
        fprintf(stderr, "%s:%d: analysis failed\n", __FILE__, line);
        fl_doc_free(doc);
        return;
    }
    size_t len = 0;
    for (size_t i = 0; i < fl_doc_time_count(doc); i++) {
        const fl_time *t = &fl_doc_times(doc)[i];
        int n = (int)(t->span.end - t->span.start);
        const char *at = text + t->span.start;
        if (form == TIME_CHECK_VALUE_MOD) {
            const char *mod = fl_time_mod_name(fl_doc_time_mod(doc, i));
            len += (size_t)snprintf(got + len, sizeof got - len, "%s%.*s|%s|%s", i ? "\n" : "", n, at, t->value,
                                    mod ? mod : "-");
        } else {
            len += (size_t)snprintf(got + len, sizeof got - len, "%s%.*s|%s|%s", i ? "\n" : "", n, at,
                                    fl_time_type_name(t->type), t->value);
        }
        if (len >= sizeof got)
            break;
    }
    if (strcmp(got, want) == 0) {
        check_passed++;
    } else {
        check_failed++;
        fprintf(stderr, "%s:%d: in \"%s\" (DCT %s)\n  got:  %s\n  want: %s\n", __FILE__, line, text, dct, got, want);
    }
    fl_doc_free(doc);
}

#define T(dct, text, want) expect_time_lines(dct, text, want, TIME_CHECK_TYPE_VALUE, __LINE__)
#define M(dct, text, want) expect_time_lines(dct, text, want, TIME_CHECK_VALUE_MOD, __LINE__)

#endif
