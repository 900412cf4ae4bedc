/*
 * ner_entities.c — the entities of one article: tags its tokens with the
 * model, turns labels into mentions, and joins the mentions that name the
 * same thing (the rules are listed in factline.h, section 5.1). A name
 * found once is also marked where it recurs untagged. Not for:
 * the tagger (ner_model.c) or the word lists (ner_tables.c).
 *
 * Joining works on "forms": a mention's text after title words and a
 * possessive are stripped, with country variants mapped to one spelling.
 * Mentions of the same form and type are one entity. Then shorter forms
 * join longer ones of the same type: a person's surname (or any final run of
 * words) joins the full name mentioned nearest before it; an organisation's
 * or place's form joins a longer form that begins or ends with it; an
 * acronym joins the name it follows in parentheses. Cost: forms x forms
 * comparisons per article (a few hundred), nothing per token.
 *
 * Memory: every array lives in the fl_ner_doc and is reused for the next
 * article; names are copied into one string arena, whose pointers are set
 * once the article is done (the arena may move while it grows).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner/ner.h"
#include "ner/ner_lexicon.h"
#include "ner/ner_words.h"
#include "text/doc.h"
#include "util/buffer.h"

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

/* A distinct form: the text a mention is known by. */
typedef struct form {
    uint32_t text_start, text_len; /* where its text is (article text, or a table string) */
    const char *table_text;        /* canonical country name, or NULL: text is in the article */
    uint32_t token_begin, token_end; /* tokens of its first mention */
    int type;
    uint32_t first_mention;        /* index of its first mention */
    int32_t joined;                /* form it was joined into, or -1 */
    int used;                      /* some mention has this form (not so after trim_headline) */
    int32_t entity;
} form;

typedef struct raw_mention {
    uint32_t token_begin, token_end;
    int type;
    int32_t form;
    int32_t target; /* the form whose entity this mention belongs to (resolve_people) */
} raw_mention;

typedef struct repeat_candidate {
    uint64_t first;    /* hash of its first token's text */
    uint32_t mention;  /* index in raw */
} repeat_candidate;

struct fl_ner_doc {
    fl_ner_work work;
    repeat_candidate *candidates; /* add_repeats' scratch */
    size_t candidate_cap;
    fl_ner_token *tokens;
    uint8_t *labels;
    size_t token_cap;
    raw_mention *raw;
    size_t raw_count, raw_cap;
    form *forms;
    size_t form_count, form_cap;
    fl_mention *mentions;
    size_t mention_count, mention_cap;
    fl_entity *entities;
    size_t entity_count, entity_cap;
    size_t *name_offset;           /* per entity: arena offset of its name */
    size_t name_offset_cap;
    size_t *alias_offset;          /* per alias: arena offset */
    size_t alias_offset_cap;
    const char **alias_ptrs;
    size_t alias_count, alias_cap;
    fl_buffer arena;
    size_t word_tokens; /* tokens whose word cache entries are those of this doc (fl_ner_word_memo) */
};

void fl_ner_doc_free(fl_ner_doc *d)
{
    if (!d)
        return;
    fl_ner_work_free(&d->work);
    free(d->candidates);
    free(d->tokens);
    free(d->labels);
    free(d->raw);
    free(d->forms);
    free(d->mentions);
    free(d->entities);
    free(d->name_offset);
    free(d->alias_offset);
    free(d->alias_ptrs);
    fl_buffer_release(&d->arena);
    free(d);
}

void fl_ner_doc_clear(fl_ner_doc *d)
{
    if (d)
        d->entity_count = d->mention_count = d->raw_count = d->form_count = d->alias_count = d->word_tokens = 0;
}

size_t fl_doc_entity_count(const fl_doc *doc) { return doc->ner ? doc->ner->entity_count : 0; }
const fl_entity *fl_doc_entities(const fl_doc *doc) { return doc->ner ? doc->ner->entities : NULL; }

