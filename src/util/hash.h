/*
 * hash.h — 64-bit FNV-1a, used for article content ids.
 *
 * FNV-1a is not cryptographic; it names content, it does not protect it.
 * Collisions among 25 million articles are expected with probability about
 * n^2 / 2^65 ~ 2e-5.
 */
#ifndef FL_UTIL_HASH_H
#define FL_UTIL_HASH_H

#include <stddef.h>
#include <stdint.h>

#define FL_FNV_OFFSET UINT64_C(0xcbf29ce484222325)

static inline uint64_t fl_fnv1a(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}

#endif
