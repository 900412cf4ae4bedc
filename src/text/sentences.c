/*
 * sentences.c — sentence boundaries inside one paragraph, from its tokens.
 *
 * A sentence may end after a terminator: a "." token, "!", "?", "..." or
 * "…", or an abbreviation token ending in a period ("U.S."). The closing
 * quotes and brackets glued to the terminator belong to the sentence. Then
 * the next token decides:
 *   - after "." "!" "?" "…": a new sentence unless the next token starts
 *     with a lower-case letter or is a comma-like continuation ("Why?" he asked);
 *   - after an abbreviation: never after a title (Dr., Gen.) or an initial
 *     (J.); after initials (U.S.) only when the next word is one that usually
 *     starts a sentence ("... in the U.S. The president ...") or opens a
 *     quote; after other abbreviations (pct., Inc.) before any capital.
 * Paragraph ends always end a sentence (the caller splits by paragraph).
 * Not for: tokens (tokenizer.c).
 */
#include "text/tokenizer.h"

#include <string.h>

#include "text/tables.h"
#include "util/grow.h"

static int push(fl_sentence_array *out, const fl_token *tokens, size_t b, size_t e, uint32_t paragraph)
{
    if (!fl_grow(&out->sentences, &out->cap, out->count + 1, sizeof *out->sentences, 64))
        return 0;
    fl_sentence *s = &out->sentences[out->count++];
    s->start = tokens[b].start;
    s->end = tokens[e - 1].end;
    s->token_begin = (uint32_t)b;
    s->token_end = (uint32_t)e;
    s->paragraph = paragraph;
    return 1;
}

static int token_is(const char *text, const fl_token *t, const char *s)
{
    size_t n = strlen(s);
    return t->end - t->start == n && memcmp(text + t->start, s, n) == 0;
}

static int is_terminator(const char *text, const fl_token *t)
{
    if (t->kind == FL_TOKEN_ABBREV)
        return text[t->end - 1] == '.';
    if (t->kind != FL_TOKEN_PUNCT)
        return 0;
    char c = text[t->start];
    return c == '.' || c == '!' || c == '?' || token_is(text, t, "\xE2\x80\xA6");
}

static int is_closer(const char *text, const fl_token *t)
{
    if (t->flags & FL_TOKEN_SPACE_BEFORE)
        return 0;
    if (t->kind == FL_TOKEN_QUOTE)
        return (t->flags & FL_TOKEN_QUOTE_CLOSE) != 0;
    if (t->kind == FL_TOKEN_CLITIC)
        return text[t->start] == '\'' || (unsigned char)text[t->start] == 0xE2;
    return t->kind == FL_TOKEN_PUNCT && (text[t->start] == ')' || text[t->start] == ']' || text[t->start] == '}');
}

static int starts_lower(const char *text, const fl_token *t)
{
    unsigned char c = (unsigned char)text[t->start];
    if (t->kind != FL_TOKEN_WORD && t->kind != FL_TOKEN_CLITIC)
        return c == ',' || c == ';' || c == ':' || (t->kind == FL_TOKEN_PUNCT && c == '.');
    return !(t->flags & FL_TOKEN_CAPITALIZED) && c >= 'a' && c <= 'z';
}

/* After an abbreviation ending in a period: does a sentence end there? */
static int ends_after_abbreviation(const char *text, const fl_token *t, const fl_token *next)
{
    size_t len = t->end - t->start - 1;
    const char *w = text + t->start;
    if (len == 1)
        return 0; /* an initial: J. Smith */
    int flags = fl_table_abbreviation(w, len);
    if (flags & FL_ABBR_TITLE)
        return 0;
    if (next->kind == FL_TOKEN_QUOTE && (next->flags & FL_TOKEN_QUOTE_OPEN))
        return 1;
    if (next->kind != FL_TOKEN_WORD || !(next->flags & FL_TOKEN_CAPITALIZED))
        return 0;
    /* Initials (U.S., U.N.) often precede names and titles: only a word that
     * usually starts a sentence ends one. After word abbreviations (pct.,
     * Inc., Mass.) any capitalised word does. */
    if (memchr(w, '.', len))
        return fl_table_sentence_starter(text + next->start, next->end - next->start);
    return 1;
}

int fl_split_sentences(const char *text, const fl_token *tokens, size_t tok_begin, size_t tok_end,
                       uint32_t paragraph, fl_sentence_array *out)
{
    size_t begin = tok_begin;
    size_t i = tok_begin;
    while (i < tok_end) {
        const fl_token *t = &tokens[i];
        if (!is_terminator(text, t)) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < tok_end && t->kind != FL_TOKEN_ABBREV && is_terminator(text, &tokens[j]) &&
               !(tokens[j].flags & FL_TOKEN_SPACE_BEFORE))
            j++; /* ?! and !!! */
        while (j < tok_end && is_closer(text, &tokens[j]))
            j++;
        if (j >= tok_end)
            break;
        const fl_token *next = &tokens[j];
        int boundary;
        if (t->kind == FL_TOKEN_ABBREV)
            boundary = ends_after_abbreviation(text, t, next);
        else
            boundary = !starts_lower(text, next);
        if (boundary) {
            if (!push(out, tokens, begin, j, paragraph))
                return 0;
            begin = j;
        }
        i = j;
    }
    if (begin < tok_end && !push(out, tokens, begin, tok_end, paragraph))
        return 0;
    return 1;
}
