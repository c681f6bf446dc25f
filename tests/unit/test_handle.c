/*
 * test_handle.c - the handle and accessor API (ssem_new, ssem_get/set,
 * ssem_store_get/set, diagnostics by accessor) and the version calls.
 *
 * These are what python/ssem.py and the WebAssembly page use instead of the
 * struct layout, so each accessor is checked against the field it names and
 * a whole run is done through them alone. Expected values come from SPEC
 * (the first program: 2,097,154 steps, 131072 in line 27, CI 13) or are
 * worked out by hand in the comments.
 */
#include "check.h"
#include "first_program.h"
#include "ssem.h"

#include <stdio.h>
#include <string.h>

/* function f, line n, per SPEC section 3 */
#define INS(f, n) ((uint32_t)(((uint32_t)(f) << 13) | (uint32_t)(n)))

static void test_version(void)
{
    /* the macros, the string and the run-time calls say the same thing */
    int major = -1, minor = -1, patch = -1;
    CHECK_EQ(sscanf(SSEM_VERSION, "%d.%d.%d", &major, &minor, &patch), 3);
    CHECK_EQ(major, SSEM_VERSION_MAJOR);
    CHECK_EQ(minor, SSEM_VERSION_MINOR);
    CHECK_EQ(patch, SSEM_VERSION_PATCH);
    CHECK_EQ(SSEM_VERSION_NUM, major * 10000L + minor * 100L + patch);
    CHECK_EQ(ssem_version(), SSEM_VERSION_NUM);
    CHECK(strcmp(ssem_version_string(), SSEM_VERSION) == 0);
}

static void test_new_is_reset(void)
{
    ssem_t *m = ssem_new();
    CHECK(m != NULL);
    if (m == NULL)
        return;
    for (uint32_t i = 0; i < SSEM_LINES; i++)
        CHECK_EQ(ssem_store_get(m, i), 0);
    for (int r = 0; r < SSEM_REG_COUNT; r++)
        CHECK_EQ(ssem_get(m, (ssem_reg_t)r), 0);
    CHECK_EQ(ssem_get_steps(m), 0);
    ssem_free(m);
    ssem_free(NULL); /* accepted, as free() */
}

static void test_accessors_are_the_fields(void)
{
    ssem_t *m = ssem_new();
    if (m == NULL) {
        CHECK(m != NULL);
        return;
    }
    CHECK_EQ(ssem_set(m, SSEM_REG_A, 0xDEADBEEFu), 0);
    CHECK_EQ(ssem_set(m, SSEM_REG_CI, 0xFFFFFFFFu), 0);
    CHECK_EQ(ssem_set(m, SSEM_REG_PI, 0x0000E000u), 0);
    CHECK_EQ(m->a, 0xDEADBEEFu);
    CHECK_EQ(m->ci, 0xFFFFFFFFu);
    CHECK_EQ(m->pi, 0x0000E000u);
    CHECK_EQ(ssem_get(m, SSEM_REG_A), 0xDEADBEEFu);
    CHECK_EQ(ssem_get(m, SSEM_REG_CI), 0xFFFFFFFFu);
    CHECK_EQ(ssem_get(m, SSEM_REG_PI), 0x0000E000u);

    ssem_set_steps(m, 5000000000u); /* beyond 32 bits */
    CHECK_EQ(m->steps, 5000000000u);
    CHECK_EQ(ssem_get_steps(m), 5000000000u);

    ssem_store_set(m, 31, 0x80000000u);
    ssem_store_set(m, 32 + 4, 7u); /* line 36 is line 4, as n = bits 0-4 */
    CHECK_EQ(m->store[31], 0x80000000u);
    CHECK_EQ(m->store[4], 7u);
    CHECK_EQ(ssem_store_get(m, 4), 7u);
    CHECK_EQ(ssem_store_get(m, 64 + 31), 0x80000000u);

    CHECK_EQ(ssem_set(m, SSEM_REG_LENIENT, 2), 0); /* any non-zero sets a flag */
    CHECK(m->lenient);
    CHECK_EQ(ssem_get(m, SSEM_REG_LENIENT), 1);

    /* out of range names: nothing read or written */
    CHECK_EQ(ssem_set(m, SSEM_REG_COUNT, 1), -1);
    CHECK_EQ(ssem_set(m, (ssem_reg_t)99, 1), -1);
    CHECK_EQ(ssem_get(m, (ssem_reg_t)99), 0);
    CHECK(ssem_reg_name((ssem_reg_t)99) == NULL);
    CHECK(strcmp(ssem_reg_name(SSEM_REG_CI), "CI") == 0);
    CHECK(strcmp(ssem_reg_name(SSEM_REG_LENIENT), "LENIENT") == 0);
    ssem_free(m);
}

