/*
 * store_search.c — the search question's SQL: a safe FTS5 query from user
 * text, the newest matches of each section (articles, quotes) read through
 * the window a date, entity or source filter allows (search_window.c),
 * ranked (search_rank.c), their totals, and the page's rows with snippets.
 *
 * Search input is never handed to FTS5 as syntax: it is split into words
 * (and "quoted phrases", and prefix* words), each passed as a quoted FTS
 * string, so unbalanced quotes, NEAR(, lone * or very long input give
 * results or a clear message, never an SQL error. Not for: the other
 * questions (store_query.c).
 */
#include <stdlib.h>
#include <string.h>

#include "store/lookup.h"
#include "store/store_internal.h"
#include "text/utf8.h"

#define MAX_QUERY_BYTES 4096

/* Builds a safe FTS5 query from user text. Returns 0 if nothing searchable
 * is left. */
int fl_search_fts_query(const char *in, fl_buffer *out)
{
    fl_buffer_clear(out);
    size_t len = strlen(in);
    if (len > MAX_QUERY_BYTES)
        len = MAX_QUERY_BYTES;
    size_t i = 0;
    int terms = 0, in_phrase = 0;
    while (i < len) {
        int32_t cp;
        size_t n = fl_utf8_decode((const unsigned char *)in + i, len - i, &cp);
        if (cp == '"') {
            if (in_phrase) {
                fl_buffer_append_char(out, '"');
                in_phrase = 0;
            } else {
                /* a phrase only if it closes */
                if (memchr(in + i + 1, '"', len - i - 1)) {
                    if (terms)
                        fl_buffer_append_char(out, ' ');
                    fl_buffer_append_char(out, '"');
                    in_phrase = 1;
                    terms++;
                }
            }
            i += n;
            continue;
        }
        if (!fl_cc_is_alnum(fl_char_class(cp))) {
            i += n;
            continue;
        }
        size_t start = i;
        while (i < len) {
            n = fl_utf8_decode((const unsigned char *)in + i, len - i, &cp);
            if (cp < 0 || !fl_cc_is_alnum(fl_char_class(cp)))
                break;
            i += n;
        }
        if (in_phrase) {
            if (out->data[out->len - 1] != '"')
                fl_buffer_append_char(out, ' ');
            fl_buffer_append(out, in + start, i - start);
        } else {
            if (terms)
                fl_buffer_append_char(out, ' ');
            fl_buffer_append_char(out, '"');
            fl_buffer_append(out, in + start, i - start);
            fl_buffer_append_char(out, '"');
            if (i < len && in[i] == '*')
                fl_buffer_append_char(out, '*');
            terms++;
        }
    }
    if (in_phrase)
        fl_buffer_append_char(out, '"');
    /* An empty phrase ("") matches nothing useful: drop it. */
    char *empty;
    while ((empty = strstr(out->data, "\"\"")) != NULL) {
        memmove(empty, empty + 2, strlen(empty + 2) + 1);
        out->len -= 2;
        terms--;
    }
    return terms > 0 && out->len > 0;
}

/* The newest matches of a search, each with its rank: without filters the
 * full-text index alone answers (its rowids are article numbers, read
 * newest first); with filters each match's article row is read, and the
 * entity filter seeks the mention by (entity, date, article). A date or
 * entity filter first narrows where matches are read (search_window.c):
 * ?7 and ?8 bound the rowids read, one range of them at a time, and
 * fl_search_member(?9, rowid) stands for those filters when it knows
 * exactly which articles pass them. The totals count the same rows
 * without ranking them. ?6 is the rows still wanted plus one. */
#define SEARCH_ARTICLES "FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid BETWEEN ?7 AND ?8 ORDER BY rowid DESC LIMIT ?6"
#define SEARCH_ARTICLES_LISTED                                                                                  \
    "FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid BETWEEN ?7 AND ?8 AND fl_search_member(?9, rowid)" \
    " ORDER BY rowid DESC LIMIT ?6"
