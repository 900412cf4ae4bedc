/*
 * test_store.c — the store: canonical keys, idempotent adds, joining
 * entities and sources across articles (and the cases that must not join),
 * the questions with exact answers, hostile search syntax, migrations from
 * schema version 1, a full disk and a read-only database.
 *
 * `test_store --pg` runs the same suite on PostgreSQL (the database of
 * $FACTLINE_TEST_PG, a postgresql:// URL; the test works in a schema of its
 * own and drops it), with PostgreSQL's own cases in place of SQLite's file
 * cases. Without FACTLINE_TEST_PG it is skipped, unless FACTLINE_REQUIRE_PG=1.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "factline.h"
#include "store_check.h"
#include "pg_test.h"
#include "store/canon.h"
#include "store/pg_internal.h"
#include "store/store_internal.h"
#include "util/hash.h"

static const char *key(const char *type, const char *name)
{
    static fl_buffer b;
    fl_canon_key(type, name, strlen(name), &b);
    return b.data;
}

/* One extract object. Texts are short; spans point into them. */
static int add(fl_store *s, const char *date, const char *text, const char *facts)
{
    char json[8192];
    snprintf(json, sizeof json, "{\"id\":\"x\",\"date\":\"%s\",\"headline\":\"H %s\",\"text\":\"%s\",%s}", date, text, text,
             facts);
    int added = -1;
    fl_status st = fl_store_add(s, json, strlen(json), &added);
    if (st != FL_OK) {
        fprintf(stderr, "add failed: %s\n", fl_store_error(s));
        return -1;
    }
    return added;
}

static fl_result *ask(fl_store *s, fl_query_kind kind, const char *text)
{
    fl_query q;
    memset(&q, 0, sizeof q);
    q.kind = kind;
    q.text = text;
    return fl_store_query(s, &q);
}

/* The writer remembers what names resolved to; another connection's commit
 * that merges an entity away must not leave it using the merged id. And a
 * bare surname adopted by a full name in the same article links that
 * article's quote to the full name (a deliberate change in schema 4). */
static void test_memo_and_merges(const char *path)
{
    char *err = NULL;
    unlink(path);
    fl_store *a = fl_store_open(path, 0, &err), *b = fl_store_open(path, 0, &err);
    CHECK(a && b);
    if (!a || !b)
        return;
    fl_store_set_batch(a, 1);
    fl_store_set_batch(b, 1);
    CHECK_INT(add(a, "2024-01-01", "Gallant spoke.",
                  "\"entities\":[{\"name\":\"Gallant\",\"type\":\"PER\",\"mentions\":[[0,7]]}]"), 1);
    /* b adds the full name: the bare entity a remembers is merged away. */
    CHECK_INT(add(b, "2024-01-02", "Yoav Gallant spoke.",
                  "\"entities\":[{\"name\":\"Yoav Gallant\",\"type\":\"PER\",\"mentions\":[[0,12]]}]"), 1);
    CHECK_INT(add(a, "2024-01-03", "Gallant again.",
                  "\"entities\":[{\"name\":\"Gallant\",\"type\":\"PER\",\"mentions\":[[0,7]]}]"), 1);
    /* The same article: a bare surname first, then the full name adopts it;
     * the quote names the bare one. */
    CHECK_INT(add(a, "2024-01-04", "Regev met Mark Regev.",
                  "\"entities\":[{\"name\":\"Regev\",\"type\":\"PER\",\"mentions\":[[0,5]]},"
                  "{\"name\":\"Mark Regev\",\"type\":\"PER\",\"mentions\":[[10,20]]}],"
                  "\"quotes\":[{\"text\":\"not yet\",\"start\":0,\"end\":5,\"speaker\":{\"name\":\"Regev\",\"entity\":0}}]"),
              1);
    fl_store_close(a);
    fl_store_close(b);
    fl_store *r = fl_store_open(path, FL_STORE_READONLY, &err);
    fl_result *res = ask(r, FL_QUERY_ENTITY, "Yoav Gallant");
    CHECK_STR(cell(res, 0, 0, "articles"), "3"); /* all three, none on a merged-away id */
    fl_result_free(res);
    res = ask(r, FL_QUERY_QUOTES, "Mark Regev");
    CHECK_INT(fl_result_row_count(res, 0), 1);
    CHECK_STR(cell(res, 0, 0, "speaker"), "Mark Regev");
    fl_result_free(res);
    res = ask(r, FL_QUERY_ENTITY, "Mark Regev");
    CHECK_STR(cell(res, 0, 0, "mentions"), "2"); /* the bare mention moved with it */
    fl_result_free(res);
    fl_store_close(r);
    unlink(path);
    char extra[600];
    snprintf(extra, sizeof extra, "%s-wal", path);
    unlink(extra);
    snprintf(extra, sizeof extra, "%s-shm", path);
    unlink(extra);
}

/* One writer alone: what it remembers must survive its own adoptions. A
 * bare surname is adopted by the full name (its entity merged away) after
 * the writer has resolved it, and the bare name comes back, in the same
 * batch and in the next, and a speaker quoted by the bare name in an
 * article that has no entity for it (left unlinked). No mention, quote or attribution may be left
 * on a merged-away id (the writer never remembers a bare surname's entity,
 * fl_store_may_adopt; remembering it made this test fail). */
