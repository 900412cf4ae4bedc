/*
 * ner_features.c — the tagger's features for every token of a document.
 * Not for: scoring (ner_model.c) or learning (ner_train.c).
 *
 * Only the words are used (no part-of-speech or chunk tags: real input has
 * none). The features are those that generalise from 1996 Reuters to news of
 * today (Ratinov & Roth 2009, without word clusters):
 *   - the word and its neighbours two either side, lower-cased; word bigrams;
 *   - prefixes and suffixes up to four bytes;
 *   - the word shape (Xx, X.X., d,d) of the word and its neighbours;
 *   - gazetteer matches (countries, cities, regions, leaders) as B/I/L/U
 *     positions of the longest match;
 *   - word classes of the word and its neighbours at three granularities,
 *     learned from unlabeled news (ner_clusters.c);
 *   - true-casing, non-local: in a headline (all caps or title case) or at
 *     a sentence start, capitalisation says little, so the word is given
 *     the case it has in the middle of a sentence elsewhere in the same
 *     document, else its usual case in unlabeled news (the model's casing
 *     lexicon). Shape and case features then use that case, so CoNLL's
 *     upper-case headlines teach the model about title-case ones;
 *   - history, non-local: the types the earlier sentences of the document
 *     gave the same word (fl_ner_history_features; these depend on
 *     predictions, so they are computed while decoding, not here).
 * Every feature is a 64-bit hash of a template id and its values; building
 * them allocates nothing once the work arrays are large enough.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "ner/ner.h"
#include "ner/ner_score.h"
#include "ner/ner_words.h"
#include "text/utf8.h"

#include "ner/ner_templates.h"

#define GROW(field, count)                                                   \
    do {                                                                     \
        void *p_ = realloc(w->field, (count) * sizeof *w->field);           \
        if (!p_)                                                             \
            return 0;                                                        \
        w->field = p_;                                                       \
    } while (0)

static size_t grown(size_t have, size_t need)
{
    size_t cap = have ? have : 256;
    while (cap < need)
        cap *= 2;
    return cap;
}

int fl_ner_work_reserve(fl_ner_work *w, size_t n)
{
    if (n <= w->cap)
        return 1;
    size_t cap = grown(w->cap, n);
    GROW(lower, cap);
    GROW(shape, cap);
    GROW(case_true, cap);
    GROW(case_seen, cap);
    GROW(uncased, cap);
    GROW(case_source, cap);
    GROW(gaz_bits, cap);
    GROW(doc_counts, cap);
    GROW(cluster, cap);
    GROW(casing_lex, cap);
    GROW(type_sums, cap * FL_NER_TYPE_GROUPS * FL_NER_LABELS);
    GROW(type_ptr, cap);
    GROW(word_at, cap);
    GROW(word_id, cap);
    GROW(lower_mix, cap);
    GROW(shape_mix, cap);
    w->cap = cap;
    return 1;
}

int fl_ner_work_reserve_sentence(fl_ner_work *w, size_t n)
{
    if (n <= w->sentence_cap)
        return 1;
    size_t cap = grown(w->sentence_cap, n);
    GROW(scores, cap * FL_NER_LABELS);
    GROW(viterbi, cap * FL_NER_LABELS);
    GROW(back, cap * FL_NER_LABELS);
    w->sentence_cap = cap;
    return 1;
}

/* Letter classes of a character: 0 none, 1 lower, 2 upper, 3 caseless letter, 4 digit. */
static int char_kind(const char *s, size_t len, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    if (c < 0x80) {
        (*i)++;
        if (c >= 'a' && c <= 'z')
            return 1;
        if (c >= 'A' && c <= 'Z')
            return 2;
        if (c >= '0' && c <= '9')
            return 4;
        return 0;
    }
    int32_t cp;
    *i += fl_utf8_decode((const unsigned char *)s + *i, len - *i, &cp);
    int cc = cp < 0 ? FL_CC_OTHER : fl_char_class(cp);
    return cc == FL_CC_LOWER ? 1 : cc == FL_CC_UPPER ? 2 : cc == FL_CC_LETTER || cc == FL_CC_MARK ? 3 : cc == FL_CC_DIGIT ? 4 : 0;
}

