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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/canon.h"
#include "store/pg_internal.h"
#include "store/jdoc.h"
#include "store/pack.h"
#include "store/store_internal.h"
#include "util/hash.h"

static int jd_is_obj(const jd_value *v) { return jd_is(v, JD_OBJECT); }

/* The elements of an array (none for anything else), with their index. */
static jd_value *jd_elements(const jd_value *v) { return jd_is(v, JD_ARRAY) ? v->u.first : NULL; }
#define JD_EACH(arr, i, v) for ((i) = 0, (v) = jd_elements(arr); (v); (v) = (v)->next, (i)++)

static const char *jstr(const jd_value *o, const char *key) { return jd_string(jd_get(o, key)); }

static long long jint(const jd_value *v) { return jd_is(v, JD_INT) ? v->u.i : 0; }

/* A span from [s, e], {"start":..,"end":..} or {"span":[s, e]}. */
static int jspan(const jd_value *v, long long *start, long long *end)
{
    if (jd_is(v, JD_OBJECT) && jd_get(v, "span"))
        v = jd_get(v, "span");
    if (jd_is(v, JD_ARRAY) && v->len >= 2 && jd_is(v->u.first, JD_INT)) {
        *start = v->u.first->u.i;
        *end = jint(v->u.first->next);
        return 1;
    }
    if (jd_is(v, JD_OBJECT) && jd_is(jd_get(v, "start"), JD_INT)) {
        *start = jd_get(v, "start")->u.i;
        *end = jint(jd_get(v, "end"));
        return 1;
    }
    return 0;
}

/* The span under the first of the keys that holds one. */
static int jspan_of(const jd_value *o, const char *k1, const char *k2, long long *start, long long *end)
{
    return (k1 && jspan(jd_get(o, k1), start, end)) || (k2 && jspan(jd_get(o, k2), start, end));
}

