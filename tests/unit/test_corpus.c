/*
 * test_corpus.c - ssem reads the programs other tools' users wrote.
 *
 * Three checks over ../shared/corpus (read in place, never copied):
 *  1. every file in a form the corpus README lists loads, detected as the
 *     format named for it below (the list is explicit, so a file that
 *     silently changes format or stops loading is noticed);
 *  2. every row of expected-simh.tsv (read at test time): the program,
 *     loaded with AUTO and run for at most 5,000,000 steps in lenient mode
 *     (simh keeps CI in 5 bits, so it never faults), stops as simh did, after
 *     the same number of steps, with the same A and CI modulo 32;
 *  3. every loadable file survives the ASM, SNP, LISTING and URL writers:
 *     written and read back, the store is the same bit for bit.
 * Tests run with the working directory at the project root.
 */
#include "check.h"
#include "ssem.h"

#include <stdlib.h>
#include <string.h>

#define CORPUS "../shared/corpus/"

static const struct {
    const char *path;
    ssem_format_t format;
} corpus[] = {
    {"MarquisdeGeek_ManchesterBaby/factor.byi", SSEM_FORMAT_DECIMAL},
    {"MarquisdeGeek_ManchesterBaby/factor.bys", SSEM_FORMAT_BITS},
    {"MarquisdeGeek_ManchesterBaby/factor.txt", SSEM_FORMAT_LISTING},
    {"NevynUK_ManchesterBaby/HDL_SNP/CLOCK.SNP", SSEM_FORMAT_SNP},
    {"NevynUK_ManchesterBaby/HDL_SNP/DIVIDE.SNP", SSEM_FORMAT_SNP},
    {"NevynUK_ManchesterBaby/HDL_SNP/FACTOR.SNP", SSEM_FORMAT_SNP},
    {"NevynUK_ManchesterBaby/HDL_SNP/FIB.SNP", SSEM_FORMAT_SNP},
    {"NevynUK_ManchesterBaby/HDL_SNP/NIGHT.SNP", SSEM_FORMAT_SNP},
    {"NevynUK_ManchesterBaby/HDL_SNP/NOODLE.SNP", SSEM_FORMAT_SNP},
    {"NevynUK_ManchesterBaby/HDL_SNP/PARABOLA.SNP", SSEM_FORMAT_SNP},
    {"NevynUK_ManchesterBaby/SSEMPrograms/3Minutes.ssem", SSEM_FORMAT_ASM},
    {"NevynUK_ManchesterBaby/SSEMPrograms/Add.ssem", SSEM_FORMAT_ASM},
    {"NevynUK_ManchesterBaby/SSEMPrograms/Clock.ssem", SSEM_FORMAT_ASM},
    {"NevynUK_ManchesterBaby/SSEMPrograms/Factor95.ssem", SSEM_FORMAT_ASM},
    {"NevynUK_ManchesterBaby/SSEMPrograms/HCF1.ssem", SSEM_FORMAT_ASM},
    {"NevynUK_ManchesterBaby/SSEMPrograms/HCF2.ssem", SSEM_FORMAT_ASM},
    {"NevynUK_ManchesterBaby/SSEMPrograms/IntDivision.ssem", SSEM_FORMAT_ASM},
    {"NevynUK_ManchesterBaby/SSEMPrograms/Nightmare.ssem", SSEM_FORMAT_ASM},
    {"NevynUK_ManchesterBaby/SSEMPrograms/Parabola.ssem", SSEM_FORMAT_ASM},
    {"NevynUK_ManchesterBaby/SSEMPrograms/Primes.ssem", SSEM_FORMAT_ASM},
    {"NevynUK_ManchesterBaby/SSEMPrograms/TuringLongDivision.ssem", SSEM_FORMAT_ASM},
    {"NevynUK_ManchesterBaby/SSEMPrograms/hfr989.ssem", SSEM_FORMAT_ASM},
    {"andy-bower_ManchesterBabyPython/Samples/Add.asm", SSEM_FORMAT_ASM},
    {"andy-bower_ManchesterBabyPython/Samples/Factor95.asm", SSEM_FORMAT_ASM},
    {"andy-bower_ManchesterBabyPython/Samples/HighestCommonFactor1.asm", SSEM_FORMAT_ASM},
    {"andy-bower_ManchesterBabyPython/Samples/HighestCommonFactor2.asm", SSEM_FORMAT_ASM},
    {"andy-bower_ManchesterBabyPython/Samples/Primes.asm", SSEM_FORMAT_ASM},
    {"andy-bower_ManchesterBabyPython/Samples/TuringLongDivision.asm", SSEM_FORMAT_ASM},
    {"andy-bower_ManchesterBabyPython/Samples/hfr989.asm", SSEM_FORMAT_ASM},
    {"andy-bower_ManchesterBabyPython/Tests/CIRollover.asm", SSEM_FORMAT_ASM},
    {"andy-bower_ManchesterBabyPython/Tests/JMPTest.asm", SSEM_FORMAT_ASM},
    {"andy-bower_ManchesterBabyPython/Tests/JRPTest.asm", SSEM_FORMAT_ASM},
    {"andy-bower_ManchesterBabyPython/Tests/SUBTest.asm", SSEM_FORMAT_ASM},
    {"andy-bower_babyutils/ldiv-pic.asm", SSEM_FORMAT_ASM},
    {"andy-bower_babyutils/ldiv.asm", SSEM_FORMAT_ASM},
    {"andy-bower_babyutils/relative.asm", SSEM_FORMAT_ASM},
    {"andy-bower_babyutils/test-count-forever.asm", SSEM_FORMAT_ASM},
    {"andy-bower_babyutils/test-count31.asm", SSEM_FORMAT_ASM},
    {"andy-bower_babyutils/test-jmp.asm", SSEM_FORMAT_ASM},
    {"andy-bower_babyutils/test-jrp.asm", SSEM_FORMAT_ASM},
    {"bdwalton_manchester-baby/baby_banner.baby", SSEM_FORMAT_SNP},
    {"bdwalton_manchester-baby/medieval_analog_clock.baby", SSEM_FORMAT_SNP},
    {"bdwalton_manchester-baby/primes.baby", SSEM_FORMAT_ASM},
    {"bdwalton_manchester-baby/sum_sequence.baby", SSEM_FORMAT_ASM},
    {"bdwalton_manchester-baby/test.baby", SSEM_FORMAT_ASM},
    {"bdwalton_manchester-baby/toms_nightmare.baby", SSEM_FORMAT_SNP},
    {"davidpsharp_baby/diffeqt.asm", SSEM_FORMAT_ASM},
    {"davidpsharp_baby/diffeqt.s", SSEM_FORMAT_ASM},
    {"davidpsharp_baby/maths/division.snp", SSEM_FORMAT_SNP},
    {"davidpsharp_baby/maths/primegen.asm", SSEM_FORMAT_ASM},
    {"davidpsharp_baby/mediaeval_clock.snp", SSEM_FORMAT_SNP},
    {"davidpsharp_baby/noodletimer.snp", SSEM_FORMAT_SNP},
    {"davidpsharp_baby/sillies/Baby9.snp", SSEM_FORMAT_SNP},
    {"davidpsharp_baby/sillies/nightmare.snp", SSEM_FORMAT_SNP},
    {"davidpsharp_baby/virpet.asm", SSEM_FORMAT_ASM},
    {"davidtopping02_Manchester-Baby-Simulator/BabyTest1-Assembler.txt", SSEM_FORMAT_ASM},
    {"davidtopping02_Manchester-Baby-Simulator/BabyTest1-MC.txt", SSEM_FORMAT_BITS},
    {"emustudio_emuStudio/addition.ssem", SSEM_FORMAT_ASM},
    {"emustudio_emuStudio/bcs-division.ssem", SSEM_FORMAT_ASM},
    {"emustudio_emuStudio/dec-till-negative.ssem", SSEM_FORMAT_ASM},
    {"emustudio_emuStudio/highest-common-factor.ssem", SSEM_FORMAT_ASM},
    {"emustudio_emuStudio/highest-factor.ssem", SSEM_FORMAT_ASM},
    {"emustudio_emuStudio/medclock.ssem", SSEM_FORMAT_ASM},
    {"emustudio_emuStudio/nightmare.ssem", SSEM_FORMAT_ASM},
    {"emustudio_emuStudio/noodle-timer.ssem", SSEM_FORMAT_ASM},
    {"emustudio_emuStudio/parabola.ssem", SSEM_FORMAT_ASM},
    {"emustudio_emuStudio/primegen.ssem", SSEM_FORMAT_ASM},
    {"emustudio_emuStudio/square-root.ssem", SSEM_FORMAT_ASM},
    {"emustudio_emuStudio/ssem.ssem", SSEM_FORMAT_ASM},
    {"emustudio_emuStudio/the-fraj.ssem", SSEM_FORMAT_ASM},
    {"emustudio_emuStudio/virpet.ssem", SSEM_FORMAT_ASM},
    {"hrvach_babyping/clock.ssem", SSEM_FORMAT_BITS},
    {"hrvach_babyping/intdiv.ssem", SSEM_FORMAT_BITS},
    {"hrvach_babyping/kilburn.ssem", SSEM_FORMAT_BITS},
    {"hrvach_babyping/noodle.ssem", SSEM_FORMAT_BITS},
    {"hrvach_babyping/parabola.ssem", SSEM_FORMAT_BITS},
    {"hrvach_babyping/scroll.ssem", SSEM_FORMAT_BITS},
    {"jcla1_gobaby/factor.asm", SSEM_FORMAT_ASM},
    {"jcla1_gobaby/primegen.asm", SSEM_FORMAT_ASM},
    {"jcla1_gobaby/simple_calc.asm", SSEM_FORMAT_ASM},
    {"pfaivre_manchester-baby-sim/factorct.asm", SSEM_FORMAT_ASM},
    {"pfaivre_manchester-baby-sim/fibonacci.asm", SSEM_FORMAT_ASM},
    {"pfaivre_manchester-baby-sim/tests/ALL1Test.snp", SSEM_FORMAT_SNP},
    {"pfaivre_manchester-baby-sim/tests/CMP1Test.snp", SSEM_FORMAT_SNP},
    {"pfaivre_manchester-baby-sim/tests/CMP2Test.snp", SSEM_FORMAT_SNP},
    {"pfaivre_manchester-baby-sim/tests/JMP1Test.snp", SSEM_FORMAT_SNP},
    {"pfaivre_manchester-baby-sim/tests/JRP1Test.snp", SSEM_FORMAT_SNP},
    {"pfaivre_manchester-baby-sim/tests/LDN1Test.snp", SSEM_FORMAT_SNP},
    {"pfaivre_manchester-baby-sim/tests/STO1Test.snp", SSEM_FORMAT_SNP},
    {"pfaivre_manchester-baby-sim/tests/STO2Test.snp", SSEM_FORMAT_SNP},
    {"pfaivre_manchester-baby-sim/tests/SUB1Test.snp", SSEM_FORMAT_SNP},
    {"pfaivre_ssem-simulator/diffeqt.asm", SSEM_FORMAT_ASM},
    {"pfaivre_ssem-simulator/factorct.asm", SSEM_FORMAT_ASM},
    {"pfaivre_ssem-simulator/fibonacci.asm", SSEM_FORMAT_ASM},
    {"pfaivre_ssem-simulator/nightmare.snp", SSEM_FORMAT_SNP},
    {"pfaivre_ssem-simulator/virpet.asm", SSEM_FORMAT_ASM},
    {"pfaivre_ssem-simulator/tests/ALL1Test.snp", SSEM_FORMAT_SNP},
    {"pfaivre_ssem-simulator/tests/CMP1Test.snp", SSEM_FORMAT_SNP},
    {"pfaivre_ssem-simulator/tests/CMP2Test.snp", SSEM_FORMAT_SNP},
    {"pfaivre_ssem-simulator/tests/JMP1Test.snp", SSEM_FORMAT_SNP},
    {"pfaivre_ssem-simulator/tests/JRP1Test.snp", SSEM_FORMAT_SNP},
    {"pfaivre_ssem-simulator/tests/LDN1Test.snp", SSEM_FORMAT_SNP},
    {"pfaivre_ssem-simulator/tests/STO1Test.snp", SSEM_FORMAT_SNP},
    {"pfaivre_ssem-simulator/tests/STO2Test.snp", SSEM_FORMAT_SNP},
    {"pfaivre_ssem-simulator/tests/SUB1Test.snp", SSEM_FORMAT_SNP},
};
#define NCORPUS (sizeof corpus / sizeof corpus[0])

