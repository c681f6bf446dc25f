/*
 * cmd_run.c - `ssem run`: a program from reset (or a saved state) to STP, a
 * fault or the step limit, by any engine, flat out or paced to the Baby's
 * own speed; the final state as the monitor showed it, or JSON.
 *
 * The run goes in slices so that Ctrl-C is noticed between them: the engine
 * never polls anything. How many steps a slice runs is the library's
 * pacing rule (ssem_pace_*), shared with the panel: flat out, what the engine runs in about 1/60 s;
 * paced (--speed), the steps owed to the wall clock since the last slice
 * (speed / (144 x digit period) a second), never more than a flat-out
 * slice. A Ctrl-C (or SIGTERM, SIGHUP) stops cleanly, prints the state reached and, with
 * --save-on-interrupt, writes it as a state file that `ssem run` resumes from
 * to exactly the final state and step count of an uninterrupted run.
 */
#include "cli.h"
#include "lecture.h"
#include "text.h"

#include <inttypes.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define RUN_FIRST_SLICE 20000000ull    /* steps: ~10 ms with the fast engines */
#define PACE_TICK_NS 10000000L           /* paced runs: 100 checks a second    */

static const char run_usage[] =
    "usage: ssem run [options] FILE     (FILE '-' reads standard input)\n"
    "\n"
    "Runs a Baby program from reset until STP, a fault or the step limit, then\n"
    "shows the store as the monitor showed it (bit 0 on the left, 0 a dot and\n"
    "1 a dash), A, CI, PI, the stop lamp, the instruction count and the time the\n"
    "Baby would have taken (1.44 ms an instruction). A state file (see\n"
    "--save-on-interrupt) resumes where it was saved.\n"
    "\n"
    "options:\n"
    "  --format=F       input format: auto (default), listing, snp, asm, bits, decimal,\n"
    "                   url, state (a state file: snp reads one too)\n"
    "  --engine=NAME    ref, fast or dbt (default: the fastest; see 'ssem engines')\n"
    "  --max-steps=N    stop when N instructions have run (default 100000000)\n"
    "  --lenient        fetch from CI & 31 even when CI bits 13-15 are set\n"
    "                   (the real machine could not: by default that is a fault)\n"
    "  --trace[=text|json]  print one line per step: step, the line executed,\n"
    "                   the instruction obeyed, A after (text); or one JSON object\n"
    "                   per step (json): standard output is then JSON lines only,\n"
    "                   the final state the last line, as --json prints it\n"
    "  --explain        print each step as the lecture does: the fetch (CI + 1,\n"
    "                   PI <- S[CI]), then the register transfer in the 1948\n"
    "                   notation, with its values, and in words\n"
    "  --profile        after the run, print how many times each line ran, the\n"
    "                   instruction mix and the loops (back-edges) with their counts\n"
    "  --log=blocks|stats  the translation log on standard error, like QEMU's\n"
    "                   -d in_asm,out_asm: every block the engine translates (Baby\n"
    "                   code in, x86-64 out, disassembled), chains, invalidations;\n"
    "                   stats: the counts at the end; both: --log=blocks,stats\n"
    "  --json           print the final state as one JSON object\n"
    "  --speed=S        1948: the Baby's own speed; a number X: X times that;\n"
    "                   max: flat out (default)\n"
    "  --digit-period=US  the digit period in microseconds (default 10: 1.44 ms an\n"
    "                   instruction; June 1948 was probably 8.5-9.5)\n"
    "  --expect-steps=N the program's length, for the time-remaining estimate\n"
    "                   (default: steps= from a .expect file beside FILE)\n"
    "  --save-on-interrupt=OUT  on Ctrl-C (or SIGTERM, SIGHUP), save the state\n"
    "                   reached to OUT\n"
    "\n"
    "exit status: 0 halted (STP), 1 bad input, 2 bad usage, 3 fault, 4 step limit,\n"
    "128+N stopped by signal N: 130 Ctrl-C (SIGINT), 143 SIGTERM, 129 SIGHUP\n";

