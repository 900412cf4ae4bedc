/*
 * attrib_extra.c — PolNeAR relations of shapes the token detector cannot
 * propose (attrib_learned.c), added under PolNeAR's conventions only (with
 * a model: `factline attrib --polnear`, `factline eval attrib`; never in
 * `factline extract`):
 *
 *   - a transcript's speaker label opening a paragraph ("KATE BOULDUAN: Why
 *     not debate?", "Q: ...", "A: ..."): the label is the source, the colon
 *     the cue, the rest of the paragraph the content (train's gold: 146 cues
 *     ":", sources such as "Q" 8, "A" 8, "Trump" 7, "Clinton" 7);
 *   - a poll or survey as the source of the figures around it: "In the new
 *     Morning Consult poll, 40 percent ...", "... 45 percent support in a new
 *     Fox News poll released Thursday" (train: 67 cues "in", 40 of them with
 *     a poll or survey as source). "in" is a preposition, never a candidate
 *     word of the detector;
 *   - the rules' "it seems", "it appears": an impression nobody is said to
 *     hold, which PolNeAR gives no source (train: 135 such cues without one,
 *     4 with); the rules' source "it" is dropped.
 *
 * Why rules: each is a fixed shape with a plain trigger that a word-by-word
 * detector never sees as a cue (a colon, a preposition, a pronoun).
 * Not for: the table cues (attrib.c), the detector's cues (attrib_learned.c).
 */
#include "quote/attrib_internal.h"
#include "quote/quote_internal.h"

/* A word of a transcript's speaker label: all capitals ("BOULDUAN", "Q"). */
static int label_word(const qctx *c, uint32_t i)
{
    const fl_token *t = &c->tok[i];
    if (t->kind != FL_TOKEN_WORD && t->kind != FL_TOKEN_ABBREV)
        return 0;
    int letters = 0;
    for (uint32_t b = t->start; b < t->end; b++) {
        unsigned char ch = (unsigned char)c->text[b];
        if (ch >= 'a' && ch <= 'z')
            return 0;
        letters += ch >= 'A' && ch <= 'Z';
    }
    return letters > 0;
}

static int push(qctx *c, uint32_t sb_, uint32_t se_, uint32_t cb, uint32_t ce, uint32_t xb, uint32_t xe)
{
    raw_attr a = {0};
    a.quote = -1;
    a.src_begin = sb_;
    a.src_end = se_;
    a.cue_begin = cb;
    a.cue_end = ce;
    a.content_begin = xb;
    a.content_end = xe;
    if (!attr_push(c, &a))
        return 0;
    fl_attribution *out = &c->L->attribs[c->L->attrib_count - 1];
    fl_speaker_from_tokens(c, sb_, se_, cb, ce, &out->source);
    out->content = tok_span(c, xb, xe);
    out->quote = -1;
    out->learned = 1;
    return 1;
}

/* A cue token that no attribution has yet. */
static int free_token(const qctx *c, uint32_t i)
{
    for (size_t k = 0; k < c->L->attrib_count; k++) {
        const raw_attr *a = &c->L->raw_attrs[k];
        if (a->cue_begin <= i && i < a->cue_end)
            return 0;
    }
    return 1;
}

/* "KATE BOULDUAN: Why not debate?" opening paragraph p; the content runs to
 * the paragraph's end. Outside a headline (the rules take "X: ..." there). */
static int transcript_label(qctx *c, uint32_t p)
{
    const fl_paragraph *P = &c->para[p];
    if (p == 0 || P->sentence_end <= P->sentence_begin)
        return 1;
    uint32_t sb = c->sent[P->sentence_begin].token_begin;
    uint32_t pe = c->sent[P->sentence_end - 1].token_end;
    uint32_t k = sb;
    while (k < pe && k < sb + 4 && label_word(c, k))
        k++;
    if (k == sb || k + 1 >= pe || !tok_punct(c, k, ':') || !free_token(c, k))
        return 1;
    uint32_t xe = fl_attrib_content_end(c, pe, k + 1);
    if (xe <= k + 1)
        return 1;
    return push(c, sb, k, k, k + 1, k + 1, xe);
}

/* A poll or survey named within a few words after token i ("in"). */
static uint32_t poll_head(const qctx *c, uint32_t i, uint32_t se)
{
    for (uint32_t k = i + 1; k < se && k <= i + 7; k++) {
        if (tok_punct(c, k, ',') || tok_punct(c, k, '.') || tok_eq(c, k, "where") || tok_eq(c, k, "which") ||
            tok_eq(c, k, "that") || tok_eq(c, k, "who") || tok_eq(c, k, "when") || tok_eq(c, k, "and"))
            return 0; /* "in a town where polls close early" */
        if (tok_eq(c, k, "poll") || tok_eq(c, k, "polls") || tok_eq(c, k, "survey") || tok_eq(c, k, "surveys") ||
            tok_eq(c, k, "polling"))
            return k;
    }
    return 0;
}

/* "In the CBS poll, Trump's lead ...", "... 45 percent in a new Fox poll
 * released Thursday": the poll (up to a comma or the sentence's end) is the
 * source and the figures the content. */
static int poll_source(qctx *c, uint32_t sb, uint32_t se)
{
    uint32_t end = fl_attrib_content_end(c, se, sb);
    for (uint32_t i = sb; i + 2 < end; i++) {
        if (!tok_eq(c, i, "in") || !free_token(c, i) || !poll_head(c, i, end))
            continue;
        uint32_t k = i + 1;
        while (k < end && !tok_punct(c, k, ','))
            k++;
        if (i == sb) {
            if (k + 2 >= end)
                continue;
            if (!push(c, i + 1, k, i, i + 1, k + 1, end))
                return 0;
        } else {
            uint32_t xe = i;
            if (xe > sb && tok_punct(c, xe - 1, ','))
                xe--;
            if (xe < sb + 2 || k < end) /* a poll that ends the sentence */
                continue;
            if (!push(c, i + 1, k, i, i + 1, sb, xe))
                return 0;
        }
        i = k;
    }
    return 1;
}

/* "it seems", "it appears": the rules' attributions lose their source. */
static void impression_sources(qctx *c, size_t count)
{
    for (size_t k = 0; k < count; k++) {
        raw_attr *a = &c->L->raw_attrs[k];
        uint32_t cb = a->cue_begin;
        if (a->quote >= 0 || a->src_end != a->src_begin + 1 || !tok_eq(c, a->src_begin, "it") ||
            a->cue_end != cb + 1 ||
            !(tok_eq(c, cb, "seems") || tok_eq(c, cb, "seem") || tok_eq(c, cb, "seemed") || tok_eq(c, cb, "appears") ||
              tok_eq(c, cb, "appear") || tok_eq(c, cb, "appeared")))
            continue;
        a->src_begin = a->src_end = cb;
        fl_speaker_from_tokens(c, cb, cb, cb, a->cue_end, &c->L->attribs[k].source);
    }
}

/* Sentence by sentence, so that the relations come in text order of their
 * cues (attrib_learned.c merges them into the rules'). */
int fl_attrib_extra(qctx *c)
{
    impression_sources(c, c->L->attrib_count);
    for (uint32_t s = 0; s < c->nsent; s++) {
        uint32_t p = c->sent[s].paragraph;
        if (p < c->npara && c->para[p].sentence_begin == s && !transcript_label(c, p))
            return 0;
        if (!poll_source(c, c->sent[s].token_begin, c->sent[s].token_end))
            return 0;
    }
    return 1;
}
