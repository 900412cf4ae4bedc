/*
 * cache.c — the answer cache (see cache.h).
 *
 * Layout: a hash table of entries chained by key hash, and a doubly linked
 * list in use order; one mutex guards both (lookups are a hash, a compare
 * and a copy: the lock is held for microseconds). Memory: key + body + ~64
 * bytes per entry, at most max_bytes in all. The database "generation" is
 * the size and modification time of the database file and of its WAL; it is
 * read (two stat calls) on every lookup, and a change empties the cache.
 */
#include "cache.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct entry {
    struct entry *next_in_bucket;
    struct entry *newer, *older; /* use order */
    uint64_t hash;
    char *key;
    size_t key_len;
    char *body;
    size_t len;
} entry;

struct server_cache {
    pthread_mutex_t lock;
    char *db, *wal;
    entry **buckets;
    size_t nbuckets;
    entry *newest, *oldest;
    size_t bytes, max_bytes;
    unsigned long long hits, misses;
    struct stat db_stat, wal_stat; /* the generation the entries belong to */
};

static uint64_t hash_key(const char *s, size_t len)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * UINT64_C(0x100000001b3);
    return h;
}

static size_t entry_cost(const entry *e) { return sizeof *e + e->key_len + e->len; }

static void unlink_entry(server_cache *c, entry *e)
{
    entry **p = &c->buckets[e->hash % c->nbuckets];
    while (*p != e)
        p = &(*p)->next_in_bucket;
    *p = e->next_in_bucket;
    if (e->newer)
        e->newer->older = e->older;
    else
        c->newest = e->older;
    if (e->older)
        e->older->newer = e->newer;
    else
        c->oldest = e->newer;
    c->bytes -= entry_cost(e);
    free(e->key);
    free(e->body);
    free(e);
}

static void clear(server_cache *c)
{
    while (c->oldest)
        unlink_entry(c, c->oldest);
}

static int same_file(const struct stat *a, const struct stat *b)
{
    return a->st_size == b->st_size && a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
           a->st_mtim.tv_nsec == b->st_mtim.tv_nsec && a->st_ino == b->st_ino;
}

/* Empties the cache if the database files changed since its entries were made. */
static void check_generation(server_cache *c)
{
    struct stat d, w;
    memset(&d, 0, sizeof d);
    memset(&w, 0, sizeof w);
    stat(c->db, &d);
    stat(c->wal, &w);
    if (!same_file(&d, &c->db_stat) || !same_file(&w, &c->wal_stat)) {
        clear(c);
        c->db_stat = d;
        c->wal_stat = w;
    }
}

server_cache *server_cache_new(const char *db_path, size_t max_bytes)
{
    if (max_bytes == 0)
        return NULL;
    server_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    size_t n = strlen(db_path);
    c->db = strdup(db_path);
    c->wal = malloc(n + 5);
    c->nbuckets = 4096;
    c->buckets = calloc(c->nbuckets, sizeof *c->buckets);
    if (!c->db || !c->wal || !c->buckets) {
        server_cache_free(c);
        return NULL;
    }
    snprintf(c->wal, n + 5, "%s-wal", db_path);
    c->max_bytes = max_bytes;
    pthread_mutex_init(&c->lock, NULL);
    check_generation(c);
    return c;
}

static entry *find(server_cache *c, const char *key, size_t key_len, uint64_t h)
{
    for (entry *e = c->buckets[h % c->nbuckets]; e; e = e->next_in_bucket)
        if (e->hash == h && e->key_len == key_len && !memcmp(e->key, key, key_len))
            return e;
    return NULL;
}

int server_cache_get(server_cache *c, const char *key, size_t key_len, char **body, size_t *len)
{
    if (!c)
        return 0;
    uint64_t h = hash_key(key, key_len);
    int hit = 0;
    pthread_mutex_lock(&c->lock);
    check_generation(c);
    entry *e = find(c, key, key_len, h);
    if (e && (*body = malloc(e->len ? e->len : 1)) != NULL) {
        memcpy(*body, e->body, e->len);
        *len = e->len;
        hit = 1;
        /* move to the front of the use order */
        if (c->newest != e) {
            e->newer->older = e->older;
            if (e->older)
                e->older->newer = e->newer;
            else
                c->oldest = e->newer;
            e->older = c->newest;
            e->newer = NULL;
            c->newest->newer = e;
            c->newest = e;
        }
    }
    if (hit)
        c->hits++;
    else
        c->misses++;
    pthread_mutex_unlock(&c->lock);
    return hit;
}

void server_cache_put(server_cache *c, const char *key, size_t key_len, const char *body, size_t len)
{
    if (!c || sizeof(entry) + key_len + len > c->max_bytes / 8)
        return;
    entry *e = calloc(1, sizeof *e);
    if (!e || !(e->key = malloc(key_len ? key_len : 1)) || !(e->body = malloc(len ? len : 1))) {
        if (e)
            free(e->key);
        free(e);
        return;
    }
    memcpy(e->key, key, key_len);
    memcpy(e->body, body, len);
    e->key_len = key_len;
    e->len = len;
    e->hash = hash_key(key, key_len);
    pthread_mutex_lock(&c->lock);
    check_generation(c);
    entry *old = find(c, key, key_len, e->hash);
    if (old)
        unlink_entry(c, old);
    while (c->oldest && c->bytes + entry_cost(e) > c->max_bytes)
        unlink_entry(c, c->oldest);
    e->next_in_bucket = c->buckets[e->hash % c->nbuckets];
    c->buckets[e->hash % c->nbuckets] = e;
    e->older = c->newest;
    if (c->newest)
        c->newest->newer = e;
    c->newest = e;
    if (!c->oldest)
        c->oldest = e;
    c->bytes += entry_cost(e);
    pthread_mutex_unlock(&c->lock);
}

void server_cache_stats(server_cache *c, unsigned long long *hits, unsigned long long *misses, size_t *bytes)
{
    *hits = *misses = 0;
    *bytes = 0;
    if (!c)
        return;
    pthread_mutex_lock(&c->lock);
    *hits = c->hits;
    *misses = c->misses;
    *bytes = c->bytes;
    pthread_mutex_unlock(&c->lock);
}

void server_cache_free(server_cache *c)
{
    if (!c)
        return;
    if (c->buckets) {
        clear(c);
        pthread_mutex_destroy(&c->lock);
    }
    free(c->buckets);
    free(c->db);
    free(c->wal);
    free(c);
}
