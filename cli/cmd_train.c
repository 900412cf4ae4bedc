/*
 * cmd_train.c — `factline train WHAT ...`: rebuilds a model. Each model's
 * trainer lives with its commands (ner: cmd_ner.c).
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"

static const fl_command trainers[] = {
    {"ner", cmd_train_ner, "the named-entity tagger (models/ner.model)"},
    {"attrib", cmd_train_attrib, "the attribution cue detector (models/attrib.model)"},
};

int cmd_train(int argc, char **argv)
{
    for (size_t i = 0; argc > 1 && i < sizeof trainers / sizeof trainers[0]; i++)
        if (!strcmp(argv[1], trainers[i].name))
            return trainers[i].run(argc - 1, argv + 1);
    FILE *out = argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) ? stdout : stderr;
    fprintf(out, "usage: factline train WHAT [OPTIONS]\n\nwhat:\n");
    for (size_t i = 0; i < sizeof trainers / sizeof trainers[0]; i++)
        fprintf(out, "  %-10s %s\n", trainers[i].name, trainers[i].summary);
    return out == stdout ? 0 : 2;
}
