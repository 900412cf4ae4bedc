/*
 * store_sql.c — the functions the store's SQL calls: canonical keys
 * (fl_key, fl_source_key), evidence sentences (fl_sentence), the cumulative
 * categories (fl_cumulative), and schema 4's encodings (pack.c): fl_text
 * reads an article's stored body, fl_pack_text writes one, and the
 * aggregate fl_spans(start, end) packs a mention list; and schema 5's:
 * texts kept as their spans (fl_span_store, fl_span_text; quotes'
 * fl_quote_text, headlines' fl_head_store and fl_headline), labels kept as
 * codes (fl_label_code, fl_label), an article's entity ids packed
 * (fl_pack_ids, fl_ids_json, fl_ids_has). Registered on every
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
 * a zlib stream, TEXT is the text itself. The last one inflated is kept: a
 * page of answers asks for one article's text for several columns (schema 5
 * cuts stored texts from it), and comparing a body costs far less than
 * inflating it. */
/* The text of a stored body into *text, *len: a TEXT body as it is, a BLOB
 * inflated (kept: see above). 1, 0 for a damaged body, -1 out of memory. */
static int body_text(fl_store *w, sqlite3_value *v, const char **text, size_t *len)
{
    if (sqlite3_value_type(v) != SQLITE_BLOB) {
        *text = (const char *)sqlite3_value_text(v);
        *len = (size_t)sqlite3_value_bytes(v);
        return *text ? 1 : -1;
    }
    const void *body = sqlite3_value_blob(v);
    size_t n = (size_t)sqlite3_value_bytes(v);
    if (!(w->text_body.len == n && n && w->text_inflated.data && memcmp(w->text_body.data, body, n) == 0)) {
        fl_buffer_clear(&w->text_body);
        if (!fl_unpack_text(body, n, &w->text_inflated))
            return w->text_inflated.failed ? -1 : 0;
        if (!fl_buffer_append(&w->text_body, body, n))
            fl_buffer_clear(&w->text_body);
    }
    *text = w->text_inflated.data;
    *len = w->text_inflated.len;
    return 1;
}

static void sql_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    fl_store *w = sqlite3_user_data(ctx);
    if (w->adding_article) {
        /* SQLite computes virtual columns while inserting a row; nothing
         * checks or indexes this one, so the insert skips inflating. */
        sqlite3_result_null(ctx);
        return;
    }
    if (sqlite3_value_type(argv[0]) != SQLITE_BLOB) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    const char *text;
    size_t len;
    int got = body_text(w, argv[0], &text, &len);
    if (got > 0)
        sqlite3_result_text(ctx, text, (int)len, SQLITE_TRANSIENT);
    else if (got < 0)
        sqlite3_result_error_nomem(ctx);
    else
        sqlite3_result_error(ctx, "fl_text: a damaged article body", -1);
}

int fl_store_headline_derivable(const char *headline, size_t headline_len, const char *text, size_t text_len)
{
    return headline_len <= text_len && !memchr(headline, '\n', headline_len) &&
           memcmp(text, headline, headline_len) == 0 &&
           (headline_len == text_len ||
            (text_len - headline_len >= 2 && text[headline_len] == '\n' && text[headline_len + 1] == '\n'));
}

/* fl_head_store(headline, text): what schema 5 stores for a headline: NULL
 * when it is the text's first line (fl_store_headline_derivable), else it. */
static void sql_head_store(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *h = (const char *)sqlite3_value_text(argv[0]), *t = (const char *)sqlite3_value_text(argv[1]);
    if (h && t &&
        fl_store_headline_derivable(h, (size_t)sqlite3_value_bytes(argv[0]), t, (size_t)sqlite3_value_bytes(argv[1])))
        sqlite3_result_null(ctx);
    else
        sqlite3_result_value(ctx, argv[0]);
}

/* fl_quote_text(quote, article_id, start, end): a quote's words: the
 * stored ones, else its span's bytes in its article (schema 5 keeps only
 * the ones that differ: parts joined, or a text given). The article is read
 * by a statement of its own, as this runs inside whatever statement reads
 * quotes.text (the quote index's among them). */
