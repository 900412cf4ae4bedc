/*
 * pg_search.c — search on PostgreSQL (FL_QUERY_SEARCH and
 * FL_QUERY_SEARCH_TOTAL) with the rules of store_query.c, from the same
 * code where the code can be shared: the user's text becomes the FTS5
 * query store_query.c builds (fl_search_fts_query), that query becomes a
 * tsquery, and the fragments are made by search_snippet.c from the FTS5
 * query, as SQLite's fl_snippet() makes them. So both backends match the
 * same words, window, page and count the same rows, and show the same
 * fragments; only the rank differs (ts_rank, not bm25: docs/store.md,
 * "PostgreSQL"). User text is never SQL or tsquery syntax: every word is a
 * quoted lexeme, every value a parameter. Not for: the other questions
 * (pg_query.c, pg_lookup.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/lookup.h"
#include "store/pg_internal.h"

/* The window sizes of lookup.h as parameters: the newest matches a search
 * ranks, plus one to tell whether there were more. */
#define STR2(x) #x
#define STR(x) STR2(x)

int fl_pg_tsquery(const char *fts, fl_buffer *out)
{
    fl_buffer_clear(out);
    int groups = 0;
    const char *p = fts;
    /* fl_search_fts_query writes groups "word", "word"* or "some words",
     * separated by spaces; the words are runs of letters and digits. */
    while ((p = strchr(p, '"')) != NULL) {
        const char *close = strchr(p + 1, '"');
        if (!close)
            break;
        int prefix = close[1] == '*', words = 0;
        for (const char *w = p + 1; w < close;) {
            while (w < close && *w == ' ')
                w++;
            const char *end = w;
            while (end < close && *end != ' ')
                end++;
            if (end == w)
                break;
            if (!words)
                fl_buffer_append_str(out, groups ? " & (" : "(");
            else
                fl_buffer_append_str(out, " <-> ");
            fl_buffer_append_char(out, '\'');
            for (const char *c = w; c < end; c++) { /* none expected: quoted as tsquery quotes */
                if (*c == '\'' || *c == '\\')
                    fl_buffer_append_char(out, *c);
                fl_buffer_append_char(out, *c);
            }
            fl_buffer_append_char(out, '\'');
            if (prefix) {
                const char *next = end;
                while (next < close && *next == ' ')
                    next++;
                if (next == close) /* FTS5: the phrase's last word is the prefix */
                    fl_buffer_append_str(out, ":*");
            }
            words++;
            w = end;
        }
        if (words) {
            fl_buffer_append_char(out, ')');
            groups++;
        }
        p = close + 1;
    }
    return !out->failed;
}

/* A search's parameters: $1 the tsquery, $2 from, $3 to, $4 source, $5 the
 * entity filter's ids, then the section's own. */
typedef struct search {
    fl_buffer fts, tsquery, ids;
    const char *p[5];
} search;

static void search_release(search *x)
{
    fl_buffer_release(&x->fts);
    fl_buffer_release(&x->tsquery);
    fl_buffer_release(&x->ids);
}

/* As store_query.c's search_prepare: the question checked, its tsquery
 * built and its entity filter resolved; 0 (message set) when it cannot be
 * asked. */
static int search_begin(fl_store *s, const fl_query *q, search *x)
{
    memset(x, 0, sizeof *x);
    fl_buffer_init(&x->fts);
    fl_buffer_init(&x->tsquery);
    fl_buffer_init(&x->ids);
    if (!q->text || !fl_search_fts_query(q->text, &x->fts)) {
        fl_store_set_error(s, "nothing to search for: give one or more words");
        s->query_status = FL_ERR_USAGE;
        return 0;
    }
    if (x->fts.failed || !fl_pg_tsquery(x->fts.data, &x->tsquery)) {
        fl_store_set_error(s, "out of memory");
        s->query_status = FL_ERR_NOMEM;
        return 0;
    }
    if (q->entity && !fl_pg_find_entities(s, q->entity, &x->ids))
        return 0;
    x->p[0] = x->tsquery.data;
    x->p[1] = q->from && *q->from ? q->from : NULL;
    x->p[2] = q->to && *q->to ? q->to : NULL;
    x->p[3] = q->source && *q->source ? q->source : NULL;
    x->p[4] = q->entity ? x->ids.data : NULL;
    return 1;
}

/* The matches of store_query.c's SEARCH_ARTICLES_FILTERED (every filter
 * optional) and SEARCH_QUOTES_FILTERED (dates only), over x (the tsquery). */
