/*
 * cues.c — the data of the quote and attribution layer: cue verb forms with
 * their flags, and the closed word lists named in cues.h. Kept here, in one
 * place, so that rules elsewhere never spell out words. Every table is
 * sorted by its lower-case spelling (checked by tests/unit/test_quote_tables.c)
 * and searched by bisection. Not for: rules.
 */
#include "quote/cues.h"

#include <string.h>

typedef struct cue_form {
    const char *word;
    int flags;
} cue_form;

/* Inflected forms of the cue verbs (base, -s, past, participles, -ing). */
static const cue_form cue_forms[] = {
    {"accuse", CUE_BASE | CUE_SPEECH},
    {"accused", CUE_SPEECH},
    {"accuses", CUE_SPEECH},
    {"accusing", CUE_SPEECH},
    {"acknowledge", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"acknowledged", CUE_QUOTE | CUE_SPEECH},
    {"acknowledges", CUE_QUOTE | CUE_SPEECH},
    {"acknowledging", CUE_QUOTE | CUE_SPEECH},
    {"add", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"added", CUE_QUOTE | CUE_SPEECH},
    {"adding", CUE_QUOTE | CUE_SPEECH},
    {"adds", CUE_QUOTE | CUE_SPEECH},
    {"admit", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"admits", CUE_QUOTE | CUE_SPEECH},
    {"admitted", CUE_QUOTE | CUE_SPEECH},
    {"admitting", CUE_QUOTE | CUE_SPEECH},
    {"advise", CUE_BASE | CUE_OBJECT | CUE_SPEECH},
    {"advised", CUE_OBJECT | CUE_SPEECH},
    {"advises", CUE_OBJECT | CUE_SPEECH},
    {"advising", CUE_OBJECT | CUE_SPEECH},
    {"agree", CUE_BASE | CUE_BELIEF | CUE_SPEECH},
    {"agreed", CUE_BELIEF | CUE_SPEECH},
    {"agrees", CUE_BELIEF | CUE_SPEECH},
    {"agreing", CUE_BELIEF | CUE_SPEECH},
    {"allege", CUE_BASE | CUE_SPEECH},
    {"alleged", CUE_SPEECH},
    {"alleges", CUE_SPEECH},
    {"alleging", CUE_SPEECH},
    {"announce", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"announced", CUE_QUOTE | CUE_SPEECH},
    {"announces", CUE_QUOTE | CUE_SPEECH},
    {"announcing", CUE_QUOTE | CUE_SPEECH},
    {"answered", CUE_QUOTE | CUE_SPEECH},
    {"answering", CUE_QUOTE | CUE_SPEECH},
    {"answers", CUE_QUOTE | CUE_SPEECH},
    {"apologise", CUE_BASE | CUE_SPEECH},
    {"apologised", CUE_SPEECH},
    {"apologises", CUE_SPEECH},
    {"apologising", CUE_SPEECH},
    {"apologize", CUE_BASE | CUE_SPEECH},
    {"apologized", CUE_SPEECH},
    {"apologizes", CUE_SPEECH},
    {"apologizing", CUE_SPEECH},
    {"appear", CUE_BASE | CUE_BELIEF},
    {"appeared", CUE_BELIEF},
    {"appearing", CUE_BELIEF},
    {"appears", CUE_BELIEF},
    {"argue", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"argued", CUE_QUOTE | CUE_SPEECH},
    {"argues", CUE_QUOTE | CUE_SPEECH},
    {"arguing", CUE_QUOTE | CUE_SPEECH},
    {"ask", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"asked", CUE_QUOTE | CUE_SPEECH},
    {"asking", CUE_QUOTE | CUE_SPEECH},
    {"asks", CUE_QUOTE | CUE_SPEECH},
    {"assail", CUE_BASE | CUE_SPEECH},
    {"assailed", CUE_SPEECH},
    {"assailing", CUE_SPEECH},
    {"assails", CUE_SPEECH},
    {"assert", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"asserted", CUE_QUOTE | CUE_SPEECH},
    {"asserting", CUE_QUOTE | CUE_SPEECH},
    {"asserts", CUE_QUOTE | CUE_SPEECH},
    {"assume", CUE_BASE | CUE_BELIEF},
    {"assumed", CUE_BELIEF},
    {"assumes", CUE_BELIEF},
    {"assuming", CUE_BELIEF},
    {"assure", CUE_BASE | CUE_OBJECT | CUE_SPEECH},
    {"assured", CUE_OBJECT | CUE_SPEECH},
    {"assures", CUE_OBJECT | CUE_SPEECH},
    {"assuring", CUE_OBJECT | CUE_SPEECH},
    {"backed", CUE_SPEECH},
    {"backing", CUE_SPEECH},
    {"backs", CUE_SPEECH},
    {"believe", CUE_BASE | CUE_BELIEF},
    {"believed", CUE_BELIEF},
    {"believes", CUE_BELIEF},
    {"believing", CUE_BELIEF},
    {"blame", CUE_BASE | CUE_SPEECH},
    {"blamed", CUE_SPEECH},
    {"blames", CUE_SPEECH},
    {"blaming", CUE_SPEECH},
    {"blasted", CUE_SPEECH},
    {"blasting", CUE_SPEECH},
    {"blasts", CUE_SPEECH},
    {"boast", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"boasted", CUE_QUOTE | CUE_SPEECH},
    {"boasting", CUE_QUOTE | CUE_SPEECH},
    {"boasts", CUE_QUOTE | CUE_SPEECH},
    {"brief", CUE_BASE | CUE_OBJECT | CUE_SPEECH},
    {"briefed", CUE_OBJECT | CUE_SPEECH},
    {"briefing", CUE_OBJECT | CUE_SPEECH},
    {"briefs", CUE_OBJECT | CUE_SPEECH},
    {"called", CUE_SPEECH},
    {"calling", CUE_SPEECH},
    {"caution", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"cautioned", CUE_QUOTE | CUE_SPEECH},
    {"cautioning", CUE_QUOTE | CUE_SPEECH},
    {"cautions", CUE_QUOTE | CUE_SPEECH},
    {"chant", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"chanted", CUE_QUOTE | CUE_SPEECH},
    {"chanting", CUE_QUOTE | CUE_SPEECH},
    {"chants", CUE_QUOTE | CUE_SPEECH},
    {"charge", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"charged", CUE_QUOTE | CUE_SPEECH},
    {"charging", CUE_QUOTE | CUE_SPEECH},
    {"cite", CUE_BASE | CUE_SPEECH},
    {"cited", CUE_SPEECH},
    {"cites", CUE_SPEECH},
    {"citing", CUE_SPEECH},
    {"claim", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"claimed", CUE_QUOTE | CUE_SPEECH},
    {"claiming", CUE_QUOTE | CUE_SPEECH},
    {"claims", CUE_QUOTE | CUE_SPEECH},
    {"comment", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"commented", CUE_QUOTE | CUE_SPEECH},
    {"commenting", CUE_QUOTE | CUE_SPEECH},
    {"complain", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"complained", CUE_QUOTE | CUE_SPEECH},
    {"complaining", CUE_QUOTE | CUE_SPEECH},
    {"complains", CUE_QUOTE | CUE_SPEECH},
    {"concede", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"conceded", CUE_QUOTE | CUE_SPEECH},
    {"concedes", CUE_QUOTE | CUE_SPEECH},
    {"conceding", CUE_QUOTE | CUE_SPEECH},
    {"conclude", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"concluded", CUE_QUOTE | CUE_SPEECH},
    {"concludes", CUE_QUOTE | CUE_SPEECH},
    {"concluding", CUE_QUOTE | CUE_SPEECH},
    {"condemn", CUE_BASE | CUE_SPEECH},
    {"condemned", CUE_SPEECH},
    {"condemning", CUE_SPEECH},
    {"condemns", CUE_SPEECH},
    {"confirm", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"confirmed", CUE_QUOTE | CUE_SPEECH},
    {"confirming", CUE_QUOTE | CUE_SPEECH},
    {"confirms", CUE_QUOTE | CUE_SPEECH},
    {"considered", CUE_BELIEF},
    {"considering", CUE_BELIEF},
    {"considers", CUE_BELIEF},
    {"contend", CUE_BASE | CUE_SPEECH},
    {"contended", CUE_SPEECH},
    {"contending", CUE_SPEECH},
    {"contends", CUE_SPEECH},
    {"continued", CUE_QUOTE | CUE_SPEECH},
    {"continues", CUE_QUOTE | CUE_SPEECH},
    {"continuing", CUE_QUOTE | CUE_SPEECH},
    {"counter", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"countered", CUE_QUOTE | CUE_SPEECH},
    {"countering", CUE_QUOTE | CUE_SPEECH},
    {"counters", CUE_QUOTE | CUE_SPEECH},
    {"criticise", CUE_BASE | CUE_SPEECH},
    {"criticised", CUE_SPEECH},
    {"criticises", CUE_SPEECH},
    {"criticising", CUE_SPEECH},
    {"criticize", CUE_BASE | CUE_SPEECH},
    {"criticized", CUE_SPEECH},
    {"criticizes", CUE_SPEECH},
    {"criticizing", CUE_SPEECH},
    {"declare", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"declared", CUE_QUOTE | CUE_SPEECH},
    {"declares", CUE_QUOTE | CUE_SPEECH},
    {"declaring", CUE_QUOTE | CUE_SPEECH},
    {"decline", CUE_BASE | CUE_BELIEF},
    {"declined", CUE_BELIEF},
    {"declines", CUE_BELIEF},
    {"declining", CUE_BELIEF},
    {"decried", CUE_SPEECH},
    {"decries", CUE_SPEECH},
    {"decry", CUE_BASE | CUE_SPEECH},
    {"decrying", CUE_SPEECH},
    {"defend", CUE_BASE | CUE_SPEECH},
    {"defended", CUE_SPEECH},
    {"defending", CUE_SPEECH},
    {"defends", CUE_SPEECH},
    {"demand", CUE_BASE | CUE_SPEECH},
    {"demanded", CUE_SPEECH},
    {"demanding", CUE_SPEECH},
    {"demands", CUE_SPEECH},
    {"denied", CUE_SPEECH},
    {"denies", CUE_SPEECH},
    {"denounce", CUE_BASE | CUE_SPEECH},
    {"denounced", CUE_SPEECH},
    {"denounces", CUE_SPEECH},
    {"denouncing", CUE_SPEECH},
    {"deny", CUE_BASE | CUE_SPEECH},
    {"denying", CUE_SPEECH},
    {"describe", CUE_BASE | CUE_SPEECH},
    {"described", CUE_SPEECH},
    {"describes", CUE_SPEECH},
    {"describing", CUE_SPEECH},
    {"disclose", CUE_BASE | CUE_REPORT | CUE_SPEECH},
    {"disclosed", CUE_REPORT | CUE_SPEECH},
    {"discloses", CUE_REPORT | CUE_SPEECH},
    {"disclosing", CUE_REPORT | CUE_SPEECH},
    {"dismiss", CUE_BASE | CUE_SPEECH},
    {"dismissed", CUE_SPEECH},
    {"dismisses", CUE_SPEECH},
    {"dismissing", CUE_SPEECH},
    {"doubt", CUE_BASE | CUE_BELIEF},
    {"doubted", CUE_BELIEF},
    {"doubting", CUE_BELIEF},
    {"doubts", CUE_BELIEF},
    {"emailed", CUE_SPEECH | CUE_WRITE},
    {"emailing", CUE_SPEECH | CUE_WRITE},
    {"emphasise", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"emphasised", CUE_QUOTE | CUE_SPEECH},
    {"emphasises", CUE_QUOTE | CUE_SPEECH},
    {"emphasising", CUE_QUOTE | CUE_SPEECH},
    {"emphasize", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"emphasized", CUE_QUOTE | CUE_SPEECH},
    {"emphasizes", CUE_QUOTE | CUE_SPEECH},
    {"emphasizing", CUE_QUOTE | CUE_SPEECH},
    {"endorse", CUE_BASE | CUE_SPEECH},
    {"endorsed", CUE_SPEECH},
    {"endorses", CUE_SPEECH},
    {"endorsing", CUE_SPEECH},
    {"estimate", CUE_BASE | CUE_SPEECH},
    {"estimated", CUE_SPEECH},
    {"estimates", CUE_SPEECH},
    {"estimating", CUE_SPEECH},
    {"exclaim", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"exclaimed", CUE_QUOTE | CUE_SPEECH},
    {"exclaiming", CUE_QUOTE | CUE_SPEECH},
    {"exclaims", CUE_QUOTE | CUE_SPEECH},
    {"expect", CUE_BASE | CUE_BELIEF},
    {"expected", CUE_BELIEF},
    {"expecting", CUE_BELIEF},
    {"expects", CUE_BELIEF},
    {"explain", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"explained", CUE_QUOTE | CUE_SPEECH},
    {"explaining", CUE_QUOTE | CUE_SPEECH},
    {"explains", CUE_QUOTE | CUE_SPEECH},
    {"fear", CUE_BASE | CUE_BELIEF},
    {"feared", CUE_BELIEF},
    {"fearing", CUE_BELIEF},
    {"fears", CUE_BELIEF},
    {"feel", CUE_BASE | CUE_BELIEF},
    {"feeling", CUE_BELIEF},
    {"felt", CUE_BELIEF},
    {"finding", CUE_REPORT},
    {"finds", CUE_REPORT},
    {"found", CUE_REPORT},
    {"hears", CUE_REPORT},
    {"highlight", CUE_BASE | CUE_SPEECH},
    {"highlighted", CUE_SPEECH},
    {"highlighting", CUE_SPEECH},
    {"highlights", CUE_SPEECH},
    {"hint", CUE_BASE | CUE_SPEECH},
    {"hinted", CUE_SPEECH},
    {"hints", CUE_SPEECH},
    {"hope", CUE_BASE | CUE_BELIEF},
    {"hoped", CUE_BELIEF},
    {"hopes", CUE_BELIEF},
    {"hoping", CUE_BELIEF},
    {"implied", CUE_SPEECH},
    {"implies", CUE_SPEECH},
    {"imply", CUE_BASE | CUE_SPEECH},
    {"implying", CUE_SPEECH},
    {"indicate", CUE_BASE | CUE_REPORT},
    {"indicated", CUE_REPORT},
    {"indicates", CUE_REPORT},
    {"indicating", CUE_REPORT},
    {"inform", CUE_BASE | CUE_OBJECT | CUE_SPEECH},
    {"informed", CUE_OBJECT | CUE_SPEECH},
    {"informing", CUE_OBJECT | CUE_SPEECH},
    {"informs", CUE_OBJECT | CUE_SPEECH},
    {"insist", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"insisted", CUE_QUOTE | CUE_SPEECH},
    {"insisting", CUE_QUOTE | CUE_SPEECH},
    {"insists", CUE_QUOTE | CUE_SPEECH},
    {"intend", CUE_BASE | CUE_BELIEF},
    {"intending", CUE_BELIEF},
    {"intends", CUE_BELIEF},
    {"invoke", CUE_BASE | CUE_SPEECH},
    {"invoked", CUE_SPEECH},
    {"invokes", CUE_SPEECH},
    {"invoking", CUE_SPEECH},
    {"joke", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"joked", CUE_QUOTE | CUE_SPEECH},
    {"jokes", CUE_QUOTE | CUE_SPEECH},
    {"joking", CUE_QUOTE | CUE_SPEECH},
    {"knew", CUE_BELIEF},
    {"know", CUE_BASE | CUE_BELIEF},
    {"knowing", CUE_BELIEF},
    {"known", CUE_BELIEF},
    {"knows", CUE_BELIEF},
    {"lament", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"lamented", CUE_QUOTE | CUE_SPEECH},
    {"lamenting", CUE_QUOTE | CUE_SPEECH},
    {"laments", CUE_QUOTE | CUE_SPEECH},
    {"learn", CUE_BASE | CUE_REPORT},
    {"learned", CUE_REPORT},
    {"learns", CUE_REPORT},
    {"learnt", CUE_REPORT},
    {"maintain", CUE_BASE | CUE_SPEECH},
    {"maintained", CUE_SPEECH},
    {"maintaining", CUE_SPEECH},
    {"maintains", CUE_SPEECH},
    {"mention", CUE_BASE | CUE_SPEECH},
    {"mentioned", CUE_SPEECH},
    {"mentioning", CUE_SPEECH},
    {"mentions", CUE_SPEECH},
    {"mock", CUE_BASE | CUE_SPEECH},
    {"mocked", CUE_SPEECH},
    {"mocking", CUE_SPEECH},
    {"mocks", CUE_SPEECH},
    {"muse", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"mused", CUE_QUOTE | CUE_SPEECH},
    {"muses", CUE_QUOTE | CUE_SPEECH},
    {"musing", CUE_QUOTE | CUE_SPEECH},
    {"note", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"noted", CUE_QUOTE | CUE_SPEECH},
    {"notes", CUE_QUOTE | CUE_SPEECH},
    {"noting", CUE_QUOTE | CUE_SPEECH},
    {"object", CUE_BASE | CUE_SPEECH},
    {"objected", CUE_SPEECH},
    {"objecting", CUE_SPEECH},
    {"objects", CUE_SPEECH},
    {"observe", CUE_BASE | CUE_SPEECH},
    {"observed", CUE_SPEECH},
    {"observes", CUE_SPEECH},
    {"observing", CUE_SPEECH},
    {"oppose", CUE_BASE | CUE_SPEECH},
    {"opposed", CUE_SPEECH},
    {"opposes", CUE_SPEECH},
    {"opposing", CUE_SPEECH},
    {"ordered", CUE_SPEECH},
    {"ordering", CUE_SPEECH},
    {"orders", CUE_SPEECH},
    {"planning", CUE_BELIEF},
    {"plead", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"pleaded", CUE_QUOTE | CUE_SPEECH},
    {"pleading", CUE_QUOTE | CUE_SPEECH},
    {"pleads", CUE_QUOTE | CUE_SPEECH},
    {"pledge", CUE_BASE | CUE_BELIEF | CUE_SPEECH},
    {"pledged", CUE_BELIEF | CUE_SPEECH},
    {"pledges", CUE_BELIEF | CUE_SPEECH},
    {"pledging", CUE_BELIEF | CUE_SPEECH},
    {"portraied", CUE_SPEECH},
    {"portraies", CUE_SPEECH},
    {"portray", CUE_BASE | CUE_SPEECH},
    {"portraying", CUE_SPEECH},
    {"post", CUE_BASE | CUE_QUOTE | CUE_SPEECH | CUE_WRITE},
    {"posted", CUE_QUOTE | CUE_SPEECH | CUE_WRITE},
    {"posting", CUE_QUOTE | CUE_SPEECH | CUE_WRITE},
    {"posts", CUE_QUOTE | CUE_SPEECH | CUE_WRITE},
    {"praied", CUE_SPEECH},
    {"praies", CUE_SPEECH},
    {"praise", CUE_BASE | CUE_SPEECH},
    {"praised", CUE_SPEECH},
    {"praises", CUE_SPEECH},
    {"praising", CUE_SPEECH},
    {"pray", CUE_BASE | CUE_SPEECH},
    {"praying", CUE_SPEECH},
    {"predict", CUE_BASE | CUE_SPEECH},
    {"predicted", CUE_SPEECH},
    {"predicting", CUE_SPEECH},
    {"predicts", CUE_SPEECH},
    {"prefer", CUE_BASE | CUE_BELIEF},
    {"prefered", CUE_BELIEF},
    {"prefering", CUE_BELIEF},
    {"prefers", CUE_BELIEF},
    {"promise", CUE_BASE | CUE_BELIEF | CUE_SPEECH},
    {"promised", CUE_BELIEF | CUE_SPEECH},
    {"promises", CUE_BELIEF | CUE_SPEECH},
    {"promising", CUE_BELIEF | CUE_SPEECH},
    {"propose", CUE_BASE | CUE_SPEECH},
    {"proposed", CUE_SPEECH},
    {"proposes", CUE_SPEECH},
    {"proposing", CUE_SPEECH},
    {"protest", CUE_BASE | CUE_SPEECH},
    {"protested", CUE_SPEECH},
    {"protesting", CUE_SPEECH},
    {"protests", CUE_SPEECH},
    {"publish", CUE_BASE | CUE_REPORT},
    {"published", CUE_REPORT},
    {"publishes", CUE_REPORT},
    {"publishing", CUE_REPORT},
    {"questioned", CUE_SPEECH},
    {"questioning", CUE_SPEECH},
    {"quip", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"quipped", CUE_QUOTE | CUE_SPEECH},
    {"quips", CUE_QUOTE | CUE_SPEECH},
    {"read", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"reads", CUE_QUOTE | CUE_SPEECH},
    {"recall", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"recalled", CUE_QUOTE | CUE_SPEECH},
    {"recalling", CUE_QUOTE | CUE_SPEECH},
    {"recalls", CUE_QUOTE | CUE_SPEECH},
    {"recount", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"recounted", CUE_QUOTE | CUE_SPEECH},
    {"recounting", CUE_QUOTE | CUE_SPEECH},
    {"recounts", CUE_QUOTE | CUE_SPEECH},
    {"refer", CUE_BASE | CUE_SPEECH},
    {"referred", CUE_SPEECH},
    {"referring", CUE_SPEECH},
    {"refers", CUE_SPEECH},
    {"refuse", CUE_BASE | CUE_BELIEF},
    {"refused", CUE_BELIEF},
    {"refuses", CUE_BELIEF},
    {"refusing", CUE_BELIEF},
    {"regret", CUE_BASE | CUE_BELIEF},
    {"regrets", CUE_BELIEF},
    {"regretted", CUE_BELIEF},
    {"reiterate", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"reiterated", CUE_QUOTE | CUE_SPEECH},
    {"reiterates", CUE_QUOTE | CUE_SPEECH},
    {"reiterating", CUE_QUOTE | CUE_SPEECH},
    {"reject", CUE_BASE | CUE_SPEECH},
    {"rejected", CUE_SPEECH},
    {"rejecting", CUE_SPEECH},
    {"rejects", CUE_SPEECH},
    {"remark", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"remarked", CUE_QUOTE | CUE_SPEECH},
    {"remarking", CUE_QUOTE | CUE_SPEECH},
    {"remind", CUE_BASE | CUE_OBJECT | CUE_SPEECH},
    {"reminded", CUE_OBJECT | CUE_SPEECH},
    {"reminding", CUE_OBJECT | CUE_SPEECH},
    {"reminds", CUE_OBJECT | CUE_SPEECH},
    {"repeat", CUE_BASE | CUE_SPEECH},
    {"repeated", CUE_SPEECH},
    {"repeating", CUE_SPEECH},
    {"repeats", CUE_SPEECH},
    {"replied", CUE_QUOTE | CUE_SPEECH},
    {"replies", CUE_QUOTE | CUE_SPEECH},
    {"reply", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"replying", CUE_QUOTE | CUE_SPEECH},
    {"reported", CUE_REPORT | CUE_SPEECH},
    {"reporting", CUE_REPORT | CUE_SPEECH},
    {"reports", CUE_REPORT | CUE_SPEECH},
    {"responded", CUE_QUOTE | CUE_SPEECH},
    {"responding", CUE_QUOTE | CUE_SPEECH},
    {"responds", CUE_QUOTE | CUE_SPEECH},
    {"retort", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"retorted", CUE_QUOTE | CUE_SPEECH},
    {"retorting", CUE_QUOTE | CUE_SPEECH},
    {"retorts", CUE_QUOTE | CUE_SPEECH},
    {"retweet", CUE_BASE | CUE_SPEECH | CUE_WRITE},
    {"retweeted", CUE_SPEECH | CUE_WRITE},
    {"retweeting", CUE_SPEECH | CUE_WRITE},
    {"retweets", CUE_SPEECH | CUE_WRITE},
    {"reveal", CUE_BASE | CUE_REPORT | CUE_SPEECH},
    {"revealed", CUE_REPORT | CUE_SPEECH},
    {"revealing", CUE_REPORT | CUE_SPEECH},
    {"reveals", CUE_REPORT | CUE_SPEECH},
    {"said", CUE_QUOTE | CUE_SPEECH},
    {"say", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"saying", CUE_QUOTE | CUE_SPEECH},
    {"says", CUE_QUOTE | CUE_SPEECH},
    {"seek", CUE_BASE | CUE_BELIEF},
    {"seeking", CUE_BELIEF},
    {"seeks", CUE_BELIEF},
    {"seem", CUE_BASE | CUE_BELIEF},
    {"seemed", CUE_BELIEF},
    {"seeming", CUE_BELIEF},
    {"seems", CUE_BELIEF},
    {"shout", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"shouted", CUE_QUOTE | CUE_SPEECH},
    {"shouting", CUE_QUOTE | CUE_SPEECH},
    {"shouts", CUE_QUOTE | CUE_SPEECH},
    {"show", CUE_BASE | CUE_REPORT},
    {"showed", CUE_REPORT},
    {"showing", CUE_REPORT},
    {"shown", CUE_REPORT},
    {"shows", CUE_REPORT},
    {"signal", CUE_BASE | CUE_SPEECH},
    {"signaled", CUE_SPEECH},
    {"signalled", CUE_SPEECH},
    {"signals", CUE_SPEECH},
    {"slam", CUE_BASE | CUE_SPEECH},
    {"slammed", CUE_SPEECH},
    {"slamming", CUE_SPEECH},
    {"slams", CUE_SPEECH},
    {"sought", CUE_BELIEF},
    {"speculate", CUE_BASE | CUE_SPEECH},
    {"speculated", CUE_SPEECH},
    {"speculates", CUE_SPEECH},
    {"speculating", CUE_SPEECH},
    {"stated", CUE_QUOTE | CUE_SPEECH},
    {"stating", CUE_QUOTE | CUE_SPEECH},
    {"stress", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"stressed", CUE_QUOTE | CUE_SPEECH},
    {"stresses", CUE_QUOTE | CUE_SPEECH},
    {"stressing", CUE_QUOTE | CUE_SPEECH},
    {"suggest", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"suggested", CUE_QUOTE | CUE_SPEECH},
    {"suggesting", CUE_QUOTE | CUE_SPEECH},
    {"suggests", CUE_QUOTE | CUE_SPEECH},
    {"suspect", CUE_BASE | CUE_BELIEF},
    {"suspected", CUE_BELIEF},
    {"suspecting", CUE_BELIEF},
    {"suspects", CUE_BELIEF},
    {"telling", CUE_OBJECT | CUE_QUOTE | CUE_SPEECH},
    {"tells", CUE_OBJECT | CUE_QUOTE | CUE_SPEECH},
    {"testified", CUE_SPEECH},
    {"testifies", CUE_SPEECH},
    {"testify", CUE_BASE | CUE_SPEECH},
    {"testifying", CUE_SPEECH},
    {"thank", CUE_BASE | CUE_SPEECH},
    {"thanked", CUE_SPEECH},
    {"thanking", CUE_SPEECH},
    {"thanks", CUE_SPEECH},
    {"think", CUE_BASE | CUE_BELIEF},
    {"thinking", CUE_BELIEF},
    {"thinks", CUE_BELIEF},
    {"thought", CUE_BELIEF},
    {"threaten", CUE_BASE | CUE_BELIEF | CUE_SPEECH},
    {"threatened", CUE_BELIEF | CUE_SPEECH},
    {"threatening", CUE_BELIEF | CUE_SPEECH},
    {"threatens", CUE_BELIEF | CUE_SPEECH},
    {"told", CUE_OBJECT | CUE_QUOTE | CUE_SPEECH},
    {"tout", CUE_BASE | CUE_SPEECH},
    {"touted", CUE_SPEECH},
    {"touting", CUE_SPEECH},
    {"touts", CUE_SPEECH},
    {"tweet", CUE_BASE | CUE_QUOTE | CUE_SPEECH | CUE_WRITE},
    {"tweeted", CUE_QUOTE | CUE_SPEECH | CUE_WRITE},
    {"tweeting", CUE_QUOTE | CUE_SPEECH | CUE_WRITE},
    {"tweets", CUE_QUOTE | CUE_SPEECH | CUE_WRITE},
    {"understood", CUE_BELIEF},
    {"urge", CUE_BASE | CUE_SPEECH},
    {"urged", CUE_SPEECH},
    {"urges", CUE_SPEECH},
    {"urging", CUE_SPEECH},
    {"vow", CUE_BASE | CUE_BELIEF | CUE_QUOTE | CUE_SPEECH},
    {"vowed", CUE_BELIEF | CUE_QUOTE | CUE_SPEECH},
    {"vowing", CUE_BELIEF | CUE_QUOTE | CUE_SPEECH},
    {"vows", CUE_BELIEF | CUE_QUOTE | CUE_SPEECH},
    {"want", CUE_BASE | CUE_BELIEF},
    {"wanted", CUE_BELIEF},
    {"wanting", CUE_BELIEF},
    {"wants", CUE_BELIEF},
    {"warn", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"warned", CUE_QUOTE | CUE_SPEECH},
    {"warning", CUE_QUOTE | CUE_SPEECH},
    {"warns", CUE_QUOTE | CUE_SPEECH},
    {"wish", CUE_BASE | CUE_BELIEF},
    {"wished", CUE_BELIEF},
    {"wishes", CUE_BELIEF},
    {"wishing", CUE_BELIEF},
    {"wonder", CUE_BASE | CUE_QUOTE | CUE_SPEECH},
    {"wondered", CUE_QUOTE | CUE_SPEECH},
    {"wondering", CUE_QUOTE | CUE_SPEECH},
    {"wonders", CUE_QUOTE | CUE_SPEECH},
    {"worried", CUE_BELIEF},
    {"worries", CUE_BELIEF},
    {"worry", CUE_BASE | CUE_BELIEF},
    {"write", CUE_BASE | CUE_QUOTE | CUE_SPEECH | CUE_WRITE},
    {"writes", CUE_QUOTE | CUE_SPEECH | CUE_WRITE},
    {"writing", CUE_QUOTE | CUE_SPEECH | CUE_WRITE},
    {"written", CUE_QUOTE | CUE_SPEECH | CUE_WRITE},
    {"wrote", CUE_QUOTE | CUE_SPEECH | CUE_WRITE},
};