static void sql_quote_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    fl_store *w = sqlite3_user_data(ctx);
    if (sqlite3_value_type(argv[0]) != SQLITE_NULL) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    if (w->adding_article || sqlite3_value_type(argv[2]) == SQLITE_NULL || sqlite3_value_type(argv[3]) == SQLITE_NULL) {
        sqlite3_result_null(ctx); /* as fl_text while inserting */
        return;
    }
    if (!w->quote_body &&
        sqlite3_prepare_v3(w->db, "SELECT body FROM articles WHERE id = ?", -1, SQLITE_PREPARE_PERSISTENT,
                           &w->quote_body, NULL) != SQLITE_OK) {
        sqlite3_result_error(ctx, sqlite3_errmsg(w->db), -1);
        return;
    }
    sqlite3_stmt *st = w->quote_body;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, sqlite3_value_int64(argv[1]));
    const char *text = NULL;
    size_t len = 0;
    int got = 0;
    if (sqlite3_step(st) == SQLITE_ROW)
        got = body_text(w, sqlite3_column_value(st, 0), &text, &len);
    long long a = sqlite3_value_int64(argv[2]), b = sqlite3_value_int64(argv[3]);
    if (got < 0)
        sqlite3_result_error_nomem(ctx);
    else if (got > 0 && a >= 0 && a <= b && (size_t)b <= len)
        sqlite3_result_text(ctx, text + a, (int)(b - a), SQLITE_TRANSIENT);
    else
        sqlite3_result_null(ctx);
    sqlite3_reset(st);
}

/* fl_headline(head, body): an article's headline: the stored one, else the
 * text up to its first blank line (the whole text when it has none). */
static void sql_headline(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    fl_store *w = sqlite3_user_data(ctx);
    if (sqlite3_value_type(argv[0]) != SQLITE_NULL) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    if (w->adding_article || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
        sqlite3_result_null(ctx); /* as fl_text while inserting */
        return;
    }
    const char *text;
    size_t len;
    int got = body_text(w, argv[1], &text, &len);
    if (got < 0) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (!got) {
        sqlite3_result_error(ctx, "fl_headline: a damaged article body", -1);
        return;
    }
    size_t n = 0;
    while (n + 1 < len && !(text[n] == '\n' && text[n + 1] == '\n'))
        n++;
    if (n + 1 >= len)
        n = len;
    sqlite3_result_text(ctx, text, (int)n, SQLITE_TRANSIENT);
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

/* fl_words_subset(small, big): 1 if every word of key small is in key big. */
static void sql_words_subset(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *small = (const char *)sqlite3_value_text(argv[0]), *big = (const char *)sqlite3_value_text(argv[1]);
    sqlite3_result_int(ctx, small && big && fl_store_words_subset(small, big));
}

/* ---- schema 5 ----------------------------------------------------------- */

/* Labels kept as small integers, by kind (FL_LABEL_...): code i + 1 is
 * labels[i]. Append only: codes are stored. */
static const char *const source_types[] = {"anonymous", "government", "media", "organisation", "person", "unknown"};
static const char *const time_types[] = {"DATE", "TIME", "DURATION", "SET"};

static const char *const *label_table(int kind, size_t *n)
{
    if (kind == FL_LABEL_SOURCE_TYPE) {
        *n = sizeof source_types / sizeof source_types[0];
        return source_types;
    }
    if (kind == FL_LABEL_TIME_TYPE) {
        *n = sizeof time_types / sizeof time_types[0];
        return time_types;
    }
    *n = 0;
    return NULL;
}

int fl_store_label_code(int kind, const char *label)
{
    size_t n;
    const char *const *t = label_table(kind, &n);
    for (size_t i = 0; label && i < n; i++)
        if (!strcmp(label, t[i]))
            return (int)i + 1;
    return 0;
}

/* fl_label_code(kind, text): the code of a label, anything else as it is. */
static void sql_label_code(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    int code = sqlite3_value_type(argv[1]) == SQLITE_TEXT
                   ? fl_store_label_code(sqlite3_value_int(argv[0]), (const char *)sqlite3_value_text(argv[1]))
                   : 0;
    if (code)
        sqlite3_result_int(ctx, code);
    else
        sqlite3_result_value(ctx, argv[1]);
}

/* fl_label(kind, stored): the label a code stands for, anything else as it is. */
static void sql_label(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    size_t n;
    const char *const *t = label_table(sqlite3_value_int(argv[0]), &n);
    long long code = sqlite3_value_int64(argv[1]);
    if (sqlite3_value_type(argv[1]) == SQLITE_INTEGER && code >= 1 && (size_t)code <= n)
        sqlite3_result_text(ctx, t[code - 1], -1, SQLITE_STATIC);
    else
        sqlite3_result_value(ctx, argv[1]);
}

/* The bytes [start, end) of text, if both are given and inside it. */
static int span_bytes(sqlite3_value **argv, const char **text, long long *start, long long *end)
{
    if (sqlite3_value_type(argv[1]) == SQLITE_NULL || sqlite3_value_type(argv[2]) == SQLITE_NULL ||
        sqlite3_value_type(argv[3]) == SQLITE_NULL)
        return 0;
    *text = (const char *)sqlite3_value_text(argv[1]);
    long long len = sqlite3_value_bytes(argv[1]);
    *start = sqlite3_value_int64(argv[2]);
    *end = sqlite3_value_int64(argv[3]);
    return *text && *start >= 0 && *start <= *end && *end <= len;
}

/* fl_span_store(value, text, start, end): what schema 5 stores for a text
 * with a span in the article: NULL when it is exactly the span's bytes, an
 * empty BLOB when there is no text but a span (so NULL keeps one meaning),
 * else the value. The writer does the same in C (store_add.c). */
static void sql_span_store(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    int has_span = sqlite3_value_type(argv[2]) != SQLITE_NULL && sqlite3_value_type(argv[3]) != SQLITE_NULL;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        if (has_span)
            sqlite3_result_zeroblob(ctx, 0);
        else
            sqlite3_result_null(ctx);
        return;
    }
    if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    const char *text, *value = (const char *)sqlite3_value_text(argv[0]);
    long long a, b, n = sqlite3_value_bytes(argv[0]);
    if (value && span_bytes(argv, &text, &a, &b) && b - a == n && memcmp(text + a, value, (size_t)n) == 0)
        sqlite3_result_null(ctx);
    else
        sqlite3_result_value(ctx, argv[0]);
}

