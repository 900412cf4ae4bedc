/*
 * ner_model.c — the tagger's model: weights, lexicons, the file format, and
 * decoding (emission scores + Viterbi). Not for: features (ner_features.c)
 * or learning (ner_train.c).
 *
 * Design. A feature is a 64-bit hash (template id mixed with the values it
 * looks at). The model maps each feature it kept to a row of 17 floats, one
 * per BILOU label, through an open-addressing table; an unknown feature
 * scores nothing (in memory the weights end with an all-zero row that
 * stands for it). Emission scores are added up in ner_score.c. Viterbi is
 * first order with 17 x 17 transition weights; invalid BILOU transitions
 * (O -> I-PER, B-PER -> I-ORG, ...) are never taken, nor even scored, and a
 * step does four labels at a time. Tagging allocates nothing once the work
 * arrays are warm.
 *
 * File format (little-endian, floats IEEE-754 binary32):
 *   "FLNER002"                                  8 bytes
 *   u32 labels (17), u32 rows, u32 casing, u32 gazetteer, u32 clusters
 *   u64 keys[rows]; f32 weights[rows * 17]
 *   f32 transitions[18 * 17]
 *   u64 casing_keys[casing];       u32 casing_classes[casing]
 *   u64 gazetteer_keys[gazetteer]; u32 gazetteer_kinds[gazetteer]
 *   u64 cluster_keys[clusters];    u32 cluster_ids[clusters]
 *   "FLNEREND"                                  8 bytes
 */
#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ner/ner.h"
#include "ner/ner_score.h"
#include "ner/ner_words.h"

static const char file_magic[8] = {'F', 'L', 'N', 'E', 'R', '0', '0', '2'};
static const char file_end[8] = {'F', 'L', 'N', 'E', 'R', 'E', 'N', 'D'};

/* ---- Labels ---- */

int fl_ner_transition_allowed(int a, int b)
{
    int inside_a = a < FL_NER_LABELS && a && (fl_ner_label_part(a) == FL_NER_B || fl_ner_label_part(a) == FL_NER_I);
    int continues_b = b && (fl_ner_label_part(b) == FL_NER_I || fl_ner_label_part(b) == FL_NER_L);
    if (inside_a)
        return continues_b && fl_ner_label_type(a) == fl_ner_label_type(b);
    return !continues_b;
}

int fl_ner_may_end(int a)
{
    return !a || fl_ner_label_part(a) == FL_NER_L || fl_ner_label_part(a) == FL_NER_U;
}

const char *fl_ner_type_name(int type)
{
    static const char *const names[FL_NER_TYPES] = {"PER", "ORG", "LOC", "MISC"};
    return type >= 0 && type < FL_NER_TYPES ? names[type] : "O";
}

const char *fl_entity_type_name(fl_entity_type type) { return fl_ner_type_name((int)type); }

/* ---- Hash tables ---- */

int fl_ner_table_init(fl_ner_table *t, size_t expected)
{
    size_t cap = 16;
    while (cap < expected * 2)
        cap *= 2;
    t->slots = calloc(cap, sizeof *t->slots);
    t->mask = cap - 1;
    t->count = 0;
    if (!t->slots) {
        fl_ner_table_free(t);
        return 0;
    }
    return 1;
}

void fl_ner_table_free(fl_ner_table *t)
{
    free(t->slots);
    memset(t, 0, sizeof *t);
}

static int table_grow(fl_ner_table *t)
{
    fl_ner_table bigger;
    if (!fl_ner_table_init(&bigger, (t->mask + 1)))
        return 0;
    for (size_t i = 0; i <= t->mask; i++)
        if (t->slots[i].key)
            fl_ner_table_put(&bigger, t->slots[i].key, t->slots[i].value);
    fl_ner_table_free(t);
    *t = bigger;
    return 1;
}

int fl_ner_table_put(fl_ner_table *t, uint64_t key, uint32_t value)
{
    if (!t->slots && !fl_ner_table_init(t, 8))
        return 0;
    if ((t->count + 1) * 2 > t->mask + 1 && !table_grow(t))
        return 0;
    size_t i = (size_t)(key ^ (key >> 29)) & t->mask;
    while (t->slots[i].key && t->slots[i].key != key)
        i = (i + 1) & t->mask;
    if (!t->slots[i].key) {
        t->slots[i].key = key;
        t->count++;
    }
    t->slots[i].value = value;
    return 1;
}

