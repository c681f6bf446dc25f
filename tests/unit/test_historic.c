/*
 * test_historic.c - the programs of programs/historic/ against two things
 * that do not come from this emulator:
 *
 *  1. Other people's typing of the same 1948 listings, in ../shared/corpus
 *     (NevynUK's HCF2.ssem is Tootill's HCF on the Nature numbers, HCF1.ssem
 *     Kilburn's amended routine on 35, TuringLongDivision.ssem Turing's
 *     division on 36 / 5). Those files are test data, read in place: our
 *     programs were typed from published listings (see their headers), and
 *     here the two typings must agree word for word where both come from the
 *     listing, and, run on the same inputs (the corpus file's data lines put
 *     into our program), must end in the same state.
 *  2. Arithmetic done here in C, for inputs other than the ones the .expect
 *     files check: the HCF is Euclid's gcd, the factor routine's answer the
 *     largest proper divisor found by trial, the division's quotient A / B.
 *     The programs' data lines are set as their headers say, the program is
 *     run by the library, and the answer read where the header says.
 *
 * Run with the repository root as the working directory (the corpus is
 * ../shared/corpus from there); a missing file fails the test, naming it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ssem.h"

#define CORPUS "../shared/corpus/NevynUK_ManchesterBaby/SSEMPrograms/"
#define BUDGET 10000000u

/* Loads a program file into *img; 0, or -1 with a message. */
static int load(const char *path, ssem_image_t *img)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "cannot read %s\n", path);
        return -1;
    }
    static char text[1 << 16];
    size_t len = fread(text, 1, sizeof text, f);
    fclose(f);
    ssem_diag_t err;
    memset(&err, 0, sizeof err);
    if (ssem_load(text, len, path, SSEM_FORMAT_AUTO, img, &err) != 0) {
        char msg[600];
        ssem_diag_format(&err, text, len, msg, sizeof msg);
        fprintf(stderr, "%s", msg);
        return -1;
    }
    return 0;
}

/* Runs img from reset; returns the machine at the stop. */
static ssem_t run(const ssem_image_t *img, ssem_stop_t *why)
{
    ssem_t m;
    memset(&m, 0, sizeof m);
    ssem_load_image(&m, img);
    *why = ssem_run(&m, BUDGET, 0);
    return m;
}

/* Lines first..last of the two images hold the same words. */
static void check_same_words(const ssem_image_t *a, const ssem_image_t *b, unsigned first,
                             unsigned last)
{
    for (unsigned i = first; i <= last; i++)
        if (a->word[i] != b->word[i]) {
            fprintf(stderr, "line %u: 0x%08x here, 0x%08x in the corpus\n", i,
                    (unsigned)b->word[i], (unsigned)a->word[i]);
            check_current_failed = 1;
        }
}

/* Our program with the corpus file's data lines first..last, run beside the
 * corpus file: the same stop, steps, A, CI and whole store. */
static void check_same_run(const char *ours, const char *theirs, unsigned first, unsigned last)
{
    ssem_image_t a, b;
    if (load(theirs, &a) != 0 || load(ours, &b) != 0) {
        check_current_failed = 1;
        return;
    }
    for (unsigned i = first; i <= last; i++)
        b.word[i] = a.word[i];
    ssem_stop_t wa, wb;
    ssem_t ma = run(&a, &wa), mb = run(&b, &wb);
    CHECK_EQ(wb, SSEM_HALTED);
    CHECK_EQ(wb, wa);
    CHECK_EQ(mb.steps, ma.steps);
    CHECK_EQ(mb.a, ma.a);
    CHECK_EQ(mb.ci, ma.ci);
    for (unsigned i = 0; i < SSEM_LINES; i++)
        if (ma.store[i] != mb.store[i]) {
            fprintf(stderr, "%s vs %s: line %u ends 0x%08x here, 0x%08x there\n", ours, theirs,
                    i, (unsigned)mb.store[i], (unsigned)ma.store[i]);
            check_current_failed = 1;
        }
}

/* Tootill's HCF: the whole listing (lines 0-16, 27-31) is the same word for
 * word, and so is the run on the Nature numbers. */
static void test_hcf_as_typed_elsewhere(void)
{
    ssem_image_t a, b;
    if (load(CORPUS "HCF2.ssem", &a) != 0 || load("programs/historic/hcf-nature.asm", &b) != 0) {
        check_current_failed = 1;
        return;
    }
    check_same_words(&a, &b, 0, 31);
    check_same_run("programs/historic/hcf.asm", CORPUS "HCF2.ssem", 30, 31);
}

/* Kilburn's routine: lines 0-22 (the routine and its constants) of the first
 * program and of hfr989 are the corpus's HCF1.ssem (the routine on 35), and
 * hfr989 given its number runs as it does. */
static void test_factor_routine_as_typed_elsewhere(void)
{
    ssem_image_t a, b, c;
    if (load(CORPUS "HCF1.ssem", &a) != 0 || load("programs/historic/first.lst", &b) != 0 ||
        load("programs/historic/hfr989.asm", &c) != 0) {
        check_current_failed = 1;
        return;
    }
    check_same_words(&a, &b, 0, 22);
    check_same_words(&a, &c, 0, 22);
    check_same_run("programs/historic/hfr989.asm", CORPUS "HCF1.ssem", 23, 24);
}

