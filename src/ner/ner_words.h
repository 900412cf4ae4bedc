/*
 * ner_words.h — the word cache (ner_words.c): what the tagger derives from
 * one written word alone, found once per distinct word rather than once per
 * token. Internal to src/ner/.
 */
#ifndef FL_NER_WORDS_H
#define FL_NER_WORDS_H

#include "ner/ner.h"
#include "ner/ner_score.h"

enum { FL_NER_WORD_SUMS = FL_NER_TYPE_GROUPS * FL_NER_LABELS };

/* One written word (exact bytes). Everything here is a function of those
 * bytes and the model: the fields fl_ner_prepare fills per token, and the
 * group sums of the word's type rows when it keeps its written case
 * (filled by fl_ner_type_rows on first use). */
/* Words longer than 8 bytes are matched by their bytes too (their key is a
 * hash, and a colliding word can be made on purpose); words longer than this
 * are never matched, so each occurrence is filled afresh. */
enum { FL_NER_WORD_BYTES = 32 };

typedef struct fl_ner_word {
    uint64_t key;        /* hash of the exact bytes (word_key, ner_words.c) */
    uint32_t len;        /* byte length + 1; 0: empty slot */
    uint32_t stamp;      /* the last document that used it (not evicted while that one is tagged) */
    uint32_t serial;     /* unique to this filling of the entry (>= 2): its bigram cache id */
    uint64_t lower, lower_mix;  /* fl_ner_mix(hash of the lower-cased bytes), and its fl_ner_mix */
    uint64_t shape, shape_mix;  /* shape as written (shape_hash with FL_CASE_NONE), and its fl_ner_mix */
    uint32_t cluster;    /* word class from the model, 0 if none */
    uint8_t case_seen;   /* FL_CASE_* as written */
    uint8_t casing_lex;  /* FL_CASE_* in the model's casing lexicon, 7 if absent */
    uint8_t sums_ready;  /* sums hold the type's group sums for case_true == case_seen */
    int32_t memo[FL_NER_WORD_MEMOS]; /* other layers' answers for this word (fl_ner_word_memo) */
    float sums[FL_NER_WORD_SUMS];
    char bytes[FL_NER_WORD_BYTES]; /* the word when 8 < len <= FL_NER_WORD_BYTES */
} fl_ner_word;

/* Finds or fills the entries of tokens [0, n) for one document: w->word_at[i]
 * gets token i's entry (fl_ner_word_at), the per-token arrays lower,
 * case_seen, cluster, casing_lex get its fields. Entries used by this
 * document stay put until the next call. 0 on out-of-memory. */
int fl_ner_words_find(const fl_ner_model *m, const fl_ner_token *t, size_t n, fl_ner_work *w);

/* Token i's entry (after fl_ner_words_find). */
fl_ner_word *fl_ner_word_at(const fl_ner_work *w, size_t i);

/* The shape hash of a word written with case `as` (FL_CASE_LOWER, CAP or
 * UPPER), or as written (FL_CASE_NONE). Defined in ner_features.c. */
uint64_t fl_ner_shape_hash(const char *s, size_t len, int as);

void fl_ner_word_cache_free(struct fl_ner_word_cache *c);

#endif
