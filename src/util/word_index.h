/*
 * word_index.h — an open-addressing hash index over a static table of words,
 * for word lists looked up once or more per token (the replacement of a
 * binary search, util/sorted.h, where a list is hot).
 *
 * A table is an array of items `stride` bytes apart, each beginning with its
 * NUL-terminated word (`const char *`), in any order. The index holds item
 * numbers, each tagged with 32 bits of its word's hash, in a power-of-two
 * array at most a quarter full, probed linearly from the FNV-1a hash of
 * the word; a lookup hashes the span once and compares bytes only in a
 * slot whose tag matches, so a miss (the common case) mostly ends at the
 * first, empty slot: about one pass over the span instead of log2(n)
 * string comparisons; a filter of the words' first and last bytes and
 * lengths answers most misses before the hash. Lookups fold ASCII capitals to
 * lower case (the words of the table must then be written in lower case to
 * be found; a word with a capital is never found, as with a folded binary
 * search), or compare bytes exactly. Memory: 2 KB + 8 bytes x (4 x items, rounded
 * up to a power of two). The index is built once (fl_word_index_build, e.g.
 * under pthread_once) and is then read-only, so threads may share it.
 *
 * Used by the figure lexicon (src/figure/words.c) and the time lexicon
 * (src/time/lexicon.c); the quote cue lists have their own index of all
 * lists at once (src/quote/cue_index.c). Adoptable by any other hot word
 * list: build once per table, then fl_word_index_find instead of
 * fl_sorted_find.
 */
#ifndef FL_UTIL_WORD_INDEX_H
#define FL_UTIL_WORD_INDEX_H

#include <stddef.h>
#include <stdint.h>

typedef struct fl_word_index {
    const char *items;  /* the table */
    size_t count, stride;
    int fold;           /* 1: ASCII case-insensitive lookups */
    uint64_t *slots;    /* hash tag << 32 | item number + 1; 0 empty */
    size_t mask;
    /* bit (first byte & 31 | (last byte & 31) << 5 | (length & 15) << 10)
     * set for each word: a lookup whose bit is clear is a miss without
     * hashing (news words: about three in four for the time lexicon) */
    uint8_t filter[1u << 14 >> 3];
} fl_word_index;

/* Indexes count items of the table. With duplicate words the first is
 * found. Returns 0 on out-of-memory (the index is then empty). */
int fl_word_index_build(fl_word_index *ix, const void *items, size_t count, size_t stride, int fold);
void fl_word_index_free(fl_word_index *ix);

/* The filter bit of s[0..len), len > 0: its first and last bytes (ASCII
 * folded when `fold`) and its length. */
static inline unsigned fl_word_index_filter_key(const char *s, size_t len, int fold)
{
    unsigned a = (unsigned char)s[0], z = (unsigned char)s[len - 1];
    if (fold) {
        a = a - 'A' < 26u ? a + 32u : a;
        z = z - 'A' < 26u ? z + 32u : z;
    }
    return (a & 31u) | (z & 31u) << 5 | ((unsigned)len & 15u) << 10;
}

/* The hash probe of fl_word_index_find, without the filter. */
long fl_word_index_probe(const fl_word_index *ix, const char *s, size_t len);

/* The number of the item whose word equals s[0..len) (ASCII case folded
 * when the index folds), or -1. Inline: the filter answers most misses
 * without a call. */
static inline long fl_word_index_find(const fl_word_index *ix, const char *s, size_t len)
{
    if (len) {
        unsigned k = fl_word_index_filter_key(s, len, ix->fold);
        if (!(ix->filter[k >> 3] >> (k & 7) & 1u))
            return -1;
    }
    return fl_word_index_probe(ix, s, len);
}

#endif
