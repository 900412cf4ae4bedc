/*
 * context.c — who reports a figure and as of when: a small stand-in for the
 * attribution and time layers, plus the two setters those layers will use.
 *
 * The fallback looks only at the figure's own sentence:
 *   source: "according to X"; "X said/reported/told (that) ..."; "..., said
 *           X". X is the noun phrase next to the verb; a pronoun ("he said")
 *           gives no source (resolving it is the attribution layer's job);
 *   date:   an explicit "7 October [2023]" / "October 7[, 2023]" that is not
 *           after since/from/until/after/before (those bound a period, they
 *           do not date the count); the year defaults to the article's, or
 *           the year before when the date would fall after the article.
 *           Otherwise the article date.
 * Not for: finding figures (figures.c). Replace fl_figures_fallback_context
 * by fl_figures_set_source/fl_figures_set_date calls when the real layers land.
 */
#include "figure/figure.h"

#include <stdio.h>
#include <string.h>

#include "figure/words.h"
#include "text/doc.h"

typedef struct sent {
    const char *text;
    const fl_token *tk;
    size_t sb, se;
    const fl_doc *doc;
} sent;

static int is_word(const fl_token *t) { return t->kind == FL_TOKEN_WORD || t->kind == FL_TOKEN_ABBREV; }

static uint32_t flags_at(const sent *s, size_t j)
{
    if (j < s->sb || j >= s->se || !is_word(&s->tk[j]))
        return 0;
    const fl_fig_word *w = fl_fig_lookup_token(s->doc, j);
    uint32_t f = w ? w->flags : 0;
    if ((f & (FW_MONTH | FW_WEEKDAY)) && !(s->tk[j].flags & FL_TOKEN_CAPITALIZED))
        f &= ~(uint32_t)(FW_MONTH | FW_WEEKDAY);
    return f;
}

static int is_tok(const sent *s, size_t j, const char *word)
{
    if (j < s->sb || j >= s->se)
        return 0;
    size_t n = strlen(word);
    const fl_token *t = &s->tk[j];
    if (t->end - t->start != n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s->text[t->start + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != word[i])
            return 0;
    }
    return 1;
}

/* A token that may be part of a reporting noun phrase ("the Health Ministry
 * in Gaza", "Israel's military", "the UN agency for Palestinian refugees"). */
static int source_token(const sent *s, size_t j)
{
    const fl_token *t = &s->tk[j];
    if (t->kind == FL_TOKEN_CLITIC)
        return 1;
    if (!is_word(t))
        return 0;
    uint32_t f = flags_at(s, j);
    if (f & FW_ATTRIB)
        return 0;
    if (!(f & FW_STOP))
        return 1;
    return is_tok(s, j, "the") || is_tok(s, j, "of") || is_tok(s, j, "in") || is_tok(s, j, "for");
}

static int function_word(const sent *s, size_t j)
{
    return s->tk[j].kind == FL_TOKEN_CLITIC || (flags_at(s, j) & FW_STOP);
}

/* Trims function words off both ends of [b, e) but keeps a leading "the". */
static fl_span trim_source(const sent *s, size_t b, size_t e)
{
    while (b < e && function_word(s, b) && !is_tok(s, b, "the"))
        b++;
    while (e > b && function_word(s, e - 1))
        e--;
    fl_span sp = {0, 0};
    if (b < e && !(e - b == 1 && is_tok(s, b, "the"))) {
        sp.start = s->tk[b].start;
        sp.end = s->tk[e - 1].end;
    }
    return sp;
}

