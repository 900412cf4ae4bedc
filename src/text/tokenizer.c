/*
 * tokenizer.c — news English tokens with byte spans.
 *
 * One left-to-right pass over a paragraph. White space separates chunks; in
 * each chunk the scanner recognises, in order: URLs, @handles and #hashtags
 * at the chunk start; words and numbers with their inner connectors
 * (decimal points and thousands separators between digits, hyphens, inner
 * periods of initials and domains, inner apostrophes of names); clitics; and
 * single punctuation, quote and dash tokens. The decisions are local (a few
 * characters of look-ahead), so the cost is linear in the text and nothing is
 * allocated except the token array. The conventions are listed in
 * factline.h (section 4). Not for: sentences (sentences.c).
 */
#include "text/tokenizer.h"

#include <string.h>

#include "text/tables.h"
#include "text/utf8.h"
#include "util/grow.h"

typedef struct scanner {
    const char *text;
    size_t end;           /* end of the paragraph */
    fl_token_array *out;
    int open_single;      /* an opening single quote is waiting for its close */
    int open_double;      /* an opening double quote is waiting for its close */
    int failed;
} scanner;

static inline int32_t peek(const scanner *s, size_t i, size_t *n)
{
    if (i >= s->end) {
        *n = 0;
        return -1;
    }
    unsigned char c = (unsigned char)s->text[i];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    int32_t cp;
    *n = fl_utf8_decode((const unsigned char *)s->text + i, s->end - i, &cp);
    return cp < 0 ? 0xFFFD : cp;
}

static inline int class_at(const scanner *s, size_t i)
{
    size_t n;
    int32_t cp = peek(s, i, &n);
    return n ? fl_char_class_fast(cp) : FL_CC_SPACE;
}

static int is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }
static int is_hyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

static int is_quote(int32_t cp)
{
    switch (cp) {
    case '"': case '\'': case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2039: case 0x203A: case '`':
        return 1;
    default:
        return 0;
    }
}

static int is_dash(int32_t cp) { return cp == 0x2013 || cp == 0x2014 || cp == 0x2015 || cp == 0x2212; }

static void emit(scanner *s, size_t start, size_t end, int kind, int space_before)
{
    fl_token_array *a = s->out;
    if (!fl_grow(&a->tokens, &a->cap, a->count + 1, sizeof *a->tokens, 256)) {
        s->failed = 1;
        return;
    }
    fl_token *t = &a->tokens[a->count++];
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->kind = (uint16_t)kind;
    unsigned flags = space_before ? FL_TOKEN_SPACE_BEFORE : 0;
    if (kind == FL_TOKEN_WORD || kind == FL_TOKEN_ABBREV || kind == FL_TOKEN_NUMBER ||
        kind == FL_TOKEN_DOMAIN || kind == FL_TOKEN_HASHTAG || kind == FL_TOKEN_HANDLE) {
        /* What the token's characters hold, as bits: a letter, a lower-case
         * letter, a digit. The first character that is not punctuation or
         * a symbol makes the token capitalised if it is upper case. Every
         * token is scanned once here, so ASCII is read straight from the
         * class table. */
        enum { HAS_LETTER = 1, HAS_LOWER = 2, HAS_DIGIT = 4 };
        static const uint8_t class_bits[FL_CC_SYMBOL + 1] = {
            [FL_CC_UPPER] = HAS_LETTER, [FL_CC_LOWER] = HAS_LETTER | HAS_LOWER, [FL_CC_LETTER] = HAS_LETTER,
            [FL_CC_DIGIT] = HAS_DIGIT,
        };
        const unsigned char *text = (const unsigned char *)s->text;
        unsigned has = 0;
        size_t i = start;
        while (i < end) {
            size_t n;
            int cc = fl_char_class_fast(peek(s, i, &n));
            i += n;
            has |= class_bits[cc];
            if (cc != FL_CC_PUNCT && cc != FL_CC_SYMBOL) {
                if (cc == FL_CC_UPPER)
                    flags |= FL_TOKEN_CAPITALIZED;
                break;
            }
        }
        while (i < end) {
            if (text[i] < 0x80) {
                has |= class_bits[fl_ascii_class[text[i]]];
                i++;
            } else {
                size_t n;
                has |= class_bits[fl_char_class_fast(peek(s, i, &n))];
                i += n;
            }
        }
        if (has & HAS_DIGIT)
            flags |= FL_TOKEN_HAS_DIGIT;
        if ((has & HAS_LETTER) && !(has & HAS_LOWER))
            flags |= FL_TOKEN_ALL_CAPS;
    }
    t->flags = (uint16_t)flags;
}