/* Files left unread on purpose (docs/formats.md says why): they must fail
 * cleanly, with a position, rather than load as something they are not. */
static const char *const unread[] = {
    "TheCurle_old-simulators/FACTOR.MDM", /* Wittenberg MADM sections      */
    "TheCurle_old-simulators/SAMPLE.MDM",
    "andy-bower_babyutils/macro.asm",       /* babyutils MACRO language     */
    "andy-bower_babyutils/subroutines.asm", /* macros, and 63 words         */
    "davidpsharp_baby/virpet.txt",          /* prose                        */
    "pfaivre_ssem-simulator/virpet.txt",    /* prose                        */
    "rileym65_Linux-SSEM/count.asm",        /* rileym65 ORG/EQU/DW language */
};

/* Reads a whole file into a malloc'd buffer (no NUL added: loaders use len). */
static char *slurp(const char *rel, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, CORPUS "%s", rel);
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap)
            break;
        char *p = realloc(buf, cap * 2);
        if (p == NULL) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = p;
        cap *= 2;
    }
    fclose(f);
    *len = n;
    return buf;
}

static int load_file(const char *rel, ssem_format_t f, ssem_image_t *img)
{
    size_t len = 0;
    char *text = slurp(rel, &len);
    if (text == NULL) {
        fprintf(stderr, "cannot read %s%s\n", CORPUS, rel);
        return -1;
    }
    ssem_diag_t err;
    int rc = ssem_load(text, len, rel, f, img, &err);
    if (rc != 0) {
        char msg[600];
        ssem_diag_format(&err, text, len, msg, sizeof msg);
        fprintf(stderr, "%s", msg);
    }
    free(text);
    return rc;
}

