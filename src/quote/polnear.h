/*
 * polnear.h — PolNeAR (Newell et al., LREC 2018) attribution relations:
 * reading one corpus line, turning the layer's attributions into relations
 * in the corpus's units (Unicode code points of `text`), and scoring system
 * relations against gold. Used by `factline attrib --polnear` and
 * `factline eval attrib`. Not for: finding attributions (attrib.c).
 */
#ifndef FL_QUOTE_POLNEAR_H
#define FL_QUOTE_POLNEAR_H

#include <stddef.h>
#include <stdint.h>

#include "factline.h"

enum { PN_MAX_FRAGMENTS = 8 };

/* One part of a relation (source, cue or content): up to PN_MAX_FRAGMENTS
 * fragments [s, e) in code points (brat's discontinuous spans; further
 * fragments are folded into the last), and their extent. n == 0: absent. */
typedef struct pn_part {
    uint32_t n;
    uint32_t s[PN_MAX_FRAGMENTS], e[PN_MAX_FRAGMENTS];
    uint32_t min, max;
} pn_part;

typedef struct pn_rel {
    pn_part source, cue, content;
} pn_rel;

typedef struct pn_rels {
    pn_rel *rel;
    size_t n, cap;
} pn_rels;

void pn_rels_clear(pn_rels *r);
void pn_rels_free(pn_rels *r);

/* One PolNeAR JSON line, parsed. Strings stay valid until the next
 * pn_article_parse or pn_article_free. */
typedef struct pn_article {
    void *json;                /* the parsed object */
    const char *filename;
    const char *text;          /* UTF-8 */
    size_t text_len;
    size_t annotation_count;
    const char **ann;          /* brat standoff text of each annotator */
    size_t ann_cap;
} pn_article;

/* Parses one line; returns 0 with a reason in *why on bad input. */
int pn_article_parse(pn_article *a, const char *line, size_t len, const char **why);
void pn_article_free(pn_article *a);

/* Reads the relations (E lines) of one brat .ann text into out (cleared
 * first). Lines that do not parse are skipped. Returns 0 on out-of-memory. */
int pn_parse_ann(const char *ann, pn_rels *out);

/* PolNeAR's conventions on an extracted doc: runs the quote layer again
 * with the learned cue detector (attrib_learned.c), which adds stance and
 * action cues and marks the rule cues PolNeAR would not annotate (left out
 * by pn_system_relations). */
struct fl_attrib_model;
fl_status pn_apply_detector(fl_doc *doc, const struct fl_attrib_model *m);

/* The doc's attributions (analysed from a->text and extracted) as relations
 * in code points. Returns 0 on out-of-memory. */
int pn_system_relations(const fl_doc *doc, pn_rels *out);

/* Scores: for each measure, matched system items, system items, matched
 * gold items, gold items. Matching is one-to-one, greedy in text order. */
typedef enum pn_measure {
    PN_CUE_EXACT, PN_CUE_OVERLAP, PN_SOURCE_EXACT, PN_SOURCE_OVERLAP, PN_CONTENT_EXACT, PN_CONTENT_OVERLAP,
    PN_RELATION_EXACT, PN_RELATION_OVERLAP, PN_MEASURE_COUNT
} pn_measure;

typedef struct pn_score {
    uint64_t tp[PN_MEASURE_COUNT]; /* matched pairs */
    uint64_t sys[PN_MEASURE_COUNT];
    uint64_t gold[PN_MEASURE_COUNT];
} pn_score;

void pn_score_add(pn_score *acc, const pn_rels *gold, const pn_rels *sys);
/* The system items that measure m matches to a gold item, one-to-one and
 * greedily as pn_score_add counts them: sys_matched[j] = 1 (sys->n bytes). */
void pn_match(const pn_rels *gold, const pn_rels *sys, pn_measure m, unsigned char *sys_matched);

const char *pn_measure_name(pn_measure m);

#endif
