/*
 * cmd_train_attrib.c — `factline train attrib`: rebuilds models/attrib.model,
 * the learned cue detector of the attribution layer, from PolNeAR train.
 * Not for: learning itself (src/quote/attrib_train.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "quote/attrib_model.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: factline train attrib --train FILE.jsonl -o OUT [--epochs N] [--min-count K]\n"
            "                             [--min-rate R] [--prune W] [--seed S] [--articles FIRST:COUNT]\n"
            "                             [--folds F | --no-relations] [--relation-epochs N] [--margin M]\n"
            "                             [--relation-bias B]\n"
            "Learns which words are attribution cues from PolNeAR lines (the first annotator's\n"
            "set of each article). A word is scored when it was part of a gold cue >= K times and\n"
            "in >= R of its occurrences; features whose averaged weight is within +-W are dropped.\n"
            "Then a second perceptron learns which whole relations (cue, source, content) to keep,\n"
            "from the relations of F token models each trained without a fold of the articles;\n"
            "with it, tokens scored above -M are proposed and relations scored above -B kept\n"
            "(--no-relations: the token detector alone).\n"
            "Defaults: --epochs 8 --min-count 2 --min-rate 0.05 --prune 1 --seed 20261125\n"
            "--folds 5 --relation-epochs 8 --margin 2 --relation-bias 3.\n"
            "--articles uses only articles FIRST .. FIRST+COUNT-1 (0-based) of the file, to hold\n"
            "some out while choosing options. The model is rebuilt with\n"
            "  factline train attrib --train ../shared/data/attribution/polnear_train.jsonl \\\n"
            "      -o models/attrib.model\n");
}

static int positive(const char *s, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*end || v < 1 || v > 1000)
        return 0;
    *out = (int)v;
    return 1;
}

int cmd_train_attrib(int argc, char **argv)
{
    fl_attrib_train_options o;
    fl_attrib_train_options_defaults(&o);
    o.verbose = 1;
    const char *out = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        } else if (i + 1 < argc && !strcmp(a, "--train")) {
            o.train_path = argv[++i];
        } else if (i + 1 < argc && !strcmp(a, "--epochs")) {
            if (!positive(argv[++i], &o.epochs)) {
                fprintf(stderr, "factline train attrib: --epochs '%s' is not 1..1000\n", argv[i]);
                return 2;
            }
        } else if (i + 1 < argc && !strcmp(a, "--min-count")) {
            if (!positive(argv[++i], &o.min_count)) {
                fprintf(stderr, "factline train attrib: --min-count '%s' is not 1..1000\n", argv[i]);
                return 2;
            }
        } else if (i + 1 < argc && !strcmp(a, "--min-rate")) {
            char *end;
            o.min_rate = strtod(argv[++i], &end);
            if (*end || !(o.min_rate >= 0 && o.min_rate <= 1)) {
                fprintf(stderr, "factline train attrib: --min-rate '%s' is not 0..1\n", argv[i]);
                return 2;
            }
        } else if (i + 1 < argc && !strcmp(a, "--prune")) {
            char *end;
            o.prune = strtof(argv[++i], &end);
            if (*end || !(o.prune >= 0)) {
                fprintf(stderr, "factline train attrib: --prune '%s' is not a weight >= 0\n", argv[i]);
                return 2;
            }
        } else if (i + 1 < argc && !strcmp(a, "--folds")) {
            if (!positive(argv[++i], &o.folds) || o.folds < 2) {
                fprintf(stderr, "factline train attrib: --folds '%s' is not 2..1000\n", argv[i]);
                return 2;
            }
        } else if (!strcmp(a, "--no-relations")) {
            o.folds = -1;
        } else if (i + 1 < argc && !strcmp(a, "--relation-epochs")) {
            if (!positive(argv[++i], &o.relation_epochs)) {
                fprintf(stderr, "factline train attrib: --relation-epochs '%s' is not 1..1000\n", argv[i]);
                return 2;
            }
        } else if (i + 1 < argc && !strcmp(a, "--margin")) {
            char *end;
            o.propose_margin = strtof(argv[++i], &end);
            if (*end || !(o.propose_margin >= 0 && o.propose_margin <= 100)) {
                fprintf(stderr, "factline train attrib: --margin '%s' is not 0..100\n", argv[i]);
                return 2;
            }
        } else if (i + 1 < argc && !strcmp(a, "--relation-bias")) {
            char *end;
            o.relation_bias = strtof(argv[++i], &end);
            if (*end || !(o.relation_bias >= -100 && o.relation_bias <= 100)) {
                fprintf(stderr, "factline train attrib: --relation-bias '%s' is not -100..100\n", argv[i]);
                return 2;
            }
        } else if (i + 1 < argc && !strcmp(a, "--seed")) {
            o.seed = strtoull(argv[++i], NULL, 10);
        } else if (i + 1 < argc && !strcmp(a, "--articles")) {
            unsigned long first, count;
            if (sscanf(argv[++i], "%lu:%lu", &first, &count) != 2 || count == 0) {
                fprintf(stderr, "factline train attrib: --articles '%s' is not FIRST:COUNT\n", argv[i]);
                return 2;
            }
            o.first = first;
            o.count = count;
        } else if (i + 1 < argc && !strcmp(a, "-o")) {
            out = argv[++i];
        } else {
            fprintf(stderr, "factline train attrib: unknown or incomplete option '%s'\n", a);
            usage(stderr);
            return 2;
        }
    }
    if (!o.train_path || !out) {
        usage(stderr);
        return 2;
    }
    char err[512];
    fl_attrib_model *m = fl_attrib_train(&o, err, sizeof err);
    if (!m) {
        fprintf(stderr, "factline train attrib: %s\n", err);
        return 2;
    }
    fl_status st = fl_attrib_model_save(m, out, err, sizeof err);
    if (st != FL_OK)
        fprintf(stderr, "factline train attrib: %s\n", err);
    else
        fprintf(stderr, "factline train attrib: wrote %s (%zu features, %zu candidate words)\n", out,
                fl_attrib_model_feature_count(m), fl_attrib_model_candidate_count(m));
    fl_attrib_model_free(m);
    return st == FL_OK ? 0 : 2;
}
