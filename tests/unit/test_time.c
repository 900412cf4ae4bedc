/* test_time.c — the time layer on sentences: exact spans, types and values
 * for every class of expression, relative to a publication date. */
#include <string.h>

#include "check.h"
#include "factline.h"
#include "time_check.h"


static void seed(void)
{
    /* samples/seed.txt is dated 2023-11-04, a Saturday in ISO week 44 */
    T("2023-11-04", "Hamas terrorist attacks on October 7, resulting in deaths.", "October 7|DATE|2023-10-07");
    T("2023-11-04", "He spoke during a campaign speech on Wednesday, November 1, stating this.",
      "Wednesday, November 1|DATE|2023-11-01");
    T("2023-11-04", "Blinken is scheduled to meet with Arab leaders in Jordan on Saturday to discuss it.",
      "Saturday|DATE|2023-11-04");
    T("2023-11-04", "Israel was forced to delete a post this week.", "this week|DATE|2023-W44");
}

static void dates(void)
{
    T("2023-11-04", "It happened on Nov. 1, 2022.", "Nov. 1, 2022|DATE|2022-11-01");
    T("2023-11-04", "It happened on 1 November 2022.", "1 November 2022|DATE|2022-11-01");
    T("2023-11-04", "Sales fell in March 2021.", "March 2021|DATE|2021-03");
    T("2023-11-04", "Sales fell in July last year.", "July last year|DATE|2022-07");
    T("2023-11-04", "The vote will be held on Dec. 10.", "Dec. 10|DATE|2023-12-10");
    T("2023-11-04", "The vote will be held on Oct. 30.", "Oct. 30|DATE|2023-10-30");
    T("2023-11-04", "The vote was held in August.", "August|DATE|2023-08");
    T("2023-11-04", "Elections are held in 2024.", "2024|DATE|2024");
    T("2023-11-04", "The deal was signed 10/15/2019.", "10/15/2019|DATE|2019-10-15");
    T("2023-11-04", "The filing is dated 2023-10-30.", "2023-10-30|DATE|2023-10-30");
    T("2023-11-04", "Prices rose in the 1990s.", "the 1990s|DATE|199X");
    T("2023-11-04", "It was built in the mid-1990s.", "the mid-1990s|DATE|199X");
    T("2023-11-04", "Profit rose in the third quarter.", "the third quarter|DATE|2023-Q3");
    T("2023-11-04", "Third-quarter profit rose.", "Third-quarter|DATE|2023-Q3");
    T("2023-11-04", "It grew in the fourth quarter of 2022.", "the fourth quarter of 2022|DATE|2022-Q4");
    T("2023-11-04", "They met last summer.", "last summer|DATE|2023-SU");
    T("2023-11-04", "It was a 19th century house.", "19th century|DATE|18");
    T("1998-03-01", "It began in nineteen ninety-six.", "nineteen ninety-six|DATE|1996");
    T("1998-03-01", "Banks fear the year two thousand.", "the year two thousand|DATE|2000");
    T("1998-03-01", "It ended in January nineteen ninety-seven.", "January nineteen ninety-seven|DATE|1997-01");
    T("2023-11-04", "Stores open on Thanksgiving Day.", "Thanksgiving Day|DATE|2023-11-23");
    T("2023-11-04", "They met on Memorial Day and on Christmas 2022.",
      "Memorial Day|DATE|2023-05-29\nChristmas 2022|DATE|2022-12-25");
    T("2024-01-03", "Sales were strong at Christmas.", "Christmas|DATE|2023-12-25");
    T("2023-11-04", "Fed Chair Jerome Powell spoke.", "");
}

