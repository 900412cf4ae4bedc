/* test_time_timeml.c — TimeML in and out, hostile TimeML, and the
 * TempEval-3 Task A scorer on hand-made cases with known counts. */
#include <string.h>

#include "check.h"
#include "factline.h"
#include "text/doc.h"
#include "time/timeml.h"
#include "util/buffer.h"

static const char doc_text[] =
    "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>x</DOCID>\n"
    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-02-13\" functionInDocument=\"CREATION_TIME\">19980213</TIMEX3></DCT>\n"
    "<TEXT>\nAT&amp;T <EVENT eid=\"e1\" class=\"OCCURRENCE\">said</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" "
    "value=\"1998-02-12\">Thursday</TIMEX3> that profit rose <TIMEX3 tid=\"t2\" type=\"DURATION\" "
    "value=\"P3Y\">three years</TIMEX3> in a row.\n</TEXT>\n"
    "<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\" tense=\"PAST\"/>\n<TLINK lid=\"l1\" eventInstanceID=\"ei1\" relatedToTime=\"t1\"/>\n"
    "</TimeML>\n";

static void read_write(void)
{
    fl_timeml_doc d;
    CHECK_INT(fl_timeml_read(&d, doc_text, strlen(doc_text), "x.tml"), FL_OK);
    CHECK_STR(d.dct, "1998-02-13");
    CHECK_STR(d.plain, "\nAT&T said Thursday that profit rose three years in a row.\n");
    CHECK_INT(d.gold_count, 2);
    CHECK_INT(d.gold[0].start, 11);
    CHECK_INT(d.gold[0].end, 19);
    CHECK_INT(d.gold[1].type, FL_TIME_DURATION);
    CHECK_STR(d.gold[1].value, "P3Y");

    fl_doc *work = fl_doc_new();
    fl_timex *times = NULL;
    size_t n = 0, cap = 0;
    CHECK_INT(fl_timeml_find_times(&d, work, &times, &n, &cap), FL_OK);
    CHECK_INT(n, 2);
    fl_buffer *out = fl_buffer_new();
    CHECK_INT(fl_timeml_write(&d, times, n, out), FL_OK);
    const char *w = fl_buffer_data(out);
    CHECK(strstr(w, "<TEXT>\nAT&amp;T said <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-02-12\">Thursday</TIMEX3> "
                    "that profit rose <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P3Y\">three years</TIMEX3> in a "
                    "row.\n</TEXT>\n</TimeML>\n") != NULL);
    CHECK(strstr(w, "<DCT><TIMEX3 tid=\"t0\"") != NULL);
    CHECK(strstr(w, "TLINK") == NULL && strstr(w, "MAKEINSTANCE") == NULL && strstr(w, "EVENT") == NULL);

    /* The output reads back with the same text and our times as its tags. */
    fl_timeml_doc back;
    CHECK_INT(fl_timeml_read(&back, w, fl_buffer_len(out), "out.tml"), FL_OK);
    CHECK_STR(back.plain, d.plain);
    CHECK_INT(back.gold_count, 2);
    fl_timex_counts c = {0};
    CHECK(fl_timex_score(d.plain, d.gold, d.gold_count, back.gold, back.gold_count, &c));
    CHECK_INT(c.strict, 2);
    CHECK_INT(c.value_ok, 2);
    fl_timeml_doc_free(&back);
    fl_buffer_free(out);
    free(times);
    fl_doc_free(work);
    fl_timeml_doc_free(&d);
}

