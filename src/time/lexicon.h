/*
 * lexicon.h — the words of time expressions, as one data table: month and
 * weekday names, number words, ordinals, units, parts of day, seasons,
 * deictic words (today, now, recently), shifters (last, next, this),
 * approximators, set adverbs (daily) and a few function words.
 *
 * Lookup is a binary search over the sorted table by the lower-cased word
 * without a final period ("Nov." looks up "nov"). The recogniser
 * (recognize.c) works on these classes, never on spellings, so supporting a
 * new spelling is one line in lexicon.c. Not for: the patterns themselves.
 */
#ifndef FL_TIME_LEXICON_H
#define FL_TIME_LEXICON_H

#include <stddef.h>
#include <stdint.h>

typedef enum fl_lex_class {
    FL_LX_NONE = 0,
    FL_LX_MONTH,      /* value 1..12 */
    FL_LX_WEEKDAY,    /* value 1 (Monday) .. 7 (Sunday) */
    FL_LX_NUMBER,     /* value the number; FL_LX_VAGUE for several, few */
    FL_LX_ORDINAL,    /* value n (first = 1) */
    FL_LX_UNIT,       /* value fl_unit */
    FL_LX_PART_OF_DAY,/* value fl_part_of_day */
    FL_LX_SEASON,     /* value fl_season */
    FL_LX_DAY_WORD,   /* today, yesterday, tomorrow, tonight: value day offset */
    FL_LX_REF,        /* now, recently, soon: value -1 past, 0 present, 1 future */
    FL_LX_SHIFT,      /* last, next, this, coming: value -1, 0, 1 */
    FL_LX_EDGE,       /* early, late, mid, end, beginning: value the fl_time_mod (START, MID, END) */
    FL_LX_APPROX,     /* about, nearly, almost, roughly ... */
    FL_LX_SET,        /* daily, weekly ...: value fl_unit */
    FL_LX_EVERY,      /* every, each, per */
    FL_LX_AGO,        /* ago, earlier, later, before, after, hence: value -1 or 1 */
    FL_LX_MERIDIEM,   /* a.m., p.m.: value 0 or 12 */
    FL_LX_ZONE,       /* EDT, GMT ... after a clock time */
    FL_LX_FISCAL,     /* fiscal */
    FL_LX_ANCHOR,     /* period, term, Christmas ...: no time alone, but part of one */
    FL_LX_DECADE_WORD,/* twenties .. nineties: value the decade's tens digit 2..9 */
    FL_LX_CLASS_COUNT
} fl_lex_class;

typedef enum fl_unit {
    FL_U_NONE = 0,
    FL_U_SECOND, FL_U_MINUTE, FL_U_HOUR, FL_U_DAY, FL_U_WEEKEND, FL_U_WEEK, FL_U_FORTNIGHT,
    FL_U_MONTH, FL_U_QUARTER, FL_U_YEAR, FL_U_DECADE, FL_U_CENTURY, FL_U_MILLENNIUM,
    FL_U_COUNT
} fl_unit;

typedef enum fl_part_of_day {
    FL_POD_MORNING = 1, FL_POD_AFTERNOON, FL_POD_EVENING, FL_POD_NIGHT, FL_POD_NOON, FL_POD_MIDNIGHT
} fl_part_of_day;

typedef enum fl_season { FL_SEASON_SPRING = 1, FL_SEASON_SUMMER, FL_SEASON_FALL, FL_SEASON_WINTER } fl_season;

enum { FL_LX_VAGUE = -1 };

/* Entry flags. */
#define FL_LXF_ABBR   0x01u /* short form (Nov, Sept): only before a number or with its period */
#define FL_LXF_AMBIG  0x02u /* also a common word (May, March, second): needs context */
#define FL_LXF_PLURAL 0x04u /* plural unit or weekday (days, Mondays) */
#define FL_LXF_ARTICLE 0x08u /* "a", "an": a number only before a unit */
#define FL_LXF_MULT   0x10u /* hundred, thousand: multiplies what precedes */
#define FL_LXF_TENS   0x20u /* twenty .. ninety: may take a unit word after */
#define FL_LXF_NEEDS_THE 0x40u /* future, past: a time only as "the future" */
#define FL_LXF_AFTER_A 0x80u /* while, date: a time word only after "a", "later", "future" ("a while", "a later date") */

typedef struct fl_lex_entry {
    const char *word;  /* lower case, no final period */
    uint8_t cls;       /* fl_lex_class */
    int8_t value;
    uint8_t flags;
} fl_lex_entry;

/* The entry for s[0..len) (ASCII letters compared case-insensitively, a
 * final period ignored), or NULL. */
const fl_lex_entry *fl_lex_lookup(const char *s, size_t len);

/* TimeML letters of a unit for durations ("D", "W", "M", "Y", "DE", "CE",
 * and "H", "M", "S" after "T"), and whether it is a clock unit. */
const char *fl_unit_letter(fl_unit u);
int fl_unit_is_clock(fl_unit u);

/* The table itself, for the test that checks its order. */
size_t fl_lex_dump(const fl_lex_entry **entries);

#endif
