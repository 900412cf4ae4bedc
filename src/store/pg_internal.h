/*
 * pg_internal.h — the PostgreSQL backend of fl_store, private to src/store.
 *
 * A store opened on a `postgresql://` or `postgres://` URL keeps its
 * connection here (fl_store.pg) and the public functions of store.c,
 * store_add.c and store_query.c hand over to these at their first line.
 * Files: pg_store.c (connection, schema and migrations, batches and their
 * retries, COPY), pg_add.c (parsing an extract object into pending rows),
 * pg_resolve.c (canonical entities and sources with several writers),
 * pg_query.c (the questions), pg_search.c (search and its totals),
 * pg_lookup.c (the page's categories and names). docs/store.md
 * ("PostgreSQL") says what differs from SQLite.
 */
#ifndef FL_STORE_PG_INTERNAL_H
#define FL_STORE_PG_INTERNAL_H

#include <jansson.h>
#include <stdint.h>
#include <libpq-fe.h>

#include "store/store_internal.h"

/* One pending article of the current batch: its parsed object and hash. */
typedef struct fl_pg_pending {
    json_t *obj;
    char hash[17];
} fl_pg_pending;

/* (type, key) -> entity id, and org key -> canonical key, for the current
 * batch transaction only (another writer may change them between batches). */
typedef struct fl_pg_map fl_pg_map;

/* The text a tsvector is made of: letters and digits, everything else a
 * space, lower case. The text columns' "C" collation knows only ASCII
 * letters, so the classes and lower() use ICU's root collation: "Zürich"
 * stays one word and "ÉCOLE" becomes "école", as FTS5's unicode61 sees them
 * (which also drops the accents: the one difference left, docs/store.md). */
#define FL_PG_WORDS(t) "lower(regexp_replace((" t ") COLLATE \"und-x-icu\", '[^[:alnum:]]+', ' ', 'g'))"
/* The search columns: an article's headline with weight A, then its text;
 * a quote's text. A tsvector holds at most 1 MB: very long texts are
 * indexed on their first 256 KiB (characters). One definition for the
 * schema (pg_store.c), its triggers, the writer's own (pg_fts.c must give
 * the same values) and the tests. */
#define FL_PG_ARTICLE_FTS(h, t)                                                                                     \
    "setweight(to_tsvector('simple', " FL_PG_WORDS(h) "), 'A') || to_tsvector('simple', " FL_PG_WORDS("left(" t ", 262144)") ")"
#define FL_PG_QUOTE_FTS(t) "to_tsvector('simple', " FL_PG_WORDS("left(" t ", 262144)") ")"

struct fl_pg {
    PGconn *conn;
    char sqlstate[6];     /* of the last failed statement ("" if none) */
    fl_pg_pending *pending;
    size_t npending, cap;
    fl_pg_map *entities;  /* "T\037key" -> id */
    fl_pg_map *orgs;      /* key -> canonical (stored as a string id) */
    fl_pg_map *moved;     /* bare-surname entity adopted in this batch -> its new id */
    unsigned long long retries; /* batches retried after a deadlock or serialization failure */
    uint64_t held[4];     /* advisory lock buckets this transaction holds (pg_resolve.c) */
#define FL_PG_PREPARED 64
    const char *prepared[FL_PG_PREPARED]; /* statements prepared on this connection, by SQL address */
    size_t nprepared;
    struct fl_snippet_maker *snippets; /* search fragments (search_snippet.c), made at the first search */
    struct fl_pg_fts *fts;             /* the writer's search columns (pg_fts.c), made at the first batch */
    int fts_generated; /* the search columns are still generated (their conversion waited too long, pg_store.c): sent none */
    struct fl_pg_local *local; /* what the batch decides without asking (pg_local.c) */
    int entity_counts;         /* the database keeps entity_counts (pg_store.c's pg_indexes) */
};

/* PostgreSQL's b-tree indexes hold at most about 2.7 kB per row: longer
 * values of indexed columns (keys, aliases) are not stored as keys, and
 * dates and categories are limited to FL_PG_MAX_SHORT bytes (an article with
 * a longer date is refused). Real keys are under 200 bytes. */
