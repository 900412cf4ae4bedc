/*
 * test_swar.c — the eight-bytes-at-once tests (util/swar.h) against a byte
 * by byte reference: every byte value at every position of words made of
 * border values; and the scans that use them (fl_utf8_repair,
 * fl_lines_next) with the byte they must stop at placed at every offset of
 * a line, so both the eight-byte path and the byte path find it.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "read/lines.h"
#include "text/utf8.h"
#include "util/buffer.h"
#include "util/swar.h"

static int any_byte(uint64_t x, int (*pred)(unsigned, unsigned), unsigned arg)
{
    for (int k = 0; k < 8; k++)
        if (pred((unsigned)(x >> (8 * k)) & 0xFF, arg))
            return 1;
    return 0;
}
static int is_below(unsigned b, unsigned n) { return b < n; }
static int is_above(unsigned b, unsigned n) { return b > n; }
static int is_equal(unsigned b, unsigned c) { return b == c; }

static size_t word_mismatches(uint64_t x)
{
    size_t bad = 0;
    bad += !!fl_swar_has_less(x, 0x20) != any_byte(x, is_below, 0x20);
    bad += !!fl_swar_has_less(x, 1) != any_byte(x, is_below, 1);
    bad += !!fl_swar_has_less(x, 128) != any_byte(x, is_below, 128);
    bad += !!fl_swar_has_more(x, 0x7E) != any_byte(x, is_above, 0x7E);
    bad += !!fl_swar_has_more(x, 0) != any_byte(x, is_above, 0);
    bad += !!fl_swar_has_more(x, 127) != any_byte(x, is_above, 127);
    bad += !!fl_swar_has_byte(x, '\n') != any_byte(x, is_equal, '\n');
    bad += !!fl_swar_has_byte(x, '\r') != any_byte(x, is_equal, '\r');
    bad += !!fl_swar_has_byte(x, 0) != any_byte(x, is_equal, 0);
    bad += !!fl_swar_has_byte(x, 0xFF) != any_byte(x, is_equal, 0xFF);
    bad += !!fl_swar_has_zero(x) != any_byte(x, is_equal, 0);
    return bad;
}

static void test_words(void)
{
    static const unsigned char fill[] = {'a', 0x00, 0x01, 0x0A, 0x0D, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xFE, 0xFF};
    size_t bad = 0, words = 0;
    for (size_t f = 0; f < sizeof fill; f++)
        for (int pos = 0; pos < 8; pos++)
            for (unsigned v = 0; v < 256; v++) {
                unsigned char b[8];
                memset(b, fill[f], sizeof b);
                b[pos] = (unsigned char)v;
                bad += word_mismatches(fl_swar_load(b));
                words++;
            }
    /* Pseudo-random words (a fixed linear congruential sequence). */
    uint64_t r = 12345;
    for (int k = 0; k < 200000; k++) {
        r = r * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
        bad += word_mismatches(r);
        words++;
    }
    printf("swar: %zu words, %zu wrong answers\n", words, bad);
    CHECK_INT(bad, 0);
}

/* A clean 40-byte ASCII line with one odd byte at offset `at`: the repair
 * replaces exactly that byte, and counts it where it is. */
static void test_repair(void)
{
    for (size_t at = 0; at < 40; at++) {
        static const unsigned char odd[] = {0x01, 0x7F, 0xFF, 0x80, 0x00};
        for (size_t o = 0; o < sizeof odd; o++) {
            char in[40];
            memset(in, 'x', sizeof in);
            in[at] = (char)odd[o];
            fl_buffer out;
            fl_buffer_init(&out);
            fl_utf8_repairs rep = {0};
            CHECK(fl_utf8_repair(in, sizeof in, &out, &rep));
            CHECK_INT(out.len, sizeof in + 2); /* one byte became the 3-byte U+FFFD */
            CHECK(out.len == sizeof in + 2 && !memcmp(out.data + at, "\xEF\xBF\xBD", 3));
            CHECK_INT(rep.first_offset, at);
            CHECK_INT(rep.invalid + rep.controls, 1);
            fl_buffer_release(&out);
        }
    }
    /* Valid UTF-8 and tabs and newlines pass unchanged at any offset. */
    for (size_t at = 0; at < 30; at++) {
        char in[40];
        memset(in, 'y', sizeof in);
        memcpy(in + at, "\xC3\xA9\t\n\xE2\x80\x9C", 7);
        fl_buffer out;
        fl_buffer_init(&out);
        fl_utf8_repairs rep = {0};
        CHECK(fl_utf8_repair(in, sizeof in, &out, &rep));
        CHECK(out.len == sizeof in && !memcmp(out.data, in, sizeof in));
        CHECK_INT(rep.invalid + rep.controls, 0);
        fl_buffer_release(&out);
    }
}

/* Lines ended by \n, \r\n or \r at every offset come back whole. */
static void test_lines(void)
{
    static const char *const ends[] = {"\n", "\r\n", "\r"};
    for (size_t e = 0; e < 3; e++)
        for (size_t len = 0; len < 30; len++) {
            char data[128];
            size_t n = 0;
            for (size_t k = 0; k < len; k++)
                data[n++] = (char)('a' + k % 26);
            memcpy(data + n, ends[e], strlen(ends[e]));
            n += strlen(ends[e]);
            memcpy(data + n, "last line", 9);
            n += 9;
            fl_lines l;
            fl_lines_init(&l, 1000);
            fl_lines_open_memory(&l, data, n);
            CHECK_INT(fl_lines_next(&l), 1);
            CHECK_INT(l.line.len, len);
            CHECK(l.line.len == len && !memcmp(l.line.data, data, len));
            CHECK_INT(fl_lines_next(&l), 1);
            CHECK(l.line.len == 9 && !memcmp(l.line.data, "last line", 9));
            CHECK_INT(fl_lines_next(&l), 0);
            fl_lines_release(&l);
        }
}

int main(void)
{
    test_words();
    test_repair();
    test_lines();
    return check_report("swar");
}
