/*
 * ner.h — the named-entity layer's internal interface, shared by the files
 * of src/ner/. The public face (model train/save/load, CoNLL tagging and
 * scoring, the entities of a doc) is section 5.1 of factline.h.
 *
 * The pipeline of one document:
 *   token strings -> ner_features.c (hashed feature ids per token, using the
 *   model's lexicons; the reference) -> ner_score.c (rows of weights added
 *   up: ner_items.c lists a token's rows, ner_words.c keeps what one word
 *   and one pair of words give) -> ner_model.c (Viterbi over BILOU labels)
 *   -> labels -> ner_entities.c (mentions, alias joining).
 * Training (ner_train.c) runs the same feature code over CoNLL documents
 * read by ner_conll.c, with lexicons built by ner_lexicon.c and
 * ner_clusters.c. Not for: the CLI (cli/cmd_ner.c).
 */
#ifndef FL_NER_NER_H
#define FL_NER_NER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "factline.h"

/* ---- Labels ------------------------------------------------------------- */
/*
 * BILOU over the four CoNLL types: label 0 is O, then for type t (0 PER,
 * 1 ORG, 2 LOC, 3 MISC) the labels 1+4t .. 4+4t are B, I, L, U.
 */
enum { FL_NER_TYPES = 4, FL_NER_LABELS = 1 + 4 * FL_NER_TYPES };
enum { FL_NER_B = 0, FL_NER_I = 1, FL_NER_L = 2, FL_NER_U = 3 };

static inline int fl_ner_label(int type, int part) { return 1 + 4 * type + part; }
static inline int fl_ner_label_type(int label) { return label ? (label - 1) / 4 : -1; }
static inline int fl_ner_label_part(int label) { return label ? (label - 1) % 4 : -1; }

/* 1 if label b may follow label a (a == FL_NER_LABELS means the sentence start). */
int fl_ner_transition_allowed(int a, int b);
/* 1 if a sentence may end after label a. */
int fl_ner_may_end(int a);
/* 1 if label y continues an entity (I-* or L-*), so may not start one. */
int fl_ner_label_continues(int y);
/* The labels that may precede label y, in increasing order, into out (room
 * for 9); returns how many. The decoder's form of fl_ner_transition_allowed. */
size_t fl_ner_predecessors(int y, uint8_t *out);

/* ---- Hash tables -------------------------------------------------------- */
/*
 * Open addressing from a 64-bit key (never 0; callers map 0 to 1) to a 32-bit
 * value. Capacity is a power of two at least twice the entry count, so a
 * lookup is one or two probes on average. A key and its value share a
 * 16-byte slot, so a probe of the (megabytes large) feature table costs one
 * cache miss, not two.
 */
typedef struct fl_ner_slot {
    uint64_t key;   /* 0: empty */
    uint32_t value;
} fl_ner_slot;

typedef struct fl_ner_table {
    fl_ner_slot *slots;
    size_t mask;   /* capacity - 1 */
    size_t count;
} fl_ner_table;

int fl_ner_table_init(fl_ner_table *t, size_t expected);
void fl_ner_table_free(fl_ner_table *t);
/* Inserts or overwrites; 0 on out-of-memory (the table grows as needed). */
int fl_ner_table_put(fl_ner_table *t, uint64_t key, uint32_t value);
/* Pointer to the value, or NULL. */
static inline uint32_t *fl_ner_table_find(const fl_ner_table *t, uint64_t key)
{
    if (!t->slots)
        return NULL;
    size_t i = (size_t)(key ^ (key >> 29)) & t->mask;
    for (;;) {
        uint64_t k = t->slots[i].key;
        if (k == key)
            return &t->slots[i].value;
        if (!k)
            return NULL;
        i = (i + 1) & t->mask;
    }
}

/* ---- Hashing of token text --------------------------------------------- */

