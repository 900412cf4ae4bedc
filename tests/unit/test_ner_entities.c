/* test_ner_entities.c — entities of whole articles with the committed model:
 * the seed article's people, organisations and places, and alias joining
 * (titles, possessives, surnames, acronyms, country variants, headline
 * mentions cut to the body's name). Also the word tables' order. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "ner/ner_lexicon.h"

static const fl_entity *find(const fl_doc *doc, const char *name)
{
    const fl_entity *e = fl_doc_entities(doc);
    for (size_t i = 0; i < fl_doc_entity_count(doc); i++)
        if (!strcmp(e[i].name, name))
            return &e[i];
    return NULL;
}

/* The entity exists with this type and exactly these aliases ("" for none,
 * else "a|b"), and every mention's text is its name or an alias. */
static void check_entity(const fl_doc *doc, const char *name, fl_entity_type type, const char *aliases, size_t mentions)
{
    const fl_entity *e = find(doc, name);
    if (!e)
        fprintf(stderr, "entity \"%s\" not found\n", name);
    CHECK(e != NULL);
    if (!e)
        return;
    CHECK_STR(fl_entity_type_name(e->type), fl_entity_type_name(type));
    char got[512] = "";
    for (size_t a = 0; a < e->alias_count; a++) {
        if (a)
            strcat(got, "|");
        strcat(got, e->aliases[a]);
    }
    CHECK_STR(got, aliases);
    if (mentions)
        CHECK_INT(e->mention_count, mentions);
    const char *text = fl_doc_text(doc);
    for (size_t m = 0; m < e->mention_count; m++) {
        const fl_mention *mm = &e->mentions[m];
        size_t len = mm->span.end - mm->span.start;
        int ok = strlen(e->name) == len && !memcmp(e->name, text + mm->span.start, len);
        for (size_t a = 0; a < e->alias_count && !ok; a++)
            ok = strlen(e->aliases[a]) == len && !memcmp(e->aliases[a], text + mm->span.start, len);
        /* A country's canonical name need not appear. */
        if (!ok)
            fprintf(stderr, "%s: mention [%u,%u) \"%.*s\" is neither name nor alias\n", name, mm->span.start,
                    mm->span.end, (int)len, text + mm->span.start);
        CHECK(ok);
        CHECK(&fl_doc_entities(doc)[mm->entity] == e);
        if (m)
            CHECK(mm->span.start > e->mentions[m - 1].span.start);
    }
}

static int analyse(fl_reader *r, fl_doc *doc, fl_extractor *ex, const char *data, const char *name)
{
    const fl_article *a;
    if (fl_reader_open_memory(r, data, strlen(data), name) != FL_OK || fl_reader_next(r, &a) != FL_OK)
        return 0;
    return fl_doc_analyze(doc, a) == FL_OK && fl_extract(ex, doc) == FL_OK;
}

