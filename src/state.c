/*
 * state.c - state files: the whole machine in a file other tools can read.
 *
 * A state file is a snapshot (.snp) whose first line is a comment that
 * records what a snapshot cannot: the format version, A, CI, PI, the lamp,
 * the fault flag and the step count:
 *
 *     ; ssem-state: version=2 a=-3 ci=13 pi=57344 lamp=1 fault=0 steps=2097154
 *     ; Manchester Baby store, written by ssem 0.2.0
 *     32
 *     0000:00000000000000000000000000000000
 *     ...                                        (all 32 store lines)
 *
 * Other tools' .snp readers skip ';' lines and load the store. A file is a
 * state file only by that first line (an assembly comment quoting the tag
 * further down is just a comment), so a state file is recognised by where
 * the registers are, and can never be mistaken for a plain snapshot and
 * lose them. Version 1 (this project's first state files) put a fixed
 * sentence on line 1 and the register line, without a version key, on line
 * 2; it is still read.
 *
 * A state file is written whole, so one that is not whole is corrupt and
 * refused: every register must be given once, all 32 store lines must be
 * there, no second register line may appear, and the registers must be a
 * state the machine can be in (a fault lights the lamp and needs CI bits
 * 13-15 set; a lamp lit without a fault needs an STP as the last word
 * obeyed, PI).
 */
#include "internal.h"
#include "text.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define STATE_TAG "; ssem-state:"
#define STATE_V1_INTRO "; ssem state file: a snapshot with the registers in the next line"

size_t ssem_write_state(const ssem_t *m, char *buf, size_t size)
{
    if (size > 0)
        buf[0] = '\0';
    int n = snprintf(buf, size,
                     STATE_TAG " version=%d a=%" PRId32 " ci=%" PRIu32 " pi=%" PRIu32
                               " lamp=%d fault=%d steps=%" PRIu64 "\n",
                     SSEM_STATE_VERSION, ssem_word_signed(m->a), m->ci, m->pi, m->lamp ? 1 : 0,
                     m->fault ? 1 : 0, m->steps);
    if (n < 0 || (size_t)n >= size) {
        if (size > 0)
            buf[0] = '\0';
        return 0;
    }
    size_t k = ssem_write(SSEM_FORMAT_SNP, m->store, buf + n, size - (size_t)n);
    if (k == 0) {
        buf[0] = '\0';
        return 0;
    }
    return (size_t)n + k;
}

/* Does line s[0..n) begin (after blanks) with the register tag? */
static bool is_tag_line(const char *s, size_t n)
{
    size_t i = ssem_skip_blanks(s, n, 0), t = strlen(STATE_TAG);
    return n - i >= t && memcmp(s + i, STATE_TAG, t) == 0;
}

/* s[0..n) without leading and trailing blanks equals want. */
static bool trimmed_equal(const char *s, size_t n, const char *want)
{
    size_t i = ssem_skip_blanks(s, n, 0);
    while (n > i && ssem_is_blank(s[n - 1]))
        n--;
    return n - i == strlen(want) && memcmp(s + i, want, n - i) == 0;
}

int ssem_state_header(const char *text, size_t len)
{
    ssem_lines_t it;
    ssem_lines_init(&it, text, len);
    const char *s;
    size_t n;
    if (!ssem_lines_next(&it, &s, &n))
        return 0;
    if (is_tag_line(s, n))
        return 1;
    if (trimmed_equal(s, n, STATE_V1_INTRO) && ssem_lines_next(&it, &s, &n) && is_tag_line(s, n))
        return 2;
    return 0;
}

/* Parses an unsigned decimal (with an optional '-' when allow_minus) up to
 * `max`; returns the index after it, or 0 when there is none or it is too
 * large. */
static size_t parse_number(const char *s, size_t n, size_t i, uint64_t max, bool allow_minus,
                           uint64_t *value, bool *negative)
{
    *negative = false;
    if (allow_minus && i < n && s[i] == '-') {
        *negative = true;
        i++;
    }
    if (i >= n || !ssem_is_digit(s[i]))
        return 0;
    uint64_t v = 0;
    while (i < n && ssem_is_digit(s[i])) {
        uint64_t digit = (uint64_t)(s[i] - '0');
        if (digit > max || v > (max - digit) / 10u)
            return 0;
        v = v * 10u + digit;
        i++;
    }
    *value = v;
    return i;
}

enum { K_VERSION, K_A, K_CI, K_PI, K_LAMP, K_FAULT, K_STEPS, K_COUNT };

static const struct {
    const char *key;
    uint64_t max;
    bool minus;
} keys[K_COUNT] = {
    {"version", 1000u, false},   {"a", 0xFFFFFFFFu, true}, {"ci", 0xFFFFFFFFu, false},
    {"pi", 0xFFFFFFFFu, false},  {"lamp", 1, false},        {"fault", 1, false},
    {"steps", UINT64_MAX, false},
};

/* One register line, as read. */
typedef struct regs {
    uint64_t value[K_COUNT];
    int col[K_COUNT]; /* where each key was; 0: not given */
    int end_col;      /* just past the last key */
} regs_t;