static int ascii_prefix_ci(const scanner *s, size_t i, const char *p)
{
    size_t n = strlen(p);
    if (s->end - i < n)
        return 0;
    for (size_t k = 0; k < n; k++) {
        char c = s->text[i + k];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != p[k])
            return 0;
    }
    return 1;
}

/* A URL from i to the end of the chunk, less trailing punctuation and an
 * unbalanced closing bracket. Returns its end. */
static size_t scan_url(const scanner *s, size_t i)
{
    size_t j = i;
    int depth = 0;
    while (j < s->end) {
        size_t n;
        int32_t cp = peek(s, j, &n);
        if (fl_char_class_fast(cp) == FL_CC_SPACE || cp == '"' || cp == '<' || cp == '>' || cp == 0x201C ||
            cp == 0x201D)
            break;
        if (cp == '(')
            depth++;
        else if (cp == ')')
            depth--;
        j += n;
    }
    while (j > i) {
        char c = s->text[j - 1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'') {
            j--;
        } else if (c == ')' && depth < 0) {
            depth++;
            j--;
        } else {
            break;
        }
    }
    return j;
}

/* The position after the letters that start at k. */
static size_t skip_letters(const scanner *s, size_t k)
{
    while (k < s->end) {
        size_t n;
        int32_t cp = peek(s, k, &n);
        if (!fl_cc_is_letter(fl_char_class_fast(cp)))
            break;
        k += n;
    }
    return k;
}

/* True if the word [a, b) looks like initials: single letters each followed by
 * a period inside (U.S, J.R.R, e.g). */
static int is_initials(const scanner *s, size_t a, size_t b)
{
    size_t i = a;
    int letters = 0;
    while (i < b) {
        size_t n;
        int32_t cp = peek(s, i, &n);
        if (!fl_cc_is_letter(fl_char_class_fast(cp)))
            return 0;
        i += n;
        letters++;
        if (i == b)
            break;
        if (s->text[i] != '.')
            return 0;
        i++;
    }
    return letters >= 2;
}

/* True if [a, b) is a domain name: two or more dot-separated labels of
 * letters, digits and hyphens, the last a known lower-case TLD. */
static int is_domain(const scanner *s, size_t a, size_t b)
{
    size_t last = a;
    int dots = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)s->text[i];
        if (c == '.') {
            if (i == a || s->text[i - 1] == '.')
                return 0;
            dots++;
            last = i + 1;
        } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
            return 0;
        }
    }
    return dots > 0 && last < b && fl_table_tld(s->text + last, b - last);
}

/* Scans an e-mail domain after '@' at i: labels and dots; returns its end or
 * 0 if it is not one. */
static size_t scan_email_domain(const scanner *s, size_t i)
{
    size_t j = i;
    while (j < s->end) {
        unsigned char c = (unsigned char)s->text[j];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
            (c == '.' && j + 1 < s->end && s->text[j + 1] != '.' && fl_cc_is_alnum(class_at(s, j + 1))))
            j++;
        else
            break;
    }
    return j > i && memchr(s->text + i, '.', j - i) ? j : 0;
}

/* Scans a word or number starting at i (an alphanumeric character) and emits
 * it with any clitic that follows. Returns the position after what it used. */
