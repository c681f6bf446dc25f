/*
 * test_history.c - time travel (ssem_history_*, src/history.c) checked against forward
 * execution.
 *
 * The oracle is the reference step (ssem_step / ssem_run with exact budgets)
 * on a separate machine: the states it passes are recorded, and every seek,
 * reverse-continue and history listing must give back exactly those states.
 * The main workload is the SPEC's first program (2,097,154 steps).
 */
#include "check.h"
#include "first_program.h"
#include "ssem.h"


#include <stdlib.h>
#include <string.h>
#include <time.h>

#define INS(f, n) ((uint32_t)(((uint32_t)(f) << 13) | (uint32_t)(n)))
#define JMP(n) INS(0, n)
#define LDN(n) INS(2, n)
#define STO(n) INS(3, n)
#define SUB(n) INS(4, n)
#define STP INS(7, 0)

#define FIRST_STEPS 2097154u

static ssem_t first(void)
{
    ssem_t m;
    memset(&m, 0, sizeof m);
    ssem_reset(&m);
    put_first_program(&m);
    return m;
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

static bool same(const ssem_t *x, const ssem_t *y)
{
    return ssem_tstate_equal(x, y) && x->steps == y->steps && x->fault == y->fault;
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Forward, record the oracle's state at N random steps (and 0 and the end);
 * the history runs forward to the same steps in pieces; then seek to each in
 * a random order. `cap` snapshots (0: the default). */
#define NPOINTS 400
static void seek_matches_forward(const char *engine_name, size_t cap)
{
    static uint64_t at[NPOINTS];
    static ssem_t want[NPOINTS];
    at[0] = 0;
    at[1] = FIRST_STEPS;
    for (int i = 2; i < NPOINTS; i++)
        at[i] = next_random() % (FIRST_STEPS + 1u);
    at[2] = 1, at[3] = FIRST_STEPS - 1u, at[4] = 256, at[5] = 255; /* edges */
    qsort(at, NPOINTS, sizeof at[0], cmp_u64);

    ssem_t oracle = first();
    for (int i = 0; i < NPOINTS; i++) {
        ssem_run(&oracle, at[i] - oracle.steps, 0);
        want[i] = oracle;
    }
    CHECK_EQ(oracle.steps, FIRST_STEPS);
    CHECK(oracle.lamp);

    ssem_engine_t *e = ssem_engine_new(engine_name);
    CHECK(e != NULL);
    if (e == NULL)
        return;
    ssem_t start = first();
    ssem_history_t *h = ssem_history_new(&start, e, cap);
    CHECK(h != NULL);
    /* forward through the history, stopping at each recorded step */
    for (int i = 0; i < NPOINTS; i++) {
        ssem_history_stop_t st = ssem_history_run(h, at[i] - ssem_history_state(h)->steps);
        CHECK(same(ssem_history_state(h), &want[i]));
        CHECK_EQ(st.why, at[i] == FIRST_STEPS ? SSEM_HISTORY_HALTED : SSEM_HISTORY_LIMIT);
    }
    CHECK_EQ(ssem_history_last_step(h), FIRST_STEPS);
    CHECK_EQ(ssem_history_first_step(h), 0);
    /* back (and forth) in a random order */
    int order[NPOINTS];
    for (int i = 0; i < NPOINTS; i++)
        order[i] = i;
    for (int i = NPOINTS - 1; i > 0; i--) {
        int j = (int)(next_random() % (uint64_t)(i + 1)), t = order[i];
        order[i] = order[j], order[j] = t;
    }
    int bad = 0;
    for (int i = 0; i < NPOINTS; i++) {
        int k = order[i];
        if (ssem_history_seek(h, at[k]) != 0 || !same(ssem_history_state(h), &want[k]))
            bad++;
    }
    CHECK_EQ(bad, 0);
    /* out of range: nothing moves */
    const ssem_t before = *ssem_history_state(h);
    CHECK(ssem_history_seek(h, FIRST_STEPS + 1u) == -1);
    CHECK(same(ssem_history_state(h), &before));
    /* memory stays within the documented bound: the snapshot cap (at least
     * 4) times under 200 bytes, plus the history's own fields */
    size_t limit = 1024 + (cap ? (cap < 4 ? 4 : cap) : SSEM_HISTORY_DEFAULT_SNAPSHOTS) * 200;
    CHECK(ssem_history_memory(h) <= limit);
    ssem_history_free(h);
    ssem_engine_free(e);
}

static void test_seek_every_engine(void)
{
    for (const char *const *n = ssem_engine_names(); *n != NULL; n++)
        seek_matches_forward(*n, 0);
}

static void test_seek_few_snapshots(void)
{
    /* 8 snapshots over 2 million steps: K grows to 2^19, thinning many times */
    seek_matches_forward(ssem_engine_default(), 8);
    seek_matches_forward(ssem_engine_default(), 1); /* raised to 4 */
}

/* Every hit forward (ssem_history_run to the end, stopping at each), then
 * reverse-continue from the end must find them all again, latest first. */
typedef struct hit {
    ssem_t m;
    ssem_history_stop_t st;
} hit_t;

/* Runs to the end recording every breakpoint and watch hit; after each hit
 * the run resumes as a front end does: a step-over, then run on. */
static size_t forward_hits(ssem_history_t *h, hit_t *hits, size_t max)
{
    size_t n = 0;
    ssem_history_stop_t st = ssem_history_run(h, UINT64_MAX);
    while (st.why == SSEM_HISTORY_BREAK || st.why == SSEM_HISTORY_WATCH) {
        if (n < max)
            hits[n].m = *ssem_history_state(h), hits[n].st = st;
        n++;
        st = ssem_history_step_over(h);
        if (st.why == SSEM_HISTORY_LIMIT)
            st = ssem_history_run(h, UINT64_MAX);
    }
    return n;
}

static void reverse_finds(ssem_history_t *h, const hit_t *hits, size_t n, size_t check_last)
{
    size_t bad = 0;
    for (size_t i = 0; i < check_last && i < n; i++) {
        const hit_t *want = &hits[n - 1 - i];
        ssem_history_stop_t st = ssem_history_reverse_continue(h);
        if (st.why != want->st.why || st.line != want->st.line ||
            st.old_word != want->st.old_word || st.new_word != want->st.new_word ||
            !same(ssem_history_state(h), &want->m))
            bad++;
    }
    CHECK_EQ(bad, 0);
}

/* reverse-continue finds the forward hits again: the last 3000 backwards
 * from the end, then the 50 before each of 20 random steps */
static void reverse_finds_everywhere(ssem_history_t *h, const hit_t *hits, size_t n)
{
    reverse_finds(h, hits, n, 3000);
    for (int r = 0; r < 20; r++) {
        uint64_t s = next_random() % FIRST_STEPS;
        CHECK(ssem_history_seek(h, s) == 0);
        size_t before = 0;
        while (before < n && hits[before].m.steps < s)
            before++;
        reverse_finds(h, hits, before, 50);
    }
}

/* No "not on the first step" rule: ssem_history_run at a breakpoint stops at
 * once; ssem_history_step_over moves on (one step, breakpoints ignored). The
 * first program's line 1 is LDN 24, line 2 STO 26 (first_program.h). */
static void test_run_at_breakpoint(void)
{
    ssem_engine_t *e = ssem_engine_new(ssem_engine_default());
    ssem_t start = first();
    ssem_history_t *h = ssem_history_new(&start, e, 0);
    ssem_history_set_breakpoints(h, (1u << 1) | (1u << 2));
    ssem_history_stop_t st = ssem_history_run(h, 100); /* CI = 0: the next fetch is line 1 */
    CHECK_EQ(st.why, SSEM_HISTORY_BREAK);
    CHECK_EQ(st.line, 1);
    CHECK_EQ(ssem_history_state(h)->steps, 0);
    st = ssem_history_run(h, 100); /* again: still there, nothing executed */
    CHECK_EQ(st.why, SSEM_HISTORY_BREAK);
    CHECK_EQ(ssem_history_state(h)->steps, 0);
    st = ssem_history_step_over(h); /* obeys line 1 even though it is marked */
    CHECK_EQ(st.why, SSEM_HISTORY_LIMIT);
    CHECK_EQ(ssem_history_state(h)->steps, 1);
    CHECK_EQ(ssem_history_state(h)->ci, 1);
    st = ssem_history_run(h, 100); /* line 2 is marked too */
    CHECK_EQ(st.why, SSEM_HISTORY_BREAK);
    CHECK_EQ(st.line, 2);
    CHECK_EQ(ssem_history_state(h)->steps, 1);
    ssem_history_free(h);
    ssem_engine_free(e);
}

static void test_reverse_continue_breakpoints(void)
{
    ssem_engine_t *e = ssem_engine_new(ssem_engine_default());
    ssem_t start = first();
    ssem_history_t *h = ssem_history_new(&start, e, 64); /* wide intervals */
    /* line 14 starts each new trial divisor: 262143 down to 131073 is 131071
     * trials that fail; the oracle below counts the fetches independently */
    ssem_history_set_breakpoints(h, 1u << 14);
    static hit_t hits[200000];
    size_t n = forward_hits(h, hits, 200000);
    CHECK_EQ(n, 131071);
    CHECK_EQ(ssem_history_state(h)->steps, FIRST_STEPS);

    /* the oracle: states whose next fetch is line 14 */
    ssem_t o = first();
    size_t count = 0, bad = 0;
    while (ssem_step(&o) == SSEM_RUNNING)
        if (((o.ci + 1u) & 31u) == 14u) {
            if (count < n && !same(&hits[count].m, &o))
                bad++;
            count++;
        }
    CHECK_EQ(count, n);
    CHECK_EQ(bad, 0);

    reverse_finds_everywhere(h, hits, n);
    /* a hit only at the start: the search crosses all 2 million steps */
    ssem_history_set_breakpoints(h, 1u << 1);
    CHECK(ssem_history_seek(h, FIRST_STEPS) == 0);
    ssem_history_stop_t st = ssem_history_reverse_continue(h);
    CHECK_EQ(st.why, SSEM_HISTORY_BREAK);
    CHECK_EQ(st.line, 1);
    CHECK_EQ(ssem_history_state(h)->steps, 0);
    /* and nothing before the start */
    st = ssem_history_reverse_continue(h);
    CHECK_EQ(st.why, SSEM_HISTORY_START);
    CHECK_EQ(ssem_history_state(h)->steps, 0);
    /* no breakpoints at all: back to the start */
    ssem_history_set_breakpoints(h, 0);
    CHECK(ssem_history_seek(h, 1000000) == 0);
    CHECK_EQ(ssem_history_reverse_continue(h).why, SSEM_HISTORY_START);
    CHECK_EQ(ssem_history_state(h)->steps, 0);
    ssem_history_free(h);
    ssem_engine_free(e);
}

static void test_reverse_continue_watch(void)
{
    ssem_engine_t *e = ssem_engine_new(ssem_engine_default());
    ssem_t start = first();
    ssem_history_t *h = ssem_history_new(&start, e, 0);
    /* line 27 (b) changes once per trial divisor; line 25 (remainder) often.
     * A STO that writes the value a line already holds is no change. */
    ssem_history_set_watches(h, (1u << 27) | (1u << 25));
    ssem_history_set_breakpoints(h, 1u << 13);
    static hit_t hits[800000];
    size_t n = forward_hits(h, hits, 800000);
    CHECK_EQ(ssem_history_state(h)->steps, FIRST_STEPS);
    CHECK(n > 131072 && n <= 800000);

    /* the oracle: every step, compare the two lines */
    ssem_t o = first();
    size_t count = 0, bad = 0;
    ssem_stop_t why;
    do {
        uint32_t w25 = o.store[25], w27 = o.store[27];
        why = ssem_step(&o);
        if (o.store[25] != w25 || o.store[27] != w27) {
            uint32_t line = o.store[25] != w25 ? 25u : 27u;
            uint32_t old = line == 25u ? w25 : w27;
            if (count < n &&
                (!same(&hits[count].m, &o) || hits[count].st.why != SSEM_HISTORY_WATCH ||
                 hits[count].st.line != line || hits[count].st.old_word != old ||
                 hits[count].st.new_word != o.store[line]))
                bad++;
            count++;
        } else if (why == SSEM_RUNNING && ((o.ci + 1u) & 31u) == 13u) {
            if (count < n && (!same(&hits[count].m, &o) || hits[count].st.why != SSEM_HISTORY_BREAK))
                bad++;
            count++;
        }
    } while (why == SSEM_RUNNING);
    CHECK_EQ(count, n);
    CHECK_EQ(bad, 0);
    /* the last hit is the break before the STP */
    CHECK_EQ(hits[n - 1].st.why, SSEM_HISTORY_BREAK);
    CHECK_EQ(hits[n - 1].st.line, 13);

    reverse_finds_everywhere(h, hits, n);
    ssem_history_free(h);
    ssem_engine_free(e);
}

/* A program that stops twice; the operator resumes it in between. */
static void test_resume_and_fault(void)
{
    ssem_engine_t *e = ssem_engine_new(ssem_engine_default());
    ssem_t m;
    memset(&m, 0, sizeof m);
    m.store[1] = LDN(10); /* A = -5                  step 1 */
    m.store[2] = STP;     /*                         step 2 */
    m.store[3] = STO(11); /* S[11] = -5              step 3 */
    m.store[4] = STP;     /*                         step 4 */
    m.store[5] = JMP(12); /* CI = 0x2000: the next fetch faults (step 5) */
    m.store[10] = 5;
    m.store[12] = 0x2000u;
    ssem_history_t *h = ssem_history_new(&m, e, 0);
    ssem_history_set_watches(h, 1u << 11);
    ssem_history_stop_t st = ssem_history_run(h, 100);
    CHECK_EQ(st.why, SSEM_HISTORY_HALTED);
    CHECK_EQ(ssem_history_state(h)->steps, 2);
    st = ssem_history_run(h, 100); /* resumes */
    CHECK_EQ(st.why, SSEM_HISTORY_WATCH);
    CHECK_EQ(st.line, 11);
    CHECK_EQ(st.old_word, 0);
    CHECK_EQ(st.new_word, (uint32_t)-5);
    CHECK_EQ(ssem_history_state(h)->steps, 3);
    ssem_history_set_watches(h, 0);
    st = ssem_history_run(h, 100);
    CHECK_EQ(st.why, SSEM_HISTORY_HALTED);
    CHECK_EQ(ssem_history_state(h)->steps, 4);
    st = ssem_history_run(h, 100);
    CHECK_EQ(st.why, SSEM_HISTORY_FAULT);
    CHECK_EQ(ssem_history_state(h)->steps, 5);
    CHECK(ssem_history_state(h)->fault);
    CHECK_EQ(ssem_history_state(h)->ci, 0x2001u);
    CHECK_EQ(ssem_history_run(h, 100).why, SSEM_HISTORY_FAULT); /* stays */
    CHECK_EQ(ssem_history_last_step(h), 5);
    /* back: step 5 is the state before the failed fetch */
    CHECK(ssem_history_seek(h, 5) == 0);
    CHECK(!ssem_history_state(h)->lamp);
    CHECK_EQ(ssem_history_state(h)->ci, 0x2000u);
    CHECK(ssem_history_seek(h, 2) == 0);
    CHECK(ssem_history_state(h)->lamp);
    CHECK_EQ(ssem_history_state(h)->a, (uint32_t)-5);
    CHECK(ssem_history_seek(h, 4) == 0); /* through the recorded resume */
    CHECK(ssem_history_state(h)->lamp);
    CHECK_EQ(ssem_history_state(h)->store[11], (uint32_t)-5);
    CHECK(ssem_history_seek(h, 3) == 0);
    CHECK(!ssem_history_state(h)->lamp);
    /* the listing of the last steps */
    CHECK(ssem_history_seek(h, 5) == 0);
    ssem_history_entry_t list[10];
    size_t got = ssem_history_last(h, 10, list);
    CHECK_EQ(got, 5);
    CHECK_EQ(list[0].step, 1);
    CHECK_EQ(list[0].pi, LDN(10));
    CHECK_EQ(list[2].pi, STO(11));
    CHECK_EQ(list[2].ci, 3);
    CHECK_EQ(list[2].line, 3);
    CHECK_EQ(list[4].line, 5);
    CHECK_EQ(list[4].pi, JMP(12));
    CHECK_EQ(list[4].ci, 0x2000u);
    CHECK_EQ(ssem_history_last(h, 2, list), 2);
    CHECK_EQ(list[0].step, 4);
    /* reverse-continue from the fault: the watch hit at step 3 */
    ssem_history_set_watches(h, 1u << 11);
    CHECK(ssem_history_seek(h, 5) == 0);
    ssem_history_run(h, 1);
    CHECK(ssem_history_state(h)->fault);
    st = ssem_history_reverse_continue(h);
    CHECK_EQ(st.why, SSEM_HISTORY_WATCH);
    CHECK_EQ(ssem_history_state(h)->steps, 3);
    /* a breakpoint on the pre-fault state (next fetch line 0x2001 & 31 = 1) */
    ssem_history_set_watches(h, 0);
    ssem_history_set_breakpoints(h, 1u << 1);
    CHECK(ssem_history_seek(h, 5) == 0);
    CHECK_EQ(ssem_history_run(h, 1).why, SSEM_HISTORY_BREAK); /* stops before the fetch */
    CHECK_EQ(ssem_history_state(h)->steps, 5);
    CHECK(!ssem_history_state(h)->lamp);
    CHECK_EQ(ssem_history_step_over(h).why, SSEM_HISTORY_FAULT); /* the fetch faults */
    st = ssem_history_reverse_continue(h);
    CHECK_EQ(st.why, SSEM_HISTORY_BREAK);
    CHECK_EQ(ssem_history_state(h)->steps, 5);
    CHECK(!ssem_history_state(h)->lamp);
    ssem_history_free(h);
    ssem_engine_free(e);
}

static void test_rebase(void)
{
    ssem_engine_t *e = ssem_engine_new(ssem_engine_default());
    ssem_t start = first();
    ssem_history_t *h = ssem_history_new(&start, e, 0);
    ssem_history_run(h, 1000);
    ssem_t edited = *ssem_history_state(h);
    edited.store[24] = 16; /* now the program looks for the factors of 2^18 from 16 */
    ssem_history_rebase(h, &edited);
    CHECK_EQ(ssem_history_first_step(h), 1000);
    CHECK(ssem_history_seek(h, 999) == -1);
    CHECK_EQ(ssem_history_state(h)->steps, 1000);
    ssem_history_run(h, 500);
    CHECK(ssem_history_seek(h, 1200) == 0);
    ssem_t o = edited;
    ssem_run(&o, 200, 0);
    CHECK(same(ssem_history_state(h), &o));
    CHECK_EQ(ssem_history_reverse_continue(h).why, SSEM_HISTORY_START);
    CHECK_EQ(ssem_history_state(h)->steps, 1000);
    CHECK_EQ(ssem_history_state(h)->store[24], 16);
    /* the listing stops at the start of the history */
    ssem_history_entry_t list[4];
    CHECK_EQ(ssem_history_last(h, 4, list), 0);
    ssem_history_free(h);
    ssem_engine_free(e);
}

/* A run of billions of steps keeps the snapshot count bounded and seeks stay
 * exact: a two-line loop whose state at step s is known in closed form. */
static void test_billions(void)
{
    ssem_engine_t *e = ssem_engine_new(ssem_engine_default());
    ssem_t m;
    memset(&m, 0, sizeof m);
    /* line 1: SUB 10 (A -= 1); line 2: JMP 11 (CI = 0: back to line 1) */
    m.store[1] = SUB(10);
    m.store[2] = JMP(11);
    m.store[10] = 1;
    m.store[11] = 0;
    ssem_history_t *h = ssem_history_new(&m, e, 0);
    const uint64_t total = 3000000000ull;
    double t0 = now_s();
    CHECK_EQ(ssem_history_run(h, total).why, SSEM_HISTORY_LIMIT);
    double t1 = now_s();
    CHECK_EQ(ssem_history_state(h)->steps, total);
    CHECK(ssem_history_memory(h) <= 1024 + SSEM_HISTORY_DEFAULT_SNAPSHOTS * 200);
    int bad = 0;
    double t2 = now_s();
    for (int i = 0; i < 100; i++) {
        uint64_t s = next_random() % total;
        if (ssem_history_seek(h, s) != 0)
            bad++;
        const ssem_t *x = ssem_history_state(h);
        /* after s steps: (s+1)/2 SUBs done; an odd s ends on the SUB (CI 1) */
        uint32_t want_a = (uint32_t)(0u - (uint32_t)((s + 1u) / 2u));
        uint32_t want_ci = s == 0 ? 0u : (s % 2u ? 1u : 0u);
        if (x->steps != s || x->a != want_a || x->ci != want_ci)
            bad++;
    }
    double t3 = now_s();
    CHECK_EQ(bad, 0);
    printf("3e9 steps forward: %.2f s; %zu bytes of history; seek: %.2f ms each, %" PRIu64
           " steps replayed in all\n",
           t1 - t0, ssem_history_memory(h), (t3 - t2) / 100.0 * 1e3, ssem_history_replayed(h));
    ssem_history_free(h);
    ssem_engine_free(e);
}

static bool never(void *ctx, uint32_t line, const ssem_t *m)
{
    (void)ctx, (void)line, (void)m;
    return false;
}

/* Issue 12 item 2: a reverse search over a long history is bounded and can
 * be stopped. Counted in steps re-executed, not in time. The first program
 * only ever fetches lines 1-19 (its code), so a breakpoint on 29, 30 or 31
 * never hits; line 14 is fetched once a trial divisor (every few dozen steps). */
static void test_reverse_search_bounded(void)
{
    ssem_engine_t *e = ssem_engine_new(ssem_engine_default());
    ssem_t start = first();
    ssem_history_t *h = ssem_history_new(&start, e, 0);
    volatile sig_atomic_t stop = 0;
    ssem_history_set_interrupt(h, &stop);
    CHECK_EQ(ssem_history_run(h, UINT64_MAX).why, SSEM_HISTORY_HALTED); /* by the engine */
    CHECK_EQ(ssem_history_state(h)->steps, FIRST_STEPS);
    const ssem_t end = *ssem_history_state(h);

    /* stopped at once by the flag: at most one poll interval (65536 steps)
     * replayed, and the current state is left as it was */
    ssem_history_set_breakpoints(h, 1u << 29);
    stop = 1;
    uint64_t r0 = ssem_history_replayed(h);
    CHECK_EQ(ssem_history_reverse_continue(h).why, SSEM_HISTORY_INTERRUPTED);
    CHECK(ssem_history_replayed(h) - r0 <= 65536u);
    CHECK(same(ssem_history_state(h), &end));
    stop = 0;

    /* a search for a line never fetched runs every step by the engine:
     * none by the reference step (before the fast engine stopped at
     * breakpoints itself, all 2 million were) */
    uint64_t f0 = ssem_history_replayed_ref(h);
    r0 = ssem_history_replayed(h);
    CHECK_EQ(ssem_history_reverse_continue(h).why, SSEM_HISTORY_START);
    CHECK_EQ(ssem_history_state(h)->steps, 0);
    CHECK(ssem_history_replayed(h) - r0 <= FIRST_STEPS);
    CHECK_EQ(ssem_history_replayed_ref(h) - f0, 0);
    /* nor a watch on a line no STO writes (line 30) */
    CHECK(ssem_history_seek(h, FIRST_STEPS) == 0);
    ssem_history_set_breakpoints(h, 0);
    ssem_history_set_watches(h, SSEM_WATCH_BIT(30));
    f0 = ssem_history_replayed_ref(h);
    CHECK_EQ(ssem_history_reverse_continue(h).why, SSEM_HISTORY_START);
    CHECK_EQ(ssem_history_replayed_ref(h) - f0, 0);
    /* a watch on line 27 whose condition never holds: only the STOs into 27
     * (line 4 once, line 16 once a trial divisor: 131071 trials, see
     * test_reverse_continue_breakpoints) are looked at by the reference step */
    CHECK(ssem_history_seek(h, FIRST_STEPS) == 0);
    ssem_history_set_watches(h, SSEM_WATCH_BIT(27));
    ssem_history_set_watch_condition(h, never, NULL);
    f0 = ssem_history_replayed_ref(h);
    CHECK_EQ(ssem_history_reverse_continue(h).why, SSEM_HISTORY_START);
    CHECK_EQ(ssem_history_replayed_ref(h) - f0, 131072);
    ssem_history_set_watch_condition(h, NULL, NULL);
    /* the same with a breakpoint on line 14 whose condition never holds: one
     * step by the reference step a fetch of line 14 */
    CHECK(ssem_history_seek(h, FIRST_STEPS) == 0);
    ssem_history_set_watches(h, 0);
    ssem_history_set_breakpoints(h, 1u << 14);
    ssem_history_set_condition(h, never, NULL);
    f0 = ssem_history_replayed_ref(h);
    CHECK_EQ(ssem_history_reverse_continue(h).why, SSEM_HISTORY_START);
    CHECK_EQ(ssem_history_replayed_ref(h) - f0, 131071);
    ssem_history_set_condition(h, NULL, NULL);
    /* a breakpoint that hits: only the last intervals run; 4096 snapshots
     * over 2^21 steps are 1024 steps apart (the last interval, from step
     * 2^21, holds one step before the STP) */
    CHECK(ssem_history_seek(h, FIRST_STEPS) == 0);
    r0 = ssem_history_replayed(h);
    ssem_history_stop_t st = ssem_history_reverse_continue(h);
    CHECK_EQ(st.why, SSEM_HISTORY_BREAK);
    CHECK_EQ(st.line, 14);
    CHECK(ssem_history_replayed(h) - r0 <= 1025u);
    ssem_history_free(h);
    ssem_engine_free(e);
}

/* Watches on A and CI, and a breakpoint condition, forward and backward. */
static bool a_negative(void *ctx, uint32_t line, const ssem_t *m)
{
    (void)line;
    ++*(int *)ctx;
    return (m->a & 0x80000000u) != 0u;
}

static void test_register_watches_and_conditions(void)
{
    ssem_engine_t *e = ssem_engine_new(ssem_engine_default());
    ssem_t m;
    memset(&m, 0, sizeof m);
    /* line 1 LDN 10 (A = -1), 2 LDN 11 (A = 0... -0 = 0), 3 JMP 12 (CI = 0) */
    m.store[1] = LDN(10);
    m.store[2] = LDN(11);
    m.store[3] = JMP(12);
    m.store[10] = 1;
    m.store[11] = 0;
    m.store[12] = 0;
    ssem_history_t *h = ssem_history_new(&m, e, 0);
    ssem_history_set_watches(h, SSEM_WATCH_BIT(SSEM_WATCH_A));
    ssem_history_stop_t st = ssem_history_run(h, 100);
    CHECK_EQ(st.why, SSEM_HISTORY_WATCH); /* step 1: A 0 -> -1 */
    CHECK_EQ(st.line, SSEM_WATCH_A);
    CHECK_EQ(st.old_word, 0);
    CHECK_EQ(st.new_word, 0xFFFFFFFFu);
    CHECK_EQ(ssem_history_state(h)->steps, 1);
    st = ssem_history_run(h, 100); /* step 2: A -1 -> 0; step 3 (JMP) leaves A */
    CHECK_EQ(st.why, SSEM_HISTORY_WATCH);
    CHECK_EQ(st.new_word, 0);
    CHECK_EQ(ssem_history_state(h)->steps, 2);
    st = ssem_history_run(h, 100); /* step 4: LDN 10 again */
    CHECK_EQ(ssem_history_state(h)->steps, 4);
    /* CI: every step changes it; the JMP (step 3) sets it from 3 to 0 */
    ssem_history_set_watches(h, SSEM_WATCH_BIT(SSEM_WATCH_CI));
    st = ssem_history_reverse_continue(h);
    CHECK_EQ(st.why, SSEM_HISTORY_WATCH);
    CHECK_EQ(st.line, SSEM_WATCH_CI);
    CHECK_EQ(ssem_history_state(h)->steps, 3);
    CHECK_EQ(st.old_word, 2);
    CHECK_EQ(st.new_word, 0);
    /* a conditional breakpoint on line 2: fetched after steps 1, 4, 7, ...
     * with A = -1 each time; on line 1 (after 0, 3, 6, ...) A is 0 or 0 */
    ssem_history_set_watches(h, 0);
    int calls = 0;
    ssem_history_set_condition(h, a_negative, &calls);
    ssem_history_set_breakpoints(h, (1u << 1) | (1u << 2));
    st = ssem_history_run(h, 100);
    CHECK_EQ(st.why, SSEM_HISTORY_BREAK);
    CHECK_EQ(st.line, 2);
    CHECK_EQ(ssem_history_state(h)->steps, 4);
    CHECK(calls >= 1);
    ssem_history_step_over(h);
    st = ssem_history_run(h, 100); /* line 1 after step 6 has A = 0: not a hit */
    CHECK_EQ(st.why, SSEM_HISTORY_BREAK);
    CHECK_EQ(ssem_history_state(h)->steps, 7);
    st = ssem_history_reverse_continue(h);
    CHECK_EQ(st.why, SSEM_HISTORY_BREAK);
    CHECK_EQ(ssem_history_state(h)->steps, 4);
    ssem_history_free(h);
    ssem_engine_free(e);
}

/* ------------------------------------------------ against a naive search */

/* Conditions for the naive comparison: kind 0 none, 1 A negative, 2 CI
 * odd, 3 depends on the line or target too. */
static bool cond_kind(void *ctx, uint32_t line, const ssem_t *m)
{
    switch (*(const int *)ctx) {
    case 1:
        return (m->a & 0x80000000u) != 0u;
    case 2:
        return (m->ci & 1u) != 0u;
    case 3:
        return (line + m->a) % 3u == 0u;
    default:
        return true;
    }
}

typedef struct naive {
    ssem_t *trace; /* trace[t]: the state after t steps (t = 0 .. n - 1) */
    size_t n;
    bool faulted; /* the step after trace[n - 1] faults */
    uint32_t breakpoints;
    uint64_t watches;
    int bcond, wcond;
} naive_t;

/* The watch hit of the step trace[t - 1] -> trace[t], written out from the
 * documented rule: a line, then A, then CI; the first changed and watched
 * whose condition holds for the state after. */
static bool naive_watch(const naive_t *nv, size_t t, ssem_history_stop_t *st)
{
    const ssem_t *b = &nv->trace[t - 1], *a = &nv->trace[t];
    for (uint32_t l = 0; l < SSEM_LINES; l++)
        if (b->store[l] != a->store[l] && (nv->watches & SSEM_WATCH_BIT(l)) &&
            cond_kind((void *)&nv->wcond, l, a)) {
            *st = (ssem_history_stop_t){SSEM_HISTORY_WATCH, l, b->store[l], a->store[l]};
            return true;
        }
    if (b->a != a->a && (nv->watches & SSEM_WATCH_BIT(SSEM_WATCH_A)) &&
        cond_kind((void *)&nv->wcond, SSEM_WATCH_A, a)) {
        *st = (ssem_history_stop_t){SSEM_HISTORY_WATCH, SSEM_WATCH_A, b->a, a->a};
        return true;
    }
    if (b->ci != a->ci && (nv->watches & SSEM_WATCH_BIT(SSEM_WATCH_CI)) &&
        cond_kind((void *)&nv->wcond, SSEM_WATCH_CI, a)) {
        *st = (ssem_history_stop_t){SSEM_HISTORY_WATCH, SSEM_WATCH_CI, b->ci, a->ci};
        return true;
    }
    return false;
}

static bool naive_break(const naive_t *nv, size_t t, ssem_history_stop_t *st)
{
    const ssem_t *m = &nv->trace[t];
    uint32_t line = (m->ci + 1u) & 31u;
    if (m->lamp || ((nv->breakpoints >> line) & 1u) == 0u ||
        !cond_kind((void *)&nv->bcond, line, m))
        return false;
    *st = (ssem_history_stop_t){SSEM_HISTORY_BREAK, line, 0, 0};
    return true;
}

/* From step `now` (faulted: the fault's state), the step-by-step search
 * backwards: the latest earlier state that is a watch hit, else a break
 * hit; none: the start. */
static size_t naive_reverse(const naive_t *nv, size_t now, bool at_fault, ssem_history_stop_t *st)
{
    for (size_t t = at_fault ? now : now - 1u; t + 1u > 0u && t < now + 1u; t--) {
        if (t > 0 && naive_watch(nv, t, st))
            return t;
        if (naive_break(nv, t, st))
            return t;
        if (t == 0)
            break;
    }
    *st = (ssem_history_stop_t){SSEM_HISTORY_START, 0, 0, 0};
    return 0;
}

/* A program for the comparison: random words (lenient, so most run on),
 * the first program, or a self-modifying counter that rewrites its own
 * STO's operand and jumps through data. */
static void random_program(int i, ssem_t *m)
{
    memset(m, 0, sizeof *m);
    uint64_t seed = next_random();
    switch (i % 4) {
    case 0:
        *m = first();
        break;
    case 1:
        /* 1 LDN 20; 2 SUB 21; 3 STO 22 (its operand is rewritten below);
         * 4 LDN 3; 5 SUB 23; 6 STO 24; 7 LDN 24; 8 STO 3 (STO one line
         * further each time: 22, 23, ...); 9 CMP; 10 STP; 11 JMP 25 */
        m->store[1] = LDN(20);
        m->store[2] = SUB(21);
        m->store[3] = STO(22);
        m->store[4] = LDN(3);
        m->store[5] = SUB(23);
        m->store[6] = STO(24);
        m->store[7] = LDN(24);
        m->store[8] = STO(3);
        m->store[9] = INS(6, 0);
        m->store[10] = STP;
        m->store[11] = JMP(25);
        m->store[20] = 7;
        m->store[21] = 0xFFFFFFFFu;
        m->store[23] = 0xFFFFFFFFu;
        m->store[25] = 0;
        m->lenient = true;
        break;
    default:
        ssem_random_store(m, &seed);
        m->lenient = (i % 8) != 3;
        break;
    }
}

static void test_reverse_matches_naive(void)
{
    enum { STEPS = 6000 };
    static ssem_t trace[STEPS + 1];
    const char *const engines[] = {"fast", "ref", "dbt"};
    int bad = 0, compared = 0, hits = 0;
    for (int i = 0; i < 120 && bad == 0; i++) {
        naive_t nv = {trace, 0, false, 0, 0, 0, 0};
        ssem_t m;
        random_program(i, &m);
        /* the oracle's trace: the reference step, resuming after each STP */
        trace[0] = m;
        nv.n = 1;
        while (nv.n <= STEPS) {
            ssem_t x = trace[nv.n - 1];
            if (x.lamp)
                ssem_resume(&x);
            if (ssem_step(&x) == SSEM_FAULT) {
                nv.faulted = true;
                break;
            }
            trace[nv.n++] = x;
        }
        ssem_engine_t *e = ssem_engine_new(engines[i % 3]);
        if (e == NULL)
            e = ssem_engine_new("fast");
        /* a few snapshots: wide intervals, thinned often */
        ssem_history_t *h = ssem_history_new(&m, e, 4u + (size_t)(i % 5) * 7u);
        /* the run forward: no stops, resuming each STP as a front end does */
        uint64_t left = nv.n - 1u;
        while (ssem_history_state(h)->steps < left) {
            ssem_history_stop_t st = ssem_history_run(h, left - ssem_history_state(h)->steps);
            if (st.why == SSEM_HISTORY_FAULT)
                break;
        }
        if (nv.faulted) /* on to the fault */
            CHECK_EQ(ssem_history_run(h, 10).why, SSEM_HISTORY_FAULT);
        for (int round = 0; round < 6 && bad == 0; round++) {
            /* what to look for: a few lines, the lines the program stores
             * to, A or CI, and conditions */
            nv.breakpoints = 0;
            nv.watches = 0;
            for (uint64_t k = next_random() % 3u; k > 0; k--)
                nv.breakpoints |= 1u << (next_random() % 32u);
            for (uint64_t k = next_random() % 3u; k > 0; k--)
                nv.watches |= SSEM_WATCH_BIT(next_random() % 32u);
            if (round % 3 == 1)
                nv.watches |= SSEM_WATCH_BIT(SSEM_WATCH_A + next_random() % 2u);
            if (round == 0 && i % 4 == 1)
                nv.watches |= SSEM_WATCH_BIT(22) | SSEM_WATCH_BIT(3);
            nv.bcond = (int)(next_random() % 4u);
            nv.wcond = (int)(next_random() % 4u);
            ssem_history_set_breakpoints(h, nv.breakpoints);
            ssem_history_set_watches(h, nv.watches);
            ssem_history_set_condition(h, cond_kind, &nv.bcond);
            ssem_history_set_watch_condition(h, cond_kind, &nv.wcond);
            /* from the end (or the fault), or a random step */
            size_t now = nv.n - 1u;
            bool at_fault = nv.faulted && round % 2 == 0;
            if (at_fault) { /* back to the end, and run into the fault again */
                CHECK(ssem_history_seek(h, now) == 0);
                ssem_history_set_breakpoints(h, 0);
                ssem_history_set_watches(h, 0);
                CHECK_EQ(ssem_history_run(h, 10).why, SSEM_HISTORY_FAULT);
            } else {
                now = (size_t)(round % 2 ? next_random() % nv.n : nv.n - 1u);
                CHECK(ssem_history_seek(h, now) == 0);
            }
            ssem_history_set_breakpoints(h, nv.breakpoints);
            ssem_history_set_watches(h, nv.watches);
            for (int k = 0; k < 40 && bad == 0; k++) {
                ssem_history_stop_t want, got = ssem_history_reverse_continue(h);
                size_t t = naive_reverse(&nv, now, at_fault, &want);
                const ssem_t *x = ssem_history_state(h);
                compared++;
                hits += want.why != SSEM_HISTORY_START;
                if (got.why != want.why || got.line != want.line ||
                    got.old_word != want.old_word || got.new_word != want.new_word ||
                    !same(x, &trace[t])) {
                    fprintf(stderr,
                            "program %d round %d from %zu: got %d line %u at %llu, want %d "
                            "line %u at %zu\n",
                            i, round, now, got.why, got.line, (unsigned long long)x->steps,
                            want.why, want.line, t);
                    bad++;
                }
                if (want.why == SSEM_HISTORY_START || got.why == SSEM_HISTORY_START)
                    break;
                now = t;
                at_fault = false;
            }
        }
        ssem_history_free(h);
        ssem_engine_free(e);
    }
    CHECK_EQ(bad, 0);
    CHECK(hits > 1000); /* the searches found things */
    printf("%d searches compared, %d hits\n", compared, hits);
}

/* each test, with the time it took (the figures are not checked) */
#define TIMED(test)                                                                    \
    do {                                                                               \
        double t_ = now_s();                                                           \
        RUN(test);                                                                     \
        printf("%-36s %.2f s\n", #test, now_s() - t_);                                \
    } while (0)

int main(void)
{
    TIMED(test_seek_every_engine);
    TIMED(test_seek_few_snapshots);
    TIMED(test_run_at_breakpoint);
    TIMED(test_reverse_continue_breakpoints);
    TIMED(test_reverse_continue_watch);
    TIMED(test_resume_and_fault);
    TIMED(test_rebase);
    TIMED(test_reverse_search_bounded);
    TIMED(test_register_watches_and_conditions);
    TIMED(test_reverse_matches_naive);
    TIMED(test_billions);
    return CHECK_DONE();
}
