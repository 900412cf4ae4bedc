/*
 * words.h — the word lists of the figure layer, as data: number words,
 * category cue words, glue words, the contexts that make a number a date, a
 * time, money or an identifier, attribution verbs, and the qualifier phrases.
 *
 * One sorted lexicon maps a lower-cased word to a set of roles (FW_* flags),
 * the category it signals and a value (a number word's value, a month's
 * number): one binary search per token gives every role at once. Qualifier
 * phrases are a separate short list of token sequences. Not for: deciding
 * anything (figures.c) or parsing digits (number.c).
 */
#ifndef FL_FIGURE_WORDS_H
#define FL_FIGURE_WORDS_H

#include <stddef.h>
#include <stdint.h>

#include "factline.h"

enum {
    FW_UNIT = 1u << 0,       /* zero .. nineteen */
    FW_TENS = 1u << 1,       /* twenty .. ninety */
    FW_SCALE = 1u << 2,      /* hundred, thousand, million, billion */
    FW_DOZEN = 1u << 3,      /* dozen */
    FW_VAGUE = 1u << 4,      /* dozens, hundreds, thousands, millions, tens (of thousands) */
    FW_AFTER = 1u << 5,      /* cue after the counted noun: "... were killed", "... dead" */
    FW_AFTER_WEAK = 1u << 6, /* such a cue that yields to the subject's own category: "held" */
    FW_LEFT_VERB = 1u << 7,  /* active verb before the count: "killed at least 30" */
    FW_LEFT_NOUN = 1u << 8,  /* noun before the count: "the deaths of 1,400", "death toll ... to" */
    FW_SUBJECT = 1u << 9,    /* a counted noun that is its own category: "hostages", "trucks" */
    FW_AIDWORD = 1u << 10,   /* makes trucks aid trucks: aid, food, fuel */
    FW_GLUE_AFTER = 1u << 11,/* may stand between the noun and its cue: "have been", "believed to" */
    FW_GLUE_LEFT = 1u << 12, /* may stand between a cue and the count: "of", "has risen to" */
    FW_STOP = 1u << 13,      /* ends the counted noun phrase (function words) */
    FW_MONTH = 1u << 14,     /* value = month number (capitalised tokens only) */
    FW_WEEKDAY = 1u << 15,
    FW_TIME_UNIT = 1u << 16, /* "days", "years": a duration or age, not a count */
    FW_CLOCK = 1u << 17,     /* "am", "GMT": a time of day */
    FW_CURRENCY = 1u << 18,  /* "dollars", "shekels" */
    FW_MEASURE = 1u << 19,   /* "km", "tonnes" */
    FW_PERCENT = 1u << 20,   /* "%", "percent", "per" (cent) */
    FW_AGE = 1u << 21,       /* "aged": the next number is an age */
    FW_IDENT = 1u << 22,     /* "Resolution", "Channel", "No.": the next number is a name */
    FW_ATTRIB = 1u << 23,    /* attribution verbs: said, reported, told */
    FW_PLACE_PREP = 1u << 24,/* in, across, near */
    FW_DATE_BLOCK = 1u << 25,/* "since 7 October": the date is not the as-of date */
    FW_INHERIT = 1u << 26,   /* "including 3,700 children": the count shares the previous category */
    FW_DIRECTION = 1u << 27, /* "northern" (Gaza): part of a place name */
    FW_PERSON = 1u << 28     /* "a man of 20": the number after "of" is an age */
};

typedef struct fl_fig_word {
    const char *word;     /* lower case */
    uint32_t flags;       /* FW_* */
    fl_figure_category category; /* for cue words; FL_CATEGORY_OTHER otherwise */
    long value;           /* number words, months */
} fl_fig_word;

/* The entry for s[0..len) compared case-insensitively (ASCII), or NULL. */
const fl_fig_word *fl_fig_lookup(const char *s, size_t len);
/* The same for token j of doc, the answer kept per distinct word in the
 * NER word cache when NER has run on the doc (fl_ner_word_memo): the
 * figure layer asks it of nearly every token, several times. */
const fl_fig_word *fl_fig_lookup_token(const fl_doc *doc, size_t j);
/* Whether word token j of doc may start a numeral by its bytes alone: a
 * number word (FW_UNIT, TENS, SCALE, DOZEN, VAGUE), a hyphenated word
 * ("twenty-five"), or "a", "an", "half", "between", "several" (any case).
 * Kept with fl_fig_lookup_token's answer in the word's memo. */
int fl_fig_numeral_word(const fl_doc *doc, size_t j);

/* A qualifier phrase: lower-case words separated by single spaces. `after`
 * phrases follow the number ("200 or more"), the others precede it. */
typedef struct fl_fig_qualifier_phrase {
    const char *words;
    fl_figure_qualifier qualifier;
    int after;
} fl_fig_qualifier_phrase;

size_t fl_fig_qualifier_phrases(const fl_fig_qualifier_phrase **out);

/* The lexicon itself, for the test that checks its order. */
size_t fl_fig_lexicon(const fl_fig_word **out);

#endif
