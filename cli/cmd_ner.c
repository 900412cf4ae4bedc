/*
 * cmd_ner.c — the named-entity commands:
 *   factline ner --conll FILE      tag a CoNLL-2003 file (a predicted column appended)
 *   factline train ner ...         rebuild models/ner.model from CoNLL-2003
 *   factline eval ner FILE         conlleval scores of a tagged file
 * Argument parsing and printing only; the work is in src/ner/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "commands.h"
#include "ner/ner.h"

static void ner_usage(FILE *out)
{
    fprintf(out,
            "usage: factline ner --conll FILE [-m MODEL] [-o OUT] [--time]\n"
            "       factline ner [-m MODEL] [-o OUT] [--time] ARTICLES...\n"
            "Tags a CoNLL-2003 file (token POS chunk tag; -DOCSTART- between documents; only\n"
            "the token column is used) and writes every line with the predicted tag (IOB1,\n"
            "as the CoNLL-2003 files) appended, for `factline eval ner` or conlleval.\n"
            "FILE '-' is standard input.\n"
            "With article files (any format `factline extract` reads), prints one line per\n"
            "entity: article id, type, name, aliases (|-separated), mention spans.\n\n"
            "options:\n"
            "  -m MODEL   model file (default: $FACTLINE_MODELS/ner.model, else models/ner.model)\n"
            "  -o OUT     write to OUT instead of standard output\n"
            "  --time     report tagging time and tokens per second on standard error\n"
            "             (features and decoding only; with articles also alias joining)\n"
            "  -q         do not report repairs in the articles (warnings)\n");
}

static fl_ner_model *load_model(const char *path, const char *cmd)
{
    char err[512], buf[4096];
    if (!path)
        path = fl_ner_default_model_path(buf, sizeof buf);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    fl_ner_model *m = fl_ner_model_load(path, err, sizeof err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!m)
        fprintf(stderr, "factline %s: %s\n", cmd, err);
    else if (getenv("FACTLINE_VERBOSE"))
        fprintf(stderr, "factline %s: loaded %s in %.3f s\n", cmd, path,
                (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec));
    return m;
}

static double seconds_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Articles mode: one line per entity; times the entity layer alone. */
static fl_status tag_articles(const fl_ner_model *m, char **files, int nfiles, int quiet, FILE *out,
                              fl_ner_timing *tm, char *err, size_t err_size)
{
    fl_reader_options ro;
    fl_reader_options_init(&ro);
    ro.on_diag = quiet ? NULL : cli_print_diag;
    fl_reader *r = fl_reader_new(&ro);
    fl_doc *doc = fl_doc_new();
    fl_status st = r && doc ? FL_OK : FL_ERR_NOMEM;
    for (int f = 0; st == FL_OK && f < nfiles; f++) {
        if (fl_reader_open(r, files[f]) != FL_OK) {
            snprintf(err, err_size, "%s", fl_reader_error(r));
            st = FL_ERR_IO;
            break;
        }
        const fl_article *a;
        fl_status rs;
        while (st == FL_OK && (rs = fl_reader_next(r, &a)) == FL_OK) {
            if (fl_doc_analyze(doc, a) != FL_OK) {
                st = FL_ERR_NOMEM;
                break;
            }
            double t0 = seconds_now();
            st = fl_ner_run(m, doc);
            tm->seconds += seconds_now() - t0;
            tm->tokens += fl_doc_token_count(doc);
            const fl_entity *e = fl_doc_entities(doc);
            for (size_t i = 0; st == FL_OK && i < fl_doc_entity_count(doc); i++) {
                fprintf(out, "%s\t%s\t%s\t", a->id, fl_entity_type_name(e[i].type), e[i].name);
                for (size_t k = 0; k < e[i].alias_count; k++)
                    fprintf(out, "%s%s", k ? "|" : "", e[i].aliases[k]);
                for (size_t k = 0; k < e[i].mention_count; k++)
                    fprintf(out, "%s%u-%u", k ? " " : "\t", e[i].mentions[k].span.start, e[i].mentions[k].span.end);
                fputc('\n', out);
            }
            if (st != FL_OK)
                snprintf(err, err_size, "%s: article %llu: out of memory", a->file, (unsigned long long)a->number);
        }
        if (st == FL_OK && rs != FL_END) {
            snprintf(err, err_size, "%s", fl_reader_error(r));
            st = FL_ERR_IO;
        }
    }
    if (st == FL_ERR_NOMEM && !*err)
        snprintf(err, err_size, "out of memory");
    fl_doc_free(doc);
    fl_reader_free(r);
    return st;
}

