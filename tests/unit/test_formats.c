/*
 * test_formats.c - the file-format readers, writers and detection.
 *
 * Expected words are worked out by hand from SPEC section 2 (bit 0 is the
 * leftmost character): "00011000000000100000000000000000" has bits 3, 4 and
 * 14 set, 8 + 16 + 0x4000 = 0x4018 = LDN 24; "10111111111111111111111111111111"
 * is every bit but bit 1, ~2 = -3. Error positions are counted by hand on the
 * test text (columns are 1-based bytes), never copied from the code's output.
 */
#include "check.h"
#include "ssem.h"

#include <stdlib.h>
#include <string.h>

#define B_LDN24 "00011000000000100000000000000000" /* 0x00004018 */
#define B_MINUS3 "10111111111111111111111111111111" /* 0xFFFFFFFD */
#define B_ONE "10000000000000000000000000000000"    /* 0x00000001 */
#define B_STP "00000000000001110000000000000000"    /* f=7: 0xE000 */
#define B_CMP "00000000000000110000000000000000"    /* f=6: 0xC000 */

static ssem_image_t img;
static ssem_diag_t err;

static int load(const char *text, const char *name, ssem_format_t f)
{
    return ssem_load(text, strlen(text), name, f, &img, &err);
}

/* The load fails with the error at line:col. */
#define CHECK_ERR_AT(text, f, want_line, want_col)                                       \
    do {                                                                                 \
        CHECK_EQ(load(text, "t", f), -1);                                                \
        CHECK_EQ(err.line, want_line);                                                   \
        CHECK_EQ(err.col, want_col);                                                     \
        CHECK(err.message[0] != '\0');                                                   \
        CHECK_EQ(img.defined, 0);                                                        \
    } while (0)

static void test_names(void)
{
    CHECK(strcmp(ssem_format_name(SSEM_FORMAT_AUTO), "auto") == 0);
    CHECK(strcmp(ssem_format_name(SSEM_FORMAT_LISTING), "listing") == 0);
    CHECK(strcmp(ssem_format_name(SSEM_FORMAT_SNP), "snp") == 0);
    CHECK(strcmp(ssem_format_name(SSEM_FORMAT_ASM), "asm") == 0);
    CHECK(strcmp(ssem_format_name(SSEM_FORMAT_BITS), "bits") == 0);
    CHECK(strcmp(ssem_format_name(SSEM_FORMAT_DECIMAL), "decimal") == 0);
    CHECK(ssem_format_name(SSEM_FORMAT_COUNT) != NULL);
    CHECK(strcmp(ssem_format_name(SSEM_FORMAT_STATE), "state") == 0);
    const char *names[] = {"auto", "listing", "snp", "asm", "bits", "decimal", "url", "state"};
    for (int i = 0; i < 8; i++) {
        ssem_format_t f = SSEM_FORMAT_COUNT;
        CHECK_EQ(ssem_format_parse(names[i], &f), 0);
        CHECK_EQ(f, i);
    }
    ssem_format_t f = SSEM_FORMAT_AUTO;
    CHECK_EQ(ssem_format_parse("SNP", &f), 0);
    CHECK_EQ(f, SSEM_FORMAT_SNP);
    CHECK_EQ(ssem_format_parse("sn", &f), -1);
    CHECK_EQ(ssem_format_parse("snpx", &f), -1);
    CHECK_EQ(ssem_format_parse("", &f), -1);
    CHECK_EQ(ssem_format_parse(NULL, &f), -1);
}

/* ---- listing ---------------------------------------------------------- */

