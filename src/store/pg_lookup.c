/*
 * pg_lookup.c — the page's small questions on PostgreSQL, as store_lookup.c
 * answers them on SQLite: how many rows a search pages through
 * (FL_QUERY_SEARCH_TOTAL, counted in pg_search.c beside the search), the
 * figure categories with their counts (FL_QUERY_CATEGORIES), and entity
 * names starting with what is typed, most mentioned first (FL_QUERY_NAMES).
 * Same columns, rows and order: tests/unit/test_store_parity.c compares
 * them. Not for: the CLI's questions (pg_query.c).
 */
#include <stdio.h>
#include <string.h>

#include "store/pg_internal.h"

/* As store_lookup.c: a shorter prefix matches too much to be worth
 * suggesting, and the names offered come from the first aliases read. */
#define NAMES_MIN_BYTES 2
#define NAMES_ALIAS_SCAN "2000"

static const char *opt(const char *v) { return v && *v ? v : NULL; }

static fl_result *one_section(fl_store *s, const char *name, const char *sql, int n, const char *const *p,
                              const fl_pg_derive *derives, size_t nderives)
{
    fl_result *r = fl_result_new();
    if (!r) {
        fl_store_set_error(s, "out of memory");
        s->query_status = FL_ERR_NOMEM;
        return NULL;
    }
    if (!fl_pg_section(s, r, name, sql, n, p, derives, nderives)) {
        fl_result_free(r);
        return NULL;
    }
    return r;
}

static fl_result *categories(fl_store *s, const fl_query *q, unsigned limit)
{
    char lim[16], off[16];
    snprintf(lim, sizeof lim, "%u", limit);
    snprintf(off, sizeof off, "%u", q->offset);
    const char *p[] = {opt(q->from), opt(q->to), lim, off};
    /* fl_cumulative(category) is computed in C, from the same table. */
    static const fl_pg_derive cumulative = {"cumulative", "category", NULL, NULL, FL_PG_DERIVE_CUMULATIVE, NULL};
    return one_section(s, "categories",
                       "SELECT f.category, count(*) AS figures, NULL::int AS cumulative, min(f.date) AS first,"
                       " max(f.date) AS last FROM figures f WHERE f.category IS NOT NULL"
                       " AND ($1::text IS NULL OR f.date >= $1) AND ($2::text IS NULL OR f.date <= $2)"
                       " GROUP BY f.category ORDER BY figures DESC, f.category LIMIT $3::bigint OFFSET $4::bigint",
                       4, p, &cumulative, 1);
}

static fl_result *names(fl_store *s, const fl_query *q, unsigned limit)
{
    const char *prefix = q->text ? q->text : "";
    while (*prefix == ' ')
        prefix++;
    size_t n = strlen(prefix);
    /* store_lookup.c refuses a prefix whose last byte cannot be raised (0xff,
     * never in UTF-8 text) with the same message. */
    if (n < NAMES_MIN_BYTES || (unsigned char)prefix[n - 1] == 0xff) {
        fl_store_set_error(s, "give at least %d letters of a name", NAMES_MIN_BYTES);
        s->query_status = FL_ERR_USAGE;
        return NULL;
    }
    /* SQLite reads the aliases in NOCASE order from the prefix on and keeps
     * those that LIKE (ASCII case-insensitive) finds start with it:
     * alias_fold (ASCII lower case, byte order) is that order, and a LIKE on
     * it with the prefix folded is that test. Ties in alias order come in
     * entity order, as in SQLite's index. */
    fl_buffer like;
    fl_buffer_init(&like);
    for (const char *c = prefix; *c; c++) {
        if (*c == '%' || *c == '_' || *c == '\\')
            fl_buffer_append_char(&like, '\\');
        fl_buffer_append_char(&like, *c >= 'A' && *c <= 'Z' ? (char)(*c - 'A' + 'a') : *c);
    }
    fl_buffer_append_char(&like, '%');
    fl_result *r = NULL;
    if (like.failed) {
        fl_store_set_error(s, "out of memory");
        s->query_status = FL_ERR_NOMEM;
    } else {
        char lim[16], off[16];
        snprintf(lim, sizeof lim, "%u", limit);
        snprintf(off, sizeof off, "%u", q->offset);
        const char *p[] = {like.data, lim, off};
        r = one_section(s, "names",
                        "WITH hits AS (SELECT DISTINCT x.entity_id AS id FROM (SELECT entity_id FROM entity_aliases"
                        "   WHERE alias_fold LIKE $1 ESCAPE '\\' ORDER BY alias_fold, entity_id LIMIT " NAMES_ALIAS_SCAN ") x)"
                        " SELECT e.name, e.type, (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions"
                        " FROM hits h JOIN entities e ON e.id = h.id"
                        " ORDER BY mentions DESC, length(e.name), e.name, e.id LIMIT $2::bigint OFFSET $3::bigint",
                        3, p, NULL, 0);
    }
    fl_buffer_release(&like);
    return r;
}

fl_result *fl_pg_lookup(fl_store *s, const fl_query *q, unsigned limit)
{
    switch (q->kind) {
    case FL_QUERY_SEARCH_TOTAL:
        return fl_pg_search_total(s, q);
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
