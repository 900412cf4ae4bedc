/*
 * search_rank.c — what makes ranking a search cheap enough to answer at
 * once: a ranking function registered on a store's connection the first
 * time it searches (with the snippet builder of search_snippet.c), the
 * step that ranks a window of matches and keeps one page, and the totals a
 * connection remembers of its last search.
 *
 * Why not FTS5's own bm25(): it counts, on its first row,
 * every article containing each phrase (xQueryPhrase over the whole
 * doclist: 36 M instructions for "said" on 104k articles) to weigh the
 * phrases, and reads each row's length with a nested query (about 4,500
 * instructions a row). fl_rank() is the same formula, but for one phrase it
 * counts nothing (the weight cannot change the order), for several it stops
 * counting after DF_SAMPLE matches and estimates the rest from how densely
 * they fall in the article numbers, and it takes lengths from a table in
 * memory (two bytes per row, read from FTS5's docsize table a chunk at a
 * time once a chunk is asked for often). Not for: what the search asks
 * (store_query.c) or its snippets (search_snippet.c).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/lookup.h"
#include "util/grow.h"

/* A phrase in more than this many articles has its count estimated. */
#define DF_SAMPLE 500

/* bm25's constants, as in FTS5. */
#define BM25_K1 1.2
#define BM25_B 0.75

/* ---- document lengths in memory ------------------------------------------ */

/* The full-text tables fl_rank knows, by the number given as its second
 * argument, with the query that reads one chunk of their lengths. */
static const char *const length_sql[] = {
    "SELECT id, sz FROM articles_fts_docsize WHERE id >= ?1 AND id < ?2",
    "SELECT id, sz FROM quotes_fts_docsize WHERE id >= ?1 AND id < ?2",
};
#define LENGTH_TABLES 2

/* Rowids per chunk, and how many rows of a chunk are ranked with FTS5's
 * own lookup (xColumnSize: about 4,500 instructions) before the chunk is
 * read at once (about 850 a row): a common word's window reads its few
 * chunks at once, a rare word's scattered rows, or a one-off question from
 * the command line, do not load a table they would use a little of. */
#define CHUNK_BITS 8
#define CHUNK_ROWS (1 << CHUNK_BITS)
#define CHUNK_LOAD_AFTER 48

/* Tokens per row, by rowid (capped at 65535: a longer row scores as if it
 * had that many), for one table of one connection, read a chunk at a time.
 * Rows are only ever added, with larger rowids: a chunk read once stays
 * right up to the largest rowid it held (`full`); a row above that is
 * looked up and the chunk read again later. Memory: 2 bytes per rowid up
 * to the largest ranked, and 10 bytes per chunk. */
typedef struct length_table {
    uint16_t *tokens;
    size_t cap;
    sqlite3_int64 *full;     /* per chunk: the largest rowid read, -1 none */
    unsigned short *touches; /* per chunk: rows looked up one by one */
    size_t chunks;
} length_table;

typedef struct rank_context {
    fl_store *store; /* its connection, and its statement cache */
    length_table tables[LENGTH_TABLES];
    char *last_key;
    size_t last_len;
    sqlite3_int64 last_version;
    sqlite3_int64 last_changes; /* sqlite3_total_changes64: this connection's own writes */
    fl_search_total last[2];
    fl_date_blocks *dates[2]; /* search_dates.c, per FL_DATES_ table, made when first needed */
    /* A search runs its statement once per range (search_window.c): the
     * phrase weights of its first run, kept for the others. */
    sqlite3_int64 searches;
    struct {
        sqlite3_int64 search;
        int table, phrases;
        double *idf;
    } weights;
} rank_context;

static void rank_context_free(void *p)
{
    rank_context *c = p;
    if (!c)
        return;
    for (int t = 0; t < LENGTH_TABLES; t++) {
        free(c->tables[t].tokens);
        free(c->tables[t].full);
        free(c->tables[t].touches);
    }
    free(c->last_key);
    free(c->weights.idf);
    fl_date_blocks_free(c->dates[0]);
    fl_date_blocks_free(c->dates[1]);
    free(c);
}

