/*
 * cmd_attrib.c — `factline attrib --polnear FILE.jsonl` (attributions of
 * PolNeAR articles, one JSON line each, offsets in code points) and
 * `factline eval attrib FILE.jsonl` (scores against PolNeAR's gold).
 * Not for: finding attributions (src/quote) or scoring rules
 * (src/quote/polnear.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "output/json.h"
#include "quote/polnear.h"

static void attrib_usage(FILE *out)
{
    fprintf(out,
            "usage: factline attrib --polnear FILE.jsonl [-o OUT]\n"
            "Reads PolNeAR lines ({\"filename\", \"text\", ...}), finds quotes and attributions in each\n"
            "`text` and writes one JSON line per article:\n"
            "  {\"filename\": ..., \"attributions\": [{\"source\": [s, e] or null, \"cue\": [s, e],\n"
            "   \"content\": [s, e]}, ...]}\n"
            "with offsets in Unicode code points of `text`, as PolNeAR's annotations are.\n"
            "exit status: 0 all good, 1 some lines could not be read, 2 usage or I/O error\n");
}

static void eval_usage(FILE *out)
{
    fprintf(out,
            "usage: factline eval attrib FILE.jsonl\n"
            "Scores the attributions found in each PolNeAR article against every annotator's\n"
            "annotations of it (an article with k annotators counts k times; see\n"
            "docs/quotes-guidelines.md). Prints precision, recall and F1 with counts for cue,\n"
            "source and content spans (exact and overlap) and whole relations.\n");
}

/* Reads PolNeAR lines from path; calls fn for each parsed article after
 * running the extractor on its text. Returns the number of bad lines, or -1
 * on an I/O error. */
typedef int (*article_fn)(const pn_article *a, const fl_doc *doc, void *user);

static long for_each_article(const char *path, const char *cmd, article_fn fn, void *user)
{
    FILE *in = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!in) {
        fprintf(stderr, "factline %s: cannot open %s: %s\n", cmd, path, strerror(errno));
        return -1;
    }
    fl_extractor *ex = fl_extractor_new(NULL, NULL);
    fl_doc *doc = fl_doc_new();
    pn_article a;
    memset(&a, 0, sizeof a);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long bad = 0, lineno = 0;
    while (ex && doc && (len = getline(&line, &cap, in)) >= 0) {
        lineno++;
        const char *why = NULL;
        if (len <= 1)
            continue;
        if (!pn_article_parse(&a, line, (size_t)len, &why)) {
            fprintf(stderr, "factline %s: %s:%ld: skipped: %s\n", cmd, path, lineno, why);
            bad++;
            continue;
        }
        if (fl_doc_analyze_text(doc, a.text, a.text_len) != FL_OK || fl_extract(ex, doc) != FL_OK ||
            !fn(&a, doc, user)) {
            fprintf(stderr, "factline %s: %s:%ld: out of memory\n", cmd, path, lineno);
            bad = -1;
            break;
        }
    }
    if (!ex || !doc)
        bad = -1;
    if (bad >= 0 && ferror(in)) {
        fprintf(stderr, "factline %s: read error on %s\n", cmd, path);
        bad = -1;
    }
    free(line);
    pn_article_free(&a);
    fl_doc_free(doc);
    fl_extractor_free(ex);
    if (in != stdin)
        fclose(in);
    return bad;
}

typedef struct attrib_state {
    FILE *out;
    pn_rels rels;
    fl_buffer *buf;
} attrib_state;

static void write_part(FILE *out, const pn_part *p)
{
    if (p->n)
        fprintf(out, "[%u,%u]", p->min, p->max);
    else
        fputs("null", out);
}

