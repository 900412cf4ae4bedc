/*
 * patterns.c — the time expression patterns, each a small function over the
 * word stream (see match.h), listed in one table at the end. A pattern reads
 * word classes from the lexicon (lexicon.c), never spellings, except for a
 * few function words ("the", "of", "than"). Values follow TimeML 1.2.1 and
 * the TIMEX3 guidelines: relative expressions are resolved against the DCT
 * using the tense of the clause; vague ones get X placeholders or the
 * PAST_REF / PRESENT_REF / FUTURE_REF tokens.
 *
 * Not for: tokenization, the word stream or the tense cues (recognize.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "time/match.h"

typedef size_t (*pattern_fn)(fl_tctx *c, size_t i, fl_tmatch *m);

/* ---- small readers ---------------------------------------------------- */

static const fl_tword *W(const fl_tctx *c, size_t i) { return i < c->n ? &c->w[i] : NULL; }

static int is_punct(const fl_tctx *c, size_t i, char ch)
{
    const fl_tword *w = W(c, i);
    return w && (w->flags & FL_W_PUNCT) && w->end == w->start + 1 && c->text[w->start] == ch;
}

static int is_digits(const fl_tctx *c, size_t i)
{
    const fl_tword *w = W(c, i);
    return w && (w->flags & FL_W_DIGITS);
}

static int joined(const fl_tctx *c, size_t i)
{
    const fl_tword *w = W(c, i);
    return w && (w->flags & FL_W_JOINED);
}

static int cls(const fl_tctx *c, size_t i, int k) { return fl_tw_class(c, i) == k; }

static int unit_of(const fl_tctx *c, size_t i) { return cls(c, i, FL_LX_UNIT) ? fl_tw_value(c, i) : FL_U_NONE; }

/* A year written in digits: four digits within [lo, hi]. */
static int read_year(const fl_tctx *c, size_t i, int lo, int hi)
{
    const fl_tword *w = W(c, i);
    if (!w || !(w->flags & FL_W_DIGITS) || w->ndigits != 4 || w->num < lo || w->num > hi)
        return -1;
    return w->num;
}

/* A year in words: "nineteen ninety-six", "nineteen oh five", "two
 * thousand (and) one"; not "twelve hundred", which is mostly a count. Returns the year or -1; *used the words. */
static int read_spoken_year(const fl_tctx *c, size_t i, size_t *used)
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
static int read_any_year(const fl_tctx *c, size_t i, size_t *used)
{
    int y = read_year(c, i, 1000, 2199);
    if (y > 0) {
        *used = 1;
        return y;
    }
    return read_spoken_year(c, i, used);
}

/* A day of the month: 1-31 in digits, 7th, or an ordinal word. */
static int read_day(const fl_tctx *c, size_t i)
{
    const fl_tword *w = W(c, i);
    if (!w)
        return -1;
    if ((w->flags & (FL_W_DIGITS | FL_W_ORD)) && w->ndigits <= 2 && w->num >= 1 && w->num <= 31)
        return w->num;
    if (cls(c, i, FL_LX_ORDINAL))
        return fl_tw_value(c, i);
    return -1;
}

/* A count before a unit: digits, number words ("twenty four", "a couple
 * of", "a few", "several"). Returns the words used; *val is the number or
 * FL_LX_VAGUE. */
static size_t read_count(const fl_tctx *c, size_t i, long *val)
{
    const fl_tword *w = W(c, i);
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
    *val = v;
    return k;
}


/* An approximator before a count, part of the extent as in TimeBank:
 * "nearly forty years", "more than four decades ago", "at least 18
 * months", "up to 180 days", "no more than". Returns the words used. */
static const char *const approximators[][3] = {
    {"more", "than", NULL}, {"less", "than", NULL}, {"fewer", "than", NULL}, {"no", "more", "than"},
    {"at", "least", NULL},  {"at", "most", NULL},   {"up", "to", NULL},      {"nearly", NULL, NULL},
    {"almost", NULL, NULL}, {"about", NULL, NULL},  {"around", NULL, NULL},  {"roughly", NULL, NULL},
    {"approximately", NULL, NULL}, {"over", NULL, NULL}, {"some", NULL, NULL}, {"just", NULL, NULL},
};

static size_t read_approximator(const fl_tctx *c, size_t i)
{
    for (size_t a = 0; a < sizeof approximators / sizeof approximators[0]; a++) {
        size_t k = 0;
        while (k < 3 && approximators[a][k] && fl_tw_is(c, i + k, approximators[a][k]))
            k++;
        /* only before a count: "over the past year" is a preposition */
        if ((k == 3 || !approximators[a][k]) && (is_digits(c, i + k) || cls(c, i + k, FL_LX_NUMBER)))
            return k;
    }
    return 0;
}

/* ---- resolving against the DCT --------------------------------------- */

static long day_distance(fl_cal_date a, fl_cal_date b) { return fl_cal_day_number(a) - fl_cal_day_number(b); }

/* The year of a month (and day, or 0) written without one. News mostly
 * looks back, so it is the last occurrence (the DCT's month counts) unless
 * the clause looks ahead (and it is within six months) or the next
 * occurrence is near: within FL_NEAR_FUTURE_MONTHS ("payable Nov. 16" in a
 * report of Nov. 2). */
enum { FL_NEAR_FUTURE_MONTHS = 2 };

static int infer_year(const fl_tctx *c, int month, int day, int tense)
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
static fl_cal_date resolve_weekday(const fl_tctx *c, int weekday, int shift, int has_shift, int tense)
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

static const char *pod_suffix(int pod)
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
static void add_pod(fl_tmatch *m, int pod)
{
    size_t l = strlen(m->value);
    snprintf(m->value + l, sizeof m->value - l, "%s", pod_suffix(pod));
    m->type = FL_TIME_TIME;
}

static size_t read_pod(const fl_tctx *c, size_t i, int *pod)
{
    if (cls(c, i, FL_LX_PART_OF_DAY)) {
        *pod = fl_tw_value(c, i);
        return 1;
    }
    return 0;
}

/* Value of "DCT shifted by n units", at the unit's granularity. */
static int shifted_value(const fl_tctx *c, char *v, int unit, long n)
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
static int duration_value(char *v, int unit, long n)
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
static int half_duration_value(char *v, int unit, long n)
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

/* ---- dates with a month name ---------------------------------------- */

/* Words before a lone month that show it is a month ("in May", "last May"). */
static const char *const month_cues[] = {"in", "since", "until", "till", "by", "during", "from", "through",
                                         "before", "after", "of", "between", "and", "to", "end", "early",
                                         "late", "mid", "last", "next", "this", "until", "throughout"};

static int month_cue_before(const fl_tctx *c, size_t i)
{
    if (i <= c->sentence_begin)
        return 0;
    for (size_t k = 0; k < sizeof month_cues / sizeof month_cues[0]; k++)
        if (fl_tw_is(c, i - 1, month_cues[k]))
            return 1;
    return 0;
}

/* [Weekday ,] Month Day [,] [Year] | [Weekday ,] Day [of] Month [Year] |
 * Month [,] Year | Month (with a cue) */
