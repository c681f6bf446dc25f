/*
 * cmd_debug.c - `ssem debug`: a line-oriented debugger with reverse
 * execution, reading commands from standard input or a script (see
 * docs/debugger.md). The time travel is the library's ssem_history_*.
 */
#include "cli.h"
#include "lecture.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char debug_usage[] =
    "usage: ssem debug [options] FILE     (FILE '-' is not allowed: commands come from stdin)\n"
    "\n"
    "A debugger for Baby programs, with reverse execution. Commands are read from\n"
    "standard input (with the prompt '(ssem) ' on a terminal), after those of a\n"
    "script given with -x. 'help' lists them; see docs/debugger.md.\n"
    "\n"
    "options:\n"
    "  -x SCRIPT, --script=SCRIPT\n"
    "                   run the commands in SCRIPT first, then read standard input\n"
    "  --batch          do not read standard input after the script (with -x), and\n"
    "                   stop at the first command that fails, with exit status 1\n"
    "  --format=F       input format: auto (default), listing, snp, asm, bits, decimal, url\n"
    "  --engine=NAME    ref, fast or dbt (default: the fastest; see 'ssem engines')\n"
    "  --max-steps=N    a 'continue' stops after N instructions (default 100000000)\n"
    "  --lenient        fetch from CI & 31 even when CI bits 13-15 are set\n"
    "\n"
    "exit status: 0 after 'quit' or the end of the commands; 1 a program that does\n"
    "not load, a script that cannot be read, or (--batch) a command that failed;\n"
    "2 bad usage\n";

static const char debug_help[] =
    "motion (each prints where it stopped: why, the step count, the next line):\n"
    "  step [N]            s    execute N instructions (default 1); stops early at\n"
    "                           a breakpoint, a watch, STP or a fault\n"
    "  continue            c    run until a breakpoint, a watch, STP, a fault or\n"
    "                           the step limit (Ctrl-C interrupts); after STP it\n"
    "                           resumes the machine from CI + 1, as the Baby did\n"
    "  explain [N]         e    step N instructions (default 1), printing each as the\n"
    "                           lecture does: the fetch, then the register transfer\n"
    "                           in the 1948 notation, with values, and in words\n"
    "  reverse-step [N]    rs   go back N steps (default 1), exactly\n"
    "  reverse-continue    rc   go back to the latest earlier breakpoint or watch hit\n"
    "                           (or to the start of the history)\n"
    "  run | restart            back to the program as loaded, step 0 (undoes 'set')\n"
    "stops:\n"
    "  break [LINE]        b    stop before executing store line LINE (0-31); alone:\n"
    "                           list breakpoints and watches\n"
    "  delete [LINE]       d    delete the breakpoint on LINE, or all of them\n"
    "  watch LINE          w    stop after a step that changes store line LINE\n"
    "  unwatch [LINE]           delete the watch on LINE, or all of them\n"
    "looking:\n"
    "  print               p    registers A, CI, PI, the lamp, the step count\n"
    "  print LINE               one store line\n"
    "  print monitor [S|A|C]    the monitor (store, accumulator or control tube)\n"
    "  disasm [FROM [TO]]       the store as assembly ('>' the next line, '*' a\n"
    "                           breakpoint)\n"
    "  history [N]              the last N steps executed (default 10)\n"
    "changing:\n"
    "  set a|ci|pi VALUE        a register; VALUE decimal (negative ok) or 0x hex\n"
    "  set LINE VALUE           a store line; VALUE a number or an instruction\n"
    "                           ('set 5 LDN 24'). History before a set is dropped:\n"
    "                           going back stops at the set\n"
    "  save FILE                the whole machine as a state file (atomically)\n"
    "  quit                q    leave the debugger\n"
    "  help                h    this list\n";

/* ------------------------------------------------------------ the session */

typedef struct session {
    ssem_history_t *h;
    ssem_t original;    /* the program as loaded: run/restart go back here */
    uint64_t max_steps; /* a continue's budget                             */
    const char *where;  /* the command source's name, for messages        */
    unsigned lineno;    /* the command's line in it                       */
    bool show_where;    /* messages carry where:lineno                    */
} session_t;

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
}

