/*
 * names.c — names in the article text without an entity layer: which words
 * can be part of a person's name (capitalised, not a title, a nationality, a
 * month or a cue), the run of name words around a token, the kind of source
 * a phrase names (person, organisation, media, government, anonymous), and
 * the fullest form of a name in the article ("Blinken" -> "Antony Blinken").
 *
 * The fullest-form lookup uses a table built once per article: for each
 * name word, the longest run that ends with it and the longest that starts
 * with it (open addressing on the word's bytes, sized to twice the name words),
 * so a lookup costs O(1) and the article O(tokens). When the entity layer
 * lands, its mentions can replace these functions one for one.
 * Not for: deciding who a pronoun or "the official" is (speakers.c).
 */
#include <stdlib.h>
#include <string.h>

#include "quote/quote_internal.h"

/* "Twenty-two-year-old", "pro-Palestinian": a hyphenated word whose last
 * part is lower case describes; it does not name. */
static int is_descriptor(const qctx *c, uint32_t i)
{
    const fl_token *t = &c->tok[i];
    for (uint32_t k = t->end; k > t->start + 1; k--)
        if (c->text[k - 1] == '-')
            return c->text[k] >= 'a' && c->text[k] <= 'z';
    return 0;
}

/* "al-Qudra", "el-Sisi", "ad-Din": an Arabic article joined to a capitalised
 * surname is a name word though it starts lower case. */
static int article_cap(const qctx *c, uint32_t i)
{
    const fl_token *t = &c->tok[i];
    const char *s = c->text + t->start;
    size_t n = t->end - t->start;
    return n >= 5 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z' &&
           (s[2] == '-' ? s[3] >= 'A' && s[3] <= 'Z' : s[2] >= 'a' && s[2] <= 'z' && s[3] == '-' && s[4] >= 'A' && s[4] <= 'Z');
}

int name_is_word(const qctx *c, uint32_t i)
{
    if (i >= c->ntok)
        return 0;
    /* The answer depends on the token alone and is asked ~500 times an
     * article (name_fullest scans spans): remembered per token. */
    uint32_t *known = &c->L->tok_list_known[i];
    if (*known & TOK_KNOWN_NAME)
        return (*known & TOK_IS_NAME) != 0;
    /* one test of the token's list bits, not one question per list */
    const uint32_t not_name = UINT32_C(1) << WL_TITLE | UINT32_C(1) << WL_DEMONYM | UINT32_C(1) << WL_DETERMINER |
                              UINT32_C(1) << WL_PRONOUN | UINT32_C(1) << WL_BOUNDARY | UINT32_C(1) << WL_ANONYMOUS |
                              UINT32_C(1) << WL_AUX | UINT32_C(1) << WL_PREPOSITION | UINT32_C(1) << WL_CALENDAR;
    int yes = c->tok[i].kind == FL_TOKEN_WORD && (tok_cap(c, i) || article_cap(c, i)) && !is_descriptor(c, i) &&
              !(tok_lists(c, i) & not_name) && !tok_cue(c, i) && !wc_coordinator(c, i);
    *known |= TOK_KNOWN_NAME | (yes ? TOK_IS_NAME : 0u);
    return yes;
}

int name_same_word(const qctx *c, uint32_t a, uint32_t b)
{
    size_t n = c->tok[a].end - c->tok[a].start;
    return n == c->tok[b].end - c->tok[b].start && memcmp(c->text + c->tok[a].start, c->text + c->tok[b].start, n) == 0;
}

/* Does a name go on after token t ("Ursula" -> "von der Leyen")? */
int name_goes_on(const qctx *c, uint32_t t)
{
    uint32_t k = t + 1;
    while (k < c->ntok && k < t + 3 && tok_in(c, k, WL_NAME_PARTICLE) && !tok_cap(c, k))
        k++;
    return k < c->ntok && name_is_word(c, k) && c->L->tok_sentence[k] == c->L->tok_sentence[t];
}

/* The run of name words ending at token i (inclusive): its first token.
 * Lower-case particles inside the run belong to it. */