static void relative(void)
{
    T("2023-11-04", "They met last month.", "last month|DATE|2023-10");
    T("2023-11-04", "They met two days ago.", "two days ago|DATE|2023-11-02");
    T("2023-11-04", "They met three weeks ago.", "three weeks ago|DATE|2023-W41");
    T("2023-11-04", "Sales rose earlier this year.", "earlier this year|DATE|2023");
    T("2023-11-04", "It ends by the end of the year.", "the end of the year|DATE|2023");
    T("2023-11-04", "Talks are hard in the near term, said the full year was bad.",
      "the near term|DATE|FUTURE_REF\nthe full year|DATE|2023");
    T("2023-11-04", "It was built twenty years after the war.", "twenty years|DURATION|P20Y");
    T("2023-11-04", "They will meet next year.", "next year|DATE|2024");
    T("2023-11-04", "They met last week.", "last week|DATE|2023-W43");
    T("2023-11-04", "He left yesterday.", "yesterday|DATE|2023-11-03");
    T("2023-11-04", "He leaves tomorrow.", "tomorrow|DATE|2023-11-05");
    T("2023-11-04", "He spoke on Friday.", "Friday|DATE|2023-11-03");
    T("2023-11-04", "He will speak on Monday.", "Monday|DATE|2023-11-06");
    T("2023-11-08", "The offer, which had been scheduled to expire Friday, was extended.", "Friday|DATE|2023-11-03");
    T("2023-11-08", "The offer is scheduled to expire Friday.", "Friday|DATE|2023-11-10");
    T("2023-11-08", "Until Monday, police had not named a suspect.", "Monday|DATE|2023-11-06");
    T("2023-11-08", "Police will hold him until Monday.", "Monday|DATE|2023-11-13");
    T("2023-11-04", "He spoke last Tuesday.", "last Tuesday|DATE|2023-10-31");
    T("2023-11-01", "The boy could come as early as Friday.", "Friday|DATE|2023-11-03");
    T("2023-11-01", "Officials extended the deadline until 9 a.m. Friday.", "9 a.m. Friday|TIME|2023-11-03T09:00");
    T("2023-11-04", "He spoke Friday morning.", "Friday morning|DATE|2023-11-03TMO");
    T("2023-11-04", "He spoke this evening.", "this evening|TIME|2023-11-04TEV");
    T("2023-11-04", "He spoke at 3:30 p.m. Friday.", "3:30 p.m. Friday|TIME|2023-11-03T15:30");
    T("2023-11-04", "The vote is at 10 a.m.", "10 a.m.|TIME|2023-11-04T10:00");
    T("2023-11-04", "He left at 4 in the morning and slept at 9 in the evening.",
      "4 in the morning|TIME|2023-11-04T04:00\n9 in the evening|TIME|2023-11-04T21:00");
    T("2023-11-04", "He ranked 4 in the morning polls.", "");
    T("2023-11-04", "Bids are due by 5 p.m. EST, Nov. 6.", "5 p.m. EST, Nov. 6|TIME|2023-11-06T17:00");
    T("2023-11-04", "Sales rose in the first half of 2023.", "the first half of 2023|DATE|2023-H1");
    T("2023-11-04", "Sales rose in the current fiscal year.", "the current fiscal year|DATE|2023");
}

static void anaphora(void)
{
    T("2023-11-04", "The attack came on October 7. That day, 1,400 people died, and the next day more.",
      "October 7|DATE|2023-10-07\nThat day|DATE|2023-10-07\nthe next day|DATE|2023-10-08");
    T("2023-11-04", "He moved there in 1996 and married the following year.",
      "1996|DATE|1996\nthe following year|DATE|1997");
    T("2023-11-04", "That day was long.", "");
}

