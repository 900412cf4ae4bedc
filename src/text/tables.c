/*
 * tables.c — the word lists behind tables.h, as sorted data.
 *
 * Keep every list sorted in strcmp (byte) order: lookups are binary searches.
 * tests/unit/test_tables.c checks the order.
 */
#include "text/tables.h"

#include "util/sorted.h"

#include <string.h>

typedef struct abbreviation {
    const char *word;
    int flags;
} abbreviation;

#define T FL_ABBR_TITLE
#define N FL_ABBR_NEEDS_NUMBER

static const abbreviation abbreviations[] = {
    {"Adm", T}, {"Ala", 0}, {"Apr", 0}, {"Ariz", 0}, {"Art", N}, {"Assn", 0}, {"Aug", 0}, {"Ave", 0},
    {"Blvd", 0}, {"Brig", T}, {"Bros", 0}, {"Calif", 0}, {"Capt", T}, {"Cdr", T}, {"Cmdr", T},
    {"Co", 0}, {"Col", T}, {"Colo", 0}, {"Conn", 0}, {"Corp", 0}, {"Cos", 0}, {"Cpl", T}, {"Dec", 0},
    {"Del", 0}, {"Dept", 0}, {"Det", T}, {"Dr", T}, {"Feb", 0}, {"Fig", N}, {"Fla", 0}, {"Fr", T},
    {"Fri", 0}, {"Ft", T}, {"Ga", 0}, {"Gen", T}, {"Gov", T}, {"Hon", T}, {"Ill", 0}, {"Inc", 0},
    {"Insp", T}, {"Jan", 0}, {"Jr", 0}, {"Jul", 0}, {"Jun", 0}, {"Kan", 0}, {"Ky", 0}, {"La", 0},
    {"Lt", T}, {"Ltd", 0}, {"Maj", T}, {"Mass", 0}, {"Md", 0}, {"Messrs", T}, {"Mich", 0},
    {"Minn", 0}, {"Miss", 0}, {"Mlle", T}, {"Mme", T}, {"Mo", 0}, {"Mr", T}, {"Mrs", T}, {"Ms", T},
    {"Mt", T}, {"No", N}, {"Nos", N}, {"Nov", 0}, {"Oct", 0}, {"Okla", 0}, {"Ore", 0}, {"Pa", 0},
    {"Ph", 0}, {"Plc", 0}, {"Pres", T}, {"Prof", T}, {"Pte", T}, {"Pty", 0}, {"Pvt", T}, {"Rd", 0},
    {"Rep", T}, {"Reps", T}, {"Rev", T}, {"Rt", T}, {"Sen", T}, {"Sens", T}, {"Sep", 0}, {"Sept", 0},
    {"Sgt", T}, {"Sr", 0}, {"St", T}, {"Supt", T}, {"Tenn", 0}, {"Tex", 0}, {"Va", 0}, {"Vol", N},
    {"Wash", 0}, {"Wis", 0}, {"al", 0}, {"approx", 0}, {"cf", 0}, {"dept", 0}, {"est", 0},
    {"etc", 0}, {"fig", N}, {"govt", 0}, {"inc", 0}, {"ltd", 0}, {"mln", 0}, {"no", N}, {"pct", 0},
    {"plc", 0}, {"pp", N}, {"v", T}, {"vol", N}, {"vs", T},
};

#undef T
#undef N

int fl_table_abbreviation(const char *s, size_t len)
{
    long i = fl_sorted_find(abbreviations, sizeof abbreviations / sizeof abbreviations[0], sizeof abbreviations[0], s,
                            len, fl_span_compare_bytes);
    return i < 0 ? 0 : abbreviations[i].flags | 8;
}

static int in_list(const char *const *list, size_t n, const char *s, size_t len)
{
    return fl_sorted_find(list, n, sizeof list[0], s, len, fl_span_compare_bytes) >= 0;
}

static const char *const tlds[] = {
    "ae", "af", "ai", "app", "ar", "at", "au", "be", "biz", "blog", "br", "ca", "cc", "ch", "cn",
    "co", "com", "cz", "de", "dk", "edu", "eg", "es", "eu", "fi", "fm", "fr", "gov", "gr", "hk",
    "ie", "il", "in", "info", "int", "io", "iq", "ir", "jo", "jp", "kr", "lb", "ly", "me", "mil",
    "mx", "net", "news", "ng", "nl", "no", "nz", "org", "pk", "pl", "ps", "pt", "qa", "ru", "sa",
    "se", "sg", "sy", "tr", "tv", "tw", "ua", "uk", "us", "xyz", "za",
};

int fl_table_tld(const char *s, size_t len)
{
    return in_list(tlds, sizeof tlds / sizeof tlds[0], s, len);
}

static const char *const sentence_starters[] = {
    "A", "After", "Although", "An", "And", "As", "At", "Before", "But", "By", "Dr", "During",
    "Each", "Earlier", "Every", "For", "From", "He", "Her", "Here", "His", "How", "However", "I",
    "If", "In", "It", "Its", "Last", "Later", "Meanwhile", "Most", "Mr", "Mrs", "Ms", "My", "No",
    "Now", "On", "One", "Only", "Or", "Our", "She", "Since", "So", "Some", "That", "The", "Their",
    "There", "These", "They", "This", "Those", "Though", "To", "Under", "We", "What", "When",
    "Where", "Which", "While", "Who", "Why", "With", "Yet", "You",
};

int fl_table_sentence_starter(const char *s, size_t len)
{
    return in_list(sentence_starters, sizeof sentence_starters / sizeof sentence_starters[0], s, len);
}

int fl_table_clitic(const char *s, size_t len)
{
    char low[3];
    if (len == 0 || len > 2)
        return 0;
    for (size_t i = 0; i < len; i++)
        low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    if (len == 1)
        return low[0] == 's' || low[0] == 'd' || low[0] == 'm';
    return (low[0] == 'r' && low[1] == 'e') || (low[0] == 'v' && low[1] == 'e') ||
           (low[0] == 'l' && low[1] == 'l');
}

size_t fl_table_dump(int which, const char ***words)
{
    static const char *abbr_words[sizeof abbreviations / sizeof abbreviations[0]];
    switch (which) {
    case 0:
        for (size_t i = 0; i < sizeof abbreviations / sizeof abbreviations[0]; i++)
            abbr_words[i] = abbreviations[i].word;
        *words = abbr_words;
        return sizeof abbreviations / sizeof abbreviations[0];
    case 1:
        *words = (const char **)tlds;
        return sizeof tlds / sizeof tlds[0];
    default:
        *words = (const char **)sentence_starters;
        return sizeof sentence_starters / sizeof sentence_starters[0];
    }
}
