/*
 * pg_query.c — the questions (entity, quotes, timeline, disagree, article)
 * on PostgreSQL, with the sections, columns, filters, paging and row order
 * of store_query.c, so both backends answer alike (a parity test,
 * tests/unit/test_store_parity.c, compares them on real articles), and the
 * reading helpers the other questions share (search: pg_search.c; the
 * page's categories and names: pg_lookup.c).
 *
 * What SQLite computes in SQL functions is computed here in C: canonical
 * keys of the filters are parameters, evidence sentences (fl_sentence) and
 * attribution contents are cut from the article text after the page is
 * fetched, and so are search fragments (search_snippet.c, SQLite's own
 * builder). Numbers are printed as SQLite prints them. Every value is a
 * parameter. Not for: writing (pg_add.c).
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/canon.h"
#include "store/lookup.h"
#include "store/pg_internal.h"
#include "text/utf8.h"

#define CO_OCCURRING_WINDOW "1000"  /* an entity's newest articles co-occurrence counts */

/* A figure's interval, as store_query.c: an open bound when the qualifier says so. */
#define HIGH(f) "coalesce(" f ".high, CASE WHEN " f ".qualifier IN ('more_than', 'at_least') THEN 1e308 END, " f \
                ".value, 1e308)"
#define LOW(f) "coalesce(" f ".low, CASE WHEN " f ".qualifier IN ('less_than', 'up_to') THEN 0 END, " f ".value, -1e308)"

/* ---- running a statement into a section ---------------------------------- */

/* Every parameter is text; the SQL casts where it needs another type, so a
 * statement need not use every parameter it is given. */
PGresult *fl_pg_read(fl_store *s, const char *sql, int n, const char *const *params)
{
    /* PostgreSQL refuses text that is not UTF-8: say so, as a usage error. */
    for (int i = 0; i < n; i++) {
        for (size_t k = 0, len = params[i] ? strlen(params[i]) : 0; k < len;) {
            int32_t cp;
            k += fl_utf8_decode((const unsigned char *)params[i] + k, len - k, &cp);
            if (cp < 0) {
                fl_store_set_error(s, "the question is not valid UTF-8");
                s->query_status = FL_ERR_USAGE;
                return NULL;
            }
        }
    }
    Oid types[16];
    assert(n >= 0 && n <= 16); /* the questions bind at most 8 */
    for (int i = 0; i < n; i++)
        types[i] = 25; /* text */
    PGresult *res = PQexecParams(s->pg->conn, sql, n, types, params, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK && PQstatus(s->pg->conn) == CONNECTION_BAD && fl_pg_reconnect(s)) {
        /* the server restarted: once more on a new connection (reads only) */
        PQclear(res);
        res = PQexecParams(s->pg->conn, sql, n, types, params, NULL, NULL, 0);
    }
    if (!res || PQresultStatus(res) != PGRES_TUPLES_OK) {
        const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
        fl_store_set_error(s, "PostgreSQL: %s", msg ? msg : PQerrorMessage(s->pg->conn));
        PQclear(res);
        return NULL;
    }
    return res;
}

/* The sentence(s) of text that contain [start, end) (as SQLite's
 * fl_sentence: fl_store_sentence_bounds). Writes into out; 0 if the span is
 * not in the text or memory ran out. */
static int sentence_of(fl_store *s, const char *text, long long len, long long start, long long end, fl_buffer *out)
{
    if (fl_store_sentence_bounds(s, text, len, &start, &end) <= 0)
        return 0;
    fl_buffer_clear(out);
    fl_buffer_append(out, text + start, (size_t)(end - start));
    return 1;
}

static int column_of(PGresult *res, const char *name) { return name ? PQfnumber(res, name) : -1; }

static fl_cell_type type_of(Oid t)
{
    switch (t) {
    case 16: /* bool */
    case 20: /* int8 */
    case 21: /* int2 */
    case 23: /* int4 */
        return FL_CELL_INT;
    case 700:  /* float4 */
    case 701:  /* float8 */
    case 1700: /* numeric */
        return FL_CELL_REAL;
    default:
        return FL_CELL_TEXT;
    }
}

/* Adds the rows of `sql` as a section: columns named "_..." are hidden, the
 * columns of `derives` (n of them) are computed. */
