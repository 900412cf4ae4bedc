/*
 * factline.h — the one public header of libfactline.
 *
 * factline turns a stream of dated news articles into facts a person can check:
 * who is named, who said what, who reported what, which figures, and when.
 * Every fact carries the byte span of its evidence in the article text.
 *
 * This header is the manual. It reads top to bottom:
 *
 *   1. The simple interface: read a file, analyse each article, print JSON.
 *   2. Articles and the article text (what byte offsets point into).
 *   3. The streaming reader: formats, limits, diagnostics, exit codes.
 *   4. The text layer: paragraphs, sentences, tokens, each with a span.
 *   5. Extraction: the layers that find facts (entities, times, quotes,
 *      attributions, figures) and the extractor that holds their models.
 *   6. Output: the JSON Lines writer used by `factline extract`.
 *   7. The store: SQLite with full-text search, and the questions users ask.
 *   8. Version.
 *
 * Conventions
 *   - Names: types `fl_thing`, functions `fl_thing_verb`, constants `FL_`.
 *   - Handles are opaque; create with `_new`, release with `_free` (NULL is a
 *     no-op for every `_free`).
 *   - Functions that can fail return an `fl_status` or NULL. The reason, with
 *     its location where there is one, is available as text from the object
 *     (`fl_reader_error`) or through the diagnostic callback.
 *   - Text is UTF-8. A span is `[start, end)` in bytes.
 *   - The library never calls exit() and never prints; the CLI does.
 *   - Objects are not thread-safe; use one per thread. Nothing is global
 *     except read-only tables.
 */
#ifndef FACTLINE_H
#define FACTLINE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Status codes                                                             */
/* ------------------------------------------------------------------------ */

typedef enum fl_status {
    FL_OK = 0,        /* success; for fl_reader_next: an article is ready */
    FL_END = 1,       /* fl_reader_next: no more articles in this input */
    FL_ERR_IO = -1,   /* a file could not be opened or read */
    FL_ERR_USAGE = -2,/* bad arguments (for example plain text without a date) */
    FL_ERR_NOMEM = -3,/* out of memory */
    FL_ERR_FORMAT = -4,/* input that cannot be read as the chosen format */
    FL_ERR_NOT_FOUND = -5 /* the thing asked for does not exist (an article, an entity) */
} fl_status;

/* ------------------------------------------------------------------------ */
/* 1. The simple interface                                                  */
/* ------------------------------------------------------------------------ */
/*
 * A complete program that prints one JSON object per article of a file:
 *
 *     fl_reader_options ro;
 *     fl_reader_options_init(&ro);
 *     fl_reader *r = fl_reader_new(&ro);
 *     fl_extractor *ex = fl_extractor_new(NULL, NULL);
 *     fl_doc *doc = fl_doc_new();
 *     fl_json_options jo = {0};
 *     fl_buffer *out = fl_buffer_new();
 *     if (fl_reader_open(r, "articles.txt") != FL_OK) { fputs(fl_reader_error(r), stderr); ... }
 *     const fl_article *a;
 *     while (fl_reader_next(r, &a) == FL_OK) {
 *         fl_doc_analyze(doc, a);
 *         fl_extract(ex, doc);
 *         fl_buffer_clear(out);
 *         fl_doc_write_json(doc, &jo, out);
 *         fwrite(fl_buffer_data(out), 1, fl_buffer_len(out), stdout);
 *     }
 *     fl_buffer_free(out); fl_doc_free(doc); fl_extractor_free(ex); fl_reader_free(r);
 *
 * Rejected articles and repairs are reported through the diagnostic callback
 * (section 3); the loop above simply never sees a rejected article.
 */

/* ------------------------------------------------------------------------ */
/* 2. Articles and the article text                                         */
/* ------------------------------------------------------------------------ */
/*
 * The ARTICLE TEXT is what every span points into. It is built from the input
 * the same way for every format:
 *
 *     article text = headline + "\n\n" + body
 *
 * where
 *   - the headline is the header line's text after the date (native format),
 *     the `headline`/`title` field (JSON Lines) or the first non-blank line
 *     (plain text), with surrounding white space removed;
 *   - the body is the article's remaining lines joined by "\n", with CRLF and
 *     lone CR turned into "\n", leading and trailing blank lines removed;
 *   - invalid UTF-8 and control characters other than tab and newline are
 *     each replaced by U+FFFD (3 bytes, EF BF BD), with a warning.
 * So the headline is bytes [0, headline_len) and the body starts at
 * headline_len + 2. When the body is empty the text is just the headline.
 *
 * Paragraphs: the headline is paragraph 0. In the body, if there is any blank
 * line, paragraphs are separated by blank lines (single newlines are line
 * wraps); otherwise every line is a paragraph (the native format's
 * convention: one paragraph per line).
 */

typedef struct fl_span {
    uint32_t start; /* first byte */
    uint32_t end;   /* one past the last byte */
} fl_span;

typedef enum fl_format {
    FL_FORMAT_AUTO = 0,  /* detect from the first bytes of each input */
    FL_FORMAT_NATIVE,    /* `date YYYY-MM-DD headline` lines, then the body */
    FL_FORMAT_JSONL,     /* one JSON object per line */
    FL_FORMAT_PLAIN      /* the whole input is one article; needs a date */
} fl_format;

/* One article as delivered by the reader. Every pointer stays valid until
 * the next fl_reader_next, fl_reader_open or fl_reader_free call. Strings are
 * NUL-terminated and valid UTF-8. */
typedef struct fl_article {
    const char *id;        /* from the input's `id`, else a content hash (16 hex digits) */
    char date[11];         /* publication date, "YYYY-MM-DD" */
    int year, month, day;  /* the same date as numbers */
    const char *headline;  /* the headline; text[0, headline_len) */
    size_t headline_len;
    const char *text;      /* the article text, see above */
    size_t text_len;
    size_t body_start;     /* byte where the body begins in text (== text_len if none) */
    const char *source;    /* JSON Lines `source`, else NULL */
    const char *url;       /* JSON Lines `url`, else NULL */
    /* Where the article came from, for messages. */
    const char *file;      /* file name as given, "-" for standard input */
    uint64_t number;       /* 1-based article number in this input, counting rejected ones */
    uint64_t line;         /* 1-based line of the article's first line */
    uint64_t offset;       /* byte offset of that line in the input */
    /* Repairs made in this article, as messages (also sent as diagnostics);
     * they appear in the JSON output's "warnings". */
    const char *const *warnings;
    size_t warning_count;
} fl_article;

