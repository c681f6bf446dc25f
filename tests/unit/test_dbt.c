/*
 * test_dbt.c - the `dbt` engine (binary translator) against the reference.
 *
 * Lockstep differential testing: the same machine is run by the translator
 * and by ssem_run in the same budgets, and after every call the T-state,
 * step count, stop reason, lamp and fault flag must agree. Random stores are
 * biased towards real code (small operands, jump words near the store, data
 * with high bits, code that writes code), in strict and lenient mode, with
 * random budgets, budget 1 repeatedly, and the caller poking the store
 * between calls. Hand-made programs aim at the translator's hard cases:
 * stores into the next instruction, into the running block and into a jump's
 * operand word; faults through JMP, JRP and CI running off line 31; CMP at
 * lines 30 and 31; STP and resume; the first program (SPEC section 9).
 */
#include "check.h"
#include "first_program.h"

/* test_wasm.c runs these same tests on the `wasm` engine */
#ifndef TRANSLATOR
#define TRANSLATOR "dbt"
#if defined(__x86_64__) && defined(__linux__)
#define TRANSLATOR_BUILT 1
#endif
#endif
#include "ssem.h"

#include <stdlib.h>
#include <string.h>

#define INS(f, n) ((uint32_t)(((uint32_t)(f) << 13) | (uint32_t)(n)))
#define JMP(n) INS(0, n)
#define JRP(n) INS(1, n)
#define LDN(n) INS(2, n)
#define STO(n) INS(3, n)
#define SUB(n) INS(4, n)
#define CMP INS(6, 0)
#define STP INS(7, 0)

static uint64_t rng_state = 0x243F6A8885A308D3ull;

static uint32_t rnd(void)
{
    /* xorshift64*: deterministic, so failures reproduce */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 2685821657736338717ull) >> 32);
}

static uint32_t random_word(void)
{
    uint32_t line = rnd() % 32u;
    switch (rnd() % 10u) {
    case 0: return rnd();                                   /* anything */
    case 1: return rnd() % 32u;                             /* jump target word */
    case 2: return 0u - (rnd() % 40u);                      /* small negative */
    case 3: return (rnd() & 0xFFFF0000u) | INS(rnd() % 8u, line); /* picture bits */
    case 4: return 0x1FE0u + (rnd() % 64u);                 /* near the fault bits */
    case 5: return STO(line);                               /* writes code often */
    default: return INS(rnd() % 7u, line);                  /* plain, no STP */
    }
}

static ssem_engine_t *dbt_engine(void)
{
    ssem_engine_t *e = ssem_engine_new(TRANSLATOR);
#ifdef TRANSLATOR_BUILT
    CHECK(e != NULL); /* it must exist here */
#else
    CHECK(e == NULL); /* and only where it is built */
#endif
    return e;
}

static int report(const char *what, int call, uint64_t budget, ssem_stop_t wx, ssem_stop_t wy,
                  const ssem_t *x, const ssem_t *y)
{
    fprintf(stderr,
            TRANSLATOR " %s: call %d budget %llu: stop %s/%s steps %llu/%llu ci %#x/%#x a %#x/%#x "
            "pi %#x/%#x lamp %d/%d fault %d/%d lenient %d\n",
            what, call, (unsigned long long)budget, ssem_stop_name(wx), ssem_stop_name(wy),
            (unsigned long long)x->steps, (unsigned long long)y->steps, (unsigned)x->ci,
            (unsigned)y->ci, (unsigned)x->a, (unsigned)y->a, (unsigned)x->pi, (unsigned)y->pi,
            x->lamp, y->lamp, x->fault, y->fault, x->lenient);
    return 0;
}

/* One engine call and one reference call; 1 when they agree. */
static int same_run(ssem_engine_t *e, ssem_t *x, ssem_t *y, uint64_t budget, const char *what,
                    int call)
{
    ssem_stop_t wx = ssem_engine_run(e, x, budget, 0);
    ssem_stop_t wy = ssem_run(y, budget, 0);
    if (wx != wy || !ssem_tstate_equal(x, y) || x->steps != y->steps || x->fault != y->fault ||
        x->lamp != y->lamp)
        return report(what, call, budget, wx, wy, x, y);
    return 1;
}

