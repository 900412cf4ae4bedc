/*
 * polnear.c — PolNeAR lines in, relations in code points out, and the
 * scorer. Offsets: PolNeAR counts Unicode code points of `text`; the layer
 * counts bytes of the same text; a byte offset becomes a code point offset
 * by counting the bytes that do not continue a UTF-8 sequence before it (one
 * pass over the text per article, offsets looked up in order).
 *
 * Scoring. Each part (cue, source, content) is matched one-to-one: a system
 * part matches a gold part EXACTLY when their extents are equal, by OVERLAP
 * when the system span shares a code point with one of the gold fragments.
 * A RELATION matches when cue, content and source all match (a missing
 * source matches only a missing source). Precision = matched / system
 * items, recall = matched / gold items, with one-to-one greedy matching per
 * article. Not for: the command line (cli/cmd_attrib.c).
 */
#include "quote/polnear.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "quote/quote_internal.h"

void pn_rels_clear(pn_rels *r) { r->n = 0; }

void pn_rels_free(pn_rels *r)
{
    free(r->rel);
    r->rel = NULL;
    r->n = r->cap = 0;
}

static pn_rel *rels_push(pn_rels *r)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        pn_rel *n = realloc(r->rel, cap * sizeof *n);
        if (!n)
            return NULL;
        r->rel = n;
        r->cap = cap;
    }
    pn_rel *x = &r->rel[r->n++];
    memset(x, 0, sizeof *x);
    return x;
}

void pn_article_free(pn_article *a)
{
    if (a->json)
        json_decref((json_t *)a->json);
    free(a->ann);
    memset(a, 0, sizeof *a);
}

int pn_article_parse(pn_article *a, const char *line, size_t len, const char **why)
{
    if (a->json)
        json_decref((json_t *)a->json);
    a->json = NULL;
    a->annotation_count = 0;
    json_error_t err;
    json_t *o = json_loadb(line, len, 0, &err);
    if (!o || !json_is_object(o)) {
        if (o)
            json_decref(o);
        *why = "not a JSON object";
        return 0;
    }
    a->json = o;
    json_t *fn = json_object_get(o, "filename"), *text = json_object_get(o, "text");
    json_t *anns = json_object_get(o, "annotations");
    if (!json_is_string(fn) || !json_is_string(text)) {
        *why = "no \"filename\" or \"text\" string";
        return 0;
    }
    a->filename = json_string_value(fn);
    a->text = json_string_value(text);
    a->text_len = json_string_length(text);
    if (json_is_array(anns)) {
        size_t n = json_array_size(anns);
        if (n > a->ann_cap) {
            const char **p = realloc(a->ann, n * sizeof *p);
            if (!p) {
                *why = "out of memory";
                return 0;
            }
            a->ann = p;
            a->ann_cap = n;
        }
        for (size_t i = 0; i < n; i++) {
            json_t *ann = json_object_get(json_array_get(anns, i), "ann");
            if (json_is_string(ann))
                a->ann[a->annotation_count++] = json_string_value(ann);
        }
    }
    return 1;
}

/* ---- brat standoff ------------------------------------------------------ */

typedef struct tspan {
    char id[16];
    pn_part part;
} tspan;

static void part_add(pn_part *p, uint32_t s, uint32_t e)
{
    if (p->n == 0 || s < p->min)
        p->min = s;
    if (p->n == 0 || e > p->max)
        p->max = e;
    if (p->n < PN_MAX_FRAGMENTS) {
        p->s[p->n] = s;
        p->e[p->n] = e;
        p->n++;
    } else if (e > p->e[PN_MAX_FRAGMENTS - 1]) {
        p->e[PN_MAX_FRAGMENTS - 1] = e;
    }
}

/* "T12\tSource 10 20;25 30\ttext": fills t; returns 0 if not a span line. */
static int parse_t_line(const char *l, const char *end, tspan *t)
{
    const char *tab = memchr(l, '\t', (size_t)(end - l));
    if (!tab || tab - l >= (ptrdiff_t)sizeof t->id)
        return 0;
    memcpy(t->id, l, (size_t)(tab - l));
    t->id[tab - l] = 0;
    const char *p = tab + 1;
    while (p < end && *p != ' ' && *p != '\t')
        p++;
    memset(&t->part, 0, sizeof t->part);
    if (p >= end || *p != ' ')
        return 0;
    for (;;) {
        char *q;
        unsigned long st = strtoul(p + 1, &q, 10);
        if (q == p + 1 || *q != ' ')
            return 0;
        const char *num = q + 1;
        unsigned long en = strtoul(num, &q, 10);
        if (q == num || en < st || en > UINT32_MAX)
            return 0;
        part_add(&t->part, (uint32_t)st, (uint32_t)en);
        p = q;
        if (p < end && *p == ';')
            continue;
        break;
    }
    return t->part.n > 0;
}

