/* test_word_index.c — the hash index over word tables (util/word_index.h)
 * finds exactly what a binary search finds: every word of the figure
 * lexicon, in any ASCII case when folding, no prefix or extension of one;
 * exact-byte indexes do not fold; duplicates give the first item. And the
 * miss filter in front of fl_sorted_find (util/sorted.c) changes no answer,
 * for byte and case-folded comparisons, also with threads racing to build
 * a table's filter. */
#include <ctype.h>
#include <pthread.h>
#include <string.h>

#include "check.h"
#include "figure/words.h"
#include "util/sorted.h"
#include "util/word_index.h"

static int compare_folded(const char *s, size_t len, const char *word)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char a = (unsigned char)tolower((unsigned char)s[i]), b = (unsigned char)word[i];
        if (!b)
            return 1;
        if (a != b)
            return a < b ? -1 : 1;
    }
    return word[len] ? -1 : 0;
}

/* Sorted in byte order: capitals first. */
static const char *const sorted_words[] = {"Mr", "Mrs", "St", "al", "etc", "mln", "said", "told"};
enum { SORTED_COUNT = sizeof sorted_words / sizeof sorted_words[0] };

/* Every answer of fl_sorted_find against a plain scan, for a set of probes. */
static int sorted_agrees(void)
{
    static const char *const probes[] = {"Mr", "mr", "MR", "Mrs", "Mrs.", "M", "St", "st", "said", "SAID", "Said",
                                         "sai", "saidx", "told", "etc", "ETC", "", "zzz", "al"};
    int bad = 0;
    for (size_t p = 0; p < sizeof probes / sizeof probes[0]; p++) {
        const char *s = probes[p];
        size_t len = strlen(s);
        long want_bytes = -1, want_folded = -1;
        for (long i = 0; i < SORTED_COUNT; i++) {
            if (want_bytes < 0 && fl_span_compare_bytes(s, len, sorted_words[i]) == 0)
                want_bytes = i;
            if (want_folded < 0 && compare_folded(s, len, sorted_words[i]) == 0)
                want_folded = i;
        }
        bad += fl_sorted_find(sorted_words, SORTED_COUNT, sizeof sorted_words[0], s, len, fl_span_compare_bytes) !=
               want_bytes;
        /* A case-folded search needs a table sorted for it: the lower-case words. */
        if (want_folded >= 0 && islower((unsigned char)sorted_words[want_folded][0]))
            bad += fl_sorted_find(sorted_words + 3, SORTED_COUNT - 3, sizeof sorted_words[0], s, len,
                                  compare_folded) != want_folded - 3;
    }
    return bad;
}

static void *race(void *arg)
{
    *(int *)arg = sorted_agrees();
    return NULL;
}

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

    /* Words of every length to 40 (the filter keeps length & 15): each is
     * found, in capitals too when folding; a word with another last byte or
     * another length is not. */
    static char words[40][48];
    static item long_table[40];
    for (int i = 0; i < 40; i++) {
        for (int k = 0; k <= i; k++)
            words[i][k] = (char)('a' + (i + k) % 26);
        words[i][i + 1] = 0;
        long_table[i].word = words[i];
        long_table[i].value = i;
    }
    for (int fold = 0; fold <= 1; fold++) {
        CHECK(fl_word_index_build(&ix, long_table, 40, sizeof long_table[0], fold));
        int hits = 0, upper_hits = 0, misses = 0;
        for (int i = 0; i < 40; i++) {
            size_t len = (size_t)i + 1;
            char buf[48];
            memcpy(buf, words[i], len + 1);
            hits += fl_word_index_find(&ix, buf, len) == i;
            for (size_t k = 0; k < len; k++)
                buf[k] = (char)toupper((unsigned char)buf[k]);
            upper_hits += fl_word_index_find(&ix, buf, len) == i;
            memcpy(buf, words[i], len + 1);
            buf[len - 1] = '#';
            misses += fl_word_index_find(&ix, buf, len) == -1;
            buf[len - 1] = words[i][len - 1];
            buf[len] = 'z';
            misses += fl_word_index_find(&ix, buf, len + 1) == -1;
        }
        CHECK_INT(hits, 40);
        CHECK_INT(upper_hits, fold ? 40 : 0);
        CHECK_INT(misses, 80);
        fl_word_index_free(&ix);
    }

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

    /* Threads race to build the filters of fresh tables; then again warm. */
    pthread_t th[4];
    int bad[4] = {0};
    for (int i = 0; i < 4; i++)
        CHECK(pthread_create(&th[i], NULL, race, &bad[i]) == 0);
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        CHECK_INT(bad[i], 0);
    }
    CHECK_INT(sorted_agrees(), 0);
    CHECK_INT(fl_sorted_find(sorted_words, SORTED_COUNT, sizeof sorted_words[0], "mln", 3, fl_span_compare_bytes), 5);
    CHECK_INT(fl_sorted_find(sorted_words, SORTED_COUNT, sizeof sorted_words[0], "Mln", 3, fl_span_compare_bytes), -1);
    return check_report("word_index");
}
