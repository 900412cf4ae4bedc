/*
 * test_figure.c — the figure layer on single sentences: every construction
 * of issue 6 with exact fields, numbers that must not become figures, and
 * hostile numerals. Not for: the lexicon's order (test_figure_words.c) or
 * scores on the dev set (test_figure_eval.c).
 */
#include <string.h>

#include "check.h"
#include "factline.h"
#include "figure/figure.h"

static fl_doc *doc;
static fl_extractor *ex;
static fl_article art;
static char span_buf[256];

/* Analyses `text` as the body of an article dated 2023-11-04. */
static size_t run(const char *text)
{
    memset(&art, 0, sizeof art);
    art.id = "test";
    memcpy(art.date, "2023-11-04", 11);
    art.year = 2023;
    art.month = 11;
    art.day = 4;
    art.headline = "";
    art.text = text;
    art.text_len = strlen(text);
    art.body_start = 0;
    art.file = "test";
    fl_doc_analyze(doc, &art);
    fl_extract(ex, doc);
    return fl_doc_figure_count(doc);
}

static const char *span_text(fl_span sp)
{
    if (sp.start == sp.end)
        return "(none)";
    size_t n = sp.end - sp.start < sizeof span_buf - 1 ? sp.end - sp.start : sizeof span_buf - 1;
    memcpy(span_buf, fl_doc_text(doc) + sp.start, n);
    span_buf[n] = '\0';
    return span_buf;
}

static const fl_figure *fig(size_t i)
{
    static fl_figure none;
    if (i >= fl_doc_figure_count(doc)) {
        fprintf(stderr, "no figure %zu\n", i);
        memset(&none, 0, sizeof none);
        none.qualifier = FL_QUALIFIER_COUNT;
        none.category = FL_CATEGORY_COUNT;
        return &none;
    }
    return &fl_doc_figures(doc)[i];
}

/* value, or -1 when unset; same for low and high */
static double value_of(const fl_figure *f) { return f->flags & FL_FIGURE_HAS_VALUE ? f->value : -1; }
static double low_of(const fl_figure *f) { return f->flags & FL_FIGURE_HAS_LOW ? f->low : -1; }
static double high_of(const fl_figure *f) { return f->flags & FL_FIGURE_HAS_HIGH ? f->high : -1; }

#define EXPECT(i, text_, value_, low_, high_, qual_, cat_, subject_)                  \
    do {                                                                            \
        const fl_figure *f_ = fig(i);                                               \
        CHECK_STR(span_text(f_->span), text_);                                      \
        CHECK_INT(value_of(f_), value_);                                            \
        CHECK_INT(low_of(f_), low_);                                                \
        CHECK_INT(high_of(f_), high_);                                              \
        CHECK_STR(fl_figure_qualifier_name(f_->qualifier), qual_);                  \
        CHECK_STR(fl_figure_category_name(f_->category), cat_);                     \
        CHECK_STR(span_text(f_->subject), subject_);                                \
    } while (0)

static void test_seed_sentences(void)
{
    CHECK_INT(run("The Israeli strikes on Gaza were initiated after a series of Hamas terrorist attacks on October 7, "
                  "resulting in the deaths of 1,400 people and the abduction of over 200 individuals."), 2);
    EXPECT(0, "1,400", 1400, 1400, 1400, "exact", "killed", "people");
    CHECK_STR(span_text(fig(0)->cue), "deaths");
    CHECK_STR(fig(0)->date, "2023-10-07");
    CHECK_STR(span_text(fig(0)->date_span), "October 7");
    CHECK_STR(span_text(fig(0)->source), "(none)");
    EXPECT(1, "over 200", 200, 200, -1, "more_than", "hostages", "individuals");
    CHECK_STR(span_text(fig(1)->cue), "abduction");

    CHECK_INT(run("The Health Ministry in Gaza reported that more than 9,200 Palestinians have been killed since the "
                  "military campaign began, including civilians who died in three Israeli strikes on the Jabalia "
                  "refugee camp."), 2);
    EXPECT(0, "more than 9,200", 9200, 9200, -1, "more_than", "killed", "Palestinians");
    CHECK_STR(span_text(fig(0)->source), "The Health Ministry in Gaza");
    CHECK_STR(fig(0)->date, "2023-11-04");
    CHECK_STR(span_text(fig(0)->date_span), "(none)");
    /* three strikes are counted, but not as people killed */
    EXPECT(1, "three", 3, 3, 3, "exact", "other", "Israeli strikes");
    CHECK_STR(span_text(fig(1)->cue), "(none)");
}

