/*
 * number.h — numerals in news text: digits with separators, decimals and
 * scale words or suffixes ("9,200", "1.4 million", "2bn"), number words
 * ("two hundred and fifty", "twenty-five", "a dozen", "half a million"),
 * vague amounts ("dozens", "several hundred", "tens of thousands") and
 * ranges ("200-300", "between 200 and 300", "two to three million",
 * "hundreds to thousands").
 *
 * Not for: deciding whether a numeral is a figure (a year, an age, money...)
 * or anything around it (figures.c). Values above FL_FIG_MAX_VALUE and
 * malformed digit strings ("9,2,0,0", "1e308", 500 digits) are not numerals:
 * parsing never overflows.
 */
#ifndef FL_FIGURE_NUMBER_H
#define FL_FIGURE_NUMBER_H

#include <stddef.h>

#include "factline.h"

#define FL_FIG_MAX_VALUE 1e12 /* larger counts are not figures (and stay exact in a double) */

typedef enum fl_fig_numeral_kind {
    FL_NUMERAL_SINGLE = 0, /* one value: "9,200", "a dozen" */
    FL_NUMERAL_RANGE,      /* low and high: "200-300", "hundreds to thousands" */
    FL_NUMERAL_VAGUE       /* low and high from a scale: "hundreds" */
} fl_fig_numeral_kind;

/* Flags of a numeral. */
enum {
    FL_NUMERAL_DIGITS = 1,   /* written (at least partly) in digits */
    FL_NUMERAL_PLAIN = 2,    /* a bare run of digits: no separator, decimal, suffix or scale word */
    FL_NUMERAL_DECIMAL = 4,  /* has a decimal part and no scale ("2.5") */
    FL_NUMERAL_SCALED = 8,   /* has a scale word or suffix ("million", "bn") */
    FL_NUMERAL_WORD_ONE = 16,/* the single word "one", "a" or digit "1": a lone unit */
    FL_NUMERAL_APPROX = 32,  /* vague, or a range with a vague end: "hundreds to thousands" */
    FL_NUMERAL_SUFFIX_M = 64 /* a whole number with suffix m: "800m" may be metres, "1.4m" is a million */
};

typedef struct fl_fig_numeral {
    size_t begin, end;  /* token range [begin, end) */
    fl_fig_numeral_kind kind;
    unsigned flags;     /* FL_NUMERAL_* */
    double value;       /* FL_NUMERAL_SINGLE */
    double low, high;   /* RANGE and VAGUE; SINGLE: both = value */
    double scale;       /* the scale word or suffix applied, 1 if none */
} fl_fig_numeral;

/* Parses a digit token's text: "9,200", "1.4", "1.4m", "2bn", "200-300".
 * Returns 1 for a single value (*low = *high = value), 2 for a range, 0 if the
 * text is not a well-formed count (times, ordinals, "9,2,0,0", "1e308",
 * over 12 integer digits, leading zeros). *flags gets FL_NUMERAL_* bits. */
int fl_fig_parse_digits(const char *s, size_t len, double *low, double *high, double *scale, unsigned *flags);

/* Parses the numeral that starts at token i of tokens [i, end) (one
 * sentence). Returns 1 and fills *out, else 0. */
int fl_fig_parse_numeral(const char *text, const fl_token *tokens, size_t i, size_t end, fl_fig_numeral *out);

#endif
