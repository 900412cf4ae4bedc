/*
 * test_quote_speakers8.c — the speaker rules added after scoring the unseen
 * sample eval/quotes-dev-fresh8.jsonl (round 8), one exact-output case each,
 * with the case each rule must leave alone.
 */
#include "quote_check.h"

int main(void)
{
    ex = fl_extractor_new(NULL, NULL);
    doc = fl_doc_new();
    CHECK(ex && doc);
    if (!ex || !doc)
        return check_report("test_quote_speakers8");

    /* a BBC lead's "A woman who ..." is the person the next sentence names, a lone first name too */
    run_native("date 2023-10-10 Woman tells of fears for relatives\nA woman who has relatives in Israel says she "
               "fears for her family as the \"terrifying\" conflict unfolds.\nSusan, who lives in Northamptonshire, "
               "lived in Israel for many years.\nShe said her grandchildren were \"being kept safe\".\n\"We are in "
               "touch with the family every day,\" she said.\n");
    check_quote(1, "partial", "Susan");
    check_quote(2, "statement", "Susan");
    /* "a woman identified as Ella": the name */
    run("Speaking to Reuters, a woman identified as Ella said she had been barricaded in a shelter.\n\"We can hear a "
        "lot of gunfire,\" she said.");
    check_quote(0, "statement", "Ella");
    /* "The footballer said": the person the sentences before name, by a noun's ending */
    run("Clark Robertson, a former Aberdeen player, recently signed for MS Ashdod.\nHe said the club told its "
        "players to leave.\nThe footballer said: \"A couple of rockets hit Ashdod yesterday.\"");
    check_quote(0, "statement", "Clark Robertson");
    /* ... not a document ("the letter added") */
    run("Clark Robertson, a former Aberdeen player, signed a letter.\n\"The apartheid regime is to blame,\" the letter "
        "added.");
    check_quote(0, "statement", "letter");
    /* a thing that shows says nothing: the one who reports it speaks */
    run("Bury South MP Christian Wakeford said the vigil showed a \"clear message of solidarity\".");
    check_quote(0, "partial", "Christian Wakeford");

    /* "who" after a name and its description in apposition: the name, not a word of the description */
    run("\"It really saddens me,\" said Stephanie, a 20-year-old Jewish student from Brooklyn who asked the BBC not "
        "to reveal her last name.\"There is not enough dialogue.\"");
    check_quote(1, "statement", "Stephanie");

    /* a firm named by what it does is no person: "the regulator" is not the man named before */
    run("Jonathan Brearley spoke first. \"Prices will fall,\" the regulator said.");
    check_quote(0, "statement", "regulator");
    run("Ken Murphy opened the store. \"Sales rose,\" the retailer said.");
    check_quote(0, "statement", "retailer");

    fl_reader_free(rdr);
    fl_doc_free(doc);
    fl_extractor_free(ex);
    return check_report("test_quote_speakers8");
}
