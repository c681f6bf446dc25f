/*
 * test_picture.c - the monitor picture (tools/picture.c) decodes to the
 * pixels its documented geometry promises (tools/picture.h,
 * docs/display.md): in every cell the probe pixel that a dash covers and a
 * dot does not is phosphor exactly when the bit is 1; the action line is
 * brighter; the stop lamp is lit or dark; a run of 1s shows as separate
 * dashes with the face between them; the face's corners are rounded, the
 * bezel showing outside the arcs; --scale=N makes every pixel an N x N
 * block. The PNG is written to a file and read back with libpng's own
 * decoder, not with anything of ours.
 */
#include "check.h"
#include "ssem.h"

#include "picture.h"

#include <png.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A known state: lines with hand-chosen patterns, the rest a mixture. */
static ssem_t known_state(void)
{
    ssem_t m;
    memset(&m, 0, sizeof m);
    uint64_t x = 0x243F6A8885A308D3u;
    for (unsigned r = 0; r < 32; r++) {
        x = x * 6364136223846793005u + 1442695040888963407u;
        m.store[r] = (uint32_t)(x >> 32);
    }
    m.store[0] = 0;           /* all dots            */
    m.store[1] = 0xFFFFFFFFu; /* all dashes          */
    m.store[2] = 1u;          /* bit 0: left-most    */
    m.store[3] = 1u << 31;    /* bit 31: right-most  */
    m.store[4] = 0x55555555u; /* alternate, from a dash */
    m.a = 0xFFFFFFFDu;
    m.ci = 9;
    m.pi = 0x0001E003u;
    return m;
}

typedef struct decoded {
    png_uint_32 w, h;
    uint8_t *px; /* RGB */
} decoded_t;

/* Encodes the frame at `scale`, writes it to a temporary file, decodes that
 * file. */
static int png_roundtrip_scaled(const ssem_frame_t *f, unsigned scale, decoded_t *out)
{
    unsigned char *data;
    size_t len;
    out->px = NULL;
    if (picture_png_heat(f, NULL, scale, &data, &len) != 0)
        return -1;
    const char *dir = getenv("TMPDIR");
    char path[512];
    snprintf(path, sizeof path, "%s/test_picture_XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) {
        free(data);
        return -1;
    }
    bool ok = write(fd, data, len) == (ssize_t)len;
    ok = close(fd) == 0 && ok;
    free(data);
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!ok || !png_image_begin_read_from_file(&img, path)) {
        remove(path);
        return -1;
    }
    img.format = PNG_FORMAT_RGB;
    out->px = malloc(PNG_IMAGE_SIZE(img));
    if (out->px == NULL || !png_image_finish_read(&img, NULL, out->px, 0, NULL)) {
        fprintf(stderr, "decode: %s\n", img.message);
        png_image_free(&img);
        free(out->px);
        out->px = NULL;
        remove(path);
        return -1;
    }
    out->w = img.width;
    out->h = img.height;
    remove(path);
    return 0;
}

static int png_roundtrip(const ssem_frame_t *f, decoded_t *out)
{
    return png_roundtrip_scaled(f, 1, out);
}

/* The frame of m (tube, action line, running) in *f, drawn as a PNG and
 * decoded into *d; false (a check failed) when it could not be. */
static bool drawn(const ssem_t *m, ssem_tube_t tube, uint32_t action, bool running,
                  ssem_frame_t *f, decoded_t *d)
{
    ssem_render(m, tube, action, running, f);
    CHECK(png_roundtrip(f, d) == 0);
    return d->px != NULL;
}

static const uint8_t *pixel(const decoded_t *d, int x, int y)
{
    return d->px + ((size_t)y * d->w + (size_t)x) * 3u;
}

static bool is(const uint8_t *p, uint8_t r, uint8_t g, uint8_t b)
{
    return p[0] == r && p[1] == g && p[2] == b;
}
#define IS(p, spec) is(p, spec)

