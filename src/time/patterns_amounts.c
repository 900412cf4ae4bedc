/*
 * patterns_amounts.c — patterns built on an amount of time: durations ("the
 * past three weeks", "two and a half years"), "N units ago", rates and sets
 * ("a year", "every Monday", "daily"), and clock times ("3:30 p.m. Friday").
 * Not for: calendar names (patterns_dates.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "time/pattern_words.h"

/* ---- durations, "ago", sets ----------------------------------------- */

/* Words before "a year" that make it a rate: "$5 a year", "twice a week". */
static int rate_before(const fl_tctx *c, size_t i)
{
    if (i <= c->sentence_begin)
        return 0;
    const fl_tword *p = word_at(c, i - 1);
    return (p->flags & (FL_W_DIGITS)) || fl_tw_is(c, i - 1, "twice") || fl_tw_is(c, i - 1, "once") ||
           fl_tw_is(c, i - 1, "times") || fl_tw_is(c, i - 1, "percent") || fl_tw_is(c, i - 1, "%") ||
           fl_tw_is(c, i - 1, "million") || fl_tw_is(c, i - 1, "billion") || fl_tw_is(c, i - 1, "dollars");
}

/* Word i is a count written in figures or words ("700", "358,000", "four"),
 * not an amount of money ("$1.76", "#722"). */
static int plain_count(const fl_tctx *c, size_t i)
{
    const fl_tword *w = word_at(c, i);
    if (!w || (w->flags & (FL_W_PUNCT | FL_W_OTHER)))
        return 0;
    int figures = c->text[w->start] >= '0' && c->text[w->start] <= '9';
    if (!figures && !(cls(c, i, FL_LX_NUMBER) && !(fl_tw_lexflags(c, i) & FL_LXF_ARTICLE)))
        return 0;
    if (w->start > 0 && (c->text[w->start - 1] == '$' || c->text[w->start - 1] == '#'))
        return 0;
    return !(i > c->sentence_begin && (is_punct(c, i - 1, '$') || is_punct(c, i - 1, '#')));
}

/* "four flights a week", "700 seats a week", "358,000 a month": a count of
 * things per unit is a rate of those things, not a time; TBAQ tags none of
 * them (money per year, "$5 a year", is a SET: rate_before). */
static int count_rate_before(const fl_tctx *c, size_t i)
{
    if (i <= c->sentence_begin)
        return 0;
    const fl_tword *p = word_at(c, i - 1);
    if (!(p->flags & FL_W_DIGITS) && plain_count(c, i - 1))
        return 1; /* "358,000 a month" ("5 a year" is rate_before's) */
    if (i < c->sentence_begin + 2 || p->lex || (p->flags & (FL_W_CAP | FL_W_PUNCT | FL_W_OTHER)) || p->num >= 0)
        return 0;
    size_t q = i - 2; /* the count before the noun: "four", "700", "15 million" */
    if ((fl_tw_is(c, q, "million") || fl_tw_is(c, q, "billion") || fl_tw_is(c, q, "thousand")) &&
        q > c->sentence_begin)
        q--;
    return plain_count(c, q);
}

/* Word k is an apostrophe or "'s" (straight or curly). */
static int possessive_at(const fl_tctx *c, size_t k)
{
    const fl_tword *w = word_at(c, k);
    if (!w)
        return 0;
    const unsigned char *t = (const unsigned char *)c->text + w->start;
    size_t len = w->end - w->start, q = t[0] == '\'' ? 1 : (len >= 3 && t[0] == 0xE2 && t[1] == 0x80 && t[2] == 0x99) ? 3 : 0;
    return q && (len == q || (len == q + 1 && (t[q] == 's' || t[q] == 'S')));
}

/* Nouns of a quantity that is measured in time: "six months of base pay",
 * "three months' supply", "a week's worth of food". The amount is the
 * quantity's size, not a time (TBAQ leaves "six months of base pay"
 * untagged); report periods ("nine months earnings", "nine months' net
 * income") are not listed. A qualifier may come before the noun ("base
 * pay", "annual salary"). A plural ends its noun phrase; a singular may
 * begin a compound ("supply chain disruption"), see ends_noun_phrase. */
