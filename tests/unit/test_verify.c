/*
 * test_verify.c - the lockstep checker finds a wrong engine, at the right step.
 *
 * A deliberately broken engine ("broken": function 5 loads instead of
 * subtracting, from its second use on) is added to the registry by
 * linking a copy of src/engine.c built with SSEM_TEST_EXTRA_ENGINE. The checker must
 * report the first step where it differs from ref, with a stride of 1 and
 * with a large stride (by bisection), and must find no difference between
 * correct engines.
 */
#include "check.h"
#include "internal.h"

#include <string.h>

/* The broken engine; the Makefile links this test with a copy of
 * src/engine.c compiled with -DSSEM_TEST_EXTRA_ENGINE=ssem_test_extra_engine_ops,
 * whose registry lists it after the library's engines. */
static ssem_stop_t broken_run(void *priv, ssem_t *m, uint64_t budget);
extern const ssem_engine_ops_t ssem_test_extra_engine_ops;
const ssem_engine_ops_t ssem_test_extra_engine_ops = {"broken", "wrong on function 5", NULL, NULL,
                                                      broken_run, NULL, NULL, NULL};

static unsigned f5_seen;

static ssem_stop_t broken_run(void *priv, ssem_t *m, uint64_t budget)
{
    (void)priv;
    for (uint64_t i = 0; i < budget; i++) {
        ssem_stop_t why = ssem_step(m);
        if (why != SSEM_RUNNING)
            return why;
        if (ssem_word_function(m->pi) == 5u && ++f5_seen >= 2u)
            m->a = 0u - m->store[ssem_word_line(m->pi)]; /* the bug */
    }
    return SSEM_LIMIT;
}

#define INS(f, n) ((uint32_t)(((uint32_t)(f) << 13) | (uint32_t)(n)))

/* A loop counting down from 50; its SUB is function 5. The first difference
 * is at the second execution of line 3: step 3 + 4 = 7. */
static void counting_loop(ssem_t *m)
{
    memset(m, 0, sizeof *m);
    m->store[1] = INS(2, 20);  /* LDN 20: A = -50 (20 holds 50)      1 */
    m->store[2] = INS(3, 21);  /* STO 21                              2 */
    m->store[3] = INS(5, 22);  /* SUB(5) 22: A = A - (-1)             3, 7, 11... */
    m->store[4] = INS(3, 21);  /* STO 21                              4 */
    m->store[5] = INS(6, 0);   /* CMP: A < 0 -> skip the STP          5 */
    m->store[6] = INS(7, 0);   /* STP                                   */
    m->store[7] = INS(0, 23);  /* JMP 23 -> line 3                    6 */
    m->store[20] = 50;
    m->store[22] = (uint32_t)-1;
    m->store[23] = 2;
}

static void test_detects_at_stride_1(void)
{
    ssem_t m;
    counting_loop(&m);
    ssem_verify_result_t r;
    f5_seen = 0;
    CHECK_EQ(ssem_verify("ref", "broken", &m, 1000, 1, &r), 0);
    CHECK(r.differ);
    CHECK_EQ(r.first_step, 7);
    CHECK_EQ(r.before.steps, 6);
    CHECK_EQ((r.before.ci + 1u) & 31u, 3); /* the instruction is line 3 */
    CHECK(r.after_a.a != r.after_b.a);
    CHECK_EQ(r.after_a.a, (uint32_t)-48); /* -50 + 1 + 1 */
}

static void test_detects_by_bisection(void)
{
    ssem_t m;
    counting_loop(&m);
    ssem_verify_result_t r;
    f5_seen = 0;
    CHECK_EQ(ssem_verify("ref", "broken", &m, 1000, 500, &r), 0);
    CHECK(r.differ);
    /* by the time the bisection re-runs from step 0, the broken engine has
     * seen function 5 before, so it is wrong from its first SUB: step 3 */
    CHECK_EQ(r.first_step, 3);
    CHECK(r.after_a.a != r.after_b.a);
}

static void test_agreeing_engines(void)
{
    ssem_t m;
    counting_loop(&m);
    ssem_verify_result_t r;
    CHECK_EQ(ssem_verify("ref", "fast", &m, 1000, 1, &r), 0);
    CHECK(!r.differ);
    CHECK_EQ(r.stop, SSEM_HALTED);
    /* 2, then 50 rounds of lines 3,4,5 and 7 (49 times) or 6 (STP, the last) */
    CHECK_EQ(r.steps, 2u + 49u * 4u + 4u);
    CHECK_EQ(ssem_verify("ref", "nonexistent", &m, 10, 1, &r), -1);
}

static void test_random_store_is_reproducible(void)
{
    ssem_t x, y;
    memset(&x, 0, sizeof x);
    memset(&y, 0, sizeof y);
    uint64_t s1 = 42, s2 = 42;
    ssem_random_store(&x, &s1);
    ssem_random_store(&y, &s2);
    CHECK(memcmp(x.store, y.store, sizeof x.store) == 0);
    CHECK_EQ(s1, s2);
    ssem_random_store(&y, &s2);
    CHECK(memcmp(x.store, y.store, sizeof x.store) != 0);
}

int main(void)
{
    RUN(test_detects_at_stride_1);
    RUN(test_detects_by_bisection);
    RUN(test_agreeing_engines);
    RUN(test_random_store_is_reproducible);
    return CHECK_DONE();
}
