/*
 * recognize.c — the time layer's driver: takes the word stream (words.c),
 * finds the tense of a clause, runs the patterns (patterns.c) at every
 * word and keeps the longest match, widened to whole tokens.
 *
 * Cost: one pass over the tokens; each word is looked up once in the
 * lexicon (a filtered hash lookup, lexicon.c) and the patterns are only
 * tried at words that can start a time expression, so the layer stays far
 * cheaper than tokenization. Nothing is allocated once the doc's arrays are
 * warm. Not for: the patterns (patterns.c), the word stream (words.c) or
 * TimeML (timeml.c).
 */
#include "time/times.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/doc.h"
#include "time/match.h"

/* ---- word helpers ---------------------------------------------------- */

int fl_tw_is_full(const fl_tctx *c, size_t i, const char *lower)
{
    if (i >= c->n)
        return 0;
    const fl_tword *w = &c->w[i];
    size_t len = w->end - w->start;
    if (w->flags & FL_W_PERIOD)
        len--;
    size_t k = 0;
    for (; k < len && lower[k]; k++) {
        char ch = c->text[w->start + k];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch + 32);
        if (ch != lower[k])
            return 0;
    }
    return k == len && lower[k] == 0;
}

int fl_tw_class(const fl_tctx *c, size_t i)
{
    return i < c->n && c->w[i].lex ? c->w[i].lex->cls : FL_LX_NONE;
}

int fl_tw_value(const fl_tctx *c, size_t i)
{
    return i < c->n && c->w[i].lex ? c->w[i].lex->value : 0;
}

unsigned fl_tw_lexflags(const fl_tctx *c, size_t i)
{
    return i < c->n && c->w[i].lex ? c->w[i].lex->flags : 0;
}

/* ---- tense ----------------------------------------------------------- */

/* Words that set the time of a clause. Future cues win a tie: they are rarer
 * and more specific. "said" and friends mark the past of reported speech. */
static const struct {
    const char *word;
    int tense;
} tense_cues[] = {
    {"will", FL_TENSE_FUTURE},     {"'ll", FL_TENSE_FUTURE},        {"shall", FL_TENSE_FUTURE},
    {"scheduled", FL_TENSE_FUTURE}, {"expected", FL_TENSE_FUTURE}, {"expects", FL_TENSE_FUTURE},
    {"plans", FL_TENSE_FUTURE},    {"intends", FL_TENSE_FUTURE},   {"due", FL_TENSE_FUTURE},
    {"going", FL_TENSE_FUTURE},    {"upcoming", FL_TENSE_FUTURE},  {"soon", FL_TENSE_FUTURE},
    {"might", FL_TENSE_FUTURE},    {"resume", FL_TENSE_FUTURE},
    {"tomorrow", FL_TENSE_FUTURE}, {"next", FL_TENSE_FUTURE},      {"coming", FL_TENSE_FUTURE},
    {"planned", FL_TENSE_FUTURE},  {"planning", FL_TENSE_FUTURE},  {"plan", FL_TENSE_FUTURE},
    {"was", FL_TENSE_PAST},        {"were", FL_TENSE_PAST},        {"had", FL_TENSE_PAST},
    {"did", FL_TENSE_PAST},        {"said", FL_TENSE_PAST},        {"told", FL_TENSE_PAST},
    {"announced", FL_TENSE_PAST},  {"reported", FL_TENSE_PAST},    {"ago", FL_TENSE_PAST},
    {"since", FL_TENSE_PAST},      {"began", FL_TENSE_PAST},       {"came", FL_TENSE_PAST},
};

/* "until" is a weaker future cue than a verb (see until_tense): not in the table. */

/* Past tense verbs without -ed, for weighing a clause with "until": "Smith
 * ran the firm until his retirement in September", "until government
 * forces retook it on Sunday". Not after an auxiliary ("is held"). */
static const char *const irregular_past[] = {
    "ran", "took", "retook", "fell", "rose", "went", "saw", "began", "came", "broke", "drove", "wrote",
    "gave", "grew", "threw", "flew", "knew", "spoke", "chose", "froze", "rode", "shook", "drew",
}; /* not "held", "led", "won": also participles ("now held by the Belgians") */

/* Modals that put what "until" bounds ahead of their clause: "the
 * government would not announce it until after Thursday's meeting", "could
 * hang on until September". */
