/*
 * events.c — event-anchored time expressions: "since the war began", "the
 * day after the attack", "two days after the vote", resolved to the date the
 * article itself gives the event, and left untagged when it gives none.
 *
 * Two passes over the sentences after the TIMEX3 pass (recognize.c):
 *   1. ANCHORS: an event word next to a resolved date in the same clause —
 *      "the war began on 7 October", "Hamas's 7 October attack", "the attack
 *      on Saturday", "since Hamas attacked Israel on 7 October", "the vote
 *      on Tuesday" — gives the event (its class and phase) that date.
 *   2. MENTIONS: a relation word (since, after, before ...), an optional
 *      offset before it ("the day", "two weeks") and an event phrase ("the
 *      war", "the start of the war", "the war in Gaza began", "Hamas
 *      attacked") become one DATE whose value is the anchor's date moved by
 *      the offset. Without an offset the mod says which side of the date is
 *      meant: since -> ON_OR_AFTER, after/following -> AFTER, before/prior
 *      to/ahead of -> BEFORE. With one, the value is the day (week, month,
 *      year) itself and there is no mod.
 * A mention takes the nearest anchor of its event before it, else the one
 * after it when all later anchors agree. "since X" needs an anchor on or
 * before the article date. The words are data tables in event_words.c;
 * docs/time.md has the rules and their measured precision.
 *
 * TimeML tags none of this ("two days after the vote" is the duration "two
 * days" there), so only fl_extract runs this file; fl_doc_find_times, which
 * `factline timeml` and `eval timex` use, does not. Cost: the words are
 * built again only for sentences with a time (anchors) or a relation word
 * (mentions); about a third of the TIMEX3 pass on BBC news (docs/time.md).
 * Not for: expressions TimeML tags (patterns*.c).
 */
#include <stdlib.h>
#include <string.h>

#include "text/doc.h"
#include "time/event_words.h"
#include "time/match.h"
#include "time/pattern_words.h"
#include "util/grow.h"

/* ---- anchors ----------------------------------------------------------- */

typedef struct ev_anchor {
    char name[EV_NAME_MAX];           /* its agent, "" if none */
    unsigned char cls, phase;
    uint32_t pos;                     /* byte where the event word is written */
    char value[FL_TIME_VALUE_MAX];    /* YYYY, YYYY-MM or YYYY-MM-DD */
} ev_anchor;

typedef struct ev_added {
    fl_time time;
    unsigned char mod;
    size_t replace_begin, replace_end; /* existing times it replaces: the offset "two days" */
} ev_added;

typedef struct ev_state {
    ev_anchor *anchors;
    size_t anchor_count, anchor_cap;
    ev_added *added;
    size_t added_count, added_cap;
    fl_cal_date dct;
    int oom; /* an allocation failed */
} ev_state;

/* The date part of a resolved value: "2023-10-07T06:30" -> "2023-10-07";
 * weeks, quarters, seasons and REF values are no anchors. Returns its
 * granularity (1 year, 2 month, 3 day) or 0. */
static int date_part(const char *value, char *out)
{
    size_t len = strlen(value), k = 0;
    while (k < len && ((value[k] >= '0' && value[k] <= '9') || (value[k] == '-' && (k == 4 || k == 7))))
        k++;
    if (k != 4 && k != 7 && k != 10)
        return 0;
    if (k < len && value[k] != 'T')
        return 0;
    if (k == 7 && len > k)
        return 0;
    memcpy(out, value, k);
    out[k] = 0;
    return k == 4 ? 1 : k == 7 ? 2 : 3;
}

static int add_anchor(ev_state *st, int cls, int phase, uint32_t pos, const char *value, const char *name)
{
    if (!fl_grow(&st->anchors, &st->anchor_cap, st->anchor_count + 1, sizeof *st->anchors, 16))
        return 0;
    ev_anchor *a = &st->anchors[st->anchor_count++];
    a->cls = (unsigned char)cls;
    a->phase = (unsigned char)phase;
    a->pos = pos;
    memcpy(a->value, value, sizeof a->value);
    memcpy(a->name, name, sizeof a->name);
    return 1;
}