/* The whole seed article, read as `factline extract` reads it. */
static void test_seed_article(void)
{
    fl_reader_options ro;
    fl_reader_options_init(&ro);
    fl_reader *r = fl_reader_new(&ro);
    const fl_article *a = NULL;
    CHECK(r && fl_reader_open(r, "samples/seed.txt") == FL_OK && fl_reader_next(r, &a) == FL_OK);
    if (!a) {
        fl_reader_free(r);
        return;
    }
    fl_doc_analyze(doc, a);
    fl_extract(ex, doc);
    CHECK_INT(fl_doc_figure_count(doc), 5);
    EXPECT(0, "1,400", 1400, 1400, 1400, "exact", "killed", "people");
    EXPECT(1, "over 200", 200, 200, -1, "more_than", "hostages", "individuals");
    EXPECT(2, "more than 9,200", 9200, 9200, -1, "more_than", "killed", "Palestinians");
    CHECK_INT(fig(2)->span.start, 865);
    CHECK_INT(fig(2)->span.end, 880);
    CHECK_STR(span_text(fig(2)->source), "The Health Ministry in Gaza");
    CHECK_STR(fig(2)->date, "2023-11-04");
    /* "three Israeli strikes" counts strikes, not people */
    EXPECT(3, "three", 3, 3, 3, "exact", "other", "Israeli strikes");
    EXPECT(4, "two", 2, 2, 2, "exact", "other", "Israeli officials");
    for (size_t i = 0; i < fl_doc_figure_count(doc); i++)
        CHECK(!(fig(i)->value == 3 && fig(i)->category != FL_CATEGORY_OTHER));
    fl_reader_free(r);
}

