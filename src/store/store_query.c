/*
 * store_query.c — the questions users ask of the store: search, entity,
 * quotes, timeline, disagree, article. Each is parameterised SQL (no user
 * text is ever pasted into SQL) whose rows become an fl_result section.
 *
 * Search input is never handed to FTS5 as syntax: it is split into words
 * (and "quoted phrases", and prefix* words), each passed as a quoted FTS
 * string, so unbalanced quotes, NEAR(, lone * or very long input give
 * results or a clear message, never an SQL error. Not for: writing
 * (store_add.c).
 */
#include <stdlib.h>
#include <string.h>

#include "store/canon.h"
#include "store/lookup.h"
#include "store/pg_internal.h"
#include "store/pack.h"
#include "store/store_internal.h"
#include "text/utf8.h"

/* Categories whose series count a running total and so must not go down. */
static const char *const cumulative_categories[] = {"arrested", "injured", "killed", "released"};

#define MAX_QUERY_BYTES 4096

/* How many of an entity's newest articles its co-occurring entities are counted over. */
#define CO_OCCURRING_WINDOW "1000"

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

static void bind_opt(sqlite3_stmt *st, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* Entity ids for a name: by alias or by canonical key, of any type; the
 * best-known first. Fills a temporary table the queries join against. */
static int find_entities(fl_store *s, const char *name)
{
    if (!fl_store_exec(s, "DELETE FROM temp.wanted"))
        return 0;
    static const char *const types[] = {"PER", "ORG", "LOC", "MISC"};
    for (size_t t = 0; t < 4; t++) {
        if (!fl_canon_key(types[t], name, strlen(name), &s->key))
            continue;
        sqlite3_stmt *st = fl_store_prepare(s, "INSERT OR IGNORE INTO temp.wanted SELECT id FROM entities WHERE type=? AND key=?");
        if (!st)
            return 0;
        sqlite3_bind_text(st, 1, types[t], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, s->key.data, -1, SQLITE_TRANSIENT);
        if (!fl_store_step_done(s, st))
            return 0;
    }
    sqlite3_stmt *st = fl_store_prepare(s, "INSERT OR IGNORE INTO temp.wanted SELECT entity_id FROM entity_aliases WHERE alias=?");
    if (!st)
        return 0;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
    return fl_store_step_done(s, st);
}

static int section(fl_store *s, fl_result *r, const char *name, sqlite3_stmt *st, unsigned limit)
{
    if (!st)
        return 0;
    int ok = fl_result_add_section(r, name, st, limit);
    if (!ok)
        fl_store_set_error(s, "out of memory");
    if (sqlite3_errcode(s->db) != SQLITE_OK && sqlite3_errcode(s->db) != SQLITE_ROW &&
        sqlite3_errcode(s->db) != SQLITE_DONE) {
        fl_store_set_error(s, "%s", sqlite3_errmsg(s->db));
        ok = 0;
    }
    sqlite3_reset(st);
    return ok;
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
    bind_opt(st, 2, q->from);
    bind_opt(st, 3, q->to);
    bind_opt(st, 4, q->source);
    bind_opt(st, 5, q->entity);
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
            ok = section(s, r, name, st, 0);
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
    return !q->entity || find_entities(s, q->entity);
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
    if (!section(s, r, "total", st, 0)) {
        fl_result_free(r);
        return NULL;
    }
    return r;
}

static fl_result *query_search(fl_store *s, const fl_query *q, unsigned limit)
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

/* The one entity a name found, 0 if none or several, -1 on error. */
static long long single_entity(fl_store *s)
{
    sqlite3_stmt *st = fl_store_prepare(s, "SELECT min(id), count(*) FROM temp.wanted");
    if (!st)
        return -1;
    long long id = 0;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 1) == 1)
        id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return id;
}

/* The entity question's sections, over the entities a name found: as an
 * IN list, or, when the name found one entity (the usual case), as an
 * equality, which lets each section read its index in order and stop at the
 * page instead of sorting every row of the entity. */