/* The event after a date: "7 October attack", "Hamas's 7 October attack",
 * "Saturday's attack", "the October 7 Hamas attacks". Durative events are
 * skipped ("Friday's ceasefire" may be its start or a day of it). */
static int event_after_date(const fl_tctx *c, size_t te, int *cls, size_t *at)
{
    size_t k = te, mods = 0;
    while (mods < 3 && k < c->n && !fl_ev_table_at(c, k, EVT_NOUNS, cls) && fl_ev_is_modifier(c, k)) {
        k++;
        mods++;
    }
    if (!fl_ev_noun_at(c, k, cls) || fl_ev_kind(*cls) != EV_POINT)
        return 0;
    *at = k;
    return 1;
}

/* The event before "on DATE": walks left from the preposition over link
 * words to an event verb ("Hamas attacked Israel on"), a phase verb and its
 * noun ("the war began on", "the war, which began on") or a point event
 * noun ("the attack on"). */
static int event_before_date(const fl_tctx *c, size_t tb, int *cls, int *phase, size_t *at)
{
    if (tb < 2)
        return 0;
    /* "the war began on 7 October", or "the war began three weeks ago" */
    size_t from = tb - 1;
    int v;
    if (!fl_ev_in(c, tb - 1, EVL_ANCHOR_PREPS)) {
        int direct = 0;
        for (size_t back = 0; back < 3 && back < tb && !direct; back++)
            direct = fl_ev_table_at(c, tb - 1 - back, EVT_PHASE_VERBS, &v) == back + 1;
        if (!direct)
            return 0;
        from = tb;
    }
    *phase = PH_NONE;
    for (size_t k = from, steps = 0; k-- > 0 && steps < 8; steps++) {
        if (*phase == PH_NONE) {
            for (size_t back = 0; back < 3 && back <= k; back++) {
                size_t len = fl_ev_table_at(c, k - back, EVT_PHASE_VERBS, &v);
                if (len == back + 1) {
                    *phase = v;
                    k -= back;
                    break;
                }
            }
            if (*phase != PH_NONE)
                continue;
            if (fl_ev_table_at(c, k, EVT_VERBS, cls)) {
                *phase = PH_START;
                *at = k;
                return 1;
            }
        }
        if (fl_ev_noun_at(c, k, cls)) {
            /* the words before the noun: "the start of (the Gaza) war",
             * or a noun it complements: "a pause in fighting began" */
            size_t b = k;
            while (b > 0 && b + 4 > k && (fl_tw_is(c, b - 1, "the") || fl_ev_is_modifier(c, b - 1)))
                b--;
            int ph;
            if (b >= 2 && fl_tw_is(c, b - 1, "of") && fl_ev_table_at(c, b - 2, EVT_PHASE_NOUNS, &ph)) {
                if (*phase != PH_NONE && *phase != ph)
                    return 0;
                *phase = ph;
            } else if (b >= 1 && fl_ev_in(c, b - 1, EVL_NOUN_LINKS)) {
                return 0;
            }
            if (*phase == PH_NONE) {
                if (fl_ev_kind(*cls) != EV_POINT)
                    return 0; /* "the war on Hamas in October" is no start */
                *phase = PH_START;
            }
            *at = k;
            return 1;
        }
        if (fl_ev_is_comma(c, k) && (fl_tw_is(c, k + 1, "which") || fl_tw_is(c, k + 1, "that")))
            continue;
        if (fl_tw_is(c, k, "and") && !(fl_ev_is_cap(c, k - 1) && fl_ev_is_cap(c, k + 1)))
            return 0; /* "the attack and the vote on Tuesday" */
        if (!fl_ev_is_modifier(c, k) && !fl_ev_in(c, k, EVL_ANCHOR_LINKS))
            return 0;
    }
    return 0;
}

/* "the war began when Hamas attacked Israel on 7 October", "the war
 * started with Hamas's attack on ...": the article dates the war's start by
 * the point event at word k. Sets the war's class and word. */
