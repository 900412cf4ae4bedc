/*
 * np.c — finding the words that name a source around a cue, without a
 * parser: the subject to the left of a cue ("A senior Israeli official,
 * acknowledging ..., revealed"), the name after an inverted cue ("said
 * Blinken"), the subject that opens a sentence (for "..., stating, ..."),
 * and the hearer after "told". The rules walk tokens and stop at punctuation
 * and at clause words (cues.h lists them). Not for: deciding what a name
 * refers to (speakers.c).
 */
#include <string.h>

#include "quote/quote_internal.h"

static int is_noun_like(const qctx *c, uint32_t i);

enum { NP_MAX = 14, PAREN_MAX = 30 };

static int is_ly_adverb(const qctx *c, uint32_t i)
{
    const fl_token *t = &c->tok[i];
    return t->kind == FL_TOKEN_WORD && !(t->flags & FL_TOKEN_CAPITALIZED) && t->end - t->start > 4 &&
           c->text[t->end - 2] == 'l' && c->text[t->end - 1] == 'y';
}

static int is_past_form(const qctx *c, uint32_t i)
{
    const fl_token *t = &c->tok[i];
    return t->kind == FL_TOKEN_WORD && !(t->flags & FL_TOKEN_CAPITALIZED) && t->end - t->start > 3 &&
           c->text[t->end - 2] == 'e' && c->text[t->end - 1] == 'd' &&
           !memchr(c->text + t->start, '-', t->end - t->start); /* "self-described" */
}

/* Can a subject start with token i? A determiner, a name, a pronoun, a
 * number, a source word, or a lower-case plural ("critics"). */
static int can_start_subject(const qctx *c, uint32_t i)
{
    const fl_token *t = &c->tok[i];
    if (tok_in(c, i, WL_ADVERB) || tok_in(c, i, WL_BOUNDARY) || is_ly_adverb(c, i))
        return 0;
    return t->kind != FL_TOKEN_WORD || tok_cap(c, i) || tok_in(c, i, WL_DETERMINER) || tok_in(c, i, WL_PRONOUN) ||
           is_noun_like(c, i) || c->text[t->end - 1] == 's';
}

static int is_noun_like(const qctx *c, uint32_t i)
{
    return tok_cap(c, i) || c->tok[i].kind == FL_TOKEN_ABBREV || c->tok[i].kind == FL_TOKEN_DOMAIN ||
           tok_in(c, i, WL_ANONYMOUS) || tok_in(c, i, WL_GOVERNMENT) || tok_in(c, i, WL_ORGANISATION) ||
           tok_in(c, i, WL_MEDIA);
}

/* Does "and" at i join two names ("Netanyahu and Defense Minister Gallant")? */
static int and_joins(const qctx *c, uint32_t i, uint32_t lo)
{
    return tok_eq(c, i, "and") && i > lo && (is_noun_like(c, i - 1) || tok_in(c, i - 1, WL_PRONOUN)) &&
           tok_is_wordish(c, i + 1);
}

static int stops_phrase(const qctx *c, uint32_t i)
{
    return !tok_is_wordish(c, i) || c->tok[i].kind == FL_TOKEN_NUMBER;
}

/* The conveyed speaker in "quoting Blinken's message": the words after the
 * conveying verb up to a possessive or the end. */
static void conveyed(const qctx *c, uint32_t a, uint32_t b, np_range *r)
{
    uint32_t j = a + 1;
    while (j < b && tok_in(c, j, WL_DETERMINER) && c->tok[j].kind != FL_TOKEN_CLITIC)
        j++;
    uint32_t e = j;
    while (e < b && tok_is_wordish(c, e) && c->tok[e].kind != FL_TOKEN_CLITIC && tok_cap(c, e))
        e++;
    if (e > j) {
        r->conv_begin = j;
        r->conv_end = e;
    }
}

