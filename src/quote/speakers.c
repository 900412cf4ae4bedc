/*
 * speakers.c — from source words to a speaker: pronouns ("he"), nominals
 * ("the official", "the force") and relative pronouns resolved to an earlier
 * mention, conveyed words ("quoting X's message"); and each quote's speaker:
 * the cue next to it, else the innermost attribution whose content holds it,
 * else the poster of a quoted message, else the previous speaker for a quote
 * paragraph with no cue, else the person the previous narrative paragraph is
 * about. A quote none of these reaches has no speaker (found = 0), and an
 * unresolved pronoun is not a speaker either.
 *
 * Antecedents are searched subject first (leftmost name in the nearest
 * sentence), with sex marks on titles and nouns, and within fixed windows so
 * the cost stays linear on pathological input. Names are spans of the
 * article, so nothing is copied; `entity` is reserved for the entity layer.
 * Not for: finding cues (attrib.c) or what counts as a name (names.c).
 */
#include <string.h>

#include "quote/quote_internal.h"

static int is_nominal(const qctx *c, uint32_t b, uint32_t e);

/* How far (in tokens) the rules look for a cue (TEXT_WINDOW, for antecedents,
 * is in quote_internal.h, shared with authors.c). */
enum { ATTR_WINDOW = 300 };

enum { NOMINAL_MAX = 3, LOOKBACK_SENTENCES = 5 };

/* The noun phrase that ends with token t, walking left over determiners,
 * adjectives and names (at most 5 words). */
static uint32_t phrase_start(const qctx *c, uint32_t t)
{
    uint32_t j = t;
    while (j > 0 && t - j < 5) {
        uint32_t p = j - 1;
        if (!tok_is_wordish(c, p) || c->tok[p].kind == FL_TOKEN_CLITIC || tok_in(c, p, WL_BOUNDARY) ||
            tok_in(c, p, WL_AUX) || tok_in(c, p, WL_ADVERB) || tok_cue(c, p) || c->L->tok_quote[p] >= 0)
            break; /* "However Saudi Arabia": the adverb is not the name's */
        if (tok_eq(c, p, "of") || tok_eq(c, p, "to") || tok_eq(c, p, "in") || tok_eq(c, p, "with") ||
            tok_eq(c, p, "by") || tok_eq(c, p, "for") || tok_eq(c, p, "on") || tok_eq(c, p, "at"))
            break;
        j--;
        if (tok_in(c, p, WL_DETERMINER))
            break;
    }
    return j;
}

/* The last token of the name that token t is in: "Saudi" of "Saudi Arabia". */
static uint32_t name_end(const qctx *c, uint32_t t)
{
    while (t + 1 < c->ntok && tok_cap(c, t + 1) && c->tok[t + 1].kind == FL_TOKEN_WORD && name_is_word(c, t + 1) &&
           c->L->tok_quote[t + 1] == c->L->tok_quote[t])
        t++;
    return t;
}

/* Is [b, e) "the official", "the minister", "the group": a nominal that
 * points back to an earlier mention? */
static int is_nominal(const qctx *c, uint32_t b, uint32_t e)
{
    if (e - b < 2 || e - b > NOMINAL_MAX + 2 || !(tok_eq(c, b, "the") || tok_eq(c, b, "this")))
        return 0;
    /* longer: only titles and modifiers before the head ("the Israeli prime minister",
     * "the deputy assistant commissioner"), no "of" phrase */
    for (uint32_t i = b + 1; e - b > NOMINAL_MAX && i + 1 < e; i++)
        if (!(tok_in(c, i, WL_TITLE) || tok_in(c, i, WL_DEMONYM) ||
              (c->tok[i].kind == FL_TOKEN_WORD && !tok_cap(c, i) && !tok_in(c, i, WL_PREPOSITION))))
            return 0;
    int title_head = tok_in(c, e - 1, WL_TITLE) && !tok_cap(c, e - 1); /* "the Florida governor" */
    for (uint32_t i = b + 1; i < e; i++)
        if ((name_is_word(c, i) || tok_in(c, i, WL_COUNTRY)) && !(title_head && i + 1 < e))
            return 0;
    uint32_t h = e - 1;
    return tok_in(c, h, WL_ANONYMOUS) || tok_in(c, h, WL_TITLE) || tok_in(c, h, WL_GOVERNMENT) ||
           tok_in(c, h, WL_ORGANISATION) || tok_eq(c, h, "country");
}

/* "the force said" after "The Metropolitan Police said": the latest source of
 * the same kind (government or organisation) in the last few sentences. */
static int latest_body_source(const qctx *c, uint32_t b, fl_source_type type, fl_speaker *out)
{
    uint32_t sb = tok_sentence_of(c, b), min_s = sb >= LOOKBACK_SENTENCES ? sb - LOOKBACK_SENTENCES : 0;
    for (size_t k = c->L->attrib_count; k > 0; k--) {
        const raw_attr *ra = &c->L->raw_attrs[k - 1];
        const fl_speaker *sp = &c->L->attribs[k - 1].source;
        if (tok_sentence_of(c, ra->cue_begin) < min_s || ra->cue_begin + TEXT_WINDOW < b)
            break;
        if (ra->src_end > b)
            continue;
        if (sp->found && sp->type == type && sp->via != FL_VIA_NOMINAL && !is_nominal(c, ra->src_begin, ra->src_end)) {
            out->name = sp->name;
            out->type = sp->type;
            out->anonymous = sp->anonymous;
            return 1;
        }
    }
    return 0;
}

static int resolve_nominal_as(const qctx *c, uint32_t b, uint32_t e, int strict, fl_speaker *out);

/* Does each lower-case modifier of the nominal [b, h] that is no title, demonym or
 * adjective of rank ("infrastructure" in "the Israeli infrastructure minister")
 * stand among the few words before the title at t? "Defence Minister Yoav Gallant"
 * is not the infrastructure minister. */
static int nominal_modifiers_fit(const qctx *c, uint32_t b, uint32_t h, uint32_t t)
{
    for (uint32_t i = b + 1; i < h; i++) {
        if (c->tok[i].kind != FL_TOKEN_WORD || tok_cap(c, i) || tok_in(c, i, WL_TITLE) || tok_in(c, i, WL_DEMONYM) ||
            c->tok[i].end - c->tok[i].start < 8 || memchr(c->text + c->tok[i].start, '-', c->tok[i].end - c->tok[i].start))
            continue; /* "top", "senior", "former", "now-independent": words of rank or state say
                       * nothing of the office */
        int seen = 0;
        for (uint32_t k = t > 4 ? t - 4 : 0; k < t && !seen; k++)
            seen = spk_head_matches(c, k, i) && spk_head_matches(c, i, k);
        if (!seen)
            return 0;
    }
    return 1;
}

static int resolve_nominal(const qctx *c, uint32_t b, uint32_t e, fl_speaker *out)
{
    return resolve_nominal_as(c, b, e, 0, out);
}