/* The mod attribute: read from gold, found, written, read back, scored. */
static void mod_attribute(void)
{
    static const char text[] =
        "<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2001-05-10\">x</TIMEX3></DCT>\n<TEXT>\n"
        "The dig lasted <TIMEX3 tid=\"t1\" type=\"DURATION\" value=\"P3Y\" mod=\"APPROX\">about three years"
        "</TIMEX3> and ended in <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1999\" mod=\"START\">early 1999</TIMEX3>"
        " or <TIMEX3 tid=\"t3\" type=\"DATE\" value=\"1999\">1999</TIMEX3>.\n</TEXT>\n</TimeML>\n";
    fl_timeml_doc d;
    CHECK_INT(fl_timeml_read(&d, text, strlen(text), "m.tml"), FL_OK);
    CHECK_INT(d.gold_count, 3);
    CHECK_INT(d.gold[0].mod, FL_MOD_APPROX);
    CHECK_INT(d.gold[1].mod, FL_MOD_START);
    CHECK_INT(d.gold[2].mod, FL_MOD_NONE);
    fl_doc *work = fl_doc_new();
    fl_timex *times = NULL;
    size_t n = 0, cap = 0;
    CHECK_INT(fl_timeml_find_times(&d, work, &times, &n, &cap), FL_OK);
    CHECK_INT(n, 3);
    fl_buffer *out = fl_buffer_new();
    CHECK_INT(fl_timeml_write(&d, times, n, out), FL_OK);
    const char *w = fl_buffer_data(out);
    CHECK(strstr(w, "<TIMEX3 tid=\"t1\" type=\"DURATION\" value=\"P3Y\" mod=\"APPROX\">about three years</TIMEX3>") !=
          NULL);
    CHECK(strstr(w, "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1999\" mod=\"START\">early 1999</TIMEX3>") != NULL);
    CHECK(strstr(w, "<TIMEX3 tid=\"t3\" type=\"DATE\" value=\"1999\">1999</TIMEX3>") != NULL);
    fl_timeml_doc back;
    CHECK_INT(fl_timeml_read(&back, w, fl_buffer_len(out), "out.tml"), FL_OK);
    fl_timex_counts c = {0};
    CHECK(fl_timex_score(d.plain, d.gold, d.gold_count, back.gold, back.gold_count, &c));
    CHECK_INT(c.relaxed, 3);
    CHECK_INT(c.mod_ok, 3);
    back.gold[0].mod = FL_MOD_LESS_THAN;
    fl_timex_counts c2 = {0};
    CHECK(fl_timex_score(d.plain, d.gold, d.gold_count, back.gold, back.gold_count, &c2));
    CHECK_INT(c2.mod_ok, 2);
    CHECK_STR(fl_time_mod_name(FL_MOD_EQUAL_OR_MORE), "EQUAL_OR_MORE");
    CHECK(fl_time_mod_name(FL_MOD_NONE) == NULL && fl_time_mod_name((fl_time_mod)99) == NULL);
    CHECK_INT(fl_time_mod_from_name("ON_OR_AFTER"), FL_MOD_ON_OR_AFTER);
    CHECK_INT(fl_time_mod_from_name("SOMETIMES"), FL_MOD_NONE);
    fl_timeml_doc_free(&back);
    fl_buffer_free(out);
    free(times);
    fl_doc_free(work);
    fl_timeml_doc_free(&d);
}

static void hostile(void)
{
    static const char *const bad[] = {
        "",
        "<TimeML><TEXT>no dct</TEXT></TimeML>",
        "<DCT><TIMEX3 value=\"1998-02-30\"/></DCT><TEXT>x</TEXT>",
        "<DCT><TIMEX3 value=\"soon\"/></DCT><TEXT>x</TEXT>",
        "<DCT><TIMEX3 value=\"1998-02-13\"/></DCT>no text",
        "<DCT><TIMEX3 value=\"1998-02-13\"/></DCT><TEXT>open <TIMEX3 type=\"DATE\">x",
        "<DCT><TIMEX3 value=\"1998-02-13\"/></DCT><TEXT>broken <TIMEX3 type=\"DATE\" </TEXT>",
        "<DCT><TIMEX3 value=\"1998-02-13\"/></DCT><TEXT><TIMEX3 type=\"DATE\">a<TIMEX3>b</TIMEX3></TIMEX3></TEXT>",
        "<DCT><TIMEX3 value=\"1998-02-13\"/></DCT><TEXT>x</TIMEX3></TEXT>",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        fl_timeml_doc d;
        fl_status st = fl_timeml_read(&d, bad[i], strlen(bad[i]), "bad.tml");
        CHECK_INT(st, FL_ERR_FORMAT);
        CHECK(strncmp(d.error, "bad.tml: byte ", 14) == 0);
        fl_timeml_doc_free(&d);
    }
    fl_timeml_doc d;
    CHECK_INT(fl_timeml_read_file(&d, "/nonexistent/x.tml"), FL_ERR_IO);
    fl_timeml_doc_free(&d);
    /* entities decode, unknown ones stay as text */
    const char *ok = "<DCT><TIMEX3 value=\"1998-02-13\"/></DCT><TEXT>a &#233; &#x41; &bogus; &#99999999;</TEXT>";
    CHECK_INT(fl_timeml_read(&d, ok, strlen(ok), "ok.tml"), FL_OK);
    CHECK_STR(d.plain, "a \xC3\xA9 A &bogus; &#99999999;");
    fl_timeml_doc_free(&d);
}

