/*
 * machine.c - the reference step: T-next of SPEC section 3-4, and run().
 *
 * This is the oracle every other engine is checked against, so it stays as
 * plain as the lecture's loop: increment CI, check the fetch, fetch, decode,
 * a readable switch with a register-transfer comment on each case. All
 * arithmetic is on uint32_t, so wrap-around is defined (negating 0x80000000
 * gives 0x80000000) and there is no signed overflow anywhere.
 *
 * The fault (SPEC section 4): the real machine could not fetch when CI had
 * any of bits 13-15 set, because the fetch used the JMP routing. We stop
 * with SSEM_FAULT, executing nothing: CI keeps its incremented value, PI, A
 * and the store are unchanged, and the step is not counted. m->lenient turns
 * the check off (fetch from CI & 31), as most other emulators behave.
 */
#include "ssem.h"

#ifdef __FRAMAC__
#include "tnext.h" /* T-next in ACSL, for the proof (proof/, make prove) */
#endif

#include <stdio.h>
#include <string.h>

static const ssem_op_info_t op_table[8] = {
#define SSEM_X_INFO(code, mn, notation, flags, rtl) {#mn, notation, rtl, flags},
    SSEM_ISA(SSEM_X_INFO)
#undef SSEM_X_INFO
};

const ssem_op_info_t *ssem_op_info(uint32_t function)
{
    return &op_table[function & SSEM_FUNC_MASK];
}

const char *ssem_stop_name(ssem_stop_t why)
{
    switch (why) {
    case SSEM_RUNNING: return "running";
    case SSEM_HALTED: return "halted";
    case SSEM_FAULT: return "fault";
    case SSEM_LIMIT: return "limit";
    case SSEM_BREAK: return "break";
    }
    return "?";
}

void ssem_reset(ssem_t *m)
{
    bool lenient = m->lenient;
    memset(m, 0, sizeof *m);
    m->lenient = lenient;
}

/* The contracts below are ACSL, read only by Frama-C: the machine after
 * ssem_execute is `execute_word` of the machine before, after ssem_step it is
 * T_next (proof/tnext.h, written from SPEC section 3-4); nothing else is
 * written, and there is no run-time error. `make prove` proves them
 * (docs/verification.md). */

/*@ requires \valid(m);
    requires running: m->lamp == 0 && m->fault == 0;
    assigns m->ci, m->pi, m->a, m->store[0 .. 31], m->lamp, m->fault, m->steps;
    ensures execute_word(\old(*m), \old(m->ci), word, *m);
    ensures \result == (m->lamp != 0 ? SSEM_HALTED : SSEM_RUNNING);
*/
ssem_stop_t ssem_execute(ssem_t *m, uint32_t word)
{
    /* decode n = bits 0-4, f = bits 13-15 of the word. (Written with
     * unsigned / and % rather than & and >>: the same values, and the form
     * the provers of `make prove` handle best.) */
    uint32_t n = word % 32u;
    uint32_t f = word / 8192u % 8u;
    uint32_t s = m->store[n];
    m->pi = word;
    m->steps += 1u;

    switch (f) {
    case 0: /* JMP   s, C     CI <- S[n] */
        m->ci = s;
        break;
    case 1: /* JRP   c+s, C   CI <- CI + S[n] */
        m->ci += s;
        break;
    case 2: /* LDN   -s, A    A <- -S[n] */
        m->a = 0u - s;
        break;
    case 3: /* STO   a, S     S[n] <- A */
        m->store[n] = m->a;
        break;
    case 4: /* SUB   a-s, A   A <- A - S[n] */
    case 5: /* (function 5 is decoded as SUB too) */
        m->a -= s;
        break;
    case 6: /* CMP   Test     if A < 0: CI <- CI + 1 (skip) */
        if (m->a >= 0x80000000u) /* bit 31 set */
            m->ci += 1u;
        break;
    case 7: /* STP   Stop     light the lamp; CI stays on this line */
        m->lamp = true;
        return SSEM_HALTED;
    }
    return SSEM_RUNNING;
}

