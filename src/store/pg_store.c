/*
 * pg_store.c — the PostgreSQL store: connecting, the versioned schema and its
 * migrations, batches (one transaction each, retried whole after a deadlock
 * or serialization failure), and the statement and COPY helpers.
 *
 * Design: the schema has the meaning of the SQLite one (docs/store.md) at
 * the same version number; PostgreSQL databases start at version 3, the
 * SQLite version current when this backend was written, so migration 3 here
 * creates everything and later migrations must be added to both backends
 * with the same number (opening refuses a backend that lags). Migrations run
 * on open inside one transaction that holds an advisory lock, so concurrent
 * openers wait for each other instead of racing. A read-only store sets
 * default_transaction_read_only, so every statement of `factline serve` runs
 * in a read-only transaction.
 *
 * Additions are kept in memory until the batch is full (fl_store_set_batch)
 * or fl_store_commit, then written in one transaction (pg_add.c): a writer
 * killed before COMMIT leaves nothing of that batch. Not for: parsing
 * articles (pg_add.c), entity resolution (pg_resolve.c), questions
 * (pg_query.c).
 */
#include "store/lookup.h"
#include "store/pg_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


/* Migration versions and their SQL. Never edit one that has shipped. Text
 * columns use the "C" collation: comparisons and ORDER BY are then byte
 * order, as in SQLite. */
