/*
 * ner_train.c — learning the tagger: a structured averaged perceptron
 * (Collins 2002) with Viterbi decoding, as Ratinov & Roth 2009 used.
 * Not for: the features (ner_features.c) or the file format (ner_model.c).
 *
 * Steps: build the lexicons from the shared data; compute every training
 * token's features once and keep those seen at least min_count times (rows
 * numbered in order of first appearance, so the model is deterministic);
 * then for each epoch visit the documents in an order shuffled by a seeded
 * xorshift generator, and their sentences in order; decode each with the
 * current weights and, on a mistake, add the gold path's features and
 * subtract the predicted path's. The history features of a sentence come
 * from the predictions (not the gold labels) of the sentences before it, as
 * they will when tagging. The whole is repeated `runs` times with
 * different shuffles and the model is the mean of the runs' weights (a
 * cheap ensemble: one model's tags depend less on one visiting order). Weights are
 * integers during learning, so the result does not depend on floating-point
 * summation order. The averaged weights (w - u / c, the standard lazy trick)
 * are scored on the dev file after each epoch; the best epoch is kept.
 *
 * Memory: two integer arrays of rows x 17 (int32 weights, int64 sums) plus
 * the training tokens' feature rows; about 150 MB for CoNLL-2003.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ner/ner.h"
#include "ner/ner_lexicon.h"

void fl_ner_train_options_init(fl_ner_train_options *o)
{
    memset(o, 0, sizeof *o);
    o->epochs = 15;
    o->min_count = 1;
    o->seed = 20231104;
    o->clusters = 1024;
    o->runs = 4;
}

static void progress(const fl_ner_train_options *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void progress(const fl_ner_train_options *o, const char *fmt, ...)
{
    if (!o->progress)
        return;
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    o->progress(line, o->user);
}

static uint64_t xorshift(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

typedef struct trainer {
    fl_ner_model *m;
    int32_t *w;        /* rows x labels */
    int64_t *u;        /* c-weighted sums of updates */
    int32_t tw[(FL_NER_LABELS + 1) * FL_NER_LABELS];
    int64_t tu[(FL_NER_LABELS + 1) * FL_NER_LABELS];
    int64_t c;         /* instances seen, starts at 1 */
    uint32_t *feat;    /* feature rows of every training token */
    uint64_t *lower;   /* per training token, as fl_ner_work has them: for history features */
    uint8_t *case_true, *uncased;
    size_t *feat_start;/* per token, count + 1 entries */
} trainer;

/* Writes the averaged weights into the model. */
static void average_into(const trainer *t, fl_ner_model *m)
{
    double c = (double)t->c;
    for (size_t i = 0; i < m->rows * FL_NER_LABELS; i++)
        m->weights[i] = (float)((double)t->w[i] - (double)t->u[i] / c);
    for (size_t i = 0; i < (FL_NER_LABELS + 1) * FL_NER_LABELS; i++)
        m->transitions[i] = (float)((double)t->tw[i] - (double)t->tu[i] / c);
    fl_ner_model_changed(m);
}

static void update_row(trainer *t, size_t row, int g, int p)
{
    size_t r = row * FL_NER_LABELS;
    t->w[r + g]++;
    t->u[r + g] += t->c;
    t->w[r + p]--;
    t->u[r + p] -= t->c;
}

/* Perceptron update for sentence [a, b): gold path up, predicted path down.
 * dyn holds the history feature rows of each token (UINT32_MAX: none). */
