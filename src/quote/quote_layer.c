/*
 * quote_layer.c — the quote and attribution layer's state on the doc, its
 * public accessors, the token helpers the rules share, and the driver that
 * runs quotes.c, attrib.c and speakers.c in order. Not for: the rules.
 */
#include <stdlib.h>
#include <string.h>

#include "quote/quote_internal.h"

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 1;
    size_t n = *cap ? *cap : 16;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * size);
    if (!q)
        return 0;
    *p = q;
    *cap = n;
    return 1;
}

void fl_quote_layer_reset(fl_quote_layer *L)
{
    if (!L)
        return;
    L->quote_count = L->part_count = L->attrib_count = 0;
    L->names_built = 0;
    L->acronyms_built = 0;
    L->forces_known = 0;
    L->cue_order_valid = 0;
    L->failed = 0;
}

void fl_quote_layer_free(fl_quote_layer *L)
{
    if (!L)
        return;
    free(L->quotes);
    free(L->parts);
    free(L->raw_parts);
    free(L->attribs);
    free(L->raw_attrs);
    free(L->tok_quote);
    free(L->tok_sentence);
    free(L->tok_list_known);
    free(L->tok_list_in);
    free(L->tok_cue_flags);
    free(L->tok_role);
    free(L->tok_entity);
    free(L->tok_hash);
    free(L->tok_lex);
    free(L->raw_tmp);
    free(L->attr_tmp);
    free(L->names);
    free(L->link_index);
    free(L->link_names);
    free(L->cue_order);
    free(L);
}

int attr_push(qctx *c, const raw_attr *a)
{
    fl_quote_layer *L = c->L;
    size_t cap1 = L->attrib_cap, cap2 = L->attrib_cap;
    if (L->attrib_count == L->attrib_cap) {
        if (!grow((void **)&L->attribs, &cap1, L->attrib_count + 1, sizeof *L->attribs) ||
            !grow((void **)&L->raw_attrs, &cap2, L->attrib_count + 1, sizeof *L->raw_attrs)) {
            L->failed = 1;
            return 0;
        }
        L->attrib_cap = cap1 < cap2 ? cap1 : cap2;
    }
    L->raw_attrs[L->attrib_count] = *a;
    memset(&L->attribs[L->attrib_count], 0, sizeof L->attribs[0]);
    L->attrib_count++;
    return 1;
}

qctx fl_quote_context(fl_doc *doc)
{
    qctx c = {doc, doc->text, doc->tokens.tokens, (uint32_t)doc->tokens.count, doc->sentences.sentences,
              (uint32_t)doc->sentences.count, doc->paragraphs.paragraphs, (uint32_t)doc->paragraphs.count,
              doc->quote_layer};
    return c;
}

fl_status fl_quote_extract(fl_doc *doc) { return fl_quote_extract_with(doc, NULL); }

