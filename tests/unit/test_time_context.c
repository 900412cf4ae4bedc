/* test_time_context.c — the time layer's context rules of the fifth round:
 * words that look like times but, in their sentence, are not ("four flights
 * a week", "today's youth"), and readings decided by the sentence ("will one
 * day be", "in the morning" after a day, Easter). Exact spans, types and
 * values. */
#include <string.h>

#include "check.h"
#include "factline.h"
#include "time_check.h"


static void sentence_initial_now(void)
{
    /* "Now," opening a sentence is most often temporal ("Now, following asset sales that shrank
     * revenue, ..."): it stays a time although TBAQ leaves its 3 cases untagged */
    T("1990-08-15", "Now, he says, the West wants war.", "Now|DATE|PRESENT_REF");
    T("1990-08-15", "Now officials are investigating.", "Now|DATE|PRESENT_REF");
    T("1990-08-15", "For now, the embassy is closed.", "now|DATE|PRESENT_REF");
}

static void count_rates(void)
{
    /* a count of things per unit is no time */
    T("1998-02-13", "Qantas flies four flights a week to Bombay.", "");
    T("1998-02-13", "This will add nearly 700 seats a week on the route.", "");
    T("1998-02-06", "The economy created jobs at a rate of 358,000 a month.", "");
    T("1989-10-27", "Intel clocks the chip at 15 million instructions per second.", "");
    T("1989-10-27", "The car went 60 miles per hour.", "");
    /* money per unit stays a set, and a year ago stays a date */
    T("1989-10-27", "Members pay $5 per week.", "per week|SET|P1W");
    T("1998-02-13", "It will save $500 million a year.", "a year|SET|P1Y");
    T("1989-10-26", "Revenue rose to $3 billion from 4 pence a year earlier.", "a year earlier|DATE|1988");
    /* a unit after a count is a duration as before */
    T("1998-02-13", "They flew for four days.", "four days|DURATION|P4D");
}

static void era_words(void)
{
    /* "today's" and "tomorrow" naming the present age or the future */
    T("1998-04-24", "Barriers apply only to fathers in today's world.", "");
    T("2000-01-15", "Elian is for today's youth what the blockade was for others.", "");
    T("1989-10-27", "Intel chips run many of today's personal computers.", "");
    T("1989-11-02", "If I were choosing the people of tomorrow, I would choose them.", "");
    /* the day itself */
    T("1989-11-02", "The offer was advertised in today's editions.", "today|DATE|1989-11-02");
    /* "high noon" is the idiom; noon is a clock time */
    T("1999-03-12", "For the people of Poland, high noon comes today.", "today|DATE|1999-03-12");
    T("1999-03-12", "They met at noon.", "noon|TIME|1999-03-12T12:00");
    T("1989-11-02", "The deal closes tomorrow.", "tomorrow|DATE|1989-11-03");
    T("1989-11-02", "He will decide by the end of tomorrow.", "the end of tomorrow|DATE|1989-11-03");
}

static void one_day(void)
{
    /* after a modal, "one day" is an indefinite future */
    T("1998-03-03", "Islam will one day be the second largest religion.", "one day|DATE|FUTURE_REF");
    T("1998-03-03", "He hopes he could one day fly.", "one day|DATE|FUTURE_REF");
    /* an amount otherwise */
    T("1989-10-30", "He had only been in the job one day.", "one day|DURATION|P1D");
}

static void easter(void)
{
    /* days counted from Easter Sunday (computus), the nearest occurrence */
    T("2000-04-17", "Protesters prayed as Easter week began.", "Easter week|DATE|2000-W16");
    T("2000-04-17", "They will march on Good Friday.", "Good Friday|DATE|2000-04-21");
    T("2024-03-01", "Shops close at Easter.", "Easter|DATE|2024-03-31");
    T("2019-05-01", "He was arrested on Easter Sunday.", "Easter Sunday|DATE|2019-04-21");
    T("2023-11-04", "It began on Easter Monday 1916.", "Easter Monday 1916|DATE|1916-04-24");
    T("2000-04-17", "Palm Sunday drew crowds.", "Palm Sunday|DATE|2000-04-16");
    /* not part of a longer name */
    T("2024-03-15", "Tourists flock to Easter Island.", "");
    T("2024-03-15", "Both sides signed the Good Friday Agreement.", "");
    T("2024-03-15", "He wrote a history of the Easter Rising.", "");
    T("2024-03-15", "The Bloody Sunday Inquiry reported.", "");
}

static void month_modifiers(void)
{
    /* "the MONTH noun": an ambiguous month name modifying a noun is a month */
    T("1999-02-10", "The March accession will make them members.", "March|DATE|1999-03");
    T("2023-11-04", "The May elections were close.", "May|DATE|2023-05");
    /* not a name, a march or a modal */
    T("2023-11-04", "She gave to the March of Dimes.", "");
    T("2023-11-04", "They joined the March on Rome.", "");
    T("2023-11-04", "Theresa May said the May he chose was wrong.", "");
    /* nor a person's government */
    T("2024-03-15", "The vote in the May government was close.", "");
    T("2024-03-15", "She served in the May cabinet.", "");
    T("2024-03-15", "He backed the May deal.", "");
}

static void part_of_the_year(void)
{
    /* "the year" after a part of it is this year */
    T("1989-10-30", "Revenue fell 4% through the first nine months of the year.",
      "the first nine months|DURATION|P9M\nthe year|DATE|1989");
    T("1989-10-30", "Sales will be flat for the rest of the year.", "the year|DATE|1989");
    /* not after other nouns */
    T("1989-10-30", "It was the best film of the year.", "");
    T("1989-10-30", "Profit rose in the final weeks of the year.", "the year|DATE|1989");
    /* a part that is not counted from the year's edges may be of any year */
    T("2024-03-15", "The hottest days of the year came in 2019.", "2019|DATE|2019");
}

static void days_by_context(void)
{
    /* "in the morning" after a day: that day's morning */
    T("1989-10-30", "Hopes were dashed Friday. Dealers placed heavy buy orders in the morning.",
      "Friday|DATE|1989-10-27\nthe morning|TIME|1989-10-27TMO");
    T("1989-10-30", "Dealers placed heavy buy orders in the morning.", "");
    T("2023-10-12", "I met them on Monday. I play with them in the evening.", "Monday|DATE|2023-10-09");
    T("2023-10-12", "I met them on Monday. It rained. It snowed. They left in the evening.", "Monday|DATE|2023-10-09");
    T("2000-04-05", "The father will leave at 4 in the morning.", "4 in the morning|TIME|2000-04-05T04:00");
    /* "is the Nth day": the present tense counts to the DCT */
    T("1990-08-15", "Today is the eighth day of Desert Shield.",
      "Today|DATE|1990-08-15\nthe eighth day|DATE|1990-08-15");
    T("1998-03-06", "It's the second day of an offensive.", "the second day|DATE|1998-03-06");
    T("1998-03-06", "It was the second day of an offensive.", "");
    /* only of the day itself */
    T("2024-03-15", "Monday is the first day of the trial.", "Monday|DATE|2024-03-11");
    T("2024-08-01", "The deadline is the first day of July.", "July|DATE|2024-07");
    T("2024-03-15", "The court's first day of hearings ended.", "");
}

int main(void)
{
    sentence_initial_now();
    count_rates();
    era_words();
    one_day();
    easter();
    month_modifiers();
    part_of_the_year();
    days_by_context();
    return check_report("time_context");
}
