/*
 * quote_internal.h — the state of the quote and attribution layer and the
 * helpers its files share.
 *
 * The layer works on token indexes of the analysed doc; spans are made from
 * tokens only when results are stored. Its arrays live in one
 * fl_quote_layer hung on the doc, reused across articles (capacity only
 * grows), so a warm stream allocates nothing per article.
 *
 * The pipeline (quote_layer.c runs it):
 *   1. quotes.c    finds the quote marks' pairs, joins paragraph runs and
 *                  split quotes, and classifies each quote;
 *   2. attrib.c    finds cues and, for each, its source words and content;
 *   3. speakers.c  turns source words into fl_speaker (pronoun and nominal
 *                  antecedents, using names.c for names and source types) and
 *                  gives each quote its speaker (cue, continuation, conveyed,
 *                  message, context).
 * Not for: JSON (quote_json.c) or PolNeAR (polnear.c).
 */
#ifndef FL_QUOTE_INTERNAL_H
#define FL_QUOTE_INTERNAL_H

#include <stdint.h>

#include "factline.h"
#include "quote/cues.h"
#include "text/doc.h"

/* A quote while it is being built: token indexes of its marks. */
typedef struct raw_part {
    uint32_t first, last; /* first and last token of the part, marks included */
} raw_part;

/* An attribution candidate, in tokens. Ranges are [begin, end); an empty
 * range (begin == end) means none. */
typedef struct raw_attr {
    uint32_t src_begin, src_end;
    uint32_t cue_begin, cue_end;
    uint32_t content_begin, content_end;
    uint32_t conv_begin, conv_end; /* "quoting X's message": X */
    int32_t quote;                 /* the quote that is its content, or -1 */
    int vetoed;                    /* the cue detector does not take the rules' cue for a PolNeAR cue */
} raw_attr;

/* The longest name runs in the article that end with, and that start with, a
 * given word: the "fullest form" lookup of speakers.c, built once per
 * article (open addressing on the word's bytes). */
typedef struct name_entry {
    uint32_t tok;          /* a token with this word; UINT32_MAX: empty slot */
    uint32_t end_b, end_e; /* longest run ending with the word */
    uint32_t start_b, start_e; /* longest run starting with the word */
} name_entry;

typedef struct fl_quote_layer {
    fl_quote *quotes;
    size_t quote_count, quote_cap;
    fl_span *parts;
    raw_part *raw_parts;           /* parallel to parts */
    size_t part_count, part_cap;
    fl_attribution *attribs;
    raw_attr *raw_attrs;           /* parallel to attribs */
    size_t attrib_count, attrib_cap;
    int32_t *tok_quote;            /* per token: the quote it lies in, or -1 */
    uint32_t *tok_sentence;        /* per token: its sentence */
    /* Per token, answers of tok_in and tok_cue remembered for the article:
     * the rules ask about the same token many times, and each answer is a
     * probe of the cue index (cue_index.c); also name_is_word's answer. */
    uint32_t *tok_list_known;      /* TOK_KNOWN_* bits: what is remembered of the token */
    uint32_t *tok_list_in;         /* bit l: in list l (0 for a token not wordish) */
    int16_t *tok_cue_flags;        /* CUE_* flags of the token, or -1 until asked */
    uint8_t *tok_entity;           /* 1 + the type (fl_entity_type) of the entity layer's mention the token is in, or 0 */
    uint8_t *tok_role;             /* attrib_learned.c: the token's part in the rules' attributions */
    uint64_t *tok_hash;            /* attrib_learned.c: the word's hash (fl_attrib_word_hash), 0: not a word */
    uint32_t *tok_lex;             /* attrib_learned.c: the word's fl_attrib_model_lexicon bits */
    raw_attr *raw_tmp;             /* attrib_learned.c: the learned attributions while merging */
    fl_attribution *attr_tmp;
    size_t tmp_cap;
    size_t tok_cap;
    name_entry *names;
    size_t names_cap;              /* a power of two, or 0 */
    int names_built;               /* names holds this article's runs */
    /* "Community Security Trust (CST)": acronyms defined in the article
     * (names.c), found once per article when a speaker is an acronym */
    struct acronym {
        uint32_t tok;              /* the acronym's token inside the brackets */
        uint32_t begin, end;       /* the words it stands for */
    } acronyms[16];
    uint32_t acronym_count;
    int acronyms_built;
    /* "Israel Defense Forces": the armed forces the article names, for "the
     * army said" (speakers.c); forces_known is 0 until looked for */
    uint32_t forces_begin, forces_end;
    int forces_known;
    /* link.c: the entity layer's mentions (not MISC) sorted by start, so a
     * speaker's span looks only at the mentions inside it */
    struct link_mention {
        uint32_t start, end, entity;
    } *link_index;
    size_t link_cap;
    /* link.c: the entities' names and aliases sorted ignoring case, built when
     * a speaker first needs a lookup by name */
    struct link_name {
        const char *s;
        size_t len;
        uint32_t entity;
    } *link_names;
    size_t link_names_cap;
    /* mentions.c: the attributions sorted by cue, valid only while
     * fl_speakers_assign resolves them (nothing adds or moves one then), so
     * spk_named_other_sex looks at the ones nearest before a pronoun */
    struct cue_order {
        uint32_t cue, k;
    } *cue_order;
    size_t cue_order_cap;
    int cue_order_valid;
    int failed;                    /* an allocation failed */
} fl_quote_layer;

