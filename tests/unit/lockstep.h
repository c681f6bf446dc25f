/*
 * lockstep.h - differential testing of an engine against the reference.
 *
 * Random stores biased towards real programs (ssem_random_store: plain
 * instructions, jump words, data with high bits set), run by the engine and by
 * ssem_run side by side in random budgets; after every call the T-state,
 * step count, stop reason and fault flag must be identical. Plus hand-made
 * programs aimed at the hard cases of self-modifying code, faults and
 * CI wrap-around.
 */
#ifndef SSEM_LOCKSTEP_H
#define SSEM_LOCKSTEP_H

#include "check.h"
#include "ssem.h"

#include <string.h>

static uint64_t lockstep_rng = 0x9E3779B97F4A7C15ull;

static uint32_t lockstep_random(void)
{
    /* xorshift64*: deterministic, so failures reproduce */
    lockstep_rng ^= lockstep_rng >> 12;
    lockstep_rng ^= lockstep_rng << 25;
    lockstep_rng ^= lockstep_rng >> 27;
    return (uint32_t)((lockstep_rng * 2685821657736338717ull) >> 32);
}

/* Runs `name` and ref from the same machine for `calls` random budgets. */
static int lockstep_compare(const char *name, const ssem_t *start, int calls, uint64_t max_budget)
{
    ssem_engine_t *e = ssem_engine_new(name);
    CHECK(e != NULL);
    if (e == NULL)
        return 0;
    ssem_t x = *start, y = *start;
    int ok = 1;
    for (int call = 0; call < calls && ok; call++) {
        uint64_t budget = lockstep_random() % (max_budget + 1u);
        ssem_stop_t wx = ssem_engine_run(e, &x, budget, 0);
        ssem_stop_t wy = ssem_run(&y, budget, 0);
        if (wx != wy || !ssem_tstate_equal(&x, &y) || x.steps != y.steps || x.fault != y.fault) {
            fprintf(stderr,
                    "lockstep %s: call %d budget %llu: stop %s/%s steps %llu/%llu ci %u/%u "
                    "a %u/%u pi %u/%u\n",
                    name, call, (unsigned long long)budget, ssem_stop_name(wx),
                    ssem_stop_name(wy), (unsigned long long)x.steps,
                    (unsigned long long)y.steps, (unsigned)x.ci, (unsigned)y.ci,
                    (unsigned)x.a, (unsigned)y.a, (unsigned)x.pi, (unsigned)y.pi);
            ok = 0;
        }
        if (wy == SSEM_HALTED && (lockstep_random() & 1u)) {
            ssem_resume(&x);
            ssem_resume(&y);
        }
    }
    ssem_engine_free(e);
    CHECK(ok);
    return ok;
}

static void lockstep_random_stores(const char *name, int stores)
{
    for (int i = 0; i < stores; i++) {
        ssem_t m;
        memset(&m, 0, sizeof m);
        m.lenient = (i % 3) == 0;
        uint64_t seed = lockstep_random();
        ssem_random_store(&m, &seed); /* the same generator as ssem verify --random */
        if (!lockstep_compare(name, &m, 20, i % 2 ? 1u : 300u))
            return;
    }
}

#define LS_INS(f, n) ((uint32_t)(((uint32_t)(f) << 13) | (uint32_t)(n)))

/* Hand-made programs aimed at the hard cases; each run in small budgets and
 * in one big one. */
static void lockstep_hard_cases(const char *name)
{
    static const uint32_t programs[][32] = {
        /* STO into the very next instruction: line 2 overwrites line 3 */
        {[1] = LS_INS(2, 20), [2] = LS_INS(3, 3), [3] = LS_INS(7, 0), [4] = LS_INS(7, 0),
         [20] = 0u - LS_INS(2, 21), [21] = 5},
        /* STO into itself, then a loop that rewrites a SUB's operand */
        {[1] = LS_INS(2, 22), [2] = LS_INS(3, 2), [3] = LS_INS(7, 0),
         [22] = 0u - LS_INS(4, 23), [23] = 1},
        /* STO into a JMP's operand word: the jump target changes */
        {[1] = LS_INS(2, 20), [2] = LS_INS(3, 21), [3] = LS_INS(0, 21), [4] = LS_INS(7, 0),
         [20] = (uint32_t)-8, [21] = 0, [8] = LS_INS(2, 20), [9] = LS_INS(7, 0)},
        /* JMP through a word with bit 13 set: fault (or, lenient, wrap) */
        {[1] = LS_INS(0, 20), [20] = 0x2000u + 4u, [5] = LS_INS(7, 0)},
        /* JRP sum reaching bit 13 */
        {[1] = LS_INS(1, 20), [20] = 0x1FFDu, [31] = LS_INS(6, 0)},
        /* all CMP with A = 0: CI climbs to 0x2000 by running off line 31 */
        {LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0),
         LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0),
         LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0),
         LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0),
         LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0), LS_INS(6, 0),
         LS_INS(6, 0), LS_INS(6, 0)},
        /* A < 0 and CMPs at lines 29, 30, 31: skips across the end of the store */
        {[1] = LS_INS(2, 20), [2] = LS_INS(0, 21), [20] = 1, [21] = 28,
         [29] = LS_INS(6, 0), [30] = LS_INS(6, 0), [31] = LS_INS(6, 0), [0] = LS_INS(0, 22),
         [22] = 28},
        /* a store into the current block's own jump target word, in a loop */
        {[1] = LS_INS(2, 24), [2] = LS_INS(4, 25), [3] = LS_INS(3, 26), [4] = LS_INS(2, 26),
         [5] = LS_INS(3, 24), [6] = LS_INS(6, 0), [7] = LS_INS(0, 27), [8] = LS_INS(7, 0),
         [24] = 0u - 40u, [25] = 1, [27] = 0},
        /* STP then resume: a prime-generator-like stop in a loop */
        {[1] = LS_INS(7, 0), [2] = LS_INS(2, 20), [3] = LS_INS(0, 21), [20] = 3, [21] = 0},
        /* function 5 and ignored bits everywhere */
        {[1] = LS_INS(5, 20) | 0xFFFF0000u, [2] = LS_INS(3, 21) | 0x1FE0u,
         [3] = LS_INS(1, 22) | 0xAAAA0000u, [4] = LS_INS(7, 0), [20] = 7, [22] = 0},
    };
    for (size_t p = 0; p < sizeof programs / sizeof programs[0]; p++) {
        for (int lenient = 0; lenient < 2; lenient++) {
            ssem_t m;
            memset(&m, 0, sizeof m);
            memcpy(m.store, programs[p], sizeof m.store);
            m.lenient = lenient != 0;
            if (!lockstep_compare(name, &m, 200, 3)) {
                fprintf(stderr, "  (hard case %zu, lenient %d, small budgets)\n", p, lenient);
                return;
            }
            if (!lockstep_compare(name, &m, 3, 20000)) {
                fprintf(stderr, "  (hard case %zu, lenient %d, big budgets)\n", p, lenient);
                return;
            }
        }
    }
}

#endif
