/*
 * figures.c — finds figures (counts with qualifier, category, subject and
 * place) in each sentence of an analysed doc.
 *
 * Method, per numeral that starts in a sentence (number.c parses it):
 *   1. drop what is not a count: years, dates, times, durations and ages
 *      ("aged 27", "Name, 25,", "a man of 20"), money, percentages,
 *      measurements ("800m away"), proportions ("four in five"),
 *      identifiers ("Channel 12", "day 59"), a lone "one", unscaled decimals;
 *   2. the qualifier phrase just before ("more than") or after ("or more");
 *   3. the counted noun phrase after the numeral ("Israeli soldiers",
 *      "thousands of people", "200 of the hostages"), else the noun of
 *      "a family of five";
 *   4. the category from the word that governs the count, tried in order:
 *      a cue after the noun phrase, across a parenthetical ("have been
 *      killed", ", mostly civilians, were wounded", "dead"); a verb or noun
 *      before the count ("killed at least 30", "the deaths of 1,400", "the
 *      death toll rose to"); a cue reached through "who"/"that"; the counted
 *      noun itself ("hostages", "aid trucks"); a weak cue ("held"); the
 *      subject's cue for "the dead include 40 journalists"; the verb before
 *      "along with 70 others"; the previous figure for "including 3,700
 *      children", "nine of them",
 *      "bringing the total to 144"; else "other". Coordinated counts share
 *      the later one's verb ("7,000 children and 5,000 women were killed");
 *   5. a place from "in/across/near (the) (northern) Proper Name" in the
 *      count's clause, or the sentence's opening "In X,".
 * A count of "other" with no noun phrase says nothing checkable and is
 * dropped. Every word list is in words.c. Cost: a constant number of token
 * look-ups per numeral, one table look-up per candidate word.
 * Not for: source and date (context.c), JSON (figure_json.c).
 */
#include "figure/figure.h"

#include <stdlib.h>
#include <string.h>

#include "figure/number.h"
#include "figure/words.h"
#include "text/doc.h"
#include "util/grow.h"

typedef struct scan {
    const char *text;
    const fl_token *tk;
    size_t sb, se; /* the sentence's tokens */
    const fl_doc *doc;
} scan;

static int is_word(const fl_token *t) { return t->kind == FL_TOKEN_WORD || t->kind == FL_TOKEN_ABBREV; }

static const fl_fig_word *word_at(const scan *s, size_t j)
{
    if (j < s->sb || j >= s->se)
        return NULL;
    const fl_token *t = &s->tk[j];
    if (!is_word(t) && t->kind != FL_TOKEN_SYMBOL && t->kind != FL_TOKEN_PUNCT)
        return NULL;
    return fl_fig_lookup_token(s->doc, j);
}

static uint32_t flags_at(const scan *s, size_t j)
{
    const fl_fig_word *w = word_at(s, j);
    if (!w)
        return 0;
    /* month and weekday names only count when capitalised ("may" is a verb) */
    uint32_t f = w->flags;
    if ((f & (FW_MONTH | FW_WEEKDAY)) && !(s->tk[j].flags & FL_TOKEN_CAPITALIZED))
        f &= ~(uint32_t)(FW_MONTH | FW_WEEKDAY);
    return f;
}

static int is_tok(const scan *s, size_t j, const char *word)
{
    if (j < s->sb || j >= s->se)
        return 0;
    const fl_token *t = &s->tk[j];
    size_t n = strlen(word);
    if (t->end - t->start != n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s->text[t->start + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != word[i])
            return 0;
    }
    return 1;
}

static int is_capitalized_word(const scan *s, size_t j)
{
    return j >= s->sb && j < s->se && is_word(&s->tk[j]) && (s->tk[j].flags & FL_TOKEN_CAPITALIZED);
}

static int is_punct(const scan *s, size_t j, char c)
{
    const fl_token *t = &s->tk[j];
    return t->kind == FL_TOKEN_PUNCT && t->end - t->start == 1 && s->text[t->start] == c;
}

/* ---- 1. what is not a count ---- */

static int is_currency_symbol(const scan *s, size_t j)
{
    if (j < s->sb || s->tk[j].kind != FL_TOKEN_SYMBOL)
        return 0;
    const char *p = s->text + s->tk[j].start;
    size_t n = s->tk[j].end - s->tk[j].start;
    return (n == 1 && (*p == '$' || *p == '+' || *p == '#')) || (n == 2 && !memcmp(p, "\xc2\xa3", 2)) ||
           (n == 3 && (!memcmp(p, "\xe2\x82\xac", 3) || !memcmp(p, "\xe2\x82\xaa", 3)));
}

static int is_year(double v) { return v >= 1900 && v <= 2099; }

static int plural_noun(const scan *s, size_t j);