/* ------------------------------------------------------------------------ */
/* 3. The streaming reader                                                  */
/* ------------------------------------------------------------------------ */
/*
 * The reader streams articles from files or standard input. Its memory is
 * bounded by the largest accepted article (plus a fixed read buffer), whatever
 * the input size: a record over `max_record` bytes is skipped, not buffered.
 *
 * Formats (FL_FORMAT_AUTO detects per input, after an optional UTF-8 BOM and
 * leading blank lines):
 *   - a first character '{' means JSON Lines: each line an object with `date`
 *     ("YYYY-MM-DD", or an ISO timestamp whose first 10 characters are one),
 *     `headline` or `title`, `text` or `body`, optional `id`, `source`, `url`;
 *   - a first line `date YYYY-MM-DD ...` (leading white space allowed) means
 *     the native format;
 *   - anything else is plain text, which needs `default_date`.
 *
 * Bad input never stops the stream. Each of these is reported as one
 * diagnostic naming file, line, article number and byte offset, and reading
 * continues with the next article:
 *   rejected (the article is skipped):
 *     - impossible or malformed date (2023-02-30, 2023-13-01);
 *     - a record over max_record bytes;
 *     - binary data: NUL bytes, or more than 10% of the bytes being control
 *       characters or invalid UTF-8;
 *     - a JSON line that does not parse (truncated, junk), is not an object,
 *       or lacks a date or a text;
 *     - an empty article (no headline and no body);
 *   repaired (the article is kept, with a warning):
 *     - invalid UTF-8 and stray control characters, replaced by U+FFFD;
 *     - text before the first header line of a native file is skipped.
 */

typedef enum fl_severity {
    FL_WARNING = 1, /* something was repaired or skipped; the article is kept */
    FL_REJECTED = 2,/* the article was rejected */
    FL_ERROR = 3    /* the input could not be read further */
} fl_severity;

typedef struct fl_diag {
    fl_severity severity;
    const char *file;    /* file name as given, "-" for standard input */
    uint64_t line;       /* 1-based line where the problem is */
    uint64_t article;    /* 1-based article number (0: before the first article) */
    uint64_t offset;     /* byte offset in the input where the problem is */
    const char *message; /* what is wrong and what was done, no trailing newline */
} fl_diag;

typedef void (*fl_diag_fn)(const fl_diag *diag, void *user);

typedef struct fl_reader_options {
    fl_format format;       /* FL_FORMAT_AUTO by default */
    size_t max_record;      /* largest accepted article or line, bytes; default 8 MiB */
    const char *default_date; /* "YYYY-MM-DD" for plain text; NULL by default */
    fl_diag_fn on_diag;     /* called for every diagnostic; may be NULL */
    void *user;             /* passed to on_diag */
} fl_reader_options;

#define FL_DEFAULT_MAX_RECORD ((size_t)8 << 20)

typedef struct fl_reader fl_reader;

/* Fills *opts with the defaults. */
void fl_reader_options_init(fl_reader_options *opts);

/* Creates a reader; the options are copied (default_date too). NULL on
 * out-of-memory or an invalid default_date (check with fl_date_parse). */
fl_reader *fl_reader_new(const fl_reader_options *opts);

/* Starts reading a file; "-" means standard input. Returns FL_ERR_IO when the
 * file cannot be opened (fl_reader_error says why). The previous input, if
 * any, is closed. */
fl_status fl_reader_open(fl_reader *r, const char *path);

/* Starts reading an already open stream; `name` is used in messages. The
 * stream is not closed by the reader. */
fl_status fl_reader_open_stream(fl_reader *r, FILE *stream, const char *name);

/* Starts reading a memory buffer (copied by reference: it must outlive the
 * reading). */
fl_status fl_reader_open_memory(fl_reader *r, const char *data, size_t len, const char *name);

/* Delivers the next good article in *out. Returns FL_OK, FL_END at the end
 * of the input, or a negative status on a read error or a plain-text input
 * without a date (fl_reader_error says why; the input is then finished). */
fl_status fl_reader_next(fl_reader *r, const fl_article **out);

/* The last error as "FILE: message", or "" if none. */
const char *fl_reader_error(const fl_reader *r);

/* Counters for this reader since it was created. */
typedef struct fl_reader_stats {
    uint64_t articles;  /* good articles delivered */
    uint64_t rejected;  /* articles rejected */
    uint64_t warnings;  /* repairs and skips reported */
    uint64_t bytes;     /* input bytes consumed */
} fl_reader_stats;
void fl_reader_get_stats(const fl_reader *r, fl_reader_stats *stats);

/* The format detected for the current input (FL_FORMAT_AUTO before the
 * first article has been looked for). */
fl_format fl_reader_format(const fl_reader *r);

void fl_reader_free(fl_reader *r);

/* Parses "YYYY-MM-DD" (exactly 10 characters, a real calendar date, years
 * 0001-9999). Returns 1 and fills the numbers if valid, else 0. */
int fl_date_parse(const char *s, size_t len, int *year, int *month, int *day);

/* ------------------------------------------------------------------------ */
/* 4. The text layer                                                        */
/* ------------------------------------------------------------------------ */
/*
 * fl_doc holds one analysed article: its paragraphs, sentences and tokens,
 * each with a span in the article text. Reuse one fl_doc for a whole stream:
 * its arrays keep their capacity, so analysis allocates nothing once they are
 * large enough. The doc keeps a pointer to the article's text; the article
 * must stay alive while the doc is used.
 *
 * Tokens follow news English conventions:
 *   - numbers keep their separators and decimals: "9,200", "1.4", "10:30";
 *   - abbreviations and initials keep their periods: "U.S.", "Dr.", "J.R.R.";
 *   - clitics are split off: "don't" -> "do" "n't", "Israel's" -> "Israel" "'s";
 *     names like "O'Brien" stay whole;
 *   - hyphenated words stay whole: "Israel-Gaza", "twenty-five", "200-300";
 *   - URLs, e-mail addresses, @handles, #hashtags and domain names
 *     ("RadarOnline.com") are single tokens;
 *   - quotes (" “ ” ' ‘ ’ « »), dashes (— – --), brackets and other
 *     punctuation are tokens of their own; "..." and "…" are one token.
 * Sentences never cross a paragraph break; a sentence ends after . ! ? or …
 * (and any closing quotes or brackets that follow), unless what follows shows
 * it does not (a lower-case word, a title such as "Dr.", an initial).
 */

