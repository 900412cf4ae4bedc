/*
 * test_quote.c — direct quotes and their speakers, exact values: every
 * pattern of issue 5 (split quotes, inverted cues, appositions, pronouns,
 * nominals, continuations, conveyed quotes, multi-paragraph quotes, headline
 * quotes, scare and partial quotes), unbalanced and stray marks, and a quote
 * of more than 10,000 characters. The seed article is in test_quote_seed.c.
 */
#include "extract_check.h"

static const fl_quote *quote(size_t i)
{
    return i < fl_doc_quote_count(doc) ? &fl_doc_quotes(doc)[i] : NULL;
}

#define CHECK_SPEAKER(q, want_name, want_mention, want_cue, want_via)        \
    do {                                                                     \
        const fl_quote *q_ = (q);                                            \
        CHECK(q_ && q_->speaker.found);                                      \
        if (q_ && q_->speaker.found) {                                       \
            CHECK_STR(slice(0, q_->speaker.name), want_name);                \
            CHECK_STR(slice(1, q_->speaker.mention), want_mention);          \
            CHECK_STR(slice(2, q_->speaker.cue), want_cue);                  \
            CHECK_STR(fl_speaker_via_name(q_->speaker.via), want_via);       \
        }                                                                    \
    } while (0)

static void test_split_quote_pronoun(void)
{
    const char *t = "Prime Minister Benjamin Netanyahu spoke on Monday.\n\n"
                    "\"We are ready,\" he said, \"and we will act.\"";
    run(t);
    CHECK_INT(fl_doc_quote_count(doc), 1);
    const fl_quote *q = quote(0);
    if (!q)
        return;
    CHECK_INT(q->part_count, 2);
    CHECK_STR(fl_quote_kind_name(q->kind), "statement");
    const fl_span *p = fl_doc_quote_parts(doc) + q->part_begin;
    CHECK_STR(slice(3, p[0]), "\"We are ready,\"");
    CHECK_STR(slice(3, p[1]), "\"and we will act.\"");
    CHECK_INT(q->span.start, 52);
    CHECK_INT(q->span.end, strlen(t));
    CHECK_SPEAKER(q, "Benjamin Netanyahu", "he", "said", "pronoun");
    CHECK_STR(fl_source_type_name(q->speaker.type), "person");
    /* linked to the entity layer's Benjamin Netanyahu */
    CHECK(q->speaker.entity >= 0 && (size_t)q->speaker.entity < fl_doc_entity_count(doc));
    if (q->speaker.entity >= 0 && (size_t)q->speaker.entity < fl_doc_entity_count(doc))
        CHECK_STR(fl_doc_entities(doc)[q->speaker.entity].name, "Benjamin Netanyahu");
}

static void test_split_without_comma_and_author(void)
{
    run("\"These attacks\" said the Pentagon, \"represent a direct threat to commerce.\" "
        "On Monday, a statement by Lynn Hastings read: \"The conditions do not exist.\"");
    CHECK_INT(fl_doc_quote_count(doc), 2);
    CHECK_INT(quote(0)->part_count, 2);
    CHECK_SPEAKER(quote(0), "Pentagon", "the Pentagon", "said", "cue");
    CHECK_STR(fl_source_type_name(quote(0)->speaker.type), "government");
    CHECK_SPEAKER(quote(1), "Lynn Hastings", "a statement by Lynn Hastings", "read", "cue");
}

static void test_inverted_with_role(void)
{
    run("\u201CThe border will stay closed,\u201D said Mark Regev, a spokesman for the prime minister.");
    CHECK_INT(fl_doc_quote_count(doc), 1);
    CHECK_STR(fl_quote_kind_name(quote(0)->kind), "statement");
    CHECK_SPEAKER(quote(0), "Mark Regev", "Mark Regev", "said", "cue");
}

static void test_colon_and_comma_cues(void)
{
    run("Health Minister Jane Smith visited the hospital. Smith said: \"We will not stop.\" "
        "Later the minister stated, \"Aid must flow.\"");
    CHECK_INT(fl_doc_quote_count(doc), 2);
    CHECK_SPEAKER(quote(0), "Jane Smith", "Smith", "said", "cue");
    CHECK_SPEAKER(quote(1), "Jane Smith", "the minister", "stated", "nominal");
}

