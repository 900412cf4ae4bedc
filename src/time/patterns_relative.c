/*
 * patterns_relative.c — patterns for expressions relative to the DCT: today
 * and yesterday, PRESENT/PAST/FUTURE_REF words and phrases, weekdays by
 * tense, this/last/next + unit, weekday, month, season or part of day, and
 * "the weekend", "the fiscal year", "the year". Not for: named dates
 * (patterns_dates.c) or amounts (patterns_amounts.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "time/pattern_words.h"

/* ---- deictic words ---------------------------------------------------- */

/* Nouns after "today's" or "tomorrow's" that make it mean the present age
 * or the future, not a day: "in today's world", "today's youth", "many of
 * today's personal computers", "the people of tomorrow". */
static const char *const era_nouns[] = {
    "world", "youth", "society", "generation", "generations", "children", "kids", "young", "computers",
    "personal", "economy", "culture", "technology", "standards", "people", "leaders",
};

static int names_an_era(const fl_tctx *c, size_t i)
{
    if (fl_tw_is(c, i, "yesterday"))
        return 0;
    if (fl_tw_is(c, i + 1, "'s"))
        for (size_t k = 0; k < sizeof era_nouns / sizeof era_nouns[0]; k++)
            if (fl_tw_is(c, i + 2, era_nouns[k]))
                return 1;
    /* "the people of tomorrow" */
    return fl_tw_is(c, i, "tomorrow") && i >= c->sentence_begin + 2 && fl_tw_is(c, i - 1, "of") &&
           !cls(c, i - 2, FL_LX_UNIT) && !cls(c, i - 2, FL_LX_PART_OF_DAY) && !cls(c, i - 2, FL_LX_EDGE);
}

/* "the day before yesterday", "the day after tomorrow": two days from the
 * DCT, one expression (TimeML tags the whole phrase). */
static size_t day_beyond(const fl_tctx *c, size_t i, fl_tmatch *m)
{
    if (!fl_tw_is(c, i, "the") || unit_of(c, i + 1) != FL_U_DAY || (fl_tw_lexflags(c, i + 1) & FL_LXF_PLURAL) ||
        joined(c, i + 1))
        return 0;
    int off;
    if (fl_tw_is(c, i + 2, "before") && fl_tw_is(c, i + 3, "yesterday"))
        off = -2;
    else if (fl_tw_is(c, i + 2, "after") && fl_tw_is(c, i + 3, "tomorrow"))
        off = 2;
    else
        return 0;
    if (!fl_val_day(m->value, fl_cal_add_days(c->dct, off)))
        return 0;
    m->type = FL_TIME_DATE;
    return 4;
}

/* today, yesterday, tomorrow, tonight [morning|night]; the day before
 * yesterday */
size_t fl_pat_day_word(fl_tctx *c, size_t i, fl_tmatch *m)
{
    size_t beyond = day_beyond(c, i, m);
    if (beyond)
        return beyond;
    if (!cls(c, i, FL_LX_DAY_WORD) || names_an_era(c, i))
        return 0;
    int off = fl_tw_value(c, i);
    if (!fl_val_day(m->value, fl_cal_add_days(c->dct, off)))
        return 0;
    m->type = FL_TIME_DATE;
    if (fl_tw_is(c, i, "tonight")) {
        fl_time_add_pod(m, FL_POD_NIGHT);
        return 1;
    }
    int pod;
    if (fl_time_read_pod(c, i + 1, &pod)) {
        fl_time_add_pod(m, pod);
        return 2;
    }
    return 1;
}

/* Words before "a while" that make it an amount of time ("for a while",
 * "after a while", "it may take a while", "it will be a while", "waiting
 * a while", "for quite a while"); "a while" elsewhere is no time
 * ("A while loop runs"). */
static const char *const while_amount_after[] = {"for", "after", "take", "takes", "took", "taking", "taken", "within",
                                                 "be", "been", "wait", "waits", "waited", "waiting", "quite", NULL};
static const char *const while_future_after[] = {"in", NULL}; /* "see you in a while" */