typedef enum fl_token_kind {
    FL_TOKEN_WORD = 0,   /* letters (and digits, hyphens, inner apostrophes) */
    FL_TOKEN_NUMBER,     /* starts with a digit: 9,200  1.4  10:30  1st  200-300 */
    FL_TOKEN_ABBREV,     /* word or initials ending in a period: U.S.  Dr.  J. */
    FL_TOKEN_CLITIC,     /* 's  n't  're  've  'll  'd  'm  and a possessive ' */
    FL_TOKEN_PUNCT,      /* . , ; : ! ? ... ( ) [ ] { } and other punctuation */
    FL_TOKEN_QUOTE,      /* a quotation mark: " “ ” ' ‘ ’ « » ‹ › */
    FL_TOKEN_DASH,       /* — – -- and a lone hyphen between spaces */
    FL_TOKEN_URL,        /* http://…, https://…, www.… */
    FL_TOKEN_EMAIL,      /* name@example.org */
    FL_TOKEN_HANDLE,     /* @name */
    FL_TOKEN_HASHTAG,    /* #name */
    FL_TOKEN_DOMAIN,     /* RadarOnline.com, bbc.co.uk */
    FL_TOKEN_SYMBOL,     /* $ % & + = and other symbols, U+FFFD */
    FL_TOKEN_KIND_COUNT
} fl_token_kind;

/* Token flags. */
#define FL_TOKEN_SPACE_BEFORE 0x01u /* white space (or the text start) precedes it */
#define FL_TOKEN_CAPITALIZED  0x02u /* first character is an upper-case letter */
#define FL_TOKEN_ALL_CAPS     0x04u /* has letters, all upper case */
#define FL_TOKEN_HAS_DIGIT    0x08u /* contains a digit */
#define FL_TOKEN_QUOTE_OPEN   0x10u /* a quote mark that opens (“ ‘ or a straight one in opening position) */
#define FL_TOKEN_QUOTE_CLOSE  0x20u /* a quote mark that closes */

typedef struct fl_token {
    uint32_t start, end;  /* span in the article text */
    uint16_t kind;        /* fl_token_kind */
    uint16_t flags;       /* FL_TOKEN_* flags */
} fl_token;

typedef struct fl_sentence {
    uint32_t start, end;          /* span: first token's start to last token's end */
    uint32_t token_begin;         /* index of its first token */
    uint32_t token_end;           /* one past its last token */
    uint32_t paragraph;           /* index of its paragraph */
} fl_sentence;

typedef struct fl_paragraph {
    uint32_t start, end;          /* span, without the surrounding newlines */
    uint32_t sentence_begin, sentence_end;
} fl_paragraph;

typedef struct fl_doc fl_doc;

fl_doc *fl_doc_new(void);

/* Analyses an article: paragraphs, then tokens, then sentences. Returns
 * FL_OK or FL_ERR_NOMEM. Articles longer than 4 GiB - 1 cannot occur (the
 * reader's limit is far below). */
fl_status fl_doc_analyze(fl_doc *doc, const fl_article *article);

/* Tokenizes and splits arbitrary UTF-8 text (no headline). Used by tests and
 * by readers of other formats; spans point into `text`. */
fl_status fl_doc_analyze_text(fl_doc *doc, const char *text, size_t len);

const fl_article *fl_doc_article(const fl_doc *doc); /* NULL after analyze_text */
const char *fl_doc_text(const fl_doc *doc);
size_t fl_doc_text_len(const fl_doc *doc);
size_t fl_doc_token_count(const fl_doc *doc);
const fl_token *fl_doc_tokens(const fl_doc *doc);
size_t fl_doc_sentence_count(const fl_doc *doc);
const fl_sentence *fl_doc_sentences(const fl_doc *doc);
size_t fl_doc_paragraph_count(const fl_doc *doc);
const fl_paragraph *fl_doc_paragraphs(const fl_doc *doc);

void fl_doc_free(fl_doc *doc);

/* The name of a token kind, as written in JSON ("word", "number", ...). */
const char *fl_token_kind_name(fl_token_kind kind);

/* ------------------------------------------------------------------------ */
/* 5. Extraction                                                            */
/* ------------------------------------------------------------------------ */
/*
 * fl_extractor holds what the extraction layers need (trained models, word
 * lists), loaded once and shared read-only: one extractor can serve many
 * threads, each with its own fl_doc. fl_extract runs every layer on an
 * analysed doc and keeps the facts in the doc, where fl_doc_write_json and
 * the accessors of each layer find them.
 *
 * The layers, in order (each documented in its own subsection below as it
 * lands): entities, times, quotes, attributions, figures.
 */

typedef struct fl_extractor_options {
    const char *models_dir; /* directory of trained models; NULL: $FACTLINE_MODELS,
                               else the models/ directory of the source tree */
} fl_extractor_options;

typedef struct fl_extractor fl_extractor;

/* Loads the models. NULL on failure, with the reason in *error (a static or
 * caller-freed-never string; may be NULL). */
fl_extractor *fl_extractor_new(const fl_extractor_options *opts, const char **error);

/* Runs every extraction layer on an analysed doc (fl_doc_analyze first).
 * Returns FL_OK or FL_ERR_NOMEM. */
fl_status fl_extract(const fl_extractor *ex, fl_doc *doc);

void fl_extractor_free(fl_extractor *ex);

