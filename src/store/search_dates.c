/*
 * search_dates.c — which stretches of article (and quote) numbers hold which
 * dates, so that a search filtered by a wide date range reads only the
 * stretches that can hold its articles and quotes.
 *
 * A narrow range is listed article by article from the date index
 * (search_window.c); a wide one ("--to 2022-12-31" over years of news)
 * holds too many for that, and read newest first it used to check every
 * newer match's date before reaching its own. The design: article numbers
 * in blocks of 2^BLOCK_BITS, and per block the earliest and latest date of
 * its articles (as text, compared as SQLite compares TEXT). A date range
 * can only have articles in the blocks whose [earliest, latest] meets it;
 * news is mostly added in date order, so those blocks are few stretches.
 * Built once per connection from a covering index (one read of every
 * (date, id) pair), when a wide range is first asked;
 * articles added since (only ever with larger numbers) are read from the
 * table by number when data_version says another connection committed.
 * Only read-only connections keep blocks: a writer's own rows could be
 * rolled back and their numbers given again. Building reads every pair
 * through SQLite (about 900 instructions each: 230-550 ms for the
 * 1,022,042 articles and 1.4 million quotes of the benchmark database).
 * Memory: two date strings per block (about 40 bytes per 1,024 articles).
 * Not for: narrow ranges, which the index lists exactly.
 */
#include <stdlib.h>
#include <string.h>

#include "store/lookup.h"
#include "util/grow.h"

#define BLOCK_BITS 10

struct fl_date_blocks {
    char **earliest, **latest; /* per block; NULL when it has no article */
    size_t cap;                /* blocks allocated */
    sqlite3_int64 upto;        /* the largest article number read */
    sqlite3_int64 version;     /* data_version when last brought up to date */
    int built;
};

void fl_date_blocks_free(fl_date_blocks *d)
{
    if (!d)
        return;
    for (size_t b = 0; b < d->cap; b++) {
        free(d->earliest[b]);
        free(d->latest[b]);
    }
    free(d->earliest);
    free(d->latest);
    free(d);
}

static void forget(fl_date_blocks *d)
{
    for (size_t b = 0; b < d->cap; b++) {
        free(d->earliest[b]);
        free(d->latest[b]);
        d->earliest[b] = d->latest[b] = NULL;
    }
    d->upto = 0;
    d->built = 0;
}

/* SQLite's BINARY order of two TEXT values. */
static int text_cmp(const char *a, size_t na, const char *b, size_t nb)
{
    int c = memcmp(a, b, na < nb ? na : nb);
    return c ? c : (na > nb) - (na < nb);
}

static int set_text(char **slot, const unsigned char *text, int n)
{
    char *copy = realloc(*slot, (size_t)n + 1);
    if (!copy)
        return 0;
    memcpy(copy, text, (size_t)n);
    copy[n] = '\0';
    *slot = copy;
    return 1;
}

/* Widens block(id)'s dates to hold `date`. 0 when out of memory. */
static int note(fl_date_blocks *d, sqlite3_int64 id, const unsigned char *date, int n)
{
    if (id < 0 || !date)
        return 1; /* never written so: a NULL date cannot pass a date filter */
    size_t b = (size_t)((sqlite3_uint64)id >> BLOCK_BITS);
    if (b >= d->cap) {
        size_t cap = d->cap, cap2 = d->cap;
        if (!fl_grow(&d->earliest, &cap, b + 1, sizeof *d->earliest, 1024) ||
            !fl_grow(&d->latest, &cap2, b + 1, sizeof *d->latest, 1024))
            return 0;
        /* Both grew to the same size: fl_grow doubles from the same start. */
        for (size_t i = d->cap; i < cap; i++)
            d->earliest[i] = d->latest[i] = NULL;
        d->cap = cap;
    }
    if (!d->earliest[b] || text_cmp((const char *)date, (size_t)n, d->earliest[b], strlen(d->earliest[b])) < 0)
        if (!set_text(&d->earliest[b], date, n))
            return 0;
    if (!d->latest[b] || text_cmp((const char *)date, (size_t)n, d->latest[b], strlen(d->latest[b])) > 0)
        if (!set_text(&d->latest[b], date, n))
            return 0;
    if (id > d->upto)
        d->upto = id;
    return 1;
}

