/*
 * store_lookup.c — the small questions the page asks besides the main ones:
 * how many rows a search pages through (FL_QUERY_SEARCH_TOTAL, counted in
 * store_search.c beside the search), the figure categories with their counts
 * for the timeline's picker (FL_QUERY_CATEGORIES), and entity names that
 * start with what is typed, most mentioned first (FL_QUERY_NAMES). Each is
 * one section of parameterised SQL. Not for: the questions of the CLI
 * (store_query.c).
 */
#include <string.h>

#include "store/lookup.h"

/* A prefix shorter than this matches too much to be worth suggesting. */
#define NAMES_MIN_BYTES 2

/* Aliases read per prefix: the names offered are the most mentioned among
 * the entities these aliases belong to. */
#define NAMES_ALIAS_SCAN "2000"

static int one_section(fl_store *s, fl_result *r, const char *name, sqlite3_stmt *st)
{
    int ok = fl_result_add_section(r, name, st, 0);
    if (!ok)
        fl_store_set_error(s, "out of memory");
    int code = sqlite3_errcode(s->db);
    if (code != SQLITE_OK && code != SQLITE_ROW && code != SQLITE_DONE) {
        fl_store_set_error(s, "%s", sqlite3_errmsg(s->db));
        ok = 0;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return ok;
}

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static fl_result *categories(fl_store *s, const fl_query *q, unsigned limit)
{
    /* The category index (category, date) answers this alone. */
    sqlite3_stmt *st = fl_store_prepare(
        s, "SELECT f.category, count(*) AS figures, fl_cumulative(f.category) AS cumulative, min(f.date) AS first,"
           " max(f.date) AS last FROM figures f WHERE f.category IS NOT NULL"
           " AND (?1 IS NULL OR f.date >= ?1) AND (?2 IS NULL OR f.date <= ?2)"
           " GROUP BY f.category ORDER BY figures DESC, f.category LIMIT ?3 OFFSET ?4");
    if (!st)
        return NULL;
    bind_text_or_null(st, 1, q->from);
    bind_text_or_null(st, 2, q->to);
    sqlite3_bind_int(st, 3, (int)limit);
    sqlite3_bind_int(st, 4, (int)q->offset);
    fl_result *r = fl_result_new();
    if (!r || !one_section(s, r, "categories", st)) {
        fl_result_free(r);
        return NULL;
    }
    return r;
}

/* The first string after every string that starts with `prefix` in the
 * NOCASE order of entity_aliases: the prefix folded to lower case with its
 * last byte raised by one. Returns 0 when there is none (a last byte 0xff
 * cannot occur in UTF-8 text, but an empty prefix can). */
static int prefix_end(const char *prefix, fl_buffer *out)
{
    size_t n = strlen(prefix);
    fl_buffer_clear(out);
    if (!n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = prefix[i];
        fl_buffer_append_char(out, c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c);
    }
    unsigned char last = (unsigned char)out->data[n - 1];
    if (last == 0xff || out->failed)
        return 0;
    out->data[n - 1] = (char)(last + 1);
    return 1;
}

static fl_result *names(fl_store *s, const fl_query *q, unsigned limit)
{
    const char *prefix = q->text ? q->text : "";
    while (*prefix == ' ')
        prefix++;
    if (strlen(prefix) < NAMES_MIN_BYTES) {
        fl_store_set_error(s, "give at least %d letters of a name", NAMES_MIN_BYTES);
        s->query_status = FL_ERR_USAGE;
        return NULL;
    }
    fl_buffer end, like;
    fl_buffer_init(&end);
    fl_buffer_init(&like);
    if (!prefix_end(prefix, &end)) {
        fl_buffer_release(&end);
        fl_store_set_error(s, "give at least %d letters of a name", NAMES_MIN_BYTES);
        s->query_status = FL_ERR_USAGE;
        return NULL;
    }
    /* The range finds the aliases in the NOCASE index; the LIKE (with %, _
     * and \ escaped) keeps exactly those that start with the prefix, since
     * the range's end can let a few others in. Mentions are counted on the
     * mentions table's own order (entity first): a count per entity, no
     * article is read. */
    for (const char *p = prefix; *p; p++) {
        if (*p == '%' || *p == '_' || *p == '\\')
            fl_buffer_append_char(&like, '\\');
        fl_buffer_append_char(&like, *p);
    }
    fl_buffer_append_char(&like, '%');
    sqlite3_stmt *st = fl_store_prepare(
        s, "WITH hits AS (SELECT DISTINCT x.entity_id AS id FROM (SELECT entity_id, alias FROM entity_aliases"
           "   WHERE alias >= ?1 AND alias < ?2 ORDER BY alias LIMIT " NAMES_ALIAS_SCAN ") x"
           "   WHERE x.alias LIKE ?3 ESCAPE '\\')"
           " SELECT e.name, e.type, (SELECT coalesce(sum(m.count), 0) FROM mentions m WHERE m.entity_id = e.id) AS mentions"
           " FROM hits h JOIN entities e ON e.id = h.id ORDER BY mentions DESC, length(e.name), e.name, e.id LIMIT ?4 OFFSET ?5");
    fl_result *r = NULL;
    if (st && !end.failed && !like.failed) {
        sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, end.data, (int)end.len, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, like.data, (int)like.len, SQLITE_STATIC);
        sqlite3_bind_int(st, 4, (int)limit);
        sqlite3_bind_int(st, 5, (int)q->offset);
        r = fl_result_new();
        if (!r || !one_section(s, r, "names", st)) {
            fl_result_free(r);
            r = NULL;
        }
    } else if (st) {
        fl_store_set_error(s, "out of memory");
    }
    fl_buffer_release(&end);
    fl_buffer_release(&like);
    return r;
}

fl_result *fl_store_lookup(fl_store *s, const fl_query *q, unsigned limit)
{
    switch (q->kind) {
    case FL_QUERY_SEARCH_TOTAL:
        return fl_store_search_total(s, q);
    case FL_QUERY_CATEGORIES:
        return categories(s, q, limit);
    case FL_QUERY_NAMES:
        return names(s, q, limit);
    default:
        break;
    }
    fl_store_set_error(s, "unknown question");
    s->query_status = FL_ERR_USAGE;
    return NULL;
}
