/*
 * mentions.c — tying a mention to the person it names, for speakers.c: a
 * titled nominal's modifiers against an earlier titled name, the sex the
 * article has already given a person through a resolved pronoun, the BBC
 * lead that describes a person before naming them, a kinship noun named
 * earlier, a description followed by a name in apposition, a description of
 * one unnamed person, and a source named as written (spk_fill_direct).
 * Not for: choosing among antecedents (speakers.c) or what a name is (names.c).
 */
#include <stdlib.h>
#include <string.h>

#include "quote/quote_internal.h"
#include "util/grow.h"

/* Do the words before the title at t equal the nominal's modifiers [b + 1, h), and
 * no more ("Labour leader Sir Keir Starmer" for "the Labour leader", not "Scottish
 * Labour leader Mr Sarwar", nor "Prime Minister Netanyahu" for "the first minister")? */
int spk_same_modifiers(const qctx *c, uint32_t b, uint32_t h, uint32_t t)
{
    uint32_t n = h - (b + 1);
    if (t < n)
        return 0;
    for (uint32_t k = 0; k < n; k++)
        if (!spk_head_matches(c, t - n + k, b + 1 + k) || !spk_head_matches(c, b + 1 + k, t - n + k))
            return 0;
    uint32_t f = t - n;
    return f == 0 || !(c->tok[f - 1].kind == FL_TOKEN_WORD && (tok_cap(c, f - 1) || tok_in(c, f - 1, WL_DEMONYM)) &&
                       !tok_in(c, f - 1, WL_DETERMINER));
}

static int by_cue(const void *a, const void *b)
{
    const struct cue_order *x = a, *y = b;
    if (x->cue != y->cue)
        return x->cue < y->cue ? -1 : 1;
    return x->k < y->k ? -1 : x->k > y->k;
}

void spk_cue_order_build(fl_quote_layer *L)
{
    L->cue_order_valid = 0;
    if (!fl_grow(&L->cue_order, &L->cue_order_cap, L->attrib_count, sizeof *L->cue_order, 64))
        return; /* spk_named_other_sex then scans every attribution */
    for (size_t k = 0; k < L->attrib_count; k++)
        L->cue_order[k] = (struct cue_order){L->raw_attrs[k].cue_begin, (uint32_t)k};
    if (L->attrib_count > 1) /* cue_order may still be NULL when there are none */
        qsort(L->cue_order, L->attrib_count, sizeof *L->cue_order, by_cue);
    L->cue_order_valid = 1;
}

/* The attributions nearest before a pronoun that spk_named_other_sex looks
 * at: an article has far fewer, so for news the answer is the whole
 * article's; on an enormous one the work per pronoun stays bounded (every
 * attribution per pronoun was quadratic: 4 MB of unclosed quotes and "he
 * said" took 18 s, now 0.6 s). */
enum { NAMED_WINDOW = 1024 };

/* Has the article already called this person by a pronoun of the other sex?
 * ("Gillian Keegan told ITV ... She said ...": a later "he" is not her.) Only
 * pronoun sources resolved before token p count, the NAMED_WINDOW nearest
 * attributions before it while fl_speakers_assign runs (cue_order_valid). */