#define ENTITY_PARTS(IN_WANTED, NOT_IN_WANTED) \
        /* One pass over each entity's mentions rows for both counts. */ \
        {"entity", "SELECT e.id, e.name, e.type, coalesce(t.mentions, 0) AS mentions, coalesce(t.articles, 0) AS articles" \
                   " FROM entities e LEFT JOIN (SELECT m.entity_id, sum(m.count) AS mentions, count(*) AS articles" \
                   "   FROM mentions m WHERE m.entity_id" IN_WANTED " GROUP BY m.entity_id) t ON t.entity_id = e.id" \
                   " WHERE e.id" IN_WANTED " ORDER BY mentions DESC LIMIT ?4 OFFSET ?5"}, \
        {"aliases", "SELECT DISTINCT x.alias FROM entity_aliases x WHERE x.entity_id" IN_WANTED \
                    " ORDER BY length(x.alias) DESC, x.alias LIMIT ?4 OFFSET ?5"}, \
        {"mentions_per_day", "SELECT fl_day_date(m.date) AS date, sum(m.count) AS mentions FROM mentions m" \
                             " WHERE m.entity_id" IN_WANTED \
                             " AND (?2 IS NULL OR m.date >= fl_day_from(?2)) AND (?3 IS NULL OR m.date <= fl_day_to(?3))" \
                             " GROUP BY m.date ORDER BY m.date LIMIT ?4 OFFSET ?5"}, \
        /* Over the entity's newest CO_OCCURRING_WINDOW articles: a name in \
         * thousands of articles would otherwise join millions of mentions. \
         * Counted per entity first (a mentions row is one entity in one \
         * article), names looked up per entity, not per row. */ \
        {"co_occurring", "WITH arts AS (SELECT DISTINCT m.article_id AS id FROM mentions m" \
                         "   WHERE m.entity_id" IN_WANTED " AND (?2 IS NULL OR m.date >= fl_day_from(?2))" \
                         "   AND (?3 IS NULL OR m.date <= fl_day_to(?3))" \
                         "   ORDER BY m.date DESC, m.article_id DESC LIMIT " CO_OCCURRING_WINDOW ")" \
                         " SELECT e.name, e.type, c.articles FROM (SELECT j.value AS entity_id, count(*) AS articles" \
                         "   FROM arts JOIN article_entities ae ON ae.article_id = arts.id, json_each(fl_ids_json(ae.ids)) j" \
                         "   WHERE j.value" NOT_IN_WANTED " GROUP BY j.value) c JOIN entities e ON e.id = c.entity_id" \
                         " ORDER BY c.articles DESC, e.name LIMIT ?4 OFFSET ?5"}, \
        /* Pages first (by quote and attribution order), then the article \
         * fields for those rows only: the article text is large. */ \
        {"quotes", "WITH page AS MATERIALIZED (SELECT q.id FROM quotes q" \
                   "   WHERE q.speaker_entity_id" IN_WANTED " AND (?2 IS NULL OR q.date >= ?2) AND (?3 IS NULL OR q.date <= ?3)" \
                   "   ORDER BY q.date, q.id LIMIT ?4 OFFSET ?5)" \
                   " SELECT a.date, a.id AS article, a.headline, q.kind, q.text, q.start, q.end" \
                   " FROM page p JOIN quotes q ON q.id = p.id JOIN articles a ON a.id = q.article_id" \
                   " ORDER BY a.date, q.id"}, \
        {"attributions", "WITH page AS MATERIALIZED (SELECT t.article_id, t.n FROM attributions t" \
                         "   WHERE t.source_entity_id" IN_WANTED " AND t.source_entity_id IS NOT NULL" \
                         "   AND (?2 IS NULL OR t.date >= fl_day_from(?2)) AND (?3 IS NULL OR t.date <= fl_day_to(?3))" \
                         "   ORDER BY t.date, t.article_id, t.n LIMIT ?4 OFFSET ?5)" \
                         " SELECT a.date, a.id AS article, fl_span_text(t.source, a.text, t.source_start, t.source_end) AS source," \
                         " fl_span_text(t.cue, a.text, t.cue_start, t.cue_end) AS cue," \
                         " CAST(substr(CAST(a.text AS BLOB), t.content_start + 1, t.content_end - t.content_start) AS TEXT)" \
                         " AS content, t.content_start, t.content_end" \
                         " FROM page p JOIN attributions t ON t.article_id = p.article_id AND t.n = p.n" \
                         " JOIN articles a ON a.id = t.article_id ORDER BY a.date, t.article_id, t.n"},