/* The signal that stopped the run (SIGINT, SIGTERM, SIGHUP), or 0: a run
 * stopped by `timeout` or a closed terminal is saved as Ctrl-C's is. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig) { interrupted = sig; }

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* steps= from FILE's .expect beside it (programs/NAME.expect), or 0. */
static uint64_t expected_steps_beside(const char *file)
{
    const char *dot = strrchr(file, '.'), *slash = strrchr(file, '/');
    if (dot == NULL || (slash != NULL && dot < slash))
        return 0;
    char path[4096];
    snprintf(path, sizeof path, "%.*s.expect", (int)(dot - file), file);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return 0;
    char line[256];
    uint64_t steps = 0;
    while (fgets(line, sizeof line, f) != NULL)
        if (strncmp(line, "steps=", 6) == 0)
            steps = strtoull(line + 6, NULL, 10);
    fclose(f);
    return steps;
}

typedef struct run_options {
    uint64_t max_steps;
    double speed;        /* multiple of 1948 speed; 0 = flat out */
    double digit_period; /* microseconds */
    uint64_t expect_steps;
    bool trace;         /* text trace */
    bool trace_json;    /* one JSON object per step */
    bool explain;
    profile_t *profile; /* NULL: no profile */
} run_options_t;

/* Whether the run goes one step at a time, to watch every step. */
static bool stepwise(const run_options_t *o)
{
    return o->trace || o->trace_json || o->explain || o->profile != NULL;
}

/* One line of progress on the terminal: steps, 1948 time, time remaining. */
static void show_progress(const ssem_t *m, const run_options_t *o)
{
    char done[64], left[64] = "";
    format_time_1948(m->steps, o->digit_period, done, sizeof done);
    if (o->expect_steps > m->steps && o->speed > 0) {
        char rest[48];
        format_duration(ssem_time_1948(o->expect_steps - m->steps, o->digit_period) / o->speed,
                        rest, sizeof rest);
        snprintf(left, sizeof left, ", about %s to go", rest);
    }
    fprintf(stderr, "\r%12" PRIu64 " instructions, %s of 1948 time%s   ", m->steps, done, left);
}

/* One line of --trace after a step: the step, the line executed (fetched
 * from CI + 1 before the step, as the debugger's history names it: CI after
 * a jump is the jump's target, not the line obeyed), PI, A after. */
static void trace_step(const ssem_t *m, uint32_t ci_before)
{
    char text[40];
    printf("%10" PRIu64 "  CI %2u  %-16s  A %11" PRId32 "\n", m->steps,
           (unsigned)((ci_before + 1u) & SSEM_LINE_MASK), ssem_disasm_obeyed(m->pi, text, sizeof text),
           ssem_word_signed(m->a));
}

/* Runs to a stop, the limit or Ctrl-C (SSEM_LIMIT with `interrupted` set). */
static ssem_stop_t run_machine(ssem_engine_t *engine, ssem_t *m, const run_options_t *o)
{
    bool watch = stepwise(o);
    bool progress = o->speed > 0 && !watch && isatty(STDERR_FILENO);
    double rate = o->speed > 0 ? o->speed / ssem_time_1948(1, o->digit_period) : 0;
    double last = now_seconds(), last_progress = 0;
    ssem_pace_t pace;
    ssem_pace_init(&pace);
    /* the first slice as large as a fast engine runs in ~10 ms: most programs
     * then run in one engine call (which --log=blocks reports as such); the
     * slice is tuned to about 1/60 s from there */
    pace.slice = RUN_FIRST_SLICE;
    ssem_stop_t why = SSEM_LIMIT;
    /* the signal flag is looked at between slices, and a slice is short
     * (ssem_pace_*): Ctrl-C, SIGTERM and SIGHUP are honoured within one */
    while (!interrupted && m->steps < o->max_steps) {
        uint64_t budget = o->max_steps - m->steps;
        double t0 = now_seconds();
        uint64_t due = ssem_pace_budget(&pace, rate, t0 - last);
        last = t0;
        if (due < budget)
            budget = due;
        if (watch && budget > 1) { /* one step at a time; the rest stays owed */
            if (rate > 0)
                ssem_pace_refund(&pace, budget - 1);
            budget = 1;
        }
        bool behind = rate > 0 && due == pace.slice; /* the engine cannot keep up */
        if (budget > 0) {
            ssem_t before = *m;
            why = ssem_engine_run(engine, m, budget, 0);
            if (rate <= 0 && !watch)
                ssem_pace_tune(&pace, m->steps - before.steps, now_seconds() - t0);
            if (o->trace && why != SSEM_FAULT)
                trace_step(m, before.ci);
            if (o->trace_json)
                trace_json_step(&before, m, why, stdout);
            if (o->explain)
                explain_step(&before, m, why, stdout);
            if (o->profile != NULL)
                profile_step(o->profile, &before, m);
            if (why != SSEM_LIMIT || (watch && ferror(stdout)))
                break;
        }
        if (o->speed > 0) {
            if (progress && now_seconds() - last_progress > 0.25) {
                show_progress(m, o);
                last_progress = now_seconds();
            }
            if (!behind) {
                struct timespec tick = {0, PACE_TICK_NS};
                nanosleep(&tick, NULL);
            }
        }
    }
    if (progress) {
        show_progress(m, o);
        fputc('\n', stderr);
    }
    return why;
}

