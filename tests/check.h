/*
 * check.h — the test harness: a few assertion macros that count instead of
 * aborting, so one run reports every failure. Each test program ends with
 * `return check_report("name");`, which prints "N passed, N failed" and
 * returns 1 if anything failed. Tests that need ../shared/data call
 * check_data_dir() and return CHECK_SKIP (77, CTest's skip code) with a
 * message when it is absent.
 */
#ifndef FL_TESTS_CHECK_H
#define FL_TESTS_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CHECK_SKIP 77

static int check_passed, check_failed;

#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (cond) {                                                                   \
            check_passed++;                                                           \
        } else {                                                                      \
            check_failed++;                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);  \
        }                                                                             \
    } while (0)

#define CHECK_INT(got, want)                                                          \
    do {                                                                              \
        long long g_ = (long long)(got), w_ = (long long)(want);                      \
        if (g_ == w_) {                                                               \
            check_passed++;                                                           \
        } else {                                                                      \
            check_failed++;                                                           \
            fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); \
        }                                                                             \
    } while (0)

#define CHECK_STR(got, want)                                                          \
    do {                                                                              \
        const char *g_ = (got), *w_ = (want);                                         \
        if (g_ && w_ && strcmp(g_, w_) == 0) {                                        \
            check_passed++;                                                           \
        } else {                                                                      \
            check_failed++;                                                           \
            fprintf(stderr, "%s:%d: %s is \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got, \
                    g_ ? g_ : "(null)", w_ ? w_ : "(null)");                          \
        }                                                                             \
    } while (0)

static inline int check_report(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, check_passed, check_failed);
    return check_failed ? 1 : 0;
}

/* The shared data directory (FACTLINE_DATA, else ../shared/data beside the
 * repository), or NULL with a message if it is absent. */
static inline const char *check_data_dir(void)
{
    const char *d = getenv("FACTLINE_DATA");
    struct stat st;
    if (d && stat(d, &st) == 0 && S_ISDIR(st.st_mode))
        return d;
    printf("SKIPPED: shared data directory not found (set FACTLINE_DATA or place ../shared/data beside the repository)\n");
    return NULL;
}

#endif