uint64_t fl_ner_hash_lower(const char *s, size_t len)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        h ^= c;
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}

/* ---- Model lifetime ---- */

float *fl_ner_weights_alloc(size_t rows)
{
    return calloc((rows + 1) * FL_NER_LABELS, sizeof(float));
}

void fl_ner_model_changed(fl_ner_model *m)
{
    static _Atomic uint64_t versions;
    m->version = atomic_fetch_add(&versions, 1) + 1;
}

fl_ner_model *fl_ner_model_alloc(void)
{
    fl_ner_model *m = calloc(1, sizeof(fl_ner_model));
    if (m)
        fl_ner_model_changed(m);
    return m;
}

void fl_ner_model_free(fl_ner_model *m)
{
    if (!m)
        return;
    fl_ner_table_free(&m->features);
    fl_ner_table_free(&m->casing);
    fl_ner_table_free(&m->gazetteer);
    fl_ner_table_free(&m->clusters);
    free(m->weights);
    free(m);
}

size_t fl_ner_model_feature_count(const fl_ner_model *m) { return m->rows; }

/* ---- Saving and loading ---- */

static int write_u32(FILE *f, uint32_t v) { return fwrite(&v, 4, 1, f) == 1; }

/* Writes the keys of a lexicon table, then its values. */
static int write_lexicon(FILE *f, const fl_ner_table *t)
{
    int ok = 1;
    for (size_t i = 0; t->slots && i <= t->mask; i++)
        if (t->slots[i].key)
            ok &= fwrite(&t->slots[i].key, 8, 1, f) == 1;
    for (size_t i = 0; t->slots && i <= t->mask; i++)
        if (t->slots[i].key)
            ok &= fwrite(&t->slots[i].value, 4, 1, f) == 1;
    return ok;
}

fl_status fl_ner_model_save(const fl_ner_model *m, const char *path, char *err, size_t err_size)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        snprintf(err, err_size, "%s: cannot write: %s", path, strerror(errno));
        return FL_ERR_IO;
    }
    int ok = fwrite(file_magic, 8, 1, f) == 1;
    ok &= write_u32(f, FL_NER_LABELS) & write_u32(f, (uint32_t)m->rows) &
          write_u32(f, (uint32_t)m->casing.count) & write_u32(f, (uint32_t)m->gazetteer.count) &
          write_u32(f, (uint32_t)m->clusters.count);
    /* Rows in table order, so the file is the same for the same model. */
    uint64_t *keys = malloc((m->rows ? m->rows : 1) * sizeof *keys);
    uint32_t *rows = malloc((m->rows ? m->rows : 1) * sizeof *rows);
    if (!keys || !rows) {
        free(keys);
        free(rows);
        fclose(f);
        snprintf(err, err_size, "%s: out of memory", path);
        return FL_ERR_NOMEM;
    }
    size_t n = 0;
    for (size_t i = 0; i <= m->features.mask && m->features.slots; i++)
        if (m->features.slots[i].key) {
            keys[n] = m->features.slots[i].key;
            rows[n++] = m->features.slots[i].value;
        }
    ok &= n == m->rows;
    ok &= fwrite(keys, 8, n, f) == n;
    for (size_t i = 0; i < n; i++)
        ok &= fwrite(m->weights + (size_t)rows[i] * FL_NER_LABELS, sizeof(float), FL_NER_LABELS, f) == FL_NER_LABELS;
    free(keys);
    free(rows);
    ok &= fwrite(m->transitions, sizeof m->transitions, 1, f) == 1;
    ok &= write_lexicon(f, &m->casing);
    ok &= write_lexicon(f, &m->gazetteer);
    ok &= write_lexicon(f, &m->clusters);
    ok &= fwrite(file_end, 8, 1, f) == 1;
    ok &= fclose(f) == 0;
    if (!ok) {
        snprintf(err, err_size, "%s: write error: %s", path, strerror(errno));
        return FL_ERR_IO;
    }
    return FL_OK;
}

static int read_exact(FILE *f, void *p, size_t size, size_t n) { return fread(p, size, n, f) == n; }

