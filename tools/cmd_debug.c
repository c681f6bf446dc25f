/*
 * cmd_debug.c - `ssem debug`: a line-oriented debugger with reverse
 * execution, reading commands from standard input or a script (see
 * docs/debugger.md). The time travel is the library's ssem_history_*.
 *
 * Every command is one row of the table `commands` below: its name, its
 * aliases, its argument syntax, its help and its handler. `help` is printed
 * from the table, so adding a command is adding a row (and a handler, a bats
 * test and a line in docs/debugger.md and docs/ssem.1).
 *
 * On a terminal, lines are read with libedit (line editing and history) and
 * an empty line repeats the last motion or listing, as in gdb. Everything a
 * message shows that the user typed or named (commands, file names) is
 * escaped (tools/text.h), so a script cannot drive the terminal.
 */
#include "cli.h"
#include "labels.h"
#include "lecture.h"
#include "text.h"
#include "values.h"

#ifndef SSEM_NO_EDITLINE /* the wasm command has no libedit (web/web.mk) */
#include <editline/readline.h>
#endif
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char debug_usage[] =
    "usage: ssem debug [options] FILE     (FILE '-' is not allowed: commands come from stdin)\n"
    "\n"
    "A debugger for Baby programs, with reverse execution. Commands are read from\n"
    "standard input (with the prompt '(ssem) ', line editing and history on a\n"
    "terminal), after those of a script given with -x. 'help' lists them; see\n"
    "docs/debugger.md.\n"
    "\n"
    "options:\n"
    "  -x SCRIPT, --script=SCRIPT\n"
    "                   run the commands in SCRIPT first, then read standard input\n"
    "  --batch          do not read standard input after the script (with -x), and\n"
    "                   stop at the first command that fails, with exit status 1\n"
    "  --format=F       input format: auto (default), listing, snp, asm, bits, decimal, url\n"
    "  --engine=NAME    ref, fast or dbt (default: the fastest; see 'ssem engines')\n"
    "  --max-steps=N    a 'continue' (or 'step N') runs at most N instructions\n"
    "                   (default 100000000)\n"
    "  --lenient        fetch from CI & 31 even when CI bits 13-15 are set\n"
    "\n"
    "exit status: 0 after 'quit' or the end of the commands; 1 a program that does\n"
    "not load, a script that cannot be read, or a command of the script (-x) that\n"
    "failed (--batch: the session stops there); 2 bad usage\n";

/* ------------------------------------------------------------ the session */

#define MAX_DISPLAYS 16
#define DISPLAY_SIZE 64

/* A breakpoint's or a watch's condition: "REG OP VALUE" (break 6 if a < 0,
 * watch 27 if a < 0). */
typedef struct condition {
    bool set;
    uint32_t reg;  /* a store line 0-31, or REG_A, REG_CI, REG_PI */
    char op[3];    /* <, <=, ==, !=, >=, > */
    int64_t value; /* compared with the register's signed value */
} condition_t;

#define REG_A SSEM_WATCH_A
#define REG_CI SSEM_WATCH_CI
#define REG_PI (SSEM_WATCH_CI + 1u)

typedef struct session {
    ssem_history_t *h;
    ssem_engine_t *engine;
    ssem_t original;    /* the program as loaded: run/restart go back here */
    char labels[SSEM_LINES][SSEM_LABEL_SIZE]; /* its labels, for names of lines */
    ssem_format_t format;
    bool lenient;
    uint64_t max_steps; /* a continue's budget, and the most a step N runs */
    const char *where;  /* the command source's name, for messages        */
    unsigned lineno;    /* the command's line in it                       */
    bool show_where;    /* messages carry where:lineno                    */
    bool script_failed; /* a command of the -x script failed: exit 1     */
    condition_t cond[SSEM_LINES];          /* the breakpoints' conditions   */
    condition_t wcond[SSEM_WATCH_CI + 1u]; /* the watches': lines, A and CI */
    int ndisplays;
    char display[MAX_DISPLAYS][DISPLAY_SIZE];
} session_t;

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
}

/* A command's error: "ssem: debug: SCRIPT:LINE: message", every byte a
 * terminal could obey escaped (the message quotes what the user typed).
 * Returns -1. */
