/*
 * layers_bench.c — one extraction layer alone over articles, for
 * like-for-like comparisons with peers that do only that (bench/pipeline.sh):
 *   layers_bench text  FILE...   read + tokenize + sentences
 *   layers_bench ner   FILE...   + entities (tagger and alias joining), as
 *                                wink-nlp's entities or OpenNLP's name finder
 *   layers_bench times FILE...   + time expressions resolved against the
 *                                article date, as chrono-node's parse
 * No output but one line of counts on standard error (so the work cannot be
 * skipped); time and memory are measured from outside by bench/measure.py,
 * model loading included, as the peers' start-up is.
 * Not for: correctness (tests/) or the whole pipeline (factline extract).
 */
#include <stdio.h>
#include <string.h>

#include "factline.h"
#include "ner/ner.h"

int main(int argc, char **argv)
{
    if (argc < 3 || (strcmp(argv[1], "text") && strcmp(argv[1], "ner") && strcmp(argv[1], "times"))) {
        fprintf(stderr, "usage: layers_bench text|ner|times FILE...\n");
        return 2;
    }
    const char *layer = argv[1];
    fl_ner_model *model = NULL;
    if (!strcmp(layer, "ner")) {
        char path[4096], err[512];
        fl_ner_default_model_path(path, sizeof path);
        if (!(model = fl_ner_model_load(path, err, sizeof err))) {
            fprintf(stderr, "layers_bench: %s\n", err);
            return 2;
        }
    }
    fl_reader_options ro;
    fl_reader_options_init(&ro);
    fl_reader *r = fl_reader_new(&ro);
    fl_doc *doc = fl_doc_new();
    if (!r || !doc) {
        fprintf(stderr, "layers_bench: out of memory\n");
        return 2;
    }
    unsigned long long articles = 0, tokens = 0, found = 0;
    for (int i = 2; i < argc; i++) {
        if (fl_reader_open(r, argv[i]) != FL_OK) {
            fprintf(stderr, "layers_bench: %s\n", fl_reader_error(r));
            return 2;
        }
        const fl_article *a;
        while (fl_reader_next(r, &a) == FL_OK) {
            if (fl_doc_analyze(doc, a) != FL_OK) {
                fprintf(stderr, "layers_bench: %s: article %llu: cannot analyse\n", argv[i], articles + 1);
                return 2;
            }
            articles++;
            tokens += fl_doc_token_count(doc);
            if (model) {
                if (fl_ner_run(model, doc) != FL_OK) {
                    fprintf(stderr, "layers_bench: out of memory\n");
                    return 2;
                }
                found += fl_doc_entity_count(doc);
            } else if (!strcmp(layer, "times")) {
                if (fl_doc_find_times(doc, NULL) == FL_OK)
                    found += fl_doc_time_count(doc);
            }
        }
    }
    fprintf(stderr, "layers_bench %s: %llu articles, %llu tokens, %llu found\n", layer, articles, tokens, found);
    fl_doc_free(doc);
    fl_reader_free(r);
    fl_ner_model_free(model);
    return 0;
}
