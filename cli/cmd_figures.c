/*
 * cmd_figures.c — `factline eval figures [OPTIONS] GOLD.jsonl`: scores the
 * figure layer against gold figures (format: eval/figures-dev.jsonl, rules:
 * docs/figures-guidelines.md).
 *
 * The gold file names each article by id and data file; the articles are
 * read from the data directory, analysed and extracted as `factline extract`
 * does. A system figure matches a gold figure of the same article when their
 * spans overlap and the fields of the level agree; each gold figure matches
 * at most one system figure (greedy, in text order). Levels:
 *   value           value, low and high
 *   value+category  and the category
 *   all             and the qualifier and the subject (compared without
 *                   case and a leading determiner: the, a, an, its, ...)
 * Besides P/R/F1 with counts it prints, over the value matches, how often
 * each other field agrees. Not for: annotating (eval/figures-dev-build.py).
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "commands.h"

enum { LEVEL_VALUE, LEVEL_CATEGORY, LEVEL_ALL, LEVEL_COUNT };
enum { FIELD_CATEGORY, FIELD_QUALIFIER, FIELD_SUBJECT, FIELD_SOURCE, FIELD_DATE, FIELD_PLACE, FIELD_COUNT };
static const char *const level_names[LEVEL_COUNT] = {"value", "value+category", "value+category+qualifier+subject"};
static const char *const field_names[FIELD_COUNT] = {"category", "qualifier", "subject", "source", "date", "place"};

/* One figure in comparable form; strings are owned (malloc). */
typedef struct fig {
    unsigned start, end;
    int has_value, has_low, has_high;
    double value, low, high;
    char *qualifier, *category, *subject, *source, *date, *place, *text;
} fig;

typedef struct gold_article {
    char *id, *file;
    fig *figs;
    size_t count;
    int seen;
} gold_article;

typedef struct counts {
    long tp[LEVEL_COUNT], system, gold;
    long field_ok[FIELD_COUNT], value_matches;
} counts;

static char *dup_or_null(const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static char *json_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? dup_or_null(json_string_value(v), json_string_length(v)) : NULL;
}

static int json_num(json_t *o, const char *key, double *out)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_number(v))
        return 0;
    *out = json_number_value(v);
    return 1;
}

static void fig_free(fig *f)
{
    free(f->qualifier);
    free(f->category);
    free(f->subject);
    free(f->source);
    free(f->date);
    free(f->place);
    free(f->text);
}

/* Skips a leading determiner: "the", "a", "an", "its", "their", "his", "her". */
static const char *skip_determiner(const char *s)
{
    static const char *const dets[] = {"the ", "a ", "an ", "its ", "their ", "his ", "her "};
    for (size_t i = 0; i < sizeof dets / sizeof dets[0]; i++)
        if (!strncasecmp(s, dets[i], strlen(dets[i])))
            return s + strlen(dets[i]);
    return s;
}

/* Case-insensitive equality of two optional phrases, ignoring a leading determiner. */
static int same_phrase(const char *a, const char *b)
{
    if (!a || !b)
        return !a && !b;
    return !strcasecmp(skip_determiner(a), skip_determiner(b));
}

static int same_number(int ha, double a, int hb, double b)
{
    return ha == hb && (!ha || fabs(a - b) <= 1e-6 * fmax(1, fabs(a)));
}

static int same_value(const fig *s, const fig *g)
{
    return same_number(s->has_value, s->value, g->has_value, g->value) &&
           same_number(s->has_low, s->low, g->has_low, g->low) && same_number(s->has_high, s->high, g->has_high, g->high);
}

static int same_str(const char *a, const char *b) { return a && b ? !strcmp(a, b) : !a && !b; }

static int agrees(const fig *s, const fig *g, int level)
{
    if (s->start >= g->end || g->start >= s->end || !same_value(s, g))
        return 0;
    if (level >= LEVEL_CATEGORY && !same_str(s->category, g->category))
        return 0;
    if (level >= LEVEL_ALL && (!same_str(s->qualifier, g->qualifier) || !same_phrase(s->subject, g->subject)))
        return 0;
    return 1;
}