int fl_pg_section(fl_store *s, fl_result *r, const char *name, const char *sql, int nparams,
                  const char *const *params, const fl_pg_derive *derives, size_t nderives)
{
    PGresult *res = fl_pg_read(s, sql, nparams, params);
    if (!res)
        return 0;
    int cols = PQnfields(res), visible = 0, map[64], derive_of[64];
    const char *names[64];
    fl_cell_type types[64];
    for (int c = 0; c < cols && visible < 64; c++) {
        if (PQfname(res, c)[0] == '_')
            continue;
        derive_of[visible] = -1;
        for (size_t d = 0; d < nderives; d++)
            if (!strcmp(derives[d].column, PQfname(res, c)))
                derive_of[visible] = (int)d;
        map[visible] = c;
        names[visible] = PQfname(res, c);
        types[visible] = type_of(PQftype(res, c));
        visible++;
    }
    int ok = fl_result_begin_section(r, name, (size_t)visible, names);
    fl_buffer cut[64];
    char num[64][40];
    for (int v = 0; v < visible; v++)
        fl_buffer_init(&cut[v]);
    for (int row = 0; ok && row < PQntuples(res); row++) {
        const char *texts[64];
        fl_cell_type row_types[64];
        for (int v = 0; v < visible; v++) {
            int c = map[v];
            row_types[v] = types[v];
            texts[v] = PQgetisnull(res, row, c) ? NULL : PQgetvalue(res, row, c);
            if (derive_of[v] >= 0 && derives[derive_of[v]].kind == FL_PG_DERIVE_SNIPPET) {
                /* as SQLite's fl_snippet(text, fts_query, 24) */
                int tc = column_of(res, derives[derive_of[v]].text);
                row_types[v] = FL_CELL_TEXT;
                texts[v] = NULL;
                if (tc >= 0 && !PQgetisnull(res, row, tc)) {
                    if (!fl_snippet_write(s->pg->snippets, derives[derive_of[v]].terms, PQgetvalue(res, row, tc),
                                          (size_t)PQgetlength(res, row, tc), 24, &cut[v]))
                        ok = 0;
                    texts[v] = cut[v].data ? cut[v].data : "";
                }
            } else if (derive_of[v] >= 0 && derives[derive_of[v]].kind == FL_PG_DERIVE_CUMULATIVE) {
                int tc = column_of(res, derives[derive_of[v]].text);
                row_types[v] = FL_CELL_INT;
                texts[v] = fl_store_is_cumulative(tc >= 0 && !PQgetisnull(res, row, tc) ? PQgetvalue(res, row, tc) : NULL)
                               ? "1"
                               : "0";
            } else if (derive_of[v] >= 0) {
                const fl_pg_derive *d = &derives[derive_of[v]];
                int tc = column_of(res, d->text), sc = column_of(res, d->start), ec = column_of(res, d->end);
                texts[v] = NULL;
                row_types[v] = FL_CELL_TEXT;
                if (tc < 0 || sc < 0 || ec < 0 || PQgetisnull(res, row, tc) || PQgetisnull(res, row, sc) ||
                    PQgetisnull(res, row, ec))
                    continue;
                const char *text = PQgetvalue(res, row, tc);
                long long len = PQgetlength(res, row, tc);
                long long a = atoll(PQgetvalue(res, row, sc)), b = atoll(PQgetvalue(res, row, ec));
                if (d->kind == FL_PG_DERIVE_SENTENCE) {
                    if (sentence_of(s, text, len, a, b, &cut[v]))
                        texts[v] = cut[v].data;
                } else {
                    /* SQLite's substr(blob, a + 1, b - a), clamped to the text */
                    a = a < 0 ? 0 : a > len ? len : a;
                    b = b > len ? len : b < a ? a : b;
                    fl_buffer_clear(&cut[v]);
                    fl_buffer_append(&cut[v], text + a, (size_t)(b - a));
                    texts[v] = cut[v].data;
                }
            } else if (texts[v] && types[v] == FL_CELL_REAL) {
                fl_pg_format_real(strtod(texts[v], NULL), num[v], sizeof num[v]);
                texts[v] = num[v];
            } else if (texts[v] && PQftype(res, c) == 16) {
                texts[v] = texts[v][0] == 't' ? "1" : "0";
            }
        }
        ok = fl_result_add_row(r, row_types, texts);
    }
    for (int v = 0; v < visible; v++)
        fl_buffer_release(&cut[v]);
    PQclear(res);
    if (!ok)
        fl_store_set_error(s, "out of memory");
    return ok;
}

/* ---- shared pieces ------------------------------------------------------- */

/* The ids (a text array, "{}" if none) of the entities a name means: by
 * canonical key of any type or by alias, as store_query.c's fl_store_find_entities. */
