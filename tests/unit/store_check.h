/*
 * store_check.h — what the store tests share: a cell of an answer by column
 * name ("(none)" for no such row, "(no column)", "(null)" for NULL), whether
 * two answers are the same in every section, column, row, cell type and
 * text, and removing a database with its -wal and -shm files. Included once
 * per test program.
 */
#ifndef FL_TEST_STORE_CHECK_H
#define FL_TEST_STORE_CHECK_H

#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "factline.h"

/* Two answers are the same: sections, columns, rows, cell types and texts. */
static inline int same_result(fl_result *a, fl_result *b)
{
    if (!a || !b || fl_result_section_count(a) != fl_result_section_count(b))
        return a == b;
    for (size_t sec = 0; sec < fl_result_section_count(a); sec++) {
        size_t cols = fl_result_column_count(a, sec), rows = fl_result_row_count(a, sec);
        if (strcmp(fl_result_section_name(a, sec), fl_result_section_name(b, sec)) ||
            cols != fl_result_column_count(b, sec) || rows != fl_result_row_count(b, sec))
            return 0;
        for (size_t c = 0; c < cols; c++) {
            if (strcmp(fl_result_column_name(a, sec, c), fl_result_column_name(b, sec, c)))
                return 0;
            for (size_t row = 0; row < rows; row++) {
                const char *x = fl_result_cell(a, sec, row, c), *y = fl_result_cell(b, sec, row, c);
                if (fl_result_cell_type(a, sec, row, c) != fl_result_cell_type(b, sec, row, c) ||
                    (x == NULL) != (y == NULL) || (x && strcmp(x, y))) {
                    fprintf(stderr, "section %s row %zu column %s: %s vs %s\n", fl_result_section_name(a, sec), row,
                            fl_result_column_name(a, sec, c), x ? x : "NULL", y ? y : "NULL");
                    return 0;
                }
            }
        }
    }
    return 1;
}

static inline const char *cell(fl_result *r, size_t section, size_t row, const char *column)
{
    if (!r || section >= fl_result_section_count(r) || row >= fl_result_row_count(r, section))
        return "(none)";
    for (size_t c = 0; c < fl_result_column_count(r, section); c++)
        if (!strcmp(fl_result_column_name(r, section, c), column)) {
            const char *v = fl_result_cell(r, section, row, c);
            return v ? v : "(null)";
        }
    return "(no column)";
}

static inline void remove_db(const char *path)
{
    char extra[700];
    unlink(path);
    snprintf(extra, sizeof extra, "%s-wal", path);
    unlink(extra);
    snprintf(extra, sizeof extra, "%s-shm", path);
    unlink(extra);
}

/* A new, empty store in a fresh temporary path (written into path, which
 * holds a mkstemp template); NULL, with the reason printed and a failed
 * check, when it cannot be made. */
static inline fl_store *open_temp_store(char *path)
{
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd >= 0)
        close(fd);
    unlink(path);
    char *err = NULL;
    fl_store *s = fl_store_open(path, 0, &err);
    if (!s) {
        fprintf(stderr, "%s: %s\n", path, err ? err : "cannot open");
        CHECK(0);
    }
    return s;
}

#endif
