/*
 * test_store_v5.c — schema 5, the storage-only migration (docs/store.md,
 * "Schema 5"): a database written at schema 4 migrates to 5 and answers
 * every question exactly as one written at 5; both keep the compact forms
 * (texts, quote words and headlines that are their spans or first lines
 * as NULL, labels as codes, org_keys without keys that stand alone, one
 * entity list per article) and the cases that
 * must stay explicit (a text that differs from its span, a missing text
 * with a span, a label without a code). Also the packed id lists, and the
 * answer version PostgreSQL is numbered by.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "factline.h"
#include "store_check.h"
#include "store/pack.h"
#include "store/store_internal.h"

/* Three articles: a bare surname adopted by the full name that comes
 * later; organisations that stand alone and one that joins them; sources
 * and cues that are their spans and ones that are not; a missing cue; an
 * unknown source type and time type; a time without text; figures whose
 * text is or is not their span, a conflict and a decreasing series.
 * Generated from Python with the spans computed (json.dumps). */
static const char *const v4_articles[] = {
    "{\"date\":\"2023-11-03\",\"headline\":\"Blinken visits\",\"text\":\"Blinken visits\\n\\nBlinken arrived "
    "in Tel Aviv on Friday. The Gaza Health Ministry said 9,000 people were killed, officials said.\",\"entit"
    "ies\":[{\"name\":\"Blinken\",\"type\":\"PER\",\"aliases\":[],\"mentions\":[[0,7],[16,23]]},{\"name\":\"T"
    "el Aviv\",\"type\":\"LOC\",\"aliases\":[],\"mentions\":[[35,43]]},{\"name\":\"Gaza Health Ministry\",\"t"
    "ype\":\"ORG\",\"aliases\":[],\"mentions\":[[59,79]]}],\"quotes\":[],\"attributions\":[{\"source\":{\"nam"
    "e\":\"The Gaza Health Ministry\",\"mention\":\"The Gaza Health Ministry\",\"mention_span\":[55,79],\"typ"
    "e\":\"government\",\"anonymous\":false,\"entity\":2},\"cue\":\"said\",\"cue_span\":[80,84],\"content_spa"
    "n\":[85,109]},{\"source\":{\"name\":\"unnamed officials\",\"mention\":\"officials\",\"mention_span\":[11"
    "1,120],\"type\":\"official sources\",\"anonymous\":true},\"cue\":\"SAID\",\"cue_span\":[121,125],\"conte"
    "nt_span\":[55,109]},{\"source\":null,\"cue_span\":[24,31],\"content_span\":[32,43]}],\"figures\":[{\"tex"
    "t\":\"9,000\",\"span\":[85,90],\"value\":9000,\"low\":9000,\"high\":9000,\"qualifier\":\"exact\",\"categ"
    "ory\":\"killed\",\"subject\":\"people\",\"source\":\"The Gaza Health Ministry\",\"date\":\"2023-11-03\","
    "\"place\":\"Gaza\"}],\"times\":[{\"text\":\"Friday\",\"span\":[47,53],\"type\":\"DATE\",\"value\":\"2023"
    "-11-03\"},{\"text\":\"the day\",\"span\":[8,14],\"type\":\"EVENTISH\",\"value\":\"X\"},{\"span\":[0,7],\"type\":\"TIME\",\"value\":\"T\"}]}",
    "{\"date\":\"2023-11-04\",\"headline\":\"Talks\",\"text\":\"Talks\\n\\nAntony Blinken met Yoav Gallant. \\\"We are ready,\\\" Blinken said. The Health Ministry in Gaza said 9,300 people were killed; the Israel"
    "i army said about 5,000 were killed.\",\"entities\":[{\"name\":\"Antony Blinken\",\"type\":\"PER\",\"ali"
    "ases\":[\"Blinken\"],\"mentions\":[[7,21],[56,63]]},{\"name\":\"Yoav Gallant\",\"type\":\"PER\",\"aliase"
    "s\":[],\"mentions\":[[26,38]]},{\"name\":\"Health Ministry in Gaza\",\"type\":\"ORG\",\"aliases\":[],\"m"
    "entions\":[[74,97]]}],\"quotes\":[{\"span\":[40,55],\"parts\":[[40,55]],\"kind\":\"statement\",\"speaker"
    "\":{\"name\":\"Antony Blinken\",\"name_span\":[7,21],\"mention\":\"Blinken\",\"mention_span\":[56,63],\""
    "cue\":\"said\",\"cue_span\":[64,68],\"type\":\"person\",\"anonymous\":false,\"via\":\"cue\",\"entity\":0"
    "}}],\"attributions\":[{\"source\":{\"name\":\"Antony Blinken\",\"mention\":\"Blinken\",\"mention_span\":"
    "[56,63],\"type\":\"person\",\"anonymous\":false,\"entity\":0},\"cue\":\"said\",\"cue_span\":[64,68],\"co"
    "ntent_span\":[40,55]},{\"source\":{\"name\":\"the Israeli army\",\"mention\":\"the Israeli army\",\"ment"
    "ion_span\":[129,145],\"type\":\"organisation\",\"anonymous\":false},\"cue\":\"said\",\"cue_span\":[146,1"
    "50],\"content_span\":[151,174]}],\"figures\":[{\"text\":\"9,300 people\",\"span\":[103,108],\"value\":93"
    "00,\"low\":9300,\"high\":9300,\"qualifier\":\"exact\",\"category\":\"killed\",\"subject\":\"people\",\"s"
    "ource\":\"The Health Ministry in Gaza\",\"date\":\"2023-11-04\",\"place\":\"Gaza\"},{\"text\":\"about 5,"
    "000\",\"span\":[151,162],\"value\":5000,\"low\":4500,\"high\":5500,\"qualifier\":\"about\",\"category\":"
    "\"killed\",\"subject\":\"people\",\"source\":\"the Israeli army\",\"date\":\"2023-11-03\",\"place\":\"Ga"
    "za\"}],\"times\":[]}",
    "{\"date\":\"2023-11-05\",\"headline\":\"Count\",\"text\":\"Count\\n\\nHealth ministry officials said 8,0"
    "00 were killed.\",\"entities\":[{\"name\":\"Health ministry\",\"type\":\"ORG\",\"aliases\":[],\"mentions"
    "\":[[7,22]]}],\"attributions\":[{\"source\":{\"name\":\"Health ministry officials\",\"mention_span\":[7,"
    "32],\"type\":\"government\"},\"cue\":\"said\",\"cue_span\":[33,37]}],\"figures\":[{\"text\":\"8,000\",\""
    "span\":[38,43],\"value\":8000,\"low\":8000,\"high\":8000,\"qualifier\":\"exact\",\"category\":\"killed\""
    ",\"subject\":\"people\",\"source\":\"Health ministry\",\"date\":\"2023-11-05\",\"place\":\"Gaza\"}],\"ti"
    "mes\":[{\"text\":\"Count\",\"span\":[0,5],\"type\":\"SET\",\"value\":\"P1D\"}]}",
};

