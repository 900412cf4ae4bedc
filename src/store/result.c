/*
 * result.c — fl_result: the answer to a question, as named sections of typed
 * cells, copied out of SQLite statements so it outlives them. A section is
 * filled from a prepared statement: its column names become the section's
 * columns. Memory: one allocation per cell text; results are small (a page
 * of rows), so simplicity wins over an arena.
 */
#include <stdlib.h>
#include <string.h>

#include "output/json.h"
#include "store/store_internal.h"

typedef struct cell {
    fl_cell_type type;
    char *text;
} cell;

typedef struct section {
    char *name;
    size_t columns, rows, cap;
    char **column_names;
    cell *cells; /* rows * columns */
} section;

struct fl_result {
    section *sections;
    size_t count;
};

fl_result *fl_result_new(void) { return calloc(1, sizeof(fl_result)); }

int fl_result_add_section(fl_result *r, const char *name, sqlite3_stmt *stmt, unsigned limit)
{
    section *grown = realloc(r->sections, (r->count + 1) * sizeof *grown);
    if (!grown)
        return 0;
    r->sections = grown;
    section *sec = &r->sections[r->count++];
    memset(sec, 0, sizeof *sec);
    sec->name = strdup(name);
    sec->columns = (size_t)sqlite3_column_count(stmt);
    sec->column_names = calloc(sec->columns ? sec->columns : 1, sizeof(char *));
    if (!sec->name || !sec->column_names)
        return 0;
    for (size_t c = 0; c < sec->columns; c++)
        sec->column_names[c] = strdup(sqlite3_column_name(stmt, (int)c));
    int rc;
    while ((limit == 0 || sec->rows < limit) && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (sec->rows == sec->cap) {
            size_t cap = sec->cap ? sec->cap * 2 : 16;
            cell *cells = realloc(sec->cells, cap * sec->columns * sizeof *cells);
            if (!cells && sec->columns)
                return 0;
            sec->cells = cells;
            sec->cap = cap;
        }
        for (size_t c = 0; c < sec->columns; c++) {
            cell *x = &sec->cells[sec->rows * sec->columns + c];
            switch (sqlite3_column_type(stmt, (int)c)) {
            case SQLITE_INTEGER:
                x->type = FL_CELL_INT;
                break;
            case SQLITE_FLOAT:
                x->type = FL_CELL_REAL;
                break;
            case SQLITE_NULL:
                x->type = FL_CELL_NULL;
                break;
            default:
                x->type = FL_CELL_TEXT;
            }
            const unsigned char *t = sqlite3_column_text(stmt, (int)c);
            x->text = t ? strdup((const char *)t) : NULL;
        }
        sec->rows++;
    }
    return 1;
}

/* A section built row by row by the caller (the PostgreSQL backend, whose
 * rows need work in C before they are cells). */
int fl_result_begin_section(fl_result *r, const char *name, size_t columns, const char *const *names)
{
    section *grown = realloc(r->sections, (r->count + 1) * sizeof *grown);
    if (!grown)
        return 0;
    r->sections = grown;
    section *sec = &r->sections[r->count++];
    memset(sec, 0, sizeof *sec);
    sec->name = strdup(name);
    sec->columns = columns;
    sec->column_names = calloc(columns ? columns : 1, sizeof(char *));
    if (!sec->name || !sec->column_names)
        return 0;
    for (size_t c = 0; c < columns; c++)
        if (!(sec->column_names[c] = strdup(names[c])))
            return 0;
    return 1;
}

int fl_result_add_row(fl_result *r, const fl_cell_type *types, const char *const *texts)
{
    section *sec = &r->sections[r->count - 1];
    if (sec->rows == sec->cap) {
        size_t cap = sec->cap ? sec->cap * 2 : 16;
        cell *cells = realloc(sec->cells, cap * (sec->columns ? sec->columns : 1) * sizeof *cells);
        if (!cells)
            return 0;
        sec->cells = cells;
        sec->cap = cap;
    }
    for (size_t c = 0; c < sec->columns; c++) {
        cell *x = &sec->cells[sec->rows * sec->columns + c];
        x->type = texts[c] ? types[c] : FL_CELL_NULL;
        x->text = texts[c] ? strdup(texts[c]) : NULL;
        if (texts[c] && !x->text) {
            for (size_t k = 0; k < c; k++)
                free(sec->cells[sec->rows * sec->columns + k].text);
            return 0;
        }
    }
    sec->rows++;
    return 1;
}

size_t fl_result_section_count(const fl_result *r) { return r->count; }
const char *fl_result_section_name(const fl_result *r, size_t s) { return r->sections[s].name; }
size_t fl_result_column_count(const fl_result *r, size_t s) { return r->sections[s].columns; }
const char *fl_result_column_name(const fl_result *r, size_t s, size_t c) { return r->sections[s].column_names[c]; }
size_t fl_result_row_count(const fl_result *r, size_t s) { return r->sections[s].rows; }

fl_cell_type fl_result_cell_type(const fl_result *r, size_t s, size_t row, size_t c)
{
    return r->sections[s].cells[row * r->sections[s].columns + c].type;
}

const char *fl_result_cell(const fl_result *r, size_t s, size_t row, size_t c)
{
    return r->sections[s].cells[row * r->sections[s].columns + c].text;
}

fl_status fl_result_write_json(const fl_result *r, fl_buffer *b)
{
    fl_buffer_append_char(b, '{');
    for (size_t s = 0; s < r->count; s++) {
        const section *sec = &r->sections[s];
        fl_json_key(b, sec->name, s == 0);
        fl_buffer_append_char(b, '[');
        for (size_t row = 0; row < sec->rows; row++) {
            if (row)
                fl_buffer_append_char(b, ',');
            fl_buffer_append_char(b, '{');
            for (size_t c = 0; c < sec->columns; c++) {
                const cell *x = &sec->cells[row * sec->columns + c];
                fl_json_key(b, sec->column_names[c], c == 0);
                if (x->type == FL_CELL_NULL || !x->text)
                    fl_buffer_append_str(b, "null");
                else if (x->type == FL_CELL_INT || x->type == FL_CELL_REAL)
                    fl_buffer_append_str(b, x->text);
                else
                    fl_json_cstring(b, x->text);
            }
            fl_buffer_append_char(b, '}');
        }
        fl_buffer_append_char(b, ']');
    }
    fl_buffer_append_char(b, '}');
    return b->failed ? FL_ERR_NOMEM : FL_OK;
}

void fl_result_free(fl_result *r)
{
    if (!r)
        return;
    for (size_t s = 0; s < r->count; s++) {
        section *sec = &r->sections[s];
        for (size_t i = 0; i < sec->rows * sec->columns; i++)
            free(sec->cells[i].text);
        for (size_t c = 0; c < sec->columns; c++)
            free(sec->column_names ? sec->column_names[c] : NULL);
        free(sec->cells);
        free(sec->column_names);
        free(sec->name);
    }
    free(r->sections);
    free(r);
}
