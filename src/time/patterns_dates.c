/*
 * patterns_dates.c — patterns for calendar dates and periods: month names
 * with days and years, numeric dates, years (also in words), decades,
 * centuries, quarters and reporting periods, seasons, halves of a year and
 * named holidays. Not for: relative words (patterns_relative.c) or amounts
 * (patterns_amounts.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "time/pattern_words.h"

/* ---- dates with a month name ---------------------------------------- */

/* Words before a lone month that show it is a month ("in May", "last May"). */
static const char *const month_cues[] = {"in", "since", "until", "till", "by", "during", "from", "through",
                                         "before", "after", "of", "between", "and", "to", "end", "early",
                                         "late", "mid", "last", "next", "this", "until", "throughout", "over", "into"};

/* Words after "the MONTH" that make the month no modifier of a noun: "the
 * March of Dimes", "the March on Rome", "the May he chose". */
static const char *const not_month_nouns[] = {"of", "on", "to", "for", "against", "through", "and", "or", "is",
                                              "was", "he", "she", "it", "they", "we", "i", "that", "which", "who"};

/* Nouns after "the March", "the May" that make it a name's, not a month's:
 * "the May government", "the May cabinet", "the May deal" (Theresa May's);
 * "the May elections", "the March accession" stay months. */
static const char *const name_era_nouns[] = {"administration", "agreement", "cabinet", "camp", "deal", "doctrine",
                                             "era", "government", "leadership", "ministry", "premiership",
                                             "regime", "team", "years"};

static int month_cue_before(const fl_tctx *c, size_t i)
{
    if (i <= c->sentence_begin)
        return 0;
    for (size_t k = 0; k < sizeof month_cues / sizeof month_cues[0]; k++)
        if (fl_tw_is(c, i - 1, month_cues[k]))
            return 1;
    /* "the March accession", "the May elections": a month modifying a noun */
    const fl_tword *n = word_at(c, i + 1);
    if (fl_tw_is(c, i - 1, "the") && n && !(n->flags & (FL_W_CAP | FL_W_PUNCT | FL_W_OTHER | FL_W_JOINED)) &&
        n->num < 0 && !n->lex) {
        for (size_t k = 0; k < sizeof not_month_nouns / sizeof not_month_nouns[0]; k++)
            if (fl_tw_is(c, i + 1, not_month_nouns[k]))
                return 0;
        if (fl_tw_lexflags(c, i) & FL_LXF_AMBIG)
            for (size_t k = 0; k < sizeof name_era_nouns / sizeof name_era_nouns[0]; k++)
                if (fl_tw_is(c, i + 1, name_era_nouns[k]))
                    return 0;
        return 1;
    }
    return 0;
}

/* [Weekday ,] Month Day [,] [Year] | [Weekday ,] Day [of] Month [Year] |
 * Month [,] Year | Month (with a cue) */