static const char *const until_modals[] = {"would", "could", "can", "may", "must", "should", "cannot"};

/* Verbs in the present that an "until" clause puts ahead: "until her
 * trial begins on 10 June", "until the envoy arrives". A closed list: a
 * word in -s after "until" is as often a plural ("until peace talks in
 * October"); after a pronoun any word in -s is read as a verb ("until it
 * reopens"). */
static const char *const until_present_verbs[] = {
    "begins", "starts", "ends", "arrives", "takes", "comes", "returns", "expires", "opens", "closes", "meets",
    "rules", "decides", "finishes", "resumes", "reopens", "is", "are", "gets", "goes", "votes", "leaves",
};

/* Word i is one of the future cues. */
static int future_cue_word(const fl_tctx *c, size_t i)
{
    for (size_t k = 0; k < sizeof tense_cues / sizeof tense_cues[0]; k++)
        if (tense_cues[k].tense == FL_TENSE_FUTURE && fl_tw_is(c, i, tense_cues[k].word))
            return 1;
    return 0;
}

/* Word i follows "be" or "being": a passive participle ("will be named"),
 * whose tense is the auxiliary's. */
static int after_be(const fl_tctx *c, size_t i)
{
    return i > c->sentence_begin && (fl_tw_is(c, i - 1, "be") || fl_tw_is(c, i - 1, "being"));
}

static int future_cue_word(const fl_tctx *c, size_t i);

static int tense_of_word(const fl_tctx *c, size_t i)
{
    const fl_tword *w = &c->w[i];
    if (w->flags & (FL_W_PUNCT | FL_W_OTHER | FL_W_DIGITS))
        return FL_TENSE_UNKNOWN;
    for (size_t k = 0; k < sizeof tense_cues / sizeof tense_cues[0]; k++) {
        if (!fl_tw_is(c, i, tense_cues[k].word))
            continue;
        /* a plan in the past perfect lies behind: "had been scheduled to
         * expire Friday", "had been due" */
        if (tense_cues[k].tense == FL_TENSE_FUTURE && i >= c->sentence_begin + 2 && fl_tw_is(c, i - 1, "been") &&
            fl_tw_is(c, i - 2, "had"))
            return FL_TENSE_PAST;
        if (tense_cues[k].tense == FL_TENSE_PAST && after_be(c, i))
            return FL_TENSE_UNKNOWN; /* "will be announced" */
        if (tense_cues[k].tense == FL_TENSE_PAST && (fl_tw_is(c, i, "was") || fl_tw_is(c, i, "were")) &&
            i + 1 < c->n && future_cue_word(c, i + 1))
            return FL_TENSE_FUTURE; /* "were planning to drive ... on Monday": a plan still ahead */
        return tense_cues[k].tense;
    }
    /* a lower-case word in -ed is most often a past tense verb */
    size_t len = w->end - w->start;
    if (len >= 5 && !(w->flags & FL_W_CAP) && c->text[w->end - 2] == 'e' && c->text[w->end - 1] == 'd') {
        /* a passive participle takes its tense from the auxiliary: "will be named" */
        if (after_be(c, i))
            return FL_TENSE_UNKNOWN;
        return FL_TENSE_PAST;
    }
    return FL_TENSE_UNKNOWN;
}

/* How far (in words, each side) a tense cue may be from the expression:
 * about a clause. */
enum { FL_TENSE_REACH = 6, FL_FRONTED_REACH = 10 };

/* Words right before an expression that set a deadline or an earliest
 * date: "as early as Tuesday", "as soon as Friday", "by Monday", "until 9
 * a.m. Tuesday". */
static const char *const ahead_before[][3] = {
    {"as", "early", "as"}, {"as", "soon", "as"}, {"by", NULL, NULL}, {"until", NULL, NULL}, {"effective", NULL, NULL}, {"till", NULL, NULL},
};

static int looks_ahead_before(const fl_tctx *c, size_t i)
{
    /* "until" past an edge: "until late Friday", "until mid-June" */
    size_t e = i;
    if (e > c->sentence_begin && (c->w[e - 1].flags & FL_W_PUNCT) && c->text[c->w[e - 1].start] == '-')
        e--;
    if (e > c->sentence_begin + 1 &&
        (fl_tw_is(c, e - 1, "early") || fl_tw_is(c, e - 1, "late") || fl_tw_is(c, e - 1, "mid")) &&
        (fl_tw_is(c, e - 2, "until") || fl_tw_is(c, e - 2, "till")))
        return 1;
    for (size_t p = 0; p < sizeof ahead_before / sizeof ahead_before[0]; p++) {
        size_t n = ahead_before[p][1] ? (ahead_before[p][2] ? 3 : 2) : 1;
        if (i < c->sentence_begin + n)
            continue;
        size_t k = 0;
        while (k < n && fl_tw_is(c, i - n + k, ahead_before[p][k]))
            k++;
        if (k == n)
            return 1;
    }
    return 0;
}