/* strict: only a titled name with the same modifiers (for a pronoun's antecedent) */
static int resolve_nominal_as(const qctx *c, uint32_t b, uint32_t e, int strict, fl_speaker *out)
{
    uint32_t h = e - 1;
    int country = tok_eq(c, h, "country");
    for (uint32_t i = b; i > 0 && b - i < 3000; i--) {
        uint32_t t = i - 1;
        if (country && c->L->tok_quote[t] < 0 && tok_in(c, t, WL_COUNTRY) && tok_cap(c, t)) {
            out->name = tok_span(c, t, t + 1);
            out->type = FL_SOURCE_GOVERNMENT;
            return 1;
        }
        if (c->L->tok_quote[t] >= 0 || !spk_head_matches(c, t, h))
            continue;
        if (tok_in(c, t, WL_TITLE) && (name_is_word(c, t + 1) || /* "deputy assistant commissioner Laurence Taylor" */
                                       (t + 2 < c->ntok && tok_in(c, t + 1, WL_TITLE) && tok_cap(c, t + 1) &&
                                        name_is_word(c, t + 2))) && /* "Labour leader Sir Keir Starmer" */
            (!strict || spk_same_modifiers(c, b, h, t)) && (strict || nominal_modifiers_fit(c, b, h, t))) {
            uint32_t ne = t + 1;
            while (ne < c->ntok && ne - t <= NAME_RUN_MAX && (name_is_word(c, ne) || tok_in(c, ne, WL_TITLE)))
                ne++;
            out->name = name_fullest(c, t + 1, ne);
            out->type = FL_SOURCE_PERSON;
            out->anonymous = 0;
            return 1;
        }
        uint32_t ab, ae;
        if (!strict && spk_apposition_after(c, t, c->sent[tok_sentence_of(c, t)].token_end, &ab, &ae)) {
            /* "the group said" after "A doctors' group, Physicians for Human Rights Israel, said" */
            spk_fill_direct(c, ab, ae, out);
            return 1;
        }
        uint32_t s = phrase_start(c, t);
        if (strict || s == t || (s + 1 == t && (tok_eq(c, s, "the") || tok_eq(c, s, "this"))) ||
            !nominal_modifiers_fit(c, b, h, t))
            continue; /* "the force" again says no more than the nominal */

        out->name = tok_span(c, s, t + 1);
        out->type = name_source_type(c, s, t + 1, &out->anonymous);
        if (out->type == FL_SOURCE_UNKNOWN) {
            out->type = FL_SOURCE_ANONYMOUS;
            out->anonymous = 1;
        }
        return 1;
    }
    return 0;
}

/* -1 if the name at [b, e) is marked for the other sex than the pronoun at
 * p ("Mr Popovic" for "she"), else 0. The marks are a title before or in
 * the name and the words just before it ("the mother, Amal"). */
int spk_is_person_pronoun(const qctx *c, uint32_t i)
{
    return tok_eq(c, i, "he") || tok_eq(c, i, "she") || tok_eq(c, i, "his") || tok_eq(c, i, "her") ||
           tok_eq(c, i, "him");
}

static int gender_clash(const qctx *c, uint32_t p, uint32_t b, uint32_t e)
{
    int she = tok_eq(c, p, "she") || tok_eq(c, p, "her"), he = tok_eq(c, p, "he") || tok_eq(c, p, "his") ||
                                                                tok_eq(c, p, "him");
    if (!she && !he)
        return 0;
    uint32_t from = b >= 2 ? b - 2 : 0;
    for (uint32_t i = from; i < e; i++) {
        if (she && ((tok_in(c, i, WL_MALE) && !tok_in(c, i, WL_PRONOUN) && c->tok[i].kind != FL_TOKEN_CLITIC) ||
                    wc_hyphen_sex(c, i) == 2))
            return -1;
        if (he && ((tok_in(c, i, WL_FEMALE) && !tok_in(c, i, WL_PRONOUN)) || wc_hyphen_sex(c, i) == 1))
            return -1; /* "his mother-in-law Elizabeth El-Nakla" */
    }
    /* "Elizabeth El-Nakla and her husband Maged": the name is a woman's */
    if (e + 1 < c->ntok && tok_eq(c, e, "and") &&
        ((he && tok_eq(c, e + 1, "her") && tok_in(c, e + 2, WL_MALE)) ||
         (she && tok_eq(c, e + 1, "his") && tok_in(c, e + 2, WL_FEMALE))))
        return -1;
    return 0;
}

/* A person named in the sentences [min_s, sentence of b], nearest sentence
 * first and, within a sentence, the leftmost name first (the subject is the
 * likelier antecedent): a run of two or more name words or a titled name,
 * not after a preposition, not of the other sex. */
static int person_in_text_depth(const qctx *c, uint32_t b, uint32_t min_s, fl_speaker *out, int depth);

static int person_in_text(const qctx *c, uint32_t b, uint32_t min_s, fl_speaker *out)
{
    return person_in_text_depth(c, b, min_s, out, 0);
}

