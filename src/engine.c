/*
 * engine.c - the engine registry and the one entry point every engine shares.
 *
 * ssem_engine_run does, once for all engines, what the interface promises
 * beyond plain running: a lit lamp stays lit, budget 0 does nothing, and
 * breakpoints (an argument of the run) stop it before the fetch from a
 * marked line, the first fetch included. With breakpoints set, an engine
 * that can stop at them itself (run_break: the fast engine, which dispatches
 * a marked line to a stop handler) runs at its own speed; for the others the
 * reference step runs (it checks them before each fetch; they would have to
 * be driven one step at a time). Without breakpoints the engine's own loop
 * runs the whole budget. An
 * engine notices on its next call that the store changed meanwhile.
 */
#include "internal.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ssem_engine {
    const ssem_engine_ops_t *ops;
    void *priv;
    ssem_observer_t obs; /* events and their counts (ssem_engine_observe) */
};

/* A test adds an engine (a deliberately broken one) to the registry: the
 * Makefile compiles this file again, as an object for that test alone, with
 * -DSSEM_TEST_EXTRA_ENGINE=ssem_test_extra_engine_ops, which the test
 * defines (tests/unit/test_verify.c, test_wasm_verify.c). */
#ifdef SSEM_TEST_EXTRA_ENGINE
extern const ssem_engine_ops_t SSEM_TEST_EXTRA_ENGINE;
#endif

static const ssem_engine_ops_t *const engines[] = {
#ifdef SSEM_HAVE_DBT
    &ssem_engine_dbt_ops,
#endif
#ifdef SSEM_HAVE_WASM
    &ssem_engine_wasm_ops,
#endif
    &ssem_engine_fast_ops,
    &ssem_engine_ref_ops,
#ifdef SSEM_TEST_EXTRA_ENGINE
    &SSEM_TEST_EXTRA_ENGINE,
#endif
};
#define ENGINE_COUNT (sizeof engines / sizeof engines[0])

static const char *const *names_list(void)
{
    static const char *names[ENGINE_COUNT + 1];
    for (size_t i = 0; i < ENGINE_COUNT; i++)
        names[i] = engines[i]->name;
    names[ENGINE_COUNT] = NULL;
    return names;
}

const char *const *ssem_engine_names(void) { return names_list(); }

static const ssem_engine_ops_t *find(const char *name)
{
    for (size_t i = 0; i < ENGINE_COUNT; i++)
        if (strcmp(engines[i]->name, name) == 0)
            return engines[i];
    return NULL;
}

const char *ssem_engine_summary(const char *name)
{
    const ssem_engine_ops_t *ops = find(name);
    return ops ? ops->summary : NULL;
}

const char *ssem_engine_default(void) { return engines[0]->name; }

ssem_engine_t *ssem_engine_new(const char *name)
{
    const ssem_engine_ops_t *ops = find(name);
    if (ops == NULL)
        return NULL;
    ssem_engine_t *e = calloc(1, sizeof *e);
    if (e == NULL)
        return NULL;
    e->ops = ops;
    e->priv = ops->create ? ops->create() : NULL;
    if (e->priv == SSEM_ENGINE_NOMEM) {
        free(e);
        return NULL;
    }
    if (ops->attach)
        ops->attach(e->priv, &e->obs);
    return e;
}

void ssem_engine_free(ssem_engine_t *e)
{
    if (e == NULL)
        return;
    if (e->ops->destroy)
        e->ops->destroy(e->priv);
    free(e);
}

const char *ssem_engine_name(const ssem_engine_t *e) { return e->ops->name; }

ssem_stop_t ssem_engine_run(ssem_engine_t *e, ssem_t *m, uint64_t budget,
                            uint32_t breakpoints)
{
    if (m->lamp)
        return m->fault ? SSEM_FAULT : SSEM_HALTED;
    if (budget > ssem_steps_left(m)) /* the count never wraps (ssem.h) */
        budget = ssem_steps_left(m);
    if (budget == 0)
        return SSEM_LIMIT;
    if (breakpoints == 0u)
        return e->ops->run(e->priv, m, budget);
    if (e->ops->run_break != NULL)
        return e->ops->run_break(e->priv, m, budget, breakpoints);
    /* Breakpoints are for debugging: the reference step checks them before
     * each fetch, and is faster at that than any engine driven one step at a
     * time. The T-state it leaves is the same by the engines' contract. */
    uint64_t before = m->steps;
    uint32_t line = (m->ci + 1u) & SSEM_LINE_MASK;
    ssem_stop_t why = ssem_run(m, budget, breakpoints);
    if (e->ops != &ssem_engine_ref_ops) {
        ssem_event_t ev = {.kind = SSEM_EVENT_FALLBACK, .why = "breakpoints are set", .line = line,
                           .steps = m->steps - before};
        ssem_observer_emit(&e->obs, &ev);
    }
    return why;
}