static void test_listing(void)
{
    /* the lecture's lines 1, 13 and 20, with their comments */
    const char *t = "1 " B_LDN24 " A<- -Mem[24]\n"
                    "\n"
                    "13 " B_STP " halt\n"
                    "20 " B_MINUS3 " -3\n";
    CHECK_EQ(load(t, NULL, SSEM_FORMAT_AUTO), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_LISTING);
    CHECK_EQ(img.word[1], 0x4018u);
    CHECK_EQ(img.word[13], 0xE000u);
    CHECK_EQ(img.word[20], 0xFFFFFFFDu);
    CHECK_EQ(img.defined, (1u << 1) | (1u << 13) | (1u << 20));
    CHECK_EQ(img.nwarnings, 0);
    CHECK_EQ(load(t, NULL, SSEM_FORMAT_LISTING), 0);
    CHECK_EQ(img.word[1], 0x4018u);

    /* MarquisdeGeek's factor.txt form: leading blank, CRLF, decimal + ; comment */
    const char *m = " 7 " B_CMP "  49152    ; CMP\r\n"
                    "21 " B_ONE "  1        ; num 1\r\n";
    CHECK_EQ(load(m, "factor.txt", SSEM_FORMAT_AUTO), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_LISTING);
    CHECK_EQ(img.word[7], 0xC000u);
    CHECK_EQ(img.word[21], 1u);
    CHECK_EQ(img.defined, (1u << 7) | (1u << 21));
}

static void test_listing_errors(void)
{
    /* line number 32: column 1 of line 2 */
    CHECK_ERR_AT("1 " B_LDN24 "\n32 " B_ONE "\n", SSEM_FORMAT_LISTING, 2, 1);
    /* 31 bits: "1 " then the bits at column 3 */
    CHECK_ERR_AT("1 0001100000000010000000000000000 x\n", SSEM_FORMAT_LISTING, 1, 3);
    /* a '2' as bit 14: column 3 + 14 = 17 */
    CHECK_ERR_AT("1 00011000000000200000000000000000\n", SSEM_FORMAT_LISTING, 1, 17);
    /* 33 bits: the 33rd is at column 3 + 32 = 35 */
    CHECK_ERR_AT("1 000110000000001000000000000000001\n", SSEM_FORMAT_LISTING, 1, 35);
    /* no line number */
    CHECK_ERR_AT("; c\n  x1 " B_ONE "\n", SSEM_FORMAT_LISTING, 2, 3);
    /* "1:" is not a listing line: column 2 */
    CHECK_ERR_AT("1:" B_ONE "\n", SSEM_FORMAT_LISTING, 1, 2);
    /* a line number and nothing else: bits expected at column 4 (end of line) */
    CHECK_ERR_AT("12 \n", SSEM_FORMAT_LISTING, 1, 4);
    /* bits directly followed by a letter: column 3 + 32 = 35 */
    CHECK_ERR_AT("1 " B_ONE "x\n", SSEM_FORMAT_LISTING, 1, 35);
    /* a huge line number neither overflows nor passes */
    CHECK_ERR_AT("99999999999999999999999999999 " B_ONE "\n", SSEM_FORMAT_LISTING, 1, 1);
}

/* ---- snapshot ----------------------------------------------------------- */

static void test_snp_sharp(void)
{
    const char *t = "; a comment\n"
                    "; another\n"
                    "\n"
                    "3\n"
                    "0001:" B_LDN24 "\n"
                    "0013:" B_STP "\n"
                    "0020:" B_MINUS3;  /* no final newline, as in Sharp's files */
    CHECK_EQ(load(t, NULL, SSEM_FORMAT_AUTO), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_SNP);
    CHECK_EQ(img.word[1], 0x4018u);
    CHECK_EQ(img.word[13], 0xE000u);
    CHECK_EQ(img.word[20], 0xFFFFFFFDu);
    CHECK_EQ(img.word[0], 0u);
    CHECK_EQ(img.defined, (1u << 1) | (1u << 13) | (1u << 20));
    CHECK_EQ(img.nwarnings, 0);

    /* a count that disagrees: a warning at the count line, the lines win */
    const char *w = "; c\r\n2\r\n0001:" B_LDN24 "\r\n0002:" B_ONE "\r\n0003:" B_ONE "\r\n";
    CHECK_EQ(load(w, NULL, SSEM_FORMAT_SNP), 0);
    CHECK_EQ(img.nwarnings, 1);
    CHECK_EQ(img.warning[0].line, 2);
    CHECK_EQ(img.warning[0].col, 1);
    CHECK_EQ(img.word[3], 1u);

    /* a line given twice: a warning, the later value kept */
    const char *d = "0005:" B_ONE "\n0005:" B_MINUS3 "\n";
    CHECK_EQ(load(d, NULL, SSEM_FORMAT_SNP), 0);
    CHECK_EQ(img.nwarnings, 1);
    CHECK_EQ(img.warning[0].line, 2);
    CHECK_EQ(img.warning[0].col, 1);
    CHECK_EQ(img.word[5], 0xFFFFFFFDu);
}