static int person_in_text_depth(const qctx *c, uint32_t b, uint32_t min_s, fl_speaker *out, int depth)
{
    uint32_t sb = tok_sentence_of(c, b);
    for (uint32_t s1 = sb + 1; s1 > min_s; s1--) {
        const fl_sentence *se = &c->sent[s1 - 1];
        uint32_t opening = se->token_begin; /* "In response, the prime minister said": past a short opener */
        for (uint32_t k = opening + 1; s1 - 1 != sb && k < se->token_end && k < opening + 4; k++)
            if (tok_punct(c, k, ',')) {
                if (tok_in(c, opening, WL_PREPOSITION) || tok_in(c, opening, WL_ADVERB))
                    opening = k + 1;
                break;
            }
        if (s1 - 1 != sb && tok_eq(c, opening, "the")) {
            /* "The Labour leader's overall stance ... He said": a sentence opening with a
             * titled nominal is about the person the title named ("Labour leader Sir Keir
             * Starmer") */
            uint32_t f = opening, h = f + 1;
            while (h < se->token_end && h - f <= 3 && !(tok_in(c, h, WL_TITLE) && !tok_cap(c, h)))
                h++;
            uint32_t h0 = h;
            while (h + 1 < se->token_end && h - f < 3 && tok_in(c, h + 1, WL_TITLE) && !tok_cap(c, h + 1))
                h++; /* "the prime minister said" */
            if (h - f <= 3 && h + 1 < se->token_end &&
                (c->tok[h + 1].kind == FL_TOKEN_CLITIC || tok_in(c, h + 1, WL_AUX) ||
                 (tok_cue(c, h + 1) && !tok_cap(c, h + 1))) &&
                is_nominal(c, f, h + 1)) {
                fl_speaker sp;
                memset(&sp, 0, sizeof sp);
                if (resolve_nominal_as(c, f, h + 1, 1, &sp) && sp.type == FL_SOURCE_PERSON && !spk_named_other_sex(c, b, sp.name) &&
                    !gender_clash(c, b, tok_at_byte(c, sp.name.start), tok_at_byte(c, sp.name.end))) {
                    out->name = sp.name;
                    out->type = FL_SOURCE_PERSON;
                    return 1;
                }
                if (h == h0 && opening == se->token_begin)
                    return -1; /* the pronoun's antecedent is that nominal, whose name is not given: say so */
            }
        }
        if (s1 - 1 != sb) {
            /* "... Binyamin Needham, and his sister has been speaking. She says": a person
             * marked for the pronoun's sex in the sentence before wins over unmarked names */
            int she = tok_eq(c, b, "she") || tok_eq(c, b, "her"), he = tok_eq(c, b, "he") || tok_eq(c, b, "him");
            for (uint32_t t = se->token_begin + 1; (she || he) && t < se->token_end; t++) {
                if (c->L->tok_quote[t] < 0 && ((she && tok_eq(c, t, "she")) || (he && tok_eq(c, t, "he"))))
                    break; /* "..., she said ... that her daughter had been": she goes on being she */
                if (c->L->tok_quote[t] < 0 && !tok_cap(c, t) &&
                    (tok_eq(c, t - 1, "his") || tok_eq(c, t - 1, "her") || tok_eq(c, t - 1, "their")) &&
                    !(t >= 2 && ((tok_cue(c, t - 2) && !tok_cap(c, t - 2)) || tok_eq(c, t - 2, "that"))) &&
                    ((she && tok_in(c, t, WL_FEMALE)) || (he && tok_in(c, t, WL_MALE))) &&
                    t + 1 < se->token_end && c->tok[t + 1].kind == FL_TOKEN_WORD &&
                    (tok_in(c, t + 1, WL_AUX) || (tok_cue(c, t + 1) && !tok_cap(c, t + 1)) ||
                     wc_lower_past_form(c, t + 1))) { /* "her mother recorded a video ... she said" */
                    out->name = tok_span(c, t - 1, t + 1);
                    out->type = FL_SOURCE_PERSON;
                    return 1;
                }
            }
        }
        for (uint32_t t = se->token_begin + 1; s1 - 1 != sb && depth < 3 && t + 1 < se->token_end; t++) {
            if (c->L->tok_quote[t] >= 0 || !(tok_eq(c, t, "ask") || tok_eq(c, t, "asked")) ||
                !(tok_eq(c, t - 1, "i") || tok_eq(c, t - 1, "we")))
                continue;
            /* "As Avichai prepares to go to war, I ask him what ... / "...," he says": the one asked
             * answers */
            uint32_t o = t + 1;
            int same = (tok_eq(c, o, "him") && !tok_eq(c, b, "she") && !tok_eq(c, b, "her")) ||
                       (tok_eq(c, o, "her") && !tok_eq(c, b, "he") && !tok_eq(c, b, "his") && !tok_eq(c, b, "him"));
            if (same) {
                uint32_t os = tok_sentence_of(c, o);
                int r = person_in_text_depth(c, o, os >= 3 ? os - 3 : 0, out, depth + 1);
                if (r)
                    return r;
            }
            break;
        }
        fl_span possessor = {0, 0};
        int have_possessor = 0;
        uint32_t end = s1 - 1 == sb ? b : se->token_end;
        uint32_t from = end > se->token_begin + TEXT_WINDOW ? end - TEXT_WINDOW : se->token_begin;
        if (end + 4 * TEXT_WINDOW < b)
            break;
        int followed = 0; /* one subject pronoun followed back per sentence: following every one
                           * multiplied the work at each level (4 KB of "he said he was ..." took 9 s) */
        for (uint32_t t = from; t < end; t++) {
            if (!followed && depth < 3 && s1 - 1 != sb && c->L->tok_quote[t] < 0 &&
                (t == from || (t + 1 < se->token_end && ((tok_cue(c, t + 1) && !tok_cap(c, t + 1)) ||
                                                         tok_in(c, t + 1, WL_AUX)))) &&
                (tok_eq(c, t, "he") || tok_eq(c, t, "she")) && !gender_clash(c, b, t, t + 1) &&
                (tok_eq(c, t, "he") ? !tok_eq(c, b, "she") && !tok_eq(c, b, "her")
                                    : !tok_eq(c, b, "he") && !tok_eq(c, b, "his") && !tok_eq(c, b, "him"))) {
                /* "She was freed alongside another woman, Nurit Cooper": she is still the one before;
                 * "Speaking before Israel said ..., he said he had told Benjamin Netanyahu ...":
                 * the subject pronoun, not the person he told */
                uint32_t ps = tok_sentence_of(c, t);
                followed = 1;
                int r = person_in_text_depth(c, t, ps >= 3 ? ps - 3 : 0, out, depth + 1);
                if (r)
                    return r;
            }
            if (c->L->tok_quote[t] < 0 && t > se->token_begin && tok_eq(c, t, "and") && name_is_word(c, t - 1) &&
                name_is_word(c, t + 1) && !name_goes_on(c, t + 1) && name_run_start(c, t - 1) == t - 1 &&
                !gender_clash(c, b, t - 1, t + 2) && !tok_in(c, t - 1, WL_COUNTRY) && !tok_in(c, t + 1, WL_COUNTRY) &&
                !(t >= 2 && wc_place_preposition(c, t - 2)))
                return -1; /* "Moran and Tova ... She said": either of two people; say so ("from Egypt and
                            * Syria" are no people) */
            uint32_t pb; /* "One of her children recalled ... / "...," he said": one of a group */
            int psex = c->L->tok_quote[t] < 0 ? spk_partitive_person(c, t, &pb) : 0;
            if (psex && pb >= se->token_begin && t + 1 < end &&
                ((tok_cue(c, t + 1) && !tok_cap(c, t + 1)) || tok_in(c, t + 1, WL_AUX) || wc_lower_past_form(c, t + 1)) &&
                (psex == 3 || (psex == 2) == (tok_eq(c, b, "he") || tok_eq(c, b, "his") || tok_eq(c, b, "him")))) {
                out->name = tok_span(c, pb, t + 1);
                out->type = FL_SOURCE_PERSON;
                return 1;
            }
            uint32_t art = t; /* "An IDF spokesman": the article, past up to two modifiers */
            while (art > se->token_begin + 1 && t - art < 2 && c->tok[art - 1].kind == FL_TOKEN_WORD &&
                   (tok_cap(c, art - 1) || tok_in(c, art - 1, WL_DEMONYM)) && !tok_in(c, art - 1, WL_DETERMINER))
                art--;
            if (c->L->tok_quote[t] < 0 && art > se->token_begin && !tok_cap(c, t) &&
                !tok_in(c, t, WL_PRONOUN) && /* "told the BBC he was": "he" is no noun of "the BBC" */
                (tok_eq(c, art - 1, "the") || tok_eq(c, art - 1, "a") || tok_eq(c, art - 1, "an") ||
                 tok_eq(c, art - 1, "another") || tok_eq(c, art - 1, "one")) &&
                ((tok_in(c, t, WL_MALE) && (tok_eq(c, b, "he") || tok_eq(c, b, "his") || tok_eq(c, b, "him"))) ||
                 (tok_in(c, t, WL_FEMALE) && (tok_eq(c, b, "she") || tok_eq(c, b, "her"))) ||
                 (tok_in(c, t, WL_PERSON_NOUN) && art - 1 == se->token_begin) || /* "A friend of ... told" opening a sentence */
                 (tok_in(c, t, WL_PERSON_NOUN) && t + 1 < end && tok_cue(c, t + 1) && !tok_cap(c, t + 1)) || /* "On Friday another resident told" */
                 (tok_in(c, t, WL_ANONYMOUS) && c->text[c->tok[t].end - 1] != 's' && !tok_eq(c, t, "people") &&
                  !(tok_eq(c, t, "spokesman") && (tok_eq(c, b, "she") || tok_eq(c, b, "her"))) &&
                  !(tok_eq(c, t, "spokeswoman") && (tok_eq(c, b, "he") || tok_eq(c, b, "his") || tok_eq(c, b, "him"))))) &&
                !(t + 1 < end && tok_eq(c, t + 1, "and")) && /* "The husband and wife ... have": two people */
                !(art >= 2 && (tok_eq(c, art - 2, "being") || tok_eq(c, art - 2, "as")))) { /* "Being a Jewish man, he" */
                /* "the father of one Tanzanian ... He told the BBC", "An IDF spokesman ... He
                 * alleged": an unnamed person */
                uint32_t nb = 0; /* "a woman identified as Ella", "a resident called Yoni": the name */
                if (t + 2 < end && tok_eq(c, t + 1, "identified") && tok_eq(c, t + 2, "as"))
                    nb = t + 3;
                else if (t + 1 < end && (tok_eq(c, t + 1, "named") || tok_eq(c, t + 1, "called")))
                    nb = t + 2;
                uint32_t ne = nb;
                while (nb && ne < end && ne < nb + NAME_RUN_MAX && name_is_word(c, ne))
                    ne++;
                if (ne > nb) {
                    out->name = name_fullest(c, nb, ne);
                    out->type = FL_SOURCE_PERSON;
                    return 1;
                }
                fl_span named;
                if (spk_lead_named(c, art - 1, t + 1, &named)) {
                    /* "A woman who has relatives in Israel says ...", named in the next sentence */
                    out->name = named;
                    out->type = FL_SOURCE_PERSON;
                    return 1;
                }
                uint32_t ab, ae;
                if (spk_apposition_after(c, t, se->token_end, &ab, &ae)) {
                    /* "A senior spokeswoman for the UN World Food Programme (WFP), Abeer Etefa, told" */
                    out->name = name_fullest(c, ab, ae);
                    out->type = FL_SOURCE_PERSON;
                    return 1;
                }
                uint32_t e2 = t + 1;
                if (e2 + 1 < end && tok_eq(c, e2, "of")) {
                    e2++;
                    while (e2 < end && e2 < t + 6 && tok_is_wordish(c, e2) && !tok_in(c, e2, WL_BOUNDARY) &&
                           !tok_in(c, e2, WL_AUX) && !(tok_cue(c, e2) && !tok_cap(c, e2)))
                        e2++;
                }
                out->name = tok_span(c, art - 1, e2);
                out->type = FL_SOURCE_PERSON;
                return 1;
            }
            if (c->L->tok_quote[t] >= 0 || !name_is_word(c, t) || (t + 1 < end && name_goes_on(c, t)) ||
                (t + 1 < end && (tok_in(c, t + 1, WL_TITLE) || wc_hyphen_title(c, t + 1))))
                continue; /* "Republican Senator Josh Hawley", "Sinn Féin vice-president Michelle O'Neill": the
                           * words before a title modify it */
            uint32_t s = name_run_start(c, t);
            if (s < t && (tok_in(c, s, WL_PREPOSITION) || wc_place_preposition(c, s)))
                continue; /* "During PMQs, ...": a sentence's capitalised preposition starts no name */
            uint32_t pre = s; /* "When questioned by the BBC's Victoria Derbyshire, ...": the agent of a
                               * fronted passive is not the subject the pronoun goes back to */
            while (pre > se->token_begin && s - pre < 4 &&
                   (tok_eq(c, pre - 1, "the") || c->tok[pre - 1].kind == FL_TOKEN_CLITIC ||
                    (tok_cap(c, pre - 1) && c->tok[pre - 1].kind == FL_TOKEN_WORD && !tok_in(c, pre - 1, WL_PREPOSITION))))
                pre--;
            if (pre > se->token_begin && pre < s && tok_eq(c, pre - 1, "by") && pre - 1 > se->token_begin &&
                wc_lower_past_form(c, pre - 2))
                continue;
            int possessive = t + 1 < end && c->tok[t + 1].kind == FL_TOKEN_CLITIC;
            int titled = s > 0 && ((tok_in(c, s - 1, WL_TITLE) && tok_cap(c, s - 1)) ||
                                   tok_in(c, s - 1, WL_PERSON_NOUN) || /* "Fellow student Emily" */
                                   ((tok_in(c, s - 1, WL_FEMALE) || tok_in(c, s - 1, WL_MALE)) && !tok_cap(c, s - 1) &&
                                    !tok_in(c, s - 1, WL_PRONOUN)) || /* "her mother Gill" */
                                   (s >= 2 && tok_punct(c, s - 1, ',') && t + 1 < end && tok_punct(c, t + 1, ',') &&
                                    (tok_in(c, s - 2, WL_FEMALE) || tok_in(c, s - 2, WL_MALE)) && !tok_cap(c, s - 2) &&
                                    !tok_in(c, s - 2, WL_PRONOUN))); /* "Her mother, Ricarda, said" */
            int anon;
            if (t == s && !titled) {
                fl_span full = name_fullest(c, s, t + 1); /* "Shimon", known as "Shimon Portal" */
                uint32_t fb = tok_at_byte(c, full.start), fe = tok_at_byte(c, full.end), fe_ent = c->L->tok_entity[fe - 1];
                int fanon; /* "An Italian couple": "Italian TV" is no person's full name */
                titled = (fe - fb >= 2 && (fe_ent == 0 || fe_ent == 1 + FL_ENTITY_PER) &&
                          name_source_type(c, fb, fe, &fanon) == FL_SOURCE_PERSON) ||
                         (t + 2 < c->ntok && tok_punct(c, t + 1, ',') && c->tok[t + 2].kind == FL_TOKEN_NUMBER &&
                          t > se->token_begin) || /* "cousin Osnat, 54," */
                         (t + 3 < end && tok_punct(c, t + 1, ',') && (tok_eq(c, t + 2, "a") || tok_eq(c, t + 2, "an")) &&
                          c->L->tok_entity[t] == 1 + FL_ENTITY_PER) || /* "quoted Ella, a resident of Kibbutz Be'eri," */
                         (c->L->tok_entity[t] == 1 + FL_ENTITY_PER &&
                          (t == se->token_begin || /* "As Avichai prepares": past an opening conjunction */
                           (t == se->token_begin + 1 && wc_subordinator(c, se->token_begin))) &&
                          t + 1 < end &&
                          (tok_punct(c, t + 1, ',') || tok_cue(c, t + 1) || tok_in(c, t + 1, WL_AUX) ||
                           wc_lower_past_form(c, t + 1) || wc_lower_verb(c, t + 1)));
                /* "Jack, not his real name, said", "Lianne messaged family members", "Bisan smiles
                 * at the camera": a lone first name opening a sentence as its subject */
            }
            if (!(t > s || titled) || name_source_type(c, s, t + 1, &anon) != FL_SOURCE_PERSON || c->L->tok_entity[t] == 1 + FL_ENTITY_LOC ||
                (s > 0 && (wc_place_preposition(c, s - 1) || tok_eq(c, s - 1, "the"))) ||
                (s >= 2 && tok_eq(c, s - 1, "of") && wc_place_noun(c, s - 2)) ||
                (t + 1 < end && wc_named_thing(c, t + 1)) || wc_thing_noun(c, t) || wc_in_indefinite(c, s) ||
                gender_clash(c, b, s, t + 1))
                continue;
            if (possessive) {
                /* "Mr Trump's former vice-president, Mike Pence": the possessor only if nobody else */
                if (!have_possessor) {
                    possessor = name_fullest(c, s, t + 1);
                    have_possessor = 1;
                }
                continue;
            }
            fl_span full = name_fullest(c, s, t + 1);
            if (spk_named_other_sex(c, b, full))
                continue;
            out->name = full;
            out->type = FL_SOURCE_PERSON;
            return 1;
        }
        if (have_possessor) {
            out->name = possessor;
            out->type = FL_SOURCE_PERSON;
            return 1;
        }
    }
    return 0;
}

