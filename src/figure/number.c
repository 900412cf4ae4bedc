/*
 * number.c — parses numerals on tokens (see number.h for what counts as one).
 *
 * Digit tokens are checked character by character with hard limits (12
 * integer digits, 6 decimals, thousands groups of exactly three), so hostile
 * input cannot overflow or take long. Word numerals are read left to right
 * with the usual two accumulators (total for completed thousands/millions,
 * current for the part below them). Not for: the context that makes a
 * numeral a figure or not (figures.c).
 */
#include "figure/number.h"

#include <string.h>

#include "figure/words.h"

#define MAX_INT_DIGITS 13
#define MAX_DECIMALS 6

/* A plain number "9,200" or "1.4" in s[0..len). Returns 1 and the value. */
static int parse_plain(const char *s, size_t len, double *value, unsigned *flags)
{
    size_t i = 0, digits = 0, group = 0;
    int commas = 0;
    double v = 0;
    if (len == 0 || s[0] < '0' || s[0] > '9')
        return 0;
    for (; i < len && s[i] != '.'; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (++digits > MAX_INT_DIGITS)
                return 0;
            group++;
            v = v * 10 + (c - '0');
        } else if (c == ',') {
            /* the first group has 1-3 digits, every later one exactly 3 */
            if (group == 0 || group > 3 || (commas && group != 3))
                return 0;
            commas = 1;
            group = 0;
        } else {
            return 0;
        }
    }
    if (group == 0 || (commas && group != 3))
        return 0;
    if (digits > 1 && s[0] == '0')
        return 0; /* 0800, 007: codes, not counts */
    *flags = commas ? 0u : FL_NUMERAL_PLAIN;
    if (i < len) { /* decimal part */
        i++;
        double f = 0.1;
        size_t decimals = 0;
        for (; i < len; i++) {
            if (s[i] < '0' || s[i] > '9' || ++decimals > MAX_DECIMALS)
                return 0;
            v += (s[i] - '0') * f;
            f /= 10;
        }
        if (decimals == 0 || commas)
            return 0;
        *flags = FL_NUMERAL_DECIMAL;
    }
    *value = v;
    return 1;
}

/* Splits a trailing scale suffix (m, bn, k) off s[0..*len). Returns the
 * scale, 1 when there is none, 0 when other letters end the token. */
static double strip_suffix(const char *s, size_t *len)
{
    size_t n = *len;
    size_t k = n;
    while (k > 0 && ((s[k - 1] >= 'a' && s[k - 1] <= 'z') || (s[k - 1] >= 'A' && s[k - 1] <= 'Z')))
        k--;
    if (k == n)
        return 1;
    size_t sl = n - k;
    double scale = 0;
    if (sl == 1 && (s[k] == 'm' || s[k] == 'M'))
        scale = 1e6;
    else if (sl == 2 && s[k] == 'b' && s[k + 1] == 'n')
        scale = 1e9;
    else if (sl == 1 && (s[k] == 'k' || s[k] == 'K'))
        scale = 1e3;
    *len = k;
    return scale;
}

static int parse_scaled(const char *s, size_t len, double *value, double *scale, unsigned *flags)
{
    size_t n = len;
    double sc = strip_suffix(s, &n);
    if (sc == 0 || !parse_plain(s, n, value, flags))
        return 0;
    *scale = sc;
    if (sc > 1) {
        int whole_m = sc == 1e6 && !(*flags & FL_NUMERAL_DECIMAL);
        *value *= sc;
        *flags = FL_NUMERAL_SCALED | (whole_m ? (unsigned)FL_NUMERAL_SUFFIX_M : 0u);
    }
    return *value <= FL_FIG_MAX_VALUE;
}

