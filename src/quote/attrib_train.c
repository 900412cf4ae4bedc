/*
 * attrib_train.c — learning the cue detector (attrib_model.h) from PolNeAR
 * lines: an averaged perceptron over the candidate tokens of every article,
 * labelled 1 when the token lies in a gold cue of the article's first
 * annotation set. Not for: the model's file or scoring (attrib_model.c).
 *
 * Two passes over the file: the first counts how often each word is part of
 * a gold cue (the candidate set: words seen >= min_count times), the second
 * keeps the features of each candidate token that no rule cue covers (the
 * tokens the detector is asked about when extracting). The examples live in
 * memory (about 30 MB for PolNeAR train). Weights are averaged with the
 * usual lazy trick (a running sum updated only when a weight changes), and
 * the example order is shuffled each epoch with a fixed seed, so the same
 * data and options give the same model bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quote/attrib_model.h"
#include "quote/polnear.h"
#include "quote/quote_internal.h"
#include "text/doc.h"

/* ---- a growing hash map, key -> index ------------------------------------ */

typedef struct map {
    uint64_t *keys;
    uint32_t *idx;
    size_t mask, count;
} map;

static uint64_t mix(uint64_t k)
{
    k ^= k >> 33;
    k *= UINT64_C(0xc4ceb9fe1a85ec53);
    k ^= k >> 33;
    return k;
}

static int map_grow(map *m)
{
    size_t cap = m->keys ? (m->mask + 1) * 2 : 1024;
    uint64_t *keys = calloc(cap, sizeof *keys);
    uint32_t *idx = calloc(cap, sizeof *idx);
    if (!keys || !idx) {
        free(keys);
        free(idx);
        return 0;
    }
    for (size_t i = 0; m->keys && i <= m->mask; i++)
        if (m->keys[i]) {
            size_t j = (size_t)mix(m->keys[i]) & (cap - 1);
            while (keys[j])
                j = (j + 1) & (cap - 1);
            keys[j] = m->keys[i];
            idx[j] = m->idx[i];
        }
    free(m->keys);
    free(m->idx);
    m->keys = keys;
    m->idx = idx;
    m->mask = cap - 1;
    return 1;
}

/* The index of key, adding it with index m->count when absent; UINT32_MAX
 * when out of memory. */
static uint32_t map_get(map *m, uint64_t key, int add)
{
    if (!key)
        key = 1;
    if ((!m->keys || (m->count + 1) * 2 > m->mask + 1) && add && !map_grow(m))
        return UINT32_MAX;
    if (!m->keys)
        return UINT32_MAX;
    size_t i = (size_t)mix(key) & m->mask;
    while (m->keys[i] && m->keys[i] != key)
        i = (i + 1) & m->mask;
    if (m->keys[i])
        return m->idx[i];
    if (!add)
        return UINT32_MAX;
    m->keys[i] = key;
    m->idx[i] = (uint32_t)m->count;
    return (uint32_t)m->count++;
}

static void map_free(map *m)
{
    free(m->keys);
    free(m->idx);
    memset(m, 0, sizeof *m);
}

/* ---- reading the articles ------------------------------------------------- */

typedef struct trainer {
    const fl_attrib_train_options *o;
    map words;            /* pass 1: word hash -> counts[2i] (in a gold cue), counts[2i+1] (all) */
    uint32_t *counts;
    size_t counts_cap;
    fl_attrib_model *cand; /* pass 2: the candidate set, as a model with no weights */
    fl_extractor *ex;      /* the layers that run before the quote layer (entities) */
    map feats;             /* feature hash -> weight index */
    uint32_t *ex_feats;    /* pass 2: feature indexes of all examples, back to back */
    size_t ex_feats_n, ex_feats_cap;
    uint32_t *ex_start;    /* example i: ex_feats[ex_start[i] .. ex_start[i+1]) */
    size_t ex_start_n, ex_start_cap;
    uint32_t *ex_label;    /* 1: in a gold cue */
    size_t ex_n, ex_label_cap;
    size_t articles, positives, cue_tokens, covered;
} trainer;