static void test_snp_variants(void)
{
    /* pfaivre / babyutils: colon and space, no count line, CRLF */
    const char *t = "; Function 0 Test (JMP)\r\n;\r\n\r\n"
                    "0000: " B_ONE "\r\n"
                    "0001: " B_LDN24 "\r\n";
    CHECK_EQ(load(t, "JMP1Test.snp", SSEM_FORMAT_AUTO), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_SNP);
    CHECK_EQ(img.word[0], 1u);
    CHECK_EQ(img.word[1], 0x4018u);
    CHECK_EQ(img.defined, 3u);

    /* two-digit line numbers, tabs, a trailing comment; and a .baby name */
    const char *u = "31 :\t" B_MINUS3 "   ; last line\n"
                    "00:" B_STP "\n";
    CHECK_EQ(load(u, "banner.baby", SSEM_FORMAT_AUTO), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_SNP);
    CHECK_EQ(img.word[31], 0xFFFFFFFDu);
    CHECK_EQ(img.word[0], 0xE000u);
    CHECK_EQ(img.defined, 0x80000001u);
}

static void test_snp_errors(void)
{
    /* line 32 is past the store: line 2, column 1 */
    CHECK_ERR_AT("1\n0032:" B_ONE "\n", SSEM_FORMAT_SNP, 2, 1);
    /* no colon: the blank after 0001 is column 5 */
    CHECK_ERR_AT("0001 " B_ONE "\n", SSEM_FORMAT_SNP, 1, 5);
    /* 31 bits, starting at column 6 */
    CHECK_ERR_AT("0001:0001100000000010000000000000000\n", SSEM_FORMAT_SNP, 1, 6);
    /* bit 0 is 'x': column 6 */
    CHECK_ERR_AT("0001:x0011000000000100000000000000000\n", SSEM_FORMAT_SNP, 1, 6);
    /* a bare number after store lines is not a count line: column 2 (after "5") */
    CHECK_ERR_AT("0001:" B_ONE "\n5\n", SSEM_FORMAT_SNP, 2, 2);
    /* text after the bits: bits at 6..37, blank at 38, 'x' at 39 */
    CHECK_ERR_AT("0001:" B_ONE " x\n", SSEM_FORMAT_SNP, 1, 39);
    /* a count line only */
    CHECK_ERR_AT("; c\n32\n", SSEM_FORMAT_SNP, 0, 0);
    /* a letter where the line number goes: line 2, column 3 */
    CHECK_ERR_AT("0001:" B_ONE "\n  Z001:" B_ONE "\n", SSEM_FORMAT_SNP, 2, 3);
}

/* ---- bare bits and decimals --------------------------------------------- */

