/*
 * cmd_query.c — the questions: `factline search|entity|quotes|timeline|
 * disagree|article`, each taking --db, --format table|json|csv, --from,
 * --to, --limit, --offset and the filters that apply to it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

typedef struct question {
    const char *name;
    fl_query_kind kind;
    const char *argument; /* what the positional argument is, or NULL */
    const char *filters;  /* the filter options it takes, for usage */
} question;

static const question questions[] = {
    {"search", FL_QUERY_SEARCH, "TERMS", "--source NAME --entity NAME"},
    {"entity", FL_QUERY_ENTITY, "NAME", ""},
    {"quotes", FL_QUERY_QUOTES, NULL, "--speaker NAME"},
    {"timeline", FL_QUERY_TIMELINE, NULL, "--category C --subject S --place P --source NAME"},
    {"disagree", FL_QUERY_DISAGREE, NULL, "--category C"},
    {"article", FL_QUERY_ARTICLE, "ID", ""},
};

static void usage(const question *q, FILE *out)
{
    fprintf(out,
            "usage: factline %s [--db PATH] [--format table|json|csv] [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
            "                [--limit N] [--offset N] %s%s%s\n"
            "database: ./" CLI_DEFAULT_DB " unless --db is given. Exit status: 0 answered, 2 error.\n",
            q->name, q->filters, q->argument ? " " : "", q->argument ? q->argument : "");
}

static int valid_date(const char *s)
{
    int y, m, d;
    return fl_date_parse(s, strlen(s), &y, &m, &d);
}

static int run_question(const question *qq, int argc, char **argv)
{
    fl_query q;
    memset(&q, 0, sizeof q);
    q.kind = qq->kind;
    const char *db = CLI_DEFAULT_DB, *format = "table";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **target = NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(qq, stdout);
            return 0;
        }
        if (a[0] != '-' || !strcmp(a, "--")) {
            if (!strcmp(a, "--") && i + 1 < argc)
                a = argv[++i];
            if (!qq->argument || q.text) {
                fprintf(stderr, "factline %s: unexpected argument '%s'\n", qq->name, a);
                usage(qq, stderr);
                return 2;
            }
            q.text = a;
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "factline %s: option %s needs a value\n", qq->name, a);
            return 2;
        }
        if (!strcmp(a, "--db"))
            target = &db;
        else if (!strcmp(a, "--format"))
            target = &format;
        else if (!strcmp(a, "--from"))
            target = &q.from;
        else if (!strcmp(a, "--to"))
            target = &q.to;
        else if (!strcmp(a, "--source"))
            target = &q.source;
        else if (!strcmp(a, "--entity"))
            target = &q.entity;
        else if (!strcmp(a, "--speaker") && qq->kind == FL_QUERY_QUOTES)
            target = &q.text;
        else if (!strcmp(a, "--category"))
            target = &q.category;
        else if (!strcmp(a, "--subject"))
            target = &q.subject;
        else if (!strcmp(a, "--place"))
            target = &q.place;
        else if (!strcmp(a, "--limit") || !strcmp(a, "--offset")) {
            char *end;
            unsigned long v = strtoul(argv[i + 1], &end, 10);
            if (*end || end == argv[i + 1] || v > 1000000) {
                fprintf(stderr, "factline %s: %s takes a number up to 1000000\n", qq->name, a);
                return 2;
            }
            if (!strcmp(a, "--limit"))
                q.limit = (unsigned)v;
            else
                q.offset = (unsigned)v;
            i++;
            continue;
        } else {
            fprintf(stderr, "factline %s: unknown option '%s'\n", qq->name, a);
            usage(qq, stderr);
            return 2;
        }
        *target = argv[++i];
    }
    if ((q.from && !valid_date(q.from)) || (q.to && !valid_date(q.to))) {
        fprintf(stderr, "factline %s: --from and --to take dates as YYYY-MM-DD\n", qq->name);
        return 2;
    }
    if (strcmp(format, "table") && strcmp(format, "json") && strcmp(format, "csv")) {
        fprintf(stderr, "factline %s: --format is table, json or csv\n", qq->name);
        return 2;
    }
    if (qq->argument && !q.text) {
        fprintf(stderr, "factline %s: give %s\n", qq->name, qq->argument);
        usage(qq, stderr);
        return 2;
    }
    char *err = NULL;
    fl_store *s = fl_store_open(db, FL_STORE_READONLY, &err);
    if (!s) {
        fprintf(stderr, "factline %s: %s\n", qq->name, err ? err : "cannot open the database");
        free(err);
        return 2;
    }
    fl_result *r = fl_store_query(s, &q);
    int status = 0;
    if (!r) {
        fprintf(stderr, "factline %s: %s\n", qq->name, fl_store_error(s));
        status = 2;
    } else {
        cli_print_result(r, format, stdout);
        fl_result_free(r);
    }
    fl_store_close(s);
    return status;
}

static int by_name(const char *name, int argc, char **argv)
{
    for (size_t i = 0; i < sizeof questions / sizeof questions[0]; i++)
        if (!strcmp(questions[i].name, name))
            return run_question(&questions[i], argc, argv);
    return 2;
}

int cmd_search(int argc, char **argv) { return by_name("search", argc, argv); }
int cmd_entity(int argc, char **argv) { return by_name("entity", argc, argv); }
int cmd_quotes(int argc, char **argv) { return by_name("quotes", argc, argv); }
int cmd_timeline(int argc, char **argv) { return by_name("timeline", argc, argv); }
int cmd_disagree(int argc, char **argv) { return by_name("disagree", argc, argv); }
int cmd_article(int argc, char **argv) { return by_name("article", argc, argv); }
