/*
 * test_figure_words.c — the figure layer's word lists: sorted, unique, lower
 * case (the lexicon is binary-searched), and look-ups that ignore case.
 */
#include <string.h>

#include "check.h"
#include "figure/words.h"

int main(void)
{
    const fl_fig_word *w;
    size_t n = fl_fig_lexicon(&w);
    CHECK(n > 300);
    for (size_t i = 0; i + 1 < n; i++)
        if (strcmp(w[i].word, w[i + 1].word) >= 0) {
            fprintf(stderr, "lexicon out of order: %s, %s\n", w[i].word, w[i + 1].word);
            CHECK(0);
        }
    for (size_t i = 0; i < n; i++) {
        for (const char *p = w[i].word; *p; p++)
            CHECK(!(*p >= 'A' && *p <= 'Z'));
        CHECK(fl_fig_lookup(w[i].word, strlen(w[i].word)) == &w[i]);
    }
    const fl_fig_word *k = fl_fig_lookup("KILLED", 6);
    CHECK(k && (k->flags & FW_AFTER) && k->category == FL_CATEGORY_KILLED);
    CHECK(fl_fig_lookup("kill", 3) == NULL);
    CHECK(fl_fig_lookup("killedx", 7) == NULL);
    const fl_fig_word *m = fl_fig_lookup("October", 7);
    CHECK(m && (m->flags & FW_MONTH) && m->value == 10);
    const fl_fig_qualifier_phrase *q;
    size_t nq = fl_fig_qualifier_phrases(&q);
    CHECK(nq >= 30);
    for (size_t i = 0; i < nq; i++)
        CHECK(q[i].qualifier < FL_QUALIFIER_COUNT && q[i].words[0] && q[i].words[strlen(q[i].words) - 1] != ' ');
    return check_report("test_figure_words");
}
