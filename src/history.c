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
 * Searching backwards (reverse-continue) must look at every step, so it runs
 * the reference step. To keep a second search from doing that again, each
 * snapshot remembers what the steps after it did, once a search has looked
 * at them: the lines that were about to be fetched and the watch targets
 * that changed. An interval whose summary shows that no breakpoint or watch
 * now set could fire there is skipped without running a step; the summaries
 * merge when snapshots are thinned. A search also polls the caller's
 * interrupt flag, so a long one can be stopped.
 */
#include "ssem.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define FIRST_K 256u
#define MIN_SNAPSHOTS 4u
/* the most steps between two looks at the interrupt flag: ~1 ms by the
 * reference step, a fraction of that by an engine */
#define POLL_STEPS 65536u
#define ENGINE_CHUNK (1ull << 22)

typedef struct snap {
    ssem_t m;
    /* what the steps after m did, for the states in (m.steps, seen];
     * seen == m.steps: not known yet */
    uint64_t seen;
    uint32_t next_lines; /* lines about to be fetched, lamp off              */
    uint64_t changed;    /* watch targets changed (bit SSEM_WATCH_A / _CI too) */
} snap_t;

struct ssem_history {
    ssem_engine_t *engine;
    ssem_t cur;        /* the current state                                 */
    snap_t *snap;      /* snap[0] the start; then steps % k == 0, ascending */
    size_t nsnap, cap;
    uint64_t k;        /* the snapshot interval, a power of two             */
    uint64_t last;     /* the furthest step of this timeline run so far     */
    uint64_t *resumes; /* ascending: steps at which a halted machine resumed */
    size_t nres, rescap;
    uint32_t breakpoints;
    uint64_t watches;
    ssem_history_cond_t cond;
    void *cond_ctx;
    const volatile sig_atomic_t *interrupt;
    uint64_t replayed; /* steps re-executed to go back, for tests           */
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
    if (h->snap == NULL) {
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
    free(h->snap);
    free(h->resumes);
    free(h);
}

const ssem_t *ssem_history_state(const ssem_history_t *h) { return &h->cur; }
uint64_t ssem_history_first_step(const ssem_history_t *h) { return h->snap[0].m.steps; }
uint64_t ssem_history_last_step(const ssem_history_t *h) { return h->last; }
void ssem_history_set_breakpoints(ssem_history_t *h, uint32_t mask) { h->breakpoints = mask; }
uint32_t ssem_history_breakpoints(const ssem_history_t *h) { return h->breakpoints; }
uint64_t ssem_history_watches(const ssem_history_t *h) { return h->watches; }
uint64_t ssem_history_replayed(const ssem_history_t *h) { return h->replayed; }

void ssem_history_set_watches(ssem_history_t *h, uint64_t mask)
{
    h->watches = mask & (SSEM_WATCH_BIT(SSEM_WATCH_CI + 1u) - 1u);
}

void ssem_history_set_condition(ssem_history_t *h, ssem_history_cond_t cond, void *ctx)
{
    h->cond = cond;
    h->cond_ctx = ctx;
}

void ssem_history_set_interrupt(ssem_history_t *h, const volatile sig_atomic_t *flag)
{
    h->interrupt = flag;
}

size_t ssem_history_memory(const ssem_history_t *h)
{
    return sizeof *h + h->cap * sizeof *h->snap + h->rescap * sizeof *h->resumes;
}

static void set_snap(snap_t *s, const ssem_t *m)
{
    s->m = *m;
    s->seen = m->steps;
    s->next_lines = 0;
    s->changed = 0;
}

void ssem_history_rebase(ssem_history_t *h, const ssem_t *m)
{
    h->cur = *m;
    set_snap(&h->snap[0], &h->cur);
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
        if (h->snap[mid].m.steps <= step)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo - 1;
}

/* Folds the summary of `next` (the snapshot after *s, being dropped) into
 * *s, when *s's summary reaches it: the two ranges are then contiguous. */
static void merge_summary(snap_t *s, const snap_t *next)
{
    if (s->seen < next->m.steps)
        return;
    if (next->seen > s->seen)
        s->seen = next->seen;
    s->next_lines |= next->next_lines;
    s->changed |= next->changed;
}

/* Keeps m as a snapshot when it is on a K boundary past the last one. */
static void note(ssem_history_t *h, const ssem_t *m)
{
    if (m->steps > h->last)
        h->last = m->steps;
    if (m->lamp || (m->steps & (h->k - 1u)) != 0u || m->steps <= h->snap[h->nsnap - 1].m.steps)
        return;
    while (h->nsnap == h->cap) { /* thin: double K, keep its multiples */
        h->k *= 2u;
        size_t kept = 1;
        for (size_t i = 1; i < h->nsnap; i++) {
            if ((h->snap[i].m.steps & (h->k - 1u)) == 0u)
                h->snap[kept++] = h->snap[i];
            else
                merge_summary(&h->snap[kept - 1], &h->snap[i]);
        }
        h->nsnap = kept;
        if ((m->steps & (h->k - 1u)) != 0u)
            return;
    }
    set_snap(&h->snap[h->nsnap], m);
    h->nsnap++;
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

static bool break_hit(const ssem_history_t *h, const ssem_t *m)
{
    return break_hit_of(h, h->breakpoints, m);
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
    if (target < h->snap[0].m.steps || target > h->last)
        return -1;
    ssem_t m = h->snap[snapshot_at_or_before(h, target)].m;
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

/* The watch hit of a step (a line first, then A, then CI), if any. */
static bool watch_hit(const ssem_history_t *h, const observed_t *o, const ssem_t *m,
                      ssem_history_stop_t *hit)
{
    uint64_t w = o->changed & h->watches;
    if (w == 0)
        return false;
    *hit = stop_of(SSEM_HISTORY_WATCH, o->line);
    if (w & SSEM_WATCH_BIT(o->line)) {
        hit->old_word = o->old_line, hit->new_word = m->store[o->line];
    } else if (w & SSEM_WATCH_BIT(SSEM_WATCH_A)) {
        hit->line = SSEM_WATCH_A, hit->old_word = o->old_a, hit->new_word = m->a;
    } else {
        hit->line = SSEM_WATCH_CI, hit->old_word = o->old_ci, hit->new_word = m->ci;
    }
    return true;
}

static ssem_history_stop_t stop_from_engine(ssem_stop_t why)
{
    switch (why) {
    case SSEM_HALTED:
        return stop_of(SSEM_HISTORY_HALTED, 0);
    case SSEM_FAULT:
        return stop_of(SSEM_HISTORY_FAULT, 0);
    default:
        return stop_of(SSEM_HISTORY_LIMIT, 0);
    }
}

/* -------------------------------------------------------------- forward */

/* With breakpoints or watches: the reference step, looking at every state
 * (a breakpoint stops the run before its first step too). */
static ssem_history_stop_t run_observed(ssem_history_t *h, uint64_t budget, uint32_t breakpoints)
{
    ssem_t *m = &h->cur;
    for (uint64_t done = 0; done < budget; done++) {
        if (break_hit_of(h, breakpoints, m))
            return stop_of(SSEM_HISTORY_BREAK, next_line(m));
        if (done > 0 && done % POLL_STEPS == 0 && interrupted(h))
            return stop_of(SSEM_HISTORY_INTERRUPTED, 0);
        observed_t o;
        ssem_history_stop_t hit;
        ssem_stop_t why = h->watches ? observed_step(m, &o) : ssem_step(m);
        if (why == SSEM_FAULT)
            return stop_of(SSEM_HISTORY_FAULT, 0);
        note(h, m);
        if (h->watches && watch_hit(h, &o, m, &hit))
            return hit;
        if (why == SSEM_HALTED)
            return stop_of(SSEM_HISTORY_HALTED, 0);
    }
    return stop_of(SSEM_HISTORY_LIMIT, 0);
}

/* Without: the engine, in chunks that end on snapshot boundaries. */
static ssem_history_stop_t run_engine(ssem_history_t *h, uint64_t budget)
{
    ssem_t *m = &h->cur;
    for (uint64_t done = 0; done < budget;) {
        if (done > 0 && interrupted(h))
            return stop_of(SSEM_HISTORY_INTERRUPTED, 0);
        uint64_t to_boundary = h->k - (m->steps & (h->k - 1u));
        uint64_t chunk = budget - done < to_boundary ? budget - done : to_boundary;
        if (chunk > ENGINE_CHUNK)
            chunk = ENGINE_CHUNK;
        uint64_t before = m->steps;
        ssem_stop_t why = ssem_engine_run(h->engine, m, chunk, 0);
        done += m->steps - before;
        note(h, m);
        if (why != SSEM_LIMIT)
            return stop_from_engine(why);
    }
    return stop_of(SSEM_HISTORY_LIMIT, 0);
}

/* ssem_history_run with the breakpoints given (step-over passes none). */
static ssem_history_stop_t run_masked(ssem_history_t *h, uint64_t budget, uint32_t breakpoints)
{
    ssem_t *m = &h->cur;
    if (m->lamp && m->fault)
        return stop_of(SSEM_HISTORY_FAULT, 0);
    /* the step count never wraps: a machine at 2^64 - 1 steps stays there */
    if (budget > UINT64_MAX - m->steps)
        budget = UINT64_MAX - m->steps;
    if (budget == 0)
        return stop_of(SSEM_HISTORY_LIMIT, 0);
    if (m->lamp) {
        if (add_resume(h, m->steps) != 0)
            return stop_of(SSEM_HISTORY_HALTED, 0); /* out of memory: stay stopped */
        ssem_resume(m);
    }
    if (h->watches != 0u || breakpoints != 0u)
        return run_observed(h, budget, breakpoints);
    return run_engine(h, budget);
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

/* Can a hit lie in the states (s->m.steps, end]? Only "maybe" unless a
 * search has already looked at all of them. */
static bool may_hit(const ssem_history_t *h, const snap_t *s, uint64_t end)
{
    if (s->seen < end)
        return true;
    return (s->next_lines & h->breakpoints) != 0u || (s->changed & h->watches) != 0u;
}

/* Runs snapshot i on to state `end` (> its steps) by the reference step and
 * keeps in *found the latest hit among the states after it, with its stop in
 * *why. Returns 1 for a hit, 0 for none, -1 when interrupted. A complete
 * scan leaves its summary in the snapshot. */
static int scan_interval(ssem_history_t *h, size_t i, uint64_t end, ssem_t *found,
                         ssem_history_stop_t *why)
{
    snap_t *s = &h->snap[i];
    ssem_t m = s->m;
    int any = 0;
    uint32_t next_lines = 0;
    uint64_t changed = 0;
    while (m.steps < end) {
        if (m.steps > s->m.steps && (m.steps - s->m.steps) % POLL_STEPS == 0 && interrupted(h))
            return -1;
        if (!replay_resume(h, &m))
            break;
        observed_t o;
        ssem_history_stop_t hit;
        if (observed_step(&m, &o) == SSEM_FAULT)
            break;
        h->replayed++;
        changed |= o.changed;
        if (!m.lamp)
            next_lines |= 1u << next_line(&m);
        if (watch_hit(h, &o, &m, &hit)) {
            *found = m, *why = hit, any = 1;
        } else if (break_hit(h, &m)) {
            *found = m, any = 1;
            *why = stop_of(SSEM_HISTORY_BREAK, next_line(&m));
        }
    }
    if (m.steps == end && end > s->seen) {
        s->seen = end;
        s->next_lines = next_lines;
        s->changed = changed;
    }
    return any;
}

ssem_history_stop_t ssem_history_reverse_continue(ssem_history_t *h)
{
    uint64_t first = h->snap[0].m.steps;
    if (h->cur.steps == first && !h->cur.fault) {
        h->cur = h->snap[0].m;
        return stop_of(SSEM_HISTORY_START, 0);
    }
    /* the latest candidate: the step before, or the state before a fault */
    uint64_t e = h->cur.fault ? h->cur.steps : h->cur.steps - 1u;
    ssem_t found;
    ssem_history_stop_t why;
    while (e > first) {
        size_t i = snapshot_at_or_before(h, e - 1u); /* its steps < e */
        if (interrupted(h))
            return stop_of(SSEM_HISTORY_INTERRUPTED, 0);
        if (may_hit(h, &h->snap[i], e)) {
            int r = scan_interval(h, i, e, &found, &why);
            if (r < 0)
                return stop_of(SSEM_HISTORY_INTERRUPTED, 0);
            if (r > 0) {
                h->cur = found;
                return why;
            }
        }
        e = h->snap[i].m.steps;
    }
    h->cur = h->snap[0].m;
    if (break_hit(h, &h->cur))
        return stop_of(SSEM_HISTORY_BREAK, next_line(&h->cur));
    return stop_of(SSEM_HISTORY_START, 0);
}

size_t ssem_history_last(ssem_history_t *h, size_t n, ssem_history_entry_t *out)
{
    uint64_t first = h->snap[0].m.steps, now = h->cur.steps;
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
