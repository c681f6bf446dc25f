/*
 * test_wasm_verify.c - the lockstep checker (ssem_verify) against the `wasm`
 * engine, in the wasm build under Node:
 *
 * - a deliberately broken translation: src/engine_wasm.c compiled a second
 *   time with SSEM_WASM_MUTANT (its translated function 5, the second SUB,
 *   adds instead of subtracting), registered as "wasm-mutant" by a copy of
 *   src/engine.c built with SSEM_TEST_EXTRA_ENGINE, as for test_verify.c
 *   (web/web.mk builds and links both). The checker must report the exact first step where it differs from
 *   ref, with a stride of 1 and by bisection inside a stride of 500;
 * - 1,000 random stores (ssem_random_store, seeds 1..1000), ref against
 *   wasm for 20,000 steps each in strides of 997, strict and lenient: no
 *   difference;
 * - what an observer sees of the first program's translation: the same five
 *   blocks as dbt's (test_observe.c: lines 1, 6, 9, 14, 5 of 8, 3, 5, 6 and
 *   4 instructions, 26 in all, read off the program's jumps and skips) and
 *   their 8 chains, no invalidation, no fallback.
 *
 * Natively there is no wasm engine: the test checks that and nothing else.
 */
#include "check.h"
#include "internal.h"

#include <string.h>

#ifdef __EMSCRIPTEN__
/* "wasm-mutant" comes from the objects web/web.mk links this test with:
 * src/engine_wasm.c built with SSEM_WASM_MUTANT, its ops named
 * ssem_test_extra_engine_ops, and src/engine.c built to list that engine. */

#define INS(f, n) ((uint32_t)(((uint32_t)(f) << 13) | (uint32_t)(n)))

/* test_verify.c's loop counting down from 50 with a function-5 SUB at line
 * 3; translated from line 1 at the first call, so the broken SUB runs first
 * at step 3 (lines 1, 2, 3): ref makes A = -50 - (-1) = -49, the mutant
 * -50 + (-1) = -51. */
static void counting_loop(ssem_t *m)
{
    memset(m, 0, sizeof *m);
    m->store[1] = INS(2, 20); /* LDN 20: A = -50 */
    m->store[2] = INS(3, 21); /* STO 21 */
    m->store[3] = INS(5, 22); /* SUB(5) 22: A = A - (-1) */
    m->store[4] = INS(3, 21); /* STO 21 */
    m->store[5] = INS(6, 0);  /* CMP: A < 0 -> skip the STP */
    m->store[6] = INS(7, 0);  /* STP */
    m->store[7] = INS(0, 23); /* JMP 23 -> line 3 */
    m->store[20] = 50;
    m->store[22] = (uint32_t)-1;
    m->store[23] = 2;
}

static void test_mutant_caught_at_stride_1(void)
{
    ssem_t m;
    counting_loop(&m);
    ssem_verify_result_t r;
    CHECK_EQ(ssem_verify("ref", "wasm-mutant", &m, 1000, 1, &r), 0);
    CHECK(r.differ);
    CHECK_EQ(r.first_step, 3);
    CHECK_EQ(r.before.steps, 2);
    CHECK_EQ((r.before.ci + 1u) & 31u, 3); /* the instruction is line 3 */
    CHECK_EQ(r.after_a.a, (uint32_t)-49);
    CHECK_EQ(r.after_b.a, (uint32_t)-51);
}

static void test_mutant_caught_by_bisection(void)
{
    ssem_t m;
    counting_loop(&m);
    ssem_verify_result_t r;
    CHECK_EQ(ssem_verify("ref", "wasm-mutant", &m, 1000, 500, &r), 0);
    CHECK(r.differ);
    CHECK_EQ(r.first_step, 3);
    CHECK_EQ(r.after_b.a, (uint32_t)-51);
}

static void test_wasm_agrees_with_ref(void)
{
    ssem_t m;
    counting_loop(&m);
    ssem_verify_result_t r;
    CHECK_EQ(ssem_verify("ref", "wasm", &m, 1000, 1, &r), 0);
    CHECK(!r.differ);
    CHECK_EQ(r.stop, SSEM_HALTED);
    CHECK_EQ(r.steps, 2u + 49u * 4u + 4u); /* as in test_verify.c */
}

static void test_random_stores(void)
{
    int differ = 0, ran = 0;
    for (uint64_t seed = 1; seed <= 1000; seed++) {
        uint64_t s = seed;
        ssem_t m;
        memset(&m, 0, sizeof m);
        ssem_random_store(&m, &s);
        m.lenient = seed % 3 == 0;
        ssem_verify_result_t r;
        if (ssem_verify("ref", "wasm", &m, 20000, 997, &r) != 0 || r.differ) {
            if (differ++ == 0)
                fprintf(stderr, "random store, seed %llu: first difference at step %llu\n",
                        (unsigned long long)seed, (unsigned long long)r.first_step);
        }
        ran++;
    }
    CHECK_EQ(differ, 0);
    CHECK_EQ(ran, 1000);
}

#include "first_program.h"

static unsigned translated_len[SSEM_LINES], chained;

static void record(void *user, const ssem_event_t *ev)
{
    (void)user;
    if (ev->kind == SSEM_EVENT_TRANSLATE && ev->line < SSEM_LINES)
        translated_len[ev->line] = ev->count;
    if (ev->kind == SSEM_EVENT_CHAIN)
        chained++;
}

static void test_observer_first_program(void)
{
    ssem_engine_t *e = ssem_engine_new("wasm");
    CHECK(e != NULL);
    if (e == NULL)
        return;
    ssem_engine_observe(e, record, NULL);
    ssem_t m;
    memset(&m, 0, sizeof m);
    put_first_program(&m);
    CHECK_EQ(ssem_engine_run(e, &m, 10000000, 0), SSEM_HALTED);
    CHECK_EQ(m.steps, 2097154u);
    CHECK_EQ(translated_len[1], 8);
    CHECK_EQ(translated_len[6], 3);
    CHECK_EQ(translated_len[9], 5);
    CHECK_EQ(translated_len[14], 6);
    CHECK_EQ(translated_len[5], 4);
    CHECK_EQ(chained, 8);
    ssem_engine_stats_t st;
    ssem_engine_stats(e, &st);
    CHECK_EQ(st.blocks, 5);
    CHECK_EQ(st.instructions, 26);
    CHECK_EQ(st.invalidations + st.flushes + st.fallbacks, 0);
    CHECK(st.host_bytes > 0);
    ssem_engine_free(e);
}

int main(void)
{
    RUN(test_observer_first_program);
    RUN(test_mutant_caught_at_stride_1);
    RUN(test_mutant_caught_by_bisection);
    RUN(test_wasm_agrees_with_ref);
    RUN(test_random_stores);
    return CHECK_DONE();
}
#else
static void test_no_wasm_engine_here(void)
{
    CHECK(ssem_engine_new("wasm") == NULL);
    CHECK(ssem_engine_new("wasm-mutant") == NULL);
}

int main(void)
{
    RUN(test_no_wasm_engine_here);
    return CHECK_DONE();
}
#endif
