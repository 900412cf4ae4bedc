/*
 * extractor.h — the extractor's state (internal view of fl_extractor) and
 * the list of extraction layers.
 *
 * Adding a layer: give it a model/state pointer here (loaded in
 * fl_extractor_new, freed in fl_extractor_free), a result field in fl_doc
 * (text/doc.h), a call in fl_extract (extractor.c), and its JSON writer in
 * output/article_json.c.
 */
#ifndef FL_EXTRACT_EXTRACTOR_H
#define FL_EXTRACT_EXTRACTOR_H

#include "factline.h"

struct fl_extractor {
    char *models_dir;
    /* Layer state, one pointer per layer, added as layers land. */
    fl_ner_model *ner; /* models_dir/ner.model */
};

#endif