/* ---- 5.1 Entities ------------------------------------------------------ */
/*
 * Named entities: people (PER), organisations (ORG), places (LOC) and other
 * names (MISC: nationalities, events, works), the four CoNLL-2003 types.
 *
 * A statistical tagger marks mentions in each sentence: an averaged
 * perceptron over BILOU labels with Viterbi decoding (src/ner/ner_model.c),
 * trained on CoNLL-2003, with features that carry over to today's news:
 * words, affixes, shapes, gazetteers, word classes learned from unlabeled
 * news, true-casing of headlines and sentence starts from the rest of the
 * article, and the types earlier sentences gave the same word. Only words
 * are used, never part-of-speech tags. It scores 93.2 F1 on the CoNLL-2003
 * dev set and tags about a million tokens per second on one core;
 * tagging allocates nothing per token once warm.
 * Then, within one article, mentions that name the same thing are joined
 * into one entity:
 *   - title and role words are stripped: "Secretary of State Antony Blinken"
 *     and "President Joe Biden" are mentions of "Antony Blinken", "Joe Biden";
 *   - a possessive is not part of the name: "Israel's" -> "Israel";
 *   - a surname or a shorter form joins the full name of the same type:
 *     "Blinken" -> "Antony Blinken";
 *   - an acronym joins its expansion when the article gives it:
 *     "Israel Defense Forces (IDF)", later "IDF";
 *   - country variants are one country: "US", "U.S.", "United States";
 *   - a name found once is marked where it recurs untagged.
 * The exact rules are in docs/schema.md (entities). The entity's name is its fullest form in the article; its other forms are
 * its aliases. Entities are listed in order of first mention.
 *
 * The model file is models/ner.model (about 11 MB), rebuilt in about two
 * minutes, deterministically, by
 *     factline train ner --train ../shared/data/conll2003/eng.train \
 *         --dev ../shared/data/conll2003/eng.testa --data ../shared/data -o models/ner.model
 * (models/ner.md says what it holds).
 */

typedef enum fl_entity_type {
    FL_ENTITY_PER = 0,
    FL_ENTITY_ORG,
    FL_ENTITY_LOC,
    FL_ENTITY_MISC
} fl_entity_type;

/* "PER", "ORG", "LOC", "MISC". */
const char *fl_entity_type_name(fl_entity_type type);

typedef struct fl_mention {
    fl_span span;          /* the name as it appears, without title words or 's */
    uint32_t token_begin;  /* its tokens in fl_doc_tokens */
    uint32_t token_end;
    uint32_t entity;       /* index of its entity in fl_doc_entities */
} fl_mention;

typedef struct fl_entity {
    const char *name;            /* the fullest form in the article */
    fl_entity_type type;
    const char *const *aliases;  /* the other forms, in order of appearance */
    size_t alias_count;
    const fl_mention *mentions;  /* in text order */
    size_t mention_count;
} fl_entity;

/* The entities found by fl_extract, valid until the doc is analysed again
 * or freed. */
size_t fl_doc_entity_count(const fl_doc *doc);
const fl_entity *fl_doc_entities(const fl_doc *doc);

/* The tagger's model, for training and for tagging CoNLL files. Small on
 * purpose, like liblinear's: train, save, load, tag, free. */
typedef struct fl_ner_model fl_ner_model;

/* Loads a model saved by fl_ner_model_save. NULL with the reason in err. */
fl_ner_model *fl_ner_model_load(const char *path, char *err, size_t err_size);
fl_status fl_ner_model_save(const fl_ner_model *m, const char *path, char *err, size_t err_size);
size_t fl_ner_model_feature_count(const fl_ner_model *m); /* weight rows kept */
void fl_ner_model_free(fl_ner_model *m);

typedef struct fl_ner_train_options {
    const char *train_path; /* CoNLL-2003 training file */
    const char *dev_path;   /* CoNLL-2003 dev file: picks the epoch; NULL: last epoch */
    const char *data_dir;   /* shared data (gazetteers/, news/) for lexicons; NULL: none */
    int epochs;             /* passes over the training data (default 15) */
    int min_count;          /* keep features seen at least this often (default 1) */
    int clusters;           /* word classes learned from data_dir's news (default 1024, also
                               K/4 and K/16; at most 2047; 0: none) */
    int runs;               /* runs with different shuffles, averaged (default 4) */
    uint64_t seed;          /* shuffling seed; the same seed gives the same model */
    void (*progress)(const char *message, void *user); /* one line per step; may be NULL */
    void *user;
} fl_ner_train_options;

void fl_ner_train_options_init(fl_ner_train_options *opts);

/* Trains a model. Deterministic for given options and data. NULL with the
 * reason in err (a malformed CoNLL line is named as FILE:LINE). */
fl_ner_model *fl_ner_train(const fl_ner_train_options *opts, char *err, size_t err_size);

/* Reads a CoNLL-2003 file (token POS chunk tag lines, blank lines between
 * sentences, -DOCSTART- between documents; only the token column is used)
 * and writes every line with the predicted tag appended as a last column,
 * in IOB1 like the CoNLL-2003 files (I-PER, and B-PER only where a chunk
 * directly follows one of the same type), so conlleval-style scorers read it. */
fl_status fl_ner_tag_conll(const fl_ner_model *m, const char *path, FILE *out, char *err, size_t err_size);

/* Entity-level scores, counted exactly as conlleval does. */
typedef struct fl_ner_type_score {
    char type[16];
    uint64_t gold;      /* chunks in the gold column */
    uint64_t found;     /* chunks in the predicted column */
    uint64_t correct;   /* same span and type */
} fl_ner_type_score;

typedef struct fl_ner_score {
    uint64_t tokens, correct_tags;
    fl_ner_type_score total;
    fl_ner_type_score types[16]; /* by type name, sorted */
    size_t type_count;
} fl_ner_score;

/* Scores a file whose last two columns are the gold and the predicted tag
 * (IOB1, IOB2 or IOE, as conlleval reads them). */
fl_status fl_ner_score_conll(const char *path, fl_ner_score *score, char *err, size_t err_size);

/* Precision, recall and F1 in percent (0 when undefined). */
void fl_ner_score_prf(const fl_ner_type_score *s, double *precision, double *recall, double *f1);


