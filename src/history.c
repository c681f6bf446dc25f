/*
 * history.c - time travel as a library layer (ssem_history_*, declared in
 * include/ssem.h), for any front end: `ssem debug`, `ssem panel`, a web page.
 *
 * Like Lua's lauxlib it uses only the public API (ssem.h): the reference
 * step, the engines, resume. Nothing here knows how a machine is stored
 * beyond the public struct.
 *
 * The timeline from the start state snap[0] is recorded as snapshots at every
 * multiple of K steps (K a power of two) up to the furthest step run (`last`);
 * halted states (lamp lit) are not snapshotted, so that every snapshot can be
 * run on directly. When the array is full, K doubles and the snapshots that
 * are not multiples of the new K are dropped (snap[0] stays). A state at step
 * s is the latest snapshot at or before s, run with the exact budget by the
 * engine; where the operator resumed a halted machine (the steps in
 * `resumes`), the replay resumes it too.
 *
 * Runs with breakpoints or watches, and searches backwards (reverse-continue:
 * each snapshot interval, latest first, run forward keeping its last hit),
 * must look at every state where a hit can be, but only there. One loop does
 * both (scan): the fast engine runs with a mask of "stop lines" and stops
 * before a fetch from one of them at full speed; the step from there is the
 * reference step, looking. The stop lines are the breakpoints, and, with
 * store lines watched, every line whose word could change a watched line
 * (stop_mask says why that is exact). Only watches on A or CI make every
 * step a candidate (nearly every step changes them): those step by the
 * reference step throughout. So a search costs about what the forward run
 * did, and lands on exactly the state a step-by-step search would. A search
 * polls the caller's interrupt flag between slices, so a long one can be
 * stopped.
 */
#include "ssem.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define FIRST_K 256u
#define MIN_SNAPSHOTS 4u
/* the most steps an engine runs between two looks at the interrupt flag (a
 * few ms); the reference step looks every POLL_STEPS */
#define ENGINE_CHUNK (1ull << 22)
#define POLL_STEPS 65536u

struct ssem_history {
    ssem_engine_t *engine; /* the caller's: seeks and runs with nothing to look at */
    ssem_engine_t *scan;   /* our own fast engine: runs that stop at lines      */
    ssem_t cur;        /* the current state                                 */
    ssem_t *snap;      /* snap[0] the start; then steps % k == 0, ascending */
    size_t nsnap, cap;
    uint64_t k;        /* the snapshot interval, a power of two             */
    uint64_t last;     /* the furthest step of this timeline run so far     */
    uint64_t *resumes; /* ascending: steps at which a halted machine resumed */
    size_t nres, rescap;
    uint32_t breakpoints;
    uint64_t watches;
    ssem_history_cond_t cond, watch_cond;
    void *cond_ctx, *watch_cond_ctx;
    const volatile sig_atomic_t *interrupt;
    uint64_t replayed;     /* steps re-executed to go back, for tests       */
    uint64_t replayed_ref; /* of which by the reference step, looking       */
};


ssem_history_t *ssem_history_new(const ssem_t *start, ssem_engine_t *engine,
                                 size_t max_snapshots)
{
    ssem_history_t *h = calloc(1, sizeof *h);
    if (h == NULL)
        return NULL;
    h->cap = max_snapshots == 0 ? SSEM_HISTORY_DEFAULT_SNAPSHOTS : max_snapshots;
    if (h->cap < MIN_SNAPSHOTS)
        h->cap = MIN_SNAPSHOTS;
    h->snap = malloc(h->cap * sizeof *h->snap);
    h->scan = ssem_engine_new("fast");
    if (h->snap == NULL || h->scan == NULL) {
        ssem_engine_free(h->scan);
        free(h->snap);
        free(h);
        return NULL;
    }
    h->engine = engine;
    ssem_history_rebase(h, start);
    return h;
}

void ssem_history_free(ssem_history_t *h)
{
    if (h == NULL)
        return;
    ssem_engine_free(h->scan);
    free(h->snap);
    free(h->resumes);
    free(h);
}