int fl_pg_find_entities(fl_store *s, const char *name, fl_buffer *ids)
{
    static const char *const types[] = {"PER", "ORG", "LOC", "MISC"};
    fl_buffer keys[4], fold;
    const char *p[5];
    for (int t = 0; t < 4; t++) {
        fl_buffer_init(&keys[t]);
        p[t] = fl_canon_key(types[t], name, strlen(name), &keys[t]) ? keys[t].data : NULL;
    }
    fl_buffer_init(&fold);
    for (const char *c = name; *c; c++)
        fl_buffer_append_char(&fold, *c >= 'A' && *c <= 'Z' ? (char)(*c - 'A' + 'a') : *c);
    p[4] = fold.data;
    PGresult *res = fl_pg_read(s, "SELECT coalesce(array_agg(id ORDER BY id), '{}')::text FROM (SELECT id FROM entities"
                           " WHERE (type = 'PER' AND key = $1) OR (type = 'ORG' AND key = $2) OR (type = 'LOC' AND key = $3)"
                           " OR (type = 'MISC' AND key = $4) UNION SELECT entity_id FROM entity_aliases"
                           " WHERE alias_fold = $5) x", 5, p);
    for (int t = 0; t < 4; t++)
        fl_buffer_release(&keys[t]);
    fl_buffer_release(&fold);
    if (!res)
        return 0;
    fl_buffer_clear(ids);
    fl_buffer_append_str(ids, PQgetvalue(res, 0, 0));
    PQclear(res);
    return 1;
}

typedef struct page {
    char limit[16], offset[16];
} page;

static void page_of(const fl_query *q, unsigned limit, page *pg)
{
    snprintf(pg->limit, sizeof pg->limit, "%u", limit);
    snprintf(pg->offset, sizeof pg->offset, "%u", q->offset);
}

static const char *opt(const char *v) { return v && *v ? v : NULL; }

static fl_result *failed(fl_result *r)
{
    fl_result_free(r);
    return NULL;
}

/* ---- the questions ------------------------------------------------------- */

/* The entity section from the counts the database keeps (pg_store.c). */
#define ENTITY_FROM_COUNTS                                                                                        \
    "SELECT e.id, e.name, e.type, n.mentions, n.articles FROM entities e CROSS JOIN LATERAL"                       \
    " (SELECT coalesce(sum(c.mentions), 0)::bigint AS mentions, coalesce(sum(c.articles), 0)::bigint AS articles"  \
    "   FROM entity_counts c WHERE c.entity_id = e.id) n"                                                          \
    " WHERE e.id = ANY($1::bigint[]) ORDER BY n.mentions DESC, e.id LIMIT $4::bigint OFFSET $5::bigint"