/* ------------------------------------------------------------------------ */
/* 5.2 Times                                                                */
/* ------------------------------------------------------------------------ */
/*
 * The time layer finds time expressions and gives each its TimeML (TIMEX3)
 * type and value, resolved against the article's publication date (the
 * "document creation time", DCT). Examples for an article dated 2023-11-04
 * (a Saturday, ISO week 44):
 *
 *     "October 7"              DATE      2023-10-07
 *     "Wednesday, November 1"  DATE      2023-11-01
 *     "on Saturday" (future)   DATE      2023-11-04
 *     "this week"              DATE      2023-W44
 *     "last month"             DATE      2023-10
 *     "the 1990s"              DATE      199X
 *     "the third quarter"      DATE      2023-Q3
 *     "Friday morning"         TIME      2023-11-03TMO (TMO TAF TEV TNI)
 *     "3:30 p.m."              TIME      2023-11-04T15:30
 *     "the past three weeks"   DURATION  P3W
 *     "several months"         DURATION  PXM
 *     "every Monday"           SET       XXXX-WXX-1
 *     "now", "recently", "soon" DATE     PRESENT_REF, PAST_REF, FUTURE_REF
 *
 * Relative expressions use the tense of their clause: a weekday or a month
 * without a year is the coming one after "will", "is scheduled to" and the
 * like, else the last one (news reports the past). Spans cover whole
 * tokens. fl_extract runs this layer with the article date; call
 * fl_doc_find_times directly for text analysed with fl_doc_analyze_text.
 * fl_extract also adds event-anchored expressions ("since the war began"
 * -> the date the article gives the war's start, mod ON_OR_AFTER), which
 * TimeML does not tag; fl_doc_find_times finds TimeML's TIMEX3 only.
 */

typedef enum fl_time_type {
    FL_TIME_DATE = 0,  /* a calendar date or period: 2023-11-01, 2023-11, 2023-W44, 2023-Q4, 199X */
    FL_TIME_TIME,      /* a time of day or part of a day: 2023-11-04T14:30, 2023-11-04TEV */
    FL_TIME_DURATION,  /* an amount of time: P3D, PT2H, PXM */
    FL_TIME_SET,       /* a recurrence: P1D (daily), XXXX-WXX-1 (every Monday) */
    FL_TIME_TYPE_COUNT
} fl_time_type;

#define FL_TIME_VALUE_MAX 32

typedef struct fl_time {
    fl_span span;                     /* the expression in the text */
    fl_time_type type;
    char value[FL_TIME_VALUE_MAX];    /* the TimeML value, NUL-terminated */
} fl_time;

/* Finds the times of an analysed doc, resolving them against
 * `reference_date` ("YYYY-MM-DD"), or the article's date when it is NULL.
 * Replaces the doc's previous times. Returns FL_OK, FL_ERR_USAGE (no valid
 * date) or FL_ERR_NOMEM. */
fl_status fl_doc_find_times(fl_doc *doc, const char *reference_date);

/* The times found, in text order; valid until the doc is analysed again. */
size_t fl_doc_time_count(const fl_doc *doc);
const fl_time *fl_doc_times(const fl_doc *doc);

/* "DATE", "TIME", "DURATION" or "SET". */
const char *fl_time_type_name(fl_time_type type);

/* ------------------------------------------------------------------------ */
/* 5.3 Quotes and attributions                                              */
/* ------------------------------------------------------------------------ */
/*
 * A QUOTE is text between double quotation marks (straight " or curly “ ”,
 * also « »; in the headline, where news uses single marks, ‘ ’ and ' too).
 * Single marks inside a double quote are part of it. A quote may
 *   - run over several sentences, and over paragraphs: a paragraph that
 *     opens a quote without closing it continues into the next paragraph
 *     when that one opens with a quote mark (or closes one first);
 *   - be split by its attribution: “We are ready,” he said, “and we will
 *     act.” is ONE quote with two parts and one speaker.
 * An opening mark with no closing mark in its paragraph is ignored (it never
 * swallows the rest of the article); so is a closing mark with no opening.
 *
 * Each quote has a kind:
 *   FL_QUOTE_STATEMENT  something said or written, quoted as a sentence or
 *                       clause ("We want to help them," the official said.)
 *   FL_QUOTE_PARTIAL    a fragment inside the writer's own sentence (he
 *                       called it "a humanitarian catastrophe")
 *   FL_QUOTE_SCARE      a term or title in quotes, not anybody's statement
 *                       (pushing “conspiracy theories”); never has a speaker
 *
 * A SPEAKER (or an attribution's SOURCE) is described by fl_speaker: the
 * words at the cue (`mention`: "he", "the official", "Blinken"), the fullest
 * form of that name found in the article (`name`: "Antony Blinken", "A senior
 * Israeli official"), the cue (`cue`: "said", "stated"), who relayed the words
 * when they were conveyed (`conveyed_by`: "One U.S. official and two Israeli
 * officials" for "..., quoting Blinken's message, stated: ..."), the kind of
 * source and how it was found. `found` is 0 when no speaker could be
 * determined: the layer never guesses silently. `entity` is reserved for the
 * link to the entity layer and is -1 until that layer is connected.
 *
 * An ATTRIBUTION is reported speech or sourcing that is not itself a direct
 * quote: "according to X", "X said (that) ...", "X reported / told / claimed
 * / revealed / warned / denied ...", "X has learned", "as X previously
 * reported", with unnamed sources ("sources familiar with the talks"). It has
 * a source (an fl_speaker; `found` 0 when the cue has none, as in
 * "reportedly"), the cue and the content span.
 *
 * Results live in the doc until the next fl_doc_analyze; fl_extract fills
 * them. All spans are bytes of the article text.
 */

typedef enum fl_quote_kind {
    FL_QUOTE_STATEMENT = 0,
    FL_QUOTE_PARTIAL,
    FL_QUOTE_SCARE
} fl_quote_kind;

typedef enum fl_source_type {
    FL_SOURCE_UNKNOWN = 0,  /* a name the layer cannot place */
    FL_SOURCE_PERSON,       /* a named person, or a pronoun resolved to one */
    FL_SOURCE_ORGANISATION, /* a group, party, company, agency */
    FL_SOURCE_MEDIA,        /* a newspaper, broadcaster, site (RadarOnline.com) */
    FL_SOURCE_GOVERNMENT,   /* a state, ministry, army, government */
    FL_SOURCE_ANONYMOUS     /* unnamed: "sources familiar with the talks", "a senior official" */
} fl_source_type;

