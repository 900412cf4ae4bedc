/*
 * cmd_extract.c — `factline extract [OPTIONS] [FILE...]`: reads articles and
 * writes one JSON object per article (JSON Lines) to standard output.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"

static void extract_usage(FILE *out)
{
    fprintf(out,
            "usage: factline extract [OPTIONS] [FILE...]\n"
            "Reads articles (native `date YYYY-MM-DD headline` format, JSON Lines, or plain\n"
            "text with --date) from each FILE, or standard input when there is none or\n"
            "FILE is '-', and writes one JSON object per article. Schema: docs/schema.md.\n\n"
            "options:\n"
            "  --format F       auto (default), native, jsonl or plain\n"
            "  --date D         publication date YYYY-MM-DD for plain text\n"
            "  --max-record N   largest accepted article in bytes (default 8M; k, M, G suffixes)\n"
            "  --tokens         include paragraph, sentence and token spans\n"
            "  --text           include the article text the spans point into\n"
            "  -j N             extract on N threads (default 0: all cores), output in input order\n"
            "  -o FILE          write to FILE instead of standard output\n"
            "  -q, --quiet      do not report warnings (rejections are still reported)\n\n"
            "exit status: 0 all good, 1 some articles rejected, 2 usage or I/O error\n");
}

typedef struct write_state {
    FILE *out;
    int failed;
} write_state;

static int write_json(const fl_article *a, const char *json, size_t len, fl_status st, void *user)
{
    write_state *ws = user;
    if (st != FL_OK) {
        fprintf(stderr, "factline: %s: article %llu: out of memory\n", a->file, (unsigned long long)a->number);
        ws->failed = 1;
        return 1;
    }
    if (fwrite(json, 1, len, ws->out) != len) {
        fprintf(stderr, "factline extract: write error: %s\n", strerror(errno));
        ws->failed = 1;
        return 0;
    }
    return 1;
}

int cmd_extract(int argc, char **argv)
{
    cli_input in;
    cli_input_init(&in);
    fl_json_options jo = {0, 0};
    const char *out_path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int shared = cli_input_option(argc, argv, &i, &in, "extract");
        if (shared < 0)
            return 2;
        if (shared == 2)
            break;
        if (shared == 1)
            continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            extract_usage(stdout);
            return 0;
        } else if (!strcmp(a, "--tokens")) {
            jo.tokens = 1;
        } else if (!strcmp(a, "--text")) {
            jo.text = 1;
        } else if (i + 1 < argc && !strcmp(a, "-o")) {
            out_path = argv[++i];
        } else {
            fprintf(stderr, "factline extract: unknown or incomplete option '%s'\n", a);
            extract_usage(stderr);
            return 2;
        }
    }
    FILE *out = stdout;
    if (out_path && !(out = fopen(out_path, "wb"))) {
        fprintf(stderr, "factline extract: cannot write %s: %s\n", out_path, strerror(errno));
        return 2;
    }
    const char *why = NULL;
    fl_extractor *ex = fl_extractor_new(NULL, &why);
    if (!ex) {
        fprintf(stderr, "factline extract: cannot load models: %s\n", why ? why : "unknown error");
        if (out != stdout)
            fclose(out);
        return 2;
    }
    fl_reader *r = fl_reader_new(&in.reader);
    int status = 0;
    if (!r) {
        fprintf(stderr, "factline extract: out of memory\n");
        status = 2;
        goto done;
    }
    write_state ws = {out, 0};
    status = cli_process_files(in.files, in.nfiles, r, ex, &jo, (unsigned)in.jobs, write_json, &ws);
    if (ws.failed)
        status = 2;
    fl_reader_stats stats;
    fl_reader_get_stats(r, &stats);
    if (stats.rejected && status == 0)
        status = 1;
    if (fflush(out) != 0 || ferror(out)) {
        fprintf(stderr, "factline extract: write error: %s\n", strerror(errno));
        status = 2;
    }
done:
    if (out != stdout)
        fclose(out);
    fl_reader_free(r);
    fl_extractor_free(ex);
    return status;
}
