/* test_ner_conll.c — CoNLL reading (IOB1 to BILOU, documents, sentences),
 * errors that name the line, and conlleval-exact scoring. Needs no model. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "ner/ner.h"

static char path[64];

static const char *write_temp(const char *text)
{
    snprintf(path, sizeof path, "/tmp/fl_test_ner_conll_%d.txt", (int)getpid());
    FILE *f = fopen(path, "wb");
    fputs(text, f);
    fclose(f);
    return path;
}

/* Reading fails and the message names the line and says what is wrong. */
static void check_error(const char *text, const char *want_line, const char *want_words)
{
    fl_conll c;
    char err[512] = "";
    const char *p = write_temp(text);
    CHECK_INT(fl_conll_read(p, &c, err, sizeof err), FL_ERR_FORMAT);
    char where[96];
    snprintf(where, sizeof where, "%s:%s:", p, want_line);
    if (!strstr(err, where) || !strstr(err, want_words))
        fprintf(stderr, "error message was: %s\n", err);
    CHECK(strstr(err, where) != NULL);
    CHECK(strstr(err, want_words) != NULL);
}

static int label(int type, int part) { return fl_ner_label(type, part); }

int main(void)
{
    /* IOB1 with adjacent same-type chunks (B-), two documents. */
    const char *text = "-DOCSTART- -X- O O\n\n"
                       "EU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\n\n"
                       "Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n"
                       "-DOCSTART- -X- O O\n\n"
                       "In IN I-PP O\nNew NNP I-NP I-LOC\nYork NNP I-NP I-LOC\nBonn NNP I-NP B-LOC\n.\t. O O\n";
    fl_conll c;
    char err[256];
    CHECK_INT(fl_conll_read(write_temp(text), &c, err, sizeof err), FL_OK);
    CHECK_INT(c.count, 11);
    CHECK_INT(c.doc_count, 2);
    CHECK_INT(c.doc_start[1], 6);
    CHECK(c.has_gold);
    CHECK_INT(c.tokens[0].len, 2);
    CHECK(c.tokens[0].sentence_start && !c.tokens[1].sentence_start && c.tokens[4].sentence_start);
    CHECK_INT(c.gold[0], label(FL_ENTITY_ORG, FL_NER_U));
    CHECK_INT(c.gold[1], 0);
    CHECK_INT(c.gold[2], label(FL_ENTITY_MISC, FL_NER_U));
    CHECK_INT(c.gold[4], label(FL_ENTITY_PER, FL_NER_B));
    CHECK_INT(c.gold[5], label(FL_ENTITY_PER, FL_NER_L));
    CHECK_INT(c.gold[7], label(FL_ENTITY_LOC, FL_NER_B));
    CHECK_INT(c.gold[8], label(FL_ENTITY_LOC, FL_NER_L));
    CHECK_INT(c.gold[9], label(FL_ENTITY_LOC, FL_NER_U)); /* B-LOC after I-LOC: a new chunk */
    CHECK_INT(c.line_token[0], -1);                        /* -DOCSTART- */
    CHECK_INT(c.line_token[2], 0);
    fl_conll_free(&c);

    /* Malformed input: each error names its line. */
    check_error("EU NNP I-NP I-ORG\nrejects VBZ O\n", "2", "expected 4 columns");
    check_error("EU NNP I-NP I-ORG\n\nrejects VBZ I-VP I-FOO\n", "3", "not a CoNLL tag");
    check_error("-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nx y z B_PER\n", "4", "not a CoNLL tag");
    {
        fl_conll e;
        CHECK_INT(fl_conll_read(write_temp("\n\n-DOCSTART- -X- O O\n"), &e, err, sizeof err), FL_ERR_FORMAT);
        CHECK(strstr(err, "no tokens") != NULL);
        CHECK_INT(fl_conll_read("/nonexistent/eng.train", &e, err, sizeof err), FL_ERR_IO);
        CHECK(strstr(err, "/nonexistent/eng.train") != NULL);
    }

    /* Scoring as conlleval: gold then guess in the last two columns.
     * Gold chunks: PER(Peter Blackburn), LOC(New York), LOC(Bonn), ORG(EU) = 4.
     * Guessed: PER(Peter Blackburn) correct; LOC(New York Bonn) wrong (one
     * chunk in IOB1); ORG(EU) correct; MISC(rejects) spurious. */
    fl_ner_score s;
    const char *tagged = "-DOCSTART- -X- O O O\n\n"
                         "EU x x I-ORG I-ORG\nrejects x x O I-MISC\n\n"
                         "Peter x x I-PER B-PER\nBlackburn x x I-PER I-PER\n\n"
                         "New x x I-LOC I-LOC\nYork x x I-LOC I-LOC\nBonn x x B-LOC I-LOC\n. x x O O\n";
    CHECK_INT(fl_ner_score_conll(write_temp(tagged), &s, err, sizeof err), FL_OK);
    CHECK_INT(s.tokens, 9); /* -DOCSTART- counts as a token, as in conlleval */
    CHECK_INT(s.total.gold, 4);
    CHECK_INT(s.total.found, 4);
    CHECK_INT(s.total.correct, 2);
    CHECK_INT(s.correct_tags, 6); /* B-PER vs I-PER and B-LOC vs I-LOC differ, rejects differs */
    CHECK_INT(s.type_count, 4);
    CHECK_STR(s.types[0].type, "LOC");
    CHECK_INT(s.types[0].gold, 2);
    CHECK_INT(s.types[0].found, 1);
    CHECK_INT(s.types[0].correct, 0);
    CHECK_STR(s.types[1].type, "MISC");
    CHECK_INT(s.types[1].found, 1);
    CHECK_STR(s.types[3].type, "PER");
    CHECK_INT(s.types[3].correct, 1);
    double p, r, f;
    fl_ner_score_prf(&s.total, &p, &r, &f);
    CHECK(p > 49.99 && p < 50.01 && r > 49.99 && r < 50.01 && f > 49.99 && f < 50.01);
    /* A chunk open at the end of the file is closed. */
    CHECK_INT(fl_ner_score_conll(write_temp("a x B-PER B-PER\nb x I-PER I-PER"), &s, err, sizeof err), FL_OK);
    CHECK_INT(s.total.correct, 1);
    /* Bad score input names the line. */
    CHECK_INT(fl_ner_score_conll(write_temp("a x O O\nb x O\n"), &s, err, sizeof err), FL_ERR_FORMAT);
    CHECK(strstr(err, ":2:") != NULL);
    CHECK_INT(fl_ner_score_conll(write_temp("a x O O\nb x O XX-PER-\n"), &s, err, sizeof err), FL_ERR_FORMAT);
    CHECK(strstr(err, ":2:") != NULL);

    /* The labels' BILOU transition rules. */
    CHECK(fl_ner_transition_allowed(FL_NER_LABELS, label(0, FL_NER_B)));
    CHECK(!fl_ner_transition_allowed(FL_NER_LABELS, label(0, FL_NER_I)));
    CHECK(!fl_ner_transition_allowed(0, label(1, FL_NER_L)));
    CHECK(fl_ner_transition_allowed(label(1, FL_NER_B), label(1, FL_NER_L)));
    CHECK(!fl_ner_transition_allowed(label(1, FL_NER_B), label(2, FL_NER_L)));
    CHECK(!fl_ner_transition_allowed(label(1, FL_NER_I), 0));
    CHECK(fl_ner_transition_allowed(label(1, FL_NER_U), label(1, FL_NER_U)));
    /* The decoder's predecessor lists say what the rule says, in order. */
    for (int y = 0; y < FL_NER_LABELS; y++) {
        uint8_t preds[9];
        size_t np = fl_ner_predecessors(y, preds), k = 0;
        for (int before = 0; before < FL_NER_LABELS; before++)
            if (fl_ner_transition_allowed(before, y)) {
                CHECK(k < np && preds[k] == before);
                k++;
            }
        CHECK_INT(k, np);
        CHECK_INT(fl_ner_label_continues(y), !fl_ner_transition_allowed(FL_NER_LABELS, y));
    }
    CHECK(!fl_ner_may_end(label(3, FL_NER_B)));
    CHECK(fl_ner_may_end(label(3, FL_NER_L)));
    unlink(path);
    return check_report("ner_conll");
}
