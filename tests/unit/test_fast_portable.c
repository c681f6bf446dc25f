/*
 * test_fast_portable.c - the fast engine built with its portable switch
 * dispatch (the fallback for compilers without computed goto), checked
 * against the reference. The Makefile links this test with src/engine_fast.c
 * compiled with -DSSEM_PORTABLE_DISPATCH=1, ahead of the library: that
 * object's ssem_engine_fast_ops is the one linked, so "fast" here is the
 * portable build.
 */
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