static void test_bits(void)
{
    const char *t = B_ONE "\r\n" B_LDN24 " \r\n\r\n" B_MINUS3 "\r\n";
    CHECK_EQ(load(t, NULL, SSEM_FORMAT_AUTO), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_BITS);
    CHECK_EQ(img.word[0], 1u);
    CHECK_EQ(img.word[1], 0x4018u);
    CHECK_EQ(img.word[2], 0xFFFFFFFDu); /* the blank line is not a store line */
    CHECK_EQ(img.defined, 7u);

    /* 33 lines: the 33rd is an error at its column 1 */
    char big[34 * 33 + 1];
    size_t at = 0;
    for (int i = 0; i < 33; i++) {
        memcpy(big + at, B_ONE "\n", 33);
        at += 33;
    }
    big[at] = '\0';
    CHECK_ERR_AT(big, SSEM_FORMAT_BITS, 33, 1);
    /* a short line */
    CHECK_ERR_AT(B_ONE "\n101\n", SSEM_FORMAT_BITS, 2, 1);
    /* a stray character after the bits: column 33 */
    CHECK_ERR_AT(B_ONE "x\n", SSEM_FORMAT_BITS, 1, 33);
    /* text after blank: column 34 */
    CHECK_ERR_AT(B_ONE " x\n", SSEM_FORMAT_BITS, 1, 34);
}

static void test_decimal(void)
{
    /* MarquisdeGeek's .byi: trailing blank, CRLF */
    const char *t = "0 \r\n16408 \r\n-3\r\n4294967295\r\n-2147483648\r\n+57344\r\n";
    CHECK_EQ(load(t, "factor.byi", SSEM_FORMAT_AUTO), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_DECIMAL);
    CHECK_EQ(img.word[0], 0u);
    CHECK_EQ(img.word[1], 0x4018u);
    CHECK_EQ(img.word[2], 0xFFFFFFFDu);
    CHECK_EQ(img.word[3], 0xFFFFFFFFu);
    CHECK_EQ(img.word[4], 0x80000000u);
    CHECK_EQ(img.word[5], 0xE000u);
    CHECK_EQ(img.defined, 0x3Fu);
    /* detected without a name too */
    CHECK_EQ(load(t, NULL, SSEM_FORMAT_AUTO), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_DECIMAL);

    CHECK_ERR_AT("1\n4294967296\n", SSEM_FORMAT_DECIMAL, 2, 1);
    CHECK_ERR_AT("1\n  -2147483649\n", SSEM_FORMAT_DECIMAL, 2, 3);
    CHECK_ERR_AT("99999999999999999999999999999999999\n", SSEM_FORMAT_DECIMAL, 1, 1);
    CHECK_ERR_AT("12a\n", SSEM_FORMAT_DECIMAL, 1, 3);
    CHECK_ERR_AT("- 5\n", SSEM_FORMAT_DECIMAL, 1, 1);
    CHECK_ERR_AT("5\n6 7\n", SSEM_FORMAT_DECIMAL, 2, 3);
}

/* ---- detection ------------------------------------------------------------ */

