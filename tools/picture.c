/*
 * picture.c - the monitor CRT as a PNG (through libpng) or an SVG.
 *
 * The geometry and colours are in picture.h and docs/display.md. The PNG is
 * rasterised into memory by picture_raster (a plain function of the frame, so
 * a test can predict its pixels), then encoded into a growing buffer with
 * png_set_write_fn, each raster row widened and repeated `scale` times as it
 * goes (so a large scale costs one wide row, not a large raster); the caller
 * writes the buffer out atomically. Everything is integer arithmetic on the
 * frame: the same frame gives the same bytes.
 */
#include "picture.h"

#include <math.h>
#ifndef SSEM_NO_PNG /* the wasm command has no libpng (web/web.mk) */
#include <png.h>
#include <setjmp.h>
#endif
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ raster */

typedef struct rgb {
    uint8_t r, g, b;
} rgb_t;

#define RGB(spec) ((rgb_t){spec})

static void put(uint8_t *img, int x, int y, rgb_t c)
{
    if (x < 0 || y < 0 || x >= PIC_WIDTH || y >= PIC_HEIGHT)
        return;
    uint8_t *p = img + ((size_t)y * PIC_WIDTH + (size_t)x) * 3u;
    p[0] = c.r;
    p[1] = c.g;
    p[2] = c.b;
}

static void fill_rect(uint8_t *img, int x, int y, int w, int h, rgb_t c)
{
    for (int j = y; j < y + h; j++)
        for (int i = x; i < x + w; i++)
            put(img, i, j, c);
}

/* The pixel (x, y) belongs to the rounded face: its centre (x + 1/2, y + 1/2)
 * lies within PIC_FACE_R of the nearest point of the face's inner square
 * (the square shrunk by PIC_FACE_R). In half pixels, so all in integers; the
 * SVG's rx/ry draws the same arcs. */
static bool in_face(int x, int y)
{
    const int r = 2 * PIC_FACE_R, size = 2 * PIC_FACE_SIZE;
    int u = 2 * (x - PIC_FACE_X) + 1, v = 2 * (y - PIC_FACE_Y) + 1;
    if (u < 0 || v < 0 || u > size || v > size)
        return false;
    int cu = u < r ? r : u > size - r ? size - r : u;
    int cv = v < r ? r : v > size - r ? size - r : v;
    return (u - cu) * (u - cu) + (v - cv) * (v - cv) <= r * r;
}

void picture_raster(const ssem_frame_t *frame, uint8_t *rgb)
{
    fill_rect(rgb, 0, 0, PIC_WIDTH, PIC_HEIGHT, RGB(PIC_RGB_BEZEL));
    for (int y = PIC_FACE_Y; y < PIC_FACE_Y + PIC_FACE_SIZE; y++)
        for (int x = PIC_FACE_X; x < PIC_FACE_X + PIC_FACE_SIZE; x++)
            if (in_face(x, y))
                put(rgb, x, y, RGB(PIC_RGB_FACE));
    for (int r = 0; r < 32; r++) {
        bool bright = (frame->bright >> r) & 1u;
        rgb_t mark = bright ? RGB(PIC_RGB_MARK_BRIGHT) : RGB(PIC_RGB_MARK);
        rgb_t halo = bright ? RGB(PIC_RGB_HALO_BRIGHT) : RGB(PIC_RGB_HALO);
        for (int b = 0; b < 32; b++) {
            int w = ((frame->row[r] >> b) & 1u) ? PIC_DASH_W : PIC_DOT_W;
            int x = PIC_GRID_X + b * PIC_CELL + PIC_MARK_X;
            int y = PIC_GRID_Y + r * PIC_CELL + PIC_MARK_Y;
            fill_rect(rgb, x - 1, y - 1, w + 2, PIC_MARK_H + 2, halo);
            fill_rect(rgb, x, y, w, PIC_MARK_H, mark);
        }
    }
    /* the stop lamp: a disc, with a glow round it when lit, a rim when dark */
    const int reach = PIC_LAMP_GLOW;
    for (int dy = -reach; dy <= reach; dy++) {
        for (int dx = -reach; dx <= reach; dx++) {
            int d2 = dx * dx + dy * dy;
            int x = PIC_LAMP_CX + dx, y = PIC_LAMP_CY + dy;
            if (d2 <= PIC_LAMP_R * PIC_LAMP_R)
                put(rgb, x, y, frame->lamp ? RGB(PIC_RGB_LAMP_LIT) : RGB(PIC_RGB_LAMP_DARK));
            else if (frame->lamp && d2 <= PIC_LAMP_GLOW * PIC_LAMP_GLOW)
                put(rgb, x, y, RGB(PIC_RGB_LAMP_GLOW));
            else if (!frame->lamp && d2 <= (PIC_LAMP_R + 2) * (PIC_LAMP_R + 2))
                put(rgb, x, y, RGB(PIC_RGB_LAMP_RIM));
        }
    }
}

