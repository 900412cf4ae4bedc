/*
 * link.c — links quote speakers and attribution sources to the article's
 * entities (the entity layer's output), so a speaker's `entity` names the
 * entity in the same article's `entities` array.
 *
 * A speaker links to the entity with the longest mention inside its fullest
 * name span, else inside its mention span (e.g. "President Biden" holds the
 * mention "Biden"), else to the one entity whose name or alias equals the
 * name's text. Ties between entities, and coordinated names ("Netanyahu and
 * Gallant"), leave it unlinked rather than guessed. Runs after
 * fl_quote_extract. The mentions are sorted by start and the names and
 * aliases by text once per article, so a speaker costs O(log + the mentions
 * in its span), not a pass over every entity (quadratic on a long article).
 * Not for: finding speakers (speakers.c) or joining across articles (store).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "quote/quote_internal.h"
#include "util/grow.h"

/* The entity (person, organisation or place; not MISC, whose nationality
 * words sit inside descriptions such as "a senior Israeli official") with the
 * longest mention inside the span; -1 if none, or if two entities tie. */
static int32_t entity_in_span(const fl_entity *ents, size_t n, fl_span s)
{
    int32_t found = -1;
    uint32_t best = 0;
    int tie = 0;
    if (s.end <= s.start)
        return -1;
    for (size_t e = 0; e < n; e++) {
        if (ents[e].type == FL_ENTITY_MISC)
            continue;
        for (size_t m = 0; m < ents[e].mention_count; m++) {
            fl_span ms = ents[e].mentions[m].span;
            if (ms.start < s.start || ms.end > s.end)
                continue;
            uint32_t len = ms.end - ms.start;
            if (len > best) {
                best = len;
                found = (int32_t)e;
                tie = 0;
            } else if (len == best && found != (int32_t)e) {
                tie = 1;
            }
        }
    }
    return tie ? -1 : found;
}

/* entity_in_span over the mentions sorted by start (idx, n of them): the same
 * answer, as it depends only on the set of mentions inside the span. */
static int32_t indexed_entity_in_span(const struct link_mention *idx, size_t n, fl_span s)
{
    if (s.end <= s.start)
        return -1;
    size_t lo = 0, hi = n;
    while (lo < hi) { /* the first mention starting at s.start or later */
        size_t mid = lo + (hi - lo) / 2;
        if (idx[mid].start < s.start)
            lo = mid + 1;
        else
            hi = mid;
    }
    int32_t found = -1;
    uint32_t best = 0;
    int tie = 0;
    for (size_t i = lo; i < n && idx[i].start < s.end; i++) {
        if (idx[i].end > s.end)
            continue;
        uint32_t len = idx[i].end - idx[i].start;
        if (len > best) {
            best = len;
            found = (int32_t)idx[i].entity;
            tie = 0;
        } else if (len == best && found != (int32_t)idx[i].entity) {
            tie = 1;
        }
    }
    return tie ? -1 : found;
}

static int by_start(const void *a, const void *b)
{
    const struct link_mention *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return x->entity < y->entity ? -1 : x->entity > y->entity;
}

/* Fills L->link_index with the mentions that entity_in_span counts; returns
 * their number, or SIZE_MAX when memory ran out (then the plain scan runs). */
static size_t build_index(fl_quote_layer *L, const fl_entity *ents, size_t n)
{
    size_t total = 0;
    for (size_t e = 0; e < n; e++)
        if (ents[e].type != FL_ENTITY_MISC)
            total += ents[e].mention_count;
    if (!fl_grow(&L->link_index, &L->link_cap, total, sizeof *L->link_index, 64))
        return SIZE_MAX;
    size_t k = 0;
    for (size_t e = 0; e < n; e++) {
        if (ents[e].type == FL_ENTITY_MISC)
            continue;
        for (size_t m = 0; m < ents[e].mention_count; m++) {
            L->link_index[k].start = ents[e].mentions[m].span.start;
            L->link_index[k].end = ents[e].mentions[m].span.end;
            L->link_index[k].entity = (uint32_t)e;
            k++;
        }
    }
    if (k > 1) /* link_index may still be NULL when there are none */
        qsort(L->link_index, k, sizeof *L->link_index, by_start);
    return k;
}

/* True if the span names several people or groups ("X and Y"). */
static int is_coordinated(const char *text, fl_span s)
{
    for (uint32_t i = s.start; i + 5 <= s.end; i++)
        if (!memcmp(text + i, " and ", 5) || !memcmp(text + i, " & ", 3))
            return 1;
    return 0;
}