static const char *const wl_aux[] = {
    "'d", "'ll", "'re", "'s", "'ve", "am", "are", "be", "been", "being", "can", "could", "did",
    "do", "does", "had", "has", "have", "is", "may", "might", "must", "shall", "should", "was",
    "were", "will", "would",
};

static const char *const wl_adverb[] = {
    "again", "already", "also", "earlier", "even", "first", "further", "had", "has", "have",
    "however", "initially", "just", "last", "later", "n't", "never", "not", "now", "once", "only",
    "openly", "previously", "privately", "publicly", "quickly", "recently", "repeatedly",
    "reportedly", "separately", "since", "still", "strongly", "then", "today", "yesterday",
};

static const char *const wl_boundary[] = {
    "after", "although", "and", "as", "because", "before", "but", "how", "if", "nor", "or", "since",
    "so", "than", "that", "though", "unless", "until", "what", "when", "where", "whereas",
    "whether", "which", "while", "who", "whom", "whose", "why", "yet",
};

static const char *const wl_determiner[] = {
    "'s", "a", "an", "another", "any", "each", "eight", "every", "few", "five", "four", "her",
    "his", "its", "many", "my", "nine", "no", "one", "other", "our", "seven", "several", "six",
    "some", "ten", "the", "their", "these", "this", "those", "three", "two", "your",
};

