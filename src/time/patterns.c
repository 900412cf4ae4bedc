/*
 * patterns.c — the table of time expression patterns and the matcher that
 * tries them at a word: the longest match wins, and an edge ("early", "late",
 * "mid-", "the end of") may precede a date. Each pattern is a small function
 * over the word stream (see match.h, pattern_words.h) in one of
 * patterns_dates.c, patterns_relative.c and patterns_amounts.c. A pattern
 * reads word classes from the lexicon (lexicon.c), never spellings, except
 * for a few function words ("the", "of", "than"). Values follow TimeML 1.2.1
 * and the TIMEX3 guidelines: relative expressions are resolved against the
 * DCT using the tense of the clause; vague ones get X placeholders or the
 * PAST_REF / PRESENT_REF / FUTURE_REF tokens.
 *
 * Not for: tokenization, the word stream or the tense cues (recognize.c).
 */
#include <string.h>

#include "time/pattern_words.h"

/* ---- edges: early, late, mid-, the end of ----------------------------- */

/* An edge before a date: "the end of", "early", "mid-", "the late (1980s)".
 * Not "earlier Sunday": TimeBank's extents include "earlier", AQUAINT's do not.
 * Returns the words used; *mod the lexicon's mod of the edge word. */
static size_t read_edge(const fl_tctx *c, size_t i, fl_time_mod *mod)
{
    if (fl_tw_is(c, i, "the") && cls(c, i + 1, FL_LX_EDGE) && fl_tw_is(c, i + 2, "of")) {
        *mod = (fl_time_mod)fl_tw_value(c, i + 1);
        return 3;
    }
    if (fl_tw_is(c, i, "early") || fl_tw_is(c, i, "late") || fl_tw_is(c, i, "mid")) {
        *mod = (fl_time_mod)fl_tw_value(c, i);
        return 1;
    }
    if (fl_tw_is(c, i, "the") && (fl_tw_is(c, i + 1, "early") || fl_tw_is(c, i + 1, "late") || fl_tw_is(c, i + 1, "mid")) &&
        word_at(c, i + 2) &&
        ((word_at(c, i + 2)->flags & FL_W_DECADE) || cls(c, i + 2, FL_LX_DECADE_WORD) ||
         (((word_at(c, i + 2)->flags & FL_W_ORD) || cls(c, i + 2, FL_LX_ORDINAL)) && unit_of(c, i + 3) == FL_U_CENTURY) ||
         (cls(c, i + 2, FL_LX_NUMBER) && cls(c, i + 3, FL_LX_ORDINAL) && joined(c, i + 3) &&
          unit_of(c, i + 4) == FL_U_CENTURY))) {
        *mod = (fl_time_mod)fl_tw_value(c, i + 1);
        return 2; /* "the early 1980s", "the mid-1990s", "the late 19th century" */
    }
    return 0;
}

/* ---- qualifiers after an expression: "or so", "or later" ----------------- */

/* Two words after a match that qualify it: they join its extent and set its
 * mod, for the types listed (TimeML: "a week or so" APPROX, "1994 or later"
 * ON_OR_AFTER, "ten days or more" EQUAL_OR_MORE). */
static const struct {
    const char *words[2];
    fl_time_mod mod;
    unsigned types; /* bit (1 << fl_time_type) */
} qualifiers_after[] = {
    {{"or", "so"}, FL_MOD_APPROX, 1u << FL_TIME_DATE | 1u << FL_TIME_DURATION},
    {{"or", "later"}, FL_MOD_ON_OR_AFTER, 1u << FL_TIME_DATE},
    {{"or", "earlier"}, FL_MOD_ON_OR_BEFORE, 1u << FL_TIME_DATE},
    {{"or", "more"}, FL_MOD_EQUAL_OR_MORE, 1u << FL_TIME_DURATION},
    {{"or", "less"}, FL_MOD_EQUAL_OR_LESS, 1u << FL_TIME_DURATION},
    {{"or", "longer"}, FL_MOD_EQUAL_OR_MORE, 1u << FL_TIME_DURATION},
};

static void qualify_after(const fl_tctx *c, size_t i, fl_tmatch *m)
{
    size_t k = i + m->len;
    for (size_t q = 0; q < sizeof qualifiers_after / sizeof qualifiers_after[0]; q++) {
        if ((qualifiers_after[q].types & (1u << m->type)) && fl_tw_is(c, k, qualifiers_after[q].words[0]) &&
            fl_tw_is(c, k + 1, qualifiers_after[q].words[1])) {
            m->len += 2;
            if (m->mod == FL_MOD_NONE)
                m->mod = qualifiers_after[q].mod;
            return;
        }
    }
}

/* ---- the table -------------------------------------------------------- */

static const fl_pattern_fn patterns[] = {
    fl_pat_anaphoric, /* first: it wins ties with the DCT-relative readings */
    fl_pat_month_date, fl_pat_numeric_date, fl_pat_year,     fl_pat_century,  fl_pat_quarter,     fl_pat_day_word,
    fl_pat_ref,        fl_pat_weekday,      fl_pat_relative, fl_pat_season,   fl_pat_amount,      fl_pat_bare_units,
    fl_pat_year_ago_adj, fl_pat_set,        fl_pat_clock,    fl_pat_the_period, fl_pat_holiday,
    fl_pat_half_year,  fl_pat_year_end,     fl_pat_week_of,  fl_pat_edge_pod,
    fl_pat_second_day, fl_pat_period_code,
};

static void best_at(fl_tctx *c, size_t i, fl_tmatch *best)
{
    best->len = 0;
    for (size_t p = 0; p < sizeof patterns / sizeof patterns[0]; p++) {
        fl_tmatch m;
        memset(&m, 0, sizeof m);
        size_t len = patterns[p](c, i, &m);
        if (len > best->len) {
            *best = m;
            best->len = len;
        }
    }
}

void fl_time_match_at(fl_tctx *c, size_t i, fl_tmatch *best)
{
    memset(best, 0, sizeof *best);
    /* A match may not start inside a hyphenated word ("7-Eleven"), except
     * after pre- or post- ("post-1990"). */
    if (joined(c, i) && !(i > 0 && (fl_tw_is(c, i - 1, "pre") || fl_tw_is(c, i - 1, "post"))))
        return;
    fl_time_mod edge_mod = FL_MOD_NONE;
    size_t edge = read_edge(c, i, &edge_mod);
    if (edge) {
        c->after_edge = 1;
        best_at(c, i + edge, best);
        c->after_edge = 0;
        if (best->len && (best->type == FL_TIME_DATE || best->type == FL_TIME_TIME) &&
            strcmp(best->value, "PRESENT_REF") != 0) {
            best->len += edge;
            best->mod = edge_mod;
            qualify_after(c, i, best);
            return;
        }
        best->len = 0;
    }
    best_at(c, i, best);
    if (best->len)
        qualify_after(c, i, best);
}
