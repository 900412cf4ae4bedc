/*
 * tables.h — word lists used by the tokenizer and the sentence splitter.
 *
 * The lists are data (tables.c), kept in one place and sorted so that a
 * lookup is a binary search over a few hundred entries. Lookups are by byte
 * span, case-sensitive unless the function says otherwise.
 */
#ifndef FL_TEXT_TABLES_H
#define FL_TEXT_TABLES_H

#include <stddef.h>

/* Flags for an abbreviation written with a final period. */
enum {
    FL_ABBR_TITLE = 1,       /* precedes a name; a sentence never ends after it (Dr., Gen.) */
    FL_ABBR_NEEDS_NUMBER = 2 /* only an abbreviation before a number (No. 5, Art. 3) */
};

/* Returns the FL_ABBR_* flags plus 8 if s[0..len) (without its period) is a
 * known abbreviation, else 0. */
int fl_table_abbreviation(const char *s, size_t len);

/* 1 if s[0..len) is a top-level domain we accept in a domain name (lower case). */
int fl_table_tld(const char *s, size_t len);

/* 1 if s[0..len) is a word that commonly starts a sentence (The, He, But, ...):
 * after an ambiguous abbreviation such as "U.S." it signals a new sentence. */
int fl_table_sentence_starter(const char *s, size_t len);

/* 1 if s[0..len) (the letters after an apostrophe, any case) is a clitic
 * suffix: s, re, ve, ll, d, m. "n't" is handled by the tokenizer. */
int fl_table_clitic(const char *s, size_t len);

/* The lists themselves, for the test that checks their order:
 * which = 0 abbreviations, 1 TLDs, 2 sentence starters. */
size_t fl_table_dump(int which, const char ***words);

#endif