/* A command's error: "ssem: debug: SCRIPT:LINE: message". Returns -1. */
static int fail(const session_t *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(const session_t *s, const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "%s: debug: ", program_name);
    if (s->show_where)
        fprintf(stderr, "%s:%u: ", s->where, s->lineno);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return -1;
}

/* A number: decimal (with an optional '-') or 0x hex, -2^31 .. 2^32-1. */
static int parse_word(const char *text, uint32_t *w)
{
    const char *p = text;
    bool neg = *p == '-';
    if (neg || *p == '+')
        p++;
    int base = 10;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
        base = 16, p += 2;
    if (!isxdigit((unsigned char)*p))
        return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(p, &end, base);
    if (errno != 0 || *end != '\0' || v > 0xFFFFFFFFull || (neg && v > 0x80000000ull))
        return -1;
    *w = neg ? (uint32_t)(0u - (uint32_t)v) : (uint32_t)v;
    return 0;
}

static int parse_line(const session_t *s, const char *text, uint32_t *line)
{
    uint32_t v;
    if (parse_word(text, &v) != 0 || v >= SSEM_LINES)
        return fail(s, "'%s' is not a store line (0-31)", text);
    *line = v;
    return 0;
}

static int parse_count_arg(const session_t *s, const char *text, uint64_t *n)
{
    char *end;
    errno = 0;
    if (!isdigit((unsigned char)*text))
        return fail(s, "'%s' is not a count", text);
    unsigned long long v = strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0')
        return fail(s, "'%s' is not a count", text);
    *n = (uint64_t)v;
    return 0;
}

/* ---------------------------------------------------------------- output */

static void print_word_row(const char *name, uint32_t w, const char *note)
{
    char bits[33];
    ssem_word_bits(w, bits, sizeof bits);
    printf("%-4s %s %11" PRId32 "%s%s\n", name, bits, ssem_word_signed(w), note ? "  " : "",
           note ? note : "");
}

/* "REASON: step N, next line L: TEXT" (or the STP / the fault). */
static void print_where(const session_t *s, const char *reason)
{
    const ssem_t *m = ssem_history_state(s->h);
    char text[40];
    printf("%s: step %" PRIu64 ", ", reason, m->steps);
    if (m->fault) {
        char why[256];
        ssem_fault_reason(m, why, sizeof why);
        printf("%s\n", why);
    } else if (m->lamp) {
        uint32_t l = m->ci & SSEM_LINE_MASK;
        printf("stopped at line %u: %s (the lamp is lit)\n", (unsigned)l,
               ssem_disasm_word(m->store[l], text, sizeof text));
    } else {
        uint32_t l = (m->ci + 1u) & SSEM_LINE_MASK;
        printf("next line %u: %s\n", (unsigned)l,
               ssem_disasm_word(m->store[l], text, sizeof text));
    }
}

static void print_stop(const session_t *s, ssem_history_stop_t st, const char *plain)
{
    char reason[96];
    switch (st.why) {
    case SSEM_HISTORY_BREAK:
        snprintf(reason, sizeof reason, "breakpoint %u", (unsigned)st.line);
        break;
    case SSEM_HISTORY_WATCH:
        snprintf(reason, sizeof reason, "watch %u: %" PRId32 " -> %" PRId32, (unsigned)st.line,
                 ssem_word_signed(st.old_word), ssem_word_signed(st.new_word));
        break;
    case SSEM_HISTORY_HALTED:
        snprintf(reason, sizeof reason, "halted");
        break;
    case SSEM_HISTORY_FAULT:
        snprintf(reason, sizeof reason, "fault");
        break;
    case SSEM_HISTORY_START:
        snprintf(reason, sizeof reason, "start of history");
        break;
    case SSEM_HISTORY_INTERRUPTED:
        snprintf(reason, sizeof reason, "interrupted");
        break;
    default:
        snprintf(reason, sizeof reason, "%s", plain);
        break;
    }
    print_where(s, reason);
}

/* ---------------------------------------------------------------- motion */

