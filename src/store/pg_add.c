/*
 * pg_add.c — adding extracted articles to PostgreSQL: fl_pg_write_batch
 * writes the batch fl_pg_add (pg_pending.c) keeps, inside its transaction.
 *
 * Writing a batch: (1) the articles already stored are dropped; (2) ids are
 * drawn from the sequence in input order (so one writer numbers articles as
 * SQLite does); (3) the articles are COPYed into a temporary table and
 * inserted in hash order with ON CONFLICT (hash) DO NOTHING — the unique
 * content hash decides, and two writers wait for each other in one order, so
 * overlapping batches cannot deadlock there; (4) for the articles this
 * writer inserted, in input order, entities and sources are resolved
 * (pg_resolve.c) exactly as store_add.c does, after every key the batch
 * names was looked up at once (fl_pg_prefetch); (5) their facts are COPYed.
 * Aliases go through a temporary table too (ON CONFLICT: an alias seen
 * before is kept). The JSON reading mirrors store_add.c (the same accepted
 * shapes); it is repeated here because that file is SQLite's. Not for:
 * connections and retries (pg_store.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/canon.h"
#include "store/pack.h"
#include "store/pg_internal.h"

/* ---- reading the extract object (the shapes store_add.c accepts) --------- */

static const char *jstr(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

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

static int jspan_of(json_t *o, const char *k1, const char *k2, long long *start, long long *end)
{
    return (k1 && jspan(json_object_get(o, k1), start, end)) || (k2 && jspan(json_object_get(o, k2), start, end));
}

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

static void copy_text(fl_buffer *row, const char *t, int last) { fl_pg_copy_field(row, t, t ? strlen(t) : 0, last); }

/* The search column's value, the last field of a row: the writer's
 * (pg_fts.c) when it can compute it, else \N, which the server's trigger
 * fills in. headline NULL: a quote's (no field while the column is still
 * generated: the row ended with the one before). */
static void copy_fts(fl_store *s, fl_buffer *row, const char *headline, const char *text, size_t tlen)
{
    if (s->pg->fts_generated) {
        if (headline)
            fl_pg_copy_field(row, NULL, 0, 1); /* the staging table's, not inserted */
        return;
    }
    if (!s->pg->fts)
        s->pg->fts = fl_pg_fts_new();
    size_t len = 0;
    const char *v = s->pg->fts ? fl_pg_fts_literal(s->pg->fts, headline, headline ? strlen(headline) : 0, text, tlen, &len)
                               : NULL;
    fl_pg_copy_field(row, v, len, 1);
}

static void copy_span(fl_buffer *row, json_t *v, int last)
{
    long long a = 0, b = 0;
    int ok = jspan(v, &a, &b);
    fl_pg_copy_int(row, a, ok, 0);
    fl_pg_copy_int(row, b, ok, last);
}

static void copy_number(fl_buffer *row, json_t *v)
{
    if (json_is_number(v)) {
        char num[64];
        snprintf(num, sizeof num, "%.17g", json_number_value(v));
        copy_text(row, num, 0);
    } else {
        copy_text(row, NULL, 0);
    }
}

/* ---- rows that carry an entity id --------------------------------------- */

/* Entity ids can change later in the batch (adoption), so rows that hold
 * one keep it apart from the rest of their COPY line until the end. */
typedef struct id_row {
    long long entity, article, start; /* entity, and for mentions the key */
    size_t seq, off, len;             /* input order; the rest of the line */
} id_row;

typedef struct id_rows {
    id_row *rows;
    size_t n, cap;
    fl_buffer rest;
} id_rows;

static id_row *id_rows_add(id_rows *r, long long entity)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 256;
        id_row *g = realloc(r->rows, cap * sizeof *g);
        if (!g)
            return NULL;
        r->rows = g;
        r->cap = cap;
    }
    id_row *x = &r->rows[r->n];
    memset(x, 0, sizeof *x);
    x->entity = entity;
    x->seq = r->n++;
    x->off = r->rest.len;
    return x;
}

