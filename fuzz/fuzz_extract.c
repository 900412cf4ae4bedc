/*
 * fuzz_extract.c — libFuzzer target for the reader, the text layer, the
 * extraction layers and the JSON writer together.
 *
 * The first byte picks the format (auto, native, JSON Lines, plain text) and
 * a small record limit, so the limits are exercised too. Every article is
 * analysed and written as JSON; the target aborts (a finding) if a span is
 * out of order or out of the text, or if the JSON does not parse.
 * Build: cmake -DFACTLINE_FUZZ=ON with CC=clang; run: scripts/fuzz.sh.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>

#include "factline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static fl_extractor *extractor;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    if (!extractor && !(extractor = fl_extractor_new(NULL, NULL)))
        abort();
    fl_reader_options o;
    fl_reader_options_init(&o);
    static const fl_format formats[4] = {FL_FORMAT_AUTO, FL_FORMAT_NATIVE, FL_FORMAT_JSONL, FL_FORMAT_PLAIN};
    o.format = formats[data[0] & 3];
    o.max_record = (data[0] & 4) ? 256 : 1 << 16;
    o.default_date = (data[0] & 8) ? "2023-11-04" : NULL;
    if (o.format == FL_FORMAT_PLAIN)
        o.default_date = "2024-02-29";
    fl_reader *r = fl_reader_new(&o);
    fl_doc *doc = fl_doc_new();
    fl_buffer *out = fl_buffer_new();
    fl_json_options jo = {1, 1};
    if (!r || !doc || !out)
        abort();
    fl_reader_open_memory(r, (const char *)data + 1, size - 1, "fuzz");
    const fl_article *a;
    while (fl_reader_next(r, &a) == FL_OK) {
        if (fl_doc_analyze(doc, a) != FL_OK || fl_extract(extractor, doc) != FL_OK)
            abort();
        size_t n = fl_doc_token_count(doc);
        const fl_token *t = fl_doc_tokens(doc);
        uint32_t prev = 0;
        for (size_t i = 0; i < n; i++) {
            if (t[i].start < prev || t[i].end <= t[i].start || t[i].end > a->text_len)
                abort();
            prev = t[i].end;
        }
        const fl_sentence *s = fl_doc_sentences(doc);
        for (size_t i = 0; i < fl_doc_sentence_count(doc); i++)
            if (s[i].token_begin >= s[i].token_end || s[i].token_end > n)
                abort();
        fl_buffer_clear(out);
        if (fl_doc_write_json(doc, &jo, out) != FL_OK)
            abort();
        json_error_t err;
        json_t *j = json_loadb(fl_buffer_data(out), fl_buffer_len(out), 0, &err);
        if (!j)
            abort();
        json_decref(j);
    }
    fl_buffer_free(out);
    fl_doc_free(doc);
    fl_reader_free(r);
    return 0;
}
