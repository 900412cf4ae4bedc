/*
 * attrib.c — finding attributions: a cue ("said", "according to", "has
 * learned"), its source words and its content, sentence by sentence.
 *
 * For each cue outside a quote the rules decide where the content is:
 *   - after a quote ("...," X said / "...," said X): the quote;
 *   - before a quote (X said: "..."): the quote;
 *   - otherwise the clause after the cue (X said (that) ...; X told Y ...),
 *     or, when nothing follows, the clause before it (..., X has learned).
 * The source is the subject to the left of the cue, the name after an
 * inverted cue, or the sentence subject for a participle ("..., stating,").
 * A cue without a source or a content is not an attribution; passives
 * ("is expected") and nouns ("the report") are skipped.
 * Not for: resolving the source (speakers.c).
 */
#include "quote/attrib_internal.h"
#include "quote/quote_internal.h"
#include "time/lexicon.h"

static int is_final_punct(const qctx *c, uint32_t i)
{
    return tok_punct(c, i, '.') || tok_punct(c, i, '!') || tok_punct(c, i, '?');
}

/* End of the content that runs to the end of the sentence: without its final
 * full stop (a full stop inside a closing quote stays). */
uint32_t fl_attrib_content_end(const qctx *c, uint32_t se, uint32_t from)
{
    uint32_t e = se;
    if (e > from && is_final_punct(c, e - 1))
        e--;
    return e;
}

static int is_close_mark(const qctx *c, uint32_t i)
{
    return tok_is_mark(c, i) && !(c->tok[i].flags & FL_TOKEN_QUOTE_OPEN) && c->L->tok_quote[i] >= 0;
}

/* The quote just before token i (", he said" / "," he said): its index, or -1. */
static int quote_ends_at(const qctx *c, uint32_t i)
{
    int32_t q = c->L->tok_quote[i];
    const fl_quote *qt = &c->L->quotes[q];
    return c->L->raw_parts[qt->part_begin + qt->part_count - 1].last == i ||
           (c->L->raw_parts[qt->part_begin].last == i); /* the first part of a split quote */
}

static int32_t quote_before(const qctx *c, uint32_t i, uint32_t sb)
{
    /* the quote may end the previous sentence: "... hands?” Trump said." */
    sb = c->sent[c->para[c->sent[c->L->tok_sentence[sb]].paragraph].sentence_begin].token_begin;
    if (i >= sb + 1 && is_close_mark(c, i - 1) && quote_ends_at(c, i - 1))
        return c->L->tok_quote[i - 1];
    if (i >= sb + 2 && tok_punct(c, i - 1, ',') && is_close_mark(c, i - 2) && quote_ends_at(c, i - 2))
        return c->L->tok_quote[i - 2];
    return -1;
}

/* The quote that opens at token i, after an optional ',' or ':'. */
static int32_t quote_after(const qctx *c, uint32_t i, uint32_t se)
{
    if (i < se && (tok_punct(c, i, ',') || tok_punct(c, i, ':')))
        i++;
    if (i < se && tok_is_mark(c, i) && (c->tok[i].flags & FL_TOKEN_QUOTE_OPEN) && c->L->tok_quote[i] >= 0) {
        const fl_quote *qt = &c->L->quotes[c->L->tok_quote[i]];
        if (c->L->raw_parts[qt->part_begin].first == i)
            return c->L->tok_quote[i]; /* not a single mark inside a longer quote */
    }
    return -1;
}

static void quote_tokens(const qctx *c, int32_t q, uint32_t *b, uint32_t *e)
{
    const fl_quote *qt = &c->L->quotes[q];
    *b = c->L->raw_parts[qt->part_begin].first;
    *e = c->L->raw_parts[qt->part_begin + qt->part_count - 1].last + 1;
}

static int is_be(const qctx *c, uint32_t i)
{
    return tok_eq(c, i, "is") || tok_eq(c, i, "was") || tok_eq(c, i, "were") || tok_eq(c, i, "are") ||
           tok_eq(c, i, "been") || tok_eq(c, i, "be") || tok_eq(c, i, "being");
}

