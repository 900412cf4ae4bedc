/*
 * timex_eval.c — TempEval-3 Task A scoring of time expressions, as
 * TE3-evaluation.py computes it (docs/time.md has our reading).
 *
 * Matching is the TimeML-Normalizer's: walk the expressions of both
 * annotations in text order, gold before system at the same start; an
 * expression takes the id of the other annotation's expression that is
 * open where it starts (started earlier — or at the same place, for a
 * system expression — and not yet ended), unless its annotation already
 * used that id; otherwise it gets a new id. Shared ids are the relaxed
 * matches, one to one. A relaxed match is strict when both have the same
 * text. Type and value are compared on relaxed matches. Cost: linear in
 * the number of expressions. Not for: reading files (timeml.c).
 */
#include "time/timeml.h"

#include <stdlib.h>
#include <string.h>

int fl_timex_score(const char *plain, const fl_timex *gold, size_t ng, const fl_timex *sys, size_t ns,
                   fl_timex_counts *counts)
{
    size_t *gid = calloc(ng + 1, sizeof *gid), *sid = calloc(ns + 1, sizeof *sid);
    if (!gid || !sid) {
        free(gid);
        free(sid);
        return 0;
    }
    size_t gi = 0, si = 0, next_id = 1, last_g = 0, last_s = 0;
    while (gi < ng || si < ns) {
        int take_gold = si >= ns || (gi < ng && gold[gi].start <= sys[si].start);
        size_t id = 0;
        if (take_gold) {
            uint32_t p = gold[gi].start;
            if (si > 0 && sys[si - 1].start < p && p < sys[si - 1].end && last_g < sid[si - 1])
                id = sid[si - 1];
            gid[gi++] = last_g = id ? id : next_id++;
        } else {
            uint32_t p = sys[si].start;
            if (gi > 0 && gold[gi - 1].start <= p && p < gold[gi - 1].end && last_s < gid[gi - 1])
                id = gid[gi - 1];
            sid[si++] = last_s = id ? id : next_id++;
        }
    }
    /* Ids are increasing in both lists, so pairs are found by a merge. */
    size_t a = 0, b = 0;
    while (a < ng && b < ns) {
        if (gid[a] < sid[b]) {
            a++;
        } else if (gid[a] > sid[b]) {
            b++;
        } else {
            const fl_timex *g = &gold[a], *s = &sys[b];
            counts->relaxed++;
            if (g->end - g->start == s->end - s->start && !memcmp(plain + g->start, plain + s->start, g->end - g->start))
                counts->strict++;
            counts->type_ok += g->type == s->type;
            counts->value_ok += !strcmp(g->value, s->value);
            counts->mod_ok += g->mod == s->mod;
            a++;
            b++;
        }
    }
    counts->gold += ng;
    counts->system += ns;
    counts->files++;
    free(gid);
    free(sid);
    return 1;
}

static double ratio(uint64_t a, uint64_t b) { return b ? (double)a / (double)b : 0.0; }
static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

void fl_timex_compute(const fl_timex_counts *c, fl_timex_scores *s)
{
    memset(s, 0, sizeof *s);
    if (c->gold == 0 && c->system == 0) {
        s->strict_f1 = s->relaxed_f1 = s->type_f1 = s->value_f1 = 1.0;
        return;
    }
    s->strict_p = ratio(c->strict, c->system);
    s->strict_r = ratio(c->strict, c->gold);
    s->strict_f1 = f1(s->strict_p, s->strict_r);
    s->relaxed_p = ratio(c->relaxed, c->system);
    s->relaxed_r = ratio(c->relaxed, c->gold);
    s->relaxed_f1 = f1(s->relaxed_p, s->relaxed_r);
    s->type_accuracy = ratio(c->type_ok, c->relaxed);
    s->value_accuracy = ratio(c->value_ok, c->relaxed);
    s->type_f1 = s->type_accuracy * s->relaxed_f1;
    s->value_f1 = s->value_accuracy * s->relaxed_f1;
}