static fl_result *query_entity(fl_store *s, const fl_query *q, unsigned limit)
{
    if (!q->text || !*q->text) {
        fl_store_set_error(s, "which entity? give a name");
        s->query_status = FL_ERR_USAGE;
        return NULL;
    }
    fl_buffer ids;
    fl_buffer_init(&ids);
    if (!fl_pg_find_entities(s, q->text, &ids)) {
        fl_buffer_release(&ids);
        return NULL;
    }
    page pg;
    page_of(q, limit, &pg);
    const char *p[] = {ids.data, opt(q->from), opt(q->to), pg.limit, pg.offset};
    static const fl_pg_derive content = {"content", "_text", "content_start", "content_end", FL_PG_DERIVE_SLICE, NULL};
    static const struct {
        const char *name, *sql;
    } parts[] = {
        /* both counts from one pass over the entity's mentions, not two */
        {"entity", "SELECT e.id, e.name, e.type, n.mentions, n.articles FROM entities e CROSS JOIN LATERAL"
                   " (SELECT count(*) AS mentions, count(DISTINCT m.article_id) AS articles FROM mentions m"
                   "   WHERE m.entity_id = e.id) n"
                   " WHERE e.id = ANY($1::bigint[]) ORDER BY n.mentions DESC, e.id LIMIT $4::bigint OFFSET $5::bigint"},
        /* SQLite's DISTINCT and ORDER BY on a NOCASE column: by alias_fold */
        {"aliases", "SELECT min(x.alias) AS alias FROM entity_aliases x WHERE x.entity_id = ANY($1::bigint[])"
                    " GROUP BY x.alias_fold ORDER BY length(min(x.alias)) DESC, x.alias_fold LIMIT $4::bigint OFFSET $5::bigint"},
        /* This and the two pages below take each entity's first rows in
         * index order, as many as the page reaches, then merge them: the
         * page's rows are among them (a row before the page's end is before
         * it in its own entity's order too), and a day's count adds up every
         * entity's count of it. A name meaning several entities ("Hamas":
         * an organisation, a place, a person and aliases) otherwise had
         * all of their rows read and sorted (200 ms on a million articles). */
        {"mentions_per_day", "SELECT x.date, sum(x.n)::bigint AS mentions FROM unnest($1::bigint[]) AS i(id)"
                             " CROSS JOIN LATERAL (SELECT m.date, count(*) AS n FROM mentions m WHERE m.entity_id = i.id"
                             "   AND ($2 IS NULL OR m.date >= $2) AND ($3 IS NULL OR m.date <= $3)"
                             "   GROUP BY m.date ORDER BY m.date LIMIT $4::bigint + $5::bigint) x"
                             " GROUP BY x.date ORDER BY x.date LIMIT $4::bigint OFFSET $5::bigint"},
        /* The shape matters more than indexes here (docs/store.md, PostgreSQL):
         * each entity's newest articles are read backwards from the primary
         * key, stopping at the window, whatever the statistics say; each
         * article's other entities come distinct and in order from the
         * index on mentions (article, entity) (pg_store.c's pg_indexes; a
         * small sort without it); they are counted by id before any name
         * is read, and only the entities
         * that can reach the page (a count at least the page's last one)
         * are looked up for their names. */
        {"co_occurring", "WITH arts AS MATERIALIZED (SELECT DISTINCT x.article_id AS id, x.date FROM unnest($1::bigint[]) AS i(id)"
                         "   CROSS JOIN LATERAL (SELECT DISTINCT m.date, m.article_id FROM mentions m WHERE m.entity_id = i.id"
                         "     AND ($2 IS NULL OR m.date >= $2) AND ($3 IS NULL OR m.date <= $3)"
                         "     ORDER BY m.date DESC, m.article_id DESC LIMIT " CO_OCCURRING_WINDOW ") x"
                         "   ORDER BY x.date DESC, x.article_id DESC LIMIT " CO_OCCURRING_WINDOW "),"
                         " c AS MATERIALIZED (SELECT o.entity_id, count(*) AS articles FROM arts CROSS JOIN LATERAL"
                         "   (SELECT DISTINCT m2.entity_id FROM mentions m2 WHERE m2.article_id = arts.id"
                         "     AND NOT (m2.entity_id = ANY($1::bigint[])) ORDER BY m2.entity_id) o GROUP BY o.entity_id)"
                         " SELECT e.name, e.type, c.articles FROM c JOIN entities e ON e.id = c.entity_id"
                         " WHERE c.articles >= coalesce((SELECT c2.articles FROM c c2 ORDER BY c2.articles DESC"
                         "   OFFSET greatest($4::bigint + $5::bigint - 1, 0) LIMIT 1), 0)"
                         " ORDER BY c.articles DESC, e.name, e.id LIMIT $4::bigint OFFSET $5::bigint"},
        {"quotes", "WITH page AS MATERIALIZED (SELECT x.id FROM unnest($1::bigint[]) AS i(id) CROSS JOIN LATERAL"
                   "   (SELECT q.id, q.date FROM quotes q WHERE q.speaker_entity_id = i.id"
                   "   AND ($2 IS NULL OR q.date >= $2) AND ($3 IS NULL OR q.date <= $3)"
                   "   ORDER BY q.date, q.id LIMIT $4::bigint + $5::bigint) x"
                   "   ORDER BY x.date, x.id LIMIT $4::bigint OFFSET $5::bigint)"
                   " SELECT a.date, a.id AS article, a.headline, q.kind, q.text, q.start, q.\"end\" AS \"end\""
                   " FROM page p JOIN quotes q ON q.id = p.id JOIN articles a ON a.id = q.article_id"
                   " ORDER BY a.date, q.id"},
        {"attributions", "WITH page AS MATERIALIZED (SELECT x.id FROM unnest($1::bigint[]) AS i(id) CROSS JOIN LATERAL"
                         "   (SELECT t.id, t.date, t.article_id FROM attributions t"
                         "   WHERE t.source_entity_id = i.id AND t.source_entity_id IS NOT NULL"
                         "   AND ($2 IS NULL OR t.date >= $2) AND ($3 IS NULL OR t.date <= $3)"
                         "   ORDER BY t.date, t.article_id, t.id LIMIT $4::bigint + $5::bigint) x"
                         "   ORDER BY x.date, x.article_id, x.id LIMIT $4::bigint OFFSET $5::bigint)"
                         " SELECT a.date, a.id AS article, t.source, t.cue, NULL::text AS content, t.content_start,"
                         " t.content_end, a.text AS _text"
                         " FROM page p JOIN attributions t ON t.id = p.id JOIN articles a ON a.id = t.article_id"
                         " ORDER BY a.date, t.article_id, t.id"},
    };
    fl_result *r = fl_result_new();
    int ok = r != NULL;
    /* A name that means one entity (the usual case) compares with that id
     * alone: then the planner reads (entity, date) indexes in date order and
     * stops at the page (mentions per day: 241 ms for "Israel" on a million
     * articles with "= ANY", which it aggregates whole). */
    int one = strcmp(ids.data, "{}") && !strchr(ids.data, ',');
    fl_buffer sql;
    fl_buffer_init(&sql);
    for (size_t i = 0; ok && i < sizeof parts / sizeof parts[0]; i++) {
        const char *text = i == 0 && s->pg->entity_counts ? ENTITY_FROM_COUNTS : parts[i].sql;
        if (one) {
            static const char any[] = "= ANY($1::bigint[])";
            fl_buffer_clear(&sql);
            for (const char *at; (at = strstr(text, any)) != NULL; text = at + strlen(any)) {
                fl_buffer_append(&sql, text, (size_t)(at - text));
                fl_buffer_append_str(&sql, "= ($1::bigint[])[1]");
            }
            fl_buffer_append_str(&sql, text);
            if (sql.failed) {
                fl_store_set_error(s, "out of memory");
                ok = 0;
                break;
            }
            text = sql.data;
        }
        ok = fl_pg_section(s, r, parts[i].name, text, 5, p, &content, 1);
    }
    fl_buffer_release(&sql);
    fl_buffer_release(&ids);
    return ok ? r : failed(r);
}