static int fail(const session_t *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(const session_t *s, const char *fmt, ...)
{
    char msg[1024], shown[4096];
    int n = 0;
    if (s->show_where)
        n = snprintf(msg, sizeof msg, "%s:%u: ", s->where, s->lineno);
    if (n < 0 || (size_t)n >= sizeof msg)
        n = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
    va_end(ap);
    escape_text(msg, strlen(msg), false, shown, sizeof shown);
    flush_stdout();
    fprintf(stderr, "%s: debug: %s\n", program_name, shown);
    return -1;
}

/* Text the user gave, made safe to print (for names in ordinary output). */
static const char *shown(const char *text, char *buf, size_t size)
{
    return escape_text(text, strlen(text), false, buf, size);
}

/* ---------------------------------------------------------------- parsing */

/* A value: decimal (with an optional '-') or 0x hex, -2^31 .. 2^32-1; the
 * one strict number parser (tools/values.h): no '+', no space. */
static int parse_word(const char *text, uint32_t *w)
{
    uint64_t v;
    bool neg;
    if (value_number(text, 0xFFFFFFFFu, &v, &neg) != 0 || (neg && v > 0x80000000u))
        return -1;
    *w = neg ? (uint32_t)(0u - (uint32_t)v) : (uint32_t)v;
    return 0;
}

/* A store line: a number 0-31 or one of the program's labels. */
static int find_line(const session_t *s, const char *text, uint32_t *line)
{
    uint64_t v; /* a line is a number without a sign: 0-31 */
    if (value_number(text, UINT64_MAX, &v, NULL) == 0) {
        if (v >= SSEM_LINES)
            return -1;
        *line = (uint32_t)v;
        return 0;
    }
    for (uint32_t l = 0; l < SSEM_LINES; l++)
        if (s->labels[l][0] != '\0' && strcmp(s->labels[l], text) == 0) {
            *line = l;
            return 0;
        }
    return -1;
}

static bool has_labels(const session_t *s)
{
    for (uint32_t l = 0; l < SSEM_LINES; l++)
        if (s->labels[l][0] != '\0')
            return true;
    return false;
}

static int parse_line(const session_t *s, const char *text, uint32_t *line)
{
    if (find_line(s, text, line) == 0)
        return 0;
    if (!has_labels(s)) /* say why a name cannot work here */
        return fail(s, "'%s' is not a store line (0-31), and the program has no labels (labels "
                       "come from assembly, or from a state file saved by 'save')",
                    text);
    return fail(s, "'%s' is not a store line (0-31) or a label of the program", text);
}

/* A register name (a, ci, pi; any case) as REG_*, or -1. */
static int find_register(const char *text)
{
    static const char *const names[] = {"a", "ci", "pi", NULL};
    if (text[0] == '$') /* gdb's spelling of a register: $a, $ci, $pi */
        text++;
    int i = value_keyword(text, names);
    return i < 0 ? -1 : (int)REG_A + i;
}

static int parse_count_arg(const session_t *s, const char *text, uint64_t *n)
{
    if (value_number(text, UINT64_MAX, n, NULL) != 0)
        return fail(s, "'%s' is not a count (decimal digits, or 0x hex)", text);
    return 0;
}

static uint32_t register_value(const ssem_t *m, uint32_t reg)
{
    return reg == REG_A ? m->a : reg == REG_CI ? m->ci : reg == REG_PI ? m->pi : m->store[reg];
}

static const char *register_name(uint32_t reg, char *buf, size_t size)
{
    if (reg == REG_A)
        return "a";
    if (reg == REG_CI)
        return "ci";
    if (reg == REG_PI)
        return "pi";
    snprintf(buf, size, "%u", (unsigned)reg);
    return buf;
}

/* ---------------------------------------------------------------- output */

static void print_word_row(const char *name, uint32_t w, const char *note)
{
    char bits[33];
    ssem_word_bits(w, bits, sizeof bits);
    printf("%-4s %s %11" PRId32 "%s%s\n", name, bits, ssem_word_signed(w), note ? "  " : "",
           note ? note : "");
}

static void print_register(const ssem_t *m, uint32_t reg)
{
    char note[64], text[40];
    if (reg == REG_A) {
        print_word_row("A", m->a, NULL);
    } else if (reg == REG_CI) {
        snprintf(note, sizeof note, "line %u", (unsigned)(m->ci & SSEM_LINE_MASK));
        print_word_row("CI", m->ci, note);
    } else {
        print_word_row("PI", m->pi, ssem_disasm_obeyed(m->pi, text, sizeof text));
    }
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
               ssem_disasm_obeyed(m->store[l], text, sizeof text));
    } else {
        uint32_t l = (m->ci + 1u) & SSEM_LINE_MASK;
        printf("next line %u: %s\n", (unsigned)l, /* as it will be obeyed */
               ssem_disasm_obeyed(m->store[l], text, sizeof text));
    }
}

static int show_display(session_t *s, const char *expr);