/* Reads the key=value pairs of the register line s[0..n). */
static int parse_register_line(const char *s, size_t n, int lineno, const char *name,
                               regs_t *r, ssem_diag_t *err)
{
    memset(r, 0, sizeof *r);
    size_t i = ssem_skip_blanks(s, n, 0) + strlen(STATE_TAG);
    for (;;) {
        i = ssem_skip_blanks(s, n, i);
        r->end_col = ssem_col_of(i);
        if (i >= n)
            return 0;
        int col = ssem_col_of(i);
        size_t k = 0, kn = 0;
        for (; k < K_COUNT; k++) {
            kn = strlen(keys[k].key);
            if (n - i > kn && memcmp(s + i, keys[k].key, kn) == 0 && s[i + kn] == '=')
                break;
        }
        if (k == K_COUNT) {
            ssem_diag_set(err, name, lineno, col, "unknown register in the state line");
            return -1;
        }
        if (r->col[k] != 0) {
            ssem_diag_set(err, name, lineno, col, "'%s' given twice in the state line",
                          keys[k].key);
            return -1;
        }
        uint64_t v = 0;
        bool negative;
        size_t after = parse_number(s, n, i + kn + 1u, keys[k].minus ? 0x80000000u : keys[k].max,
                                    keys[k].minus, &v, &negative);
        if (after == 0 || (after < n && !ssem_is_blank(s[after])) ||
            (keys[k].minus && !negative && v > 0x7FFFFFFFu)) {
            ssem_diag_set(err, name, lineno, col, "bad value for '%s' in the state line",
                          keys[k].key);
            return -1;
        }
        r->value[k] = negative ? (uint64_t)(0u - (uint32_t)v) : v;
        r->col[k] = col;
        i = after;
    }
}

/* The registers given must be all there, and of a version we read. */
static int check_keys(const regs_t *r, int version, int lineno, const char *name,
                      ssem_diag_t *err)
{
    if (version == 1 && r->col[K_VERSION] != 0 && r->value[K_VERSION] != 1u) {
        ssem_diag_set(err, name, lineno, r->col[K_VERSION],
                      "a version 1 state file (the register line on line 2) says version=%" PRIu64,
                      r->value[K_VERSION]);
        return -1;
    }
    if (version != 1) {
        if (r->col[K_VERSION] == 0) {
            ssem_diag_set(err, name, lineno, 1, "the state line has no 'version'");
            return -1;
        }
        if (r->value[K_VERSION] != (uint64_t)SSEM_STATE_VERSION) {
            ssem_diag_set(err, name, lineno, r->col[K_VERSION],
                          "state file version %" PRIu64 " is not one this library reads "
                          "(1 and %d)",
                          r->value[K_VERSION], SSEM_STATE_VERSION);
            return -1;
        }
    }
    for (int k = K_A; k < K_COUNT; k++)
        if (r->col[k] == 0) {
            ssem_diag_set(err, name, lineno, r->end_col,
                          "the state line lacks '%s': the file is incomplete", keys[k].key);
            return -1;
        }
    return 0;
}

/* Fills *m from the registers and the store, which must be a state the
 * machine can be in. */
static int set_machine(const regs_t *r, int lineno, const char *name, const ssem_image_t *img,
                       ssem_t *m, ssem_diag_t *err)
{
    m->a = (uint32_t)r->value[K_A];
    m->ci = (uint32_t)r->value[K_CI];
    m->pi = (uint32_t)r->value[K_PI];
    m->lamp = r->value[K_LAMP] != 0u;
    m->fault = r->value[K_FAULT] != 0u;
    m->steps = r->value[K_STEPS];
    memcpy(m->store, img->word, sizeof m->store);
    if (m->fault && !m->lamp) {
        ssem_diag_set(err, name, lineno, r->col[K_FAULT],
                      "fault=1 with lamp=0: a fault always lights the lamp");
        return -1;
    }
    if (m->fault && (m->ci & SSEM_CI_FAULT_BITS) == 0u) {
        ssem_diag_set(err, name, lineno, r->col[K_FAULT],
                      "fault=1 but CI = %" PRIu32 " has none of bits 13-15 set: no fetch from "
                      "it can fault",
                      m->ci);
        return -1;
    }
    if (m->lamp && !m->fault && ssem_word_function(m->pi) != SSEM_F7) {
        ssem_diag_set(err, name, lineno, r->col[K_LAMP],
                      "lamp=1 without a fault, but PI = %" PRIu32 " is not an STP: nothing "
                      "lit the lamp",
                      m->pi);
        return -1;
    }
    return 0;
}

int ssem_state_read(const char *text, size_t len, const char *name, ssem_image_t *img,
                    ssem_t *m, ssem_diag_t *err)
{
    int reg_line = ssem_state_header(text, len);
    if (reg_line == 0) {
        ssem_diag_set(err, name, 1, 1,
                      "not a state file: it does not start with a '" STATE_TAG "' line");
        return -1;
    }
    ssem_lines_t it;
    ssem_lines_init(&it, text, len);
    const char *s;
    size_t n;
    regs_t r;
    memset(&r, 0, sizeof r);
    while (ssem_lines_next(&it, &s, &n)) {
        if (it.lineno == reg_line) {
            if (parse_register_line(s, n, it.lineno, name, &r, err) != 0)
                return -1;
        } else if (is_tag_line(s, n)) {
            ssem_diag_set(err, name, it.lineno, ssem_col_of(ssem_skip_blanks(s, n, 0)),
                          "a second state line: the registers are given once, on line %d",
                          reg_line);
            return -1;
        }
    }
    if (check_keys(&r, reg_line == 2 ? 1 : SSEM_STATE_VERSION, reg_line, name, err) != 0 ||
        ssem_snp_parse(text, len, name, img, err) != 0)
        return -1;
    if (img->defined != 0xFFFFFFFFu) {
        uint32_t missing = 0;
        while ((img->defined >> missing) & 1u)
            missing++;
        ssem_diag_set(err, name, it.lineno + 1, 1,
                      "incomplete state file: store line %u is missing (a state file lists "
                      "all 32)",
                      (unsigned)missing);
        return -1;
    }
    return set_machine(&r, reg_line, name, img, m, err);
}