/* Runs up to budget steps; Ctrl-C (on a terminal) sets the history's
 * interrupt flag. As gdb does, the first step is a step-over: a breakpoint
 * on the line about to be fetched (where the last motion stopped) does not
 * stop this one. */
static ssem_history_stop_t motion(session_t *s, uint64_t budget, const char **plain)
{
    interrupted = 0;
    *plain = "limit";
    ssem_history_stop_t st = {SSEM_HISTORY_LIMIT, 0, 0, 0};
    if (budget == 0)
        return st;
    st = ssem_history_step_over(s->h);
    if (st.why == SSEM_HISTORY_LIMIT && budget > 1)
        st = ssem_history_run(s->h, budget - 1);
    return st;
}

/* -------------------------------------------------------------- commands */

static int cmd_step(session_t *s, int argc, char **argv)
{
    uint64_t n = 1;
    if (argc > 2)
        return fail(s, "usage: step [N]");
    if (argc == 2 && parse_count_arg(s, argv[1], &n) != 0)
        return -1;
    const char *plain;
    ssem_history_stop_t st = motion(s, n, &plain);
    print_stop(s, st, st.why == SSEM_HISTORY_LIMIT && strcmp(plain, "limit") == 0 ? "stepped" : plain);
    return 0;
}

static int cmd_continue(session_t *s, int argc)
{
    if (argc > 1)
        return fail(s, "usage: continue");
    const char *plain;
    ssem_history_stop_t st = motion(s, s->max_steps, &plain);
    print_stop(s, st, plain);
    return 0;
}

/* "explain [N]": N single steps (breakpoints stepped over), each explained
 * from the states before and after it (tools/lecture.c). */
static int cmd_explain(session_t *s, int argc, char **argv)
{
    uint64_t n = 1;
    if (argc > 2)
        return fail(s, "usage: explain [N]");
    if (argc == 2 && parse_count_arg(s, argv[1], &n) != 0)
        return -1;
    ssem_history_stop_t st = {SSEM_HISTORY_LIMIT, 0, 0, 0};
    for (uint64_t k = 0; k < n; k++) {
        ssem_t before = *ssem_history_state(s->h);
        if (before.fault)
            break; /* a faulted machine does not move */
        if (before.lamp)
            ssem_resume(&before); /* the step resumes after STP, as 'continue' does */
        st = ssem_history_step_over(s->h);
        const ssem_t *after = ssem_history_state(s->h);
        explain_step(&before, after,
                     st.why == SSEM_HISTORY_HALTED  ? SSEM_HALTED
                     : st.why == SSEM_HISTORY_FAULT ? SSEM_FAULT
                                               : SSEM_RUNNING,
                     stdout);
        if (st.why != SSEM_HISTORY_LIMIT)
            break;
    }
    print_stop(s, st, "stepped");
    return 0;
}

static int cmd_reverse_step(session_t *s, int argc, char **argv)
{
    uint64_t n = 1;
    if (argc > 2)
        return fail(s, "usage: reverse-step [N]");
    if (argc == 2 && parse_count_arg(s, argv[1], &n) != 0)
        return -1;
    uint64_t now = ssem_history_state(s->h)->steps, first = ssem_history_first_step(s->h);
    bool clipped = n > now - first;
    if (ssem_history_seek(s->h, clipped ? first : now - n) != 0)
        return fail(s, "cannot go back to that step");
    if (clipped) {
        ssem_history_stop_t st = {SSEM_HISTORY_START, 0, 0, 0};
        print_stop(s, st, "");
    } else {
        print_where(s, "stepped back");
    }
    return 0;
}

static int cmd_reverse_continue(session_t *s, int argc)
{
    if (argc > 1)
        return fail(s, "usage: reverse-continue");
    interrupted = 0;
    print_stop(s, ssem_history_reverse_continue(s->h), "");
    return 0;
}

static int cmd_restart(session_t *s, int argc)
{
    if (argc > 1)
        return fail(s, "usage: run | restart");
    ssem_history_rebase(s->h, &s->original);
    print_where(s, "start");
    return 0;
}

