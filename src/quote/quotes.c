/*
 * quotes.c — finding direct quotes: pairing quote marks, following a quote
 * over paragraphs, joining a quote split by its attribution, and telling
 * statements from partial and scare quotes.
 *
 * Pairing is one pass over the tokens with one open mark at a time, so it is
 * linear and cannot run away: an opening mark that meets another opening mark,
 * or the end of its paragraph without a continuation, is dropped (the quote
 * marks around it are paired afresh), and a closing mark with nothing open is
 * ignored. The direction of each mark comes from the tokenizer (curly marks
 * by their shape, straight ones by position). Double marks make quotes; single
 * marks do too in a headline that has no double marks (news headlines use
 * single marks), and are otherwise left inside their double quote.
 * Not for: speakers (speakers.c) or attributions (attrib.c).
 */
#include <string.h>

#include "quote/quote_internal.h"

static int para_tokens(const qctx *c, uint32_t p, uint32_t *tb, uint32_t *te)
{
    const fl_paragraph *pa = &c->para[p];
    if (pa->sentence_begin >= pa->sentence_end)
        return 0;
    *tb = c->sent[pa->sentence_begin].token_begin;
    *te = c->sent[pa->sentence_end - 1].token_end;
    return *tb < *te;
}

static int is_headline(const qctx *c, uint32_t p) { return p == 0 && c->doc->article != NULL; }

/* In a headline without double marks, single marks are the quote marks. */
static int headline_uses_single(const qctx *c, uint32_t tb, uint32_t te)
{
    for (uint32_t i = tb; i < te; i++)
        if (tok_double_mark(c, i))
            return 0;
    return 1;
}

/* Two single marks written together ('' as in some newspapers' style) are
 * one double mark: the first token opens, the second closes. */
static int doubled_single(const qctx *c, uint32_t i)
{
    if (i + 1 >= c->ntok || !tok_is_mark(c, i) || !tok_is_mark(c, i + 1) || tok_double_mark(c, i) ||
        c->tok[i].end != c->tok[i + 1].start)
        return 0;
    size_t n = c->tok[i].end - c->tok[i].start;
    return n == c->tok[i + 1].end - c->tok[i + 1].start &&
           !memcmp(c->text + c->tok[i].start, c->text + c->tok[i + 1].start, n);
}

static int is_primary(const qctx *c, uint32_t i, int single_too)
{
    return single_too ? tok_is_mark(c, i) : tok_double_mark(c, i) || doubled_single(c, i);
}

static int opens(const qctx *c, uint32_t i) { return (c->tok[i].flags & FL_TOKEN_QUOTE_OPEN) != 0; }

/* Does paragraph p continue a quote left open by the one before it? It does
 * when its first quote mark is an opening mark at its very start (the usual
 * convention), or a closing mark. */
static int continues_quote(const qctx *c, uint32_t p)
{
    uint32_t tb, te;
    if (p >= c->npara || is_headline(c, p) || !para_tokens(c, p, &tb, &te))
        return 0;
    for (uint32_t i = tb; i < te; i++)
        if (tok_double_mark(c, i) || doubled_single(c, i))
            return opens(c, i) ? i == tb : 1;
    return 0;
}

static int push_part(qctx *c, uint32_t first, uint32_t last)
{
    fl_quote_layer *L = c->L;
    if (!fl_quote_layer_grow_parts(L, L->part_count + 1))
        return 0;
    L->raw_parts[L->part_count].first = first;
    L->raw_parts[L->part_count].last = last;
    L->parts[L->part_count].start = c->tok[first].start;
    L->parts[L->part_count].end = c->tok[last].end;
    L->part_count++;
    return 1;
}

