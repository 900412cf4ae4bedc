/*
 * figure_json.c — the "figures" array of `factline extract` (schema in
 * docs/schema.md, section figures). Not for: finding figures.
 */
#include <math.h>
#include <stdio.h>

#include "figure/figure.h"
#include "output/json.h"
#include "text/doc.h"

/* Whole numbers (nearly all figures) are written digit by digit, as
 * printf's "%.0f" writes them (a negative zero as "-0"), without its cost. */
static void write_number(fl_buffer *b, int set, double v)
{
    if (!set) {
        fl_buffer_append_str(b, "null");
    } else if (v == floor(v) && fabs(v) < 1e15) {
        if (signbit(v))
            fl_buffer_append_char(b, '-');
        fl_json_uint(b, (uint64_t)fabs(v));
    } else {
        fl_buffer_printf(b, "%.6g", v);
    }
}

/* [start,end] */
static void write_span(fl_buffer *b, uint32_t start, uint32_t end)
{
    fl_buffer_append_char(b, '[');
    fl_json_uint(b, start);
    fl_buffer_append_char(b, ',');
    fl_json_uint(b, end);
    fl_buffer_append_char(b, ']');
}

/* "key": the span's text and "key_span": [start, end], or nulls when empty. */
static void write_text_span(const fl_doc *doc, fl_buffer *b, const char *key, const char *span_key, fl_span sp)
{
    fl_json_key(b, key, 0);
    if (sp.start == sp.end) {
        fl_buffer_append_str(b, "null");
    } else {
        fl_json_string(b, doc->text + sp.start, sp.end - sp.start);
    }
    fl_json_key(b, span_key, 0);
    if (sp.start == sp.end) {
        fl_buffer_append_str(b, "null");
    } else {
        write_span(b, sp.start, sp.end);
    }
}

void fl_figures_write_json(const fl_doc *doc, fl_buffer *b)
{
    fl_buffer_append_char(b, '[');
    for (size_t i = 0; i < doc->figures.count; i++) {
        const fl_figure *f = &doc->figures.figures[i];
        if (i)
            fl_buffer_append_char(b, ',');
        fl_buffer_append_char(b, '{');
        fl_json_key(b, "text", 1);
        fl_json_string(b, doc->text + f->span.start, f->span.end - f->span.start);
        fl_json_key(b, "span", 0);
        write_span(b, f->span.start, f->span.end);
        fl_json_key(b, "value", 0);
        write_number(b, (f->flags & FL_FIGURE_HAS_VALUE) != 0, f->value);
        fl_json_key(b, "low", 0);
        write_number(b, (f->flags & FL_FIGURE_HAS_LOW) != 0, f->low);
        fl_json_key(b, "high", 0);
        write_number(b, (f->flags & FL_FIGURE_HAS_HIGH) != 0, f->high);
        fl_json_key(b, "qualifier", 0);
        fl_json_cstring(b, fl_figure_qualifier_name(f->qualifier));
        fl_json_key(b, "category", 0);
        fl_json_cstring(b, fl_figure_category_name(f->category));
        write_text_span(doc, b, "cue", "cue_span", f->cue);
        write_text_span(doc, b, "subject", "subject_span", f->subject);
        write_text_span(doc, b, "source", "source_span", f->source);
        fl_json_key(b, "date", 0);
        fl_json_cstring(b, f->date[0] ? f->date : NULL);
        fl_json_key(b, "date_span", 0);
        if (f->date_span.start == f->date_span.end)
            fl_buffer_append_str(b, "null");
        else
            write_span(b, f->date_span.start, f->date_span.end);
        write_text_span(doc, b, "place", "place_span", f->place);
        const fl_sentence *s = &doc->sentences.sentences[f->sentence];
        fl_json_key(b, "sentence", 0);
        write_span(b, s->start, s->end);
        fl_buffer_append_char(b, '}');
    }
    fl_buffer_append_char(b, ']');
}