/* Grows an array to hold `need` elements. */
static int reserve(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 1;
    size_t c = *cap ? *cap : 16;
    while (c < need)
        c *= 2;
    void *n = realloc(*p, c * size);
    if (!n)
        return 0;
    *p = n;
    *cap = c;
    return 1;
}

static const char *tok_text(const fl_doc *doc, uint32_t i) { return doc->text + doc->tokens.tokens[i].start; }
static uint32_t tok_len(const fl_doc *doc, uint32_t i)
{
    return doc->tokens.tokens[i].end - doc->tokens.tokens[i].start;
}

static int tok_is(const fl_doc *doc, uint32_t i, const char *s)
{
    return tok_len(doc, i) == strlen(s) && !memcmp(tok_text(doc, i), s, tok_len(doc, i));
}

/* Strips title and role words from the front of a person's name, a leading
 * "The", and a possessive or stray punctuation from the ends. */
static void normalise(const fl_doc *doc, raw_mention *m)
{
    while (m->token_end > m->token_begin + 1) {
        const fl_token *t = &doc->tokens.tokens[m->token_end - 1];
        if (t->kind == FL_TOKEN_CLITIC || t->kind == FL_TOKEN_PUNCT || t->kind == FL_TOKEN_QUOTE ||
            t->kind == FL_TOKEN_DASH)
            m->token_end--;
        else
            break;
    }
    while (m->token_end > m->token_begin + 1) {
        const fl_token *t = &doc->tokens.tokens[m->token_begin];
        if (t->kind == FL_TOKEN_PUNCT || t->kind == FL_TOKEN_QUOTE || t->kind == FL_TOKEN_DASH)
            m->token_begin++;
        else
            break;
    }
    /* A leading article is not part of a name ("The Home Office"). */
    if (m->token_end > m->token_begin + 1 && (tok_is(doc, m->token_begin, "The") || tok_is(doc, m->token_begin, "the")))
        m->token_begin++;
    if (m->type != FL_ENTITY_PER)
        return;
    /* The longest prefix made of title words, their connectors and a
     * country ("U.S. Secretary of State"), if it holds a title word. */
    uint32_t strip = 0;
    int titled = 0;
    for (uint32_t i = m->token_begin; i + 1 < m->token_end; i++) {
        const char *s = tok_text(doc, i);
        uint32_t len = tok_len(doc, i);
        if (fl_ner_title_word(s, len))
            titled = 1;
        else if (!(titled && fl_ner_title_connector(s, len)) && !(i == m->token_begin && fl_ner_country_canonical(s, len, NULL)))
            break;
        if (titled)
            strip = i + 1 - m->token_begin;
    }
    /* A connector cannot end the title if a name follows it ("of" in "Secretary of"). */
    if (titled && strip)
        m->token_begin += strip;
}

/* Finds or adds the form of a mention. A country variant takes its
 * country's name and type ("US" tagged ORG in "US says ..." is the place). */
static int32_t form_of(fl_ner_doc *d, const fl_doc *doc, raw_mention *m, uint32_t mention_index)
{
    uint32_t start = doc->tokens.tokens[m->token_begin].start, end = doc->tokens.tokens[m->token_end - 1].end;
    int country_type = m->type;
    const char *canonical = m->type != FL_ENTITY_PER
                                ? fl_ner_country_canonical(doc->text + start, end - start, &country_type)
                                : NULL;
    m->type = country_type;
    const char *text = canonical ? canonical : doc->text + start;
    size_t len = canonical ? strlen(canonical) : end - start;
    for (size_t f = 0; f < d->form_count; f++) {
        const form *o = &d->forms[f];
        const char *ot = o->table_text ? o->table_text : doc->text + o->text_start;
        if (o->type == m->type && o->text_len == len && !memcmp(ot, text, len))
            return (int32_t)f;
    }
    if (!reserve((void **)&d->forms, &d->form_cap, d->form_count + 1, sizeof *d->forms))
        return -1;
    form *n = &d->forms[d->form_count];
    n->text_start = canonical ? 0 : start;
    n->text_len = (uint32_t)len;
    n->table_text = canonical;
    n->token_begin = m->token_begin;
    n->token_end = m->token_end;
    n->type = m->type;
    n->first_mention = mention_index;
    n->joined = -1;
    n->entity = -1;
    n->used = 1;
    return (int32_t)d->form_count++;
}

