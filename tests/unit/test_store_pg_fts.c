/*
 * test_store_pg_fts.c — the search column the writer computes (pg_fts.c)
 * on the edge cases of PostgreSQL's parser and limits: words of 2,046,
 * 2,047 and 2,048 bytes (to_tsvector skips a word of MAXSTRLEN = 2,047
 * bytes or more, and a literal refuses one), runs the default parser
 * splits as scientific notation ("3e8a9f" is '3e8' and 'a9f'), and two
 * fl_pg_fts objects used at once by two threads. For each text the
 * writer's literal, when it gives one, equals the server's expression;
 * the articles are stored (the batch must not fail), every stored column
 * equals the expression, and a search finds "3e8a9f" as SQLite does.
 *
 * Needs FACTLINE_TEST_PG (tests/pg_test.h).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "factline.h"
#include "pg_test.h"
#include "store/pg_internal.h"
#include "store/store_internal.h"

#define ARTICLE_FTS(h, t) FL_PG_ARTICLE_FTS(h, t)
#define QUOTE_FTS(t) FL_PG_QUOTE_FTS(t)

static char *repeat(char c, size_t n, const char *before, const char *after)
{
    size_t a = strlen(before), b = strlen(after);
    char *s = malloc(a + n + b + 1);
    memcpy(s, before, a);
    memset(s + a, c, n);
    memcpy(s + a + n, after, b + 1);
    return s;
}

/* The writer's literal for (headline, text) against the server's value;
 * returns 1 if the writer gave one. */
static int same_as_server(PGconn *c, fl_pg_fts *f, const char *h, const char *t)
{
    size_t len;
    const char *mine = fl_pg_fts_literal(f, h, h ? strlen(h) : 0, t, strlen(t), &len);
    if (!mine)
        return 0;
    const char *p[] = {h, t};
    PGresult *r = h ? PQexecParams(c, "SELECT (" ARTICLE_FTS("$1::text", "$2::text") ")::text", 2, NULL, p, NULL, NULL, 0)
                    : PQexecParams(c, "SELECT (" QUOTE_FTS("$1::text") ")::text", 1, NULL, p + 1, NULL, NULL, 0);
    CHECK(PQresultStatus(r) == PGRES_TUPLES_OK);
    if (PQresultStatus(r) == PGRES_TUPLES_OK && strcmp(mine, PQgetvalue(r, 0, 0))) {
        CHECK(0);
        fprintf(stderr, "pg_fts: writer %.200s\n        server %.200s\n", mine, PQgetvalue(r, 0, 0));
    }
    PQclear(r);
    return 1;
}

/* Two threads, each with its own fl_pg_fts, on texts of different words:
 * each literal equals the one computed alone. */
static const char *thread_text[2];
static char *thread_expect[2];
static int thread_wrong[2];
static void *thread_run(void *arg)
{
    long k = (long)arg;
    fl_pg_fts *f = fl_pg_fts_new();
    for (int i = 0; i < 40; i++) {
        size_t len;
        const char *v = fl_pg_fts_literal(f, NULL, 0, thread_text[k], strlen(thread_text[k]), &len);
        thread_wrong[k] += !v || strcmp(v, thread_expect[k]);
    }
    fl_pg_fts_free(f);
    return NULL;
}

static void check_threads(void)
{
    static char text[2][60000];
    unsigned seed = 7;
    for (int k = 0; k < 2; k++) {
        size_t j = 0;
        while (j < sizeof text[k] - 10) {
            int wl = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 7;
            for (int c = 0; c < wl; c++)
                text[k][j++] = (char)('a' + k * 13 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 13);
            text[k][j++] = ' ';
        }
        text[k][j] = 0;
        thread_text[k] = text[k];
        fl_pg_fts *f = fl_pg_fts_new();
        size_t len;
        const char *v = fl_pg_fts_literal(f, NULL, 0, text[k], strlen(text[k]), &len);
        CHECK(v != NULL);
        thread_expect[k] = strdup(v ? v : "");
        fl_pg_fts_free(f);
    }
    pthread_t t[2];
    for (long k = 0; k < 2; k++)
        pthread_create(&t[k], NULL, thread_run, (void *)k);
    for (int k = 0; k < 2; k++)
        pthread_join(t[k], NULL);
    fprintf(stderr, "pg_fts: two threads: %d and %d of 40 literals wrong\n", thread_wrong[0], thread_wrong[1]);
    CHECK_INT(thread_wrong[0] + thread_wrong[1], 0);
    free(thread_expect[0]);
    free(thread_expect[1]);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int scalar_is(PGconn *c, const char *sql, const char *want)
{
    PGresult *r = PQexec(c, sql);
    int ok = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 && !strcmp(PQgetvalue(r, 0, 0), want);
    if (!ok)
        fprintf(stderr, "pg_fts: %s: %s (want %s)\n", sql,
                PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) ? PQgetvalue(r, 0, 0) : PQerrorMessage(c), want);
    PQclear(r);
    return ok;
}