static int emit_quote(qctx *c, size_t part_begin)
{
    fl_quote_layer *L = c->L;
    if (!fl_quote_layer_grow_quotes(L, L->quote_count + 1))
        return 0;
    fl_quote *q = &L->quotes[L->quote_count++];
    memset(q, 0, sizeof *q);
    q->part_begin = (uint32_t)part_begin;
    q->part_count = (uint32_t)(L->part_count - part_begin);
    q->span.start = L->parts[part_begin].start;
    q->span.end = L->parts[L->part_count - 1].end;
    q->speaker.entity = -1;
    return 1;
}

static int pair_marks(qctx *c)
{
    fl_quote_layer *L = c->L;
    int64_t open = -1;
    size_t part0 = L->part_count;
    int pending = 0; /* parts of an unfinished quote carried from earlier paragraphs */
    for (uint32_t p = 0; p < c->npara; p++) {
        uint32_t tb, te;
        if (!para_tokens(c, p, &tb, &te))
            continue;
        int single_too = is_headline(c, p) && headline_uses_single(c, tb, te);
        int64_t skip = -1;
        if (pending) {
            /* The part starts with the paragraph, at its opening mark if any. */
            open = tb;
            if (opens(c, tb) && (tok_double_mark(c, tb) || doubled_single(c, tb)))
                skip = tb;
        }
        for (uint32_t i = tb; i < te; i++) {
            if (!is_primary(c, i, single_too) || (int64_t)i == skip) {
                if ((int64_t)i == skip && !single_too && doubled_single(c, i))
                    i++;
                continue;
            }
            /* a doubled single mark spans two tokens: close at the second */
            uint32_t last = !single_too && doubled_single(c, i) ? i + 1 : i;
            int is_open = opens(c, i) && (last == i || opens(c, last) || open < 0);
            if (open < 0) {
                if (is_open)
                    open = i;
                i = last;
                continue;
            }
            if (!is_open) {
                i = last;
                if (!push_part(c, (uint32_t)open, i) || !emit_quote(c, part0))
                    return 0;
                part0 = L->part_count;
                pending = 0;
                open = -1;
            } else {
                /* Two opening marks: the earlier one was stray. */
                L->part_count = part0;
                pending = 0;
                open = i;
                i = last;
            }
        }
        if (open >= 0) {
            if (!is_headline(c, p) && continues_quote(c, p + 1)) {
                if (!push_part(c, (uint32_t)open, te - 1))
                    return 0;
                pending = 1;
            } else {
                L->part_count = part0;
                pending = 0;
            }
            open = -1;
        } else {
            pending = 0;
        }
    }
    L->part_count = part0; /* drop an unfinished quote at the end */
    return 1;
}

/* A stretch of tokens is a cue gap ("he said,") between two parts of one
 * split statement: short, holding a speech cue, no sentence end, ending with
 * a comma. */
static int is_split_gap(const qctx *c, uint32_t a, uint32_t b)
{
    if (b <= a || b - a > 12 || !tok_punct(c, b - 1, ','))
        return 0;
    int cue = 0;
    for (uint32_t i = a; i < b; i++) {
        if (tok_is_mark(c, i) || tok_punct(c, i, '.') || tok_punct(c, i, '!') || tok_punct(c, i, '?') ||
            tok_punct(c, i, ';'))
            return 0;
        if (tok_cue(c, i) & CUE_QUOTE)
            cue = 1;
    }
    return cue;
}