/* A token that starts a numeral: digits or a number word. */
static int numeral_token(const scan *s, size_t j)
{
    if (j < s->sb || j >= s->se)
        return 0;
    if (s->tk[j].kind == FL_TOKEN_NUMBER)
        return 1;
    const fl_fig_word *w = word_at(s, j);
    return w && (w->flags & (FW_UNIT | FW_TENS));
}

static int is_count(const scan *s, const fl_fig_numeral *n)
{
    if (n->flags & (FL_NUMERAL_WORD_ONE | FL_NUMERAL_DECIMAL))
        return 0;
    if (n->kind == FL_NUMERAL_SINGLE && n->value < 2)
        return 0;
    if ((n->flags & FL_NUMERAL_PLAIN) && is_year(n->low) && (n->kind == FL_NUMERAL_SINGLE || is_year(n->high)))
        return 0; /* 2023, 2014-2023 (counts of that size are written 2,023) */
    size_t p = n->begin, q = n->end;
    /* a day of the month: only digits up to 31 */
    int day = (n->flags & FL_NUMERAL_DIGITS) && n->kind == FL_NUMERAL_SINGLE && n->value <= 31;
    if ((n->flags & FL_NUMERAL_SUFFIX_M) && !(q < s->se && plural_noun(s, q)))
        return 0; /* "800m away", "10m to 15m": metres; "2m people" is a count */
    if ((is_tok(s, q, "in") && numeral_token(s, q + 1)) || (is_tok(s, p - 1, "in") && numeral_token(s, p - 2)))
        return 0; /* a proportion: "four in five people" */
    if ((n->flags & FL_NUMERAL_PLAIN) && n->value <= 120 && p >= s->sb + 2 && is_punct(s, p - 1, ',') &&
        q < s->se && is_punct(s, q, ',') && (s->tk[p - 2].flags & FL_TOKEN_CAPITALIZED))
        return 0; /* an age in apposition: "Sahar Baruch, 25, ..." */
    if (p > s->sb) {
        uint32_t pf = flags_at(s, p - 1);
        if ((pf & (FW_AGE | FW_IDENT)) || (day && (pf & FW_MONTH)) ||
            ((pf & FW_TIME_UNIT) && (n->flags & FL_NUMERAL_PLAIN)))
            return 0; /* aged 27, Resolution 2712, October 7, day 59 */
        if (is_currency_symbol(s, p - 1))
            return 0; /* $100m, +44, #2 */
        /* a plain number after a capitalised word inside the sentence names
         * something: "Channel 12", "Kan 11", "Highway 232" */
        if ((n->flags & FL_NUMERAL_PLAIN) && p - 1 > s->sb && is_capitalized_word(s, p - 1) && pf == 0)
            return 0;
        if ((n->flags & FL_NUMERAL_PLAIN) && s->tk[p - 1].kind == FL_TOKEN_NUMBER)
            return 0; /* "020 7946": a phone number */
    }
    if (q < s->se) {
        size_t r = q;
        if (n->kind == FL_NUMERAL_VAGUE && is_tok(s, r, "of"))
            r++; /* "hundreds of years" */
        uint32_t nf = flags_at(s, r);
        if ((nf & (FW_TIME_UNIT | FW_CLOCK | FW_CURRENCY | FW_MEASURE | FW_PERCENT)) || (day && (nf & FW_MONTH)))
            return 0;
        if ((n->flags & FL_NUMERAL_PLAIN) && s->tk[q].kind == FL_TOKEN_NUMBER)
            return 0;
        if (is_punct(s, q, ':') && q + 1 < s->se && s->tk[q + 1].kind == FL_TOKEN_NUMBER)
            return 0; /* a score or a verse: "3:1" written apart */
    }
    return 1;
}

/* ---- 2. qualifiers ---- */

/* Does the phrase's k words match tokens starting at j? Each token's
 * lower-cased bytes are compared with the phrase as they come (most
 * phrases fail on the first byte), then the word must end there too. */
static int phrase_at(const scan *s, size_t j, const char *words, size_t *k)
{
    size_t count = 0;
    const char *p = words;
    while (*p) {
        size_t t = j + count;
        if (t < s->sb || t >= s->se)
            return 0;
        const char *x = s->text + s->tk[t].start;
        size_t n = s->tk[t].end - s->tk[t].start;
        for (size_t i = 0; i < n; i++) {
            char c = x[i];
            if (c >= 'A' && c <= 'Z')
                c = (char)(c + 32);
            if (p[i] == 0 || p[i] == ' ' || c != p[i])
                return 0;
        }
        if (p[n] != 0 && p[n] != ' ')
            return 0;
        count++;
        p += n;
        if (*p == ' ')
            p++;
    }
    *k = count;
    return 1;
}