static inline uint64_t fl_ner_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 33;
    h *= UINT64_C(0xc4ceb9fe1a85ec53);
    h ^= h >> 33;
    return h ? h : 1;
}
/* FNV-1a of the bytes with ASCII letters lower-cased. */
uint64_t fl_ner_hash_lower(const char *s, size_t len);

/* ---- Lexicons ----------------------------------------------------------- */
/*
 * Word classes learned from unlabeled news: how a word (by its lower-case
 * hash) is usually written in the middle of a sentence. Gazetteer phrases:
 * the hash of the lower-case token sequence (tokens joined by one space) to a
 * bit set of FL_NER_GAZ_* kinds.
 */
enum { FL_CASE_NONE = 0, FL_CASE_LOWER, FL_CASE_CAP, FL_CASE_UPPER, FL_CASE_MIXED };
enum {
    FL_NER_GAZ_COUNTRY = 1, FL_NER_GAZ_CITY = 2, FL_NER_GAZ_REGION = 4,
    FL_NER_GAZ_PERSON = 8, FL_NER_GAZ_KINDS = 4
};
enum { FL_NER_GAZ_MAX_TOKENS = 6 };

/* ---- The model ---------------------------------------------------------- */

struct fl_ner_model {
    fl_ner_table features; /* feature hash -> row */
    float *weights;        /* (rows + 1) * FL_NER_LABELS; row `rows` is all zero (fl_ner_weights_alloc) */
    size_t rows;
    float transitions[(FL_NER_LABELS + 1) * FL_NER_LABELS]; /* [prev][label]; prev 17 = start */
    fl_ner_table casing;   /* lower-case word hash -> FL_CASE_* */
    fl_ner_table gazetteer;/* phrase hash -> FL_NER_GAZ_* bits */
    fl_ner_table clusters; /* lower-case word hash -> word class + 1 (ner_clusters.c) */
    uint64_t version;      /* unique to this model and the current weights (fl_ner_model_changed) */
};

/* Gives the model a new version number, unique in the process: to be called
 * whenever its weights or tables change after fl_ner_model_alloc, since
 * tagging caches sums of weights per model version (ner_score.c). */
void fl_ner_model_changed(fl_ner_model *m);

/* Zeroed weights for `rows` rows plus the zero row that stands for a
 * feature the model lacks (so scoring adds it instead of testing for it);
 * NULL on out-of-memory. */
float *fl_ner_weights_alloc(size_t rows);

/* An empty model with empty tables; NULL on out-of-memory. */
fl_ner_model *fl_ner_model_alloc(void);

/* ---- Documents for tagging and training --------------------------------- */

typedef struct fl_ner_type_cache fl_ner_type_cache;
struct fl_ner_word_cache;

/* One token as the tagger sees it: its text, and whether a sentence starts here. */
typedef struct fl_ner_token {
    const char *text;
    uint32_t len;
    uint32_t sentence_start; /* 1 on the first token of a sentence */
} fl_ner_token;

/* Scratch space for tagging one document; grows, never shrinks, reused
 * across documents so tagging allocates nothing once warm. */