static size_t scan_word(scanner *s, size_t i, int space_before)
{
    size_t start = i, j = i;
    size_t first_dot = 0;        /* position of the first inner period, if any */
    int numeric = class_at(s, i) == FL_CC_DIGIT;
    int only_digits_and_seps = numeric;
    size_t clitic_at = 0;        /* where a clitic starts, if the word ends in one */
    for (;;) {
        size_t n;
        int32_t cp = peek(s, j, &n);
        if (!n)
            break;
        int cc = fl_char_class_fast(cp);
        if (fl_cc_is_alnum(cc)) {
            if (cc != FL_CC_DIGIT)
                only_digits_and_seps = 0;
            j += n;
            continue;
        }
        size_t n2;
        int32_t next = peek(s, j + n, &n2);
        int next_cc = n2 ? fl_char_class_fast(next) : FL_CC_SPACE;
        int prev_digit = j > start && s->text[j - 1] >= '0' && s->text[j - 1] <= '9';
        if (cp == '.' && fl_cc_is_alnum(next_cc)) {
            if (!first_dot)
                first_dot = j;
            j += n;
            continue;
        }
        if ((cp == ',' || cp == ':') && only_digits_and_seps && prev_digit && next_cc == FL_CC_DIGIT) {
            j += n;
            continue;
        }
        if (is_hyphen(cp) && fl_cc_is_alnum(next_cc)) {
            only_digits_and_seps = 0;
            j += n;
            continue;
        }
        if (cp == '&' && j > start && s->text[j - 1] >= 'A' && s->text[j - 1] <= 'Z' && next_cc == FL_CC_UPPER) {
            j += n;
            continue;
        }
        if (cp == '_' && fl_cc_is_alnum(next_cc)) {
            j += n;
            continue;
        }
        if (cp == '@' && fl_cc_is_alnum(next_cc)) {
            size_t e = scan_email_domain(s, j + 1);
            if (e) {
                emit(s, start, e, FL_TOKEN_EMAIL, space_before);
                return e;
            }
            break;
        }
        if (is_apostrophe(cp) && fl_cc_is_letter(next_cc)) {
            /* Letters after the apostrophe decide: a clitic ends the word. */
            size_t k = skip_letters(s, j + n);
            size_t suffix_len = k - (j + n);
            if (suffix_len == 1 && (s->text[j + n] | 32) == 't' && j > start + 1 && (s->text[j - 1] | 32) == 'n') {
                clitic_at = j - 1; /* n't */
                break;
            }
            if (fl_table_clitic(s->text + j + n, suffix_len)) {
                clitic_at = j;
                break;
            }
            j += n; /* O'Brien */
            continue;
        }
        break;
    }
    size_t end = clitic_at ? clitic_at : j;
    int kind = numeric ? FL_TOKEN_NUMBER : FL_TOKEN_WORD;
    /* Inner periods: a decimal number, initials, a domain, or a missing space. */
    if (first_dot && first_dot < end) {
        if (numeric && (only_digits_and_seps || class_at(s, first_dot + 1) == FL_CC_DIGIT)) {
            /* 1.4, 1,234.5, 10:30, 5.5bn */
        } else if (!numeric && is_initials(s, start, end)) {
            kind = FL_TOKEN_ABBREV;
            if (end < s->end && s->text[end] == '.' && !clitic_at)
                end++;
        } else if (is_domain(s, start, end)) {
            kind = FL_TOKEN_DOMAIN;
        } else {
            /* "added.On": two words run together; stop at the period. */
            end = first_dot;
            clitic_at = 0;
        }
    } else if (!clitic_at && end < s->end && s->text[end] == '.' && kind == FL_TOKEN_WORD) {
        /* A final period: keep it for abbreviations and initials. */
        size_t len = end - start;
        int flags = fl_table_abbreviation(s->text + start, len);
        int single_upper = len == 1 && s->text[start] >= 'A' && s->text[start] <= 'Z';
        int keep = 0;
        if (single_upper) {
            keep = 1;
        } else if (flags) {
            if (flags & FL_ABBR_NEEDS_NUMBER) {
                size_t k = end + 1;
                while (k < s->end && s->text[k] == ' ')
                    k++;
                keep = k < s->end && s->text[k] >= '0' && s->text[k] <= '9';
            } else {
                keep = 1;
            }
        }
        if (keep) {
            end++;
            kind = FL_TOKEN_ABBREV;
        }
    }
    emit(s, start, end, kind, space_before);
    if (clitic_at && end == clitic_at) {
        /* The clitic: 's 're n't ..., up to the end of its letters. */
        size_t k = clitic_at;
        if ((s->text[k] | 32) == 'n')
            k++;
        size_t n;
        peek(s, k, &n);
        k += n; /* the apostrophe */
        k = skip_letters(s, k);
        emit(s, clitic_at, k, FL_TOKEN_CLITIC, 0);
        return k;
    }
    return end;
}