static void test_categories(void)
{
    CHECK_INT(run("The attack killed at least 30 people."), 1);
    EXPECT(0, "at least 30", 30, 30, -1, "at_least", "killed", "people");
    CHECK_STR(span_text(fig(0)->cue), "killed");

    CHECK_INT(run("The death toll rose to 9,061, officials said."), 1);
    EXPECT(0, "9,061", 9061, 9061, 9061, "exact", "killed", "(none)");
    CHECK_STR(span_text(fig(0)->cue), "toll");
    CHECK_STR(span_text(fig(0)->source), "officials");

    CHECK_INT(run("The death toll in Gaza has risen to 9,061."), 1);
    CHECK_STR(fl_figure_category_name(fig(0)->category), "killed");

    CHECK_INT(run("A blast hit the market, injuring 500."), 1);
    EXPECT(0, "500", 500, 500, 500, "exact", "injured", "(none)");

    CHECK_INT(run("Hundreds were wounded in the blast."), 1);
    EXPECT(0, "Hundreds", -1, 200, 999, "about", "injured", "(none)");

    CHECK_INT(run("About 240 people were taken hostage by Hamas."), 1);
    EXPECT(0, "About 240", 240, -1, -1, "about", "hostages", "people");
    CHECK_STR(span_text(fig(0)->cue), "hostage");

    CHECK_INT(run("Hamas is holding 137 hostages in Gaza."), 1);
    EXPECT(0, "137", 137, 137, 137, "exact", "hostages", "hostages");
    CHECK_STR(span_text(fig(0)->place), "Gaza");

    CHECK_INT(run("Hamas released 24 hostages on Friday."), 1);
    EXPECT(0, "24", 24, 24, 24, "exact", "released", "hostages");

    CHECK_INT(run("Nearly 1.7 million people in Gaza have been displaced."), 1);
    EXPECT(0, "Nearly 1.7 million", 1700000, -1, 1700000, "nearly", "displaced", "people");
    CHECK_STR(span_text(fig(0)->place), "Gaza");

    CHECK_INT(run("Up to 1.4 million displaced people are sheltering in UN schools."), 1);
    EXPECT(0, "Up to 1.4 million", 1400000, -1, 1400000, "up_to", "displaced", "displaced people");

    CHECK_INT(run("Police arrested 12 protesters in London."), 1);
    EXPECT(0, "12", 12, 12, 12, "exact", "arrested", "protesters");
    CHECK_STR(span_text(fig(0)->place), "London");

    CHECK_INT(run("Some 1,500 Palestinians have been detained in the West Bank."), 1);
    EXPECT(0, "Some 1,500", 1500, -1, -1, "about", "arrested", "Palestinians");
    CHECK_STR(span_text(fig(0)->place), "West Bank");

    CHECK_INT(run("More than 100 aid trucks entered Gaza through Rafah."), 1);
    EXPECT(0, "More than 100", 100, 100, -1, "more_than", "aid_trucks", "aid trucks");

    CHECK_INT(run("Ten trucks carrying fuel crossed the border."), 1);
    EXPECT(0, "Ten", 10, 10, 10, "exact", "aid_trucks", "trucks");

    CHECK_INT(run("The army said 15 trucks were destroyed in the convoy attack."), 1);
    CHECK_STR(fl_figure_category_name(fig(0)->category), "other"); /* trucks, but no aid in sight */

    CHECK_INT(run("About 20 people are still missing."), 1);
    EXPECT(0, "About 20", 20, -1, -1, "about", "missing", "people");

    CHECK_INT(run("Israel says 1,200 people, mostly civilians, were killed."), 1);
    EXPECT(0, "1,200", 1200, 1200, 1200, "exact", "killed", "people");
    CHECK_STR(span_text(fig(0)->source), "Israel");

    CHECK_INT(run("Gaza's health ministry says 10,000 people have been killed, including 4,100 children."), 2);
    EXPECT(0, "10,000", 10000, 10000, 10000, "exact", "killed", "people");
    EXPECT(1, "4,100", 4100, 4100, 4100, "exact", "killed", "children");
    CHECK_STR(span_text(fig(1)->source), "Gaza's health ministry");

    CHECK_INT(run("Fifty hostages will be freed in exchange for 150 Palestinian prisoners."), 2);
    EXPECT(0, "Fifty", 50, 50, 50, "exact", "released", "hostages");
    EXPECT(1, "150", 150, 150, 150, "exact", "arrested", "Palestinian prisoners");

    CHECK_INT(run("According to the UN, 1,400 people have fled their homes."), 1);
    EXPECT(0, "1,400", 1400, 1400, 1400, "exact", "displaced", "people");
    CHECK_STR(span_text(fig(0)->source), "the UN");

    CHECK_INT(run("Thirty Israeli soldiers died in the fighting, said the military."), 1);
    EXPECT(0, "Thirty", 30, 30, 30, "exact", "killed", "Israeli soldiers");
    CHECK_STR(span_text(fig(0)->source), "the military");
}