int fl_fig_parse_digits(const char *s, size_t len, double *low, double *high, double *scale, unsigned *flags)
{
    if (len == 0 || len > 40)
        return 0;
    const char *dash = memchr(s, '-', len);
    if (!dash) {
        if (!parse_scaled(s, len, low, scale, flags))
            return 0;
        *high = *low;
        *flags |= FL_NUMERAL_DIGITS;
        return 1;
    }
    size_t a = (size_t)(dash - s);
    double lo, hi, sa, sb;
    unsigned fa, fb;
    if (!parse_scaled(s, a, &lo, &sa, &fa) || !parse_scaled(dash + 1, len - a - 1, &hi, &sb, &fb))
        return 0;
    if (sa == 1 && sb > 1 && lo * sb <= hi) /* "1-2m" */
        lo *= sb;
    if (!(lo < hi))
        return 0; /* "3-1" is a score, "7-7" nothing we count */
    *low = lo;
    *high = hi;
    *scale = sb;
    *flags = FL_NUMERAL_DIGITS | ((fa | fb) & (FL_NUMERAL_SCALED | FL_NUMERAL_DECIMAL | FL_NUMERAL_SUFFIX_M));
    return 2;
}

/* ---- tokens ---- */

static const char *tok_text(const char *text, const fl_token *t, size_t *len)
{
    *len = t->end - t->start;
    return text + t->start;
}

static int tok_is(const char *text, const fl_token *t, const char *word)
{
    size_t n = strlen(word);
    if (t->end - t->start != n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = text[t->start + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != word[i])
            return 0;
    }
    return 1;
}

static const fl_fig_word *tok_word(const char *text, const fl_token *t)
{
    if (t->kind != FL_TOKEN_WORD && t->kind != FL_TOKEN_ABBREV) /* "mln." */
        return NULL;
    size_t n;
    const char *s = tok_text(text, t, &n);
    return fl_fig_lookup(s, n);
}

/* One number word, or a hyphenated tens-unit pair ("twenty-five"). Returns
 * 1 with its class and value. */
static int number_word(const char *text, const fl_token *t, uint32_t *cls, double *value)
{
    if (t->kind != FL_TOKEN_WORD)
        return 0;
    size_t n;
    const char *s = tok_text(text, t, &n);
    const char *h = memchr(s, '-', n);
    if (!h) {
        const fl_fig_word *w = fl_fig_lookup(s, n);
        if (!w || !(w->flags & (FW_UNIT | FW_TENS | FW_SCALE | FW_DOZEN)))
            return 0;
        *cls = w->flags & (FW_UNIT | FW_TENS | FW_SCALE | FW_DOZEN);
        *value = (double)w->value;
        return 1;
    }
    const fl_fig_word *a = fl_fig_lookup(s, (size_t)(h - s));
    const fl_fig_word *b = fl_fig_lookup(h + 1, n - (size_t)(h - s) - 1);
    if (!a || !b || !(a->flags & FW_TENS) || !(b->flags & FW_UNIT) || b->value < 1 || b->value > 9)
        return 0;
    *cls = FW_TENS | FW_UNIT;
    *value = (double)(a->value + b->value);
    return 1;
}

/* Word numerals: "two hundred and fifty", "twenty-five", "a dozen",
 * "three million", "half a million". */