static fl_result *query_entity(fl_store *s, const fl_query *q, unsigned limit)
{
    if (!q->text || !*q->text) {
        fl_store_set_error(s, "which entity? give a name");
        s->query_status = FL_ERR_USAGE;
        return NULL;
    }
    if (!find_entities(s, q->text))
        return NULL;
    fl_result *r = fl_result_new();
    static const struct {
        const char *name, *sql;
    } many[] = {ENTITY_PARTS(" IN temp.wanted", " NOT IN temp.wanted")},
      one[] = {ENTITY_PARTS(" = ?9", " <> ?9")};
    long long only = single_entity(s);
    if (only < 0) {
        fl_result_free(r);
        return NULL;
    }
    const struct {
        const char *name, *sql;
    } *parts = only ? (const void *)one : (const void *)many;
    for (size_t i = 0; i < sizeof many / sizeof many[0]; i++) {
        sqlite3_stmt *st = fl_store_prepare(s, parts[i].sql);
        if (!st) {
            fl_result_free(r);
            return NULL;
        }
        bind_opt(st, 2, q->from);
        bind_opt(st, 3, q->to);
        sqlite3_bind_int(st, 4, (int)limit);
        sqlite3_bind_int(st, 5, (int)q->offset);
        if (only)
            sqlite3_bind_int64(st, 9, only);
        if (!section(s, r, parts[i].name, st, 0)) {
            fl_result_free(r);
            return NULL;
        }
    }
    return r;
}

/* The quotes question: a page of quote ids in (date, id) order from the
 * quotes that MATCH (and the date range), then their fields. The speaker's
 * entities and, for a name no entity has, the quotes whose unlinked speaker
 * has its key are two index ranges in date order, merged. */
#define QUOTES_SQL(MATCH) \
    "WITH page AS MATERIALIZED (SELECT id, date FROM (SELECT q.id, q.date FROM quotes q WHERE " MATCH \
    "   AND (?2 IS NULL OR q.date >= ?2) AND (?3 IS NULL OR q.date <= ?3))" \
    "   ORDER BY date, id LIMIT ?4 OFFSET ?5)" \
    " SELECT a.date, a.id AS article, a.headline, coalesce(e.name, q.speaker) AS speaker, q.kind, q.text," \
    " q.start, q.end FROM page p JOIN quotes q ON q.id = p.id JOIN articles a ON a.id = q.article_id" \
    " LEFT JOIN entities e ON e.id = q.speaker_entity_id ORDER BY q.date, q.id"
#define BY_SPEAKER_KEY \
    "   AND (?2 IS NULL OR q.date >= ?2) AND (?3 IS NULL OR q.date <= ?3)" \
    "   UNION ALL SELECT q.id, q.date FROM quotes q WHERE q.speaker_key = ?6"

