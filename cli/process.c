/*
 * process.c — reads every input file and hands each article's JSON to a
 * sink in input order: directly on one thread, or through fl_pipeline on
 * several (-j N). Shared by `extract` and `ingest`.
 */
#include <stdio.h>

#include "commands.h"

int cli_process_files(char **files, int nfiles, fl_reader *r, const fl_extractor *ex, const fl_json_options *jo,
                      unsigned jobs, fl_pipeline_fn sink, void *user)
{
    int status = 0, stop = 0;
    fl_pipeline *p = NULL;
    fl_doc *doc = NULL;
    fl_buffer *buf = NULL;
    if (jobs != 1) {
        p = fl_pipeline_new(ex, jobs, jo, sink, user);
        if (!p) {
            fprintf(stderr, "factline: cannot start %u worker threads\n", jobs);
            return 2;
        }
    } else if (!(doc = fl_doc_new()) || !(buf = fl_buffer_new())) {
        fprintf(stderr, "factline: out of memory\n");
        fl_doc_free(doc);
        return 2;
    }
    for (int f = 0; f < nfiles && !stop; f++) {
        if (fl_reader_open(r, files[f]) != FL_OK) {
            fprintf(stderr, "factline: %s\n", fl_reader_error(r));
            status = 2;
            continue;
        }
        const fl_article *a;
        fl_status st;
        while (!stop && (st = fl_reader_next(r, &a)) == FL_OK) {
            if (p) {
                fl_status ps = fl_pipeline_push(p, a);
                if (ps == FL_ERR_USAGE)
                    stop = 1;
                else if (ps != FL_OK) {
                    fprintf(stderr, "factline: %s: article %llu: out of memory\n", a->file,
                            (unsigned long long)a->number);
                    status = 2;
                }
                continue;
            }
            fl_buffer_clear(buf);
            fl_status es = fl_doc_analyze(doc, a);
            if (es == FL_OK)
                es = fl_extract(ex, doc);
            if (es == FL_OK)
                es = fl_doc_write_json(doc, jo, buf);
            if (!sink(a, fl_buffer_data(buf), fl_buffer_len(buf), es, user))
                stop = 1;
        }
        if (!stop && st != FL_END) {
            fprintf(stderr, "factline: %s\n", fl_reader_error(r));
            status = 2;
        }
    }
    if (p) {
        fl_pipeline_finish(p);
        fl_pipeline_free(p);
    }
    fl_buffer_free(buf);
    fl_doc_free(doc);
    return status;
}
