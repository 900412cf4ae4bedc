/*
 * pg_resolve.c — canonical entities and sources in PostgreSQL, with the
 * rules of store.c (docs/store.md, "Joining across articles") and several
 * writers at once.
 *
 * Design: finding an existing entity or organisation key is a plain lookup
 * (cached for the batch). Creating one takes a transaction-scoped advisory
 * lock on what the decision depends on — a person's surname (the bare
 * surname joins, adoption) or each word of an organisation key (the unique
 * superset rule) — then looks again, so two writers never decide the same
 * thing twice; the unique keys and INSERT ... ON CONFLICT DO NOTHING plus a
 * re-select make any remaining race harmless. Adoption (a bare surname's
 * entity moving into the first full name) deletes the bare entity first, so
 * it waits for any writer that holds a key-share lock on it (every lookup of
 * a bare-surname entity takes one) and then moves every committed row. Two
 * writers locking in opposite orders deadlock; PostgreSQL detects it and
 * pg_store.c writes the batch again. Which of two racing writers decides
 * first depends on commit order, as it depends on input order with one.
 * Not for: parsing articles (pg_add.c).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/canon.h"
#include "store/pg_internal.h"
#include "util/hash.h"

/* ---- a small string map (open addressing, cleared per batch) ------------- */

typedef struct map_entry {
    char *key;
    long long id;
    char *str;
} map_entry;

struct fl_pg_map {
    map_entry *slots;
    size_t cap, used;
};

fl_pg_map *fl_pg_map_new(void) { return calloc(1, sizeof(fl_pg_map)); }

void fl_pg_map_clear(fl_pg_map *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++) {
        free(m->slots[i].key);
        free(m->slots[i].str);
    }
    free(m->slots);
    m->slots = NULL;
    m->cap = m->used = 0;
}

void fl_pg_map_free(fl_pg_map *m)
{
    fl_pg_map_clear(m);
    free(m);
}

static map_entry *map_slot(fl_pg_map *m, const char *key)
{
    if (!m->cap)
        return NULL;
    size_t i = (size_t)fl_hash64(FL_HASH_SEED, key, strlen(key)) & (m->cap - 1);
    while (m->slots[i].key && strcmp(m->slots[i].key, key))
        i = (i + 1) & (m->cap - 1);
    return &m->slots[i];
}

static map_entry *map_get(fl_pg_map *m, const char *key)
{
    map_entry *e = map_slot(m, key);
    return e && e->key ? e : NULL;
}

/* Sets key's id and string (copied); 0 if out of memory. */
static int map_put(fl_pg_map *m, const char *key, long long id, const char *str)
{
    if ((m->used + 1) * 2 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 256;
        map_entry *old = m->slots;
        size_t oldcap = m->cap;
        m->slots = calloc(cap, sizeof *m->slots);
        if (!m->slots) {
            m->slots = old;
            return 0;
        }
        m->cap = cap;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].key)
                *map_slot(m, old[i].key) = old[i];
        free(old);
    }
    map_entry *e = map_slot(m, key);
    char *s = str ? strdup(str) : NULL;
    if (str && !s)
        return 0;
    if (!e->key) {
        if (!(e->key = strdup(key))) {
            free(s);
            return 0;
        }
        m->used++;
    }
    free(e->str);
    e->id = id;
    e->str = s;
    return 1;
}

/* ---- helpers ------------------------------------------------------------ */

static int lock_on(fl_store *s, const char *kind, const char *what, size_t len)
{
    uint64_t h = fl_hash64(fl_hash64(FL_HASH_SEED, kind, strlen(kind)), what, len);
    char num[32];
    snprintf(num, sizeof num, "%" PRId64, (int64_t)h);
    const char *p[] = {num};
    return fl_pg_command(s, "SELECT pg_advisory_xact_lock($1::bigint)", 1, p);
}

/* The first column of the first row as an id: 0 if no row, -1 on error. */
static long long query_id(fl_store *s, const char *sql, int n, const char *const *p)
{
    PGresult *res = fl_pg_exec(s, sql, n, p);
    if (!res)
        return -1;
    long long id = PQntuples(res) ? atoll(PQgetvalue(res, 0, 0)) : 0;
    PQclear(res);
    return id;
}

static void cache_key(char *out, size_t size, const char *type, const char *key)
{
    snprintf(out, size, "%s\037%s", type, key);
}

long long fl_pg_current_id(fl_store *s, long long id)
{
    for (int hops = 0; id > 0 && hops < 64; hops++) {
        char k[32];
        snprintf(k, sizeof k, "%lld", id);
        map_entry *e = map_get(s->pg->moved, k);
        if (!e)
            break;
        id = e->id;
    }
    return id;
}

/* The entity of (type, key), cached; 0 if none. A bare surname's entity may
 * be deleted by adoption, so its lookup takes a key-share lock that makes an
 * adopting writer wait until this batch is committed. */
