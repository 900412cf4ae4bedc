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
#include "util/buffer.h"

int fl_json_string(fl_buffer *b, const char *s, size_t len);
int fl_json_cstring(fl_buffer *b, const char *s);     /* NULL writes null */
int fl_json_key(fl_buffer *b, const char *key, int first); /* ,"key": */
int fl_json_uint(fl_buffer *b, uint64_t v);

#endif
