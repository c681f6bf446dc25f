/*
 * first_program.h - the amended first program of 1948 (SPEC section 9), as
 * the lecture's listing gives it: lines 0-24, bit 0 first. Shared by the
 * tests that need a long, well-known run (2,097,154 steps, 131072 in line 27).
 * Typed from the lecture, not from programs/first.lst, so that a mistake in
 * one copy shows up as a disagreement with the other.
 */
#ifndef SSEM_FIRST_PROGRAM_H
#define SSEM_FIRST_PROGRAM_H

#include "ssem.h"

#define FIRST_PROGRAM_LINES 25u
#define FIRST_PROGRAM_STEPS 2097154u

static const char *const first_program_bits[FIRST_PROGRAM_LINES] = {
    "00000000000000000000000000000000", "00011000000000100000000000000000",
    "01011000000001100000000000000000", "01011000000000100000000000000000",
    "11011000000001100000000000000000", "11101000000000100000000000000000",
    "11011000000000010000000000000000", "00000000000000110000000000000000",
    "00101000000001000000000000000000", "01011000000000010000000000000000",
    "10011000000001100000000000000000", "10011000000000100000000000000000",
    "00000000000000110000000000000000", "00000000000001110000000000000000",
    "01011000000000100000000000000000", "10101000000000010000000000000000",
    "11011000000001100000000000000000", "11011000000000100000000000000000",
    "01011000000001100000000000000000", "01101000000000000000000000000000",
    "10111111111111111111111111111111", "10000000000000000000000000000000",
    "00100000000000000000000000000000", "00000000000000000011111111111111",
    "11111111111111111100000000000000",
};

/* A SPEC-style bit string (bit 0 first) as a word. */
static inline uint32_t bits_to_word(const char *s)
{
    uint32_t w = 0;
    for (uint32_t i = 0; i < 32; i++)
        if (s[i] == '1')
            w |= 1u << i;
    return w;
}

/* Writes the program into lines 0-24 of m's store (the rest untouched). */
static inline void put_first_program(ssem_t *m)
{
    for (uint32_t l = 0; l < FIRST_PROGRAM_LINES; l++)
        m->store[l] = bits_to_word(first_program_bits[l]);
}

#endif