static void print_stop(session_t *s, ssem_history_stop_t st, const char *plain)
{
    char reason[96], name[16];
    switch (st.why) {
    case SSEM_HISTORY_BREAK:
        snprintf(reason, sizeof reason, "breakpoint %u", (unsigned)st.line);
        break;
    case SSEM_HISTORY_WATCH:
        snprintf(reason, sizeof reason, "watch %s: %" PRId32 " -> %" PRId32,
                 register_name(st.line, name, sizeof name), ssem_word_signed(st.old_word),
                 ssem_word_signed(st.new_word));
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
    for (int i = 0; i < s->ndisplays; i++)
        show_display(s, s->display[i]);
}

/* ------------------------------------------------------------ conditions */

static bool holds(const condition_t *c, const ssem_t *m)
{
    if (!c->set)
        return true;
    int64_t v = ssem_word_signed(register_value(m, c->reg));
    switch (c->op[0]) {
    case '<':
        return c->op[1] == '=' ? v <= c->value : v < c->value;
    case '>':
        return c->op[1] == '=' ? v >= c->value : v > c->value;
    case '=':
        return v == c->value;
    default:
        return v != c->value;
    }
}

/* The history's callbacks: a breakpoint's condition, in the state before
 * the fetch from `line`; a watch's, in the state after the step that
 * changed `target`. */
static bool break_condition(void *ctx, uint32_t line, const ssem_t *m)
{
    return holds(&((const session_t *)ctx)->cond[line], m);
}

static bool watch_condition(void *ctx, uint32_t target, const ssem_t *m)
{
    return holds(&((const session_t *)ctx)->wcond[target], m);
}

/* " if REG OP VALUE" of a condition into buf ("" when there is none). */
static const char *condition_text(const condition_t *c, char *buf, size_t size)
{
    char name[16];
    buf[0] = '\0';
    if (c->set)
        snprintf(buf, size, " if %s %s %" PRId64, register_name(c->reg, name, sizeof name), c->op,
                 c->value);
    return buf;
}

/* "REG OP VALUE" from argv[0..2], for `usage` (break LINE, watch TARGET). */
static int parse_condition(const session_t *s, const char *usage, int argc, char **argv,
                           condition_t *c)
{
    static const char *const ops[] = {"<", "<=", "==", "!=", ">=", ">", NULL};
    if (argc != 3)
        return fail(s, "usage: %s if REG OP VALUE (REG a, ci, pi or a line; OP "
                       "< <= == != >= >)",
                    usage);
    int reg = find_register(argv[0]);
    uint32_t line;
    if (reg < 0 && find_line(s, argv[0], &line) == 0)
        reg = (int)line;
    if (reg < 0)
        return fail(s, "'%s' is not a register (a, ci, pi) or a store line", argv[0]);
    int op = -1;
    for (int i = 0; ops[i] != NULL; i++)
        if (strcmp(argv[1], ops[i]) == 0)
            op = i;
    if (op < 0)
        return fail(s, "'%s' is not a comparison (< <= == != >= >)", argv[1]);
    uint32_t w;
    if (parse_word(argv[2], &w) != 0)
        return fail(s, "'%s' is not a number (decimal, or 0x hex)", argv[2]);
    c->set = true;
    c->reg = (uint32_t)reg;
    snprintf(c->op, sizeof c->op, "%s", ops[op]);
    c->value = argv[2][0] == '-' ? (int64_t)ssem_word_signed(w) : (int64_t)w;
    return 0;
}

/* ---------------------------------------------------------------- motion */

/* Runs up to budget steps; Ctrl-C (on a terminal) sets the history's
 * interrupt flag. As gdb does, the first step is a step-over: a breakpoint
 * on the line about to be fetched (where the last motion stopped) does not
 * stop this one. */
static ssem_history_stop_t motion(session_t *s, uint64_t budget)
{
    interrupted = 0;
    ssem_history_stop_t st = {SSEM_HISTORY_LIMIT, 0, 0, 0};
    if (budget == 0)
        return st;
    st = ssem_history_step_over(s->h);
    if (st.why == SSEM_HISTORY_LIMIT && budget > 1)
        st = ssem_history_run(s->h, budget - 1);
    return st;
}

/* The step count that a state may reach is bounded by 2^64 - 1: a state
 * so close to it that a continue could not run its budget is refused. */
static int check_steps(const session_t *s, const ssem_t *m, const char *what)
{
    if (m->steps > UINT64_MAX - s->max_steps)
        return fail(s, "%s: step %" PRIu64 " cannot be continued: the step count would pass "
                       "2^64 - 1 within --max-steps (%" PRIu64 ")",
                    what, m->steps, s->max_steps);
    return 0;
}

/* -------------------------------------------------------------- commands */

static int cmd_step(session_t *s, int argc, char **argv)
{
    uint64_t n = 1;
    if (argc > 2)
        return fail(s, "usage: step [N]");
    if (argc == 2 && parse_count_arg(s, argv[1], &n) != 0)
        return -1;
    /* a step N is a motion like continue: --max-steps bounds it */
    bool bounded = n > s->max_steps;
    ssem_history_stop_t st = motion(s, bounded ? s->max_steps : n);
    print_stop(s, st, bounded ? "limit" : "stepped");
    return 0;
}

static int cmd_continue(session_t *s, int argc, char **argv)
{
    (void)argv;
    if (argc > 1)
        return fail(s, "usage: continue");
    print_stop(s, motion(s, s->max_steps), "limit");
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
    if (n > s->max_steps)
        n = s->max_steps;
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
    ssem_history_stop_t st = {SSEM_HISTORY_START, 0, 0, 0};
    if (!clipped)
        st.why = SSEM_HISTORY_LIMIT;
    print_stop(s, st, "stepped back");
    return 0;
}

static int cmd_reverse_continue(session_t *s, int argc, char **argv)
{
    (void)argv;
    if (argc > 1)
        return fail(s, "usage: reverse-continue");
    interrupted = 0;
    print_stop(s, ssem_history_reverse_continue(s->h), "");
    return 0;
}

static int cmd_restart(session_t *s, int argc, char **argv)
{
    (void)argv;
    if (argc > 1)
        return fail(s, "usage: run | restart");
    ssem_history_rebase(s->h, &s->original);
    print_stop(s, (ssem_history_stop_t){SSEM_HISTORY_LIMIT, 0, 0, 0}, "start");
    return 0;
}

/* "breakpoints: 6 (if a < 0) 13" or "watches: 27 a (if ci == 5)". */
static void list_lines(const char *what, uint64_t mask, const condition_t *cond)
{
    printf("%s:", what);
    if (mask == 0)
        printf(" none");
    char name[16], text[64];
    for (uint32_t t = 0; t <= SSEM_WATCH_CI; t++) {
        if (((mask >> t) & 1u) == 0)
            continue;
        printf(" %s", register_name(t, name, sizeof name));
        if (cond[t].set)
            printf(" (%s)", condition_text(&cond[t], text, sizeof text) + 1);
    }
    printf("\n");
}

static int cmd_break(session_t *s, int argc, char **argv)
{
    uint32_t mask = ssem_history_breakpoints(s->h), line;
    if (argc == 1) { /* "break" alone lists */
        list_lines("breakpoints", mask, s->cond);
        list_lines("watches", ssem_history_watches(s->h), s->wcond);
        return 0;
    }
    if (argc != 2 && !(argc > 2 && value_same_word(argv[2], "if")))
        return fail(s, "usage: break [LINE [if REG OP VALUE]]");
    if (parse_line(s, argv[1], &line) != 0)
        return -1;
    condition_t c = {false, 0, "", 0};
    if (argc > 2 && parse_condition(s, "break LINE", argc - 3, argv + 3, &c) != 0)
        return -1;
    s->cond[line] = c;
    ssem_history_set_breakpoints(s->h, mask | (1u << line));
    char text[64];
    printf("breakpoint on line %u%s\n", (unsigned)line, condition_text(&c, text, sizeof text));
    return 0;
}

static int cmd_delete(session_t *s, int argc, char **argv)
{
    uint32_t mask = ssem_history_breakpoints(s->h), line;
    if (argc > 2)
        return fail(s, "usage: delete [LINE]");
    if (argc == 1) {
        ssem_history_set_breakpoints(s->h, 0);
        memset(s->cond, 0, sizeof s->cond);
        printf("deleted all breakpoints\n");
        return 0;
    }
    if (parse_line(s, argv[1], &line) != 0)
        return -1;
    if (((mask >> line) & 1u) == 0)
        return fail(s, "no breakpoint on line %u", (unsigned)line);
    ssem_history_set_breakpoints(s->h, mask & ~(1u << line));
    s->cond[line].set = false;
    printf("deleted breakpoint on line %u\n", (unsigned)line);
    return 0;
}

/* A watch target: a store line (or label), a or ci. */
static int parse_watch_target(const session_t *s, const char *text, uint32_t *target)
{
    int reg = find_register(text);
    if (reg == (int)REG_A || reg == (int)REG_CI) {
        *target = (uint32_t)reg;
        return 0;
    }
    if (find_line(s, text, target) == 0)
        return 0;
    return fail(s, "'%s' cannot be watched: give a store line (0-31), a label, a or ci", text);
}

static int cmd_watch(session_t *s, int argc, char **argv)
{
    uint32_t target;
    char name[16], text[64];
    if (argc != 2 && !(argc > 2 && value_same_word(argv[2], "if")))
        return fail(s, "usage: watch LINE|a|ci [if REG OP VALUE]");
    if (parse_watch_target(s, argv[1], &target) != 0)
        return -1;
    condition_t c = {false, 0, "", 0};
    if (argc > 2 && parse_condition(s, "watch LINE|a|ci", argc - 3, argv + 3, &c) != 0)
        return -1;
    s->wcond[target] = c;
    ssem_history_set_watches(s->h, ssem_history_watches(s->h) | SSEM_WATCH_BIT(target));
    printf("watch on %s%s%s\n", target < SSEM_LINES ? "line " : "",
           register_name(target, name, sizeof name), condition_text(&c, text, sizeof text));
    return 0;
}

static int cmd_unwatch(session_t *s, int argc, char **argv)
{
    uint32_t target;
    char name[16];
    uint64_t mask = ssem_history_watches(s->h);
    if (argc > 2)
        return fail(s, "usage: unwatch [LINE|a|ci]");
    if (argc == 1) {
        ssem_history_set_watches(s->h, 0);
        memset(s->wcond, 0, sizeof s->wcond);
        printf("deleted all watches\n");
        return 0;
    }
    if (parse_watch_target(s, argv[1], &target) != 0)
        return -1;
    const char *what = register_name(target, name, sizeof name);
    if ((mask & SSEM_WATCH_BIT(target)) == 0)
        return fail(s, "no watch on %s%s", target < SSEM_LINES ? "line " : "", what);
    ssem_history_set_watches(s->h, mask & ~SSEM_WATCH_BIT(target));
    s->wcond[target].set = false;
    printf("deleted watch on %s%s\n", target < SSEM_LINES ? "line " : "", what);
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
        char when[64];
        print_register(m, REG_A);
        print_register(m, REG_CI);
        print_register(m, REG_PI);
        format_time_1948(m->steps, SSEM_DIGIT_PERIOD_US, when, sizeof when);
        printf("lamp %s; step %" PRIu64 " (1948 time %s)\n",
               m->fault ? "lit (fault)" : m->lamp ? "lit" : "off", m->steps, when);
        return 0;
    }
    if (value_same_word(argv[1], "monitor") || value_same_word(argv[1], "m")) {
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
        return fail(s, "usage: print [a | ci | pi | LINE | monitor [S|A|C]]");
    int reg = find_register(argv[1]);
    if (reg >= 0) {
        print_register(m, (uint32_t)reg);
        return 0;
    }
    uint32_t line = 0;
    if (find_line(s, argv[1], &line) != 0)
        return fail(s, "'%s' is not a register (a, ci, pi), a store line (0-31) or a label",
                    argv[1]);
    print_store_line(m, line);
    return 0;
}

#define MAX_WORDS 40

/* Splits line into words (blanks separate them; '#' starts a comment).
 * Returns how many, or -1 when there are too many. */
static int split_words(char *line, char **argv)
{
    int argc = 0;
    char *hash = strchr(line, '#');
    if (hash != NULL)
        *hash = '\0';
    for (char *tok = strtok(line, " \t\r\n"); tok != NULL; tok = strtok(NULL, " \t\r\n")) {
        if (argc == MAX_WORDS)
            return -1;
        argv[argc++] = tok;
    }
    return argc;
}

/* A display: what `print` shows for its words, after every motion. */
static int show_display(session_t *s, const char *expr)
{
    char copy[DISPLAY_SIZE], *argv[MAX_WORDS + 1];
    snprintf(copy, sizeof copy, "print %s", expr);
    int argc = split_words(copy, argv);
    return argc < 1 ? -1 : cmd_print(s, argc, argv);
}

static int cmd_display(session_t *s, int argc, char **argv)
{
    if (argc == 1) {
        if (s->ndisplays == 0)
            printf("no displays\n");
        for (int i = 0; i < s->ndisplays; i++) {
            char name[4 * DISPLAY_SIZE];
            printf("%d: %s\n", i + 1, shown(s->display[i], name, sizeof name));
        }
        return 0;
    }
    if (s->ndisplays == MAX_DISPLAYS)
        return fail(s, "display: at most %d displays", MAX_DISPLAYS);
    char expr[DISPLAY_SIZE] = "";
    for (int i = 1; i < argc; i++) {
        if (strlen(expr) + strlen(argv[i]) + 2 > sizeof expr)
            return fail(s, "display: too long");
        if (i > 1)
            strcat(expr, " ");
        strcat(expr, argv[i]);
    }
    if (show_display(s, expr) != 0) /* it must print: the same errors as print */
        return -1;
    snprintf(s->display[s->ndisplays++], DISPLAY_SIZE, "%s", expr);
    return 0;
}

static int cmd_undisplay(session_t *s, int argc, char **argv)
{
    uint64_t n;
    if (argc > 2)
        return fail(s, "usage: undisplay [N]");
    if (argc == 1) {
        s->ndisplays = 0;
        printf("deleted all displays\n");
        return 0;
    }
    if (value_number(argv[1], UINT64_MAX, &n, NULL) != 0 || n == 0 || n > (uint64_t)s->ndisplays)
        return fail(s, "'%s' is not a display number (see 'display')", argv[1]);
    for (int i = (int)n; i < s->ndisplays; i++)
        memcpy(s->display[i - 1], s->display[i], DISPLAY_SIZE);
    s->ndisplays--;
    printf("deleted display %u\n", (unsigned)n);
    return 0;
}

/* "set TARGET VALUE...": VALUE a number, or for a line an instruction. */
static int cmd_set(session_t *s, int argc, char **argv)
{
    if (argc < 3)
        return fail(s, "usage: set a|ci|pi VALUE  or  set LINE VALUE");
    ssem_t m = *ssem_history_state(s->h);
    uint32_t value, line = 0;
    int reg = find_register(argv[1]);
    if (reg >= 0) {
        if (argc != 3 || parse_word(argv[2], &value) != 0)
            return fail(s, "set %s: '%s' is not a number (decimal, or 0x hex)", argv[1],
                        argv[2]);
    } else {
        if (parse_line(s, argv[1], &line) != 0)
            return -1;
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
            int r = ssem_load(text, strlen(text), "set", SSEM_FORMAT_ASM, &img, &err);
            text[strlen(text) - 1] = '\0';
            if (r != 0) /* one line: the assembler's message, without its place */
                return fail(s, "set %u: '%s' is neither a number nor an instruction (%s)",
                            (unsigned)line, text + 3, err.message);
            if ((img.defined & 1u) == 0 || img.defined != 1u)
                return fail(s, "set %u: '%s' is neither a number nor an instruction",
                            (unsigned)line, text + 3);
            value = img.word[0];
        }
    }
    char text[40];
    if (reg < 0)
        m.store[line] = value;
    else if (reg == (int)REG_A)
        m.a = value;
    else if (reg == (int)REG_CI)
        m.ci = value;
    else
        m.pi = value;
    ssem_history_rebase(s->h, &m);
    if (reg < 0)
        printf("line %u = %" PRId32 " (%s)\n", (unsigned)line, ssem_word_signed(value),
               ssem_disasm_word(value, text, sizeof text));
    else
        printf("%s = %" PRId32 "\n", register_name((uint32_t)reg, text, sizeof text),
               ssem_word_signed(value));
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
    ssem_history_entry_t *list = malloc((size_t)(n ? n : 1) * sizeof *list);
    if (list == NULL)
        return fail(s, "out of memory");
    size_t got = ssem_history_last(s->h, (size_t)n, list);
    for (size_t i = 0; i < got; i++) {
        char text[40];
        printf("%10" PRIu64 "  line %2u  %-16s  A %11" PRId32 "\n", list[i].step,
               (unsigned)list[i].line, ssem_disasm_obeyed(list[i].pi, text, sizeof text),
               ssem_word_signed(list[i].a));
    }
    if (got == 0)
        printf("no steps before step %" PRIu64 " in the history\n",
               ssem_history_state(s->h)->steps);
    free(list);
    return 0;
}

