/*
 * cmd_ingest.c — `factline ingest [--db PATH] [OPTIONS] [FILE...]`: reads
 * articles, extracts their facts and stores them, in batched transactions.
 * With --facts the input is already extracted (`factline extract --text`
 * output) and is only stored.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"

static void ingest_usage(FILE *out)
{
    fprintf(out,
            "usage: factline ingest [OPTIONS] [FILE...]\n"
            "Extracts facts from the articles of each FILE (or standard input) and stores\n"
            "them. Articles already stored (same content hash) are skipped, so re-running\n"
            "a file adds nothing; a killed run loses at most its last uncommitted batch.\n\n"
            "options:\n"
            "  --db PATH        database file (default ./" CLI_DEFAULT_DB ")\n"
            "  --facts          input is `factline extract --text` JSON Lines: store only\n"
            "  --batch N        articles per transaction (default 2000 with SQLite, 500 with PostgreSQL)\n"
            "  -j N             extract on N threads (default 0: all cores); one writer\n"
            "  --format F, --date D, --max-record N   as for `factline extract`\n"
            "  -q, --quiet      no progress line and no warnings\n\n"
            "exit status: 0 all good, 1 some articles rejected, 2 usage, I/O or database error\n");
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct progress {
    int on;
    double start, last;
    unsigned long long total_bytes; /* 0 when unknown (standard input) */
} progress;

static void show_progress(progress *p, unsigned long long articles, unsigned long long bytes, int final)
{
    if (!p->on)
        return;
    double t = now();
    if (!final && t - p->last < 0.5)
        return;
    p->last = t;
    double secs = t - p->start, rate = secs > 0 ? (double)bytes / 1e6 / secs : 0;
    fprintf(stderr, "\r%llu articles, %.1f MB, %.1f MB/s", articles, (double)bytes / 1e6, rate);
    if (p->total_bytes && rate > 0 && !final) {
        double left = ((double)p->total_bytes - (double)bytes) / 1e6 / rate;
        fprintf(stderr, ", ETA %dm%02ds", (int)(left / 60), (int)left % 60);
    }
    fprintf(stderr, "   %s", final ? "\n" : "");
}

/* Stores already extracted objects, one per line. Returns 0, 2 if the file
 * cannot be read, -1 on a database error. */
