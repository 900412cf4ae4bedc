/*
 * ner_templates.h — the feature templates and how a feature is hashed,
 * shared by the reference features (ner_features.c) and their tagging-time
 * form (ner_items.c). Internal to src/ner/.
 */
#ifndef FL_NER_TEMPLATES_H
#define FL_NER_TEMPLATES_H

#include "ner/ner.h"

enum template_id {
    T_BIAS = 1, T_W0, T_WM1, T_WP1, T_WM2, T_WP2, T_FORM, T_PREFIX, T_SUFFIX,
    T_SH0, T_SHM1, T_SHP1, T_SH_M1_0, T_SH_0_P1, T_SH_M1_0_P1, T_W_M1_0, T_W_0_P1,
    T_CASE, T_CASE_CTX, T_GAZ, T_GAZ_M1, T_GAZ_P1, T_LEX, T_DOC, T_W0_CASE_PREV,
    T_SHM1_W0, T_W0_SHP1, T_HIST, T_HIST_CASE, T_CL0, T_CLM1, T_CLP1, T_CL_M1_0, T_CL_0_P1, T_CL0_CASE, T_CLM2, T_CLP2
};

static inline uint64_t feature(uint64_t template_id, uint64_t value)
{
    return fl_ner_mix(value * UINT64_C(0x9E3779B97F4A7C15) + template_id);
}

static inline uint64_t pair(uint64_t a, uint64_t b) { return fl_ner_mix(a) ^ (b * UINT64_C(0x2545F4914F6CDD1D)); }

#endif