static int read_lexicon(FILE *f, fl_ner_table *t, uint32_t count)
{
    uint64_t *keys = malloc((count ? count : 1) * sizeof *keys);
    uint32_t *vals = malloc((count ? count : 1) * sizeof *vals);
    int ok = keys && vals && read_exact(f, keys, 8, count) && read_exact(f, vals, 4, count) &&
             fl_ner_table_init(t, count);
    for (uint32_t i = 0; ok && i < count; i++)
        ok = keys[i] != 0 && fl_ner_table_put(t, keys[i], vals[i]);
    free(keys);
    free(vals);
    return ok;
}

fl_ner_model *fl_ner_model_load(const char *path, char *err, size_t err_size)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, err_size, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    fl_ner_model *m = fl_ner_model_alloc();
    char magic[8];
    uint32_t head[5];
    uint64_t *keys = NULL;
    const char *why = "out of memory";
    if (!m)
        goto fail;
    why = "not a factline NER model of this version (expected magic FLNER002)";
    if (!read_exact(f, magic, 1, 8) || memcmp(magic, file_magic, 8))
        goto fail;
    why = "truncated model file";
    if (!read_exact(f, head, 4, 5))
        goto fail;
    why = "model has the wrong number of labels";
    if (head[0] != FL_NER_LABELS)
        goto fail;
    m->rows = head[1];
    why = "out of memory";
    keys = malloc((m->rows ? m->rows : 1) * sizeof *keys);
    m->weights = fl_ner_weights_alloc(m->rows);
    if (!keys || !m->weights || !fl_ner_table_init(&m->features, m->rows))
        goto fail;
    why = "truncated model file";
    if (!read_exact(f, keys, 8, m->rows) || !read_exact(f, m->weights, sizeof(float) * FL_NER_LABELS, m->rows) ||
        !read_exact(f, m->transitions, sizeof m->transitions, 1))
        goto fail;
    why = "corrupt model file (zero or duplicate feature key)";
    for (size_t i = 0; i < m->rows; i++) {
        if (!keys[i] || fl_ner_table_find(&m->features, keys[i]))
            goto fail;
        if (!fl_ner_table_put(&m->features, keys[i], (uint32_t)i))
            goto fail;
    }
    why = "truncated or corrupt lexicons in model file";
    if (!read_lexicon(f, &m->casing, head[2]) || !read_lexicon(f, &m->gazetteer, head[3]) ||
        !read_lexicon(f, &m->clusters, head[4]))
        goto fail;
    why = "model file does not end with FLNEREND (truncated or trailing garbage)";
    if (!read_exact(f, magic, 1, 8) || memcmp(magic, file_end, 8) || fgetc(f) != EOF)
        goto fail;
    for (size_t i = 0; i < m->rows * FL_NER_LABELS; i++)
        if (!isfinite(m->weights[i])) {
            why = "corrupt model file (weight not a finite number)";
            goto fail;
        }
    free(keys);
    fclose(f);
    fl_ner_model_changed(m);
    return m;
fail:
    snprintf(err, err_size, "%s: %s", path, why);
    free(keys);
    fl_ner_model_free(m);
    fclose(f);
    return NULL;
}

/* ---- Work space ---- */

void fl_ner_work_init(fl_ner_work *w) { memset(w, 0, sizeof *w); }

void fl_ner_work_free(fl_ner_work *w)
{
    free(w->lower);
    free(w->shape);
    free(w->case_true);
    free(w->case_seen);
    free(w->uncased);
    free(w->case_source);
    free(w->gaz_bits);
    free(w->doc_counts);
    free(w->cluster);
    free(w->casing_lex);
    free(w->type_sums);
    free(w->type_ptr);
    free(w->word_at);
    free(w->word_id);
    fl_ner_word_cache_free(w->word_cache);
    free(w->lower_mix);
    free(w->shape_mix);
    fl_ner_type_cache_free(w->type_cache);
    free(w->feats);
    free(w->feat_count);
    free(w->scores);
    free(w->viterbi);
    free(w->back);
    fl_ner_table_free(&w->doc_words);
    fl_ner_table_free(&w->history);
    memset(w, 0, sizeof *w);
}

/* ---- Decoding ---- */

/* The predecessors BILOU allows (fl_ner_transition_allowed), in increasing
 * order: O, L-* and U-* may precede O, B-* and U-*; only B-t and I-t may
 * precede I-t and L-t. Listed once here rather than asked 17 x 17 times a
 * sentence; tests/test_ner checks the lists against the rule. */