static size_t phrase_words(const char *words)
{
    size_t k = 1;
    for (const char *p = words; *p; p++)
        k += *p == ' ';
    return k;
}

/* The qualifier phrase ending just before token `begin` (after = 0) or
 * starting at `end` (after = 1); returns its length in tokens, 0 if none. */
static size_t find_qualifier(const scan *s, size_t begin, size_t end, int after, fl_figure_qualifier *q)
{
    const fl_fig_qualifier_phrase *ph;
    size_t n = fl_fig_qualifier_phrases(&ph), best = 0;
    for (size_t i = 0; i < n; i++) {
        if (ph[i].after != after)
            continue;
        size_t k = 0, got;
        if (after) {
            if (!phrase_at(s, end, ph[i].words, &got))
                continue;
            k = got; /* the phrase's words, all matched */
        } else {
            k = phrase_words(ph[i].words);
            if (begin < s->sb + k || !phrase_at(s, begin - k, ph[i].words, &got))
                continue;
        }
        if (k > best) {
            best = k;
            *q = ph[i].qualifier;
        }
    }
    return best;
}

/* ---- 3. the counted noun phrase ---- */

static int ends_like_verb(const scan *s, size_t j)
{
    const fl_token *t = &s->tk[j];
    size_t n = t->end - t->start;
    const char *w = s->text + t->start;
    if (t->flags & FL_TOKEN_CAPITALIZED)
        return 0;
    return (n > 4 && !memcmp(w + n - 3, "ing", 3)) || (n > 3 && !memcmp(w + n - 2, "ed", 2));
}

/* A plural ("soldiers", "people", "Palestinians", "gunmen"): the head of
 * the phrase. */
static int plural_noun(const scan *s, size_t j)
{
    const fl_token *t = &s->tk[j];
    size_t n = t->end - t->start;
    const char *w = s->text + t->start;
    if (t->kind != FL_TOKEN_WORD || (t->flags & FL_TOKEN_ALL_CAPS))
        return 0;
    if (t->flags & FL_TOKEN_CAPITALIZED) /* "Palestinians", "Thais"; not "Hamas" */
        return n > 4 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'a' && w[n - 2] != 'u';
    if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i')
        return 1;
    if (n >= 3 && !memcmp(w + n - 3, "men", 3)) /* men, women, gunmen */
        return 1;
    static const char *const irregular[] = {"people", "children", "men", "women"};
    for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++)
        if (strlen(irregular[i]) == n && !memcmp(irregular[i], w, n))
            return 1;
    return 0;
}

/* A word that may continue a noun phrase (not a function word, a number, a
 * date word or an attribution verb). */
static int np_word(const scan *s, size_t j)
{
    if (j >= s->se || !is_word(&s->tk[j]))
        return 0;
    uint32_t f = flags_at(s, j);
    return !(f & (FW_STOP | FW_MONTH | FW_WEEKDAY | FW_ATTRIB | FW_TIME_UNIT | FW_UNIT | FW_TENS | FW_VAGUE | FW_SCALE | FW_DOZEN));
}

/* The noun phrase from token k: returns its end (== k when empty). Cue
 * words and -ed/-ing words belong to it only as modifiers ("displaced
 * people", "wounded soldiers"), not as its last word. */
static size_t noun_phrase(const scan *s, size_t k)
{
    size_t j = k;
    if (is_tok(s, j, "other") && np_word(s, j + 1))
        j++; /* "30 other student groups" */
    while (j < s->se && j - k < 8) {
        /* an acronym in brackets inside the phrase: "World Central Kitchen (WCK) workers" */
        if (j > k && j + 3 < s->se && is_punct(s, j, '(') && (s->tk[j + 1].flags & FL_TOKEN_ALL_CAPS) &&
            is_punct(s, j + 2, ')') && np_word(s, j + 3))
            j += 3;
        if (j > k && j + 1 < s->se && s->tk[j].kind == FL_TOKEN_CLITIC && np_word(s, j + 1))
            j++; /* "the agency's staff" */
        if (!np_word(s, j))
            break;
        uint32_t f = flags_at(s, j);
        int verbish = ((f & (FW_AFTER | FW_AFTER_WEAK | FW_LEFT_VERB | FW_GLUE_AFTER)) || (!f && ends_like_verb(s, j))) &&
                      !plural_noun(s, j); /* "hostages" is a noun, "dead" is not */
        if (verbish && (!np_word(s, j + 1) || (flags_at(s, j + 1) & FW_AFTER)))
            break; /* "killed", "taken hostage": verbs, not modifiers */
        j++;
        if (plural_noun(s, j - 1))
            break; /* the head: "aid trucks carrying fuel" ends at "trucks" */
    }
    return j;
}

/* ---- 4. the category ---- */

