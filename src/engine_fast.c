/*
 * engine_fast.c - the `fast` engine: a line-specialised threaded interpreter.
 *
 * Why this shape (../shared/NOTES.md has the measurements): the critical path
 * of a Baby interpreter is CI feeding the next fetch's address. Here there is
 * one handler per (line, function) pair, 32 x 8 of them, so the line being
 * executed is the host's program counter: falling through to the next line is
 * a jump through disp[L + 1], whose address does not depend on CI at all.
 * Only JMP and JRP compute a line from data.
 *
 * CI is kept as `hi` (its bits above the line) with the line implied by the
 * handler: while executing the instruction fetched from line L, the real CI
 * is hi + L. The fetch fault (CI bits 13-15 set) can only appear when hi
 * changes: after a JMP/JRP, a CMP skip past line 31, or running off line 31.
 * Those are the only places that check it.
 *
 * disp[L] is the handler for line L's current word; a STO re-decodes the line
 * it writes, so self-modifying code (a store into the next instruction, or
 * into the instruction itself) is seen by the next fetch.
 *
 * Dispatch follows Lua's lvm.c: the same source compiles to computed goto
 * (GCC and clang) or to a portable switch (SSEM_PORTABLE_DISPATCH, or any
 * other compiler). Every handler begins by spending one step of the budget,
 * so the budget is exact. Keep CMP's test a branch: NOTES.md shows a cmov
 * there puts A on the fetch chain.
 */
#include "internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#if (defined(__GNUC__) || defined(__clang__)) && !defined(SSEM_PORTABLE_DISPATCH)
#define FAST_COMPUTED_GOTO 1
#endif

/* The 32 lines, for expanding one set of handlers per line. */
#define FAST_LINES(X)                                                                       \
    X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15)   \
    X(16) X(17) X(18) X(19) X(20) X(21) X(22) X(23) X(24) X(25) X(26) X(27) X(28) X(29)    \
    X(30) X(31)

/* Nine handlers a line: the eight functions, and (index 8) the stop before a
 * breakpoint's fetch. The table has 16 slots a line: slots 8-15 all hold
 * the stop, so a line's handler is handler[HANDLER_INDEX(line, f) + 8 *
 * (whether line is a breakpoint)] without a branch. */
#define HANDLER_INDEX(line, f) ((line) * 16u + (f))
#define BREAK_OFFSET(bp, line) ((((bp) >> (line)) & 1u) << 3)

#ifdef FAST_COMPUTED_GOTO
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wpedantic"
#endif
typedef const void *target_t;
#define CASE(L, F) h_##L##_##F
#define TARGET(L, F) &&h_##L##_##F
#define DISPATCH(t) goto *(t)
#define DISPATCH_LOOP
#else
typedef unsigned target_t;
#define CASE(L, F) case HANDLER_INDEX(L, F)
#define TARGET(L, F) HANDLER_INDEX(L, F)
#define DISPATCH(t)                                                                         \
    do {                                                                                    \
        next_handler = (t);                                                                 \
        goto dispatch;                                                                      \
    } while (0)
#endif

/* Breakpoints (bp, a mask of lines) stop the run before a fetch from a
 * marked line, the first fetch included, as ssem_run does: the line's
 * dispatch entry is its stop handler, so a run with breakpoints costs what
 * one without does (a debugger's searches rely on it, src/history.c). */