uint32_t name_run_start(const qctx *c, uint32_t i)
{
    uint32_t j = i;
    while (j > 0 && i - j + 1 < NAME_RUN_MAX + 2 && c->L->tok_sentence[j - 1] == c->L->tok_sentence[i]) {
        if (name_is_word(c, j - 1)) {
            j--;
            continue;
        }
        uint32_t k = j - 1;
        while (k > 0 && k + 2 >= j && tok_in(c, k, WL_NAME_PARTICLE) && !tok_cap(c, k))
            k--;
        if (k + 1 < j && name_is_word(c, k) && c->L->tok_sentence[k] == c->L->tok_sentence[i]) {
            j = k;
            continue;
        }
        break;
    }
    return j;
}

/* The last token of a run of name words inside [b, e) that follows a title
 * word and holds no word of an organisation, or UINT32_MAX. */
static uint32_t titled_run(const qctx *c, uint32_t b, uint32_t e)
{
    for (uint32_t i = b + 1; i < e; i++) {
        if (!tok_in(c, i - 1, WL_TITLE) || !name_is_word(c, i))
            continue;
        uint32_t k = i;
        while (k + 1 < e && name_goes_on(c, k))
            k++;
        while (k + 1 < e && name_is_word(c, k + 1))
            k++;
        int body = 0;
        for (uint32_t j = i; j <= k; j++)
            body |= tok_in(c, j, WL_GOVERNMENT) | tok_in(c, j, WL_ORGANISATION) | tok_in(c, j, WL_MEDIA);
        if (!body)
            return k;
    }
    return UINT32_MAX;
}

fl_source_type name_source_type(const qctx *c, uint32_t b, uint32_t e, int *anonymous)
{
    int media = 0, gov = 0, org = 0, proper = 0, anon = 0, country = 0;
    for (uint32_t i = b; i < e; i++) {
        if (tok_cap(c, i) && tok_in(c, i, WL_TITLE) && !(i + 1 == e))
            continue; /* "Defense Minister Yoav Gallant", "State Department" */
        if (c->tok[i].kind == FL_TOKEN_DOMAIN || c->tok[i].kind == FL_TOKEN_HANDLE ||
            (tok_in(c, i, WL_MEDIA) && (tok_cap(c, i) || tok_eq(c, i, "newspaper") || tok_eq(c, i, "broadcaster"))))
            media = 1;
        else if (tok_in(c, i, WL_GOVERNMENT))
            gov = 1;
        else if (tok_in(c, i, WL_ORGANISATION))
            org = 1;
        else if (tok_in(c, i, WL_COUNTRY))
            country = 1;
        else if (tok_in(c, i, WL_ANONYMOUS))
            anon = 1;
        else if (name_is_word(c, i) && !(i == b && tok_in(c, i, WL_BOUNDARY)) && c->L->tok_entity[i] != 1 + FL_ENTITY_LOC)
            proper = 1; /* a place ("those staying in northern Gaza") names no person */
    }
    *anonymous = 0;
    /* "A spokesperson for Mr Higgins", "an aide to the minister": the unnamed one speaks */
    uint32_t h = b + (b < e && (tok_eq(c, b, "a") || tok_eq(c, b, "an")));
    if (h > b)
        while (h + 1 < e && h < b + 3 && !tok_in(c, h, WL_ANONYMOUS) && c->tok[h].kind == FL_TOKEN_WORD &&
               !tok_in(c, h, WL_PREPOSITION))
            h++;
    int spokes = e - b >= 2 && (tok_eq(c, e - 1, "spokesman") || tok_eq(c, e - 1, "spokeswoman") ||
                                tok_eq(c, e - 1, "spokesperson")) && !tok_cap(c, e - 1);
    if (spokes || (h > b && h + 1 < e && tok_in(c, h, WL_ANONYMOUS) && (tok_eq(c, h + 1, "for") || tok_eq(c, h + 1, "to")))) {
        /* "The Buckingham Palace spokesman": the spokesman, not the palace */
        *anonymous = 1;
        return FL_SOURCE_ANONYMOUS;
    }
    /* "Muslim Council of Wales' secretary general Dr Abdul-Azim Ahmed", "Supt Tim Morgan of South
     * Wales Police": a titled name is a person */
    if (titled_run(c, b, e) != UINT32_MAX)
        return FL_SOURCE_PERSON;
    if (media)
        return FL_SOURCE_MEDIA;
    if (gov)
        return FL_SOURCE_GOVERNMENT;
    if (org)
        return FL_SOURCE_ORGANISATION;
    if (proper && tok_eq(c, b, "the") && e >= b + 2 && e <= b + 4 && !tok_in(c, b + 1, WL_TITLE)) {
        int person_word = 0; /* "the UN, Gilad Erdan": a person after the comma; "the SNP motion": a thing */
        for (uint32_t i = b + 1; i < e; i++)
            person_word |= !name_is_word(c, i) || c->L->tok_entity[i] == 1 + FL_ENTITY_PER ||
                           tok_in(c, i, WL_TITLE) || wc_person_kind_word(c, i); /* "the Frenchman", "the Obamas" */
        if (!person_word)
            return FL_SOURCE_ORGANISATION; /* "The Met said", "the Jewish Leadership Council": no person takes "the" */
    }
    if (proper)
        return FL_SOURCE_PERSON;
    if (country)
        return FL_SOURCE_GOVERNMENT;
    if (anon) {
        *anonymous = 1;
        return FL_SOURCE_ANONYMOUS;
    }
    return FL_SOURCE_UNKNOWN;
}

