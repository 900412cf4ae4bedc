/*
 * timeml.c — reading and writing TimeML documents (see timeml.h).
 *
 * The reader is not a general XML parser: TimeML files are flat, and only
 * three things matter — the DCT's value, the <TEXT> element and the TIMEX3
 * tags inside it. Anything malformed there (an unterminated tag, a TIMEX3
 * without its end, a DCT that is not a date) is a format error with its byte
 * offset, never a guess. Not for: scoring (timex_eval.c).
 */
#include "time/timeml.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"
#include "util/buffer.h"

static fl_status fail(fl_timeml_doc *d, const char *name, size_t offset, const char *what)
{
    snprintf(d->error, sizeof d->error, "%s: byte %zu: %s", name, offset, what);
    return FL_ERR_FORMAT;
}

/* Finds `needle` in raw[from, to); returns its offset or (size_t)-1. */
static size_t find(const char *raw, size_t from, size_t to, const char *needle)
{
    size_t n = strlen(needle);
    if (to < n)
        return (size_t)-1;
    for (size_t i = from; i + n <= to; i++)
        if (raw[i] == needle[0] && memcmp(raw + i, needle, n) == 0)
            return i;
    return (size_t)-1;
}

/* Copies attribute `name` of the tag raw[a, b) into out; 0 if absent. */
static int attribute(const char *raw, size_t a, size_t b, const char *name, char *out, size_t cap)
{
    size_t n = strlen(name);
    for (size_t i = a + 1; i + n + 2 <= b; i++) {
        if ((raw[i - 1] == ' ' || raw[i - 1] == '\t' || raw[i - 1] == '\n') && memcmp(raw + i, name, n) == 0 &&
            raw[i + n] == '=' && raw[i + n + 1] == '"') {
            size_t s = i + n + 2, e = s;
            while (e < b && raw[e] != '"')
                e++;
            if (e >= b)
                return 0;
            size_t len = e - s < cap - 1 ? e - s : cap - 1;
            memcpy(out, raw + s, len);
            out[len] = 0;
            return 1;
        }
    }
    return 0;
}

static fl_time_type type_from_name(const char *s)
{
    for (int t = 0; t < FL_TIME_TYPE_COUNT; t++)
        if (!strcmp(s, fl_time_type_name((fl_time_type)t)))
            return (fl_time_type)t;
    return FL_TIME_TYPE_COUNT;
}

/* Decodes the entity at raw[i] (which is '&') into out; returns its length
 * in raw, or 0 if it is not a known entity. */
