/*
 * ner_clusters.c — word clusters learned from unlabeled news at training
 * time, for the tagger's cluster features (words that occur in similar
 * contexts share a class, so "Axios" can borrow what the model learned
 * about "Reuters"). Not for: tagging (the classes are stored in the model as
 * a lexicon; ner_features.c reads them).
 *
 * Method: the predictive exchange algorithm (Uszkoreit & Brants 2008; Martin,
 * Liermann & Ney 1998), a cheaper relative of Brown clustering. Each word v
 * gets one of K classes so as to maximise the likelihood of the class
 * bigram model P(w | class(previous word)), whose log-likelihood is, up to
 * constants,
 *     F = sum_{c,w} f(N(c,w)) - sum_c f(N(c)),   f(x) = x log x,
 * where N(c,w) counts w after a word of class c. Words are visited in order
 * of frequency; each is moved to the class that raises F most. Moving v
 * touches only the columns of v's successors, so one pass costs
 * (distinct bigrams) x K look-ups. Words are lower-cased (the tagger's
 * features are too); words seen fewer than min_count times are not
 * clustered. Several clusterings of different K may be stored in one
 * lexicon, each in its own bit field. Deterministic: fixed initial classes (frequency rank mod K),
 * fixed visiting order, ties to the lower class.
 *
 * Memory: the dense N(c,w) table, K x V 32-bit counts (256 x 60,000 = 61 MB),
 * and the bigram list.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner/ner.h"
#include "ner/ner_lexicon.h"
#include "text/doc.h"

struct fl_ner_corpus {
    fl_ner_table ids;    /* lower-case hash -> word id */
    uint64_t *hashes;    /* per id */
    uint32_t *counts;    /* per id */
    size_t words, word_cap;
    uint32_t *stream;    /* word ids, UINT32_MAX between sentences */
    size_t length, cap;
};

fl_ner_corpus *fl_ner_corpus_new(void)
{
    fl_ner_corpus *c = calloc(1, sizeof *c);
    if (c && !fl_ner_table_init(&c->ids, 1 << 16)) {
        free(c);
        return NULL;
    }
    return c;
}

void fl_ner_corpus_free(fl_ner_corpus *c)
{
    if (!c)
        return;
    fl_ner_table_free(&c->ids);
    free(c->hashes);
    free(c->counts);
    free(c->stream);
    free(c);
}

static int push(fl_ner_corpus *c, uint32_t id)
{
    if (c->length == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 1 << 20;
        uint32_t *s = realloc(c->stream, cap * sizeof *s);
        if (!s)
            return 0;
        c->stream = s;
        c->cap = cap;
    }
    c->stream[c->length++] = id;
    return 1;
}

int fl_ner_corpus_add(fl_ner_corpus *c, const char *word, size_t len)
{
    uint64_t h = fl_ner_mix(fl_ner_hash_lower(word, len));
    uint32_t *id = fl_ner_table_find(&c->ids, h);
    if (!id) {
        if (c->words == c->word_cap) {
            size_t cap = c->word_cap ? c->word_cap * 2 : 1 << 16;
            uint64_t *hs = realloc(c->hashes, cap * sizeof *hs);
            if (!hs)
                return 0;
            c->hashes = hs;
            uint32_t *cs = realloc(c->counts, cap * sizeof *cs);
            if (!cs)
                return 0;
            c->counts = cs;
            c->word_cap = cap;
        }
        c->hashes[c->words] = h;
        c->counts[c->words] = 0;
        if (!fl_ner_table_put(&c->ids, h, (uint32_t)c->words))
            return 0;
        id = fl_ner_table_find(&c->ids, h);
        c->words++;
    }
    c->counts[*id]++;
    return push(c, *id);
}

int fl_ner_corpus_end_sentence(fl_ner_corpus *c)
{
    return c->length && c->stream[c->length - 1] == UINT32_MAX ? 1 : push(c, UINT32_MAX);
}

size_t fl_ner_corpus_length(const fl_ner_corpus *c) { return c->length; }

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