/* The fullest form of the person named in [b, e): the longest run of name
 * words in the article that ends with the same surname. */
static uint64_t word_hash(const qctx *c, uint32_t i)
{
    uint64_t h = 1469598103934665603ull;
    for (uint32_t k = c->tok[i].start; k < c->tok[i].end; k++)
        h = (h ^ (unsigned char)c->text[k]) * 1099511628211ull;
    return h;
}

static name_entry *names_slot(const qctx *c, uint32_t i)
{
    fl_quote_layer *L = c->L;
    size_t mask = L->names_cap - 1;
    for (size_t k = (size_t)word_hash(c, i) & mask;; k = (k + 1) & mask) {
        name_entry *e = &L->names[k];
        if (e->tok == UINT32_MAX || name_same_word(c, e->tok, i))
            return e;
    }
}

/* Builds the run table once per article; 0 on out-of-memory. */
static int names_build(const qctx *c)
{
    fl_quote_layer *L = c->L;
    size_t words = 0;
    for (uint32_t i = 0; i < c->ntok; i++)
        words += name_is_word(c, i) ? 1u : 0u;
    size_t cap = 16;
    while (cap < 2 * words + 16)
        cap *= 2;
    if (cap > L->names_cap) {
        name_entry *t = realloc(L->names, cap * sizeof *t);
        if (!t) {
            L->failed = 1;
            return 0;
        }
        L->names = t;
        L->names_cap = cap;
    }
    for (size_t k = 0; k < L->names_cap; k++)
        L->names[k].tok = UINT32_MAX;
    for (uint32_t i = 0; i < c->ntok; i++) {
        if (!name_is_word(c, i))
            continue;
        name_entry *e = names_slot(c, i);
        if (e->tok == UINT32_MAX) {
            memset(e, 0, sizeof *e);
            e->tok = i;
        }
        if (!name_goes_on(c, i) && c->L->tok_entity[i] != 1 + FL_ENTITY_LOC) {
            uint32_t s = name_run_start(c, i);
            if (i + 1 - s > e->end_e - e->end_b) {
                e->end_b = s;
                e->end_e = i + 1;
            }
        }
        if (i == 0 || !name_is_word(c, i - 1) || tok_sentence_of(c, i - 1) != tok_sentence_of(c, i)) {
            uint32_t e2 = i + 1;
            while (e2 < c->ntok && e2 - i < NAME_RUN_MAX && name_is_word(c, e2) && tok_sentence_of(c, e2) == tok_sentence_of(c, i))
                e2++;
            int place = 0; /* "Wadi al-Siq" is a village, not Abed Wadi's full name */
            for (uint32_t k = i; k < e2; k++)
                place |= c->L->tok_entity[k] == 1 + FL_ENTITY_LOC;
            if (e2 - i > e->start_e - e->start_b && !place) {
                e->start_b = i;
                e->start_e = e2;
            }
        }
    }
    L->names_built = 1;
    return 1;
}

static const name_entry *names_find(const qctx *c, uint32_t i)
{
    if (!c->L->names_built && !names_build(c))
        return NULL;
    const name_entry *e = names_slot(c, i);
    return e->tok == UINT32_MAX ? NULL : e;
}