static void list_lines(const char *what, uint32_t mask)
{
    printf("%s:", what);
    if (mask == 0)
        printf(" none");
    for (uint32_t l = 0; l < SSEM_LINES; l++)
        if ((mask >> l) & 1u)
            printf(" %u", (unsigned)l);
    printf("\n");
}

static int cmd_break(session_t *s, int argc, char **argv, bool watch, bool add)
{
    uint32_t mask = watch ? (uint32_t)ssem_history_watches(s->h) : ssem_history_breakpoints(s->h);
    const char *what = watch ? "watch" : "breakpoint";
    const char *usage = add ? (watch ? "watch LINE" : "break [LINE]")
                            : (watch ? "unwatch [LINE]" : "delete [LINE]");
    if (argc > 2)
        return fail(s, "usage: %s", usage);
    if (argc == 1) {
        if (add && watch)
            return fail(s, "usage: %s", usage);
        if (add) { /* "break" alone lists */
            list_lines("breakpoints", ssem_history_breakpoints(s->h));
            list_lines("watches", (uint32_t)ssem_history_watches(s->h));
            return 0;
        }
        mask = 0;
        printf("deleted all %s\n", watch ? "watches" : "breakpoints");
    } else {
        uint32_t line = 0;
        if (parse_line(s, argv[1], &line) != 0)
            return -1;
        if (add) {
            mask |= 1u << line;
            printf("%s on line %u\n", what, (unsigned)line);
        } else {
            if (((mask >> line) & 1u) == 0)
                return fail(s, "no %s on line %u", what, (unsigned)line);
            mask &= ~(1u << line);
            printf("deleted %s on line %u\n", what, (unsigned)line);
        }
    }
    if (watch)
        ssem_history_set_watches(s->h, mask);
    else
        ssem_history_set_breakpoints(s->h, mask);
    return 0;
}

static void print_store_line(const ssem_t *m, uint32_t line)
{
    char name[8], text[40];
    snprintf(name, sizeof name, "%u", (unsigned)line);
    print_word_row(name, m->store[line], ssem_disasm_word(m->store[line], text, sizeof text));
}

static int cmd_print(session_t *s, int argc, char **argv)
{
    const ssem_t *m = ssem_history_state(s->h);
    if (argc == 1) {
        char text[40], note[64], when[64];
        print_word_row("A", m->a, NULL);
        snprintf(note, sizeof note, "line %u", (unsigned)(m->ci & SSEM_LINE_MASK));
        print_word_row("CI", m->ci, note);
        print_word_row("PI", m->pi, ssem_disasm_word(m->pi, text, sizeof text));
        format_duration(ssem_time_1948(m->steps, SSEM_DIGIT_PERIOD_US), when, sizeof when);
        printf("lamp %s; step %" PRIu64 " (1948 time %s)\n",
               m->fault ? "lit (fault)" : m->lamp ? "lit" : "off", m->steps, when);
        return 0;
    }
    if (strcmp(argv[1], "monitor") == 0 || strcmp(argv[1], "m") == 0) {
        ssem_tube_t tube = SSEM_TUBE_S;
        if (argc > 3 || (argc == 3 && ssem_tube_parse(argv[2], &tube) != 0))
            return fail(s, "usage: print monitor [S|A|C]");
        ssem_frame_t frame;
        char buf[4096];
        uint32_t action = m->lamp ? m->ci & SSEM_LINE_MASK : (m->ci + 1u) & SSEM_LINE_MASK;
        ssem_render(m, tube, action, false, &frame);
        if (ssem_frame_text(&frame, false, buf, sizeof buf) == 0)
            return fail(s, "cannot draw the monitor");
        fputs(buf, stdout);
        printf("tube %s, action line %u, stop lamp %s\n", ssem_tube_name(tube), (unsigned)action,
               m->lamp ? "lit" : "off");
        return 0;
    }
    if (argc > 2)
        return fail(s, "usage: print [LINE | monitor [S|A|C]]");
    uint32_t line = 0;
    if (parse_line(s, argv[1], &line) != 0)
        return -1;
    print_store_line(m, line);
    return 0;
}

