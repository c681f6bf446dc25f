/*
 * test_asm.c - the assembler (src/asm.c): every feature, every error with its
 * exact line and column, and real files from ../shared/corpus.
 *
 * Expected words are worked out by hand from the bit layout (SPEC section 3:
 * line number in bits 0-4, function in bits 13-15), e.g. LDN 24 =
 * (2 << 13) | 24 = 0x4018, never copied from the assembler's own output.
 * The corpus check runs each assembled program and compares it with
 * expected-simh.tsv, results an independent simulator (simh) reached.
 *
 * Every text is handed to the assembler in a malloc'd buffer of exactly its
 * length, with no NUL after it, so that AddressSanitizer catches a read past
 * the end.
 */
#include "check.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define CORPUS "../shared/corpus/"

static ssem_diag_t last_err;

/* Assembles text[0..len) from an exact-size copy; returns the status. */
static int assemble_n(const char *text, size_t len, ssem_image_t *img)
{
    char *copy = malloc(len ? len : 1);
    if (copy == NULL)
        return -2;
    memcpy(copy, text, len);
    memset(&last_err, 0, sizeof last_err);
    int r = ssem_asm_parse(copy, len, "t.asm", img, &last_err);
    free(copy);
    return r;
}

static int assemble(const char *text, ssem_image_t *img)
{
    return assemble_n(text, strlen(text), img);
}

/* The text must fail at line:col with a message starting with `msg`. */
static void check_error(const char *text, int line, int col, const char *msg, int src_line)
{
    ssem_image_t img;
    int r = assemble(text, &img);
    if (r != -1 || last_err.line != line || last_err.col != col ||
        strncmp(last_err.message, msg, strlen(msg)) != 0) {
        fprintf(stderr, "%s:%d: for %-30.30s got %d %d:%d '%s', want -1 %d:%d '%s'\n",
                __FILE__, src_line, text, r, last_err.line, last_err.col, last_err.message,
                line, col, msg);
        check_current_failed = 1;
    }
}
#define CHECK_ERROR(text, line, col, msg) check_error(text, line, col, msg, __LINE__)

