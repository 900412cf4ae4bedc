/*
 * test_quote_speakers9.c — the speaker rules added after scoring the unseen
 * samples eval/quotes-dev-fresh10.jsonl and -fresh11.jsonl (round 9), one
 * exact-output case each, with the case each rule must leave alone.
 */
#include "quote_check.h"

int main(void)
{
    ex = fl_extractor_new(NULL, NULL);
    doc = fl_doc_new();
    CHECK(ex && doc);
    if (!ex || !doc)
        return check_report("test_quote_speakers9");

    /* a capitalised preposition opening a sentence starts no name ("During PMQs"), and a
     * titled nominal after a short opener ("In response, the prime minister said") is the
     * pronoun's antecedent */
    run("Prime Minister Rishi Sunak is being urged to call for a ceasefire.\nDuring PMQs, SNP Westminster leader "
        "Stephen Flynn asked Mr Sunak if he would join calls for a ceasefire.\nIn response, the prime minister said "
        "Israel had \"a right to defend itself\".\n\"We believe that Israel does have a right to defend itself,\" he "
        "told MPs.");
    check_quote(0, "partial", "Rishi Sunak");
    check_quote(1, "statement", "Rishi Sunak");
    /* ... while a nominal that opens its sentence with no name still leaves the pronoun unresolved */
    run("The Labour leader's overall stance has led to growing discomfort in his party.\nHe said: \"I think that "
        "Israel does have that right.\"");
    check_quote(0, "statement", NULL);

    /* "the journalist in Deir al-Balah, who described": the journalist, not the place */
    run("That included the journalist in Deir al-Balah, who described the atmosphere as \"tense\".");
    check_quote(0, "partial", "journalist");
    /* ... but a name before "who" is still the name */
    run("The first speaker was Dr Hani Mahdi, who described the bombing as \"relentless\".");
    check_quote(0, "partial", "Hani Mahdi");

    /* "from Egypt and Syria" are two places, not two people the pronoun could mean */
    run("No Arab state has ever imposed this kind of damage on Israel, says Bruce Riedel. The surprise attack from "
        "Egypt and Syria in 1973 was just as much of a shock.\n\"Now they're fighting inside Israel proper,\" he "
        "says.");
    check_quote(0, "statement", "Bruce Riedel");
    /* ... two people remain ambiguous */
    run("Israeli-born Moran and Tova, from Cardiff, said they felt let down.\nShe said: \"We had a meeting here.\"");
    check_quote(0, "statement", NULL);

    /* "said his son had ...": the son is reported about; the subject says the next quote */
    run("David Darlington, his father, said his son had been travelling with a friend.\n\"The network is down and "
        "we haven't spoken to him,\" he said.");
    check_quote(0, "statement", "David Darlington");
    /* ... "his son" as a sentence's subject is still the antecedent */
    run("David Darlington was not at home on Saturday. His son had been travelling with a friend.\n\"The network is "
        "down,\" he said.");
    check_quote(0, "statement", "His son");

    /* the agent of a fronted passive ("questioned by the BBC's Victoria Derbyshire") is not the subject */
    run("When questioned by the BBC's Victoria Derbyshire earlier, Foreign Secretary James Cleverly declined to say "
        "more.\nHe added: \"The UK government is absolutely committed to international law.\"");
    check_quote(0, "statement", "James Cleverly");

    /* a description's demonym is nobody's name: "Another Thai worker", not "BBC Thai" */
    run("Another Thai worker told the BBC: \"I was running and crawling underneath a truck.\"\nWanida Maarsa told "
        "BBC Thai that her husband was taken.");
    check_quote(0, "statement", "Another Thai worker");
    /* ... a description that ends in a name is the name */
    run("Rajesh was a student, his brother Mukesh Swarnakar told BBC Nepali: \"He wanted to go to Australia.\"");
    check_quote(0, "statement", "Mukesh Swarnakar");

    /* a nominal whose office differs ("infrastructure minister") is not the minister named before */
    run("Israel's Defence Minister Yoav Gallant said it would impose a siege.\nThe Israeli infrastructure minister "
        "later ordered the cut-off of water supplies, saying: \"What was in the past will no longer be in the "
        "future.\"");
    check_quote(0, "statement", "Israeli infrastructure minister");
    /* ... the same office is */
    run("Israel's Defence Minister Yoav Gallant visited the border.\nThe Israeli defence minister later said: \"We "
        "will not stop.\"");
    check_quote(0, "statement", "Yoav Gallant");

    fl_reader_free(rdr);
    fl_doc_free(doc);
    fl_extractor_free(ex);
    return check_report("test_quote_speakers9");
}