static void refs_durations_sets(void)
{
    T("2023-11-04", "Now the war goes on.", "Now|DATE|PRESENT_REF");
    T("2023-11-04", "He recently left.", "recently|DATE|PAST_REF");
    T("2023-11-04", "Nobody knows the future.", "the future|DATE|FUTURE_REF");
    T("2023-11-04", "Deaths rose over the past three weeks.", "the past three weeks|DURATION|P3W");
    T("2023-11-04", "The talks lasted several months.", "several months|DURATION|PXM");
    T("2023-11-04", "The talks lasted two hours.", "two hours|DURATION|PT2H");
    T("2023-11-04", "The talks lasted nearly two hours.", "nearly two hours|DURATION|PT2H");
    T("2023-11-04", "It began more than four decades ago.", "more than four decades ago|DATE|198");
    T("2023-11-04", "Sales rose in the nine months.", "the nine months|DURATION|P9M");
    T("2023-11-04", "Net rose 5% for the year, and 7% in the year ended June 30.",
      "the year|DATE|2023\nthe year|DURATION|P1Y\nJune 30|DATE|2023-06-30");
    T("2023-11-04", "It was a 30-day truce.", "30-day|DURATION|P30D");
    T("2023-11-04", "They fought for twenty-five years.", "twenty-five years|DURATION|P25Y");
    T("2023-11-04", "The paper is printed daily.", "daily|SET|P1D");
    T("2023-11-04", "They meet every Monday.", "every Monday|SET|XXXX-WXX-1");
    T("2023-11-04", "They meet every other week.", "every other week|SET|P2W");
    T("2023-11-04", "The choir sings on Tuesday nights and Sunday mornings.",
      "Tuesday nights|SET|XXXX-WXX-2TNI\nSunday mornings|SET|XXXX-WXX-7TMO");
    T("2023-11-04", "The fair returns each July and every summer.", "each July|SET|XXXX-07\nevery summer|SET|XXXX-SU");
    T("2023-11-04", "He worked nights for years.", "years|DURATION|PXY");
    T("2023-11-04", "Pay rose 5 percent a year.", "a year|SET|P1Y");
    T("2023-11-04", "They waited two and a half years.", "two and a half years|DURATION|P2Y6M");
    T("2023-11-04", "The flight took 5 1/2 hours.", "5 1/2 hours|DURATION|PT5H30M");
    T("2023-11-04", "It lasted an hour and a half.", "an hour and a half|DURATION|PT1H30M");
    T("2023-11-04", "Over the next three quarters sales fell.", "the next three quarters|DURATION|P9M");
    T("2023-11-04", "It took two decades.", "two decades|DURATION|P20Y");
}

static void boundaries(void)
{
    /* year boundaries: the nearest occurrence, both ways */
    T("2024-01-03", "Shops closed on Dec. 30.", "Dec. 30|DATE|2023-12-30");
    T("2023-12-28", "Shops open on Jan. 2.", "Jan. 2|DATE|2024-01-02");
    T("2024-01-02", "Sales rose last month.", "last month|DATE|2023-12");
    T("2024-01-02", "They met last week.", "last week|DATE|2023-W52");
    T("2021-01-03", "They met this week.", "this week|DATE|2020-W53");
    T("2024-01-10", "Profit fell in the fourth quarter.", "the fourth quarter|DATE|2023-Q4");
    T("2024-02-10", "It snowed last fall.", "last fall|DATE|2023-FA");
    /* leap days */
    T("2024-03-05", "It was signed on Feb. 29.", "Feb. 29|DATE|2024-02-29");
    T("2024-03-05", "It was signed on February 29, 2024.", "February 29, 2024|DATE|2024-02-29");
    T("2024-03-05", "It was signed on February 29, 2023.", "2023|DATE|2023");
    T("2024-03-01", "He left yesterday.", "yesterday|DATE|2024-02-29");
    T("2024-03-29", "They met a month ago.", "a month ago|DATE|2024-02");
}

static void nonsense(void)
{
    T("2023-11-04", "He bought milk at 7-Eleven.", "");
    T("2023-11-04", "Theresa May said no.", "");
    T("2023-11-04", "It may rain, and troops may march.", "");
    T("2023-11-04", "A 20-year-old man was hurt.", "");
    T("2023-11-04", "Police arrested 1500 people.", "");
    T("2023-11-04", "He paid $2000 for it.", "");
    T("2023-11-04", "April Ross won the race.", "");
    T("2023-11-04", "He bought 99999999999999999999 days ago.", "");
    T("2023-11-04", "It lasted 999999999 years.", "");
    T("9999-12-31", "See you next year.", "");
    T("0001-01-01", "We met last year.", "");
}


