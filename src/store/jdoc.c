/*
 * jdoc.c — a read-only JSON document parsed in place (see jdoc.h).
 *
 * Cost: one copy of the input, then one pass; a string is unescaped where it
 * lies (an escape is never shorter than what it stands for), values come
 * from arena chunks kept between documents, so a steady stream of lines
 * allocates nothing. Members are found by a linear scan: extract objects
 * have a dozen members at most.
 */
#define _GNU_SOURCE /* strtod_l: numbers read the same whatever locale the program set */
#include "store/jdoc.h"

#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_VALUES 512
#define MAX_DEPTH 512

typedef struct chunk {
    struct chunk *next;
    jd_value v[CHUNK_VALUES];
} chunk;

struct jd_doc {
    char *buf;
    size_t cap;
    chunk *chunks, *cur; /* cur: the chunk values come from now */
    size_t used;         /* values taken from cur */
    const char *base;    /* start of buf, for offsets in messages */
    char error[160];
};

jd_doc *jd_new(void) { return calloc(1, sizeof(jd_doc)); }

void jd_free(jd_doc *d)
{
    if (!d)
        return;
    for (chunk *c = d->chunks, *n; c; c = n) {
        n = c->next;
        free(c);
    }
    free(d->buf);
    free(d);
}

const char *jd_error(const jd_doc *d) { return d->error; }

static jd_value *new_value(jd_doc *d, jd_type t)
{
    if (!d->cur || d->used == CHUNK_VALUES) {
        chunk *c = d->cur ? d->cur->next : d->chunks;
        if (!c) {
            if (!(c = malloc(sizeof *c)))
                return NULL;
            c->next = NULL;
            if (d->cur)
                d->cur->next = c;
            else
                d->chunks = c;
        }
        d->cur = c;
        d->used = 0;
    }
    jd_value *v = &d->cur->v[d->used++];
    memset(v, 0, sizeof *v);
    v->type = t;
    return v;
}

static jd_value *fail(jd_doc *d, const char *p, const char *what)
{
    snprintf(d->error, sizeof d->error, "%s at byte %zu", what, (size_t)(p - d->base));
    return NULL;
}

static const char *skip_space(const char *p, const char *end)
{
    /* Every JSON space is at most ' ': one test settles the usual case (no
     * space at all, as factline extract writes). */
    while (p < end && (unsigned char)*p <= ' ' && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
        p++;
    return p;
}

static int hex4(const char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return 0;
    }
    *out = v;
    return 1;
}

static char *put_utf8(char *w, unsigned cp)
{
    if (cp < 0x80) {
        *w++ = (char)cp;
    } else if (cp < 0x800) {
        *w++ = (char)(0xC0 | (cp >> 6));
        *w++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *w++ = (char)(0xE0 | (cp >> 12));
        *w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *w++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *w++ = (char)(0xF0 | (cp >> 18));
        *w++ = (char)(0x80 | ((cp >> 12) & 0x3F));
        *w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *w++ = (char)(0x80 | (cp & 0x3F));
    }
    return w;
}

/* Length of the valid UTF-8 sequence at p (lead byte >= 0x80), 0 if invalid. */
static size_t utf8_sequence(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    size_t n;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, min = 0x10000;
    else
        return 0;
    if ((size_t)(end - p) < n)
        return 0;
    unsigned cp = c & (0x3F >> (n - 1));
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* Nonzero if any byte of x is below 0x20, a '"', a '\\' or 0x80 and above
 * (the classic "has a byte less than n" and "has a zero byte" bit tricks). */
static inline uint64_t special_byte(uint64_t x)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    uint64_t quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\');
    return (((x - ones * 0x20) & ~x) | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | x) & highs;
}

/* A string starting after its opening quote at *pp: unescaped in place and
 * NUL-terminated; *pp moves past the closing quote. */
