/*
 * search_snippet.c — the fragment of a matching text shown under a search
 * result, its searched terms marked with **, for both backends: SQLite calls
 * it as fl_snippet(text, fts_query, tokens), the PostgreSQL backend
 * (pg_query.c) directly, so both show the same fragment. FTS5's snippet()
 * needs a full-text cursor positioned on the row (one seek in the index per
 * row of the page) and tokenizes the whole column twice; this takes the
 * stored text, tokenizes it once with the tokenizer the full-text tables are
 * declared with (unicode61, diacritics removed), so it marks exactly the
 * tokens an SQLite search matches, and stops as soon as a fragment holds
 * every searched term. PostgreSQL has no FTS5: its maker takes the same
 * tokenizer from a private in-memory SQLite connection. Not for: ranking
 * (search_rank.c).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "store/lookup.h"
#include "util/grow.h"

struct fl_snippet_maker {
    fts5_tokenizer api;
    Fts5Tokenizer *tok;
    sqlite3 *own_db; /* the in-memory connection the tokenizer came from, if the maker opened one */
};

typedef struct term {
    char *text;
    int len;
    int prefix; /* "word"*: any token starting with it */
} term;

typedef struct fl_snippet_terms {
    term *items;
    size_t count, cap;
    int failed;
} terms;

void fl_snippet_terms_free(fl_snippet_terms *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->count; i++)
        free(t->items[i].text);
    free(t->items);
    free(t);
}

static int add_term(void *arg, int flags, const char *token, int len, int start, int end)
{
    (void)start;
    (void)end;
    terms *t = arg;
    if (flags & FTS5_TOKEN_COLOCATED)
        return SQLITE_OK;
    for (size_t i = 0; i < t->count; i++)
        if (t->items[i].len == len && !memcmp(t->items[i].text, token, (size_t)len))
            return SQLITE_OK;
    if (!fl_grow(&t->items, &t->cap, t->count + 1, sizeof *t->items, 8)) {
        t->failed = 1;
        return SQLITE_NOMEM;
    }
    term *x = &t->items[t->count];
    x->text = malloc((size_t)len + 1);
    if (!x->text) {
        t->failed = 1;
        return SQLITE_NOMEM;
    }
    memcpy(x->text, token, (size_t)len);
    x->text[len] = '\0';
    x->len = len;
    x->prefix = 0;
    t->count++;
    return SQLITE_OK;
}

/* The terms of a query written by fl_search_fts_query: "word", "word"* and
 * "several words", each group tokenized as FTS5 tokenizes it. */
fl_snippet_terms *fl_snippet_terms_new(fl_snippet_maker *tk, const char *q)
{
    terms *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    const char *p = q;
    while ((p = strchr(p, '"')) != NULL) {
        const char *close = strchr(p + 1, '"');
        if (!close)
            break;
        size_t before = t->count;
        tk->api.xTokenize(tk->tok, t, FTS5_TOKENIZE_QUERY, p + 1, (int)(close - p - 1), add_term);
        if (close[1] == '*' && t->count > before)
            t->items[t->count - 1].prefix = 1;
        p = close + 1;
    }
    if (t->failed) {
        fl_snippet_terms_free(t);
        return NULL;
    }
    return t;
}

typedef struct token_span {
    int start, end;
    int term; /* index of the matched term, -1 for none */
} token_span;

typedef struct snippet_scan {
    const terms *terms;
    token_span *tokens;
    size_t count, cap;
    int window;     /* tokens in the fragment */
    size_t best;    /* first token of the best fragment found so far */
    int best_score; /* distinct terms in it; -1 none yet */
    size_t pending; /* next match whose fragment is not scored yet */
    int failed;
} snippet_scan;

static int term_of(const terms *t, const char *token, int len)
{
    for (size_t i = 0; i < t->count; i++) {
        const term *x = &t->items[i];
        if (x->prefix ? len >= x->len && !memcmp(token, x->text, (size_t)x->len)
                      : len == x->len && !memcmp(token, x->text, (size_t)len))
            return (int)i;
    }
    return -1;
}

/* Scores the fragment of `window` tokens starting at match token m. */
static int fragment_score(const snippet_scan *s, size_t m)
{
    unsigned long long seen = 0;
    int score = 0;
    for (size_t i = m; i < s->count && i < m + (size_t)s->window; i++) {
        int t = s->tokens[i].term;
        if (t >= 0 && t < 64 && !(seen & (1ull << t))) {
            seen |= 1ull << t;
            score++;
        }
    }
    return score;
}

static int scan_token(void *arg, int flags, const char *token, int len, int start, int end)
{
    snippet_scan *s = arg;
    if (flags & FTS5_TOKEN_COLOCATED)
        return SQLITE_OK;
    if (!fl_grow(&s->tokens, &s->cap, s->count + 1, sizeof *s->tokens, 256)) {
        s->failed = 1;
        return SQLITE_NOMEM;
    }
    s->tokens[s->count++] = (token_span){start, end, term_of(s->terms, token, len)};
    /* Score every match's fragment once its tokens are all seen; stop the
     * tokenizer when one holds every term and one more token shows whether
     * the text goes on. */
    while (s->pending < s->count) {
        if (s->tokens[s->pending].term < 0) {
            s->pending++;
            continue;
        }
        if (s->pending + (size_t)s->window > s->count)
            break;
        int score = fragment_score(s, s->pending);
        if (score > s->best_score) {
            s->best = s->pending;
            s->best_score = score;
        }
        s->pending++;
    }
    if (s->best_score >= (int)s->terms->count && s->count > s->best + (size_t)s->window + 3)
        return SQLITE_DONE;
    return SQLITE_OK;
}