static const char *const wl_pronoun[] = {
    "he", "i", "it", "she", "they", "we", "you",
};

static const char *const wl_reflexive[] = {
    "herself", "himself", "itself", "myself", "ourselves", "themselves", "yourself",
};

static const char *const wl_title[] = {
    "acting", "admiral", "ambassador", "archbishop", "assistant", "attorney", "brig.", "capt",
    "capt.", "captain", "chairman", "chairwoman", "chancellor", "chief", "col", "col.", "colonel",
    "commander", "commissioner", "congressman", "congresswoman", "councillor", "cpl", "defence",
    "defense", "deputy", "det", "director", "dr", "dr.", "emir", "envoy", "executive", "finance",
    "foreign", "former", "gen", "gen.", "general", "gov", "gov.", "governor", "head", "health",
    "insp", "inspector", "interior", "judge", "justice", "king", "leader", "lieutenant", "lord",
    "lt", "lt.", "madam", "maj", "mayor", "minister", "miss", "mp", "mr", "mr.", "mrs", "mrs.",
    "ms", "ms.", "president", "press", "prime", "prince", "princess", "prof.", "professor", "queen",
    "rabbi", "rep", "rep.", "representative", "rev", "secretary", "sen", "sen.", "senator",
    "sergeant", "sgt", "sheikh", "sir", "speaker", "spokesman", "spokesperson", "spokeswoman",
    "state", "sultan", "superintendent", "supt", "vice",
};