static void mods(void)
{
    /* edges before a date */
    M("2023-11-04", "The plant opened in early 2021.", "early 2021|2021|START");
    M("2023-11-04", "Snow fell in late November.", "late November|2023-11|END");
    M("2023-11-04", "The firm was founded in mid-1996.", "mid-1996|1996|MID");
    M("2023-11-04", "Rents are due at the end of the month.", "the end of the month|2023-11|END");
    M("2023-11-04", "The fair opens at the beginning of June.", "the beginning of June|2023-06|START");
    M("2023-11-04", "Wages stalled in the late 1970s.", "the late 1970s|197X|END");
    M("2023-11-04", "Shares were up 2 pence at mid-afternoon yesterday.", "mid-afternoon yesterday|2023-11-03TAF|MID");
    M("2023-11-04", "By mid afternoon, the talks had ended.", "mid afternoon|2023-11-04TAF|MID");
    M("2023-11-04", "He watched late-night television after an early-morning raid.", "");
    M("2023-11-04", "Rain fell earlier this month and will return later this year.",
      "earlier this month|2023-11|START\nlater this year|2023|END");
    M("2023-11-06", "Earlier Monday, the mayor spoke.", "Monday|2023-11-06|-");
    M("2023-11-04", "The storm hit in 1998. Later that year the dam broke.", "1998|1998|-\nLater that year|1998|END");
    /* approximators before an amount */
    M("2023-11-04", "The hearing lasted about three hours.", "about three hours|PT3H|APPROX");
    M("2023-11-04", "The hearing lasted more than four hours.", "more than four hours|PT4H|MORE_THAN");
    M("2023-11-04", "The hearing lasted less than an hour.", "less than an hour|PT1H|LESS_THAN");
    M("2023-11-04", "The ban stays for at least 20 years.", "at least 20 years|P20Y|EQUAL_OR_MORE");
    M("2023-11-04", "Loans run no more than 60 days.", "no more than 60 days|P60D|EQUAL_OR_LESS");
    M("2023-11-04", "The siege lasted nearly two years.", "nearly two years|P2Y|LESS_THAN");
    M("2023-11-04", "The mill closed some 20 years ago.", "some 20 years ago|2003|APPROX");
    /* qualifiers after an expression */
    M("2023-11-04", "We spoke a week or so ago.", "a week or so ago|2023-W43|APPROX");
    M("2023-11-04", "Rates stay low for the next year or so.", "the next year or so|P1Y|APPROX");
    M("2023-11-04", "Cars built in 2015 or later pass.", "2015 or later|2015|ON_OR_AFTER");
    M("2023-11-04", "Stays of ten days or more need a visa.", "ten days or more|P10D|EQUAL_OR_MORE");
    /* no qualifier */
    M("2023-11-04", "The talks lasted two hours.", "two hours|PT2H|-");
}

