/*
 * main.c — the `factline` command: dispatches to a subcommand.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"

static const fl_command commands[] = {
    {"extract", cmd_extract, "extract facts from articles, one JSON object per article"},
    {"ingest", cmd_ingest, "extract and store articles in a database (default ./" CLI_DEFAULT_DB ")"},
    {"serve", cmd_serve, "the JSON API and the page over HTTP (--db PATH --port N --bind ADDR)"},
    {"search", cmd_search, "full-text search of stored articles and quotes"},
    {"entity", cmd_entity, "an entity: aliases, mentions per day, co-occurring entities, quotes, claims"},
    {"quotes", cmd_quotes, "everything a person was quoted saying (--speaker NAME)"},
    {"timeline", cmd_timeline, "a figure series by date and source (--category killed ...)"},
    {"disagree", cmd_disagree, "figures that cannot both be true; cumulative series that go down"},
    {"article", cmd_article, "one stored article with all its facts"},
    {"ner", cmd_ner, "tag named entities in a CoNLL-2003 file"},
    {"train", cmd_train, "rebuild a model (train ner)"},
    {"eval", cmd_eval, "score output against reference data (eval ner, eval timex, ...)"},
    {"timeml", cmd_timeml, "re-annotate TimeML documents with factline's time expressions"},
    {"attrib", cmd_attrib, "attributions of PolNeAR articles, offsets in code points"},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: factline COMMAND [OPTIONS] [FILE...]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n`factline COMMAND --help` describes a command. factline %s\n", fl_version());
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
