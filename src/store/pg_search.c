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
 * optional) and SEARCH_QUOTES_FILTERED (dates only) for the tsquery $1,
 * with ids in ($6, $7] ($6 NULL: up to $7), newest first, at most $8 of
 * them. The tsquery is
 * written out in the condition, not taken from a CTE: the planner then
 * sees the words and estimates their matches from the GIN statistics
 * (a CTE's value is unknown to it: it guessed the same rows for "said"
 * and "tapioca"). */
#define TSQUERY_OF(n) "to_tsquery('simple', lower(" n " COLLATE \"und-x-icu\"))"
/* A section's matches in one range of ids ($6, $7], newest first, at most
 * $8: table, its alias, and the section's own filters after the dates. */
#define RANGE(table, t, filters)                                                                               \
    "SELECT " t ".id FROM " table " " t " WHERE " t ".fts @@ " TSQUERY_OF("$1") " AND ($6::bigint IS NULL OR " t  \
    ".id > $6::bigint) AND " t ".id <= $7::bigint AND ($2::text IS NULL OR " t ".date >= $2)"                     \
    " AND ($3::text IS NULL OR " t ".date <= $3)" filters " ORDER BY " t ".id DESC LIMIT $8::bigint"
#define ARTICLES_RANGE                                                                                          \
    RANGE("articles", "a",                                                                                      \
          " AND ($4::text IS NULL OR a.source = $4) AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM mentions m"   \
          "   WHERE m.entity_id = ANY($5::bigint[]) AND m.date = a.date AND m.article_id = a.id))")
#define QUOTES_RANGE RANGE("quotes", "q", "")
#define TSQUERY "WITH x AS (SELECT " TSQUERY_OF("$1") " AS q)"
/* Each section ranks its window ($8, the ids of its newest matches), keeps
 * one page and shows it. */
#define PAGE(table, t, columns)                                                                                \
    TSQUERY ", w AS (SELECT unnest($8::bigint[]) AS id),"                                                       \
    " hits AS (SELECT " t ".id, ts_rank(" t ".fts, x.q) AS score FROM w JOIN " table " " t " ON " t ".id = w.id, x" \
    "   ORDER BY score DESC, " t ".id DESC LIMIT $6::bigint OFFSET $7::bigint)"                                   \
    " SELECT " columns " FROM hits h JOIN " table " " t " ON " t ".id = h.id ORDER BY h.score DESC, h.id DESC"
#define SEARCH_PAGE                                                                                             \
    PAGE("articles", "a",                                                                                       \
         "a.id AS article, a.date, a.headline, a.source, NULL::text AS snippet,"                                \
         " round(-h.score::numeric, 3) AS score, a.text AS _text")
#define QUOTES_PAGE                                                                                             \
    PAGE("quotes", "q",                                                                                         \
         "q.article_id AS article, q.date, q.speaker, q.kind, NULL::text AS quote, q.start,"                    \
         " q.\"end\" AS \"end\", q.text AS _text")

/* The first range of ids a section reads: twice its window, so a word in
 * most articles ("said") is done in one read. Settable for tests
 * (fl_pg_search_set_first_range), so that small databases are read in
 * many ranges too. */
#define RANGE_FIRST_FACTOR 2
static long long range_first;

void fl_pg_search_set_first_range(long long ids) { range_first = ids > 0 ? ids : 0; }

/* The ids of the newest `need` matches of `range_sql` (ARTICLES_RANGE or
 * QUOTES_RANGE; p: $1-$5, the rest set here) as a PostgreSQL array literal
 * in `ids`, newest first, and how many in *got. The same rows as one
 * "ORDER BY id DESC LIMIT need" over all matches, read in ranges of ids
 * from the newest down: GIN yields a word's matches in heap order, so one
 * statement over all of them reads every match's row before keeping the
 * newest (72,000 rows for "Hamas" on a million articles, 0.5 s), whereas a
 * range is read from the index (its ids and the word's matches intersected
 * in two bitmaps) and only its own matches' rows are visited. Each next
 * range is sized from the matches seen so far, to hold what is still
 * missing with a margin; when what is left of the table is expected to hold
 * little more than that (rare words, old dates), the rest is read at once.
 * 0 on error (message set). */