static fl_result *query_quotes(fl_store *s, const fl_query *q, unsigned limit)
{
    const char *who = q->text ? q->text : q->entity;
    fl_buffer ids, key;
    fl_buffer_init(&ids);
    fl_buffer_init(&key);
    fl_result *r = NULL;
    if (!fl_pg_find_entities(s, who ? who : "", &ids))
        goto done;
    /* Unlinked speakers are matched by name only when the name is no known
     * entity (as store_query.c). */
    const char *k = who && !strcmp(ids.data, "{}") && fl_canon_key("PER", who, strlen(who), &key) ? key.data : NULL;
    page pg;
    page_of(q, limit, &pg);
    const char *p[] = {who, opt(q->from), opt(q->to), pg.limit, pg.offset, k, ids.data};
    r = fl_result_new();
    if (r && !fl_pg_section(s, r, "quotes",
                      "WITH page AS MATERIALIZED (SELECT q.id FROM quotes q"
                      "   WHERE ($1 IS NULL OR q.speaker_entity_id = ANY($7::bigint[])"
                      "     OR ($6 IS NOT NULL AND q.speaker_entity_id IS NULL AND q.speaker_key = $6))"
                      "   AND ($2 IS NULL OR q.date >= $2) AND ($3 IS NULL OR q.date <= $3)"
                      "   AND ($1 IS NOT NULL OR q.speaker IS NOT NULL)"
                      "   ORDER BY q.date, q.id LIMIT $4::bigint OFFSET $5::bigint)"
                      " SELECT a.date, a.id AS article, a.headline, coalesce(e.name, q.speaker) AS speaker, q.kind, q.text,"
                      " q.start, q.\"end\" AS \"end\" FROM page p JOIN quotes q ON q.id = p.id JOIN articles a ON a.id = q.article_id"
                      " LEFT JOIN entities e ON e.id = q.speaker_entity_id ORDER BY q.date, q.id",
                      7, p, NULL, 0))
        r = failed(r);
done:
    fl_buffer_release(&ids);
    fl_buffer_release(&key);
    return r;
}

/* The highest value a figure's source reported on or before it (timeline). */
#define RUNNING_MAX(same_source) \
    "max(coalesce(e.low, e.value)) FROM figures e WHERE e.category = f.category AND " same_source \
    " AND ($2 IS NULL OR e.subject_key = f.subject_key) AND ($3 IS NULL OR e.place_key = f.place_key)" \
    " AND e.date <= f.date AND (e.date < f.date OR e.id <= f.id)"

/* A key for a filter, or a value no row has when the filter is given but
 * has no key (SQLite then compares with NULL: nothing matches). */
static const char *filter_key(const char *type, const char *v, fl_buffer *out)
{
    if (!opt(v))
        return NULL;
    return fl_canon_key(type, v, strlen(v), out) ? out->data : "";
}