enum { FL_NER_OPEN_PREDS = 1 + 2 * FL_NER_TYPES };
static const uint8_t open_preds[FL_NER_OPEN_PREDS] = {0, 3, 4, 7, 8, 11, 12, 15, 16};

int fl_ner_label_continues(int y) { return y && (fl_ner_label_part(y) == FL_NER_I || fl_ner_label_part(y) == FL_NER_L); }

size_t fl_ner_predecessors(int y, uint8_t *out)
{
    if (fl_ner_label_continues(y)) {
        out[0] = (uint8_t)fl_ner_label(fl_ner_label_type(y), FL_NER_B);
        out[1] = (uint8_t)fl_ner_label(fl_ner_label_type(y), FL_NER_I);
        return 2;
    }
    memcpy(out, open_preds, sizeof open_preds);
    return FL_NER_OPEN_PREDS;
}

/* One Viterbi step: cur[y] = emit[y] + the best of prev[p] + transition
 * (p, y) over the allowed predecessors p, back[y] = that p. The nine labels
 * that open (O, B-*, U-*) share the nine predecessors of open_preds; the
 * eight that continue (I-t, L-t) have two, B-t and I-t. Where the compiler
 * has vector types the labels are done four at a time: each lane does the
 * same additions and comparisons, in the same order, as the plain loop. */
static const uint8_t open_lanes[9] = {0, 1, 4, 5, 8, 9, 12, 13, 16};
static const uint8_t cont_lanes[8] = {2, 3, 6, 7, 10, 11, 14, 15};

typedef struct viterbi_tables {
    float open[FL_NER_OPEN_PREDS][9]; /* [k][lane]: transition open_preds[k] -> open_lanes[lane] */
    float from_b[8], from_i[8];      /* [lane]: transition B-t / I-t -> cont_lanes[lane] */
} viterbi_tables;

static void viterbi_tables_fill(viterbi_tables *t, const float *transitions)
{
    enum { L = FL_NER_LABELS };
    for (int k = 0; k < FL_NER_OPEN_PREDS; k++)
        for (int l = 0; l < 9; l++)
            t->open[k][l] = transitions[open_preds[k] * L + open_lanes[l]];
    for (int l = 0; l < 8; l++) {
        int y = cont_lanes[l], b = y - fl_ner_label_part(y) + FL_NER_B;
        t->from_b[l] = transitions[b * L + y];
        t->from_i[l] = transitions[(b + 1) * L + y];
    }
}

#if (defined(__GNUC__) || defined(__clang__)) && !defined(__SSE2__)
typedef float vt_f4 __attribute__((vector_size(16)));
typedef int32_t vt_i4 __attribute__((vector_size(16)));

static inline vt_f4 vt_load(const float *p)
{
    vt_f4 v;
    memcpy(&v, p, sizeof v);
    return v;
}
static inline vt_f4 vt_select_f(vt_i4 m, vt_f4 a, vt_f4 b) { return (vt_f4)((m & (vt_i4)a) | (~m & (vt_i4)b)); }
static inline vt_i4 vt_select_i(vt_i4 m, vt_i4 a, vt_i4 b) { return (m & a) | (~m & b); }

