/*
 * pg_resolve.c — canonical entities and sources in PostgreSQL, with the
 * rules of store.c (docs/store.md, "Joining across articles") and several
 * writers at once.
 *
 * Design: finding an existing entity or organisation key is a lookup,
 * cached for the batch: fl_pg_prefetch looks up every key a batch names in
 * two queries. Creating one takes a transaction-scoped advisory lock on what
 * the decision depends on — a person's surname (the bare surname joins,
 * adoption), an entity's type and key, or each word of an organisation key
 * (the unique superset rule) — then looks again, so two writers never decide
 * the same thing twice; the unique keys and INSERT ... ON CONFLICT DO NOTHING
 * plus a re-select make any remaining race harmless. fl_pg_prefetch takes
 * the locks for every key the batch will create at once, in sorted order,
 * so writers creating the same keys wait for each other instead of
 * deadlocking; a lock needed later (a key deleted meanwhile) is taken then. Adoption (a bare surname's
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
    long long n, other; /* a surname's full names and, if one, its id (pg_local.c) */
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

int fl_pg_map_get(fl_pg_map *m, const char *key, long long *id, const char **str, long long *n, long long *other)
{
    map_entry *e = map_get(m, key);
    if (!e)
        return 0;
    if (id)
        *id = e->id;
    if (str)
        *str = e->str;
    if (n)
        *n = e->n;
    if (other)
        *other = e->other;
    return 1;
}

int fl_pg_map_set(fl_pg_map *m, const char *key, long long id, const char *str, long long n, long long other)
{
    if (!map_put(m, key, id, str))
        return 0;
    map_entry *e = map_get(m, key);
    e->n = n;
    e->other = other;
    return 1;
}

/* ---- helpers ------------------------------------------------------------ */

size_t fl_pg_key(const char *type, const char *name, fl_buffer *out)
{
    size_t n = fl_canon_key(type, name, strlen(name), out);
    return n <= FL_PG_MAX_KEY && strlen(type) <= FL_PG_MAX_SHORT ? n : 0;
}

/* Advisory lock keys: a hash of what is locked, folded into LOCK_BUCKETS
 * keys so one transaction holds at most that many (the server's lock table
 * is shared: max_locks_per_transaction x max_connections). Two things in one
 * bucket only wait for each other needlessly. */
#define LOCK_BUCKETS 256
#define LOCK_BASE INT64_C(0x666c0000)

static int64_t lock_key(const char *kind, const char *what, size_t len)
{
    return LOCK_BASE + (int64_t)(fl_hash64(fl_hash64(FL_HASH_SEED, kind, strlen(kind)), what, len) % LOCK_BUCKETS);
}

static int lock_held(fl_store *s, int64_t key)
{
    uint64_t b = (uint64_t)(key - LOCK_BASE);
    return (s->pg->held[b / 64] >> (b % 64)) & 1;
}

static void lock_mark(fl_store *s, int64_t key)
{
    uint64_t b = (uint64_t)(key - LOCK_BASE);
    s->pg->held[b / 64] |= UINT64_C(1) << (b % 64);
}

/* Holds the lock until the transaction ends: 2 if it was taken now (others
 * may have changed things: look again), 1 if already held, 0 on error. */
static int lock_on(fl_store *s, const char *kind, const char *what, size_t len)
{
    int64_t h = lock_key(kind, what, len);
    if (lock_held(s, h))
        return 1;
    char num[32];
    snprintf(num, sizeof num, "%" PRId64, h);
    const char *p[] = {num};
    if (!fl_pg_command(s, "SELECT pg_advisory_xact_lock($1::bigint)", 1, p))
        return 0;
    lock_mark(s, h);
    return 2;
}

void fl_pg_locks_released(fl_store *s)
{
    memset(s->pg->held, 0, sizeof s->pg->held);
    fl_pg_local_reset(s); /* what was known under them */
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
    /* Adoptions are recorded under the ids of their moment, provisional
     * (pg_local.c) or real: follow both until neither changes it. */
    for (int hops = 0; id > 0 && hops < 64; hops++) {
        char k[32];
        snprintf(k, sizeof k, "%lld", id);
        map_entry *e = map_get(s->pg->moved, k);
        long long next = e ? e->id : fl_pg_local_real(s, id);
        if (next == id)
            break;
        id = next;
    }
    return id;
}

/* The entity of (type, key), cached; 0 if none. A bare surname's entity may
 * be deleted by adoption, so its lookup takes a key-share lock that makes an
 * adopting writer wait until this batch is committed. */
