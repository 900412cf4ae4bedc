/*
 * test_store_search_scope.c — a filtered search reads only where its
 * filters' articles are (search_window.c), and still finds exactly the
 * newest matches that pass: 24,000 articles whose dates alternate in blocks
 * of 600 (so a month is fifteen rowid ranges apart) but for the newest
 * 6,000, an entity in three blocks, two sources and a rare third one in
 * the oldest 6,000, a quote in every fifth article. A range holding the 18,000 oldest is too wide to be listed
 * article by article and is read through the date blocks. Each search's window
 * of articles (and of quotes) is compared with the one worked out here from
 * how the articles were made, and its totals with FL_QUERY_SEARCH_TOTAL
 * asked on another connection (counted, not recalled). A source is listed
 * from its index (the scope is exactly its articles) when it is rare among
 * the newest articles, and read newest first when it is not.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "factline.h"
#include "store_check.h"
#include "store/lookup.h"

#define ARTICLES 24000
#define BLOCK 600
#define ARTICLE_WINDOW 1000
#define QUOTE_WINDOW 500

static int block_of(int i) { return (i - 1) / BLOCK; }

/* Below block 30, even blocks are in January 2020 and odd block b in the
 * (b / 2)th month after January 2021; from block 30 on, in 2030. */
static void date_of(int i, char out[16])
{
    int b = block_of(i);
    if (b >= 30)
        snprintf(out, 16, "2030-%02d-10", b - 29);
    else if (b % 2 == 0)
        snprintf(out, 16, "2020-01-%02d", 1 + i % 28);
    else
        snprintf(out, 16, "%d-%02d-15", 2021 + b / 24, b / 2 % 12 + 1);
}

static int has_word(int i, const char *word)
{
    if (!strcmp(word, "commo*"))
        word = "common";
    else if (!strcmp(word, "spars*"))
        word = "sparse";
    if (!strcmp(word, "common"))
        return 1;
    if (!strcmp(word, "sparse"))
        return i % 7 == 0;
    if (!strcmp(word, "rare"))
        return i % 500 == 3;
    return 0;
}

static int mentions_quill(int i)
{
    int b = block_of(i);
    return i % 3 == 0 && (b == 0 || b == 5 || b == 8);
}

/* Three articles far apart, not in date order (listed, they are sorted
 * without a bitmap). */
static int mentions_far(int i) { return i == 700 || i == 1300 || i == 23999; }

static const char *source_of(int i) { return i < 6000 && i % 250 == 1 ? "Wire C" : i % 2 ? "Wire B" : "Wire A"; }

static int add_article(fl_store *s, int i)
{
    char date[16], json[2048], text[256];
    date_of(i, date);
    snprintf(text, sizeof text, "common words quoted here. Zed Quill%s%s said so in item %d.",
             i % 7 == 0 ? " sparse" : "", i % 500 == 3 ? " rare" : "", i);
    /* The entity and the quote are the first words ("common words quoted"
     * is bytes [0, 19)); "Zed Quill" is at [26, 35). */
    snprintf(json, sizeof json,
             "{\"id\":\"s%d\",\"date\":\"%s\",\"headline\":\"Item %d\",\"source\":\"%s\",\"text\":\"%s\","
             "\"entities\":[%s],\"quotes\":[%s]}",
             i, date, i, source_of(i), text,
             mentions_quill(i) && i % 2 == 0
                 /* the name of two entities: their articles are listed twice */
                 ? "{\"name\":\"Zed Quill\",\"type\":\"PER\",\"mentions\":[[26,35]]},"
                   "{\"name\":\"Zed Quill\",\"type\":\"ORG\",\"mentions\":[[26,35]]}"
             : mentions_quill(i) ? "{\"name\":\"Zed Quill\",\"type\":\"PER\",\"mentions\":[[26,35]]}"
             : mentions_far(i)   ? "{\"name\":\"Ann Far\",\"type\":\"PER\",\"mentions\":[[26,35]]}"
                                 : "",
             i % 5 == 0 ? "{\"text\":\"common words quoted\",\"start\":0,\"end\":19,\"speaker\":\"Someone\"}" : "");
    int added = -1;
    if (fl_store_add(s, json, strlen(json), &added) != FL_OK) {
        fprintf(stderr, "add failed: %s\n", fl_store_error(s));
        return -1;
    }
    return added;
}

