/*
 * attrib_internal.h — what the attribution files of src/quote share: the
 * relation scorer of the PolNeAR detector (attrib_relation.c), the feature
 * helpers it shares with the token detector (attrib_learned.c), and the
 * source rules both the table's cues (attrib.c) and the detector's use.
 */
#ifndef FL_QUOTE_ATTRIB_INTERNAL_H
#define FL_QUOTE_ATTRIB_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "quote/attrib_model.h"
#include "quote/quote_internal.h"

/* attrib_learned.c: the hashing and the word and class views the token
 * features use, so both passes see a word the same way. */
uint64_t fl_attrib_combine(uint64_t a, uint64_t b);
uint64_t fl_attrib_word_at(const qctx *c, int64_t i, uint32_t sb, uint32_t se);
uint64_t fl_attrib_class_at(const qctx *c, int64_t i, uint32_t sb, uint32_t se);

/* attrib.c: where a subject ends before a time phrase that sits between it
 * and its cue ("Beck last week said", "X, the GOP chairman, this past week
 * announced", "Trump on Thursday said"); k itself when there is none. */
/* attrib.c: the end of a content that runs from `from` to the sentence's end
 * se, without its final full stop, "!" or "?". */
uint32_t fl_attrib_content_end(const qctx *c, uint32_t se, uint32_t from);
/* attrib.c: token i is a time word in such a phrase (see attrib.c); [lo, hi)
 * bounds the search. */
int fl_attrib_time_filler(const qctx *c, uint32_t i, uint32_t lo, uint32_t hi);
uint32_t fl_attrib_skip_time_left(const qctx *c, uint32_t sb, uint32_t k);
/* Where the content starts after a time phrase that follows the cue ("said
 * Thursday that", "denounced on Monday the plan"); k when there is none. */
uint32_t fl_attrib_skip_time_right(const qctx *c, uint32_t k, uint32_t se);

/* The features of attribution k of the layer (rule, quote or learned) as
 * one relation: its cue's words and token score, the kind and place of its
 * source, the side, start and length of its content, and whether it sits in
 * another attribution's content, and the cue word's own token features. At most
 * ATTRIB_MAX_RELATION_FEATURES. Call after
 * fl_attrib_prepare. */
size_t fl_attrib_relation_features(qctx *c, const fl_attrib_model *m, size_t k, uint64_t *out);

/* The key of the relation scorer's bias feature: the trainer adds the
 * chosen threshold to its weight, so that the model keeps a relation when
 * its score is > 0. */
uint64_t fl_attrib_relation_bias_key(void);

/* attrib_extra.c: PolNeAR relations of fixed shapes the detector cannot
 * propose (transcript labels, polls) and no source for the rules' "it
 * seems"; appended to the layer's attributions (0: out of memory). */
int fl_attrib_extra(qctx *c);

/* Marks vetoed every attribution the relation scorer scores <= 0. */
void fl_attrib_relation_vet(qctx *c, const fl_attrib_model *m);

#endif
