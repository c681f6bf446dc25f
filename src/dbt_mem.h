/*
 * dbt_mem.h - executable memory for the `dbt` engine, kept W^X.
 *
 * A page is either writable or executable, never both. The region is mapped
 * writable; the translator seals ranges of pages read+execute once code is in
 * them, and reopens (read+write) only the few pages it must patch. It works
 * by page ranges so that it can protect only what changed: one whole-region
 * mprotect per translated block was the engine's main cost on short runs.
 * All of it is in src/dbt_mem.c, the one place that talks to mmap/mprotect.
 */
#ifndef SSEM_DBT_MEM_H
#define SSEM_DBT_MEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct dbt_mem {
    uint8_t *base; /* NULL when the mapping failed */
    size_t size;   /* a multiple of page           */
    size_t page;   /* the host's page size         */
} dbt_mem_t;

/* Maps at least `size` bytes, all writable (not executable). Returns 0 or -1. */
int dbt_mem_map(dbt_mem_t *mem, size_t size);
/* Makes the pages of [from, to) (offsets, multiples of page) read+execute
 * (exec) or read+write (!exec). Returns 0 or -1. */
int dbt_mem_protect(dbt_mem_t *mem, size_t from, size_t to, bool exec);
void dbt_mem_unmap(dbt_mem_t *mem);

#endif
