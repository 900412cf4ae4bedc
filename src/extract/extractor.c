/*
 * extractor.c — loads the models of every extraction layer once and runs the
 * layers on an analysed doc, in order. Not for: the layers themselves (one
 * folder each under src/).
 */
#include "extract/extractor.h"

#include <stdlib.h>
#include <string.h>

#include "figure/figure.h"
#include "text/doc.h"

#ifndef FACTLINE_SOURCE_DIR
#define FACTLINE_SOURCE_DIR "."
#endif

fl_extractor *fl_extractor_new(const fl_extractor_options *opts, const char **error)
{
    const char *dir = opts && opts->models_dir ? opts->models_dir : getenv("FACTLINE_MODELS");
    if (!dir || !*dir)
        dir = FACTLINE_SOURCE_DIR "/models";
    fl_extractor *ex = calloc(1, sizeof *ex);
    if (!ex || !(ex->models_dir = strdup(dir))) {
        free(ex);
        if (error)
            *error = "out of memory";
        return NULL;
    }
    return ex;
}

fl_status fl_extract(const fl_extractor *ex, fl_doc *doc)
{
    (void)ex;
    fl_status st = fl_figures_find(doc);
    if (st != FL_OK)
        return st;
    fl_figures_fallback_context(doc); /* until the attribution and time layers land */
    return FL_OK;
}

void fl_extractor_free(fl_extractor *ex)
{
    if (!ex)
        return;
    free(ex->models_dir);
    free(ex);
}