/* "set TARGET VALUE...": VALUE a number, or for a line an instruction. */
static int cmd_set(session_t *s, int argc, char **argv)
{
    if (argc < 3)
        return fail(s, "usage: set a|ci|pi VALUE  or  set LINE VALUE");
    ssem_t m = *ssem_history_state(s->h);
    uint32_t value, line = 0;
    bool is_line = false;
    if (strcmp(argv[1], "a") == 0 || strcmp(argv[1], "ci") == 0 || strcmp(argv[1], "pi") == 0 ||
        strcmp(argv[1], "A") == 0 || strcmp(argv[1], "CI") == 0 || strcmp(argv[1], "PI") == 0) {
        if (argc != 3 || parse_word(argv[2], &value) != 0)
            return fail(s, "set %s: '%s' is not a number (decimal, or 0x hex)", argv[1],
                        argv[2]);
    } else {
        if (parse_line(s, argv[1], &line) != 0)
            return -1;
        is_line = true;
        if (argc != 3 || parse_word(argv[2], &value) != 0) {
            /* an instruction: assemble "0: TEXT" */
            char text[256] = "0:";
            for (int i = 2; i < argc; i++) {
                if (strlen(text) + strlen(argv[i]) + 2 >= sizeof text)
                    return fail(s, "set: value too long");
                strcat(text, " ");
                strcat(text, argv[i]);
            }
            strcat(text, "\n");
            ssem_image_t img;
            ssem_diag_t err;
            if (ssem_load(text, strlen(text), "set", SSEM_FORMAT_ASM, &img, &err) != 0 ||
                (img.defined & 1u) == 0)
                return fail(s, "set %u: '%s' is neither a number nor an instruction (%s)",
                            (unsigned)line, text + 3, err.message);
            value = img.word[0];
        }
    }
    char text[40];
    if (is_line) {
        m.store[line] = value;
    } else if (argv[1][0] == 'a' || argv[1][0] == 'A') {
        m.a = value;
    } else if (argv[1][0] == 'c' || argv[1][0] == 'C') {
        m.ci = value;
    } else {
        m.pi = value;
    }
    ssem_history_rebase(s->h, &m);
    if (is_line)
        printf("line %u = %" PRId32 " (%s)\n", (unsigned)line, ssem_word_signed(value),
               ssem_disasm_word(value, text, sizeof text));
    else
        printf("%s = %" PRId32 "\n", argv[1], ssem_word_signed(value));
    return 0;
}

static int cmd_disasm_lines(session_t *s, int argc, char **argv)
{
    uint32_t from = 0, to = SSEM_LINES - 1u;
    if (argc > 3)
        return fail(s, "usage: disasm [FROM [TO]]");
    if (argc >= 2 && parse_line(s, argv[1], &from) != 0)
        return -1;
    if (argc == 3 && parse_line(s, argv[2], &to) != 0)
        return -1;
    if (argc == 2)
        to = from;
    if (to < from)
        return fail(s, "disasm: %u is before %u", (unsigned)to, (unsigned)from);
    const ssem_t *m = ssem_history_state(s->h);
    uint32_t next = m->lamp ? SSEM_LINES : (m->ci + 1u) & SSEM_LINE_MASK;
    uint32_t bp = ssem_history_breakpoints(s->h);
    for (uint32_t l = from; l <= to; l++) {
        char text[40];
        printf("%c%c %2u  %-16s %11" PRId32 "\n", ((bp >> l) & 1u) ? '*' : ' ',
               l == next ? '>' : ' ', (unsigned)l,
               ssem_disasm_word(m->store[l], text, sizeof text), ssem_word_signed(m->store[l]));
    }
    return 0;
}

#define MAX_HISTORY_LIST 10000u