/* How a speaker was found. */
typedef enum fl_speaker_via {
    FL_VIA_NONE = 0,      /* not found (`found` is 0) */
    FL_VIA_CUE,           /* named at a cue next to the quote: "..., X said" */
    FL_VIA_PRONOUN,       /* a pronoun at the cue, resolved to an earlier name */
    FL_VIA_NOMINAL,       /* "the official" at the cue, resolved to an earlier mention */
    FL_VIA_CONTINUATION,  /* no cue: continues the previous quote's speaker */
    FL_VIA_CONVEYED,      /* "officials, quoting X's message, stated: ..." */
    FL_VIA_MESSAGE,       /* "the message, ..." : the one who posted it earlier */
    FL_VIA_CONTEXT        /* no cue: the person the previous, narrative paragraph is about */
} fl_speaker_via;

typedef struct fl_speaker {
    int found;               /* 0: no speaker; every span below is {0, 0} */
    fl_span mention;         /* the words at the cue that name the speaker */
    fl_span name;            /* the fullest form of the name in the article */
    fl_span cue;             /* the cue verb or phrase; {0, 0} for a continuation */
    fl_span conveyed_by;     /* who relayed the words; {0, 0} if nobody */
    fl_source_type type;
    int anonymous;           /* 1 for unnamed sources */
    fl_speaker_via via;
    int32_t entity;          /* index of the speaker's entity in fl_doc_entities, or -1 */
} fl_speaker;

typedef struct fl_quote {
    fl_span span;            /* from the first opening mark to the last closing mark */
    uint32_t part_begin;     /* its parts are fl_doc_quote_parts(doc)[part_begin ..] */
    uint32_t part_count;     /* each part is one stretch between marks, marks included */
    fl_quote_kind kind;
    fl_speaker speaker;      /* found is 0 for scare quotes */
} fl_quote;

typedef struct fl_attribution {
    fl_speaker source;       /* found is 0 when the cue names no source */
    fl_span content;         /* what is attributed */
    int32_t quote;           /* index of the direct quote it introduces, or -1 */
    int learned;             /* 1: the cue was proposed by the learned cue detector (models/attrib.model),
                                not the cue tables: stances and actions ("supports", "voted to end") as
                                PolNeAR annotates them. fl_extract does not run the detector (always 0);
                                `factline attrib --polnear` does */
} fl_attribution;

size_t fl_doc_quote_count(const fl_doc *doc);
const fl_quote *fl_doc_quotes(const fl_doc *doc);
const fl_span *fl_doc_quote_parts(const fl_doc *doc);

/* Attributions include, with `quote` >= 0, the cue of each direct quote
 * (what PolNeAR calls a direct attribution); `factline extract` lists only
 * the others under "attributions", since the quotes carry their speakers. */
size_t fl_doc_attribution_count(const fl_doc *doc);
const fl_attribution *fl_doc_attributions(const fl_doc *doc);

/* Names as written in JSON: "statement", "partial", "scare"; "person",
 * "organisation", "media", "government", "anonymous", "unknown"; "cue",
 * "pronoun", "nominal", "continuation", "conveyed", "message", "context", "none". */
const char *fl_quote_kind_name(fl_quote_kind kind);
const char *fl_source_type_name(fl_source_type type);
const char *fl_speaker_via_name(fl_speaker_via via);

/* ------------------------------------------------------------------------ */
/* 5.4 Figures                                                              */
/* ------------------------------------------------------------------------ */
/*
 * A figure is a count stated in the article: how many people (or things)
 * were killed, injured, taken hostage, released, displaced, went missing,
 * were arrested, or how many aid trucks entered; anything else counted is
 * category "other". Each figure says
 *
 *   - its number, as `value` (NULL-like when the text gives no single
 *     number: "dozens", "between 200 and 300") and bounds `low`/`high`
 *     (open when absent), with the `qualifier` that relates them;
 *   - its `category`, decided by the verb or noun that governs the number
 *     ("killed at least 30", "the deaths of 1,400 people", "hundreds were
 *     wounded"), with the span of that `cue`;
 *   - its `subject` (who or what is counted: "Palestinians", "people"),
 *     `source` (who reports it; empty when the article states it itself),
 *     `place` when stated, and the `date` the count is as of.
 *
 * Not figures: years, ages, dates, times of day, durations, ordinals,
 * money, percentages, measurements, phone numbers and identifiers
 * ("Resolution 2712", "Channel 12"), and a lone "one"/"a". The full rules,
 * with examples, are in docs/figures-guidelines.md.
 *
 * Bounds by qualifier, for a number v: exact v..v; more_than and at_least
 * v..open; nearly, up_to and less_than open..v; about open..open. A range
 * ("200-300", "between 200 and 300") has no value and bounds 200..300
 * (qualifier exact); a vague amount ("hundreds", "tens of thousands", qualifier
 * about) has no value and bounds
 * from its scale S: 2S..10S-1 ("hundreds" 200..999, "dozens" 24..119).
 *
 * An empty span (start == end) means "not stated".
 */

typedef enum fl_figure_qualifier {
    FL_QUALIFIER_EXACT = 0,
    FL_QUALIFIER_MORE_THAN,  /* more than, over, in excess of */
    FL_QUALIFIER_AT_LEAST,   /* at least, no fewer than, or more */
    FL_QUALIFIER_ABOUT,      /* about, around, some, an estimated; vague amounts */
    FL_QUALIFIER_NEARLY,     /* nearly, almost, close to */
    FL_QUALIFIER_UP_TO,      /* up to, as many as */
    FL_QUALIFIER_LESS_THAN,  /* less than, fewer than, under */
    FL_QUALIFIER_COUNT
} fl_figure_qualifier;

