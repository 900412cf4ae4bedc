/*
 * test_quote_seed.c — the seed article (samples/seed.txt): its four
 * statements with their speakers, its scare quote, and the sources the
 * issue names (Axios, the Health Ministry in Gaza, RadarOnline.com twice,
 * sources familiar with the talks, Netanyahu and Gallant, Israel, the senior
 * Israeli official), with exact text.
 */
#include "check.h"
#include "factline.h"

static fl_doc *doc;
static char buf[3][512];

static const char *slice(int slot, fl_span s)
{
    size_t n = s.end - s.start;
    if (n >= sizeof buf[0])
        n = sizeof buf[0] - 1;
    memcpy(buf[slot], fl_doc_text(doc) + s.start, n);
    buf[slot][n] = 0;
    return buf[slot];
}

/* The non-quote attribution whose source mention is `mention`, or NULL. */
static const fl_attribution *by_source(const char *mention, const char *cue)
{
    const fl_attribution *a = fl_doc_attributions(doc);
    for (size_t i = 0; i < fl_doc_attribution_count(doc); i++)
        if (a[i].quote < 0 && a[i].source.found && !strcmp(slice(2, a[i].source.mention), mention) &&
            !strcmp(slice(2, a[i].source.cue), cue))
            return &a[i];
    return NULL;
}

int main(void)
{
    fl_reader_options ro;
    fl_reader_options_init(&ro);
    fl_reader *r = fl_reader_new(&ro);
    fl_extractor *ex = fl_extractor_new(NULL, NULL);
    doc = fl_doc_new();
    const fl_article *a = NULL;
    CHECK_INT(fl_reader_open(r, "samples/seed.txt"), FL_OK);
    CHECK_INT(fl_reader_next(r, &a), FL_OK);
    if (!a)
        return check_report("test_quote_seed");
    CHECK_INT(fl_doc_analyze(doc, a), FL_OK);
    CHECK_INT(fl_extract(ex, doc), FL_OK);

    CHECK_INT(fl_doc_quote_count(doc), 5);
    const fl_quote *q = fl_doc_quotes(doc);
    static const struct {
        const char *start, *kind, *name, *mention, *cue, *via, *type;
    } want[] = {
        {"\"We don't", "statement", "Antony Blinken", "Blinken", "stated", "conveyed", "person"},
        {"\"The Biden", "statement", "A senior Israeli official", "the official", "stated", "nominal", "anonymous"},
        {"\"I think", "statement", "Joe Biden", "President Biden", "stating", "cue", "person"},
        {"\"Reminder", "statement", "Israeli government", "they", "posted", "message", "government"},
        {"\u201Cconspiracy", "scare", NULL, NULL, NULL, NULL, NULL},
    };
    for (size_t i = 0; i < 5 && i < fl_doc_quote_count(doc); i++) {
        CHECK(!strncmp(slice(0, q[i].span), want[i].start, strlen(want[i].start)));
        CHECK_STR(fl_quote_kind_name(q[i].kind), want[i].kind);
        CHECK_INT(q[i].part_count, 1);
        if (!want[i].name) {
            CHECK_INT(q[i].speaker.found, 0);
            continue;
        }
        CHECK_STR(slice(0, q[i].speaker.name), want[i].name);
        CHECK_STR(slice(1, q[i].speaker.mention), want[i].mention);
        CHECK_STR(slice(2, q[i].speaker.cue), want[i].cue);
        CHECK_STR(fl_speaker_via_name(q[i].speaker.via), want[i].via);
        CHECK_STR(fl_source_type_name(q[i].speaker.type), want[i].type);
    }
    CHECK_STR(slice(0, q[0].speaker.conveyed_by), "One U.S. official and two Israeli officials");
    CHECK_STR(slice(0, q[3].span), "\"Reminder: The Gaza Ministry of Health = Hamas.\"");

    static const struct {
        const char *mention, *cue, *type, *content_start;
        int anonymous;
    } sources[] = {
        {"RadarOnline.com", "has learned", "media", "In a meeting with Israeli officials", 0},
        {"Axios", "According to", "media", "Blinken believes such a pause", 0},
        {"Sources familiar with the talks", "revealed", "anonymous", "that Blinken stressed", 1},
        {"The Health Ministry in Gaza", "reported", "government", "that more than 9,200 Palestinians", 0},
        {"Israel", "claimed", "government", "that these bombings were aimed", 0},
        {"Israeli Prime Minister Benjamin Netanyahu and Defense Minister Yoav Gallant", "have stated", "person",
         "that no humanitarian pause", 0},
        {"A senior Israeli official", "revealed", "anonymous", "that Israel seeks to assist", 1},
        {"RadarOnline.com", "reported", "media", "Israel was recently forced", 0},
    };
    for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++) {
        const fl_attribution *at = by_source(sources[i].mention, sources[i].cue);
        CHECK(at != NULL);
        if (!at) {
            fprintf(stderr, "  missing source: %s %s\n", sources[i].mention, sources[i].cue);
            continue;
        }
        CHECK_STR(fl_source_type_name(at->source.type), sources[i].type);
        CHECK_INT(at->source.anonymous, sources[i].anonymous);
        CHECK(!strncmp(slice(0, at->content), sources[i].content_start, strlen(sources[i].content_start)));
    }
    /* Exact content spans of two of them. */
    const fl_attribution *h = by_source("The Health Ministry in Gaza", "reported");
    if (h)
        CHECK_STR(slice(0, h->content), "that more than 9,200 Palestinians have been killed since the military "
                                        "campaign began, including civilians who died in three Israeli strikes on "
                                        "the Jabalia refugee camp");
    const fl_attribution *ax = by_source("Axios", "According to");
    if (ax)
        CHECK_STR(slice(0, ax->content), "Blinken believes such a pause will provide an opportunity to buy "
                                         "additional time to execute a potential ground invasion");

    fl_doc_free(doc);
    fl_extractor_free(ex);
    fl_reader_free(r);
    return check_report("test_quote_seed");
}
