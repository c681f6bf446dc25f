/*
 * test_state.c - state files: the registers survive, other readers still
 * see a plain snapshot, a file is a state file only by its first line, and
 * corrupt ones (cut short, contradictory, of an unknown version, with bad
 * register lines) are clean file:line:col errors. Expected lines and columns
 * are counted by hand from the texts written here.
 */
#include "check.h"
#include "ssem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STP_WORD (7u << 13)

static int load_m(const char *text, ssem_format_t f, ssem_t *m, ssem_image_t *img,
                  ssem_diag_t *err)
{
    return ssem_load_machine(text, strlen(text), "s.snp", f, m, img, err);
}

/* 32 store lines "NNNN:bits" (line 1 = LDN 24, the rest 0) after `head`. */
static void state_text(const char *head, char *buf, size_t size)
{
    size_t used = (size_t)snprintf(buf, size, "%s32\n", head);
    for (unsigned l = 0; l < 32; l++)
        used += (size_t)snprintf(buf + used, size - used, "%04u:%s\n", l,
                                 l == 1 ? "00011000000000100000000000000000"
                                        : "00000000000000000000000000000000");
}

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
    char text[SSEM_TEXT_MAX];
    CHECK(ssem_write_state(&m, text, sizeof text) > 0);
    CHECK(strncmp(text, "; ssem-state: version=2 ", 24) == 0); /* the version, first */
    CHECK(strstr(text, "a=-2147483648") != NULL);
    CHECK(strstr(text, "ci=4660") != NULL); /* 0x1234 = 4*1024 + 2*256 + 3*16 + 4 */
    ssem_t back;
    memset(&back, 0, sizeof back);
    back.lenient = true; /* the option is kept */
    ssem_image_t img;
    ssem_diag_t err;
    CHECK_EQ(load_m(text, SSEM_FORMAT_AUTO, &back, &img, &err), 0);
    CHECK(ssem_tstate_equal(&m, &back));
    CHECK_EQ(back.steps, 5000000000ull);
    CHECK(back.lenient);
    CHECK(!back.lamp && !back.fault);
    CHECK_EQ(img.format, SSEM_FORMAT_STATE);
    CHECK_EQ(img.nwarnings, 0);
    /* --format=snp and --format=state read the registers too */
    memset(&back, 0, sizeof back);
    CHECK_EQ(load_m(text, SSEM_FORMAT_SNP, &back, &img, &err), 0);
    CHECK_EQ(back.ci, 0x1234u);
    memset(&back, 0, sizeof back);
    CHECK_EQ(load_m(text, SSEM_FORMAT_STATE, &back, &img, &err), 0);
    CHECK_EQ(back.steps, 5000000000ull);
    /* another format is refused, not read without its registers */
    CHECK_EQ(load_m(text, SSEM_FORMAT_ASM, &back, &img, &err), -1);
    CHECK_EQ(err.line, 1);
    CHECK_EQ(back.steps, 5000000000ull); /* *m unchanged by a failed load */

    /* the image-only reader sees the store, and says the registers are not read */
    CHECK_EQ(ssem_load(text, strlen(text), "s.snp", SSEM_FORMAT_AUTO, &img, &err), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_STATE);
    CHECK_EQ(img.word[24], 0xFFFFFFFDu);
    CHECK_EQ(img.nwarnings, 1);
    CHECK(strstr(img.warning[0].message, "registers") != NULL);
    /* a buffer too small gives 0 and an empty string */
    char small[100];
    CHECK_EQ(ssem_write_state(&m, small, sizeof small), 0);
    CHECK_EQ(small[0], '\0');
}

static void test_lamp_and_fault(void)
{
    ssem_t m;
    memset(&m, 0, sizeof m);
    m.store[3] = STP_WORD;
    m.lamp = true;
    m.fault = true;
    m.ci = 0x2001u;
    char text[SSEM_TEXT_MAX];
    CHECK(ssem_write_state(&m, text, sizeof text) > 0);
    ssem_t back;
    memset(&back, 0, sizeof back);
    ssem_image_t img;
    ssem_diag_t err;
    CHECK_EQ(load_m(text, SSEM_FORMAT_AUTO, &back, &img, &err), 0);
    CHECK(back.lamp && back.fault);
    CHECK_EQ(back.ci, 0x2001u);
    /* halted by STP: PI is the STP */
    m.fault = false;
    m.ci = 3;
    m.pi = STP_WORD;
    CHECK(ssem_write_state(&m, text, sizeof text) > 0);
    CHECK_EQ(load_m(text, SSEM_FORMAT_AUTO, &back, &img, &err), 0);
    CHECK(back.lamp && !back.fault);
}