static void id_rows_end(id_rows *r, id_row *x) { x->len = r->rest.len - x->off; }

static void id_rows_release(id_rows *r)
{
    free(r->rows);
    fl_buffer_release(&r->rest);
}

/* The COPY data: current entity id (or \N), then the rest of the line. */
static void id_rows_write(fl_store *s, const id_rows *r, fl_buffer *out)
{
    for (size_t i = 0; i < r->n; i++) {
        const id_row *x = &r->rows[i];
        if (x->len == 0)
            continue; /* dropped as a duplicate */
        long long id = fl_pg_current_id(s, x->entity);
        fl_pg_copy_int(out, id, id > 0, 0);
        fl_buffer_append(out, r->rest.data + x->off, x->len);
    }
}

static int by_mention_key(const void *a, const void *b)
{
    const id_row *x = a, *y = b;
    if (x->entity != y->entity)
        return x->entity < y->entity ? -1 : 1;
    if (x->article != y->article)
        return x->article < y->article ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int by_seq(const void *a, const void *b)
{
    const id_row *x = a, *y = b;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Mentions are unique by (entity, date, article, start): the first stays,
 * as with SQLite's INSERT OR IGNORE (the date is the article's). */
static void dedupe_mentions(fl_store *s, id_rows *m)
{
    if (!m->n) /* every article of the batch was already stored: no rows (qsort needs an array) */
        return;
    for (size_t i = 0; i < m->n; i++)
        m->rows[i].entity = fl_pg_current_id(s, m->rows[i].entity);
    qsort(m->rows, m->n, sizeof *m->rows, by_mention_key);
    for (size_t i = 1; i < m->n; i++)
        if (m->rows[i - 1].entity == m->rows[i].entity && m->rows[i - 1].article == m->rows[i].article &&
            m->rows[i - 1].start == m->rows[i].start)
            m->rows[i].len = 0;
    qsort(m->rows, m->n, sizeof *m->rows, by_seq);
}

/* ---- one article -------------------------------------------------------- */

typedef struct batch {
    id_rows mentions, aliases, quotes, attributions;
    fl_buffer figures, times, words;
} batch;

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

/* SQLite's NOCASE: ASCII letters lower-cased. */
static void ascii_fold(const char *in, fl_buffer *out)
{
    fl_buffer_clear(out);
    for (const char *p = in; *p; p++)
        fl_buffer_append_char(out, *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p);
}

static int add_alias(batch *b, long long id, const char *alias, fl_buffer *fold)
{
    if (strlen(alias) > FL_PG_MAX_KEY)
        return 1; /* too long to index (FL_PG_MAX_KEY): not kept as an alias */
    id_row *x = id_rows_add(&b->aliases, id);
    if (!x)
        return 0;
    ascii_fold(alias, fold);
    copy_text(&b->aliases.rest, alias, 0);
    copy_text(&b->aliases.rest, fold->data, 0);
    fl_pg_copy_int(&b->aliases.rest, (long long)x->seq, 1, 1);
    id_rows_end(&b->aliases, x);
    return 1;
}

static int add_entities(fl_store *s, batch *b, long long article, const char *date, json_t *arr, local_entity *ents,
                        size_t *count, size_t cap)
{
    size_t i;
    json_t *e;
    fl_buffer fold;
    fl_buffer_init(&fold);
    int ok = 1;
    json_array_foreach(arr, i, e) {
        const char *name = jstr(e, "name"), *type = jstr(e, "type");
        if (!name || !type)
            continue;
        long long id = fl_pg_resolve_entity(s, type, name);
        if (id < 0) {
            ok = 0;
            break;
        }
        if (id == 0)
            continue;
        if (i < cap) {
            ents[i] = (local_entity){name, json_object_get(e, "aliases"), id};
            if (i + 1 > *count)
                *count = i + 1;
        }
        ok = add_alias(b, id, name, &fold);
        size_t k;
        json_t *a;
        json_array_foreach(json_object_get(e, "aliases"), k, a) {
            if (ok && json_is_string(a))
                ok = add_alias(b, id, json_string_value(a), &fold);
        }
        json_t *m;
        json_array_foreach(json_object_get(e, "mentions"), k, m) {
            long long a0, b0;
            if (!ok || !jspan(m, &a0, &b0))
                continue;
            id_row *x = id_rows_add(&b->mentions, id);
            if (!x) {
                ok = 0;
                break;
            }
            x->article = article;
            x->start = a0;
            copy_text(&b->mentions.rest, date, 0);
            fl_pg_copy_int(&b->mentions.rest, article, 1, 0);
            fl_pg_copy_int(&b->mentions.rest, a0, 1, 0);
            fl_pg_copy_int(&b->mentions.rest, b0, 1, 1);
            id_rows_end(&b->mentions, x);
        }
        if (!ok)
            break;
    }
    fl_buffer_release(&fold);
    if (!ok && !s->error[0])
        fl_store_set_error(s, "out of memory");
    return ok;
}

/* The linked entity of a speaker or source (never created here). */
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
    return fl_pg_find_person(s, name);
}