const ssem_t *ssem_history_state(const ssem_history_t *h) { return &h->cur; }
uint64_t ssem_history_first_step(const ssem_history_t *h) { return h->snap[0].steps; }
uint64_t ssem_history_last_step(const ssem_history_t *h) { return h->last; }
void ssem_history_set_breakpoints(ssem_history_t *h, uint32_t mask) { h->breakpoints = mask; }
uint32_t ssem_history_breakpoints(const ssem_history_t *h) { return h->breakpoints; }
uint64_t ssem_history_watches(const ssem_history_t *h) { return h->watches; }
uint64_t ssem_history_replayed(const ssem_history_t *h) { return h->replayed; }
uint64_t ssem_history_replayed_ref(const ssem_history_t *h) { return h->replayed_ref; }

void ssem_history_set_watches(ssem_history_t *h, uint64_t mask)
{
    h->watches = mask & (SSEM_WATCH_BIT(SSEM_WATCH_CI + 1u) - 1u);
}

void ssem_history_set_condition(ssem_history_t *h, ssem_history_cond_t cond, void *ctx)
{
    h->cond = cond;
    h->cond_ctx = ctx;
}

void ssem_history_set_watch_condition(ssem_history_t *h, ssem_history_cond_t cond, void *ctx)
{
    h->watch_cond = cond;
    h->watch_cond_ctx = ctx;
}

void ssem_history_set_interrupt(ssem_history_t *h, const volatile sig_atomic_t *flag)
{
    h->interrupt = flag;
}

size_t ssem_history_memory(const ssem_history_t *h)
{
    return sizeof *h + h->cap * sizeof *h->snap + h->rescap * sizeof *h->resumes;
}

void ssem_history_rebase(ssem_history_t *h, const ssem_t *m)
{
    h->cur = *m;
    h->snap[0] = *m;
    h->nsnap = 1;
    h->k = FIRST_K;
    h->last = m->steps;
    h->nres = 0;
}

/* ------------------------------------------------------------ internals */

static bool interrupted(const ssem_history_t *h)
{
    return h->interrupt != NULL && *h->interrupt != 0;
}

static bool has_resume(const ssem_history_t *h, uint64_t step)
{
    size_t lo = 0, hi = h->nres;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (h->resumes[mid] < step)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < h->nres && h->resumes[lo] == step;
}

/* Records a resume at `step` (resumes happen at the end of the timeline, or
 * again where one is already recorded). Returns -1 when out of memory. */
static int add_resume(ssem_history_t *h, uint64_t step)
{
    if (has_resume(h, step))
        return 0;
    if (h->nres == h->rescap) {
        size_t cap = h->rescap ? 2 * h->rescap : 16;
        uint64_t *bigger = realloc(h->resumes, cap * sizeof *bigger);
        if (bigger == NULL)
            return -1;
        h->resumes = bigger;
        h->rescap = cap;
    }
    size_t i = h->nres;
    while (i > 0 && h->resumes[i - 1] > step) {
        h->resumes[i] = h->resumes[i - 1];
        i--;
    }
    h->resumes[i] = step;
    h->nres++;
    return 0;
}

/* The index of the latest snapshot with steps <= step (snap[0] at least). */
static size_t snapshot_at_or_before(const ssem_history_t *h, uint64_t step)
{
    size_t lo = 1, hi = h->nsnap; /* first index in [1, nsnap) with steps > step */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (h->snap[mid].steps <= step)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo - 1;
}

/* Keeps m as a snapshot when it is on a K boundary past the last one. */
static void note(ssem_history_t *h, const ssem_t *m)
{
    if (m->steps > h->last)
        h->last = m->steps;
    if (m->lamp || (m->steps & (h->k - 1u)) != 0u || m->steps <= h->snap[h->nsnap - 1].steps)
        return;
    while (h->nsnap == h->cap) { /* thin: double K, keep its multiples */
        h->k *= 2u;
        size_t kept = 1;
        for (size_t i = 1; i < h->nsnap; i++)
            if ((h->snap[i].steps & (h->k - 1u)) == 0u)
                h->snap[kept++] = h->snap[i];
        h->nsnap = kept;
        if ((m->steps & (h->k - 1u)) != 0u)
            return;
    }
    h->snap[h->nsnap++] = *m;
}

