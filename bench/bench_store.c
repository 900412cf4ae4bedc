/*
 * bench_store.c DB [RUNS [SAMPLE_DB]] — latency of every question on a
 * database: each question is asked RUNS times (default 50) with varied
 * arguments taken from the database itself, and p50/p95/max in milliseconds
 * are printed as key=value lines for bench/store.sh. Search is asked as one
 * mix (`search`, the same 16 searches as every earlier figure) and then by
 * class, because their costs differ by orders of magnitude: common words,
 * rare words, names, several words, "phrases" and prefix* words, each
 * without filters, with a month of dates (the newest, the median and the
 * oldest month of the database in turn: an old month is the slow case when
 * the newest articles are read first) and with an entity. DB may be a
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

static void report(const char *name, double *ms, int runs, int errors)
{
    qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
    printf("question=%s runs=%d errors=%d p50_ms=%.2f p95_ms=%.2f max_ms=%.2f\n", name, runs, errors,
           ms[runs / 2], ms[(runs * 95) / 100 < runs ? (runs * 95) / 100 : runs - 1], ms[runs - 1]);
    free(ms);
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
    report(name, ms, runs, errors);
}

/* Search classes: what people type, by what it costs to answer. */
#define CLASS_TERMS 8
typedef struct search_class {
    const char *name;
    const char *terms[CLASS_TERMS];
} search_class;

static const search_class search_classes[] = {
    {"common", {"said", "Gaza", "Israel", "bank", "prices", "Hamas", "trade", "government"}},
    {"rare", {"cocoa", "zinc", "tapioca", "kibbutz", "Yemen", "UNRWA", "coffee", "OPEC"}},
    {"names",
     {"Netanyahu", "Blinken", "Antony Blinken", "Yahya Sinwar", "Paul Volcker", "Benjamin Netanyahu", "Bundesbank",
      "James Baker"}},
    {"words",
     {"hostages released", "oil prices", "interest rates", "air strikes", "aid trucks", "humanitarian pause",
      "trade deficit", "ceasefire negotiations"}},
    {"phrases",
     {"\"humanitarian pause\"", "\"West Bank\"", "\"Health Ministry\"", "\"interest rates\"", "\"trade deficit\"",
      "\"air strikes\"", "\"oil prices\"", "\"said on Monday\""}},
    {"prefix", {"negotiat*", "hostage*", "bank*", "Palestin*", "export*", "humanitar*", "inflat*", "evacuat*"}},
};

/* A month of dates: [from, to] as YYYY-MM-01 and YYYY-MM-31 (dates are
 * compared as text). */
typedef struct month {
    char from[16], to[16];
} month;

static void month_of(const char *date, month *m)
{
    snprintf(m->from, sizeof m->from, "%.7s-01", date);
    snprintf(m->to, sizeof m->to, "%.7s-31", date);
}

/* Each class without filters, with a month (newest, median, oldest in
 * turn) and with an entity (names[] in turn). */
static void run_search_classes(fl_store *s, int runs, const month *months, size_t nmonths, char names[][128],
                               size_t nnames)
{
    static const char *const filters[] = {"", "+dates", "+entity"};
    for (size_t c = 0; c < sizeof search_classes / sizeof search_classes[0]; c++) {
        for (size_t f = 0; f < 3; f++) {
            if ((f == 1 && !nmonths) || (f == 2 && !nnames))
                continue;
            double *ms = calloc((size_t)runs, sizeof *ms);
            int errors = 0;
            for (int i = 0; i < runs; i++) {
                fl_query q;
                memset(&q, 0, sizeof q);
                q.kind = FL_QUERY_SEARCH;
                q.text = search_classes[c].terms[(size_t)i % CLASS_TERMS];
                size_t turn = (size_t)i / CLASS_TERMS;
                if (f == 1) {
                    q.from = months[turn % nmonths].from;
                    q.to = months[turn % nmonths].to;
                } else if (f == 2) {
                    q.entity = names[(turn + (size_t)i) % nnames];
                }
                double t0 = now_ms();
                fl_result *r = fl_store_query(s, &q);
                ms[i] = now_ms() - t0;
                if (!r)
                    errors++;
                fl_result_free(r);
            }
            char name[64];
            snprintf(name, sizeof name, "search/%s%s", search_classes[c].name, filters[f]);
            report(name, ms, runs, errors);
        }
    }
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
    static char dates[3][128];
    month months[3];
    size_t nm = sample(sample_db, "SELECT max(date) FROM articles", dates, 1);
    nm += sample(sample_db, "SELECT date FROM articles ORDER BY date LIMIT 1 OFFSET (SELECT count(*) / 2 FROM articles)",
                 dates + nm, 1);
    nm += sample(sample_db, "SELECT min(date) FROM articles", dates + nm, 1);
    for (size_t i = 0; i < nm; i++)
        month_of(dates[i], &months[i]);
    run_search_classes(s, runs, months, nm, names, nn < 8 ? nn : 8);
    printf("articles=%lld\n", fl_store_article_count(s));
    fl_store_close(s);
    return 0;
}