static int push_u32(uint32_t **a, size_t *n, size_t *cap, uint32_t v)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 4096;
        uint32_t *p = realloc(*a, c * sizeof *p);
        if (!p)
            return 0;
        *a = p;
        *cap = c;
    }
    (*a)[(*n)++] = v;
    return 1;
}

/* Marks the tokens inside a gold cue: label[t] = 1. */
static int gold_labels(const char *text, size_t len, const fl_token *tok, size_t ntok, const pn_rels *g,
                       uint8_t *label)
{
    /* code point -> byte offset */
    size_t ncp = 0;
    for (size_t i = 0; i < len; i++)
        ncp += ((unsigned char)text[i] & 0xC0) != 0x80;
    uint32_t *cp2b = malloc((ncp + 1) * sizeof *cp2b);
    if (!cp2b)
        return 0;
    size_t k = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            cp2b[k++] = (uint32_t)i;
    cp2b[ncp] = (uint32_t)len;
    memset(label, 0, ntok);
    for (size_t r = 0; r < g->n; r++) {
        const pn_part *cue = &g->rel[r].cue;
        for (uint32_t f = 0; f < cue->n; f++) {
            if (cue->s[f] >= cue->e[f] || cue->e[f] > ncp)
                continue;
            uint32_t bs = cp2b[cue->s[f]], be = cp2b[cue->e[f]];
            for (size_t t = 0; t < ntok; t++)
                if (tok[t].start < be && bs < tok[t].end)
                    label[t] = 1;
        }
    }
    free(cp2b);
    return 1;
}

static int visit_article(trainer *tr, fl_doc *doc, const pn_article *a, pn_rels *gold, uint8_t **label,
                         size_t *label_cap, int pass, char *err, size_t err_size)
{
    /* as `factline attrib --polnear` sees the text: every layer, then the rules */
    if (fl_doc_analyze_text(doc, a->text, a->text_len) != FL_OK || fl_extract(tr->ex, doc) != FL_OK) {
        snprintf(err, err_size, "%s: cannot analyse the text (out of memory)", a->filename);
        return 0;
    }
    qctx c = fl_quote_context(doc);
    if (!pn_parse_ann(a->ann[0], gold))
        return 0;
    if (c.ntok + 1 > *label_cap) {
        uint8_t *p = realloc(*label, c.ntok + 1);
        if (!p)
            return 0;
        *label = p;
        *label_cap = c.ntok + 1;
    }
    if (!gold_labels(a->text, a->text_len, c.tok, c.ntok, gold, *label))
        return 0;
    if (pass == 2)
        fl_attrib_prepare(&c, tr->cand);
    uint64_t f[ATTRIB_MAX_FEATURES];
    for (uint32_t t = 0; t < c.ntok; t++) {
        if (c.tok[t].kind != FL_TOKEN_WORD)
            continue;
        if (pass == 1) {
            uint32_t i = map_get(&tr->words, fl_attrib_word_hash(c.text + c.tok[t].start, c.tok[t].end - c.tok[t].start), 1);
            if (i == UINT32_MAX)
                return 0;
            if (2 * (size_t)i + 1 >= tr->counts_cap) {
                size_t cap = tr->counts_cap ? tr->counts_cap * 2 : 8192;
                uint32_t *p = realloc(tr->counts, cap * sizeof *p);
                if (!p)
                    return 0;
                memset(p + tr->counts_cap, 0, (cap - tr->counts_cap) * sizeof *p);
                tr->counts = p;
                tr->counts_cap = cap;
            }
            tr->counts[2 * i] += (*label)[t];
            tr->counts[2 * i + 1]++;
            continue;
        }
        if ((*label)[t])
            tr->cue_tokens++;
        if (!fl_attrib_candidate(&c, t))
            continue; /* rule cues are examples too: the detector also vets them */
        size_t n = fl_attrib_token_features(&c, t, f);
        if (!push_u32(&tr->ex_start, &tr->ex_start_n, &tr->ex_start_cap, (uint32_t)tr->ex_feats_n) ||
            !push_u32(&tr->ex_label, &tr->ex_n, &tr->ex_label_cap, (*label)[t]))
            return 0;
        for (size_t k = 0; k < n; k++) {
            uint32_t i = map_get(&tr->feats, f[k], 1);
            if (i == UINT32_MAX || !push_u32(&tr->ex_feats, &tr->ex_feats_n, &tr->ex_feats_cap, i))
                return 0;
        }
        tr->positives += (*label)[t];
    }
    return 1;
}

