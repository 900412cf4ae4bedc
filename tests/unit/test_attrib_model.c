/*
 * test_attrib_model.c — the learned cue detector (src/quote/attrib_model.c,
 * attrib_train.c, attrib_learned.c) and the word-list index (cue_index.c):
 * the index answers as the bisections do for every listed word; a model
 * survives save/load bit for bit and a damaged file is refused with a reason;
 * training on a small PolNeAR-format file is deterministic, learns a cue
 * word the tables lack and puts a source and content around it; a rule cue
 * the detector turns down is marked for PolNeAR output but kept in the
 * extraction; with the relation scorer (the default) the model says so,
 * without it (folds < 0) it does not; a learned cue in the passive with no
 * agent has no source; the rules skip a time phrase between a subject and
 * its cue and take no one-word headline label for a source.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "factline.h"
#include "quote/attrib_model.h"
#include "quote/cues.h"
#include "quote/polnear.h"
#include "quote/quote_internal.h"

static char buf[3][256];

static const char *slice(const fl_doc *doc, int slot, fl_span s)
{
    size_t n = s.end - s.start;
    if (n >= sizeof buf[0])
        n = sizeof buf[0] - 1;
    memcpy(buf[slot], fl_doc_text(doc) + s.start, n);
    buf[slot][n] = 0;
    return buf[slot];
}

static void test_index_matches_bisection(void)
{
    size_t checked = 0, wrong = 0;
    for (int l = 0; l < WL_COUNT; l++) {
        const char **words;
        size_t n = fl_cue_table_dump(l, &words);
        for (size_t i = 0; i < n; i++) {
            const char *w = words[i];
            int flags = -1;
            uint32_t lists = fl_word_lists(w, strlen(w), &flags);
            for (int k = 0; k < WL_COUNT; k++)
                wrong += ((lists >> k) & 1u) != (uint32_t)fl_word_in((fl_wordlist)k, w, strlen(w));
            wrong += flags != fl_cue_verb(w, strlen(w));
            checked++;
        }
    }
    for (size_t i = 0; fl_cue_form(i); i++) {
        const char *w = fl_cue_form(i);
        int flags = -1;
        fl_word_lists(w, strlen(w), &flags);
        wrong += flags != fl_cue_verb(w, strlen(w));
        checked++;
    }
    CHECK(checked > 500);
    CHECK_INT((long)wrong, 0);
    int flags = -1;
    CHECK_INT((long)fl_word_lists("Zanzibar", 8, &flags), 0); /* in no list */
    CHECK_INT(flags, 0);
    CHECK_INT(fl_word_lists("SAID", 4, &flags) == 0, 1); /* case folded: the cue, in no closed list */
    CHECK_INT(flags, fl_cue_verb("said", 4));
}

static void test_model_file(void)
{
    uint64_t keys[3] = {11, 22, 33};
    float w[3] = {1.5f, -2.0f, 0.25f};
    uint64_t cand[2] = {fl_attrib_word_hash("Championed", 10), fl_attrib_word_hash("backs", 5)};
    fl_attrib_model *m = fl_attrib_model_build(keys, w, 3, cand, 2);
    CHECK(m != NULL);
    if (!m)
        return;
    char path[] = "/tmp/factline_attrib_model_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    char err[256];
    CHECK_INT(fl_attrib_model_save(m, path, err, sizeof err), FL_OK);
    fl_attrib_model *r = fl_attrib_model_load(path, err, sizeof err);
    CHECK(r != NULL);
    if (r) {
        CHECK_INT((long)fl_attrib_model_feature_count(r), 3);
        CHECK_INT((long)fl_attrib_model_candidate_count(r), 2);
        uint64_t f[4] = {11, 33, 44, 22};
        CHECK(fl_attrib_model_score(r, f, 4) == 1.5f - 2.0f + 0.25f); /* 44 is unknown: no weight */
        CHECK_INT(fl_attrib_model_candidate(r, fl_attrib_word_hash("championed", 10)), 1);
        CHECK_INT(fl_attrib_model_candidate(r, fl_attrib_word_hash("said", 4)), 0);
        fl_attrib_model_free(r);
    }
    /* a truncated file is refused with its size named */
    CHECK_INT(truncate(path, 30), 0);
    r = fl_attrib_model_load(path, err, sizeof err);
    CHECK(r == NULL);
    CHECK(strstr(err, "truncated or corrupt") != NULL);
    /* shorter than the header: truncated, not a bad magic */
    CHECK_INT(truncate(path, 12), 0);
    CHECK(fl_attrib_model_load(path, err, sizeof err) == NULL);
    CHECK(strstr(err, "truncated (12 bytes") != NULL);
    /* a relation margin that is no score threshold is corrupt, named with its byte */
    uint64_t mk[2] = {11, ATTRIB_RELATION_MARKER};
    float bad_margins[3] = {NAN, -1.0f, 1e9f};
    for (int b = 0; b < 3; b++) {
        float mw[2] = {1.0f, bad_margins[b]};
        fl_attrib_model *bad = fl_attrib_model_build(mk, mw, 2, NULL, 0);
        CHECK(bad != NULL);
        if (!bad)
            continue;
        CHECK_INT(fl_attrib_model_save(bad, path, err, sizeof err), FL_OK);
        fl_attrib_model_free(bad);
        CHECK(fl_attrib_model_load(path, err, sizeof err) == NULL);
        CHECK(strstr(err, "corrupt: relation margin") != NULL && strstr(err, "is not 0..100") != NULL);
    }
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs("not a model at all, just text", f);
        fclose(f);
    }
    CHECK(fl_attrib_model_load(path, err, sizeof err) == NULL);
    CHECK(strstr(err, "bad magic") != NULL);
    CHECK(fl_attrib_model_load("/nonexistent/attrib.model", err, sizeof err) == NULL);
    CHECK(strstr(err, "cannot open") != NULL);
    remove(path);
    fl_attrib_model_free(m);
}

