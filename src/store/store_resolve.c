/*
 * store_resolve.c — joining across articles in the SQLite store: the
 * canonical key of an organisation or source (org_keys, org_words: a short
 * name joins the one longer name holding its words) and the canonical
 * entity of a name (a bare surname joins the one full name with it, and is
 * adopted by the first full name that comes after it). The rules are in
 * docs/store.md, "Joining across articles"; the keys in canon.c. Not for:
 * opening and migrations (store.c), writing an article (store_add.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/canon.h"
#include "store/pack.h"
#include "store/store_internal.h"
#include "util/grow.h"

/* 1 if every word of `small` is a word of `big`. */
int fl_store_words_subset(const char *small, const char *big)
{
    const char *p = small;
    while (*p) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        int found = 0;
        for (const char *q = big; *q;) {
            const char *qe = strchr(q, ' ');
            size_t m = qe ? (size_t)(qe - q) : strlen(q);
            if (m == n && memcmp(p, q, n) == 0) {
                found = 1;
                break;
            }
            q += m;
            if (*q == ' ')
                q++;
        }
        if (!found)
            return 0;
        p += n;
        if (*p == ' ')
            p++;
    }
    return 1;
}

/* The word of a key whose org_words rows are fewest, as far as this
 * writer has counted them (s->word_rows: the rows it added), the longest
 * among equals. Any word of the key finds every candidate; the rarest finds
 * them reading fewest rows ("ministry" heads hundreds of keys; the longest
 * word, chosen before, was often such a word: the search was 4% of the
 * store path). A database written before this process started is not
 * counted, so there the choice is a guess, never a wrong answer. */
static size_t rarest_word(fl_store *s, const char *key, const char **word)
{
    size_t best = 0;
    long long best_rows = 0;
    *word = key;
    for (const char *p = key; *p;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        const fl_memo_entry *c = fl_memo_get(&s->word_rows, p, n);
        long long rows = c ? c->id : 0;
        if (!best || rows < best_rows || (rows == best_rows && n > best))
            *word = p, best = n, best_rows = rows;
        p += n;
        if (*p == ' ')
            p++;
    }
    return best;
}

/* If exactly one canonical key other than `key` holds every word of `key`,
 * puts it in out and returns 1. Candidates share the key's rarest word
 * (the org_words index). Returns 0 if none or several, -1 on error. */
static int unique_superset(fl_store *s, const char *key, fl_buffer *out)
{
    const char *word;
    size_t len = rarest_word(s, key, &word);
    /* The word test inside the statement (fl_words_subset): a row handed
     * back to C costs more than the test (1% of the store path). */
    sqlite3_stmt *st = fl_store_prepare(
        s, "SELECT canonical FROM org_words WHERE word=?1 AND canonical<>?2 AND fl_words_subset(?2, canonical) LIMIT 2");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, word, (int)len, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
    int supersets = 0;
    /* A second superset settles it (the key stands alone): stop there
     * rather than read every key sharing the word. */
    while (supersets < 2 && sqlite3_step(st) == SQLITE_ROW) {
        const char *c = (const char *)sqlite3_column_text(st, 0);
        if (++supersets == 1) {
            fl_buffer_clear(out);
            fl_buffer_append_str(out, c);
        }
    }
    sqlite3_reset(st);
    return supersets == 1;
}

/* The canonical form of an organisation or source key: itself, or the one
 * existing canonical key whose words include all of its words (at least two)
 * — "health ministry" joins "gaza health ministry" while that is the only
 * ministry of health seen. Recorded in org_keys (and a new canonical key's
 * words in org_words) so the answer stays stable. */