static int load_gold(const char *path, gold_article **out, size_t *count)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "factline eval figures: cannot open %s\n", path);
        return 0;
    }
    char *line = NULL;
    size_t cap = 0, n = 0, lineno = 0;
    ssize_t len;
    gold_article *arts = NULL;
    int ok = 1;
    while ((len = getline(&line, &cap, f)) > 0) {
        lineno++;
        json_error_t err;
        json_t *o = json_loadb(line, (size_t)len, 0, &err);
        json_t *figs = o ? json_object_get(o, "figures") : NULL;
        char *id = o ? json_str(o, "id") : NULL, *file = o ? json_str(o, "file") : NULL;
        if (!o || !id || !file || !json_is_array(figs)) {
            fprintf(stderr, "factline eval figures: %s:%zu: not a gold article (needs id, file, figures)\n", path, lineno);
            free(id);
            free(file);
            json_decref(o);
            ok = 0;
            break;
        }
        gold_article *grown = realloc(arts, (n + 1) * sizeof *arts);
        if (!grown) {
            ok = 0;
            json_decref(o);
            break;
        }
        arts = grown;
        gold_article *a = &arts[n++];
        a->id = id;
        a->file = file;
        a->seen = 0;
        a->count = json_array_size(figs);
        a->figs = calloc(a->count ? a->count : 1, sizeof(fig));
        for (size_t i = 0; a->figs && i < a->count; i++) {
            json_t *g = json_array_get(figs, i);
            fig *x = &a->figs[i];
            json_t *span = json_object_get(g, "span");
            x->start = (unsigned)json_integer_value(json_array_get(span, 0));
            x->end = (unsigned)json_integer_value(json_array_get(span, 1));
            x->has_value = json_num(g, "value", &x->value);
            x->has_low = json_num(g, "low", &x->low);
            x->has_high = json_num(g, "high", &x->high);
            x->qualifier = json_str(g, "qualifier");
            x->category = json_str(g, "category");
            x->subject = json_str(g, "subject");
            x->source = json_str(g, "source");
            x->date = json_str(g, "date");
            x->place = json_str(g, "place");
            x->text = json_str(g, "text");
        }
        json_decref(o);
    }
    free(line);
    fclose(f);
    *out = arts;
    *count = n;
    return ok;
}

static char *span_dup(const fl_doc *doc, fl_span sp)
{
    return sp.start == sp.end ? NULL : dup_or_null(fl_doc_text(doc) + sp.start, sp.end - sp.start);
}

static void system_figs(const fl_doc *doc, fig **out, size_t *count)
{
    size_t n = fl_doc_figure_count(doc);
    const fl_figure *f = fl_doc_figures(doc);
    fig *s = calloc(n ? n : 1, sizeof *s);
    for (size_t i = 0; s && i < n; i++) {
        s[i].start = f[i].span.start;
        s[i].end = f[i].span.end;
        s[i].has_value = (f[i].flags & FL_FIGURE_HAS_VALUE) != 0;
        s[i].has_low = (f[i].flags & FL_FIGURE_HAS_LOW) != 0;
        s[i].has_high = (f[i].flags & FL_FIGURE_HAS_HIGH) != 0;
        s[i].value = f[i].value;
        s[i].low = f[i].low;
        s[i].high = f[i].high;
        const char *q = fl_figure_qualifier_name(f[i].qualifier), *c = fl_figure_category_name(f[i].category);
        s[i].qualifier = dup_or_null(q, strlen(q));
        s[i].category = dup_or_null(c, strlen(c));
        s[i].subject = span_dup(doc, f[i].subject);
        s[i].source = span_dup(doc, f[i].source);
        s[i].place = span_dup(doc, f[i].place);
        s[i].date = f[i].date[0] ? dup_or_null(f[i].date, strlen(f[i].date)) : NULL;
        s[i].text = span_dup(doc, f[i].span);
    }
    *out = s;
    *count = s ? n : 0;
}