int spk_named_other_sex(const qctx *c, uint32_t p, fl_span name)
{
    int she = tok_eq(c, p, "she") || tok_eq(c, p, "her"), he = tok_eq(c, p, "he") || tok_eq(c, p, "his") ||
                                                                tok_eq(c, p, "him");
    size_t n = name.end - name.start;
    if ((!she && !he) || n == 0)
        return 0;
    const fl_quote_layer *L = c->L;
    size_t from = 0, to = L->attrib_count; /* positions in cue_order, else attribution indexes */
    if (L->cue_order_valid) {
        size_t lo = 0, hi = L->attrib_count;
        while (lo < hi) { /* the first attribution whose cue is not before p */
            size_t mid = lo + (hi - lo) / 2;
            if (L->cue_order[mid].cue < p)
                lo = mid + 1;
            else
                hi = mid;
        }
        to = lo;
        from = to > NAMED_WINDOW ? to - NAMED_WINDOW : 0;
    }
    for (size_t i = from; i < to; i++) {
        size_t k = L->cue_order_valid ? L->cue_order[i].k : i;
        const raw_attr *ra = &c->L->raw_attrs[k];
        const fl_speaker *sp = &c->L->attribs[k].source;
        if (ra->cue_begin >= p || !sp->found || sp->via != FL_VIA_PRONOUN || ra->src_end != ra->src_begin + 1)
            continue;
        uint32_t m = ra->src_begin;
        int other = he ? tok_eq(c, m, "she") || tok_eq(c, m, "her")
                       : tok_eq(c, m, "he") || tok_eq(c, m, "his") || tok_eq(c, m, "him");
        if (other && (size_t)(sp->name.end - sp->name.start) == n &&
            memcmp(c->text + sp->name.start, c->text + name.start, n) == 0)
            return 1;
    }
    return 0;
}

/* BBC leads name a person by description first and by name in the next
 * sentence ("An MP has said ... / Liberal Democrat Layla Moran told the
 * BBC ...", "Scotland's first minister has said ... / Humza Yousaf had"):
 * for an indefinite or possessive titled description [b, e) opening the
 * body's first sentence, the person named as the next sentence's subject,
 * past an opening participle ("Writing in The Times, ..."). */
int spk_lead_named(const qctx *c, uint32_t b, uint32_t e, fl_span *out)
{
    int possessive = e - b >= 3 && name_is_word(c, b) && c->tok[b + 1].kind == FL_TOKEN_CLITIC; /* "Scotland's first minister" */
    if (e <= b + 1 || e - b > 4 || !(tok_eq(c, b, "a") || tok_eq(c, b, "an") || tok_eq(c, b, "one") || possessive) ||
        !(tok_in(c, e - 1, WL_TITLE) || tok_in(c, e - 1, WL_PERSON_NOUN) ||
          ((tok_in(c, e - 1, WL_FEMALE) || tok_in(c, e - 1, WL_MALE)) && !tok_in(c, e - 1, WL_PRONOUN))) ||
        c->npara < 2)
        return 0; /* "A woman who has relatives in Israel says ... / Susan, who lives in ..., said" */
    uint32_t s = tok_sentence_of(c, b);
    if (c->sent[s].paragraph != 1 || s != c->para[1].sentence_begin || b != c->sent[s].token_begin ||
        s + 1 >= c->nsent)
        return 0;
    const fl_sentence *n = &c->sent[s + 1];
    uint32_t from = n->token_begin;
    if (c->tok[from].kind == FL_TOKEN_WORD && tok_cap(c, from) && c->tok[from].end - c->tok[from].start > 4 &&
        !memcmp(c->text + c->tok[from].end - 3, "ing", 3))
        for (uint32_t k = from + 1; k < n->token_end && k < from + 10; k++)
            if (tok_punct(c, k, ',')) { /* "Writing in The Times, Commissioner ... Robin Simcox said" */
                from = k + 1;
                break;
            }
    for (uint32_t t = from; t < n->token_end && t < from + 6; t++) {
        if (!name_is_word(c, t) || name_goes_on(c, t))
            continue;
        uint32_t r = name_run_start(c, t);
        int anon;
        int lone = t == r && r == from && c->L->tok_entity[t] != 1 + FL_ENTITY_LOC &&
                   c->L->tok_entity[t] != 1 + FL_ENTITY_ORG; /* "Susan, who lives in" */
        if ((t > r || lone) && t + 1 < n->token_end &&
            (tok_cue(c, t + 1) || tok_in(c, t + 1, WL_AUX) || (lone && tok_punct(c, t + 1, ','))) &&
            name_source_type(c, r, t + 1, &anon) == FL_SOURCE_PERSON) {
            *out = name_fullest(c, r, t + 1);
            return 1;
        }
        return 0;
    }
    return 0;
}

