/*
 * tokenizer.h — news English tokenizer (see tokenizer.c for the method).
 */
#ifndef FL_TEXT_TOKENIZER_H
#define FL_TEXT_TOKENIZER_H

#include <stdlib.h>
#include "factline.h"

/* A growable array of tokens; reused across articles. */
typedef struct fl_token_array {
    fl_token *tokens;
    size_t count, cap;
} fl_token_array;

/* Appends the tokens of text[start, end) (one paragraph) to out. Returns 0
 * on out-of-memory. */
int fl_tokenize(const char *text, size_t start, size_t end, fl_token_array *out);

/* Appends sentences for the tokens [tok_begin, tok_end) of one paragraph.
 * Returns 0 on out-of-memory. */
typedef struct fl_sentence_array {
    fl_sentence *sentences;
    size_t count, cap;
} fl_sentence_array;
int fl_split_sentences(const char *text, const fl_token *tokens, size_t tok_begin, size_t tok_end,
                       uint32_t paragraph, fl_sentence_array *out);

#endif