static const tspan *find_t(const tspan *ts, size_t n, const char *id, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(ts[i].id) == len && !memcmp(ts[i].id, id, len))
            return &ts[i];
    return NULL;
}

int pn_parse_ann(const char *ann, pn_rels *out)
{
    pn_rels_clear(out);
    size_t cap = 0, n = 0;
    tspan *ts = NULL;
    const char *p = ann;
    while (*p) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        if (*p == 'T') {
            if (n == cap) {
                size_t c2 = cap ? cap * 2 : 128;
                tspan *t2 = realloc(ts, c2 * sizeof *t2);
                if (!t2) {
                    free(ts);
                    return 0;
                }
                ts = t2;
                cap = c2;
            }
            if (parse_t_line(p, end, &ts[n]))
                n++;
        }
        p = nl ? nl + 1 : end;
    }
    for (p = ann; *p;) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        const char *tab = *p == 'E' ? memchr(p, '\t', (size_t)(end - p)) : NULL;
        if (tab) {
            pn_rel r;
            memset(&r, 0, sizeof r);
            const char *q = tab + 1;
            while (q < end) {
                const char *sp = q;
                while (sp < end && *sp != ' ')
                    sp++;
                const char *colon = memchr(q, ':', (size_t)(sp - q));
                if (colon) {
                    const tspan *t = find_t(ts, n, colon + 1, (size_t)(sp - colon - 1));
                    size_t role = (size_t)(colon - q);
                    if (t && role == 6 && !memcmp(q, "Source", 6))
                        r.source = t->part;
                    else if (t && role == 3 && !memcmp(q, "Cue", 3))
                        r.cue = t->part;
                    else if (t && role == 7 && !memcmp(q, "Content", 7))
                        r.content = t->part;
                }
                q = sp + 1;
            }
            if (!r.cue.n && !r.content.n && !r.source.n) {
                p = nl ? nl + 1 : end; /* an E line naming no span we know */
                continue;
            }
            pn_rel *x = rels_push(out);
            if (!x) {
                free(ts);
                return 0;
            }
            *x = r;
        }
        p = nl ? nl + 1 : end;
    }
    free(ts);
    return 1;
}

/* ---- system relations ---------------------------------------------------- */