static void viterbi_step(const viterbi_tables *t, const float *prev, const float *emit, float *cur, uint8_t *back)
{
    /* Opening labels: lanes 0-3 and 4-7 as vectors, lane 8 alone. */
    vt_f4 p0 = {prev[0], prev[0], prev[0], prev[0]};
    vt_f4 best_a = p0 + vt_load(t->open[0]), best_b = p0 + vt_load(t->open[0] + 4);
    float best_c = prev[0] + t->open[0][8];
    vt_i4 arg_a = {0, 0, 0, 0}, arg_b = {0, 0, 0, 0};
    int arg_c = 0;
    for (int k = 1; k < FL_NER_OPEN_PREDS; k++) {
        int p = open_preds[k];
        vt_f4 pk = {prev[p], prev[p], prev[p], prev[p]};
        vt_i4 pi = {p, p, p, p};
        vt_f4 sa = pk + vt_load(t->open[k]), sb = pk + vt_load(t->open[k] + 4);
        vt_i4 ma = sa > best_a, mb = sb > best_b;
        best_a = vt_select_f(ma, sa, best_a);
        best_b = vt_select_f(mb, sb, best_b);
        arg_a = vt_select_i(ma, pi, arg_a);
        arg_b = vt_select_i(mb, pi, arg_b);
        float sc = prev[p] + t->open[k][8];
        if (sc > best_c) {
            best_c = sc;
            arg_c = p;
        }
    }
    for (int l = 0; l < 4; l++) {
        cur[open_lanes[l]] = best_a[l] + emit[open_lanes[l]];
        back[open_lanes[l]] = (uint8_t)arg_a[l];
        cur[open_lanes[4 + l]] = best_b[l] + emit[open_lanes[4 + l]];
        back[open_lanes[4 + l]] = (uint8_t)arg_b[l];
    }
    cur[16] = best_c + emit[16];
    back[16] = (uint8_t)arg_c;
    /* Continuing labels I-t, L-t of types 0,1 and 2,3: from B-t, else I-t. */
    for (int h = 0; h < 2; h++) {
        int b0 = 1 + 8 * h, b1 = 5 + 8 * h; /* B of the two types */
        vt_f4 from_b = {prev[b0], prev[b0], prev[b1], prev[b1]};
        vt_f4 from_i = {prev[b0 + 1], prev[b0 + 1], prev[b1 + 1], prev[b1 + 1]};
        vt_f4 sb = from_b + vt_load(t->from_b + 4 * h), si = from_i + vt_load(t->from_i + 4 * h);
        vt_i4 m = si > sb;
        vt_f4 best = vt_select_f(m, si, sb);
        vt_i4 arg = vt_select_i(m, (vt_i4){b0 + 1, b0 + 1, b1 + 1, b1 + 1}, (vt_i4){b0, b0, b1, b1});
        for (int l = 0; l < 4; l++) {
            int y = cont_lanes[4 * h + l];
            cur[y] = best[l] + emit[y];
            back[y] = (uint8_t)arg[l];
        }
    }
}
#elif !defined(__SSE2__)
static void viterbi_step(const viterbi_tables *t, const float *prev, const float *emit, float *cur, uint8_t *back)
{
    for (int l = 0; l < 9; l++) {
        int y = open_lanes[l], arg = 0;
        float best = prev[0] + t->open[0][l];
        for (int k = 1; k < FL_NER_OPEN_PREDS; k++) {
            float s = prev[open_preds[k]] + t->open[k][l];
            if (s > best) {
                best = s;
                arg = open_preds[k];
            }
        }
        cur[y] = best + emit[y];
        back[y] = (uint8_t)arg;
    }
    for (int l = 0; l < 8; l++) {
        int y = cont_lanes[l], b = y - fl_ner_label_part(y) + FL_NER_B, arg = b;
        float best = prev[b] + t->from_b[l], s = prev[b + 1] + t->from_i[l];
        if (s > best) {
            best = s;
            arg = b + 1;
        }
        cur[y] = best + emit[y];
        back[y] = (uint8_t)arg;
    }
}
#endif

#if defined(__SSE2__)
/* On x86-64 (SSE2 is part of it) the Viterbi rows are kept in lane order,
 * not label order: the nine opening labels (open_lanes) at positions 0-8,
 * then the eight continuing ones (cont_lanes) at 9-16. A step then stores
 * its scores and back pointers with a few vector stores instead of 34
 * scalar ones, and the emission row is put in lane order with four
 * shuffles. Each lane still does the same additions and strict
 * comparisons, in the same order, as viterbi_step; the best of two is
 * taken with MAXPS, whose result for (s, best) is s only when s > best,
 * as the plain loop's. Back pointers hold labels. */

/* Position in lane order of each label, and of each of open_preds. */
static const uint8_t lane_pos[FL_NER_LABELS] = {0, 1, 9, 10, 2, 3, 11, 12, 4, 5, 13, 14, 6, 7, 15, 16, 8};

static inline __m128i select_i(__m128i m, __m128i a, __m128i b)
{
    return _mm_or_si128(_mm_and_si128(m, a), _mm_andnot_si128(m, b));
}