/* A name from a string or an object's "name" or "text". */
static const char *jname(const jd_value *v)
{
    if (jd_is(v, JD_STRING))
        return v->u.s;
    if (jd_is(v, JD_OBJECT)) {
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

static void bind_span(sqlite3_stmt *st, int i, const jd_value *v)
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

static void bind_number(sqlite3_stmt *st, int i, const jd_value *v)
{
    if (jd_is_number(v))
        sqlite3_bind_double(st, i, jd_number(v));
    else
        sqlite3_bind_null(st, i);
}

/* A text that may be exactly the bytes [a, b) of the article: schema 5
 * stores NULL then (fl_span_text reads it back), and an empty BLOB for a
 * missing text with a span; fl_span_store in store_sql.c is the same rule
 * for the migration. Earlier schemas store the text. */
typedef struct article_text {
    const char *text;
    size_t len;
    int v5;
} article_text;

static void bind_span_text(sqlite3_stmt *st, int i, const char *t, const article_text *art, int has_span, long long a,
                           long long b)
{
    if (!art->v5 || !has_span) {
        bind_text_or_null(st, i, t);
    } else if (!t) {
        sqlite3_bind_zeroblob(st, i, 0);
    } else {
        size_t n = strlen(t);
        if (a >= 0 && a <= b && (size_t)b <= art->len && (size_t)(b - a) == n && memcmp(art->text + a, t, n) == 0)
            sqlite3_bind_null(st, i);
        else
            sqlite3_bind_text(st, i, t, (int)n, SQLITE_STATIC);
    }
}

/* A label schema 5 keeps as a code (fl_store_label_code), else its text. */
static void bind_label(sqlite3_stmt *st, int i, int kind, const char *label, const article_text *art)
{
    int code = art->v5 ? fl_store_label_code(kind, label) : 0;
    if (code)
        sqlite3_bind_int(st, i, code);
    else
        bind_text_or_null(st, i, label);
}

/* Names of this article's entities, to link speakers and sources to them. */
typedef struct local_entity {
    const char *name;
    const jd_value *aliases;
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
        const jd_value *a;
        JD_EACH(ents[i].aliases, k, a) {
            if (jd_is(a, JD_STRING) && !strcasecmp(a->u.s, name))
                return ents[i].id;
        }
    }
    return 0;
}

/* One mention, collected across the article's entities before writing:
 * `order` keeps the input order so a repeated start keeps its first end,
 * as schema 3's (entity, date, article, start) key did. */
typedef struct pending_mention {
    long long entity;
    fl_span_pair span;
    size_t order;
} pending_mention;

static int pending_order(const void *a, const void *b)
{
    const pending_mention *x = a, *y = b;
    if (x->entity != y->entity)
        return x->entity < y->entity ? -1 : 1;
    if (x->span.start != y->span.start)
        return x->span.start < y->span.start ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* The entity an id stands for now: a bare surname adopted by a full name
 * during this article has moved (fl_store_resolve_entity). */
static long long current_entity(const fl_store *s, long long id)
{
    for (size_t i = 0; i < s->moves; i++)
        if (s->moved_from[i] == id)
            id = s->moved_to[i];
    return id;
}

/* Writes one mentions row per entity: its count and its spans packed. */
static int write_mentions(fl_store *s, long long article, const char *date, pending_mention *m, size_t n)
{
    if (!n)
        return 1;
    for (size_t i = 0; i < n; i++)
        m[i].entity = current_entity(s, m[i].entity);
    qsort(m, n, sizeof *m, pending_order);
    fl_span_pair *spans = malloc((n ? n : 1) * sizeof *spans);
    if (!spans) {
        fl_store_set_error(s, "out of memory");
        return 0;
    }
    int ok = 1;
    /* Schema 5 stores the date as a day number (pack.h), schema 4 as text. */
    long long day = fl_store_schema_at_least(s, 5) ? fl_day_code(date, strlen(date)) : -1;
    for (size_t i = 0; i < n && ok;) {
        size_t k = 0, j = i;
        for (; j < n && m[j].entity == m[i].entity; j++)
            if (k == 0 || spans[k - 1].start != m[j].span.start)
                spans[k++] = m[j].span;
        fl_buffer_clear(&s->key);
        fl_pack_spans(spans, k, &s->key);
        sqlite3_stmt *st = fl_store_prepare(
            s, "INSERT OR IGNORE INTO mentions(entity_id, date, article_id, count, spans) VALUES(?, ?, ?, ?, ?)");
        if (!st) {
            ok = 0;
            break;
        }
        sqlite3_bind_int64(st, 1, m[i].entity);
        if (day >= 0)
            sqlite3_bind_int64(st, 2, day);
        else
            sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, article);
        sqlite3_bind_int64(st, 4, (long long)k);
        sqlite3_bind_blob(st, 5, s->key.len ? s->key.data : "", (int)s->key.len, SQLITE_STATIC);
        ok = fl_store_step_done(s, st);
        i = j;
    }
    free(spans);
    if (ok && fl_store_schema_at_least(s, 5)) {
        /* Schema 5: the article's entities, one packed list (m is sorted by entity). */
        long long *ids = malloc(n * sizeof *ids);
        if (!ids) {
            fl_store_set_error(s, "out of memory");
            return 0;
        }
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (!k || ids[k - 1] != m[i].entity)
                ids[k++] = m[i].entity;
        fl_buffer_clear(&s->key);
        fl_pack_ids(ids, k, &s->key);
        free(ids);
        sqlite3_stmt *st = fl_store_prepare(s, "INSERT INTO article_entities(article_id, ids) VALUES(?, ?)");
        if (!st)
            return 0;
        sqlite3_bind_int64(st, 1, article);
        sqlite3_bind_blob(st, 2, s->key.len ? s->key.data : "", (int)s->key.len, SQLITE_STATIC);
        ok = fl_store_step_done(s, st);
    }
    return ok;
}

static int add_alias(fl_store *s, long long id, const char *alias)
{
    char memo_key[256];
    size_t len = strlen(alias);
    int remember = len + sizeof id <= sizeof memo_key;
    if (remember) {
        memcpy(memo_key, &id, sizeof id);
        memcpy(memo_key + sizeof id, alias, len);
        if (fl_memo_get(&s->aliases, memo_key, sizeof id + len))
            return 1; /* stored already */
    }
    sqlite3_stmt *st = fl_store_prepare(s, "INSERT OR IGNORE INTO entity_aliases(entity_id, alias) VALUES(?, ?)");
    if (!st)
        return 0;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, alias, -1, SQLITE_STATIC);
    if (!fl_store_step_done(s, st))
        return 0;
    if (remember)
        fl_memo_put(&s->aliases, memo_key, sizeof id + len, 1, NULL, 0);
    return 1;
}

