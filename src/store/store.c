/*
 * store.c — the SQLite store: opening, the versioned schema and its
 * migrations, and adding extracted articles in batched transactions.
 *
 * Design: one article per `factline extract --text` object, keyed by a
 * content hash (UNIQUE), so adding is idempotent (INSERT OR IGNORE decides).
 * Facts are added in the same transaction as their article, so an article is
 * either stored with all its facts or not at all; SQLite's journal (WAL)
 * makes a killed process lose only the uncommitted batch. FTS5 indexes use
 * external content (the text is stored once). Entities and organisation-like
 * sources are joined across articles by canonical keys (canon.c, rules in
 * docs/store.md; store_resolve.c). Not for: the questions (store_query.c).
 */
#include "store/store_internal.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/canon.h"
#include "store/pg_internal.h"
#include "store/jdoc.h"
#include "store/pack.h"
#include "util/hash.h"

/* ---- schema ------------------------------------------------------------- */

/* Migration N brings a database from version N-1 to N, in one transaction:
 * its SQL is one or more strings run in order (ISO C bounds a literal's
 * length). Never edit one that has shipped: add a new one. */
static const char *const migrations[][4] = {
    /* 1: articles, full-text index, entities, facts */
    {"CREATE TABLE articles("
    "  id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, ext_id TEXT, date TEXT NOT NULL,"
    "  headline TEXT NOT NULL, source TEXT, url TEXT, text TEXT NOT NULL);"
    "CREATE INDEX articles_date ON articles(date);"
    "CREATE VIRTUAL TABLE articles_fts USING fts5(headline, text, content='articles', content_rowid='id',"
    "  tokenize='unicode61 remove_diacritics 2');"
    "CREATE TABLE entities(id INTEGER PRIMARY KEY, type TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL,"
    "  surname TEXT, UNIQUE(type, key));"
    "CREATE INDEX entities_surname ON entities(surname) WHERE surname IS NOT NULL;"
    "CREATE TABLE entity_aliases(entity_id INTEGER NOT NULL, alias TEXT NOT NULL COLLATE NOCASE,"
    "  PRIMARY KEY(entity_id, alias)) WITHOUT ROWID;"
    "CREATE INDEX entity_aliases_alias ON entity_aliases(alias);"
    "CREATE TABLE mentions(article_id INTEGER NOT NULL, entity_id INTEGER NOT NULL, start INTEGER NOT NULL,"
    "  end INTEGER NOT NULL);"
    "CREATE INDEX mentions_entity ON mentions(entity_id, article_id);"
    "CREATE INDEX mentions_article ON mentions(article_id);"
    "CREATE TABLE org_keys(key TEXT PRIMARY KEY, canonical TEXT NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE quotes(id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, start INTEGER, end INTEGER,"
    "  text TEXT NOT NULL, kind TEXT, speaker TEXT, speaker_entity_id INTEGER, speaker_start INTEGER,"
    "  speaker_end INTEGER, cue TEXT);"
    "CREATE INDEX quotes_speaker ON quotes(speaker_entity_id);"
    "CREATE INDEX quotes_article ON quotes(article_id);"
    "CREATE TABLE attributions(id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, source TEXT,"
    "  source_key TEXT, source_entity_id INTEGER, source_type TEXT, anonymous INTEGER, source_start INTEGER,"
    "  source_end INTEGER, cue TEXT, cue_start INTEGER, cue_end INTEGER, content_start INTEGER,"
    "  content_end INTEGER);"
    "CREATE INDEX attributions_source_entity ON attributions(source_entity_id);"
    "CREATE INDEX attributions_source_key ON attributions(source_key);"
    "CREATE INDEX attributions_article ON attributions(article_id);"
    "CREATE TABLE figures(id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, start INTEGER, end INTEGER,"
    "  text TEXT, value REAL, low REAL, high REAL, qualifier TEXT, category TEXT, subject TEXT, source TEXT,"
    "  date TEXT, place TEXT);"
    "CREATE INDEX figures_category ON figures(category, date);"
    "CREATE INDEX figures_article ON figures(article_id);"
    "CREATE TABLE times(article_id INTEGER NOT NULL, start INTEGER, end INTEGER, text TEXT, type TEXT,"
    "  value TEXT);"
    "CREATE INDEX times_article ON times(article_id);"},
    /* 2: normalised keys on figures for series and disagreements; quote search */
    {"ALTER TABLE figures ADD COLUMN subject_key TEXT;"
    "ALTER TABLE figures ADD COLUMN place_key TEXT;"
    "ALTER TABLE figures ADD COLUMN source_key TEXT;"
    "UPDATE figures SET subject_key = fl_key('MISC', subject), place_key = fl_key('LOC', place),"
    "  source_key = fl_source_key(source);"
    "CREATE INDEX figures_series ON figures(category, subject_key, place_key, date);"
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id',"
    "  tokenize='unicode61 remove_diacritics 2');"
    "INSERT INTO quotes_fts(quotes_fts) VALUES('rebuild');"},
    /* 3: a series index for the timeline's running maximum per source;
     * mentions clustered by entity and date (WITHOUT ROWID: the table is its
     * own index), so an entity's mentions per day and its newest articles
     * come from one range; a word index over organisation keys, so joining
     * a short name to its full name is a lookup, not a scan; the article date
     * on quotes and attributions, indexed with their speaker or source, so a
     * person's quotes come in date order without visiting articles; and no
     * index on attributions' source keys, which no question reads */
    {"CREATE INDEX figures_source_series ON figures(category, source_key, date);"
    "DROP INDEX attributions_source_key;" /* no question reads attributions by source key */
    "CREATE TABLE mentions_v3(entity_id INTEGER NOT NULL, date TEXT NOT NULL, article_id INTEGER NOT NULL,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, PRIMARY KEY(entity_id, date, article_id, start)) WITHOUT ROWID;"
    "INSERT OR IGNORE INTO mentions_v3 SELECT m.entity_id, a.date, m.article_id, m.start, m.end"
    "  FROM mentions m JOIN articles a ON a.id = m.article_id;"
    "DROP TABLE mentions;"
    "ALTER TABLE mentions_v3 RENAME TO mentions;"
    "CREATE INDEX mentions_article ON mentions(article_id);"
    "ALTER TABLE quotes ADD COLUMN date TEXT;"
    "UPDATE quotes SET date = (SELECT a.date FROM articles a WHERE a.id = quotes.article_id);"
    "DROP INDEX quotes_speaker;"
    "CREATE INDEX quotes_speaker_date ON quotes(speaker_entity_id, date);"
    "ALTER TABLE attributions ADD COLUMN date TEXT;"
    "UPDATE attributions SET date = (SELECT a.date FROM articles a WHERE a.id = attributions.article_id);"
    "DROP INDEX attributions_source_entity;"
    "CREATE INDEX attributions_source_date ON attributions(source_entity_id, date);"
    "CREATE TABLE org_words(word TEXT NOT NULL, canonical TEXT NOT NULL, PRIMARY KEY(word, canonical)) WITHOUT ROWID;"
    "INSERT OR IGNORE INTO org_words(word, canonical)"
    "  WITH RECURSIVE split(canonical, word, rest) AS ("
    "    SELECT canonical, '', canonical || ' ' FROM (SELECT DISTINCT canonical FROM org_keys)"
    "    UNION ALL SELECT canonical, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)"
    "    FROM split WHERE rest <> '')"
    "  SELECT word, canonical FROM split WHERE word <> '';"},
    /* 4: smaller and faster on a million articles (docs/store.md):
     * article text stored as a zlib stream (`body`; `text` reads it through
     * fl_text, so the full-text index and every reader see the text as
     * before); one mentions row per entity and article with its spans packed
     * (pack.h) instead of one row per mention; the key of a quote's speaker
     * when no entity is linked, indexed, so quotes by an unknown name are a
     * lookup; the conflicting figure pairs kept at insert time; each
     * cumulative figure's highest earlier value in its series, so a series
     * going down is an index range; one-word organisation keys neither
     * recorded nor word-indexed (they are their own canonical key and can
     * never hold a longer key's words); attributions and
     * times clustered by article (their position n in it) instead of a
     * rowid and an article index, and attributions without the source key
     * no question reads */
    {"CREATE TABLE articles_v4(id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, ext_id TEXT, date TEXT NOT NULL,"
    "  headline TEXT NOT NULL, source TEXT, url TEXT, body BLOB NOT NULL,"
    "  text TEXT GENERATED ALWAYS AS (fl_text(body)) VIRTUAL);"
    "INSERT INTO articles_v4(id, hash, ext_id, date, headline, source, url, body)"
    "  SELECT id, hash, ext_id, date, headline, source, url, fl_pack_text(text) FROM articles ORDER BY id;"
    "DROP TABLE articles;"
    "ALTER TABLE articles_v4 RENAME TO articles;"
    "CREATE INDEX articles_date ON articles(date);"
    "CREATE TABLE mentions_v4(entity_id INTEGER NOT NULL, date TEXT NOT NULL, article_id INTEGER NOT NULL,"
    "  count INTEGER NOT NULL, spans BLOB NOT NULL, PRIMARY KEY(entity_id, date, article_id)) WITHOUT ROWID;"
    "INSERT INTO mentions_v4 SELECT entity_id, date, article_id, count(*), fl_spans(start, end) FROM mentions"
    "  GROUP BY entity_id, date, article_id;"
    "DROP TABLE mentions;"
    "ALTER TABLE mentions_v4 RENAME TO mentions;"
    "CREATE INDEX mentions_article ON mentions(article_id);"
    "ALTER TABLE quotes ADD COLUMN speaker_key TEXT;"
    "UPDATE quotes SET speaker_key = fl_key('PER', speaker) WHERE speaker_entity_id IS NULL AND speaker IS NOT NULL;"
    "CREATE INDEX quotes_speaker_key ON quotes(speaker_key, date) WHERE speaker_key IS NOT NULL;",
    "ALTER TABLE figures ADD COLUMN earlier_max REAL;"
    "UPDATE figures SET earlier_max = w.m FROM (SELECT id, max(coalesce(low, value)) OVER (PARTITION BY category,"
    "  source_key, subject_key, place_key ORDER BY date, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS m"
    "  FROM figures WHERE source_key IS NOT NULL AND fl_cumulative(category)) w WHERE figures.id = w.id AND w.m IS NOT NULL;"
    "CREATE INDEX figures_running ON figures(category, source_key, subject_key, place_key, date)"
    "  WHERE source_key IS NOT NULL;"
    "CREATE INDEX figures_decreasing ON figures(date) WHERE earlier_max > " FL_FIGURE_HIGH("") ";"
    "CREATE INDEX figures_decreasing_category ON figures(category, date) WHERE earlier_max > " FL_FIGURE_HIGH("") ";"
    "CREATE TABLE figure_conflicts(date TEXT NOT NULL, category TEXT NOT NULL, a INTEGER NOT NULL, b INTEGER NOT NULL,"
    "  PRIMARY KEY(date, category, a, b)) WITHOUT ROWID;"
    "CREATE INDEX figure_conflicts_category ON figure_conflicts(category, date);"
    "INSERT OR IGNORE INTO figure_conflicts SELECT f1.date, f1.category, f1.id, f2.id"
    "  FROM figures f1 JOIN figures f2 ON f2.category = f1.category AND f2.subject_key IS f1.subject_key"
    "  AND f2.place_key IS f1.place_key AND f2.date = f1.date AND f2.id > f1.id"
    "  WHERE f1.source_key IS NOT NULL AND f2.source_key IS NOT NULL AND f1.source_key <> f2.source_key"
    "  AND (" FL_FIGURE_HIGH("f1.") " < " FL_FIGURE_LOW("f2.") " OR " FL_FIGURE_HIGH("f2.") " < " FL_FIGURE_LOW("f1.") ");"
    "DELETE FROM org_words WHERE instr(canonical, ' ') = 0;"
    "DELETE FROM org_keys WHERE instr(key, ' ') = 0;"
    "CREATE TABLE attributions_v4(article_id INTEGER NOT NULL, n INTEGER NOT NULL, source TEXT,"
    "  source_entity_id INTEGER, source_type TEXT, anonymous INTEGER, source_start INTEGER, source_end INTEGER,"
    "  cue TEXT, cue_start INTEGER, cue_end INTEGER, content_start INTEGER, content_end INTEGER, date TEXT,"
    "  PRIMARY KEY(article_id, n)) WITHOUT ROWID;"
    "INSERT INTO attributions_v4 SELECT article_id, row_number() OVER (PARTITION BY article_id ORDER BY id), source,"
    "  source_entity_id, source_type, anonymous, source_start, source_end, cue, cue_start, cue_end, content_start,"
    "  content_end, date FROM attributions;"
    "DROP TABLE attributions;"
    "ALTER TABLE attributions_v4 RENAME TO attributions;"
    "CREATE INDEX attributions_source_date ON attributions(source_entity_id, date) WHERE source_entity_id IS NOT NULL;"
    "CREATE TABLE times_v4(article_id INTEGER NOT NULL, n INTEGER NOT NULL, start INTEGER, end INTEGER, text TEXT,"
    "  type TEXT, value TEXT, PRIMARY KEY(article_id, n)) WITHOUT ROWID;"
    "INSERT INTO times_v4 SELECT article_id, row_number() OVER (PARTITION BY article_id ORDER BY rowid), start, end,"
    "  text, type, value FROM times;"
    "DROP TABLE times;"
    "ALTER TABLE times_v4 RENAME TO times;"},
    /* 5: the same answers in less room (docs/store.md, "Schema 5"): an
     * article's entities as one packed id list (article_entities, pack.h)
     * instead of an index of mentions by article; no org_keys row for a key
     * that is its own canonical key (org_words says so: a lookup finding the
     * key there as a canonical key stands alone); a text that is exactly its
     * span's bytes in the article (an attribution's source and cue, a time's
     * and a figure's text) stored as NULL and read back with fl_span_text
     * (a missing text with a span is an empty BLOB); an attribution's source
     * type and a time's type as small integers (fl_label), in columns
     * without affinity so any other text stays as it was; the headline
     * kept only when it is not the text's first line, a quote's text only
     * when it is not its span; a mention's and an attribution's date as a
     * day number (pack.h,
     * fl_day: 3 bytes, not 11; a date not written YYYY-MM-DD stays text),
     * and an attribution's, in
     * columns without affinity */
    {"CREATE TABLE article_entities(article_id INTEGER PRIMARY KEY, ids BLOB NOT NULL);"
    "INSERT INTO article_entities SELECT article_id, fl_pack_ids(entity_id) FROM mentions GROUP BY article_id"
    "  ORDER BY article_id;"
    "DROP INDEX mentions_article;"
    "CREATE TABLE mentions_v5(entity_id INTEGER NOT NULL, date NOT NULL, article_id INTEGER NOT NULL,"
    "  count INTEGER NOT NULL, spans BLOB NOT NULL, PRIMARY KEY(entity_id, date, article_id)) WITHOUT ROWID;"
    "INSERT INTO mentions_v5 SELECT entity_id, fl_day(date), article_id, count, spans FROM mentions"
    "  ORDER BY entity_id, fl_day(date), article_id;"
    "DROP TABLE mentions;"
    "ALTER TABLE mentions_v5 RENAME TO mentions;"
    "DELETE FROM org_keys WHERE key = canonical AND EXISTS (SELECT 1 FROM org_words w"
    "  WHERE w.word = substr(org_keys.key, 1, instr(org_keys.key || ' ', ' ') - 1) AND w.canonical = org_keys.key);"
    "CREATE TABLE attributions_v5(article_id INTEGER NOT NULL, n INTEGER NOT NULL, source TEXT,"
    "  source_entity_id INTEGER, source_type, anonymous INTEGER, source_start INTEGER, source_end INTEGER,"
    "  cue TEXT, cue_start INTEGER, cue_end INTEGER, content_start INTEGER, content_end INTEGER, date,"
    "  PRIMARY KEY(article_id, n)) WITHOUT ROWID;"
    "INSERT INTO attributions_v5 SELECT t.article_id, t.n, fl_span_store(t.source, a.text, t.source_start, t.source_end),"
    "  t.source_entity_id, fl_label_code(1, t.source_type), t.anonymous, t.source_start, t.source_end,"
    "  fl_span_store(t.cue, a.text, t.cue_start, t.cue_end), t.cue_start, t.cue_end, t.content_start, t.content_end,"
    "  fl_day(t.date) FROM attributions t LEFT JOIN articles a ON a.id = t.article_id ORDER BY t.article_id, t.n;"
    "DROP TABLE attributions;"
    "ALTER TABLE attributions_v5 RENAME TO attributions;"
    "CREATE INDEX attributions_source_date ON attributions(source_entity_id, date) WHERE source_entity_id IS NOT NULL;",
    "CREATE TABLE times_v5(article_id INTEGER NOT NULL, n INTEGER NOT NULL, start INTEGER, end INTEGER, text TEXT,"
    "  type, value TEXT, PRIMARY KEY(article_id, n)) WITHOUT ROWID;"
    "INSERT INTO times_v5 SELECT t.article_id, t.n, t.start, t.end, fl_span_store(t.text, a.text, t.start, t.end),"
    "  fl_label_code(2, t.type), t.value FROM times t LEFT JOIN articles a ON a.id = t.article_id"
    "  ORDER BY t.article_id, t.n;"
    "DROP TABLE times;"
    "ALTER TABLE times_v5 RENAME TO times;"
    "UPDATE figures SET text = fl_span_store(text, (SELECT a.text FROM articles a WHERE a.id = figures.article_id),"
    "  start, end);",
    /* the headline kept only when it is not the text's first line (it is
     * the text up to its first blank line: `factline extract` builds the
     * text as headline, blank line, body); `headline` reads it back;
     * the content hash as its 64-bit integer (fl_hash_key), not 16 hex
     * digits (fl_hash_hex writes them back) */
    "CREATE TABLE articles_v5(id INTEGER PRIMARY KEY, hash NOT NULL UNIQUE, ext_id TEXT, date TEXT NOT NULL,"
    "  head TEXT, source TEXT, url TEXT, body BLOB NOT NULL,"
    "  headline TEXT GENERATED ALWAYS AS (fl_headline(head, body)) VIRTUAL,"
    "  text TEXT GENERATED ALWAYS AS (fl_text(body)) VIRTUAL);"
    "INSERT INTO articles_v5(id, hash, ext_id, date, head, source, url, body)"
    "  SELECT id, fl_hash_key(hash), ext_id, date, fl_head_store(headline, text), source, url, body FROM articles"
    "  ORDER BY id;"
    "DROP TABLE articles;"
    "ALTER TABLE articles_v5 RENAME TO articles;"
    "CREATE INDEX articles_date ON articles(date);"
    /* a source's articles for search's source filter (search_window.c);
     * partial, so a database without sources (the news) pays nothing */
    "CREATE INDEX articles_source ON articles(source, date) WHERE source IS NOT NULL;",
    /* a quote's text kept (`quote`) only when it is not its span's bytes:
     * `text` reads it back from the article (fl_quote_text), so the quote
     * index and every reader see it as before */
    "CREATE TABLE quotes_v5(id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, start INTEGER, end INTEGER,"
    "  quote TEXT, kind TEXT, speaker TEXT, speaker_entity_id INTEGER, speaker_start INTEGER, speaker_end INTEGER,"
    "  cue TEXT, date TEXT, speaker_key TEXT,"
    "  text TEXT GENERATED ALWAYS AS (fl_quote_text(quote, article_id, start, end)) VIRTUAL);"
    "INSERT INTO quotes_v5(id, article_id, start, end, quote, kind, speaker, speaker_entity_id, speaker_start,"
    "  speaker_end, cue, date, speaker_key) SELECT q.id, q.article_id, q.start, q.end,"
    "  fl_span_store(q.text, a.text, q.start, q.end), q.kind, q.speaker, q.speaker_entity_id, q.speaker_start,"
    "  q.speaker_end, q.cue, q.date, q.speaker_key FROM quotes q LEFT JOIN articles a ON a.id = q.article_id"
    "  ORDER BY q.id;"
    "DROP TABLE quotes;"
    "ALTER TABLE quotes_v5 RENAME TO quotes;"
    "CREATE INDEX quotes_article ON quotes(article_id);"
    "CREATE INDEX quotes_speaker_date ON quotes(speaker_entity_id, date);"
    "CREATE INDEX quotes_speaker_key ON quotes(speaker_key, date) WHERE speaker_key IS NOT NULL;"},
};