static int parse_words(const char *text, const fl_token *tk, size_t i, size_t end, fl_fig_numeral *out)
{
    /* total: completed thousands/millions; hundreds and below: the part under them */
    double total = 0, hundreds = 0, below = 0;
    size_t j = i;
    int any = 0, last_scale = 0;
    double half = 1, big_scale = 1;
    if (j + 2 < end && tok_is(text, &tk[j], "half") &&
        (tok_is(text, &tk[j + 1], "a") || tok_is(text, &tk[j + 1], "an"))) {
        half = 0.5;
        j++;
    }
    if (j + 1 < end && (tok_is(text, &tk[j], "a") || tok_is(text, &tk[j], "an"))) {
        uint32_t cls;
        double v;
        if (!number_word(text, &tk[j + 1], &cls, &v) || !(cls & (FW_SCALE | FW_DOZEN)))
            return 0;
        below = 1;
        j++;
    } else if (half != 1) {
        return 0;
    }
    while (j < end) {
        uint32_t cls;
        double v;
        if (any && last_scale && tok_is(text, &tk[j], "and") && j + 1 < end &&
            number_word(text, &tk[j + 1], &cls, &v) && (cls & (FW_UNIT | FW_TENS))) {
            j++;
            continue;
        }
        if (!number_word(text, &tk[j], &cls, &v))
            break;
        if (!any && !below && (cls & (FW_SCALE | FW_DOZEN)))
            return 0; /* "million" alone is no numeral */
        if (cls & FW_SCALE) {
            double part = hundreds + below;
            if (v > 100 && big_scale > 1 && v >= big_scale)
                return 0; /* "thousand billion": malformed */
            if (v == 100) {
                if (hundreds)
                    return 0;
                hundreds = (below ? below : 1) * 100;
                below = 0;
            } else {
                total += (part ? part : 1) * v;
                hundreds = below = 0;
                if (v > big_scale)
                    big_scale = v;
            }
            last_scale = 1;
        } else if (cls & FW_DOZEN) {
            below = (below ? below : 1) * 12;
            last_scale = 1;
        } else {
            int tens_only = below >= 20 && below < 100 && (long long)below % 10 == 0;
            if (below != 0 && !(tens_only && v < 10 && !(cls & FW_TENS)))
                return 0; /* "two three", "twenty thirty": not one numeral */
            below += v;
            last_scale = 0;
        }
        any = 1;
        j++;
        if (total + hundreds + below > FL_FIG_MAX_VALUE)
            return 0;
    }
    if (!any)
        return 0;
    out->begin = i;
    out->end = j;
    out->kind = FL_NUMERAL_SINGLE;
    out->value = out->low = out->high = (total + hundreds + below) * half;
    out->flags = big_scale > 1 ? (unsigned)FL_NUMERAL_SCALED : 0u;
    out->scale = big_scale;
    if (out->value == 1)
        out->flags |= FL_NUMERAL_WORD_ONE;
    return 1;
}

/* Vague amounts: "dozens", "hundreds", "tens of thousands", "hundreds of
 * thousands", "several hundred", "a few thousand". Bounds 2S..10S-1 from
 * the scale S (several: 3S). */
static int parse_vague(const char *text, const fl_token *tk, size_t i, size_t end, fl_fig_numeral *out)
{
    size_t j = i;
    double low_mult = 2;
    int quantifier = 0;
    if (tok_is(text, &tk[j], "several") || tok_is(text, &tk[j], "many")) {
        low_mult = 3;
        quantifier = 1;
        j++;
    } else if (tok_is(text, &tk[j], "a") && j + 1 < end && tok_is(text, &tk[j + 1], "few")) {
        quantifier = 1;
        j += 2;
    }
    if (j >= end)
        return 0;
    const fl_fig_word *w = tok_word(text, &tk[j]);
    double scale;
    if (quantifier) {
        if (!w || !(w->flags & (FW_SCALE | FW_DOZEN)))
            return 0;
        scale = (double)w->value;
        j++;
        const fl_fig_word *w2 = j < end ? tok_word(text, &tk[j]) : NULL;
        if (w2 && (w2->flags & FW_SCALE) && (double)w2->value > scale) { /* "several hundred thousand" */
            scale *= (double)w2->value;
            j++;
        }
    } else {
        if (!w || !(w->flags & FW_VAGUE))
            return 0;
        scale = (double)w->value;
        j++;
        /* "tens of thousands", "hundreds of thousands", "dozens of thousands" */
        if (j + 1 < end && tok_is(text, &tk[j], "of")) {
            const fl_fig_word *w2 = tok_word(text, &tk[j + 1]);
            if (w2 && (w2->flags & FW_VAGUE) && w2->value >= 1000 && w2->value > w->value) {
                scale *= (double)w2->value;
                j += 2;
            }
        }
        if (scale == 10)
            return 0; /* "tens" alone is not a count */
    }
    out->begin = i;
    out->end = j;
    out->kind = FL_NUMERAL_VAGUE;
    out->flags = FL_NUMERAL_APPROX;
    out->value = 0;
    out->low = low_mult * scale;
    out->high = 10 * scale - 1;
    out->scale = scale;
    return 1;
}

