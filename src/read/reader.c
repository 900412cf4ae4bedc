/*
 * reader.c — the streaming article reader: format detection, the native
 * format, plain text, and the assembly of the article text that every span
 * points into (headline + "\n\n" + body; see factline.h, section 2).
 *
 * Memory: one bounded line (lines.c) and one article buffer that never holds
 * more than max_record bytes; an article that grows past the limit stops
 * being stored and is rejected when it ends. JSON Lines records are parsed in
 * jsonl.c. Not for: tokenizing or anything after the article is delivered.
 */
#include "read/reader_internal.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/hash.h"

void fl_reader_options_init(fl_reader_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->format = FL_FORMAT_AUTO;
    opts->max_record = FL_DEFAULT_MAX_RECORD;
}

fl_reader *fl_reader_new(const fl_reader_options *opts)
{
    fl_reader_options defaults;
    if (!opts) {
        fl_reader_options_init(&defaults);
        opts = &defaults;
    }
    int y, m, d;
    if (opts->default_date && !fl_date_parse(opts->default_date, strlen(opts->default_date), &y, &m, &d))
        return NULL;
    fl_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->opts = *opts;
    if (r->opts.max_record == 0)
        r->opts.max_record = FL_DEFAULT_MAX_RECORD;
    if (opts->default_date) {
        memcpy(r->default_date, opts->default_date, 10);
        r->opts.default_date = r->default_date;
    }
    fl_lines_init(&r->lines, r->opts.max_record);
    fl_buffer_init(&r->text);
    fl_buffer_init(&r->pending);
    fl_buffer_init(&r->scratch);
    fl_buffer_init(&r->warn_text);
    fl_buffer_init(&r->id);
    fl_buffer_init(&r->source);
    fl_buffer_init(&r->url);
    r->file = strdup("-");
    if (!r->file) {
        fl_reader_free(r);
        return NULL;
    }
    return r;
}

void fl_reader_free(fl_reader *r)
{
    if (!r)
        return;
    if (r->owned_stream)
        fclose(r->owned_stream);
    fl_lines_release(&r->lines);
    fl_buffer_release(&r->text);
    fl_buffer_release(&r->pending);
    fl_buffer_release(&r->scratch);
    fl_buffer_release(&r->warn_text);
    fl_buffer_release(&r->id);
    fl_buffer_release(&r->source);
    fl_buffer_release(&r->url);
    free(r->file);
    free(r);
}

const char *fl_reader_error(const fl_reader *r) { return r->error; }
fl_format fl_reader_format(const fl_reader *r) { return r->format; }

void fl_reader_get_stats(const fl_reader *r, fl_reader_stats *stats)
{
    *stats = r->stats;
    stats->bytes = r->bytes_done + r->lines.consumed;
}

void fl_reader_set_error(fl_reader *r, const char *fmt, ...)
{
    int n = snprintf(r->error, sizeof r->error, "%s: ", r->file);
    if (n < 0 || (size_t)n >= sizeof r->error)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->error + n, sizeof r->error - (size_t)n, fmt, ap);
    va_end(ap);
}

void fl_reader_diag(fl_reader *r, fl_severity sev, uint64_t line, uint64_t article, uint64_t offset,
                    const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (sev == FL_WARNING)
        r->stats.warnings++;
    else if (sev == FL_REJECTED)
        r->stats.rejected++;
    if (r->opts.on_diag) {
        fl_diag d = {sev, r->file, line, article, offset, msg};
        r->opts.on_diag(&d, r->opts.user);
    }
}

void fl_reader_article_warning(fl_reader *r, const char *fmt, ...)
{
    if (r->warning_count >= FL_READER_MAX_WARNINGS)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    r->warning_offsets[r->warning_count++] = r->warn_text.len;
    fl_buffer_append(&r->warn_text, msg, strlen(msg) + 1);
}

static fl_status start_input(fl_reader *r, const char *name)
{
    r->bytes_done += r->lines.consumed;
    char *copy = strdup(name);
    if (!copy)
        return FL_ERR_NOMEM;
    free(r->file);
    r->file = copy;
    r->error[0] = '\0';
    r->format = FL_FORMAT_AUTO;
    r->state = FL_READER_START;
    r->article_no = 0;
    fl_buffer_clear(&r->pending);
    r->pending_line = r->pending_offset = 0;
    r->has_pending = 0;
    return FL_OK;
}

