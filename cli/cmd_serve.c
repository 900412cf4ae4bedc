/*
 * cmd_serve.c — `factline serve [--db PATH] [--port N] [--bind ADDR] ...`:
 * parses the options, starts the HTTP server (server/) on a read-only
 * database and runs until SIGINT or SIGTERM. Not for: anything the server
 * answers (server/api.c) or its limits (server/server.c).
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "server.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: factline serve [--db PATH] [--port N] [--bind ADDR] [--threads N]\n"
            "                      [--max-connections N] [--per-ip N] [--timeout SECONDS] [--cache-mb N]\n"
            "Serves the JSON API (docs/api.md), /healthz and the page on http://ADDR:PORT/ until\n"
            "interrupted. The database (default ./" CLI_DEFAULT_DB ") is opened read-only.\n"
            "  --port N             TCP port (default 8080; 0 picks a free one, printed on start)\n"
            "  --bind ADDR          IPv4 or IPv6 address to listen on (default 127.0.0.1)\n"
            "  --threads N          worker threads, each with its own reader (default 4)\n"
            "  --max-connections N  open connections at once (default 256)\n"
            "  --per-ip N           open connections per client address (default: no limit)\n"
            "  --timeout SECONDS    close a connection idle this long (default 10)\n"
            "  --cache-mb N         keep recent answers, up to N MiB (default 64; 0: off);\n"
            "                       any change to the database empties it\n"
            "Exit status: 0 stopped by a signal, 2 usage error or cannot start.\n");
}

static int number(const char *s, unsigned long min, unsigned long max, unsigned *out)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (!*s || *end || s[0] == '-' || v < min || v > max)
        return 0;
    *out = (unsigned)v;
    return 1;
}

int cmd_serve(int argc, char **argv)
{
    fl_server_options o;
    fl_server_options_default(&o);
    o.db = CLI_DEFAULT_DB;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        }
        if (i + 1 >= argc || a[0] != '-') {
            fprintf(stderr, "factline serve: %s '%s'\n", a[0] == '-' ? "missing value for" : "unexpected argument", a);
            usage(stderr);
            return 2;
        }
        const char *v = argv[++i];
        int ok = 1;
        if (!strcmp(a, "--db"))
            o.db = v;
        else if (!strcmp(a, "--bind"))
            o.bind = v;
        else if (!strcmp(a, "--port"))
            ok = number(v, 0, 65535, &o.port);
        else if (!strcmp(a, "--threads"))
            ok = number(v, 1, 64, &o.threads);
        else if (!strcmp(a, "--max-connections"))
            ok = number(v, 1, 10000, &o.max_connections);
        else if (!strcmp(a, "--per-ip"))
            ok = number(v, 0, 10000, &o.per_ip_connections);
        else if (!strcmp(a, "--timeout"))
            ok = number(v, 1, 3600, &o.timeout_seconds);
        else if (!strcmp(a, "--cache-mb"))
            ok = number(v, 0, 4096, &o.cache_mb);
        else {
            fprintf(stderr, "factline serve: unknown option '%s'\n", a);
            usage(stderr);
            return 2;
        }
        if (!ok) {
            fprintf(stderr, "factline serve: bad value '%s' for %s\n", v, a);
            return 2;
        }
    }
    /* Block the stop signals in every thread (the workers inherit the mask)
     * and wait for them here. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);
    char *err = NULL;
    fl_server *srv = fl_server_start(&o, &err);
    if (!srv) {
        fprintf(stderr, "factline serve: %s\n", err ? err : "cannot start");
        free(err);
        return 2;
    }
    int v6 = strchr(o.bind, ':') != NULL;
    fprintf(stderr, "factline serve: listening on http://%s%s%s:%u/ (database %s, %u threads)\n", v6 ? "[" : "",
            o.bind, v6 ? "]" : "", fl_server_port(srv), o.db, o.threads);
    int sig = 0;
    sigwait(&stop, &sig);
    fprintf(stderr, "factline serve: stopping (signal %d)\n", sig);
    fl_server_stop(srv);
    return 0;
}
