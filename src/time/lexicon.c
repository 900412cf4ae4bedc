/*
 * lexicon.c — the time vocabulary as one sorted table (see lexicon.h).
 * One line per spelling; keep the table sorted by strcmp (tests/unit/
 * test_time_lexicon.c checks it). Not for: deciding what a word means in
 * context (recognize.c).
 */
#include "time/lexicon.h"

#include "time/times.h"

#include <pthread.h>
#include <string.h>

#include "util/word_index.h"

static const fl_lex_entry table[] = {
    {"a", FL_LX_NUMBER, 1, FL_LXF_ARTICLE},
    {"a.m", FL_LX_MERIDIEM, 0, 0},
    {"about", FL_LX_APPROX, 0, 0},
    {"after", FL_LX_AGO, 1, 0},
    {"afternoon", FL_LX_PART_OF_DAY, FL_POD_AFTERNOON, 0},
    {"afternoons", FL_LX_PART_OF_DAY, FL_POD_AFTERNOON, FL_LXF_PLURAL},
    {"ago", FL_LX_AGO, -1, 0},
    {"almost", FL_LX_APPROX, 0, 0},
    {"am", FL_LX_MERIDIEM, 0, 0},
    {"an", FL_LX_NUMBER, 1, FL_LXF_ARTICLE},
    {"approximately", FL_LX_APPROX, 0, 0},
    {"apr", FL_LX_MONTH, 4, FL_LXF_ABBR},
    {"april", FL_LX_MONTH, 4, 0},
    {"around", FL_LX_APPROX, 0, 0},
    {"aug", FL_LX_MONTH, 8, FL_LXF_ABBR},
    {"august", FL_LX_MONTH, 8, 0},
    {"autumn", FL_LX_SEASON, FL_SEASON_FALL, 0},
    {"before", FL_LX_AGO, -1, 0},
    {"beginning", FL_LX_EDGE, FL_MOD_START, 0},
    {"being", FL_LX_ANCHOR, 0, 0},
    {"cdt", FL_LX_ZONE, 0, 0},
    {"centuries", FL_LX_UNIT, FL_U_CENTURY, FL_LXF_PLURAL},
    {"century", FL_LX_UNIT, FL_U_CENTURY, 0},
    {"christmas", FL_LX_ANCHOR, 0, 0},
    {"coming", FL_LX_SHIFT, 1, 0},
    {"couple", FL_LX_NUMBER, 2, 0},
    {"cst", FL_LX_ZONE, 0, 0},
    {"current", FL_LX_REF, 0, FL_LXF_AMBIG},
    {"currently", FL_LX_REF, 0, 0},
    {"daily", FL_LX_SET, FL_U_DAY, 0},
    {"date", FL_LX_ANCHOR, 0, FL_LXF_AFTER_A}, /* "at a later date" */
    {"day", FL_LX_UNIT, FL_U_DAY, 0},
    {"days", FL_LX_UNIT, FL_U_DAY, FL_LXF_PLURAL},
    {"dec", FL_LX_MONTH, 12, FL_LXF_ABBR},
    {"decade", FL_LX_UNIT, FL_U_DECADE, 0},
    {"decades", FL_LX_UNIT, FL_U_DECADE, FL_LXF_PLURAL},
    {"december", FL_LX_MONTH, 12, 0},
    {"dozen", FL_LX_NUMBER, 12, 0},
    {"each", FL_LX_EVERY, 0, 0},
    {"earlier", FL_LX_AGO, -1, 0},
    {"early", FL_LX_EDGE, FL_MOD_START, 0},
    {"easter", FL_LX_ANCHOR, 0, 0},
    {"edt", FL_LX_ZONE, 0, 0},
    {"eight", FL_LX_NUMBER, 8, 0},
    {"eighteen", FL_LX_NUMBER, 18, 0},
    {"eighteenth", FL_LX_ORDINAL, 18, 0},
    {"eighth", FL_LX_ORDINAL, 8, 0},
    {"eighties", FL_LX_DECADE_WORD, 8, 0}, /* "the nineties": a decade (patterns_dates.c) */
    {"eighty", FL_LX_NUMBER, 80, FL_LXF_TENS},
    {"eleven", FL_LX_NUMBER, 11, 0},
    {"eleventh", FL_LX_ORDINAL, 11, 0},
    {"end", FL_LX_EDGE, FL_MOD_END, 0},
    {"est", FL_LX_ZONE, 0, 0},
    {"eve", FL_LX_ANCHOR, 0, 0},
    {"evening", FL_LX_PART_OF_DAY, FL_POD_EVENING, 0},
    {"evenings", FL_LX_PART_OF_DAY, FL_POD_EVENING, FL_LXF_PLURAL},
    {"every", FL_LX_EVERY, 0, 0},
    {"fall", FL_LX_SEASON, FL_SEASON_FALL, FL_LXF_AMBIG},
    {"feb", FL_LX_MONTH, 2, FL_LXF_ABBR},
    {"february", FL_LX_MONTH, 2, 0},
    {"few", FL_LX_NUMBER, FL_LX_VAGUE, 0},
    {"fifteen", FL_LX_NUMBER, 15, 0},
    {"fifteenth", FL_LX_ORDINAL, 15, 0},
    {"fifth", FL_LX_ORDINAL, 5, 0},
    {"fifties", FL_LX_DECADE_WORD, 5, 0}, /* "the nineties": a decade (patterns_dates.c) */
    {"fifty", FL_LX_NUMBER, 50, FL_LXF_TENS},
    {"first", FL_LX_ORDINAL, 1, 0},
    {"fiscal", FL_LX_FISCAL, 0, 0},
    {"five", FL_LX_NUMBER, 5, 0},
    {"following", FL_LX_SHIFT, 1, 0},
    {"forties", FL_LX_DECADE_WORD, 4, 0}, /* "the nineties": a decade (patterns_dates.c) */
    {"fortnight", FL_LX_UNIT, FL_U_FORTNIGHT, 0},
    {"fortnights", FL_LX_UNIT, FL_U_FORTNIGHT, FL_LXF_PLURAL},
    {"forty", FL_LX_NUMBER, 40, FL_LXF_TENS},
    {"four", FL_LX_NUMBER, 4, 0},
    {"fourteen", FL_LX_NUMBER, 14, 0},
    {"fourteenth", FL_LX_ORDINAL, 14, 0},
    {"fourth", FL_LX_ORDINAL, 4, 0},
    {"fri", FL_LX_WEEKDAY, 5, FL_LXF_ABBR},
    {"friday", FL_LX_WEEKDAY, 5, 0},
    {"fridays", FL_LX_WEEKDAY, 5, FL_LXF_PLURAL},
    {"future", FL_LX_REF, 1, FL_LXF_NEEDS_THE},
    {"gmt", FL_LX_ZONE, 0, 0},
    {"half", FL_LX_ANCHOR, 0, 0},
    {"halloween", FL_LX_ANCHOR, 0, 0},
    {"hence", FL_LX_AGO, 1, 0},
    {"hour", FL_LX_UNIT, FL_U_HOUR, 0},
    {"hourly", FL_LX_SET, FL_U_HOUR, 0},
    {"hours", FL_LX_UNIT, FL_U_HOUR, FL_LXF_PLURAL},
    {"hr", FL_LX_UNIT, FL_U_HOUR, 0},
    {"hrs", FL_LX_UNIT, FL_U_HOUR, FL_LXF_PLURAL},
    {"hundred", FL_LX_NUMBER, 100, FL_LXF_MULT},
    {"jan", FL_LX_MONTH, 1, FL_LXF_ABBR},
    {"january", FL_LX_MONTH, 1, 0},
    {"jul", FL_LX_MONTH, 7, FL_LXF_ABBR},
    {"july", FL_LX_MONTH, 7, 0},
    {"jun", FL_LX_MONTH, 6, FL_LXF_ABBR},
    {"june", FL_LX_MONTH, 6, 0},
    {"just", FL_LX_APPROX, 0, 0},
    {"last", FL_LX_SHIFT, -1, 0},
    {"late", FL_LX_EDGE, FL_MOD_END, 0},
    {"lately", FL_LX_REF, -1, 0},
    {"later", FL_LX_AGO, 1, 0},
    {"least", FL_LX_APPROX, 0, 0},
    {"less", FL_LX_APPROX, 0, 0},
    {"many", FL_LX_NUMBER, FL_LX_VAGUE, 0},
    {"mar", FL_LX_MONTH, 3, FL_LXF_ABBR},
    {"march", FL_LX_MONTH, 3, FL_LXF_AMBIG},
    {"may", FL_LX_MONTH, 5, FL_LXF_AMBIG},
    {"mdt", FL_LX_ZONE, 0, 0},
    {"mid", FL_LX_EDGE, FL_MOD_MID, 0},
    {"midday", FL_LX_PART_OF_DAY, FL_POD_NOON, 0},
    {"middle", FL_LX_EDGE, FL_MOD_MID, 0},
    {"midnight", FL_LX_PART_OF_DAY, FL_POD_MIDNIGHT, 0},
    {"millennia", FL_LX_UNIT, FL_U_MILLENNIUM, FL_LXF_PLURAL},
    {"millennium", FL_LX_UNIT, FL_U_MILLENNIUM, 0},
    {"millenniums", FL_LX_UNIT, FL_U_MILLENNIUM, FL_LXF_PLURAL},
    {"min", FL_LX_UNIT, FL_U_MINUTE, 0},
    {"mins", FL_LX_UNIT, FL_U_MINUTE, FL_LXF_PLURAL},
    {"minute", FL_LX_UNIT, FL_U_MINUTE, 0},
    {"minutes", FL_LX_UNIT, FL_U_MINUTE, FL_LXF_PLURAL},
    {"monday", FL_LX_WEEKDAY, 1, 0},
    {"mondays", FL_LX_WEEKDAY, 1, FL_LXF_PLURAL},
    {"month", FL_LX_UNIT, FL_U_MONTH, 0},
    {"monthly", FL_LX_SET, FL_U_MONTH, 0},
    {"months", FL_LX_UNIT, FL_U_MONTH, FL_LXF_PLURAL},
    {"more", FL_LX_APPROX, 0, 0},
    {"morning", FL_LX_PART_OF_DAY, FL_POD_MORNING, 0},
    {"mornings", FL_LX_PART_OF_DAY, FL_POD_MORNING, FL_LXF_PLURAL},
    {"mst", FL_LX_ZONE, 0, 0},
    {"nearly", FL_LX_APPROX, 0, 0},
    {"next", FL_LX_SHIFT, 1, 0},
    {"night", FL_LX_PART_OF_DAY, FL_POD_NIGHT, 0},
    {"nightly", FL_LX_SET, FL_U_DAY, 0},
    {"nights", FL_LX_PART_OF_DAY, FL_POD_NIGHT, FL_LXF_PLURAL},
    {"nine", FL_LX_NUMBER, 9, 0},
    {"nineteen", FL_LX_NUMBER, 19, 0},
    {"nineteenth", FL_LX_ORDINAL, 19, 0},
    {"nineties", FL_LX_DECADE_WORD, 9, 0}, /* "the nineties": a decade (patterns_dates.c) */
    {"ninety", FL_LX_NUMBER, 90, FL_LXF_TENS},
    {"ninth", FL_LX_ORDINAL, 9, 0},
    {"noon", FL_LX_PART_OF_DAY, FL_POD_NOON, 0},
    {"nov", FL_LX_MONTH, 11, FL_LXF_ABBR},
    {"november", FL_LX_MONTH, 11, 0},
    {"now", FL_LX_REF, 0, 0},
    {"nowadays", FL_LX_REF, 0, 0},
    {"numerous", FL_LX_NUMBER, FL_LX_VAGUE, 0},
    {"oct", FL_LX_MONTH, 10, FL_LXF_ABBR},
    {"october", FL_LX_MONTH, 10, 0},
    {"one", FL_LX_NUMBER, 1, 0},
    {"over", FL_LX_APPROX, 0, 0},
    {"overnight", FL_LX_PART_OF_DAY, FL_POD_NIGHT, 0},
    {"p.m", FL_LX_MERIDIEM, 12, 0},
    {"past", FL_LX_SHIFT, -1, 0},
    {"pdt", FL_LX_ZONE, 0, 0},
    {"per", FL_LX_EVERY, 0, 0},
    {"period", FL_LX_ANCHOR, 0, 0},
    {"pm", FL_LX_MERIDIEM, 12, 0},
    {"preceding", FL_LX_SHIFT, -1, 0},
    {"present", FL_LX_ANCHOR, 0, 0},
    {"presently", FL_LX_REF, 0, 0},
    {"previous", FL_LX_SHIFT, -1, 0},
    {"prior", FL_LX_SHIFT, -1, 0},
    {"pst", FL_LX_ZONE, 0, 0},
    {"quarter", FL_LX_UNIT, FL_U_QUARTER, 0},
    {"quarters", FL_LX_UNIT, FL_U_QUARTER, FL_LXF_PLURAL},
    {"recent", FL_LX_REF, -1, FL_LXF_AMBIG},
    {"recently", FL_LX_REF, -1, 0},
    {"roughly", FL_LX_APPROX, 0, 0},
    {"same", FL_LX_SHIFT, 0, 0},
    {"sat", FL_LX_WEEKDAY, 6, FL_LXF_ABBR},
    {"saturday", FL_LX_WEEKDAY, 6, 0},
    {"saturdays", FL_LX_WEEKDAY, 6, FL_LXF_PLURAL},
    {"sec", FL_LX_UNIT, FL_U_SECOND, 0},
    {"second", FL_LX_UNIT, FL_U_SECOND, FL_LXF_AMBIG},
    {"seconds", FL_LX_UNIT, FL_U_SECOND, FL_LXF_PLURAL},
    {"secs", FL_LX_UNIT, FL_U_SECOND, FL_LXF_PLURAL},
    {"sep", FL_LX_MONTH, 9, FL_LXF_ABBR},
    {"sept", FL_LX_MONTH, 9, FL_LXF_ABBR},
    {"september", FL_LX_MONTH, 9, 0},
    {"seven", FL_LX_NUMBER, 7, 0},
    {"seventeen", FL_LX_NUMBER, 17, 0},
    {"seventeenth", FL_LX_ORDINAL, 17, 0},
    {"seventh", FL_LX_ORDINAL, 7, 0},
    {"seventies", FL_LX_DECADE_WORD, 7, 0}, /* "the nineties": a decade (patterns_dates.c) */
    {"seventy", FL_LX_NUMBER, 70, FL_LXF_TENS},
    {"several", FL_LX_NUMBER, FL_LX_VAGUE, 0},
    {"six", FL_LX_NUMBER, 6, 0},
    {"sixteen", FL_LX_NUMBER, 16, 0},
    {"sixteenth", FL_LX_ORDINAL, 16, 0},
    {"sixth", FL_LX_ORDINAL, 6, 0},
    {"sixties", FL_LX_DECADE_WORD, 6, 0}, /* "the nineties": a decade (patterns_dates.c) */
    {"sixty", FL_LX_NUMBER, 60, FL_LXF_TENS},
    {"some", FL_LX_NUMBER, FL_LX_VAGUE, 0},
    {"spring", FL_LX_SEASON, FL_SEASON_SPRING, FL_LXF_AMBIG},
    {"start", FL_LX_EDGE, FL_MOD_START, 0},
    {"summer", FL_LX_SEASON, FL_SEASON_SUMMER, 0},
    {"sun", FL_LX_WEEKDAY, 7, FL_LXF_ABBR},
    {"sunday", FL_LX_WEEKDAY, 7, 0},
    {"sundays", FL_LX_WEEKDAY, 7, FL_LXF_PLURAL},
    {"ten", FL_LX_NUMBER, 10, 0},
    {"tenth", FL_LX_ORDINAL, 10, 0},
    {"term", FL_LX_ANCHOR, 0, 0},
    {"thanksgiving", FL_LX_ANCHOR, 0, 0},
    {"that", FL_LX_SHIFT, 0, 0},
    {"third", FL_LX_ORDINAL, 3, 0},
    {"thirteen", FL_LX_NUMBER, 13, 0},
    {"thirteenth", FL_LX_ORDINAL, 13, 0},
    {"thirties", FL_LX_DECADE_WORD, 3, 0}, /* "the nineties": a decade (patterns_dates.c) */
    {"thirty", FL_LX_NUMBER, 30, FL_LXF_TENS},
    {"this", FL_LX_SHIFT, 0, 0},
    {"three", FL_LX_NUMBER, 3, 0},
    {"thu", FL_LX_WEEKDAY, 4, FL_LXF_ABBR},
    {"thurs", FL_LX_WEEKDAY, 4, FL_LXF_ABBR},
    {"thursday", FL_LX_WEEKDAY, 4, 0},
    {"thursdays", FL_LX_WEEKDAY, 4, FL_LXF_PLURAL},
    {"today", FL_LX_DAY_WORD, 0, 0},
    {"tomorrow", FL_LX_DAY_WORD, 1, 0},
    {"tonight", FL_LX_DAY_WORD, 0, FL_LXF_AMBIG},
    {"tue", FL_LX_WEEKDAY, 2, FL_LXF_ABBR},
    {"tues", FL_LX_WEEKDAY, 2, FL_LXF_ABBR},
    {"tuesday", FL_LX_WEEKDAY, 2, 0},
    {"tuesdays", FL_LX_WEEKDAY, 2, FL_LXF_PLURAL},
    {"twelfth", FL_LX_ORDINAL, 12, 0},
    {"twelve", FL_LX_NUMBER, 12, 0},
    {"twenties", FL_LX_DECADE_WORD, 2, 0}, /* "the nineties": a decade (patterns_dates.c) */
    {"twentieth", FL_LX_ORDINAL, 20, 0},
    {"twenty", FL_LX_NUMBER, 20, FL_LXF_TENS},
    {"two", FL_LX_NUMBER, 2, 0},
    {"upcoming", FL_LX_SHIFT, 1, 0},
    {"utc", FL_LX_ZONE, 0, 0},
    {"various", FL_LX_NUMBER, FL_LX_VAGUE, 0},
    {"wed", FL_LX_WEEKDAY, 3, FL_LXF_ABBR},
    {"wednesday", FL_LX_WEEKDAY, 3, 0},
    {"wednesdays", FL_LX_WEEKDAY, 3, FL_LXF_PLURAL},
    {"week", FL_LX_UNIT, FL_U_WEEK, 0},
    {"weekend", FL_LX_UNIT, FL_U_WEEKEND, 0},
    {"weekends", FL_LX_UNIT, FL_U_WEEKEND, FL_LXF_PLURAL},
    {"weekly", FL_LX_SET, FL_U_WEEK, 0},
    {"weeks", FL_LX_UNIT, FL_U_WEEK, FL_LXF_PLURAL},
    {"while", FL_LX_ANCHOR, 0, FL_LXF_AFTER_A}, /* "for a while" */
    {"winter", FL_LX_SEASON, FL_SEASON_WINTER, 0},
    {"year", FL_LX_UNIT, FL_U_YEAR, 0},
    {"yearly", FL_LX_SET, FL_U_YEAR, 0},
    {"years", FL_LX_UNIT, FL_U_YEAR, FL_LXF_PLURAL},
    {"yesterday", FL_LX_DAY_WORD, -1, 0},
    {"yr", FL_LX_UNIT, FL_U_YEAR, 0},
    {"yrs", FL_LX_UNIT, FL_U_YEAR, FL_LXF_PLURAL},
    {"zero", FL_LX_NUMBER, 0, 0},
};

