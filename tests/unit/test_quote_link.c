/*
 * test_quote_link.c — speakers and sources link to the article's entities:
 * on the seed article, with the full extractor (entity model included).
 */
#include <string.h>

#include "check.h"
#include "factline.h"

static const char *linked(const fl_doc *doc, const fl_speaker *sp)
{
    if (!sp->found)
        return "(no speaker)";
    if (sp->entity < 0)
        return "(unlinked)";
    return fl_doc_entities(doc)[sp->entity].name;
}

/* The source of the attribution whose source name starts with `prefix`. */
static const fl_speaker *source_named(const fl_doc *doc, const char *prefix)
{
    const char *text = fl_doc_text(doc);
    for (size_t i = 0; i < fl_doc_attribution_count(doc); i++) {
        const fl_speaker *sp = &fl_doc_attributions(doc)[i].source;
        if (sp->found && !strncmp(text + sp->name.start, prefix, strlen(prefix)))
            return sp;
    }
    return NULL;
}

int main(void)
{
    const char *why = NULL;
    fl_extractor *ex = fl_extractor_new(NULL, &why);
    CHECK(ex != NULL);
    if (!ex) {
        fprintf(stderr, "%s\n", why ? why : "no extractor");
        return check_report("quote_link");
    }
    fl_reader *r = fl_reader_new(NULL);
    CHECK_INT(fl_reader_open(r, "samples/seed.txt"), FL_OK);
    const fl_article *a;
    CHECK_INT(fl_reader_next(r, &a), FL_OK);
    fl_doc *doc = fl_doc_new();
    CHECK_INT(fl_doc_analyze(doc, a), FL_OK);
    CHECK_INT(fl_extract(ex, doc), FL_OK);
    const fl_quote *q = fl_doc_quotes(doc);
    CHECK(fl_doc_quote_count(doc) >= 4);
    CHECK_STR(linked(doc, &q[0].speaker), "Antony Blinken");
    CHECK_STR(linked(doc, &q[1].speaker), "(unlinked)"); /* "A senior Israeli official": not the MISC "Israeli" */
    CHECK_STR(linked(doc, &q[2].speaker), "Joe Biden");
    const fl_speaker *sp = source_named(doc, "Axios");
    CHECK(sp && sp->entity >= 0);
    if (sp)
        CHECK_STR(linked(doc, sp), "Axios");
    sp = source_named(doc, "Health Ministry in Gaza");
    CHECK(sp != NULL);
    if (sp)
        CHECK_STR(linked(doc, sp), "Health Ministry"); /* the longest entity inside, not Gaza */
    sp = source_named(doc, "Israeli Prime Minister Benjamin Netanyahu and");
    CHECK(sp != NULL);
    if (sp)
        CHECK_STR(linked(doc, sp), "(unlinked)"); /* two people: not guessed */
    fl_doc_free(doc);
    fl_reader_free(r);
    fl_extractor_free(ex);
    return check_report("quote_link");
}