/* The case of a written word: FL_CASE_NONE (no cased letter), LOWER, CAP
 * (first letter upper, no other upper), UPPER (two or more letters, all
 * upper) or MIXED (iPhone, McDonald). */
int fl_ner_case_of(const char *s, size_t len)
{
    int upper = 0, lower = 0, first = 0;
    for (size_t i = 0; i < len;) {
        int k = char_kind(s, len, &i);
        if (k == 1)
            lower++;
        else if (k == 2)
            upper++;
        if ((k == 1 || k == 2) && !first)
            first = k;
    }
    if (!upper && !lower)
        return FL_CASE_NONE;
    if (!upper)
        return FL_CASE_LOWER;
    if (!lower)
        return upper >= 2 ? FL_CASE_UPPER : FL_CASE_CAP;
    return first == 2 && upper == 1 ? FL_CASE_CAP : FL_CASE_MIXED;
}

/* Hash of the collapsed shape (runs of one class written once: "Xx", "X.X.",
 * "d,d"), letters cased as `as` says when it is LOWER, CAP or UPPER. */
uint64_t fl_ner_shape_hash(const char *s, size_t len, int as)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    char last = 0;
    int letters = 0;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        int k = char_kind(s, len, &i);
        char c;
        if (k == 1 || k == 2) {
            if (as == FL_CASE_LOWER)
                k = 1;
            else if (as == FL_CASE_UPPER)
                k = 2;
            else if (as == FL_CASE_CAP)
                k = letters == 0 ? 2 : 1;
            letters++;
            c = k == 2 ? 'X' : 'x';
        } else if (k == 3) {
            c = 'l';
        } else if (k == 4) {
            c = 'd';
        } else {
            c = (unsigned char)s[at] < 0x80 ? s[at] : 'o';
        }
        if (c == last)
            continue;
        last = c;
        h ^= (unsigned char)c;
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}

/* Doc-level counts of how a word is written mid-sentence: 8 bits each for
 * lower, capitalised, upper case, saturating. */
static uint32_t counts_add(uint32_t packed, int c)
{
    int shift = c == FL_CASE_LOWER ? 0 : c == FL_CASE_CAP ? 8 : c == FL_CASE_UPPER ? 16 : -1;
    if (shift < 0 || ((packed >> shift) & 0xFF) == 0xFF)
        return packed;
    return packed + (1u << shift);
}

/* The case a word most often has in the counts, or NONE. */
static int counts_case(uint32_t packed)
{
    unsigned lo = packed & 0xFF, cap = (packed >> 8) & 0xFF, up = (packed >> 16) & 0xFF;
    if (!lo && !cap && !up)
        return FL_CASE_NONE;
    if (lo >= cap && lo >= up)
        return FL_CASE_LOWER;
    return cap >= up ? FL_CASE_CAP : FL_CASE_UPPER;
}

/* Marks sentences whose capitals carry no information: all in upper case
 * (CoNLL and wire headlines) or title case (most words of 4+ letters
 * capitalised, at least three of them). */
static void mark_uncased(const fl_ner_token *t, size_t n, fl_ner_work *w)
{
    size_t start = 0;
    for (size_t i = 1; i <= n; i++) {
        if (i < n && !t[i].sentence_start)
            continue;
        unsigned lettered = 0, upper = 0, long_words = 0, long_caps = 0, longest_upper = 0;
        for (size_t j = start; j < i; j++) {
            int c = w->case_seen[j];
            if (c == FL_CASE_NONE)
                continue;
            lettered++;
            if (c == FL_CASE_UPPER) {
                upper++;
                if (t[j].len > longest_upper)
                    longest_upper = t[j].len;
            }
            if (t[j].len >= 4) {
                long_words++;
                if (c != FL_CASE_LOWER)
                    long_caps++;
            }
        }
        int all_caps = lettered && upper * 10 >= lettered * 8 && longest_upper >= 4 && (lettered > 1 || t[start].len >= 4);
        int title = long_words >= 3 && long_caps * 10 >= long_words * 8;
        for (size_t j = start; j < i; j++)
            w->uncased[j] = (uint8_t)(all_caps || title);
        start = i;
    }
}