static void test_memo_one_writer(const char *path)
{
    char *err = NULL;
    unlink(path);
    fl_store *s = fl_store_open(path, 0, &err);
    CHECK(s != NULL);
    if (!s)
        return;
    fl_store_set_batch(s, 3);
    static const char *const bare = "\"entities\":[{\"name\":\"Herzog\",\"type\":\"PER\",\"mentions\":[[0,6]]}],"
                                    "\"quotes\":[{\"text\":\"yes\",\"start\":0,\"end\":6,"
                                    "\"speaker\":{\"name\":\"Herzog\",\"entity\":0}}],"
                                    "\"attributions\":[{\"source\":{\"name\":\"Herzog\",\"entity\":0},"
                                    "\"cue\":\"said\",\"cue_span\":[7,11],\"content_span\":[12,16]}]";
    CHECK_INT(add(s, "2024-02-01", "Herzog said one.", bare), 1);
    CHECK_INT(add(s, "2024-02-02", "Herzog said two.", bare), 1);
    CHECK_INT(add(s, "2024-02-03", "Isaac Herzog said.",
                  "\"entities\":[{\"name\":\"Isaac Herzog\",\"type\":\"PER\",\"mentions\":[[0,12]]}]"),
              1);
    CHECK_INT(add(s, "2024-02-04", "Herzog said four.", bare), 1);
    CHECK_INT(add(s, "2024-02-05", "Herzog said five.", bare), 1);
    CHECK_INT(add(s, "2024-02-06", "Herzog said six, unlinked.",
                  "\"quotes\":[{\"text\":\"six\",\"start\":0,\"end\":6,\"speaker\":{\"name\":\"Herzog\"}}]"),
              1);
    fl_store_close(s);
    fl_store *r = fl_store_open(path, FL_STORE_READONLY, &err);
    CHECK(r != NULL);
    if (!r)
        return;
    fl_result *res = ask(r, FL_QUERY_ENTITY, "Isaac Herzog");
    CHECK_STR(cell(res, 0, 0, "articles"), "5"); /* every article naming him, none on a merged-away id */
    CHECK_STR(cell(res, 0, 0, "mentions"), "5");
    fl_result_free(res);
    res = ask(r, FL_QUERY_QUOTES, "Isaac Herzog");
    CHECK_INT(fl_result_row_count(res, 0), 4); /* the unlinked bare speaker stays unlinked */
    fl_result_free(res);
    sqlite3 *db = r->db;
    static const char *const orphans[] = {
        "SELECT count(*) FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id WHERE e.id IS NULL",
        "SELECT count(*) FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id"
        " WHERE q.speaker_entity_id IS NOT NULL AND e.id IS NULL",
        "SELECT count(*) FROM attributions a LEFT JOIN entities e ON e.id = a.source_entity_id"
        " WHERE a.source_entity_id IS NOT NULL AND e.id IS NULL",
    };
    for (size_t i = 0; db && i < sizeof orphans / sizeof *orphans; i++) {
        sqlite3_stmt *st = NULL;
        CHECK_INT(sqlite3_prepare_v2(db, orphans[i], -1, &st, NULL), SQLITE_OK);
        CHECK_INT(sqlite3_step(st), SQLITE_ROW);
        CHECK_INT(sqlite3_column_int(st, 0), 0);
        sqlite3_finalize(st);
    }
    fl_store_close(r);
    remove_db(path);
}

/* The two articles of the migration test, as extract objects... */
static const char *const v3_articles[] = {
    "{\"date\":\"2023-11-04\",\"headline\":\"Talks\",\"text\":\"Antony Blinken met Yoav Gallant. Blinken said: we are "
    "ready. Mark Regev said: not yet. The Health Ministry in Gaza said more than 9,200 people were killed.\","
    "\"entities\":[{\"name\":\"Antony Blinken\",\"type\":\"PER\",\"aliases\":[\"Blinken\"],\"mentions\":[[0,14],[32,39]]},"
    "{\"name\":\"Yoav Gallant\",\"type\":\"PER\",\"aliases\":[],\"mentions\":[[19,31]]}],"
    "\"quotes\":[{\"text\":\"we are ready\",\"start\":46,\"end\":58,\"kind\":\"direct\",\"speaker\":{\"name\":\"Blinken\","
    "\"start\":32,\"end\":39,\"entity\":0},\"cue\":\"said\"},{\"text\":\"not yet\",\"start\":79,\"end\":86,\"kind\":\"direct\","
    "\"speaker\":{\"name\":\"Mark Regev\",\"start\":60,\"end\":70},\"cue\":\"said\"}],"
    "\"attributions\":[{\"source\":{\"text\":\"Blinken\",\"start\":32,\"end\":39,\"entity\":0},\"cue\":{\"text\":\"said\","
    "\"start\":40,\"end\":44},\"content\":[46,58],\"anonymous\":false}],"
    "\"figures\":[{\"text\":\"more than 9,200\",\"start\":120,\"end\":135,\"value\":9200,\"low\":9200,\"high\":null,"
    "\"qualifier\":\"more_than\",\"category\":\"killed\",\"subject\":\"people\",\"source\":\"the Health Ministry in Gaza\","
    "\"date\":\"2023-11-04\",\"place\":\"Gaza\"}],"
    "\"times\":[{\"text\":\"2023\",\"start\":0,\"end\":4,\"type\":\"DATE\",\"value\":\"2023\"}]}",
    "{\"date\":\"2023-11-05\",\"headline\":\"Counts\",\"text\":\"The army said about 5,000 were killed; the ministry said "
    "9,000.\",\"entities\":[{\"name\":\"Blinken\",\"type\":\"PER\",\"mentions\":[[0,3]]}],"
    "\"figures\":[{\"text\":\"about 5,000\",\"start\":14,\"end\":25,\"value\":5000,\"low\":4500,\"high\":5500,"
    "\"qualifier\":\"about\",\"category\":\"killed\",\"subject\":\"people\",\"source\":\"Israeli army\",\"date\":\"2023-11-04\","
    "\"place\":\"Gaza\"},{\"text\":\"9,000\",\"start\":54,\"end\":59,\"value\":9000,\"low\":9000,\"high\":9000,"
    "\"qualifier\":\"exact\",\"category\":\"killed\",\"subject\":\"people\",\"source\":\"the Gaza health ministry\","
    "\"date\":\"2023-11-05\",\"place\":\"Gaza\"}]}",
};

