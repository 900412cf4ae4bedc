/*
 * test_attrib_extra.c — the PolNeAR-only shapes (src/quote/attrib_extra.c)
 * and the source and content rules around a learned cue
 * (src/quote/attrib_learned.c), exact values, with a model that proposes
 * every candidate word and vetoes nothing (collect mode), so the rules
 * alone decide: a transcript label, a poll as source, "it seems" without a
 * source, the source after a cue that follows a quote, a parenthetical cue,
 * the subject after an opening phrase, a passive's agent and subject, a
 * participle sharing the source before it, an opening participle, "when
 * asked"; and the stems that
 * widen the candidate words. Each with a case it must leave alone.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "factline.h"
#include "quote/attrib_model.h"
#include "quote/quote_internal.h"

static char buf[3][256];
static fl_doc *doc;
static fl_attrib_model *model;

static const char *slice(int slot, fl_span s)
{
    size_t n = s.end - s.start;
    if (n >= sizeof buf[0])
        n = sizeof buf[0] - 1;
    memcpy(buf[slot], fl_doc_text(doc) + s.start, n);
    buf[slot][n] = 0;
    return buf[slot];
}

static void run(const char *text)
{
    CHECK_INT(fl_doc_analyze_text(doc, text, strlen(text)), FL_OK);
    CHECK_INT(fl_quote_extract_with(doc, model), FL_OK);
}

/* The attribution whose cue is `cue` (NULL when none). */
static const fl_attribution *with_cue(const char *cue)
{
    for (size_t k = 0; k < fl_doc_attribution_count(doc); k++) {
        const fl_attribution *a = &fl_doc_attributions(doc)[k];
        if (!strcmp(slice(0, a->source.cue), cue))
            return a;
    }
    return NULL;
}

/* The text has an attribution at `cue` with this source (NULL: none) and content. */
static void check(const char *text, const char *cue, const char *source, const char *content)
{
    run(text);
    const fl_attribution *a = with_cue(cue);
    CHECK(a != NULL);
    if (!a) {
        fprintf(stderr, "  no attribution at \"%s\" in: %s\n", cue, text);
        return;
    }
    CHECK_INT(a->source.found, source != NULL);
    if (source && a->source.found)
        CHECK_STR(slice(1, a->source.via == FL_VIA_CONVEYED ? a->source.conveyed_by : a->source.mention), source);
    CHECK_STR(slice(2, a->content), content);
}

static void check_none(const char *text, const char *cue)
{
    run(text);
    const fl_attribution *a = with_cue(cue);
    CHECK(a == NULL);
    if (a)
        fprintf(stderr, "  an attribution at \"%s\" in: %s (content \"%s\")\n", cue, text, slice(2, a->content));
}

static void test_stems(void)
{
    uint64_t favor = fl_attrib_stem_hash("favor", 5);
    CHECK(favor != 0);
    CHECK(fl_attrib_stem_hash("favored", 7) == favor);
    CHECK(fl_attrib_stem_hash("Favors", 6) == favor);
    CHECK(fl_attrib_stem_hash("favoring", 8) == favor);
    CHECK(fl_attrib_stem_hash("liked", 5) == fl_attrib_stem_hash("likes", 5));
    CHECK(fl_attrib_stem_hash("planned", 7) == fl_attrib_stem_hash("plans", 5));
    CHECK(fl_attrib_stem_hash("denies", 6) == fl_attrib_stem_hash("denied", 6));
    CHECK(fl_attrib_stem_hash("favor", 5) != fl_attrib_word_hash("favor", 5)); /* salted apart from words */
    CHECK(fl_attrib_stem_hash("favor", 5) != fl_attrib_stem_hash("flavor", 6));
    CHECK(fl_attrib_stem_hash("say", 3) == 0);          /* too short to strip */
    CHECK(fl_attrib_stem_hash("r\xc3\xa9sum\xc3\xa9", 8) == 0); /* not ASCII */
}

