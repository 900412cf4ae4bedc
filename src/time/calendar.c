/*
 * calendar.c — Gregorian date arithmetic (see calendar.h). Day numbers use
 * the era algorithm of H. Hinnant ("chrono-compatible low-level date
 * algorithms"): constant time, no tables, exact for the whole range.
 * Not for: time zones or times of day.
 */
#include "time/calendar.h"

int fl_cal_is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int fl_cal_days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && fl_cal_is_leap(y) ? 29 : days[m - 1];
}

int fl_cal_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= fl_cal_days_in_month(y, m);
}

long fl_cal_day_number(fl_cal_date d)
{
    long y = d.year - (d.month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (d.month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d.day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

fl_cal_date fl_cal_from_day_number(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    fl_cal_date r;
    r.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    r.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    r.year = (int)(yoe + era * 400 + (r.month <= 2));
    return r;
}

int fl_cal_weekday(fl_cal_date d)
{
    long n = fl_cal_day_number(d); /* 1970-01-01 was a Thursday (4) */
    long w = (n + 3) % 7;
    if (w < 0)
        w += 7;
    return (int)w + 1;
}

void fl_cal_iso_week(fl_cal_date d, int *week_year, int *week)
{
    /* The week belongs to the year of its Thursday. */
    long n = fl_cal_day_number(d);
    long thursday = n - fl_cal_weekday(d) + 4;
    fl_cal_date t = fl_cal_from_day_number(thursday);
    fl_cal_date jan1 = {t.year, 1, 1};
    *week_year = t.year;
    *week = (int)((thursday - fl_cal_day_number(jan1)) / 7 + 1);
}

fl_cal_date fl_cal_add_days(fl_cal_date d, long days)
{
    return fl_cal_from_day_number(fl_cal_day_number(d) + days);
}

fl_cal_date fl_cal_add_months(fl_cal_date d, long months)
{
    long total = (long)d.year * 12 + (d.month - 1) + months;
    fl_cal_date r;
    r.year = (int)(total / 12);
    r.month = (int)(total % 12) + 1;
    int dim = fl_cal_days_in_month(r.year, r.month);
    r.day = d.day > dim ? dim : d.day;
    return r;
}

fl_cal_date fl_cal_easter(int year)
{
    int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    fl_cal_date r = {year, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1};
    return r;
}