static void test_every_file_loads(void)
{
    for (size_t i = 0; i < NCORPUS; i++) {
        ssem_image_t img;
        int rc = load_file(corpus[i].path, SSEM_FORMAT_AUTO, &img);
        CHECK_EQ(rc, 0);
        if (rc != 0)
            continue;
        if (img.format != corpus[i].format)
            fprintf(stderr, "%s: read as %s, want %s\n", corpus[i].path,
                    ssem_format_name(img.format), ssem_format_name(corpus[i].format));
        CHECK_EQ(img.format, corpus[i].format);
        CHECK(img.defined != 0u);
        /* the named format, given explicitly, reads the same store */
        ssem_image_t again;
        CHECK_EQ(load_file(corpus[i].path, corpus[i].format, &again), 0);
        CHECK(memcmp(img.word, again.word, sizeof img.word) == 0);
    }
}

static void test_unread_files_fail_cleanly(void)
{
    for (size_t i = 0; i < sizeof unread / sizeof unread[0]; i++) {
        size_t len = 0;
        char *text = slurp(unread[i], &len);
        CHECK(text != NULL);
        if (text == NULL)
            continue;
        ssem_image_t img;
        ssem_diag_t err;
        CHECK_EQ(ssem_load(text, len, unread[i], SSEM_FORMAT_AUTO, &img, &err), -1);
        CHECK(err.line >= 1 && err.col >= 1);
        free(text);
    }
}