/* An FTS5 docsize record: one SQLite varint per column; their sum. */
static long long docsize_tokens(const unsigned char *p, int n)
{
    long long total = 0;
    int i = 0;
    while (p && i < n) {
        unsigned long long v = 0;
        int k = 0;
        for (; k < 8 && i < n; k++) {
            unsigned char c = p[i++];
            v = (v << 7) | (c & 0x7f);
            if (!(c & 0x80))
                break;
        }
        if (k == 8 && i < n)
            v = (v << 8) | p[i++];
        total += (long long)v;
    }
    return total;
}

/* Makes room for chunk k. 0 on out of memory. */
static int chunk_room(length_table *lt, size_t k)
{
    if (k < lt->chunks)
        return 1;
    size_t n = lt->chunks ? lt->chunks : 64;
    while (n <= k)
        n *= 2;
    sqlite3_int64 *full = realloc(lt->full, n * sizeof *full);
    if (!full)
        return 0;
    lt->full = full;
    unsigned short *touches = realloc(lt->touches, n * sizeof *touches);
    if (!touches)
        return 0;
    lt->touches = touches;
    for (size_t i = lt->chunks; i < n; i++) {
        full[i] = -1;
        touches[i] = 0;
    }
    lt->chunks = n;
    return 1;
}

/* Reads chunk k of table t. */
static int chunk_read(rank_context *c, int t, size_t k)
{
    length_table *lt = &c->tables[t];
    sqlite3_int64 lo = (sqlite3_int64)(k << CHUNK_BITS), hi = lo + CHUNK_ROWS;
    if (!fl_grow(&lt->tokens, &lt->cap, (size_t)hi, sizeof *lt->tokens, CHUNK_ROWS))
        return SQLITE_NOMEM;
    /* Prepared here, not taken from the store's statement cache: this runs
     * inside the ranking statement's step, and a full cache finalizes an
     * entry to make room. A chunk is read about once per connection. */
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(c->store->db, length_sql[t], -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int64(st, 1, lo);
    sqlite3_bind_int64(st, 2, hi);
    sqlite3_int64 full = lo - 1;
    memset(lt->tokens + lo, 0, CHUNK_ROWS * sizeof *lt->tokens);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(st, 0);
        if (id < lo || id >= hi)
            continue;
        long long n = docsize_tokens(sqlite3_column_blob(st, 1), sqlite3_column_bytes(st, 1));
        lt->tokens[id] = (uint16_t)(n > 65535 ? 65535 : n);
        if (id > full)
            full = id;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return rc;
    lt->full[k] = full;
    lt->touches[k] = 0;
    return SQLITE_OK;
}

/* The row's length in tokens: from its chunk when read (reading it once
 * the chunk has been asked for often enough), else FTS5's own lookup. */
static int row_length(rank_context *c, int t, const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_int64 id,
                      int *length)
{
    length_table *lt = &c->tables[t];
    size_t k = id >= 0 ? (size_t)id >> CHUNK_BITS : 0;
    if (id < 0 || k > SIZE_MAX / (2 * CHUNK_ROWS) || !chunk_room(lt, k))
        return api->xColumnSize(fts, -1, length);
    if (lt->full[k] >= id) {
        *length = lt->tokens[id];
        return SQLITE_OK;
    }
    if (++lt->touches[k] >= CHUNK_LOAD_AFTER) {
        int rc = chunk_read(c, t, k);
        if (rc != SQLITE_OK)
            return rc;
        if (lt->full[k] >= id) {
            *length = lt->tokens[id];
            return SQLITE_OK;
        }
    }
    return api->xColumnSize(fts, -1, length);
}

/* ---- fl_rank(fts_table, table): bm25 with sampled document frequencies ---- */

typedef struct rank_state {
    rank_context *context;
    int table;
    int phrases;
    double avgdl;
    double *idf;  /* per phrase */
    double *freq; /* per phrase, scratch for the current row */
} rank_state;

typedef struct df_count {
    sqlite3_int64 rows;
    sqlite3_int64 last_rowid;
} df_count;

static int count_phrase(const Fts5ExtensionApi *api, Fts5Context *fts, void *arg)
{
    df_count *c = arg;
    c->rows++;
    c->last_rowid = api->xRowid(fts);
    return c->rows >= DF_SAMPLE ? SQLITE_DONE : SQLITE_OK;
}

static void rank_state_free(void *p)
{
    rank_state *st = p;
    if (!st)
        return;
    free(st->idf);
    free(st->freq);
    free(st);
}

/* The weights kept for this search and table, if they are. */
static const double *kept_weights(const rank_context *c, sqlite3_int64 search, int table, int phrases)
{
    if (search <= 0 || c->weights.search != search || c->weights.table != table || c->weights.phrases != phrases)
        return NULL;
    return c->weights.idf;
}

static void keep_weights(rank_context *c, sqlite3_int64 search, int table, int phrases, const double *idf)
{
    if (search <= 0)
        return;
    double *copy = realloc(c->weights.idf, ((size_t)phrases + 1) * sizeof *copy);
    if (!copy) {
        c->weights.search = 0; /* nothing kept: computed again */
        return;
    }
    memcpy(copy, idf, (size_t)phrases * sizeof *copy);
    c->weights.idf = copy;
    c->weights.search = search;
    c->weights.table = table;
    c->weights.phrases = phrases;
}

/* `search` numbers the search (fl_search_number) so that its runs over
 * several ranges count the phrases once; 0 counts them every run. */
static rank_state *rank_state_new(const Fts5ExtensionApi *api, Fts5Context *fts, int *rc, rank_context *context,
                                  int table, sqlite3_int64 search)
{
    rank_state *st = calloc(1, sizeof *st);
    sqlite3_int64 rows = 0, tokens = 0;
    if (!st) {
        *rc = SQLITE_NOMEM;
        return NULL;
    }
    st->phrases = api->xPhraseCount(fts);
    st->idf = calloc((size_t)st->phrases + 1, sizeof *st->idf);
    st->freq = calloc((size_t)st->phrases + 1, sizeof *st->freq);
    if (!st->idf || !st->freq) {
        rank_state_free(st);
        *rc = SQLITE_NOMEM;
        return NULL;
    }
    *rc = api->xRowCount(fts, &rows);
    if (*rc == SQLITE_OK)
        *rc = api->xColumnTotalSize(fts, -1, &tokens);
    st->avgdl = rows > 0 ? (double)tokens / (double)rows : 1.0;
    /* One phrase: its weight multiplies every score alike and cannot change
     * the order, so it is not counted at all. */
    if (st->phrases == 1)
        st->idf[0] = 1.0;
    const double *kept = st->phrases > 1 ? kept_weights(context, search, table, st->phrases) : NULL;
    if (kept)
        memcpy(st->idf, kept, (size_t)st->phrases * sizeof *st->idf);
    for (int i = 0; *rc == SQLITE_OK && st->phrases > 1 && !kept && i < st->phrases; i++) {
        df_count c = {0, 0};
        *rc = api->xQueryPhrase(fts, i, &c, count_phrase);
        double df = (double)c.rows;
        /* Stopped early: the rowids are article numbers in the order they
         * were added, so DF_SAMPLE matches among the first last_rowid
         * articles estimate the phrase's share of all of them. */
        if (c.rows >= DF_SAMPLE && c.last_rowid > 0)
            df = fmin((double)rows, df * (double)rows / (double)c.last_rowid);
        double idf = log(((double)rows - df + 0.5) / (df + 0.5));
        st->idf[i] = idf > 1e-6 ? idf : 1e-6;
    }
    if (*rc != SQLITE_OK) {
        rank_state_free(st);
        return NULL;
    }
    if (st->phrases > 1 && !kept)
        keep_weights(context, search, table, st->phrases, st->idf);
    return st;
}

static void rank_function(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
                          sqlite3_value **vals)
{
    int rc = SQLITE_OK;
    rank_state *st = api->xGetAuxdata(fts, 0);
    if (!st) {
        /* The first row: the phrase weights. */
        int t = nval == 1 || nval == 2 ? sqlite3_value_int(vals[0]) : -1;
        if (t < 0 || t >= LENGTH_TABLES) {
            sqlite3_result_error(ctx, "fl_rank(fts_table, table[, search]): table is 0 (articles) or 1 (quotes)",
                                 -1);
            return;
        }
        sqlite3_int64 search = nval == 2 ? sqlite3_value_int64(vals[1]) : 0;
        st = rank_state_new(api, fts, &rc, api->xUserData(fts), t, search);
        if (st) {
            st->context = api->xUserData(fts);
            st->table = t;
            rc = api->xSetAuxdata(fts, st, rank_state_free);
        }
        if (rc != SQLITE_OK) {
            sqlite3_result_error_code(ctx, rc);
            return;
        }
    }
    int inst = 0;
    rc = api->xInstCount(fts, &inst);
    memset(st->freq, 0, (size_t)st->phrases * sizeof *st->freq);
    for (int i = 0; rc == SQLITE_OK && i < inst; i++) {
        int phrase, column, offset;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc == SQLITE_OK && phrase >= 0 && phrase < st->phrases)
            st->freq[phrase] += 1.0;
    }
    int length = 0;
    if (rc == SQLITE_OK)
        rc = row_length(st->context, st->table, api, fts, api->xRowid(fts), &length);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    double score = 0, norm = BM25_K1 * (1 - BM25_B + BM25_B * (double)length / (st->avgdl > 0 ? st->avgdl : 1));
    for (int i = 0; i < st->phrases; i++)
        score += st->idf[i] * (st->freq[i] * (BM25_K1 + 1)) / (st->freq[i] + norm);
    sqlite3_result_double(ctx, -score); /* like bm25(): better matches are more negative */
}

