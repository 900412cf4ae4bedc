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
 *
 * Then the relation scorer (attrib_relation.c): `folds` cue models are
 * learned, each without the articles whose ordinal is f modulo folds; a
 * third pass runs each article with the model that did not see it and keeps
 * the features of every relation the layer proposes, labelled by whether
 * `factline eval attrib` would match it (pn_match). A second perceptron
 * learns from those, and its weights join the cue model's in one table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quote/attrib_model.h"
#include "quote/attrib_internal.h"
#include "quote/polnear.h"
#include "quote/quote_internal.h"
#include "text/doc.h"
#include "util/grow.h"

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

/* Examples of one perceptron: feature indexes (into feats) back to back,
 * a label and the article (its ordinal among those read) of each. */
typedef struct exset {
    map feats;            /* feature hash -> weight index */
    uint32_t *feat;       /* example i: feat[start[i] .. start[i+1]) */
    size_t feat_n, feat_cap;
    uint32_t *start;
    size_t start_n, start_cap;
    uint32_t *label;      /* 1: positive */
    size_t n, label_cap;
    uint32_t *article;
    size_t article_n, article_cap;
    size_t positives;
} exset;

typedef struct trainer {
    const fl_attrib_train_options *o;
    map words;            /* pass 1: word hash -> its counts at counts[stride * i]: in a gold cue, all;
                           * then the same two of each fold's articles (the fold models' candidates) */
    uint32_t *counts;
    size_t stride;        /* 2 * (1 + folds) */
    size_t counts_cap;
    fl_attrib_model *cand; /* pass 2: the candidate set, as a model with no weights */
    fl_extractor *ex;      /* the layers that run before the quote layer (entities) */
    exset tok;             /* pass 2: candidate tokens, 1 when in a gold cue */
    exset rel;             /* pass 3: relations of the jackknifed models, 1 when they match gold */
    fl_attrib_model **fold_models;
    uint32_t article;      /* ordinal of the article being read */
    size_t articles, cue_tokens, covered;
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

/* Adds one example with features f[0..n) (hashes) to E. */
static int exset_add(exset *E, const uint64_t *f, size_t n, uint32_t label, uint32_t article)
{
    if (!push_u32(&E->start, &E->start_n, &E->start_cap, (uint32_t)E->feat_n) ||
        !push_u32(&E->label, &E->n, &E->label_cap, label) ||
        !push_u32(&E->article, &E->article_n, &E->article_cap, article))
        return 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t i = map_get(&E->feats, f[k], 1);
        if (i == UINT32_MAX || !push_u32(&E->feat, &E->feat_n, &E->feat_cap, i))
            return 0;
    }
    E->positives += label != 0;
    return 1;
}

/* Closes the example list (the end of the last example). */
static int exset_close(exset *E) { return push_u32(&E->start, &E->start_n, &E->start_cap, (uint32_t)E->feat_n); }

