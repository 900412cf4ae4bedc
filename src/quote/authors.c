/*
 * authors.c — the author of a quote that has no cue of its own but names a
 * text: the poster of a quoted message ("two messages from him reading:"),
 * and the source of "the statement added". Split from speakers.c, which
 * calls these when a quote's cue gives no speaker.
 * Not for: pronoun or nominal antecedents (speakers.c).
 */
#include "quote/quote_internal.h"

/* A quote right after a message word ("posted", "a message"): the latest
 * writing cue's attribution in the three sentences before, or -1. */
int32_t spk_message_poster(const qctx *c, const fl_quote *q, size_t attr_count)
{
    uint32_t open = c->L->raw_parts[q->part_begin].first;
    int message = 0;
    for (uint32_t i = open; i > 0 && i + 4 > open; i--)
        if (tok_in(c, i - 1, WL_MESSAGE))
            message = 1;
    if (!message)
        return -1;
    uint32_t s = tok_sentence_of(c, open), min_s = s >= 3 ? s - 3 : 0;
    for (size_t k = attr_count; k > 0; k--) {
        const raw_attr *ra = &c->L->raw_attrs[k - 1];
        if (tok_sentence_of(c, ra->cue_begin) < min_s || ra->cue_begin + TEXT_WINDOW < open)
            break;
        if (ra->cue_begin >= open)
            continue;
        if ((tok_cue(c, ra->cue_end - 1) & CUE_WRITE) && c->L->attribs[k - 1].source.found)
            return (int32_t)(k - 1);
    }
    return -1;
}

/* The message word of "messages from him reading: "...", and "..."" before the
 * quote opening at token open (in its sentence, past the quotes and joiners
 * between), when "from" or "by" and a one-word author follow it; else
 * UINT32_MAX. */
uint32_t spk_message_from(const qctx *c, uint32_t open)
{
    uint32_t sb = c->sent[tok_sentence_of(c, open)].token_begin;
    int seen = 0; /* words looked at, past the quotes and joiners */
    for (uint32_t i = open; i > sb && open - i < 40 && seen < 6; i--) {
        uint32_t t = i - 1;
        if (c->L->tok_quote[t] >= 0 || tok_eq(c, t, "and") || tok_punct(c, t, ',') || tok_punct(c, t, ':') ||
            c->tok[t].kind == FL_TOKEN_QUOTE)
            continue;
        seen++;
        if (seen > 1 && tok_in(c, t, WL_MESSAGE) && (tok_eq(c, t + 1, "from") || tok_eq(c, t + 1, "by")) &&
            (spk_is_person_pronoun(c, t + 2) || tok_eq(c, t + 2, "them") || name_is_word(c, t + 2)) &&
            c->L->tok_quote[t + 2] < 0)
            return t;
    }
    return UINT32_MAX;
}

/* "..., the statement added" after "In a summary ..., Downing Street said":
 * the statement is the latest named source's in the three sentences before. */
int32_t spk_statement_author(const qctx *c, const fl_quote *q, size_t attr_count)
{
    uint32_t open = c->L->raw_parts[q->part_begin].first;
    uint32_t s = tok_sentence_of(c, open), min_s = s >= 3 ? s - 3 : 0;
    for (size_t k = attr_count; k > 0; k--) {
        const raw_attr *ra = &c->L->raw_attrs[k - 1];
        const fl_speaker *sp = &c->L->attribs[k - 1].source;
        if (tok_sentence_of(c, ra->cue_begin) < min_s || ra->cue_begin + TEXT_WINDOW < open)
            break;
        if (ra->cue_begin >= open || !sp->found || c->L->tok_quote[ra->cue_begin] >= 0 || sp->name.end <= sp->name.start)
            continue;
        uint32_t f = tok_at_byte(c, sp->name.start);
        /* a name, or an unnamed source with its article ("a GMB spokesman said ... / The
         * statement added:"), not a pronoun */
        int unnamed = (tok_eq(c, f, "a") || tok_eq(c, f, "an") || tok_eq(c, f, "the")) &&
                      tok_at_byte(c, sp->name.end) > f + 1;
        if ((tok_cap(c, f) || unnamed) && !tok_in(c, f, WL_PRONOUN))
            return (int32_t)(k - 1);
    }
    return -1;
}
