/*
 * resolve.c — readers of counts and years that the patterns share, and the
 * resolution of relative expressions against the DCT: the year of a month
 * written without one, a weekday by tense, a shift of the DCT by units at the
 * unit's granularity, and TimeML duration values. Not for: the patterns
 * (patterns_*.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "time/pattern_words.h"

/* A year in words: "nineteen ninety-six", "nineteen oh five", "two
 * thousand (and) one"; not "twelve hundred", which is mostly a count.
 * Returns the year or -1; *used the words. */
int fl_time_spoken_year(const fl_tctx *c, size_t i, size_t *used)
{
    if (!cls(c, i, FL_LX_NUMBER))
        return -1;
    int first = fl_tw_value(c, i);
    if (fl_tw_is(c, i, "two") && fl_tw_is(c, i + 1, "thousand")) {
        size_t k = i + 2;
        if (fl_tw_is(c, k, "and"))
            k++;
        int rest = 0;
        if (cls(c, k, FL_LX_NUMBER) && fl_tw_value(c, k) >= 1 && fl_tw_value(c, k) <= 99 &&
            !(fl_tw_lexflags(c, k) & FL_LXF_ARTICLE)) {
            rest = fl_tw_value(c, k++);
            if ((fl_tw_lexflags(c, k - 1) & FL_LXF_TENS) && cls(c, k, FL_LX_NUMBER) && fl_tw_value(c, k) >= 1 &&
                fl_tw_value(c, k) <= 9)
                rest += fl_tw_value(c, k++);
        } else if (k > i + 2) {
            k--; /* "two thousand and" without a number */
        }
        if (unit_of(c, k) != FL_U_NONE)
            return -1; /* "two thousand years": a count */
        *used = k - i;
        return 2000 + rest;
    }
    if (first < 11 || first > 20 || (fl_tw_lexflags(c, i) & FL_LXF_ARTICLE))
        return -1;
    size_t k = i + 1;
    int rest;
    if (fl_tw_is(c, k, "oh") && cls(c, k + 1, FL_LX_NUMBER) && fl_tw_value(c, k + 1) >= 1 &&
               fl_tw_value(c, k + 1) <= 9) {
        rest = fl_tw_value(c, k + 1);
        k += 2;
    } else if (cls(c, k, FL_LX_NUMBER) && fl_tw_value(c, k) >= 10 && fl_tw_value(c, k) <= 90) {
        rest = fl_tw_value(c, k++);
        if ((fl_tw_lexflags(c, k - 1) & FL_LXF_TENS) && cls(c, k, FL_LX_NUMBER) && fl_tw_value(c, k) >= 1 &&
            fl_tw_value(c, k) <= 9)
            rest += fl_tw_value(c, k++);
    } else {
        return -1;
    }
    if (unit_of(c, k) != FL_U_NONE)
        return -1; /* "nineteen twenty-year-olds" */
    *used = k - i;
    return first * 100 + rest;
}

/* A year in digits (1000-2199) or words; *used the words; -1 if none. */
int fl_time_any_year(const fl_tctx *c, size_t i, size_t *used)
{
    int y = read_year(c, i, 1000, 2199);
    if (y > 0) {
        *used = 1;
        return y;
    }
    return fl_time_spoken_year(c, i, used);
}

/* A count before a unit: digits, number words ("twenty four", "a couple
 * of", "a few", "several"). Returns the words used; *val is the number or
 * FL_LX_VAGUE. */