/* An acronym: a word of 2-6 capital letters ("CST", "IDF"). */
int name_is_acronym(const qctx *c, uint32_t i)
{
    const fl_token *t = &c->tok[i];
    size_t n = t->end - t->start;
    if (t->kind != FL_TOKEN_WORD || n < 2 || n > 6)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (c->text[t->start + k] < 'A' || c->text[t->start + k] > 'Z')
            return 0;
    return 1;
}

/* The words before "(" that the acronym at a spells, initial by initial,
 * over lower-case joining words ("Relief and Works"); begin == end if none. */
static void acronym_words(const qctx *c, uint32_t a, uint32_t open, uint32_t *begin, uint32_t *end)
{
    const fl_token *t = &c->tok[a];
    int i = (int)(t->end - t->start) - 1;
    uint32_t k = open;
    *begin = *end = open;
    while (i >= 0 && k > 0) {
        uint32_t w = k - 1;
        if (tok_cap(c, w) && c->tok[w].kind == FL_TOKEN_WORD) {
            if (c->text[c->tok[w].start] != c->text[t->start + i])
                return;
            i--;
        } else if (!(k < open && (tok_eq(c, w, "of") || tok_eq(c, w, "and") || tok_eq(c, w, "for")))) {
            return;
        }
        k--;
    }
    if (i < 0)
        *begin = k;
}

static void acronyms_build(const qctx *c)
{
    fl_quote_layer *L = c->L;
    L->acronym_count = 0;
    L->acronyms_built = 1;
    for (uint32_t i = 1; i + 2 < c->ntok && L->acronym_count < sizeof L->acronyms / sizeof L->acronyms[0]; i++) {
        if (!tok_punct(c, i, '(') || !name_is_acronym(c, i + 1) || !tok_punct(c, i + 2, ')'))
            continue;
        uint32_t b, e;
        acronym_words(c, i + 1, i, &b, &e);
        if (b < e) {
            L->acronyms[L->acronym_count].tok = i + 1;
            L->acronyms[L->acronym_count].begin = b;
            L->acronyms[L->acronym_count].end = e;
            L->acronym_count++;
        }
    }
}

/* Does a run of capitalised words open at i with a word that is capitalised
 * only because it opens the sentence ("By April", "But Aviva", "In
 * Parliament")? Such a run names nothing an acronym spells. */
static int run_opens_with_function_word(const qctx *c, uint32_t i)
{
    const uint32_t function = UINT32_C(1) << WL_PREPOSITION | UINT32_C(1) << WL_DETERMINER |
                              UINT32_C(1) << WL_PRONOUN | UINT32_C(1) << WL_BOUNDARY | UINT32_C(1) << WL_AUX |
                              UINT32_C(1) << WL_CALENDAR;
    return (tok_lists(c, i) & function) || wc_coordinator(c, i) || tok_eq(c, i, "but") || tok_eq(c, i, "and") ||
           tok_eq(c, i, "or") || tok_eq(c, i, "so") || tok_eq(c, i, "yet");
}

/* How far either side of the acronym its spelt-out run is looked for: a
 * whole news article. A scan from the text's start per acronym made a 1 MB
 * text of "BA said" quadratic (60 s); the window keeps it linear. */
enum { ACRONYM_WINDOW = 4000 };

/* "BA said" where the article also writes "British Airways": a run of exactly
 * as many capitalised words as the acronym has letters, initial by initial,
 * that is the run's whole (not "British Airways Holdings"), and no country
 * ("US" stays "US": the article's own short name for a state). The run does
 * not open with a function word ("By April") and is no person the entity
 * layer found ("Bernard Arnault" for BA); a run with an organisation's word
 * or tagged an organisation wins over the first one found. */