static void exset_free(exset *E)
{
    map_free(&E->feats);
    free(E->feat);
    free(E->start);
    free(E->label);
    free(E->article);
    memset(E, 0, sizeof *E);
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

static const char *status_text(fl_status st)
{
    switch (st) {
    case FL_ERR_NOMEM: return "out of memory";
    case FL_ERR_FORMAT: return "the text cannot be read";
    case FL_ERR_USAGE: return "bad arguments";
    case FL_ERR_IO: return "input/output error";
    default: return "failed";
    }
}

/* Runs every layer on the article as `factline attrib --polnear` sees it
 * (and the cue detector m when not NULL); on failure names the article and
 * the step in err. */
static int analyse(const trainer *tr, fl_doc *doc, const pn_article *a, const fl_attrib_model *m, char *err,
                   size_t err_size)
{
    fl_status st = fl_doc_analyze_text(doc, a->text, a->text_len);
    const char *step = "analysing the text";
    if (st == FL_OK) {
        st = fl_extract(tr->ex, doc);
        step = "extracting";
    }
    if (st == FL_OK && m) {
        st = pn_apply_detector(doc, m);
        step = "applying the held-out cue model";
    }
    if (st != FL_OK)
        snprintf(err, err_size, "article %s: %s: %s", a->filename, step, status_text(st));
    return st == FL_OK;
}

/* Reads the article's first annotation set into gold; on failure (only out
 * of memory: lines that do not parse are skipped) names the article. */
static int read_gold(const pn_article *a, pn_rels *gold, char *err, size_t err_size)
{
    if (pn_parse_ann(a->ann[0], gold))
        return 1;
    snprintf(err, err_size, "article %s: reading its annotations: out of memory", a->filename);
    return 0;
}

/* Pass 1: one more occurrence of the word (or stem) with hash h, in a gold
 * cue when label; the counts of the article's fold too. */
static int count_key(trainer *tr, uint64_t h, uint8_t label)
{
    uint32_t i = map_get(&tr->words, h, 1);
    if (i == UINT32_MAX)
        return 0;
    size_t had = tr->counts_cap;
    if (!fl_grow(&tr->counts, &tr->counts_cap, tr->stride * ((size_t)i + 1), sizeof *tr->counts, 8192 * tr->stride))
        return 0;
    memset(tr->counts + had, 0, (tr->counts_cap - had) * sizeof *tr->counts); /* new rows count from zero */
    uint32_t *n = tr->counts + tr->stride * i;
    n[0] += label;
    n[1]++;
    if (tr->stride > 2) {
        uint32_t *nf = n + 2 + 2 * (tr->article % (uint32_t)tr->o->folds);
        nf[0] += label;
        nf[1]++;
    }
    return 1;
}

static int visit_article(trainer *tr, fl_doc *doc, const pn_article *a, pn_rels *gold, uint8_t **label,
                         size_t *label_cap, int pass, char *err, size_t err_size)
{
    if (!analyse(tr, doc, a, NULL, err, err_size))
        return 0;
    qctx c = fl_quote_context(doc);
    if (!read_gold(a, gold, err, err_size))
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
            /* the word, then its stem (fl_attrib_stem_hash), counted alike */
            const char *w = c.text + c.tok[t].start;
            size_t wl = c.tok[t].end - c.tok[t].start;
            if (!count_key(tr, fl_attrib_word_hash(w, wl), (*label)[t]))
                return 0;
            uint64_t stem = fl_attrib_stem_hash(w, wl);
            if (stem && !count_key(tr, stem, (*label)[t]))
                return 0;
            continue;
        }
        if ((*label)[t])
            tr->cue_tokens++;
        if (!fl_attrib_candidate(&c, t))
            continue; /* rule cues are examples too: the detector also vets them */
        size_t n = fl_attrib_token_features(&c, t, f);
        if (!exset_add(&tr->tok, f, n, (*label)[t], tr->article))
            return 0;
    }
    return 1;
}

/* Pass 3: the relations that a token model which did not see this article
 * proposes (with the rules' and the quotes'), each labelled by whether
 * `factline eval attrib` would match it to the first annotator's set. */
static int visit_relations(trainer *tr, fl_doc *doc, const pn_article *a, pn_rels *gold, pn_rels *sys,
                           char *err, size_t err_size)
{
    const fl_attrib_model *m = tr->fold_models[tr->article % (uint32_t)tr->o->folds];
    if (!analyse(tr, doc, a, m, err, err_size))
        return 0;
    qctx c = fl_quote_context(doc);
    if (!read_gold(a, gold, err, err_size))
        return 0;
    if (!pn_system_relations(doc, sys)) {
        snprintf(err, err_size, "article %s: listing the system's relations: out of memory", a->filename);
        return 0;
    }
    if (sys->n != c.L->attrib_count) {
        snprintf(err, err_size, "article %s: %zu relations for %zu attributions (a vetoed one while collecting)",
                 a->filename, sys->n, c.L->attrib_count);
        return 0;
    }
    unsigned char *hit = malloc(sys->n + 1);
    if (!hit)
        return 0;
    pn_match(gold, sys, PN_RELATION_OVERLAP, hit);
    uint64_t f[ATTRIB_MAX_RELATION_FEATURES];
    int ok = 1;
    for (size_t k = 0; ok && k < sys->n; k++)
        ok = exset_add(&tr->rel, f, fl_attrib_relation_features(&c, m, k, f), hit[k], tr->article);
    free(hit);
    return ok;
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
    pn_rels gold = {0}, sys = {0};
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
        int done = pass == 3 ? visit_relations(tr, doc, &a, &gold, &sys, err, err_size)
                             : visit_article(tr, doc, &a, &gold, &label, &label_cap, pass, err, err_size);
        if (!done) {
            if (*err) { /* the line too: "FILE:LINE: article NAME: ..." */
                char why_article[512];
                snprintf(why_article, sizeof why_article, "%s", err);
                snprintf(err, err_size, "%s:%zu: %s", tr->o->train_path, lineno, why_article);
            } else {
                snprintf(err, err_size, "%s:%zu: article %s: out of memory", tr->o->train_path, lineno, a.filename);
            }
            ok = 0;
        }
        tr->article++;
        if (pass == 2)
            tr->articles++;
    }
    tr->article = 0;
    free(line);
    free(label);
    pn_rels_free(&gold);
    pn_rels_free(&sys);
    pn_article_free(&a);
    fl_doc_free(doc);
    fclose(in);
    return ok;
}

