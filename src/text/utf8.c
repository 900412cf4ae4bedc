/*
 * utf8.c — UTF-8 decoding, repair and character classes. See utf8.h.
 */
#include "text/utf8.h"
#include "util/swar.h"

#include <utf8proc.h>

size_t fl_utf8_decode(const unsigned char *s, size_t len, int32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    size_t n;
    int32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; v = c & 0x07; min = 0x10000;
    } else {
        *cp = -1;
        return 1;
    }
    if (len < n) {
        *cp = -1;
        return 1;
    }
    for (size_t i = 1; i < n; i++) {
        unsigned cc = s[i];
        if ((cc & 0xC0) != 0x80) {
            *cp = -1;
            return 1;
        }
        v = (v << 6) | (int32_t)(cc & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = -1;
        return 1;
    }
    *cp = v;
    return n;
}

size_t fl_utf8_encode(int32_t cp, char *out)
{
    unsigned u = (unsigned)cp;
    if (u < 0x80) {
        out[0] = (char)u;
        return 1;
    }
    if (u < 0x800) {
        out[0] = (char)(0xC0 | (u >> 6));
        out[1] = (char)(0x80 | (u & 0x3F));
        return 2;
    }
    if (u < 0x10000) {
        out[0] = (char)(0xE0 | (u >> 12));
        out[1] = (char)(0x80 | ((u >> 6) & 0x3F));
        out[2] = (char)(0x80 | (u & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (u >> 18));
    out[1] = (char)(0x80 | ((u >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((u >> 6) & 0x3F));
    out[3] = (char)(0x80 | (u & 0x3F));
    return 4;
}

static int is_control(int32_t cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F);
}

int fl_utf8_repair(const char *in, size_t len, fl_buffer *out, fl_utf8_repairs *rep)
{
    static const char replacement[] = "\xEF\xBF\xBD";
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0, run = 0;
    if (!fl_buffer_reserve(out, len))
        return 0;
    while (i < len) {
        /* Copy runs of clean ASCII at once: the common case, eight bytes
         * a test while they are all printable ASCII. */
        while (i + 8 <= len) {
            uint64_t x = fl_swar_load(s + i);
            if (fl_swar_has_less(x, 0x20) | fl_swar_has_more(x, 0x7E))
                break;
            i += 8;
        }
        if (i >= len)
            break;
        if (s[i] >= 0x20 && s[i] < 0x7F) {
            i++;
            continue;
        }
        int32_t cp;
        size_t n = fl_utf8_decode(s + i, len - i, &cp);
        if (cp >= 0 && !is_control(cp)) {
            i += n;
            continue;
        }
        if (!fl_buffer_append(out, in + run, i - run))
            return 0;
        if (rep->invalid + rep->controls == 0)
            rep->first_offset = i;
        if (cp < 0)
            rep->invalid++;
        else {
            rep->controls++;
            if (cp == 0)
                rep->nuls++;
        }
        if (!fl_buffer_append(out, replacement, 3))
            return 0;
        i += n;
        run = i;
    }
    return fl_buffer_append(out, in + run, len - run);
}

int fl_utf8_clean(const char *in, size_t len)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0;
    while (i < len) {
        if (s[i] >= 0x20 && s[i] < 0x7F) {
            i++;
            continue;
        }
        int32_t cp;
        i += fl_utf8_decode(s + i, len - i, &cp);
        if (cp < 0 || is_control(cp))
            return 0;
    }
    return 1;
}

const unsigned char fl_ascii_class[128] = {
    /* 0x00-0x1F: controls; tab, newline, vertical tab, form feed, CR are space */
    0, 0, 0, 0, 0, 0, 0, 0, 0, FL_CC_SPACE, FL_CC_SPACE, FL_CC_SPACE, FL_CC_SPACE, FL_CC_SPACE, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* space ! " # $ % & ' ( ) * + , - . / */
    FL_CC_SPACE, FL_CC_PUNCT, FL_CC_PUNCT, FL_CC_PUNCT, FL_CC_SYMBOL, FL_CC_PUNCT, FL_CC_PUNCT, FL_CC_PUNCT,
    FL_CC_PUNCT, FL_CC_PUNCT, FL_CC_PUNCT, FL_CC_SYMBOL, FL_CC_PUNCT, FL_CC_PUNCT, FL_CC_PUNCT, FL_CC_PUNCT,
    /* 0-9 : ; < = > ? */
    FL_CC_DIGIT, FL_CC_DIGIT, FL_CC_DIGIT, FL_CC_DIGIT, FL_CC_DIGIT, FL_CC_DIGIT, FL_CC_DIGIT, FL_CC_DIGIT,
    FL_CC_DIGIT, FL_CC_DIGIT, FL_CC_PUNCT, FL_CC_PUNCT, FL_CC_SYMBOL, FL_CC_SYMBOL, FL_CC_SYMBOL, FL_CC_PUNCT,
    /* @ A-O */
    FL_CC_PUNCT, FL_CC_UPPER, FL_CC_UPPER, FL_CC_UPPER, FL_CC_UPPER, FL_CC_UPPER, FL_CC_UPPER, FL_CC_UPPER,
    FL_CC_UPPER, FL_CC_UPPER, FL_CC_UPPER, FL_CC_UPPER, FL_CC_UPPER, FL_CC_UPPER, FL_CC_UPPER, FL_CC_UPPER,
    /* P-Z [ \ ] ^ _ */
    FL_CC_UPPER, FL_CC_UPPER, FL_CC_UPPER, FL_CC_UPPER, FL_CC_UPPER, FL_CC_UPPER, FL_CC_UPPER, FL_CC_UPPER,
    FL_CC_UPPER, FL_CC_UPPER, FL_CC_UPPER, FL_CC_PUNCT, FL_CC_PUNCT, FL_CC_PUNCT, FL_CC_SYMBOL, FL_CC_PUNCT,
    /* ` a-o */
    FL_CC_SYMBOL, FL_CC_LOWER, FL_CC_LOWER, FL_CC_LOWER, FL_CC_LOWER, FL_CC_LOWER, FL_CC_LOWER, FL_CC_LOWER,
    FL_CC_LOWER, FL_CC_LOWER, FL_CC_LOWER, FL_CC_LOWER, FL_CC_LOWER, FL_CC_LOWER, FL_CC_LOWER, FL_CC_LOWER,
    /* p-z { | } ~ DEL */
    FL_CC_LOWER, FL_CC_LOWER, FL_CC_LOWER, FL_CC_LOWER, FL_CC_LOWER, FL_CC_LOWER, FL_CC_LOWER, FL_CC_LOWER,
    FL_CC_LOWER, FL_CC_LOWER, FL_CC_LOWER, FL_CC_PUNCT, FL_CC_SYMBOL, FL_CC_PUNCT, FL_CC_SYMBOL, 0,
};

int fl_char_class(int32_t cp)
{
    if (cp < 0)
        return FL_CC_SYMBOL;
    if (cp < 128)
        return fl_ascii_class[cp];
    if (cp == 0xFFFD)
        return FL_CC_SYMBOL;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return FL_CC_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return FL_CC_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return FL_CC_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return FL_CC_MARK;
    case UTF8PROC_CATEGORY_ND:
        return FL_CC_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return FL_CC_SPACE;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return FL_CC_PUNCT;
    case UTF8PROC_CATEGORY_CF:
        /* Zero-width joiners, soft hyphens, BOMs inside text: treat as space-like breaks
         * would split words, so attach them like marks. */
        return FL_CC_MARK;
    default:
        return FL_CC_SYMBOL;
    }
}
