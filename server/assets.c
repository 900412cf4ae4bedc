/*
 * assets.c — serves the page: the files of web/, embedded in the binary at
 * build time (embed_web.cmake writes web_assets.c), so the server needs no
 * directory at run time and cannot be led to read one. A path is looked up
 * by exact name in that table; "/" is index.html. Revalidation by ETag (a
 * hash of the content made at build time). Not for: the API (api.c).
 */
#include "server_internal.h"

#include <string.h>

#include "web_assets.h"

void assets_handle(struct MHD_Connection *c, const char *path, response *r)
{
    if (!strcmp(path, "/"))
        path = "/index.html";
    for (size_t i = 0; i < web_asset_count; i++) {
        const web_asset *a = &web_assets[i];
        if (strcmp(path + 1, a->path))
            continue;
        r->content_type = a->type;
        r->etag = a->etag;
        r->cacheable = 1;
        const char *match = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
        if (match && !strcmp(match, a->etag)) {
            r->status = 304;
            return;
        }
        r->static_data = a->data;
        r->static_len = a->len;
        return;
    }
    response_error(r, 404, "not found");
}