static void test_detection(void)
{
    /* a listing line and an assembly line, told apart by content */
    CHECK_EQ(load("1 " B_LDN24 " comment\n", NULL, SSEM_FORMAT_AUTO), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_LISTING);
    CHECK_EQ(img.word[1], 0x4018u);
    CHECK_EQ(load("01 LDN 24\n", NULL, SSEM_FORMAT_AUTO), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_ASM);
    CHECK_EQ(img.word[1], 0x4018u);
    /* the content wins over the extension */
    CHECK_EQ(load("01: LDN 24\n", "x.snp", SSEM_FORMAT_AUTO), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_ASM);
    CHECK_EQ(load("0001:" B_LDN24 "\n", "x.asm", SSEM_FORMAT_AUTO), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_SNP);
    /* a count line before assembly (Sharp's .asm) still votes for assembly */
    CHECK_EQ(load("; c\n2\n0001 LDN 24\n0002 STP\n", NULL, SSEM_FORMAT_AUTO), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_ASM);
    CHECK_EQ(img.word[1], 0x4018u);
    CHECK_EQ(img.word[2], 0xE000u);
    /* bdwalton's mixture of snapshot and assembly lines is assembly */
    CHECK_EQ(load("0000:" B_ONE "\n0001 LDN 24\n0002:" B_STP "\n", "m.baby", SSEM_FORMAT_AUTO),
             0);
    CHECK_EQ(img.format, SSEM_FORMAT_ASM);
    CHECK_EQ(img.word[0], 1u);
    CHECK_EQ(img.word[1], 0x4018u);
    CHECK_EQ(img.word[2], 0xE000u);
    /* one bad line in a snapshot is reported as a snapshot error */
    const char *bad = "0000:" B_ONE "\n0001:" B_ONE "1\n0002:" B_ONE "\n";
    CHECK_ERR_AT(bad, SSEM_FORMAT_AUTO, 2, 38);
    /* a lone number: one decimal word, or a count line in a .snp */
    CHECK_EQ(load("32\n", NULL, SSEM_FORMAT_AUTO), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_DECIMAL);
    CHECK_EQ(img.word[0], 32u);
    CHECK_EQ(load("32\n", "x.SNP", SSEM_FORMAT_AUTO), -1);
    CHECK_EQ(err.line, 0);
    /* short 0/1 runs are decimal numbers; long ones are bits */
    CHECK_EQ(load("10\n101\n", NULL, SSEM_FORMAT_AUTO), 0);
    CHECK_EQ(img.format, SSEM_FORMAT_DECIMAL);
    CHECK_EQ(img.word[1], 101u);
    /* a tie (one bits line, one decimal) goes to the extension's format */
    CHECK_EQ(load(B_ONE "\n7\n", "p.bys", SSEM_FORMAT_AUTO), -1);
    CHECK_EQ(err.line, 2);
    CHECK_EQ(load(B_ONE "\n7\n", "p.byi", SSEM_FORMAT_AUTO), -1);
    CHECK_EQ(err.line, 1);
}

static void test_empty(void)
{
    ssem_format_t all[] = {SSEM_FORMAT_AUTO, SSEM_FORMAT_LISTING, SSEM_FORMAT_SNP,
                           SSEM_FORMAT_ASM, SSEM_FORMAT_BITS, SSEM_FORMAT_DECIMAL};
    for (int i = 0; i < 6; i++) {
        CHECK_EQ(load("", "t", all[i]), -1);
        CHECK_EQ(load("; only a comment\n\n   \r\n-- and another\n", "t", all[i]), -1);
        CHECK_EQ(ssem_load(NULL, 0, "t", all[i], &img, &err), -1);
    }
    CHECK_EQ(ssem_load("x", 1, "t", SSEM_FORMAT_COUNT, &img, &err), -1);
    CHECK_EQ(ssem_load("x", 1, "t", (ssem_format_t)99, &img, &err), -1);
}

/* The reader stops at len: what follows in memory is never looked at. */
static void test_length_respected(void)
{
    char buf[64];
    memcpy(buf, "0001:" B_LDN24 "1111", 41);
    CHECK_EQ(ssem_load(buf, 37, NULL, SSEM_FORMAT_AUTO, &img, &err), 0);
    CHECK_EQ(img.word[1], 0x4018u);
    /* cut inside the bits: 31 of them */
    CHECK_EQ(ssem_load(buf, 36, NULL, SSEM_FORMAT_SNP, &img, &err), -1);
    CHECK_EQ(err.line, 1);
    CHECK_EQ(err.col, 6);
    /* a decimal whose digits go on past len */
    memcpy(buf, "-3999", 5);
    CHECK_EQ(ssem_load(buf, 2, NULL, SSEM_FORMAT_DECIMAL, &img, &err), 0);
    CHECK_EQ(img.word[0], 0xFFFFFFFDu);
}

/* ---- writers --------------------------------------------------------------- */

static void sample_store(uint32_t s[32])
{
    memset(s, 0, 32 * sizeof s[0]);
    s[1] = 0x4018u;      /* LDN 24 */
    s[13] = 0xE000u;     /* STP */
    s[20] = 0xFFFFFFFDu; /* -3 */
    s[21] = 0x00A06013u; /* STO 19 with picture bits: data */
    s[31] = 0x0000A001u; /* function 5 (a second SUB) */
}