/* Kinship nouns a family member is named by ("his father Loitu Mollel"). */
static int is_kin_noun(const qctx *c, uint32_t i)
{
    static const char *const kin[] = {"aunt",  "brother",     "cousin",      "daughter", "father", "grandfather",
                                      "grandmother", "husband", "mother", "nephew", "niece", "sister", "son", "uncle",
                                      "wife"};
    if (c->tok[i].kind != FL_TOKEN_WORD || tok_cap(c, i))
        return 0;
    for (size_t k = 0; k < sizeof kin / sizeof kin[0]; k++)
        if (tok_eq(c, i, kin[k]))
            return 1;
    return 0;
}

/* "his father says" / "recalls Joshua's father" after "says his father Loitu
 * Mollel": a kinship mention [b, e) (a possessive, then the kinship noun) is
 * the person the article has named right after the same noun, nearest first
 * ("his father Loitu Mollel", "her cousin, Tom Weintraub Louk"). */
int spk_kin_named(const qctx *c, uint32_t b, uint32_t e, fl_span *out)
{
    if (e < b + 2 || e > b + 3 || !is_kin_noun(c, e - 1))
        return 0;
    if (e == b + 2 ? !(tok_eq(c, b, "his") || tok_eq(c, b, "her") || tok_eq(c, b, "their"))
                   : !(name_is_word(c, b) && c->tok[b + 1].kind == FL_TOKEN_CLITIC))
        return 0;
    uint32_t h = e - 1;
    for (uint32_t t = b; t > 0 && b - t < 3000; t--) {
        uint32_t k = t - 1;
        if (c->L->tok_quote[k] >= 0 || !spk_head_matches(c, k, h) || !spk_head_matches(c, h, k))
            continue;
        uint32_t n = k + 1 + (k + 1 < b && tok_punct(c, k + 1, ','));
        uint32_t ne = n;
        while (ne < b && ne - n < NAME_RUN_MAX && name_is_word(c, ne))
            ne++;
        int anon;
        if (ne - n >= 2 && name_source_type(c, n, ne, &anon) == FL_SOURCE_PERSON) {
            *out = name_fullest(c, n, ne);
            return 1;
        }
    }
    return 0;
}

/* "Joshua's grandfather, Ephata Nanyaro": a possessive description, then the
 * name in apposition; the name's first token, else 0. */
uint32_t spk_described_then_named(const qctx *c, uint32_t b, uint32_t e)
{
    uint32_t i = b, clitic = 0;
    while (i < e && !tok_punct(c, i, ',')) {
        if (c->tok[i].kind == FL_TOKEN_CLITIC && tok_eq(c, i, "'s"))
            clitic = i;
        else if (clitic && (tok_cap(c, i) || c->tok[i].kind != FL_TOKEN_WORD))
            return 0; /* "Sue's daughter Savannah": a name after the possessive */
        i++;
    }
    if (!clitic || clitic + 1 >= i || i + 1 >= e)
        return 0;
    uint32_t n = i + 1, ne = n;
    while (ne < e && name_is_word(c, ne))
        ne++;
    return ne - n >= 2 && (ne == e || tok_punct(c, ne, ',')) ? n : 0;
}

/* "Physicians for Human Rights Israel": capitalised words joined by a
 * lower-case "for", "of" or "on", the first no title: an organisation's name,
 * which no run of its words shortens. */
