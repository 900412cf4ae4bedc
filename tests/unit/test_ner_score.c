/* test_ner_score.c — tagging-time scores (ner_score.c: the word-type cache
 * of group sums, the per-model tables of fixed rows, rows added four labels
 * at a time; ner_words.c: the word and bigram caches, with the overflow of
 * a document with more words than the cache has slots) equal the sums of
 * the rows of every feature fl_ner_token_features and
 * fl_ner_history_features list, looked up one by one and added in order,
 * but for the rounding of a different order of float additions (bounded
 * here: 1e-4 relative). Run on hand-written text
 * (headline case, sentence starts, one-token sentences, gazetteer names, a
 * repeated word) twice over with one work space, so the cache is exercised
 * warm; and on the CoNLL dev set when ../shared/data is there. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ner/ner.h"
#include "ner/ner_score.h"

static float max_diff; /* the largest score difference seen */

/* The reference: every feature looked up, rows added label by label. */
static void reference_scores(const fl_ner_model *m, const fl_ner_token *t, size_t n, fl_ner_work *w, size_t a,
                             size_t b, float *out)
{
    for (size_t i = a; i < b; i++) {
        uint64_t f[FL_NER_MAX_FEATURES + FL_NER_HISTORY_FEATURES];
        unsigned c = fl_ner_token_features(m, t, n, w, i, f);
        c += fl_ner_history_features(w, i, f + c);
        float sum[FL_NER_LABELS] = {0};
        for (unsigned k = 0; k < c; k++) {
            const uint32_t *row = fl_ner_table_find(&m->features, f[k]);
            if (row)
                for (int y = 0; y < FL_NER_LABELS; y++)
                    sum[y] += m->weights[(size_t)*row * FL_NER_LABELS + y];
        }
        memcpy(out + (i - a) * FL_NER_LABELS, sum, sizeof sum);
    }
}

/* Tags the document sentence by sentence as fl_ner_tag does (so history
 * features are live), checking each sentence's scores against the
 * reference. Returns the number of sentences that differ. */
static size_t compare_document(const fl_ner_model *m, const fl_ner_token *t, size_t n, fl_ner_work *w)
{
    size_t bad = 0;
    if (!n)
        return 0;
    if (!fl_ner_prepare(m, t, n, w) || !fl_ner_type_rows(m, t, n, w))
        return 1;
    uint8_t *labels = calloc(n, 1);
    float *want = malloc(n * FL_NER_LABELS * sizeof *want);
    size_t start = 0;
    for (size_t i = 1; labels && want && i <= n; i++) {
        if (i < n && !t[i].sentence_start)
            continue;
        if (!fl_ner_work_reserve_sentence(w, i - start)) {
            bad++;
            break;
        }
        reference_scores(m, t, n, w, start, i, want);
        fl_ner_score_sentence(m, t, n, w, start, i);
        /* Equal but for the rounding of a different order of additions. */
        int same = 1;
        for (size_t k = 0; k < (i - start) * FL_NER_LABELS; k++) {
            float d = fabsf(want[k] - w->scores[k]), scale = 1 + fabsf(want[k]);
            if (d > max_diff)
                max_diff = d;
            same &= d <= 1e-4f * scale;
        }
        if (!same) {
            bad++;
            fprintf(stderr, "sentence at token %zu (%.*s): scores differ\n", start, (int)t[start].len, t[start].text);
        }
        fl_ner_viterbi(m->transitions, w, 0, i - start, labels + start);
        if (!fl_ner_history_add(w, start, i, labels))
            bad++;
        start = i;
    }
    free(labels);
    free(want);
    return bad;
}

static const char *const text[] = {
    "BRITAIN SAYS ALLIES WILL HELP UKRAINE",
    "Prime Minister Rishi Sunak told the BBC that Britain would send aid to Gaza .",
    "Hamas fighters crossed into southern Israel , the Israel Defense Forces said .",
    "Yes .",
    "Shares Of Microsoft Rose In New York After The Company Said Profits Grew",
    "\" We have no idea , \" said Sunak , who met Antony Blinken in Tel Aviv on 7 October .",
    "iPhone sales of Apple Inc. rose 3.5 % to $ 1,200 mln in the U.S. and São Paulo .",
    "Sunak",
};

