/*
 * main.c — the `factline` command: dispatches to a subcommand.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

static const fl_command commands[] = {
    {"extract", cmd_extract, "extract facts from articles, one JSON object per article"},
    {"eval", cmd_eval, "score a layer against gold annotations (eval figures GOLD.jsonl)"},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: factline COMMAND [OPTIONS] [FILE...]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n`factline COMMAND --help` describes a command. factline %s\n", fl_version());
}

void cli_print_diag(const fl_diag *d, void *user)
{
    (void)user;
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

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("factline %s\n", fl_version());
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "factline: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
