/*
 * jdoc.h — a read-only JSON document for the store path: one `factline
 * extract --text` line parsed in place (strings unescaped into the copy of
 * the line the document owns), values in a chunked arena, members and
 * elements as sibling lists. Made for reading one object once, fast: a
 * general library (jansson) spent more than half of the store path building
 * and freeing its tree. Strict JSON (RFC 8259) with valid UTF-8 and no NUL
 * in strings, as jansson accepted; a duplicated member's last value wins.
 * Not for: writing JSON (output/json.c), or documents kept around.
 */
#ifndef FL_STORE_JDOC_H
#define FL_STORE_JDOC_H

#include <stddef.h>
#include <string.h>

typedef enum jd_type { JD_NULL, JD_FALSE, JD_TRUE, JD_INT, JD_REAL, JD_STRING, JD_ARRAY, JD_OBJECT } jd_type;

typedef struct jd_value jd_value;
struct jd_value {
    jd_type type;
    size_t len;       /* a string's bytes; an array's or object's children */
    const char *key;  /* the member name, inside an object (NUL-terminated) */
    size_t key_len;   /* its bytes */
    jd_value *next;   /* the next element or member */
    union {
        long long i;
        double d;
        const char *s; /* NUL-terminated, len bytes */
        jd_value *first;
    } u;
};

typedef struct jd_doc jd_doc;

jd_doc *jd_new(void);
void jd_free(jd_doc *d);

/* Parses json[0, len). Returns the root, or NULL with a message naming the
 * byte offset in jd_error. The previous document's values are released. */
jd_value *jd_parse(jd_doc *d, const char *json, size_t len);
const char *jd_error(const jd_doc *d);

/* A member of an object (NULL if v is no object or has none). Inline so
 * that a literal name's length is known when compiling. */
jd_value *jd_get_n(const jd_value *v, const char *key, size_t len);
static inline jd_value *jd_get(const jd_value *v, const char *key) { return jd_get_n(v, key, strlen(key)); }

static inline int jd_is(const jd_value *v, jd_type t) { return v && v->type == t; }
static inline int jd_is_number(const jd_value *v) { return v && (v->type == JD_INT || v->type == JD_REAL); }
static inline double jd_number(const jd_value *v) { return v->type == JD_INT ? (double)v->u.i : v->u.d; }
static inline const char *jd_string(const jd_value *v) { return jd_is(v, JD_STRING) ? v->u.s : NULL; }
/* The first element or member of an array or object, NULL if none. */
static inline jd_value *jd_first(const jd_value *v)
{
    return v && (v->type == JD_ARRAY || v->type == JD_OBJECT) ? v->u.first : NULL;
}

#endif