static fl_result *query_quotes(fl_store *s, const fl_query *q, unsigned limit)
{
    const char *who = q->text ? q->text : q->entity;
    if (!find_entities(s, who ? who : ""))
        return NULL;
    /* Quotes whose speaker was not linked to an entity are matched by name
     * (the indexed speaker_key) too, but only when the name is no known
     * entity. Each way is an index range in date order; without a name,
     * every quote with a speaker. */
    const char *key = NULL;
    sqlite3_stmt *known = fl_store_prepare(s, "SELECT EXISTS (SELECT 1 FROM temp.wanted)");
    int any = known && sqlite3_step(known) == SQLITE_ROW && sqlite3_column_int(known, 0);
    if (known)
        sqlite3_reset(known);
    if (who && !any && fl_canon_key("PER", who, strlen(who), &s->key2))
        key = s->key2.data;
    fl_result *r = fl_result_new();
    long long only = single_entity(s);
    sqlite3_stmt *st = only < 0 ? NULL
                       : fl_store_prepare(s, !who ? QUOTES_SQL("q.speaker IS NOT NULL")
                                             : only ? QUOTES_SQL("q.speaker_entity_id = ?7" BY_SPEAKER_KEY)
                                                    : QUOTES_SQL("q.speaker_entity_id IN temp.wanted" BY_SPEAKER_KEY));
    if (!st) {
        fl_result_free(r);
        return NULL;
    }
    bind_opt(st, 2, q->from);
    bind_opt(st, 3, q->to);
    sqlite3_bind_int(st, 4, (int)limit);
    sqlite3_bind_int(st, 5, (int)q->offset);
    bind_opt(st, 6, key);
    if (only)
        sqlite3_bind_int64(st, 7, only);
    if (!section(s, r, "quotes", st, 0)) {
        fl_result_free(r);
        return NULL;
    }
    return r;
}

int fl_store_is_cumulative(const char *category)
{
    for (size_t i = 0; i < sizeof cumulative_categories / sizeof cumulative_categories[0]; i++)
        if (category && !strcmp(category, cumulative_categories[i]))
            return 1;
    return 0;
}

/* The canonical source key for a --source filter, or NULL. */
static const char *filter_source_key(fl_store *s, const char *source, fl_buffer *out)
{
    if (!source || !fl_canon_key("SOURCE", source, strlen(source), &s->key))
        return NULL;
    if (!fl_store_org_canonical(s, s->key.data, out))
        return NULL;
    return out->data;
}

static fl_result *query_timeline(fl_store *s, const fl_query *q, unsigned limit)
{
    const char *category = q->category && *q->category ? q->category : "killed";
    fl_buffer src;
    fl_buffer_init(&src);
    const char *source_key = filter_source_key(s, q->source, &src);
    fl_result *r = fl_result_new();
    /* The page of points first, in the order of the (category, date) index
     * so no sort is needed, then for those rows only the running maximum of
     * their source's series (through the (category, source_key, date)
     * index) and the evidence sentence (fl_sentence() analyses a paragraph). */
    sqlite3_stmt *st = fl_store_prepare(
        s, "WITH page AS MATERIALIZED (SELECT f.id FROM figures f"
           "   WHERE f.category = ?1 AND (?2 IS NULL OR f.subject_key = fl_key('MISC', ?2))"
           "   AND (?3 IS NULL OR f.place_key = fl_key('LOC', ?3)) AND (?4 IS NULL OR f.date >= ?4)"
           "   AND (?5 IS NULL OR f.date <= ?5) AND (?6 IS NULL OR f.source_key = ?6)"
           "   ORDER BY f.date, f.id LIMIT ?7 OFFSET ?8)"
           " SELECT f.date AS as_of, coalesce(f.source, '(the article)') AS source, f.value, f.low, f.high, f.qualifier,"
           " f.subject, f.place, ?9 AS cumulative,"
           " CASE WHEN ?9 THEN (SELECT max(coalesce(e.low, e.value)) FROM figures e WHERE e.category = f.category"
           "   AND e.source_key IS f.source_key AND (?2 IS NULL OR e.subject_key = f.subject_key)"
           "   AND (?3 IS NULL OR e.place_key = f.place_key) AND e.date <= f.date"
           "   AND (e.date < f.date OR e.id <= f.id)) END AS running_max,"
           " a.id AS article, a.headline, fl_span_text(f.text, a.text, f.start, f.end) AS evidence, f.start, f.end,"
           " fl_sentence(a.text, f.start, f.end) AS sentence"
           " FROM page p JOIN figures f ON f.id = p.id JOIN articles a ON a.id = f.article_id"
           " ORDER BY f.date, f.id");
    if (!st) {
        fl_buffer_release(&src);
        fl_result_free(r);
        return NULL;
    }
    sqlite3_bind_text(st, 1, category, -1, SQLITE_TRANSIENT);
    bind_opt(st, 2, q->subject);
    bind_opt(st, 3, q->place);
    bind_opt(st, 4, q->from);
    bind_opt(st, 5, q->to);
    bind_opt(st, 6, source_key);
    sqlite3_bind_int(st, 7, (int)limit);
    sqlite3_bind_int(st, 8, (int)q->offset);
    sqlite3_bind_int(st, 9, fl_store_is_cumulative(category));
    int ok = section(s, r, "timeline", st, 0);
    fl_buffer_release(&src);
    if (!ok) {
        fl_result_free(r);
        return NULL;
    }
    return r;
}