/* Empties a per-document table for a document of n tokens. Clearing costs
 * its capacity, so a table that one long document grew is shrunk again for
 * shorter ones: it is kept at most twice the size a fresh one would have.
 * The floor is small (64 tokens, 2 KB): with 512 most documents cleared
 * 16 KB twice (under callgrind, where memset's rep stosb counts a byte an
 * instruction, 3% of the extraction's count; far less in time). */
static int table_reset(fl_ner_table *t, size_t n)
{
    size_t want = n < 64 ? 64 : n;
    if (t->slots && t->mask + 1 > 4 * want)
        fl_ner_table_free(t);
    if (!t->slots)
        return fl_ner_table_init(t, want);
    if (t->count) {
        memset(t->slots, 0, (t->mask + 1) * sizeof *t->slots);
        t->count = 0;
    }
    return 1;
}

/* Greedy longest gazetteer matches, left to right, within sentences. */
static void mark_gazetteer(const fl_ner_model *m, const fl_ner_token *t, size_t n, fl_ner_work *w)
{
    memset(w->gaz_bits, 0, n * sizeof *w->gaz_bits);
    if (!m->gazetteer.count)
        return;
    for (size_t i = 0; i < n;) {
        if (w->case_seen[i] == FL_CASE_LOWER || w->case_seen[i] == FL_CASE_NONE) {
            i++;
            continue;
        }
        /* The hashes of the phrases of 1..6 tokens starting here, all
         * computed first so that their table slots (likely cache misses)
         * are fetched together. */
        uint64_t phrase[FL_NER_GAZ_MAX_TOKENS];
        size_t phrases = 0;
        uint64_t h = UINT64_C(0xcbf29ce484222325);
        for (size_t k = 0; k < FL_NER_GAZ_MAX_TOKENS && i + k < n; k++) {
            if (k && t[i + k].sentence_start)
                break;
            if (k) {
                h ^= ' ';
                h *= UINT64_C(0x100000001b3);
            }
            for (size_t b = 0; b < t[i + k].len; b++) {
                unsigned char c = (unsigned char)t[i + k].text[b];
                if (c >= 'A' && c <= 'Z')
                    c = (unsigned char)(c + 32);
                h ^= c;
                h *= UINT64_C(0x100000001b3);
            }
            phrase[phrases++] = fl_ner_mix(h);
#if defined(__GNUC__) || defined(__clang__)
            uint64_t key = phrase[phrases - 1];
            __builtin_prefetch(&m->gazetteer.slots[(size_t)(key ^ (key >> 29)) & m->gazetteer.mask]);
#endif
        }
        size_t best_len = 0;
        uint32_t best_kinds = 0;
        for (size_t k = 0; k < phrases; k++) {
            const uint32_t *kinds = fl_ner_table_find(&m->gazetteer, phrase[k]);
            if (kinds) {
                best_len = k + 1;
                best_kinds = *kinds;
            }
        }
        if (!best_len) {
            i++;
            continue;
        }
        for (int kind = 0; kind < FL_NER_GAZ_KINDS; kind++) {
            if (!(best_kinds & (1u << kind)))
                continue;
            for (size_t k = 0; k < best_len; k++) {
                int part = best_len == 1 ? FL_NER_U : k == 0 ? FL_NER_B : k + 1 == best_len ? FL_NER_L : FL_NER_I;
                w->gaz_bits[i + k] |= (uint16_t)(1u << (4 * kind + part));
            }
        }
        i += best_len;
    }
}