static const struct {
    int version;
    const char *sql;
} pg_migrations[] = {
    {3, "CREATE TABLE articles(id bigint PRIMARY KEY, hash text COLLATE \"C\" NOT NULL UNIQUE, ext_id text COLLATE \"C\","
        "  date text COLLATE \"C\" NOT NULL, headline text COLLATE \"C\" NOT NULL, source text COLLATE \"C\","
        "  url text COLLATE \"C\", text text COLLATE \"C\" NOT NULL,"
        /* Words as FTS5's unicode61 sees them: runs of letters and digits
         * (PostgreSQL's parser would keep "bbc.co.uk" or "U.S" whole), lower
         * case, no stemming, no stop words ('simple'). A tsvector holds at
         * most 1 MB: very long articles are indexed on their first 256 KiB. */
        "  fts tsvector GENERATED ALWAYS AS (" FL_PG_ARTICLE_FTS("headline", "text") ") STORED);"
        "CREATE SEQUENCE articles_id_seq OWNED BY articles.id;"
        "CREATE INDEX articles_ext_id ON articles USING hash(ext_id);" /* any length: ids are the input's */
        "CREATE INDEX articles_date ON articles(date);"
        "CREATE INDEX articles_fts ON articles USING gin(fts);"
        "CREATE TABLE entities(id bigserial PRIMARY KEY, type text COLLATE \"C\" NOT NULL, key text COLLATE \"C\" NOT NULL,"
        "  name text COLLATE \"C\" NOT NULL, surname text COLLATE \"C\", UNIQUE(type, key));"
        "CREATE INDEX entities_surname ON entities(surname) WHERE surname IS NOT NULL;"
        /* alias_fold: the alias with ASCII letters lower-cased, SQLite's NOCASE */
        "CREATE TABLE entity_aliases(entity_id bigint NOT NULL, alias text COLLATE \"C\" NOT NULL,"
        "  alias_fold text COLLATE \"C\" NOT NULL, PRIMARY KEY(entity_id, alias_fold));"
        "CREATE INDEX entity_aliases_alias ON entity_aliases(alias_fold);"
        "CREATE TABLE mentions(entity_id bigint NOT NULL, date text COLLATE \"C\" NOT NULL, article_id bigint NOT NULL,"
        "  start bigint NOT NULL, \"end\" bigint NOT NULL, PRIMARY KEY(entity_id, date, article_id, start));"
        "CREATE INDEX mentions_article ON mentions(article_id);"
        "CREATE TABLE org_keys(key text COLLATE \"C\" PRIMARY KEY, canonical text COLLATE \"C\" NOT NULL);"
        "CREATE TABLE org_words(word text COLLATE \"C\" NOT NULL, canonical text COLLATE \"C\" NOT NULL,"
        "  PRIMARY KEY(word, canonical));"
        /* speaker_key: fl_key('PER', speaker), which SQLite computes in the query */
        "CREATE TABLE quotes(id bigserial PRIMARY KEY, article_id bigint NOT NULL, start bigint, \"end\" bigint,"
        "  text text COLLATE \"C\" NOT NULL, kind text COLLATE \"C\", speaker text COLLATE \"C\","
        "  speaker_key text COLLATE \"C\", speaker_entity_id bigint, speaker_start bigint, speaker_end bigint,"
        "  cue text COLLATE \"C\", date text COLLATE \"C\","
        "  fts tsvector GENERATED ALWAYS AS (" FL_PG_QUOTE_FTS("text") ") STORED);"
        "CREATE INDEX quotes_speaker_date ON quotes(speaker_entity_id, date);"
        "CREATE INDEX quotes_speaker_key ON quotes(speaker_key, date) WHERE speaker_entity_id IS NULL;"
        "CREATE INDEX quotes_article ON quotes(article_id);"
        "CREATE INDEX quotes_fts ON quotes USING gin(fts);"
        "CREATE TABLE attributions(id bigserial PRIMARY KEY, article_id bigint NOT NULL, source text COLLATE \"C\","
        "  source_key text COLLATE \"C\", source_entity_id bigint, source_type text COLLATE \"C\", anonymous bigint,"
        "  source_start bigint, source_end bigint, cue text COLLATE \"C\", cue_start bigint, cue_end bigint,"
        "  content_start bigint, content_end bigint, date text COLLATE \"C\");"
        "CREATE INDEX attributions_source_date ON attributions(source_entity_id, date);"
        "CREATE INDEX attributions_article ON attributions(article_id);"
        "CREATE TABLE figures(id bigserial PRIMARY KEY, article_id bigint NOT NULL, start bigint, \"end\" bigint,"
        "  text text COLLATE \"C\", value double precision, low double precision, high double precision,"
        "  qualifier text COLLATE \"C\", category text COLLATE \"C\", subject text COLLATE \"C\", source text COLLATE \"C\","
        "  date text COLLATE \"C\", place text COLLATE \"C\", subject_key text COLLATE \"C\", place_key text COLLATE \"C\","
        "  source_key text COLLATE \"C\");"
        "CREATE INDEX figures_category ON figures(category, date);"
        "CREATE INDEX figures_article ON figures(article_id);"
        "CREATE INDEX figures_series ON figures(category, subject_key, place_key, date);"
        "CREATE INDEX figures_source_series ON figures(category, source_key, date);"
        "CREATE TABLE times(article_id bigint NOT NULL, start bigint, \"end\" bigint, text text COLLATE \"C\","
        "  type text COLLATE \"C\", value text COLLATE \"C\");"
        "CREATE INDEX times_article ON times(article_id);"},
    /* 4: SQLite's schema 4 (docs/store.md). Its one change of meaning, a
     * quote or claim of the article in which a full name adopts a bare
     * surname linking to the full name, is in the writer (pg_add.c links
     * every row of a batch to an entity's id after the batch's adoptions)
     * and needs nothing here: it was already so. Its storage changes are
     * not copied where PostgreSQL has them already or they would not help:
     * long text is compressed by TOAST; an unlinked speaker's key is a
     * column with an index since 3. The claims an entity made are read in
     * SQLite 4's order (date, article, position: equal to schema 3's id order
     * for one writer, not for several, whose ids interleave), from an index
     * in that order that leaves out the claims with no entity (most). */
    {4, "DROP INDEX attributions_source_date;"
        "CREATE INDEX attributions_source_date ON attributions(source_entity_id, date, article_id, id)"
        "  WHERE source_entity_id IS NOT NULL;"},
};

#define PG_MIGRATIONS (sizeof pg_migrations / sizeof pg_migrations[0])
#define PG_LATEST (pg_migrations[PG_MIGRATIONS - 1].version)

/* The advisory lock (two-int key space) that serialises migrations. */
#define MIGRATION_LOCK "SELECT pg_advisory_xact_lock(1718903, 1)"

/* A batch that hits a deadlock or serialization failure is rolled back and
 * written again, up to this many times. */
#define MAX_RETRIES 20

int fl_pg_is_url(const char *path)
{
    return path && (!strncmp(path, "postgresql://", 13) || !strncmp(path, "postgres://", 11));
}