static long long lookup(fl_store *s, const char *type, const char *key)
{
    char ck[FL_PG_MAX_KEY + FL_PG_MAX_SHORT + 8];
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

/* The first longest word of a key, into w. */
static void longest_word(const char *key, char *w, size_t size)
{
    const char *word = key;
    size_t best = 0;
    for (const char *p = key; *p;) {
        size_t n = strcspn(p, " ");
        if (n > best)
            word = p, best = n;
        p += n + (p[n] == ' ');
    }
    snprintf(w, size, "%.*s", (int)(best < size ? best : size - 1), word);
}

/* The one canonical key other than `key` that holds all of its words, via
 * the key's longest word: 1 found (in out), 0 none or several, -1 error. */
static int unique_superset(fl_store *s, const char *key, fl_buffer *out)
{
    char w[512];
    longest_word(key, w, sizeof w);
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

/* The same decision as unique_superset, recorded at once (one round trip):
 * the key's canonical form into org_keys, and if it is a new canonical key
 * its words into org_words for the keys that come later. */
static int record_canonical(fl_store *s, const char *key, fl_buffer *out)
{
    char w[512];
    longest_word(key, w, sizeof w);
    const char *p[] = {key, w};
    PGresult *res = fl_pg_exec(
        s, "WITH sup AS (SELECT canonical FROM org_words WHERE word = $2 AND canonical <> $1 AND strpos($1, ' ') > 0"
           "   AND string_to_array($1, ' ') <@ string_to_array(canonical, ' ')),"
           " pick AS (SELECT CASE WHEN (SELECT count(*) FROM sup) = 1 THEN (SELECT canonical FROM sup) ELSE $1 END AS c),"
           " k AS (INSERT INTO org_keys(key, canonical) SELECT $1, c FROM pick ON CONFLICT DO NOTHING),"
           " w AS (INSERT INTO org_words(word, canonical) SELECT DISTINCT x, $1 FROM pick, unnest(string_to_array($1, ' ')) x"
           "   WHERE x <> '' AND pick.c = $1 ON CONFLICT DO NOTHING)"
           " SELECT c FROM pick",
        2, p);
    if (!res)
        return 0;
    fl_buffer_clear(out);
    fl_buffer_append_str(out, PQgetvalue(res, 0, 0));
    PQclear(res);
    return 1;
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
    if (e && e->str) {
        fl_buffer_clear(out);
        fl_buffer_append_str(out, e->str);
        return 1;
    }
    int found = e ? 0 : stored_canonical(s, key, out); /* e without str: known to be missing */
    if (found < 0)
        return 0;
    int taken = 0;
    if (!found && create) {
        /* The decision reads every key sharing a word with this one: hold
         * each word (keys' words are sorted, so one key locks in order). */
        for (const char *p = key; *p;) {
            size_t n = strcspn(p, " ");
            int l = lock_on(s, "W", p, n);
            if (!l)
                return 0;
            taken |= l == 2;
            p += n + (p[n] == ' ');
        }
        found = taken ? stored_canonical(s, key, out) : 0;
        if (found < 0)
            return 0;
    }
    if (!found && create) {
        /* Decided here when every word was locked before the batch read
         * the keys holding its longest word (pg_local.c); else asked. */
        char w[512];
        longest_word(key, w, sizeof w);
        int local = taken ? 0 : fl_pg_local_canonical(s, key, w, out);
        if (local < 0) {
            fl_store_set_error(s, "out of memory");
            return 0;
        }
        if (!local && (!fl_pg_local_flush(s) || !record_canonical(s, key, out)))
            return 0;
        if (!local)
            fl_pg_local_forget_words(s); /* the server has words the batch did not read */
    } else if (!found) {
        int super = strchr(key, ' ') ? unique_superset(s, key, out) : 0;
        if (super < 0)
            return 0;
        if (!super) {
            fl_buffer_clear(out);
            fl_buffer_append_str(out, key);
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
int fl_pg_adopt_rows(fl_store *s, long long id, long long bare)
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
    return 1;
}

/* Adoption now, or at the flush when either entity is not written yet;
 * from here on the batch's rows of `bare` are written as `id`'s. */
static int adopt(fl_store *s, long long id, long long bare, const char *surname)
{
    if (id >= FL_PG_PROVISIONAL || bare >= FL_PG_PROVISIONAL ? !fl_pg_local_adopt(s, id, bare, surname)
                                                              : !fl_pg_adopt_rows(s, id, bare)) {
        if (!s->error[0])
            fl_store_set_error(s, "out of memory");
        return 0;
    }
    char b[32];
    snprintf(b, sizeof b, "%lld", bare);
    char ck[FL_PG_MAX_KEY + FL_PG_MAX_SHORT + 8];
    cache_key(ck, sizeof ck, "PER", surname);
    if (!map_put(s->pg->moved, b, id, NULL) || !map_put(s->pg->entities, ck, 0, NULL)) {
        fl_store_set_error(s, "out of memory");
        return 0;
    }
    return 1;
}

/* An entity this batch created, in the lookup cache; 0 if out of memory. */
static int remember(fl_store *s, const char *type, const char *key, long long id)
{
    char ck[FL_PG_MAX_KEY + FL_PG_MAX_SHORT + 8];
    cache_key(ck, sizeof ck, type, key);
    if (!map_put(s->pg->entities, ck, id, NULL)) {
        fl_store_set_error(s, "out of memory");
        return 0;
    }
    return 1;
}

long long fl_pg_resolve_entity(fl_store *s, const char *type, const char *name)
{
    if (!fl_pg_key(type, name, &s->key))
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
        int l = lock_on(s, "PER", sur, surname_len);
        if (!l)
            return -1;
        long long bare = 0, full = 0, one = 0;
        if (l == 1 && fl_pg_local_surname(s, sur, &bare, &full, &one)) {
            /* The batch read this surname's people under its lock: the
             * statements below, decided here (pg_local.c). */
            if (surname_len == s->key.len && full == 1)
                return one; /* a bare surname joins the one full name */
            id = fl_pg_local_create(s, type, key, name, sur);
            return id < 0 || !remember(s, type, key, id) ||
                           (surname_len < s->key.len && full == 0 && bare > 0 && !adopt(s, id, bare, sur))
                       ? -1
                       : id;
        }
        if (!fl_pg_local_flush(s)) /* the general path numbers its entity after the queued ones */
            return -1;
        const char *p[] = {type, key};
        if (l == 2)
            id = query_id(s, surname_len == s->key.len ? "SELECT id FROM entities WHERE type=$1 AND key=$2 FOR KEY SHARE"
                                                       : "SELECT id FROM entities WHERE type=$1 AND key=$2",
                          2, p);
        if (id)
            return id < 0 ? -1 : id;
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
    if (!is_per) {
        int l = lock_on(s, type, key, s->key.len);
        if (!l)
            return -1;
        if (l == 1) { /* locked before it was looked up: created at the flush */
            id = fl_pg_local_create(s, type, key, name, NULL);
            return id < 0 || !remember(s, type, key, id) ? -1 : id;
        }
        if (!fl_pg_local_flush(s))
            return -1;
    }
    /* The insert, and for a full name what adoption needs to know: how many
     * other full names have the surname, and the bare surname's entity (the
     * statement's snapshot predates the insert: the count excludes it). */
    const char *p[] = {type, key, name, is_per ? sur : NULL};
    PGresult *res = fl_pg_exec(
        s, "WITH ins AS (INSERT INTO entities(type, key, name, surname) VALUES($1, $2, $3, $4)"
           "   ON CONFLICT (type, key) DO NOTHING RETURNING id)"
           " SELECT (SELECT id FROM ins),"
           " (SELECT count(*) FROM entities WHERE type = 'PER' AND surname = $4 AND key <> surname AND key <> $2),"
           " (SELECT id FROM entities WHERE type = 'PER' AND key = $4)",
        4, p);
    if (!res)
        return -1;
    id = atoll(PQgetvalue(res, 0, 0));
    long long others = atoll(PQgetvalue(res, 0, 1)), bare = atoll(PQgetvalue(res, 0, 2));
    PQclear(res);
    if (id == 0) /* another writer created it first */
        return query_id(s, "SELECT id FROM entities WHERE type=$1 AND key=$2", 2, p);
    if (!remember(s, type, key, id))
        return -1;
    /* The first full name with this surname adopts the bare surname's
     * entity, if one was created before it appeared. */
    if (is_per && surname_len < s->key.len && others == 0 && bare > 0 && !adopt(s, id, bare, sur))
        return -1;
    return id;
}

long long fl_pg_find_person(fl_store *s, const char *name)
{
    if (!fl_pg_key("PER", name, &s->key))
        return 0;
    long long id = lookup(s, "PER", s->key.data);
    return id > 0 ? id : id < 0 ? -1 : 0;
}

/* ---- a batch's keys at once ---------------------------------------------- */

void fl_pg_array_append(fl_buffer *arr, const char *elem)
{
    fl_buffer_append_str(arr, arr->len ? ",\"" : "{\"");
    for (const char *p = elem; *p; p++) {
        if (*p == '"' || *p == '\\')
            fl_buffer_append_char(arr, '\\');
        fl_buffer_append_char(arr, *p);
    }
    fl_buffer_append_char(arr, '"');
}

static const char *array_or_empty(const fl_buffer *arr) { return arr->len ? arr->data : "{}"; }

static int by_int64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

/* Fills the org key cache from org_keys for every key of `orgs` (an array literal). */
static int fetch_orgs(fl_store *s, const fl_buffer *orgs)
{
    const char *p[] = {array_or_empty(orgs)};
    PGresult *res = fl_pg_exec(s, "SELECT w.key, o.canonical FROM unnest($1::text[]) AS w(key)"
                                  " LEFT JOIN org_keys o ON o.key = w.key", 1, p);
    if (!res)
        return 0;
    int ok = 1;
    for (int i = 0; ok && i < PQntuples(res); i++) /* a missing key: no string */
        ok = map_put(s->pg->orgs, PQgetvalue(res, i, 0), 0, PQgetisnull(res, i, 1) ? NULL : PQgetvalue(res, i, 1));
    PQclear(res);
    if (!ok)
        fl_store_set_error(s, "out of memory");
    return ok;
}

typedef struct lock_set {
    int64_t *keys;
    size_t n, cap;
} lock_set;

static int lock_add(lock_set *l, const char *kind, const char *what, size_t len)
{
    if (l->n == l->cap) {
        int64_t *g = realloc(l->keys, (l->cap = l->cap * 2 + 64) * sizeof *g);
        if (!g)
            return 0;
        l->keys = g;
    }
    l->keys[l->n++] = lock_key(kind, what, len);
    return 1;
}

/* The entity (type, key) pairs to look up: ORG keys through their known
 * canonical key (an unknown one is resolved, and locked, on its own). */
static void entity_arrays(fl_store *s, const fl_buffer *types, const fl_buffer *keys, size_t n, fl_buffer *t,
                          fl_buffer *k)
{
    const char *tp = types->data, *kp = keys->data;
    for (size_t i = 0; i < n; i++, tp += strlen(tp) + 1, kp += strlen(kp) + 1) {
        const char *key = kp;
        if (!strcmp(tp, "ORG")) {
            /* an unknown key is its own canonical key unless a superset
             * takes it (pg_local.c): look that up, the usual case */
            map_entry *e = map_get(s->pg->orgs, kp);
            if (e && e->str)
                key = e->str;
        }
        fl_pg_array_append(t, tp);
        fl_pg_array_append(k, key);
    }
    if (t->len) {
        fl_buffer_append_char(t, '}');
        fl_buffer_append_char(k, '}');
    }
}

/* Looks up the pairs; found ones and (final) missing ones (id 0) go to the
 * cache. The final lookup, after the advisory locks (which come first, so
 * every writer locks in one order), key-share locks bare surnames (see
 * lookup()). */
static int fetch_entities(fl_store *s, const fl_buffer *t, const fl_buffer *k, int final, fl_buffer *missing_types,
                          fl_buffer *missing_keys)
{
    const char *p[] = {array_or_empty(t), array_or_empty(k)};
    PGresult *res = fl_pg_exec(s, "SELECT w.type, w.key, e.id FROM unnest($1::text[], $2::text[]) AS w(type, key)"
                                  " LEFT JOIN entities e ON e.type = w.type AND e.key = w.key", 2, p);
    if (!res)
        return 0;
    int ok = 1;
    char ck[FL_PG_MAX_KEY + FL_PG_MAX_SHORT + 8];
    for (int i = 0; ok && i < PQntuples(res); i++) {
        int missing = PQgetisnull(res, i, 2);
        cache_key(ck, sizeof ck, PQgetvalue(res, i, 0), PQgetvalue(res, i, 1));
        if (!missing || final)
            ok = map_put(s->pg->entities, ck, missing ? 0 : atoll(PQgetvalue(res, i, 2)), NULL);
        if (missing && missing_types) {
            fl_buffer_append(missing_types, PQgetvalue(res, i, 0), (size_t)PQgetlength(res, i, 0) + 1);
            fl_buffer_append(missing_keys, PQgetvalue(res, i, 1), (size_t)PQgetlength(res, i, 1) + 1);
        }
    }
    PQclear(res);
    if (!ok) {
        fl_store_set_error(s, "out of memory");
        return 0;
    }
    if (!final)
        return 1;
    res = fl_pg_exec(s, "SELECT e.id FROM unnest($1::text[], $2::text[]) AS w(type, key) JOIN entities e"
                        " ON e.type = w.type AND e.key = w.key WHERE w.type = 'PER' AND strpos(w.key, ' ') = 0"
                        " ORDER BY e.id FOR KEY SHARE OF e", 2, p);
    PQclear(res);
    return res != NULL;
}

int fl_pg_prefetch(fl_store *s, const fl_buffer *types, const fl_buffer *keys, size_t n, const fl_buffer *orgs,
                   size_t norgs)
{
    fl_buffer t, k, mt, mk, org_array, surnames, words;
    fl_buffer_init(&surnames);
    fl_buffer_init(&words);
    fl_buffer_init(&t);
    fl_buffer_init(&k);
    fl_buffer_init(&mt);
    fl_buffer_init(&mk);
    fl_buffer_init(&org_array);
    lock_set locks = {NULL, 0, 0};
    const char *o = orgs->data;
    for (size_t i = 0; i < norgs; i++, o += strlen(o) + 1)
        fl_pg_array_append(&org_array, o);
    if (org_array.len)
        fl_buffer_append_char(&org_array, '}');
    int ok = fetch_orgs(s, &org_array);
    /* What the batch will create: the words of unknown organisation keys,
     * the surname of unknown people, the type and key of other unknowns. */
    o = orgs->data;
    for (size_t i = 0; ok && i < norgs; i++, o += strlen(o) + 1) {
        map_entry *known = map_get(s->pg->orgs, o);
        if (known && known->str)
            continue;
        char longest[512];
        longest_word(o, longest, sizeof longest);
        fl_pg_array_append(&words, longest);
        for (const char *w = o; ok && *w;) {
            size_t wl = strcspn(w, " ");
            ok = lock_add(&locks, "W", w, wl);
            w += wl + (w[wl] == ' ');
        }
        ok = ok && lock_add(&locks, "ORG", o, strlen(o));
    }
    entity_arrays(s, types, keys, n, &t, &k);
    ok = ok && fetch_entities(s, &t, &k, 0, &mt, &mk);
    for (const char *tp = mt.data, *kp = mk.data; ok && tp < mt.data + mt.len;
         tp += strlen(tp) + 1, kp += strlen(kp) + 1) {
        if (!strcmp(tp, "PER")) {
            const char *sur;
            size_t sl = fl_canon_surname(kp, strlen(kp), &sur);
            char one[256];
            snprintf(one, sizeof one, "%.*s", (int)(sl < 255 ? sl : 255), sur);
            fl_pg_array_append(&surnames, one);
            ok = lock_add(&locks, "PER", sur, sl < 255 ? sl : 255);
        } else {
            ok = lock_add(&locks, tp, kp, strlen(kp));
        }
    }
    if (ok && locks.n) {
        qsort(locks.keys, locks.n, sizeof *locks.keys, by_int64);
        fl_buffer arr;
        fl_buffer_init(&arr);
        for (size_t i = 0; i < locks.n; i++)
            if (!i || locks.keys[i] != locks.keys[i - 1])
                fl_buffer_printf(&arr, "%s%" PRId64, i ? "," : "{", locks.keys[i]);
        fl_buffer_append_char(&arr, '}');
        const char *p[] = {arr.data};
        ok = fl_pg_command(s, "SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k", 1, p);
        fl_buffer_release(&arr);
        for (size_t i = 0; ok && i < locks.n; i++)
            lock_mark(s, locks.keys[i]);
        if (ok) {
            /* Others may have created keys while this writer waited. */
            fl_pg_map_clear(s->pg->entities);
            fl_pg_map_clear(s->pg->orgs);
            fl_buffer_clear(&t);
            fl_buffer_clear(&k);
            ok = fetch_orgs(s, &org_array);
            entity_arrays(s, types, keys, n, &t, &k);
        }
    }
    ok = ok && fetch_entities(s, &t, &k, 1, NULL, NULL);
    /* What the decisions under those locks depend on (pg_local.c). */
    if (surnames.len)
        fl_buffer_append_char(&surnames, '}');
    if (words.len)
        fl_buffer_append_char(&words, '}');
    ok = ok && (!locks.n || (!surnames.failed && !words.failed && fl_pg_local_fetch(s, &surnames, &words)));
    if (!ok && !s->error[0])
        fl_store_set_error(s, "out of memory");
    fl_buffer_release(&surnames);
    fl_buffer_release(&words);
    free(locks.keys);
    fl_buffer_release(&t);
    fl_buffer_release(&k);
    fl_buffer_release(&mt);
    fl_buffer_release(&mk);
    fl_buffer_release(&org_array);
    return ok;
}
