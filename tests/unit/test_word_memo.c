/*
 * test_word_memo.c — the per-word memo other layers keep in the NER word
 * cache (fl_ner_word_memo): absent until NER has run on the analysed doc
 * and again after the doc is analysed anew; shared by every token of the
 * same written word; and the figure and time layers find the same figures
 * and time words with it (after NER) as without it (before NER).
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "factline.h"
#include "figure/figure.h"
#include "figure/words.h"
#include "ner/ner.h"
#include "text/doc.h"
#include "time/match.h"

static const char article[] =
    "Gaza health officials said more than 9,200 people had been killed, including 3,700 children.\n"
    "Two hundred trucks of aid crossed on Monday, and another twenty-five trucks on Tuesday.\n"
    "About half of the 2.3 million people of Gaza have fled their homes, officials said.\n"
    "TWO HUNDRED PEOPLE HAVE BEEN WOUNDED, THE MINISTRY SAID.\n"
    "The third-quarter report of 1998-10-15 said on Monday that Monday's 20-year high came in MID-DECEMBER.\n"
    "A year-end review, like the third-quarter one, followed in mid-December of the year.\n";

/* The time layer's words of every sentence, in order; their count, or 0
 * when more than `cap`. */
static size_t time_words(fl_doc *doc, fl_tword *out, size_t cap)
{
    size_t total = 0;
    for (size_t s = 0; s < doc->sentences.count; s++) {
        size_t n = 0;
        if (!fl_time_sentence_words(doc, s, &n) || total + n > cap)
            return 0;
        memcpy(out + total, doc->times.words, n * sizeof *out);
        total += n;
    }
    return total;
}

static int same_words(const fl_tword *a, const fl_tword *b, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (a[k].start != b[k].start || a[k].end != b[k].end || a[k].token != b[k].token || a[k].lex != b[k].lex ||
            a[k].num != b[k].num || a[k].ndigits != b[k].ndigits || a[k].flags != b[k].flags ||
            a[k].first != b[k].first)
            return 0;
    return 1;
}

static int same_figures(const fl_figure *a, size_t na, const fl_figure *b, size_t nb)
{
    if (na != nb)
        return 0;
    for (size_t k = 0; k < na; k++)
        if (memcmp(&a[k].span, &b[k].span, sizeof a[k].span) || memcmp(&a[k].cue, &b[k].cue, sizeof a[k].cue) ||
            memcmp(&a[k].subject, &b[k].subject, sizeof a[k].subject) || a[k].value != b[k].value ||
            a[k].category != b[k].category || a[k].qualifier != b[k].qualifier)
            return 0;
    return 1;
}

int main(void)
{
    const char *error = NULL;
    fl_extractor *ex = fl_extractor_new(NULL, &error);
    CHECK(ex != NULL);
    if (!ex) {
        fprintf(stderr, "%s\n", error ? error : "no extractor");
        return check_report("word_memo");
    }
    fl_doc *doc = fl_doc_new();
    CHECK_INT(fl_doc_analyze_text(doc, article, strlen(article)), FL_OK);
    CHECK(fl_ner_word_memo(doc, 0, FL_NER_MEMO_FIGURES) == NULL); /* NER has not run */

    /* The figure layer alone: no memo. */
    CHECK_INT(fl_figures_find(doc), FL_OK);
    size_t alone_count = fl_doc_figure_count(doc);
    fl_figure alone[64];
    CHECK(alone_count > 3 && alone_count <= 64);
    memcpy(alone, fl_doc_figures(doc), alone_count * sizeof *alone);
    static fl_tword words_alone[512], words_memo[512];
    size_t nwords = time_words(doc, words_alone, 512);
    CHECK(nwords > 50);

    /* After full extraction (NER first, so the memo is there, filled by
     * the figure layer's questions) the figure layer finds the same. */
    CHECK_INT(fl_extract(ex, doc), FL_OK);
    CHECK(fl_ner_word_memo(doc, 0, FL_NER_MEMO_FIGURES) != NULL);
    CHECK_INT(fl_figures_find(doc), FL_OK);
    CHECK(same_figures(alone, alone_count, fl_doc_figures(doc), fl_doc_figure_count(doc)));
    /* With NER run, the time layer keeps in its memo whether a word splits
     * at hyphens and its time lexicon entry: the same words, asked once
     * (filling the memo) and again (reading it). */
    for (int pass = 0; pass < 2; pass++) {
        CHECK_INT((long)time_words(doc, words_memo, 512), (long)nwords);
        CHECK(same_words(words_alone, words_memo, nwords));
        CHECK(*fl_ner_word_memo(doc, 0, FL_NER_MEMO_TIME) != FL_NER_MEMO_UNSET);
    }
    /* The words of every sentence built at once (the TIMEX3 pass, read
     * again by the event pass) are those built one sentence at a time. */
    CHECK(fl_time_doc_words(doc));
    size_t built = 0;
    for (size_t s = 0; s < doc->sentences.count; s++) {
        size_t n_s = 0;
        const fl_tword *w = fl_time_sentence_words_built(doc, s, &n_s);
        CHECK(w != NULL);
        if (!w || built + n_s > nwords)
            break;
        CHECK(same_words(words_alone + built, w, n_s));
        built += n_s;
    }
    CHECK_INT((long)built, (long)nwords);
    size_t one = 0;
    CHECK(fl_time_sentence_words(doc, 0, &one)); /* reuses the array: the rest is gone */
    CHECK(fl_time_sentence_words_built(doc, 0, &one) == NULL);
    size_t split = 0, lex = 0;
    for (size_t k = 0; k < nwords; k++) {
        split += (words_memo[k].flags & FL_W_JOINED) != 0;
        lex += words_memo[k].lex != NULL;
    }
    CHECK(split >= 4 && lex >= 6); /* the test sees both answers of the memo */
    size_t n = doc->tokens.count, same_word = 0;
    for (size_t i = 0; i < n; i++) {
        int32_t *memo = fl_ner_word_memo(doc, i, FL_NER_MEMO_FIGURES);
        CHECK(memo != NULL);
        if (!memo)
            break;
        /* Each token's memo is its word's: the same cell for the same bytes. */
        for (size_t j = 0; j < i; j++) {
            const fl_token *a = &doc->tokens.tokens[i], *b = &doc->tokens.tokens[j];
            if (a->end - a->start == b->end - b->start &&
                !memcmp(doc->text + a->start, doc->text + b->start, a->end - a->start)) {
                CHECK(fl_ner_word_memo(doc, j, FL_NER_MEMO_FIGURES) == memo);
                same_word++;
                break;
            }
        }
        /* Asked or not, what the memo gives is the lexicon's answer. */
        const fl_token *t = &doc->tokens.tokens[i];
        CHECK(fl_fig_lookup_token(doc, i) == fl_fig_lookup(doc->text + t->start, t->end - t->start));
    }
    CHECK(same_word > 10);
    CHECK(fl_ner_word_memo(doc, n, FL_NER_MEMO_FIGURES) == NULL);
    CHECK(fl_ner_word_memo(doc, 0, FL_NER_WORD_MEMOS) == NULL);

    /* A new analysis forgets the entries until NER runs again. */
    CHECK_INT(fl_doc_analyze_text(doc, article, strlen(article)), FL_OK);
    CHECK(fl_ner_word_memo(doc, 0, FL_NER_MEMO_FIGURES) == NULL);

    fl_doc_free(doc);
    fl_extractor_free(ex);
    return check_report("word_memo");
}