#define SEARCH_ARTICLES_FILTERED                                                                                \
    "FROM articles_fts f JOIN articles a ON a.id = f.rowid"                                                      \
    " WHERE f.articles_fts MATCH ?1 AND f.rowid BETWEEN ?7 AND ?8"                                              \
    " AND (?2 IS NULL OR a.date >= ?2) AND (?3 IS NULL OR a.date <= ?3)"                                         \
    " AND (?4 IS NULL OR a.source = ?4) AND (?5 IS NULL OR EXISTS (SELECT 1 FROM mentions m"                     \
    "   WHERE m.entity_id IN temp.wanted AND m.date = fl_day(a.date) AND m.article_id = a.id))"                  \
    " ORDER BY f.rowid DESC LIMIT ?6"
/* An entity (with dates, without a source) when its articles were too many
 * to list: the article's packed entity list (schema 5's article_entities,
 * keyed by article) says whether it names the entity, so the article row
 * is read only for its date when dates are asked. */
#define SEARCH_ARTICLES_MENTIONED                                                                               \
    "FROM articles_fts f WHERE f.articles_fts MATCH ?1 AND f.rowid BETWEEN ?7 AND ?8"                            \
    " AND EXISTS (SELECT 1 FROM article_entities ae, temp.wanted w"                                             \
    "   WHERE ae.article_id = f.rowid AND fl_ids_has(ae.ids, w.id))"                                            \
    " AND (?2 IS NULL AND ?3 IS NULL OR (SELECT a.date FROM articles a WHERE a.id = f.rowid)"                  \
    "   BETWEEN coalesce(?2, '') AND coalesce(?3, x'ff'))"                                                      \
    " ORDER BY f.rowid DESC LIMIT ?6"
#define SEARCH_QUOTES "FROM quotes_fts WHERE quotes_fts MATCH ?1 AND rowid BETWEEN ?7 AND ?8 ORDER BY rowid DESC LIMIT ?6"
#define SEARCH_QUOTES_FILTERED                                                                                  \
    "FROM quotes_fts f JOIN quotes q ON q.id = f.rowid"                                                          \
    " WHERE f.quotes_fts MATCH ?1 AND f.rowid BETWEEN ?7 AND ?8"                                                 \
    " AND (?2 IS NULL OR q.date >= ?2) AND (?3 IS NULL OR q.date <= ?3)"                                         \
    " ORDER BY f.rowid DESC LIMIT ?6"

typedef struct search_sql {
    const char *rank, *count;
} search_sql;

static const search_sql search_articles = {"SELECT rowid, fl_rank(articles_fts, 0, ?10) " SEARCH_ARTICLES,
                                           "SELECT rowid " SEARCH_ARTICLES};
static const search_sql search_articles_listed = {"SELECT rowid, fl_rank(articles_fts, 0, ?10) " SEARCH_ARTICLES_LISTED,
                                                  "SELECT rowid " SEARCH_ARTICLES_LISTED};
static const search_sql search_articles_mentioned = {"SELECT f.rowid, fl_rank(articles_fts, 0, ?10) " SEARCH_ARTICLES_MENTIONED,
                                                     "SELECT f.rowid " SEARCH_ARTICLES_MENTIONED};
static const search_sql search_articles_filtered = {"SELECT f.rowid, fl_rank(articles_fts, 0, ?10) " SEARCH_ARTICLES_FILTERED,
                                                    "SELECT f.rowid " SEARCH_ARTICLES_FILTERED};
static const search_sql search_quotes = {"SELECT rowid, fl_rank(quotes_fts, 1, ?10) " SEARCH_QUOTES,
                                         "SELECT rowid " SEARCH_QUOTES};
static const search_sql search_quotes_filtered = {"SELECT f.rowid, fl_rank(quotes_fts, 1, ?10) " SEARCH_QUOTES_FILTERED,
                                                  "SELECT f.rowid " SEARCH_QUOTES_FILTERED};

/* Where each section of a search reads, and with which statements. */
typedef struct search_plan {
    fl_search_scope scope[2]; /* articles, quotes */
    const search_sql *sql[2];
} search_plan;

static void search_plan_release(search_plan *p)
{
    fl_search_scope_release(&p->scope[0]);
    fl_search_scope_release(&p->scope[1]);
}