static size_t pat_month_date(fl_tctx *c, size_t i, fl_tmatch *m)
{
    size_t k = i;
    if (cls(c, k, FL_LX_WEEKDAY) && !(fl_tw_lexflags(c, k) & FL_LXF_PLURAL)) {
        k++;
        if (is_punct(c, k, ','))
            k++;
    }
    int month = 0, day = -1;
    size_t month_at;
    if (cls(c, k, FL_LX_MONTH)) {
        month_at = k;
        month = fl_tw_value(c, k++);
        day = read_day(c, k);
        if (day > 0 && !(W(c, k)->flags & FL_W_DIGITS) && !(W(c, k)->flags & FL_W_ORD))
            day = -1; /* "May first" is rare; "March second" is not a date */
        if (day > 0)
            k++;
    } else {
        if (fl_tw_is(c, k, "the"))
            k++;
        day = read_day(c, k);
        if (day < 0)
            return 0;
        size_t j = k + 1;
        if (fl_tw_is(c, j, "of"))
            j++;
        if (!cls(c, j, FL_LX_MONTH))
            return 0;
        if (k == i + 1 && fl_tw_is(c, i, "the") && !fl_tw_is(c, k + 1, "of"))
            return 0;
        month_at = j;
        month = fl_tw_value(c, j);
        k = j + 1;
    }
    unsigned mf = fl_tw_lexflags(c, month_at);
    const fl_tword *mw = W(c, month_at);
    if (!(mw->flags & FL_W_CAP))
        return 0; /* "may", "march", "august" in lower case are not months */
    size_t before_year = k;
    if (is_punct(c, k, ','))
        k++;
    int year = read_year(c, k, 1000, 2199);
    size_t spoken = 0, of = fl_tw_is(c, k, "of") ? 1 : 0;
    if (year > 0)
        k++;
    else if ((year = read_spoken_year(c, k, &spoken)) > 0)
        k += spoken;
    else if (cls(c, k + of, FL_LX_SHIFT) && unit_of(c, k + of + 1) == FL_U_YEAR &&
             !(fl_tw_lexflags(c, k + of + 1) & FL_LXF_PLURAL) && !fl_tw_is(c, k + of, "past") &&
             !fl_tw_is(c, k + of, "that") && !fl_tw_is(c, k + of, "same")) {
        year = c->dct.year + fl_tw_value(c, k + of); /* "July last year", "June of this year" */
        k += of + 2;
    } else {
        k = before_year;
    }
    if (day < 0 && year < 0) {
        /* A lone month name: only with a cue, and never an abbreviation. */
        if (mf & FL_LXF_ABBR)
            return 0;
        if (k != month_at + 1 || month_at != i)
            return 0;
        if (!month_cue_before(c, i) && !((mf & FL_LXF_AMBIG) == 0 && !(W(c, i + 1) && (W(c, i + 1)->flags & FL_W_CAP))))
            return 0;
        if ((mf & FL_LXF_AMBIG) && !month_cue_before(c, i))
            return 0;
    }
    if ((mf & FL_LXF_ABBR) && day < 0 && year < 0)
        return 0;
    if (year < 0) {
        year = infer_year(c, month, day > 0 ? day : 0, fl_tense_around(c, i, k));
        if (!year)
            return 0;
    }
    if (day > 0) {
        fl_cal_date d = {year, month, day};
        if (!fl_val_day(m->value, d))
            return 0;
    } else if (!fl_val_month(m->value, year, month)) {
        return 0;
    }
    m->type = FL_TIME_DATE;
    return k - i;
}

/* Reads up to 5 digits at s[*p]; returns the value, *n the digit count. */
static int read_digits(const char *s, size_t len, size_t *p, int *n)
{
    int v = 0;
    *n = 0;
    while (*p < len && s[*p] >= '0' && s[*p] <= '9' && *n < 5)
        v = v * 10 + (s[(*p)++] - '0'), (*n)++;
    return v;
}

/* Parses s[0, len) as a numeric date into *d. */
static int parse_numeric_date(const fl_tctx *c, const char *s, size_t len, fl_cal_date *d);

/* 10/15/1998, 10/15/98, 1998-10-15 (one token or adjacent tokens) */
static size_t pat_numeric_date(fl_tctx *c, size_t i, fl_tmatch *m)
{
    const fl_tword *w = W(c, i);
    if ((w->flags & FL_W_JOINED) || !(c->text[w->start] >= '0' && c->text[w->start] <= '9'))
        return 0;
    /* the run of adjacent words without white space: "10", "/", "15", ... */
    size_t end = i + 1;
    while (end < c->n && end < i + 5 && c->w[end].start == c->w[end - 1].end)
        end++;
    for (size_t j = end; j > i; j--) {
        fl_cal_date d;
        if (parse_numeric_date(c, c->text + w->start, c->w[j - 1].end - w->start, &d) && fl_val_day(m->value, d)) {
            m->type = FL_TIME_DATE;
            return j - i;
        }
    }
    return 0;
}

static int parse_numeric_date(const fl_tctx *c, const char *s, size_t len, fl_cal_date *out)
{
    int a, b, y = 0, na, nb, ny = 0;
    size_t p = 0;
    a = read_digits(s, len, &p, &na);
    if (p >= len || (s[p] != '/' && s[p] != '-'))
        return 0;
    char sep = s[p++];
    b = read_digits(s, len, &p, &nb);
    if (p < len && s[p] == sep) {
        p++;
        y = read_digits(s, len, &p, &ny);
    }
    if (p != len || nb == 0)
        return 0;
    fl_cal_date d;
    d.day = 0;
    if (sep == '-' && na == 4 && ny >= 1 && ny <= 2) {
        d.year = a, d.month = b, d.day = y;
    } else if (sep == '/' && na <= 2 && nb <= 2 && (ny == 4 || ny == 2)) {
        d.month = a, d.day = b, d.year = ny == 4 ? y : (y < 50 ? 2000 + y : 1900 + y);
    } else if (sep == '/' && na <= 2 && nb <= 2 && ny == 0) {
        /* 10/15: only where a fraction is unlikely */
        if (a < 1 || a > 12 || b <= 12 || b > 31)
            return 0;
        d.month = a, d.day = b;
        d.year = infer_year(c, a, b, FL_TENSE_UNKNOWN);
        if (!d.year)
            return 0;
    } else {
        return 0;
    }
    *out = d;
    return 1;
}

/* ---- years, decades, centuries --------------------------------------- */

/* Words after a number that show it is a quantity, not a year. */
static const char *const not_year_after[] = {"percent", "%", "people", "troops", "jobs", "shares", "miles",
                                             "kilometers", "tons", "acres", "feet", "meters", "votes"};