/* ...and the rows schema 3's writer stored for them. */
static const char v3_rows[] =
    "INSERT INTO articles(id, hash, date, headline, text) VALUES(1, 'a1', '2023-11-04', 'Talks', 'Antony Blinken met Yoav"
    " Gallant. Blinken said: we are ready. Mark Regev said: not yet. The Health Ministry in Gaza said more than 9,200"
    " people were killed.'), (2, 'a2', '2023-11-05', 'Counts', 'The army said about 5,000 were killed; the ministry said"
    " 9,000.');"
    "INSERT INTO articles_fts(rowid, headline, text) SELECT id, headline, text FROM articles;"
    "INSERT INTO entities(id, type, key, name, surname) VALUES(1, 'PER', 'antony blinken', 'Antony Blinken', 'blinken'),"
    " (2, 'PER', 'yoav gallant', 'Yoav Gallant', 'gallant');"
    "INSERT INTO entity_aliases VALUES(1, 'Antony Blinken'), (1, 'Blinken'), (2, 'Yoav Gallant');"
    "INSERT INTO mentions(entity_id, date, article_id, start, end) VALUES(1, '2023-11-04', 1, 0, 14),"
    " (1, '2023-11-04', 1, 32, 39), (2, '2023-11-04', 1, 19, 31), (1, '2023-11-05', 2, 0, 3);"
    "INSERT INTO org_keys VALUES('gaza health ministry', 'gaza health ministry'), ('army israeli', 'army israeli'),"
    " ('health ministry', 'gaza health ministry');"
    "INSERT INTO org_words VALUES('gaza', 'gaza health ministry'), ('health', 'gaza health ministry'),"
    " ('ministry', 'gaza health ministry'), ('army', 'army israeli'), ('israeli', 'army israeli'),"
    " ('blinken', 'blinken');"
    "INSERT INTO quotes(id, article_id, start, end, text, kind, speaker, speaker_entity_id, speaker_start, speaker_end,"
    " cue, date) VALUES(1, 1, 46, 58, 'we are ready', 'direct', 'Blinken', 1, 32, 39, 'said', '2023-11-04'),"
    " (2, 1, 79, 86, 'not yet', 'direct', 'Mark Regev', NULL, 60, 70, 'said', '2023-11-04');"
    "INSERT INTO quotes_fts(rowid, text) SELECT id, text FROM quotes;"
    "INSERT INTO attributions(id, article_id, source, source_key, source_entity_id, anonymous, source_start, source_end,"
    " cue, cue_start, cue_end, content_start, content_end, date) VALUES(1, 1, 'Blinken', 'blinken', 1, 0, 32, 39, 'said',"
    " 40, 44, 46, 58, '2023-11-04');"
    "INSERT INTO figures(id, article_id, start, end, text, value, low, high, qualifier, category, subject, source, date,"
    " place, subject_key, place_key, source_key) VALUES"
    " (1, 1, 120, 135, 'more than 9,200', 9200, 9200, NULL, 'more_than', 'killed', 'people', 'the Health Ministry in Gaza',"
    " '2023-11-04', 'Gaza', 'people', 'gaza', 'gaza health ministry'),"
    " (2, 2, 14, 25, 'about 5,000', 5000, 4500, 5500, 'about', 'killed', 'people', 'Israeli army', '2023-11-04', 'Gaza',"
    " 'people', 'gaza', 'army israeli'),"
    " (3, 2, 54, 59, '9,000', 9000, 9000, 9000, 'exact', 'killed', 'people', 'the Gaza health ministry', '2023-11-05',"
    " 'Gaza', 'people', 'gaza', 'gaza health ministry');"
    "INSERT INTO times(article_id, start, end, text, type, value) VALUES(1, 0, 4, '2023', 'DATE', '2023');";

/* A schema 3 database (as version 3 wrote it) migrates to the current
 * schema and answers every question exactly as a database written now. */