static const char *const wl_demonym[] = {
    "american", "american-israeli", "arab", "british", "chinese", "egyptian", "european", "former",
    "french", "german", "iranian", "iraqi", "israeli", "jordanian", "lebanese", "palestinian",
    "qatari", "russian", "saudi", "senior", "syrian", "top", "turkish", "u.k.", "u.s.", "uk",
    "ukrainian", "un", "us", "western",
};

static const char *const wl_media[] = {
    "abc", "afp", "al-jazeera", "ap", "associated", "axios", "bbc", "bloomberg", "broadcaster",
    "cbs", "channel", "cnn", "daily", "fox", "gazette", "guardian", "haaretz", "herald",
    "independent", "journal", "magazine", "media", "msnbc", "nbc", "news", "newspaper", "newsweek",
    "npr", "outlet", "paper", "politico", "post", "press", "radio", "reuters", "sky", "telegraph",
    "television", "times", "tribune", "tv", "wire",
};

static const char *const wl_government[] = {
    "administration", "army", "authorities", "authority", "cabinet", "congress", "court", "defence",
    "defense", "department", "embassy", "force", "forces", "government", "idf", "kremlin",
    "military", "ministry", "navy", "office", "parliament", "pentagon", "police", "senate",
    "whitehall",
};

static const char *const wl_organisation[] = {
    "agency", "association", "bank", "board", "campaign", "charity", "coalition", "commission",
    "committee", "company", "corporation", "council", "federation", "foundation", "fund", "group",
    "hamas", "hezbollah", "institute", "league", "movement", "nato", "network", "ngo",
    "organisation", "organization", "party", "red", "unicef", "union", "unrwa", "who",
};