/* "the journalist in Deir al-Balah, who described ... / "...," he said": a source
 * that is one unnamed person, named by a singular noun for a person
 * ("journalist", "resident", "official"). */
static int unnamed_person(const qctx *c, const fl_speaker *sp)
{
    if ((sp->type != FL_SOURCE_UNKNOWN && sp->type != FL_SOURCE_ANONYMOUS) || sp->name.end <= sp->name.start)
        return 0;
    uint32_t h = tok_at_byte(c, sp->name.end) - 1;
    return c->tok[h].kind == FL_TOKEN_WORD && !tok_cap(c, h) && c->text[c->tok[h].end - 1] != 's' &&
           (tok_in(c, h, WL_PERSON_NOUN) || wc_agent_noun(c, h) ||
            (tok_in(c, h, WL_ANONYMOUS) && !tok_eq(c, h, "people")));
}

/* Pronouns: the nearest earlier attribution source of a fitting kind, else
 * the nearest fitting name in the text of the last few sentences. */
static int resolve_pronoun(const qctx *c, uint32_t b, size_t attr_limit, fl_speaker *out)
{
    int person = spk_is_person_pronoun(c, b);
    int group = tok_eq(c, b, "they") || tok_eq(c, b, "it");
    if (!person && !group)
        return 0;
    uint32_t sb = tok_sentence_of(c, b);
    uint32_t min_s = sb >= LOOKBACK_SENTENCES ? sb - LOOKBACK_SENTENCES : 0;
    const fl_quote_layer *L = c->L;
    if (person) {
        int r = person_in_text(c, b, sb >= 3 ? sb - 3 : 0, out);
        if (r)
            return r > 0; /* ambiguous (-1): unresolved */
    }
    if (group) {
        /* "The government came under fire after they posted": the same sentence first */
        for (uint32_t t = b; t > c->sent[sb].token_begin && b - t < TEXT_WINDOW; t--) {
            uint32_t i = t - 1;
            if (L->tok_quote[i] < 0 && (tok_in(c, i, WL_GOVERNMENT) || tok_in(c, i, WL_ORGANISATION) ||
                                        tok_in(c, i, WL_COUNTRY))) {
                uint32_t s = phrase_start(c, i);
                i = name_end(c, i);
                out->name = tok_span(c, s + (i > s && tok_eq(c, s, "the")), i + 1);
                out->type = name_source_type(c, s, i + 1, &out->anonymous);
                return 1;
            }
        }
    }
    for (size_t k = attr_limit; k > 0; k--) {
        const raw_attr *ra = &L->raw_attrs[k - 1];
        const fl_speaker *sp = &L->attribs[k - 1].source;
        if (tok_sentence_of(c, ra->cue_begin) + 40 < sb || ra->cue_begin + 10 * TEXT_WINDOW < b)
            break; /* far enough */
        if (ra->src_end > b || !sp->found || (!person && tok_sentence_of(c, ra->src_begin) < min_s) ||
            L->tok_quote[ra->src_begin] >= 0)
            continue; /* sources quoted inside a quote are not in the narrative */
        if (person && sp->type == FL_SOURCE_PERSON && sp->name.end > sp->name.start &&
            gender_clash(c, b, tok_at_byte(c, sp->name.start), tok_at_byte(c, sp->name.end)))
            continue;
        if (person && sp->type == FL_SOURCE_PERSON &&
            gender_clash(c, b, tok_at_byte(c, sp->mention.start), tok_at_byte(c, sp->mention.end)))
            continue;
        if (sp->via == FL_VIA_PRONOUN && !(sp->name.start != sp->mention.start))
            continue;
        if (person && sp->type == FL_SOURCE_PERSON && spk_named_other_sex(c, b, sp->name))
            continue;
        int fits = person ? sp->type == FL_SOURCE_PERSON || unnamed_person(c, sp) : sp->type != FL_SOURCE_PERSON;
        if (fits) {
            out->name = sp->name;
            out->type = sp->type;
            out->anonymous = sp->anonymous;
            return 1;
        }
    }
    for (uint32_t i = b; i > c->sent[min_s].token_begin; i--) {
        uint32_t t = i - 1;
        if (b - t > TEXT_WINDOW)
            break;
        if (group && L->tok_quote[t] < 0 &&
            (tok_in(c, t, WL_GOVERNMENT) || tok_in(c, t, WL_ORGANISATION) || tok_in(c, t, WL_COUNTRY) ||
             (tok_in(c, t, WL_MEDIA) && tok_cap(c, t)))) {
            uint32_t s = phrase_start(c, t);
            t = name_end(c, t);
            out->name = tok_span(c, s + (t > s && tok_eq(c, s, "the")), t + 1);
            out->type = name_source_type(c, s, t + 1, &out->anonymous);
            return 1;
        }
    }
    return person && person_in_text(c, b, sb > LOOKBACK_SENTENCES ? sb - LOOKBACK_SENTENCES : 0, out) > 0;
}