typedef struct cue {
    fl_figure_category category;
    size_t token; /* SIZE_MAX: none */
} cue;

#define NO_TOKEN ((size_t)-1)

/* Skips "in/from/at/to (the) (northern) Proper Name" starting at j; returns
 * the token after it (j if there is none) and the name's token range. A
 * capitalised word that modifies a following noun ("in the Hamas attacks",
 * "an Israeli strike") is no place. */
static size_t skip_place(const scan *s, size_t j, size_t *name_begin, size_t *name_end)
{
    if (j >= s->se || !((flags_at(s, j) & FW_PLACE_PREP) || is_tok(s, j, "from") || is_tok(s, j, "at") ||
                        is_tok(s, j, "to") || is_tok(s, j, "into")))
        return j;
    size_t k = j + 1;
    if (is_tok(s, k, "the"))
        k++;
    size_t b = k;
    if (flags_at(s, k) & FW_DIRECTION)
        k++;
    size_t names = k;
    while (k < s->se && k - b < 5 &&
           (is_capitalized_word(s, k) || (k > names && is_tok(s, k, "of") && is_capitalized_word(s, k + 1))) &&
           !(flags_at(s, k) & (FW_MONTH | FW_WEEKDAY)))
        k++;
    if (k == names)
        return j;
    if (k < s->se && ((s->tk[k].kind == FL_TOKEN_WORD && !(s->tk[k].flags & FL_TOKEN_CAPITALIZED) &&
                       !(flags_at(s, k) & (FW_STOP | FW_GLUE_AFTER | FW_AFTER | FW_ATTRIB))) ||
                      s->tk[k].kind == FL_TOKEN_CLITIC))
        return j; /* "in the Hamas attacks", "in Hamas's attack": a modifier, not a place */
    *name_begin = b;
    *name_end = k;
    return k;
}

/* The end of a parenthetical ", mostly civilians," or "- mostly women and
 * children -" that starts at j, or j when there is none. */
static size_t skip_parenthetical(const scan *s, size_t j, size_t limit)
{
    int dash = s->tk[j].kind == FL_TOKEN_DASH;
    if (!dash && !is_punct(s, j, ','))
        return j;
    for (size_t k = j + 1; k < limit && k < j + 14; k++) {
        if (dash ? s->tk[k].kind == FL_TOKEN_DASH : is_punct(s, k, ','))
            return k + 1;
        if (is_punct(s, k, ';') || is_punct(s, k, ':') || s->tk[k].kind == FL_TOKEN_QUOTE)
            break;
    }
    return j;
}

static int ly_adverb(const scan *s, size_t j)
{
    const fl_token *t = &s->tk[j];
    size_t n = t->end - t->start;
    return t->kind == FL_TOKEN_WORD && !(t->flags & FL_TOKEN_CAPITALIZED) && n > 4 &&
           !memcmp(s->text + t->start + n - 2, "ly", 2);
}

/* Cue after the noun phrase: "(who) have been killed", ", mostly civilians,
 * were wounded", "in Gaza have died". Sets *relative when reached through
 * who/that/which, *weak for a weak cue. Records a place passed on the way. */
static cue cue_after(const scan *s, size_t j, int *relative, int *weak, size_t *pb, size_t *pe)
{
    cue c = {FL_CATEGORY_OTHER, NO_TOKEN};
    int parenthetical_skipped = 0;
    size_t limit = j + 12 < s->se ? j + 12 : s->se;
    *relative = *weak = 0;
    while (j < limit) {
        if (!parenthetical_skipped && (is_punct(s, j, ',') || s->tk[j].kind == FL_TOKEN_DASH)) {
            size_t k = skip_parenthetical(s, j, s->se);
            if (k == j && is_punct(s, j, ',') && (flags_at(s, j + 1) & (FW_GLUE_AFTER | FW_AFTER)))
                k = j + 1; /* the closing comma of "271 Palestinians, including 69 children, have" */
            if (k == j)
                break;
            parenthetical_skipped = 1;
            limit = k + 8 < s->se ? k + 8 : s->se;
            j = k;
            continue;
        }
        if (is_tok(s, j, "under") && is_tok(s, j + 1, "the") && is_tok(s, j + 2, "rubble")) {
            c.category = FL_CATEGORY_MISSING; /* "thousands of people still under the rubble" */
            c.token = j + 2;
            return c;
        }
        if (is_tok(s, j, "from") && (is_tok(s, j + 1, "their") || is_tok(s, j + 1, "his") || is_tok(s, j + 1, "her")) &&
            (is_tok(s, j + 2, "homes") || is_tok(s, j + 2, "home"))) {
            c.category = FL_CATEGORY_DISPLACED; /* "forced from their homes" */
            c.token = j + 2;
            return c;
        }
        size_t nb = 0, ne = 0, after_place = skip_place(s, j, &nb, &ne);
        if (after_place != j) {
            if (*pb == *pe && ((flags_at(s, j) & FW_PLACE_PREP) || is_tok(s, j, "to") || is_tok(s, j, "into"))) {
                *pb = nb;
                *pe = ne;
            }
            j = after_place;
            continue;
        }
        uint32_t f = flags_at(s, j);
        if (f & FW_AFTER) {
            c.category = word_at(s, j)->category;
            c.token = j;
            return c;
        }
        if (f & FW_AFTER_WEAK) {
            c.category = word_at(s, j)->category;
            c.token = j;
            *weak = 1;
            return c;
        }
        if (is_tok(s, j, "in") && (flags_at(s, j + 1) & FW_AFTER)) { /* "remain in captivity" */
            j++;
            continue;
        }
        if (!(f & FW_GLUE_AFTER) && !ly_adverb(s, j))
            break;
        if (is_tok(s, j, "who") || is_tok(s, j, "that") || is_tok(s, j, "which"))
            *relative = 1;
        j++;
    }
    return c;
}

