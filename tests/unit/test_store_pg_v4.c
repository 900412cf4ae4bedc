/*
 * test_store_pg_v4.c — PostgreSQL's schema 4: a database written at schema 3
 * migrates to 4 on a writing open (a read-only open asks for that first) and
 * answers every question as before; and schema 4's one change of meaning,
 * that a quote or claim of the article in which a full name adopts a bare
 * surname links to the full name, holds on PostgreSQL exactly as on SQLite,
 * within one article and across the articles of one batch.
 *
 * Needs $FACTLINE_TEST_PG (a postgresql:// URL of a throwaway database);
 * skipped without it unless FACTLINE_REQUIRE_PG=1.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "factline.h"
#include "pg_test.h"
#include "store/pg_internal.h"
#include "util/buffer.h"

static int add(fl_store *s, const char *date, const char *text, const char *facts)
{
    char json[4096];
    snprintf(json, sizeof json, "{\"date\":\"%s\",\"headline\":\"H %s\",\"text\":\"%s\",%s}", date, text, text, facts);
    int added = -1;
    if (fl_store_add(s, json, strlen(json), &added) != FL_OK) {
        fprintf(stderr, "add failed: %s\n", fl_store_error(s));
        return -1;
    }
    return added;
}

/* A question's whole answer as JSON (caller frees), or NULL. */
static char *answer(fl_store *s, fl_query_kind kind, const char *text)
{
    fl_query q;
    memset(&q, 0, sizeof q);
    q.kind = kind;
    q.text = text;
    fl_result *r = fl_store_query(s, &q);
    if (!r) {
        fprintf(stderr, "question failed: %s\n", fl_store_error(s));
        return NULL;
    }
    fl_buffer b;
    fl_buffer_init(&b);
    fl_result_write_json(r, &b);
    fl_result_free(r);
    char *out = strdup(b.data ? b.data : "");
    fl_buffer_release(&b);
    return out;
}

/* The articles both sections below store: "Regev" is a bare surname until
 * "Mark Regev" adopts it. The first article does that inside itself (its
 * quote and claim name the bare entity, index 0); in the second batch the
 * bare surname's article comes before the adopting one. */
static const char *const regev_quote =
    "\"entities\":[{\"name\":\"Regev\",\"type\":\"PER\",\"mentions\":[[0,5]]},"
    "{\"name\":\"Mark Regev\",\"type\":\"PER\",\"mentions\":[[10,20]]}],"
    "\"quotes\":[{\"text\":\"not yet\",\"start\":0,\"end\":5,\"kind\":\"direct\","
    "\"speaker\":{\"name\":\"Regev\",\"start\":0,\"end\":5,\"entity\":0}}],"
    "\"attributions\":[{\"source\":{\"text\":\"Regev\",\"start\":0,\"end\":5,\"entity\":0},"
    "\"cue\":{\"text\":\"met\",\"start\":6,\"end\":9},\"content\":[10,20],\"anonymous\":false}]";
static const char *const levy_bare =
    "\"entities\":[{\"name\":\"Levy\",\"type\":\"PER\",\"mentions\":[[0,4]]}],"
    "\"quotes\":[{\"text\":\"no\",\"start\":0,\"end\":4,\"kind\":\"direct\","
    "\"speaker\":{\"name\":\"Levy\",\"start\":0,\"end\":4,\"entity\":0}}],"
    "\"attributions\":[{\"source\":{\"text\":\"Levy\",\"start\":0,\"end\":4,\"entity\":0},"
    "\"cue\":{\"text\":\"said\",\"start\":5,\"end\":9},\"content\":[0,4],\"anonymous\":false}]";
static const char *const levy_full = "\"entities\":[{\"name\":\"Eylon Levy\",\"type\":\"PER\",\"mentions\":[[0,10]]}]";

