/*
 * test_server_json.c — the server's JSON writing (server/sbuf.c): strings
 * escaped for any context (quotes, backslashes, controls, < > & ', U+2028/9),
 * invalid UTF-8 replaced, numbers passed only when they are JSON numbers,
 * and the UTF-8 check used on request parameters. Not for: HTTP behaviour
 * (tests/cli/server_api.sh).
 */
#include "check.h"

#include "../../server/sbuf.c"

static const char *json(const char *s, size_t len)
{
    static sbuf b;
    sbuf_release(&b);
    if (s)
        sbuf_json_string_n(&b, s, len);
    else
        sbuf_json_string(&b, NULL);
    return b.data;
}

static const char *number(const char *s)
{
    static sbuf b;
    sbuf_release(&b);
    sbuf_json_number(&b, s);
    return b.data;
}

#define J(lit) json(lit, sizeof(lit) - 1)

int main(void)
{
    CHECK_STR(J("plain"), "\"plain\"");
    CHECK_STR(J(""), "\"\"");
    CHECK_STR(json(NULL, 0), "null");
    CHECK_STR(J("say \"hi\" \\ now"), "\"say \\\"hi\\\" \\\\ now\"");
    CHECK_STR(J("<script>alert('x')</script>"), "\"\\u003cscript\\u003ealert(\\u0027x\\u0027)\\u003c/script\\u003e\"");
    CHECK_STR(J("\"><img src=x onerror=alert(1)>"), "\"\\\"\\u003e\\u003cimg src=x onerror=alert(1)\\u003e\"");
    CHECK_STR(J("a&b"), "\"a\\u0026b\"");
    CHECK_STR(J("l1\nl2\tx\r\x01\x7f"), "\"l1\\nl2\\tx\\r\\u0001\\u007f\"");
    CHECK_STR(J("a\0b"), "\"a\\u0000b\"");
    CHECK_STR(J("caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80"), "\"caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80\"");
    CHECK_STR(J("\xe2\x80\xa8\xe2\x80\xa9"), "\"\\u2028\\u2029\"");
    /* invalid: lone continuation, truncated sequence, overlong, surrogate, > U+10FFFF */
    CHECK_STR(J("a\x80z"), "\"a\\ufffdz\"");
    CHECK_STR(J("a\xe2\x82"), "\"a\\ufffd\\ufffd\"");
    CHECK_STR(J("\xc0\xae"), "\"\\ufffd\\ufffd\"");
    CHECK_STR(J("\xed\xa0\x80"), "\"\\ufffd\\ufffd\\ufffd\"");
    CHECK_STR(J("\xf4\x90\x80\x80"), "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");

    CHECK_STR(number("9200"), "9200");
    CHECK_STR(number("9200.0"), "9200.0");
    CHECK_STR(number("-0.5"), "-0.5");
    CHECK_STR(number("1e308"), "1e308");
    CHECK_STR(number("1.5E-3"), "1.5E-3");
    CHECK_STR(number("Inf"), "null");
    CHECK_STR(number("-Inf"), "null");
    CHECK_STR(number("NaN"), "null");
    CHECK_STR(number("1e999"), "null");
    CHECK_STR(number("01"), "null");
    CHECK_STR(number("1."), "null");
    CHECK_STR(number(".5"), "null");
    CHECK_STR(number("12abc"), "null");
    CHECK_STR(number(""), "null");
    CHECK_STR(number(NULL), "null");

    CHECK(utf8_valid_text("Blinken", 7));
    CHECK(utf8_valid_text("caf\xc3\xa9\ttab", 9));
    CHECK(!utf8_valid_text("a\nb", 3));
    CHECK(!utf8_valid_text("a\0b", 3));
    CHECK(!utf8_valid_text("\xff", 1));
    CHECK(!utf8_valid_text("\xe2\x82", 2));
    CHECK(!utf8_valid_text("\xc0\xae", 2));
    CHECK(!utf8_valid_text("\x7f", 1));

    /* Growth past the first allocation keeps the content. */
    sbuf b;
    sbuf_init(&b);
    for (int i = 0; i < 1000; i++)
        sbuf_printf(&b, "%04d", i);
    CHECK_INT(b.len, 4000);
    CHECK(!strncmp(b.data + 3996, "0999", 4) && b.data[4000] == '\0');
    sbuf_release(&b);
    return check_report("server_json");
}