static void test_apposition_between_name_and_verb(void)
{
    run("Benjamin Netanyahu met troops in the north.\n\n"
        "Netanyahu, speaking at a press conference on Monday, said: \"The war will go on.\"");
    CHECK_INT(fl_doc_quote_count(doc), 1);
    CHECK_SPEAKER(quote(0), "Benjamin Netanyahu", "Netanyahu", "said", "cue");
}

static void test_multi_paragraph_quote(void)
{
    const char *t = "Ms Amal Jones said: \u201CWe waited for hours.\n\n\u201CNobody came to help us.\u201D\n\nThe army did not comment.";
    run(t);
    CHECK_INT(fl_doc_quote_count(doc), 1);
    const fl_quote *q = quote(0);
    if (!q)
        return;
    CHECK_INT(q->part_count, 2);
    const fl_span *p = fl_doc_quote_parts(doc) + q->part_begin;
    CHECK_STR(slice(3, p[0]), "\u201CWe waited for hours.");
    CHECK_STR(slice(3, p[1]), "\u201CNobody came to help us.\u201D");
    CHECK_SPEAKER(q, "Amal Jones", "Ms Amal Jones", "said", "cue");
}

static void test_continuation_paragraph(void)
{
    run("\"We are ready for anything,\" Gen Herzi Halevi said.\n\n\"We will win this war.\"\n\n"
        "The weather was cold.\n\n\"Nobody knows who said this.\"");
    CHECK_INT(fl_doc_quote_count(doc), 3);
    CHECK_SPEAKER(quote(0), "Herzi Halevi", "Gen Herzi Halevi", "said", "cue");
    CHECK_SPEAKER(quote(1), "Herzi Halevi", "Gen Herzi Halevi", "", "continuation");
    /* two paragraphs later, with no cue: unknown, not guessed */
    CHECK_INT(quote(2)->speaker.found, 0);
    CHECK_STR(fl_quote_kind_name(quote(2)->kind), "statement");
}

static void test_conveyed(void)
{
    run("Antony Blinken flew to Tel Aviv. One U.S. official and two Israeli officials, quoting Blinken's message, "
        "stated: \"We don't want to stop you.\"");
    CHECK_INT(fl_doc_quote_count(doc), 1);
    CHECK_SPEAKER(quote(0), "Antony Blinken", "Blinken", "stated", "conveyed");
    CHECK_STR(slice(3, quote(0)->speaker.conveyed_by), "One U.S. official and two Israeli officials");
}

static void test_scare_and_partial(void)
{
    run("Critics accused them of spreading \"fake news\" online. "
        "Mr Jones said the attack was \"a crime against humanity\" and must be investigated.");
    CHECK_INT(fl_doc_quote_count(doc), 2);
    CHECK_STR(fl_quote_kind_name(quote(0)->kind), "scare");
    CHECK_INT(quote(0)->speaker.found, 0);
    CHECK_STR(fl_quote_kind_name(quote(1)->kind), "partial");
    CHECK_SPEAKER(quote(1), "Jones", "Mr Jones", "said", "cue");
}

static void test_no_speaker(void)
{
    run("\"We are leaving tomorrow.\"");
    CHECK_INT(fl_doc_quote_count(doc), 1);
    CHECK_INT(quote(0)->speaker.found, 0);
    CHECK_INT(quote(0)->speaker.via, FL_VIA_NONE);
}