/* Runs a machine in lockstep for `calls` budgets in [1, max_budget]; resumes
 * after STP, sometimes pokes the store between calls. */
static int lockstep(ssem_engine_t *e, const ssem_t *start, int calls, uint64_t max_budget,
                    bool poke, const char *what)
{
    ssem_t x = *start, y = *start;
    for (int call = 0; call < calls; call++) {
        uint64_t budget = 1u + rnd() % max_budget;
        if (!same_run(e, &x, &y, budget, what, call))
            return 0;
        if (y.lamp && !y.fault) {
            ssem_resume(&x);
            ssem_resume(&y);
        }
        if (poke && rnd() % 4u == 0u) { /* the caller writes the store directly */
            uint32_t line = rnd() % 32u, w = random_word();
            x.store[line] = w;
            y.store[line] = w;
        }
        if (y.fault)
            break;
    }
    return 1;
}

static ssem_t machine(const uint32_t *words, bool lenient)
{
    ssem_t m;
    memset(&m, 0, sizeof m);
    ssem_reset(&m);
    m.lenient = lenient;
    if (words != NULL)
        memcpy(m.store, words, sizeof m.store);
    return m;
}

/* ------------------------------------------------------------ random stores */

static void test_random_stores(void)
{
    ssem_engine_t *e = dbt_engine();
    if (e == NULL)
        return;
    for (int i = 0; i < 4000; i++) {
        ssem_t m = machine(NULL, i % 3 == 0);
        for (unsigned l = 0; l < 32; l++)
            m.store[l] = random_word();
        m.ci = (i % 7 == 0) ? rnd() % 0x2000u : rnd() % 32u;
        m.a = rnd();
        uint64_t max = (i % 4 == 0) ? 5u : (i % 4 == 1) ? 100u : 5000u;
        if (!lockstep(e, &m, 30, max, i % 2 == 0, "random store")) {
            CHECK(0);
            fprintf(stderr, "  store #%d\n", i);
            break;
        }
    }
    ssem_engine_free(e);
}

static void test_budget_one(void)
{
    ssem_engine_t *e = dbt_engine();
    if (e == NULL)
        return;
    for (int i = 0; i < 300; i++) {
        ssem_t m = machine(NULL, i % 2 == 0);
        for (unsigned l = 0; l < 32; l++)
            m.store[l] = random_word();
        if (!lockstep(e, &m, 400, 1, false, "budget 1")) {
            CHECK(0);
            break;
        }
    }
    ssem_engine_free(e);
}

/* A fresh engine per store too: translations must not depend on history. */
static void test_fresh_engines(void)
{
    for (int i = 0; i < 200; i++) {
        ssem_engine_t *e = dbt_engine();
        if (e == NULL)
            return;
        ssem_t m = machine(NULL, i % 2 == 1);
        for (unsigned l = 0; l < 32; l++)
            m.store[l] = random_word();
        bool ok = lockstep(e, &m, 5, 100000, false, "fresh engine");
        ssem_engine_free(e);
        if (!ok) {
            CHECK(0);
            break;
        }
    }
}

/* ------------------------------------------------------------ hard cases */

/* Each program in strict and lenient mode, in budgets of 1-3, 1-50 and big. */
static void hard(const uint32_t *words, const char *what)
{
    ssem_engine_t *e = dbt_engine();
    if (e == NULL)
        return;
    for (int lenient = 0; lenient < 2; lenient++) {
        ssem_t m = machine(words, lenient != 0);
        bool ok = lockstep(e, &m, 300, 3, false, what) && lockstep(e, &m, 100, 50, false, what) &&
                  lockstep(e, &m, 4, 1000000, false, what);
        CHECK(ok);
        if (!ok)
            fprintf(stderr, "  (%s, lenient %d)\n", what, lenient);
    }
    ssem_engine_free(e);
}

