/*
 * cmd_eval.c — `factline eval WHAT ...`: accuracy against data written by
 * others, one subcommand per layer, found in the table below (each lives in
 * its own cli/cmd_eval_*.c file). Not for: the scoring itself (src/).
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"

static const fl_command evaluations[] = {
    {"ner", cmd_eval_ner, "entities in CoNLL format, as conlleval scores them"},
    {"timex", cmd_eval_timex, "time expressions against TimeML (TempEval-3 Task A)"},
    {"attrib", cmd_eval_attrib, "attributions against PolNeAR (FILE.jsonl)"},
    {"quotes", cmd_eval_quotes, "direct quotes and speakers against eval/quotes-dev.jsonl"},
    {"figures", cmd_eval_figures, "figures: P/R/F1 for value, value+category, all fields"},
};

static void eval_usage(FILE *out)
{
    fprintf(out, "usage: factline eval WHAT [OPTIONS] ...\n\nwhat:\n");
    for (size_t i = 0; i < sizeof evaluations / sizeof evaluations[0]; i++)
        fprintf(out, "  %-10s %s\n", evaluations[i].name, evaluations[i].summary);
    fprintf(out, "\n`factline eval WHAT --help` describes one.\n");
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
    fprintf(stderr, "factline eval: unknown evaluation '%s'\n", argv[1]);
    eval_usage(stderr);
    return 2;
}