static int ingest_facts(fl_store *store, const char *file, progress *prog, unsigned long long *read,
                        unsigned long long *added, unsigned long long *rejected, unsigned long long *bytes)
{
    FILE *in = strcmp(file, "-") ? fopen(file, "rb") : stdin;
    if (!in) {
        fprintf(stderr, "factline: %s: cannot open: %s\n", file, strerror(errno));
        return 2;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    unsigned long long line_no = 0;
    int result = 0;
    while ((n = getline(&line, &cap, in)) > 0) {
        line_no++;
        *bytes += (unsigned long long)n;
        if (n == 1 && line[0] == '\n')
            continue;
        int was_added = 0;
        fl_status s = fl_store_add(store, line, (size_t)n, &was_added);
        ++*read;
        if (s == FL_ERR_FORMAT) {
            fprintf(stderr, "factline: %s:%llu: rejected: %s\n", file, line_no, fl_store_error(store));
            ++*rejected;
        } else if (s != FL_OK) {
            fprintf(stderr, "factline ingest: %s:%llu: %s\n", file, line_no, fl_store_error(store));
            result = -1;
            break;
        }
        *added += (unsigned long long)was_added;
        show_progress(prog, *read, *bytes, 0);
    }
    if (ferror(in) && result == 0) {
        fprintf(stderr, "factline: %s: read error\n", file);
        result = 2;
    }
    free(line);
    if (in != stdin)
        fclose(in);
    return result;
}

typedef struct sink_state {
    fl_store *store;
    fl_reader *reader;
    progress *prog;
    unsigned long long *read, *added;
    int db_failed;
} sink_state;

/* Stores one extracted article; runs on the reading thread, in input order. */
static int store_json(const fl_article *a, const char *json, size_t len, fl_status st, void *user)
{
    sink_state *ss = user;
    ++*ss->read;
    if (st != FL_OK) {
        fprintf(stderr, "factline: %s: article %llu: out of memory\n", a->file, (unsigned long long)a->number);
        return 1;
    }
    int was_added = 0;
    if (fl_store_add(ss->store, json, len, &was_added) != FL_OK) {
        fprintf(stderr, "factline ingest: %s: article %llu: %s\n", a->file, (unsigned long long)a->number,
                fl_store_error(ss->store));
        ss->db_failed = 1;
        return 0;
    }
    *ss->added += (unsigned long long)was_added;
    fl_reader_stats rs;
    fl_reader_get_stats(ss->reader, &rs);
    show_progress(ss->prog, *ss->read, rs.bytes, 0);
    return 1;
}

int cmd_ingest(int argc, char **argv)
{
    cli_input in;
    cli_input_init(&in);
    const char *db = CLI_DEFAULT_DB;
    int facts = 0;
    unsigned batch = 0; /* 0: the store's own (docs/store.md) */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int shared = cli_input_option(argc, argv, &i, &in, "ingest");
        if (shared < 0)
            return 2;
        if (shared == 2)
            break;
        if (shared == 1)
            continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            ingest_usage(stdout);
            return 0;
        } else if (!strcmp(a, "--facts")) {
            facts = 1;
        } else if (i + 1 < argc && !strcmp(a, "--db")) {
            db = argv[++i];
        } else if (i + 1 < argc && !strcmp(a, "--batch")) {
            batch = (unsigned)strtoul(argv[++i], NULL, 10);
            if (!batch) {
                fprintf(stderr, "factline ingest: --batch needs a positive number\n");
                return 2;
            }
        } else {
            fprintf(stderr, "factline ingest: unknown or incomplete option '%s'\n", a);
            ingest_usage(stderr);
            return 2;
        }
    }
    char **files = in.files;
    int nfiles = in.nfiles;

    char *err = NULL;
    fl_store *store = fl_store_open(db, 0, &err);
    if (!store) {
        fprintf(stderr, "factline ingest: %s\n", err ? err : "cannot open the database");
        free(err);
        return 2;
    }
    if (batch)
        fl_store_set_batch(store, batch);
    const char *why = NULL;
    fl_extractor *ex = facts ? NULL : fl_extractor_new(NULL, &why);
    if (!facts && !ex) {
        fprintf(stderr, "factline ingest: cannot load models: %s\n", why ? why : "unknown error");
        fl_store_close(store);
        return 2;
    }
    fl_reader *r = facts ? NULL : fl_reader_new(&in.reader);
    fl_json_options jo = {1, 0};
    progress prog = {!in.quiet && isatty(2), now(), 0, 0};
    for (int f = 0; f < nfiles; f++) {
        struct stat st;
        if (strcmp(files[f], "-") && stat(files[f], &st) == 0)
            prog.total_bytes += (unsigned long long)st.st_size;
        else if (!strcmp(files[f], "-"))
            prog.total_bytes = 0, f = nfiles;
    }
    unsigned long long read = 0, added = 0, rejected = 0, bytes = 0;
    int status = 0, db_failed = 0;
    for (int f = 0; facts && f < nfiles && !db_failed; f++) {
        int st = ingest_facts(store, files[f], &prog, &read, &added, &rejected, &bytes);
        if (st == 2)
            status = 2;
        else if (st < 0)
            db_failed = 1;
    }
    if (!facts && !db_failed) {
        sink_state ss = {store, r, &prog, &read, &added, 0};
        int st = cli_process_files(files, nfiles, r, ex, &jo, (unsigned)in.jobs, store_json, &ss);
        if (st)
            status = st;
        db_failed = ss.db_failed;
    }
    if (!db_failed && fl_store_commit(store) != FL_OK) {
        fprintf(stderr, "factline ingest: %s\n", fl_store_error(store));
        db_failed = 1;
    }
    if (r) {
        fl_reader_stats rs;
        fl_reader_get_stats(r, &rs);
        rejected += rs.rejected;
        bytes = rs.bytes;
    }
    show_progress(&prog, read, bytes, 1);
    if (!in.quiet)
        fprintf(stderr, "ingest: %llu articles read, %llu added, %llu already stored, %llu rejected; %lld in %s\n",
                read, added, read - added - (facts ? rejected : 0), rejected, fl_store_article_count(store), db);
    if (db_failed)
        status = 2;
    else if (rejected && status == 0)
        status = 1;
    fl_reader_free(r);
    fl_extractor_free(ex);
    fl_store_close(store);
    return status;
}
