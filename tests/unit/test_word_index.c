/* test_word_index.c — the hash index over word tables (util/word_index.h)
 * finds exactly what a binary search finds: every word of the figure
 * lexicon, in any ASCII case when folding, no prefix or extension of one;
 * exact-byte indexes do not fold; duplicates give the first item. */
#include <ctype.h>
#include <string.h>

#include "check.h"
#include "figure/words.h"
#include "util/word_index.h"

typedef struct item {
    const char *word;
    int value;
} item;

int main(void)
{
    static const item table[] = {{"said", 1}, {"Told", 2}, {"a.m.", 3}, {"said", 4}, {"", 5}};
    fl_word_index ix;
    CHECK(fl_word_index_build(&ix, table, 5, sizeof table[0], 1));
    CHECK_INT(fl_word_index_find(&ix, "said", 4), 0);  /* the first of two */
    CHECK_INT(fl_word_index_find(&ix, "SAID", 4), 0);
    CHECK_INT(fl_word_index_find(&ix, "saids", 4), 0); /* the span, not the string */
    CHECK_INT(fl_word_index_find(&ix, "sai", 3), -1);
    CHECK_INT(fl_word_index_find(&ix, "saids", 5), -1);
    CHECK_INT(fl_word_index_find(&ix, "told", 4), -1); /* a capital in the table is never found folded */
    CHECK_INT(fl_word_index_find(&ix, "A.M.", 4), 2);
    CHECK_INT(fl_word_index_find(&ix, "", 0), 4);
    CHECK_INT(fl_word_index_find(&ix, "sa\0d", 4), -1);
    fl_word_index_free(&ix);

    CHECK(fl_word_index_build(&ix, table, 5, sizeof table[0], 0));
    CHECK_INT(fl_word_index_find(&ix, "Told", 4), 1);
    CHECK_INT(fl_word_index_find(&ix, "told", 4), -1);
    CHECK_INT(fl_word_index_find(&ix, "SAID", 4), -1);
    fl_word_index_free(&ix);
    CHECK_INT(fl_word_index_find(&ix, "said", 4), -1); /* freed: empty */

    /* The figure lexicon through fl_fig_lookup (indexed) agrees with the table. */
    const fl_fig_word *lex;
    size_t n = fl_fig_lexicon(&lex);
    CHECK(n > 100);
    size_t found = 0, upper_found = 0, wrong = 0;
    for (size_t i = 0; i < n; i++) {
        const char *w = lex[i].word;
        size_t len = strlen(w);
        const fl_fig_word *e = fl_fig_lookup(w, len);
        found += e == &lex[i];
        char up[64];
        if (len < sizeof up) {
            for (size_t k = 0; k <= len; k++)
                up[k] = (char)toupper((unsigned char)w[k]);
            upper_found += fl_fig_lookup(up, len) == &lex[i];
        } else {
            upper_found++;
        }
        if (len > 1) {
            const fl_fig_word *p = fl_fig_lookup(w, len - 1);
            wrong += p && strlen(p->word) != len - 1;
        }
    }
    CHECK_INT(found, n);
    CHECK_INT(upper_found, n);
    CHECK_INT(wrong, 0);
    CHECK(fl_fig_lookup("killed", 6) != NULL);
    CHECK(fl_fig_lookup("killedx", 7) == NULL);
    return check_report("word_index");
}
