/*
 * cmd_verify.c - `ssem engines` and `ssem verify`: the engines, and the
 * lecture's stepwise-correctness condition checked between two of them.
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

/* --------------------------------------------------------- ssem engines */

static const char engines_usage[] =
    "usage: ssem engines\n\nLists the engines built in, the default (fastest) first.\n";

int cmd_engines(int argc, char **argv)
{
    static const cli_option_t none[] = {{NULL, 0, CLI_FLAG, 0}};
    cli_parser_t p;
    cli_parser_init(&p, argc, argv, engines_usage, none);
    if (cli_next(&p) != CLI_END)
        die_usage("engines: takes no arguments");
    for (const char *const *n = ssem_engine_names(); *n; n++)
        printf("%-5s %s%s\n", *n, ssem_engine_summary(*n),
               strcmp(*n, ssem_engine_default()) == 0 ? " (default)" : "");
    return 0;
}

/* ---------------------------------------------------------- ssem verify */

static const char verify_usage[] =
    "usage: ssem verify [options] FILE\n"
    "       ssem verify [options] --random N [--steps M] [--seed S]\n"
    "\n"
    "The lecture's correctness condition, checked: runs two engines side by\n"
    "side from the same state and compares their T-states (store, A, CI, PI,\n"
    "lamp) and step counts after every step, or every K steps and then bisects\n"
    "to the first step that differs. On a difference it prints the step, the\n"
    "instruction and both states with the differing parts marked.\n"
    "\n"
    "options:\n"
    "  --engines=A,B    the two engines (default: all = each engine against ref)\n"
    "  --stride=K       compare every K steps (default 1)\n"
    "  --max-steps=N    check at most N steps of a program (default 100000000)\n"
    "  --random=N       check N random stores instead of a file\n"
    "  --steps=M        steps per random store (default 10000)\n"
    "  --seed=S         seed for the random stores (default 1)\n"
    "  --lenient        run with the fetch fault check off\n"
    "  --format=F       input format (as for run)\n"    "  --show-interp[=STEP]  run each engine STEP instructions (default 1) and\n"
    "                   print its own state there (its V-state: where it keeps\n"
    "                   each part of the machine) and the T-state its interp maps\n"
    "                   that to, compared with ref's T-state at the same step\n"

    "\n"
    "exit status: 0 the engines agree, 1 bad input, 2 bad usage, 5 they differ\n";

static void print_difference(const char *name_a, const char *name_b,
                             const ssem_verify_result_t *r)
{
    char text[40], ba[33], bb[33];
    uint32_t line = (r->before.ci + 1u) & SSEM_LINE_MASK;
    printf("%s and %s differ at step %" PRIu64 ": line %u, %s\n", name_a, name_b, r->first_step,
           (unsigned)line, ssem_disasm_word(r->before.store[line], text, sizeof text));
    printf("stop: %s / %s; steps %" PRIu64 " / %" PRIu64 "\n", ssem_stop_name(r->stop_a),
           ssem_stop_name(r->stop_b), r->after_a.steps, r->after_b.steps);
    printf("     %-32s  %-32s\n", name_a, name_b);
    struct {
        const char *name;
        uint32_t x, y;
    } regs[] = {{"A", r->after_a.a, r->after_b.a},
                {"CI", r->after_a.ci, r->after_b.ci},
                {"PI", r->after_a.pi, r->after_b.pi},
                {"lamp", r->after_a.lamp, r->after_b.lamp}};
    for (size_t i = 0; i < sizeof regs / sizeof regs[0]; i++)
        printf("%-4s %s  %s  %s\n", regs[i].name, ssem_word_bits(regs[i].x, ba, sizeof ba),
               ssem_word_bits(regs[i].y, bb, sizeof bb), regs[i].x != regs[i].y ? "<-- differs" : "");
    for (uint32_t l = 0; l < SSEM_LINES; l++)
        printf("%4u %s  %s  %s\n", (unsigned)l, ssem_word_bits(r->after_a.store[l], ba, sizeof ba),
               ssem_word_bits(r->after_b.store[l], bb, sizeof bb),
               r->after_a.store[l] != r->after_b.store[l] ? "<-- differs" : "");
}

/* --show-interp: each engine's V-state after `step` steps from start, and
 * interp of it, against ref's T-state there. Returns true when all agree. */