static int parse_one(const char *text, const fl_token *tk, size_t i, size_t end, fl_fig_numeral *out)
{
    const fl_token *t = &tk[i];
    if (t->kind == FL_TOKEN_NUMBER) {
        double lo, hi, scale = 1;
        unsigned flags = 0;
        int r = fl_fig_parse_digits(text + t->start, t->end - t->start, &lo, &hi, &scale, &flags);
        if (!r)
            return 0;
        out->begin = i;
        out->end = i + 1;
        out->flags = flags;
        out->scale = scale;
        out->kind = r == 2 ? FL_NUMERAL_RANGE : FL_NUMERAL_SINGLE;
        out->low = lo;
        out->high = hi;
        out->value = lo;
        /* a scale word after the digits: "1.4 million", "200-300 thousand" */
        if (i + 1 < end && scale == 1) {
            const fl_fig_word *w = tok_word(text, &tk[i + 1]);
            if (w && (w->flags & FW_SCALE) && w->value >= 1000 && hi * (double)w->value <= FL_FIG_MAX_VALUE) {
                out->low *= (double)w->value;
                out->high *= (double)w->value;
                out->value = out->low;
                out->scale = (double)w->value;
                out->flags = (out->flags & ~(unsigned)(FL_NUMERAL_PLAIN | FL_NUMERAL_DECIMAL)) | FL_NUMERAL_SCALED;
                out->end = i + 2;
            }
        }
        if (out->kind == FL_NUMERAL_SINGLE && out->value == 1 && out->end == i + 1)
            out->flags |= FL_NUMERAL_WORD_ONE;
        return 1;
    }
    if (t->kind != FL_TOKEN_WORD)
        return 0;
    return parse_vague(text, tk, i, end, out) || parse_words(text, tk, i, end, out);
}

/* "X to Y", "X-Y" (dash token), "X or Y": a range when Y > X. A scale on Y
 * only ("two to three million") applies to X too. */
static int join_range(fl_fig_numeral *x, const fl_fig_numeral *y)
{
    if (x->kind == FL_NUMERAL_RANGE || y->kind == FL_NUMERAL_RANGE)
        return 0;
    double xlo = x->low, xhi = x->high;
    if (x->kind == FL_NUMERAL_SINGLE && y->scale > 1 && x->scale == 1 && xhi * y->scale <= y->low) {
        xlo *= y->scale;
        xhi *= y->scale;
    }
    if (!(xlo < y->high) || (x->kind == FL_NUMERAL_SINGLE && y->kind == FL_NUMERAL_SINGLE && !(xlo < y->low)))
        return 0;
    x->kind = FL_NUMERAL_RANGE;
    x->low = xlo;
    x->high = y->high;
    x->value = 0;
    x->end = y->end;
    x->flags = (x->flags | y->flags) & ~(unsigned)(FL_NUMERAL_PLAIN | FL_NUMERAL_WORD_ONE);
    return 1;
}

int fl_fig_parse_numeral(const char *text, const fl_token *tk, size_t i, size_t end, fl_fig_numeral *out)
{
    if (i >= end)
        return 0;
    if (tok_is(text, &tk[i], "between") && i + 1 < end) {
        fl_fig_numeral x, y;
        if (!parse_one(text, tk, i + 1, end, &x) || x.end + 1 >= end || !tok_is(text, &tk[x.end], "and") ||
            !parse_one(text, tk, x.end + 1, end, &y) || !join_range(&x, &y))
            return 0;
        x.begin = i;
        *out = x;
        return 1;
    }
    if (!parse_one(text, tk, i, end, out))
        return 0;
    size_t j = out->end;
    if (j + 1 < end) {
        const fl_token *c = &tk[j];
        int from_before = i > 0 && tok_is(text, &tk[i - 1], "from");
        int joins = tok_is(text, c, "or") || c->kind == FL_TOKEN_DASH ||
                    (!from_before && tok_is(text, c, "to"));
        fl_fig_numeral y;
        if (joins && parse_one(text, tk, j + 1, end, &y)) {
            fl_fig_numeral x = *out;
            if (join_range(&x, &y))
                *out = x;
        }
    }
    return 1;
}
