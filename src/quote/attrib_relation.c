/*
 * attrib_relation.c — the second pass of the PolNeAR attribution detector:
 * an averaged perceptron (weights in the same model file, attrib_model.h)
 * that judges each whole relation the layer proposes — a rule's, a direct
 * quote's or the token detector's — and keeps it when its score is > 0.
 *
 * Why a second pass: the token detector decides word by word whether a word
 * is a cue, but most of what PolNeAR does not count is a right cue with a
 * wrong part ("last week said": the source "week"; "it seems": no source in
 * PolNeAR) or a cue inside another attribution's content (each token belongs
 * to at most one attribution). Those are properties of the relation, seen
 * only once its source and content are placed. The token detector proposes
 * generously (above -margin) and this pass chooses, with features of the
 * three parts together.
 *
 * Trained by attrib_train.c on relations produced with jackknifed token
 * models (each article's relations come from a model that did not see it),
 * labelled by whether they match a gold relation as `factline eval attrib`
 * counts one (cue, source and content overlapping, one-to-one).
 * Not for: proposing cues or placing sources and contents (attrib_learned.c).
 */
#include "quote/attrib_internal.h"
#include <stdlib.h>
#include <string.h>

enum { REL_ORIGIN_RULE = 0, REL_ORIGIN_LEARNED = 1, REL_ORIGIN_QUOTE = 2 };

static uint64_t score_bin(float s, int scored)
{
    if (!scored)
        return 9;
    return s <= -4 ? 0 : s <= -2 ? 1 : s <= -1 ? 2 : s <= 0 ? 3 : s <= 1 ? 4 : s <= 2 ? 5 : s <= 4 ? 6 : 7;
}

static uint64_t len_bin(uint32_t n)
{
    return n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n <= 4 ? 3 : n <= 8 ? 4 : n <= 16 ? 5 : n <= 32 ? 6 : 7;
}

/* What the source is: none, a relative or personal pronoun, a possessive,
 * an entity of some type, a capitalised or a lower-case noun phrase. */
static uint64_t source_kind(const qctx *c, const raw_attr *a)
{
    if (a->src_end <= a->src_begin)
        return 0;
    uint32_t b = a->src_begin, e = a->src_end - 1;
    if (e == b && (tok_eq(c, b, "who") || tok_eq(c, b, "which") || tok_eq(c, b, "that")))
        return 1;
    if (e == b && tok_eq(c, b, "it"))
        return 2;
    if (e == b && (c->L->tok_lex[b] & LEX_PRONOUN))
        return 3;
    if (c->L->tok_entity[e])
        return 10 + c->L->tok_entity[e];
    if (c->L->tok_lex[b] & LEX_DETERMINER)
        return 5;
    return tok_cap(c, b) ? 6 : 7;
}

/* The token score of the cue: the best of its candidate words. */
static float cue_score(qctx *c, const fl_attrib_model *m, const raw_attr *a, int *scored, uint64_t *best_f,
                       size_t *best_n)
{
    uint64_t f[ATTRIB_MAX_FEATURES];
    float best = -1e30f;
    *scored = 0;
    *best_n = 0;
    for (uint32_t t = a->cue_begin; t < a->cue_end && t < c->ntok; t++) {
        if (!fl_attrib_candidate(c, t))
            continue;
        size_t n = fl_attrib_token_features(c, t, f);
        float s = fl_attrib_model_score(m, f, n);
        if (s > best) {
            memcpy(best_f, f, n * sizeof *f);
            *best_n = n;
        }
        best = s > best ? s : best;
        *scored = 1;
    }
    return best;
}

uint64_t fl_attrib_relation_bias_key(void) { return fl_attrib_combine(100, 0); }