static size_t pat_year(fl_tctx *c, size_t i, fl_tmatch *m)
{
    size_t k = i;
    if (fl_tw_is(c, k, "the") && W(c, k + 1) && (W(c, k + 1)->flags & FL_W_DECADE))
        k++; /* "the 1990s" */
    if (fl_tw_is(c, k, "the") && unit_of(c, k + 1) == FL_U_YEAR && !(fl_tw_lexflags(c, k + 1) & FL_LXF_PLURAL))
        k += 2; /* "the year 2000", "the year two thousand" */
    if (cls(c, k, FL_LX_FISCAL))
        k++;
    size_t spoken = 0;
    int said = read_spoken_year(c, k, &spoken);
    if (said > 0) {
        fl_val_year(m->value, said);
        m->type = FL_TIME_DATE;
        return k + spoken - i;
    }
    const fl_tword *w = W(c, k);
    if (!w)
        return 0;
    if (w->flags & FL_W_DECADE) {
        /* 1990s -> 199X; '90s -> 199X */
        if (w->ndigits == 4 && w->num % 10 == 0 && w->num >= 1000) {
            snprintf(m->value, sizeof m->value, "%03dX", w->num / 10);
        } else if (w->ndigits == 2 && w->num % 10 == 0 && k > 0 && (W(c, k - 1)->flags & FL_W_PUNCT)) {
            snprintf(m->value, sizeof m->value, "19%dX", w->num / 10);
        } else {
            return 0;
        }
        m->type = FL_TIME_DATE;
        return k + 1 - i;
    }
    int year = read_year(c, k, 1800, 2099);
    if (year < 0)
        return 0;
    if (k > 0 && (fl_tw_is(c, k - 1, "$") || fl_tw_is(c, k - 1, "no") || fl_tw_is(c, k - 1, "#")))
        return 0;
    for (size_t q = 0; q < sizeof not_year_after / sizeof not_year_after[0]; q++)
        if (fl_tw_is(c, k + 1, not_year_after[q]))
            return 0;
    if (cls(c, k + 1, FL_LX_UNIT) || cls(c, k + 1, FL_LX_MONTH))
        return 0;
    fl_val_year(m->value, year);
    m->type = FL_TIME_DATE;
    return k + 1 - i;
}

/* the 20th century, the nineteenth century -> 19 */
static size_t pat_century(fl_tctx *c, size_t i, fl_tmatch *m)
{
    size_t k = i;
    if (fl_tw_is(c, k, "the"))
        k++;
    int n = -1;
    const fl_tword *w = W(c, k);
    if (w->flags & FL_W_ORD)
        n = w->num;
    else if (cls(c, k, FL_LX_ORDINAL))
        n = fl_tw_value(c, k);
    if (n < 1 || n > 99 || unit_of(c, k + 1) != FL_U_CENTURY || (fl_tw_lexflags(c, k + 1) & FL_LXF_PLURAL))
        return 0;
    snprintf(m->value, sizeof m->value, "%02d", n - 1);
    m->type = FL_TIME_DATE;
    return k + 2 - i;
}

/* ---- quarters ---------------------------------------------------------- */

/* A quarter or a reporting period: [the] [1998's|this year's] [fiscal]
 * (third|3rd|latest|current|year-earlier|1988) (quarter|period) [of 1998] */
static int is_period_word(const fl_tctx *c, size_t i)
{
    return (unit_of(c, i) == FL_U_QUARTER && !(fl_tw_lexflags(c, i) & FL_LXF_PLURAL)) || fl_tw_is(c, i, "period");
}

static size_t pat_quarter(fl_tctx *c, size_t i, fl_tmatch *m)
{
    size_t k = i;
    int the = 0;
    if (fl_tw_is(c, k, "the")) {
        the = 1;
        k++;
    }
    int year = -1, q = 0, shift = 0, has_shift = 0, year_ago = 0, explicit_year = 0;
    int y0 = read_year(c, k, 1800, 2099);
    if (y0 > 0 && fl_tw_is(c, k + 1, "'s")) {
        year = y0;
        k += 2;
    } else if (cls(c, k, FL_LX_SHIFT) && unit_of(c, k + 1) == FL_U_YEAR && fl_tw_is(c, k + 2, "'s")) {
        year = c->dct.year + fl_tw_value(c, k);
        k += 3;
    } else if (y0 > 0 && the) {
        year = y0; /* "the 1988 second quarter", "the 1988 period" */
        explicit_year = 1;
        k++;
    }
    if (unit_of(c, k) == FL_U_YEAR && !joined(c, k) && (fl_tw_is(c, k + 1, "earlier") || fl_tw_is(c, k + 1, "ago")) &&
        joined(c, k + 1)) {
        year_ago = 1; /* "the year-earlier quarter" */
        k += 2;
    }
    if (cls(c, k, FL_LX_FISCAL))
        k++;
    const fl_tword *w = W(c, k);
    if (!w)
        return 0;
    int ord_joined = 0;
    if (cls(c, k, FL_LX_ORDINAL) && fl_tw_value(c, k) <= 4) {
        q = fl_tw_value(c, k);
    } else if ((w->flags & FL_W_ORD) && w->num >= 1 && w->num <= 4) {
        q = w->num;
    } else if (unit_of(c, k) == FL_U_SECOND && !(fl_tw_lexflags(c, k) & FL_LXF_PLURAL) && is_period_word(c, k + 1)) {
        q = 2;
    } else if (!year_ago && !explicit_year &&
               (fl_tw_is(c, k, "latest") || fl_tw_is(c, k, "recent") || fl_tw_is(c, k, "last") ||
                fl_tw_is(c, k, "previous"))) {
        shift = -1, has_shift = 1;
    } else if (!year_ago && !explicit_year && (fl_tw_is(c, k, "current") || fl_tw_is(c, k, "this"))) {
        has_shift = 1;
    } else if (!year_ago && !explicit_year && fl_tw_is(c, k, "next")) {
        shift = 1, has_shift = 1;
    } else {
        k--; /* no qualifier: "the quarter", "the year-earlier period" */
    }
    k++;
    ord_joined = q && joined(c, k);
    if (!is_period_word(c, k))
        return 0;
    int is_period = fl_tw_is(c, k, "period");
    if (is_period && !(year_ago || explicit_year || (has_shift && shift < 0 && the)))
        return 0;
    if (the && ord_joined && !explicit_year && !year_ago)
        return 0; /* "the third-quarter results": the extent is "third-quarter" */
    if (!q && !has_shift && !year_ago && !explicit_year && !the)
        return 0;
    k++;
    if (q && year < 0 && (fl_tw_is(c, k, "of") || fl_tw_is(c, k, "in"))) {
        size_t j = k + 1;
        if (cls(c, j, FL_LX_FISCAL))
            j++;
        int y = read_year(c, j, 1800, 2099);
        if (y > 0) {
            year = y;
            k = j + 1;
        } else if (cls(c, j, FL_LX_SHIFT) && unit_of(c, j + 1) == FL_U_YEAR) {
            year = c->dct.year + fl_tw_value(c, j);
            k = j + 2;
        }
    } else if (q && year < 0 && read_year(c, k, 1800, 2099) > 0) {
        year = read_year(c, k++, 1800, 2099);
    }
    int dq = (c->dct.month - 1) / 3 + 1;
    /* the quarter a report is about: the one named last, else the last completed */
    int completed = c->last_quarter && c->last_quarter_year * 4 + c->last_quarter < c->dct.year * 4 + dq;
    int ref_year = completed ? c->last_quarter_year : (dq == 1 ? c->dct.year - 1 : c->dct.year);
    int ref_q = completed ? c->last_quarter : (dq == 1 ? 4 : dq - 1);
    if (q) {
        if (year < 0) {
            int tense = fl_tense_around(c, i, k);
            year = c->dct.year;
            if (q > dq && tense != FL_TENSE_FUTURE)
                year--;
        }
        if (year_ago)
            year = (year_ago && !explicit_year ? ref_year : year) - 1;
        m->anchor = !year_ago;
    } else if (year_ago) {
        year = ref_year - 1;
        q = ref_q;
    } else if (explicit_year) {
        q = ref_q;
    } else if (has_shift && shift < 0) {
        year = ref_year;
        q = ref_q;
    } else if (has_shift) {
        long n = (long)c->dct.year * 4 + (dq - 1) + shift;
        year = (int)(n / 4);
        q = (int)(n % 4) + 1;
    } else {
        year = ref_year; /* "the quarter" */
        q = ref_q;
    }
    if (!fl_val_quarter(m->value, year, q))
        return 0;
    m->type = FL_TIME_DATE;
    return k - i;
}