int spk_joined_name(const qctx *c, uint32_t b, uint32_t e)
{
    if (e < b + 3 || !tok_cap(c, b) || tok_in(c, b, WL_TITLE) || tok_in(c, b, WL_DETERMINER) || !tok_cap(c, e - 1))
        return 0;
    int joins = 0;
    for (uint32_t i = b; i < e; i++) {
        if (c->tok[i].kind != FL_TOKEN_WORD)
            return 0;
        if (tok_eq(c, i, "for") || tok_eq(c, i, "of") || tok_eq(c, i, "on"))
            joins += !tok_cap(c, i) && tok_cap(c, i - 1) && tok_cap(c, i + 1);
        else if (!tok_cap(c, i) || tok_in(c, i, WL_TITLE))
            return 0; /* "Labour MP for Perry Barr" is a person's role */
    }
    return joins > 0;
}

/* A name in apposition after the noun at t, past a short "for"/"of" phrase
 * ("spokeswoman for the UN World Food Programme (WFP), Abeer Etefa,", "group,
 * Physicians for Human Rights Israel,"): capitalised words, with lower-case
 * "for", "of", "and", "the" inside, between two commas. */
int spk_apposition_after(const qctx *c, uint32_t t, uint32_t hi, uint32_t *b, uint32_t *e)
{
    uint32_t k = t + 1;
    while (k < hi && k < t + 16 && !tok_punct(c, k, ',')) {
        if (!(tok_is_wordish(c, k) || tok_punct(c, k, '(') || tok_punct(c, k, ')')) || c->L->tok_quote[k] >= 0 ||
            (tok_cue(c, k) && !tok_cap(c, k)) || (tok_in(c, k, WL_AUX) && !tok_cap(c, k)))
            return 0;
        k++;
    }
    if (k >= hi || !tok_punct(c, k, ',') || (k > t + 1 && !(tok_eq(c, t + 1, "for") || tok_eq(c, t + 1, "of"))))
        return 0;
    uint32_t n = k + 1, ne = n;
    while (ne < hi && ne < n + 8 && c->tok[ne].kind == FL_TOKEN_WORD &&
           (tok_cap(c, ne) || tok_eq(c, ne, "for") || tok_eq(c, ne, "of") || tok_eq(c, ne, "and") || tok_eq(c, ne, "the")))
        ne++;
    if (ne - n < 2 || ne >= hi || !tok_punct(c, ne, ',') || !tok_cap(c, n) || !tok_cap(c, ne - 1) ||
        c->L->tok_quote[n] >= 0)
        return 0;
    *b = n;
    *e = ne;
    return 1;
}

/* Is [b, e) "the" and a short description of one person with no name: an
 * age ("The 29-year-old"), a person noun ("The Radlett resident") or an
 * unnamed source's noun ("the top US diplomat")? */
int spk_described_person(const qctx *c, uint32_t b, uint32_t e)
{
    if (e < b + 2 || e > b + 4 || !tok_eq(c, b, "the") || c->L->tok_quote[b] >= 0)
        return 0; /* inside a quote, "the first minister" is the quoted speaker's, not the narrative's */
    uint32_t h = e - 1;
    for (uint32_t i = b + 1; i < h; i++)
        if (!tok_is_wordish(c, i) || c->tok[i].kind == FL_TOKEN_CLITIC || tok_in(c, i, WL_PREPOSITION) ||
            tok_in(c, i, WL_PRONOUN) || c->L->tok_entity[i] == 1 + FL_ENTITY_PER)
            return 0;
    if (np_is_age(c, h))
        return 1;
    if (e >= b + 3 && c->tok[h].kind == FL_TOKEN_WORD && tok_cap(c, h) && c->text[c->tok[h].end - 1] != 's' &&
        (tok_in(c, h, WL_DEMONYM) || wc_party_member(c, h)))
        return 1; /* "the 30-year-old Palestinian American", "the Texas Republican" */
    return c->tok[h].kind == FL_TOKEN_WORD && !tok_cap(c, h) && c->text[c->tok[h].end - 1] != 's' &&
           !tok_eq(c, h, "people") &&
           (tok_in(c, h, WL_PERSON_NOUN) || tok_in(c, h, WL_ANONYMOUS) || wc_agent_noun(c, h));
}

/* Do tokens a and b spell the same word, case aside, or (for an age
 * "30-year-old") the same leading number? */