/* The message of a failed result, without libpq's "ERROR:  " and newline. */
static void set_error_from(fl_store *s, PGresult *res)
{
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    snprintf(s->pg->sqlstate, sizeof s->pg->sqlstate, "%s", state ? state : "");
    const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    if (!msg)
        msg = PQerrorMessage(s->pg->conn);
    fl_store_set_error(s, "PostgreSQL: %s", msg && *msg ? msg : "connection lost");
    size_t n = strlen(s->error);
    while (n && (s->error[n - 1] == '\n' || s->error[n - 1] == ' '))
        s->error[--n] = '\0';
}

/* The name of `sql` prepared on this connection (prepared now if it is
 * not), or NULL. Writers run the same few statements thousands of times:
 * parsing and planning them once saves most of the server's work. Every
 * caller passes a string literal, so its address is the key. */
static const char *prepared(fl_store *s, const char *sql, int nparams, char *name, size_t size)
{
    struct fl_pg *pg = s->pg;
    size_t i;
    for (i = 0; i < pg->nprepared && pg->prepared[i] != sql; i++)
        ;
    snprintf(name, size, "fl_%zu", i);
    if (i < pg->nprepared)
        return name;
    if (i == FL_PG_PREPARED)
        return NULL;
    PGresult *res = PQprepare(pg->conn, name, sql, nparams, NULL);
    int ok = res && PQresultStatus(res) == PGRES_COMMAND_OK;
    PQclear(res);
    if (!ok)
        return NULL;
    pg->prepared[pg->nprepared++] = sql;
    return name;
}

PGresult *fl_pg_exec(fl_store *s, const char *sql, int nparams, const char *const *params)
{
    /* Without parameters, the simple protocol: migrations are several
     * statements. Readers' statements are not prepared: their plans depend
     * on which filters are given. */
    char name[32];
    const char *stmt = nparams && !(s->flags & FL_STORE_READONLY) && PQtransactionStatus(s->pg->conn) != PQTRANS_INERROR
                           ? prepared(s, sql, nparams, name, sizeof name)
                           : NULL;
    PGresult *res = stmt      ? PQexecPrepared(s->pg->conn, stmt, nparams, params, NULL, NULL, 0)
                    : nparams ? PQexecParams(s->pg->conn, sql, nparams, NULL, params, NULL, NULL, 0)
                              : PQexec(s->pg->conn, sql);
    ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
        set_error_from(s, res);
        PQclear(res);
        return NULL;
    }
    s->pg->sqlstate[0] = '\0';
    return res;
}

int fl_pg_command(fl_store *s, const char *sql, int nparams, const char *const *params)
{
    PGresult *res = fl_pg_exec(s, sql, nparams, params);
    PQclear(res);
    return res != NULL;
}

void fl_pg_copy_field(fl_buffer *row, const char *v, size_t len, int last)
{
    if (!v) {
        fl_buffer_append(row, "\\N", 2);
    } else {
        /* COPY's text format: backslash, tab, newline and carriage return escaped. */
        size_t from = 0;
        for (size_t i = 0; i < len; i++) {
            const char *esc = v[i] == '\\' ? "\\\\" : v[i] == '\t' ? "\\t" : v[i] == '\n' ? "\\n" : v[i] == '\r' ? "\\r" : NULL;
            if (esc) {
                fl_buffer_append(row, v + from, i - from);
                fl_buffer_append(row, esc, 2);
                from = i + 1;
            }
        }
        fl_buffer_append(row, v + from, len - from);
    }
    fl_buffer_append_char(row, last ? '\n' : '\t');
}

void fl_pg_copy_int(fl_buffer *row, long long v, int present, int last)
{
    if (present)
        fl_buffer_printf(row, "%lld%c", v, last ? '\n' : '\t');
    else
        fl_pg_copy_field(row, NULL, 0, last);
}

int fl_pg_copy(fl_store *s, const char *sql, const fl_buffer *data)
{
    if (!data->len)
        return 1;
    if (data->failed) {
        fl_store_set_error(s, "out of memory");
        return 0;
    }
    PGconn *c = s->pg->conn;
    PGresult *res = PQexec(c, sql);
    if (!res || PQresultStatus(res) != PGRES_COPY_IN) {
        set_error_from(s, res);
        PQclear(res);
        return 0;
    }
    PQclear(res);
    int ok = PQputCopyData(c, data->data, (int)data->len) == 1;
    PQputCopyEnd(c, ok ? NULL : "factline: sending COPY data failed");
    res = PQgetResult(c);
    if (!res || PQresultStatus(res) != PGRES_COMMAND_OK) {
        set_error_from(s, res);
        ok = 0;
    }
    PQclear(res);
    while ((res = PQgetResult(c)) != NULL)
        PQclear(res);
    return ok;
}