static fl_result *query_timeline(fl_store *s, const fl_query *q, unsigned limit)
{
    const char *category = q->category && *q->category ? q->category : "killed";
    fl_buffer sub, place, src;
    fl_buffer_init(&sub);
    fl_buffer_init(&place);
    fl_buffer_init(&src);
    const char *source_key = NULL;
    if (q->source && fl_canon_key("SOURCE", q->source, strlen(q->source), &s->key) &&
        fl_pg_org_canonical(s, s->key.data, &src, 0))
        source_key = src.data;
    page pg;
    page_of(q, limit, &pg);
    const char *p[] = {category, filter_key("MISC", q->subject, &sub), filter_key("LOC", q->place, &place),
                       opt(q->from), opt(q->to), source_key, pg.limit, pg.offset,
                       fl_store_is_cumulative(category) ? "1" : "0"};
    static const fl_pg_derive sentence = {"sentence", "_text", "start", "end", FL_PG_DERIVE_SENTENCE, NULL};
    fl_result *r = fl_result_new();
    if (r && !fl_pg_section(s, r, "timeline",
                      "WITH page AS MATERIALIZED (SELECT f.id FROM figures f"
                      "   WHERE f.category = $1 AND ($2 IS NULL OR f.subject_key = $2) AND ($3 IS NULL OR f.place_key = $3)"
                      "   AND ($4 IS NULL OR f.date >= $4) AND ($5 IS NULL OR f.date <= $5) AND ($6 IS NULL OR f.source_key = $6)"
                      "   ORDER BY f.date, f.id LIMIT $7::bigint OFFSET $8::bigint)"
                      " SELECT f.date AS as_of, coalesce(f.source, '(the article)') AS source, f.value, f.low, f.high,"
                      " f.qualifier, f.subject, f.place, $9::int AS cumulative,"
                      /* SQLite's "e.source_key IS f.source_key" as two index lookups */
                      " CASE WHEN $9::int = 1 AND f.source_key IS NOT NULL THEN (SELECT " RUNNING_MAX("e.source_key = f.source_key") ")"
                      " WHEN $9::int = 1 THEN (SELECT " RUNNING_MAX("e.source_key IS NULL") ") END AS running_max,"
                      " a.id AS article, a.headline, f.text AS evidence, f.start, f.\"end\" AS \"end\","
                      " NULL::text AS sentence, a.text AS _text"
                      " FROM page p JOIN figures f ON f.id = p.id JOIN articles a ON a.id = f.article_id"
                      " ORDER BY f.date, f.id",
                      9, p, &sentence, 1))
        r = failed(r);
    fl_buffer_release(&sub);
    fl_buffer_release(&place);
    fl_buffer_release(&src);
    return r;
}

/* The stored categories that count a running total (fl_store_is_cumulative
 * decides), as a text array: a loose index scan over figures_category. */
static int cumulative_categories(fl_store *s, fl_buffer *out)
{
    PGresult *res = fl_pg_read(s, "WITH RECURSIVE c(category) AS (SELECT min(category) FROM figures"
                           " UNION ALL SELECT (SELECT min(f.category) FROM figures f WHERE f.category > c.category)"
                           " FROM c WHERE c.category IS NOT NULL) SELECT category FROM c WHERE category IS NOT NULL",
                        0, NULL);
    if (!res)
        return 0;
    fl_buffer_clear(out);
    fl_buffer_append_char(out, '{');
    int n = 0;
    for (int i = 0; i < PQntuples(res); i++) {
        const char *c = PQgetvalue(res, i, 0);
        if (!fl_store_is_cumulative(c))
            continue;
        fl_buffer_append_str(out, n++ ? ",\"" : "\"");
        for (; *c; c++) {
            if (*c == '"' || *c == '\\')
                fl_buffer_append_char(out, '\\');
            fl_buffer_append_char(out, *c);
        }
        fl_buffer_append_char(out, '"');
    }
    fl_buffer_append_char(out, '}');
    PQclear(res);
    return 1;
}

