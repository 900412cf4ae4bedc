/*
 * canon.h — canonical keys that join the same entity or source across
 * articles. The rules (docs/store.md):
 *   - every key is lower case, without diacritic-free folding (utf8proc
 *     case folding), without a possessive ('s), a leading "the", or
 *     surrounding punctuation;
 *   - PER: leading titles and roles are dropped ("Secretary of State Antony
 *     Blinken" -> "antony blinken"); the surname is the last word;
 *   - LOC: country variants map to one name ("US", "U.S.", "USA",
 *     "United States" -> "united states");
 *   - ORG and sources: the words, less stop words and descriptors such as
 *     "Hamas-run", sorted ("Gaza Ministry of Health" and "Health Ministry in
 *     Gaza" -> "gaza health ministry"; "the Hamas-run health ministry" ->
 *     "health ministry", joined to a unique superset by the store).
 * Not for: joining within one article (the entity layer does that).
 */
#ifndef FL_STORE_CANON_H
#define FL_STORE_CANON_H

#include <stddef.h>
#include "util/buffer.h"

/* Writes the key of `name` (of entity type `type`: "PER", "ORG", "LOC",
 * "MISC", or "SOURCE" for attribution sources) into out (cleared first).
 * Returns the key's length (0 if nothing is left). */
size_t fl_canon_key(const char *type, const char *name, size_t len, fl_buffer *out);

/* The last word of a PER key (its surname), as a span into the key. */
size_t fl_canon_surname(const char *key, size_t len, const char **surname);

#endif