static int cmd_save(session_t *s, int argc, char **argv)
{
    char name[1024];
    if (argc != 2)
        return fail(s, "usage: save FILE");
    char text[SSEM_TEXT_MAX];
    if (ssem_write_state(ssem_history_state(s->h), text, sizeof text) == 0 ||
        labels_line_add((const char(*)[SSEM_LABEL_SIZE])s->labels, text, sizeof text) != 0)
        return fail(s, "save: the state does not fit in %u bytes", SSEM_TEXT_MAX);
    if (write_output_text(argv[1], text) != 0)
        return fail(s, "save: %s not written", argv[1]);
    printf("saved step %" PRIu64 " to %s\n", ssem_history_state(s->h)->steps,
           shown(argv[1], name, sizeof name));
    return 0;
}

/* The labels of a program file: assembly's, or those a state file saved by
 * 'save' keeps; none for other formats. */
static void read_labels(const char *file, ssem_format_t format,
                        char labels[SSEM_LINES][SSEM_LABEL_SIZE])
{
    memset(labels, 0, SSEM_LINES * SSEM_LABEL_SIZE);
    source_t src;
    if (read_source(file, &src) != 0)
        return;
    ssem_image_t img;
    ssem_diag_t err;
    if (ssem_load(src.text, src.len, file, format, &img, &err) == 0) {
        memcpy(labels, img.label, sizeof img.label);
        if (img.format == SSEM_FORMAT_STATE)
            labels_line_parse(src.text, src.len, labels);
    }
    free(src.text);
}