static void test_sto_into_next_instruction(void)
{
    /* line 2 stores A = STP into line 3 (which was LDN 21): the STP must run */
    uint32_t p[32] = {[1] = LDN(20), [2] = STO(3), [3] = LDN(21), [4] = STP, [5] = STP,
                      [20] = 0u - STP, [21] = 5};
    hard(p, "STO into the next instruction");
    ssem_engine_t *e = dbt_engine();
    if (e == NULL)
        return;
    ssem_t m = machine(p, false);
    CHECK_EQ(ssem_engine_run(e, &m, 100, 0), SSEM_HALTED);
    CHECK_EQ(m.ci, 3);
    CHECK_EQ(m.steps, 3);
    CHECK_EQ(m.pi, STP);
    ssem_engine_free(e);
}

static void test_sto_into_current_block(void)
{
    /* a loop whose SUB operand is advanced by the loop itself (line 3) */
    uint32_t p[32] = {[1] = LDN(3), [2] = SUB(30), [3] = SUB(20), [4] = STO(29),
                      [5] = LDN(29), [6] = STO(3), [7] = LDN(28), [8] = SUB(31),
                      [9] = STO(28), [10] = CMP, [11] = JMP(27), [12] = STP,
                      [20] = 1, [21] = 2, [22] = 3, [23] = 4, [24] = 5, [27] = 0,
                      [28] = 0u - 6u, [30] = 0u - 1u, [31] = 0u - 1u};
    hard(p, "STO into the current block");
    /* and a STO into the block's own earlier line, then falling back to it */
    uint32_t q[32] = {[1] = LDN(20), [2] = STO(1), [3] = SUB(21), [4] = CMP, [5] = JMP(22),
                      [6] = STP, [20] = 0u - LDN(23), [21] = 1, [22] = 0, [23] = 0u - 9u};
    hard(q, "STO into an earlier line of the block");
}

static void test_sto_into_jump_operand(void)
{
    /* line 3 rewrites line 21, the JMP's operand: a counted loop */
    uint32_t p[32] = {[1] = LDN(21), [2] = SUB(22), [3] = STO(23), [4] = LDN(23),
                      [5] = STO(21), [6] = JMP(21), [7] = STP, [8] = JMP(24), [9] = STP,
                      [10] = STP, [21] = 0, [22] = 0u - 1u, [24] = 0};
    hard(p, "STO into a JMP operand");
    uint32_t q[32] = {[1] = LDN(20), [2] = STO(21), [3] = JRP(21), [4] = STP, [5] = STP,
                      [6] = JMP(22), [20] = (uint32_t)-2, [22] = 0};
    hard(q, "STO into a JRP operand");
}

static void test_faults(void)
{
    /* JMP through a word with bit 13, 14 or 15 set */
    for (uint32_t bit = 13; bit <= 15; bit++) {
        uint32_t p[32] = {[1] = LDN(21), [2] = JMP(20), [20] = (1u << bit) | 4u, [5] = STP,
                          [21] = 3};
        hard(p, "JMP fault");
        ssem_engine_t *e = dbt_engine();
        if (e == NULL)
            return;
        ssem_t m = machine(p, false);
        CHECK_EQ(ssem_engine_run(e, &m, 10, 0), SSEM_FAULT);
        CHECK_EQ(m.ci, (1u << bit) | 5u);
        CHECK_EQ(m.steps, 2);
        CHECK(m.lamp && m.fault);
        CHECK_EQ(m.pi, JMP(20));
        CHECK_EQ(m.a, 0u - 3u);
        /* budget spent exactly before the faulting step: a limit, CI as it was */
        m = machine(p, false);
        CHECK_EQ(ssem_engine_run(e, &m, 2, 0), SSEM_LIMIT);
        CHECK_EQ(m.ci, (1u << bit) | 4u);
        CHECK(!m.lamp && !m.fault);
        CHECK_EQ(ssem_engine_run(e, &m, 2, 0), SSEM_FAULT);
        CHECK_EQ(m.ci, (1u << bit) | 5u);
        ssem_engine_free(e);
    }
    /* JRP whose sum reaches bit 13, from several lines */
    uint32_t p[32] = {[1] = JRP(20), [20] = 0x1FFDu, [31] = CMP};
    hard(p, "JRP fault");
    uint32_t q[32] = {[1] = LDN(21), [2] = CMP, [3] = STP, [4] = JRP(20), [20] = 0x2000u - 5u,
                      [21] = 1, [31] = STP};
    hard(q, "JRP fault after a CMP skip");
    /* a loop that walks a JRP offset up to the fault: JRP with a delta */
    uint32_t r[32] = {[1] = LDN(20), [2] = SUB(21), [3] = STO(22), [4] = LDN(22),
                      [5] = STO(20), [6] = JRP(20), [20] = 0u - 0x100u, [21] = 0u - 0x40u};
    hard(r, "JRP growing into the fault bits");
}

