/*
 * pg_fts.c — the search column (articles.fts, quotes.fts) computed by the
 * writer, as a tsvector literal sent with the row's COPY, instead of by
 * the server from the text.
 *
 * The server's expression (pg_store.c, FL_PG_WORDS: an ICU-collated
 * regexp_replace, lower() and to_tsvector('simple'), and for articles the
 * headline's vector with weight A concatenated with the body's) was most
 * of the server's CPU per stored article, and with several writers the
 * server is what they share. The writer computes exactly the same value
 * when it can be sure of it: when every character of the text is ASCII or
 * one of a few non-ASCII punctuation and space characters that are not
 * letters or digits for ICU either (below). Then the words are runs of
 * ASCII letters and digits, lower-cased in ASCII, each one token of the
 * default parser, numbered from 1, and the rules of PostgreSQL's
 * to_tsvector (uniqueWORD) and tsvector || (tsvector_concat) give the
 * positions. Any other text (a letter with an accent, another script) is
 * left to the server: the writer sends NULL and the trigger of pg_store.c
 * computes the column with the old expression, as it does for rows
 * written by an older factline. Tested by test_store_parity: every stored
 * article's and quote's column equals the expression's value.
 * Not for: the search itself (pg_search.c).
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_internal.h"
#include "util/grow.h"

/* PostgreSQL's limits (tsearch/ts_type.h, ts_public.h): a word of
 * MAXSTRLEN ((1 << 11) - 1 = 2,047) bytes or more is skipped by to_tsvector
 * and refused in a literal; a position is at most 16,383; a lexeme keeps at
 * most 255 positions from to_tsvector and from a literal, 256 from ||. */
#define MAXSTRLEN 2047
#define MAXENTRYPOS 16384
#define MAXNUMPOS 256
#define LIMITPOS(p) ((p) >= MAXENTRYPOS ? MAXENTRYPOS - 1 : (p))
/* The expression indexes left(text, 262144): characters, not bytes. */
#define TEXT_CHARS 262144

typedef struct word {
    size_t off, len; /* in the lower-cased copy */
    const char *s;   /* off in the copy, set once the copy is complete */
    int pos;
} word;

typedef struct words {
    fl_buffer lower;
    word *w;
    size_t n, cap;
} words;

/* 1 if code point cp is certainly neither a letter nor a decimal digit for
 * ICU (u_isalnum: general categories L* and Nd), so a separator in
 * '[^[:alnum:]]+': the Latin-1 punctuation, symbols and spaces (not ª, µ,
 * º, which are letters), × and ÷, General Punctuation (spaces, dashes,
 * quotes, format characters), the currency signs, and the byte-order mark. */
static int non_alnum(uint32_t cp)
{
    if (cp >= 0x80 && cp <= 0xBF)
        return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
    return cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20C0) ||
           cp == 0xFEFF;
}

/* 1 if the server's parser would split this run of ASCII letters and
 * digits (lower-cased) into more than one token. The text the parser sees
 * is only letters, digits and spaces (FL_PG_WORDS), so of the default
 * parser's token types (wparser_def.c) URLs, hosts, e-mail addresses, file
 * paths, versions and decimals (all need '.', '/', '@', '-' or '_') cannot
 * occur; a run starting with digits goes through the states of an unsigned
 * integer, a host and scientific notation, and only the last ends the
 * token inside the run: digits, 'e', digits, then a letter ("3e8a9f" is
 * '3e8' and 'a9f'). Such a text is left to the server (not sure). */
static int sci_prefix(const char *w, size_t len)
{
    size_t i = 0;
    while (i < len && w[i] >= '0' && w[i] <= '9')
        i++;
    if (!i || i == len || w[i] != 'e')
        return 0;
    size_t j = ++i;
    while (i < len && w[i] >= '0' && w[i] <= '9')
        i++;
    return i > j && i < len; /* followed by a letter: digits run on */
}

/* The words of the first `chars` characters of t[0, len), positions from
 * 1; 0 if the text has a character only ICU can classify (or bad UTF-8). */
