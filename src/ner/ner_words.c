/*
 * ner_words.c — the word cache: what the tagger derives from one written
 * word alone (its lower-case hash, case, shape, word class, casing-lexicon
 * class, and the group sums of its type rows), kept per distinct word
 * across documents. Not for: which features there are (ner_features.c) or
 * adding rows up (ner_score.c).
 *
 * Design. News repeats its words: in 2.8 MB of news 96% of tokens are a
 * word seen before. Hashing a token's bytes, classifying its letters,
 * hashing its shape and probing two lexicons (each a likely cache miss in
 * a table of megabytes) cost ~400 instructions a token; looking the word
 * up here costs one short hash and one probe. The key is a hash of the
 * exact bytes, checked with the length: up to eight bytes it is a
 * bijection (the bytes themselves, mixed), so short words never collide;
 * longer words chain 64-bit mixes, and since such a key can be made to
 * collide on purpose, their bytes (up to FL_NER_WORD_BYTES) are kept and
 * compared too; longer ones are never matched. The table is two-way set
 * associative (in the 2.8 MB sample of bench/callgrind_sample.sh it fills
 * 35,594 entries where a direct-mapped one filled 47,551, re-filling words
 * evicted by another word of the same slot), WORD_SLOTS entries of ~430
 * bytes (14 MB a work space, allocated on first use); a miss takes the way
 * used by the older document. Entries used by the document being tagged
 * are stamped with it and not evicted until the next document (a word that would evict one goes to
 * a per-document overflow list instead), so the tagger can point at an
 * entry's sums instead of copying them. Other layers may keep an answer
 * per word in an entry too (fl_ner_word_memo: the figure lexicon's).
 *
 * The bigram cache. Nine features join a token to a neighbour (word pairs,
 * shape pairs, word and neighbour's shape or case, word-class pairs); they
 * are a function of the two words, so their rows are kept per pair of
 * words: BIGRAM_SLOTS entries (3 MB), two-way set associative (the newest
 * pair of a set first: 222,952 misses in the sample where direct-mapped
 * had 262,373), keyed by the two
 * entries' serial numbers (unique to each filling of an entry, so a pair
 * never outlives its words' meaning), the sentence edge having serial 1. A
 * pair with a re-cased word (a headline, a sentence start) is not kept.
 *
 * Everything is valid for one version of the model (fl_ner_model_changed):
 * a new version empties both tables.
 */
#include <stdlib.h>
#include <string.h>

#include "ner/ner_words.h"

enum { WORD_SLOTS = 32768, WORD_WAYS = 2, WORD_SETS = WORD_SLOTS / WORD_WAYS, BIGRAM_SLOTS = 65536, BIGRAM_EDGE = 1,
       FIRST_SERIAL = 2 };

/* The rows of the word-pair features of two word types (fl_ner_bigram_rows). */
typedef struct bigram_entry {
    uint64_t key; /* the two ids (word serials, or BIGRAM_EDGE), 0: empty */
    uint32_t rows[FL_NER_BIGRAM_ROWS];
} bigram_entry;

struct fl_ner_word_cache {
    fl_ner_model_id model;    /* the model it was filled from */
    uint32_t stamp;           /* the current document's */
    uint32_t next_serial;     /* the next entry's serial */
    fl_ner_word *overflow;    /* this document's words whose slot was taken by another of its words */
    size_t overflow_count, overflow_cap;
    fl_ner_word entry[WORD_SLOTS];
    bigram_entry bigram[BIGRAM_SLOTS];
};

void fl_ner_word_cache_free(struct fl_ner_word_cache *c)
{
    if (c)
        free(c->overflow);
    free(c);
}

/* The MurmurHash3 finaliser: a bijection on 64 bits. */
static inline uint64_t fmix(uint64_t h)
{
    h ^= h >> 33;
    h *= UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 33;
    h *= UINT64_C(0xc4ceb9fe1a85ec53);
    h ^= h >> 33;
    return h;
}

