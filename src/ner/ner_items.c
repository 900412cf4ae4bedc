/*
 * ner_items.c — a token's features as the tagger adds them up (ner_score.c):
 * those that depend on one word type alone (fl_ner_type_features, added up
 * once per type into the word and type caches), the rows of the templates
 * with few values (per-model tables), the word-pair features of two
 * neighbouring words (fl_ner_bigram_features, kept in the bigram cache of
 * ner_words.c), and the list of a token's rows in the order of
 * fl_ner_token_features (fl_ner_token_items). Not for: the reference
 * features (ner_features.c), which these must equal:
 * tests/unit/test_ner_score.c compares the two.
 */
#include <assert.h>
#include <string.h>

#include "ner/ner.h"
#include "ner/ner_score.h"
#include "ner/ner_templates.h"

/* A change to the features of ner_features.c must be made here too. */

static const uint64_t edge_word = 0x5e17; /* fl_ner_token_features' `none` */

void fl_ner_type_features(const fl_ner_model *m, const fl_ner_token *t, const fl_ner_work *w, size_t i, uint64_t *f)
{
    memset(f, 0, FL_NER_TYPE_ROWS * sizeof *f);
    uint64_t w0 = w->lower[i], s0 = w->shape[i], ct = w->case_true[i];
    f[FL_NER_TR_BIAS] = feature(T_BIAS, 0);
    f[FL_NER_TR_W0] = feature(T_W0, w0);
    f[FL_NER_TR_FORM] = feature(T_FORM, pair(w0, ct));
    uint64_t hp = 0, hs = 0;
    size_t len = t[i].len;
    for (size_t a = 1; a <= 4 && a <= len && len > a; a++) {
        unsigned char c = (unsigned char)t[i].text[a - 1];
        unsigned char d = (unsigned char)t[i].text[len - a];
        hp = hp * 131 + (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        hs = hs * 131 + (unsigned char)(d >= 'A' && d <= 'Z' ? d + 32 : d);
        f[FL_NER_TR_AFFIX + 2 * (a - 1)] = feature(T_PREFIX, hp * 8 + a);
        f[FL_NER_TR_AFFIX + 2 * (a - 1) + 1] = feature(T_SUFFIX, hs * 8 + a);
    }
    f[FL_NER_TR_SH0] = feature(T_SH0, s0);
    f[FL_NER_TR_LEX] = feature(T_LEX, (uint64_t)w->casing_lex[i] << 3 | ct);
    f[FL_NER_TR_WM1] = feature(T_WM1, w0);
    f[FL_NER_TR_SHM1] = feature(T_SHM1, s0);
    f[FL_NER_TR_WP1] = feature(T_WP1, w0);
    f[FL_NER_TR_SHP1] = feature(T_SHP1, s0);
    f[FL_NER_TR_WM2] = feature(T_WM2, w0);
    f[FL_NER_TR_WP2] = feature(T_WP2, w0);
    if (m->clusters.count) {
        uint64_t a0 = w->cluster[i], c0 = a0 & 0x7FF;
        f[FL_NER_TR_CL0] = feature(T_CL0, c0);
        f[FL_NER_TR_CL0_CASE] = feature(T_CL0_CASE, c0 << 4 | ct);
        f[FL_NER_TR_CLM1] = feature(T_CLM1, c0);
        f[FL_NER_TR_CLP1] = feature(T_CLP1, c0);
        f[FL_NER_TR_CLM2] = feature(T_CLM2, c0);
        f[FL_NER_TR_CLP2] = feature(T_CLP2, c0);
        for (int level = 1; level < 3; level++) {
            uint64_t shift = 11 * (uint64_t)level, lv = (uint64_t)level << 40, cl = lv | ((a0 >> shift) & 0x7FF);
            f[FL_NER_TR_CL0_L1 + level - 1] = feature(T_CL0, cl);
            f[FL_NER_TR_CLM1_L1 + level - 1] = feature(T_CLM1, cl);
            f[FL_NER_TR_CLP1_L1 + level - 1] = feature(T_CLP1, cl);
        }
    }
}

uint64_t fl_ner_fixed_feature(fl_ner_fixed_template which, uint64_t value)
{
    static const uint64_t templates[] = {
        [FL_NER_FIXED_CASE] = T_CASE, [FL_NER_FIXED_CTX] = T_CASE_CTX, [FL_NER_FIXED_DOC] = T_DOC,
        [FL_NER_FIXED_GAZ] = T_GAZ, [FL_NER_FIXED_GAZ_M1] = T_GAZ_M1, [FL_NER_FIXED_GAZ_P1] = T_GAZ_P1,
    };
    return feature(templates[which], value);
}

void fl_ner_edge_features(const fl_ner_model *m, uint64_t *f)
{
    memset(f, 0, FL_NER_TYPE_ROWS * sizeof *f);
    f[FL_NER_TR_WM1] = feature(T_WM1, edge_word);
    f[FL_NER_TR_SHM1] = feature(T_SHM1, edge_word);
    f[FL_NER_TR_WP1] = feature(T_WP1, edge_word);
    f[FL_NER_TR_SHP1] = feature(T_SHP1, edge_word);
    f[FL_NER_TR_WM2] = feature(T_WM2, edge_word);
    f[FL_NER_TR_WP2] = feature(T_WP2, edge_word);
    if (m->clusters.count) {
        /* A missing neighbour's class is all ones (0xFFFFFFFF), two beyond 0xFFFF. */
        f[FL_NER_TR_CLM1] = feature(T_CLM1, 0x7FF);
        f[FL_NER_TR_CLP1] = feature(T_CLP1, 0x7FF);
        f[FL_NER_TR_CLM2] = feature(T_CLM2, 0xFFFF);
        f[FL_NER_TR_CLP2] = feature(T_CLP2, 0xFFFF);
        for (int level = 1; level < 3; level++) {
            uint64_t cl = (uint64_t)level << 40 | ((UINT64_C(0xFFFFFFFF) >> (11 * level)) & 0x7FF);
            f[FL_NER_TR_CLM1_L1 + level - 1] = feature(T_CLM1, cl);
            f[FL_NER_TR_CLP1_L1 + level - 1] = feature(T_CLP1, cl);
        }
    }
}

/* pair(a, b) given fl_ner_mix(a): the mixes of each token's word and shape
 * are made once (fl_ner_type_rows), those of a missing neighbour here. */
#define PAIR_MIXED(ma, b) ((ma) ^ ((b) * UINT64_C(0x2545F4914F6CDD1D)))

void fl_ner_bigram_features(const fl_ner_model *m, const fl_ner_work *w, size_t a, int has_a, size_t b, int has_b,
                            uint64_t *f)
{
    const uint64_t mix_none = fl_ner_mix(edge_word);
    memset(f, 0, FL_NER_BIGRAM_ROWS * sizeof *f);
    if (has_b) { /* b's features of its left neighbour a (or the edge) */
        uint64_t mwm1 = has_a ? w->lower_mix[a] : mix_none, msm1 = has_a ? w->shape_mix[a] : mix_none;
        uint64_t w0 = w->lower[b], s0 = w->shape[b];
        f[FL_NER_BI_W_M1_0] = feature(T_W_M1_0, PAIR_MIXED(mwm1, w0));
        f[FL_NER_BI_SH_M1_0] = feature(T_SH_M1_0, PAIR_MIXED(msm1, s0));
        f[FL_NER_BI_SHM1_W0] = feature(T_SHM1_W0, PAIR_MIXED(msm1, w0));
        f[FL_NER_BI_W0_CASE_PREV] = feature(T_W0_CASE_PREV, PAIR_MIXED(w->lower_mix[b], has_a ? w->case_true[a] : 7u));
        if (m->clusters.count) {
            uint64_t c0 = w->cluster[b] & 0x7FF, cm1 = has_a ? w->cluster[a] & 0x7FF : 0x7FF;
            f[FL_NER_BI_CL_M1_0] = feature(T_CL_M1_0, cm1 << 16 | c0);
        }
    }
    if (has_a) { /* a's features of its right neighbour b (or the edge) */
        uint64_t wp1 = has_b ? w->lower[b] : edge_word, sp1 = has_b ? w->shape[b] : edge_word;
        uint64_t mw0 = w->lower_mix[a], ms0 = w->shape_mix[a];
        f[FL_NER_BI_W_0_P1] = feature(T_W_0_P1, PAIR_MIXED(mw0, wp1));
        f[FL_NER_BI_SH_0_P1] = feature(T_SH_0_P1, PAIR_MIXED(ms0, sp1));
        f[FL_NER_BI_W0_SHP1] = feature(T_W0_SHP1, PAIR_MIXED(mw0, sp1));
        if (m->clusters.count) {
            uint64_t c0 = w->cluster[a] & 0x7FF, cp1 = has_b ? w->cluster[b] & 0x7FF : 0x7FF;
            f[FL_NER_BI_CL_0_P1] = feature(T_CL_0_P1, c0 << 16 | cp1);
        }
    }
}

uint64_t fl_ner_history_feature(int with_case, uint64_t value) { return feature(with_case ? T_HIST_CASE : T_HIST, value); }

unsigned fl_ner_token_items(const fl_ner_model *m, const fl_ner_token *t, size_t n, const fl_ner_work *w, size_t i,
                            const uint32_t *left, const uint32_t *right, const float **groups, uint32_t *items,
                            uint64_t *feats, uint32_t *look, uint32_t base, unsigned *looked)
{
    static const uint64_t none = 0x5e17;
    int has_m1 = i > 0 && !t[i].sentence_start, has_m2 = has_m1 && i > 1 && !t[i - 1].sentence_start;
    int has_p1 = i + 1 < n && !t[i + 1].sentence_start;
    int has_p2 = has_p1 && i + 2 < n && !t[i + 2].sentence_start;
    const fl_ner_fixed_rows *fixed = fl_ner_fixed(w);
    const float *const *type = w->type_ptr + i;
    groups[FL_NER_G_SELF] = type[0] + FL_NER_G_SELF * FL_NER_LABELS;
    groups[FL_NER_G_M1] = (has_m1 ? type[-1] : fixed->edge_sums) + FL_NER_G_M1 * FL_NER_LABELS;
    groups[FL_NER_G_P1] = (has_p1 ? type[1] : fixed->edge_sums) + FL_NER_G_P1 * FL_NER_LABELS;
    groups[FL_NER_G_M2] = (has_m2 ? type[-2] : fixed->edge_sums) + FL_NER_G_M2 * FL_NER_LABELS;
    groups[FL_NER_G_P2] = (has_p2 ? type[2] : fixed->edge_sums) + FL_NER_G_P2 * FL_NER_LABELS;
    /* The word-pair features from the bigram cache, else hashed here to be
     * looked up. */
    uint64_t lf[FL_NER_BIGRAM_ROWS], rf[FL_NER_BIGRAM_ROWS];
    if (!left)
        fl_ner_bigram_features(m, w, i - 1, has_m1, i, 1, lf);
    if (!right)
        fl_ner_bigram_features(m, w, i, 1, i + 1, has_p1, rf);
    const uint32_t zero = (uint32_t)(m->rows * FL_NER_LABELS);
    unsigned k = 0, q = 0;
    /* A feature the model lacks (the zero row) adds nothing: x + 0 is x
     * (but for the sign of a zero sum, which no comparison sees), so a row
     * known now is listed only if it is not the zero row. */
#define ROW(r) (items[k] = (r), k += items[k] != zero)
#define LOOK(h) (feats[q] = (h), look[q++] = base + k, items[k++] = 0)
#define LEFT(x) (left ? ROW(left[x]) : lf[x] ? LOOK(lf[x]) : 0)
#define RIGHT(x) (right ? ROW(right[x]) : rf[x] ? LOOK(rf[x]) : 0)
    LEFT(FL_NER_BI_W_M1_0);
    RIGHT(FL_NER_BI_W_0_P1);
    LEFT(FL_NER_BI_SH_M1_0);
    RIGHT(FL_NER_BI_SH_0_P1);
    uint64_t s0 = w->shape[i], sp1 = has_p1 ? w->shape[i + 1] : none;
    uint64_t msm1 = has_m1 ? w->shape_mix[i - 1] : fl_ner_mix(none);
    LOOK(feature(T_SH_M1_0_P1, pair(PAIR_MIXED(msm1, s0), sp1)));
    LEFT(FL_NER_BI_SHM1_W0);
    RIGHT(FL_NER_BI_W0_SHP1);
    /* The templates with few values come from the fixed rows (same values
     * as fl_ner_token_features hashes; the ranges are asserted). */
    unsigned src = w->case_source[i];
    unsigned case_value = w->case_true[i] | w->uncased[i] << 3 | (t[i].sentence_start ? 1u : 0u) << 4 | src << 5;
    assert(case_value < FL_NER_CASE_VALUES);
    ROW(fixed->case_value[case_value]);
    unsigned ctx = (has_m1 ? w->case_true[i - 1] : 7u) << 6 | (unsigned)w->case_true[i] << 3 |
                   (has_p1 ? w->case_true[i + 1] : 7u);
    assert(ctx < FL_NER_CTX_VALUES);
    ROW(fixed->case_context[ctx]);
    LEFT(FL_NER_BI_W0_CASE_PREV);
    for (unsigned bits = w->gaz_bits[i]; bits; bits &= bits - 1)
        ROW(fixed->gaz[__builtin_ctz(bits)]);
    if (!has_m1)
        ROW(fixed->gaz_m1_edge);
    else if (!w->gaz_bits[i - 1])
        ROW(fixed->gaz_m1_none);
    else
        LOOK(feature(T_GAZ_M1, w->gaz_bits[i - 1]));
    if (!has_p1)
        ROW(fixed->gaz_p1_edge);
    else if (!w->gaz_bits[i + 1])
        ROW(fixed->gaz_p1_none);
    else
        LOOK(feature(T_GAZ_P1, w->gaz_bits[i + 1]));
    uint32_t dc = w->doc_counts[i];
    unsigned doc = ((dc & 0xFF) != 0) | (((dc >> 8) & 0xFF) != 0) << 1 | (((dc >> 16) & 0xFF) != 0) << 2 |
                   (unsigned)w->case_seen[i] << 3;
    assert(doc < FL_NER_DOC_VALUES);
    ROW(fixed->doc[doc]);
    LEFT(FL_NER_BI_CL_M1_0);
    RIGHT(FL_NER_BI_CL_0_P1);
    /* History (fl_ner_history_features), last. */
    unsigned hist, hist_case;
    if (fl_ner_history_values(w, i, &hist, &hist_case)) {
        assert(hist < FL_NER_HIST_VALUES && hist_case < FL_NER_HIST_CASE_VALUES);
        ROW(fixed->hist[hist]);
        ROW(fixed->hist_case[hist_case]);
    }
#undef ROW
#undef LOOK
#undef LEFT
#undef RIGHT
    assert(k <= FL_NER_MAX_FEATURES + FL_NER_HISTORY_FEATURES);
    *looked = q;
    return k;
}
#undef PAIR_MIXED