static const char *const wl_country[] = {
    "america", "beijing", "britain", "canada", "china", "egypt", "france", "germany", "india",
    "iran", "iraq", "israel", "italy", "japan", "jordan", "lebanon", "moscow", "qatar", "russia",
    "saudi", "syria", "turkey", "ukraine", "usa", "washington",
};

static const char *const wl_anonymous[] = {
    "aide", "aides", "analyst", "analysts", "diplomat", "diplomats", "expert", "experts", "insider",
    "insiders", "official", "officials", "people", "person", "source", "sources", "spokesman",
    "spokesperson", "spokeswoman", "witness", "witnesses",
};

static const char *const wl_message[] = {
    "banner", "caption", "captions", "message", "note", "placard", "post", "sign", "slogan",
    "statement", "text", "texts", "tweet", "words",
};

static const char *const wl_convey[] = {
    "citing", "quoting", "relaying",
};

static const char *const wl_speech_noun[] = {
    "briefing", "conference", "interview", "letter", "post", "speech", "statement", "tweet",
    "video",
};

static const char *const wl_preposition[] = {
    "about", "after", "against", "at", "by", "for", "from", "in", "into", "of", "on", "over", "to",
    "under", "with", "without",
};

static const char *const wl_naming[] = {
    "branded", "branding", "call", "called", "calling", "calls", "described", "describes", "describing",
    "dubbed", "labeled", "labelled", "termed",
};

