/*
 * test_store_parity.c — SQLite and PostgreSQL give the same answers on the
 * same data. Real articles (samples/, and from ../shared/data/news the BBC
 * articles of October 2023, the December 2023 live feed and the first 300
 * Reuters-21578 stories) are extracted once with `factline extract --text`
 * and stored in both backends in the same order; then every question is
 * asked of both and the JSON answers compared byte for byte: entity for the
 * most mentioned names and a spread of others, quotes for the speakers,
 * timeline per category (with subject, place and source filters, and a
 * second page), disagree overall and per category, article for every
 * article; the page's questions: search totals (with every filter),
 * categories (with dates and pages), name completion (prefixes of names and
 * aliases in both cases, LIKE's special characters, too short). Search is
 * compared as documented in docs/store.md: the same matching articles and
 * quotes with the same highlighted fragments, in any order (the rank
 * differs: bm25 against ts_rank), with and without filters.
 *
 * Needs FACTLINE_TEST_PG (tests/pg_test.h; skipped without it unless
 * FACTLINE_REQUIRE_PG=1) and FACTLINE_BIN.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "factline.h"
#include "pg_test.h"
#include "store/pg_internal.h"
#include "store/store_internal.h"
#include "util/buffer.h"

typedef struct tally {
    const char *kind;
    int asked, same;
} tally;

static int shown;

/* Adds every extract object of one file (at most max) to both stores. */
static long extract_into(const char *bin, const char *file, long max, fl_store *a, fl_store *b)
{
    if (access(file, R_OK) != 0)
        return 0;
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "'%s' extract --text -j 1 -q '%s'", bin, file);
    FILE *p = popen(cmd, "r");
    if (!p)
        return 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long count = 0;
    while (count < max && (n = getline(&line, &cap, p)) > 0) {
        int added_a = 0, added_b = 0;
        CHECK_INT(fl_store_add(a, line, (size_t)n, &added_a), FL_OK);
        CHECK_INT(fl_store_add(b, line, (size_t)n, &added_b), FL_OK);
        CHECK_INT(added_a, added_b);
        count++;
    }
    free(line);
    pclose(p);
    return count;
}

static char *answer(fl_store *s, const fl_query *q)
{
    fl_result *r = fl_store_query(s, q);
    fl_buffer b;
    fl_buffer_init(&b);
    if (r)
        fl_result_write_json(r, &b);
    else
        fl_buffer_printf(&b, "error %d: %s", (int)fl_store_query_status(s), fl_store_error(s));
    fl_result_free(r);
    char *out = strdup(b.data);
    fl_buffer_release(&b);
    return out;
}

static void compare(tally *t, fl_store *lite, fl_store *pg, const fl_query *q)
{
    char *a = answer(lite, q), *b = answer(pg, q);
    t->asked++;
    if (!strcmp(a, b)) {
        t->same++;
    } else if (shown++ < 6) {
        size_t i = 0;
        while (a[i] && a[i] == b[i])
            i++;
        size_t from = i > 120 ? i - 120 : 0;
        fprintf(stderr, "parity: %s \"%s\" differs at byte %zu:\n  sqlite:   %.300s\n  postgres: %.300s\n", t->kind,
                q->text ? q->text : q->category ? q->category : q->from ? q->from : "", i, a + from, b + from);
    }
    free(a);
    free(b);
}

