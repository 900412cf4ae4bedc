/*
 * ner_conll.c — CoNLL-2003 files: reading (with errors that name the line),
 * tagging a file with a predicted column appended, and entity-level scoring
 * exactly as the conlleval script counts. Not for: the tagger itself.
 *
 * Chunks follow conlleval's rules (its startOfChunk / endOfChunk): a chunk
 * starts at B-X, at I-X after O or after another type, and ends before O,
 * B, or another type. So IOB1 (the CoNLL-2003 files) and IOB2 both work, and
 * a malformed sequence (I-X after O) counts as conlleval counts it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ner/ner.h"

/* ---- Reading ---- */

static char *read_all(const char *path, size_t *len, char *err, size_t err_size)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        snprintf(err, err_size, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n + 1 >= cap) {
            char *b = realloc(buf, cap * 2);
            if (!b) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = b;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    int failed = !buf || ferror(f);
    if (f != stdin)
        fclose(f);
    if (failed) {
        snprintf(err, err_size, "%s: %s", path, buf ? "read error" : "out of memory");
        free(buf);
        return NULL;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

static int fl_conll_parse_tag(const char *s, size_t len, int *type, char *prefix)
{
    static const char *const types[FL_NER_TYPES] = {"PER", "ORG", "LOC", "MISC"};
    if (len == 1 && s[0] == 'O') {
        *type = -1;
        *prefix = 'O';
        return 1;
    }
    if (len < 3 || (s[0] != 'B' && s[0] != 'I') || s[1] != '-')
        return 0;
    for (int t = 0; t < FL_NER_TYPES; t++)
        if (len - 2 == strlen(types[t]) && !memcmp(s + 2, types[t], len - 2)) {
            *type = t;
            *prefix = s[0];
            return 1;
        }
    return 0;
}

/* Splits a line into white-space separated fields; returns the count and
 * the last field. */
static size_t fields(const char *s, const char **first_end, const char **last, size_t *last_len)
{
    size_t n = 0;
    *first_end = s;
    while (*s) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            break;
        const char *a = s;
        while (*s && *s != ' ' && *s != '\t')
            s++;
        if (n == 0)
            *first_end = s;
        *last = a;
        *last_len = (size_t)(s - a);
        n++;
    }
    return n;
}

/* conlleval's chunk boundaries, for prefixes B I E O and types (-1 = none). */
static int chunk_end(char prev_tag, char tag, int prev_type, int type)
{
    if ((prev_tag == 'B' || prev_tag == 'I') && (tag == 'B' || tag == 'O'))
        return 1;
    if (prev_tag == 'E' && (tag == 'E' || tag == 'I' || tag == 'O'))
        return 1;
    return prev_tag != 'O' && prev_type != type;
}

static int chunk_start(char prev_tag, char tag, int prev_type, int type)
{
    if (tag == 'B' && (prev_tag == 'B' || prev_tag == 'I' || prev_tag == 'O'))
        return 1;
    if (prev_tag == 'O' && (tag == 'I' || tag == 'E'))
        return 1;
    if (prev_tag == 'E' && (tag == 'E' || tag == 'I'))
        return 1;
    return tag != 'O' && prev_type != type;
}

/* Converts the parsed tags of one sentence to BILOU labels. */
static void tags_to_bilou(const char *prefix, const int *type, size_t n, uint8_t *labels)
{
    char prev_tag = 'O';
    int prev_type = -1;
    size_t start = 0;
    int open = 0;
    for (size_t i = 0; i <= n; i++) {
        char tag = i < n ? prefix[i] : 'O';
        int ty = i < n ? type[i] : -1;
        if (open && chunk_end(prev_tag, tag, prev_type, ty)) {
            size_t len = i - start;
            for (size_t k = start; k < i; k++)
                labels[k] = (uint8_t)fl_ner_label(prev_type, len == 1 ? FL_NER_U : k == start ? FL_NER_B
                                                                     : k + 1 == i ? FL_NER_L : FL_NER_I);
            open = 0;
        }
        if (i < n && chunk_start(prev_tag, tag, prev_type, ty)) {
            start = i;
            open = 1;
        }
        if (i < n && !open)
            labels[i] = 0;
        prev_tag = tag;
        prev_type = ty;
    }
}

void fl_conll_free(fl_conll *c)
{
    free(c->data);
    free(c->lines);
    free(c->line_token);
    free(c->tokens);
    free(c->gold);
    free(c->doc_start);
    memset(c, 0, sizeof *c);
}

fl_status fl_conll_read(const char *path, fl_conll *c, char *err, size_t err_size)
{
    memset(c, 0, sizeof *c);
    size_t len;
    if (!(c->data = read_all(path, &len, err, err_size)))
        return FL_ERR_IO;
    size_t max_lines = 1;
    for (size_t i = 0; i < len; i++)
        max_lines += c->data[i] == '\n';
    c->lines = malloc(max_lines * sizeof *c->lines);
    c->line_token = malloc(max_lines * sizeof *c->line_token);
    c->tokens = malloc(max_lines * sizeof *c->tokens);
    c->gold = malloc(max_lines);
    c->doc_start = malloc((max_lines + 1) * sizeof *c->doc_start);
    char *prefix = malloc(max_lines);
    int *type = malloc(max_lines * sizeof *type);
    if (!c->lines || !c->line_token || !c->tokens || !c->gold || !c->doc_start || !prefix || !type) {
        snprintf(err, err_size, "%s: out of memory", path);
        goto fail;
    }
    size_t columns = 0, columns_line = 0, sentence_begin = 0;
    int new_sentence = 1;
    char *s = c->data, *end = c->data + len;
    while (s < end) {
        char *nl = memchr(s, '\n', (size_t)(end - s));
        char *e = nl ? nl : end;
        if (e > s && e[-1] == '\r')
            e[-1] = 0;
        *e = 0;
        size_t lineno = c->line_count + 1;
        c->lines[c->line_count] = s;
        c->line_token[c->line_count] = -1;
        c->line_count++;
        const char *first_end, *last = NULL;
        size_t last_len = 0;
        size_t nf = fields(s, &first_end, &last, &last_len);
        s = nl ? nl + 1 : end;
        if (nf == 0 || !strncmp(c->lines[lineno - 1] + strspn(c->lines[lineno - 1], " \t"), "-DOCSTART-", 10)) {
            if (c->count > sentence_begin && c->has_gold)
                tags_to_bilou(prefix + sentence_begin, type + sentence_begin, c->count - sentence_begin,
                              c->gold + sentence_begin);
            sentence_begin = c->count;
            new_sentence = 1;
            if (nf && (c->doc_count == 0 || c->doc_start[c->doc_count - 1] != c->count))
                c->doc_start[c->doc_count++] = c->count;
            continue;
        }
        if (!columns) {
            columns = nf;
            columns_line = lineno;
            int t;
            char p;
            c->has_gold = nf >= 2 && fl_conll_parse_tag(last, last_len, &t, &p);
        } else if (nf != columns) {
            snprintf(err, err_size, "%s:%zu: expected %zu column%s like line %zu, found %zu", path, lineno, columns, columns == 1 ? "" : "s",
                     columns_line, nf);
            goto fail;
        }
        if (c->count == 0 && c->doc_count == 0)
            c->doc_start[c->doc_count++] = 0;
        size_t i = c->count++;
        const char *word = c->lines[lineno - 1] + strspn(c->lines[lineno - 1], " \t");
        c->tokens[i].text = word;
        c->tokens[i].len = (uint32_t)(first_end - word);
        c->tokens[i].sentence_start = (uint32_t)new_sentence;
        new_sentence = 0;
        c->line_token[lineno - 1] = (int32_t)i;
        c->gold[i] = 0;
        if (c->has_gold && !fl_conll_parse_tag(last, last_len, &type[i], &prefix[i])) {
            snprintf(err, err_size, "%s:%zu: '%.*s' is not a CoNLL tag (O, or B- or I- with PER, ORG, LOC, MISC)",
                     path, lineno, (int)(last_len > 40 ? 40 : last_len), last);
            goto fail;
        }
    }
    if (c->count > sentence_begin && c->has_gold)
        tags_to_bilou(prefix + sentence_begin, type + sentence_begin, c->count - sentence_begin, c->gold + sentence_begin);
    if (c->doc_count && c->doc_start[c->doc_count - 1] == c->count)
        c->doc_count--;
    c->doc_start[c->doc_count] = c->count;
    if (!c->count) {
        snprintf(err, err_size, "%s: no tokens (expected lines 'token POS chunk tag')", path);
        goto fail;
    }
    free(prefix);
    free(type);
    return FL_OK;
fail:
    free(prefix);
    free(type);
    fl_conll_free(c);
    return FL_ERR_FORMAT;
}

/* ---- Tagging a file ---- */

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

fl_status fl_ner_tag_conll(const fl_ner_model *m, const char *path, FILE *out, char *err, size_t err_size)
{
    return fl_ner_tag_conll_timed(m, path, out, NULL, err, err_size);
}

fl_status fl_ner_tag_conll_timed(const fl_ner_model *m, const char *path, FILE *out, fl_ner_timing *timing,
                                 char *err, size_t err_size)
{
    fl_conll c;
    fl_status st = fl_conll_read(path, &c, err, err_size);
    if (st != FL_OK)
        return st;
    uint8_t *labels = malloc(c.count);
    fl_ner_work w;
    fl_ner_work_init(&w);
    if (!labels) {
        snprintf(err, err_size, "%s: out of memory", path);
        fl_conll_free(&c);
        return FL_ERR_NOMEM;
    }
    double t0 = now_seconds(), spent = 0;
    do {
        for (size_t d = 0; d < c.doc_count; d++) {
            size_t a = c.doc_start[d], b = c.doc_start[d + 1];
            if (!fl_ner_tag(m, c.tokens + a, b - a, &w, labels + a)) {
                snprintf(err, err_size, "%s: out of memory", path);
                st = FL_ERR_NOMEM;
                goto done;
            }
        }
        spent = now_seconds() - t0;
        if (timing)
            timing->tokens += c.count;
    } while (timing && spent < 1.0);
    if (timing)
        timing->seconds = spent;
    for (size_t i = 0; i < c.line_count; i++) {
        const char *line = c.lines[i];
        if (!line[strspn(line, " \t")]) {
            fputc('\n', out);
            continue;
        }
        int32_t t = c.line_token[i];
        int label = t < 0 ? 0 : labels[t];
        /* IOB1, as the CoNLL-2003 files: B- only where a chunk directly
         * follows another of the same type. */
        int prev = t > 0 && !c.tokens[t].sentence_start ? labels[t - 1] : 0;
        int starts = fl_ner_label_part(label) == FL_NER_B || fl_ner_label_part(label) == FL_NER_U;
        if (!label)
            fprintf(out, "%s O\n", line);
        else
            fprintf(out, "%s %c-%s\n", line, starts && prev && fl_ner_label_type(prev) == fl_ner_label_type(label) ? 'B' : 'I',
                    fl_ner_type_name(fl_ner_label_type(label)));
    }
    if (ferror(out)) {
        snprintf(err, err_size, "write error: %s", strerror(errno));
        st = FL_ERR_IO;
    }
done:
    fl_ner_work_free(&w);
    free(labels);
    fl_conll_free(&c);
    return st;
}

/* ---- Scoring ---- */

void fl_ner_score_prf(const fl_ner_type_score *s, double *precision, double *recall, double *f1)
{
    double p = s->found ? 100.0 * (double)s->correct / (double)s->found : 0;
    double r = s->gold ? 100.0 * (double)s->correct / (double)s->gold : 0;
    *precision = p;
    *recall = r;
    *f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static fl_ner_type_score *score_type(fl_ner_score *s, const char *name, size_t len)
{
    if (len >= sizeof s->types[0].type)
        len = sizeof s->types[0].type - 1;
    size_t i = 0;
    for (; i < s->type_count; i++) {
        int c = strncmp(s->types[i].type, name, len);
        if (c == 0 && s->types[i].type[len] == 0)
            return &s->types[i];
        if (c > 0 || (c == 0 && s->types[i].type[len] != 0))
            break;
    }
    if (s->type_count == sizeof s->types / sizeof s->types[0])
        return NULL;
    memmove(&s->types[i + 1], &s->types[i], (s->type_count - i) * sizeof s->types[0]);
    s->type_count++;
    memset(&s->types[i], 0, sizeof s->types[i]);
    memcpy(s->types[i].type, name, len);
    return &s->types[i];
}

void fl_ner_score_add(fl_ner_score *s, const uint8_t *gold, const uint8_t *pred, size_t n)
{
    /* Both sequences are valid BILOU, so a chunk is B..L or U. */
    size_t gold_start = 0, pred_start = 0;
    for (size_t i = 0; i < n; i++) {
        s->tokens++;
        s->correct_tags += gold[i] == pred[i];
        int gp = fl_ner_label_part(gold[i]), pp = fl_ner_label_part(pred[i]);
        if (gp == FL_NER_B || gp == FL_NER_U)
            gold_start = i;
        if (pp == FL_NER_B || pp == FL_NER_U)
            pred_start = i;
        int gold_ends = gp == FL_NER_L || gp == FL_NER_U, pred_ends = pp == FL_NER_L || pp == FL_NER_U;
        if (gold_ends) {
            const char *name = fl_ner_type_name(fl_ner_label_type(gold[i]));
            score_type(s, name, strlen(name))->gold++;
            s->total.gold++;
        }
        if (pred_ends) {
            const char *name = fl_ner_type_name(fl_ner_label_type(pred[i]));
            score_type(s, name, strlen(name))->found++;
            s->total.found++;
            if (gold_ends && gold_start == pred_start && gold[i] == pred[i]) {
                score_type(s, name, strlen(name))->correct++;
                s->total.correct++;
            }
        }
    }
}

/* Splits "B-PER" into prefix and type the way conlleval does: the text
 * before the first '-' is the tag, the rest the type. */
static void split_tag(const char *s, size_t len, char *tag, const char **type, size_t *type_len)
{
    const char *dash = memchr(s, '-', len);
    if (!dash) {
        *tag = len == 1 ? s[0] : '?';
        *type = s + len;
        *type_len = 0;
        return;
    }
    *tag = dash - s == 1 ? s[0] : '?';
    *type = dash + 1;
    *type_len = len - (size_t)(dash + 1 - s);
}

/* Type identity for chunk rules: an index into the score's type table. */
static int type_id(fl_ner_score *s, const char *type, size_t len)
{
    if (!len)
        return -1;
    fl_ner_type_score *t = score_type(s, type, len);
    return t ? (int)(t - s->types) : -2;
}

fl_status fl_ner_score_conll(const char *path, fl_ner_score *s, char *err, size_t err_size)
{
    memset(s, 0, sizeof *s);
    memcpy(s->total.type, "total", 6);
    size_t len;
    char *data = read_all(path, &len, err, err_size);
    if (!data)
        return FL_ERR_IO;
    /* Types are identified by name; since score_type keeps the table sorted
     * and inserting moves entries, chunk state holds names, not indexes. */
    char last_correct = 'O', last_guessed = 'O';
    char last_correct_type[16] = "", last_guessed_type[16] = "";
    int in_correct = 0;
    size_t columns = 0, lineno = 0;
    char *p = data, *end = data + len;
    fl_status st = FL_OK;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *e = nl ? nl : end;
        if (e > p && e[-1] == '\r')
            e[-1] = 0;
        *e = 0;
        lineno++;
        /* The last two fields: gold, then guess. */
        const char *f[2] = {NULL, NULL}, *first = NULL;
        size_t fl[2] = {0, 0}, first_len = 0;
        size_t nf = 0;
        for (char *q = p; *q;) {
            while (*q == ' ' || *q == '\t')
                q++;
            if (!*q)
                break;
            char *a = q;
            while (*q && *q != ' ' && *q != '\t')
                q++;
            f[0] = f[1];
            fl[0] = fl[1];
            f[1] = a;
            fl[1] = (size_t)(q - a);
            if (!nf) {
                first = a;
                first_len = (size_t)(q - a);
            }
            nf++;
        }
        p = nl ? nl + 1 : end;
        /* A blank line, or one whose first field is conlleval's boundary "-X-". */
        int boundary = nf == 0 || (first_len == 3 && !memcmp(first, "-X-", 3));
        if (!boundary) {
            if (!columns)
                columns = nf;
            if (nf != columns || nf < 2) {
                snprintf(err, err_size, "%s:%zu: expected %zu columns (at least 2: gold and predicted tag), found %zu",
                         path, lineno, columns < 2 ? 2 : columns, nf);
                st = FL_ERR_FORMAT;
                break;
            }
        }
        char correct = 'O', guessed = 'O';
        const char *ct = "", *gt = "";
        size_t ctl = 0, gtl = 0;
        if (!boundary) {
            split_tag(f[0], fl[0], &correct, &ct, &ctl);
            split_tag(f[1], fl[1], &guessed, &gt, &gtl);
            if (correct == '?' || guessed == '?' || ctl >= 16 || gtl >= 16) {
                snprintf(err, err_size, "%s:%zu: '%.*s' / '%.*s' are not tags (O, B-TYPE, I-TYPE, E-TYPE)", path,
                         lineno, (int)(fl[0] > 20 ? 20 : fl[0]), f[0], (int)(fl[1] > 20 ? 20 : fl[1]), f[1]);
                st = FL_ERR_FORMAT;
                break;
            }
        }
        char correct_type[16], guessed_type[16];
        memcpy(correct_type, ct, ctl);
        correct_type[ctl] = 0;
        memcpy(guessed_type, gt, gtl);
        guessed_type[gtl] = 0;
        /* Compare types by name: equal names give equal ids. */
        int lct = type_id(s, last_correct_type, strlen(last_correct_type));
        int lgt = type_id(s, last_guessed_type, strlen(last_guessed_type));
        int cty = type_id(s, correct_type, ctl), gty = type_id(s, guessed_type, gtl);
        if (lct == -2 || lgt == -2 || cty == -2 || gty == -2) {
            snprintf(err, err_size, "%s:%zu: more than 16 entity types", path, lineno);
            st = FL_ERR_FORMAT;
            break;
        }
        /* Ids may have shifted by the insertions above; recompute all four. */
        lct = type_id(s, last_correct_type, strlen(last_correct_type));
        lgt = type_id(s, last_guessed_type, strlen(last_guessed_type));
        cty = type_id(s, correct_type, ctl);
        gty = type_id(s, guessed_type, gtl);
        int ce = chunk_end(last_correct, correct, lct, cty), ge = chunk_end(last_guessed, guessed, lgt, gty);
        if (in_correct) {
            if (ce && ge && lgt == lct) {
                in_correct = 0;
                s->total.correct++;
                s->types[lct].correct++;
            } else if (ce != ge || gty != cty) {
                in_correct = 0;
            }
        }
        int cs = chunk_start(last_correct, correct, lct, cty), gs = chunk_start(last_guessed, guessed, lgt, gty);
        if (cs && gs && gty == cty)
            in_correct = 1;
        if (cs) {
            s->total.gold++;
            if (cty >= 0)
                s->types[cty].gold++;
        }
        if (gs) {
            s->total.found++;
            if (gty >= 0)
                s->types[gty].found++;
        }
        if (!boundary) {
            s->tokens++;
            s->correct_tags += correct == guessed && cty == gty;
        }
        last_correct = correct;
        last_guessed = guessed;
        memcpy(last_correct_type, correct_type, sizeof correct_type);
        memcpy(last_guessed_type, guessed_type, sizeof guessed_type);
    }
    if (st == FL_OK && in_correct) {
        int lct = type_id(s, last_correct_type, strlen(last_correct_type));
        s->total.correct++;
        if (lct >= 0)
            s->types[lct].correct++;
    }
    free(data);
    return st;
}
