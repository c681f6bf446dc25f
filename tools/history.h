/*
 * history.h - time travel for `ssem debug` and `ssem panel`.
 *
 * A history holds a machine's timeline from a start state: the current state,
 * periodic snapshots (a copy of the ssem_t every K steps; at most
 * `max_snapshots` of them: when full, K doubles and every other snapshot is
 * dropped, so memory stays bounded however long the run), and the steps at
 * which the operator resumed a halted machine. Because a run is deterministic,
 * the exact state at any earlier step is the nearest snapshot at or before it
 * re-executed through the engine with the exact step budget.
 *
 *     history_t *h = history_new(&m, engine, 0);   // m: loaded, at step 0
 *     history_set_breakpoints(h, 1u << 13);
 *     history_stop_t st = history_run(h, UINT64_MAX); // st.why == HISTORY_BREAK
 *     history_seek(h, history_state(h)->steps - 3);   // reverse-step 3
 *     st = history_reverse_continue(h);               // previous break/watch hit
 *     const ssem_t *now = history_state(h);
 *     ...
 *     history_free(h);   // the engine is the caller's: free it afterwards
 *
 * Changing the machine other than by running it (the debugger's `set`, the
 * panel's typewriter and keys) goes through history_rebase: the changed state
 * becomes the new start and everything before it is forgotten, so going back
 * in time never shows a state that the edit made impossible. Resuming a
 * halted machine (STP) is recorded instead, and re-executed by seeks.
 *
 * A fault is not a step (SPEC section 4): a machine that faulted at step s
 * shows the fault in its current state, and history_seek(h, s) gives the
 * state before the failed fetch.
 *
 * All functions are O(1) or O(steps re-executed); nothing here prints.
 */
#ifndef SSEM_HISTORY_H
#define SSEM_HISTORY_H

#include "ssem.h"

#include <stddef.h>
#include <stdint.h>

typedef struct history history_t;

/* Why a motion stopped. */
typedef enum history_why {
    HISTORY_LIMIT,  /* the step budget was spent / the seek target reached      */
    HISTORY_HALTED, /* STP executed: the lamp is lit                            */
    HISTORY_FAULT,  /* a fetch faulted (CI bits 13-15): the lamp is lit         */
    HISTORY_BREAK,  /* the next fetch is from breakpoint line `line`            */
    HISTORY_WATCH,  /* the last step changed watched line `line`: old -> new    */
    HISTORY_START   /* (reverse) no earlier hit: at the start of the history    */
} history_why_t;

typedef struct history_stop {
    history_why_t why;
    uint32_t line;     /* BREAK, WATCH: the line                              */
    uint32_t old_word; /* WATCH: the line before the step                      */
    uint32_t new_word; /* WATCH: the line after it                             */
} history_stop_t;

/* One executed step, for the `history` listing. */
typedef struct history_entry {
    uint64_t step; /* the step's number: the count after it (1 is the first) */
    uint32_t line; /* the line executed: the CI it was fetched from, & 31    */
    uint32_t pi;   /* the word executed                                      */
    uint32_t a;    /* A after the step                                       */
    uint32_t ci;   /* CI after the step (all 32 bits; jumps and skips move it) */
} history_entry_t;

#define HISTORY_DEFAULT_SNAPSHOTS 4096u

/* A new history starting at *start (any step count). The engine is borrowed:
 * it must outlive the history. max_snapshots 0 means the default (4096
 * snapshots of ~160 bytes: 650 KB); at least 4 are kept. NULL when out of
 * memory. */
history_t *history_new(const ssem_t *start, ssem_engine_t *engine, size_t max_snapshots);
void history_free(history_t *h);

/* The current state (valid until the next call that changes the history). */
const ssem_t *history_state(const history_t *h);
/* The step count of the start of the history: nothing before it is kept. */
uint64_t history_first_step(const history_t *h);
/* The furthest step of this timeline executed so far (seek limit). */
uint64_t history_last_step(const history_t *h);

/* Breakpoints (bit L: stop before a fetch from line L, the first fetch of a
 * run included, as ssem_run) and watches (bit L: stop after a step that
 * changes line L). They govern history_run and history_reverse_continue. */
void history_set_breakpoints(history_t *h, uint32_t mask);
void history_set_watches(history_t *h, uint32_t mask);
uint32_t history_breakpoints(const history_t *h);
uint32_t history_watches(const history_t *h);

/* Runs forward at most `budget` steps from the current state (budget 1 is a
 * single step), recording snapshots, until STP, a fault, a breakpoint or a
 * watch hit. A halted (STP) machine is resumed first (ssem_resume, recorded);
 * a faulted one does not move (HISTORY_FAULT). Budget 0 returns LIMIT. A
 * breakpoint on the next line stops it at once (HISTORY_BREAK, no step): to
 * move on from a breakpoint, history_step_over first. With watches set it
 * steps by the reference step (exact, a few ns a step); otherwise it runs
 * through the engine. */
history_stop_t history_run(history_t *h, uint64_t budget);

/* One step with breakpoints ignored (watches still stop it): gdb's step-over,
 * how a front end resumes from a breakpoint. As history_run(h, 1) otherwise. */
history_stop_t history_step_over(history_t *h);

/* Makes the current state the exact state after `step` steps of this
 * timeline: history_first_step(h) <= step <= history_last_step(h).
 * Returns 0, or -1 (the current state unchanged) when step is out of range. */
int history_seek(history_t *h, uint64_t step);

/* Goes back to the latest earlier step (< the current one) at which a
 * breakpoint hits (the next fetch is from a marked line and the lamp is off)
 * or a watch hits (that step changed a watched line), searching backwards
 * one snapshot interval at a time. Without a hit it goes to the start and
 * returns HISTORY_START. */
history_stop_t history_reverse_continue(history_t *h);

/* Makes *m the new start (and current state): the operator changed the
 * machine. Everything before is forgotten; breakpoints and watches are kept. */
void history_rebase(history_t *h, const ssem_t *m);

/* The last up to `n` steps executed before the current state, oldest first,
 * into out[0..]: re-executed from snapshots. Returns how many (fewer near the
 * start of the history). */
size_t history_last(history_t *h, size_t n, history_entry_t *out);

/* Bytes the history holds (for tests of the memory bound). */
size_t history_memory(const history_t *h);

#endif
