/* test_time_events.c — event-anchored expressions ("since the war began",
 * "two days after the vote"): exact spans, values and mods when the text
 * dates the event, nothing when it does not, and the TimeML path
 * (fl_doc_find_times) left as TimeML annotates. */
#include <string.h>

#include "check.h"
#include "factline.h"
#include "time/times.h"

/* Runs the extract path of the time layer (fl_time_layer_run, which adds
 * event-anchored expressions) on `text` dated `dct` ("YYYY-MM-DD") or,
 * with timeml set, the TimeML path, and compares with `want`: lines of
 * "text|TYPE|value|MOD" ("-" for no mod) joined by "\n". */
static void expect(const char *dct, const char *text, const char *want, int timeml, int line)
{
    fl_doc *doc = fl_doc_new();
    char got[2048] = "";
    int y = 0, m = 0, d = 0;
    sscanf(dct, "%d-%d-%d", &y, &m, &d);
    fl_status st = fl_doc_analyze_text(doc, text, strlen(text));
    if (st == FL_OK)
        st = timeml ? fl_doc_find_times(doc, dct) : fl_time_layer_run(doc, y, m, d);
    if (st != FL_OK) {
        check_failed++;
        fprintf(stderr, "%s:%d: analysis failed\n", __FILE__, line);
        fl_doc_free(doc);
        return;
    }
    size_t len = 0;
    for (size_t i = 0; i < fl_doc_time_count(doc); i++) {
        const fl_time *t = &fl_doc_times(doc)[i];
        const char *mod = fl_time_mod_name(fl_doc_time_mod(doc, i));
        len += (size_t)snprintf(got + len, sizeof got - len, "%s%.*s|%s|%s|%s", i ? "\n" : "",
                                (int)(t->span.end - t->span.start), text + t->span.start,
                                fl_time_type_name(t->type), t->value, mod ? mod : "-");
        if (len >= sizeof got)
            break;
    }
    if (strcmp(got, want) == 0) {
        check_passed++;
    } else {
        check_failed++;
        fprintf(stderr, "%s:%d: in \"%s\" (DCT %s)\n  got:  %s\n  want: %s\n", __FILE__, line, text, dct, got, want);
    }
    fl_doc_free(doc);
}

#define T(dct, text, want) expect(dct, text, want, 0, __LINE__)
#define TML(dct, text, want) expect(dct, text, want, 1, __LINE__)

/* The brief's examples and the anchors news writes. */
static void anchored(void)
{
    T("2023-11-04", "The war began on 7 October. Thousands have died since the war began.",
      "7 October|DATE|2023-10-07|-\nsince the war began|DATE|2023-10-07|ON_OR_AFTER");
    T("2023-11-04", "The war began on 7 October. Thousands have died since the start of the war.",
      "7 October|DATE|2023-10-07|-\nsince the start of the war|DATE|2023-10-07|ON_OR_AFTER");
    /* the anchor may follow the mention (a headline before the body) */
    T("2023-11-04", "Aid stalls since the war started. The war in Gaza broke out on 7 October.",
      "since the war started|DATE|2023-10-07|ON_OR_AFTER\n7 October|DATE|2023-10-07|-");
    T("2023-11-04", "Hamas's 7 October attack killed 1,200 people. The day after the attack, Israel declared war.",
      "7 October|DATE|2023-10-07|-\nThe day after the attack|DATE|2023-10-08|-");
    T("2023-11-04", "The October 7 attacks shocked Israel. In the weeks since the attacks, 240 hostages were held.",
      "October 7|DATE|2023-10-07|-\nsince the attacks|DATE|2023-10-07|ON_OR_AFTER");
    T("2023-11-04", "The attack on 7 October was a shock. Two days before the attack, he left.",
      "7 October|DATE|2023-10-07|-\nTwo days before the attack|DATE|2023-10-05|-");
    /* "two days" is replaced by the anchored day; Tuesday before a Saturday DCT */
    T("2023-11-04", "The vote on Tuesday was close. Two days after the vote, he resigned.",
      "Tuesday|DATE|2023-10-31|-\nTwo days after the vote|DATE|2023-11-02|-");
    T("2023-11-04", "The vote on Tuesday was close. Before the vote, he resigned.",
      "Tuesday|DATE|2023-10-31|-\nBefore the vote|DATE|2023-10-31|BEFORE");
    T("2023-11-04", "Since Hamas attacked Israel on 7 October, 1,400 Israelis have died.",
      "Since Hamas attacked|DATE|2023-10-07|ON_OR_AFTER\n7 October|DATE|2023-10-07|-");
    T("2023-11-04", "Hamas attacked Israel on 7 October. Following the attack, Israel struck Gaza.",
      "7 October|DATE|2023-10-07|-\nFollowing the attack|DATE|2023-10-07|AFTER");
    T("2023-11-04", "Hamas attacked Israel on 7 October. Since Hamas launched its attack, 1,400 have died.",
      "7 October|DATE|2023-10-07|-\nSince Hamas launched its attack|DATE|2023-10-07|ON_OR_AFTER");
    /* the war's start dated by the attack that began it */
    T("2024-03-04", "The war began when Hamas attacked southern Israel on 7 October. Since the start of the war, 30,000 died.",
      "7 October|DATE|2023-10-07|-\nSince the start of the war|DATE|2023-10-07|ON_OR_AFTER");
    T("2024-03-04", "The war was triggered by Hamas's attack on Israel on 7 October. Since the conflict began, 30,000 died.",
      "7 October|DATE|2023-10-07|-\nSince the conflict began|DATE|2023-10-07|ON_OR_AFTER");
    /* offsets at the unit's granularity */
    T("2024-03-04", "The war began on 7 October. Aid came two weeks after the war began.",
      "7 October|DATE|2023-10-07|-\ntwo weeks after the war began|DATE|2023-W42|-");
    T("2024-03-04", "The attacks on 7 October were a shock. Three months after the attacks, families grieve.",
      "7 October|DATE|2023-10-07|-\nThree months after the attacks|DATE|2024-01|-");
    T("2024-03-04", "The war began on 7 October. The day before the war began, all was calm.",
      "7 October|DATE|2023-10-07|-\nThe day before the war began|DATE|2023-10-06|-");
    /* a month anchor keeps its granularity */
    T("2024-03-04", "The war began in October. Since the war began, 30,000 died.",
      "October|DATE|2023-10|-\nSince the war began|DATE|2023-10|ON_OR_AFTER");
    /* the end of a truce is its own anchor */
    T("2023-12-04", "The truce ended on Friday. Since the truce ended, Israel has struck the south.",
      "Friday|DATE|2023-12-01|-\nSince the truce ended|DATE|2023-12-01|ON_OR_AFTER");
    /* of two attacks, the one with the same agent */
    T("2023-10-19", "Hamas's attack on 7 October changed things. The US erred after the 9/11 attacks in 2001. "
                    "Talks stopped after Hamas's attack.",
      "7 October|DATE|2023-10-07|-\nafter the 9/11 attacks|DATE|2001|AFTER\n2001|DATE|2001|-\n"
      "after Hamas's attack|DATE|2023-10-07|AFTER");
}