np_range np_left(const qctx *c, uint32_t lo, uint32_t end)
{
    np_range r = {end, end, 0, 0, 0};
    uint32_t i = end;
    while (i > lo && (tok_in(c, i - 1, WL_AUX) || tok_in(c, i - 1, WL_ADVERB) || tok_in(c, i - 1, WL_REFLEXIVE) ||
                      (is_ly_adverb(c, i - 1) && !(i >= lo + 2 && (tok_in(c, i - 2, WL_DETERMINER) ||
                                                                   c->tok[i - 2].kind == FL_TOKEN_CLITIC)))))
        i--; /* "has reportedly", "also", "himself"; but "His family" is a noun */
    uint32_t e = i;
    uint32_t appos_end = 0, appos_first = 0;
    /* "A relative who survived said": the noun phrase with its short relative clause */
    for (uint32_t w = e; w > lo + 1 && e - w < 6; w--) {
        uint32_t k = w - 1;
        if (tok_eq(c, k, "who") && k + 1 < e) {
            np_range inner = np_left(c, lo, k);
            if (inner.end == k && inner.end > inner.begin && !tok_in(c, inner.begin, WL_PRONOUN)) {
                inner.end = e;
                return inner;
            }
            break;
        }
        /* "A woman who has relatives in Israel says": a place after a preposition may be in it */
        if (!tok_is_wordish(c, k) || (tok_cap(c, k) && !(k > lo && tok_in(c, k - 1, WL_PREPOSITION))) ||
            (tok_cue(c, k) && !tok_cap(c, k)) || tok_in(c, k, WL_BOUNDARY))
            break;
    }
    if (e > lo + 2 && c->tok[e - 1].kind == FL_TOKEN_DASH) {
        /* "Jason Sims — a teacher from Mount Pleasant — says" */
        uint32_t k = e - 1;
        while (k > lo && e - k < PAREN_MAX && c->tok[k - 1].kind != FL_TOKEN_DASH && tok_is_wordish(c, k - 1))
            k--;
        if (k > lo + 1 && c->tok[k - 1].kind == FL_TOKEN_DASH && k + 1 < e)
            e = k - 1;
        else
            return r;
    }
    if (e > lo && tok_punct(c, e - 1, ',')) {
        /* A parenthetical between subject and cue: skip a description, keep a name. */
        uint32_t k = e - 1;
        while (k > lo && e - k < PAREN_MAX) {
            k--;
            if (!tok_is_wordish(c, k) && c->tok[k].kind != FL_TOKEN_DASH)
                break;
        }
        if (!tok_punct(c, k, ',') || k + 1 >= e - 1)
            return r;
        uint32_t first = k + 1;
        if (tok_in(c, first, WL_CONVEY))
            conveyed(c, first, e - 1, &r);
        if (tok_cap(c, first) && !tok_in(c, first, WL_DETERMINER) && !tok_in(c, first, WL_PRONOUN))
            appos_end = e - 1, appos_first = first; /* "The head of the agency, Philippe Lazzarini, said" */
        e = k;
    }
    if (e > lo && !appos_end && (tok_eq(c, e - 1, "i") || tok_eq(c, e - 1, "he") || tok_eq(c, e - 1, "she") ||
                                 tok_eq(c, e - 1, "we") || tok_eq(c, e - 1, "they") || tok_eq(c, e - 1, "you"))) {
        r.begin = e - 1; /* a personal pronoun is the whole subject ("When he left the house I told him") */
        r.end = e;
        return r;
    }
    uint32_t j = e;
    uint32_t and_at = 0;
    int crossed_and = 0;
    while (j > lo && e - j < NP_MAX) {
        uint32_t t = j - 1;
        if (crossed_and && (tok_in(c, t, WL_PREPOSITION) || c->tok[t].kind == FL_TOKEN_NUMBER)) {
            j = and_at + 1; /* "... on 1 October and Natasha Hole said": the name after "and" */
            break;
        }
        if (tok_punct(c, t, ')') && t > lo) {
            /* "Rep. Hank Johnson (D-Ga.) said": step over the brackets */
            uint32_t k = t;
            while (k > lo && t - k < 8 && !tok_punct(c, k - 1, '('))
                k--;
            if (k > lo + 1 && tok_punct(c, k - 1, '(') && tok_is_wordish(c, k - 2)) {
                j = k - 1;
                continue;
            }
            break;
        }
        if (stops_phrase(c, t) && c->tok[t].kind != FL_TOKEN_NUMBER)
            break; /* numbers belong: "Six in 10 say" */
        if ((tok_in(c, t, WL_BOUNDARY) && !and_joins(c, t, lo)) || tok_in(c, t, WL_CALENDAR))
            break; /* "On Friday Met Police ... Laurence Taylor told" */
        if (tok_eq(c, t, "and")) {
            crossed_and = 1;
            and_at = t;
        }
        int name_aux = tok_cap(c, t) && t + 1 < e && tok_cap(c, t + 1) && c->tok[t + 1].kind == FL_TOKEN_WORD;
        if ((tok_in(c, t, WL_AUX) && c->tok[t].kind != FL_TOKEN_CLITIC && !name_aux) ||
            (tok_cue(c, t) && !tok_cap(c, t)) ||
            tok_eq(c, t, "to") || is_past_form(c, t))
            break; /* a verb: the subject is not beyond it ("The school's headteacher" goes on) */
        j--;
        if ((tok_eq(c, t, "the") || tok_eq(c, t, "a") || tok_eq(c, t, "an")) && t > lo &&
            (tok_punct(c, t - 1, ')') ||
             (tok_is_wordish(c, t - 1) && c->tok[t - 1].kind != FL_TOKEN_CLITIC && !tok_in(c, t - 1, WL_PREPOSITION) &&
              !tok_in(c, t - 1, WL_DETERMINER) && !tok_in(c, t - 1, WL_BOUNDARY) && !tok_in(c, t - 1, WL_ADVERB))))
            break; /* "In a statement the Metropolitan Police told": the subject opens with its article */
    }
    int too_long = e - j >= NP_MAX && j > lo && tok_is_wordish(c, j - 1);
    int clean = j == lo || !tok_is_wordish(c, j - 1); /* the phrase starts after punctuation */
    while (j < e && (!can_start_subject(c, j) && !(clean && !tok_in(c, j, WL_ADVERB) &&
                                                    !tok_in(c, j, WL_BOUNDARY) && !is_past_form(c, j))))
        j++;
    if ((j == e || too_long || (j < e && (tok_eq(c, j, "the") || tok_eq(c, j, "a")) && !tok_cap(c, j + 1))) &&
        appos_end) {
        /* "the executive director of the Chicago office of the Council on ... (CAIR), Ahmed
         * Rehab, said": a description too long to read, then the name in apposition */
        uint32_t k = j;
        while (k > lo && e - k < NP_MAX + PAREN_MAX &&
               (tok_is_wordish(c, k - 1) || tok_punct(c, k - 1, '(') || tok_punct(c, k - 1, ')')))
            k--;
        r.lead = k;
        r.begin = appos_first;
        r.end = appos_end;
        return r;
    }
    if (j == e)
        return r;
    if (j >= lo + 3 && tok_punct(c, j - 1, ',') && !tok_cap(c, j) && !tok_in(c, j, WL_DETERMINER)) {
        /* "Chris Williamson, ex-Labour MP for Derby North posted": a name and its unclosed apposition */
        uint32_t k = j - 1;
        while (k > lo && tok_cap(c, k - 1) && c->tok[k - 1].kind == FL_TOKEN_WORD)
            k--;
        if (k + 2 <= j - 1 && (k == lo || !tok_is_wordish(c, k - 1)))
            j = k;
    }
    r.begin = j;
    r.end = appos_end ? appos_end : e;
    return r;
}

