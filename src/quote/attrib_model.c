/*
 * attrib_model.c — the learned cue detector's model: two open-addressing
 * hash tables (feature -> weight, candidate words), the file format, and
 * scoring. Not for: features (attrib_features.c) or learning
 * (attrib_train.c).
 *
 * Design. Keys are 64-bit hashes, never 0 (0 marks an empty slot); tables
 * are at most half full, so a probe finds its key or an empty slot in about
 * two steps. A model of ~100k features takes ~2 MB in memory.
 */
#include "quote/attrib_model.h"
#include "quote/attrib_internal.h"

#include "quote/cues.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef FACTLINE_SOURCE_DIR
#define FACTLINE_SOURCE_DIR "."
#endif

const char *fl_attrib_default_model_path(char *buf, size_t size)
{
    const char *dir = getenv("FACTLINE_MODELS");
    if (!dir || !*dir)
        dir = FACTLINE_SOURCE_DIR "/models";
    snprintf(buf, size, "%s/attrib.model", dir);
    return buf;
}

static const char file_magic[8] = {'F', 'L', 'A', 'T', 'T', 'R', '0', '1'};
static const char file_end[8] = {'F', 'L', 'A', 'T', 'T', 'E', 'N', 'D'};

typedef struct table {
    uint64_t *keys;
    float *values; /* NULL for a set */
    size_t mask, count;
} table;

struct fl_attrib_model {
    table features;
    table candidates;
    /* Not stored: the closed word lists and cue flags of cues.c by word
     * hash, so that a feature's word class costs one probe, not a bisection
     * of each list (LEX_* bits, cue flags << 8). */
    table lexicon;
    /* The weights again for scoring: a slot is the high half of the key and
     * the weight, 8 bytes, so a probe touches one cache line (two for the
     * keys/values arrays above); the probes of a token's features are
     * prefetched together so that their misses overlap. A 32-bit check can
     * confuse two features of the ~10^5 kept with a chance of ~10^-4 each. */
    struct packed_slot {
        uint32_t check; /* 0: empty */
        float weight;
    } *packed;
    size_t packed_mask;
    /* the relation scorer (attrib_model.h): ATTRIB_RELATION_* */
    int relation_mode;
    float propose_margin;
};

static uint32_t packed_check(uint64_t key) { return (uint32_t)(key >> 32) | 1u; }

static uint64_t mix(uint64_t k)
{
    k ^= k >> 33;
    k *= UINT64_C(0xff51afd7ed558ccd);
    k ^= k >> 33;
    return k;
}

static int table_init(table *t, size_t n, int with_values)
{
    size_t cap = 16;
    while (cap < n * 2)
        cap *= 2;
    t->keys = calloc(cap, sizeof *t->keys);
    t->values = with_values ? calloc(cap, sizeof *t->values) : NULL;
    t->mask = cap - 1;
    t->count = 0;
    return t->keys && (!with_values || t->values);
}

static void table_free(table *t)
{
    free(t->keys);
    free(t->values);
    memset(t, 0, sizeof *t);
}

static size_t table_slot(const table *t, uint64_t key)
{
    size_t i = (size_t)mix(key) & t->mask;
    while (t->keys[i] && t->keys[i] != key)
        i = (i + 1) & t->mask;
    return i;
}

static void table_put(table *t, uint64_t key, float value)
{
    if (!key)
        key = 1; /* 0 marks an empty slot */
    size_t i = table_slot(t, key);
    if (!t->keys[i]) {
        t->keys[i] = key;
        t->count++;
    }
    if (t->values)
        t->values[i] = value;
}

