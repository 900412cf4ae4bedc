/*
 * pg_search.c — the text work of a search on PostgreSQL: user text into
 * phrases (store_query.c's rules: words, closed "quoted phrases", prefix*
 * words), the tsquery made from them, and highlighted fragments made the way
 * FTS5's snippet() makes them, so both backends show the same fragment.
 *
 * The fragment (FTS5's algorithm, reimplemented): the text is split into
 * tokens (runs of letters and digits, compared case- and accent-folded, as
 * unicode61 with remove_diacritics does); every place a phrase matches is an
 * instance. Each instance proposes a window of n tokens centred on the
 * instances it holds, scored 1000 for each phrase seen in it and 1 for each
 * repeat; a window starting at the sentence start before the instance (a
 * token after "." or ":") gets 100 more (120 at the text's start). The best
 * (first best on ties) is shown, instances wrapped in the markers, "…" where
 * the window does not reach the text's start or end. Cost: O(instances^2)
 * per row, for a page of rows. Not for: running SQL (pg_query.c).
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "store/pg_internal.h"
#include "text/utf8.h"

#define MAX_QUERY_BYTES 4096 /* as store_query.c */

typedef struct phrase {
    char **words; /* folded */
    size_t n;
    int prefix;
} phrase;

struct fl_pg_phrases {
    phrase *p;
    size_t n;
    fl_buffer tsquery;
};

/* Case- and accent-folded copy of a token (malloc'ed). */
static char *fold(const char *s, size_t len)
{
    int ascii = 1;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)s[i] < 128;
    if (ascii) {
        char *o = malloc(len + 1);
        if (!o)
            return NULL;
        for (size_t i = 0; i < len; i++)
            o[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
        o[len] = '\0';
        return o;
    }
    utf8proc_uint8_t *out = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
                     UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK) < 0)
        return NULL;
    return (char *)out;
}

/* The next token at or after *at: its span; 0 at the end. */
static int next_token(const char *s, size_t len, size_t *at, size_t *start, size_t *end)
{
    size_t i = *at;
    int32_t cp;
    while (i < len) {
        size_t n = fl_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (cp >= 0 && fl_cc_is_alnum(fl_char_class(cp)))
            break;
        i += n;
    }
    if (i >= len)
        return 0;
    *start = i;
    while (i < len) {
        size_t n = fl_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (cp < 0 || !fl_cc_is_alnum(fl_char_class(cp)))
            break;
        i += n;
    }
    *end = *at = i;
    return 1;
}

void fl_pg_phrases_free(fl_pg_phrases *q)
{
    if (!q)
        return;
    for (size_t i = 0; i < q->n; i++) {
        for (size_t w = 0; w < q->p[i].n; w++)
            free(q->p[i].words[w]);
        free(q->p[i].words);
    }
    free(q->p);
    fl_buffer_release(&q->tsquery);
    free(q);
}

static int add_word(fl_pg_phrases *q, int new_phrase, const char *w, size_t len)
{
    if (new_phrase) {
        phrase *g = realloc(q->p, (q->n + 1) * sizeof *g);
        if (!g)
            return 0;
        q->p = g;
        memset(&q->p[q->n++], 0, sizeof *q->p);
    }
    phrase *p = &q->p[q->n - 1];
    char **g = realloc(p->words, (p->n + 1) * sizeof *g);
    if (!g)
        return 0;
    p->words = g;
    return (p->words[p->n++] = fold(w, len)) != NULL;
}