/* What the rules look at. */
typedef struct qctx {
    fl_doc *doc;
    const char *text;
    const fl_token *tok;
    uint32_t ntok;
    const fl_sentence *sent;
    uint32_t nsent;
    const fl_paragraph *para;
    uint32_t npara;
    fl_quote_layer *L;
} qctx;

/* Runs the layer on an analysed doc; creates the layer on first use. With a
 * model, cues the learned detector proposes are added after the rules'
 * (attrib_learned.c); fl_quote_extract is the rules alone. */
struct fl_attrib_model;
fl_status fl_quote_extract(fl_doc *doc);
fl_status fl_quote_extract_with(fl_doc *doc, const struct fl_attrib_model *model);
/* The rules' view of a doc the layer has run on (for the trainer). */
qctx fl_quote_context(fl_doc *doc);
/* Links speakers and sources to the entities of the same doc (link.c). */
void fl_quote_link_entities(fl_doc *doc);
void fl_quote_layer_reset(fl_quote_layer *L);
void fl_quote_layer_free(fl_quote_layer *L);

/* quotes.c */
int fl_quotes_find(qctx *c);
/* attrib.c */
int fl_attrib_find(qctx *c);
/* attrib_learned.c */
/* tok_role, tok_hash and tok_lex from the attributions found so far; call
 * before asking for features or candidates. */
void fl_attrib_prepare(qctx *c, const struct fl_attrib_model *m);
size_t fl_attrib_token_features(qctx *c, uint32_t t, uint64_t *out); /* at most ATTRIB_MAX_FEATURES */
int fl_attrib_candidate(const qctx *c, uint32_t t); /* a word the detector is asked about */
int fl_attrib_learned(qctx *c, const struct fl_attrib_model *m);
/* speakers.c */
void fl_speaker_from_tokens(qctx *c, uint32_t begin, uint32_t end, uint32_t cue_begin, uint32_t cue_end,
                            fl_speaker *out);
void fl_speakers_assign(qctx *c);
/* How far (in tokens) the speaker rules look for an antecedent: enough for any
 * real sentence, and a bound on the work in a pathological one. */