int fl_store_org_canonical(fl_store *s, const char *key, fl_buffer *out)
{
    fl_buffer_clear(out);
    /* A one-word key is its own canonical key (only keys of two or more
     * words join another), so schema 4 does not record it. */
    if (!strchr(key, ' ') && (s->migrating_to == 0 || s->migrating_to > 3)) {
        fl_buffer_append_str(out, key);
        return 1;
    }
    sqlite3_stmt *st = fl_store_prepare(s, "SELECT canonical FROM org_keys WHERE key=?");
    if (!st)
        return 0;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        fl_buffer_append_str(out, (const char *)sqlite3_column_text(st, 0));
        sqlite3_reset(st);
        return 1;
    }
    sqlite3_reset(st);
    /* Schema 5 records no key that stands alone in org_keys: its words in
     * org_words under itself say so (its first word's row is enough). */
    int self_rows = !fl_store_schema_at_least(s, 5);
    if (!self_rows) {
        size_t first = strcspn(key, " ");
        st = fl_store_prepare(s, "SELECT 1 FROM org_words WHERE word=? AND canonical=?");
        if (!st)
            return 0;
        sqlite3_bind_text(st, 1, key, (int)first, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc == SQLITE_ROW) {
            fl_buffer_append_str(out, key);
            return 1;
        }
        if (rc != SQLITE_DONE) {
            fl_store_set_error(s, "%s", sqlite3_errmsg(s->db));
            return 0;
        }
    }
    /* org_words arrives with schema 3; while migration 2 computes source
     * keys, keys stand alone. */
    int words = s->migrating_to == 0 || s->migrating_to > 2;
    int found = words && strchr(key, ' ') ? unique_superset(s, key, out) : 0;
    if (found < 0)
        return 0;
    if (!found) {
        fl_buffer_clear(out);
        fl_buffer_append_str(out, key);
    }
    if (s->flags & FL_STORE_READONLY)
        return 1;
    if (found || self_rows) {
        st = fl_store_prepare(s, "INSERT OR IGNORE INTO org_keys(key, canonical) VALUES(?, ?)");
        if (!st)
            return 0;
        sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, out->data, (int)out->len, SQLITE_STATIC);
        if (!fl_store_step_done(s, st))
            return 0;
    }
    /* One-word keys are never indexed: they cannot hold a longer key's words. */
    if (found || !words || !strchr(key, ' '))
        return 1;
    /* A new canonical key: index its words for the keys that come later. */
    for (const char *p = key; *p;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        st = fl_store_prepare(s, "INSERT OR IGNORE INTO org_words(word, canonical) VALUES(?, ?)");
        if (!st)
            return 0;
        sqlite3_bind_text(st, 1, p, (int)n, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
        if (!fl_store_step_done(s, st))
            return 0;
        if (sqlite3_changes(s->db))
            fl_memo_add(&s->word_rows, p, n, 1); /* out of memory: only a worse guess */
        p += n;
        if (*p == ' ')
            p++;
    }
    return 1;
}

/* The first column of every row a statement with one integer parameter
 * gives, as a new array (*n of them; the caller frees *out). Returns 0 with
 * the store's error set on a database error or out of memory. */
static int select_ids(fl_store *s, const char *sql, long long key, long long **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = fl_store_prepare(s, sql);
    if (!st)
        return 0;
    sqlite3_bind_int64(st, 1, key);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!fl_grow(out, &cap, *n + 1, sizeof **out, 16)) {
            sqlite3_reset(st);
            free(*out);
            *out = NULL;
            *n = 0;
            fl_store_set_error(s, "out of memory");
            return 0;
        }
        (*out)[(*n)++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        fl_store_set_error(s, "%s", sqlite3_errmsg(s->db));
        return 0;
    }
    return 1;
}

/* Schema 5: entity `from` becomes `to` in the entity list of every article
 * that mentions it. Collected first, then each list rewritten by its own
 * one-row UPDATE: one statement updating many rows while it may abort opens
 * a statement journal, and FTS5 writes out its pending terms at each one
 * (measured: 18 M instructions an adoption). */
