/*
 * test_attrib.c — attributions that are not direct quotes, exact values:
 * "according to X", "X said (that)", "X told Y that", "X has learned", "as X
 * previously reported", "X warned / denied / claimed", anonymous and
 * coordinated sources, sources after the content, and cue forms that are
 * nouns ("the report") or infinitives, which are not attributions.
 */
#include "extract_check.h"

/* Checks attribution i: source mention (NULL: none), cue, content, type. */
static void check_attr(size_t i, const char *mention, const char *cue, const char *content, const char *type,
                       int anonymous)
{
    CHECK(i < fl_doc_attribution_count(doc));
    if (i >= fl_doc_attribution_count(doc))
        return;
    const fl_attribution *a = &fl_doc_attributions(doc)[i];
    if (mention) {
        CHECK_INT(a->source.found, 1);
        CHECK_STR(slice(0, a->source.mention), mention);
        CHECK_STR(fl_source_type_name(a->source.type), type);
        CHECK_INT(a->source.anonymous, anonymous);
    } else {
        CHECK_INT(a->source.found, 0);
    }
    CHECK_STR(slice(1, a->source.cue), cue);
    CHECK_STR(slice(2, a->content), content);
    CHECK_INT(a->quote, -1);
}

int main(void)
{
    ex = fl_extractor_new(NULL, NULL);
    doc = fl_doc_new();
    CHECK(ex && doc);
    if (!ex || !doc)
        return check_report("test_attrib");

    run("According to Reuters, the convoy reached Rafah on Sunday.");
    CHECK_INT(fl_doc_attribution_count(doc), 1);
    check_attr(0, "Reuters", "According to", "the convoy reached Rafah on Sunday", "media", 0);

    run("The convoy reached Rafah, according to the UN agency for refugees.");
    CHECK_INT(fl_doc_attribution_count(doc), 1);
    check_attr(0, "the UN agency for refugees", "according to", "The convoy reached Rafah", "organisation", 0);

    run("The Israel Defense Forces said that 12 rockets were fired.");
    CHECK_INT(fl_doc_attribution_count(doc), 1);
    check_attr(0, "The Israel Defense Forces", "said", "that 12 rockets were fired", "government", 0);

    run("Mr Smith told reporters that the talks had failed.");
    CHECK_INT(fl_doc_attribution_count(doc), 1);
    check_attr(0, "Mr Smith", "told", "that the talks had failed", "person", 0);

    run("The hospital was hit twice, the BBC has learned.");
    CHECK_INT(fl_doc_attribution_count(doc), 1);
    check_attr(0, "the BBC", "has learned", "The hospital was hit twice", "media", 0);

    run("As the BBC previously reported, the hospital was hit twice.");
    CHECK_INT(fl_doc_attribution_count(doc), 1);
    check_attr(0, "the BBC", "reported", "the hospital was hit twice", "media", 0);

    run("Sources familiar with the talks said a deal was close.");
    CHECK_INT(fl_doc_attribution_count(doc), 1);
    check_attr(0, "Sources familiar with the talks", "said", "a deal was close", "anonymous", 1);

    run("One U.S. official and two Israeli officials confirmed the strike.");
    CHECK_INT(fl_doc_attribution_count(doc), 1);
    check_attr(0, "One U.S. official and two Israeli officials", "confirmed", "the strike", "anonymous", 1);

    run("Hamas denied the claim. The army warned residents to leave.");
    CHECK_INT(fl_doc_attribution_count(doc), 2);
    check_attr(0, "Hamas", "denied", "the claim", "organisation", 0);
    check_attr(1, "The army", "warned", "residents to leave", "government", 0);

    run("A senior official, who asked not to be named, claimed the figures were false.");
    CHECK_INT(fl_doc_attribution_count(doc), 1);
    check_attr(0, "A senior official", "claimed", "the figures were false", "anonymous", 1);

    /* pronoun and nominal sources resolve to earlier names */
    run("Foreign Minister Eli Cohen met the envoy. He said the war would go on. The minister added that aid would flow.");
    CHECK_INT(fl_doc_attribution_count(doc), 2);
    check_attr(0, "He", "said", "the war would go on", "person", 0);
    CHECK_STR(slice(0, fl_doc_attributions(doc)[0].source.name), "Eli Cohen");
    CHECK_STR(fl_speaker_via_name(fl_doc_attributions(doc)[0].source.via), "pronoun");
    check_attr(1, "The minister", "added", "that aid would flow", "person", 0);
    CHECK_STR(slice(0, fl_doc_attributions(doc)[1].source.name), "Eli Cohen");

    /* nouns, infinitives and "continue to" are not cues; a cue with no source is not kept */
    run("The report was published. The statement came late. Prices continue to rise. To say more was hard.");
    CHECK_INT(fl_doc_attribution_count(doc), 0);
    run("He declined to comment on the claims.");
    CHECK_INT(fl_doc_attribution_count(doc), 1);
    check_attr(0, "He", "declined", "to comment on the claims", "unknown", 0);

    /* a direct quote's cue is an attribution linked to the quote */
    run("She said: \"We will stay.\"");
    CHECK_INT(fl_doc_attribution_count(doc), 1);
    CHECK_INT(fl_doc_attributions(doc)[0].quote, 0);

    fl_doc_free(doc);
    fl_extractor_free(ex);
    return check_report("test_attrib");
}