void picture_heat(const uint64_t count[SSEM_LINES], uint8_t *rgb)
{
    uint64_t max = 0;
    for (uint32_t r = 0; r < SSEM_LINES; r++)
        if (count[r] > max)
            max = count[r];
    if (max == 0)
        return;
    const rgb_t face = RGB(PIC_RGB_FACE), heat = RGB(PIC_RGB_HEAT);
    for (uint32_t r = 0; r < SSEM_LINES; r++) {
        double h = log1p((double)count[r]) / log1p((double)max);
        rgb_t c = {(uint8_t)(face.r + (heat.r - face.r) * h + 0.5),
                   (uint8_t)(face.g + (heat.g - face.g) * h + 0.5),
                   (uint8_t)(face.b + (heat.b - face.b) * h + 0.5)};
        for (int y = PIC_GRID_Y + (int)r * PIC_CELL; y < PIC_GRID_Y + ((int)r + 1) * PIC_CELL; y++)
            for (int x = PIC_FACE_X; x < PIC_FACE_X + PIC_FACE_SIZE; x++) {
                uint8_t *p = rgb + ((size_t)y * PIC_WIDTH + (size_t)x) * 3u;
                if (p[0] == face.r && p[1] == face.g && p[2] == face.b)
                    put(rgb, x, y, c);
            }
    }
}

#ifndef SSEM_NO_PNG
/* --------------------------------------------------------------- PNG */

typedef struct membuf {
    unsigned char *data;
    size_t len, cap;
} membuf_t;

static void png_write_mem(png_structp png, png_bytep bytes, png_size_t n)
{
    membuf_t *buf = png_get_io_ptr(png);
    if (n > buf->cap - buf->len) {
        size_t cap = buf->cap ? buf->cap : 4096;
        while (n > cap - buf->len) {
            if (cap > SIZE_MAX / 2)
                png_error(png, "picture too large");
            cap *= 2;
        }
        unsigned char *bigger = realloc(buf->data, cap);
        if (bigger == NULL)
            png_error(png, "out of memory");
        buf->data = bigger;
        buf->cap = cap;
    }
    memcpy(buf->data + buf->len, bytes, n);
    buf->len += n;
}

static void png_flush_mem(png_structp png) { (void)png; }

static void png_fail(png_structp png, png_const_charp message)
{
    fprintf(stderr, "ssem: libpng: %s\n", message);
    png_longjmp(png, 1);
}

static void png_quiet(png_structp png, png_const_charp message)
{
    (void)png;
    (void)message;
}

/* The libpng calls, behind their setjmp. The raster (PIC_WIDTH x PIC_HEIGHT)
 * goes out `scale` times larger: each row widened into `wide` (each pixel
 * repeated scale times) and written scale times. No local that is read after
 * a longjmp is changed after setjmp (the loop counters are not read then),
 * so no volatile is needed; the caller frees everything whichever way it
 * returns. */
static int encode(png_structp png, png_infop info, const uint8_t *rgb, unsigned scale,
                  png_bytep wide, membuf_t *buf)
{
    if (setjmp(png_jmpbuf(png)))
        return -1;
    png_set_write_fn(png, buf, png_write_mem, png_flush_mem);
    png_set_IHDR(png, info, PIC_WIDTH * scale, PIC_HEIGHT * scale, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (size_t y = 0; y < PIC_HEIGHT; y++) {
        const uint8_t *row = rgb + y * PIC_WIDTH * 3u;
        png_bytep out = wide;
        for (size_t x = 0; x < PIC_WIDTH; x++)
            for (unsigned k = 0; k < scale; k++, out += 3)
                memcpy(out, row + x * 3u, 3);
        for (unsigned k = 0; k < scale; k++)
            png_write_row(png, wide);
    }
    png_write_end(png, info);
    return 0;
}

int picture_png(const ssem_frame_t *frame, unsigned char **data, size_t *len)
{
    return picture_png_heat(frame, NULL, 1, data, len);
}

int picture_png_heat(const ssem_frame_t *frame, const uint64_t *count, unsigned scale,
                     unsigned char **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    if (scale < 1 || scale > PIC_SCALE_MAX) {
        fprintf(stderr, "ssem: picture: scale %u is not from 1 to %d\n", scale, PIC_SCALE_MAX);
        return -1;
    }
    uint8_t *rgb = malloc((size_t)PIC_WIDTH * PIC_HEIGHT * 3u);
    png_bytep wide = malloc((size_t)PIC_WIDTH * scale * 3u);
    membuf_t buf = {NULL, 0, 0};
    png_structp png = NULL;
    png_infop info = NULL;
    int rc = -1;
    if (rgb == NULL || wide == NULL) {
        fprintf(stderr, "ssem: picture: out of memory\n");
        goto out;
    }
    picture_raster(frame, rgb);
    if (count != NULL)
        picture_heat(count, rgb);
    png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, png_fail, png_quiet);
    if (png != NULL)
        info = png_create_info_struct(png);
    if (info == NULL) {
        fprintf(stderr, "ssem: libpng: cannot start (out of memory?)\n");
        goto out;
    }
    rc = encode(png, info, rgb, scale, wide, &buf);
out:
    png_destroy_write_struct(&png, &info); /* copes with NULLs */
    free(wide);
    free(rgb);
    if (rc == 0) {
        *data = buf.data;
        *len = buf.len;
    } else {
        free(buf.data);
    }
    return rc;
}
#else /* SSEM_NO_PNG: a build without libpng (the wasm command, web/web.mk) */

