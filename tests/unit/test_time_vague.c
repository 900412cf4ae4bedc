/* test_time_vague.c — the time layer's sixth-round rules: vague amounts
 * written without a count ("for a while"), amounts that measure a quantity
 * rather than a time ("six months of base pay"), and the seed article's
 * values, which the rules must leave alone. Exact spans, types and values. */
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
    seed_values();
    return check_report("time_vague");
}
