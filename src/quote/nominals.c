/*
 * nominals.c — nominal mentions for the speaker rules: the noun phrase a
 * word ends, "the official", "the minister", "the force" resolved to the
 * earlier titled name or source they point back to, with the nominal's own
 * office words ("the infrastructure minister") checked against the name's.
 * Not for: pronouns (pronouns.c) or choosing a quote's speaker (speakers.c).
 */
#include <string.h>

#include "quote/quote_internal.h"

/* The noun phrase that ends with token t, walking left over determiners,
 * adjectives and names (at most 5 words). */
uint32_t spk_phrase_start(const qctx *c, uint32_t t)
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
uint32_t spk_name_end(const qctx *c, uint32_t t)
{
    while (t + 1 < c->ntok && tok_cap(c, t + 1) && c->tok[t + 1].kind == FL_TOKEN_WORD && name_is_word(c, t + 1) &&
           c->L->tok_quote[t + 1] == c->L->tok_quote[t])
        t++;
    return t;
}

/* Is [b, e) "the official", "the minister", "the group": a nominal that
 * points back to an earlier mention? */
int spk_is_nominal(const qctx *c, uint32_t b, uint32_t e)
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
int spk_latest_body_source(const qctx *c, uint32_t b, fl_source_type type, fl_speaker *out)
{
    uint32_t sb = tok_sentence_of(c, b), min_s = sb >= LOOKBACK_SENTENCES ? sb - LOOKBACK_SENTENCES : 0;
    for (size_t k = c->L->attrib_count; k > 0; k--) {
        const raw_attr *ra = &c->L->raw_attrs[k - 1];
        const fl_speaker *sp = &c->L->attribs[k - 1].source;
        if (tok_sentence_of(c, ra->cue_begin) < min_s || ra->cue_begin + TEXT_WINDOW < b)
            break;
        if (ra->src_end > b)
            continue;
        if (sp->found && sp->type == type && sp->via != FL_VIA_NOMINAL && !spk_is_nominal(c, ra->src_begin, ra->src_end)) {
            out->name = sp->name;
            out->type = sp->type;
            out->anonymous = sp->anonymous;
            return 1;
        }
    }
    return 0;
}


/* Does each lower-case modifier of the nominal [b, h] that is no title, demonym or
 * adjective of rank ("infrastructure" in "the Israeli infrastructure minister")
 * stand among the few words before the title at t? "Defence Minister Yoav Gallant"
 * is not the infrastructure minister. */
int spk_nominal_modifiers_fit(const qctx *c, uint32_t b, uint32_t h, uint32_t t)
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

int spk_resolve_nominal(const qctx *c, uint32_t b, uint32_t e, fl_speaker *out)
{
    return spk_resolve_nominal_as(c, b, e, 0, out);
}

/* strict: only a titled name with the same modifiers (for a pronoun's antecedent) */
int spk_resolve_nominal_as(const qctx *c, uint32_t b, uint32_t e, int strict, fl_speaker *out)
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
            (!strict || spk_same_modifiers(c, b, h, t)) && (strict || spk_nominal_modifiers_fit(c, b, h, t))) {
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
        uint32_t s = spk_phrase_start(c, t);
        if (strict || s == t || (s + 1 == t && (tok_eq(c, s, "the") || tok_eq(c, s, "this"))) ||
            !spk_nominal_modifiers_fit(c, b, h, t))
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