static void update(trainer *t, const uint8_t *gold, const uint8_t *pred, size_t a, size_t b, const uint32_t *dyn)
{
    enum { L = FL_NER_LABELS };
    for (size_t i = a; i < b; i++) {
        int g = gold[i], p = pred[i - a];
        int gp = i == a ? L : gold[i - 1], pp = i == a ? L : pred[i - a - 1];
        if (g != p) {
            for (size_t k = t->feat_start[i]; k < t->feat_start[i + 1]; k++)
                update_row(t, t->feat[k], g, p);
            for (size_t k = 0; k < FL_NER_HISTORY_FEATURES; k++)
                if (dyn[(i - a) * FL_NER_HISTORY_FEATURES + k] != UINT32_MAX)
                    update_row(t, dyn[(i - a) * FL_NER_HISTORY_FEATURES + k], g, p);
        }
        if (g != p || gp != pp) {
            t->tw[gp * L + g]++;
            t->tu[gp * L + g] += t->c;
            t->tw[pp * L + p]--;
            t->tu[pp * L + p] -= t->c;
        }
    }
}

/* Tags the dev file with the model as it is and scores it. */
static int score_dev(const fl_ner_model *m, const fl_conll *dev, fl_ner_work *w, uint8_t *labels, fl_ner_score *s)
{
    memset(s, 0, sizeof *s);
    for (size_t d = 0; d < dev->doc_count; d++) {
        size_t a = dev->doc_start[d], b = dev->doc_start[d + 1];
        if (!fl_ner_tag(m, dev->tokens + a, b - a, w, labels + a))
            return 0;
    }
    size_t start = 0;
    for (size_t i = 1; i <= dev->count; i++)
        if (i == dev->count || dev->tokens[i].sentence_start) {
            fl_ner_score_add(s, dev->gold + start, labels + start, i - start);
            start = i;
        }
    return 1;
}

static double elapsed(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0->tv_nsec);
}