static fl_result *query_disagree(fl_store *s, const fl_query *q, unsigned limit)
{
    fl_buffer cats;
    fl_buffer_init(&cats);
    page pg;
    page_of(q, limit, &pg);
    const char *p[] = {opt(q->category), opt(q->from), opt(q->to), pg.limit, pg.offset, NULL};
    static const fl_pg_derive sentences[] = {{"sentence_a", "_text_a", "start_a", "end_a", FL_PG_DERIVE_SENTENCE, NULL},
                                       {"sentence_b", "_text_b", "start_b", "end_b", FL_PG_DERIVE_SENTENCE, NULL},
                                       {"sentence", "_text", "start", "end", FL_PG_DERIVE_SENTENCE, NULL}};
    fl_result *r = fl_result_new();
    int ok = r && fl_pg_section(s, r, "conflicting_figures",
                          /* Each figure in page order, then its partners: one range
                           * of figures_conflict(_date) (pg_store.c), whose keys are
                           * SQLite's "IS" on keys as equality (a key is never '';
                           * canon gives NULL instead). OFFSET 0 keeps the partners a
                           * lookup per figure, so the page stops the scan; joined
                           * as a whole, the planner sorted every figure of the
                           * category (2.8 s p95 on a million articles). */
                          "WITH pairs AS MATERIALIZED (SELECT f1.id AS a, p.b FROM figures f1 CROSS JOIN LATERAL"
                          "   (SELECT f2.id AS b FROM figures f2 WHERE f2.source_key IS NOT NULL AND f2.category = f1.category"
                          "   AND f2.date = f1.date AND coalesce(f2.subject_key, '') = coalesce(f1.subject_key, '')"
                          "   AND coalesce(f2.place_key, '') = coalesce(f1.place_key, '') AND f2.id > f1.id"
                          "   AND f1.source_key <> f2.source_key"
                          "   AND (" HIGH("f1") " < " LOW("f2") " OR " HIGH("f2") " < " LOW("f1") ") OFFSET 0) p"
                          "   WHERE f1.source_key IS NOT NULL"
                          "   AND ($1 IS NULL OR f1.category = $1) AND ($2 IS NULL OR f1.date >= $2) AND ($3 IS NULL OR f1.date <= $3)"
                          "   ORDER BY f1.date, f1.category, f1.id, p.b LIMIT $4::bigint OFFSET $5::bigint)"
                          " SELECT f1.date AS as_of, f1.category, f1.subject, f1.place,"
                          " f1.source AS source_a, f1.text AS figure_a, f1.qualifier AS qualifier_a, f1.value AS value_a,"
                          " f1.article_id AS article_a, NULL::text AS sentence_a, f1.start AS start_a, f1.\"end\" AS end_a,"
                          " f2.source AS source_b, f2.text AS figure_b, f2.qualifier AS qualifier_b, f2.value AS value_b,"
                          " f2.article_id AS article_b, NULL::text AS sentence_b, f2.start AS start_b, f2.\"end\" AS end_b,"
                          " a1.text AS _text_a, a2.text AS _text_b"
                          " FROM pairs p JOIN figures f1 ON f1.id = p.a JOIN figures f2 ON f2.id = p.b"
                          " JOIN articles a1 ON a1.id = f1.article_id JOIN articles a2 ON a2.id = f2.article_id"
                          " ORDER BY f1.date, f1.category, f1.id, f2.id",
                          5, p, sentences, 2);
    ok = ok && cumulative_categories(s, &cats);
    p[5] = cats.data;
    ok = ok && fl_pg_section(s, r, "decreasing_cumulative",
                       /* the running maximum from figures_cumulative alone
                        * (pg_store.c), in its order; the rest of each figure
                        * is read for the page only */
                       "WITH series AS (SELECT f.id, f.date, f.category, f.source_key, f.subject_key, f.place_key,"
                       "   " HIGH("f") " AS top, max(coalesce(f.low, f.value)) OVER (PARTITION BY f.category, f.source_key,"
                       "   f.subject_key, f.place_key ORDER BY f.date, f.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)"
                       "   AS before_max FROM figures f WHERE f.source_key IS NOT NULL"
                       "   AND f.category = ANY($6::text[]) AND ($1 IS NULL OR f.category = $1))"
                       " SELECT g.date AS as_of, g.category, g.subject, g.place, g.source, f.before_max AS earlier_max,"
                       " (SELECT e.date FROM figures e WHERE e.category = f.category AND e.source_key = f.source_key"
                       "   AND e.subject_key IS NOT DISTINCT FROM f.subject_key AND e.place_key IS NOT DISTINCT FROM f.place_key"
                       "   AND e.date <= f.date AND e.id <> f.id"
                       "   AND coalesce(e.low, e.value) = f.before_max ORDER BY e.date LIMIT 1) AS earlier_date,"
                       " g.qualifier, g.value AS later_value, g.article_id AS article, NULL::text AS sentence,"
                       " g.start, g.\"end\" AS \"end\", a.text AS _text FROM (SELECT * FROM series f"
                       "   WHERE f.top < f.before_max AND ($2 IS NULL OR f.date >= $2) AND ($3 IS NULL OR f.date <= $3)"
                       "   ORDER BY f.date, f.id LIMIT $4::bigint OFFSET $5::bigint) f JOIN figures g ON g.id = f.id"
                       " JOIN articles a ON a.id = g.article_id ORDER BY f.date, f.id",
                       6, p, sentences + 2, 1);
    fl_buffer_release(&cats);
    return ok ? r : failed(r);
}