/* ?1 category, ?2 from, ?3 to, ?4 limit, ?5 offset: the disagreement queries' parameters. */
static void bind_category_page(sqlite3_stmt *st, const fl_query *q, unsigned limit)
{
    bind_opt(st, 1, q->category);
    bind_opt(st, 2, q->from);
    bind_opt(st, 3, q->to);
    sqlite3_bind_int(st, 4, (int)limit);
    sqlite3_bind_int(st, 5, (int)q->offset);
}

/* The disagreement queries; MATCH is the category condition (an equality
 * reads the category's own index). ?1 category, ?2 from, ?3 to, ?4 limit,
 * ?5 offset. */
#define CONFLICTS_SQL(MATCH) \
    "WITH pairs AS MATERIALIZED (SELECT c.a, c.b FROM figure_conflicts c" \
    "   WHERE " MATCH " AND (?2 IS NULL OR c.date >= ?2) AND (?3 IS NULL OR c.date <= ?3)" \
    "   ORDER BY c.date, c.category, c.a, c.b LIMIT ?4 OFFSET ?5)" \
    " SELECT f1.date AS as_of, f1.category, f1.subject, f1.place," \
    " f1.source AS source_a, fl_span_text(f1.text, a1.text, f1.start, f1.end) AS figure_a, f1.qualifier AS qualifier_a, f1.value AS value_a," \
    " f1.article_id AS article_a," \
    " fl_sentence(a1.text, f1.start, f1.end) AS sentence_a, f1.start AS start_a, f1.end AS end_a," \
    " f2.source AS source_b, fl_span_text(f2.text, a2.text, f2.start, f2.end) AS figure_b, f2.qualifier AS qualifier_b, f2.value AS value_b," \
    " f2.article_id AS article_b," \
    " fl_sentence(a2.text, f2.start, f2.end) AS sentence_b, f2.start AS start_b, f2.end AS end_b" \
    " FROM pairs p JOIN figures f1 ON f1.id = p.a JOIN figures f2 ON f2.id = p.b" \
    " JOIN articles a1 ON a1.id = f1.article_id JOIN articles a2 ON a2.id = f2.article_id" \
    " ORDER BY f1.date, f1.category, f1.id, f2.id"
#define DECREASING_SQL(MATCH) \
    "SELECT f.date AS as_of, f.category, f.subject, f.place, f.source, f.earlier_max," \
    " (SELECT e.date FROM figures e WHERE e.category = f.category AND e.source_key = f.source_key" \
    "   AND e.subject_key IS f.subject_key AND e.place_key IS f.place_key AND e.date <= f.date AND e.id <> f.id" \
    "   AND coalesce(e.low, e.value) = f.earlier_max ORDER BY e.date LIMIT 1) AS earlier_date," \
    " f.qualifier, f.value AS later_value, f.article_id AS article, fl_sentence(a.text, f.start, f.end) AS sentence," \
    " f.start, f.end FROM (SELECT * FROM figures f" \
    "   WHERE f.earlier_max > " FL_FIGURE_HIGH("f.") " AND " MATCH \
    "   AND (?2 IS NULL OR f.date >= ?2) AND (?3 IS NULL OR f.date <= ?3)" \
    "   ORDER BY f.date, f.id LIMIT ?4 OFFSET ?5) f JOIN articles a ON a.id = f.article_id" \
    " ORDER BY f.date, f.id"

