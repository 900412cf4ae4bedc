/*
 * test_ner_word_cache.c — the NER word cache (ner_words.c) must never take
 * one word for another: words over 8 bytes are keyed by a hash, and a
 * colliding word can be made on purpose ("Kyhsjguypxmhjxql" has the key of
 * "Northamptonshire"). A document's entities are the same whether the
 * extractor saw the colliding word's twin before or not, and whether a word
 * is longer than the bytes the cache keeps, or has to go to the overflow
 * list because its set is full of the document's other words.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "factline.h"

static const char first[] = "Police in Northamptonshire said 12 people were hurt. Officers from Northamptonshire "
                            "attended.\n";
static const char second[] = "Police in Kyhsjguypxmhjxql said 12 people were hurt. Kyhsjguypxmhjxql told reporters on "
                             "Monday that Kyhsjguypxmhjxql would act.\n";
/* Words longer than the cache keeps (FL_NER_WORD_BYTES): never matched, filled afresh each time. */
static const char long_words[] = "Officials of Supercalifragilisticexpialidocious-Holdings said "
                                 "Supercalifragilisticexpialidocious-Holdings and Antidisestablishmentarianism-Group "
                                 "met in London.\n";
/* One long word four times in a document: each occurrence is filled
 * afresh into the same set of the two-way cache, so the third and fourth
 * go to the document's overflow list. */
static const char repeated_long[] = "Supercalifragilisticexpialidocious-Holdings said on Monday that "
                                    "Supercalifragilisticexpialidocious-Holdings would sell. Analysts said "
                                    "Supercalifragilisticexpialidocious-Holdings shares fell after "
                                    "Supercalifragilisticexpialidocious-Holdings met Barclays in London.\n";

/* The entities of `text` as "name|type|mentions" lines. The word cache is
 * the doc's work space, kept from one article to the next (as a worker
 * reuses its doc). */
static void entities_of(fl_extractor *ex, fl_doc *doc, const char *text, char *out, size_t cap)
{
    out[0] = 0;
    CHECK_INT(fl_doc_analyze_text(doc, text, strlen(text)), FL_OK);
    CHECK_INT(fl_extract(ex, doc), FL_OK);
    size_t len = 0;
    for (size_t i = 0; i < fl_doc_entity_count(doc) && len < cap; i++) {
        const fl_entity *e = &fl_doc_entities(doc)[i];
        len += (size_t)snprintf(out + len, cap - len, "%s|%s|%zu\n", e->name, fl_entity_type_name(e->type),
                                e->mention_count);
    }
}

static fl_extractor *fresh(void)
{
    const char *error = NULL;
    fl_extractor *ex = fl_extractor_new(NULL, &error);
    if (!ex)
        fprintf(stderr, "%s\n", error ? error : "no extractor");
    return ex;
}

int main(void)
{
    char alone[4096], after[4096], scratch[4096];
    fl_extractor *ex = fresh();
    fl_doc *a = fl_doc_new(), *b = fl_doc_new();
    CHECK(ex && a && b);
    if (!ex || !a || !b)
        return check_report("ner_word_cache");
    entities_of(ex, a, second, alone, sizeof alone);
    entities_of(ex, b, first, scratch, sizeof scratch);
    entities_of(ex, b, second, after, sizeof after);
    CHECK(strstr(alone, "Kyhsjguypxmhjxql") != NULL);
    CHECK_STR(after, alone);
    /* The twin's own answer is not changed by the collider either. */
    entities_of(ex, b, first, after, sizeof after);
    CHECK_STR(after, scratch);
    /* Long words, seen again: the same answer each time. */
    entities_of(ex, a, long_words, alone, sizeof alone);
    entities_of(ex, a, long_words, after, sizeof after);
    CHECK(alone[0] != 0);
    CHECK_STR(after, alone);
    /* The overflow list: the same entities in a fresh document as in one
     * whose cache has seen other articles, and again. */
    fl_doc *c = fl_doc_new();
    CHECK(c != NULL);
    if (c) {
        entities_of(ex, c, repeated_long, alone, sizeof alone);
        entities_of(ex, a, repeated_long, after, sizeof after);
        CHECK(strstr(alone, "London|LOC") != NULL);
        CHECK_STR(after, alone);
        entities_of(ex, a, repeated_long, after, sizeof after);
        CHECK_STR(after, alone);
        fl_doc_free(c);
    }
    fl_doc_free(a);
    fl_doc_free(b);
    fl_extractor_free(ex);
    return check_report("ner_word_cache");
}