/* fl_span_text(stored, text, start, end): a text fl_span_store kept. */
static void sql_span_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    int type = sqlite3_value_type(argv[0]);
    if (type == SQLITE_BLOB) {
        sqlite3_result_null(ctx);
        return;
    }
    if (type != SQLITE_NULL) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    const char *text;
    long long a, b;
    if (span_bytes(argv, &text, &a, &b))
        sqlite3_result_text(ctx, text + a, (int)(b - a), SQLITE_TRANSIENT);
    else
        sqlite3_result_null(ctx);
}

/* fl_pack_ids(entity_id): aggregate packing a group's ids (pack.h). */
typedef struct id_list {
    long long *v;
    size_t n, cap;
    int failed;
} id_list;

static void ids_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    id_list *l = sqlite3_aggregate_context(ctx, sizeof *l);
    if (!l || l->failed)
        return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        long long *v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            l->failed = 1;
            return;
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = sqlite3_value_int64(argv[0]);
}

static void ids_final(sqlite3_context *ctx)
{
    id_list *l = sqlite3_aggregate_context(ctx, 0);
    if (!l) {
        sqlite3_result_blob(ctx, "", 0, SQLITE_STATIC);
        return;
    }
    fl_buffer b;
    fl_buffer_init(&b);
    if (!l->failed)
        fl_pack_ids(l->v, l->n, &b);
    if (l->failed || b.failed)
        sqlite3_result_error_nomem(ctx);
    else
        sqlite3_result_blob(ctx, b.len ? b.data : "", (int)b.len, SQLITE_TRANSIENT);
    fl_buffer_release(&b);
    free(l->v);
}

/* fl_ids_has(ids, id): 1 when the packed id list holds id. The list is
 * sorted, so the walk stops at the first larger id; an article names a few
 * dozen entities, so this is cheaper than an index seek per match (search's
 * entity filter, store_search.c). */
static void sql_ids_has(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *p = sqlite3_value_blob(argv[0]);
    const unsigned char *end = p ? p + sqlite3_value_bytes(argv[0]) : NULL; /* NULL for an empty list */
    long long want = sqlite3_value_int64(argv[1]), id = 0;
    int found = 0;
    while (p && fl_unpack_id(&p, end, &id) && id <= want)
        if (id == want) {
            found = 1;
            break;
        }
    sqlite3_result_int(ctx, found);
}

/* fl_ids_json(ids): a packed id list as a JSON array, for json_each. */
static void sql_ids_json(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *p = sqlite3_value_blob(argv[0]);
    const unsigned char *end = p ? p + sqlite3_value_bytes(argv[0]) : NULL; /* NULL for an empty list */
    fl_buffer b;
    fl_buffer_init(&b);
    fl_buffer_append_char(&b, '[');
    long long id = 0;
    while (p && fl_unpack_id(&p, end, &id)) {
        /* Digits by hand: printf per id was a sixth of the entity question. */
        char digits[24];
        size_t n = 0;
        unsigned long long u = id < 0 ? 0ULL - (unsigned long long)id : (unsigned long long)id;
        do
            digits[sizeof digits - 1 - n++] = (char)('0' + u % 10);
        while ((u /= 10) != 0);
        if (id < 0)
            digits[sizeof digits - 1 - n++] = '-';
        if (b.len > 1)
            fl_buffer_append_char(&b, ',');
        fl_buffer_append(&b, digits + sizeof digits - n, n);
    }
    fl_buffer_append_char(&b, ']');
    if (b.failed)
        sqlite3_result_error_nomem(ctx);
    else
        sqlite3_result_text(ctx, b.data, (int)b.len, SQLITE_TRANSIENT);
    fl_buffer_release(&b);
}

