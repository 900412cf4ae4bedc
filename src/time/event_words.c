/*
 * event_words.c — the vocabulary of event-anchored expressions as data
 * (event_words.h says what each table is for) and the word tests over it.
 * Adding a synonym ("the onslaught") is one line here. Not for: finding
 * anchors and mentions (events.c).
 */
#include "time/event_words.h"

#include <string.h>

/* ---- the tables (data) ------------------------------------------------ */

static const unsigned char class_kind[EV_CLASS_COUNT] = {
    [EV_WAR] = EV_ONGOING, [EV_ATTACK] = EV_POINT, [EV_VOTE] = EV_POINT,
    [EV_ELECTION] = EV_POINT, [EV_TRUCE] = EV_PHASED, [EV_INVASION] = EV_POINT,
};

int fl_ev_kind(int cls) { return cls >= 0 && cls < EV_CLASS_COUNT ? class_kind[cls] : EV_POINT; }

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
static const char *const launch_verbs[] = {"launched", "mounted", "carried", "began", "started", "staged", "unleashed"};

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

static const fl_ev_relation relations[] = {
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
    "claim", "claims", "allegation", "allegations", "report", "reports", "probe", "inquiry", "investigation",
    "anniversary", "suspect", "suspects", "plot", "warning", "warnings", "threat", "threats",
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

/* Capitalized words that are no agent of an event: sentence openers. */
static const char *const not_agents[] = {"the", "a", "an", "this", "since", "after", "before", "following", "on", "in", "its"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
    const ev_word *words;
    size_t count;
} tables[] = {
    [EVT_NOUNS] = {event_nouns, COUNT(event_nouns)},
    [EVT_VERBS] = {event_verbs, COUNT(event_verbs)},
    [EVT_PHASE_VERBS] = {phase_verbs, COUNT(phase_verbs)},
    [EVT_PHASE_NOUNS] = {phase_nouns, COUNT(phase_nouns)},
};

static const struct {
    const char *const *words;
    size_t count;
} lists[EVL_COUNT] = {
    [EVL_TRIGGER_VERBS] = {trigger_verbs, COUNT(trigger_verbs)},
    [EVL_SUBJECT_NOUNS] = {subject_nouns, COUNT(subject_nouns)},
    [EVL_LAUNCH_VERBS] = {launch_verbs, COUNT(launch_verbs)},
    [EVL_MODIFIERS] = {event_modifiers, COUNT(event_modifiers)},
    [EVL_COMPOUND_HEADS] = {compound_heads, COUNT(compound_heads)},
    [EVL_ANCHOR_LINKS] = {anchor_links, COUNT(anchor_links)},
    [EVL_NOUN_LINKS] = {noun_links, COUNT(noun_links)},
    [EVL_ANCHOR_PREPS] = {anchor_preps, COUNT(anchor_preps)},
    [EVL_NOUN_PREPS] = {noun_preps, COUNT(noun_preps)},
    [EVL_NOT_AGENTS] = {not_agents, COUNT(not_agents)},
};

int fl_ev_in(const fl_tctx *c, size_t i, fl_ev_list list)
{
    for (size_t k = 0; k < lists[list].count; k++)
        if (fl_tw_is(c, i, lists[list].words[k]))
            return 1;
    return 0;
}

size_t fl_ev_table_at(const fl_tctx *c, size_t i, fl_ev_table table, int *value)
{
    const ev_word *t = tables[table].words;
    for (size_t k = 0; k < tables[table].count; k++) {
        size_t len = 0;
        while (len < 3 && t[k].words[len] && fl_tw_is(c, i + len, t[k].words[len]))
            len++;
        if (len > 0 && (len == 3 || !t[k].words[len])) {
            *value = t[k].value;
            return len;
        }
    }
    return 0;
}

int fl_ev_is_cap(const fl_tctx *c, size_t i)
{
    return i < c->n && (c->w[i].flags & FL_W_CAP) && !(c->w[i].flags & (FL_W_PUNCT | FL_W_OTHER));
}

int fl_ev_is_comma(const fl_tctx *c, size_t i)
{
    return i < c->n && (c->w[i].flags & FL_W_PUNCT) && c->text[c->w[i].start] == ',';
}

/* A word of a hyphenated compound ("cross-border", "Hamas-led"). */
int fl_ev_in_compound(const fl_tctx *c, size_t i)
{
    return i < c->n && ((c->w[i].flags & FL_W_JOINED) || (i + 1 < c->n && (c->w[i + 1].flags & FL_W_JOINED)));
}

int fl_ev_is_modifier(const fl_tctx *c, size_t i)
{
    if (i >= c->n || (c->w[i].flags & (FL_W_PUNCT | FL_W_OTHER)))
        return 0;
    return fl_ev_is_cap(c, i) || fl_ev_in_compound(c, i) || fl_ev_in(c, i, EVL_MODIFIERS);
}

/* An event noun at word i used as a head (not "the war cabinet"). */
size_t fl_ev_noun_at(const fl_tctx *c, size_t i, int *cls)
{
    size_t len = fl_ev_table_at(c, i, EVT_NOUNS, cls);
    if (!len || ((c->w[i].flags & FL_W_CAP) && i > 0 && !(c->w[i - 1].flags & FL_W_PUNCT)))
        return 0; /* "Six-Day War", "Yom Kippur War" are names: their dates are history */
    if (i + len < c->n && (c->w[i + len].flags & FL_W_JOINED))
        return 0; /* "war-torn", "attack-helicopter" */
    if (fl_ev_in(c, i + len, EVL_COMPOUND_HEADS))
        return 0;
    return len;
}



/* The agent named right before the event word at k ("Hamas's attack",
 * "the Hamas attacks", "Russia invaded", "Hamas's 7 October attack"),
 * lower-cased into out; "" if none. It tells apart the attacks of one
 * article ("the 9/11 attacks in 2001" and "Hamas's attack"). */
void fl_ev_agent_before(const fl_tctx *c, size_t k, char *out)
{
    out[0] = 0;
    for (size_t steps = 0; k-- > 0 && steps < 5; steps++) {
        const fl_tword *w = &c->w[k];
        if (w->flags & (FL_W_PUNCT | FL_W_OTHER))
            return;
        /* a capitalized name, or a numbered one ("the 9/11 attacks") */
        size_t numbered = k >= 2 ? fl_ev_numbered_name(c, k - 2) : 0;
        if ((fl_ev_is_cap(c, k) && !w->lex) || numbered) {
            if (fl_ev_in(c, k, EVL_NOT_AGENTS))
                return;
            uint32_t from = numbered ? c->w[k - 2].start : w->start;
            size_t len = w->end - from, o = 0;
            for (size_t b = 0; b < len && o + 1 < EV_NAME_MAX; b++) {
                char ch = c->text[from + b];
                out[o++] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
            }
            out[o] = 0;
            return;
        }
        /* "Hamas launched its attack": the launcher; "their attacks":
         * someone the mention may not name */
        if (fl_tw_is(c, k, "its") || fl_tw_is(c, k, "their") || fl_tw_is(c, k, "his") || fl_tw_is(c, k, "her")) {
            size_t v = k >= 2 && fl_tw_is(c, k - 1, "out") && fl_tw_is(c, k - 2, "carried") ? k - 2 : k - 1;
            if (k >= 2 && fl_ev_in(c, v, EVL_LAUNCH_VERBS)) {
                if (v > 0 && fl_ev_in(c, v - 1, EVL_SUBJECT_NOUNS))
                    v--; /* "Hamas gunmen launched" */
                k = v;
                continue;
            }
            strcpy(out, "-");
            return;
        }
        /* skip "'s", "unprecedented", "7 October", "the" */
        if (!(w->lex || w->num >= 0 || fl_tw_is(c, k, "the") || fl_ev_is_modifier(c, k)))
            return;
    }
}

void fl_ev_agent_after(const fl_tctx *c, size_t i, char *out)
{
    if (out[0] || !fl_tw_is(c, i, "by") || !fl_ev_is_cap(c, i + 1) || c->w[i + 1].lex)
        return;
    const fl_tword *w = &c->w[i + 1];
    size_t len = w->end - w->start, o = 0;
    for (size_t b = 0; b < len && o + 1 < EV_NAME_MAX; b++) {
        char ch = c->text[w->start + b];
        out[o++] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
    }
    out[o] = 0;
}

size_t fl_ev_numbered_name(const fl_tctx *c, size_t i)
{
    return i + 2 < c->n && (c->w[i].flags & FL_W_DIGITS) && (c->w[i + 1].flags & FL_W_PUNCT) &&
                   c->text[c->w[i + 1].start] == '/' && c->w[i + 1].end == c->w[i + 2].start &&
                   c->w[i].end == c->w[i + 1].start && (c->w[i + 2].flags & FL_W_DIGITS)
               ? 3
               : 0;
}

/* A lower-case word in -ed after a noun: most often its verb. */
int fl_ev_past_verb(const fl_tctx *c, size_t i)
{
    if (i >= c->n || (c->w[i].flags & (FL_W_CAP | FL_W_PUNCT | FL_W_OTHER)))
        return 0;
    const fl_tword *w = &c->w[i];
    return w->end - w->start >= 4 && c->text[w->end - 2] == 'e' && c->text[w->end - 1] == 'd';
}

const fl_ev_relation *fl_ev_relation_at(const fl_tctx *c, size_t i, size_t *len)
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
