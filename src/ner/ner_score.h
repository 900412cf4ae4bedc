/*
 * ner_score.h — tagging-time scoring (ner_score.c): the type cache of the
 * rows of features that depend on one word alone, and emission scores
 * computed with it. Internal to src/ner/.
 */
#ifndef FL_NER_SCORE_H
#define FL_NER_SCORE_H

#include "ner/ner.h"

/* Positions of a word type's rows (fl_ner_type_features): the word's own
 * features, then those it gives a token as its neighbour w-1, w+1, w-2, w+2. */
enum {
    FL_NER_TR_BIAS, FL_NER_TR_W0, FL_NER_TR_FORM, FL_NER_TR_AFFIX, /* 8: prefix 1, suffix 1, ... suffix 4 */
    FL_NER_TR_SH0 = FL_NER_TR_AFFIX + 8, FL_NER_TR_LEX, FL_NER_TR_CL0, FL_NER_TR_CL0_CASE, FL_NER_TR_CL0_L1,
    FL_NER_TR_CL0_L2,
    FL_NER_TR_WM1, FL_NER_TR_SHM1, FL_NER_TR_CLM1, FL_NER_TR_CLM1_L1, FL_NER_TR_CLM1_L2,
    FL_NER_TR_WP1, FL_NER_TR_SHP1, FL_NER_TR_CLP1, FL_NER_TR_CLP1_L1, FL_NER_TR_CLP1_L2,
    FL_NER_TR_WM2, FL_NER_TR_CLM2, FL_NER_TR_WP2, FL_NER_TR_CLP2,
    FL_NER_TYPE_ROWS
};

/* The features of token i's word type at the FL_NER_TR_* positions (0 where
 * the model has no such feature, e.g. word classes without clusters);
 * fl_ner_edge_features: those of a neighbour beyond the sentence. Both
 * compute what fl_ner_token_features does for those templates. */
void fl_ner_type_features(const fl_ner_model *m, const fl_ner_token *t, const fl_ner_work *w, size_t i, uint64_t *f);
void fl_ner_edge_features(const fl_ner_model *m, uint64_t *f);

/* The positions of each group of a word type's rows: the word's own, and
 * those it gives a token as its neighbour w-1, w+1, w-2, w+2. A word type's
 * rows are added up per group once (the type cache), in FL_NER_TR_* order. */
enum { FL_NER_G_SELF, FL_NER_G_M1, FL_NER_G_P1, FL_NER_G_M2, FL_NER_G_P2, FL_NER_TYPE_GROUPS };
int fl_ner_type_group(int tr); /* the group of an FL_NER_TR_* position */

/* The word-pair features of two neighbouring tokens a, b of a sentence
 * (b = a + 1; has_a / has_b 0 when that side is beyond the sentence):
 * b's features of its left neighbour, then a's of its right one, at the
 * FL_NER_BI_* positions; 0 where there is none (that side is the edge, or
 * the model has no word classes). They are a function of the two word
 * types, so the bigram cache (ner_words.c) keeps their rows. */
enum {
    FL_NER_BI_W_M1_0, FL_NER_BI_SH_M1_0, FL_NER_BI_SHM1_W0, FL_NER_BI_W0_CASE_PREV, FL_NER_BI_CL_M1_0,
    FL_NER_BI_W_0_P1, FL_NER_BI_SH_0_P1, FL_NER_BI_W0_SHP1, FL_NER_BI_CL_0_P1, FL_NER_BIGRAM_ROWS
};
void fl_ner_bigram_features(const fl_ner_model *m, const fl_ner_work *w, size_t a, int has_a, size_t b, int has_b,
                            uint64_t *f);
/* The rows of those features (where each starts in m->weights, the zero
 * row where the model lacks it) from the bigram cache into rows; 0 if a or
 * b has no bigram id (a word not written in its true case). Needs
 * fl_ner_type_rows first. */
int fl_ner_bigram_rows(const fl_ner_model *m, const fl_ner_work *w, size_t a, int has_a, size_t b, int has_b,
                       uint32_t *rows);

/* Token i's scores, history included: the five group sums in groups[]
 * (its own type's, its neighbours' or the edge's), then items[k], where a
 * row starts in m->weights (row x 17), in the order of
 * fl_ner_token_features and fl_ner_history_features; left and right are
 * the bigram rows of (i - 1, i) and (i, i + 1), or NULL to hash those
 * features. The rows known at once are listed unless they are the zero row
 * (a feature the model lacks adds nothing); the items that need a lookup
 * are listed as (feats[q], look[q] = base + k), the zero row if the model
 * lacks them. Returns the item count; *looked gets the number of lookups.
 * Needs fl_ner_type_rows first. */
