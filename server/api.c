/*
 * api.c — the JSON API: one endpoint per question of the store (search,
 * entity, quotes, timeline, disagree, article, and the page's categories and
 * names) and /healthz. Each endpoint
 * lists the parameters it takes; anything else, a repeated parameter, a
 * value that is not UTF-8 text, too long, a bad date or number is a 400
 * before the store is asked. Answers are the store's sections with a page
 * description: each section is asked for one row more than the page so the
 * answer can say whether there is more. The shapes are in docs/api.md.
 * Not for: SQL (src/store) or HTTP checks common to every request
 * (server.c).
 */
#include "cache.h"
#include "server_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum param_target { P_TEXT, P_FROM, P_TO, P_SOURCE, P_ENTITY, P_CATEGORY, P_SUBJECT, P_PLACE, P_LIMIT, P_OFFSET, P_COUNT };

typedef struct param {
    const char *name;
    enum param_target target;
} param;

typedef struct endpoint {
    const char *path;
    fl_query_kind kind;
    const char *name;       /* the question, echoed in "query" */
    const char *required;   /* the parameter that must be given, or NULL */
    int paged;              /* takes limit and offset */
    int counted;            /* the page says how many rows each section has (FL_QUERY_SEARCH_TOTAL) */
    param params[8];        /* NULL-terminated by name */
} endpoint;

static const endpoint endpoints[] = {
    {"/api/search", FL_QUERY_SEARCH, "search", "q", 1, 1,
     {{"q", P_TEXT}, {"from", P_FROM}, {"to", P_TO}, {"source", P_SOURCE}, {"entity", P_ENTITY}}},
    {"/api/entity", FL_QUERY_ENTITY, "entity", "name", 1, 0, {{"name", P_TEXT}, {"from", P_FROM}, {"to", P_TO}}},
    {"/api/quotes", FL_QUERY_QUOTES, "quotes", NULL, 1, 0, {{"speaker", P_TEXT}, {"from", P_FROM}, {"to", P_TO}}},
    {"/api/timeline", FL_QUERY_TIMELINE, "timeline", NULL, 1, 0,
     {{"category", P_CATEGORY}, {"subject", P_SUBJECT}, {"place", P_PLACE}, {"source", P_SOURCE}, {"from", P_FROM},
      {"to", P_TO}}},
    {"/api/disagree", FL_QUERY_DISAGREE, "disagree", NULL, 1, 0,
     {{"category", P_CATEGORY}, {"from", P_FROM}, {"to", P_TO}}},
    {"/api/article", FL_QUERY_ARTICLE, "article", "id", 0, 0, {{"id", P_TEXT}}},
    {"/api/categories", FL_QUERY_CATEGORIES, "categories", NULL, 1, 0, {{"from", P_FROM}, {"to", P_TO}}},
    {"/api/names", FL_QUERY_NAMES, "names", "prefix", 1, 0, {{"prefix", P_TEXT}}},
};

/* Collected from the query string by check_arg. */
typedef struct args {
    const endpoint *ep;
    const char *values[P_COUNT]; /* by param_target */
    char error[256];
} args;

static const param *find_param(const endpoint *ep, const char *name)
{
    static const param paging[] = {{"limit", P_LIMIT}, {"offset", P_OFFSET}};
    for (size_t i = 0; i < sizeof ep->params / sizeof ep->params[0] && ep->params[i].name; i++)
        if (!strcmp(ep->params[i].name, name))
            return &ep->params[i];
    if (ep->paged)
        for (size_t i = 0; i < 2; i++)
            if (!strcmp(paging[i].name, name))
                return &paging[i];
    return NULL;
}

static enum MHD_Result check_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    args *a = cls;
    if (a->error[0])
        return MHD_NO;
    size_t klen = strlen(key);
    if (!utf8_valid_text(key, klen) || klen > 32) {
        snprintf(a->error, sizeof a->error, "bad parameter name");
        return MHD_NO;
    }
    const param *p = find_param(a->ep, key);
    if (!p) {
        snprintf(a->error, sizeof a->error, "%s does not take the parameter '%s'", a->ep->path, key);
        return MHD_NO;
    }
    if (a->values[p->target]) {
        snprintf(a->error, sizeof a->error, "parameter '%s' is given twice", key);
        return MHD_NO;
    }
    if (!value)
        value = "";
    size_t vlen = strlen(value);
    if (vlen > SERVER_MAX_PARAM) {
        snprintf(a->error, sizeof a->error, "parameter '%s' is longer than %d bytes", key, SERVER_MAX_PARAM);
        return MHD_NO;
    }
    if (!utf8_valid_text(value, vlen)) {
        snprintf(a->error, sizeof a->error, "parameter '%s' is not UTF-8 text", key);
        return MHD_NO;
    }
    a->values[p->target] = value;
    return MHD_YES;
}

static int parse_count(const char *s, unsigned max, unsigned *out)
{
    if (!s || !*s || strlen(s) > 9)
        return 0;
    unsigned long v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        v = v * 10 + (unsigned long)(*p - '0');
    }
    if (v > max)
        return 0;
    *out = (unsigned)v;
    return 1;
}

