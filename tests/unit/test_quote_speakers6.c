/*
 * test_quote_speakers6.c — the speaker rules added after scoring the unseen
 * sample eval/quotes-dev-fresh6.jsonl (round 6), one exact-output case each,
 * with the case each rule must leave alone.
 */
#include "quote_check.h"

int main(void)
{
    ex = fl_extractor_new(NULL, NULL);
    doc = fl_doc_new();
    CHECK(ex && doc);
    if (!ex || !doc)
        return check_report("test_quote_speakers6");

    /* a definite description of one unnamed person is the person the sentences before name */
    run("Noa Beer was with a DJ when militants stormed the festival.\nThe 29-year-old, who has family in "
        "Manchester, said: \"I honestly did not think I was going to make it.\"");
    check_quote(0, "statement", "Noa Beer");
    run("\"You know our deep commitment to Israel,\" Mr Blinken said on Monday.\nIsrael has been bombing Gaza.\n"
        "Appearing with Israel's defence minister, Yoav Gallant, the top US diplomat added: \"You always have our "
        "support.\"");
    check_quote(1, "statement", "Blinken");
    run("Mr Gordon has been receiving texts from a friend.\nThe Radlett resident is full of praise and adds: "
        "\"Almost everybody will know somebody.\"");
    check_quote(0, "statement", "Gordon");
    /* ... "people" is no one person: the market people are not the man named before */
    run("Joshua Mollel left in September.\n\"We can't eat or sleep - when I go to the market people ask me why,\" "
        "says his father.\n\"But I've still received no information.\"");
    check_quote(1, "statement", "his father");

    /* a name before a hyphenated title modifies it: "she" is the person after the title */
    run("Sinn Féin vice-president Michelle O'Neill attended a rally in Dungannon.\nShe called on the government to "
        "stop the bombing.\n\"This is not self-defence,\" she said in a tweet.");
    check_quote(0, "statement", "Michelle O'Neill");

    /* "Mrs Burns" is the run with her surname the article marks as a woman; "Mr Burns" is not */
    run("Larry Burns says he has been disgusted.\nHis wife, Sharon Burns, adds: \"We don't feel unsafe.\"\n\"I am "
        "very worried,\" says Mr Burns.\n\"She's terrified,\" says Mrs Burns.");
    check_quote(0, "statement", "Sharon Burns");
    check_quote(1, "statement", "Larry Burns");
    check_quote(2, "statement", "Sharon Burns");

    /* a name in apposition after an unnamed source's noun is the source */
    run("A senior spokeswoman for the UN World Food Programme (WFP), Abeer Etefa, told the BBC that raids were "
        "expected.\n\"The bottom line is that people are desperate,\" she said.");
    check_quote(0, "statement", "Abeer Etefa");
    run("A doctors' group, Physicians for Human Rights Israel, said it filed a petition.\n\"In its response, the "
        "state announced that it would not attack the hospital,\" the group said.");
    check_quote(0, "statement", "Physicians for Human Rights Israel");

    /* "another resident told" is one person "he" can mean; plural residents are not */
    run("Residents told the BBC that they had not expected the bombing.\nOn Friday another resident told the BBC "
        "people were trapped.\n\"Ambulances cannot get here,\" he said.");
    check_quote(0, "statement", "another resident");

    /* a full name keeps its own first name; a short rank is no first name */
    run("Author David P Perlmutter says his customers are worried.\nHis older brother, Stuart Perlmutter, who lives "
        "nearby, adds: \"You feel threatened living here.\"");
    check_quote(0, "statement", "Stuart Perlmutter");
    run("Cdr Kyle Gordon said the march would be policed.\n\"If somebody is calling for jihad the officers will "
        "intervene,\" Cdr Gordon said.");
    check_quote(0, "statement", "Cdr Kyle Gordon"); /* "Cdr" is in no title list, so it stays */

    fl_reader_free(rdr);
    fl_doc_free(doc);
    fl_extractor_free(ex);
    return check_report("test_quote_speakers6");
}
