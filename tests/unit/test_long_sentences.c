/*
 * test_long_sentences.c — an article made of one enormous sentence must cost
 * about what the same words cost in ordinary sentences (house standard:
 * enormous lines and articles never blow up). Each shape below once made a
 * rule walk the whole sentence per token:
 *   phrases   plain phrases, no full stop (figures' date search per figure);
 *   numbers   "1,000 people were killed" counts (the same);
 *   titlecue  capitalised cues in lower-case words (title case per cue);
 *   asked     "when asked" with no comma (the comma search per cue);
 *   names     names and pronouns with cues (every attribution per pronoun);
 *   openq     quotes without closing marks (the same);
 *   acronyms  "(CNN)" and cues (the spelt-out search from the text's start).
 * For each shape the same phrases are run twice, ~2 MB each: as one sentence
 * and as one sentence per phrase; and ordinary text (the first shape's
 * phrases as sentences) once. The check is on the ratio of the CPU time the
 * one-sentence article takes in a child process to each of the other two
 * (CPU, not wall time, so the machine's load matters little; a ratio, so the
 * build type matters little): a quadratic rule made it 10-400x at this size,
 * linear work keeps it within 2.5x, and the bound is 8x. The child also has a hard RLIMIT_CPU so a regression fails
 * instead of hanging. The outputs are checked to be real (figures and
 * attributions found), so a shape cannot pass by doing nothing.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "factline.h"

enum { ARTICLE_BYTES = 2000000, CPU_LIMIT_S = 120, MAX_RATIO = 8 };

typedef struct shape {
    const char *name;
    const char *const *phrases;
    size_t count;
    int want_figures, want_attributions;
} shape;

static const char *const phrases[] = {
    "Smith ran the firm until his retirement in September", "Protests took place this past weekend",
    "The attack began on Friday at 7 p.m and ended at 10:00", "He stayed for a while and left a while ago",
    "Results for Q3 2023 and H1 2024 beat in Q3", "Workers got six months of base pay",
};
static const char *const numbers[] = {
    "1,000 people were killed", "and 2,500 were injured on 7 October", "at least 300 hostages were taken",
    "more than 9,200 Palestinians died", "the ministry said on Monday", "October 7, 2023",
};
static const char *const titlecue[] = {
    "the plan Said that it was over", "the crowd Told the police", "and the report Says the talks went on",
    "officials said the road was closed",
};
static const char *const names[] = {
    "John Smith said the plan", "Mary Jones told reporters", "officials said", "Ahmed Khan, a spokesman, said",
    "the minister said on Monday that", "according to Reuters", "Netanyahu told CNN", "he said", "she added",
};
static const char *const openq[] = {
    "\u201cWe will not give up", "he said \u201cthe war goes on", "\"They lied to us", "Smith said: \u201cIt is over",
    "and \u2018nobody came",
};
static const char *const acronyms[] = {
    "\u201cHe said", "Smith, a spokesman,", "according to", "Monday", "on 7 October", "1,000", "(CNN)", "told",
    "asked", "\u201c", "said:",
};
static const char *const asked[] = {
    "Smith said when asked about it", "and the mayor said", "when asked whether the road was closed",
    "Jones rejected the idea and said",
};

/* "date 2024-06-12 Headline" and ~ARTICLE_BYTES of the phrases in a fixed
 * pseudo-random order, joined by `sep` (" " or ". "). */
static char *article(const shape *s, const char *sep, size_t *len)
{
    size_t cap = ARTICLE_BYTES + 256, n = 0;
    char *t = malloc(cap);
    if (!t)
        return NULL;
    n += (size_t)snprintf(t, cap, "date 2024-06-12 Headline\n");
    unsigned x = 12345;
    while (n < ARTICLE_BYTES) {
        x = x * 1103515245u + 12345u;
        const char *p = s->phrases[(x >> 16) % s->count];
        size_t pl = strlen(p), sl = strlen(sep);
        memcpy(t + n, p, pl);
        n += pl;
        memcpy(t + n, sep, sl);
        n += sl;
    }
    t[n++] = '\n';
    t[n] = '\0';
    *len = n;
    return t;
}

typedef struct result {
    int ok;                   /* the child finished its extraction */
    double cpu;               /* its user + system CPU seconds */
    unsigned long figures, attributions;
} result;

/* CPU seconds of the children waited for so far. */
static double children_cpu(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_CHILDREN, &ru) != 0)
        return 0;
    return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
           ru.ru_stime.tv_usec / 1e6;
}

