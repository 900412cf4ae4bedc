/*
 * reader_internal.h — the reader's state, shared by reader.c (native and
 * plain text, article assembly) and jsonl.c (JSON Lines records).
 * Not part of the public API.
 */
#ifndef FL_READ_READER_INTERNAL_H
#define FL_READ_READER_INTERNAL_H

#include "factline.h"
#include "read/lines.h"
#include "text/utf8.h"
#include "util/buffer.h"

#define FL_READER_MAX_WARNINGS 8

enum { FL_READER_START = 0, FL_READER_READING, FL_READER_DONE };

struct fl_reader {
    fl_reader_options opts;
    char default_date[11];
    char *file;               /* current input's name */
    FILE *owned_stream;       /* opened by fl_reader_open, closed by us */
    fl_lines lines;
    int state;
    fl_format format;
    char error[512];
    fl_reader_stats stats;
    uint64_t bytes_done;      /* bytes of inputs finished before this one */

    /* A line read ahead (the next header, or the first line seen by detect). */
    fl_buffer pending;
    int has_pending, pending_overlong;
    uint64_t pending_line, pending_offset, pending_full_len;

    /* The article being assembled. */
    uint64_t article_no, article_line, article_offset;
    fl_buffer text;
    size_t headline_len;
    int body_started;
    size_t body_len_trimmed;
    size_t body_blank_run;
    uint64_t raw_bytes;       /* input bytes of the article, for limits and the binary ratio */
    int oversized;
    fl_utf8_repairs repairs;
    uint64_t repair_line, repair_offset;
    fl_buffer id, source, url, scratch;
    fl_buffer warn_text;
    size_t warning_offsets[FL_READER_MAX_WARNINGS];
    const char *warning_ptrs[FL_READER_MAX_WARNINGS];
    size_t warning_count;
    fl_article article;
};

void fl_reader_set_error(fl_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void fl_reader_diag(fl_reader *r, fl_severity sev, uint64_t line, uint64_t article, uint64_t offset,
                    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void fl_reader_article_warning(fl_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void fl_reader_article_begin(fl_reader *r, uint64_t line, uint64_t offset);
int fl_reader_article_headline(fl_reader *r, const char *s, size_t len, uint64_t line, uint64_t offset);
int fl_reader_article_body_line(fl_reader *r, const char *s, size_t len, uint64_t line, uint64_t offset);
int fl_reader_article_body_text(fl_reader *r, const char *s, size_t len, uint64_t line, uint64_t offset);
int fl_reader_article_finish(fl_reader *r, const char *date);
long fl_native_header_date(const char *s, size_t len);
fl_status fl_reader_next_jsonl(fl_reader *r, const fl_article **out);

#endif