/* ---- registration ---------------------------------------------------------- */

/* fl_search_context(): the connection's rank_context, as an SQL pointer
 * value, so the C side of a search reaches what fl_rank keeps. */
static void context_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    sqlite3_result_pointer(ctx, sqlite3_user_data(ctx), "fl_rank_context", NULL);
}

/* fl_search_member(scope, rowid): 1 when the article is one of an exact
 * scope's (search_window.c), bound as a pointer; 1 for any row without one. */
static void member_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const fl_search_scope *sc = sqlite3_value_pointer(argv[0], "fl_search_scope");
    sqlite3_result_int(ctx, !sc || fl_search_scope_has(sc, sqlite3_value_int64(argv[1])));
}

int fl_search_register(fl_store *s)
{
    fts5_api *api = fl_fts5_api(s->db);
    if (!api) {
        fl_store_set_error(s, "this SQLite has no FTS5");
        return 0;
    }
    rank_context *rc = calloc(1, sizeof *rc);
    if (!rc) {
        fl_store_set_error(s, "out of memory");
        return 0;
    }
    rc->store = s;
    /* FTS5 frees the context with the connection (or at once on failure). */
    if (api->xCreateFunction(api, "fl_rank", rc, rank_function, rank_context_free) != SQLITE_OK) {
        fl_store_set_error(s, "cannot register fl_rank: %s", sqlite3_errmsg(s->db));
        return 0;
    }
    if (sqlite3_create_function_v2(s->db, "fl_search_context", 0, SQLITE_UTF8, rc, context_function, NULL, NULL,
                                   NULL) != SQLITE_OK ||
        sqlite3_create_function_v2(s->db, "fl_search_member", 2, SQLITE_UTF8, NULL, member_function, NULL, NULL,
                                   NULL) != SQLITE_OK ||
        fl_search_window_register(s->db) != SQLITE_OK || fl_date_blocks_register(s->db) != SQLITE_OK) {
        fl_store_set_error(s, "cannot register the search functions: %s", sqlite3_errmsg(s->db));
        return 0;
    }
    return fl_snippet_register(s, api);
}

