/* test_time_vague.c — the time layer's sixth-round rules: vague amounts
 * written without a count ("for a while"), amounts that measure a quantity
 * rather than a time ("six months of base pay"), "a later date", quarter
 * and half codes ("Q3 2023"), "this past weekend", "the day before
 * yesterday", "the weeks ahead", and the seed article's values, which the
 * rules must leave alone. Exact spans, types and values. */
#include <string.h>

#include "check.h"
#include "factline.h"
#include "time_check.h"

static void a_while(void)
{
    T("1998-01-11", "They will have to live without power for a while.", "a while|DURATION|PXX");
    T("1998-01-11", "After a while, the crowd left.", "a while|DURATION|PXX");
    T("1998-01-11", "It may take a while to restore the lines.", "a while|DURATION|PXX");
    T("1998-01-11", "He left the party a while ago.", "a while ago|DATE|PAST_REF");
    T("1998-01-11", "We met a while back in Paris.", "a while back|DATE|PAST_REF");
    /* not a time: the conjunction, a frequency with no value */
    T("1998-01-11", "He read while she slept.", "");
    T("1998-01-11", "Once in a while the river floods.", "");
    T("1998-01-11", "The strike was worthwhile for them.", "");
}

static void dates_to_come(void)
{
    T("1989-10-26", "It will seek additional financing at a later date.", "a later date|DATE|FUTURE_REF");
    T("1989-10-26", "The vote was moved to a future date.", "a future date|DATE|FUTURE_REF");
    /* "an earlier date" is earlier than a plan, often still ahead: no time */
    T("1987-04-07", "They trade until six months after the offering or an earlier date set by the underwriter.",
      "six months|DURATION|P6M");
    /* "date" alone is no time */
    T("1989-10-26", "To date, nothing has changed.", "");
    T("1989-10-26", "The date was set by the court.", "");
    T("1989-10-26", "Give your date of birth and a later address.", "");
}

static void measured_quantities(void)
{
    T("1989-11-02", "Upjohn is offering a bonus equal to six months of base pay.", "");
    T("1989-11-02", "The country holds three months' supply of oil.", "");
    T("1989-11-02", "Reserves cover one month's imports.", "");
    T("1989-11-02", "Stocks equal 98 days of consumption.", "");
    T("1989-11-02", "Each soldier carried a week's worth of food.", "");
    T("1989-11-02", "He received two years of severance.", "");
    /* still times: a period of something else, and the report periods */
    T("1989-11-02", "The bonus is paid after six months of service.", "six months|DURATION|P6M");
    T("1989-11-02", "Net for the first nine months of the year rose.",
      "the first nine months|DURATION|P9M\nthe year|DATE|1989");
    T("1989-11-02", "Sales rose after six months of talks.", "six months|DURATION|P6M");
    T("1987-03-11", "It reported nine months' net income of 4.4 mln dlrs.", "nine months|DURATION|P9M");
    T("1989-11-02", "The past two months of pay were withheld.", "The past two months|DURATION|P2M");
}

static void period_codes(void)
{
    T("2023-11-04", "Profits in Q3 2023 rose.", "Q3 2023|DATE|2023-Q3");
    T("2023-11-04", "Sales in Q4 of 2022 fell.", "Q4 of 2022|DATE|2022-Q4");
    T("2023-11-04", "In H1 2024 sales will rise.", "H1 2024|DATE|2024-H1");
    /* a lone quarter after a preposition: this year's, or last year's when it lies ahead */
    T("2023-11-04", "Results for Q3 were strong.", "Q3|DATE|2023-Q3");
    T("2023-05-04", "Results for Q4 were strong.", "Q4|DATE|2022-Q4");
    T("2023-05-04", "Results for Q4 will be strong.", "Q4|DATE|2023-Q4");
    /* and it is the quarter a later "a year earlier" compares with */
    T("2023-11-04", "Profit in Q3 2023 rose from a year earlier.", "Q3 2023|DATE|2023-Q3\na year earlier|DATE|2022-Q3");
    /* labels, not periods */
    T("2023-11-04", "The H1 receptor and the Q3 tower.", "");
    T("2023-11-04", "She met him at Q3.", "");
    T("2023-11-04", "The H1N1 virus and H1-B visas.", "");
}