typedef struct filter {
    const char *word, *from, *to, *entity, *source;
} filter;

static int passes(const filter *f, int i)
{
    char date[16];
    date_of(i, date);
    if (f->from && strcmp(date, f->from) < 0)
        return 0;
    if (f->to && strcmp(date, f->to) > 0)
        return 0;
    if (f->source && strcmp(source_of(i), f->source))
        return 0;
    if (f->entity && !(!strcmp(f->entity, "Zed Quill") ? mentions_quill(i)
                       : !strcmp(f->entity, "Ann Far") ? mentions_far(i)
                                                       : 0))
        return 0;
    return has_word(i, f->word);
}

/* Asks the search and checks each section's rows (as sets) and totals
 * against the newest matches that pass. */
static void check_search(fl_store *s, fl_store *counter, const filter *f)
{
    fl_query q;
    memset(&q, 0, sizeof q);
    q.kind = FL_QUERY_SEARCH;
    q.text = f->word;
    q.from = f->from;
    q.to = f->to;
    q.entity = f->entity;
    q.source = f->source;
    q.limit = ARTICLE_WINDOW;
    fl_result *r = fl_store_query(s, &q);
    CHECK(r != NULL);
    if (!r) {
        fprintf(stderr, "search failed: %s\n", fl_store_error(s));
        return;
    }
    static unsigned char seen[2][ARTICLES + 1];
    memset(seen, 0, sizeof seen);
    for (size_t sec = 0; sec < 2; sec++)
        for (size_t row = 0; row < fl_result_row_count(r, sec); row++) {
            int id = atoi(cell(r, sec, row, "article"));
            if (id >= 1 && id <= ARTICLES)
                seen[sec][id]++;
        }
    int want[2] = {0, 0}, more[2] = {0, 0}, wrong = 0;
    for (int i = ARTICLES; i >= 1; i--) {
        int article = passes(f, i);
        /* The quotes section has only the date filters; every fifth
         * article has the quote "common words quoted". */
        filter qf = {"common", f->from, f->to, NULL, NULL};
        int quote = i % 5 == 0 && (!strcmp(f->word, "common") || !strcmp(f->word, "commo*")) && passes(&qf, i);
        int in[2] = {article, quote};
        int windows[2] = {ARTICLE_WINDOW, QUOTE_WINDOW};
        for (int sec = 0; sec < 2; sec++) {
            int expected = in[sec] && want[sec] < windows[sec];
            if (in[sec] && want[sec] == windows[sec])
                more[sec] = 1;
            want[sec] += expected;
            if (seen[sec][i] != expected)
                wrong++;
        }
    }
    if (wrong)
        fprintf(stderr, "search %s from=%s to=%s entity=%s source=%s: %d rows differ\n", f->word,
                f->from ? f->from : "", f->to ? f->to : "", f->entity ? f->entity : "", f->source ? f->source : "",
                wrong);
    CHECK_INT(wrong, 0);
    CHECK_INT((int)fl_result_row_count(r, 0), want[0]);
    fl_result_free(r);
    q.kind = FL_QUERY_SEARCH_TOTAL;
    r = fl_store_query(counter, &q);
    CHECK(r != NULL);
    for (size_t row = 0; r && row < 2; row++) {
        CHECK_INT(atoi(cell(r, 0, row, "rows")), want[row]);
        CHECK_INT(atoi(cell(r, 0, row, "capped")), more[row]);
    }
    fl_result_free(r);
}

/* An article added after the others, numbered n, with "common". */
static int add_late(fl_store *s, int n, const char *date)
{
    char json[512];
    snprintf(json, sizeof json, "{\"id\":\"late%d\",\"date\":\"%s\",\"headline\":\"Late\","
             "\"text\":\"common late item %d\",\"entities\":[]}", n, date, n);
    int added = -1;
    return fl_store_add(s, json, strlen(json), &added) == FL_OK ? added : -1;
}