static size_t decode_entity(const char *raw, size_t i, size_t end, char *out, size_t *outlen)
{
    static const struct {
        const char *name;
        char ch;
    } named[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    for (size_t k = 0; k < sizeof named / sizeof named[0]; k++) {
        size_t n = strlen(named[k].name);
        if (i + n <= end && memcmp(raw + i, named[k].name, n) == 0) {
            out[0] = named[k].ch;
            *outlen = 1;
            return n;
        }
    }
    if (i + 3 < end && raw[i + 1] == '#') {
        size_t j = i + 2;
        int hex = raw[j] == 'x' || raw[j] == 'X';
        j += hex;
        long cp = 0;
        size_t digits = 0;
        while (j < end && digits < 8) {
            char ch = raw[j];
            int v = ch >= '0' && ch <= '9' ? ch - '0'
                  : hex && ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                  : hex && ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
            if (v < 0)
                break;
            cp = cp * (hex ? 16 : 10) + v;
            j++;
            digits++;
        }
        if (digits && j < end && raw[j] == ';' && cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
            *outlen = fl_utf8_encode((int32_t)cp, out);
            return j + 1 - i;
        }
    }
    return 0;
}

static int grow_gold(fl_timeml_doc *d, size_t *cap)
{
    if (d->gold_count < *cap)
        return 1;
    size_t nc = *cap ? *cap * 2 : 64;
    fl_timex *g = realloc(d->gold, nc * sizeof *g);
    if (!g)
        return 0;
    d->gold = g;
    *cap = nc;
    return 1;
}

fl_status fl_timeml_read(fl_timeml_doc *d, const char *data, size_t len, const char *name)
{
    memset(d, 0, sizeof *d);
    if (len > FL_TIMEML_MAX_FILE)
        return fail(d, name, 0, "file too large for TimeML");
    if (!(d->raw = malloc(len + 1)))
        return FL_ERR_NOMEM;
    memcpy(d->raw, data, len);
    d->raw[len] = 0;
    d->raw_len = len;
    const char *raw = d->raw;
    if (memchr(raw, 0, len))
        return fail(d, name, (size_t)((const char *)memchr(raw, 0, len) - raw), "NUL byte: not a TimeML file");

    /* The DCT: <DCT><TIMEX3 ... value="YYYY-MM-DD..."> */
    size_t dct = find(raw, 0, len, "<DCT>");
    if (dct == (size_t)-1)
        return fail(d, name, 0, "no <DCT> element");
    size_t dct_end = find(raw, dct, len, "</DCT>");
    size_t tx = find(raw, dct, dct_end == (size_t)-1 ? len : dct_end, "<TIMEX3");
    if (dct_end == (size_t)-1 || tx == (size_t)-1)
        return fail(d, name, dct, "<DCT> without a TIMEX3 inside");
    size_t tx_end = find(raw, tx, dct_end, ">");
    char value[64];
    int y, m, day;
    if (tx_end == (size_t)-1 || !attribute(raw, tx, tx_end, "value", value, sizeof value) || strlen(value) < 10 ||
        !fl_date_parse(value, 10, &y, &m, &day))
        return fail(d, name, tx, "the DCT has no value of the form YYYY-MM-DD");
    memcpy(d->dct, value, 10);
    d->dct[10] = 0;

    /* <TEXT> ... </TEXT> */
    size_t open = find(raw, 0, len, "<TEXT>");
    if (open == (size_t)-1)
        return fail(d, name, 0, "no <TEXT> element");
    d->text_begin = open + 6;
    size_t close = find(raw, d->text_begin, len, "</TEXT>");
    if (close == (size_t)-1)
        return fail(d, name, open, "<TEXT> is never closed");
    d->text_end = close;

    size_t n = close - d->text_begin;
    d->plain = malloc(n + 1);
    d->plain_from = malloc((n + 1) * sizeof *d->plain_from);
    d->plain_to = malloc((n + 1) * sizeof *d->plain_to);
    if (!d->plain || !d->plain_from || !d->plain_to)
        return FL_ERR_NOMEM;
    size_t p = 0, gold_cap = 0;
    int in_timex = 0;
    for (size_t i = d->text_begin; i < close;) {
        char ch = raw[i];
        if (ch == '<') {
            size_t e = i + 1;
            while (e < close && raw[e] != '>' && raw[e] != '<')
                e++;
            if (e >= close || raw[e] != '>')
                return fail(d, name, i, "unterminated tag inside <TEXT>");
            if (!strncmp(raw + i, "<TIMEX3", 7) && (raw[i + 7] == ' ' || raw[i + 7] == '>' || raw[i + 7] == '\n')) {
                if (in_timex)
                    return fail(d, name, i, "TIMEX3 inside another TIMEX3");
                if (!grow_gold(d, &gold_cap))
                    return FL_ERR_NOMEM;
                fl_timex *g = &d->gold[d->gold_count];
                char type[32] = "";
                attribute(raw, i, e, "type", type, sizeof type);
                g->type = type_from_name(type);
                g->value[0] = 0;
                attribute(raw, i, e, "value", g->value, sizeof g->value);
                char mod[32] = "";
                attribute(raw, i, e, "mod", mod, sizeof mod);
                g->mod = fl_time_mod_from_name(mod);
                g->start = (uint32_t)p;
                in_timex = 1;
            } else if (!strncmp(raw + i, "</TIMEX3>", 9)) {
                if (!in_timex)
                    return fail(d, name, i, "</TIMEX3> without its start");
                d->gold[d->gold_count].end = (uint32_t)p;
                d->gold_count++;
                in_timex = 0;
            }
            i = e + 1;
            continue;
        }
        char buf[4];
        size_t outlen = 1, used = 1;
        buf[0] = ch;
        if (ch == '&') {
            used = decode_entity(raw, i, close, buf, &outlen);
            if (!used) {
                used = 1;
                outlen = 1;
                buf[0] = '&';
            }
        }
        for (size_t k = 0; k < outlen; k++) {
            d->plain[p] = buf[k];
            d->plain_from[p] = (uint32_t)i;
            d->plain_to[p] = (uint32_t)(i + used);
            p++;
        }
        i += used;
    }
    if (in_timex)
        return fail(d, name, close, "a TIMEX3 in <TEXT> is never closed");
    d->plain[p] = 0;
    d->plain_len = p;
    return FL_OK;
}

fl_status fl_timeml_read_file(fl_timeml_doc *d, const char *path)
{
    memset(d, 0, sizeof *d);
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(d->error, sizeof d->error, "%s: %s", path, strerror(errno));
        return FL_ERR_IO;
    }
    fl_buffer b;
    fl_buffer_init(&b);
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + got > FL_TIMEML_MAX_FILE) {
            fclose(f);
            fl_buffer_release(&b);
            snprintf(d->error, sizeof d->error, "%s: larger than %zu bytes: not a TimeML document", path,
                     FL_TIMEML_MAX_FILE);
            return FL_ERR_IO;
        }
        if (!fl_buffer_append(&b, chunk, got)) {
            fclose(f);
            fl_buffer_release(&b);
            return FL_ERR_NOMEM;
        }
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        fl_buffer_release(&b);
        snprintf(d->error, sizeof d->error, "%s: read error", path);
        return FL_ERR_IO;
    }
    fl_status st = fl_timeml_read(d, b.data, b.len, path);
    fl_buffer_release(&b);
    return st;
}

