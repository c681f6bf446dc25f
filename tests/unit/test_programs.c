/*
 * test_programs.c - the golden programs: every programs/NAME.asm, NAME.lst
 * or NAME.snp with a NAME.expect beside it is loaded with the library, run
 * from reset, and its final state checked against every key of the .expect
 * file (format in programs/README.md):
 *
 *     # comment (the hand derivation of the values)
 *     status=halted        ssem_stop_name() of the run's result
 *     steps=141            instructions executed, STP counted
 *     a=-143               accumulator, signed decimal
 *     ci=19                control instruction, unsigned decimal
 *     line.24=143          store line 24, signed decimal
 *     bits.21=1000...0     store line 21 as 32 characters of 0/1, bit 0 first
 *
 * The programs are found with opendir() in programs/ and programs/historic/
 * (the Baby's own programs of 1948), so a new program joins the test by
 * being added to either. A symbolic link (programs/first.lst, kept for the
 * old path, points into historic/) is skipped: its target is run where it
 * lies. The test also insists on finding at least MIN_PROGRAMS of them, and
 * MIN_HISTORIC in historic/, so that it cannot pass by finding none.
 * Run with the repository root as the working directory.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "ssem.h"

#define PROGRAMS_DIR "programs"
#define HISTORIC_DIR "programs/historic"
#define MIN_PROGRAMS 14
#define MIN_HISTORIC 8
#define MAX_PROGRAMS 256
#define RUN_BUDGET 10000000u

static char *programs[MAX_PROGRAMS]; /* "programs/NAME.ext", sorted */
static int nprograms;
static int nhistoric; /* of which in programs/historic/ */
static const char *current; /* the program RUN is checking */

/* Reads a whole file into a new NUL-terminated buffer; NULL on failure. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (n + 1 < cap)
            break;
        char *bigger = realloc(buf, cap * 2);
        if (!bigger) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf || bad) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

/* "programs/x.asm" -> "programs/x.expect" in a new buffer. */
static char *expect_path(const char *program)
{
    const char *dot = strrchr(program, '.');
    size_t stem = dot ? (size_t)(dot - program) : strlen(program);
    char *p = malloc(stem + sizeof ".expect");
    if (p) {
        memcpy(p, program, stem);
        memcpy(p + stem, ".expect", sizeof ".expect");
    }
    return p;
}

static int file_exists(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f)
        fclose(f);
    return f != NULL;
}

static int compare_names(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Adds to programs[] every program file of dir that has a .expect beside
 * it, symbolic links left out; returns how many. */
static int find_programs_in(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "cannot open %s/: %s (run from the repository root)\n", dir,
                strerror(errno));
        return 0;
    }
    int found = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && nprograms < MAX_PROGRAMS) {
        const char *name = e->d_name;
        if (name[0] == '.' ||
            !(has_suffix(name, ".asm") || has_suffix(name, ".lst") || has_suffix(name, ".snp")))
            continue;
        size_t len = strlen(dir) + strlen(name) + 2;
        char *path = malloc(len);
        if (!path)
            break;
        snprintf(path, len, "%s/%s", dir, name);
        struct stat st;
        char *exp = expect_path(path);
        if (lstat(path, &st) == 0 && !S_ISLNK(st.st_mode) && exp && file_exists(exp)) {
            programs[nprograms++] = path;
            found++;
        } else {
            free(path);
        }
        free(exp);
    }
    closedir(d);
    return found;
}

/* Fills programs[] with every program of programs/ and programs/historic/. */
static void find_programs(void)
{
    find_programs_in(PROGRAMS_DIR);
    nhistoric = find_programs_in(HISTORIC_DIR);
    qsort(programs, (size_t)nprograms, sizeof programs[0], compare_names);
}

/* Parses a signed decimal; returns 0 and sets *v, or -1. */
static int parse_int(const char *s, long long *v)
{
    char *end;
    errno = 0;
    *v = strtoll(s, &end, 10);
    return (end == s || *end != '\0' || errno != 0) ? -1 : 0;
}

/* Parses "line.K" / "bits.K" suffixes: K in 0..31. */
static int parse_line_number(const char *s, uint32_t *line)
{
    long long v;
    if (parse_int(s, &v) != 0 || v < 0 || v >= (long long)SSEM_LINES)
        return -1;
    *line = (uint32_t)v;
    return 0;
}

static void word_to_bits(uint32_t w, char out[33])
{
    for (unsigned i = 0; i < 32; i++)
        out[i] = (char)('0' + ((w >> i) & 1u));
    out[32] = '\0';
}

#define FAIL_KEY(key, fmt, ...)                                                        \
    do {                                                                               \
        fprintf(stderr, "%s: %s: " fmt "\n", current, key, __VA_ARGS__);              \
        check_current_failed = 1;                                                      \
    } while (0)

