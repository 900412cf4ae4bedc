/*
 * ner_tables.c — the entity layer's word lists, as data in one place: title
 * and role words stripped from people's names, the words that may join
 * them ("Secretary of State"), and country name variants. Sorted where a
 * lookup is a binary search (test_ner_aliases checks the order). Not for:
 * gazetteers learned from the shared data (ner_lexicon.c).
 */
#include <stdlib.h>
#include <string.h>

#include "ner/ner_lexicon.h"

/* Titles and roles that precede a name: "President Joe Biden",
 * "Defense Minister Yoav Gallant". Exact case, sorted (strcmp). */
static const char *const title_words[] = {
    "Ambassador", "Archbishop", "Bishop", "Capt.", "Captain", "Cardinal", "Chairman", "Chairwoman",
    "Chancellor", "Chief", "Col.", "Colonel", "Commander", "Commissioner", "Congressman", "Congresswoman",
    "Councillor", "Deputy", "Dr", "Dr.", "Emir", "Envoy", "Gen.", "General", "Gov.", "Governor", "Judge",
    "King", "Leader", "Lieutenant", "Lord", "Lt.", "Maj.", "Major", "Mayor", "Minister", "Mr", "Mr.", "Mrs",
    "Mrs.", "Ms", "Ms.", "Pope", "Premier", "President", "Prime", "Prince", "Princess", "Prof.", "Professor",
    "Queen", "Rabbi", "Rep.", "Representative", "Secretary", "Secretary-General", "Sen.", "Senator",
    "Sheikh", "Sir", "Speaker", "Spokesman", "Spokeswoman", "Vice",
};

/* Words that continue a title: "Secretary of State", "Defense Minister",
 * "Prime Minister", "Foreign Secretary". Exact case, sorted. */
static const char *const title_connectors[] = {
    "Affairs", "Armed", "Attorney", "Defence", "Defense", "Energy", "Finance", "Forces", "Foreign",
    "Health", "Home", "Interior", "Justice", "Minister", "National", "Security", "Staff", "State",
    "Trade", "Treasury", "U.N.", "U.S.", "UN", "US", "and", "for", "of", "the",
};

/* Country spellings and the name they stand for. The first spelling of
 * each group is the canonical one. */
static const struct { const char *variant, *canonical; } country_variants[] = {
    {"United States", "United States"}, {"United States of America", "United States"},
    {"US", "United States"}, {"U.S.", "United States"}, {"USA", "United States"}, {"U.S.A.", "United States"},
    {"America", "United States"},
    {"United Kingdom", "United Kingdom"}, {"UK", "United Kingdom"}, {"U.K.", "United Kingdom"},
    {"Britain", "United Kingdom"}, {"Great Britain", "United Kingdom"},
    {"United Nations", "United Nations"}, {"UN", "United Nations"}, {"U.N.", "United Nations"},
    {"European Union", "European Union"}, {"EU", "European Union"},
    {"United Arab Emirates", "United Arab Emirates"}, {"UAE", "United Arab Emirates"},
    {"Russian Federation", "Russia"}, {"Russia", "Russia"},
    {"Democratic Republic of the Congo", "Democratic Republic of the Congo"},
    {"DR Congo", "Democratic Republic of the Congo"}, {"DRC", "Democratic Republic of the Congo"},
    {"Palestinian Territories", "Palestinian Territories"}, {"Palestinian territories", "Palestinian Territories"},
    {"South Korea", "South Korea"}, {"Republic of Korea", "South Korea"},
    {"North Korea", "North Korea"}, {"DPRK", "North Korea"},
};

static int compare_word(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

static int in_list(const char *const *list, size_t n, const char *s, size_t len)
{
    char word[64];
    if (len == 0 || len >= sizeof word)
        return 0;
    memcpy(word, s, len);
    word[len] = 0;
    return bsearch(word, list, n, sizeof *list, compare_word) != NULL;
}

int fl_ner_title_word(const char *s, size_t len)
{
    return in_list(title_words, sizeof title_words / sizeof *title_words, s, len);
}

int fl_ner_title_connector(const char *s, size_t len)
{
    return in_list(title_connectors, sizeof title_connectors / sizeof *title_connectors, s, len);
}

const char *fl_ner_country_variant(size_t i)
{
    return i < sizeof country_variants / sizeof *country_variants ? country_variants[i].variant : NULL;
}

const char *fl_ner_country_canonical(const char *s, size_t len)
{
    for (size_t i = 0; i < sizeof country_variants / sizeof *country_variants; i++)
        if (strlen(country_variants[i].variant) == len && !memcmp(country_variants[i].variant, s, len))
            return country_variants[i].canonical;
    return NULL;
}

size_t fl_ner_table_dump(int which, const char *const **words)
{
    if (which == 0) {
        *words = title_words;
        return sizeof title_words / sizeof *title_words;
    }
    *words = title_connectors;
    return sizeof title_connectors / sizeof *title_connectors;
}