static void test_migration_from_v3(const char *path)
{
    char path3[600], *err = NULL;
    snprintf(path3, sizeof path3, "%s-v3", path);
    unlink(path);
    unlink(path3);
    fl_store *now = fl_store_open(path, 0, &err);
    fl_store *old = fl_store_open_version(path3, 0, 3, &err);
    CHECK(now && old);
    if (!now || !old)
        return;
    CHECK_INT(fl_store_db_version(old), 3);
    int added;
    for (size_t i = 0; i < sizeof v3_articles / sizeof v3_articles[0]; i++) {
        CHECK_INT(fl_store_add(now, v3_articles[i], strlen(v3_articles[i]), &added), FL_OK);
        CHECK_INT(added, 1);
    }
    CHECK(fl_store_exec(old, v3_rows));
    /* Content hashes as version 3 computed them (over date and text). */
    sqlite3_stmt *st;
    CHECK(sqlite3_prepare_v2(old->db, "SELECT id, date, text FROM articles", -1, &st, NULL) == SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *date = (const char *)sqlite3_column_text(st, 1), *text = (const char *)sqlite3_column_text(st, 2);
        unsigned long long h = fl_hash64(fl_hash64(FL_HASH_SEED, date, strlen(date)), text, strlen(text));
        char sql[128];
        snprintf(sql, sizeof sql, "UPDATE articles SET hash='%016llx' WHERE id=%lld", h, sqlite3_column_int64(st, 0));
        CHECK(fl_store_exec(old, sql));
    }
    sqlite3_finalize(st);
    fl_store_close(now);
    fl_store_close(old);
    old = fl_store_open(path3, 0, &err); /* migrates */
    CHECK(old != NULL);
    if (!old)
        return;
    CHECK_INT(fl_store_db_version(old), fl_store_schema_version());
    fl_store_close(old);
    now = fl_store_open(path, FL_STORE_READONLY, &err);
    old = fl_store_open(path3, FL_STORE_READONLY, &err);
    static const struct {
        fl_query_kind kind;
        const char *text, *category;
    } questions[] = {
        {FL_QUERY_ENTITY, "Blinken", NULL},     {FL_QUERY_ENTITY, "Yoav Gallant", NULL},
        {FL_QUERY_QUOTES, "Antony Blinken", NULL}, {FL_QUERY_QUOTES, "Mark Regev", NULL},
        {FL_QUERY_QUOTES, NULL, NULL},          {FL_QUERY_TIMELINE, NULL, "killed"},
        {FL_QUERY_DISAGREE, NULL, NULL},        {FL_QUERY_DISAGREE, NULL, "killed"},
        {FL_QUERY_SEARCH, "ready", NULL},       {FL_QUERY_ARTICLE, "1", NULL},
        {FL_QUERY_ARTICLE, "2", NULL},
    };
    for (size_t i = 0; i < sizeof questions / sizeof questions[0]; i++) {
        fl_query q;
        memset(&q, 0, sizeof q);
        q.kind = questions[i].kind;
        q.text = questions[i].text;
        q.category = questions[i].category;
        fl_result *a = fl_store_query(now, &q), *b = fl_store_query(old, &q);
        CHECK(a != NULL);
        if (!same_result(a, b))
            fprintf(stderr, "question %zu differs after migrating from schema 3\n", i);
        CHECK(same_result(a, b));
        if (q.kind == FL_QUERY_DISAGREE && !q.category) {
            CHECK_INT(fl_result_row_count(b, 0), 1); /* 9,200+ against about 5,000 on the 4th */
            CHECK_INT(fl_result_row_count(b, 1), 1); /* the ministry's 9,000 after 9,200 */
            CHECK_STR(cell(b, 1, 0, "earlier_max"), "9200.0");
        }
        if (q.kind == FL_QUERY_QUOTES && q.text && !strcmp(q.text, "Mark Regev")) {
            CHECK_INT(fl_result_row_count(b, 0), 1); /* by the unlinked speaker's key */
            CHECK_STR(cell(b, 0, 0, "text"), "not yet");
        }
        if (q.kind == FL_QUERY_ARTICLE && !strcmp(q.text, "1")) {
            CHECK_INT(fl_result_row_count(b, 1), 3); /* three mentions, unpacked */
            CHECK_STR(cell(b, 1, 1, "start"), "19");
            CHECK(strstr(cell(b, 0, 0, "text"), "Mark Regev said") != NULL);
        }
        fl_result_free(a);
        fl_result_free(b);
    }
    fl_store_close(now);
    fl_store_close(old);
    unlink(path);
    unlink(path3);
    static const char *const suffixes[] = {"-wal", "-shm"};
    char extra[640];
    for (size_t i = 0; i < 2; i++) {
        snprintf(extra, sizeof extra, "%s%s", path, suffixes[i]);
        unlink(extra);
        snprintf(extra, sizeof extra, "%s%s", path3, suffixes[i]);
        unlink(extra);
    }
}

/* Two writers at once (threads, a connection each) on overlapping articles
 * that name the same new people and places: every article once, nothing
 * pointing at an entity that is not there. */
typedef struct racer {
    const char *url;
    int first, round;
    fl_status status;
} racer;

static void *race(void *arg)
{
    racer *w = arg;
    char *err = NULL;
    fl_store *s = fl_store_open(w->url, 0, &err);
    if (!s) {
        w->status = FL_ERR_IO;
        free(err);
        return NULL;
    }
    fl_store_set_batch(s, 1000);
    for (int i = w->first; i < w->first + 6; i++) {
        char json[1024];
        int added;
        snprintf(json, sizeof json,
                 "{\"date\":\"2024-02-%02d\",\"headline\":\"R\",\"text\":\"Round %d article %d: Ana Racer%d met Racer%d in Town%d.\","
                 "\"entities\":[{\"name\":\"Ana Racer%d\",\"type\":\"PER\",\"mentions\":[[0,3]]},"
                 "{\"name\":\"Racer%d\",\"type\":\"PER\",\"mentions\":[[4,9]]},"
                 "{\"name\":\"Town%d\",\"type\":\"LOC\",\"mentions\":[[10,14]]}]}",
                 i % 28 + 1, w->round, i, i % 3, i % 3, i % 4, i % 3, i % 3, i % 4);
        if (fl_store_add(s, json, strlen(json), &added) != FL_OK)
            w->status = FL_ERR_IO;
    }
    if (fl_store_commit(s) != FL_OK)
        w->status = FL_ERR_IO;
    fl_store_close(s);
    return NULL;
}

static void *open_one(void *arg)
{
    char *err = NULL;
    fl_store *s = fl_store_open(arg, 0, &err);
    if (!s)
        fprintf(stderr, "concurrent open: %s\n", err);
    free(err);
    fl_store_close(s);
    return s ? arg : NULL;
}

/* Four processes' worth of openers on an empty schema at once: the
 * migration runs once, under its advisory lock, and every open succeeds. */
static void pg_open_race(pg_test *t)
{
    char sql[256], url[2200];
    snprintf(sql, sizeof sql, "CREATE SCHEMA %s_m", t->schema);
    pg_test_value(t, sql);
    snprintf(url, sizeof url, "%s_m", t->url);
    pthread_t th[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&th[i], NULL, open_one, url);
    for (int i = 0; i < 4; i++) {
        void *ok = NULL;
        pthread_join(th[i], &ok);
        CHECK(ok != NULL);
    }
    snprintf(sql, sizeof sql, "SELECT string_agg(version::text, ',' ORDER BY version) FROM %s_m.schema_version", t->schema);
    CHECK_STR(pg_test_value(t, sql), "3,4");
    snprintf(sql, sizeof sql, "DROP SCHEMA %s_m CASCADE", t->schema);
    pg_test_value(t, sql);
}