static int started_by(const fl_tctx *c, size_t k, int *cls, size_t *at)
{
    size_t b = k;
    while (b > 0 && b + 4 > k && (fl_tw_is(c, b - 1, "the") || fl_tw_is(c, b - 1, "its") || fl_ev_is_modifier(c, b - 1)))
        b--;
    if (b < 3)
        return 0;
    size_t v = b - 1; /* the verb ends before v */
    int phase = PH_NONE;
    if (fl_tw_is(c, v, "by") && fl_ev_in(c, v - 1, EVL_TRIGGER_VERBS)) {
        v--; /* "the war (, which was) triggered by Hamas's attack on ..." */
        phase = PH_START;
    } else if (fl_tw_is(c, v, "when") || fl_tw_is(c, v, "with")) {
        for (size_t back = 1; back <= 3 && back <= v; back++) {
            size_t len = fl_ev_table_at(c, v - back, EVT_PHASE_VERBS, &phase);
            if (len == back) {
                v -= back;
                break;
            }
            phase = PH_NONE;
        }
    }
    if (phase != PH_START)
        return 0;
    /* the noun, directly or before a phrase of names: "the war in Gaza began" */
    for (size_t j = v, steps = 0; j-- > 0 && steps < 5; steps++) {
        if (fl_ev_noun_at(c, j, cls) && fl_ev_kind(*cls) == EV_ONGOING) {
            *at = j;
            return 1;
        }
        if (!fl_ev_is_cap(c, j) && !fl_tw_is(c, j, "and") && !fl_tw_is(c, j, "the") && !fl_tw_is(c, j, "was") &&
            !fl_tw_is(c, j, "which") && !fl_ev_is_comma(c, j) && !fl_ev_in(c, j, EVL_NOUN_PREPS))
            return 0;
    }
    return 0;
}

/* Finds the anchors of sentence words [0, c->n) against the times
 * [t_begin, t_end) of the doc that lie in it. */
static int find_anchors(ev_state *st, const fl_tctx *c, const fl_time *times, size_t t_begin, size_t t_end)
{
    size_t wi = 0;
    for (size_t t = t_begin; t < t_end; t++) {
        char value[FL_TIME_VALUE_MAX];
        if (times[t].type != FL_TIME_DATE && times[t].type != FL_TIME_TIME)
            continue;
        if (!date_part(times[t].value, value))
            continue;
        while (wi < c->n && c->w[wi].start < times[t].span.start)
            wi++;
        size_t tb = wi, te = wi;
        while (te < c->n && c->w[te].start < times[t].span.end)
            te++;
        int cls, phase = PH_START;
        size_t at;
        if (event_after_date(c, te, &cls, &at) || event_before_date(c, tb, &cls, &phase, &at)) {
            char name[EV_NAME_MAX];
            fl_ev_agent_before(c, at, name);
            int noun_cls;
            size_t noun_len = fl_ev_noun_at(c, at, &noun_cls);
            if (noun_len)
                fl_ev_agent_after(c, at + noun_len, name);
            if (!add_anchor(st, cls, phase, c->w[at].start, value, name))
                return 0;
            size_t war;
            if (fl_ev_kind(cls) == EV_POINT && started_by(c, at, &cls, &war)) {
                fl_ev_agent_before(c, war, name);
                if (!add_anchor(st, cls, PH_START, c->w[war].start, value, name))
                    return 0;
            }
        }
    }
    return 1;
}

/* ---- mentions ---------------------------------------------------------- */

typedef struct ev_phrase {
    char name[EV_NAME_MAX]; /* its agent: "Hamas" in "since Hamas's attack" */
    int cls, phase;
    int past;   /* written with a verb in the past ("began", "attacked"): happened by the article date */
    size_t end; /* word after the phrase */
} ev_phrase;

/* Phase verb after a noun at word k, directly or after a prepositional
 * phrase of names ("the war in Gaza began"); sets *end past it. */