/* fl_day(date): what schema 5 stores for a date in mentions: its day
 * number (pack.h) when it is YYYY-MM-DD, else the value as it is. */
static void sql_day(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    long long day = -1;
    if (sqlite3_value_type(argv[0]) == SQLITE_TEXT) {
        const char *t = (const char *)sqlite3_value_text(argv[0]);
        day = t ? fl_day_code(t, (size_t)sqlite3_value_bytes(argv[0])) : -1;
    }
    if (day >= 0)
        sqlite3_result_int64(ctx, day);
    else
        sqlite3_result_value(ctx, argv[0]);
}

/* fl_day_date(stored): the date a day number stands for, anything else as it is. */
static void sql_day_date(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    long long day = sqlite3_value_int64(argv[0]);
    if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER && day >= 0 && day < FL_DAY_END) {
        char t[11];
        fl_day_text(day, t);
        sqlite3_result_text(ctx, t, 10, SQLITE_TRANSIENT);
    } else
        sqlite3_result_value(ctx, argv[0]);
}

/* fl_day_from(bound) / fl_day_to(bound): a user's date bound (any text) as
 * the day number that keeps `stored >= bound` / `stored <= bound` what it
 * was for the dates' texts (pack.h, fl_day_bound); NULL stays NULL. */
static void day_bound(sqlite3_context *ctx, sqlite3_value **argv, int upper)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
        return;
    const char *t = (const char *)sqlite3_value_text(argv[0]);
    if (!t) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_int64(ctx, fl_day_bound(t, (size_t)sqlite3_value_bytes(argv[0]), upper));
}
static void sql_day_from(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    day_bound(ctx, argv, 0);
}
static void sql_day_to(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    day_bound(ctx, argv, 1);
}

/* fl_hash_key(hex): what schema 5 stores for a content hash: the 64-bit
 * integer that 16 lower-case hex digits (store_add.c's form) spell, bit
 * for bit; anything else as it is (it then matches no stored hash). */
static void sql_hash_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *t = sqlite3_value_type(argv[0]) == SQLITE_TEXT ? sqlite3_value_text(argv[0]) : NULL;
    int ok = t && sqlite3_value_bytes(argv[0]) == 16;
    sqlite3_uint64 h = 0;
    for (int i = 0; ok && i < 16; i++) {
        int c = t[i], d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        ok = d >= 0;
        h = h << 4 | (sqlite3_uint64)(d & 15);
    }
    if (ok)
        sqlite3_result_int64(ctx, (sqlite3_int64)h);
    else
        sqlite3_result_value(ctx, argv[0]);
}

/* fl_hash_hex(stored): a stored integer hash as its 16 hex digits. */
static void sql_hash_hex(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) != SQLITE_INTEGER) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    char hex[17];
    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)(sqlite3_uint64)sqlite3_value_int64(argv[0]));
    sqlite3_result_text(ctx, hex, 16, SQLITE_TRANSIENT);
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
    sqlite3_create_function(s->db, "fl_quote_text", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, s,
                            sql_quote_text, NULL, NULL);
    sqlite3_create_function(s->db, "fl_headline", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, s,
                            sql_headline, NULL, NULL);
    sqlite3_create_function(s->db, "fl_pack_text", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, s, sql_pack_text, NULL, NULL);
    sqlite3_create_function(s->db, "fl_spans", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, NULL, spans_step,
                            spans_final);
    sqlite3_create_function(s->db, "fl_words_subset", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_words_subset,
                            NULL, NULL);
    static const struct {
        const char *name;
        int args;
        void (*fn)(sqlite3_context *, int, sqlite3_value **);
    } v5[] = {{"fl_head_store", 2, sql_head_store}, {"fl_label_code", 2, sql_label_code}, {"fl_label", 2, sql_label},     {"fl_span_store", 4, sql_span_store},
              {"fl_span_text", 4, sql_span_text},   {"fl_ids_json", 1, sql_ids_json},
              {"fl_ids_has", 2, sql_ids_has}, {"fl_day", 1, sql_day}, {"fl_day_date", 1, sql_day_date},
              {"fl_day_from", 1, sql_day_from}, {"fl_day_to", 1, sql_day_to}, {"fl_hash_key", 1, sql_hash_key},
              {"fl_hash_hex", 1, sql_hash_hex}};
    for (size_t i = 0; i < sizeof v5 / sizeof v5[0]; i++)
        sqlite3_create_function(s->db, v5[i].name, v5[i].args, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, v5[i].fn,
                                NULL, NULL);
    sqlite3_create_function(s->db, "fl_pack_ids", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, NULL, ids_step,
                            ids_final);
}