static void this_past(void)
{
    T("2023-11-04", "Rockets were fired this past weekend.", "this past weekend|DATE|2023-W43-WE");
    T("2023-10-15", "This past weekend was calm.", "This past weekend|DATE|2023-W41-WE"); /* a Sunday */
    T("1989-10-26", "Eastern's strike began this past spring.", "this past spring|DATE|1989-SP");
    T("1987-03-16", "He called this past Monday.", "this past Monday|DATE|1987-03-09");
    T("1987-10-20", "The financing was completed this past May.", "this past May|DATE|1987-05");
    /* the past week and year stay durations */
    T("2023-10-15", "Thousands have fled this past week.", "past week|DURATION|P1W");
    T("2023-10-15", "Prices rose this past year.", "past year|DURATION|P1Y");
}

static void days_beyond_and_ahead(void)
{
    T("2023-11-04", "He left the day before yesterday and returns the day after tomorrow.",
      "the day before yesterday|DATE|2023-11-02\nthe day after tomorrow|DATE|2023-11-06");
    T("2023-11-04", "The day before the vote, he left.", "");
    T("1989-10-27", "Funds will face pressure in the weeks ahead.", "the weeks ahead|DATE|FUTURE_REF");
    T("2023-10-08", "The days ahead will be long.", "The days ahead|DATE|FUTURE_REF");
    T("2023-10-08", "Two days ahead of the vote, he left.", "Two days|DURATION|P2D");
}

static void clock_days(void)
{
    /* a clock time takes the day named right after it ("on" DAY), also past
     * "local time" and a conversion in parentheses; the day stays its own */
    T("2023-11-04", "At 06:30 on 7 October, rockets were fired.", "06:30|TIME|2023-10-07T06:30\n7 October|DATE|2023-10-07");
    T("2023-10-19", "The explosion happened at around 19:00 local time (16:00 GMT) on Tuesday.",
      "19:00|TIME|2023-10-17T19:00\n16:00 GMT|TIME|2023-10-17T16:00\nTuesday|DATE|2023-10-17");
    T("2023-11-04", "The vote is at 3 p.m. on Sunday 5 November.",
      "3 p.m.|TIME|2023-11-05T15:00\nSunday 5 November|DATE|2023-11-05");
    /* and the day named right before it */
    T("2023-11-04", "On Friday at 7 p.m., sirens sounded.", "Friday|DATE|2023-11-03\n7 p.m.|TIME|2023-11-03T19:00");
    T("2023-11-04", "Hamas attacked on 7 October, at around 06:30 local time.",
      "7 October|DATE|2023-10-07\n06:30|TIME|2023-10-07T06:30");
    T("2023-10-24", "He was seen on 7 October at around 10:00 [07:00 GMT] in the morning.",
      "7 October|DATE|2023-10-07\n10:00|TIME|2023-10-07T10:00\n07:00 GMT|TIME|2023-10-07T07:00");
    T("2023-12-24", "The tanker was struck on Saturday at 10:00 local time (06:00 GMT).",
      "Saturday|DATE|2023-12-23\n10:00|TIME|2023-12-23T10:00\n06:00 GMT|TIME|2023-12-23T06:00");
    /* not a day further back in the sentence, nor across a semicolon */
    T("2023-11-04", "On Friday, 40 people died at 3 p.m.", "Friday|DATE|2023-11-03\n3 p.m.|TIME|2023-11-04T15:00");
    T("2023-11-04", "Rockets fell at 9 p.m.; on Friday the army struck.",
      "9 p.m.|TIME|2023-11-04T21:00\nFriday|DATE|2023-11-03");
}

