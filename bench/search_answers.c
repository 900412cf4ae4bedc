/*
 * search_answers.c DB QUERIES [REPEAT] — prints every answer of a list of searches,
 * so that two builds can be compared answer for answer (`cmp` of the two
 * outputs): each line of QUERIES is `text<TAB>from<TAB>to<TAB>entity<TAB>
 * source<TAB>offset<TAB>limit` (empty fields mean none). For each, the
 * search's every section and cell, then its totals (FL_QUERY_SEARCH_TOTAL)
 * asked on a second connection, so that they are counted rather than
 * recalled, and the milliseconds of both (the least of REPEAT askings,
 * default 1, on stderr: the machine is shared). Not a test: a tool for changes to
 * search (docs/store.md says how it was used).
 */
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

static void print_result(const fl_result *r)
{
    for (size_t sec = 0; sec < fl_result_section_count(r); sec++) {
        printf("  [%s] %zu rows\n", fl_result_section_name(r, sec), fl_result_row_count(r, sec));
        for (size_t row = 0; row < fl_result_row_count(r, sec); row++) {
            printf("   ");
            for (size_t c = 0; c < fl_result_column_count(r, sec); c++) {
                const char *v = fl_result_cell(r, sec, row, c);
                printf(" %s=%s", fl_result_column_name(r, sec, c), v ? v : "NULL");
            }
            printf("\n");
        }
    }
}

static const char *field(char **p)
{
    char *start = *p;
    char *tab = strchr(start, '\t');
    if (tab) {
        *tab = '\0';
        *p = tab + 1;
    } else {
        *p = start + strlen(start);
    }
    return *start ? start : NULL;
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) {
        fprintf(stderr, "usage: search_answers DB QUERIES [REPEAT]\n");
        return 2;
    }
    char *err = NULL;
    fl_store *s = fl_store_open(argv[1], FL_STORE_READONLY, &err);
    fl_store *counter = s ? fl_store_open(argv[1], FL_STORE_READONLY, &err) : NULL;
    if (!counter) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    FILE *in = fopen(argv[2], "r");
    if (!in) {
        perror(argv[2]);
        return 2;
    }
    int repeat = argc > 3 ? atoi(argv[3]) : 1;
    if (repeat < 1)
        repeat = 1;
    char line[4096];
    int n = 0;
    while (fgets(line, sizeof line, in)) {
        line[strcspn(line, "\n")] = '\0';
        if (!*line || *line == '#')
            continue;
        char *p = line;
        fl_query q;
        memset(&q, 0, sizeof q);
        q.kind = FL_QUERY_SEARCH;
        q.text = field(&p);
        q.from = field(&p);
        q.to = field(&p);
        q.entity = field(&p);
        q.source = field(&p);
        const char *offset = field(&p), *limit = field(&p);
        q.offset = offset ? (unsigned)atoi(offset) : 0;
        q.limit = limit ? (unsigned)atoi(limit) : 0;
        printf("search %d: text=%s from=%s to=%s entity=%s source=%s offset=%u limit=%u\n", ++n,
               q.text ? q.text : "", q.from ? q.from : "", q.to ? q.to : "", q.entity ? q.entity : "",
               q.source ? q.source : "", q.offset, q.limit);
        fl_result *r = NULL;
        double best = 1e300, best_total = 1e300;
        for (int k = 0; k < repeat; k++) {
            fl_result_free(r);
            double t0 = now_ms();
            r = fl_store_query(s, &q);
            double t1 = now_ms();
            best = t1 - t0 < best ? t1 - t0 : best;
        }
        if (r)
            print_result(r);
        else
            printf("  error: %s\n", fl_store_error(s));
        fl_result_free(r);
        q.kind = FL_QUERY_SEARCH_TOTAL;
        r = NULL;
        for (int k = 0; k < repeat; k++) {
            fl_result_free(r);
            double t2 = now_ms();
            r = fl_store_query(counter, &q);
            double t3 = now_ms();
            best_total = t3 - t2 < best_total ? t3 - t2 : best_total;
        }
        if (r)
            print_result(r);
        else
            printf("  error: %s\n", fl_store_error(counter));
        fl_result_free(r);
        fprintf(stderr, "search %d: %.2f ms, total %.2f ms\n", n, best, best_total);
    }
    fclose(in);
    fl_store_close(counter);
    fl_store_close(s);
    return 0;
}
