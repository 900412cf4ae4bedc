/*
 * cmd_attrib.c — `factline attrib --polnear FILE.jsonl` (attributions of
 * PolNeAR articles, one JSON line each, offsets in code points) and
 * `factline eval attrib FILE.jsonl` (scores against PolNeAR's gold) and
 * `factline eval quotes eval/quotes-dev.jsonl` (direct quotes against the
 * annotated BBC dev set).
 * Not for: finding attributions (src/quote) or scoring rules
 * (src/quote/polnear.c).
 */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "output/json.h"
#include "quote/attrib_model.h"
#include "quote/polnear.h"

static void attrib_usage(FILE *out)
{
    fprintf(out,
            "usage: factline attrib --polnear FILE.jsonl [-o OUT] [-m MODEL | --rules-only]\n"
            "Reads PolNeAR lines ({\"filename\", \"text\", ...}), finds quotes and attributions in each\n"
            "`text` and writes one JSON line per article:\n"
            "  {\"filename\": ..., \"attributions\": [{\"source\": [s, e] or null, \"cue\": [s, e],\n"
            "   \"content\": [s, e]}, ...]}\n"
            "with offsets in Unicode code points of `text`, as PolNeAR's annotations are.\n"
            "PolNeAR's conventions apply: the learned cue detector (-m MODEL, default\n"
            "$FACTLINE_MODELS/attrib.model, else models/attrib.model) adds the stance and action\n"
            "cues PolNeAR annotates and drops rule cues it does not take for PolNeAR cues;\n"
            "--rules-only gives the attributions `factline extract` finds.\n"
            "exit status: 0 all good, 1 some lines could not be read, 2 usage or I/O error\n");
}

static void eval_usage(FILE *out)
{
    fprintf(out,
            "usage: factline eval attrib FILE.jsonl [-m MODEL | --rules-only]\n"
            "Scores the attributions found in each PolNeAR article against every annotator's\n"
            "annotations of it (an article with k annotators counts k times; see\n"
            "docs/quotes-guidelines.md). Prints precision, recall and F1 with counts for cue,\n"
            "source and content spans (exact and overlap) and whole relations.\n");
}

/* Reads PolNeAR lines from path; calls fn for each parsed article after
 * running the extractor on its text. Returns the number of bad lines, or -1
 * on an I/O error. */
typedef int (*article_fn)(const pn_article *a, const fl_doc *doc, void *user);

/* PolNeAR's conventions: the learned cue detector (models/attrib.model)
 * adds the stance and action cues PolNeAR annotates and vets the rules'
 * cues; `--rules-only` scores the rules as `factline extract` runs them. */
static const char *model_path_opt;
static int rules_only;

static long for_each_article(const char *path, const char *cmd, article_fn fn, void *user)
{
    fl_attrib_model *model = NULL;
    if (!rules_only) {
        char buf[4096], err[512];
        const char *mp = model_path_opt ? model_path_opt : fl_attrib_default_model_path(buf, sizeof buf);
        if (!(model = fl_attrib_model_load(mp, err, sizeof err))) {
            fprintf(stderr, "factline %s: %s (rebuild it with `factline train attrib`, see models/attrib.md, "
                            "or pass --rules-only)\n", cmd, err);
            return -1;
        }
    }
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
            (model && pn_apply_detector(doc, model) != FL_OK) || !fn(&a, doc, user)) {
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
    fl_attrib_model_free(model);
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
        } else if (i + 1 < argc && !strcmp(argv[i], "-m")) {
            model_path_opt = argv[++i];
        } else if (!strcmp(argv[i], "--rules-only")) {
            rules_only = 1;
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
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            eval_usage(stdout);
            return 0;
        } else if (i + 1 < argc && !strcmp(argv[i], "-m")) {
            model_path_opt = argv[++i];
        } else if (!strcmp(argv[i], "--rules-only")) {
            rules_only = 1;
        } else if (!path && argv[i][0] != '-') {
            path = argv[i];
        } else {
            fprintf(stderr, "factline eval attrib: unknown or incomplete option '%s'\n", argv[i]);
            eval_usage(stderr);
            return 2;
        }
    }
    if (!path) {
        eval_usage(stderr);
        return 2;
    }
    eval_state st;
    memset(&st, 0, sizeof st);
    long bad = for_each_article(path, "eval attrib", score_article, &st);
    if (bad < 0) {
        pn_rels_free(&st.gold);
        pn_rels_free(&st.sys);
        return 2;
    }
    printf("PolNeAR attribution: %s: %ld articles, %ld annotation sets (gold: every annotator's set); %s\n", path,
           st.articles, st.annotation_sets, rules_only ? "rules only" : "rules + learned cue detector");
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