static int ends_ing(const qctx *c, uint32_t i)
{
    const fl_token *t = &c->tok[i];
    return t->end - t->start > 4 && c->text[t->end - 3] == 'i' && c->text[t->end - 2] == 'n' &&
           c->text[t->end - 1] == 'g';
}

/* After "“...,” he said." the quote often goes on in the next sentences of
 * the paragraph without a cue of their own ("“More words.”"): the content
 * then runs to the end of the last such quote. */
static void extend_over_following_quotes(qctx *c, int32_t q, uint32_t se)
{
    fl_quote_layer *L = c->L;
    raw_attr *a = &L->raw_attrs[L->attrib_count - 1];
    if (a->content_end > a->cue_begin)
        return; /* the quote follows the cue */
    uint32_t i = a->cue_end;
    while (i < se && i < a->cue_end + 12 && !tok_is_mark(c, i) && (tok_is_wordish(c, i) || tok_punct(c, i, ',')))
        i++; /* the rest of "he said on Monday" */
    if (i >= se || !(tok_punct(c, i, '.') && i + 1 == se))
        return;
    uint32_t para = c->sent[L->tok_sentence[i]].paragraph;
    for (int32_t n = q + 1; (size_t)n < L->quote_count; n++) {
        uint32_t qb, qe;
        quote_tokens(c, n, &qb, &qe);
        const fl_sentence *s = &c->sent[L->tok_sentence[qb]];
        if (s->paragraph != para || qb != s->token_begin || qb != i + 1 ||
            L->quotes[n].kind != FL_QUOTE_STATEMENT)
            break;
        /* the next quote must not have a cue of its own */
        uint32_t after = qe;
        if (after < c->ntok && c->sent[L->tok_sentence[after < c->ntok ? after : qe - 1]].paragraph == para &&
            after < s->token_end && !tok_punct(c, after, '.'))
            break;
        a->content_end = qe;
        i = qe - 1;
    }
}

/* Can the noun phrase after "according to" be a source when the content is
 * the words before it? A name or an entity, or a word for people, media,
 * organisations, governments or their findings ("a CBS poll", "officials",
 * "the survey"); not "the plan", "their scores". */
static int according_source(const qctx *c, np_range src)
{
    const uint32_t source_lists = UINT32_C(1) << WL_MEDIA | UINT32_C(1) << WL_GOVERNMENT |
                                  UINT32_C(1) << WL_ORGANISATION | UINT32_C(1) << WL_ANONYMOUS |
                                  UINT32_C(1) << WL_TITLE | UINT32_C(1) << WL_PERSON_NOUN |
                                  UINT32_C(1) << WL_MESSAGE | UINT32_C(1) << WL_EVIDENCE;
    for (uint32_t i = src.begin; i < src.end; i++)
        if (c->L->tok_entity[i] || tok_cap(c, i) || (tok_lists(c, i) & source_lists))
            return 1;
    return 0;
}

/* "according to X": the content is the rest of the sentence around it. */
static int according_to(qctx *c, uint32_t v, uint32_t sb, uint32_t se)
{
    raw_attr a = {0};
    a.quote = -1;
    a.cue_begin = v;
    a.cue_end = v + 2;
    np_range src = np_right(c, v + 2, se);
    if (src.end == src.begin)
        return 0;
    a.src_begin = src.begin;
    a.src_end = src.end;
    int32_t before = quote_before(c, v, sb);
    if (before >= 0) {
        /* "“...,” according to Judicial Watch": the quote that opens the sentence (a
         * fragment inside the writer's words is the sentence's, left as before); the
         * quote's speaker stays the speaker rules' business */
        uint32_t qb, qe;
        quote_tokens(c, before, &qb, &qe);
        if (qb <= sb) {
            a.content_begin = qb;
            a.content_end = qe;
            return attr_push(c, &a);
        }
    }
    if (v > sb && tok_punct(c, v - 1, ',')) {
        a.content_begin = sb;
        a.content_end = v - 1;
    } else {
        uint32_t b = src.end;
        if (b < se && tok_punct(c, b, ','))
            b++;
        a.content_begin = b;
        a.content_end = fl_attrib_content_end(c, se, b);
        if (a.content_end <= a.content_begin && v > sb + 2 && according_source(c, src)) {
            /* "Clinton leads 46 percent to 39 percent according to a CBS poll."; not
             * "go according to (the) plan", "ranked according to their scores" */
            a.content_begin = sb;
            a.content_end = v;
        }
    }
    if (a.content_end <= a.content_begin)
        return 0;
    int32_t q = c->L->tok_quote[a.content_begin];
    if (q >= 0 && tok_is_mark(c, a.content_begin)) {
        uint32_t qb, qe;
        quote_tokens(c, q, &qb, &qe);
        if (qb == a.content_begin)
            a.quote = q;
    }
    return attr_push(c, &a);
}

