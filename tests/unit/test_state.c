/*
 * test_state.c - state files: the registers survive, other readers still
 * see a plain snapshot, and bad register lines are clean errors.
 */
#include "check.h"
#include "ssem.h"

#include <stdlib.h>
#include <string.h>

static void test_round_trip(void)
{
    ssem_t m;
    memset(&m, 0, sizeof m);
    m.store[1] = (2u << 13) | 24u; /* LDN 24 */
    m.store[24] = 0xFFFFFFFDu;      /* -3 */
    m.a = 0x80000000u;              /* the most negative A */
    m.ci = 0x1234u;
    m.pi = 0xFFFFFFFFu;
    m.steps = 5000000000ull;        /* past 2^32 */
    char *text = ssem_write_state(&m);
    CHECK(text != NULL);
    CHECK(strstr(text, "a=-2147483648") != NULL);
    CHECK(strstr(text, "ci=4660") != NULL);
    ssem_t back;
    memset(&back, 0, sizeof back);
    back.lenient = true; /* options are kept */
    ssem_diag_t err;
    CHECK_EQ(ssem_load_state(text, strlen(text), "s.snp", &back, &err), 0);
    CHECK(ssem_tstate_equal(&m, &back));
    CHECK_EQ(back.steps, 5000000000ull);
    CHECK(back.lenient);
    CHECK(!back.lamp && !back.fault);

    /* a plain snapshot reader sees the store */
    ssem_image_t img;
    CHECK_EQ(ssem_load(text, strlen(text), "s.snp", SSEM_FORMAT_AUTO, &img, &err), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_SNP);
    CHECK_EQ(img.word[24], 0xFFFFFFFDu);
    free(text);
}

static void test_lamp_and_fault(void)
{
    ssem_t m;
    memset(&m, 0, sizeof m);
    m.store[3] = 7u << 13;
    m.lamp = true;
    m.fault = true;
    m.ci = 0x2001u;
    char *text = ssem_write_state(&m);
    ssem_t back;
    memset(&back, 0, sizeof back);
    ssem_diag_t err;
    CHECK_EQ(ssem_load_state(text, strlen(text), "s.snp", &back, &err), 0);
    CHECK(back.lamp && back.fault);
    CHECK_EQ(back.ci, 0x2001u);
    free(text);
}

static void test_plain_snapshot_is_reset(void)
{
    const char text[] = "; a store only\n2\n0001:00011000000000100000000000000000\n"
                        "0024:10111111111111111111111111111111\n";
    ssem_t m;
    memset(&m, 0xFF, sizeof m);
    m.lenient = false;
    ssem_diag_t err;
    CHECK_EQ(ssem_load_state(text, sizeof text - 1, "p.snp", &m, &err), 0);
    CHECK_EQ(m.a, 0);
    CHECK_EQ(m.ci, 0);
    CHECK_EQ(m.steps, 0);
    CHECK(!m.lamp);
    CHECK_EQ(m.store[1], 0x4018u);
    CHECK_EQ(m.store[24], 0xFFFFFFFDu);
}

static void expect_error(const char *line, int col)
{
    char text[512];
    snprintf(text, sizeof text, "; x\n%s\n1\n0001:00011000000000100000000000000000\n", line);
    ssem_t m;
    memset(&m, 0, sizeof m);
    ssem_diag_t err;
    CHECK_EQ(ssem_load_state(text, strlen(text), "bad.snp", &m, &err), -1);
    CHECK_EQ(err.line, 2);
    CHECK_EQ(err.col, col);
}

static void test_bad_state_lines(void)
{
    expect_error("; ssem-state: a=1 zz=3", 19);           /* unknown register */
    expect_error("; ssem-state: ci=-1", 15);              /* CI is unsigned here */
    expect_error("; ssem-state: a=2147483648", 15);       /* past the largest A */
    expect_error("; ssem-state: lamp=2", 15);             /* a lamp is 0 or 1 */
    expect_error("; ssem-state: pi=4294967296", 15);      /* past 32 bits */
    expect_error("; ssem-state: steps=12x", 15);          /* trailing junk */
    expect_error("; ssem-state: steps=99999999999999999999", 15); /* past 64 bits */
}

int main(void)
{
    RUN(test_round_trip);
    RUN(test_lamp_and_fault);
    RUN(test_plain_snapshot_is_reset);
    RUN(test_bad_state_lines);
    return CHECK_DONE();
}
