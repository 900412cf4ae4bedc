/*
 * quote_json.h — the "quotes" and "attributions" arrays of `factline
 * extract` (schema in docs/schema.md). Not for: the rest of the article
 * object (output/article_json.c).
 */
#ifndef FL_QUOTE_JSON_H
#define FL_QUOTE_JSON_H

#include "factline.h"

void fl_quotes_write_json(const fl_doc *doc, fl_buffer *b);
void fl_attributions_write_json(const fl_doc *doc, fl_buffer *b);

#endif