static int read_pass(trainer *tr, int pass, char *err, size_t err_size)
{
    FILE *in = fopen(tr->o->train_path, "rb");
    if (!in) {
        snprintf(err, err_size, "cannot open %s", tr->o->train_path);
        return 0;
    }
    fl_doc *doc = fl_doc_new();
    pn_article a;
    memset(&a, 0, sizeof a);
    pn_rels gold = {0};
    uint8_t *label = NULL;
    size_t label_cap = 0, lineno = 0, used = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int ok = doc != NULL;
    while (ok && (len = getline(&line, &cap, in)) >= 0) {
        lineno++;
        const char *why = NULL;
        if (len <= 1)
            continue;
        size_t index = used++;
        if (index < tr->o->first || (tr->o->count && index >= tr->o->first + tr->o->count))
            continue;
        if (!pn_article_parse(&a, line, (size_t)len, &why)) {
            snprintf(err, err_size, "%s:%zu: %s", tr->o->train_path, lineno, why);
            ok = 0;
            break;
        }
        if (a.annotation_count == 0)
            continue;
        if (!visit_article(tr, doc, &a, &gold, &label, &label_cap, pass, err, err_size)) {
            if (!*err)
                snprintf(err, err_size, "%s:%zu: out of memory", tr->o->train_path, lineno);
            ok = 0;
        }
        if (pass == 2)
            tr->articles++;
    }
    free(line);
    free(label);
    pn_rels_free(&gold);
    pn_article_free(&a);
    fl_doc_free(doc);
    fclose(in);
    return ok;
}

/* Is the word with index i in tr->words a candidate? Part of a gold cue at
 * least min_count times and in at least min_rate of its occurrences: the
 * words that are rarely cues ("the", "of", "in") cost a scoring each time
 * they occur for little recall. */
static int is_candidate(const trainer *tr, uint32_t i)
{
    uint32_t cue = tr->counts[2 * i], all = tr->counts[2 * i + 1];
    return cue >= (uint32_t)tr->o->min_count && (double)cue >= tr->o->min_rate * (double)all;
}

/* ---- the perceptron -------------------------------------------------------- */

