/*
 * test_quote_pronoun_chain.c — following a pronoun speaker back through
 * earlier sentences stays linear in hostile text: sentences full of subject
 * pronouns ("He said he knew he was sure he would win ...") once made each
 * pronoun start its own search three levels deep, and 14 KB of them took 2 s,
 * 40 KB far longer than any test may run. The quote after them still gets
 * its answer (no name anywhere: no speaker).
 */
#include <stdlib.h>

#include "extract_check.h"

int main(void)
{
    const char sentence[] = "He said he knew he was sure he would win and he was right. ";
    const char quote[] = "\"We will go on,\" he said.\n";
    size_t n = 700, len = n * (sizeof sentence - 1) + sizeof quote;
    char *text = malloc(len);
    CHECK(text != NULL);
    if (!text)
        return check_report("quote_pronoun_chain");
    size_t at = 0;
    for (size_t i = 0; i < n; i++, at += sizeof sentence - 1)
        memcpy(text + at, sentence, sizeof sentence - 1);
    memcpy(text + at, quote, sizeof quote);
    const char *error = NULL;
    ex = fl_extractor_new(NULL, &error);
    doc = fl_doc_new();
    CHECK(ex && doc);
    if (ex && doc) {
        run(text);
        CHECK_INT(fl_doc_quote_count(doc), 1);
        if (fl_doc_quote_count(doc) == 1)
            CHECK_INT(fl_doc_quotes(doc)[0].speaker.found, 0);
    }
    fl_doc_free(doc);
    fl_extractor_free(ex);
    free(text);
    return check_report("quote_pronoun_chain");
}