static const char *form_text(const fl_doc *doc, const form *f)
{
    return f->table_text ? f->table_text : doc->text + f->text_start;
}

/* 1 if the tokens of form a are a run at the start (where == 0) or the end
 * (where == 1) of form b's tokens. */
static int tokens_affix(const fl_doc *doc, const form *a, const form *b, int where)
{
    uint32_t na = a->token_end - a->token_begin, nb = b->token_end - b->token_begin;
    if (na >= nb || a->table_text || b->table_text)
        return 0;
    uint32_t off = where ? nb - na : 0;
    for (uint32_t k = 0; k < na; k++) {
        uint32_t ta = a->token_begin + k, tb = b->token_begin + off + k;
        if (tok_len(doc, ta) != tok_len(doc, tb) || memcmp(tok_text(doc, ta), tok_text(doc, tb), tok_len(doc, ta)))
            return 0;
    }
    return 1;
}

static int is_function_word(const char *s, uint32_t len)
{
    static const char *const words[] = {"and", "for", "of", "the", "on", "in", "&"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == len && !memcmp(words[i], s, len))
            return 1;
    return 0;
}

/* 1 if the acronym's letters are the initials of the words of tokens
 * [begin, end) (function words skipped): "IDF" for "Israel Defense Forces". */
static int is_acronym_of(const fl_doc *doc, const char *acr, uint32_t acr_len, uint32_t begin, uint32_t end)
{
    if (acr_len < 2 || acr_len > 8 || end - begin < 2)
        return 0;
    uint32_t k = 0;
    for (uint32_t t = begin; t < end; t++) {
        const char *s = tok_text(doc, t);
        uint32_t len = tok_len(doc, t);
        if (is_function_word(s, len))
            continue;
        if (k >= acr_len || !(s[0] >= 'A' && s[0] <= 'Z') || s[0] != acr[k])
            return 0;
        k++;
    }
    return k == acr_len;
}

/* The form a form was finally joined into. */
static int32_t root(const fl_ner_doc *d, int32_t f)
{
    while (d->forms[f].joined >= 0)
        f = d->forms[f].joined;
    return f;
}

/* Joins shorter forms into longer ones (see the file comment). */
static void join_forms(fl_ner_doc *d, const fl_doc *doc)
{
    /* Acronyms given in parentheses right after a name. */
    for (size_t i = 0; i < d->raw_count; i++) {
        const raw_mention *m = &d->raw[i];
        uint32_t e = m->token_end;
        if (e + 2 >= doc->tokens.count || !tok_is(doc, e, "(") || !tok_is(doc, e + 2, ")"))
            continue;
        const form *full = &d->forms[m->form];
        if (full->table_text || !is_acronym_of(doc, tok_text(doc, e + 1), tok_len(doc, e + 1), m->token_begin, e))
            continue;
        for (size_t f = 0; f < d->form_count; f++) {
            form *a = &d->forms[f];
            if ((int32_t)f != m->form && !a->table_text && a->text_len == tok_len(doc, e + 1) &&
                !memcmp(doc->text + a->text_start, tok_text(doc, e + 1), a->text_len) && a->joined < 0)
                a->joined = m->form;
        }
    }
    /* Shorter forms into longer ones of the same type. */
    for (size_t f = 0; f < d->form_count; f++) {
        form *a = &d->forms[f];
        if (a->joined >= 0 || !a->used)
            continue;
        int32_t best = -1;
        uint32_t best_mention = 0;
        for (size_t g = 0; g < d->form_count; g++) {
            const form *b = &d->forms[g];
            if (g == f || !b->used)
                continue;
            int ok;
            if (b->type == FL_ENTITY_PER)
                /* A surname joins a person; "Biden" in "the Biden administration"
                 * may be tagged as a name of another kind but is the person. */
                ok = (a->type == FL_ENTITY_PER || ((a->type == FL_ENTITY_MISC || a->type == FL_ENTITY_ORG) &&
                                                   a->token_end - a->token_begin == 1)) &&
                     tokens_affix(doc, a, b, 1);
            else
                /* Other names join only on two or more shared words ("Health
                 * Ministry" in "Palestinian Health Ministry"): one word
                 * ("Gaza" in "Gaza Ministry of Health") names something else. */
                ok = b->type == a->type && a->token_end - a->token_begin >= 2 &&
                     (tokens_affix(doc, a, b, 0) || tokens_affix(doc, a, b, 1));
            if (!ok)
                continue;
            /* Prefer the full form mentioned last before this form's first
             * mention ("Blinken" after "Antony Blinken"), else the first one
             * mentioned after it. */
            uint32_t bm = b->first_mention, am = a->first_mention;
            int better;
            if (best < 0)
                better = 1;
            else if (bm < am)
                better = best_mention > am || bm > best_mention;
            else
                better = best_mention > am && bm < best_mention;
            if (better) {
                best = (int32_t)g;
                best_mention = bm;
            }
        }
        if (best >= 0)
            a->joined = best;
    }
}

