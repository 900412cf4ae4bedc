/*
 * ner_score.c — emission scores for tagging: each token's feature rows,
 * found in the model and added up. Not for: which features there are
 * (ner_features.c, the reference), decoding (ner_model.c) or learning.
 *
 * Design. A token has about 45 features; each costs a hash, a probe of the
 * model's feature table (megabytes) and a 17-float row (the weights are
 * 8.7 MB, so most rows come from far caches or memory). About 30 of them
 * depend on one token's word alone: its own word, form, affixes, shape,
 * casing-lexicon class and word classes, and the same word seen as a
 * neighbour (w-1, w+1, w-2, w+2, their shapes and classes). Those are looked
 * up and added up once per word type, into five group sums (its own, and as
 * each neighbour). A word written in its true case (most tokens) keeps
 * them in its word cache entry (ner_words.c); a word given another case
 * (a headline, a sentence start) in a type cache: a direct-mapped table of
 * TYPE_CACHE_SLOTS entries keyed by (lower-case hash, shape hash, true
 * case), which lives in the work space across documents (1.5 MB). Both are
 * valid for one version of the model (fl_ner_model_changed: training
 * changes the weights between its dev evaluations). A token's score then
 * starts from five group sums, and only the ~15 features that join tokens
 * or describe one occurrence (bigrams, shape pairs, case context,
 * gazetteer, document counts, history) add rows: those with few values from
 * per-model tables, the others hashed and probed.
 *
 * Adding a type's rows first changes the order of the float additions, so a
 * score can differ from adding every row in feature order in its last bits
 * (tests/unit/test_ner_score.c bounds it); the tagger's accuracy is measured
 * unchanged (models/ner.md).
 */
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "ner/ner.h"
#include "ner/ner_score.h"
#include "ner/ner_words.h"

enum { TYPE_CACHE_SLOTS = 4096, GROUP_FLOATS = FL_NER_TYPE_GROUPS * FL_NER_LABELS };

typedef struct type_entry {
    uint64_t lower, shape;
    uint32_t case_true; /* + 1, so 0 marks an empty entry */
    float sums[GROUP_FLOATS];
} type_entry;

int fl_ner_type_group(int tr)
{
    if (tr < FL_NER_TR_WM1)
        return FL_NER_G_SELF;
    if (tr < FL_NER_TR_WP1)
        return FL_NER_G_M1;
    if (tr < FL_NER_TR_WM2)
        return FL_NER_G_P1;
    return tr < FL_NER_TR_WP2 ? FL_NER_G_M2 : FL_NER_G_P2;
}

struct fl_ner_type_cache {
    fl_ner_model_id model; /* the model it was filled from */
    type_entry entry[TYPE_CACHE_SLOTS];
    fl_ner_fixed_rows fixed;
};

void fl_ner_type_cache_free(fl_ner_type_cache *c) { free(c); }

int fl_ner_model_id_sync(fl_ner_model_id *id, const fl_ner_model *m)
{
    fl_ner_model_id now = {m->version,          m->features.slots, m->clusters.slots, m->casing.slots,
                           m->features.count,   m->rows,           m->clusters.count, m->casing.count};
    if (id->version == now.version && id->slots == now.slots && id->clusters == now.clusters &&
        id->casing == now.casing && id->count == now.count && id->rows == now.rows &&
        id->cluster_count == now.cluster_count && id->casing_count == now.casing_count)
        return 0;
    *id = now;
    return 1;
}

#define row_of fl_ner_row_of

static void add_rows(float *sum, const float *const *groups, int ngroups, const float *weights, const uint32_t *r,
                     unsigned n);

/* The group sums of a word type's features f (FL_NER_TR_* positions; 0:
 * none), each group's rows added in position order. */
