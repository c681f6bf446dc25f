/*
 * pace.c - the pacing rule (ssem.h, "Pacing"): how many steps a run at a
 * given speed owes now. Pure arithmetic on a small state, so that
 * tests/unit/test_pace.c checks it without a clock.
 *
 * It is in the library (it was tools/pace.c) because the panel, which is in
 * the library, paces its runs with it, and `ssem run --speed` must use the
 * same rule (issue 12 item 4: one pacing helper); the web page's panel uses
 * it through the panel. It reads no clock: the caller passes the time.
 */
#include "ssem.h"

void ssem_pace_init(ssem_pace_t *p)
{
    p->carry = 0.0;
    p->slice = SSEM_PACE_FIRST_SLICE;
}

void ssem_pace_restart(ssem_pace_t *p) { p->carry = 0.0; }

uint64_t ssem_pace_budget(ssem_pace_t *p, double steps_per_second, double elapsed)
{
    if (!(steps_per_second > 0.0)) {
        p->carry = 0.0;
        return p->slice;
    }
    if (!(elapsed > 0.0))
        elapsed = 0.0;
    if (elapsed > SSEM_PACE_MAX_STALL)
        elapsed = SSEM_PACE_MAX_STALL;
    double want = p->carry + elapsed * steps_per_second;
    /* compared as doubles: want may be far above 2^64 (or infinite) when the
     * rate is absurd; only a value below the slice (< 2^32) is converted */
    if (!(want < (double)p->slice)) {
        p->carry = 0.0; /* faster than the engine goes: fall behind, owe nothing */
        return p->slice;
    }
    uint64_t n = (uint64_t)want;
    p->carry = want - (double)n;
    return n;
}

void ssem_pace_refund(ssem_pace_t *p, uint64_t n)
{
    double owed = p->carry + (double)n;
    p->carry = owed < (double)p->slice ? owed : (double)p->slice - 1.0;
}

void ssem_pace_tune(ssem_pace_t *p, uint64_t ran, double seconds)
{
    if (ran == 0 || ran < p->slice / 2 || !(seconds > 0.0))
        return;
    double ideal = (double)ran * SSEM_PACE_SLICE_SECONDS / seconds;
    double next = ((double)p->slice + ideal) / 2.0;
    if (!(next >= (double)SSEM_PACE_MIN_SLICE))
        next = SSEM_PACE_MIN_SLICE;
    if (next > (double)SSEM_PACE_MAX_SLICE)
        next = (double)SSEM_PACE_MAX_SLICE;
    p->slice = (uint64_t)next;
}