/* ---- deictic words ---------------------------------------------------- */

/* today, yesterday, tomorrow, tonight [morning|night] */
static size_t pat_day_word(fl_tctx *c, size_t i, fl_tmatch *m)
{
    if (!cls(c, i, FL_LX_DAY_WORD))
        return 0;
    int off = fl_tw_value(c, i);
    if (!fl_val_day(m->value, fl_cal_add_days(c->dct, off)))
        return 0;
    m->type = FL_TIME_DATE;
    if (fl_tw_is(c, i, "tonight")) {
        add_pod(m, FL_POD_NIGHT);
        return 1;
    }
    int pod;
    if (read_pod(c, i + 1, &pod)) {
        add_pod(m, pod);
        return 2;
    }
    return 1;
}

/* Phrases that name the present, past or future (-1, 0, 1). */
static const struct {
    const char *words[3];
    int ref;
} ref_phrases[] = {
    {{"these", "days", NULL}, 0},   {{"the", "time", "being"}, 0}, {{"at", "present", NULL}, 0},
    {{"the", "near", "term"}, 1},   {{"the", "short", "term"}, 1}, {{"the", "long", "term"}, 1},
    {{"the", "years", "ahead"}, 1}, {{"the", "months", "ahead"}, 1},
};

/* now, currently, recently, soon; the future, the past; recent years */
static size_t pat_ref(fl_tctx *c, size_t i, fl_tmatch *m)
{
    static const char *const refs[3] = {"PAST_REF", "PRESENT_REF", "FUTURE_REF"};
    m->type = FL_TIME_DATE;
    for (size_t p = 0; p < sizeof ref_phrases / sizeof ref_phrases[0]; p++) {
        size_t k = 0;
        while (k < 3 && ref_phrases[p].words[k] && fl_tw_is(c, i + k, ref_phrases[p].words[k]) &&
               !(k && joined(c, i + k))) /* "the long-term outlook" is not a time */
            k++;
        if (k == 3 || !ref_phrases[p].words[k]) {
            strcpy(m->value, refs[ref_phrases[p].ref + 1]);
            return k;
        }
    }
    if (fl_tw_is(c, i, "the")) {
        size_t k = i + 1;
        if (fl_tw_is(c, k, "near") || fl_tw_is(c, k, "distant") || fl_tw_is(c, k, "foreseeable"))
            k++;
        if (cls(c, k, FL_LX_REF) && (fl_tw_lexflags(c, k) & FL_LXF_NEEDS_THE)) {
            strcpy(m->value, refs[fl_tw_value(c, k) + 1]);
            return k + 1 - i;
        }
        if (fl_tw_is(c, k, "past") && k == i + 1 && !cls(c, k + 1, FL_LX_UNIT) && !cls(c, k + 1, FL_LX_NUMBER) &&
            !is_digits(c, k + 1) && !cls(c, k + 1, FL_LX_WEEKDAY) && !cls(c, k + 1, FL_LX_MONTH) &&
            !cls(c, k + 1, FL_LX_SEASON) && !(W(c, k + 1) && (W(c, k + 1)->flags & FL_W_JOINED))) {
            strcpy(m->value, "PAST_REF");
            return 2;
        }
        return 0;
    }
    if (cls(c, i, FL_LX_SHIFT) && fl_tw_value(c, i) != 0 && !joined(c, i + 1) && unit_of(c, i + 1) != FL_U_NONE &&
        unit_of(c, i + 1) != FL_U_WEEKEND && (fl_tw_lexflags(c, i + 1) & FL_LXF_PLURAL)) {
        /* "coming years", "past years": as vague as "recent years" */
        strcpy(m->value, refs[fl_tw_value(c, i) + 1]);
        return 2;
    }
    if (!cls(c, i, FL_LX_REF) || (fl_tw_lexflags(c, i) & FL_LXF_NEEDS_THE))
        return 0;
    int v = fl_tw_value(c, i);
    if (fl_tw_lexflags(c, i) & FL_LXF_AMBIG) {
        /* "recent years", "recent weeks": PAST_REF; a bare adjective is not a time */
        if (unit_of(c, i + 1) != FL_U_NONE && (fl_tw_lexflags(c, i + 1) & FL_LXF_PLURAL)) {
            strcpy(m->value, refs[v + 1]);
            return 2;
        }
        if (fl_tw_is(c, i, "current")) { /* "the current chairman": PRESENT_REF, as TimeBank has it */
            strcpy(m->value, refs[v + 1]);
            return 1;
        }
        return 0;
    }
    if (joined(c, i + 1))
        return 0; /* "now-defunct" */
    strcpy(m->value, refs[v + 1]);
    return 1;
}

/* ---- weekdays --------------------------------------------------------- */

static size_t weekday_core(fl_tctx *c, size_t i, fl_tmatch *m, int shift, int has_shift, size_t start)
{
    if (!cls(c, i, FL_LX_WEEKDAY))
        return 0;
    unsigned f = fl_tw_lexflags(c, i);
    const fl_tword *w = W(c, i);
    if (!(w->flags & FL_W_CAP))
        return 0;
    if ((f & FL_LXF_ABBR) && !(w->flags & FL_W_PERIOD))
        return 0;
    int wd = fl_tw_value(c, i);
    if (f & FL_LXF_PLURAL) {
        if (has_shift)
            return 0;
        snprintf(m->value, sizeof m->value, "XXXX-WXX-%d", wd);
        m->type = FL_TIME_SET;
        return 1;
    }
    int tense = has_shift ? FL_TENSE_UNKNOWN : fl_tense_around(c, start, i + 1);
    if (!fl_val_day(m->value, resolve_weekday(c, wd, shift, has_shift, tense)))
        return 0;
    m->type = FL_TIME_DATE;
    int pod;
    if (read_pod(c, i + 1, &pod)) {
        /* TimeBank annotates "Wednesday night" as a DATE with the part of day */
        add_pod(m, pod);
        m->type = FL_TIME_DATE;
        return 2;
    }
    return 1;
}