static char *read_corpus(const char *path, size_t *len)
{
    char full[512];
    snprintf(full, sizeof full, CORPUS "%s", path);
    FILE *f = fopen(full, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 1u << 16, n = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
        if (n == cap) {
            char *more = realloc(buf, cap * 2);
            if (more == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = more;
            cap *= 2;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static int assemble_corpus(const char *path, ssem_image_t *img)
{
    size_t len;
    char *text = read_corpus(path, &len);
    if (text == NULL) {
        fprintf(stderr, "cannot read %s%s\n", CORPUS, path);
        return -2;
    }
    int r = assemble_n(text, len, img);
    if (r != 0)
        fprintf(stderr, "%s:%d:%d: %s\n", path, last_err.line, last_err.col, last_err.message);
    free(text);
    return r;
}

/* ------------------------------------------------------------------------ */

static void test_instructions(void)
{
    ssem_image_t img;
    CHECK_EQ(assemble("JMP 3\nJRP 20\nLDN 24\nSTO 26\nSUB 27\nCMP\nSTP\n", &img), 0);
    CHECK_EQ(img.word[0], 0x0003u);           /* f 0 */
    CHECK_EQ(img.word[1], (1u << 13) | 20u);  /* 0x2014 */
    CHECK_EQ(img.word[2], 0x4018u);           /* LDN 24 */
    CHECK_EQ(img.word[3], (3u << 13) | 26u);  /* 0x601A */
    CHECK_EQ(img.word[4], (4u << 13) | 27u);  /* 0x801B */
    CHECK_EQ(img.word[5], 0xC000u);
    CHECK_EQ(img.word[6], 0xE000u);
    CHECK_EQ(img.defined, 0x7Fu);
    CHECK_EQ(img.format, SSEM_FORMAT_ASM);
    CHECK_EQ(img.nwarnings, 0);
}

static void test_aliases_and_case(void)
{
    ssem_image_t img;
    CHECK_EQ(assemble("jpr 5\nJMR 6\nskn\nHLT\nstop\nHalt\nldn 7\nVAR 12\nnum 13\nStp\n", &img),
             0);
    CHECK_EQ(img.word[0], 0x2005u);
    CHECK_EQ(img.word[1], 0x2006u);
    CHECK_EQ(img.word[2], 0xC000u);
    CHECK_EQ(img.word[3], 0xE000u);
    CHECK_EQ(img.word[4], 0xE000u);
    CHECK_EQ(img.word[5], 0xE000u);
    CHECK_EQ(img.word[6], 0x4007u);
    CHECK_EQ(img.word[7], 12u);
    CHECK_EQ(img.word[8], 13u);
    CHECK_EQ(img.word[9], 0xE000u);
    /* JRP itself, and SUB is function 4, not 5 */
    CHECK_EQ(assemble("JRP 1\nSUB 1\n", &img), 0);
    CHECK_EQ(img.word[0], 0x2001u);
    CHECK_EQ(img.word[1], 0x8001u);
}

static void test_cmp_stp_operand(void)
{
    ssem_image_t img;
    /* an operand on CMP/STP goes to bits 0-4, so disassembly round-trips */
    CHECK_EQ(assemble("CMP 5\nSTP 31\n", &img), 0);
    CHECK_EQ(img.word[0], 0xC005u);
    CHECK_EQ(img.word[1], 0xE01Fu);
    CHECK_ERROR("CMP 32\n", 1, 5, "line number out of range 0..31");
}

static void test_line_numbers(void)
{
    ssem_image_t img;
    /* with and without colon, 2 or 4 digits, leading zeros decimal */
    CHECK_EQ(assemble("01 LDN 9\n0002 STO 9\n08: NUM 8\n09:NUM 9\n", &img), 0);
    CHECK_EQ(img.word[1], 0x4009u);
    CHECK_EQ(img.word[2], 0x6009u);
    CHECK_EQ(img.word[8], 8u);
    CHECK_EQ(img.word[9], 9u);
    CHECK_EQ(img.defined, (1u << 1) | (1u << 2) | (1u << 8) | (1u << 9));
    /* unnumbered lines follow the previous word */
    CHECK_EQ(assemble("NUM 1\n10 NUM 2\nNUM 3\n", &img), 0);
    CHECK_EQ(img.word[0], 1u);
    CHECK_EQ(img.word[10], 2u);
    CHECK_EQ(img.word[11], 3u);
    CHECK_EQ(img.defined, (1u << 0) | (1u << 10) | (1u << 11));
}

static void test_empty_numbered_lines(void)
{
    ssem_image_t img;
    /* emuStudio / NevynUK: a line number and a comment is an empty line */
    CHECK_EQ(assemble("01 STP\n28:     -- quotient\n29 NUM 4\n31   -- result\n", &img), 0);
    CHECK_EQ(img.defined, (1u << 1) | (1u << 28) | (1u << 29) | (1u << 31));
    CHECK_EQ(img.word[28], 0u);
    CHECK_EQ(img.word[31], 0u);
    /* babyutils: "28:" alone is where the next word goes */
    CHECK_EQ(assemble("01:\n ldn x\n28:\nx:\n num 1\n", &img), 0);
    CHECK_EQ(img.word[1], 0x401Cu); /* LDN 28 */
    CHECK_EQ(img.word[28], 1u);
    CHECK_EQ(img.defined, (1u << 1) | (1u << 28));
}

static void test_comments(void)
{
    ssem_image_t img;
    CHECK_EQ(assemble("; a\n-- b\n// c\n# d\nNUM 1 ; e\nNUM 2 -- f\nNUM 3 // g\nNUM 4 # h\n"
                      "NUM 5--i\n   ; indented\n",
                      &img),
             0);
    CHECK_EQ(img.defined, 0x1Fu);
    CHECK_EQ(img.word[4], 5u);
}

static void test_numbers(void)
{
    ssem_image_t img;
    CHECK_EQ(assemble("NUM -3\nNUM 0x1F\nNUM 1Fh\nNUM 0FFh\nNUM 0b011\nNUM L0b011\n"
                      "NUM 4294967295\nNUM -2147483648\nNUM 0XffffFFFF\nNUM +7\n",
                      &img),
             0);
    CHECK_EQ(img.word[0], 0xFFFFFFFDu);
    CHECK_EQ(img.word[1], 31u);
    CHECK_EQ(img.word[2], 31u);
    CHECK_EQ(img.word[3], 255u);
    CHECK_EQ(img.word[4], 3u); /* 0b: most significant bit first */
    CHECK_EQ(img.word[5], 6u); /* L0b: bit 0 first: bits 1 and 2 */
    CHECK_EQ(img.word[6], 0xFFFFFFFFu);
    CHECK_EQ(img.word[7], 0x80000000u);
    CHECK_EQ(img.word[8], 0xFFFFFFFFu);
    CHECK_EQ(img.word[9], 7u);
    CHECK_ERROR("NUM 4294967296\n", 1, 5, "number out of range");
    CHECK_ERROR("NUM 99999999999999999999999\n", 1, 5, "number out of range");
    CHECK_ERROR("NUM -2147483649\n", 1, 5, "number out of range");
    CHECK_ERROR("NUM 0x100000000\n", 1, 5, "number out of range");
    CHECK_ERROR("NUM 12ab\n", 1, 5, "bad number '12ab'");
    CHECK_ERROR("NUM 0b102\n", 1, 5, "bad number");
    CHECK_ERROR("NUM L0b012\n", 1, 5, "bad binary number");
}

static void test_bit_strings(void)
{
    ssem_image_t img;
    /* BNUM / BINS / BIN: bit 0 first, short strings fill the low bits */
    CHECK_EQ(assemble("BNUM 00000000000000000000000000000100\nBINS 00011000000000100000000000000000\n"
                      "BIN 101\n"
                      "0003:00011000000000100000000000000000\n",
                      &img),
             0);
    CHECK_EQ(img.word[0], 1u << 29);
    CHECK_EQ(img.word[1], 0x4018u); /* LDN 24 as the Baby shows it */
    CHECK_EQ(img.word[2], 5u);
    CHECK_EQ(img.word[3], 0x4018u);
    CHECK_ERROR("BNUM 0120\n", 1, 6, "expected a string of 0s and 1s");
    CHECK_ERROR("BNUM 000000000000000000000000000000001\n", 1, 6, "number out of range");
    CHECK_ERROR("BNUM\n", 1, 5, "expected an operand");
}

static void test_labels(void)
{
    ssem_image_t img;
    CHECK_EQ(assemble("loop: LDN x\n  JMP j\nj:\n  EJA loop\nx: NUM 7\n", &img), 0);
    CHECK_EQ(img.word[0], 0x4003u);     /* LDN 3 */
    CHECK_EQ(img.word[1], 0x0002u);     /* JMP 2 */
    CHECK_EQ(img.word[2], 0xFFFFFFFFu); /* EJA 0 = -1 */
    CHECK_EQ(img.word[3], 7u);
    CHECK_EQ(img.defined, 0xFu);
    /* labels as data, several on a line, after a line number */
    CHECK_EQ(assemble("05: a: b: NUM a\nNUM b+1\n", &img), 0);
    CHECK_EQ(img.word[5], 5u);
    CHECK_EQ(img.word[6], 6u);
    /* labels are case-sensitive; mnemonics are not */
    CHECK_ERROR("Loop: STP\nJMP loop\n", 2, 5, "undefined label 'loop'");
    CHECK_ERROR("x: NUM 1\nx: NUM 2\n", 2, 1, "duplicate label 'x'");
    CHECK_ERROR("  JMP foo\n", 1, 7, "undefined label 'foo'");
}

static void test_expressions(void)
{
    ssem_image_t img;
    CHECK_EQ(assemble("JMP loop - 1\nNUM end-1\nloop: NUM -loop\nend: NUM $ + 0x1000\n"
                      "NUM 8 - 3 + -2\nNUM - -4\n",
                      &img),
             0);
    CHECK_EQ(img.word[0], 1u);          /* loop = 2 */
    CHECK_EQ(img.word[1], 2u);          /* end = 3 */
    CHECK_EQ(img.word[2], 0xFFFFFFFEu); /* -2 */
    CHECK_EQ(img.word[3], 0x1003u);     /* $ = 3 */
    CHECK_EQ(img.word[4], 3u);
    CHECK_EQ(img.word[5], 4u);
    CHECK_ERROR("JMP x-2\nx: NUM 0\n", 1, 5, "line number out of range 0..31");
    CHECK_ERROR("NUM 1 +\n", 1, 8, "expected an operand");
    CHECK_ERROR("NUM 4294967295 + 4294967295 + 4294967295\n", 1, 5,
                "number out of range");
}

static void test_org(void)
{
    ssem_image_t img;
    CHECK_EQ(assemble("ORG 5\nNUM 9\n.org 10\nx: STP\nORG x+2\nNUM x\n", &img), 0);
    CHECK_EQ(img.word[5], 9u);
    CHECK_EQ(img.word[10], 0xE000u);
    CHECK_EQ(img.word[12], 10u);
    CHECK_EQ(img.defined, (1u << 5) | (1u << 10) | (1u << 12));
    CHECK_ERROR("ORG 32\n", 1, 5, "line number out of range 0..31");
    CHECK_ERROR("ORG later\nlater: STP\n", 1, 5, "undefined label 'later'");
}

static void test_start(void)
{
    ssem_image_t img;
    /* emuStudio: "NN START"; only 0 is what the Baby does */
    CHECK_EQ(assemble("00 START\n01 STP\n", &img), 0);
    CHECK_EQ(img.nwarnings, 0);
    CHECK_EQ(img.defined, 1u << 1);
    CHECK_EQ(assemble("05 START\n01 STP\n", &img), 0);
    CHECK_EQ(img.nwarnings, 1);
    CHECK_EQ(img.warning[0].line, 1);
    CHECK_EQ(img.defined, 1u << 1);
}

static void test_sharp_count_line(void)
{
    ssem_image_t img;
    /* the count matches the lines after it: a count, not a line */
    CHECK_EQ(assemble("; Sharp\n2\n0001 LDN 3\n0003 NUM 1\n", &img), 0);
    CHECK_EQ(img.defined, (1u << 1) | (1u << 3));
    CHECK_EQ(img.word[1], 0x4003u);
    CHECK_EQ(img.nwarnings, 0);
    /* it does not: an empty numbered line 5 */
    CHECK_EQ(assemble("5\n01 STP\n", &img), 0);
    CHECK_EQ(img.defined, (1u << 5) | (1u << 1));
}

static void test_warnings(void)
{
    ssem_image_t img;
    CHECK_EQ(assemble("01 NUM 1\n01 NUM 2\n", &img), 0);
    CHECK_EQ(img.word[1], 2u);
    CHECK_EQ(img.nwarnings, 1);
    CHECK_EQ(img.warning[0].line, 2);
    CHECK_EQ(img.warning[0].col, 4);
    CHECK(strstr(img.warning[0].message, "assembled twice") != NULL);

    /* 33 words: the 33rd is dropped with one warning */
    char text[33 * 6 + 1];
    text[0] = '\0';
    for (int i = 0; i < 34; i++)
        strcat(text, i < 33 ? "NUM 1\n" : "");
    CHECK_EQ(assemble(text, &img), 0);
    CHECK_EQ(img.defined, 0xFFFFFFFFu);
    CHECK_EQ(img.nwarnings, 1);
    CHECK_EQ(img.warning[0].line, 33);
    CHECK(strstr(img.warning[0].message, "longer than 32 lines") != NULL);
}

static void test_errors(void)
{
    CHECK_ERROR("LDX 5\n", 1, 1, "unknown mnemonic 'LDX'");
    CHECK_ERROR("NUM 1\n   ldx\n", 2, 4, "unknown mnemonic 'ldx'");
    CHECK_ERROR("LDN\n", 1, 4, "expected an operand");
    CHECK_ERROR("LDN   ; nothing\n", 1, 7, "expected an operand");
    CHECK_ERROR("NUM\n", 1, 4, "expected an operand");
    CHECK_ERROR("LDN 5 6\n", 1, 7, "unexpected text after operand");
    CHECK_ERROR("STP STP\n", 1, 5, "undefined label 'STP'");
    CHECK_ERROR("LDN 32\n", 1, 5, "line number out of range 0..31");
    CHECK_ERROR("JMP -1\n", 1, 5, "line number out of range 0..31");
    CHECK_ERROR("32 NUM 1\n", 1, 1, "line number out of range 0..31");
    CHECK_ERROR("NUM 1\n\n  @\n", 3, 3, "unexpected '@'");
    CHECK_ERROR("05 06\n", 1, 4, "unexpected '0'");
    CHECK_ERROR("NUM 1\r\nLDN ,\r\n", 2, 5, "unexpected ','");
    CHECK_ERROR("", 0, 0, "no store lines in the file");
    CHECK_ERROR("; only\n-- comments\n\n", 0, 0, "no store lines in the file");
    CHECK_ERROR("label:\nORG 3\n", 0, 0, "no store lines in the file");
}

static void test_bounds(void)
{
    ssem_image_t img;
    /* the text ends where len says, not at a NUL */
    CHECK_EQ(assemble_n("NUM 5X", 5, &img), 0);
    CHECK_EQ(img.word[0], 5u);
    CHECK_EQ(assemble_n("LDN 2", 4, &img), -1);
    CHECK_EQ(last_err.col, 5);
    CHECK_EQ(assemble_n("NUM 5", 0, &img), -1);
    /* bytes that are not text */
    static const char junk[] = {'N', 'U', 'M', ' ', '1', '\n', '\0', '\xff', '\n'};
    CHECK_EQ(assemble_n(junk, sizeof junk, &img), -1);
    CHECK_EQ(last_err.line, 2);
    CHECK_EQ(last_err.col, 1);
    /* a UTF-8 byte-order mark is skipped */
    CHECK_EQ(assemble("\xEF\xBB\xBFNUM 3\n", &img), 0);
    CHECK_EQ(img.word[0], 3u);
}

/* ------------------------------------------------------------------------
 * Real files.
 * ---------------------------------------------------------------------- */

static void test_corpus_words(void)
{
    ssem_image_t img, other;

    /* Sharp: count line "30", "0000 JMP 24", lines 22-23 absent */
    CHECK_EQ(assemble_corpus("davidpsharp_baby/maths/primegen.asm", &img), 0);
    CHECK_EQ(img.word[0], 24u);           /* JMP 24 */
    CHECK_EQ(img.word[1], 0x4015u);       /* LDN 21 */
    CHECK_EQ(img.word[15], 0xFFFFFFFFu);  /* NUM -1 */
    CHECK_EQ(img.word[24], 7u);
    CHECK_EQ(img.word[26], 0x2000u);      /* JRP 0 */
    CHECK_EQ(img.defined, 0xFF3FFFFFu);

    /* Sharp: count line "31", CRLF line ends */
    CHECK_EQ(assemble_corpus("davidpsharp_baby/diffeqt.asm", &img), 0);
    CHECK_EQ(img.defined, 0xFFFFFFFEu);
    CHECK_EQ(img.word[1], 0x401Du);       /* LDN 29 */
    CHECK_EQ(img.word[27], 0xFFFFE000u);  /* NUM -8192 */
    CHECK_EQ(img.word[29], 131072u);
    /* Sharp's labelled draft of the same program gives the same words */
    CHECK_EQ(assemble_corpus("davidpsharp_baby/diffeqt.s", &other), 0);
    CHECK_EQ(other.word[0], 0u);
    CHECK(memcmp(img.word + 1, other.word + 1, 31 * sizeof(uint32_t)) == 0);

    /* NevynUK: BNUM bit 0 first, "28:  -- comment" an empty line */
    CHECK_EQ(assemble_corpus("NevynUK_ManchesterBaby/SSEMPrograms/TuringLongDivision.ssem",
                             &img),
             0);
    CHECK_EQ(img.word[29], 1u << 29);
    CHECK_EQ(img.word[28], 0u);
    CHECK_EQ(img.defined, 0xFFFFFFFFu);
    /* babyutils: labels and EJA give the same program as the numbered one */
    CHECK_EQ(assemble_corpus("andy-bower_babyutils/ldiv-pic.asm", &other), 0);
    CHECK(memcmp(img.word, other.word, sizeof img.word) == 0);
    CHECK_EQ(other.word[0], 19u); /* EJA j_target, j_target = 20 */

    /* babyutils: "eja 3" is 2; "jrp todest1" with todest1 = 11 */
    CHECK_EQ(assemble_corpus("andy-bower_babyutils/test-jrp.asm", &img), 0);
    CHECK_EQ(img.word[11], 2u);
    CHECK_EQ(img.word[3], 0x200Bu);
    CHECK_EQ(img.word[28], 1u);

    /* babyutils: "num $ + 0x1000" on line 1 */
    CHECK_EQ(assemble_corpus("andy-bower_babyutils/relative.asm", &img), 0);
    CHECK_EQ(img.word[1], 0x1001u);
    CHECK_EQ(img.defined, 2u);

    /* Dundee-style: labels, VAR, no line numbers */
    CHECK_EQ(assemble_corpus("davidtopping02_Manchester-Baby-Simulator/BabyTest1-Assembler.txt",
                             &img),
             0);
    CHECK_EQ(img.word[1], 0x4007u); /* LDN NUM01, NUM01 on line 7 */
    CHECK_EQ(img.word[2], 0x8008u); /* SUB NUM02 */
    CHECK_EQ(img.word[6], 0xE000u);
    CHECK_EQ(img.word[7], 1025u);
    CHECK_EQ(img.defined, 0x3FFu);

    /* emuStudio: line 27 given twice, the later kept, with a warning */
    CHECK_EQ(assemble_corpus("emustudio_emuStudio/medclock.ssem", &img), 0);
    CHECK_EQ(img.word[27], 0xFFFFFFFDu); /* 1011...1 bit 0 first = -3 */
    CHECK_EQ(img.nwarnings, 1);
    CHECK_EQ(img.warning[0].line, 39);

    /* gobaby */
    CHECK_EQ(assemble_corpus("jcla1_gobaby/factor.asm", &img), 0);
    CHECK_EQ(img.word[8], 0x2014u); /* JRP 20 */
    CHECK_EQ(img.word[23], (uint32_t)-262144);
}

/* Files that are assembly (macro.asm and subroutines.asm use babyutils
 * macros, which we do not read). */
static const char *const asm_files[] = {
    "davidpsharp_baby/diffeqt.asm",
    "davidpsharp_baby/virpet.asm",
    "davidpsharp_baby/maths/primegen.asm",
    "davidpsharp_baby/diffeqt.s",
    "NevynUK_ManchesterBaby/SSEMPrograms/3Minutes.ssem",
    "NevynUK_ManchesterBaby/SSEMPrograms/Add.ssem",
    "NevynUK_ManchesterBaby/SSEMPrograms/Clock.ssem",
    "NevynUK_ManchesterBaby/SSEMPrograms/Factor95.ssem",
    "NevynUK_ManchesterBaby/SSEMPrograms/HCF1.ssem",
    "NevynUK_ManchesterBaby/SSEMPrograms/HCF2.ssem",
    "NevynUK_ManchesterBaby/SSEMPrograms/IntDivision.ssem",
    "NevynUK_ManchesterBaby/SSEMPrograms/Nightmare.ssem",
    "NevynUK_ManchesterBaby/SSEMPrograms/Parabola.ssem",
    "NevynUK_ManchesterBaby/SSEMPrograms/Primes.ssem",
    "NevynUK_ManchesterBaby/SSEMPrograms/TuringLongDivision.ssem",
    "NevynUK_ManchesterBaby/SSEMPrograms/hfr989.ssem",
    "emustudio_emuStudio/addition.ssem",
    "emustudio_emuStudio/bcs-division.ssem",
    "emustudio_emuStudio/dec-till-negative.ssem",
    "emustudio_emuStudio/highest-common-factor.ssem",
    "emustudio_emuStudio/highest-factor.ssem",
    "emustudio_emuStudio/medclock.ssem",
    "emustudio_emuStudio/nightmare.ssem",
    "emustudio_emuStudio/noodle-timer.ssem",
    "emustudio_emuStudio/parabola.ssem",
    "emustudio_emuStudio/primegen.ssem",
    "emustudio_emuStudio/square-root.ssem",
    "emustudio_emuStudio/ssem.ssem",
    "emustudio_emuStudio/the-fraj.ssem",
    "emustudio_emuStudio/virpet.ssem",
    "pfaivre_manchester-baby-sim/factorct.asm",
    "pfaivre_manchester-baby-sim/fibonacci.asm",
    "pfaivre_ssem-simulator/diffeqt.asm",
    "pfaivre_ssem-simulator/factorct.asm",
    "pfaivre_ssem-simulator/fibonacci.asm",
    "pfaivre_ssem-simulator/virpet.asm",
    "bdwalton_manchester-baby/primes.baby",
    "bdwalton_manchester-baby/sum_sequence.baby",
    "bdwalton_manchester-baby/test.baby",
    "andy-bower_ManchesterBabyPython/Samples/Add.asm",
    "andy-bower_ManchesterBabyPython/Samples/Factor95.asm",
    "andy-bower_ManchesterBabyPython/Samples/HighestCommonFactor1.asm",
    "andy-bower_ManchesterBabyPython/Samples/HighestCommonFactor2.asm",
    "andy-bower_ManchesterBabyPython/Samples/Primes.asm",
    "andy-bower_ManchesterBabyPython/Samples/TuringLongDivision.asm",
    "andy-bower_ManchesterBabyPython/Samples/hfr989.asm",
    "andy-bower_ManchesterBabyPython/Tests/CIRollover.asm",
    "andy-bower_ManchesterBabyPython/Tests/JMPTest.asm",
    "andy-bower_ManchesterBabyPython/Tests/JRPTest.asm",
    "andy-bower_ManchesterBabyPython/Tests/SUBTest.asm",
    "andy-bower_babyutils/ldiv-pic.asm",
    "andy-bower_babyutils/ldiv.asm",
    "andy-bower_babyutils/relative.asm",
    "andy-bower_babyutils/test-count-forever.asm",
    "andy-bower_babyutils/test-count31.asm",
    "andy-bower_babyutils/test-jmp.asm",
    "andy-bower_babyutils/test-jrp.asm",
    "jcla1_gobaby/factor.asm",
    "jcla1_gobaby/primegen.asm",
    "jcla1_gobaby/simple_calc.asm",
    "davidtopping02_Manchester-Baby-Simulator/BabyTest1-Assembler.txt",
};

static void test_corpus_assembles(void)
{
    for (size_t i = 0; i < sizeof asm_files / sizeof asm_files[0]; i++) {
        ssem_image_t img;
        int r = assemble_corpus(asm_files[i], &img);
        if (r != 0) {
            fprintf(stderr, "  %s does not assemble\n", asm_files[i]);
            check_current_failed = 1;
        }
    }
    /* macro files are refused with a position, not misread */
    ssem_image_t img;
    CHECK_EQ(assemble_corpus("andy-bower_babyutils/macro.asm", &img), -1);
    CHECK_EQ(last_err.line, 6);
    CHECK_EQ(last_err.col, 1);
}

/* Every assembly file with a row in expected-simh.tsv runs to simh's result. */
static void test_corpus_against_simh(void)
{
    size_t len;
    char *tsv = read_corpus("expected-simh.tsv", &len);
    CHECK(tsv != NULL);
    if (tsv == NULL)
        return;
    int compared = 0;
    size_t at = 0;
    while (at < len) {
        char *nl = memchr(tsv + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - tsv) : len;
        char row[512];
        size_t n = end - at < sizeof row - 1 ? end - at : sizeof row - 1;
        memcpy(row, tsv + at, n);
        row[n] = '\0';
        at = end + 1;

        char file[256], status[64];
        unsigned ci;
        long long a;
        unsigned long long steps;
        char *tab1 = strchr(row, '\t');
        char *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        if (tab1 == NULL || tab2 == NULL || (size_t)(tab1 - row) >= sizeof file ||
            (size_t)(tab2 - tab1 - 1) >= sizeof status)
            continue;
        memcpy(file, row, (size_t)(tab1 - row));
        file[tab1 - row] = '\0';
        memcpy(status, tab1 + 1, (size_t)(tab2 - tab1 - 1));
        status[tab2 - tab1 - 1] = '\0';
        if (sscanf(tab2 + 1, "%u\t%lld\t%llu", &ci, &a, &steps) != 3)
            continue;

        bool ours = false;
        for (size_t i = 0; i < sizeof asm_files / sizeof asm_files[0]; i++)
            ours = ours || strcmp(file, asm_files[i]) == 0;
        if (!ours)
            continue;

        ssem_image_t img;
        if (assemble_corpus(file, &img) != 0) {
            check_current_failed = 1;
            continue;
        }
        ssem_t m;
        memset(&m, 0, sizeof m);
        ssem_reset(&m);
        ssem_load_image(&m, &img);
        ssem_stop_t why = ssem_run(&m, 5000000u, 0);
        bool want_stop = strcmp(status, "Stop") == 0;
        bool ok = (want_stop ? why == SSEM_HALTED : why == SSEM_LIMIT) &&
                  (m.ci & 31u) == ci && (long long)ssem_word_signed(m.a) == a &&
                  m.steps == steps;
        if (!ok) {
            fprintf(stderr, "  %s: got %s CI %u A %ld steps %llu, simh: %s %u %lld %llu\n", file,
                    ssem_stop_name(why), (unsigned)(m.ci & 31u), (long)ssem_word_signed(m.a),
                    (unsigned long long)m.steps, status, ci, a, steps);
            check_current_failed = 1;
        }
        compared++;
    }
    free(tsv);
    fprintf(stderr, "  compared %d corpus programs with simh\n", compared);
    CHECK(compared >= 45);
}

/* Labels that name store lines are kept in the image (for `break loop` in
 * the debugger): the first of several on a line, none for a name of 32 bytes
 * or more, none for a line that holds no word. */
static void test_labels_kept(void)
{
    ssem_image_t img;
    const char *src = "1: start: LDN 20\n"
                      "2: loop: again: SUB 21\n"
                      "3: STP\n"
                      "4: a_name_that_is_far_too_long_to_keep: JMP 1\n"
                      "20: x: NUM 5\n"
                      "21: one: NUM 1\n"
                      "end:\n";
    CHECK_EQ(assemble(src, &img), 0);
    CHECK(strcmp(img.label[1], "start") == 0);
    CHECK(strcmp(img.label[2], "loop") == 0);
    CHECK(strcmp(img.label[3], "") == 0);
    CHECK(strcmp(img.label[4], "") == 0);
    CHECK(strcmp(img.label[20], "x") == 0);
    CHECK(strcmp(img.label[21], "one") == 0);
    CHECK(strcmp(img.label[22], "") == 0);
    CHECK(strcmp(img.label[0], "") == 0);
    CHECK_EQ(img.word[2], (4u << 13) | 21u); /* SUB 21: the labels did not move it */
}

int main(void)
{
    RUN(test_instructions);
    RUN(test_aliases_and_case);
    RUN(test_cmp_stp_operand);
    RUN(test_line_numbers);
    RUN(test_empty_numbered_lines);
    RUN(test_comments);
    RUN(test_numbers);
    RUN(test_bit_strings);
    RUN(test_labels);
    RUN(test_expressions);
    RUN(test_org);
    RUN(test_start);
    RUN(test_sharp_count_line);
    RUN(test_warnings);
    RUN(test_labels_kept);
    RUN(test_errors);
    RUN(test_bounds);
    RUN(test_corpus_words);
    RUN(test_corpus_assembles);
    RUN(test_corpus_against_simh);
    return CHECK_DONE();
}
