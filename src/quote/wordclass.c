/*
 * wordclass.c — what single words say about a mention, for the speaker rules
 * (speakers.c, mentions.c, pronouns.c, names.c): a hyphenated word's sex or
 * title ("mother-in-law", "vice-president"), a place noun or preposition, a
 * named thing ("programme") or a thing an organisation owns ("FA Cup"), a
 * verb form after a subject and a verb of speech whose subject speaks
 * ("recalled how", not "shouted abuse"), a noun for a person by its ending
 * ("footballer"), a person-kind word after "the" ("the Frenchman", "the
 * Obamas"), a conjunction or a party member's noun, a capitalised run inside
 * an indefinite noun phrase. Each answers from the token and its neighbours
 * (a plural surname, from the 400 tokens before); no state. The short lists live next to their rule and are looked up
 * through one helper (wc_in).
 * Not for: the shared word lists (cues.c) or names (names.c).
 */
#include <string.h>

#include "quote/quote_internal.h"

/* Is token i one of words[0..n) (lower case; ASCII case aside)? The lists
 * of this file are a few words each: a scan is as quick as a probe and keeps
 * each list next to the rule it serves. */
static int wc_in(const qctx *c, uint32_t i, const char *const *words, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (tok_eq(c, i, words[k]))
            return 1;
    return 0;
}
#define WC_IN(c, i, words) wc_in((c), (i), (words), sizeof(words) / sizeof((words)[0]))

/* "mother-in-law": 1 when the word's first part marks a woman, 2 a man, else 0. */
int wc_hyphen_sex(const qctx *c, uint32_t i)
{
    const fl_token *t = &c->tok[i];
    if (t->kind != FL_TOKEN_WORD || tok_cap(c, i))
        return 0;
    const char *w = c->text + t->start;
    const char *h = memchr(w, '-', t->end - t->start);
    if (!h || h == w)
        return 0;
    size_t n = (size_t)(h - w);
    return fl_word_in(WL_FEMALE, w, n) ? 1 : fl_word_in(WL_MALE, w, n) ? 2 : 0;
}

/* "the city of Deir al-Balah": a name after "of" and one of these is a place. */
int wc_place_noun(const qctx *c, uint32_t i)
{
    static const char *const words[] = {"area", "camp", "city", "district", "region", "province", "town", "village"};
    return WC_IN(c, i, words);
}

/* "the Good Morning Scotland programme", "BBC Radio 4's Today Programme": a
 * name before one of these, or ending with one, names the thing, not a
 * person. */
int wc_thing_noun(const qctx *c, uint32_t i)
{
    static const char *const words[] = {"broadcast", "channel", "festival", "newspaper", "podcast", "programme",
                                        "show"};
    return WC_IN(c, i, words);
}

int wc_named_thing(const qctx *c, uint32_t i)
{
    return !tok_cap(c, i) && wc_thing_noun(c, i);
}

/* "vice-president", "ex-minister": a lower-case word whose last part is a title. */
int wc_hyphen_title(const qctx *c, uint32_t i)
{
    const fl_token *t = &c->tok[i];
    if (t->kind != FL_TOKEN_WORD || tok_cap(c, i))
        return 0;
    const char *w = c->text + t->start;
    size_t n = t->end - t->start, k = n;
    while (k > 0 && w[k - 1] != '-')
        k--;
    return k > 0 && k < n && fl_word_in(WL_TITLE, w + k, n - k);
}

/* "a north London Jewish secondary school": a run of capitalised words inside
 * an indefinite noun phrase modifies its noun; it is nobody's name. */
int wc_in_indefinite(const qctx *c, uint32_t s)
{
    uint32_t k = s;
    if (k > 0 && c->tok[k - 1].kind == FL_TOKEN_WORD && !tok_cap(c, k - 1) && !tok_in(c, k - 1, WL_DETERMINER))
        k--; /* "north" */
    return k > 0 && (tok_eq(c, k - 1, "a") || tok_eq(c, k - 1, "an"));
}