/* ------------------------------------------------------------ observing */

void ssem_engine_observe(ssem_engine_t *e, ssem_observer_fn fn, void *user)
{
    e->obs.fn = fn;
    e->obs.user = user;
}

void ssem_engine_stats(const ssem_engine_t *e, ssem_engine_stats_t *stats)
{
    *stats = e->obs.stats;
}

void ssem_observer_emit(ssem_observer_t *o, const ssem_event_t *ev)
{
    ssem_engine_stats_t *st = &o->stats;
    switch (ev->kind) {
    case SSEM_EVENT_TRANSLATE:
        st->blocks++;
        st->instructions += ev->count;
        st->host_bytes += ev->code_len;
        break;
    case SSEM_EVENT_CHAIN:
        st->chains++;
        break;
    case SSEM_EVENT_INVALIDATE:
        st->invalidations++;
        st->dropped += ev->count;
        break;
    case SSEM_EVENT_FLUSH:
        st->flushes++;
        st->dropped += ev->count;
        break;
    case SSEM_EVENT_FALLBACK:
        st->fallbacks++;
        st->fallback_steps += ev->steps;
        break;
    }
    if (o->fn != NULL)
        o->fn(o->user, ev);
}

/* ------------------------------------------------------------ V-states */

void ssem_vstate_init(ssem_vstate_t *v, const ssem_t *m)
{
    memset(v, 0, sizeof *v);
    v->tstate = *m;
}

void ssem_vstate_add(ssem_vstate_t *v, const char *name, const char *maps, const char *fmt, ...)
{
    if (v->nitems >= SSEM_VSTATE_ITEMS)
        return;
    ssem_vitem_t *it = &v->item[v->nitems++];
    snprintf(it->name, sizeof it->name, "%s", name);
    snprintf(it->maps, sizeof it->maps, "%s", maps);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(it->value, sizeof it->value, fmt, ap);
    va_end(ap);
}

/* The reference step keeps the T-state as it is: interp is the identity. */
static void ref_describe(void *priv, const ssem_t *m, ssem_vstate_t *v)
{
    (void)priv;
    snprintf(v->form, sizeof v->form,
             "the lecture's emulator: the machine is a C struct (ssem_t) whose fields are "
             "the T-state's parts, stepped by ssem_step");
    snprintf(v->interp, sizeof v->interp, "the identity: each field is the part of T it names");
    for (uint32_t l = 0; l < SSEM_LINES; l++) {
        char name[16], maps[16];
        snprintf(name, sizeof name, "m->store[%u]", (unsigned)l);
        snprintf(maps, sizeof maps, "S[%u]", (unsigned)l);
        ssem_vstate_add(v, name, maps, "0x%08" PRIx32, m->store[l]);
    }
    ssem_vstate_add(v, "m->a", "A", "0x%08" PRIx32, m->a);
    ssem_vstate_add(v, "m->ci", "CI", "0x%08" PRIx32, m->ci);
    ssem_vstate_add(v, "m->pi", "PI", "0x%08" PRIx32, m->pi);
    ssem_vstate_add(v, "m->lamp", "lamp", "%s", m->lamp ? "true" : "false");
}

void ssem_engine_describe(ssem_engine_t *e, const ssem_t *m, ssem_vstate_t *v)
{
    ssem_vstate_init(v, m);
    if (e->ops->describe)
        e->ops->describe(e->priv, m, v);
    else
        ref_describe(NULL, m, v);
}

/* ---------------------------------------------------------------- ref */

static ssem_stop_t ref_run(void *priv, ssem_t *m, uint64_t budget)
{
    (void)priv;
    return ssem_run(m, budget, 0);
}

const ssem_engine_ops_t ssem_engine_ref_ops = {
    "ref",    "the reference step (src/machine.c), the lecture's loop: the oracle",
    NULL,     NULL,
    ref_run,  NULL,
    ref_describe,
    NULL,
};
