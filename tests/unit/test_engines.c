/*
 * test_engines.c - every engine against the reference, and the interface.
 *
 * Runs for each engine that ssem_engine_names() lists, so a new engine is
 * covered the day it is registered.
 */
#include "first_program.h"
#include "lockstep.h"

static void load_first(ssem_t *m)
{
    memset(m, 0, sizeof *m);
    put_first_program(m);
}

static void test_registry(void)
{
    const char *const *names = ssem_engine_names();
    int count = 0, have_ref = 0, have_fast = 0;
    for (; names[count] != NULL; count++) {
        have_ref |= strcmp(names[count], "ref") == 0;
        have_fast |= strcmp(names[count], "fast") == 0;
        CHECK(ssem_engine_summary(names[count]) != NULL);
    }
    CHECK(have_ref && have_fast);
    CHECK(ssem_engine_new("no-such-engine") == NULL);
    CHECK(ssem_engine_summary("no-such-engine") == NULL);
    CHECK(strcmp(ssem_engine_default(), names[0]) == 0);
    CHECK(strcmp(ssem_engine_default(), "ref") != 0); /* the fastest is the default */
}

static void test_first_program_every_engine(void)
{
    for (const char *const *n = ssem_engine_names(); *n; n++) {
        ssem_t m;
        load_first(&m);
        ssem_engine_t *e = ssem_engine_new(*n);
        CHECK(e != NULL);
        if (e == NULL)
            continue;
        CHECK(strcmp(ssem_engine_name(e), *n) == 0);
        CHECK_EQ(ssem_engine_run(e, &m, 5000000, 0), SSEM_HALTED);
        CHECK_EQ(m.steps, 2097154);
        CHECK_EQ(m.store[27], 131072);
        CHECK_EQ(m.ci, 13);
        CHECK_EQ(m.pi, 7u << 13);
        CHECK(m.lamp);
        ssem_engine_free(e);
    }
}

static void test_budget_exact_every_engine(void)
{
    /* stopping at every budget from 0 to 60 gives the reference's state */
    for (const char *const *n = ssem_engine_names(); *n; n++) {
        ssem_engine_t *e = ssem_engine_new(*n);
        for (uint64_t budget = 0; budget <= 60 && e; budget++) {
            ssem_t x, y;
            load_first(&x);
            y = x;
            CHECK_EQ(ssem_engine_run(e, &x, budget, 0), SSEM_LIMIT);
            ssem_run(&y, budget, 0);
            CHECK_EQ(x.steps, budget);
            CHECK(ssem_tstate_equal(&x, &y));
        }
        ssem_engine_free(e);
    }
}

static void test_breakpoints_every_engine(void)
{
    for (const char *const *n = ssem_engine_names(); *n; n++) {
        ssem_engine_t *e = ssem_engine_new(*n);
        ssem_t m;
        load_first(&m);
        /* the STP: reached after all the first program's steps but the
         * STP itself (first_program.h) */
        CHECK_EQ(ssem_engine_run(e, &m, 5000000, 1u << 13), SSEM_BREAK);
        CHECK_EQ(m.steps, 2097153);
        /* run again at the breakpoint: stops at once (no first-step rule) */
        CHECK_EQ(ssem_engine_run(e, &m, 5000000, 1u << 13), SSEM_BREAK);
        CHECK_EQ(m.steps, 2097153);
        CHECK_EQ(ssem_step(&m), SSEM_HALTED); /* the explicit step-over */
        CHECK_EQ(m.steps, 2097154);
        /* a fresh machine with a breakpoint on line 1 stops before step 1 */
        load_first(&m);
        CHECK_EQ(ssem_engine_run(e, &m, 5000000, 1u << 1), SSEM_BREAK);
        CHECK_EQ(m.steps, 0);
        ssem_engine_free(e);
    }
}

/* Breakpoints in lockstep with ssem_run, on random programs: every engine
 * stops where the reference step stops, with the same state. The fast engine
 * stops at them itself (a stop handler on the marked lines); the cases that
 * differ from a plain run are a marked line whose fetch would also fault
 * (ssem_run looks at the breakpoint first), a mark on the line about to be
 * fetched first, and a budget spent just before a marked line (a limit, not
 * a break). Without run_break in the fast engine this test still passes by
 * the fallback: it pins the rules, test_history's counts pin the speed. */