/* "42-year-old": an age before the name, not part of it. */
int np_is_age(const qctx *c, uint32_t i)
{
    const fl_token *t = &c->tok[i];
    return t->kind == FL_TOKEN_NUMBER && t->end - t->start > 4 && !memcmp(c->text + t->end - 4, "-old", 4);
}

/* After an inverted cue, a description then a name in apposition that ends
 * the clause ("says the hospital's general director, Prof Hezi Levy.", "says
 * Tanzania's ambassador in Tel Aviv, Alex Kallua."): the name, past its
 * titles. The description is a phrase without punctuation but its
 * possessive, that opens with a determiner or holds a possessive (a name
 * alone, "said Blinken, the ...", keeps the name). Returns 0 if no such name. */
static int right_apposition(const qctx *c, uint32_t begin, uint32_t hi, np_range *r)
{
    int described = tok_in(c, begin, WL_DETERMINER) && c->tok[begin].kind != FL_TOKEN_CLITIC;
    uint32_t k = begin;
    while (k < hi && k - begin < PAREN_MAX && !tok_punct(c, k, ',')) {
        if (c->tok[k].kind == FL_TOKEN_CLITIC)
            described = 1;
        else if (!tok_is_wordish(c, k) || c->L->tok_quote[k] >= 0 || (tok_cue(c, k) && !tok_cap(c, k)) ||
                 (tok_in(c, k, WL_AUX) && !tok_cap(c, k)))
            return 0;
        k++;
    }
    if (!described || k >= hi || k == begin)
        return 0;
    /* capitalised words to the clause's end: titles and ranks ("Rear Adm"), then the name */
    uint32_t n = k + 1, ne = n;
    while (ne < hi && ne - n < NAME_RUN_MAX + 3 && tok_cap(c, ne) &&
           (c->tok[ne].kind == FL_TOKEN_WORD || c->tok[ne].kind == FL_TOKEN_ABBREV))
        ne++;
    uint32_t first = ne;
    while (first > n && name_is_word(c, first - 1))
        first--;
    if (ne - first < 2 || !(ne >= hi || tok_punct(c, ne, '.') || tok_punct(c, ne, ',') || tok_punct(c, ne, '!') ||
                            tok_punct(c, ne, '?')))
        return 0;
    r->begin = first; /* the speaker's name is written without titles */
    r->end = ne;
    return 1;
}