static void test_lamp_and_fault_stay_consistent(void)
{
    ssem_t *m = ssem_new();
    if (m == NULL) {
        CHECK(m != NULL);
        return;
    }
    /* a fault is shown by the lamp: setting FAULT lights it */
    ssem_set(m, SSEM_REG_FAULT, 1);
    CHECK_EQ(ssem_get(m, SSEM_REG_LAMP), 1);
    CHECK_EQ(ssem_get(m, SSEM_REG_FAULT), 1);
    CHECK_EQ(ssem_step(m), SSEM_FAULT); /* a lit machine reports its fault */
    /* clearing the lamp clears the fault, as ssem_resume does */
    ssem_set(m, SSEM_REG_LAMP, 0);
    CHECK_EQ(ssem_get(m, SSEM_REG_FAULT), 0);
    /* the lamp alone: halted, not faulted */
    ssem_set(m, SSEM_REG_LAMP, 1);
    CHECK_EQ(ssem_get(m, SSEM_REG_FAULT), 0);
    CHECK_EQ(ssem_step(m), SSEM_HALTED);
    ssem_free(m);
}

/* The first program of 1948, loaded and read through accessors only. */
static void test_first_program_by_handle(void)
{
    ssem_t *m = ssem_new();
    if (m == NULL) {
        CHECK(m != NULL);
        return;
    }
    for (uint32_t i = 0; i < FIRST_PROGRAM_LINES; i++)
        ssem_store_set(m, i, bits_to_word(first_program_bits[i]));
    CHECK_EQ(ssem_run(m, 3000000, 0), SSEM_HALTED);
    /* SPEC section 9 */
    CHECK_EQ(ssem_get_steps(m), 2097154u);
    CHECK_EQ(ssem_store_get(m, 27), 131072u);
    CHECK_EQ(ssem_get(m, SSEM_REG_CI), 13u);
    CHECK_EQ(ssem_get(m, SSEM_REG_LAMP), 1u);
    CHECK_EQ(ssem_get(m, SSEM_REG_FAULT), 0u);
    CHECK_EQ(ssem_get(m, SSEM_REG_PI), INS(7, 0)); /* the STP on line 13 */
    ssem_free(m);
}

/* Writes through ssem_store_set reach every engine, even one that has
 * already translated or predecoded the line being changed. */
static void test_store_set_honours_engines(void)
{
    for (const char *const *name = ssem_engine_names(); *name != NULL; name++) {
        ssem_engine_t *e = ssem_engine_new(*name);
        ssem_t *m = ssem_new();
        CHECK(e != NULL && m != NULL);
        if (e == NULL || m == NULL) {
            ssem_engine_free(e);
            ssem_free(m);
            continue;
        }
        ssem_store_set(m, 1, INS(7, 0)); /* line 1: STP */
        CHECK_EQ(ssem_engine_run(e, m, 100, 0), SSEM_HALTED);
        CHECK_EQ(ssem_get(m, SSEM_REG_CI), 1);
        CHECK_EQ(ssem_get_steps(m), 1);

        /* now line 1 is LDN 5, line 2 STP, line 5 holds 7: from CI = 0 the
         * run is LDN 5 (A = -7 = 0xFFFFFFF9), STP at line 2: 2 more steps */
        ssem_store_set(m, 1, INS(2, 5));
        ssem_store_set(m, 2, INS(7, 0));
        ssem_store_set(m, 5, 7);
        ssem_set(m, SSEM_REG_LAMP, 0);
        ssem_set(m, SSEM_REG_CI, 0);
        CHECK_EQ(ssem_engine_run(e, m, 100, 0), SSEM_HALTED);
        CHECK_EQ(ssem_get(m, SSEM_REG_A), 0xFFFFFFF9u);
        CHECK_EQ(ssem_get(m, SSEM_REG_CI), 2);
        CHECK_EQ(ssem_get_steps(m), 3);
        if (check_current_failed)
            fprintf(stderr, "  (engine %s)\n", *name);
        ssem_engine_free(e);
        ssem_free(m);
    }
}

static void test_diag_accessors(void)
{
    ssem_diag_t *d = ssem_diag_new();
    if (d == NULL) {
        CHECK(d != NULL);
        return;
    }
    CHECK(ssem_diag_file(d) == NULL);
    CHECK_EQ(ssem_diag_line(d), 0);
    CHECK_EQ(ssem_diag_col(d), 0);
    CHECK(strcmp(ssem_diag_message(d), "") == 0);

    /* line 2, the mnemonic LDX starts in column 3 (two spaces before it) */
    const char text[] = "LDN 3\n  LDX 4\nSTP\n";
    ssem_image_t img;
    CHECK_EQ(ssem_load(text, sizeof text - 1, "bad.asm", SSEM_FORMAT_ASM, &img, d), -1);
    CHECK(ssem_diag_file(d) != NULL && strcmp(ssem_diag_file(d), "bad.asm") == 0);
    CHECK_EQ(ssem_diag_line(d), 2);
    CHECK_EQ(ssem_diag_col(d), 3);
    CHECK(strstr(ssem_diag_message(d), "LDX") != NULL);
    ssem_diag_free(d);
    ssem_diag_free(NULL);
}