fl_pg_phrases *fl_pg_phrases_parse(const char *in)
{
    fl_pg_phrases *q = calloc(1, sizeof *q);
    if (!q)
        return NULL;
    fl_buffer_init(&q->tsquery);
    fl_buffer *out = &q->tsquery;
    size_t len = strlen(in);
    if (len > MAX_QUERY_BYTES)
        len = MAX_QUERY_BYTES;
    size_t i = 0;
    int in_phrase = 0, phrase_words = 0, ok = 1;
    while (ok && i < len) {
        int32_t cp;
        size_t n = fl_utf8_decode((const unsigned char *)in + i, len - i, &cp);
        if (cp == '"') {
            if (in_phrase) {
                if (phrase_words)
                    fl_buffer_append_char(out, ')');
                in_phrase = 0;
            } else if (memchr(in + i + 1, '"', len - i - 1)) {
                in_phrase = 1;
                phrase_words = 0;
            }
            i += n;
            continue;
        }
        size_t start, end, at = i;
        if (!fl_cc_is_alnum(fl_char_class(cp)) || !next_token(in, len, &at, &start, &end)) {
            i += n;
            continue;
        }
        i = end;
        if (in_phrase && phrase_words++) {
            fl_buffer_append_str(out, " <-> ");
        } else {
            if (q->n)
                fl_buffer_append_str(out, " & ");
            if (in_phrase)
                fl_buffer_append_char(out, '(');
        }
        ok = add_word(q, !in_phrase || phrase_words == 1, in + start, end - start);
        /* letters and digits only: nothing to escape in the quoted lexeme */
        fl_buffer_append_char(out, '\'');
        fl_buffer_append(out, in + start, end - start);
        fl_buffer_append_char(out, '\'');
        if (!in_phrase && i < len && in[i] == '*') {
            fl_buffer_append_str(out, ":*");
            q->p[q->n - 1].prefix = 1;
        }
    }
    if (in_phrase && phrase_words)
        fl_buffer_append_char(out, ')');
    if (!ok || out->failed) {
        fl_pg_phrases_free(q);
        return NULL;
    }
    return q;
}

size_t fl_pg_phrases_count(const fl_pg_phrases *q) { return q->n; }
const char *fl_pg_phrases_tsquery(const fl_pg_phrases *q) { return q->tsquery.data; }

/* ---- the fragment ------------------------------------------------------- */

typedef struct token {
    size_t start, end;
    char *folded;
} token;

typedef struct instance {
    size_t phrase, pos, size;
} instance;

static int phrase_at(const phrase *p, const token *t, size_t ntok, size_t pos)
{
    if (pos + p->n > ntok)
        return 0;
    for (size_t w = 0; w < p->n; w++) {
        const char *a = t[pos + w].folded, *b = p->words[w];
        if (p->prefix && w + 1 == p->n ? strncmp(a, b, strlen(b)) != 0 : strcmp(a, b) != 0)
            return 0;
    }
    return 1;
}

/* The window score from `from` (n tokens); its centred start if wanted. */
static long window_score(const instance *in, size_t ninst, size_t nphr, unsigned char *seen, long from, long n,
                         long ntok, long *centred)
{
    long score = 0, first = -1, last = 0;
    memset(seen, 0, nphr);
    for (size_t i = 0; i < ninst; i++) {
        long pos = (long)in[i].pos;
        if (pos < from || pos >= from + n)
            continue;
        score += seen[in[i].phrase] ? 1 : 1000;
        seen[in[i].phrase] = 1;
        if (first < 0)
            first = pos;
        last = pos + (long)in[i].size;
    }
    if (centred) {
        long adj = first - (n - (last - first)) / 2;
        if (adj + n > ntok)
            adj = ntok - n;
        *centred = adj < 0 ? 0 : adj;
    }
    return score;
}

static int by_position(const void *a, const void *b)
{
    const instance *x = a, *y = b;
    if (x->pos != y->pos)
        return x->pos < y->pos ? -1 : 1;
    return x->phrase < y->phrase ? -1 : x->phrase > y->phrase;
}