static void check_round_trip(ssem_format_t wf, ssem_format_t rf, const uint32_t s[32])
{
    char text[SSEM_TEXT_MAX];
    CHECK(ssem_write(wf, s, text, sizeof text) > 0);
    CHECK_EQ(ssem_load(text, strlen(text), NULL, rf, &img, &err), 0);
    for (int i = 0; i < 32; i++)
        CHECK_EQ(img.word[i], s[i]);
    CHECK_EQ(img.defined, 0xFFFFFFFFu);
    CHECK_EQ(img.nwarnings, 0);
}

static void test_writers(void)
{
    uint32_t s[32];
    sample_store(s);

    char l[SSEM_TEXT_MAX];
    CHECK(ssem_write(SSEM_FORMAT_LISTING, s, l, sizeof l) == strlen(l));
    CHECK(strncmp(l, "0 00000000000000000000000000000000\n", 35) == 0);
    CHECK(strstr(l, "\n1 " B_LDN24 "  LDN 24\n") != NULL);
    CHECK(strstr(l, "\n20 " B_MINUS3 "  NUM -3\n") != NULL);
    char p[SSEM_TEXT_MAX];
    CHECK(ssem_write(SSEM_FORMAT_SNP, s, p, sizeof p) == strlen(p));
    CHECK(p[0] == ';');
    CHECK(strstr(p, "\n32\n0000:00000000000000000000000000000000\n0001:" B_LDN24 "\n") != NULL);
    CHECK(strstr(p, "\n0031:10000000000001010000000000000000\n") != NULL);
    char a[SSEM_TEXT_MAX];
    CHECK(ssem_write(SSEM_FORMAT_ASM, s, a, sizeof a) == strlen(a));
    CHECK(strstr(a, "\n01: LDN 24\n") != NULL);
    CHECK(strstr(a, "\n13: STP\n") != NULL);
    CHECK(strstr(a, "\n20: NUM -3\n") != NULL);
    CHECK_EQ(ssem_write(SSEM_FORMAT_BITS, s, a, sizeof a), 0);
    CHECK_EQ(a[0], '\0');
    CHECK_EQ(ssem_write(SSEM_FORMAT_AUTO, s, a, sizeof a), 0);
    CHECK_EQ(ssem_write(SSEM_FORMAT_STATE, s, a, sizeof a), 0); /* needs registers */
    CHECK_EQ(ssem_write(SSEM_FORMAT_LISTING, NULL, a, sizeof a), 0);
    /* a buffer one byte short of the text and its NUL: 0 and an empty string */
    size_t need = strlen(l) + 1;
    CHECK_EQ(ssem_write(SSEM_FORMAT_LISTING, s, a, need - 1), 0);
    CHECK_EQ(a[0], '\0');
    CHECK_EQ(ssem_write(SSEM_FORMAT_LISTING, s, a, need), need - 1);
    /* the largest text, a listing of 32 words each "NUM -2147483648" (the
     * longest disassembly), fits SSEM_TEXT_MAX: 32 x (3 + 32 + 2 + 15 + 1) */
    uint32_t big[32];
    for (int i = 0; i < 32; i++)
        big[i] = 0x80000000u;
    CHECK_EQ(ssem_write(SSEM_FORMAT_LISTING, big, l, sizeof l), 10u * 52u + 22u * 53u);

    ssem_format_t wf[] = {SSEM_FORMAT_LISTING, SSEM_FORMAT_SNP, SSEM_FORMAT_ASM};
    for (int i = 0; i < 3; i++) {
        check_round_trip(wf[i], wf[i], s);
        check_round_trip(wf[i], SSEM_FORMAT_AUTO, s);
    }
    /* every bit pattern class: all ones, the most negative, each function */
    uint32_t t[32];
    for (uint32_t i = 0; i < 32; i++)
        t[i] = (i << 13) | i;
    t[0] = 0xFFFFFFFFu;
    t[8] = 0x80000000u;
    t[9] = 0xE000u | 5u; /* STP with an operand: data */
    for (int i = 0; i < 3; i++)
        check_round_trip(wf[i], wf[i], t);
}

