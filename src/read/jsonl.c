/*
 * jsonl.c — JSON Lines input: one article per line, an object with `date`,
 * `headline` or `title`, `text` or `body`, and optional `id`, `source`, `url`.
 *
 * Each line is repaired (invalid UTF-8 to U+FFFD) before it is parsed with
 * jansson, so one bad byte costs a warning, not the article. A line that still
 * does not parse is rejected with the column of the error. Not for: JSON
 * output (see output/json.c).
 */
#include "read/reader_internal.h"

#include <jansson.h>
#include <string.h>

static const char *string_field(json_t *obj, const char *a, const char *b, size_t *len)
{
    json_t *v = json_object_get(obj, a);
    if ((!v || json_is_null(v)) && b)
        v = json_object_get(obj, b);
    if (!v || !json_is_string(v))
        return NULL;
    *len = json_string_length(v);
    return json_string_value(v);
}

/* Copies a short metadata string (id, source, url), repaired and with
 * control characters replaced, into dst. */
static void copy_meta(fl_buffer *dst, json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    char num[32];
    const char *s = NULL;
    size_t len = 0;
    if (json_is_string(v)) {
        s = json_string_value(v);
        len = json_string_length(v);
    } else if (json_is_integer(v)) {
        snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
        s = num;
        len = strlen(num);
    }
    if (!s || len == 0)
        return;
    fl_utf8_repairs rep = {0, 0, 0, 0};
    fl_utf8_repair(s, len, dst, &rep);
}

static int parse_record(fl_reader *r, const char *line, size_t len, uint64_t line_no, uint64_t offset,
                        int overlong)
{
    uint64_t n = r->article_no;
    if (overlong) {
        fl_reader_diag(r, FL_REJECTED, line_no, n, offset,
                       "JSON line over the record limit of %zu bytes; article skipped", r->opts.max_record);
        return 0;
    }
    /* Repair the raw bytes first: jansson rejects invalid UTF-8 outright. */
    fl_buffer_clear(&r->scratch);
    fl_utf8_repairs rep = {0, 0, 0, 0};
    if (!fl_utf8_repair(line, len, &r->scratch, &rep)) {
        fl_reader_diag(r, FL_REJECTED, line_no, n, offset, "out of memory; article skipped");
        return 0;
    }
    json_error_t err;
    json_t *obj = json_loadb(r->scratch.data, r->scratch.len, JSON_ALLOW_NUL, &err);
    if (!obj) {
        fl_reader_diag(r, FL_REJECTED, line_no, n, offset + (uint64_t)(err.position > 0 ? err.position : 0),
                       "invalid JSON at column %d: %s; article skipped", err.column, err.text);
        return 0;
    }
    int ok = 0;
    size_t dlen = 0, hlen = 0, tlen = 0;
    const char *date, *headline, *text;
    char day[11];
    int y, m, d;
    if (!json_is_object(obj)) {
        fl_reader_diag(r, FL_REJECTED, line_no, n, offset, "JSON line is not an object; article skipped");
        goto done;
    }
    date = string_field(obj, "date", NULL, &dlen);
    if (!date) {
        fl_reader_diag(r, FL_REJECTED, line_no, n, offset, "JSON record has no \"date\" string; article skipped");
        goto done;
    }
    if (dlen < 10 || !fl_date_parse(date, 10, &y, &m, &d) ||
        (dlen > 10 && date[10] != 'T' && date[10] != ' ')) {
        fl_reader_diag(r, FL_REJECTED, line_no, n, offset, "impossible date \"%.40s\"; article skipped", date);
        goto done;
    }
    memcpy(day, date, 10);
    day[10] = '\0';
    headline = string_field(obj, "headline", "title", &hlen);
    text = string_field(obj, "text", "body", &tlen);
    if (!text && !headline) {
        fl_reader_diag(r, FL_REJECTED, line_no, n, offset,
                       "JSON record has neither \"text\"/\"body\" nor \"headline\"/\"title\"; article skipped");
        goto done;
    }
    if (rep.invalid + rep.controls) {
        r->repairs = rep;
        r->repair_line = line_no;
        r->repair_offset = offset + rep.first_offset;
    }
    if ((headline && !fl_reader_article_headline(r, headline, hlen, line_no, offset)) ||
        (text && !fl_reader_article_body_text(r, text, tlen, line_no, offset))) {
        fl_reader_diag(r, FL_REJECTED, line_no, n, offset, "out of memory; article skipped");
        goto done;
    }
    if (rep.invalid + rep.controls == 0 && r->repairs.invalid + r->repairs.controls) {
        /* Repairs inside decoded JSON strings: offsets there are not input
         * offsets, so point at the line. */
        r->repair_offset = offset;
    }
    r->raw_bytes = len;
    copy_meta(&r->id, obj, "id");
    copy_meta(&r->source, obj, "source");
    copy_meta(&r->url, obj, "url");
    ok = fl_reader_article_finish(r, day);
done:
    json_decref(obj);
    return ok;
}

fl_status fl_reader_next_jsonl(fl_reader *r, const fl_article **out)
{
    for (;;) {
        const char *s;
        size_t len;
        uint64_t line, offset;
        int overlong;
        if (r->has_pending) {
            r->has_pending = 0;
            s = r->pending.data, len = r->pending.len, line = r->pending_line;
            offset = r->pending_offset, overlong = r->pending_overlong;
        } else {
            int got = fl_lines_next(&r->lines);
            if (got < 0) {
                r->state = FL_READER_DONE;
                fl_reader_set_error(r, "read error at byte %llu", (unsigned long long)r->lines.consumed);
                return FL_ERR_IO;
            }
            if (got == 0) {
                r->state = FL_READER_DONE;
                return FL_END;
            }
            s = r->lines.line.data, len = r->lines.line.len, line = r->lines.line_no;
            offset = r->lines.line_offset, overlong = r->lines.overlong;
        }
        if (line == 1 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
            s += 3, len -= 3, offset += 3;
        size_t i = 0;
        while (i < len && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i == len)
            continue;
        fl_reader_article_begin(r, line, offset);
        if (parse_record(r, s, len, line, offset, overlong)) {
            *out = &r->article;
            return FL_OK;
        }
    }
}
