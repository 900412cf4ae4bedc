/*
 * pg_pending.c — fl_pg_add: one `factline extract --text` object checked
 * (the fields and date the questions need, as SQLite's store_add.c) and kept
 * for the batch unless this batch or the database has it already (by its
 * content hash); a full batch is written (fl_pg_commit, pg_add.c's
 * fl_pg_write_batch). Not for: writing the batch (pg_add.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pack.h"
#include "store/pg_internal.h"
#include "util/hash.h"

static const char *jstr(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

fl_status fl_pg_add(fl_store *s, const char *json, size_t len, int *added)
{
    struct fl_pg *pg = s->pg;
    *added = 0;
    if (s->flags & FL_STORE_READONLY) {
        fl_store_set_error(s, "the database is open read-only");
        return FL_ERR_USAGE;
    }
    json_error_t jerr;
    json_t *o = json_loadb(json, len, 0, &jerr);
    if (!json_is_object(o)) {
        fl_store_set_error(s, "not an extract object: %s", o ? "not an object" : jerr.text);
        json_decref(o);
        return FL_ERR_FORMAT;
    }
    const char *date = jstr(o, "date"), *text = jstr(o, "text"), *headline = jstr(o, "headline");
    if (!date || !text || !headline) {
        fl_store_set_error(s, "an extract object needs \"date\", \"headline\" and \"text\" (factline extract --text)");
        json_decref(o);
        return FL_ERR_FORMAT;
    }
    if (fl_day_code(date, strlen(date)) < 0) { /* as SQLite's store_add.c: the questions need a date */
        fl_store_set_error(s, "\"date\" is \"%.40s\", not a date written YYYY-MM-DD", date);
        json_decref(o);
        return FL_ERR_FORMAT;
    }
    if (strlen(date) > FL_PG_MAX_SHORT) {
        fl_store_set_error(s, "\"date\" is %zu bytes long; PostgreSQL indexes it, so at most %d", strlen(date),
                           FL_PG_MAX_SHORT);
        json_decref(o);
        return FL_ERR_FORMAT;
    }
    fl_pg_pending item;
    item.obj = o;
    uint64_t h = fl_hash64(fl_hash64(FL_HASH_SEED, date, strlen(date)), text, json_string_length(json_object_get(o, "text")));
    snprintf(item.hash, sizeof item.hash, "%016llx", (unsigned long long)h);
    /* Already in this batch, or stored (as far as this writer can see now:
     * a concurrent writer's article is found when the batch is written). */
    for (size_t i = 0; i < pg->npending; i++)
        if (!strcmp(pg->pending[i].hash, item.hash)) {
            json_decref(o);
            return FL_OK;
        }
    const char *p[] = {item.hash};
    PGresult *res = fl_pg_exec(s, "SELECT 1 FROM articles WHERE hash=$1", 1, p);
    if (!res) {
        json_decref(o);
        return FL_ERR_IO;
    }
    int stored = PQntuples(res) > 0;
    PQclear(res);
    if (stored) {
        json_decref(o);
        return FL_OK;
    }
    if (pg->npending == pg->cap) {
        size_t cap = pg->cap ? pg->cap * 2 : 64;
        fl_pg_pending *g = realloc(pg->pending, cap * sizeof *g);
        if (!g) {
            json_decref(o);
            fl_store_set_error(s, "out of memory");
            return FL_ERR_NOMEM;
        }
        pg->pending = g;
        pg->cap = cap;
    }
    pg->pending[pg->npending++] = item;
    *added = 1;
    if (pg->npending >= s->batch)
        return fl_pg_commit(s);
    return FL_OK;
}
