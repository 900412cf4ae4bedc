/*
 * times.h — the time layer's results and scratch space inside fl_doc, and
 * its entry point for the extractor. The public accessors are in factline.h
 * (section 5.2). Not for: the recogniser's internals (match.h).
 */
#ifndef FL_TIME_TIMES_H
#define FL_TIME_TIMES_H

#include <stddef.h>
#include "factline.h"

struct fl_tword;

/* The TIMEX3 `mod` attribute (TimeML 1.2.1): how an expression qualifies
 * its value ("early 2023" START, "about two years" APPROX). Kept beside the
 * public fl_time array, which has no field for it. */
typedef enum fl_time_mod {
    FL_MOD_NONE = 0,
    FL_MOD_BEFORE, FL_MOD_AFTER, FL_MOD_ON_OR_BEFORE, FL_MOD_ON_OR_AFTER,
    FL_MOD_LESS_THAN, FL_MOD_MORE_THAN, FL_MOD_EQUAL_OR_LESS, FL_MOD_EQUAL_OR_MORE,
    FL_MOD_START, FL_MOD_MID, FL_MOD_END, FL_MOD_APPROX,
    FL_MOD_COUNT
} fl_time_mod;

typedef struct fl_time_layer {
    fl_time *times;
    unsigned char *mods;     /* fl_time_mod of each time, same length as times */
    size_t count, cap;
    struct fl_tword *words;  /* scratch: the word stream, reused across articles */
    size_t words_cap;
    /* After the TIMEX3 pass (fl_time_doc_words): the words of every
     * sentence, sentence s's at words[sentence_words[s] .. [s + 1]), so the
     * event pass need not build them again; sentence_words_count is 0 when
     * the words are not those (fl_time_sentence_words reuses the array). */
    size_t *sentence_words;
    size_t sentence_words_count, sentence_words_cap;
} fl_time_layer;

/* Finds times in an analysed doc against year/month/day (a valid date):
 * TimeML's TIMEX3 expressions and, after them, the event-anchored ones
 * ("since the war began" -> the date the article gives the war's start;
 * events.c). fl_extract calls this; the public fl_doc_find_times, which
 * `factline timeml` and `eval timex` use, finds the TIMEX3 ones only. */
fl_status fl_time_layer_run(fl_doc *doc, int year, int month, int day);

void fl_time_layer_free(fl_time_layer *layer);

/* The mod of time i of the doc (FL_MOD_NONE if out of range), and its TimeML
 * name ("APPROX"; NULL for FL_MOD_NONE or an unknown value). */
fl_time_mod fl_doc_time_mod(const fl_doc *doc, size_t i);
const char *fl_time_mod_name(fl_time_mod mod);
/* The mod named `name` (FL_MOD_NONE if none). */
fl_time_mod fl_time_mod_from_name(const char *name);

#endif