static int same_word_or_age(const qctx *c, uint32_t a, uint32_t b)
{
    const fl_token *x = &c->tok[a], *y = &c->tok[b];
    size_t n = x->end - x->start, m = y->end - y->start;
    const char *p = c->text + x->start, *q = c->text + y->start;
    if (n && p[0] >= '0' && p[0] <= '9') {
        size_t d = 0;
        while (d < n && p[d] >= '0' && p[d] <= '9')
            d++;
        return m >= d && !memcmp(p, q, d) && (m == d || q[d] < '0' || q[d] > '9');
    }
    if (n != m || n < 3)
        return 0;
    for (size_t k = 0; k < n; k++) {
        char u = p[k], v = q[k];
        if (u >= 'A' && u <= 'Z')
            u = (char)(u + 32);
        if (v >= 'A' && v <= 'Z')
            v = (char)(v + 32);
        if (u != v)
            return 0;
    }
    return 1;
}

/* A word of the description [b+1, e) within DESCRIPTION_NEAR tokens of a
 * mention of name (its last word) in [from, b), in the mention's sentence:
 * "the Texas Republican" fits "Texas Republican Ted Cruz", "the 30-year-old"
 * fits "Omar Mussa, 30,". */
enum { DESCRIPTION_NEAR = 8 };
static int description_near_name(const qctx *c, uint32_t b, uint32_t e, uint32_t last, uint32_t from)
{
    for (uint32_t k = from; k < b; k++) {
        if (!name_same_word(c, k, last))
            continue;
        uint32_t s = tok_sentence_of(c, k);
        uint32_t lo = k > DESCRIPTION_NEAR ? k - DESCRIPTION_NEAR : 0, hi = k + DESCRIPTION_NEAR;
        if (lo < c->sent[s].token_begin)
            lo = c->sent[s].token_begin;
        if (hi > c->sent[s].token_end)
            hi = c->sent[s].token_end;
        for (uint32_t i = lo; i < hi; i++)
            for (uint32_t d = b + 1; d < e; d++)
                if (i != d && same_word_or_age(c, d, i))
                    return 1;
    }
    return 0;
}

int spk_description_fits(const qctx *c, uint32_t b, uint32_t e, fl_span *name, uint32_t from)
{
    uint32_t last = tok_at_byte(c, name->end);
    if (last == 0 || last > c->ntok || name->end <= name->start)
        return 0;
    last--;
    if (description_near_name(c, b, e, last, from))
        return 1;
    /* "Mr McCaul told reporters ... / "...," the Texas Republican added": the one who has been
     * speaking goes on */
    for (size_t k = 0; k < c->L->attrib_count; k++) {
        const raw_attr *ra = &c->L->raw_attrs[k];
        if (ra->cue_begin < from || ra->cue_begin >= b)
            continue;
        for (uint32_t i = ra->src_begin; i < ra->src_end; i++)
            if (name_same_word(c, i, last))
                return 1;
    }
    /* nothing ties the description to the person: another person it fits ("Texas Republican Ted
     * Cruz"), else only the one person named may be meant */
    int others = 0;
    for (uint32_t k = from; k < b; k++)
        if (c->L->tok_entity[k] == 1 + FL_ENTITY_PER && c->L->tok_quote[k] < 0 && name_is_word(c, k) &&
            (k + 1 >= b || c->L->tok_entity[k + 1] != 1 + FL_ENTITY_PER) && !name_same_word(c, k, last)) {
            uint32_t rs = name_run_start(c, k);
            if (!(k > rs || (rs > 0 && tok_in(c, rs - 1, WL_TITLE))))
                continue;
            if (description_near_name(c, b, e, k, from)) {
                for (int moved = 1; moved && rs < k;) { /* the name past the description's own words */
                    moved = wc_person_kind_word(c, rs) || tok_in(c, rs, WL_COUNTRY);
                    for (uint32_t d = b + 1; d < e && !moved; d++)
                        moved = same_word_or_age(c, d, rs);
                    rs += (uint32_t)moved;
                }
                *name = tok_span(c, rs, k + 1);
                return 1;
            }
            others = 1; /* "California Governor Gavin Newsom" and "Senator Ted Cruz": which one? */
        }
    return !others;
}

