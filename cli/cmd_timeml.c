/*
 * cmd_timeml.c — `factline timeml FILE.tml...`: re-annotates TimeML
 * documents with factline's TIMEX3 tags (and only those) inside <TEXT>, for
 * the official TempEval-3 scorer. Argument parsing and printing only; the
 * work is in src/time/timeml.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "text/doc.h"
#include "time/timeml.h"
#include "util/buffer.h"

static void timeml_usage(FILE *out)
{
    fprintf(out,
            "usage: factline timeml [-d DIR | -o FILE] FILE.tml...\n"
            "Reads each TimeML document (its DCT and the text of <TEXT>; tags inside <TEXT>\n"
            "are ignored) and writes it back with factline's TIMEX3 tags as the only tags in\n"
            "<TEXT>; MAKEINSTANCE and link elements, which pointed at the removed tags, are\n"
            "dropped. Without -d the documents go to standard output (or -o FILE).\n\n"
            "options:\n"
            "  -d DIR   write each document to DIR/<its file name> (DIR must exist)\n"
            "  -o FILE  write to FILE (one input only)\n\n"
            "exit status: 0 all good, 1 some documents could not be read, 2 usage or I/O error\n");
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

int cmd_timeml(int argc, char **argv)
{
    const char *dir = NULL, *out_path = NULL;
    int first = argc;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            timeml_usage(stdout);
            return 0;
        } else if (!strcmp(argv[i], "-d") && i + 1 < argc) {
            dir = argv[++i];
        } else if (!strcmp(argv[i], "-o") && i + 1 < argc) {
            out_path = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "factline timeml: unknown or incomplete option '%s'\n", argv[i]);
            timeml_usage(stderr);
            return 2;
        } else {
            first = i;
            break;
        }
    }
    if (first >= argc || (dir && out_path) || (out_path && argc - first != 1)) {
        timeml_usage(stderr);
        return 2;
    }
    fl_doc *work = fl_doc_new();
    fl_buffer *buf = fl_buffer_new();
    fl_timex *times = NULL;
    size_t count = 0, cap = 0;
    int status = 0;
    if (!work || !buf) {
        fprintf(stderr, "factline timeml: out of memory\n");
        status = 2;
        goto done;
    }
    for (int f = first; f < argc; f++) {
        fl_timeml_doc d;
        fl_status st = fl_timeml_read_file(&d, argv[f]);
        if (st == FL_OK)
            st = fl_timeml_find_times(&d, work, &times, &count, &cap);
        fl_buffer_clear(buf);
        if (st == FL_OK)
            st = fl_timeml_write(&d, times, count, buf);
        if (st != FL_OK) {
            fprintf(stderr, "factline timeml: %s\n", st == FL_ERR_NOMEM ? "out of memory" : d.error);
            fl_timeml_doc_free(&d);
            status = st == FL_ERR_FORMAT ? (status ? status : 1) : 2;
            continue;
        }
        fl_timeml_doc_free(&d);
        char path[4096];
        const char *target = out_path;
        if (dir) {
            if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, base_name(argv[f])) >= sizeof path) {
                fprintf(stderr, "factline timeml: output path too long for %s\n", argv[f]);
                status = 2;
                continue;
            }
            target = path;
        }
        FILE *out = target ? fopen(target, "wb") : stdout;
        if (!out) {
            fprintf(stderr, "factline timeml: cannot write %s: %s\n", target, strerror(errno));
            status = 2;
            continue;
        }
        fwrite(fl_buffer_data(buf), 1, fl_buffer_len(buf), out);
        if (fflush(out) != 0 || ferror(out)) {
            fprintf(stderr, "factline timeml: write error on %s\n", target ? target : "standard output");
            status = 2;
        }
        if (out != stdout)
            fclose(out);
    }
done:
    free(times);
    fl_buffer_free(buf);
    fl_doc_free(work);
    return status;
}
