/*
 * xlat.h - the seam the two translators share between C and the code they
 * generate: `dbt` (src/engine_dbt.c, x86-64) and `wasm` (src/engine_wasm.c,
 * WebAssembly). Both hand the Baby's registers to their code in a context
 * and take them back when it leaves, for one of the same three reasons; the
 * writing back into ssem_t (steps counted, A, PI, CI = next fetch's CI - 1,
 * the lamp at an STP) was the same code twice, so it is here once.
 *
 * Each engine's context embeds an xlat_regs_t as its member `regs`; the
 * generated code addresses its fields by offsetof(ctx, regs.FIELD), so the
 * layout here is free to change. Internal to src/, not installed.
 */
#ifndef SSEM_XLAT_H
#define SSEM_XLAT_H

#include "ssem.h"

#include <stdbool.h>
#include <stdint.h>

/* Why generated code returned to C. The values are baked into the code. */
typedef enum xlat_exit {
    XLAT_EXIT_NEXT = 0, /* continue at next_ci: C dispatches (untranslated, fault, budget) */
    XLAT_EXIT_HALT,     /* STP executed                                                   */
    XLAT_EXIT_STORE     /* a STO changed a baked line (its line is PI & 31)               */
} xlat_exit_t;

/* The registers generated code loads on entry and stores on exit. */
typedef struct xlat_regs {
    uint64_t left;    /* in and out: steps left in the budget       */
    uint32_t a, pi;   /* in and out                                 */
    uint32_t hi;      /* in: CI's bits above the line to run        */
    uint32_t next_ci; /* out: the next fetch's CI                   */
    uint32_t reason;  /* out: xlat_exit_t                           */
} xlat_regs_t;

/* Before entering generated code for the line of the next fetch (CI + 1),
 * with `left` steps of budget. */
static inline void xlat_enter(xlat_regs_t *r, const ssem_t *m, uint64_t left)
{
    r->left = left;
    r->a = m->a;
    r->pi = m->pi;
    r->hi = (m->ci + 1u) & ~SSEM_LINE_MASK;
}

/* After it returned: the T-state from what it left (the steps it took out
 * of *left, A, PI, CI one before the next fetch's), and *left what remains.
 * True when it stopped at an STP (the lamp is then lit). */
static inline bool xlat_leave(const xlat_regs_t *r, ssem_t *m, uint64_t *left)
{
    m->steps += *left - r->left;
    *left = r->left;
    m->a = r->a;
    m->pi = r->pi;
    m->ci = r->next_ci - 1u;
    if (r->reason != XLAT_EXIT_HALT)
        return false;
    m->lamp = true;
    return true;
}

#endif