/* Of a wide search's window (dates up to 2029: the date blocks), the rows
 * whose article is numbered above n. */
static int wide_newer_than(fl_store *s, int n)
{
    fl_query q;
    memset(&q, 0, sizeof q);
    q.kind = FL_QUERY_SEARCH;
    q.text = "common";
    q.to = "2029-12-31";
    q.limit = ARTICLE_WINDOW;
    fl_result *r = fl_store_query(s, &q);
    int newer = r ? 0 : -1;
    for (size_t row = 0; r && row < fl_result_row_count(r, 0); row++)
        newer += atoi(cell(r, 0, row, "article")) > n;
    fl_result_free(r);
    return newer;
}

/* The scope a source gives (search_window.c): exactly its articles
 * (within the dates) when it is rare among the newest, so a search reads
 * no other article's matches; unbounded when the newest pass it often. */
static void check_source_scope(fl_store *s, const char *source, const char *from, const char *to, int bounded)
{
    fl_query q;
    memset(&q, 0, sizeof q);
    q.kind = FL_QUERY_SEARCH;
    q.text = "common";
    q.source = source;
    q.from = from;
    q.to = to;
    fl_search_scope sc;
    CHECK(fl_search_scope_articles(s, &q, 0, &sc));
    filter f = {"common", from, to, NULL, source};
    int want = 0, wrong = 0;
    for (int i = 1; i <= ARTICLES; i++)
        want += passes(&f, i);
    CHECK_INT(sc.bounded, bounded);
    if (bounded) {
        CHECK_INT(sc.exact, 1);
        CHECK_INT((int)sc.nids, want);
        for (size_t k = 0; k < sc.nids; k++)
            wrong += sc.ids[k] < 1 || sc.ids[k] > ARTICLES || !passes(&f, (int)sc.ids[k]);
        CHECK_INT(wrong, 0);
    }
    fl_search_scope_release(&sc);
}

static void check_source_scopes(fl_store *s)
{
    check_source_scope(s, "Wire C", NULL, NULL, 1);                 /* 24 articles */
    check_source_scope(s, "Wire C", "2020-01-01", "2020-01-31", 1); /* those in January 2020 */
    check_source_scope(s, "Nobody's Wire", NULL, NULL, 1);          /* none */
    check_source_scope(s, "Wire A", NULL, NULL, 0);                 /* half the newest: newest first */
    fl_search_set_source_limit(10);
    check_source_scope(s, "Wire C", NULL, NULL, 0); /* too many to list: checked per match */
    fl_search_set_source_limit(-1);
}