static void group_sums(const fl_ner_model *m, const uint64_t *f, float *sums)
{
    uint32_t rows[FL_NER_TYPE_GROUPS][FL_NER_TYPE_ROWS];
    unsigned count[FL_NER_TYPE_GROUPS] = {0};
#if defined(__GNUC__) || defined(__clang__)
    /* About 30 probes of a table of megabytes: their slots are asked for
     * together, so the cache misses overlap instead of following one
     * another. */
    if (m->features.slots)
        for (int k = 0; k < FL_NER_TYPE_ROWS; k++)
            __builtin_prefetch(&m->features.slots[(size_t)(f[k] ^ (f[k] >> 29)) & m->features.mask]);
#endif
    for (int k = 0; k < FL_NER_TYPE_ROWS; k++) {
        int g = fl_ner_type_group(k);
        if (f[k])
            rows[g][count[g]++] = row_of(m, f[k]);
    }
    /* Each sum starts from zero (no group rows): the same bits as adding
     * zero rows first. */
    for (int g = 0; g < FL_NER_TYPE_GROUPS; g++)
        add_rows(sums + g * FL_NER_LABELS, NULL, 0, m->weights, rows[g], count[g]);
}

int fl_ner_type_rows(const fl_ner_model *m, const fl_ner_token *t, size_t n, fl_ner_work *w)
{
    if (m->rows >= UINT32_MAX / FL_NER_LABELS) /* offsets are 32-bit: 250 million rows at most */
        return 0;
    if (!w->type_cache) {
        if (!(w->type_cache = calloc(1, sizeof *w->type_cache)))
            return 0;
    }
    fl_ner_type_cache *c = w->type_cache;
    uint64_t was = c->model.version;
    if (fl_ner_model_id_sync(&c->model, m)) {
        if (was) /* not fresh from calloc */
            memset(c->entry, 0, sizeof c->entry);
        uint64_t f[FL_NER_TYPE_ROWS];
        fl_ner_edge_features(m, f);
        fl_ner_fixed_rows *x = &c->fixed;
        group_sums(m, f, x->edge_sums);
        for (unsigned v = 0; v < FL_NER_CASE_VALUES; v++)
            x->case_value[v] = row_of(m, fl_ner_fixed_feature(FL_NER_FIXED_CASE, v));
        for (unsigned v = 0; v < FL_NER_CTX_VALUES; v++)
            x->case_context[v] = row_of(m, fl_ner_fixed_feature(FL_NER_FIXED_CTX, v));
        for (unsigned v = 0; v < FL_NER_DOC_VALUES; v++)
            x->doc[v] = row_of(m, fl_ner_fixed_feature(FL_NER_FIXED_DOC, v));
        for (unsigned v = 0; v < FL_NER_GAZ_BITS; v++)
            x->gaz[v] = row_of(m, fl_ner_fixed_feature(FL_NER_FIXED_GAZ, v));
        x->gaz_m1_none = row_of(m, fl_ner_fixed_feature(FL_NER_FIXED_GAZ_M1, 0));
        x->gaz_m1_edge = row_of(m, fl_ner_fixed_feature(FL_NER_FIXED_GAZ_M1, 0xFFFFF));
        x->gaz_p1_none = row_of(m, fl_ner_fixed_feature(FL_NER_FIXED_GAZ_P1, 0));
        x->gaz_p1_edge = row_of(m, fl_ner_fixed_feature(FL_NER_FIXED_GAZ_P1, 0xFFFFF));
        for (unsigned v = 0; v < FL_NER_HIST_VALUES; v++)
            x->hist[v] = row_of(m, fl_ner_history_feature(0, v));
        for (unsigned v = 0; v < FL_NER_HIST_CASE_VALUES; v++)
            x->hist_case[v] = row_of(m, fl_ner_history_feature(1, v));
    }
    for (size_t i = 0; i < n; i++) {
        if (w->case_true[i] == w->case_seen[i]) {
            /* Written in its true case: the word cache holds the type's sums. */
            fl_ner_word *e = fl_ner_word_at(w, i);
            if (!e->sums_ready) {
                uint64_t f[FL_NER_TYPE_ROWS];
                fl_ner_type_features(m, t, w, i, f);
                group_sums(m, f, e->sums);
                e->sums_ready = 1;
            }
            w->type_ptr[i] = e->sums;
            w->word_id[i] = e->serial;
            w->lower_mix[i] = e->lower_mix;
            w->shape_mix[i] = e->shape_mix;
            continue;
        }
        uint64_t key = fl_ner_mix(w->lower[i] ^ (w->shape[i] * UINT64_C(0x9E3779B97F4A7C15)) ^ w->case_true[i]);
        type_entry *e = &c->entry[key & (TYPE_CACHE_SLOTS - 1)];
        if (e->case_true != (uint32_t)w->case_true[i] + 1 || e->lower != w->lower[i] || e->shape != w->shape[i]) {
            e->lower = w->lower[i];
            e->shape = w->shape[i];
            e->case_true = (uint32_t)w->case_true[i] + 1;
            uint64_t f[FL_NER_TYPE_ROWS];
            fl_ner_type_features(m, t, w, i, f);
            group_sums(m, f, e->sums);
        }
        float *sums = w->type_sums + i * GROUP_FLOATS;
        memcpy(sums, e->sums, sizeof e->sums);
        w->type_ptr[i] = sums;
        w->word_id[i] = 0;
        w->lower_mix[i] = fl_ner_word_at(w, i)->lower_mix;
        w->shape_mix[i] = fl_ner_mix(w->shape[i]);
    }
    return 1;
}