static void speaker_from(qctx *c, uint32_t b, uint32_t e, uint32_t cue_b, uint32_t cue_e, size_t attr_limit,
                         fl_speaker *out)
{
    memset(out, 0, sizeof *out);
    out->entity = -1;
    out->cue = tok_span(c, cue_b, cue_e); /* kept when there is no source ("Asked whether ...") */
    if (b >= e)
        return;
    out->found = 1;
    out->mention = tok_span(c, b, e);
    out->via = FL_VIA_CUE;
    uint32_t fb, fe;
    if (org_is_military(c, b, e) && org_named_forces(c, &fb, &fe) && org_same_country(c, b, e, fb)) {
        /* an organisation is named by its name: "the army" -> "Israel Defense Forces" */
        out->name = tok_span(c, fb, fe);
        out->type = FL_SOURCE_GOVERNMENT;
        out->via = FL_VIA_NOMINAL;
        return;
    }
    if (e - b == 1 && tok_eq(c, b, "i") && c->L->tok_quote[b] < 0 && org_byline_author(c, &fb, &fe)) {
        /* the narrator of a first-person piece is its byline: "Rushdi Abualouf: My daughters ..." */
        out->via = FL_VIA_PRONOUN;
        out->name = tok_span(c, fb, fe);
        out->type = FL_SOURCE_PERSON;
        return;
    }
    if (e - b == 1 && tok_in(c, b, WL_PRONOUN)) {
        out->via = FL_VIA_PRONOUN;
        out->name = out->mention;
        if (!resolve_pronoun(c, b, attr_limit, out))
            out->type = FL_SOURCE_UNKNOWN;
        return;
    }
    if (e - b == 1 && b > 0 && (tok_eq(c, b, "who") || tok_eq(c, b, "which") || tok_eq(c, b, "that"))) {
        /* a relative pronoun: the phrase before it ("Barkley, who said") */
        uint32_t t = b - (tok_punct(c, b - 1, ',') ? 1 : 0);
        uint32_t k = t; /* "Stephanie, a 20-year-old Jewish student from Brooklyn who asked": the name */
        while (k > 0 && t - k < 12 && tok_is_wordish(c, k - 1) && c->L->tok_quote[k - 1] < 0 &&
               !(tok_cue(c, k - 1) && !tok_cap(c, k - 1)) && !tok_in(c, k - 1, WL_AUX))
            k--;
        if (k > 1 && k < t && tok_punct(c, k - 1, ',') && (tok_eq(c, k, "a") || tok_eq(c, k, "an")) &&
            name_is_word(c, k - 2)) {
            uint32_t s = name_run_start(c, k - 2);
            spk_fill_direct(c, s, k - 1, out);
            return;
        }
        if (t > 0 && tok_is_wordish(c, t - 1)) {
            uint32_t s = phrase_start(c, t - 1);
            if (s >= 2 && (wc_place_preposition(c, s - 1) || tok_eq(c, s - 1, "from")) && tok_cap(c, s) &&
                c->tok[s - 2].kind == FL_TOKEN_WORD && !tok_cap(c, s - 2) &&
                (tok_in(c, s - 2, WL_PERSON_NOUN) || tok_in(c, s - 2, WL_ANONYMOUS) || wc_agent_noun(c, s - 2))) {
                /* "the journalist in Deir al-Balah, who described": the journalist, not the place */
                uint32_t n = phrase_start(c, s - 2);
                uint32_t m = n >= 2 && tok_punct(c, n - 1, ',') ? n - 2 : UINT32_MAX;
                if (m != UINT32_MAX && m >= 2 && c->tok[m].kind == FL_TOKEN_NUMBER && tok_punct(c, m - 1, ','))
                    m -= 2; /* "Shay, 40, a taxi driver in Jerusalem, who": the name before the description */
                if (m != UINT32_MAX && name_is_word(c, m)) {
                    spk_fill_direct(c, name_run_start(c, m), m + 1, out);
                    return;
                }
                spk_fill_direct(c, n, s - 1, out);
                return;
            }
            spk_fill_direct(c, s, t, out);
            return;
        }
    }
    for (uint32_t i = b; i + 1 < e && i < b + 4; i++)
        if ((tok_in(c, i, WL_MESSAGE) || tok_in(c, i, WL_SPEECH_NOUN)) && (tok_eq(c, i + 1, "by") || tok_eq(c, i + 1, "from")) &&
            i + 2 < e) {
            /* "a statement by Hastings read:": the author speaks */
            speaker_from(c, i + 2, e, cue_b, cue_e, attr_limit, out);
            out->mention = tok_span(c, b, e);
            return;
        }
    if (is_nominal(c, b, e) && resolve_nominal(c, b, e, out)) {
        out->via = FL_VIA_NOMINAL;
        fl_span lead; /* "The MP said" back to "An MP has said", named in the next sentence */
        if (spk_lead_named(c, tok_at_byte(c, out->name.start), tok_at_byte(c, out->name.end), &lead)) {
            out->name = lead;
            out->type = FL_SOURCE_PERSON;
            out->anonymous = 0;
        }
        return;
    }
    if (org_institution(c, b, e, &fb, &fe)) { /* "the college" -> "George Washington University" */
        out->name = tok_span(c, fb, fe);
        out->type = FL_SOURCE_ORGANISATION;
        out->via = FL_VIA_NOMINAL;
        return;
    }
    if (is_nominal(c, b, e) && (tok_in(c, e - 1, WL_GOVERNMENT) || tok_in(c, e - 1, WL_ORGANISATION))) {
        fl_source_type want = tok_in(c, e - 1, WL_GOVERNMENT) ? FL_SOURCE_GOVERNMENT : FL_SOURCE_ORGANISATION;
        if (latest_body_source(c, b, want, out) &&
            org_same_country(c, b + 1, e, tok_at_byte(c, out->name.start))) { /* not "the Lebanese army" for the IDF */
            out->via = FL_VIA_NOMINAL;
            return;
        }
    }
    if (is_nominal(c, b, e) && tok_in(c, e - 1, WL_TITLE) && nominal_modifiers_fit(c, b, e - 1, b)) {
        /* "the now-independent MP" after "former Labour leader Jeremy Corbyn": the person just named */
        uint32_t sb = tok_sentence_of(c, b);
        if (person_in_text(c, b, sb >= 2 ? sb - 2 : 0, out) > 0) {
            out->via = FL_VIA_NOMINAL;
            return;
        }
    }
    if (spk_described_person(c, b, e)) {
        /* "The 74-year-old says", "The Radlett resident ... adds", "the top US diplomat added":
         * a description of the person the sentences before have named (a few: a quote of
         * several sentences may come between) */
        uint32_t sb = tok_sentence_of(c, b);
        if (sb > 0 && person_in_text(c, c->sent[sb].token_begin, sb >= LOOKBACK_SENTENCES ? sb - LOOKBACK_SENTENCES : 0,
                                     out) > 0) {
            out->via = FL_VIA_NOMINAL;
            return;
        }
    }
    fl_span lead;
    if (spk_kin_named(c, b, e, &lead)) { /* "his father" named earlier: "his father Loitu Mollel" */
        out->name = lead;
        out->type = FL_SOURCE_PERSON;
        out->via = FL_VIA_NOMINAL;
        return;
    }
    if (spk_lead_named(c, b, e, &lead)) { /* "An MP has said" in the lead */
        out->name = lead;
        out->type = FL_SOURCE_PERSON;
        out->via = FL_VIA_NOMINAL;
        return;
    }
    spk_fill_direct(c, b, e, out);
}