/* ---- arbitrary bytes --------------------------------------------------------- */

static uint32_t rng_state = 12345u;
static uint32_t rng(void)
{
    rng_state = rng_state * 1664525u + 1013904223u;
    return rng_state >> 8;
}

/* Random bytes and mutated programs: every call returns 0 or -1 with a sane
 * position (the sanitizer build catches reads past the end). */
static void test_arbitrary_bytes(void)
{
    uint32_t s[32];
    sample_store(s);
    static char seed_text[3][SSEM_TEXT_MAX];
    const ssem_format_t seed_format[3] = {SSEM_FORMAT_LISTING, SSEM_FORMAT_SNP, SSEM_FORMAT_ASM};
    const char *seeds[3];
    for (int i = 0; i < 3; i++) {
        ssem_write(seed_format[i], s, seed_text[i], sizeof seed_text[i]);
        seeds[i] = seed_text[i];
    }
    static const char alphabet[] = "01:; \t\r\n-#/x9+";
    for (int round = 0; round < 3000; round++) {
        char buf[1200];
        size_t n;
        if (round % 2 == 0) {
            n = rng() % sizeof buf;
            for (size_t i = 0; i < n; i++)
                buf[i] = (round % 4 == 0) ? (char)(rng() & 0xFF)
                                          : alphabet[rng() % (sizeof alphabet - 1)];
        } else {
            const char *seed = seeds[rng() % 3];
            if (seed == NULL)
                continue;
            n = strlen(seed);
            if (n > sizeof buf)
                n = sizeof buf;
            memcpy(buf, seed, n);
            for (int k = 0; k < 3; k++)
                buf[rng() % n] = (char)(rng() & 0xFF);
            n = rng() % (n + 1);
        }
        /* the heap copy has no spare byte after it for a reader to stray into */
        char *heap = malloc(n ? n : 1);
        if (heap == NULL)
            continue;
        memcpy(heap, buf, n);
        int rc = ssem_load(heap, n, "fuzz", (ssem_format_t)(round % SSEM_FORMAT_COUNT), &img,
                           &err);
        CHECK(rc == 0 || rc == -1);
        if (rc == -1) {
            CHECK(err.line >= 0 && err.col >= 0);
            CHECK(memchr(err.message, '\0', sizeof err.message) != NULL);
        } else {
            CHECK(img.defined != 0u);
        }
        free(heap);
    }
}

/* ---- byte-order mark and line ends (every format alike) --------------------- */

#define BOM "\xEF\xBB\xBF"

/* A UTF-8 byte-order mark at the start is skipped by every format, forced or
 * detected; columns on line 1 count from after it. */
