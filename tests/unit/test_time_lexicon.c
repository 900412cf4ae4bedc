/* test_time_lexicon.c — the time vocabulary is sorted (the fallback lookup
 * is a binary search) and the indexed lookup answers as a bisection would:
 * every entry in any case and with a final period, no prefix, a key ended
 * by a NUL byte; the calendar's arithmetic is exact. */
#include <ctype.h>
#include <string.h>

#include "check.h"
#include "time/calendar.h"
#include "time/lexicon.h"

int main(void)
{
    const fl_lex_entry *e;
    size_t n = fl_lex_dump(&e);
    CHECK(n > 150);
    for (size_t i = 1; i < n; i++) {
        if (strcmp(e[i - 1].word, e[i].word) >= 0)
            fprintf(stderr, "lexicon out of order at %s / %s\n", e[i - 1].word, e[i].word);
        CHECK(strcmp(e[i - 1].word, e[i].word) < 0);
    }
    const fl_lex_entry *x = fl_lex_lookup("Nov.", 4);
    CHECK(x && x->cls == FL_LX_MONTH && x->value == 11 && (x->flags & FL_LXF_ABBR));
    x = fl_lex_lookup("MAY", 3);
    CHECK(x && x->cls == FL_LX_MONTH && x->value == 5 && (x->flags & FL_LXF_AMBIG));
    x = fl_lex_lookup("Saturdays", 9);
    CHECK(x && x->cls == FL_LX_WEEKDAY && x->value == 6 && (x->flags & FL_LXF_PLURAL));
    x = fl_lex_lookup("fortnight", 9);
    CHECK(x && x->cls == FL_LX_UNIT && x->value == FL_U_FORTNIGHT);
    CHECK(fl_lex_lookup("Blinken", 7) == NULL);
    CHECK(fl_lex_lookup("", 0) == NULL);
    CHECK(fl_lex_lookup("a-very-long-word-indeed", 23) == NULL);
    /* Every entry through the index: as written, upper-cased, with a final
     * period; its prefixes give only shorter entries. */
    size_t found = 0, upper = 0, period = 0, wrong = 0;
    for (size_t i = 0; i < n; i++) {
        const char *w = e[i].word;
        size_t len = strlen(w);
        char buf[32];
        CHECK(len + 1 < sizeof buf);
        if (len + 1 >= sizeof buf)
            continue;
        found += fl_lex_lookup(w, len) == &e[i];
        for (size_t k = 0; k < len; k++)
            buf[k] = (char)toupper((unsigned char)w[k]);
        upper += fl_lex_lookup(buf, len) == &e[i];
        memcpy(buf, w, len);
        buf[len] = '.';
        period += fl_lex_lookup(buf, len + 1) == &e[i];
        for (size_t k = 1; k < len; k++) {
            const fl_lex_entry *p = fl_lex_lookup(w, k);
            wrong += p && strlen(p->word) != k - (w[k - 1] == '.'); /* "a." of "a.m" is "a" */
        }
    }
    CHECK_INT(found, n);
    CHECK_INT(upper, n);
    CHECK_INT(period, n);
    CHECK_INT(wrong, 0);
    x = fl_lex_lookup("may\0be", 6); /* a NUL ends the key, as in a bisection */
    CHECK(x && x->cls == FL_LX_MONTH && x->value == 5);
    CHECK(fl_lex_lookup("\0may", 4) == NULL);
    CHECK(fl_lex_lookup("mayo", 4) == NULL && fl_lex_lookup("yam", 3) == NULL);
    CHECK_STR(fl_unit_letter(FL_U_DECADE), "DE");
    CHECK(fl_unit_is_clock(FL_U_HOUR) && !fl_unit_is_clock(FL_U_DAY));

    /* calendar */
    fl_cal_date epoch = {1970, 1, 1}, leap = {2024, 2, 29}, seed = {2023, 11, 4};
    CHECK_INT(fl_cal_day_number(epoch), 0);
    CHECK_INT(fl_cal_weekday(epoch), 4);
    CHECK_INT(fl_cal_weekday(seed), 6);
    fl_cal_date r = fl_cal_from_day_number(fl_cal_day_number(leap) + 1);
    CHECK(r.year == 2024 && r.month == 3 && r.day == 1);
    r = fl_cal_add_months(leap, 12);
    CHECK(r.year == 2025 && r.month == 2 && r.day == 28);
    r = fl_cal_add_months((fl_cal_date){2023, 1, 31}, -2);
    CHECK(r.year == 2022 && r.month == 11 && r.day == 30);
    int wy, wk;
    fl_cal_iso_week(seed, &wy, &wk);
    CHECK(wy == 2023 && wk == 44);
    fl_cal_iso_week((fl_cal_date){2021, 1, 3}, &wy, &wk);
    CHECK(wy == 2020 && wk == 53);
    fl_cal_iso_week((fl_cal_date){2024, 12, 30}, &wy, &wk);
    CHECK(wy == 2025 && wk == 1);
    CHECK(fl_cal_valid(2000, 2, 29) && !fl_cal_valid(1900, 2, 29) && !fl_cal_valid(2023, 13, 1));
    CHECK(!fl_cal_valid(0, 1, 1) && !fl_cal_valid(10000, 1, 1));
    for (long d = -800000; d < 3000000; d += 997) {
        fl_cal_date x2 = fl_cal_from_day_number(d);
        if (fl_cal_day_number(x2) != d) {
            CHECK(0);
            break;
        }
    }
    return check_report("time_lexicon");
}
