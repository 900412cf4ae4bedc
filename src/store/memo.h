/*
 * memo.h — what the writer already asked the database, remembered: a byte
 * string key to an id and an optional string (the entity a name resolves
 * to, the canonical key of a source text, an alias already stored). Open
 * addressing with linear probing over a power-of-two table; each entry is one
 * allocation holding key and string. Bounded: when it holds `max` entries it
 * is emptied and starts again, so a long stream uses constant memory.
 * The store empties it whenever what it remembers may have changed (a rolled
 * back batch, another connection's commit; nothing remembered names an
 * entity that may be merged away, store_resolve.c).
 * Not for: anything read by questions.
 */
#ifndef FL_STORE_MEMO_H
#define FL_STORE_MEMO_H

#include <stddef.h>

typedef struct fl_memo_entry {
    unsigned long long hash;
    long long id;
    size_t key_len, str_len;
    char *key; /* key_len bytes, then str (str_len bytes and a NUL) */
} fl_memo_entry;

typedef struct fl_memo {
    fl_memo_entry *slots;
    size_t cap, count, max;
} fl_memo;

void fl_memo_init(fl_memo *m, size_t max);
void fl_memo_clear(fl_memo *m);
void fl_memo_release(fl_memo *m);

/* The entry for key, or NULL. */
const fl_memo_entry *fl_memo_get(const fl_memo *m, const char *key, size_t len);
/* The string of an entry (NUL-terminated). */
static inline const char *fl_memo_str(const fl_memo_entry *e) { return e->key + e->key_len; }

/* Adds delta to the id of key's entry, made with id 0 if there is none (a
 * counter). Returns 0 when out of memory. */
int fl_memo_add(fl_memo *m, const char *key, size_t len, long long delta);

/* Remembers key -> (id, str); str may be NULL. Returns 0 when out of memory
 * (nothing is remembered, which is always safe). */
int fl_memo_put(fl_memo *m, const char *key, size_t len, long long id, const char *str, size_t str_len);

#endif