/* The line the next fetch is from (in lenient mode too). */
static uint32_t next_line(const ssem_t *m) { return (m->ci + 1u) & SSEM_LINE_MASK; }

/* Is state m a hit of the breakpoints in mask: lamp off, the next fetch
 * from a marked line, and the caller's condition (if any) holds? */
static bool break_hit_of(const ssem_history_t *h, uint32_t mask, const ssem_t *m)
{
    if (m->lamp || ((mask >> next_line(m)) & 1u) == 0u)
        return false;
    return h->cond == NULL || h->cond(h->cond_ctx, next_line(m), m);
}

/* Clears a halted machine's lamp where the recorded timeline resumed it.
 * Returns false when m stays stopped. */
static bool replay_resume(const ssem_history_t *h, ssem_t *m)
{
    if (!m->lamp)
        return true;
    if (m->fault || !has_resume(h, m->steps))
        return false;
    ssem_resume(m);
    return true;
}

/* The state at `target` (<= last) into *out, from the nearest snapshot. */
static int replay(ssem_history_t *h, uint64_t target, ssem_t *out)
{
    if (target < h->snap[0].steps || target > h->last)
        return -1;
    ssem_t m = h->snap[snapshot_at_or_before(h, target)];
    /* running on from the current state is cheaper when it lies between */
    if (h->cur.steps <= target && h->cur.steps > m.steps && !h->cur.lamp)
        m = h->cur;
    while (m.steps < target) {
        if (!replay_resume(h, &m))
            return -1;
        uint64_t before = m.steps;
        ssem_stop_t why = ssem_engine_run(h->engine, &m, target - m.steps, 0);
        h->replayed += m.steps - before;
        if (why == SSEM_FAULT)
            return -1;
    }
    *out = m;
    return 0;
}

/* What one step did to the watch targets. */
typedef struct observed {
    uint64_t changed; /* targets whose value the step changed */
    uint32_t line;    /* the operand line of the word executed */
    uint32_t old_line, old_a, old_ci;
} observed_t;

/* One step by the reference step, noting the targets it changed. */
static ssem_stop_t observed_step(ssem_t *m, observed_t *o)
{
    /* the word about to be fetched: only a STO to its operand line can
     * change the store */
    o->line = ssem_word_line(m->store[next_line(m)]);
    o->old_line = m->store[o->line];
    o->old_a = m->a;
    o->old_ci = m->ci;
    ssem_stop_t why = ssem_step(m);
    o->changed = 0;
    if (why == SSEM_FAULT)
        return why;
    if (m->store[o->line] != o->old_line)
        o->changed |= SSEM_WATCH_BIT(o->line);
    if (m->a != o->old_a)
        o->changed |= SSEM_WATCH_BIT(SSEM_WATCH_A);
    if (m->ci != o->old_ci)
        o->changed |= SSEM_WATCH_BIT(SSEM_WATCH_CI);
    return why;
}

static ssem_history_stop_t stop_of(ssem_history_why_t why, uint32_t line)
{
    ssem_history_stop_t s = {why, line, 0, 0};
    return s;
}

/* Does the watch on `target` (changed by the step to m) hit: its condition,
 * evaluated on the state after the step, holds (or there is none)? */
static bool watch_cond_holds(const ssem_history_t *h, uint32_t target, const ssem_t *m)
{
    return h->watch_cond == NULL || h->watch_cond(h->watch_cond_ctx, target, m);
}

/* The watch hit of a step (a line first, then A, then CI; the first of them
 * whose condition holds), if any. */