/* A short form of a person's name names the person mentioned nearest
 * before it, mention by mention: in "George Bush ... Laura Bush ... Bush
 * said", the last "Bush" is Laura Bush. Other mentions keep their form's
 * entity. */
static void resolve_people(fl_ner_doc *d, const fl_doc *doc)
{
    for (size_t i = 0; i < d->raw_count; i++)
        d->raw[i].target = d->raw[i].form;
    for (size_t i = 0; i < d->raw_count; i++) {
        const form *a = &d->forms[d->raw[i].form];
        if (a->joined < 0 || d->forms[root(d, a->joined)].type != FL_ENTITY_PER)
            continue;
        for (size_t j = i; j-- > 0;) {
            const form *b = &d->forms[d->raw[j].form];
            if (b->type == FL_ENTITY_PER && tokens_affix(doc, a, b, 1)) {
                d->raw[i].target = d->raw[j].form;
                break;
            }
        }
    }
}

/* A headline is in title case, so the tagger may take a capitalised verb
 * into a name ("Troops Encircle Gaza City"). A headline mention the body
 * never repeats, that ends or begins with a name the body mentions (same
 * type), is cut to that name. */
static void trim_headline(fl_ner_doc *d, const fl_doc *doc)
{
    if (!doc->article || doc->paragraphs.count < 2)
        return;
    uint32_t body = doc->sentences.count > doc->paragraphs.paragraphs[0].sentence_end
                        ? doc->sentences.sentences[doc->paragraphs.paragraphs[0].sentence_end].token_begin
                        : (uint32_t)doc->tokens.count;
    for (size_t i = 0; i < d->raw_count && d->raw[i].token_begin < body; i++) {
        raw_mention *m = &d->raw[i];
        const form *mine = &d->forms[m->form];
        int in_body = 0;
        for (size_t j = i + 1; j < d->raw_count && !in_body; j++)
            in_body = d->raw[j].token_begin >= body && d->raw[j].form == m->form;
        if (in_body)
            continue;
        int32_t best = -1;
        for (size_t g = 0; g < d->form_count; g++) {
            const form *b = &d->forms[g];
            if (b->type != m->type || b->token_begin < body || (best >= 0 && b->text_len <= d->forms[best].text_len))
                continue;
            if (tokens_affix(doc, b, mine, 0) || tokens_affix(doc, b, mine, 1))
                best = (int32_t)g;
        }
        if (best < 0)
            continue;
        uint32_t len = d->forms[best].token_end - d->forms[best].token_begin;
        if (!tokens_affix(doc, &d->forms[best], mine, 0))
            m->token_begin = m->token_end - len;
        else
            m->token_end = m->token_begin + len;
        m->form = best;
    }
    for (size_t f = 0; f < d->form_count; f++)
        d->forms[f].used = 0;
    for (size_t i = 0; i < d->raw_count; i++)
        d->forms[d->raw[i].form].used = 1;
}