int main(void)
{
    fl_extractor_options eo = {"models"};
    const char *why = NULL;
    fl_extractor *ex = fl_extractor_new(&eo, &why);
    CHECK(ex != NULL);
    if (!ex) {
        fprintf(stderr, "%s\n", why);
        return check_report("ner_entities");
    }
    fl_reader_options ro;
    fl_reader_options_init(&ro);
    fl_reader *r = fl_reader_new(&ro);
    fl_doc *doc = fl_doc_new();

    /* The seed article. */
    static char seed[16384];
    FILE *f = fopen("samples/seed.txt", "rb");
    CHECK(f != NULL);
    size_t n = f ? fread(seed, 1, sizeof seed - 1, f) : 0;
    if (f)
        fclose(f);
    seed[n] = 0;
    CHECK(analyse(r, doc, ex, seed, "seed.txt"));
    check_entity(doc, "Antony Blinken", FL_ENTITY_PER, "Blinken", 6);
    check_entity(doc, "Joe Biden", FL_ENTITY_PER, "Biden", 4);
    check_entity(doc, "Benjamin Netanyahu", FL_ENTITY_PER, "", 1);
    check_entity(doc, "Yoav Gallant", FL_ENTITY_PER, "", 1);
    check_entity(doc, "Hamas", FL_ENTITY_ORG, "", 3);
    check_entity(doc, "Axios", FL_ENTITY_ORG, "", 1);
    check_entity(doc, "RadarOnline.com", FL_ENTITY_ORG, "", 2);
    check_entity(doc, "Health Ministry", FL_ENTITY_ORG, "", 1);
    check_entity(doc, "Israel", FL_ENTITY_LOC, "", 3);
    check_entity(doc, "Gaza", FL_ENTITY_LOC, "", 5);
    check_entity(doc, "Jabalia", FL_ENTITY_LOC, "", 1);
    check_entity(doc, "Jordan", FL_ENTITY_LOC, "", 1);
    check_entity(doc, "United States", FL_ENTITY_LOC, "U.S.", 5);
    /* Titles are not part of the name: the headline's "U.S. Secretary of
     * State Antony Blinken" is a mention of bytes [24, 38). */
    const fl_entity *blinken = find(doc, "Antony Blinken");
    if (blinken) {
        CHECK_INT(blinken->mentions[0].span.start, 24);
        CHECK_INT(blinken->mentions[0].span.end, 38);
    }
    /* Entities come in order of first mention. */
    CHECK(fl_doc_entity_count(doc) > 13);
    CHECK_STR(fl_doc_entities(doc)[0].name, "United States");
    CHECK_STR(fl_doc_entities(doc)[1].name, "Antony Blinken");

    /* Acronyms, possessives, country variants, headline names. */
    const char *article =
        "date 2023-11-05 Israel Says Troops Encircle Gaza City\n"
        "The Israel Defense Forces (IDF) said on Sunday that its troops had encircled Gaza City. An IDF spokesman, "
        "Daniel Hagari, said the operation would continue.\n"
        "Israel's allies, including the US, have called for restraint. U.S. officials said the United States would "
        "send more aid.\n"
        "Secretary of State Antony Blinken met Jordan's foreign minister in Amman. Blinken later flew to Ankara.\n";
    CHECK(analyse(r, doc, ex, article, "article"));
    check_entity(doc, "Israel Defense Forces", FL_ENTITY_ORG, "IDF", 3);
    check_entity(doc, "Israel", FL_ENTITY_LOC, "", 2);
    check_entity(doc, "United States", FL_ENTITY_LOC, "US|U.S.", 3);
    check_entity(doc, "Antony Blinken", FL_ENTITY_PER, "Blinken", 2);
    check_entity(doc, "Gaza City", FL_ENTITY_LOC, "", 2);
    check_entity(doc, "Daniel Hagari", FL_ENTITY_PER, "", 1);
    check_entity(doc, "Jordan", FL_ENTITY_LOC, "", 1);
    CHECK(find(doc, "Encircle Gaza City") == NULL);
    const fl_entity *israel = find(doc, "Israel");
    if (israel && israel->mention_count == 2) {
        /* "Israel's": the mention stops before the possessive. */
        const char *t = fl_doc_text(doc);
        CHECK(!memcmp(t + israel->mentions[1].span.end, "'s allies", 9));
    }
    const fl_entity *blink = find(doc, "Antony Blinken");
    if (blink)
        CHECK(!memcmp(fl_doc_text(doc) + blink->mentions[0].span.start - 19, "Secretary of State ", 19));

    /* A surname names the person mentioned nearest before it; an acronym
     * given in parentheses names its expansion even where it is untagged. */
    const char *people =
        "date 2023-11-06 Talks continue\n"
        "Former president George Bush visited Texas on Monday. Bush spoke to reporters.\n"
        "Later, Laura Bush opened a library in Dallas. Bush said books mattered.\n"
        "The World Health Organization (WHO) warned of disease. The WHO said hospitals were full.\n";
    CHECK(analyse(r, doc, ex, people, "people"));
    check_entity(doc, "George Bush", FL_ENTITY_PER, "Bush", 2);
    check_entity(doc, "Laura Bush", FL_ENTITY_PER, "Bush", 2);
    check_entity(doc, "World Health Organization", FL_ENTITY_ORG, "WHO", 3);
    const fl_entity *laura = find(doc, "Laura Bush");
    if (laura && laura->mention_count == 2)
        CHECK(!memcmp(fl_doc_text(doc) + laura->mentions[1].span.start, "Bush said", 9));

    /* A new analysis forgets the previous article's entities. */
    CHECK(fl_doc_analyze_text(doc, "nothing here", 12) == FL_OK);
    CHECK_INT(fl_doc_entity_count(doc), 0);
    CHECK(fl_extract(ex, doc) == FL_OK);
    CHECK_INT(fl_doc_entity_count(doc), 0);
    CHECK(fl_doc_analyze_text(doc, "", 0) == FL_OK && fl_extract(ex, doc) == FL_OK);
    CHECK_INT(fl_doc_entity_count(doc), 0);

    /* The word tables are sorted (lookups are binary searches) and answer. */
    for (int which = 0; which < 2; which++) {
        const char *const *words;
        size_t count = fl_ner_table_dump(which, &words);
        CHECK(count > 10);
        for (size_t i = 1; i < count; i++)
            CHECK(strcmp(words[i - 1], words[i]) < 0);
    }
    CHECK(fl_ner_title_word("President", 9));
    CHECK(!fl_ner_title_word("Biden", 5));
    CHECK(fl_ner_title_connector("of", 2));
    int type = -1;
    CHECK_STR(fl_ner_country_canonical("U.S.", 4, &type), "United States");
    CHECK_INT(type, FL_ENTITY_LOC);
    CHECK_STR(fl_ner_country_canonical("UN", 2, &type), "United Nations");
    CHECK_INT(type, FL_ENTITY_ORG);
    CHECK_STR(fl_ner_country_canonical("UK", 2, NULL), "United Kingdom");
    CHECK(fl_ner_country_canonical("Israel", 6, NULL) == NULL);

    /* Missing models: a clear refusal, not a crash. */
    fl_extractor_options none = {"/nonexistent"};
    CHECK(fl_extractor_new(&none, &why) == NULL);
    CHECK(why && strstr(why, "ner.model"));

    fl_doc_free(doc);
    fl_reader_free(r);
    fl_extractor_free(ex);
    return check_report("ner_entities");
}
