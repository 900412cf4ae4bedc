/*
 * test_quote_tables.c — the cue verb table and the word lists of
 * src/quote/cues.c are sorted (lookups bisect them) and answer lookups in
 * any letter case.
 */
#include "check.h"
#include "quote/cues.h"

static int lower_cmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int x = (*a >= 'A' && *a <= 'Z') ? *a + 32 : *a, y = (*b >= 'A' && *b <= 'Z') ? *b + 32 : *b;
        if (x != y || !x)
            return x - y;
    }
}

int main(void)
{
    for (size_t i = 1; i < fl_cue_form_count(); i++)
        CHECK(lower_cmp(fl_cue_form(i - 1), fl_cue_form(i)) < 0);
    CHECK(fl_cue_form(fl_cue_form_count()) == NULL);
    for (int w = 0; w < WL_COUNT; w++) {
        const char **words;
        size_t n = fl_cue_table_dump(w, &words);
        CHECK(n > 0);
        for (size_t i = 1; i < n; i++)
            if (lower_cmp(words[i - 1], words[i]) >= 0) {
                fprintf(stderr, "list %d out of order at %s\n", w, words[i]);
                CHECK(0);
            }
        for (size_t i = 0; i < n; i++)
            CHECK(fl_word_in((fl_wordlist)w, words[i], strlen(words[i])));
    }
    CHECK_INT(fl_cue_verb("said", 4), CUE_SPEECH | CUE_QUOTE);
    CHECK_INT(fl_cue_verb("SAID", 4), CUE_SPEECH | CUE_QUOTE);
    CHECK_INT(fl_cue_verb("say", 3), CUE_SPEECH | CUE_QUOTE | CUE_BASE);
    CHECK_INT(fl_cue_verb("told", 4), CUE_SPEECH | CUE_QUOTE | CUE_OBJECT);
    CHECK_INT(fl_cue_verb("learned", 7), CUE_REPORT);
    CHECK_INT(fl_cue_verb("believes", 8), CUE_BELIEF);
    CHECK_INT(fl_cue_verb("sai", 3), 0);
    CHECK_INT(fl_cue_verb("saidx", 5), 0);
    CHECK_INT(fl_word_in(WL_TITLE, "President", 9), 1);
    CHECK_INT(fl_word_in(WL_ANONYMOUS, "officials", 9), 1);
    CHECK_INT(fl_word_in(WL_ANONYMOUS, "official", 8), 1);
    CHECK_INT(fl_word_in(WL_ANONYMOUS, "officia", 7), 0);
    CHECK_INT(fl_word_in(WL_COUNT, "a", 1), 0);
    return check_report("test_quote_tables");
}