/* Appends a NUL-terminated string to the arena; returns its offset. */
static size_t arena_add(fl_buffer *b, const char *s, size_t len)
{
    size_t at = b->len;
    fl_buffer_append(b, s, len);
    fl_buffer_append_char(b, 0);
    return at;
}

static fl_status build_entities(fl_ner_doc *d, const fl_doc *doc)
{
    /* Entities in order of first mention: walk mentions in text order. */
    fl_buffer_clear(&d->arena);
    for (size_t i = 0; i < d->raw_count; i++) {
        int32_t r = root(d, d->raw[i].target);
        if (d->forms[r].entity < 0) {
            if (!reserve((void **)&d->entities, &d->entity_cap, d->entity_count + 1, sizeof *d->entities))
                return FL_ERR_NOMEM;
            d->forms[r].entity = (int32_t)d->entity_count;
            fl_entity *e = &d->entities[d->entity_count++];
            memset(e, 0, sizeof *e);
            e->type = (fl_entity_type)d->forms[r].type;
        }
    }
    size_t n = d->entity_count;
    if (!reserve((void **)&d->mentions, &d->mention_cap, d->raw_count + 1, sizeof *d->mentions))
        return FL_ERR_NOMEM;
    size_t *offsets = malloc((n + 1) * 2 * sizeof *offsets); /* per entity: mention start, name form */
    if (!offsets)
        return FL_ERR_NOMEM;
    /* Count mentions per entity to lay them out contiguously. */
    memset(offsets, 0, (n + 1) * 2 * sizeof *offsets);
    for (size_t i = 0; i < d->raw_count; i++)
        offsets[d->forms[root(d, d->raw[i].target)].entity + 1]++;
    for (size_t e = 0; e < n; e++)
        offsets[e + 1] += offsets[e];
    size_t *fill = offsets + n + 1;
    for (size_t e = 0; e < n; e++)
        fill[e] = offsets[e];
    for (size_t i = 0; i < d->raw_count; i++) {
        const raw_mention *m = &d->raw[i];
        int32_t e = d->forms[root(d, m->target)].entity;
        fl_mention *out = &d->mentions[fill[e]++];
        out->span.start = doc->tokens.tokens[m->token_begin].start;
        out->span.end = doc->tokens.tokens[m->token_end - 1].end;
        out->token_begin = m->token_begin;
        out->token_end = m->token_end;
        out->entity = (uint32_t)e;
    }
    d->mention_count = d->raw_count;
    /* Names (the fullest form: most tokens, then most bytes; a country's
     * canonical spelling) and aliases (the other forms by first mention). */
    d->alias_count = 0;
    if (!reserve((void **)&d->name_offset, &d->name_offset_cap, n + 1, sizeof *d->name_offset)) {
        free(offsets);
        return FL_ERR_NOMEM;
    }
    size_t *alias_first = malloc((n + 1) * sizeof *alias_first);
    if (!alias_first) {
        free(offsets);
        return FL_ERR_NOMEM;
    }
    for (size_t e = 0; e < n; e++) {
        int32_t best = -1;
        for (size_t f = 0; f < d->form_count; f++) {
            if (!d->forms[f].used || d->forms[root(d, (int32_t)f)].entity != (int32_t)e)
                continue;
            const form *c = &d->forms[f];
            if (best < 0) {
                best = (int32_t)f;
                continue;
            }
            const form *b = &d->forms[best];
            uint32_t nc = c->table_text ? 99 : c->token_end - c->token_begin;
            uint32_t nb = b->table_text ? 99 : b->token_end - b->token_begin;
            if (nc > nb || (nc == nb && c->text_len > b->text_len))
                best = (int32_t)f;
        }
        d->name_offset[e] = arena_add(&d->arena, form_text(doc, &d->forms[best]), d->forms[best].text_len);
        alias_first[e] = d->alias_count;
        /* Aliases: the entity's other forms, in order of first mention, by text. */
        for (size_t i = offsets[e]; i < offsets[e + 1]; i++) {
            const fl_mention *m = &d->mentions[i];
            const char *t = doc->text + m->span.start;
            size_t len = m->span.end - m->span.start;
            const form *bf = &d->forms[best];
            if (len == bf->text_len && !memcmp(t, form_text(doc, bf), len))
                continue;
            int seen = 0;
            for (size_t a = alias_first[e]; a < d->alias_count && !seen; a++) {
                const char *prev = d->arena.data + d->alias_offset[a];
                seen = strlen(prev) == len && !memcmp(prev, t, len);
            }
            if (seen)
                continue;
            if (!reserve((void **)&d->alias_offset, &d->alias_offset_cap, d->alias_count + 1, sizeof *d->alias_offset)) {
                free(offsets);
                free(alias_first);
                return FL_ERR_NOMEM;
            }
            d->alias_offset[d->alias_count++] = arena_add(&d->arena, t, len);
        }
    }
    alias_first[n] = d->alias_count;
    if (d->arena.failed || !reserve((void **)&d->alias_ptrs, &d->alias_cap, d->alias_count + 1, sizeof *d->alias_ptrs)) {
        free(offsets);
        free(alias_first);
        return FL_ERR_NOMEM;
    }
    for (size_t a = 0; a < d->alias_count; a++)
        d->alias_ptrs[a] = d->arena.data + d->alias_offset[a];
    for (size_t e = 0; e < n; e++) {
        fl_entity *ent = &d->entities[e];
        ent->name = d->arena.data + d->name_offset[e];
        ent->aliases = d->alias_ptrs + alias_first[e];
        ent->alias_count = alias_first[e + 1] - alias_first[e];
        ent->mentions = d->mentions + offsets[e];
        ent->mention_count = offsets[e + 1] - offsets[e];
    }
    free(offsets);
    free(alias_first);
    return FL_OK;
}