static void test_ci_runs_off_line_31(void)
{
    /* all CMP with A = 0: CI climbs by running off line 31 until 0x2000 */
    uint32_t p[32];
    for (unsigned l = 0; l < 32; l++)
        p[l] = CMP;
    hard(p, "CI running off line 31");
    ssem_engine_t *e = dbt_engine();
    if (e == NULL)
        return;
    ssem_t m = machine(p, false);
    CHECK_EQ(ssem_engine_run(e, &m, 100000, 0), SSEM_FAULT);
    CHECK_EQ(m.ci, 0x2000u);
    CHECK_EQ(m.steps, 0x1FFFu);
    m = machine(p, true);
    CHECK_EQ(ssem_engine_run(e, &m, 100000, 0), SSEM_LIMIT);
    CHECK_EQ(m.ci, 100000u);
    /* the same with A < 0: every CMP skips, CI climbs by 2 */
    m = machine(p, false);
    m.a = 0x80000000u;
    ssem_t y = m;
    CHECK(same_run(e, &m, &y, 100000, "skipping CMPs", 0));
    CHECK_EQ(m.ci, 0x2001u); /* CI 2, 4, ...: the fetch that faults is odd */
    ssem_engine_free(e);
    /* a SUB-and-CMP program with lines to wrap through */
    uint32_t q[32] = {[0] = SUB(29), [1] = CMP, [2] = LDN(28), [30] = CMP, [31] = CMP,
                      [28] = 5, [29] = 1};
    hard(q, "CMP at lines 30 and 31");
}

static void test_cmp_at_30_and_31(void)
{
    ssem_engine_t *e = dbt_engine();
    if (e == NULL)
        return;
    for (uint32_t at = 29; at < 32; at++) {
        for (int negative = 0; negative < 2; negative++) {
            uint32_t p[32];
            for (uint32_t l = 0; l < 32; l++)
                p[l] = STP;
            p[at] = CMP;
            ssem_t m = machine(p, false);
            m.ci = at - 1u;
            m.a = negative ? 0x80000000u : 0u;
            ssem_t y = m;
            CHECK(same_run(e, &m, &y, 100, "CMP at the end of the store", (int)at));
            uint32_t want = at + 1u + (negative ? 1u : 0u);
            CHECK_EQ(m.ci, want); /* CI is not reduced mod 32: 32 or 33 past line 31 */
            CHECK_EQ(m.steps, 2);
        }
    }
    ssem_engine_free(e);
}

static void test_stp_and_resume(void)
{
    /* stops once per pass through a loop, as the prime generators do */
    uint32_t p[32] = {[1] = LDN(20), [2] = SUB(21), [3] = STO(20), [4] = STP, [5] = LDN(20),
                      [6] = STO(22), [7] = LDN(22), [8] = JMP(23), [20] = 0, [21] = 1,
                      [23] = 0};
    ssem_engine_t *e = dbt_engine();
    if (e == NULL)
        return;
    ssem_t x = machine(p, false), y = x;
    for (int i = 0; i < 20; i++) {
        CHECK(same_run(e, &x, &y, 1000, "STP and resume", i));
        CHECK_EQ(x.ci, 4);
        CHECK(x.lamp && !x.fault);
        /* a lit lamp stays lit */
        CHECK_EQ(ssem_engine_run(e, &x, 1000, 0), SSEM_HALTED);
        ssem_resume(&x);
        ssem_resume(&y);
    }
    CHECK_EQ(x.steps, 20u * 4u + 19u * 4u);
    ssem_engine_free(e);
}