int fl_pg_snippet(const fl_pg_phrases *q, const char *text, size_t len, long n, const char *open, const char *close,
                  const char *ellipsis, fl_buffer *out)
{
    token *t = NULL;
    instance *in = NULL;
    long *firsts = NULL;
    unsigned char *seen = calloc(q->n + 1, 1);
    size_t ntok = 0, cap = 0, ninst = 0, nfirst = 0;
    int ok = seen != NULL;
    /* tokens, and the sentence starts among them */
    for (size_t at = 0, s0, e0; ok && next_token(text, len, &at, &s0, &e0);) {
        if (ntok == cap) {
            cap = cap ? cap * 2 : 256;
            token *g = realloc(t, cap * sizeof *g);
            long *f = realloc(firsts, cap * sizeof *f);
            if (g)
                t = g;
            if (f)
                firsts = f;
            if (!g || !f) {
                ok = 0;
                break;
            }
        }
        size_t k = s0;
        while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t' || text[k - 1] == '\n' || text[k - 1] == '\r'))
            k--;
        if (ntok == 0 || (k < s0 && k > 0 && (text[k - 1] == '.' || text[k - 1] == ':')))
            firsts[nfirst++] = (long)ntok;
        t[ntok] = (token){s0, e0, fold(text + s0, e0 - s0)};
        ok = t[ntok++].folded != NULL;
    }
    /* instances, in position order */
    for (size_t pos = 0; ok && pos < ntok; pos++)
        for (size_t p = 0; p < q->n; p++) {
            if (!phrase_at(&q->p[p], t, ntok, pos))
                continue;
            instance *g = (ninst & (ninst - 1)) == 0 ? realloc(in, (ninst ? ninst * 2 : 1) * sizeof *g) : in;
            if (!g) {
                ok = 0;
                break;
            }
            in = g;
            in[ninst++] = (instance){p, pos, q->p[p].n};
        }
    if (ok)
        qsort(in, ninst, sizeof *in, by_position);
    /* the best window */
    long best = 0, best_score = 0;
    for (size_t i = 0; ok && i < ninst; i++) {
        long centred, pos = (long)in[i].pos;
        long score = window_score(in, ninst, q->n, seen, pos, n, (long)ntok, &centred);
        if (score > best_score)
            best_score = score, best = centred;
        if (nfirst && (long)ntok > n) {
            size_t j = 0;
            while (j + 1 < nfirst && firsts[j + 1] <= pos)
                j++;
            if (firsts[j] < pos) {
                score = window_score(in, ninst, q->n, seen, firsts[j], n, (long)ntok, NULL) + (firsts[j] == 0 ? 120 : 100);
                if (score > best_score)
                    best_score = score, best = firsts[j];
            }
        }
    }
    /* the text of the window, instances (overlapping ones joined) marked */
    fl_buffer_clear(out);
    long range_end = best + n - 1;
    size_t off = 0, next = 0;
    long istart = -1, iend = -1;
    if (ok && best > 0)
        fl_buffer_append_str(out, ellipsis);
#define NEXT_INSTANCE()                                                                                   \
    do {                                                                                                  \
        istart = iend = -1;                                                                               \
        for (; next < ninst; next++) {                                                                    \
            long s1 = (long)in[next].pos, e1 = s1 + (long)in[next].size - 1;                              \
            if (istart < 0)                                                                               \
                istart = s1, iend = e1;                                                                   \
            else if (s1 <= iend)                                                                          \
                iend = e1 > iend ? e1 : iend;                                                             \
            else                                                                                          \
                break;                                                                                    \
        }                                                                                                 \
    } while (0)
    if (ok) {
        NEXT_INSTANCE();
        while (istart >= 0 && istart < best)
            NEXT_INSTANCE();
    }
    for (long pos = best; ok && pos <= range_end && pos < (long)ntok; pos++) {
        size_t s0 = t[pos].start, e0 = t[pos].end;
        if (best && pos == best)
            off = s0;
        if (pos == istart) {
            fl_buffer_append(out, text + off, s0 - off);
            fl_buffer_append_str(out, open);
            off = s0;
        }
        if (pos == iend) {
            if (istart < best)
                fl_buffer_append_str(out, open);
            fl_buffer_append(out, text + off, e0 - off);
            fl_buffer_append_str(out, close);
            off = e0;
            NEXT_INSTANCE();
        }
        if (pos == range_end) {
            fl_buffer_append(out, text + off, e0 - off);
            off = e0;
            if (pos >= istart && pos < iend)
                fl_buffer_append_str(out, close);
        }
    }
#undef NEXT_INSTANCE
    if (ok) {
        if (range_end >= (long)ntok - 1)
            fl_buffer_append(out, text + off, len - off);
        else
            fl_buffer_append_str(out, ellipsis);
    }
    for (size_t i = 0; i < ntok; i++)
        free(t[i].folded);
    free(t);
    free(in);
    free(firsts);
    free(seen);
    return ok && !out->failed;
}
