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
 *   7. Version.
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
    FL_ERR_FORMAT = -4/* input that cannot be read as the chosen format */
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
/* 7. Version                                                               */
/* ------------------------------------------------------------------------ */

/* "MAJOR.MINOR.PATCH" */
const char *fl_version(void);

#ifdef __cplusplus
}
#endif

#endif /* FACTLINE_H */
