/*
 * test_reader.c — the reader through the library API: article fields, the
 * article text convention, formats, diagnostics with their positions, and
 * reuse of one reader over several inputs.
 */
#include <string.h>

#include "check.h"
#include "factline.h"

typedef struct diags {
    int count;
    char last[512];
    fl_severity last_sev;
    unsigned long long last_line, last_article, last_offset;
} diags;

static void on_diag(const fl_diag *d, void *user)
{
    diags *ds = user;
    ds->count++;
    snprintf(ds->last, sizeof ds->last, "%s", d->message);
    ds->last_sev = d->severity;
    ds->last_line = d->line;
    ds->last_article = d->article;
    ds->last_offset = d->offset;
}

static fl_reader *make_reader(diags *ds, const char *date)
{
    fl_reader_options o;
    fl_reader_options_init(&o);
    o.on_diag = on_diag;
    o.user = ds;
    o.default_date = date;
    memset(ds, 0, sizeof *ds);
    return fl_reader_new(&o);
}

int main(void)
{
    diags ds;
    const fl_article *a;

    /* Native format: fields and the article text. */
    fl_reader *r = make_reader(&ds, NULL);
    const char *native = " date 2023-11-04 U.S. Secretary Urges Pause\nIn a meeting, Blinken spoke.\n\n"
                         "Second paragraph.\n\n\ndate 2024-02-29 Leap day\nBody.";
    CHECK_INT(fl_reader_open_memory(r, native, strlen(native), "mem"), FL_OK);
    CHECK_INT(fl_reader_next(r, &a), FL_OK);
    CHECK_STR(a->date, "2023-11-04");
    CHECK_INT(a->year, 2023);
    CHECK_INT(a->month, 11);
    CHECK_INT(a->day, 4);
    CHECK_INT(a->headline_len, strlen("U.S. Secretary Urges Pause"));
    CHECK_STR(a->text, "U.S. Secretary Urges Pause\n\nIn a meeting, Blinken spoke.\n\nSecond paragraph.");
    CHECK_INT(a->body_start, a->headline_len + 2);
    CHECK_INT(a->number, 1);
    CHECK_INT(a->line, 1);
    CHECK_INT(a->offset, 0);
    CHECK_INT(strlen(a->id), 16);
    CHECK_INT(fl_reader_format(r), FL_FORMAT_NATIVE);
    char first_id[17];
    memcpy(first_id, a->id, 17);
    CHECK_INT(fl_reader_next(r, &a), FL_OK);
    CHECK_STR(a->date, "2024-02-29");
    CHECK_STR(a->text, "Leap day\n\nBody.");
    CHECK_INT(a->line, 7);
    CHECK_INT(fl_reader_next(r, &a), FL_END);
    CHECK_INT(ds.count, 0);

    /* The id is a content hash: same content, same id; other content, other id. */
    CHECK_INT(fl_reader_open_memory(r, native, strlen(native), "again"), FL_OK);
    CHECK_INT(fl_reader_next(r, &a), FL_OK);
    CHECK_STR(a->id, first_id);
    CHECK_STR(a->file, "again");
    fl_reader_stats st;
    fl_reader_get_stats(r, &st);
    CHECK_INT(st.articles, 3);

    /* Paragraphs and sentences of that article. */
    fl_doc *doc = fl_doc_new();
    CHECK_INT(fl_doc_analyze(doc, a), FL_OK);
    CHECK_INT(fl_doc_paragraph_count(doc), 3);
    CHECK_INT(fl_doc_sentence_count(doc), 3);
    CHECK_INT(fl_doc_paragraphs(doc)[1].start, a->body_start);
    fl_reader_free(r);

    /* Leap years: 2023-02-29 is rejected, 2000-02-29 accepted, 1900-02-29 rejected. */
    r = make_reader(&ds, NULL);
    const char *leap = "date 2023-02-29 A\nx\ndate 2000-02-29 B\ny\ndate 1900-02-29 C\nz\n";
    fl_reader_open_memory(r, leap, strlen(leap), "leap");
    CHECK_INT(fl_reader_next(r, &a), FL_OK);
    CHECK_STR(a->headline, "B\n\ny");
    CHECK_INT(ds.count, 1);
    CHECK_INT(ds.last_line, 1);
    CHECK_INT(ds.last_offset, 5);
    CHECK_INT(fl_reader_next(r, &a), FL_END);
    CHECK_INT(ds.count, 2);
    CHECK_INT(ds.last_article, 3);
    CHECK_INT(ds.last_sev, FL_REJECTED);
    CHECK_STR(ds.last, "impossible date 1900-02-29; article skipped");
    fl_reader_free(r);

    /* JSON Lines: fields, id, source, url; ISO timestamps as dates. */
    r = make_reader(&ds, NULL);
    const char *jl = "\n{\"date\":\"2023-10-07T06:30:00Z\",\"title\":\"T\\u00e9st\",\"body\":\"Line\\r\\nTwo\","
                     "\"id\":\"bbc-1\",\"source\":\"BBC\",\"url\":\"https://bbc.co.uk/x\"}\n";
    fl_reader_open_memory(r, jl, strlen(jl), "j");
    CHECK_INT(fl_reader_next(r, &a), FL_OK);
    CHECK_INT(fl_reader_format(r), FL_FORMAT_JSONL);
    CHECK_STR(a->date, "2023-10-07");
    CHECK_STR(a->text, "Tést\n\nLine\nTwo");
    CHECK_STR(a->id, "bbc-1");
    CHECK_STR(a->source, "BBC");
    CHECK_STR(a->url, "https://bbc.co.uk/x");
    CHECK_INT(a->line, 2);
    CHECK_INT(fl_reader_next(r, &a), FL_END);
    fl_reader_free(r);

    /* Plain text with a default date; without one it is an error. */
    r = make_reader(&ds, "2023-11-04");
    const char *plain = "\n\nHeadline here\nbody line\n";
    fl_reader_open_memory(r, plain, strlen(plain), "p");
    CHECK_INT(fl_reader_next(r, &a), FL_OK);
    CHECK_INT(fl_reader_format(r), FL_FORMAT_PLAIN);
    CHECK_STR(a->text, "Headline here\n\nbody line");
    CHECK_INT(a->line, 3);
    CHECK_INT(fl_reader_next(r, &a), FL_END);
    fl_reader_free(r);

    fl_reader_options o;
    fl_reader_options_init(&o);
    o.format = FL_FORMAT_PLAIN;
    r = fl_reader_new(&o);
    fl_reader_open_memory(r, plain, strlen(plain), "p");
    CHECK_INT(fl_reader_next(r, &a), FL_ERR_USAGE);
    CHECK(strstr(fl_reader_error(r), "--date") != NULL);
    fl_reader_free(r);
    o.default_date = "2023-02-30";
    CHECK(fl_reader_new(&o) == NULL);

    /* Warnings travel with the article. */
    r = make_reader(&ds, NULL);
    const char *bad = "date 2023-11-04 Bad \xff byte\nok\n";
    fl_reader_open_memory(r, bad, strlen(bad), "w");
    CHECK_INT(fl_reader_next(r, &a), FL_OK);
    CHECK_INT(a->warning_count, 1);
    CHECK_STR(a->headline, "Bad \xEF\xBF\xBD byte\n\nok");
    CHECK_INT(ds.count, 1);
    CHECK_INT(ds.last_offset, 20);
    CHECK_INT(ds.last_sev, FL_WARNING);
    fl_reader_free(r);

    /* An empty input and a missing file. */
    r = make_reader(&ds, NULL);
    fl_reader_open_memory(r, "", 0, "empty");
    CHECK_INT(fl_reader_next(r, &a), FL_END);
    CHECK_INT(fl_reader_open(r, "tests/no/such/file"), FL_ERR_IO);
    CHECK(strstr(fl_reader_error(r), "cannot open") != NULL);
    CHECK_INT(fl_reader_next(r, &a), FL_END);
    fl_reader_free(r);

    /* Dates. */
    int y, m, d;
    CHECK(fl_date_parse("2024-02-29", 10, &y, &m, &d));
    CHECK(!fl_date_parse("2023-02-29", 10, &y, &m, &d));
    CHECK(!fl_date_parse("2023-04-31", 10, &y, &m, &d));
    CHECK(!fl_date_parse("0000-01-01", 10, &y, &m, &d));
    CHECK(!fl_date_parse("2023-1-01", 9, &y, &m, &d));
    CHECK(!fl_date_parse("2023-01-0x", 10, &y, &m, &d));

    fl_doc_free(doc);
    return check_report("reader");
}
