/*
 * bench.c - the benchmark driver (not a test: it prints figures, checks none
 * against a target; tests never time anything).
 *
 * For each engine it prints emulated instructions per second on:
 *   W1  the first program (2,097,154 instructions), median of several runs;
 *   W2  the same program scaled to the prime N = 33554393 (lines 23 and 24
 *       set to -N and N-1): 2,196,112,224 instructions, answer 1;
 *   W3  bench/selfmod.asm: 180,000,000 instructions, each round storing into
 *       its own next instruction but one;
 * then each engine's speed as a multiple of ref's; time travel (src/history.c,
 * what `ssem debug` does): W1's (and W2's) forward `continue` and the
 * reverse-continue back over all of it (a breakpoint on line 1, which hits
 * only at step 0, and a watch on line 27 with a condition that never
 * holds), as times and as a multiple of the forward run; and the whole
 * `ssem run` of the first program as a process (start to exit), median of
 * 20.
 *
 * usage: bench [--quick] SSEM_BINARY    (--quick: W1 only, one run; for CI)
 *
 * Built with emscripten (`make bench-web`, web/web.mk) the same driver runs
 * the engines of the wasm build under Node; there is no process figure then
 * (no command to spawn).
 */
#include "ssem.h"

#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int compare_doubles(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, compare_doubles);
    return v[n / 2];
}

static int load_file(const char *path, ssem_t *m)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return -1;
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text, f);
    fclose(f);
    ssem_image_t img;
    ssem_diag_t err;
    if (ssem_load(text, n, path, SSEM_FORMAT_AUTO, &img, &err) != 0)
        return -1;
    memset(m, 0, sizeof *m);
    ssem_load_image(m, &img);
    return 0;
}

/* Seconds for one run of `start` to its STP; checks the instruction count. */
static double time_run(const char *engine, const ssem_t *start, uint64_t want_steps)
{
    ssem_engine_t *e = ssem_engine_new(engine);
    ssem_t m = *start;
    double t0 = now();
    ssem_stop_t why = ssem_engine_run(e, &m, UINT64_MAX, 0);
    double t = now() - t0;
    ssem_engine_free(e);
    if (why != SSEM_HALTED || m.steps != want_steps) {
        fprintf(stderr, "bench: %s stopped with %s after %llu steps, want %llu\n", engine,
                ssem_stop_name(why), (unsigned long long)m.steps,
                (unsigned long long)want_steps);
        exit(1);
    }
    return t;
}

#ifndef __EMSCRIPTEN__
static double process_time(const char *ssem_binary)
{
    char *argv[] = {(char *)ssem_binary, (char *)"run", (char *)"programs/first.lst", NULL};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", 1 /* O_WRONLY */, 0);
    double v[20];
    for (int i = 0; i < 20; i++) {
        pid_t pid;
        double t0 = now();
        if (posix_spawn(&pid, ssem_binary, &fa, NULL, argv, environ) != 0)
            return -1;
        int status;
        waitpid(pid, &status, 0);
        v[i] = now() - t0;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            return -1;
    }
    posix_spawn_file_actions_destroy(&fa);
    return median(v, 20);
}
#endif

static bool never(void *ctx, uint32_t line, const ssem_t *m)
{
    (void)ctx, (void)line, (void)m;
    return false;
}

/* One reverse search over the whole first program from its end: seconds
 * (median of `runs`), checking where it lands. */
static double time_reverse(ssem_history_t *h, const ssem_t *end, uint32_t breakpoints,
                           uint64_t watches, bool cond, int runs, ssem_history_why_t want)
{
    double v[5];
    ssem_history_set_breakpoints(h, breakpoints);
    ssem_history_set_watches(h, watches);
    ssem_history_set_watch_condition(h, cond ? never : NULL, NULL);
    for (int i = 0; i < runs; i++) {
        ssem_history_seek(h, end->steps);
        double t0 = now();
        ssem_history_stop_t st = ssem_history_reverse_continue(h);
        v[i] = now() - t0;
        if (st.why != want || ssem_history_state(h)->steps != 0) {
            fprintf(stderr, "bench: reverse-continue stopped at step %llu (%d)\n",
                    (unsigned long long)ssem_history_state(h)->steps, (int)st.why);
            exit(1);
        }
    }
    return median(v, runs);
}

/* Time travel on the first program with the default engine, as `ssem
 * debug` does it: `continue` to the STP with nothing set (the engine), then
 * reverse searches that cross the whole run. */