static const char *parse_string(jd_doc *d, char **pp, const char *end, size_t *len)
{
    char *r = *pp, *w = *pp;
    const char *start = w;
    for (;;) {
        /* The common run: plain ASCII, eight bytes a step up to the first
         * quote, backslash, control byte or non-ASCII byte (the lowest
         * flagged byte of special_byte is always a true one). The document
         * keeps 8 zero bytes after the input (jd_parse), so a word may be
         * read across its end: the NUL there stops the run. Until the first
         * escape the string is where it lies and nothing is copied. */
        for (;;) {
            uint64_t x, special;
            memcpy(&x, r, 8);
            special = special_byte(x);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            /* The first byte in memory is the word's most significant. */
            size_t n = special ? (size_t)__builtin_clzll(special) / 8 : 8;
#else
            size_t n = special ? (size_t)__builtin_ctzll(special) / 8 : 8;
#endif
            if (w != r)
                memmove(w, r, n);
            w += n, r += n;
            if (n < 8)
                break;
        }
        if (r >= end) {
            fail(d, r, "unterminated string");
            return NULL;
        }
        unsigned char c = (unsigned char)*r;
        if (c == '"') {
            *w = '\0';
            *len = (size_t)(w - start);
            *pp = r + 1;
            return start;
        }
        if (c < 0x20) {
            fail(d, r, "control character in a string");
            return NULL;
        }
        if (c >= 0x80) {
            size_t n = utf8_sequence((const unsigned char *)r, (const unsigned char *)end);
            if (!n) {
                fail(d, r, "invalid UTF-8 in a string");
                return NULL;
            }
            memmove(w, r, n);
            w += n, r += n;
            continue;
        }
        /* an escape */
        if (end - r < 2) {
            fail(d, r, "unterminated string");
            return NULL;
        }
        char e = r[1];
        r += 2;
        switch (e) {
        case '"': *w++ = '"'; break;
        case '\\': *w++ = '\\'; break;
        case '/': *w++ = '/'; break;
        case 'b': *w++ = '\b'; break;
        case 'f': *w++ = '\f'; break;
        case 'n': *w++ = '\n'; break;
        case 'r': *w++ = '\r'; break;
        case 't': *w++ = '\t'; break;
        case 'u': {
            unsigned cp, lo;
            if (end - r < 4 || !hex4(r, &cp)) {
                fail(d, r, "invalid \\u escape");
                return NULL;
            }
            r += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (end - r < 6 || r[0] != '\\' || r[1] != 'u' || !hex4(r + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF) {
                    fail(d, r, "unpaired surrogate in a \\u escape");
                    return NULL;
                }
                r += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                fail(d, r, "unpaired surrogate in a \\u escape");
                return NULL;
            }
            if (cp == 0) {
                fail(d, r, "\\u0000 is not allowed");
                return NULL;
            }
            w = put_utf8(w, cp);
            break;
        }
        default:
            fail(d, r - 1, "invalid escape");
            return NULL;
        }
    }
}


/* JSON numbers use '.', whatever LC_NUMERIC a program embedding the
 * library has set: reals are read in the C locale, made once. */
static locale_t c_numeric;
static pthread_once_t c_numeric_once = PTHREAD_ONCE_INIT;
static void c_numeric_init(void) { c_numeric = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0); }

static jd_value *parse_number(jd_doc *d, char **pp, const char *end)
{
    char *p = *pp, *start = p;
    int real = 0;
    if (p < end && *p == '-')
        p++;
    if (p < end && *p == '0')
        p++;
    else if (p < end && *p >= '1' && *p <= '9')
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    else
        return fail(d, start, "invalid number");
    if (p < end && *p == '.') {
        real = 1;
        p++;
        if (p >= end || *p < '0' || *p > '9')
            return fail(d, start, "invalid number");
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        real = 1;
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        if (p >= end || *p < '0' || *p > '9')
            return fail(d, start, "invalid number");
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    }
    /* The byte after a number is never a digit, so strtoll/strtod stop at p. */
    jd_value *v = new_value(d, real ? JD_REAL : JD_INT);
    if (!v)
        return fail(d, start, "out of memory");
    errno = 0;
    if (real) {
        pthread_once(&c_numeric_once, c_numeric_init);
        v->u.d = c_numeric ? strtod_l(start, NULL, c_numeric) : strtod(start, NULL);
        if (errno == ERANGE && isinf(v->u.d))
            return fail(d, start, "real number overflow");
    } else {
        /* Digits by hand: spans are most of an extract line's numbers. */
        const char *q = start + (*start == '-');
        unsigned long long u = 0, limit = *start == '-' ? (unsigned long long)LLONG_MAX + 1 : LLONG_MAX;
        for (; q < p; q++) {
            unsigned digit = (unsigned)(*q - '0');
            if (u > (limit - digit) / 10)
                return fail(d, start, "too big integer");
            u = u * 10 + digit;
        }
        v->u.i = *start == '-' ? (u == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN : -(long long)u) : (long long)u;
    }
    *pp = p;
    return v;
}