const fl_ner_fixed_rows *fl_ner_fixed(const fl_ner_work *w) { return &w->type_cache->fixed; }

/* sum = the element-wise total of the ngroups group sums (five, or none), then of the n rows
 * starting at weights + r[k], each label's
 * total added up in row order (so the result is bit for bit that of a plain
 * loop). A feature the model lacks is the zero row, added like the others:
 * cheaper than sorting it out, and x + 0 is x. Adding 17-float rows is
 * most of the tagger's arithmetic, so where the compiler has vector types
 * it adds four labels at a time (SSE on x86-64, NEON on ARM): 5 additions
 * a row instead of 17; with AVX, eight. */
_Static_assert(FL_NER_LABELS == 17, "add_rows adds 4 x 4 + 1 labels");
#if defined(__GNUC__) || defined(__clang__)
typedef float fl_v4 __attribute__((vector_size(16)));
static inline fl_v4 load_v4(const float *p)
{
    fl_v4 v;
    memcpy(&v, p, sizeof v);
    return v;
}
#if defined(__x86_64__)
/* Where the processor has AVX (nearly every x86-64 since 2011), eight
 * labels at a time: 3 additions a row instead of 5, each lane the same
 * additions in the same order, so the sums are bit for bit the same. */
__attribute__((target("avx"))) static void add_rows_avx(float *sum, const float *const *groups, int ngroups,
                                                         const float *weights, const uint32_t *r, unsigned n)
{
    __m256 a = _mm256_setzero_ps(), b = _mm256_setzero_ps();
    float e = 0;
    for (int g = 0; g < ngroups; g++) {
        const float *row = groups[g];
        a = _mm256_add_ps(a, _mm256_loadu_ps(row));
        b = _mm256_add_ps(b, _mm256_loadu_ps(row + 8));
        e += row[16];
    }
    for (unsigned k = 0; k < n; k++) {
        const float *row = weights + r[k];
        a = _mm256_add_ps(a, _mm256_loadu_ps(row));
        b = _mm256_add_ps(b, _mm256_loadu_ps(row + 8));
        e += row[16];
    }
    _mm256_storeu_ps(sum, a);
    _mm256_storeu_ps(sum + 8, b);
    sum[16] = e;
}
#endif
static void add_rows(float *sum, const float *const *groups, int ngroups, const float *weights, const uint32_t *r,
                     unsigned n)
{
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx")) {
        add_rows_avx(sum, groups, ngroups, weights, r, n);
        return;
    }
#endif
    fl_v4 a = {0}, b = {0}, c = {0}, d = {0};
    float e = 0;
    for (int g = 0; g < ngroups; g++) {
        const float *row = groups[g];
        a += load_v4(row);
        b += load_v4(row + 4);
        c += load_v4(row + 8);
        d += load_v4(row + 12);
        e += row[16];
    }
    for (unsigned k = 0; k < n; k++) {
        const float *row = weights + r[k];
        a += load_v4(row);
        b += load_v4(row + 4);
        c += load_v4(row + 8);
        d += load_v4(row + 12);
        e += row[16];
    }
    memcpy(sum, &a, sizeof a);
    memcpy(sum + 4, &b, sizeof b);
    memcpy(sum + 8, &c, sizeof c);
    memcpy(sum + 12, &d, sizeof d);
    sum[16] = e;
}
#else
static void add_rows(float *sum, const float *const *groups, int ngroups, const float *weights, const uint32_t *r,
                     unsigned n)
{
    for (int y = 0; y < FL_NER_LABELS; y++)
        sum[y] = 0;
    for (int g = 0; g < ngroups; g++)
        for (int y = 0; y < FL_NER_LABELS; y++)
            sum[y] += groups[g][y];
    for (unsigned k = 0; k < n; k++)
        for (int y = 0; y < FL_NER_LABELS; y++)
            sum[y] += weights[r[k] + y];
}
#endif