/* ---- eval quotes ---------------------------------------------------------- */
/*
 * `factline eval quotes eval/quotes-dev.jsonl`: direct quotes against an
 * annotated dev set (docs/quotes-guidelines.md). The first line names the
 * native file (relative to the data directory) and the annotated article
 * numbers; every other line is one gold quote: article, byte span, number of
 * parts, kind, speaker (the fullest name, or null).
 */

typedef struct gold_quote {
    long article;
    unsigned long start, end;
    int kind; /* fl_quote_kind */
    char *speaker; /* NULL: none */
    int matched;
} gold_quote;

/* Lower case, without a leading "the", "a" or "an": for comparing names. */
static void normalise_name(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++)
        out[k++] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
    out[k] = 0;
    static const char *const dets[] = {"the ", "a ", "an "};
    for (size_t d = 0; d < 3; d++) {
        size_t l = strlen(dets[d]);
        if (!strncmp(out, dets[d], l)) {
            memmove(out, out + l, strlen(out + l) + 1);
            break;
        }
    }
}

/* Does `small` occur in `big` as a whole-word sequence? */
static int contains_words(const char *big, const char *small)
{
    size_t n = strlen(small);
    if (!n)
        return 0;
    for (const char *p = strstr(big, small); p; p = strstr(p + 1, small)) {
        int left = p == big || p[-1] == ' ';
        int right = p[n] == 0 || p[n] == ' ' || p[n] == ',';
        if (left && right)
            return 1;
    }
    return 0;
}

/* The head word of a gold name: the last word before " of ", " for ",
 * " from " or " who " ("spokesman" in "A spokesman for Rishi Sunak"), else
 * the last word. */
static void head_word(const char *g, char *out, size_t cap)
{
    size_t end = strlen(g);
    static const char *const cuts[] = {" of ", " for ", " from ", " who "};
    for (size_t i = 0; i < 4; i++) {
        const char *p = strstr(g, cuts[i]);
        if (p && (size_t)(p - g) < end)
            end = (size_t)(p - g);
    }
    size_t b = end;
    while (b > 0 && g[b - 1] != ' ')
        b--;
    size_t n = end - b < cap - 1 ? end - b : cap - 1;
    memcpy(out, g + b, n);
    out[n] = 0;
}

/* A speaker is correct when both are null, or the names are equal, or one
 * holds the other as whole words ("Joe Biden" / "President Joe Biden") and
 * the system name holds the gold name's head word (so "Rishi Sunak" is not
 * "A spokesman for Rishi Sunak"). */
static int speaker_correct(const char *gold, const char *sys, size_t sys_len)
{
    if (!gold || !sys)
        return !gold && !sys;
    char g[256], s[256], h[128];
    normalise_name(gold, strlen(gold), g, sizeof g);
    normalise_name(sys, sys_len, s, sizeof s);
    if (!strcmp(g, s))
        return 1;
    head_word(g, h, sizeof h);
    return (contains_words(g, s) || contains_words(s, g)) && contains_words(s, h);
}

static int kind_of(const char *k)
{
    return !strcmp(k, "statement") ? FL_QUOTE_STATEMENT : !strcmp(k, "partial") ? FL_QUOTE_PARTIAL : FL_QUOTE_SCARE;
}