/* A PolNeAR line: text, and one attribution (source, cue, content) given as
 * substrings of the text (ASCII, so code points are bytes), or none. */
static void write_article(FILE *f, int id, const char *text, const char *src, const char *cue, const char *content)
{
    fprintf(f, "{\"filename\": \"t_%d\", \"text\": \"%s\", \"annotations\": [{\"annotator\": \"a\", \"ann\": \"", id, text);
    if (cue) {
        const char *s = strstr(text, src), *k = strstr(text, cue), *c = strstr(text, content);
        fprintf(f, "T1\\tSource %ld %ld\\t%s\\nT2\\tCue %ld %ld\\t%s\\nT3\\tContent %ld %ld\\t%s\\n", (long)(s - text),
                (long)(s - text + (long)strlen(src)), src, (long)(k - text), (long)(k - text + (long)strlen(cue)), cue,
                (long)(c - text), (long)(c - text + (long)strlen(content)), content);
        fprintf(f, "T4\\tAttribution %ld %ld\\tx\\nE1\\tAttribution:T4 Content:T3 Cue:T2 Source:T1\\n", (long)(s - text),
                (long)(c - text + (long)strlen(content)));
    }
    fputs("\"}]}\n", f);
}

static void test_training(void)
{
    char path[] = "/tmp/factline_attrib_train_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    FILE *f = fdopen(fd, "w");
    if (!f)
        return;
    /* "championed" (not in the cue tables) is a cue; "said" after "Officials" is never one here */
    static const char *const names[] = {"Senator Smith", "Governor Jones", "Mayor Brown", "Judge Green"};
    char text[256];
    for (int i = 0; i < 4; i++) {
        snprintf(text, sizeof text, "%s championed the new budget plan on Tuesday.", names[i]);
        write_article(f, i, text, names[i], "championed", "the new budget plan");
    }
    write_article(f, 4, "Voters said the road was closed. Reporters said the bridge was open.", "Voters", "said",
                  "the road was closed");
    for (int i = 5; i < 10; i++)
        write_article(f, i, "Officials said the plan failed. The team said the vote was late.", NULL, NULL, NULL);
    fclose(f);

    fl_attrib_train_options o;
    memset(&o, 0, sizeof o);
    o.train_path = path;
    o.epochs = 5;
    o.min_count = 1;
    o.seed = 7;
    o.verbose = 0;
    char err[256];
    fl_attrib_model *m = fl_attrib_train(&o, err, sizeof err);
    fl_attrib_model *m2 = fl_attrib_train(&o, err, sizeof err);
    CHECK(m && m2);
    if (!m || !m2) {
        fl_attrib_model_free(m);
        fl_attrib_model_free(m2);
        remove(path);
        return;
    }
    /* deterministic: the same data and options give the same file */
    char p1[] = "/tmp/factline_attrib_m1_XXXXXX", p2[] = "/tmp/factline_attrib_m2_XXXXXX";
    close(mkstemp(p1));
    close(mkstemp(p2));
    CHECK_INT(fl_attrib_model_save(m, p1, err, sizeof err), FL_OK);
    CHECK_INT(fl_attrib_model_save(m2, p2, err, sizeof err), FL_OK);
    FILE *a = fopen(p1, "rb"), *b = fopen(p2, "rb");
    int same = a && b;
    while (same) {
        int x = fgetc(a), y = fgetc(b);
        same = x == y;
        if (x == EOF || y == EOF)
            break;
    }
    CHECK(same);
    if (a)
        fclose(a);
    if (b)
        fclose(b);
    remove(p1);
    remove(p2);
    CHECK_INT(fl_attrib_model_candidate(m, fl_attrib_word_hash("championed", 10)), 1);
    CHECK_INT(fl_attrib_model_relation_mode(m), ATTRIB_RELATION_SCORE);
    CHECK(fl_attrib_model_propose_margin(m) == 0.0f); /* zeroed options: margin 0, not the default 2 */

    /* the learned cue gets a source and a content from the rules around it */
    fl_doc *doc = fl_doc_new();
    const char *t = "Governor Jones championed the new budget plan on Tuesday.";
    CHECK_INT(fl_doc_analyze_text(doc, t, strlen(t)), FL_OK);
    CHECK_INT(fl_quote_extract_with(doc, m), FL_OK);
    CHECK_INT((long)fl_doc_attribution_count(doc), 1);
    if (fl_doc_attribution_count(doc) == 1) {
        const fl_attribution *at = fl_doc_attributions(doc);
        CHECK_INT(at->learned, 1);
        CHECK_STR(slice(doc, 0, at->source.cue), "championed");
        CHECK_STR(slice(doc, 1, at->source.mention), "Governor Jones");
        CHECK_STR(slice(doc, 2, at->content), "the new budget plan on Tuesday");
    }
    /* the source past a parenthesis set off by commas, and past an -ly adverb after "and" */
    static const char *const src_cases[][2] = {
        {"Governor Jones, a Democrat from Ohio, championed the new budget plan.", "Governor Jones"},
        {"Governor Jones arrived early and officially championed the new budget plan.", "Governor Jones"},
    };
    for (size_t i = 0; i < sizeof src_cases / sizeof src_cases[0]; i++) {
        CHECK_INT(fl_doc_analyze_text(doc, src_cases[i][0], strlen(src_cases[i][0])), FL_OK);
        CHECK_INT(fl_quote_extract_with(doc, m), FL_OK);
        int found = 0;
        for (size_t k = 0; k < fl_doc_attribution_count(doc); k++) {
            const fl_attribution *at = &fl_doc_attributions(doc)[k];
            if (at->learned && at->source.found && !strcmp(slice(doc, 0, at->source.mention), src_cases[i][1]))
                found = 1;
        }
        CHECK(found);
    }
    /* a passive with no agent: the learned cue has no source */
    const char *pt = "The new budget plan was championed on Tuesday.";
    CHECK_INT(fl_doc_analyze_text(doc, pt, strlen(pt)), FL_OK);
    CHECK_INT(fl_quote_extract_with(doc, m), FL_OK);
    CHECK_INT((long)fl_doc_attribution_count(doc), 1);
    if (fl_doc_attribution_count(doc) == 1) {
        CHECK_STR(slice(doc, 0, fl_doc_attributions(doc)->source.cue), "championed");
        CHECK_INT(fl_doc_attributions(doc)->source.found, 0);
    }
    /* "reportedly": PolNeAR's cue with no source, the clause after it as content */
    const char *rt = "The agency is reportedly making arrangements to interview the senator.";
    CHECK_INT(fl_doc_analyze_text(doc, rt, strlen(rt)), FL_OK);
    CHECK_INT(fl_quote_extract_with(doc, m), FL_OK);
    int reported = 0;
    for (size_t k = 0; k < fl_doc_attribution_count(doc); k++) {
        const fl_attribution *at = &fl_doc_attributions(doc)[k];
        if (!strcmp(slice(doc, 0, at->source.cue), "reportedly")) {
            reported++;
            CHECK_INT(at->source.found, 0);
            CHECK_STR(slice(doc, 1, at->content), "making arrangements to interview the senator");
        }
    }
    CHECK_INT(reported, 1);
    /* without the model the rules alone find nothing there */
    CHECK_INT(fl_doc_analyze_text(doc, t, strlen(t)), FL_OK);
    CHECK_INT(fl_quote_extract(doc), FL_OK);
    CHECK_INT((long)fl_doc_attribution_count(doc), 0);

    /* a rule cue the detector turns down: kept for the extraction, left out of PolNeAR relations */
    t = "Officials said the plan failed.";
    CHECK_INT(fl_doc_analyze_text(doc, t, strlen(t)), FL_OK);
    CHECK_INT(fl_quote_extract_with(doc, m), FL_OK);
    CHECK_INT((long)fl_doc_attribution_count(doc), 1);
    CHECK_INT(doc->quote_layer->raw_attrs[0].vetoed, 1);
    pn_rels rels = {0};
    CHECK_INT(pn_system_relations(doc, &rels), 1);
    CHECK_INT((long)rels.n, 0);
    pn_rels_free(&rels);
    fl_doc_free(doc);
    fl_attrib_model_free(m);
    fl_attrib_model_free(m2);

    /* without the relation scorer: the token detector alone, as before */
    o.folds = -1;
    m = fl_attrib_train(&o, err, sizeof err);
    CHECK(m != NULL);
    if (m)
        CHECK_INT(fl_attrib_model_relation_mode(m), ATTRIB_RELATION_NONE);
    fl_attrib_model_free(m);
    o.folds = 0;

    /* a bad training file names its line */
    f = fopen(path, "w");
    if (f) {
        fputs("{\"filename\": \"x\", \"text\": \"ok\", \"annotations\": []}\nnot json\n", f);
        fclose(f);
    }
    m = fl_attrib_train(&o, err, sizeof err);
    CHECK(m == NULL);
    CHECK(strstr(err, ":2:") != NULL);
    fl_attrib_model_free(m);
    remove(path);
}