static size_t pat_weekday(fl_tctx *c, size_t i, fl_tmatch *m)
{
    return weekday_core(c, i, m, 0, 0, i);
}

/* ---- this / last / next ... ------------------------------------------ */

static size_t pat_relative(fl_tctx *c, size_t i, fl_tmatch *m)
{
    size_t k = i;
    int the = 0, earlier = 0;
    if (fl_tw_is(c, k, "earlier") || fl_tw_is(c, k, "later")) {
        earlier = 1;
        k++;
    }
    if (fl_tw_is(c, k, "the") && !earlier) {
        the = 1;
        k++;
    }
    if (the && c->after_edge && unit_of(c, k) != FL_U_NONE && !(fl_tw_lexflags(c, k) & FL_LXF_PLURAL) &&
        unit_of(c, k) >= FL_U_WEEK && unit_of(c, k) != FL_U_FORTNIGHT) {
        /* "the end of the year", "the middle of the month" */
        if (!shifted_value(c, m->value, unit_of(c, k), 0))
            return 0;
        m->type = FL_TIME_DATE;
        return k + 1 - i;
    }
    int current = the && (fl_tw_is(c, k, "current") || (fl_tw_is(c, k, "full") && unit_of(c, k + 1) == FL_U_YEAR));
    if (!cls(c, k, FL_LX_SHIFT) && !current)
        return 0;
    int shift = current ? 0 : fl_tw_value(c, k);
    int is_past = fl_tw_is(c, k, "past");
    int is_this = fl_tw_is(c, k, "this");
    if (fl_tw_is(c, k, "that") || fl_tw_is(c, k, "same") || fl_tw_is(c, k, "following"))
        return 0; /* anaphoric: needs the narrative's time, not the DCT */
    if (earlier && !is_this)
        return 0;
    if (the && shift == 0 && !current)
        return 0;
    k++;
    if (current && cls(c, k, FL_LX_FISCAL))
        k++; /* "the current fiscal year" */
    int unit = unit_of(c, k);
    if (unit != FL_U_NONE) {
        if ((fl_tw_lexflags(c, k) & FL_LXF_PLURAL) || joined(c, k))
            return 0; /* "last-minute" is an adjective */
        int anaphoric = fl_tw_is(c, k - 1, "previous") || fl_tw_is(c, k - 1, "prior") || fl_tw_is(c, k - 1, "preceding");
        if ((is_past || (the && shift != 0 && !anaphoric)) && !earlier && !current) {
            /* the past week, the last year, the next month: a duration */
            if (unit == FL_U_DAY)
                return 0;
            if (!duration_value(m->value, unit, 1))
                return 0;
            m->type = FL_TIME_DURATION;
            return k + 1 - i;
        }
        if (unit == FL_U_DAY || fl_unit_is_clock((fl_unit)unit))
            return 0;
        if (!shifted_value(c, m->value, unit, shift))
            return 0;
        m->type = FL_TIME_DATE;
        if (unit == FL_U_QUARTER && the && !current)
            return 0;
        return k + 1 - i;
    }
    if (the || earlier)
        return 0;
    if (cls(c, k, FL_LX_WEEKDAY)) {
        size_t n = weekday_core(c, k, m, shift, 1, i);
        return n ? k + n - i : 0;
    }
    if (cls(c, k, FL_LX_MONTH) && (W(c, k)->flags & FL_W_CAP) && !(fl_tw_lexflags(c, k) & FL_LXF_ABBR)) {
        int month = fl_tw_value(c, k);
        int year = c->dct.year;
        if (shift < 0 && month >= c->dct.month)
            year--;
        else if (shift > 0 && month <= c->dct.month)
            year++;
        if (!fl_val_month(m->value, year, month))
            return 0;
        m->type = FL_TIME_DATE;
        return k + 1 - i;
    }
    if (cls(c, k, FL_LX_SEASON)) {
        static const char *const names[5] = {"", "SP", "SU", "FA", "WI"};
        int season = fl_tw_value(c, k);
        /* the season the DCT is in: winter 12-2, spring 3-5, summer 6-8, fall 9-11 */
        int now = c->dct.month == 12 || c->dct.month <= 2 ? FL_SEASON_WINTER : (c->dct.month - 3) / 3 + 1;
        int year = c->dct.month <= 2 ? c->dct.year - 1 : c->dct.year; /* January is in last year's winter */
        if (shift < 0 && season >= now)
            year--;
        else if (shift > 0 && season <= now)
            year++;
        if (year < 1 || year > 9999)
            return 0;
        snprintf(m->value, sizeof m->value, "%04d-%s", year, names[season]);
        m->type = FL_TIME_DATE;
        return k + 1 - i;
    }
    int pod;
    if (read_pod(c, k, &pod)) {
        /* this morning, last night */
        if (shift > 0 || (shift < 0 && pod != FL_POD_NIGHT))
            return 0;
        if (!fl_val_day(m->value, fl_cal_add_days(c->dct, shift)))
            return 0;
        add_pod(m, pod);
        return k + 1 - i;
    }
    return 0;
}

/* Seasons with a year or a cue: summer 1998, in the spring. */
static size_t pat_season(fl_tctx *c, size_t i, fl_tmatch *m)
{
    static const char *const names[5] = {"", "SP", "SU", "FA", "WI"};
    size_t k = i;
    if (fl_tw_is(c, k, "the"))
        k++;
    if (!cls(c, k, FL_LX_SEASON))
        return 0;
    int season = fl_tw_value(c, k++);
    int year = -1;
    size_t used = 0;
    if (fl_tw_is(c, k, "of") && (year = read_any_year(c, k + 1, &used)) > 0)
        k += 1 + used;
    else if ((year = read_any_year(c, k, &used)) > 0)
        k += used;
    if (year < 0) {
        if (fl_tw_lexflags(c, i + (k - i) - 1) & FL_LXF_AMBIG)
            return 0;
        if (!(k - i == 2 && fl_tw_is(c, i, "the") && i > 0 && fl_tw_is(c, i - 1, "this")) && !month_cue_before(c, i))
            return 0;
        year = c->dct.year;
    }
    snprintf(m->value, sizeof m->value, "%04d-%s", year, names[season]);
    m->type = FL_TIME_DATE;
    return k - i;
}

/* ---- durations, "ago", sets ----------------------------------------- */

/* Words before "a year" that make it a rate: "$5 a year", "twice a week". */
static int rate_before(const fl_tctx *c, size_t i)
{
    if (i <= c->sentence_begin)
        return 0;
    const fl_tword *p = W(c, i - 1);
    return (p->flags & (FL_W_DIGITS)) || fl_tw_is(c, i - 1, "twice") || fl_tw_is(c, i - 1, "once") ||
           fl_tw_is(c, i - 1, "times") || fl_tw_is(c, i - 1, "percent") || fl_tw_is(c, i - 1, "%") ||
           fl_tw_is(c, i - 1, "million") || fl_tw_is(c, i - 1, "billion") || fl_tw_is(c, i - 1, "dollars");
}