size_t fl_time_count(const fl_tctx *c, size_t i, long *val)
{
    const fl_tword *w = word_at(c, i);
    if (!w)
        return 0;
    if (w->flags & FL_W_DIGITS) {
        if (w->ndigits > 6)
            return 0;
        *val = w->num;
        return 1;
    }
    if (!cls(c, i, FL_LX_NUMBER))
        return 0;
    unsigned f = fl_tw_lexflags(c, i);
    long v = fl_tw_value(c, i);
    size_t k = 1;
    if (f & FL_LXF_ARTICLE) {
        /* "a few", "a couple of", "a dozen", "a hundred"; else "a" = 1 */
        if (cls(c, i + 1, FL_LX_NUMBER) && (fl_tw_value(c, i + 1) == FL_LX_VAGUE || fl_tw_is(c, i + 1, "couple") ||
                                            fl_tw_is(c, i + 1, "dozen") || fl_tw_is(c, i + 1, "hundred"))) {
            v = fl_tw_is(c, i + 1, "hundred") ? 1 : fl_tw_value(c, i + 1);
            k = fl_tw_is(c, i + 1, "hundred") ? 1 : 2;
            if (fl_tw_is(c, i + 1, "couple") && fl_tw_is(c, i + 2, "of"))
                k = 3;
        }
    } else if (fl_tw_is(c, i, "couple")) {
        if (!fl_tw_is(c, i + 1, "of"))
            return 0;
        k = 2;
    } else if (f & FL_LXF_TENS) {
        if (cls(c, i + 1, FL_LX_NUMBER) && fl_tw_value(c, i + 1) >= 1 && fl_tw_value(c, i + 1) <= 9) {
            v += fl_tw_value(c, i + 1);
            k = 2;
        }
    }
    if (v != FL_LX_VAGUE && fl_tw_is(c, i + k, "hundred")) {
        v *= 100;
        k++;
    }
    if (v != FL_LX_VAGUE && fl_tw_is(c, i + k, "thousand")) {
        v *= 1000;
        k++;
    }
    *val = v;
    return k;
}


/* An approximator before a count, part of the extent as in TimeBank:
 * "nearly forty years", "more than four decades ago", "at least 18
 * months", "up to 180 days", "no more than"; and the hedges a clock time
 * may have after "at" ("on Saturday at around 10:00", "at precisely 9
 * a.m."). `before` says which: APPROX_COUNT, APPROX_CLOCK or both. */
enum { APPROX_COUNT = 1, APPROX_CLOCK = 2 };
static const struct {
    const char *words[3];
    fl_time_mod mod; /* TimeML mod; "nearly", "almost": short of the amount */
    unsigned before;
} approximators[] = {
    {{"more", "than", NULL}, FL_MOD_MORE_THAN, APPROX_COUNT},
    {{"less", "than", NULL}, FL_MOD_LESS_THAN, APPROX_COUNT},
    {{"fewer", "than", NULL}, FL_MOD_LESS_THAN, APPROX_COUNT},
    {{"no", "more", "than"}, FL_MOD_EQUAL_OR_LESS, APPROX_COUNT},
    {{"at", "least", NULL}, FL_MOD_EQUAL_OR_MORE, APPROX_COUNT},
    {{"at", "most", NULL}, FL_MOD_EQUAL_OR_LESS, APPROX_COUNT},
    {{"up", "to", NULL}, FL_MOD_EQUAL_OR_LESS, APPROX_COUNT},
    {{"nearly", NULL, NULL}, FL_MOD_LESS_THAN, APPROX_COUNT},
    {{"almost", NULL, NULL}, FL_MOD_LESS_THAN, APPROX_COUNT},
    {{"about", NULL, NULL}, FL_MOD_APPROX, APPROX_COUNT | APPROX_CLOCK},
    {{"around", NULL, NULL}, FL_MOD_APPROX, APPROX_COUNT | APPROX_CLOCK},
    {{"roughly", NULL, NULL}, FL_MOD_APPROX, APPROX_COUNT | APPROX_CLOCK},
    {{"approximately", NULL, NULL}, FL_MOD_APPROX, APPROX_COUNT | APPROX_CLOCK},
    {{"over", NULL, NULL}, FL_MOD_MORE_THAN, APPROX_COUNT},
    {{"some", NULL, NULL}, FL_MOD_APPROX, APPROX_COUNT},
    {{"just", NULL, NULL}, FL_MOD_NONE, APPROX_COUNT},
    {{"precisely", NULL, NULL}, FL_MOD_NONE, APPROX_CLOCK},
    {{"exactly", NULL, NULL}, FL_MOD_NONE, APPROX_CLOCK},
};

/* The approximator of kind `before` at word i: its words and, in *mod, its mod. */
static size_t approximator_at(const fl_tctx *c, size_t i, unsigned before, fl_time_mod *mod)
{
    for (size_t a = 0; a < sizeof approximators / sizeof approximators[0]; a++) {
        if (!(approximators[a].before & before))
            continue;
        size_t k = 0;
        while (k < 3 && approximators[a].words[k] && fl_tw_is(c, i + k, approximators[a].words[k]))
            k++;
        if (k == 3 || !approximators[a].words[k]) {
            *mod = approximators[a].mod;
            return k;
        }
    }
    *mod = FL_MOD_NONE;
    return 0;
}

