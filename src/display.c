/*
 * display.c - the monitor CRT as a pure function of the T-state (SPEC 5).
 *
 * The observer of the lecture sees only T-states; on the Baby she saw them on
 * the monitor, a copy of one of three Williams tubes chosen by a switch:
 * S (the store, row r = line r), A (the accumulator, one line shown on every
 * row) and C (the control tube: CI and PI on alternate rows while running, CI
 * on every row when stopped). The line being addressed, the action line, is
 * brighter. Everything that draws the monitor (ssem run, show, panel, debug)
 * takes its frame from here, so they cannot disagree.
 */
#include "ssem.h"

#include <string.h>

void ssem_render(const ssem_t *m, ssem_tube_t tube, uint32_t action_line, bool running,
                 ssem_frame_t *frame)
{
    for (uint32_t r = 0; r < SSEM_LINES; r++) {
        switch (tube) {
        case SSEM_TUBE_S: frame->row[r] = m->store[r]; break;
        case SSEM_TUBE_A: frame->row[r] = m->a; break;
        case SSEM_TUBE_C: frame->row[r] = (running && (r & 1u)) ? m->pi : m->ci; break;
        }
    }
    frame->bright = 1u << (action_line & SSEM_LINE_MASK);
    frame->tube = tube;
    frame->lamp = m->lamp;
}

size_t ssem_frame_text(const ssem_frame_t *frame, bool unicode, char *buf, size_t size)
{
    /* dot and dash, normal and bright */
    static const char *const ascii[2][2] = {{".", "-"}, {":", "="}};
    static const char *const utf8[2][2] = {{"\u00b7", "\u2500"}, {"\u2022", "\u2501"}};
    const char *const(*cell)[2] = unicode ? utf8 : ascii;
    size_t at = 0;
    for (uint32_t r = 0; r < SSEM_LINES; r++) {
        unsigned bright = (frame->bright >> r) & 1u;
        for (uint32_t b = 0; b < 32u; b++) {
            const char *c = cell[bright][(frame->row[r] >> b) & 1u];
            size_t n = strlen(c);
            if (at + n + 2 > size) {
                if (size > 0)
                    buf[0] = '\0';
                return 0;
            }
            memcpy(buf + at, c, n);
            at += n;
        }
        buf[at++] = '\n';
    }
    buf[at] = '\0';
    return at;
}

const char *ssem_tube_name(ssem_tube_t tube)
{
    return tube == SSEM_TUBE_A ? "A" : tube == SSEM_TUBE_C ? "C" : "S";
}

int ssem_tube_parse(const char *name, ssem_tube_t *tube)
{
    if (name[0] != '\0' && name[1] == '\0') {
        switch (name[0]) {
        case 'S': case 's': *tube = SSEM_TUBE_S; return 0;
        case 'A': case 'a': *tube = SSEM_TUBE_A; return 0;
        case 'C': case 'c': *tube = SSEM_TUBE_C; return 0;
        default: break;
        }
    }
    return -1;
}
