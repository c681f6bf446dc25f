/*
 * history.c - time travel for the debugger and the panel (see history.h).
 *
 * The timeline from the start state `snap[0]` is recorded as snapshots at
 * every multiple of K steps (K a power of two) up to the furthest step run
 * (`last`); halted states (lamp lit) are not snapshotted, so that every
 * snapshot can be run on directly. When the array is full, K doubles and the
 * snapshots that are not multiples of the new K are dropped (snap[0] stays).
 * A state at step s is then the latest snapshot at or before s, run with the
 * exact budget; where the operator resumed a halted machine (the steps in
 * `resumes`), the replay resumes it too.
 */
#include "history.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define HISTORY_FIRST_K 256u
#define HISTORY_MIN_SNAPSHOTS 4u

struct history {
    ssem_engine_t *engine;
    ssem_t cur;        /* the current state                                 */
    ssem_t *snap;      /* snap[0] the start; then steps % k == 0, ascending */
    size_t nsnap, cap;
    uint64_t k;        /* the snapshot interval, a power of two             */
    uint64_t last;     /* the furthest step of this timeline run so far     */
    uint64_t *resumes; /* ascending: steps at which a halted machine resumed */
    size_t nres, rescap;
    uint32_t breakpoints, watches;
};

history_t *history_new(const ssem_t *start, ssem_engine_t *engine, size_t max_snapshots)
{
    history_t *h = calloc(1, sizeof *h);
    if (h == NULL)
        return NULL;
    h->cap = max_snapshots == 0 ? HISTORY_DEFAULT_SNAPSHOTS : max_snapshots;
    if (h->cap < HISTORY_MIN_SNAPSHOTS)
        h->cap = HISTORY_MIN_SNAPSHOTS;
    h->snap = malloc(h->cap * sizeof *h->snap);
    if (h->snap == NULL) {
        free(h);
        return NULL;
    }
    h->engine = engine;
    history_rebase(h, start);
    return h;
}

void history_free(history_t *h)
{
    if (h == NULL)
        return;
    free(h->snap);
    free(h->resumes);
    free(h);
}

const ssem_t *history_state(const history_t *h) { return &h->cur; }
uint64_t history_first_step(const history_t *h) { return h->snap[0].steps; }
uint64_t history_last_step(const history_t *h) { return h->last; }
void history_set_breakpoints(history_t *h, uint32_t mask) { h->breakpoints = mask; }
void history_set_watches(history_t *h, uint32_t mask) { h->watches = mask; }
uint32_t history_breakpoints(const history_t *h) { return h->breakpoints; }
uint32_t history_watches(const history_t *h) { return h->watches; }

size_t history_memory(const history_t *h)
{
    return sizeof *h + h->cap * sizeof *h->snap + h->rescap * sizeof *h->resumes;
}

void history_rebase(history_t *h, const ssem_t *m)
{
    h->cur = *m;
    h->snap[0] = h->cur;
    h->nsnap = 1;
    h->k = HISTORY_FIRST_K;
    h->last = m->steps;
    h->nres = 0;
}

/* ------------------------------------------------------------ internals */

static bool has_resume(const history_t *h, uint64_t step)
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
static int add_resume(history_t *h, uint64_t step)
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
static size_t snapshot_at_or_before(const history_t *h, uint64_t step)
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
static void note(history_t *h, const ssem_t *m)
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

/* Is state m a breakpoint hit: lamp off and the next fetch from a marked line? */
static bool break_hit(uint32_t mask, const ssem_t *m)
{
    return !m->lamp && ((mask >> ((m->ci + 1u) & SSEM_LINE_MASK)) & 1u);
}

/* Clears a halted machine's lamp where the recorded timeline resumed it.
 * Returns false when m stays stopped. */
static bool replay_resume(const history_t *h, ssem_t *m)
{
    if (!m->lamp)
        return true;
    if (m->fault || !has_resume(h, m->steps))
        return false;
    ssem_resume(m);
    return true;
}

/* The state at `target` (<= last) into *out, from the nearest snapshot. */
static int replay(history_t *h, uint64_t target, ssem_t *out)
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
        ssem_stop_t why = ssem_engine_run(h->engine, &m, target - m.steps, 0);
        if (why == SSEM_FAULT)
            return -1;
    }
    *out = m;
    return 0;
}

/* One step by the reference step, for watches: fills *hit when the step
 * changed a watched line. Returns the step's result. */
static ssem_stop_t watched_step(uint32_t watches, ssem_t *m, history_stop_t *hit, bool *hitp)
{
    /* the word about to be fetched (the same index in lenient mode) */
    uint32_t w = m->store[(m->ci + 1u) & SSEM_LINE_MASK];
    uint32_t n = ssem_word_line(w);
    bool store_to_watched = ssem_word_function(w) == 3u && ((watches >> n) & 1u);
    uint32_t old = m->store[n];
    ssem_stop_t why = ssem_step(m);
    *hitp = false;
    if (store_to_watched && why != SSEM_FAULT && m->store[n] != old) {
        hit->why = HISTORY_WATCH;
        hit->line = n;
        hit->old_word = old;
        hit->new_word = m->store[n];
        *hitp = true;
    }
    return why;
}

static history_stop_t stop_of(history_why_t why, uint32_t line)
{
    history_stop_t s = {why, line, 0, 0};
    return s;
}

static history_stop_t stop_from_engine(ssem_stop_t why, const ssem_t *m)
{
    switch (why) {
    case SSEM_HALTED:
        return stop_of(HISTORY_HALTED, 0);
    case SSEM_FAULT:
        return stop_of(HISTORY_FAULT, 0);
    case SSEM_BREAK:
        return stop_of(HISTORY_BREAK, (m->ci + 1u) & SSEM_LINE_MASK);
    default:
        return stop_of(HISTORY_LIMIT, 0);
    }
}

