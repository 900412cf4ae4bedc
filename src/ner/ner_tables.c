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

/* Country (and union) spellings, the name they stand for, and its type:
 * the first spelling of each group is the canonical one. */
static const struct {
    const char *variant, *canonical;
    int type; /* fl_entity_type */
} country_variants[] = {
    {"United States", "United States", FL_ENTITY_LOC}, {"United States of America", "United States", FL_ENTITY_LOC},
    {"US", "United States", FL_ENTITY_LOC}, {"U.S.", "United States", FL_ENTITY_LOC},
    {"USA", "United States", FL_ENTITY_LOC}, {"U.S.A.", "United States", FL_ENTITY_LOC},
    {"America", "United States", FL_ENTITY_LOC},
    {"United Kingdom", "United Kingdom", FL_ENTITY_LOC}, {"UK", "United Kingdom", FL_ENTITY_LOC},
    {"U.K.", "United Kingdom", FL_ENTITY_LOC}, {"Britain", "United Kingdom", FL_ENTITY_LOC},
    {"Great Britain", "United Kingdom", FL_ENTITY_LOC},
    {"United Nations", "United Nations", FL_ENTITY_ORG}, {"UN", "United Nations", FL_ENTITY_ORG},
    {"U.N.", "United Nations", FL_ENTITY_ORG},
    {"European Union", "European Union", FL_ENTITY_ORG}, {"EU", "European Union", FL_ENTITY_ORG},
    {"United Arab Emirates", "United Arab Emirates", FL_ENTITY_LOC}, {"UAE", "United Arab Emirates", FL_ENTITY_LOC},
    {"Russian Federation", "Russia", FL_ENTITY_LOC}, {"Russia", "Russia", FL_ENTITY_LOC},
    {"Democratic Republic of the Congo", "Democratic Republic of the Congo", FL_ENTITY_LOC},
    {"DR Congo", "Democratic Republic of the Congo", FL_ENTITY_LOC},
    {"DRC", "Democratic Republic of the Congo", FL_ENTITY_LOC},
    {"Palestinian Territories", "Palestinian Territories", FL_ENTITY_LOC},
    {"Palestinian territories", "Palestinian Territories", FL_ENTITY_LOC},
    {"South Korea", "South Korea", FL_ENTITY_LOC}, {"Republic of Korea", "South Korea", FL_ENTITY_LOC},
    {"North Korea", "North Korea", FL_ENTITY_LOC}, {"DPRK", "North Korea", FL_ENTITY_LOC},
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

const char *fl_ner_country_canonical(const char *s, size_t len, int *type)
{
    /* Asked for every mention: the first byte rules out most variants
     * before a length is taken. */
    if (!len)
        return NULL;
    for (size_t i = 0; i < sizeof country_variants / sizeof *country_variants; i++)
        if (country_variants[i].variant[0] == s[0] && strlen(country_variants[i].variant) == len &&
            !memcmp(country_variants[i].variant, s, len)) {
            if (type)
                *type = country_variants[i].type;
            return country_variants[i].canonical;
        }
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