/* 0 on error (message set). */
static int search_plan_make(fl_store *s, const fl_query *q, const char *fts, search_plan *p)
{
    memset(p, 0, sizeof *p);
    int dated = (q->from && *q->from) || (q->to && *q->to), by_entity = q->entity && *q->entity;
    int by_source = q->source && *q->source;
    /* Without an entity or a source the articles' scope is the dates',
     * which the quotes' reuses. */
    if (!fl_search_scope_articles(s, q, by_entity, &p->scope[0]) ||
        (dated && !fl_search_scope_quotes(s, q, by_entity || by_source ? NULL : &p->scope[0], &p->scope[1]))) {
        search_plan_release(p);
        return 0;
    }
    /* fl_search_fts_query writes a prefix as "word"*: FTS5 gathers all of
     * its matches again for every range. */
    if (strstr(fts, "\"*")) {
        fl_search_scope_one_range(&p->scope[0]);
        fl_search_scope_one_range(&p->scope[1]);
    }
    /* An exact scope is every filter (dates, entity, source); else the
     * filters are checked on each article row. */
    int filtered = q->from || q->to || q->source || q->entity;
    int source = q->source && *q->source, entity = q->entity && *q->entity;
    p->sql[0] = !filtered                         ? &search_articles
                : p->scope[0].exact               ? &search_articles_listed
                : entity && !source               ? &search_articles_mentioned
                                                  : &search_articles_filtered;
    p->sql[1] = q->from || q->to ? &search_quotes_filtered : &search_quotes;
    return 1;
}

/* One page of ranked ids (a JSON array of [id, score]) with the columns
 * shown, snippets built for these rows only. */
static const char search_articles_page_sql[] =
    "SELECT a.id AS article, a.date, a.headline, a.source, fl_snippet(a.text, ?2, 24) AS snippet,"
    " round(j.value ->> 1, 3) AS score FROM json_each(?1) j CROSS JOIN articles a ON a.id = j.value ->> 0"
    " ORDER BY j.key";
static const char search_quotes_page_sql[] =
    "SELECT q.article_id AS article, q.date, q.speaker, q.kind, fl_snippet(q.text, ?2, 24) AS quote, q.start, q.end"
    " FROM json_each(?1) j CROSS JOIN quotes q ON q.id = j.value ->> 0 ORDER BY j.key";

static sqlite3_stmt *search_bind(fl_store *s, const fl_query *q, const char *fts, const char *sql,
                                 const fl_search_scope *scope)
{
    sqlite3_stmt *st = fl_search_prepare(s, sql);
    if (!st)
        return NULL;
    sqlite3_bind_text(st, 1, fts, -1, SQLITE_STATIC);
    fl_store_bind_opt(st, 2, q->from);
    fl_store_bind_opt(st, 3, q->to);
    fl_store_bind_opt(st, 4, q->source);
    fl_store_bind_opt(st, 5, q->entity);
    if (scope->exact && sqlite3_bind_parameter_count(st) >= FL_SEARCH_PARAM_SCOPE)
        sqlite3_bind_pointer(st, FL_SEARCH_PARAM_SCOPE, (void *)scope, "fl_search_scope", NULL);
    return st;
}

/* Ranks one section's window and adds its page to r. */
static int search_section(fl_store *s, fl_result *r, const fl_query *q, const char *name, const char *fts,
                          const search_sql *sql, const fl_search_scope *scope, const char *page_sql, unsigned window,
                          unsigned limit, fl_search_total *total)
{
    sqlite3_int64 number = fl_search_number(s);
    sqlite3_stmt *st = search_bind(s, q, fts, sql->rank, scope);
    if (!st)
        return 0;
    sqlite3_bind_int64(st, FL_SEARCH_PARAM_NUMBER, number);
    fl_buffer page;
    fl_buffer_init(&page);
    int ok = fl_search_rank(s, st, scope, window, q->offset, limit, &page, total);
    sqlite3_clear_bindings(st);
    if (ok) {
        st = fl_search_prepare(s, page_sql);
        ok = st != NULL;
        if (ok) {
            sqlite3_bind_text(st, 1, page.data, (int)page.len, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, fts, -1, SQLITE_STATIC);
            ok = fl_store_section(s, r, name, st, 0);
            sqlite3_clear_bindings(st);
        }
    }
    fl_buffer_release(&page);
    return ok;
}

/* How many rows one section's pages hold, and whether the window cut it. */
static int count_row(void *arg, sqlite3_stmt *st)
{
    (void)arg;
    (void)st;
    return 1;
}