static unsigned brightness(const uint8_t *p) { return (unsigned)p[0] + p[1] + p[2]; }

static void test_png_cells(void)
{
    ssem_t m = known_state();
    ssem_frame_t f;
    decoded_t d;
    if (!drawn(&m, SSEM_TUBE_S, 4, false, &f, &d))
        return;
    CHECK_EQ(d.w, 488);  /* 16 + 408 + 64 */
    CHECK_EQ(d.h, 440);  /* 16 + 408 + 16 */
    int wrong = 0;
    for (int r = 0; r < 32; r++) {
        for (int b = 0; b < 32; b++) {
            bool one = (m.store[r] >> b) & 1u;
            int cx = 28 + 12 * b, cy = 28 + 12 * r; /* the cell's corner */
            const uint8_t *dash = pixel(&d, cx + 7, cy + 6);
            const uint8_t *dot = pixel(&d, cx + 2, cy + 6);
            const uint8_t *gap = pixel(&d, cx + 6, cy + 1);
            bool lit_dash = r == 4 ? IS(dash, PIC_RGB_MARK_BRIGHT) : IS(dash, PIC_RGB_MARK);
            bool lit_dot = r == 4 ? IS(dot, PIC_RGB_MARK_BRIGHT) : IS(dot, PIC_RGB_MARK);
            if (lit_dash != one || !lit_dot || !IS(gap, PIC_RGB_FACE))
                wrong++;
            if (!one && !IS(dash, PIC_RGB_FACE))
                wrong++; /* a dot leaves the dash probe dark */
            /* the mark: 3 rows high, 7 (dash) or 3 (dot) wide, from column 1
             * and row 5 of the cell; its halo is the ring one pixel round it:
             * a dash's mark 7 x 3 = 21 pixels, its halo 9 x 5 - 21 = 24; a
             * dot's 3 x 3 = 9 and 5 x 5 - 9 = 16 */
            int marks = 0, halos = 0;
            for (int y = cy; y < cy + 12; y++) {
                for (int x = cx; x < cx + 12; x++) {
                    const uint8_t *p = pixel(&d, x, y);
                    bool in_mark = x >= cx + 1 && x < cx + 1 + (one ? 7 : 3) && y >= cy + 5 &&
                                   y < cy + 8;
                    bool mark = r == 4 ? IS(p, PIC_RGB_MARK_BRIGHT) : IS(p, PIC_RGB_MARK);
                    bool halo = r == 4 ? IS(p, PIC_RGB_HALO_BRIGHT) : IS(p, PIC_RGB_HALO);
                    marks += mark;
                    halos += halo;
                    if (mark != in_mark)
                        wrong++;
                }
            }
            if (marks != (one ? 21 : 9) || halos != (one ? 24 : 16))
                wrong++;
        }
    }
    CHECK_EQ(wrong, 0);
    /* row 0 is all dots, row 1 all dashes */
    CHECK(IS(pixel(&d, 28 + 7, 28 + 6), PIC_RGB_FACE));
    CHECK(IS(pixel(&d, 28 + 7, 28 + 12 + 6), PIC_RGB_MARK));
    /* bit 0 is on the left: line 2 (bit 0) has its dash in the first column,
     * line 3 (bit 31) in the last */
    CHECK(IS(pixel(&d, 28 + 7, 28 + 24 + 6), PIC_RGB_MARK));
    CHECK(IS(pixel(&d, 28 + 31 * 12 + 7, 28 + 24 + 6), PIC_RGB_FACE));
    CHECK(IS(pixel(&d, 28 + 7, 28 + 36 + 6), PIC_RGB_FACE));
    CHECK(IS(pixel(&d, 28 + 31 * 12 + 7, 28 + 36 + 6), PIC_RGB_MARK));
    /* the action line (4) is brighter than the others, dots and dashes */
    CHECK(brightness(pixel(&d, 28 + 2, 28 + 48 + 6)) > brightness(pixel(&d, 28 + 2, 28 + 6)));
    CHECK(brightness(pixel(&d, 28 + 7, 28 + 48 + 6)) >
          brightness(pixel(&d, 28 + 7, 28 + 12 + 6)));
    /* the lamp is dark: its centre is not neon orange, nor bright */
    const uint8_t *lamp = pixel(&d, 456, 40);
    CHECK(!IS(lamp, PIC_RGB_LAMP_LIT));
    CHECK(lamp[0] < 0x80);
    /* the bezel and the face: the face's straight edges are x and y 16 and
     * 423 (test_face_corners has its round corners) */
    CHECK(IS(pixel(&d, 0, 0), PIC_RGB_BEZEL));
    CHECK(IS(pixel(&d, 16 + 204, 16), PIC_RGB_FACE));
    CHECK(IS(pixel(&d, 16, 16 + 204), PIC_RGB_FACE));
    CHECK(IS(pixel(&d, 16 + 407, 16 + 204), PIC_RGB_FACE));
    CHECK(IS(pixel(&d, 16 + 204, 16 + 407), PIC_RGB_FACE));
    CHECK(IS(pixel(&d, 16 + 408, 16 + 204), PIC_RGB_BEZEL));
    CHECK(IS(pixel(&d, 16 + 204, 15), PIC_RGB_BEZEL));
    /* the decoded PNG is exactly the raster (lossless) */
    uint8_t *raster = malloc((size_t)PIC_WIDTH * PIC_HEIGHT * 3u);
    CHECK(raster != NULL);
    if (raster != NULL) {
        picture_raster(&f, raster);
        CHECK(memcmp(raster, d.px, (size_t)PIC_WIDTH * PIC_HEIGHT * 3u) == 0);
    }
    free(raster);
    free(d.px);
}

