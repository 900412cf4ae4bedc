/*
 * pack.c — the store's compact encodings (see pack.h). Article text is the
 * bulk of a database: a zlib stream halves it. It is written by libdeflate
 * (level 1), read by zlib: libdeflate compresses a whole buffer at once in
 * less than half of zlib level 1's instructions (0.12 M fewer per news
 * article) and 3% fewer bytes, and its output is an ordinary zlib stream, so
 * what is stored reads as before (Python's zlib.decompress, fl_unpack_text).
 * Span lists replace one row per entity mention (schema 3) with one blob per
 * entity and article: a mention costs 2-4 bytes instead of a row.
 */
#include "store/pack.h"

#include <libdeflate.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Below this a zlib stream's 6 bytes of framing rarely pay. */
#define PACK_MIN_BYTES 64

struct fl_packer {
    struct libdeflate_compressor *c;
};

void fl_packer_free(fl_packer *p)
{
    if (p) {
        libdeflate_free_compressor(p->c);
        free(p);
    }
}

/* One compressor kept between texts: allocating one per text would cost
 * its tables every time. */
int fl_pack_text(fl_packer **pp, const char *text, size_t len, fl_buffer *out)
{
    fl_buffer_clear(out);
    if (len < PACK_MIN_BYTES || len > UINT_MAX / 2)
        return 0;
    fl_packer *p = *pp;
    if (!p) {
        if (!(p = calloc(1, sizeof *p)))
            return -1;
        if (!(p->c = libdeflate_alloc_compressor(1))) {
            free(p);
            return -1;
        }
        *pp = p;
    }
    /* Shorter than the text or not worth it: room for len - 1 bytes (0
     * when it does not fit). */
    if (!fl_buffer_reserve(out, len))
        return -1;
    size_t n = libdeflate_zlib_compress(p->c, text, len, out->data, len - 1);
    if (!n)
        return 0;
    out->len = n;
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
    if (n == 0) /* qsort(NULL, 0, ...) is undefined */
        return;
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

/* ---- day numbers (schema 5) ---- */

long long fl_day_code(const char *d, size_t len)
{
    if (len != 10 || d[4] != '-' || d[7] != '-')
        return -1;
    static const int digits[] = {0, 1, 2, 3, 5, 6, 8, 9};
    for (size_t i = 0; i < sizeof digits / sizeof digits[0]; i++)
        if (d[digits[i]] < '0' || d[digits[i]] > '9')
            return -1;
    int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
    int m = (d[5] - '0') * 10 + (d[6] - '0'), day = (d[8] - '0') * 10 + (d[9] - '0');
    if (m < 1 || m > 12 || day < 1 || day > 31)
        return -1;
    return (long long)y * 372 + (m - 1) * 31 + (day - 1);
}

void fl_day_text(long long day, char out[11])
{
    int y = (int)(day / 372), r = (int)(day % 372);
    int m = r / 31 + 1, d = r % 31 + 1;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

/* Byte order of a day's text against bound (memcmp, then length, as SQLite). */
static int day_compare(long long day, const char *bound, size_t len)
{
    char t[11];
    fl_day_text(day, t);
    size_t n = len < 10 ? len : 10;
    int c = memcmp(t, bound, n);
    if (c)
        return c;
    return len == 10 ? 0 : (len < 10 ? 1 : -1);
}

long long fl_day_bound(const char *bound, size_t len, int upper)
{
    /* Day texts increase with the number, so a binary search finds the
     * first day whose text is >= bound (or > bound for an upper bound). */
    long long lo = 0, hi = FL_DAY_END;
    while (lo < hi) {
        long long mid = lo + (hi - lo) / 2;
        int c = day_compare(mid, bound, len);
        if (upper ? c > 0 : c >= 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return upper ? lo - 1 : lo;
}