/* One value from the database as text ("(null)" for NULL, "(none)" for no row). */
static const char *value(fl_store *s, const char *sql)
{
    static char out[256];
    sqlite3_stmt *st;
    snprintf(out, sizeof out, "(error)");
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(s->db));
        return out;
    }
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        snprintf(out, sizeof out, "%s", v ? v : "(null)");
    } else {
        snprintf(out, sizeof out, "(none)");
    }
    sqlite3_finalize(st);
    return out;
}

/* What schema 5 stores for the three articles (the written and the migrated database alike). */
static void check_v5_storage(fl_store *s)
{
    CHECK_INT(fl_store_db_version(s), 5);
    /* The first source and both cues of article 1 are their spans; the second source is not. */
    CHECK_STR(value(s, "SELECT quote(source) || quote(cue) FROM attributions WHERE article_id = 1 AND n = 1"), "NULLNULL");
    CHECK_STR(value(s, "SELECT source || '|' || cue FROM attributions WHERE article_id = 1 AND n = 2"),
              "unnamed officials|SAID");
    CHECK_STR(value(s, "SELECT typeof(cue) FROM attributions WHERE article_id = 1 AND n = 3"), "blob"); /* no cue, a span */
    CHECK_STR(value(s, "SELECT typeof(source_type) || source_type FROM attributions WHERE article_id = 1 AND n = 1"),
              "integer2");
    CHECK_STR(value(s, "SELECT typeof(source_type) || source_type FROM attributions WHERE article_id = 1 AND n = 2"),
              "textofficial sources");
    CHECK_STR(value(s, "SELECT group_concat(quote(text) || typeof(type), ' ') FROM times WHERE article_id = 1"),
              "NULLinteger 'the day'text X''integer");
    CHECK_STR(value(s, "SELECT group_concat(quote(text), ' ') FROM figures ORDER BY id"), "NULL '9,300 people' NULL NULL");
    /* Keys that stand alone are not in org_keys; "health ministry" joined one. */
    CHECK_STR(value(s, "SELECT group_concat(key || '>' || canonical, ' ') FROM org_keys"),
              "health ministry>gaza health ministry");
    CHECK_STR(value(s, "SELECT count(*) FROM org_words WHERE canonical = 'army israeli'"), "2");
    /* One entity list per article, the adopted bare surname replaced. */
    CHECK_STR(value(s, "SELECT count(*) FROM article_entities"), "3");
    CHECK_STR(value(s, "SELECT fl_ids_json(ids) = (SELECT json_group_array(entity_id) FROM (SELECT entity_id FROM"
                       " mentions WHERE article_id = 1 ORDER BY entity_id)) FROM article_entities WHERE article_id = 1"),
              "1");
    CHECK_STR(value(s, "SELECT count(*) FROM sqlite_schema WHERE name = 'mentions_article'"), "0");
    /* Mentions' and attributions' dates are day numbers; a date not written
     * YYYY-MM-DD would stay text. */
    CHECK_STR(value(s, "SELECT group_concat(DISTINCT typeof(date)) FROM mentions"), "integer");
    CHECK_STR(value(s, "SELECT group_concat(DISTINCT typeof(date)) FROM attributions"), "integer");
    CHECK_STR(value(s, "SELECT group_concat(DISTINCT fl_day_date(date)) FROM (SELECT date FROM mentions"
                       " WHERE article_id = 2 UNION ALL SELECT date FROM attributions WHERE article_id = 2)"),
              "2023-11-04");
    CHECK_STR(value(s, "SELECT typeof(fl_day('Nov 4')) || fl_day_date(fl_day('Nov 4')) || typeof(fl_day('2023-13-04'))"),
              "textNov 4text");
    /* The content hash as its 64-bit integer, read back as 16 hex digits. */
    CHECK_STR(value(s, "SELECT group_concat(DISTINCT typeof(hash) || length(fl_hash_hex(hash))) FROM articles"),
              "integer16");
    /* Search's source filter lists a source's articles from this index. */
    CHECK_STR(value(s, "SELECT count(*) FROM sqlite_schema WHERE name = 'articles_source'"), "1");
    /* The quote is its span: its words are read back from the article. */
    CHECK_STR(value(s, "SELECT quote(quote) || '|' || text FROM quotes"), "NULL|\"We are ready,\"");
    /* Every headline is its text's first line: none kept, each read back. */
    CHECK_STR(value(s, "SELECT count(*) FROM articles WHERE head IS NULL"), "3");
    CHECK_STR(value(s, "SELECT group_concat(headline, '|') FROM (SELECT headline FROM articles ORDER BY id)"),
              "Blinken visits|Talks|Count");
}