void fl_speaker_from_tokens(qctx *c, uint32_t begin, uint32_t end, uint32_t cue_begin, uint32_t cue_end,
                            fl_speaker *out)
{
    speaker_from(c, begin, end, cue_begin, cue_end, c->L->attrib_count, out);
}

/* "I asked Yonatan what ...", "I ask him whether ...": the interviewer's question
 * goes to the person after the cue at k (a name, or "him"/"her" resolved),
 * who answers in the quotes that follow. */
static int asked_person(const qctx *c, uint32_t k, size_t attr_limit, fl_speaker *out)
{
    if (k == 0 || k + 1 >= c->ntok || !(tok_eq(c, k, "asked") || tok_eq(c, k, "ask")) ||
        !(tok_eq(c, k - 1, "i") || tok_eq(c, k - 1, "we")) || c->L->tok_quote[k] >= 0)
        return 0;
    memset(out, 0, sizeof *out);
    out->entity = -1;
    uint32_t o = k + 1;
    if (tok_eq(c, o, "him") || tok_eq(c, o, "her")) {
        if (resolve_pronoun(c, o, attr_limit, out) && out->type == FL_SOURCE_PERSON) {
            out->found = 1;
            out->mention = tok_span(c, o, o + 1);
            out->via = FL_VIA_PRONOUN;
            return 1;
        }
        return 0;
    }
    uint32_t e = o;
    while (e < c->ntok && e < o + NAME_RUN_MAX && name_is_word(c, e))
        e++;
    int anon;
    if (e == o || name_source_type(c, o, e, &anon) != FL_SOURCE_PERSON)
        return 0;
    out->found = 1;
    out->name = name_fullest(c, o, e);
    out->mention = tok_span(c, o, e);
    out->type = FL_SOURCE_PERSON;
    out->via = FL_VIA_CONTEXT;
    return 1;
}