fl_status fl_reader_open(fl_reader *r, const char *path)
{
    if (strcmp(path, "-") == 0)
        return fl_reader_open_stream(r, stdin, "-");
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        start_input(r, path);
        fl_reader_set_error(r, "cannot open: %s", strerror(e));
        r->state = FL_READER_DONE;
        return FL_ERR_IO;
    }
    fl_status st = fl_reader_open_stream(r, f, path);
    r->owned_stream = f;
    return st;
}

fl_status fl_reader_open_stream(fl_reader *r, FILE *stream, const char *name)
{
    if (r->owned_stream) {
        fclose(r->owned_stream);
        r->owned_stream = NULL;
    }
    fl_status st = start_input(r, name);
    if (st != FL_OK)
        return st;
    fl_lines_open_stream(&r->lines, stream);
    return FL_OK;
}

fl_status fl_reader_open_memory(fl_reader *r, const char *data, size_t len, const char *name)
{
    if (r->owned_stream) {
        fclose(r->owned_stream);
        r->owned_stream = NULL;
    }
    fl_status st = start_input(r, name);
    if (st != FL_OK)
        return st;
    fl_lines_open_memory(&r->lines, data, len);
    return FL_OK;
}

/* ---- article assembly ---------------------------------------------------- */

void fl_reader_article_begin(fl_reader *r, uint64_t line, uint64_t offset)
{
    fl_buffer_clear(&r->text);
    fl_buffer_clear(&r->warn_text);
    fl_buffer_clear(&r->id);
    fl_buffer_clear(&r->source);
    fl_buffer_clear(&r->url);
    r->warning_count = 0;
    memset(&r->repairs, 0, sizeof r->repairs);
    r->repair_line = 0;
    r->repair_offset = 0;
    r->raw_bytes = 0;
    r->oversized = 0;
    r->headline_len = 0;
    r->body_len_trimmed = 0;
    r->body_started = 0;
    r->body_blank_run = 0;
    r->article_no++;
    r->article_line = line;
    r->article_offset = offset;
}

static int is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\f' && s[i] != '\v')
            return 0;
    return 1;
}

/* Appends raw bytes to the article text, repairing them, and remembers where
 * the first repair was (in input terms: `line`, `offset` + position). */
static int append_repaired(fl_reader *r, const char *s, size_t len, uint64_t line, uint64_t offset)
{
    r->raw_bytes += len;
    if (r->oversized || r->text.len + len > r->opts.max_record) {
        r->oversized = 1;
        return 1;
    }
    size_t before = r->repairs.invalid + r->repairs.controls;
    fl_utf8_repairs rep = {0, 0, 0, 0};
    if (!fl_utf8_repair(s, len, &r->text, &rep))
        return 0;
    if (rep.invalid + rep.controls) {
        if (before == 0) {
            r->repair_line = line;
            r->repair_offset = offset + rep.first_offset;
        }
        r->repairs.invalid += rep.invalid;
        r->repairs.controls += rep.controls;
        r->repairs.nuls += rep.nuls;
    }
    return 1;
}