/* One cue verb at v; returns the token after the cue when an attribution was
 * added, else 0. */
/* Is the sentence in title case (a headline: most words capitalised)? */
static int title_case(const qctx *c, uint32_t sb, uint32_t se)
{
    uint32_t words = 0, caps = 0;
    for (uint32_t i = sb; i < se; i++)
        if (c->tok[i].kind == FL_TOKEN_WORD && c->tok[i].end - c->tok[i].start > 3) {
            words++;
            caps += tok_cap(c, i) ? 1u : 0u;
        }
    return words >= 3 && caps * 4 >= words * 3;
}

/* Words that may stand with a time word between a subject and its cue, or a
 * cue and its content: "Beck last week said", "said early on Thursday". */
static int time_modifier(const qctx *c, uint32_t i)
{
    return tok_in(c, i, WL_ADVERB) || tok_eq(c, i, "this") || tok_eq(c, i, "past") || tok_eq(c, i, "next") ||
           tok_eq(c, i, "on") || tok_eq(c, i, "early") || tok_eq(c, i, "late");
}

/* A day number after a month: "May 5", "Jan. 12". */
static int day_number(const qctx *c, uint32_t i)
{
    if (i >= c->ntok || c->tok[i].kind != FL_TOKEN_NUMBER)
        return 0;
    uint32_t len = c->tok[i].end - c->tok[i].start;
    const char *s = c->text + c->tok[i].start;
    return (len == 1 || (len == 2 && s[1] >= '0' && s[1] <= '9')) && s[0] >= '0' && s[0] <= '9';
}

/* Is token i a time word that fills the place between a subject and its cue
 * ("Beck last week said") or a cue and its content ("said Thursday that")?
 * The words are the time lexicon's (src/time/lexicon.c): calendar units,
 * parts of the day, weekdays and months. Not when the word begins a noun
 * phrase of its own ("said Monday's vote", "said years of neglect"); a
 * capitalised unit ("Chris Day") or a month ("Johnson said May was") is a
 * time only after a lower-case time word ("last", "on", "in") or before a
 * day number ("May 5"), or after a day number after such a word ("on 14
 * October"; not "the 21 October protest"). [lo, hi) bounds the sentence. */
int fl_attrib_time_filler(const qctx *c, uint32_t i, uint32_t lo, uint32_t hi)
{
    const fl_token *t = &c->tok[i];
    if (t->kind != FL_TOKEN_WORD && t->kind != FL_TOKEN_ABBREV)
        return 0;
    const fl_lex_entry *e = fl_lex_lookup(c->text + t->start, t->end - t->start);
    if (!e)
        return 0;
    int month = e->cls == FL_LX_MONTH;
    if (!(month || e->cls == FL_LX_WEEKDAY || e->cls == FL_LX_PART_OF_DAY ||
          (e->cls == FL_LX_UNIT && e->value >= FL_U_DAY && !(e->flags & FL_LXF_AMBIG))))
        return 0;
    if (i + 1 < hi && ((c->tok[i + 1].kind == FL_TOKEN_CLITIC && tok_eq(c, i + 1, "'s")) || tok_eq(c, i + 1, "of")))
        return 0;
    if (month && i + 1 < hi && day_number(c, i + 1))
        return tok_cap(c, i);
    if (month && i > lo + 1 && day_number(c, i - 1)) /* "on 14 October"; not "the 21 October protest" */
        return tok_cap(c, i) && time_modifier(c, i - 2) && !tok_cap(c, i - 2);
    if (e->flags & FL_LXF_ABBR)
        return 0;
    if (e->cls == FL_LX_WEEKDAY || (!month && !tok_cap(c, i)))
        return 1;
    if (i <= lo || tok_cap(c, i - 1))
        return 0; /* "Johnson said May was", "Chris Day said", a lower-case "may" */
    return time_modifier(c, i - 1) || tok_eq(c, i - 1, "in");
}

