/*
 * cache.h — the server's answer cache: the JSON bodies of recent questions,
 * keyed by the question and its validated parameters, bounded in bytes, least
 * recently used first out. Any change to the database files (size or
 * modification time of the database and its WAL) empties it, so an answer is
 * never older than the data a fresh query would see. Not for: static files
 * (they carry ETags) or error answers (never cached).
 */
#ifndef FL_SERVER_CACHE_H
#define FL_SERVER_CACHE_H

#include <stddef.h>

typedef struct server_cache server_cache;

/* max_bytes 0 disables caching (NULL is returned and every call is a no-op). */
server_cache *server_cache_new(const char *db_path, size_t max_bytes);

/* Copies the cached body for `key` into a new malloc()ed buffer (*body,
 * *len) and returns 1, or returns 0 on a miss. Thread-safe. */
int server_cache_get(server_cache *c, const char *key, size_t key_len, char **body, size_t *len);

/* Stores a copy of `body` under `key` (bodies larger than an eighth of the
 * cache are not kept). Thread-safe. */
void server_cache_put(server_cache *c, const char *key, size_t key_len, const char *body, size_t len);

/* Hits and misses since the start, for /healthz. */
void server_cache_stats(server_cache *c, unsigned long long *hits, unsigned long long *misses, size_t *bytes);

void server_cache_free(server_cache *c);

#endif
