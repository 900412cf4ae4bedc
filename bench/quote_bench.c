/*
 * quote_bench.c — throughput of the quote and attribution layer (src/quote)
 * on real news: reads native files (default: the BBC files under
 * ../shared/data/news), keeps the articles in memory, then times the text
 * layer (paragraphs, tokens, sentences) and the quote layer separately, best
 * of N runs. Prints MB/s of article text for each and their ratio; the text
 * layer is the baseline every extraction layer is compared with, since no
 * other quote attributor runs here offline.
 *
 *   build/bench/quote_bench [-n RUNS] [FILE...]
 *
 * Not for: accuracy (factline eval attrib / eval quotes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "factline.h"
#include "quote/attrib_model.h"
#include "quote/quote_internal.h"

typedef struct stored {
    fl_article a;
    char *text;
} stored;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    int runs = 3;
    const char *data = getenv("FACTLINE_DATA");
    char defaults[3][1024];
    const char *files[64];
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-n") && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (nfiles < 64)
            files[nfiles++] = argv[i];
    }
    if (runs < 1)
        runs = 1;
    if (!nfiles) {
        static const char *const names[3] = {"bbc_israel_gaza_2023-10-07_2023-10-29.txt",
                                             "bbc_israel_gaza_livefeed_2023-12.txt",
                                             "bbc_israel_gaza_preprocessed_2023-12_2024-07.txt"};
        for (int i = 0; i < 3; i++) {
            snprintf(defaults[i], sizeof defaults[i], "%s/news/%s", data && *data ? data : "../shared/data", names[i]);
            files[nfiles++] = defaults[i];
        }
    }
    stored *arts = NULL;
    size_t n = 0, cap = 0, bytes = 0;
    fl_reader_options ro;
    fl_reader_options_init(&ro);
    fl_reader *r = fl_reader_new(&ro);
    for (int f = 0; f < nfiles; f++) {
        if (fl_reader_open(r, files[f]) != FL_OK) {
            fprintf(stderr, "quote_bench: %s\n", fl_reader_error(r));
            fl_reader_free(r);
            return 2;
        }
        const fl_article *a;
        while (fl_reader_next(r, &a) == FL_OK) {
            if (n == cap) {
                cap = cap ? cap * 2 : 1024;
                stored *s2 = realloc(arts, cap * sizeof *s2);
                if (!s2)
                    return 2;
                arts = s2;
            }
            stored *s = &arts[n++];
            s->a = *a;
            s->text = malloc(a->text_len + 1);
            if (!s->text)
                return 2;
            memcpy(s->text, a->text, a->text_len + 1);
            s->a.text = s->text;
            s->a.headline = s->text;
            s->a.id = s->a.file = s->a.source = s->a.url = NULL;
            s->a.warnings = NULL;
            s->a.warning_count = 0;
            bytes += a->text_len;
        }
    }
    fl_reader_free(r);
    /* the layer as fl_extract runs it (rules), and with the learned cue
     * detector as `factline attrib --polnear` runs it */
    const char *models = getenv("FACTLINE_MODELS");
    char model_path[1024], err[512];
    snprintf(model_path, sizeof model_path, "%s/attrib.model", models && *models ? models : "models");
    fl_attrib_model *model = fl_attrib_model_load(model_path, err, sizeof err);
    if (!model) {
        fprintf(stderr, "quote_bench: %s (run from the repository root or set FACTLINE_MODELS)\n", err);
        return 2;
    }
    fl_doc *doc = fl_doc_new();
    double best_text = 1e30, best_quote = 1e30, best_learned = 1e30;
    size_t quotes = 0, attributions = 0, learned_attributions = 0;
    for (int run = 0; run < runs; run++) {
        double t_text = 0, t_quote = 0, t_learned = 0;
        quotes = attributions = learned_attributions = 0;
        for (size_t i = 0; i < n; i++) {
            double t0 = now();
            if (fl_doc_analyze(doc, &arts[i].a) != FL_OK)
                return 2;
            double t1 = now();
            if (fl_quote_extract(doc) != FL_OK)
                return 2;
            double t2 = now();
            quotes += fl_doc_quote_count(doc);
            attributions += fl_doc_attribution_count(doc);
            if (fl_quote_extract_with(doc, model) != FL_OK)
                return 2;
            double t3 = now();
            learned_attributions += fl_doc_attribution_count(doc);
            t_text += t1 - t0;
            t_quote += t2 - t1;
            t_learned += t3 - t2;
        }
        if (t_learned < best_learned)
            best_learned = t_learned;
        if (t_text < best_text)
            best_text = t_text;
        if (t_quote < best_quote)
            best_quote = t_quote;
    }
    double mb = (double)bytes / 1e6;
    printf("quote_bench: %zu articles, %.1f MB of article text, best of %d runs\n", n, mb, runs);
    printf("  text layer (paragraphs, tokens, sentences): %8.1f MB/s\n", mb / best_text);
    printf("  quote + attribution layer:                  %8.1f MB/s  (%zu quotes, %zu attributions)\n",
           mb / best_quote, quotes, attributions);
    printf("  quote layer time / text layer time:         %8.2f\n", best_quote / best_text);
    printf("  with the learned cue detector (PolNeAR):    %8.1f MB/s  (%zu attributions)\n", mb / best_learned,
           learned_attributions);
    fl_doc_free(doc);
    fl_attrib_model_free(model);
    for (size_t i = 0; i < n; i++)
        free(arts[i].text);
    free(arts);
    return 0;
}
