/*
 * lines.c — bounded line reader. See lines.h.
 */
#include "read/lines.h"
#include "util/swar.h"

#include <errno.h>
#include <string.h>

void fl_lines_init(fl_lines *l, size_t limit)
{
    memset(l, 0, sizeof *l);
    l->limit = limit;
    fl_buffer_init(&l->line);
}

void fl_lines_release(fl_lines *l)
{
    fl_buffer_release(&l->line);
}

static void reset(fl_lines *l)
{
    l->chunk_len = l->chunk_pos = 0;
    l->mem = NULL;
    l->mem_len = l->mem_pos = 0;
    l->stream = NULL;
    l->eof = l->error = l->skip_lf = 0;
    l->overlong = 0;
    l->line_no = 0;
    l->line_offset = 0;
    l->consumed = 0;
    l->has_line = 0;
    fl_buffer_clear(&l->line);
}

void fl_lines_open_stream(fl_lines *l, FILE *stream)
{
    reset(l);
    l->stream = stream;
}

void fl_lines_open_memory(fl_lines *l, const char *data, size_t len)
{
    reset(l);
    l->mem = data;
    l->mem_len = len;
}

/* Makes bytes available at *p; returns how many (0 at end or error). */
static size_t fill(fl_lines *l, const char **p)
{
    if (!l->stream) {
        *p = l->mem + l->mem_pos;
        return l->mem_len - l->mem_pos;
    }
    if (l->chunk_pos == l->chunk_len) {
        if (l->eof)
            return 0;
        l->chunk_pos = 0;
        l->chunk_len = fread(l->chunk, 1, sizeof l->chunk, l->stream);
        if (l->chunk_len < sizeof l->chunk) {
            if (ferror(l->stream))
                l->error = errno ? errno : EIO;
            l->eof = 1;
        }
    }
    *p = l->chunk + l->chunk_pos;
    return l->chunk_len - l->chunk_pos;
}

static void advance(fl_lines *l, size_t n)
{
    if (l->stream)
        l->chunk_pos += n;
    else
        l->mem_pos += n;
    l->consumed += n;
}

int fl_lines_next(fl_lines *l)
{
    fl_buffer_clear(&l->line);
    l->overlong = 0;
    l->full_len = 0;
    int got_any = 0;
    for (;;) {
        const char *p;
        size_t avail = fill(l, &p);
        if (avail == 0)
            break;
        if (l->skip_lf) {
            l->skip_lf = 0;
            if (p[0] == '\n') {
                advance(l, 1);
                continue;
            }
        }
        if (!got_any) {
            got_any = 1;
            l->line_offset = l->consumed;
            l->line_no++;
        }
        size_t i = 0;
        while (i + 8 <= avail) { /* eight bytes a test while no line ends there */
            uint64_t x = fl_swar_load(p + i);
            if (fl_swar_has_byte(x, '\n') | fl_swar_has_byte(x, '\r'))
                break;
            i += 8;
        }
        while (i < avail && p[i] != '\n' && p[i] != '\r')
            i++;
        size_t keep = i;
        l->full_len += i;
        if (l->line.len + keep > l->limit) {
            keep = l->limit > l->line.len ? l->limit - l->line.len : 0;
            l->overlong = 1;
        }
        if (keep && !fl_buffer_append(&l->line, p, keep))
            return -1;
        if (i < avail) {
            if (p[i] == '\r')
                l->skip_lf = 1;
            advance(l, i + 1);
            l->has_line = 1;
            return 1;
        }
        advance(l, i);
    }
    if (l->error)
        return -1;
    l->has_line = got_any;
    return got_any ? 1 : 0;
}
