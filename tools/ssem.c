/*
 * ssem.c - the `ssem` command: a thin front-end over libssem.
 *
 * Subcommands: run, asm, disasm (more join the table at the bottom). Each
 * parses its own options, loads through the library, and prints. All the
 * machine's logic is in the library; what lives here is presentation, files
 * and exit statuses:
 *
 *   0 halted (STP) / success     1 bad input (a file that does not load)
 *   2 bad usage                  3 fault     4 step limit reached
 *   5 (verify) the engines differ
 *
 * Files the user keeps (assembler output) are written atomically: to a
 * temporary file beside the target, then renamed over it, so a failure never
 * leaves a partial file.
 */
#include "ssem.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum exit_status {
    EXIT_HALTED = 0,
    EXIT_BAD_INPUT = 1,
    EXIT_USAGE = 2,
    EXIT_FAULT = 3,
    EXIT_LIMIT = 4,
    EXIT_DIFFER = 5,
};

#define DEFAULT_MAX_STEPS 100000000ull /* 100 million: ~40 hours of 1948 time */
#define MAX_INPUT_BYTES (16u << 20)    /* no Baby program is 16 MiB of text */

static const char *program_name = "ssem";

static void die_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", program_name);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n(try '%s --help')\n", program_name);
    va_end(ap);
    exit(EXIT_USAGE);
}

/* Flushes standard output; on failure (a full disk, a closed pipe) says so
 * and returns -1. */
static int finish_stdout(void)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return 0;
    fprintf(stderr, "%s: standard output: %s\n", program_name, strerror(errno));
    return -1;
}

/* ---------------------------------------------------------------- input */

typedef struct source {
    const char *name; /* as given on the command line; "-" is stdin */
    char *text;
    size_t len;
} source_t;

/* Reads a whole file (or stdin for "-"). On failure prints and returns -1. */
static int read_source(const char *name, source_t *src)
{
    FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
    if (f == NULL) {
        fprintf(stderr, "%s: %s: %s\n", program_name, name, strerror(errno));
        return -1;
    }
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
        if (len == cap) {
            if (cap >= MAX_INPUT_BYTES) {
                fprintf(stderr, "%s: %s: file too large (over %u bytes)\n", program_name, name,
                        MAX_INPUT_BYTES);
                free(buf);
                buf = NULL;
                break;
            }
            cap *= 2;
            char *bigger = realloc(buf, cap);
            if (bigger == NULL)
                free(buf);
            buf = bigger;
        }
    }
    int failed = buf == NULL || ferror(f);
    if (failed && buf != NULL)
        fprintf(stderr, "%s: %s: %s\n", program_name, name, strerror(errno));
    if (f != stdin)
        fclose(f);
    if (failed) {
        free(buf);
        return -1;
    }
    src->name = name;
    src->text = buf;
    src->len = len;
    return 0;
}

static void print_diag(const source_t *src, const ssem_diag_t *d, bool warning)
{
    char buf[1024];
    ssem_diag_t shown = *d;
    if (warning) /* the message keeps its first 180 characters */
        snprintf(shown.message, sizeof shown.message, "warning: %.180s", d->message);
    ssem_diag_format(&shown, src->text, src->len, buf, sizeof buf);
    fprintf(stderr, "%s: %s", program_name, buf);
}

/* Loads a program; prints warnings; on error prints it and returns -1. */
static int load_program(const char *name, ssem_format_t format, source_t *src,
                        ssem_image_t *img)
{
    if (read_source(name, src) != 0)
        return -1;
    ssem_diag_t err;
    if (ssem_load(src->text, src->len, name, format, img, &err) != 0) {
        print_diag(src, &err, false);
        return -1;
    }
    for (int i = 0; i < img->nwarnings; i++)
        print_diag(src, &img->warning[i], true);
    return 0;
}

/* ------------------------------------------------------------- options */

/* Matches "--name" or "--name=value"; for options with a value, takes it from
 * "=value" or the next argument. Returns the value, "" for a flag, or NULL. */
static const char *match_option(int argc, char **argv, int *i, const char *name,
                                bool has_value)
{
    const char *arg = argv[*i];
    size_t n = strlen(name);
    if (strncmp(arg, name, n) != 0)
        return NULL;
    if (arg[n] == '\0') {
        if (!has_value)
            return "";
        if (*i + 1 >= argc)
            die_usage("option '%s' needs a value", name);
        return argv[++*i];
    }
    if (arg[n] == '=' && has_value)
        return arg + n + 1;
    if (arg[n] == '=')
        die_usage("option '%s' takes no value", name);
    return NULL;
}

static uint64_t parse_count(const char *opt, const char *text)
{
    char *end;
    errno = 0;
    if (*text == '-' || *text == '\0')
        die_usage("%s: '%s' is not a non-negative number", opt, text);
    unsigned long long v = strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0')
        die_usage("%s: '%s' is not a non-negative number", opt, text);
    return (uint64_t)v;
}