static void scan_paragraph(scanner *s, size_t i)
{
    int space_before = 1;
    while (i < s->end && !s->failed) {
        size_t n;
        int32_t cp = peek(s, i, &n);
        int cc = fl_char_class_fast(cp);
        if (cc == FL_CC_SPACE) {
            i += n;
            space_before = 1;
            continue;
        }
        size_t start = i;
        int chunk_start = space_before || (i > 0 && (s->text[i - 1] == '(' || s->text[i - 1] == '"' ||
                                                     s->text[i - 1] == '['));
        /* A URL starts with h or w: most chunks are ruled out by one byte. */
        unsigned char c0 = (unsigned char)(s->text[i] | 0x20);
        if (chunk_start && (c0 == 'h' || c0 == 'w') &&
            (ascii_prefix_ci(s, i, "http://") || ascii_prefix_ci(s, i, "https://") || ascii_prefix_ci(s, i, "www."))) {
            size_t e = scan_url(s, i);
            if (e > i + 4) {
                emit(s, i, e, FL_TOKEN_URL, space_before);
                i = e;
                space_before = 0;
                continue;
            }
        }
        if (fl_cc_is_alnum(cc)) {
            i = scan_word(s, i, space_before);
            space_before = 0;
            continue;
        }
        if ((cp == '@' || cp == '#') && chunk_start) {
            size_t j = i + 1;
            int letters = 0;
            while (j < s->end) {
                int c2 = class_at(s, j);
                if (fl_cc_is_alnum(c2) || s->text[j] == '_') {
                    letters |= fl_cc_is_letter(c2);
                    size_t n2;
                    peek(s, j, &n2);
                    j += n2;
                } else {
                    break;
                }
            }
            if (j > i + 1 && (cp == '@' || letters)) {
                emit(s, i, j, cp == '@' ? FL_TOKEN_HANDLE : FL_TOKEN_HASHTAG, space_before);
                i = j;
                space_before = 0;
                continue;
            }
        }
        int kind = FL_TOKEN_PUNCT;
        size_t end = i + n;
        if (is_quote(cp)) {
            kind = FL_TOKEN_QUOTE;
        } else if (is_dash(cp)) {
            kind = FL_TOKEN_DASH;
        } else if (cp == '-') {
            if (i + 1 < s->end && s->text[i + 1] == '-') {
                while (end < s->end && s->text[end] == '-')
                    end++;
            }
            kind = FL_TOKEN_DASH;
        } else if (cp == '.') {
            while (end < s->end && s->text[end] == '.')
                end++;
        } else if (cc == FL_CC_SYMBOL || cc == FL_CC_OTHER) {
            kind = FL_TOKEN_SYMBOL;
        }
        emit(s, start, end, kind, space_before);
        if (kind == FL_TOKEN_QUOTE && !s->failed) {
            fl_token *t = &s->out->tokens[s->out->count - 1];
            size_t n2;
            int32_t next = peek(s, end, &n2);
            int next_space = !n2 || fl_char_class_fast(next) == FL_CC_SPACE;
            int prev_open = space_before || i == 0 || strchr("([{", s->text[i - 1]) != NULL ||
                            (s->out->count >= 2 && (s->out->tokens[s->out->count - 2].kind == FL_TOKEN_DASH ||
                                                    s->out->tokens[s->out->count - 2].kind == FL_TOKEN_QUOTE));
            int open;
            int prev_terminal = i > 0 && (s->text[i - 1] == '.' || s->text[i - 1] == '!' || s->text[i - 1] == '?' ||
                                          s->text[i - 1] == ',');
            if (cp == 0x201C || cp == 0x2018 || cp == 0x00AB || cp == 0x2039 || cp == 0x201E || cp == 0x201A || cp == '`')
                open = 1;
            else if (cp == 0x201D || cp == 0x00BB || cp == 0x203A)
                open = 0;
            else if (cp != '"')
                open = prev_open && !next_space;
            else if (prev_open != !next_space)
                open = !s->open_double; /* no space either side, or both: the pairing decides */
            else if (!prev_open && prev_terminal && s->open_double == 0 && fl_char_class_fast(next) == FL_CC_UPPER)
                open = 1;               /* since."Kim: a closing quote then a new one, glued */
            else
                open = prev_open;
            if (cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E)
                s->open_double = open;
            if (cp == '\'' || cp == 0x2019) {
                /* soldiers' — a possessive unless a single quote is open. */
                size_t p = t->start;
                if (!open && !space_before && !s->open_single && p > 0 && (s->text[p - 1] | 32) == 's' &&
                    (next_space || class_at(s, end) == FL_CC_PUNCT)) {
                    t->kind = FL_TOKEN_CLITIC;
                } else if (open) {
                    s->open_single = 1;
                } else {
                    s->open_single = 0;
                }
            }
            if (t->kind == FL_TOKEN_QUOTE)
                t->flags |= open ? FL_TOKEN_QUOTE_OPEN : FL_TOKEN_QUOTE_CLOSE;
        }
        i = end;
        space_before = 0;
    }
}

int fl_tokenize(const char *text, size_t start, size_t end, fl_token_array *out)
{
    scanner s = {text, end, out, 0, 0, 0};
    scan_paragraph(&s, start);
    return !s.failed;
}