void fl_pg_format_real(double v, char *out, size_t size)
{
    /* SQLite's "%!.15g": always a decimal point, before any exponent. */
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.15g", v);
    if (strpbrk(tmp, ".ni")) { /* has a point, or is inf/nan */
        snprintf(out, size, "%s", tmp);
        return;
    }
    char *e = strchr(tmp, 'e');
    if (e)
        snprintf(out, size, "%.*s.0%s", (int)(e - tmp), tmp, e);
    else
        snprintf(out, size, "%s.0", tmp);
}

/* ---- opening ------------------------------------------------------------ */

static void free_store(fl_store *s)
{
    if (s->pg) {
        for (size_t i = 0; i < s->pg->npending; i++)
            json_decref(s->pg->pending[i].obj);
        free(s->pg->pending);
        fl_pg_map_free(s->pg->entities);
        fl_pg_map_free(s->pg->orgs);
        fl_pg_map_free(s->pg->moved);
        fl_pg_local_free(s);
        fl_snippet_maker_free(s->pg->snippets);
        fl_pg_fts_free(s->pg->fts);
        if (s->pg->conn)
            PQfinish(s->pg->conn);
        free(s->pg);
    }
    fl_buffer_release(&s->key);
    fl_buffer_release(&s->key2);
    fl_doc_free(s->doc);
    free(s);
}

static fl_store *fail_open(fl_store *s, char **error)
{
    if (error)
        *error = strdup(s->error[0] ? s->error : "cannot open the database");
    free_store(s);
    return NULL;
}

/* The URL without its password, for messages. */
static void url_for_messages(const char *url, char *out, size_t size)
{
    const char *at = strchr(url, '@'), *scheme = strstr(url, "://");
    const char *colon = scheme ? strchr(scheme + 3, ':') : NULL;
    if (at && colon && colon < at)
        snprintf(out, size, "%.*s:***%s", (int)(colon - url), url, at);
    else
        snprintf(out, size, "%s", url);
}

/* Quiet notices ("relation already exists, skipping"); UTF-8 both ways; a
 * reader's every transaction read-only; no JIT compilation: on a million
 * articles the planner's estimates pass jit_above_cost for questions that
 * run in a few milliseconds, and compiling them took 400 ms (a timeline
 * page: 588 ms p95 with it, 6 ms without). Again after a reconnection. */
static int session_settings(fl_store *s)
{
    return fl_pg_command(s, "SET client_encoding = 'UTF8'; SET client_min_messages = warning; SET jit = off", 0, NULL) &&
           (!(s->flags & FL_STORE_READONLY) || fl_pg_command(s, "SET default_transaction_read_only = on", 0, NULL));
}

int fl_pg_reconnect(fl_store *s)
{
    if (PQstatus(s->pg->conn) == CONNECTION_OK)
        return 1;
    PQreset(s->pg->conn);
    s->pg->nprepared = 0; /* a new session has none */
    return PQstatus(s->pg->conn) == CONNECTION_OK && session_settings(s);
}

/* The database's schema version: 0 if it has none yet, -1 on error. */
static int read_version(fl_store *s)
{
    PGresult *res = fl_pg_exec(s, "SELECT to_regclass('schema_version') IS NOT NULL", 0, NULL);
    if (!res)
        return -1;
    int exists = PQgetvalue(res, 0, 0)[0] == 't';
    PQclear(res);
    if (!exists)
        return 0;
    res = fl_pg_exec(s, "SELECT coalesce(max(version), 0) FROM schema_version", 0, NULL);
    if (!res)
        return -1;
    int v = atoi(PQgetvalue(res, 0, 0));
    PQclear(res);
    return v;
}