fl_status fl_quote_extract_with(fl_doc *doc, const struct fl_attrib_model *model)
{
    if (!doc->quote_layer && !(doc->quote_layer = calloc(1, sizeof *doc->quote_layer)))
        return FL_ERR_NOMEM;
    fl_quote_layer *L = doc->quote_layer;
    fl_quote_layer_reset(L);
    qctx c = fl_quote_context(doc);
    size_t caps[9] = {L->tok_cap, L->tok_cap, L->tok_cap, L->tok_cap, L->tok_cap,
                      L->tok_cap, L->tok_cap, L->tok_cap, L->tok_cap};
    if (!grow((void **)&L->tok_quote, &caps[0], c.ntok + 1, sizeof *L->tok_quote) ||
        !grow((void **)&L->tok_sentence, &caps[1], c.ntok + 1, sizeof *L->tok_sentence) ||
        !grow((void **)&L->tok_list_known, &caps[2], c.ntok + 1, sizeof *L->tok_list_known) ||
        !grow((void **)&L->tok_list_in, &caps[3], c.ntok + 1, sizeof *L->tok_list_in) ||
        !grow((void **)&L->tok_cue_flags, &caps[4], c.ntok + 1, sizeof *L->tok_cue_flags) ||
        !grow((void **)&L->tok_role, &caps[5], c.ntok + 1, sizeof *L->tok_role) ||
        !grow((void **)&L->tok_hash, &caps[6], c.ntok + 1, sizeof *L->tok_hash) ||
        !grow((void **)&L->tok_lex, &caps[7], c.ntok + 1, sizeof *L->tok_lex) ||
        !grow((void **)&L->tok_entity, &caps[8], c.ntok + 1, sizeof *L->tok_entity))
        return FL_ERR_NOMEM;
    L->tok_cap = caps[0];
    for (int k = 1; k < 9; k++)
        L->tok_cap = caps[k] < L->tok_cap ? caps[k] : L->tok_cap;
    memset(L->tok_list_known, 0, c.ntok * sizeof *L->tok_list_known);
    for (uint32_t t = 0; t < c.ntok; t++) /* only a word token has cue flags: 0 for the others */
        L->tok_cue_flags[t] = c.tok[t].kind == FL_TOKEN_WORD ? -1 : 0;
    for (uint32_t s = 0; s < c.nsent; s++)
        for (uint32_t t = c.sent[s].token_begin; t < c.sent[s].token_end; t++)
            L->tok_sentence[t] = s;
    for (uint32_t t = 0; t < c.ntok; t++)
        L->tok_quote[t] = -1;
    /* The entity layer's mentions (when it ran first, as in fl_extract):
     * "Gaza" in "northern Gaza" is then never taken for a person, and the
     * cue detector sees who is around a word. */
    memset(L->tok_entity, 0, c.ntok * sizeof *L->tok_entity);
    const fl_entity *ents = fl_doc_entities(doc);
    for (size_t e = 0, ne = fl_doc_entity_count(doc); e < ne; e++)
        for (size_t m = 0; m < ents[e].mention_count; m++)
            for (uint32_t t = ents[e].mentions[m].token_begin; t < ents[e].mentions[m].token_end && t < c.ntok; t++)
                L->tok_entity[t] = (uint8_t)(1 + ents[e].type);
    if (!fl_quotes_find(&c) || !fl_attrib_find(&c))
        return FL_ERR_NOMEM;
    fl_speakers_assign(&c);
    if (model && !fl_attrib_learned(&c, model))
        return FL_ERR_NOMEM;
    return L->failed ? FL_ERR_NOMEM : FL_OK;
}

int fl_quote_layer_grow_parts(fl_quote_layer *L, size_t need)
{
    size_t cap1 = L->part_cap, cap2 = L->part_cap;
    if (!grow((void **)&L->parts, &cap1, need, sizeof *L->parts) ||
        !grow((void **)&L->raw_parts, &cap2, need, sizeof *L->raw_parts)) {
        L->failed = 1;
        return 0;
    }
    L->part_cap = cap1 < cap2 ? cap1 : cap2;
    return 1;
}

int fl_quote_layer_grow_quotes(fl_quote_layer *L, size_t need)
{
    if (!grow((void **)&L->quotes, &L->quote_cap, need, sizeof *L->quotes)) {
        L->failed = 1;
        return 0;
    }
    return 1;
}

/* ---- accessors ---------------------------------------------------------- */

size_t fl_doc_quote_count(const fl_doc *doc) { return doc->quote_layer ? doc->quote_layer->quote_count : 0; }
const fl_quote *fl_doc_quotes(const fl_doc *doc) { return doc->quote_layer ? doc->quote_layer->quotes : NULL; }
const fl_span *fl_doc_quote_parts(const fl_doc *doc) { return doc->quote_layer ? doc->quote_layer->parts : NULL; }
size_t fl_doc_attribution_count(const fl_doc *doc)
{
    return doc->quote_layer ? doc->quote_layer->attrib_count : 0;
}
const fl_attribution *fl_doc_attributions(const fl_doc *doc)
{
    return doc->quote_layer ? doc->quote_layer->attribs : NULL;
}

const char *fl_quote_kind_name(fl_quote_kind kind)
{
    static const char *const names[] = {"statement", "partial", "scare"};
    return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "unknown";
}

const char *fl_source_type_name(fl_source_type type)
{
    static const char *const names[] = {"unknown", "person", "organisation", "media", "government", "anonymous"};
    return (unsigned)type < sizeof names / sizeof names[0] ? names[type] : "unknown";
}

const char *fl_speaker_via_name(fl_speaker_via via)
{
    static const char *const names[] = {"none", "cue", "pronoun", "nominal", "continuation", "conveyed", "message", "context"};
    return (unsigned)via < sizeof names / sizeof names[0] ? names[via] : "none";
}

