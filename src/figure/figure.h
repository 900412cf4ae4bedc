/*
 * figure.h — the figure layer's internal interface: finding figures in an
 * analysed doc, then giving them a source and an as-of date.
 *
 * fl_extract calls fl_figures_find and then fl_figures_fallback_context,
 * which reads source and date from the figure's own sentence (context.c).
 * fl_figures_set_source / fl_figures_set_date / fl_figures_dates_from_times
 * take them from the attribution and time layers instead; that scored lower
 * on eval/figures-dev.jsonl (see fl_extract), so fl_extract does not call
 * them today. Not for: JSON (figure_json.c) or numerals (number.c).
 */
#ifndef FL_FIGURE_FIGURE_H
#define FL_FIGURE_FIGURE_H

#include "factline.h"
#include "util/buffer.h"

/* Finds the figures of every sentence; replaces the doc's previous ones.
 * Sources and dates are left empty. Returns FL_OK or FL_ERR_NOMEM. */
fl_status fl_figures_find(fl_doc *doc);

/* Fills source and date of every figure from its own sentence: "according
 * to X", "X said/reported (that)", "..., said X" for the source; an explicit
 * "7 October"/"October 7" date (not after since/from/until) for the date,
 * else the article date. */
void fl_figures_fallback_context(fl_doc *doc);

/* The entry points for the attribution and time layers: every figure whose
 * span lies inside `cover` gets this source (an empty span clears it), or
 * this date ("YYYY-MM-DD") with its evidence span. */
void fl_figures_set_source(fl_doc *doc, fl_span cover, fl_span source);
void fl_figures_set_date(fl_doc *doc, fl_span cover, fl_span evidence, const char *date);

/* Dates from the time layer: given its n expressions (spans and TimeML
 * values, in text order), gives each figure the nearest one in its sentence
 * whose value is a calendar date ("2023-11-04", "2023-11-04T14:30"), unless
 * since/from/until/after/before opens it. Figures with none keep their date. */
void fl_figures_dates_from_times(fl_doc *doc, size_t n, const fl_span *spans, const char *const *values);

/* Appends the doc's figures as a JSON array (schema: docs/schema.md). */
void fl_figures_write_json(const fl_doc *doc, fl_buffer *b);

#endif