static void test_constructions(void)
{
    /* coordinated counts share the verb */
    CHECK_INT(run("Officials said more than 7,000 children and nearly 5,000 women have been killed."), 2);
    EXPECT(0, "more than 7,000", 7000, 7000, -1, "more_than", "killed", "children");
    EXPECT(1, "nearly 5,000", 5000, -1, 5000, "nearly", "killed", "women");
    CHECK_STR(span_text(fig(0)->cue), "killed");

    /* a parenthetical between the count and its verb, with numbers inside */
    CHECK_INT(run("The UN says 271 Palestinians, including 69 children, have been killed in the West Bank."), 2);
    EXPECT(0, "271", 271, 271, 271, "exact", "killed", "Palestinians");
    EXPECT(1, "69", 69, 69, 69, "exact", "killed", "children");
    CHECK_STR(span_text(fig(0)->place), "West Bank");
    CHECK_INT(run("At least 413 Palestinians - fighters and civilians - have been killed."), 1);
    EXPECT(0, "At least 413", 413, 413, -1, "at_least", "killed", "Palestinians");

    /* partitives, "more", "another", "a family of" */
    CHECK_INT(run("Israel said five more of its soldiers had been killed in northern Gaza."), 1);
    EXPECT(0, "five", 5, 5, 5, "exact", "killed", "soldiers");
    CHECK_STR(span_text(fig(0)->place), "northern Gaza");
    CHECK_INT(run("Health officials say at least a further 50 people have been killed."), 1);
    EXPECT(0, "at least a further 50", 50, 50, -1, "at_least", "killed", "people");
    CHECK_INT(run("Millions more people were driven from their homes."), 1);
    EXPECT(0, "Millions", -1, 2000000, 9999999, "about", "displaced", "people");
    CHECK_INT(run("They were a family of five who disappeared."), 1);
    EXPECT(0, "five", 5, 5, 5, "exact", "missing", "family");
    CHECK_INT(run("In Sudan, the war pushed more than nine million people from their homes."), 1);
    EXPECT(0, "more than nine million", 9000000, 9000000, -1, "more_than", "displaced", "people");
    CHECK_STR(span_text(fig(0)->place), "Sudan");

    /* a capitalised modifier is not a place */
    CHECK_INT(run("Six British citizens were killed in the Hamas attacks."), 1);
    CHECK_STR(span_text(fig(0)->place), "(none)");
    CHECK_INT(run("Nine British nationals were killed in Hamas's attack."), 1);
    CHECK_STR(span_text(fig(0)->place), "(none)");
    /* a place in the clause after the noun phrase, or a destination */
    CHECK_INT(run("Some 350 Tanzanians live in Israel."), 1);
    CHECK_STR(span_text(fig(0)->place), "Israel");
    CHECK_INT(run("Around 200 air strikes across Gaza last night hit homes."), 1);
    CHECK_STR(span_text(fig(0)->place), "Gaza");
    CHECK_INT(run("About 1,200 people were killed and 253 taken to Gaza as hostages."), 2);
    CHECK_STR(fl_figure_category_name(fig(1)->category), "hostages");
    CHECK_STR(span_text(fig(1)->place), "Gaza");

    /* ages in apposition, proportions and metres are not counts */
    CHECK_INT(run("Sahar Baruch, 25, has been killed in Gaza."), 0);
    CHECK_INT(run("About four in five people in Gaza have had to flee their homes."), 0);
    CHECK_INT(run("Gaza lies just 800m away, and they were 10m to 15m apart."), 0);
    CHECK_INT(run("He met a young man of around 20."), 0);
    CHECK_INT(run("The UK says Hamas has killed \"at least\" nine British nationals."), 1);
    EXPECT(0, "at least\" nine", 9, 9, -1, "at_least", "killed", "British nationals");
    CHECK_INT(run("A crowd of several hundred thousand supporters gathered."), 1);
    EXPECT(0, "several hundred thousand", -1, 300000, 999999, "about", "other", "supporters");
    CHECK_INT(run("Israel said five soldiers had been killed, bringing the total to 144."), 2);
    EXPECT(1, "144", 144, 144, 144, "exact", "killed", "(none)");
    CHECK_INT(run("Officials said there could be \"tens of thousands\" of casualties."), 1);
    EXPECT(0, "tens of thousands", -1, 20000, 99999, "about", "other", "casualties");
    CHECK_INT(run("It's day 59 of the war."), 0);
    CHECK_INT(run("He is the father of two students at Duke."), 1);
    EXPECT(0, "two", 2, 2, 2, "exact", "other", "students");
    CHECK_INT(run("About 250 taken hostage were counted."), 1);
    EXPECT(0, "About 250", 250, -1, -1, "about", "hostages", "(none)");
    CHECK_INT(run("Israel accused more than 2,135 of the agency's staff."), 1);
    EXPECT(0, "more than 2,135", 2135, 2135, -1, "more_than", "other", "agency's staff");
    CHECK_INT(run("UNRWA fired 10 of the 12 accused staff members."), 2);
    EXPECT(0, "10", 10, 10, 10, "exact", "other", "accused staff members");
    EXPECT(1, "12", 12, 12, 12, "exact", "other", "accused staff members");
    CHECK_INT(run("Thousands of people are still under the rubble."), 1);
    EXPECT(0, "Thousands", -1, 2000, 9999, "about", "missing", "people");
    CHECK_INT(run("Those in captivity in Gaza include dozens of children."), 1);
    EXPECT(0, "dozens", -1, 24, 119, "about", "hostages", "children");
    CHECK_INT(run("The dead included 40 journalists."), 1);
    EXPECT(0, "40", 40, 40, 40, "exact", "killed", "journalists");
    CHECK_INT(run("The delegation included 40 journalists."), 1);
    CHECK_STR(fl_figure_category_name(fig(0)->category), "other");
    CHECK_INT(run("The aid worker was killed in a strike, along with his wife and more than 70 members of his family."), 1);
    EXPECT(0, "more than 70", 70, 70, -1, "more_than", "killed", "members");
    CHECK_INT(run("He travelled to Cairo along with 12 advisers."), 1);
    CHECK_STR(fl_figure_category_name(fig(0)->category), "other");
    CHECK_INT(run("About 2m people fled."), 1);
    CHECK_INT(value_of(fig(0)), 2000000);
}

