/* test_ner_tagger.c — the committed model (models/ner.model) tags
 * hand-checked sentences exactly right, and loads fast. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "ner/ner.h"

/* One sentence per line, tokens separated by spaces; the expected tags
 * (IOB2, "-" for O) line up with the tokens. */
static const char *const sentences[][2] = {
    {"Antony Blinken met Benjamin Netanyahu in Jerusalem on Friday .",
     "B-PER I-PER - B-PER I-PER - B-LOC - - -"},
    {"The European Commission said on Thursday it disagreed with German advice .",
     "- B-ORG I-ORG - - - - - - B-MISC - -"},
    {"Shares of Microsoft rose 3 percent in New York after the company said profits grew .",
     "- - B-ORG - - - - B-LOC I-LOC - - - - - - -"},
    {"Hamas fighters crossed into southern Israel , the Israel Defense Forces said .",
     "B-ORG - - - - B-LOC - - B-ORG I-ORG I-ORG - -"},
    {"Prime Minister Rishi Sunak told the BBC that Britain would send aid to Gaza .",
     "- - B-PER I-PER - - B-ORG - B-LOC - - - - B-LOC -"},
};

static void tag_name(int label, char *out, size_t size)
{
    if (!label) {
        snprintf(out, size, "-");
        return;
    }
    int part = fl_ner_label_part(label);
    snprintf(out, size, "%c-%s", part == FL_NER_B || part == FL_NER_U ? 'B' : 'I',
             fl_ner_type_name(fl_ner_label_type(label)));
}

int main(void)
{
    char err[512];
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    fl_ner_model *m = fl_ner_model_load("models/ner.model", err, sizeof err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    CHECK(m != NULL);
    if (!m) {
        fprintf(stderr, "%s\n", err);
        return check_report("ner_tagger");
    }
    double load = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    printf("model loaded in %.3f s\n", load);
#ifndef __SANITIZE_ADDRESS__
    CHECK(load < 0.3);
#endif
    fl_ner_work w;
    fl_ner_work_init(&w);
    /* All sentences as one document, so the history features are exercised. */
    char text[4096] = "";
    fl_ner_token tokens[256];
    size_t n = 0;
    size_t ns = sizeof sentences / sizeof sentences[0];
    char *p = text;
    for (size_t s = 0; s < ns; s++) {
        strcpy(p, sentences[s][0]);
        int first = 1;
        for (char *tok = strtok(p, " "); tok; tok = strtok(NULL, " ")) {
            tokens[n].text = tok;
            tokens[n].len = (uint32_t)strlen(tok);
            tokens[n].sentence_start = (uint32_t)first;
            first = 0;
            n++;
        }
        p += strlen(sentences[s][0]) + 1;
    }
    uint8_t labels[256];
    CHECK(fl_ner_tag(m, tokens, n, &w, labels));
    size_t i = 0;
    for (size_t s = 0; s < ns; s++) {
        char got[1024] = "", name[16];
        size_t want_tokens = 1;
        for (const char *c = sentences[s][1]; *c; c++)
            want_tokens += *c == ' ';
        for (size_t k = 0; k < want_tokens && i < n; k++, i++) {
            tag_name(labels[i], name, sizeof name);
            if (k)
                strcat(got, " ");
            strcat(got, name);
        }
        CHECK_STR(got, sentences[s][1]);
    }
    CHECK_INT(i, n);
    fl_ner_work_free(&w);
    fl_ner_model_free(m);
    return check_report("ner_tagger");
}