/* Scores tokens [from, to) of the sentence starting at token `start` into
 * w->scores. The features left to look up (those not in the type cache)
 * of a block of tokens are built first, then resolved with the table slots
 * asked for LOOKAHEAD features in advance (and each row asked for once its
 * place is known), so the cache misses overlap instead of following one
 * another; then the rows are added up. */
enum { BLOCK_TOKENS = 16, TOKEN_ITEMS = FL_NER_MAX_FEATURES + FL_NER_HISTORY_FEATURES, LOOKAHEAD = 16 };

static void score_block(const fl_ner_model *m, const fl_ner_token *tokens, size_t n, fl_ner_work *w, size_t start,
                        size_t end, size_t from, size_t to)
{
    /* items[k]: the row of the k-th feature of the block (the zero row when
     * the model lacks it); for those not known at once, filled in from
     * the lookup of feats[q], q such that look[q] == k. */
    uint32_t items[BLOCK_TOKENS * TOKEN_ITEMS];
    uint64_t feats[BLOCK_TOKENS * TOKEN_ITEMS];
    uint32_t look[BLOCK_TOKENS * TOKEN_ITEMS];
    unsigned count[BLOCK_TOKENS];
    const float *groups[BLOCK_TOKENS][FL_NER_TYPE_GROUPS];
    /* bigram[k]: the rows of the pair (from + k - 1, from + k), copied
     * (a later pair of the block may take the same cache slot). */
    uint32_t bigram_rows[BLOCK_TOKENS + 1][FL_NER_BIGRAM_ROWS];
    const uint32_t *bigram[BLOCK_TOKENS + 1];
    for (size_t j = from; j <= to; j++) {
        uint32_t *r = bigram_rows[j - from];
        bigram[j - from] = fl_ner_bigram_rows(m, w, j - 1, j > start, j, j < end, r) ? r : NULL;
    }
    size_t total = 0, nlook = 0;
    for (size_t j = from; j < to; j++) {
        unsigned looked;
        unsigned c = fl_ner_token_items(m, tokens, n, w, j, bigram[j - from], bigram[j - from + 1], groups[j - from],
                                        items + total, feats + nlook, look + nlook, (uint32_t)total, &looked);
        nlook += looked;
        count[j - from] = c;
        total += c;
    }
    const fl_ner_table *t = &m->features;
    const fl_ner_slot *slots = t->slots;
    uint32_t at[BLOCK_TOKENS * TOKEN_ITEMS];
    for (size_t k = 0; k < nlook; k++)
        at[k] = (uint32_t)((feats[k] ^ (feats[k] >> 29)) & t->mask);
    for (size_t k = 0; k < nlook; k++) {
        uint32_t row = (uint32_t)(m->rows * FL_NER_LABELS);
        if (slots) {
#if defined(__GNUC__) || defined(__clang__)
            if (k + LOOKAHEAD < nlook)
                __builtin_prefetch(&slots[at[k + LOOKAHEAD]]);
#endif
            uint64_t f = feats[k];
            size_t i = at[k];
            while (slots[i].key != f && slots[i].key)
                i = (i + 1) & t->mask;
            if (slots[i].key)
                row = slots[i].value * FL_NER_LABELS;
        }
        items[look[k]] = row;
    }
    const uint32_t *r = items;
    for (size_t j = from; j < to; j++) {
        float sum[FL_NER_LABELS];
        add_rows(sum, groups[j - from], FL_NER_TYPE_GROUPS, m->weights, r, count[j - from]);
        r += count[j - from];
        memcpy(w->scores + (j - start) * FL_NER_LABELS, sum, sizeof sum);
    }
}

void fl_ner_score_sentence(const fl_ner_model *m, const fl_ner_token *tokens, size_t n, fl_ner_work *w, size_t start,
                           size_t end)
{
    for (size_t from = start; from < end; from += BLOCK_TOKENS)
        score_block(m, tokens, n, w, start, end, from, end - from < BLOCK_TOKENS ? end : from + BLOCK_TOKENS);
}