static void pg_race(pg_test *t)
{
    long long before = atoll(pg_test_value(t, "SELECT count(*) FROM articles"));
    for (int round = 0; round < 8; round++) {
        racer a = {t->url, 0, round, FL_OK}, b = {t->url, 3, round, FL_OK}; /* articles 3-5 in both */
        pthread_t ta, tb;
        pthread_create(&ta, NULL, race, &a);
        pthread_create(&tb, NULL, race, &b);
        pthread_join(ta, NULL);
        pthread_join(tb, NULL);
        CHECK_INT(a.status, FL_OK);
        CHECK_INT(b.status, FL_OK);
    }
    CHECK_INT(atoll(pg_test_value(t, "SELECT count(*) FROM articles")) - before, 8 * 9);
    CHECK_STR(pg_test_value(t, "SELECT count(*) - count(DISTINCT hash) FROM articles"), "0");
    CHECK_STR(pg_test_value(t, "SELECT count(*) FROM mentions m WHERE NOT EXISTS"
                               " (SELECT 1 FROM entities e WHERE e.id = m.entity_id)"), "0");
    CHECK_STR(pg_test_value(t, "SELECT count(*) FROM (SELECT type, key FROM entities GROUP BY 1, 2 HAVING count(*) > 1) d"),
              "0");
    /* each stored article has its three mentions, written by one writer */
    CHECK_STR(pg_test_value(t, "SELECT count(*) FROM articles a WHERE a.headline = 'R' AND"
                               " (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) <> 3"), "0");
}

/* PostgreSQL's own cases: the schema version table, a newer schema refused,
 * a read-only session, an unreachable server. */
static void pg_cases(pg_test *t)
{
    char *err = NULL;
    CHECK_STR(pg_test_value(t, "SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_version"), "3,4");
    fl_store *s = fl_store_open(t->url, 0, &err); /* a second open applies nothing */
    CHECK(s != NULL);
    fl_store_close(s);
    CHECK_STR(pg_test_value(t, "SELECT count(*) FROM schema_version"), "2");
    s = fl_store_open(t->url, FL_STORE_READONLY, &err);
    CHECK(s != NULL);
    if (s) {
        /* the session is read-only: a write is refused by the server */
        CHECK(!fl_pg_command(s, "INSERT INTO org_keys(key, canonical) VALUES('x', 'x')", 0, NULL));
        CHECK(strstr(fl_store_error(s), "read-only") != NULL);
        fl_store_close(s);
    }
    /* Values too long for an index: the article is stored, they are not
     * kept as keys; a date that long is refused, saying why. */
    s = fl_store_open(t->url, 0, &err);
    CHECK(s != NULL);
    if (s) {
        static char json[80000], big[6001];
        memset(big, 'x', sizeof big - 1);
        for (size_t i = 7; i < sizeof big - 1; i += 8)
            big[i] = ' ';
        snprintf(json, sizeof json,
                 "{\"date\":\"2024-03-01\",\"headline\":\"Long\",\"text\":\"Long keys.\",\"id\":\"%s\","
                 "\"entities\":[{\"name\":\"%s\",\"type\":\"ORG\",\"aliases\":[\"%s\"],\"mentions\":[[0,4]]},"
                 "{\"name\":\"Long\",\"type\":\"%s\",\"mentions\":[[0,4]]}],"
                 "\"quotes\":[{\"text\":\"keys\",\"start\":5,\"end\":9,\"speaker\":\"%s\"}],"
                 "\"figures\":[{\"text\":\"1\",\"start\":0,\"end\":1,\"value\":1,\"category\":\"%s\","
                 "\"source\":\"%s\",\"subject\":\"%s\",\"place\":\"%s\",\"date\":\"%s\"}]}",
                 big, big, big, big, big, big, big, big, big, big);
        int added = 0;
        CHECK_INT(fl_store_add(s, json, strlen(json), &added), FL_OK);
        CHECK_INT(fl_store_commit(s), FL_OK);
        CHECK_INT(added, 1);
        snprintf(json, sizeof json, "{\"date\":\"%s\",\"headline\":\"Long\",\"text\":\"Long date.\"}", big);
        CHECK_INT(fl_store_add(s, json, strlen(json), &added), FL_ERR_FORMAT);
        CHECK(strstr(fl_store_error(s), "date") != NULL);
        fl_store_close(s);
        CHECK_STR(pg_test_value(t, "SELECT count(*) FROM figures WHERE category IS NULL AND date = '2024-03-01'"), "1");
        CHECK_STR(pg_test_value(t, "SELECT count(*) FROM articles WHERE length(ext_id) = 6000"), "1");
    }
    pg_test_value(t, "INSERT INTO schema_version(version) VALUES(99)");
    s = fl_store_open(t->url, 0, &err);
    CHECK(s == NULL);
    CHECK(err && strstr(err, "newer") != NULL);
    free(err);
    pg_test_value(t, "DELETE FROM schema_version WHERE version = 99");
    s = fl_store_open("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2", 0, &err);
    CHECK(s == NULL);
    CHECK(err && strstr(err, "cannot connect") != NULL && strstr(err, "secret") == NULL);
    free(err);
}