static void merge_split_quotes(qctx *c)
{
    fl_quote_layer *L = c->L;
    size_t w = 0;
    for (size_t r = 0; r < L->quote_count; r++) {
        if (w > 0) {
            fl_quote *prev = &L->quotes[w - 1];
            const fl_quote *q = &L->quotes[r];
            uint32_t close = L->raw_parts[prev->part_begin + prev->part_count - 1].last;
            uint32_t open = L->raw_parts[q->part_begin].first;
            uint32_t gap = close + 1;
            int comma_inside = close > 0 && tok_punct(c, close - 1, ',');
            /* the second part going on in lower case shows a split even without the
             * first comma: "These attacks" said the Pentagon, "represent a threat." */
            int goes_on = open + 1 < c->ntok && c->tok[open + 1].kind == FL_TOKEN_WORD && !tok_cap(c, open + 1) &&
                          open <= close + 7 && ((tok_cue(c, close + 1) & CUE_QUOTE) || (tok_cue(c, close + 2) & CUE_QUOTE));
            if (comma_inside || tok_punct(c, gap, ',') || goes_on)
                gap += tok_punct(c, gap, ',') ? 1 : 0;
            else
                gap = open; /* no comma: not a split */
            if (c->sent[L->tok_sentence[close]].paragraph == c->sent[L->tok_sentence[open]].paragraph &&
                gap < open && is_split_gap(c, gap, open) && prev->part_begin + prev->part_count == q->part_begin) {
                prev->part_count += q->part_count;
                prev->span.end = q->span.end;
                continue;
            }
        }
        L->quotes[w++] = L->quotes[r];
    }
    L->quote_count = w;
}

static int is_sentence_punct(const qctx *c, uint32_t i)
{
    if (i >= c->ntok || c->tok[i].kind != FL_TOKEN_PUNCT)
        return 0;
    char ch = c->text[c->tok[i].start];
    return ch == '.' || ch == ',' || ch == '!' || ch == '?' || ch == ':' || ch == ';' ||
           (unsigned char)ch == 0xE2; /* … */
}

/* Are the words between the marks a title: every long word capitalised, no
 * punctuation? */
static int title_cased(const qctx *c, uint32_t open, uint32_t close)
{
    for (uint32_t i = open + 1; i < close; i++) {
        const fl_token *t = &c->tok[i];
        if (t->kind == FL_TOKEN_PUNCT)
            return 0;
        if (t->kind == FL_TOKEN_WORD && t->end - t->start > 3 && !(t->flags & FL_TOKEN_CAPITALIZED))
            return 0;
    }
    return close > open + 1;
}

/* A lower-case -ing or -ed word: a verb of its own between a cue and a quote. */
static int verb_form(const qctx *c, uint32_t i)
{
    const fl_token *t = &c->tok[i];
    size_t n = t->end - t->start;
    const char *w = c->text + t->start;
    return t->kind == FL_TOKEN_WORD && !tok_cap(c, i) && n > 4 &&
           (!memcmp(w + n - 3, "ing", 3) || !memcmp(w + n - 2, "ed", 2));
}

