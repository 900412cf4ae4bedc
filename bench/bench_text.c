/*
 * bench_text.c — throughput of the foundation: read + tokenize + sentence
 * split, on one core, no output. Prints one line of key=value figures that
 * bench/text.sh turns into a table:
 *   bytes (article text), input_bytes, articles, tokens, sentences, seconds,
 *   mb_per_s (of article text, as the peers count), peak_rss_kb
 * Not for: correctness (tests/) or JSON output speed (use factline extract).
 */
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include "factline.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_text FILE...\n");
        return 2;
    }
    fl_reader_options ro;
    fl_reader_options_init(&ro);
    fl_reader *r = fl_reader_new(&ro);
    fl_doc *doc = fl_doc_new();
    unsigned long long bytes = 0, text_bytes = 0, articles = 0, tokens = 0, sentences = 0;
    double t0 = now();
    for (int i = 1; i < argc; i++) {
        if (fl_reader_open(r, argv[i]) != FL_OK) {
            fprintf(stderr, "%s\n", fl_reader_error(r));
            return 2;
        }
        const fl_article *a;
        while (fl_reader_next(r, &a) == FL_OK) {
            fl_doc_analyze(doc, a);
            articles++;
            text_bytes += a->text_len;
            tokens += fl_doc_token_count(doc);
            sentences += fl_doc_sentence_count(doc);
        }
    }
    double secs = now() - t0;
    fl_reader_stats st;
    fl_reader_get_stats(r, &st);
    bytes = st.bytes;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    /* MB/s counts article text bytes (headline + body), as the peers do. */
    printf("bytes=%llu input_bytes=%llu articles=%llu tokens=%llu sentences=%llu seconds=%.3f mb_per_s=%.1f "
           "peak_rss_kb=%ld\n",
           text_bytes, bytes, articles, tokens, sentences, secs, secs > 0 ? (double)text_bytes / 1e6 / secs : 0.0,
           ru.ru_maxrss);
    fl_doc_free(doc);
    fl_reader_free(r);
    return 0;
}
