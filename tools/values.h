/*
 * values.h - the one strict parser of option values, for every subcommand
 * (tools/options.c calls these and turns a failure into bad usage).
 *
 * Strict means: the whole text is the value, nothing before or after it.
 * No sign, no space, no hex, no "inf"/"nan"; a count is decimal digits only
 * (so ' -1', '+5', ' 5', '0x10' and '1e3' are refused); a real number is
 * digits with an optional fraction and exponent (2.5, 1e6, 0.25). Keywords
 * (max, x) are matched without regard to case, as every keyword value of
 * the command is (formats, tubes, engines, --to): see docs/ssem.1.
 *
 * Nothing here prints or exits, so tests/unit/test_values.c can try every
 * spelling.
 */
#ifndef SSEM_VALUES_H
#define SSEM_VALUES_H

#include "ssem.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Speeds are multiples of 1948 real time; VALUE_SPEED_MAX (0) is flat out.
 * The bounds are the library's, which the panel (ssem_panel_set_speed)
 * enforces too. */
#define VALUE_SPEED_MAX SSEM_SPEED_MAX
#define VALUE_SPEED_LOW SSEM_SPEED_LOW
#define VALUE_SPEED_HIGH SSEM_SPEED_HIGH
/* The digit period, in microseconds (10: 1.44 ms an instruction). */
#define VALUE_PERIOD_LOW SSEM_DIGIT_PERIOD_LOW_US
#define VALUE_PERIOD_HIGH SSEM_DIGIT_PERIOD_HIGH_US

/* A count: decimal digits only, at most max. 0, or -1. */
int value_count(const char *text, uint64_t max, uint64_t *out);
/* A real number: digits, then optionally '.' and digits, then optionally
 * 'e' or 'E', an optional '-' or '+', and digits; finite, from low to high
 * inclusive. 0, or -1. */
int value_real(const char *text, double low, double high, double *out);
/* A speed: "1948" (real time; the number 1948 however written, 1948.0 as
 * well), "max" (flat out), or a multiple of real time written N or xN
 * (x2.5, 10, x1948), from VALUE_SPEED_LOW to VALUE_SPEED_HIGH. 0, or -1. */
int value_speed(const char *text, double *speed);
/* The index of text in the NULL-terminated list of words, case ignored;
 * -1 when it is none of them. */
int value_keyword(const char *text, const char *const *words);
/* Case-insensitive equality of two ASCII words. */
bool value_same_word(const char *a, const char *b);

#endif