static int move_article_entities(fl_store *s, long long from, long long to)
{
    long long *arts;
    size_t n;
    int ok = select_ids(s, "SELECT article_id FROM mentions WHERE entity_id=?", from, &arts, &n);
    sqlite3_stmt *st;
    fl_buffer ids;
    fl_buffer_init(&ids);
    long long *list = NULL;
    size_t list_cap = 0;
    for (size_t i = 0; ok && i < n; i++) {
        st = fl_store_prepare(s, "SELECT ids FROM article_entities WHERE article_id=?");
        if (!(ok = st != NULL))
            break;
        sqlite3_bind_int64(st, 1, arts[i]);
        size_t k = 0;
        if (sqlite3_step(st) == SQLITE_ROW) {
            const unsigned char *p = sqlite3_column_blob(st, 0);
            const unsigned char *end = p ? p + sqlite3_column_bytes(st, 0) : NULL;
            long long id = 0;
            while (p && fl_unpack_id(&p, end, &id)) {
                if (!fl_grow(&list, &list_cap, k + 1, sizeof *list, 64)) {
                    ok = 0;
                    fl_store_set_error(s, "out of memory");
                    break;
                }
                list[k++] = id == from ? to : id;
            }
        }
        sqlite3_reset(st);
        if (!ok)
            break;
        fl_buffer_clear(&ids);
        fl_pack_ids(list, k, &ids);
        st = fl_store_prepare(s, "UPDATE article_entities SET ids=? WHERE article_id=?");
        if (!(ok = st != NULL))
            break;
        sqlite3_bind_blob(st, 1, ids.len ? ids.data : "", (int)ids.len, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, arts[i]);
        ok = fl_store_step_done(s, st);
    }
    fl_buffer_release(&ids);
    free(list);
    free(arts);
    return ok;
}

/* The quotes of entity `from` become `to`'s, one row at a time: schema 5's
 * quotes have a virtual column, and an UPDATE of several of its rows opens a
 * statement journal, at which FTS5 writes out its pending terms (18 M
 * instructions an adoption; see move_article_entities). */
static int move_quotes(fl_store *s, long long from, long long to)
{
    long long *ids;
    size_t n;
    int ok = select_ids(s, "SELECT id FROM quotes WHERE speaker_entity_id=?", from, &ids, &n);
    sqlite3_stmt *st;
    for (size_t i = 0; ok && i < n; i++) {
        st = fl_store_prepare(s, "UPDATE quotes SET speaker_entity_id=? WHERE id=?");
        if (!(ok = st != NULL))
            break;
        sqlite3_bind_int64(st, 1, to);
        sqlite3_bind_int64(st, 2, ids[i]);
        ok = fl_store_step_done(s, st);
    }
    free(ids);
    return ok;
}

int fl_store_may_adopt(const char *type, const char *key)
{
    return strcmp(type, "PER") == 0 && !strchr(key, ' ');
}

/* Remembers what a (type, name) resolved to, when that cannot change: an
 * exact key's entity stays, since only a bare surname's entity is ever
 * merged away (adopted by a full name) and that one is never remembered
 * (fl_store_may_adopt; test_memo_one_writer). */
static long long remember_entity(fl_store *s, const char *memo_key, size_t len, long long id)
{
    fl_memo_put(&s->names, memo_key, len, id, NULL, 0);
    return id;
}

/* Finds or creates the canonical entity for a name of a type. Returns its id,
 * 0 if the name has no key, -1 on a database error. */