static void print_fig(const char *tag, const char *id, const fig *f)
{
    printf("  %s %s [%u,%u] \"%s\" value=%g low=%s high=%s %s %s subject=%s source=%s date=%s place=%s\n", tag, id,
           f->start, f->end, f->text ? f->text : "", f->has_value ? f->value : NAN,
           f->has_low ? "set" : "null", f->has_high ? "set" : "null", f->qualifier ? f->qualifier : "-",
           f->category ? f->category : "-", f->subject ? f->subject : "-", f->source ? f->source : "-",
           f->date ? f->date : "-", f->place ? f->place : "-");
}

static int score_article(const char *id, const fig *gold, size_t ng, const fig *sys, size_t ns, int verbose,
                         counts *c)
{
    char *used = calloc(ns + 1, 1), *gmatched = calloc(ng + 1, 1);
    if (!used || !gmatched) {
        free(used);
        free(gmatched);
        return 0;
    }
    c->gold += (long)ng;
    c->system += (long)ns;
    for (int level = 0; level < LEVEL_COUNT; level++) {
        memset(used, 0, ns);
        memset(gmatched, 0, ng);
        for (size_t g = 0; g < ng; g++)
            for (size_t s = 0; s < ns; s++)
                if (!used[s] && agrees(&sys[s], &gold[g], level)) {
                    used[s] = gmatched[g] = 1;
                    c->tp[level]++;
                    if (level == LEVEL_VALUE) {
                        const fig *x = &sys[s], *y = &gold[g];
                        int ok[FIELD_COUNT] = {
                            same_str(x->category, y->category), same_str(x->qualifier, y->qualifier),
                            same_phrase(x->subject, y->subject), same_phrase(x->source, y->source),
                            same_str(x->date, y->date), same_phrase(x->place, y->place)};
                        c->value_matches++;
                        int all = 1;
                        for (int k = 0; k < FIELD_COUNT; k++) {
                            c->field_ok[k] += ok[k];
                            all &= ok[k];
                        }
                        if (verbose && !all) {
                            print_fig("gold ", id, y);
                            print_fig("  got", id, x);
                        }
                    }
                    break;
                }
        if (verbose && level == LEVEL_VALUE) {
            for (size_t g = 0; g < ng; g++)
                if (!gmatched[g])
                    print_fig("MISS ", id, &gold[g]);
            for (size_t s = 0; s < ns; s++)
                if (!used[s])
                    print_fig("EXTRA", id, &sys[s]);
        }
    }
    free(used);
    free(gmatched);
    return 1;
}

static void eval_usage(FILE *out)
{
    fprintf(out,
            "usage: factline eval figures [OPTIONS] GOLD.jsonl\n"
            "Scores the figure layer against GOLD (one JSON object per article: id, file,\n"
            "figures; see eval/figures-dev.jsonl and docs/figures-guidelines.md).\n\n"
            "options:\n"
            "  --data DIR   where the gold files' `file` paths are (default $FACTLINE_DATA,\n"
            "               else ../shared/data)\n"
            "  -v           list every miss, extra figure and field disagreement\n\n"
            "exit status: 0 scored, 2 usage, I/O or format error\n");
}

