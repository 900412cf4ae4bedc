/*
 * test_store_lookup.c — what makes search cheap and the page's small
 * questions: bm25 order with lengths from memory (and topped up when rows
 * are added beside a reader), snippets (ellipses, prefixes, diacritics, a
 * match in the headline only), the window that caps pages and totals, the
 * remembered totals (invalidated by another connection's commit), the
 * search filters, name completion and the category counts.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "factline.h"
#include "store_check.h"

static int add(fl_store *s, const char *date, const char *headline, const char *text, const char *facts)
{
    static int n;
    char json[16384];
    snprintf(json, sizeof json, "{\"id\":\"a%d\",\"date\":\"%s\",\"headline\":\"%s\",\"text\":\"%s\",%s}", ++n, date,
             headline, text, facts ? facts : "\"entities\":[]");
    int added = -1;
    if (fl_store_add(s, json, strlen(json), &added) != FL_OK) {
        fprintf(stderr, "add failed: %s\n", fl_store_error(s));
        return -1;
    }
    return added;
}

static fl_result *search(fl_store *s, fl_query_kind kind, const char *text, unsigned limit, unsigned offset)
{
    fl_query q;
    memset(&q, 0, sizeof q);
    q.kind = kind;
    q.text = text;
    q.limit = limit;
    q.offset = offset;
    return fl_store_query(s, &q);
}

/* The "total" row of a section: its count, negative when capped. */
static long long total(fl_store *s, const char *text, const char *section)
{
    fl_result *r = search(s, FL_QUERY_SEARCH_TOTAL, text, 0, 0);
    long long n = -999;
    for (size_t row = 0; r && row < fl_result_row_count(r, 0); row++)
        if (!strcmp(cell(r, 0, row, "section"), section))
            n = atoll(cell(r, 0, row, "rows")) * (strcmp(cell(r, 0, row, "capped"), "1") ? 1 : -1);
    fl_result_free(r);
    return n;
}