size_t fl_time_approximator(const fl_tctx *c, size_t i, fl_time_mod *mod)
{
    size_t k = approximator_at(c, i, APPROX_COUNT, mod);
    /* only before a count: "over the past year" is a preposition */
    if (k && (is_digits(c, i + k) || cls(c, i + k, FL_LX_NUMBER)))
        return k;
    *mod = FL_MOD_NONE;
    return 0;
}

size_t fl_time_clock_hedge(const fl_tctx *c, size_t i)
{
    fl_time_mod mod;
    return approximator_at(c, i, APPROX_CLOCK, &mod);
}

/* ---- resolving against the DCT --------------------------------------- */

/* The year of a month (and day, or 0) written without one. News mostly
 * looks back, so it is the last occurrence (the DCT's month counts) unless
 * the clause looks ahead (and it is within six months) or the next
 * occurrence is near: within FL_NEAR_FUTURE_MONTHS ("payable Nov. 16" in a
 * report of Nov. 2). */
enum { FL_NEAR_FUTURE_MONTHS = 2 };

int fl_time_infer_year(const fl_tctx *c, int month, int day, int tense)
{
    int past = 0, future = 0;
    long past_dist = 0, future_dist = 0;
    for (int y = c->dct.year - 1; y <= c->dct.year + 1; y++) {
        fl_cal_date d = {y, month, day ? day : 1};
        if (!fl_cal_valid(d.year, d.month, d.day))
            continue;
        /* distance in days for a day, in months for a month */
        long dist = day ? day_distance(d, c->dct) : (long)(y - c->dct.year) * 12 + (month - c->dct.month);
        if (dist <= 0 && (!past || dist > past_dist))
            past = y, past_dist = dist;
        if (dist >= 0 && (!future || dist < future_dist))
            future = y, future_dist = dist;
    }
    if (!future)
        return past;
    if (!past)
        return future;
    if (tense == FL_TENSE_FUTURE) /* the coming one, unless it is most of a year away */
        return future_dist <= (day ? 183 : 6) ? future : past;
    long near = day ? 31L * FL_NEAR_FUTURE_MONTHS : FL_NEAR_FUTURE_MONTHS;
    return future_dist <= near && future_dist < -past_dist ? future : past;
}

/* A weekday relative to the DCT: shift -1 "last", 1 "next", 0 "this",
 * otherwise by tense (past by default: news reports what happened). */
fl_cal_date fl_time_resolve_weekday(const fl_tctx *c, int weekday, int shift, int has_shift, int tense)
{
    int dw = fl_cal_weekday(c->dct);
    long delta;
    if (has_shift && shift == 0)
        delta = weekday - dw;
    else if (has_shift && shift < 0)
        delta = -((dw - weekday + 7) % 7 ? (dw - weekday + 7) % 7 : 7);
    else if (has_shift && shift > 0)
        delta = (weekday - dw + 7) % 7 ? (weekday - dw + 7) % 7 : 7;
    else if (tense == FL_TENSE_FUTURE)
        delta = (weekday - dw + 7) % 7;
    else
        delta = -((dw - weekday + 7) % 7);
    return fl_cal_add_days(c->dct, delta);
}

const char *fl_time_pod_suffix(int pod)
{
    switch (pod) {
    case FL_POD_MORNING: return "TMO";
    case FL_POD_AFTERNOON: return "TAF";
    case FL_POD_EVENING: return "TEV";
    case FL_POD_NIGHT: return "TNI";
    case FL_POD_NOON: return "T12:00";
    case FL_POD_MIDNIGHT: return "T24:00";
    default: return "";
    }
}

/* Appends a part of day to a day value and makes it a TIME. */
void fl_time_add_pod(fl_tmatch *m, int pod)
{
    size_t l = strlen(m->value);
    snprintf(m->value + l, sizeof m->value - l, "%s", fl_time_pod_suffix(pod));
    m->type = FL_TIME_TIME;
}

