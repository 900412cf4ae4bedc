/*
 * test_quote_speakers10.c — the review of the round-9 speaker rules
 * (6b6af92..): each counter-example the review found, with the exact
 * speaker, next to the case the rule was made for (test_quote_speakers9.c
 * keeps the rest of those).
 */
#include "quote_check.h"

/* Quote i's speaker has this source type. */
static void check_type(size_t i, fl_source_type type)
{
    CHECK(i < fl_doc_quote_count(doc));
    if (i < fl_doc_quote_count(doc))
        CHECK_INT(fl_doc_quotes(doc)[i].speaker.type, type);
}

int main(void)
{
    ex = fl_extractor_new(NULL, NULL);
    doc = fl_doc_new();
    CHECK(ex && doc);
    if (!ex || !doc)
        return check_report("test_quote_speakers10");

    /* "One of her daughters was killed": a victim, not a speaker; the person named before says "she said" */
    run("Maria Lopez lives in the town. One of her daughters was killed in the attack.\n\"It is unbearable,\" she "
        "said.");
    check_quote(0, "statement", "Maria Lopez");
    run("Jane Brown runs the village shop. One of the women was trapped for hours.\n\"I cannot believe it,\" she "
        "said.");
    check_quote(0, "statement", "Jane Brown");
    run("The judge, Sir Mark Hedley, addressed the defendants. One of the men shouted abuse.\n\"You will go to "
        "prison,\" he said.");
    check_quote(0, "statement", "Mark Hedley");
    run("Sarah Green lost her son in the crash. One of his sisters had flown in from Australia.\n\"We are "
        "heartbroken,\" she said.");
    check_quote(0, "statement", "Sarah Green");
    /* ... one who recalls or tells is still the speaker */
    run("Stephanie Abuaassi hopes to cross the border.\nOne of her children told the BBC the family had to run.\n"
        "\"Many buildings near us had been bombed,\" he said.");
    check_quote(0, "statement", "One of her children");

    /* an acronym's run opens with no sentence's function word, is no person, and names an organisation */
    run("By April, British Airways will have cut 30 routes from Gatwick.\n\"We are committed to Gatwick,\" BA said.");
    check_quote(0, "statement", "British Airways");
    check_type(0, FL_SOURCE_ORGANISATION);
    run("But Aviva said its claims had doubled. British Airways was not affected.\n\"We expect more claims,\" BA "
        "said.");
    check_quote(0, "statement", "British Airways");
    run("Bernard Arnault, the LVMH chief, was in London on Monday.\n\"The talks have failed,\" BA said in a "
        "statement.");
    check_quote(0, "statement", "BA");
    run("The GMB union said members would walk out. Gary Mark Brown is its regional secretary.\n\"Enough is "
        "enough,\" the GMB said.");
    check_quote(0, "statement", "GMB");

    /* "the Frenchman", "the Republican", "the Obamas": people, not organisations */
    run("Kylian Mbappe scored twice.\n\"It was a great night,\" the Frenchman said.");
    check_type(0, FL_SOURCE_PERSON);
    run("Senator Ted Cruz spoke to reporters in Houston.\n\"We will win this,\" the Republican said.");
    check_type(0, FL_SOURCE_PERSON);
    run("Barack and Michelle Obama visited the school.\n\"We were moved by the children,\" the Obamas said.");
    check_type(0, FL_SOURCE_PERSON);
    /* ... a group named by its plural ("Houthi rebels ... the Houthis") is no family */
    run("Yemen's Houthi rebels fired missiles at ships.\n\"We will continue,\" the Houthis said.");
    check_type(0, FL_SOURCE_ORGANISATION);
    /* ... "the Met" still an organisation */
    run("The Met Police has increased patrols.\n\"We will act,\" the Met said.");
    check_quote(0, "statement", "Met Police");
    check_type(0, FL_SOURCE_ORGANISATION);

    /* a possessive pronoun owns the message only right before it */
    run("Sophie Ward was charged on Monday.\n\"I am innocent,\" her lawyer's statement said.");
    check_quote(0, "statement", NULL);
    run("Sophie Ward was charged on Monday.\n\"I am innocent,\" her statement said.");
    check_quote(0, "statement", "Sophie Ward");

    /* a lone first name after "When" does not override a person of the pronoun's sex named after it */
    run("When Ido returns, his wife Rachel Frommer will be waiting.\n\"I pray every night,\" she said.");
    check_quote(0, "statement", "Rachel Frommer");
    /* ... "Elizabeth El-Nakla and her husband Maged": Maged is still no "she" */
    run("Elizabeth El-Nakla and her husband Maged travelled to Gaza.\n\"We are trapped,\" she said.");
    check_quote(0, "statement", "Elizabeth El-Nakla");

    /* a fuller form is the same kind of thing: "the FA" is not the "FA Cup" */
    run("Chelsea will face Manchester City in the FA Cup final at Wembley.\n\"We are reviewing the incident,\" the "
        "FA said.");
    check_quote(0, "statement", "FA");
    run("MPs on the Treasury Committee questioned the plan.\n\"The rules are clear,\" the Treasury said.");
    check_quote(0, "statement", "Treasury");

    /* a description with two people before it and nothing tying it to either stays as written */
    run("Senator Ted Cruz spoke to reporters. California Governor Gavin Newsom disagreed.\n\"We will block it,\" the "
        "Texas Republican said.");
    check_quote(0, "statement", "Texas Republican");
    run("Police named the victim as Ahmed Khan. Officers arrested Sarah Collins.\n\"He was a kind man,\" the "
        "30-year-old Palestinian American said.");
    check_quote(0, "statement", "30-year-old Palestinian American");
    /* ... one person, a word of it next to the name, or the one who has been speaking: that person */
    run("Senator Ted Cruz spoke to reporters on Tuesday.\n\"We will block it,\" the Texas Republican said.");
    check_quote(0, "statement", "Ted Cruz");
    run("Texas Republican Ted Cruz spoke in Houston. California Governor Gavin Newsom disagreed.\n\"We will block "
        "it,\" the Texas Republican said.");
    check_quote(0, "statement", "Ted Cruz");
    run("Committee head Michael McCaul told reporters of the warning.\nPrime Minister Benjamin Netanyahu described "
        "the reports as false.\n\"We know that Egypt warned them,\" Mr McCaul told reporters.\n\"A warning was "
        "given,\" the Texas Republican added.");
    check_quote(1, "statement", "Michael McCaul");

    /* a headline quote "- Gaza doctor describes": not whoever speaks in the lead */
    run_native("date 2024-01-01 'I thought I would die' - Gaza doctor describes hospital raid\nBenjamin Netanyahu "
               "has vowed to continue the offensive in Gaza.\nDr Ahmed Mokhallalati said troops stormed the "
               "building.\n");
    check_quote(0, "statement", NULL);
    /* ... a lead person the description goes with */
    run_native("date 2024-01-01 'We must act now' - UN chief urges climate deal\nAntonio Guterres said the world was "
               "on a highway to climate hell.\nThe UN chief Antonio Guterres spoke in New York.\n");
    check_quote(0, "statement", "Antonio Guterres");

    /* "I asked X ...": one detection; the one asked answers "he says", a thing asked is no person */
    run("I asked Yonatan what Vivian would be saying now.\n\"She would be proud of us,\" he says.");
    check_quote(0, "statement", "Yonatan");
    run("I asked Sarah whether her father, Tom, had been warned.\n\"He knew nothing,\" she said.");
    check_quote(0, "statement", "Sarah");
    run("I asked ChatGPT what it thought of the plan.\n\"The plan has several weaknesses.\"");
    check_quote(0, "statement", NULL);

    fl_reader_free(rdr);
    fl_doc_free(doc);
    fl_extractor_free(ex);
    return check_report("test_quote_speakers10");
}
