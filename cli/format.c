/*
 * format.c — prints an fl_result as a table (for people), JSON or CSV (for
 * programs). JSON: one object whose keys are the sections, each an array of
 * row objects with typed values. CSV (RFC 4180): one block per section, a
 * header row first; with several sections each block is preceded by a line
 * "# SECTION" and followed by a blank line. Table: cells cut to 60
 * characters, newlines shown as spaces.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"

static void print_json(const fl_result *r, FILE *out)
{
    fl_buffer *b = fl_buffer_new();
    fl_result_write_json(r, b);
    fwrite(fl_buffer_data(b), 1, fl_buffer_len(b), out);
    fputc('\n', out);
    fl_buffer_free(b);
}

static void csv_cell(const char *v, FILE *out)
{
    if (!v)
        return;
    if (!strpbrk(v, ",\"\r\n")) {
        fputs(v, out);
        return;
    }
    fputc('"', out);
    for (const char *p = v; *p; p++) {
        if (*p == '"')
            fputc('"', out);
        fputc(*p, out);
    }
    fputc('"', out);
}

static void print_csv(const fl_result *r, FILE *out)
{
    size_t n = fl_result_section_count(r);
    for (size_t s = 0; s < n; s++) {
        if (n > 1)
            fprintf(out, "# %s\n", fl_result_section_name(r, s));
        size_t cols = fl_result_column_count(r, s);
        for (size_t c = 0; c < cols; c++) {
            if (c)
                fputc(',', out);
            csv_cell(fl_result_column_name(r, s, c), out);
        }
        fputs("\r\n", out);
        for (size_t row = 0; row < fl_result_row_count(r, s); row++) {
            for (size_t c = 0; c < cols; c++) {
                if (c)
                    fputc(',', out);
                csv_cell(fl_result_cell(r, s, row, c), out);
            }
            fputs("\r\n", out);
        }
        if (n > 1 && s + 1 < n)
            fputc('\n', out);
    }
}

/* Copies at most `width` characters of v into buf, newlines as spaces;
 * returns the number of characters. */
static size_t clip(const char *v, size_t width, char *buf, size_t cap)
{
    size_t chars = 0, o = 0;
    for (const unsigned char *p = (const unsigned char *)(v ? v : ""); *p && o + 4 < cap;) {
        size_t n = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        if (chars == width) {
            if (o >= 3 && chars > 1) {
                memcpy(buf + o - 1, "\xE2\x80\xA6", 3); /* … */
                o += 2;
            }
            break;
        }
        size_t k = 0; /* a cell may end inside a character: never step past its end */
        for (; k < n && p[k]; k++)
            buf[o++] = (p[k] == '\n' || p[k] == '\r' || p[k] == '\t') ? ' ' : (char)p[k];
        p += k;
        chars++;
    }
    buf[o] = '\0';
    return chars;
}

static void print_table(const fl_result *r, FILE *out)
{
    enum { WIDTH = 60 };
    char cell[WIDTH * 4 + 8];
    for (size_t s = 0; s < fl_result_section_count(r); s++) {
        size_t cols = fl_result_column_count(r, s), rows = fl_result_row_count(r, s);
        fprintf(out, "== %s (%zu rows)\n", fl_result_section_name(r, s), rows);
        if (!rows)
            continue;
        size_t width[64] = {0};
        if (cols > 64)
            cols = 64;
        for (size_t c = 0; c < cols; c++) {
            width[c] = clip(fl_result_column_name(r, s, c), WIDTH, cell, sizeof cell);
            for (size_t row = 0; row < rows; row++) {
                size_t w = clip(fl_result_cell(r, s, row, c), WIDTH, cell, sizeof cell);
                if (w > width[c])
                    width[c] = w;
            }
        }
        for (size_t row = 0; row <= rows; row++) {
            for (size_t c = 0; c < cols; c++) {
                const char *v = row == 0 ? fl_result_column_name(r, s, c) : fl_result_cell(r, s, row - 1, c);
                size_t w = clip(v, WIDTH, cell, sizeof cell);
                fprintf(out, "%s%s%*s", c ? "  " : "", cell, c + 1 < cols ? (int)(width[c] - w) : 0, "");
            }
            fputc('\n', out);
        }
        fputc('\n', out);
    }
}

int cli_print_result(const fl_result *r, const char *format, FILE *out)
{
    if (!strcmp(format, "json"))
        print_json(r, out);
    else if (!strcmp(format, "csv"))
        print_csv(r, out);
    else if (!strcmp(format, "table"))
        print_table(r, out);
    else
        return 0;
    return 1;
}
