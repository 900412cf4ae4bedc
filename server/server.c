/*
 * server.c — the libmicrohttpd daemon: a thread pool with connection limits
 * and an idle timeout, a pool of read-only stores (fl_store is not
 * thread-safe: each request borrows one for its duration), checks every
 * request must pass before routing (method, body, target length, percent
 * escapes, path), the routing itself, and the headers every response
 * carries (Content-Security-Policy without inline scripts, nosniff, no
 * framing). Not for: what an endpoint answers (api.c) or the page's files
 * (assets.c).
 */
#include "cache.h"
#include "server_internal.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

struct fl_server {
    struct MHD_Daemon *daemon;
    fl_store **stores;
    int *busy;
    unsigned nstores;
    pthread_mutex_t lock;
    pthread_cond_t freed;
    unsigned port;
    struct server_cache *cache;
};

struct server_cache *server_answer_cache(fl_server *s) { return s->cache; }

/* The policy every response carries: scripts, styles and data only from
 * this origin, no inline script or style, no plugins, no framing. */
static const char csp[] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                          "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

void fl_server_options_default(fl_server_options *o)
{
    memset(o, 0, sizeof *o);
    o->db = "factline.db";
    o->bind = "127.0.0.1";
    o->port = 8080;
    o->threads = 4;
    o->max_connections = 256;
    o->timeout_seconds = 10;
    o->cache_mb = 64;
}

/* ---- the store pool ------------------------------------------------------ */

fl_store *server_store_acquire(fl_server *s)
{
    pthread_mutex_lock(&s->lock);
    for (;;) {
        for (unsigned i = 0; i < s->nstores; i++)
            if (!s->busy[i]) {
                s->busy[i] = 1;
                pthread_mutex_unlock(&s->lock);
                return s->stores[i];
            }
        pthread_cond_wait(&s->freed, &s->lock);
    }
}

void server_store_release(fl_server *s, fl_store *store)
{
    pthread_mutex_lock(&s->lock);
    for (unsigned i = 0; i < s->nstores; i++)
        if (s->stores[i] == store)
            s->busy[i] = 0;
    pthread_cond_signal(&s->freed);
    pthread_mutex_unlock(&s->lock);
}

/* ---- responses ----------------------------------------------------------- */

void response_error(response *r, unsigned status, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sbuf_release(&r->body);
    r->status = status;
    r->content_type = "application/json; charset=utf-8";
    r->static_data = NULL;
    sbuf_printf(&r->body, "{\"error\":{\"status\":%u,\"message\":", status);
    sbuf_json_string(&r->body, msg);
    sbuf_puts(&r->body, "}}\n");
}