/* An acronym given in parentheses after a name ("World Health Organization
 * (WHO)") is a mention of that name wherever it appears untagged. */
static int add_acronyms(fl_ner_doc *d, const fl_doc *doc)
{
    size_t found = d->raw_count, n = doc->tokens.count;
    for (size_t k = 0; k < found; k++) {
        uint32_t e = d->raw[k].token_end;
        if (e + 2 >= n || !tok_is(doc, e, "(") || !tok_is(doc, e + 2, ")") ||
            !is_acronym_of(doc, tok_text(doc, e + 1), tok_len(doc, e + 1), d->raw[k].token_begin, e))
            continue;
        for (size_t t = 0; t < n; t++) {
            if (d->labels[t] || tok_len(doc, (uint32_t)t) != tok_len(doc, e + 1) ||
                memcmp(tok_text(doc, (uint32_t)t), tok_text(doc, e + 1), tok_len(doc, e + 1)))
                continue;
            if (!reserve((void **)&d->raw, &d->raw_cap, d->raw_count + 1, sizeof *d->raw))
                return 0;
            raw_mention *r = &d->raw[d->raw_count++];
            r->token_begin = (uint32_t)t;
            r->token_end = (uint32_t)t + 1;
            r->type = d->raw[k].type;
            d->labels[t] = (uint8_t)fl_ner_label(r->type, FL_NER_U);
        }
    }
    return 1;
}

/* A one-word name may recur as an ordinary word ("Council", "Born"); it is
 * marked again only if news usually writes it with a capital, or it is
 * unknown there. */
static int single_word_name(const fl_ner_model *model, const fl_doc *doc, uint32_t t)
{
    if (tok_len(doc, t) < 2)
        return 0;
    const uint32_t *c = fl_ner_table_find(&model->casing, fl_ner_mix(fl_ner_hash_lower(tok_text(doc, t), tok_len(doc, t))));
    return !c || *c == FL_CASE_CAP || *c == FL_CASE_UPPER || *c == FL_CASE_MIXED;
}