static fl_result *query_article(fl_store *s, const fl_query *q, unsigned limit)
{
    if (!q->text) {
        fl_store_set_error(s, "which article? give its number, hash or id");
        s->query_status = FL_ERR_USAGE;
        return NULL;
    }
    /* SQLite compares CAST(id AS TEXT): a number written as SQLite writes it */
    size_t n = strlen(q->text);
    int number = n > 0 && n < 19 && strspn(q->text, "0123456789") == n && (q->text[0] != '0' || n == 1);
    const char *p[] = {q->text, number ? q->text : NULL};
    PGresult *res = fl_pg_read(s, "SELECT id FROM articles WHERE hash = $1 OR ext_id = $1 OR id = $2::bigint ORDER BY id LIMIT 1",
                        2, p);
    if (!res || PQntuples(res) == 0) {
        fl_store_set_error(s, "no article %.200s", q->text);
        s->query_status = res ? FL_ERR_NOT_FOUND : FL_ERR_IO;
        PQclear(res);
        return NULL;
    }
    char id[32], lim[16];
    snprintf(id, sizeof id, "%s", PQgetvalue(res, 0, 0));
    PQclear(res);
    snprintf(lim, sizeof lim, "%u", limit < 1000 ? 1000 : limit);
    const char *a[] = {id, lim};
    /* Ties in position in the order SQLite reads them (its index order). */
    static const struct {
        const char *name, *sql;
    } parts[] = {
        {"article", "SELECT id, hash, ext_id, date, headline, source, url, text FROM articles WHERE id = $1::bigint"},
        {"entities", "SELECT e.id AS entity, e.name, e.type, m.start, m.\"end\" AS \"end\" FROM mentions m JOIN entities e"
                     " ON e.id = m.entity_id WHERE m.article_id = $1::bigint ORDER BY m.start, m.entity_id LIMIT $2::bigint"},
        {"quotes", "SELECT q.kind, q.speaker, q.speaker_entity_id AS entity, q.cue, q.text, q.start, q.\"end\" AS \"end\","
                   " q.speaker_start, q.speaker_end FROM quotes q WHERE q.article_id = $1::bigint ORDER BY q.start, q.id"
                   " LIMIT $2::bigint"},
        {"attributions", "SELECT t.source, t.source_type, t.anonymous, t.cue, t.source_start, t.source_end,"
                         " t.cue_start, t.cue_end, t.content_start, t.content_end FROM attributions t"
                         " WHERE t.article_id = $1::bigint ORDER BY t.cue_start, t.id LIMIT $2::bigint"},
        {"figures", "SELECT f.text, f.value, f.low, f.high, f.qualifier, f.category, f.subject, f.source, f.date,"
                    " f.place, f.start, f.\"end\" AS \"end\" FROM figures f WHERE f.article_id = $1::bigint"
                    " ORDER BY f.start, f.id LIMIT $2::bigint"},
        {"times", "SELECT t.text, t.type, t.value, t.start, t.\"end\" AS \"end\" FROM times t"
                  " WHERE t.article_id = $1::bigint ORDER BY t.start, t.ctid LIMIT $2::bigint"},
    };
    fl_result *r = fl_result_new();
    int ok = r != NULL;
    for (size_t i = 0; ok && i < sizeof parts / sizeof parts[0]; i++)
        ok = fl_pg_section(s, r, parts[i].name, parts[i].sql, 2, a, NULL, 0);
    return ok ? r : failed(r);
}

fl_result *fl_pg_query(fl_store *s, const fl_query *q)
{
    unsigned limit = q->limit ? q->limit : 20;
    if (limit > 10000)
        limit = 10000;
    s->error[0] = '\0';
    s->query_status = FL_OK;
    fl_result *r = NULL;
    /* A server that restarted since the last question: connect again
     * (a long-running `factline serve` keeps its readers). */
    if (!fl_pg_reconnect(s)) {
        fl_store_set_error(s, "PostgreSQL: connection lost: %s", PQerrorMessage(s->pg->conn));
        s->query_status = FL_ERR_IO;
        return NULL;
    }
    switch (q->kind) {
    case FL_QUERY_SEARCH:
        r = fl_pg_search(s, q, limit);
        break;
    case FL_QUERY_ENTITY:
        r = query_entity(s, q, limit);
        break;
    case FL_QUERY_QUOTES:
        r = query_quotes(s, q, limit);
        break;
    case FL_QUERY_TIMELINE:
        r = query_timeline(s, q, limit);
        break;
    case FL_QUERY_DISAGREE:
        r = query_disagree(s, q, limit);
        break;
    case FL_QUERY_ARTICLE:
        r = query_article(s, q, limit);
        break;
    default: /* the page's questions (pg_lookup.c) */
        r = fl_pg_lookup(s, q, limit);
        break;
    }
    if (!r && s->query_status == FL_OK)
        s->query_status = FL_ERR_IO;
    return r;
}
