/*
 * pattern_words.h — what the pattern files share: small inline readers of
 * the word stream (a word's class, unit, digits, year, day of month) and the
 * declarations of the readers and resolvers in resolve.c (counts, years in
 * words, approximators; the year of a month, a weekday, a shift of the DCT,
 * duration values) and of the patterns themselves (patterns_*.c), which
 * patterns.c lists in one table. Not for: the word stream (recognize.c).
 */
#ifndef FL_TIME_PATTERN_WORDS_H
#define FL_TIME_PATTERN_WORDS_H

#include "time/match.h"

/* Word i, or NULL past the end of the sentence. */
static inline const fl_tword *word_at(const fl_tctx *c, size_t i) { return i < c->n ? &c->w[i] : NULL; }

static inline int is_punct(const fl_tctx *c, size_t i, char ch)
{
    const fl_tword *w = word_at(c, i);
    return w && (w->flags & FL_W_PUNCT) && w->end == w->start + 1 && c->text[w->start] == ch;
}

static inline int is_digits(const fl_tctx *c, size_t i)
{
    const fl_tword *w = word_at(c, i);
    return w && (w->flags & FL_W_DIGITS);
}

static inline int joined(const fl_tctx *c, size_t i)
{
    const fl_tword *w = word_at(c, i);
    return w && (w->flags & FL_W_JOINED);
}

static inline int cls(const fl_tctx *c, size_t i, int k) { return fl_tw_class(c, i) == k; }

static inline int unit_of(const fl_tctx *c, size_t i) { return cls(c, i, FL_LX_UNIT) ? fl_tw_value(c, i) : FL_U_NONE; }

/* A year written in digits: four digits within [lo, hi]. */
static inline int read_year(const fl_tctx *c, size_t i, int lo, int hi)
{
    const fl_tword *w = word_at(c, i);
    if (!w || !(w->flags & FL_W_DIGITS) || w->ndigits != 4 || w->num < lo || w->num > hi)
        return -1;
    return w->num;
}

/* A day of the month: 1-31 in digits, 7th, or an ordinal word. */
static inline int read_day(const fl_tctx *c, size_t i)
{
    const fl_tword *w = word_at(c, i);
    if (!w)
        return -1;
    if ((w->flags & (FL_W_DIGITS | FL_W_ORD)) && w->ndigits <= 2 && w->num >= 1 && w->num <= 31)
        return w->num;
    if (cls(c, i, FL_LX_ORDINAL))
        return fl_tw_value(c, i);
    return -1;
}

static inline long day_distance(fl_cal_date a, fl_cal_date b) { return fl_cal_day_number(a) - fl_cal_day_number(b); }

/* resolve.c */
int fl_time_spoken_year(const fl_tctx *c, size_t i, size_t *used);
int fl_time_any_year(const fl_tctx *c, size_t i, size_t *used);
size_t fl_time_count(const fl_tctx *c, size_t i, long *val);
size_t fl_time_approximator(const fl_tctx *c, size_t i, fl_time_mod *mod);
/* A hedge before a clock time ("around", "precisely"): its words, or 0. */
size_t fl_time_clock_hedge(const fl_tctx *c, size_t i);
int fl_time_infer_year(const fl_tctx *c, int month, int day, int tense);
fl_cal_date fl_time_resolve_weekday(const fl_tctx *c, int weekday, int shift, int has_shift, int tense);
const char *fl_time_pod_suffix(int pod);
void fl_time_add_pod(fl_tmatch *m, int pod);
size_t fl_time_read_pod(const fl_tctx *c, size_t i, int *pod);
int fl_time_shifted_value(const fl_tctx *c, char *v, int unit, long n);
int fl_time_duration_value(char *v, int unit, long n);
int fl_time_half_duration_value(char *v, int unit, long n);

/* The patterns: each reads words from i and returns how many it matched
 * (0: none), filling m. */
typedef size_t (*fl_pattern_fn)(fl_tctx *c, size_t i, fl_tmatch *m);
/* patterns_dates.c */
size_t fl_pat_month_date(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_numeric_date(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_second_day(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_year(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_century(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_year_end(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_week_of(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_quarter(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_period_code(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_season(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_half_year(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_holiday(fl_tctx *c, size_t i, fl_tmatch *m);
/* patterns_relative.c */
size_t fl_pat_day_word(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_ref(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_weekday(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_relative(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_the_period(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_anaphoric(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_edge_pod(fl_tctx *c, size_t i, fl_tmatch *m);
/* patterns_amounts.c */
size_t fl_pat_amount(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_bare_units(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_year_ago_adj(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_set(fl_tctx *c, size_t i, fl_tmatch *m);
size_t fl_pat_clock(fl_tctx *c, size_t i, fl_tmatch *m);

#endif
