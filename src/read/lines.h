/*
 * lines.h — a line reader over a stream or a memory buffer, with a hard
 * limit on how much of one line it keeps.
 *
 * Lines end at "\n", "\r\n" or a lone "\r"; the terminator is not part of the
 * line. A line longer than the limit is consumed to its end, but only its
 * first `limit` bytes are kept and `overlong` is set, so memory stays bounded
 * however long a line is. Every line reports its 1-based number and the byte
 * offset where it starts in the input.
 * Not for: detecting formats or articles; see reader.c.
 */
#ifndef FL_READ_LINES_H
#define FL_READ_LINES_H

#include <stdint.h>
#include <stdio.h>
#include "util/buffer.h"

typedef struct fl_lines {
    FILE *stream;            /* NULL when reading memory */
    const char *mem;         /* memory input */
    size_t mem_len, mem_pos;
    char chunk[1 << 16];     /* read buffer for streams */
    size_t chunk_len, chunk_pos;
    int eof, error;          /* error: errno of a failed read, else 0 */
    int skip_lf;             /* the previous line ended in "\r": a "\n" next belongs to it */
    size_t limit;
    fl_buffer line;          /* the current line (at most limit bytes) */
    int overlong;            /* the current line was longer than limit */
    uint64_t full_len;       /* the current line's whole length, kept or not */
    uint64_t line_no;        /* 1-based number of the current line */
    uint64_t line_offset;    /* byte offset of the current line */
    uint64_t consumed;       /* bytes consumed so far */
    int has_line;            /* line holds a line not yet taken */
} fl_lines;

void fl_lines_init(fl_lines *l, size_t limit);
void fl_lines_release(fl_lines *l);
void fl_lines_open_stream(fl_lines *l, FILE *stream);
void fl_lines_open_memory(fl_lines *l, const char *data, size_t len);

/* Reads the next line into l->line. Returns 1 for a line, 0 at the end of
 * input, -1 on a read error (l->error) or out of memory. */
int fl_lines_next(fl_lines *l);

#endif