/* "load FILE": a new program for the session (restart goes back to it);
 * "restore FILE": the machine a state file saved (restart still goes back
 * to the program). Either way the loaded state is the new start of the
 * history; breakpoints, watches and displays stay. */
static int load_command(session_t *s, int argc, char **argv, bool program)
{
    char name[1024];
    if (argc != 2)
        return fail(s, program ? "usage: load FILE" : "usage: restore FILE");
    ssem_t m;
    if (load_machine(argv[1], s->format, s->lenient, &m) != 0)
        return fail(s, "%s: %s not loaded", program ? "load" : "restore", argv[1]);
    if (check_steps(s, &m, argv[1]) != 0)
        return -1;
    if (program) {
        s->original = m;
        read_labels(argv[1], s->format, s->labels);
    }
    ssem_history_rebase(s->h, &m);
    printf("%s %s\n", program ? "loaded" : "restored", shown(argv[1], name, sizeof name));
    print_stop(s, (ssem_history_stop_t){SSEM_HISTORY_LIMIT, 0, 0, 0}, "start");
    return 0;
}

static int cmd_load(session_t *s, int argc, char **argv)
{
    return load_command(s, argc, argv, true);
}

static int cmd_restore(session_t *s, int argc, char **argv)
{
    return load_command(s, argc, argv, false);
}