typedef enum fl_figure_category {
    FL_CATEGORY_KILLED = 0,  /* killed, dead, deaths, death toll */
    FL_CATEGORY_INJURED,     /* injured, wounded, hurt */
    FL_CATEGORY_HOSTAGES,    /* abducted, kidnapped, taken or held captive/hostage */
    FL_CATEGORY_RELEASED,    /* released, freed */
    FL_CATEGORY_DISPLACED,   /* displaced, evacuated, fled, homeless */
    FL_CATEGORY_MISSING,     /* missing, unaccounted for */
    FL_CATEGORY_ARRESTED,    /* arrested, detained */
    FL_CATEGORY_AID_TRUCKS,  /* aid trucks or lorries */
    FL_CATEGORY_OTHER,       /* any other count */
    FL_CATEGORY_COUNT
} fl_figure_category;

/* fl_figure.flags */
#define FL_FIGURE_HAS_VALUE 0x01u /* `value` is set */
#define FL_FIGURE_HAS_LOW   0x02u /* `low` is set (else the lower bound is open) */
#define FL_FIGURE_HAS_HIGH  0x04u /* `high` is set (else the upper bound is open) */

typedef struct fl_figure {
    fl_span span;        /* the number with its qualifier: "more than 9,200" */
    fl_span cue;         /* the word that decided the category; empty for "other" */
    fl_span subject;     /* who or what is counted: "Palestinians"; may be empty */
    fl_span source;      /* who reports it: "The Health Ministry in Gaza"; may be empty */
    fl_span place;       /* where: "Gaza"; may be empty */
    fl_span date_span;   /* the time expression giving `date`; empty: the article date */
    uint32_t sentence;   /* index of the sentence holding the figure */
    uint32_t flags;      /* FL_FIGURE_HAS_* */
    double value, low, high;
    fl_figure_qualifier qualifier;
    fl_figure_category category;
    char date[11];       /* "YYYY-MM-DD" the count is as of; "" when unknown */
} fl_figure;

/* The figures found by fl_extract, in text order. Valid until the next
 * fl_doc_analyze or fl_extract on the same doc. */
size_t fl_doc_figure_count(const fl_doc *doc);
const fl_figure *fl_doc_figures(const fl_doc *doc);

/* Names as written in JSON: "more_than", "aid_trucks", ... */
const char *fl_figure_qualifier_name(fl_figure_qualifier q);
const char *fl_figure_category_name(fl_figure_category c);

/* 5.5 Parallel extraction -------------------------------------------------- */
/*
 * fl_pipeline runs analysis, extraction and JSON writing on N worker threads
 * while the caller reads. Results come back through a callback, on the
 * caller's thread, strictly in input order. Memory is bounded by the ring of
 * 2N+2 slots, each the size of the largest article it held, plus the
 * extractor shared read-only by all workers.
 *
 *     fl_pipeline *p = fl_pipeline_new(ex, 2, &jo, on_result, user);
 *     while (fl_reader_next(r, &a) == FL_OK)
 *         fl_pipeline_push(p, a);       // may call on_result for earlier articles
 *     fl_pipeline_finish(p);            // calls on_result for the rest
 *     fl_pipeline_free(p);
 */

typedef struct fl_pipeline fl_pipeline;
struct fl_json_options; /* section 6 */

/* Called once per article in input order with its JSON line (as written by
 * fl_doc_write_json) and the article. Return 0 to stop: later pushes then
 * fail. status is FL_OK or the error of that article (out of memory). */
typedef int (*fl_pipeline_fn)(const fl_article *article, const char *json, size_t len, fl_status status, void *user);

/* threads: number of workers (1 or more; 0 means the number of cores).
 * The json options are copied. NULL on failure. */
fl_pipeline *fl_pipeline_new(const fl_extractor *ex, unsigned threads, const struct fl_json_options *json,
                             fl_pipeline_fn on_result, void *user);

/* Copies the article into the pipeline (so the reader may move on).
 * Returns FL_OK, FL_ERR_NOMEM, or FL_ERR_USAGE once the callback has asked
 * to stop. */
fl_status fl_pipeline_push(fl_pipeline *p, const fl_article *article);

/* Waits for every pushed article and delivers the remaining results. */
fl_status fl_pipeline_finish(fl_pipeline *p);

/* The number of workers actually used. */
unsigned fl_pipeline_threads(const fl_pipeline *p);

void fl_pipeline_free(fl_pipeline *p);

/* ------------------------------------------------------------------------ */
/* 6. Output                                                                */
/* ------------------------------------------------------------------------ */

/* A growable byte buffer. */
typedef struct fl_buffer fl_buffer;
fl_buffer *fl_buffer_new(void);
void fl_buffer_clear(fl_buffer *b);
const char *fl_buffer_data(const fl_buffer *b); /* NUL-terminated */
size_t fl_buffer_len(const fl_buffer *b);
void fl_buffer_free(fl_buffer *b);

/* What fl_doc_write_json includes besides the fixed fields. */
typedef struct fl_json_options {
    int text;       /* include "text": the article text */
    int tokens;     /* include "paragraphs", "sentences" and "tokens" spans */
} fl_json_options;

/* Appends one JSON object for the analysed article and a newline (JSON
 * Lines) to `out`. The schema is in docs/schema.md. The output is valid JSON
 * for any input: control characters are escaped and invalid bytes never
 * appear. Returns FL_OK or FL_ERR_NOMEM. */
fl_status fl_doc_write_json(const fl_doc *doc, const fl_json_options *opts, fl_buffer *out);

/* ------------------------------------------------------------------------ */
/* 7. The store                                                             */
/* ------------------------------------------------------------------------ */
/*
 * fl_store keeps articles and their facts in SQLite (WAL mode, FTS5 indexes
 * over article text and quote text). The schema is versioned; opening a
 * database applies the migrations it lacks, each in its own transaction.
 * docs/store.md describes the tables and the rules for joining entities and
 * sources across articles.
 *
 * Writing: fl_store_add takes one `factline extract --text` JSON object (the
 * schema of docs/schema.md) and stores it unless an article with the same
 * content hash is already there. Additions are grouped into transactions of
 * `batch` articles; fl_store_commit ends the current one. A process killed at
 * any moment leaves the database consistent and every committed article
 * stored exactly once; re-running the same input adds only what was lost.
 *
 * Reading: fl_store_query answers the questions of section 7.1 with an
 * fl_result: named sections, each a table of typed cells.
 *
 * PostgreSQL: a `path` beginning "postgresql://" or "postgres://" (a libpq
 * connection URI) opens a PostgreSQL database instead, with the same schema
 * meaning, migrations and answers (docs/store.md, "PostgreSQL", lists what
 * differs in search: order and accents). Adds are held until the batch
 * is written in one transaction (COPY, ON CONFLICT on the content hash);
 * several processes may add to one database at once, and each article is
 * stored exactly once. *added then says the article was missing when it was
 * read; a concurrent writer may store it first.
 */

