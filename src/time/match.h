/*
 * match.h — internal interface between the time recogniser's driver
 * (recognize.c: word stream, tense, output) and its patterns (patterns*.c).
 *
 * The driver turns tokens into WORDS: hyphenated words are split into their
 * parts ("third-quarter" -> third, quarter; "20-year" -> 20, year) so the
 * patterns see one vocabulary item per word, and each word carries its
 * lexicon entry and numeric reading. A pattern looks at words from index i
 * and, if it matches, says how many words it used, the TIMEX3 type and the
 * value. The driver keeps the longest match at each position and widens the
 * span to whole tokens. Not for: TimeML files (timeml.c) or scoring
 * (timex_eval.c).
 */
#ifndef FL_TIME_MATCH_H
#define FL_TIME_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "factline.h"
#include "time/calendar.h"
#include "time/lexicon.h"
#include "time/times.h"

/* Word flags. */
#define FL_W_CAP      0x01u /* first letter upper case */
#define FL_W_JOINED   0x02u /* joined to the previous word by a hyphen */
#define FL_W_PERIOD   0x04u /* written with a final period (Nov.) */
#define FL_W_DIGITS   0x08u /* all digits: num holds the value */
#define FL_W_DECADE   0x10u /* digits + "s": 1990s (num 1990) */
#define FL_W_ORD      0x20u /* digits + st/nd/rd/th: 7th (num 7) */
#define FL_W_PUNCT    0x40u /* a punctuation, quote or dash token */
#define FL_W_OTHER    0x80u /* URL, e-mail, handle, symbol: never part of a time */

typedef struct fl_tword {
    uint32_t start, end;         /* bytes in the text */
    uint32_t token;              /* index of the token it comes from */
    const fl_lex_entry *lex;     /* NULL if not a time word */
    int32_t num;                 /* numeric value for DIGITS, DECADE, ORD; else -1 */
    uint8_t ndigits;             /* digits in the number */
    uint8_t flags;               /* FL_W_* */
    uint8_t first;               /* first byte, ASCII lower-cased; 0 for an empty word */
} fl_tword;

enum { FL_TENSE_UNKNOWN = 0, FL_TENSE_PAST = -1, FL_TENSE_FUTURE = 1 };

typedef struct fl_tmatch {
    size_t len;             /* words used; 0 = no match */
    fl_time_type type;
    char value[FL_TIME_VALUE_MAX];
    int anchor;             /* names a quarter explicitly: later "a year earlier" refers to it */
    fl_time_mod mod;        /* TIMEX3 mod: "early" START, "about" APPROX ... */
    int named;              /* a named day ("New Year's Day"): capitals are its own */
} fl_tmatch;

typedef struct fl_tctx {
    const char *text;
    const fl_tword *w;
    size_t n;                 /* words in the current sentence window end (exclusive) */
    size_t sentence_begin;    /* first word of the current sentence */
    fl_cal_date dct;          /* the reference date */
    int last_quarter_year, last_quarter; /* the quarter reported: the latest completed one
                                          * named, else the last named; 0 if none */
    int span_report;          /* sentences left in which the report is about a span of quarters
                               * ("the first nine months"): a year earlier is then a year */
    fl_cal_date last_date;    /* the last date mentioned, for "that day", "the following year" */
    int last_grain;           /* its granularity: 0 none, 1 year, 2 month, 3 day */
    size_t sentence;          /* index of the current sentence */
    size_t last_date_sentence;/* the sentence that mentioned last_date */
    size_t last_date_end;     /* the word after it, in that sentence: "on Friday at 7 p.m." */
    int after_edge;           /* matching after "the end of", "early": "the year" is the DCT's */
} fl_tctx;

/* Word helpers (recognize.c). */
/* Word i spells `lower` (any case). The patterns ask this millions of
 * times an article set with literal words, nearly always of a word that
 * starts with another letter: the first byte is compared here, inline, and
 * only a word with the same first byte is compared in full. */
int fl_tw_is_full(const fl_tctx *c, size_t i, const char *lower);
static inline int fl_tw_is(const fl_tctx *c, size_t i, const char *lower)
{
    return i < c->n && c->w[i].first == (unsigned char)lower[0] && fl_tw_is_full(c, i, lower);
}
int fl_tw_class(const fl_tctx *c, size_t i);                  /* lexicon class or FL_LX_NONE */
int fl_tw_value(const fl_tctx *c, size_t i);                  /* lexicon value */
unsigned fl_tw_lexflags(const fl_tctx *c, size_t i);
/* Word i is a quarter or half written as a code: "Q3" (*half 0, *n 3) or
 * "H1" (*half 1, *n 1), upper case, alone. Used to tell the scanner it is a
 * time word and by the pattern that reads it (patterns_dates.c). */
static inline int fl_tw_period_code(const fl_tctx *c, size_t i, int *half, int *n)
{
    if (i >= c->n || c->w[i].end - c->w[i].start != 2)
        return 0;
    const char *t = c->text + c->w[i].start;
    if ((t[0] == 'Q' && t[1] >= '1' && t[1] <= '4') || (t[0] == 'H' && (t[1] == '1' || t[1] == '2'))) {
        *half = t[0] == 'H';
        *n = t[1] - '0';
        return 1;
    }
    return 0;
}

/* Tense of the clause around words [i, j): nearest cue word in the sentence. */
int fl_tense_around(const fl_tctx *c, size_t i, size_t j);

/* Value formatting; each returns 0 (and writes nothing useful) if the year
 * is out of 1..9999. */
int fl_val_day(char *v, fl_cal_date d);
int fl_val_month(char *v, int year, int month);
int fl_val_year(char *v, int year);
int fl_val_week(char *v, fl_cal_date d);
int fl_val_quarter(char *v, int year, int quarter);

/* Tries every pattern at word i (patterns.c); fills the longest match. */
void fl_time_match_at(fl_tctx *c, size_t i, fl_tmatch *best);

/* Builds the words of sentence s in doc->times.words (words.c); *n is
 * their count. Returns 0 on out-of-memory. */
int fl_time_sentence_words(fl_doc *doc, size_t s, size_t *n);

/* Builds the words of every sentence of the doc in doc->times.words (see
 * fl_time_layer.sentence_words). Returns 0 on out-of-memory. */
int fl_time_doc_words(fl_doc *doc);

/* The words of sentence s as the last fl_time_doc_words built them (*n
 * their count), or NULL when the array holds other words since. */
const fl_tword *fl_time_sentence_words_built(const fl_doc *doc, size_t s, size_t *n);

/* Adds the event-anchored expressions ("since the war began", "two days
 * after the vote") to the doc's times, resolved against dates the article
 * gives the events (events.c). Runs after the TIMEX3 pass. */
fl_status fl_time_events_run(fl_doc *doc, fl_cal_date dct);

#endif
