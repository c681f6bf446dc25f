/*
 * test_fast_portable.c - the fast engine built with its portable switch
 * dispatch (the fallback for compilers without computed goto), checked
 * against the reference. This file's definition of ssem_engine_fast_ops
 * replaces the library's, so "fast" here is the portable build.
 */
#define SSEM_PORTABLE_DISPATCH 1
#include "../../src/engine_fast.c"

#include "lockstep.h"

static void test_portable_lockstep(void)
{
    lockstep_hard_cases("fast");
    lockstep_random_stores("fast", 300);
}

int main(void)
{
    RUN(test_portable_lockstep);
    return CHECK_DONE();
}