static int write_article(const pn_article *a, const fl_doc *doc, void *user)
{
    attrib_state *st = user;
    if (!pn_system_relations(doc, &st->rels))
        return 0;
    fputs("{\"filename\":", st->out);
    /* escaped by the library's JSON writer */
    fl_buffer_clear(st->buf);
    fl_json_cstring(st->buf, a->filename);
    fwrite(fl_buffer_data(st->buf), 1, fl_buffer_len(st->buf), st->out);
    fputs(",\"attributions\":[", st->out);
    for (size_t i = 0; i < st->rels.n; i++) {
        const pn_rel *r = &st->rels.rel[i];
        fputs(i ? ",{\"source\":" : "{\"source\":", st->out);
        write_part(st->out, &r->source);
        fputs(",\"cue\":", st->out);
        write_part(st->out, &r->cue);
        fputs(",\"content\":", st->out);
        write_part(st->out, &r->content);
        fputc('}', st->out);
    }
    fputs("]}\n", st->out);
    return 1;
}

int cmd_attrib(int argc, char **argv)
{
    const char *polnear = NULL, *out_path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            attrib_usage(stdout);
            return 0;
        } else if (i + 1 < argc && !strcmp(argv[i], "--polnear")) {
            polnear = argv[++i];
        } else if (i + 1 < argc && !strcmp(argv[i], "-o")) {
            out_path = argv[++i];
        } else {
            fprintf(stderr, "factline attrib: unknown or incomplete option '%s'\n", argv[i]);
            attrib_usage(stderr);
            return 2;
        }
    }
    if (!polnear) {
        attrib_usage(stderr);
        return 2;
    }
    attrib_state st = {stdout, {0}, fl_buffer_new()};
    if (out_path && !(st.out = fopen(out_path, "wb"))) {
        fprintf(stderr, "factline attrib: cannot write %s: %s\n", out_path, strerror(errno));
        fl_buffer_free(st.buf);
        return 2;
    }
    long bad = st.buf ? for_each_article(polnear, "attrib", write_article, &st) : -1;
    int status = bad < 0 ? 2 : bad > 0 ? 1 : 0;
    if (fflush(st.out) != 0 || ferror(st.out)) {
        fprintf(stderr, "factline attrib: write error: %s\n", strerror(errno));
        status = 2;
    }
    if (st.out != stdout)
        fclose(st.out);
    pn_rels_free(&st.rels);
    fl_buffer_free(st.buf);
    return status;
}

typedef struct eval_state {
    pn_rels gold, sys;
    pn_score score;
    long articles, annotation_sets;
} eval_state;

static int score_article(const pn_article *a, const fl_doc *doc, void *user)
{
    eval_state *st = user;
    if (!pn_system_relations(doc, &st->sys))
        return 0;
    st->articles++;
    for (size_t k = 0; k < a->annotation_count; k++) {
        if (!pn_parse_ann(a->ann[k], &st->gold))
            return 0;
        pn_score_add(&st->score, &st->gold, &st->sys);
        st->annotation_sets++;
    }
    return 1;
}

static double ratio(uint64_t a, uint64_t b) { return b ? 100.0 * (double)a / (double)b : 0.0; }

int cmd_eval_attrib(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        eval_usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    eval_state st;
    memset(&st, 0, sizeof st);
    long bad = for_each_article(argv[1], "eval attrib", score_article, &st);
    if (bad < 0) {
        pn_rels_free(&st.gold);
        pn_rels_free(&st.sys);
        return 2;
    }
    printf("PolNeAR attribution: %s: %ld articles, %ld annotation sets (gold: every annotator's set)\n", argv[1],
           st.articles, st.annotation_sets);
    printf("%-18s %6s %6s %6s   %s\n", "measure", "P", "R", "F1", "matched/system  matched/gold");
    for (int m = 0; m < PN_MEASURE_COUNT; m++) {
        double p = ratio(st.score.tp[m], st.score.sys[m]), r = ratio(st.score.tp[m], st.score.gold[m]);
        double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
        printf("%-18s %6.1f %6.1f %6.1f   %llu/%llu  %llu/%llu\n", pn_measure_name((pn_measure)m), p, r, f,
               (unsigned long long)st.score.tp[m], (unsigned long long)st.score.sys[m],
               (unsigned long long)st.score.tp[m], (unsigned long long)st.score.gold[m]);
    }
    pn_rels_free(&st.gold);
    pn_rels_free(&st.sys);
    return bad > 0 ? 1 : 0;
}