#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

int fl_store_schema_version(void) { return SCHEMA_VERSION; }

/* What each schema version answers: a storage-only migration keeps the
 * previous version's answers (schema 5 answers as 4 does). PostgreSQL
 * databases are numbered by this, so a storage-only SQLite migration needs
 * nothing there. */
static const int answer_versions[SCHEMA_VERSION + 1] = {0, 1, 2, 3, 4, 4};

int fl_store_answer_version(void) { return answer_versions[SCHEMA_VERSION]; }
int fl_store_db_version(const fl_store *s) { return s->version; }

int fl_store_schema_at_least(const fl_store *s, int version)
{
    return (s->migrating_to ? s->migrating_to : s->version) >= version;
}

void fl_store_set_error(fl_store *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->error, sizeof s->error, fmt, ap);
    va_end(ap);
}

const char *fl_store_error(const fl_store *s) { return s->error; }

int fl_store_exec(fl_store *s, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        fl_store_set_error(s, "%s", msg ? msg : sqlite3_errmsg(s->db));
        sqlite3_free(msg);
        return 0;
    }
    return 1;
}

/* ---- opening ------------------------------------------------------------ */

static fl_store *fail_open(fl_store *s, char **error)
{
    if (error)
        *error = strdup(s->error[0] ? s->error : "cannot open the database");
    for (size_t i = 0; i < s->cached; i++)
        sqlite3_finalize(s->cache[i].st);
    sqlite3_finalize(s->quote_body);
    if (s->db)
        sqlite3_close(s->db);
    fl_buffer_release(&s->key);
    fl_buffer_release(&s->key2);
    fl_buffer_release(&s->packed);
    fl_buffer_release(&s->text_body);
    fl_buffer_release(&s->text_inflated);
    jd_free(s->jdoc);
    fl_packer_free(s->packer);
    fl_memo_release(&s->names);
    fl_memo_release(&s->sources);
    fl_memo_release(&s->aliases);
    fl_memo_release(&s->word_rows);
    fl_doc_free(s->doc);
    free(s);
    return NULL;
}

