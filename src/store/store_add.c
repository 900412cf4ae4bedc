/*
 * store_add.c — adding one extracted article (a `factline extract --text`
 * object) with all its facts, inside the current batch transaction.
 *
 * The fact arrays follow docs/schema.md. Spans are read as [start, end]
 * pairs or as objects with "start"/"end" (or a "span" pair), and people and
 * sources as strings or objects with "text"/"name", so the store keeps
 * working while a layer's schema grows. Not for: opening or migrations
 * (store.c), questions (store_query.c).
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "store/canon.h"
#include "store/pg_internal.h"
#include "store/store_internal.h"
#include "util/hash.h"

static const char *jstr(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* A span from [s, e], {"start":..,"end":..} or {"span":[s, e]}. */
static int jspan(json_t *v, long long *start, long long *end)
{
    if (json_is_object(v) && json_object_get(v, "span"))
        v = json_object_get(v, "span");
    if (json_is_array(v) && json_array_size(v) >= 2 && json_is_integer(json_array_get(v, 0))) {
        *start = json_integer_value(json_array_get(v, 0));
        *end = json_integer_value(json_array_get(v, 1));
        return 1;
    }
    if (json_is_object(v) && json_is_integer(json_object_get(v, "start"))) {
        *start = json_integer_value(json_object_get(v, "start"));
        *end = json_integer_value(json_object_get(v, "end"));
        return 1;
    }
    return 0;
}

/* The span under the first of the keys that holds one. */
static int jspan_of(json_t *o, const char *k1, const char *k2, long long *start, long long *end)
{
    return (k1 && jspan(json_object_get(o, k1), start, end)) || (k2 && jspan(json_object_get(o, k2), start, end));
}

