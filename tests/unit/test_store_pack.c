/*
 * test_store_pack.c — the store's own encodings and parser: the JSON
 * document of the store path (jdoc.c: escapes, UTF-8, numbers, errors with
 * their byte offset), packed article text and span lists (pack.c), and the
 * writer's memo (memo.c).
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "store/jdoc.h"
#include "store/memo.h"
#include "store/pack.h"

static void test_jdoc(void)
{
    jd_doc *d = jd_new();
    const char *ok = " {\"a\":1,\"s\":\"x\\\"y\\\\z\\n\\u00e9\\ud83d\\ude00 caf\xc3\xa9 and a long plain run of text\","
                     "\"n\":-9223372036854775808,\"r\":-1.5e2,\"l\":[true,false,null,[]],\"a\":2,\"o\":{}} ";
    jd_value *v = jd_parse(d, ok, strlen(ok));
    CHECK(v != NULL);
    CHECK_INT(jd_get(v, "a")->u.i, 2); /* the last duplicate wins */
    CHECK_STR(jd_string(jd_get(v, "s")), "x\"y\\z\n\xc3\xa9\xf0\x9f\x98\x80 caf\xc3\xa9 and a long plain run of text");
    CHECK_INT(jd_get(v, "s")->len, strlen("x\"y\\z\n\xc3\xa9\xf0\x9f\x98\x80 caf\xc3\xa9 and a long plain run of text"));
    CHECK(jd_get(v, "n")->u.i == -9223372036854775807LL - 1);
    CHECK(jd_is(jd_get(v, "r"), JD_REAL) && jd_number(jd_get(v, "r")) == -150.0);
    jd_value *l = jd_get(v, "l");
    CHECK_INT(l->len, 4);
    CHECK(jd_is(jd_first(l), JD_TRUE) && jd_is(jd_first(l)->next->next, JD_NULL));
    CHECK(jd_get(v, "missing") == NULL && jd_get(jd_get(v, "a"), "x") == NULL);
    CHECK(jd_first(jd_get(v, "o")) == NULL);

    static const struct {
        const char *json, *error;
    } bad[] = {
        {"{\"a\":1", "expected ',' or '}' at byte 6"},
        {"{\"a\":1} x", "end of file expected at byte 7"},
        {"{\"a\":\"\xff\"}", "invalid UTF-8 in a string at byte 6"},
        {"{\"a\":\"\xc0\xaf\"}", "invalid UTF-8"}, /* overlong */
        {"{\"a\":\"\\ud800\"}", "unpaired surrogate"},
        {"{\"a\":\"\\u0000\"}", "\\u0000 is not allowed"},
        {"{\"a\":\"x\ty\"}", "control character"},
        {"{\"a\":9223372036854775808}", "too big integer"},
        {"{\"a\":1e999}", "real number overflow"},
        {"{\"a\":01}", "expected ',' or '}'"},
        {"{\"a\":-}", "invalid number"},
        {"{\"a\":tru}", "invalid literal"},
        {"{\"a\":\"\\x\"}", "invalid escape"},
        {"[", "unexpected end of input"},
        {"", "unexpected end of input"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK(jd_parse(d, bad[i].json, strlen(bad[i].json)) == NULL);
        if (!strstr(jd_error(d), bad[i].error))
            fprintf(stderr, "%s: got \"%s\", want \"%s\"\n", bad[i].json, jd_error(d), bad[i].error);
        CHECK(strstr(jd_error(d), bad[i].error) != NULL);
    }
    /* Deep nesting is an error, not a crash. */
    char deep[4000];
    memset(deep, '[', sizeof deep - 1);
    deep[sizeof deep - 1] = '\0';
    CHECK(jd_parse(d, deep, strlen(deep)) == NULL && strstr(jd_error(d), "too deeply nested"));
    /* Many values: the arena grows across chunks and is reused. */
    static char many[60000];
    size_t n = 0;
    many[n++] = '[';
    for (int i = 0; i < 5000; i++)
        n += (size_t)snprintf(many + n, sizeof many - n, "%s%d", i ? "," : "", i);
    many[n++] = ']';
    for (int round = 0; round < 2; round++) {
        v = jd_parse(d, many, n);
        CHECK(v && v->len == 5000);
        long long sum = 0;
        for (jd_value *x = jd_first(v); x; x = x->next)
            sum += x->u.i;
        CHECK(sum == 4999LL * 5000 / 2);
    }
    jd_free(d);
}