int cmd_ner(int argc, char **argv)
{
    const char *conll = NULL, *model = NULL, *out_path = NULL;
    int timing = 0, quiet = 0, first_file = argc;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] != '-' || !strcmp(argv[i], "-")) {
            first_file = i;
            break;
        }
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            ner_usage(stdout);
            return 0;
        } else if (!strcmp(argv[i], "--conll") && i + 1 < argc) {
            conll = argv[++i];
        } else if (!strcmp(argv[i], "-m") && i + 1 < argc) {
            model = argv[++i];
        } else if (!strcmp(argv[i], "-o") && i + 1 < argc) {
            out_path = argv[++i];
        } else if (!strcmp(argv[i], "--time")) {
            timing = 1;
        } else if (!strcmp(argv[i], "-q") || !strcmp(argv[i], "--quiet")) {
            quiet = 1;
        } else {
            fprintf(stderr, "factline ner: unknown or incomplete option '%s'\n", argv[i]);
            ner_usage(stderr);
            return 2;
        }
    }
    if (!conll && first_file == argc) {
        ner_usage(stderr);
        return 2;
    }
    fl_ner_model *m = load_model(model, "ner");
    if (!m)
        return 2;
    FILE *out = out_path ? fopen(out_path, "wb") : stdout;
    if (!out) {
        fprintf(stderr, "factline ner: cannot write %s\n", out_path);
        fl_ner_model_free(m);
        return 2;
    }
    char err[512] = "";
    fl_ner_timing tm = {0};
    fl_status st = conll ? fl_ner_tag_conll_timed(m, conll, out, timing ? &tm : NULL, err, sizeof err)
                         : tag_articles(m, argv + first_file, argc - first_file, quiet, out, &tm, err, sizeof err);
    if (st != FL_OK)
        fprintf(stderr, "factline ner: %s\n", err);
    else if (timing)
        fprintf(stderr, "factline ner: tagged %llu tokens in %.3f s: %.0f tokens/s\n", (unsigned long long)tm.tokens,
                tm.seconds, tm.seconds > 0 ? (double)tm.tokens / tm.seconds : 0);
    if (out != stdout && fclose(out) != 0 && st == FL_OK) {
        fprintf(stderr, "factline ner: write error on %s\n", out_path);
        st = FL_ERR_IO;
    }
    fl_ner_model_free(m);
    return st == FL_OK ? 0 : 2;
}

static void train_usage(FILE *out)
{
    fprintf(out,
            "usage: factline train ner --train FILE [--dev FILE] [--data DIR] -o MODEL\n"
            "Trains the named-entity tagger on CoNLL-2003 data and saves the model.\n\n"
            "options:\n"
            "  --train FILE   CoNLL-2003 training file (eng.train)\n"
            "  --dev FILE     CoNLL-2003 dev file (eng.testa): picks the best epoch\n"
            "  --data DIR     shared data directory (gazetteers/, news/) for the lexicons\n"
            "  --epochs N     passes over the training data (default 15)\n"
            "  --min-count N  keep features seen at least N times (default 1)\n"
            "  --clusters K   word classes learned from the news in --data, also K/4 and K/16\n"
            "                 (default 1024; 0: none)\n"
            "  --runs N       runs with different shuffles, weights averaged (default 4)\n"
            "  --seed S       shuffling seed (default 20231104)\n"
            "  -o MODEL       where to write the model (required)\n"
            "  -q             no progress lines\n");
}

static void print_progress(const char *line, void *user)
{
    (void)user;
    fprintf(stderr, "factline train ner: %s\n", line);
}

