/*
 * ner_entities.c — placeholder
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner/ner.h"
#include "text/doc.h"

#ifndef FACTLINE_SOURCE_DIR
#define FACTLINE_SOURCE_DIR "."
#endif

const char *fl_ner_default_model_path(char *buf, size_t size)
{
    const char *dir = getenv("FACTLINE_MODELS");
    if (!dir || !*dir)
        dir = FACTLINE_SOURCE_DIR "/models";
    snprintf(buf, size, "%s/ner.model", dir);
    return buf;
}