static void add_adoptions(fl_store *s)
{
    fl_store_set_batch(s, 10);
    CHECK_INT(add(s, "2024-01-04", "Regev met Mark Regev.", regev_quote), 1);
    CHECK_INT(fl_store_commit(s), FL_OK);
    CHECK_INT(add(s, "2024-01-05", "Levy said no.", levy_bare), 1);
    CHECK_INT(add(s, "2024-01-06", "Eylon Levy spoke.", levy_full), 1);
    CHECK_INT(fl_store_commit(s), FL_OK);
}

/* The adopted surname's quotes and claims are the full name's, on both. */
static void adoption(pg_test *t)
{
    char file[] = "/tmp/factline-test-pg-v4-XXXXXX";
    int fd = mkstemp(file);
    close(fd);
    unlink(file);
    char *err = NULL;
    fl_store *lite = fl_store_open(file, 0, &err), *pg = fl_store_open(t->url, 0, &err);
    CHECK(lite && pg);
    if (!lite || !pg) {
        fprintf(stderr, "open: %s\n", err ? err : "");
        free(err);
        fl_store_close(lite);
        fl_store_close(pg);
        return;
    }
    add_adoptions(lite);
    add_adoptions(pg);
    static const struct {
        fl_query_kind kind;
        const char *text, *want; /* a piece each backend's answer must hold */
    } asks[] = {
        {FL_QUERY_QUOTES, "Mark Regev", "\"speaker\":\"Mark Regev\""},
        {FL_QUERY_ENTITY, "Mark Regev", "\"cue\":\"met\""}, /* the claim */
        {FL_QUERY_ENTITY, "Mark Regev", "\"mentions\":2"},
        {FL_QUERY_QUOTES, "Eylon Levy", "\"speaker\":\"Eylon Levy\""},
        {FL_QUERY_ENTITY, "Eylon Levy", "\"cue\":\"said\""},
        {FL_QUERY_ENTITY, "Levy", "\"name\":\"Eylon Levy\""},
        {FL_QUERY_ARTICLE, "1", "\"entity\":2"},
        {FL_QUERY_ARTICLE, "2", "\"entity\":4"},
    };
    for (size_t i = 0; i < sizeof asks / sizeof asks[0]; i++) {
        char *a = answer(lite, asks[i].kind, asks[i].text), *b = answer(pg, asks[i].kind, asks[i].text);
        CHECK(a && b && !strcmp(a, b));
        CHECK(a && strstr(a, asks[i].want));
        if (a && b && strcmp(a, b))
            fprintf(stderr, "%s:\n  SQLite:     %s\n  PostgreSQL: %s\n", asks[i].text, a, b);
        free(a);
        free(b);
    }
    /* No row points at an entity adoption deleted. */
    CHECK_STR(pg_test_value(t, "SELECT count(*) FROM quotes q WHERE q.speaker_entity_id IS NOT NULL AND NOT EXISTS"
                               " (SELECT 1 FROM entities e WHERE e.id = q.speaker_entity_id)"), "0");
    CHECK_STR(pg_test_value(t, "SELECT count(*) FROM attributions t WHERE t.source_entity_id IS NOT NULL AND NOT EXISTS"
                               " (SELECT 1 FROM entities e WHERE e.id = t.source_entity_id)"), "0");
    fl_store_close(lite);
    fl_store_close(pg);
    unlink(file);
    char extra[64];
    snprintf(extra, sizeof extra, "%s-wal", file);
    unlink(extra);
    snprintf(extra, sizeof extra, "%s-shm", file);
    unlink(extra);
}

/* A schema 3 database, written by schema 3's writer, migrates to 4 and
 * answers as it did. */