static long long lookup(fl_store *s, const char *type, const char *key)
{
    char ck[1024];
    cache_key(ck, sizeof ck, type, key);
    map_entry *e = map_get(s->pg->entities, ck);
    if (e)
        return e->id;
    const char *p[] = {type, key};
    int bare = !strcmp(type, "PER") && !strchr(key, ' ');
    long long id = query_id(s,
                            bare ? "SELECT id FROM entities WHERE type=$1 AND key=$2 FOR KEY SHARE"
                                 : "SELECT id FROM entities WHERE type=$1 AND key=$2",
                            2, p);
    if (id >= 0 && !map_put(s->pg->entities, ck, id, NULL)) {
        fl_store_set_error(s, "out of memory");
        return -1;
    }
    return id;
}

/* ---- organisations and sources ------------------------------------------ */

/* 1 if every word of `small` is a word of `big` (as store.c). */
static int words_subset(const char *small, const char *big)
{
    for (const char *p = small; *p;) {
        size_t n = strcspn(p, " ");
        int found = 0;
        for (const char *q = big; *q;) {
            size_t m = strcspn(q, " ");
            if (m == n && !memcmp(p, q, n)) {
                found = 1;
                break;
            }
            q += m + (q[m] == ' ');
        }
        if (!found)
            return 0;
        p += n + (p[n] == ' ');
    }
    return 1;
}

/* The one canonical key other than `key` that holds all of its words, via
 * the key's longest word: 1 found (in out), 0 none or several, -1 error. */
static int unique_superset(fl_store *s, const char *key, fl_buffer *out)
{
    const char *word = key;
    size_t best = 0;
    for (const char *p = key; *p;) {
        size_t n = strcspn(p, " ");
        if (n > best)
            word = p, best = n;
        p += n + (p[n] == ' ');
    }
    char w[512];
    snprintf(w, sizeof w, "%.*s", (int)(best < sizeof w ? best : sizeof w - 1), word);
    const char *p[] = {w, key};
    PGresult *res = fl_pg_exec(s, "SELECT canonical FROM org_words WHERE word=$1 AND canonical<>$2", 2, p);
    if (!res)
        return -1;
    int supersets = 0;
    for (int i = 0; i < PQntuples(res); i++) {
        const char *c = PQgetvalue(res, i, 0);
        if (words_subset(key, c) && ++supersets == 1) {
            fl_buffer_clear(out);
            fl_buffer_append_str(out, c);
        }
    }
    PQclear(res);
    return supersets == 1;
}

static int stored_canonical(fl_store *s, const char *key, fl_buffer *out)
{
    const char *p[] = {key};
    PGresult *res = fl_pg_exec(s, "SELECT canonical FROM org_keys WHERE key=$1", 1, p);
    if (!res)
        return -1;
    int found = PQntuples(res) > 0;
    if (found) {
        fl_buffer_clear(out);
        fl_buffer_append_str(out, PQgetvalue(res, 0, 0));
    }
    PQclear(res);
    return found;
}

int fl_pg_org_canonical(fl_store *s, const char *key, fl_buffer *out, int create)
{
    map_entry *e = create ? map_get(s->pg->orgs, key) : NULL;
    if (e) {
        fl_buffer_clear(out);
        fl_buffer_append_str(out, e->str);
        return 1;
    }
    int found = stored_canonical(s, key, out);
    if (found < 0)
        return 0;
    if (!found && create) {
        /* The decision reads every key sharing a word with this one: hold
         * each word (keys' words are sorted, so one key locks in order). */
        for (const char *p = key; *p;) {
            size_t n = strcspn(p, " ");
            if (!lock_on(s, "W", p, n))
                return 0;
            p += n + (p[n] == ' ');
        }
        found = stored_canonical(s, key, out);
        if (found < 0)
            return 0;
    }
    if (!found) {
        int super = strchr(key, ' ') ? unique_superset(s, key, out) : 0;
        if (super < 0)
            return 0;
        if (!super) {
            fl_buffer_clear(out);
            fl_buffer_append_str(out, key);
        }
        if (create) {
            const char *p[] = {key, out->data};
            if (!fl_pg_command(s, "INSERT INTO org_keys(key, canonical) VALUES($1, $2) ON CONFLICT DO NOTHING", 2, p))
                return 0;
            /* A new canonical key: index its words for the keys that come later. */
            if (!super && !fl_pg_command(s, "INSERT INTO org_words(word, canonical)"
                                            " SELECT DISTINCT w, $1 FROM unnest(string_to_array($1, ' ')) w"
                                            " WHERE w <> '' ON CONFLICT DO NOTHING", 1, p))
                return 0;
        }
    }
    if (create && !map_put(s->pg->orgs, key, 0, out->data)) {
        fl_store_set_error(s, "out of memory");
        return 0;
    }
    return 1;
}

/* ---- people, places, organisations --------------------------------------- */

/* A bare surname's entity `bare` moves into the full name `id`: its
 * mentions, aliases, quotes and claims. Deleting it first waits for writers
 * that hold it (lookup()), so their rows are committed before they move. */
