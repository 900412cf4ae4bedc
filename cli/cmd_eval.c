/*
 * cmd_eval.c — `factline eval WHAT FILE`: scores a layer's output against
 * data written by others. Each scorer's printing lives with its commands
 * (ner: cmd_ner.c).
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"

static const fl_command scorers[] = {
    {"ner", cmd_eval_ner, "entities in CoNLL format, as conlleval scores them"},
};

int cmd_eval(int argc, char **argv)
{
    for (size_t i = 0; argc > 1 && i < sizeof scorers / sizeof scorers[0]; i++)
        if (!strcmp(argv[1], scorers[i].name))
            return scorers[i].run(argc - 1, argv + 1);
    FILE *out = argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) ? stdout : stderr;
    fprintf(out, "usage: factline eval WHAT FILE\n\nwhat:\n");
    for (size_t i = 0; i < sizeof scorers / sizeof scorers[0]; i++)
        fprintf(out, "  %-10s %s\n", scorers[i].name, scorers[i].summary);
    return out == stdout ? 0 : 2;
}
