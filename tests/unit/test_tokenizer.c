/*
 * test_tokenizer.c — exact tokens, kinds and spans on hard cases, most taken
 * from the news in ../shared/data/news (BBC and Reuters) and the seed article.
 */
#include <string.h>

#include "check.h"
#include "factline.h"

/* Tokens of `text` as "tok tok tok", with "/kind" after non-words. */
static const char *tokens_of(fl_doc *doc, const char *text)
{
    static char out[4096];
    fl_doc_analyze_text(doc, text, strlen(text));
    size_t n = fl_doc_token_count(doc), len = 0;
    const fl_token *t = fl_doc_tokens(doc);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        int k = t[i].kind;
        len += (size_t)snprintf(out + len, sizeof out - len, "%s%.*s%s%s", i ? " " : "", (int)(t[i].end - t[i].start),
                                text + t[i].start, k == FL_TOKEN_WORD ? "" : "/",
                                k == FL_TOKEN_WORD ? "" : fl_token_kind_name((fl_token_kind)k));
    }
    return out;
}

/* Sentences of `text` joined by " || ". */
static const char *sentences_of(fl_doc *doc, const char *text)
{
    static char out[4096];
    fl_doc_analyze_text(doc, text, strlen(text));
    size_t n = fl_doc_sentence_count(doc), len = 0;
    const fl_sentence *s = fl_doc_sentences(doc);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(out + len, sizeof out - len, "%s%.*s", i ? " || " : "", (int)(s[i].end - s[i].start),
                                text + s[i].start);
    return out;
}