int cmd_eval_figures(int argc, char **argv)
{
    const char *data = getenv("FACTLINE_DATA"), *gold_path = NULL;
    int verbose = 0;
    if (!data || !*data)
        data = "../shared/data";
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            eval_usage(stdout);
            return 0;
        } else if (!strcmp(argv[i], "-v")) {
            verbose = 1;
        } else if (!strcmp(argv[i], "--data") && i + 1 < argc) {
            data = argv[++i];
        } else if (argv[i][0] != '-' && !gold_path) {
            gold_path = argv[i];
        } else {
            eval_usage(stderr);
            return 2;
        }
    }
    if (!gold_path) {
        eval_usage(stderr);
        return 2;
    }
    gold_article *arts = NULL;
    size_t narts = 0;
    if (!load_gold(gold_path, &arts, &narts))
        return 2;
    int status = 0;
    counts c;
    memset(&c, 0, sizeof c);
    fl_reader_options ro;
    fl_reader_options_init(&ro);
    fl_reader *r = fl_reader_new(&ro);
    fl_doc *doc = fl_doc_new();
    fl_extractor *ex = fl_extractor_new(NULL, NULL);
    if (!r || !doc || !ex) {
        fprintf(stderr, "factline eval figures: out of memory\n");
        status = 2;
        goto done;
    }
    for (size_t i = 0; i < narts; i++) {
        if (arts[i].seen)
            continue;
        /* read each data file once, scoring every gold article it holds */
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", data, arts[i].file);
        if (fl_reader_open(r, path) != FL_OK) {
            fprintf(stderr, "factline eval figures: %s\n", fl_reader_error(r));
            status = 2;
            goto done;
        }
        const fl_article *a;
        while (fl_reader_next(r, &a) == FL_OK) {
            for (size_t k = i; k < narts; k++) {
                if (arts[k].seen || strcmp(arts[k].file, arts[i].file) || strcmp(arts[k].id, a->id))
                    continue;
                arts[k].seen = 1;
                fig *sys;
                size_t ns;
                if (fl_doc_analyze(doc, a) != FL_OK || fl_extract(ex, doc) != FL_OK) {
                    fprintf(stderr, "factline eval figures: out of memory\n");
                    status = 2;
                    goto done;
                }
                system_figs(doc, &sys, &ns);
                if (!score_article(arts[k].id, arts[k].figs, arts[k].count, sys, ns, verbose, &c)) {
                    fprintf(stderr, "factline eval figures: out of memory\n");
                    status = 2;
                }
                for (size_t s = 0; s < ns; s++)
                    fig_free(&sys[s]);
                free(sys);
            }
        }
    }
    for (size_t i = 0; i < narts; i++)
        if (!arts[i].seen) {
            fprintf(stderr, "factline eval figures: article %s not found in %s/%s\n", arts[i].id, data, arts[i].file);
            status = 2;
        }
    if (status == 0) {
        printf("figures: %zu articles, %ld gold, %ld system\n", narts, c.gold, c.system);
        printf("%-34s %7s %7s %7s   %s\n", "level", "P", "R", "F1", "(matched / system / gold)");
        for (int l = 0; l < LEVEL_COUNT; l++) {
            double p = c.system ? (double)c.tp[l] / (double)c.system : 0, rr = c.gold ? (double)c.tp[l] / (double)c.gold : 0;
            double f1 = p + rr > 0 ? 2 * p * rr / (p + rr) : 0;
            printf("%-34s %7.1f %7.1f %7.1f   (%ld / %ld / %ld)\n", level_names[l], 100 * p, 100 * rr, 100 * f1, c.tp[l],
                   c.system, c.gold);
        }
        printf("fields agreeing on the %ld value matches:\n", c.value_matches);
        for (int k = 0; k < FIELD_COUNT; k++)
            printf("  %-10s %5.1f%%  (%ld / %ld)\n", field_names[k],
                   c.value_matches ? 100.0 * (double)c.field_ok[k] / (double)c.value_matches : 0.0, c.field_ok[k],
                   c.value_matches);
    }
done:
    for (size_t i = 0; i < narts; i++) {
        for (size_t k = 0; k < arts[i].count; k++)
            fig_free(&arts[i].figs[k]);
        free(arts[i].figs);
        free(arts[i].id);
        free(arts[i].file);
    }
    free(arts);
    fl_extractor_free(ex);
    fl_doc_free(doc);
    fl_reader_free(r);
    return status;
}