#define ARTICLE_MATCHES ARTICLE_MATCHES_OF("x.q")
#define ARTICLE_MATCHES_OF(q)                                                                                     \
    "FROM articles a, x WHERE a.fts @@ " q " AND ($2::text IS NULL OR a.date >= $2) AND ($3::text IS NULL OR a.date <= $3)" \
    " AND ($4::text IS NULL OR a.source = $4) AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM mentions m"         \
    "   WHERE m.entity_id = ANY($5::bigint[]) AND m.date = a.date AND m.article_id = a.id))"
#define QUOTE_MATCHES QUOTE_MATCHES_OF("x.q")
#define QUOTE_MATCHES_OF(q)                                                                                      \
    "FROM quotes q, x WHERE q.fts @@ " q " AND ($2::text IS NULL OR q.date >= $2) AND ($3::text IS NULL OR q.date <= $3)"
#define TSQUERY "WITH x AS (SELECT to_tsquery('simple', lower($1 COLLATE \"und-x-icu\")) AS q)"
/* The page's: also $9, the phrases' words without their order (x.words). */
#define TSQUERY_WORDS                                                                                           \
    "WITH x AS (SELECT to_tsquery('simple', lower($1 COLLATE \"und-x-icu\")) AS q,"                             \
    " to_tsquery('simple', lower($9 COLLATE \"und-x-icu\")) AS words)"
/* Each section ranks its window (w), keeps one page and shows it. */
#define SEARCH_PAGE                                                                                             \
    " hits AS (SELECT a.id, ts_rank(a.fts, x.q) AS score FROM w JOIN articles a ON a.id = w.id, x"              \
    "   ORDER BY score DESC, a.id DESC LIMIT $6::bigint OFFSET $7::bigint)"                                      \
    " SELECT a.id AS article, a.date, a.headline, a.source, NULL::text AS snippet,"                              \
    " round(-h.score::numeric, 3) AS score, a.text AS _text"                                                     \
    " FROM hits h JOIN articles a ON a.id = h.id ORDER BY h.score DESC, h.id DESC"
#define QUOTES_PAGE                                                                                             \
    " hits AS (SELECT q.id, ts_rank(q.fts, x.q) AS score FROM w JOIN quotes q ON q.id = w.id, x"                \
    "   ORDER BY score DESC, q.id DESC LIMIT $6::bigint OFFSET $7::bigint)"                                      \
    " SELECT q.article_id AS article, q.date, q.speaker, q.kind, NULL::text AS quote, q.start,"                 \
    " q.\"end\" AS \"end\", q.text AS _text"                                                                   \
    " FROM hits h JOIN quotes q ON q.id = h.id ORDER BY h.score DESC, h.id DESC"

