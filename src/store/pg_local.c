/*
 * pg_local.c — the names a PostgreSQL batch creates, decided in the writer
 * and written at the batch's end, instead of one round trip each.
 *
 * Why: a batch of 500 new articles creates thousands of entities and
 * organisation keys. Asking the server for each decision (pg_resolve.c's
 * general path) cost two round trips per new name, ten per article, and
 * every round trip is a wait for the other process to be scheduled: on a
 * busy 2-core machine most of a writer's time went to those waits, inside
 * the section where it holds the advisory locks of the names it creates,
 * so a second writer mostly waited for the first (docs/scale-out.md).
 *
 * Design: fl_pg_prefetch takes the advisory locks of everything a batch
 * will create, then (here) reads in two statements what those decisions
 * depend on — every person with a locked surname (the bare-surname join and
 * adoption rules) and the organisation keys holding each locked longest
 * word (the unique superset rule). While the locks are held no other
 * writer can change those sets, so the writer decides alone, in input
 * order, exactly as the statements would have: new entities get
 * provisional ids (FL_PG_PROVISIONAL + n) that rows keep until they are
 * written; new organisation keys and words and adoptions are queued.
 * fl_pg_local_flush writes the queue in a few statements (entities in
 * creation order, so ids are numbered as one writer numbered them before),
 * maps provisional ids to real ones, and runs the queued adoptions. A
 * decision the writer cannot make alone (a surname or word it did not
 * read) flushes the queue and takes pg_resolve.c's general path. Entities
 * other than people are created under their (type, key) lock; one created
 * meanwhile by another writer is found at the flush (ON CONFLICT DO
 * NOTHING, then every id read back), as the general path would.
 * Not for: looking names up (pg_resolve.c), articles (pg_add.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_internal.h"

/* A queue of NUL-terminated strings, with NULL kept apart from "". */
typedef struct strings {
    fl_buffer data;
    size_t n;
} strings;

struct fl_pg_local {
    fl_pg_map *surnames; /* surname -> bare entity (id), full names (n), the one full name (other) */
    fl_pg_map *words;    /* organisation word -> canonical keys holding it, each followed by '\037' */
    strings types, keys, names, sur;   /* entities to create, in order */
    size_t written;                    /* entities already flushed */
    long long *real;                   /* provisional index -> id (0 until flushed) */
    size_t realcap;
    strings org_keys, org_canonical;   /* org_keys rows to write */
    strings org_words, org_word_keys;  /* org_words rows to write */
    long long *adopt;                  /* (new id, bare id) pairs, in order */
    size_t nadopt, adoptcap;
};

static void strings_add(strings *q, const char *v)
{
    if (v)
        fl_buffer_append(&q->data, v, strlen(v) + 1);
    else
        fl_buffer_append(&q->data, "\001", 2); /* NULL: no key holds a control character */
    q->n++;
}

static void strings_clear(strings *q)
{
    fl_buffer_clear(&q->data);
    q->n = 0;
}

/* Items [from, n) as a PostgreSQL array literal into out. */
static void strings_array(const strings *q, size_t from, fl_buffer *out)
{
    fl_buffer_clear(out);
    const char *p = q->data.data;
    for (size_t i = 0; i < q->n; i++, p += strlen(p) + 1) {
        if (i < from)
            continue;
        if (!strcmp(p, "\001"))
            fl_buffer_append_str(out, out->len ? ",NULL" : "{NULL");
        else
            fl_pg_array_append(out, p);
    }
    fl_buffer_append_str(out, out->len ? "}" : "{}");
}

static struct fl_pg_local *local_of(fl_store *s)
{
    struct fl_pg *pg = s->pg;
    if (!pg->local) {
        pg->local = calloc(1, sizeof *pg->local);
        if (!pg->local)
            return NULL;
        pg->local->surnames = fl_pg_map_new();
        pg->local->words = fl_pg_map_new();
        strings *all[] = {&pg->local->types, &pg->local->keys, &pg->local->names, &pg->local->sur,
                          &pg->local->org_keys, &pg->local->org_canonical, &pg->local->org_words,
                          &pg->local->org_word_keys};
        for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
            fl_buffer_init(&all[i]->data);
        if (!pg->local->surnames || !pg->local->words) {
            fl_pg_local_free(s);
            return NULL;
        }
    }
    return pg->local;
}