static void test_png_lamp(void)
{
    ssem_t m = known_state();
    m.lamp = true;
    ssem_frame_t f;
    decoded_t d;
    if (!drawn(&m, SSEM_TUBE_S, 9, false, &f, &d))
        return;
    /* lit: neon orange at the centre and across the disc, glow just outside */
    CHECK(IS(pixel(&d, 456, 40), PIC_RGB_LAMP_LIT));
    CHECK(IS(pixel(&d, 456 + 10, 40), PIC_RGB_LAMP_LIT));
    CHECK(IS(pixel(&d, 456, 40 - 10), PIC_RGB_LAMP_LIT));
    CHECK(IS(pixel(&d, 456 + 12, 40), PIC_RGB_LAMP_GLOW));
    CHECK(IS(pixel(&d, 456 + 15, 40), PIC_RGB_BEZEL));
    const uint8_t *c = pixel(&d, 456, 40);
    CHECK(c[0] > 0xC0 && c[0] > c[1] && c[1] > c[2]); /* orange */
    /* the action line moved to row 9 */
    CHECK(IS(pixel(&d, 28 + 2, 28 + 9 * 12 + 6), PIC_RGB_MARK_BRIGHT));
    CHECK(IS(pixel(&d, 28 + 2, 28 + 4 * 12 + 6), PIC_RGB_MARK));
    free(d.px);
}

static void test_png_tubes(void)
{
    /* the A tube: the accumulator (-3: all but bit 1) on every row */
    ssem_t m = known_state();
    ssem_frame_t f;
    decoded_t d;
    if (!drawn(&m, SSEM_TUBE_A, 0, true, &f, &d))
        return;
    int wrong = 0;
    for (int r = 1; r < 32; r++)
        for (int b = 0; b < 32; b++)
            if (IS(pixel(&d, 28 + 12 * b + 7, 28 + 12 * r + 6), PIC_RGB_MARK) != (b != 1))
                wrong++;
    CHECK_EQ(wrong, 0);
    free(d.px);
}