static fl_timex X(uint32_t a, uint32_t b, fl_time_type t, const char *v)
{
    fl_timex x;
    x.start = a;
    x.end = b;
    x.type = t;
    snprintf(x.value, sizeof x.value, "%s", v);
    return x;
}

static void scorer(void)
{
    /* plain: "Sunday morning and last week and now" */
    const char *plain = "Sunday morning and last week and now";
    fl_timex gold[3] = {X(0, 14, FL_TIME_TIME, "1998-02-15TMO"), X(19, 28, FL_TIME_DATE, "1998-W06"),
                        X(33, 36, FL_TIME_DATE, "PRESENT_REF")};
    /* system: "Sunday" and "morning" split (one relaxed match, one spurious),
     * "last week" exact with a wrong value, "now" missed */
    fl_timex sys[3] = {X(0, 6, FL_TIME_DATE, "1998-02-15"), X(7, 14, FL_TIME_TIME, "XXXX-XX-XXTMO"),
                       X(19, 28, FL_TIME_DATE, "1998-W07")};
    fl_timex_counts c = {0};
    CHECK(fl_timex_score(plain, gold, 3, sys, 3, &c));
    CHECK_INT(c.gold, 3);
    CHECK_INT(c.system, 3);
    CHECK_INT(c.relaxed, 2);
    CHECK_INT(c.strict, 1);
    CHECK_INT(c.type_ok, 1);
    CHECK_INT(c.value_ok, 0);
    fl_timex_scores s;
    fl_timex_compute(&c, &s);
    CHECK(s.relaxed_p > 0.666 && s.relaxed_p < 0.667);
    CHECK(s.strict_f1 > 0.333 && s.strict_f1 < 0.334);
    CHECK(s.type_f1 > 0.333 && s.type_f1 < 0.334); /* accuracy 1/2 x relaxed F1 2/3 */
    CHECK(s.value_f1 == 0.0);
    /* a system expression starting inside a gold one matches it; a gold one
     * starting inside a system one does too, once */
    fl_timex g2[2] = {X(0, 6, FL_TIME_DATE, "a"), X(7, 14, FL_TIME_DATE, "b")};
    fl_timex s2[1] = {X(0, 14, FL_TIME_DATE, "a")};
    fl_timex_counts c2 = {0};
    CHECK(fl_timex_score(plain, g2, 2, s2, 1, &c2));
    CHECK_INT(c2.relaxed, 1);
    CHECK_INT(c2.value_ok, 1);
    fl_timex s3[1] = {X(3, 10, FL_TIME_DATE, "b")};
    fl_timex_counts c3 = {0};
    CHECK(fl_timex_score(plain, g2, 2, s3, 1, &c3));
    CHECK_INT(c3.relaxed, 1);
    CHECK_INT(c3.value_ok, 0); /* matched the first gold expression, "a" */
    fl_timex_counts none = {0};
    fl_timex_compute(&none, &s);
    CHECK(s.relaxed_f1 == 1.0);
}

int main(void)
{
    read_write();
    mod_attribute();
    hostile();
    scorer();
    return check_report("time_timeml");
}