static void viterbi_step_lanes(const viterbi_tables *t, const float *prev, const float *emit, float *cur,
                               uint8_t *back)
{
    /* The emission row in lane order. */
    __m128 e0 = _mm_loadu_ps(emit), e1 = _mm_loadu_ps(emit + 4), e2 = _mm_loadu_ps(emit + 8),
           e3 = _mm_loadu_ps(emit + 12);
    __m128 emit_open0 = _mm_shuffle_ps(e0, e1, _MM_SHUFFLE(1, 0, 1, 0)); /* labels 0 1 4 5 */
    __m128 emit_open1 = _mm_shuffle_ps(e2, e3, _MM_SHUFFLE(1, 0, 1, 0)); /* 8 9 12 13 */
    __m128 emit_cont0 = _mm_shuffle_ps(e0, e1, _MM_SHUFFLE(3, 2, 3, 2)); /* 2 3 6 7 */
    __m128 emit_cont1 = _mm_shuffle_ps(e2, e3, _MM_SHUFFLE(3, 2, 3, 2)); /* 10 11 14 15 */
    /* Opening labels: the nine predecessors in increasing label order. */
    __m128 p0 = _mm_set1_ps(prev[0]);
    __m128 best0 = _mm_add_ps(p0, _mm_loadu_ps(t->open[0])), best1 = _mm_add_ps(p0, _mm_loadu_ps(t->open[0] + 4));
    float best8 = prev[0] + t->open[0][8];
    __m128i arg0 = _mm_setzero_si128(), arg1 = _mm_setzero_si128();
    int arg8 = 0;
    for (int k = 1; k < FL_NER_OPEN_PREDS; k++) {
        int p = open_preds[k];
        float pv = prev[lane_pos[p]];
        __m128 pk = _mm_set1_ps(pv);
        __m128i pi = _mm_set1_epi32(p);
        __m128 s0 = _mm_add_ps(pk, _mm_loadu_ps(t->open[k])), s1 = _mm_add_ps(pk, _mm_loadu_ps(t->open[k] + 4));
        __m128i m0 = _mm_castps_si128(_mm_cmpgt_ps(s0, best0)), m1 = _mm_castps_si128(_mm_cmpgt_ps(s1, best1));
        best0 = _mm_max_ps(s0, best0);
        best1 = _mm_max_ps(s1, best1);
        arg0 = select_i(m0, pi, arg0);
        arg1 = select_i(m1, pi, arg1);
        float s8 = pv + t->open[k][8];
        if (s8 > best8) {
            best8 = s8;
            arg8 = p;
        }
    }
    _mm_storeu_ps(cur, _mm_add_ps(best0, emit_open0));
    _mm_storeu_ps(cur + 4, _mm_add_ps(best1, emit_open1));
    cur[8] = best8 + emit[16];
    __m128i open16 = _mm_packs_epi32(arg0, arg1);
    _mm_storel_epi64((__m128i *)(void *)back, _mm_packus_epi16(open16, open16));
    back[8] = (uint8_t)arg8;
    /* Continuing labels (I-t, L-t): from B-t, else from I-t if strictly better. */
    __m128 o0 = _mm_loadu_ps(prev), o1 = _mm_loadu_ps(prev + 4);
    __m128 c0 = _mm_loadu_ps(prev + 9), c1 = _mm_loadu_ps(prev + 13);
    __m128 sb0 = _mm_add_ps(_mm_shuffle_ps(o0, o0, _MM_SHUFFLE(3, 3, 1, 1)), _mm_loadu_ps(t->from_b));
    __m128 si0 = _mm_add_ps(_mm_shuffle_ps(c0, c0, _MM_SHUFFLE(2, 2, 0, 0)), _mm_loadu_ps(t->from_i));
    __m128 sb1 = _mm_add_ps(_mm_shuffle_ps(o1, o1, _MM_SHUFFLE(3, 3, 1, 1)), _mm_loadu_ps(t->from_b + 4));
    __m128 si1 = _mm_add_ps(_mm_shuffle_ps(c1, c1, _MM_SHUFFLE(2, 2, 0, 0)), _mm_loadu_ps(t->from_i + 4));
    __m128i mc0 = _mm_castps_si128(_mm_cmpgt_ps(si0, sb0)), mc1 = _mm_castps_si128(_mm_cmpgt_ps(si1, sb1));
    _mm_storeu_ps(cur + 9, _mm_add_ps(_mm_max_ps(si0, sb0), emit_cont0));
    _mm_storeu_ps(cur + 13, _mm_add_ps(_mm_max_ps(si1, sb1), emit_cont1));
    __m128i argc0 = select_i(mc0, _mm_setr_epi32(2, 2, 6, 6), _mm_setr_epi32(1, 1, 5, 5));
    __m128i argc1 = select_i(mc1, _mm_setr_epi32(10, 10, 14, 14), _mm_setr_epi32(9, 9, 13, 13));
    __m128i cont16 = _mm_packs_epi32(argc0, argc1);
    _mm_storel_epi64((__m128i *)(void *)(back + 9), _mm_packus_epi16(cont16, cont16));
}

