/*
 * verify.c - the lecture's correctness condition as a checker.
 *
 * V is correct when every V step preserves interp (SPEC section 8). Each
 * engine's ssem_engine_run leaves interp(V-state) in an ssem_t, so checking
 * two engines is: run both from the same T-state in equal budgets and compare
 * the T-states. Comparing every step (stride 1) is the definition itself;
 * a larger stride is faster, and on a difference we bisect inside the last
 * stride, re-running both engines from the last agreed state, to name the
 * first step whose results differ.
 */
#include "internal.h"

#include <string.h>

static bool same_outcome(const ssem_t *x, ssem_stop_t wx, const ssem_t *y, ssem_stop_t wy)
{
    return wx == wy && ssem_tstate_equal(x, y) && x->steps == y->steps && x->fault == y->fault;
}

/* Runs both engines `n` steps from `from`; true when they agree. */
static bool agree_after(ssem_engine_t *ea, ssem_engine_t *eb, const ssem_t *from, uint64_t n,
                        ssem_t *xa, ssem_t *xb, ssem_stop_t *wa, ssem_stop_t *wb)
{
    *xa = *from;
    *xb = *from;
    *wa = ssem_engine_run(ea, xa, n, 0);
    *wb = ssem_engine_run(eb, xb, n, 0);
    return same_outcome(xa, *wa, xb, *wb);
}

int ssem_verify(const char *a, const char *b, const ssem_t *start, uint64_t max_steps,
                uint64_t stride, ssem_verify_result_t *res)
{
    memset(res, 0, sizeof *res);
    ssem_engine_t *ea = ssem_engine_new(a), *eb = ssem_engine_new(b);
    if (ea == NULL || eb == NULL) {
        ssem_engine_free(ea);
        ssem_engine_free(eb);
        return -1;
    }
    if (stride == 0)
        stride = 1;
    ssem_t agreed = *start, xa, xb;
    ssem_stop_t wa = SSEM_LIMIT, wb = SSEM_LIMIT;
    uint64_t done = 0;
    for (;;) {
        uint64_t n = max_steps - done < stride ? max_steps - done : stride;
        if (n == 0)
            break;
        if (!agree_after(ea, eb, &agreed, n, &xa, &xb, &wa, &wb)) {
            /* bisect: agree after lo steps (lo = 0 is `agreed`), differ after hi */
            uint64_t lo = 0, hi = n;
            while (hi - lo > 1) {
                uint64_t mid = lo + (hi - lo) / 2;
                if (agree_after(ea, eb, &agreed, mid, &xa, &xb, &wa, &wb))
                    lo = mid;
                else
                    hi = mid;
            }
            if (lo > 0)
                agree_after(ea, eb, &agreed, lo, &xa, &xb, &wa, &wb);
            res->before = lo > 0 ? xa : agreed;
            agree_after(ea, eb, &res->before, 1, &res->after_a, &res->after_b, &res->stop_a,
                        &res->stop_b);
            res->differ = true;
            res->first_step = res->before.steps + 1;
            res->steps = res->before.steps - start->steps;
            break;
        }
        agreed = xa;
        done += n;
        res->steps = xa.steps - start->steps;
        res->stop = wa;
        if (wa != SSEM_LIMIT)
            break;
    }
    ssem_engine_free(ea);
    ssem_engine_free(eb);
    return 0;
}

void ssem_random_store(ssem_t *m, uint64_t *seed)
{
    bool lenient = m->lenient;
    memset(m, 0, sizeof *m);
    m->lenient = lenient;
    for (uint32_t l = 0; l < SSEM_LINES; l++) {
        /* splitmix64: one well-mixed 64-bit number per line */
        uint64_t z = (*seed += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        uint32_t r = (uint32_t)z, kind = (uint32_t)(z >> 32) % 8u;
        uint32_t plain = ssem_make_instruction((r >> 5) & 7u, r & SSEM_LINE_MASK);
        switch (kind) {
        case 0: m->store[l] = r; break;                          /* anything        */
        case 1: m->store[l] = r % 32u; break;                    /* a jump word     */
        case 2: m->store[l] = 0u - (r % 8u); break;              /* small negative  */
        case 3: m->store[l] = (r & 0xFFFF0000u) | plain; break;  /* picture bits    */
        default: m->store[l] = plain; break;                     /* an instruction  */
        }
    }
}