static void test_breakpoints_lockstep_every_engine(void)
{
    for (const char *const *n = ssem_engine_names(); *n; n++) {
        ssem_engine_t *e = ssem_engine_new(*n);
        int bad = 0, breaks = 0, faults = 0, limits_at_mark = 0;
        for (int i = 0; i < 300 && bad == 0; i++) {
            ssem_t x;
            memset(&x, 0, sizeof x);
            x.lenient = (i % 4) == 0;
            uint64_t seed = lockstep_random();
            if (i % 2 == 0) /* the first program runs long: budgets end anywhere */
                load_first(&x);
            else
                ssem_random_store(&x, &seed);
            if (i % 10 == 1) /* CI near the fault bits: the next fetches may fault */
                x.ci = 0x1FF8u + (lockstep_random() & 15u);
            uint32_t mask = 0;
            for (uint32_t k = lockstep_random() % 4u; k > 0; k--)
                mask |= 1u << (i % 2 == 0 ? 1u + lockstep_random() % 19u /* its code */
                                          : lockstep_random() & 31u);
            ssem_t y = x;
            for (int call = 0; call < 30 && bad == 0; call++) {
                uint64_t budget = lockstep_random() % (call % 2 ? 8u : 200u);
                ssem_stop_t wx = ssem_engine_run(e, &x, budget, mask);
                ssem_stop_t wy = ssem_run(&y, budget, mask);
                if (wx != wy || !ssem_tstate_equal(&x, &y) || x.steps != y.steps ||
                    x.fault != y.fault) {
                    fprintf(stderr, "%s: program %d call %d mask %08x budget %llu: %s/%s\n", *n,
                            i, call, (unsigned)mask, (unsigned long long)budget,
                            ssem_stop_name(wx), ssem_stop_name(wy));
                    bad++;
                }
                breaks += wy == SSEM_BREAK;
                faults += wy == SSEM_FAULT;
                limits_at_mark += wy == SSEM_LIMIT && budget > 0 && !y.lamp &&
                                  ((mask >> ((y.ci + 1u) & 31u)) & 1u);
                if (wy == SSEM_FAULT)
                    break;
                if (wy == SSEM_BREAK) { /* the front end's step-over */
                    ssem_step(&x);
                    ssem_step(&y);
                }
                if (wy == SSEM_HALTED) {
                    ssem_resume(&x);
                    ssem_resume(&y);
                }
            }
        }
        CHECK_EQ(bad, 0);
        CHECK(breaks > 100); /* the cases were exercised */
        CHECK(faults > 10);
        CHECK(limits_at_mark > 10);
        printf("%s: %d breaks, %d faults, %d limits before a mark\n", *n, breaks, faults,
               limits_at_mark);
        ssem_engine_free(e);
    }
}

static void test_store_written_between_calls(void)
{
    /* the caller rewrites an instruction the engine has already run */
    for (const char *const *n = ssem_engine_names(); *n; n++) {
        ssem_engine_t *e = ssem_engine_new(*n);
        ssem_t m;
        memset(&m, 0, sizeof m);
        m.store[1] = LS_INS(2, 20); /* LDN 20 */
        m.store[2] = LS_INS(0, 21); /* JMP 21 -> line 1 */
        m.store[20] = 1;
        CHECK_EQ(ssem_engine_run(e, &m, 10, 0), SSEM_LIMIT);
        m.store[2] = LS_INS(7, 0); /* now STP */
        CHECK_EQ(ssem_engine_run(e, &m, 10, 0), SSEM_HALTED);
        CHECK_EQ(m.ci, 2);
        ssem_engine_free(e);
    }
}

static void test_lockstep_every_engine(void)
{
    for (const char *const *n = ssem_engine_names(); *n; n++) {
        lockstep_hard_cases(*n);
        lockstep_random_stores(*n, 400);
    }
}

int main(void)
{
    RUN(test_registry);
    RUN(test_first_program_every_engine);
    RUN(test_budget_exact_every_engine);
    RUN(test_breakpoints_every_engine);
    RUN(test_breakpoints_lockstep_every_engine);
    RUN(test_store_written_between_calls);
    RUN(test_lockstep_every_engine);
    return CHECK_DONE();
}