/* Phrases that name the present, past or future, or an amount without a
 * count, grouped by their first word, so the matcher, tried at every word,
 * reads each first word once. Longest first within a group. A phrase may
 * need one of a list of words before it (`after`), and is no time when
 * followed by `not_then` ("in the weeks ahead of the election"), unless an
 * object pronoun follows that ("the weeks ahead of us"). A NULL value
 * marks a phrase that is no time and stops shorter ones ("a while
 * later": relative to the story, not the DCT). */
static const struct {
    const char *first;
    struct {
        const char *words[2]; /* after the first; NULL ends a shorter phrase */
        fl_time_type type;
        const char *value;
        const char *const *after;
        const char *not_then;
    } tails[9];
} ref_phrases[] = {
    {"a",
     {{{"later", "date"}, FL_TIME_DATE, "FUTURE_REF", NULL, NULL}, /* not "an earlier date": earlier than a plan */
      {{"future", "date"}, FL_TIME_DATE, "FUTURE_REF", NULL, NULL},
      {{"while", "ago"}, FL_TIME_DATE, "PAST_REF", NULL, NULL}, /* TimeML: "a while ago" a past date */
      {{"while", "back"}, FL_TIME_DATE, "PAST_REF", NULL, NULL},
      {{"while", "longer"}, FL_TIME_DURATION, "PXX", NULL, NULL}, /* "could go on a while longer" */
      {{"while", "later"}, FL_TIME_DATE, NULL, NULL, NULL},
      {{"while", "earlier"}, FL_TIME_DATE, NULL, NULL, NULL},
      {{"while", NULL}, FL_TIME_DATE, "FUTURE_REF", while_future_after, NULL},
      {{"while", NULL}, FL_TIME_DURATION, "PXX", while_amount_after, NULL}}}, /* "for a while": unknown length */
    {"at", {{{"present", NULL}, FL_TIME_DATE, "PRESENT_REF", NULL, NULL}}},
    {"the",
     {{{"time", "being"}, FL_TIME_DATE, "PRESENT_REF", NULL, NULL},
      {{"near", "term"}, FL_TIME_DATE, "FUTURE_REF", NULL, NULL},
      {{"short", "term"}, FL_TIME_DATE, "FUTURE_REF", NULL, NULL},
      {{"long", "term"}, FL_TIME_DATE, "FUTURE_REF", NULL, NULL},
      {{"years", "ahead"}, FL_TIME_DATE, "FUTURE_REF", NULL, "of"},
      {{"months", "ahead"}, FL_TIME_DATE, "FUTURE_REF", NULL, "of"},
      {{"weeks", "ahead"}, FL_TIME_DATE, "FUTURE_REF", NULL, "of"},
      {{"days", "ahead"}, FL_TIME_DATE, "FUTURE_REF", NULL, "of"}}},
    {"then", {{{"current", NULL}, FL_TIME_DATE, "PAST_REF", NULL, NULL}}},
    {"these", {{{"days", NULL}, FL_TIME_DATE, "PRESENT_REF", NULL, NULL}}},
};

static int one_of(const fl_tctx *c, size_t k, const char *const *words)
{
    for (; *words; words++)
        if (fl_tw_is(c, k, *words))
            return 1;
    return 0;
}

/* The phrase of group g, tail p, at word i: its length, or 0. */
static size_t ref_phrase_at(const fl_tctx *c, size_t g, size_t p, size_t i)
{
    const char *const *w = ref_phrases[g].tails[p].words;
    size_t k = 0;
    while (k < 2 && w[k] && fl_tw_is(c, i + 1 + k, w[k]) && !joined(c, i + 1 + k)) /* "the long-term outlook" */
        k++;
    if (k == 0 || (k < 2 && w[k]))
        return 0;
    const char *const *after = ref_phrases[g].tails[p].after;
    if (after && (i <= c->sentence_begin || !one_of(c, i - 1, after)))
        return 0;
    static const char *const pronouns[] = {"us", "them", "you", "me", "him", "her", "it", NULL};
    const char *not_then = ref_phrases[g].tails[p].not_then;
    if (not_then && fl_tw_is(c, i + 1 + k, not_then) && !one_of(c, i + 2 + k, pronouns))
        return SIZE_MAX; /* no time, and no shorter phrase */
    return k + 1;
}