/* Every row of expected-simh.tsv: file, status, CI (mod 32), A, steps. */
static void test_expected_simh(void)
{
    size_t len = 0;
    char *tsv = slurp("expected-simh.tsv", &len);
    CHECK(tsv != NULL);
    if (tsv == NULL)
        return;
    char *text = realloc(tsv, len + 1);
    CHECK(text != NULL);
    if (text == NULL) {
        free(tsv);
        return;
    }
    text[len] = '\0';
    int rows = 0;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char file[300], status[64];
        long ci;
        long long a;
        unsigned long long steps;
        if (strncmp(line, "file\t", 5) == 0)
            continue;
        if (sscanf(line, "%299[^\t]\t%63[^\t]\t%ld\t%lld\t%llu", file, status, &ci, &a, &steps) !=
            5) {
            fprintf(stderr, "bad tsv row: %s\n", line);
            CHECK(0);
            continue;
        }
        rows++;
        ssem_image_t img;
        if (load_file(file, SSEM_FORMAT_AUTO, &img) != 0) {
            fprintf(stderr, "%s: does not load\n", file);
            CHECK(0);
            continue;
        }
        ssem_t m;
        memset(&m, 0, sizeof m);
        ssem_reset(&m);
        ssem_load_image(&m, &img);
        m.lenient = true; /* simh's CI is 5 bits: it never faults */
        ssem_stop_t why = ssem_run(&m, 5000000, 0);
        ssem_stop_t want = strcmp(status, "Stop") == 0 ? SSEM_HALTED : SSEM_LIMIT;
        bool ok = why == want && m.steps == steps && ssem_word_signed(m.a) == a &&
                  (long)(m.ci % 32u) == ci;
        if (!ok)
            fprintf(stderr,
                    "%s: got %s after %llu steps, A=%ld CI%%32=%u; simh: %s %llu A=%lld CI=%ld\n",
                    file, ssem_stop_name(why), (unsigned long long)m.steps,
                    (long)ssem_word_signed(m.a), (unsigned)(m.ci % 32u), status, steps, a, ci);
        CHECK(ok);
    }
    CHECK(rows >= 60); /* the file has 71 rows; a truncated read must not pass */
    free(text);
}

