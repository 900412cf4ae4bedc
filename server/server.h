/*
 * server.h — `factline serve`: the HTTP layer over a read-only store. The CLI
 * fills fl_server_options, starts the server and stops it on a signal. What
 * the server answers (the JSON API, /healthz, the embedded page) and its
 * limits are described in docs/api.md. Not for: the questions themselves
 * (src/store) or the page (web/, embedded at build time).
 */
#ifndef FL_SERVER_H
#define FL_SERVER_H

#include <stddef.h>

typedef struct fl_server fl_server;

typedef struct fl_server_options {
    const char *db;             /* database path (opened read-only) */
    const char *bind;           /* IPv4 or IPv6 address; default 127.0.0.1 */
    unsigned port;              /* 0: any free port (see fl_server_port) */
    unsigned threads;           /* worker threads, each with its own store; default 4 */
    unsigned max_connections;   /* open connections at once; default 256 */
    unsigned per_ip_connections;/* 0: no limit per client address (default) */
    unsigned timeout_seconds;   /* idle connection timeout; default 10 */
    unsigned cache_mb;          /* answer cache in MiB (server/cache.h); default 64; 0: none */
} fl_server_options;

void fl_server_options_default(fl_server_options *o);

/* Opens one read-only store per worker thread and starts listening. NULL on
 * failure with a message in *error (free() it). */
fl_server *fl_server_start(const fl_server_options *o, char **error);

/* The port actually bound (useful with port 0). */
unsigned fl_server_port(const fl_server *s);

/* Stops listening, waits for the workers, closes the stores. NULL: no-op. */
void fl_server_stop(fl_server *s);

#endif