static void test_caller_writes_store(void)
{
    /* a tight loop; between calls the caller rewrites its code and data */
    uint32_t p[32] = {[1] = LDN(20), [2] = SUB(21), [3] = CMP, [4] = JMP(22), [5] = STP,
                      [20] = 0u - 3u, [21] = 1, [22] = 0};
    ssem_engine_t *e = dbt_engine();
    if (e == NULL)
        return;
    ssem_t x = machine(p, false), y = x;
    CHECK(same_run(e, &x, &y, 40, "before the write", 0));
    x.store[2] = y.store[2] = SUB(23); /* the translated SUB now reads line 23 */
    x.store[23] = y.store[23] = 0u - 1u;
    CHECK(same_run(e, &x, &y, 40, "after writing code", 1));
    x.store[4] = y.store[4] = STP; /* the JMP becomes STP */
    CHECK(same_run(e, &x, &y, 40, "after writing a JMP", 2));
    CHECK(x.lamp);
    ssem_resume(&x);
    ssem_resume(&y);
    x.ci = y.ci = 0;
    x.store[22] = y.store[22] = 4; /* a JMP operand, then the JMP back */
    x.store[4] = y.store[4] = JMP(22);
    CHECK(same_run(e, &x, &y, 1000, "after writing a JMP operand", 3));
    /* the same store given to a different machine, and a mode change */
    ssem_t z = y;
    z.lenient = true;
    ssem_t w = z;
    CHECK(same_run(e, &z, &w, 1000, "after a mode change", 4));
    ssem_engine_free(e);
}

static void test_volatile_code(void)
{
    /* a loop that rewrites its own SUB operand every pass: the engine must
     * stop retranslating (volatile lines) and stay exact */
    uint32_t p[32] = {[1] = LDN(3), [2] = SUB(21), [3] = SUB(0), [4] = STO(24), [5] = LDN(24),
                      [6] = STO(3), [7] = LDN(25), [8] = SUB(21), [9] = STO(25), [10] = LDN(25),
                      [11] = CMP, [12] = JMP(22), [13] = STP,
                      [21] = 0u - 1u, [22] = 0, [25] = 0u - 900u};
    hard(p, "self-modifying loop");
}

/* ------------------------------------------------------------ invalidation
 *
 * The engine drops only the blocks whose baked words changed, and points the
 * jumps chained into them back at C. Each program below goes wrong in a way
 * the final state shows if a stale block survives: its expected figures are
 * worked out by hand from the program (as the comments show), not by running
 * an engine. */

/* Runs p to its STP with a fresh engine and checks the figures given. */
static void run_to_stop(const uint32_t *p, uint64_t steps, uint32_t ci, uint32_t a,
                        uint32_t line, uint32_t word, const char *what)
{
    ssem_engine_t *e = dbt_engine();
    if (e == NULL)
        return;
    ssem_t m = machine(p, false);
    CHECK_EQ(ssem_engine_run(e, &m, 100000, 0), SSEM_HALTED);
    CHECK_EQ(m.steps, steps);
    CHECK_EQ(m.ci, ci);
    CHECK_EQ(m.a, a);
    CHECK_EQ(m.store[line], word);
    if (m.steps != steps || m.store[line] != word)
        fprintf(stderr, "  (%s)\n", what);
    ssem_engine_free(e);
}