/* Cue before the count: "killed at least 30", "the deaths of 1,400",
 * "the death toll in Gaza has risen to 9,061". Sets *total when the way
 * passes "total" ("bringing the total to 144"): the count then sums the
 * sentence's previous one. */
static cue cue_before(const scan *s, size_t j, int *total)
{
    cue c = {FL_CATEGORY_OTHER, NO_TOKEN};
    *total = 0;
    for (size_t steps = 0; j > s->sb && steps < 8; steps++) {
        size_t k = j - 1;
        uint32_t f = flags_at(s, k);
        if (is_tok(s, k, "total"))
            *total = 1;
        if (f & (FW_LEFT_VERB | FW_LEFT_NOUN)) {
            c.category = word_at(s, k)->category;
            c.token = k;
            return c;
        }
        int glue = (f & FW_GLUE_LEFT) || s->tk[k].kind == FL_TOKEN_CLITIC || s->tk[k].kind == FL_TOKEN_QUOTE ||
                   is_tok(s, k, "in") ||
                   (is_capitalized_word(s, k) && !f && k > s->sb);
        if (!glue)
            break;
        j = k;
    }
    return c;
}

/* "The dead include 3,000 children", "Those in captivity include dozens of
 * children": a count after include(s)/included with no figure before it
 * takes the category of a cue in the sentence's subject. */
static cue cue_included(const scan *s, size_t qb)
{
    cue c = {FL_CATEGORY_OTHER, NO_TOKEN};
    if (!(is_tok(s, qb - 1, "include") || is_tok(s, qb - 1, "includes") || is_tok(s, qb - 1, "included")))
        return c;
    for (size_t k = qb - 1; k > s->sb && qb - k < 10; k--) {
        const fl_fig_word *w = word_at(s, k - 1);
        if (s->tk[k - 1].kind == FL_TOKEN_NUMBER || is_punct(s, k - 1, ','))
            break;
        if (w && (w->flags & (FW_AFTER | FW_SUBJECT | FW_LEFT_NOUN)) && !(w->flags & FW_AFTER_WEAK)) {
            c.category = w->category;
            c.token = k - 1;
            return c;
        }
    }
    return c;
}

/* "... was killed in a strike, along with his wife and more than 70 members
 * of his family": a count after "along with" / "together with" / "as well
 * as" shares the verb that comes before those words. */
static cue cue_along_with(const scan *s, size_t qb)
{
    cue c = {FL_CATEGORY_OTHER, NO_TOKEN};
    for (size_t k = qb; k > s->sb + 1 && qb - k < 10; k--) {
        if (s->tk[k - 1].kind == FL_TOKEN_NUMBER)
            break;
        int with = is_tok(s, k - 1, "with") && (is_tok(s, k - 2, "along") || is_tok(s, k - 2, "together"));
        int as_well = is_tok(s, k - 1, "as") && is_tok(s, k - 2, "well") && is_tok(s, k - 3, "as");
        if (!with && !as_well)
            continue;
        for (size_t v = k - 2; v > s->sb && k - v < 10; v--) {
            uint32_t f = flags_at(s, v - 1);
            if (s->tk[v - 1].kind == FL_TOKEN_NUMBER)
                break;
            if (f & (FW_AFTER | FW_LEFT_VERB)) {
                c.category = word_at(s, v - 1)->category;
                c.token = v - 1;
                return c;
            }
        }
        break;
    }
    return c;
}

/* The counted noun's own category ("hostages", "aid trucks"), the last
 * such word of the phrase. */