/* -------------------------------------------------------------- forward */

/* history_run with the breakpoints given (history_step_over passes none). */
static history_stop_t run_masked(history_t *h, uint64_t budget, uint32_t breakpoints)
{
    ssem_t *m = &h->cur;
    if (budget == 0)
        return stop_of(HISTORY_LIMIT, 0);
    if (m->lamp) {
        if (m->fault)
            return stop_of(HISTORY_FAULT, 0);
        if (add_resume(h, m->steps) != 0)
            return stop_of(HISTORY_HALTED, 0); /* out of memory: stay stopped */
        ssem_resume(m);
    }
    uint64_t done = 0;
    if (h->watches != 0u) {
        while (done < budget) {
            if (break_hit(breakpoints, m))
                return stop_of(HISTORY_BREAK, (m->ci + 1u) & SSEM_LINE_MASK);
            history_stop_t hit;
            bool hitp;
            ssem_stop_t why = watched_step(h->watches, m, &hit, &hitp);
            if (why == SSEM_FAULT)
                return stop_of(HISTORY_FAULT, 0);
            done++;
            note(h, m);
            if (hitp)
                return hit;
            if (why == SSEM_HALTED)
                return stop_of(HISTORY_HALTED, 0);
        }
        return stop_of(HISTORY_LIMIT, 0);
    }
    while (done < budget) {
        uint64_t to_boundary = h->k - (m->steps & (h->k - 1u));
        uint64_t chunk = budget - done < to_boundary ? budget - done : to_boundary;
        uint64_t before = m->steps;
        ssem_stop_t why = ssem_engine_run(h->engine, m, chunk, breakpoints);
        done += m->steps - before;
        note(h, m);
        if (why != SSEM_LIMIT)
            return stop_from_engine(why, m);
    }
    return stop_of(HISTORY_LIMIT, 0);
}

history_stop_t history_run(history_t *h, uint64_t budget)
{
    return run_masked(h, budget, h->breakpoints);
}

history_stop_t history_step_over(history_t *h) { return run_masked(h, 1, 0); }

int history_seek(history_t *h, uint64_t step)
{
    ssem_t m;
    if (replay(h, step, &m) != 0)
        return -1;
    h->cur = m;
    return 0;
}

/* ------------------------------------------------------------- backward */

/* Runs the interval from snapshot *start to state `end` (> start->steps) and
 * keeps in *found the latest state s in (start, end] that is a hit, with its
 * stop in *why. Returns whether there was one. */
static bool scan_interval(history_t *h, const ssem_t *start, uint64_t end, ssem_t *found,
                          history_stop_t *why)
{
    ssem_t m = *start;
    bool any = false;
    if (h->watches != 0u) {
        while (m.steps < end) {
            if (!replay_resume(h, &m))
                break;
            history_stop_t hit;
            bool hitp;
            if (watched_step(h->watches, &m, &hit, &hitp) == SSEM_FAULT)
                break;
            if (hitp) {
                *found = m, *why = hit, any = true;
            } else if (break_hit(h->breakpoints, &m)) {
                *found = m, any = true;
                *why = stop_of(HISTORY_BREAK, (m.ci + 1u) & SSEM_LINE_MASK);
            }
        }
        return any;
    }
    while (m.steps < end) {
        if (!replay_resume(h, &m))
            break;
        ssem_stop_t r = ssem_engine_run(h->engine, &m, end - m.steps, h->breakpoints);
        if (r == SSEM_FAULT)
            break;
        if (r != SSEM_BREAK)
            continue;
        if (m.steps > start->steps) { /* the interval is (start, end] */
            *found = m, any = true;
            *why = stop_of(HISTORY_BREAK, (m.ci + 1u) & SSEM_LINE_MASK);
        }
        if (ssem_step(&m) == SSEM_FAULT) /* step over it and search on */
            break;
    }
    if (m.steps == end && break_hit(h->breakpoints, &m)) { /* no budget left to see it */
        *found = m, any = true;
        *why = stop_of(HISTORY_BREAK, (m.ci + 1u) & SSEM_LINE_MASK);
    }
    return any;
}

history_stop_t history_reverse_continue(history_t *h)
{
    uint64_t first = h->snap[0].steps;
    /* the latest candidate: the step before, or the state before a fault */
    uint64_t e = h->cur.fault ? h->cur.steps : h->cur.steps - (h->cur.steps > first);
    if (h->cur.steps == first && !h->cur.fault) {
        h->cur = h->snap[0];
        return stop_of(HISTORY_START, 0);
    }
    ssem_t found;
    history_stop_t why;
    while (e > first) {
        size_t i = snapshot_at_or_before(h, e - 1u); /* its steps < e */
        if (scan_interval(h, &h->snap[i], e, &found, &why)) {
            h->cur = found;
            return why;
        }
        e = h->snap[i].steps;
    }
    h->cur = h->snap[0];
    if (break_hit(h->breakpoints, &h->cur))
        return stop_of(HISTORY_BREAK, (h->cur.ci + 1u) & SSEM_LINE_MASK);
    return stop_of(HISTORY_START, 0);
}

size_t history_last(history_t *h, size_t n, history_entry_t *out)
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
        uint32_t line = (m.ci + 1u) & SSEM_LINE_MASK;
        if (ssem_step(&m) == SSEM_FAULT)
            break;
        out[got].step = m.steps;
        out[got].line = line;
        out[got].ci = m.ci;
        out[got].pi = m.pi;
        out[got].a = m.a;
        got++;
    }
    return got;
}