/* A subordinate clause after a fronted time ("On Friday, when Albright set
 * aside vacation plans, ..."): its verb is not the main clause's. */
static int word_in(const fl_tctx *c, size_t k, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fl_tw_is(c, k, list[i]))
            return 1;
    return 0;
}

static int opens_clause(const fl_tctx *c, size_t k)
{
    static const char *const subordinators[] = {"when", "while", "after", "before", "as", "if", "because", "although", "though", "since", "until"};
    return word_in(c, k, subordinators, sizeof subordinators / sizeof subordinators[0]);
}

static int is_aux(const fl_tctx *c, size_t k)
{
    static const char *const aux[] = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "'s"};
    return word_in(c, k, aux, sizeof aux / sizeof aux[0]);
}

/* Word k is a past verb: a tense cue or -ed word in the past, or an
 * irregular past form not after an auxiliary. */
static int past_verb(const fl_tctx *c, size_t k)
{
    if (tense_of_word(c, k) == FL_TENSE_PAST)
        return 1;
    for (size_t p = 0; p < sizeof irregular_past / sizeof irregular_past[0]; p++)
        if (fl_tw_is(c, k, irregular_past[p]))
            return !(k > c->sentence_begin && is_aux(c, k - 1));
    return 0;
}

/* Word k is a verb in the present in an "until" clause (see until_present_verbs). */
static int present_verb(const fl_tctx *c, size_t k)
{
    for (size_t p = 0; p < sizeof until_present_verbs / sizeof until_present_verbs[0]; p++)
        if (fl_tw_is(c, k, until_present_verbs[p]))
            return 1;
    const fl_tword *w = &c->w[k];
    size_t len = w->end - w->start;
    if (len < 3 || k == c->sentence_begin || c->text[w->end - 1] != 's' || (w->flags & (FL_W_CAP | FL_W_DIGITS)))
        return 0;
    static const char *const subjects[] = {"he", "she", "it", "this", "that", "who", "which"};
    for (size_t p = 0; p < sizeof subjects / sizeof subjects[0]; p++)
        if (fl_tw_is(c, k - 1, subjects[p]))
            return 1;
    return 0;
}

/* The tense "until" at word u gives an expression at words i..j-1 when no
 * nearer cue decided: a past verb in the "until" clause ("until forces
 * retook it") makes it past; a present verb there ("until her trial
 * begins") future; otherwise the clause "until" ends decides ("The
 * fighting continued until the ceasefire", "The stadium was full until"),
 * and without a past verb there "until" looks ahead ("has given shippers
 * until close of business on Thursday"). */
static int until_tense(const fl_tctx *c, size_t u, size_t i)
{
    /* (an "until" after the expression: only the clause before it is read) */
    for (size_t k = u + 1; k < i; k++)
        if (past_verb(c, k))
            return FL_TENSE_PAST;
    for (size_t k = u + 1; k < i; k++)
        if (present_verb(c, k))
            return FL_TENSE_FUTURE;
    for (size_t k = u; k > c->sentence_begin && k + 12 > u;) {
        k--;
        if ((c->w[k].flags & FL_W_PUNCT) && strchr(",;:", c->text[c->w[k].start]))
            break;
        int t = tense_of_word(c, k);
        for (size_t q = 0; q < sizeof until_modals / sizeof until_modals[0]; q++)
            if (fl_tw_is(c, k, until_modals[q]))
                t = FL_TENSE_FUTURE;
        if (t == FL_TENSE_FUTURE)
            return t;
        if (past_verb(c, k))
            return FL_TENSE_PAST;
    }
    return FL_TENSE_FUTURE;
}

