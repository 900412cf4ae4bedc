/*
 * json.c — JSON string escaping and small helpers. See json.h.
 */
#include "output/json.h"

#include <string.h>

#include "text/utf8.h"

int fl_json_string(fl_buffer *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    if (!fl_buffer_reserve(b, len + 2))
        return 0;
    fl_buffer_append_char(b, '"');
    size_t run = 0, i = 0;
    while (i < len) {
        unsigned char c = p[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            i++;
            continue;
        }
        size_t n = 1;
        char esc[8];
        size_t esc_len = 0;
        if (c < 0x80) {
            esc[0] = '\\';
            esc_len = 2;
            switch (c) {
            case '"': esc[1] = '"'; break;
            case '\\': esc[1] = '\\'; break;
            case '\n': esc[1] = 'n'; break;
            case '\t': esc[1] = 't'; break;
            case '\r': esc[1] = 'r'; break;
            case '\b': esc[1] = 'b'; break;
            case '\f': esc[1] = 'f'; break;
            default:
                memcpy(esc, "\\u00", 4);
                esc[4] = hex[c >> 4];
                esc[5] = hex[c & 15];
                esc_len = 6;
            }
        } else {
            int32_t cp;
            n = fl_utf8_decode(p + i, len - i, &cp);
            if (cp < 0) {
                memcpy(esc, "\\ufffd", 6);
                esc_len = 6;
            } else if (cp == 0x2028 || cp == 0x2029) {
                memcpy(esc, cp == 0x2028 ? "\\u2028" : "\\u2029", 6);
                esc_len = 6;
            } else {
                i += n;
                continue;
            }
        }
        fl_buffer_append(b, s + run, i - run);
        fl_buffer_append(b, esc, esc_len);
        i += n;
        run = i;
    }
    fl_buffer_append(b, s + run, len - run);
    return fl_buffer_append_char(b, '"');
}

int fl_json_cstring(fl_buffer *b, const char *s)
{
    if (!s)
        return fl_buffer_append(b, "null", 4);
    return fl_json_string(b, s, strlen(s));
}

int fl_json_key_general(fl_buffer *b, const char *key, int first)
{
    /* Keys are the schema's own words, which need no escaping: written in
     * one piece. Any other key takes the general path. */
    size_t n = 0;
    for (; key[n]; n++) {
        unsigned char c = (unsigned char)key[n];
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\')
            break;
    }
    if (!key[n]) {
        if (!fl_buffer_reserve(b, n + 4))
            return 0;
        char *p = b->data + b->len;
        if (!first)
            *p++ = ',';
        *p++ = '"';
        memcpy(p, key, n);
        p += n;
        *p++ = '"';
        *p++ = ':';
        *p = '\0';
        b->len = (size_t)(p - b->data);
        return 1;
    }
    if (!first)
        fl_buffer_append_char(b, ',');
    fl_json_cstring(b, key);
    return fl_buffer_append_char(b, ':');
}

int fl_json_uint(fl_buffer *b, uint64_t v)
{
    /* Digits written from the right: every span offset goes through here,
     * and snprintf's format parsing cost more than the rest of the JSON. */
    char tmp[20]; /* UINT64_MAX has 20 digits */
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return fl_buffer_append(b, tmp + i, sizeof tmp - i);
}