/* Checks one "key=value" of the .expect file against the final machine. */
static void check_key(const ssem_t *m, ssem_stop_t why, const char *key, const char *value)
{
    long long v;
    uint32_t line;
    if (strcmp(key, "status") == 0) {
        if (strcmp(ssem_stop_name(why), value) != 0)
            FAIL_KEY(key, "got %s, want %s", ssem_stop_name(why), value);
    } else if (strcmp(key, "steps") == 0) {
        if (parse_int(value, &v) != 0 || v < 0)
            FAIL_KEY(key, "bad value '%s'", value);
        else if (m->steps != (uint64_t)v)
            FAIL_KEY(key, "got %llu, want %lld", (unsigned long long)m->steps, v);
    } else if (strcmp(key, "a") == 0) {
        if (parse_int(value, &v) != 0)
            FAIL_KEY(key, "bad value '%s'", value);
        else if ((long long)ssem_word_signed(m->a) != v)
            FAIL_KEY(key, "got %ld, want %lld", (long)ssem_word_signed(m->a), v);
    } else if (strcmp(key, "ci") == 0) {
        if (parse_int(value, &v) != 0 || v < 0)
            FAIL_KEY(key, "bad value '%s'", value);
        else if ((long long)m->ci != v)
            FAIL_KEY(key, "got %lu, want %lld", (unsigned long)m->ci, v);
    } else if (strncmp(key, "line.", 5) == 0) {
        if (parse_line_number(key + 5, &line) != 0 || parse_int(value, &v) != 0)
            FAIL_KEY(key, "bad key or value '%s'", value);
        else if ((long long)ssem_word_signed(m->store[line]) != v)
            FAIL_KEY(key, "got %ld, want %lld", (long)ssem_word_signed(m->store[line]), v);
    } else if (strncmp(key, "bits.", 5) == 0) {
        char bits[33];
        if (parse_line_number(key + 5, &line) != 0 || strlen(value) != 32 ||
            strspn(value, "01") != 32) {
            FAIL_KEY(key, "bad key or value '%s'", value);
        } else {
            word_to_bits(m->store[line], bits);
            if (strcmp(bits, value) != 0)
                FAIL_KEY(key, "got %s, want %s", bits, value);
        }
    } else {
        FAIL_KEY(key, "unknown key (value '%s')", value);
    }
}

/* Loads, runs and checks the program named by `current`. */
static void test_program(void)
{
    size_t len = 0, elen = 0;
    char *text = read_file(current, &len);
    char *epath = expect_path(current);
    char *expect = epath ? read_file(epath, &elen) : NULL;
    CHECK(text != NULL);
    CHECK(expect != NULL);
    if (!text || !expect)
        goto out;

    ssem_image_t img;
    ssem_diag_t err;
    memset(&err, 0, sizeof err);
    if (ssem_load(text, len, current, SSEM_FORMAT_AUTO, &img, &err) != 0) {
        char msg[512];
        ssem_diag_format(&err, text, len, msg, sizeof msg);
        fprintf(stderr, "%s: does not load: %s", current, msg);
        check_current_failed = 1;
        goto out;
    }
    for (int i = 0; i < img.nwarnings && i < SSEM_MAX_WARNINGS; i++) {
        char msg[512];
        ssem_diag_format(&img.warning[i], text, len, msg, sizeof msg);
        fprintf(stderr, "%s: warning: %s", current, msg);
    }

    ssem_t m;
    memset(&m, 0, sizeof m);
    ssem_load_image(&m, &img);
    ssem_stop_t why = ssem_run(&m, RUN_BUDGET, 0);

    /* Every non-comment line is key=value; status and steps must be there. */
    int keys = 0, have_status = 0, have_steps = 0;
    char *save = NULL;
    for (char *l = strtok_r(expect, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        size_t n = strlen(l);
        while (n > 0 && (l[n - 1] == '\r' || l[n - 1] == ' ' || l[n - 1] == '\t'))
            l[--n] = '\0';
        while (*l == ' ' || *l == '\t')
            l++;
        if (*l == '\0' || *l == '#')
            continue;
        char *eq = strchr(l, '=');
        if (!eq) {
            fprintf(stderr, "%s: malformed line '%s'\n", epath, l);
            check_current_failed = 1;
            continue;
        }
        *eq = '\0';
        have_status |= strcmp(l, "status") == 0;
        have_steps |= strcmp(l, "steps") == 0;
        check_key(&m, why, l, eq + 1);
        keys++;
    }
    if (!have_status || !have_steps) {
        fprintf(stderr, "%s: must give status and steps\n", epath);
        check_current_failed = 1;
    }
    CHECK(keys >= 4);

out:
    if (check_current_failed)
        fprintf(stderr, "FAIL %s\n", current);
    free(text);
    free(expect);
    free(epath);
}

/* The test cannot pass vacuously: the programs must be there. */
static void test_enough_programs(void)
{
    if (nprograms < MIN_PROGRAMS)
        fprintf(stderr, "found %d programs with a .expect in %s/, want at least %d\n",
                nprograms, PROGRAMS_DIR, MIN_PROGRAMS);
    CHECK(nprograms >= MIN_PROGRAMS);
    if (nhistoric < MIN_HISTORIC)
        fprintf(stderr, "found %d programs with a .expect in %s/, want at least %d\n",
                nhistoric, HISTORIC_DIR, MIN_HISTORIC);
    CHECK(nhistoric >= MIN_HISTORIC);
}

int main(void)
{
    find_programs();
    RUN(test_enough_programs);
    for (int i = 0; i < nprograms; i++) {
        current = programs[i];
        RUN(test_program);
        free(programs[i]);
    }
    return CHECK_DONE();
}
