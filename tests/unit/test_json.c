/*
 * test_json.c — JSON string escaping: control characters, quotes, invalid
 * bytes and the JavaScript line separators; and the extract object's shape.
 */
#include <string.h>

#include "check.h"
#include "factline.h"
#include "output/json.h"

static const char *escaped(fl_buffer *b, const char *s, size_t len)
{
    fl_buffer_clear(b);
    fl_json_string(b, s, len);
    return fl_buffer_data(b);
}

int main(void)
{
    fl_buffer *b = fl_buffer_new();
    CHECK_STR(escaped(b, "plain", 5), "\"plain\"");
    CHECK_STR(escaped(b, "a\"b\\c", 5), "\"a\\\"b\\\\c\"");
    CHECK_STR(escaped(b, "t\tn\nr\r", 6), "\"t\\tn\\nr\\r\"");
    CHECK_STR(escaped(b, "\x01\x1f\x7f", 3), "\"\\u0001\\u001f\x7f\"");
    CHECK_STR(escaped(b, "nul\0x", 5), "\"nul\\u0000x\"");
    CHECK_STR(escaped(b, "bad\xff\xc0\xaf", 6), "\"bad\\ufffd\\ufffd\\ufffd\"");
    CHECK_STR(escaped(b, "“ok” é", strlen("“ok” é")), "\"“ok” é\"");
    CHECK_STR(escaped(b, "\xE2\x80\xA8", 3), "\"\\u2028\"");
    CHECK_STR(escaped(b, "\xE2\x80", 2), "\"\\ufffd\\ufffd\"");

    /* The extract object for a small article. */
    fl_reader *r = fl_reader_new(NULL);
    const char *in = "date 2023-11-04 Head \"line\"\nBody.\n";
    fl_reader_open_memory(r, in, strlen(in), "x");
    const fl_article *a;
    CHECK_INT(fl_reader_next(r, &a), FL_OK);
    fl_doc *doc = fl_doc_new();
    fl_doc_analyze(doc, a);
    fl_json_options jo = {1, 1};
    fl_buffer_clear(b);
    CHECK_INT(fl_doc_write_json(doc, &jo, b), FL_OK);
    const char *want_prefix = "{\"id\":\"";
    CHECK(strncmp(fl_buffer_data(b), want_prefix, strlen(want_prefix)) == 0);
    CHECK(strstr(fl_buffer_data(b), "\"headline\":\"Head \\\"line\\\"\"") != NULL);
    CHECK(strstr(fl_buffer_data(b), "\"text\":\"Head \\\"line\\\"\\n\\nBody.\"") != NULL);
    CHECK(strstr(fl_buffer_data(b), "\"sentences\":[[0,11],[13,18]]") != NULL);
    CHECK(strstr(fl_buffer_data(b), "\"tokens\":[[0,4,\"word\"],[5,6,\"quote\"],[6,10,\"word\"],[10,11,\"quote\"],"
                                    "[13,17,\"word\"],[17,18,\"punct\"]]") != NULL);
    CHECK(fl_buffer_data(b)[fl_buffer_len(b) - 1] == '\n');
    fl_doc_free(doc);
    fl_reader_free(r);
    fl_buffer_free(b);
    return check_report("json");
}