static int build_lexicon(table *t)
{
    static const struct {
        fl_wordlist list;
        uint32_t bit;
    } lists[] = {{WL_PRONOUN, LEX_PRONOUN}, {WL_DETERMINER, LEX_DETERMINER}, {WL_AUX, LEX_AUX},
                 {WL_ADVERB, LEX_ADVERB}, {WL_PREPOSITION, LEX_PREPOSITION}};
    size_t n = fl_cue_form_count();
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
        const char **words;
        n += fl_cue_table_dump((int)lists[l].list, &words);
    }
    if (!table_init(t, n, 1))
        return 0;
    /* values are u32 bit sets kept in the float slots' bits */
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
        const char **words;
        size_t k = fl_cue_table_dump((int)lists[l].list, &words);
        for (size_t i = 0; i < k; i++) {
            uint64_t h = fl_attrib_word_hash(words[i], strlen(words[i]));
            uint32_t bits = fl_attrib_model_lexicon_raw(t, h) | lists[l].bit;
            float f;
            memcpy(&f, &bits, 4);
            table_put(t, h, f);
        }
    }
    for (size_t i = 0; i < fl_cue_form_count(); i++) {
        const char *w = fl_cue_form(i);
        uint64_t h = fl_attrib_word_hash(w, strlen(w));
        uint32_t bits = fl_attrib_model_lexicon_raw(t, h) | ((uint32_t)fl_cue_verb(w, strlen(w)) << 8);
        float f;
        memcpy(&f, &bits, 4);
        table_put(t, h, f);
    }
    return 1;
}

uint32_t fl_attrib_model_lexicon_raw(const void *lexicon, uint64_t word_hash)
{
    const table *t = lexicon;
    if (!word_hash)
        word_hash = 1;
    size_t slot = table_slot(t, word_hash);
    if (!t->keys[slot])
        return 0;
    uint32_t bits;
    memcpy(&bits, &t->values[slot], 4);
    return bits;
}

uint32_t fl_attrib_model_lexicon(const fl_attrib_model *m, uint64_t word_hash)
{
    return fl_attrib_model_lexicon_raw(&m->lexicon, word_hash);
}

fl_attrib_model *fl_attrib_model_build(const uint64_t *keys, const float *weights, size_t n,
                                       const uint64_t *candidates, size_t ncand)
{
    fl_attrib_model *m = calloc(1, sizeof *m);
    if (!m || !table_init(&m->features, n, 1) || !table_init(&m->candidates, ncand, 0) ||
        !build_lexicon(&m->lexicon)) {
        fl_attrib_model_free(m);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        table_put(&m->features, keys[i], weights[i]);
    m->packed_mask = m->features.mask;
    if (!(m->packed = calloc(m->packed_mask + 1, sizeof *m->packed))) {
        fl_attrib_model_free(m);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        uint64_t k = keys[i] ? keys[i] : 1;
        size_t j = (size_t)mix(k) & m->packed_mask;
        while (m->packed[j].check)
            j = (j + 1) & m->packed_mask;
        m->packed[j].check = packed_check(k);
        m->packed[j].weight = weights[i];
    }
    for (size_t i = 0; i < ncand; i++)
        table_put(&m->candidates, candidates[i], 0);
    size_t slot = table_slot(&m->features, ATTRIB_RELATION_MARKER);
    if (m->features.keys[slot]) {
        m->relation_mode = ATTRIB_RELATION_SCORE;
        m->propose_margin = m->features.values[slot];
    }
    return m;
}

int fl_attrib_model_relation_mode(const fl_attrib_model *m) { return m->relation_mode; }
float fl_attrib_model_propose_margin(const fl_attrib_model *m) { return m->propose_margin; }

void fl_attrib_model_set_collect(fl_attrib_model *m, float propose_margin)
{
    m->relation_mode = ATTRIB_RELATION_COLLECT;
    m->propose_margin = propose_margin;
}

void fl_attrib_model_free(fl_attrib_model *m)
{
    if (!m)
        return;
    table_free(&m->features);
    table_free(&m->candidates);
    table_free(&m->lexicon);
    free(m->packed);
    free(m);
}

size_t fl_attrib_model_feature_count(const fl_attrib_model *m) { return m->features.count; }
size_t fl_attrib_model_candidate_count(const fl_attrib_model *m) { return m->candidates.count; }

int fl_attrib_model_candidate(const fl_attrib_model *m, uint64_t word_hash)
{
    if (!word_hash)
        word_hash = 1;
    return m->candidates.keys[table_slot(&m->candidates, word_hash)] != 0;
}

float fl_attrib_model_score(const fl_attrib_model *m, const uint64_t *feats, size_t n)
{
    size_t slot[ATTRIB_MAX_RELATION_FEATURES];
    uint32_t check[ATTRIB_MAX_RELATION_FEATURES];
    if (n > ATTRIB_MAX_RELATION_FEATURES)
        n = ATTRIB_MAX_RELATION_FEATURES;
    for (size_t i = 0; i < n; i++) {
        uint64_t k = feats[i] ? feats[i] : 1;
        slot[i] = (size_t)mix(k) & m->packed_mask;
        check[i] = packed_check(k);
        __builtin_prefetch(&m->packed[slot[i]]);
    }
    float s = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = slot[i];
        while (m->packed[j].check && m->packed[j].check != check[i])
            j = (j + 1) & m->packed_mask;
        if (m->packed[j].check)
            s += m->packed[j].weight;
    }
    return s;
}

