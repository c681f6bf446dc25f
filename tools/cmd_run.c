/*
 * cmd_run.c - `ssem run`: a program from reset to STP, a fault or the step
 * limit, by any engine; the final state as the monitor showed it, or JSON.
 */
#include "cli.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------- ssem run */

static const char run_usage[] =
    "usage: ssem run [options] FILE     (FILE '-' reads standard input)\n"
    "\n"
    "Runs a Baby program from reset until STP, a fault or the step limit, then\n"
    "shows the store as the monitor showed it (bit 0 on the left, 0 a dot and\n"
    "1 a dash), A, CI, PI, the stop lamp, the instruction count and the time the\n"
    "Baby would have taken (1.44 ms an instruction).\n"
    "\n"
    "options:\n"
    "  --format=F       input format: auto (default), listing, snp, asm, bits, decimal\n"
    "  --engine=NAME    ref, fast or dbt (default: the fastest; see 'ssem engines')\n"
    "  --max-steps=N    stop after N instructions (default 100000000)\n"
    "  --lenient        fetch from CI & 31 even when CI bits 13-15 are set\n"
    "                   (the real machine could not: by default that is a fault)\n"
    "  --trace          print one line per step: step, CI, PI disassembled, A after\n"
    "  --json           print the final state as one JSON object\n"
    "\n"
    "exit status: 0 halted (STP), 1 bad input, 2 bad usage, 3 fault, 4 step limit\n";

int cmd_run(int argc, char **argv)
{
    ssem_format_t format = SSEM_FORMAT_AUTO;
    uint64_t max_steps = DEFAULT_MAX_STEPS;
    bool lenient = false, trace = false, json = false;
    const char *file = NULL, *engine_name = NULL, *v;
    for (int i = 1; i < argc; i++) {
        if (is_help(argv[i])) {
            fputs(run_usage, stdout);
            return 0;
        } else if ((v = match_option(argc, argv, &i, "--format", true)) != NULL) {
            format = parse_format_option(v);
        } else if ((v = match_option(argc, argv, &i, "--engine", true)) != NULL) {
            engine_name = v;
        } else if ((v = match_option(argc, argv, &i, "--max-steps", true)) != NULL) {
            max_steps = parse_count("--max-steps", v);
        } else if (match_option(argc, argv, &i, "--lenient", false)) {
            lenient = true;
        } else if (match_option(argc, argv, &i, "--trace", false)) {
            trace = true;
        } else if (match_option(argc, argv, &i, "--json", false)) {
            json = true;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            die_usage("run: unknown option '%s'", argv[i]);
        } else if (file != NULL) {
            die_usage("run: one program at a time ('%s' and '%s')", file, argv[i]);
        } else {
            file = argv[i];
        }
    }
    if (file == NULL)
        die_usage("run: no program file given");
    ssem_engine_t *engine = open_engine(engine_name);

    source_t src;
    ssem_image_t img;
    if (load_program(file, format, &src, &img) != 0)
        return EXIT_BAD_INPUT;
    free(src.text);

    ssem_t m;
    memset(&m, 0, sizeof m);
    m.lenient = lenient;
    ssem_load_image(&m, &img);

    ssem_stop_t why;
    if (trace) {
        why = SSEM_LIMIT;
        while (m.steps < max_steps) {
            why = ssem_engine_run(engine, &m, 1);
            if (why == SSEM_LIMIT)
                why = SSEM_RUNNING;
            if (why == SSEM_FAULT)
                break;
            char text[40];
            printf("%10" PRIu64 "  CI %2u  %-16s  A %11" PRId32 "\n", m.steps,
                   (unsigned)(m.ci & SSEM_LINE_MASK), ssem_disasm_word(m.pi, text, sizeof text),
                   ssem_word_signed(m.a));
            if (why != SSEM_RUNNING)
                break;
            why = SSEM_LIMIT;
            if (ferror(stdout))
                break; /* nobody is reading the trace: finish_stdout reports it */
        }
    } else {
        why = ssem_engine_run(engine, &m, max_steps);
    }
    ssem_engine_free(engine);
    if (json)
        print_json(&m, why);
    else
        print_state(&m, why);
    if (finish_stdout() != 0)
        return EXIT_BAD_INPUT;
    return why == SSEM_HALTED ? EXIT_HALTED : why == SSEM_FAULT ? EXIT_FAULT : EXIT_LIMIT;
}

