/*
 * store_internal.h — the store's state, shared by store.c (open, schema,
 * migrations, adding articles), store_query.c (the questions) and result.c.
 */
#ifndef FL_STORE_INTERNAL_H
#define FL_STORE_INTERNAL_H

#include <sqlite3.h>

#include "factline.h"
#include "store/memo.h"
#include "util/buffer.h"

struct fl_store {
    sqlite3 *db;
    unsigned flags;
    unsigned batch, in_batch;
    int in_txn;
    int version;
    int migrating_to; /* the schema version a migration is building, 0 when none */
    char error[1024];
    fl_buffer key, key2; /* scratch for canonical keys */
    fl_buffer packed;    /* scratch for an article's packed text */
    struct jd_doc *jdoc; /* the article being added, parsed (jdoc.h) */
    struct fl_packer *packer; /* its text's compressor (pack.h) */
    /* The writer's remembered answers (memo.h): entity name -> id, source
     * text -> canonical key, aliases stored; and the database's
     * data_version when they were last known to hold. */
    fl_memo names, sources, aliases;
    /* org_words rows this writer added per word: a guess at which word of a
     * key has fewest (store_resolve.c), not an answer, so kept when the
     * answers are forgotten. */
    fl_memo word_rows;
    long long data_version;
    int adding_article; /* while the articles row is inserted (fl_text skips its work) */
    /* fl_text's last answer: a page of answers reads one article's text for
     * several columns and rows (schema 5 cuts texts from it). */
    fl_buffer text_body, text_inflated;
    sqlite3_stmt *quote_body; /* fl_quote_text's own statement: it runs inside other statements */
    /* Bare-surname entities adopted by a full name during the current
     * article (fl_store_resolve_entity), so its mentions follow them. */
#define FL_STORE_MOVES 16
    long long moved_from[FL_STORE_MOVES], moved_to[FL_STORE_MOVES];
    size_t moves;
#define FL_STORE_CACHE 64 /* distinct statements one connection uses: about 25 writing, 40 asking */
    struct {
        const char *sql;
        sqlite3_stmt *st;
    } cache[FL_STORE_CACHE];
    size_t cached;
    fl_doc *doc; /* for fl_sentence() */
    fl_status query_status; /* of the last fl_store_query */
    struct fl_pg *pg; /* the PostgreSQL backend (pg_internal.h), NULL for SQLite */
};

void fl_store_set_error(fl_store *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Opens a database and migrates it to `version` only (tests of migrations). */
fl_store *fl_store_open_version(const char *path, unsigned flags, int version, char **error);

/* 1 if the database is (or a migration is making it) at least this schema version. */
int fl_store_schema_at_least(const fl_store *s, int version);

/* Schema 5's small integer codes for a few repeated labels (store_sql.c):
 * FL_LABEL_SOURCE_TYPE for an attribution's source type, FL_LABEL_TIME_TYPE
 * for a time's type. The code of a label (1...), 0 for one without. */
enum { FL_LABEL_SOURCE_TYPE = 1, FL_LABEL_TIME_TYPE = 2 };
int fl_store_label_code(int kind, const char *label);

/* Forgets the writer's remembered answers (after a rollback, a merge, or
 * another connection's commit). */
void fl_store_forget(fl_store *s);

/* Helpers shared by the store's files (store.c). Each sets the error on failure. */
int fl_store_exec(fl_store *s, const char *sql);
sqlite3_stmt *fl_store_prepare(fl_store *s, const char *sql);
int fl_store_step_done(fl_store *s, sqlite3_stmt *st); /* steps once, finalizes; 1 on success */
long long fl_store_lookup_id(fl_store *s, const char *sql, const char *a, const char *b); /* 0 none, -1 error */
int fl_store_org_canonical(fl_store *s, const char *key, fl_buffer *out);
long long fl_store_resolve_entity(fl_store *s, const char *type, const char *name);
/* 1 if an entity of this type and key may later be adopted by a full name
 * (a PER key of one word, a bare surname): what resolves to it is never
 * remembered, so an adoption forgets nothing (store_resolve.c). */
int fl_store_may_adopt(const char *type, const char *key);

/* What the questions share (store_query.c): binding text or NULL for an
 * empty one; the entity ids a name finds, into temp.wanted; a statement's
 * rows as a result section (at most `limit`, 0 for all), resetting it. */
void fl_store_bind_opt(sqlite3_stmt *st, int i, const char *v);
int fl_store_find_entities(fl_store *s, const char *name);
int fl_store_section(fl_store *s, fl_result *r, const char *name, sqlite3_stmt *st, unsigned limit);

/* The search question (store_search.c). */
fl_result *fl_store_query_search(fl_store *s, const fl_query *q, unsigned limit);

/* 1 if every word of the key `small` is a word of the key `big` (store_resolve.c). */
int fl_store_words_subset(const char *small, const char *big);

/* Schema 5 keeps no headline that is its text's first line: 1 if the
 * headline has no newline and the text is it, or it and a blank line (store_sql.c). */
int fl_store_headline_derivable(const char *headline, size_t headline_len, const char *text, size_t text_len);

/* Registers the SQL functions the schema and questions call (store_sql.c). */
void fl_store_register_functions(fl_store *s);

/* A figure's interval as SQL over columns prefixed p ("f." or ""): a missing bound is open
 * when the qualifier says so ("more than", "at least": no upper bound; "up
 * to", "less than": down to 0), else the value itself. Shared by the schema's
 * index on decreasing series and the questions that must match it. */
#define FL_FIGURE_HIGH(p) \
    "coalesce(" p "high, CASE WHEN " p "qualifier IN ('more_than', 'at_least') THEN 1e308 END, " p "value, 1e308)"
#define FL_FIGURE_LOW(p) "coalesce(" p "low, CASE WHEN " p "qualifier IN ('less_than', 'up_to') THEN 0 END, " p "value, -1e308)"

/* Widens [*start, *end) of text to the sentence(s) holding it, found by the
 * text layer on the span's paragraph (the span itself if it finds none):
 * the evidence both backends show. 1 done, 0 the span is not in the text,
 * -1 out of memory (store_sql.c). */
int fl_store_sentence_bounds(fl_store *s, const char *text, long long len, long long *start, long long *end);

/* 1 if figures of this category count a running total (store_query.c's table). */
int fl_store_is_cumulative(const char *category);

/* Result building (result.c). */
fl_result *fl_result_new(void);
int fl_result_add_section(fl_result *r, const char *name, sqlite3_stmt *stmt, unsigned limit);
/* A section filled by the caller: begin it, then add rows of typed cells
 * (a NULL text is a null cell). Each returns 0 when out of memory. */
int fl_result_begin_section(fl_result *r, const char *name, size_t columns, const char *const *names);
int fl_result_add_row(fl_result *r, const fl_cell_type *types, const char *const *texts);

#endif
