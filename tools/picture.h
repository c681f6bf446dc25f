/*
 * picture.h - the monitor CRT as a picture (PNG or SVG), for `ssem show`.
 *
 * The picture is drawn from an ssem_frame_t (src/display.c decides what the
 * monitor shows; this file only decides how it looks). The geometry is fixed
 * and simple so that a test can predict every pixel (docs/display.md):
 *
 *   image   PIC_WIDTH x PIC_HEIGHT, a dark grey bezel (PIC_BEZEL)
 *   face    the tube's phosphor face: a dark green-black square at
 *           (PIC_FACE_X, PIC_FACE_Y), side PIC_FACE_SIZE, its corners rounded
 *           with radius PIC_FACE_R (the bezel shows outside the arcs, as the
 *           tube's round-cornered face sat in its dark surround); the 32 x 32
 *           grid of cells starts PIC_FACE_PAD pixels inside it, clear of the
 *           arcs
 *   cell    row r, column (bit) b: PIC_CELL x PIC_CELL pixels with its top
 *           left corner at (PIC_GRID_X + b * PIC_CELL, PIC_GRID_Y + r * PIC_CELL)
 *   mark    a filled rectangle PIC_MARK_H pixels high, rows PIC_MARK_Y to
 *           PIC_MARK_Y + PIC_MARK_H - 1 of the cell, starting at column
 *           PIC_MARK_X: a dot (0) is PIC_DOT_W wide, a dash (1) PIC_DASH_W wide.
 *           Around each mark a one-pixel halo (the mark grown by 1 pixel on
 *           every side) in a dimmer green: the phosphor's glow. A dash ends
 *           short of its cell, so a run of 1s shows as separate dashes, as
 *           on the tube: between two dashes side by side PIC_GAP columns of
 *           face lie between their halos.
 *   bright  the action line's marks and halo use brighter colours
 *   lamp    a disc of radius PIC_LAMP_R centred at (PIC_LAMP_CX, PIC_LAMP_CY),
 *           right of the face: neon orange when lit, dark when not; a ring of
 *           glow (radius PIC_LAMP_R to PIC_LAMP_GLOW) when lit
 *
 *   scale   the whole picture drawn N times larger (`ssem show --scale=N`,
 *           1 to PIC_SCALE_MAX): each pixel of the scale-1 raster becomes
 *           an N x N block of the PNG; the SVG keeps its viewBox and gets
 *           N times the width and height
 *
 * So in every cell the pixel (PIC_PROBE_DASH_X, PIC_PROBE_Y) from the cell's
 * corner is phosphor exactly when the bit is 1, and (PIC_PROBE_DOT_X,
 * PIC_PROBE_Y) is always phosphor; (PIC_PROBE_GAP_X, PIC_PROBE_Y) is always
 * the face, between the dashes of a run.
 */
#ifndef SSEM_PICTURE_H
#define SSEM_PICTURE_H

#include "ssem.h"

#include <stddef.h>
#include <stdint.h>

#define PIC_CELL 12        /* a cell is 12 x 12 pixels                        */
#define PIC_MARK_X 1       /* a mark starts 1 pixel into its cell             */
#define PIC_MARK_Y 5       /* ... and covers rows 5 to 7 of it                */
#define PIC_MARK_H 3
#define PIC_DOT_W 3        /* a dot: columns 1-3 of the cell                  */
#define PIC_DASH_W 7       /* a dash: columns 1-7 of the cell (halo 0-8)      */
#define PIC_GAP 3          /* face columns 9-11 between a dash's halo and the
                              next cell's (a run of 1s: separate dashes)     */
#define PIC_PROBE_Y 6      /* the middle row of a mark                        */
#define PIC_PROBE_DOT_X 2  /* inside both a dot and a dash                    */
#define PIC_PROBE_DASH_X 7 /* inside a dash; outside a dot and its halo       */
#define PIC_PROBE_GAP_X 10 /* outside every mark and halo: always the face    */

