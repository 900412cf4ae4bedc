/*
 * article_json.c — one analysed article as one JSON Lines object, the output
 * of `factline extract`. The schema is documented in docs/schema.md; keep the
 * two in step. Not for: JSON escaping (json.c).
 */
#include <stdio.h>

#include "figure/figure.h"
#include "output/json.h"
#include "quote/quote_json.h"
#include "text/doc.h"
#include "time/times.h"

static void write_span(fl_buffer *b, uint32_t start, uint32_t end)
{
    fl_buffer_append_char(b, '[');
    fl_json_uint(b, start);
    fl_buffer_append_char(b, ',');
    fl_json_uint(b, end);
    fl_buffer_append_char(b, ']');
}

/* "times": [{"text", "span", "type", "value"[, "mod"]}] (docs/schema.md, ## times) */
static void write_times(const fl_doc *doc, fl_buffer *b)
{
    fl_buffer_append_char(b, '[');
    for (size_t i = 0; i < doc->times.count; i++) {
        const fl_time *t = &doc->times.times[i];
        if (i)
            fl_buffer_append_char(b, ',');
        fl_buffer_append_char(b, '{');
        fl_json_key(b, "text", 1);
        fl_json_string(b, doc->text + t->span.start, t->span.end - t->span.start);
        fl_json_key(b, "span", 0);
        write_span(b, t->span.start, t->span.end);
        fl_json_key(b, "type", 0);
        fl_json_cstring(b, fl_time_type_name(t->type));
        fl_json_key(b, "value", 0);
        fl_json_cstring(b, t->value);
        const char *mod = fl_time_mod_name(fl_doc_time_mod(doc, i));
        if (mod) {
            fl_json_key(b, "mod", 0);
            fl_json_cstring(b, mod);
        }
        fl_buffer_append_char(b, '}');
    }
    fl_buffer_append_char(b, ']');
}

static void write_text_layer(const fl_doc *doc, fl_buffer *b)
{
    fl_json_key(b, "paragraphs", 0);
    fl_buffer_append_char(b, '[');
    for (size_t i = 0; i < doc->paragraphs.count; i++) {
        if (i)
            fl_buffer_append_char(b, ',');
        write_span(b, doc->paragraphs.paragraphs[i].start, doc->paragraphs.paragraphs[i].end);
    }
    fl_buffer_append_char(b, ']');
    fl_json_key(b, "sentences", 0);
    fl_buffer_append_char(b, '[');
    for (size_t i = 0; i < doc->sentences.count; i++) {
        if (i)
            fl_buffer_append_char(b, ',');
        write_span(b, doc->sentences.sentences[i].start, doc->sentences.sentences[i].end);
    }
    fl_buffer_append_char(b, ']');
    fl_json_key(b, "tokens", 0);
    fl_buffer_append_char(b, '[');
    for (size_t i = 0; i < doc->tokens.count; i++) {
        const fl_token *t = &doc->tokens.tokens[i];
        if (i)
            fl_buffer_append_char(b, ',');
        fl_buffer_append_char(b, '[');
        fl_json_uint(b, t->start);
        fl_buffer_append_char(b, ',');
        fl_json_uint(b, t->end);
        fl_buffer_append(b, ",\"", 2);
        fl_buffer_append_str(b, fl_token_kind_name((fl_token_kind)t->kind));
        fl_buffer_append(b, "\"]", 2);
    }
    fl_buffer_append_char(b, ']');
}

/* "entities": [{"name", "type", "aliases", "mentions": [[start, end], ...]}] */
static void write_entities(const fl_doc *doc, fl_buffer *b)
{
    const fl_entity *e = fl_doc_entities(doc);
    size_t n = fl_doc_entity_count(doc);
    fl_buffer_append_char(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            fl_buffer_append_char(b, ',');
        fl_buffer_append_char(b, '{');
        fl_json_key(b, "name", 1);
        fl_json_cstring(b, e[i].name);
        fl_json_key(b, "type", 0);
        fl_json_cstring(b, fl_entity_type_name(e[i].type));
        fl_json_key(b, "aliases", 0);
        fl_buffer_append_char(b, '[');
        for (size_t a = 0; a < e[i].alias_count; a++) {
            if (a)
                fl_buffer_append_char(b, ',');
            fl_json_cstring(b, e[i].aliases[a]);
        }
        fl_buffer_append_char(b, ']');
        fl_json_key(b, "mentions", 0);
        fl_buffer_append_char(b, '[');
        for (size_t m = 0; m < e[i].mention_count; m++) {
            if (m)
                fl_buffer_append_char(b, ',');
            write_span(b, e[i].mentions[m].span.start, e[i].mentions[m].span.end);
        }
        fl_buffer_append(b, "]}", 2);
    }
    fl_buffer_append_char(b, ']');
}

fl_status fl_doc_write_json(const fl_doc *doc, const fl_json_options *opts, fl_buffer *b)
{
    static const fl_json_options defaults = {0, 0};
    if (!opts)
        opts = &defaults;
    const fl_article *a = doc->article;
    fl_buffer_append_char(b, '{');
    fl_json_key(b, "id", 1);
    fl_json_cstring(b, a ? a->id : NULL);
    fl_json_key(b, "date", 0);
    fl_json_cstring(b, a ? a->date : NULL);
    fl_json_key(b, "headline", 0);
    if (a)
        fl_json_string(b, a->headline, a->headline_len);
    else
        fl_buffer_append_str(b, "null");
    fl_json_key(b, "source", 0);
    fl_json_cstring(b, a ? a->source : NULL);
    fl_json_key(b, "url", 0);
    fl_json_cstring(b, a ? a->url : NULL);
    if (a) {
        fl_json_key(b, "origin", 0);
        fl_buffer_append_char(b, '{');
        fl_json_key(b, "file", 1);
        fl_json_cstring(b, a->file);
        fl_json_key(b, "article", 0);
        fl_json_uint(b, a->number);
        fl_json_key(b, "line", 0);
        fl_json_uint(b, a->line);
        fl_json_key(b, "offset", 0);
        fl_json_uint(b, a->offset);
        fl_buffer_append_char(b, '}');
    }
    fl_json_key(b, "text_length", 0);
    fl_json_uint(b, doc->len);
    fl_json_key(b, "body_start", 0);
    fl_json_uint(b, a ? a->body_start : 0);
    if (opts->text) {
        fl_json_key(b, "text", 0);
        fl_json_string(b, doc->text, doc->len);
    }
    if (opts->tokens)
        write_text_layer(doc, b);
    fl_json_key(b, "entities", 0);
    write_entities(doc, b);
    fl_json_key(b, "quotes", 0);
    fl_quotes_write_json(doc, b);
    fl_json_key(b, "attributions", 0);
    fl_attributions_write_json(doc, b);
    fl_json_key(b, "figures", 0);
    fl_figures_write_json(doc, b);
    fl_json_key(b, "times", 0);
    write_times(doc, b);
    fl_json_key(b, "warnings", 0);
    fl_buffer_append_char(b, '[');
    for (size_t i = 0; a && i < a->warning_count; i++) {
        if (i)
            fl_buffer_append_char(b, ',');
        fl_json_cstring(b, a->warnings[i]);
    }
    fl_buffer_append_char(b, ']');
    fl_buffer_append(b, "}\n", 2);
    return b->failed ? FL_ERR_NOMEM : FL_OK;
}