/* The registers line `regs` on line 1 of an otherwise whole state file must
 * be refused at line 1, column col. */
static void expect_bad_regs(const char *regs, int col)
{
    char head[256], text[2048];
    snprintf(head, sizeof head, "%s\n", regs);
    state_text(head, text, sizeof text);
    ssem_t m;
    memset(&m, 0, sizeof m);
    ssem_image_t img;
    ssem_diag_t err;
    CHECK_EQ(load_m(text, SSEM_FORMAT_AUTO, &m, &img, &err), -1);
    CHECK_EQ(err.line, 1);
    CHECK_EQ(err.col, col);
    CHECK(err.message[0] != '\0');
}

#define FULL "version=2 a=0 ci=0 pi=0 lamp=0 fault=0 steps=0"

static void test_bad_state_lines(void)
{
    /* columns: "; ssem-state: " is 14 characters, so the first key is at 15 */
    expect_bad_regs("; ssem-state: " FULL " zz=3", 62);   /* unknown register */
    expect_bad_regs("; ssem-state: version=2 ci=-1", 25); /* CI is unsigned here */
    expect_bad_regs("; ssem-state: version=2 a=2147483648", 25); /* past the largest A */
    expect_bad_regs("; ssem-state: version=2 lamp=2", 25);       /* a lamp is 0 or 1 */
    expect_bad_regs("; ssem-state: version=2 pi=4294967296", 25); /* past 32 bits */
    expect_bad_regs("; ssem-state: version=2 steps=12x", 25);    /* trailing junk */
    expect_bad_regs("; ssem-state: version=2 steps=99999999999999999999", 25); /* > 2^64 */
    expect_bad_regs("; ssem-state: " FULL " a=1", 62);    /* a register twice */
    /* cut short: the line ends after "ci=0" (33 characters): 'pi' lacks */
    expect_bad_regs("; ssem-state: version=2 a=0 ci=0", 33);
    expect_bad_regs("; ssem-state: a=0 ci=0 pi=0 lamp=0 fault=0 steps=0", 1); /* no version */
    expect_bad_regs("; ssem-state: version=3 a=0 ci=0 pi=0 lamp=0 fault=0 steps=0", 15);
    /* contradictions: a fault without the lamp; a fault at a CI that cannot
     * fault (5: no bit 13-15); the lamp without a fault where PI is no STP */
    expect_bad_regs("; ssem-state: version=2 a=0 ci=8192 pi=0 lamp=0 fault=1 steps=0", 49);
    expect_bad_regs("; ssem-state: version=2 a=0 ci=5 pi=0 lamp=1 fault=1 steps=0", 46);
    expect_bad_regs("; ssem-state: version=2 a=0 ci=5 pi=0 lamp=1 fault=0 steps=0", 39);
}

static void test_cut_short(void)
{
    ssem_t m;
    memset(&m, 0, sizeof m);
    char text[SSEM_TEXT_MAX];
    CHECK(ssem_write_state(&m, text, sizeof text) > 0);
    /* lines: 1 registers, 2 comment, 3 the count, 4 + L store line L. Keep
     * lines 1-19 (store lines 0-15): store line 16 is missing, line 20 */
    char *p = text;
    for (int line = 0; line < 19; line++)
        p = strchr(p, '\n') + 1;
    *p = '\0';
    ssem_image_t img;
    ssem_diag_t err;
    CHECK_EQ(load_m(text, SSEM_FORMAT_AUTO, &m, &img, &err), -1);
    CHECK_EQ(err.line, 20);
    CHECK_EQ(err.col, 1);
    CHECK(strstr(err.message, "store line 16") != NULL);
    /* cut inside the register line: no store lines, no 'pi' and after */
    CHECK_EQ(load_m("; ssem-state: version=2 a=0 ci=0", SSEM_FORMAT_AUTO, &m, &img, &err), -1);
    CHECK_EQ(err.line, 1);
}

static void test_plain_snapshot_is_reset(void)
{
    const char text[] = "; a store only\n2\n0001:00011000000000100000000000000000\n"
                        "0024:10111111111111111111111111111111\n";
    ssem_t m;
    memset(&m, 0xFF, sizeof m);
    m.lenient = false;
    ssem_image_t img;
    ssem_diag_t err;
    CHECK_EQ(load_m(text, SSEM_FORMAT_AUTO, &m, &img, &err), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_SNP);
    CHECK_EQ(m.a, 0);
    CHECK_EQ(m.ci, 0);
    CHECK_EQ(m.steps, 0);
    CHECK(!m.lamp);
    CHECK_EQ(m.store[1], 0x4018u);
    CHECK_EQ(m.store[24], 0xFFFFFFFDu);
    /* --format=state on it: not a state file, line 1 */
    CHECK_EQ(load_m(text, SSEM_FORMAT_STATE, &m, &img, &err), -1);
    CHECK_EQ(err.line, 1);
}