/* well_formed: a fault always lights the lamp, and ssem_resume clears both. */
/*@ requires \valid(m);
    requires well_formed: m->fault != 0 ==> m->lamp != 0;
    assigns m->ci, m->pi, m->a, m->store[0 .. 31], m->lamp, m->fault, m->steps;
    ensures well_formed: m->fault != 0 ==> m->lamp != 0;
    ensures stop: !lit(*m)      ? \result == SSEM_RUNNING :
                  m->fault != 0 ? \result == SSEM_FAULT : \result == SSEM_HALTED;

    behavior stopped:       // the lamp is lit: nothing changes
      assumes lit(*m);
      ensures unchanged(\old(*m), *m);
    behavior runs:          // the machine of SPEC section 3-4
      assumes !lit(*m) && m->lenient == 0;
      ensures T_next(\old(*m), *m);
    behavior lenient:       // the fetch check is off
      assumes !lit(*m) && m->lenient != 0;
      ensures T_next_lenient(\old(*m), *m);
    complete behaviors;
    disjoint behaviors;
*/
ssem_stop_t ssem_step(ssem_t *m)
{
    if (m->lamp)
        return m->fault ? SSEM_FAULT : SSEM_HALTED;

    /* 1. CI <- CI + 1 (mod 2^32) */
    m->ci += 1u;

    /* 2. the fetch routing cannot reach CI with bits 13-15 set */
    if (m->ci / 8192u % 8u != 0u && !m->lenient) { /* bits 13-15: (CI >> 13) & 7 */
        m->lamp = true;
        m->fault = true;
        return SSEM_FAULT;
    }

    /* 3-4. PI <- S[CI & 31], and execute it. (The assertions lead the
     * provers from ssem_execute's contract to T_next: only CI changed yet.) */
    uint32_t c = m->ci, word = m->store[c % 32u];
    /*@ assert only_ci: same_store(\at(*m, Pre), *m) && m->a == \at(m->a, Pre) &&
                        m->steps == \at(m->steps, Pre); */
    /*@ assert fetched: c == plus(\at(m->ci, Pre), 1) && word == \at(*m, Pre).store[line(c)]; */
    ssem_stop_t why = ssem_execute(m, word);
    /*@ assert executed: execute_word(\at(*m, Pre), c, word, *m); */
    /*@ assert T_next_execute: execute(\at(*m, Pre), c, *m); */
    return why;
}

ssem_stop_t ssem_run(ssem_t *m, uint64_t budget, uint32_t breakpoints)
{
    if (m->lamp) /* a stopped machine stays stopped, whatever the budget */
        return m->fault ? SSEM_FAULT : SSEM_HALTED;
    if (budget > ssem_steps_left(m)) /* the count never wraps (ssem.h) */
        budget = ssem_steps_left(m);
    for (uint64_t done = 0; done < budget; done++) {
        /* before every fetch, the first one too: resuming from a breakpoint
         * is the caller's explicit step-over */
        if ((breakpoints >> ((m->ci + 1u) & SSEM_LINE_MASK)) & 1u)
            return SSEM_BREAK;
        ssem_stop_t why = ssem_step(m);
        if (why != SSEM_RUNNING)
            return why;
    }
    return SSEM_LIMIT;
}

uint64_t ssem_steps_left(const ssem_t *m)
{
    return UINT64_MAX - m->steps;
}

void ssem_resume(ssem_t *m)
{
    m->lamp = false;
    m->fault = false;
}

bool ssem_tstate_equal(const ssem_t *x, const ssem_t *y)
{
    return memcmp(x->store, y->store, sizeof x->store) == 0 && x->a == y->a &&
           x->ci == y->ci && x->pi == y->pi && x->lamp == y->lamp;
}

void ssem_fault_reason(const ssem_t *m, char *buf, size_t size)
{
    snprintf(buf, size,
             "CI = 0x%08x has bits 13-15 set (%u): the Baby cannot fetch from it "
             "(it would hang); line %u would have been fetched. "
             "Use --lenient to fetch from CI & 31 as most emulators do",
             (unsigned)m->ci, (unsigned)((m->ci >> SSEM_FUNC_SHIFT) & SSEM_FUNC_MASK),
             (unsigned)(m->ci & SSEM_LINE_MASK));
}

double ssem_time_1948(uint64_t steps, double digit_period_us)
{
    return (double)steps * (double)SSEM_DIGITS_PER_INSTRUCTION * digit_period_us * 1e-6;
}

void ssem_load_image(ssem_t *m, const ssem_image_t *img)
{
    ssem_reset(m);
    memcpy(m->store, img->word, sizeof m->store);
}
