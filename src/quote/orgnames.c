/*
 * orgnames.c — organisations and authors named by the article rather than by
 * the words next to a cue: the armed forces for "the army" (the article's
 * "... Defense Forces", if the country agrees), an institution for "the
 * college" or "the university" (the article's "... University"), and the
 * byline a headline names for a first-person narrator.
 * Not for: people's names (names.c) or pronouns (speakers.c).
 */
#include "quote/quote_internal.h"

/* The armed forces the article names ("... Defense Forces", "... Defence
 * Forces", "... Armed Forces"): [begin, end), empty if none. Looked for once
 * per article. */
int org_named_forces(qctx *c, uint32_t *begin, uint32_t *end)
{
    fl_quote_layer *L = c->L;
    if (!L->forces_known) {
        L->forces_known = 1;
        L->forces_begin = L->forces_end = 0;
        for (uint32_t t = 1; t < c->ntok; t++) {
            if (!tok_eq(c, t, "forces") || !tok_cap(c, t) || L->tok_quote[t] >= 0 ||
                !(tok_eq(c, t - 1, "defense") || tok_eq(c, t - 1, "defence") || tok_eq(c, t - 1, "armed")) ||
                !tok_cap(c, t - 1))
                continue;
            uint32_t s = t - 1;
            while (s > 0 && t - s < 4 && tok_cap(c, s - 1) && c->tok[s - 1].kind == FL_TOKEN_WORD &&
                   !tok_in(c, s - 1, WL_DETERMINER))
                s--;
            if (s < t - 1) {
                L->forces_begin = s;
                L->forces_end = t + 1;
                break;
            }
        }
    }
    *begin = L->forces_begin;
    *end = L->forces_end;
    return *end > *begin;
}

/* The author a headline names: "Jeremy Bowen: ..." or "... - Jeremy Bowen"
 * (two to four name words). */
int org_byline_author(const qctx *c, uint32_t *begin, uint32_t *end)
{
    if (!c->npara || !c->nsent)
        return 0;
    uint32_t hb = c->sent[c->para[0].sentence_begin].token_begin;
    uint32_t he = c->sent[c->para[0].sentence_end - 1].token_end;
    uint32_t k = hb;
    while (k < he && k - hb < 4 && name_is_word(c, k))
        k++;
    if (k - hb >= 2 && k < he && tok_punct(c, k, ':')) {
        *begin = hb;
        *end = k;
        return 1;
    }
    k = he;
    while (k > hb && he - k < 4 && name_is_word(c, k - 1))
        k--;
    if (he - k >= 2 && k > hb && c->tok[k - 1].kind == FL_TOKEN_DASH) {
        *begin = k;
        *end = he;
        return 1;
    }
    return 0;
}

/* "the army", "the Israeli military", "Israel's military": the armed forces
 * by description. */
int org_is_military(const qctx *c, uint32_t b, uint32_t e)
{
    if (e - b > 4 || !(tok_eq(c, e - 1, "military") || tok_eq(c, e - 1, "army")) || tok_cap(c, e - 1))
        return 0;
    for (uint32_t i = b; i + 1 < e; i++)
        if (!(tok_in(c, i, WL_DETERMINER) || tok_in(c, i, WL_DEMONYM) || tok_in(c, i, WL_COUNTRY) ||
              c->tok[i].kind == FL_TOKEN_CLITIC))
            return 0;
    return 1;
}

/* Does a country word in [b, e) ("Israeli", "Israel's") name the country
 * the forces' name starts with (first 4 letters alike)? Yes when [b, e) has
 * none ("the army"). */
int org_same_country(const qctx *c, uint32_t b, uint32_t e, uint32_t forces)
{
    for (uint32_t i = b; i < e; i++) {
        if (!tok_cap(c, i) || c->tok[i].kind != FL_TOKEN_WORD)
            continue;
        const fl_token *x = &c->tok[i], *y = &c->tok[forces];
        if (x->end - x->start < 4 || y->end - y->start < 4)
            return 0;
        for (int k = 0; k < 4; k++) {
            char p = c->text[x->start + k], q = c->text[y->start + k];
            if ((p | 32) != (q | 32))
                return 0;
        }
    }
    return 1;
}

/* "the college", "the university", "the school" with no same-word
 * antecedent: the institution the article names last before token b ("George
 * Washington University", "Cardiff University", "King's College"), outside
 * quotes; [begin, end) of its name. */
int org_institution(const qctx *c, uint32_t b, uint32_t e, uint32_t *begin, uint32_t *end)
{
    if (e - b != 2 || !(tok_eq(c, b, "the")) ||
        !(tok_eq(c, e - 1, "college") || tok_eq(c, e - 1, "university") || tok_eq(c, e - 1, "school")))
        return 0;
    for (uint32_t t = b; t > 0 && b - t < 3000; t--) {
        uint32_t i = t - 1;
        if (c->L->tok_quote[i] >= 0 || !tok_cap(c, i) ||
            !(tok_eq(c, i, "university") || tok_eq(c, i, "college") || tok_eq(c, i, "school")))
            continue;
        uint32_t s = i;
        while (s > 0 && i - s < 4 && c->tok[s - 1].kind == FL_TOKEN_WORD && tok_cap(c, s - 1) &&
               !tok_in(c, s - 1, WL_DETERMINER) && tok_sentence_of(c, s - 1) == tok_sentence_of(c, i))
            s--;
        uint32_t f = i + 1; /* "University of Cambridge" */
        if (f + 1 < c->ntok && tok_eq(c, f, "of") && tok_cap(c, f + 1) && c->tok[f + 1].kind == FL_TOKEN_WORD)
            f += 2;
        if (f - s < 2)
            continue; /* "University" alone opening a sentence names nothing */
        *begin = s;
        *end = f;
        return 1;
    }
    return 0;
}