long long fl_store_resolve_entity(fl_store *s, const char *type, const char *name)
{
    /* "type\x1fname", built by hand: snprintf was 1% of the store path. */
    char memo_key[512];
    size_t type_len = strlen(type), name_len = strlen(name);
    size_t memo_len = 0;
    if (type_len + 1 + name_len < sizeof memo_key) {
        memcpy(memo_key, type, type_len);
        memo_key[type_len] = '\x1f';
        memcpy(memo_key + type_len + 1, name, name_len + 1);
        memo_len = type_len + 1 + name_len;
    }
    const fl_memo_entry *known = memo_len ? fl_memo_get(&s->names, memo_key, memo_len) : NULL;
    if (known)
        return known->id;
    if (!memo_len)
        memo_len = sizeof memo_key; /* too long to remember: nothing is put under a truncated key */
    if (!fl_canon_key(type, name, strlen(name), &s->key))
        return memo_len < sizeof memo_key ? remember_entity(s, memo_key, memo_len, 0) : 0;
    int is_per = strcmp(type, "PER") == 0;
    int is_org = strcmp(type, "ORG") == 0;
    if (fl_store_may_adopt(type, s->key.data))
        memo_len = sizeof memo_key; /* its entity may be adopted: not remembered */
    if (is_org) {
        if (!fl_store_org_canonical(s, s->key.data, &s->key2))
            return -1;
        fl_buffer_clear(&s->key);
        fl_buffer_append(&s->key, s->key2.data, s->key2.len);
    }
    const char *key = s->key.data;
    long long id = fl_store_lookup_id(s, "SELECT id FROM entities WHERE type=? AND key=?", type, key);
    if (id > 0 && memo_len < sizeof memo_key)
        return remember_entity(s, memo_key, memo_len, id);
    if (id)
        return id;
    const char *surname = NULL;
    size_t surname_len = 0;
    char sur[256] = "";
    if (is_per) {
        surname_len = fl_canon_surname(key, s->key.len, &surname);
        if (surname_len >= sizeof sur)
            surname_len = sizeof sur - 1;
        memcpy(sur, surname, surname_len);
        sur[surname_len] = '\0';
        if (surname_len == s->key.len) {
            /* A bare surname joins the one full name that has it; with two or
             * more (Joe Biden, Hunter Biden) it stays on its own. */
            sqlite3_stmt *st = fl_store_prepare(s, "SELECT id FROM entities WHERE type='PER' AND surname=? AND key<>surname LIMIT 2");
            if (!st)
                return -1;
            sqlite3_bind_text(st, 1, sur, -1, SQLITE_STATIC);
            int n = 0;
            while (sqlite3_step(st) == SQLITE_ROW) {
                id = sqlite3_column_int64(st, 0);
                n++;
            }
            sqlite3_reset(st);
            if (n == 1)
                return id;
        }
    }
    sqlite3_stmt *st = fl_store_prepare(s, "INSERT INTO entities(type, key, name, surname) VALUES(?, ?, ?, ?)");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
    if (is_per)
        sqlite3_bind_text(st, 4, sur, -1, SQLITE_STATIC);
    if (!fl_store_step_done(s, st))
        return -1;
    id = sqlite3_last_insert_rowid(s->db);
    if (is_per && surname_len < s->key.len) {
        /* The first full name with this surname adopts the bare surname's
         * entity, if one was created before it appeared. */
        long long others = fl_store_lookup_id(s, "SELECT count(*) FROM entities WHERE type='PER' AND surname=? AND key<>surname AND key<>?",
                                     sur, key);
        long long bare = fl_store_lookup_id(s, "SELECT id FROM entities WHERE type='PER' AND key=?", sur, NULL);
        if (others == 0 && bare > 0) {
            char sql[512];
            static const char *const moves[] = {
                "UPDATE OR IGNORE mentions SET entity_id=%lld WHERE entity_id=%lld",
                "UPDATE OR IGNORE entity_aliases SET entity_id=%lld WHERE entity_id=%lld",
                "UPDATE attributions SET source_entity_id=%lld WHERE source_entity_id=%lld",
            };
            /* Schema 5's entity lists first, while mentions still say which articles. */
            if (fl_store_schema_at_least(s, 5) && !move_article_entities(s, bare, id))
                return -1;
            if (!move_quotes(s, bare, id))
                return -1;
            for (size_t i = 0; i < sizeof moves / sizeof moves[0]; i++) {
                snprintf(sql, sizeof sql, moves[i], id, bare);
                if (!fl_store_exec(s, sql))
                    return -1;
            }
            /* Nothing remembered names the bare entity (a bare surname's
             * entity is never remembered, fl_store_may_adopt), and source
             * keys and stored aliases stay true (its aliases moved; its id
             * is below the newest, so never reused): the memos are kept.
             * Forgetting them at each adoption (285 times in the first
             * 4,000 news articles) made the writer ask again. */
            if (s->moves < FL_STORE_MOVES) {
                s->moved_from[s->moves] = bare;
                s->moved_to[s->moves++] = id;
            }
            snprintf(sql, sizeof sql,
                     "DELETE FROM mentions WHERE entity_id=%lld; DELETE FROM entity_aliases WHERE entity_id=%lld;"
                     " DELETE FROM entities WHERE id=%lld",
                     bare, bare, bare);
            if (!fl_store_exec(s, sql))
                return -1;
        }
    }
    return memo_len < sizeof memo_key ? remember_entity(s, memo_key, memo_len, id) : id;
}
