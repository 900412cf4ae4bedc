/*
 * headline.c — a headline quote's speaker from the article body. News
 * headlines quote someone with no cue ("'It's weird to have to hide ...'") or
 * with a description ("..., says Palestinian American"), and the body gives
 * the words again with their speaker, either repeated ("It's weird to have to
 * hide ...," she says) or reworded ("Every day I wake up, I check to see if
 * family members are alive"). The headline takes the speaker of the body
 * statement that repeats its opening, else of the one that shares most of its
 * content words, when that is most of them. Run after fl_speakers_assign.
 * Not for: quotes in the body (speakers.c).
 */
#include <string.h>
#include <strings.h>

#include "quote/quote_internal.h"

enum { HOLD_WORDS = 12 };

/* Do quotes a and b open with the same six words (case and punctuation
 * aside)? */
static int same_opening(const qctx *c, const fl_quote *a, const fl_quote *b)
{
    const fl_quote_layer *L = c->L;
    uint32_t i = L->raw_parts[a->part_begin].first, j = L->raw_parts[b->part_begin].first;
    uint32_t ie = L->raw_parts[a->part_begin].last, je = L->raw_parts[b->part_begin].last;
    int words = 0;
    while (words < 6) {
        while (i < ie && !tok_is_wordish(c, i))
            i++;
        while (j < je && !tok_is_wordish(c, j))
            j++;
        if (i >= ie || j >= je)
            return words >= 4; /* a short headline quote, all of it found */
        size_t n = c->tok[i].end - c->tok[i].start;
        if (n != c->tok[j].end - c->tok[j].start)
            return 0;
        for (size_t k = 0; k < n; k++)
            if ((c->text[c->tok[i].start + k] | 32) != (c->text[c->tok[j].start + k] | 32))
                return 0;
        words++;
        i++;
        j++;
    }
    return 1;
}

/* Does quote q hold all the words of the headline quote h, in a row, somewhere
 * in its first part ("'Nobody could help us'" in "I called the police.
 * Nobody could help us. ...")? Four words at least, so that a stock phrase
 * does not decide. */
static int holds_words(const qctx *c, const fl_quote *h, const fl_quote *q)
{
    const fl_quote_layer *L = c->L;
    uint32_t hb = L->raw_parts[h->part_begin].first, he = L->raw_parts[h->part_begin].last;
    uint32_t hw[HOLD_WORDS];
    int n = 0;
    for (uint32_t t = hb; t < he; t++)
        if (tok_is_wordish(c, t)) {
            if (n == HOLD_WORDS)
                return 0; /* a long headline quote: same_opening and shared_words decide */
            hw[n++] = t;
        }
    if (n < 4 || h->part_count != 1)
        return 0;
    uint32_t qb = L->raw_parts[q->part_begin].first, qe = L->raw_parts[q->part_begin].last;
    for (uint32_t s = qb; s < qe && s < qb + 400; s++) {
        uint32_t j = s;
        int k = 0;
        for (; k < n; k++, j++) {
            while (j < qe && !tok_is_wordish(c, j))
                j++;
            if (j >= qe)
                return 0;
            size_t len = c->tok[hw[k]].end - c->tok[hw[k]].start;
            if (len != c->tok[j].end - c->tok[j].start ||
                strncasecmp(c->text + c->tok[hw[k]].start, c->text + c->tok[j].start, len))
                break;
        }
        if (k == n)
            return 1;
    }
    return 0;
}

/* A word that carries content: not a function word, at least 3 letters. */
static int content_word(const qctx *c, uint32_t t)
{
    return c->tok[t].kind == FL_TOKEN_WORD && c->tok[t].end - c->tok[t].start >= 3 && !tok_in(c, t, WL_DETERMINER) &&
           !tok_in(c, t, WL_PRONOUN) && !tok_in(c, t, WL_AUX) && !tok_in(c, t, WL_PREPOSITION) &&
           !tok_in(c, t, WL_BOUNDARY) && !tok_in(c, t, WL_ADVERB) && !tok_eq(c, t, "and") && !tok_eq(c, t, "our") &&
           !tok_eq(c, t, "my") && !tok_eq(c, t, "your") && !tok_eq(c, t, "their");
}