typedef struct fl_ner_work {
    /* Per token of the document (about 30 bytes a token). */
    size_t cap;             /* tokens the per-token arrays hold */
    uint64_t *lower;        /* per token: hash of the lower-cased text */
    uint64_t *shape;        /* per token: hash of the (true-cased) shape */
    uint8_t *case_true;     /* per token: FL_CASE_* after true-casing */
    uint8_t *case_seen;     /* per token: FL_CASE_* as written */
    uint8_t *case_source;   /* per token: where case_true came from: 0 as written, 1 document, 2 lexicon, 3 unknown */
    uint8_t *uncased;       /* per token: its sentence is all caps or title case */
    uint16_t *gaz_bits;     /* per token: bit 4*kind+part, part B I L U of a gazetteer match */
    uint32_t *doc_counts;   /* per token: packed doc-level casing counts */
    uint32_t *cluster;      /* per token: its word class (model's clusters), 0 if none */
    uint8_t *casing_lex;    /* per token: its FL_CASE_* in the model's casing lexicon, 7 if absent */
    float *type_sums;       /* per token: its word type's row sums (ner_score.h), FL_NER_TYPE_GROUPS x labels,
                             * for a token not written in its true case (the others' are in the word cache) */
    const float **type_ptr; /* per token: where its word type's row sums are (fl_ner_type_rows) */
    uint32_t *word_at;      /* per token: its word cache entry (ner_words.h) */
    uint32_t *word_id;      /* per token: its bigram cache id, 0 if none (fl_ner_type_rows) */
    uint64_t *lower_mix;    /* per token: fl_ner_mix(lower), fl_ner_mix(shape) (for tagging) */
    uint64_t *shape_mix;
    struct fl_ner_type_cache *type_cache; /* word type -> rows, kept across documents (ner_score.c) */
    struct fl_ner_word_cache *word_cache; /* written word -> what it alone gives, kept across documents (ner_words.c) */
    /* Per token of one sentence: decoding works sentence by sentence. */
    size_t sentence_cap;
    float *scores;          /* emission scores, tokens x labels */
    float *viterbi;         /* tokens x labels */
    uint8_t *back;          /* tokens x labels */
    /* Training only (fl_ner_features): every token's features. */
    size_t feats_cap;
    uint64_t *feats;        /* FL_NER_MAX_FEATURES per token */
    uint16_t *feat_count;
    fl_ner_table doc_words; /* lower hash -> packed casing counts, per document */
    fl_ner_table history;   /* lower hash -> types predicted so far in the document (bits) */
} fl_ner_work;

enum { FL_NER_MAX_FEATURES = 64 };

void fl_ner_work_init(fl_ner_work *w);
/* Makes room for a document of n tokens / a sentence of n tokens; 0 on
 * out-of-memory. */
int fl_ner_work_reserve(fl_ner_work *w, size_t n);
int fl_ner_work_reserve_sentence(fl_ner_work *w, size_t n);
void fl_ner_work_free(fl_ner_work *w);

/* Computes what the features of a document's tokens need (case, shape,
 * gazetteer matches, document-level counts) into w. 0 on out-of-memory. */
int fl_ner_prepare(const fl_ner_model *m, const fl_ner_token *tokens, size_t n, fl_ner_work *w);
/* Writes the hashed features of token i (after fl_ner_prepare) to out,
 * which has room for FL_NER_MAX_FEATURES; returns how many. */
unsigned fl_ner_token_features(const fl_ner_model *m, const fl_ner_token *tokens, size_t n, const fl_ner_work *w,
                               size_t i, uint64_t *out);
/* For training: prepares and computes every token's features into w->feats
 * (token i's at i * FL_NER_MAX_FEATURES, w->feat_count[i] of them). */
int fl_ner_features(const fl_ner_model *m, const fl_ner_token *tokens, size_t n, fl_ner_work *w);

/* The history features of token i (extended prediction history, Ratinov &
 * Roth 2009): which types the earlier sentences of the document gave the
 * same word. Only capitalised words have them. Writes up to
 * FL_NER_HISTORY_FEATURES hashes; returns how many. */
enum { FL_NER_HISTORY_FEATURES = 2 };
unsigned fl_ner_history_features(const fl_ner_work *w, size_t i, uint64_t *out);
/* The values those two features hash (the types mask, and it with the
 * case), or 0 if token i has none. */
int fl_ner_history_values(const fl_ner_work *w, size_t i, unsigned *hist, unsigned *hist_case);
/* Records the labels given to tokens [a, b) in the history. 0 on out-of-memory. */
int fl_ner_history_add(fl_ner_work *w, size_t a, size_t b, const uint8_t *labels);
/* All history feature hashes that can occur, for training (count returned). */
size_t fl_ner_history_all(uint64_t *out, size_t cap);

/* Tags one document: labels[i] gets a BILOU label per token, decoded per
 * sentence with Viterbi. Returns 0 on out-of-memory. */