/* Written in one format and read back, the store is the same bit for bit. */
static void test_round_trips(void)
{
    static const ssem_format_t writers[] = {SSEM_FORMAT_ASM, SSEM_FORMAT_SNP,
                                            SSEM_FORMAT_LISTING, SSEM_FORMAT_URL};
    for (size_t i = 0; i < NCORPUS; i++) {
        ssem_image_t img;
        if (load_file(corpus[i].path, SSEM_FORMAT_AUTO, &img) != 0)
            continue; /* reported by test_every_file_loads */
        for (size_t w = 0; w < sizeof writers / sizeof writers[0]; w++) {
            char out[SSEM_TEXT_MAX];
            CHECK(ssem_write(writers[w], img.word, out, sizeof out) > 0);
            ssem_image_t back;
            ssem_diag_t err;
            int rc = ssem_load(out, strlen(out), NULL, writers[w], &back, &err);
            if (rc != 0) {
                char msg[600];
                ssem_diag_format(&err, out, strlen(out), msg, sizeof msg);
                fprintf(stderr, "%s via %s: %s", corpus[i].path, ssem_format_name(writers[w]),
                        msg);
            }
            CHECK_EQ(rc, 0);
            if (rc == 0) {
                for (int l = 0; l < 32; l++)
                    CHECK_EQ(back.word[l], img.word[l]);
                CHECK_EQ(back.defined, 0xFFFFFFFFu);
            }
        }
    }
}

int main(void)
{
    RUN(test_every_file_loads);
    RUN(test_unread_files_fail_cleanly);
    RUN(test_expected_simh);
    RUN(test_round_trips);
    return CHECK_DONE();
}