/* Only the first line makes a state file: the tag further down (an assembly
 * comment, indented or not) is a comment, with a warning; inside a state
 * file a second register line is an error, wherever it is indented. */
static void test_tag_only_at_the_top(void)
{
    const char *asm_text = "LDN 24\n; ssem-state: a=5\nSTP\n  ; ssem-state: x\n";
    ssem_t m;
    memset(&m, 0, sizeof m);
    ssem_image_t img;
    ssem_diag_t err;
    CHECK_EQ(load_m(asm_text, SSEM_FORMAT_AUTO, &m, &img, &err), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_ASM);
    CHECK_EQ(m.a, 0);
    CHECK_EQ(m.store[1], 0xE000u); /* STP, line 1 (lines count from 0) */
    CHECK_EQ(img.nwarnings, 2);
    CHECK_EQ(img.warning[0].line, 2);
    CHECK_EQ(img.warning[1].line, 4);
    CHECK_EQ(img.warning[1].col, 3);

    char text[2048];
    state_text("; ssem-state: " FULL "\n  ; ssem-state: " FULL "\n", text, sizeof text);
    CHECK_EQ(load_m(text, SSEM_FORMAT_AUTO, &m, &img, &err), -1);
    CHECK_EQ(err.line, 2);
    CHECK_EQ(err.col, 3);
    /* an indented register line at the top is the header all the same */
    state_text("  ; ssem-state: version=2 a=7 ci=0 pi=0 lamp=0 fault=0 steps=9\n", text,
               sizeof text);
    CHECK_EQ(load_m(text, SSEM_FORMAT_AUTO, &m, &img, &err), 0);
    CHECK_EQ(m.a, 7);
    CHECK_EQ(m.steps, 9);
}

/* This project's first state files (version 1) are still read. */
static void test_version_1(void)
{
    char text[2048];
    state_text("; ssem state file: a snapshot with the registers in the next line\n"
               "; ssem-state: a=-3 ci=13 pi=57344 lamp=1 fault=0 steps=2097154\n",
               text, sizeof text);
    ssem_t m;
    memset(&m, 0, sizeof m);
    ssem_image_t img;
    ssem_diag_t err;
    CHECK_EQ(load_m(text, SSEM_FORMAT_AUTO, &m, &img, &err), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_STATE);
    CHECK_EQ(m.a, 0xFFFFFFFDu);
    CHECK_EQ(m.ci, 13);
    CHECK(m.lamp); /* 57344 = 7 << 13: PI is an STP */
    CHECK_EQ(m.steps, 2097154);
    CHECK_EQ(m.store[1], 0x4018u); /* LDN 24: 24 + (2 << 13) */
    /* its register line lacking one is refused at line 2 */
    state_text("; ssem state file: a snapshot with the registers in the next line\n"
               "; ssem-state: a=-3 ci=13 pi=57344 lamp=1 fault=0\n",
               text, sizeof text);
    CHECK_EQ(load_m(text, SSEM_FORMAT_AUTO, &m, &img, &err), -1);
    CHECK_EQ(err.line, 2);
}

/* A state file's warnings reach the caller (the count line says 31). */
static void test_warnings_kept(void)
{
    char text[2048];
    state_text("; ssem-state: " FULL "\n", text, sizeof text);
    char *count = strstr(text, "\n32\n");
    count[2] = '1';
    ssem_t m;
    memset(&m, 0, sizeof m);
    ssem_image_t img;
    ssem_diag_t err;
    CHECK_EQ(load_m(text, SSEM_FORMAT_AUTO, &m, &img, &err), 0);
    CHECK_EQ(img.nwarnings, 1);
    CHECK_EQ(img.warning[0].line, 2);
}

int main(void)
{
    RUN(test_round_trip);
    RUN(test_lamp_and_fault);
    RUN(test_bad_state_lines);
    RUN(test_cut_short);
    RUN(test_plain_snapshot_is_reset);
    RUN(test_tag_only_at_the_top);
    RUN(test_version_1);
    RUN(test_warnings_kept);
    return CHECK_DONE();
}