/* Nothing is tagged when the article does not date the event. */
static void unanchored(void)
{
    T("2023-11-04", "Thousands have died since the war began.", "");
    T("2023-11-04", "Two days after the vote, he resigned.", "Two days|DURATION|P2D|-");
    /* an attack's date is not the war's */
    T("2023-11-04", "Hamas attacked Israel on 7 October. Since the war began, 9,000 died.", "7 October|DATE|2023-10-07|-");
    /* "after the war" may mean its end; "the day after the war" is post-war */
    T("2023-11-04", "The war began on 7 October. What comes after the war is unclear.", "7 October|DATE|2023-10-07|-");
    T("2023-11-04", "The war began on 7 October. Plans for the day after the war are vague.", "7 October|DATE|2023-10-07|-");
    /* "since the truce" may be its start or its end */
    T("2023-12-04", "The truce began on 24 November. Since the truce, aid has flowed.", "24 November|DATE|2023-11-24|-");
    /* a pause in fighting is no start of the war; fighting resumed is no phase we know */
    T("2023-12-13", "A seven-day pause in fighting began on 24 November. Since the start of the war, 18,000 died.",
      "seven-day|DURATION|P7D|-\n24 November|DATE|2023-11-24|-");
    T("2023-12-06", "The war began on 7 October. Since the fighting resumed, 1,200 died.", "7 October|DATE|2023-10-07|-");
    /* a compound noun and a name are no event */
    T("2023-11-04", "The war began on 7 October. Since the war cabinet met, nothing changed.", "7 October|DATE|2023-10-07|-");
    T("2024-01-28", "Hamas attacked Israel on 7 October. UK halts aid after Hamas attack claim.", "7 October|DATE|2023-10-07|-");
    T("2023-11-04", "The Six-Day War began on 5 June 1967. Since the war, borders changed.", "5 June 1967|DATE|1967-06-05|-");
    /* "since" an event the article dates after itself */
    T("2023-10-01", "The vote on 10 October will be close. Since the vote, nothing.", "10 October|DATE|2023-10-10|-");
    /* different agents are different attacks */
    T("2023-10-19", "The US erred after the 9/11 attacks in 2001. Talks stopped after Hamas's attack.",
      "after the 9/11 attacks|DATE|2001|AFTER\n2001|DATE|2001|-");
    /* "Hamas launched its attack" names Hamas; "their attacks" names no one a mention names */
    T("2023-10-09", "Hamas launched its attack on Saturday. Since Hamas's attack, 700 have died.",
      "Saturday|DATE|2023-10-07|-\nSince Hamas's attack|DATE|2023-10-07|ON_OR_AFTER");
    T("2024-01-21", "The Houthis stepped up their attacks in November. Strikes rose since the Hamas attack.",
      "November|DATE|2023-11|-");
    /* "an attack by Iran" is Iran's, not an Israeli one */
    T("2024-04-21", "A retaliatory attack by Iran on Israel on 13 April followed. Damage seen after Israeli attack.",
      "13 April|DATE|2024-04-13|-");
    T("2024-04-21", "A retaliatory attack by Iran on Israel on 13 April followed. Oil rose after Iran's attack.",
      "13 April|DATE|2024-04-13|-\nafter Iran's attack|DATE|2024-04-13|AFTER");
    /* a bare plural is attacks in general */
    T("2023-12-16", "A ship was attacked on Friday. The decision comes after attacks by rebels.",
      "Friday|DATE|2023-12-15|-");
    /* a numbered name ("9/11") takes only its own anchor */
    T("2024-05-11", "The attack on 7 October was a shock. Don't repeat the mistakes made after the 9/11 attacks.",
      "7 October|DATE|2023-10-07|-");
}

/* The TimeML path keeps TimeML's annotation: "two days" is a duration. */
static void timeml_unchanged(void)
{
    TML("2023-11-04", "The vote on Tuesday was close. Two days after the vote, he resigned.",
        "Tuesday|DATE|2023-10-31|-\nTwo days|DURATION|P2D|-");
    TML("2023-11-04", "The war began on 7 October. Thousands have died since the war began.", "7 October|DATE|2023-10-07|-");
}

int main(void)
{
    anchored();
    unanchored();
    timeml_unchanged();
    return check_report("time_events");
}
