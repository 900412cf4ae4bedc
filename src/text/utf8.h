/*
 * utf8.h — UTF-8 decoding, validation and repair, and character classes.
 *
 * Decoding follows the Unicode "maximal subpart" practice only loosely: every
 * byte that does not start a well-formed sequence counts as one bad byte and
 * becomes one U+FFFD when repaired. Well-formed means shortest form, no
 * surrogates, nothing above U+10FFFF. Character classes come from utf8proc
 * for non-ASCII and from a table for ASCII (the hot path).
 * Not for: normalisation or case mapping of whole strings.
 */
#ifndef FL_TEXT_UTF8_H
#define FL_TEXT_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include "util/buffer.h"

/* Decodes one character at s[0..len). Returns the number of bytes used (1 for
 * an invalid byte, with *cp = -1). len must be > 0. */
size_t fl_utf8_decode(const unsigned char *s, size_t len, int32_t *cp);

/* Encodes cp into out (4 bytes room). Returns the length. */
size_t fl_utf8_encode(int32_t cp, char *out);

/* Counts of what fl_utf8_repair changed. */
typedef struct fl_utf8_repairs {
    size_t invalid;      /* bytes of invalid UTF-8 replaced */
    size_t controls;     /* control characters replaced (not tab, newline) */
    size_t nuls;         /* NUL bytes among the controls */
    size_t first_offset; /* offset in the input of the first change */
} fl_utf8_repairs;

/* Appends `in` to `out` with invalid bytes and control characters other
 * than tab and newline (C0, DEL, C1) replaced by U+FFFD. Returns 0 on
 * out-of-memory. */
int fl_utf8_repair(const char *in, size_t len, fl_buffer *out, fl_utf8_repairs *rep);

/* Quick check: 1 if the bytes are valid UTF-8 with no control characters
 * other than tab and newline. */
int fl_utf8_clean(const char *s, size_t len);

/* Character classes used by the tokenizer. */
enum {
    FL_CC_OTHER = 0,
    FL_CC_SPACE,   /* white space, including NBSP and other Zs */
    FL_CC_UPPER,   /* upper-case or title-case letter */
    FL_CC_LOWER,   /* lower-case letter */
    FL_CC_LETTER,  /* other letter (no case) */
    FL_CC_MARK,    /* combining mark: belongs to the preceding letter */
    FL_CC_DIGIT,   /* decimal digit */
    FL_CC_PUNCT,   /* punctuation */
    FL_CC_SYMBOL   /* symbol, U+FFFD, and anything else printable */
};
int fl_char_class(int32_t cp);

/* The ASCII part of the class table, for the inline fast path. */
extern const unsigned char fl_ascii_class[128];

static inline int fl_char_class_fast(int32_t cp)
{
    return (uint32_t)cp < 128 ? fl_ascii_class[cp] : fl_char_class(cp);
}

static inline int fl_cc_is_letter(int cc)
{
    return cc == FL_CC_UPPER || cc == FL_CC_LOWER || cc == FL_CC_LETTER || cc == FL_CC_MARK;
}
static inline int fl_cc_is_alnum(int cc)
{
    return fl_cc_is_letter(cc) || cc == FL_CC_DIGIT;
}

#endif
