/*
 * test_display.c - golden frames for the monitor renderer (src/display.c)
 * against SPEC section 5.
 *
 * Every expected frame is written out by hand from the SPEC's rules: row r of
 * the S tube is store line r, bit 0 on the left, a 0 a dot '.' and a 1 a dash
 * '-'; the A tube repeats the accumulator on all 32 rows; the C tube shows CI
 * on even rows and PI on odd rows while running, CI on every row when
 * stopped; the action line's row is brighter (':' and '=' in ASCII). The
 * words are built from their bits here, not with the library's helpers.
 */
#include "check.h"
#include "ssem.h"

#include <stdlib.h>
#include <string.h>

/* The known state. Store lines (bit 0 first):
 *   0  0                       ................................
 *   1  bit 0                   -...............................
 *   2  bit 31                  ...............................-
 *   3  all ones (-1)           --------------------------------
 *   4  5 = bits 0, 2           -.-.............................
 *   5  LDN 24 (SPEC 2)         ...--.........-.................
 *   6  bits 0-3, 12-15         ----........----................
 *   7-31  0
 *   A  = -3  (SPEC 2)          -.------------------------------
 *   CI = 6                     .--.............................
 *   PI = bits 1, 16            .-..............-...............
 */
static ssem_t known_state(void)
{
    ssem_t m;
    memset(&m, 0, sizeof m);
    m.store[1] = 1u;
    m.store[2] = 1u << 31;
    m.store[3] = 0xFFFFFFFFu;
    m.store[4] = 5u;
    m.store[5] = (1u << 3) | (1u << 4) | (1u << 14); /* n = 24, f = 2 */
    m.store[6] = 0xFu | (0xFu << 12);
    m.a = 0xFFFFFFFDu; /* -3 */
    m.ci = 6u;
    m.pi = (1u << 1) | (1u << 16);
    return m;
}

#define DOTS "................................"
#define COLONS "::::::::::::::::::::::::::::::::"

/* The frame's text must be exactly `want`. */
/* Frames compared field by field (the struct may have padding). */
static bool frames_equal(const ssem_frame_t *f, const ssem_frame_t *g)
{
    return memcmp(f->row, g->row, sizeof f->row) == 0 && f->bright == g->bright &&
           f->tube == g->tube && f->lamp == g->lamp;
}

static void check_text(const ssem_frame_t *f, bool unicode, const char *want)
{
    char buf[4096];
    size_t n = ssem_frame_text(f, unicode, buf, sizeof buf);
    CHECK_EQ(n, strlen(want));
    CHECK(strcmp(buf, want) == 0);
    if (strcmp(buf, want) != 0)
        fprintf(stderr, "got:\n%s\nwant:\n%s\n", buf, want);
}

/* 32 rows: `even` on even rows and `odd` on odd rows, but `bright` on
 * `bright_row`. */
static char *repeat_rows(const char *even, const char *odd, unsigned bright_row,
                         const char *bright)
{
    static char out[4096];
    out[0] = '\0';
    for (unsigned r = 0; r < 32; r++) {
        strcat(out, r == bright_row ? bright : (r & 1u) ? odd : even);
        strcat(out, "\n");
    }
    return out;
}

