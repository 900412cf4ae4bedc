/*
 * figures_bench.c — throughput of the figure layer on one core, no output.
 * Reads and analyses every article (text layer), then times the figure layer
 * alone (fl_figures_find + the source/date fallback) and the whole path.
 * Prints one line of key=value figures that bench/figures.sh turns into a
 * table: bytes (article text), articles, figures, text_seconds,
 * figure_seconds, figure_mb_per_s (figure layer alone), total_mb_per_s
 * (read + text + figures), peak_rss_kb.
 * Not for: correctness (tests/) or accuracy (factline eval figures).
 */
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include "factline.h"
#include "figure/figure.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: figures_bench FILE...\n");
        return 2;
    }
    fl_reader_options ro;
    fl_reader_options_init(&ro);
    fl_reader *r = fl_reader_new(&ro);
    fl_doc *doc = fl_doc_new();
    unsigned long long text_bytes = 0, articles = 0, figures = 0;
    double figure_secs = 0, t0 = now();
    for (int i = 1; i < argc; i++) {
        if (fl_reader_open(r, argv[i]) != FL_OK) {
            fprintf(stderr, "%s\n", fl_reader_error(r));
            return 2;
        }
        const fl_article *a;
        while (fl_reader_next(r, &a) == FL_OK) {
            if (fl_doc_analyze(doc, a) != FL_OK)
                return 2;
            double f0 = now();
            if (fl_figures_find(doc) != FL_OK)
                return 2;
            fl_figures_fallback_context(doc);
            figure_secs += now() - f0;
            articles++;
            text_bytes += a->text_len;
            figures += fl_doc_figure_count(doc);
        }
    }
    double total = now() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("bytes=%llu articles=%llu figures=%llu text_seconds=%.3f figure_seconds=%.3f figure_mb_per_s=%.1f "
           "total_mb_per_s=%.1f peak_rss_kb=%ld\n",
           text_bytes, articles, figures, total - figure_secs, figure_secs,
           figure_secs > 0 ? (double)text_bytes / 1e6 / figure_secs : 0.0,
           total > 0 ? (double)text_bytes / 1e6 / total : 0.0, ru.ru_maxrss);
    fl_doc_free(doc);
    fl_reader_free(r);
    return 0;
}