/* Per table (FL_DATES_ARTICLES, FL_DATES_QUOTES): all its (id, date)
 * pairs (SQLite reads a covering index: articles_date, quotes_speaker_date),
 * and those from a number on (the table by rowid). */
static const char *const all_sql[] = {"SELECT count(fl_date_blocks_note(?2, id, date)) FROM articles WHERE ?1 > 0",
                                      "SELECT count(fl_date_blocks_note(?2, id, date)) FROM quotes WHERE ?1 > 0"};
static const char *const newer_sql[] = {
    "SELECT count(fl_date_blocks_note(?2, id, date)) FROM articles WHERE id >= ?1",
    "SELECT count(fl_date_blocks_note(?2, id, date)) FROM quotes WHERE id >= ?1"};

/* fl_date_blocks_note(blocks, id, date): widens the block of id to hold
 * date, inside the statement (a row handed back to C cost three times
 * more); 1. */
static void note_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    fl_date_blocks *d = sqlite3_value_pointer(argv[0], "fl_date_blocks");
    if (!d) {
        sqlite3_result_error(ctx, "fl_date_blocks_note: no blocks", -1);
        return;
    }
    if (!note(d, sqlite3_value_int64(argv[1]), sqlite3_value_text(argv[2]), sqlite3_value_bytes(argv[2]))) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_int(ctx, 1);
}

int fl_date_blocks_register(sqlite3 *db)
{
    return sqlite3_create_function_v2(db, "fl_date_blocks_note", 3, SQLITE_UTF8, NULL, note_function, NULL, NULL,
                                      NULL);
}

/* Runs `sql`, bound to ?1 = the first id wanted, noting every (id, date). */
static int read_rows(fl_store *s, fl_date_blocks *d, const char *sql)
{
    /* Prepared here, not from the statement cache: read once per connection. */
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, d->upto + 1);
        sqlite3_bind_pointer(st, 2, d, "fl_date_blocks", NULL);
        rc = sqlite3_step(st);
    }
    if (rc != SQLITE_ROW)
        fl_store_set_error(s, "%s", sqlite3_errmsg(s->db));
    sqlite3_finalize(st);
    return rc == SQLITE_ROW;
}

int fl_date_blocks_update(fl_store *s, fl_date_blocks *d, int table, sqlite3_int64 version)
{
    if (d->built && version == d->version)
        return 1;
    /* The whole table in one pass (SQLite reads the covering date index,
     * not the rows); later, the new rows by number. */
    if (!read_rows(s, d, d->built ? newer_sql[table] : all_sql[table])) {
        forget(d);
        return 0;
    }
    d->built = 1;
    d->version = version;
    return 1;
}

fl_date_blocks *fl_date_blocks_new(void) { return calloc(1, sizeof(fl_date_blocks)); }

size_t fl_date_blocks_ranges(const fl_date_blocks *d, const char *from, const char *to,
                             sqlite3_int64 (**out)[2])
{
    size_t n = 0, cap = 0;
    *out = NULL;
    for (size_t b = d->cap; b-- > 0;) {
        if (!d->earliest[b])
            continue;
        if (from && text_cmp(d->latest[b], strlen(d->latest[b]), from, strlen(from)) < 0)
            continue;
        if (to && text_cmp(d->earliest[b], strlen(d->earliest[b]), to, strlen(to)) > 0)
            continue;
        sqlite3_int64 lo = (sqlite3_int64)(b << BLOCK_BITS), hi = lo + (1 << BLOCK_BITS) - 1;
        if (n && (*out)[n - 1][0] == hi + 1) {
            (*out)[n - 1][0] = lo; /* the block below the last range: one range */
            continue;
        }
        if (!fl_grow(out, &cap, n + 1, sizeof **out, 16)) {
            free(*out);
            *out = NULL;
            return (size_t)-1;
        }
        (*out)[n][0] = lo;
        (*out)[n][1] = hi;
        n++;
    }
    return n;
}