static int add_entities(fl_store *s, long long article, const char *date, const jd_value *arr, local_entity *ents,
                        size_t *count, size_t cap)
{
    size_t i;
    const jd_value *e;
    pending_mention *pending = NULL;
    size_t npending = 0, pending_cap = 0;
    int ok = 1;
    s->moves = 0;
    JD_EACH(arr, i, e) {
        /* Cleared as it is reached (an entity skipped below is read as
         * none): the caller does not clear all of ents. */
        if (i < cap)
            ents[i] = (local_entity){0};
        const char *name = jstr(e, "name");
        const char *type = jstr(e, "type");
        if (!name || !type)
            continue;
        long long id = fl_store_resolve_entity(s, type, name);
        if (id < 0) {
            ok = 0;
            break;
        }
        if (id == 0)
            continue;
        if (i < cap) {
            ents[i] = (local_entity){name, jd_get(e, "aliases"), id};
            if (i + 1 > *count)
                *count = i + 1;
        }
        if (!add_alias(s, id, name)) {
            ok = 0;
            break;
        }
        size_t k;
        const jd_value *a;
        JD_EACH(jd_get(e, "aliases"), k, a) {
            if (jd_is(a, JD_STRING) && !(ok = add_alias(s, id, a->u.s)))
                break;
        }
        if (!ok)
            break;
        const jd_value *m;
        JD_EACH(jd_get(e, "mentions"), k, m) {
            fl_span_pair span;
            if (!jspan(m, &span.start, &span.end))
                continue;
            if (npending == pending_cap) {
                size_t grown = pending_cap ? pending_cap * 2 : 64;
                pending_mention *p = realloc(pending, grown * sizeof *p);
                if (!p) {
                    fl_store_set_error(s, "out of memory");
                    ok = 0;
                    break;
                }
                pending = p;
                pending_cap = grown;
            }
            pending[npending] = (pending_mention){id, span, npending};
            npending++;
        }
        if (!ok)
            break;
    }
    if (ok) {
        /* Speakers and sources link to what an entity is now. */
        for (size_t j = 0; j < *count; j++)
            ents[j].id = ents[j].id ? current_entity(s, ents[j].id) : 0;
        ok = write_mentions(s, article, date, pending, npending);
    }
    free(pending);
    return ok;
}

/* Speaker or source: the linked entity from the article's entities, else a
 * canonical PER/ORG entity found by name (never created here). */
static long long link_person(fl_store *s, const local_entity *ents, size_t n, const jd_value *who)
{
    const jd_value *idx = jd_get(who, "entity");
    if (jd_is(idx, JD_INT) && idx->u.i >= 0 && (size_t)idx->u.i < n && ents[idx->u.i].id)
        return ents[idx->u.i].id;
    const char *name = jname(who);
    long long id = local_lookup(ents, n, name);
    if (id || !name)
        return id;
    /* A name found before is remembered (not one found missing: the entity
     * may come later), nor a bare surname's (a full name may adopt it). */
    char memo_key[256];
    size_t len = strlen(name);
    int remember = len + 4 <= sizeof memo_key;
    if (remember) {
        memcpy(memo_key, "PER\x1e", 4);
        memcpy(memo_key + 4, name, len);
        const fl_memo_entry *known = fl_memo_get(&s->names, memo_key, len + 4);
        if (known)
            return known->id;
    }
    if (!fl_canon_key("PER", name, len, &s->key))
        return 0;
    id = fl_store_lookup_id(s, "SELECT id FROM entities WHERE type='PER' AND key=?", s->key.data, NULL);
    if (id > 0 && remember && !fl_store_may_adopt("PER", s->key.data))
        fl_memo_put(&s->names, memo_key, len + 4, id, NULL, 0);
    return id > 0 ? id : 0;
}

/* A quote's words: its "text", else its parts (or span) cut from the
 * article text, parts joined by " … ". */
