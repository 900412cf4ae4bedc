/*
 * json.h — a small JSON writer into fl_buffer.
 *
 * Strings are escaped so the output is valid JSON for any bytes: quotes,
 * backslashes and control characters are escaped, U+2028/U+2029 too (so the
 * output is also safe inside JavaScript), and invalid UTF-8 becomes \ufffd.
 * The writer does not track nesting; callers write well-formed structure.
 */
#ifndef FL_OUTPUT_JSON_H
#define FL_OUTPUT_JSON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "util/buffer.h"

int fl_json_string(fl_buffer *b, const char *s, size_t len);
int fl_json_cstring(fl_buffer *b, const char *s);     /* NULL writes null */
int fl_json_key_general(fl_buffer *b, const char *key, int first);

/* ,"key": (no comma when first). Inline, since output writes one a value:
 * for a literal key of printable ASCII without '"' or '\\' (the schema's
 * own words) the compiler settles the length and the check at compile
 * time, leaving a few stores; any other key takes the general path. */
static inline int fl_json_key(fl_buffer *b, const char *key, int first)
{
    size_t n = strlen(key);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)key[i];
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\')
            return fl_json_key_general(b, key, first);
    }
    if (b->cap - b->len <= n + 4 || b->failed)
        return fl_json_key_general(b, key, first);
    char *p = b->data + b->len;
    *p = ',';
    p += !first;
    *p++ = '"';
    memcpy(p, key, n);
    p += n;
    *p++ = '"';
    *p++ = ':';
    *p = '\0';
    b->len = (size_t)(p - b->data);
    return 1;
}
int fl_json_uint(fl_buffer *b, uint64_t v);

#endif
