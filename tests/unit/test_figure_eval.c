/*
 * test_figure_eval.c — runs `factline eval figures` on the hand-annotated
 * dev set (eval/figures-dev.jsonl, articles from ../shared/data) and checks
 * the scores stay a little under what was measured when the set was made
 * (value 97.6, value+category 92.1, all 91.4 F1). Skipped without the data.
 * Not for: single constructions (test_figure.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

int main(void)
{
    const char *data = check_data_dir();
    if (!data)
        return CHECK_SKIP;
    const char *bin = getenv("FACTLINE_BIN");
    if (!bin) {
        printf("SKIPPED: FACTLINE_BIN is not set (run through CTest)\n");
        return CHECK_SKIP;
    }
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "'%s' eval figures --data '%s' eval/figures-dev.jsonl", bin, data);
    FILE *p = popen(cmd, "r");
    CHECK(p != NULL);
    if (!p)
        return check_report("test_figure_eval");
    char line[512];
    double f1_value = -1, f1_category = -1, f1_all = -1;
    long gold = -1;
    while (fgets(line, sizeof line, p)) {
        fputs(line, stdout);
        double pr, rc, f1;
        char level[64];
        if (sscanf(line, "figures: %*d articles, %ld gold", &gold) == 1)
            continue;
        if (sscanf(line, "%63s %lf %lf %lf", level, &pr, &rc, &f1) != 4)
            continue;
        if (!strcmp(level, "value"))
            f1_value = f1;
        else if (!strcmp(level, "value+category"))
            f1_category = f1;
        else if (!strcmp(level, "value+category+qualifier+subject"))
            f1_all = f1;
    }
    CHECK_INT(pclose(p), 0);
    CHECK_INT(gold, 148);
    CHECK(f1_value >= 95.0);
    CHECK(f1_category >= 90.0);
    CHECK(f1_all >= 89.0);
    return check_report("test_figure_eval");
}
