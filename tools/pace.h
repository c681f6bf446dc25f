/*
 * pace.h - how many steps to run now: the one pacing rule of `ssem run
 * --speed` and the panel (and the web page's panel).
 *
 * A paced run owes real time elapsed x steps a second; what it owes is run
 * in slices, between which Ctrl-C, the keyboard and the screen are looked
 * at. Issue 12 item 4 found `run` computing the whole debt since the start:
 * above what the engine could do the debt grew without bound (Ctrl-C waited
 * for ever longer slices), and converting it to an integer could overflow.
 * Here the debt is capped at one slice, the most the engine runs in about
 * PACE_SLICE_SECONDS (tuned from measured slices), so a slice is always
 * short and nothing above 2^32 is ever converted.
 */
#ifndef SSEM_PACE_H
#define SSEM_PACE_H

#include <stdint.h>

#define PACE_SLICE_SECONDS (1.0 / 60.0) /* a slice: about one screen refresh    */
#define PACE_MAX_STALL 0.25             /* a longer gap is not made up in a burst */
#define PACE_MIN_SLICE 1000u
#define PACE_MAX_SLICE (1ull << 32)
#define PACE_FIRST_SLICE (1ull << 18)   /* until the first measurement          */

typedef struct pace {
    double carry;   /* steps owed, below one (or below a slice in a refund) */
    uint64_t slice; /* steps that take about PACE_SLICE_SECONDS flat out    */
} pace_t;

void pace_init(pace_t *p);
/* Forget what is owed (a speed change, a new run). */
void pace_restart(pace_t *p);
/* The steps to run now, `elapsed` seconds after the last call, at
 * steps_per_second (0: flat out, which is always one slice). Never more
 * than one slice; the fraction of a step is carried to the next call. */
uint64_t pace_budget(pace_t *p, double steps_per_second, double elapsed);
/* Gives back n steps of a budget that were not run (e.g. a trace runs one
 * step at a time); what is owed stays below one slice. */
void pace_refund(pace_t *p, uint64_t n);
/* Flat out: `ran` steps took `seconds`; moves the slice halfway towards
 * what takes PACE_SLICE_SECONDS, within PACE_MIN_SLICE..PACE_MAX_SLICE. A
 * slice cut short (STP, a breakpoint) is no measure and is ignored. */
void pace_tune(pace_t *p, uint64_t ran, double seconds);

#endif
