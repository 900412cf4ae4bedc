/* test_time_review.c — the defects a review of the sixth round's time rules
 * found, each pinned with exact spans, types and values: "until" against a
 * past verb, a clock time taking a stale day, decades in words that are
 * levels, amounts before a compound noun, "ahead of", question numbers,
 * "a while" without a time context, and "this past" made consistent. */
#include <string.h>

#include "check.h"
#include "factline.h"
#include "time_check.h"

static void until_is_weaker_than_a_verb(void)
{
    /* a past verb in the clause outweighs "until" (DCT a Wednesday) */
    T("2024-06-12", "The fighting continued until the ceasefire in October.", "October|DATE|2023-10");
    T("2024-06-12", "Smith ran the firm until his retirement in September.", "September|DATE|2023-09");
    T("2024-06-12", "Rebels held the town until government forces retook it on Sunday.", "Sunday|DATE|2024-06-09");
    T("2024-06-12", "The stadium was full until the storm hit on Saturday.", "Saturday|DATE|2024-06-08");
    /* still ahead: a present verb after "until", or no past verb at all */
    T("2024-06-12", "The ban stays until the court rules in October.", "October|DATE|2024-10");
    T("2024-06-12", "Talks are paused until the envoy arrives on Saturday.", "Saturday|DATE|2024-06-15");
    T("2024-06-12", "Talks are paused until it reopens on Saturday.", "Saturday|DATE|2024-06-15");
    T("2024-06-12", "Fighting continued until peace talks in October.", "October|DATE|2023-10");
    /* a participle is no past verb; a modal and the clause after a comma do not count */
    T("1987-03-31", "The presidency, now held by the Belgians until the Danes take over in July.",
      "now|DATE|PRESENT_REF\nJuly|DATE|1987-07");
    T("1987-06-01", "The government would not decide until after Thursday's meeting.", "Thursday|DATE|1987-06-04");
    T("1987-03-12", "The suspension will last until the end of trading on Friday, the bourse added.",
      "Friday|DATE|1987-03-13");
    T("1987-04-02", "It will grip the market until June or early July,\" one trader said.",
      "June|DATE|1987-06\nearly July|DATE|1987-07");
}

static void clock_takes_only_a_day(void)
{
    /* a week, weekend, season or quarter right before a clock time gives it
     * no day, and does not let an older day through */
    T("2024-06-12", "The vote was on Friday. Results will come next week at 9 a.m.",
      "Friday|DATE|2024-06-07\nnext week|DATE|2024-W25\n9 a.m.|TIME|2024-06-12T09:00");
    T("2024-06-12", "Talks began on Monday. Fighting resumed this past weekend at 10:00.",
      "Monday|DATE|2024-06-10\nthis past weekend|DATE|2024-W23-WE\n10:00|TIME|2024-06-12T10:00");
    T("2024-06-12", "He spoke on 3 May. The event is this summer, at 8 p.m.",
      "3 May|DATE|2024-05-03\nthis summer|DATE|2024-SU\n8 p.m.|TIME|2024-06-12T20:00");
    T("2024-06-12", "They met on 3 May, this summer at 8 p.m.",
      "3 May|DATE|2024-05-03\nthis summer|DATE|2024-SU\n8 p.m.|TIME|2024-06-12T20:00");
    /* a day right before still gives its day */
    T("2024-06-12", "The vote was on Friday at 9 a.m.", "Friday|DATE|2024-06-07\n9 a.m.|TIME|2024-06-07T09:00");
    T("2024-06-12", "The vote was on Friday at precisely 9 a.m.",
      "Friday|DATE|2024-06-07\n9 a.m.|TIME|2024-06-07T09:00");
}