/* Indexes that change no answer and no schema meaning, so they carry no
 * version (versions are shared with SQLite): a writer makes the missing
 * ones when it opens, under the migration lock, so two writers opening at
 * once do not race on the name; readers work with or without them, only
 * slower. Each is "CREATE INDEX IF NOT EXISTS" and may replace an index
 * of the same use ("DROP INDEX IF EXISTS"). Building one on a large
 * database blocks writes (not reads) until it is built, once.
 * - mentions (article, entity): an article's distinct entities in order
 *   from the index alone, as the entity question's co-occurrence counts
 *   them (pg_query.c); it serves every lookup of mentions_article too. */
typedef struct pg_index {
    const char *name;
    enum { INDEX_RELATION, INDEX_FUNCTION } kind; /* what `name` is: made when missing */
    /* it takes locks readers hold (ALTER TABLE): waits at most
     * INDEX_LOCK_TIMEOUT for them, else is left for a later open */
    int may_skip;
    const char *sql;
} pg_index;
#define INDEX_LOCK_TIMEOUT "SET LOCAL lock_timeout = '2s'"

static const pg_index pg_indexes[] = {
    {"mentions_article_entity", INDEX_RELATION, 0,
     "CREATE INDEX IF NOT EXISTS mentions_article_entity ON mentions(article_id, entity_id);"
     "DROP INDEX IF EXISTS mentions_article;"},
    /* The figures `disagree` can pair (those with a source), by the group a
     * pair shares, in the two orders it pages in: with a category, (date,
     * id) inside it; without, (date, category, id). Each figure's partners
     * are one range of the same index (pg_query.c). */
    {"figures_conflict", INDEX_RELATION, 0,
     "CREATE INDEX IF NOT EXISTS figures_conflict ON figures(category, date, coalesce(subject_key, ''),"
     "  coalesce(place_key, ''), id) WHERE source_key IS NOT NULL"},
    {"figures_conflict_date", INDEX_RELATION, 0,
     "CREATE INDEX IF NOT EXISTS figures_conflict_date ON figures(date, category, coalesce(subject_key, ''),"
     "  coalesce(place_key, ''), id) WHERE source_key IS NOT NULL"},
    /* Each source's series in the order its running maximum is taken, with
     * what `disagree` compares, so the decreasing points are found from the
     * index alone, without sorting the category's figures. */
    /* Each entity's mention and article counts, kept by triggers on
     * mentions whoever writes (a writer of any version): a row per entity
     * and statement, added up when asked (an entity in every batch has one
     * row per batch, not one per mention: "Israel" has 521,000 mentions on a
     * million articles, which the entity question counted in 300 ms). A
     * statement's articles are new to the entity: a batch's COPY holds new
     * articles only, and adoption moves the rows of an entity that has none
     * yet; so the article counts add up too. Made once, with the counts of
     * the mentions already stored, under the migration lock (another writer
     * waiting on it finds the table filled and adds nothing). */
    {"entity_counts", INDEX_RELATION, 0,
     "CREATE TABLE IF NOT EXISTS entity_counts(entity_id bigint NOT NULL, mentions bigint NOT NULL,"
     "  articles bigint NOT NULL);"
     "CREATE INDEX IF NOT EXISTS entity_counts_entity ON entity_counts(entity_id) INCLUDE (mentions, articles);"
     "CREATE OR REPLACE FUNCTION fl_entity_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
     "  INSERT INTO entity_counts SELECT entity_id, count(*), count(DISTINCT article_id) FROM fl_new GROUP BY entity_id;"
     "  RETURN NULL; END $$;"
     "CREATE OR REPLACE FUNCTION fl_entity_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
     "  INSERT INTO entity_counts SELECT entity_id, -count(*), -count(DISTINCT article_id) FROM fl_old GROUP BY entity_id;"
     "  RETURN NULL; END $$;"
     "DROP TRIGGER IF EXISTS mentions_counts_add ON mentions;"
     "DROP TRIGGER IF EXISTS mentions_counts_remove ON mentions;"
     "CREATE TRIGGER mentions_counts_add AFTER INSERT ON mentions REFERENCING NEW TABLE AS fl_new"
     "  FOR EACH STATEMENT EXECUTE FUNCTION fl_entity_counts_add();"
     "CREATE TRIGGER mentions_counts_remove AFTER DELETE ON mentions REFERENCING OLD TABLE AS fl_old"
     "  FOR EACH STATEMENT EXECUTE FUNCTION fl_entity_counts_remove();"
     "INSERT INTO entity_counts SELECT entity_id, count(*), count(DISTINCT article_id) FROM mentions"
     "  WHERE NOT EXISTS (SELECT 1 FROM entity_counts) GROUP BY entity_id;"},
    /* The search columns written by the writer (pg_fts.c): no longer
     * generated, so a writer can send the value it computed; a row sent
     * without one (text only ICU can split, or a writer older than this)
     * gets the same expression's value from a trigger, as the generated
     * column gave it. The same values either way, so no version. ALTER TABLE waits
     * for every reader of the tables, and every new reader would queue
     * behind it: at most 2 s, else the columns stay generated for this run
     * (pg->fts_generated: the writer sends no value) and the next open
     * tries again. */
    {"fl_articles_fts()", INDEX_FUNCTION, 1,
     /* idempotent: a writer that waited for the lock finds it done */
     "DO $$ BEGIN"
     "  IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'fts'"
     "             AND attgenerated <> '') THEN ALTER TABLE articles ALTER COLUMN fts DROP EXPRESSION; END IF;"
     "  IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'quotes'::regclass AND attname = 'fts'"
     "             AND attgenerated <> '') THEN ALTER TABLE quotes ALTER COLUMN fts DROP EXPRESSION; END IF;"
     "END $$;"
     "DROP TRIGGER IF EXISTS articles_fts ON articles;"
     "DROP TRIGGER IF EXISTS articles_fts_update ON articles;"
     "DROP TRIGGER IF EXISTS quotes_fts ON quotes;"
     "DROP TRIGGER IF EXISTS quotes_fts_update ON quotes;"
     "CREATE OR REPLACE FUNCTION fl_articles_fts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
     "  NEW.fts := " FL_PG_ARTICLE_FTS("NEW.headline", "NEW.text") "; RETURN NEW; END $$;"
     "CREATE OR REPLACE FUNCTION fl_quotes_fts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
     "  NEW.fts := " FL_PG_QUOTE_FTS("NEW.text") "; RETURN NEW; END $$;"
     "CREATE TRIGGER articles_fts BEFORE INSERT ON articles FOR EACH ROW WHEN (NEW.fts IS NULL)"
     "  EXECUTE FUNCTION fl_articles_fts();"
     "CREATE TRIGGER articles_fts_update BEFORE UPDATE OF headline, text ON articles FOR EACH ROW"
     "  WHEN (NEW.fts IS NOT DISTINCT FROM OLD.fts) EXECUTE FUNCTION fl_articles_fts();"
     "CREATE TRIGGER quotes_fts BEFORE INSERT ON quotes FOR EACH ROW WHEN (NEW.fts IS NULL)"
     "  EXECUTE FUNCTION fl_quotes_fts();"
     "CREATE TRIGGER quotes_fts_update BEFORE UPDATE OF text ON quotes FOR EACH ROW"
     "  WHEN (NEW.fts IS NOT DISTINCT FROM OLD.fts) EXECUTE FUNCTION fl_quotes_fts();"},
    {"figures_cumulative", INDEX_RELATION, 0,
     "CREATE INDEX IF NOT EXISTS figures_cumulative ON figures(category, source_key, subject_key, place_key, date, id)"
     "  INCLUDE (low, value, high, qualifier) WHERE source_key IS NOT NULL"},
};

