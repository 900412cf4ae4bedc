/*
 * link.c — links quote speakers and attribution sources to the article's
 * entities (the entity layer's output), so a speaker's `entity` names the
 * entity in the same article's `entities` array.
 *
 * A speaker links to the entity with the longest mention inside its fullest
 * name span, else inside its mention span (e.g. "President Biden" holds the
 * mention "Biden"), else to the one entity whose name or alias equals the
 * name's text. Ties between entities, and coordinated names ("Netanyahu and
 * Gallant"), leave it unlinked rather than guessed. Runs
 * after fl_quote_extract; costs O(speakers x mentions in their spans).
 * Not for: finding speakers (speakers.c) or joining across articles (store).
 */
#include <string.h>
#include <strings.h>

#include "quote/quote_internal.h"

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

static void link_speaker(fl_speaker *sp, const fl_entity *ents, size_t n, const char *text)
{
    if (!sp->found || is_coordinated(text, sp->name))
        return;
    int32_t e = entity_in_span(ents, n, sp->name);
    if (e < 0)
        e = entity_in_span(ents, n, sp->mention);
    if (e < 0)
        e = entity_by_name(ents, n, text, sp->name);
    sp->entity = e;
}

void fl_quote_link_entities(fl_doc *doc)
{
    fl_quote_layer *q = doc->quote_layer;
    size_t n = fl_doc_entity_count(doc);
    if (!q || n == 0)
        return;
    const fl_entity *ents = fl_doc_entities(doc);
    for (size_t i = 0; i < q->quote_count; i++)
        link_speaker(&q->quotes[i].speaker, ents, n, doc->text);
    for (size_t i = 0; i < q->attrib_count; i++)
        link_speaker(&q->attribs[i].source, ents, n, doc->text);
}