enum { MQ_NOUN, MQ_PLURAL, MQ_QUALIFIER };
static const struct {
    const char *word;
    int kind;
} measured_nouns[] = {
    {"pay", MQ_NOUN},         {"salary", MQ_NOUN},       {"salaries", MQ_PLURAL}, {"wage", MQ_NOUN},
    {"wages", MQ_PLURAL},     {"rent", MQ_NOUN},         {"supply", MQ_NOUN},     {"supplies", MQ_PLURAL},
    {"consumption", MQ_NOUN}, {"output", MQ_NOUN},       {"imports", MQ_PLURAL},  {"exports", MQ_PLURAL},
    {"food", MQ_NOUN},        {"fuel", MQ_NOUN},         {"water", MQ_NOUN},      {"rations", MQ_PLURAL},
    {"severance", MQ_NOUN},   {"reserves", MQ_PLURAL},   {"stocks", MQ_PLURAL},   {"base", MQ_QUALIFIER},
    {"annual", MQ_QUALIFIER}, {"gross", MQ_QUALIFIER},   {"net", MQ_QUALIFIER},   {"full", MQ_QUALIFIER},
};

/* Words that may follow a noun phrase's last noun: function words and
 * the words that say what is left of a stock ("one day of fuel left",
 * "of food available"). Any other lower-case word after a singular
 * continues a compound: "supply chain disruption", "water shortages",
 * "food price rises", "rent increases" are times of those. */
static const char *const np_enders[] = {
    "of", "and", "or", "but", "for", "to", "in", "on", "at", "from", "with", "by", "as", "that", "which",
    "who", "was", "were", "is", "are", "will", "would", "had", "has", "have", "than", "per", "plus", "while",
    "left", "remaining", "available", "stored", "needed", "only", "each", "a", "the", "if", "before", "after",
};

/* The kind of word k in the table (MQ_NOUN, MQ_PLURAL, MQ_QUALIFIER), or -1. */
static int measured_kind(const fl_tctx *c, size_t k)
{
    for (size_t q = 0; q < sizeof measured_nouns / sizeof measured_nouns[0]; q++)
        if (fl_tw_is(c, k, measured_nouns[q].word))
            return measured_nouns[q].kind;
    return -1;
}

/* Word k, a singular noun, ends a noun phrase: nothing, a punctuation
 * mark, a capital, a number or a function word after it. */
static int ends_noun_phrase(const fl_tctx *c, size_t k)
{
    const fl_tword *w = word_at(c, k + 1);
    if (!w || (w->flags & (FL_W_PUNCT | FL_W_OTHER | FL_W_DIGITS | FL_W_CAP)) || possessive_at(c, k + 1))
        return 1;
    for (size_t q = 0; q < sizeof np_enders / sizeof np_enders[0]; q++)
        if (fl_tw_is(c, k + 1, np_enders[q]))
            return 1;
    return 0;
}

/* Words k.. after an amount's unit name a quantity measured in time:
 * "of [base|annual] pay", "'s supply", "' worth of fuel". */
static int measures_quantity(const fl_tctx *c, size_t k)
{
    if (possessive_at(c, k))
        k++;
    else if (!fl_tw_is(c, k, "of"))
        return 0;
    if (fl_tw_is(c, k, "worth") && fl_tw_is(c, k + 1, "of"))
        k += 2;
    else if (fl_tw_is(c, k, "of"))
        k++;
    if (measured_kind(c, k) == MQ_QUALIFIER)
        k++;
    int kind = measured_kind(c, k);
    return kind == MQ_PLURAL || (kind == MQ_NOUN && ends_noun_phrase(c, k));
}