static void quote_text(json_t *q, const char *text, size_t text_len, fl_buffer *out)
{
    fl_buffer_clear(out);
    const char *t = jstr(q, "text");
    if (t) {
        fl_buffer_append_str(out, t);
        return;
    }
    json_t *parts = json_object_get(q, "parts"), *p;
    size_t i;
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

/* quotes(speaker_entity_id, article_id, start, end, text, kind, speaker, speaker_key, speaker_start, speaker_end, cue, date) */
static int add_quotes(fl_store *s, batch *b, long long article, const char *date, json_t *arr,
                      const local_entity *ents, size_t n, const char *text, size_t text_len)
{
    size_t i;
    json_t *q;
    json_array_foreach(arr, i, q) {
        quote_text(q, text, text_len, &b->words);
        if (!b->words.len)
            continue;
        json_t *sp = json_object_get(q, "speaker");
        const char *speaker = jname(sp);
        long long sid = link_person(s, ents, n, sp);
        if (sid < 0)
            return 0;
        id_row *x = id_rows_add(&b->quotes, sid);
        if (!x)
            return 0;
        fl_buffer *r = &b->quotes.rest;
        fl_pg_copy_int(r, article, 1, 0);
        copy_span(r, q, 0);
        fl_pg_copy_field(r, b->words.data, b->words.len, 0);
        const char *kind = jstr(q, "kind");
        copy_text(r, kind ? kind : jstr(q, "type"), 0);
        copy_text(r, speaker, 0);
        copy_text(r, speaker && fl_pg_key("PER", speaker, &s->key2) ? s->key2.data : NULL, 0);
        long long a, c;
        if (json_is_object(sp) && jspan_of(sp, "mention_span", "name_span", &a, &c)) {
            fl_pg_copy_int(r, a, 1, 0);
            fl_pg_copy_int(r, c, 1, 0);
        } else {
            copy_span(r, sp, 0);
        }
        json_t *cue = json_object_get(q, "cue");
        if (!cue && json_is_object(sp))
            cue = json_object_get(sp, "cue");
        copy_text(r, jname(cue), 0);
        copy_text(r, date, s->pg->fts_generated);
        copy_fts(s, r, NULL, b->words.data, b->words.len);
        id_rows_end(&b->quotes, x);
    }
    return 1;
}

/* The canonical key of a source text (through org_keys) into out; NULL if none. */
static const char *source_key(fl_store *s, const char *text, fl_buffer *out, int *err)
{
    if (!text || !fl_pg_key("SOURCE", text, &s->key))
        return NULL;
    if (!fl_pg_org_canonical(s, s->key.data, out, 1)) {
        *err = 1;
        return NULL;
    }
    return out->data;
}

static int add_attributions(fl_store *s, batch *b, long long article, const char *date, json_t *arr,
                            const local_entity *ents, size_t n)
{
    size_t i;
    json_t *a;
    fl_buffer key;
    fl_buffer_init(&key);
    int err = 0;
    json_array_foreach(arr, i, a) {
        json_t *src = json_object_get(a, "source");
        const char *source = jname(src);
        long long sid = link_person(s, ents, n, src);
        const char *k = sid < 0 ? NULL : source_key(s, source, &key, &err);
        id_row *x = sid < 0 || err ? NULL : id_rows_add(&b->attributions, sid);
        if (!x) {
            err = 1;
            break;
        }
        fl_buffer *r = &b->attributions.rest;
        fl_pg_copy_int(r, article, 1, 0);
        copy_text(r, source, 0);
        copy_text(r, k, 0);
        const char *type = jstr(a, "source_type");
        if (!type && json_is_object(src))
            type = jstr(src, "type");
        copy_text(r, type, 0);
        json_t *anon = json_object_get(a, "anonymous");
        if (!anon && json_is_object(src))
            anon = json_object_get(src, "anonymous");
        fl_pg_copy_int(r, json_is_true(anon), json_is_boolean(anon), 0);
        long long p, q;
        if (json_is_object(src) && jspan_of(src, "mention_span", "name_span", &p, &q)) {
            fl_pg_copy_int(r, p, 1, 0);
            fl_pg_copy_int(r, q, 1, 0);
        } else {
            copy_span(r, src, 0);
        }
        json_t *cue = json_object_get(a, "cue");
        copy_text(r, jname(cue), 0);
        if (jspan_of(a, "cue_span", NULL, &p, &q)) {
            fl_pg_copy_int(r, p, 1, 0);
            fl_pg_copy_int(r, q, 1, 0);
        } else {
            copy_span(r, cue, 0);
        }
        int has = jspan_of(a, "content_span", "content", &p, &q);
        fl_pg_copy_int(r, p, has, 0);
        fl_pg_copy_int(r, q, has, 0);
        copy_text(r, date, 1);
        id_rows_end(&b->attributions, x);
    }
    fl_buffer_release(&key);
    return !err;
}

static int add_figures(fl_store *s, batch *b, long long article, const char *article_date, json_t *arr)
{
    size_t i;
    json_t *f;
    fl_buffer key, sub, place;
    fl_buffer_init(&key);
    fl_buffer_init(&sub);
    fl_buffer_init(&place);
    int err = 0;
    json_array_foreach(arr, i, f) {
        const char *source = jname(json_object_get(f, "source"));
        const char *k = source_key(s, source, &key, &err);
        if (err)
            break;
        const char *date = jstr(f, "date"), *subject = jname(json_object_get(f, "subject"));
        const char *where = jname(json_object_get(f, "place"));
        fl_buffer *r = &b->figures;
        fl_pg_copy_int(r, article, 1, 0);
        copy_span(r, f, 0);
        copy_text(r, jstr(f, "text"), 0);
        copy_number(r, json_object_get(f, "value"));
        copy_number(r, json_object_get(f, "low"));
        copy_number(r, json_object_get(f, "high"));
        copy_text(r, jstr(f, "qualifier"), 0);
        const char *category = jstr(f, "category");
        copy_text(r, category && strlen(category) <= FL_PG_MAX_SHORT ? category : NULL, 0);
        copy_text(r, subject, 0);
        copy_text(r, source, 0);
        copy_text(r, date && strlen(date) >= 10 && strlen(date) <= FL_PG_MAX_SHORT ? date : article_date, 0);
        copy_text(r, where, 0);
        copy_text(r, subject && fl_pg_key("MISC", subject, &sub) ? sub.data : NULL, 0);
        copy_text(r, where && fl_pg_key("LOC", where, &place) ? place.data : NULL, 0);
        copy_text(r, k, 1);
    }
    fl_buffer_release(&key);
    fl_buffer_release(&sub);
    fl_buffer_release(&place);
    return !err;
}

static void add_times(batch *b, long long article, json_t *arr)
{
    size_t i;
    json_t *t;
    json_array_foreach(arr, i, t) {
        fl_pg_copy_int(&b->times, article, 1, 0);
        copy_span(&b->times, t, 0);
        copy_text(&b->times, jstr(t, "text"), 0);
        copy_text(&b->times, jstr(t, "type"), 0);
        copy_text(&b->times, jstr(t, "value"), 1);
    }
}

static int add_facts(fl_store *s, batch *b, long long article, json_t *o)
{
    const char *date = jstr(o, "date"), *text = jstr(o, "text");
    size_t text_len = json_string_length(json_object_get(o, "text"));
    local_entity ents[512];
    memset(ents, 0, sizeof ents);
    size_t n = 0;
    int ok = add_entities(s, b, article, date, json_object_get(o, "entities"), ents, &n, sizeof ents / sizeof ents[0]);
    ok = ok && add_quotes(s, b, article, date, json_object_get(o, "quotes"), ents, n, text, text_len);
    ok = ok && add_attributions(s, b, article, date, json_object_get(o, "attributions"), ents, n);
    ok = ok && add_figures(s, b, article, date, json_object_get(o, "figures"));
    if (ok)
        add_times(b, article, json_object_get(o, "times"));
    return ok;
}

/* ---- the batch ---------------------------------------------------------- */

typedef struct wanted {
    fl_buffer types, keys, orgs, key; /* lists of NUL-terminated strings */
    size_t n, norgs;
} wanted;

static void want_entity(wanted *w, const char *type, const char *name)
{
    if (!name || !fl_pg_key(type, name, &w->key))
        return;
    fl_buffer_append(&w->types, type, strlen(type) + 1);
    fl_buffer_append(&w->keys, w->key.data, w->key.len + 1);
    w->n++;
    if (!strcmp(type, "ORG")) {
        fl_buffer_append(&w->orgs, w->key.data, w->key.len + 1);
        w->norgs++;
    }
}

static void want_source(wanted *w, const char *name)
{
    if (!name || !fl_pg_key("SOURCE", name, &w->key))
        return;
    fl_buffer_append(&w->orgs, w->key.data, w->key.len + 1);
    w->norgs++;
}

/* Every key an article's facts will look up (see add_facts). */
static void want_article(wanted *w, json_t *o)
{
    size_t i;
    json_t *x;
    json_array_foreach(json_object_get(o, "entities"), i, x) {
        const char *type = jstr(x, "type");
        if (type)
            want_entity(w, type, jstr(x, "name"));
    }
    json_array_foreach(json_object_get(o, "quotes"), i, x) want_entity(w, "PER", jname(json_object_get(x, "speaker")));
    json_array_foreach(json_object_get(o, "attributions"), i, x) {
        const char *source = jname(json_object_get(x, "source"));
        want_entity(w, "PER", source);
        want_source(w, source);
    }
    json_array_foreach(json_object_get(o, "figures"), i, x) want_source(w, jname(json_object_get(x, "source")));
}

/* Writes the pending articles not yet stored, in the open transaction. */
int fl_pg_write_batch(fl_store *s)
{
    struct fl_pg *pg = s->pg;
    size_t n = pg->npending;
    fl_pg_pending **fresh = calloc(n ? n : 1, sizeof *fresh);
    long long *ids = calloc(n ? n : 1, sizeof *ids);
    batch b;
    memset(&b, 0, sizeof b);
    fl_buffer list, data;
    fl_buffer_init(&list);
    fl_buffer_init(&data);
    fl_buffer_init(&b.mentions.rest);
    fl_buffer_init(&b.aliases.rest);
    fl_buffer_init(&b.quotes.rest);
    fl_buffer_init(&b.attributions.rest);
    fl_buffer_init(&b.figures);
    fl_buffer_init(&b.times);
    fl_buffer_init(&b.words);
    int ok = fresh && ids;
    if (!ok)
        fl_store_set_error(s, "out of memory");
    /* (1) drop what is stored already */
    fl_buffer_append_char(&list, '{');
    for (size_t i = 0; i < n; i++)
        fl_buffer_printf(&list, "%s%s", i ? "," : "", pg->pending[i].hash);
    fl_buffer_append_char(&list, '}');
    const char *p[] = {list.data};
    PGresult *res = ok ? fl_pg_exec(s, "SELECT hash FROM articles WHERE hash = ANY($1::text[])", 1, p) : NULL;
    size_t nfresh = 0;
    if (res) {
        for (size_t i = 0; i < n; i++) {
            int known = 0;
            for (int r = 0; r < PQntuples(res) && !known; r++)
                known = !strcmp(PQgetvalue(res, r, 0), pg->pending[i].hash);
            if (!known)
                fresh[nfresh++] = &pg->pending[i];
        }
        PQclear(res);
    } else {
        ok = 0;
    }
    if (ok && nfresh) {
        /* (2) ids in input order */
        char count[32];
        snprintf(count, sizeof count, "%zu", nfresh);
        const char *c[] = {count};
        res = fl_pg_exec(s, "SELECT nextval('articles_id_seq') FROM generate_series(1, $1::int)", 1, c);
        ok = res != NULL;
        for (size_t i = 0; ok && i < nfresh; i++)
            ids[i] = atoll(PQgetvalue(res, (int)i, 0));
        PQclear(res);
    }
    /* (3) the articles, inserted in hash order */
    for (size_t i = 0; ok && i < nfresh; i++) {
        json_t *o = fresh[i]->obj;
        const char *ext = jstr(o, "id");
        fl_pg_copy_int(&data, ids[i], 1, 0);
        copy_text(&data, fresh[i]->hash, 0);
        copy_text(&data, ext && strcmp(ext, fresh[i]->hash) ? ext : NULL, 0);
        copy_text(&data, jstr(o, "date"), 0);
        copy_text(&data, jstr(o, "headline"), 0);
        copy_text(&data, jstr(o, "source"), 0);
        copy_text(&data, jstr(o, "url"), 0);
        const char *text = jstr(o, "text");
        size_t tlen = json_string_length(json_object_get(o, "text"));
        fl_pg_copy_field(&data, text, tlen, 0);
        const char *headline = jstr(o, "headline");
        copy_fts(s, &data, headline ? headline : "", text ? text : "", text ? tlen : 0);
    }
    ok = ok && (!nfresh || (fl_pg_command(s, "CREATE TEMP TABLE IF NOT EXISTS fl_stage_articles(id bigint, hash text,"
                                             " ext_id text, date text, headline text, source text, url text, text text, fts tsvector)"
                                             " ON COMMIT DELETE ROWS", 0, NULL) &&
                            fl_pg_copy(s, "COPY fl_stage_articles FROM STDIN", &data)));
    res = ok && nfresh ? fl_pg_exec(s,
                                    s->pg->fts_generated
                                        ? "INSERT INTO articles(id, hash, ext_id, date, headline, source, url, text)"
                                          " SELECT id, hash, ext_id, date, headline, source, url, text"
                                          " FROM fl_stage_articles ORDER BY hash COLLATE \"C\""
                                          " ON CONFLICT (hash) DO NOTHING RETURNING id"
                                        : "INSERT INTO articles(id, hash, ext_id, date, headline, source, url, text, fts)"
                                          " SELECT * FROM fl_stage_articles ORDER BY hash COLLATE \"C\""
                                          " ON CONFLICT (hash) DO NOTHING RETURNING id",
                                    0, NULL)
                       : NULL;
    if (ok && nfresh && !res)
        ok = 0;
    /* (4) resolve and collect the facts of the articles this writer stored */
    if (ok && res) {
        long long *mine = calloc((size_t)PQntuples(res) + 1, sizeof *mine);
        size_t nmine = 0;
        for (int r = 0; mine && r < PQntuples(res); r++)
            mine[nmine++] = atoll(PQgetvalue(res, r, 0));
        char *stored = calloc(nfresh + 1, 1);
        wanted w;
        memset(&w, 0, sizeof w);
        fl_buffer_init(&w.types);
        fl_buffer_init(&w.keys);
        fl_buffer_init(&w.orgs);
        fl_buffer_init(&w.key);
        if (!mine || !stored) {
            fl_store_set_error(s, "out of memory");
            ok = 0;
        }
        for (size_t i = 0; ok && i < nfresh; i++) {
            for (size_t k = 0; k < nmine && !stored[i]; k++)
                stored[i] = mine[k] == ids[i];
            if (stored[i])
                want_article(&w, fresh[i]->obj);
        }
        ok = ok && fl_pg_prefetch(s, &w.types, &w.keys, w.n, &w.orgs, w.norgs);
        for (size_t i = 0; ok && i < nfresh; i++)
            if (stored[i])
                ok = add_facts(s, &b, ids[i], fresh[i]->obj);
        ok = ok && fl_pg_local_flush(s); /* the names created, before the rows naming them */
        free(stored);
        fl_buffer_release(&w.types);
        fl_buffer_release(&w.keys);
        fl_buffer_release(&w.orgs);
        fl_buffer_release(&w.key);
        free(mine);
    }
    PQclear(res);
    /* (5) the facts */
    if (ok) {
        dedupe_mentions(s, &b.mentions);
        fl_buffer_clear(&data);
        id_rows_write(s, &b.mentions, &data);
        ok = fl_pg_copy(s, "COPY mentions(entity_id, date, article_id, start, \"end\") FROM STDIN", &data);
    }
    if (ok && b.aliases.n) {
        fl_buffer_clear(&data);
        id_rows_write(s, &b.aliases, &data);
        ok = fl_pg_command(s, "CREATE TEMP TABLE IF NOT EXISTS fl_stage_aliases(entity_id bigint, alias text,"
                              " alias_fold text, seq bigint) ON COMMIT DELETE ROWS", 0, NULL) &&
             fl_pg_copy(s, "COPY fl_stage_aliases FROM STDIN", &data) &&
             fl_pg_command(s, "INSERT INTO entity_aliases(entity_id, alias, alias_fold)"
                              " SELECT DISTINCT ON (entity_id, alias_fold COLLATE \"C\") entity_id, alias, alias_fold"
                              " FROM fl_stage_aliases ORDER BY entity_id, alias_fold COLLATE \"C\", seq"
                              " ON CONFLICT DO NOTHING", 0, NULL);
    }
    if (ok) {
        fl_buffer_clear(&data);
        id_rows_write(s, &b.quotes, &data);
        ok = fl_pg_copy(s,
                        s->pg->fts_generated
                            ? "COPY quotes(speaker_entity_id, article_id, start, \"end\", text, kind, speaker, speaker_key,"
                              " speaker_start, speaker_end, cue, date) FROM STDIN"
                            : "COPY quotes(speaker_entity_id, article_id, start, \"end\", text, kind, speaker, speaker_key,"
                              " speaker_start, speaker_end, cue, date, fts) FROM STDIN",
                        &data);
    }
    if (ok) {
        fl_buffer_clear(&data);
        id_rows_write(s, &b.attributions, &data);
        ok = fl_pg_copy(s, "COPY attributions(source_entity_id, article_id, source, source_key, source_type, anonymous,"
                           " source_start, source_end, cue, cue_start, cue_end, content_start, content_end, date)"
                           " FROM STDIN", &data);
    }
    ok = ok && fl_pg_copy(s, "COPY figures(article_id, start, \"end\", text, value, low, high, qualifier, category,"
                             " subject, source, date, place, subject_key, place_key, source_key) FROM STDIN",
                          &b.figures);
    ok = ok && fl_pg_copy(s, "COPY times(article_id, start, \"end\", text, type, value) FROM STDIN", &b.times);
    free(fresh);
    free(ids);
    fl_buffer_release(&list);
    fl_buffer_release(&data);
    id_rows_release(&b.mentions);
    id_rows_release(&b.aliases);
    id_rows_release(&b.quotes);
    id_rows_release(&b.attributions);
    fl_buffer_release(&b.figures);
    fl_buffer_release(&b.times);
    fl_buffer_release(&b.words);
    return ok;
}