int main(void)
{
    char path[] = "/tmp/factline-test-scope-XXXXXX";
    fl_store *s = open_temp_store(path);
    char *err = NULL; /* the readers' open errors */
    if (!s)
        return check_report("store_search_scope");
    int added = 0;
    for (int i = 1; i <= ARTICLES; i++)
        added += add_article(s, i) == 1;
    CHECK_INT(added, ARTICLES);
    CHECK_INT(fl_store_commit(s), FL_OK);
    fl_store_close(s);
    s = fl_store_open(path, FL_STORE_READONLY, &err);
    fl_store *counter = s ? fl_store_open(path, FL_STORE_READONLY, &err) : NULL;
    CHECK(counter != NULL);
    if (!counter)
        return check_report("store_search_scope");

    static const filter filters[] = {
        {"common", NULL, NULL, NULL, NULL},                       /* no filter: the window */
        {"common", "2020-01-01", "2020-01-31", NULL, NULL},       /* fifteen ranges; the window ends in the second */
        {"sparse", "2020-01-01", "2020-01-31", NULL, NULL},       /* every range, not capped */
        {"rare", "2021-03-01", "2021-03-31", NULL, NULL},         /* one block */
        {"common", "2021-04-01", NULL, NULL, NULL},               /* an open end: two blocks */
        {"sparse", NULL, "2020-12-31", NULL, NULL},               /* an open start */
        {"common", "1999-01-01", "1999-12-31", NULL, NULL},       /* nothing in the dates */
        {"common", NULL, NULL, "Zed Quill", NULL},                /* the entity: three blocks */
        {"sparse", "2020-01-01", "2020-01-31", "Zed Quill", NULL}, /* entity and dates */
        {"common", NULL, NULL, "Nobody Known", NULL},             /* no such entity */
        {"sparse", "2020-01-01", "2020-01-31", NULL, "Wire A"},   /* a source beside the dates */
        {"common", NULL, NULL, "Zed Quill", "Wire B"},            /* a source beside the entity */
        {"common", NULL, NULL, NULL, "Wire A"},                   /* a source alone: no ranges */
        {"common", NULL, "2029-12-31", NULL, NULL},               /* wide: the date blocks */
        {"sparse", "2020-01-01", "2029-12-31", NULL, NULL},       /* wide, capped */
        {"rare", NULL, "2029-12-31", NULL, "Wire B"},             /* wide, a source */
        {"sparse", NULL, "2029-12-31", "Zed Quill", NULL},        /* the entity listed, with wide dates */
        {"common", NULL, NULL, "Ann Far", NULL},                  /* three articles far apart */
        {"spars*", "2020-01-01", "2020-01-31", NULL, NULL},       /* a prefix: one range over all */
        {"commo*", NULL, NULL, "Zed Quill", NULL},
        {"common", NULL, NULL, NULL, "Wire C"},                   /* a rare, old source: listed */
        {"common", "2020-01-01", "2020-01-31", NULL, "Wire C"},   /* listed within the dates */
        {"common", "2021-01-01", NULL, NULL, "Wire C"},           /* listed, nothing in the dates */
        {"sparse", NULL, NULL, "Zed Quill", "Wire C"},            /* the entity listed, the source checked */
        {"common", NULL, NULL, NULL, "Nobody's Wire"},            /* no such source: nothing read */
    };
    /* Every way of reading: lists as long as they may be (ranges split at
     * small gaps, then as by default), then none (the date blocks and
     * looking mentions up), short ones (some filters listed, some not; few
     * ranges), and the entity unlisted with its dates listed. */
    static const int limits[][5] = {{-1, -1, 512, 128, -1}, {-1, -1, -1, -1, -1}, {0, 0, -1, -1, 0},
                                    {700, 1000, 512, 3, 10},  {10, -1, 100, 128, -1}};
    for (size_t l = 0; l < sizeof limits / sizeof limits[0]; l++) {
        fl_search_set_limits(limits[l][0], limits[l][1], limits[l][2], limits[l][3]);
        fl_search_set_source_limit(limits[l][4]);
        for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++)
            check_search(s, counter, &filters[i]);
    }
    fl_search_set_limits(-1, -1, -1, -1);
    fl_search_set_source_limit(-1);
    check_source_scopes(s);

    /* The date blocks follow articles added later: by another connection
     * (a reader sees them after the commit), and by the connection itself
     * (its own uncommitted rows). */
    fl_store *w = fl_store_open(path, 0, &err);
    CHECK(w != NULL);
    if (w) {
        CHECK_INT(wide_newer_than(w, ARTICLES), 0); /* builds the writer's blocks */
        for (int i = 0; i < 100; i++)
            CHECK_INT(add_late(w, ARTICLES + 1 + i, "2019-06-01"), 1);
        CHECK_INT(fl_store_commit(w), FL_OK);
        CHECK_INT(wide_newer_than(s, ARTICLES), 100);
        for (int i = 100; i < 110; i++)
            CHECK_INT(add_late(w, ARTICLES + 1 + i, "2019-07-01"), 1);
        CHECK_INT(wide_newer_than(w, ARTICLES + 100), 10);
        CHECK_INT(fl_store_commit(w), FL_OK);
        CHECK_INT(wide_newer_than(s, ARTICLES + 100), 10);
        fl_store_close(w);
    }
    fl_store_close(counter);
    fl_store_close(s);
    unlink(path);
    return check_report("store_search_scope");
}