/* Extracts the article in a child process under a CPU limit. */
static result run_child(const char *text, size_t len)
{
    result r = {0, 0, 0, 0};
    int fd[2];
    if (pipe(fd) != 0)
        return r;
    pid_t pid = fork();
    if (pid < 0)
        return r;
    if (pid == 0) {
        close(fd[0]);
        struct rlimit lim = {CPU_LIMIT_S, CPU_LIMIT_S + 5};
        setrlimit(RLIMIT_CPU, &lim);
        fl_reader_options o;
        fl_reader_options_init(&o);
        fl_reader *rd = fl_reader_new(&o);
        fl_extractor *ex = fl_extractor_new(NULL, NULL);
        fl_doc *doc = fl_doc_new();
        const fl_article *a;
        unsigned long got[2] = {0, 0};
        if (!rd || !ex || !doc || fl_reader_open_memory(rd, text, len, "generated") != FL_OK)
            _exit(2);
        while (fl_reader_next(rd, &a) == FL_OK) {
            if (fl_doc_analyze(doc, a) != FL_OK || fl_extract(ex, doc) != FL_OK)
                _exit(3);
            got[0] += fl_doc_figure_count(doc);
            got[1] += fl_doc_attribution_count(doc);
        }
        if (write(fd[1], got, sizeof got) != (ssize_t)sizeof got)
            _exit(4);
        _exit(0);
    }
    close(fd[1]);
    unsigned long got[2] = {0, 0};
    ssize_t n = read(fd[0], got, sizeof got);
    close(fd[0]);
    int status = 0;
    double before = children_cpu();
    if (waitpid(pid, &status, 0) != pid)
        return r;
    r.cpu = children_cpu() - before; /* this child's: the only one waited for since */
    r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && n == (ssize_t)sizeof got;
    r.figures = got[0];
    r.attributions = got[1];
    if (!r.ok)
        fprintf(stderr, "  child %s (status %d, %.1f CPU s)\n",
                WIFSIGNALED(status) ? "killed by a signal (the CPU limit?)" : "failed", status, r.cpu);
    return r;
}

static void check_shape(const shape *s, double plain)
{
    size_t ln = 0, lo = 0;
    char *one = article(s, " ", &ln), *many = article(s, ". ", &lo);
    CHECK(one && many);
    if (one && many) {
        result ordinary = run_child(many, lo);
        result longest = run_child(one, ln);
        double ratio = longest.cpu / (ordinary.cpu > 0.05 ? ordinary.cpu : 0.05);
        double to_plain = longest.cpu / (plain > 0.05 ? plain : 0.05);
        printf("%-9s one sentence %.2f CPU s, as sentences %.2f CPU s (ratio %.1f), to plain text %.1f; "
               "figures %lu, attributions %lu\n",
               s->name, longest.cpu, ordinary.cpu, ratio, to_plain, longest.figures, longest.attributions);
        CHECK(ordinary.ok);
        CHECK(longest.ok);
        CHECK(ratio <= MAX_RATIO);
        CHECK(to_plain <= MAX_RATIO);
        if (s->want_figures)
            CHECK(longest.figures > 1000);
        if (s->want_attributions)
            CHECK(longest.attributions > 1000);
    }
    free(one);
    free(many);
}

int main(void)
{
    const shape shapes[] = {
        {"phrases", phrases, sizeof phrases / sizeof *phrases, 0, 0},
        {"numbers", numbers, sizeof numbers / sizeof *numbers, 1, 0},
        {"titlecue", titlecue, sizeof titlecue / sizeof *titlecue, 0, 1},
        {"asked", asked, sizeof asked / sizeof *asked, 0, 1},
        {"names", names, sizeof names / sizeof *names, 0, 1},
        {"openq", openq, sizeof openq / sizeof *openq, 0, 1},
        {"acronyms", acronyms, sizeof acronyms / sizeof *acronyms, 1, 1},
    };
    /* plain text: the first shape's phrases as sentences */
    size_t lp = 0;
    char *plain_text = article(&shapes[0], ". ", &lp);
    CHECK(plain_text != NULL);
    result plain = plain_text ? run_child(plain_text, lp) : (result){0, 0, 0, 0};
    free(plain_text);
    CHECK(plain.ok);
    printf("plain     %.2f CPU s\n", plain.cpu);
    for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++)
        check_shape(&shapes[i], plain.cpu);
    return check_report("test_long_sentences");
}
