/*
 * search_window.c — where a filtered search's matches can be, and reading
 * a section's window of matches from there.
 *
 * A search reads its matches newest first (the full-text index is in
 * article order) until its window is full. Without filters that is the
 * window and little more; with a filter, every match is checked, and when
 * the articles the filter passes are old (a month years back, an entity
 * named only in old articles) the read goes through every newer match
 * first: on 1,022,042 articles, "said" in the oldest month read about a
 * million matches and looked each one's article up. So a date or entity
 * filter is first turned into the articles it passes (from the articles'
 * date index, or the mentions key (entity, date, article), at most
 * a bounded number of them), and those into a few rowid ranges of the
 * full-text index, newest first: the search reads only the matches inside
 * them. The filters are still applied to every row read, or, when the
 * article list is exact and no other filter is asked, the list itself is
 * the filter (fl_search_member(): a binary search instead of an article
 * lookup), so the answers are the same rows in the same order; only fewer
 * non-passing matches are read. A date range with too many articles to
 * list is read through date blocks (search_dates.c); an entity with too
 * many, by looking each match's article up in its packed entity list.
 * A source filter lists its articles (within the dates) from the partial
 * index articles_source (source, date) when no entity was listed and the
 * newest articles do not pass it often; a source with more articles than
 * that is checked per match, as before.
 *
 * Memory: 8 bytes per article listed (at most 262,144), and a sorting
 * bitmap of at most 128 bytes per article listed, while the
 * search runs, 16 per range. Not for: the ranking (search_rank.c) or the
 * SQL of the search (store_search.c).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/lookup.h"
#include "util/grow.h"

/* Articles an entity (with its dates) may pass for them to be listed
 * (about 500 instructions each from the mentions key: 85,162 for "Gaza" on
 * 1,022,042 articles); beyond this each match's mention is looked up
 * instead. These limits are settable for tests only (fl_search_set_limits),
 * before any search runs. */
#define ENTITY_MOST 262144
static int entity_most = ENTITY_MOST;

/* Articles a date range may pass for them to be listed; a wider range
 * reads the date blocks of search_dates.c. */
#define DATE_MOST 65536
static int date_most = DATE_MOST;

/* Articles a source (with its dates) may pass for them to be listed: the
 * index gives about 500 instructions an id, so a source too frequent for
 * the list costs at most about 33 M instructions before reading otherwise
 * (and one in PROBE_PASS of the newest articles passing it skips the list). */
#define SOURCE_MOST 65536
static int source_most = SOURCE_MOST;

/* A gap of at most this many article numbers between two passing articles
 * is read through rather than split, and at most this many ranges are read
 * (the largest gaps split): running the search again for a range cost
 * about 2 million instructions on 1,022,042 articles (FTS5 seeks each term
 * in each segment and sets up reading it backwards), as much as reading a
 * few thousand matches. "oil prices" with the entity "Israel" (84,770
 * articles over the whole database) took 873 M instructions with up to
 * 128 ranges split at gaps over 512, 327 M with these; "said" in the
 * oldest month is one range either way. */
#define SCOPE_GAP 4096
#define SCOPE_MAX_RANGES 8
static sqlite3_int64 scope_gap = SCOPE_GAP;
static size_t scope_max_ranges = SCOPE_MAX_RANGES;

void fl_search_set_limits(int entity, int date, int gap, int ranges)
{
    entity_most = entity < 0 ? ENTITY_MOST : entity;
    date_most = date < 0 ? DATE_MOST : date;
    scope_gap = gap < 0 ? SCOPE_GAP : gap;
    scope_max_ranges = ranges < 1 ? SCOPE_MAX_RANGES : (size_t)ranges;
}

void fl_search_set_source_limit(int most) { source_most = most < 0 ? SOURCE_MOST : most; }

/* The newest articles whose dates are looked at, and the share of them
 * (one in PROBE_PASS) that makes reading newest first good enough. */
