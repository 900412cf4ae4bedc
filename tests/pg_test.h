/*
 * pg_test.h — a PostgreSQL database for a test: $FACTLINE_TEST_PG (a
 * postgresql:// URL of a throwaway database) and a schema of the test's own,
 * created at the start and dropped at the end, so tests can share a database
 * and run at once. Without FACTLINE_TEST_PG the test is skipped (77) with a
 * message — or fails, if FACTLINE_REQUIRE_PG=1 (CI must not skip it).
 */
#ifndef FL_TESTS_PG_TEST_H
#define FL_TESTS_PG_TEST_H

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct pg_test {
    PGconn *admin;
    char schema[64];
    char url[2048]; /* the database URL with search_path set to the schema */
    char value[4096];
} pg_test;

static inline int pg_test_unavailable(const char *test, const char *why)
{
    const char *req = getenv("FACTLINE_REQUIRE_PG");
    int required = req && !strcmp(req, "1");
    fprintf(stderr, "%s: %s: %s\n", test, required ? "FAILED (FACTLINE_REQUIRE_PG=1)" : "skipped", why);
    return required ? 1 : 77;
}

/* 0 when ready; else the exit code for main (77 skipped, 1 failed). */
static inline int pg_test_begin(pg_test *t, const char *test)
{
    memset(t, 0, sizeof *t);
    const char *base = getenv("FACTLINE_TEST_PG");
    if (!base || !*base)
        return pg_test_unavailable(test, "FACTLINE_TEST_PG is not set (a postgresql:// URL of a throwaway database)");
    t->admin = PQconnectdb(base);
    if (PQstatus(t->admin) != CONNECTION_OK) {
        char why[1024];
        snprintf(why, sizeof why, "cannot connect to FACTLINE_TEST_PG: %s", PQerrorMessage(t->admin));
        PQfinish(t->admin);
        t->admin = NULL;
        return pg_test_unavailable(test, why);
    }
    snprintf(t->schema, sizeof t->schema, "fl_test_%s_%ld_%ld", test, (long)getpid(), (long)time(NULL));
    char sql[256];
    snprintf(sql, sizeof sql, "SET client_min_messages = warning; CREATE SCHEMA %s; SET search_path = %s", t->schema,
             t->schema);
    PGresult *res = PQexec(t->admin, sql);
    int ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    PQclear(res);
    if (!ok)
        return pg_test_unavailable(test, PQerrorMessage(t->admin));
    snprintf(t->url, sizeof t->url, "%s%soptions=-csearch_path%%3D%s", base, strchr(base, '?') ? "&" : "?", t->schema);
    return 0;
}

/* Runs SQL in the test's schema; the first value of the result ("" if none). */
static inline const char *pg_test_value(pg_test *t, const char *sql)
{
    PGresult *res = PQexec(t->admin, sql);
    t->value[0] = '\0';
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) > 0)
        snprintf(t->value, sizeof t->value, "%s", PQgetvalue(res, 0, 0));
    else if (PQresultStatus(res) != PGRES_TUPLES_OK && PQresultStatus(res) != PGRES_COMMAND_OK)
        fprintf(stderr, "pg_test: %s: %s", sql, PQerrorMessage(t->admin));
    PQclear(res);
    return t->value;
}

static inline void pg_test_end(pg_test *t)
{
    if (!t->admin)
        return;
    char sql[128];
    snprintf(sql, sizeof sql, "DROP SCHEMA %s CASCADE", t->schema);
    PQclear(PQexec(t->admin, sql));
    PQfinish(t->admin);
    t->admin = NULL;
}

#endif