fl_ner_model *fl_ner_train(const fl_ner_train_options *o, char *err, size_t err_size)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    fl_conll train = {0}, dev = {0};
    fl_ner_model *m = fl_ner_model_alloc();
    fl_ner_table counts = {0}, casing_counts = {0};
    fl_ner_corpus *corpus = NULL;
    trainer t = {0};
    fl_ner_work w;
    fl_ner_work_init(&w);
    uint8_t *pred = NULL, *dev_labels = NULL;
    size_t *sent_start = NULL;
    float *best_weights = NULL;
    uint32_t *dyn = NULL;
    float *sum_weights = NULL;
    size_t *doc_order = NULL;
    int ok = 0;
    if (!m) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    if (!o->train_path) {
        snprintf(err, err_size, "no training file");
        goto done;
    }
    if (fl_conll_read(o->train_path, &train, err, err_size) != FL_OK)
        goto done;
    if (!train.has_gold) {
        snprintf(err, err_size, "%s: no tag column", o->train_path);
        goto done;
    }
    if (o->dev_path && fl_conll_read(o->dev_path, &dev, err, err_size) != FL_OK)
        goto done;
    if (o->dev_path && !dev.has_gold) {
        snprintf(err, err_size, "%s: no tag column", o->dev_path);
        goto done;
    }
    progress(o, "read %zu training tokens in %zu documents, %zu dev tokens", train.count, train.doc_count, dev.count);

    /* Lexicons. */
    if (!fl_ner_table_init(&casing_counts, 1 << 18) ||
        !fl_ner_lexicon_count_text(&casing_counts, train.tokens, train.count)) {
        snprintf(err, err_size, "out of memory");
        goto done;
    }
    if (o->data_dir) {
        if (!fl_ner_lexicon_gazetteer(m, o->data_dir, err, err_size))
            goto done;
        size_t words = 0;
        corpus = o->clusters ? fl_ner_corpus_new() : NULL;
        if (o->clusters && !corpus) {
            snprintf(err, err_size, "out of memory");
            goto done;
        }
        if (!fl_ner_lexicon_count_news(&casing_counts, corpus, o->data_dir, &words, err, err_size))
            goto done;
        progress(o, "gazetteer: %zu phrases; casing counted over %zu news words (%.1f s)", m->gazetteer.count, words,
                 elapsed(&t0));
    }
    if (corpus) {
        /* The training text too (its words, not its tags). */
        int added = 1;
        for (size_t i = 0; added && i < train.count; i++) {
            if (train.tokens[i].sentence_start && i)
                added = fl_ner_corpus_end_sentence(corpus);
            added = added && fl_ner_corpus_add(corpus, train.tokens[i].text, train.tokens[i].len);
        }
        /* Three granularities, K, K/4 and K/16, in 11-bit fields. */
        for (unsigned level = 0; added && level < 3; level++) {
            unsigned k = (unsigned)o->clusters >> (2 * level);
            if (k >= 8)
                added = fl_ner_clusters(m, corpus, k, 11 * level, 3, 20, o->progress, o->user);
        }
        if (!added) {
            snprintf(err, err_size, "out of memory");
            goto done;
        }
        progress(o, "clusters: %zu words in %d classes from %zu tokens (%.1f s)", m->clusters.count, o->clusters,
                 fl_ner_corpus_length(corpus), elapsed(&t0));
        fl_ner_corpus_free(corpus);
        corpus = NULL;
    }
    if (!fl_ner_lexicon_casing(m, &casing_counts, 2)) {
        snprintf(err, err_size, "out of memory");
        goto done;
    }
    fl_ner_table_free(&casing_counts);
    progress(o, "casing lexicon: %zu words", m->casing.count);

    /* Features of every training token, counted; rows in order of first appearance. */
    t.feat_start = malloc((train.count + 1) * sizeof *t.feat_start);
    t.feat = malloc(train.count * FL_NER_MAX_FEATURES * sizeof *t.feat);
    t.lower = malloc(train.count * sizeof *t.lower);
    t.case_true = malloc(train.count);
    t.uncased = malloc(train.count);
    if (!t.feat_start || !t.feat || !t.lower || !t.case_true || !t.uncased || !fl_ner_table_init(&counts, 1 << 20)) {
        snprintf(err, err_size, "out of memory");
        goto done;
    }
    for (int pass = 0; pass < 2; pass++) {
        size_t nf = 0;
        for (size_t d = 0; d < train.doc_count; d++) {
            size_t a = train.doc_start[d], b = train.doc_start[d + 1];
            if (!fl_ner_features(m, train.tokens + a, b - a, &w)) {
                snprintf(err, err_size, "out of memory");
                goto done;
            }
            for (size_t i = a; i < b; i++) {
                const uint64_t *f = w.feats + (i - a) * FL_NER_MAX_FEATURES;
                t.feat_start[i] = nf;
                t.lower[i] = w.lower[i - a];
                t.case_true[i] = w.case_true[i - a];
                t.uncased[i] = w.uncased[i - a];
                for (unsigned k = 0; k < w.feat_count[i - a]; k++) {
                    if (pass == 0) {
                        uint32_t *c = fl_ner_table_find(&counts, f[k]);
                        if (c)
                            (*c)++;
                        else if (!fl_ner_table_put(&counts, f[k], 1)) {
                            snprintf(err, err_size, "out of memory");
                            goto done;
                        }
                        continue;
                    }
                    uint32_t c = *fl_ner_table_find(&counts, f[k]);
                    if ((int)c < o->min_count)
                        continue;
                    uint32_t *row = fl_ner_table_find(&m->features, f[k]);
                    if (!row) {
                        if (!fl_ner_table_put(&m->features, f[k], (uint32_t)m->rows)) {
                            snprintf(err, err_size, "out of memory");
                            goto done;
                        }
                        row = fl_ner_table_find(&m->features, f[k]);
                        m->rows++;
                    }
                    /* A feature may repeat within a token (gazetteer bits do not; affixes of short words may). */
                    t.feat[nf++] = *row;
                }
            }
        }
        t.feat_start[train.count] = nf;
    }
    /* The history features get rows up front: they depend on predictions. */
    {
        uint64_t hist[256];
        size_t nh = fl_ner_history_all(hist, sizeof hist / sizeof hist[0]);
        for (size_t k = 0; k < nh && k < sizeof hist / sizeof hist[0]; k++) {
            if (fl_ner_table_find(&m->features, hist[k]))
                continue;
            if (!fl_ner_table_put(&m->features, hist[k], (uint32_t)m->rows)) {
                snprintf(err, err_size, "out of memory");
                goto done;
            }
            m->rows++;
        }
    }
    fl_ner_table_free(&counts);
    progress(o, "%zu features kept (seen at least %d times) (%.1f s)", m->rows, o->min_count, elapsed(&t0));

    m->weights = fl_ner_weights_alloc(m->rows);
    t.w = calloc(m->rows ? m->rows : 1, FL_NER_LABELS * sizeof *t.w);
    t.u = calloc(m->rows ? m->rows : 1, FL_NER_LABELS * sizeof *t.u);
    best_weights = malloc((m->rows ? m->rows : 1) * FL_NER_LABELS * sizeof *best_weights);
    size_t sentences = 0;
    for (size_t i = 0; i < train.count; i++)
        sentences += train.tokens[i].sentence_start;
    sent_start = malloc((sentences + 1) * sizeof *sent_start);
    pred = malloc(train.count);
    dev_labels = malloc(dev.count ? dev.count : 1);
    if (!m->weights || !t.w || !t.u || !best_weights || !sent_start || !pred || !dev_labels) {
        snprintf(err, err_size, "out of memory");
        goto done;
    }
    size_t sc = 0, longest = 0;
    for (size_t i = 0; i < train.count; i++)
        if (train.tokens[i].sentence_start)
            sent_start[sc++] = i;
    sent_start[sc] = train.count;
    for (size_t s = 0; s < sc; s++)
        if (sent_start[s + 1] - sent_start[s] > longest)
            longest = sent_start[s + 1] - sent_start[s];
    /* Documents are visited in shuffled order, their sentences in order,
     * so the history features see the earlier sentences' predictions as
     * they will when tagging. The whole is repeated `runs` times with
 * different shuffles and the model is the mean of the runs' weights (a
 * cheap ensemble: one model's tags depend less on one visiting order). */
    doc_order = malloc((train.doc_count ? train.doc_count : 1) * sizeof *doc_order);
    dyn = malloc((longest ? longest : 1) * FL_NER_HISTORY_FEATURES * sizeof *dyn);
    if (!doc_order || !dyn || !fl_ner_work_reserve(&w, longest) || !fl_ner_work_reserve_sentence(&w, longest)) {
        snprintf(err, err_size, "out of memory");
        goto done;
    }
    float best_transitions[(FL_NER_LABELS + 1) * FL_NER_LABELS];
    float sum_transitions[(FL_NER_LABELS + 1) * FL_NER_LABELS] = {0};
    sum_weights = calloc(m->rows ? m->rows : 1, FL_NER_LABELS * sizeof *sum_weights);
    if (!sum_weights) {
        snprintf(err, err_size, "out of memory");
        goto done;
    }
    for (int run = 0; run < o->runs; run++) {
    memset(t.w, 0, m->rows * FL_NER_LABELS * sizeof *t.w);
    memset(t.u, 0, m->rows * FL_NER_LABELS * sizeof *t.u);
    memset(t.tw, 0, sizeof t.tw);
    memset(t.tu, 0, sizeof t.tu);
    for (size_t d = 0; d < train.doc_count; d++)
        doc_order[d] = d;
    uint64_t rng = (o->seed ? o->seed : 1) + (uint64_t)run * UINT64_C(0x9E3779B97F4A7C15);
    if (!rng)
        rng = 1;
    t.c = 1;
    double best_f1 = -1;
    int best_epoch = 0;
    for (int epoch = 1; epoch <= o->epochs; epoch++) {
        for (size_t d = train.doc_count; d > 1; d--) {
            size_t j = (size_t)(xorshift(&rng) % d);
            size_t tmp = doc_order[d - 1];
            doc_order[d - 1] = doc_order[j];
            doc_order[j] = tmp;
        }
        size_t mistakes = 0, si = 0;
        for (size_t di = 0; di < train.doc_count; di++) {
            size_t doc_a = train.doc_start[doc_order[di]], doc_b = train.doc_start[doc_order[di] + 1];
            if (w.history.count) {
                memset(w.history.slots, 0, (w.history.mask + 1) * sizeof *w.history.slots);
                w.history.count = 0;
            }
            while (si < sc && sent_start[si] < doc_a)
                si++;
            while (si > 0 && sent_start[si] > doc_a)
                si--;
            for (size_t s = si; s < sc && sent_start[s] < doc_b; s++) {
                size_t a = sent_start[s], b = sent_start[s + 1];
                memcpy(w.lower, t.lower + a, (b - a) * sizeof *w.lower);
                memcpy(w.case_true, t.case_true + a, b - a);
                memcpy(w.uncased, t.uncased + a, b - a);
                for (size_t i = a; i < b; i++) {
                    int32_t acc[FL_NER_LABELS] = {0};
                    for (size_t k = t.feat_start[i]; k < t.feat_start[i + 1]; k++) {
                        const int32_t *row = t.w + (size_t)t.feat[k] * FL_NER_LABELS;
                        for (int y = 0; y < FL_NER_LABELS; y++)
                            acc[y] += row[y];
                    }
                    uint64_t h[FL_NER_HISTORY_FEATURES];
                    unsigned nh = fl_ner_history_features(&w, i - a, h);
                    for (unsigned k = 0; k < FL_NER_HISTORY_FEATURES; k++) {
                        const uint32_t *row = k < nh ? fl_ner_table_find(&m->features, h[k]) : NULL;
                        dyn[(i - a) * FL_NER_HISTORY_FEATURES + k] = row ? *row : UINT32_MAX;
                        if (!row)
                            continue;
                        const int32_t *wr = t.w + (size_t)*row * FL_NER_LABELS;
                        for (int y = 0; y < FL_NER_LABELS; y++)
                            acc[y] += wr[y];
                    }
                    for (int y = 0; y < FL_NER_LABELS; y++)
                        w.scores[(i - a) * FL_NER_LABELS + y] = (float)acc[y];
                }
                for (size_t y = 0; y < (FL_NER_LABELS + 1) * FL_NER_LABELS; y++)
                    m->transitions[y] = (float)t.tw[y];
                fl_ner_viterbi(m->transitions, &w, 0, b - a, pred);
                if (memcmp(pred, train.gold + a, b - a)) {
                    mistakes++;
                    update(&t, train.gold, pred, a, b, dyn);
                }
                if (!fl_ner_history_add(&w, 0, b - a, pred)) {
                    snprintf(err, err_size, "out of memory");
                    goto done;
                }
                t.c++;
            }
        }
        average_into(&t, m);
        if (dev.count) {
            fl_ner_score s;
            if (!score_dev(m, &dev, &w, dev_labels, &s)) {
                snprintf(err, err_size, "out of memory");
                goto done;
            }
            double p, r, f1;
            fl_ner_score_prf(&s.total, &p, &r, &f1);
            progress(o, "run %d epoch %d: %zu of %zu sentences wrong; dev P %.2f R %.2f F1 %.2f (%.1f s)", run + 1, epoch,
                     mistakes, sc, p, r, f1, elapsed(&t0));
            if (f1 > best_f1) {
                best_f1 = f1;
                best_epoch = epoch;
                memcpy(best_weights, m->weights, m->rows * FL_NER_LABELS * sizeof *best_weights);
                memcpy(best_transitions, m->transitions, sizeof best_transitions);
            }
            if (!fl_ner_work_reserve(&w, longest) || !fl_ner_work_reserve_sentence(&w, longest)) {
                snprintf(err, err_size, "out of memory");
                goto done;
            }
        } else {
            progress(o, "run %d epoch %d: %zu of %zu sentences wrong (%.1f s)", run + 1, epoch, mistakes, sc,
                     elapsed(&t0));
        }
    }
    if (best_epoch) {
        progress(o, "run %d: kept epoch %d (dev F1 %.2f)", run + 1, best_epoch, best_f1);
    } else {
        memcpy(best_weights, m->weights, m->rows * FL_NER_LABELS * sizeof *best_weights);
        memcpy(best_transitions, m->transitions, sizeof best_transitions);
    }
    for (size_t i = 0; i < m->rows * FL_NER_LABELS; i++)
        sum_weights[i] += best_weights[i];
    for (size_t i = 0; i < (FL_NER_LABELS + 1) * FL_NER_LABELS; i++)
        sum_transitions[i] += best_transitions[i];
    }
    /* The model is the mean of the runs: less dependent on one shuffle. */
    for (size_t i = 0; i < m->rows * FL_NER_LABELS; i++)
        m->weights[i] = sum_weights[i] / (float)o->runs;
    for (size_t i = 0; i < (FL_NER_LABELS + 1) * FL_NER_LABELS; i++)
        m->transitions[i] = sum_transitions[i] / (float)o->runs;
    fl_ner_model_changed(m);
    if (dev.count) {
        fl_ner_score s;
        double p, r, f1;
        if (!score_dev(m, &dev, &w, dev_labels, &s)) {
            snprintf(err, err_size, "out of memory");
            goto done;
        }
        fl_ner_score_prf(&s.total, &p, &r, &f1);
        progress(o, "mean of %d runs: dev P %.2f R %.2f F1 %.2f (%.1f s)", o->runs, p, r, f1, elapsed(&t0));
    }
    /* Drop rows whose weights are all zero: they never change a score. */
    {
        size_t kept = 0;
        fl_ner_table features = {0};
        if (!fl_ner_table_init(&features, m->rows)) {
            snprintf(err, err_size, "out of memory");
            goto done;
        }
        for (size_t i = 0; i <= m->features.mask; i++) {
            uint64_t key = m->features.slots[i].key;
            if (!key)
                continue;
            const float *row = m->weights + (size_t)m->features.slots[i].value * FL_NER_LABELS;
            int any = 0;
            for (int y = 0; y < FL_NER_LABELS; y++)
                any |= row[y] != 0;
            if (any)
                fl_ner_table_put(&features, key, m->features.slots[i].value);
        }
        /* Compact rows in table order of the new table, deterministic. */
        float *weights = fl_ner_weights_alloc(features.count);
        if (!weights) {
            fl_ner_table_free(&features);
            snprintf(err, err_size, "out of memory");
            goto done;
        }
        for (size_t i = 0; i <= features.mask; i++) {
            if (!features.slots[i].key)
                continue;
            memcpy(weights + kept * FL_NER_LABELS, m->weights + (size_t)features.slots[i].value * FL_NER_LABELS,
                   FL_NER_LABELS * sizeof *weights);
            features.slots[i].value = (uint32_t)kept++;
        }
        free(m->weights);
        fl_ner_table_free(&m->features);
        m->weights = weights;
        m->features = features;
        m->rows = kept;
        fl_ner_model_changed(m);
        progress(o, "%zu features with non-zero weights (%.1f s)", kept, elapsed(&t0));
    }
    ok = 1;
done:
    fl_ner_work_free(&w);
    fl_ner_corpus_free(corpus);
    fl_ner_table_free(&counts);
    fl_ner_table_free(&casing_counts);
    fl_conll_free(&train);
    fl_conll_free(&dev);
    free(t.w);
    free(t.u);
    free(t.feat);
    free(t.feat_start);
    free(t.lower);
    free(t.case_true);
    free(t.uncased);
    free(dyn);
    free(sum_weights);
    free(doc_order);
    free(pred);
    free(dev_labels);
    free(sent_start);
    free(best_weights);
    if (!ok) {
        fl_ner_model_free(m);
        return NULL;
    }
    return m;
}