static fl_result *query_disagree(fl_store *s, const fl_query *q, unsigned limit)
{
    fl_result *r = fl_result_new();
    /* Intervals: [low, high] with value for both when they are missing and
     * an open end as infinity. Two figures disagree when their intervals do
     * not overlap. */
    /* With a category, its own index range (for one category that order
     * is the same); without, every pair in date order. */
    sqlite3_stmt *st =
        fl_store_prepare(s, q->category && *q->category ? CONFLICTS_SQL("c.category = ?1") : CONFLICTS_SQL("?1 IS NULL"));
    if (!st) {
        fl_result_free(r);
        return NULL;
    }
    bind_category_page(st, q, limit);
    if (!section(s, r, "conflicting_figures", st, 0)) {
        fl_result_free(r);
        return NULL;
    }
    /* A cumulative series (same source, category, subject, place) that later
     * reports less than it already had. */
    st = fl_store_prepare(s, q->category && *q->category ? DECREASING_SQL("f.category = ?1")
                                                   : DECREASING_SQL("?1 IS NULL"));
    if (!st) {
        fl_result_free(r);
        return NULL;
    }
    bind_category_page(st, q, limit);
    if (!section(s, r, "decreasing_cumulative", st, 0)) {
        fl_result_free(r);
        return NULL;
    }
    return r;
}

/* An article's mentions, one row each, into temp.article_mentions: the
 * mentions table keeps them packed per entity (pack.h), found through the
 * article's entity list (schema 5's article_entities) and its date. */
static int unpack_mentions(fl_store *s, long long article)
{
    if (!fl_store_exec(s, "DELETE FROM temp.article_mentions"))
        return 0;
    sqlite3_stmt *rows = fl_store_prepare(
        s, "SELECT m.entity_id, m.spans FROM article_entities ae JOIN articles a ON a.id = ae.article_id,"
           " json_each(fl_ids_json(ae.ids)) j JOIN mentions m ON m.entity_id = j.value AND m.date = fl_day(a.date)"
           " AND m.article_id = ae.article_id WHERE ae.article_id = ?");
    if (!rows)
        return 0;
    sqlite3_bind_int64(rows, 1, article);
    int ok = 1, rc = SQLITE_DONE;
    while (ok && (rc = sqlite3_step(rows)) == SQLITE_ROW) {
        long long entity = sqlite3_column_int64(rows, 0);
        const unsigned char *p = sqlite3_column_blob(rows, 1);
        const unsigned char *end = p + sqlite3_column_bytes(rows, 1);
        long long prev = 0;
        fl_span_pair span;
        while (ok && p && fl_unpack_span(&p, end, &prev, &span)) {
            sqlite3_stmt *ins = fl_store_prepare(s, "INSERT INTO temp.article_mentions(entity_id, start, end) VALUES(?, ?, ?)");
            if (!ins) {
                ok = 0;
                break;
            }
            sqlite3_bind_int64(ins, 1, entity);
            sqlite3_bind_int64(ins, 2, span.start);
            sqlite3_bind_int64(ins, 3, span.end);
            ok = fl_store_step_done(s, ins);
        }
    }
    if (ok && rc != SQLITE_DONE) {
        fl_store_set_error(s, "%s", sqlite3_errmsg(s->db));
        ok = 0;
    }
    sqlite3_reset(rows);
    return ok;
}

/* The article's text, read once per answer (an uncorrelated subquery), to
 * cut schema 5's span texts from. */
#define ARTICLE_TEXT "(SELECT x.text FROM articles x WHERE x.id = ?1)"