enum {
    OPT_FORMAT = 1, OPT_ENGINE, OPT_MAX_STEPS, OPT_SPEED, OPT_DIGIT_PERIOD, OPT_EXPECT_STEPS,
    OPT_SAVE, OPT_LENIENT, OPT_TRACE, OPT_JSON, OPT_EXPLAIN, OPT_PROFILE, OPT_LOG
};
static const cli_option_t run_options[] = {
    {"--format", 0, CLI_VALUE, OPT_FORMAT},
    {"--engine", 0, CLI_VALUE, OPT_ENGINE},
    {"--max-steps", 0, CLI_VALUE, OPT_MAX_STEPS},
    {"--speed", 0, CLI_VALUE, OPT_SPEED},
    {"--digit-period", 0, CLI_VALUE, OPT_DIGIT_PERIOD},
    {"--expect-steps", 0, CLI_VALUE, OPT_EXPECT_STEPS},
    {"--save-on-interrupt", 0, CLI_VALUE, OPT_SAVE},
    {"--lenient", 0, CLI_FLAG, OPT_LENIENT},
    {"--trace", 0, CLI_OPTIONAL, OPT_TRACE},
    {"--explain", 0, CLI_FLAG, OPT_EXPLAIN},
    {"--profile", 0, CLI_FLAG, OPT_PROFILE},
    {"--log", 0, CLI_VALUE, OPT_LOG},
    {"--json", 0, CLI_FLAG, OPT_JSON},
    {NULL, 0, CLI_FLAG, 0},
};

