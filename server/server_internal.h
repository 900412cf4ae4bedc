/*
 * server_internal.h — what the parts of the server share: the per-request
 * context, the response being built, the store pool and the embedded page.
 * Not for: anything outside server/.
 */
#ifndef FL_SERVER_INTERNAL_H
#define FL_SERVER_INTERNAL_H

#include <microhttpd.h>

#include "factline.h"
#include "sbuf.h"
#include "server.h"

/* Limits on what a client may send (docs/api.md, "Limits"). */
#define SERVER_MAX_URI 4096         /* bytes of request target, else 414 */
#define SERVER_MAX_PARAM 1024       /* bytes of one decoded parameter, else 400 */
#define SERVER_MAX_LIMIT 1000       /* rows per section per page, else 400 */
#define SERVER_MAX_OFFSET 1000000   /* rows to skip, else 400 */
#define SERVER_CONNECTION_MEMORY (32 * 1024) /* per connection: request line + headers */

/* Set up when the request line has been read (the URI log callback), freed
 * when the request completes. */
typedef struct request {
    size_t uri_len;      /* length of the raw request target */
    int bad_escape;      /* a malformed or NUL percent escape in the target */
    int headers_seen;    /* the handler was called once (headers only) */
    int answered;        /* a response was queued */
} request;

/* The response a handler fills; server.c sends it with the common headers. */
typedef struct response {
    unsigned status;
    const char *content_type;
    sbuf body;                /* owned; used unless static_data is set */
    const unsigned char *static_data;
    size_t static_len;
    const char *etag;         /* static files */
    const char *allow;        /* 405 */
    int cacheable;            /* static files may be revalidated; API answers are not stored */
} response;

/* A JSON error object {"error": {"status": N, "message": "..."}}. */
void response_error(response *r, unsigned status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* One read-only store per worker; acquire blocks until one is free. */
fl_store *server_store_acquire(fl_server *s);
void server_store_release(fl_server *s, fl_store *store);

/* The answer cache (cache.h), or NULL when caching is off. */
struct server_cache *server_answer_cache(fl_server *s);

/* The JSON API (api.c): "/healthz" and paths under "/api/". */
void api_handle(fl_server *s, struct MHD_Connection *c, const char *path, response *r);

/* The embedded page (assets.c): fills r from the asset for `path`, or a 404. */
void assets_handle(struct MHD_Connection *c, const char *path, response *r);

#endif