static int cmd_help(session_t *s, int argc, char **argv);

/* gdb's "info WHAT": the listings under the names a gdb user types. */
static int cmd_info(session_t *s, int argc, char **argv)
{
    static const char *const what[] = {"breakpoints", "b", "break", "watchpoints", "watch",
                                       "registers", "r", "display", NULL};
    int i = argc == 2 ? value_keyword(argv[1], what) : -1;
    char *none[] = {argv[0], NULL};
    if (i < 0)
        return fail(s, "usage: info breakpoints|watchpoints|registers|display");
    if (i <= 4)
        return cmd_break(s, 1, none);
    if (i <= 6)
        return cmd_print(s, 1, none);
    return cmd_display(s, 1, none);
}

static int cmd_quit(session_t *s, int argc, char **argv)
{
    (void)s, (void)argc, (void)argv;
    return 1;
}

/* ----------------------------------------------------------- the table */

typedef int (*handler_t)(session_t *s, int argc, char **argv);

typedef struct command {
    const char *group;   /* the heading `help` prints before the first of a group */
    const char *name;
    const char *aliases; /* other names, separated by spaces ("": none)           */
    const char *args;    /* the argument syntax, as help shows it                 */
    const char *help;    /* what it does; '\n' separates lines                    */
    handler_t run;       /* returns 0, -1 (an error, reported) or 1 (quit)        */
    bool repeat;         /* an empty line on a terminal repeats it                */
} command_t;

static const command_t commands[] = {
    {"motion (each prints where it stopped: why, the step count, the next line)", "step",
     "s stepi si", "[N]",
     "execute N instructions (default 1, at most\n"
     "--max-steps); stops early at a breakpoint, a\n"
     "watch, STP or a fault",
     cmd_step, true},
    {NULL, "continue", "c cont", "",
     "run until a breakpoint, a watch, STP, a fault or\n"
     "the step limit (Ctrl-C interrupts); after STP it\n"
     "resumes the machine from CI + 1, as the Baby did",
     cmd_continue, true},
    {NULL, "explain", "e", "[N]",
     "step N instructions (default 1), printing each\n"
     "as the lecture does: the fetch, then the register\n"
     "transfer in the 1948 notation, with values, and\n"
     "in words",
     cmd_explain, true},
    {NULL, "reverse-step", "rs", "[N]", "go back N steps (default 1), exactly", cmd_reverse_step,
     true},
    {NULL, "reverse-continue", "rc", "",
     "go back to the latest earlier breakpoint or watch\n"
     "hit, or to the start of the history (Ctrl-C\n"
     "interrupts)",
     cmd_reverse_continue, true},
    {NULL, "run", "restart", "", "back to the program as loaded, step 0 (undoes\n'set')",
     cmd_restart, false},
    {"stops", "break", "b", "[LINE [if REG OP VALUE]]",
     "stop before executing store line LINE (0-31, or\n"
     "a label of the program); with 'if', only when REG\n"
     "(a, ci, pi or a line) compares so with VALUE\n"
     "(signed; OP < <= == != >= >); alone: list\n"
     "breakpoints and watches",
     cmd_break, false},
    {NULL, "delete", "d", "[LINE]", "delete the breakpoint on LINE, or all of them", cmd_delete,
     false},
    {NULL, "watch", "w", "LINE|a|ci [if REG OP VALUE]",
     "stop after a step that changes store line LINE\n"
     "(or a label), the accumulator or CI; with 'if',\n"
     "only when, after that step, REG compares so with\n"
     "VALUE (as for break: 'watch 27 if a < 0')",
     cmd_watch, false},
    {NULL, "unwatch", "", "[LINE|a|ci]", "delete that watch, or all of them", cmd_unwatch, false},
    {"looking", "print", "p", "[a|ci|pi|LINE|monitor [S|A|C]]",
     "alone: A, CI, PI, the lamp, the step count and\n"
     "its 1948 time; or one register, one store line\n"
     "(or label), or the monitor (store, accumulator or\n"
     "control tube)",
     cmd_print, false},
    {NULL, "display", "", "[a|ci|pi|LINE|monitor [S|A|C]]",
     "print it now and after every motion; alone: list\n"
     "the displays",
     cmd_display, false},
    {NULL, "undisplay", "", "[N]", "delete display N (see 'display'), or all of them",
     cmd_undisplay, false},
    {NULL, "info", "i", "breakpoints|watchpoints|registers|display",
     "as gdb: the breakpoints and watches (as 'break'\n"
     "alone), the registers (as 'print' alone), or the\n"
     "displays",
     cmd_info, false},
    {NULL, "disasm", "x", "[FROM [TO]]",
     "the store as assembly ('>' the next line, '*' a\n"
     "breakpoint)",
     cmd_disasm_lines, true},
    {NULL, "history", "", "[N]", "the last N steps executed (default 10)", cmd_history, true},
    {"changing", "set", "", "a|ci|pi|LINE VALUE",
     "set a register or a store line; VALUE decimal\n"
     "(negative ok) or 0x hex, or for a line an\n"
     "instruction ('set 5 LDN 24'). History before a\n"
     "set is dropped: going back stops at it",
     cmd_set, false},
    {NULL, "save", "", "FILE", "the whole machine as a state file (atomically)", cmd_save,
     false},
    {NULL, "restore", "", "FILE",
     "the machine a state file holds ('save'): the new\n"
     "start of the history ('run' still goes back to\n"
     "the program)",
     cmd_restore, false},
    {NULL, "load", "", "FILE",
     "another program (any format, or a state file):\n"
     "the session's program from now on; breakpoints\n"
     "and watches stay",
     cmd_load, false},
    {"the session", "help", "h ?", "[COMMAND]", "this list, or one command's help", cmd_help,
     false},
    {NULL, "quit", "q exit", "", "leave the debugger", cmd_quit, false},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

/* Is word one of the space-separated names in list? */
static bool in_list(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; *p != '\0';) {
        size_t k = strcspn(p, " ");
        if (k == n && strncmp(p, word, n) == 0)
            return true;
        p += k;
        p += *p == ' ';
    }
    return false;
}

