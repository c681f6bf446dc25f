/*
 * values.c - strict option values (see values.h). The checks are done by
 * hand on the characters before strtoull/strtod see the text, because those
 * functions skip leading spaces, take signs, hex, "inf" and "nan": exactly
 * what made ' -1' mean "no limit" and '0x10' a speed.
 */
#include "values.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

bool value_same_word(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (lower(*a) != lower(*b))
            return false;
    return *a == *b;
}

int value_keyword(const char *text, const char *const *words)
{
    for (int i = 0; words[i] != NULL; i++)
        if (value_same_word(text, words[i]))
            return i;
    return -1;
}

int value_count(const char *text, uint64_t max, uint64_t *out)
{
    if (*text == '\0')
        return -1;
    uint64_t v = 0;
    for (const char *p = text; *p; p++) {
        if (!is_digit(*p))
            return -1;
        uint64_t d = (uint64_t)(*p - '0');
        if (v > (UINT64_MAX - d) / 10u)
            return -1; /* more than 2^64 - 1 */
        v = v * 10u + d;
    }
    if (v > max)
        return -1;
    *out = v;
    return 0;
}

int value_number(const char *text, uint64_t max, uint64_t *out, bool *negative)
{
    bool neg = negative != NULL && *text == '-';
    const char *p = text + (neg ? 1 : 0);
    uint64_t v = 0;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        p += 2;
        if (*p == '\0')
            return -1;
        for (; *p; p++) {
            char c = lower(*p);
            unsigned d;
            if (is_digit(c))
                d = (unsigned)(c - '0');
            else if (c >= 'a' && c <= 'f')
                d = (unsigned)(c - 'a') + 10u;
            else
                return -1;
            if (v > (UINT64_MAX >> 4))
                return -1; /* more than 2^64 - 1 */
            v = v << 4 | d;
        }
        if (v > max)
            return -1;
    } else if (value_count(p, max, &v) != 0) {
        return -1;
    }
    *out = v;
    if (negative != NULL)
        *negative = neg;
    return 0;
}

int value_real(const char *text, double low, double high, double *out)
{
    const char *p = text;
    if (!is_digit(*p))
        return -1;
    while (is_digit(*p))
        p++;
    if (*p == '.') {
        p++;
        while (is_digit(*p))
            p++;
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '-' || *p == '+')
            p++;
        if (!is_digit(*p))
            return -1;
        while (is_digit(*p))
            p++;
    }
    if (*p != '\0')
        return -1;
    errno = 0;
    char *end;
    double v = strtod(text, &end);
    /* strtod honours the locale's decimal point; the command parses options
     * before it sets a locale, so '.' is the point. Anything it did not take
     * whole (or an overflow) is refused. */
    if (*end != '\0' || !isfinite(v) || !(v >= low) || !(v <= high))
        return -1;
    *out = v;
    return 0;
}

int value_speed(const char *text, double *speed)
{
    if (value_same_word(text, "max")) {
        *speed = VALUE_SPEED_MAX;
        return 0;
    }
    bool times = text[0] == 'x' || text[0] == 'X';
    double v;
    if (value_real(times ? text + 1 : text, VALUE_SPEED_LOW, VALUE_SPEED_HIGH, &v) != 0)
        return -1;
    /* a bare 1948 is the year: the Baby's own speed; x1948 is 1948 times it */
    *speed = !times && v == 1948.0 ? 1.0 : v;
    return 0;
}