static bool watch_hit(const ssem_history_t *h, const observed_t *o, const ssem_t *m,
                      ssem_history_stop_t *hit)
{
    uint64_t w = o->changed & h->watches;
    if (w == 0)
        return false;
    if ((w & SSEM_WATCH_BIT(o->line)) && watch_cond_holds(h, o->line, m)) {
        *hit = stop_of(SSEM_HISTORY_WATCH, o->line);
        hit->old_word = o->old_line, hit->new_word = m->store[o->line];
        return true;
    }
    if ((w & SSEM_WATCH_BIT(SSEM_WATCH_A)) && watch_cond_holds(h, SSEM_WATCH_A, m)) {
        *hit = stop_of(SSEM_HISTORY_WATCH, SSEM_WATCH_A);
        hit->old_word = o->old_a, hit->new_word = m->a;
        return true;
    }
    if ((w & SSEM_WATCH_BIT(SSEM_WATCH_CI)) && watch_cond_holds(h, SSEM_WATCH_CI, m)) {
        *hit = stop_of(SSEM_HISTORY_WATCH, SSEM_WATCH_CI);
        hit->old_word = o->old_ci, hit->new_word = m->ci;
        return true;
    }
    return false;
}

/* ----------------------------------------------------------------- scan */

#define REGISTER_WATCHES (SSEM_WATCH_BIT(SSEM_WATCH_A) | SSEM_WATCH_BIT(SSEM_WATCH_CI))

/* The lines before whose fetch a scan must stop and take the step itself,
 * looking: the breakpoints, and, when store lines (`watched`) are watched,
 * what could change one of them.
 *
 * Why that is exact: take any set D of lines ("data") that holds no watched
 * line, and stop before a fetch from a line of D, and from every line whose
 * word is a STO to a line outside D. Then, while the engine runs on without
 * stopping, every step obeys a word at a line outside D that is not such a
 * STO: so the only stores are into D, the words outside D stay as they were
 * when the mask was made (the mask stays true), and no watched line
 * changes. The mask is made again after every stop. D starts as the lines
 * that the store's STOs write (a program's variables); a line of D that is
 * fetched (self-modifying code) leaves D, so that the STOs into it stop
 * instead, rather than every fetch of it. */
static uint32_t stop_mask(const ssem_t *m, uint32_t breakpoints, uint32_t watched, uint32_t data)
{
    if (watched == 0u)
        return breakpoints;
    uint32_t mask = breakpoints | data;
    for (uint32_t l = 0; l < SSEM_LINES; l++) {
        uint32_t w = m->store[l];
        if (ssem_word_function(w) == SSEM_F3 && ((data >> ssem_word_line(w)) & 1u) == 0u)
            mask |= 1u << l;
    }
    return mask;
}

/* The lines the STOs of the store write, but the watched ones. */
static uint32_t data_lines(const ssem_t *m, uint32_t watched)
{
    uint32_t data = 0;
    for (uint32_t l = 0; l < SSEM_LINES; l++)
        if (ssem_word_function(m->store[l]) == SSEM_F3)
            data |= 1u << ssem_word_line(m->store[l]);
    return data & ~watched;
}

/* A scan: forward (a run) stops at the first hit and records snapshots;
 * backward (a search over one interval) keeps the last hit. */
typedef struct scan {
    bool forward;
    uint32_t breakpoints;
    ssem_history_stop_t stop; /* forward: why it stopped; backward: the last hit's */
    bool any;                 /* backward: a hit was found                        */
    ssem_t found;             /* backward: its state                              */
} scan_t;

enum { SCAN_END, SCAN_STOP, SCAN_INTERRUPTED };

/* A hit at state m. Returns true when the scan stops there (forward). */
static bool hit(scan_t *sc, const ssem_t *m, ssem_history_stop_t why)
{
    sc->stop = why;
    if (sc->forward)
        return true;
    sc->any = true;
    sc->found = *m;
    return false;
}

/* Runs *m on to step `end`, looking at every state after it where a
 * breakpoint or watch could hit, and (forward) at m itself. Returns
 * SCAN_STOP (forward: a hit, STP or a fault, in sc->stop), SCAN_END (end
 * reached, or backward: the timeline ends there, at an STP not resumed or a
 * fault) or SCAN_INTERRUPTED. */
