/*
 * test_attrib_time.c — time words between a source and its cue or a cue and
 * its content ("Beck last week said", "said Thursday that") and the
 * "according to X" fallback, exact values: the positives the rules were
 * written for, and ordinary text they must not mangle ("said Monday's vote",
 * "Chris Day said", "go according to the plan").
 */
#include "extract_check.h"

/* The text has exactly one attribution: source mention, cue and content. */
static void check_one(const char *text, const char *mention, const char *cue, const char *content)
{
    run(text);
    CHECK_INT(fl_doc_attribution_count(doc), 1);
    if (fl_doc_attribution_count(doc) != 1)
        return;
    const fl_attribution *a = &fl_doc_attributions(doc)[0];
    CHECK_INT(a->source.found, 1);
    CHECK_STR(slice(0, a->source.mention), mention);
    CHECK_STR(slice(1, a->source.cue), cue);
    CHECK_STR(slice(2, a->content), content);
}

int main(void)
{
    ex = fl_extractor_new(NULL, NULL);
    doc = fl_doc_new();
    CHECK(ex && doc);
    if (!ex || !doc)
        return check_report("test_attrib_time");

    /* time phrases skipped between the source and the cue */
    check_one("Beck last week said the plan was dead.", "Beck", "said", "the plan was dead");
    check_one("Trump on Thursday said the plan was dead.", "Trump", "said", "the plan was dead");
    check_one("Smith on 14 October said the plan was dead.", "Smith", "said", "the plan was dead");
    /* a surname that is a time word stays in the name */
    check_one("Chris Day said the club would appeal.", "Chris Day", "said", "the club would appeal");
    check_one("Julie Day told reporters the club would appeal.", "Julie Day", "told", "the club would appeal");

    /* time phrases skipped between the cue and the content */
    check_one("The mayor said this morning the plan was dead.", "The mayor", "said", "the plan was dead");
    check_one("The mayor said late Monday the plan was dead.", "The mayor", "said", "the plan was dead");
    check_one("The mayor said on May 5 the plan was dead.", "The mayor", "said", "the plan was dead");
    check_one("The mayor said March 3 the plan was dead.", "The mayor", "said", "the plan was dead");
    check_one("The mayor said on 14 October the plan was dead.", "The mayor", "said", "the plan was dead");
    /* ... but not a time word that begins the content's own subject */
    check_one("The minister said Monday's vote was rigged.", "The minister", "said", "Monday's vote was rigged");
    check_one("Police said last year's riots were planned.", "Police", "said", "last year's riots were planned");
    check_one("The mayor said years of neglect had left the roads in ruins.", "The mayor", "said",
              "years of neglect had left the roads in ruins");
    check_one("He told reporters weeks of delays had cost millions.", "He", "told", "weeks of delays had cost millions");
    check_one("Johnson said May was wrong to call the election.", "Johnson", "said", "May was wrong to call the election");
    check_one("Smith said Monday would be a holiday.", "Smith", "said", "Monday would be a holiday");

    /* a date after a day number is no filler without "on" before it: no source "the 21" */
    run("A Facebook post from 14 October shows damage to a room.");
    CHECK_INT(fl_doc_attribution_count(doc), 0);
    run("They met during the 21 October protest in London.");
    CHECK_INT(fl_doc_attribution_count(doc), 0);

    /* "according to X" after the content, without a comma: X must be a source */
    check_one("Clinton leads 46 percent to 39 percent according to a CBS poll.", "a CBS poll", "according to",
              "Clinton leads 46 percent to 39 percent");
    check_one("Turnout fell sharply according to the survey.", "the survey", "according to", "Turnout fell sharply");
    check_one("The plant closed in 2019 according to officials.", "officials", "according to", "The plant closed in 2019");
    run("The invasion did not go according to the plan.");
    CHECK_INT(fl_doc_attribution_count(doc), 0);
    run("Players are ranked according to their scores.");
    CHECK_INT(fl_doc_attribution_count(doc), 0);

    fl_doc_free(doc);
    fl_extractor_free(ex);
    return check_report("test_attrib_time");
}
