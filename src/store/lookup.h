/*
 * lookup.h — what search_rank.c and search_snippet.c (ranking and snippets
 * for search) and store_lookup.c (the page's smaller questions: totals,
 * categories, name completion) offer the rest of the store. Not for:
 * anything outside src/store.
 */
#ifndef FL_STORE_LOOKUP_H
#define FL_STORE_LOOKUP_H

#include "store/store_internal.h"

/* How many of the newest matches a search ranks and counts: the pages of a
 * search end there, and its total says "at least" beyond it. */
#define FL_SEARCH_ARTICLE_WINDOW 1000
#define FL_SEARCH_QUOTE_WINDOW 500

/* Registers fl_rank(fts_table, 0 for articles_fts | 1 for quotes_fts) (an
 * FTS5 ranking function: bm25 whose phrase weights come from at most a
 * sample of each phrase's matches, with document lengths kept in memory)
 * and
 * fl_snippet(text, fts_query, tokens) on the store's connection. */
int fl_search_register(fl_store *s);

/* Registers fl_snippet(text, fts_query, tokens) (search_snippet.c). */
/* FTS5's API on a connection: NULL without FTS5 (search_snippet.c). */
fts5_api *fl_fts5_api(sqlite3 *db);

int fl_snippet_register(fl_store *s, fts5_api *api);

/* -- snippets without SQL, for both backends (search_snippet.c) -- */
typedef struct fl_snippet_maker fl_snippet_maker;
typedef struct fl_snippet_terms fl_snippet_terms;

/* A snippet maker with FTS5's unicode61 tokenizer (diacritics removed), as
 * the full-text tables declare it: from `api`, or, when NULL (PostgreSQL),
 * from a private in-memory SQLite connection. NULL on failure. One maker is
 * used by one thread at a time. */
fl_snippet_maker *fl_snippet_maker_new(fts5_api *api);
void fl_snippet_maker_free(fl_snippet_maker *m);

/* The terms of an FTS query written by fl_search_fts_query; NULL when out of memory. */
fl_snippet_terms *fl_snippet_terms_new(fl_snippet_maker *m, const char *fts_query);
void fl_snippet_terms_free(fl_snippet_terms *t);

/* Writes to `out` (cleared first) the fragment of text[0, len) of `window`
 * tokens (1..64, else 24) with the terms marked; 0 when out of memory. */
int fl_snippet_write(fl_snippet_maker *m, const fl_snippet_terms *t, const char *text, size_t len, int window,
                     fl_buffer *out);

/* The FTS5 query for a user's search text (store_search.c: words, closed
 * "phrases", prefix* words); 0 when nothing searchable is left. */
int fl_search_fts_query(const char *in, fl_buffer *out);

/* fl_store_prepare, registering the search functions the first time a
 * statement needs them. */
sqlite3_stmt *fl_search_prepare(fl_store *s, const char *sql);

typedef struct fl_search_total {
    size_t rows; /* matches counted */
    int capped;  /* 1 when there were more than the window */
} fl_search_total;

/* -- where a filtered search's matches can be (search_window.c) -- */

/* The parameters every search statement of store_search.c takes besides
 * its own: the rows asked for, the lowest and highest rowid read, and the
 * scope whose articles pass (fl_search_member(?9, rowid), when used). */
#define FL_SEARCH_PARAM_LIMIT 6
#define FL_SEARCH_PARAM_LOW 7
#define FL_SEARCH_PARAM_HIGH 8
#define FL_SEARCH_PARAM_SCOPE 9

typedef struct fl_search_scope {
    int bounded;                /* 0: a match may be anywhere: read them all */
    int exact;                  /* ids are exactly the articles every filter (dates, entity, source) passes */
    sqlite3_int64 *ids;         /* ascending (articles only) */
    size_t nids;
    sqlite3_int64 (*ranges)[2]; /* [lowest, highest] rowid, newest range first */
    size_t nranges;             /* 0 when bounded: nothing can pass */
} fl_search_scope;

/* The articles a search's dates (and its entity, when by_entity: the
 * entities in temp.wanted; and its source) pass, when they are few enough
 * to be worth it; an unbounded scope otherwise. 0 on error (message set). */
int fl_search_scope_articles(fl_store *s, const fl_query *q, int by_entity, fl_search_scope *sc);
/* The quotes a search's dates can pass: ranges only, not exact. `dates`,
 * when not NULL, is the articles' scope of the same dates (no entity),
 * which spares listing them again. */