static const command_t *find_command(const char *word)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, word) == 0 || in_list(commands[i].aliases, word))
            return &commands[i];
    return NULL;
}

/* One command's rows in the list: "  NAME ARGS   ALIAS  HELP", the help's
 * further lines aligned under its first. */
static void help_rows(const command_t *c)
{
    char head[64], alias[8];
    snprintf(head, sizeof head, "%s%s%s", c->name, c->args[0] ? " " : "", c->args);
    size_t k = strcspn(c->aliases, " ");
    snprintf(alias, sizeof alias, "%.*s", (int)(k < sizeof alias - 1 ? k : sizeof alias - 1),
             c->aliases);
    if (strlen(head) > 18) {
        printf("  %s\n", head);
        head[0] = '\0';
    }
    const char *p = c->help;
    bool first = true;
    while (*p != '\0') {
        size_t n = strcspn(p, "\n");
        if (first)
            printf("  %-18s %-7s %.*s\n", head, alias, (int)n, p);
        else
            printf("  %-18s %-7s %.*s\n", "", "", (int)n, p);
        first = false;
        p += n;
        p += *p == '\n';
    }
}

static int cmd_help(session_t *s, int argc, char **argv)
{
    if (argc > 2)
        return fail(s, "usage: help [COMMAND]");
    if (argc == 2) {
        const command_t *c = find_command(argv[1]);
        if (c == NULL)
            return fail(s, "help: no command '%s' (try 'help')", argv[1]);
        printf("%s%s%s\n", c->name, c->args[0] ? " " : "", c->args);
        if (c->aliases[0] != '\0')
            printf("  also: %s\n", c->aliases);
        for (const char *p = c->help; *p != '\0';) {
            size_t n = strcspn(p, "\n");
            printf("  %.*s\n", (int)n, p);
            p += n;
            p += *p == '\n';
        }
        return 0;
    }
    for (size_t i = 0; i < NCOMMANDS; i++) {
        if (commands[i].group != NULL)
            printf("%s:\n", commands[i].group);
        help_rows(&commands[i]);
    }
    printf("an empty line (on a terminal) repeats the last motion or listing\n");
    return 0;
}

/* One command line. Returns 0, -1 (an error, already reported) or 1 (quit);
 * *repeatable says whether an empty line may run it again. */
static int execute(session_t *s, char *line, bool *repeatable)
{
    char *argv[MAX_WORDS];
    *repeatable = false;
    int argc = split_words(line, argv);
    if (argc < 0)
        return fail(s, "too many words");
    if (argc == 0)
        return 0;
    const command_t *c = find_command(argv[0]);
    if (c == NULL)
        return fail(s, "unknown command '%s' (try 'help')", argv[0]);
    *repeatable = c->repeat;
    return c->run(s, argc, argv);
}

/* ------------------------------------------------------------- reading */

/* One line of f into *line (malloc'd, *cap bytes), without its end: a \n, a
 * \r\n or a lone \r (an old Mac's line end), as every loader of the
 * library reads lines (getline would take a CR-only file as one line).
 * Returns -1 at the end of the input, or out of memory (errno ENOMEM). */
static int read_line(FILE *f, char **line, size_t *cap)
{
    size_t n = 0;
    int c;
    while ((c = getc(f)) != EOF && c != '\n') {
        if (c == '\r') {
            int d = getc(f);
            if (d != '\n' && d != EOF)
                ungetc(d, f);
            break;
        }
        if (*line == NULL || n + 2u > *cap) {
            size_t bigger = *cap < 128u ? 128u : 2u * *cap;
            char *l = realloc(*line, bigger);
            if (l == NULL) {
                errno = ENOMEM;
                return -1;
            }
            *line = l;
            *cap = bigger;
        }
        (*line)[n++] = (char)c;
    }
    if (c == EOF && n == 0)
        return -1;
    if (*line == NULL) { /* an empty first line */
        if ((*line = malloc(1)) == NULL) {
            errno = ENOMEM;
            return -1;
        }
        *cap = 1;
    }
    (*line)[n] = '\0';
    return 0;
}

/* The next line of commands into *line (malloc'd). On a terminal, libedit
 * reads it (editing, history); otherwise read_line, with the prompt printed
 * when asked. Returns -1 at the end of the input (or a read error: *err). */
static int read_command(FILE *f, bool prompt, bool edit, char **line, size_t *cap, bool *err)
{
    *err = false;
#ifdef SSEM_NO_EDITLINE /* no line editing in this build: lines as read */
    (void)edit;
    prompt = prompt || edit;
#else
    if (edit) {
        char *l = readline("(ssem) ");
        if (l == NULL)
            return -1;
        if (l[0] != '\0')
            add_history(l);
        free(*line);
        *line = l;
        *cap = strlen(l) + 1;
        return 0;
    }
#endif
    if (prompt) {
        fputs("(ssem) ", stdout);
        flush_stdout();
    }
    errno = 0;
    if (read_line(f, line, cap) < 0) {
        *err = ferror(f) != 0 || errno == ENOMEM;
        return -1;
    }
    return 0;
}

static bool is_blank(const char *line)
{
    return line[strspn(line, " \t\r\n")] == '\0';
}

/* Reads and executes commands from f. Returns 1 on quit, -1 when batch mode
 * stops at an error or the input cannot be read, 0 at the end of the input. */