int main(void)
{
    test_stems();
    /* candidates: "quipped", "chortled" and, by its stem only, "leaks" ("leaked", "leaking") */
    uint64_t cand[] = {fl_attrib_word_hash("quipped", 7), fl_attrib_word_hash("quipping", 8),
                       fl_attrib_word_hash("chortled", 8), fl_attrib_stem_hash("leaks", 5),
                       fl_attrib_word_hash("questioned", 10)};
    model = fl_attrib_model_build(NULL, NULL, 0, cand, sizeof cand / sizeof cand[0]);
    doc = fl_doc_new();
    CHECK(model && doc);
    if (!model || !doc)
        return check_report("test_attrib_extra");
    fl_attrib_model_set_collect(model, 1.0f); /* every candidate proposed (score 0 > -1), nothing vetoed */

    /* a transcript's speaker label opening a paragraph: the rest of the paragraph */
    check("Clinton will not debate.\n\nKATE BOULDUAN: Why not debate? Tell us.\n\nThe end.", ":", "KATE BOULDUAN",
          "Why not debate? Tell us");
    check("The interview follows.\n\nQ: Will you run again?\n\nA: No.", ":", "Q", "Will you run again");
    check_none("The interview follows.\n\nThe Governor: a profile of a quiet man.", ":"); /* not a label */

    /* a poll as the source of the figures around it */
    check("In the new CBS poll, Trump leads Cruz by 10 points.", "In", "the new CBS poll",
          "Trump leads Cruz by 10 points");
    check("Trump has 45 percent support in a new Fox News poll released Thursday.", "in",
          "a new Fox News poll released Thursday", "Trump has 45 percent support");
    check_none("He lives in a town where polls close early.", "in");
    check_none("In the morning, Trump leads the rally.", "In");

    /* "it seems": no source under PolNeAR's conventions; the extraction keeps the rules' "It" */
    check("It seems the plan failed.", "seems", NULL, "the plan failed");
    CHECK_INT(fl_doc_analyze_text(doc, "It seems the plan failed.", 25), FL_OK);
    CHECK_INT(fl_quote_extract(doc), FL_OK);
    CHECK_INT((long)fl_doc_attribution_count(doc), 1);
    if (fl_doc_attribution_count(doc) == 1)
        CHECK_INT(fl_doc_attributions(doc)->source.found, 1);

    /* the source after a cue that follows a quote; the quote, with its comma, is the content */
    check("\xe2\x80\x9cWe will win,\xe2\x80\x9d chortled Senator Smith.", "chortled", "Senator Smith",
          "\xe2\x80\x9cWe will win,");
    /* ... and the source before it, nothing after */
    check("\xe2\x80\x9cWe will win,\xe2\x80\x9d Senator Smith chortled.", "chortled", "Senator Smith",
          "\xe2\x80\x9cWe will win,");
    /* a parenthetical cue attributes the clause before it */
    check("The firm finished laying fiber downtown, she quipped, to make sure everyone is connected.", "quipped",
          "she", "The firm finished laying fiber downtown");
    /* the subject after an opening phrase, not the phrase */
    check("On Sunday, former President Bill Clinton quipped the plan was dead.", "quipped",
          "former President Bill Clinton", "the plan was dead");
    /* a passive's agent is the source and its subject the content; a stem makes "leaked" a candidate */
    check("The memo was first leaked by MSNBC.", "leaked", "MSNBC", "The memo");
    /* a passive with no agent, past an adverb and the preposition the cue takes: no source */
    check("Clinton was repeatedly questioned about the speeches.", "questioned about", NULL, "the speeches");
    /* "when asked": the question has no source of its own */
    check("The senator smiled when questioned about the speeches.", "questioned about", NULL, "the speeches");
    /* a participle after a comma shares the source of the attribution before it */
    check("\xe2\x80\x9cIt is over,\xe2\x80\x9d Corker said in an interview, quipping that the vote was lost.",
          "quipping", "Corker", "that the vote was lost");
    /* an opening participle: its phrase is the content, the subject after the comma the source */
    check("Quipping about the weather, the senator opened the hearing.", "Quipping about", "the senator",
          "the weather");
    /* the inverted source needs a quote or a comma before the cue */
    check_none("Then chortled Senator Smith loudly.", "chortled");

    fl_doc_free(doc);
    fl_attrib_model_free(model);
    return check_report("test_attrib_extra");
}
