/*
 * pipeline.c — parallel extraction with ordered output (see factline.h,
 * section 5.5).
 *
 * Design: a ring of K = 2N+2 slots. The caller's thread copies each article
 * into the next free slot (head) and marks it FILLED; workers take FILLED
 * slots in order, analyse, extract and write the JSON into the slot, and
 * mark it DONE; the caller's thread delivers DONE slots from the tail, in
 * order, and frees them. When the ring is full, push waits for the tail
 * slot, so at most K articles are held at once: memory is K times the
 * largest article, whatever the input size. One mutex and two condition
 * variables; the work itself runs unlocked. Not for: reading (the caller
 * reads) or storing (the caller's callback stores).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "factline.h"
#include "util/buffer.h"

enum { SLOT_FREE = 0, SLOT_FILLED, SLOT_WORKING, SLOT_DONE };

typedef struct slot {
    int state;
    fl_article article;
    fl_buffer text, id, source, url, file, warn_text;
    const char *warnings[16];
    fl_buffer json;
    fl_status status;
} slot;

struct fl_pipeline {
    const fl_extractor *ex;
    fl_json_options json;
    fl_pipeline_fn on_result;
    void *user;
    unsigned threads;
    pthread_t *workers;
    size_t nslots;
    slot *slots;
    unsigned long long head, tail, next_work;
    int stopping, stopped_by_callback;
    pthread_mutex_t lock;
    pthread_cond_t work_ready, work_done;
};

static void copy_string(fl_buffer *b, const char *s)
{
    fl_buffer_clear(b);
    if (s)
        fl_buffer_append_str(b, s);
}

static int fill_slot(slot *sl, const fl_article *a)
{
    fl_buffer_clear(&sl->text);
    fl_buffer_append(&sl->text, a->text, a->text_len);
    copy_string(&sl->id, a->id);
    copy_string(&sl->source, a->source);
    copy_string(&sl->url, a->url);
    copy_string(&sl->file, a->file);
    fl_buffer_clear(&sl->warn_text);
    size_t offsets[16];
    size_t nw = a->warning_count < 16 ? a->warning_count : 16;
    for (size_t i = 0; i < nw; i++) {
        offsets[i] = sl->warn_text.len;
        fl_buffer_append(&sl->warn_text, a->warnings[i], strlen(a->warnings[i]) + 1);
    }
    if (sl->text.failed || sl->id.failed || sl->source.failed || sl->url.failed || sl->file.failed ||
        sl->warn_text.failed)
        return 0;
    sl->article = *a;
    sl->article.text = sl->text.data;
    sl->article.headline = sl->text.data;
    sl->article.id = sl->id.data;
    sl->article.source = a->source ? sl->source.data : NULL;
    sl->article.url = a->url ? sl->url.data : NULL;
    sl->article.file = sl->file.data;
    for (size_t i = 0; i < nw; i++)
        sl->warnings[i] = sl->warn_text.data + offsets[i];
    sl->article.warnings = sl->warnings;
    sl->article.warning_count = nw;
    return 1;
}

static void *worker_main(void *arg)
{
    fl_pipeline *p = arg;
    fl_doc *doc = fl_doc_new();
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->stopping && p->next_work == p->head)
            pthread_cond_wait(&p->work_ready, &p->lock);
        if (p->next_work == p->head && p->stopping)
            break;
        slot *sl = &p->slots[p->next_work % p->nslots];
        p->next_work++;
        sl->state = SLOT_WORKING;
        pthread_mutex_unlock(&p->lock);
        fl_buffer_clear(&sl->json);
        fl_status st = doc ? fl_doc_analyze(doc, &sl->article) : FL_ERR_NOMEM;
        if (st == FL_OK)
            st = fl_extract(p->ex, doc);
        if (st == FL_OK)
            st = fl_doc_write_json(doc, &p->json, &sl->json);
        pthread_mutex_lock(&p->lock);
        sl->status = st;
        sl->state = SLOT_DONE;
        pthread_cond_broadcast(&p->work_done);
    }
    pthread_mutex_unlock(&p->lock);
    fl_doc_free(doc);
    return NULL;
}

fl_pipeline *fl_pipeline_new(const fl_extractor *ex, unsigned threads, const fl_json_options *json,
                             fl_pipeline_fn on_result, void *user)
{
    if (threads == 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        threads = n > 0 ? (unsigned)n : 1;
    }
    if (threads > 256)
        threads = 256;
    fl_pipeline *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->ex = ex;
    if (json)
        p->json = *json;
    p->on_result = on_result;
    p->user = user;
    p->nslots = 2 * (size_t)threads + 2;
    p->slots = calloc(p->nslots, sizeof *p->slots);
    p->workers = calloc(threads, sizeof *p->workers);
    if (!p->slots || !p->workers) {
        free(p->slots);
        free(p->workers);
        free(p);
        return NULL;
    }
    for (size_t i = 0; i < p->nslots; i++) {
        slot *sl = &p->slots[i];
        fl_buffer_init(&sl->text);
        fl_buffer_init(&sl->id);
        fl_buffer_init(&sl->source);
        fl_buffer_init(&sl->url);
        fl_buffer_init(&sl->file);
        fl_buffer_init(&sl->warn_text);
        fl_buffer_init(&sl->json);
    }
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->work_ready, NULL);
    pthread_cond_init(&p->work_done, NULL);
    for (unsigned i = 0; i < threads; i++) {
        if (pthread_create(&p->workers[i], NULL, worker_main, p) != 0)
            break;
        p->threads++;
    }
    if (p->threads == 0) {
        fl_pipeline_free(p);
        return NULL;
    }
    return p;
}

unsigned fl_pipeline_threads(const fl_pipeline *p) { return p->threads; }

/* Delivers the tail slot once it is done. Called with the lock held; the
 * callback runs unlocked. Returns 0 if the callback asked to stop. */
