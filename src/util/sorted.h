/*
 * sorted.h — binary search of a byte span in a sorted table of words, the
 * one search behind every word list (tokenizer abbreviations, canonical-key
 * titles, quote cue verbs). A table is an array of items `stride` bytes
 * apart, each beginning with its NUL-terminated word (`const char *`), sorted
 * in the order `compare` defines. O(log n) compares, after a miss filter
 * (sorted.c) that answers most absent words in one pass over their bytes.
 */
#ifndef FL_UTIL_SORTED_H
#define FL_UTIL_SORTED_H

#include <stddef.h>
#include <string.h>

/* <0, 0, >0 as s[0..len) sorts before, equal to, after word. */
typedef int (*fl_span_compare)(const char *s, size_t len, const char *word);

/* Byte order (strcmp order). */
static inline int fl_span_compare_bytes(const char *s, size_t len, const char *word)
{
    size_t wl = strlen(word);
    int c = memcmp(s, word, len < wl ? len : wl);
    if (c)
        return c;
    return len < wl ? -1 : len > wl ? 1 : 0;
}

/* 0 when no word of the table can equal s[0..len) under a comparison that
 * implies ASCII-case-insensitive equality; 1 when one may (sorted.c: a
 * filter of word hashes built on a table's first lookup, shared by threads,
 * kept for the life of the process). */
int fl_sorted_may_contain(const void *items, size_t n, size_t stride, const char *s, size_t len);

/* The index of the item whose word equals s[0..len), or -1. The table must
 * be immutable (static) and always searched with the same n and stride, and
 * `compare` must find equal only spans equal to the word but for ASCII case
 * (as fl_span_compare_bytes and case-folding comparisons do): a miss filter
 * answers most absent spans before the binary search, which alone decides
 * a hit. */
static inline long fl_sorted_find(const void *items, size_t n, size_t stride, const char *s, size_t len,
                                  fl_span_compare compare)
{
    if (!fl_sorted_may_contain(items, n, stride, s, len))
        return -1;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *word;
        memcpy(&word, (const char *)items + mid * stride, sizeof word);
        int c = compare(s, len, word);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

#endif
