/*
 * timeml.h — TimeML documents in and out, and TempEval-3 Task A scoring of
 * time expressions.
 *
 * Reading keeps the file as it is and builds the PLAIN TEXT of its <TEXT>
 * element: tags removed, the five XML entities and numeric character
 * references decoded, with a map from every plain byte back to the file, so
 * times found in the plain text can be written back as TIMEX3 tags into the
 * original bytes. The TIMEX3 tags already in <TEXT> are kept as the gold
 * annotation. Writing copies the file with <TEXT> holding only the given
 * times, and drops the MAKEINSTANCE/TLINK/SLINK/ALINK elements that pointed
 * at the removed tags, so the official TempEval-3 scorer reads it unchanged.
 *
 * Scoring follows TE3-evaluation.py (TimeML-Normalizer + evaluate_entities.py):
 * docs/time.md gives our reading of it. Not for: finding the times
 * (recognize.c).
 */
#ifndef FL_TIME_TIMEML_H
#define FL_TIME_TIMEML_H

#include <stddef.h>
#include <stdint.h>

#include "factline.h"
#include "time/times.h"

typedef struct fl_timex {
    uint32_t start, end;         /* span in the plain text */
    fl_time_type type;           /* FL_TIME_TYPE_COUNT if the file's type is unknown */
    char value[FL_TIME_VALUE_MAX];
    fl_time_mod mod;             /* the TIMEX3 mod attribute; FL_MOD_NONE if absent */
} fl_timex;

typedef struct fl_timeml_doc {
    char *raw;                   /* the file, NUL-terminated */
    size_t raw_len;
    size_t text_begin, text_end; /* the content of <TEXT>: raw[text_begin, text_end) */
    char *plain;                 /* that content without tags, entities decoded */
    size_t plain_len;
    uint32_t *plain_from, *plain_to; /* plain byte p comes from raw[plain_from[p], plain_to[p]) */
    char dct[11];                /* "YYYY-MM-DD" from <DCT><TIMEX3 value=...> */
    fl_timex *gold;              /* TIMEX3 tags in <TEXT> */
    size_t gold_count;
    char error[256];             /* why reading failed */
} fl_timeml_doc;

/* Largest TimeML file accepted (bytes). */
#define FL_TIMEML_MAX_FILE ((size_t)64 << 20)

/* Reads a TimeML file from memory (copied). Returns FL_OK, FL_ERR_FORMAT
 * (no <TEXT>, no or bad DCT, a broken tag; doc->error says where) or
 * FL_ERR_NOMEM. `name` is used in messages. Free with fl_timeml_doc_free
 * whatever the result. */
fl_status fl_timeml_read(fl_timeml_doc *doc, const char *data, size_t len, const char *name);

/* Reads a file from disk; FL_ERR_IO if it cannot be read or is too large. */
fl_status fl_timeml_read_file(fl_timeml_doc *doc, const char *path);

void fl_timeml_doc_free(fl_timeml_doc *doc);

/* Appends the document with `times` (spans in the plain text, sorted, not
 * overlapping) as the only TIMEX3 tags of <TEXT>, numbered t1, t2, ... */
fl_status fl_timeml_write(const fl_timeml_doc *doc, const fl_timex *times, size_t count, fl_buffer *out);

/* Analyses the plain text with `work` (a doc reused across files) and
 * finds its times against the DCT; *times is a growable array (*cap
 * entries, realloc'd as needed, caller frees). */
fl_status fl_timeml_find_times(const fl_timeml_doc *doc, fl_doc *work, fl_timex **times, size_t *count,
                               size_t *cap);

/* Counts for TempEval-3 Task A time expression scoring, summed over files. */
typedef struct fl_timex_counts {
    uint64_t files;
    uint64_t gold, system;       /* expressions in gold and system annotations */
    uint64_t strict;             /* matched pairs with the same extent */
    uint64_t relaxed;            /* matched pairs (overlapping extents) */
    uint64_t type_ok, value_ok;  /* relaxed pairs with the same type / value */
    uint64_t mod_ok;             /* relaxed pairs with the same mod (both none counts); not a TE3 score */
} fl_timex_counts;

/* Matches system against gold expressions of one document (both sorted by
 * start, spans in the same plain text) and adds to *counts. Returns 0 on
 * out-of-memory. */
int fl_timex_score(const char *plain, const fl_timex *gold, size_t gold_count, const fl_timex *system,
                   size_t system_count, fl_timex_counts *counts);

/* The scores, in [0, 1], as TE3-evaluation.py computes them. */
typedef struct fl_timex_scores {
    double strict_p, strict_r, strict_f1;
    double relaxed_p, relaxed_r, relaxed_f1;
    double type_accuracy, value_accuracy; /* over relaxed matches */
    double type_f1, value_f1;             /* accuracy x relaxed F1 */
} fl_timex_scores;
void fl_timex_compute(const fl_timex_counts *counts, fl_timex_scores *scores);

#endif
