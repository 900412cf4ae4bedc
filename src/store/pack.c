/*
 * pack.c — the store's compact encodings (see pack.h). Article text is the
 * bulk of a database: a zlib stream halves it. Level 1 costs a third of
 * level 6's time for 3% more bytes, and the store path is timed per
 * article. Span lists replace one row per entity mention (schema 3) with one
 * blob per entity and article: a mention costs 2-4 bytes instead of a row.
 */
#include "store/pack.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <zlib.h>

/* Below this a zlib stream's 6 bytes of framing rarely pay. */
#define PACK_MIN_BYTES 64

struct fl_packer {
    z_stream zs;
};

void fl_packer_free(fl_packer *p)
{
    if (p) {
        deflateEnd(&p->zs);
        free(p);
    }
}

/* One deflate stream reset per text: deflateInit per call (what compress2
 * does) clears its 64 KiB of tables every time, a third of the cost. */
int fl_pack_text(fl_packer **pp, const char *text, size_t len, fl_buffer *out)
{
    fl_buffer_clear(out);
    if (len < PACK_MIN_BYTES || len > UINT_MAX / 2)
        return 0;
    fl_packer *p = *pp;
    if (!p) {
        if (!(p = calloc(1, sizeof *p)))
            return -1;
        /* memLevel 5: 8 KiB of hash table to clear per text instead of 64;
         * on the news 0.2% more bytes. */
        if (deflateInit2(&p->zs, 1, Z_DEFLATED, 15, 5, Z_DEFAULT_STRATEGY) != Z_OK) {
            free(p);
            return -1;
        }
        *pp = p;
    } else if (deflateReset(&p->zs) != Z_OK) {
        return -1;
    }
    /* Shorter than the text or not worth it: room for len - 1 bytes. */
    if (!fl_buffer_reserve(out, len))
        return -1;
    p->zs.next_in = (Bytef *)(uintptr_t)text;
    p->zs.avail_in = (uInt)len;
    p->zs.next_out = (Bytef *)out->data;
    p->zs.avail_out = (uInt)(len - 1);
    if (deflate(&p->zs, Z_FINISH) != Z_STREAM_END)
        return 0;
    out->len = (size_t)((char *)p->zs.next_out - out->data);
    return 1;
}

/* No stored text inflates beyond SQLite's own limit on a value (1e9 bytes). */
#define FL_UNPACK_MAX ((size_t)1000000000)

int fl_unpack_text(const void *z, size_t len, fl_buffer *out)
{
    fl_buffer_clear(out);
    z_stream zs = {0};
    if (inflateInit(&zs) != Z_OK)
        return 0;
    zs.next_in = (Bytef *)(uintptr_t)z;
    zs.avail_in = (uInt)len;
    int rc = Z_OK;
    size_t guess = len * 3 + 64;
    while (rc == Z_OK) {
        if (!fl_buffer_reserve(out, guess)) {
            rc = Z_MEM_ERROR;
            break;
        }
        zs.next_out = (Bytef *)out->data + out->len;
        zs.avail_out = (uInt)(out->cap - out->len - 1); /* keep room for the NUL */
        rc = inflate(&zs, Z_NO_FLUSH);
        out->len = (size_t)((char *)zs.next_out - out->data);
        if (rc == Z_BUF_ERROR && zs.avail_out == 0)
            rc = Z_OK; /* output full: grow and go on */
        guess = out->cap;
        if (rc == Z_OK && out->len >= FL_UNPACK_MAX) {
            rc = Z_DATA_ERROR; /* a damaged or hostile blob, not a text we wrote */
            break;
        }
    }
    inflateEnd(&zs);
    if (rc != Z_STREAM_END)
        return 0;
    out->data[out->len] = '\0';
    return 1;
}

static void put_varint(fl_buffer *out, unsigned long long v)
{
    unsigned char b[10];
    size_t n = 0;
    do {
        b[n] = (unsigned char)(v & 0x7f);
        v >>= 7;
        if (v)
            b[n] |= 0x80;
        n++;
    } while (v);
    fl_buffer_append(out, b, n);
}

static int get_varint(const unsigned char **p, const unsigned char *end, unsigned long long *v)
{
    *v = 0;
    for (int shift = 0; *p < end && shift < 64; shift += 7) {
        unsigned char b = *(*p)++;
        *v |= (unsigned long long)(b & 0x7f) << shift;
        if (!(b & 0x80))
            return 1;
    }
    return 0;
}

/* a - b and a + b modulo 2^64 (the conversion back to signed is the
 * two's complement one gcc and clang define). */
static long long wrap_sub(long long a, long long b) { return (long long)((unsigned long long)a - (unsigned long long)b); }
static long long wrap_add(long long a, long long b) { return (long long)((unsigned long long)a + (unsigned long long)b); }

static unsigned long long zigzag(long long v)
{
    return v < 0 ? (((unsigned long long)-(v + 1)) << 1) | 1 : (unsigned long long)v << 1;
}

static long long unzigzag(unsigned long long v) { return (v & 1) ? -(long long)(v >> 1) - 1 : (long long)(v >> 1); }

void fl_pack_spans(const fl_span_pair *spans, size_t n, fl_buffer *out)
{
    /* Differences are taken modulo 2^64 (spans come from input JSON and
     * may be anything): no signed overflow, and unpacking adds them back
     * the same way, so any pair of 64-bit values round-trips. */
    long long prev = 0;
    for (size_t i = 0; i < n; i++) {
        put_varint(out, zigzag(wrap_sub(spans[i].start, prev)));
        put_varint(out, zigzag(wrap_sub(spans[i].end, spans[i].start)));
        prev = spans[i].start;
    }
}

int fl_unpack_span(const unsigned char **p, const unsigned char *end, long long *prev, fl_span_pair *span)
{
    unsigned long long a, b;
    if (*p >= end || !get_varint(p, end, &a) || !get_varint(p, end, &b))
        return 0;
    span->start = wrap_add(*prev, unzigzag(a));
    span->end = wrap_add(span->start, unzigzag(b));
    *prev = span->start;
    return 1;
}

static int id_order(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return x < y ? -1 : x > y;
}

void fl_pack_ids(long long *ids, size_t n, fl_buffer *out)
{
    qsort(ids, n, sizeof *ids, id_order);
    long long prev = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && ids[i] == ids[i - 1])
            continue;
        put_varint(out, (unsigned long long)wrap_sub(ids[i], prev));
        prev = ids[i];
    }
}

int fl_unpack_id(const unsigned char **p, const unsigned char *end, long long *prev)
{
    unsigned long long d;
    if (*p >= end || !get_varint(p, end, &d))
        return 0;
    *prev = wrap_add(*prev, (long long)d);
    return 1;
}