void fl_pg_local_reset(fl_store *s)
{
    struct fl_pg_local *l = s->pg->local;
    if (!l)
        return;
    fl_pg_map_clear(l->surnames);
    fl_pg_map_clear(l->words);
    strings *all[] = {&l->types, &l->keys, &l->names, &l->sur, &l->org_keys, &l->org_canonical, &l->org_words,
                      &l->org_word_keys};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        strings_clear(all[i]);
    l->written = 0;
    l->nadopt = 0;
}

void fl_pg_local_free(fl_store *s)
{
    struct fl_pg_local *l = s->pg->local;
    if (!l)
        return;
    fl_pg_map_free(l->surnames);
    fl_pg_map_free(l->words);
    strings *all[] = {&l->types, &l->keys, &l->names, &l->sur, &l->org_keys, &l->org_canonical, &l->org_words,
                      &l->org_word_keys};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        fl_buffer_release(&all[i]->data);
    free(l->real);
    free(l->adopt);
    free(l);
    s->pg->local = NULL;
}

/* ---- what the decisions depend on, read under the batch's locks ---------- */

/* Each name once (the lists repeat them): a row per person, or per key
 * holding the word, is counted as the statements count them. */
int fl_pg_local_fetch(fl_store *s, const fl_buffer *surnames, const fl_buffer *words)
{
    struct fl_pg_local *l = local_of(s);
    if (!l) {
        fl_store_set_error(s, "out of memory");
        return 0;
    }
    int ok = 1;
    if (surnames->len) {
        const char *p[] = {surnames->data};
        PGresult *res = fl_pg_exec(s, "SELECT s.name, e.id, e.key = s.name FROM (SELECT DISTINCT unnest($1::text[])) AS s(name)"
                                      " LEFT JOIN entities e ON e.type = 'PER' AND e.surname = s.name ORDER BY e.id",
                                   1, p);
        if (!res)
            return 0;
        for (int i = 0; ok && i < PQntuples(res); i++) {
            const char *name = PQgetvalue(res, i, 0);
            long long bare = 0, n = 0, one = 0;
            fl_pg_map_get(l->surnames, name, &bare, NULL, &n, &one);
            if (!PQgetisnull(res, i, 1)) {
                long long id = atoll(PQgetvalue(res, i, 1));
                if (PQgetvalue(res, i, 2)[0] == 't')
                    bare = id;
                else if (n++ == 0)
                    one = id;
            }
            ok = fl_pg_map_set(l->surnames, name, bare, NULL, n, one);
        }
        PQclear(res);
    }
    if (ok && words->len) {
        const char *p[] = {words->data};
        PGresult *res = fl_pg_exec(s, "SELECT w.word, o.canonical FROM (SELECT DISTINCT unnest($1::text[])) AS w(word)"
                                      " LEFT JOIN org_words o ON o.word = w.word", 1, p);
        if (!res)
            return 0;
        fl_buffer list;
        fl_buffer_init(&list);
        for (int i = 0; ok && i < PQntuples(res); i++) {
            const char *word = PQgetvalue(res, i, 0), *had = NULL;
            fl_buffer_clear(&list);
            if (fl_pg_map_get(l->words, word, NULL, &had, NULL, NULL) && had)
                fl_buffer_append_str(&list, had);
            if (!PQgetisnull(res, i, 1)) {
                fl_buffer_append_str(&list, PQgetvalue(res, i, 1));
                fl_buffer_append_char(&list, '\037');
            }
            ok = fl_pg_map_set(l->words, word, 0, list.len ? list.data : "", 0, 0) && !list.failed;
        }
        fl_buffer_release(&list);
        PQclear(res);
    }
    if (!ok)
        fl_store_set_error(s, "out of memory");
    return ok;
}

/* ---- decisions ------------------------------------------------------------ */

int fl_pg_local_surname(fl_store *s, const char *surname, long long *bare, long long *full, long long *one)
{
    struct fl_pg_local *l = s->pg->local;
    return l && fl_pg_map_get(l->surnames, surname, bare, NULL, full, one);
}

static int set_surname(fl_store *s, const char *surname, long long bare, long long full, long long one)
{
    return fl_pg_map_set(s->pg->local->surnames, surname, bare, NULL, full, one);
}

