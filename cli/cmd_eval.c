/*
 * cmd_eval.c — `factline eval NAME ...`: runs one of the scorers against
 * data written by others. Each scorer is a function in its own file; this
 * table is the only place that lists them.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"

static const fl_command evaluations[] = {
    {"attrib", cmd_eval_attrib, "attributions against PolNeAR (FILE.jsonl)"},
    {"quotes", cmd_eval_quotes, "direct quotes and speakers against eval/quotes-dev.jsonl"},
};

static void eval_usage(FILE *out)
{
    fprintf(out, "usage: factline eval NAME [OPTIONS] FILE...\n\nscorers:\n");
    for (size_t i = 0; i < sizeof evaluations / sizeof evaluations[0]; i++)
        fprintf(out, "  %-10s %s\n", evaluations[i].name, evaluations[i].summary);
}

int cmd_eval(int argc, char **argv)
{
    if (argc < 2) {
        eval_usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        eval_usage(stdout);
        return 0;
    }
    for (size_t i = 0; i < sizeof evaluations / sizeof evaluations[0]; i++)
        if (!strcmp(argv[1], evaluations[i].name))
            return evaluations[i].run(argc - 1, argv + 1);
    fprintf(stderr, "factline eval: unknown scorer '%s'\n", argv[1]);
    eval_usage(stderr);
    return 2;
}