static int search_count(fl_store *s, const fl_query *q, const char *fts, const search_sql *sql,
                        const fl_search_scope *scope, unsigned window, fl_search_total *total)
{
    sqlite3_stmt *st = search_bind(s, q, fts, sql->count, scope);
    if (!st)
        return 0;
    int ok = fl_search_read(s, st, scope, window, count_row, NULL, total);
    sqlite3_clear_bindings(st);
    return ok;
}

/* Checks the search text and resolves the entity filter; 0 (message set) if
 * the search cannot be asked. `key` gets what tells this search's totals
 * apart from another's: the FTS query and the filters. */
static int search_prepare(fl_store *s, const fl_query *q, fl_buffer *fts, fl_buffer *key)
{
    if (!q->text || !fl_search_fts_query(q->text, fts)) {
        fl_store_set_error(s, "nothing to search for: give one or more words");
        s->query_status = FL_ERR_USAGE;
        return 0;
    }
    const char *parts[] = {fts->data, q->from, q->to, q->source, q->entity};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        fl_buffer_append_char(key, parts[i] ? '=' : '-');
        fl_buffer_append_str(key, parts[i] ? parts[i] : "");
        fl_buffer_append_char(key, '\x1f');
    }
    return !q->entity || fl_store_find_entities(s, q->entity);
}

fl_result *fl_store_search_total(fl_store *s, const fl_query *q)
{
    fl_buffer fts, key;
    fl_buffer_init(&fts);
    fl_buffer_init(&key);
    fl_search_total totals[2];
    int ok = search_prepare(s, q, &fts, &key);
    if (ok && (key.failed || !fl_search_recall(s, key.data, key.len, totals))) {
        search_plan plan;
        ok = search_plan_make(s, q, fts.data, &plan);
        ok = ok &&
             search_count(s, q, fts.data, plan.sql[0], &plan.scope[0], FL_SEARCH_ARTICLE_WINDOW, &totals[0]) &&
             search_count(s, q, fts.data, plan.sql[1], &plan.scope[1], FL_SEARCH_QUOTE_WINDOW, &totals[1]);
        search_plan_release(&plan);
    }
    fl_buffer_release(&fts);
    fl_buffer_release(&key);
    if (!ok)
        return NULL;
    const fl_search_total articles = totals[0], quotes = totals[1];
    sqlite3_stmt *st = fl_store_prepare(s, "SELECT 'articles' AS section, ?1 AS rows, ?2 AS capped"
                                           " UNION ALL SELECT 'quotes', ?3, ?4");
    fl_result *r = st ? fl_result_new() : NULL;
    if (!r)
        return NULL;
    sqlite3_bind_int64(st, 1, (sqlite3_int64)articles.rows);
    sqlite3_bind_int(st, 2, articles.capped);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)quotes.rows);
    sqlite3_bind_int(st, 4, quotes.capped);
    if (!fl_store_section(s, r, "total", st, 0)) {
        fl_result_free(r);
        return NULL;
    }
    return r;
}

fl_result *fl_store_query_search(fl_store *s, const fl_query *q, unsigned limit)
{
    fl_buffer fts, key;
    fl_buffer_init(&fts);
    fl_buffer_init(&key);
    if (!search_prepare(s, q, &fts, &key)) {
        fl_buffer_release(&fts);
        fl_buffer_release(&key);
        return NULL;
    }
    /* Each section ranks only its newest matches (lookup.h): a word in most
     * articles ("said") would otherwise be ranked across tens of thousands
     * of them for every request. Rare words are ranked exactly; common ones
     * among their newest matches, and the pages end at the window. */
    fl_result *r = fl_result_new();
    fl_search_total totals[2];
    search_plan plan;
    int ok = r && search_plan_make(s, q, fts.data, &plan);
    if (ok) {
        ok = search_section(s, r, q, "articles", fts.data, plan.sql[0], &plan.scope[0], search_articles_page_sql,
                            FL_SEARCH_ARTICLE_WINDOW, limit, &totals[0]) &&
             search_section(s, r, q, "quotes", fts.data, plan.sql[1], &plan.scope[1], search_quotes_page_sql,
                            FL_SEARCH_QUOTE_WINDOW, limit, &totals[1]);
        search_plan_release(&plan);
    }
    if (ok && !key.failed)
        fl_search_remember(s, key.data, key.len, totals);
    fl_buffer_release(&fts);
    fl_buffer_release(&key);
    if (!ok) {
        fl_result_free(r);
        return NULL;
    }
    return r;
}