static fl_result *query_article(fl_store *s, const fl_query *q, unsigned limit)
{
    if (!q->text) {
        fl_store_set_error(s, "which article? give its number, hash or id");
        s->query_status = FL_ERR_USAGE;
        return NULL;
    }
    long long id = fl_store_lookup_id(s, "SELECT id FROM articles WHERE hash=fl_hash_key(?1) OR ext_id=?1 OR CAST(id AS TEXT)=?1",
                                      q->text, NULL);
    if (id <= 0) {
        fl_store_set_error(s, "no article %.200s", q->text);
        s->query_status = id < 0 ? FL_ERR_IO : FL_ERR_NOT_FOUND;
        return NULL;
    }
    if (!unpack_mentions(s, id))
        return NULL;
    fl_result *r = fl_result_new();
    static const struct {
        const char *name, *sql;
    } parts[] = {
        {"article", "SELECT id, fl_hash_hex(hash) AS hash, ext_id, date, headline, source, url, text FROM articles WHERE id=?1"},
        {"entities", "SELECT e.id AS entity, e.name, e.type, m.start, m.end FROM temp.article_mentions m JOIN entities e"
                     " ON e.id = m.entity_id ORDER BY m.start, m.entity_id LIMIT ?2"},
        {"quotes", "SELECT q.kind, q.speaker, q.speaker_entity_id AS entity, q.cue, q.text, q.start, q.end,"
                   " q.speaker_start, q.speaker_end FROM quotes q WHERE q.article_id=?1 ORDER BY q.start LIMIT ?2"},
        {"attributions", "SELECT fl_span_text(t.source, " ARTICLE_TEXT ", t.source_start, t.source_end) AS source,"
                         " fl_label(1, t.source_type) AS source_type, t.anonymous,"
                         " fl_span_text(t.cue, " ARTICLE_TEXT ", t.cue_start, t.cue_end) AS cue, t.source_start, t.source_end,"
                         " t.cue_start, t.cue_end, t.content_start, t.content_end FROM attributions t"
                         " WHERE t.article_id=?1 ORDER BY t.cue_start, t.n LIMIT ?2"},
        {"figures", "SELECT fl_span_text(f.text, " ARTICLE_TEXT ", f.start, f.end) AS text, f.value, f.low, f.high, f.qualifier, f.category, f.subject, f.source, f.date,"
                    " f.place, f.start, f.end FROM figures f WHERE f.article_id=?1 ORDER BY f.start LIMIT ?2"},
        {"times", "SELECT fl_span_text(t.text, " ARTICLE_TEXT ", t.start, t.end) AS text, fl_label(2, t.type) AS type,"
                  " t.value, t.start, t.end FROM times t WHERE t.article_id=?1"
                  " ORDER BY t.start, t.n LIMIT ?2"},
    };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        sqlite3_stmt *st = fl_store_prepare(s, parts[i].sql);
        if (!st) {
            fl_result_free(r);
            return NULL;
        }
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int(st, 2, (int)(limit < 1000 ? 1000 : limit));
        if (!section(s, r, parts[i].name, st, 0)) {
            fl_result_free(r);
            return NULL;
        }
    }
    return r;
}

static fl_result *answer(fl_store *s, const fl_query *q, unsigned limit)
{
    switch (q->kind) {
    case FL_QUERY_SEARCH:
        return query_search(s, q, limit);
    case FL_QUERY_ENTITY:
        return query_entity(s, q, limit);
    case FL_QUERY_QUOTES:
        return query_quotes(s, q, limit);
    case FL_QUERY_TIMELINE:
        return query_timeline(s, q, limit);
    case FL_QUERY_DISAGREE:
        return query_disagree(s, q, limit);
    case FL_QUERY_ARTICLE:
        return query_article(s, q, limit);
    default: /* the page's questions (store_lookup.c) */
        return fl_store_lookup(s, q, limit);
    }
    fl_store_set_error(s, "unknown question");
    s->query_status = FL_ERR_USAGE;
    return NULL;
}

fl_result *fl_store_query(fl_store *s, const fl_query *q)
{
    if (s->pg) return fl_pg_query(s, q);
    unsigned limit = q->limit ? q->limit : 20;
    if (limit > 10000)
        limit = 10000;
    s->error[0] = '\0';
    s->query_status = FL_OK;
    fl_result *r = answer(s, q, limit);
    if (!r && s->query_status == FL_OK)
        s->query_status = FL_ERR_IO;
    return r;
}

fl_status fl_store_query_status(const fl_store *s) { return s->query_status; }