/* The connection's context and its data_version (which changes when
 * another connection commits; the connection's own writes are told by
 * sqlite3_total_changes64); NULL on error. */
static rank_context *context_of(fl_store *s, sqlite3_int64 *version)
{
    sqlite3_stmt *st = fl_search_prepare(s, "SELECT fl_search_context(), (SELECT data_version FROM pragma_data_version)");
    if (!st)
        return NULL;
    rank_context *c = NULL;
    if (sqlite3_step(st) == SQLITE_ROW) {
        c = sqlite3_value_pointer(sqlite3_column_value(st, 0), "fl_rank_context");
        *version = sqlite3_column_int64(st, 1);
    }
    sqlite3_reset(st);
    return c;
}

fl_date_blocks *fl_search_date_blocks(fl_store *s, int table, int build, int *error)
{
    sqlite3_int64 version = 0;
    rank_context *c = context_of(s, &version);
    *error = 1;
    if (!c)
        return NULL;
    fl_date_blocks **d = &c->dates[table == FL_DATES_QUOTES];
    if (!*d && !build) {
        *error = 0;
        return NULL;
    }
    if (!*d && !(*d = fl_date_blocks_new())) {
        fl_store_set_error(s, "out of memory");
        return NULL;
    }
    if (!fl_date_blocks_update(s, *d, table == FL_DATES_QUOTES, version))
        return NULL;
    *error = 0;
    return *d;
}