int fl_tense_around(const fl_tctx *c, size_t i, size_t j)
{
    if (looks_ahead_before(c, i)) {
        /* "until Thursday, they had not called him": a deadline already past */
        for (size_t k = j; k < c->n && k < j + FL_TENSE_REACH; k++)
            if (fl_tw_is(c, k, "had"))
                return FL_TENSE_PAST;
        return FL_TENSE_FUTURE;
    }
    size_t lead = c->sentence_begin + (fl_tw_is(c, c->sentence_begin, "on") ? 1 : 0);
    if (i == lead && j < c->n && (c->w[j].flags & FL_W_PUNCT) && c->text[c->w[j].start] == ',') {
        /* "On Tuesday, the league plans to hold ...": a fronted adverbial
         * takes the tense of the clause it opens, however long its subject */
        for (size_t k = j + 1; k < c->n && k <= j + FL_FRONTED_REACH && !opens_clause(c, j + 1); k++) {
            int t = tense_of_word(c, k);
            if (t != FL_TENSE_UNKNOWN)
                return t;
        }
    }
    size_t left = i, right = j, until = SIZE_MAX;
    int until_left = 0;
    for (size_t k = i; k > c->sentence_begin && k + FL_TENSE_REACH > i;)
        until_left |= fl_tw_is(c, --k, "until");
    for (int step = 0; step < FL_TENSE_REACH; step++) {
        int any = 0;
        int tl = FL_TENSE_UNKNOWN, tr = FL_TENSE_UNKNOWN;
        if (left > c->sentence_begin) {
            left--;
            any = 1;
            if (fl_tw_is(c, left, "until") && until == SIZE_MAX)
                until = left; /* weighed only if no verb decides */
            else
                tl = tense_of_word(c, left);
        }
        if (right < c->n && until_left && (c->w[right].flags & FL_W_PUNCT) &&
            strchr(",;:.", c->text[c->w[right].start]))
            right = c->n; /* after "until DATE", the next clause ("..., one trader said") is not its */
        if (right < c->n) {
            any = 1;
            if (fl_tw_is(c, right, "until") && until == SIZE_MAX)
                until = right; /* "from Monday until Friday" */
            else
                tr = tense_of_word(c, right);
            right++;
        }
        if (tl != FL_TENSE_UNKNOWN && until != SIZE_MAX && until < i)
            break; /* a cue beyond "until" is in the clause it ends: weighed there */
        if (tl == FL_TENSE_FUTURE || tr == FL_TENSE_FUTURE)
            return FL_TENSE_FUTURE; /* a tie at the same distance */
        if (tl != FL_TENSE_UNKNOWN)
            return tl;
        if (tr != FL_TENSE_UNKNOWN)
            return tr;
        if (!any)
            break;
    }
    return until != SIZE_MAX ? until_tense(c, until, i) : FL_TENSE_UNKNOWN;
}

/* ---- values ---------------------------------------------------------- */

int fl_val_day(char *v, fl_cal_date d)
{
    if (!fl_cal_valid(d.year, d.month, d.day))
        return 0;
    snprintf(v, FL_TIME_VALUE_MAX, "%04d-%02d-%02d", d.year, d.month, d.day);
    return 1;
}

int fl_val_month(char *v, int year, int month)
{
    if (year < 1 || year > 9999 || month < 1 || month > 12)
        return 0;
    snprintf(v, FL_TIME_VALUE_MAX, "%04d-%02d", year, month);
    return 1;
}

int fl_val_year(char *v, int year)
{
    if (year < 1 || year > 9999)
        return 0;
    snprintf(v, FL_TIME_VALUE_MAX, "%04d", year);
    return 1;
}

int fl_val_week(char *v, fl_cal_date d)
{
    int wy, wk;
    if (!fl_cal_valid(d.year, d.month, d.day))
        return 0;
    fl_cal_iso_week(d, &wy, &wk);
    if (wy < 1 || wy > 9999)
        return 0;
    snprintf(v, FL_TIME_VALUE_MAX, "%04d-W%02d", wy, wk);
    return 1;
}

int fl_val_quarter(char *v, int year, int quarter)
{
    if (year < 1 || year > 9999 || quarter < 1 || quarter > 4)
        return 0;
    snprintf(v, FL_TIME_VALUE_MAX, "%04d-Q%d", year, quarter);
    return 1;
}