int fl_reader_article_headline(fl_reader *r, const char *s, size_t len, uint64_t line, uint64_t offset)
{
    while (len && (s[0] == ' ' || s[0] == '\t')) {
        s++;
        len--;
        offset++;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    /* A headline never holds a newline: turn any into spaces. */
    size_t start = r->text.len;
    if (!append_repaired(r, s, len, line, offset))
        return 0;
    for (size_t i = start; i < r->text.len; i++)
        if (r->text.data[i] == '\n')
            r->text.data[i] = ' ';
    r->headline_len = r->text.len;
    return 1;
}

/* Appends one body line. Leading blank lines are dropped; trailing ones are
 * cut when the article ends (body_len_trimmed marks the last non-blank). */
int fl_reader_article_body_line(fl_reader *r, const char *s, size_t len, uint64_t line, uint64_t offset)
{
    int blank = is_blank(s, len);
    if (!r->body_started) {
        if (blank) {
            r->raw_bytes += len + 1;
            return 1;
        }
        r->body_started = 1;
        if (!append_repaired(r, "\n\n", 2, line, offset))
            return 0;
    } else if (!append_repaired(r, "\n", 1, line, offset)) {
        return 0;
    }
    if (!append_repaired(r, s, len, line, offset))
        return 0;
    if (!blank)
        r->body_len_trimmed = r->text.len;
    return 1;
}

/* Appends a body that may hold newlines and carriage returns (JSON, plain text). */
int fl_reader_article_body_text(fl_reader *r, const char *s, size_t len, uint64_t line, uint64_t offset)
{
    size_t i = 0;
    while (i <= len) {
        size_t j = i;
        while (j < len && s[j] != '\n' && s[j] != '\r')
            j++;
        if (!fl_reader_article_body_line(r, s + i, j - i, line, offset))
            return 0;
        if (j >= len)
            break;
        if (s[j] == '\r' && j + 1 < len && s[j + 1] == '\n')
            j++;
        i = j + 1;
    }
    return 1;
}

/* Decides whether the assembled article is delivered; fills r->article.
 * Returns 1 if it is good, 0 if it was rejected (and reported). */
int fl_reader_article_finish(fl_reader *r, const char *date)
{
    uint64_t n = r->article_no, line = r->article_line, off = r->article_offset;
    if (r->oversized) {
        fl_reader_diag(r, FL_REJECTED, line, n, off,
                       "article of %llu bytes is over the record limit of %zu bytes; article skipped",
                       (unsigned long long)r->raw_bytes, r->opts.max_record);
        return 0;
    }
    if (r->text.failed) {
        fl_reader_diag(r, FL_REJECTED, line, n, off, "out of memory; article skipped");
        return 0;
    }
    size_t junk = r->repairs.invalid + r->repairs.controls;
    if (junk && junk * 10 > r->raw_bytes) {
        fl_reader_diag(r, FL_REJECTED, r->repair_line, n, r->repair_offset,
                       "binary data: %zu of %llu bytes are NUL, control or invalid UTF-8 bytes; article skipped",
                       junk, (unsigned long long)r->raw_bytes);
        return 0;
    }
    if (r->body_started)
        fl_buffer_truncate(&r->text, r->body_len_trimmed);
    if (r->text.len == 0) {
        fl_reader_diag(r, FL_REJECTED, line, n, off, "empty article: no headline and no body; article skipped");
        return 0;
    }
    if (r->repairs.invalid) {
        fl_reader_article_warning(r, "invalid UTF-8: %zu bytes replaced by U+FFFD (first at line %llu, byte %llu)",
                                  r->repairs.invalid, (unsigned long long)r->repair_line,
                                  (unsigned long long)r->repair_offset);
    }
    if (r->repairs.controls) {
        fl_reader_article_warning(r, "%zu control characters%s replaced by U+FFFD (first at line %llu, byte %llu)",
                                  r->repairs.controls, r->repairs.nuls ? " (some NUL)" : "",
                                  (unsigned long long)r->repair_line, (unsigned long long)r->repair_offset);
    }
    for (size_t i = 0; i < r->warning_count; i++) {
        fl_reader_diag(r, FL_WARNING, r->repair_line ? r->repair_line : line, n,
                       r->repair_line ? r->repair_offset : off, "%s", r->warn_text.data + r->warning_offsets[i]);
    }
    fl_article *a = &r->article;
    memset(a, 0, sizeof *a);
    memcpy(a->date, date, 10);
    a->date[10] = '\0';
    fl_date_parse(a->date, 10, &a->year, &a->month, &a->day);
    a->text = r->text.data;
    a->text_len = r->text.len;
    a->headline = r->text.data;
    a->headline_len = r->headline_len;
    a->body_start = r->body_started ? r->headline_len + 2 : r->text.len;
    if (a->body_start > a->text_len)
        a->body_start = a->text_len;
    if (r->id.len == 0) {
        uint64_t h = fl_hash64(FL_HASH_SEED, date, 10);
        h = fl_hash64(h, r->text.data, r->text.len);
        fl_buffer_printf(&r->id, "%016llx", (unsigned long long)h);
    }
    a->id = r->id.data;
    a->source = r->source.len ? r->source.data : NULL;
    a->url = r->url.len ? r->url.data : NULL;
    a->file = r->file;
    a->number = n;
    a->line = line;
    a->offset = off;
    for (size_t i = 0; i < r->warning_count; i++)
        r->warning_ptrs[i] = r->warn_text.data + r->warning_offsets[i];
    a->warnings = r->warning_ptrs;
    a->warning_count = r->warning_count;
    r->stats.articles++;
    return 1;
}

/* ---- native format ------------------------------------------------------- */

/* If the line is a header `date YYYY-MM-DD[ headline]` (after white space or
 * a BOM), returns the offset of the date within the line, else -1. Whether
 * the date exists in the calendar is checked later. */
long fl_native_header_date(const char *s, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (len - i < 15 || memcmp(s + i, "date", 4) != 0 || (s[i + 4] != ' ' && s[i + 4] != '\t'))
        return -1;
    size_t d = i + 5;
    static const char shape[] = "dddd-dd-dd";
    for (size_t k = 0; k < 10; k++) {
        char c = s[d + k];
        if (shape[k] == 'd' ? (c < '0' || c > '9') : c != '-')
            return -1;
    }
    if (d + 10 < len && s[d + 10] != ' ' && s[d + 10] != '\t')
        return -1;
    return (long)d;
}

static void save_pending(fl_reader *r)
{
    fl_buffer_clear(&r->pending);
    fl_buffer_append(&r->pending, r->lines.line.data, r->lines.line.len);
    r->pending_overlong = r->lines.overlong;
    r->pending_full_len = r->lines.full_len;
    r->pending_line = r->lines.line_no;
    r->pending_offset = r->lines.line_offset;
    r->has_pending = 1;
}

static fl_status read_failed(fl_reader *r)
{
    r->state = FL_READER_DONE;
    if (r->lines.error) {
        fl_reader_set_error(r, "read error at byte %llu: %s", (unsigned long long)r->lines.consumed,
                            strerror(r->lines.error));
        return FL_ERR_IO;
    }
    fl_reader_set_error(r, "out of memory");
    return FL_ERR_NOMEM;
}

static fl_status next_native(fl_reader *r, const fl_article **out)
{
    for (;;) {
        /* Find a header: the pending one, or skip text until one. */
        uint64_t skipped_line = 0, skipped_offset = 0, skipped = 0;
        if (r->has_pending && fl_native_header_date(r->pending.data, r->pending.len) < 0) {
            /* detect() keeps the first non-blank line; here it is not a header. */
            r->has_pending = 0;
            skipped_line = r->pending_line;
            skipped_offset = r->pending_offset;
            skipped = 1;
        }
        while (!r->has_pending) {
            int got = fl_lines_next(&r->lines);
            if (got < 0)
                return read_failed(r);
            if (got == 0) {
                if (skipped && r->article_no == 0)
                    fl_reader_diag(r, FL_REJECTED, skipped_line, 0, skipped_offset,
                                   "no article header (`date YYYY-MM-DD headline`) in this input; %llu lines "
                                   "skipped (plain text needs --date)",
                                   (unsigned long long)skipped);
                else if (skipped)
                    fl_reader_diag(r, FL_WARNING, skipped_line, r->article_no, skipped_offset,
                                   "%llu lines without an article header (`date YYYY-MM-DD headline`) skipped",
                                   (unsigned long long)skipped);
                r->state = FL_READER_DONE;
                return FL_END;
            }
            if (fl_native_header_date(r->lines.line.data, r->lines.line.len) >= 0) {
                if (skipped)
                    fl_reader_diag(r, FL_WARNING, skipped_line, r->article_no, skipped_offset,
                                   "%llu lines without an article header (`date YYYY-MM-DD headline`) skipped",
                                   (unsigned long long)skipped);
                save_pending(r);
                break;
            }
            if (!is_blank(r->lines.line.data, r->lines.line.len)) {
                if (!skipped) {
                    skipped_line = r->lines.line_no;
                    skipped_offset = r->lines.line_offset;
                }
                skipped++;
            }
        }
        /* The header. */
        r->has_pending = 0;
        fl_reader_article_begin(r, r->pending_line, r->pending_offset);
        const char *h = r->pending.data;
        size_t hlen = r->pending.len;
        long d = fl_native_header_date(h, hlen);
        char date[11];
        memcpy(date, h + d, 10);
        date[10] = '\0';
        if (r->pending_overlong)
            r->oversized = 1, r->raw_bytes = r->pending_full_len;
        else if (!fl_reader_article_headline(r, h + d + 10, hlen - (size_t)d - 10, r->pending_line,
                                             r->pending_offset + (uint64_t)d + 10))
            return read_failed(r);
        /* The body: lines until the next header or the end. */
        for (;;) {
            int got = fl_lines_next(&r->lines);
            if (got < 0)
                return read_failed(r);
            if (got == 0)
                break;
            if (fl_native_header_date(r->lines.line.data, r->lines.line.len) >= 0) {
                save_pending(r);
                break;
            }
            if (r->lines.overlong) {
                r->oversized = 1;
                r->raw_bytes += r->lines.full_len + 1;
                continue;
            }
            if (!fl_reader_article_body_line(r, r->lines.line.data, r->lines.line.len, r->lines.line_no,
                                             r->lines.line_offset))
                return read_failed(r);
        }
        int y, m, dd;
        if (!fl_date_parse(date, 10, &y, &m, &dd)) {
            fl_reader_diag(r, FL_REJECTED, r->article_line, r->article_no, r->article_offset + (uint64_t)d,
                           "impossible date %s; article skipped", date);
            continue;
        }
        if (fl_reader_article_finish(r, date)) {
            *out = &r->article;
            return FL_OK;
        }
    }
}

/* ---- plain text ---------------------------------------------------------- */

static fl_status next_plain(fl_reader *r, const fl_article **out)
{
    if (r->state == FL_READER_DONE)
        return FL_END;
    r->state = FL_READER_DONE;
    int have_headline = 0;
    int first = 1;
    for (;;) {
        const char *s;
        size_t len;
        uint64_t line, offset;
        int overlong;
        if (r->has_pending) {
            s = r->pending.data, len = r->pending.len, line = r->pending_line, offset = r->pending_offset;
            overlong = r->pending_overlong;
            r->has_pending = 0;
        } else {
            int got = fl_lines_next(&r->lines);
            if (got < 0)
                return read_failed(r);
            if (got == 0)
                break;
            s = r->lines.line.data, len = r->lines.line.len, line = r->lines.line_no;
            offset = r->lines.line_offset, overlong = r->lines.overlong;
        }
        if (first) {
            fl_reader_article_begin(r, line, offset);
            first = 0;
        }
        if (overlong) {
            r->oversized = 1;
            r->raw_bytes += r->lines.full_len + 1;
            continue;
        }
        if (!have_headline) {
            if (is_blank(s, len))
                continue;
            have_headline = 1;
            if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
                s += 3, len -= 3, offset += 3;
            if (!fl_reader_article_headline(r, s, len, line, offset))
                return read_failed(r);
            continue;
        }
        if (!fl_reader_article_body_line(r, s, len, line, offset))
            return read_failed(r);
    }
    if (first)
        return FL_END;
    if (fl_reader_article_finish(r, r->default_date)) {
        *out = &r->article;
        return FL_OK;
    }
    return FL_END;
}

/* ---- detection ------------------------------------------------------------ */

static fl_status detect(fl_reader *r)
{
    fl_format want = r->opts.format;
    /* Look at the first non-blank line; keep it as pending for the format reader. */
    for (;;) {
        int got = fl_lines_next(&r->lines);
        if (got < 0)
            return read_failed(r);
        if (got == 0) {
            r->format = want == FL_FORMAT_AUTO ? FL_FORMAT_NATIVE : want;
            r->state = FL_READER_DONE;
            return FL_END;
        }
        const char *s = r->lines.line.data;
        size_t len = r->lines.line.len;
        size_t i = 0;
        if (r->lines.line_no == 1 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
            i = 3;
        while (i < len && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i == len)
            continue;
        save_pending(r);
        if (want == FL_FORMAT_AUTO) {
            if (s[i] == '{')
                want = FL_FORMAT_JSONL;
            else if (fl_native_header_date(s, len) >= 0 || !r->opts.default_date)
                want = FL_FORMAT_NATIVE;
            else
                want = FL_FORMAT_PLAIN;
        }
        break;
    }
    if (want == FL_FORMAT_PLAIN && !r->opts.default_date) {
        r->state = FL_READER_DONE;
        fl_reader_set_error(r, "plain text needs a publication date (--date YYYY-MM-DD)");
        return FL_ERR_USAGE;
    }
    r->format = want;
    r->state = FL_READER_READING;
    return FL_OK;
}

fl_status fl_reader_next(fl_reader *r, const fl_article **out)
{
    *out = NULL;
    if (r->state == FL_READER_DONE)
        return FL_END;
    if (r->state == FL_READER_START) {
        fl_status st = detect(r);
        if (st != FL_OK)
            return st;
    }
    switch (r->format) {
    case FL_FORMAT_JSONL:
        return fl_reader_next_jsonl(r, out);
    case FL_FORMAT_PLAIN:
        return next_plain(r, out);
    default:
        return next_native(r, out);
    }
}