static void test_context(void)
{
    /* weekdays resolve against the article date (2023-11-04 is a Saturday) */
    CHECK_INT(run("On Thursday, a spokesman said around 50 hostages had been killed."), 1);
    CHECK_STR(fig(0)->date, "2023-11-02");
    CHECK_STR(span_text(fig(0)->date_span), "On Thursday");
    CHECK_INT(run("Two women were freed on Saturday."), 1);
    CHECK_STR(fig(0)->date, "2023-11-04");
    /* a date that starts a period is not the as-of date */
    CHECK_INT(run("More than 18,200 Palestinians have been killed since the war began on 7 October."), 1);
    CHECK_STR(fig(0)->date, "2023-11-04");
    CHECK_STR(span_text(fig(0)->date_span), "(none)");
    /* a later month in the text is last year's */
    CHECK_INT(run("On 20 December, 30 people were killed."), 1);
    CHECK_STR(fig(0)->date, "2022-12-20");
    /* sources: apposition, pronoun, adverbs */
    CHECK_INT(run("Israel's chief military spokesman, Daniel Hagari, said 200 suspects had been detained."), 1);
    CHECK_STR(span_text(fig(0)->source), "Daniel Hagari");
    CHECK_STR(fl_figure_category_name(fig(0)->category), "arrested");
    CHECK_INT(run("He said 12 soldiers were wounded."), 1);
    CHECK_STR(span_text(fig(0)->source), "He");
    CHECK_INT(run("The UN earlier announced that 70 staff had been killed."), 1);
    CHECK_STR(span_text(fig(0)->source), "The UN");
    CHECK_INT(run("Its update on Saturday said another 201 people had been killed."), 1);
    CHECK_STR(span_text(fig(0)->source), "update");
    CHECK_STR(fig(0)->date, "2023-11-04");
    /* the fallback can be replaced by the attribution and time layers */
    CHECK_INT(run("More than 9,200 Palestinians have been killed."), 1);
    fl_span cover = {0, 100}, src = {0, 9}, ev = {10, 20};
    fl_figures_set_source(doc, cover, src);
    fl_figures_set_date(doc, cover, ev, "2023-11-01");
    fl_figures_set_date(doc, cover, ev, "2023-02-30"); /* ignored: not a date */
    CHECK_STR(span_text(fig(0)->source), "More than");
    CHECK_STR(fig(0)->date, "2023-11-01");

    /* dates from the time layer: nearest calendar date, not after "since" */
    CHECK_INT(run("Since Monday, 30 people were killed yesterday and on Saturday morning 12 were wounded."), 2);
    {
        const char *text = fl_doc_text(doc);
        fl_span spans[3];
        const char *values[3] = {"2023-10-30", "2023-11-03", "2023-11-04TMO"};
        const char *words[3] = {"Monday", "yesterday", "Saturday morning"};
        for (int i = 0; i < 3; i++) {
            const char *p = strstr(text, words[i]);
            spans[i].start = (uint32_t)(p - text);
            spans[i].end = (uint32_t)(p - text + strlen(words[i]));
        }
        fl_figures_dates_from_times(doc, 3, spans, values);
        CHECK_STR(fig(0)->date, "2023-11-03");
        CHECK_STR(span_text(fig(0)->date_span), "yesterday");
        CHECK_STR(fig(1)->date, "2023-11-04");
        const char *bad[3] = {"P3D", "2023-11", NULL};
        fl_figures_dates_from_times(doc, 3, spans, bad); /* no calendar dates: unchanged */
        CHECK_STR(fig(0)->date, "2023-11-03");
    }
}