/* A headline is kept when the text does not begin with it and a blank line. */
static void test_headlines(const char *path)
{
    CHECK(fl_store_headline_derivable("Talks", 5, "Talks\n\nBody", 11));
    CHECK(fl_store_headline_derivable("Talks", 5, "Talks", 5));
    CHECK(!fl_store_headline_derivable("Talks", 5, "Talks\nBody", 10));
    CHECK(!fl_store_headline_derivable("Talk", 4, "Talks\n\nBody", 11));
    CHECK(!fl_store_headline_derivable("A\n", 2, "A\n\n\nB", 5)); /* the first blank line would cut it short */
    CHECK(!fl_store_headline_derivable("Longer than", 11, "Long", 4));
    remove_db(path);
    char *err = NULL;
    fl_store *s = fl_store_open(path, 0, &err);
    CHECK(s != NULL);
    if (!s)
        return;
    static const char *const articles[] = {
        "{\"date\":\"2023-11-06\",\"headline\":\"Another title\",\"text\":\"Body first\\n\\nmore\"}",
        "{\"date\":\"2023-11-06\",\"headline\":\"Line\\nbreak\",\"text\":\"Line\\nbreak\\n\\nmore\"}",
        "{\"date\":\"2023-11-06\",\"headline\":\"Whole\",\"text\":\"Whole\"}",
        ("{\"date\":\"2023-11-06\",\"headline\":\"Short\",\"text\":\"Short\\n\\n"
         "a body long enough to be compressed, a body long enough to be compressed, a body long enough\"}"),
    };
    int added;
    for (size_t i = 0; i < sizeof articles / sizeof articles[0]; i++)
        CHECK_INT(fl_store_add(s, articles[i], strlen(articles[i]), &added), FL_OK);
    CHECK_INT(fl_store_commit(s), FL_OK);
    CHECK_STR(value(s, "SELECT group_concat(quote(head), '|') FROM (SELECT head FROM articles ORDER BY id)"),
              "'Another title'|'Line\nbreak'|NULL|NULL");
    CHECK_STR(value(s, "SELECT group_concat(headline, '|') FROM (SELECT headline FROM articles ORDER BY id)"),
              "Another title|Line\nbreak|Whole|Short");
    CHECK_STR(value(s, "SELECT typeof(body) FROM articles WHERE id = 4"), "blob");
    fl_query q;
    memset(&q, 0, sizeof q);
    q.kind = FL_QUERY_SEARCH;
    q.text = "compressed";
    fl_result *r = fl_store_query(s, &q);
    CHECK_STR(cell(r, 0, 0, "headline"), "Short");
    fl_result_free(r);
    CHECK_STR(value(s, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'headline:another'"), "1");
    fl_store_close(s);
    remove_db(path);
}

static void test_migration_from_v4(const char *path)
{
    char path4[600], *err = NULL;
    snprintf(path4, sizeof path4, "%s-v4", path);
    remove_db(path);
    remove_db(path4);
    fl_store *now = fl_store_open(path, 0, &err);
    fl_store *old = fl_store_open_version(path4, 0, 4, &err);
    CHECK(now && old);
    if (!now || !old)
        return;
    CHECK_INT(fl_store_db_version(old), 4);
    int added;
    for (size_t i = 0; i < sizeof v4_articles / sizeof v4_articles[0]; i++) {
        CHECK_INT(fl_store_add(now, v4_articles[i], strlen(v4_articles[i]), &added), FL_OK);
        CHECK_INT(fl_store_add(old, v4_articles[i], strlen(v4_articles[i]), &added), FL_OK);
        CHECK_INT(added, 1);
    }
    CHECK_INT(fl_store_commit(now), FL_OK);
    CHECK_INT(fl_store_commit(old), FL_OK);
    /* Schema 4 wrote everything out. */
    CHECK_STR(value(old, "SELECT source || '|' || cue || '|' || source_type FROM attributions WHERE article_id = 1 AND n = 1"),
              "The Gaza Health Ministry|said|government");
    CHECK_STR(value(old, "SELECT quote(cue) FROM attributions WHERE article_id = 1 AND n = 3"), "NULL");
    CHECK_STR(value(old, "SELECT canonical FROM org_keys WHERE key = 'army israeli'"), "army israeli");
    CHECK_STR(value(old, "SELECT count(*) FROM sqlite_schema WHERE name IN ('mentions_article', 'article_entities')"), "1");
    check_v5_storage(now);
    char hash4[64]; /* as schema 4 wrote it: 16 hex digits */
    snprintf(hash4, sizeof hash4, "%s", value(old, "SELECT hash FROM articles WHERE id = 2"));
    CHECK_INT((int)strlen(hash4), 16);
    CHECK_STR(value(now, "SELECT fl_hash_hex(hash) FROM articles WHERE id = 2"), hash4);
    fl_store_close(now);
    fl_store_close(old);
    old = fl_store_open(path4, 0, &err); /* migrates */
    CHECK(old != NULL);
    if (!old)
        return;
    check_v5_storage(old);
    CHECK_STR(value(old, "SELECT fl_hash_hex(hash) FROM articles WHERE id = 2"), hash4);
    CHECK_STR(value(old, "PRAGMA integrity_check"), "ok");
    CHECK_STR(value(old, "SELECT count(*) FROM (SELECT * FROM quotes_fts WHERE quotes_fts MATCH 'ready')"), "1");
    fl_store_close(old);

    now = fl_store_open(path, FL_STORE_READONLY, &err);
    old = fl_store_open(path4, FL_STORE_READONLY, &err);
    CHECK(now && old);
    static const struct {
        fl_query_kind kind;
        const char *text, *category, *from, *to;
    } questions[] = {
        {FL_QUERY_ENTITY, "Blinken", NULL, NULL, NULL},        {FL_QUERY_ENTITY, "Antony Blinken", NULL, NULL, NULL},
        {FL_QUERY_ENTITY, "Gaza Health Ministry", NULL, NULL, NULL}, {FL_QUERY_ENTITY, "Yoav Gallant", NULL, NULL, NULL},
        {FL_QUERY_QUOTES, "Antony Blinken", NULL, NULL, NULL}, {FL_QUERY_QUOTES, NULL, NULL, NULL, NULL},
        {FL_QUERY_TIMELINE, NULL, "killed", NULL, NULL},       {FL_QUERY_DISAGREE, NULL, NULL, NULL, NULL},
        {FL_QUERY_DISAGREE, NULL, "killed", NULL, NULL},       {FL_QUERY_SEARCH, "killed", NULL, NULL, NULL},
        {FL_QUERY_ARTICLE, "1", NULL, NULL, NULL},             {FL_QUERY_ARTICLE, "2", NULL, NULL, NULL},
        {FL_QUERY_ARTICLE, "3", NULL, NULL, NULL},
        /* date bounds against day numbers: any text, compared as text */
        {FL_QUERY_ENTITY, "Antony Blinken", NULL, "2023-11-03z", NULL},
        {FL_QUERY_ENTITY, "Antony Blinken", NULL, NULL, "2023-11-03z"},
        {FL_QUERY_ENTITY, "Antony Blinken", NULL, "2023-11", "2023-11-04"},
        {FL_QUERY_ENTITY, "Gaza Health Ministry", NULL, "2023-11-04", "2023-11-04"},
        {FL_QUERY_SEARCH, "killed", NULL, "2023-11-04", NULL},
    };
    for (size_t i = 0; now && old && i < sizeof questions / sizeof questions[0]; i++) {
        fl_query q;
        memset(&q, 0, sizeof q);
        q.kind = questions[i].kind;
        q.text = questions[i].text;
        q.category = questions[i].category;
        q.from = questions[i].from;
        q.to = questions[i].to;
        fl_result *a = fl_store_query(now, &q), *b = fl_store_query(old, &q);
        CHECK(a != NULL);
        if (!same_result(a, b))
            fprintf(stderr, "question %zu differs after migrating from schema 4\n", i);
        CHECK(same_result(a, b));
        if (i == 1) { /* the bare "Blinken" of article 1 went with the full name */
            CHECK_STR(cell(b, 0, 0, "articles"), "2");
            CHECK_STR(cell(b, 3, 0, "name"), "Gaza Health Ministry"); /* co-occurring, from the entity lists */
            CHECK_STR(cell(b, 3, 0, "articles"), "2");
            CHECK_STR(cell(b, 3, 2, "name"), "Yoav Gallant");
            CHECK_STR(cell(b, 5, 0, "source"), "Antony Blinken"); /* its claim's source, not its span */
            CHECK_STR(cell(b, 5, 0, "cue"), "said");
        }
        if (q.kind == FL_QUERY_ARTICLE && !strcmp(q.text, "1")) {
            CHECK_INT(fl_result_row_count(b, 1), 4); /* mentions, from the entity list */
            CHECK_STR(cell(b, 3, 0, "cue"), "(null)"); /* by cue: "arrived", no cue text */
            CHECK_STR(cell(b, 3, 0, "source"), "(null)");
            CHECK_STR(cell(b, 3, 1, "source"), "The Gaza Health Ministry"); /* its span */
            CHECK_STR(cell(b, 3, 1, "cue"), "said");
            CHECK_STR(cell(b, 3, 1, "source_type"), "government");
            CHECK_STR(cell(b, 3, 2, "source_type"), "official sources");
            CHECK_STR(cell(b, 4, 0, "text"), "9,000");
            CHECK_STR(cell(b, 5, 0, "text"), "(null)"); /* by start: no text, a span */
            CHECK_STR(cell(b, 5, 0, "type"), "TIME");
            CHECK_STR(cell(b, 5, 1, "text"), "the day");
            CHECK_STR(cell(b, 5, 1, "type"), "EVENTISH");
            CHECK_STR(cell(b, 5, 2, "text"), "Friday");
        }
        if (i == 13 || i == 14) { /* one day each side of "2023-11-03z" */
            CHECK_INT(fl_result_row_count(b, 2), 1);
            CHECK_STR(cell(b, 2, 0, "date"), i == 13 ? "2023-11-04" : "2023-11-03");
        }
        if (i == 15) {
            CHECK_INT(fl_result_row_count(b, 2), 2); /* mentions per day */
            CHECK_INT(fl_result_row_count(b, 5), 1); /* its claim of the 4th */
        }
        if (q.kind == FL_QUERY_DISAGREE && !q.category) {
            CHECK_INT(fl_result_row_count(b, 0), 1); /* 9,000 against about 5,000 on the 3rd */
            CHECK_STR(cell(b, 0, 0, "figure_b"), "about 5,000");
            CHECK_INT(fl_result_row_count(b, 1), 1); /* the ministry's 8,000 after 9,300 */
        }
        fl_result_free(a);
        fl_result_free(b);
    }
    /* An article asked by its hash (and not by a hash in capitals, as before). */
    for (int upper = 0; now && old && upper < 2; upper++) {
        fl_query q;
        memset(&q, 0, sizeof q);
        q.kind = FL_QUERY_ARTICLE;
        char text[64];
        snprintf(text, sizeof text, "%s", hash4);
        for (char *c = text; upper && *c; c++)
            *c = (char)(*c >= 'a' && *c <= 'f' ? *c - 32 : *c);
        q.text = text;
        fl_result *a = fl_store_query(now, &q), *b = fl_store_query(old, &q);
        CHECK(upper ? !a && !b : a && b && same_result(a, b));
        if (!upper)
            CHECK_STR(cell(b, 0, 0, "hash"), hash4);
        fl_result_free(a);
        fl_result_free(b);
    }
    fl_store_close(now);
    fl_store_close(old);
    remove_db(path);
    remove_db(path4);
}

/* Day numbers keep the dates' text order, and a bound of any text passes
 * the same dates as a text comparison would. */
static void test_days(void)
{
    char t[11];
    CHECK(fl_day_code("2023-11-04", 10) == 2023LL * 372 + 10 * 31 + 3);
    fl_day_text(fl_day_code("2023-11-04", 10), t);
    CHECK_STR(t, "2023-11-04");
    static const char *const bad[] = {"2023-13-01", "2023-00-10", "2023-11-00", "2023-11-32", "2023-1-04x", "2023/11/04",
                                      "2023-11-4", "20231104", "2023-11-04 "};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK(fl_day_code(bad[i], strlen(bad[i])) == -1);
    static const char *const bounds[] = {"", "-", "1", "2023", "2023-", "2023-11", "2023-11-03", "2023-11-03z",
                                         "2023-11-3", "2023-11-32", "2023-13", "2023-12-31", "9999-12-31", "A", "~"};
    int wrong = 0;
    for (size_t b = 0; b < sizeof bounds / sizeof bounds[0]; b++) {
        size_t len = strlen(bounds[b]);
        long long from = fl_day_bound(bounds[b], len, 0), to = fl_day_bound(bounds[b], len, 1);
        for (long long d = 2022LL * 372; d < 2025LL * 372; d++) {
            fl_day_text(d, t);
            int c = strcmp(t, bounds[b]);
            wrong += (c >= 0) != (d >= from) || (c <= 0) != (d <= to);
        }
        fl_day_text(0, t);
        wrong += (strcmp(t, bounds[b]) >= 0) != (0 >= from);
        fl_day_text(FL_DAY_END - 1, t);
        wrong += (strcmp(t, bounds[b]) <= 0) != (FL_DAY_END - 1 <= to);
    }
    CHECK_INT(wrong, 0);
}

static void test_ids(void)
{
    long long ids[] = {40, 3, 3, 1000000, 7, -2};
    fl_buffer b;
    fl_buffer_init(&b);
    fl_pack_ids(ids, sizeof ids / sizeof ids[0], &b);
    const unsigned char *p = (const unsigned char *)b.data, *end = p + b.len;
    long long want[] = {-2, 3, 7, 40, 1000000}, id = 0;
    size_t n = 0;
    while (fl_unpack_id(&p, end, &id)) {
        CHECK(n < 5 && id == want[n]);
        n++;
    }
    CHECK_INT((int)n, 5);
    unsigned char damaged[] = {0x85, 0x80};
    p = damaged;
    id = 0;
    CHECK(!fl_unpack_id(&p, damaged + 2, &id));
    fl_buffer_release(&b);
}

int main(void)
{
    char file[] = "/tmp/fl_store_v5_XXXXXX";
    int fd = mkstemp(file);
    CHECK(fd >= 0);
    close(fd);
    test_ids();
    test_days();
    test_migration_from_v4(file);
    test_headlines(file);
    /* Schema 5 changes storage, not answers: PostgreSQL, numbered by
     * answers, stays at 4. */
    CHECK_INT(fl_store_schema_version(), 5);
    CHECK_INT(fl_store_answer_version(), 4);
    unlink(file);
    return check_report("store_v5");
}
