/*
 * quote_check.h — what the speaker-rule tests (test_quote_speakers*.c) share:
 * the extraction tests' extractor, doc, run and slice (extract_check.h),
 * running a native-format article (whose first line is its headline)
 * through every layer, and the check that quote i has a kind and a
 * speaker. Included once per test program (its state is the program's own).
 */
#ifndef FL_TEST_QUOTE_CHECK_H
#define FL_TEST_QUOTE_CHECK_H

#include "extract_check.h"

/* An article in the native format ("date YYYY-MM-DD headline" then the body),
 * so that its first line is read as the headline. The doc's text lives in
 * the reader's buffer, so the reader is kept until the next article. */
static fl_reader *rdr;

static inline void run_native(const char *input)
{
    fl_reader_free(rdr);
    fl_reader_options ro;
    fl_reader_options_init(&ro);
    rdr = fl_reader_new(&ro);
    CHECK(rdr != NULL);
    if (!rdr)
        return;
    CHECK_INT(fl_reader_open_memory(rdr, input, strlen(input), "headline"), FL_OK);
    const fl_article *a;
    CHECK_INT(fl_reader_next(rdr, &a), FL_OK);
    CHECK_INT(fl_doc_analyze(doc, a), FL_OK);
    CHECK_INT(fl_extract(ex, doc), FL_OK);
}

/* Quote i has this kind and speaker name (NULL: none). */
static void check_quote(size_t i, const char *kind, const char *name)
{
    CHECK(i < fl_doc_quote_count(doc));
    if (i >= fl_doc_quote_count(doc))
        return;
    const fl_quote *q = &fl_doc_quotes(doc)[i];
    CHECK_STR(fl_quote_kind_name(q->kind), kind);
    if (!name) {
        CHECK_INT(q->speaker.found, 0);
        return;
    }
    CHECK_INT(q->speaker.found, 1);
    if (q->speaker.found)
        CHECK_STR(slice(0, q->speaker.name), name);
}

#endif