#define PROBE_ARTICLES 1024
#define PROBE_PASS 4

/* Article numbers a quote scope's ranges may span in all. */
#define QUOTE_SPAN_MAX 65536

/* Dates compare as text; no bound is '' below and a BLOB above (every TEXT
 * sorts before every BLOB), so one statement serves every filter and still
 * reads its index as a range. The ids are gathered by fl_search_collect()
 * inside the statement: a row handed back by sqlite3_step() cost 750
 * instructions, three times the function call. */
static const char date_ids_sql[] = "SELECT count(fl_search_collect(?4, id)) FROM (SELECT id FROM articles"
                                   " WHERE date >= coalesce(?1, '') AND date <= coalesce(?2, x'ff') LIMIT ?3)";
/* mentions.date is its article's date (store_add.c writes it from the
 * article), so the key (entity, date, article) gives the articles that
 * mention an entity within dates without reading them. Schema 5 stores it
 * as a day number (pack.h), so the bounds become day numbers that pass the
 * same dates (fl_day_from/fl_day_to); without a bound, -1 is below every
 * day number and every text. */
static const char entity_ids_sql[] = "SELECT count(fl_search_collect(?4, article_id)) FROM (SELECT article_id"
                                     " FROM mentions WHERE entity_id IN temp.wanted"
                                     " AND date >= coalesce(fl_day_from(?1), -1) AND date <= coalesce(fl_day_to(?2), x'ff')"
                                     " LIMIT ?3)";
/* A source's articles within the dates, from articles_source (a partial
 * index: `source = ?5` implies the source is not NULL). */
static const char source_ids_sql[] = "SELECT count(fl_search_collect(?4, id)) FROM (SELECT id FROM articles"
                                     " WHERE source = ?5 AND date >= coalesce(?1, '') AND date <= coalesce(?2, x'ff')"
                                     " LIMIT ?3)";
/* ?5 NULL: the dates only (the quotes' probe: quotes have no source). */
static const char newest_sql[] = "SELECT count(*) FROM (SELECT date, source FROM articles ORDER BY id DESC LIMIT ?3)"
                                 " WHERE date >= coalesce(?1, '') AND date <= coalesce(?2, x'ff')"
                                 " AND (?5 IS NULL OR source = ?5)";
static const char quote_range_sql[] = "SELECT min(id), max(id) FROM quotes WHERE article_id BETWEEN ?1 AND ?2";

void fl_search_scope_release(fl_search_scope *sc)
{
    free(sc->ids);
    free(sc->ranges);
    memset(sc, 0, sizeof *sc);
}

static int cmp_id(const void *a, const void *b)
{
    sqlite3_int64 x = *(const sqlite3_int64 *)a, y = *(const sqlite3_int64 *)b;
    return x < y ? -1 : x > y;
}

typedef struct gap {
    size_t at; /* between ranges[at] and ranges[at + 1] */
    sqlite3_int64 size;
} gap;

static int by_size_desc(const void *a, const void *b)
{
    const gap *x = a, *y = b;
    return x->size > y->size ? -1 : x->size < y->size ? 1 : (x->at > y->at) - (x->at < y->at);
}

static int by_position(const void *a, const void *b)
{
    const gap *x = a, *y = b;
    return (x->at > y->at) - (x->at < y->at);
}

/* Joins the scope's ranges (newest first, apart) across every gap of at
 * most scope_gap, and across the smallest others until at most
 * scope_max_ranges are left. 0 when out of memory. */