static void named_spans(void)
{
    /* ages and titles are not times; named days are, capitals and all */
    T("2023-11-04", "The driver, 41 years old, was unhurt.", "");
    T("2023-11-04", "A 6-month-old boy and his 30 years old mother left.", "");
    T("2023-11-04", "She spoke on \"This Week\" and on \"60 Minutes\" about \"High Noon.\"", "");
    T("2023-12-04", "The parade was held on Thanksgiving Day.", "Thanksgiving Day|DATE|2023-11-23");
    T("2023-11-04", "Shops close on New Year's Day.", "New Year's Day|DATE|2024-01-01");
    T("2023-10-20", "Voters go to the polls on Election Day.", "Election Day|DATE|2023-11-07");
    T("2024-10-20", "Voters go to the polls on Election Day.", "Election Day|DATE|2024-11-05");
    T("2023-06-01", "Sales peak before Father's Day.", "Father's Day|DATE|2023-06-18");
    T("2023-03-20", "The parade was on St. Patrick's Day.", "St. Patrick's Day|DATE|2023-03-17");
    /* "two thousand" before a unit is a count, not the year 2000 */
    T("2023-11-04", "The walls stood for more than two thousand years.",
      "more than two thousand years|DURATION|P2000Y");
    /* the end of a year */
    T("2023-11-04", "The merger should close by year-end.", "year-end|DATE|2023");
    T("2023-11-04", "The index has gained 8% since year end.", "year end|DATE|2022");
    T("2023-11-04", "New rules will apply by year's end.", "year's end|DATE|2023");
    /* the second day of a pair */
    T("2023-11-04", "The summit will be held on Dec. 4 and 5.", "Dec. 4|DATE|2023-12-04\n5|DATE|2023-12-05");
    T("2023-11-04", "Prices rose on Oct. 4 and 5 percent later.", "Oct. 4|DATE|2023-10-04");
    /* "then current" looks back */
    T("2023-11-04", "Rights were sold at the then current price.", "then current|DATE|PAST_REF");
    /* the week of a day */
    T("2023-02-20", "The trial will open the week of March 6.", "the week of March 6|DATE|2023-W10");
    /* a weekday before or after the last day mentioned */
    T("2023-11-06", "The index closed at 2100 on Friday, down 4% from the previous Friday.",
      "Friday|DATE|2023-11-03\nthe previous Friday|DATE|2023-10-27");
    T("2023-11-06", "The strike began on Oct. 4 and ended the following Monday.",
      "Oct. 4|DATE|2023-10-04\nthe following Monday|DATE|2023-10-09");
    /* the same quarter a year before, in quarterly reports */
    T("2023-11-04", "Profit rose in the third quarter; in the quarter a year ago it fell.",
      "the third quarter|DATE|2023-Q3\nthe quarter a year ago|DATE|2022-Q3");
    T("2023-11-04", "Profit rose in the third quarter, above last year's quarter.",
      "the third quarter|DATE|2023-Q3\nlast year's quarter|DATE|2022-Q3");
}

/* Random sentences built from time words, numbers and punctuation: the
 * layer must never crash (the sanitizer build checks memory) and its spans
 * must be sorted, disjoint, inside the text and carry a value. */
static void random_sentences(void)
{
    static const char *const words[] = {
        "the", "a", "last", "next", "this", "past", "early", "late", "mid-", "end", "of", "ago", "earlier",
        "later", "every", "each", "other", "per", "Friday", "Mondays", "May", "Nov.", "December", "1998",
        "2023", "1990s", "'90s", "7th", "31", "29", "0", "99999999999", "4294967296", "12:30", "25:99",
        "p.m.", "a.m.", "EDT", "noon", "midnight", "morning", "night", "tonight", "today", "yesterday",
        "week", "weeks", "weekend", "month", "quarter", "third-quarter", "year", "years", "year-earlier",
        "decade", "century", "centuries", "20th", "nineteen", "ninety-six", "two", "thousand", "hundred",
        "twenty", "several", "few", "couple", "dozen", "now", "recent", "future", "daily", "fiscal",
        "Christmas", "Day", "New", "Year", "'s", "Eve", "10/15/1998", "1998-02-30", "2/29", "13/45",
        ",", ".", "-", "--", "\xe2\x80\x94", "\xef\xbf\xbd", "(", ")", "\"", "20-year-old", "7-Eleven",
        "or", "so", "old", "year-end", "previous", "following", "Week", "Minutes", "about", "nearly", "no",
        "more", "than", "Earlier", "later", "that",
    };
    const size_t nw = sizeof words / sizeof words[0];
    static const char *const dates[] = {"2023-11-04", "0001-01-01", "9999-12-31", "2024-02-29", "2000-01-03"};
    unsigned long long state = 88172645463325252ULL;
    fl_doc *doc = fl_doc_new();
    char text[1024];
    int bad = 0;
    for (int round = 0; round < 4000 && !bad; round++) {
        size_t len = 0;
        int n = 1 + (int)(state % 24);
        for (int k = 0; k < n; k++) {
            state ^= state << 13, state ^= state >> 7, state ^= state << 17;
            const char *w = words[state % nw];
            len += (size_t)snprintf(text + len, sizeof text - len, "%s%s", k && (state >> 20) % 4 ? " " : "", w);
        }
        const char *dct = dates[round % 5];
        if (fl_doc_analyze_text(doc, text, len) != FL_OK || fl_doc_find_times(doc, dct) != FL_OK) {
            bad = 1;
            break;
        }
        uint32_t prev_end = 0;
        for (size_t i = 0; i < fl_doc_time_count(doc); i++) {
            const fl_time *t = &fl_doc_times(doc)[i];
            if (t->span.start < prev_end || t->span.start >= t->span.end || t->span.end > len || !t->value[0] ||
                (unsigned)t->type >= FL_TIME_TYPE_COUNT) {
                fprintf(stderr, "bad time %u-%u \"%s\" in \"%s\" (%s)\n", t->span.start, t->span.end, t->value, text, dct);
                bad = 1;
            }
            prev_end = t->span.end;
        }
    }
    CHECK(!bad);
    fl_doc_free(doc);
}