static void test_pack(void)
{
    fl_packer *p = NULL;
    fl_buffer z, out;
    fl_buffer_init(&z);
    fl_buffer_init(&out);
    char text[3000];
    for (size_t i = 0; i < sizeof text - 1; i++)
        text[i] = "the ceasefire talks resumed on Monday. "[i % 39];
    text[sizeof text - 1] = '\0';
    for (int round = 0; round < 2; round++) { /* the compressor is reused */
        CHECK_INT(fl_pack_text(&p, text, strlen(text), &z), 1);
        CHECK(z.len < strlen(text) / 4);
        CHECK_INT(fl_unpack_text(z.data, z.len, &out), 1);
        CHECK(out.len == strlen(text) && memcmp(out.data, text, out.len) == 0);
    }
    CHECK_INT(fl_pack_text(&p, "short", 5, &z), 0); /* stored as it is */
    CHECK_INT(fl_unpack_text("not zlib", 8, &out), 0);
    z.data[z.len / 2] ^= 0x55; /* damaged */
    CHECK_INT(fl_unpack_text(z.data, z.len, &out), 0);
    fl_packer_free(p);

    fl_span_pair spans[] = {{-3, 2}, {0, 14}, {32, 39}, {32, 30}, {100000, 100007}};
    fl_buffer_clear(&z);
    fl_pack_spans(spans, 5, &z);
    CHECK(z.len <= 14);
    const unsigned char *q = (const unsigned char *)z.data, *end = q + z.len;
    long long prev = 0;
    fl_span_pair got;
    for (size_t i = 0; i < 5; i++) {
        CHECK(fl_unpack_span(&q, end, &prev, &got));
        CHECK(got.start == spans[i].start && got.end == spans[i].end);
    }
    CHECK(!fl_unpack_span(&q, end, &prev, &got));
    /* Spans from hostile JSON: the extremes round-trip, with no signed
     * overflow for UBSan to find. */
    fl_span_pair extreme[] = {{-9223372036854775807LL - 1, 9223372036854775807LL},
                              {9223372036854775807LL, -9223372036854775807LL - 1},
                              {0, 9223372036854775807LL}};
    fl_buffer_clear(&z);
    fl_pack_spans(extreme, 3, &z);
    q = (const unsigned char *)z.data;
    end = q + z.len;
    prev = 0;
    for (size_t i = 0; i < 3; i++) {
        CHECK(fl_unpack_span(&q, end, &prev, &got));
        CHECK(got.start == extreme[i].start && got.end == extreme[i].end);
    }
    unsigned char truncated[] = {0x80};
    q = truncated;
    CHECK(!fl_unpack_span(&q, truncated + 1, &prev, &got));
    fl_buffer_release(&z);
    fl_buffer_release(&out);
}

static void test_memo(void)
{
    fl_memo m;
    fl_memo_init(&m, 3000);
    char key[32];
    for (int i = 0; i < 2000; i++) {
        int n = snprintf(key, sizeof key, "k%d", i);
        CHECK(fl_memo_put(&m, key, (size_t)n, i, i % 2 ? "odd" : NULL, i % 2 ? 3 : 0));
    }
    const fl_memo_entry *e = fl_memo_get(&m, "k1999", 5);
    CHECK(e && e->id == 1999);
    CHECK_STR(fl_memo_str(e), "odd");
    CHECK(fl_memo_get(&m, "k20000", 6) == NULL);
    CHECK(fl_memo_put(&m, "k7", 2, 70, NULL, 0)); /* replaced */
    CHECK(fl_memo_get(&m, "k7", 2)->id == 70);
    CHECK_INT(m.count, 2000);
    for (int i = 2000; i < 3001; i++) { /* the bound: emptied, then refilled */
        int n = snprintf(key, sizeof key, "k%d", i);
        fl_memo_put(&m, key, (size_t)n, i, NULL, 0);
    }
    CHECK(m.count <= 3000);
    CHECK(fl_memo_get(&m, "k3000", 5) != NULL);
    fl_memo_clear(&m);
    CHECK(fl_memo_get(&m, "k3000", 5) == NULL);
    fl_memo_release(&m);
}

int main(void)
{
    test_jdoc();
    test_pack();
    test_memo();
    return check_report("store_pack");
}