/* now, currently, recently, soon; the future, the past; recent years; a while */
size_t fl_pat_ref(fl_tctx *c, size_t i, fl_tmatch *m)
{
    static const char *const refs[3] = {"PAST_REF", "PRESENT_REF", "FUTURE_REF"};
    m->type = FL_TIME_DATE;
    for (size_t g = 0; g < sizeof ref_phrases / sizeof ref_phrases[0]; g++) {
        if (!fl_tw_is(c, i, ref_phrases[g].first))
            continue;
        /* "once in a while" is a frequency with no value: untagged */
        if (fl_tw_is(c, i + 1, "while") && i >= c->sentence_begin + 2 && fl_tw_is(c, i - 2, "once") &&
            fl_tw_is(c, i - 1, "in"))
            return 0;
        for (size_t p = 0; p < sizeof ref_phrases[g].tails / sizeof ref_phrases[g].tails[0]; p++) {
            if (!ref_phrases[g].tails[p].words[0])
                break;
            size_t len = ref_phrase_at(c, g, p, i);
            if (len == SIZE_MAX || (len && !ref_phrases[g].tails[p].value))
                return 0;
            if (len) {
                m->type = ref_phrases[g].tails[p].type;
                strcpy(m->value, ref_phrases[g].tails[p].value);
                return len;
            }
        }
        break;
    }
    if (fl_tw_is(c, i, "one") && fl_tw_is(c, i + 1, "day") && !joined(c, i + 1) && i > c->sentence_begin) {
        /* "Islam will one day be ...": after a modal, an indefinite future */
        static const char *const modals[] = {"will", "would", "could", "can", "may", "might", "shall", "'ll"};
        for (size_t k = 0; k < sizeof modals / sizeof modals[0]; k++)
            if (fl_tw_is(c, i - 1, modals[k])) {
                strcpy(m->value, "FUTURE_REF");
                return 2;
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
            !cls(c, k + 1, FL_LX_SEASON) && !(word_at(c, k + 1) && (word_at(c, k + 1)->flags & FL_W_JOINED))) {
            strcpy(m->value, "PAST_REF");
            return 2;
        }
        return 0;
    }
    if (fl_tw_is(c, i, "future") && !joined(c, i + 1) && unit_of(c, i + 1) != FL_U_NONE &&
        (fl_tw_lexflags(c, i + 1) & FL_LXF_PLURAL)) {
        strcpy(m->value, "FUTURE_REF"); /* "in future quarters", as "coming years" */
        return 2;
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
    const fl_tword *w = word_at(c, i);
    if (!(w->flags & FL_W_CAP))
        return 0;
    if ((f & FL_LXF_ABBR) && !(w->flags & FL_W_PERIOD))
        return 0;
    const fl_tword *prev = i > c->sentence_begin + 1 ? word_at(c, i - 1) : NULL, *next = word_at(c, i + 1);
    if (!has_shift && prev && next && (prev->flags & next->flags & FL_W_CAP) && !prev->lex && !next->lex &&
        !((prev->flags | next->flags) & (FL_W_PUNCT | FL_W_DIGITS)))
        return 0; /* inside a name: "the Good Friday Agreement", "the Bloody Sunday Inquiry" */
    int wd = fl_tw_value(c, i);
    int plural_pod = cls(c, i + 1, FL_LX_PART_OF_DAY) && (fl_tw_lexflags(c, i + 1) & FL_LXF_PLURAL);
    if ((f & FL_LXF_PLURAL) || plural_pod) {
        /* "Mondays", "Tuesday nights", "Sunday mornings": a set */
        if (has_shift)
            return 0;
        snprintf(m->value, sizeof m->value, "XXXX-WXX-%d%s", wd,
                 plural_pod ? fl_time_pod_suffix(fl_tw_value(c, i + 1)) : "");
        m->type = FL_TIME_SET;
        return plural_pod ? 2 : 1;
    }
    int tense = has_shift ? FL_TENSE_UNKNOWN : fl_tense_around(c, start, i + 1);
    if (!fl_val_day(m->value, fl_time_resolve_weekday(c, wd, shift, has_shift, tense)))
        return 0;
    m->type = FL_TIME_DATE;
    int pod;
    if (fl_time_read_pod(c, i + 1, &pod)) {
        /* TimeBank annotates "Wednesday night" as a DATE with the part of day */
        fl_time_add_pod(m, pod);
        m->type = FL_TIME_DATE;
        return 2;
    }
    return 1;
}

size_t fl_pat_weekday(fl_tctx *c, size_t i, fl_tmatch *m)
{
    return weekday_core(c, i, m, 0, 0, i);
}

/* ---- this / last / next ... ------------------------------------------ */

size_t fl_pat_relative(fl_tctx *c, size_t i, fl_tmatch *m)
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
        if (!fl_time_shifted_value(c, m->value, unit_of(c, k), 0))
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
    if (is_this && !the && !earlier && fl_tw_is(c, k + 1, "past") && !joined(c, k + 2) &&
        ((unit_of(c, k + 2) != FL_U_NONE && unit_of(c, k + 2) < FL_U_YEAR && unit_of(c, k + 2) != FL_U_WEEK &&
          unit_of(c, k + 2) != FL_U_MONTH) ||
         cls(c, k + 2, FL_LX_WEEKDAY) ||
         cls(c, k + 2, FL_LX_SEASON) ||
         cls(c, k + 2, FL_LX_MONTH)) &&
        !(fl_tw_lexflags(c, k + 2) & FL_LXF_PLURAL)) {
        /* "this past weekend", "this past spring": the last one, a date
         * ("this past year", "this past month", "this past week" stay
         * durations like "the past year": on a Saturday "this past week" is
         * the week now ending, midweek the last seven days). The last one is
         * the last ended by the end of the DCT's day: on a Sunday the weekend
         * ending that day, on a Saturday the one before; a weekday is one
         * before the DCT's day ("this past Sunday" on a Sunday is a week
         * back: that day itself is "today"). docs/time.md */
        shift = unit_of(c, k + 2) == FL_U_WEEKEND && fl_cal_weekday(c->dct) == 7 ? 0 : -1;
        is_this = 0;
        k++;
    }
    if (fl_tw_is(c, k, "that") || fl_tw_is(c, k, "same") || fl_tw_is(c, k, "following"))
        return 0; /* anaphoric: needs the narrative's time, not the DCT */
    if (earlier && !is_this)
        return 0;
    if (earlier) /* "earlier this year" START, "later this month" END */
        m->mod = fl_tw_is(c, i, "earlier") ? FL_MOD_START : FL_MOD_END;
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
            if (!fl_time_duration_value(m->value, unit, 1))
                return 0;
            m->type = FL_TIME_DURATION;
            return k + 1 - i;
        }
        if (unit == FL_U_DAY || fl_unit_is_clock((fl_unit)unit))
            return 0;
        if (!fl_time_shifted_value(c, m->value, unit, shift))
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
    if (cls(c, k, FL_LX_MONTH) && (word_at(c, k)->flags & FL_W_CAP) && !(fl_tw_lexflags(c, k) & FL_LXF_ABBR)) {
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
    if (fl_time_read_pod(c, k, &pod)) {
        /* this morning, last night */
        if (shift > 0 || (shift < 0 && pod != FL_POD_NIGHT))
            return 0;
        if (!fl_val_day(m->value, fl_cal_add_days(c->dct, shift)))
            return 0;
        fl_time_add_pod(m, pod);
        return k + 1 - i;
    }
    return 0;
}