/* Rules of the third round (docs/time.md): the tense of a fronted time's
 * clause, "effective" dates, the quarter a period's end date names. */
static void clause_and_period(void)
{
    /* a fronted weekday takes the tense of the clause it opens ... */
    T("1998-10-26", "On Tuesday, the National Abortion Rights Action League plans to hold a news conference.",
      "Tuesday|DATE|1998-10-27");
    T("1998-10-26", "On Tuesday, the National Abortion Rights Action League held a news conference.",
      "Tuesday|DATE|1998-10-20");
    /* ... but not of a subordinate clause it opens */
    T("1998-08-17", "On Friday, when Albright set aside vacation plans, she flew to Nairobi.",
      "Friday|DATE|1998-08-14");
    /* a passive participle is not a past tense; "could" is not a future */
    T("2023-11-04", "The ruling will be announced on Friday.", "Friday|DATE|2023-11-10");
    T("2000-01-06", "Neither he nor his parents could be located Wednesday in Cardenas.", "Wednesday|DATE|2000-01-05");
    /* a past auxiliary before a future cue is a plan still ahead; "had been scheduled" is not */
    T("2000-01-07", "A large demonstration on Saturday was planned by the exiles.", "Saturday|DATE|2000-01-08");
    T("1989-10-30", "The offer had been scheduled to expire Friday.", "Friday|DATE|1989-10-27");
    /* "effective" looks ahead: the coming Feb. 1, not the last one */
    T("1989-10-26", "He becomes chairman effective Feb. 1.", "Feb. 1|DATE|1990-02-01");
    T("1989-10-26", "The plan was approved in February.", "February|DATE|1989-02");
    /* a quarter by its end date: May-July is mostly the second quarter */
    T("1989-10-30", "In the quarter ended July 31, Jayark had 5.6 million shares.",
      "the quarter|DATE|1989-Q2\nJuly 31|DATE|1989-07-31");
    T("1989-11-02", "For the quarter ended Sept. 30, Delta posted net income of $133 million.",
      "the quarter|DATE|1989-Q3\nSept. 30|DATE|1989-09-30");
    /* year boundary: the quarter ended Jan. 31 is November-January, the fourth of the year before */
    T("1990-03-10", "Sales rose in the quarter ended Jan. 31.", "the quarter|DATE|1989-Q4\nJan. 31|DATE|1990-01-31");
    /* reference tracking: after "the nine months" a year earlier is the year, until a quarter is named */
    T("1989-10-26",
      "Profit rose in the third quarter. For the nine months, net was $254 million, up from $163 million a year "
      "earlier. In the first nine months, net was $306 million, against a loss in the 1988 period. In the third "
      "quarter, sales fell from a year ago.",
      "the third quarter|DATE|1989-Q3\nthe nine months|DURATION|P9M\na year earlier|DATE|1988\n"
      "the first nine months|DURATION|P9M\nthe 1988 period|DATE|1988\nthe third quarter|DATE|1989-Q3\n"
      "a year ago|DATE|1988-Q3");
    T("1989-10-26", "Profit rose in the third quarter. Year-earlier sales were lower.",
      "the third quarter|DATE|1989-Q3\nYear-earlier|DATE|1988-Q3");
    /* TimeML's vague references and seasons with a cue */
    T("1989-10-30", "They seem to hurt market makers more painfully these days.", "these days|DATE|PRESENT_REF");
    T("1989-10-30", "Competitors offered deeper discounts over the summer.", "the summer|DATE|1989-SU");
    T("1989-10-30", "Demand will stay high well into the summer of 1990.", "the summer of 1990|DATE|1990-SU");
    T("1989-10-30", "Losses will cut tax payments in future quarters.", "future quarters|DATE|FUTURE_REF");
    T("1989-10-30", "She spoke about the future of the firm.", "the future|DATE|FUTURE_REF");
    /* "that quarter": the last quarter named */
    T("1989-10-30", "In the second quarter of 1988 it lost money. Results for that quarter included a charge.",
      "the second quarter of 1988|DATE|1988-Q2\nthat quarter|DATE|1988-Q2");
    T("1989-10-30", "Results for that quarter included a charge.", "");
    /* the reported quarter is the latest completed one named, not one named in passing or an outlook */
    T("1989-11-01",
      "Kimberly-Clark posted a gain in third-quarter net income. After a flat second quarter, results improved. "
      "In the 1989 period also, rates were lower than a year ago.",
      "third-quarter|DATE|1989-Q3\nsecond quarter|DATE|1989-Q2\nthe 1989 period|DATE|1989-Q3\n"
      "a year ago|DATE|1988-Q3");
    T("1989-10-26", "Profit rose in the third quarter and will fall in the fourth quarter. Sales rose from a year ago.",
      "the third quarter|DATE|1989-Q3\nthe fourth quarter|DATE|1989-Q4\na year ago|DATE|1988-Q3");
    /* a fiscal fourth quarter ending in the DCT's quarter is the one reported */
    T("1989-11-02", "Ralston reported a decline in fourth-quarter earnings. Sales in the latest period rose.",
      "fourth-quarter|DATE|1989-Q4\nthe latest period|DATE|1989-Q4");
    /* two quarters of a year are its half */
    T("1989-10-26", "The decline will last through at least the first two quarters of 1990.",
      "the first two quarters of 1990|DATE|1990-H1");
    T("1989-10-26", "Sales rose in the last two quarters of 1988.", "the last two quarters of 1988|DATE|1988-H2");
    /* a clock time takes the day named after a conversion in parentheses */
    T("1998-08-08", "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.",
      "10:35 a.m.|TIME|1998-08-07T10:35\nFriday|DATE|1998-08-07");
    T("1998-08-08", "The blast occurred at 10:35 a.m. (local time).", "10:35 a.m.|TIME|1998-08-08T10:35");
    /* after a fiscal quarter is named, "the quarter ended ..." is that quarter */
    T("1989-10-26", "Sun reported its fiscal first quarter. For the quarter ended Sept. 29, sales rose.",
      "fiscal first quarter|DATE|1989-Q1\nthe quarter|DATE|1989-Q1\nSept. 29|DATE|1989-09-29");
}

int main(void)
{
    random_sentences();
    seed();
    dates();
    relative();
    anaphora();
    refs_durations_sets();
    boundaries();
    nonsense();
    mods();
    named_spans();
    clause_and_period();
    fl_doc *doc = fl_doc_new();
    CHECK_INT(fl_doc_find_times(doc, "2023-02-30"), FL_ERR_USAGE);
    CHECK_INT(fl_doc_find_times(doc, NULL), FL_ERR_USAGE); /* no article and no date */
    fl_doc_free(doc);
    CHECK_STR(fl_time_type_name(FL_TIME_SET), "SET");
    CHECK_STR(fl_time_type_name((fl_time_type)99), "UNKNOWN");
    return check_report("time");
}
