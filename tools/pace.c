/*
 * pace.c - the pacing rule (see pace.h). Pure arithmetic on a small state,
 * so that tests/unit/test_pace.c checks it without a clock.
 */
#include "pace.h"

void pace_init(pace_t *p)
{
    p->carry = 0.0;
    p->slice = PACE_FIRST_SLICE;
}

void pace_restart(pace_t *p) { p->carry = 0.0; }

uint64_t pace_budget(pace_t *p, double steps_per_second, double elapsed)
{
    if (!(steps_per_second > 0.0)) {
        p->carry = 0.0;
        return p->slice;
    }
    if (!(elapsed > 0.0))
        elapsed = 0.0;
    if (elapsed > PACE_MAX_STALL)
        elapsed = PACE_MAX_STALL;
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

void pace_refund(pace_t *p, uint64_t n)
{
    double owed = p->carry + (double)n;
    p->carry = owed < (double)p->slice ? owed : (double)p->slice - 1.0;
}

void pace_tune(pace_t *p, uint64_t ran, double seconds)
{
    if (ran == 0 || ran < p->slice / 2 || !(seconds > 0.0))
        return;
    double ideal = (double)ran * PACE_SLICE_SECONDS / seconds;
    double next = ((double)p->slice + ideal) / 2.0;
    if (!(next >= (double)PACE_MIN_SLICE))
        next = PACE_MIN_SLICE;
    if (next > (double)PACE_MAX_SLICE)
        next = (double)PACE_MAX_SLICE;
    p->slice = (uint64_t)next;
}