uint32_t fl_attrib_skip_time_left(const qctx *c, uint32_t sb, uint32_t k)
{
    uint32_t j = k;
    int time = 0;
    while (j > sb) {
        uint32_t p = j - 1;
        if (fl_attrib_time_filler(c, p, sb, k))
            time = 1;
        else if (!time_modifier(c, p) && !(day_number(c, p) && p + 1 < k && fl_attrib_time_filler(c, p + 1, sb, k)))
            break;
        j = p;
    }
    return time ? j : k;
}

uint32_t fl_attrib_skip_time_right(const qctx *c, uint32_t k, uint32_t se)
{
    uint32_t j = k, end = k, lo = k > 0 ? k - 1 : 0;
    while (j < se) {
        if (fl_attrib_time_filler(c, j, lo, se)) {
            end = j + 1;
            if (day_number(c, end) && end < se) /* "on May 5" */
                end++, j++;
        } else if (!time_modifier(c, j) && !(day_number(c, j) && j + 1 < se && fl_attrib_time_filler(c, j + 1, lo, se)))
            break;
        j++;
    }
    /* "said Monday would be a holiday": a time word before a verb is the
     * content's subject, not a filler */
    if (end > k && end < se && tok_in(c, end, WL_AUX))
        return k;
    return end;
}

/* *title caches title_case(sb, se) for the sentence (-1: not yet known): a
 * sentence of many capitalised cues would otherwise be counted once per cue,
 * quadratic in its length. */