int main(int argc, char **argv)
{
    pg_test pgt;
    int pg = argc > 1 && !strcmp(argv[1], "--pg");
    if (pg) {
        int st = pg_test_begin(&pgt, "store");
        if (st)
            return st;
    }
    /* Canonical keys. */
    CHECK_STR(key("PER", "Secretary of State Antony Blinken"), "antony blinken");
    CHECK_STR(key("PER", "President Joe Biden's"), "joe biden");
    CHECK_STR(key("PER", "US President Joe Biden"), "joe biden");
    CHECK_STR(key("PER", "Blinken"), "blinken");
    CHECK_STR(key("PER", "President"), "president");
    CHECK_STR(key("LOC", "U.S."), "united states");
    CHECK_STR(key("LOC", "the United States"), "united states");
    CHECK_STR(key("LOC", "Israel’s"), "israel");
    CHECK_STR(key("ORG", "Gaza Ministry of Health"), "gaza health ministry");
    CHECK_STR(key("SOURCE", "the Health Ministry in Gaza"), "gaza health ministry");
    CHECK_STR(key("SOURCE", "the Hamas-run health ministry"), "health ministry");
    CHECK_STR(key("ORG", "Médecins Sans Frontières"), "frontières médecins sans");
    const char *surname;
    size_t n = fl_canon_surname("antony blinken", 14, &surname);
    CHECK_INT(n, 7);
    CHECK(strncmp(surname, "blinken", 7) == 0);

    char file[] = "/tmp/factline-test-store-XXXXXX";
    int fd = mkstemp(file);
    CHECK(fd >= 0);
    close(fd);
    unlink(file);
    const char *path = pg ? pgt.url : file;
    char *err = NULL;
    fl_store *s = fl_store_open(path, 0, &err);
    CHECK(s != NULL);
    if (!s) {
        fprintf(stderr, "%s\n", err);
        return check_report("store");
    }
    /* PostgreSQL databases are numbered by the answer version (schema 5 is SQLite's storage only). */
    CHECK_INT(fl_store_db_version(s), pg ? fl_store_answer_version() : fl_store_schema_version());

    /* Article 1: the full name, its aliases, a quote, a sourced figure. */
    CHECK_INT(add(s, "2023-11-04", "Secretary of State Antony Blinken said Blinken spoke.",
                  "\"entities\":[{\"name\":\"Antony Blinken\",\"type\":\"PER\","
                  "\"aliases\":[\"Blinken\",\"Secretary of State Antony Blinken\"],"
                  "\"mentions\":[{\"start\":0,\"end\":33},[39,46]]}],"
                  "\"quotes\":[{\"text\":\"We don't want to stop you\",\"start\":1,\"end\":20,\"kind\":\"statement\","
                  "\"speaker\":{\"name\":\"Antony Blinken\",\"start\":0,\"end\":33},\"cue\":\"said\"}],"
                  "\"attributions\":[{\"source\":{\"text\":\"the Health Ministry in Gaza\",\"start\":0,\"end\":5},"
                  "\"cue\":{\"text\":\"reported\",\"start\":6,\"end\":10},\"content\":[11,20],\"anonymous\":false}],"
                  "\"figures\":[{\"text\":\"more than 9,200\",\"start\":0,\"end\":9,\"value\":9200,\"low\":9200,"
                  "\"high\":null,\"qualifier\":\"more_than\",\"category\":\"killed\",\"subject\":\"Palestinians\","
                  "\"source\":\"the Health Ministry in Gaza\",\"date\":\"2023-11-04\",\"place\":\"Gaza\"}],"
                  "\"times\":[{\"text\":\"Wednesday\",\"start\":1,\"end\":5,\"type\":\"DATE\",\"value\":\"2023-11-01\"}]"),
              1);
    /* The same article again adds nothing. */
    CHECK_INT(add(s, "2023-11-04", "Secretary of State Antony Blinken said Blinken spoke.", "\"entities\":[]"), 0);
    /* Article 2: only the surname, and a quote by it. */
    CHECK_INT(add(s, "2023-11-05", "Blinken said more.",
                  "\"entities\":[{\"name\":\"Blinken\",\"type\":\"PER\",\"aliases\":[],\"mentions\":[[0,7]]}],"
                  "\"quotes\":[{\"text\":\"We are ready\",\"start\":0,\"end\":7,\"kind\":\"statement\","
                  "\"speaker\":\"Blinken\"}],"
                  "\"figures\":[{\"text\":\"about 5,000\",\"start\":0,\"end\":7,\"value\":5000,\"low\":4500,"
                  "\"high\":5500,\"qualifier\":\"about\",\"category\":\"killed\",\"subject\":\"Palestinians\","
                  "\"source\":\"Israeli army\",\"date\":\"2023-11-04\",\"place\":\"Gaza\"},"
                  "{\"text\":\"9,000\",\"start\":0,\"end\":7,\"value\":9000,\"low\":9000,"
                  "\"high\":9000,\"qualifier\":\"exact\",\"category\":\"killed\",\"subject\":\"Palestinians\","
                  "\"source\":\"the Hamas-run health ministry\",\"date\":\"2023-11-05\",\"place\":\"Gaza\"}]"),
              1);
    /* Two people called Biden: a bare "Biden" must not join either. */
    CHECK_INT(add(s, "2023-11-06", "Joe Biden spoke.",
                  "\"entities\":[{\"name\":\"Joe Biden\",\"type\":\"PER\",\"mentions\":[[0,9]]}],"
                  /* "at least 10,000" has no upper bound: it does not contradict 10,022 */
                  "\"figures\":[{\"text\":\"at least 10,000\",\"start\":0,\"end\":3,\"value\":10000,\"low\":10000,"
                  "\"high\":null,\"qualifier\":\"at_least\",\"category\":\"injured\",\"subject\":\"people\","
                  "\"source\":\"UN\",\"date\":\"2023-11-06\",\"place\":\"Gaza\"},"
                  "{\"text\":\"10,022\",\"start\":4,\"end\":9,\"value\":10022,\"low\":null,"
                  "\"high\":null,\"qualifier\":\"exact\",\"category\":\"injured\",\"subject\":\"people\","
                  "\"source\":\"WHO\",\"date\":\"2023-11-06\",\"place\":\"Gaza\"}]"), 1);
    CHECK_INT(add(s, "2023-11-06", "Hunter Biden spoke.",
                  "\"entities\":[{\"name\":\"Hunter Biden\",\"type\":\"PER\",\"mentions\":[[0,12]]}]"), 1);
    CHECK_INT(add(s, "2023-11-07", "Biden spoke.",
                  "\"entities\":[{\"name\":\"Biden\",\"type\":\"PER\",\"mentions\":[[0,5]]}]"), 1);
    /* A bare surname seen first is adopted by the first full name. */
    CHECK_INT(add(s, "2023-11-07", "Gallant spoke.",
                  "\"entities\":[{\"name\":\"Gallant\",\"type\":\"PER\",\"mentions\":[[0,7]]}]"), 1);
    CHECK_INT(add(s, "2023-11-08", "Yoav Gallant spoke.",
                  "\"entities\":[{\"name\":\"Yoav Gallant\",\"type\":\"PER\",\"mentions\":[[0,12]]}]"), 1);
    CHECK_INT(fl_store_commit(s), FL_OK);
    CHECK_INT(fl_store_article_count(s), 7);
    fl_store_close(s);

    /* Read-only from here. */
    s = fl_store_open(path, FL_STORE_READONLY, &err);
    CHECK(s != NULL);
    int added;
    CHECK_INT(fl_store_add(s, "{}", 2, &added), FL_ERR_USAGE);

    fl_result *r = ask(s, FL_QUERY_ENTITY, "Blinken");
    CHECK_STR(cell(r, 0, 0, "name"), "Antony Blinken");
    CHECK_STR(cell(r, 0, 0, "mentions"), "3");
    CHECK_STR(cell(r, 0, 0, "articles"), "2");
    CHECK_INT(fl_result_row_count(r, 1), 3); /* aliases, the name included */
    CHECK_STR(cell(r, 1, 0, "alias"), "Secretary of State Antony Blinken");
    CHECK_STR(cell(r, 2, 1, "date"), "2023-11-05"); /* mentions per day */
    CHECK_INT(fl_result_row_count(r, 4), 2);        /* both quotes */
    fl_result_free(r);

    r = ask(s, FL_QUERY_ENTITY, "Biden");
    CHECK_INT(fl_result_row_count(r, 0), 1);
    CHECK_STR(cell(r, 0, 0, "name"), "Biden"); /* the bare surname, on its own */
    fl_result_free(r);
    r = ask(s, FL_QUERY_ENTITY, "Hunter Biden");
    CHECK_STR(cell(r, 0, 0, "mentions"), "1");
    fl_result_free(r);
    r = ask(s, FL_QUERY_ENTITY, "Gallant");
    CHECK_STR(cell(r, 0, 0, "name"), "Yoav Gallant");
    CHECK_STR(cell(r, 0, 0, "mentions"), "2");
    fl_result_free(r);

    r = ask(s, FL_QUERY_QUOTES, "Antony Blinken");
    CHECK_INT(fl_result_row_count(r, 0), 2);
    CHECK_STR(cell(r, 0, 1, "text"), "We are ready");
    CHECK_STR(cell(r, 0, 1, "speaker"), "Antony Blinken");
    fl_result_free(r);

    fl_query q;
    memset(&q, 0, sizeof q);
    q.kind = FL_QUERY_TIMELINE;
    q.category = "killed";
    q.subject = "palestinians";
    q.place = "Gaza";
    r = fl_store_query(s, &q);
    CHECK_INT(fl_result_row_count(r, 0), 3);
    CHECK_STR(cell(r, 0, 0, "as_of"), "2023-11-04");
    CHECK_STR(cell(r, 0, 2, "as_of"), "2023-11-05");
    CHECK_STR(cell(r, 0, 2, "running_max"), "9200.0"); /* the Hamas-run ministry is the Gaza ministry */
    fl_result_free(r);
    q.source = "Gaza Ministry of Health";
    r = fl_store_query(s, &q);
    CHECK_INT(fl_result_row_count(r, 0), 2);
    fl_result_free(r);

    memset(&q, 0, sizeof q);
    q.kind = FL_QUERY_DISAGREE;
    r = fl_store_query(s, &q);
    CHECK_INT(fl_result_row_count(r, 0), 1);
    CHECK_STR(cell(r, 0, 0, "source_a"), "the Health Ministry in Gaza");
    CHECK_STR(cell(r, 0, 0, "source_b"), "Israeli army");
    CHECK_INT(fl_result_row_count(r, 1), 1); /* 9,200+ then 9,000 from the same ministry */
    CHECK_STR(cell(r, 1, 0, "later_value"), "9000.0");
    CHECK_STR(cell(r, 1, 0, "earlier_date"), "2023-11-04");
    fl_result_free(r);
    q.category = "injured";
    r = fl_store_query(s, &q);
    CHECK_INT(fl_result_row_count(r, 0), 0); /* open upper bound: no conflict */
    fl_result_free(r);

    r = ask(s, FL_QUERY_SEARCH, "Blinken spoke");
    CHECK_INT(fl_result_row_count(r, 0), 1);
    CHECK(strstr(cell(r, 0, 0, "snippet"), "**Blinken** **spoke**") != NULL);
    CHECK_INT(fl_result_row_count(r, 1), 0);
    fl_result_free(r);
    r = ask(s, FL_QUERY_SEARCH, "\"ready\"");
    CHECK_INT(fl_result_row_count(r, 1), 1); /* the quote */
    fl_result_free(r);

    /* Hostile search syntax: results or a clear message, never an SQL error. */
    static const char *const hostile[] = {"\"unbalanced", "NEAR(", "*", "a AND", "OR OR", "col:x", "\"\"",
                                          "'; DROP TABLE articles; --", "^x", "(((", "x*y*", "-", "NOT",
                                          "\xff\xfe bad bytes", ""};
    for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
        r = ask(s, FL_QUERY_SEARCH, hostile[i]);
        if (!r) {
            CHECK(strstr(fl_store_error(s), "nothing to search for") != NULL);
        } else {
            CHECK(fl_result_section_count(r) == 2);
        }
        fl_result_free(r);
    }
    char longq[20000];
    memset(longq, 'a', sizeof longq - 1);
    longq[sizeof longq - 1] = '\0';
    for (size_t i = 5; i < sizeof longq - 1; i += 7)
        longq[i] = ' ';
    r = ask(s, FL_QUERY_SEARCH, longq);
    CHECK(r != NULL);
    fl_result_free(r);

    r = ask(s, FL_QUERY_ARTICLE, "1");
    CHECK_STR(cell(r, 0, 0, "date"), "2023-11-04");
    CHECK_INT(fl_result_row_count(r, 1), 2); /* mentions */
    CHECK_STR(cell(r, 5, 0, "value"), "2023-11-01");
    fl_result_free(r);
    CHECK(ask(s, FL_QUERY_ARTICLE, "999") == NULL);
    CHECK(strstr(fl_store_error(s), "no article") != NULL);
    CHECK_INT(fl_store_query_status(s), FL_ERR_NOT_FOUND);
    CHECK(ask(s, FL_QUERY_SEARCH, "?!") == NULL);
    CHECK_INT(fl_store_query_status(s), FL_ERR_USAGE);
    r = ask(s, FL_QUERY_SEARCH, "spoke");
    CHECK_INT(fl_store_query_status(s), FL_OK);
    fl_result_free(r);
    fl_store_close(s);
    if (pg) {
        pg_cases(&pgt);
        pg_race(&pgt);
        pg_open_race(&pgt);
        pg_test_end(&pgt);
        return check_report("store (PostgreSQL)");
    }

    /* A full disk: committed articles stay, the failing batch is rolled back
     * with a clear error. max_page_count stands in for the disk. */
    s = fl_store_open(file, 0, &err);
    fl_store_set_batch(s, 1000);
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA max_page_count=%d", 1);
    sqlite3_stmt *st;
    sqlite3_prepare_v2(s->db, "PRAGMA page_count", -1, &st, NULL);
    sqlite3_step(st);
    int pages = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    snprintf(sql, sizeof sql, "PRAGMA max_page_count=%d", pages + 2);
    fl_store_exec(s, sql);
    char big[6000];
    memset(big, 'w', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    for (size_t i = 9; i < sizeof big - 1; i += 10)
        big[i] = ' ';
    fl_status full = FL_OK;
    for (int i = 0; i < 50 && full == FL_OK; i++) {
        char date[11];
        snprintf(date, sizeof date, "2024-01-%02d", i % 28 + 1);
        char json[7000];
        snprintf(json, sizeof json, "{\"date\":\"%s\",\"headline\":\"n%d\",\"text\":\"%d %s\"}", date, i, i, big);
        full = fl_store_add(s, json, strlen(json), &added);
        if (full == FL_OK)
            full = fl_store_commit(s);
    }
    CHECK_INT(full, FL_ERR_IO);
    CHECK(strstr(fl_store_error(s), "full") != NULL);
    CHECK(fl_store_article_count(s) >= 6);
    fl_store_close(s);
    s = fl_store_open(file, FL_STORE_READONLY, &err);
    CHECK(s != NULL && fl_store_article_count(s) >= 6);
    fl_store_close(s);
    unlink(file);

    /* Migration from schema version 1: data written by version 1 survives and
     * gains the version 2 columns and the quote index. */
    s = fl_store_open_version(file, 0, 1, &err);
    CHECK(s != NULL);
    CHECK_INT(fl_store_db_version(s), 1);
    CHECK(fl_store_exec(s, "INSERT INTO articles(hash, date, headline, text) VALUES('h1', '2023-11-04', 'H', 'T');"
                           "INSERT INTO figures(article_id, value, category, subject, source, date, place)"
                           " VALUES(1, 9200, 'killed', 'Palestinians', 'Health Ministry in Gaza', '2023-11-04', 'Gaza');"
                           "INSERT INTO quotes(article_id, text, speaker) VALUES(1, 'We are ready', 'Blinken');"));
    fl_store_close(s);
    s = fl_store_open(file, 0, &err);
    CHECK(s != NULL);
    CHECK_INT(fl_store_db_version(s), fl_store_schema_version());
    sqlite3_prepare_v2(s->db, "SELECT subject_key, place_key, source_key FROM figures", -1, &st, NULL);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    CHECK_STR((const char *)sqlite3_column_text(st, 0), "palestinians");
    CHECK_STR((const char *)sqlite3_column_text(st, 1), "gaza");
    CHECK_STR((const char *)sqlite3_column_text(st, 2), "gaza health ministry");
    sqlite3_finalize(st);
    r = ask(s, FL_QUERY_SEARCH, "ready");
    CHECK_INT(fl_result_row_count(r, 1), 1);
    fl_result_free(r);
    fl_store_close(s);

    test_migration_from_v3(file);
    test_memo_and_merges(file);
    test_memo_one_writer(file);

    /* A file that is not a database. */
    FILE *f = fopen(file, "wb");
    fputs("this is not a database, just text that is long enough to have a header.....................", f);
    fclose(f);
    s = fl_store_open(file, 0, &err);
    CHECK(s == NULL);
    CHECK(err && strstr(err, "not a database") != NULL);
    free(err);
    unlink(file);
    char wal[512];
    snprintf(wal, sizeof wal, "%s-wal", file);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", file);
    unlink(wal);
    return check_report("store");
}
