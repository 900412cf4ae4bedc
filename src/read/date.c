/*
 * date.c — calendar dates as written in article headers: "YYYY-MM-DD".
 *
 * Only the proleptic Gregorian calendar, years 1..9999. Not for time
 * expressions in article text (those belong to the time layer).
 */
#include "factline.h"

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

int fl_date_parse(const char *s, size_t len, int *year, int *month, int *day)
{
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    int v[3] = {0, 0, 0};
    static const int start[3] = {0, 5, 8}, width[3] = {4, 2, 2};
    for (int f = 0; f < 3; f++) {
        for (int i = 0; i < width[f]; i++) {
            char c = s[start[f] + i];
            if (c < '0' || c > '9')
                return 0;
            v[f] = v[f] * 10 + (c - '0');
        }
    }
    if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > days_in_month(v[0], v[1]))
        return 0;
    *year = v[0];
    *month = v[1];
    *day = v[2];
    return 1;
}