static void test_bom_every_format(void)
{
    static const struct {
        const char *text;
        ssem_format_t f;
    } cases[] = {
        {BOM "1 " B_LDN24 " comment\n", SSEM_FORMAT_LISTING},
        {BOM "; c\n1\n0001:" B_LDN24 "\n", SSEM_FORMAT_SNP},
        {BOM "0001:" B_LDN24 "\n", SSEM_FORMAT_SNP}, /* the store line itself first */
        {BOM B_ONE "\n" B_LDN24 "\n", SSEM_FORMAT_BITS},
        {BOM "1\n16408\n", SSEM_FORMAT_DECIMAL},
        {BOM "NUM 1\nLDN 24\n", SSEM_FORMAT_ASM},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_EQ(load(cases[i].text, "t", cases[i].f), 0);
        CHECK_EQ(img.word[1], 0x4018u);
        CHECK_EQ(load(cases[i].text, "t", SSEM_FORMAT_AUTO), 0);
        CHECK_EQ(img.format, cases[i].f);
        CHECK_EQ(img.word[1], 0x4018u);
    }
    /* the column after the mark: "0001:" then a '2' at column 6, not 9 */
    CHECK_ERR_AT(BOM "0001:2" B_LDN24 "\n", SSEM_FORMAT_SNP, 1, 6);
    /* a state file with a mark keeps its registers */
    ssem_t m;
    memset(&m, 0, sizeof m);
    char text[SSEM_TEXT_MAX + 3] = BOM;
    m.a = 5;
    m.steps = 77;
    CHECK(ssem_write_state(&m, text + 3, SSEM_TEXT_MAX) > 0);
    ssem_t back;
    memset(&back, 0, sizeof back);
    CHECK_EQ(ssem_load_machine(text, strlen(text), "s.snp", SSEM_FORMAT_AUTO, &back, &img, &err),
             0);
    CHECK_EQ(back.a, 5);
    CHECK_EQ(back.steps, 77);
}

/* Old Macintosh files end lines with a lone CR: they are line ends in every
 * format (never one long line), and messages count lines by them. */
static void test_cr_line_ends(void)
{
    static const struct {
        const char *text;
        ssem_format_t f;
    } cases[] = {
        {"0 " B_ONE "\r1 " B_LDN24 "\r2 " B_MINUS3 "\r", SSEM_FORMAT_LISTING},
        {"; c\r3\r0000:" B_ONE "\r0001:" B_LDN24 "\r0002:" B_MINUS3, SSEM_FORMAT_SNP},
        {B_ONE "\r" B_LDN24 "\r" B_MINUS3 "\r", SSEM_FORMAT_BITS},
        {"1\r16408\r-3\r", SSEM_FORMAT_DECIMAL},
        {"NUM 1\rLDN 24\rNUM -3\r", SSEM_FORMAT_ASM},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_EQ(load(cases[i].text, "t", SSEM_FORMAT_AUTO), 0);
        CHECK_EQ(img.format, cases[i].f);
        CHECK_EQ(img.defined, 7u); /* three lines, not one */
        CHECK_EQ(img.word[0], 1u);
        CHECK_EQ(img.word[1], 0x4018u);
        CHECK_EQ(img.word[2], 0xFFFFFFFDu);
    }
    /* an error on the third CR-ended line is reported on line 3 */
    CHECK_ERR_AT("0000:" B_ONE "\r0001:" B_ONE "\r0002:" B_ONE "x\r", SSEM_FORMAT_SNP, 3, 38);
    CHECK_ERR_AT("NUM 1\rNUM 2\rFOO 3\r", SSEM_FORMAT_ASM, 3, 1);
    /* CRLF is one line end, not two: the error is on line 2 */
    CHECK_ERR_AT("0000:" B_ONE "\r\n0001:2\r\n", SSEM_FORMAT_SNP, 2, 6);
    /* the message's source line and caret come from the same line */
    char buf[512];
    CHECK_EQ(load("NUM 1\rNUM 2\rFOO 3\r", "t", SSEM_FORMAT_ASM), -1);
    const char *t = "NUM 1\rNUM 2\rFOO 3\r";
    ssem_diag_format(&err, t, strlen(t), buf, sizeof buf);
    CHECK(strstr(buf, "\n    FOO 3\n    ^\n") != NULL);
}

int main(void)
{
    RUN(test_names);
    RUN(test_listing);
    RUN(test_listing_errors);
    RUN(test_snp_sharp);
    RUN(test_snp_variants);
    RUN(test_snp_errors);
    RUN(test_bits);
    RUN(test_decimal);
    RUN(test_detection);
    RUN(test_empty);
    RUN(test_length_respected);
    RUN(test_writers);
    RUN(test_arbitrary_bytes);
    RUN(test_bom_every_format);
    RUN(test_cr_line_ends);
    return CHECK_DONE();
}
