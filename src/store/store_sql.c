/*
 * store_sql.c — the functions the store's SQL calls: canonical keys
 * (fl_key, fl_source_key), evidence sentences (fl_sentence), the cumulative
 * categories (fl_cumulative), and schema 4's encodings (pack.c): fl_text
 * reads an article's stored body, fl_pack_text writes one, and the
 * aggregate fl_spans(start, end) packs a mention list. Registered on every
 * connection the store opens; a database read by another program needs its
 * own fl_text (Python: zlib.decompress on a BLOB, the value itself on TEXT).
 * Not for: the schema (store.c) or questions (store_query.c).
 */
#include <stdlib.h>
#include <string.h>

#include "store/canon.h"
#include "store/pack.h"
#include "store/store_internal.h"

static void sql_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *type = (const char *)sqlite3_value_text(argv[0]);
    const char *text = (const char *)sqlite3_value_text(argv[1]);
    if (!type || !text) {
        sqlite3_result_null(ctx);
        return;
    }
    fl_buffer b;
    fl_buffer_init(&b);
    size_t n = fl_canon_key(type, text, (size_t)sqlite3_value_bytes(argv[1]), &b);
    if (n)
        sqlite3_result_text(ctx, b.data, (int)n, SQLITE_TRANSIENT);
    else
        sqlite3_result_null(ctx);
    fl_buffer_release(&b);
}


/* fl_source_key(text): the canonical key of a source, joined through org_keys. */
static void sql_source_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    fl_store *s = sqlite3_user_data(ctx);
    const char *text = (const char *)sqlite3_value_text(argv[0]);
    if (!text) {
        sqlite3_result_null(ctx);
        return;
    }
    fl_buffer key, canon;
    fl_buffer_init(&key);
    fl_buffer_init(&canon);
    if (fl_canon_key("SOURCE", text, (size_t)sqlite3_value_bytes(argv[0]), &key) &&
        fl_store_org_canonical(s, key.data, &canon))
        sqlite3_result_text(ctx, canon.data, (int)canon.len, SQLITE_TRANSIENT);
    else
        sqlite3_result_null(ctx);
    fl_buffer_release(&key);
    fl_buffer_release(&canon);
}

int fl_store_sentence_bounds(fl_store *s, const char *text, long long len, long long *start, long long *end)
{
    if (*start < 0 || *end < *start || *end > len)
        return 0;
    long long p0 = *start, p1 = *end;
    while (p0 > 0 && text[p0 - 1] != '\n')
        p0--;
    while (p1 < len && text[p1] != '\n')
        p1++;
    if (!s->doc && !(s->doc = fl_doc_new()))
        return -1;
    long long a = *start, b = *end;
    if (fl_doc_analyze_text(s->doc, text + p0, (size_t)(p1 - p0)) == FL_OK) {
        const fl_sentence *sent = fl_doc_sentences(s->doc);
        for (size_t i = 0; i < fl_doc_sentence_count(s->doc); i++) {
            long long ss = p0 + sent[i].start, se = p0 + sent[i].end;
            if (se > *start && ss < *end) {
                if (ss < a)
                    a = ss;
                if (se > b)
                    b = se;
            }
        }
    }
    *start = a;
    *end = b;
    return 1;
}

/* fl_sentence(text, start, end): the sentence(s) of `text` that contain the
 * byte span [start, end) (fl_store_sentence_bounds). Evidence for a reader. */
static void sql_sentence(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    fl_store *s = sqlite3_user_data(ctx);
    const char *text = (const char *)sqlite3_value_blob(argv[0]);
    long long len = sqlite3_value_bytes(argv[0]);
    long long a = sqlite3_value_int64(argv[1]), b = sqlite3_value_int64(argv[2]);
    int found = text && sqlite3_value_type(argv[1]) != SQLITE_NULL ? fl_store_sentence_bounds(s, text, len, &a, &b) : 0;
    if (found < 0)
        sqlite3_result_error_nomem(ctx);
    else if (!found)
        sqlite3_result_null(ctx);
    else
        sqlite3_result_text(ctx, text + a, (int)(b - a), SQLITE_TRANSIENT);
}

/* fl_cumulative(category): 1 if the category counts a running total. */
static void sql_cumulative(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    sqlite3_result_int(ctx, fl_store_is_cumulative((const char *)sqlite3_value_text(argv[0])));
}