static const char *const wl_calendar[] = {
    "april", "august", "december", "february", "friday", "january", "july", "june", "march", "may",
    "monday", "november", "october", "saturday", "september", "sunday", "thursday", "tuesday",
    "wednesday",
};

static const char *const wl_name_particle[] = {
    "al", "bin", "da", "de", "del", "der", "di", "dos", "du", "ibn", "la", "le", "van", "von",
};

static const char *const wl_male[] = {
    "boy", "brother", "father", "he", "him", "his", "husband", "king", "lord", "man", "mr", "mr.",
    "prince", "sir", "son",
};

static const char *const wl_female[] = {
    "dame", "daughter", "girl", "her", "lady", "miss", "mother", "mrs", "mrs.", "ms", "ms.",
    "princess", "queen", "she", "sister", "wife", "woman",
};

static const char *const wl_right_stop[] = {
    "after", "at", "before", "during", "earlier", "in", "last", "later", "on", "this", "today",
    "tonight", "when", "while", "yesterday",
};

static const char *const wl_hearer[] = {
    "audience", "crowd", "journalists", "lawmakers", "listeners", "parliament", "reporters",
    "supporters", "viewers", "voters",
};

typedef struct word_table {
    const char *const *words;
    size_t count;
} word_table;

#define TABLE(t) {t, sizeof t / sizeof t[0]}
static const word_table tables[WL_COUNT] = {
    [WL_AUX] = TABLE(wl_aux),
    [WL_ADVERB] = TABLE(wl_adverb),
    [WL_BOUNDARY] = TABLE(wl_boundary),
    [WL_DETERMINER] = TABLE(wl_determiner),
    [WL_PRONOUN] = TABLE(wl_pronoun),
    [WL_REFLEXIVE] = TABLE(wl_reflexive),
    [WL_TITLE] = TABLE(wl_title),
    [WL_DEMONYM] = TABLE(wl_demonym),
    [WL_MEDIA] = TABLE(wl_media),
    [WL_GOVERNMENT] = TABLE(wl_government),
    [WL_ORGANISATION] = TABLE(wl_organisation),
    [WL_COUNTRY] = TABLE(wl_country),
    [WL_ANONYMOUS] = TABLE(wl_anonymous),
    [WL_MESSAGE] = TABLE(wl_message),
    [WL_CONVEY] = TABLE(wl_convey),
    [WL_SPEECH_NOUN] = TABLE(wl_speech_noun),
    [WL_RIGHT_STOP] = TABLE(wl_right_stop),
    [WL_PREPOSITION] = TABLE(wl_preposition),
    [WL_NAMING] = TABLE(wl_naming),
    [WL_CALENDAR] = TABLE(wl_calendar),
    [WL_NAME_PARTICLE] = TABLE(wl_name_particle),
    [WL_MALE] = TABLE(wl_male),
    [WL_FEMALE] = TABLE(wl_female),
    [WL_HEARER] = TABLE(wl_hearer),
};