/* [approx] [the] [first|past|last|next|coming] COUNT UNIT [ago|earlier|later] */
size_t fl_pat_amount(fl_tctx *c, size_t i, fl_tmatch *m)
{
    fl_time_mod mod;
    size_t k = i + fl_time_approximator(c, i, &mod);
    int the = 0, lead = 0;
    m->mod = mod;
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
    size_t cn = fl_time_count(c, k, &n);
    if (!cn)
        return 0;
    int article = (fl_tw_lexflags(c, k) & FL_LXF_ARTICLE) && cn == 1;
    k += cn;
    int half = 0;
    if (n != FL_LX_VAGUE && fl_tw_is(c, k, "and") && fl_tw_is(c, k + 1, "a") && fl_tw_is(c, k + 2, "half")) {
        half = 1; /* "two and a half years" */
        k += 3;
    } else if (n != FL_LX_VAGUE && is_digits(c, k - 1) && word_at(c, k) && !strncmp(c->text + word_at(c, k)->start, "1/2", 3)) {
        /* "5 1/2 hours": one token "1/2" or three adjacent ones */
        size_t j = k;
        while (j < c->n && c->w[j].end < word_at(c, k)->start + 3 && c->w[j + 1 < c->n ? j + 1 : j].start == c->w[j].end)
            j++;
        if (c->w[j].end == word_at(c, k)->start + 3) {
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
    if (is_digits(c, k - 1) && word_at(c, k - 1)->ndigits == 4 && !(fl_tw_lexflags(c, k) & FL_LXF_PLURAL))
        return 0; /* "the 1988 quarter" is a date */
    k++;
    if (fl_tw_is(c, k, "or") && fl_tw_is(c, k + 1, "so") && cls(c, k + 2, FL_LX_AGO) && !the && !lead) {
        k += 2; /* "a week or so ago" */
        m->mod = FL_MOD_APPROX;
    }
    /* ... ago / earlier / later / from now */
    /* "N units ago / earlier": a date. "before"/"after" only end a clause
     * ("a week before,"); "two days later" follows the narrative, so those
     * stay durations ("twenty years after the first flight"). */
    int dated = !the && !lead && cls(c, k, FL_LX_AGO) && !joined(c, k); /* not "a year-earlier" */
    int is_ago = dated && fl_tw_is(c, k, "ago");
    if (dated && (fl_tw_is(c, k, "before") || fl_tw_is(c, k, "after")) &&
        !(k + 1 >= c->n || (word_at(c, k + 1)->flags & FL_W_PUNCT)))
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
        if (unit == FL_U_YEAR && n == 1 && c->last_quarter && !c->span_report &&
            (is_ago || fl_tw_is(c, k, "earlier"))) {
            if (!fl_val_quarter(m->value, c->last_quarter_year - 1, c->last_quarter))
                return 0;
            return k + 1 - i;
        }
        if (fl_unit_is_clock((fl_unit)unit))
            return 0;
        if (!fl_time_shifted_value(c, m->value, unit, dir * n))
            return 0;
        return k + 1 - i;
    }
    if (possessive_at(c, k) && fl_tw_is(c, k + 1, "time") && !the && !lead && !half && i > c->sentence_begin &&
        fl_tw_is(c, i - 1, "in") && !fl_unit_is_clock((fl_unit)unit)) {
        /* "in two weeks' time", "in a month's time": that far from the DCT, a date */
        if (n == FL_LX_VAGUE)
            strcpy(m->value, "FUTURE_REF");
        else if (!fl_time_shifted_value(c, m->value, unit, n))
            return 0;
        m->type = FL_TIME_DATE;
        return k + 2 - i;
    }
    if (fl_tw_is(c, k, "from") && fl_tw_is(c, k + 1, "now") && !the && !lead) {
        if (n == FL_LX_VAGUE || fl_unit_is_clock((fl_unit)unit) || !fl_time_shifted_value(c, m->value, unit, n))
            return 0;
        m->type = FL_TIME_DATE;
        return k + 2 - i;
    }
    if (article && !the && !lead && !rate_before(c, i) && count_rate_before(c, i))
        return 0;
    if (article && !the && !lead && rate_before(c, i)) {
        if (!fl_time_duration_value(m->value, unit, 1))
            return 0;
        m->type = FL_TIME_SET;
        return k - i;
    }
    if (unit == FL_U_WEEKEND)
        return 0;
    if (fl_tw_is(c, k, "old"))
        return 0; /* "a 20-year-old", "52 years old": an age, not a time */
    if (!the && !lead && measures_quantity(c, k))
        return 0; /* "six months of base pay", "three months' supply" */
    if (!half && n != FL_LX_VAGUE && fl_tw_is(c, k, "and") && fl_tw_is(c, k + 1, "a") && fl_tw_is(c, k + 2, "half")) {
        half = 1; /* "an hour and a half" */
        k += 3;
    }
    if (half ? !fl_time_half_duration_value(m->value, unit, n) : !fl_time_duration_value(m->value, unit, n))
        return 0;
    m->type = FL_TIME_DURATION;
    if (joined(c, k) && fl_tw_is(c, k, "long"))
        k++; /* "two-day-long" */
    return k - i;
}

/* "for years", "over decades": a vague duration without a count */
size_t fl_pat_bare_units(fl_tctx *c, size_t i, fl_tmatch *m)
{
    int unit = unit_of(c, i);
    if (unit == FL_U_NONE || !(fl_tw_lexflags(c, i) & FL_LXF_PLURAL) || i <= c->sentence_begin)
        return 0;
    if (!(fl_tw_is(c, i - 1, "for") || fl_tw_is(c, i - 1, "over") || fl_tw_is(c, i - 1, "within")))
        return 0;
    if (unit == FL_U_SECOND || unit == FL_U_WEEKEND || cls(c, i + 1, FL_LX_AGO) || fl_tw_is(c, i + 1, "of"))
        return 0;
    if (!fl_time_duration_value(m->value, unit, FL_LX_VAGUE))
        return 0;
    m->type = FL_TIME_DURATION;
    return 1;
}

/* year-earlier, year-ago (as adjectives): the same period a year before */
size_t fl_pat_year_ago_adj(fl_tctx *c, size_t i, fl_tmatch *m)
{
    if (unit_of(c, i) != FL_U_YEAR || joined(c, i) || !joined(c, i + 1) ||
        !(fl_tw_is(c, i + 1, "earlier") || fl_tw_is(c, i + 1, "ago")))
        return 0;
    if (c->last_quarter && !c->span_report) {
        if (!fl_val_quarter(m->value, c->last_quarter_year - 1, c->last_quarter))
            return 0;
    } else if (!fl_val_year(m->value, c->dct.year - 1)) {
        return 0;
    }
    m->type = FL_TIME_DATE;
    return 2;
}

/* daily, weekly; every day, each Monday, every other week, every morning,
 * each July, every summer */
size_t fl_pat_set(fl_tctx *c, size_t i, fl_tmatch *m)
{
    m->type = FL_TIME_SET;
    if (cls(c, i, FL_LX_SET)) {
        if (joined(c, i + 1))
            return 0;
        return fl_time_duration_value(m->value, fl_tw_value(c, i), 1) ? 1 : 0;
    }
    if (!cls(c, i, FL_LX_EVERY))
        return 0;
    size_t k = i + 1;
    long n = 1;
    if (fl_tw_is(c, k, "other")) {
        n = 2;
        k++;
    } else {
        size_t cn = fl_time_count(c, k, &n);
        if (cn && n != FL_LX_VAGUE && !(fl_tw_lexflags(c, k) & FL_LXF_ARTICLE))
            k += cn;
        else
            n = 1;
    }
    int unit = unit_of(c, k);
    if (unit != FL_U_NONE && unit != FL_U_WEEKEND) {
        if (fl_tw_is(c, i, "per") && (n != 1 || (!rate_before(c, i) && count_rate_before(c, i))))
            return 0; /* "15 million instructions per second", "60 miles per hour": rates of things */
        return fl_time_duration_value(m->value, unit, n) ? k + 1 - i : 0;
    }
    if (fl_tw_is(c, i, "per"))
        return 0;
    if (cls(c, k, FL_LX_WEEKDAY) && !(fl_tw_lexflags(c, k) & FL_LXF_ABBR)) {
        snprintf(m->value, sizeof m->value, "XXXX-WXX-%d", fl_tw_value(c, k));
        return k + 1 - i;
    }
    if (cls(c, k, FL_LX_MONTH) && !(fl_tw_lexflags(c, k) & FL_LXF_ABBR) && (word_at(c, k)->flags & FL_W_CAP)) {
        snprintf(m->value, sizeof m->value, "XXXX-%02d", fl_tw_value(c, k)); /* "each July" */
        return k + 1 - i;
    }
    if (cls(c, k, FL_LX_SEASON) && !(fl_tw_lexflags(c, k) & FL_LXF_AMBIG)) {
        static const char *const names[5] = {"", "SP", "SU", "FA", "WI"};
        snprintf(m->value, sizeof m->value, "XXXX-%s", names[fl_tw_value(c, k)]); /* "every summer" */
        return k + 1 - i;
    }
    int pod;
    if (fl_time_read_pod(c, k, &pod)) {
        snprintf(m->value, sizeof m->value, "XXXX-XX-XX%s", fl_time_pod_suffix(pod));
        return k + 1 - i;
    }
    return 0;
}

/* ---- clock times ------------------------------------------------------ */

/* The day named after a clock time and its qualifiers, which stays its own
 * expression: "10:35 a.m. (0735 GMT) Friday" (after a conversion in
 * parentheses), "07:00 local time (05:00 GMT) on Sunday", "06:30 on 7
 * October". Word k follows the time (and its zone). */
static int clock_day_after(fl_tctx *c, size_t k, fl_cal_date *day)
{
    if (fl_tw_is(c, k, "local") && fl_tw_is(c, k + 1, "time"))
        k += 2;
    int paren = 0;
    if (is_punct(c, k, '(')) {
        size_t close = k + 1;
        while (close < c->n && close <= k + 5 && !is_punct(c, close, ')'))
            close++;
        if (!is_punct(c, close, ')'))
            return 0;
        k = close + 1;
        paren = 1;
    } else if (is_punct(c, k, ')')) {
        k++; /* the conversion itself: "(05:00 GMT) on Sunday" */
    }
    int on = fl_tw_is(c, k, "on");
    if (!on && !paren)
        return 0;
    k += on;
    fl_tmatch dm;
    memset(&dm, 0, sizeof dm);
    size_t dn = on ? fl_pat_month_date(c, k, &dm) : 0;
    if (dn && strlen(dm.value) == 10) { /* "on 7 October", "on Sunday 5 November" */
        day->year = atoi(dm.value);
        day->month = atoi(dm.value + 5);
        day->day = atoi(dm.value + 8);
        return 1;
    }
    if (cls(c, k, FL_LX_WEEKDAY) && !(fl_tw_lexflags(c, k) & (FL_LXF_PLURAL | FL_LXF_ABBR)) &&
        (word_at(c, k)->flags & FL_W_CAP)) {
        /* resolved as the weekday's own expression is, by its clause */
        *day = fl_time_resolve_weekday(c, fl_tw_value(c, k), 0, 0, fl_tense_around(c, k, k + 1));
        return 1;
    }
    return 0;
}

/* The clock time at word i comes right after the last day named in its
 * sentence: "on Friday at 7 p.m.", "on 7 October, at around 06:30",
 * "Sunday morning at 07:00". Only adjacent: a day named further back in
 * the sentence is as often another day ("the pauses, begun on Saturday,
 * will last from 08:00 until 19:00" are daily; on the BBC news about half
 * of such clock times were of the day named). */
static int clock_after_day(const fl_tctx *c, size_t i)
{
    if (c->last_grain != 3 || c->last_date_sentence != c->sentence || c->last_date_end > i)
        return 0;
    size_t j = c->last_date_end;
    if (fl_tw_is(c, j, "local") && fl_tw_is(c, j + 1, "time"))
        j += 2;
    if (is_punct(c, j, ',') || is_punct(c, j, '(') || is_punct(c, j, '['))
        j++; /* "on Friday, at 7 p.m."; "at 10:00 local time (06:00 GMT)": the conversion's day */
    if (fl_tw_is(c, j, "at") || fl_tw_is(c, j, "by") || fl_tw_is(c, j, "until") || fl_tw_is(c, j, "from"))
        j++;
    j += fl_time_clock_hedge(c, j); /* "on Saturday at around 10:00" */
    return j == i;
}

/* 3 p.m., 10:30, 10:30 a.m. EDT [Tuesday|today]; 4 in the morning; noon,
 * midnight */
size_t fl_pat_clock(fl_tctx *c, size_t i, fl_tmatch *m)
{
    const fl_tword *w = word_at(c, i);
    int hour = -1, minute = 0;
    size_t k = i + 1;
    int pod_hour = -1; /* "4 in the morning", "8 in the evening" */
    if ((w->flags & FL_W_DIGITS) && w->ndigits <= 2 && w->num >= 1 && w->num <= 12 && fl_tw_is(c, k, "in") &&
        fl_tw_is(c, k + 1, "the") && cls(c, k + 2, FL_LX_PART_OF_DAY) && !(fl_tw_lexflags(c, k + 2) & FL_LXF_PLURAL) &&
        (!word_at(c, k + 3) || (word_at(c, k + 3)->flags & FL_W_PUNCT) || cls(c, k + 3, FL_LX_WEEKDAY) ||
         cls(c, k + 3, FL_LX_DAY_WORD) || fl_tw_is(c, k + 3, "on") || fl_tw_is(c, k + 3, "and"))) {
        int pod = fl_tw_value(c, k + 2);
        if (pod == FL_POD_MORNING)
            pod_hour = w->num % 12;
        else if (pod == FL_POD_AFTERNOON || pod == FL_POD_EVENING)
            pod_hour = w->num % 12 + 12;
    }
    if (pod_hour >= 0) {
        hour = pod_hour;
        k += 3;
    } else if (w->flags & FL_W_DIGITS) {
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
        if (i > c->sentence_begin && fl_tw_is(c, i - 1, "high"))
            return 0; /* "high noon comes today": the idiom, a decisive moment */
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
    size_t dn = cls(c, dk, FL_LX_MONTH) || cls(c, dk, FL_LX_WEEKDAY) ? fl_pat_month_date(c, dk, &dm) : 0;
    if (dn && strlen(dm.value) == 10) {
        /* "5 p.m. EST, Nov. 6": the time of that day */
        day.year = atoi(dm.value);
        day.month = atoi(dm.value + 5);
        day.day = atoi(dm.value + 8);
        after = dk + dn;
    } else if (cls(c, k, FL_LX_WEEKDAY) && !(fl_tw_lexflags(c, k) & (FL_LXF_PLURAL | FL_LXF_ABBR)) &&
        (word_at(c, k)->flags & FL_W_CAP)) {
        day = fl_time_resolve_weekday(c, fl_tw_value(c, k), 0, 0, fl_tense_around(c, i, k + 1));
        after = k + 1;
    } else if (cls(c, k, FL_LX_DAY_WORD) && !fl_tw_is(c, k, "tonight")) {
        day = fl_cal_add_days(c->dct, fl_tw_value(c, k));
        after = k + 1;
    } else if (!clock_day_after(c, k, &day) && clock_after_day(c, i)) {
        day = c->last_date; /* "on Friday at 7 p.m.": the day just named */
    }
    if (!fl_val_day(m->value, day))
        return 0;
    size_t l = strlen(m->value);
    snprintf(m->value + l, sizeof m->value - l, "T%02d:%02d", hour, minute);
    m->type = FL_TIME_TIME;
    return after - i;
}