enum { TEXT_WINDOW = 400 };
/* mentions.c: a mention and the person it names */
int spk_head_matches(const qctx *c, uint32_t i, uint32_t h); /* word i is word h, or its plural */
int spk_same_modifiers(const qctx *c, uint32_t b, uint32_t h, uint32_t t); /* "the Labour leader" ~ "Labour leader Sir Keir" */
int spk_named_other_sex(const qctx *c, uint32_t p, fl_span name); /* called by the other pronoun before p */
void spk_cue_order_build(fl_quote_layer *L); /* mentions.c: sets cue_order_valid, or not when memory ran out */
int spk_lead_named(const qctx *c, uint32_t b, uint32_t e, fl_span *out); /* "An MP has said" / "... Layla Moran told" */
int spk_kin_named(const qctx *c, uint32_t b, uint32_t e, fl_span *out); /* "his father" -> "his father Loitu Mollel" */
uint32_t spk_described_then_named(const qctx *c, uint32_t b, uint32_t e); /* "Joshua's grandfather, Ephata Nanyaro" */
int spk_joined_name(const qctx *c, uint32_t b, uint32_t e);               /* "Physicians for Human Rights Israel" */
int spk_apposition_after(const qctx *c, uint32_t t, uint32_t hi, uint32_t *b, uint32_t *e); /* "spokeswoman ..., Abeer Etefa," */
int spk_described_person(const qctx *c, uint32_t b, uint32_t e);          /* "The 29-year-old", "The Radlett resident" */
/* Does the description [b, e) fit the person *name (found from token from on): a word of it next to the
 * name, the name has been speaking, or no other person named since from? Sets *name to another person
 * the description fits better ("Texas Republican Ted Cruz"). */
int spk_description_fits(const qctx *c, uint32_t b, uint32_t e, fl_span *name, uint32_t from);
/* "I asked Yonatan what ...", "We ask him whether ...": token k is the interviewer's cue; returns the token
 * of the one asked, or 0 (the one detection speakers.c and pronouns.c share). */