static void test_image_accessors(void)
{
    ssem_image_t *img = ssem_image_new();
    ssem_diag_t err;
    if (img == NULL) {
        CHECK(img != NULL);
        return;
    }
    /* line 1 given twice (the later kept: STP = function 7 = 0xE000), line 3
     * NUM -3 = 0xFFFFFFFD; lines 1 and 3 defined: mask 0b1010 */
    const char text[] = "1: LDN 3\n1: STP\n3: NUM -3\n";
    CHECK_EQ(ssem_load(text, sizeof text - 1, "twice.asm", SSEM_FORMAT_AUTO, img, &err), 0);
    CHECK_EQ(ssem_image_word(img, 1), 0xE000u);
    CHECK_EQ(ssem_image_word(img, 3), 0xFFFFFFFDu);
    CHECK_EQ(ssem_image_word(img, 32 + 3), 0xFFFFFFFDu);
    CHECK_EQ(ssem_image_word(img, 0), 0);
    CHECK_EQ(ssem_image_defined(img), 0xAu);
    CHECK_EQ(ssem_image_format(img), SSEM_FORMAT_ASM);
    CHECK_EQ(ssem_image_nwarnings(img), 1);
    const ssem_diag_t *w = ssem_image_warning(img, 0);
    CHECK(w != NULL && ssem_diag_line(w) == 2);
    CHECK(w != NULL && strstr(ssem_diag_message(w), "twice") != NULL);
    CHECK(ssem_image_warning(img, 1) == NULL);
    CHECK(ssem_image_warning(img, -1) == NULL);
    ssem_image_free(img);
    ssem_image_free(NULL);
}

static void test_verify_accessors_and_copy(void)
{
    ssem_verify_result_t *r = ssem_verify_result_new();
    ssem_t *m = ssem_new();
    if (r == NULL || m == NULL) {
        CHECK(r != NULL && m != NULL);
        ssem_verify_result_free(r);
        ssem_free(m);
        return;
    }
    /* each accessor reads its own field: give every field a distinct value */
    r->differ = true;
    r->steps = 11;
    r->first_step = 12;
    r->stop = SSEM_LIMIT;
    r->stop_a = SSEM_HALTED;
    r->stop_b = SSEM_FAULT;
    r->before.a = 100;
    r->after_a.a = 101;
    r->after_b.a = 102;
    CHECK(ssem_verify_differ(r));
    CHECK_EQ(ssem_verify_steps(r), 11);
    CHECK_EQ(ssem_verify_first_step(r), 12);
    CHECK_EQ(ssem_verify_stop(r, 0), SSEM_LIMIT);
    CHECK_EQ(ssem_verify_stop(r, 1), SSEM_HALTED);
    CHECK_EQ(ssem_verify_stop(r, 2), SSEM_FAULT);
    CHECK_EQ(ssem_verify_stop(r, 3), SSEM_RUNNING);
    CHECK_EQ(ssem_get(ssem_verify_state(r, 0), SSEM_REG_A), 100);
    CHECK_EQ(ssem_get(ssem_verify_state(r, 1), SSEM_REG_A), 101);
    CHECK_EQ(ssem_get(ssem_verify_state(r, 2), SSEM_REG_A), 102);
    CHECK(ssem_verify_state(r, -1) == NULL);

    /* a real run: ref against fast on the first program agree all the way */
    for (uint32_t i = 0; i < FIRST_PROGRAM_LINES; i++)
        ssem_store_set(m, i, bits_to_word(first_program_bits[i]));
    CHECK_EQ(ssem_verify("ref", "fast", m, 3000000, 1000, r), 0);
    CHECK(!ssem_verify_differ(r));
    CHECK_EQ(ssem_verify_steps(r), 2097154u);
    CHECK_EQ(ssem_verify_stop(r, 0), SSEM_HALTED);

    /* ssem_copy: the whole machine, counters and options included */
    ssem_t *c = ssem_new();
    ssem_set(m, SSEM_REG_LENIENT, 1);
    ssem_set_steps(m, 77);
    if (c != NULL) {
        ssem_copy(c, m);
        CHECK(ssem_tstate_equal(c, m));
        CHECK_EQ(ssem_get_steps(c), 77);
        CHECK_EQ(ssem_get(c, SSEM_REG_LENIENT), 1);
        CHECK_EQ(ssem_store_get(c, 24), bits_to_word(first_program_bits[24]));
    }
    ssem_free(c);
    ssem_free(m);
    ssem_verify_result_free(r);
    ssem_verify_result_free(NULL);
}

int main(void)
{
    RUN(test_version);
    RUN(test_new_is_reset);
    RUN(test_accessors_are_the_fields);
    RUN(test_lamp_and_fault_stay_consistent);
    RUN(test_first_program_by_handle);
    RUN(test_store_set_honours_engines);
    RUN(test_diag_accessors);
    RUN(test_image_accessors);
    RUN(test_verify_accessors_and_copy);
    return CHECK_DONE();
}