size_t fl_pat_month_date(fl_tctx *c, size_t i, fl_tmatch *m)
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
        if (day > 0 && !(word_at(c, k)->flags & FL_W_DIGITS) && !(word_at(c, k)->flags & FL_W_ORD))
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
    const fl_tword *mw = word_at(c, month_at);
    if (!(mw->flags & FL_W_CAP))
        return 0; /* "may", "march", "august" in lower case are not months */
    size_t before_year = k;
    if (is_punct(c, k, ','))
        k++;
    int year = read_year(c, k, 1000, 2199);
    size_t spoken = 0, of = fl_tw_is(c, k, "of") ? 1 : 0;
    if (year > 0)
        k++;
    else if ((year = fl_time_spoken_year(c, k, &spoken)) > 0)
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
        if (!month_cue_before(c, i) && !((mf & FL_LXF_AMBIG) == 0 && !(word_at(c, i + 1) && (word_at(c, i + 1)->flags & FL_W_CAP))))
            return 0;
        if ((mf & FL_LXF_AMBIG) && !month_cue_before(c, i))
            return 0;
    }
    if ((mf & FL_LXF_ABBR) && day < 0 && year < 0)
        return 0;
    if (year < 0) {
        year = fl_time_infer_year(c, month, day > 0 ? day : 0, fl_tense_around(c, i, k));
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

/* The second day of "April 24 and 25", "Nov. 3 through 5": a day number after a
 * conjunction, right after a month and day that was the last date found;
 * the same month and year. */
static const char *const day_list_joiners[] = {"and", "or", "to", "through"};

size_t fl_pat_second_day(fl_tctx *c, size_t i, fl_tmatch *m)
{
    const fl_tword *w = word_at(c, i);
    if (!w || !(w->flags & FL_W_DIGITS) || w->ndigits > 2 || c->last_grain != 3 || i < c->sentence_begin + 3)
        return 0;
    int joiner = 0;
    for (size_t k = 0; k < sizeof day_list_joiners / sizeof day_list_joiners[0]; k++)
        joiner |= fl_tw_is(c, i - 1, day_list_joiners[k]);
    if (!joiner || read_day(c, i - 2) != c->last_date.day || !cls(c, i - 3, FL_LX_MONTH) ||
        fl_tw_value(c, i - 3) != c->last_date.month)
        return 0;
    if (word_at(c, i + 1) && !(word_at(c, i + 1)->flags & FL_W_PUNCT) && !fl_tw_is(c, i + 1, "and") &&
        !fl_tw_is(c, i + 1, "in"))
        return 0; /* only at the end of the phrase: not "June 3 to 10 people" */
    fl_cal_date d = {c->last_date.year, c->last_date.month, w->num};
    if (w->num <= c->last_date.day || !fl_val_day(m->value, d))
        return 0;
    m->type = FL_TIME_DATE;
    return 1;
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
size_t fl_pat_numeric_date(fl_tctx *c, size_t i, fl_tmatch *m)
{
    const fl_tword *w = word_at(c, i);
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
        d.year = fl_time_infer_year(c, a, b, FL_TENSE_UNKNOWN);
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

/* Words in a clause that make "the nineties" a level, not a period:
 * "Temperatures will climb into the nineties", "support in the thirties". */
static const char *const level_words[] = {
    "temperature", "temperatures", "degrees", "highs", "lows", "heat", "mercury", "thermometer", "poll",
    "polls", "support", "rating", "ratings", "approval", "index", "score", "scores", "level", "levels",
    "percent", "mph", "speeds", "winds", "readings", "average", "odds",
};

/* Words right before "the" that make the decade after it a period: "in",
 * "during", "since", "through the nineties", "music of the nineties".
 * Not "into", "to" ("climb into the nineties", "fell to the fifties"). */
static const char *const period_before[] = {
    "in", "during", "since", "through", "throughout", "of", "from", "until", "till", "before", "after", "by", "across",
};

/* Word k is a decade in words ("nineties") whose "the" is word th and
 * whether an edge stands between ("the early eighties"): a period when it
 * opens its sentence, follows an edge or a preposition of time, and no
 * word of a level (a temperature, a poll) is in its clause; not a number
 * ("the nineties percent", "degrees", "mph" after it). Ages ("in his
 * nineties") have no "the" and are not read. */
static int decade_word(const fl_tctx *c, size_t k, size_t th, int edge)
{
    if (!cls(c, k, FL_LX_DECADE_WORD) || (joined(c, k) && !(k > 0 && fl_tw_is(c, k - 1, "mid"))))
        return 0;
    if (fl_tw_is(c, k + 1, "percent") || fl_tw_is(c, k + 1, "degrees") || fl_tw_is(c, k + 1, "%") ||
        fl_tw_is(c, k + 1, "mph"))
        return 0;
    for (size_t p = th; p > c->sentence_begin && p + 12 > th;) {
        p--;
        if ((word_at(c, p)->flags & FL_W_PUNCT) && strchr(",;:", c->text[word_at(c, p)->start]))
            break;
        for (size_t q = 0; q < sizeof level_words / sizeof level_words[0]; q++)
            if (fl_tw_is(c, p, level_words[q]))
                return 0;
    }
    if (edge || th == c->sentence_begin)
        return 1;
    for (size_t q = 0; q < sizeof period_before / sizeof period_before[0]; q++)
        if (fl_tw_is(c, th - 1, period_before[q]))
            return 1;
    return 0;
}

size_t fl_pat_year(fl_tctx *c, size_t i, fl_tmatch *m)
{
    size_t k = i;
    if (fl_tw_is(c, k, "the") && word_at(c, k + 1) &&
        ((word_at(c, k + 1)->flags & FL_W_DECADE) || decade_word(c, k + 1, k, 0)))
        k++; /* "the 1990s", "the nineties" */
    if (fl_tw_is(c, k, "the") && unit_of(c, k + 1) == FL_U_YEAR && !(fl_tw_lexflags(c, k + 1) & FL_LXF_PLURAL))
        k += 2; /* "the year 2000", "the year two thousand" */
    if (cls(c, k, FL_LX_FISCAL))
        k++;
    size_t spoken = 0;
    int said = fl_time_spoken_year(c, k, &spoken);
    if (said > 0) {
        fl_val_year(m->value, said);
        m->type = FL_TIME_DATE;
        return k + spoken - i;
    }
    const fl_tword *w = word_at(c, k);
    if (!w)
        return 0;
    /* "the nineties", "the early eighties"; not "their early twenties" (an age) */
    if ((k > i && decade_word(c, k, k - 1, 0)) ||
        (c->after_edge && k >= c->sentence_begin + 2 && fl_tw_is(c, k - 2, "the") && decade_word(c, k, k - 2, 1))) {
        /* "the nineties": in the DCT's century when it has begun there
         * (1998: 199X; 2023: "the twenties" 202X), else the one before */
        int d = fl_tw_value(c, k), y = c->dct.year;
        int century = y / 100 - (d * 10 > y % 100 ? 1 : 0);
        if (century < 1)
            return 0;
        snprintf(m->value, sizeof m->value, "%02d%dX", century, d);
        m->type = FL_TIME_DATE;
        return k + 1 - i;
    }
    if (w->flags & FL_W_DECADE) {
        /* 1990s -> 199X; '90s -> 199X */
        if (w->ndigits == 4 && w->num % 10 == 0 && w->num >= 1000) {
            snprintf(m->value, sizeof m->value, "%03dX", w->num / 10);
        } else if (w->ndigits == 2 && w->num % 10 == 0 && k > 0 && (word_at(c, k - 1)->flags & FL_W_PUNCT)) {
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

/* [the] week of + a day ("the week of March 6"): that day's ISO week. */
size_t fl_pat_week_of(fl_tctx *c, size_t i, fl_tmatch *m)
{
    size_t k = i + fl_tw_is(c, i, "the");
    if (unit_of(c, k) != FL_U_WEEK || (fl_tw_lexflags(c, k) & FL_LXF_PLURAL) || !fl_tw_is(c, k + 1, "of"))
        return 0;
    fl_tmatch day;
    memset(&day, 0, sizeof day);
    size_t n = fl_pat_month_date(c, k + 2, &day);
    if (!n || strlen(day.value) != 10)
        return 0;
    fl_cal_date d = {atoi(day.value), atoi(day.value + 5), atoi(day.value + 8)};
    if (!fl_val_week(m->value, d))
        return 0;
    m->type = FL_TIME_DATE;
    return k + 2 + n - i;
}

/* year-end, year end, year's end: the end of the DCT's year, or of the year
 * before when the clause looks back ("since year-end"); mod END. */
size_t fl_pat_year_end(fl_tctx *c, size_t i, fl_tmatch *m)
{
    if (unit_of(c, i) != FL_U_YEAR || (fl_tw_lexflags(c, i) & FL_LXF_PLURAL) || joined(c, i))
        return 0;
    size_t k = i + 1;
    if (fl_tw_is(c, k, "'s") && !joined(c, k))
        k++;
    if (!fl_tw_is(c, k, "end") || joined(c, k + 1))
        return 0;
    int year = c->dct.year;
    if (fl_tense_around(c, i, k + 1) == FL_TENSE_PAST)
        year--;
    if (!fl_val_year(m->value, year))
        return 0;
    m->type = FL_TIME_DATE;
    m->mod = FL_MOD_END;
    return k + 1 - i;
}

/* the 20th century, the nineteenth century -> 19 */
size_t fl_pat_century(fl_tctx *c, size_t i, fl_tmatch *m)
{
    size_t k = i;
    if (fl_tw_is(c, k, "the"))
        k++;
    int n = -1;
    const fl_tword *w = word_at(c, k);
    if (w->flags & FL_W_ORD)
        n = w->num;
    else if (cls(c, k, FL_LX_ORDINAL))
        n = fl_tw_value(c, k);
    else if (cls(c, k, FL_LX_NUMBER) && (fl_tw_lexflags(c, k) & FL_LXF_TENS) && cls(c, k + 1, FL_LX_ORDINAL) &&
             joined(c, k + 1) && fl_tw_value(c, k + 1) < 10) {
        n = fl_tw_value(c, k) + fl_tw_value(c, k + 1); /* "the twenty-first century" */
        k++;
    }
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

/* "the quarter ended Sept. 30", "the latest period ending July 31": the
 * quarter whose three months end with that month, by the calendar quarter
 * holding most of them (ended July 31: May-July, Q2), in the year of the
 * last such month (reports look back). The date itself is its own TIMEX3,
 * so only looked at. Used only when no quarter was named before: after
 * "its fiscal first quarter", "the quarter ended Sept. 29" is that fiscal
 * quarter (TimeBank writes the name, 1989-Q1, not the months). */
static int end_quarter_of(const fl_tctx *c, size_t k, int *year, int *q)
{
    if (!(fl_tw_is(c, k, "ended") || fl_tw_is(c, k, "ending")) || !cls(c, k + 1, FL_LX_MONTH))
        return 0;
    int month = fl_tw_value(c, k + 1);
    int y = fl_time_infer_year(c, month, 0, FL_TENSE_PAST);
    int middle = month - 1; /* the middle month of the three */
    if (middle < 1)
        middle += 12, y--;
    *year = y;
    *q = (middle - 1) / 3 + 1;
    return 1;
}

size_t fl_pat_quarter(fl_tctx *c, size_t i, fl_tmatch *m)
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
    const fl_tword *w = word_at(c, k);
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
    int possessive = year > 0 && !explicit_year; /* "1988's", "last year's" */
    if (is_period && !(year_ago || explicit_year || possessive || (has_shift && shift < 0 && the)))
        return 0;
    if (the && ord_joined && !explicit_year && !year_ago)
        return 0; /* "the third-quarter results": the extent is "third-quarter" */
    if (!q && !has_shift && !year_ago && !explicit_year && !the && !possessive)
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
    /* the quarter a report is about: the one tracked (recognize.c) unless it
     * lies ahead of the DCT's quarter (a fiscal fourth quarter can end in the
     * DCT's), else the last completed */
    int reported = c->last_quarter && c->last_quarter_year * 4 + c->last_quarter <= c->dct.year * 4 + dq;
    int ref_year = reported ? c->last_quarter_year : (dq == 1 ? c->dct.year - 1 : c->dct.year);
    int ref_q = reported ? c->last_quarter : (dq == 1 ? 4 : dq - 1);
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
    } else if (explicit_year || possessive) {
        q = ref_q; /* "the 1988 period", "last year's quarter": the quarter reported, in that year */
    } else if (has_shift && shift < 0) {
        year = ref_year;
        q = ref_q;
    } else if (has_shift) {
        long n = (long)c->dct.year * 4 + (dq - 1) + shift;
        year = (int)(n / 4);
        q = (int)(n % 4) + 1;
    } else if (!c->last_quarter && end_quarter_of(c, k, &year, &q)) {
        m->anchor = 1; /* "the quarter ended Sept. 30" names it */
    } else {
        year = ref_year; /* "the quarter" */
        q = ref_q;
    }
    if (!year_ago && !explicit_year && !has_shift && fl_tw_is(c, k, "a") && unit_of(c, k + 1) == FL_U_YEAR &&
        (fl_tw_is(c, k + 2, "ago") || fl_tw_is(c, k + 2, "earlier")) && !joined(c, k + 1)) {
        year--; /* "the quarter a year ago", "the third quarter a year earlier" */
        k += 3;
        m->anchor = 0;
    }
    if (c->span_report && !m->anchor && !has_shift && is_period) {
        /* "the 1988 period", "the year-earlier period" after "the first
         * nine months": that span, written as its year */
        if (!fl_val_year(m->value, year))
            return 0;
    } else if (!fl_val_quarter(m->value, year, q)) {
        return 0;
    }
    m->type = FL_TIME_DATE;
    return k - i;
}

/* Prepositions before a quarter or half code without a year ("results for
 * Q3", "in H1"): with one of them a lone code is a period, not a label. */
static const char *const before_period_code[] = {"in", "for", "during", "of", "since", "by", "until", "through", "over"};

/* "Q3 2023", "Q3 of 2023", "H1 2024"; "in Q3" (a quarter named without a
 * year: the DCT's year, the year before when it lies ahead and the clause
 * does not look ahead, as "the third quarter"). A lone "H1" needs its year. */
/* Nouns after "Q3 2023" that make Q3 a question of a set, not a quarter:
 * "answers to Q3 of 2023 survey". */
static const char *const question_sets[] = {"survey", "surveys", "questionnaire", "poll", "census", "exam",
                                            "examination", "quiz", "test", "paper"};

size_t fl_pat_period_code(fl_tctx *c, size_t i, fl_tmatch *m)
{
    int half, n;
    if (!fl_tw_period_code(c, i, &half, &n) || joined(c, i) || joined(c, i + 1))
        return 0;
    size_t k = i + 1;
    int year = read_year(c, k, 1800, 2099);
    if (year < 0 && fl_tw_is(c, k, "of") && (year = read_year(c, k + 1, 1800, 2099)) > 0)
        k++;
    if (year > 0) {
        k++;
        for (size_t p = 0; p < sizeof question_sets / sizeof question_sets[0]; p++)
            if (fl_tw_is(c, k, question_sets[p]))
                return 0; /* "Q3 of 2023 survey": a question's number */
    } else {
        int cue = 0;
        for (size_t p = 0; p < sizeof before_period_code / sizeof before_period_code[0]; p++)
            cue |= i > c->sentence_begin && fl_tw_is(c, i - 1, before_period_code[p]);
        if (half || !cue)
            return 0;
        int dq = (c->dct.month - 1) / 3 + 1;
        year = c->dct.year;
        if (n > dq && fl_tense_around(c, i, k) != FL_TENSE_FUTURE)
            year--;
    }
    if (half)
        snprintf(m->value, sizeof m->value, "%04d-H%d", year, n);
    else if (!fl_val_quarter(m->value, year, n))
        return 0;
    m->anchor = !half;
    m->type = FL_TIME_DATE;
    return k - i;
}

/* Seasons with a year or a cue: summer 1998, in the spring. */
size_t fl_pat_season(fl_tctx *c, size_t i, fl_tmatch *m)
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
    if (fl_tw_is(c, k, "of") && (year = fl_time_any_year(c, k + 1, &used)) > 0)
        k += 1 + used;
    else if ((year = fl_time_any_year(c, k, &used)) > 0)
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

/* (the) first/second/last half of 1989 | of the year | of this year -> 1989-H1 */
size_t fl_pat_half_year(fl_tctx *c, size_t i, fl_tmatch *m)
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
    if (fl_tw_is(c, k + 1, "half") && fl_tw_is(c, k + 2, "of")) {
        k += 3;
    } else if ((fl_tw_is(c, k, "first") || fl_tw_is(c, k, "last")) && fl_tw_is(c, k + 1, "two") &&
               unit_of(c, k + 2) == FL_U_QUARTER && fl_tw_is(c, k + 3, "of")) {
        k += 4; /* "the first two quarters of 1990": its first half */
    } else {
        return 0;
    }
    size_t used = 0;
    int year = fl_time_any_year(c, k, &used);
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

/* Named days: a fixed date, the nth weekday of a month counted from a day
 * of it (nth -1: the last), or a day counted from Easter Sunday (month
 * EASTER, day the offset). Words are matched in order, case-insensitively;
 * "'s" is a token. Longer names come before their prefixes. */
enum { EASTER = 13 };
static const struct holiday {
    const char *words[4];
    int month, day;      /* fixed date, or day 0; for EASTER the days after Easter Sunday */
    int weekday, nth;    /* for day 0 */
    int from;            /* counting from this day of the month (0: the 1st) */
} holidays[] = {
    {{"palm", "sunday", NULL, NULL}, EASTER, -7, 0, 0, 0},
    {{"good", "friday", NULL, NULL}, EASTER, -2, 0, 0, 0},
    {{"easter", "sunday", NULL, NULL}, EASTER, 0, 0, 0, 0},
    {{"easter", "monday", NULL, NULL}, EASTER, 1, 0, 0, 0},
    {{"easter", NULL, NULL, NULL}, EASTER, 0, 0, 0, 0},
    {{"new", "year", "'s", "day"}, 1, 1, 0, 0, 0},
    {{"new", "year", "'s", "eve"}, 12, 31, 0, 0, 0},
    {{"valentine", "'s", "day", NULL}, 2, 14, 0, 0, 0},
    {{"independence", "day", NULL, NULL}, 7, 4, 0, 0, 0},
    {{"halloween", NULL, NULL, NULL}, 10, 31, 0, 0, 0},
    {{"veterans", "day", NULL, NULL}, 11, 11, 0, 0, 0},
    {{"christmas", "eve", NULL, NULL}, 12, 24, 0, 0, 0},
    {{"christmas", "day", NULL, NULL}, 12, 25, 0, 0, 0},
    {{"christmas", NULL, NULL, NULL}, 12, 25, 0, 0, 0},
    {{"thanksgiving", "day", NULL, NULL}, 11, 0, 4, 4, 0},
    {{"thanksgiving", NULL, NULL, NULL}, 11, 0, 4, 4, 0},
    {{"labor", "day", NULL, NULL}, 9, 0, 1, 1, 0},
    {{"memorial", "day", NULL, NULL}, 5, 0, 1, -1, 0},
    {{"election", "day", NULL, NULL}, 11, 0, 2, 1, 2}, /* US: the Tuesday after the first Monday */
    {{"columbus", "day", NULL, NULL}, 10, 0, 1, 2, 0},
    {{"mother", "'s", "day", NULL}, 5, 0, 7, 2, 0},
    {{"father", "'s", "day", NULL}, 6, 0, 7, 3, 0},
    {{"boxing", "day", NULL, NULL}, 12, 26, 0, 0, 0},
    {{"st", "patrick", "'s", "day"}, 3, 17, 0, 0, 0},
};

static fl_cal_date holiday_date(const struct holiday *h, int year)
{
    if (h->month == EASTER)
        return fl_cal_add_days(fl_cal_easter(year), h->day);
    fl_cal_date d = {year, h->month, h->day};
    if (h->day)
        return d;
    if (h->nth > 0) {
        d.day = h->from ? h->from : 1;
        int delta = (h->weekday - fl_cal_weekday(d) + 7) % 7 + 7 * (h->nth - 1);
        return fl_cal_add_days(d, delta);
    }
    d.day = fl_cal_days_in_month(year, h->month);
    return fl_cal_add_days(d, -((fl_cal_weekday(d) - h->weekday + 7) % 7));
}

size_t fl_pat_holiday(fl_tctx *c, size_t i, fl_tmatch *m)
{
    if (!(word_at(c, i)->flags & FL_W_CAP))
        return 0;
    for (size_t h = 0; h < sizeof holidays / sizeof holidays[0]; h++) {
        size_t k = 0;
        while (k < 4 && holidays[h].words[k] && fl_tw_is(c, i + k, holidays[h].words[k]))
            k++;
        if (k < 4 && holidays[h].words[k])
            continue;
        size_t end = i + k;
        const fl_tword *next = word_at(c, end);
        if (next && (next->flags & FL_W_CAP) && !(next->flags & (FL_W_PUNCT | FL_W_DIGITS)) && !next->lex)
            return 0; /* part of a longer name: "Easter Island", "the Good Friday Agreement", "Easter Rising" */
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
        if (year < 1 || year > 9999)
            return 0;
        fl_cal_date day = holiday_date(&holidays[h], year);
        m->type = FL_TIME_DATE;
        m->named = 1;
        if (unit_of(c, end) == FL_U_WEEK && !(fl_tw_lexflags(c, end) & FL_LXF_PLURAL) && !joined(c, end)) {
            /* "Easter week", "Christmas week": the ISO week of the day */
            return fl_val_week(m->value, day) ? end + 1 - i : 0;
        }
        if (!fl_val_day(m->value, day))
            return 0;
        return end - i;
    }
    return 0;
}

