/*
 * dbt_mem.c - executable memory for the `dbt` engine (see dbt_mem.h).
 *
 * One anonymous private mapping per engine. It starts writable; mprotect
 * switches page ranges between read+write and read+execute, so there is
 * never a moment when the same page may be both written and executed (W^X).
 * x86 keeps instruction fetch coherent with stores, so no cache flush is
 * needed after writing code. Built on x86-64 Linux only, like the engine.
 */
#if defined(__x86_64__) && defined(__linux__)
#define _DEFAULT_SOURCE 1 /* MAP_ANONYMOUS */

#include "dbt_mem.h"

#include <sys/mman.h>
#include <unistd.h>

int dbt_mem_map(dbt_mem_t *mem, size_t size)
{
    long page = sysconf(_SC_PAGESIZE);
    mem->base = NULL;
    mem->size = 0;
    mem->page = page > 0 ? (size_t)page : 4096u;
    size = (size + mem->page - 1u) / mem->page * mem->page;
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return -1;
    mem->base = p;
    mem->size = size;
    return 0;
}

int dbt_mem_protect(dbt_mem_t *mem, size_t from, size_t to, bool exec)
{
    if (from >= to)
        return 0;
    return mprotect(mem->base + from, to - from, exec ? PROT_READ | PROT_EXEC : PROT_READ | PROT_WRITE);
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