#if defined(__x86_64__)
/* The same step eight lanes at a time where the processor has AVX: the
 * eight opening labels but O's last in one vector, the eight continuing
 * ones in another; the same additions and strict comparisons per lane. */
__attribute__((target("avx"))) static inline void viterbi_step_lanes_avx(const viterbi_tables *t, const float *prev,
                                                                          const float *emit, float *cur, uint8_t *back)
{
    __m128 e0 = _mm_loadu_ps(emit), e1 = _mm_loadu_ps(emit + 4), e2 = _mm_loadu_ps(emit + 8),
           e3 = _mm_loadu_ps(emit + 12);
    __m256 emit_open = _mm256_insertf128_ps(_mm256_castps128_ps256(_mm_shuffle_ps(e0, e1, _MM_SHUFFLE(1, 0, 1, 0))),
                                            _mm_shuffle_ps(e2, e3, _MM_SHUFFLE(1, 0, 1, 0)), 1);
    __m256 emit_cont = _mm256_insertf128_ps(_mm256_castps128_ps256(_mm_shuffle_ps(e0, e1, _MM_SHUFFLE(3, 2, 3, 2))),
                                            _mm_shuffle_ps(e2, e3, _MM_SHUFFLE(3, 2, 3, 2)), 1);
    __m256 best = _mm256_add_ps(_mm256_set1_ps(prev[0]), _mm256_loadu_ps(t->open[0]));
    float best8 = prev[0] + t->open[0][8];
    __m256 arg = _mm256_setzero_ps(); /* labels, as the bits of int32 lanes */
    int arg8 = 0;
    for (int k = 1; k < FL_NER_OPEN_PREDS; k++) {
        int p = open_preds[k];
        float pv = prev[lane_pos[p]];
        __m256 s = _mm256_add_ps(_mm256_set1_ps(pv), _mm256_loadu_ps(t->open[k]));
        __m256 m = _mm256_cmp_ps(s, best, _CMP_GT_OQ);
        best = _mm256_max_ps(s, best);
        arg = _mm256_or_ps(_mm256_and_ps(m, _mm256_castsi256_ps(_mm256_set1_epi32(p))), _mm256_andnot_ps(m, arg));
        float s8 = pv + t->open[k][8];
        if (s8 > best8) {
            best8 = s8;
            arg8 = p;
        }
    }
    _mm256_storeu_ps(cur, _mm256_add_ps(best, emit_open));
    cur[8] = best8 + emit[16];
    __m256i argi = _mm256_castps_si256(arg);
    __m128i open16 = _mm_packs_epi32(_mm256_castsi256_si128(argi), _mm256_extractf128_si256(argi, 1));
    _mm_storel_epi64((__m128i *)(void *)back, _mm_packus_epi16(open16, open16));
    back[8] = (uint8_t)arg8;
    /* Continuing labels I-t, L-t: from B-t (open lanes 1 3 5 7), else from
     * I-t (continuing lanes 0 2 4 6) if strictly better. */
    __m256 o = _mm256_loadu_ps(prev), c = _mm256_loadu_ps(prev + 9);
    __m256 sb = _mm256_add_ps(_mm256_permute_ps(o, _MM_SHUFFLE(3, 3, 1, 1)), _mm256_loadu_ps(t->from_b));
    __m256 si = _mm256_add_ps(_mm256_permute_ps(c, _MM_SHUFFLE(2, 2, 0, 0)), _mm256_loadu_ps(t->from_i));
    __m256 mc = _mm256_cmp_ps(si, sb, _CMP_GT_OQ);
    _mm256_storeu_ps(cur + 9, _mm256_add_ps(_mm256_max_ps(si, sb), emit_cont));
    __m256i argc = _mm256_castps_si256(
        _mm256_or_ps(_mm256_and_ps(mc, _mm256_castsi256_ps(_mm256_setr_epi32(2, 2, 6, 6, 10, 10, 14, 14))),
                     _mm256_andnot_ps(mc, _mm256_castsi256_ps(_mm256_setr_epi32(1, 1, 5, 5, 9, 9, 13, 13)))));
    __m128i cont16 = _mm_packs_epi32(_mm256_castsi256_si128(argc), _mm256_extractf128_si256(argc, 1));
    _mm_storel_epi64((__m128i *)(void *)(back + 9), _mm_packus_epi16(cont16, cont16));
}