static cue cue_subject(const scan *s, size_t b, size_t e)
{
    cue c = {FL_CATEGORY_OTHER, NO_TOKEN};
    for (size_t j = b; j < e; j++) {
        const fl_fig_word *w = word_at(s, j);
        if (!w || !(w->flags & FW_SUBJECT))
            continue;
        if (w->category == FL_CATEGORY_AID_TRUCKS) {
            /* trucks count as aid trucks only when the sentence is about aid */
            int aid = 0;
            for (size_t k = s->sb; k < s->se && !aid; k++)
                aid = (flags_at(s, k) & FW_AIDWORD) != 0;
            if (!aid)
                continue;
        }
        c.category = w->category;
        c.token = j;
    }
    return c;
}

/* ---- the layer ---- */

static int push(fl_doc *doc, const fl_figure *f)
{
    fl_figure_array *a = &doc->figures;
    if (!fl_grow(&a->figures, &a->cap, a->count + 1, sizeof *a->figures, 16))
        return 0;
    a->figures[a->count++] = *f;
    return 1;
}

static fl_span tok_span(const scan *s, size_t b, size_t e)
{
    fl_span sp = {0, 0};
    if (b < e) {
        sp.start = s->tk[b].start;
        sp.end = s->tk[e - 1].end;
    }
    return sp;
}

static void set_bounds(fl_figure *f, const fl_fig_numeral *n)
{
    f->flags = 0;
    f->value = f->low = f->high = 0;
    if (n->kind == FL_NUMERAL_SINGLE) {
        f->value = n->value;
        f->flags |= FL_FIGURE_HAS_VALUE;
        switch (f->qualifier) {
        case FL_QUALIFIER_EXACT:
            f->low = f->high = n->value;
            f->flags |= FL_FIGURE_HAS_LOW | FL_FIGURE_HAS_HIGH;
            break;
        case FL_QUALIFIER_MORE_THAN:
        case FL_QUALIFIER_AT_LEAST:
            f->low = n->value;
            f->flags |= FL_FIGURE_HAS_LOW;
            break;
        case FL_QUALIFIER_NEARLY:
        case FL_QUALIFIER_UP_TO:
        case FL_QUALIFIER_LESS_THAN:
            f->high = n->value;
            f->flags |= FL_FIGURE_HAS_HIGH;
            break;
        default:
            break;
        }
        return;
    }
    /* ranges and vague amounts: bounds, opened on the side a qualifier opens */
    f->low = n->low;
    f->high = n->high;
    f->flags |= FL_FIGURE_HAS_LOW | FL_FIGURE_HAS_HIGH;
    if (f->qualifier == FL_QUALIFIER_MORE_THAN || f->qualifier == FL_QUALIFIER_AT_LEAST)
        f->flags &= ~(uint32_t)FL_FIGURE_HAS_HIGH;
    else if (f->qualifier == FL_QUALIFIER_NEARLY || f->qualifier == FL_QUALIFIER_UP_TO ||
             f->qualifier == FL_QUALIFIER_LESS_THAN)
        f->flags &= ~(uint32_t)FL_FIGURE_HAS_LOW;
    if (!(f->flags & FL_FIGURE_HAS_HIGH))
        f->high = 0;
    if (!(f->flags & FL_FIGURE_HAS_LOW))
        f->low = 0;
}

static int starts_numeral(const scan *s, size_t j)
{
    const fl_token *t = &s->tk[j];
    if (t->kind == FL_TOKEN_NUMBER)
        return 1;
    if (t->kind != FL_TOKEN_WORD || t->end - t->start > 12)
        return 0;
    if (j >= s->sb && j < s->se) /* the answer kept per word (the same tests, below) */
        return fl_fig_numeral_word(s->doc, j);
    uint32_t f = flags_at(s, j);
    if (f & (FW_UNIT | FW_TENS | FW_SCALE | FW_DOZEN | FW_VAGUE))
        return 1;
    if (memchr(s->text + t->start, '-', t->end - t->start)) /* "twenty-five" */
        return 1;
    return is_tok(s, j, "a") || is_tok(s, j, "an") || is_tok(s, j, "half") || is_tok(s, j, "between") ||
           is_tok(s, j, "several");
}

