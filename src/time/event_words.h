/*
 * event_words.h — the vocabulary of event-anchored time expressions (event
 * nouns and verbs, start and end words, relation words, the words allowed
 * between an event and its date) as data tables, and the word tests that
 * read them. Used by events.c; the tables live in event_words.c. Not for:
 * TIMEX3 words (lexicon.c).
 */
#ifndef FL_TIME_EVENT_WORDS_H
#define FL_TIME_EVENT_WORDS_H

#include <stddef.h>

#include "time/match.h"

/* Events that news anchors. Synonyms share a class: an article calls the
 * same war "the war", "the conflict" and "the fighting". */
typedef enum ev_class { EV_WAR, EV_ATTACK, EV_VOTE, EV_ELECTION, EV_TRUCE, EV_INVASION, EV_CLASS_COUNT } ev_class;

/* Which point of an event: its start (or the point itself) or its end. */
enum { PH_NONE = 0, PH_START, PH_END };

/* How a bare noun (no start or end word) reads: a point event is its date;
 * "since the war" and "before the war" mean its start but "after the war"
 * may be its end; "since the truce" may be its start or its end. */
enum { EV_POINT = 0, EV_ONGOING, EV_PHASED };
int fl_ev_kind(int cls);

/* Tables of one to three words with a value. */
typedef enum fl_ev_table {
    EVT_NOUNS,       /* war, attack, vote ...: value the class */
    EVT_VERBS,       /* attacked, invaded, voted: value the class */
    EVT_PHASE_VERBS, /* began, broke out, ended ...: value the phase */
    EVT_PHASE_NOUNS, /* start, outbreak, end ... (of): value the phase */
} fl_ev_table;

/* Matches the table at word i: returns the words used and sets *value. */
size_t fl_ev_table_at(const fl_tctx *c, size_t i, fl_ev_table table, int *value);

/* Word lists. */
typedef enum fl_ev_list {
    EVL_TRIGGER_VERBS,  /* "the war was triggered by" */
    EVL_SUBJECT_NOUNS,  /* "Hamas gunmen attacked" */
    EVL_LAUNCH_VERBS,   /* "Hamas launched its attack" */
    EVL_MODIFIERS,      /* "the deadly attack" */
    EVL_COMPOUND_HEADS, /* "the war cabinet" is no event */
    EVL_ANCHOR_LINKS,   /* between an event and "on DATE" */
    EVL_NOUN_LINKS,     /* "a pause in fighting": the noun is a complement */
    EVL_ANCHOR_PREPS,   /* "on DATE" */
    EVL_NOUN_PREPS,     /* "the war in Gaza began" */
    EVL_NOT_AGENTS,     /* capitalized openers that name nobody */
    EVL_COUNT
} fl_ev_list;

int fl_ev_in(const fl_tctx *c, size_t i, fl_ev_list list);

/* The relation words and the mod of a mention without an offset; `offset`
 * says whether "two days" may come before it. */
typedef struct fl_ev_relation {
    const char *words[2];
    fl_time_mod mod;
    int offset;
} fl_ev_relation;

/* The relation at word i (NULL if none); *len is its words. */
const fl_ev_relation *fl_ev_relation_at(const fl_tctx *c, size_t i, size_t *len);

/* Word tests. */
int fl_ev_is_cap(const fl_tctx *c, size_t i);
int fl_ev_is_comma(const fl_tctx *c, size_t i);
int fl_ev_in_compound(const fl_tctx *c, size_t i);   /* part of "cross-border" */
int fl_ev_is_modifier(const fl_tctx *c, size_t i);   /* may stand before an event noun */
int fl_ev_past_verb(const fl_tctx *c, size_t i);     /* lower case, in -ed */
/* An event noun at word i used as a head (not "the war cabinet", not a
 * name such as "Six-Day War"); returns its words and sets *cls. */
size_t fl_ev_noun_at(const fl_tctx *c, size_t i, int *cls);

/* "9/11" at word i (digits, a slash, digits, unspaced): 3 words, else 0. */
size_t fl_ev_numbered_name(const fl_tctx *c, size_t i);

enum { EV_NAME_MAX = 24 };
/* The agent named right before the event word at k ("Hamas's attack",
 * "the Hamas attacks", "Russia invaded", "the 9/11 attacks"), lower-cased
 * into out; "" if none. */
void fl_ev_agent_before(const fl_tctx *c, size_t k, char *out);
/* When out is still "", the agent in "by NAME" at word i ("a retaliatory
 * attack by Iran on Israel"). */
void fl_ev_agent_after(const fl_tctx *c, size_t i, char *out);

#endif
