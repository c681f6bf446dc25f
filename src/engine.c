/*
 * engine.c - the engine registry and the one entry point every engine shares.
 *
 * ssem_engine_run does, once for all engines, what the interface promises
 * beyond plain running: a lit lamp stays lit, budget 0 does nothing, and
 * breakpoints (an argument of the run) stop it before the fetch from a
 * marked line, the first fetch included. With breakpoints set the reference
 * step runs (it
 * checks them before each fetch; an engine would have to be driven one step
 * at a time); without them the engine's own loop runs the whole budget. An
 * engine notices on its next call that the store changed meanwhile.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct ssem_engine {
    const ssem_engine_ops_t *ops;
    void *priv;
};

static const ssem_engine_ops_t *const engines[] = {
#ifdef SSEM_HAVE_DBT
    &ssem_engine_dbt_ops,
#endif
    &ssem_engine_fast_ops,
    &ssem_engine_ref_ops,
#ifdef SSEM_TEST_EXTRA_ENGINE /* tests/unit/test_verify.c adds a broken engine */
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
    ssem_engine_t *e = malloc(sizeof *e);
    if (e == NULL)
        return NULL;
    e->ops = ops;
    e->priv = ops->create ? ops->create() : NULL;
    if (e->priv == SSEM_ENGINE_NOMEM) {
        free(e);
        return NULL;
    }
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
    if (budget == 0)
        return SSEM_LIMIT;
    if (breakpoints == 0u)
        return e->ops->run(e->priv, m, budget);
    /* Breakpoints are for debugging: the reference step checks them before
     * each fetch, and is faster at that than any engine driven one step at a
     * time. The T-state it leaves is the same by the engines' contract. */
    return ssem_run(m, budget, breakpoints);
}

/* ---------------------------------------------------------------- ref */

static ssem_stop_t ref_run(void *priv, ssem_t *m, uint64_t budget)
{
    (void)priv;
    return ssem_run(m, budget, 0);
}

const ssem_engine_ops_t ssem_engine_ref_ops = {
    "ref", "the reference step (src/machine.c), the lecture's loop: the oracle", NULL, NULL,
    ref_run,
};
