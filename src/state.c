/*
 * state.c - state files: the whole machine in a file other tools can read.
 *
 * A state file is a snapshot (.snp) whose first lines are comments that
 * record what a snapshot cannot: A, CI, PI, the lamp, the fault flag and the
 * step count, as
 *
 *     ; ssem-state: a=-3 ci=13 pi=57344 lamp=1 fault=0 steps=2097154
 *
 * Other tools' .snp readers skip ';' lines and load the store; ssem_load
 * does too. ssem_load_state reads the store the same way and then the
 * registers, so an interrupted run can resume exactly where it stopped.
 */
#include "internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STATE_TAG "; ssem-state:"

char *ssem_write_state(const ssem_t *m)
{
    char *snp = ssem_write(SSEM_FORMAT_SNP, m->store);
    if (snp == NULL)
        return NULL;
    char head[256];
    int n = snprintf(head, sizeof head,
                     "; ssem state file: a snapshot with the registers in the next line\n"
                     STATE_TAG " a=%" PRId32 " ci=%" PRIu32 " pi=%" PRIu32
                     " lamp=%d fault=%d steps=%" PRIu64 "\n",
                     ssem_word_signed(m->a), m->ci, m->pi, m->lamp ? 1 : 0, m->fault ? 1 : 0,
                     m->steps);
    size_t len = strlen(snp);
    char *out = malloc((size_t)n + len + 1);
    if (out != NULL) {
        memcpy(out, head, (size_t)n);
        memcpy(out + n, snp, len + 1);
    }
    free(snp);
    return out;
}

/* Parses an unsigned decimal (with an optional '-' when allow_minus) up to
 * `max`; returns the position after it or NULL. */
static const char *parse_number(const char *s, const char *end, uint64_t max, bool allow_minus,
                                uint64_t *value, bool *negative)
{
    *negative = false;
    if (allow_minus && s < end && *s == '-') {
        *negative = true;
        s++;
    }
    if (s >= end || *s < '0' || *s > '9')
        return NULL;
    uint64_t v = 0;
    while (s < end && *s >= '0' && *s <= '9') {
        uint64_t digit = (uint64_t)(*s - '0');
        if (digit > max || v > (max - digit) / 10u)
            return NULL;
        v = v * 10u + digit;
        s++;
    }
    *value = v;
    return s;
}

/* Reads the key=value pairs of one state line into *m. */
static int parse_state_line(const char *line, const char *end, int lineno, const char *name,
                            ssem_t *m, ssem_diag_t *err)
{
    static const struct {
        const char *key;
        uint64_t max;
        bool minus;
    } keys[] = {{"a", 0xFFFFFFFFu, true},    {"ci", 0xFFFFFFFFu, false},
                {"pi", 0xFFFFFFFFu, false},  {"lamp", 1, false},
                {"fault", 1, false},         {"steps", UINT64_MAX, false}};
    const char *s = line + strlen(STATE_TAG);
    for (;;) {
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\r'))
            s++;
        if (s >= end)
            return 0;
        int col = (int)(s - line) + 1;
        size_t k = 0;
        for (; k < sizeof keys / sizeof keys[0]; k++) {
            size_t n = strlen(keys[k].key);
            if ((size_t)(end - s) > n && memcmp(s, keys[k].key, n) == 0 && s[n] == '=')
                break;
        }
        if (k == sizeof keys / sizeof keys[0]) {
            ssem_diag_set(err, name, lineno, col, "unknown register in state line");
            return -1;
        }
        uint64_t v;
        bool negative;
        const char *after = parse_number(s + strlen(keys[k].key) + 1, end,
                                          keys[k].minus ? 0x80000000u : keys[k].max,
                                          keys[k].minus, &v, &negative);
        if (after == NULL || (after < end && *after != ' ' && *after != '\t' && *after != '\r') ||
            (keys[k].minus && !negative && v > 0x7FFFFFFFu)) {
            ssem_diag_set(err, name, lineno, col, "bad value for '%s' in state line",
                          keys[k].key);
            return -1;
        }
        uint32_t w = negative ? 0u - (uint32_t)v : (uint32_t)v;
        switch (k) {
        case 0: m->a = w; break;
        case 1: m->ci = w; break;
        case 2: m->pi = w; break;
        case 3: m->lamp = v != 0; break;
        case 4: m->fault = v != 0; break;
        default: m->steps = v; break;
        }
        s = after;
    }
}

int ssem_load_state(const char *text, size_t len, const char *name, ssem_t *m,
                    ssem_diag_t *err)
{
    if (ssem_is_url(text, len))
        return ssem_load_url(text, len, name, m, err);
    ssem_image_t img;
    if (ssem_load(text, len, name, SSEM_FORMAT_SNP, &img, err) != 0)
        return -1;
    ssem_t loaded = *m;
    ssem_load_image(&loaded, &img);
    const char *p = text, *end = text + len;
    for (int lineno = 1; p < end; lineno++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = nl ? nl : end;
        size_t tag = strlen(STATE_TAG);
        if ((size_t)(line_end - p) >= tag && memcmp(p, STATE_TAG, tag) == 0 &&
            parse_state_line(p, line_end, lineno, name, &loaded, err) != 0)
            return -1;
        p = nl ? nl + 1 : end;
    }
    if (loaded.fault && !loaded.lamp) {
        ssem_diag_set(err, name, 0, 0, "state line says fault=1 with lamp=0");
        return -1;
    }
    *m = loaded;
    return 0;
}
