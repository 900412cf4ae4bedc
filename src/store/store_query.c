/*
 * store_query.c — the questions users ask of the store: search, entity,
 * quotes, timeline, disagree, article. Each is parameterised SQL (no user
 * text is ever pasted into SQL) whose rows become an fl_result section.
 * Not for: search's SQL (store_search.c) or writing (store_add.c).
 */
#include <stdlib.h>
#include <string.h>

#include "store/canon.h"
#include "store/lookup.h"
#include "store/pg_internal.h"
#include "store/pack.h"
#include "store/store_internal.h"

/* Categories whose series count a running total and so must not go down. */
static const char *const cumulative_categories[] = {"arrested", "injured", "killed", "released"};


/* How many of an entity's newest articles its co-occurring entities are counted over. */
#define CO_OCCURRING_WINDOW "1000"

void fl_store_bind_opt(sqlite3_stmt *st, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* Entity ids for a name: by alias or by canonical key, of any type; the
 * best-known first. Fills a temporary table the queries join against. */
int fl_store_find_entities(fl_store *s, const char *name)
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

int fl_store_section(fl_store *s, fl_result *r, const char *name, sqlite3_stmt *st, unsigned limit)
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
    if (!fl_store_find_entities(s, q->text))
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
        fl_store_bind_opt(st, 2, q->from);
        fl_store_bind_opt(st, 3, q->to);
        sqlite3_bind_int(st, 4, (int)limit);
        sqlite3_bind_int(st, 5, (int)q->offset);
        if (only)
            sqlite3_bind_int64(st, 9, only);
        if (!fl_store_section(s, r, parts[i].name, st, 0)) {
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
    if (!fl_store_find_entities(s, who ? who : ""))
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
    fl_store_bind_opt(st, 2, q->from);
    fl_store_bind_opt(st, 3, q->to);
    sqlite3_bind_int(st, 4, (int)limit);
    sqlite3_bind_int(st, 5, (int)q->offset);
    fl_store_bind_opt(st, 6, key);
    if (only)
        sqlite3_bind_int64(st, 7, only);
    if (!fl_store_section(s, r, "quotes", st, 0)) {
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
    fl_store_bind_opt(st, 2, q->subject);
    fl_store_bind_opt(st, 3, q->place);
    fl_store_bind_opt(st, 4, q->from);
    fl_store_bind_opt(st, 5, q->to);
    fl_store_bind_opt(st, 6, source_key);
    sqlite3_bind_int(st, 7, (int)limit);
    sqlite3_bind_int(st, 8, (int)q->offset);
    sqlite3_bind_int(st, 9, fl_store_is_cumulative(category));
    int ok = fl_store_section(s, r, "timeline", st, 0);
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
    fl_store_bind_opt(st, 1, q->category);
    fl_store_bind_opt(st, 2, q->from);
    fl_store_bind_opt(st, 3, q->to);
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
    if (!fl_store_section(s, r, "conflicting_figures", st, 0)) {
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
    if (!fl_store_section(s, r, "decreasing_cumulative", st, 0)) {
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
        const unsigned char *end = p ? p + sqlite3_column_bytes(rows, 1) : NULL;
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
        if (!fl_store_section(s, r, parts[i].name, st, 0)) {
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
        return fl_store_query_search(s, q, limit);
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
    /* One snapshot for the whole question: a search reads the articles its
     * filters pass, then each section, then remembers its totals under the
     * data_version it read; another connection's commit between those
     * statements would drop new matches or leave stale totals remembered.
     * (Inside the caller's own transaction, that one is the snapshot.) */
    int own = sqlite3_get_autocommit(s->db) && sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
    fl_result *r = answer(s, q, limit);
    if (own && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL); /* a read: nothing to lose */
    if (!r && s->query_status == FL_OK)
        s->query_status = FL_ERR_IO;
    return r;
}

fl_status fl_store_query_status(const fl_store *s) { return s->query_status; }