uint64_t fl_ner_phrase_hash(const char *const *words, const size_t *lens, size_t count)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    for (size_t k = 0; k < count; k++) {
        if (k) {
            h ^= ' ';
            h *= UINT64_C(0x100000001b3);
        }
        for (size_t b = 0; b < lens[k]; b++) {
            unsigned char c = (unsigned char)words[k][b];
            if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c + 32);
            h ^= c;
            h *= UINT64_C(0x100000001b3);
        }
    }
    return fl_ner_mix(h);
}

/* Words that may be names: capitalised after true-casing. */
static int history_eligible(const fl_ner_work *w, size_t i)
{
    int c = w->case_true[i];
    return c == FL_CASE_CAP || c == FL_CASE_UPPER || c == FL_CASE_MIXED;
}

int fl_ner_history_values(const fl_ner_work *w, size_t i, unsigned *hist, unsigned *hist_case)
{
    if (!history_eligible(w, i))
        return 0;
    const uint32_t *mask = fl_ner_table_find(&w->history, w->lower[i]);
    unsigned m = mask ? *mask : 0;
    *hist = m;
    *hist_case = m << 4 | (unsigned)w->uncased[i] << 3 | w->case_true[i];
    return 1;
}

unsigned fl_ner_history_features(const fl_ner_work *w, size_t i, uint64_t *out)
{
    unsigned hist, hist_case;
    if (!fl_ner_history_values(w, i, &hist, &hist_case))
        return 0;
    out[0] = feature(T_HIST, hist);
    out[1] = feature(T_HIST_CASE, hist_case);
    return 2;
}

int fl_ner_history_add(fl_ner_work *w, size_t a, size_t b, const uint8_t *labels)
{
    for (size_t i = a; i < b; i++) {
        if (!history_eligible(w, i))
            continue;
        uint32_t bit = labels[i] ? 1u << fl_ner_label_type(labels[i]) : 1u << FL_NER_TYPES;
        uint32_t *mask = fl_ner_table_find(&w->history, w->lower[i]);
        if (mask)
            *mask |= bit;
        else if (!fl_ner_table_put(&w->history, w->lower[i], bit))
            return 0;
    }
    return 1;
}

size_t fl_ner_history_all(uint64_t *out, size_t cap)
{
    size_t n = 0;
    for (uint64_t m = 0; m < 1u << (FL_NER_TYPES + 1); m++) {
        if (n < cap)
            out[n] = feature(T_HIST, m);
        n++;
        for (uint64_t u = 0; u < 2; u++)
            for (uint64_t c = FL_CASE_CAP; c <= FL_CASE_MIXED; c++) {
                if (n < cap)
                    out[n] = feature(T_HIST_CASE, m << 4 | u << 3 | c);
                n++;
            }
    }
    return n;
}

int fl_ner_prepare(const fl_ner_model *m, const fl_ner_token *t, size_t n, fl_ner_work *w)
{
    if (!fl_ner_work_reserve(w, n) || !fl_ner_words_find(m, t, n, w))
        return 0;
    mark_uncased(t, n, w);

    /* How each word is written mid-sentence in this document. */
    fl_ner_table *dw = &w->doc_words;
    if (!table_reset(dw, n))
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (w->uncased[i] || t[i].sentence_start || w->case_seen[i] == FL_CASE_NONE)
            continue;
        /* After an opening quote or a colon a capital may start a sentence. */
        if (i && t[i - 1].len == 1 && (t[i - 1].text[0] == '"' || t[i - 1].text[0] == ':'))
            continue;
        uint32_t *c = fl_ner_table_find(dw, w->lower[i]);
        if (c)
            *c = counts_add(*c, w->case_seen[i]);
        else if (!fl_ner_table_put(dw, w->lower[i], counts_add(0, w->case_seen[i])))
            return 0;
    }

    if (!table_reset(&w->history, n))
        return 0;

    /* True case. */
    uint8_t *source = w->case_source;
    for (size_t i = 0; i < n; i++) {
        const uint32_t *dc = fl_ner_table_find(dw, w->lower[i]);
        w->doc_counts[i] = dc ? *dc : 0;
        int seen = w->case_seen[i];
        int tc = seen, src = 0;
        if ((w->uncased[i] || t[i].sentence_start) && seen != FL_CASE_NONE) {
            int from_doc = counts_case(w->doc_counts[i]);
            int lex = w->casing_lex[i]; /* 7: not in the lexicon */
            if (from_doc != FL_CASE_NONE)
                tc = from_doc, src = 1;
            else if (lex != 7 && lex != FL_CASE_NONE)
                tc = lex, src = 2;
            else
                src = 3;
            if (tc == FL_CASE_MIXED)
                tc = seen;
        }
        w->case_true[i] = (uint8_t)tc;
        source[i] = (uint8_t)src;
        w->shape[i] = tc != seen ? fl_ner_shape_hash(t[i].text, t[i].len, tc) : fl_ner_word_at(w, i)->shape;
    }
    mark_gazetteer(m, t, n, w);
    return 1;
}