void fl_timeml_doc_free(fl_timeml_doc *d)
{
    if (!d)
        return;
    free(d->raw);
    free(d->plain);
    free(d->plain_from);
    free(d->plain_to);
    free(d->gold);
    memset(d, 0, sizeof *d);
}

/* Elements after <TEXT> that refer to tags of <TEXT>; dropped on writing. */
static const char *const linking_tags[] = {"<MAKEINSTANCE", "<TLINK", "<SLINK", "<ALINK"};

static void write_tail(const fl_timeml_doc *d, fl_buffer *out)
{
    const char *raw = d->raw;
    size_t i = d->text_end;
    while (i < d->raw_len) {
        int linking = 0;
        if (raw[i] == '<')
            for (size_t k = 0; k < sizeof linking_tags / sizeof linking_tags[0]; k++)
                linking |= !strncmp(raw + i, linking_tags[k], strlen(linking_tags[k]));
        if (!linking) {
            fl_buffer_append_char(out, raw[i++]);
            continue;
        }
        size_t e = i;
        while (e < d->raw_len && raw[e] != '>')
            e++;
        i = e < d->raw_len ? e + 1 : e;
        /* drop the line break that followed the element */
        if (i < d->raw_len && raw[i] == '\n')
            i++;
    }
}

fl_status fl_timeml_write(const fl_timeml_doc *d, const fl_timex *times, size_t count, fl_buffer *out)
{
    const char *raw = d->raw;
    fl_buffer_append(out, raw, d->text_begin);
    size_t next_open = 0, open_idx = (size_t)-1;
    for (size_t i = d->text_begin; i <= d->text_end;) {
        /* close the open tag once past its last plain byte */
        if (open_idx != (size_t)-1) {
            const fl_timex *t = &times[open_idx];
            if (i >= d->plain_to[t->end - 1]) {
                fl_buffer_append_str(out, "</TIMEX3>");
                open_idx = (size_t)-1;
            }
        }
        if (open_idx == (size_t)-1 && next_open < count) {
            const fl_timex *t = &times[next_open];
            if (t->start < t->end && t->end <= d->plain_len && i == d->plain_from[t->start] && raw[i] != '<') {
                const char *mod = fl_time_mod_name(t->mod);
                fl_buffer_printf(out, "<TIMEX3 tid=\"t%zu\" type=\"%s\" value=\"%s\"%s%s%s>", next_open + 1,
                                 fl_time_type_name(t->type), t->value, mod ? " mod=\"" : "", mod ? mod : "",
                                 mod ? "\"" : "");
                open_idx = next_open++;
                continue;
            }
            if (t->start >= t->end || t->end > d->plain_len || d->plain_from[t->start] < i)
                next_open++; /* empty or out of range: skipped */
        }
        if (i == d->text_end)
            break;
        if (raw[i] == '<') {
            while (i < d->text_end && raw[i] != '>')
                i++;
            i++;
            continue;
        }
        fl_buffer_append_char(out, raw[i++]);
    }
    write_tail(d, out);
    return out->failed ? FL_ERR_NOMEM : FL_OK;
}

fl_status fl_timeml_find_times(const fl_timeml_doc *d, fl_doc *work, fl_timex **times, size_t *count, size_t *cap)
{
    *count = 0;
    fl_status st = fl_doc_analyze_text(work, d->plain, d->plain_len);
    if (st == FL_OK)
        st = fl_doc_find_times(work, d->dct);
    if (st != FL_OK)
        return st;
    size_t n = fl_doc_time_count(work);
    const fl_time *t = fl_doc_times(work);
    if (n > *cap) {
        fl_timex *nt = realloc(*times, n * sizeof *nt);
        if (!nt)
            return FL_ERR_NOMEM;
        *times = nt;
        *cap = n;
    }
    for (size_t i = 0; i < n; i++) {
        (*times)[i].start = t[i].span.start;
        (*times)[i].end = t[i].span.end;
        (*times)[i].type = t[i].type;
        memcpy((*times)[i].value, t[i].value, sizeof t[i].value);
        (*times)[i].mod = fl_doc_time_mod(work, i);
    }
    *count = n;
    return FL_OK;
}