static int cmd_history(session_t *s, int argc, char **argv)
{
    uint64_t n = 10;
    if (argc > 2)
        return fail(s, "usage: history [N]");
    if (argc == 2 && parse_count_arg(s, argv[1], &n) != 0)
        return -1;
    if (n > MAX_HISTORY_LIST)
        return fail(s, "history: at most %u steps", MAX_HISTORY_LIST);
    ssem_history_entry_t *list = malloc((n ? n : 1) * sizeof *list);
    if (list == NULL)
        return fail(s, "out of memory");
    size_t got = ssem_history_last(s->h, (size_t)n, list);
    for (size_t i = 0; i < got; i++) {
        char text[40];
        printf("%10" PRIu64 "  line %2u  %-16s  A %11" PRId32 "\n", list[i].step,
               (unsigned)list[i].line,
               ssem_disasm_word(list[i].pi, text, sizeof text), ssem_word_signed(list[i].a));
    }
    if (got == 0)
        printf("no steps before step %" PRIu64 " in the history\n", ssem_history_state(s->h)->steps);
    free(list);
    return 0;
}

static int cmd_save(session_t *s, int argc, char **argv)
{
    if (argc != 2)
        return fail(s, "usage: save FILE");
    char text[SSEM_TEXT_MAX];
    if (ssem_write_state(ssem_history_state(s->h), text, sizeof text) == 0)
        return fail(s, "save: the state does not fit in %u bytes", SSEM_TEXT_MAX);
    if (write_output_text(argv[1], text) != 0)
        return fail(s, "save: %s not written", argv[1]);
    printf("saved step %" PRIu64 " to %s\n", ssem_history_state(s->h)->steps, argv[1]);
    return 0;
}

#define MAX_WORDS 40

/* One command line. Returns 0, -1 (an error, already reported) or 1 (quit). */
static int execute(session_t *s, char *line)
{
    char *argv[MAX_WORDS];
    int argc = 0;
    char *hash = strchr(line, '#');
    if (hash != NULL)
        *hash = '\0';
    for (char *tok = strtok(line, " \t\r\n"); tok != NULL; tok = strtok(NULL, " \t\r\n")) {
        if (argc == MAX_WORDS)
            return fail(s, "too many words");
        argv[argc++] = tok;
    }
    if (argc == 0)
        return 0;
    const char *c = argv[0];
#define IS(name) (strcmp(c, name) == 0)
    if (IS("step") || IS("s") || IS("stepi") || IS("si"))
        return cmd_step(s, argc, argv);
    if (IS("continue") || IS("c") || IS("cont"))
        return cmd_continue(s, argc);
    if (IS("explain") || IS("e"))
        return cmd_explain(s, argc, argv);
    if (IS("reverse-step") || IS("rs"))
        return cmd_reverse_step(s, argc, argv);
    if (IS("reverse-continue") || IS("rc"))
        return cmd_reverse_continue(s, argc);
    if (IS("run") || IS("restart"))
        return cmd_restart(s, argc);
    if (IS("break") || IS("b"))
        return cmd_break(s, argc, argv, false, true);
    if (IS("delete") || IS("d"))
        return cmd_break(s, argc, argv, false, false);
    if (IS("watch") || IS("w"))
        return cmd_break(s, argc, argv, true, true);
    if (IS("unwatch"))
        return cmd_break(s, argc, argv, true, false);
    if (IS("print") || IS("p"))
        return cmd_print(s, argc, argv);
    if (IS("set"))
        return cmd_set(s, argc, argv);
    if (IS("disasm") || IS("x"))
        return cmd_disasm_lines(s, argc, argv);
    if (IS("history"))
        return cmd_history(s, argc, argv);
    if (IS("save"))
        return cmd_save(s, argc, argv);
    if (IS("help") || IS("h") || IS("?")) {
        fputs(debug_help, stdout);
        return 0;
    }
    if (IS("quit") || IS("q") || IS("exit"))
        return 1;
#undef IS
    return fail(s, "unknown command '%s' (try 'help')", c);
}

/* Reads and executes commands from f. Returns 1 on quit, -1 when batch mode
 * stops at an error, 0 at the end of the input. */
static int command_loop(session_t *s, FILE *f, bool prompt, bool batch)
{
    char *line = NULL;
    size_t cap = 0;
    int r = 0;
    s->lineno = 0;
    for (;;) {
        if (prompt) {
            fputs("(ssem) ", stdout);
            fflush(stdout);
        }
        if (getline(&line, &cap, f) < 0)
            break;
        s->lineno++;
        int e = execute(s, line);
        fflush(stdout);
        if (e == 1) {
            r = 1;
            break;
        }
        if (e < 0 && batch) {
            r = -1;
            break;
        }
    }
    if (prompt && r == 0)
        fputc('\n', stdout);
    free(line);
    return r;
}