/* Same word up to its first five letters, case aside ("shivered"/"shiver"). */
static int same_stem(const qctx *c, uint32_t a, uint32_t b)
{
    size_t na = c->tok[a].end - c->tok[a].start, nb = c->tok[b].end - c->tok[b].start;
    size_t n = na < nb ? na : nb;
    if (n > 5)
        n = 5;
    if (n < 5 && na != nb)
        return 0;
    for (size_t k = 0; k < n; k++)
        if ((c->text[c->tok[a].start + k] | 32) != (c->text[c->tok[b].start + k] | 32))
            return 0;
    return 1;
}

enum { HEADLINE_WORDS = 16 };

/* How many of the headline quote's content words (at most HEADLINE_WORDS,
 * each counted once) the quote q holds; *total gets their number. */
static int shared_words(const qctx *c, const fl_quote *h, const fl_quote *q, int *total)
{
    const fl_quote_layer *L = c->L;
    uint32_t words[HEADLINE_WORDS];
    int n = 0, shared = 0;
    for (uint32_t p = h->part_begin; p < h->part_begin + h->part_count; p++)
        for (uint32_t t = L->raw_parts[p].first; t < L->raw_parts[p].last && n < HEADLINE_WORDS; t++)
            if (content_word(c, t))
                words[n++] = t;
    *total = n;
    for (int i = 0; i < n; i++) {
        int hit = 0;
        for (uint32_t p = q->part_begin; p < q->part_begin + q->part_count && !hit; p++)
            for (uint32_t t = L->raw_parts[p].first; t < L->raw_parts[p].last && t < L->raw_parts[p].first + 200 && !hit; t++)
                hit = content_word(c, t) && same_stem(c, words[i], t);
        shared += hit;
    }
    return shared;
}

/* Does the speaker name a person by description only ("Palestinian
 * American", "Israeli hostage"), with no name word? */
static int described_only(const qctx *c, const fl_speaker *sp)
{
    if (sp->type != FL_SOURCE_PERSON && sp->type != FL_SOURCE_UNKNOWN && sp->type != FL_SOURCE_ANONYMOUS)
        return 0;
    uint32_t b = tok_at_byte(c, sp->name.start), e = tok_at_byte(c, sp->name.end);
    for (uint32_t t = b; t < e; t++)
        if (c->L->tok_entity[t] == 1 + FL_ENTITY_PER)
            return 0;
    return 1;
}

/* Is the person whose last name word is at last described by a word of the
 * headline's description [db, de) anywhere in the article's first
 * LEAD_LOOK tokens ("Gaza doctor" and "the doctor, Ahmed ...")? */
enum { LEAD_LOOK = 3000, LEAD_NEAR = 4 };
static int described_as(const qctx *c, uint32_t last, uint32_t db, uint32_t de)
{
    uint32_t to = c->ntok < LEAD_LOOK ? c->ntok : LEAD_LOOK;
    for (uint32_t k = de; k < to; k++) {
        if (!name_same_word(c, k, last))
            continue;
        uint32_t lo = k > de + LEAD_NEAR + 3 ? k - LEAD_NEAR - 3 : de, hi = k + LEAD_NEAR < to ? k + LEAD_NEAR : to;
        for (uint32_t i = lo; i < hi; i++)
            for (uint32_t d = db; d < de; d++)
                if (content_word(c, d) && !tok_in(c, d, WL_DEMONYM) && !tok_in(c, d, WL_COUNTRY) &&
                    c->L->tok_entity[d] != 1 + FL_ENTITY_LOC && content_word(c, i) && same_stem(c, d, i))
                    return 1;
    }
    return 0;
}

/* "'They were going tree by tree' - Israeli partygoer describes festival
 * attack" / "Gili Yoskovich was among ...": the body's first sentence opening
 * with a person's full name, the subject the headline described by [db, de).
 * A lead whose person speaks ("Benjamin Netanyahu has vowed ..." under "-
 * Gaza doctor describes") is news of that person's words, not the
 * describer's: taken only when a word of the description goes with the name. */
