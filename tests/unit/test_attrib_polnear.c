/*
 * test_attrib_polnear.c — the PolNeAR side of the attribution layer, exact
 * values: brat standoff parsing (discontinuous spans, relations without a
 * source, malformed lines), code-point offsets for text with multi-byte
 * characters, and the scorer's exact / overlap / relation counts.
 */
#include "check.h"
#include "factline.h"
#include "quote/polnear.h"

int main(void)
{
    pn_rels gold = {0}, sys = {0};
    const char *ann = "T1\tSource 0 5\tSmith\n"
                      "T2\tCue 6 10\tsaid\n"
                      "T3\tContent 11 20;25 30\tx\n"
                      "T4\tAttribution 6 10\tsaid\n"
                      "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
                      "T5\tCue 40 44\tsaid\n"
                      "T6\tContent 45 50\ty\n"
                      "E2\tAttribution:T4 Cue:T5 Content:T6\n"
                      "T7\tCue x y\tbroken\n"
                      "E3\tnothing here\n"
                      "T8\tDiscard 0 3\tjunk\n";
    CHECK(pn_parse_ann(ann, &gold));
    CHECK_INT(gold.n, 2);
    if (gold.n == 2) {
        CHECK_INT(gold.rel[0].source.n, 1);
        CHECK_INT(gold.rel[0].content.n, 2);
        CHECK_INT(gold.rel[0].content.min, 11);
        CHECK_INT(gold.rel[0].content.max, 30);
        CHECK_INT(gold.rel[0].content.s[1], 25);
        CHECK_INT(gold.rel[1].source.n, 0);
        CHECK_INT(gold.rel[1].cue.min, 40);
    }

    /* System relations in code points: "é" and "’" are 2 and 3 bytes, one code point each. */
    const char *text = "Café owner Smith said that prices rose. Prices ’rose’, the minister said.";
    fl_extractor *ex = fl_extractor_new(NULL, NULL);
    fl_doc *doc = fl_doc_new();
    CHECK_INT(fl_doc_analyze_text(doc, text, strlen(text)), FL_OK);
    CHECK_INT(fl_extract(ex, doc), FL_OK);
    CHECK(pn_system_relations(doc, &sys));
    CHECK_INT(sys.n, 2);
    if (sys.n == 2) {
        /* "Café owner Smith" [0,16) "said" [17,21) "that prices rose" [22,38) */
        CHECK_INT(sys.rel[0].source.min, 0);
        CHECK_INT(sys.rel[0].source.max, 16);
        CHECK_INT(sys.rel[0].cue.min, 17);
        CHECK_INT(sys.rel[0].cue.max, 21);
        CHECK_INT(sys.rel[0].content.min, 22);
        CHECK_INT(sys.rel[0].content.max, 38);
        /* "Prices ’rose’" [40,53), "the minister" [55,67), "said" [68,72) */
        CHECK_INT(sys.rel[1].content.min, 40);
        CHECK_INT(sys.rel[1].content.max, 53);
        CHECK_INT(sys.rel[1].source.min, 55);
        CHECK_INT(sys.rel[1].cue.min, 68);
    }

    /* Scoring: one exact match, one overlap-only match, one miss. */
    pn_rels g2 = {0}, s2 = {0};
    CHECK(pn_parse_ann("T1\tSource 0 16\ta\nT2\tCue 17 21\tb\nT3\tContent 22 38\tc\n"
                       "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
                       "T4\tSource 55 67\ta\nT5\tCue 68 72\tb\nT6\tContent 40 52\tc\n"
                       "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n"
                       "T7\tCue 100 104\tb\nT8\tContent 105 110\tc\nE3\tAttribution:T7 Content:T8 Cue:T7\n",
                       &g2));
    CHECK(pn_system_relations(doc, &s2));
    pn_score sc;
    memset(&sc, 0, sizeof sc);
    pn_score_add(&sc, &g2, &s2);
    CHECK_INT(sc.gold[PN_RELATION_OVERLAP], 3);
    CHECK_INT(sc.sys[PN_RELATION_OVERLAP], 2);
    CHECK_INT(sc.tp[PN_RELATION_OVERLAP], 2);
    CHECK_INT(sc.tp[PN_RELATION_EXACT], 1);
    CHECK_INT(sc.tp[PN_CONTENT_EXACT], 1);
    CHECK_INT(sc.tp[PN_CONTENT_OVERLAP], 2);
    CHECK_INT(sc.gold[PN_SOURCE_EXACT], 2);
    CHECK_INT(sc.tp[PN_SOURCE_EXACT], 2);
    CHECK_INT(sc.tp[PN_CUE_EXACT], 2);
    CHECK_STR(pn_measure_name(PN_RELATION_OVERLAP), "relation overlap");

    /* Article lines: good, and bad ones with a reason. */
    pn_article a;
    memset(&a, 0, sizeof a);
    const char *why = NULL;
    const char *line = "{\"filename\":\"f\",\"text\":\"T\",\"annotations\":[{\"ann\":\"A\"},{\"ann\":\"B\"},{\"x\":1}]}";
    CHECK(pn_article_parse(&a, line, strlen(line), &why));
    CHECK_STR(a.filename, "f");
    CHECK_INT(a.annotation_count, 2);
    CHECK(!pn_article_parse(&a, "[1]", 3, &why));
    CHECK_STR(why, "not a JSON object");
    CHECK(!pn_article_parse(&a, "{\"text\":\"x\"}", 12, &why));
    pn_article_free(&a);

    pn_rels_free(&gold);
    pn_rels_free(&sys);
    pn_rels_free(&g2);
    pn_rels_free(&s2);
    fl_doc_free(doc);
    fl_extractor_free(ex);
    return check_report("test_attrib_polnear");
}
