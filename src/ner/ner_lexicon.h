/*
 * ner_lexicon.h — building the model's lexicons (gazetteer, casing, word
 * classes) at training time, and the data tables of the entity layer
 * (ner_tables.c). Not for: tagging, which reads the lexicons from the model.
 */
#ifndef FL_NER_NER_LEXICON_H
#define FL_NER_NER_LEXICON_H

#include <stddef.h>

#include "ner/ner.h"

/* Adds the gazetteer phrases of data_dir/gazetteers to m->gazetteer. */
int fl_ner_lexicon_gazetteer(fl_ner_model *m, const char *data_dir, char *err, size_t err_size);

/* Counts how words are written mid-sentence (packed 8-bit counters: lower,
 * capitalised, upper, mixed) from CoNLL tokens or the news files. */
struct fl_ner_corpus;
int fl_ner_lexicon_count_text(fl_ner_table *counts, const fl_ner_token *t, size_t n);
/* Also appends the body sentences to the corpus (when not NULL). */
int fl_ner_lexicon_count_news(fl_ner_table *counts, struct fl_ner_corpus *corpus, const char *data_dir, size_t *words,
                              char *err, size_t err_size);

/* Running text for the word clusters (ner_clusters.c). */
typedef struct fl_ner_corpus fl_ner_corpus;
fl_ner_corpus *fl_ner_corpus_new(void);
void fl_ner_corpus_free(fl_ner_corpus *c);
int fl_ner_corpus_add(fl_ner_corpus *c, const char *word, size_t len);
int fl_ner_corpus_end_sentence(fl_ner_corpus *c);
size_t fl_ner_corpus_length(const fl_ner_corpus *c);

/* Learns `classes` word classes (at most 2047) from the corpus (words seen
 * min_count times) into m->clusters: lower-case hash -> (class + 1) << shift,
 * or-ed into what is there. */
int fl_ner_clusters(fl_ner_model *m, const fl_ner_corpus *c, unsigned classes, unsigned shift, unsigned min_count,
                    int iterations, void (*progress)(const char *line, void *user), void *user);

/* Stores each counted word's usual case in m->casing (words seen at least
 * min_count times). */
int fl_ner_lexicon_casing(fl_ner_model *m, const fl_ner_table *counts, unsigned min_count);

/* ---- Data tables (ner_tables.c) ---- */

/* The i-th country variant spelling ("US", "U.S.", "United States", ...), or NULL past the end. */
const char *fl_ner_country_variant(size_t i);

/* The canonical country (or union) for a spelling (exact match), e.g.
 * "U.S." -> "United States", with its type in *type (fl_entity_type; may
 * be NULL); NULL if it is not a listed variant. */
const char *fl_ner_country_canonical(const char *s, size_t len, int *type);

/* 1 if the word (exact case) is a title or role word stripped from the front
 * of a person's name: "President", "Secretary", "Minister", "Dr.", ... */
int fl_ner_title_word(const char *s, size_t len);

/* 1 if the word may join title words ("of", "State", "Defense", "Foreign",
 * "Prime") when it follows a title word: "Secretary of State". */
int fl_ner_title_connector(const char *s, size_t len);

/* The tables themselves, for the test that checks they are sorted:
 * which = 0 title words, 1 title connectors. */
size_t fl_ner_table_dump(int which, const char *const **words);

#endif
