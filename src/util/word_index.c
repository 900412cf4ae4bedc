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

/* FNV-1a; the folded loop is separate so that neither tests `fold` per
 * byte. */
static inline uint64_t span_hash(const char *s, size_t len, int fold)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    if (fold)
        for (size_t i = 0; i < len; i++) {
            unsigned c = (unsigned char)s[i];
            h = (h ^ (c - 'A' < 26u ? c + 32u : c)) * UINT64_C(0x100000001b3);
        }
    else
        for (size_t i = 0; i < len; i++)
            h = (h ^ (unsigned char)s[i]) * UINT64_C(0x100000001b3);
    return h ^ (h >> 32);
}

/* A slot: the high 32 bits of the word's hash (its tag), the item number
 * + 1 in the low 32 bits; 0 is empty. */
static inline uint64_t slot_of(uint64_t h, size_t item) { return (h >> 32) << 32 | ((uint64_t)item + 1); }

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
    while (cap < 4 * count)
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
        if (len) { /* as written: a word folding could not produce only lets others through */
            unsigned k = fl_word_index_filter_key(word, len, 0);
            ix->filter[k >> 3] |= (uint8_t)(1u << (k & 7));
        }
        uint64_t h = span_hash(word, len, 0);
        size_t at = (size_t)h & ix->mask;
        int duplicate = 0;
        while (ix->slots[at]) {
            if (!strcmp(item_word(ix, (uint32_t)ix->slots[at] - 1), word))
                duplicate = 1;
            at = (at + 1) & ix->mask;
        }
        if (!duplicate)
            ix->slots[at] = slot_of(h, i);
    }
    return 1;
}

void fl_word_index_free(fl_word_index *ix)
{
    free(ix->slots);
    memset(ix, 0, sizeof *ix);
}

long fl_word_index_probe(const fl_word_index *ix, const char *s, size_t len)
{
    if (!ix->slots)
        return -1;
    uint64_t h = span_hash(s, len, ix->fold);
    uint64_t tag = h >> 32;
    size_t at = (size_t)h & ix->mask;
    /* only a slot with the same tag is compared byte by byte */
    for (uint64_t v; (v = ix->slots[at]) != 0; at = (at + 1) & ix->mask)
        if (v >> 32 == tag && same_word(item_word(ix, (uint32_t)v - 1), s, len, ix->fold))
            return (long)(uint32_t)v - 1;
    return -1;
}