sqlite3_int64 fl_search_number(fl_store *s)
{
    sqlite3_int64 version = 0;
    rank_context *c = context_of(s, &version);
    return c ? ++c->searches : 0;
}

void fl_search_remember(fl_store *s, const char *key, size_t len, const fl_search_total totals[2])
{
    sqlite3_int64 version = 0;
    rank_context *c = context_of(s, &version);
    if (!c)
        return;
    char *copy = realloc(c->last_key, len ? len : 1);
    if (!copy) {
        free(c->last_key);
        c->last_key = NULL;
        return;
    }
    memcpy(copy, key, len);
    c->last_key = copy;
    c->last_len = len;
    c->last_version = version;
    c->last_changes = sqlite3_total_changes64(s->db);
    c->last[0] = totals[0];
    c->last[1] = totals[1];
}

int fl_search_recall(fl_store *s, const char *key, size_t len, fl_search_total totals[2])
{
    sqlite3_int64 version = 0;
    rank_context *c = context_of(s, &version);
    if (!c || !c->last_key || c->last_len != len || memcmp(c->last_key, key, len) || c->last_version != version ||
        c->last_changes != sqlite3_total_changes64(s->db))
        return 0;
    totals[0] = c->last[0];
    totals[1] = c->last[1];
    return 1;
}

sqlite3_stmt *fl_search_prepare(fl_store *s, const char *sql)
{
    sqlite3_stmt *st = fl_store_prepare(s, sql);
    if (st)
        return st;
    /* The first search on this connection: the functions are not there yet. */
    if (!strstr(sqlite3_errmsg(s->db), "no such function") || !fl_search_register(s))
        return NULL;
    s->error[0] = '\0';
    return fl_store_prepare(s, sql);
}

/* ---- ranking a window -------------------------------------------------------- */

typedef struct hit {
    sqlite3_int64 id;
    double score;
} hit;

static int by_score(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? -1 : 1;
    return x->id < y->id ? 1 : x->id > y->id ? -1 : 0; /* then the newest */
}

typedef struct hit_list {
    hit *items;
    size_t count, cap;
} hit_list;

static int add_hit(void *arg, sqlite3_stmt *st)
{
    hit_list *h = arg;
    if (!fl_grow(&h->items, &h->cap, h->count + 1, sizeof *h->items, 64))
        return 0;
    h->items[h->count].id = sqlite3_column_int64(st, 0);
    h->items[h->count].score = sqlite3_column_double(st, 1);
    h->count++;
    return 1;
}

int fl_search_rank(fl_store *s, sqlite3_stmt *st, const fl_search_scope *sc, unsigned window, unsigned offset,
                   unsigned limit, fl_buffer *page, fl_search_total *total)
{
    hit_list h = {NULL, 0, 0};
    if (!fl_search_read(s, st, sc, window, add_hit, &h, total)) {
        free(h.items);
        return 0;
    }
    hit *hits = h.items;
    size_t n = h.count;
    if (n > 1)
        qsort(hits, n, sizeof *hits, by_score);
    /* The page as a JSON array of [id, score] for json_each(). */
    fl_buffer_clear(page);
    fl_buffer_append_char(page, '[');
    for (size_t i = offset; i < n && i < (size_t)offset + limit; i++)
        fl_buffer_printf(page, "%s[%lld,%.17g]", i > offset ? "," : "", (long long)hits[i].id, hits[i].score);
    fl_buffer_append_char(page, ']');
    free(hits);
    if (page->failed) {
        fl_store_set_error(s, "out of memory");
        return 0;
    }
    return 1;
}