static int ensure_indexes(fl_store *s, const char *where)
{
    for (size_t i = 0; i < sizeof pg_indexes / sizeof pg_indexes[0]; i++) {
        const pg_index *x = &pg_indexes[i];
        const char *p[] = {x->name};
        PGresult *res = fl_pg_exec(s,
                                   x->kind == INDEX_FUNCTION ? "SELECT to_regprocedure($1) IS NOT NULL"
                                                             : "SELECT to_regclass($1) IS NOT NULL",
                                   1, p);
        if (!res)
            return 0;
        int exists = !strcmp(PQgetvalue(res, 0, 0), "t");
        PQclear(res);
        if (exists)
            continue;
        if (!fl_pg_command(s, "BEGIN", 0, NULL))
            return 0;
        if (!fl_pg_command(s, MIGRATION_LOCK, 0, NULL) ||
            (x->may_skip && !fl_pg_command(s, INDEX_LOCK_TIMEOUT, 0, NULL)) || !fl_pg_command(s, x->sql, 0, NULL)) {
            int skip = x->may_skip && !strcmp(s->pg->sqlstate, "55P03"); /* lock_not_available */
            char why[1024];
            snprintf(why, sizeof why, "%.200s: making index %s failed: %.700s", where, x->name, s->error);
            fl_pg_command(s, "ROLLBACK", 0, NULL);
            if (skip) {
                if (!strcmp(x->name, "fl_articles_fts()"))
                    s->pg->fts_generated = 1;
                continue;
            }
            fl_store_set_error(s, "%s", why);
            return 0;
        }
        if (!fl_pg_command(s, "COMMIT", 0, NULL))
            return 0;
    }
    return 1;
}