size_t fl_time_read_pod(const fl_tctx *c, size_t i, int *pod)
{
    if (cls(c, i, FL_LX_PART_OF_DAY) && !(fl_tw_lexflags(c, i) & FL_LXF_PLURAL)) {
        *pod = fl_tw_value(c, i);
        return 1;
    }
    return 0;
}

/* Value of "DCT shifted by n units", at the unit's granularity. */
int fl_time_shifted_value(const fl_tctx *c, char *v, int unit, long n)
{
    fl_cal_date d = c->dct;
    if (n > 100000 || n < -100000)
        return 0;
    switch (unit) {
    case FL_U_DAY:
        return fl_val_day(v, fl_cal_add_days(d, n));
    case FL_U_WEEK:
    case FL_U_FORTNIGHT:
        return fl_val_week(v, fl_cal_add_days(d, n * (unit == FL_U_WEEK ? 7 : 14)));
    case FL_U_WEEKEND:
        if (!fl_val_week(v, fl_cal_add_days(d, n * 7)))
            return 0;
        strcat(v, "-WE");
        return 1;
    case FL_U_MONTH: {
        fl_cal_date m = fl_cal_add_months(d, n);
        return fl_val_month(v, m.year, m.month);
    }
    case FL_U_QUARTER: {
        long q = (long)d.year * 4 + (d.month - 1) / 3 + n;
        if (q < 4 || q > 9999L * 4)
            return 0;
        return fl_val_quarter(v, (int)(q / 4), (int)(q % 4) + 1);
    }
    case FL_U_YEAR:
        return fl_val_year(v, (int)(d.year + n));
    case FL_U_DECADE: {
        long y = d.year + n * 10;
        if (y < 1 || y > 9999)
            return 0;
        snprintf(v, FL_TIME_VALUE_MAX, "%03ld", y / 10);
        return 1;
    }
    case FL_U_CENTURY: {
        long y = d.year + n * 100;
        if (y < 1 || y > 9999)
            return 0;
        snprintf(v, FL_TIME_VALUE_MAX, "%02ld", y / 100);
        return 1;
    }
    default:
        return 0;
    }
}

/* A duration of n units (FL_LX_VAGUE: "PX.."). Counted quarters and
 * decades are written in months and years, as TimeBank does (P9M, P20Y). */
int fl_time_duration_value(char *v, int unit, long n)
{
    if (n != FL_LX_VAGUE && (n < 0 || n > 1000000))
        return 0;
    const char *t = fl_unit_is_clock((fl_unit)unit) ? "T" : "";
    if (unit == FL_U_FORTNIGHT && n != FL_LX_VAGUE)
        n *= 2;
    if (unit == FL_U_QUARTER && n != FL_LX_VAGUE)
        n *= 3, unit = FL_U_MONTH;
    if (unit == FL_U_DECADE && n != FL_LX_VAGUE)
        n *= 10, unit = FL_U_YEAR;
    if (n == FL_LX_VAGUE)
        snprintf(v, FL_TIME_VALUE_MAX, "P%sX%s", t, fl_unit_letter((fl_unit)unit));
    else
        snprintf(v, FL_TIME_VALUE_MAX, "P%s%ld%s", t, n, fl_unit_letter((fl_unit)unit));
    return 1;
}

/* n and a half units: the half in the next smaller unit (P2Y6M, PT5H30M). */
int fl_time_half_duration_value(char *v, int unit, long n)
{
    if (n < 0 || n > 1000000)
        return 0;
    switch (unit) {
    case FL_U_YEAR: snprintf(v, FL_TIME_VALUE_MAX, "P%ldY6M", n); return 1;
    case FL_U_DAY: snprintf(v, FL_TIME_VALUE_MAX, "P%ldDT12H", n); return 1;
    case FL_U_HOUR: snprintf(v, FL_TIME_VALUE_MAX, "PT%ldH30M", n); return 1;
    case FL_U_MINUTE: snprintf(v, FL_TIME_VALUE_MAX, "PT%ldM30S", n); return 1;
    case FL_U_DECADE: snprintf(v, FL_TIME_VALUE_MAX, "P%ldY", n * 10 + 5); return 1;
    case FL_U_CENTURY: snprintf(v, FL_TIME_VALUE_MAX, "P%ldY", n * 100 + 50); return 1;
    default: return 0;
    }
}

