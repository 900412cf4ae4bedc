/*
 * pg_query.c — the questions on PostgreSQL (in progress).
 */
#include "store/pg_internal.h"

fl_result *fl_pg_query(fl_store *s, const fl_query *q)
{
    (void)q;
    fl_store_set_error(s, "questions on PostgreSQL are not written yet");
    s->query_status = FL_ERR_IO;
    return NULL;
}