static uint32_t cue_verb(qctx *c, uint32_t v, int flags, uint32_t sb, uint32_t se, int *title)
{
    /* A capitalised cue is a name ("Secretary of State") except in a
     * title-case headline after a name ("Blinken Urges ..."). */
    if (tok_cap(c, v) && *title < 0)
        *title = title_case(c, sb, se);
    if (tok_cap(c, v) && !(*title && v > sb && tok_cap(c, v - 1) && !tok_in(c, v - 1, WL_TITLE) &&
                           !tok_in(c, v - 1, WL_PREPOSITION)))
        return 0;
    if (v > sb) {
        uint32_t p = v - 1;
        if (tok_in(c, p, WL_DETERMINER) || c->tok[p].kind == FL_TOKEN_CLITIC || tok_eq(c, p, "to"))
            return 0; /* a noun ("the report", "Biden's claim") or an infinitive */
    }
    raw_attr a = {0};
    a.quote = -1;
    a.cue_begin = v;
    a.cue_end = v + 1;
    while (a.cue_begin > sb && (tok_eq(c, a.cue_begin - 1, "has") || tok_eq(c, a.cue_begin - 1, "have") ||
                                tok_eq(c, a.cue_begin - 1, "had")))
        a.cue_begin--;
    /* passives: "is expected", "was told" (but "has been saying" is not passive); a
     * belief in the passive with "to" keeps its subject: "Trump is expected to win" */
    uint32_t be_at = UINT32_MAX;
    for (uint32_t i = v; i > sb && i + 3 > v; i--) {
        if (is_be(c, i - 1) && !ends_ing(c, v)) {
            if (!((flags & CUE_BELIEF) && tok_eq(c, v + 1, "to")))
                return 0;
            be_at = i - 1;
            break;
        }
        if (!tok_in(c, i - 1, WL_ADVERB) && !is_be(c, i - 1))
            break;
    }
    if (be_at != UINT32_MAX)
        a.cue_begin = be_at;
    /* The source. */
    np_range src = {v, v, 0, 0, 0};
    int participle = ends_ing(c, v) && v > sb && tok_punct(c, v - 1, ',');
    int reduced = 0; /* "911 calls saying shots have been fired" */
    if (ends_ing(c, v) && !participle && !(v > sb && (is_be(c, v - 1) || tok_in(c, v - 1, WL_ADVERB)))) {
        reduced = (flags & CUE_QUOTE) && v > sb && tok_is_wordish(c, v - 1) && !tok_in(c, v - 1, WL_DETERMINER) &&
                  (tok_eq(c, v + 1, "that") || tok_in(c, v + 1, WL_PRONOUN) || tok_cap(c, v + 1) ||
                   (tok_is_mark(c, v + 1) && (c->tok[v + 1].flags & FL_TOKEN_QUOTE_OPEN)));
        if (!reduced)
            return 0; /* "a press briefing": an -ing form needs "is", a comma or a clause to be the cue */
    }
    int reused = 0;
    if (participle) {
        /* "..., Anderson said, adding that ...": the source of the sentence's cue */
        for (size_t n = c->L->attrib_count; n > 0 && c->L->attrib_count - n < 8; n--) {
            const raw_attr *prev = &c->L->raw_attrs[n - 1];
            if (prev->cue_begin < sb)
                break;
            if (prev->src_end > prev->src_begin && prev->cue_end < v) {
                src.begin = prev->src_begin;
                src.end = prev->src_end;
                reused = 1;
                break;
            }
        }
        if (!reused)
            src = np_subject(c, sb, v);
    } else if (reduced) {
        src = np_left(c, sb, v);
        if (src.end > src.begin + 1 && tok_eq(c, src.begin, "with"))
            src.begin++; /* "..., with the Israeli Air Force saying it was targeting ..." */
    } else {
        src = np_left(c, sb, fl_attrib_skip_time_left(c, sb, a.cue_begin));
        uint32_t k = a.cue_begin;
        while (k > sb && (tok_in(c, k - 1, WL_ADVERB) || tok_in(c, k - 1, WL_AUX)))
            k--;
        if (src.end == src.begin && k > sb + 1 &&
            (tok_eq(c, k - 1, "who") || tok_eq(c, k - 1, "which") || tok_eq(c, k - 1, "that"))) {
            src.begin = k - 1; /* "voters who say": speakers.c finds the antecedent */
            src.end = k;
        } else if (src.end == src.begin && k > sb + 1 && (tok_eq(c, k - 1, "and") || tok_eq(c, k - 1, "but"))) {
            /* "X said A but told B": the source of the sentence's earlier cue */
            for (size_t n = c->L->attrib_count; n > 0 && c->L->attrib_count - n < 8; n--) {
                const raw_attr *prev = &c->L->raw_attrs[n - 1];
                if (prev->cue_begin < sb)
                    break;
                if (prev->src_end > prev->src_begin && prev->cue_end <= k) {
                    src.begin = prev->src_begin;
                    src.end = prev->src_end;
                    break;
                }
            }
        }
        if (src.end == src.begin && k > sb + 1 && (tok_eq(c, k - 1, "and") || tok_eq(c, k - 1, "but"))) {
            /* "Ms. Conway rejected the idea and said": the subject of the clause */
            uint32_t cs = k - 1;
            while (cs > sb && !tok_punct(c, cs - 1, ',') && !tok_punct(c, cs - 1, ';') &&
                   !tok_punct(c, cs - 1, ':') && c->tok[cs - 1].kind != FL_TOKEN_DASH)
                cs--;
            src = np_subject(c, cs, k - 1);
        }
        if (src.end == src.begin && a.cue_begin > sb + 2 && tok_punct(c, a.cue_begin - 1, ',')) {
            /* '"...," Jennifer Damti, told ABC News': a stray comma between the name that
             * follows the quote and its cue; the name speaks, not the hearer after the cue */
            uint32_t n = a.cue_begin - 1, s0 = n;
            while (s0 > sb && n - s0 < NAME_RUN_MAX && name_is_word(c, s0 - 1))
                s0--;
            if (n - s0 >= 2 && s0 > sb && is_close_mark(c, s0 - 1)) {
                src.begin = s0;
                src.end = n;
            }
        }
        if (src.end == src.begin && a.cue_begin > sb &&
            (tok_punct(c, a.cue_begin - 1, ',') || is_close_mark(c, a.cue_begin - 1))) {
            src = np_right(c, v + 1, se); /* inverted: ", said the official" */
            /* ", said its director, Liora Rez, in a statement": the name in apposition */
            uint32_t n = src.end + 1;
            if (src.end > src.begin && !tok_cap(c, src.begin) && tok_punct(c, src.end, ',') && name_is_word(c, n)) {
                uint32_t ne = n;
                while (ne < se && ne - n < NAME_RUN_MAX && name_is_word(c, ne))
                    ne++;
                if (ne - n >= 2 && (ne >= se || tok_punct(c, ne, ',') || is_final_punct(c, ne))) {
                    src.begin = n;
                    src.end = ne;
                }
            }
            /* "says Lynn Hastings the UN Humanitarian Coordinator": a name, then its role
             * with no comma; the name speaks */
            uint32_t ne = src.begin;
            while (ne < src.end && ne - src.begin < NAME_RUN_MAX && name_is_word(c, ne))
                ne++;
            if (ne - src.begin >= 2 && ne < src.end && (tok_eq(c, ne, "the") || tok_eq(c, ne, "a")))
                src.end = ne;
        }
    }
    if (src.end == src.begin || tok_in(c, src.begin, WL_PREPOSITION) || tok_in(c, src.end - 1, WL_PREPOSITION))
        return 0; /* "with increasing calls", "Fiorina for criticizing": not a subject */
    int message_subject = 0; /* "a statement by Hastings read:" ("read" is also a past form) */
    for (uint32_t i = src.begin; i < src.end && i < src.begin + 3; i++)
        message_subject |= tok_in(c, i, WL_MESSAGE) || tok_in(c, i, WL_SPEECH_NOUN);
    if ((flags & CUE_BASE) && src.begin < v && !message_subject &&
        (tok_eq(c, src.begin, "a") || tok_eq(c, src.begin, "an") || tok_eq(c, src.begin, "each") ||
         tok_eq(c, src.begin, "every") || tok_eq(c, src.begin, "this")))
        return 0; /* "a controversial social media post": a noun */
    a.src_begin = src.begin;
    a.src_end = src.end;
    a.conv_begin = src.conv_begin;
    a.conv_end = src.conv_end;
    uint32_t after = a.cue_end;
    if (src.begin > v) /* inverted: the content cannot follow the name */
        after = src.end;
    if ((flags & CUE_OBJECT) && !(flags & CUE_BASE) && src.begin < v &&
        (a.cue_end >= se || (is_final_punct(c, a.cue_end) && a.cue_end + 1 >= se)))
        return 0; /* "'Hide religion,' Welsh Jewish student told": told, not telling */
    /* The content. */
    int32_t q = src.begin < v ? quote_before(c, src.lead ? src.lead : src.begin, sb) : quote_before(c, a.cue_begin, sb);
    if (q < 0 && src.begin < v)
        q = quote_before(c, a.cue_begin, sb);
    uint32_t rb = after;
    if (flags & CUE_OBJECT)
        rb = np_skip_hearer(c, rb, se);
    /* A quote after "said:" binds forward; a fragment before the source
     * ("... a “day of solidarity”, the MP said: “...”") does not hold it back. */
    int32_t qa = quote_after(c, rb, se);
    if (qa < 0 && (flags & CUE_QUOTE)) {
        /* "wrote on X, formerly known as Twitter: “...”", "said in a statement: “...”" */
        for (uint32_t k = rb; k < se && k < rb + 14; k++) {
            if (tok_punct(c, k, ':')) {
                qa = quote_after(c, k, se);
                break;
            }
            if (tok_is_mark(c, k) || (tok_cue(c, k) && !(k > rb && tok_in(c, k - 1, WL_DETERMINER))) ||
                tok_punct(c, k, '.'))
                break; /* another verb ends the search; a noun ("a post on X") does not */
        }
    }
    if (qa >= 0 && (q < 0 || tok_punct(c, rb, ':') || c->L->quotes[q].kind != FL_QUOTE_STATEMENT))
        q = qa;
    else if (q >= 0)
        rb = after;
    if (q >= 0 && participle && quote_after(c, rb, se) != q)
        q = -1;
    if (q >= 0) {
        quote_tokens(c, q, &a.content_begin, &a.content_end);
        a.quote = q;
        if (!attr_push(c, &a))
            return 0;
        extend_over_following_quotes(c, q, se);
        return a.cue_end;
    }
    if (flags & CUE_OBJECT) {
        /* "told conservative radio host Hugh Hewitt on Wednesday that ...": the that-clause */
        for (uint32_t k = after; k < se && k < after + 12; k++) {
            if (tok_eq(c, k, "that")) {
                rb = k;
                break;
            }
            if (!tok_is_wordish(c, k))
                break;
        }
    }
    rb = fl_attrib_skip_time_right(c, rb, se); /* "insisted Thursday during a tour that ..." */
    if (rb < se && tok_punct(c, rb, ','))
        rb++;
    uint32_t re = fl_attrib_content_end(c, se, rb);
    if (src.begin > v)
        re = rb; /* nothing follows an inverted cue's name but the end */
    if (re > rb && tok_in(c, rb, WL_PREPOSITION) && !tok_eq(c, rb, "to")) {
        /* "said in a statement that ...": the content is the that-clause */
        uint32_t k = rb;
        while (k < re && k < rb + 8 && !tok_eq(c, k, "that") && !tok_punct(c, k, ','))
            k++;
        if (k < re && tok_eq(c, k, "that"))
            rb = k;
        else if (!(flags & CUE_SPEECH))
            return 0;
        else if (rb + 1 < re)
            rb++; /* "apologised for his remarks": what is attributed is the object */
    }
    if (re > rb && !(flags & (CUE_SPEECH | CUE_BELIEF)) && !tok_eq(c, rb, "that") && re - rb < 3)
        return 0; /* "found it": too little to be a finding; "polls show Trump leading" is one */
    if (re > rb && participle && !reused && !(flags & CUE_QUOTE) && !tok_eq(c, rb, "that") && !tok_punct(c, after, ',') &&
        !tok_punct(c, after, ':'))
        return 0; /* "..., acknowledging the constraints, ..." describes, does not attribute */
    if (re > rb && (tok_eq(c, rb, "to") || (tok_eq(c, rb, "not") && tok_eq(c, rb + 1, "to"))) &&
        !(flags & CUE_BELIEF))
        return 0; /* "continue to rise", "who asked not to be named" */
    if (re <= rb) {
        /* Nothing after: the content is the clause before ", X said". */
        uint32_t left = src.begin < a.cue_begin ? src.begin : a.cue_begin;
        if (left <= sb + 1 || !tok_punct(c, left - 1, ','))
            return 0;
        rb = sb;
        re = left - 1;
        if (tok_in(c, rb, WL_BOUNDARY) && tok_cap(c, rb) && !tok_eq(c, rb, "that"))
            rb++; /* "But ..., a source said" */
    }
    if (re <= rb)
        return 0;
    a.content_begin = rb;
    a.content_end = re;
    return attr_push(c, &a) ? a.cue_end : 0;
}