/* Can a time expression start at word i? Cheap filter before the patterns. */
static int may_start(const fl_tctx *c, size_t i)
{
    const fl_tword *w = &c->w[i];
    if (w->flags & (FL_W_PUNCT | FL_W_OTHER))
        return 0;
    if (w->lex || w->num >= 0 || (c->text[w->start] >= '0' && c->text[w->start] <= '9'))
        return 1;
    return (w->flags & FL_W_CAP) || fl_tw_is(c, i, "the") || fl_tw_is(c, i, "at") || fl_tw_is(c, i, "up") ||
           fl_tw_is(c, i, "fewer") || fl_tw_is(c, i, "no") || fl_tw_is(c, i, "then") ||
           fl_tw_is(c, i, "these");
}

/* Words that every time expression contains (a month, a unit, a digit ...);
 * "the", "a" or "last" alone never make one, "the past" and "the latest
 * period" do. */
static int is_strong(const fl_tctx *c, size_t i)
{
    const fl_tword *w = &c->w[i];
    if (w->flags & (FL_W_PUNCT | FL_W_OTHER))
        return 0;
    if (c->text[w->start] >= '0' && c->text[w->start] <= '9')
        return 1;
    int half, n;
    if (!w->lex)
        return fl_tw_period_code(c, i, &half, &n); /* "Q3", "H1" */
    switch (w->lex->cls) {
    case FL_LX_MONTH: case FL_LX_WEEKDAY: case FL_LX_UNIT: case FL_LX_PART_OF_DAY: case FL_LX_SEASON:
    case FL_LX_DAY_WORD: case FL_LX_REF: case FL_LX_SET: case FL_LX_DECADE_WORD:
        return 1;
    case FL_LX_ANCHOR: /* "while" and "date" are common words: time words only in "a while", "a later date" */
        return !(w->lex->flags & FL_LXF_AFTER_A) ||
               (i > 0 && (fl_tw_is(c, i - 1, "a") || fl_tw_is(c, i - 1, "later") || fl_tw_is(c, i - 1, "future")));
    case FL_LX_NUMBER: /* "nineteen ninety-six"; "a" is not enough */
        return !(w->lex->flags & FL_LXF_ARTICLE) && w->lex->value >= 10;
    case FL_LX_SHIFT: /* "the past" */
        return w->lex->value < 0 && fl_tw_is(c, i, "past");
    default:
        return 0;
    }
}

static int digits_at(const char *v, size_t n)
{
    int x = 0;
    for (size_t k = 0; k < n; k++) {
        if (v[k] < '0' || v[k] > '9')
            return -1;
        x = x * 10 + (v[k] - '0');
    }
    return x;
}

/* A unit or part of day capitalized after another word ("This Week", "60
 * Minutes", "High Noon") is part of a title or a name, not a time. */
static int inside_title(const fl_tctx *c, size_t i, size_t next)
{
    for (size_t k = i; k < next; k++) {
        int cl = fl_tw_class(c, k);
        if ((cl == FL_LX_UNIT || cl == FL_LX_PART_OF_DAY) && (c->w[k].flags & FL_W_CAP) && k > c->sentence_begin &&
            !(c->w[k - 1].flags & (FL_W_PUNCT | FL_W_OTHER)))
            return 1;
    }
    return 0;
}

/* Remembers the last date mentioned (2023, 2023-10, 2023-10-07, with or
 * without a time): "that day", "the following year" refer to it. A week,
 * weekend, quarter or season ("2024-W24", "2024-SU") is none of these: it
 * leaves the last date, its sentence and its end alone, so a clock time
 * right after it cannot take an older day ("on Friday. ... next week at
 * 9 a.m."), and it clears the day a clock time may take. */
static void note_date(fl_tctx *c, const char *v, size_t end)
{
    size_t len = strlen(v);
    int y = len >= 4 ? digits_at(v, 4) : -1;
    if (y < 1 || (len > 4 && v[4] != '-'))
        return;
    int m = len >= 7 ? digits_at(v + 5, 2) : -1;
    int d = len >= 10 && m > 0 && (len == 10 || v[10] == 'T') ? digits_at(v + 8, 2) : -1;
    if (!(len == 4 || (m >= 1 && m <= 12 && len == 7) || (m >= 1 && d >= 1 && fl_cal_valid(y, m, d)))) {
        c->last_date_end = SIZE_MAX; /* nothing a clock time after it can take */
        return;
    }
    c->last_date_end = end;
    c->last_date_sentence = c->sentence;
    if (len == 4) {
        c->last_date = (fl_cal_date){y, 1, 1};
        c->last_grain = 1;
    } else if (m >= 1 && m <= 12 && len == 7) {
        c->last_date = (fl_cal_date){y, m, 1};
        c->last_grain = 2;
    } else if (m >= 1 && d >= 1 && fl_cal_valid(y, m, d)) {
        c->last_date = (fl_cal_date){y, m, d};
        c->last_grain = 3;
    }
}