unsigned fl_ner_token_items(const fl_ner_model *m, const fl_ner_token *t, size_t n, const fl_ner_work *w, size_t i,
                            const uint32_t *left, const uint32_t *right, const float **groups, uint32_t *items,
                            uint64_t *feats, uint32_t *look, uint32_t base, unsigned *looked);

/* Fills w->type_sums (FL_NER_TYPE_GROUPS sums of FL_NER_LABELS per token)
 * from the type cache, after fl_ner_prepare. 0 on out-of-memory (or a model
 * too large for 32-bit row starts). */
int fl_ner_type_rows(const fl_ner_model *m, const fl_ner_token *t, size_t n, fl_ner_work *w);
void fl_ner_type_cache_free(fl_ner_type_cache *c);

/* Rows that do not depend on a word, found once per model: those of
 * fl_ner_edge_features, and those of the templates with few values (a
 * token's case, its case in context, its document counts, a gazetteer bit,
 * the neighbours' gazetteer bits when none or beyond the sentence), indexed
 * by the value fl_ner_token_features hashes. */
enum { FL_NER_CASE_VALUES = 128, FL_NER_CTX_VALUES = 512, FL_NER_DOC_VALUES = 64, FL_NER_GAZ_BITS = 16,
       FL_NER_HIST_VALUES = 1 << (FL_NER_TYPES + 1), FL_NER_HIST_CASE_VALUES = FL_NER_HIST_VALUES << 4 };
/* What a cache filled from a model remembers of it: its version, and, in
 * case a caller changed the tables without saying so, what can be checked
 * of them. fl_ner_model_id_sync makes id the model's and returns 1 when it
 * was another's (the cache must then be emptied), 0 when it is the same. */
typedef struct fl_ner_model_id {
    uint64_t version; /* 0: none yet (model versions start at 1) */
    const fl_ner_slot *slots, *clusters, *casing;
    size_t count, rows, cluster_count, casing_count;
} fl_ner_model_id;
int fl_ner_model_id_sync(fl_ner_model_id *id, const fl_ner_model *m);

typedef struct fl_ner_fixed_rows {
    float edge_sums[FL_NER_TYPE_GROUPS * FL_NER_LABELS]; /* group sums of a missing neighbour */
    uint32_t case_value[FL_NER_CASE_VALUES];
    uint32_t case_context[FL_NER_CTX_VALUES];
    uint32_t doc[FL_NER_DOC_VALUES];
    uint32_t gaz[FL_NER_GAZ_BITS];
    uint32_t gaz_m1_none, gaz_m1_edge, gaz_p1_none, gaz_p1_edge;
    uint32_t hist[FL_NER_HIST_VALUES], hist_case[FL_NER_HIST_CASE_VALUES]; /* fl_ner_history_values */
} fl_ner_fixed_rows;

/* The features behind fl_ner_fixed_rows (all but `edge_sums`), each as
 * fl_ner_token_features hashes it. */
typedef enum { FL_NER_FIXED_CASE, FL_NER_FIXED_CTX, FL_NER_FIXED_DOC, FL_NER_FIXED_GAZ, FL_NER_FIXED_GAZ_M1,
               FL_NER_FIXED_GAZ_P1 } fl_ner_fixed_template;
uint64_t fl_ner_fixed_feature(fl_ner_fixed_template which, uint64_t value);
/* The history features of fl_ner_history_values' values (with_case 0: hist, 1: hist_case). */
uint64_t fl_ner_history_feature(int with_case, uint64_t value);

/* Where feature f's row starts in m->weights (row x 17); the zero row if
 * the model lacks it or f is 0. */
static inline uint32_t fl_ner_row_of(const fl_ner_model *m, uint64_t f)
{
    const uint32_t *row = f ? fl_ner_table_find(&m->features, f) : NULL;
    return (uint32_t)((row ? *row : m->rows) * FL_NER_LABELS);
}

/* Valid after fl_ner_type_rows. */
const fl_ner_fixed_rows *fl_ner_fixed(const fl_ner_work *w);
void fl_ner_type_cache_free(fl_ner_type_cache *c);

/* Emission scores of tokens [start, end) (one sentence) into w->scores,
 * row 0 for token start: the sums of the rows of fl_ner_token_features and
 * fl_ner_history_features, the rows of one word type added up first (so
 * the float sums differ from adding in feature order in the last bits;
 * tests/unit/test_ner_score.c bounds the difference). */
void fl_ner_score_sentence(const fl_ner_model *m, const fl_ner_token *tokens, size_t n, fl_ner_work *w, size_t start,
                           size_t end);

#endif
