/*
 * test_observe.c - watching engines work: the observer events and counters
 * (ssem_engine_observe, ssem_engine_stats) and the V-state descriptions
 * (ssem_engine_describe) that `ssem run --log` and `ssem verify
 * --show-interp` print.
 *
 * The expected blocks and chains of the first program under dbt are worked
 * out by hand from the translator's block rule (a block runs from its first
 * line to a JMP, JRP or STP; a CMP's skip out of the block and a jump to a
 * line without a block wait to be chained until that block exists):
 *   block 1-8   (first fetch; line 7's CMP does not skip: A = 262144 - 262143 = 1)
 *   block 6-8   (line 8's JRP 20: CI = 8 + (-3) = 5, next fetch 6)
 *   block 9-13  (line 7 skips on the first pass through 6: A = 1 - 262143 < 0)
 *   block 14-19 (line 12 skips while S[25] is not yet 0)
 *   block 5-8   (line 19's JMP 22: CI = 4, next fetch 5)
 * 26 instructions; chains: block 6 chains to itself and takes block 1's
 * pending jump to 6; block 9 takes the skips from blocks 1 and 6; block 14
 * takes block 9's skip; block 5 chains to 9 and 6 and takes 14's jump: 8.
 */
#include "check.h"
#include "first_program.h"
#include "ssem.h"

#include <string.h>

#define INS(f, n) ((uint32_t)(((uint32_t)(f) << 13) | (uint32_t)(n)))
#define LDN(n) INS(2, n)
#define STO(n) INS(3, n)
#define STP INS(7, 0)

#define MAX_EVENTS 64

typedef struct log {
    int n;
    ssem_event_kind_t kind[MAX_EVENTS];
    uint32_t line[MAX_EVENTS], from[MAX_EVENTS], count[MAX_EVENTS];
    uint64_t steps[MAX_EVENTS], bytes;
    int words_ok; /* every TRANSLATE's words were the store's */
    const uint32_t *store;
} log_t;

static void record(void *user, const ssem_event_t *ev)
{
    log_t *l = user;
    if (ev->kind == SSEM_EVENT_TRANSLATE) {
        l->bytes += ev->code_len;
        /* each instruction's code starts after the previous one's, inside */
        for (uint32_t i = 0; i < ev->count; i++)
            if (ev->offsets == NULL || ev->offsets[i] >= ev->code_len ||
                (i > 0 && ev->offsets[i] <= ev->offsets[i - 1]))
                l->words_ok = 0;
        if (ev->words == NULL || ev->code == NULL || ev->code_len == 0 ||
            memcmp(ev->words, l->store + ev->line, ev->count * sizeof(uint32_t)) != 0)
            l->words_ok = 0;
    }
    if (l->n >= MAX_EVENTS)
        return;
    l->kind[l->n] = ev->kind;
    l->line[l->n] = ev->line;
    l->from[l->n] = ev->from_line;
    l->count[l->n] = ev->count;
    l->steps[l->n] = ev->steps;
    l->n++;
}

static void load_first(ssem_t *m)
{
    memset(m, 0, sizeof *m);
    for (uint32_t i = 0; i < FIRST_PROGRAM_LINES; i++)
        m->store[i] = bits_to_word(first_program_bits[i]);
}

static void test_dbt_first_program_blocks(void)
{
    ssem_engine_t *e = ssem_engine_new("dbt");
    if (e == NULL)
        return; /* not an x86-64 Linux build: no translator to watch */
    ssem_t m;
    load_first(&m);
    log_t l = {.words_ok = 1, .store = m.store};
    ssem_engine_observe(e, record, &l);
    CHECK_EQ(ssem_engine_run(e, &m, 10000000, 0), SSEM_HALTED);
    CHECK_EQ(m.steps, FIRST_PROGRAM_STEPS);

    static const uint32_t starts[] = {1, 6, 9, 14, 5}, lens[] = {8, 3, 5, 6, 4};
    int t = 0, chains = 0;
    for (int i = 0; i < l.n; i++) {
        if (l.kind[i] == SSEM_EVENT_TRANSLATE) {
            CHECK(t < 5);
            if (t < 5) {
                CHECK_EQ(l.line[i], starts[t]);
                CHECK_EQ(l.count[i], lens[t]);
            }
            t++;
        } else if (l.kind[i] == SSEM_EVENT_CHAIN) {
            chains++;
        } else {
            CHECK(l.kind[i] == SSEM_EVENT_TRANSLATE); /* no invalidation, flush, fallback */
        }
    }
    CHECK_EQ(t, 5);
    CHECK_EQ(chains, 8);
    CHECK(l.words_ok);

    ssem_engine_stats_t st;
    ssem_engine_stats(e, &st);
    CHECK_EQ(st.blocks, 5);
    CHECK_EQ(st.instructions, 26);
    CHECK_EQ(st.chains, 8);
    CHECK_EQ(st.host_bytes, l.bytes);
    CHECK(st.host_bytes > 0);
    CHECK_EQ(st.invalidations + st.flushes + st.fallbacks, 0);
    ssem_engine_free(e);
}

/* Line 2 stores into line 3 of its own block: 1 LDN 6, 2 STO 3, 3 JMP 0
 * (the zero word: CI = S[0] = 0, next fetch line 1, so the block chains to
 * itself), S[6] = -STP. The STO makes line 3 an STP: one invalidation of
 * one block, then the block at 3 (1 instruction) is translated and halts.
 * 3 steps. */