static void time_from_now(void)
{
    /* "in N units' time": that far from the DCT, a date at the unit's grain */
    T("2023-10-25", "In a week's time the calls will be deafening.", "a week's time|DATE|2023-W44");
    T("1987-03-05", "Spain joins the system in five years' time.", "five years' time|DATE|1992");
    T("2023-11-04", "Talks resume in three days' time.", "three days' time|DATE|2023-11-07");
    T("2024-02-20", "Who knows how they would feel in a few months' time.", "a few months' time|DATE|FUTURE_REF");
    /* not after "in", or a clock unit: durations */
    T("2023-11-04", "It took two weeks' time to fix.", "two weeks|DURATION|P2W");
    T("2023-11-04", "He will land in two hours' time.", "two hours|DURATION|PT2H");
}

static void centuries(void)
{
    /* an edge before an ordinal century joins it with its "the"; ordinals in words up to twentieth */
    T("2023-11-04", "It was the late 19th century.", "the late 19th century|DATE|18");
    T("2023-11-04", "It began in the early twentieth century.", "the early twentieth century|DATE|19");
    T("2023-11-04", "A problem of the twenty-first century.", "the twenty-first century|DATE|20");
    T("2023-11-04", "Built in the mid-eighteenth century.", "the mid-eighteenth century|DATE|17");
    T("2023-11-04", "Held on the fifteenth of May.", "the fifteenth of May|DATE|2023-05-15");
    T("2023-11-04", "On the twentieth anniversary, they met.", "");
}

static void decade_words(void)
{
    /* decades in words, in the DCT's century once it has reached them (format as "the 1990s": 199X) */
    T("1998-03-03", "Hate group numbers dropped through the nineties.", "the nineties|DATE|199X");
    T("1998-03-03", "Prices peaked in the early eighties.", "the early eighties|DATE|198X");
    T("1987-04-01", "They saw the futility of it in the mid-seventies.", "the mid-seventies|DATE|197X");
    T("2023-11-04", "The twenties have been hard.", "The twenties|DATE|202X");
    T("1998-03-03", "The twenties roared.", "The twenties|DATE|192X");
    /* ages and quantities */
    T("2023-10-10", "Reservists from their early twenties were called.", "");
    T("1998-03-03", "In his nineties, he was still fit.", "");
    T("1998-03-03", "Support was in the seventies percent range.", "");
}

static void until_looks_ahead(void)
{
    /* "until" opens a clause that runs ahead: a month or weekday a few words after it is the coming one */
    T("1987-03-31", "The presidency is held by the Belgians until the Danes take over in July.", "July|DATE|1987-07");
    T("1987-10-20", "The institute has given shippers until close of business on Thursday to submit details.",
      "Thursday|DATE|1987-10-22");
    T("2024-04-05", "She was granted bail until her trial begins on 10 June.", "10 June|DATE|2024-06-10");
    /* a past verb nearer the date still wins, and a past deadline stays past */
    T("1987-03-10", "Until it collapsed in February, the strike had held.", "February|DATE|1987-02");
    T("2023-11-08", "Until Monday, police had not named a suspect.", "Monday|DATE|2023-11-06");
}

static void seed_values(void)
{
    /* the seed article (issue 4): these must not move */
    T("2023-11-04", "Hamas attacked Israel on October 7.", "October 7|DATE|2023-10-07");
    T("2023-11-04", "On Wednesday, November 1, the crossing opened.", "Wednesday, November 1|DATE|2023-11-01");
    T("2023-11-04", "Blinken is scheduled to meet Arab ministers on Saturday.", "Saturday|DATE|2023-11-04");
    T("2023-11-04", "Talks continued this week.", "this week|DATE|2023-W44");
}

int main(void)
{
    a_while();
    dates_to_come();
    measured_quantities();
    period_codes();
    this_past();
    days_beyond_and_ahead();
    clock_days();
    time_from_now();
    centuries();
    until_looks_ahead();
    decade_words();
    seed_values();
    return check_report("time_vague");
}