static int scan(ssem_history_t *h, ssem_t *m, uint64_t end, scan_t *sc)
{
    const uint32_t watched = (uint32_t)(h->watches & 0xFFFFFFFFu);
    const bool every_step = (h->watches & REGISTER_WATCHES) != 0u;
    uint32_t data = data_lines(m, watched);
    /* the stop mask, made again only when it may have changed: after a STO
     * by the reference step, or when data shrinks (the engine's runs store
     * only into data, which the mask does not depend on: see stop_mask) */
    uint32_t mask = 0;
    bool stale = true;
    bool look = sc->forward; /* is the break at m still to be looked at? */
    uint64_t polled = m->steps;
    for (;;) {
        if (look && (m->steps < end || !sc->forward) && break_hit_of(h, sc->breakpoints, m) &&
            hit(sc, m, stop_of(SSEM_HISTORY_BREAK, next_line(m))))
            return SCAN_STOP;
        look = false;
        if (m->steps >= end)
            return SCAN_END;
        if (m->steps - polled >= POLL_STEPS) { /* a long stretch by the reference step */
            polled = m->steps;
            if (interrupted(h))
                return SCAN_INTERRUPTED;
        }
        if (m->lamp && !replay_resume(h, m))
            return SCAN_END; /* backward only: a forward run stops at the STP */
        uint64_t before = m->steps;
        if (stale) {
            mask = every_step ? 0xFFFFFFFFu : stop_mask(m, sc->breakpoints, watched, data);
            stale = false;
        }
        if (((mask >> next_line(m)) & 1u) == 0u) {
            /* nothing can hit before the next stop line: the engine runs */
            uint64_t budget = end - m->steps;
            if (sc->forward) { /* chunks end on snapshot boundaries */
                uint64_t to_boundary = h->k - (m->steps & (h->k - 1u));
                if (budget > to_boundary)
                    budget = to_boundary;
            }
            if (budget > ENGINE_CHUNK)
                budget = ENGINE_CHUNK;
            ssem_stop_t why = ssem_engine_run(mask ? h->scan : h->engine, m, budget, mask);
            if (sc->forward)
                note(h, m);
            else
                h->replayed += m->steps - before;
            if (why == SSEM_FAULT) {
                sc->stop = stop_of(SSEM_HISTORY_FAULT, 0);
                return sc->forward ? SCAN_STOP : SCAN_END;
            }
            if (why == SSEM_HALTED && sc->forward) {
                sc->stop = stop_of(SSEM_HISTORY_HALTED, 0);
                return SCAN_STOP;
            }
            if (interrupted(h)) /* between slices */
                return SCAN_INTERRUPTED;
            look = true; /* where it stopped: a stop line, or the budget's end */
            continue;
        }
        /* the next fetch is from a stop line: the reference step, looking */
        if ((data >> next_line(m)) & 1u) {
            data &= ~(1u << next_line(m)); /* code after all: see stop_mask */
            stale = true;
        }
        observed_t o;
        ssem_history_stop_t w;
        ssem_stop_t why = observed_step(m, &o);
        if (ssem_word_function(m->pi) == SSEM_F3)
            stale = true; /* it wrote a line */
        if (why == SSEM_FAULT) {
            sc->stop = stop_of(SSEM_HISTORY_FAULT, 0);
            return sc->forward ? SCAN_STOP : SCAN_END;
        }
        if (sc->forward) {
            note(h, m);
        } else {
            h->replayed++;
            h->replayed_ref++;
        }
        if (watch_hit(h, &o, m, &w)) {
            if (hit(sc, m, w))
                return SCAN_STOP;
        } else {
            look = true;
        }
        if (why == SSEM_HALTED && sc->forward) {
            sc->stop = stop_of(SSEM_HISTORY_HALTED, 0);
            return SCAN_STOP;
        }
    }
}