uint64_t fl_attrib_word_hash(const char *s, size_t len) { return fl_word_hash(s, len); }

uint64_t fl_attrib_stem_hash(const char *s, size_t len)
{
    char b[32];
    if (len < 4 || len >= sizeof b)
        return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x80)
            return 0; /* ASCII words only: the suffixes below are English */
        b[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    size_t n = len;
    if (n > 5 && !memcmp(b + n - 3, "ies", 3)) {
        n -= 2;
        b[n - 1] = 'y';
    } else if (n > 5 && !memcmp(b + n - 3, "ied", 3)) {
        n -= 2;
        b[n - 1] = 'y';
    } else if (n > 5 && !memcmp(b + n - 3, "ing", 3)) {
        n -= 3;
    } else if (n > 4 && !memcmp(b + n - 2, "ed", 2)) {
        n -= 2;
    } else if (n > 4 && !memcmp(b + n - 2, "es", 2)) {
        n -= 2;
    } else if (b[n - 1] == 's' && b[n - 2] != 's') {
        n -= 1;
    }
    if (n > 3 && b[n - 1] == 'e')
        n--; /* "like", "liked", "likes" -> "lik" */
    if (n > 3 && b[n - 1] == b[n - 2] && b[n - 1] != 'l' && b[n - 1] != 's')
        n--; /* "planned" -> "plan" */
    /* salted: a stem never meets a word of the same spelling in the table */
    return fl_attrib_combine(fl_word_hash(b, n), UINT64_C(0x5354454D)) | 1u; /* "STEM" */
}

/* ---- file format ---------------------------------------------------------- */

static void put_u32(unsigned char *b, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        b[i] = (unsigned char)(v >> (8 * i));
}

static void put_u64(unsigned char *b, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get_u32(const unsigned char *b)
{
    uint32_t v = 0;
    for (int i = 3; i >= 0; i--)
        v = (v << 8) | b[i];
    return v;
}

static uint64_t get_u64(const unsigned char *b)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | b[i];
    return v;
}