static int split(const char *t, size_t len, long chars, words *out)
{
    out->n = 0;
    fl_buffer_clear(&out->lower);
    int pos = 0;
    size_t i = 0;
    long seen = 0;
    while (i < len && seen < chars) {
        unsigned char c = (unsigned char)t[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            size_t start = out->lower.len;
            while (i < len && seen < chars) {
                c = (unsigned char)t[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                    break;
                fl_buffer_append_char(&out->lower, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
                i++;
                seen++;
            }
            size_t wlen = out->lower.len - start;
            if (sci_prefix(out->lower.data + start, wlen))
                return 0;
            if (wlen >= MAXSTRLEN) { /* skipped, without a position */
                out->lower.len = start;
                continue;
            }
            if (!fl_grow(&out->w, &out->cap, out->n + 1, sizeof *out->w, 256))
                return 0;
            pos++;
            out->w[out->n++] = (word){start, wlen, NULL, LIMITPOS(pos)};
            continue;
        }
        if (c < 0x80) {
            i++;
            seen++;
            continue;
        }
        uint32_t cp;
        size_t n;
        if (c >= 0xC2 && c <= 0xDF && i + 1 < len) {
            cp = (uint32_t)(c & 0x1F) << 6 | (t[i + 1] & 0x3F);
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF && i + 2 < len) {
            cp = (uint32_t)(c & 0x0F) << 12 | (uint32_t)(t[i + 1] & 0x3F) << 6 | (t[i + 2] & 0x3F);
            n = 3;
        } else {
            return 0;
        }
        for (size_t k = 1; k < n; k++)
            if (((unsigned char)t[i + k] & 0xC0) != 0x80)
                return 0;
        if (!non_alnum(cp))
            return 0;
        i += n;
        seen++;
    }
    return !out->lower.failed;
}

/* to_tsvector's order (compareWORD): by the word's bytes, then position.
 * The words carry their own pointers (no global: one fl_pg_fts per
 * thread, several in a process). */
static int cmp_word(const void *a, const void *b)
{
    const word *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    if (c)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* A lexeme with its positions, as to_tsvector keeps them (uniqueWORD);
 * pos points into one array shared by all the lexemes of a text. */
typedef struct lexeme {
    const char *w;
    size_t len;
    int npos, *pos;
} lexeme;

/* The lexemes of `in` (sorted), each with its kept positions, into *out:
 * one block, the lexemes then their positions (at most one per word), so
 * the memory grows with the words, not 256 positions per word. */
static int lexemes(words *in, lexeme **out, size_t *nout)
{
    *nout = 0;
    *out = NULL;
    if (!in->n)
        return 1;
    for (size_t i = 0; i < in->n; i++)
        in->w[i].s = in->lower.data + in->w[i].off;
    qsort(in->w, in->n, sizeof *in->w, cmp_word);
    size_t distinct = 1;
    for (size_t i = 1; i < in->n; i++)
        distinct += in->w[i].len != in->w[i - 1].len || memcmp(in->w[i].s, in->w[i - 1].s, in->w[i].len);
    lexeme *l = malloc(distinct * sizeof *l + in->n * sizeof(int));
    if (!l)
        return 0;
    int *posbuf = (int *)(void *)(l + distinct);
    size_t k = 0, used = 0;
    for (size_t i = 0; i < in->n; i++) {
        const word *w = &in->w[i];
        lexeme *cur = k ? &l[k - 1] : NULL;
        if (!cur || cur->len != w->len || memcmp(cur->w, w->s, w->len)) {
            cur = &l[k++];
            cur->w = w->s;
            cur->len = w->len;
            cur->npos = 1;
            cur->pos = posbuf + used++;
            cur->pos[0] = w->pos;
        } else if (cur->npos < MAXNUMPOS - 1 && cur->pos[cur->npos - 1] != MAXENTRYPOS - 1 &&
                   cur->pos[cur->npos - 1] != w->pos) {
            cur->pos[cur->npos++] = w->pos;
            used++;
        }
    }
    *out = l;
    *nout = k;
    return 1;
}

static int cmp_lex(const lexeme *a, const lexeme *b)
{
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->w, b->w, n);
    return c ? c : a->len < b->len ? -1 : a->len > b->len;
}

/* Appends one lexeme with positions to the literal; weight_a: how many of
 * the first positions carry weight A. */
static void put(fl_buffer *out, const lexeme *l, int weight_a, const int *pos, int npos)
{
    if (out->len)
        fl_buffer_append_char(out, ' ');
    fl_buffer_append_char(out, '\'');
    fl_buffer_append(out, l->w, l->len); /* ASCII letters and digits: nothing to quote */
    fl_buffer_append_char(out, '\'');
    for (int i = 0; i < npos; i++)
        fl_buffer_printf(out, "%c%d%s", i ? ',' : ':', pos[i], i < weight_a ? "A" : "");
}

struct fl_pg_fts {
    words head, body;
    fl_buffer out;
};

fl_pg_fts *fl_pg_fts_new(void)
{
    fl_pg_fts *f = calloc(1, sizeof *f);
    if (f) {
        fl_buffer_init(&f->head.lower);
        fl_buffer_init(&f->body.lower);
        fl_buffer_init(&f->out);
    }
    return f;
}

void fl_pg_fts_free(fl_pg_fts *f)
{
    if (!f)
        return;
    fl_buffer_release(&f->head.lower);
    fl_buffer_release(&f->body.lower);
    fl_buffer_release(&f->out);
    free(f->head.w);
    free(f->body.w);
    free(f);
}

const char *fl_pg_fts_literal(fl_pg_fts *f, const char *headline, size_t hlen, const char *text, size_t tlen,
                              size_t *len)
{
    fl_buffer *out = &f->out;
    fl_buffer_clear(out);
    if ((headline && !split(headline, hlen, LONG_MAX, &f->head)) || !split(text, tlen, TEXT_CHARS, &f->body))
        return NULL;
    lexeme *h = NULL, *b = NULL;
    size_t nh = 0, nb = 0;
    int ok = (!headline || lexemes(&f->head, &h, &nh)) && lexemes(&f->body, &b, &nb);
    if (!headline) { /* a quote: to_tsvector of the text alone */
        for (size_t i = 0; ok && i < nb; i++)
            put(out, &b[i], 0, b[i].pos, b[i].npos);
    } else if (ok) {
        /* setweight(headline, 'A') || body: the body's positions shifted by
         * the headline's largest (tsvector_concat, add_pos) */
        int maxpos = 0;
        for (size_t i = 0; i < nh; i++)
            for (int k = 0; k < h[i].npos; k++)
                if (h[i].pos[k] > maxpos)
                    maxpos = h[i].pos[k];
        size_t i = 0, j = 0;
        int pos[MAXNUMPOS];
        while (ok && (i < nh || j < nb)) {
            int c = i == nh ? 1 : j == nb ? -1 : cmp_lex(&h[i], &b[j]);
            const lexeme *l = c <= 0 ? &h[i] : &b[j];
            int n = 0, weight_a = 0;
            if (c <= 0) {
                memcpy(pos, h[i].pos, (size_t)h[i].npos * sizeof *pos);
                n = weight_a = h[i].npos;
            }
            if (c >= 0)
                for (int k = 0; k < b[j].npos && n < MAXNUMPOS && (n == 0 || pos[n - 1] != MAXENTRYPOS - 1); k++)
                    pos[n++] = LIMITPOS(b[j].pos[k] + maxpos);
            /* A literal keeps 255 positions, || up to 256: the server's. */
            if (n >= MAXNUMPOS)
                ok = 0;
            else
                put(out, l, weight_a, pos, n);
            if (c <= 0)
                i++;
            if (c >= 0)
                j++;
        }
    }
    free(h);
    free(b);
    if (!ok || out->failed)
        return NULL;
    *len = out->len;
    return out->len ? out->data : "";
}