static void migration(pg_test *t)
{
    char sql[256], url[2200];
    snprintf(sql, sizeof sql, "CREATE SCHEMA %s_v3", t->schema);
    pg_test_value(t, sql);
    snprintf(url, sizeof url, "%s_v3", t->url);
    char *err = NULL;
    fl_store *s = fl_pg_open(url, 0, 3, &err);
    CHECK(s != NULL);
    if (!s) {
        fprintf(stderr, "open at 3: %s\n", err ? err : "");
        free(err);
        return;
    }
    CHECK_INT(fl_store_db_version(s), 3);
    fl_store_set_batch(s, 10);
    CHECK_INT(add(s, "2024-01-04", "Regev met Mark Regev.", regev_quote), 1);
    CHECK_INT(add(s, "2024-01-05", "Levy said no.", levy_bare), 1);
    CHECK_INT(add(s, "2024-01-06", "Eylon Levy spoke.", levy_full), 1);
    CHECK_INT(add(s, "2024-01-07", "Mark Regev said yes.",
                  "\"entities\":[{\"name\":\"Mark Regev\",\"type\":\"PER\",\"mentions\":[[0,10]]}],"
                  "\"attributions\":[{\"source\":{\"text\":\"Mark Regev\",\"start\":0,\"end\":10,\"entity\":0},"
                  "\"cue\":{\"text\":\"said\",\"start\":11,\"end\":15},\"content\":[16,19],\"anonymous\":false}]"),
              1);
    CHECK_INT(fl_store_commit(s), FL_OK);
    static const struct {
        fl_query_kind kind;
        const char *text;
    } asks[] = {{FL_QUERY_ENTITY, "Mark Regev"}, {FL_QUERY_ENTITY, "Eylon Levy"}, {FL_QUERY_QUOTES, "Mark Regev"},
                {FL_QUERY_QUOTES, "Levy"},       {FL_QUERY_ARTICLE, "1"},         {FL_QUERY_ARTICLE, "4"}};
    enum { N = sizeof asks / sizeof asks[0] };
    char *before[N];
    for (size_t i = 0; i < N; i++)
        before[i] = answer(s, asks[i].kind, asks[i].text);
    fl_store_close(s);
    snprintf(sql, sizeof sql, "SELECT string_agg(version::text, ',' ORDER BY version) FROM %s_v3.schema_version",
             t->schema);
    CHECK_STR(pg_test_value(t, sql), "3");
    /* A reader does not migrate: it says how. */
    s = fl_store_open(url, FL_STORE_READONLY, &err);
    CHECK(s == NULL);
    CHECK(err && strstr(err, "needs migrating") != NULL);
    free(err);
    err = NULL;
    s = fl_store_open(url, 0, &err);
    CHECK(s != NULL);
    if (s) {
        CHECK_INT(fl_store_db_version(s), fl_store_answer_version()); /* PostgreSQL is numbered by answers */
        for (size_t i = 0; i < N; i++) {
            char *after = answer(s, asks[i].kind, asks[i].text);
            CHECK(before[i] && after && !strcmp(before[i], after));
            if (before[i] && after && strcmp(before[i], after))
                fprintf(stderr, "%s:\n  at 3: %s\n  at 4: %s\n", asks[i].text, before[i], after);
            free(after);
        }
        fl_store_close(s);
    } else {
        fprintf(stderr, "migrate: %s\n", err ? err : "");
        free(err);
    }
    for (size_t i = 0; i < N; i++)
        free(before[i]);
    CHECK_STR(pg_test_value(t, sql), "3,4");
    snprintf(sql, sizeof sql,
             "SELECT indexdef FROM pg_indexes WHERE schemaname = '%s_v3' AND indexname = 'attributions_source_date'",
             t->schema);
    CHECK(strstr(pg_test_value(t, sql), "WHERE (source_entity_id IS NOT NULL)") != NULL);
    snprintf(sql, sizeof sql, "DROP SCHEMA %s_v3 CASCADE", t->schema);
    pg_test_value(t, sql);
}

int main(void)
{
    pg_test pgt;
    int st = pg_test_begin(&pgt, "pg_v4");
    if (st)
        return st;
    adoption(&pgt);
    migration(&pgt);
    pg_test_end(&pgt);
    return check_report("store (PostgreSQL schema 4)");
}