fl_status fl_attrib_model_save(const fl_attrib_model *m, const char *path, char *err, size_t err_size)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        snprintf(err, err_size, "cannot write %s: %s", path, strerror(errno));
        return FL_ERR_IO;
    }
    unsigned char b[12];
    int ok = fwrite(file_magic, 1, 8, f) == 8;
    put_u32(b, (uint32_t)m->features.count);
    put_u32(b + 4, (uint32_t)m->candidates.count);
    ok = ok && fwrite(b, 1, 8, f) == 8;
    /* in slot order, which is deterministic for the same keys inserted in the same order */
    for (size_t i = 0; ok && i <= m->features.mask; i++)
        if (m->features.keys[i]) {
            put_u64(b, m->features.keys[i]);
            ok = fwrite(b, 1, 8, f) == 8;
        }
    for (size_t i = 0; ok && i <= m->features.mask; i++)
        if (m->features.keys[i]) {
            uint32_t bits;
            memcpy(&bits, &m->features.values[i], 4);
            put_u32(b, bits);
            ok = fwrite(b, 1, 4, f) == 4;
        }
    for (size_t i = 0; ok && i <= m->candidates.mask; i++)
        if (m->candidates.keys[i]) {
            put_u64(b, m->candidates.keys[i]);
            ok = fwrite(b, 1, 8, f) == 8;
        }
    ok = ok && fwrite(file_end, 1, 8, f) == 8;
    if (fclose(f) != 0)
        ok = 0;
    if (!ok) {
        snprintf(err, err_size, "cannot write %s: %s", path, strerror(errno));
        return FL_ERR_IO;
    }
    return FL_OK;
}

fl_attrib_model *fl_attrib_model_load(const char *path, char *err, size_t err_size)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, err_size, "cannot open %s: %s", path, strerror(errno));
        return NULL;
    }
    unsigned char *buf = NULL;
    long size = -1;
    if (fseek(f, 0, SEEK_END) == 0)
        size = ftell(f);
    if (size >= 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)size + 1)) &&
        fread(buf, 1, (size_t)size, f) != (size_t)size) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (!buf) {
        snprintf(err, err_size, "cannot read %s", path);
        return NULL;
    }
    fl_attrib_model *m = NULL;
    size_t n = (size_t)size;
    if (memcmp(buf, file_magic, n < 8 ? n : 8) != 0) {
        snprintf(err, err_size, "%s: not an attribution model (bad magic at byte 0)", path);
        goto done;
    }
    if (n < 24) { /* magic, two counts and the end mark */
        snprintf(err, err_size, "%s: truncated (%zu bytes, shorter than the 24-byte header and end mark)", path, n);
        goto done;
    }
    size_t nf = get_u32(buf + 8), nc = get_u32(buf + 12);
    size_t need = 16 + nf * 12 + nc * 8 + 8;
    if (nf > n || nc > n || need != n || memcmp(buf + n - 8, file_end, 8) != 0) {
        snprintf(err, err_size, "%s: truncated or corrupt (%zu bytes, header says %zu)", path, n, need);
        goto done;
    }
    uint64_t *keys = malloc((nf + 1) * sizeof *keys);
    float *weights = malloc((nf + 1) * sizeof *weights);
    uint64_t *cands = malloc((nc + 1) * sizeof *cands);
    if (keys && weights && cands) {
        const unsigned char *p = buf + 16;
        for (size_t i = 0; i < nf; i++)
            keys[i] = get_u64(p + 8 * i);
        p += 8 * nf;
        for (size_t i = 0; i < nf; i++) {
            uint32_t bits = get_u32(p + 4 * i);
            memcpy(&weights[i], &bits, 4);
        }
        p += 4 * nf;
        for (size_t i = 0; i < nc; i++)
            cands[i] = get_u64(p + 8 * i);
        for (size_t i = 0; i < nf; i++) {
            /* the marker's value is the proposal margin: a score threshold, so
             * a finite number of a score's size (the trainer writes 2) */
            int marker = keys[i] == ATTRIB_RELATION_MARKER;
            if (!isfinite(weights[i]) || (marker && !(weights[i] >= 0 && weights[i] <= 100))) {
                snprintf(err, err_size, "%s: corrupt: %s %g at byte %zu is not %s", path,
                         marker ? "relation margin" : "weight", (double)weights[i], 16 + 8 * nf + 4 * i,
                         marker ? "0..100" : "finite");
                goto bad;
            }
        }
        m = fl_attrib_model_build(keys, weights, nf, cands, nc);
        if (!m)
            snprintf(err, err_size, "%s: out of memory", path);
    } else {
        snprintf(err, err_size, "%s: out of memory", path);
    }
bad:
    free(keys);
    free(weights);
    free(cands);
done:
    free(buf);
    return m;
}