static int deliver_tail(fl_pipeline *p)
{
    slot *sl = &p->slots[p->tail % p->nslots];
    while (sl->state != SLOT_DONE)
        pthread_cond_wait(&p->work_done, &p->lock);
    pthread_mutex_unlock(&p->lock);
    int go_on = p->stopped_by_callback
                    ? 0
                    : p->on_result(&sl->article, fl_buffer_data(&sl->json), fl_buffer_len(&sl->json), sl->status,
                                   p->user);
    pthread_mutex_lock(&p->lock);
    sl->state = SLOT_FREE;
    p->tail++;
    if (!go_on)
        p->stopped_by_callback = 1;
    return go_on;
}

fl_status fl_pipeline_push(fl_pipeline *p, const fl_article *a)
{
    pthread_mutex_lock(&p->lock);
    while (p->head - p->tail >= p->nslots)
        deliver_tail(p);
    /* Deliver whatever is already done, to keep latency low. */
    while (p->tail < p->head && p->slots[p->tail % p->nslots].state == SLOT_DONE)
        deliver_tail(p);
    if (p->stopped_by_callback) {
        pthread_mutex_unlock(&p->lock);
        return FL_ERR_USAGE;
    }
    slot *sl = &p->slots[p->head % p->nslots];
    pthread_mutex_unlock(&p->lock);
    /* The slot is free and no worker looks at it until head moves. */
    if (!fill_slot(sl, a))
        return FL_ERR_NOMEM;
    pthread_mutex_lock(&p->lock);
    sl->state = SLOT_FILLED;
    p->head++;
    pthread_cond_signal(&p->work_ready);
    pthread_mutex_unlock(&p->lock);
    return FL_OK;
}

fl_status fl_pipeline_finish(fl_pipeline *p)
{
    pthread_mutex_lock(&p->lock);
    while (p->tail < p->head)
        deliver_tail(p);
    int stopped = p->stopped_by_callback;
    pthread_mutex_unlock(&p->lock);
    return stopped ? FL_ERR_USAGE : FL_OK;
}

void fl_pipeline_free(fl_pipeline *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->lock);
    p->stopping = 1;
    pthread_cond_broadcast(&p->work_ready);
    pthread_mutex_unlock(&p->lock);
    for (unsigned i = 0; i < p->threads; i++)
        pthread_join(p->workers[i], NULL);
    for (size_t i = 0; i < p->nslots; i++) {
        slot *sl = &p->slots[i];
        fl_buffer_release(&sl->text);
        fl_buffer_release(&sl->id);
        fl_buffer_release(&sl->source);
        fl_buffer_release(&sl->url);
        fl_buffer_release(&sl->file);
        fl_buffer_release(&sl->warn_text);
        fl_buffer_release(&sl->json);
    }
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->work_ready);
    pthread_cond_destroy(&p->work_done);
    free(p->slots);
    free(p->workers);
    free(p);
}
