/*
 * ner_lexicon.c — builds the model's two lexicons at training time from the
 * shared data: the gazetteer (GeoNames countries, capitals, cities of 15,000+
 * people, first-level regions; world leaders from Wikidata and Wikipedia) and
 * the casing lexicon (how each word is usually written mid-sentence in
 * unlabeled news). Both are stored in the model file as hashes, so tagging
 * needs no data directory. Not for: using them (ner_features.c).
 *
 * Phrases are tokenized with the foundation tokenizer, so "St. John's" is
 * stored as the tokens the tagger will see ("St." "John" "'s").
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner/ner.h"
#include "ner/ner_lexicon.h"
#include "text/doc.h"
#include "text/tokenizer.h"

/* Adds one phrase with kind bits; phrases of more tokens than the tagger
 * looks at are skipped. */
static int add_phrase(fl_ner_model *m, fl_token_array *toks, const char *s, size_t len, uint32_t kind)
{
    if (len == 0 || len > 200)
        return 1;
    toks->count = 0;
    if (!fl_tokenize(s, 0, len, toks))
        return 0;
    size_t n = toks->count;
    if (!n || n > FL_NER_GAZ_MAX_TOKENS)
        return 1;
    /* A name starts with a capital letter; skip codes and noise. */
    if (fl_ner_case_of(s + toks->tokens[0].start, toks->tokens[0].end - toks->tokens[0].start) == FL_CASE_LOWER)
        return 1;
    const char *words[FL_NER_GAZ_MAX_TOKENS];
    size_t lens[FL_NER_GAZ_MAX_TOKENS];
    for (size_t i = 0; i < n; i++) {
        words[i] = s + toks->tokens[i].start;
        lens[i] = toks->tokens[i].end - toks->tokens[i].start;
    }
    uint64_t h = fl_ner_phrase_hash(words, lens, n);
    uint32_t *old = fl_ner_table_find(&m->gazetteer, h);
    return fl_ner_table_put(&m->gazetteer, h, (old ? *old : 0) | kind);
}

/* Returns field `col` (0-based) of a tab-separated line, or NULL. */
static const char *tsv_field(const char *line, int col, size_t *len)
{
    for (int c = 0; c < col; c++) {
        line = strchr(line, '\t');
        if (!line)
            return NULL;
        line++;
    }
    const char *e = strchr(line, '\t');
    *len = e ? (size_t)(e - line) : strlen(line);
    return line;
}

/* Returns CSV field `col` of a line (quotes removed; a quoted field with
 * doubled quotes is returned with them, harmless for names). */
static const char *csv_field(const char *line, int col, size_t *len)
{
    const char *p = line;
    for (int c = 0;; c++) {
        const char *start = p, *end;
        if (*p == '"') {
            start = ++p;
            while (*p && !(*p == '"' && p[1] != '"'))
                p += *p == '"' ? 2 : 1;
            end = p;
            if (*p == '"')
                p++;
        } else {
            while (*p && *p != ',')
                p++;
            end = p;
        }
        if (c == col) {
            *len = (size_t)(end - start);
            return start;
        }
        if (*p != ',')
            return NULL;
        p++;
    }
}

typedef struct gazetteer_source {
    const char *file;
    int csv;
    int skip_comments; /* lines starting with '#' are skipped */
    int columns[2];    /* -1: none */
    uint32_t kind;
} gazetteer_source;

/* The gazetteer files and the columns that hold names. */
static const gazetteer_source gazetteer_sources[] = {
    {"gazetteers/countryInfo.tsv", 0, 1, {4, -1}, FL_NER_GAZ_COUNTRY},
    {"gazetteers/countryInfo.tsv", 0, 1, {5, -1}, FL_NER_GAZ_CITY},
    {"gazetteers/cities15000.txt", 0, 0, {1, 2}, FL_NER_GAZ_CITY},
    {"gazetteers/regionInfo.tsv", 0, 1, {1, 2}, FL_NER_GAZ_REGION},
    {"gazetteers/world_leaders_wikidata.csv", 1, 0, {5, -1}, FL_NER_GAZ_PERSON},
    {"gazetteers/world_leaders_wikipedia.csv", 1, 0, {5, -1}, FL_NER_GAZ_PERSON},
};

int fl_ner_lexicon_gazetteer(fl_ner_model *m, const char *data_dir, char *err, size_t err_size)
{
    fl_token_array toks = {0};
    char path[4096];
    char *line = NULL;
    size_t cap = 0;
    int ok = 1;
    for (size_t s = 0; ok && s < sizeof gazetteer_sources / sizeof gazetteer_sources[0]; s++) {
        const gazetteer_source *src = &gazetteer_sources[s];
        snprintf(path, sizeof path, "%s/%s", data_dir, src->file);
        FILE *f = fopen(path, "rb");
        if (!f) {
            snprintf(err, err_size, "%s: cannot open: %s", path, strerror(errno));
            ok = 0;
            break;
        }
        ssize_t got;
        int first = 1;
        while (ok && (got = getline(&line, &cap, f)) >= 0) {
            while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
                line[--got] = 0;
            if ((src->skip_comments && line[0] == '#') || (src->csv && first)) {
                first = 0;
                continue;
            }
            first = 0;
            for (int c = 0; ok && c < 2 && src->columns[c] >= 0; c++) {
                size_t len;
                const char *v = src->csv ? csv_field(line, src->columns[c], &len) : tsv_field(line, src->columns[c], &len);
                if (v && !(ok = add_phrase(m, &toks, v, len, src->kind)))
                    snprintf(err, err_size, "out of memory");
            }
        }
        fclose(f);
    }
    /* The country variants of the alias table are countries too. */
    for (size_t i = 0; ok; i++) {
        const char *v = fl_ner_country_variant(i);
        if (!v)
            break;
        if (!(ok = add_phrase(m, &toks, v, strlen(v), FL_NER_GAZ_COUNTRY)))
            snprintf(err, err_size, "out of memory");
    }
    free(line);
    free(toks.tokens);
    return ok;
}