static int join_ranges(fl_search_scope *sc)
{
    size_t n = sc->nranges, kept = 0;
    if (n < 2)
        return 1;
    gap *gaps = malloc((n - 1) * sizeof *gaps);
    if (!gaps)
        return 0;
    for (size_t i = 0; i + 1 < n; i++) {
        sqlite3_int64 size = sc->ranges[i][0] - sc->ranges[i + 1][1];
        if (size > scope_gap)
            gaps[kept++] = (gap){i, size};
    }
    if (kept > scope_max_ranges - 1) {
        qsort(gaps, kept, sizeof *gaps, by_size_desc);
        kept = scope_max_ranges - 1;
    }
    qsort(gaps, kept, sizeof *gaps, by_position);
    size_t first = 0, out = 0;
    for (size_t g = 0; g <= kept; g++) {
        size_t last = g < kept ? gaps[g].at : n - 1;
        sc->ranges[out][1] = sc->ranges[first][1];
        sc->ranges[out][0] = sc->ranges[last][0];
        out++;
        first = last + 1;
    }
    sc->nranges = out;
    free(gaps);
    return 1;
}

/* One range per id (sorted, distinct), newest first, then joined. */
static int make_ranges(fl_search_scope *sc)
{
    sc->ranges = malloc(sc->nids * sizeof *sc->ranges);
    if (!sc->ranges)
        return 0;
    for (size_t i = 0; i < sc->nids; i++)
        sc->ranges[i][0] = sc->ranges[i][1] = sc->ids[sc->nids - 1 - i];
    sc->nranges = sc->nids;
    return join_ranges(sc);
}

/* Sorts the ids and drops repeats (an article mentioning two of the wanted
 * entities comes twice). The index gives them in date order: when they
 * span few enough numbers, a bitmap over the span sorts them in one pass
 * (qsort took a fifth of listing 60,000). 0 when out of memory. */
static int sort_ids(fl_search_scope *sc)
{
    if (sc->nids < 2)
        return 1;
    sqlite3_int64 lo = sc->ids[0], hi = sc->ids[0];
    for (size_t i = 1; i < sc->nids; i++) {
        lo = sc->ids[i] < lo ? sc->ids[i] : lo;
        hi = sc->ids[i] > hi ? sc->ids[i] : hi;
    }
    /* hi - lo as unsigned cannot overflow; + 1 can (ids at both ends of the
     * 64-bit range, from a hostile database), so that span takes qsort. */
    sqlite3_uint64 width = (sqlite3_uint64)hi - (sqlite3_uint64)lo;
    sqlite3_uint64 span = width + 1;
    size_t n = 0;
    if (width != UINT64_MAX && span / 64 <= 16 * (sqlite3_uint64)sc->nids) {
        size_t words = (size_t)(span / 64) + 1;
        uint64_t *bits = calloc(words, sizeof *bits);
        if (!bits)
            return 0;
        for (size_t i = 0; i < sc->nids; i++) {
            sqlite3_uint64 k = (sqlite3_uint64)sc->ids[i] - (sqlite3_uint64)lo;
            bits[k / 64] |= (uint64_t)1 << (k % 64);
        }
        for (size_t w = 0; w < words; w++)
            for (uint64_t b = bits[w]; b; b &= b - 1)
                sc->ids[n++] = (sqlite3_int64)((sqlite3_uint64)lo + w * 64 + (sqlite3_uint64)__builtin_ctzll(b));
        free(bits);
    } else {
        qsort(sc->ids, sc->nids, sizeof *sc->ids, cmp_id);
        for (size_t i = 0; i < sc->nids; i++)
            if (!n || sc->ids[n - 1] != sc->ids[i])
                sc->ids[n++] = sc->ids[i];
    }
    sc->nids = n;
    return 1;
}

/* The ids a listing statement gathers (fl_search_collect). */
typedef struct id_list {
    sqlite3_int64 *ids;
    size_t count, cap;
} id_list;

/* fl_search_collect(list, id): appends id to the list bound as a pointer; 1. */
static void collect_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    id_list *l = sqlite3_value_pointer(argv[0], "fl_search_ids");
    if (!l) {
        sqlite3_result_error(ctx, "fl_search_collect: no list", -1);
        return;
    }
    if (!fl_grow(&l->ids, &l->cap, l->count + 1, sizeof *l->ids, 1024)) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    l->ids[l->count++] = sqlite3_value_int64(argv[1]);
    sqlite3_result_int(ctx, 1);
}