static void test_tube_s(void)
{
    ssem_t m = known_state();
    ssem_frame_t f;
    ssem_render(&m, SSEM_TUBE_S, 4, false, &f);
    CHECK_EQ(f.bright, 1u << 4);
    CHECK_EQ(f.tube, SSEM_TUBE_S);
    CHECK(!f.lamp);
    for (unsigned r = 0; r < 32; r++)
        CHECK_EQ(f.row[r], m.store[r]);
    check_text(&f, false,
               "................................\n" /*  0 */
               "-...............................\n" /*  1 */
               "...............................-\n" /*  2 */
               "--------------------------------\n" /*  3 */
               "=:=:::::::::::::::::::::::::::::\n" /*  4: the action line */
               "...--.........-.................\n" /*  5 */
               "----........----................\n" /*  6 */
               DOTS "\n" DOTS "\n" DOTS "\n"         /*  7- 9 */
               DOTS "\n" DOTS "\n" DOTS "\n" DOTS "\n" DOTS "\n" /* 10-14 */
               DOTS "\n" DOTS "\n" DOTS "\n" DOTS "\n" DOTS "\n" /* 15-19 */
               DOTS "\n" DOTS "\n" DOTS "\n" DOTS "\n" DOTS "\n" /* 20-24 */
               DOTS "\n" DOTS "\n" DOTS "\n" DOTS "\n" DOTS "\n" /* 25-29 */
               DOTS "\n" DOTS "\n");                             /* 30-31 */

    /* the action line on the all-ones row and on an empty one */
    ssem_render(&m, SSEM_TUBE_S, 3, false, &f);
    char buf[4096];
    CHECK(ssem_frame_text(&f, false, buf, sizeof buf) == 32u * 33u);
    CHECK(strncmp(buf + 3 * 33, "================================\n", 33) == 0);
    CHECK(strncmp(buf + 4 * 33, "-.-.............................\n", 33) == 0);
    ssem_render(&m, SSEM_TUBE_S, 31, false, &f);
    CHECK(ssem_frame_text(&f, false, buf, sizeof buf) == 32u * 33u);
    CHECK(strncmp(buf + 31 * 33, COLONS "\n", 33) == 0);
    CHECK_EQ(f.bright, 1u << 31);
}

static void test_tube_a(void)
{
    ssem_t m = known_state();
    ssem_frame_t f;
    ssem_render(&m, SSEM_TUBE_A, 0, false, &f);
    CHECK_EQ(f.tube, SSEM_TUBE_A);
    CHECK_EQ(f.bright, 1u);
    /* A = -3: bit 1 clear, every other bit set */
    check_text(&f, false,
               repeat_rows("-.------------------------------", "-.------------------------------",
                           0, "=:=============================="));
    /* the same whether running or not */
    ssem_frame_t g;
    ssem_render(&m, SSEM_TUBE_A, 0, true, &g);
    CHECK(frames_equal(&f, &g));
}

static void test_tube_c_running(void)
{
    ssem_t m = known_state();
    ssem_frame_t f;
    ssem_render(&m, SSEM_TUBE_C, 6, true, &f);
    CHECK_EQ(f.tube, SSEM_TUBE_C);
    /* CI = 6 on even rows, PI (bits 1 and 16) on odd rows; row 6 bright */
    check_text(&f, false,
               repeat_rows(".--.............................", ".-..............-...............",
                           6, ":==:::::::::::::::::::::::::::::"));
    /* a bright odd row shows PI brightly */
    ssem_render(&m, SSEM_TUBE_C, 7, true, &f);
    check_text(&f, false,
               repeat_rows(".--.............................", ".-..............-...............",
                           7, ":=::::::::::::::=:::::::::::::::"));
}

static void test_tube_c_stopped(void)
{
    ssem_t m = known_state();
    m.lamp = true;
    ssem_frame_t f;
    ssem_render(&m, SSEM_TUBE_C, 6, false, &f);
    CHECK(f.lamp);
    /* CI on every row */
    check_text(&f, false,
               repeat_rows(".--.............................", ".--.............................",
                           6, ":==:::::::::::::::::::::::::::::"));
}