static int valid_date(const char *s)
{
    int y, m, d;
    return fl_date_parse(s, strlen(s), &y, &m, &d);
}

/* An empty value is the same as an absent one. */
static const char *opt(const char *v) { return v && *v ? v : NULL; }

/* "total": {"SECTION": {"count": N, "capped": bool}, ...} from an
 * FL_QUERY_SEARCH_TOTAL answer (section, rows, capped). */
static void write_totals(sbuf *b, const fl_result *totals)
{
    sbuf_puts(b, ",\"total\":{");
    size_t rows = fl_result_section_count(totals) ? fl_result_row_count(totals, 0) : 0;
    for (size_t row = 0; row < rows; row++) {
        const char *name = fl_result_cell(totals, 0, row, 0), *count = fl_result_cell(totals, 0, row, 1),
                   *capped = fl_result_cell(totals, 0, row, 2);
        if (row)
            sbuf_puts(b, ",");
        sbuf_json_string(b, name ? name : "");
        sbuf_puts(b, ":{\"count\":");
        sbuf_json_number(b, count ? count : "0");
        sbuf_puts(b, capped && strcmp(capped, "0") ? ",\"capped\":true}" : ",\"capped\":false}");
    }
    sbuf_puts(b, "}");
}

/* Writes the sections, each cut to `limit` rows; "more" says which had more. */
static void write_results(sbuf *b, const fl_result *res, const fl_result *totals, unsigned limit, unsigned offset,
                          int paged)
{
    size_t nsec = fl_result_section_count(res);
    int any_more = 0;
    sbuf_puts(b, ",\"page\":{");
    sbuf_printf(b, "\"limit\":%u,\"offset\":%u,\"more\":{", limit, offset);
    for (size_t s = 0; s < nsec; s++) {
        int more = fl_result_row_count(res, s) > limit;
        any_more |= more;
        if (s)
            sbuf_puts(b, ",");
        sbuf_json_string(b, fl_result_section_name(res, s));
        sbuf_puts(b, more ? ":true" : ":false");
    }
    sbuf_puts(b, "},\"next_offset\":");
    if (any_more && paged)
        sbuf_printf(b, "%u", offset + limit);
    else
        sbuf_puts(b, "null");
    if (totals)
        write_totals(b, totals);
    sbuf_puts(b, "},\"results\":{");
    for (size_t s = 0; s < nsec; s++) {
        if (s)
            sbuf_puts(b, ",");
        sbuf_json_string(b, fl_result_section_name(res, s));
        sbuf_puts(b, ":[");
        size_t rows = fl_result_row_count(res, s), cols = fl_result_column_count(res, s);
        if (rows > limit)
            rows = limit;
        for (size_t row = 0; row < rows; row++) {
            sbuf_puts(b, row ? ",{" : "{");
            for (size_t c = 0; c < cols; c++) {
                if (c)
                    sbuf_puts(b, ",");
                sbuf_json_string(b, fl_result_column_name(res, s, c));
                sbuf_puts(b, ":");
                const char *v = fl_result_cell(res, s, row, c);
                switch (fl_result_cell_type(res, s, row, c)) {
                case FL_CELL_INT:
                case FL_CELL_REAL:
                    sbuf_json_number(b, v);
                    break;
                case FL_CELL_TEXT:
                    sbuf_json_string(b, v);
                    break;
                default:
                    sbuf_puts(b, "null");
                }
            }
            sbuf_puts(b, "}");
        }
        sbuf_puts(b, "]");
    }
    sbuf_puts(b, "}}\n");
}

static void healthz(fl_server *s, response *r)
{
    fl_store *store = server_store_acquire(s);
    long long n = fl_store_article_count(store);
    int version = fl_store_db_version(store);
    server_store_release(s, store);
    if (n < 0) {
        response_error(r, 503, "the database cannot be read");
        return;
    }
    r->content_type = "application/json; charset=utf-8";
    sbuf_printf(&r->body, "{\"status\":\"ok\",\"version\":");
    sbuf_json_string(&r->body, fl_version());
    unsigned long long hits, misses;
    size_t bytes;
    server_cache_stats(server_answer_cache(s), &hits, &misses, &bytes);
    sbuf_printf(&r->body, ",\"schema\":%d,\"articles\":%lld,\"cache\":{\"hits\":%llu,\"misses\":%llu,\"bytes\":%zu}}\n",
                version, n, hits, misses, bytes);
}

