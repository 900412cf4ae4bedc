/*
 * memo.c — the writer's remembered answers (see memo.h). Keys are hashed
 * with util/hash.h; a slot is empty when its key is NULL. Tables grow at 1/2
 * load, so a probe touches about two slots.
 */
#include "store/memo.h"

#include <stdlib.h>
#include <string.h>

#include "util/hash.h"

void fl_memo_init(fl_memo *m, size_t max)
{
    memset(m, 0, sizeof *m);
    m->max = max;
}

void fl_memo_clear(fl_memo *m)
{
    for (size_t i = 0; i < m->cap; i++) {
        free(m->slots[i].key);
        m->slots[i].key = NULL;
    }
    m->count = 0;
}

void fl_memo_release(fl_memo *m)
{
    fl_memo_clear(m);
    free(m->slots);
    m->slots = NULL;
    m->cap = 0;
}

static fl_memo_entry *find(const fl_memo *m, unsigned long long h, const char *key, size_t len)
{
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        fl_memo_entry *e = &m->slots[i];
        if (!e->key || (e->hash == h && e->key_len == len && memcmp(e->key, key, len) == 0))
            return e;
    }
}

const fl_memo_entry *fl_memo_get(const fl_memo *m, const char *key, size_t len)
{
    if (!m->count)
        return NULL;
    fl_memo_entry *e = find(m, fl_hash64(FL_HASH_SEED, key, len), key, len);
    return e->key ? e : NULL;
}

static int grow(fl_memo *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024;
    fl_memo_entry *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return 0;
    fl_memo old = *m;
    m->slots = slots;
    m->cap = cap;
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].key)
            *find(m, old.slots[i].hash, old.slots[i].key, old.slots[i].key_len) = old.slots[i];
    free(old.slots);
    return 1;
}

int fl_memo_put(fl_memo *m, const char *key, size_t len, long long id, const char *str, size_t str_len)
{
    if (m->count >= m->max)
        fl_memo_clear(m);
    if ((m->count + 1) * 2 > m->cap && !grow(m))
        return 0;
    char *block = malloc(len + str_len + 1);
    if (!block)
        return 0;
    memcpy(block, key, len);
    if (str_len)
        memcpy(block + len, str, str_len);
    block[len + str_len] = '\0';
    unsigned long long h = fl_hash64(FL_HASH_SEED, key, len);
    fl_memo_entry *e = find(m, h, key, len);
    if (e->key)
        free(e->key); /* replaced */
    else
        m->count++;
    *e = (fl_memo_entry){h, id, len, str_len, block};
    return 1;
}

int fl_memo_add(fl_memo *m, const char *key, size_t len, long long delta)
{
    if (m->count) {
        fl_memo_entry *e = find(m, fl_hash64(FL_HASH_SEED, key, len), key, len);
        if (e->key) {
            e->id += delta;
            return 1;
        }
    }
    return fl_memo_put(m, key, len, delta, NULL, 0);
}