#define FL_PG_MAX_KEY 1000
#define FL_PG_MAX_SHORT 100

/* fl_canon_key, or 0 for a key too long to index. */
size_t fl_pg_key(const char *type, const char *name, fl_buffer *out);

/* 1 if `path` names a PostgreSQL database (postgresql:// or postgres://). */
int fl_pg_is_url(const char *path);

/* The backend's halves of the public functions. */
fl_store *fl_pg_open(const char *url, unsigned flags, int version, char **error);
void fl_pg_close(fl_store *s);
fl_status fl_pg_commit(fl_store *s);
long long fl_pg_article_count(fl_store *s);
fl_status fl_pg_add(fl_store *s, const char *json, size_t len, int *added);
fl_result *fl_pg_query(fl_store *s, const fl_query *q);

/* Connects again if the connection was lost (a server restart); 1 if connected. */
int fl_pg_reconnect(fl_store *s);

/* Statement helpers (pg_store.c). Parameters are text (NULL for SQL NULL).
 * On failure they return NULL / 0, set the store's error and sqlstate. */
PGresult *fl_pg_exec(fl_store *s, const char *sql, int nparams, const char *const *params);
int fl_pg_command(fl_store *s, const char *sql, int nparams, const char *const *params);
/* COPY `data` (text format rows) with the COPY ... FROM STDIN statement `sql`. */
int fl_pg_copy(fl_store *s, const char *sql, const fl_buffer *data);
/* Appends one text-format COPY field (NULL as \N), then a tab or, if last, a newline. */
void fl_pg_copy_field(fl_buffer *row, const char *v, size_t len, int last);
void fl_pg_copy_int(fl_buffer *row, long long v, int present, int last);

/* Adding (pg_add.c): writes the pending batch inside the open transaction. */
int fl_pg_write_batch(fl_store *s);

/* Resolution (pg_resolve.c), inside the batch transaction. */
fl_pg_map *fl_pg_map_new(void);
void fl_pg_map_clear(fl_pg_map *m);
void fl_pg_map_free(fl_pg_map *m);
long long fl_pg_resolve_entity(fl_store *s, const char *type, const char *name); /* 0 no key, -1 error */
long long fl_pg_find_person(fl_store *s, const char *name);                       /* 0 none, -1 error */
int fl_pg_org_canonical(fl_store *s, const char *key, fl_buffer *out, int create); /* 1 ok, 0 error */
long long fl_pg_current_id(fl_store *s, long long id); /* follows adoptions made in this batch */
/* Looks up a batch's keys at once and locks, in sorted order, what it will
 * create. types/keys: n entity types and raw canonical keys, orgs: norgs
 * organisation and source keys; each a list of NUL-terminated strings. */
void fl_pg_locks_released(fl_store *s); /* the transaction ended */
int fl_pg_prefetch(fl_store *s, const fl_buffer *types, const fl_buffer *keys, size_t n, const fl_buffer *orgs,
                   size_t norgs);
int fl_pg_map_get(fl_pg_map *m, const char *key, long long *id, const char **str, long long *n, long long *other);
int fl_pg_map_set(fl_pg_map *m, const char *key, long long id, const char *str, long long n, long long other);
int fl_pg_adopt_rows(fl_store *s, long long id, long long bare); /* moves bare's rows to id, deletes bare */

/* Names a batch creates, decided in the writer under its locks and written
 * at the batch's end (pg_local.c). Provisional entity ids start at
 * FL_PG_PROVISIONAL (no sequence reaches it); fl_pg_current_id gives the
 * real one after fl_pg_local_flush. */
#define FL_PG_PROVISIONAL (1LL << 62)
int fl_pg_local_fetch(fl_store *s, const fl_buffer *surnames, const fl_buffer *words); /* array literals */
int fl_pg_local_surname(fl_store *s, const char *surname, long long *bare, long long *full, long long *one);
long long fl_pg_local_create(fl_store *s, const char *type, const char *key, const char *name, const char *surname);
int fl_pg_local_adopt(fl_store *s, long long id, long long bare, const char *surname);
/* 1 decided (canonical key into out, queued), 0 not known here, -1 out of memory */
int fl_pg_local_canonical(fl_store *s, const char *key, const char *longest, fl_buffer *out);
void fl_pg_local_forget_words(fl_store *s);
long long fl_pg_local_real(fl_store *s, long long id);
int fl_pg_local_flush(fl_store *s);
void fl_pg_local_reset(fl_store *s);
void fl_pg_local_free(fl_store *s);