uint32_t spk_asked_object(const qctx *c, uint32_t k);
/* The one asked at o is a person named [o, *end): not "Mr Johnson's spokesman", not "ChatGPT what it". */
int spk_asked_name(const qctx *c, uint32_t o, uint32_t *end);
void spk_fill_direct(const qctx *c, uint32_t b, uint32_t e, fl_speaker *out); /* a source named as written, fullest form */
int spk_partitive_person(const qctx *c, uint32_t t, uint32_t *begin); /* "One of her children": sex 1-3, or 0 */
int spk_in_opening_participle(const qctx *c, const fl_sentence *se, uint32_t t); /* "Asked about what he ..., X said" */
/* wordclass.c: what single words say about a mention */
int wc_subordinator(const qctx *c, uint32_t i); /* "as", "when": opens a clause */
int wc_party_member(const qctx *c, uint32_t i); /* "Republican", "Tory" */
int wc_coordinator(const qctx *c, uint32_t i); /* "Neither", "Both": no name word */
int wc_hyphen_sex(const qctx *c, uint32_t i);        /* "mother-in-law": 1 a woman, 2 a man, else 0 */
int wc_hyphen_title(const qctx *c, uint32_t i);      /* "vice-president" */
int wc_place_noun(const qctx *c, uint32_t i);        /* "city" of "the city of Deir al-Balah" */
int wc_place_preposition(const qctx *c, uint32_t i); /* "in", "on", "at" ... before a place or time */
int wc_thing_noun(const qctx *c, uint32_t i);        /* "programme", "show", "festival" */
int wc_named_thing(const qctx *c, uint32_t i);       /* the same, lower-case, after a name */
int wc_in_indefinite(const qctx *c, uint32_t s);     /* "a north London Jewish secondary school" */
int wc_lower_past_form(const qctx *c, uint32_t i);   /* "messaged" */
int wc_lower_verb(const qctx *c, uint32_t i);        /* "smiles", "left" */
int wc_agent_noun(const qctx *c, uint32_t i);        /* "footballer", "journalist" */
int wc_person_kind_word(const qctx *c, uint32_t i);  /* "Frenchman", "Republican", "Obamas" after "the" */
int wc_owned_thing(const qctx *c, uint32_t i);       /* "Cup" of "FA Cup", "Committee" of "Treasury Committee" */
int wc_speech_cue(const qctx *c, uint32_t i);        /* "recalled how", "told the BBC": not "shouted abuse" */
/* authors.c: the author of a message or statement a cue-less quote belongs to */
int32_t spk_message_poster(const qctx *c, const fl_quote *q, size_t attr_count); /* attribution index or -1 */
uint32_t spk_message_from(const qctx *c, uint32_t open);       /* "messages from him": the message word */
int32_t spk_statement_author(const qctx *c, const fl_quote *q, size_t attr_count); /* attribution index or -1 */
/* nominals.c: nominal mentions ("the official") and what they refer to */
enum { NOMINAL_MAX = 3, LOOKBACK_SENTENCES = 5 }; /* words of a nominal; sentences back for an antecedent */
uint32_t spk_phrase_start(const qctx *c, uint32_t t); /* the noun phrase ending at t */
uint32_t spk_name_end(const qctx *c, uint32_t t);     /* the last token of t's name */
int spk_is_nominal(const qctx *c, uint32_t b, uint32_t e); /* "the official", "the force" */
int spk_latest_body_source(const qctx *c, uint32_t b, fl_source_type type, fl_speaker *out);
int spk_nominal_modifiers_fit(const qctx *c, uint32_t b, uint32_t h, uint32_t t);
int spk_resolve_nominal(const qctx *c, uint32_t b, uint32_t e, fl_speaker *out);
int spk_resolve_nominal_as(const qctx *c, uint32_t b, uint32_t e, int strict, fl_speaker *out);
/* pronouns.c: a pronoun's antecedent */
int spk_gender_clash(const qctx *c, uint32_t p, uint32_t b, uint32_t e); /* -1 if the name is of the other sex */
int spk_person_in_text(const qctx *c, uint32_t b, uint32_t min_s, fl_speaker *out); /* 1, 0, -1 ambiguous */
int spk_resolve_pronoun(const qctx *c, uint32_t b, size_t attr_limit, fl_speaker *out);
int spk_is_person_pronoun(const qctx *c, uint32_t i);          /* he, she, his, her, him */
/* orgnames.c: organisations and bylines the article names */
int org_named_forces(qctx *c, uint32_t *begin, uint32_t *end);
int org_byline_author(const qctx *c, uint32_t *begin, uint32_t *end);
int org_is_military(const qctx *c, uint32_t b, uint32_t e);
int org_same_country(const qctx *c, uint32_t b, uint32_t e, uint32_t forces);
int org_institution(const qctx *c, uint32_t b, uint32_t e, uint32_t *begin, uint32_t *end);
/* headline.c: speakers of headline quotes from the body, after fl_speakers_assign */
void fl_headline_speakers(qctx *c);

/* Noun phrases (np.c). Ranges are [begin, end) token indexes. */
typedef struct np_range {
    uint32_t begin, end;
    uint32_t conv_begin, conv_end; /* a conveyed speaker inside a parenthetical, or empty */
    uint32_t lead; /* when begin skips a description before a name in apposition, where the
                    * description starts (the quote before it is the content); else 0 */
} np_range;
np_range np_left(const qctx *c, uint32_t lo, uint32_t end);   /* subject ending at `end` */
np_range np_right(const qctx *c, uint32_t begin, uint32_t hi); /* name after an inverted cue */
np_range np_subject(const qctx *c, uint32_t lo, uint32_t hi);  /* the subject opening a sentence */
uint32_t np_skip_hearer(const qctx *c, uint32_t i, uint32_t hi); /* after "told": past "reporters" */
int np_is_age(const qctx *c, uint32_t i); /* "42-year-old" */

