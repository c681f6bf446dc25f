/*
 * lecture.h - the lecture made visible (docs/lecture.md): a run's profile
 * (per-line counts, instruction mix, loops), each step explained as the
 * fetch and the register transfer in the 1948 notation and in words, a step
 * as one JSON line, and the translation log of an engine's events.
 *
 * Everything here is worked from one step's before and after T-states (the
 * observer's view, SPEC section 8) and from the ISA table (SSEM_ISA's
 * notation and rtl fields): nothing restates the instruction set.
 */
#ifndef SSEM_LECTURE_H
#define SSEM_LECTURE_H

#include "ssem.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* ------------------------------------------------------------ profile */

#define PROFILE_MAX_EDGES 64 /* distinct back-edges kept (32 x 32 possible) */

typedef struct profile {
    uint64_t steps;                     /* steps counted                   */
    uint64_t line[SSEM_LINES];          /* times each line was executed    */
    uint64_t function[8];               /* times each function code ran    */
    uint64_t edge[SSEM_LINES][SSEM_LINES]; /* [from][to]: back-edges taken */
} profile_t;

/* Counts one executed step: `before` the state before it, `after` after. A
 * faulting step executes nothing and is not counted. */
void profile_step(profile_t *p, const ssem_t *before, const ssem_t *after);
/* The profile as text: lines executed, the mix, the loops. */
void profile_print(const profile_t *p, const ssem_t *final, FILE *f);

/* ------------------------------------------------------------ explain */

/* The step from `before` to `after` (stopped with `why`) as text: the fetch
 * phase, then the execute phase in the 1948 notation, as a register
 * transfer with values, and in words. Ends with a newline. */
void explain_step(const ssem_t *before, const ssem_t *after, ssem_stop_t why, FILE *f);

/* One JSON object (one line) for the step. */
void trace_json_step(const ssem_t *before, const ssem_t *after, ssem_stop_t why, FILE *f);

/* ------------------------------------------------------- translation log */

typedef struct translation_log {
    FILE *out;
    bool blocks; /* print every event (else only counted) */
} translation_log_t;

/* Whether this build can disassemble host code (capstone was found). */
bool translation_log_disassembles(void);
/* The observer for ssem_engine_observe: prints each event to log->out. */
void translation_log_event(void *log, const ssem_event_t *ev);
/* The counters as text. */
void translation_log_stats(const ssem_engine_stats_t *st, const char *engine, FILE *f);

#endif