static int acronym_spelt_out(const qctx *c, uint32_t a, fl_span *out)
{
    const fl_token *at = &c->tok[a];
    uint32_t n = (uint32_t)(at->end - at->start);
    if (n < 2 || n > 4 || tok_in(c, a, WL_COUNTRY))
        return 0;
    uint32_t from = a > ACRONYM_WINDOW ? a - ACRONYM_WINDOW : 0;
    uint32_t to = c->ntok - a > ACRONYM_WINDOW ? a + ACRONYM_WINDOW : c->ntok;
    uint32_t first = UINT32_MAX;
    for (uint32_t i = from; i + n <= to; i++) {
        if (c->tok[i].kind != FL_TOKEN_WORD || c->text[c->tok[i].start] != c->text[at->start])
            continue; /* no run starts here (the loop below would stop at once): the cheap test first */
        if (i > 0 && tok_cap(c, i - 1) && c->tok[i - 1].kind == FL_TOKEN_WORD &&
            c->sent[tok_sentence_of(c, i - 1)].token_begin != i - 1)
            continue; /* the run must start here, not inside a longer name */
        uint32_t k = 0;
        int person = 0, org = 0;
        while (k < n && c->tok[i + k].kind == FL_TOKEN_WORD && tok_cap(c, i + k) &&
               c->tok[i + k].end - c->tok[i + k].start > 1 && !name_is_acronym(c, i + k) &&
               c->text[c->tok[i + k].start] == c->text[at->start + k] && c->L->tok_quote[i + k] < 0) {
            person |= c->L->tok_entity[i + k] == 1 + FL_ENTITY_PER;
            org |= c->L->tok_entity[i + k] == 1 + FL_ENTITY_ORG || tok_in(c, i + k, WL_ORGANISATION) ||
                   tok_in(c, i + k, WL_GOVERNMENT) || tok_in(c, i + k, WL_MEDIA);
            k++;
        }
        if (k != n || (i + n < c->ntok && tok_cap(c, i + n) && c->tok[i + n].kind == FL_TOKEN_WORD))
            continue; /* ... and end here */
        if (person || run_opens_with_function_word(c, i))
            continue;
        if (org) {
            first = i;
            break;
        }
        if (first == UINT32_MAX)
            first = i;
    }
    if (first == UINT32_MAX)
        return 0;
    *out = tok_span(c, first, first + n);
    return 1;
}

/* "CST" -> "Community Security Trust" when the article defines it. */
static int acronym_expansion(const qctx *c, uint32_t a, fl_span *out)
{
    if (!name_is_acronym(c, a))
        return 0;
    if (!c->L->acronyms_built)
        acronyms_build(c);
    for (uint32_t k = 0; k < c->L->acronym_count; k++)
        if (name_same_word(c, c->L->acronyms[k].tok, a)) {
            *out = tok_span(c, c->L->acronyms[k].begin, c->L->acronyms[k].end);
            return 1;
        }
    return acronym_spelt_out(c, a, out);
}

/* 1 for "Mrs", "Ms", "Miss", 2 for "Mr" at i, else 0. */
static int title_sex(const qctx *c, uint32_t i)
{
    if (tok_eq(c, i, "mrs") || tok_eq(c, i, "ms") || tok_eq(c, i, "miss") || tok_eq(c, i, "mrs.") || tok_eq(c, i, "ms."))
        return 1;
    return tok_eq(c, i, "mr") || tok_eq(c, i, "mr.") ? 2 : 0;
}

/* The sex the words just before a name run mark it with ("His wife, Sharon
 * Burns": 1; "her husband Larry Burns": 2), else 0. */
static int run_marked_sex(const qctx *c, uint32_t rs)
{
    for (uint32_t k = rs; k > 0 && rs - k < 3; k--) {
        uint32_t w = k - 1;
        if (tok_in(c, w, WL_PRONOUN) || !tok_is_wordish(c, w))
            continue;
        if (tok_in(c, w, WL_FEMALE))
            return 1;
        if (tok_in(c, w, WL_MALE))
            return 2;
    }
    return 0;
}

/* "Mrs Burns" in an article with "Larry Burns" and "His wife, Sharon Burns":
 * among the runs that end with the same surname, the one marked for the
 * title's sex, when the run chosen so far is not. Looked for within
 * SAME_SEX_WINDOW tokens either side (a whole news article; a scan of the
 * whole text per title made a 2 MB text of them quadratic). */
enum { SAME_SEX_WINDOW = 4096 };
static void same_sex_run(const qctx *c, uint32_t last, int sex, uint32_t *best_b, uint32_t *best_e)
{
    if (run_marked_sex(c, *best_b) == sex)
        return;
    uint32_t from = last > SAME_SEX_WINDOW ? last - SAME_SEX_WINDOW : 0;
    uint32_t to = c->ntok - last > SAME_SEX_WINDOW ? last + SAME_SEX_WINDOW : c->ntok;
    for (uint32_t k = from; k < to; k++) {
        if (k == last || c->L->tok_quote[k] >= 0 || !name_same_word(c, k, last) || name_goes_on(c, k))
            continue;
        uint32_t rs = name_run_start(c, k);
        if (k > rs && !(tok_in(c, rs, WL_TITLE)) && run_marked_sex(c, rs) == sex) {
            *best_b = rs;
            *best_e = k + 1;
            return;
        }
    }
}

