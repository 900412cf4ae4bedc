/*
 * canon.c — canonical keys for entities and sources. See canon.h for the
 * rules; the word lists are the data tables below.
 */
#include "store/canon.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/sorted.h"

/* Words dropped from the front of a person's name. */
static const char *const person_titles[] = {
    "acting", "adm", "admiral", "ambassador", "capt", "captain", "chairman", "chancellor", "chief", "col",
    "colonel", "commander", "defence", "defense", "deputy", "director", "dr", "economy", "emir", "envoy",
    "finance", "foreign", "former", "gen", "general", "gov", "governor", "health", "home", "interior", "justice",
    "king", "leader", "lieutenant", "lt", "maj", "major", "mayor", "minister", "mr", "mrs", "ms", "national",
    "of", "pm", "pope", "premier", "president", "prime", "prince", "prof", "professor", "queen", "rabbi", "rep",
    "representative", "secretary", "security", "sen", "senator", "sgt", "sheikh", "sir", "speaker", "spokesman",
    "spokesperson", "spokeswoman", "state", "the", "us", "vice",
};

/* Words that carry no identity in an organisation's or source's name. */
static const char *const org_stop_words[] = {
    "a", "an", "and", "for", "in", "of", "on", "said", "the", "to",
};

/* Country variants: every spelling on the left maps to the name on the right. */
static const struct { const char *variant, *name; } country_variants[] = {
    {"america", "united states"}, {"britain", "united kingdom"}, {"great britain", "united kingdom"},
    {"u.k", "united kingdom"}, {"u.k.", "united kingdom"}, {"u.s", "united states"},
    {"u.s.", "united states"}, {"u.s.a", "united states"}, {"u.s.a.", "united states"},
    {"uk", "united kingdom"}, {"united states of america", "united states"}, {"us", "united states"},
    {"usa", "united states"}, {"uae", "united arab emirates"}, {"drc", "democratic republic of the congo"},
};

static int in_sorted(const char *const *list, size_t n, const char *w, size_t len)
{
    return fl_sorted_find(list, n, sizeof list[0], w, len, fl_span_compare_bytes) >= 0;
}

/* Lower-cases with Unicode case folding; turns curly apostrophes straight and
 * every other non-letter, non-digit character except . - ' into a space. */
static void fold(const char *s, size_t len, fl_buffer *out)
{
    utf8proc_ssize_t i = 0;
    while ((size_t)i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)len - i, &cp);
        if (n <= 0) {
            i++;
            continue;
        }
        i += n;
        if (cp == 0x2019 || cp == 0x2018)
            cp = '\'';
        const utf8proc_property_t *p = utf8proc_get_property(cp);
        int keep = cp == '.' || cp == '-' || cp == '\'' ||
                   (p->category >= UTF8PROC_CATEGORY_LU && p->category <= UTF8PROC_CATEGORY_LO) ||
                   p->category == UTF8PROC_CATEGORY_ND;
        if (!keep) {
            fl_buffer_append_char(out, ' ');
            continue;
        }
        utf8proc_int32_t low = utf8proc_tolower(cp);
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t k = utf8proc_encode_char(low, enc);
        fl_buffer_append(out, enc, (size_t)k);
    }
}

typedef struct word {
    const char *s;
    size_t len;
} word;

static int word_cmp(const void *a, const void *b)
{
    const word *x = a, *y = b;
    int c = memcmp(x->s, y->s, x->len < y->len ? x->len : y->len);
    return c ? c : (x->len < y->len ? -1 : x->len > y->len);
}

static int ends_with(const word *w, const char *suffix)
{
    size_t n = strlen(suffix);
    return w->len > n && memcmp(w->s + w->len - n, suffix, n) == 0;
}

size_t fl_canon_key(const char *type, const char *name, size_t len, fl_buffer *out)
{
    fl_buffer folded;
    fl_buffer_init(&folded);
    fold(name, len, &folded);
    word words[64];
    size_t n = 0;
    const char *p = folded.data, *end = folded.data + folded.len;
    while (p < end && n < 64) {
        while (p < end && *p == ' ')
            p++;
        const char *q = p;
        while (q < end && *q != ' ')
            q++;
        if (q > p) {
            word w = {p, (size_t)(q - p)};
            /* trim punctuation at the ends and a possessive */
            while (w.len && (w.s[0] == '.' || w.s[0] == '-' || w.s[0] == '\''))
                w.s++, w.len--;
            if (w.len > 2 && w.s[w.len - 2] == '\'' && w.s[w.len - 1] == 's')
                w.len -= 2;
            while (w.len && (w.s[w.len - 1] == '-' || w.s[w.len - 1] == '\'' ||
                             (w.s[w.len - 1] == '.' && !memchr(w.s, '.', w.len - 1))))
                w.len--;
            if (w.len)
                words[n++] = w;
        }
        p = q;
    }
    fl_buffer_clear(out);
    int is_per = strcmp(type, "PER") == 0, is_loc = strcmp(type, "LOC") == 0 || strcmp(type, "GPE") == 0;
    size_t first = 0;
    if (is_per) {
        /* Drop leading titles, but never the last word. */
        while (first + 1 < n &&
               in_sorted(person_titles, sizeof person_titles / sizeof person_titles[0], words[first].s, words[first].len))
            first++;
    } else if (n > 1 && words[0].len == 3 && memcmp(words[0].s, "the", 3) == 0) {
        first = 1;
    }
    if (is_per || is_loc || strcmp(type, "MISC") == 0) {
        for (size_t i = first; i < n; i++) {
            if (i > first)
                fl_buffer_append_char(out, ' ');
            fl_buffer_append(out, words[i].s, words[i].len);
        }
        if (is_loc) {
            for (size_t i = 0; i < sizeof country_variants / sizeof country_variants[0]; i++) {
                if (strcmp(out->data, country_variants[i].variant) == 0) {
                    fl_buffer_clear(out);
                    fl_buffer_append_str(out, country_variants[i].name);
                    break;
                }
            }
        }
    } else {
        /* ORG, SOURCE: a sorted bag of words without stop words and descriptors. */
        word kept[64];
        size_t k = 0;
        for (size_t i = first; i < n; i++) {
            if (in_sorted(org_stop_words, sizeof org_stop_words / sizeof org_stop_words[0], words[i].s, words[i].len))
                continue;
            if (ends_with(&words[i], "-run") || ends_with(&words[i], "-led") || ends_with(&words[i], "-backed") ||
                ends_with(&words[i], "-controlled") || ends_with(&words[i], "-affiliated"))
                continue;
            kept[k++] = words[i];
        }
        qsort(kept, k, sizeof kept[0], word_cmp);
        for (size_t i = 0; i < k; i++) {
            if (i && word_cmp(&kept[i], &kept[i - 1]) == 0)
                continue;
            if (out->len)
                fl_buffer_append_char(out, ' ');
            fl_buffer_append(out, kept[i].s, kept[i].len);
        }
    }
    fl_buffer_release(&folded);
    return out->len;
}

size_t fl_canon_surname(const char *key, size_t len, const char **surname)
{
    size_t i = len;
    while (i > 0 && key[i - 1] != ' ')
        i--;
    *surname = key + i;
    return len - i;
}