#define PIC_BEZEL 16                              /* grey border round the face */
#define PIC_FACE_PAD 12                           /* face border round the grid */
#define PIC_FACE_X PIC_BEZEL
#define PIC_FACE_Y PIC_BEZEL
#define PIC_FACE_SIZE (32 * PIC_CELL + 2 * PIC_FACE_PAD) /* 408 */
#define PIC_FACE_R 40 /* the face's rounded corners; the corner cells' halos
                         stay inside (checked by tests/unit/test_picture.c) */
#define PIC_GRID_X (PIC_FACE_X + PIC_FACE_PAD)            /* 28 */
#define PIC_GRID_Y (PIC_FACE_Y + PIC_FACE_PAD)            /* 28 */
#define PIC_LAMP_AREA 64                          /* the strip right of the face */
#define PIC_WIDTH (PIC_FACE_X + PIC_FACE_SIZE + PIC_LAMP_AREA)  /* 488 */
#define PIC_HEIGHT (PIC_FACE_Y + PIC_FACE_SIZE + PIC_BEZEL)     /* 440 */
#define PIC_LAMP_CX (PIC_FACE_X + PIC_FACE_SIZE + PIC_LAMP_AREA / 2) /* 456 */
#define PIC_LAMP_CY (PIC_FACE_Y + 24)                                /* 40 */
#define PIC_LAMP_R 10
#define PIC_LAMP_GLOW 14
#define PIC_SCALE_MAX 8 /* --scale: at most 3904 x 3520 pixels */

/* Colours (R, G, B). */
#define PIC_RGB_BEZEL 0x26, 0x26, 0x24
#define PIC_RGB_FACE 0x06, 0x12, 0x0a
#define PIC_RGB_MARK 0x3c, 0xc8, 0x5a        /* phosphor green             */
#define PIC_RGB_HALO 0x14, 0x4e, 0x24
#define PIC_RGB_MARK_BRIGHT 0xb4, 0xff, 0xc4 /* the action line            */
#define PIC_RGB_HALO_BRIGHT 0x32, 0x8c, 0x46
#define PIC_RGB_LAMP_LIT 0xff, 0x78, 0x1e    /* a neon                     */
#define PIC_RGB_LAMP_GLOW 0x7a, 0x3a, 0x14
#define PIC_RGB_LAMP_DARK 0x46, 0x24, 0x1a
#define PIC_RGB_LAMP_RIM 0x5a, 0x5a, 0x56    /* a dark lamp's metal rim    */

/* Draws the frame into rgb: PIC_WIDTH * PIC_HEIGHT pixels of 3 bytes each,
 * row by row from the top (always at scale 1: the PNG scales it up). */
void picture_raster(const ssem_frame_t *frame, uint8_t *rgb);

/* The heat map of a profile (`ssem show --profile`): the face's background
 * behind row r (every face pixel of the row's band of PIC_CELL pixel rows
 * that is not a mark or a halo) is tinted from PIC_RGB_FACE towards
 * PIC_RGB_HEAT in proportion to log(1 + count[r]) / log(1 + max count):
 * the hottest line's background is exactly PIC_RGB_HEAT, a line never
 * executed keeps PIC_RGB_FACE. Applied to a raster of picture_raster. */
#define PIC_RGB_HEAT 0xc8, 0x3c, 0x14 /* an ember */
void picture_heat(const uint64_t count[SSEM_LINES], uint8_t *rgb);

/* The frame as a PNG file in memory, at scale 1: on success returns 0 and
 * sets *data (a malloc'd buffer the caller frees) and *len; on failure (out
 * of memory, a libpng error) prints a message and returns -1. */
int picture_png(const ssem_frame_t *frame, unsigned char **data, size_t *len);
/* The same, with the heat map of `count` (may be NULL: none) drawn in, at
 * `scale` (1 to PIC_SCALE_MAX; anything else is an error, -1). */
int picture_png_heat(const ssem_frame_t *frame, const uint64_t *count, unsigned scale,
                     unsigned char **data, size_t *len);

/* The frame as an SVG document (the same picture; each mark one <rect> of
 * class "dot" or "dash"), `scale` (1 to PIC_SCALE_MAX) times the size, in a
 * malloc'd NUL-terminated string; NULL when out of memory or for a scale
 * out of range. */
char *picture_svg(const ssem_frame_t *frame, unsigned scale);

#endif
