/*
 * reader_options.c — the options every command that reads articles shares
 * (--format, --date, --max-record), and the diagnostic printer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

static int reader_option(int argc, char **argv, int *i, fl_reader_options *ro, const char *command)
{
    const char *a = argv[*i];
    if (*i + 1 >= argc)
        return 0;
    if (!strcmp(a, "--format")) {
        const char *f = argv[++*i];
        static const struct {
            const char *name;
            fl_format format;
        } formats[] = {{"auto", FL_FORMAT_AUTO}, {"native", FL_FORMAT_NATIVE}, {"jsonl", FL_FORMAT_JSONL},
                       {"plain", FL_FORMAT_PLAIN}};
        for (size_t k = 0; k < sizeof formats / sizeof formats[0]; k++) {
            if (!strcmp(f, formats[k].name)) {
                ro->format = formats[k].format;
                return 1;
            }
        }
        fprintf(stderr, "factline %s: unknown format '%s' (auto, native, jsonl, plain)\n", command, f);
        return -1;
    }
    if (!strcmp(a, "--date")) {
        ro->default_date = argv[++*i];
        int y, m, d;
        if (!fl_date_parse(ro->default_date, strlen(ro->default_date), &y, &m, &d)) {
            fprintf(stderr, "factline %s: --date '%s' is not a valid YYYY-MM-DD date\n", command, ro->default_date);
            return -1;
        }
        return 1;
    }
    if (!strcmp(a, "--max-record")) {
        ro->max_record = cli_parse_size(argv[++*i]);
        if (!ro->max_record) {
            fprintf(stderr, "factline %s: --max-record '%s' is not a size\n", command, argv[*i]);
            return -1;
        }
        return 1;
    }
    return 0;
}

void cli_print_diag(const fl_diag *d, void *user)
{
    const int *quiet = user;
    if (quiet && *quiet && d->severity == FL_WARNING)
        return;
    const char *sev = d->severity == FL_WARNING ? "warning" : d->severity == FL_REJECTED ? "rejected" : "error";
    fprintf(stderr, "factline: %s:%llu: article %llu, byte %llu: %s: %s\n", d->file, (unsigned long long)d->line,
            (unsigned long long)d->article, (unsigned long long)d->offset, sev, d->message);
}

size_t cli_parse_size(const char *s)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s)
        return 0;
    unsigned long long mult = 1;
    if (*end == 'k' || *end == 'K')
        mult = 1024, end++;
    else if (*end == 'm' || *end == 'M')
        mult = 1024 * 1024, end++;
    else if (*end == 'g' || *end == 'G')
        mult = 1024ULL * 1024 * 1024, end++;
    if (*end || v == 0 || v > (1ULL << 40) / mult)
        return 0;
    return (size_t)(v * mult);
}

/* The file list when none is given. */
static char *stdin_only[] = {"-"};

void cli_input_init(cli_input *in)
{
    memset(in, 0, sizeof *in);
    in->files = stdin_only;
    in->nfiles = 1;
    fl_reader_options_init(&in->reader);
    in->reader.on_diag = cli_print_diag;
    in->reader.user = &in->quiet;
}

int cli_input_option(int argc, char **argv, int *i, cli_input *in, const char *command)
{
    const char *a = argv[*i];
    if (!strcmp(a, "--") || a[0] != '-' || !strcmp(a, "-")) {
        int first = !strcmp(a, "--") ? *i + 1 : *i;
        in->files = first < argc ? argv + first : stdin_only;
        in->nfiles = first < argc ? argc - first : 1;
        return 2;
    }
    if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
        in->quiet = 1;
        return 1;
    }
    if (!strcmp(a, "-j") && *i + 1 < argc) {
        char *end;
        long v = strtol(argv[++*i], &end, 10);
        if (*end || end == argv[*i] || v < 0 || v > 256) {
            fprintf(stderr, "factline %s: -j takes a number of threads from 0 (all cores) to 256\n", command);
            return -1;
        }
        in->jobs = (int)v;
        return 1;
    }
    return reader_option(argc, argv, i, &in->reader, command);
}