unsigned fl_ner_token_features(const fl_ner_model *m, const fl_ner_token *t, size_t n, const fl_ner_work *w, size_t i,
                               uint64_t *f)
{
    static const uint64_t none = 0x5e17; /* the value of a neighbour beyond the sentence */
    const uint8_t *source = w->case_source;
    {
        int has_m1 = i > 0 && !t[i].sentence_start, has_m2 = has_m1 && i > 1 && !t[i - 1].sentence_start;
        int has_p1 = i + 1 < n && !t[i + 1].sentence_start;
        int has_p2 = has_p1 && i + 2 < n && !t[i + 2].sentence_start;
        uint64_t wm1 = has_m1 ? w->lower[i - 1] : none, wp1 = has_p1 ? w->lower[i + 1] : none;
        uint64_t wm2 = has_m2 ? w->lower[i - 2] : none, wp2 = has_p2 ? w->lower[i + 2] : none;
        uint64_t sm1 = has_m1 ? w->shape[i - 1] : none, sp1 = has_p1 ? w->shape[i + 1] : none;
        unsigned k = 0;
        uint64_t w0 = w->lower[i];
        f[k++] = feature(T_BIAS, 0);
        f[k++] = feature(T_W0, w0);
        f[k++] = feature(T_WM1, wm1);
        f[k++] = feature(T_WP1, wp1);
        f[k++] = feature(T_WM2, wm2);
        f[k++] = feature(T_WP2, wp2);
        f[k++] = feature(T_FORM, pair(w0, w->case_true[i]));
        f[k++] = feature(T_W_M1_0, pair(wm1, w0));
        f[k++] = feature(T_W_0_P1, pair(w0, wp1));
        /* Affixes of the lower-cased bytes. */
        {
            uint64_t hp = 0, hs = 0;
            size_t len = t[i].len;
            for (size_t a = 1; a <= 4 && a <= len && len > a; a++) {
                unsigned char c = (unsigned char)t[i].text[a - 1];
                unsigned char d = (unsigned char)t[i].text[len - a];
                hp = hp * 131 + (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
                hs = hs * 131 + (unsigned char)(d >= 'A' && d <= 'Z' ? d + 32 : d);
                f[k++] = feature(T_PREFIX, hp * 8 + a);
                f[k++] = feature(T_SUFFIX, hs * 8 + a);
            }
        }
        uint64_t s0 = w->shape[i];
        f[k++] = feature(T_SH0, s0);
        f[k++] = feature(T_SHM1, sm1);
        f[k++] = feature(T_SHP1, sp1);
        f[k++] = feature(T_SH_M1_0, pair(sm1, s0));
        f[k++] = feature(T_SH_0_P1, pair(s0, sp1));
        f[k++] = feature(T_SH_M1_0_P1, pair(pair(sm1, s0), sp1));
        f[k++] = feature(T_SHM1_W0, pair(sm1, w0));
        f[k++] = feature(T_W0_SHP1, pair(w0, sp1));
        int src = source[i];
        f[k++] = feature(T_CASE, (uint64_t)(w->case_true[i] | w->uncased[i] << 3 | (t[i].sentence_start ? 1 : 0) << 4 | src << 5));
        f[k++] = feature(T_CASE_CTX, (uint64_t)((has_m1 ? w->case_true[i - 1] : 7) << 6 | w->case_true[i] << 3 |
                                                  (has_p1 ? w->case_true[i + 1] : 7)));
        f[k++] = feature(T_W0_CASE_PREV, pair(w0, has_m1 ? w->case_true[i - 1] : 7));
        for (int b = 0; b < 16; b++)
            if (w->gaz_bits[i] & (1u << b))
                f[k++] = feature(T_GAZ, (uint64_t)b);
        f[k++] = feature(T_GAZ_M1, has_m1 ? w->gaz_bits[i - 1] : 0xFFFFF);
        f[k++] = feature(T_GAZ_P1, has_p1 ? w->gaz_bits[i + 1] : 0xFFFFF);
        f[k++] = feature(T_LEX, (uint64_t)w->casing_lex[i] << 3 | w->case_true[i]);
        uint32_t dc = w->doc_counts[i];
        f[k++] = feature(T_DOC, (uint64_t)((dc & 0xFF) != 0) | (uint64_t)(((dc >> 8) & 0xFF) != 0) << 1 |
                                    (uint64_t)(((dc >> 16) & 0xFF) != 0) << 2 | (uint64_t)w->case_seen[i] << 3);
        if (m->clusters.count) {
            /* The finest classes in context; the coarser ones of the word and its neighbours. */
            uint64_t a0 = w->cluster[i], am1 = has_m1 ? w->cluster[i - 1] : 0xFFFFFFFF,
                     ap1 = has_p1 ? w->cluster[i + 1] : 0xFFFFFFFF;
            uint64_t c0 = a0 & 0x7FF, cm1 = am1 & 0x7FF, cp1 = ap1 & 0x7FF;
            f[k++] = feature(T_CL0, c0);
            f[k++] = feature(T_CLM1, cm1);
            f[k++] = feature(T_CLP1, cp1);
            f[k++] = feature(T_CLM2, has_m2 ? w->cluster[i - 2] & 0x7FF : 0xFFFF);
            f[k++] = feature(T_CLP2, has_p2 ? w->cluster[i + 2] & 0x7FF : 0xFFFF);
            f[k++] = feature(T_CL_M1_0, cm1 << 16 | c0);
            f[k++] = feature(T_CL_0_P1, c0 << 16 | cp1);
            f[k++] = feature(T_CL0_CASE, c0 << 4 | w->case_true[i]);
            for (int level = 1; level < 3; level++) {
                uint64_t shift = 11 * (uint64_t)level, lv = (uint64_t)level << 40;
                f[k++] = feature(T_CL0, lv | ((a0 >> shift) & 0x7FF));
                f[k++] = feature(T_CLM1, lv | ((am1 >> shift) & 0x7FF));
                f[k++] = feature(T_CLP1, lv | ((ap1 >> shift) & 0x7FF));
            }
        }
        assert(k <= FL_NER_MAX_FEATURES);
        return k;
    }
}

int fl_ner_features(const fl_ner_model *m, const fl_ner_token *t, size_t n, fl_ner_work *w)
{
    if (!fl_ner_prepare(m, t, n, w))
        return 0;
    if (n > w->feats_cap) {
        size_t cap = grown(w->feats_cap, n);
        GROW(feats, cap * FL_NER_MAX_FEATURES);
        GROW(feat_count, cap);
        w->feats_cap = cap;
    }
    for (size_t i = 0; i < n; i++)
        w->feat_count[i] = (uint16_t)fl_ner_token_features(m, t, n, w, i, w->feats + i * FL_NER_MAX_FEATURES);
    return 1;
}
#undef GROW
