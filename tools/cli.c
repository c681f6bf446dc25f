/*
 * cli.c - the pieces every `ssem` subcommand shares (see cli.h): messages,
 * reading and loading programs, option parsing, atomic output, engines, and
 * the final-state printing of `ssem run`.
 */
#include "cli.h"
#include "text.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *program_name = "ssem";
const char *command_name = NULL;

/* Where messages go instead of stderr while the panel's screen is up
 * (capture_messages), or NULL. */
static char *captured;
static size_t captured_size;

void capture_messages(char *buf, size_t size)
{
    captured = size > 0 ? buf : NULL;
    captured_size = size;
    if (captured != NULL)
        captured[0] = '\0';
}

/* "ssem: " and the message, escaped (tools/text.h), on one line of stderr;
 * or the message alone into the capture buffer (the last one wins). */
static void vmessage(const char *fmt, va_list ap)
{
    char raw[8192], safe[4 * sizeof raw];
    int n = vsnprintf(raw, sizeof raw, fmt, ap);
    size_t len = n < 0 ? 0 : (size_t)n < sizeof raw ? (size_t)n : sizeof raw - 1;
    if (captured != NULL) {
        escape_text(raw, len, false, captured, captured_size);
        return;
    }
    escape_text(raw, len, false, safe, sizeof safe);
    flush_stdout(); /* what came before the error comes before it */
    fprintf(stderr, "%s: %s\n", program_name, safe);
}

void error_message(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(fmt, ap);
    va_end(ap);
}

void die_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(fmt, ap);
    va_end(ap);
    fprintf(stderr, "(try '%s%s%s --help')\n", program_name, command_name ? " " : "",
            command_name ? command_name : "");
    exit(EXIT_USAGE);
}

/* Why the first write to standard output failed (an errno), once known;
 * and whether finish_stdout has said so. A failure is kept here because
 * errno is stale by the time the command ends: stdio keeps only "an error
 * happened" (ferror), and later calls (a number parsed, a line read) reset
 * errno. Tools may keep state; the library may not. */
static int stdout_errno;
static bool stdout_reported;

int flush_stdout(void)
{
    errno = 0;
    if (fflush(stdout) != 0 && stdout_errno == 0)
        stdout_errno = errno;
    return ferror(stdout) ? -1 : 0;
}

/* Flushes standard output; on failure (a full disk, a closed pipe) says so,
 * once however often it is called, and returns -1. */
int finish_stdout(void)
{
    int before = errno; /* a printf that failed left its reason here */
    if (flush_stdout() == 0)
        return 0;
    if (stdout_errno == 0)
        stdout_errno = before;
    if (!stdout_reported) {
        stdout_reported = true;
        error_message("standard output: %s",
                      stdout_errno != 0 ? strerror(stdout_errno) : "write error");
    }
    return -1;
}

/* ---------------------------------------------------------------- input */

/* A share link (or its s= value) given where a file name goes: a word that
 * starts with http:// or https://, or with s=, or a bare value, and that is
 * not the name of an existing file. */
static bool arg_is_link(const char *arg)
{
    bool looks = strncmp(arg, "http://", 7) == 0 || strncmp(arg, "https://", 8) == 0 ||
                 ssem_is_url(arg, strlen(arg));
    return looks && access(arg, F_OK) != 0; /* a file of that name wins */
}

/* Reads a whole file (or stdin for "-"); a share link given in its place is
 * the text itself (named "link" in messages), and "@NAME" is an example
 * program (tools/examples.c). On failure prints and returns -1. */
