/* test_ner_model.c — training on a tiny corpus is deterministic, a saved
 * model loads back and tags the same, and damaged model files are refused
 * with a reason. Needs no shared data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "ner/ner.h"

static char conll_path[64], model_a[64], model_b[64], bad[64];

static const char *corpus =
    "-DOCSTART- -X- O O\n\n"
    "Smith NNP I-NP I-PER\nvisited VBD I-VP O\nParis NNP I-NP I-LOC\n. . O O\n\n"
    "Jones NNP I-NP I-PER\njoined VBD I-VP O\nAcme NNP I-NP I-ORG\nCorp NNP I-NP I-ORG\n. . O O\n\n"
    "-DOCSTART- -X- O O\n\n"
    "Brown NNP I-NP I-PER\nleft VBD I-VP O\nBerlin NNP I-NP I-LOC\nfor IN I-PP O\nLondon NNP I-NP I-LOC\n. . O O\n\n"
    "Acme NNP I-NP I-ORG\nCorp NNP I-NP I-ORG\nhired VBD I-VP O\nSmith NNP I-NP I-PER\n. . O O\n";

static char *read_file(const char *p, size_t *len)
{
    FILE *f = fopen(p, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    *len = fread(b, 1, (size_t)n, f);
    fclose(f);
    return b;
}

static void write_file(const char *p, const char *data, size_t len)
{
    FILE *f = fopen(p, "wb");
    fwrite(data, 1, len, f);
    fclose(f);
}

static fl_ner_model *train(void)
{
    fl_ner_train_options o;
    fl_ner_train_options_init(&o);
    o.train_path = conll_path;
    o.dev_path = conll_path;
    o.epochs = 5;
    o.runs = 2;
    o.clusters = 0;
    char err[256];
    fl_ner_model *m = fl_ner_train(&o, err, sizeof err);
    if (!m)
        fprintf(stderr, "train: %s\n", err);
    return m;
}

int main(void)
{
    int pid = (int)getpid();
    snprintf(conll_path, sizeof conll_path, "/tmp/fl_test_ner_model_%d.conll", pid);
    snprintf(model_a, sizeof model_a, "/tmp/fl_test_ner_model_%d.a", pid);
    snprintf(model_b, sizeof model_b, "/tmp/fl_test_ner_model_%d.b", pid);
    snprintf(bad, sizeof bad, "/tmp/fl_test_ner_model_%d.bad", pid);
    write_file(conll_path, corpus, strlen(corpus));

    fl_ner_model *m = train(), *m2 = train();
    CHECK(m != NULL && m2 != NULL);
    if (!m || !m2)
        return check_report("ner_model");
    char err[512];
    CHECK_INT(fl_ner_model_save(m, model_a, err, sizeof err), FL_OK);
    CHECK_INT(fl_ner_model_save(m2, model_b, err, sizeof err), FL_OK);
    size_t la, lb;
    char *a = read_file(model_a, &la), *b = read_file(model_b, &lb);
    CHECK(a && b && la == lb && memcmp(a, b, la) == 0); /* same data, same seed: same bytes */
    CHECK(fl_ner_model_feature_count(m) > 10);

    /* Round trip: the loaded model tags every training token as the trained one does, and learned them. */
    fl_ner_model *loaded = fl_ner_model_load(model_a, err, sizeof err);
    CHECK(loaded != NULL);
    fl_conll c;
    CHECK_INT(fl_conll_read(conll_path, &c, err, sizeof err), FL_OK);
    uint8_t *l1 = calloc(c.count, 1), *l2 = calloc(c.count, 1);
    fl_ner_work w;
    fl_ner_work_init(&w);
    for (size_t d = 0; loaded && d < c.doc_count; d++) {
        size_t s = c.doc_start[d], e = c.doc_start[d + 1];
        CHECK(fl_ner_tag(m, c.tokens + s, e - s, &w, l1 + s));
        CHECK(fl_ner_tag(loaded, c.tokens + s, e - s, &w, l2 + s));
    }
    CHECK(memcmp(l1, l2, c.count) == 0);
    CHECK(memcmp(l1, c.gold, c.count) == 0);
    CHECK_INT(fl_ner_model_feature_count(loaded), fl_ner_model_feature_count(m));
    free(l1);
    free(l2);
    fl_ner_work_free(&w);
    fl_conll_free(&c);

    /* Damaged files: each is refused with a reason naming the file. */
    write_file(bad, a, la - 3);
    CHECK(fl_ner_model_load(bad, err, sizeof err) == NULL);
    CHECK(strstr(err, bad) && strstr(err, "truncated"));
    write_file(bad, "FLNER001xxxxxxxxxxxxxxxx", 24);
    CHECK(fl_ner_model_load(bad, err, sizeof err) == NULL);
    CHECK(strstr(err, "FLNER002") != NULL);
    memcpy(b, a, la);
    b[8] = 9; /* label count */
    write_file(bad, b, la);
    CHECK(fl_ner_model_load(bad, err, sizeof err) == NULL);
    CHECK(strstr(err, "labels") != NULL);
    memcpy(b, a, la);
    write_file(bad, b, la);
    FILE *f = fopen(bad, "ab");
    fputc('x', f);
    fclose(f);
    CHECK(fl_ner_model_load(bad, err, sizeof err) == NULL);
    CHECK(strstr(err, "FLNEREND") != NULL);
    CHECK(fl_ner_model_load("/nonexistent/ner.model", err, sizeof err) == NULL);
    CHECK(strstr(err, "cannot open") != NULL);
    CHECK_INT(fl_ner_model_save(m, "/nonexistent/dir/ner.model", err, sizeof err), FL_ERR_IO);

    /* Training on a malformed file names the line. */
    write_file(conll_path, "Smith NNP I-NP I-PER\nvisited VBD I-VP\n", 38);
    fl_ner_train_options o;
    fl_ner_train_options_init(&o);
    o.train_path = conll_path;
    o.clusters = 0;
    CHECK(fl_ner_train(&o, err, sizeof err) == NULL);
    CHECK(strstr(err, ":2:") != NULL);

    free(a);
    free(b);
    fl_ner_model_free(m);
    fl_ner_model_free(m2);
    fl_ner_model_free(loaded);
    unlink(conll_path);
    unlink(model_a);
    unlink(model_b);
    unlink(bad);
    return check_report("ner_model");
}