static int migrate(fl_store *s, const char *where, int version)
{
    if (!fl_pg_command(s, "BEGIN", 0, NULL))
        return 0;
    int v = -1;
    int ok = fl_pg_command(s, MIGRATION_LOCK, 0, NULL) &&
             fl_pg_command(s, "CREATE TABLE IF NOT EXISTS schema_version(version integer PRIMARY KEY,"
                              " applied_at timestamptz NOT NULL DEFAULT now())", 0, NULL) &&
             (v = read_version(s)) >= 0;
    for (size_t i = 0; ok && i < PG_MIGRATIONS; i++) {
        if (pg_migrations[i].version <= v || pg_migrations[i].version > version)
            continue;
        char num[16];
        snprintf(num, sizeof num, "%d", pg_migrations[i].version);
        const char *p[] = {num};
        if (!fl_pg_command(s, pg_migrations[i].sql, 0, NULL) ||
            !fl_pg_command(s, "INSERT INTO schema_version(version) VALUES($1)", 1, p)) {
            char why[1024];
            snprintf(why, sizeof why, "%.200s: migration to schema version %d failed: %.700s", where,
                     pg_migrations[i].version, s->error);
            fl_store_set_error(s, "%s", why);
            ok = 0;
        }
    }
    if (!ok) {
        char why[1024];
        snprintf(why, sizeof why, "%s", s->error);
        fl_pg_command(s, "ROLLBACK", 0, NULL);
        fl_store_set_error(s, "%s", why);
        return 0;
    }
    return fl_pg_command(s, "COMMIT", 0, NULL);
}

fl_store *fl_pg_open(const char *url, unsigned flags, int version, char **error)
{
    if (error)
        *error = NULL;
    fl_store *s = calloc(1, sizeof *s);
    struct fl_pg *pg = s ? calloc(1, sizeof *pg) : NULL;
    if (!pg) {
        free(s);
        if (error)
            *error = strdup("out of memory");
        return NULL;
    }
    s->pg = pg;
    fl_buffer_init(&s->key);
    fl_buffer_init(&s->key2);
    s->flags = flags;
    s->batch = 500;
    char where[512];
    url_for_messages(url, where, sizeof where);
    pg->entities = fl_pg_map_new();
    pg->orgs = fl_pg_map_new();
    pg->moved = fl_pg_map_new();
    if (!pg->entities || !pg->orgs || !pg->moved) {
        fl_store_set_error(s, "out of memory");
        return fail_open(s, error);
    }
    if (fl_store_answer_version() != PG_LATEST) {
        fl_store_set_error(s, "%s: this factline's PostgreSQL schema (version %d) lags its answers' version (%d)", where,
                           PG_LATEST, fl_store_answer_version());
        return fail_open(s, error);
    }
    if (version < pg_migrations[0].version || version > PG_LATEST) {
        fl_store_set_error(s, "%s: PostgreSQL schemas start at version %d", where, pg_migrations[0].version);
        return fail_open(s, error);
    }
    pg->conn = PQconnectdb(url);
    if (!pg->conn || PQstatus(pg->conn) != CONNECTION_OK) {
        const char *m = pg->conn ? PQerrorMessage(pg->conn) : "out of memory";
        fl_store_set_error(s, "%s: cannot connect: %.700s", where, m);
        size_t n = strlen(s->error);
        while (n && s->error[n - 1] == '\n')
            s->error[--n] = '\0';
        return fail_open(s, error);
    }
    PGresult *res = fl_pg_exec(s, "SELECT current_setting('server_encoding')", 0, NULL);
    if (!res)
        return fail_open(s, error);
    int utf8 = !strcmp(PQgetvalue(res, 0, 0), "UTF8");
    PQclear(res);
    if (!utf8) {
        fl_store_set_error(s, "%s: the database's encoding must be UTF8 (createdb -E UTF8)", where);
        return fail_open(s, error);
    }
    if (!session_settings(s))
        return fail_open(s, error);
    int v = read_version(s);
    if (v < 0)
        return fail_open(s, error);
    if (v > PG_LATEST) {
        fl_store_set_error(s, "%s: schema version %d is newer than this factline (%d)", where, v, PG_LATEST);
        return fail_open(s, error);
    }
    if (flags & FL_STORE_READONLY) {
        if (v < version) {
            fl_store_set_error(s, v ? "%s: schema version %d needs migrating; open it once for writing"
                                    : "%s: no factline schema here (version %d); ingest into it first",
                               where, v);
            return fail_open(s, error);
        }
    } else if (v < version) {
        if (!migrate(s, where, version))
            return fail_open(s, error);
        v = read_version(s);
        if (v < 0)
            return fail_open(s, error);
    }
    if (!(flags & FL_STORE_READONLY) && !ensure_indexes(s, where))
        return fail_open(s, error);
    /* A database no writer of this version has opened yet has no counts:
     * the entity question then counts the mentions (pg_query.c). */
    res = fl_pg_exec(s, "SELECT to_regclass('entity_counts') IS NOT NULL", 0, NULL);
    if (!res)
        return fail_open(s, error);
    pg->entity_counts = PQgetvalue(res, 0, 0)[0] == 't';
    PQclear(res);
    s->version = v;
    return s;
}