static void question(fl_server *s, struct MHD_Connection *c, const endpoint *ep, response *r)
{
    args a;
    memset(&a, 0, sizeof a);
    a.ep = ep;
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, check_arg, &a);
    if (a.error[0]) {
        response_error(r, 400, "%s", a.error);
        return;
    }
    unsigned limit = ep->paged ? 20 : SERVER_MAX_LIMIT, offset = 0;
    if (a.values[P_LIMIT] && (!parse_count(a.values[P_LIMIT], SERVER_MAX_LIMIT, &limit) || limit == 0)) {
        response_error(r, 400, "limit is a number from 1 to %d", SERVER_MAX_LIMIT);
        return;
    }
    if (a.values[P_OFFSET] && !parse_count(a.values[P_OFFSET], SERVER_MAX_OFFSET, &offset)) {
        response_error(r, 400, "offset is a number from 0 to %d", SERVER_MAX_OFFSET);
        return;
    }
    if ((opt(a.values[P_FROM]) && !valid_date(a.values[P_FROM])) ||
        (opt(a.values[P_TO]) && !valid_date(a.values[P_TO]))) {
        response_error(r, 400, "from and to are dates as YYYY-MM-DD");
        return;
    }
    if (ep->required && !opt(a.values[P_TEXT])) {
        response_error(r, 400, "%s needs the parameter '%s'", ep->path, ep->required);
        return;
    }
    /* The cache key: the question and its validated parameters, so the
     * order and spelling of the query string do not matter. */
    sbuf key;
    sbuf_init(&key);
    sbuf_puts(&key, ep->name);
    for (size_t i = 0; i < P_COUNT; i++) {
        sbuf_append(&key, "\x1f", 1);
        if (a.values[i])
            sbuf_puts(&key, a.values[i]);
    }
    sbuf_printf(&key, "\x1f%u\x1f%u", limit, offset);
    char *cached = NULL;
    size_t cached_len = 0;
    if (!key.failed && server_cache_get(server_answer_cache(s), key.data, key.len, &cached, &cached_len)) {
        r->content_type = "application/json; charset=utf-8";
        sbuf_append(&r->body, cached, cached_len);
        free(cached);
        sbuf_release(&key);
        return;
    }

    fl_query q;
    memset(&q, 0, sizeof q);
    q.kind = ep->kind;
    q.text = opt(a.values[P_TEXT]);
    q.from = opt(a.values[P_FROM]);
    q.to = opt(a.values[P_TO]);
    q.source = opt(a.values[P_SOURCE]);
    q.entity = opt(a.values[P_ENTITY]);
    q.category = opt(a.values[P_CATEGORY]);
    q.subject = opt(a.values[P_SUBJECT]);
    q.place = opt(a.values[P_PLACE]);
    q.limit = limit + 1; /* one more than the page: is there more? */
    q.offset = offset;

    fl_store *store = server_store_acquire(s);
    fl_result *res = fl_store_query(store, &q), *totals = NULL;
    if (res && ep->counted) {
        fl_query count = q;
        count.kind = FL_QUERY_SEARCH_TOTAL;
        totals = fl_store_query(store, &count);
        if (!totals) {
            fl_result_free(res);
            res = NULL;
        }
    }
    if (!res) {
        const char *why = fl_store_error(store);
        fl_status kind = fl_store_query_status(store);
        if (kind == FL_ERR_NOT_FOUND)
            response_error(r, 404, "%s", why);
        else if (kind == FL_ERR_USAGE)
            response_error(r, 400, "%s", why);
        else {
            fprintf(stderr, "factline serve: %s: %s\n", ep->path, why);
            response_error(r, 500, "the database could not answer");
        }
        server_store_release(s, store);
        sbuf_release(&key);
        return;
    }
    server_store_release(s, store);
    if (ep->kind == FL_QUERY_ENTITY && offset == 0 && fl_result_section_count(res) > 0 &&
        fl_result_row_count(res, 0) == 0) {
        response_error(r, 404, "no entity called '%s'", q.text);
        fl_result_free(res);
        fl_result_free(totals);
        sbuf_release(&key);
        return;
    }
    sbuf *b = &r->body;
    r->content_type = "application/json; charset=utf-8";
    sbuf_puts(b, "{\"query\":{\"question\":");
    sbuf_json_string(b, ep->name);
    for (size_t i = 0; i < sizeof ep->params / sizeof ep->params[0] && ep->params[i].name; i++) {
        sbuf_puts(b, ",");
        sbuf_json_string(b, ep->params[i].name);
        sbuf_puts(b, ":");
        sbuf_json_string(b, opt(a.values[ep->params[i].target]));
    }
    sbuf_puts(b, "}");
    write_results(b, res, totals, limit, offset, ep->paged);
    fl_result_free(res);
    fl_result_free(totals);
    if (!b->failed && !key.failed)
        server_cache_put(server_answer_cache(s), key.data, key.len, b->data, b->len);
    sbuf_release(&key);
}

void api_handle(fl_server *s, struct MHD_Connection *c, const char *path, response *r)
{
    if (!strcmp(path, "/healthz")) {
        healthz(s, r);
        return;
    }
    for (size_t i = 0; i < sizeof endpoints / sizeof endpoints[0]; i++)
        if (!strcmp(path, endpoints[i].path)) {
            question(s, c, &endpoints[i], r);
            return;
        }
    response_error(r, 404, "no such endpoint; see docs/api.md");
}