static int phase_after_noun(const fl_tctx *c, size_t k, int *phase, size_t *end)
{
    size_t len = fl_ev_table_at(c, k, EVT_PHASE_VERBS, phase);
    if (len) {
        *end = k + len;
        return 1;
    }
    if (!fl_ev_in(c, k, EVL_NOUN_PREPS))
        return 0;
    for (size_t j = k + 1; j < c->n && j <= k + 5; j++) {
        len = fl_ev_table_at(c, j, EVT_PHASE_VERBS, phase);
        if (len) {
            *end = j + len;
            return 1;
        }
        if (!fl_ev_is_cap(c, j) && !fl_tw_is(c, j, "and") && !fl_tw_is(c, j, "the") && !fl_ev_in_compound(c, j))
            return 0;
    }
    return 0;
}

/* An event phrase at word j: "the war", "the start of the war", "the war
 * in Gaza began", "war broke out", "Hamas attacked". */
static int read_event(const fl_tctx *c, size_t j, ev_phrase *ev)
{
    size_t k = j;
    ev->phase = PH_NONE;
    ev->past = 0;
    ev->name[0] = 0;
    int ph;
    if (fl_tw_is(c, k, "the") && fl_ev_table_at(c, k + 1, EVT_PHASE_NOUNS, &ph) && fl_tw_is(c, k + 2, "of")) {
        ev->phase = ph;
        k += 3;
    } else if (fl_ev_table_at(c, k, EVT_PHASE_NOUNS, &ph) && fl_tw_is(c, k + 1, "of")) {
        ev->phase = ph;
        k += 2;
    }
    size_t det = k;
    if (fl_tw_is(c, k, "the") || fl_tw_is(c, k, "this"))
        k++;
    k += fl_ev_numbered_name(c, k); /* "the 9/11 attacks" */
    for (size_t mods = 0; mods < 3 && k < c->n && !fl_ev_table_at(c, k, EVT_NOUNS, &ev->cls) &&
                          fl_ev_is_modifier(c, k);
         mods++)
        k++;
    size_t len = fl_ev_noun_at(c, k, &ev->cls);
    if (len) {
        fl_ev_agent_before(c, k, ev->name);
        fl_ev_agent_after(c, k + len, ev->name);
        ev->end = k + len;
        size_t end;
        if (ev->phase == PH_NONE && phase_after_noun(c, ev->end, &ph, &end)) {
            ev->phase = ph;
            ev->end = end;
            ev->past = 1;
        } else if (ev->phase == PH_NONE && fl_ev_kind(ev->cls) != EV_POINT && fl_ev_past_verb(c, ev->end)) {
            return 0; /* "since the fighting resumed": a phase we have no anchor for */
        }
        const fl_tword *head = &c->w[ev->end - 1];
        if (ev->phase == PH_NONE && k == det && k == j && c->text[head->end - 1] == 's')
            return 0; /* "after attacks by rebels": a bare plural is no one event */
        return 1;
    }
    /* "since Hamas (gunmen) attacked", "since Hamas launched its attack": a
     * named subject and an event verb, or a launch verb and the noun */
    if (ev->phase != PH_NONE || det != j)
        return 0;
    size_t s = j;
    while (s < j + 3 && fl_ev_is_cap(c, s))
        s++;
    if (s > j && fl_ev_in(c, s, EVL_SUBJECT_NOUNS))
        s++;
    if (s == j)
        return 0;
    fl_ev_agent_before(c, s, ev->name);
    ev->phase = PH_START;
    ev->past = 1;
    if (fl_ev_table_at(c, s, EVT_VERBS, &ev->cls)) {
        ev->end = s + 1;
        return 1;
    }
    if (!fl_ev_in(c, s, EVL_LAUNCH_VERBS))
        return 0;
    k = s + 1;
    if (fl_tw_is(c, s, "carried") && !fl_tw_is(c, k++, "out"))
        return 0;
    if (fl_tw_is(c, k, "its") || fl_tw_is(c, k, "their") || fl_tw_is(c, k, "the") || fl_tw_is(c, k, "an"))
        k++;
    for (size_t mods = 0; mods < 2 && k < c->n && !fl_ev_table_at(c, k, EVT_NOUNS, &ev->cls) &&
                          fl_ev_is_modifier(c, k);
         mods++)
        k++;
    len = fl_ev_noun_at(c, k, &ev->cls);
    if (!len || fl_ev_kind(ev->cls) != EV_POINT)
        return 0;
    ev->end = k + len;
    return 1;
}

