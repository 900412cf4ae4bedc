/*
 * sbuf.c — growable buffer and JSON writing for the server (see sbuf.h).
 * Doubling growth; the buffer keeps a NUL after its content. Not for: the
 * library's own JSON writer (src/output), which the server does not link
 * against beyond the public header.
 */
#include "sbuf.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sbuf_init(sbuf *b) { memset(b, 0, sizeof *b); }

void sbuf_release(sbuf *b)
{
    free(b->data);
    sbuf_init(b);
}

static int reserve(sbuf *b, size_t extra)
{
    if (b->failed)
        return 0;
    if (b->len + extra + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) {
            b->failed = 1;
            return 0;
        }
        cap *= 2;
    }
    char *d = realloc(b->data, cap);
    if (!d) {
        b->failed = 1;
        return 0;
    }
    b->data = d;
    b->cap = cap;
    return 1;
}

void sbuf_append(sbuf *b, const char *data, size_t len)
{
    if (!reserve(b, len))
        return;
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void sbuf_puts(sbuf *b, const char *s) { sbuf_append(b, s, strlen(s)); }

void sbuf_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Length of the valid UTF-8 sequence at s (1-4), or 0 if invalid. */
static size_t utf8_sequence(const unsigned char *s, size_t len, unsigned *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    unsigned min;
    if ((c & 0xE0) == 0xC0) {
        n = 2, min = 0x80, c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3, min = 0x800, c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4, min = 0x10000, c &= 0x07;
    } else {
        return 0;
    }
    if (len < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

int utf8_valid_text(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned cp;
        size_t n = utf8_sequence(u + i, len - i, &cp);
        if (!n || (cp < 0x20 && cp != '\t') || cp == 0x7F)
            return 0;
        i += n;
    }
    return 1;
}

void sbuf_json_string_n(sbuf *b, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    sbuf_append(b, "\"", 1);
    size_t i = 0, run = 0; /* bytes [run, i) are copied as they are */
    while (i < len) {
        unsigned cp;
        size_t n = utf8_sequence(u + i, len - i, &cp);
        const char *esc = NULL;
        char tmp[16];
        if (!n) {
            esc = "\\ufffd";
            n = 1;
        } else if (cp == '"') {
            esc = "\\\"";
        } else if (cp == '\\') {
            esc = "\\\\";
        } else if (cp == '\n') {
            esc = "\\n";
        } else if (cp == '\t') {
            esc = "\\t";
        } else if (cp == '\r') {
            esc = "\\r";
        } else if (cp < 0x20 || cp == '<' || cp == '>' || cp == '&' || cp == '\'' || cp == 0x7F || cp == 0x2028 ||
                   cp == 0x2029) {
            snprintf(tmp, sizeof tmp, "\\u%04x", cp);
            esc = tmp;
        }
        if (esc) {
            sbuf_append(b, s + run, i - run);
            sbuf_puts(b, esc);
            run = i + n;
        }
        i += n;
    }
    sbuf_append(b, s + run, len - run);
    sbuf_append(b, "\"", 1);
}

void sbuf_json_string(sbuf *b, const char *s)
{
    if (!s)
        sbuf_puts(b, "null");
    else
        sbuf_json_string_n(b, s, strlen(s));
}

void sbuf_json_number(sbuf *b, const char *s)
{
    /* JSON: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? and finite. */
    const char *p = s;
    int ok = s != NULL;
    if (ok && *p == '-')
        p++;
    if (ok && *p == '0')
        p++;
    else if (ok && *p >= '1' && *p <= '9')
        while (*p >= '0' && *p <= '9')
            p++;
    else
        ok = 0;
    if (ok && *p == '.') {
        p++;
        if (!(*p >= '0' && *p <= '9'))
            ok = 0;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    if (ok && (*p == 'e' || *p == 'E')) {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!(*p >= '0' && *p <= '9'))
            ok = 0;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    if (ok && (*p || !isfinite(strtod(s, NULL))))
        ok = 0;
    sbuf_puts(b, ok ? s : "null");
}
