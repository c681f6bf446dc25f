/*
 * test_pace.c - the one pacing rule of `ssem run --speed` and the panel
 * (the library's ssem_pace_*, src/pace.c), issue 12 item 4: the debt is capped at one slice whatever
 * the speed, nothing above 2^64 is converted to an integer, and a real-time
 * run gets its 694.4 steps a second (1 / 1.44 ms). Values worked by hand.
 */
#include "check.h"
#include "ssem.h"

#include <math.h>

static void test_flat_out_is_one_slice(void)
{
    ssem_pace_t p;
    ssem_pace_init(&p);
    CHECK_EQ(ssem_pace_budget(&p, 0.0, 0.0), SSEM_PACE_FIRST_SLICE);
    CHECK_EQ(ssem_pace_budget(&p, 0.0, 100.0), SSEM_PACE_FIRST_SLICE);
}

static void test_real_time(void)
{
    ssem_pace_t p;
    ssem_pace_init(&p);
    double rate = 1.0 / 0.00144; /* 694.44 steps a second */
    /* 1/30 s: 23.148 steps: 23 now, the fraction carried */
    CHECK_EQ(ssem_pace_budget(&p, rate, 1.0 / 30.0), 23);
    uint64_t total = 23;
    for (int i = 1; i < 30; i++)
        total += ssem_pace_budget(&p, rate, 1.0 / 30.0);
    CHECK_EQ(total, 694); /* one second */
    /* a stall of 10 s at x10 is not made up: a quarter second, 1736.1 */
    ssem_pace_restart(&p);
    CHECK_EQ(ssem_pace_budget(&p, rate * 10, 10.0), 1736);
    CHECK_EQ(ssem_pace_budget(&p, rate, -1.0), 0);
}

static void test_debt_capped(void)
{
    ssem_pace_t p;
    ssem_pace_init(&p);
    p.slice = 5000;
    /* --speed=1e9 at a 0.5 us digit period: 1e9 / 72 us = 1.4e13 steps a
     * second; a quarter second is 3.5e12 steps, above 2^32: one slice */
    double rate = 1e9 / (144 * 0.5e-6);
    CHECK_EQ(ssem_pace_budget(&p, rate, 0.25), 5000);
    CHECK(p.carry == 0.0); /* nothing owed beyond the slice */
    CHECK_EQ(ssem_pace_budget(&p, rate, 0.25), 5000);
    /* absurd rates (above 2^64 a second, infinite) give a slice, no UB */
    CHECK_EQ(ssem_pace_budget(&p, 1e30, 0.1), 5000);
    CHECK_EQ(ssem_pace_budget(&p, HUGE_VAL, 0.1), 5000);
    CHECK_EQ(ssem_pace_budget(&p, HUGE_VAL, 0.0), 5000); /* inf x 0 is NaN: a slice too */
    CHECK_EQ(ssem_pace_budget(&p, NAN, 0.1), 5000);
}

static void test_refund(void)
{
    ssem_pace_t p;
    ssem_pace_init(&p);
    p.slice = 100;
    CHECK_EQ(ssem_pace_budget(&p, 1000.0, 0.05), 50);
    ssem_pace_refund(&p, 49); /* one step run, 49 owed */
    CHECK_EQ(ssem_pace_budget(&p, 1000.0, 0.0), 49);
    ssem_pace_refund(&p, 1000); /* never more than a slice owed */
    CHECK(p.carry < 100.0);
    CHECK_EQ(ssem_pace_budget(&p, 1000.0, 0.0), 99);
}

static void test_tuning(void)
{
    ssem_pace_t p;
    ssem_pace_init(&p);
    p.slice = 100000;
    /* 100000 steps took 1/30 s, twice a slice: halfway to 50000 */
    ssem_pace_tune(&p, 100000, 1.0 / 30.0);
    CHECK_EQ(p.slice, 75000);
    /* 75000 in 1/600 s: ten times too short: halfway to 750000 */
    ssem_pace_tune(&p, 75000, 1.0 / 600.0);
    CHECK_EQ(p.slice, 412500);
    ssem_pace_tune(&p, 10, 1.0); /* cut short: no measure */
    CHECK_EQ(p.slice, 412500);
    for (int i = 0; i < 40; i++)
        ssem_pace_tune(&p, p.slice, 100.0);
    CHECK_EQ(p.slice, SSEM_PACE_MIN_SLICE);
    for (int i = 0; i < 80; i++)
        ssem_pace_tune(&p, p.slice, 1e-9);
    CHECK_EQ(p.slice, SSEM_PACE_MAX_SLICE);
}

int main(void)
{
    RUN(test_flat_out_is_one_slice);
    RUN(test_real_time);
    RUN(test_debt_capped);
    RUN(test_refund);
    RUN(test_tuning);
    return CHECK_DONE();
}