/* Do the words of [b, e) end the run [rb, re)? ("David P Perlmutter" holds
 * "Perlmutter", not "Stuart Perlmutter", his brother.) */
static int run_ends_with(const qctx *c, uint32_t rb, uint32_t re, uint32_t b, uint32_t e)
{
    if (e - b > re - rb)
        return 0;
    for (uint32_t k = 0; k < e - b; k++)
        if (!name_same_word(c, re - 1 - k, e - 1 - k))
            return 0;
    return 1;
}

fl_span name_fullest(const qctx *c, uint32_t b, uint32_t e)
{
    for (uint32_t i = b; i < e; i++)
        if (tok_punct(c, i, ',')) {
            /* "The director general of the Health Ministry, Dr Munir Al-Bursh": a description, then
             * the name in apposition */
            uint32_t n = i + 1;
            while (n < e && tok_in(c, n, WL_TITLE))
                n++;
            uint32_t ne = n;
            while (ne < e && name_is_word(c, ne))
                ne++;
            if (tok_in(c, b, WL_DETERMINER) && ne - n >= 2 && ne == e) {
                b = i + 1;
                break;
            }
            /* "Chris Williamson, ex-Labour MP for Derby North": the name before the comma */
            for (uint32_t k = i; k > b; k--)
                if (name_is_word(c, k - 1)) {
                    e = k;
                    break;
                }
            break;
        }
    if (e - b >= 2 && c->tok[e - 1].kind == FL_TOKEN_WORD && !tok_cap(c, e - 1) && !name_is_word(c, e - 1) &&
        (tok_eq(c, b, "a") || tok_eq(c, b, "an") || tok_eq(c, b, "another") || tok_eq(c, b, "one")))
        return tok_span(c, b, e); /* "Another Thai worker": a description, whose "Thai" is nobody's name */
    uint32_t last = titled_run(c, b, e);
    /* "Malak from East Jerusalem": the last name word that is not a place */
    for (uint32_t i = e; i > b && last == UINT32_MAX; i--)
        if (name_is_word(c, i - 1) && c->L->tok_entity[i - 1] != 1 + FL_ENTITY_LOC) {
            last = i - 1;
            break;
        }
    for (uint32_t i = b; i < e; i++)
        if (tok_eq(c, i, "and"))
            last = UINT32_MAX; /* "Netanyahu and Gallant": the mention is the name */
    if (last == UINT32_MAX) {
        uint32_t s = b;
        if (e - b > 1 && (tok_eq(c, s, "the")))
            s++;
        return tok_span(c, s, e);
    }
    uint32_t own_first = last; /* the mention's own name words, past its titles */
    while (own_first > b && name_is_word(c, own_first - 1))
        own_first--;
    while (own_first < last && c->tok[own_first].end - c->tok[own_first].start <= 3)
        own_first++; /* "Cdr Gordon", "Lt Col ...": a short rank no list knows, not a first name */
    uint32_t best_b = name_run_start(c, last), best_e = last + 1;
    if (best_b < b)
        best_b = b;
    const name_entry *n = names_find(c, last);
    if (n && best_e - best_b == 1 && n->start_e - n->start_b > 1) {
        /* a first name alone ("Neta says"): the longest run it starts */
        best_b = n->start_b;
        best_e = n->start_e;
    }
    if (n && (n->end_e - n->end_b > best_e - best_b ||
              (n->end_e - n->end_b > 1 && n->end_e - n->end_b == best_e - best_b && best_b == n->start_b)) &&
        run_ends_with(c, n->end_b, n->end_e, own_first, last + 1)) {
        /* a word the article also uses as a surname ("Abed Wadi") is that surname, not the
         * start of another run ("Wadi al-Siq") */
        best_b = n->end_b;
        best_e = n->end_e;
    }
    int sex = title_sex(c, b);
    if (sex && best_e - best_b > 1)
        same_sex_run(c, last, sex, &best_b, &best_e);
    fl_span full;
    if (best_e - best_b == 1 && acronym_expansion(c, best_b, &full))
        return full;
    return tok_span(c, best_b, best_e);
}