int fl_search_window_register(sqlite3 *db)
{
    return sqlite3_create_function_v2(db, "fl_search_collect", 2, SQLITE_UTF8, NULL, collect_function, NULL, NULL,
                                      NULL);
}

/* Runs `st` (bound but for ?3 and ?4), gathering up to `most` ids; sets
 * sc->bounded and sc->exact when they all fit. */
static int read_ids(fl_store *s, sqlite3_stmt *st, int most, fl_search_scope *sc)
{
    id_list list = {NULL, 0, 0};
    sqlite3_bind_int(st, 3, most + 1);
    sqlite3_bind_pointer(st, 4, &list, "fl_search_ids", NULL);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW)
        fl_store_set_error(s, "%s", sqlite3_errmsg(s->db));
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_ROW) {
        free(list.ids);
        return 0;
    }
    if (list.count > (size_t)most) {
        /* Too many to list: the caller reads otherwise. */
        free(list.ids);
        return 1;
    }
    sc->ids = list.ids;
    sc->nids = list.count;
    sc->bounded = sc->exact = 1;
    if (!sort_ids(sc)) {
        fl_store_set_error(s, "out of memory");
        return 0;
    }
    return !sc->nids || make_ranges(sc) || (fl_store_set_error(s, "out of memory"), 0);
}

static int list_ids(fl_store *s, const fl_query *q, const char *sql, int most, fl_search_scope *sc)
{
    sqlite3_stmt *st = fl_search_prepare(s, sql);
    if (!st)
        return 0;
    if (q->from && *q->from)
        sqlite3_bind_text(st, 1, q->from, -1, SQLITE_TRANSIENT);
    if (q->to && *q->to)
        sqlite3_bind_text(st, 2, q->to, -1, SQLITE_TRANSIENT);
    if (sqlite3_bind_parameter_count(st) >= 5)
        sqlite3_bind_text(st, 5, q->source, -1, SQLITE_TRANSIENT);
    return read_ids(s, st, most, sc);
}

/* The stretches of article or quote numbers (FL_DATES_...) whose dates can
 * meet the range, from the connection's date blocks (built now if `build`;
 * else the scope stays unbounded when they are not built yet). Only a
 * read-only connection keeps them: a writer's own rows may be rolled back
 * and their numbers given again. */
static int date_block_ranges(fl_store *s, const fl_query *q, int table, int build, fl_search_scope *sc)
{
    if (!(s->flags & FL_STORE_READONLY))
        return 1;
    int error = 0;
    fl_date_blocks *d = fl_search_date_blocks(s, table, build, &error);
    if (!d)
        return !error;
    size_t n = fl_date_blocks_ranges(d, q->from && *q->from ? q->from : NULL, q->to && *q->to ? q->to : NULL,
                                     &sc->ranges);
    if (n == (size_t)-1) {
        fl_store_set_error(s, "out of memory");
        return 0;
    }
    sc->nranges = n;
    sc->bounded = 1;
    sc->exact = 0;
    return join_ranges(sc) || (fl_store_set_error(s, "out of memory"), 0);
}

static sqlite3_int64 span_of(const fl_search_scope *sc)
{
    sqlite3_int64 span = 0;
    for (size_t i = 0; i < sc->nranges; i++)
        span += sc->ranges[i][1] - sc->ranges[i][0] + 1;
    return span;
}

/* Whether at least one in PROBE_PASS of the newest PROBE_ARTICLES articles
 * is within the dates: then matches read newest first pass often enough
 * that working out where the others are would cost more than it saves
 * (listing, or building the date blocks once per connection: about 0.5 s
 * on 1,022,042 articles); with `source`, within the dates and from the
 * query's source. *ok is 0 on error. */
