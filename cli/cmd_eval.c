/*
 * cmd_eval.c — `factline eval TASK GOLD.jsonl`: scores one extraction layer
 * against hand-annotated gold data. Each task lives in its own cmd_*.c file;
 * this file only dispatches on the task name through the table below.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"

static const fl_command eval_tasks[] = {
    {"figures", cmd_eval_figures, "figures: P/R/F1 for value, value+category, all fields"},
};

static void eval_usage(FILE *out)
{
    fprintf(out, "usage: factline eval TASK [OPTIONS] GOLD.jsonl\n\ntasks:\n");
    for (size_t i = 0; i < sizeof eval_tasks / sizeof eval_tasks[0]; i++)
        fprintf(out, "  %-10s %s\n", eval_tasks[i].name, eval_tasks[i].summary);
    fprintf(out, "\n`factline eval TASK --help` describes a task.\n");
}

int cmd_eval(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        eval_usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    for (size_t i = 0; i < sizeof eval_tasks / sizeof eval_tasks[0]; i++)
        if (!strcmp(argv[1], eval_tasks[i].name))
            return eval_tasks[i].run(argc - 1, argv + 1);
    fprintf(stderr, "factline eval: unknown task '%s'\n", argv[1]);
    eval_usage(stderr);
    return 2;
}