/* fl_text(body): an article's text from its stored body (pack.h): a BLOB is
 * a zlib stream, TEXT is the text itself. */
static void sql_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const fl_store *s = sqlite3_user_data(ctx);
    if (s->adding_article) {
        /* SQLite computes virtual columns while inserting a row; nothing
         * checks or indexes this one, so the insert skips inflating. */
        sqlite3_result_null(ctx);
        return;
    }
    if (sqlite3_value_type(argv[0]) != SQLITE_BLOB) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    fl_buffer b;
    fl_buffer_init(&b);
    if (fl_unpack_text(sqlite3_value_blob(argv[0]), (size_t)sqlite3_value_bytes(argv[0]), &b))
        sqlite3_result_text(ctx, b.data, (int)b.len, free);
    else if (b.failed)
        sqlite3_result_error_nomem(ctx), fl_buffer_release(&b);
    else
        sqlite3_result_error(ctx, "fl_text: a damaged article body", -1), fl_buffer_release(&b);
}

/* fl_pack_text(text): the body to store for a text. */
static void sql_pack_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *text = (const char *)sqlite3_value_text(argv[0]);
    if (!text) {
        sqlite3_result_null(ctx);
        return;
    }
    fl_buffer b;
    fl_buffer_init(&b);
    fl_store *s = sqlite3_user_data(ctx);
    int packed = fl_pack_text(&s->packer, text, (size_t)sqlite3_value_bytes(argv[0]), &b);
    if (packed > 0)
        sqlite3_result_blob(ctx, b.data, (int)b.len, SQLITE_TRANSIENT);
    else if (packed == 0)
        sqlite3_result_value(ctx, argv[0]);
    else
        sqlite3_result_error_nomem(ctx);
    fl_buffer_release(&b);
}

/* fl_spans(start, end): aggregate packing a group's spans, sorted by start;
 * a repeated start keeps its first end (schema 3's key was the start). */
typedef struct span_list {
    fl_span_pair *v;
    size_t n, cap;
    int failed;
} span_list;

static void spans_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    span_list *l = sqlite3_aggregate_context(ctx, sizeof *l);
    if (!l || l->failed)
        return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        fl_span_pair *v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            l->failed = 1;
            return;
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = (fl_span_pair){sqlite3_value_int64(argv[0]), sqlite3_value_int64(argv[1])};
}

static int span_order(const void *a, const void *b)
{
    const fl_span_pair *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static void spans_final(sqlite3_context *ctx)
{
    span_list *l = sqlite3_aggregate_context(ctx, 0);
    if (!l) { /* no rows */
        sqlite3_result_blob(ctx, "", 0, SQLITE_STATIC);
        return;
    }
    if (l->failed) {
        free(l->v);
        sqlite3_result_error_nomem(ctx);
        return;
    }
    /* Rows arrive in start order (schema 3's key); sort anyway, stably
     * enough: equal starts are dropped after the first. */
    qsort(l->v, l->n, sizeof *l->v, span_order);
    size_t k = 0;
    for (size_t i = 0; i < l->n; i++)
        if (k == 0 || l->v[i].start != l->v[k - 1].start)
            l->v[k++] = l->v[i];
    fl_buffer b;
    fl_buffer_init(&b);
    fl_pack_spans(l->v, k, &b);
    if (b.failed)
        sqlite3_result_error_nomem(ctx);
    else
        sqlite3_result_blob(ctx, b.len ? b.data : "", (int)b.len, SQLITE_TRANSIENT);
    fl_buffer_release(&b);
    free(l->v);
}

void fl_store_register_functions(fl_store *s)
{
    sqlite3_create_function(s->db, "fl_key", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_key, NULL, NULL);
    sqlite3_create_function(s->db, "fl_source_key", 1, SQLITE_UTF8, s, sql_source_key, NULL, NULL);
    sqlite3_create_function(s->db, "fl_sentence", 3, SQLITE_UTF8, s, sql_sentence, NULL, NULL);
    sqlite3_create_function(s->db, "fl_cumulative", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_cumulative, NULL,
                            NULL);
    sqlite3_create_function(s->db, "fl_text", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, s, sql_text,
                            NULL, NULL);
    sqlite3_create_function(s->db, "fl_pack_text", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, s, sql_pack_text, NULL, NULL);
    sqlite3_create_function(s->db, "fl_spans", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, NULL, spans_step,
                            spans_final);
}
