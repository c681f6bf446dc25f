/*
 * internal.h - declarations shared between the library's own files.
 *
 * Not installed, not part of the API: front-ends include only ssem.h.
 */
#ifndef SSEM_INTERNAL_H
#define SSEM_INTERNAL_H

#include "ssem.h"

#if defined(__GNUC__) || defined(__clang__)
#define SSEM_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define SSEM_PRINTF(fmt, args)
#endif

/* Fills a diagnostic (message formatted with printf rules, truncated). */
void ssem_diag_set(ssem_diag_t *d, const char *file, int line, int col, const char *fmt, ...)
    SSEM_PRINTF(5, 6);

/* Appends a warning to img. Past SSEM_MAX_WARNINGS the last one kept is
 * replaced by a note that more came (a warning is never dropped silently). */
void ssem_image_warn(ssem_image_t *img, const char *file, int line, int col, const char *fmt,
                     ...) SSEM_PRINTF(5, 6);

/* The assembler (src/asm.c): every assembly dialect of docs/formats.md.
 * Same contract as ssem_load for one format. */
int ssem_asm_parse(const char *text, size_t len, const char *name, ssem_image_t *img,
                   ssem_diag_t *err);

/* The snapshot reader (src/formats.c), for state files. Same contract as
 * ssem_load for one format. */
int ssem_snp_parse(const char *text, size_t len, const char *name, ssem_image_t *img,
                   ssem_diag_t *err);

/* State files (src/state.c). ssem_state_header: the line number of the
 * register line when text is a state file (1; 2 for version 1), else 0.
 * ssem_state_read: reads one whole, the store into *img (with its warnings)
 * and store and registers into *m (m->lenient untouched); -1 with *err when
 * it is not a state file or is corrupt. */
int ssem_state_header(const char *text, size_t len);
int ssem_state_read(const char *text, size_t len, const char *name, ssem_image_t *img,
                    ssem_t *m, ssem_diag_t *err);

/* The share-link reader (src/url.c) for ssem_load's url format: the store,
 * every line defined; a warning when the link's A or CI is not zero. */
int ssem_url_read_image(const char *text, size_t len, const char *name, ssem_image_t *img,
                        ssem_diag_t *err);

/* An engine's implementation (src/engine_*.c). src/engine.c calls run only
 * with the lamp off, budget >= 1 and no breakpoints (it handles those itself,
 * identically for every engine), so an engine's loop has nothing to check
 * but its own work. create may return NULL for "no private state"; it
 * returns SSEM_ENGINE_NOMEM on failure. */
/* Where an engine reports its events (ssem_engine_observe): one per engine
 * object, owned by src/engine.c, handed to the engine by `attach`. */
typedef struct ssem_observer {
    ssem_observer_fn fn; /* NULL: nobody is watching (the counts are kept) */
    void *user;
    ssem_engine_stats_t stats;
} ssem_observer_t;

/* Counts an event and passes it to the observer, if any. */
void ssem_observer_emit(ssem_observer_t *o, const ssem_event_t *ev);

/* Fills v for an engine whose V-state is the T-state itself (ref), and the
 * common part of the others: v->tstate = *m, no items. */
void ssem_vstate_init(ssem_vstate_t *v, const ssem_t *m);
/* Appends an item (printf rules for the value); silently dropped when full. */
void ssem_vstate_add(ssem_vstate_t *v, const char *name, const char *maps, const char *fmt, ...)
    SSEM_PRINTF(4, 5);

typedef struct ssem_engine_ops {
    const char *name;
    const char *summary;
    void *(*create)(void);
    void (*destroy)(void *priv);
    ssem_stop_t (*run)(void *priv, ssem_t *m, uint64_t budget);
    /* optional: keep obs (valid for the engine's life) to report events */
    void (*attach)(void *priv, ssem_observer_t *obs);
    /* optional: describe the V-state for m (ssem_engine_describe) */
    void (*describe)(void *priv, const ssem_t *m, ssem_vstate_t *v);
    /* optional: run with breakpoints (ssem_run's rules) at the engine's own
     * speed; without it, a run with breakpoints is ssem_run's */
    ssem_stop_t (*run_break)(void *priv, ssem_t *m, uint64_t budget, uint32_t breakpoints);
} ssem_engine_ops_t;
#define SSEM_ENGINE_NOMEM ((void *)-1)

extern const ssem_engine_ops_t ssem_engine_ref_ops;
extern const ssem_engine_ops_t ssem_engine_fast_ops;
/* the binary translator exists only for x86-64 Linux (src/engine_dbt.c) */
#if defined(__x86_64__) && defined(__linux__)
#define SSEM_HAVE_DBT 1
extern const ssem_engine_ops_t ssem_engine_dbt_ops;
#endif
/* the translator to WebAssembly exists only in the emscripten build
 * (src/engine_wasm.c): the host compiles the modules it writes */
#ifdef __EMSCRIPTEN__
#define SSEM_HAVE_WASM 1
extern const ssem_engine_ops_t ssem_engine_wasm_ops;
#endif

#endif