/* Names (names.c). */
enum { NAME_RUN_MAX = 5 }; /* name words in a run: "Ursula von der Leyen" */
int name_is_word(const qctx *c, uint32_t i);         /* can be part of a person's name */
int name_same_word(const qctx *c, uint32_t a, uint32_t b);
int name_goes_on(const qctx *c, uint32_t t);         /* a name continues after token t */
uint32_t name_run_start(const qctx *c, uint32_t i);  /* first token of the run ending at i */
fl_source_type name_source_type(const qctx *c, uint32_t b, uint32_t e, int *anonymous);
fl_span name_fullest(const qctx *c, uint32_t b, uint32_t e); /* fullest form in the article */
int name_is_acronym(const qctx *c, uint32_t i);       /* 2-6 capital letters: "BA", "IDF" */

/* Token helpers (quote_layer.c). */
uint32_t tok_sentence_of(const qctx *c, uint32_t t);
uint32_t tok_at_byte(const qctx *c, uint32_t byte);
int tok_eq_full(const qctx *c, uint32_t i, const char *word);
/* Token i spells `word` (lower case), ASCII case-insensitively. The rules
 * ask this millions of times an article set, nearly always of a token that
 * starts with another letter: the first byte is compared here, inline. */
static inline int tok_eq(const qctx *c, uint32_t i, const char *word)
{
    if (i >= c->ntok)
        return 0;
    const fl_token *t = &c->tok[i];
    if (t->end > t->start) {
        unsigned char a = (unsigned char)c->text[t->start];
        if (a >= 'A' && a <= 'Z')
            a = (unsigned char)(a + 32);
        if (a != (unsigned char)word[0])
            return 0;
    }
    return tok_eq_full(c, i, word);
}
/* Bits of tok_list_known: the token's lists (tok_list_in) are known; its
 * name_is_word answer is known, and is yes. */
enum { TOK_KNOWN_LISTS = 1u, TOK_KNOWN_NAME = 2u, TOK_IS_NAME = 4u };
int tok_in_first(const qctx *c, uint32_t i, fl_wordlist list); /* tok_in's first answer for token i */
/* Token i is a word (tok_is_wordish) of the list. Asked millions of times
 * an article set, mostly of tokens already answered: that answer is read
 * here, inline; the first question of a token looks up all its lists. */
static inline int tok_in(const qctx *c, uint32_t i, fl_wordlist list)
{
    if (i < c->ntok && (c->L->tok_list_known[i] & TOK_KNOWN_LISTS))
        return (unsigned)list < WL_COUNT && (c->L->tok_list_in[i] >> list & 1u);
    return tok_in_first(c, i, list);
}
/* All the lists token i is in, as bits (1u << list); 0 past the end. */
static inline uint32_t tok_lists(const qctx *c, uint32_t i)
{
    if (i >= c->ntok)
        return 0;
    if (!(c->L->tok_list_known[i] & TOK_KNOWN_LISTS))
        tok_in_first(c, i, WL_COUNT);
    return c->L->tok_list_in[i];
}
int tok_cue_first(const qctx *c, uint32_t i);
/* CUE_* flags of a word token (0 for another token): the remembered
 * answer inline, the first question of a token out of line. */
static inline int tok_cue(const qctx *c, uint32_t i)
{
    if (i < c->ntok && c->L->tok_cue_flags[i] >= 0)
        return c->L->tok_cue_flags[i];
    return tok_cue_first(c, i);
}
int tok_punct(const qctx *c, uint32_t i, char ch);         /* a one-byte punctuation token */
int tok_is_wordish(const qctx *c, uint32_t i);             /* word, abbrev, domain, handle, number */
int tok_cap(const qctx *c, uint32_t i);
int tok_is_mark(const qctx *c, uint32_t i);                /* a quote mark token */
int tok_double_mark(const qctx *c, uint32_t i);            /* " “ ” « » „ */
fl_span tok_span(const qctx *c, uint32_t begin, uint32_t end); /* tokens [begin, end) */
int attr_push(qctx *c, const raw_attr *a);
int fl_quote_layer_grow_parts(fl_quote_layer *L, size_t need);
int fl_quote_layer_grow_quotes(fl_quote_layer *L, size_t need);

#endif