long long fl_pg_local_create(fl_store *s, const char *type, const char *key, const char *name, const char *surname)
{
    struct fl_pg_local *l = local_of(s);
    if (!l)
        goto nomem;
    size_t i = l->types.n;
    if (i >= l->realcap) {
        size_t cap = l->realcap ? l->realcap * 2 : 1024;
        long long *g = realloc(l->real, cap * sizeof *g);
        if (!g)
            goto nomem;
        l->real = g;
        l->realcap = cap;
    }
    l->real[i] = 0;
    strings_add(&l->types, type);
    strings_add(&l->keys, key);
    strings_add(&l->names, name);
    strings_add(&l->sur, surname);
    if (l->types.data.failed || l->keys.data.failed || l->names.data.failed || l->sur.data.failed)
        goto nomem;
    long long id = FL_PG_PROVISIONAL + (long long)i;
    if (surname) {
        long long bare = 0, full = 0, one = 0;
        if (fl_pg_local_surname(s, surname, &bare, &full, &one)) {
            if (!strcmp(key, surname))
                bare = id;
            else if (full++ == 0)
                one = id;
            if (!set_surname(s, surname, bare, full, one))
                goto nomem;
        }
    }
    return id;
nomem:
    fl_store_set_error(s, "out of memory");
    return -1;
}

int fl_pg_local_adopt(fl_store *s, long long id, long long bare, const char *surname)
{
    struct fl_pg_local *l = local_of(s);
    if (!l)
        return 0;
    if (l->nadopt + 2 > l->adoptcap) {
        size_t cap = l->adoptcap ? l->adoptcap * 2 : 64;
        long long *g = realloc(l->adopt, cap * sizeof *g);
        if (!g)
            return 0;
        l->adopt = g;
        l->adoptcap = cap;
    }
    l->adopt[l->nadopt++] = id;
    l->adopt[l->nadopt++] = bare;
    long long b = 0, full = 0, one = 0;
    return !fl_pg_local_surname(s, surname, &b, &full, &one) || set_surname(s, surname, 0, full, one);
}

long long fl_pg_local_real(fl_store *s, long long id)
{
    struct fl_pg_local *l = s->pg->local;
    if (id < FL_PG_PROVISIONAL || !l || (size_t)(id - FL_PG_PROVISIONAL) >= l->types.n)
        return id;
    long long real = l->real[id - FL_PG_PROVISIONAL];
    return real ? real : id;
}

/* 1 if every word of `small` is a word of big[0, blen) (as pg_resolve.c's). */
static int subset(const char *small, const char *big, size_t blen)
{
    for (const char *p = small; *p;) {
        size_t n = strcspn(p, " ");
        int found = 0;
        for (const char *q = big, *end = big + blen; q < end && !found;) {
            size_t m = 0;
            while (q + m < end && q[m] != ' ')
                m++;
            found = m == n && !memcmp(p, q, n);
            q += m + (q + m < end);
        }
        if (!found)
            return 0;
        p += n + (p[n] == ' ');
    }
    return 1;
}

int fl_pg_local_canonical(fl_store *s, const char *key, const char *longest, fl_buffer *out)
{
    struct fl_pg_local *l = s->pg->local;
    const char *list = NULL;
    if (!l || !fl_pg_map_get(l->words, longest, NULL, &list, NULL, NULL) || !list)
        return 0;
    /* record_canonical's rule: the one other canonical key holding every
     * word of a key of several words, else the key itself. */
    const char *pick = key;
    size_t key_len = strlen(key), pick_len = key_len, supersets = 0;
    if (strchr(key, ' ')) {
        for (const char *c = list; *c;) {
            size_t n = strcspn(c, "\037");
            int same = n == key_len && !memcmp(c, key, n);
            if (!same && subset(key, c, n) && ++supersets == 1) {
                pick = c;
                pick_len = n;
            }
            c += n + (c[n] == '\037');
        }
        if (supersets != 1) {
            pick = key;
            pick_len = key_len;
        }
    }
    fl_buffer_clear(out);
    fl_buffer_append(out, pick, pick_len);
    strings_add(&l->org_keys, key);
    strings_add(&l->org_canonical, out->data);
    if (!strcmp(out->data, key)) {
        /* a new canonical key: its distinct words, for the keys after it */
        fl_buffer word;
        fl_buffer_init(&word);
        for (const char *p = key; *p;) {
            size_t n = strcspn(p, " ");
            int seen = 0;
            for (const char *q = key; q < p && !seen;) {
                size_t m = strcspn(q, " ");
                seen = m == n && !memcmp(p, q, n);
                q += m + (q[m] == ' ');
            }
            if (n && !seen) {
                fl_buffer_clear(&word);
                fl_buffer_append(&word, p, n);
                strings_add(&l->org_words, word.data);
                strings_add(&l->org_word_keys, key);
                const char *had = NULL;
                if (fl_pg_map_get(l->words, word.data, NULL, &had, NULL, NULL) && had) {
                    fl_buffer grown;
                    fl_buffer_init(&grown);
                    fl_buffer_append_str(&grown, had);
                    fl_buffer_append_str(&grown, key);
                    fl_buffer_append_char(&grown, '\037');
                    int ok = !grown.failed && fl_pg_map_set(l->words, word.data, 0, grown.data, 0, 0);
                    fl_buffer_release(&grown);
                    if (!ok) {
                        fl_buffer_release(&word);
                        return -1;
                    }
                }
            }
            p += n + (p[n] == ' ');
        }
        fl_buffer_release(&word);
    }
    return out->failed || l->org_keys.data.failed || l->org_words.data.failed ? -1 : 1;
}