static void test_sto_into_middle_of_two_blocks(void)
{
    /* Line 5 (SUB 21, then 22, 23, 24) is rewritten by a STO in another
     * block (line 12) every pass. The first pass enters at line 1, the
     * others at line 2 (JMP 25 with S25 = 1), so line 5 is in two blocks,
     * at 1 and at 2, and both must go. nacc (line 28) = -(1 + 2 + 4 + 8).
     * Steps: pass 1 is lines 1-7, 8-18 and the JMP at 20: 19; passes 2
     * and 3 start at line 2: 18; pass 4 ends with the STP at 19: 18. 73. */
    uint32_t p[32] = {[1] = SUB(31), [2] = LDN(28), [3] = STO(27), [4] = LDN(27),
                      [5] = SUB(21), [6] = STO(28), [7] = JMP(29), [8] = LDN(5),
                      [9] = SUB(30), [10] = STO(27), [11] = LDN(27), [12] = STO(5),
                      [13] = LDN(26), [14] = SUB(30), [15] = STO(27), [16] = LDN(27),
                      [17] = STO(26), [18] = CMP, [19] = STP, [20] = JMP(25),
                      [21] = 1, [22] = 2, [23] = 4, [24] = 8, [25] = 1, [26] = 0u - 4u,
                      [29] = 7, [30] = 1};
    run_to_stop(p, 73, 19, 0, 28, 0u - 15u, "STO into the middle of two blocks");
    hard(p, "STO into the middle of two blocks");
}

static void test_sto_into_shared_jump_word(void)
{
    /* JMP 30 at line 8 dispatches to route A (line 10, S30 = 9) or route B
     * (line 15, S30 = 14); each route writes the other's target into line
     * 30, the jump word baked into the block at line 1. k = 10 passes: 1-9
     * dispatch (A on odd passes, 5 times, 3 steps; B on even, 4 times, 5
     * steps); the last pass stops at line 7. Steps: 9 x 7 + 15 + 20 + 7 =
     * 105; S30 ends as A left it, 14; S24 = 9 - 1 = 8 from B. */
    uint32_t p[32] = {[1] = LDN(26), [2] = SUB(31), [3] = STO(27), [4] = LDN(27),
                      [5] = STO(26), [6] = CMP, [7] = STP, [8] = JMP(30), [9] = STP,
                      [10] = LDN(29), [11] = STO(30), [12] = JMP(22),
                      [15] = LDN(28), [16] = STO(30), [17] = SUB(31), [18] = STO(24),
                      [19] = JMP(22), [22] = 0, [26] = 0u - 10u, [28] = 0u - 9u,
                      [29] = 0u - 14u, [30] = 9, [31] = 1};
    run_to_stop(p, 105, 7, 0, 30, 14, "STO into a shared jump word");
    ssem_engine_t *e = dbt_engine();
    if (e != NULL) {
        ssem_t m = machine(p, false);
        CHECK_EQ(ssem_engine_run(e, &m, 1000, 0), SSEM_HALTED);
        CHECK_EQ(m.store[24], 8);
        ssem_engine_free(e);
    }
    hard(p, "STO into a shared jump word");
}

static void test_same_word_then_new_word(void)
{
    /* bench/selfmod.asm in small: every round stores the word "SUB 11" into
     * line 4 (the same word after the first round: no invalidation needed)
     * and subtracts 1 from r = 100. After 40 rounds (360 steps) r = 60; the
     * caller then makes the stored word "SUB 16" (S16 = 2): the next STO
     * writes a new word into translated code, and r falls by 2 a round: 30
     * more rounds. 70 rounds of 9 steps = 630, STP at line 9. */
    uint32_t p[32] = {[1] = LDN(12), [2] = STO(4), [3] = LDN(13), [4] = 0, [5] = STO(14),
                      [6] = LDN(14), [7] = STO(13), [8] = CMP, [9] = STP, [10] = JMP(15),
                      [11] = 1, [12] = 0u - SUB(11), [13] = 0u - 100u, [15] = 0, [16] = 2};
    ssem_engine_t *e = dbt_engine();
    if (e == NULL)
        return;
    ssem_t m = machine(p, false), y = m;
    CHECK(same_run(e, &m, &y, 360, "same word stored", 0));
    CHECK_EQ(m.store[13], 0u - 60u);
    CHECK_EQ(m.store[4], SUB(11));
    m.store[12] = y.store[12] = 0u - SUB(16);
    CHECK(same_run(e, &m, &y, 100000, "a new word stored", 1));
    CHECK_EQ(m.steps, 630);
    CHECK_EQ(m.ci, 9);
    CHECK_EQ(m.store[4], SUB(16));
    CHECK_EQ(m.store[13], 0);
    ssem_engine_free(e);
    hard(p, "same word, then a new word");
}

