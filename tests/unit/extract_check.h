/*
 * extract_check.h — what the extraction tests share: one extractor and doc
 * (the program's own, set up by its main), running a text through every
 * layer, and a span's text in one of four buffers (so a check can hold a
 * source, a cue and a content at once). Included once per test program.
 */
#ifndef FL_TEST_EXTRACT_CHECK_H
#define FL_TEST_EXTRACT_CHECK_H

#include <string.h>

#include "check.h"
#include "factline.h"

static fl_extractor *ex;
static fl_doc *doc;
static char buf[4][512];

/* Analyses text (no headline) and runs the extractor. */
static inline void run(const char *text)
{
    CHECK_INT(fl_doc_analyze_text(doc, text, strlen(text)), FL_OK);
    CHECK_INT(fl_extract(ex, doc), FL_OK);
}

/* The text of span s, cut to 511 bytes, in buffer slot (0-3). */
static inline const char *slice(int slot, fl_span s)
{
    size_t n = s.end - s.start;
    if (n >= sizeof buf[0])
        n = sizeof buf[0] - 1;
    memcpy(buf[slot], fl_doc_text(doc) + s.start, n);
    buf[slot][n] = 0;
    return buf[slot];
}

#endif