void fl_pg_local_forget_words(fl_store *s)
{
    if (s->pg->local)
        fl_pg_map_clear(s->pg->local->words);
}

/* ---- writing what was decided --------------------------------------------- */

int fl_pg_local_flush(fl_store *s)
{
    struct fl_pg_local *l = s->pg->local;
    if (!l)
        return 1;
    fl_buffer a, b, c, d;
    fl_buffer_init(&a);
    fl_buffer_init(&b);
    fl_buffer_init(&c);
    fl_buffer_init(&d);
    int ok = 1;
    if (l->org_keys.n || l->org_words.n) {
        strings_array(&l->org_keys, 0, &a);
        strings_array(&l->org_canonical, 0, &b);
        strings_array(&l->org_words, 0, &c);
        strings_array(&l->org_word_keys, 0, &d);
        const char *p[] = {a.data, b.data, c.data, d.data};
        ok = fl_pg_command(s, "WITH k AS (INSERT INTO org_keys(key, canonical) SELECT * FROM unnest($1::text[], $2::text[])"
                              "   ON CONFLICT DO NOTHING)"
                              " INSERT INTO org_words(word, canonical) SELECT * FROM unnest($3::text[], $4::text[])"
                              " ON CONFLICT DO NOTHING", 4, p);
        strings_clear(&l->org_keys);
        strings_clear(&l->org_canonical);
        strings_clear(&l->org_words);
        strings_clear(&l->org_word_keys);
    }
    if (ok && l->written < l->types.n) {
        strings_array(&l->types, l->written, &a);
        strings_array(&l->keys, l->written, &b);
        strings_array(&l->names, l->written, &c);
        strings_array(&l->sur, l->written, &d);
        const char *p[] = {a.data, b.data, c.data, d.data};
        /* In creation order, so the sequence numbers them in that order. */
        ok = fl_pg_command(s, "INSERT INTO entities(type, key, name, surname) SELECT v.type, v.key, v.name, v.surname"
                              " FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY"
                              " AS v(type, key, name, surname, i) ORDER BY v.i ON CONFLICT (type, key) DO NOTHING",
                           4, p);
        PGresult *res = ok ? fl_pg_exec(s, "SELECT v.i, e.id FROM unnest($1::text[], $2::text[]) WITH ORDINALITY"
                                           " AS v(type, key, i) JOIN entities e ON e.type = v.type AND e.key = v.key",
                                        2, p)
                           : NULL;
        ok = res != NULL;
        for (int r = 0; ok && r < PQntuples(res); r++) {
            size_t i = l->written + (size_t)atoll(PQgetvalue(res, r, 0)) - 1;
            if (i < l->types.n)
                l->real[i] = atoll(PQgetvalue(res, r, 1));
        }
        for (size_t i = l->written; ok && i < l->types.n; i++)
            if (!l->real[i]) {
                fl_store_set_error(s, "PostgreSQL: an entity created by this batch is missing after its insert");
                ok = 0;
            }
        PQclear(res);
        if (ok)
            l->written = l->types.n;
    }
    for (size_t i = 0; ok && i < l->nadopt; i += 2)
        ok = fl_pg_adopt_rows(s, fl_pg_local_real(s, l->adopt[i]), fl_pg_local_real(s, l->adopt[i + 1]));
    if (ok)
        l->nadopt = 0;
    int failed = a.failed || b.failed || c.failed || d.failed;
    fl_buffer_release(&a);
    fl_buffer_release(&b);
    fl_buffer_release(&c);
    fl_buffer_release(&d);
    if (ok && failed) {
        fl_store_set_error(s, "out of memory");
        ok = 0;
    }
    return ok;
}