/* An offset before a relation word: "the day", "a week", "two days", "six
 * months". Returns the words used; *unit and *n say how far. */
static size_t read_offset(const fl_tctx *c, size_t i, int *unit, long *n)
{
    size_t k;
    if (fl_tw_is(c, i, "the")) {
        *n = 1;
        k = 1;
    } else {
        k = fl_time_count(c, i, n);
        if (!k || *n <= 0 || *n > 1000)
            return 0;
    }
    *unit = fl_tw_class(c, i + k) == FL_LX_UNIT ? fl_tw_value(c, i + k) : FL_U_NONE;
    if (*unit != FL_U_DAY && *unit != FL_U_WEEK && *unit != FL_U_MONTH && *unit != FL_U_YEAR)
        return 0;
    if (fl_tw_is(c, i, "the") && (fl_tw_lexflags(c, i + 1) & FL_LXF_PLURAL))
        return 0; /* "the days after the attack" is no one day */
    return k + 1;
}


/* The anchor of an event for a mention ending at byte `pos`: the nearest
 * one before, else the first after when all later ones agree. A named
 * mention ("since Hamas's attack") takes an anchor with the same agent if
 * the article has one, else an unnamed one ("the attack on 7 October"); an
 * anchor with another agent is another event, and a numbered name ("the
 * 9/11 attacks") is a date of its own that takes only its own anchor. */
static const ev_anchor *find_anchor(const ev_state *st, const ev_phrase *ev, int phase, uint32_t pos)
{
    int numbered = ev->name[0] >= '0' && ev->name[0] <= '9';
    for (int same_name = ev->name[0] != 0; same_name >= (numbered ? 1 : 0); same_name--) {
        const ev_anchor *before = NULL, *after = NULL;
        int agree = 1;
        for (size_t k = 0; k < st->anchor_count; k++) {
            const ev_anchor *a = &st->anchors[k];
            if (a->cls != ev->cls || a->phase != phase)
                continue;
            if (same_name ? strcmp(a->name, ev->name) != 0 : (a->name[0] && ev->name[0]))
                continue;
            if (a->pos < pos)
                before = a;
            else if (!after)
                after = a;
            else if (strcmp(after->value, a->value) != 0)
                agree = 0; /* later anchors disagree: only an earlier one counts */
        }
        if (before || (after && agree))
            return before ? before : after;
    }
    return NULL;
}

/* The anchor's date moved by n units (n may be 0 or negative) at the
 * unit's granularity. Returns 0 when the anchor is too coarse. */
static int offset_value(char *v, const char *anchor, int unit, long n)
{
    int grain = date_part(anchor, v);
    if (!grain || n == 0)
        return grain != 0;
    fl_cal_date d = {atoi(anchor), grain >= 2 ? atoi(anchor + 5) : 1, grain >= 3 ? atoi(anchor + 8) : 1};
    switch (unit) {
    case FL_U_DAY:
        return grain == 3 && fl_val_day(v, fl_cal_add_days(d, n));
    case FL_U_WEEK:
        return grain == 3 && fl_val_week(v, fl_cal_add_days(d, 7 * n));
    case FL_U_MONTH:
        if (grain < 2)
            return 0;
        d = fl_cal_add_months(d, n);
        return fl_val_month(v, d.year, d.month);
    case FL_U_YEAR:
        return fl_val_year(v, d.year + (int)n);
    default:
        return 0;
    }
}

