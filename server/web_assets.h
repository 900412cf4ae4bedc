/*
 * web_assets.h — the table of embedded page files that embed_web.cmake
 * generates (web_assets.c in the build directory). Not for: anything else.
 */
#ifndef FL_SERVER_WEB_ASSETS_H
#define FL_SERVER_WEB_ASSETS_H

#include <stddef.h>

typedef struct web_asset {
    const char *path; /* relative to web/, e.g. "app.js" */
    const char *type; /* Content-Type */
    const char *etag; /* quoted, from the content's hash */
    const unsigned char *data;
    size_t len;
} web_asset;

extern const web_asset web_assets[];
extern const size_t web_asset_count;

#endif