np_range np_right(const qctx *c, uint32_t begin, uint32_t hi)
{
    np_range r = {begin, begin, 0, 0, 0};
    if (begin < hi && np_is_age(c, begin)) /* "says 42-year-old Mohamed Ibrahim" */
        r.begin = r.end = ++begin;
    if (right_apposition(c, begin, hi, &r))
        return r;
    uint32_t j = begin;
    while (j < hi && j - begin < NP_MAX) {
        if (c->tok[j].kind == FL_TOKEN_CLITIC && j > begin && j + 1 < hi && tok_is_wordish(c, j + 1) &&
            !tok_cap(c, j + 1) && c->tok[j + 1].kind == FL_TOKEN_WORD && !tok_cue(c, j + 1) && !tok_in(c, j + 1, WL_AUX)) {
            j++; /* "recalls Joshua's father": the father speaks, not Joshua */
            continue;
        }
        if (stops_phrase(c, j))
            break;
        if (j > begin && (tok_in(c, j, WL_RIGHT_STOP) || (tok_in(c, j, WL_BOUNDARY) && !and_joins(c, j, begin))))
            break;
        if (j == begin && tok_in(c, j, WL_BOUNDARY))
            break;
        if (j > begin && ((tok_cue(c, j) && !tok_cap(c, j)) || (tok_in(c, j, WL_AUX) && !tok_cap(c, j))))
            break;
        j++;
    }
    r.end = j;
    return r;
}

np_range np_subject(const qctx *c, uint32_t lo, uint32_t hi)
{
    /* "In a brief interview, Ms. Conway ...": the subject follows the comma */
    if (lo < hi && (tok_in(c, lo, WL_PREPOSITION) || tok_in(c, lo, WL_ADVERB) || tok_in(c, lo, WL_BOUNDARY))) {
        for (uint32_t k = lo + 1; k < hi && k < lo + 12; k++)
            if (tok_punct(c, k, ',')) {
                lo = k + 1;
                break;
            }
    }
    /* "However Saudi Arabia called ...": a sentence adverb with no comma is not the subject's */
    while (lo < hi && tok_in(c, lo, WL_ADVERB) && tok_cap(c, lo))
        lo++;
    np_range r = {lo, lo, 0, 0, 0};
    uint32_t j = lo;
    while (j < hi && j - lo < NP_MAX) {
        const fl_token *t = &c->tok[j];
        if (stops_phrase(c, j) || tok_in(c, j, WL_AUX) || tok_in(c, j, WL_REFLEXIVE) ||
            (j > lo && (tok_in(c, j, WL_ADVERB) || is_ly_adverb(c, j))))
            break; /* "He then told" */
        if (j > lo && (tok_in(c, j, WL_BOUNDARY) || (tok_cue(c, j) && !tok_cap(c, j))))
            break;
        /* a lower-case past form is the verb: "expressed", "confirmed" */
        if (j > lo && !(t->flags & FL_TOKEN_CAPITALIZED) && t->end - t->start > 3 &&
            c->text[t->end - 2] == 'e' && c->text[t->end - 1] == 'd')
            break;
        j++;
    }
    r.end = j;
    return r;
}

uint32_t np_skip_hearer(const qctx *c, uint32_t i, uint32_t hi)
{
    uint32_t j = i;
    if (j < hi && (tok_eq(c, j, "him") || tok_eq(c, j, "her") || tok_eq(c, j, "them") || tok_eq(c, j, "us") ||
                   tok_eq(c, j, "me") || tok_in(c, j, WL_HEARER)))
        return j + 1;
    while (j < hi && tok_in(c, j, WL_DETERMINER) && c->tok[j].kind != FL_TOKEN_CLITIC)
        j++;
    uint32_t k = j;
    /* A hearer is a name or a title and a name ("told Israel's Channel 12",
     * "told CNN's State of the Union"); PAREN_MAX words is far more than one
     * needs, and bounds the walk on a long capitalised run (a title-case
     * sentence of many cues would otherwise walk it once per cue). */
    while (k < hi && k - j < PAREN_MAX &&
           (tok_cap(c, k) || c->tok[k].kind == FL_TOKEN_ABBREV || c->tok[k].kind == FL_TOKEN_DOMAIN ||
            (k > j && tok_in(c, k, WL_MEDIA))))
        k++;
    if (k > j)
        return k;
    if (j > i && j < hi && tok_is_wordish(c, j)) /* "the committee", "a reporter" */
        return j + 1;
    return i;
}