/* "Rubio: I Still Believe ..." / "Ted Cruz: ‘...’": a name, a colon, the
 * words. The name is at most four capitalised words at the sentence start. */
static int colon_attribution(qctx *c, uint32_t sb, uint32_t se)
{
    uint32_t k = sb;
    while (k < se && k < sb + 5 && !tok_punct(c, k, ':')) {
        if (!(tok_cap(c, k) || c->tok[k].kind == FL_TOKEN_ABBREV) || tok_in(c, k, WL_BOUNDARY) ||
            tok_in(c, k, WL_PREPOSITION) || tok_cue(c, k))
            return 0;
        k++;
    }
    if (k == sb || k >= se || !tok_punct(c, k, ':') || k + 2 >= se)
        return 0;
    if (tok_cue(c, k - 1))
        return 0; /* "X said:" is the verb's */
    if (k == sb + 1 && !c->L->tok_entity[sb] && !tok_in(c, sb, WL_MEDIA) && !tok_in(c, sb, WL_ORGANISATION) &&
        !tok_in(c, sb, WL_GOVERNMENT) && !tok_in(c, sb, WL_COUNTRY))
        return 0; /* "Breaking:", "Wow:", "LOOK:": a one-word label that names nobody */
    raw_attr a = {0};
    a.quote = -1;
    a.src_begin = sb;
    a.src_end = k;
    a.cue_begin = k;
    a.cue_end = k + 1;
    a.content_begin = k + 1;
    a.content_end = fl_attrib_content_end(c, se, k + 1);
    int32_t q = quote_after(c, k, se);
    if (q >= 0) {
        uint32_t qb, qe;
        quote_tokens(c, q, &qb, &qe);
        if (qe == a.content_end || qe + 1 >= se)
            a.quote = q;
    }
    /* Outside a headline, "Update: ..." or "Q: ..." is not a source speaking;
     * a name and a colon before a quote is. */
    if (a.quote < 0 && c->sent[c->L->tok_sentence[sb]].paragraph != 0)
        return 0;
    return attr_push(c, &a);
}