int main(void)
{
    fl_doc *doc = fl_doc_new();

    /* numbers, separators, decimals */
    CHECK_STR(tokens_of(doc, "more than 9,200 Palestinians"), "more than 9,200/number Palestinians");
    CHECK_STR(tokens_of(doc, "5.93 mln against 5.81"), "5.93/number mln against 5.81/number");
    CHECK_STR(tokens_of(doc, "at 06:30 local time"), "at 06:30/number local time");
    CHECK_STR(tokens_of(doc, "1,750 to 1,780 dlrs."), "1,750/number to 1,780/number dlrs ./punct");
    CHECK_STR(tokens_of(doc, "the 1st and 22nd"), "the 1st/number and 22nd/number");
    CHECK_STR(tokens_of(doc, "costs $5.5bn (£4.5bn)"), "costs $/symbol 5.5bn/number (/punct £/symbol 4.5bn/number )/punct");
    CHECK_STR(tokens_of(doc, "rose 3%, or 9,2,0,0"), "rose 3/number %/punct ,/punct or 9,2,0,0/number");
    CHECK_STR(tokens_of(doc, "1,400, and 200"), "1,400/number ,/punct and 200/number");

    /* abbreviations and initials */
    CHECK_STR(tokens_of(doc, "U.S. Secretary of State"), "U.S./abbrev Secretary of State");
    CHECK_STR(tokens_of(doc, "says Dr. Michael Milshtein"), "says Dr./abbrev Michael Milshtein");
    CHECK_STR(tokens_of(doc, "J.R.R. Tolkien and J. Smith"), "J.R.R./abbrev Tolkien and J./abbrev Smith");
    CHECK_STR(tokens_of(doc, "e.g. this"), "e.g./abbrev this");
    CHECK_STR(tokens_of(doc, "Acme Inc. said"), "Acme Inc./abbrev said");
    CHECK_STR(tokens_of(doc, "No. 10 and No."), "No./abbrev 10/number and No ./punct");

    /* clitics and possessives */
    CHECK_STR(tokens_of(doc, "We don't want"), "We do n't/clitic want");
    CHECK_STR(tokens_of(doc, "Kim didn’t realise"), "Kim did n’t/clitic realise");
    CHECK_STR(tokens_of(doc, "quoting Blinken's message"), "quoting Blinken 's/clitic message");
    CHECK_STR(tokens_of(doc, "the IDF’s ground"), "the IDF ’s/clitic ground");
    CHECK_STR(tokens_of(doc, "we're sure they'll"), "we 're/clitic sure they 'll/clitic");
    CHECK_STR(tokens_of(doc, "can't"), "ca n't/clitic");
    CHECK_STR(tokens_of(doc, "Conor O'Brien said"), "Conor O'Brien said");
    CHECK_STR(tokens_of(doc, "the soldiers' families"), "the soldiers '/clitic families");

    /* quotes */
    CHECK_STR(tokens_of(doc, "stated: \"We don't.\""), "stated :/punct \"/quote We do n't/clitic ./punct \"/quote");
    CHECK_STR(tokens_of(doc, "pushing “conspiracy theories” on"), "pushing “/quote conspiracy theories ”/quote on");
    CHECK_STR(tokens_of(doc, "'Hello,' she said"), "'/quote Hello ,/punct '/quote she said");

    /* dashes and hyphens */
    CHECK_STR(tokens_of(doc, "constraints — also"), "constraints —/dash also");
    CHECK_STR(tokens_of(doc, "Israel-Gaza war, twenty-five"), "Israel-Gaza war ,/punct twenty-five");
    CHECK_STR(tokens_of(doc, "between 200-300 people -- or"), "between 200-300/number people --/dash or");
    CHECK_STR(tokens_of(doc, "7-Eleven"), "7-Eleven/number");

    /* web things */
    CHECK_STR(tokens_of(doc, "RadarOnline.com has learned."), "RadarOnline.com/domain has learned ./punct");
    CHECK_STR(tokens_of(doc, "email us at HaveYourSay@bbc.co.uk. Please"),
              "email us at HaveYourSay@bbc.co.uk/email ./punct Please");
    CHECK_STR(tokens_of(doc, "the hashtag #FreePink, a"), "the hashtag #FreePink/hashtag ,/punct a");
    CHECK_STR(tokens_of(doc, "posted by @IDF on X"), "posted by @IDF/handle on X");
    CHECK_STR(tokens_of(doc, "see https://www.bbc.co.uk/news/world-67039975)."),
              "see https://www.bbc.co.uk/news/world-67039975/url )/punct ./punct");
    CHECK_STR(tokens_of(doc, "(www.gov.uk)"), "(/punct www.gov.uk/url )/punct");

    /* missing spaces in scraped text */
    CHECK_STR(tokens_of(doc, "was last seen.It follows"), "was last seen ./punct It follows");
    CHECK_STR(tokens_of(doc, "he added.On Wednesday"), "he added ./punct On Wednesday");

    /* ellipses */
    CHECK_STR(tokens_of(doc, "four or five places...so we"), "four or five places .../punct so we");
    CHECK_STR(tokens_of(doc, "unreal… it"), "unreal …/punct it");

    /* spans are exact bytes, including multi-byte characters */
    fl_doc_analyze_text(doc, "Dáil “Yes”", strlen("Dáil “Yes”"));
    CHECK_INT(fl_doc_token_count(doc), 4);
    CHECK_INT(fl_doc_tokens(doc)[0].start, 0);
    CHECK_INT(fl_doc_tokens(doc)[0].end, 5);
    CHECK_INT(fl_doc_tokens(doc)[1].start, 6);
    CHECK_INT(fl_doc_tokens(doc)[1].end, 9);
    CHECK(fl_doc_tokens(doc)[1].flags & FL_TOKEN_QUOTE_OPEN);
    CHECK(fl_doc_tokens(doc)[3].flags & FL_TOKEN_QUOTE_CLOSE);
    CHECK(fl_doc_tokens(doc)[0].flags & FL_TOKEN_CAPITALIZED);

    /* sentences */
    CHECK_STR(sentences_of(doc, "The video was removed. Many X users accused the government."),
              "The video was removed. || Many X users accused the government.");
    CHECK_STR(sentences_of(doc, "\"We want to help them,\" the official stated. Some voices differ."),
              "\"We want to help them,\" the official stated. || Some voices differ.");
    CHECK_STR(sentences_of(doc, "stating, \"I think we need a pause.\" As RadarOnline.com reported, it fell."),
              "stating, \"I think we need a pause.\" || As RadarOnline.com reported, it fell.");
    CHECK_STR(sentences_of(doc, "Officials in the U.S. said so. In the U.S. The president spoke."),
              "Officials in the U.S. said so. || In the U.S. || The president spoke.");
    CHECK_STR(sentences_of(doc, "One U.S. official and Dr. Richard Peeperkorn, says J. Smith, agreed."),
              "One U.S. official and Dr. Richard Peeperkorn, says J. Smith, agreed.");
    CHECK_STR(sentences_of(doc, "Prices rose 5.93 pct. Arrivals were 155,221 bags."),
              "Prices rose 5.93 pct. || Arrivals were 155,221 bags.");
    CHECK_STR(sentences_of(doc, "\"Why?\" he asked. \"Because!\" She left."),
              "\"Why?\" he asked. || \"Because!\" || She left.");
    CHECK_STR(sentences_of(doc, "Her daughter ask: \"Mummy, what should I do?\". Kim's brother acted. "
                                "The family have not heard from her since.\"Kim didn’t realise.\""),
              "Her daughter ask: \"Mummy, what should I do?\". || Kim's brother acted. || "
              "The family have not heard from her since. || \"Kim didn’t realise.\"");
    CHECK_STR(sentences_of(doc, "She was last seen.It follows a wave of attacks (launched by Hamas.) Then"),
              "She was last seen. || It follows a wave of attacks (launched by Hamas.) || Then");
    CHECK_STR(sentences_of(doc, "I know my father has been kidnapped... no one is telling us. What now?! Nothing"),
              "I know my father has been kidnapped... no one is telling us. || What now?! || Nothing");
    CHECK_STR(sentences_of(doc, "First paragraph without a stop\nSecond line. Third"),
              "First paragraph without a stop || Second line. || Third");
    CHECK_STR(sentences_of(doc, "A wrapped\nline in one paragraph.\n\nAnother paragraph"),
              "A wrapped\nline in one paragraph. || Another paragraph");

    /* nothing but space and junk */
    CHECK_STR(tokens_of(doc, "   \n\t "), "");
    CHECK_STR(tokens_of(doc, "\xEF\xBF\xBD\xEF\xBF\xBD"), "\xEF\xBF\xBD/symbol \xEF\xBF\xBD/symbol");

    fl_doc_free(doc);
    return check_report("tokenizer");
}