size_t fl_attrib_relation_features(qctx *c, const fl_attrib_model *m, size_t k, uint64_t *out)
{
    const fl_quote_layer *L = c->L;
    const raw_attr *a = &L->raw_attrs[k];
    if (!c->ntok)
        return 0;
    uint32_t cb = a->cue_begin < c->ntok ? a->cue_begin : c->ntok - 1;
    uint32_t ce = a->cue_end > cb && a->cue_end <= c->ntok ? a->cue_end : cb + 1;
    uint32_t s = L->tok_sentence[cb];
    uint32_t sb = c->sent[s].token_begin, se = c->sent[s].token_end;
    uint64_t origin = a->quote >= 0 ? REL_ORIGIN_QUOTE : L->attribs[k].learned ? REL_ORIGIN_LEARNED : REL_ORIGIN_RULE;
    int scored;
    uint64_t tokf[ATTRIB_MAX_FEATURES];
    size_t ntokf;
    float ts = cue_score(c, m, a, &scored, tokf, &ntokf);
    uint64_t sbin = score_bin(ts, scored);
    uint64_t first = fl_attrib_word_at(c, cb, sb, se), last = fl_attrib_word_at(c, ce - 1, sb, se);
    uint64_t clen = len_bin(ce - cb);

    uint64_t kind = source_kind(c, a), sside = 0, sdist = 0, shead = 0;
    if (a->src_end > a->src_begin) {
        uint32_t hs = L->tok_sentence[a->src_end - 1];
        shead = fl_attrib_word_at(c, a->src_end - 1, c->sent[hs].token_begin, c->sent[hs].token_end);
        if (a->src_end <= cb) {
            sside = 1;
            sdist = len_bin(cb - a->src_end);
        } else {
            sside = 2;
            sdist = len_bin(a->src_begin > ce ? a->src_begin - ce : 0);
        }
    }
    uint64_t xside = 3, xgap = 0, xfirst = 0, xclass = 0;
    uint32_t xlen = a->content_end > a->content_begin ? a->content_end - a->content_begin : 0;
    if (xlen) {
        uint32_t xs = L->tok_sentence[a->content_begin];
        uint32_t xb = c->sent[xs].token_begin, xe = c->sent[xs].token_end;
        xfirst = fl_attrib_word_at(c, a->content_begin, xb, xe);
        xclass = fl_attrib_class_at(c, a->content_begin, xb, xe);
        if (a->content_begin >= ce) {
            xside = 1;
            xgap = len_bin(a->content_begin - ce);
        } else if (a->content_end <= cb) {
            xside = 2;
            xgap = len_bin(cb - a->content_end);
        }
    }
    /* PolNeAR gives each token to at most one attribution */
    uint64_t nested = 0, holds = 0, dup = 0;
    for (size_t j = 0; j < L->attrib_count; j++) {
        if (j == k)
            continue;
        const raw_attr *o = &L->raw_attrs[j];
        if (o->content_begin <= cb && cb < o->content_end)
            nested = 1;
        if (a->content_begin <= o->cue_begin && o->cue_begin < a->content_end)
            holds++;
        if (o->cue_begin < ce && cb < o->cue_end)
            dup = 1 + (o->quote >= 0);
    }
    holds = holds > 2 ? 2 : holds;
    uint64_t before = fl_attrib_class_at(c, (int64_t)cb - 1, sb, se), after = fl_attrib_class_at(c, ce, sb, se);
    uint64_t headline = c->sent[s].paragraph == 0, opens = cb == sb;
    uint64_t flags = (uint64_t)(tok_cue(c, cb) & 0xFF);
    uint64_t found = L->attribs[k].source.found;

    size_t n = 0;
#define F(id, v) out[n++] = fl_attrib_combine((uint64_t)(id), (v))
#define C2(x, y) fl_attrib_combine((x), (y))
    out[n++] = fl_attrib_relation_bias_key();
    F(101, first);
    F(102, last);
    F(103, C2(first, clen));
    F(104, origin);
    F(105, C2(origin, sbin));
    F(106, C2(first, sbin));
    F(107, C2(kind, found));
    F(108, C2(kind, C2(sside, sdist)));
    F(109, C2(first, kind));
    F(110, C2(kind, len_bin(a->src_end - a->src_begin)));
    F(111, C2(xside, xgap));
    F(112, C2(xside, len_bin(xlen)));
    F(113, xfirst);
    F(114, C2(last, xclass));
    F(115, C2(last, xside));
    F(116, C2(nested, origin));
    F(117, C2(holds, origin));
    F(118, C2(dup, origin));
    F(119, fl_attrib_word_at(c, (int64_t)cb - 1, sb, se));
    F(120, fl_attrib_word_at(c, ce, sb, se));
    F(121, C2(before, after));
    F(122, C2(headline, C2(opens, origin)));
    F(123, C2(kind, C2(xside, origin)));
    F(124, C2(flags, origin));
    F(125, C2(first, nested));
    F(126, shead);
    F(127, C2(xclass, xside));
    F(128, C2(sbin, C2(kind, xside)));
    F(129, C2(first, xfirst));
    for (size_t i = 0; i < ntokf && n < ATTRIB_MAX_RELATION_FEATURES; i++)
        out[n++] = fl_attrib_combine(200, tokf[i]); /* the cue word's own context, weighed again for the relation */
#undef C2
#undef F
    return n;
}

void fl_attrib_relation_vet(qctx *c, const fl_attrib_model *m)
{
    uint64_t f[ATTRIB_MAX_RELATION_FEATURES];
    fl_quote_layer *L = c->L;
    float *score = malloc((L->attrib_count + 1) * sizeof *score);
    if (!score) {
        L->failed = 1;
        return;
    }
    for (size_t k = 0; k < L->attrib_count; k++)
        score[k] = fl_attrib_model_score(m, f, fl_attrib_relation_features(c, m, k, f));
    /* a token is in at most one attribution: of relations whose cues overlap,
     * only the best-scored can be kept */
    for (size_t k = 0; k < L->attrib_count; k++) {
        const raw_attr *a = &L->raw_attrs[k];
        int keep = score[k] > 0;
        for (size_t j = 0; keep && j < L->attrib_count; j++) {
            const raw_attr *o = &L->raw_attrs[j];
            if (j != k && o->cue_begin < a->cue_end && a->cue_begin < o->cue_end &&
                (score[j] > score[k] || (score[j] == score[k] && j < k)))
                keep = 0;
        }
        L->raw_attrs[k].vetoed = !keep;
    }
    free(score);
}