static bool show_interp(const char *what, const ssem_t *start, char **pairs, size_t npairs,
                        uint64_t step)
{
    ssem_engine_t *ref = open_engine("ref");
    ssem_t t = *start;
    ssem_stop_t ref_why = ssem_engine_run(ref, &t, step, 0);
    ssem_engine_free(ref);
    printf("%s: interp at step %" PRIu64 " (ref: %s after %" PRIu64 " step%s)\n", what, step,
           ssem_stop_name(ref_why), t.steps, t.steps == 1 ? "" : "s");
    bool all = true;
    const char *shown[64];
    size_t nshown = 0;
    static ssem_vstate_t v; /* 16 KiB: not on the stack */
    for (size_t p = 0; p < npairs; p++) {
        bool seen = false;
        for (size_t k = 0; k < nshown; k++)
            seen = seen || strcmp(shown[k], pairs[p]) == 0;
        if (seen)
            continue;
        shown[nshown++] = pairs[p];
        ssem_engine_t *e = open_engine(pairs[p]);
        ssem_t m = *start;
        ssem_engine_run(e, &m, step, 0);
        ssem_engine_describe(e, &m, &v);
        ssem_engine_free(e);
        printf("\nengine %s: %s\n", pairs[p], v.form);
        printf("  %-24s %-58s %s\n", "V-state", "holds", "interp gives");
        for (int i = 0; i < v.nitems; i++)
            printf("  %-24s %-58s %s\n", v.item[i].name, v.item[i].value,
                   v.item[i].maps[0] ? v.item[i].maps : "(not part of T)");
        printf("  interp: %s\n", v.interp);
        char text[40];
        uint32_t differ = 0;
        for (uint32_t l = 0; l < SSEM_LINES; l++)
            differ |= (uint32_t)(v.tstate.store[l] != t.store[l]) << l;
        printf("  T-state: A %" PRId32 ", CI %" PRIu32 ", PI %s, lamp %s; store as ref's%s\n",
               ssem_word_signed(v.tstate.a), v.tstate.ci,
               ssem_disasm_obeyed(v.tstate.pi, text, sizeof text), v.tstate.lamp ? "lit" : "off",
               differ ? " EXCEPT some lines" : "");
        bool same = ssem_tstate_equal(&v.tstate, &t) && m.steps == t.steps;
        printf("  interp(V) %s ref's T-state at step %" PRIu64 "\n",
               same ? "equals" : "DIFFERS FROM", t.steps);
        all = all && same;
    }
    return all;
}

/* Checks one start state against every pair; returns true when all agree. */
static bool verify_state(const char *what, const ssem_t *start, char **pairs, size_t npairs,
                         uint64_t max_steps, uint64_t stride, bool quiet)
{
    bool all_agree = true;
    for (size_t p = 0; p < npairs; p += 2) {
        ssem_verify_result_t r;
        ssem_verify(pairs[p], pairs[p + 1], start, max_steps, stride, &r);
        if (r.differ) {
            printf("%s: ", what);
            print_difference(pairs[p], pairs[p + 1], &r);
            all_agree = false;
        } else if (!quiet) {
            printf("%s: %s and %s agree over %" PRIu64 " steps (%s), compared every %" PRIu64
                   " step%s\n",
                   what, pairs[p], pairs[p + 1], r.steps, ssem_stop_name(r.stop), stride,
                   stride == 1 ? "" : "s");
        }
    }
    return all_agree;
}

enum {
    OPT_FORMAT = 1, OPT_ENGINES, OPT_STRIDE, OPT_MAX_STEPS, OPT_RANDOM, OPT_STEPS, OPT_SEED,
    OPT_LENIENT, OPT_SHOW_INTERP
};
static const cli_option_t verify_options[] = {
    {"--format", 0, CLI_VALUE, OPT_FORMAT},
    {"--engines", 0, CLI_VALUE, OPT_ENGINES},
    {"--stride", 0, CLI_VALUE, OPT_STRIDE},
    {"--max-steps", 0, CLI_VALUE, OPT_MAX_STEPS},
    {"--random", 0, CLI_VALUE, OPT_RANDOM},
    {"--steps", 0, CLI_VALUE, OPT_STEPS},
    {"--seed", 0, CLI_VALUE, OPT_SEED},
    {"--lenient", 0, CLI_FLAG, OPT_LENIENT},
    {"--show-interp", 0, CLI_OPTIONAL, OPT_SHOW_INTERP},
    {NULL, 0, CLI_FLAG, 0},
};