/* The first ',' at or after token `from` of the sentence ending at se, or se.
 * comma[0..1] remembers the last answer: [comma[0], comma[1]) holds no comma,
 * so a later call from inside it is answered without a walk (many "when asked"
 * in one sentence without commas would otherwise each walk to its end).
 * comma[0] == UINT32_MAX: nothing remembered. */
static uint32_t next_comma(const qctx *c, uint32_t from, uint32_t se, uint32_t comma[2])
{
    if (comma[0] != UINT32_MAX && comma[0] <= from && from <= comma[1])
        return comma[1];
    uint32_t e = from;
    while (e < se && !tok_punct(c, e, ','))
        e++;
    comma[0] = from;
    comma[1] = e;
    return e;
}

/* "Asked whether ..., she said": the question is attributed without a
 * source of its own. */
static int asked_attribution(qctx *c, uint32_t v, uint32_t sb, uint32_t se, uint32_t comma[2])
{
    raw_attr a = {0};
    a.quote = -1;
    a.cue_begin = v;
    a.cue_end = v + 1;
    uint32_t e = next_comma(c, v + 1, se, comma);
    if (e >= se || e <= v + 2)
        return 0;
    a.content_begin = v + 1;
    a.content_end = e;
    (void)sb;
    return attr_push(c, &a);
}

