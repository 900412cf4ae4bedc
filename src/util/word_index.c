/*
 * word_index.c — open-addressing index over a table of words (design and
 * costs in word_index.h).
 */
#include "util/word_index.h"

#include <stdlib.h>
#include <string.h>

static inline unsigned char fold_char(unsigned char c, int fold)
{
    return fold && c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static inline uint64_t span_hash(const char *s, size_t len, int fold)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    for (size_t i = 0; i < len; i++) {
        h ^= fold_char((unsigned char)s[i], fold);
        h *= UINT64_C(0x100000001b3);
    }
    return h ^ (h >> 32);
}

static inline const char *item_word(const fl_word_index *ix, size_t i)
{
    const char *word;
    memcpy(&word, ix->items + i * ix->stride, sizeof word);
    return word;
}

/* 1 if the word equals s[0..len) (s folded when the index folds). */
static inline int same_word(const char *word, const char *s, size_t len, int fold)
{
    for (size_t i = 0; i < len; i++)
        if (!word[i] || (unsigned char)word[i] != fold_char((unsigned char)s[i], fold))
            return 0;
    return word[len] == 0;
}

int fl_word_index_build(fl_word_index *ix, const void *items, size_t count, size_t stride, int fold)
{
    memset(ix, 0, sizeof *ix);
    size_t cap = 16;
    while (cap < 2 * count)
        cap *= 2;
    if (!(ix->slots = calloc(cap, sizeof *ix->slots)))
        return 0;
    ix->items = items;
    ix->count = count;
    ix->stride = stride;
    ix->fold = fold;
    ix->mask = cap - 1;
    for (size_t i = 0; i < count; i++) {
        const char *word = item_word(ix, i);
        size_t len = strlen(word);
        /* Hashed as it is written: a word that folding could never produce
         * (one with a capital, in a folding index) is then never found. */
        size_t at = (size_t)span_hash(word, len, 0) & ix->mask;
        int duplicate = 0;
        while (ix->slots[at]) {
            if (!strcmp(item_word(ix, ix->slots[at] - 1), word))
                duplicate = 1;
            at = (at + 1) & ix->mask;
        }
        if (!duplicate)
            ix->slots[at] = (uint32_t)i + 1;
    }
    return 1;
}

void fl_word_index_free(fl_word_index *ix)
{
    free(ix->slots);
    memset(ix, 0, sizeof *ix);
}

long fl_word_index_find(const fl_word_index *ix, const char *s, size_t len)
{
    if (!ix->slots)
        return -1;
    size_t at = (size_t)span_hash(s, len, ix->fold) & ix->mask;
    for (uint32_t v; (v = ix->slots[at]) != 0; at = (at + 1) & ix->mask)
        if (same_word(item_word(ix, v - 1), s, len, ix->fold))
            return (long)v - 1;
    return -1;
}