/* Appends a string to a PostgreSQL array literal being built ("{" first; close it with '}'). */
void fl_pg_array_append(fl_buffer *arr, const char *elem);

/* Reading (pg_query.c), shared by the questions of pg_query.c, pg_search.c
 * and pg_lookup.c. fl_pg_read runs a read (parameters are text; refuses
 * text that is not UTF-8 as a usage error; reconnects once after a server
 * restart). fl_pg_section adds its rows as a section: columns named "_..."
 * are hidden, the columns of `derives` are computed in C from other columns
 * (what SQLite computes in SQL functions). */
typedef enum fl_pg_derive_kind {
    FL_PG_DERIVE_SENTENCE,  /* the sentence(s) of text `text` around [start, end) (fl_sentence) */
    FL_PG_DERIVE_SLICE,     /* the bytes [start, end) of `text` */
    FL_PG_DERIVE_SNIPPET,   /* `text`'s search fragment for `terms` (search_snippet.c, as fl_snippet) */
    FL_PG_DERIVE_CUMULATIVE /* 1 if the category in column `text` counts a running total (fl_cumulative) */
} fl_pg_derive_kind;
typedef struct fl_pg_derive {
    const char *column, *text, *start, *end;
    fl_pg_derive_kind kind;
    const struct fl_snippet_terms *terms; /* FL_PG_DERIVE_SNIPPET */
} fl_pg_derive;
PGresult *fl_pg_read(fl_store *s, const char *sql, int n, const char *const *params);
int fl_pg_section(fl_store *s, fl_result *r, const char *name, const char *sql, int nparams,
                  const char *const *params, const fl_pg_derive *derives, size_t nderives);
/* The ids (a text array, "{}" if none) of the entities a name means, as store_query.c's find_entities. */
int fl_pg_find_entities(fl_store *s, const char *name, fl_buffer *ids);

/* Search (pg_search.c): FL_QUERY_SEARCH and FL_QUERY_SEARCH_TOTAL, with
 * store_query.c's FTS5 query turned into a tsquery and search_snippet.c's
 * fragments. The page's other questions (pg_lookup.c): FL_QUERY_CATEGORIES,
 * FL_QUERY_NAMES. */
fl_result *fl_pg_search(fl_store *s, const fl_query *q, unsigned limit);
fl_result *fl_pg_search_total(fl_store *s, const fl_query *q);
fl_result *fl_pg_lookup(fl_store *s, const fl_query *q, unsigned limit);
/* The tsquery (the 'simple' configuration) matching what an FTS5 query
 * written by fl_search_fts_query matches; 0 when out of memory. */
int fl_pg_tsquery(const char *fts, fl_buffer *out);
/* The search column's value computed by the writer (pg_fts.c): the
 * tsvector literal equal to what the server's expression makes of an
 * article (headline given: weight A, || the body) or of a quote's text
 * (headline NULL), valid until the next call; NULL when only the server
 * can compute it (non-ASCII letters; the trigger does it then) or out of
 * memory. */
typedef struct fl_pg_fts fl_pg_fts;
fl_pg_fts *fl_pg_fts_new(void);
void fl_pg_fts_free(fl_pg_fts *f);
const char *fl_pg_fts_literal(fl_pg_fts *f, const char *headline, size_t hlen, const char *text, size_t tlen,
                              size_t *len);
/* Tests only: the ids a search's first range reads (0: the default,
 * twice the window), so that a small database is read in many ranges. */
void fl_pg_search_set_first_range(long long ids);

/* A double as SQLite prints a REAL ("9200.0", "0.5", "1.0e+308"), so both
 * backends answer with the same text. */
void fl_pg_format_real(double v, char *out, size_t size);

#endif