static ssem_format_t parse_format_option(const char *text)
{
    ssem_format_t f;
    if (ssem_format_parse(text, &f) != 0)
        die_usage("unknown format '%s' (auto, listing, snp, asm, bits, decimal)", text);
    return f;
}

static bool is_help(const char *arg) { return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0; }

/* ------------------------------------------------------------ printing */

/* Seconds as "50 min 20.1 s" or "7.2 ms". */
static void format_duration(double seconds, char *buf, size_t size)
{
    if (seconds >= 3600.0)
        snprintf(buf, size, "%d h %d min %.1f s", (int)(seconds / 3600.0),
                 (int)(seconds / 60.0) % 60, seconds - 60.0 * (double)(int)(seconds / 60.0));
    else if (seconds >= 60.0)
        snprintf(buf, size, "%d min %.1f s", (int)(seconds / 60.0),
                 seconds - 60.0 * (double)(int)(seconds / 60.0));
    else if (seconds >= 1.0)
        snprintf(buf, size, "%.2f s", seconds);
    else
        snprintf(buf, size, "%.2f ms", seconds * 1000.0);
}

/* The store as the monitor showed it: 32 rows, bit 0 on the left, a 0 a dot
 * and a 1 a dash; each row followed by its disassembly. */
static void print_monitor(const ssem_t *m)
{
    printf("     0         1         2         3\n");
    printf("     01234567890123456789012345678901\n");
    for (uint32_t line = 0; line < SSEM_LINES; line++) {
        char bits[33], text[40];
        ssem_word_bits(m->store[line], bits, sizeof bits);
        for (int i = 0; i < 32; i++)
            bits[i] = bits[i] == '1' ? '-' : '.';
        ssem_disasm_word(m->store[line], text, sizeof text);
        printf("%3u  %s  %-16s %11" PRId32 "\n", (unsigned)line, bits, text,
               ssem_word_signed(m->store[line]));
    }
}

static void print_register(const char *name, uint32_t w, const char *note)
{
    char bits[33];
    ssem_word_bits(w, bits, sizeof bits);
    printf("%-3s  %s  %11" PRId32 "%s%s\n", name, bits, ssem_word_signed(w), note ? "  " : "",
           note ? note : "");
}

static void print_state(const ssem_t *m, ssem_stop_t why)
{
    char text[40], when[64], ci_note[64];
    print_monitor(m);
    printf("\n");
    print_register("A", m->a, NULL);
    snprintf(ci_note, sizeof ci_note, "line %u", (unsigned)(m->ci & SSEM_LINE_MASK));
    print_register("CI", m->ci, ci_note);
    print_register("PI", m->pi, ssem_disasm_word(m->pi, text, sizeof text));
    switch (why) {
    case SSEM_HALTED:
        printf("stop lamp: lit (STP at line %u)\n", (unsigned)(m->ci & SSEM_LINE_MASK));
        break;
    case SSEM_FAULT: {
        char reason[256];
        ssem_fault_reason(m, reason, sizeof reason);
        printf("stop lamp: lit (fault: %s)\n", reason);
        break;
    }
    case SSEM_LIMIT:
        printf("stop lamp: off (step limit reached: still running)\n");
        break;
    default:
        printf("stop lamp: %s (%s)\n", m->lamp ? "lit" : "off", ssem_stop_name(why));
        break;
    }
    format_duration(ssem_time_1948(m->steps, SSEM_DIGIT_PERIOD_US), when, sizeof when);
    printf("%" PRIu64 " instructions; the Baby would have taken %s (1.44 ms an instruction)\n",
           m->steps, when);
}

static void print_json(const ssem_t *m, ssem_stop_t why)
{
    const char *status = why == SSEM_HALTED ? "halted" : why == SSEM_FAULT ? "fault" : "limit";
    printf("{\"status\":\"%s\",\"steps\":%" PRIu64 ",\"a\":%" PRId32 ",\"ci\":%" PRId32
           ",\"pi\":%" PRId32 ",\"lamp\":%s,\"store\":[",
           status, m->steps, ssem_word_signed(m->a), ssem_word_signed(m->ci),
           ssem_word_signed(m->pi), m->lamp ? "true" : "false");
    for (uint32_t i = 0; i < SSEM_LINES; i++)
        printf("%s%" PRId32, i ? "," : "", ssem_word_signed(m->store[i]));
    printf("],\"time_1948_s\":%.6f}\n", ssem_time_1948(m->steps, SSEM_DIGIT_PERIOD_US));
}

