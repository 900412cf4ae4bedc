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

typedef struct fl_time_layer {
    fl_time *times;
    size_t count, cap;
    struct fl_tword *words;  /* scratch: the word stream, reused across articles */
    size_t words_cap;
} fl_time_layer;

/* Finds times in an analysed doc against year/month/day (a valid date). */
fl_status fl_time_layer_run(fl_doc *doc, int year, int month, int day);

void fl_time_layer_free(fl_time_layer *layer);

#endif