static void decades_are_periods(void)
{
    /* a level, not a period: after "into", "to", or a measure in the clause */
    T("2024-06-12", "Temperatures will climb into the nineties on Friday.", "Friday|DATE|2024-06-14");
    T("2024-06-12", "The index fell to the fifties.", "");
    T("2024-06-12", "Polls put support in the thirties.", "");
    T("2024-06-12", "Temperatures in the mid-nineties are expected.", "");
    T("2024-06-12", "Highs will be in the eighties.", "");
    /* periods: after in/during/since/of/through, with an edge, or opening the sentence */
    T("2024-06-12", "Music of the nineties was loud.", "the nineties|DATE|199X");
    T("2024-06-12", "Crime has fallen since the eighties.", "the eighties|DATE|198X");
    T("2024-06-12", "He led the firm during the seventies.", "the seventies|DATE|197X");
    T("2024-06-12", "He was born in the late sixties.", "the late sixties|DATE|196X");
}

static void amounts_before_a_compound(void)
{
    /* the quantity noun must end its noun phrase to make the amount a quantity */
    T("2024-06-12", "They faced two years of supply chain disruption.", "two years|DURATION|P2Y");
    T("2024-06-12", "The region had three years of water shortages.", "three years|DURATION|P3Y");
    T("2024-06-12", "Shoppers saw five years of food price rises.", "five years|DURATION|P5Y");
    T("2024-06-12", "Tenants faced four years of rent increases.", "four years|DURATION|P4Y");
    T("2024-06-12", "He got six months of pay and two weeks' supply of food.", "");
    T("2024-06-12", "Hospitals had only three days of fuel left and one day of supplies.", "");
}

static void ahead_of(void)
{
    T("2024-06-12", "In the weeks ahead of the 2016 election, polls moved.", "2016|DATE|2016");
    T("2024-06-12", "In the days ahead of the storm, people left.", "");
    T("2024-06-12", "The weeks ahead of us will be hard.", "The weeks ahead|DATE|FUTURE_REF"); /* the coming ones */
    T("2024-06-12", "In the weeks ahead, polls will move.", "the weeks ahead|DATE|FUTURE_REF");
}

static void question_numbers(void)
{
    T("2024-06-12", "Answers to Q3 of 2023 survey were late.", "2023|DATE|2023");
    T("2024-06-12", "See Q2 of the 2023 questionnaire.", "2023|DATE|2023");
    T("2024-06-12", "Sales in Q3 of 2023 rose.", "Q3 of 2023|DATE|2023-Q3");
}

static void a_while_needs_a_context(void)
{
    T("2024-06-12", "A while loop runs.", "");
    T("2024-06-12", "I will see you in a while.", "a while|DATE|FUTURE_REF");
    T("2024-06-12", "A while later, he left.", "");
    T("2024-06-12", "They waited for a while.", "a while|DURATION|PXX");
    T("2024-06-12", "It took a while.", "a while|DURATION|PXX");
    T("2024-06-12", "It will be a while before exports fall.", "a while|DURATION|PXX");
    T("2024-06-12", "Selling could go on a while longer.", "a while longer|DURATION|PXX");
}

static void this_past_is_the_last_one_ended(void)
{
    /* a span ("weekend", a season) ended by the end of the DCT's day: on a
     * Sunday, the weekend ending that day; a day before the DCT's: on a
     * Sunday, "this past Sunday" is a week back (the DCT itself is "today") */
    T("2024-06-16", "Rockets fell this past weekend.", "this past weekend|DATE|2024-W24-WE");
    T("2024-06-16", "Rockets fell this past Saturday.", "this past Saturday|DATE|2024-06-15");
    T("2024-06-16", "Rockets fell this past Sunday.", "this past Sunday|DATE|2024-06-09");
    T("2024-06-15", "Rockets fell this past weekend.", "this past weekend|DATE|2024-W23-WE"); /* a Saturday */
    /* the past week, month and year are durations alike */
    T("2024-06-16", "Prices rose this past month.", "past month|DURATION|P1M");
    T("2024-06-16", "Prices rose this past week.", "past week|DURATION|P1W");
    T("2024-06-16", "Prices rose this past year.", "past year|DURATION|P1Y");
}

int main(void)
{
    until_is_weaker_than_a_verb();
    clock_takes_only_a_day();
    decades_are_periods();
    amounts_before_a_compound();
    ahead_of();
    question_numbers();
    a_while_needs_a_context();
    this_past_is_the_last_one_ended();
    return check_report("time_review");
}