static void test_dbt_invalidation(void)
{
    ssem_engine_t *e = ssem_engine_new("dbt");
    if (e == NULL)
        return;
    ssem_t m;
    memset(&m, 0, sizeof m);
    m.store[1] = LDN(6);
    m.store[2] = STO(3);
    m.store[6] = 0u - STP;
    log_t l = {.words_ok = 1, .store = m.store};
    ssem_engine_observe(e, record, &l);
    CHECK_EQ(ssem_engine_run(e, &m, 100, 0), SSEM_HALTED);
    CHECK_EQ(m.steps, 3);
    CHECK_EQ(m.ci, 3);
    CHECK_EQ(l.n, 4);
    CHECK_EQ(l.kind[0], SSEM_EVENT_TRANSLATE);
    CHECK_EQ(l.line[0], 1);
    CHECK_EQ(l.count[0], 3);
    CHECK_EQ(l.kind[1], SSEM_EVENT_CHAIN);
    CHECK_EQ(l.from[1], 1);
    CHECK_EQ(l.line[1], 1);
    CHECK_EQ(l.kind[2], SSEM_EVENT_INVALIDATE);
    CHECK_EQ(l.line[2], 3);
    CHECK_EQ(l.count[2], 1);
    CHECK_EQ(l.kind[3], SSEM_EVENT_TRANSLATE);
    CHECK_EQ(l.line[3], 3);
    CHECK_EQ(l.count[3], 1);
    ssem_engine_stats_t st;
    ssem_engine_stats(e, &st);
    CHECK_EQ(st.invalidations, 1);
    CHECK_EQ(st.dropped, 1);
    CHECK_EQ(st.blocks, 2);
    ssem_engine_free(e);
}

/* A budget of 3 ends inside block 1-8: it is translated (with the four
 * blocks it leads to, in one batch: 5 TRANSLATE and 8 CHAIN events, as in
 * test_dbt_first_program_blocks), then the reference step runs the 3 steps. */
static void test_dbt_budget_tail_falls_back(void)
{
    ssem_engine_t *e = ssem_engine_new("dbt");
    if (e == NULL)
        return;
    ssem_t m;
    load_first(&m);
    log_t l = {.words_ok = 1, .store = m.store};
    ssem_engine_observe(e, record, &l);
    CHECK_EQ(ssem_engine_run(e, &m, 3, 0), SSEM_LIMIT);
    CHECK_EQ(l.n, 14);
    CHECK_EQ(l.kind[0], SSEM_EVENT_TRANSLATE);
    CHECK_EQ(l.line[0], 1);
    CHECK_EQ(l.kind[13], SSEM_EVENT_FALLBACK);
    CHECK_EQ(l.line[13], 1);
    CHECK_EQ(l.steps[13], 3);
    ssem_engine_stats_t st;
    ssem_engine_stats(e, &st);
    CHECK_EQ(st.fallbacks, 1);
    CHECK_EQ(st.fallback_steps, 3);
    ssem_engine_free(e);
}

/* Breakpoints hand an engine that cannot stop at them itself (dbt) to the
 * reference step: counted. ref is the reference step, and fast stops at
 * them by its own dispatch (a stop handler on the marked lines): none. */
static void test_breakpoints_count_as_fallback(void)
{
    for (const char *const *n = ssem_engine_names(); *n; n++) {
        ssem_engine_t *e = ssem_engine_new(*n);
        ssem_t m;
        load_first(&m);
        /* a breakpoint on the STP: stops after 2,097,153 steps */
        ssem_engine_run(e, &m, 10000000, 1u << 13);
        CHECK_EQ(m.steps, FIRST_PROGRAM_STEPS - 1u);
        ssem_engine_stats_t st;
        ssem_engine_stats(e, &st);
        bool own = strcmp(*n, "ref") == 0 || strcmp(*n, "fast") == 0;
        CHECK_EQ(st.fallback_steps, own ? 0 : FIRST_PROGRAM_STEPS - 1u);
        ssem_engine_free(e);
    }
}

/* Every engine's interp of its described V-state is the T-state it holds,
 * at reset, after one step, mid-run and at the halt. */
static void test_describe_interp(void)
{
    static const uint64_t at[] = {0, 1, 7, 12345, 10000000};
    for (const char *const *n = ssem_engine_names(); *n; n++) {
        for (size_t k = 0; k < sizeof at / sizeof at[0]; k++) {
            ssem_engine_t *e = ssem_engine_new(*n);
            ssem_t m;
            load_first(&m);
            if (at[k] > 0)
                ssem_engine_run(e, &m, at[k], 0);
            static ssem_vstate_t v;
            ssem_engine_describe(e, &m, &v);
            CHECK(ssem_tstate_equal(&v.tstate, &m));
            CHECK(v.nitems > 4);
            CHECK(v.form[0] != '\0');
            CHECK(v.interp[0] != '\0');
            ssem_engine_free(e);
        }
    }
}

int main(void)
{
    RUN(test_dbt_first_program_blocks);
    RUN(test_dbt_invalidation);
    RUN(test_dbt_budget_tail_falls_back);
    RUN(test_breakpoints_count_as_fallback);
    RUN(test_describe_interp);
    return CHECK_DONE();
}
