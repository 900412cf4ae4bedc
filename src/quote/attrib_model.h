/*
 * attrib_model.h — the learned cue detector of the attribution layer: an
 * averaged perceptron that says, for each word of an article, whether it is
 * part of an attribution cue as PolNeAR annotates cues (any verb, noun or
 * phrase that attributes speech, thought, stance or action: "supports",
 * "referring to", "criticism", "calls for", "in a poll").
 *
 * Why learned: the cue tables of cues.c cover reporting verbs; PolNeAR's
 * cues are a long tail (thousands of word types) that a table written by
 * hand does not reach. The detector only proposes cues; the source and
 * content around a proposed cue come from the same syntax-light rules as the
 * table's cues (attrib_learned.c).
 *
 * Model. Features are 64-bit hashes of (template, words) around the token
 * (attrib_features.c). Only tokens whose lower-cased word was part of a cue
 * at least `min_count` times in training are scored (the candidate set, kept
 * as hashes), or whose stem was (fl_attrib_stem_hash: "favored" when
 * "favor", "favors" were cues), so most tokens cost two probes. A feature maps to one float
 * weight; the score is their sum, a cue when > 0.
 *
 * File (little-endian, floats IEEE-754 binary32):
 *   "FLATTR01"                              8 bytes
 *   u32 features, u32 candidates
 *   u64 feature_keys[features]; f32 weights[features]
 *   u64 candidate_keys[candidates]
 *   "FLATTEND"                              8 bytes
 * No text of the training data is stored, only hashes.
 *
 * The relation scorer. A model may also hold the weights of a second
 * perceptron that judges whole relations (cue, source and content together,
 * attrib_relation.c); its features are hashed under template ids >= 100 in
 * the same table. The key ATTRIB_RELATION_MARKER says it is there; its
 * value is the proposal margin: the detector then proposes every run of
 * tokens scored above -margin, and the relation scorer keeps a relation
 * (rule or learned) when its score is > 0. A model without the marker is
 * used as before: proposals above 0, rule cues vetoed by their token score.
 *
 * Not for: where the source and content are (attrib_learned.c) or reading
 * PolNeAR (polnear.c).
 */
#ifndef FL_QUOTE_ATTRIB_MODEL_H
#define FL_QUOTE_ATTRIB_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "factline.h"

typedef struct fl_attrib_model fl_attrib_model;

enum { ATTRIB_MAX_FEATURES = 40, ATTRIB_MAX_RELATION_FEATURES = 72 };

/* $FACTLINE_MODELS/attrib.model, else the source tree's models/attrib.model. */
const char *fl_attrib_default_model_path(char *buf, size_t size);

/* Loads a model saved by fl_attrib_model_save; NULL with the reason in err. */
fl_attrib_model *fl_attrib_model_load(const char *path, char *err, size_t err_size);
fl_status fl_attrib_model_save(const fl_attrib_model *m, const char *path, char *err, size_t err_size);
void fl_attrib_model_free(fl_attrib_model *m);
size_t fl_attrib_model_feature_count(const fl_attrib_model *m);
size_t fl_attrib_model_candidate_count(const fl_attrib_model *m);

/* The key that marks a relation scorer in the table (its value: the margin). */
#define ATTRIB_RELATION_MARKER UINT64_C(0x52454C4154494F4E) /* "RELATION" */
enum {
    ATTRIB_RELATION_NONE = 0, /* token detector only: rule cues vetoed by their token score */
    ATTRIB_RELATION_SCORE,    /* relations kept when the relation scorer says > 0 */
    ATTRIB_RELATION_COLLECT   /* training: propose with the margin, veto nothing */
};
int fl_attrib_model_relation_mode(const fl_attrib_model *m);
float fl_attrib_model_propose_margin(const fl_attrib_model *m);
/* For the trainer: a token model whose relations are all kept, so that they can be labelled. */
void fl_attrib_model_set_collect(fl_attrib_model *m, float propose_margin);

/* Is the word with this hash (fl_attrib_word_hash) ever a cue word? */
int fl_attrib_model_candidate(const fl_attrib_model *m, uint64_t word_hash);
/* The sum of the weights of feats[0..n). */
float fl_attrib_model_score(const fl_attrib_model *m, const uint64_t *feats, size_t n);

/* The word's entries in the closed lists of cues.c: LEX_* bits, and its
 * CUE_* flags << 8 (0: none of them). */
enum { LEX_PRONOUN = 1, LEX_DETERMINER = 2, LEX_AUX = 4, LEX_ADVERB = 8, LEX_PREPOSITION = 16 };
uint32_t fl_attrib_model_lexicon(const fl_attrib_model *m, uint64_t word_hash);
uint32_t fl_attrib_model_lexicon_raw(const void *lexicon, uint64_t word_hash); /* while building */

/* Hash of a word, lower-cased (ASCII), as the candidate set keys it. */
uint64_t fl_attrib_word_hash(const char *s, size_t len);

/* Hash of a word's crude stem ("favored", "favors", "favoring" -> "favor";
 * lower-cased ASCII, -ies/-ied/-ing/-ed/-es/-s, a final e and a doubled
 * consonant stripped), salted apart from word hashes; 0 for words shorter
 * than 4 bytes or not ASCII. A word is a candidate when it or its stem is in
 * the candidate set: the trainer counts stems as it counts words, so a stem
 * is a candidate only when its forms together are often cues. */
uint64_t fl_attrib_stem_hash(const char *s, size_t len);

/* Builds a model from the trainer's arrays (copied); NULL when out of memory. */
fl_attrib_model *fl_attrib_model_build(const uint64_t *keys, const float *weights, size_t n,
                                       const uint64_t *candidates, size_t ncand);

/* Training (attrib_train.c). The defaults below are what
 * fl_attrib_train_options_defaults sets (and `factline train attrib` uses).
 * fl_attrib_train itself takes a zero epochs, min_count, folds or
 * relation_epochs as its default, but every other field as given: zeroed
 * options mean min_rate 0, prune 0, margin 0 and bias 0. */
typedef struct fl_attrib_train_options {
    const char *train_path; /* PolNeAR JSON lines; the first annotator's set of each article is used */
    int epochs;             /* passes over the data (default 8) */
    int min_count;          /* a word is a candidate when part of >= min_count gold cues (default 2) */
    double min_rate;        /* ... and part of a gold cue in >= min_rate of its occurrences (default 0.05) */
    float prune;            /* features whose averaged weight is within +-prune are dropped (default 1) */
    uint64_t seed;          /* shuffling seed; the same seed gives the same model (default 20261125) */
    size_t first, count;    /* use articles [first, first+count) of the file; count 0: all */
    int verbose;            /* 1: report the data and each epoch's errors on stderr (default 0) */
    int folds;              /* relation scorer: jackknife folds for its training relations (default 5; <0: none) */
    int relation_epochs;    /* passes of the relation perceptron (default 8) */
    float propose_margin;   /* with a relation scorer, tokens scored above -margin are proposed (default 2) */
    float relation_bias;    /* added to the relation scorer's bias: keep relations scored > -bias (default 3) */
} fl_attrib_train_options;

/* Sets *o to the defaults above (train_path NULL). */
void fl_attrib_train_options_defaults(fl_attrib_train_options *o);
fl_attrib_model *fl_attrib_train(const fl_attrib_train_options *opts, char *err, size_t err_size);

#endif
