/*
 * sorted.c — the miss filter in front of fl_sorted_find (see sorted.h).
 *
 * Most lookups in a word list are misses (most tokens are not cue verbs,
 * titles or abbreviations), and a binary search pays its full log2(n)
 * string comparisons to find that out. So each table gets, on its first
 * lookup, a set of the 64-bit hashes of its words with ASCII capitals
 * folded; a span whose folded hash is not in the set cannot be equal to a
 * word under any comparison that implies ASCII-case-insensitive equality
 * (bytes, or folded), and is answered "absent" after one pass over its
 * bytes. A span whose hash is in the set goes on to the binary search,
 * which stays the only judge of a hit, so results are exactly those of the
 * search alone.
 *
 * The filters live in a fixed registry keyed by the table's address, shared
 * by all threads without a lock: a slot is claimed with a compare-and-swap,
 * its filter built by the claiming thread and published with a release
 * store; until then (or if memory runs out, or the registry is full) lookups
 * simply search. Filters are built once per table and kept for the life of
 * the process (tables are static; REGISTRY bounds their number). Memory: 8
 * bytes x (2 x words, rounded up to a power of two) per table.
 */
#include "util/sorted.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>

enum { REGISTRY = 256 };

typedef struct miss_filter {
    uint64_t *hashes; /* 0: empty */
    size_t mask;
} miss_filter;

static _Atomic(const void *) registry_items[REGISTRY];
static _Atomic(miss_filter *) registry_filter[REGISTRY];

static inline uint64_t folded_hash(const char *s, size_t len)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        h ^= c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
        h *= UINT64_C(0x100000001b3);
    }
    h ^= h >> 29;
    return h ? h : 1;
}

static miss_filter *filter_build(const void *items, size_t n, size_t stride)
{
    miss_filter *f = malloc(sizeof *f);
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    if (!f || !(f->hashes = calloc(cap, sizeof *f->hashes))) {
        free(f);
        return NULL;
    }
    f->mask = cap - 1;
    for (size_t i = 0; i < n; i++) {
        const char *word;
        memcpy(&word, (const char *)items + i * stride, sizeof word);
        uint64_t h = folded_hash(word, strlen(word));
        size_t at = (size_t)h & f->mask;
        while (f->hashes[at] && f->hashes[at] != h)
            at = (at + 1) & f->mask;
        f->hashes[at] = h;
    }
    return f;
}

static int filter_has(const miss_filter *f, const char *s, size_t len)
{
    uint64_t h = folded_hash(s, len);
    for (size_t at = (size_t)h & f->mask; f->hashes[at]; at = (at + 1) & f->mask)
        if (f->hashes[at] == h)
            return 1;
    return 0;
}

int fl_sorted_may_contain(const void *items, size_t n, size_t stride, const char *s, size_t len)
{
    size_t at = (size_t)(((uintptr_t)items >> 3) * UINT64_C(0x9E3779B97F4A7C15) >> 40) & (REGISTRY - 1);
    for (int probes = 0; probes < REGISTRY; probes++, at = (at + 1) & (REGISTRY - 1)) {
        const void *owner = atomic_load_explicit(&registry_items[at], memory_order_acquire);
        if (!owner) {
            const void *expected = NULL;
            if (atomic_compare_exchange_strong_explicit(&registry_items[at], &expected, items, memory_order_acq_rel,
                                                        memory_order_acquire)) {
                miss_filter *f = filter_build(items, n, stride);
                atomic_store_explicit(&registry_filter[at], f, memory_order_release);
                return f ? filter_has(f, s, len) : 1;
            }
            owner = expected; /* another thread claimed the slot first */
        }
        if (owner == items) {
            const miss_filter *f = atomic_load_explicit(&registry_filter[at], memory_order_acquire);
            return f ? filter_has(f, s, len) : 1; /* still being built, or no memory: search */
        }
    }
    return 1; /* registry full: search */
}