static ssem_stop_t fast_run_break(void *priv, ssem_t *m, uint64_t budget, uint32_t bp)
{
    (void)priv;
#define TARGETS_OF_LINE(L)                                                                  \
    TARGET(L, 0), TARGET(L, 1), TARGET(L, 2), TARGET(L, 3), TARGET(L, 4), TARGET(L, 5),     \
        TARGET(L, 6), TARGET(L, 7), TARGET(L, 8), TARGET(L, 8), TARGET(L, 8), TARGET(L, 8), \
        TARGET(L, 8), TARGET(L, 8), TARGET(L, 8), TARGET(L, 8),
    static const target_t handler[512] = {FAST_LINES(TARGETS_OF_LINE)};
#undef TARGETS_OF_LINE

    uint32_t S[SSEM_LINES];
    target_t disp[SSEM_LINES];
    memcpy(S, m->store, sizeof S);
    for (uint32_t l = 0; l < SSEM_LINES; l++)
        disp[l] = handler[HANDLER_INDEX(l, ssem_word_function(S[l])) + BREAK_OFFSET(bp, l)];

    const bool strict = !m->lenient;
    uint32_t a = m->a, pi = m->pi, ci = m->ci, hi = 0;
    uint64_t left = budget;
    ssem_stop_t why = SSEM_LIMIT;
#ifndef FAST_COMPUTED_GOTO
    target_t next_handler;
#endif

/* Every handler: spend a step (or stop with the T-state's CI = hi + L - 1,
 * the CI after the previous instruction), then fetch. */
#define PROLOGUE(L)                                                                         \
    if (left == 0u) {                                                                       \
        ci = hi + (L) - 1u;                                                                 \
        goto out;                                                                           \
    }                                                                                       \
    left--;                                                                                 \
    pi = S[L]

/* Continue at CI + 1 after CI has been set to `c` (jumps, skips, entry). */
#define GO_AFTER(c)                                                                         \
    do {                                                                                    \
        ci = (c);                                                                           \
        goto go_after_ci;                                                                   \
    } while (0)

/* Fall through to the next line; off line 31, CI's high part grows. */
#define NEXT(L)                                                                             \
    do {                                                                                    \
        if ((L) < 31u)                                                                      \
            DISPATCH(disp[((L) + 1u) & SSEM_LINE_MASK]);                                    \
        GO_AFTER(hi + (L));                                                                 \
    } while (0)

#define STORE(n, w)                                                                         \
    do {                                                                                    \
        S[n] = (w);                                                                         \
        disp[n] = handler[HANDLER_INDEX(n, ssem_word_function(w)) + BREAK_OFFSET(bp, n)];   \
    } while (0)

    GO_AFTER(ci);

/* The eight functions for line L; register transfers as in src/machine.c. */
#define HANDLERS_OF_LINE(L)                                                                 \
    CASE(L, 0) : /* JMP: CI <- S[n] */                                                      \
    {                                                                                       \
        PROLOGUE(L);                                                                        \
        GO_AFTER(S[pi & SSEM_LINE_MASK]);                                                   \
    }                                                                                       \
    CASE(L, 1) : /* JRP: CI <- CI + S[n] */                                                 \
    {                                                                                       \
        PROLOGUE(L);                                                                        \
        GO_AFTER(hi + (L) + S[pi & SSEM_LINE_MASK]);                                        \
    }                                                                                       \
    CASE(L, 2) : /* LDN: A <- -S[n] */                                                      \
    {                                                                                       \
        PROLOGUE(L);                                                                        \
        a = 0u - S[pi & SSEM_LINE_MASK];                                                    \
        NEXT(L);                                                                            \
    }                                                                                       \
    CASE(L, 3) : /* STO: S[n] <- A */                                                       \
    {                                                                                       \
        PROLOGUE(L);                                                                        \
        STORE(pi & SSEM_LINE_MASK, a);                                                      \
        NEXT(L);                                                                            \
    }                                                                                       \
    CASE(L, 4) : /* SUB: A <- A - S[n] */                                                   \
    CASE(L, 5) : /* function 5 is SUB too */                                                \
    {                                                                                       \
        PROLOGUE(L);                                                                        \
        a -= S[pi & SSEM_LINE_MASK];                                                        \
        NEXT(L);                                                                            \
    }                                                                                       \
    CASE(L, 6) : /* CMP: if A < 0, skip */                                                  \
    {                                                                                       \
        PROLOGUE(L);                                                                        \
        if (a & 0x80000000u) {                                                              \
            if ((L) + 2u <= 31u)                                                            \
                DISPATCH(disp[((L) + 2u) & SSEM_LINE_MASK]);                                \
            GO_AFTER(hi + (L) + 1u);                                                        \
        }                                                                                   \
        NEXT(L);                                                                            \
    }                                                                                       \
    CASE(L, 7) : /* STP: light the lamp; CI stays on this line */                           \
    {                                                                                       \
        PROLOGUE(L);                                                                        \
        ci = hi + (L);                                                                      \
        m->lamp = true;                                                                     \
        why = SSEM_HALTED;                                                                  \
        goto out;                                                                           \
    }                                                                                       \
    CASE(L, 8) : /* a breakpoint: stop before the fetch, unless the budget is spent */     \
    {                                                                                       \
        ci = hi + (L) - 1u;                                                                 \
        if (left != 0u)                                                                     \
            why = SSEM_BREAK;                                                               \
        goto out;                                                                           \
    }

#ifdef FAST_COMPUTED_GOTO
    FAST_LINES(HANDLERS_OF_LINE)
#else
dispatch:
    switch (next_handler) {
        FAST_LINES(HANDLERS_OF_LINE)
    default:
        break;
    }
#endif

go_after_ci: {
    /* Step 1 and 2 of the next instruction: CI + 1, and the fetch check. */
    uint32_t next = ci + 1u;
    if (strict && (next & SSEM_CI_FAULT_BITS) != 0u) {
        if (left == 0u)
            goto out; /* the budget ends before the faulting step */
        if (BREAK_OFFSET(bp, next & SSEM_LINE_MASK) != 0u) {
            why = SSEM_BREAK; /* ssem_run looks at breakpoints before the fetch */
            goto out;
        }
        ci = next;
        m->lamp = true;
        m->fault = true;
        why = SSEM_FAULT;
        goto out;
    }
    hi = next & ~SSEM_LINE_MASK;
    DISPATCH(disp[next & SSEM_LINE_MASK]);
}

out:
    memcpy(m->store, S, sizeof S);
    m->a = a;
    m->ci = ci;
    m->pi = pi;
    m->steps += budget - left;
    return why;

#undef PROLOGUE
#undef GO_AFTER
#undef NEXT
#undef STORE
#undef HANDLERS_OF_LINE
}