static fl_quote_kind classify(const qctx *c, const fl_quote *q)
{
    const fl_quote_layer *L = c->L;
    uint32_t open = L->raw_parts[q->part_begin].first;
    uint32_t close = L->raw_parts[q->part_begin + q->part_count - 1].last;
    uint32_t words = 0, first_word = UINT32_MAX;
    for (uint32_t k = 0; k < q->part_count; k++) {
        const raw_part *rp = &L->raw_parts[q->part_begin + k];
        for (uint32_t i = rp->first; i <= rp->last; i++)
            if (c->tok[i].kind == FL_TOKEN_WORD || c->tok[i].kind == FL_TOKEN_NUMBER ||
                c->tok[i].kind == FL_TOKEN_ABBREV) {
                words++;
                if (first_word == UINT32_MAX)
                    first_word = i;
            }
    }
    if (q->part_count > 1 || L->tok_sentence[open] != L->tok_sentence[close])
        return FL_QUOTE_STATEMENT;
    int closed = tok_is_mark(c, close);
    if (closed && close > open + 1 && is_sentence_punct(c, close - 1) && words >= 2)
        return FL_QUOTE_STATEMENT;
    const fl_sentence *s = &c->sent[L->tok_sentence[open]];
    int at_start = open == s->token_begin ||
                   (open > s->token_begin && (tok_punct(c, open - 1, ':') || c->tok[open - 1].kind == FL_TOKEN_DASH));
    int after_colon = open > s->token_begin && tok_punct(c, open - 1, ':');
    /* a cue right after the quote: "...", says X / "...": X says */
    int cue_after = 0;
    for (uint32_t i = close + 1; i < s->token_end && i <= close + 5; i++) {
        if (tok_cue(c, i) & CUE_QUOTE) {
            cue_after = 1;
            break;
        }
        if (tok_is_mark(c, i) || tok_punct(c, i, '.'))
            break;
    }
    /* a cue that quotes ("said", "told") earlier in the sentence, and right before */
    int cue_before = 0, as_complement = open > s->token_begin && tok_eq(c, open - 1, "as");
    for (uint32_t i = open; i > s->token_begin && i + 5 > open; i--)
        if (tok_in(c, i - 1, WL_NAMING) && c->L->tok_quote[i - 1] < 0)
            cue_before = 1; /* "called Mr Gallant a “jerk”" */
    for (uint32_t i = open; i > s->token_begin && i + 80 > open; i--) {
        int f = tok_cue(c, i - 1);
        if ((f & CUE_QUOTE || (as_complement && (f & CUE_SPEECH))) && !tok_cap(c, i - 1) &&
            c->L->tok_quote[i - 1] < 0)
            cue_before = 1; /* "said it was “...”", "described the complaints as “...”" */
    }
    /* "accused him of “justifying terrorism”", "rejected “misrepresentations”", "appealed to all
     * involved to “de-escalate”": a speech verb a few words before, in the same clause, takes the
     * words as its own */
    for (uint32_t i = open; i > s->token_begin && i + 5 > open && !cue_before; i--) {
        if (!tok_is_wordish(c, i - 1) || c->L->tok_quote[i - 1] >= 0)
            break;
        if ((tok_cue(c, i - 1) & CUE_SPEECH) && !tok_cap(c, i - 1) && c->tok[i - 1].kind == FL_TOKEN_WORD)
            cue_before = 1;
        else if (verb_form(c, i - 1))
            break; /* "accused them of spreading “fake news”": the term is what they spread */
    }
    if (after_colon && words >= 1)
        return FL_QUOTE_STATEMENT;
    if (!cue_after && !cue_before && title_cased(c, open, close) && words <= 8)
        return FL_QUOTE_SCARE; /* a title: "Israel at War" */
    if ((at_start || cue_after) && words >= 3 && first_word != UINT32_MAX && (at_start || tok_cap(c, first_word)))
        return FL_QUOTE_STATEMENT;
    /* "There has been a “massive increase” in ..., the Metropolitan Police said": a
     * quoting cue after a comma later in the sentence attributes the fragment too */
    int cue_later = 0;
    for (uint32_t i = close + 1; i + 1 < s->token_end && !cue_after && !cue_before; i++) {
        if (c->L->tok_quote[i] >= 0)
            break;
        if (tok_punct(c, i, ',') && i + 4 < s->token_end)
            for (uint32_t k = i + 1; k < s->token_end && k < i + 6; k++)
                if ((tok_cue(c, k) & CUE_QUOTE) && !tok_cap(c, k) && c->L->tok_quote[k] < 0)
                    cue_later = 1;
    }
    if (!cue_after && !cue_before && !cue_later && words <= 4)
        return FL_QUOTE_SCARE;
    return FL_QUOTE_PARTIAL;
}

int fl_quotes_find(qctx *c)
{
    if (!pair_marks(c))
        return 0;
    merge_split_quotes(c);
    fl_quote_layer *L = c->L;
    for (size_t q = 0; q < L->quote_count; q++) {
        fl_quote *qt = &L->quotes[q];
        for (uint32_t k = 0; k < qt->part_count; k++) {
            const raw_part *rp = &L->raw_parts[qt->part_begin + k];
            for (uint32_t i = rp->first; i <= rp->last; i++)
                L->tok_quote[i] = (int32_t)q;
        }
        qt->kind = classify(c, qt);
    }
    return 1;
}