static int command_loop(session_t *s, FILE *f, bool prompt, bool edit, bool batch)
{
    char *line = NULL, *last = NULL;
    size_t cap = 0;
    int r = 0;
    bool err;
    s->lineno = 0;
    while (read_command(f, prompt, edit, &line, &cap, &err) == 0) {
        s->lineno++;
        /* a UTF-8 byte-order mark opens the first line of some editors'
         * files: skipped, as every loader skips it */
        if (s->lineno == 1 && strncmp(line, "\xef\xbb\xbf", 3) == 0)
            memmove(line, line + 3, strlen(line + 3) + 1u);
        bool repeatable;
        int e;
        if (prompt && is_blank(line) && last != NULL) { /* gdb: Enter repeats */
            char *again = strdup(last);
            e = again ? execute(s, again, &repeatable) : fail(s, "out of memory");
            free(again);
        } else {
            char *copy = prompt ? strdup(line) : NULL;
            e = execute(s, line, &repeatable);
            if (prompt && !is_blank(copy ? copy : "")) {
                free(last);
                last = repeatable ? copy : NULL;
                if (!repeatable)
                    free(copy);
            } else {
                free(copy);
            }
        }
        flush_stdout();
        if (e == 1) {
            r = 1;
            break;
        }
        if (e < 0 && f != stdin) /* a script's error is not lost in its output */
            s->script_failed = true;
        if (e < 0 && batch) {
            r = -1;
            break;
        }
    }
    if (err) {
        fail(s, "cannot read the commands: %s", strerror(errno ? errno : EIO));
        r = -1;
    }
    if (prompt && r == 0)
        fputc('\n', stdout);
    free(line);
    free(last);
    return r;
}

/* Opens the script: a regular file (or a pipe, a device) that can be read;
 * a directory is refused, as the kernel only says so at the first read. */
static FILE *open_script(const char *script)
{
    FILE *f = fopen(script, "r");
    struct stat st;
    if (f != NULL && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        errno = EISDIR;
        f = NULL;
    }
    if (f == NULL)
        error_message("debug: script %s: %s", script, strerror(errno));
    return f;
}

enum { OPT_FORMAT = 1, OPT_ENGINE, OPT_MAX_STEPS, OPT_LENIENT, OPT_BATCH, OPT_SCRIPT };
static const cli_option_t debug_options[] = {
    {"--format", 0, CLI_VALUE, OPT_FORMAT},       {"--engine", 0, CLI_VALUE, OPT_ENGINE},
    {"--max-steps", 0, CLI_VALUE, OPT_MAX_STEPS}, {"--lenient", 0, CLI_FLAG, OPT_LENIENT},
    {"--batch", 0, CLI_FLAG, OPT_BATCH},          {"--script", 'x', CLI_VALUE, OPT_SCRIPT},
    {NULL, 0, CLI_FLAG, 0},
};

int cmd_debug(int argc, char **argv)
{
    session_t s;
    memset(&s, 0, sizeof s);
    s.format = SSEM_FORMAT_AUTO;
    s.max_steps = DEFAULT_MAX_STEPS;
    bool batch = false;
    const char *file = NULL, *engine_name = NULL, *script = NULL;
    cli_parser_t op;
    cli_parser_init(&op, argc, argv, debug_usage, debug_options);
    for (int id; (id = cli_next(&op)) != CLI_END;) {
        switch (id) {
        case OPT_FORMAT: s.format = cli_format(&op); break;
        case OPT_ENGINE: engine_name = cli_engine(&op); break;
        case OPT_MAX_STEPS: s.max_steps = cli_count(&op, UINT64_MAX); break;
        case OPT_LENIENT: s.lenient = true; break;
        case OPT_BATCH: batch = true; break;
        case OPT_SCRIPT: script = op.value; break;
        case CLI_OPERAND: cli_take_file(&op, &file); break;
        }
    }
    if (file == NULL)
        die_usage("debug: no program file given");
    if (strcmp(file, "-") == 0)
        die_usage("debug: commands come from standard input: give the program as a file");
    s.engine = open_engine(engine_name);
    if (load_machine(file, s.format, s.lenient, &s.original) != 0 ||
        check_steps(&s, &s.original, file) != 0) {
        ssem_engine_free(s.engine);
        return EXIT_BAD_INPUT;
    }
    read_labels(file, s.format, s.labels);

    FILE *sf = NULL;
    if (script != NULL && (sf = open_script(script)) == NULL) {
        ssem_engine_free(s.engine);
        return EXIT_BAD_INPUT;
    }
    s.h = ssem_history_new(&s.original, s.engine, 0);
    if (s.h == NULL) {
        error_message("debug: out of memory");
        if (sf != NULL)
            fclose(sf);
        ssem_engine_free(s.engine);
        return EXIT_BAD_INPUT;
    }
    ssem_history_set_interrupt(s.h, &interrupted);
    ssem_history_set_condition(s.h, break_condition, &s);
    ssem_history_set_watch_condition(s.h, watch_condition, &s);

    struct sigaction sa, old_sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    bool tty = isatty(STDIN_FILENO) != 0;
    if (tty) /* Ctrl-C interrupts a long 'continue', not the session */
        sigaction(SIGINT, &sa, &old_sa);

    print_where(&s, "start");
    int r = 0;
    if (sf != NULL) {
        s.where = script;
        s.show_where = true;
        r = command_loop(&s, sf, false, false, batch);
        fclose(sf);
    }
    if (r == 0 && !(batch && script != NULL)) {
        s.where = "stdin";
        s.show_where = !tty;
        r = command_loop(&s, stdin, tty, tty, batch);
    }
    if (tty)
        sigaction(SIGINT, &old_sa, NULL);
    ssem_history_free(s.h);
    ssem_engine_free(s.engine);
    if (finish_stdout() != 0)
        return EXIT_BAD_INPUT;
    return r < 0 || s.script_failed ? EXIT_BAD_INPUT : 0;
}