/* Creates the engine named by --engine (the fastest when NULL). */
static ssem_engine_t *open_engine(const char *name)
{
    if (name == NULL)
        name = ssem_engine_default();
    if (ssem_engine_summary(name) == NULL)
        die_usage("unknown engine '%s' (see 'ssem engines')", name);
    ssem_engine_t *e = ssem_engine_new(name);
    if (e == NULL) {
        fprintf(stderr, "%s: engine '%s': out of memory\n", program_name, name);
        exit(EXIT_BAD_INPUT);
    }
    return e;
}

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

static int cmd_run(int argc, char **argv)
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

/* ------------------------------------------------------------- ssem asm */

/* Writes text to path atomically (temporary file beside it, then rename).
 * Returns 0, or prints and returns -1 leaving no file behind. */
static int write_file_atomically(const char *path, const char *text)
{
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (tmp == NULL)
        return -1;
    snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        fprintf(stderr, "%s: %s: %s\n", program_name, path, strerror(errno));
        free(tmp);
        return -1;
    }
    /* mkstemp makes the file 0600; give it the mode a plain fopen would */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    FILE *f = fdopen(fd, "w");
    bool ok = f != NULL && fputs(text, f) >= 0;
    ok = (f != NULL && fclose(f) == 0) && ok;
    if (f == NULL)
        close(fd);
    if (ok && rename(tmp, path) != 0)
        ok = false;
    if (!ok) {
        fprintf(stderr, "%s: %s: %s\n", program_name, path, strerror(errno));
        remove(tmp);
    }
    free(tmp);
    return ok ? 0 : -1;
}

static const char asm_usage[] =
    "usage: ssem asm [options] FILE     (FILE '-' reads standard input)\n"
    "\n"
    "Assembles a Baby program (or converts any format ssem reads) and writes\n"
    "the store. Errors are reported as file:line:col: message; nothing is\n"
    "written when there is an error.\n"
    "\n"
    "options:\n"
    "  -o OUT, --output=OUT   write to OUT (atomically) instead of standard output\n"
    "  --to=F                 output format: snp (default), listing, asm\n"
    "  --format=F             input format: auto (default), listing, snp, asm, bits, decimal\n"
    "\n"
    "exit status: 0 success, 1 bad input, 2 bad usage\n";

static const char disasm_usage[] =
    "usage: ssem disasm [options] FILE  (FILE '-' reads standard input)\n"
    "\n"
    "Prints a program as ssem assembly, one 'NN: MNEMONIC operand' line per\n"
    "store line; words that are not plain instructions are 'NUM value'.\n"
    "Assembling the output gives back the same store, bit for bit.\n"
    "\n"
    "options:\n"
    "  --format=F       input format: auto (default), listing, snp, asm, bits, decimal\n"
    "  -o OUT, --output=OUT   write to OUT (atomically) instead of standard output\n"
    "\n"
    "exit status: 0 success, 1 bad input, 2 bad usage\n";

/* ssem asm and ssem disasm: load, then write in another format. */
static int convert(int argc, char **argv, const char *usage, ssem_format_t to, bool allow_to)
{
    ssem_format_t format = SSEM_FORMAT_AUTO;
    const char *file = NULL, *out = NULL, *v;
    for (int i = 1; i < argc; i++) {
        if (is_help(argv[i])) {
            fputs(usage, stdout);
            return 0;
        } else if ((v = match_option(argc, argv, &i, "--format", true)) != NULL) {
            format = parse_format_option(v);
        } else if (allow_to && (v = match_option(argc, argv, &i, "--to", true)) != NULL) {
            if (strcmp(v, "snp") == 0)
                to = SSEM_FORMAT_SNP;
            else if (strcmp(v, "listing") == 0)
                to = SSEM_FORMAT_LISTING;
            else if (strcmp(v, "asm") == 0)
                to = SSEM_FORMAT_ASM;
            else
                die_usage("%s: --to: unknown output format '%s' (snp, listing, asm)", argv[0], v);
        } else if ((v = match_option(argc, argv, &i, "--output", true)) != NULL ||
                   (v = match_option(argc, argv, &i, "-o", true)) != NULL) {
            out = v;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            die_usage("%s: unknown option '%s'", argv[0], argv[i]);
        } else if (file != NULL) {
            die_usage("%s: one file at a time ('%s' and '%s')", argv[0], file, argv[i]);
        } else {
            file = argv[i];
        }
    }
    if (file == NULL)
        die_usage("%s: no input file given", argv[0]);

    source_t src;
    ssem_image_t img;
    if (load_program(file, format, &src, &img) != 0)
        return EXIT_BAD_INPUT;
    free(src.text);
    char *text = ssem_write(to, img.word);
    if (text == NULL) {
        fprintf(stderr, "%s: out of memory\n", program_name);
        return EXIT_BAD_INPUT;
    }
    int rc = 0;
    if (out != NULL)
        rc = write_file_atomically(out, text) == 0 ? 0 : EXIT_BAD_INPUT;
    else if (fputs(text, stdout) < 0 || finish_stdout() != 0)
        rc = EXIT_BAD_INPUT;
    free(text);
    return rc;
}