static int newest_pass(fl_store *s, const fl_query *q, int source, int *ok)
{
    sqlite3_stmt *st = fl_store_prepare(s, newest_sql);
    if (!st) {
        *ok = 0;
        return 0;
    }
    if (q->from && *q->from)
        sqlite3_bind_text(st, 1, q->from, -1, SQLITE_TRANSIENT);
    if (q->to && *q->to)
        sqlite3_bind_text(st, 2, q->to, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, PROBE_ARTICLES);
    if (source)
        sqlite3_bind_text(st, 5, q->source, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    long long passed = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    if (rc != SQLITE_ROW) {
        fl_store_set_error(s, "%s", sqlite3_errmsg(s->db));
        *ok = 0;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return *ok && passed * PROBE_PASS >= PROBE_ARTICLES;
}

int fl_search_scope_articles(fl_store *s, const fl_query *q, int by_entity, fl_search_scope *sc)
{
    memset(sc, 0, sizeof *sc);
    int dated = (q->from && *q->from) || (q->to && *q->to), by_source = q->source && *q->source;
    int ok = 1;
    if (by_entity)
        ok = list_ids(s, q, entity_ids_sql, entity_most, sc);
    int entity_listed = sc->bounded, source_listed = 0;
    if (ok && by_source && !sc->bounded) {
        if (newest_pass(s, q, 1, &ok))
            return 1; /* the newest articles pass the source and dates often: read newest first */
        ok = ok && list_ids(s, q, source_ids_sql, source_most, sc);
        source_listed = sc->bounded;
    }
    if (ok && dated && !sc->bounded && newest_pass(s, q, 0, &ok))
        return 1; /* read newest first, as without a scope */
    if (ok && dated && !sc->bounded) {
        /* Blocks built already say whether the dates are few enough to
         * list (their stretches hold at most that many articles); else
         * listing finds out, and too many build the blocks. */
        ok = date_block_ranges(s, q, FL_DATES_ARTICLES, 0, sc);
        if (ok && (!sc->bounded || span_of(sc) <= date_most)) {
            fl_search_scope_release(sc);
            ok = list_ids(s, q, date_ids_sql, date_most, sc);
            if (ok && !sc->bounded)
                ok = date_block_ranges(s, q, FL_DATES_ARTICLES, 1, sc);
        }
    }
    /* Exact only when the list is every filter: the entity's list leaves
     * a source to check, the source's an entity, the dates' both. */
    if (!ok)
        fl_search_scope_release(sc);
    else if ((by_entity && !entity_listed) || (by_source && !source_listed))
        sc->exact = 0;
    return ok;
}

int fl_search_scope_quotes(fl_store *s, const fl_query *q, const fl_search_scope *dates, fl_search_scope *sc)
{
    fl_search_scope own, *articles = &own;
    memset(&own, 0, sizeof own);
    memset(sc, 0, sizeof *sc);
    int ok = 1;
    if (dates && !dates->bounded)
        return 1; /* the newest articles pass: read newest first */
    if (dates && !dates->exact)
        return date_block_ranges(s, q, FL_DATES_QUOTES, 1, sc); /* the dates were too many to list */
    if (dates)
        articles = (fl_search_scope *)dates;
    else if (newest_pass(s, q, 0, &ok) || !ok || !list_ids(s, q, date_ids_sql, date_most, &own))
        return ok;
    /* The quotes of a few articles are found by reading those articles'
     * quote numbers; of more (ranges wider than QUOTE_SPAN_MAX articles in
     * all), through the quotes' own date blocks. */
    if (!articles->bounded || span_of(articles) > QUOTE_SPAN_MAX) {
        fl_search_scope_release(&own);
        return date_block_ranges(s, q, FL_DATES_QUOTES, 1, sc);
    }
    sc->bounded = 1;
    if (articles->nranges) {
        sc->ranges = malloc(articles->nranges * sizeof *sc->ranges);
        sqlite3_stmt *st = sc->ranges ? fl_store_prepare(s, quote_range_sql) : NULL;
        if (!st) {
            if (!sc->ranges)
                fl_store_set_error(s, "out of memory");
            fl_search_scope_release(&own);
            fl_search_scope_release(sc);
            return 0;
        }
        /* Article ranges newest first give quote ranges newest first: a
         * quote is numbered when its article is added. */
        for (size_t i = 0; i < articles->nranges; i++) {
            sqlite3_bind_int64(st, 1, articles->ranges[i][0]);
            sqlite3_bind_int64(st, 2, articles->ranges[i][1]);
            int rc = sqlite3_step(st);
            if (rc != SQLITE_ROW) {
                fl_store_set_error(s, "%s", sqlite3_errmsg(s->db));
                sqlite3_reset(st);
                fl_search_scope_release(&own);
                fl_search_scope_release(sc);
                return 0;
            }
            if (sqlite3_column_type(st, 0) != SQLITE_NULL) {
                sc->ranges[sc->nranges][0] = sqlite3_column_int64(st, 0);
                sc->ranges[sc->nranges][1] = sqlite3_column_int64(st, 1);
                sc->nranges++;
            }
            sqlite3_reset(st);
        }
        sqlite3_clear_bindings(st);
        /* Newest first and apart, or one range over them all: a quote read
         * twice would be counted twice. */
        for (size_t i = 0; i + 1 < sc->nranges; i++) {
            if (sc->ranges[i + 1][1] >= sc->ranges[i][0]) {
                sqlite3_int64 lo = sc->ranges[0][0], hi = sc->ranges[0][1];
                for (size_t k = 1; k < sc->nranges; k++) {
                    lo = sc->ranges[k][0] < lo ? sc->ranges[k][0] : lo;
                    hi = sc->ranges[k][1] > hi ? sc->ranges[k][1] : hi;
                }
                sc->ranges[0][0] = lo;
                sc->ranges[0][1] = hi;
                sc->nranges = 1;
                break;
            }
        }
    }
    fl_search_scope_release(&own);
    return 1;
}

void fl_search_scope_one_range(fl_search_scope *sc)
{
    if (sc->nranges < 2)
        return;
    sc->ranges[0][0] = sc->ranges[sc->nranges - 1][0];
    sc->nranges = 1;
}

int fl_search_scope_has(const fl_search_scope *sc, sqlite3_int64 id)
{
    size_t lo = 0, hi = sc->nids;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sc->ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < sc->nids && sc->ids[lo] == id;
}

/* ---- reading a window through the ranges ----------------------------------- */

int fl_search_read(fl_store *s, sqlite3_stmt *st, const fl_search_scope *sc, unsigned window, fl_search_row row,
                   void *arg, fl_search_total *total)
{
    static const sqlite3_int64 everything[1][2] = {{INT64_MIN, INT64_MAX}};
    const sqlite3_int64(*ranges)[2] = sc->bounded ? (const sqlite3_int64(*)[2])sc->ranges : everything;
    size_t nranges = sc->bounded ? sc->nranges : 1;
    size_t n = 0;
    int rc = SQLITE_DONE;
    total->rows = 0;
    total->capped = 0;
    for (size_t r = 0; r < nranges && !total->capped; r++) {
        sqlite3_bind_int64(st, FL_SEARCH_PARAM_LIMIT, (sqlite3_int64)(window - n) + 1);
        sqlite3_bind_int64(st, FL_SEARCH_PARAM_LOW, ranges[r][0]);
        sqlite3_bind_int64(st, FL_SEARCH_PARAM_HIGH, ranges[r][1]);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (n == window) {
                total->capped = 1;
                break;
            }
            if (!row(arg, st)) {
                sqlite3_reset(st);
                fl_store_set_error(s, "out of memory");
                return 0;
            }
            n++;
        }
        sqlite3_reset(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            fl_store_set_error(s, "%s", sqlite3_errmsg(s->db));
            return 0;
        }
    }
    total->rows = n;
    return 1;
}
