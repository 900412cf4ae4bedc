/*
 * calendar.h — Gregorian date arithmetic for the time layer: day numbers,
 * weekdays, ISO weeks, month and year shifts.
 *
 * Dates are proleptic Gregorian. A day number counts days from 1970-01-01
 * (negative before). Every function is total for years 1..9999; callers
 * check ranges before formatting. Not for: parsing text (recognize.c) or the
 * article header date (read/date.c).
 */
#ifndef FL_TIME_CALENDAR_H
#define FL_TIME_CALENDAR_H

typedef struct fl_cal_date {
    int year, month, day;
} fl_cal_date;

int fl_cal_is_leap(int year);
int fl_cal_days_in_month(int year, int month);
/* 1 if year/month/day is a real date with year 1..9999. */
int fl_cal_valid(int year, int month, int day);

long fl_cal_day_number(fl_cal_date d);
fl_cal_date fl_cal_from_day_number(long n);

/* ISO weekday: 1 = Monday .. 7 = Sunday. */
int fl_cal_weekday(fl_cal_date d);

/* ISO 8601 week: week-numbering year and week 1..53. */
void fl_cal_iso_week(fl_cal_date d, int *week_year, int *week);

fl_cal_date fl_cal_add_days(fl_cal_date d, long days);
/* Adds months, clamping the day to the end of the target month. */
fl_cal_date fl_cal_add_months(fl_cal_date d, long months);
/* Western (Gregorian) Easter Sunday of a year (the anonymous Gregorian
 * computus, Meeus/Jones/Butcher). */
fl_cal_date fl_cal_easter(int year);

#endif
