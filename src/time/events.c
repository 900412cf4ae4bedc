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
 * before the article date. The words are data tables below; docs/time.md
 * has the rules and their measured precision.
 *
 * TimeML tags none of this ("two days after the vote" is the duration "two
 * days" there), so only fl_extract runs this file; fl_doc_find_times, which
 * `factline timeml` and `eval timex` use, does not. Cost: two more walks
 * over the words of each sentence, table lookups only at relation words and
 * next to dates. Not for: expressions TimeML tags (patterns*.c).
 */
#include <stdlib.h>
#include <string.h>

#include "text/doc.h"
#include "time/match.h"
#include "time/pattern_words.h"

/* ---- the vocabulary (data) -------------------------------------------- */

/* Events that news anchors. Synonyms share a class: an article calls the
 * same war "the war", "the conflict" and "the fighting". */
typedef enum ev_class { EV_WAR, EV_ATTACK, EV_VOTE, EV_ELECTION, EV_TRUCE, EV_INVASION, EV_CLASS_COUNT } ev_class;

enum { PH_NONE = 0, PH_START, PH_END };

/* How a bare noun (no start or end word) reads: a point event is its date;
 * "since the war" and "before the war" mean its start but "after the war"
 * may be its end; "since the truce" may be its start or its end. */
enum { EV_POINT = 0, EV_ONGOING, EV_PHASED };
static const unsigned char class_kind[EV_CLASS_COUNT] = {
    [EV_WAR] = EV_ONGOING, [EV_ATTACK] = EV_POINT, [EV_VOTE] = EV_POINT,
    [EV_ELECTION] = EV_POINT, [EV_TRUCE] = EV_PHASED, [EV_INVASION] = EV_POINT,
};

typedef struct ev_word {
    const char *words[3]; /* one to three words, lower case */
    unsigned char value;  /* the class, phase or mod */
} ev_word;

static const ev_word event_nouns[] = {
    {{"war"}, EV_WAR},           {{"conflict"}, EV_WAR},     {{"fighting"}, EV_WAR},
    {{"hostilities"}, EV_WAR},   {{"attack"}, EV_ATTACK},    {{"attacks"}, EV_ATTACK},
    {{"assault"}, EV_ATTACK},    {{"massacre"}, EV_ATTACK},  {{"vote"}, EV_VOTE},
    {{"ballot"}, EV_VOTE},       {{"election"}, EV_ELECTION}, {{"elections"}, EV_ELECTION},
    {{"ceasefire"}, EV_TRUCE},   {{"cease", "fire"}, EV_TRUCE}, {{"truce"}, EV_TRUCE},
    {{"invasion"}, EV_INVASION}, {{"incursion"}, EV_INVASION}, {{"offensive"}, EV_INVASION},
};

/* A verb that names the event, after its subject ("Hamas attacked"). */
static const ev_word event_verbs[] = {
    {{"attacked"}, EV_ATTACK}, {{"invaded"}, EV_INVASION}, {{"voted"}, EV_VOTE},
};

/* "the war was triggered by Hamas's attack on 7 October" dates the war's
 * start as the attack's date: the article says the war began with it. */
static const char *const trigger_verbs[] = {"triggered", "sparked"};

/* A subject's head after its name ("Hamas gunmen attacked"), and verbs
 * that launch a point event ("Hamas launched its attack"). */
static const char *const subject_nouns[] = {"gunmen", "fighters", "militants"};
static const char *const launch_verbs[] = {"launched", "mounted", "carried"};

/* After the noun: "the war began", "the truce collapsed". */
static const ev_word phase_verbs[] = {
    {{"began"}, PH_START},        {{"begun"}, PH_START},          {{"started"}, PH_START},
    {{"broke", "out"}, PH_START}, {{"erupted"}, PH_START},        {{"took", "effect"}, PH_START},
    {{"came", "into", "effect"}, PH_START}, {{"came", "into", "force"}, PH_START},
    {{"ended"}, PH_END},          {{"collapsed"}, PH_END},        {{"expired"}, PH_END},
    {{"broke", "down"}, PH_END},
};

/* Before "of the war": "the start of", "the outbreak of". */
static const ev_word phase_nouns[] = {
    {{"start"}, PH_START}, {{"beginning"}, PH_START}, {{"outbreak"}, PH_START}, {{"onset"}, PH_START},
    {{"end"}, PH_END},     {{"collapse"}, PH_END},    {{"expiry"}, PH_END},
};

/* The relation words and the mod of a mention without an offset; `offset`
 * says whether "two days" may come before it ("two days since" is a
 * duration, "two days ahead of" rare). */
static const struct relation {
    const char *words[2];
    fl_time_mod mod;
    int offset;
} relations[] = {
    {{"since"}, FL_MOD_ON_OR_AFTER, 0}, {{"after"}, FL_MOD_AFTER, 1},  {{"following"}, FL_MOD_AFTER, 1},
    {{"before"}, FL_MOD_BEFORE, 1},     {{"prior", "to"}, FL_MOD_BEFORE, 1}, {{"ahead", "of"}, FL_MOD_BEFORE, 0},
};

/* Lower-case words an event noun may carry before it ("the deadly attack");
 * capitalized words ("the Hamas attack") and hyphenated compounds
 * ("cross-border") are accepted too. */
static const char *const event_modifiers[] = {
    "current", "latest", "ongoing", "deadly", "brutal", "bloody", "devastating", "unprecedented",
    "surprise", "terror", "terrorist", "military", "ground", "humanitarian", "temporary", "initial", "first",
    "'s", "'", "full", "scale",
};

/* A noun that makes the event word a modifier: "the war cabinet", "the
 * attack helicopters" are no events. */
static const char *const compound_heads[] = {
    "cabinet", "crime", "crimes", "criminal", "criminals", "zone", "zones", "effort", "efforts", "room", "rooms",
    "helicopter", "helicopters", "drone", "drones", "dog", "dogs", "plan", "plans", "council", "count", "tally",
    "result", "results", "footage", "survivor", "survivors", "victim", "victims", "site", "sites", "day",
};

/* Words that may stand between an event word and "on DATE" in an anchor
 * ("the attacks in southern Israel on 7 October", "the war, which began on
 * ..."); capitalized words and the modifiers above are accepted too. */
static const char *const anchor_links[] = {
    "the", "a", "on", "in", "against", "into", "across", "by", "from", "with", "inside", "of", "which", "that",
    "was", "were", "has", "had", "been", "launched", "carried", "out", "led", "took", "place", "happened",
    "occurred", "southern", "northern", "cross", "border", "its", "their", "gunmen", "fighters", "militants",
};

/* A preposition before an event noun that makes it another noun's
 * complement: "a pause in fighting began on 24 November" dates the pause. */
static const char *const noun_links[] = {"in", "to", "of", "for", "from"};

/* Prepositions that put a date on the event before them. */
static const char *const anchor_preps[] = {"on", "of", "in", "at"};

/* Prepositions that may follow an event noun before its phase verb ("the
 * war in Gaza began", "the war between Israel and Hamas broke out"). */
static const char *const noun_preps[] = {"in", "with", "between", "on", "against"};

/* ---- word tests ------------------------------------------------------- */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int is_any(const fl_tctx *c, size_t i, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (fl_tw_is(c, i, list[k]))
            return 1;
    return 0;
}

/* Matches one of `table` at word i; returns the words used and sets *value. */
static size_t table_at(const fl_tctx *c, size_t i, const ev_word *table, size_t n, int *value)
{
    for (size_t k = 0; k < n; k++) {
        size_t len = 0;
        while (len < 3 && table[k].words[len] && fl_tw_is(c, i + len, table[k].words[len]))
            len++;
        if (len > 0 && (len == 3 || !table[k].words[len])) {
            *value = table[k].value;
            return len;
        }
    }
    return 0;
}

static int is_cap(const fl_tctx *c, size_t i)
{
    return i < c->n && (c->w[i].flags & FL_W_CAP) && !(c->w[i].flags & (FL_W_PUNCT | FL_W_OTHER));
}

static int is_comma(const fl_tctx *c, size_t i)
{
    return i < c->n && (c->w[i].flags & FL_W_PUNCT) && c->text[c->w[i].start] == ',';
}

/* A word of a hyphenated compound ("cross-border", "Hamas-led"). */
static int in_compound(const fl_tctx *c, size_t i)
{
    return i < c->n && ((c->w[i].flags & FL_W_JOINED) || (i + 1 < c->n && (c->w[i + 1].flags & FL_W_JOINED)));
}

static int is_modifier(const fl_tctx *c, size_t i)
{
    if (i >= c->n || (c->w[i].flags & (FL_W_PUNCT | FL_W_OTHER)))
        return 0;
    return is_cap(c, i) || in_compound(c, i) || is_any(c, i, event_modifiers, COUNT(event_modifiers));
}

/* An event noun at word i used as a head (not "the war cabinet"). */
static size_t noun_at(const fl_tctx *c, size_t i, int *cls)
{
    size_t len = table_at(c, i, event_nouns, COUNT(event_nouns), cls);
    if (!len || ((c->w[i].flags & FL_W_CAP) && i > 0 && !(c->w[i - 1].flags & FL_W_PUNCT)))
        return 0; /* "Six-Day War", "Yom Kippur War" are names: their dates are history */
    if (i + len < c->n && (c->w[i + len].flags & FL_W_JOINED))
        return 0; /* "war-torn", "attack-helicopter" */
    if (is_any(c, i + len, compound_heads, COUNT(compound_heads)))
        return 0;
    return len;
}

/* Capitalized words that are no agent of an event: sentence openers. */
static const char *const not_agents[] = {"the", "a", "an", "this", "since", "after", "before", "following", "on", "in", "its"};

enum { EV_NAME_MAX = 24 };

/* The agent named right before the event word at k ("Hamas's attack",
 * "the Hamas attacks", "Russia invaded", "Hamas's 7 October attack"),
 * lower-cased into out; "" if none. It tells apart the attacks of one
 * article ("the 9/11 attacks in 2001" and "Hamas's attack"). */
static void agent_before(const fl_tctx *c, size_t k, char *out)
{
    out[0] = 0;
    for (size_t steps = 0; k-- > 0 && steps < 5; steps++) {
        const fl_tword *w = &c->w[k];
        if (w->flags & (FL_W_PUNCT | FL_W_OTHER))
            return;
        /* a capitalized name, or a numbered one ("the 9/11 attacks") */
        int numbered = c->text[w->start] >= '0' && c->text[w->start] <= '9' && w->num < 0;
        if ((is_cap(c, k) && !w->lex) || numbered) {
            if (is_any(c, k, not_agents, COUNT(not_agents)))
                return;
            size_t len = w->end - w->start, o = 0;
            for (size_t b = 0; b < len && o + 1 < EV_NAME_MAX; b++) {
                char ch = c->text[w->start + b];
                out[o++] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
            }
            out[o] = 0;
            return;
        }
        /* skip "'s", "unprecedented", "7 October", "the" */
        if (!(w->lex || w->num >= 0 || fl_tw_is(c, k, "the") || is_modifier(c, k)))
            return;
    }
}

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
    if (st->anchor_count == st->anchor_cap) {
        size_t cap = st->anchor_cap ? st->anchor_cap * 2 : 16;
        ev_anchor *a = realloc(st->anchors, cap * sizeof *a);
        if (!a)
            return 0;
        st->anchors = a;
        st->anchor_cap = cap;
    }
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
    while (mods < 3 && k < c->n && !table_at(c, k, event_nouns, COUNT(event_nouns), cls) && is_modifier(c, k)) {
        k++;
        mods++;
    }
    if (!noun_at(c, k, cls) || class_kind[*cls] != EV_POINT)
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
    if (!is_any(c, tb - 1, anchor_preps, COUNT(anchor_preps))) {
        int direct = 0;
        for (size_t back = 0; back < 3 && back < tb && !direct; back++)
            direct = table_at(c, tb - 1 - back, phase_verbs, COUNT(phase_verbs), &v) == back + 1;
        if (!direct)
            return 0;
        from = tb;
    }
    *phase = PH_NONE;
    for (size_t k = from, steps = 0; k-- > 0 && steps < 8; steps++) {
        if (*phase == PH_NONE) {
            for (size_t back = 0; back < 3 && back <= k; back++) {
                size_t len = table_at(c, k - back, phase_verbs, COUNT(phase_verbs), &v);
                if (len == back + 1) {
                    *phase = v;
                    k -= back;
                    break;
                }
            }
            if (*phase != PH_NONE)
                continue;
            if (table_at(c, k, event_verbs, COUNT(event_verbs), cls)) {
                *phase = PH_START;
                *at = k;
                return 1;
            }
        }
        if (noun_at(c, k, cls)) {
            /* the words before the noun: "the start of (the Gaza) war",
             * or a noun it complements: "a pause in fighting began" */
            size_t b = k;
            while (b > 0 && b + 4 > k && (fl_tw_is(c, b - 1, "the") || is_modifier(c, b - 1)))
                b--;
            int ph;
            if (b >= 2 && fl_tw_is(c, b - 1, "of") && table_at(c, b - 2, phase_nouns, COUNT(phase_nouns), &ph)) {
                if (*phase != PH_NONE && *phase != ph)
                    return 0;
                *phase = ph;
            } else if (b >= 1 && is_any(c, b - 1, noun_links, COUNT(noun_links))) {
                return 0;
            }
            if (*phase == PH_NONE) {
                if (class_kind[*cls] != EV_POINT)
                    return 0; /* "the war on Hamas in October" is no start */
                *phase = PH_START;
            }
            *at = k;
            return 1;
        }
        if (is_comma(c, k) && (fl_tw_is(c, k + 1, "which") || fl_tw_is(c, k + 1, "that")))
            continue;
        if (fl_tw_is(c, k, "and") && !(is_cap(c, k - 1) && is_cap(c, k + 1)))
            return 0; /* "the attack and the vote on Tuesday" */
        if (!is_modifier(c, k) && !is_any(c, k, anchor_links, COUNT(anchor_links)))
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
    while (b > 0 && b + 4 > k && (fl_tw_is(c, b - 1, "the") || fl_tw_is(c, b - 1, "its") || is_modifier(c, b - 1)))
        b--;
    if (b < 3)
        return 0;
    size_t v = b - 1; /* the verb ends before v */
    int phase = PH_NONE;
    if (fl_tw_is(c, v, "by") && is_any(c, v - 1, trigger_verbs, COUNT(trigger_verbs))) {
        v--; /* "the war (, which was) triggered by Hamas's attack on ..." */
        phase = PH_START;
    } else if (fl_tw_is(c, v, "when") || fl_tw_is(c, v, "with")) {
        for (size_t back = 1; back <= 3 && back <= v; back++) {
            size_t len = table_at(c, v - back, phase_verbs, COUNT(phase_verbs), &phase);
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
        if (noun_at(c, j, cls) && class_kind[*cls] == EV_ONGOING) {
            *at = j;
            return 1;
        }
        if (!is_cap(c, j) && !fl_tw_is(c, j, "and") && !fl_tw_is(c, j, "the") && !fl_tw_is(c, j, "was") &&
            !fl_tw_is(c, j, "which") && !is_comma(c, j) && !is_any(c, j, noun_preps, COUNT(noun_preps)))
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
            agent_before(c, at, name);
            if (!add_anchor(st, cls, phase, c->w[at].start, value, name))
                return 0;
            size_t war;
            if (class_kind[cls] == EV_POINT && started_by(c, at, &cls, &war)) {
                agent_before(c, war, name);
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
    size_t len = table_at(c, k, phase_verbs, COUNT(phase_verbs), phase);
    if (len) {
        *end = k + len;
        return 1;
    }
    if (!is_any(c, k, noun_preps, COUNT(noun_preps)))
        return 0;
    for (size_t j = k + 1; j < c->n && j <= k + 5; j++) {
        len = table_at(c, j, phase_verbs, COUNT(phase_verbs), phase);
        if (len) {
            *end = j + len;
            return 1;
        }
        if (!is_cap(c, j) && !fl_tw_is(c, j, "and") && !fl_tw_is(c, j, "the") && !in_compound(c, j))
            return 0;
    }
    return 0;
}

/* A lower-case word in -ed after a noun: most often its verb. */
static int past_verb(const fl_tctx *c, size_t i)
{
    if (i >= c->n || (c->w[i].flags & (FL_W_CAP | FL_W_PUNCT | FL_W_OTHER)))
        return 0;
    const fl_tword *w = &c->w[i];
    return w->end - w->start >= 4 && c->text[w->end - 2] == 'e' && c->text[w->end - 1] == 'd';
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
    if (fl_tw_is(c, k, "the") && table_at(c, k + 1, phase_nouns, COUNT(phase_nouns), &ph) && fl_tw_is(c, k + 2, "of")) {
        ev->phase = ph;
        k += 3;
    } else if (table_at(c, k, phase_nouns, COUNT(phase_nouns), &ph) && fl_tw_is(c, k + 1, "of")) {
        ev->phase = ph;
        k += 2;
    }
    size_t det = k;
    if (fl_tw_is(c, k, "the") || fl_tw_is(c, k, "this"))
        k++;
    for (size_t mods = 0; mods < 3 && k < c->n && !table_at(c, k, event_nouns, COUNT(event_nouns), &ev->cls) &&
                          is_modifier(c, k);
         mods++)
        k++;
    size_t len = noun_at(c, k, &ev->cls);
    if (len) {
        agent_before(c, k, ev->name);
        ev->end = k + len;
        size_t end;
        if (ev->phase == PH_NONE && phase_after_noun(c, ev->end, &ph, &end)) {
            ev->phase = ph;
            ev->end = end;
            ev->past = 1;
        } else if (ev->phase == PH_NONE && class_kind[ev->cls] != EV_POINT && past_verb(c, ev->end)) {
            return 0; /* "since the fighting resumed": a phase we have no anchor for */
        }
        return 1;
    }
    /* "since Hamas (gunmen) attacked", "since Hamas launched its attack": a
     * named subject and an event verb, or a launch verb and the noun */
    if (ev->phase != PH_NONE || det != j)
        return 0;
    size_t s = j;
    while (s < j + 3 && is_cap(c, s))
        s++;
    if (s > j && is_any(c, s, subject_nouns, COUNT(subject_nouns)))
        s++;
    if (s == j)
        return 0;
    agent_before(c, s, ev->name);
    ev->phase = PH_START;
    ev->past = 1;
    if (table_at(c, s, event_verbs, COUNT(event_verbs), &ev->cls)) {
        ev->end = s + 1;
        return 1;
    }
    if (!is_any(c, s, launch_verbs, COUNT(launch_verbs)))
        return 0;
    k = s + 1;
    if (fl_tw_is(c, s, "carried") && !fl_tw_is(c, k++, "out"))
        return 0;
    if (fl_tw_is(c, k, "its") || fl_tw_is(c, k, "their") || fl_tw_is(c, k, "the") || fl_tw_is(c, k, "an"))
        k++;
    for (size_t mods = 0; mods < 2 && k < c->n && !table_at(c, k, event_nouns, COUNT(event_nouns), &ev->cls) &&
                          is_modifier(c, k);
         mods++)
        k++;
    len = noun_at(c, k, &ev->cls);
    if (!len || class_kind[ev->cls] != EV_POINT)
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

static const struct relation *relation_at(const fl_tctx *c, size_t i, size_t *len)
{
    for (size_t r = 0; r < COUNT(relations); r++) {
        size_t k = 0;
        while (k < 2 && relations[r].words[k] && fl_tw_is(c, i + k, relations[r].words[k]))
            k++;
        if (k > 0 && (k == 2 || !relations[r].words[k])) {
            *len = k;
            return &relations[r];
        }
    }
    return NULL;
}

/* The anchor of an event for a mention ending at byte `pos`: the nearest
 * one before, else the first after when all later ones agree; an anchor
 * whose agent differs from the mention's is another event. */
static const ev_anchor *find_anchor(const ev_state *st, const ev_phrase *ev, int phase, uint32_t pos)
{
    const ev_anchor *before = NULL, *after = NULL;
    for (size_t k = 0; k < st->anchor_count; k++) {
        const ev_anchor *a = &st->anchors[k];
        if (a->cls != ev->cls || a->phase != phase)
            continue;
        if (a->name[0] && ev->name[0] && strcmp(a->name, ev->name) != 0)
            continue; /* "Hamas's attack" is not "the al-Qaeda attacks" */
        if (a->pos < pos)
            before = a;
        else if (!after)
            after = a;
        else if (strcmp(after->value, a->value) != 0)
            return before; /* later anchors disagree: only an earlier one counts */
    }
    return before ? before : after;
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
    if (st->added_count == st->added_cap) {
        size_t cap = st->added_cap ? st->added_cap * 2 : 8;
        ev_added *a = realloc(st->added, cap * sizeof *a);
        if (!a)
            return 0;
        st->added = a;
        st->added_cap = cap;
    }
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
    const struct relation *rel = relation_at(c, i + off, &rlen);
    if (!rel || (off && !rel->offset))
        return 0;
    if (i + off > 0 && fl_tw_is(c, i + off - 1, "the") && !off)
        return 0; /* "the following day" */
    ev_phrase ev;
    if (!read_event(c, i + off + rlen, &ev))
        return 0;
    int phase = ev.phase;
    if (phase == PH_NONE) {
        int kind = class_kind[ev.cls];
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
    for (int pass = 0; pass < 2; pass++) {
        size_t tcur = 0;
        for (size_t s = 0; s < doc->sentences.count; s++) {
            size_t n;
            if (!fl_time_sentence_words(doc, s, &n))
                goto done;
            c.w = doc->times.words;
            c.n = n;
            if (!n)
                continue;
            const fl_time *times = doc->times.times;
            if (pass == 0) {
                size_t t_end = tcur;
                while (tcur < doc->times.count && times[tcur].span.start < c.w[0].start)
                    tcur++;
                t_end = tcur;
                while (t_end < doc->times.count && times[t_end].span.start < c.w[n - 1].end)
                    t_end++;
                if (!find_anchors(&st, &c, times, tcur, t_end))
                    goto done;
                tcur = t_end;
                continue;
            }
            if (!st.anchor_count)
                break;
            for (size_t i = 0; i < n;) {
                size_t used = mention_at(&st, &c, doc, &tcur, i);
                if (st.oom)
                    goto done;
                i += used ? used : 1;
            }
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