static size_t count(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

static void test_svg(void)
{
    ssem_t m = known_state();
    ssem_frame_t f;
    ssem_render(&m, SSEM_TUBE_S, 4, false, &f);
    char *svg = picture_svg(&f, 1);
    CHECK(svg != NULL);
    if (svg == NULL)
        return;
    size_t ones = 0;
    for (int r = 0; r < 32; r++)
        for (int b = 0; b < 32; b++)
            ones += (m.store[r] >> b) & 1u;
    CHECK_EQ(count(svg, "class=\"dash\""), ones);
    CHECK_EQ(count(svg, "class=\"dot\""), 1024 - ones);
    CHECK_EQ(count(svg, "class=\"bright\""), 1);
    CHECK(strstr(svg, "<g id=\"row4\" class=\"bright\">") != NULL);
    CHECK(strstr(svg, "id=\"lamp\" class=\"dark\"") != NULL);
    CHECK(strncmp(svg, "<?xml", 5) == 0);
    CHECK(strstr(svg, "</svg>\n") != NULL);
    /* row 1 (all ones): its first dash at the first cell, 7 x 3, and the
     * second one 12 further right: 5 pixels apart (x 36 to 40) */
    CHECK(strstr(svg, "<g id=\"row1\"><rect class=\"dash\" x=\"29\" y=\"45\" width=\"7\" "
                      "height=\"3\"/><rect class=\"dash\" x=\"41\" y=\"45\" width=\"7\" "
                      "height=\"3\"/>") != NULL);
    /* the face: a square of side 408 at (16, 16), its corners rounded with
     * radius 40; at scale 1 the picture's own size */
    CHECK(strstr(svg, "<rect id=\"face\" x=\"16\" y=\"16\" width=\"408\" height=\"408\" "
                      "rx=\"40\" ry=\"40\"") != NULL);
    CHECK(strstr(svg, "width=\"488\" height=\"440\" viewBox=\"0 0 488 440\"") != NULL);
    /* row 0 (all zeros): its first dot, 3 x 3 */
    CHECK(strstr(svg, "<g id=\"row0\"><rect class=\"dot\" x=\"29\" y=\"33\" width=\"3\" "
                      "height=\"3\"/>") != NULL);
    free(svg);
    m.lamp = true;
    ssem_render(&m, SSEM_TUBE_S, 4, false, &f);
    svg = picture_svg(&f, 1);
    CHECK(svg != NULL && strstr(svg, "id=\"lamp\" class=\"lit\"") != NULL);
    free(svg);
    /* --scale=3: the same drawing (same viewBox, same marks), 3 times the
     * width and height: 3 x 488 = 1464, 3 x 440 = 1320 */
    svg = picture_svg(&f, 3);
    CHECK(svg != NULL);
    if (svg != NULL) {
        CHECK(strstr(svg, "width=\"1464\" height=\"1320\" viewBox=\"0 0 488 440\"") != NULL);
        CHECK_EQ(count(svg, "class=\"dash\""), ones);
    }
    free(svg);
    /* a scale out of range is refused, not drawn */
    CHECK(picture_svg(&f, 0) == NULL);
    CHECK(picture_svg(&f, PIC_SCALE_MAX + 1) == NULL);
}

/* A run of 1s is separate dashes, as on the tube: along the middle row of
 * the marks of row 1 (all ones) each cell's columns 9, 10 and 11 (right of
 * the dash, columns 1-7, and of its halo, column 8; left of the next cell's
 * halo, its column 0) are the face. So the middle row reads, cell after
 * cell: halo, 7 of phosphor, halo, 3 of face. */
static void test_png_runs(void)
{
    ssem_t m = known_state();
    ssem_frame_t f;
    decoded_t d;
    if (!drawn(&m, SSEM_TUBE_S, 9, false, &f, &d))
        return;
    int wrong = 0, dashes = 0;
    const int y = 28 + 12 * 1 + 6;
    for (int b = 0; b < 32; b++) {
        int cx = 28 + 12 * b;
        for (int x = cx; x < cx + 12; x++) {
            const uint8_t *p = pixel(&d, x, y);
            bool ok = x == cx || x == cx + 8    ? IS(p, PIC_RGB_HALO)
                      : x >= cx + 1 && x <= cx + 7 ? IS(p, PIC_RGB_MARK)
                                                  : IS(p, PIC_RGB_FACE);
            wrong += !ok;
        }
        /* a dash starts where the face meets the halo */
        dashes += IS(pixel(&d, cx + 1, y), PIC_RGB_MARK) && IS(pixel(&d, cx - 1, y), PIC_RGB_FACE);
    }
    CHECK_EQ(wrong, 0);
    CHECK_EQ(dashes, 32);
    /* between every two 1s side by side anywhere on the screen (row 4 is
     * 0x55555555, but the pseudo-random rows have many adjacent pairs), the
     * columns 9-11 of the left cell are the face, on all 12 rows of the cell */
    int pairs = 0;
    wrong = 0;
    for (int r = 0; r < 32; r++)
        for (int b = 0; b < 31; b++)
            if (((m.store[r] >> b) & 3u) == 3u) {
                pairs++;
                for (int yy = 28 + 12 * r; yy < 28 + 12 * r + 12; yy++)
                    for (int x = 28 + 12 * b + 9; x <= 28 + 12 * b + 11; x++)
                        wrong += !IS(pixel(&d, x, yy), PIC_RGB_FACE);
            }
    CHECK(pairs > 31 + 50); /* row 1's 31 pairs and the random rows' */
    CHECK_EQ(wrong, 0);
    free(d.px);
}

/* The face's corners are round, radius 40, centred 40 pixels in from each
 * corner of the 408 x 408 square at (16, 16). Worked by hand: along the
 * diagonal from a corner, the pixel k in has its centre at (k + 0.5, k + 0.5)
 * from the corner, (39.5 - k) * sqrt(2) from the arc's centre: k = 11 gives
 * 28.5 * 1.414 = 40.3 (outside, bezel), k = 12 gives 27.5 * 1.414 = 38.9
 * (inside, face). The square's own corner pixel is the bezel; the middle of
 * each edge is the face. */
static void test_face_corners(void)
{
    ssem_t m = known_state();
    ssem_frame_t f;
    decoded_t d;
    if (!drawn(&m, SSEM_TUBE_S, 9, false, &f, &d))
        return;
    const int lo = 16, hi = 16 + 407; /* the square's first and last pixel */
    for (int k = 0; k <= 11; k++) {
        CHECK(IS(pixel(&d, lo + k, lo + k), PIC_RGB_BEZEL));
        CHECK(IS(pixel(&d, hi - k, lo + k), PIC_RGB_BEZEL));
        CHECK(IS(pixel(&d, lo + k, hi - k), PIC_RGB_BEZEL));
        CHECK(IS(pixel(&d, hi - k, hi - k), PIC_RGB_BEZEL));
    }
    CHECK(IS(pixel(&d, lo + 12, lo + 12), PIC_RGB_FACE));
    CHECK(IS(pixel(&d, hi - 12, lo + 12), PIC_RGB_FACE));
    CHECK(IS(pixel(&d, lo + 12, hi - 12), PIC_RGB_FACE));
    CHECK(IS(pixel(&d, hi - 12, hi - 12), PIC_RGB_FACE));
    /* along the top edge the arc ends 40 pixels in: x = 16 + 40 (centre
     * 40.5 from the corner, straight above the arc's centre) is the face on
     * the first row */
    CHECK(IS(pixel(&d, lo + 40, lo), PIC_RGB_FACE));
    CHECK(IS(pixel(&d, lo, lo + 40), PIC_RGB_FACE));
    /* the first row's pixel 10 in: centre (10.5, 0.5), distance
     * sqrt(29.5^2 + 39.5^2) = 49.3 > 40: bezel */
    CHECK(IS(pixel(&d, lo + 10, lo), PIC_RGB_BEZEL));
    free(d.px);
}

/* --scale=2: twice the width and height (976 x 880), and every pixel of the
 * scale-1 picture an exact 2 x 2 block; 0 and 9 are refused. */
static void test_png_scale(void)
{
    ssem_t m = known_state();
    m.lamp = true;
    ssem_frame_t f;
    ssem_render(&m, SSEM_TUBE_S, 9, false, &f);
    decoded_t one, two;
    CHECK(png_roundtrip(&f, &one) == 0);
    CHECK(png_roundtrip_scaled(&f, 2, &two) == 0);
    if (one.px != NULL && two.px != NULL) {
        CHECK_EQ(two.w, 976);
        CHECK_EQ(two.h, 880);
        int wrong = 0;
        for (int y = 0; y < 880; y++)
            for (int x = 0; x < 976; x++)
                wrong += memcmp(pixel(&two, x, y), pixel(&one, x / 2, y / 2), 3) != 0;
        CHECK_EQ(wrong, 0);
    }
    free(one.px);
    free(two.px);
    unsigned char *data = (unsigned char *)"unchanged";
    size_t len = 1;
    CHECK(picture_png_heat(&f, NULL, 0, &data, &len) == -1 && data == NULL && len == 0);
    CHECK(picture_png_heat(&f, NULL, PIC_SCALE_MAX + 1, &data, &len) == -1 && data == NULL);
}

/* The heat map (ssem show --profile): the background of the hottest row is
 * exactly PIC_RGB_HEAT, a row never executed keeps PIC_RGB_FACE, a row run
 * once lies between them (log(2) / log(1001) of the way, about 10%), and
 * the marks are untouched. Probed at a cell's top-left pixel, outside the
 * mark and its halo (picture.h: marks cover rows 4-8 with the halo). */
static void test_heat(void)
{
    ssem_frame_t f;
    memset(&f, 0, sizeof f);
    static uint8_t rgb[PIC_WIDTH * PIC_HEIGHT * 3];
    uint64_t count[SSEM_LINES] = {0};
    count[6] = 1000;
    count[3] = 1;
    picture_raster(&f, rgb);
    picture_heat(count, rgb);
    const uint8_t heat[3] = {PIC_RGB_HEAT}, face[3] = {PIC_RGB_FACE}, mark[3] = {PIC_RGB_MARK};
#define AT(x, y) (rgb + ((size_t)(y) * PIC_WIDTH + (size_t)(x)) * 3u)
    for (int b = 0; b < 32; b += 7) {
        int x = PIC_GRID_X + b * PIC_CELL;
        CHECK(memcmp(AT(x, PIC_GRID_Y + 6 * PIC_CELL), heat, 3) == 0);
        CHECK(memcmp(AT(x, PIC_GRID_Y + 0 * PIC_CELL), face, 3) == 0);
        CHECK(memcmp(AT(x, PIC_GRID_Y + 31 * PIC_CELL), face, 3) == 0);
        const uint8_t *once = AT(x, PIC_GRID_Y + 3 * PIC_CELL);
        CHECK(once[0] > face[0] + 10 && once[0] < face[0] + 30);
        /* the dot of row 6 keeps the phosphor colour */
        CHECK(memcmp(AT(x + PIC_PROBE_DOT_X, PIC_GRID_Y + 6 * PIC_CELL + PIC_PROBE_Y), mark, 3) == 0);
    }
#undef AT
}

int main(void)
{
    RUN(test_heat);
    RUN(test_png_cells);
    RUN(test_png_lamp);
    RUN(test_png_tubes);
    RUN(test_svg);
    RUN(test_png_runs);
    RUN(test_face_corners);
    RUN(test_png_scale);
    return CHECK_DONE();
}
