/*
 * cue_index.c — one hash index over every word list of cues.c, so that the
 * rules learn all the lists a word is in (and its cue flags) with one probe
 * instead of a bisection per list. The rules ask about each token of an
 * article in up to two dozen lists; the bisections were a quarter of the
 * layer's instructions.
 *
 * Design. Built once per process (pthread_once), from the sorted tables
 * themselves, so cues.c stays the one place the words live. Open addressing
 * on the 64-bit FNV-1a hash of the ASCII-lower-cased word; at most half
 * full. A table word with an upper-case letter could never match the
 * case-folded bisection, so it is left out here too. A word outside the
 * lists is taken for one of them only if its 64-bit hash equals a list
 * word's (odds ~10^-16 per lookup); test_quote_tables checks that the index
 * and the bisections agree on every list word. If the index cannot be
 * built (no memory), every lookup falls back to bisection. Not for: the
 * words (cues.c).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "quote/cues.h"

typedef struct index_slot {
    uint64_t key;   /* 0: empty */
    uint32_t lists; /* bit l: in list l */
    int32_t cue;    /* CUE_* flags */
} index_slot;

static index_slot *slots;
static size_t slot_mask;
static pthread_once_t built = PTHREAD_ONCE_INIT;

uint64_t fl_word_hash(const char *s, size_t len)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch + 32);
        h = (h ^ ch) * UINT64_C(0x100000001b3);
    }
    return h ? h : 1;
}

static size_t slot_of(index_slot *t, size_t mask, uint64_t key)
{
    size_t i = (size_t)((key ^ (key >> 29)) * UINT64_C(0xbf58476d1ce4e5b9) >> 20) & mask;
    while (t[i].key && t[i].key != key)
        i = (i + 1) & mask;
    return i;
}

static int has_upper(const char *w)
{
    for (; *w; w++)
        if (*w >= 'A' && *w <= 'Z')
            return 1;
    return 0;
}

static void add(index_slot *t, size_t mask, const char *w, uint32_t list_bit, int cue)
{
    uint64_t h = fl_word_hash(w, strlen(w));
    size_t i = slot_of(t, mask, h);
    t[i].key = h;
    t[i].lists |= list_bit;
    t[i].cue |= cue;
}

static void build(void)
{
    size_t n = fl_cue_form_count();
    for (int l = 0; l < WL_COUNT; l++) {
        const char **words;
        n += fl_cue_table_dump(l, &words);
    }
    size_t cap = 16;
    while (cap < n * 2)
        cap *= 2;
    index_slot *t = calloc(cap, sizeof *t);
    if (!t)
        return;
    for (int l = 0; l < WL_COUNT; l++) {
        const char **words;
        size_t k = fl_cue_table_dump(l, &words);
        for (size_t i = 0; i < k; i++)
            if (!has_upper(words[i]))
                add(t, cap - 1, words[i], UINT32_C(1) << l, 0);
    }
    for (size_t i = 0; i < fl_cue_form_count(); i++) {
        const char *w = fl_cue_form(i);
        if (!has_upper(w))
            add(t, cap - 1, w, 0, fl_cue_verb(w, strlen(w)));
    }
    slots = t;
    slot_mask = cap - 1;
}

uint32_t fl_word_lists(const char *s, size_t len, int *cue_flags)
{
    pthread_once(&built, build);
    if (!slots) {
        uint32_t lists = 0;
        for (int l = 0; l < WL_COUNT; l++)
            if (fl_word_in((fl_wordlist)l, s, len))
                lists |= UINT32_C(1) << l;
        if (cue_flags)
            *cue_flags = fl_cue_verb(s, len);
        return lists;
    }
    const index_slot *e = &slots[slot_of(slots, slot_mask, fl_word_hash(s, len))];
    if (cue_flags)
        *cue_flags = e->key ? e->cue : 0;
    return e->key ? e->lists : 0;
}