/* "messaged", "recorded": a lower-case past form, the verb after a subject. */
int wc_lower_past_form(const qctx *c, uint32_t i)
{
    const fl_token *t = &c->tok[i];
    return t->kind == FL_TOKEN_WORD && !tok_cap(c, i) && t->end - t->start > 3 && c->text[t->end - 2] == 'e' &&
           c->text[t->end - 1] == 'd';
}

/* "smiles", "left": a lower-case word that can be the verb after a subject
 * (not a preposition, determiner, conjunction or adverb). */
int wc_lower_verb(const qctx *c, uint32_t i)
{
    return c->tok[i].kind == FL_TOKEN_WORD && !tok_cap(c, i) && !tok_in(c, i, WL_PREPOSITION) &&
           !tok_in(c, i, WL_DETERMINER) && !tok_in(c, i, WL_BOUNDARY) && !tok_in(c, i, WL_ADVERB) &&
           !tok_in(c, i, WL_PRONOUN) && !tok_in(c, i, WL_NAME_PARTICLE);
}

/* "on Yom Kippur", "in Gaza City": a name after these is a place or a time. */
int wc_place_preposition(const qctx *c, uint32_t i)
{
    static const char *const words[] = {"in", "on", "at", "into", "to", "near", "during", "across", "over",
                                        "under", "after", "before", "since", "until"};
    return WC_IN(c, i, words);
}

/* "footballer", "director", "journalist", "politician", "resident": a noun
 * for a person by what they do, from its ending; not an institution, a
 * document or a thing with the same ending, nor a title or a kinship noun
 * ("the minister", "the father": the nominal rules and the article's own
 * words decide those). */
int wc_agent_noun(const qctx *c, uint32_t i)
{
    static const char *const ends[] = {"er", "or", "ist", "ian", "ant", "ent"};
    static const char *const things[] = {"agreement", "border", "chapter", "content", "department", "document",
                                         "event", "government", "letter", "management", "matter", "moment",
                                         "movement", "number", "order", "paper", "parliament", "quarter",
                                         "register", "report", "statement", "water",
                                         /* firms and bodies named by what they do ("The regulator said") */
                                         "broadcaster", "carrier", "developer", "distributor", "exporter",
                                         "importer", "insurer", "lender", "manufacturer", "operator", "processor",
                                         "producer", "provider", "publisher", "regulator", "restaurant", "retailer",
                                         "supplier", "wholesaler"};
    const fl_token *t = &c->tok[i];
    size_t n = t->end - t->start;
    if (t->kind != FL_TOKEN_WORD || n < 6 || tok_in(c, i, WL_TITLE) || tok_in(c, i, WL_MALE) ||
        tok_in(c, i, WL_FEMALE) || tok_in(c, i, WL_ORGANISATION) || tok_in(c, i, WL_GOVERNMENT) ||
        tok_in(c, i, WL_MEDIA) || tok_in(c, i, WL_MESSAGE) || tok_in(c, i, WL_SPEECH_NOUN) || tok_cue(c, i))
        return 0;
    if (WC_IN(c, i, things))
        return 0;
    for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
        size_t m = strlen(ends[k]);
        if (!memcmp(c->text + t->end - m, ends[k], m))
            return 1;
    }
    return 0;
}

/* "Neither Yonatan nor his brother", "Both Mr Blinken and ...": a word that
 * opens a coordination, capitalised at a sentence's start, is no name word. */
int wc_coordinator(const qctx *c, uint32_t i)
{
    static const char *const words[] = {"both", "either", "neither", "nor"};
    return WC_IN(c, i, words);
}

/* "As Avichai prepares ...", "When Ido returns ...": a conjunction that opens a
 * clause whose subject comes next. */
int wc_subordinator(const qctx *c, uint32_t i)
{
    static const char *const words[] = {"after", "although", "as", "because", "before", "if", "since", "when", "while"};
    return WC_IN(c, i, words);
}