uint32_t spk_asked_object(const qctx *c, uint32_t k)
{
    if (k == 0 || k + 1 >= c->ntok || !(tok_eq(c, k, "asked") || tok_eq(c, k, "ask")) ||
        !(tok_eq(c, k - 1, "i") || tok_eq(c, k - 1, "we")) || c->L->tok_quote[k] >= 0)
        return 0;
    return k + 1;
}

int spk_asked_name(const qctx *c, uint32_t o, uint32_t *end)
{
    uint32_t e = o;
    while (e < c->ntok && e < o + NAME_RUN_MAX && name_is_word(c, e))
        e++;
    int anon;
    if (e == o || name_source_type(c, o, e, &anon) != FL_SOURCE_PERSON)
        return 0;
    if (e < c->ntok && c->tok[e].kind == FL_TOKEN_CLITIC)
        return 0; /* "I asked Mr Johnson's spokesman": the spokesman is asked */
    if (e + 1 < c->ntok && (tok_eq(c, e, "what") || tok_eq(c, e, "whether") || tok_eq(c, e, "if") ||
                            tok_eq(c, e, "how")) && tok_eq(c, e + 1, "it"))
        return 0; /* "I asked ChatGPT what it thought": a thing answers */
    *end = e;
    return 1;
}

int spk_head_matches(const qctx *c, uint32_t i, uint32_t h)
{
    size_t n = c->tok[h].end - c->tok[h].start, m = c->tok[i].end - c->tok[i].start;
    const char *a = c->text + c->tok[h].start, *b = c->text + c->tok[i].start;
    if (m < n || m > n + 1)
        return 0;
    for (size_t k = 0; k < n; k++) {
        char x = a[k], y = b[k];
        if (x >= 'A' && x <= 'Z')
            x = (char)(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = (char)(y + 32);
        if (x != y)
            return 0;
    }
    return m == n || b[n] == 's';
}

void spk_fill_direct(const qctx *c, uint32_t b, uint32_t e, fl_speaker *out)
{
    if (spk_joined_name(c, b, e)) {
        out->type = FL_SOURCE_ORGANISATION;
        out->name = tok_span(c, b, e);
        return;
    }
    uint32_t named = spk_described_then_named(c, b, e);
    if (named) {
        uint32_t ne = named;
        while (ne < e && name_is_word(c, ne))
            ne++;
        out->type = FL_SOURCE_PERSON;
        out->name = name_fullest(c, named, ne);
        return;
    }
    for (uint32_t i = b + 1; i + 1 < e; i++) {
        if (tok_punct(c, i, ','))
            break; /* "Savannah Potter-Clarke, Sue's daughter": the name before the comma */
        if (c->tok[i].kind != FL_TOKEN_CLITIC || !tok_eq(c, i, "'s"))
            continue;
        uint32_t k = i + 1;
        while (k < e && c->tok[k].kind == FL_TOKEN_WORD && !tok_cap(c, k))
            k++;
        if (k == e && !tok_in(c, e - 1, WL_PRONOUN)) {
            /* "King Abdullah's office said": the office speaks, named as written */
            out->type = name_source_type(c, i + 1, e, &out->anonymous);
            out->name = tok_span(c, b + (tok_eq(c, b, "the")), e);
            return;
        }
        break;
    }
    out->type = name_source_type(c, b, e, &out->anonymous);
    if (out->type == FL_SOURCE_PERSON) {
        out->name = name_fullest(c, b, e);
        uint32_t fb = tok_at_byte(c, out->name.start);
        if (e == b + 1 && name_is_acronym(c, b) && !(fb <= b && b < tok_at_byte(c, out->name.end))) {
            /* "BA said" spelt out as "British Airways": an acronym names an organisation, as
             * its words do (a person's run is never its expansion, names.c) */
            int anon;
            fl_source_type t = name_source_type(c, fb, tok_at_byte(c, out->name.end), &anon);
            out->type = t == FL_SOURCE_MEDIA || t == FL_SOURCE_GOVERNMENT ? t : FL_SOURCE_ORGANISATION;
        }
    }
    else if (out->type == FL_SOURCE_ANONYMOUS)
        out->name = tok_span(c, b, e);
    else if (out->type == FL_SOURCE_ORGANISATION && e == b + 2 && tok_eq(c, b, "the") && name_is_word(c, b + 1)) {
        out->name = name_fullest(c, b + 1, e); /* "The Met said": "Met Police"; "the CST": its words */
        uint32_t fb = tok_at_byte(c, out->name.start), fe = tok_at_byte(c, out->name.end);
        for (uint32_t i = fb + 1; i < fe && name_same_word(c, fb, b + 1); i++)
            if (tok_in(c, i, WL_TITLE) || wc_owned_thing(c, i))
                out->name = tok_span(c, b + 1, e); /* "The Treasury" is not "Treasury Secretary ..." nor the
                                                     * "Treasury Committee", "the FA" not the "FA Cup" */
    }
    else
        out->name = tok_span(c, b + (e - b > 1 && tok_eq(c, b, "the")), e);
}

/* "One of her children recalled", "one of the boys": one unnamed person of a
 * group of people, the noun at t a plural for people. Returns the sex the
 * noun marks (1 a woman, 2 a man, 3 either) and sets *begin to "One", or 0. */
int spk_partitive_person(const qctx *c, uint32_t t, uint32_t *begin)
{
    static const char *const plurals[] = {"boys", "brothers", "children", "daughters", "girls", "men", "sisters",
                                          "sons", "women"};
    static const int sexes[] = {2, 2, 3, 1, 1, 2, 1, 2, 1};
    if (t < 3 || !tok_eq(c, t - 3, "one") || !tok_eq(c, t - 2, "of") ||
        !(tok_eq(c, t - 1, "the") || tok_eq(c, t - 1, "his") || tok_eq(c, t - 1, "her") || tok_eq(c, t - 1, "their") ||
          tok_eq(c, t - 1, "our")) ||
        c->tok[t].kind != FL_TOKEN_WORD || tok_cap(c, t))
        return 0;
    int sex = 0;
    for (size_t k = 0; k < sizeof plurals / sizeof plurals[0] && !sex; k++)
        if (tok_eq(c, t, plurals[k]))
            sex = sexes[k];
    size_t n = c->tok[t].end - c->tok[t].start;
    if (!sex && n > 3 && c->text[c->tok[t].end - 1] == 's' &&
        fl_word_in(WL_PERSON_NOUN, c->text + c->tok[t].start, n - 1))
        sex = 3; /* "one of the residents" */
    if (sex)
        *begin = t - 3;
    return sex;
}

/* Is token t inside the participle clause that opens sentence se, before its
 * comma ("Asked about what he believes ..., Mr Sneider said")? A pronoun there
 * is the main clause's subject again, named after the comma. */
int spk_in_opening_participle(const qctx *c, const fl_sentence *se, uint32_t t)
{
    uint32_t f = se->token_begin;
    const fl_token *w = &c->tok[f];
    size_t n = w->end - w->start;
    if (w->kind != FL_TOKEN_WORD || !tok_cap(c, f) || n < 5 ||
        !(!memcmp(c->text + w->end - 2, "ed", 2) || !memcmp(c->text + w->end - 3, "ing", 3)))
        return 0;
    for (uint32_t k = f + 1; k < se->token_end && k < f + 30; k++)
        if (tok_punct(c, k, ','))
            return t < k;
    return 0;
}