static int partitive_determiner(const scan *s, size_t j)
{
    static const char *const words[] = {"the", "those", "these", "its", "their", "his", "her", "our"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (is_tok(s, j, words[i]))
            return 1;
    return 0;
}

/* "In Sudan, ..." at the sentence start: the place of the sentence's counts. */
static void sentence_place(const scan *s, size_t *pb, size_t *pe)
{
    *pb = *pe = 0;
    size_t b = 0, e = 0, k = skip_place(s, s->sb, &b, &e);
    if (k != s->sb && is_tok(s, s->sb, "in") && k < s->se && is_punct(s, k, ',')) {
        *pb = b;
        *pe = e;
    }
}

/* Finds the figures of one sentence. */
static fl_status find_in_sentence(fl_doc *doc, const scan *s, uint32_t sentence)
{
    size_t first = doc->figures.count;
    size_t next = s->sb;
    size_t prev_np_end = 0; /* the previous figure of this sentence, for coordination */
    int prev_has_cue = 0;
    size_t spb, spe;
    sentence_place(s, &spb, &spe);
    for (size_t j = s->sb; j < s->se; j++) {
        if (j < next || !starts_numeral(s, j))
            continue;
        fl_fig_numeral n;
        if (!fl_fig_parse_numeral(s->text, s->tk, j, s->se, &n))
            continue;
        next = n.end;
        if (!is_count(s, &n))
            continue;
        fl_figure f;
        memset(&f, 0, sizeof f);
        f.sentence = sentence;
        f.qualifier = n.flags & FL_NUMERAL_APPROX ? FL_QUALIFIER_ABOUT : FL_QUALIFIER_EXACT;
        size_t qb = n.begin, qe = n.end, k;
        fl_figure_qualifier q;
        /* "at least a further 50", "more than another 20", '"at least" nine' */
        size_t gap = is_tok(s, qb - 1, "another") ? 1
                     : (is_tok(s, qb - 1, "further") && is_tok(s, qb - 2, "a")) ? 2
                                                                                : 0;
        while (gap < 2 && qb - gap > s->sb && s->tk[qb - gap - 1].kind == FL_TOKEN_QUOTE)
            gap++;
        if ((k = find_qualifier(s, n.begin, n.end, 0, &q)) != 0) {
            qb -= k;
            f.qualifier = q;
        } else if (gap && (k = find_qualifier(s, n.begin - gap, n.end, 0, &q)) != 0) {
            qb -= k + gap;
            f.qualifier = q;
        }
        if ((k = find_qualifier(s, n.begin, n.end, 1, &q)) != 0) {
            qe += k;
            f.qualifier = q;
        }
        next = qe;
        if (is_tok(s, qb - 1, "of") && (flags_at(s, qb - 2) & FW_PERSON) && !np_word(s, qe))
            continue; /* "a young man of around 20": an age ("a father of two students" is a count) */
        set_bounds(&f, &n);
        f.span = tok_span(s, qb, qe);

        /* the counted noun phrase */
        size_t np = qe, partitive_pronoun = 0;
        if (np < s->se && s->tk[np].kind == FL_TOKEN_QUOTE && (s->tk[np].flags & FL_TOKEN_QUOTE_CLOSE) &&
            is_tok(s, np + 1, "of"))
            np++; /* '"tens of thousands" of casualties' */
        if (is_tok(s, np, "more") && !is_tok(s, np + 1, "than"))
            np++; /* "five more of its soldiers", "millions more people" */
        if (is_tok(s, np, "of")) {
            if (is_tok(s, np + 1, "them") || is_tok(s, np + 1, "whom") || is_tok(s, np + 1, "those") ||
                is_tok(s, np + 1, "these") || is_tok(s, np + 1, "which") || is_tok(s, np + 1, "us")) {
                partitive_pronoun = 1;
                np += 2;
            } else if (partitive_determiner(s, np + 1)) {
                np += 2;
                fl_fig_numeral inner;
                if (starts_numeral(s, np) && fl_fig_parse_numeral(s->text, s->tk, np, s->se, &inner))
                    np = inner.end; /* "10 of the 12 accused staff members" */
            } else if (n.kind == FL_NUMERAL_VAGUE || (n.flags & FL_NUMERAL_SCALED) || n.kind == FL_NUMERAL_RANGE) {
                np += 1; /* "thousands of people", "two million of" */
            }
        }
        size_t npe = partitive_pronoun ? np : noun_phrase(s, np);
        if (npe == np && !partitive_pronoun)
            np = npe = qe; /* nothing after "of" or "more" */
        f.subject = tok_span(s, np, npe);
        /* "a family of five", "a population of 2.3 million": the noun before "of" */
        if (np == npe && !partitive_pronoun && is_tok(s, qb - 1, "of") && qb - 1 > s->sb && np_word(s, qb - 2) &&
            !flags_at(s, qb - 2) && !ends_like_verb(s, qb - 2))
            f.subject = tok_span(s, qb - 2, qb - 1);

        size_t pb = 0, pe = 0;
        int relative, weak;
        cue after = cue_after(s, npe, &relative, &weak, &pb, &pe);
        int total;
        cue before = cue_before(s, qb, &total);
        cue subject = cue_subject(s, np, npe);
        cue chosen = {FL_CATEGORY_OTHER, NO_TOKEN};
        int direct_after = after.token != NO_TOKEN && !relative && !weak;
        if (direct_after)
            chosen = after;
        else if (before.token != NO_TOKEN)
            chosen = before;
        else if (after.token != NO_TOKEN && !weak)
            chosen = after;
        else if (subject.token != NO_TOKEN)
            chosen = subject;
        else if (after.token != NO_TOKEN)
            chosen = after;
        if (chosen.token == NO_TOKEN)
            chosen = cue_included(s, qb);
        if (chosen.token == NO_TOKEN)
            chosen = cue_along_with(s, qb);
        if (chosen.token == NO_TOKEN && doc->figures.count > first &&
            (partitive_pronoun || total || (qb > s->sb && (flags_at(s, qb - 1) & FW_INHERIT)))) {
            const fl_figure *prev = &doc->figures.figures[doc->figures.count - 1];
            chosen.category = prev->category;
            f.cue = prev->cue;
        }
        f.category = chosen.category;
        if (chosen.token != NO_TOKEN)
            f.cue = tok_span(s, chosen.token, chosen.token + 1);

        /* coordination: "7,000 children and nearly 5,000 women have been
         * killed" - the earlier count shares this one's verb */
        if (direct_after && doc->figures.count > first && !prev_has_cue && prev_np_end < qb) {
            int joined = 1;
            for (size_t t = prev_np_end; t < qb && joined; t++)
                joined = is_tok(s, t, "and") || is_tok(s, t, "or") || is_punct(s, t, ',');
            if (joined) {
                fl_figure *prev = &doc->figures.figures[doc->figures.count - 1];
                prev->category = f.category;
                prev->cue = f.cue;
            }
        }
        if (f.category == FL_CATEGORY_OTHER && f.subject.start == f.subject.end)
            continue; /* counts nothing we can name */
        if (f.category == FL_CATEGORY_OTHER)
            f.cue.start = f.cue.end = 0;

        /* place: passed on the way to the cue, in the clause after the cue
         * ("killed in conflict-related incidents in the West Bank") or the
         * noun phrase, or the sentence's opening "In X," */
        if (pb == pe && chosen.token != NO_TOKEN && chosen.token >= npe)
            for (size_t t = chosen.token + 1; t < s->se && t < chosen.token + 9 && pb == pe; t++) {
                if (is_punct(s, t, ',') || is_punct(s, t, ';') || s->tk[t].kind == FL_TOKEN_NUMBER)
                    break;
                if ((flags_at(s, t) & FW_PLACE_PREP) || is_tok(s, t, "to") || is_tok(s, t, "into"))
                    skip_place(s, t, &pb, &pe);
            }
        /* or in the clause after the noun phrase ("350 Tanzanians live in Israel") */
        for (size_t t = npe; pb == pe && t < s->se && t < npe + 7; t++) {
            if (is_punct(s, t, ',') || is_punct(s, t, ';') || s->tk[t].kind == FL_TOKEN_NUMBER)
                break;
            if ((flags_at(s, t) & FW_PLACE_PREP) || is_tok(s, t, "to") || is_tok(s, t, "into"))
                skip_place(s, t, &pb, &pe);
        }
        if (pb == pe) {
            pb = spb;
            pe = spe;
        }
        if (pb < pe)
            f.place = tok_span(s, pb, pe);
        if (!push(doc, &f))
            return FL_ERR_NOMEM;
        prev_np_end = npe > qe ? npe : qe;
        prev_has_cue = chosen.token != NO_TOKEN;
    }
    return FL_OK;
}

fl_status fl_figures_find(fl_doc *doc)
{
    doc->figures.count = 0;
    scan s;
    s.text = doc->text;
    s.tk = doc->tokens.tokens;
    s.doc = doc;
    for (size_t i = 0; i < doc->sentences.count; i++) {
        const fl_sentence *sen = &doc->sentences.sentences[i];
        s.sb = sen->token_begin;
        s.se = sen->token_end;
        fl_status st = find_in_sentence(doc, &s, (uint32_t)i);
        if (st != FL_OK)
            return st;
    }
    return FL_OK;
}

size_t fl_doc_figure_count(const fl_doc *doc) { return doc->figures.count; }
const fl_figure *fl_doc_figures(const fl_doc *doc) { return doc->figures.figures; }

const char *fl_figure_qualifier_name(fl_figure_qualifier q)
{
    static const char *const names[FL_QUALIFIER_COUNT] = {
        "exact", "more_than", "at_least", "about", "nearly", "up_to", "less_than",
    };
    return (unsigned)q < FL_QUALIFIER_COUNT ? names[q] : "unknown";
}

const char *fl_figure_category_name(fl_figure_category c)
{
    static const char *const names[FL_CATEGORY_COUNT] = {
        "killed", "injured", "hostages", "released", "displaced", "missing", "arrested", "aid_trucks", "other",
    };
    return (unsigned)c < FL_CATEGORY_COUNT ? names[c] : "unknown";
}