static void time_travel(const char *name, const ssem_t *w, uint64_t steps, int runs)
{
    ssem_engine_t *e = ssem_engine_new(ssem_engine_default());
    double v[5];
    ssem_history_t *h = NULL;
    for (int i = 0; i < runs; i++) {
        ssem_history_free(h);
        h = ssem_history_new(w, e, 0);
        double t0 = now();
        ssem_history_stop_t st = ssem_history_run(h, UINT64_MAX);
        v[i] = now() - t0;
        if (st.why != SSEM_HISTORY_HALTED || ssem_history_state(h)->steps != steps) {
            fprintf(stderr, "bench: continue stopped at step %llu\n",
                    (unsigned long long)ssem_history_state(h)->steps);
            exit(1);
        }
    }
    double fwd = median(v, runs);
    const ssem_t end = *ssem_history_state(h);
    double brk = time_reverse(h, &end, 1u << 1, 0, false, runs, SSEM_HISTORY_BREAK);
    double w27 = time_reverse(h, &end, 0, SSEM_WATCH_BIT(27), true, runs, SSEM_HISTORY_START);
    printf("\ntime travel, %s (engine %s; ms, and x the forward run):\n", name,
           ssem_engine_default());
    printf("  continue (forward, %10llu steps)        %9.2f ms\n", (unsigned long long)steps,
           fwd * 1e3);
    printf("  reverse-continue to 'break 1' (at step 0)   %9.2f ms  x %.1f\n", brk * 1e3,
           brk / fwd);
    printf("  reverse-continue, 'watch 27 if' never holds %9.2f ms  x %.1f\n", w27 * 1e3,
           w27 / fwd);
    ssem_history_free(h);
    ssem_engine_free(e);
}

int main(int argc, char **argv)
{
    int quick = argc > 1 && strcmp(argv[1], "--quick") == 0;
    const char *ssem_binary = argc > 1 + quick ? argv[1 + quick] : "build/ssem";
    ssem_t w1, w2, w3;
    if (load_file("programs/first.lst", &w1) != 0 || load_file("bench/selfmod.asm", &w3) != 0) {
        fprintf(stderr, "bench: run from the repository root\n");
        return 1;
    }
    w2 = w1;
    w2.store[23] = 0u - 33554393u;
    w2.store[24] = 33554392u;

    const char *const *names = ssem_engine_names();
    double rate[3][8] = {{0}};
    int ref_index = 0, count = 0;
    /* --quick runs W1 only: it prints W1's columns only (no zeros standing
     * for workloads not run) */
    if (quick)
        printf("%-6s %14s %12s\n", "engine", "W1 instr/s", "W1 ms");
    else
        printf("%-6s %14s %12s %14s %14s\n", "engine", "W1 instr/s", "W1 ms", "W2 instr/s",
               "W3 instr/s");
    for (; names[count] != NULL && count < 8; count++) {
        const char *e = names[count];
        if (strcmp(e, "ref") == 0)
            ref_index = count;
        double v[15];
        int runs = quick ? 1 : 15;
        for (int i = 0; i < runs; i++)
            v[i] = time_run(e, &w1, 2097154u);
        double t1 = median(v, runs);
        rate[0][count] = 2097154.0 / t1;
        if (!quick) {
            rate[1][count] = 2196112224.0 / time_run(e, &w2, 2196112224u);
            rate[2][count] = 180000000.0 / time_run(e, &w3, 180000000u);
        }
        if (quick)
            printf("%-6s %14.3g %12.3f\n", e, rate[0][count], t1 * 1e3);
        else
            printf("%-6s %14.3g %12.3f %14.3g %14.3g\n", e, rate[0][count], t1 * 1e3,
                   rate[1][count], rate[2][count]);
        fflush(stdout);
    }
    printf("\nspeed as a multiple of ref (%s):\n", quick ? "W1" : "W1 / W2 / W3");
    for (int k = 0; k < count; k++) {
        if (quick)
            printf("  %-6s %6.2f\n", names[k], rate[0][k] / rate[0][ref_index]);
        else
            printf("  %-6s %6.2f %6.2f %6.2f\n", names[k], rate[0][k] / rate[0][ref_index],
                   rate[1][k] / rate[1][ref_index], rate[2][k] / rate[2][ref_index]);
    }
    time_travel("W1", &w1, 2097154u, quick ? 1 : 5);
    if (!quick)
        time_travel("W2", &w2, 2196112224u, 1);
#ifdef __EMSCRIPTEN__
    (void)ssem_binary;
    printf("\n(in wasm under Node: no whole-process figure; default engine %s)\n",
           ssem_engine_default());
    return 0;
#else
    double p = process_time(ssem_binary);
    if (p < 0) {
        fprintf(stderr, "bench: could not run %s\n", ssem_binary);
        return 1;
    }
    printf("\n`%s run programs/first.lst` as a whole process (default engine %s): %.2f ms "
           "(median of 20)\n",
           ssem_binary, ssem_engine_default(), p * 1e3);
    return 0;
#endif
}