/* -------------------------------------------------------------- forward */

/* ssem_history_run with the breakpoints given (step-over passes none). */
static ssem_history_stop_t run_masked(ssem_history_t *h, uint64_t budget, uint32_t breakpoints)
{
    ssem_t *m = &h->cur;
    if (m->lamp && m->fault)
        return stop_of(SSEM_HISTORY_FAULT, 0);
    /* the step count never wraps: a machine at 2^64 - 1 steps stays there */
    if (budget > ssem_steps_left(m))
        budget = ssem_steps_left(m);
    if (budget == 0)
        return stop_of(SSEM_HISTORY_LIMIT, 0);
    if (m->lamp) {
        if (add_resume(h, m->steps) != 0)
            return stop_of(SSEM_HISTORY_HALTED, 0); /* out of memory: stay stopped */
        ssem_resume(m);
    }
    scan_t sc;
    memset(&sc, 0, sizeof sc);
    sc.forward = true;
    sc.breakpoints = breakpoints;
    switch (scan(h, m, m->steps + budget, &sc)) {
    case SCAN_STOP:
        return sc.stop;
    case SCAN_INTERRUPTED:
        return stop_of(SSEM_HISTORY_INTERRUPTED, 0);
    default:
        return stop_of(SSEM_HISTORY_LIMIT, 0);
    }
}

ssem_history_stop_t ssem_history_run(ssem_history_t *h, uint64_t budget)
{
    return run_masked(h, budget, h->breakpoints);
}

ssem_history_stop_t ssem_history_step_over(ssem_history_t *h)
{
    return run_masked(h, 1, 0);
}

int ssem_history_seek(ssem_history_t *h, uint64_t step)
{
    ssem_t m;
    if (replay(h, step, &m) != 0)
        return -1;
    h->cur = m;
    return 0;
}

/* ------------------------------------------------------------- backward */

ssem_history_stop_t ssem_history_reverse_continue(ssem_history_t *h)
{
    uint64_t first = h->snap[0].steps;
    if (h->cur.steps == first && !h->cur.fault) {
        h->cur = h->snap[0];
        return stop_of(SSEM_HISTORY_START, 0);
    }
    /* the latest candidate: the step before, or the state before a fault */
    uint64_t e = h->cur.fault ? h->cur.steps : h->cur.steps - 1u;
    while (e > first) {
        size_t i = snapshot_at_or_before(h, e - 1u); /* its steps < e */
        if (interrupted(h))
            return stop_of(SSEM_HISTORY_INTERRUPTED, 0);
        scan_t sc;
        memset(&sc, 0, sizeof sc);
        sc.breakpoints = h->breakpoints;
        ssem_t m = h->snap[i];
        if (scan(h, &m, e, &sc) == SCAN_INTERRUPTED)
            return stop_of(SSEM_HISTORY_INTERRUPTED, 0);
        if (sc.any) {
            h->cur = sc.found;
            return sc.stop;
        }
        e = h->snap[i].steps;
    }
    h->cur = h->snap[0];
    if (break_hit_of(h, h->breakpoints, &h->cur))
        return stop_of(SSEM_HISTORY_BREAK, next_line(&h->cur));
    return stop_of(SSEM_HISTORY_START, 0);
}

size_t ssem_history_last(ssem_history_t *h, size_t n, ssem_history_entry_t *out)
{
    uint64_t first = h->snap[0].steps, now = h->cur.steps;
    uint64_t from = now - first < n ? first : now - n;
    ssem_t m;
    if (n == 0 || replay(h, from, &m) != 0)
        return 0;
    size_t got = 0;
    while (m.steps < now && got < n) {
        if (!replay_resume(h, &m))
            break;
        uint32_t line = next_line(&m);
        if (ssem_step(&m) == SSEM_FAULT)
            break;
        h->replayed++;
        out[got].step = m.steps;
        out[got].line = line;
        out[got].ci = m.ci;
        out[got].pi = m.pi;
        out[got].a = m.a;
        got++;
    }
    return got;
}
