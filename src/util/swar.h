/*
 * swar.h — tests of eight bytes at once in a 64-bit word ("SIMD within a
 * register", after Hacker's Delight and Sean Anderson's bit hacks), for the
 * scans that read every byte of the input: a word with none of the bytes
 * looked for is passed in a few instructions instead of eight byte tests.
 * Each test is exact for "is there any such byte"; which byte it is, the
 * caller finds with a plain loop. Byte order does not matter.
 */
#ifndef FL_UTIL_SWAR_H
#define FL_UTIL_SWAR_H

#include <stdint.h>
#include <string.h>

#define FL_SWAR_ONES UINT64_C(0x0101010101010101)
#define FL_SWAR_HIGHS UINT64_C(0x8080808080808080)

/* The eight bytes at p (any alignment). */
static inline uint64_t fl_swar_load(const void *p)
{
    uint64_t x;
    memcpy(&x, p, sizeof x);
    return x;
}

/* Nonzero if some byte of x is zero. */
static inline uint64_t fl_swar_has_zero(uint64_t x) { return (x - FL_SWAR_ONES) & ~x & FL_SWAR_HIGHS; }

/* Nonzero if some byte of x equals c. */
static inline uint64_t fl_swar_has_byte(uint64_t x, unsigned char c) { return fl_swar_has_zero(x ^ (FL_SWAR_ONES * c)); }

/* Nonzero if some byte of x is below n (n <= 128). */
static inline uint64_t fl_swar_has_less(uint64_t x, unsigned n) { return (x - FL_SWAR_ONES * n) & ~x & FL_SWAR_HIGHS; }

/* Nonzero if some byte of x is above n (n <= 127). */
static inline uint64_t fl_swar_has_more(uint64_t x, unsigned n)
{
    return ((x + FL_SWAR_ONES * (127 - n)) | x) & FL_SWAR_HIGHS;
}

#endif
