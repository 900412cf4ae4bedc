/*
 * test_quote_speakers5.c — the speaker rules added after scoring the unseen
 * sample eval/quotes-dev-fresh5.jsonl (round 5), one exact-output case each,
 * with the case each rule must leave alone.
 */
#include "quote_check.h"

int main(void)
{
    ex = fl_extractor_new(NULL, NULL);
    doc = fl_doc_new();
    CHECK(ex && doc);
    if (!ex || !doc)
        return check_report("test_quote_speakers5");

    /* a headline quote repeated inside a body statement, not at its opening */
    run_native("date 2023-10-08 'Nobody could help us' - Shock in Ashkelon\nOne man tells me he was at the "
               "party.\n\"In the morning, the rocket fire started,\" the man says.\n\"I called the police. Nobody "
               "could help us. We sat inside a battle.\"\n");
    CHECK_INT(fl_doc_quotes(doc)[0].span.start, 0);
    check_quote(0, "statement", "man");
    /* ... the words in a row, all of them: "never" is not "not" */
    run_native("date 2023-10-16 'We are not leaving' - The families who stay\n\"We are never leaving this "
               "place,\" Abo Jameel says.\n");
    check_quote(0, "statement", NULL);

    /* after an inverted cue, a description and then the name in apposition: the name */
    run("\"It was very difficult,\" says the hospital's general director, Dr Hezi Levy.");
    check_quote(0, "statement", "Hezi Levy");
    run("\"We are working with the authorities,\" says Tanzania's ambassador in Tel Aviv, Alex Kallua.");
    check_quote(0, "statement", "Alex Kallua");
    /* ... a name first keeps the name */
    run("\"We are ready,\" said Jennifer Damti, the girl's mother.");
    check_quote(0, "statement", "Jennifer Damti");
    /* an age before the name */
    run("\"I am not leaving my homeland,\" says 42-year-old Mohamed Ibrahim as he sits in a packed room.");
    check_quote(0, "statement", "Mohamed Ibrahim");
    /* a possessive description, then the name in apposition, before the cue */
    run("\"We do not want to blame the authorities,\" Joshua's grandfather, Ephata Nanyaro, says.");
    check_quote(0, "statement", "Ephata Nanyaro");
    /* a kinship mention is the person the article named right after the same noun; a possessive
     * kin phrase after an inverted cue is the relative, not the possessor */
    run("\"The last time I spoke to Joshua was Thursday,\" says his father Loitu Mollel.\nJoshua Mollel left in "
        "September.\n\"My son wants to be a farmer,\" his father says proudly.\n\"He was last seen online,\" "
        "recalls Joshua's father.");
    check_quote(0, "statement", "Loitu Mollel");
    check_quote(1, "statement", "Loitu Mollel");
    check_quote(2, "statement", "Loitu Mollel");
    /* ... and one never named stays the description */
    run("Joshua Mollel left in September.\n\"He was last seen online,\" recalls Joshua's father.");
    check_quote(0, "statement", "Joshua's father");

    /* "told the BBC he": a pronoun after a capitalised word is no noun phrase with it */
    run("Raz Matalon, Eli's brother-in-law, said he had a great relationship with Yahel.\nHe told the BBC he was "
        "still holding out hope, adding that he did not know how he would manage.\n\"Now I have to arrange the "
        "funeral.\"\nHe called on the prime minister to visit Israel, adding: \"I think it's the right thing to "
        "do.\"");
    check_quote(0, "statement", "Raz Matalon");
    check_quote(1, "statement", "Raz Matalon");

    /* a subject pronoun in the sentence before goes on with its person: not "her daughter" after it, not
     * the person "he" told */
    run("Her mother, Ricarda, said she had seen a video of Shani \"unconscious in a car\".\nHolding up a picture, "
        "she said in an appeal that her daughter had been \"kidnapped\".\n\"We were sent a video,\" she said.");
    check_quote(0, "partial", "Ricarda");
    check_quote(1, "partial", "Ricarda");
    check_quote(2, "statement", "Ricarda");
    run("Among leaders calling for a ceasefire was France's President Emmanuel Macron.\nSpeaking before Israel "
        "said it was increasing its attacks, he said he had told Israeli Prime Minister Benjamin Netanyahu that "
        "civilians must be protected.\n\"A humanitarian truce is useful today,\" he said.");
    check_quote(0, "statement", "Emmanuel Macron");
    /* a lone first name opening a sentence before a past form is its subject */
    run("He called on Prime Minister Rishi Sunak to visit Israel.\nLianne messaged family members to say she "
        "could hear gunfire. Living so close to the border, she was no stranger to alerts. But \"this is a whole "
        "other story\", she told them.");
    check_quote(0, "partial", "Lianne");

    /* a place after "the city of" and a programme's name are no antecedent of "she" */
    run("Earlier, her mother recorded a video clip from the city of Deir al-Balah in which she detailed the "
        "family's plight.\nClose to tears, she said: \"We have no electricity.\"");
    check_quote(0, "statement", "her mother");
    run("This has come under bombardment and, according to the BBC's Egypt correspondent Sally Nabil, Egyptians "
        "are concerned.\nSpeaking on the BBC Radio's Good Morning Scotland programme, she said: \"There might be a "
        "possibility that Egypt will be asked to open the borders.\"");
    check_quote(0, "statement", "Sally Nabil");

    /* words on banners have no speaker, also with the object word opening the sentence */
    run("Families keep a vigil. Banners urge action from the military leadership: \"Bring our children home\".");
    check_quote(0, "statement", NULL);

    /* a fragment right after a speech verb is that subject's partial, not a scare quote (test_quote.c
     * keeps "accused them of spreading “fake news”" a scare quote) */
    run("Israeli ambassador Gilad Erdan accused him of \"justifying terrorism\" and called for his resignation.");
    check_quote(0, "partial", "Gilad Erdan");
    run("UN chief Antonio Guterres spoke on Tuesday. On Wednesday, Mr Guterres rejected \"misrepresentations\" of "
        "his statement.");
    check_quote(0, "partial", "Antonio Guterres");

    fl_reader_free(rdr);
    fl_doc_free(doc);
    fl_extractor_free(ex);
    return check_report("test_quote_speakers5");
}
