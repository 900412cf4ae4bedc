/* test_tables.c — the word lists are sorted (lookups are binary searches) and answer. */
#include <string.h>

#include "check.h"
#include "text/tables.h"

int main(void)
{
    for (int which = 0; which < 3; which++) {
        const char **words;
        size_t n = fl_table_dump(which, &words);
        CHECK(n > 10);
        for (size_t i = 1; i < n; i++) {
            if (strcmp(words[i - 1], words[i]) >= 0)
                fprintf(stderr, "list %d out of order at %s / %s\n", which, words[i - 1], words[i]);
            CHECK(strcmp(words[i - 1], words[i]) < 0);
        }
    }
    CHECK(fl_table_abbreviation("Dr", 2) & FL_ABBR_TITLE);
    CHECK(fl_table_abbreviation("No", 2) & FL_ABBR_NEEDS_NUMBER);
    CHECK(fl_table_abbreviation("Inc", 3));
    CHECK(!fl_table_abbreviation("Blinken", 7));
    CHECK(fl_table_tld("com", 3));
    CHECK(!fl_table_tld("On", 2));
    CHECK(fl_table_sentence_starter("The", 3));
    CHECK(!fl_table_sentence_starter("Secretary", 9));
    CHECK(fl_table_clitic("s", 1));
    CHECK(fl_table_clitic("LL", 2));
    CHECK(!fl_table_clitic("Brien", 5));
    return check_report("tables");
}