/* Turing's division: lines 0-21, typed from the published listing, are the
 * corpus's; lines 22-24 and 27 are our reconstruction (the header says so),
 * and on the corpus file's parameters (lines 28-31) it ends as that file
 * does: the same quotient, the same working, the same number of steps. */
static void test_division_as_typed_elsewhere(void)
{
    ssem_image_t a, b;
    if (load(CORPUS "TuringLongDivision.ssem", &a) != 0 ||
        load("programs/historic/turing-division.asm", &b) != 0) {
        check_current_failed = 1;
        return;
    }
    check_same_words(&a, &b, 0, 21);
    CHECK_EQ(b.word[26], a.word[26]);
    /* the lines where the two typings differ are not compared after the run */
    ssem_stop_t wa, wb;
    for (unsigned i = 28; i <= 31; i++)
        b.word[i] = a.word[i];
    ssem_t ma = run(&a, &wa), mb = run(&b, &wb);
    CHECK_EQ(wb, SSEM_HALTED);
    CHECK_EQ(wa, SSEM_HALTED);
    CHECK_EQ(mb.steps, ma.steps);
    for (unsigned i = 28; i <= 31; i++)
        CHECK_EQ(mb.store[i], ma.store[i]);
}

static uint32_t gcd(uint32_t x, uint32_t y)
{
    while (y != 0) {
        uint32_t r = x % y;
        x = y;
        y = r;
    }
    return x;
}

/* Tootill's HCF on other pairs: line 31 = 1 means coprime, else 0 and the
 * HCF in line 30 (hcf.asm's header). */
static void test_hcf_arithmetic(void)
{
    static const uint32_t pairs[][2] = {
        {989, 667},     {1071, 462},   {1000000, 999}, {144, 89},    {2310, 2145},
        {65536, 4096},  {97, 3},       {123456789, 987654}, {600, 599}, {17, 17},
    };
    ssem_image_t img;
    if (load("programs/historic/hcf.asm", &img) != 0) {
        check_current_failed = 1;
        return;
    }
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        uint32_t x = pairs[i][0], y = pairs[i][1], g = gcd(x, y);
        img.word[30] = x;
        img.word[31] = y;
        ssem_stop_t why;
        ssem_t m = run(&img, &why);
        CHECK_EQ(why, SSEM_HALTED);
        if (g == 1) {
            CHECK_EQ(m.store[31], 1u);
        } else {
            CHECK_EQ(m.store[31], 0u);
            CHECK_EQ(m.store[30], g);
        }
    }
}

/* Kilburn's routine on other numbers: the largest proper divisor, by trial. */
static void test_factor_arithmetic(void)
{
    static const uint32_t numbers[] = {35, 989, 1000, 997 * 3, 4096, 1001, 841, 6, 4};
    ssem_image_t img;
    if (load("programs/historic/hfr989.asm", &img) != 0) {
        check_current_failed = 1;
        return;
    }
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        uint32_t n = numbers[i], f = n - 1;
        while (n % f != 0)
            f--;
        img.word[23] = 0u - n;
        img.word[24] = n - 1;
        ssem_stop_t why;
        ssem_t m = run(&img, &why);
        CHECK_EQ(why, SSEM_HALTED);
        CHECK_EQ(m.store[27], f);
        CHECK_EQ(m.store[25], 0u);
    }
}

/* Turing's division on other operands: n the shift with A/2 < B 2^n <= A,
 * d = 2^(31 - n); the quotient A / B comes out in line 28 shifted up
 * 31 - n places, and line 31 ends as the last round leaves the remainder,
 * doubled and negated: -(A mod B) 2^(n+1) (turing-division.asm's header). */
static void test_division_arithmetic(void)
{
    static const uint32_t pairs[][2] = {
        {1073741823u, 31}, {36, 5}, {1000, 7}, {1000000, 3}, {999, 999}, {12345678, 1234},
        {1u << 30, 1}, {77, 2},
    };
    ssem_image_t img;
    if (load("programs/historic/turing-division.asm", &img) != 0) {
        check_current_failed = 1;
        return;
    }
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        uint32_t a = pairs[i][0], b = pairs[i][1];
        unsigned n = 0;
        while ((uint64_t)b << (n + 1) <= a)
            n++;
        img.word[28] = 0;
        img.word[29] = 1u << (31 - n);
        img.word[30] = b << n;
        img.word[31] = a;
        ssem_stop_t why;
        ssem_t m = run(&img, &why);
        CHECK_EQ(why, SSEM_HALTED);
        CHECK_EQ(m.store[28] >> (31 - n), a / b);
        CHECK_EQ(m.store[28] & ((1u << (31 - n)) - 1u), 0u);
        CHECK_EQ(m.store[31], 0u - ((a % b) << (n + 1)));
    }
}

int main(void)
{
    RUN(test_hcf_as_typed_elsewhere);
    RUN(test_factor_routine_as_typed_elsewhere);
    RUN(test_division_as_typed_elsewhere);
    RUN(test_hcf_arithmetic);
    RUN(test_factor_arithmetic);
    RUN(test_division_arithmetic);
    return CHECK_DONE();
}
