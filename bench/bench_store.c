/*
 * bench_store.c DB [RUNS [SAMPLE_DB]] — latency of every question on a
 * database: each question is asked RUNS times (default 50) with varied
 * arguments taken from the database itself, and p50/p95/max in milliseconds
 * are printed as key=value lines for bench/store.sh. DB may be a
 * postgresql:// URL; the arguments are then read from SAMPLE_DB, an SQLite
 * database of the same data (bench/pg.sh), so both backends get the same
 * questions. Not a test.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "factline.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Up to n values of one column, from the database, for varied arguments. */
static size_t sample(const char *db, const char *sql, char values[][128], size_t n)
{
    sqlite3 *h;
    sqlite3_stmt *st;
    size_t k = 0;
    if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        return 0;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
        while (k < n && sqlite3_step(st) == SQLITE_ROW) {
            const char *v = (const char *)sqlite3_column_text(st, 0);
            if (v)
                snprintf(values[k++], 128, "%s", v);
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(h);
    return k;
}

static void run(fl_store *s, const char *name, fl_query *q, char values[][128], size_t nvalues, int runs,
                const char **field)
{
    double *ms = calloc((size_t)runs, sizeof *ms);
    int errors = 0;
    for (int i = 0; i < runs; i++) {
        if (nvalues && field)
            *field = values[(size_t)i % nvalues];
        double t0 = now_ms();
        fl_result *r = fl_store_query(s, q);
        ms[i] = now_ms() - t0;
        if (!r)
            errors++;
        fl_result_free(r);
    }
    qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
    printf("question=%s runs=%d errors=%d p50_ms=%.2f p95_ms=%.2f max_ms=%.2f\n", name, runs, errors,
           ms[runs / 2], ms[(runs * 95) / 100 < runs ? (runs * 95) / 100 : runs - 1], ms[runs - 1]);
    free(ms);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_store DB [RUNS [SAMPLE_DB]]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 50;
    if (runs < 1)
        runs = 50;
    char *err = NULL;
    fl_store *s = fl_store_open(argv[1], FL_STORE_READONLY, &err);
    if (!s) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    static char terms[][128] = {"humanitarian pause", "ceasefire", "hostages released", "Rafah", "oil prices",
                                "interest rates", "cocoa", "\"Health Ministry\"", "air strikes", "aid trucks",
                                "negotiations", "West Bank", "Netanyahu", "Blinken", "Hamas", "trade deficit"};
    static char names[64][128], speakers[64][128], categories[16][128];
    const char *sample_db = argc > 3 ? argv[3] : argv[1];
    size_t nn = sample(sample_db, "SELECT name FROM entities WHERE type IN ('PER','ORG','LOC') ORDER BY id LIMIT 64", names, 64);
    size_t ns = sample(sample_db, "SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY count(*) DESC LIMIT 64",
                       speakers, 64);
    size_t nc = sample(sample_db, "SELECT DISTINCT category FROM figures LIMIT 16", categories, 16);
    fl_query q;
    memset(&q, 0, sizeof q);
    q.kind = FL_QUERY_SEARCH;
    run(s, "search", &q, terms, sizeof terms / sizeof terms[0], runs, &q.text);
    memset(&q, 0, sizeof q);
    q.kind = FL_QUERY_ENTITY;
    run(s, "entity", &q, names, nn, runs, &q.text);
    memset(&q, 0, sizeof q);
    q.kind = FL_QUERY_QUOTES;
    run(s, "quotes", &q, speakers, ns, runs, &q.text);
    memset(&q, 0, sizeof q);
    q.kind = FL_QUERY_TIMELINE;
    run(s, "timeline", &q, categories, nc, runs, &q.category);
    memset(&q, 0, sizeof q);
    q.kind = FL_QUERY_DISAGREE;
    run(s, "disagree", &q, categories, nc, runs, &q.category);
    printf("articles=%lld\n", fl_store_article_count(s));
    fl_store_close(s);
    return 0;
}