static int adopt(fl_store *s, long long id, long long bare, const char *surname)
{
    char a[32], b[32];
    snprintf(a, sizeof a, "%lld", id);
    snprintf(b, sizeof b, "%lld", bare);
    const char *p[] = {a, b};
    static const char *const steps[] = {
        "DELETE FROM entities WHERE id=$2 AND $1::bigint IS NOT NULL",
        "INSERT INTO mentions(entity_id, date, article_id, start, \"end\") SELECT $1, date, article_id, start, \"end\""
        " FROM mentions WHERE entity_id=$2 ON CONFLICT DO NOTHING",
        "DELETE FROM mentions WHERE entity_id=$2 AND $1::bigint IS NOT NULL",
        "INSERT INTO entity_aliases(entity_id, alias, alias_fold) SELECT $1, alias, alias_fold FROM entity_aliases"
        " WHERE entity_id=$2 ON CONFLICT DO NOTHING",
        "DELETE FROM entity_aliases WHERE entity_id=$2 AND $1::bigint IS NOT NULL",
        "UPDATE quotes SET speaker_entity_id=$1 WHERE speaker_entity_id=$2",
        "UPDATE attributions SET source_entity_id=$1 WHERE source_entity_id=$2",
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (!fl_pg_command(s, steps[i], 2, p))
            return 0;
    char ck[512];
    cache_key(ck, sizeof ck, "PER", surname);
    if (!map_put(s->pg->moved, b, id, NULL) || !map_put(s->pg->entities, ck, 0, NULL)) {
        fl_store_set_error(s, "out of memory");
        return 0;
    }
    return 1;
}

long long fl_pg_resolve_entity(fl_store *s, const char *type, const char *name)
{
    if (!fl_canon_key(type, name, strlen(name), &s->key))
        return 0;
    int is_per = !strcmp(type, "PER");
    if (!strcmp(type, "ORG")) {
        if (!fl_pg_org_canonical(s, s->key.data, &s->key2, 1))
            return -1;
        fl_buffer_clear(&s->key);
        fl_buffer_append(&s->key, s->key2.data, s->key2.len);
    }
    const char *key = s->key.data;
    long long id = lookup(s, type, key);
    if (id)
        return id;
    char sur[256] = "";
    size_t surname_len = 0;
    if (is_per) {
        const char *surname;
        surname_len = fl_canon_surname(key, s->key.len, &surname);
        if (surname_len >= sizeof sur)
            surname_len = sizeof sur - 1;
        memcpy(sur, surname, surname_len);
        sur[surname_len] = '\0';
        /* Everything below reads and changes this surname's people. */
        if (!lock_on(s, "PER", sur, surname_len))
            return -1;
        const char *p[] = {type, key};
        id = query_id(s, surname_len == s->key.len ? "SELECT id FROM entities WHERE type=$1 AND key=$2 FOR KEY SHARE"
                                                   : "SELECT id FROM entities WHERE type=$1 AND key=$2",
                      2, p);
        if (id)
            return id;
        if (surname_len == s->key.len) {
            /* A bare surname joins the one full name that has it. */
            const char *q[] = {sur};
            PGresult *res = fl_pg_exec(
                s, "SELECT id FROM entities WHERE type='PER' AND surname=$1 AND key<>surname LIMIT 2", 1, q);
            if (!res)
                return -1;
            int n = PQntuples(res);
            if (n == 1)
                id = atoll(PQgetvalue(res, 0, 0));
            PQclear(res);
            if (n == 1)
                return id;
        }
    }
    const char *p[] = {type, key, name, is_per ? sur : NULL};
    id = query_id(s, "INSERT INTO entities(type, key, name, surname) VALUES($1, $2, $3, $4)"
                     " ON CONFLICT (type, key) DO NOTHING RETURNING id", 4, p);
    if (id == 0) /* another writer created it first */
        id = query_id(s, "SELECT id FROM entities WHERE type=$1 AND key=$2", 2, p);
    if (id <= 0)
        return id < 0 ? -1 : 0;
    char ck[1024];
    cache_key(ck, sizeof ck, type, key);
    if (!map_put(s->pg->entities, ck, id, NULL)) {
        fl_store_set_error(s, "out of memory");
        return -1;
    }
    if (is_per && surname_len < s->key.len) {
        /* The first full name with this surname adopts the bare surname's
         * entity, if one was created before it appeared. */
        const char *q[] = {sur, key};
        long long others = query_id(s, "SELECT count(*) FROM entities WHERE type='PER' AND surname=$1"
                                       " AND key<>surname AND key<>$2", 2, q);
        long long bare = query_id(s, "SELECT id FROM entities WHERE type='PER' AND key=$1", 1, q);
        if (others < 0 || bare < 0)
            return -1;
        if (others == 0 && bare > 0 && !adopt(s, id, bare, sur))
            return -1;
    }
    return id;
}

long long fl_pg_find_person(fl_store *s, const char *name)
{
    if (!fl_canon_key("PER", name, strlen(name), &s->key))
        return 0;
    long long id = lookup(s, "PER", s->key.data);
    return id > 0 ? id : id < 0 ? -1 : 0;
}