/* Code point index of byte offset b, counting from (*from_byte, *from_cp). */
static uint32_t to_cp(const char *text, uint32_t b, uint32_t *from_byte, uint32_t *from_cp)
{
    if (b < *from_byte) {
        *from_byte = 0;
        *from_cp = 0;
    }
    for (uint32_t i = *from_byte; i < b; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            (*from_cp)++;
    *from_byte = b;
    return *from_cp;
}

static void part_from(const char *text, fl_span s, pn_part *p, uint32_t *fb, uint32_t *fc)
{
    memset(p, 0, sizeof *p);
    if (s.end <= s.start)
        return;
    uint32_t a = to_cp(text, s.start, fb, fc);
    uint32_t b = to_cp(text, s.end, fb, fc);
    part_add(p, a, b);
}

fl_status pn_apply_detector(fl_doc *doc, const struct fl_attrib_model *m) { return fl_quote_extract_with(doc, m); }

int pn_system_relations(const fl_doc *doc, pn_rels *out)
{
    pn_rels_clear(out);
    size_t n = fl_doc_attribution_count(doc);
    const fl_attribution *at = fl_doc_attributions(doc);
    const char *text = fl_doc_text(doc);
    uint32_t fb = 0, fc = 0;
    const fl_quote_layer *L = doc->quote_layer;
    for (size_t i = 0; i < n; i++) {
        if (L && L->raw_attrs[i].vetoed)
            continue; /* PolNeAR's conventions: see vet_rule_attributions in attrib_learned.c */
        pn_rel *r = rels_push(out);
        if (!r)
            return 0;
        /* spans are visited out of order; to_cp restarts when it must */
        part_from(text, at[i].source.cue, &r->cue, &fb, &fc);
        if (at[i].source.found)
            part_from(text, at[i].source.via == FL_VIA_CONVEYED ? at[i].source.conveyed_by : at[i].source.mention,
                      &r->source, &fb, &fc);
        part_from(text, at[i].content, &r->content, &fb, &fc);
    }
    return 1;
}

/* ---- scoring -------------------------------------------------------------- */

static int part_exact(const pn_part *g, const pn_part *s)
{
    return g->n && s->n && g->min == s->min && g->max == s->max;
}

static int part_overlap(const pn_part *g, const pn_part *s)
{
    if (!g->n || !s->n)
        return 0;
    for (uint32_t i = 0; i < g->n; i++)
        for (uint32_t j = 0; j < s->n; j++)
            if (g->s[i] < s->e[j] && s->s[j] < g->e[i])
                return 1;
    return 0;
}

static const pn_part *part_of(const pn_rel *r, int which)
{
    return which == 0 ? &r->cue : which == 1 ? &r->source : &r->content;
}

static int matches(pn_measure m, const pn_rel *g, const pn_rel *s)
{
    switch (m) {
    case PN_CUE_EXACT: return part_exact(&g->cue, &s->cue);
    case PN_CUE_OVERLAP: return part_overlap(&g->cue, &s->cue);
    case PN_SOURCE_EXACT: return part_exact(&g->source, &s->source);
    case PN_SOURCE_OVERLAP: return part_overlap(&g->source, &s->source);
    case PN_CONTENT_EXACT: return part_exact(&g->content, &s->content);
    case PN_CONTENT_OVERLAP: return part_overlap(&g->content, &s->content);
    case PN_RELATION_EXACT:
        return part_exact(&g->cue, &s->cue) && part_exact(&g->content, &s->content) &&
               ((!g->source.n && !s->source.n) || part_exact(&g->source, &s->source));
    case PN_RELATION_OVERLAP:
        return part_overlap(&g->cue, &s->cue) && part_overlap(&g->content, &s->content) &&
               ((!g->source.n && !s->source.n) || part_overlap(&g->source, &s->source));
    default: return 0;
    }
}

/* Which part an item of measure m needs to exist (relations: the cue). */
static int counted(pn_measure m, const pn_rel *r)
{
    int which = (m == PN_CUE_EXACT || m == PN_CUE_OVERLAP) ? 0
              : (m == PN_SOURCE_EXACT || m == PN_SOURCE_OVERLAP) ? 1
              : (m == PN_CONTENT_EXACT || m == PN_CONTENT_OVERLAP) ? 2 : -1;
    if (which < 0)
        return 1;
    return part_of(r, which)->n > 0;
}

void pn_score_add(pn_score *acc, const pn_rels *gold, const pn_rels *sys)
{
    unsigned char *used = calloc(sys->n ? sys->n : 1, 1);
    for (int m = 0; m < PN_MEASURE_COUNT; m++) {
        if (used)
            memset(used, 0, sys->n ? sys->n : 1);
        for (size_t j = 0; j < sys->n; j++)
            acc->sys[m] += (uint64_t)counted((pn_measure)m, &sys->rel[j]);
        for (size_t i = 0; i < gold->n; i++) {
            if (!counted((pn_measure)m, &gold->rel[i]))
                continue;
            acc->gold[m]++;
            for (size_t j = 0; used && j < sys->n; j++)
                if (!used[j] && counted((pn_measure)m, &sys->rel[j]) &&
                    matches((pn_measure)m, &gold->rel[i], &sys->rel[j])) {
                    used[j] = 1;
                    acc->tp[m]++;
                    break;
                }
        }
    }
    free(used);
}

void pn_match(const pn_rels *gold, const pn_rels *sys, pn_measure m, unsigned char *sys_matched)
{
    memset(sys_matched, 0, sys->n);
    for (size_t i = 0; i < gold->n; i++) {
        if (!counted(m, &gold->rel[i]))
            continue;
        for (size_t j = 0; j < sys->n; j++)
            if (!sys_matched[j] && counted(m, &sys->rel[j]) && matches(m, &gold->rel[i], &sys->rel[j])) {
                sys_matched[j] = 1;
                break;
            }
    }
}

const char *pn_measure_name(pn_measure m)
{
    static const char *const names[PN_MEASURE_COUNT] = {
        "cue exact", "cue overlap", "source exact", "source overlap",
        "content exact", "content overlap", "relation exact", "relation overlap",
    };
    return (unsigned)m < PN_MEASURE_COUNT ? names[m] : "?";
}
