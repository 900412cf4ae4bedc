/*
 * commands.h — the subcommands of the `factline` tool. Each lives in its own
 * cli/cmd_*.c file, parses its arguments, calls the library and prints.
 * Exit codes: 0 all good, 1 some input rejected, 2 usage or I/O error.
 */
#ifndef FL_CLI_COMMANDS_H
#define FL_CLI_COMMANDS_H

#include "factline.h"

typedef struct fl_command {
    const char *name;
    int (*run)(int argc, char **argv); /* argv[0] is the command name */
    const char *summary;
} fl_command;

int cmd_extract(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_eval_figures(int argc, char **argv); /* eval task, cli/cmd_figures.c */

/* Shared by commands that read articles: prints a diagnostic to stderr as
 * "factline: FILE:LINE: article N, byte OFFSET: SEVERITY: message". */
void cli_print_diag(const fl_diag *d, void *user);

/* Parses a size such as 8388608, 8M, 512k; returns 0 on error. */
size_t cli_parse_size(const char *s);

#endif