static int add_mention(ev_state *st, const fl_time *t, fl_time_mod mod, size_t rb, size_t re)
{
    if (!fl_grow(&st->added, &st->added_cap, st->added_count + 1, sizeof *st->added, 8))
        return 0;
    ev_added *a = &st->added[st->added_count++];
    a->time = *t;
    a->mod = (unsigned char)mod;
    a->replace_begin = rb;
    a->replace_end = re;
    return 1;
}

/* Tries a mention at word i; returns the words used (0 if none). */
static size_t mention_at(ev_state *st, const fl_tctx *c, const fl_doc *doc, size_t *tcur, size_t i)
{
    int unit = FL_U_NONE;
    long n = 0;
    size_t off = read_offset(c, i, &unit, &n), rlen;
    const fl_ev_relation *rel = fl_ev_relation_at(c, i + off, &rlen);
    if (!rel || (off && !rel->offset))
        return 0;
    if (i + off > 0 && fl_tw_is(c, i + off - 1, "the") && !off)
        return 0; /* "the following day" */
    ev_phrase ev;
    if (!read_event(c, i + off + rlen, &ev))
        return 0;
    int phase = ev.phase;
    if (phase == PH_NONE) {
        int kind = fl_ev_kind(ev.cls);
        if (kind == EV_POINT)
            phase = PH_START;
        else if (!off && (rel->mod == FL_MOD_BEFORE || (kind == EV_ONGOING && rel->mod == FL_MOD_ON_OR_AFTER)))
            phase = PH_START;
        else
            return 0; /* "after the war", "since the truce": its end, or not known */
    }
    uint32_t start = c->w[i].start, rel_start = c->w[i + off].start, end = c->w[ev.end - 1].end;
    const ev_anchor *a = find_anchor(st, &ev, phase, end);
    if (!a)
        return 0;
    char dct[FL_TIME_VALUE_MAX];
    fl_val_day(dct, st->dct);
    if ((rel->mod == FL_MOD_ON_OR_AFTER || ev.past) && strncmp(a->value, dct, strlen(a->value)) > 0)
        return 0; /* "since" an event, or "the war began", that the article dates after itself */
    fl_time t;
    memset(&t, 0, sizeof t);
    long sign = rel->mod == FL_MOD_BEFORE ? -1 : 1;
    if (!offset_value(t.value, a->value, unit, sign * n))
        return 0;
    /* Spans are whole tokens; times overlapping the offset are replaced,
     * any other overlap (a date inside the phrase) means no mention. */
    const fl_token *toks = doc->tokens.tokens;
    t.span.start = toks[c->w[i].token].start;
    t.span.end = toks[c->w[ev.end - 1].token].end;
    t.type = FL_TIME_DATE;
    const fl_time *times = doc->times.times;
    while (*tcur < doc->times.count && times[*tcur].span.end <= start)
        (*tcur)++;
    size_t rb = *tcur, re = *tcur;
    for (size_t k = *tcur; k < doc->times.count && times[k].span.start < end; k++) {
        if (times[k].span.start >= start && times[k].span.end <= rel_start && off)
            re = k + 1;
        else
            return 0;
    }
    if (!add_mention(st, &t, off ? FL_MOD_NONE : rel->mod, rb, re)) {
        st->oom = 1;
        return 0;
    }
    return ev.end - i;
}

/* ---- driver ------------------------------------------------------------ */

/* Merges the mentions into the doc's times in text order, dropping the
 * times they replace. */
static int merge(fl_time_layer *L, const ev_state *st)
{
    size_t cap = L->count + st->added_count;
    fl_time *times = malloc(cap * sizeof *times);
    unsigned char *mods = malloc(cap);
    if (!times || !mods) {
        free(times);
        free(mods);
        return 0;
    }
    size_t n = 0, k = 0;
    for (size_t a = 0; a <= st->added_count; a++) {
        size_t upto = a < st->added_count ? st->added[a].replace_begin : L->count;
        for (; k < upto; k++) {
            times[n] = L->times[k];
            mods[n++] = L->mods[k];
        }
        if (a == st->added_count)
            break;
        times[n] = st->added[a].time;
        mods[n++] = st->added[a].mod;
        k = st->added[a].replace_end;
    }
    free(L->times);
    free(L->mods);
    L->times = times;
    L->mods = mods;
    L->count = n;
    L->cap = cap;
    return 1;
}