/* Is the word with index i in tr->words a candidate? Part of a gold cue at
 * least min_count times and in at least min_rate of its occurrences: the
 * words that are rarely cues ("the", "of", "in") cost a scoring each time
 * they occur for little recall. Counted without the articles of skip_fold
 * (when >= 0), so that a fold model's candidates owe nothing to the
 * articles it proposes relations for. */
static int is_candidate(const trainer *tr, uint32_t i, int skip_fold)
{
    const uint32_t *n = tr->counts + tr->stride * i;
    uint32_t cue = n[0], all = n[1];
    if (skip_fold >= 0) {
        cue -= n[2 + 2 * skip_fold];
        all -= n[3 + 2 * skip_fold];
    }
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

/* Averaged weights over E's examples, leaving out those of the articles
 * whose ordinal is skip_fold modulo folds (skip_fold < 0: none). The
 * features whose averaged weight is beyond +-prune are appended to
 * keys/avg (*kept of them so far; room for E->feats.count more). */
static int learn(const trainer *tr, const exset *E, int epochs, int skip_fold, uint64_t *keys, float *avg,
                 size_t *kept, const char *what)
{
    size_t nf = E->feats.count, n = 0;
    float *w = calloc(nf + 1, sizeof *w);
    double *sum = calloc(nf + 1, sizeof *sum); /* sum over steps of w, brought up to date lazily */
    uint64_t *last = calloc(nf + 1, sizeof *last);
    uint32_t *order = malloc((E->n + 1) * sizeof *order);
    int ok = 0;
    if (!w || !sum || !last || !order)
        goto done;
    for (size_t i = 0; i < E->n; i++)
        if (skip_fold < 0 || E->article[i] % (uint32_t)tr->o->folds != (uint32_t)skip_fold)
            order[n++] = (uint32_t)i;
    uint64_t rng = tr->o->seed ? tr->o->seed : 1, step = 1;
    for (int ep = 0; ep < epochs; ep++) {
        for (size_t i = n; i > 1; i--) {
            size_t j = (size_t)(next_random(&rng) % i);
            uint32_t t = order[i - 1];
            order[i - 1] = order[j];
            order[j] = t;
        }
        size_t errors = 0;
        for (size_t k = 0; k < n; k++, step++) {
            uint32_t e = order[k];
            const uint32_t *f = E->feat + E->start[e];
            size_t nfe = E->start[e + 1] - E->start[e];
            double s = 0;
            for (size_t j = 0; j < nfe; j++)
                s += w[f[j]];
            int y = E->label[e] ? 1 : -1;
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
        if (tr->o->verbose && skip_fold < 0)
            fprintf(stderr, "factline train attrib: %s epoch %d: %zu errors on %zu examples\n", what, ep + 1,
                    errors, n);
    }
    /* the averaged weights, keeping the features that carry any weight */
    for (size_t i = 0; E->feats.keys && i <= E->feats.mask; i++) {
        if (!E->feats.keys[i])
            continue;
        uint32_t x = E->feats.idx[i];
        double total = sum[x] + (double)w[x] * (double)(step - last[x]);
        float a = (float)(total / (double)step);
        if (a > tr->o->prune || a < -tr->o->prune) {
            keys[*kept] = E->feats.keys[i];
            avg[(*kept)++] = a;
        }
    }
    ok = 1;
done:
    free(w);
    free(sum);
    free(last);
    free(order);
    return ok;
}

/* The candidate set: the words is_candidate accepts. */
static uint64_t *candidates(const trainer *tr, int skip_fold, size_t *nc)
{
    uint64_t *cands = malloc((tr->words.count + 1) * sizeof *cands);
    *nc = 0;
    for (size_t i = 0; cands && tr->words.keys && i <= tr->words.mask; i++)
        if (tr->words.keys[i] && is_candidate(tr, tr->words.idx[i], skip_fold))
            cands[(*nc)++] = tr->words.keys[i];
    return cands;
}

/* The token detector learned without one fold of the articles, proposing
 * with the margin and vetoing nothing: the relations pass 3 labels. Its
 * candidates are counted without the fold too; its examples are those of
 * the other folds' tokens that are candidates of the whole set (pass 2
 * keeps no others), so a word that is a candidate only without the fold
 * is scored by its context features alone. */
static fl_attrib_model *fold_model(const trainer *tr, int fold)
{
    size_t kept = 0, nc = 0;
    uint64_t *keys = malloc((tr->tok.feats.count + 1) * sizeof *keys);
    float *avg = malloc((tr->tok.feats.count + 1) * sizeof *avg);
    uint64_t *cands = candidates(tr, fold, &nc);
    fl_attrib_model *m = NULL;
    if (keys && avg && cands && learn(tr, &tr->tok, tr->o->epochs, fold, keys, avg, &kept, "cue"))
        m = fl_attrib_model_build(keys, avg, kept, cands, nc);
    if (m)
        fl_attrib_model_set_collect(m, tr->o->propose_margin);
    free(keys);
    free(avg);
    free(cands);
    return m;
}

void fl_attrib_train_options_defaults(fl_attrib_train_options *o)
{
    memset(o, 0, sizeof *o);
    o->epochs = 8;
    o->min_count = 2;
    o->min_rate = 0.05;
    o->prune = 1;
    o->seed = 20261125;
    o->folds = 5;
    o->relation_epochs = 8;
    o->propose_margin = 2;
    o->relation_bias = 3;
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
    if (o.folds == 0)
        o.folds = 5;
    if (o.relation_epochs <= 0)
        o.relation_epochs = 8;
    if (!(o.propose_margin >= 0))
        o.propose_margin = 0;
    fl_attrib_model *m = NULL;
    uint64_t *keys = NULL, *cands = NULL;
    float *avg = NULL;
    size_t nc = 0, room, kept = 0;
    const char *why = NULL;
    if (!(tr.ex = fl_extractor_new(NULL, &why))) {
        snprintf(err, err_size, "%s", why ? why : "cannot load the extraction models");
        return NULL;
    }
    tr.stride = 2 * (1 + (size_t)(o.folds > 0 ? o.folds : 0));
    if (!read_pass(&tr, 1, err, err_size))
        goto done;
    cands = candidates(&tr, -1, &nc);
    tr.cand = cands ? fl_attrib_model_build(NULL, NULL, 0, cands, nc) : NULL;
    if (!tr.cand || !read_pass(&tr, 2, err, err_size) || !exset_close(&tr.tok))
        goto done;
    if (o.verbose)
        fprintf(stderr,
            "factline train attrib: %zu articles, %zu candidate words, %zu examples (%zu in a gold cue), "
            "%zu features\n",
            tr.articles, nc, tr.tok.n, tr.tok.positives, tr.tok.feats.count);
    if (o.folds > 0) {
        if (!(tr.fold_models = calloc((size_t)o.folds, sizeof *tr.fold_models)))
            goto done;
        for (int f = 0; f < o.folds; f++)
            if (!(tr.fold_models[f] = fold_model(&tr, f)))
                goto done;
        if (!read_pass(&tr, 3, err, err_size) || !exset_close(&tr.rel))
            goto done;
        if (o.verbose)
            fprintf(stderr,
                    "factline train attrib: relation scorer: %d folds, margin %g, %zu relations (%zu match gold), "
                    "%zu features\n",
                    o.folds, (double)o.propose_margin, tr.rel.n, tr.rel.positives, tr.rel.feats.count);
    }
    room = tr.tok.feats.count + tr.rel.feats.count + 2;
    keys = malloc(room * sizeof *keys);
    avg = malloc(room * sizeof *avg);
    if (!keys || !avg || !learn(&tr, &tr.tok, o.epochs, -1, keys, avg, &kept, "cue"))
        goto done;
    if (o.folds > 0) {
        size_t first_rel = kept;
        if (!learn(&tr, &tr.rel, o.relation_epochs, -1, keys, avg, &kept, "relation"))
            goto done;
        /* the threshold, chosen on held-out train articles, moved into the bias */
        size_t b = first_rel;
        while (b < kept && keys[b] != fl_attrib_relation_bias_key())
            b++;
        if (b == kept) {
            keys[kept] = fl_attrib_relation_bias_key();
            avg[kept++] = 0;
        }
        avg[b] += o.relation_bias;
        keys[kept] = ATTRIB_RELATION_MARKER;
        avg[kept++] = o.propose_margin;
    }
    m = fl_attrib_model_build(keys, avg, kept, cands, nc);
done:
    if (!m && !err[0])
        snprintf(err, err_size, "out of memory");
    map_free(&tr.words);
    exset_free(&tr.tok);
    exset_free(&tr.rel);
    free(tr.counts);
    free(keys);
    free(avg);
    free(cands);
    for (int f = 0; tr.fold_models && f < o.folds; f++)
        fl_attrib_model_free(tr.fold_models[f]);
    free(tr.fold_models);
    fl_attrib_model_free(tr.cand);
    fl_extractor_free(tr.ex);
    return m;
}