/* "his statement continued", "Ms Ward's letter said": a message whose owner
 * the mention names, by a possessive pronoun (resolved) or a possessive name,
 * is its owner's words. */
static int mention_owner(qctx *c, fl_span mention, size_t attr_limit, fl_speaker *out)
{
    uint32_t b = tok_at_byte(c, mention.start), e = tok_at_byte(c, mention.end);
    if (e < b + 2 || e > b + 4 || !tok_in(c, e - 1, WL_MESSAGE))
        return 0;
    fl_speaker sp;
    memset(&sp, 0, sizeof sp);
    sp.entity = -1;
    if (tok_eq(c, b, "his") || tok_eq(c, b, "her")) {
        sp.via = FL_VIA_PRONOUN;
        if (!resolve_pronoun(c, b, attr_limit, &sp) || sp.type != FL_SOURCE_PERSON)
            return 0;
    } else {
        uint32_t k = b;
        while (k < e && name_is_word(c, k))
            k++;
        if (k == b || k + 1 >= e || c->tok[k].kind != FL_TOKEN_CLITIC)
            return 0;
        int anon;
        if (name_source_type(c, b, k, &anon) != FL_SOURCE_PERSON)
            return 0;
        sp.via = FL_VIA_CUE;
        sp.name = name_fullest(c, b, k);
        sp.type = FL_SOURCE_PERSON;
    }
    sp.found = 1;
    sp.mention = mention;
    *out = sp;
    return 1;
}

/* A quote paragraph with no cue after a narrative paragraph about someone
 * ("She couldn't believe what she was seeing." / "“They were standing on a
 * car ...”"): the person that paragraph is about, found from its leftmost
 * person pronoun or person name. */
static int context_speaker(qctx *c, const fl_quote *q, size_t attr_count, fl_speaker *out)
{
    uint32_t open = c->L->raw_parts[q->part_begin].first;
    uint32_t p = c->sent[tok_sentence_of(c, open)].paragraph;
    if (p == 0 || open != c->sent[c->para[p].sentence_begin].token_begin)
        return 0;
    const fl_paragraph *pp = &c->para[p - 1];
    if (pp->sentence_begin >= pp->sentence_end)
        return 0;
    uint32_t tb = c->sent[pp->sentence_begin].token_begin, te = c->sent[pp->sentence_end - 1].token_end;
    for (uint32_t t = tb; t < te; t++)
        if (c->L->tok_quote[t] >= 0)
            return 0;
    for (uint32_t t = tb; t < te; t++) {
        if (spk_is_person_pronoun(c, t)) {
            fl_speaker sp;
            memset(&sp, 0, sizeof sp);
            if (resolve_pronoun(c, t, attr_count, &sp) && sp.type == FL_SOURCE_PERSON) {
                out->name = sp.name;
                out->mention = tok_span(c, t, t + 1);
                out->type = sp.type;
                return 1;
            }
            return 0;
        }
        if (name_is_word(c, t) && !(t + 1 < te && name_goes_on(c, t))) {
            fl_speaker sp;
            memset(&sp, 0, sizeof sp);
            if (person_in_text(c, t + 1, tok_sentence_of(c, t), &sp) > 0) {
                out->name = sp.name;
                out->mention = tok_span(c, name_run_start(c, t), t + 1);
                out->type = sp.type;
                return 1;
            }
        }
    }
    return 0;
}

