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
 * Antecedents: pronouns.c and nominals.c. Names are spans of the article, so
 * nothing is copied; `entity` is reserved for the entity layer.
 * Not for: finding cues (attrib.c) or what counts as a name (names.c).
 */
#include <string.h>

#include "quote/quote_internal.h"

/* How far (in tokens) the rules look for a cue (TEXT_WINDOW, for antecedents,
 * is in quote_internal.h, shared with authors.c). */
enum { ATTR_WINDOW = 300 };

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
        if (!spk_resolve_pronoun(c, b, attr_limit, out))
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
            uint32_t s = spk_phrase_start(c, t - 1);
            if (s >= 2 && (wc_place_preposition(c, s - 1) || tok_eq(c, s - 1, "from")) && tok_cap(c, s) &&
                c->tok[s - 2].kind == FL_TOKEN_WORD && !tok_cap(c, s - 2) &&
                (tok_in(c, s - 2, WL_PERSON_NOUN) || tok_in(c, s - 2, WL_ANONYMOUS) || wc_agent_noun(c, s - 2))) {
                /* "the journalist in Deir al-Balah, who described": the journalist, not the place */
                uint32_t n = spk_phrase_start(c, s - 2);
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
    if (spk_is_nominal(c, b, e) && spk_resolve_nominal(c, b, e, out)) {
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
    if (spk_is_nominal(c, b, e) && (tok_in(c, e - 1, WL_GOVERNMENT) || tok_in(c, e - 1, WL_ORGANISATION))) {
        fl_source_type want = tok_in(c, e - 1, WL_GOVERNMENT) ? FL_SOURCE_GOVERNMENT : FL_SOURCE_ORGANISATION;
        if (spk_latest_body_source(c, b, want, out) &&
            org_same_country(c, b + 1, e, tok_at_byte(c, out->name.start))) { /* not "the Lebanese army" for the IDF */
            out->via = FL_VIA_NOMINAL;
            return;
        }
    }
    if (spk_is_nominal(c, b, e) && tok_in(c, e - 1, WL_TITLE) && spk_nominal_modifiers_fit(c, b, e - 1, b)) {
        /* "the now-independent MP" after "former Labour leader Jeremy Corbyn": the person just named */
        uint32_t sb = tok_sentence_of(c, b);
        if (spk_person_in_text(c, b, sb >= 2 ? sb - 2 : 0, out) > 0) {
            out->via = FL_VIA_NOMINAL;
            return;
        }
    }
    if (spk_described_person(c, b, e)) {
        /* "The 74-year-old says", "The Radlett resident ... adds", "the top US diplomat added":
         * a description of the person the sentences before have named (a few: a quote of
         * several sentences may come between) */
        uint32_t sb = tok_sentence_of(c, b);
        uint32_t back = sb >= LOOKBACK_SENTENCES ? sb - LOOKBACK_SENTENCES : 0;
        fl_speaker sp = *out;
        if (sb > 0 && spk_person_in_text(c, c->sent[sb].token_begin, back, &sp) > 0 &&
            spk_description_fits(c, b, e, &sp.name, c->sent[back].token_begin)) {
            /* "the Texas Republican" after "Senator Ted Cruz ... Governor Gavin Newsom": neither
             * is said to be one, so the description stays as written */
            *out = sp;
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
    uint32_t o = spk_asked_object(c, k), e;
    if (!o)
        return 0;
    memset(out, 0, sizeof *out);
    out->entity = -1;
    if (tok_eq(c, o, "him") || tok_eq(c, o, "her")) {
        if (spk_resolve_pronoun(c, o, attr_limit, out) && out->type == FL_SOURCE_PERSON) {
            out->found = 1;
            out->mention = tok_span(c, o, o + 1);
            out->via = FL_VIA_PRONOUN;
            return 1;
        }
        return 0;
    }
    if (!spk_asked_name(c, o, &e))
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
        /* the pronoun owns the message only right before it: "her lawyer's statement",
         * "his family's statement" are the lawyer's and the family's words */
        if (e != b + 2 && !(e == b + 3 && tok_eq(c, b + 1, "own")))
            return 0;
        sp.via = FL_VIA_PRONOUN;
        if (!spk_resolve_pronoun(c, b, attr_limit, &sp) || sp.type != FL_SOURCE_PERSON)
            return 0;
    } else {
        uint32_t k = b;
        while (k < e && name_is_word(c, k))
            k++;
        if (k == b || k + 2 != e || c->tok[k].kind != FL_TOKEN_CLITIC)
            return 0; /* "Ms Ward's letter", not "Ms Ward's lawyer's letter" */
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
            if (spk_resolve_pronoun(c, t, attr_count, &sp) && sp.type == FL_SOURCE_PERSON) {
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
            if (spk_person_in_text(c, t + 1, tok_sentence_of(c, t), &sp) > 0) {
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
    spk_cue_order_build(L);
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
            if (spk_is_person_pronoun(c, mw + 2) && !spk_resolve_pronoun(c, mw + 2, next_attr, &q->speaker))
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
    L->cue_order_valid = 0; /* the learned detector adds attributions after this */
}