static void test_relation_marker(void)
{
    uint64_t keys[2] = {11, ATTRIB_RELATION_MARKER};
    float w[2] = {1.0f, 2.5f};
    fl_attrib_model *m = fl_attrib_model_build(keys, w, 2, NULL, 0);
    fl_attrib_model *none = fl_attrib_model_build(keys, w, 1, NULL, 0);
    CHECK(m && none);
    if (m && none) {
        CHECK_INT(fl_attrib_model_relation_mode(m), ATTRIB_RELATION_SCORE);
        CHECK(fl_attrib_model_propose_margin(m) == 2.5f);
        CHECK_INT(fl_attrib_model_relation_mode(none), ATTRIB_RELATION_NONE);
    }
    fl_attrib_model_free(m);
    fl_attrib_model_free(none);
}

/* The table's rules (as `factline extract` runs them): the source before a
 * time phrase; a one-word label before a headline's colon is nobody. */
static void test_rule_sources(void)
{
    static const char *const cases[][3] = {
        {"Beck last week said the plan failed.", "said", "Beck"},
        {"The mayor on Thursday said the bridge was open.", "said", "The mayor"},
        {"Reince Priebus, the GOP chairman, this past week said the rules were fair.", "said", "Reince Priebus"},
    };
    fl_doc *doc = fl_doc_new();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_INT(fl_doc_analyze_text(doc, cases[i][0], strlen(cases[i][0])), FL_OK);
        CHECK_INT(fl_quote_extract(doc), FL_OK);
        CHECK_INT((long)fl_doc_attribution_count(doc), 1);
        if (fl_doc_attribution_count(doc) != 1)
            continue;
        const fl_attribution *at = fl_doc_attributions(doc);
        CHECK_STR(slice(doc, 0, at->source.cue), cases[i][1]);
        CHECK_STR(slice(doc, 1, at->source.mention), cases[i][2]);
    }
    /* contents: past a time phrase after the cue; "according to X" after a quote that opens the
     * sentence, or after the clause it closes; "according to plan" is nobody's */
    static const char *const contents[][3] = {
        {"The mayor said Tuesday that the bridge was open.", "said", "that the bridge was open"},
        {"\u201cThe bridge is open,\u201d according to the mayor.", "according to", "\u201cThe bridge is open,\u201d"},
        {"Clinton leads Trump 46 percent to 39 percent according to a CBS poll.", "according to",
         "Clinton leads Trump 46 percent to 39 percent"},
    };
    for (size_t i = 0; i < sizeof contents / sizeof contents[0]; i++) {
        CHECK_INT(fl_doc_analyze_text(doc, contents[i][0], strlen(contents[i][0])), FL_OK);
        CHECK_INT(fl_quote_extract(doc), FL_OK);
        CHECK_INT((long)fl_doc_attribution_count(doc), 1);
        if (fl_doc_attribution_count(doc) != 1)
            continue;
        const fl_attribution *at = fl_doc_attributions(doc);
        CHECK_STR(slice(doc, 0, at->source.cue), contents[i][1]);
        CHECK_STR(slice(doc, 1, at->content), contents[i][2]);
    }
    const char *plan = "The invasion did not go according to plan.";
    CHECK_INT(fl_doc_analyze_text(doc, plan, strlen(plan)), FL_OK);
    CHECK_INT(fl_quote_extract(doc), FL_OK);
    CHECK_INT((long)fl_doc_attribution_count(doc), 0);
    const char *t = "Breaking: Senate Passes The Budget Plan\n\nThe vote was close.";
    CHECK_INT(fl_doc_analyze_text(doc, t, strlen(t)), FL_OK);
    CHECK_INT(fl_quote_extract(doc), FL_OK);
    CHECK_INT((long)fl_doc_attribution_count(doc), 0);
    fl_doc_free(doc);
}

int main(void)
{
    test_relation_marker();
    test_rule_sources();
    test_index_matches_bisection();
    test_model_file();
    test_training();
    return check_report("test_attrib_model");
}