int cmd_train_ner(int argc, char **argv)
{
    fl_ner_train_options o;
    fl_ner_train_options_init(&o);
    o.progress = print_progress;
    const char *out = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            train_usage(stdout);
            return 0;
        } else if (!strcmp(a, "-q")) {
            o.progress = NULL;
        } else if (i + 1 < argc && !strcmp(a, "--train")) {
            o.train_path = argv[++i];
        } else if (i + 1 < argc && !strcmp(a, "--dev")) {
            o.dev_path = argv[++i];
        } else if (i + 1 < argc && !strcmp(a, "--data")) {
            o.data_dir = argv[++i];
        } else if (i + 1 < argc && !strcmp(a, "--epochs")) {
            o.epochs = atoi(argv[++i]);
            if (o.epochs < 1 || o.epochs > 1000) {
                fprintf(stderr, "factline train ner: --epochs '%s' is not 1..1000\n", argv[i]);
                return 2;
            }
        } else if (i + 1 < argc && !strcmp(a, "--min-count")) {
            o.min_count = atoi(argv[++i]);
            if (o.min_count < 1) {
                fprintf(stderr, "factline train ner: --min-count '%s' is not a positive number\n", argv[i]);
                return 2;
            }
        } else if (i + 1 < argc && !strcmp(a, "--clusters")) {
            o.clusters = atoi(argv[++i]);
            if (o.clusters < 0 || o.clusters > 2047) {
                fprintf(stderr, "factline train ner: --clusters '%s' is not 0..2047\n", argv[i]);
                return 2;
            }
        } else if (i + 1 < argc && !strcmp(a, "--runs")) {
            o.runs = atoi(argv[++i]);
            if (o.runs < 1 || o.runs > 100) {
                fprintf(stderr, "factline train ner: --runs '%s' is not 1..100\n", argv[i]);
                return 2;
            }
        } else if (i + 1 < argc && !strcmp(a, "--seed")) {
            o.seed = strtoull(argv[++i], NULL, 10);
        } else if (i + 1 < argc && !strcmp(a, "-o")) {
            out = argv[++i];
        } else {
            fprintf(stderr, "factline train ner: unknown or incomplete option '%s'\n", a);
            train_usage(stderr);
            return 2;
        }
    }
    if (!o.train_path || !out) {
        train_usage(stderr);
        return 2;
    }
    char err[512];
    fl_ner_model *m = fl_ner_train(&o, err, sizeof err);
    if (!m) {
        fprintf(stderr, "factline train ner: %s\n", err);
        return 2;
    }
    fl_status st = fl_ner_model_save(m, out, err, sizeof err);
    if (st != FL_OK)
        fprintf(stderr, "factline train ner: %s\n", err);
    else if (o.progress)
        fprintf(stderr, "factline train ner: wrote %s (%zu feature rows)\n", out, fl_ner_model_feature_count(m));
    fl_ner_model_free(m);
    return st == FL_OK ? 0 : 2;
}

static void print_line(const fl_ner_type_score *s)
{
    double p, r, f;
    fl_ner_score_prf(s, &p, &r, &f);
    printf("%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %llu\n", s->type, p, r, f,
           (unsigned long long)s->found);
}

int cmd_eval_ner(int argc, char **argv)
{
    if (argc != 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        FILE *out = argc == 2 ? stdout : stderr;
        fprintf(out, "usage: factline eval ner FILE\n"
                     "Scores a CoNLL file whose last two columns are the gold and the predicted tag\n"
                     "(the output of `factline ner --conll`), exactly as conlleval counts: entity-level\n"
                     "precision, recall and F1 per type and overall, then the counts.\n");
        return argc == 2 ? 0 : 2;
    }
    fl_ner_score s;
    char err[512];
    if (fl_ner_score_conll(argv[1], &s, err, sizeof err) != FL_OK) {
        fprintf(stderr, "factline eval ner: %s\n", err);
        return 2;
    }
    double p, r, f;
    fl_ner_score_prf(&s.total, &p, &r, &f);
    printf("processed %llu tokens with %llu phrases; found: %llu phrases; correct: %llu.\n",
           (unsigned long long)s.tokens, (unsigned long long)s.total.gold, (unsigned long long)s.total.found,
           (unsigned long long)s.total.correct);
    printf("accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n",
           s.tokens ? 100.0 * (double)s.correct_tags / (double)s.tokens : 0, p, r, f);
    for (size_t i = 0; i < s.type_count; i++)
        if (s.types[i].gold || s.types[i].found)
            print_line(&s.types[i]);
    printf("\n%-6s %8s %8s %8s %8s %8s %8s\n", "type", "gold", "found", "correct", "P", "R", "F1");
    for (size_t i = 0; i <= s.type_count; i++) {
        const fl_ner_type_score *t = i < s.type_count ? &s.types[i] : &s.total;
        if (i < s.type_count && !t->gold && !t->found)
            continue;
        fl_ner_score_prf(t, &p, &r, &f);
        printf("%-6s %8llu %8llu %8llu %8.2f %8.2f %8.2f\n", t->type, (unsigned long long)t->gold,
               (unsigned long long)t->found, (unsigned long long)t->correct, p, r, f);
    }
    return 0;
}