static int newest_matches(fl_store *s, const char *table, const char *range_sql, const char *const *p,
                          long long need, fl_buffer *ids, long long *got)
{
    fl_buffer_clear(ids);
    fl_buffer_append_char(ids, '{');
    *got = 0;
    char sql[64];
    snprintf(sql, sizeof sql, "SELECT coalesce(max(id), 0) FROM %s", table);
    PGresult *res = fl_pg_read(s, sql, 0, NULL);
    if (!res)
        return 0;
    long long top = atoll(PQgetvalue(res, 0, 0)), hi = top, span = range_first ? range_first : need * RANGE_FIRST_FACTOR;
    PQclear(res);
    /* The planner's estimate of all the matches (from the column's
     * statistics: 72,061 for "Hamas" on a million articles, 71,808 in
     * fact) sizes the first range to hold the window with a margin, so a
     * word is mostly one range read; a word with at most ten windows of
     * matches in all is read at once (GIN's matches, each row visited for
     * its id: 4,320 for "cocoa", 16 ms, where a range of 300,000 ids took
     * 34 ms to mark in the primary key's bitmap alone). Each range read
     * scans the word's GIN entries again. */
    char top_s[24], many[24];
    snprintf(top_s, sizeof top_s, "%lld", top);
    snprintf(many, sizeof many, "%lld", (long long)1 << 40);
    const char *ep[] = {p[0], p[1], p[2], p[3], p[4], NULL, top_s, many};
    fl_buffer explain;
    fl_buffer_init(&explain);
    fl_buffer_printf(&explain, "EXPLAIN (FORMAT JSON) %s", range_sql);
    res = explain.failed ? NULL : fl_pg_read(s, explain.data, 8, ep);
    fl_buffer_release(&explain);
    if (!res)
        return 0;
    const char *rows = strstr(PQgetvalue(res, 0, 0), "\"Plan Rows\": ");
    double estimate = rows ? atof(rows + 13) : -1;
    PQclear(res);
    int whole = 0;
    double rate = !range_first && estimate > 0 && top > 0 ? estimate / (double)top : 0; /* matches per id */
    if (!range_first && estimate >= 0 && top > 0) {
        if (estimate <= 10.0 * (double)need)
            whole = 1;
        else if ((long long)((double)need / (estimate / (double)top) * 1.5) + 1 > span)
            span = (long long)((double)need / (estimate / (double)top) * 1.5) + 1;
    }
    /* A range is read through bitmaps (the ids' and the words'), never by
     * the primary key backwards checking each row's tsvector: the planner
     * counts that check as cheap, but it reads the row's tsvector out of
     * TOAST, about 10-30 us a row here, so a word in a fifth of the
     * articles ("Hamas") took 5,000 such checks for its window, 100-170 ms,
     * against 23 ms through the bitmaps. The rest of the table, read at
     * once, is left to the planner (the entity filter's look-ups are index
     * scans). */
    int ok = 1, bitmaps = 0;
    while (ok && *got < need && hi > 0) {
        long long left = need - *got;
        /* Matches per id so far (none seen yet: unknown, not rare; the
         * news come in runs of one topic, so the newest thousands of
         * articles may have no "Hamas" at all). */
        double seen = top > hi && *got ? (double)*got / (double)(top - hi) : -1;
        long long lo = whole ? 0 : hi - span;
        /* the larger of the rates seen and estimated: the news come in
         * runs, and one "Gaza" in the newest 20,000 ids does not make the
         * 80,000 others few */
        if (seen > 0 && (seen > rate ? seen : rate) * (double)hi <= 2.0 * (double)left)
            lo = 0; /* the rest is expected to be about what is missing */
        if (lo < 0)
            lo = 0;
        if ((lo > 0) != bitmaps) {
            bitmaps = lo > 0;
            /* LOCAL: undone when the transaction ends (read_begin), even
             * if the RESET below is never reached */
            if (!fl_pg_command(s, bitmaps ? "SET LOCAL enable_indexscan = off" : "RESET enable_indexscan", 0, NULL)) {
                ok = 0;
                break;
            }
        }
        char lo_s[24], hi_s[24], lim_s[24];
        snprintf(lo_s, sizeof lo_s, "%lld", lo);
        snprintf(hi_s, sizeof hi_s, "%lld", hi);
        snprintf(lim_s, sizeof lim_s, "%lld", left);
        const char *pp[] = {p[0], p[1], p[2], p[3], p[4], lo ? lo_s : NULL, hi_s, lim_s};
        res = fl_pg_read(s, range_sql, 8, pp);
        if (!res) {
            ok = 0;
            break;
        }
        for (int i = 0; i < PQntuples(res); i++) {
            if (*got)
                fl_buffer_append_char(ids, ',');
            fl_buffer_append_str(ids, PQgetvalue(res, i, 0));
            ++*got;
        }
        PQclear(res);
        if (lo == 0)
            break;
        hi = lo;
        left = need - *got;
        seen = (double)*got / (double)(top - hi);
        if (seen > 0 && rate > seen)
            seen = rate;
        /* the next range: what is missing at the rate seen, half again,
         * and three times the last when nothing was seen */
        span = seen > 0 ? (long long)((double)left / seen * 1.5) + 1 : span * 3;
    }
    if (bitmaps && !fl_pg_command(s, "RESET enable_indexscan", 0, NULL))
        ok = 0;
    fl_buffer_append_char(ids, '}');
    if (ok && ids->failed) {
        fl_store_set_error(s, "out of memory");
        s->query_status = FL_ERR_NOMEM;
        return 0;
    }
    return ok;
}