void fl_pg_close(fl_store *s)
{
    fl_pg_commit(s);
    free_store(s);
}

long long fl_pg_article_count(fl_store *s)
{
    PGresult *res = fl_pg_exec(s, "SELECT count(*) FROM articles", 0, NULL);
    if (!res)
        return -1;
    long long n = atoll(PQgetvalue(res, 0, 0));
    PQclear(res);
    return n;
}

/* ---- batches ------------------------------------------------------------ */

static int retryable(const fl_store *s)
{
    /* serialization_failure, deadlock_detected */
    return !strcmp(s->pg->sqlstate, "40001") || !strcmp(s->pg->sqlstate, "40P01");
}

static void drop_pending(fl_store *s)
{
    for (size_t i = 0; i < s->pg->npending; i++)
        json_decref(s->pg->pending[i].obj);
    s->pg->npending = 0;
}

fl_status fl_pg_commit(fl_store *s)
{
    struct fl_pg *pg = s->pg;
    if (!pg->npending)
        return FL_OK;
    for (int attempt = 0;; attempt++) {
        fl_pg_map_clear(pg->entities);
        fl_pg_map_clear(pg->orgs);
        fl_pg_map_clear(pg->moved);
        fl_pg_locks_released(s);
        int ok = fl_pg_command(s, "BEGIN", 0, NULL) && fl_pg_write_batch(s) && fl_pg_command(s, "COMMIT", 0, NULL);
        if (ok)
            break;
        char why[1024];
        snprintf(why, sizeof why, "%s", s->error);
        int again = retryable(s) && attempt < MAX_RETRIES;
        if (PQtransactionStatus(pg->conn) != PQTRANS_IDLE)
            fl_pg_command(s, "ROLLBACK", 0, NULL);
        if (again) {
            /* Another writer holds what this batch needs: wait a little
             * (longer each time, jittered) and write the batch again. */
            pg->retries++;
            struct timespec ts = {0, (long)((rand() % 50 + 10) * (attempt + 1)) * 1000000L};
            if (ts.tv_nsec >= 1000000000L)
                ts = (struct timespec){1, 0};
            nanosleep(&ts, NULL);
            continue;
        }
        drop_pending(s);
        fl_pg_map_clear(pg->entities);
        fl_pg_map_clear(pg->orgs);
        fl_pg_map_clear(pg->moved);
        fl_store_set_error(s, "database error (the current batch was rolled back; committed articles are kept): %.900s",
                           why);
        return FL_ERR_IO;
    }
    drop_pending(s);
    return FL_OK;
}