static int cmd_asm(int argc, char **argv)
{
    return convert(argc, argv, asm_usage, SSEM_FORMAT_SNP, true);
}

static int cmd_disasm(int argc, char **argv)
{
    return convert(argc, argv, disasm_usage, SSEM_FORMAT_ASM, false);
}

/* --------------------------------------------------------- ssem engines */

static int cmd_engines(int argc, char **argv)
{
    if (argc > 1 && is_help(argv[1])) {
        printf("usage: ssem engines\n\nLists the engines built in, the default (fastest) first.\n");
        return 0;
    }
    if (argc > 1)
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
    "  --format=F       input format (as for run)\n"
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

static int cmd_verify(int argc, char **argv)
{
    ssem_format_t format = SSEM_FORMAT_AUTO;
    uint64_t stride = 1, max_steps = DEFAULT_MAX_STEPS, random_count = 0, random_steps = 10000;
    uint64_t seed = 1;
    bool lenient = false, random_mode = false;
    const char *file = NULL, *engines_opt = "all", *v;
    for (int i = 1; i < argc; i++) {
        if (is_help(argv[i])) {
            fputs(verify_usage, stdout);
            return 0;
        } else if ((v = match_option(argc, argv, &i, "--format", true)) != NULL) {
            format = parse_format_option(v);
        } else if ((v = match_option(argc, argv, &i, "--engines", true)) != NULL) {
            engines_opt = v;
        } else if ((v = match_option(argc, argv, &i, "--stride", true)) != NULL) {
            stride = parse_count("--stride", v);
            if (stride == 0)
                die_usage("--stride must be at least 1");
        } else if ((v = match_option(argc, argv, &i, "--max-steps", true)) != NULL) {
            max_steps = parse_count("--max-steps", v);
        } else if ((v = match_option(argc, argv, &i, "--random", true)) != NULL) {
            random_count = parse_count("--random", v);
            random_mode = true;
        } else if ((v = match_option(argc, argv, &i, "--steps", true)) != NULL) {
            random_steps = parse_count("--steps", v);
        } else if ((v = match_option(argc, argv, &i, "--seed", true)) != NULL) {
            seed = parse_count("--seed", v);
        } else if (match_option(argc, argv, &i, "--lenient", false)) {
            lenient = true;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            die_usage("verify: unknown option '%s'", argv[i]);
        } else if (file != NULL) {
            die_usage("verify: one program at a time ('%s' and '%s')", file, argv[i]);
        } else {
            file = argv[i];
        }
    }
    if ((file == NULL) == !random_mode)
        die_usage("verify: give a program file or --random N (not both)");

    /* the engine pairs to check, as consecutive (a, b) names */
    char *pairs[64];
    size_t npairs = 0;
    char engines_buf[256];
    if (strcmp(engines_opt, "all") == 0) {
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
        pairs[0] = engines_buf;
        pairs[1] = comma + 1;
        npairs = 2;
        for (int k = 0; k < 2; k++)
            if (ssem_engine_summary(pairs[k]) == NULL)
                die_usage("unknown engine '%s' (see 'ssem engines')", pairs[k]);
    }

    ssem_t m;
    memset(&m, 0, sizeof m);
    m.lenient = lenient;
    if (!random_mode) {
        source_t src;
        ssem_image_t img;
        if (load_program(file, format, &src, &img) != 0)
            return EXIT_BAD_INPUT;
        free(src.text);
        ssem_load_image(&m, &img);
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

/* ----------------------------------------------------------------- main */

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command_t;

static const command_t commands[] = {
    {"run", cmd_run, "run a program from reset and show the final state"},
    {"asm", cmd_asm, "assemble (or convert) a program to snp, listing or asm"},
    {"disasm", cmd_disasm, "print a program as assembly"},
    {"engines", cmd_engines, "list the engines (ref, fast, dbt)"},
    {"verify", cmd_verify, "check engines against each other, step by step"},
};

static void print_usage(FILE *f)
{
    fprintf(f, "usage: ssem COMMAND [options] FILE\n\n"
               "The Manchester Baby (SSEM, 1948) as a virtual machine.\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\n'ssem COMMAND --help' describes each; 'man ssem' (docs/ssem.1) all.\n"
               "exit status: 0 halted/success, 1 bad input, 2 bad usage, 3 fault, 4 step limit,\n"
               "5 engines differ (verify)\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_usage(stderr);
        return EXIT_USAGE;
    }
    if (is_help(argv[1]) || strcmp(argv[1], "help") == 0) {
        print_usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("ssem %s\n", SSEM_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    die_usage("unknown command '%s'", argv[1]);
}