/* Remembers the quarter a report is about ("2023-Q3"): "a year earlier" in
 * a quarterly report means the same quarter a year before. That is the
 * latest completed quarter named, so a quarter mentioned in passing ("after
 * a flat second quarter") or an outlook ("the fourth quarter will be weak")
 * does not displace it; before any completed one, the last one named. */
static void note_reference(fl_tctx *c, const char *v)
{
    if (strlen(v) == 7 && v[4] == '-' && v[5] == 'Q' && v[6] >= '1' && v[6] <= '4') {
        c->span_report = 0;
        int y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0'), q = v[6] - '0';
        long named = y * 4L + q, last = c->last_quarter_year * 4L + c->last_quarter;
        long now = c->dct.year * 4L + (c->dct.month - 1) / 3 + 1;
        if (!c->last_quarter || (named < now && (last >= now || named > last))) {
            c->last_quarter_year = y;
            c->last_quarter = q;
        }
    }
}

/* "the first nine months", "the nine months", "the latest six months": a
 * results report about several quarters of this year, so "a year earlier"
 * and "the year-earlier period" that follow are the year before, not one
 * quarter (TimeBank: "For the nine months, ... year-earlier net" 1988).
 * Naming a quarter ends it. */
static int reports_span(const fl_tctx *c, size_t i, const fl_tmatch *m)
{
    if (m->anchor)
        return 0;
    if (m->type != FL_TIME_DURATION || (strcmp(m->value, "P6M") != 0 && strcmp(m->value, "P9M") != 0))
        return 0;
    for (size_t k = i; k < i + m->len && k < c->n; k++)
        if (fl_tw_is(c, k, "the") || fl_tw_is(c, k, "first"))
            return 1;
    return i > 0 && (fl_tw_is(c, i - 1, "the") || fl_tw_is(c, i - 1, "first") || fl_tw_is(c, i - 1, "latest"));
}

static int push_time(fl_time_layer *L, uint32_t start, uint32_t end, const fl_tmatch *m)
{
    if (L->count == L->cap) {
        size_t cap = L->cap ? L->cap * 2 : 32;
        fl_time *nt = realloc(L->times, cap * sizeof *nt);
        if (!nt)
            return 0;
        L->times = nt;
        unsigned char *nm = realloc(L->mods, cap * sizeof *nm);
        if (!nm)
            return 0;
        L->mods = nm;
        L->cap = cap;
    }
    assert((unsigned)m->mod < FL_MOD_COUNT);
    L->mods[L->count] = (unsigned char)m->mod;
    fl_time *t = &L->times[L->count++];
    t->span.start = start;
    t->span.end = end;
    t->type = m->type;
    memcpy(t->value, m->value, sizeof t->value);
    t->value[FL_TIME_VALUE_MAX - 1] = 0;
    return 1;
}

/* TimeML's TIMEX3 expressions of the doc, resolved against year-month-day. */
static fl_status find_timex(fl_doc *doc, int year, int month, int day)
{
    fl_time_layer *L = &doc->times;
    L->count = 0;
    size_t n = 0;
    const fl_token *toks = doc->tokens.tokens;
    fl_tctx c;
    memset(&c, 0, sizeof c);
    c.text = doc->text;
    c.dct.year = year;
    c.dct.month = month;
    c.dct.day = day;
    /* All sentences' words at once: the event pass reads them again. */
    if (!fl_time_doc_words(doc))
        return FL_ERR_NOMEM;
    for (size_t s = 0; s < doc->sentences.count; s++) {
        c.w = fl_time_sentence_words_built(doc, s, &n);
        c.n = n;
        c.sentence_begin = 0;
        c.sentence = s;
        if (c.span_report > 0)
            c.span_report--;
        size_t strong = 0; /* the next strong word at or after i */
        for (size_t i = 0; i < n;) {
            if (strong < i)
                strong = i;
            while (strong < n && !is_strong(&c, strong))
                strong++;
            if (strong >= n)
                break;
            if (strong > i + 4) {
                i = strong - 4; /* no expression reaches a strong word 5 words away */
                continue;
            }
            if (!may_start(&c, i)) {
                i++;
                continue;
            }
            fl_tmatch m;
            fl_time_match_at(&c, i, &m);
            if (!m.len) {
                i++;
                continue;
            }
            /* Spans cover whole tokens: "mid-1990s", "post-1990". */
            size_t next = i + m.len;
            if (next < n && (c.w[next].flags & FL_W_JOINED)) {
                i++; /* ends inside a hyphenated word: "1990s-era" */
                continue;
            }
            if (!m.named && inside_title(&c, i, next)) {
                i = next;
                continue;
            }
            uint32_t start = toks[c.w[i].token].start;
            uint32_t end = toks[c.w[next - 1].token].end;
            if (!push_time(L, start, end, &m))
                return FL_ERR_NOMEM;
            if (m.anchor)
                note_reference(&c, m.value);
            if (reports_span(&c, i, &m))
                c.span_report = 2; /* this sentence and the next */
            if (m.type == FL_TIME_DATE || m.type == FL_TIME_TIME)
                note_date(&c, m.value, next);
            i = next;
        }
    }
    return FL_OK;
}