static inline uint64_t load64(const char *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

static inline uint64_t load32(const char *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* The key of a word's bytes. For a given length up to 8 the packed value
 * is one-to-one with the bytes (4..7 bytes: two overlapping 4-byte loads
 * cover them all; 1..3: first, middle and last byte), and fmix is a
 * bijection, so equal keys and lengths mean equal bytes. */
static inline uint64_t word_key(const char *s, size_t len)
{
    if (len > 8) {
        uint64_t h = len;
        size_t i = 0;
        for (; i + 8 < len; i += 8)
            h = fmix(h ^ load64(s + i)) * UINT64_C(0x9E3779B97F4A7C15);
        return fmix(h ^ load64(s + len - 8));
    }
    uint64_t v;
    if (len == 8)
        v = load64(s);
    else if (len >= 4)
        v = load32(s) | load32(s + len - 4) << 32;
    else if (len)
        v = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[len / 2] << 8 |
            (uint64_t)(unsigned char)s[len - 1] << 16;
    else
        v = 0;
    return fmix(v);
}

/* Whether entry e holds the word: its key and length say so for words of up
 * to 8 bytes (word_key is one-to-one there); longer ones must have the same
 * bytes, and those over FL_NER_WORD_BYTES never match. */
static inline int same_word(const fl_ner_word *e, uint64_t key, const char *s, uint32_t len)
{
    if (e->key != key || e->len != len + 1)
        return 0;
    return len <= 8 || (len <= FL_NER_WORD_BYTES && memcmp(e->bytes, s, len) == 0);
}

static void fill(const fl_ner_model *m, struct fl_ner_word_cache *c, fl_ner_word *e, uint64_t key, const char *s,
                 uint32_t len)
{
    e->key = key;
    if (len > 8 && len <= FL_NER_WORD_BYTES)
        memcpy(e->bytes, s, len);
    e->serial = c->next_serial++;
    e->len = len + 1;
    e->lower = fl_ner_mix(fl_ner_hash_lower(s, len));
    e->lower_mix = fl_ner_mix(e->lower);
    e->case_seen = (uint8_t)fl_ner_case_of(s, len);
    e->shape = fl_ner_shape_hash(s, len, FL_CASE_NONE);
    e->shape_mix = fl_ner_mix(e->shape);
    const uint32_t *cl = fl_ner_table_find(&m->clusters, e->lower);
    const uint32_t *lex = fl_ner_table_find(&m->casing, e->lower);
    e->cluster = cl ? *cl : 0;
    e->casing_lex = (uint8_t)(lex ? *lex : 7);
    e->sums_ready = 0;
    for (int k = 0; k < FL_NER_WORD_MEMOS; k++)
        e->memo[k] = FL_NER_MEMO_UNSET;
}

/* Empties the cache if the model is not the one it was filled from. */
static void sync_model(const fl_ner_model *m, struct fl_ner_word_cache *c)
{
    uint64_t was = c->model.version;
    if (fl_ner_model_id_sync(&c->model, m) && was) { /* not fresh from calloc */
        memset(c->entry, 0, sizeof c->entry);
        memset(c->bigram, 0, sizeof c->bigram);
    }
}

fl_ner_word *fl_ner_word_at(const fl_ner_work *w, size_t i)
{
    struct fl_ner_word_cache *c = w->word_cache;
    uint32_t at = w->word_at[i];
    return at < WORD_SLOTS ? &c->entry[at] : &c->overflow[at - WORD_SLOTS];
}

int fl_ner_words_find(const fl_ner_model *m, const fl_ner_token *t, size_t n, fl_ner_work *w)
{
    if (!w->word_cache) {
        if (!(w->word_cache = calloc(1, sizeof *w->word_cache)))
            return 0;
    }
    struct fl_ner_word_cache *c = w->word_cache;
    sync_model(m, c);
    if (++c->stamp == 0) { /* after 2^32 documents: no entry may look used by this one */
        for (size_t k = 0; k < WORD_SLOTS; k++)
            c->entry[k].stamp = 0;
        c->stamp = 1;
    }
    if (c->next_serial < FIRST_SERIAL || (uint64_t)c->next_serial + n > UINT32_MAX) {
        /* Fresh, or serials about to wrap (after 4 billion new words): no
         * bigram may name an entry filled again. */
        if (c->next_serial) {
            memset(c->entry, 0, sizeof c->entry);
            memset(c->bigram, 0, sizeof c->bigram);
            c->stamp = 1;
        }
        c->next_serial = FIRST_SERIAL;
    }
    c->overflow_count = 0;
    const uint32_t stamp = c->stamp;
    for (size_t i = 0; i < n; i++) {
        const char *s = t[i].text;
        uint32_t len = t[i].len;
        uint64_t key = word_key(s, len);
        uint32_t at = (uint32_t)(key & (WORD_SETS - 1)) * WORD_WAYS;
        fl_ner_word *e = &c->entry[at];
        if (same_word(e + 1, key, s, len)) {
            at++;
            e++;
        } else if (!same_word(e, key, s, len)) {
            /* A miss: the way this document has not used, else the one
             * used longest ago. */
            if (e->stamp == stamp || (e[1].stamp != stamp && e[1].stamp < e->stamp)) {
                at++;
                e++;
            }
            if (e->stamp == stamp) {
                /* Both ways hold other words of this document. */
                if (c->overflow_count == c->overflow_cap) {
                    size_t cap = c->overflow_cap ? 2 * c->overflow_cap : 16;
                    fl_ner_word *p = realloc(c->overflow, cap * sizeof *p);
                    if (!p)
                        return 0;
                    c->overflow = p;
                    c->overflow_cap = cap;
                }
                at = (uint32_t)(WORD_SLOTS + c->overflow_count);
                e = &c->overflow[c->overflow_count++];
            }
            fill(m, c, e, key, s, len);
        }
        e->stamp = stamp;
        w->word_at[i] = at;
        w->lower[i] = e->lower;
        w->case_seen[i] = e->case_seen;
        w->cluster[i] = e->cluster;
        w->casing_lex[i] = e->casing_lex;
    }
    return 1;
}

int fl_ner_bigram_rows(const fl_ner_model *m, const fl_ner_work *w, size_t a, int has_a, size_t b, int has_b,
                       uint32_t *rows)
{
    uint32_t ia = has_a ? w->word_id[a] : BIGRAM_EDGE, ib = has_b ? w->word_id[b] : BIGRAM_EDGE;
    if (!ia || !ib)
        return 0;
    uint64_t key = (uint64_t)ia << 32 | ib;
    _Static_assert(BIGRAM_SLOTS == 1 << 16, "the set is the top 15 bits of a 32-bit hash");
    bigram_entry *e = &w->word_cache->bigram[((uint32_t)(ia * 0x9E3779B1u ^ ib * 0x85EBCA77u) >> 17) * 2];
    if (e[1].key == key) {
        e++;
    } else if (e->key != key) {
        /* A miss: the pair goes first in its set, the one there second
         * (the second's is forgotten). */
        e[1] = e[0];
        uint64_t f[FL_NER_BIGRAM_ROWS];
        fl_ner_bigram_features(m, w, a, has_a, b, has_b, f);
        /* Nine probes of a table of megabytes: their slots are asked for
         * together, so the cache misses overlap instead of following one
         * another. */
        const fl_ner_slot *slots = m->features.slots;
        const uint32_t zero = (uint32_t)(m->rows * FL_NER_LABELS);
        if (!slots) {
            for (int k = 0; k < FL_NER_BIGRAM_ROWS; k++)
                e->rows[k] = zero;
        } else {
            /* fl_ner_row_of, the start of each probe computed once. */
            size_t at[FL_NER_BIGRAM_ROWS];
            for (int k = 0; k < FL_NER_BIGRAM_ROWS; k++) {
                at[k] = (size_t)(f[k] ^ (f[k] >> 29)) & m->features.mask;
#if defined(__GNUC__) || defined(__clang__)
                __builtin_prefetch(&slots[at[k]]);
#endif
            }
            for (int k = 0; k < FL_NER_BIGRAM_ROWS; k++) {
                size_t i = at[k];
                while (slots[i].key != f[k] && slots[i].key)
                    i = (i + 1) & m->features.mask;
                e->rows[k] = f[k] && slots[i].key ? slots[i].value * FL_NER_LABELS : zero;
            }
        }
        e->key = key;
    }
    memcpy(rows, e->rows, sizeof e->rows);
    return 1;
}