int fl_attrib_find(qctx *c)
{
    for (uint32_t s = 0; s < c->nsent; s++) {
        uint32_t sb = c->sent[s].token_begin, se = c->sent[s].token_end;
        colon_attribution(c, sb, se);
        uint32_t first = sb + (tok_eq(c, sb, "when") ? 1 : 0);
        uint32_t comma[2] = {UINT32_MAX, 0};
        if (tok_eq(c, first, "asked") && asked_attribution(c, first, sb, se, comma))
            sb = first + 1;
        for (uint32_t k = sb + 1; k + 2 < se; k++)
            if (tok_eq(c, k, "when") && tok_eq(c, k + 1, "asked") && !tok_cap(c, k + 1))
                asked_attribution(c, k + 1, sb, se, comma); /* "..., Christie said when asked whether ..." */
        int title = -1;
        for (uint32_t v = sb; v < se; v++) {
            if (tok_eq(c, v, "according") && tok_eq(c, v + 1, "to") && v + 2 < se) {
                if (according_to(c, v, sb, se))
                    v++;
                continue;
            }
            int flags = tok_cue(c, v);
            /* inside a quote, the speaker's own "I think" is not sourcing */
            if (!flags || (c->L->tok_quote[v] >= 0 && (flags & CUE_BELIEF)))
                continue;
            uint32_t next = cue_verb(c, v, flags, sb, se, &title);
            if (next)
                v = next - 1;
            if (c->L->failed)
                return 0;
        }
    }
    return !c->L->failed;
}