static enum MHD_Result send_response(struct MHD_Connection *c, response *r)
{
    struct MHD_Response *mr;
    if (r->body.failed)
        response_error(r, 500, "out of memory");
    if (r->static_data) {
        mr = MHD_create_response_from_buffer(r->static_len, (void *)r->static_data, MHD_RESPMEM_PERSISTENT);
    } else {
        /* libmicrohttpd frees the body with free() once sent; an empty
         * body (304) has no buffer. */
        char *data = r->body.data;
        mr = MHD_create_response_from_buffer(data ? r->body.len : 0, data,
                                             data ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
        if (mr)
            sbuf_init(&r->body);
    }
    if (!mr) {
        sbuf_release(&r->body);
        return MHD_NO;
    }
    MHD_add_response_header(mr, "Content-Type", r->content_type ? r->content_type : "application/json; charset=utf-8");
    MHD_add_response_header(mr, "Content-Security-Policy", csp);
    MHD_add_response_header(mr, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(mr, "X-Frame-Options", "DENY");
    MHD_add_response_header(mr, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(mr, "Cross-Origin-Resource-Policy", "same-origin");
    MHD_add_response_header(mr, "Cache-Control", r->cacheable ? "no-cache" : "no-store");
    if (r->etag)
        MHD_add_response_header(mr, "ETag", r->etag);
    if (r->allow)
        MHD_add_response_header(mr, "Allow", r->allow);
    enum MHD_Result ok = MHD_queue_response(c, r->status, mr);
    MHD_destroy_response(mr);
    sbuf_release(&r->body);
    return ok;
}

/* ---- checks before routing ------------------------------------------------ */

static int hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Called by libmicrohttpd with the raw request target as soon as the request
 * line is read: its return value becomes the request's context. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls;
    (void)c;
    request *rq = calloc(1, sizeof *rq);
    if (!rq)
        return NULL;
    rq->uri_len = strlen(uri);
    for (const char *p = uri; *p; p++)
        if (*p == '%') {
            if (!hex(p[1]) || !hex(p[2]) || (p[1] == '0' && p[2] == '0')) {
                rq->bad_escape = 1;
                break;
            }
            p += 2;
        }
    return rq;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode why)
{
    (void)cls;
    (void)c;
    (void)why;
    free(*con_cls);
    *con_cls = NULL;
}

/* A path the router may look at: UTF-8, absolute, without "." or ".."
 * segments, backslashes or empty segments. */
static int clean_path(const char *path)
{
    size_t len = strlen(path);
    if (!len || path[0] != '/' || !utf8_valid_text(path, len) || strchr(path, '\\') || strstr(path, "//"))
        return 0;
    for (const char *seg = path + 1; seg <= path + len; ) {
        const char *end = strchr(seg, '/');
        size_t n = end ? (size_t)(end - seg) : strlen(seg);
        if ((n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.'))
            return 0;
        if (!end)
            break;
        seg = end + 1;
    }
    return 1;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload_data, size_t *upload_size, void **con_cls)
{
    fl_server *s = cls;
    (void)version;
    (void)upload_data;
    request *rq = *con_cls;
    if (rq && rq->answered) {
        *upload_size = 0; /* a body we refused: discard whatever still comes */
        return MHD_YES;
    }
    response r;
    memset(&r, 0, sizeof r);
    sbuf_init(&r.body);
    r.status = 200;
    const char *length = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    const char *chunked = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING);
    if (!rq)
        response_error(&r, 500, "out of memory");
    else if (strcmp(method, "GET") && strcmp(method, "HEAD")) {
        response_error(&r, 405, "method %s is not allowed: this server only reads (GET, HEAD)",
                       strlen(method) < 16 ? method : "(long)");
        r.allow = "GET, HEAD";
    } else if ((length && strcmp(length, "0")) || chunked || (upload_size && *upload_size))
        response_error(&r, 413, "a request body is not accepted here");
    else if (!rq->headers_seen) {
        /* The first call has the headers only; answering now would make
         * libmicrohttpd close the connection. Answer on the next call. */
        rq->headers_seen = 1;
        return MHD_YES;
    } else if (rq->uri_len > SERVER_MAX_URI)
        response_error(&r, 414, "the request target is longer than %d bytes", SERVER_MAX_URI);
    else if (rq->bad_escape)
        response_error(&r, 400, "malformed percent-encoding in the request target");
    else if (!clean_path(url))
        response_error(&r, 400, "bad path");
    else if (!strcmp(url, "/healthz") || !strncmp(url, "/api/", 5))
        api_handle(s, c, url, &r);
    else
        assets_handle(c, url, &r);
    if (rq)
        rq->answered = 1;
    return send_response(c, &r);
}

/* ---- start and stop ------------------------------------------------------- */

static void close_stores(fl_server *s)
{
    for (unsigned i = 0; i < s->nstores; i++)
        fl_store_close(s->stores[i]);
    free(s->stores);
    free(s->busy);
}

static fl_server *fail(fl_server *s, char **error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static fl_server *fail(fl_server *s, char **error, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (error)
        *error = strdup(msg);
    close_stores(s);
    server_cache_free(s->cache);
    pthread_mutex_destroy(&s->lock);
    pthread_cond_destroy(&s->freed);
    free(s);
    return NULL;
}

fl_server *fl_server_start(const fl_server_options *o, char **error)
{
    if (error)
        *error = NULL;
    fl_server *s = calloc(1, sizeof *s);
    if (!s) {
        if (error)
            *error = strdup("out of memory");
        return NULL;
    }
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->freed, NULL);
    unsigned threads = o->threads ? o->threads : 4;
    s->stores = calloc(threads, sizeof *s->stores);
    s->busy = calloc(threads, sizeof *s->busy);
    if (!s->stores || !s->busy)
        return fail(s, error, "out of memory");
    for (; s->nstores < threads; s->nstores++) {
        char *err = NULL;
        s->stores[s->nstores] = fl_store_open(o->db, FL_STORE_READONLY, &err);
        if (!s->stores[s->nstores]) {
            fl_server *r = fail(s, error, "%s", err ? err : "cannot open the database");
            free(err);
            return r;
        }
    }

    /* The cache notices changes by the database files' size and time; a
     * PostgreSQL database (postgresql://...) has no files here to watch, so
     * its answers are not cached. */
    int remote = !strncmp(o->db, "postgresql://", 13) || !strncmp(o->db, "postgres://", 11);
    s->cache = remote ? NULL : server_cache_new(o->db, (size_t)o->cache_mb << 20);

    struct sockaddr_storage addr;
    memset(&addr, 0, sizeof addr);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO;
    const char *bind = o->bind && *o->bind ? o->bind : "127.0.0.1";
    if (o->port > 65535)
        return fail(s, error, "port %u is not a port (0-65535)", o->port);
    struct sockaddr_in *v4 = (struct sockaddr_in *)&addr;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&addr;
    if (inet_pton(AF_INET, bind, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)o->port);
    } else if (inet_pton(AF_INET6, bind, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)o->port);
        flags |= MHD_USE_IPv6;
    } else {
        return fail(s, error, "--bind takes an IPv4 or IPv6 address, not '%s'", bind);
    }
    s->daemon = MHD_start_daemon(
        flags, (uint16_t)o->port, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_LIMIT,
        o->max_connections ? o->max_connections : 256u, MHD_OPTION_PER_IP_CONNECTION_LIMIT, o->per_ip_connections,
        MHD_OPTION_CONNECTION_TIMEOUT, o->timeout_seconds ? o->timeout_seconds : 10u,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVER_CONNECTION_MEMORY, MHD_OPTION_URI_LOG_CALLBACK, on_uri, s,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, s, MHD_OPTION_END);
    if (!s->daemon)
        return fail(s, error, "cannot listen on %s port %u (in use, or not an address of this machine?)", bind,
                    o->port);
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : o->port;
    return s;
}

unsigned fl_server_port(const fl_server *s) { return s->port; }

void fl_server_stop(fl_server *s)
{
    if (!s)
        return;
    MHD_stop_daemon(s->daemon);
    close_stores(s);
    server_cache_free(s->cache);
    pthread_mutex_destroy(&s->lock);
    pthread_cond_destroy(&s->freed);
    free(s);
}