static void quote_text(const jd_value *q, const char *text, size_t text_len, fl_buffer *out)
{
    fl_buffer_clear(out);
    const char *t = jstr(q, "text");
    if (t) {
        fl_buffer_append_str(out, t);
        return;
    }
    const jd_value *parts = jd_get(q, "parts");
    size_t i;
    const jd_value *p;
    long long a, b;
    if (jd_is(parts, JD_ARRAY) && parts->len) {
        JD_EACH(parts, i, p) {
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

static int add_quotes(fl_store *s, long long article, const char *date, const jd_value *arr, const local_entity *ents,
                      size_t n, const char *text, size_t text_len, int v5)
{
    size_t i;
    const jd_value *q;
    fl_buffer words;
    fl_buffer_init(&words);
    int ok = 1;
    JD_EACH(arr, i, q) {
        quote_text(q, text, text_len, &words);
        if (!words.len)
            continue;
        const jd_value *sp = jd_get(q, "speaker");
        const char *speaker = jname(sp);
        /* Schema 5 keeps the words only when they are not the span's bytes
         * (quotes.text reads them back from the article). */
        sqlite3_stmt *st = fl_store_prepare(
            s, v5 ? "INSERT INTO quotes(article_id, start, end, quote, kind, speaker, speaker_entity_id, speaker_start,"
                    " speaker_end, cue, date, speaker_key) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  : "INSERT INTO quotes(article_id, start, end, text, kind, speaker, speaker_entity_id, speaker_start,"
                    " speaker_end, cue, date, speaker_key) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!st) {
            ok = 0;
            break;
        }
        sqlite3_bind_int64(st, 1, article);
        long long qa = 0, qb = 0;
        int has = jspan(q, &qa, &qb);
        bind_span(st, 2, q);
        if (v5 && has && qa >= 0 && qa <= qb && (size_t)qb <= text_len && (size_t)(qb - qa) == words.len &&
            memcmp(text + qa, words.data, words.len) == 0)
            sqlite3_bind_null(st, 4);
        else
            sqlite3_bind_text(st, 4, words.data, (int)words.len, SQLITE_STATIC);
        const char *kind = jstr(q, "kind");
        bind_text_or_null(st, 5, kind ? kind : jstr(q, "type"));
        bind_text_or_null(st, 6, speaker);
        long long sid = link_person(s, ents, n, sp);
        if (sid)
            sqlite3_bind_int64(st, 7, sid);
        else if (speaker && fl_canon_key("PER", speaker, strlen(speaker), &s->key))
            sqlite3_bind_text(st, 12, s->key.data, (int)s->key.len, SQLITE_STATIC); /* quotes by an unlinked name */
        long long a, b;
        if (jd_is_obj(sp) && jspan_of(sp, "mention_span", "name_span", &a, &b)) {
            sqlite3_bind_int64(st, 8, a);
            sqlite3_bind_int64(st, 9, b);
        } else {
            bind_span(st, 8, sp);
        }
        const jd_value *cue = jd_get(q, "cue");
        if (!cue && jd_is_obj(sp))
            cue = jd_get(sp, "cue");
        bind_text_or_null(st, 10, jname(cue));
        sqlite3_bind_text(st, 11, date, -1, SQLITE_STATIC);
        s->adding_article = 1; /* the row's virtual text is not needed while inserting */
        int stored = fl_store_step_done(s, st);
        s->adding_article = 0;
        if (!stored) {
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
    if (!text)
        return NULL;
    size_t len = strlen(text);
    const fl_memo_entry *known = fl_memo_get(&s->sources, text, len);
    if (known)
        return known->id ? fl_memo_str(known) : NULL;
    if (!fl_canon_key("SOURCE", text, len, &s->key)) {
        fl_memo_put(&s->sources, text, len, 0, NULL, 0);
        return NULL;
    }
    if (!fl_store_org_canonical(s, s->key.data, &s->key2))
        return NULL;
    /* org_keys decisions never change, so neither does this answer. */
    fl_memo_put(&s->sources, text, len, 1, s->key2.data, s->key2.len);
    return s->key2.data;
}

static int add_attributions(fl_store *s, long long article, const char *date, const jd_value *arr, const local_entity *ents,
                            size_t n, const article_text *art)
{
    size_t i;
    const jd_value *a;
    long long day = art->v5 ? fl_day_code(date, strlen(date)) : -1; /* schema 5: a day number (pack.h) */
    JD_EACH(arr, i, a) {
        const jd_value *src = jd_get(a, "source");
        const char *source = jname(src);
        long long sid = link_person(s, ents, n, src);
        const char *key = source_key(s, source);
        sqlite3_stmt *st = fl_store_prepare(
            s, "INSERT INTO attributions(article_id, n, source, source_entity_id, source_type, anonymous,"
               " source_start, source_end, cue, cue_start, cue_end, content_start, content_end, date)"
               " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!st)
            return 0;
        sqlite3_bind_int64(st, 1, article);
        sqlite3_bind_int64(st, 2, (long long)i + 1);
        (void)key; /* not stored (schema 4); computed for org_keys, whose decisions depend on order */
        if (sid)
            sqlite3_bind_int64(st, 4, sid);
        const char *type = jstr(a, "source_type");
        if (!type && jd_is_obj(src))
            type = jstr(src, "type");
        bind_label(st, 5, FL_LABEL_SOURCE_TYPE, type, art);
        const jd_value *anon = jd_get(a, "anonymous");
        if (!anon && jd_is_obj(src))
            anon = jd_get(src, "anonymous");
        if (jd_is(anon, JD_TRUE) || jd_is(anon, JD_FALSE))
            sqlite3_bind_int(st, 6, jd_is(anon, JD_TRUE));
        long long x = 0, y = 0;
        int has = (jd_is_obj(src) && jspan_of(src, "mention_span", "name_span", &x, &y)) || jspan(src, &x, &y);
        if (has) {
            sqlite3_bind_int64(st, 7, x);
            sqlite3_bind_int64(st, 8, y);
        }
        bind_span_text(st, 3, source, art, has, x, y);
        const jd_value *cue = jd_get(a, "cue");
        has = jspan_of(a, "cue_span", NULL, &x, &y) || jspan(cue, &x, &y);
        if (has) {
            sqlite3_bind_int64(st, 10, x);
            sqlite3_bind_int64(st, 11, y);
        }
        bind_span_text(st, 9, jname(cue), art, has, x, y);
        if (jspan_of(a, "content_span", "content", &x, &y)) {
            sqlite3_bind_int64(st, 12, x);
            sqlite3_bind_int64(st, 13, y);
        }
        if (day >= 0)
            sqlite3_bind_int64(st, 14, day);
        else
            sqlite3_bind_text(st, 14, date, -1, SQLITE_STATIC);
        if (!fl_store_step_done(s, st))
            return 0;
    }
    return 1;
}

/* What schema 4 keeps per figure at insert time (docs/store.md): the pairs
 * it forms with earlier figures of the same category, subject, place and
 * as-of date from another source whose intervals do not overlap; and, in a
 * cumulative series (category, source, subject, place), the highest value
 * before it (its predecessor's, by date then id) and its own value raised
 * into the later points' earlier maximum when it arrives out of date order. */
static int figure_derived(fl_store *s, long long id, int cumulative)
{
    sqlite3_stmt *st = fl_store_prepare(
        s, "INSERT OR IGNORE INTO figure_conflicts(date, category, a, b) SELECT f.date, f.category, e.id, f.id"
           " FROM figures f JOIN figures e ON e.category = f.category AND e.subject_key IS f.subject_key"
           " AND e.place_key IS f.place_key AND e.date = f.date AND e.id < f.id"
           " WHERE f.id = ?1 AND e.source_key IS NOT NULL AND e.source_key <> f.source_key"
           " AND (" FL_FIGURE_HIGH("e.") " < " FL_FIGURE_LOW("f.") " OR " FL_FIGURE_HIGH("f.") " < " FL_FIGURE_LOW("e.") ")");
    if (!st)
        return 0;
    sqlite3_bind_int64(st, 1, id);
    if (!fl_store_step_done(s, st))
        return 0;
    if (!cumulative)
        return 1;
    st = fl_store_prepare(
        s, "UPDATE figures SET earlier_max = (SELECT CASE WHEN p.earlier_max IS NULL THEN coalesce(p.low, p.value)"
           "   WHEN coalesce(p.low, p.value) IS NULL THEN p.earlier_max ELSE max(p.earlier_max, coalesce(p.low, p.value)) END"
           "   FROM figures p WHERE p.category = figures.category AND p.source_key = figures.source_key"
           "   AND p.subject_key IS figures.subject_key AND p.place_key IS figures.place_key AND p.date <= figures.date"
           "   AND p.id < figures.id ORDER BY p.date DESC, p.id DESC LIMIT 1) WHERE id = ?1");
    if (!st)
        return 0;
    sqlite3_bind_int64(st, 1, id);
    if (!fl_store_step_done(s, st))
        return 0;
    st = fl_store_prepare(
        s, "UPDATE figures SET earlier_max = CASE WHEN figures.earlier_max > n.v THEN figures.earlier_max ELSE n.v END"
           " FROM (SELECT category, source_key, subject_key, place_key, date, coalesce(low, value) AS v FROM figures"
           "   WHERE id = ?1) n WHERE n.v IS NOT NULL AND figures.category = n.category AND figures.source_key = n.source_key"
           " AND figures.subject_key IS n.subject_key AND figures.place_key IS n.place_key AND figures.date > n.date");
    if (!st)
        return 0;
    sqlite3_bind_int64(st, 1, id);
    return fl_store_step_done(s, st);
}

static int add_figures(fl_store *s, long long article, const char *article_date, const jd_value *arr,
                       const article_text *art)
{
    size_t i;
    const jd_value *f;
    JD_EACH(arr, i, f) {
        sqlite3_stmt *st = fl_store_prepare(
            s, "INSERT INTO figures(article_id, start, end, text, value, low, high, qualifier, category, subject,"
               " source, date, place, subject_key, place_key, source_key)"
               " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, fl_key('MISC', ?10), fl_key('LOC', ?13), ?14)");
        if (!st)
            return 0;
        const char *source = jname(jd_get(f, "source"));
        const char *key = source_key(s, source);
        const char *date = jstr(f, "date");
        sqlite3_bind_int64(st, 1, article);
        long long x = 0, y = 0;
        int has = jspan(f, &x, &y);
        bind_span(st, 2, f);
        bind_span_text(st, 4, jstr(f, "text"), art, has, x, y);
        bind_number(st, 5, jd_get(f, "value"));
        bind_number(st, 6, jd_get(f, "low"));
        bind_number(st, 7, jd_get(f, "high"));
        bind_text_or_null(st, 8, jstr(f, "qualifier"));
        bind_text_or_null(st, 9, jstr(f, "category"));
        bind_text_or_null(st, 10, jname(jd_get(f, "subject")));
        bind_text_or_null(st, 11, source);
        bind_text_or_null(st, 12, date && strlen(date) >= 10 ? date : article_date);
        bind_text_or_null(st, 13, jname(jd_get(f, "place")));
        if (key)
            sqlite3_bind_text(st, 14, key, -1, SQLITE_TRANSIENT);
        if (!fl_store_step_done(s, st))
            return 0;
        if (key && !figure_derived(s, sqlite3_last_insert_rowid(s->db), fl_store_is_cumulative(jstr(f, "category"))))
            return 0;
    }
    return 1;
}

static int add_times(fl_store *s, long long article, const jd_value *arr, const article_text *art)
{
    size_t i;
    const jd_value *t;
    JD_EACH(arr, i, t) {
        sqlite3_stmt *st =
            fl_store_prepare(s, "INSERT INTO times(article_id, n, start, end, text, type, value) VALUES(?, ?, ?, ?, ?, ?, ?)");
        if (!st)
            return 0;
        sqlite3_bind_int64(st, 1, article);
        sqlite3_bind_int64(st, 2, (long long)i + 1);
        long long x = 0, y = 0;
        int has = jspan(t, &x, &y);
        bind_span(st, 3, t);
        bind_span_text(st, 5, jstr(t, "text"), art, has, x, y);
        bind_label(st, 6, FL_LABEL_TIME_TYPE, jstr(t, "type"), art);
        bind_text_or_null(st, 7, jstr(t, "value"));
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
    fl_store_forget(s); /* what was remembered may have been rolled back */
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
    if (!s->jdoc && !(s->jdoc = jd_new())) {
        fl_store_set_error(s, "out of memory");
        return FL_ERR_NOMEM;
    }
    const jd_value *o = jd_parse(s->jdoc, json, len);
    if (!jd_is_obj(o)) {
        fl_store_set_error(s, "not an extract object: %s", o ? "not an object" : jd_error(s->jdoc));
        return FL_ERR_FORMAT;
    }
    const char *date = jstr(o, "date"), *text = jstr(o, "text"), *headline = jstr(o, "headline");
    if (!date || !text || !headline) {
        fl_store_set_error(s, "an extract object needs \"date\", \"headline\" and \"text\" (factline extract --text)");
        return FL_ERR_FORMAT;
    }
    if (fl_day_code(date, strlen(date)) < 0) {
        /* Every question filters and orders by the date (schema 5 as a day
         * number), so one that is not a date would answer unlike the rest. */
        fl_store_set_error(s, "\"date\" is \"%.40s\", not a date written YYYY-MM-DD", date);
        return FL_ERR_FORMAT;
    }
    char hash[17];
    size_t text_len = jd_get(o, "text")->len;
    uint64_t h = fl_hash64(fl_hash64(FL_HASH_SEED, date, strlen(date)), text, text_len);
    snprintf(hash, sizeof hash, "%016llx", (unsigned long long)h);
    if (!s->in_txn) {
        if (!fl_store_exec(s, "BEGIN IMMEDIATE"))
            return db_failed(s);
        s->in_txn = 1;
        /* Another connection's commit may have merged entities away. */
        long long version = fl_store_lookup_id(s, "PRAGMA data_version", "", NULL);
        if (version != s->data_version) {
            fl_store_forget(s);
            s->data_version = version;
        }
    }
    /* Schema 5 keeps the headline only when it is not the text's first line. */
    int v5 = fl_store_schema_at_least(s, 5);
    sqlite3_stmt *st = fl_store_prepare(
        s, v5 ? "INSERT OR IGNORE INTO articles(hash, ext_id, date, head, source, url, body) VALUES(?, ?, ?, ?, ?, ?, ?)"
              : "INSERT OR IGNORE INTO articles(hash, ext_id, date, headline, source, url, body) VALUES(?, ?, ?, ?, ?, ?, ?)");
    if (!st) {
        return db_failed(s);
    }
    if (v5)
        sqlite3_bind_int64(st, 1, (sqlite3_int64)h); /* the hash's 8 bytes, not 16 hex digits */
    else
        sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
    const char *ext = jstr(o, "id");
    bind_text_or_null(st, 2, ext && strcmp(ext, hash) ? ext : NULL);
    sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
    size_t headline_len = strlen(headline);
    if (v5 && fl_store_headline_derivable(headline, headline_len, text, text_len))
        sqlite3_bind_null(st, 4);
    else
        sqlite3_bind_text(st, 4, headline, (int)headline_len, SQLITE_STATIC);
    bind_text_or_null(st, 5, jstr(o, "source"));
    bind_text_or_null(st, 6, jstr(o, "url"));
    int packed = fl_pack_text(&s->packer, text, text_len, &s->packed);
    if (packed > 0)
        sqlite3_bind_blob(st, 7, s->packed.data, (int)s->packed.len, SQLITE_STATIC);
    else
        sqlite3_bind_text(st, 7, text, (int)text_len, SQLITE_STATIC);
    if (packed < 0) {
        fl_store_set_error(s, "out of memory");
        return db_failed(s);
    }
    s->adding_article = 1;
    int stored = fl_store_step_done(s, st);
    s->adding_article = 0;
    if (!stored)
        return db_failed(s);
    if (sqlite3_changes(s->db) == 0) {
        return FL_OK; /* already stored */
    }
    long long article = sqlite3_last_insert_rowid(s->db);
    local_entity ents[512]; /* entries below n are set by add_entities */
    size_t n = 0;
    st = fl_store_prepare(s, "INSERT INTO articles_fts(rowid, headline, text) VALUES(?, ?, ?)");
    int ok = st != NULL;
    if (ok) {
        sqlite3_bind_int64(st, 1, article);
        sqlite3_bind_text(st, 2, headline, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, text, (int)text_len, SQLITE_STATIC);
        ok = fl_store_step_done(s, st);
    }
    ok = ok && add_entities(s, article, date, jd_get(o, "entities"), ents, &n, sizeof ents / sizeof ents[0]);
    ok = ok && add_quotes(s, article, date, jd_get(o, "quotes"), ents, n, text, text_len, v5);
    const article_text art = {text, text_len, fl_store_schema_at_least(s, 5)};
    ok = ok && add_attributions(s, article, date, jd_get(o, "attributions"), ents, n, &art);
    ok = ok && add_figures(s, article, date, jd_get(o, "figures"), &art);
    ok = ok && add_times(s, article, jd_get(o, "times"), &art);
    if (!ok)
        return db_failed(s);
    *added = 1;
    if (++s->in_batch >= s->batch)
        return fl_store_commit(s);
    return FL_OK;
}