static void test_unbalanced_marks(void)
{
    /* An opening mark never closed in its paragraph is dropped; it must not
     * swallow the next paragraphs, whose quotes are still found. */
    const char *t = "He said \"this will never end. Then more text followed.\n\n"
                    "Another paragraph without marks.\n\n"
                    "\"Fine,\" she said. A stray closing mark\u201D here.\n\n"
                    "Officials said \u201Cthe talks failed\u201D and left.";
    run(t);
    CHECK_INT(fl_doc_quote_count(doc), 2);
    CHECK_STR(slice(3, quote(0)->span), "\"Fine,\"");
    CHECK_STR(slice(3, quote(1)->span), "\u201Cthe talks failed\u201D");
    CHECK_STR(fl_quote_kind_name(quote(1)->kind), "partial");
    CHECK_SPEAKER(quote(1), "Officials", "Officials", "said", "cue");
    /* two opening marks: the first is stray */
    run("A \u201Cstray mark and then \u201Ca real quote\u201D ends.");
    CHECK_INT(fl_doc_quote_count(doc), 1);
    CHECK_STR(slice(3, quote(0)->span), "\u201Ca real quote\u201D");
}

static void test_long_quote(void)
{
    size_t words = 2600;
    size_t cap = 64 + words * 5;
    char *t = malloc(cap);
    CHECK(t != NULL);
    if (!t)
        return;
    strcpy(t, "Jane Smith said: \"");
    size_t n = strlen(t);
    for (size_t i = 0; i < words; i++) {
        memcpy(t + n, "word ", 5);
        n += 5;
    }
    memcpy(t + n, "end.\"", 6);
    n += 5;
    run(t);
    CHECK_INT(fl_doc_quote_count(doc), 1);
    CHECK_INT(quote(0)->span.start, 17);
    CHECK_INT(quote(0)->span.end, n);
    CHECK(quote(0)->span.end - quote(0)->span.start > 10000);
    CHECK_SPEAKER(quote(0), "Jane Smith", "Jane Smith", "said", "cue");
    free(t);
}

static void test_headline_quote(void)
{
    const char *input = "date 2023-10-20 'We have nothing left', says Gaza mother Amal Nasser\n"
                        "Amal Nasser fled her home in the north.\n";
    fl_reader_options ro;
    fl_reader_options_init(&ro);
    fl_reader *r = fl_reader_new(&ro);
    CHECK_INT(fl_reader_open_memory(r, input, strlen(input), "headline"), FL_OK);
    const fl_article *a;
    CHECK_INT(fl_reader_next(r, &a), FL_OK);
    CHECK_INT(fl_doc_analyze(doc, a), FL_OK);
    CHECK_INT(fl_extract(ex, doc), FL_OK);
    CHECK_INT(fl_doc_quote_count(doc), 1);
    CHECK_STR(slice(3, quote(0)->span), "'We have nothing left'");
    CHECK_STR(fl_quote_kind_name(quote(0)->kind), "statement");
    CHECK_SPEAKER(quote(0), "Amal Nasser", "Gaza mother Amal Nasser", "says", "cue");
    fl_reader_free(r);
}

static void test_bad_input(void)
{
    static const char *const inputs[] = {
        "", "\"", "\u201D\u201C", "\"\"\"\"\"", "said", ", said", "according to", "\u201C\n\n\u201C\n\n\u201D",
        "\"a,\" said, \"b\"", "He said: \"", "\xEF\xBF\xBD said \"\xEF\xBF\xBD\"",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
        run(inputs[i]);
    run("\u201C\n\n\u201C\n\n\u201D");
    CHECK_INT(fl_doc_quote_count(doc), 1);
    CHECK_INT(quote(0)->part_count, 3); /* one part per paragraph */
}

int main(void)
{
    ex = fl_extractor_new(NULL, NULL);
    doc = fl_doc_new();
    CHECK(ex && doc);
    if (!ex || !doc)
        return check_report("test_quote");
    test_split_quote_pronoun();
    test_inverted_with_role();
    test_split_without_comma_and_author();
    test_colon_and_comma_cues();
    test_apposition_between_name_and_verb();
    test_multi_paragraph_quote();
    test_continuation_paragraph();
    test_conveyed();
    test_scare_and_partial();
    test_no_speaker();
    test_unbalanced_marks();
    test_long_quote();
    test_headline_quote();
    test_bad_input();
    fl_doc_free(doc);
    fl_extractor_free(ex);
    return check_report("test_quote");
}
