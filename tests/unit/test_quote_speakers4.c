/*
 * test_quote_speakers4.c — the speaker rules added after scoring the unseen
 * sample eval/quotes-dev-fresh4.jsonl (round 4), one exact-output case each.
 */
#include "quote_check.h"

int main(void)
{
    ex = fl_extractor_new(NULL, NULL);
    doc = fl_doc_new();
    CHECK(ex && doc);
    if (!ex || !doc)
        return check_report("test_quote_speakers4");

    /* a stray comma between the name after the quote and its cue: the name speaks, not the hearer */
    run("\"Kim didn\u2019t realise there were vans full of terrorists,\u201d Jennifer Damti, told ABC News on "
        "Sunday.");
    check_quote(0, "statement", "Jennifer Damti");
    /* ... but an inverted cue still takes the name after it */
    run("\"We are ready,\" said Jennifer Damti, the girl's mother.");
    check_quote(0, "statement", "Jennifer Damti");
    /* a description too long to read, then the name in apposition, after a quote of two sentences */
    run("He turned six a few weeks ago. \"He loved his family, his friends. He loved soccer, he loved basketball,\" "
        "the executive director of the Chicago office of the Council on American-Islamic Relations (CAIR), Ahmed "
        "Rehab, said.");
    check_quote(0, "statement", "Ahmed Rehab");
    run("\"He loved his family. He loved soccer,\" the director of the office, Ahmed Rehab, said.");
    check_quote(0, "statement", "Ahmed Rehab");
    /* a capitalised auxiliary inside a name ("the Will County Sheriff's office") */
    run("Police found the suspect outside. \"Both victims were targeted by the suspect,\" the Will County "
        "Sheriff's office said.");
    check_quote(0, "statement", "Will County Sheriff's office");
    /* "The statement added:" after an unnamed source's report is that source's, not a name further back */
    run("TV presenter Richard Madeley asked Ms Moran if \"there was any word on the street\" before the attack.\n"
        "Following outrage, a GMB spokesman said Madeley was \"sorry that he upset viewers\".\n"
        "The statement added: \"He did not mean to imply that she had any prior knowledge of the attacks.\"");
    check_quote(0, "partial", "TV presenter Richard Madeley");
    check_quote(1, "partial", "a GMB spokesman");
    check_quote(2, "statement", "a GMB spokesman");
    /* a person the article has called "she" is not a later "he": no antecedent is left, so none */
    run("Education Secretary Gillian Keegan told ITV that the government would not \"cross that line\".\n"
        "She said a humanitarian pause would enable British citizens to leave Gaza.\n"
        "The party's stance has also led to growing discomfort.\n"
        "He triggered anger this month, when in reply to an interview question, he said: \"I think that Israel "
        "does have that right.\"");
    check_quote(0, "partial", "Gillian Keegan");
    check_quote(1, "statement", NULL);
    /* ... while "she" still finds her */
    run("Education Secretary Gillian Keegan told ITV that the government would not \"cross that line\".\n"
        "She said a humanitarian pause would enable British citizens to leave Gaza.\n"
        "Later she said: \"We are clear.\"");
    check_quote(1, "statement", "Gillian Keegan");

    /* a titled nominal is the person named with the same title and modifiers */
    run("Labour leader Sir Keir Starmer spoke on Monday. Mr Khan disagreed.\n"
        "The Labour leader said: \"I think that Israel does have that right.\"");
    check_quote(0, "statement", "Keir Starmer");
    /* a pronoun after a sentence opening with that nominal: the titled person, not "Scottish Labour leader" */
    run("Labour leader Sir Keir Starmer spoke on Monday. In a video, Scottish Labour leader Mr Sarwar said: \"We need "
        "a ceasefire.\"\nThe Labour leader's overall stance has led to discomfort in his party.\n"
        "He said: \"I think that Israel does have that right.\"");
    check_quote(0, "statement", "Sarwar");
    check_quote(1, "statement", "Keir Starmer");
    /* ... and when the article never names the titled person, no guess */
    run("In a video, Scottish Labour leader Mr Sarwar said: \"We need a ceasefire.\"\n"
        "The Labour leader's overall stance has led to discomfort in his party.\n"
        "He said: \"I think that Israel does have that right.\"");
    check_quote(1, "statement", NULL);
    /* "the first minister" is not "Prime Minister Benjamin Netanyahu" */
    run("Israeli Prime Minister Benjamin Netanyahu has spoken. Mr Yousaf said: \"We heard from my in-laws.\"\n"
        "The first minister has written to all political leaders in the UK.\n"
        "He said Israel had to stop the \"staggering humanitarian disaster\" in Gaza.");
    check_quote(1, "partial", NULL);

    /* a lead's indefinite description, named as the next sentence's subject, and the nominal back to it */
    run("Layla Moran: My relatives have nowhere to go\nAn MP has said members of her family have \"nowhere to go\" "
        "after their house was bombed.\nLiberal Democrat Layla Moran told the BBC her relatives had sought "
        "shelter.\nThe MP said: \"They are still there.\"");
    check_quote(0, "partial", "Liberal Democrat Layla Moran"); /* the name's longest run, as elsewhere */
    check_quote(1, "statement", "Liberal Democrat Layla Moran");
    /* ... but not outside the lead */
    run("Layla Moran: My relatives\nThe party met on Monday.\nAn MP has said they have \"nowhere to go\".\n"
        "Liberal Democrat Layla Moran told the BBC her relatives had sought shelter.");
    check_quote(0, "partial", "An MP");

    fl_doc_free(doc);
    fl_extractor_free(ex);
    return check_report("test_quote_speakers4");
}
