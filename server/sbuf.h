/*
 * sbuf.h — the server's growable output buffer and the JSON pieces it writes
 * (strings escaped for any context, numbers checked). Responses are built in
 * one sbuf and handed to libmicrohttpd, which frees it. Not for: parsing.
 */
#ifndef FL_SERVER_SBUF_H
#define FL_SERVER_SBUF_H

#include <stddef.h>

typedef struct sbuf {
    char *data;
    size_t len, cap;
    int failed; /* an allocation failed: the content is incomplete */
} sbuf;

void sbuf_init(sbuf *b);
void sbuf_release(sbuf *b);
void sbuf_append(sbuf *b, const char *data, size_t len);
void sbuf_puts(sbuf *b, const char *s);
void sbuf_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A JSON string. Besides what JSON requires, escapes < > & ' and U+2028/9
 * (the text stays safe if pasted into HTML or a script) and writes U+FFFD
 * for every byte that is not valid UTF-8. NULL becomes null. */
void sbuf_json_string(sbuf *b, const char *s);
void sbuf_json_string_n(sbuf *b, const char *s, size_t len);

/* A JSON number if `s` is a finite decimal number, else null. */
void sbuf_json_number(sbuf *b, const char *s);

/* 1 if [s, s+len) is valid UTF-8 without NUL or other C0 controls except
 * tab; 0 otherwise. */
int utf8_valid_text(const char *s, size_t len);

#endif