static ssem_stop_t fast_run(void *priv, ssem_t *m, uint64_t budget)
{
    return fast_run_break(priv, m, budget, 0u);
}

/* The V-state fast_run builds on entry from m, and keeps while it runs:
 * S, disp (a handler per line), a, pi, hi, and the handler running. It keeps
 * nothing between calls, so this is what it would hold at the next fetch. */
static void fast_describe(void *priv, const ssem_t *m, ssem_vstate_t *v)
{
    (void)priv;
    uint32_t next = m->ci + 1u, line = next & SSEM_LINE_MASK, hi = next & ~SSEM_LINE_MASK;
    snprintf(v->form, sizeof v->form,
             "threaded code: a copy S of the store, a table disp of one handler per line "
             "(its line and function baked in), A, PI and CI's bits above the line in C "
             "locals; the line is implied by the handler running");
    snprintf(v->interp, sizeof v->interp,
             "S = S[0..31]; A = a; PI = pi; CI = hi + L - 1, L the line of the handler "
             "about to run (CI = hi + L at an STP); disp is ignored (a cache of S)");
    for (uint32_t l = 0; l < SSEM_LINES; l++) {
        char name[40], maps[16];
        uint32_t f = ssem_word_function(m->store[l]);
        snprintf(name, sizeof name, "S[%u], disp[%u]", (unsigned)l, (unsigned)l);
        snprintf(maps, sizeof maps, "S[%u]", (unsigned)l);
        ssem_vstate_add(v, name, maps, "0x%08" PRIx32 ", handler h_%u_%u (%s of line %u)",
                        m->store[l], (unsigned)l, (unsigned)f, ssem_op_info(f)->mnemonic,
                        (unsigned)l);
    }
    ssem_vstate_add(v, "a", "A", "0x%08" PRIx32, m->a);
    ssem_vstate_add(v, "pi", "PI", "0x%08" PRIx32, m->pi);
    ssem_vstate_add(v, "hi", "CI = hi + L - 1", "0x%08" PRIx32 " (CI's bits above the line)",
                    m->lamp ? (m->ci & ~SSEM_LINE_MASK) : hi);
    if (m->lamp)
        ssem_vstate_add(v, "handler", "CI = hi + L", "left h_%u_7 (the STP of line %u)",
                        (unsigned)(m->ci & SSEM_LINE_MASK), (unsigned)(m->ci & SSEM_LINE_MASK));
    else
        ssem_vstate_add(v, "handler", "L", "disp[%u] = h_%u_%u, about to run", (unsigned)line,
                        (unsigned)line, (unsigned)ssem_word_function(m->store[line]));
    ssem_vstate_add(v, "m->lamp", "lamp", "%s", m->lamp ? "true" : "false");
    v->tstate.ci = m->lamp ? m->ci : hi + line - 1u;
}

const ssem_engine_ops_t ssem_engine_fast_ops = {
    "fast",
    "line-specialised threaded interpreter: one handler per line and function",
    NULL,
    NULL,
    fast_run,
    NULL,
    fast_describe,
    fast_run_break,
};