static void test_numerals(void)
{
    CHECK_INT(run("Two hundred and fifty people were injured."), 1);
    EXPECT(0, "Two hundred and fifty", 250, 250, 250, "exact", "injured", "people");

    CHECK_INT(run("Twenty-five soldiers were killed."), 1);
    EXPECT(0, "Twenty-five", 25, 25, 25, "exact", "killed", "soldiers");

    CHECK_INT(run("A dozen people were arrested."), 1);
    EXPECT(0, "A dozen", 12, 12, 12, "exact", "arrested", "people");

    CHECK_INT(run("Half a million people fled south."), 1);
    EXPECT(0, "Half a million", 500000, 500000, 500000, "exact", "displaced", "people");

    CHECK_INT(run("Between 200 and 300 people were killed."), 1);
    EXPECT(0, "Between 200 and 300", -1, 200, 300, "exact", "killed", "people");

    CHECK_INT(run("The strike killed 200-300 people."), 1);
    EXPECT(0, "200-300", -1, 200, 300, "exact", "killed", "people");

    CHECK_INT(run("Hundreds to thousands of people were displaced."), 1);
    EXPECT(0, "Hundreds to thousands", -1, 200, 9999, "about", "displaced", "people");

    CHECK_INT(run("Tens of thousands of people have been displaced."), 1);
    EXPECT(0, "Tens of thousands", -1, 20000, 99999, "about", "displaced", "people");

    CHECK_INT(run("Dozens of people were killed overnight."), 1);
    EXPECT(0, "Dozens", -1, 24, 119, "about", "killed", "people");

    CHECK_INT(run("Two to three million people live there."), 1);
    EXPECT(0, "Two to three million", -1, 2000000, 3000000, "exact", "other", "people");

    CHECK_INT(run("Several hundred people were evacuated."), 1);
    EXPECT(0, "Several hundred", -1, 300, 999, "about", "displaced", "people");

    CHECK_INT(run("In total 2bn people watched, and 1.4m people marched."), 2);
    EXPECT(0, "2bn", 2000000000, 2000000000, 2000000000, "exact", "other", "people");
    EXPECT(1, "1.4m", 1400000, 1400000, 1400000, "exact", "other", "people");

    CHECK_INT(run("It took 20 or more volunteers to lift it."), 1);
    EXPECT(0, "20 or more", 20, 20, -1, "at_least", "other", "volunteers");
}

static void test_not_figures(void)
{
    /* years, ages, dates, times, durations, ordinals, money, percentages, measures, identifiers */
    CHECK_INT(run("In 2023, the 27-year-old was killed on 7 October at 06:30 after 16 years in the 1990s."), 0);
    CHECK_INT(run("She was aged 27 when she died two days later."), 0);
    CHECK_INT(run("The strike hit at 3 pm on October 12, about 4 km from the 2nd checkpoint."), 0);
    CHECK_INT(run("The UN approved Resolution 2712 and Channel 12 reported it."), 0);
    CHECK_INT(run("Aid worth $100m and 50 % of the food, about 20 tonnes, arrived."), 0);
    CHECK_INT(run("Call 0800 123 456 or +44 20 7946 0018."), 0);
    CHECK_INT(run("One official said one of the hostages was freed."), 0);
    CHECK_INT(run("The two-state solution was discussed for 2.5 hours."), 0);
    CHECK_INT(run("Israel won 3-1."), 0);
    /* Reuters style: mln, dlrs, pct */
    CHECK_INT(run("Profit rose to 104 mln dlrs, up 15 pct, on 2.5 mln bpd."), 0);
    CHECK_INT(run("The company will cut 1.5 mln jobs."), 1);
    EXPECT(0, "1.5 mln", 1500000, 1500000, 1500000, "exact", "other", "jobs");
}

static void test_hostile(void)
{
    char big[700];
    memset(big, '9', 500);
    strcpy(big + 500, " people were killed.");
    CHECK_INT(run(big), 0);
    CHECK_INT(run("1e308 people were killed, then 9,2,0,0 people, then 1,000,000,000,000,000 people."), 0);
    CHECK_INT(run("99999999999999999999999999999-1 people were killed and 0.0000000001 million more."), 0);
    CHECK_INT(run("nine hundred ninety nine thousand billion billion billion billion people were killed."), 0);
    /* the largest count accepted */
    CHECK_INT(run("1,000,000,000,000 people were counted."), 1);
    CHECK_INT(value_of(fig(0)), 1000000000000LL);
}

int main(void)
{
    doc = fl_doc_new();
    ex = fl_extractor_new(NULL, NULL);
    test_seed_sentences();
    test_seed_article();
    test_categories();
    test_constructions();
    test_context();
    test_numerals();
    test_not_figures();
    test_hostile();
    fl_doc_free(doc);
    fl_extractor_free(ex);
    return check_report("test_figure");
}