/* ---- token helpers ------------------------------------------------------ */

int tok_eq_full(const qctx *c, uint32_t i, const char *word)
{
    if (i >= c->ntok)
        return 0;
    const fl_token *t = &c->tok[i];
    size_t n = t->end - t->start;
    /* no strlen: the word must end exactly where the token does */
    for (size_t j = 0; j < n; j++) {
        unsigned char a = (unsigned char)c->text[t->start + j];
        if (a >= 'A' && a <= 'Z')
            a = (unsigned char)(a + 32);
        if (!word[j] || a != (unsigned char)word[j])
            return 0;
    }
    return word[n] == 0;
}

int tok_is_wordish(const qctx *c, uint32_t i)
{
    if (i >= c->ntok)
        return 0;
    switch (c->tok[i].kind) {
    case FL_TOKEN_WORD: case FL_TOKEN_ABBREV: case FL_TOKEN_DOMAIN: case FL_TOKEN_HANDLE:
    case FL_TOKEN_NUMBER: case FL_TOKEN_CLITIC:
        return 1;
    default:
        return 0;
    }
}

_Static_assert(WL_COUNT <= 32, "tok_list_in holds one bit per word list");

/* One probe of the cue index answers every list and the cue flags of a
 * token: both are remembered, whichever was asked first. */
static void tok_learn(const qctx *c, uint32_t i)
{
    fl_quote_layer *L = c->L;
    int flags = 0;
    L->tok_list_in[i] = tok_is_wordish(c, i)
                            ? fl_word_lists(c->text + c->tok[i].start, c->tok[i].end - c->tok[i].start, &flags)
                            : 0;
    L->tok_list_known[i] |= TOK_KNOWN_LISTS;
    if (c->tok[i].kind == FL_TOKEN_WORD)
        L->tok_cue_flags[i] = (int16_t)flags;
}

int tok_in_first(const qctx *c, uint32_t i, fl_wordlist list)
{
    if (i >= c->ntok)
        return 0;
    tok_learn(c, i);
    return (unsigned)list < WL_COUNT && (c->L->tok_list_in[i] >> list & 1u);
}

int tok_cue_first(const qctx *c, uint32_t i)
{
    if (i >= c->ntok || c->tok[i].kind != FL_TOKEN_WORD)
        return 0;
    tok_learn(c, i);
    return c->L->tok_cue_flags[i];
}

int tok_punct(const qctx *c, uint32_t i, char ch)
{
    return i < c->ntok && c->tok[i].kind == FL_TOKEN_PUNCT && c->tok[i].end - c->tok[i].start == 1 &&
           c->text[c->tok[i].start] == ch;
}

int tok_cap(const qctx *c, uint32_t i) { return i < c->ntok && (c->tok[i].flags & FL_TOKEN_CAPITALIZED); }

int tok_is_mark(const qctx *c, uint32_t i) { return i < c->ntok && c->tok[i].kind == FL_TOKEN_QUOTE; }

int tok_double_mark(const qctx *c, uint32_t i)
{
    if (!tok_is_mark(c, i))
        return 0;
    const unsigned char *s = (const unsigned char *)c->text + c->tok[i].start;
    size_t n = c->tok[i].end - c->tok[i].start;
    if (n == 1)
        return s[0] == '"';
    if (n == 2)
        return s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBB); /* « » */
    if (n == 3)
        return s[0] == 0xE2 && s[1] == 0x80 && (s[2] >= 0x9C && s[2] <= 0x9F); /* “ ” „ ‟ */
    return 0;
}

fl_span tok_span(const qctx *c, uint32_t begin, uint32_t end)
{
    fl_span s = {0, 0};
    if (begin < end && end <= c->ntok) {
        s.start = c->tok[begin].start;
        s.end = c->tok[end - 1].end;
    }
    return s;
}

uint32_t tok_sentence_of(const qctx *c, uint32_t t) { return c->L->tok_sentence[t]; }

/* The first token that starts at or after byte `byte` (binary search). */
uint32_t tok_at_byte(const qctx *c, uint32_t byte)
{
    uint32_t lo = 0, hi = c->ntok;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (c->tok[mid].start < byte)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