static int32_t entity_by_name(const fl_entity *ents, size_t n, const char *text, fl_span s)
{
    size_t len = s.end - s.start;
    int32_t found = -1;
    if (s.end <= s.start)
        return -1;
    for (size_t e = 0; e < n; e++) {
        int same = strlen(ents[e].name) == len && !strncasecmp(ents[e].name, text + s.start, len);
        for (size_t a = 0; !same && a < ents[e].alias_count; a++)
            same = strlen(ents[e].aliases[a]) == len && !strncasecmp(ents[e].aliases[a], text + s.start, len);
        if (same) {
            if (found >= 0)
                return -1;
            found = (int32_t)e;
        }
    }
    return found;
}

static int name_cmp(const char *a, size_t la, const char *b, size_t lb)
{
    int r = strncasecmp(a, b, la < lb ? la : lb);
    if (r)
        return r;
    return la < lb ? -1 : la > lb;
}

static int by_name(const void *a, const void *b)
{
    const struct link_name *x = a, *y = b;
    int r = name_cmp(x->s, x->len, y->s, y->len);
    return r ? r : (x->entity < y->entity ? -1 : x->entity > y->entity);
}

/* Fills L->link_names with every entity's name and aliases, sorted ignoring
 * case; returns their number, or SIZE_MAX when memory ran out. */
static size_t build_names(fl_quote_layer *L, const fl_entity *ents, size_t n)
{
    size_t total = 0;
    for (size_t e = 0; e < n; e++)
        total += 1 + ents[e].alias_count;
    if (!fl_grow(&L->link_names, &L->link_names_cap, total, sizeof *L->link_names, 64))
        return SIZE_MAX;
    size_t k = 0;
    for (size_t e = 0; e < n; e++) {
        L->link_names[k++] = (struct link_name){ents[e].name, strlen(ents[e].name), (uint32_t)e};
        for (size_t a = 0; a < ents[e].alias_count; a++)
            L->link_names[k++] = (struct link_name){ents[e].aliases[a], strlen(ents[e].aliases[a]), (uint32_t)e};
    }
    if (k > 1)
        qsort(L->link_names, k, sizeof *L->link_names, by_name);
    return k;
}

/* entity_by_name over the sorted names: the one entity with a name or alias
 * equal to the span's text ignoring case; -1 if none or several (the same
 * answer, in O(log names) rather than a pass over every entity). */
static int32_t indexed_entity_by_name(const struct link_name *idx, size_t n, const char *text, fl_span s)
{
    size_t len = s.end - s.start;
    if (s.end <= s.start)
        return -1;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (name_cmp(idx[mid].s, idx[mid].len, text + s.start, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    int32_t found = -1;
    for (size_t i = lo; i < n && name_cmp(idx[i].s, idx[i].len, text + s.start, len) == 0; i++) {
        if (found >= 0 && found != (int32_t)idx[i].entity)
            return -1;
        found = (int32_t)idx[i].entity;
    }
    return found;
}

static int32_t speaker_entity(const fl_quote_layer *L, size_t nidx, const fl_entity *ents, size_t n, fl_span s)
{
    return nidx == SIZE_MAX ? entity_in_span(ents, n, s) : indexed_entity_in_span(L->link_index, nidx, s);
}

static void link_speaker(fl_speaker *sp, fl_quote_layer *L, size_t nidx, size_t *nnames, const fl_entity *ents,
                         size_t n, const char *text)
{
    if (!sp->found || is_coordinated(text, sp->name))
        return;
    int32_t e = speaker_entity(L, nidx, ents, n, sp->name);
    if (e < 0)
        e = speaker_entity(L, nidx, ents, n, sp->mention);
    if (e < 0 && sp->name.end > sp->name.start) {
        if (*nnames == 0) /* 0: not built yet (there is at least one entity) */
            *nnames = build_names(L, ents, n);
        e = *nnames == SIZE_MAX ? entity_by_name(ents, n, text, sp->name)
                                : indexed_entity_by_name(L->link_names, *nnames, text, sp->name);
    }
    sp->entity = e;
}

void fl_quote_link_entities(fl_doc *doc)
{
    fl_quote_layer *q = doc->quote_layer;
    size_t n = fl_doc_entity_count(doc);
    if (!q || n == 0)
        return;
    const fl_entity *ents = fl_doc_entities(doc);
    size_t nidx = build_index(q, ents, n), nnames = 0;
    for (size_t i = 0; i < q->quote_count; i++)
        link_speaker(&q->quotes[i].speaker, q, nidx, &nnames, ents, n, doc->text);
    for (size_t i = 0; i < q->attrib_count; i++)
        link_speaker(&q->attribs[i].source, q, nidx, &nnames, ents, n, doc->text);
}