int cmd_eval_quotes(int argc, char **argv)
{
    const char *path = NULL, *data = getenv("FACTLINE_DATA");
    int verbose = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--data") && i + 1 < argc)
            data = argv[++i];
        else if (!strcmp(argv[i], "-v"))
            verbose = 1;
        else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: factline eval quotes [--data DIR] [-v] eval/quotes-dev.jsonl\n"
                   "Scores direct quotes (spans, kinds, speakers) against an annotated dev set;\n"
                   "DIR is the shared data directory (default $FACTLINE_DATA, else ../shared/data).\n");
            return 0;
        } else
            path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: factline eval quotes [--data DIR] [-v] FILE.jsonl\n");
        return 2;
    }
    if (!data || !*data)
        data = "../shared/data";
    FILE *in = fopen(path, "rb");
    if (!in) {
        fprintf(stderr, "factline eval quotes: cannot open %s: %s\n", path, strerror(errno));
        return 2;
    }
    char *line = NULL, *file = NULL;
    size_t cap = 0, ngold = 0, gcap = 0, narticles = 0;
    long *articles = NULL;
    gold_quote *gold = NULL;
    ssize_t len;
    int status = 0;
    while ((len = getline(&line, &cap, in)) > 0) {
        json_error_t err;
        json_t *o = json_loadb(line, (size_t)len, 0, &err);
        if (!o) {
            fprintf(stderr, "factline eval quotes: %s: bad line: %s\n", path, err.text);
            status = 2;
            break;
        }
        json_t *arts = json_object_get(o, "articles");
        if (json_is_array(arts)) {
            free(file);
            file = strdup(json_string_value(json_object_get(o, "file")) ? json_string_value(json_object_get(o, "file")) : "");
            narticles = json_array_size(arts);
            free(articles);
            articles = calloc(narticles ? narticles : 1, sizeof *articles);
            for (size_t i = 0; articles && i < narticles; i++)
                articles[i] = (long)json_integer_value(json_array_get(arts, i));
        } else {
            if (ngold == gcap) {
                gcap = gcap ? gcap * 2 : 128;
                gold_quote *g2 = realloc(gold, gcap * sizeof *g2);
                if (!g2) {
                    json_decref(o);
                    status = 2;
                    break;
                }
                gold = g2;
            }
            gold_quote *g = &gold[ngold++];
            json_t *sp = json_object_get(o, "span"), *spk = json_object_get(o, "speaker");
            g->article = (long)json_integer_value(json_object_get(o, "article"));
            g->start = (unsigned long)json_integer_value(json_array_get(sp, 0));
            g->end = (unsigned long)json_integer_value(json_array_get(sp, 1));
            const char *k = json_string_value(json_object_get(o, "kind"));
            g->kind = kind_of(k ? k : "scare");
            g->speaker = json_is_string(spk) ? strdup(json_string_value(spk)) : NULL;
            g->matched = 0;
        }
        json_decref(o);
    }
    fclose(in);
    free(line);
    if (status || !file || !articles) {
        if (!status)
            fprintf(stderr, "factline eval quotes: %s: no header line with \"file\" and \"articles\"\n", path);
        status = 2;
        goto done;
    }
    char full[4096];
    snprintf(full, sizeof full, "%s/%s", data, file);
    fl_reader_options ro;
    fl_reader_options_init(&ro);
    fl_reader *r = fl_reader_new(&ro);
    fl_extractor *ex = fl_extractor_new(NULL, NULL);
    fl_doc *doc = fl_doc_new();
    if (!r || !ex || !doc || fl_reader_open(r, full) != FL_OK) {
        fprintf(stderr, "factline eval quotes: cannot read %s\n", full);
        fl_reader_free(r);
        fl_extractor_free(ex);
        fl_doc_free(doc);
        status = 2;
        goto done;
    }
    size_t sys_quotes = 0, span_tp = 0, stmt = 0, stmt_span = 0, stmt_speaker = 0, kind_ok = 0, matched_gold = 0;
    size_t stmt_found = 0, part_speaker = 0, partials = 0;
    const fl_article *a;
    while (fl_reader_next(r, &a) == FL_OK) {
        int wanted = 0;
        for (size_t i = 0; i < narticles; i++)
            wanted |= articles[i] == (long)a->number;
        if (!wanted)
            continue;
        if (fl_doc_analyze(doc, a) != FL_OK || fl_extract(ex, doc) != FL_OK) {
            status = 2;
            break;
        }
        size_t nq = fl_doc_quote_count(doc);
        const fl_quote *q = fl_doc_quotes(doc);
        sys_quotes += nq;
        for (size_t gi = 0; gi < ngold; gi++) {
            gold_quote *g = &gold[gi];
            if (g->article != (long)a->number)
                continue;
            const fl_quote *hit = NULL;
            for (size_t k = 0; k < nq; k++)
                if (q[k].span.start == g->start && q[k].span.end == g->end)
                    hit = &q[k];
            const fl_quote *over = hit;
            for (size_t k = 0; k < nq && !over; k++)
                if (q[k].span.start < g->end && g->start < q[k].span.end)
                    over = &q[k];
            if (hit) {
                span_tp++;
                g->matched = 1;
            }
            if (over) {
                matched_gold++;
                kind_ok += (int)over->kind == g->kind;
            }
            const char *sys_name = over && over->speaker.found ? fl_doc_text(doc) + over->speaker.name.start : NULL;
            size_t sys_len = over && over->speaker.found ? over->speaker.name.end - over->speaker.name.start : 0;
            int ok = over && speaker_correct(g->speaker, sys_name, sys_len);
            if (g->kind == FL_QUOTE_STATEMENT) {
                stmt++;
                stmt_span += hit != NULL;
                stmt_found += over != NULL;
                stmt_speaker += ok;
            } else if (g->kind == FL_QUOTE_PARTIAL) {
                partials++;
                part_speaker += ok;
            }
            if (verbose && (!ok || !hit) && g->kind != FL_QUOTE_SCARE)
                printf("  article %ld [%lu,%lu] %s: gold %s, system %.*s%s\n", g->article, g->start, g->end,
                       hit ? "span ok" : "span wrong", g->speaker ? g->speaker : "null", (int)sys_len,
                       sys_name ? sys_name : "", sys_name ? "" : "null");
        }
    }
    fl_reader_free(r);
    fl_extractor_free(ex);
    fl_doc_free(doc);
    double p = sys_quotes ? 100.0 * (double)span_tp / (double)sys_quotes : 0;
    double rc = ngold ? 100.0 * (double)span_tp / (double)ngold : 0;
    printf("quotes dev: %s: %zu articles of %s, %zu gold quotes (%zu statements, %zu partial)\n", path, narticles,
           file, ngold, stmt, partials);
    printf("quote spans (all kinds, exact): P %.1f R %.1f F1 %.1f  (%zu/%zu system, %zu/%zu gold)\n", p, rc,
           p + rc > 0 ? 2 * p * rc / (p + rc) : 0.0, span_tp, sys_quotes, span_tp, ngold);
    printf("statement span exact:     %5.1f%%  (%zu/%zu; %zu found with any overlap)\n",
           stmt ? 100.0 * (double)stmt_span / (double)stmt : 0, stmt_span, stmt, stmt_found);
    printf("statement speaker correct: %5.1f%%  (%zu/%zu; null gold needs null)\n",
           stmt ? 100.0 * (double)stmt_speaker / (double)stmt : 0, stmt_speaker, stmt);
    printf("partial speaker correct:  %5.1f%%  (%zu/%zu)\n",
           partials ? 100.0 * (double)part_speaker / (double)partials : 0, part_speaker, partials);
    printf("kind correct:             %5.1f%%  (%zu/%zu matched quotes)\n",
           matched_gold ? 100.0 * (double)kind_ok / (double)matched_gold : 0, kind_ok, matched_gold);
done:
    for (size_t i = 0; i < ngold; i++)
        free(gold[i].speaker);
    free(gold);
    free(articles);
    free(file);
    return status;
}