static void test_caller_writes_chained_block(void)
{
    /* Two chained blocks, lines 1-4 and 5-8, looping 8 steps a pass; S21 = 0,
     * so S20 flips sign each pass (5, -5, ...) and S24 = -S20 - S23. */
    uint32_t p[32] = {[1] = LDN(20), [2] = SUB(21), [3] = STO(20), [4] = JMP(22),
                      [5] = LDN(20), [6] = SUB(23), [7] = STO(24), [8] = JMP(25),
                      [20] = 5, [22] = 4, [23] = 1, [25] = 0, [26] = 100};
    ssem_engine_t *e = dbt_engine();
    if (e == NULL)
        return;
    ssem_t m = machine(p, false), y = m;
    CHECK(same_run(e, &m, &y, 800, "before", 0)); /* 100 passes: S20 = 5 */
    CHECK_EQ(m.store[24], 0u - 6u);              /* -5 - 1 */
    /* the middle of the second block, reached only by a chained jump */
    m.store[6] = y.store[6] = SUB(26);
    CHECK(same_run(e, &m, &y, 800, "a line of a chained block", 1));
    CHECK_EQ(m.store[24], 0u - 105u); /* -5 - 100 */
    /* the same word written again changes nothing (two passes) */
    m.store[6] = y.store[6] = SUB(26);
    CHECK(same_run(e, &m, &y, 16, "the same word", 2));
    CHECK_EQ(m.store[24], 0u - 105u);
    /* the jump word of the second block's JMP: after one more pass from
     * line 1 (S20 = -5, S24 = 5 - 100 = -95) the loop starts at line 2, 7
     * steps a pass: S20 = -95, S24 = 95 - 100 = -5; then -5 and -95 again */
    m.store[25] = y.store[25] = 1;
    CHECK(same_run(e, &m, &y, 8 + 700, "a jump word", 3)); /* 100 passes more */
    CHECK_EQ(m.store[24], 0u - 95u);
    CHECK_EQ(m.store[20], 0u - 5u);
    CHECK(same_run(e, &m, &y, 7, "a jump word", 4));
    CHECK_EQ(m.store[24], 0u - 5u);
    CHECK_EQ(m.store[20], 0u - 95u);
    ssem_engine_free(e);
}

/* ------------------------------------------------------------ the first program */

static void test_first_program(void)
{
    ssem_engine_t *e = dbt_engine();
    if (e == NULL)
        return;
    ssem_t m = machine(NULL, false);
    put_first_program(&m);
    ssem_t y = m, start = m;
    CHECK_EQ(ssem_engine_run(e, &m, 5000000, 0), SSEM_HALTED);
    CHECK_EQ(m.steps, 2097154u);
    CHECK_EQ(m.store[27], 131072u);
    CHECK_EQ(m.store[26], (uint32_t)-131072);
    CHECK_EQ(m.ci, 13);
    CHECK_EQ(m.a, 0);
    CHECK_EQ(ssem_run(&y, 5000000, 0), SSEM_HALTED);
    CHECK(ssem_tstate_equal(&m, &y));
    /* in random budgets, against the reference all the way */
    CHECK(lockstep(e, &start, 2000, 5000, false, "first program"));
    ssem_engine_free(e);
}

int main(void)
{
    RUN(test_sto_into_next_instruction);
    RUN(test_sto_into_current_block);
    RUN(test_sto_into_jump_operand);
    RUN(test_faults);
    RUN(test_ci_runs_off_line_31);
    RUN(test_cmp_at_30_and_31);
    RUN(test_stp_and_resume);
    RUN(test_caller_writes_store);
    RUN(test_volatile_code);
    RUN(test_sto_into_middle_of_two_blocks);
    RUN(test_sto_into_shared_jump_word);
    RUN(test_same_word_then_new_word);
    RUN(test_caller_writes_chained_block);
    RUN(test_first_program);
    RUN(test_budget_one);
    RUN(test_fresh_engines);
    RUN(test_random_stores);
    return CHECK_DONE();
}
