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

    /* an acronym is the run of words it spells that the article also writes ("BA" -> "British Airways") */
    run("British Airways has suspended flights to Israel.\n\"We're suspending our flights to and from Tel Aviv,\" BA "
        "said.");
    check_quote(0, "statement", "British Airways");
    /* ... not a run inside a longer name, and never a country's short name */
    run("British Airways Holdings owns the airline.\n\"We're suspending our flights,\" BA said.");
    check_quote(0, "statement", "BA");
    run("The United States sent a carrier. \"We stand with Israel,\" the US said.");
    check_quote(0, "statement", "US");

    /* a message its owner's possessive names is the owner's words: "his statement continued" */
    run("Eliot Young said his brother was loved by everyone.\n\"He came to join us,\" his statement continued.");
    check_quote(0, "statement", "Eliot Young");
    /* ... a message nobody owns stays without a speaker */
    run("Eliot Young said his brother was loved by everyone.\n\"Bring them home,\" the sign said.");
    check_quote(0, "statement", NULL);

    /* "One of her children recalled ... / "...," he said": one of a group of people */
    run("Stephanie Abuaassi hopes to cross the border.\nOne of her children recalled how the family had to run from "
        "their home.\n\"Many buildings near us had been bombed,\" he said.");
    check_quote(0, "statement", "One of her children");
    /* ... the noun's sex must fit the pronoun */
    run("Stephanie Abuaassi hopes to cross the border.\nOne of her sons recalled how the family had to run.\n\"Many "
        "buildings near us had been bombed,\" she said.");
    check_quote(0, "statement", "Stephanie Abuaassi");

    /* an interviewer's "I asked X ..." paragraph: X answers in the cue-less quote that follows */
    run("Vivian wrote that she loved him.\nI asked Yonatan Ziegen what Vivian would be saying now.\n\"That this is the "
        "outcome of war.\"");
    check_quote(0, "statement", "Yonatan Ziegen");
    /* ... and "I ask him": the one asked says the next "he says" ("As Avichai prepares": a lone first
     * name after a conjunction is the clause's subject) */
    run("Ido Frommer shows us the album. His son Avichai is all grown up now.\n\"My father is a survivor,\" Ido "
        "says.\nAs Avichai "
        "prepares to go to war, I ask him what his thoughts are.\n\"It's a hard price,\" he says.");
    check_quote(1, "statement", "Avichai");
    /* "Neither Yonatan nor his brother": "Neither" is no part of the name */
    run("Yonatan rang his mother. Neither Yonatan nor his brother has heard anything since.\nI asked Yonatan what "
        "she would say.\n\"This is what happens.\"");
    check_quote(0, "statement", "Yonatan");

    /* "the Texas Republican", "the 30-year-old Palestinian American": a description of the person named
     * before, by a demonym or a party */
    run("\"This could happen,\" Michael McCaul told reporters.\n\"A warning was given,\" the Texas Republican "
        "added.");
    check_quote(1, "statement", "Michael McCaul");
    run("People ran for their lives, said Omar Mussa, who had helped organise the event.\n\"He came to inflict "
        "fear,\" the 30-year-old Palestinian American told the BBC.");
    check_quote(0, "statement", "Omar Mussa");
    /* ... a bare demonym with no modifier is no such description */
    run("Omar Mussa helped organise the event.\n\"We are afraid,\" the Americans said.");
    check_quote(0, "statement", "Americans");

    /* "The Met said": a name with "the" is no person; its fullest form; "it" goes back to it */
    run("The Met Police has increased patrols. Campaign Against Antisemitism questioned the Met's handling of "
        "protests.\nThe Met said it had \"no wish to limit freedom of expression\".\n\"There will be occasions "
        "where we try to avoid groups,\" it added.");
    check_quote(0, "partial", "Met Police");
    check_quote(1, "statement", "Met Police");

    /* a pronoun goes back to an unnamed person the attribution names ("the journalist ..., who described") */
    run("That included the journalist in Deir al-Balah, who described the atmosphere as tense and confused.\n\"Some "
        "people believe nothing is happening,\" he said.");
    check_quote(0, "statement", "journalist");
    /* "Shay, 40, a taxi driver in Jerusalem, who": the name */
    run("Shay, 40, a taxi driver in Jerusalem, who did not want to give his full name, was on holiday.\n\"Even if I "
        "was exempt I would still go,\" he said.");
    check_quote(0, "statement", "Shay");

    /* a headline quote "- Israeli partygoer describes ...": the person the lead names as its subject */
    run_native("date 2023-10-08 'They were going tree by tree and shooting' - Israeli partygoer describes festival "
               "attack\nGili Yoskovich was among hundreds of young people at a dance music festival.\nShe hid under a "
               "tree.\n");
    check_quote(0, "statement", "Gili Yoskovich");
    /* ... a lead that opens with no person's name leaves it without a speaker */
    run_native("date 2023-10-08 'They were going tree by tree and shooting' - Israeli partygoer describes festival "
               "attack\nHundreds of young people were at a dance music festival.\nShe hid under a tree.\n");
    check_quote(0, "statement", NULL);

    /* a pronoun inside an opening participle clause is the main clause's subject, named after the comma */
    run("Prime Minister Benjamin Netanyahu has compared Hamas to the Islamic State group.\nAsked about what he "
        "believes should happen next, Yossi Sneider said he would support the government.\n\"We are not dealing "
        "with people,\" he claimed.");
    check_quote(0, "statement", "Yossi Sneider");
    /* ... a subject pronoun outside it is still followed back */
    run("Prime Minister Benjamin Netanyahu spoke on Monday.\nHe said the army was ready, Yossi Sneider told the "
        "BBC.\n\"We will win,\" he added.");
    check_quote(0, "statement", "Benjamin Netanyahu");

    /* ... but "the UN, Gilad Erdan" is the person after the comma, and "The Treasury" is not the
     * "Treasury Secretary" run */
    run("Israel's ambassador to the UN, Gilad Erdan, said: \"We will not stop.\"");
    check_quote(0, "statement", "Gilad Erdan");
    run("Treasury Secretary Janet Yellen met bankers.\n\"Sanctions will follow,\" the Treasury said.");
    check_quote(0, "statement", "Treasury");
    /* an unnamed source whose last noun is not its head ("grandchild of a survivor") is no antecedent */
    run("The grandchild of a holocaust survivor says the war must stop.\n\"Never again is now,\" he said.");
    check_quote(0, "statement", NULL);

    fl_reader_free(rdr);
    fl_doc_free(doc);
    fl_extractor_free(ex);
    return check_report("test_quote_speakers9");
}
