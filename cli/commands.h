/*
 * commands.h — the subcommands of the `factline` tool. Each lives in its own
 * cli/cmd_*.c file, parses its arguments, calls the library and prints.
 * Exit codes: 0 all good, 1 some input rejected, 2 usage or I/O error.
 */
#ifndef FL_CLI_COMMANDS_H
#define FL_CLI_COMMANDS_H

#include <stdio.h>

#include "factline.h"

typedef struct fl_command {
    const char *name;
    int (*run)(int argc, char **argv); /* argv[0] is the command name */
    const char *summary;
} fl_command;

int cmd_extract(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_entity(int argc, char **argv);
int cmd_quotes(int argc, char **argv);
int cmd_timeline(int argc, char **argv);
int cmd_disagree(int argc, char **argv);
int cmd_article(int argc, char **argv);
int cmd_serve(int argc, char **argv);

/* Prints a result as "table", "json" or "csv"; 0 for an unknown format. */
int cli_print_result(const fl_result *r, const char *format, FILE *out);

/* Reads every file ("-" is standard input) with r and hands each article's
 * JSON to sink in input order, extracting on `jobs` threads (1: this
 * thread; 0: all cores). Returns 0, or 2 after an I/O or memory error
 * (already reported). The sink returns 0 to stop. */
int cli_process_files(char **files, int nfiles, fl_reader *r, const fl_extractor *ex, const fl_json_options *jo,
                      unsigned jobs, fl_pipeline_fn sink, void *user);

/* The database path when --db is not given. */
#define CLI_DEFAULT_DB "factline.db"
int cmd_ner(int argc, char **argv);       /* cmd_ner.c */
int cmd_train(int argc, char **argv);     /* cmd_train.c: train WHAT */
int cmd_eval(int argc, char **argv);      /* cmd_eval.c: eval WHAT */
int cmd_train_ner(int argc, char **argv); /* cmd_ner.c */
int cmd_train_attrib(int argc, char **argv); /* cmd_train_attrib.c (quote layer) */
int cmd_eval_ner(int argc, char **argv);  /* cmd_ner.c */
int cmd_timeml(int argc, char **argv);
int cmd_eval_timex(int argc, char **argv);
int cmd_attrib(int argc, char **argv);
int cmd_eval_attrib(int argc, char **argv); /* `eval attrib`, in cmd_attrib.c */
int cmd_eval_quotes(int argc, char **argv); /* `eval quotes`, in cmd_attrib.c */
int cmd_eval_figures(int argc, char **argv); /* eval task, cli/cmd_figures.c */

/* Shared by commands that read articles: prints a diagnostic to stderr as
 * "factline: FILE:LINE: article N, byte OFFSET: SEVERITY: message".
 * `user` may point to an int that, when non-zero, silences warnings. */
void cli_print_diag(const fl_diag *d, void *user);

/* What every command that reads articles takes: reader options, worker
 * threads (-j N, 0 = all cores), -q, and the files (standard input when
 * none is given). */
typedef struct cli_input {
    fl_reader_options reader;
    int jobs;
    int quiet;
    char **files;
    int nfiles;
} cli_input;

void cli_input_init(cli_input *in);

/* Looks at argv[*i]: 1 if it is one of the shared options (--format, --date,
 * --max-record, -j, -q/--quiet; *i is moved past its value), 2 if it starts
 * the file list ("--", "-" or a name; in->files is set), 0 if it is none of
 * these, -1 if its value is wrong (message printed). */
int cli_input_option(int argc, char **argv, int *i, cli_input *in, const char *command);

/* Parses a size such as 8388608, 8M, 512k; returns 0 on error. */
size_t cli_parse_size(const char *s);

#endif