/* A database whose search columns are still generated (an older writer's),
 * and a reader holding a transaction on articles: a writer opening it
 * does not wait for the reader (lock_timeout), leaves the columns
 * generated and stores articles and quotes without sending the column;
 * once the reader is gone, the next open converts them. */
static void check_held_reader(PGconn *c, const char *url)
{
    PQclear(PQexec(c, "DROP FUNCTION fl_articles_fts() CASCADE; DROP FUNCTION fl_quotes_fts() CASCADE;"
                      "ALTER TABLE articles DROP COLUMN fts; ALTER TABLE quotes DROP COLUMN fts;"
                      "ALTER TABLE articles ADD COLUMN fts tsvector GENERATED ALWAYS AS (" ARTICLE_FTS("headline", "text")
                      ") STORED;"
                      "ALTER TABLE quotes ADD COLUMN fts tsvector GENERATED ALWAYS AS (" QUOTE_FTS("text") ") STORED"));
    CHECK(scalar_is(c, "SELECT count(*) FROM pg_attribute WHERE attname = 'fts' AND attgenerated = 's'"
                       " AND attrelid IN ('articles'::regclass, 'quotes'::regclass)", "2"));
    PGconn *reader = PQconnectdb(url);
    /* without the lock timeout the writer would wait for this reader: it
     * gives up after 15 s, so the test ends either way */
    PQclear(PQexec(reader, "SET idle_in_transaction_session_timeout = '15s'"));
    PQclear(PQexec(reader, "BEGIN"));
    CHECK(scalar_is(reader, "SELECT count(*) > 0 FROM articles", "t"));
    double t0 = now();
    char *err = NULL;
    fl_store *s = fl_store_open(url, 0, &err);
    double waited = now() - t0;
    fprintf(stderr, "pg_fts: a writer opened beside a held reader in %.1f s\n", waited);
    CHECK(s != NULL);
    CHECK(waited < 10);
    if (s) {
        const char *json = "{\"id\":\"held\",\"date\":\"2023-12-07\",\"headline\":\"Held reader\","
                           "\"text\":\"the reader held not yet\","
                           "\"quotes\":[{\"text\":\"not yet\",\"start\":16,\"end\":23,\"speaker\":\"Regev\"}]}";
        int added = 0;
        CHECK_INT(fl_store_add(s, json, strlen(json), &added), FL_OK);
        fl_status cs = fl_store_commit(s);
        CHECK_INT(cs, FL_OK);
        if (cs != FL_OK)
            fprintf(stderr, "pg_fts: commit beside the reader: %s\n", fl_store_error(s));
        fl_store_close(s);
    } else {
        fprintf(stderr, "pg_fts: %s\n", err ? err : "");
        free(err);
    }
    PQclear(PQexec(reader, "COMMIT"));
    PQfinish(reader);
    CHECK(scalar_is(c, "SELECT count(*) FROM pg_attribute WHERE attname = 'fts' AND attgenerated = 's'"
                       " AND attrelid IN ('articles'::regclass, 'quotes'::regclass)", "2"));
    s = fl_store_open(url, 0, &err);
    CHECK(s != NULL);
    if (s) {
        const char *json = "{\"id\":\"after\",\"date\":\"2023-12-08\",\"headline\":\"After\","
                           "\"text\":\"the reader gone\","
                           "\"quotes\":[{\"text\":\"gone\",\"start\":11,\"end\":15,\"speaker\":\"Regev\"}]}";
        int added = 0;
        CHECK_INT(fl_store_add(s, json, strlen(json), &added), FL_OK);
        CHECK_INT(fl_store_commit(s), FL_OK);
        fl_store_close(s);
    }
    CHECK(scalar_is(c, "SELECT count(*) FROM pg_attribute WHERE attname = 'fts' AND attgenerated = 's'"
                       " AND attrelid IN ('articles'::regclass, 'quotes'::regclass)", "0"));
    CHECK(scalar_is(c, "SELECT count(*) FILTER (WHERE fts IS NULL OR fts::text <> (" QUOTE_FTS("text") ")::text)"
                       " FROM quotes", "0"));
    CHECK(scalar_is(c, "SELECT count(*) FROM quotes", "2"));
    CHECK(scalar_is(c, "SELECT count(*) FILTER (WHERE fts::text <> (" ARTICLE_FTS("headline", "text") ")::text)"
                       " FROM articles", "0"));
}