static int by_string(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The sorted "section:article:start:fragment" lines of a search answer
 * (every row of the window: limit 2000). */
static char *search_keys(fl_store *s, const fl_query *asked)
{
    fl_query q = *asked;
    q.kind = FL_QUERY_SEARCH;
    q.limit = 2000;
    fl_result *r = fl_store_query(s, &q);
    if (!r)
        return strdup(fl_store_error(s));
    size_t n = 0, cap = 64;
    char **keys = malloc(cap * sizeof *keys);
    for (size_t sec = 0; sec < fl_result_section_count(r); sec++) {
        size_t art = 0, start = (size_t)-1, frag = (size_t)-1;
        for (size_t c = 0; c < fl_result_column_count(r, sec); c++) {
            const char *name = fl_result_column_name(r, sec, c);
            if (!strcmp(name, "article"))
                art = c;
            if (!strcmp(name, "start"))
                start = c;
            if (!strcmp(name, "snippet") || !strcmp(name, "quote"))
                frag = c;
        }
        for (size_t row = 0; row < fl_result_row_count(r, sec); row++) {
            char k[2048];
            const char *st = start != (size_t)-1 ? fl_result_cell(r, sec, row, start) : "";
            const char *tx = frag != (size_t)-1 ? fl_result_cell(r, sec, row, frag) : "";
            snprintf(k, sizeof k, "%zu:%s:%s:%s\n", sec, fl_result_cell(r, sec, row, art), st ? st : "", tx ? tx : "");
            if (n == cap)
                keys = realloc(keys, (cap *= 2) * sizeof *keys);
            keys[n++] = strdup(k);
        }
    }
    fl_result_free(r);
    qsort(keys, n, sizeof *keys, by_string);
    fl_buffer b;
    fl_buffer_init(&b);
    for (size_t i = 0; i < n; i++) {
        fl_buffer_append_str(&b, keys[i]);
        free(keys[i]);
    }
    free(keys);
    char *out = strdup(b.data);
    fl_buffer_release(&b);
    return out;
}

/* Rows of an SQL query on the SQLite store, one text column, at most max. */
static size_t names(fl_store *s, const char *sql, char out[][256], size_t max)
{
    sqlite3_stmt *st;
    size_t n = 0;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return 0;
    while (n < max && sqlite3_step(st) == SQLITE_ROW)
        if (sqlite3_column_text(st, 0))
            snprintf(out[n++], 256, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return n;
}

/* The search columns the writer computed (pg_fts.c) are the server's: every
 * stored article's and quote's fts equals the expression of the schema's
 * generated columns (whether the writer sent it or the trigger made it),
 * and the writer's literal for each row that it can compute equals that
 * expression's value (not only the stored one). */
#define ARTICLE_FTS FL_PG_ARTICLE_FTS("headline", "text")
#define QUOTE_FTS FL_PG_QUOTE_FTS("text")
static void check_search_columns(const char *url)
{
    PGconn *c = PQconnectdb(url);
    CHECK(PQstatus(c) == CONNECTION_OK);
    static const char *const sql[] = {"SELECT headline, text, (" ARTICLE_FTS ")::text, fts::text FROM articles",
                                      "SELECT NULL, text, (" QUOTE_FTS ")::text, fts::text FROM quotes"};
    fl_pg_fts *f = fl_pg_fts_new();
    for (int k = 0; k < 2; k++) {
        PGresult *r = PQexec(c, sql[k]);
        CHECK(PQresultStatus(r) == PGRES_TUPLES_OK);
        int rows = PQresultStatus(r) == PGRES_TUPLES_OK ? PQntuples(r) : 0, stored = 0, written = 0, computed = 0;
        for (int i = 0; i < rows; i++) {
            const char *h = PQgetisnull(r, i, 0) ? NULL : PQgetvalue(r, i, 0), *t = PQgetvalue(r, i, 1);
            stored += !strcmp(PQgetvalue(r, i, 2), PQgetvalue(r, i, 3));
            size_t len;
            const char *mine = fl_pg_fts_literal(f, h, h ? strlen(h) : 0, t, strlen(t), &len);
            if (mine) {
                computed++;
                written += !strcmp(mine, PQgetvalue(r, i, 2));
            }
        }
        fprintf(stderr, "parity: %s search column: %d of %d stored as the expression; the writer computes %d,"
                        " %d of them equal\n", k ? "quotes'" : "articles'", stored, rows, computed, written);
        CHECK(rows > 100);
        CHECK_INT(stored, rows);
        CHECK(computed > rows / 2 && computed < rows); /* most, not those with accented letters */
        CHECK_INT(written, computed);
        PQclear(r);
    }
    fl_pg_fts_free(f);
    PQfinish(c);
}

int main(void)
{
    pg_test pgt;
    int st = pg_test_begin(&pgt, "parity");
    if (st)
        return st;
    const char *bin = getenv("FACTLINE_BIN");
    if (!bin) {
        pg_test_end(&pgt);
        fprintf(stderr, "parity: skipped: FACTLINE_BIN is not set (ctest sets it)\n");
        return CHECK_SKIP;
    }
    char file[] = "/tmp/factline-test-parity-XXXXXX";
    int fd = mkstemp(file);
    close(fd);
    unlink(file);
    char *err = NULL;
    fl_store *lite = fl_store_open(file, 0, &err), *pg = fl_store_open(pgt.url, 0, &err);
    CHECK(lite && pg);
    if (!lite || !pg) {
        fprintf(stderr, "parity: %s\n", err ? err : "");
        pg_test_end(&pgt);
        return check_report("store parity");
    }
    fl_store_set_batch(lite, 100);
    fl_store_set_batch(pg, 100);
    /* PostgreSQL reads a search's newest matches in ranges of ids, the
     * first twice the window (pg_search.c): ranges of 16 make these 1,275
     * articles many ranges, so the answers below check that reading. */
    fl_pg_search_set_first_range(16);
    const char *data = getenv("FACTLINE_DATA") ? getenv("FACTLINE_DATA") : "../shared/data";
    static const struct {
        const char *file;
        long max;
    } inputs[] = {{"samples/reuters-sample.txt", 100000},
                  {"samples/seed.txt", 100000},
                  {"news/bbc_israel_gaza_2023-10-07_2023-10-29.txt", 100000},
                  {"news/bbc_israel_gaza_livefeed_2023-12.txt", 100000},
                  {"news/reuters21578.txt", 300}};
    long total = 0;
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s%s%s", strncmp(inputs[i].file, "news/", 5) ? "" : data,
                 strncmp(inputs[i].file, "news/", 5) ? "" : "/", inputs[i].file);
        long n = extract_into(bin, path, inputs[i].max, lite, pg);
        fprintf(stderr, "parity: %ld articles from %s\n", n, path);
        total += n;
    }
    /* The edges of the writer's search column (pg_fts.c): words of 2,046,
     * 2,047 and 2,048 bytes (PostgreSQL skips those of 2,047 or more, and
     * refuses them in a tsvector literal) and a run its parser splits as
     * scientific notation ("3e8a9f" is '3e8' 'a9f'): the batch commits and
     * the searches below find the same articles in both backends. */
    for (int k = 0; k < 4; k++) {
        static char json[3000];
        char word[2049];
        size_t wl = k < 3 ? 2046 + (size_t)k : 6;
        memset(word, 'q' + k, wl);
        word[wl] = 0;
        if (k == 3)
            memcpy(word, "3e8a9f", 7);
        snprintf(json, sizeof json,
                 "{\"id\":\"edge%d\",\"date\":\"2023-12-0%d\",\"headline\":\"Edge words\","
                 "\"text\":\"The reference code %s was said to be genuine.\"}",
                 k, k + 1, word);
        int added_a = 0, added_b = 0;
        CHECK_INT(fl_store_add(lite, json, strlen(json), &added_a), FL_OK);
        CHECK_INT(fl_store_add(pg, json, strlen(json), &added_b), FL_OK);
        CHECK_INT(added_a + added_b, 2);
        total++;
    }
    CHECK_INT(fl_store_commit(lite), FL_OK);
    CHECK_INT(fl_store_commit(pg), FL_OK);
    CHECK(total > 40);
    CHECK_INT(fl_store_article_count(lite), fl_store_article_count(pg));

    static char list[1500][256];
    tally t_entity = {"entity", 0, 0}, t_quotes = {"quotes", 0, 0}, t_timeline = {"timeline", 0, 0},
          t_disagree = {"disagree", 0, 0}, t_article = {"article", 0, 0}, t_search = {"search (matches, fragments)", 0, 0},
          t_total = {"search total", 0, 0}, t_categories = {"categories", 0, 0}, t_names = {"names", 0, 0};

    /* entity: the 60 most mentioned, and every 7th of the rest by id */
    size_t n = names(lite, "SELECT e.name FROM entities e JOIN mentions m ON m.entity_id = e.id GROUP BY e.id"
                           " ORDER BY count(*) DESC, e.id LIMIT 60", list, 60);
    n += names(lite, "SELECT name FROM entities WHERE id % 7 = 0 ORDER BY id LIMIT 140", list + n, 140);
    for (size_t i = 0; i < n; i++) {
        fl_query q = {.kind = FL_QUERY_ENTITY, .text = list[i], .limit = 50};
        compare(&t_entity, lite, pg, &q);
    }
    /* quotes: every speaker named; and everything (no speaker), two pages */
    n = names(lite, "SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL ORDER BY speaker", list, 200);
    for (size_t i = 0; i < n; i++) {
        fl_query q = {.kind = FL_QUERY_QUOTES, .text = list[i], .limit = 100};
        compare(&t_quotes, lite, pg, &q);
    }
    for (unsigned off = 0; off < 200; off += 100) {
        fl_query q = {.kind = FL_QUERY_QUOTES, .limit = 100, .offset = off};
        compare(&t_quotes, lite, pg, &q);
    }
    /* timeline and disagree per category, with filters */
    static char subjects[40][256], places[40][256], sources[40][256];
    size_t ns = names(lite, "SELECT subject FROM figures WHERE subject IS NOT NULL GROUP BY subject_key ORDER BY count(*) DESC, 1 LIMIT 10", subjects, 10);
    size_t np = names(lite, "SELECT place FROM figures WHERE place IS NOT NULL GROUP BY place_key ORDER BY count(*) DESC, 1 LIMIT 10", places, 10);
    size_t nsrc = names(lite, "SELECT source FROM figures WHERE source IS NOT NULL GROUP BY source_key ORDER BY count(*) DESC, 1 LIMIT 10", sources, 10);
    n = names(lite, "SELECT DISTINCT category FROM figures WHERE category IS NOT NULL ORDER BY 1", list, 100);
    for (size_t i = 0; i < n; i++) {
        for (unsigned off = 0; off < 200; off += 100) {
            fl_query q = {.kind = FL_QUERY_TIMELINE, .category = list[i], .limit = 100, .offset = off};
            compare(&t_timeline, lite, pg, &q);
        }
        for (size_t k = 0; k < ns; k++) {
            fl_query q = {.kind = FL_QUERY_TIMELINE, .category = list[i], .subject = subjects[k], .limit = 100};
            compare(&t_timeline, lite, pg, &q);
        }
        for (size_t k = 0; k < np; k++) {
            fl_query q = {.kind = FL_QUERY_TIMELINE, .category = list[i], .place = places[k], .limit = 100};
            compare(&t_timeline, lite, pg, &q);
        }
        for (size_t k = 0; k < nsrc; k++) {
            fl_query q = {.kind = FL_QUERY_TIMELINE, .category = list[i], .source = sources[k], .limit = 100};
            compare(&t_timeline, lite, pg, &q);
        }
        fl_query q = {.kind = FL_QUERY_DISAGREE, .category = list[i], .limit = 500};
        compare(&t_disagree, lite, pg, &q);
    }
    fl_query dq = {.kind = FL_QUERY_DISAGREE, .limit = 1000};
    compare(&t_disagree, lite, pg, &dq);
    dq.from = "2023-10-10";
    dq.to = "2023-10-20";
    compare(&t_disagree, lite, pg, &dq);
    /* article: every one, by number */
    n = names(lite, "SELECT id FROM articles ORDER BY id", list, 1500);
    for (size_t i = 0; i < n; i++) {
        fl_query q = {.kind = FL_QUERY_ARTICLE, .text = list[i]};
        compare(&t_article, lite, pg, &q);
    }
    /* search: the words of the most mentioned names, and common words;
     * non-ASCII words too ("Féin", upper-case "TÁNAISTE"), but none the news
     * also writes without its accents ("Médecins"/"Medecins"): FTS5 drops
     * accents and PostgreSQL keeps them (docs/store.md). */
    static const char *const words[] = {"killed", "hostages", "ceasefire", "\"humanitarian pause\"", "oil prices",
                                        "said", "hospital", "minist*", "Gaza Strip", "talks", "rocket", "shares",
                                        "o'brien", "x* y*", "\"Gaza Strip\" killed", "NEAR(", "AND OR NOT", "al-Shifa",
                                        "2023", "\"the", "Féin", "Micheál Martin", "TÁNAISTE", "Sánchez",
                                        "3e8a9f", "reference code", "genuine"};
    n = names(lite, "SELECT e.name FROM entities e JOIN mentions m ON m.entity_id = e.id GROUP BY e.id"
                    " ORDER BY count(*) DESC, e.id LIMIT 40", list, 40);
    static char sources_a[5][256];
    size_t nsa = names(lite, "SELECT source FROM articles WHERE source IS NOT NULL GROUP BY source"
                             " ORDER BY count(*) DESC, 1 LIMIT 3", sources_a, 3);
    for (size_t i = 0; i < n + sizeof words / sizeof words[0]; i++) {
        const char *text = i < n ? list[i] : words[i - n];
        /* unfiltered, then each filter in turn (an entity, a source, dates) */
        fl_query asked[] = {{.text = text},
                            {.text = text, .entity = list[i % (n ? n : 1)]},
                            {.text = text, .source = nsa ? sources_a[i % nsa] : NULL},
                            {.text = text, .from = "2023-10-10", .to = "2023-10-20"},
                            {.text = text, .from = "2023-12-01"}};
        for (size_t k = 0; k < sizeof asked / sizeof asked[0]; k++) {
            if (k > 0 && i % 3 != k % 3) /* a third of the filtered searches: the test stays quick */
                continue;
            char *a = search_keys(lite, &asked[k]), *b = search_keys(pg, &asked[k]);
            t_search.asked++;
            if (!strcmp(a, b))
                t_search.same++;
            else if (shown++ < 12) {
                size_t at = 0;
                while (a[at] && a[at] == b[at])
                    at++;
                size_t from = at > 200 ? at - 200 : 0;
                fprintf(stderr, "parity: search \"%s\" (filters %zu) differs at byte %zu:\n  sqlite:   %.400s\n"
                                "  postgres: %.400s\n", text, k, at, a + from, b + from);
            }
            free(a);
            free(b);
            /* the totals: the same numbers, byte for byte */
            asked[k].kind = FL_QUERY_SEARCH_TOTAL;
            compare(&t_total, lite, pg, &asked[k]);
        }
    }
    /* totals capped by both windows, and questions that cannot be asked */
    fl_query tq = {.kind = FL_QUERY_SEARCH_TOTAL, .text = "the"};
    char *capped = answer(pg, &tq);
    if (!strstr(capped, "{\"section\":\"articles\",\"rows\":1000,\"capped\":1}") ||
        !strstr(capped, "{\"section\":\"quotes\",\"rows\":500,\"capped\":1}")) {
        fprintf(stderr, "parity: \"the\" should fill both windows: %s\n", capped);
        CHECK(0);
    }
    free(capped);
    compare(&t_total, lite, pg, &tq);
    static const char *const unaskable[] = {"", "  ", "\"\"", "*", "'; DROP TABLE articles; --"};
    for (size_t i = 0; i < sizeof unaskable / sizeof unaskable[0]; i++) {
        tq.text = unaskable[i];
        compare(&t_total, lite, pg, &tq);
        fl_query sq = {.kind = FL_QUERY_SEARCH, .text = unaskable[i]};
        compare(&t_total, lite, pg, &sq);
    }
    tq.text = NULL;
    compare(&t_total, lite, pg, &tq);

    /* categories: all, a period, pages */
    static const struct {
        const char *from, *to;
        unsigned limit, offset;
    } periods[] = {{NULL, NULL, 100, 0}, {"2023-10-10", "2023-10-20", 100, 0}, {"2023-12-01", NULL, 100, 0},
                   {NULL, "1987-12-31", 100, 0}, {NULL, NULL, 2, 1}, {NULL, NULL, 5, 3}, {"2030-01-01", NULL, 10, 0}};
    for (size_t i = 0; i < sizeof periods / sizeof periods[0]; i++) {
        fl_query q = {.kind = FL_QUERY_CATEGORIES, .from = periods[i].from, .to = periods[i].to,
                      .limit = periods[i].limit, .offset = periods[i].offset};
        compare(&t_categories, lite, pg, &q);
    }

    /* names: 2 to 5 bytes of the most mentioned names, of every 5th alias, in
     * both cases; and what is refused or special */
    n = names(lite, "SELECT e.name FROM entities e JOIN mentions m ON m.entity_id = e.id GROUP BY e.id"
                    " ORDER BY count(*) DESC, e.id LIMIT 40", list, 40);
    n += names(lite, "SELECT alias FROM entity_aliases WHERE entity_id % 5 = 0 ORDER BY entity_id, alias LIMIT 80",
               list + n, 80);
    for (size_t i = 0; i < n; i++) {
        for (size_t len = 2; len <= 5 && len <= strlen(list[i]); len += 3 - (i % 2)) {
            char prefix[8];
            memcpy(prefix, list[i], len);
            prefix[len] = '\0';
            for (char *c = prefix; i % 3 == 0 && *c; c++) /* a third upper-cased */
                *c = *c >= 'a' && *c <= 'z' ? (char)(*c - 'a' + 'A') : *c;
            fl_query q = {.kind = FL_QUERY_NAMES, .text = prefix, .limit = 10};
            compare(&t_names, lite, pg, &q);
        }
    }
    static const char *const prefixes[] = {"b%", "_l", "%%", "a\\", "  ga", "GAZA", "al", "is", "th", "Is",
                                           "\xc3\xa9", "Ab", "x", "", NULL};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        fl_query q = {.kind = FL_QUERY_NAMES, .text = prefixes[i], .limit = 30};
        compare(&t_names, lite, pg, &q);
        q.offset = 5;
        compare(&t_names, lite, pg, &q);
    }
    check_search_columns(pgt.url);
    tally *all[] = {&t_entity, &t_quotes, &t_timeline, &t_disagree, &t_article, &t_search, &t_total, &t_categories,
                    &t_names};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        fprintf(stderr, "parity: %-28s %d of %d answers identical\n", all[i]->kind, all[i]->same, all[i]->asked);
        CHECK(all[i]->asked > 0);
        CHECK_INT(all[i]->same, all[i]->asked);
    }
    fl_store_close(lite);
    fl_store_close(pg);
    unlink(file);
    char side[1100];
    snprintf(side, sizeof side, "%s-wal", file);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", file);
    unlink(side);
    pg_test_end(&pgt);
    return check_report("store parity");
}