/* [approx] [the] [first|past|last|next|coming] COUNT UNIT [ago|earlier|later] */
static size_t pat_amount(fl_tctx *c, size_t i, fl_tmatch *m)
{
    size_t k = i + read_approximator(c, i);
    int the = 0, lead = 0;
    if (fl_tw_is(c, k, "the")) {
        the = 1;
        k++;
    }
    if (cls(c, k, FL_LX_SHIFT) && fl_tw_value(c, k) != 0) {
        lead = 1;
        k++;
    } else if (cls(c, k, FL_LX_ORDINAL) && fl_tw_value(c, k) == 1) {
        lead = 1;
        k++;
    } else if (fl_tw_is(c, k, "final") || fl_tw_is(c, k, "initial")) {
        lead = 1;
        k++;
    }
    long n;
    size_t cn = read_count(c, k, &n);
    if (!cn)
        return 0;
    int article = (fl_tw_lexflags(c, k) & FL_LXF_ARTICLE) && cn == 1;
    k += cn;
    int half = 0;
    if (n != FL_LX_VAGUE && fl_tw_is(c, k, "and") && fl_tw_is(c, k + 1, "a") && fl_tw_is(c, k + 2, "half")) {
        half = 1; /* "two and a half years" */
        k += 3;
    } else if (n != FL_LX_VAGUE && is_digits(c, k - 1) && W(c, k) && !strncmp(c->text + W(c, k)->start, "1/2", 3)) {
        /* "5 1/2 hours": one token "1/2" or three adjacent ones */
        size_t j = k;
        while (j < c->n && c->w[j].end < W(c, k)->start + 3 && c->w[j + 1 < c->n ? j + 1 : j].start == c->w[j].end)
            j++;
        if (c->w[j].end == W(c, k)->start + 3) {
            half = 1;
            k = j + 1;
        }
    }
    if (fl_tw_is(c, k, "more") || fl_tw_is(c, k, "additional") || fl_tw_is(c, k, "full") ||
        fl_tw_is(c, k, "straight") || fl_tw_is(c, k, "consecutive"))
        k++;
    int unit = unit_of(c, k);
    if (unit == FL_U_NONE)
        return 0;
    if (unit == FL_U_SECOND && (fl_tw_lexflags(c, k) & FL_LXF_AMBIG) && (n != 1 || article))
        return 0; /* "a second round": an ordinal */
    if (unit == FL_U_QUARTER && (joined(c, k) || fl_tw_is(c, k + 1, "of")))
        return 0; /* fractions: "three-quarters", "a quarter of the votes" */
    if (the && !lead && joined(c, k))
        return 0; /* "the two-week truce": the extent is "two-week" */
    if (is_digits(c, k - 1) && W(c, k - 1)->ndigits == 4 && !(fl_tw_lexflags(c, k) & FL_LXF_PLURAL))
        return 0; /* "the 1988 quarter" is a date */
    k++;
    /* ... ago / earlier / later / from now */
    /* "N units ago / earlier": a date. "before"/"after" only end a clause
     * ("a week before,"); "two days later" follows the narrative, so those
     * stay durations ("twenty years after the first flight"). */
    int dated = !the && !lead && cls(c, k, FL_LX_AGO) && !joined(c, k); /* not "a year-earlier" */
    int is_ago = dated && fl_tw_is(c, k, "ago");
    if (dated && (fl_tw_is(c, k, "before") || fl_tw_is(c, k, "after")) &&
        !(k + 1 >= c->n || (W(c, k + 1)->flags & FL_W_PUNCT)))
        dated = 0;
    if (dated && fl_tw_is(c, k, "later") && unit != FL_U_YEAR)
        dated = 0;
    if (dated && !half) {
        int dir = fl_tw_value(c, k);
        m->type = FL_TIME_DATE;
        if (n == FL_LX_VAGUE) {
            strcpy(m->value, dir < 0 ? "PAST_REF" : "FUTURE_REF");
            return k + 1 - i;
        }
        if (unit == FL_U_YEAR && n == 1 && c->last_quarter && (is_ago || fl_tw_is(c, k, "earlier"))) {
            if (!fl_val_quarter(m->value, c->last_quarter_year - 1, c->last_quarter))
                return 0;
            return k + 1 - i;
        }
        if (fl_unit_is_clock((fl_unit)unit))
            return 0;
        if (!shifted_value(c, m->value, unit, dir * n))
            return 0;
        return k + 1 - i;
    }
    if (fl_tw_is(c, k, "from") && fl_tw_is(c, k + 1, "now") && !the && !lead) {
        if (n == FL_LX_VAGUE || fl_unit_is_clock((fl_unit)unit) || !shifted_value(c, m->value, unit, n))
            return 0;
        m->type = FL_TIME_DATE;
        return k + 2 - i;
    }
    if (article && !the && !lead && rate_before(c, i)) {
        if (!duration_value(m->value, unit, 1))
            return 0;
        m->type = FL_TIME_SET;
        return k - i;
    }
    if (unit == FL_U_WEEKEND)
        return 0;
    if (joined(c, k) && fl_tw_is(c, k, "old"))
        return 0; /* "a 20-year-old": an age, not a time */
    if (!half && n != FL_LX_VAGUE && fl_tw_is(c, k, "and") && fl_tw_is(c, k + 1, "a") && fl_tw_is(c, k + 2, "half")) {
        half = 1; /* "an hour and a half" */
        k += 3;
    }
    if (half ? !half_duration_value(m->value, unit, n) : !duration_value(m->value, unit, n))
        return 0;
    m->type = FL_TIME_DURATION;
    if (joined(c, k) && fl_tw_is(c, k, "long"))
        k++; /* "two-day-long" */
    return k - i;
}

/* "for years", "over decades": a vague duration without a count */
static size_t pat_bare_units(fl_tctx *c, size_t i, fl_tmatch *m)
{
    int unit = unit_of(c, i);
    if (unit == FL_U_NONE || !(fl_tw_lexflags(c, i) & FL_LXF_PLURAL) || i <= c->sentence_begin)
        return 0;
    if (!(fl_tw_is(c, i - 1, "for") || fl_tw_is(c, i - 1, "over") || fl_tw_is(c, i - 1, "within")))
        return 0;
    if (unit == FL_U_SECOND || unit == FL_U_WEEKEND || cls(c, i + 1, FL_LX_AGO) || fl_tw_is(c, i + 1, "of"))
        return 0;
    if (!duration_value(m->value, unit, FL_LX_VAGUE))
        return 0;
    m->type = FL_TIME_DURATION;
    return 1;
}

/* year-earlier, year-ago (as adjectives): the same period a year before */
static size_t pat_year_ago_adj(fl_tctx *c, size_t i, fl_tmatch *m)
{
    if (unit_of(c, i) != FL_U_YEAR || joined(c, i) || !joined(c, i + 1) ||
        !(fl_tw_is(c, i + 1, "earlier") || fl_tw_is(c, i + 1, "ago")))
        return 0;
    if (c->last_quarter) {
        if (!fl_val_quarter(m->value, c->last_quarter_year - 1, c->last_quarter))
            return 0;
    } else if (!fl_val_year(m->value, c->dct.year - 1)) {
        return 0;
    }
    m->type = FL_TIME_DATE;
    return 2;
}