/* ---- Casing ---- */

static int count_word(fl_ner_table *counts, const char *s, size_t len)
{
    int c = fl_ner_case_of(s, len);
    if (c == FL_CASE_NONE)
        return 1;
    uint64_t h = fl_ner_mix(fl_ner_hash_lower(s, len));
    uint32_t *v = fl_ner_table_find(counts, h);
    uint32_t packed = v ? *v : 0;
    /* Four 8-bit saturating counters: lower, cap, upper, mixed. */
    int shift = 8 * (c - FL_CASE_LOWER);
    if (((packed >> shift) & 0xFF) != 0xFF)
        packed += 1u << shift;
    if (v) {
        *v = packed;
        return 1;
    }
    return fl_ner_table_put(counts, h, packed);
}

int fl_ner_lexicon_count_text(fl_ner_table *counts, const fl_ner_token *t, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        if (t[i].sentence_start)
            continue;
        if (t[i - 1].len == 1 && (t[i - 1].text[0] == '"' || t[i - 1].text[0] == ':'))
            continue;
        if (!count_word(counts, t[i].text, t[i].len))
            return 0;
    }
    return 1;
}

/* News files in the native format used for the casing lexicon. */
static const char *const casing_sources[] = {
    "news/reuters21578.txt",
    "news/bbc_israel_gaza_2023-10-07_2023-10-29.txt",
    "news/bbc_israel_gaza_livefeed_2023-12.txt",
    "news/bbc_israel_gaza_preprocessed_2023-12_2024-07.txt",
};

int fl_ner_lexicon_count_news(fl_ner_table *counts, fl_ner_corpus *corpus, const char *data_dir, size_t *words,
                              char *err, size_t err_size)
{
    fl_reader_options ro;
    fl_reader_options_init(&ro);
    ro.format = FL_FORMAT_NATIVE;
    fl_reader *r = fl_reader_new(&ro);
    fl_doc *doc = fl_doc_new();
    int ok = r && doc;
    char path[4096];
    for (size_t s = 0; ok && s < sizeof casing_sources / sizeof casing_sources[0]; s++) {
        snprintf(path, sizeof path, "%s/%s", data_dir, casing_sources[s]);
        if (fl_reader_open(r, path) != FL_OK) {
            snprintf(err, err_size, "%s", fl_reader_error(r));
            ok = 0;
            break;
        }
        const fl_article *a;
        while (ok && fl_reader_next(r, &a) == FL_OK) {
            if (fl_doc_analyze(doc, a) != FL_OK) {
                ok = 0;
                break;
            }
            /* Body sentences only: headlines are upper or title case. */
            for (size_t si = 0; ok && si < doc->sentences.count; si++) {
                const fl_sentence *se = &doc->sentences.sentences[si];
                if (se->paragraph == 0)
                    continue;
                for (uint32_t ti = se->token_begin; corpus && ok && ti < se->token_end; ti++) {
                    const fl_token *tk = &doc->tokens.tokens[ti];
                    ok = fl_ner_corpus_add(corpus, doc->text + tk->start, tk->end - tk->start);
                }
                ok = ok && (!corpus || fl_ner_corpus_end_sentence(corpus));
                for (uint32_t ti = se->token_begin + 1; ok && ti < se->token_end; ti++) {
                    const fl_token *pt = &doc->tokens.tokens[ti - 1], *tk = &doc->tokens.tokens[ti];
                    if (pt->kind == FL_TOKEN_QUOTE || (pt->kind == FL_TOKEN_PUNCT && doc->text[pt->start] == ':'))
                        continue;
                    ok = count_word(counts, doc->text + tk->start, tk->end - tk->start);
                    (*words)++;
                }
            }
        }
        if (!ok)
            snprintf(err, err_size, "out of memory");
    }
    fl_doc_free(doc);
    fl_reader_free(r);
    return ok;
}

int fl_ner_lexicon_casing(fl_ner_model *m, const fl_ner_table *counts, unsigned min_count)
{
    for (size_t i = 0; counts->slots && i <= counts->mask; i++) {
        if (!counts->slots[i].key)
            continue;
        uint32_t v = counts->slots[i].value;
        unsigned c[4] = {v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF, (v >> 24) & 0xFF};
        unsigned total = c[0] + c[1] + c[2] + c[3];
        if (total < min_count)
            continue;
        int best = 0;
        for (int k = 1; k < 4; k++)
            if (c[k] > c[best])
                best = k;
        if (!fl_ner_table_put(&m->casing, counts->slots[i].key, (uint32_t)(FL_CASE_LOWER + best)))
            return 0;
    }
    return 1;
}