static int is_pronoun(const sent *s, size_t j)
{
    static const char *const words[] = {"he", "she", "it", "they", "we", "i"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (is_tok(s, j, words[i]))
            return 1;
    return 0;
}

/* Words between a reporting phrase and its verb: "has", "also", "earlier",
 * "on Monday". Returns the new end. */
static size_t skip_back_adverbs(const sent *s, size_t e)
{
    for (;;) {
        if (e > s->sb && (is_tok(s, e - 1, "has") || is_tok(s, e - 1, "have") || is_tok(s, e - 1, "had") ||
                          is_tok(s, e - 1, "also") || is_tok(s, e - 1, "previously") || is_tok(s, e - 1, "earlier") ||
                          is_tok(s, e - 1, "later") || is_tok(s, e - 1, "recently"))) {
            e--;
        } else if (e > s->sb + 1 && (flags_at(s, e - 1) & FW_WEEKDAY) && is_tok(s, e - 2, "on")) {
            e -= 2;
        } else {
            return e;
        }
    }
}

/* The reporting phrase ending at e (exclusive), walking left. */
static fl_span phrase_before(const sent *s, size_t e)
{
    size_t b = e;
    while (b > s->sb && e - b < 10 && source_token(s, b - 1)) {
        b--;
        /* "the" starts the phrase unless it follows "in/of/for": "the ministry in the Gaza Strip" */
        if (is_tok(s, b, "the") && !(is_tok(s, b - 1, "in") || is_tok(s, b - 1, "of") || is_tok(s, b - 1, "for")))
            break;
    }
    return trim_source(s, b, e);
}

static fl_span find_source(const sent *s)
{
    fl_span none = {0, 0};
    for (size_t j = s->sb; j + 1 < s->se; j++)
        if (is_tok(s, j, "according") && is_tok(s, j + 1, "to")) {
            size_t e = j + 2;
            while (e < s->se && e - j < 12 && source_token(s, e))
                e++;
            fl_span sp = trim_source(s, j + 2, e);
            if (sp.start != sp.end)
                return sp;
        }
    for (size_t v = s->sb; v < s->se; v++) {
        if (!(flags_at(s, v) & FW_ATTRIB))
            continue;
        size_t e = skip_back_adverbs(s, v);
        if (e > s->sb && is_pronoun(s, e - 1)) { /* "he said": the attribution layer resolves it */
            fl_span sp = {s->tk[e - 1].start, s->tk[e - 1].end};
            return sp;
        }
        /* "Israel's chief military spokesman, Daniel Hagari, said": the name
         * between the commas, else the phrase before them */
        if (e > s->sb && s->tk[e - 1].kind == FL_TOKEN_PUNCT && s->text[s->tk[e - 1].start] == ',') {
            size_t c = e - 1;
            while (c > s->sb && e - c < 16 &&
                   !(s->tk[c - 1].kind == FL_TOKEN_PUNCT && s->text[s->tk[c - 1].start] == ','))
                c--;
            if (c > s->sb && e - c < 16) {
                fl_span inner = phrase_before(s, e - 1);
                if (inner.start != inner.end && inner.start == s->tk[c].start &&
                    (s->tk[c].flags & FL_TOKEN_CAPITALIZED))
                    return inner;
                fl_span outer = phrase_before(s, c - 1);
                if (outer.start != outer.end)
                    return outer;
            }
        }
        fl_span sp = phrase_before(s, e);
        if (sp.start != sp.end && !(flags_at(s, e - 1) & FW_UNIT))
            return sp;
        /* ", said the ministry": the phrase after the verb */
        if (v > s->sb && (s->tk[v - 1].kind == FL_TOKEN_PUNCT || s->tk[v - 1].kind == FL_TOKEN_QUOTE) &&
            (is_tok(s, v + 1, "the") || (v + 1 < s->se && (s->tk[v + 1].flags & FL_TOKEN_CAPITALIZED)))) {
            size_t a = v + 1;
            while (a < s->se && a - v < 9 && source_token(s, a))
                a++;
            sp = trim_source(s, v + 1, a);
            if (sp.start != sp.end)
                return sp;
        }
    }
    return none;
}

static int day_number(const sent *s, size_t j, int *day)
{
    if (j < s->sb || j >= s->se || s->tk[j].kind != FL_TOKEN_NUMBER)
        return 0;
    size_t n = s->tk[j].end - s->tk[j].start;
    const char *p = s->text + s->tk[j].start;
    if (n < 1 || n > 2 || p[0] < '0' || p[0] > '9' || (n == 2 && (p[1] < '0' || p[1] > '9')))
        return 0;
    *day = n == 1 ? p[0] - '0' : (p[0] - '0') * 10 + (p[1] - '0');
    return *day >= 1 && *day <= 31;
}

static int year_number(const sent *s, size_t j, int *year)
{
    if (j < s->sb || j >= s->se || s->tk[j].kind != FL_TOKEN_NUMBER || s->tk[j].end - s->tk[j].start != 4)
        return 0;
    const char *p = s->text + s->tk[j].start;
    int y = 0;
    for (int i = 0; i < 4; i++) {
        if (p[i] < '0' || p[i] > '9')
            return 0;
        y = y * 10 + (p[i] - '0');
    }
    *year = y;
    return y >= 1900 && y <= 2099;
}

/* The distance in bytes between a figure and a date expression. (Counting
 * commas between them as extra distance was tried and lost more than it
 * won: "On Thursday, ... said around 50 hostages" dates the whole sentence.) */
static uint32_t date_distance(fl_span figure, uint32_t ds, uint32_t de)
{
    if (de <= figure.start)
        return figure.start - de;
    if (ds >= figure.end)
        return ds - figure.end;
    return 0;
}

/* Days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int weekday_index(const sent *s, size_t j)
{
    static const char *const names[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (int i = 0; i < 7; i++)
        if (is_tok(s, j, names[i]))
            return i;
    return -1;
}

/* A date expression at token m (a month or weekday name): fills the date and
 * its token range. Weekdays resolve to the latest such day not after the
 * article date. */
static int date_at(const sent *s, const fl_article *a, size_t m, char date[11], size_t *b, size_t *e)
{
    uint32_t f = flags_at(s, m);
    int year = 0, month, day;
    if (f & FW_WEEKDAY) {
        int wd = weekday_index(s, m);
        if (!a || wd < 0 || !is_tok(s, m - 1, "on"))
            return 0;
        long today = days_from_civil(a->year, a->month, a->day);
        int today_wd = (int)(((today % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday (index 3) */
        long back = (today_wd - wd + 7) % 7;
        int y, mo, d;
        civil_from_days(today - back, &y, &mo, &d);
        char buf[32];
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
        if (!fl_date_parse(buf, strlen(buf), &y, &mo, &d))
            return 0;
        memcpy(date, buf, 11);
        *b = m - 1;
        *e = m + 1;
        return 1;
    }
    if (!(f & FW_MONTH))
        return 0;
    const fl_fig_word *w = fl_fig_lookup_token(s->doc, m);
    month = (int)w->value;
    if (day_number(s, m - 1, &day)) { /* 7 October (2023) */
        *b = m - 1;
        *e = m + 1;
        if (year_number(s, m + 1, &year))
            *e = m + 2;
    } else if (day_number(s, m + 1, &day)) { /* October 7(, 2023) */
        *b = m;
        *e = m + 2;
        size_t y = m + 2;
        if (y < s->se && s->tk[y].kind == FL_TOKEN_PUNCT && s->text[s->tk[y].start] == ',')
            y++;
        if (year_number(s, y, &year))
            *e = y + 1;
    } else {
        return 0;
    }
    if (!year) {
        if (!a)
            return 0;
        year = a->year;
        if (month > a->month || (month == a->month && day > a->day))
            year--;
    }
    char buf[32];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    int yy, mm, dd;
    if (!fl_date_parse(buf, 10, &yy, &mm, &dd))
        return 0;
    memcpy(date, buf, 11);
    return 1;
}

/* The date expression nearest the figure (within a short distance) that is
 * not the start of a period ("since 7 October", "since the war began on 7
 * October"). */
static int find_date(const sent *s, const fl_article *a, fl_span figure, char date[11], fl_span *span)
{
    uint32_t best_distance = 120;
    int found = 0;
    /* Only dates that can come within best_distance bytes are looked at, so the
     * work per figure is bounded, not the whole sentence (quadratic on a long
     * one). date_at(m) spans tokens m - 1 to at most m + 3 ("October 7, 2023"):
     * skip each m whose m + 3 ends best_distance bytes or more before the figure
     * (binary search) and stop at the first m whose m - 1 starts that far after
     * it. Nothing skipped could win, so the result is the full scan's. */
    size_t lo = s->sb, hi = s->se;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((size_t)s->tk[mid].end + best_distance <= figure.start)
            lo = mid + 1;
        else
            hi = mid;
    }
    lo = lo >= s->sb + 3 ? lo - 3 : s->sb;
    for (size_t m = lo; m < s->se; m++) {
        if (m > s->sb && (size_t)s->tk[m - 1].start >= (size_t)figure.end + best_distance)
            break;
        char d[11];
        size_t b, e;
        if (!(s->tk[m].flags & FL_TOKEN_CAPITALIZED) || !(flags_at(s, m) & (FW_MONTH | FW_WEEKDAY)) ||
            !date_at(s, a, m, d, &b, &e))
            continue;
        int blocked = 0;
        for (size_t k = b; k > s->sb && b - k < 5 && !blocked; k--)
            blocked = (flags_at(s, k - 1) & FW_DATE_BLOCK) != 0;
        if (blocked)
            continue;
        uint32_t ds = s->tk[b].start, de = s->tk[e - 1].end;
        uint32_t distance = date_distance(figure, ds, de);
        if (distance < best_distance) {
            best_distance = distance;
            memcpy(date, d, 11);
            span->start = ds;
            span->end = de;
            found = 1;
        }
    }
    return found;
}

void fl_figures_fallback_context(fl_doc *doc)
{
    const fl_article *a = doc->article;
    size_t i = 0;
    while (i < doc->figures.count) {
        uint32_t si = doc->figures.figures[i].sentence;
        const fl_sentence *sen = &doc->sentences.sentences[si];
        sent s = {doc->text, doc->tokens.tokens, sen->token_begin, sen->token_end, doc};
        fl_span source = find_source(&s);
        for (; i < doc->figures.count && doc->figures.figures[i].sentence == si; i++) {
            fl_figure *f = &doc->figures.figures[i];
            f->source = source;
            /* a source phrase that holds the count itself is no source */
            if (source.start <= f->span.start && f->span.end <= source.end)
                f->source.start = f->source.end = 0;
            f->date_span.start = f->date_span.end = 0;
            f->date[0] = '\0';
            if (!find_date(&s, a, f->span, f->date, &f->date_span) && a)
                memcpy(f->date, a->date, 11);
        }
    }
}

void fl_figures_dates_from_times(fl_doc *doc, size_t n, const fl_span *spans, const char *const *values)
{
    size_t t0 = 0; /* first time expression not before the current sentence */
    for (size_t i = 0; i < doc->figures.count; i++) {
        fl_figure *f = &doc->figures.figures[i];
        const fl_sentence *sen = &doc->sentences.sentences[f->sentence];
        sent s = {doc->text, doc->tokens.tokens, sen->token_begin, sen->token_end, doc};
        while (t0 < n && spans[t0].end <= sen->start)
            t0++;
        uint32_t best_distance = UINT32_MAX;
        size_t best = n;
        for (size_t t = t0; t < n && spans[t].start < sen->end; t++) {
            int y, m, d;
            if (!values[t] || strlen(values[t]) < 10 || (values[t][10] && values[t][10] != 'T') ||
                !fl_date_parse(values[t], 10, &y, &m, &d))
                continue;
            /* the token before the expression: since/from/... open a period */
            size_t k = s.sb;
            while (k < s.se && s.tk[k].end <= spans[t].start)
                k++;
            if (k > s.sb && (flags_at(&s, k - 1) & FW_DATE_BLOCK))
                continue;
            uint32_t distance = date_distance(f->span, spans[t].start, spans[t].end);
            if (distance < best_distance) {
                best_distance = distance;
                best = t;
            }
        }
        if (best < n) {
            f->date_span = spans[best];
            memcpy(f->date, values[best], 10);
            f->date[10] = '\0';
        }
    }
}

void fl_figures_set_source(fl_doc *doc, fl_span cover, fl_span source)
{
    for (size_t i = 0; i < doc->figures.count; i++) {
        fl_figure *f = &doc->figures.figures[i];
        if (cover.start <= f->span.start && f->span.end <= cover.end)
            f->source = source;
    }
}

void fl_figures_set_date(fl_doc *doc, fl_span cover, fl_span evidence, const char *date)
{
    int y, m, d;
    if (!date || !fl_date_parse(date, strlen(date), &y, &m, &d))
        return;
    for (size_t i = 0; i < doc->figures.count; i++) {
        fl_figure *f = &doc->figures.figures[i];
        if (cover.start <= f->span.start && f->span.end <= cover.end) {
            f->date_span = evidence;
            memcpy(f->date, date, 10);
            f->date[10] = '\0';
        }
    }
}