fl_result *fl_pg_search(fl_store *s, const fl_query *q, unsigned limit)
{
    search x;
    if (!search_begin(s, q, &x)) {
        search_release(&x);
        return NULL;
    }
    if (!s->pg->snippets && !(s->pg->snippets = fl_snippet_maker_new(NULL))) {
        fl_store_set_error(s, "cannot create the unicode61 tokenizer for search fragments");
        search_release(&x);
        return NULL;
    }
    fl_snippet_terms *terms = fl_snippet_terms_new(s->pg->snippets, x.fts.data);
    fl_result *r = terms ? fl_result_new() : NULL;
    if (!r) {
        fl_snippet_terms_free(terms);
        search_release(&x);
        fl_store_set_error(s, "out of memory");
        s->query_status = FL_ERR_NOMEM;
        return NULL;
    }
    char lim[16], off[16];
    snprintf(lim, sizeof lim, "%u", limit);
    snprintf(off, sizeof off, "%u", q->offset);
    /* A phrase: the newest matches of all its words, each then checked
     * for the phrase until the window is full. GIN cannot check word
     * positions, so a phrase search otherwise reads the tsvector of every
     * article having the words ("\"interest rates\"" on a million
     * articles: 22,000 of them, 1.5 s; this way 0.13 s). */
    fl_buffer words;
    fl_buffer_init(&words);
    int phrase = strstr(x.tsquery.data, " <-> ") != NULL;
    for (const char *t = x.tsquery.data, *at; (at = strstr(t, " <-> ")) != NULL || *t; t = at ? at + 5 : t + strlen(t)) {
        fl_buffer_append(&words, t, at ? (size_t)(at - t) : strlen(t));
        if (at)
            fl_buffer_append_str(&words, " & ");
    }
    if (words.failed) {
        fl_buffer_release(&words);
        fl_snippet_terms_free(terms);
        fl_result_free(r);
        search_release(&x);
        fl_store_set_error(s, "out of memory");
        s->query_status = FL_ERR_NOMEM;
        return NULL;
    }
    const char *p[] = {x.p[0], x.p[1], x.p[2], x.p[3], x.p[4], lim, off, STR(FL_SEARCH_ARTICLE_WINDOW), words.data};
    const fl_pg_derive snippet = {"snippet", "_text", NULL, NULL, FL_PG_DERIVE_SNIPPET, terms};
    const fl_pg_derive quote = {"quote", "_text", NULL, NULL, FL_PG_DERIVE_SNIPPET, terms};
    /* As store_query.c: each section ranks its newest matches (the window),
     * best first and then the newest, keeps one page, and makes fragments
     * for that page only. */
    int ok = fl_pg_section(s, r, "articles",
                           phrase ? TSQUERY_WORDS ", w AS (SELECT c.id FROM (SELECT a.id " ARTICLE_MATCHES_OF("x.words")
                                    " ORDER BY a.id DESC) c, x WHERE (SELECT b.fts FROM articles b WHERE b.id = c.id) @@ x.q"
                                    " ORDER BY c.id DESC LIMIT $8::bigint)," SEARCH_PAGE
                                  : TSQUERY_WORDS ", w AS (SELECT a.id " ARTICLE_MATCHES " ORDER BY a.id DESC LIMIT $8::bigint),"
                                    SEARCH_PAGE,
                           9, p, &snippet, 1);
    const char *p2[] = {x.p[0], x.p[1], x.p[2], NULL, NULL, lim, off, STR(FL_SEARCH_QUOTE_WINDOW), words.data};
    ok = ok && fl_pg_section(s, r, "quotes",
                             phrase ? TSQUERY_WORDS ", w AS (SELECT c.id FROM (SELECT q.id " QUOTE_MATCHES_OF("x.words")
                                      " ORDER BY q.id DESC) c, x WHERE (SELECT b.fts FROM quotes b WHERE b.id = c.id) @@ x.q"
                                      " ORDER BY c.id DESC LIMIT $8::bigint)," QUOTES_PAGE
                                    : TSQUERY_WORDS ", w AS (SELECT q.id " QUOTE_MATCHES " ORDER BY q.id DESC LIMIT $8::bigint),"
                                      QUOTES_PAGE,
                             9, p2, &quote, 1);
    fl_buffer_release(&words);
    fl_snippet_terms_free(terms);
    search_release(&x);
    if (!ok) {
        fl_result_free(r);
        return NULL;
    }
    return r;
}

fl_result *fl_pg_search_total(fl_store *s, const fl_query *q)
{
    search x;
    if (!search_begin(s, q, &x)) {
        search_release(&x);
        return NULL;
    }
    /* store_query.c's search_count: the rows of each section's window, and
     * whether there were more (one row past the window says so). */
    char articles_past[24], quotes_past[24];
    snprintf(articles_past, sizeof articles_past, "%d", FL_SEARCH_ARTICLE_WINDOW + 1);
    snprintf(quotes_past, sizeof quotes_past, "%d", FL_SEARCH_QUOTE_WINDOW + 1);
    const char *p[] = {x.p[0], x.p[1], x.p[2], x.p[3], x.p[4], articles_past, quotes_past};
    PGresult *res = fl_pg_read(s,
                               TSQUERY " SELECT (SELECT count(*) FROM (SELECT 1 " ARTICLE_MATCHES " LIMIT $6::bigint) c),"
                                       " (SELECT count(*) FROM (SELECT 1 " QUOTE_MATCHES " LIMIT $7::bigint) c)",
                               7, p);
    search_release(&x);
    if (!res)
        return NULL;
    static const char *const names[] = {"section", "rows", "capped"};
    static const fl_cell_type types[] = {FL_CELL_TEXT, FL_CELL_INT, FL_CELL_INT};
    static const char *const sections[] = {"articles", "quotes"};
    const long long windows[] = {FL_SEARCH_ARTICLE_WINDOW, FL_SEARCH_QUOTE_WINDOW};
    fl_result *r = fl_result_new();
    int ok = r && fl_result_begin_section(r, "total", 3, names);
    for (int i = 0; ok && i < 2; i++) {
        long long n = atoll(PQgetvalue(res, 0, i));
        char rows[24];
        snprintf(rows, sizeof rows, "%lld", n > windows[i] ? windows[i] : n);
        const char *texts[] = {sections[i], rows, n > windows[i] ? "1" : "0"};
        ok = fl_result_add_row(r, types, texts);
    }
    PQclear(res);
    if (!ok) {
        fl_result_free(r);
        fl_store_set_error(s, "out of memory");
        s->query_status = FL_ERR_NOMEM;
        return NULL;
    }
    return r;
}
