/*
 * cues.h — the word lists of the quote and attribution layer: cue verbs and
 * the small closed classes the rules look at (auxiliaries, determiners,
 * pronouns, title words, kinds of source). Every list is data in cues.c,
 * sorted for binary search, compared case-insensitively (ASCII letters).
 * Not for: deciding anything; the rules are in quotes.c, speakers.c and
 * attrib.c.
 */
#ifndef FL_QUOTE_CUES_H
#define FL_QUOTE_CUES_H

#include <stddef.h>

/* Flags of a cue verb form. */
enum {
    CUE_SPEECH = 1,  /* says, states, adds: reported speech */
    CUE_QUOTE = 2,   /* may introduce or close a direct quote ("..., he said") */
    CUE_REPORT = 4,  /* reports, reveals, has learned, shows: sourcing */
    CUE_BELIEF = 8,  /* believes, wants, hopes: attributed thought or intention */
    CUE_OBJECT = 16, /* takes the hearer first: told reporters (that) ... */
    CUE_WRITE = 32,  /* wrote, tweeted, posted: written words */
    CUE_BASE = 64    /* the base form (say, post, report): also a noun after "a" */
};

/* The closed word lists. */
typedef enum fl_wordlist {
    WL_AUX,          /* has, have, had, is, was, will, would, ... */
    WL_ADVERB,       /* also, previously, reportedly, later: may sit between subject and cue */
    WL_BOUNDARY,     /* that, which, who, when, after, but, ...: a noun phrase never crosses them */
    WL_DETERMINER,   /* the, a, an, this, his, its, ...: a following cue form is a noun */
    WL_PRONOUN,      /* he, she, they, it, we, i */
    WL_REFLEXIVE,    /* himself, herself, themselves, itself */
    WL_TITLE,        /* President, Minister, Secretary, Mr, Dr, ...: not part of a person's name */
    WL_DEMONYM,      /* U.S., Israeli, British, ...: describe, do not name */
    WL_MEDIA,        /* Axios, BBC, Reuters, newspaper, ...: a media source */
    WL_GOVERNMENT,   /* ministry, government, White House, army, ...: a government body */
    WL_ORGANISATION, /* Hamas, UN, council, party, agency, ...: an organisation */
    WL_COUNTRY,      /* Israel, Iran, Egypt, ...: a state speaking through its government */
    WL_ANONYMOUS,    /* source, official, diplomat, people, ...: an unnamed source's head noun */
    WL_MESSAGE,      /* message, statement, post, caption, ...: words quoted without their speaker */
    WL_EVIDENCE,     /* poll, report, survey, data: a source "according to" may name without a speaker */
    WL_CONVEY,       /* quoting, citing, relaying: someone passes on another's words */
    WL_SPEECH_NOUN,  /* statement, interview, speech, briefing: "said in a statement" */
    WL_RIGHT_STOP,   /* on, in, at, during, yesterday: end a name that follows its cue */
    WL_HEARER,       /* reporters, journalists, lawmakers: the usual hearer of "told" */
    WL_PREPOSITION,  /* with, in, of, to: a source never starts with one */
    WL_NAMING,       /* called, dubbed, branded: "called him a “jerk”" quotes the caller */
    WL_CALENDAR,     /* Monday, January: capitalised, never a name */
    WL_NAME_PARTICLE,/* von, der, al, bin: lower-case words inside a name (Ursula von der Leyen) */
    WL_MALE,         /* Mr, Father, Sir, King, man, he: marks a man for "he" */
    WL_FEMALE,       /* Mrs, Ms, Miss, Queen, woman, she: marks a woman for "she" */
    WL_PERSON_NOUN,  /* friend, neighbour, relative, resident: an unnamed person "he" or "she" can mean */
    WL_COUNT
} fl_wordlist;

/* The CUE_* flags of a verb form s[0..len), or 0. */
int fl_cue_verb(const char *s, size_t len);

/* 1 if s[0..len) is in the list. */
int fl_word_in(fl_wordlist list, const char *s, size_t len);

/* cue_index.c: every list the word s[0..len) is in (bit l for list l) and,
 * in *cue_flags when not NULL, its CUE_* flags; one hash probe. The same
 * answers as fl_word_in and fl_cue_verb. */
#include <stdint.h>
uint32_t fl_word_lists(const char *s, size_t len, int *cue_flags);
/* FNV-1a of the ASCII-lower-cased bytes, never 0: the index's key, and the
 * word key of the learned cue detector (attrib_model.h). */
uint64_t fl_word_hash(const char *s, size_t len);

/* The lists themselves, for the test that checks their order. */
size_t fl_cue_table_dump(int which, const char ***words);
size_t fl_cue_form_count(void);
const char *fl_cue_form(size_t i); /* NULL past the end */

#endif