/* An engine name given in --engines (case ignored), as the library spells it. */
static char *engine_named(const char *text)
{
    for (const char *const *n = ssem_engine_names(); *n; n++)
        if (value_same_word(text, *n))
            return (char *)*n;
    die_usage("verify: unknown engine '%s' (see 'ssem engines')", text);
}

int cmd_verify(int argc, char **argv)
{
    ssem_format_t format = SSEM_FORMAT_AUTO;
    uint64_t stride = 1, max_steps = DEFAULT_MAX_STEPS, random_count = 0, random_steps = 10000;
    uint64_t seed = 1;
    bool lenient = false, random_mode = false, interp = false;
    uint64_t interp_step = 1;
    const char *file = NULL, *engines_opt = "all";
    cli_parser_t p;
    cli_parser_init(&p, argc, argv, verify_usage, verify_options);
    for (int id; (id = cli_next(&p)) != CLI_END;) {
        switch (id) {
        case OPT_FORMAT: format = cli_format(&p); break;
        case OPT_ENGINES: engines_opt = p.value; break;
        case OPT_STRIDE:
            stride = cli_count(&p, UINT64_MAX);
            if (stride == 0)
                die_usage("verify: --stride must be at least 1");
            break;
        case OPT_MAX_STEPS: max_steps = cli_count(&p, UINT64_MAX); break;
        case OPT_RANDOM:
            random_count = cli_count(&p, UINT64_MAX);
            random_mode = true;
            break;
        case OPT_STEPS: random_steps = cli_count(&p, UINT64_MAX); break;
        case OPT_SEED: seed = cli_count(&p, UINT64_MAX); break;
        case OPT_LENIENT: lenient = true; break;
        case OPT_SHOW_INTERP:
            interp = true;
            if (p.value[0] != '\0')
                interp_step = cli_count(&p, UINT64_MAX);
            break;
        case CLI_OPERAND: cli_take_file(&p, &file); break;
        }
    }
    if ((file == NULL) == !random_mode)
        die_usage("verify: give a program file or --random N (not both)");
    if (interp && random_mode)
        die_usage("verify: --show-interp needs a program file, not --random");

    /* the engine pairs to check, as consecutive (a, b) names */
    char *pairs[64];
    size_t npairs = 0;
    char engines_buf[256];
    if (value_same_word(engines_opt, "all")) {
        for (const char *const *n = ssem_engine_names(); *n && npairs < 62; n++)
            if (strcmp(*n, "ref") != 0) {
                pairs[npairs++] = (char *)"ref";
                pairs[npairs++] = (char *)*n;
            }
        if (npairs == 0)
            die_usage("verify: only the ref engine is built in: nothing to compare");
    } else {
        snprintf(engines_buf, sizeof engines_buf, "%s", engines_opt);
        char *comma = strchr(engines_buf, ',');
        if (comma == NULL || strchr(comma + 1, ',') != NULL)
            die_usage("verify: --engines takes two names, A,B (or all)");
        *comma = '\0';
        pairs[0] = engine_named(engines_buf);
        pairs[1] = engine_named(comma + 1);
        npairs = 2;
    }

    ssem_t m;
    memset(&m, 0, sizeof m);
    m.lenient = lenient;
    if (!random_mode) {
        if (load_machine(file, format, lenient, &m) != 0 ||
            check_continuable(file, &m, interp ? interp_step : max_steps,
                              interp ? "--show-interp" : "--max-steps") != 0)
            return EXIT_BAD_INPUT;
        if (interp)
            return show_interp(file, &m, pairs, npairs, interp_step) ? 0 : EXIT_DIFFER;
        return verify_state(file, &m, pairs, npairs, max_steps, stride, false) ? 0 : EXIT_DIFFER;
    }
    uint64_t failures = 0;
    for (uint64_t k = 0; k < random_count; k++) {
        uint64_t store_seed = seed + k * 0x100000001ull;
        char what[64];
        snprintf(what, sizeof what, "random store %" PRIu64 " (seed %" PRIu64 ")", k, seed);
        ssem_random_store(&m, &store_seed);
        if (!verify_state(what, &m, pairs, npairs, random_steps, stride, true))
            failures++;
    }
    printf("%" PRIu64 " random stores of up to %" PRIu64 " steps (seed %" PRIu64 "): %s\n",
           random_count, random_steps, seed,
           failures == 0 ? "all engines agree" : "the engines DIFFER");
    return failures == 0 ? 0 : EXIT_DIFFER;
}

