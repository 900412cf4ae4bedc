/*
 * doc.c — analysing one article: paragraphs, then tokens and sentences per
 * paragraph. The paragraph rule is in factline.h (section 2).
 */
#include "text/doc.h"
#include "ner/ner.h"

#include <stdlib.h>
#include <string.h>

#include "quote/quote_internal.h"
#include "util/grow.h"

fl_doc *fl_doc_new(void)
{
    return calloc(1, sizeof(fl_doc));
}

void fl_doc_free(fl_doc *doc)
{
    if (!doc)
        return;
    fl_time_layer_free(&doc->times);
    free(doc->tokens.tokens);
    free(doc->sentences.sentences);
    free(doc->paragraphs.paragraphs);
    fl_ner_doc_free(doc->ner);
    fl_quote_layer_free(doc->quote_layer);
    free(doc->figures.figures);
    free(doc);
}

static int is_space_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Adds paragraph [a, b) trimmed of white space, if anything is left. */
static int add_paragraph(fl_doc *doc, size_t a, size_t b)
{
    while (a < b && is_space_byte(doc->text[a]))
        a++;
    while (b > a && is_space_byte(doc->text[b - 1]))
        b--;
    if (a == b)
        return 1;
    fl_paragraph_array *p = &doc->paragraphs;
    if (!fl_grow(&p->paragraphs, &p->cap, p->count + 1, sizeof *p->paragraphs, 32))
        return 0;
    fl_paragraph *para = &p->paragraphs[p->count++];
    para->start = (uint32_t)a;
    para->end = (uint32_t)b;
    para->sentence_begin = para->sentence_end = 0;
    return 1;
}

static int line_is_blank(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (!is_space_byte(s[i]))
            return 0;
    return 1;
}

/* Splits text[a, b) into paragraphs: by blank lines if there is one, else by lines. */
static int split_paragraphs(fl_doc *doc, size_t a, size_t b)
{
    const char *t = doc->text;
    int blank_lines = 0;
    for (size_t i = a; i < b && !blank_lines;) {
        const char *nl = memchr(t + i, '\n', b - i);
        size_t e = nl ? (size_t)(nl - t) : b;
        if (e > a && e < b && line_is_blank(t, i, e) && i > a)
            blank_lines = 1;
        i = e + 1;
    }
    size_t start = a;
    for (size_t i = a; i <= b;) {
        const char *nl = i < b ? memchr(t + i, '\n', b - i) : NULL;
        size_t e = nl ? (size_t)(nl - t) : b;
        if (!blank_lines) {
            if (!add_paragraph(doc, i, e))
                return 0;
        } else if (line_is_blank(t, i, e)) {
            if (!add_paragraph(doc, start, i))
                return 0;
            start = e + 1;
        }
        if (!nl)
            break;
        i = e + 1;
    }
    if (blank_lines && start < b && !add_paragraph(doc, start, b))
        return 0;
    return 1;
}

static fl_status analyze(fl_doc *doc)
{
    doc->times.count = 0;
    doc->tokens.count = 0;
    doc->sentences.count = 0;
    fl_ner_doc_clear(doc->ner);
    fl_quote_layer_reset(doc->quote_layer);
    doc->figures.count = 0;
    for (size_t p = 0; p < doc->paragraphs.count; p++) {
        fl_paragraph *para = &doc->paragraphs.paragraphs[p];
        size_t tb = doc->tokens.count;
        if (!fl_tokenize(doc->text, para->start, para->end, &doc->tokens))
            return FL_ERR_NOMEM;
        para->sentence_begin = (uint32_t)doc->sentences.count;
        if (!fl_split_sentences(doc->text, doc->tokens.tokens, tb, doc->tokens.count, (uint32_t)p,
                                &doc->sentences))
            return FL_ERR_NOMEM;
        para->sentence_end = (uint32_t)doc->sentences.count;
    }
    return FL_OK;
}

fl_status fl_doc_analyze(fl_doc *doc, const fl_article *a)
{
    doc->article = a;
    doc->text = a->text;
    doc->len = a->text_len;
    doc->paragraphs.count = 0;
    if (!add_paragraph(doc, 0, a->headline_len))
        return FL_ERR_NOMEM;
    if (a->body_start < a->text_len && !split_paragraphs(doc, a->body_start, a->text_len))
        return FL_ERR_NOMEM;
    return analyze(doc);
}

fl_status fl_doc_analyze_text(fl_doc *doc, const char *text, size_t len)
{
    doc->article = NULL;
    doc->text = text;
    doc->len = len;
    doc->paragraphs.count = 0;
    if (!split_paragraphs(doc, 0, len))
        return FL_ERR_NOMEM;
    return analyze(doc);
}

const fl_article *fl_doc_article(const fl_doc *doc) { return doc->article; }
const char *fl_doc_text(const fl_doc *doc) { return doc->text; }
size_t fl_doc_text_len(const fl_doc *doc) { return doc->len; }
size_t fl_doc_token_count(const fl_doc *doc) { return doc->tokens.count; }
const fl_token *fl_doc_tokens(const fl_doc *doc) { return doc->tokens.tokens; }
size_t fl_doc_sentence_count(const fl_doc *doc) { return doc->sentences.count; }
const fl_sentence *fl_doc_sentences(const fl_doc *doc) { return doc->sentences.sentences; }
size_t fl_doc_paragraph_count(const fl_doc *doc) { return doc->paragraphs.count; }
const fl_paragraph *fl_doc_paragraphs(const fl_doc *doc) { return doc->paragraphs.paragraphs; }

const char *fl_token_kind_name(fl_token_kind kind)
{
    static const char *const names[FL_TOKEN_KIND_COUNT] = {
        "word", "number", "abbrev", "clitic", "punct", "quote", "dash",
        "url", "email", "handle", "hashtag", "domain", "symbol",
    };
    return (unsigned)kind < FL_TOKEN_KIND_COUNT ? names[kind] : "unknown";
}

const char *fl_version(void) { return FACTLINE_VERSION_STRING; }