#define TABLE_SIZE (sizeof table / sizeof table[0])

/* The lexicon is looked up once for every word of every article, so
 * through a hash index (util/word_index.h, ASCII-folded: one pass over the
 * word instead of ~8 strcmp calls of a bisection), built on first use and
 * shared read-only by threads. The bisection stays for when the index
 * could not be built (out of memory); both find exactly the table's words
 * (the table is strictly sorted: no duplicates to choose between). */
static fl_word_index lex_index;
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

static void build_lex_index(void) { fl_word_index_build(&lex_index, table, TABLE_SIZE, sizeof table[0], 1); }

static const fl_lex_entry *bisect(const char *key)
{
    size_t lo = 0, hi = TABLE_SIZE;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(key, table[mid].word);
        if (c == 0)
            return &table[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

const fl_lex_entry *fl_lex_lookup(const char *s, size_t len)
{
    if (len && s[len - 1] == '.')
        len--;
    if (len == 0 || len >= 16) /* no entry is longer */
        return NULL;
    /* A NUL byte ends the word, as it ends the key of a bisection. */
    for (size_t i = 0; i < len; i++)
        if (!s[i]) {
            len = i;
            break;
        }
    if (len == 0)
        return NULL; /* no entry is empty */
    pthread_once(&lex_once, build_lex_index);
    if (lex_index.slots) {
        long i = fl_word_index_find(&lex_index, s, len);
        return i < 0 ? NULL : &table[i];
    }
    char key[16];
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        key[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    key[len] = 0;
    return bisect(key);
}

const char *fl_unit_letter(fl_unit u)
{
    static const char *const letters[FL_U_COUNT] = {
        [FL_U_NONE] = "X", [FL_U_SECOND] = "S", [FL_U_MINUTE] = "M", [FL_U_HOUR] = "H",
        [FL_U_DAY] = "D", [FL_U_WEEKEND] = "WE", [FL_U_WEEK] = "W", [FL_U_FORTNIGHT] = "W",
        [FL_U_MONTH] = "M", [FL_U_QUARTER] = "Q", [FL_U_YEAR] = "Y", [FL_U_DECADE] = "DE",
        [FL_U_CENTURY] = "CE", [FL_U_MILLENNIUM] = "ML",
    };
    return (unsigned)u < FL_U_COUNT ? letters[u] : "X";
}

int fl_unit_is_clock(fl_unit u)
{
    return u == FL_U_SECOND || u == FL_U_MINUTE || u == FL_U_HOUR;
}

size_t fl_lex_dump(const fl_lex_entry **entries)
{
    *entries = table;
    return TABLE_SIZE;
}