/* A name from a string or an object's "name" or "text". */
static const char *jname(json_t *v)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_object(v)) {
        const char *n = jstr(v, "name");
        return n ? n : jstr(v, "text");
    }
    return NULL;
}

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *t)
{
    if (t)
        sqlite3_bind_text(st, i, t, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static void bind_span(sqlite3_stmt *st, int i, json_t *v)
{
    long long a, b;
    if (jspan(v, &a, &b)) {
        sqlite3_bind_int64(st, i, a);
        sqlite3_bind_int64(st, i + 1, b);
    } else {
        sqlite3_bind_null(st, i);
        sqlite3_bind_null(st, i + 1);
    }
}

static void bind_number(sqlite3_stmt *st, int i, json_t *v)
{
    if (json_is_number(v))
        sqlite3_bind_double(st, i, json_number_value(v));
    else
        sqlite3_bind_null(st, i);
}

/* Names of this article's entities, to link speakers and sources to them. */
typedef struct local_entity {
    const char *name;
    json_t *aliases;
    long long id;
} local_entity;

static long long local_lookup(const local_entity *ents, size_t n, const char *name)
{
    if (!name)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (!ents[i].name)
            continue;
        if (!strcasecmp(ents[i].name, name))
            return ents[i].id;
        size_t k;
        json_t *a;
        json_array_foreach(ents[i].aliases, k, a) {
            if (json_is_string(a) && !strcasecmp(json_string_value(a), name))
                return ents[i].id;
        }
    }
    return 0;
}

static int add_entities(fl_store *s, long long article, const char *date, json_t *arr, local_entity *ents,
                        size_t *count, size_t cap)
{
    size_t i;
    json_t *e;
    json_array_foreach(arr, i, e) {
        const char *name = jstr(e, "name");
        const char *type = jstr(e, "type");
        if (!name || !type)
            continue;
        long long id = fl_store_resolve_entity(s, type, name);
        if (id < 0)
            return 0;
        if (id == 0)
            continue;
        if (i < cap) {
            ents[i] = (local_entity){name, json_object_get(e, "aliases"), id};
            if (i + 1 > *count)
                *count = i + 1;
        }
        sqlite3_stmt *st = fl_store_prepare(s, "INSERT OR IGNORE INTO entity_aliases(entity_id, alias) VALUES(?, ?)");
        if (!st)
            return 0;
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
        if (!fl_store_step_done(s, st))
            return 0;
        size_t k;
        json_t *a;
        json_array_foreach(json_object_get(e, "aliases"), k, a) {
            if (!json_is_string(a))
                continue;
            st = fl_store_prepare(s, "INSERT OR IGNORE INTO entity_aliases(entity_id, alias) VALUES(?, ?)");
            if (!st)
                return 0;
            sqlite3_bind_int64(st, 1, id);
            sqlite3_bind_text(st, 2, json_string_value(a), -1, SQLITE_STATIC);
            if (!fl_store_step_done(s, st))
                return 0;
        }
        json_t *m;
        json_array_foreach(json_object_get(e, "mentions"), k, m) {
            long long a0, b0;
            if (!jspan(m, &a0, &b0))
                continue;
            st = fl_store_prepare(s, "INSERT OR IGNORE INTO mentions(article_id, entity_id, start, end, date) VALUES(?, ?, ?, ?, ?)");
            if (!st)
                return 0;
            sqlite3_bind_int64(st, 1, article);
            sqlite3_bind_int64(st, 2, id);
            sqlite3_bind_int64(st, 3, a0);
            sqlite3_bind_int64(st, 4, b0);
            sqlite3_bind_text(st, 5, date, -1, SQLITE_STATIC);
            if (!fl_store_step_done(s, st))
                return 0;
        }
    }
    return 1;
}

/* Speaker or source: the linked entity from the article's entities, else a
 * canonical PER/ORG entity found by name (never created here). */
static long long link_person(fl_store *s, const local_entity *ents, size_t n, json_t *who)
{
    json_t *idx = json_is_object(who) ? json_object_get(who, "entity") : NULL;
    if (json_is_integer(idx) && json_integer_value(idx) >= 0 && (size_t)json_integer_value(idx) < n &&
        ents[json_integer_value(idx)].id)
        return ents[json_integer_value(idx)].id;
    const char *name = jname(who);
    long long id = local_lookup(ents, n, name);
    if (id || !name)
        return id;
    if (!fl_canon_key("PER", name, strlen(name), &s->key))
        return 0;
    id = fl_store_lookup_id(s, "SELECT id FROM entities WHERE type='PER' AND key=?", s->key.data, NULL);
    return id > 0 ? id : 0;
}

/* A quote's words: its "text", else its parts (or span) cut from the
 * article text, parts joined by " … ". */
static void quote_text(json_t *q, const char *text, size_t text_len, fl_buffer *out)
{
    fl_buffer_clear(out);
    const char *t = jstr(q, "text");
    if (t) {
        fl_buffer_append_str(out, t);
        return;
    }
    json_t *parts = json_object_get(q, "parts");
    size_t i;
    json_t *p;
    long long a, b;
    if (json_is_array(parts) && json_array_size(parts)) {
        json_array_foreach(parts, i, p) {
            if (!jspan(p, &a, &b) || a < 0 || b < a || (size_t)b > text_len)
                continue;
            if (out->len)
                fl_buffer_append_str(out, " \xE2\x80\xA6 ");
            fl_buffer_append(out, text + a, (size_t)(b - a));
        }
    } else if (jspan(q, &a, &b) && a >= 0 && b >= a && (size_t)b <= text_len) {
        fl_buffer_append(out, text + a, (size_t)(b - a));
    }
}

static int add_quotes(fl_store *s, long long article, const char *date, json_t *arr, const local_entity *ents,
                      size_t n, const char *text, size_t text_len)
{
    size_t i;
    json_t *q;
    fl_buffer words;
    fl_buffer_init(&words);
    int ok = 1;
    json_array_foreach(arr, i, q) {
        quote_text(q, text, text_len, &words);
        if (!words.len)
            continue;
        json_t *sp = json_object_get(q, "speaker");
        const char *speaker = jname(sp);
        sqlite3_stmt *st = fl_store_prepare(
            s, "INSERT INTO quotes(article_id, start, end, text, kind, speaker, speaker_entity_id, speaker_start,"
               " speaker_end, cue, date) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!st) {
            ok = 0;
            break;
        }
        sqlite3_bind_int64(st, 1, article);
        bind_span(st, 2, q);
        sqlite3_bind_text(st, 4, words.data, (int)words.len, SQLITE_STATIC);
        const char *kind = jstr(q, "kind");
        bind_text_or_null(st, 5, kind ? kind : jstr(q, "type"));
        bind_text_or_null(st, 6, speaker);
        long long sid = link_person(s, ents, n, sp);
        if (sid)
            sqlite3_bind_int64(st, 7, sid);
        long long a, b;
        if (json_is_object(sp) && jspan_of(sp, "mention_span", "name_span", &a, &b)) {
            sqlite3_bind_int64(st, 8, a);
            sqlite3_bind_int64(st, 9, b);
        } else {
            bind_span(st, 8, sp);
        }
        json_t *cue = json_object_get(q, "cue");
        if (!cue && json_is_object(sp))
            cue = json_object_get(sp, "cue");
        bind_text_or_null(st, 10, jname(cue));
        sqlite3_bind_text(st, 11, date, -1, SQLITE_STATIC);
        if (!fl_store_step_done(s, st)) {
            ok = 0;
            break;
        }
        st = fl_store_prepare(s, "INSERT INTO quotes_fts(rowid, text) VALUES(last_insert_rowid(), ?)");
        if (!st) {
            ok = 0;
            break;
        }
        sqlite3_bind_text(st, 1, words.data, (int)words.len, SQLITE_STATIC);
        if (!fl_store_step_done(s, st)) {
            ok = 0;
            break;
        }
    }
    fl_buffer_release(&words);
    return ok;
}

/* The canonical key of a source text, through org_keys. NULL if none. */
static const char *source_key(fl_store *s, const char *text)
{
    if (!text || !fl_canon_key("SOURCE", text, strlen(text), &s->key))
        return NULL;
    if (!fl_store_org_canonical(s, s->key.data, &s->key2))
        return NULL;
    return s->key2.data;
}

static int add_attributions(fl_store *s, long long article, const char *date, json_t *arr, const local_entity *ents,
                            size_t n)
{
    size_t i;
    json_t *a;
    json_array_foreach(arr, i, a) {
        json_t *src = json_object_get(a, "source");
        const char *source = jname(src);
        long long sid = link_person(s, ents, n, src);
        const char *key = source_key(s, source);
        sqlite3_stmt *st = fl_store_prepare(
            s, "INSERT INTO attributions(article_id, source, source_key, source_entity_id, source_type, anonymous,"
               " source_start, source_end, cue, cue_start, cue_end, content_start, content_end, date)"
               " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!st)
            return 0;
        sqlite3_bind_int64(st, 1, article);
        bind_text_or_null(st, 2, source);
        if (key)
            sqlite3_bind_text(st, 3, key, -1, SQLITE_TRANSIENT);
        if (sid)
            sqlite3_bind_int64(st, 4, sid);
        const char *type = jstr(a, "source_type");
        if (!type && json_is_object(src))
            type = jstr(src, "type");
        bind_text_or_null(st, 5, type);
        json_t *anon = json_object_get(a, "anonymous");
        if (!anon && json_is_object(src))
            anon = json_object_get(src, "anonymous");
        if (json_is_boolean(anon))
            sqlite3_bind_int(st, 6, json_is_true(anon));
        long long x, y;
        if (json_is_object(src) && jspan_of(src, "mention_span", "name_span", &x, &y)) {
            sqlite3_bind_int64(st, 7, x);
            sqlite3_bind_int64(st, 8, y);
        } else {
            bind_span(st, 7, src);
        }
        json_t *cue = json_object_get(a, "cue");
        bind_text_or_null(st, 9, jname(cue));
        if (jspan_of(a, "cue_span", NULL, &x, &y)) {
            sqlite3_bind_int64(st, 10, x);
            sqlite3_bind_int64(st, 11, y);
        } else {
            bind_span(st, 10, cue);
        }
        if (jspan_of(a, "content_span", "content", &x, &y)) {
            sqlite3_bind_int64(st, 12, x);
            sqlite3_bind_int64(st, 13, y);
        }
        sqlite3_bind_text(st, 14, date, -1, SQLITE_STATIC);
        if (!fl_store_step_done(s, st))
            return 0;
    }
    return 1;
}

static int add_figures(fl_store *s, long long article, const char *article_date, json_t *arr)
{
    size_t i;
    json_t *f;
    json_array_foreach(arr, i, f) {
        sqlite3_stmt *st = fl_store_prepare(
            s, "INSERT INTO figures(article_id, start, end, text, value, low, high, qualifier, category, subject,"
               " source, date, place, subject_key, place_key, source_key)"
               " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, fl_key('MISC', ?10), fl_key('LOC', ?13), ?14)");
        if (!st)
            return 0;
        const char *source = jname(json_object_get(f, "source"));
        const char *key = source_key(s, source);
        const char *date = jstr(f, "date");
        sqlite3_bind_int64(st, 1, article);
        bind_span(st, 2, f);
        bind_text_or_null(st, 4, jstr(f, "text"));
        bind_number(st, 5, json_object_get(f, "value"));
        bind_number(st, 6, json_object_get(f, "low"));
        bind_number(st, 7, json_object_get(f, "high"));
        bind_text_or_null(st, 8, jstr(f, "qualifier"));
        bind_text_or_null(st, 9, jstr(f, "category"));
        bind_text_or_null(st, 10, jname(json_object_get(f, "subject")));
        bind_text_or_null(st, 11, source);
        bind_text_or_null(st, 12, date && strlen(date) >= 10 ? date : article_date);
        bind_text_or_null(st, 13, jname(json_object_get(f, "place")));
        if (key)
            sqlite3_bind_text(st, 14, key, -1, SQLITE_TRANSIENT);
        if (!fl_store_step_done(s, st))
            return 0;
    }
    return 1;
}

static int add_times(fl_store *s, long long article, json_t *arr)
{
    size_t i;
    json_t *t;
    json_array_foreach(arr, i, t) {
        sqlite3_stmt *st =
            fl_store_prepare(s, "INSERT INTO times(article_id, start, end, text, type, value) VALUES(?, ?, ?, ?, ?, ?)");
        if (!st)
            return 0;
        sqlite3_bind_int64(st, 1, article);
        bind_span(st, 2, t);
        bind_text_or_null(st, 4, jstr(t, "text"));
        bind_text_or_null(st, 5, jstr(t, "type"));
        bind_text_or_null(st, 6, jstr(t, "value"));
        if (!fl_store_step_done(s, st))
            return 0;
    }
    return 1;
}

static fl_status db_failed(fl_store *s)
{
    char why[1024];
    snprintf(why, sizeof why, "%s", s->error);
    if (s->in_txn)
        fl_store_exec(s, "ROLLBACK");
    s->in_txn = 0;
    s->in_batch = 0;
    fl_store_set_error(s, "database error (the current batch was rolled back; committed articles are kept): %.900s", why);
    return FL_ERR_IO;
}

fl_status fl_store_add(fl_store *s, const char *json, size_t len, int *added)
{
    if (s->pg) return fl_pg_add(s, json, len, added);
    *added = 0;
    if (s->flags & FL_STORE_READONLY) {
        fl_store_set_error(s, "the database is open read-only");
        return FL_ERR_USAGE;
    }
    json_error_t jerr;
    json_t *o = json_loadb(json, len, 0, &jerr);
    if (!json_is_object(o)) {
        fl_store_set_error(s, "not an extract object: %s", o ? "not an object" : jerr.text);
        json_decref(o);
        return FL_ERR_FORMAT;
    }
    const char *date = jstr(o, "date"), *text = jstr(o, "text"), *headline = jstr(o, "headline");
    if (!date || !text || !headline) {
        fl_store_set_error(s, "an extract object needs \"date\", \"headline\" and \"text\" (factline extract --text)");
        json_decref(o);
        return FL_ERR_FORMAT;
    }
    char hash[17];
    size_t text_len = json_string_length(json_object_get(o, "text"));
    uint64_t h = fl_hash64(fl_hash64(FL_HASH_SEED, date, strlen(date)), text, text_len);
    snprintf(hash, sizeof hash, "%016llx", (unsigned long long)h);
    if (!s->in_txn) {
        if (!fl_store_exec(s, "BEGIN IMMEDIATE")) {
            json_decref(o);
            return db_failed(s);
        }
        s->in_txn = 1;
    }
    sqlite3_stmt *st = fl_store_prepare(
        s, "INSERT OR IGNORE INTO articles(hash, ext_id, date, headline, source, url, text) VALUES(?, ?, ?, ?, ?, ?, ?)");
    if (!st) {
        json_decref(o);
        return db_failed(s);
    }
    sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
    const char *ext = jstr(o, "id");
    bind_text_or_null(st, 2, ext && strcmp(ext, hash) ? ext : NULL);
    sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, headline, -1, SQLITE_STATIC);
    bind_text_or_null(st, 5, jstr(o, "source"));
    bind_text_or_null(st, 6, jstr(o, "url"));
    sqlite3_bind_text(st, 7, text, (int)text_len, SQLITE_STATIC);
    if (!fl_store_step_done(s, st)) {
        json_decref(o);
        return db_failed(s);
    }
    if (sqlite3_changes(s->db) == 0) {
        json_decref(o);
        return FL_OK; /* already stored */
    }
    long long article = sqlite3_last_insert_rowid(s->db);
    local_entity ents[512];
    memset(ents, 0, sizeof ents);
    size_t n = 0;
    st = fl_store_prepare(s, "INSERT INTO articles_fts(rowid, headline, text) VALUES(?, ?, ?)");
    int ok = st != NULL;
    if (ok) {
        sqlite3_bind_int64(st, 1, article);
        sqlite3_bind_text(st, 2, headline, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, text, (int)text_len, SQLITE_STATIC);
        ok = fl_store_step_done(s, st);
    }
    ok = ok && add_entities(s, article, date, json_object_get(o, "entities"), ents, &n, sizeof ents / sizeof ents[0]);
    ok = ok && add_quotes(s, article, date, json_object_get(o, "quotes"), ents, n, text, text_len);
    ok = ok && add_attributions(s, article, date, json_object_get(o, "attributions"), ents, n);
    ok = ok && add_figures(s, article, date, json_object_get(o, "figures"));
    ok = ok && add_times(s, article, json_object_get(o, "times"));
    json_decref(o);
    if (!ok)
        return db_failed(s);
    *added = 1;
    if (++s->in_batch >= s->batch)
        return fl_store_commit(s);
    return FL_OK;
}