/* daily, weekly; every day, each Monday, every other week, every morning */
static size_t pat_set(fl_tctx *c, size_t i, fl_tmatch *m)
{
    m->type = FL_TIME_SET;
    if (cls(c, i, FL_LX_SET)) {
        if (joined(c, i + 1))
            return 0;
        return duration_value(m->value, fl_tw_value(c, i), 1) ? 1 : 0;
    }
    if (!cls(c, i, FL_LX_EVERY))
        return 0;
    size_t k = i + 1;
    long n = 1;
    if (fl_tw_is(c, k, "other")) {
        n = 2;
        k++;
    } else {
        size_t cn = read_count(c, k, &n);
        if (cn && n != FL_LX_VAGUE && !(fl_tw_lexflags(c, k) & FL_LXF_ARTICLE))
            k += cn;
        else
            n = 1;
    }
    int unit = unit_of(c, k);
    if (unit != FL_U_NONE && unit != FL_U_WEEKEND) {
        if (fl_tw_is(c, i, "per") && n != 1)
            return 0;
        return duration_value(m->value, unit, n) ? k + 1 - i : 0;
    }
    if (fl_tw_is(c, i, "per"))
        return 0;
    if (cls(c, k, FL_LX_WEEKDAY) && !(fl_tw_lexflags(c, k) & FL_LXF_ABBR)) {
        snprintf(m->value, sizeof m->value, "XXXX-WXX-%d", fl_tw_value(c, k));
        return k + 1 - i;
    }
    int pod;
    if (read_pod(c, k, &pod)) {
        snprintf(m->value, sizeof m->value, "XXXX-XX-XX%s", pod_suffix(pod));
        return k + 1 - i;
    }
    return 0;
}

/* ---- clock times ------------------------------------------------------ */

/* 3 p.m., 10:30, 10:30 a.m. EDT [Tuesday|today]; noon, midnight */
static size_t pat_clock(fl_tctx *c, size_t i, fl_tmatch *m)
{
    const fl_tword *w = W(c, i);
    int hour = -1, minute = 0;
    size_t k = i + 1;
    if (w->flags & FL_W_DIGITS) {
        if (w->ndigits > 2 || w->num > 12 || w->num < 1 || !cls(c, k, FL_LX_MERIDIEM))
            return 0;
        hour = w->num;
    } else if (w->num < 0 && !w->lex) {
        const char *s = c->text + w->start;
        size_t len = w->end - w->start;
        if ((len == 4 || len == 5) && s[len - 3] == ':') {
            int h = 0;
            for (size_t p = 0; p + 3 < len; p++)
                h = h * 10 + (s[p] - '0');
            int mm = (s[len - 2] - '0') * 10 + (s[len - 1] - '0');
            if (s[len - 2] < '0' || s[len - 2] > '9' || s[len - 1] < '0' || s[len - 1] > '9' || s[0] < '0' ||
                s[0] > '9' || (len == 5 && (s[1] < '0' || s[1] > '9')))
                return 0;
            if (h > 24 || mm > 59)
                return 0;
            hour = h;
            minute = mm;
        }
    } else if (cls(c, i, FL_LX_PART_OF_DAY) && (fl_tw_value(c, i) == FL_POD_NOON || fl_tw_value(c, i) == FL_POD_MIDNIGHT)) {
        hour = fl_tw_value(c, i) == FL_POD_NOON ? 12 : 24;
        k = i + 1;
    }
    if (hour < 0)
        return 0;
    if (cls(c, k, FL_LX_MERIDIEM)) {
        if (hour > 12)
            return 0;
        hour = hour % 12 + fl_tw_value(c, k);
        k++;
    }
    if (cls(c, k, FL_LX_ZONE))
        k++;
    fl_cal_date day = c->dct;
    size_t after = k;
    size_t dk = is_punct(c, k, ',') ? k + 1 : k;
    fl_tmatch dm;
    memset(&dm, 0, sizeof dm);
    size_t dn = cls(c, dk, FL_LX_MONTH) || cls(c, dk, FL_LX_WEEKDAY) ? pat_month_date(c, dk, &dm) : 0;
    if (dn && strlen(dm.value) == 10) {
        /* "5 p.m. EST, Nov. 6": the time of that day */
        day.year = atoi(dm.value);
        day.month = atoi(dm.value + 5);
        day.day = atoi(dm.value + 8);
        after = dk + dn;
    } else if (cls(c, k, FL_LX_WEEKDAY) && !(fl_tw_lexflags(c, k) & (FL_LXF_PLURAL | FL_LXF_ABBR)) &&
        (W(c, k)->flags & FL_W_CAP)) {
        day = resolve_weekday(c, fl_tw_value(c, k), 0, 0, fl_tense_around(c, i, k + 1));
        after = k + 1;
    } else if (cls(c, k, FL_LX_DAY_WORD) && !fl_tw_is(c, k, "tonight")) {
        day = fl_cal_add_days(c->dct, fl_tw_value(c, k));
        after = k + 1;
    }
    if (!fl_val_day(m->value, day))
        return 0;
    size_t l = strlen(m->value);
    snprintf(m->value + l, sizeof m->value - l, "T%02d:%02d", hour, minute);
    m->type = FL_TIME_TIME;
    return after - i;
}

/* "the weekend": the last one, or the coming one when the clause looks
 * ahead; "the fiscal year": the current one, as a duration. */
static size_t pat_the_period(fl_tctx *c, size_t i, fl_tmatch *m)
{
    if (!fl_tw_is(c, i, "the"))
        return 0;
    if (unit_of(c, i + 1) == FL_U_WEEKEND && !(fl_tw_lexflags(c, i + 1) & FL_LXF_PLURAL)) {
        int dw = fl_cal_weekday(c->dct);
        int tense = fl_tense_around(c, i, i + 2);
        long back = dw >= 6 ? 0 : -7; /* on a Saturday or Sunday "the weekend" is this one */
        if (!shifted_value(c, m->value, FL_U_WEEKEND, tense == FL_TENSE_FUTURE ? 0 : back / 7))
            return 0;
        m->type = FL_TIME_DATE;
        return 2;
    }
    if (unit_of(c, i + 1) == FL_U_YEAR && !(fl_tw_lexflags(c, i + 1) & FL_LXF_PLURAL) && !joined(c, i + 2)) {
        /* "the year ended June 30": a reporting year; "for the year": this one */
        if (fl_tw_is(c, i + 2, "ended") || fl_tw_is(c, i + 2, "ending")) {
            strcpy(m->value, "P1Y");
            m->type = FL_TIME_DURATION;
            return 2;
        }
        if (i > 0 && (fl_tw_is(c, i - 1, "for") || fl_tw_is(c, i - 1, "in")) && !cls(c, i + 2, FL_LX_NUMBER) &&
            !is_digits(c, i + 2)) {
            if (!fl_val_year(m->value, c->dct.year))
                return 0;
            m->type = FL_TIME_DATE;
            return 2;
        }
        return 0;
    }
    if (cls(c, i + 1, FL_LX_FISCAL) && unit_of(c, i + 2) == FL_U_YEAR && !(fl_tw_lexflags(c, i + 2) & FL_LXF_PLURAL)) {
        strcpy(m->value, "P1Y");
        m->type = FL_TIME_DURATION;
        return 3;
    }
    return 0;
}