int fl_search_scope_quotes(fl_store *s, const fl_query *q, const fl_search_scope *dates, fl_search_scope *sc);
void fl_search_scope_release(fl_search_scope *sc);
/* The most articles an entity's (262,144) and a date range's (65,536) list
 * may hold before the search reads otherwise, the widest gap read through
 * (4,096 article numbers) and the most ranges (8); -1 restores a default.
 * For tests, which reach every way of reading with a few articles. */
void fl_search_set_limits(int entity, int date, int gap, int ranges);
/* The most articles a source's list may hold (65,536); -1 restores it. For tests. */
void fl_search_set_source_limit(int most);
/* Joins the ranges into one: each range is read by running the search
 * again, and FTS5 gathers a prefix* word's every match each time. */
void fl_search_scope_one_range(fl_search_scope *sc);
/* 1 when id is one of an exact scope's ids. */
int fl_search_scope_has(const fl_search_scope *sc, sqlite3_int64 id);

/* Per connection: the earliest and latest date of each block of article
 * numbers (search_dates.c). */
typedef struct fl_date_blocks fl_date_blocks;
fl_date_blocks *fl_date_blocks_new(void);
void fl_date_blocks_free(fl_date_blocks *d);
/* Reads what it lacks (all on first use; then the rows added since, when
 * `version`, the data_version, changed: rows are only ever added, with
 * larger numbers, by other connections, since only a read-only connection
 * keeps blocks). 0 on error (message set). */
#define FL_DATES_ARTICLES 0
#define FL_DATES_QUOTES 1
int fl_date_blocks_update(fl_store *s, fl_date_blocks *d, int table, sqlite3_int64 version);
/* The rowid ranges, newest first and apart, of the blocks whose dates can
 * meet [from, to] (either NULL: open); their count, (size_t)-1 when out of
 * memory. *out is malloc'ed. */
size_t fl_date_blocks_ranges(const fl_date_blocks *d, const char *from, const char *to, sqlite3_int64 (**out)[2]);
/* The connection's date blocks of a table (FL_DATES_...), up to date
 * (search_rank.c keeps them); built now if `build`, else NULL (with
 * *error 0) when not built yet. NULL with *error 1 on error (message set). */
fl_date_blocks *fl_search_date_blocks(fl_store *s, int table, int build, int *error);

/* A new number for a search on this connection (bound to its rank
 * statement's ?10: fl_rank(fts_table, table, ?10) counts the phrases once
 * for all the ranges it runs over); 0 on error. */
sqlite3_int64 fl_search_number(fl_store *s);
#define FL_SEARCH_PARAM_NUMBER 10

/* Register fl_search_collect() (search_window.c) and fl_date_blocks_note()
 * (search_dates.c), the SQL functions listing ids and noting dates; SQLite
 * result codes. */
int fl_search_window_register(sqlite3 *db);
int fl_date_blocks_register(sqlite3 *db);

/* Called for each row read; 0 stops the read as out of memory. */
typedef int (*fl_search_row)(void *arg, sqlite3_stmt *st);

/* Steps `st` (bound but for the limit and the rowid range; rows newest
 * first) through each of the scope's ranges, newest first, for up to
 * `window` rows in all, calling `row` on each. Sets *total (capped when a
 * row beyond the window was there). 0 on error (message set). */
int fl_search_read(fl_store *s, sqlite3_stmt *st, const fl_search_scope *sc, unsigned window, fl_search_row row,
                   void *arg, fl_search_total *total);

/* Reads as fl_search_read does rows of (id, score), orders them by score,
 * then newest, and writes rows [offset, offset + limit) to `page` as a
 * JSON array of [id, score] pairs. Sets *total. 0 on error (message set). */
int fl_search_rank(fl_store *s, sqlite3_stmt *st, const fl_search_scope *sc, unsigned window, unsigned offset,
                   unsigned limit, fl_buffer *page, fl_search_total *total);

/* The totals of the last search asked on this connection, under `key`
 * (anything that tells searches apart: the FTS query and the filters), so
 * that FL_QUERY_SEARCH_TOTAL asked right after its search (as the server
 * does for every page) does not scan the matches again. A recall fails
 * when the key differs or the database changed since (data_version). */
void fl_search_remember(fl_store *s, const char *key, size_t len, const fl_search_total totals[2]);
int fl_search_recall(fl_store *s, const char *key, size_t len, fl_search_total totals[2]);

/* The questions added for the page (store_lookup.c): FL_QUERY_SEARCH_TOTAL,
 * FL_QUERY_CATEGORIES, FL_QUERY_NAMES. */
fl_result *fl_store_lookup(fl_store *s, const fl_query *q, unsigned limit);

/* FL_QUERY_SEARCH_TOTAL (store_search.c, beside the search it counts). */
fl_result *fl_store_search_total(fl_store *s, const fl_query *q);

#endif