static void test_unicode(void)
{
    ssem_t m = known_state();
    ssem_frame_t f;
    ssem_render(&m, SSEM_TUBE_S, 5, false, &f);
    char buf[4096];
    size_t n = ssem_frame_text(&f, true, buf, sizeof buf);
    /* a dot U+00B7 is 2 bytes, a dash U+2500 3 bytes; bright U+2022 and
     * U+2501 are 3 bytes each. Row 4 (5: bits 0 and 2) comes after rows 0-3:
     * row 0: 32 dots = 64 bytes; row 1: 1 dash + 31 dots = 65; row 2: 65;
     * row 3: 32 dashes = 96; each + '\n' */
    size_t at = 65 + 66 + 66 + 97;
    const char *row4 = "\xe2\x94\x80\xc2\xb7\xe2\x94\x80" /* ─·─ */
                       "\xc2\xb7\xc2\xb7\xc2\xb7\xc2\xb7\xc2\xb7\xc2\xb7\xc2\xb7\xc2\xb7"
                       "\xc2\xb7\xc2\xb7\xc2\xb7\xc2\xb7\xc2\xb7\xc2\xb7\xc2\xb7\xc2\xb7"
                       "\xc2\xb7\xc2\xb7\xc2\xb7\xc2\xb7\xc2\xb7\xc2\xb7\xc2\xb7\xc2\xb7"
                       "\xc2\xb7\xc2\xb7\xc2\xb7\xc2\xb7\xc2\xb7\n"; /* 29 more dots */
    CHECK(n > at + strlen(row4));
    CHECK(strncmp(buf + at, row4, strlen(row4)) == 0);
    /* row 5, the action line, LDN 24: bits 3, 4 and 14 as bold dashes, the
     * rest as bullets */
    at += strlen(row4);
    char want[200] = "";
    for (int b = 0; b < 32; b++)
        strcat(want, (b == 3 || b == 4 || b == 14) ? "\u2501" : "\u2022");
    strcat(want, "\n");
    CHECK(strncmp(buf + at, want, strlen(want)) == 0);
    CHECK_EQ(strlen(want), 32 * 3 + 1);
    /* the whole frame: row 0 (65 bytes), rows 1 and 2 (66 each), row 3 (97),
     * row 4 (2 dashes + 30 dots + '\n' = 67), the bright row 5 (97), row 6
     * (8 dashes + 24 dots + '\n' = 73), rows 7-31 (65 each) */
    CHECK_EQ(n, 65u + 66 + 66 + 97 + 67 + 97 + 73 + 25 * 65);
}

static void test_buffer_size(void)
{
    ssem_t m = known_state();
    ssem_frame_t f;
    ssem_render(&m, SSEM_TUBE_S, 0, false, &f);
    char buf[2000];
    /* ASCII: 32 rows of 32 characters and '\n', then the NUL: 1057 bytes */
    CHECK_EQ(ssem_frame_text(&f, false, buf, 1057), 1056);
    CHECK_EQ(buf[1056], '\0');
    CHECK_EQ(ssem_frame_text(&f, false, buf, 1056), 0);
    CHECK_EQ(ssem_frame_text(&f, false, buf, 0), 0);
}

static void test_lamp_and_purity(void)
{
    ssem_t m = known_state();
    m.lamp = true;
    m.steps = 1234;
    ssem_t before = m;
    ssem_frame_t f, g;
    memset(&f, 0x5A, sizeof f);
    ssem_render(&m, SSEM_TUBE_S, 2, false, &f);
    CHECK(f.lamp);
    CHECK(ssem_tstate_equal(&m, &before)); /* the renderer changes nothing */
    CHECK_EQ(m.steps, before.steps);
    ssem_render(&m, SSEM_TUBE_S, 2, false, &g);
    CHECK(frames_equal(&f, &g));      /* and is a function */
    m.lamp = false;
    ssem_render(&m, SSEM_TUBE_S, 2, false, &f);
    CHECK(!f.lamp);
    /* steps and options are not part of what the monitor shows */
    m.steps = 99;
    m.lenient = true;
    ssem_render(&m, SSEM_TUBE_S, 2, false, &g);
    CHECK(frames_equal(&f, &g));
}

static void test_tube_names(void)
{
    ssem_tube_t t = SSEM_TUBE_A;
    CHECK(ssem_tube_parse("S", &t) == 0 && t == SSEM_TUBE_S);
    CHECK(ssem_tube_parse("a", &t) == 0 && t == SSEM_TUBE_A);
    CHECK(ssem_tube_parse("C", &t) == 0 && t == SSEM_TUBE_C);
    t = SSEM_TUBE_A;
    CHECK(ssem_tube_parse("X", &t) == -1 && t == SSEM_TUBE_A);
    CHECK(ssem_tube_parse("", &t) == -1);
    CHECK(ssem_tube_parse("SS", &t) == -1);
    CHECK(strcmp(ssem_tube_name(SSEM_TUBE_S), "S") == 0);
    CHECK(strcmp(ssem_tube_name(SSEM_TUBE_A), "A") == 0);
    CHECK(strcmp(ssem_tube_name(SSEM_TUBE_C), "C") == 0);
}

int main(void)
{
    RUN(test_tube_s);
    RUN(test_tube_a);
    RUN(test_tube_c_running);
    RUN(test_tube_c_stopped);
    RUN(test_unicode);
    RUN(test_buffer_size);
    RUN(test_lamp_and_purity);
    RUN(test_tube_names);
    return CHECK_DONE();
}