int fl_ner_clusters(fl_ner_model *m, const fl_ner_corpus *c, unsigned classes, unsigned shift, unsigned min_count,
                    int iterations, void (*progress)(const char *line, void *user), void *user)
{
    int ok = 0;
    uint32_t *order = NULL, *dense = NULL, *klass = NULL, *succ_start = NULL, *succ_word = NULL, *succ_count = NULL;
    uint64_t *pairs = NULL;
    double *flog = NULL, *delta = NULL;
    int64_t *class_total = NULL;
    uint32_t *table = NULL;
    uint64_t *word_total = NULL;
    /* Dense ids for words seen min_count times, in frequency order. */
    /* Frequency order: more frequent first, then by id (first appearance). */
    pairs = malloc((c->words ? c->words : 1) * sizeof *pairs);
    order = malloc((c->words ? c->words : 1) * sizeof *order);
    dense = malloc((c->words ? c->words : 1) * sizeof *dense);
    if (!order || !dense || !pairs)
        goto done;
    for (size_t i = 0; i < c->words; i++)
        pairs[i] = (uint64_t)(UINT32_MAX - c->counts[i]) << 32 | i;
    qsort(pairs, c->words, sizeof *pairs, compare_u64);
    for (size_t i = 0; i < c->words; i++)
        order[i] = (uint32_t)pairs[i];
    free(pairs);
    pairs = NULL;
    size_t v = 0;
    for (size_t i = 0; i < c->words; i++)
        dense[i] = UINT32_MAX;
    for (size_t i = 0; i < c->words && c->counts[order[i]] >= min_count; i++)
        dense[order[i]] = (uint32_t)v++;
    /* Distinct bigrams of clustered words, as (prev << 32 | next) sorted. */
    size_t np = 0;
    pairs = malloc((c->length ? c->length : 1) * sizeof *pairs);
    if (!pairs)
        goto done;
    for (size_t i = 1; i < c->length; i++) {
        uint32_t a = c->stream[i - 1], b = c->stream[i];
        if (a == UINT32_MAX || b == UINT32_MAX || dense[a] == UINT32_MAX || dense[b] == UINT32_MAX)
            continue;
        pairs[np++] = (uint64_t)dense[a] << 32 | dense[b];
    }
    qsort(pairs, np, sizeof *pairs, compare_u64);
    succ_start = calloc(v + 1, sizeof *succ_start);
    succ_word = malloc((np ? np : 1) * sizeof *succ_word);
    succ_count = malloc((np ? np : 1) * sizeof *succ_count);
    word_total = calloc(v ? v : 1, sizeof *word_total);
    if (!succ_start || !succ_word || !succ_count || !word_total)
        goto done;
    size_t distinct = 0;
    for (size_t i = 0; i < np;) {
        size_t j = i;
        while (j < np && pairs[j] == pairs[i])
            j++;
        uint32_t a = (uint32_t)(pairs[i] >> 32);
        succ_word[distinct] = (uint32_t)pairs[i];
        succ_count[distinct] = (uint32_t)(j - i);
        succ_start[a + 1]++;
        word_total[a] += j - i;
        distinct++;
        i = j;
    }
    for (size_t a = 0; a < v; a++)
        succ_start[a + 1] += succ_start[a];
    free(pairs);
    pairs = NULL;
    /* f(x) = x log x for every count that can occur. */
    flog = malloc((np + 1) * sizeof *flog);
    klass = malloc((v ? v : 1) * sizeof *klass);
    table = calloc((size_t)classes * (v ? v : 1), sizeof *table);
    class_total = calloc(classes, sizeof *class_total);
    delta = malloc(classes * sizeof *delta);
    if (!flog || !klass || !table || !class_total || !delta)
        goto done;
    flog[0] = 0;
    for (size_t x = 1; x <= np; x++)
        flog[x] = (double)x * log((double)x);
    for (size_t a = 0; a < v; a++) {
        klass[a] = (uint32_t)(a % classes);
        class_total[klass[a]] += (int64_t)word_total[a];
        for (uint32_t k = succ_start[a]; k < succ_start[a + 1]; k++)
            table[(size_t)klass[a] * v + succ_word[k]] += succ_count[k];
    }
    if (progress) {
        char line[256];
        snprintf(line, sizeof line, "clusters: %zu words (seen %u+ times), %zu distinct bigrams, %u classes", v,
                 min_count, distinct, classes);
        progress(line, user);
    }
    for (int it = 0; it < iterations; it++) {
        size_t moved = 0;
        for (size_t a = 0; a < v; a++) {
            uint32_t from = klass[a];
            int64_t t = (int64_t)word_total[a];
            if (!t)
                continue;
            uint32_t s0 = succ_start[a], s1 = succ_start[a + 1];
            for (uint32_t k = s0; k < s1; k++)
                table[(size_t)from * v + succ_word[k]] -= succ_count[k];
            class_total[from] -= t;
            uint32_t best = from;
            double best_delta = -1e300;
            for (uint32_t b = 0; b < classes; b++) {
                const uint32_t *row = table + (size_t)b * v;
                double d = 0;
                for (uint32_t k = s0; k < s1; k++) {
                    uint32_t n0 = row[succ_word[k]];
                    d += flog[n0 + succ_count[k]] - flog[n0];
                }
                d -= flog[class_total[b] + t] - flog[class_total[b]];
                delta[b] = d;
                if (d > best_delta) {
                    best_delta = d;
                    best = b;
                }
            }
            /* Stay unless another class is strictly better. */
            if (delta[from] >= best_delta)
                best = from;
            for (uint32_t k = s0; k < s1; k++)
                table[(size_t)best * v + succ_word[k]] += succ_count[k];
            class_total[best] += t;
            if (best != from) {
                klass[a] = best;
                moved++;
            }
        }
        if (progress) {
            char line[256];
            snprintf(line, sizeof line, "clusters: pass %d moved %zu of %zu words", it + 1, moved, v);
            progress(line, user);
        }
        if (moved * 1000 < v)
            break;
    }
    for (size_t i = 0; i < c->words; i++) {
        if (dense[i] == UINT32_MAX)
            continue;
        const uint32_t *old = fl_ner_table_find(&m->clusters, c->hashes[i]);
        if (!fl_ner_table_put(&m->clusters, c->hashes[i], (old ? *old : 0) | (klass[dense[i]] + 1) << shift))
            goto done;
    }
    ok = 1;
done:
    free(order);
    free(dense);
    free(pairs);
    free(succ_start);
    free(succ_word);
    free(succ_count);
    free(word_total);
    free(flog);
    free(klass);
    free(table);
    free(class_total);
    free(delta);
    return ok;
}