/* The byte range of sentence s. */
static void sentence_bytes(const fl_doc *doc, size_t s, uint32_t *from, uint32_t *to)
{
    const fl_sentence *sent = &doc->sentences.sentences[s];
    *from = sent->token_begin < sent->token_end ? doc->tokens.tokens[sent->token_begin].start : 0;
    *to = sent->token_begin < sent->token_end ? doc->tokens.tokens[sent->token_end - 1].end : 0;
}

/* Sentence s has a word that begins a relation (since, after ...): only
 * then are its words built for mentions. Compares token bytes, which is far
 * cheaper than building the words. */
static int has_relation_word(const fl_doc *doc, size_t s)
{
    static const char *const first[] = {"since", "after", "following", "before", "prior", "ahead"};
    const fl_sentence *sent = &doc->sentences.sentences[s];
    for (uint32_t t = sent->token_begin; t < sent->token_end; t++) {
        const fl_token *tok = &doc->tokens.tokens[t];
        size_t len = tok->end - tok->start;
        if (tok->kind != FL_TOKEN_WORD || len < 5 || len > 9)
            continue;
        for (size_t k = 0; k < sizeof first / sizeof first[0]; k++) {
            if (strlen(first[k]) != len)
                continue;
            size_t b = 0;
            while (b < len && (doc->text[tok->start + b] | 0x20) == first[k][b])
                b++;
            if (b == len)
                return 1;
        }
    }
    return 0;
}

/* The words of sentence s: those the TIMEX3 pass built when it has (it
 * builds every sentence's), else built now; NULL on out-of-memory. */
static const fl_tword *words_of(fl_doc *doc, size_t s, size_t *n)
{
    const fl_tword *w = fl_time_sentence_words_built(doc, s, n);
    if (w)
        return w;
    return fl_time_sentence_words(doc, s, n) ? doc->times.words : NULL;
}

fl_status fl_time_events_run(fl_doc *doc, fl_cal_date dct)
{
    ev_state st;
    memset(&st, 0, sizeof st);
    st.dct = dct;
    fl_status status = FL_ERR_NOMEM;
    fl_tctx c;
    memset(&c, 0, sizeof c);
    c.text = doc->text;
    c.dct = dct;
    /* pass 0: anchors, in sentences that hold a time */
    const fl_time *times = doc->times.times;
    size_t tcur = 0;
    for (size_t s = 0; s < doc->sentences.count && tcur < doc->times.count; s++) {
        uint32_t from, to;
        sentence_bytes(doc, s, &from, &to);
        while (tcur < doc->times.count && times[tcur].span.start < from)
            tcur++;
        size_t t_end = tcur;
        while (t_end < doc->times.count && times[t_end].span.start < to)
            t_end++;
        if (t_end == tcur)
            continue;
        size_t n;
        if (!(c.w = words_of(doc, s, &n)))
            goto done;
        c.n = n;
        if (!find_anchors(&st, &c, times, tcur, t_end))
            goto done;
        tcur = t_end;
    }
    /* pass 1: mentions, in sentences with a relation word */
    tcur = 0;
    for (size_t s = 0; s < doc->sentences.count && st.anchor_count; s++) {
        if (!has_relation_word(doc, s))
            continue;
        size_t n;
        if (!(c.w = words_of(doc, s, &n)))
            goto done;
        c.n = n;
        for (size_t i = 0; i < n;) {
            size_t used = mention_at(&st, &c, doc, &tcur, i);
            if (st.oom)
                goto done;
            i += used ? used : 1;
        }
    }
    status = FL_OK;
    if (st.added_count && !merge(&doc->times, &st))
        status = FL_ERR_NOMEM;
done:
    free(st.anchors);
    free(st.added);
    return status;
}