enum { OPT_FORMAT = 1, OPT_ENGINE, OPT_MAX_STEPS, OPT_LENIENT, OPT_BATCH, OPT_SCRIPT };
static const cli_option_t debug_options[] = {
    {"--format", 0, CLI_VALUE, OPT_FORMAT},
    {"--engine", 0, CLI_VALUE, OPT_ENGINE},
    {"--max-steps", 0, CLI_VALUE, OPT_MAX_STEPS},
    {"--lenient", 0, CLI_FLAG, OPT_LENIENT},
    {"--batch", 0, CLI_FLAG, OPT_BATCH},
    {"--script", 'x', CLI_VALUE, OPT_SCRIPT},
    {NULL, 0, CLI_FLAG, 0},
};

int cmd_debug(int argc, char **argv)
{
    ssem_format_t format = SSEM_FORMAT_AUTO;
    uint64_t max_steps = DEFAULT_MAX_STEPS;
    bool lenient = false, batch = false;
    const char *file = NULL, *engine_name = NULL, *script = NULL;
    cli_parser_t op;
    cli_parser_init(&op, argc, argv, debug_usage, debug_options);
    for (int id; (id = cli_next(&op)) != CLI_END;) {
        switch (id) {
        case OPT_FORMAT: format = cli_format(&op); break;
        case OPT_ENGINE: engine_name = cli_engine(&op); break;
        case OPT_MAX_STEPS: max_steps = cli_count(&op, UINT64_MAX); break;
        case OPT_LENIENT: lenient = true; break;
        case OPT_BATCH: batch = true; break;
        case OPT_SCRIPT: script = op.value; break;
        case CLI_OPERAND: cli_take_file(&op, &file); break;
        }
    }
    if (file == NULL)
        die_usage("debug: no program file given");
    if (strcmp(file, "-") == 0)
        die_usage("debug: commands come from standard input: give the program as a file");
    ssem_engine_t *engine = open_engine(engine_name);

    ssem_t loaded;
    if (load_machine(file, format, lenient, &loaded) != 0) {
        ssem_engine_free(engine);
        return EXIT_BAD_INPUT;
    }

    FILE *sf = NULL;
    if (script != NULL && (sf = fopen(script, "r")) == NULL) {
        fprintf(stderr, "%s: %s: %s\n", program_name, script, strerror(errno));
        ssem_engine_free(engine);
        return EXIT_BAD_INPUT;
    }

    session_t s;
    memset(&s, 0, sizeof s);
    s.original = loaded;
    s.max_steps = max_steps;
    s.h = ssem_history_new(&s.original, engine, 0);
    if (s.h != NULL)
        ssem_history_set_interrupt(s.h, &interrupted);
    if (s.h == NULL) {
        fprintf(stderr, "%s: debug: out of memory\n", program_name);
        if (sf != NULL)
            fclose(sf);
        ssem_engine_free(engine);
        return EXIT_BAD_INPUT;
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    struct sigaction old_sa;
    bool tty = isatty(STDIN_FILENO) != 0;
    if (tty) /* Ctrl-C interrupts a long 'continue', not the session */
        sigaction(SIGINT, &sa, &old_sa);

    print_where(&s, "start");
    int r = 0;
    if (sf != NULL) {
        s.where = script;
        s.show_where = true;
        r = command_loop(&s, sf, false, batch);
        fclose(sf);
    }
    if (r == 0 && !(batch && script != NULL)) {
        s.where = "stdin";
        s.show_where = !tty;
        r = command_loop(&s, stdin, tty, batch);
    }
    if (tty)
        sigaction(SIGINT, &old_sa, NULL);
    ssem_history_free(s.h);
    ssem_engine_free(engine);
    if (finish_stdout() != 0)
        return EXIT_BAD_INPUT;
    return r < 0 ? EXIT_BAD_INPUT : 0;
}