fl_status fl_time_layer_run(fl_doc *doc, int year, int month, int day)
{
    fl_status st = find_timex(doc, year, month, day);
    if (st == FL_OK)
        st = fl_time_events_run(doc, (fl_cal_date){year, month, day});
    doc->times.sentence_words_count = 0; /* the next analysis of the doc has other words */
    return st;
}

void fl_time_layer_free(fl_time_layer *L)
{
    free(L->times);
    free(L->mods);
    free(L->words);
    free(L->sentence_words);
    memset(L, 0, sizeof *L);
}

fl_status fl_doc_find_times(fl_doc *doc, const char *reference_date)
{
    int y, m, d;
    if (reference_date) {
        if (!fl_date_parse(reference_date, strlen(reference_date), &y, &m, &d))
            return FL_ERR_USAGE;
    } else if (doc->article) {
        y = doc->article->year;
        m = doc->article->month;
        d = doc->article->day;
    } else {
        return FL_ERR_USAGE;
    }
    /* TimeML's expressions only: `factline timeml` and `eval timex` read
     * them, and TimeML tags no event-anchored phrase ("since the war
     * began"); fl_extract adds those (fl_time_layer_run). */
    return find_timex(doc, y, m, d);
}

size_t fl_doc_time_count(const fl_doc *doc) { return doc->times.count; }
const fl_time *fl_doc_times(const fl_doc *doc) { return doc->times.times; }

static const char *const mod_names[FL_MOD_COUNT] = {
    [FL_MOD_BEFORE] = "BEFORE",          [FL_MOD_AFTER] = "AFTER",
    [FL_MOD_ON_OR_BEFORE] = "ON_OR_BEFORE", [FL_MOD_ON_OR_AFTER] = "ON_OR_AFTER",
    [FL_MOD_LESS_THAN] = "LESS_THAN",    [FL_MOD_MORE_THAN] = "MORE_THAN",
    [FL_MOD_EQUAL_OR_LESS] = "EQUAL_OR_LESS", [FL_MOD_EQUAL_OR_MORE] = "EQUAL_OR_MORE",
    [FL_MOD_START] = "START",            [FL_MOD_MID] = "MID",
    [FL_MOD_END] = "END",                [FL_MOD_APPROX] = "APPROX",
};

const char *fl_time_mod_name(fl_time_mod mod)
{
    return (unsigned)mod < FL_MOD_COUNT ? mod_names[mod] : NULL;
}

fl_time_mod fl_time_mod_from_name(const char *name)
{
    for (int k = 1; k < FL_MOD_COUNT; k++)
        if (!strcmp(name, mod_names[k]))
            return (fl_time_mod)k;
    return FL_MOD_NONE;
}

fl_time_mod fl_doc_time_mod(const fl_doc *doc, size_t i)
{
    return i < doc->times.count ? (fl_time_mod)doc->times.mods[i] : FL_MOD_NONE;
}

const char *fl_time_type_name(fl_time_type type)
{
    static const char *const names[FL_TIME_TYPE_COUNT] = {"DATE", "TIME", "DURATION", "SET"};
    return (unsigned)type < FL_TIME_TYPE_COUNT ? names[type] : "UNKNOWN";
}