int cmd_run(int argc, char **argv)
{
    ssem_format_t format = SSEM_FORMAT_AUTO;
    run_options_t o = {DEFAULT_MAX_STEPS, 0.0, SSEM_DIGIT_PERIOD_US, 0, false, false, false, NULL};
    bool lenient = false, json = false, expect_given = false, profile = false;
    bool log_blocks = false, log_stats = false;
    static const char *const trace_forms[] = {"", "text", "json", NULL};
    const char *file = NULL, *engine_name = NULL, *save_path = NULL;
    cli_parser_t p;
    cli_parser_init(&p, argc, argv, run_usage, run_options);
    for (int id; (id = cli_next(&p)) != CLI_END;) {
        switch (id) {
        case OPT_FORMAT: format = cli_format(&p); break;
        case OPT_ENGINE: engine_name = cli_engine(&p); break;
        case OPT_MAX_STEPS: o.max_steps = cli_count(&p, UINT64_MAX); break;
        case OPT_SPEED: o.speed = cli_speed(&p); break;
        case OPT_DIGIT_PERIOD: o.digit_period = cli_digit_period(&p); break;
        case OPT_EXPECT_STEPS:
            o.expect_steps = cli_count(&p, UINT64_MAX);
            expect_given = true;
            break;
        case OPT_SAVE: save_path = p.value; break;
        case OPT_LENIENT: lenient = true; break;
        case OPT_TRACE:
            if (cli_keyword(&p, trace_forms, "trace form (text or json)") == 2)
                o.trace_json = true;
            else
                o.trace = true;
            break;
        case OPT_EXPLAIN: o.explain = true; break;
        case OPT_PROFILE: profile = true; break;
        case OPT_LOG: {
            char what[64];
            snprintf(what, sizeof what, "%s", p.value);
            static const char *const log_forms[] = {"blocks", "stats", NULL};
            for (char *item = strtok(what, ","); item != NULL; item = strtok(NULL, ",")) {
                int k = value_keyword(item, log_forms); /* any case, as every keyword */
                if (k < 0)
                    die_usage("run: --log: '%s' is not blocks or stats", item);
                if (k == 0)
                    log_blocks = true;
                else
                    log_stats = true;
            }
            if (!log_blocks && !log_stats)
                die_usage("run: --log needs blocks, stats or both");
            break;
        }
        case OPT_JSON: json = true; break;
        case CLI_OPERAND: cli_take_file(&p, &file); break;
        }
    }
    if (file == NULL)
        die_usage("run: no program file given");
    if ((o.trace ? 1 : 0) + (o.trace_json ? 1 : 0) + (o.explain ? 1 : 0) > 1)
        die_usage("run: one of --trace, --trace=json and --explain at a time");
    /* --trace=json is for programs that read standard output line by line
     * as JSON: nothing else may go there (the profile is text) */
    if (o.trace_json && profile)
        die_usage("run: --profile prints text: not with --trace=json (standard output is "
                  "JSON lines)");
    if (o.trace_json)
        json = true; /* the final state as one more JSON line */
    if (log_blocks && !translation_log_disassembles()) {
        fprintf(stderr,
                "%s: run: --log=blocks is off in this build: it was built without capstone "
                "(Debian's libcapstone-dev), which disassembles the host code; install it and "
                "rebuild ('--log=stats' works without it)\n",
                program_name);
        return EXIT_USAGE;
    }
    ssem_engine_t *engine = open_engine(engine_name);
    translation_log_t log = {stderr, log_blocks};
    if (log_blocks || log_stats)
        ssem_engine_observe(engine, translation_log_event, &log);
    static profile_t counts; /* 8 KiB of counters: not on the stack */
    if (profile)
        o.profile = &counts;
    if (!expect_given)
        o.expect_steps = expected_steps_beside(file);

    ssem_t m;
    if (load_machine(file, format, lenient, &m) != 0) {
        ssem_engine_free(engine);
        return EXIT_BAD_INPUT;
    }
    /* --max-steps counts from reset, a resumed state's steps included (so a
     * resumed run ends as an uninterrupted one would), and cannot pass
     * 2^64 - 1: a state at that count could never run again */
    if (!m.lamp && ssem_steps_left(&m) == 0) {
        error_message("%s: step %" PRIu64 " cannot be continued: the step count is at "
                      "2^64 - 1", file, m.steps);
        ssem_engine_free(engine);
        return EXIT_BAD_INPUT;
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    ssem_stop_t why = m.lamp ? (m.fault ? SSEM_FAULT : SSEM_HALTED) : SSEM_LIMIT;
    if (!m.lamp)
        why = run_machine(engine, &m, &o);
    if (log_stats) {
        ssem_engine_stats_t st;
        ssem_engine_stats(engine, &st);
        translation_log_stats(&st, ssem_engine_name(engine), stderr);
    }
    ssem_engine_free(engine);

    int status = why == SSEM_HALTED ? EXIT_HALTED : why == SSEM_FAULT ? EXIT_FAULT : EXIT_LIMIT;
    bool stopped_by_signal = interrupted != 0 && why == SSEM_LIMIT;
    if (stopped_by_signal) {
        error_message("interrupted (%s) after %" PRIu64 " instructions",
                interrupted == SIGINT ? "Ctrl-C" : interrupted == SIGTERM ? "SIGTERM" : "SIGHUP",
                m.steps);
        status = 128 + (int)interrupted;
        if (save_path != NULL) {
            char state[SSEM_TEXT_MAX];
            if (ssem_write_state(&m, state, sizeof state) == 0 ||
                write_output_text(save_path, state) != 0)
                status = EXIT_BAD_INPUT;
            else
                error_message("state saved to %s (resume with: ssem run %s)", save_path, save_path);
        }
    }
    if (json)
        print_json(&m, why, stopped_by_signal, o.digit_period);
    else
        print_state(&m, why, stopped_by_signal, o.digit_period);
    if (o.profile != NULL) {
        printf("\n");
        profile_print(o.profile, &m, stdout);
    }
    if (finish_stdout() != 0)
        return EXIT_BAD_INPUT;
    return status;
}
