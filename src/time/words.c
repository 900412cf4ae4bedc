/*
 * words.c — the time layer's word stream: the words the patterns read,
 * built from a sentence's tokens (a token with letters split at its ASCII
 * hyphens: "third-quarter", "20-year"), each with its number and its time
 * lexicon entry. Not for: the patterns (patterns.c) or the driver
 * (recognize.c).
 *
 * Cost. Whether a token splits and its lexicon entry depend on its bytes
 * alone, so after NER they are kept per written word in the NER word cache
 * (fl_ner_word_memo, FL_NER_MEMO_TIME) and found once per distinct word;
 * and every sentence's words are built once per article (fl_time_doc_words)
 * for both the TIMEX3 pass and the event pass (events.c).
 */
#include <stdint.h>
#include <string.h>

#include "ner/ner.h"
#include "text/doc.h"
#include "time/match.h"
#include "time/times.h"
#include "util/grow.h"

static int is_digit(char ch) { return ch >= '0' && ch <= '9'; }

static void read_number(fl_tword *w, const char *t)
{
    size_t len = w->end - w->start, k = 0;
    long v = 0;
    while (k < len && is_digit(t[w->start + k]) && k < 9)
        v = v * 10 + (t[w->start + k++] - '0');
    w->num = -1;
    if (k == 0 || (k < len && is_digit(t[w->start + k])))
        return; /* not a number, or too many digits */
    w->ndigits = (uint8_t)k;
    const char *rest = t + w->start + k;
    size_t rl = len - k;
    if (rl == 0) {
        w->flags |= FL_W_DIGITS;
        w->num = (int32_t)v;
    } else if (rl == 1 && (rest[0] == 's' || rest[0] == 'S')) {
        w->flags |= FL_W_DECADE;
        w->num = (int32_t)v;
    } else if (rl == 2 && (!strncmp(rest, "st", 2) || !strncmp(rest, "nd", 2) || !strncmp(rest, "rd", 2) ||
                           !strncmp(rest, "th", 2))) {
        w->flags |= FL_W_ORD;
        w->num = (int32_t)v;
    }
}

/* A word's time memo (fl_ner_word_memo, FL_NER_MEMO_TIME): whether the
 * token splits at hyphens, and once asked, its time lexicon entry, so that
 * both are found once per distinct word rather than once per token (they
 * depend on the token's bytes alone). */
enum {
    TMEMO_KNOWN = 1 << 30,     /* TMEMO_SPLIT is set */
    TMEMO_SPLIT = 1 << 29,     /* has a hyphen and a letter: split into words */
    TMEMO_LEX_KNOWN = 1 << 28, /* the low bits are set */
    TMEMO_LEX = 0xffff,        /* 1 + index of the whole token's entry, 0 if none */
};

/* memo: the token's time memo when s[a..b) is the whole token, else NULL. */
static int push_word(fl_time_layer *L, size_t *n, const fl_doc *doc, uint32_t tok, uint32_t a, uint32_t b,
                     unsigned flags, int32_t *memo)
{
    if (!fl_grow(&L->words, &L->words_cap, *n + 1, sizeof *L->words, 512))
        return 0;
    fl_tword *w = &L->words[(*n)++];
    const char *t = doc->text;
    w->start = a;
    w->end = b;
    w->token = tok;
    w->flags = (uint8_t)flags;
    w->lex = NULL;
    w->num = -1;
    w->ndigits = 0;
    w->first = b > a ? (uint8_t)(t[a] >= 'A' && t[a] <= 'Z' ? t[a] + 32 : t[a]) : 0;
    if (flags & (FL_W_PUNCT | FL_W_OTHER))
        return 1;
    if (t[a] >= 'A' && t[a] <= 'Z')
        w->flags |= FL_W_CAP;
    if (b > a + 1 && t[b - 1] == '.')
        w->flags |= FL_W_PERIOD;
    if (is_digit(t[a])) {
        read_number(w, t);
    } else if (memo && (*memo & TMEMO_LEX_KNOWN)) {
        const fl_lex_entry *table;
        fl_lex_dump(&table);
        w->lex = (*memo & TMEMO_LEX) ? &table[(*memo & TMEMO_LEX) - 1] : NULL;
    } else {
        w->lex = fl_lex_lookup(t + a, b - a);
        if (memo) {
            const fl_lex_entry *table;
            size_t size = fl_lex_dump(&table);
            size_t at = w->lex ? (size_t)(w->lex - table) + 1 : 0;
            if (size < TMEMO_LEX) /* always: the table has a few hundred entries */
                *memo |= TMEMO_LEX_KNOWN | (int32_t)at;
        }
    }
    return 1;
}