static int lead_subject(const qctx *c, uint32_t db, uint32_t de, fl_span *out)
{
    if (c->npara < 2 || c->para[1].sentence_begin >= c->para[1].sentence_end)
        return 0;
    const fl_sentence *se = &c->sent[c->para[1].sentence_begin];
    uint32_t b = se->token_begin, e = b;
    while (e < se->token_end && e < b + NAME_RUN_MAX && name_is_word(c, e))
        e++;
    int anon;
    if (e < b + 2 || e >= se->token_end || c->L->tok_entity[b] != 1 + FL_ENTITY_PER ||
        name_source_type(c, b, e, &anon) != FL_SOURCE_PERSON ||
        !(tok_in(c, e, WL_AUX) || (tok_cue(c, e) && !tok_cap(c, e)) || wc_lower_past_form(c, e)))
        return 0;
    uint32_t v = e;
    while (v + 1 < se->token_end && v < e + 3 && tok_in(c, v, WL_AUX))
        v++;
    int speaks = (tok_cue(c, v) & (CUE_SPEECH | CUE_WRITE)) && !tok_cap(c, v);
    if (speaks && !described_as(c, e - 1, db, de))
        return 0;
    *out = name_fullest(c, b, e);
    return 1;
}

/* "'They were going tree by tree and shooting' - Israeli partygoer describes
 * festival attack": the headline's own cue after its quote, whose subject is
 * a description ("Israeli partygoer"). */
static int headline_describes(const qctx *c, const fl_quote *q, uint32_t *db, uint32_t *de)
{
    for (size_t k = 0; k < c->L->attrib_count; k++) {
        const raw_attr *ra = &c->L->raw_attrs[k];
        const fl_speaker *sp = &c->L->attribs[k].source;
        if (c->sent[tok_sentence_of(c, ra->cue_begin)].paragraph != 0)
            break;
        if (sp->found && ra->src_begin < ra->src_end && ra->src_begin > c->L->raw_parts[q->part_begin].last &&
            c->L->tok_quote[ra->src_begin] < 0 && described_only(c, sp)) {
            *db = ra->src_begin;
            *de = ra->src_end;
            return 1;
        }
    }
    return 0;
}

void fl_headline_speakers(qctx *c)
{
    fl_quote_layer *L = c->L;
    for (size_t qi = 0; qi < L->quote_count; qi++) {
        fl_quote *q = &L->quotes[qi];
        if (q->kind == FL_QUOTE_SCARE || c->sent[tok_sentence_of(c, L->raw_parts[q->part_begin].first)].paragraph != 0)
            continue;
        if (q->speaker.found && !described_only(c, &q->speaker))
            continue;
        int best = -1, best_shared = 0, total = 0;
        int uncued = !q->speaker.found; /* a headline with its own cue ("US says it wants ...") is not searched inside quotes */
        for (size_t k = qi + 1; k < L->quote_count; k++) {
            const fl_quote *b = &L->quotes[k];
            if (b->speaker.found && (same_opening(c, q, b) || (uncued && b->kind == FL_QUOTE_STATEMENT && holds_words(c, q, b)))) {
                /* repeated, at its opening or inside it */
                best = (int)k;
                break;
            }
            if (!b->speaker.found || b->kind != FL_QUOTE_STATEMENT || described_only(c, &b->speaker))
                continue;
            int sh = shared_words(c, q, b, &total);
            if (sh > best_shared) {
                best_shared = sh;
                best = (int)k;
            }
        }
        /* reworded: at least three content words and most of them ("My children shivered last
         * night ..." / "Our children shivered all night") */
        if (best >= 0 && !same_opening(c, q, &L->quotes[best]) && !(uncued && holds_words(c, q, &L->quotes[best])) && !(best_shared >= 3 && 5 * best_shared >= 2 * total))
            continue;
        fl_span lead;
        uint32_t db = tok_at_byte(c, q->speaker.name.start), de = tok_at_byte(c, q->speaker.name.end);
        if (best >= 0) {
            q->speaker = L->quotes[best].speaker;
            q->speaker.via = FL_VIA_CONTEXT;
        } else if (L->raw_parts[q->part_begin].first == c->sent[c->para[0].sentence_begin].token_begin &&
                   (q->speaker.found ? described_only(c, &q->speaker) : headline_describes(c, q, &db, &de)) &&
                   lead_subject(c, db, de, &lead)) { /* a headline that opens with its quote */
            q->speaker.found = 1;
            q->speaker.name = lead; /* "- Israeli partygoer describes": the partygoer the lead names */
            q->speaker.type = FL_SOURCE_PERSON;
            q->speaker.anonymous = 0;
            q->speaker.via = FL_VIA_CONTEXT;
        }
    }
}
