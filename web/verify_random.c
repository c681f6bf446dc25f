/*
 * verify_random.c - the seeded random differential run of the `wasm` engine
 * (issue 9): in the wasm build under Node, random stores (ssem_random_store)
 * are run by ref and by wasm in lockstep with ssem_verify (bisection to the
 * first differing step included) until the time is up.
 *
 *   make web-verify-random SECONDS=1800 SEED=1
 *
 * Each store runs strict or lenient (seed % 3), for 1,000 to 60,000 steps, in
 * strides of 1 to 2,000 steps (so whole blocks, budget tails and single
 * steps are all compared). Prints one line a minute and a summary; a store
 * that diverges is printed in full (seed, mode, words) so that it can be
 * kept as a regression test, and the exit status is then 5.
 */
#include "ssem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    double seconds = argc > 1 ? atof(argv[1]) : 60.0;
    uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 10) : 1u;
    const char *engine = argc > 3 ? argv[3] : "wasm";
    double t0 = now(), next_report = t0 + 60.0;
    unsigned long long stores = 0, steps = 0, diverged = 0;
    uint64_t first = seed;
    for (;; seed++) {
        double t = now();
        if (t - t0 >= seconds)
            break;
        if (t >= next_report) {
            printf("%.0f s: %llu stores, %llu steps, %llu diverged\n", t - t0, stores, steps,
                   diverged);
            fflush(stdout);
            next_report += 60.0;
        }
        uint64_t s = seed;
        ssem_t m;
        memset(&m, 0, sizeof m);
        m.lenient = seed % 3u == 0u;
        ssem_random_store(&m, &s);
        uint64_t max = 1000u + (seed * 7919u) % 59001u, stride = 1u + (seed * 104729u) % 2000u;
        ssem_verify_result_t r;
        if (ssem_verify("ref", engine, &m, max, stride, &r) != 0) {
            fprintf(stderr, "verify_random: no engine %s\n", engine);
            return 2;
        }
        stores++;
        steps += r.differ ? r.first_step : r.steps;
        if (r.differ) {
            diverged++;
            printf("DIVERGED seed %llu lenient %d max %llu stride %llu first step %llu store:",
                   (unsigned long long)seed, m.lenient, (unsigned long long)max,
                   (unsigned long long)stride, (unsigned long long)r.first_step);
            for (int l = 0; l < 32; l++)
                printf(" %#x", (unsigned)m.store[l]);
            printf("\n");
            fflush(stdout);
        }
    }
    printf("ref against %s: seeds %llu..%llu, %llu stores, %llu steps compared, %llu diverged, "
           "%.0f s\n",
           engine, (unsigned long long)first, (unsigned long long)(seed - 1u), stores, steps,
           diverged, now() - t0);
    return diverged == 0 ? 0 : 5;
}