int fl_snippet_write(fl_snippet_maker *tk, const fl_snippet_terms *t, const char *text, size_t len, int window,
                     fl_buffer *out)
{
    fl_buffer_clear(out);
    int text_len = len > INT_MAX ? INT_MAX : (int)len;
    snippet_scan s = {t, NULL, 0, 0, window > 0 && window <= 64 ? window : 24, 0, -1, 0, 0};
    int rc = tk->api.xTokenize(tk->tok, &s, FTS5_TOKENIZE_DOCUMENT, text, text_len, scan_token);
    if (s.failed || (rc != SQLITE_OK && rc != SQLITE_DONE)) {
        free(s.tokens);
        return 0;
    }
    int finished = rc == SQLITE_OK; /* the whole text was tokenized */
    for (; s.pending < s.count; s.pending++) { /* matches too near the end for a full fragment */
        if (s.tokens[s.pending].term < 0)
            continue;
        int score = fragment_score(&s, s.pending);
        if (score > s.best_score) {
            s.best = s.pending;
            s.best_score = score;
        }
    }
    /* A little context before the first match; a full window if the text
     * is long enough. */
    size_t first = s.best_score > 0 ? (s.best > 3 ? s.best - 3 : 0) : 0;
    if (finished && first + (size_t)s.window > s.count)
        first = s.count > (size_t)s.window ? s.count - (size_t)s.window : 0;
    size_t last = first + (size_t)s.window < s.count ? first + (size_t)s.window : s.count;
    if (first < last) {
        if (first > 0)
            fl_buffer_append_str(out, "…");
        /* From the start of the text, or of the first token; to the end of
         * the text when the fragment reaches it (closing punctuation). */
        int at = first == 0 ? 0 : s.tokens[first].start;
        for (size_t i = first; i < last; i++) {
            const token_span *x = &s.tokens[i];
            fl_buffer_append(out, text + at, (size_t)(x->start - at));
            if (x->term >= 0)
                fl_buffer_append_str(out, "**");
            fl_buffer_append(out, text + x->start, (size_t)(x->end - x->start));
            if (x->term >= 0)
                fl_buffer_append_str(out, "**");
            at = x->end;
        }
        if (last < s.count || !finished)
            fl_buffer_append_str(out, "…");
        else
            fl_buffer_append(out, text + at, (size_t)(text_len - at));
    }
    free(s.tokens);
    return !out->failed;
}

static void terms_destroy(void *p) { fl_snippet_terms_free(p); }

static void snippet_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    fl_snippet_maker *tk = sqlite3_user_data(ctx);
    const char *text = (const char *)sqlite3_value_text(argv[0]);
    int text_len = sqlite3_value_bytes(argv[0]);
    if (!text || sqlite3_value_type(argv[1]) != SQLITE_TEXT)
        return; /* NULL */
    fl_snippet_terms *t = sqlite3_get_auxdata(ctx, 1);
    if (!t) {
        t = fl_snippet_terms_new(tk, (const char *)sqlite3_value_text(argv[1]));
        if (!t) {
            sqlite3_result_error_nomem(ctx);
            return;
        }
        sqlite3_set_auxdata(ctx, 1, t, terms_destroy);
        t = sqlite3_get_auxdata(ctx, 1);
        if (!t) { /* set_auxdata freed it: out of memory */
            sqlite3_result_error_nomem(ctx);
            return;
        }
    }
    fl_buffer out;
    fl_buffer_init(&out);
    if (!fl_snippet_write(tk, t, text, (size_t)text_len, sqlite3_value_int(argv[2]), &out)) {
        fl_buffer_release(&out);
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_text(ctx, out.data ? out.data : "", (int)out.len, SQLITE_TRANSIENT);
    fl_buffer_release(&out);
}

void fl_snippet_maker_free(fl_snippet_maker *tk)
{
    if (!tk)
        return;
    if (tk->tok)
        tk->api.xDelete(tk->tok);
    if (tk->own_db)
        sqlite3_close(tk->own_db);
    free(tk);
}

static void maker_destroy(void *p) { fl_snippet_maker_free(p); }

fts5_api *fl_fts5_api(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return api;
}

fl_snippet_maker *fl_snippet_maker_new(fts5_api *api)
{
    const char *tokenizer_args[] = {"remove_diacritics", "2"};
    fl_snippet_maker *tk = calloc(1, sizeof *tk);
    if (!tk)
        return NULL;
    /* Without a store's connection (PostgreSQL): a private in-memory one,
     * kept while the tokenizer is, since the tokenizer module belongs to it. */
    if (!api && (sqlite3_open_v2(":memory:", &tk->own_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) !=
                     SQLITE_OK ||
                 !(api = fl_fts5_api(tk->own_db)))) {
        fl_snippet_maker_free(tk);
        return NULL;
    }
    void *user = NULL;
    if (api->xFindTokenizer(api, "unicode61", &user, &tk->api) != SQLITE_OK ||
        tk->api.xCreate(user, tokenizer_args, 2, &tk->tok) != SQLITE_OK) {
        tk->tok = NULL;
        fl_snippet_maker_free(tk);
        return NULL;
    }
    return tk;
}

int fl_snippet_register(fl_store *s, fts5_api *api)
{
    fl_snippet_maker *tk = fl_snippet_maker_new(api);
    if (!tk) {
        fl_store_set_error(s, "cannot create the unicode61 tokenizer");
        return 0;
    }
    /* The tokenizer belongs to the function from here: SQLite frees it with
     * the connection (or at once if registration fails). */
    if (sqlite3_create_function_v2(s->db, "fl_snippet", 3, SQLITE_UTF8, tk, snippet_function, NULL, NULL,
                                   maker_destroy) != SQLITE_OK) {
        fl_store_set_error(s, "cannot register fl_snippet: %s", sqlite3_errmsg(s->db));
        return 0;
    }
    return 1;
}