/* "the Texas Republican", "the veteran Tory": a party member's noun, which
 * describes a person as a demonym does ("the 30-year-old Palestinian American"). */
int wc_party_member(const qctx *c, uint32_t i)
{
    static const char *const words[] = {"conservative", "democrat", "republican", "tory"};
    return WC_IN(c, i, words);
}


/* "recalled how", "told the BBC", "said:": a verb of speech whose object is
 * what was said or to whom, so its subject is a speaker. "shouted abuse",
 * "was killed", "had flown" say nothing of who speaks next. */
int wc_speech_cue(const qctx *c, uint32_t i)
{
    static const char *const next_words[] = {"how",      "that", "the",  "what", "when", "whether", "why",
                                              "to",       "me",   "us",   "him",  "her",  "them",    "reporters",
                                              "journalists"};
    if (i >= c->ntok || tok_cap(c, i) || !(tok_cue(c, i) & CUE_SPEECH))
        return 0;
    if (i + 1 >= c->ntok || c->tok[i + 1].kind != FL_TOKEN_WORD || tok_cap(c, i + 1))
        return 1; /* a comma, a colon, a quote or a name ("told BBC News") */
    return WC_IN(c, i + 1, next_words);
}

/* "the Frenchman", "the Briton", "the Republican", "the Obamas": a
 * capitalised word after "the" that is a person or a family, never an
 * organisation's name. A demonym or party member noun, a "-man"/"-woman"
 * noun, or a plural of a name the article gives nearby ("Barack and Michelle
 * Obama ... the Obamas"). The demonym nouns here are those WL_DEMONYM (the
 * adjectives "British", "French") does not hold. */
int wc_person_kind_word(const qctx *c, uint32_t i)
{
    static const char *const nouns[] = {"basque", "brit",  "briton", "catalan", "croat", "dane", "finn",
                                        "kurd",   "pole",  "scot",   "serb",    "swede", "turk", "yankee"};
    const fl_token *t = &c->tok[i];
    if (t->kind != FL_TOKEN_WORD || !tok_cap(c, i))
        return 0;
    size_t n = t->end - t->start;
    const char *w = c->text + t->start;
    if (tok_in(c, i, WL_DEMONYM) || wc_party_member(c, i))
        return 1;
    if (WC_IN(c, i, nouns))
        return 1;
    if (n > 5 && (!memcmp(w + n - 3, "man", 3) || !memcmp(w + n - 3, "men", 3)))
        return 1; /* "Frenchman", "Dutchwomen" */
    if (n > 3 && w[n - 1] == 's') {
        /* "the Obamas", "the Joneses": the plural of a name written within the last few sentences */
        size_t stem = w[n - 2] == 'e' && n > 4 && w[n - 3] == 's' ? n - 2 : n - 1;
        uint32_t from = i > 400 ? i - 400 : 0;
        for (uint32_t k = from; k < i; k++) {
            const fl_token *o = &c->tok[k];
            if (o->kind == FL_TOKEN_WORD && o->end - o->start == stem && !memcmp(c->text + o->start, w, stem) &&
                k > 0 && name_is_word(c, k - 1) && !name_is_word(c, k + 1) && !tok_in(c, k - 1, WL_DEMONYM))
                return 1; /* a surname ending a person's name ("Michelle Obama"), not "Houthi rebels" */
        }
    }
    return 0;
}

/* "FA Cup", "Treasury Committee", "Labour Party conference": a word that,
 * after an organisation's name, makes the run a thing or a body the
 * organisation has or holds, not a fuller form of its name. */
int wc_owned_thing(const qctx *c, uint32_t i)
{
    static const char *const words[] = {"act",        "award",  "bill",    "championship", "committee", "conference",
                                        "cup",        "final",  "ground",  "inquiry",      "league",    "prize",
                                        "report",     "review", "stadium", "trophy"};
    return WC_IN(c, i, words);
}