static uint64_t next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static fl_attrib_model *learn(trainer *tr)
{
    size_t nf = tr->feats.count, n = tr->ex_n;
    float *w = calloc(nf + 1, sizeof *w);
    double *sum = calloc(nf + 1, sizeof *sum); /* sum over steps of w, brought up to date lazily */
    uint64_t *last = calloc(nf + 1, sizeof *last);
    uint32_t *order = malloc((n + 1) * sizeof *order);
    fl_attrib_model *m = NULL;
    if (!w || !sum || !last || !order)
        goto done;
    for (size_t i = 0; i < n; i++)
        order[i] = (uint32_t)i;
    uint64_t rng = tr->o->seed ? tr->o->seed : 1, step = 1;
    for (int ep = 0; ep < tr->o->epochs; ep++) {
        for (size_t i = n; i > 1; i--) {
            size_t j = (size_t)(next_random(&rng) % i);
            uint32_t t = order[i - 1];
            order[i - 1] = order[j];
            order[j] = t;
        }
        size_t errors = 0;
        for (size_t k = 0; k < n; k++, step++) {
            uint32_t e = order[k];
            const uint32_t *f = tr->ex_feats + tr->ex_start[e];
            size_t nfe = tr->ex_start[e + 1] - tr->ex_start[e];
            double s = 0;
            for (size_t j = 0; j < nfe; j++)
                s += w[f[j]];
            int y = tr->ex_label[e] ? 1 : -1;
            if ((s > 0 ? 1 : -1) == y)
                continue;
            errors++;
            for (size_t j = 0; j < nfe; j++) {
                uint32_t x = f[j];
                sum[x] += (double)w[x] * (double)(step - last[x]);
                last[x] = step;
                w[x] += (float)y;
            }
        }
        if (tr->o->verbose)
            fprintf(stderr, "factline train attrib: epoch %d: %zu errors on %zu examples\n", ep + 1, errors, n);
    }
    /* the averaged weights, keeping the features that carry any weight */
    uint64_t *keys = malloc((nf + 1) * sizeof *keys);
    float *avg = malloc((nf + 1) * sizeof *avg);
    size_t kept = 0;
    if (keys && avg) {
        for (size_t i = 0; tr->feats.keys && i <= tr->feats.mask; i++) {
            if (!tr->feats.keys[i])
                continue;
            uint32_t x = tr->feats.idx[i];
            double total = sum[x] + (double)w[x] * (double)(step - last[x]);
            float a = (float)(total / (double)step);
            if (a > tr->o->prune || a < -tr->o->prune) {
                keys[kept] = tr->feats.keys[i];
                avg[kept++] = a;
            }
        }
        /* the candidate set */
        uint64_t *cands = malloc((tr->words.count + 1) * sizeof *cands);
        size_t nc = 0;
        for (size_t i = 0; cands && tr->words.keys && i <= tr->words.mask; i++)
            if (tr->words.keys[i] && is_candidate(tr, tr->words.idx[i]))
                cands[nc++] = tr->words.keys[i];
        if (cands)
            m = fl_attrib_model_build(keys, avg, kept, cands, nc);
        free(cands);
    }
    free(keys);
    free(avg);
done:
    free(w);
    free(sum);
    free(last);
    free(order);
    return m;
}

fl_attrib_model *fl_attrib_train(const fl_attrib_train_options *opts, char *err, size_t err_size)
{
    trainer tr;
    memset(&tr, 0, sizeof tr);
    fl_attrib_train_options o = *opts;
    if (o.epochs <= 0)
        o.epochs = 8;
    if (o.min_count <= 0)
        o.min_count = 2;
    tr.o = &o;
    err[0] = 0;
    fl_attrib_model *m = NULL;
    const char *why = NULL;
    if (!(tr.ex = fl_extractor_new(NULL, &why))) {
        snprintf(err, err_size, "%s", why ? why : "cannot load the extraction models");
        return NULL;
    }
    if (!read_pass(&tr, 1, err, err_size))
        goto done;
    uint64_t *cands = malloc((tr.words.count + 1) * sizeof *cands);
    size_t nc = 0;
    for (size_t i = 0; cands && tr.words.keys && i <= tr.words.mask; i++)
        if (tr.words.keys[i] && is_candidate(&tr, tr.words.idx[i]))
            cands[nc++] = tr.words.keys[i];
    tr.cand = cands ? fl_attrib_model_build(NULL, NULL, 0, cands, nc) : NULL;
    free(cands);
    if (!tr.cand || !read_pass(&tr, 2, err, err_size))
        goto done;
    if (!push_u32(&tr.ex_start, &tr.ex_start_n, &tr.ex_start_cap, (uint32_t)tr.ex_feats_n))
        goto done; /* the end of the last example */
    if (o.verbose)
        fprintf(stderr,
            "factline train attrib: %zu articles, %zu candidate words, %zu examples (%zu in a gold cue), "
            "%zu features\n",
            tr.articles, nc, tr.ex_n, tr.positives, tr.feats.count);
    m = learn(&tr);
done:
    if (!m && !err[0])
        snprintf(err, err_size, "out of memory");
    map_free(&tr.words);
    map_free(&tr.feats);
    free(tr.counts);
    free(tr.ex_feats);
    free(tr.ex_start);
    free(tr.ex_label);
    fl_attrib_model_free(tr.cand);
    fl_extractor_free(tr.ex);
    return m;
}