/* A part of day after an edge ("mid-afternoon", "early morning"), on the day
 * word after it ("mid-afternoon yesterday") or the DCT. Alone ("the
 * morning") it is left to the anaphora. */
size_t fl_pat_edge_pod(fl_tctx *c, size_t i, fl_tmatch *m)
{
    int pod;
    if (!c->after_edge || !fl_time_read_pod(c, i, &pod) || pod == FL_POD_NOON || pod == FL_POD_MIDNIGHT)
        return 0;
    size_t k = i + 1;
    fl_cal_date day = c->dct;
    if (cls(c, k, FL_LX_DAY_WORD) && !fl_tw_is(c, k, "tonight"))
        day = fl_cal_add_days(c->dct, fl_tw_value(c, k++));
    else if (joined(c, i) && word_at(c, k) && !(word_at(c, k)->flags & (FL_W_PUNCT | FL_W_CAP)) &&
             !fl_tw_is(c, k, "and") && !fl_tw_is(c, k, "or"))
        return 0; /* "late-night television", "an early-morning raid": adjectives */
    if (!fl_val_day(m->value, day))
        return 0;
    fl_time_add_pod(m, pod);
    return k - i;
}

/* "the weekend": the last one, or the coming one when the clause looks
 * ahead; "the fiscal year": the current one, as a duration. */
