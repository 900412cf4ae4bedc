/*
 * pronouns.c — a pronoun's antecedent for the speaker rules: the person named
 * in the nearest sentences (subject first, with sex marks on titles and
 * nouns, an interviewer's "I ask him", "One of her children"), else the
 * nearest earlier attribution source of a fitting kind. Searched within fixed
 * windows so the cost stays linear on pathological input.
 * Not for: nominals (nominals.c) or choosing a quote's speaker (speakers.c).
 */
#include <string.h>

#include "quote/quote_internal.h"

int spk_is_person_pronoun(const qctx *c, uint32_t i)
{
    return tok_eq(c, i, "he") || tok_eq(c, i, "she") || tok_eq(c, i, "his") || tok_eq(c, i, "her") ||
           tok_eq(c, i, "him");
}

/* -1 if the name at [b, e) is marked for the other sex than the pronoun at
 * p ("Mr Popovic" for "she"), else 0. The marks are a title before or in
 * the name and the words just before it ("the mother, Amal"). */
int spk_gender_clash(const qctx *c, uint32_t p, uint32_t b, uint32_t e)
{
    int she = tok_eq(c, p, "she") || tok_eq(c, p, "her"), he = tok_eq(c, p, "he") || tok_eq(c, p, "his") ||
                                                                tok_eq(c, p, "him");
    if (!she && !he)
        return 0;
    uint32_t from = b >= 2 ? b - 2 : 0;
    for (uint32_t i = from; i < e; i++) {
        if ((tok_eq(c, i, "his") || tok_eq(c, i, "her")) && i + 1 < e &&
            (tok_in(c, i + 1, WL_FEMALE) || tok_in(c, i + 1, WL_MALE)) &&
            (i == 0 || tok_punct(c, i - 1, ',') || c->sent[tok_sentence_of(c, i)].token_begin == i))
            continue; /* "When Ido returns, his wife Rachel Frommer": the possessor is someone else and
                       * "wife" says her sex; not "Elizabeth El-Nakla and her husband Maged", whose
                       * possessor is the name before */
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

static int spk_person_in_text_depth(const qctx *c, uint32_t b, uint32_t min_s, fl_speaker *out, int depth);

/* Is a name in [from, end) marked for the sex of the pronoun at b by the
 * word before it ("his wife Rachel Frommer" for "she")? */
static int sex_marked_name_after(const qctx *c, uint32_t from, uint32_t end, uint32_t b)
{
    int she = tok_eq(c, b, "she") || tok_eq(c, b, "her");
    int he = tok_eq(c, b, "he") || tok_eq(c, b, "him") || tok_eq(c, b, "his");
    for (uint32_t k = from + 1; (she || he) && k < end; k++)
        if (name_is_word(c, k) && !tok_cap(c, k - 1) && !tok_in(c, k - 1, WL_PRONOUN) &&
            (she ? tok_in(c, k - 1, WL_FEMALE) : tok_in(c, k - 1, WL_MALE)))
            return 1;
    return 0;
}

int spk_person_in_text(const qctx *c, uint32_t b, uint32_t min_s, fl_speaker *out)
{
    return spk_person_in_text_depth(c, b, min_s, out, 0);
}

/* Step 1, for a sentence before the pronoun's: "In response, the prime minister said", "The
 * Labour leader's overall stance ... He said": a sentence opening (past a short opener) with a
 * titled nominal is about the person the title named ("Labour leader Sir Keir Starmer"). 1 and
 * *out set, -1 when that nominal's name is not given, else 0. */
static int opening_titled_nominal(const qctx *c, const fl_sentence *se, uint32_t b, fl_speaker *out)
{
    uint32_t opening = se->token_begin;
    for (uint32_t k = opening + 1; k < se->token_end && k < opening + 4; k++)
        if (tok_punct(c, k, ',')) {
            if (tok_in(c, opening, WL_PREPOSITION) || tok_in(c, opening, WL_ADVERB))
                opening = k + 1;
            break;
        }
    if (tok_eq(c, opening, "the")) {
        uint32_t f = opening, h = f + 1;
        while (h < se->token_end && h - f <= 3 && !(tok_in(c, h, WL_TITLE) && !tok_cap(c, h)))
            h++;
        uint32_t h0 = h;
        while (h + 1 < se->token_end && h - f < 3 && tok_in(c, h + 1, WL_TITLE) && !tok_cap(c, h + 1))
            h++; /* "the prime minister said" */
        if (h - f <= 3 && h + 1 < se->token_end &&
            (c->tok[h + 1].kind == FL_TOKEN_CLITIC || tok_in(c, h + 1, WL_AUX) ||
             (tok_cue(c, h + 1) && !tok_cap(c, h + 1))) &&
            spk_is_nominal(c, f, h + 1)) {
            fl_speaker sp;
            memset(&sp, 0, sizeof sp);
            if (spk_resolve_nominal_as(c, f, h + 1, 1, &sp) && sp.type == FL_SOURCE_PERSON && !spk_named_other_sex(c, b, sp.name) &&
                !spk_gender_clash(c, b, tok_at_byte(c, sp.name.start), tok_at_byte(c, sp.name.end))) {
                out->name = sp.name;
                out->type = FL_SOURCE_PERSON;
                return 1;
            }
            if (h == h0 && opening == se->token_begin)
                return -1; /* the pronoun's antecedent is that nominal, whose name is not given: say so */
        }
    }
    return 0;
}

/* Step 2: "... Binyamin Needham, and his sister has been speaking. She says": a person marked for
 * the pronoun's sex in the sentence before wins over unmarked names. */
static int sex_marked_relative(const qctx *c, const fl_sentence *se, uint32_t b, fl_speaker *out)
{
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
    return 0;
}

/* Step 3: "I ask him ...", "I asked Yonatan ...": the one asked answers. */
static int asked_in_sentence(const qctx *c, const fl_sentence *se, uint32_t b, fl_speaker *out, int depth)
{
    for (uint32_t t = se->token_begin + 1; t + 1 < se->token_end; t++) {
        uint32_t o = spk_asked_object(c, t), ae;
        if (!o)
            continue;
        /* "As Avichai prepares to go to war, I ask him what ... / "...," he says": the one asked
         * answers; "I asked Yonatan what Vivian would be saying": Yonatan, not Vivian */
        if (spk_asked_name(c, o, &ae) && !spk_gender_clash(c, b, o, ae)) {
            fl_span full = name_fullest(c, o, ae);
            if (!spk_named_other_sex(c, b, full)) {
                out->name = full;
                out->type = FL_SOURCE_PERSON;
                return 1;
            }
        }
        int same = (tok_eq(c, o, "him") && !tok_eq(c, b, "she") && !tok_eq(c, b, "her")) ||
                   (tok_eq(c, o, "her") && !tok_eq(c, b, "he") && !tok_eq(c, b, "his") && !tok_eq(c, b, "him"));
        if (same) {
            uint32_t os = tok_sentence_of(c, o);
            int r = spk_person_in_text_depth(c, o, os >= 3 ? os - 3 : 0, out, depth + 1);
            if (r)
                return r;
        }
        break;
    }
    return 0;
}

/* Step 4a, at token t of the sentence (up to end): an unnamed person by a noun ("An IDF
 * spokesman ... He alleged", "a woman identified as Ella"). 1 and *out set, else 0. */
static int unnamed_person_at(const qctx *c, const fl_sentence *se, uint32_t t, uint32_t end, uint32_t b,
                             fl_speaker *out)
{
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
    return 0;
}

/* Step 4b, at token t: a person named there, not after a preposition, not of the other sex. 1
 * and *out set; a possessive name ("Mr Trump's former vice-president") is kept in *possessor
 * for when nobody else is found; else 0. */
static int named_person_at(const qctx *c, const fl_sentence *se, uint32_t t, uint32_t end, uint32_t b,
                           fl_span *possessor, int *have_possessor, fl_speaker *out)
{
    if (c->L->tok_quote[t] >= 0 || !name_is_word(c, t) || (t + 1 < end && name_goes_on(c, t)) ||
        (t + 1 < end && (tok_in(c, t + 1, WL_TITLE) || wc_hyphen_title(c, t + 1))))
        return 0; /* "Republican Senator Josh Hawley", "Sinn Féin vice-president Michelle O'Neill": the
                   * words before a title modify it */
    uint32_t s = name_run_start(c, t);
    if (s < t && (tok_in(c, s, WL_PREPOSITION) || wc_place_preposition(c, s)))
        return 0; /* "During PMQs, ...": a sentence's capitalised preposition starts no name */
    uint32_t pre = s; /* "When questioned by the BBC's Victoria Derbyshire, ...": the agent of a
                       * fronted passive is not the subject the pronoun goes back to */
    while (pre > se->token_begin && s - pre < 4 &&
           (tok_eq(c, pre - 1, "the") || c->tok[pre - 1].kind == FL_TOKEN_CLITIC ||
            (tok_cap(c, pre - 1) && c->tok[pre - 1].kind == FL_TOKEN_WORD && !tok_in(c, pre - 1, WL_PREPOSITION))))
        pre--;
    if (pre > se->token_begin && pre < s && tok_eq(c, pre - 1, "by") && pre - 1 > se->token_begin &&
        wc_lower_past_form(c, pre - 2))
        return 0;
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
    if (t == s && t == se->token_begin + 1 && wc_subordinator(c, se->token_begin) &&
        sex_marked_name_after(c, t + 1, end, b))
        return 0; /* "When Ido returns, his wife Rachel Frommer will be waiting ... she said" */
    if (!(t > s || titled) || name_source_type(c, s, t + 1, &anon) != FL_SOURCE_PERSON || c->L->tok_entity[t] == 1 + FL_ENTITY_LOC ||
        (s > 0 && (wc_place_preposition(c, s - 1) || tok_eq(c, s - 1, "the"))) ||
        (s >= 2 && tok_eq(c, s - 1, "of") && wc_place_noun(c, s - 2)) ||
        (t + 1 < end && wc_named_thing(c, t + 1)) || wc_thing_noun(c, t) || wc_in_indefinite(c, s) ||
        spk_gender_clash(c, b, s, t + 1))
        return 0;
    if (possessive) {
        /* "Mr Trump's former vice-president, Mike Pence": the possessor only if nobody else */
        if (!*have_possessor) {
            *possessor = name_fullest(c, s, t + 1);
            *have_possessor = 1;
        }
        return 0;
    }
    fl_span full = name_fullest(c, s, t + 1);
    if (spk_named_other_sex(c, b, full))
        return 0;
    out->name = full;
    out->type = FL_SOURCE_PERSON;
    return 1;
}

static int spk_person_in_text_depth(const qctx *c, uint32_t b, uint32_t min_s, fl_speaker *out, int depth)
{
    uint32_t sb = tok_sentence_of(c, b);
    for (uint32_t s1 = sb + 1; s1 > min_s; s1--) {
        const fl_sentence *se = &c->sent[s1 - 1];
        if (s1 - 1 != sb) {
            int r = opening_titled_nominal(c, se, b, out);
            if (r)
                return r;
            if (sex_marked_relative(c, se, b, out))
                return 1;
            if (depth < 3 && (r = asked_in_sentence(c, se, b, out, depth)) != 0)
                return r;
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
            if (!followed && depth < 3 && s1 - 1 != sb && c->L->tok_quote[t] < 0 && !spk_in_opening_participle(c, se, t) &&
                (t == from || (t + 1 < se->token_end && ((tok_cue(c, t + 1) && !tok_cap(c, t + 1)) ||
                                                         tok_in(c, t + 1, WL_AUX)))) &&
                (tok_eq(c, t, "he") || tok_eq(c, t, "she")) && !spk_gender_clash(c, b, t, t + 1) &&
                (tok_eq(c, t, "he") ? !tok_eq(c, b, "she") && !tok_eq(c, b, "her")
                                    : !tok_eq(c, b, "he") && !tok_eq(c, b, "his") && !tok_eq(c, b, "him"))) {
                /* "She was freed alongside another woman, Nurit Cooper": she is still the one before;
                 * "Speaking before Israel said ..., he said he had told Benjamin Netanyahu ...":
                 * the subject pronoun, not the person he told */
                uint32_t ps = tok_sentence_of(c, t);
                followed = 1;
                int r = spk_person_in_text_depth(c, t, ps >= 3 ? ps - 3 : 0, out, depth + 1);
                if (r)
                    return r;
            }
            if (c->L->tok_quote[t] < 0 && t > se->token_begin && tok_eq(c, t, "and") && name_is_word(c, t - 1) &&
                name_is_word(c, t + 1) && !name_goes_on(c, t + 1) && name_run_start(c, t - 1) == t - 1 &&
                !spk_gender_clash(c, b, t - 1, t + 2) && !tok_in(c, t - 1, WL_COUNTRY) && !tok_in(c, t + 1, WL_COUNTRY) &&
                !(t >= 2 && wc_place_preposition(c, t - 2)))
                return -1; /* "Moran and Tova ... She said": either of two people; say so ("from Egypt and
                            * Syria" are no people) */
            uint32_t pb; /* "One of her children recalled ... / "...," he said": one of a group who
                          * speaks; "One of her daughters was killed", "One of the men shouted abuse" are
                          * people things happen to, not the speaker */
            int psex = c->L->tok_quote[t] < 0 ? spk_partitive_person(c, t, &pb) : 0;
            if (psex && pb >= se->token_begin && t + 1 < end && wc_speech_cue(c, t + 1) &&
                (psex == 3 || (psex == 2) == (tok_eq(c, b, "he") || tok_eq(c, b, "his") || tok_eq(c, b, "him")))) {
                out->name = tok_span(c, pb, t + 1);
                out->type = FL_SOURCE_PERSON;
                return 1;
            }
            if (unnamed_person_at(c, se, t, end, b, out) ||
                named_person_at(c, se, t, end, b, &possessor, &have_possessor, out))
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
    for (uint32_t i = tok_at_byte(c, sp->name.start); i < h; i++)
        if (tok_in(c, i, WL_PREPOSITION))
            return 0; /* "grandchild of a holocaust survivor": the last noun is not the head */
    return c->tok[h].kind == FL_TOKEN_WORD && !tok_cap(c, h) && c->text[c->tok[h].end - 1] != 's' &&
           (tok_in(c, h, WL_PERSON_NOUN) || wc_agent_noun(c, h) ||
            (tok_in(c, h, WL_ANONYMOUS) && !tok_eq(c, h, "people")));
}

/* Pronouns: the nearest earlier attribution source of a fitting kind, else
 * the nearest fitting name in the text of the last few sentences. */
int spk_resolve_pronoun(const qctx *c, uint32_t b, size_t attr_limit, fl_speaker *out)
{
    int person = spk_is_person_pronoun(c, b);
    int group = tok_eq(c, b, "they") || tok_eq(c, b, "it");
    if (!person && !group)
        return 0;
    uint32_t sb = tok_sentence_of(c, b);
    uint32_t min_s = sb >= LOOKBACK_SENTENCES ? sb - LOOKBACK_SENTENCES : 0;
    const fl_quote_layer *L = c->L;
    if (person) {
        int r = spk_person_in_text(c, b, sb >= 3 ? sb - 3 : 0, out);
        if (r)
            return r > 0; /* ambiguous (-1): unresolved */
    }
    if (group) {
        /* "The government came under fire after they posted": the same sentence first */
        for (uint32_t t = b; t > c->sent[sb].token_begin && b - t < TEXT_WINDOW; t--) {
            uint32_t i = t - 1;
            if (L->tok_quote[i] < 0 && (tok_in(c, i, WL_GOVERNMENT) || tok_in(c, i, WL_ORGANISATION) ||
                                        tok_in(c, i, WL_COUNTRY))) {
                uint32_t s = spk_phrase_start(c, i);
                i = spk_name_end(c, i);
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
            spk_gender_clash(c, b, tok_at_byte(c, sp->name.start), tok_at_byte(c, sp->name.end)))
            continue;
        if (person && sp->type == FL_SOURCE_PERSON &&
            spk_gender_clash(c, b, tok_at_byte(c, sp->mention.start), tok_at_byte(c, sp->mention.end)))
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
            uint32_t s = spk_phrase_start(c, t);
            t = spk_name_end(c, t);
            out->name = tok_span(c, s + (t > s && tok_eq(c, s, "the")), t + 1);
            out->type = name_source_type(c, s, t + 1, &out->anonymous);
            return 1;
        }
    }
    return person && spk_person_in_text(c, b, sb > LOOKBACK_SENTENCES ? sb - LOOKBACK_SENTENCES : 0, out) > 0;
}
