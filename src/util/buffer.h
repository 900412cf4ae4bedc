/*
 * buffer.h — growable byte buffer (internal view of the public fl_buffer).
 *
 * Used for article text, line assembly and JSON output. The buffer always
 * keeps a NUL after its last byte so its data can be passed as a C string.
 * Growth doubles the capacity, so appending n bytes costs amortised O(n).
 * Not for: bounded memory by itself; callers enforce their own limits.
 */
#ifndef FL_UTIL_BUFFER_H
#define FL_UTIL_BUFFER_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "factline.h"

struct fl_buffer {
    char *data;
    size_t len;
    size_t cap;
    int failed; /* set once an allocation failed; further appends are ignored */
};

void fl_buffer_init(fl_buffer *b);
void fl_buffer_release(fl_buffer *b);
int fl_buffer_reserve(fl_buffer *b, size_t extra);
/* Appending is inline while the capacity suffices (the common case: JSON
 * output appends a few bytes at a time), else grows out of line. */
int fl_buffer_append_grow(fl_buffer *b, const void *data, size_t len);
static inline int fl_buffer_append(fl_buffer *b, const void *data, size_t len)
{
    if (b->cap - b->len > len && !b->failed) { /* cap 0 (nothing allocated) always grows */
        if (len)
            memcpy(b->data + b->len, data, len);
        b->len += len;
        b->data[b->len] = '\0';
        return 1;
    }
    return fl_buffer_append_grow(b, data, len);
}
static inline int fl_buffer_append_char(fl_buffer *b, char c)
{
    if (b->cap - b->len > 1 && !b->failed) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return 1;
    }
    return fl_buffer_append_grow(b, &c, 1);
}
int fl_buffer_append_str(fl_buffer *b, const char *s);
int fl_buffer_printf(fl_buffer *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void fl_buffer_truncate(fl_buffer *b, size_t len);

#endif