int main(void)
{
    char err[512];
    fl_ner_model *m = fl_ner_model_load("models/ner.model", err, sizeof err);
    CHECK(m != NULL);
    if (!m) {
        fprintf(stderr, "%s\n", err);
        return check_report("ner_score");
    }
    fl_ner_work w;
    fl_ner_work_init(&w);
    char buf[4096];
    fl_ner_token tokens[512];
    size_t n = 0;
    char *p = buf;
    for (size_t s = 0; s < sizeof text / sizeof text[0]; s++) {
        strcpy(p, text[s]);
        int first = 1;
        for (char *tok = strtok(p, " "); tok; tok = strtok(NULL, " ")) {
            tokens[n].text = tok;
            tokens[n].len = (uint32_t)strlen(tok);
            tokens[n].sentence_start = (uint32_t)first;
            first = 0;
            n++;
        }
        p += strlen(text[s]) + 1;
    }
    CHECK_INT(compare_document(m, tokens, n, &w), 0);
    CHECK_INT(compare_document(m, tokens, n, &w), 0); /* warm cache */
    CHECK_INT(compare_document(m, tokens + 1, n - 1, &w), 0); /* neighbours shifted */

    /* A model without word classes takes the other branch. */
    fl_ner_table clusters = m->clusters;
    memset(&m->clusters, 0, sizeof m->clusters);
    fl_ner_model_changed(m);
    CHECK_INT(compare_document(m, tokens, n, &w), 0);
    m->clusters = clusters;
    fl_ner_model_changed(m);
    CHECK_INT(compare_document(m, tokens, n, &w), 0);

    /* New weights, same tables (as training does between dev runs): the
     * cached sums must follow. */
    for (size_t k = 0; k < m->rows * FL_NER_LABELS; k++)
        m->weights[k] *= 0.5f;
    fl_ner_model_changed(m);
    CHECK_INT(compare_document(m, tokens, n, &w), 0);
    for (size_t k = 0; k < m->rows * FL_NER_LABELS; k++)
        m->weights[k] *= 2.0f;
    fl_ner_model_changed(m);

    /* More distinct words in one document than the word cache has slots
     * (32,768; ner_words.c): some words of the document must go to its
     * overflow list, since an entry the document uses is not evicted.
     * Words of 1 to 23 bytes (the cache keys words up to 8 bytes and longer
     * ones differently), in three cases, each used twice, the second time
     * beside other neighbours (new bigrams of known words). */
    {
        enum { WORDS = 40000, SENTENCE = 12 };
        size_t count = 2 * WORDS;
        char *text_buf = malloc((size_t)WORDS * 24);
        fl_ner_token *many = malloc(count * sizeof *many);
        CHECK(text_buf && many);
        if (text_buf && many) {
            for (size_t k = 0; k < WORDS; k++) {
                char *word = text_buf + k * 24;
                int len = snprintf(word, 24, k % 3 == 0 ? "w%zu" : k % 3 == 1 ? "Ab%zuc" : "QX%zu", k);
                for (int pad = (int)(k % 17); pad > 0 && len < 23; pad--)
                    word[len++] = (char)('a' + pad);
                word[len] = 0;
                many[k].text = word;
                many[k].len = (uint32_t)len;
                many[WORDS + k].text = text_buf + ((k * 7919) % WORDS) * 24;
                many[WORDS + k].len = (uint32_t)strlen(many[WORDS + k].text);
            }
            for (size_t k = 0; k < count; k++)
                many[k].sentence_start = k % SENTENCE == 0;
            CHECK_INT(compare_document(m, many, count, &w), 0);
            CHECK_INT(compare_document(m, many + WORDS, WORDS, &w), 0); /* now warm */
        }
        free(text_buf);
        free(many);
    }

    const char *data = check_data_dir();
    if (data) {
        char path[1024];
        snprintf(path, sizeof path, "%s/conll2003/eng.testa", data);
        fl_conll c;
        if (fl_conll_read(path, &c, err, sizeof err) == FL_OK) {
            size_t bad = 0;
            for (size_t d = 0; d < c.doc_count; d++)
                bad += compare_document(m, c.tokens + c.doc_start[d], c.doc_start[d + 1] - c.doc_start[d], &w);
            printf("eng.testa: %zu documents, %zu sentences with different scores\n", c.doc_count, bad);
            CHECK_INT(bad, 0);
            fl_conll_free(&c);
        } else {
            fprintf(stderr, "%s\n", err);
            CHECK(0);
        }
    }
    printf("largest score difference from adding in feature order: %g\n", (double)max_diff);
    fl_ner_work_free(&w);
    fl_ner_model_free(m);
    return check_report("ner_score");
}