/* No PNG writer in this build: the caller (`ssem show --png`) says so before
 * it gets here; these only keep the link whole. */
int picture_png(const ssem_frame_t *frame, unsigned char **data, size_t *len)
{
    return picture_png_heat(frame, NULL, 1, data, len);
}

int picture_png_heat(const ssem_frame_t *frame, const uint64_t *count, unsigned scale,
                     unsigned char **data, size_t *len)
{
    (void)frame;
    (void)count;
    (void)scale;
    *data = NULL;
    *len = 0;
    return -1;
}
#endif

/* --------------------------------------------------------------- SVG */

typedef struct text {
    char *s;
    size_t len, cap;
    bool failed;
} text_t;

static void add(text_t *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(text_t *t, const char *fmt, ...)
{
    if (t->failed)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
        va_end(ap);
        if (n < 0) {
            t->failed = true;
            return;
        }
        if ((size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        size_t cap = t->cap * 2 + (size_t)n;
        char *bigger = realloc(t->s, cap);
        if (bigger == NULL) {
            t->failed = true;
            return;
        }
        t->s = bigger;
        t->cap = cap;
    }
}

static const char *hex(char out[8], uint8_t r, uint8_t g, uint8_t b)
{
    snprintf(out, 8, "#%02x%02x%02x", r, g, b);
    return out;
}

#define HEX(buf, spec) hex(buf, spec)

char *picture_svg(const ssem_frame_t *frame, unsigned scale)
{
    if (scale < 1 || scale > PIC_SCALE_MAX)
        return NULL;
    text_t t = {malloc(1u << 16), 0, 1u << 16, false};
    if (t.s == NULL)
        return NULL;
    char c1[8], c2[8], c3[8], c4[8];
    add(&t,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        "viewBox=\"0 0 %d %d\">\n"
        "<title>Manchester Baby monitor: tube %s, stop lamp %s</title>\n",
        PIC_WIDTH * (int)scale, PIC_HEIGHT * (int)scale, PIC_WIDTH, PIC_HEIGHT, ssem_tube_name(frame->tube),
        frame->lamp ? "lit" : "off");
    add(&t,
        "<style>\n"
        "  .dot, .dash { fill: %s; stroke: %s; stroke-width: 2; paint-order: stroke; }\n"
        "  .bright .dot, .bright .dash { fill: %s; stroke: %s; }\n"
        "</style>\n",
        HEX(c1, PIC_RGB_MARK), HEX(c2, PIC_RGB_HALO), HEX(c3, PIC_RGB_MARK_BRIGHT),
        HEX(c4, PIC_RGB_HALO_BRIGHT));
    add(&t, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n", PIC_WIDTH,
        PIC_HEIGHT, HEX(c1, PIC_RGB_BEZEL));
    add(&t,
        "<rect id=\"face\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"%d\" ry=\"%d\" "
        "fill=\"%s\"/>\n",
        PIC_FACE_X, PIC_FACE_Y, PIC_FACE_SIZE, PIC_FACE_SIZE, PIC_FACE_R, PIC_FACE_R,
        HEX(c1, PIC_RGB_FACE));
    for (int r = 0; r < 32; r++) {
        bool bright = (frame->bright >> r) & 1u;
        add(&t, "<g id=\"row%d\"%s>", r, bright ? " class=\"bright\"" : "");
        for (int b = 0; b < 32; b++) {
            bool one = (frame->row[r] >> b) & 1u;
            add(&t, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>",
                one ? "dash" : "dot", PIC_GRID_X + b * PIC_CELL + PIC_MARK_X,
                PIC_GRID_Y + r * PIC_CELL + PIC_MARK_Y, one ? PIC_DASH_W : PIC_DOT_W,
                PIC_MARK_H);
        }
        add(&t, "</g>\n");
    }
    if (frame->lamp)
        add(&t, "<circle id=\"lamp\" class=\"lit\" cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"%s\"/>\n"
                "<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"%s\"/>\n",
            PIC_LAMP_CX, PIC_LAMP_CY, PIC_LAMP_GLOW, HEX(c1, PIC_RGB_LAMP_GLOW), PIC_LAMP_CX,
            PIC_LAMP_CY, PIC_LAMP_R, HEX(c2, PIC_RGB_LAMP_LIT));
    else
        add(&t, "<circle id=\"lamp\" class=\"dark\" cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"%s\" "
                "stroke=\"%s\" stroke-width=\"2\"/>\n",
            PIC_LAMP_CX, PIC_LAMP_CY, PIC_LAMP_R + 1, HEX(c1, PIC_RGB_LAMP_DARK),
            HEX(c2, PIC_RGB_LAMP_RIM));
    add(&t, "</svg>\n");
    if (t.failed) {
        free(t.s);
        return NULL;
    }
    return t.s;
}