int main(void)
{
    char path[] = "/tmp/factline-test-lookup-XXXXXX";
    fl_store *s = open_temp_store(path);
    char *err = NULL; /* the readers' open errors */
    if (!s)
        return check_report("store_lookup");
    /* Ranking: more occurrences in a text of the same length rank first;
     * equal scores, the newest first. */
    CHECK_INT(add(s, "2023-01-01", "One", "zebra alpha beta gamma delta epsilon", NULL), 1);               /* id 1 */
    CHECK_INT(add(s, "2023-01-02", "Three", "zebra zebra zebra beta gamma delta", NULL), 1);              /* id 2 */
    CHECK_INT(add(s, "2023-01-03", "Again one", "zebra alpha beta gamma delta epsilon again", NULL), 1); /* id 3 */
    CHECK_INT(add(s, "2023-01-04", "Again two", "zebra alpha beta gamma delta epsilon again", NULL), 1); /* id 4 */
    /* Snippets. */
    CHECK_INT(add(s, "2023-02-01", "Long",
                  "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22 w23 w24 w25 w26 "
                  "The inflation rate rose, officials said. w27 w28 w29 w30 w31 w32 w33 w34 w35 w36 w37 w38 w39 w40 "
                  "w41 w42 w43 w44 w45 w46 w47 w48",
                  NULL),
              1);
    CHECK_INT(add(s, "2023-02-02", "Résumé", "Her r\\u00e9sum\\u00e9 was long.", NULL), 1);
    CHECK_INT(add(s, "2023-02-03", "Headline walrus only", "Nothing about it here at all.", NULL), 1);
    CHECK_INT(add(s, "2023-02-04", "Named",
                  "Antony Blinken visited. Blinken spoke about zebra crossings.",
                  "\"entities\":[{\"name\":\"Antony Blinken\",\"type\":\"PER\",\"aliases\":[\"Blinken\"],"
                  "\"mentions\":[[0,14],[24,31]]}],"
                  "\"figures\":[{\"text\":\"9\",\"start\":0,\"end\":1,\"value\":9,\"category\":\"killed\","
                  "\"date\":\"2023-02-04\"},{\"text\":\"3\",\"start\":2,\"end\":3,\"value\":3,\"category\":\"killed\","
                  "\"date\":\"2023-02-05\"},{\"text\":\"2\",\"start\":4,\"end\":5,\"value\":2,\"category\":\"hostages\","
                  "\"date\":\"2023-02-05\"}]"),
              1);
    CHECK_INT(add(s, "2023-02-05", "Other", "Blinkered views on 100% of cases_x.",
                  "\"entities\":[{\"name\":\"Blinky Bill\",\"type\":\"PER\",\"mentions\":[[0,9]]}]"),
              1);
    CHECK_INT(fl_store_commit(s), FL_OK);

    fl_result *r = search(s, FL_QUERY_SEARCH, "zebra", 10, 0);
    CHECK_INT(fl_result_row_count(r, 0), 5);
    CHECK_STR(cell(r, 0, 0, "article"), "2"); /* three times */
    /* 1, 3, 4 and 8 once each: the shortest (1, 7 tokens with its headline)
     * first, then 8, 4, 3 (9 tokens each: the newest first). */
    CHECK_STR(cell(r, 0, 1, "article"), "1");
    CHECK_STR(cell(r, 0, 2, "article"), "8");
    CHECK_STR(cell(r, 0, 3, "article"), "4");
    CHECK_STR(cell(r, 0, 4, "article"), "3");
    CHECK(strstr(cell(r, 0, 0, "snippet"), "**zebra** **zebra** **zebra**") != NULL);
    fl_result_free(r);

    r = search(s, FL_QUERY_SEARCH, "inflat*", 10, 0);
    CHECK_INT(fl_result_row_count(r, 0), 1);
    const char *snip = cell(r, 0, 0, "snippet");
    CHECK(strncmp(snip, "…", strlen("…")) == 0);                       /* starts inside the text */
    CHECK(strstr(snip, "The **inflation** rate rose") != NULL);            /* prefix match marked */
    CHECK(strlen(snip) > 6 && !strcmp(snip + strlen(snip) - 3, "…"));      /* and ends before it */
    CHECK(strstr(snip, "w48") == NULL);
    fl_result_free(r);

    r = search(s, FL_QUERY_SEARCH, "resume", 10, 0);
    CHECK_STR(cell(r, 0, 0, "snippet"), "Her **résumé** was long.");
    fl_result_free(r);
    r = search(s, FL_QUERY_SEARCH, "walrus", 10, 0);
    CHECK_INT(fl_result_row_count(r, 0), 1);
    CHECK_STR(cell(r, 0, 0, "snippet"), "Nothing about it here at all.");
    fl_result_free(r);

    /* The entity filter: only articles that mention the entity. */
    fl_query q;
    memset(&q, 0, sizeof q);
    q.kind = FL_QUERY_SEARCH;
    q.text = "zebra";
    q.entity = "Blinken";
    r = fl_store_query(s, &q);
    CHECK_INT(fl_result_row_count(r, 0), 1);
    CHECK_STR(cell(r, 0, 0, "article"), "8");
    fl_result_free(r);
    q.kind = FL_QUERY_SEARCH_TOTAL;
    r = fl_store_query(s, &q);
    CHECK_STR(cell(r, 0, 0, "rows"), "1");
    fl_result_free(r);
    q.kind = FL_QUERY_SEARCH;
    q.entity = NULL;
    q.from = "2023-01-02";
    q.to = "2023-01-03";
    r = fl_store_query(s, &q);
    CHECK_INT(fl_result_row_count(r, 0), 2);
    fl_result_free(r);

    /* A reader beside the writer: totals, then a commit by the writer. The
     * remembered totals must not survive it, and the new row's length must
     * be known to the ranking. */
    fl_store *reader = fl_store_open(path, FL_STORE_READONLY, &err);
    CHECK(reader != NULL);
    if (reader) {
        r = search(reader, FL_QUERY_SEARCH, "zebra", 2, 0);
        fl_result_free(r);
        CHECK_INT(total(reader, "zebra", "articles"), 5);
        CHECK_INT(add(s, "2023-03-01", "Short", "zebra zebra zebra zebra", NULL), 1); /* id 10 */
        CHECK_INT(fl_store_commit(s), FL_OK);
        CHECK_INT(total(reader, "zebra", "articles"), 6);
        r = search(reader, FL_QUERY_SEARCH, "zebra", 2, 0);
        CHECK_STR(cell(r, 0, 0, "article"), "10");
        fl_result_free(r);
        CHECK_INT(total(reader, "zebra", "articles"), 6);
        CHECK_INT(total(reader, "walrus", "articles"), 1); /* another search: not the remembered one */
    }

    /* The writer's own commit must not leave its remembered totals stale
     * (data_version only tells other connections' commits). */
    r = search(s, FL_QUERY_SEARCH, "zebra", 2, 0); /* remembers the totals */
    fl_result_free(r);
    CHECK_INT(add(s, "2023-03-02", "Shorter", "zebra once more", NULL), 1);
    CHECK_INT(fl_store_commit(s), FL_OK);
    CHECK_INT(total(s, "zebra", "articles"), 7);

    /* The window: 1,005 more matches; pages and totals stop at 1,000. */
    for (int i = 0; i < 1005; i++) {
        char text[128], head[32];
        snprintf(text, sizeof text, "window item %d with yak", i);
        snprintf(head, sizeof head, "Item %d", i);
        add(s, "2023-04-01", head, text, NULL);
    }
    CHECK_INT(fl_store_commit(s), FL_OK);
    CHECK_INT(total(s, "yak", "articles"), -1000);
    r = search(s, FL_QUERY_SEARCH, "yak", 21, 990);
    CHECK_INT(fl_result_row_count(r, 0), 10);
    fl_result_free(r);
    if (reader) {
        CHECK_INT(total(reader, "yak", "articles"), -1000);
        fl_store_close(reader);
    }

    /* Lengths: 600 texts with "ox" once and 1 to 50 other words; bm25 puts
     * the shortest first, ties newest first. Most lengths come from chunks
     * read at once, the first rows of each chunk from FTS5's lookup: the
     * order must not show which. */
    long long first_ox = -1;
    for (int i = 0; i < 600; i++) {
        char text[512];
        snprintf(text, sizeof text, "ox tag%d", i); /* every text its own (stored once per content) */
        for (int w = 0; w < (i * 7) % 50; w++)
            strcat(text, " pad");
        add(s, "2023-05-01", "Ox", text, NULL);
        if (i == 0) {
            fl_result *last = search(s, FL_QUERY_SEARCH, "ox", 1, 0);
            first_ox = atoll(cell(last, 0, 0, "article"));
            fl_result_free(last);
        }
    }
    CHECK_INT(fl_store_commit(s), FL_OK);
    r = search(s, FL_QUERY_SEARCH, "ox", 100, 0);
    CHECK_INT(fl_result_row_count(r, 0), 100);
    /* Want: i with (i * 7) % 50 == 0 (no padding), newest first, then 1 pad, ... */
    int row = 0, bad = 0;
    for (int pad = 0; pad < 50 && row < 100; pad++)
        for (int i = 599; i >= 0 && row < 100; i--)
            if ((i * 7) % 50 == pad) {
                if (atoll(cell(r, 0, (size_t)row, "article")) != first_ox + i)
                    bad++;
                row++;
            }
    CHECK_INT(bad, 0);
    fl_result_free(r);

    /* Name completion. */
    r = search(s, FL_QUERY_NAMES, "blin", 10, 0);
    CHECK_INT(fl_result_row_count(r, 0), 2);
    CHECK_STR(cell(r, 0, 0, "name"), "Antony Blinken"); /* by its alias, 2 mentions */
    CHECK_STR(cell(r, 0, 0, "mentions"), "2");
    CHECK_STR(cell(r, 0, 1, "name"), "Blinky Bill");
    fl_result_free(r);
    r = search(s, FL_QUERY_NAMES, "ANTONY B", 10, 0);
    CHECK_INT(fl_result_row_count(r, 0), 1);
    fl_result_free(r);
    r = search(s, FL_QUERY_NAMES, "b%", 10, 0); /* % is a letter here */
    CHECK_INT(fl_result_row_count(r, 0), 0);
    fl_result_free(r);
    r = search(s, FL_QUERY_NAMES, "_l", 10, 0);
    CHECK_INT(fl_result_row_count(r, 0), 0);
    fl_result_free(r);
    CHECK(search(s, FL_QUERY_NAMES, "b", 10, 0) == NULL);
    CHECK_INT(fl_store_query_status(s), FL_ERR_USAGE);
    CHECK(search(s, FL_QUERY_NAMES, NULL, 10, 0) == NULL);

    /* Categories with their counts. */
    r = search(s, FL_QUERY_CATEGORIES, NULL, 10, 0);
    CHECK_INT(fl_result_row_count(r, 0), 2);
    CHECK_STR(cell(r, 0, 0, "category"), "killed");
    CHECK_STR(cell(r, 0, 0, "figures"), "2");
    CHECK_STR(cell(r, 0, 0, "cumulative"), "1");
    CHECK_STR(cell(r, 0, 1, "category"), "hostages");
    CHECK_STR(cell(r, 0, 1, "cumulative"), "0");
    fl_result_free(r);
    memset(&q, 0, sizeof q);
    q.kind = FL_QUERY_CATEGORIES;
    q.from = "2023-02-05";
    r = fl_store_query(s, &q);
    CHECK_INT(fl_result_row_count(r, 0), 2);
    CHECK_STR(cell(r, 0, 0, "figures"), "1");
    fl_result_free(r);

    fl_store_close(s);
    unlink(path);
    char side[sizeof path + 8];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    return check_report("store_lookup");
}