size_t fl_pat_the_period(fl_tctx *c, size_t i, fl_tmatch *m)
{
    if (!fl_tw_is(c, i, "the"))
        return 0;
    int pod;
    if (c->last_grain == 3 && c->sentence <= c->last_date_sentence + 1 && i > c->sentence_begin &&
        fl_tw_is(c, i - 1, "in") && fl_time_read_pod(c, i + 1, &pod) && pod != FL_POD_NOON &&
        pod != FL_POD_MIDNIGHT && !joined(c, i + 2) && !fl_tw_is(c, i + 2, "of") &&
        fl_tense_around(c, i, i + 2) == FL_TENSE_PAST) {
        /* "dashed Friday. Dealers placed orders in the morning": the morning
         * of a day named in this sentence or the one before, in a clause in
         * the past; otherwise (habits: "we play in the evening") left alone */
        if (!fl_val_day(m->value, c->last_date))
            return 0;
        fl_time_add_pod(m, pod);
        return 2;
    }
    if (i > c->sentence_begin + 1 && (fl_tw_is(c, i - 1, "is") || fl_tw_is(c, i - 1, "'s")) &&
        (fl_tw_is(c, i - 2, "today") || fl_tw_is(c, i - 2, "it") || fl_tw_is(c, i - 2, "this")) &&
        (cls(c, i + 1, FL_LX_ORDINAL) || fl_tw_is(c, i + 1, "second")) && unit_of(c, i + 2) == FL_U_DAY &&
        !(fl_tw_lexflags(c, i + 2) & FL_LXF_PLURAL) && !joined(c, i + 2)) {
        /* "today is the eighth day of Desert Shield", "it's the second day of
         * an offensive": the present tense counts to the DCT; only of the day
         * itself, not "Monday is the first day of the trial" */
        if (!fl_val_day(m->value, c->dct))
            return 0;
        m->type = FL_TIME_DATE;
        return 3;
    }
    if (unit_of(c, i + 1) == FL_U_WEEKEND && !(fl_tw_lexflags(c, i + 1) & FL_LXF_PLURAL)) {
        int dw = fl_cal_weekday(c->dct);
        int tense = fl_tense_around(c, i, i + 2);
        long back = dw >= 6 ? 0 : -7; /* on a Saturday or Sunday "the weekend" is this one */
        if (!fl_time_shifted_value(c, m->value, FL_U_WEEKEND, tense == FL_TENSE_FUTURE ? 0 : back / 7))
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
        /* "the first nine months of the year", "the last weeks of the year",
         * "the rest of the year": a part of this one; not "the hottest days
         * of the year", which may be of any year */
        int part_of = i > c->sentence_begin + 1 && fl_tw_is(c, i - 1, "of") &&
                      ((unit_of(c, i - 2) > FL_U_NONE && unit_of(c, i - 2) < FL_U_YEAR &&
                        (fl_tw_lexflags(c, i - 2) & FL_LXF_PLURAL) && i > c->sentence_begin + 2 &&
                        (cls(c, i - 3, FL_LX_NUMBER) || is_digits(c, i - 3) || cls(c, i - 3, FL_LX_ORDINAL) ||
                         cls(c, i - 3, FL_LX_SHIFT) || cls(c, i - 3, FL_LX_EDGE) || fl_tw_is(c, i - 3, "final"))) ||
                       fl_tw_is(c, i - 2, "rest") || fl_tw_is(c, i - 2, "remainder"));
        if (i > 0 && (fl_tw_is(c, i - 1, "for") || fl_tw_is(c, i - 1, "in") || part_of) &&
            !cls(c, i + 2, FL_LX_NUMBER) && !is_digits(c, i + 2)) {
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


/* Expressions that refer to the last date mentioned: "that day", "the same
 * year", "later that month", "the following week", "the next day", "the
 * previous year", "the previous Friday". Without an earlier date they are left alone. */
size_t fl_pat_anaphoric(fl_tctx *c, size_t i, fl_tmatch *m)
{
    if (!c->last_grain && !c->last_quarter)
        return 0;
    size_t k = i;
    int around = fl_tw_is(c, k, "later") || fl_tw_is(c, k, "earlier");
    k += around;
    if (around) /* "earlier that day" START, "later that month" END */
        m->mod = fl_tw_is(c, i, "earlier") ? FL_MOD_START : FL_MOD_END;
    int shift = 0, next_only_day = 0;
    if (fl_tw_is(c, k, "that")) {
        k += fl_tw_is(c, k + 1, "same") ? 2 : 1;
    } else if (!around && fl_tw_is(c, k, "the") && fl_tw_is(c, k + 1, "same")) {
        k += 2;
    } else if (!around && fl_tw_is(c, k, "the") && fl_tw_is(c, k + 1, "following")) {
        k += 2, shift = 1;
    } else if (!around && fl_tw_is(c, k, "the") && fl_tw_is(c, k + 1, "next")) {
        k += 2, shift = 1, next_only_day = 1; /* "the next year" is mostly a duration */
    } else if (!around && fl_tw_is(c, k, "the") &&
               (fl_tw_is(c, k + 1, "previous") || fl_tw_is(c, k + 1, "preceding") || fl_tw_is(c, k + 1, "prior"))) {
        k += 2, shift = -1;
    } else {
        return 0;
    }
    if (shift != 0 && !next_only_day && c->last_grain >= 3 && cls(c, k, FL_LX_WEEKDAY) &&
        !(fl_tw_lexflags(c, k) & (FL_LXF_PLURAL | FL_LXF_ABBR)) && (word_at(c, k)->flags & FL_W_CAP)) {
        /* "the previous Friday", "the following Monday": the one before or
         * after the last day mentioned, never that day itself */
        int gap = ((fl_tw_value(c, k) - fl_cal_weekday(c->last_date)) * shift + 7) % 7;
        if (!fl_val_day(m->value, fl_cal_add_days(c->last_date, (long)shift * (gap ? gap : 7))))
            return 0;
        m->type = FL_TIME_DATE;
        return k + 1 - i;
    }
    int unit = unit_of(c, k);
    int pod = 0;
    if (unit == FL_U_NONE && shift > 0 && next_only_day && fl_time_read_pod(c, k, &pod))
        unit = FL_U_DAY; /* "the next morning" */
    if (unit == FL_U_NONE || (fl_tw_lexflags(c, k) & FL_LXF_PLURAL) || joined(c, k))
        return 0;
    if (next_only_day && unit != FL_U_DAY)
        return 0;
    fl_cal_date d = c->last_date;
    int ok;
    switch (unit) {
    case FL_U_DAY:
        ok = c->last_grain >= 3 && fl_val_day(m->value, fl_cal_add_days(d, shift));
        break;
    case FL_U_WEEK:
        ok = c->last_grain >= 3 && fl_val_week(m->value, fl_cal_add_days(d, 7L * shift));
        break;
    case FL_U_MONTH: {
        fl_cal_date x = fl_cal_add_months(d, shift);
        ok = c->last_grain >= 2 && fl_val_month(m->value, x.year, x.month);
        break;
    }
    case FL_U_YEAR:
        ok = c->last_grain >= 1 && fl_val_year(m->value, d.year + shift);
        break;
    case FL_U_QUARTER: /* "that quarter": the last one named */
        ok = shift == 0 && c->last_quarter && fl_val_quarter(m->value, c->last_quarter_year, c->last_quarter);
        break;
    default:
        ok = 0;
    }
    if (!ok)
        return 0;
    m->type = FL_TIME_DATE;
    if (pod)
        fl_time_add_pod(m, pod);
    return k + 1 - i;
}
