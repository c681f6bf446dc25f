/*
 * dbt_mem.h - executable memory for the `dbt` engine, kept W^X.
 *
 * A region is either writable or executable, never both: the translator
 * makes it writable, appends or patches code, and makes it executable again
 * before running anything. All of it is in src/dbt_mem.c, the one place that
 * talks to mmap/mprotect.
 */
#ifndef SSEM_DBT_MEM_H
#define SSEM_DBT_MEM_H

#include <stddef.h>
#include <stdint.h>

typedef struct dbt_mem {
    uint8_t *base; /* NULL when the mapping failed */
    size_t size;
} dbt_mem_t;

/* Maps `size` bytes, writable (not executable). Returns 0 or -1. */
int dbt_mem_map(dbt_mem_t *mem, size_t size);
/* Flips the whole region to read+write (no execute). Returns 0 or -1. */
int dbt_mem_writable(dbt_mem_t *mem);
/* Flips the whole region to read+execute (no write). Returns 0 or -1. */
int dbt_mem_executable(dbt_mem_t *mem);
void dbt_mem_unmap(dbt_mem_t *mem);

#endif
