/*
 * dbt_mem.c - executable memory for the `dbt` engine (see dbt_mem.h).
 *
 * One anonymous private mapping per engine. It starts writable; mprotect
 * switches it between read+write and read+execute as a whole, so there is
 * never a moment when the same page may be both written and executed (W^X).
 * x86 keeps instruction fetch coherent with stores, so no cache flush is
 * needed after writing code. Built on x86-64 Linux only, like the engine.
 */
#if defined(__x86_64__) && defined(__linux__)
#define _DEFAULT_SOURCE 1 /* MAP_ANONYMOUS */

#include "dbt_mem.h"

#include <sys/mman.h>

int dbt_mem_map(dbt_mem_t *mem, size_t size)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        mem->base = NULL;
        mem->size = 0;
        return -1;
    }
    mem->base = p;
    mem->size = size;
    return 0;
}

int dbt_mem_writable(dbt_mem_t *mem)
{
    return mprotect(mem->base, mem->size, PROT_READ | PROT_WRITE);
}

int dbt_mem_executable(dbt_mem_t *mem)
{
    return mprotect(mem->base, mem->size, PROT_READ | PROT_EXEC);
}

void dbt_mem_unmap(dbt_mem_t *mem)
{
    if (mem->base != NULL)
        munmap(mem->base, mem->size);
    mem->base = NULL;
    mem->size = 0;
}

#else
typedef int dbt_mem_unused_t; /* ISO C wants at least one declaration */
#endif
