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

/* Appends a warning to img (silently dropped past SSEM_MAX_WARNINGS). */
void ssem_image_warn(ssem_image_t *img, const char *file, int line, int col, const char *fmt,
                     ...) SSEM_PRINTF(5, 6);

/* The assembler (src/asm.c): every assembly dialect of docs/formats.md.
 * Same contract as ssem_load for one format. */
int ssem_asm_parse(const char *text, size_t len, const char *name, ssem_image_t *img,
                   ssem_diag_t *err);

#endif