int read_source(const char *name, source_t *src)
{
    if (name[0] == '@') {
        char *path = example_path(name + 1);
        if (path == NULL)
            return -1;
        int rc = read_source(path, src);
        if (rc == 0) {
            /* the path lives after the text, in the same block, so that
             * freeing src->text frees both */
            size_t n = strlen(path);
            char *both = realloc(src->text, src->len + 1u + n + 1u);
            if (both == NULL) {
                free(src->text);
                rc = -1;
            } else {
                memcpy(both + src->len + 1u, path, n + 1u);
                src->text = both;
                src->name = both + src->len + 1u;
            }
        }
        free(path);
        return rc;
    }
    if (arg_is_link(name)) {
        size_t n = strlen(name);
        src->text = malloc(n + 1u);
        if (src->text == NULL) {
            error_message("out of memory");
            return -1;
        }
        memcpy(src->text, name, n + 1u);
        src->len = n;
        src->name = "link";
        return 0;
    }
    FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
    if (f == NULL) {
        error_message("%s: %s", name, strerror(errno));
        return -1;
    }
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    bool no_memory = buf == NULL;
    while (buf != NULL) {
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
        if (len == cap) {
            if (cap >= MAX_INPUT_BYTES) {
                /* exactly the limit is allowed: too large only if a byte follows */
                if (fgetc(f) == EOF)
                    break;
                error_message("%s: file too large (over %u bytes)", name,
                        MAX_INPUT_BYTES);
                free(buf);
                buf = NULL;
                break;
            }
            cap *= 2;
            char *bigger = realloc(buf, cap);
            if (bigger == NULL) {
                free(buf);
                no_memory = true;
            }
            buf = bigger;
        }
    }
    int failed = buf == NULL || ferror(f);
    if (no_memory) /* issue 12 item 14: say so, not just exit 1 */
        error_message("%s: out of memory after reading %zu bytes", name, len);
    else if (failed && buf != NULL)
        error_message("%s: %s", name, strerror(errno));
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

void print_diag(const source_t *src, const ssem_diag_t *d, bool warning)
{
    /* the file name and the message on one line, escaped; then the source
     * line and its caret, with bytes that are not UTF-8 escaped */
    char name[1024], buf[2048], safe[4 * sizeof buf];
    ssem_diag_t shown = *d;
    const char *file = d->file ? d->file : "<input>";
    shown.file = escape_text(file, strlen(file), false, name, sizeof name);
    escape_text(d->message, strnlen(d->message, sizeof d->message), false, buf, sizeof buf);
    /* a warning's message keeps its first 180 bytes */
    snprintf(shown.message, sizeof shown.message, "%s%.180s", warning ? "warning: " : "", buf);
    ssem_diag_format(&shown, src->text, src->len, buf, sizeof buf);
    escape_text(buf, strlen(buf), true, safe, sizeof safe);
    flush_stdout();
    fprintf(stderr, "%s: %s", program_name, safe);
}

/* Loads a program; prints warnings; on error prints it and returns -1. */
int load_program(const char *name, ssem_format_t format, source_t *src,
                        ssem_image_t *img)
{
    if (read_source(name, src) != 0)
        return -1;
    ssem_diag_t err;
    if (ssem_load(src->text, src->len, src->name, format, img, &err) != 0) {
        print_diag(src, &err, false);
        free(src->text); /* the caller frees it only on success */
        src->text = NULL;
        return -1;
    }
    for (int i = 0; i < img->nwarnings; i++)
        print_diag(src, &img->warning[i], true);
    return 0;
}

int load_machine(const char *file, ssem_format_t format, bool lenient, ssem_t *m)
{
    memset(m, 0, sizeof *m);
    m->lenient = lenient;
    source_t src;
    if (read_source(file, &src) != 0)
        return -1;
    ssem_image_t img;
    ssem_diag_t err;
    int rc = ssem_load_machine(src.text, src.len, src.name, format, m, &img, &err);
    if (rc != 0)
        print_diag(&src, &err, false);
    else
        for (int i = 0; i < img.nwarnings; i++)
            print_diag(&src, &img.warning[i], true);
    free(src.text);
    return rc;
}

int check_continuable(const char *file, const ssem_t *m, uint64_t max_steps, const char *option)
{
    if (m->lamp || max_steps <= ssem_steps_left(m))
        return 0;
    error_message("%s: step %" PRIu64 " cannot be continued: the step count would pass "
                  "2^64 - 1 within %" PRIu64 " more steps (%s)",
                  file, m->steps, max_steps, option);
    return -1;
}

/* ------------------------------------------------------------- engines */

ssem_engine_t *open_engine(const char *name)
{
    if (name == NULL)
        name = ssem_engine_default();
    if (ssem_engine_summary(name) == NULL)
        die_usage("unknown engine '%s' (see 'ssem engines')", name);
    ssem_engine_t *e = ssem_engine_new(name);
    if (e == NULL) {
        error_message("engine '%s': out of memory", name);
        exit(EXIT_BAD_INPUT);
    }
    return e;
}



/* ------------------------------------------------------------ printing */

/* A minute or more, given in tenths of a second, as "50 min 20.1 s" or
 * "2 h 3 min 0.5 s": the one spelling of long times that format_duration and
 * format_time_1948 share. */
static void format_tenths(uint64_t tenths, char *buf, size_t size)
{
    uint64_t minutes = tenths / 600u, rest = tenths % 600u;
    if (minutes >= 60u)
        snprintf(buf, size, "%" PRIu64 " h %" PRIu64 " min %" PRIu64 ".%" PRIu64 " s",
                 minutes / 60u, minutes % 60u, rest / 10u, rest % 10u);
    else
        snprintf(buf, size, "%" PRIu64 " min %" PRIu64 ".%" PRIu64 " s", minutes, rest / 10u,
                 rest % 10u);
}

/* Seconds as "50 min 20.1 s" or "7.2 ms". */
void format_duration(double seconds, char *buf, size_t size)
{
    /* Hours, minutes and tenths in 64-bit integers: any step count's time
     * fits (2^64 steps at the slowest digit period are 2.7e17 s, 2.7e18
     * tenths, under 2^64 = 1.8e19); an int overflowed past 2^31 hours. */
    if (!(seconds < 1.8e18)) { /* beyond any step count, or not a number */
        snprintf(buf, size, "%.3g s", seconds);
    } else if (seconds >= 60.0) {
        format_tenths((uint64_t)(seconds * 10.0 + 0.5), buf, size);
    } else if (seconds >= 1.0) {
        snprintf(buf, size, "%.2f s", seconds);
    } else {
        snprintf(buf, size, "%.2f ms", seconds * 1000.0);
    }
}

void format_time_1948(uint64_t steps, double digit_period_us, char *buf, size_t size)
{
    double seconds = ssem_time_1948(steps, digit_period_us);
    if (!(seconds >= 60.0) || !(digit_period_us > 0.0 && digit_period_us <= VALUE_PERIOD_HIGH)) {
        format_duration(seconds, buf, size); /* short: a double is exact enough */
        return;
    }
    /* Integers: a double holds 53 bits, so 2^64 - 1 steps came out 0.7 s
     * wrong. An instruction is 144 digit periods, the period taken to the
     * nearest nanosecond (10 us: 1440000 ns; at most 100 us, 1.44e7 ns);
     * tenths of a second are steps x ns / 10^8, rounded, with steps split
     * at 10^8 so that no product passes 2^64: q x ns <= 1.85e11 x 1.44e7
     * = 2.7e18, r x ns < 10^8 x 1.44e7 = 1.44e15. */
    uint64_t ns = (uint64_t)(digit_period_us * 1000.0 + 0.5) * SSEM_DIGITS_PER_INSTRUCTION;
    uint64_t q = steps / 100000000u, r = steps % 100000000u;
    format_tenths(q * ns + (r * ns + 50000000u) / 100000000u, buf, size);
}

/* The store as the monitor showed it: 32 rows, bit 0 on the left, a 0 a dot
 * and a 1 a dash; each row followed by its disassembly. */
static void print_monitor(const ssem_t *m)
{
    ssem_frame_t frame; /* the S tube, as every view of the monitor draws it */
    ssem_render(m, SSEM_TUBE_S, m->ci & SSEM_LINE_MASK, !m->lamp, &frame);
    printf("     0         1         2         3\n");
    printf("     01234567890123456789012345678901\n");
    for (uint32_t line = 0; line < SSEM_LINES; line++) {
        char bits[33], text[40];
        ssem_word_bits(frame.row[line], bits, sizeof bits);
        for (int i = 0; i < 32; i++)
            bits[i] = bits[i] == '1' ? '-' : '.';
        ssem_disasm_word(m->store[line], text, sizeof text);
        /* '>' marks the action line, as the monitor showed it brighter */
        printf("%3u %c%s  %-16s %11" PRId32 "\n", (unsigned)line,
               (frame.bright >> line) & 1u ? '>' : ' ', bits, text,
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

void print_state(const ssem_t *m, ssem_stop_t why, bool interrupted, double digit_period_us)
{
    char text[40], when[64], ci_note[64];
    print_monitor(m);
    printf("\n");
    print_register("A", m->a, NULL);
    snprintf(ci_note, sizeof ci_note, "line %u", (unsigned)(m->ci & SSEM_LINE_MASK));
    print_register("CI", m->ci, ci_note);
    print_register("PI", m->pi, ssem_disasm_obeyed(m->pi, text, sizeof text));
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
        printf("stop lamp: off (%s: still running)\n",
               interrupted ? "interrupted" : "step limit reached");
        break;
    default:
        printf("stop lamp: %s (%s)\n", m->lamp ? "lit" : "off", ssem_stop_name(why));
        break;
    }
    format_time_1948(m->steps, digit_period_us, when, sizeof when);
    printf("%" PRIu64 " instructions; the Baby would have taken %s (%.2f ms an instruction)\n",
           m->steps, when, ssem_time_1948(1, digit_period_us) * 1000.0);
}

void print_json(const ssem_t *m, ssem_stop_t why, bool interrupted, double digit_period_us)
{
    const char *status = why == SSEM_HALTED  ? "halted"
                         : why == SSEM_FAULT ? "fault"
                         : interrupted       ? "interrupted"
                                             : "limit";
    printf("{\"status\":\"%s\",\"steps\":%" PRIu64 ",\"a\":%" PRId32 ",\"ci\":%" PRId32
           ",\"pi\":%" PRId32 ",\"lamp\":%s,\"store\":[",
           status, m->steps, ssem_word_signed(m->a), ssem_word_signed(m->ci),
           ssem_word_signed(m->pi), m->lamp ? "true" : "false");
    for (uint32_t i = 0; i < SSEM_LINES; i++)
        printf("%s%" PRId32, i ? "," : "", ssem_word_signed(m->store[i]));
    printf("],\"time_1948_s\":%.6f}\n", ssem_time_1948(m->steps, digit_period_us));
}

/* Creates the engine named by --engine (the fastest when NULL). */