/* Steps a + 1 .. b - 1 of fl_ner_viterbi (one call, so each step is inlined). */
__attribute__((target("avx"))) static void viterbi_steps_avx(const viterbi_tables *t, fl_ner_work *w, size_t a,
                                                              size_t b)
{
    enum { L = FL_NER_LABELS };
    for (size_t i = a + 1; i < b; i++)
        viterbi_step_lanes_avx(t, w->viterbi + (i - 1) * L, w->scores + i * L, w->viterbi + i * L, w->back + i * L);
}
#endif
#endif

void fl_ner_viterbi(const float *transitions, fl_ner_work *w, size_t a, size_t b, uint8_t *labels)
{
    enum { L = FL_NER_LABELS };
    const float none = -1e30f; /* stays finite when added up along a sentence */
    if (a >= b)
        return;
    /* The first token may only take labels allowed after the sentence start;
     * the others are blocked with a score that stays finite. */
    float *v = w->viterbi;
    /* Each later step considers only the predecessors BILOU allows. A
     * blocked step scored -1e30 could never win, since every label has an
     * allowed predecessor with a finite score, so skipping them keeps the
     * result. They are tried in increasing order and only a strictly
     * better score replaces the best, so ties go to the lowest label. */
    viterbi_tables tab;
    viterbi_tables_fill(&tab, transitions);
#if defined(__SSE2__)
    for (int y = 0; y < L; y++)
        v[a * L + lane_pos[y]] = (fl_ner_label_continues(y) ? none : transitions[L * L + y]) + w->scores[a * L + y];
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx"))
        viterbi_steps_avx(&tab, w, a, b);
    else
#endif
        for (size_t i = a + 1; i < b; i++)
            viterbi_step_lanes(&tab, v + (i - 1) * L, w->scores + i * L, v + i * L, w->back + i * L);
#define AT(y) lane_pos[y]
#else
    for (int y = 0; y < L; y++)
        v[a * L + y] = (fl_ner_label_continues(y) ? none : transitions[L * L + y]) + w->scores[a * L + y];
    for (size_t i = a + 1; i < b; i++)
        viterbi_step(&tab, v + (i - 1) * L, w->scores + i * L, v + i * L, w->back + i * L);
#define AT(y) (y)
#endif
    float best = 2 * none;
    int arg = 0;
    for (int y = 0; y < L; y++)
        if (fl_ner_may_end(y) && v[(b - 1) * L + AT(y)] > best) {
            best = v[(b - 1) * L + AT(y)];
            arg = y;
        }
    for (size_t i = b; i-- > a;) {
        labels[i] = (uint8_t)arg;
        if (i > a)
            arg = w->back[i * L + AT(arg)];
    }
#undef AT
}

int fl_ner_tag(const fl_ner_model *m, const fl_ner_token *tokens, size_t n, fl_ner_work *w, uint8_t *labels)
{
    if (!n)
        return 1;
    if (!fl_ner_prepare(m, tokens, n, w) || !fl_ner_type_rows(m, tokens, n, w))
        return 0;
    /* Sentence by sentence: the history features of a sentence depend on
     * the labels of the sentences before it. */
    size_t start = 0;
    for (size_t i = 1; i <= n; i++) {
        if (i < n && !tokens[i].sentence_start)
            continue;
        if (!fl_ner_work_reserve_sentence(w, i - start))
            return 0;
        fl_ner_score_sentence(m, tokens, n, w, start, i);
        fl_ner_viterbi(m->transitions, w, 0, i - start, labels + start);
        if (!fl_ner_history_add(w, start, i, labels))
            return 0;
        start = i;
    }
    return 1;
}