int fl_ner_tag(const fl_ner_model *m, const fl_ner_token *tokens, size_t n, fl_ner_work *w, uint8_t *labels);

/* Viterbi over tokens [a, b) whose emission scores are in w->scores (row i
 * per token). Writes labels[a..b). */
void fl_ner_viterbi(const float *transitions, fl_ner_work *w, size_t a, size_t b, uint8_t *labels);

/* ---- CoNLL data --------------------------------------------------------- */

/* A CoNLL-2003 file in memory: every line (to write it back with a column
 * appended), the tokens (word column only; POS and chunk columns are never
 * used), gold tags as BILOU labels, documents and sentences. */
typedef struct fl_conll {
    char *data;             /* the file's bytes, lines NUL-terminated in place */
    char **lines;           /* every line, without its newline */
    int32_t *line_token;    /* per line: its token index, or -1 (blank, -DOCSTART-) */
    size_t line_count;
    fl_ner_token *tokens;
    uint8_t *gold;          /* BILOU label per token (O when there is no tag column) */
    size_t count;
    size_t *doc_start;      /* first token of each document; doc_count + 1 entries */
    size_t doc_count;
    int has_gold;           /* the last column holds tags */
} fl_conll;

/* Reads a CoNLL file ("-" is standard input). On a malformed line returns
 * FL_ERR_FORMAT with "FILE:LINE: what is wrong" in err. */
fl_status fl_conll_read(const char *path, fl_conll *c, char *err, size_t err_size);
void fl_conll_free(fl_conll *c);

/* fl_ner_tag_conll, also measuring the tagging alone (features and
 * decoding, not reading or writing): with timing, the tagging is repeated
 * until at least a second has passed, for a stable tokens-per-second figure. */
typedef struct fl_ner_timing {
    uint64_t tokens;
    double seconds;
} fl_ner_timing;
fl_status fl_ner_tag_conll_timed(const fl_ner_model *m, const char *path, FILE *out, fl_ner_timing *timing,
                                 char *err, size_t err_size);

/* The model file used by default: $FACTLINE_MODELS/ner.model, else
 * models/ner.model of the source tree. Returns buf. */
const char *fl_ner_default_model_path(char *buf, size_t size);

/* Adds the entity chunks of gold and predicted BILOU labels of one
 * sentence to a score (exact span and type match, as conlleval counts). */
void fl_ner_score_add(fl_ner_score *s, const uint8_t *gold, const uint8_t *pred, size_t n);

/* Name of a type: "PER", "ORG", "LOC", "MISC". */
const char *fl_ner_type_name(int type);

/* The case of a written word (FL_CASE_*). */
int fl_ner_case_of(const char *s, size_t len);
/* Hash of a phrase as the gazetteer stores it: lower-cased words joined by one space. */
uint64_t fl_ner_phrase_hash(const char *const *words, const size_t *lens, size_t count);

/* ---- Per-document results in fl_doc ------------------------------------- */

typedef struct fl_ner_doc fl_ner_doc;
void fl_ner_doc_free(fl_ner_doc *d);
/* Forgets the previous article's entities (the arrays are kept). */
void fl_ner_doc_clear(fl_ner_doc *d);
/* Tags the doc's tokens and joins aliases; results stay in doc->ner. */
fl_status fl_ner_run(const fl_ner_model *m, fl_doc *doc);

/* A memo for other layers, per distinct written word: a layer that asks
 * the same question of every token (is it in my lexicon?) can keep the
 * answer with the word in the NER word cache (ner_words.c) and ask once
 * per word. The int32 of token `token` for question `which`, starting as
 * FL_NER_MEMO_UNSET; NULL when NER has not run on the doc since it was
 * analysed. The answer must depend on the token's bytes alone. */
enum { FL_NER_MEMO_FIGURES, FL_NER_MEMO_TIME, FL_NER_WORD_MEMOS };
#define FL_NER_MEMO_UNSET INT32_MIN
int32_t *fl_ner_word_memo(const fl_doc *doc, size_t token, int which);

#endif
