/*
 * handle.c - machines and diagnostics by handle, fields by accessor.
 *
 * Bindings (python/ssem.py over ctypes, the WebAssembly page) use these so
 * that they never lay out struct ssem or struct ssem_diag themselves: when a
 * field moves, they keep working instead of reading the wrong bytes. Also
 * the library's version at run time. Nothing here knows more about the
 * machine than its public fields; a store line is written directly (engines
 * notice a changed store themselves, include/ssem.h).
 */
#include "ssem.h"

#include <stdlib.h>

long ssem_version(void) { return SSEM_VERSION_NUM; }
const char *ssem_version_string(void) { return SSEM_VERSION; }

ssem_t *ssem_new(void)
{
    ssem_t *m = calloc(1, sizeof *m); /* options off, as reset keeps them */
    if (m != NULL)
        ssem_reset(m);
    return m;
}

void ssem_free(ssem_t *m) { free(m); }

uint32_t ssem_get(const ssem_t *m, ssem_reg_t reg)
{
    switch (reg) {
    case SSEM_REG_A: return m->a;
    case SSEM_REG_CI: return m->ci;
    case SSEM_REG_PI: return m->pi;
    case SSEM_REG_LAMP: return m->lamp ? 1u : 0u;
    case SSEM_REG_FAULT: return m->fault ? 1u : 0u;
    case SSEM_REG_LENIENT: return m->lenient ? 1u : 0u;
    case SSEM_REG_COUNT: break;
    }
    return 0;
}

int ssem_set(ssem_t *m, ssem_reg_t reg, uint32_t value)
{
    switch (reg) {
    case SSEM_REG_A: m->a = value; return 0;
    case SSEM_REG_CI: m->ci = value; return 0;
    case SSEM_REG_PI: m->pi = value; return 0;
    case SSEM_REG_LAMP: /* an unlit lamp shows no fault (ssem_step relies on it) */
        m->lamp = value != 0u;
        if (!m->lamp)
            m->fault = false;
        return 0;
    case SSEM_REG_FAULT:
        m->fault = value != 0u;
        if (m->fault)
            m->lamp = true;
        return 0;
    case SSEM_REG_LENIENT: m->lenient = value != 0u; return 0;
    case SSEM_REG_COUNT: break;
    }
    return -1;
}

const char *ssem_reg_name(ssem_reg_t reg)
{
    static const char *const names[SSEM_REG_COUNT] = {"A", "CI", "PI", "LAMP", "FAULT",
                                                      "LENIENT"};
    return (unsigned)reg < SSEM_REG_COUNT ? names[reg] : NULL;
}

uint64_t ssem_get_steps(const ssem_t *m) { return m->steps; }
void ssem_set_steps(ssem_t *m, uint64_t steps) { m->steps = steps; }

uint32_t ssem_store_get(const ssem_t *m, uint32_t line)
{
    return m->store[line & SSEM_LINE_MASK];
}

void ssem_store_set(ssem_t *m, uint32_t line, uint32_t word)
{
    m->store[line & SSEM_LINE_MASK] = word;
}

ssem_diag_t *ssem_diag_new(void) { return calloc(1, sizeof(ssem_diag_t)); }
void ssem_diag_free(ssem_diag_t *d) { free(d); }
const char *ssem_diag_file(const ssem_diag_t *d) { return d->file; }
int ssem_diag_line(const ssem_diag_t *d) { return d->line; }
int ssem_diag_col(const ssem_diag_t *d) { return d->col; }
const char *ssem_diag_message(const ssem_diag_t *d) { return d->message; }

void ssem_copy(ssem_t *dst, const ssem_t *src) { *dst = *src; }

ssem_image_t *ssem_image_new(void) { return calloc(1, sizeof(ssem_image_t)); }
void ssem_image_free(ssem_image_t *img) { free(img); }
uint32_t ssem_image_word(const ssem_image_t *img, uint32_t line)
{
    return img->word[line & SSEM_LINE_MASK];
}
uint32_t ssem_image_defined(const ssem_image_t *img) { return img->defined; }
ssem_format_t ssem_image_format(const ssem_image_t *img) { return img->format; }
int ssem_image_nwarnings(const ssem_image_t *img) { return img->nwarnings; }
const ssem_diag_t *ssem_image_warning(const ssem_image_t *img, int i)
{
    return i >= 0 && i < img->nwarnings && i < SSEM_MAX_WARNINGS ? &img->warning[i] : NULL;
}

ssem_verify_result_t *ssem_verify_result_new(void)
{
    return calloc(1, sizeof(ssem_verify_result_t));
}
void ssem_verify_result_free(ssem_verify_result_t *r) { free(r); }
bool ssem_verify_differ(const ssem_verify_result_t *r) { return r->differ; }
uint64_t ssem_verify_steps(const ssem_verify_result_t *r) { return r->steps; }
uint64_t ssem_verify_first_step(const ssem_verify_result_t *r) { return r->first_step; }
ssem_stop_t ssem_verify_stop(const ssem_verify_result_t *r, int which)
{
    switch (which) {
    case 0: return r->stop;
    case 1: return r->stop_a;
    case 2: return r->stop_b;
    default: return SSEM_RUNNING;
    }
}
const ssem_t *ssem_verify_state(const ssem_verify_result_t *r, int which)
{
    switch (which) {
    case 0: return &r->before;
    case 1: return &r->after_a;
    case 2: return &r->after_b;
    default: return NULL;
    }
}