void fl_speakers_assign(qctx *c)
{
    fl_quote_layer *L = c->L;
    for (size_t k = 0; k < L->attrib_count; k++) {
        const raw_attr *ra = &L->raw_attrs[k];
        fl_attribution *a = &L->attribs[k];
        speaker_from(c, ra->src_begin, ra->src_end, ra->cue_begin, ra->cue_end, k, &a->source);
        if (ra->conv_begin < ra->conv_end) {
            fl_span by = a->source.mention;
            speaker_from(c, ra->conv_begin, ra->conv_end, ra->cue_begin, ra->cue_end, k, &a->source);
            a->source.conveyed_by = by;
            a->source.via = FL_VIA_CONVEYED;
        }
        a->content = tok_span(c, ra->content_begin, ra->content_end);
        a->quote = ra->quote;
    }
    const fl_speaker *last = NULL;
    uint32_t last_para = 0;
    size_t next_attr = 0;
    fl_speaker asked; /* the person an "I asked X ..." question goes to */
    uint32_t asked_sentence = UINT32_MAX;
    for (size_t qi = 0; qi < L->quote_count; qi++) {
        fl_quote *q = &L->quotes[qi];
        memset(&q->speaker, 0, sizeof q->speaker);
        q->speaker.entity = -1;
        uint32_t open = L->raw_parts[q->part_begin].first;
        uint32_t para = c->sent[tok_sentence_of(c, open)].paragraph;
        /* attributions that start before this quote's end can be "last" */
        while (next_attr < L->attrib_count && L->attribs[next_attr].content.start < q->span.start) {
            const fl_attribution *a = &L->attribs[next_attr];
            uint32_t cue_s = tok_sentence_of(c, L->raw_attrs[next_attr].cue_begin);
            if (asked_person(c, L->raw_attrs[next_attr].cue_end - 1, next_attr, &asked)) {
                last = &asked; /* "I asked Yonatan what Vivian would be saying": Yonatan answers */
                last_para = c->sent[cue_s].paragraph;
                asked_sentence = cue_s;
            } else if (a->source.found && a->quote < 0 && a->source.type == FL_SOURCE_PERSON &&
                       cue_s != asked_sentence) {
                last = &a->source;
                last_para = c->sent[cue_s].paragraph;
            }
            next_attr++;
        }
        if (q->kind == FL_QUOTE_SCARE)
            continue;
        /* attributions are in sentence order: look only near the quote */
        uint32_t s_open = tok_sentence_of(c, open);
        uint32_t s_close = tok_sentence_of(c, L->raw_parts[q->part_begin + q->part_count - 1].last);
        uint32_t close = L->raw_parts[q->part_begin + q->part_count - 1].last;
        size_t lo = 0, hi = L->attrib_count;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            const raw_attr *ra = &L->raw_attrs[mid];
            if (tok_sentence_of(c, ra->cue_begin) + 1 < s_open || ra->cue_begin + ATTR_WINDOW < open)
                lo = mid + 1;
            else
                hi = mid;
        }
        size_t end = lo;
        while (end < L->attrib_count && tok_sentence_of(c, L->raw_attrs[end].cue_begin) <= s_close + 1 &&
               L->raw_attrs[end].cue_begin <= close + ATTR_WINDOW)
            end++;
        int32_t best = -1;
        for (size_t k = lo; k < end; k++)
            if (L->attribs[k].quote == (int32_t)qi && L->attribs[k].source.found &&
                (best < 0 || (L->attribs[best].source.type == FL_SOURCE_UNKNOWN &&
                              L->attribs[k].source.type != FL_SOURCE_UNKNOWN)))
                best = (int32_t)k; /* the first cue, unless a later one names somebody and it does not */
        int direct = best >= 0;
        for (size_t k = lo; k < end && !direct; k++) {
            /* the innermost attribution whose content holds the quote; a belief ("Tek said the
             * US believes it is “critical ...”") says no words: the one who reports it does */
            const fl_attribution *a = &L->attribs[k];
            int cf = tok_cue(c, L->raw_attrs[k].cue_end - 1);
            if ((cf & CUE_BELIEF) && !(cf & CUE_SPEECH) && best >= 0)
                continue;
            if (a->source.found && a->content.start <= q->span.start &&
                (a->content.end >= q->span.end || a->content.end > q->span.start) &&
                tok_sentence_of(c, L->raw_attrs[k].cue_begin) == s_open &&
                L->tok_quote[L->raw_attrs[k].cue_begin] != (int32_t)qi &&
                (best < 0 || (a->content.start > L->attribs[best].content.start &&
                              /* "Christian Wakeford said the vigil showed a “...”": a thing that
                               * shows says nothing; the one who reports it does */
                              !(a->source.type == FL_SOURCE_UNKNOWN &&
                                L->attribs[best].source.type != FL_SOURCE_UNKNOWN))))
                best = (int32_t)k;
        }
        for (size_t k = lo; k < end && best < 0 && q->kind == FL_QUOTE_PARTIAL; k++) {
            /* "Describing the march as a “day of solidarity”, the MP said": the sentence's source */
            const fl_attribution *a = &L->attribs[k];
            if (a->source.found && L->tok_quote[L->raw_attrs[k].cue_begin] < 0 &&
                tok_sentence_of(c, L->raw_attrs[k].cue_begin) == s_open)
                best = (int32_t)k;
        }
        uint32_t mw = spk_message_from(c, open);
        if (mw != UINT32_MAX && (best < 0 || L->raw_attrs[best].cue_begin < mw)) {
            /* "two messages from him reading: "I love you"": the messages' author */
            speaker_from(c, mw + 2, mw + 3, mw, mw + 1, next_attr, &q->speaker);
            if (spk_is_person_pronoun(c, mw + 2) && !resolve_pronoun(c, mw + 2, next_attr, &q->speaker))
                q->speaker.found = 0; /* "him" with nobody to be him */
            q->speaker.via = FL_VIA_MESSAGE;
        } else if (best >= 0) {
            q->speaker = L->attribs[best].source;
        } else if ((best = spk_message_poster(c, q, L->attrib_count)) >= 0) {
            q->speaker = L->attribs[best].source;
            q->speaker.via = FL_VIA_MESSAGE;
        } else if (last && q->kind == FL_QUOTE_STATEMENT && para <= last_para + 1 &&
                   open == c->sent[tok_sentence_of(c, open)].token_begin) {
            q->speaker = *last;
            q->speaker.cue.start = q->speaker.cue.end = 0;
            q->speaker.via = FL_VIA_CONTINUATION;
        } else if (q->kind == FL_QUOTE_STATEMENT && context_speaker(c, q, L->attrib_count, &q->speaker)) {
            q->speaker.found = 1;
            q->speaker.via = FL_VIA_CONTEXT;
            q->speaker.entity = -1;
        }
        if (q->speaker.found &&
            (q->speaker.type == FL_SOURCE_UNKNOWN || q->speaker.type == FL_SOURCE_ANONYMOUS ||
             /* "Banners urge ...:": a capitalised object word opening a sentence is no person */
             (q->speaker.type == FL_SOURCE_PERSON && q->speaker.mention.end > q->speaker.mention.start &&
              tok_at_byte(c, q->speaker.mention.end) == tok_at_byte(c, q->speaker.mention.start) + 1 &&
              c->L->tok_entity[tok_at_byte(c, q->speaker.mention.start)] != 1 + FL_ENTITY_PER)) &&
            q->speaker.mention.end > q->speaker.mention.start &&
            (tok_in(c, tok_at_byte(c, q->speaker.mention.end) - 1, WL_MESSAGE) ||
             (q->speaker.name.end > q->speaker.name.start && /* "T-shirts that read:" */
              tok_in(c, tok_at_byte(c, q->speaker.name.end) - 1, WL_MESSAGE)))) {
            /* "the text said": words without a speaker unless someone posted them */
            int32_t poster = spk_message_poster(c, q, L->attrib_count);
            fl_span cue = q->speaker.cue, mention = q->speaker.mention;
            memset(&q->speaker, 0, sizeof q->speaker);
            q->speaker.entity = -1;
            q->speaker.cue = cue;
            uint32_t mb = tok_at_byte(c, cue.start) > 1 ? tok_at_byte(c, cue.start) - 2 : 0;
            if (poster < 0 && (tok_eq(c, mb, "the") || tok_eq(c, mb, "its")) && tok_eq(c, mb + 1, "statement"))
                poster = spk_statement_author(c, q, L->attrib_count);
            if (poster >= 0) {
                q->speaker = L->attribs[poster].source;
                q->speaker.via = FL_VIA_MESSAGE;
            } else if (mention_owner(c, mention, next_attr, &q->speaker)) {
                q->speaker.cue = cue;
            }
        }
        if (q->speaker.found && q->speaker.via == FL_VIA_PRONOUN && q->speaker.type == FL_SOURCE_UNKNOWN &&
            q->speaker.name.start == q->speaker.mention.start && q->speaker.name.end == q->speaker.mention.end) {
            /* "she said" with nobody to be "she": the speaker is not found */
            fl_span cue = q->speaker.cue;
            memset(&q->speaker, 0, sizeof q->speaker);
            q->speaker.entity = -1;
            q->speaker.cue = cue;
        }
        if (q->speaker.found && q->kind == FL_QUOTE_PARTIAL) {
            /* "Dorgham says rhetoric - like Graham suggesting that Israel "level the place" -
             * makes him feel hopeless." / "It feels to me ...": the next quote goes on with the
             * outer reporter, not with the one he reports */
            const fl_speaker *outer = NULL;
            for (size_t k = lo; k < end && !outer; k++) {
                const fl_attribution *a = &L->attribs[k];
                if (!a->source.found || a->quote >= 0 || a->content.start > q->span.start || a->content.end < q->span.end ||
                    tok_sentence_of(c, L->raw_attrs[k].cue_begin) != s_open || a->source.name.start == q->speaker.name.start)
                    continue;
                if ((a->source.type == FL_SOURCE_PERSON && L->raw_attrs[k].cue_begin < open &&
                     q->speaker.cue.start > a->content.start) ||
                    /* "X said they hold "...", according to a spokesperson": the spokesperson tells it */
                    (tok_eq(c, L->raw_attrs[k].cue_begin, "according") && L->raw_attrs[k].cue_begin > close))
                    outer = &a->source;
            }
            if (outer) {
                last = outer;
                last_para = c->sent[s_open].paragraph;
                continue;
            }
        }
        if (q->speaker.found) {
            last = &q->speaker;
            last_para = c->sent[tok_sentence_of(c, L->raw_parts[q->part_begin + q->part_count - 1].last)].paragraph;
        }
    }
    fl_headline_speakers(c);
}
