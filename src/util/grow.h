/*
 * grow.h — room for one more item in a growable array: the one place that
 * doubles a capacity and reallocs. Amortised O(1) per item; the array keeps
 * its capacity when cleared, so a stream of articles stops allocating once
 * the largest has been seen.
 */
#ifndef FL_UTIL_GROW_H
#define FL_UTIL_GROW_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Makes *items (a pointer to an array of `size`-byte items, `*cap` of them)
 * hold at least `need` items, doubling from `first`. Returns 0 on
 * out-of-memory or overflow, leaving the array as it was. */
static inline int fl_grow(void *items, size_t *cap, size_t need, size_t size, size_t first)
{
    if (need <= *cap)
        return 1;
    size_t n = *cap ? *cap : first;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return 0;
        n *= 2;
    }
    if (n > SIZE_MAX / size)
        return 0;
    void *old;
    memcpy(&old, items, sizeof old);
    void *grown = realloc(old, n * size);
    if (!grown)
        return 0;
    memcpy(items, &grown, sizeof grown);
    *cap = n;
    return 1;
}

#endif
