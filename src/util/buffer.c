/*
 * buffer.c — growable byte buffer. See buffer.h for the design.
 */
#include "util/buffer.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char empty_data[1];

void fl_buffer_init(fl_buffer *b)
{
    b->data = empty_data;
    b->len = 0;
    b->cap = 0;
    b->failed = 0;
}

void fl_buffer_release(fl_buffer *b)
{
    if (b->cap)
        free(b->data);
    fl_buffer_init(b);
}

int fl_buffer_reserve(fl_buffer *b, size_t extra)
{
    if (b->failed)
        return 0;
    if (extra > (size_t)-1 / 2 - b->len) {
        b->failed = 1;
        return 0;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = b->cap ? realloc(b->data, cap) : malloc(cap);
    if (!p) {
        b->failed = 1;
        return 0;
    }
    if (!b->cap)
        p[0] = '\0';
    b->data = p;
    b->cap = cap;
    return 1;
}

int fl_buffer_append_grow(fl_buffer *b, const void *data, size_t len)
{
    if (!fl_buffer_reserve(b, len))
        return 0;
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 1;
}

int fl_buffer_append_str(fl_buffer *b, const char *s)
{
    return fl_buffer_append(b, s, strlen(s));
}

int fl_buffer_printf(fl_buffer *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return 0;
    if ((size_t)n < sizeof small)
        return fl_buffer_append(b, small, (size_t)n);
    if (!fl_buffer_reserve(b, (size_t)n))
        return 0;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 1;
}

void fl_buffer_truncate(fl_buffer *b, size_t len)
{
    assert(len <= b->len);
    b->len = len;
    if (b->cap)
        b->data[len] = '\0';
}

fl_buffer *fl_buffer_new(void)
{
    fl_buffer *b = malloc(sizeof *b);
    if (b)
        fl_buffer_init(b);
    return b;
}

void fl_buffer_clear(fl_buffer *b)
{
    fl_buffer_truncate(b, 0);
    b->failed = 0;
}

const char *fl_buffer_data(const fl_buffer *b) { return b->data; }
size_t fl_buffer_len(const fl_buffer *b) { return b->len; }

void fl_buffer_free(fl_buffer *b)
{
    if (!b)
        return;
    fl_buffer_release(b);
    free(b);
}