static int split_token(fl_time_layer *L, size_t *n, const fl_doc *doc, uint32_t tok);

/* Appends the words of token `tok`; returns 0 on out-of-memory. */
static int add_token_words(fl_time_layer *L, size_t *n, const fl_doc *doc, uint32_t tok)
{
    const fl_token *t = &doc->tokens.tokens[tok];
    const char *s = doc->text;
    switch (t->kind) {
    case FL_TOKEN_WORD:
    case FL_TOKEN_NUMBER:
    case FL_TOKEN_ABBREV:
    case FL_TOKEN_CLITIC:
        break;
    case FL_TOKEN_PUNCT:
    case FL_TOKEN_QUOTE:
    case FL_TOKEN_DASH:
        return push_word(L, n, doc, tok, t->start, t->end, FL_W_PUNCT, NULL);
    default:
        return push_word(L, n, doc, tok, t->start, t->end, FL_W_OTHER, NULL);
    }
    /* Split at ASCII hyphens when the token has letters: "third-quarter",
     * "20-year"; keep "1998-10-15" and "200-300" whole. */
    int32_t *memo = fl_ner_word_memo(doc, tok, FL_NER_MEMO_TIME);
    if (!memo || *memo == FL_NER_MEMO_UNSET) {
        /* Most tokens have no hyphen: look for one before looking for letters. */
        int letters = 0, hyphen = 0;
        for (uint32_t k = t->start; k < t->end && !hyphen; k++)
            hyphen = s[k] == '-';
        for (uint32_t k = t->start; hyphen && k < t->end && !letters; k++) {
            char ch = s[k];
            letters = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
        }
        if (!memo) /* NER has not run on the doc */
            return letters && hyphen ? split_token(L, n, doc, tok)
                                     : push_word(L, n, doc, tok, t->start, t->end, 0, NULL);
        *memo = TMEMO_KNOWN | (letters && hyphen ? TMEMO_SPLIT : 0);
    }
    if (!(*memo & TMEMO_SPLIT))
        return push_word(L, n, doc, tok, t->start, t->end, 0, memo);
    return split_token(L, n, doc, tok);
}

/* Appends the words of token `tok`, split at its hyphens. */
static int split_token(fl_time_layer *L, size_t *n, const fl_doc *doc, uint32_t tok)
{
    const fl_token *t = &doc->tokens.tokens[tok];
    const char *s = doc->text;
    uint32_t a = t->start;
    unsigned joined = 0;
    for (uint32_t k = t->start; k <= t->end; k++) {
        if (k == t->end || s[k] == '-') {
            if (k > a && !push_word(L, n, doc, tok, a, k, joined, NULL))
                return 0;
            joined = FL_W_JOINED;
            a = k + 1;
        }
    }
    return 1;
}

int fl_time_sentence_words(fl_doc *doc, size_t s, size_t *n)
{
    const fl_sentence *sent = &doc->sentences.sentences[s];
    doc->times.sentence_words_count = 0; /* words[0 .. n) are this sentence's now */
    *n = 0;
    for (uint32_t t = sent->token_begin; t < sent->token_end; t++)
        if (!add_token_words(&doc->times, n, doc, t))
            return 0;
    return 1;
}

int fl_time_doc_words(fl_doc *doc)
{
    fl_time_layer *L = &doc->times;
    size_t count = doc->sentences.count, n = 0;
    L->sentence_words_count = 0;
    /* words is never NULL after this, even for a doc without words, so a
     * NULL from fl_time_sentence_words_built means "not built". */
    if (!fl_grow(&L->sentence_words, &L->sentence_words_cap, count + 1, sizeof *L->sentence_words, 64) ||
        !fl_grow(&L->words, &L->words_cap, 1, sizeof *L->words, 512))
        return 0;
    for (size_t s = 0; s < count; s++) {
        const fl_sentence *sent = &doc->sentences.sentences[s];
        L->sentence_words[s] = n;
        for (uint32_t t = sent->token_begin; t < sent->token_end; t++)
            if (!add_token_words(L, &n, doc, t))
                return 0;
    }
    L->sentence_words[count] = n;
    L->sentence_words_count = count;
    return 1;
}

const fl_tword *fl_time_sentence_words_built(const fl_doc *doc, size_t s, size_t *n)
{
    const fl_time_layer *L = &doc->times;
    if (s >= L->sentence_words_count || L->sentence_words_count != doc->sentences.count)
        return NULL;
    *n = L->sentence_words[s + 1] - L->sentence_words[s];
    return L->words + L->sentence_words[s];
}