/* Compares s[0..len) with the NUL-terminated word, ASCII case folded. */
static int compare_folded(const char *s, size_t len, const char *word)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char a = (unsigned char)s[i], b = (unsigned char)word[i];
        if (a >= 'A' && a <= 'Z')
            a = (unsigned char)(a + 32);
        if (b == 0)
            return 1;
        if (a != b)
            return a < b ? -1 : 1;
    }
    return word[len] ? -1 : 0;
}

int fl_cue_verb(const char *s, size_t len)
{
    size_t lo = 0, hi = sizeof cue_forms / sizeof cue_forms[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = compare_folded(s, len, cue_forms[mid].word);
        if (c == 0)
            return cue_forms[mid].flags;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

int fl_word_in(fl_wordlist list, const char *s, size_t len)
{
    if ((unsigned)list >= WL_COUNT)
        return 0;
    const word_table *t = &tables[list];
    size_t lo = 0, hi = t->count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = compare_folded(s, len, t->words[mid]);
        if (c == 0)
            return 1;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

size_t fl_cue_table_dump(int which, const char ***words)
{
    if (which < 0 || which >= WL_COUNT)
        return 0;
    *words = (const char **)(void *)tables[which].words;
    return tables[which].count;
}

size_t fl_cue_form_count(void) { return sizeof cue_forms / sizeof cue_forms[0]; }

const char *fl_cue_form(size_t i)
{
    return i < fl_cue_form_count() ? cue_forms[i].word : NULL;
}