typedef struct fl_store fl_store;

#define FL_STORE_READONLY 1u /* open an existing database for reading only */

/* Opens (creating it unless FL_STORE_READONLY) the database at `path` and
 * applies pending migrations. NULL on failure, with a message in *error that
 * the caller frees with free(). */
fl_store *fl_store_open(const char *path, unsigned flags, char **error);

/* The schema version this library writes, and the database's. */
int fl_store_schema_version(void);
int fl_store_db_version(const fl_store *s);
/* The answer-semantics version: what the questions answer, which every
 * backend shares. A storage-only migration (SQLite's schema 5) raises the
 * schema version but not this one; PostgreSQL databases are numbered by it
 * (fl_store_db_version of one is its answer version). */
int fl_store_answer_version(void);

/* Articles per transaction when adding (default 2,000 with SQLite, 500 with PostgreSQL). */
void fl_store_set_batch(fl_store *s, unsigned batch);

/* Adds one extracted article (a JSON object as written by fl_doc_write_json
 * with the text included). *added is set to 1 if it was new, 0 if the same
 * content was already stored. FL_ERR_FORMAT for JSON that is not such an
 * object; FL_ERR_IO for a database error (disk full, read-only: see
 * fl_store_error). After an error the current batch is rolled back; what was
 * committed before stays. */
fl_status fl_store_add(fl_store *s, const char *json, size_t len, int *added);

/* Commits the current batch, if any. */
fl_status fl_store_commit(fl_store *s);

/* The last error message. */
const char *fl_store_error(const fl_store *s);

/* Number of stored articles. */
long long fl_store_article_count(fl_store *s);

/* Commits and closes. NULL is a no-op. */
void fl_store_close(fl_store *s);

/* 7.1 Questions ----------------------------------------------------------- */

typedef enum fl_query_kind {
    FL_QUERY_SEARCH = 0, /* full-text search: ranked articles with highlighted snippets */
    FL_QUERY_ENTITY,     /* an entity: aliases, mentions per day, co-occurring entities, quotes, sourced claims */
    FL_QUERY_QUOTES,     /* everything a speaker was quoted saying */
    FL_QUERY_TIMELINE,   /* a figure series by as-of date, per source, with evidence */
    FL_QUERY_DISAGREE,   /* figures that cannot both be true; cumulative series that go down */
    FL_QUERY_ARTICLE,    /* one article with its facts (text = article id or hash) */
    /* -- added for the HTTP page (docs/api.md); each answers one section -- */
    FL_QUERY_SEARCH_TOTAL, /* "total" (section, rows, capped): how many articles and quotes a search with the
                              same fields pages through; capped = 1 when there are more (see docs/api.md) */
    FL_QUERY_CATEGORIES,   /* "categories" (category, figures, cumulative, first, last): the figure categories,
                              most figures first; from/to count only figures in that period */
    FL_QUERY_NAMES         /* "names" (name, type, mentions): canonical entities with a name or alias starting
                              with text (2 characters or more), most mentioned first */
} fl_query_kind;

typedef struct fl_query {
    fl_query_kind kind;
    const char *text;     /* search terms, entity name, speaker name, article id */
    const char *from;     /* YYYY-MM-DD or NULL: only articles/figures on or after */
    const char *to;       /* YYYY-MM-DD or NULL: on or before */
    const char *source;   /* only this source (figures, attributions) or article source (search) */
    const char *entity;   /* only articles mentioning this entity (search) */
    const char *category; /* timeline, disagree: figure category (killed, injured, ...) */
    const char *subject;  /* timeline: subject (Palestinians, ...) */
    const char *place;    /* timeline: place (Gaza, ...) */
    unsigned limit;       /* rows per section; 0 means 20 */
    unsigned offset;      /* rows to skip (pagination) */
} fl_query;

typedef enum fl_cell_type { FL_CELL_NULL = 0, FL_CELL_INT, FL_CELL_REAL, FL_CELL_TEXT } fl_cell_type;

typedef struct fl_result fl_result;

/* Runs a question. NULL on error: fl_store_error says why and
 * fl_store_query_status what kind of error it was. Hostile search syntax is
 * answered as plain words or with a clear message, never an SQL error. */
fl_result *fl_store_query(fl_store *s, const fl_query *q);

/* After fl_store_query: FL_OK, FL_ERR_USAGE (the question cannot be asked
 * that way: nothing to search for, no name given), FL_ERR_NOT_FOUND (no such
 * article) or FL_ERR_IO (the database failed). */
fl_status fl_store_query_status(const fl_store *s);

size_t fl_result_section_count(const fl_result *r);
const char *fl_result_section_name(const fl_result *r, size_t section);
size_t fl_result_column_count(const fl_result *r, size_t section);
const char *fl_result_column_name(const fl_result *r, size_t section, size_t column);
size_t fl_result_row_count(const fl_result *r, size_t section);
fl_cell_type fl_result_cell_type(const fl_result *r, size_t section, size_t row, size_t column);
/* The cell as text (numbers formatted), or NULL for a null cell. */
const char *fl_result_cell(const fl_result *r, size_t section, size_t row, size_t column);

/* Appends the result as one JSON object: its keys are the sections, each an
 * array of row objects keyed by column name, numbers as numbers and null
 * cells as null. Returns FL_OK or FL_ERR_NOMEM. */
fl_status fl_result_write_json(const fl_result *r, fl_buffer *out);

void fl_result_free(fl_result *r);

/* ------------------------------------------------------------------------ */
/* 8. Version                                                               */
/* ------------------------------------------------------------------------ */

/* "MAJOR.MINOR.PATCH" */
const char *fl_version(void);

#ifdef __cplusplus
}
#endif

#endif /* FACTLINE_H */