static int compare_raw(const void *a, const void *b)
{
    const raw_mention *x = a, *y = b;
    return x->token_begin < y->token_begin ? -1 : x->token_begin > y->token_begin;
}

/* A name the tagger found is a name wherever it recurs in the article
 * untagged (label consistency, as in Ratinov & Roth's non-local features):
 * the same capitalised tokens, none of them tagged, become a mention of the
 * same type. The longest found name wins at each position. */
static uint64_t token_hash(const fl_doc *doc, uint32_t t)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    const unsigned char *p = (const unsigned char *)tok_text(doc, t);
    for (uint32_t i = 0; i < tok_len(doc, t); i++) {
        h ^= p[i];
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}

/* Candidates in order of their first token's hash, then of their mention,
 * so those sharing a first token are together and in mention order. */
static int compare_candidates(const void *a, const void *b)
{
    const repeat_candidate *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return x->mention < y->mention ? -1 : x->mention > y->mention;
}

/* The first candidate whose first token hashes to h (nc if none). */
static size_t first_candidate(const repeat_candidate *c, size_t nc, uint64_t h)
{
    size_t lo = 0, hi = nc;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c[mid].first < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int add_repeats(const fl_ner_model *model, fl_ner_doc *d, const fl_doc *doc, size_t tagged)
{
    size_t found = d->raw_count, n = doc->tokens.count;
    /* The candidates, checked once: capitalised, and a one-word name only if
     * it is usually written with a capital; keyed by their first token. */
    size_t nc = 0;
    if (!reserve((void **)&d->candidates, &d->candidate_cap, found + 1, sizeof *d->candidates))
        return 0;
    for (size_t k = 0; k < found; k++) {
        const raw_mention *m = &d->raw[k];
        unsigned char first = (unsigned char)tok_text(doc, m->token_begin)[0];
        if (!((first >= 'A' && first <= 'Z') || first >= 0x80))
            continue;
        if (m->token_end - m->token_begin == 1 && !single_word_name(model, doc, m->token_begin))
            continue;
        d->candidates[nc].first = token_hash(doc, m->token_begin);
        d->candidates[nc++].mention = (uint32_t)k;
    }
    /* Each token is matched only against the candidates starting with the
     * same text (a binary search), not against all of them; they are tried
     * in mention order, as a scan of all would. */
    qsort(d->candidates, nc, sizeof *d->candidates, compare_candidates);
    for (size_t i = 0; nc && i < n;) {
        size_t best = SIZE_MAX;
        uint32_t best_len = 0;
        /* Every candidate starts with a capital or a non-ASCII letter. */
        unsigned char first = (unsigned char)tok_text(doc, (uint32_t)i)[0];
        int may_match = !d->labels[i] && tok_len(doc, (uint32_t)i) && ((first >= 'A' && first <= 'Z') || first >= 0x80);
        uint64_t h = may_match ? token_hash(doc, (uint32_t)i) : 0;
        for (size_t c = may_match ? first_candidate(d->candidates, nc, h) : nc; c < nc; c++) {
            if (d->candidates[c].first != h)
                break;
            const raw_mention *m = &d->raw[d->candidates[c].mention];
            uint32_t len = m->token_end - m->token_begin;
            if (len <= best_len || i + len > n)
                continue;
            uint32_t j = 0;
            while (j < len && !d->labels[i + j] && tok_len(doc, (uint32_t)(i + j)) == tok_len(doc, m->token_begin + j) &&
                   !memcmp(tok_text(doc, (uint32_t)(i + j)), tok_text(doc, m->token_begin + j),
                           tok_len(doc, m->token_begin + j)))
                j++;
            if (j == len) {
                best = d->candidates[c].mention;
                best_len = len;
            }
        }
        if (best == SIZE_MAX) {
            i++;
            continue;
        }
        if (!reserve((void **)&d->raw, &d->raw_cap, d->raw_count + 1, sizeof *d->raw))
            return 0;
        raw_mention *r = &d->raw[d->raw_count++];
        r->token_begin = (uint32_t)i;
        r->token_end = (uint32_t)(i + best_len);
        r->type = d->raw[best].type;
        i += best_len;
    }
    if (d->raw_count > tagged)
        qsort(d->raw, d->raw_count, sizeof *d->raw, compare_raw);
    return 1;
}

fl_status fl_ner_run(const fl_ner_model *m, fl_doc *doc)
{
    if (!doc->ner) {
        if (!(doc->ner = calloc(1, sizeof *doc->ner)))
            return FL_ERR_NOMEM;
        fl_ner_work_init(&doc->ner->work);
        fl_buffer_init(&doc->ner->arena);
    }
    fl_ner_doc *d = doc->ner;
    fl_ner_doc_clear(d);
    size_t n = doc->tokens.count;
    if (!n)
        return FL_OK;
    if (n > d->token_cap) {
        size_t cap = d->token_cap;
        if (!reserve((void **)&d->tokens, &cap, n, sizeof *d->tokens))
            return FL_ERR_NOMEM;
        cap = d->token_cap;
        if (!reserve((void **)&d->labels, &cap, n, sizeof *d->labels))
            return FL_ERR_NOMEM;
        d->token_cap = cap;
    }
    for (size_t i = 0; i < n; i++) {
        d->tokens[i].text = doc->text + doc->tokens.tokens[i].start;
        d->tokens[i].len = doc->tokens.tokens[i].end - doc->tokens.tokens[i].start;
        d->tokens[i].sentence_start = 0;
    }
    for (size_t s = 0; s < doc->sentences.count; s++)
        d->tokens[doc->sentences.sentences[s].token_begin].sentence_start = 1;
    d->tokens[0].sentence_start = 1;
    if (!fl_ner_tag(m, d->tokens, n, &d->work, d->labels))
        return FL_ERR_NOMEM;
    d->word_tokens = n;
    /* Labels to mentions (Viterbi only yields well-formed BILOU). */
    for (size_t i = 0; i < n; i++) {
        int part = fl_ner_label_part(d->labels[i]);
        if (part != FL_NER_B && part != FL_NER_U)
            continue;
        size_t e = i + 1;
        while (part == FL_NER_B && e < n && fl_ner_label_part(d->labels[e]) != FL_NER_L)
            e++;
        if (part == FL_NER_B)
            e++;
        if (e > n)
            e = n;
        if (!reserve((void **)&d->raw, &d->raw_cap, d->raw_count + 1, sizeof *d->raw))
            return FL_ERR_NOMEM;
        raw_mention *r = &d->raw[d->raw_count++];
        r->token_begin = (uint32_t)i;
        r->token_end = (uint32_t)e;
        r->type = fl_ner_label_type(d->labels[i]);
        /* A domain name named alone is the site's organisation (RadarOnline.com). */
        if (e == i + 1 && doc->tokens.tokens[i].kind == FL_TOKEN_DOMAIN)
            r->type = FL_ENTITY_ORG;
        normalise(doc, r);
        i = e - 1;
    }
    size_t tagged = d->raw_count;
    if (!add_acronyms(d, doc) || !add_repeats(m, d, doc, tagged))
        return FL_ERR_NOMEM;
    for (size_t i = 0; i < d->raw_count; i++)
        if ((d->raw[i].form = form_of(d, doc, &d->raw[i], (uint32_t)i)) < 0)
            return FL_ERR_NOMEM;
    trim_headline(d, doc);
    join_forms(d, doc);
    resolve_people(d, doc);
    return build_entities(d, doc);
}

int32_t *fl_ner_word_memo(const fl_doc *doc, size_t token, int which)
{
    const fl_ner_doc *d = doc->ner;
    if (!d || token >= d->word_tokens || which < 0 || which >= FL_NER_WORD_MEMOS)
        return NULL;
    return &fl_ner_word_at(&d->work, token)->memo[which];
}