/* (the) first/second/last half of 1989 | of the year | of this year -> 1989-H1 */
static size_t pat_half_year(fl_tctx *c, size_t i, fl_tmatch *m)
{
    size_t k = i;
    if (fl_tw_is(c, k, "the"))
        k++;
    int h;
    if (fl_tw_is(c, k, "first") || fl_tw_is(c, k, "early"))
        h = 1;
    else if ((unit_of(c, k) == FL_U_SECOND && !(fl_tw_lexflags(c, k) & FL_LXF_PLURAL)) || fl_tw_is(c, k, "last") ||
             fl_tw_is(c, k, "latter"))
        h = 2;
    else
        return 0;
    if (!fl_tw_is(c, k + 1, "half") || !fl_tw_is(c, k + 2, "of"))
        return 0;
    k += 3;
    size_t used = 0;
    int year = read_any_year(c, k, &used);
    if (year > 0) {
        k += used;
    } else if ((fl_tw_is(c, k, "the") || fl_tw_is(c, k, "this")) && unit_of(c, k + 1) == FL_U_YEAR &&
               !(fl_tw_lexflags(c, k + 1) & FL_LXF_PLURAL)) {
        year = c->dct.year;
        k += 2;
    } else if (cls(c, k, FL_LX_SHIFT) && fl_tw_value(c, k) != 0 && unit_of(c, k + 1) == FL_U_YEAR) {
        year = c->dct.year + fl_tw_value(c, k);
        k += 2;
    } else {
        return 0;
    }
    if (year < 1 || year > 9999)
        return 0;
    snprintf(m->value, sizeof m->value, "%04d-H%d", year, h);
    m->type = FL_TIME_DATE;
    return k - i;
}

/* ---- holidays --------------------------------------------------------- */

/* Named days: a fixed date, or the nth weekday of a month (nth -1: the
 * last). Words are matched in order, case-insensitively; "'s" is a token. */
static const struct holiday {
    const char *words[4];
    int month, day;      /* fixed date, or day 0 */
    int weekday, nth;    /* for day 0 */
} holidays[] = {
    {{"new", "year", "'s", "day"}, 1, 1, 0, 0},
    {{"new", "year", "'s", "eve"}, 12, 31, 0, 0},
    {{"valentine", "'s", "day", NULL}, 2, 14, 0, 0},
    {{"independence", "day", NULL, NULL}, 7, 4, 0, 0},
    {{"halloween", NULL, NULL, NULL}, 10, 31, 0, 0},
    {{"veterans", "day", NULL, NULL}, 11, 11, 0, 0},
    {{"christmas", "eve", NULL, NULL}, 12, 24, 0, 0},
    {{"christmas", "day", NULL, NULL}, 12, 25, 0, 0},
    {{"christmas", NULL, NULL, NULL}, 12, 25, 0, 0},
    {{"thanksgiving", "day", NULL, NULL}, 11, 0, 4, 4},
    {{"thanksgiving", NULL, NULL, NULL}, 11, 0, 4, 4},
    {{"labor", "day", NULL, NULL}, 9, 0, 1, 1},
    {{"memorial", "day", NULL, NULL}, 5, 0, 1, -1},
};

static fl_cal_date holiday_date(const struct holiday *h, int year)
{
    fl_cal_date d = {year, h->month, h->day};
    if (h->day)
        return d;
    if (h->nth > 0) {
        d.day = 1;
        int delta = (h->weekday - fl_cal_weekday(d) + 7) % 7 + 7 * (h->nth - 1);
        return fl_cal_add_days(d, delta);
    }
    d.day = fl_cal_days_in_month(year, h->month);
    return fl_cal_add_days(d, -((fl_cal_weekday(d) - h->weekday + 7) % 7));
}

static size_t pat_holiday(fl_tctx *c, size_t i, fl_tmatch *m)
{
    if (!(W(c, i)->flags & FL_W_CAP))
        return 0;
    for (size_t h = 0; h < sizeof holidays / sizeof holidays[0]; h++) {
        size_t k = 0;
        while (k < 4 && holidays[h].words[k] && fl_tw_is(c, i + k, holidays[h].words[k]))
            k++;
        if (k < 4 && holidays[h].words[k])
            continue;
        size_t end = i + k;
        int year = read_year(c, end, 1000, 2199);
        if (year > 0) {
            end++;
        } else {
            /* the occurrence nearest the DCT, looking back unless near ahead */
            fl_cal_date best = {0, 0, 0};
            long best_dist = 0;
            for (int y = c->dct.year - 1; y <= c->dct.year + 1; y++) {
                fl_cal_date d = holiday_date(&holidays[h], y);
                long dist = day_distance(d, c->dct);
                long score = dist > 0 ? (dist <= 62 ? dist : 1000000 + dist) : -dist;
                if (!best.year || score < best_dist)
                    best = d, best_dist = score;
            }
            year = best.year;
        }
        if (year < 1 || year > 9999 || !fl_val_day(m->value, holiday_date(&holidays[h], year)))
            return 0;
        m->type = FL_TIME_DATE;
        return end - i;
    }
    return 0;
}

/* ---- edges: early, late, mid-, the end of ----------------------------- */

static size_t read_edge(const fl_tctx *c, size_t i)
{
    if (fl_tw_is(c, i, "the") && cls(c, i + 1, FL_LX_EDGE) && fl_tw_is(c, i + 2, "of"))
        return 3;
    if (fl_tw_is(c, i, "early") || fl_tw_is(c, i, "late") || fl_tw_is(c, i, "mid"))
        return 1;
    if (fl_tw_is(c, i, "the") && (fl_tw_is(c, i + 1, "early") || fl_tw_is(c, i + 1, "late") || fl_tw_is(c, i + 1, "mid")) &&
        W(c, i + 2) && (W(c, i + 2)->flags & FL_W_DECADE))
        return 2; /* "the early 1980s", "the mid-1990s" */
    return 0;
}

/* ---- the table -------------------------------------------------------- */

static const pattern_fn patterns[] = {
    pat_month_date, pat_numeric_date, pat_year,     pat_century,  pat_quarter,     pat_day_word,
    pat_ref,        pat_weekday,      pat_relative, pat_season,   pat_amount,      pat_bare_units,
    pat_year_ago_adj, pat_set,        pat_clock,    pat_the_period, pat_holiday,
    pat_half_year,
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
    size_t edge = read_edge(c, i);
    if (edge) {
        c->after_edge = 1;
        best_at(c, i + edge, best);
        c->after_edge = 0;
        if (best->len && (best->type == FL_TIME_DATE || best->type == FL_TIME_TIME) &&
            strcmp(best->value, "PRESENT_REF") != 0) {
            best->len += edge;
            return;
        }
        best->len = 0;
    }
    best_at(c, i, best);
}
