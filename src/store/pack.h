/*
 * pack.h — the store's compact encodings (schema 4):
 *   - article text: a zlib stream (RFC 1950, what Python's zlib.decompress
 *     reads) when that is shorter than the text, else the text itself;
 *   - a list of byte spans: sorted by start, each written as two varints,
 *     the zigzag of (start - previous start) and of (end - start);
 *   - a list of entity ids (schema 5), below.
 * Not for: anything SQL (store_sql.c wraps these as SQL functions).
 */
#ifndef FL_STORE_PACK_H
#define FL_STORE_PACK_H

#include <stddef.h>

#include "util/buffer.h"

/* A compressor kept between texts (created on first use through *p). */
typedef struct fl_packer fl_packer;
void fl_packer_free(fl_packer *p);

/* Compresses text into out (cleared first). Returns 1 if out holds a zlib
 * stream shorter than the text, 0 if the text should be stored as it is
 * (short or incompressible), -1 when out of memory. */
int fl_pack_text(fl_packer **p, const char *text, size_t len, fl_buffer *out);

/* Inflates a zlib stream into out (cleared first). Returns 1, or 0 if the
 * stream is damaged. */
int fl_unpack_text(const void *z, size_t len, fl_buffer *out);

typedef struct fl_span_pair {
    long long start, end;
} fl_span_pair;

/* Appends the encoding of n spans, already sorted by start, to out. */
void fl_pack_spans(const fl_span_pair *spans, size_t n, fl_buffer *out);

/* Reads the next span from *p (advancing it) after the previous start
 * *prev (0 before the first). Returns 1, or 0 at the end or on damage. */
int fl_unpack_span(const unsigned char **p, const unsigned char *end, long long *prev, fl_span_pair *span);

/* Schema 5's list of an article's entity ids (article_entities.ids): sorted
 * and distinct, each the varint of its difference from the previous id (the
 * first from 0), taken modulo 2^64 like span starts. fl_pack_ids sorts and
 * drops repeats in place, then appends to out. */
void fl_pack_ids(long long *ids, size_t n, fl_buffer *out);

/* Reads the next id from *p (advancing it) after *prev (0 before the first).
 * Returns 1, or 0 at the end or on damage. */
int fl_unpack_id(const unsigned char **p, const unsigned char *end, long long *prev);

/* Schema 5's day numbers (mentions.date): a date written YYYY-MM-DD (month
 * 01-12, day 01-31) is year * 372 + (month - 1) * 31 + day - 1, so the
 * numbers order as the texts do (fixed width, so byte order is number
 * order) and each text has one number (3 bytes in a record instead of 11).
 * Any other date is stored as its text. */
#define FL_DAY_END (10000LL * 372)

/* The day number of date[0..len), or -1 when it is not YYYY-MM-DD. */
long long fl_day_code(const char *date, size_t len);

/* Writes the text of day number day (0 <= day < FL_DAY_END) into out[11]. */
void fl_day_text(long long day, char out[11]);

/* For a bound a user gives as text: the smallest day number whose text is
 * >= bound (upper == 0; FL_DAY_END when none is), or the largest whose text
 * is <= bound (upper == 1; -1 when none is), as SQLite compares TEXT (byte
 * order). So `day >= fl_day_bound(b, 0)` holds exactly when `text >= b`. */
long long fl_day_bound(const char *bound, size_t len, int upper);

#endif
