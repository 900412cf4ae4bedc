/*
 * hash.h — a fast 64-bit hash for article content ids.
 *
 * Eight bytes a step (multiply-rotate, as in MurmurHash64A's family) and
 * MurmurHash3's 64-bit finaliser, so every input bit affects every output
 * bit. Not cryptographic: it names content, it does not protect it.
 * Collisions among 25 million articles are expected with probability about
 * n^2 / 2^65 ~ 2e-5.
 */
#ifndef FL_UTIL_HASH_H
#define FL_UTIL_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define FL_HASH_SEED UINT64_C(0xcbf29ce484222325)

static inline uint64_t fl_hash_rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

static inline uint64_t fl_hash64(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    const uint64_t k1 = UINT64_C(0x87c37b91114253d5), k2 = UINT64_C(0x4cf5ad432745937f);
    h ^= (uint64_t)len * k2;
    while (len >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h ^= fl_hash_rotl(w * k1, 31) * k2;
        h = fl_hash_rotl(h, 27) * 5 + 0x52dce729;
        p += 8;
        len -= 8;
    }
    uint64_t tail = 0;
    for (size_t i = 0; i < len; i++)
        tail |= (uint64_t)p[i] << (8 * i);
    h ^= fl_hash_rotl(tail * k1, 31) * k2;
    h ^= h >> 33;
    h *= UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 33;
    h *= UINT64_C(0xc4ceb9fe1a85ec53);
    h ^= h >> 33;
    return h;
}

#endif