static int read_version(fl_store *s)
{
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* SQLite's memory statistics take a global mutex on every allocation and
 * free (about a tenth of the store path's instructions); nothing here reads
 * them (no soft heap limit, no sqlite3_memory_used). Settable only before
 * SQLite initialises: a process that initialised it elsewhere first keeps
 * the statistics (sqlite3_config then refuses, harmlessly). */
static pthread_once_t sqlite_configured = PTHREAD_ONCE_INIT;
static void configure_sqlite(void) { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

static void fts_pending_limit(fl_store *s); /* below */

fl_store *fl_store_open_version(const char *path, unsigned flags, int version, char **error)
{
    pthread_once(&sqlite_configured, configure_sqlite);
    if (fl_pg_is_url(path))
        return fl_pg_open(path, flags, version >= 0 && version <= SCHEMA_VERSION ? answer_versions[version] : version,
                          error);
    if (error)
        *error = NULL;
    fl_store *s = calloc(1, sizeof *s);
    if (!s) {
        if (error)
            *error = strdup("out of memory");
        return NULL;
    }
    fl_buffer_init(&s->key);
    fl_buffer_init(&s->key2);
    fl_buffer_init(&s->packed);
    fl_buffer_init(&s->text_body);
    fl_buffer_init(&s->text_inflated);
    fl_memo_init(&s->names, 1u << 18);
    fl_memo_init(&s->sources, 1u << 18);
    fl_memo_init(&s->aliases, 1u << 18);
    fl_memo_init(&s->word_rows, 1u << 18);
    s->flags = flags;
    s->batch = 2000;
    int oflags = (flags & FL_STORE_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        fl_store_set_error(s, "%s: %s", path, s->db ? sqlite3_errmsg(s->db) : "cannot open");
        return fail_open(s, error);
    }
    sqlite3_busy_timeout(s->db, 10000);
    sqlite3_extended_result_codes(s->db, 1);
    fl_store_register_functions(s);
    if (!(flags & FL_STORE_READONLY)) {
        /* 8 KiB pages for a new database (an existing one keeps its own):
         * an article row is about 700 bytes, and 4 KiB pages left 14% of
         * the articles table unused; the news database is 1.46 MB (1.9%)
         * smaller (docs/store.md). */
        if (!fl_store_exec(s, "PRAGMA page_size=8192; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                              " PRAGMA foreign_keys=OFF;")) {
            fl_store_set_error(s, "%s: %s", path, sqlite3_errmsg(s->db));
            return fail_open(s, error);
        }
    }
    /* Page cache: 64 MiB for the writer, 16 MiB for each reader (a server
     * holds one reader per thread). */
    fl_store_exec(s, (flags & FL_STORE_READONLY) ? "PRAGMA cache_size=-16384; PRAGMA temp_store=MEMORY;"
                                                 : "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;"
                                                   " PRAGMA wal_autocheckpoint=8192;");
    int v = read_version(s);
    if (v < 0) {
        fl_store_set_error(s, "%s: not a database (%s)", path, sqlite3_errmsg(s->db));
        return fail_open(s, error);
    }
    if (v > SCHEMA_VERSION) {
        fl_store_set_error(s, "%s: schema version %d is newer than this factline (%d)", path, v, SCHEMA_VERSION);
        return fail_open(s, error);
    }
    if (v < version && (flags & FL_STORE_READONLY)) {
        fl_store_set_error(s, "%s: schema version %d needs migrating; open it once for writing", path, v);
        return fail_open(s, error);
    }
    /* Check that FTS5 is there before relying on it. */
    if (v == 0 && !fl_store_exec(s, "CREATE VIRTUAL TABLE temp.fts_probe USING fts5(x); DROP TABLE temp.fts_probe;")) {
        fl_store_set_error(s, "%s: this SQLite has no FTS5", path);
        return fail_open(s, error);
    }
    while (v < version) {
        char sql[64];
        if (!fl_store_exec(s, "BEGIN IMMEDIATE"))
            return fail_open(s, error);
        s->migrating_to = v + 1;
        snprintf(sql, sizeof sql, "PRAGMA user_version=%d", v + 1);
        int ok = 1;
        for (size_t part = 0; ok && part < sizeof migrations[v] / sizeof migrations[v][0]; part++)
            ok = !migrations[v][part] || fl_store_exec(s, migrations[v][part]);
        if (!ok || !fl_store_exec(s, sql)) {
            char why[1024];
            snprintf(why, sizeof why, "%.200s: migration to schema version %d failed: %.700s", path, v + 1, s->error);
            fl_store_exec(s, "ROLLBACK");
            fl_store_set_error(s, "%s", why);
            return fail_open(s, error);
        }
        if (!fl_store_exec(s, "COMMIT"))
            return fail_open(s, error);
        v++;
    }
    s->version = v;
    s->migrating_to = 0;
    if (!(flags & FL_STORE_READONLY) && v == SCHEMA_VERSION)
        fts_pending_limit(s);
    if (!fl_store_exec(s, "CREATE TEMP TABLE wanted(id INTEGER PRIMARY KEY);"
                          "CREATE TEMP TABLE article_mentions(entity_id INTEGER, start INTEGER, end INTEGER)"))
        return fail_open(s, error);
    return s;
}

/* FTS5 holds a transaction's new terms in memory and writes them out as a
 * segment at commit, or whenever they pass its `hashsize` (1 MiB unless
 * set): a batch of news articles passed it several times, and each small
 * segment is merged again later. 64 MiB holds a batch of 2,000 (the first
 * 4,000 news articles: 6.85 G -> 6.16 G instructions with batches of 2,000
 * instead of 500; docs/store.md). FTS5 keeps the setting in the database
 * (its _config table, not the schema): a writer that finds it missing or
 * set to another value sets it (so the figure is the writer's, whatever an
 * older one or a hand wrote). Only speed depends on it, so a failure (a
 * full disk) is no error. */
#define FTS_PENDING_BYTES 67108864
static void fts_pending_limit(fl_store *s)
{
    sqlite3_stmt *st;
    int set = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM articles_fts_config, quotes_fts_config q"
                                  " WHERE articles_fts_config.k = 'hashsize' AND articles_fts_config.v = ?1"
                                  " AND q.k = 'hashsize' AND q.v = ?1", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int(st, 1, FTS_PENDING_BYTES);
        set = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
    }
    sqlite3_finalize(st);
    if (set)
        return;
    char sql[256];
    snprintf(sql, sizeof sql, "INSERT INTO articles_fts(articles_fts, rank) VALUES('hashsize', %d);"
                              " INSERT INTO quotes_fts(quotes_fts, rank) VALUES('hashsize', %d);",
             FTS_PENDING_BYTES, FTS_PENDING_BYTES);
    sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

fl_store *fl_store_open(const char *path, unsigned flags, char **error)
{
    return fl_store_open_version(path, flags, SCHEMA_VERSION, error);
}

void fl_store_forget(fl_store *s)
{
    fl_memo_clear(&s->names);
    fl_memo_clear(&s->sources);
    fl_memo_clear(&s->aliases);
}

void fl_store_set_batch(fl_store *s, unsigned batch) { s->batch = batch ? batch : 1; }

fl_status fl_store_commit(fl_store *s)
{
    if (s->pg) return fl_pg_commit(s);
    if (!s->in_txn)
        return FL_OK;
    if (!fl_store_exec(s, "COMMIT")) {
        char why[1024];
        snprintf(why, sizeof why, "commit failed: %.900s", s->error);
        fl_store_exec(s, "ROLLBACK");
        fl_store_forget(s);
        s->in_txn = 0;
        s->in_batch = 0;
        fl_store_set_error(s, "%s", why);
        return FL_ERR_IO;
    }
    s->in_txn = 0;
    s->in_batch = 0;
    return FL_OK;
}

void fl_store_close(fl_store *s)
{
    if (!s)
        return;
    if (s->pg) { fl_pg_close(s); return; }
    fl_store_commit(s);
    for (size_t i = 0; i < s->cached; i++)
        sqlite3_finalize(s->cache[i].st);
    sqlite3_finalize(s->quote_body);
    sqlite3_close_v2(s->db);
    fl_buffer_release(&s->key);
    fl_buffer_release(&s->key2);
    fl_buffer_release(&s->packed);
    fl_buffer_release(&s->text_body);
    fl_buffer_release(&s->text_inflated);
    jd_free(s->jdoc);
    fl_packer_free(s->packer);
    fl_memo_release(&s->names);
    fl_memo_release(&s->sources);
    fl_memo_release(&s->aliases);
    fl_memo_release(&s->word_rows);
    fl_doc_free(s->doc);
    free(s);
}

long long fl_store_article_count(fl_store *s)
{
    if (s->pg) return fl_pg_article_count(s);
    sqlite3_stmt *st;
    long long n = -1;
    if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM articles", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* ---- adding ------------------------------------------------------------- */

/* Runs a prepared statement to completion; returns 1 on success. */
int fl_store_step_done(fl_store *s, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fl_store_set_error(s, "%s", sqlite3_errmsg(s->db));
        sqlite3_reset(st);
        return 0;
    }
    sqlite3_reset(st);
    return 1;
}

/* Statements are prepared once per store and kept: the SQL text's address
 * is the cache key (every caller passes a string literal). */
sqlite3_stmt *fl_store_prepare(fl_store *s, const char *sql)
{
    size_t i;
    for (i = 0; i < s->cached; i++) {
        if (s->cache[i].sql == sql) {
            sqlite3_reset(s->cache[i].st);
            sqlite3_clear_bindings(s->cache[i].st);
            return s->cache[i].st;
        }
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
        fl_store_set_error(s, "%s", sqlite3_errmsg(s->db));
        return NULL;
    }
    if (s->cached < FL_STORE_CACHE) {
        s->cache[s->cached].sql = sql;
        s->cache[s->cached].st = st;
        s->cached++;
    } else {
        /* Full (never expected): keep the statement as the last entry's. */
        sqlite3_finalize(s->cache[FL_STORE_CACHE - 1].st);
        s->cache[FL_STORE_CACHE - 1].sql = sql;
        s->cache[FL_STORE_CACHE - 1].st = st;
    }
    return st;
}

long long fl_store_lookup_id(fl_store *s, const char *sql, const char *a, const char *b)
{
    sqlite3_stmt *st = fl_store_prepare(s, sql);
    long long id = 0;
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
    if (b)
        sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    else if (rc != SQLITE_DONE) {
        fl_store_set_error(s, "%s", sqlite3_errmsg(s->db));
        id = -1;
    }
    sqlite3_reset(st);
    return id;
}
