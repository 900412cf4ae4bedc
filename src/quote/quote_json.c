/*
 * quote_json.c — writes the quote layer's results as JSON: each quote with
 * its parts, kind and speaker; each attribution that is not a direct quote
 * with its source, cue and content. Spans are byte offsets; names and cues
 * are also given as text so a reader need not slice. Not for: the article
 * object (output/article_json.c).
 */
#include "quote/quote_json.h"

#include "output/json.h"
#include "text/doc.h"

static void span(fl_buffer *b, fl_span s)
{
    fl_buffer_append_char(b, '[');
    fl_json_uint(b, s.start);
    fl_buffer_append_char(b, ',');
    fl_json_uint(b, s.end);
    fl_buffer_append_char(b, ']');
}

static void span_or_null(fl_buffer *b, fl_span s)
{
    if (s.end > s.start)
        span(b, s);
    else
        fl_buffer_append_str(b, "null");
}

static void text_of(const fl_doc *doc, fl_buffer *b, fl_span s)
{
    if (s.end > s.start && s.end <= doc->len)
        fl_json_string(b, doc->text + s.start, s.end - s.start);
    else
        fl_buffer_append_str(b, "null");
}

static void speaker(const fl_doc *doc, fl_buffer *b, const fl_speaker *sp, int with_cue)
{
    if (!sp->found) {
        fl_buffer_append_str(b, "null");
        return;
    }
    fl_buffer_append_char(b, '{');
    fl_json_key(b, "name", 1);
    text_of(doc, b, sp->name);
    fl_json_key(b, "name_span", 0);
    span(b, sp->name);
    fl_json_key(b, "mention", 0);
    text_of(doc, b, sp->mention);
    fl_json_key(b, "mention_span", 0);
    span(b, sp->mention);
    if (with_cue) {
        fl_json_key(b, "cue", 0);
        text_of(doc, b, sp->cue);
        fl_json_key(b, "cue_span", 0);
        span_or_null(b, sp->cue);
    }
    fl_json_key(b, "type", 0);
    fl_json_cstring(b, fl_source_type_name(sp->type));
    fl_json_key(b, "anonymous", 0);
    fl_buffer_append_str(b, sp->anonymous ? "true" : "false");
    fl_json_key(b, "via", 0);
    fl_json_cstring(b, fl_speaker_via_name(sp->via));
    fl_json_key(b, "conveyed_by", 0);
    text_of(doc, b, sp->conveyed_by);
    fl_json_key(b, "conveyed_by_span", 0);
    span_or_null(b, sp->conveyed_by);
    fl_json_key(b, "entity", 0);
    if (sp->entity >= 0)
        fl_json_uint(b, (uint64_t)sp->entity);
    else
        fl_buffer_append_str(b, "null");
    fl_buffer_append_char(b, '}');
}

void fl_quotes_write_json(const fl_doc *doc, fl_buffer *b)
{
    size_t n = fl_doc_quote_count(doc);
    const fl_quote *q = fl_doc_quotes(doc);
    const fl_span *parts = fl_doc_quote_parts(doc);
    fl_buffer_append_char(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            fl_buffer_append_char(b, ',');
        fl_buffer_append_char(b, '{');
        fl_json_key(b, "span", 1);
        span(b, q[i].span);
        fl_json_key(b, "parts", 0);
        fl_buffer_append_char(b, '[');
        for (uint32_t k = 0; k < q[i].part_count; k++) {
            if (k)
                fl_buffer_append_char(b, ',');
            span(b, parts[q[i].part_begin + k]);
        }
        fl_buffer_append_char(b, ']');
        fl_json_key(b, "kind", 0);
        fl_json_cstring(b, fl_quote_kind_name(q[i].kind));
        fl_json_key(b, "speaker", 0);
        speaker(doc, b, &q[i].speaker, 1);
        fl_buffer_append_char(b, '}');
    }
    fl_buffer_append_char(b, ']');
}

void fl_attributions_write_json(const fl_doc *doc, fl_buffer *b)
{
    size_t n = fl_doc_attribution_count(doc);
    const fl_attribution *a = fl_doc_attributions(doc);
    int first = 1;
    fl_buffer_append_char(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (a[i].quote >= 0)
            continue; /* listed with its quote */
        if (!first)
            fl_buffer_append_char(b, ',');
        first = 0;
        fl_buffer_append_char(b, '{');
        fl_json_key(b, "source", 1);
        speaker(doc, b, &a[i].source, 0);
        fl_json_key(b, "cue", 0);
        text_of(doc, b, a[i].source.cue);
        fl_json_key(b, "cue_span", 0);
        span(b, a[i].source.cue);
        fl_json_key(b, "content_span", 0);
        span(b, a[i].content);
        fl_buffer_append_char(b, '}');
    }
    fl_buffer_append_char(b, ']');
}
