/*
 * doc.h — the analysed article (internal view of fl_doc).
 *
 * The extraction layers (entities, quotes, figures, times) read the token,
 * sentence and paragraph arrays from here and add their own results as they
 * land. Every array is reused across articles: capacity only grows, so a
 * stream allocates nothing per article once warm.
 */
#ifndef FL_TEXT_DOC_H
#define FL_TEXT_DOC_H

#include "factline.h"
#include "text/tokenizer.h"
#include "time/times.h"

typedef struct fl_paragraph_array {
    fl_paragraph *paragraphs;
    size_t count, cap;
} fl_paragraph_array;

struct fl_quote_layer; /* quotes and attributions: src/quote/quote_internal.h */
typedef struct fl_figure_array {
    fl_figure *figures;
    size_t count, cap;
} fl_figure_array;

struct fl_doc {
    const fl_article *article; /* NULL for fl_doc_analyze_text */
    const char *text;
    size_t len;
    fl_time_layer times;       /* time expressions (src/time) */
    fl_token_array tokens;
    fl_sentence_array sentences;
    fl_paragraph_array paragraphs;
    struct fl_ner_doc *ner;        /* entities (src/ner/ner_entities.c); NULL until fl_extract */
    struct fl_quote_layer *quote_layer; /* NULL until fl_extract runs */
    fl_figure_array figures; /* figure layer (src/figure) */
};

#endif