int main(void)
{
    check_threads();
    pg_test pgt;
    int st = pg_test_begin(&pgt, "pg_fts");
    if (st)
        return st ? st : check_report("pg fts");
    PGconn *c = PQconnectdb(pgt.url);
    CHECK(PQstatus(c) == CONNECTION_OK);
    PQclear(PQexec(c, "SET client_min_messages = warning")); /* "word is too long to be indexed" */

    char *w2046 = repeat('a', 2046, "before ", " after"), *w2047 = repeat('b', 2047, "before ", " after"),
         *w2048 = repeat('c', 2048, "before ", " after"), *w2047only = repeat('d', 2047, "", "");
    /* Runs the default parser splits (scientific notation: digits, e,
     * digits, then a letter), and near misses it does not. */
    static const char *const split[] = {"code 3e8a9f found", "1e5c", "Code 3E8A9F", "x 12e345abc y 1e5 z", "2e3e4"};
    static const char *const whole[] = {"1e5 and 3e8", "1ex 1e 1e5 e5a a1e5c 12abc abc12 0x1f 3 14 v1 2 3",
                                        "ok 1000e10 1e10"};
    fl_pg_fts *f = fl_pg_fts_new();
    const char *const lengths[] = {w2046, w2047, w2048, w2047only};
    for (size_t i = 0; i < 4; i++) {
        CHECK(same_as_server(c, f, NULL, lengths[i]));
        CHECK(same_as_server(c, f, "Head", lengths[i]));
        CHECK(same_as_server(c, f, lengths[i], "body"));
    }
    for (size_t i = 0; i < sizeof split / sizeof split[0]; i++) {
        CHECK(!same_as_server(c, f, NULL, split[i])); /* not sure: the server computes it */
        CHECK(!same_as_server(c, f, "H", split[i]));
        CHECK(!same_as_server(c, f, split[i], "body"));
    }
    for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++) {
        CHECK(same_as_server(c, f, NULL, whole[i]));
        CHECK(same_as_server(c, f, "H", whole[i]));
    }
    fl_pg_fts_free(f);

    /* Stored: the batch with the long words commits, every column is the
     * expression's, and the search finds the split word. */
    char *err = NULL;
    fl_store *s = fl_store_open(pgt.url, 0, &err);
    CHECK(s != NULL);
    if (s) {
        const char *texts[] = {w2046, w2047, w2048, w2047only, split[0], whole[1], split[3]};
        for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
            size_t n = strlen(texts[i]) + 200;
            char *json = malloc(n);
            snprintf(json, n, "{\"id\":\"a%zu\",\"date\":\"2023-12-06\",\"headline\":\"%s\",\"text\":\"%s\"}", i,
                     i == 4 ? "Code 3e8a9f" : "Headline", texts[i]);
            int added = 0;
            CHECK_INT(fl_store_add(s, json, strlen(json), &added), FL_OK);
            CHECK_INT(added, 1);
            free(json);
        }
        fl_status cs = fl_store_commit(s);
        CHECK_INT(cs, FL_OK);
        if (cs != FL_OK)
            fprintf(stderr, "pg_fts: commit: %s\n", fl_store_error(s));
        CHECK_INT(fl_store_article_count(s), 7);
        PGresult *r = PQexec(c, "SELECT count(*), count(*) FILTER (WHERE fts::text = (" ARTICLE_FTS("headline", "text")
                                ")::text) FROM articles");
        CHECK(PQresultStatus(r) == PGRES_TUPLES_OK);
        if (PQresultStatus(r) == PGRES_TUPLES_OK) {
            fprintf(stderr, "pg_fts: %s of %s stored columns equal the expression\n", PQgetvalue(r, 0, 1),
                    PQgetvalue(r, 0, 0));
            CHECK(!strcmp(PQgetvalue(r, 0, 0), "7") && !strcmp(PQgetvalue(r, 0, 1), "7"));
        }
        PQclear(r);
        fl_query q;
        memset(&q, 0, sizeof q);
        q.kind = FL_QUERY_SEARCH;
        q.text = "3e8a9f";
        q.limit = 10;
        fl_result *res = fl_store_query(s, &q);
        CHECK(res != NULL);
        if (res) {
            fprintf(stderr, "pg_fts: search 3e8a9f: %zu articles\n", fl_result_row_count(res, 0));
            CHECK_INT((int)fl_result_row_count(res, 0), 1);
            fl_result_free(res);
        }
        /* the search's own read transaction is over, its SET LOCAL with it */
        CHECK_INT((int)PQtransactionStatus(s->pg->conn), (int)PQTRANS_IDLE);
        CHECK(scalar_is(s->pg->conn, "SHOW enable_indexscan", "on"));
        fl_store_close(s);
        check_held_reader(c, pgt.url);
    } else {
        fprintf(stderr, "pg_fts: %s\n", err ? err : "");
        free(err);
    }
    free(w2046);
    free(w2047);
    free(w2048);
    free(w2047only);
    PQfinish(c);
    pg_test_end(&pgt);
    return check_report("pg fts");
}