static jd_value *parse_value(jd_doc *d, char **pp, const char *end, int depth)
{
    char *p = (char *)skip_space(*pp, end);
    if (p >= end)
        return fail(d, p, "unexpected end of input");
    if (depth > MAX_DEPTH)
        return fail(d, p, "too deeply nested");
    jd_value *v;
    switch (*p) {
    case '{':
    case '[': {
        int object = *p == '{';
        char close = object ? '}' : ']';
        v = new_value(d, object ? JD_OBJECT : JD_ARRAY);
        if (!v)
            return fail(d, p, "out of memory");
        p = (char *)skip_space(p + 1, end);
        if (p < end && *p == close) {
            *pp = p + 1;
            return v;
        }
        jd_value **tail = &v->u.first;
        for (;;) {
            const char *key = NULL;
            size_t key_len = 0;
            if (object) {
                size_t klen;
                p = (char *)skip_space(p, end);
                if (p >= end || *p != '"')
                    return fail(d, p, "expected a member name");
                p++;
                if (!(key = parse_string(d, &p, end, &klen)))
                    return NULL;
                key_len = klen;
                p = (char *)skip_space(p, end);
                if (p >= end || *p != ':')
                    return fail(d, p, "expected ':'");
                p++;
            }
            jd_value *child = parse_value(d, &p, end, depth + 1);
            if (!child)
                return NULL;
            child->key = key;
            child->key_len = key_len;
            *tail = child;
            tail = &child->next;
            v->len++;
            p = (char *)skip_space(p, end);
            if (p < end && *p == ',') {
                p++;
                continue;
            }
            if (p < end && *p == close) {
                *pp = p + 1;
                return v;
            }
            return fail(d, p, object ? "expected ',' or '}'" : "expected ',' or ']'");
        }
    }
    case '"': {
        p++;
        size_t len;
        const char *s = parse_string(d, &p, end, &len);
        if (!s)
            return NULL;
        if (!(v = new_value(d, JD_STRING)))
            return fail(d, p, "out of memory");
        v->u.s = s;
        v->len = len;
        *pp = p;
        return v;
    }
    case 't':
    case 'f':
    case 'n': {
        static const struct {
            const char *word;
            size_t len;
            jd_type type;
        } words[] = {{"true", 4, JD_TRUE}, {"false", 5, JD_FALSE}, {"null", 4, JD_NULL}};
        for (size_t i = 0; i < 3; i++) {
            if ((size_t)(end - p) >= words[i].len && memcmp(p, words[i].word, words[i].len) == 0) {
                if (!(v = new_value(d, words[i].type)))
                    return fail(d, p, "out of memory");
                *pp = p + words[i].len;
                return v;
            }
        }
        return fail(d, p, "invalid literal");
    }
    default:
        v = parse_number(d, &p, end);
        if (v)
            *pp = p;
        return v;
    }
}

jd_value *jd_parse(jd_doc *d, const char *json, size_t len)
{
    d->error[0] = '\0';
    d->cur = NULL;
    d->used = 0;
    if (len + 8 > d->cap) {
        char *b = realloc(d->buf, len + 8);
        if (!b) {
            snprintf(d->error, sizeof d->error, "out of memory");
            return NULL;
        }
        d->buf = b;
        d->cap = len + 8;
    }
    memcpy(d->buf, json, len);
    memset(d->buf + len, 0, 8); /* a NUL for the text, and room for parse_string's last word */
    d->base = d->buf;
    char *p = d->buf;
    const char *end = d->buf + len;
    jd_value *root = parse_value(d, &p, end, 0);
    if (!root)
        return NULL;
    if (skip_space(p, end) != end)
        return fail(d, p, "end of file expected");
    return root;
}

jd_value *jd_get_n(const jd_value *v, const char *key, size_t len)
{
    jd_value *found = NULL;
    if (!jd_is(v, JD_OBJECT))
        return NULL;
    /* Length and first byte first: most members differ in one of them. */
    for (jd_value *m = v->u.first; m; m = m->next)
        if (m->key_len == len && m->key[0] == key[0] && memcmp(m->key, key, len) == 0)
            found = m; /* the last of duplicated members wins */
    return found;
}