/* A search's reads (the estimate, the ranges, the pages) see one snapshot,
 * as SQLite's one read transaction does: when the caller has no transaction
 * open they run in one REPEATABLE READ READ ONLY transaction, which also
 * bounds newest_matches's SET LOCAL. 1 if it began one. A failed BEGIN
 * (a lost connection) leaves the reads to reconnect as they do alone. */
static int read_begin(fl_store *s)
{
    if (PQtransactionStatus(s->pg->conn) != PQTRANS_IDLE)
        return 0;
    return fl_pg_command(s, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", 0, NULL);
}

/* Ends read_begin's transaction; ok as the reads went (a failed read's
 * error is kept: the ROLLBACK's own is not reported). */
static int read_end(fl_store *s, int began, int ok)
{
    if (!began || PQtransactionStatus(s->pg->conn) == PQTRANS_IDLE) /* none, or reconnected */
        return ok;
    if (!ok) {
        PQclear(PQexec(s->pg->conn, "ROLLBACK"));
        return 0;
    }
    return fl_pg_command(s, "COMMIT", 0, NULL);
}

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
    fl_buffer ids;
    fl_buffer_init(&ids);
    long long got;
    const fl_pg_derive snippet = {"snippet", "_text", NULL, NULL, FL_PG_DERIVE_SNIPPET, terms};
    const fl_pg_derive quote = {"quote", "_text", NULL, NULL, FL_PG_DERIVE_SNIPPET, terms};
    /* As store_query.c: each section ranks its newest matches (the window),
     * best first and then the newest, keeps one page, and makes fragments
     * for that page only. */
    int began = read_begin(s);
    int ok = newest_matches(s, "articles", ARTICLES_RANGE, x.p, FL_SEARCH_ARTICLE_WINDOW, &ids, &got);
    const char *p[] = {x.p[0], NULL, NULL, NULL, NULL, lim, off, ids.data};
    ok = ok && fl_pg_section(s, r, "articles", SEARCH_PAGE, 8, p, &snippet, 1);
    const char *pq[] = {x.p[0], x.p[1], x.p[2], NULL, NULL};
    ok = ok && newest_matches(s, "quotes", QUOTES_RANGE, pq, FL_SEARCH_QUOTE_WINDOW, &ids, &got);
    p[7] = ids.data;
    ok = ok && fl_pg_section(s, r, "quotes", QUOTES_PAGE, 8, p, &quote, 1);
    ok = read_end(s, began, ok);
    fl_buffer_release(&ids);
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
    fl_buffer ids;
    fl_buffer_init(&ids);
    long long n[2];
    const char *pq[] = {x.p[0], x.p[1], x.p[2], NULL, NULL};
    int began = read_begin(s);
    int found = newest_matches(s, "articles", ARTICLES_RANGE, x.p, FL_SEARCH_ARTICLE_WINDOW + 1, &ids, &n[0]) &&
                newest_matches(s, "quotes", QUOTES_RANGE, pq, FL_SEARCH_QUOTE_WINDOW + 1, &ids, &n[1]);
    found = read_end(s, began, found);
    fl_buffer_release(&ids);
    search_release(&x);
    if (!found)
        return NULL;
    static const char *const names[] = {"section", "rows", "capped"};
    static const fl_cell_type types[] = {FL_CELL_TEXT, FL_CELL_INT, FL_CELL_INT};
    static const char *const sections[] = {"articles", "quotes"};
    const long long windows[] = {FL_SEARCH_ARTICLE_WINDOW, FL_SEARCH_QUOTE_WINDOW};
    fl_result *r = fl_result_new();
    int ok = r && fl_result_begin_section(r, "total", 3, names);
    for (int i = 0; ok && i < 2; i++) {
        char rows[24];
        snprintf(rows, sizeof rows, "%lld", n[i] > windows[i] ? windows[i] : n[i]);
        const char *texts[] = {sections[i], rows, n[i] > windows[i] ? "1" : "0"};
        ok = fl_result_add_row(r, types, texts);
    }
    if (!ok) {
        fl_result_free(r);
        fl_store_set_error(s, "out of memory");
        s->query_status = FL_ERR_NOMEM;
        return NULL;
    }
    return r;
}
