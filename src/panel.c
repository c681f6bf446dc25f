/*
 * panel.c - the Baby's control panel as operations on a machine (ssem.h,
 * "The control panel"): keys to machine actions, and speeds to step
 * budgets. No terminal, no clock, no printing in here: `ssem panel`
 * (tools/cmd_panel.c) and the web page (web/ssem_web.c) draw it and read the
 * keys, and tests/unit/test_panel.c drives it key by key.
 *
 * It was tools/panel_logic.c, compiled into the page and #included by the
 * test; as the library's, both front ends and the test link the same code.
 */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ keys */

static const ssem_panel_key_t panel_keys[] = {
    {'r', "r", "CS", "Stop/Run switch: run on from CI+1, or stop", SSEM_PANEL_RUN_STOP},
    {'s', "s", "KC", "single shot: one instruction (at Stop)", SSEM_PANEL_STEP},
    {'b', "b", "(new)", "reverse step: back one instruction", SSEM_PANEL_REVERSE},
    {SSEM_PANEL_KEY_LEFT, "<- ->", "typewriter", "choose the digit (0-31) under the cursor",
     SSEM_PANEL_CURSOR_LEFT},
    {SSEM_PANEL_KEY_RIGHT, NULL, NULL, NULL, SSEM_PANEL_CURSOR_RIGHT},
    {' ', "space", "typewriter", "press that digit's button: 1 (0 at Erase)", SSEM_PANEL_TYPE},
    {'\n', NULL, NULL, NULL, SSEM_PANEL_TYPE},
    {'w', "w", "Write/Erase", "the typewriter writes 1s or erases to 0", SSEM_PANEL_WRITE_ERASE},
    {SSEM_PANEL_KEY_UP, "up down", "line switches", "choose the action line (at Stop)",
     SSEM_PANEL_LINE_UP},
    {SSEM_PANEL_KEY_DOWN, NULL, NULL, NULL, SSEM_PANEL_LINE_DOWN},
    {'m', "m", "Auto/Man", "Man: run and KC obey the switches' instruction", SSEM_PANEL_AUTO_MAN},
    {'f', "f F", "function sw.", "function of the switches' instruction +1/-1",
     SSEM_PANEL_FUNC_UP},
    {'F', NULL, NULL, NULL, SSEM_PANEL_FUNC_DOWN},
    {'L', "L", "KLC", "clear the action line", SSEM_PANEL_KLC},
    {'K', "K", "KSC", "clear the whole store", SSEM_PANEL_KSC},
    {'C', "C", "KCC", "clear CI and A (PI, lamp, steps too)", SSEM_PANEL_KCC},
    {'A', "A", "KAC", "clear A alone", SSEM_PANEL_KAC},
    {'t', "t", "tube switch", "show tube S, A or C on the monitor", SSEM_PANEL_TUBE},
    {'x', "x", "(new)", "breakpoint on the action line (toggle)", SSEM_PANEL_BREAK},
    {'+', "+ -", "(speed)", "1948 real time x0.1 ... x100000, flat out", SSEM_PANEL_FASTER},
    {'=', NULL, NULL, NULL, SSEM_PANEL_FASTER},
    {'-', NULL, NULL, NULL, SSEM_PANEL_SLOWER},
    {'[', "[ ]", "(digit period)", "-/+ 0.5 us (10 us: 1.44 ms an instruction)",
     SSEM_PANEL_PERIOD_DOWN},
    {']', NULL, NULL, NULL, SSEM_PANEL_PERIOD_UP},
    {'q', "q", "", "quit", SSEM_PANEL_QUIT},
    {'Q', NULL, NULL, NULL, SSEM_PANEL_QUIT},
    {0, NULL, NULL, NULL, SSEM_PANEL_NONE},
};

const ssem_panel_key_t *ssem_panel_keys(void) { return panel_keys; }

ssem_panel_action_t ssem_panel_key_action(int key)
{
    for (const ssem_panel_key_t *k = panel_keys; k->action != SSEM_PANEL_NONE; k++)
        if (k->key == key)
            return k->action;
    return SSEM_PANEL_NONE;
}

/* ------------------------------------------------------------ the panel */

ssem_panel_t *ssem_panel_new(const ssem_t *m, ssem_engine_t *engine, size_t max_snapshots)
{
    ssem_panel_t *p = calloc(1, sizeof *p);
    if (p == NULL)
        return NULL;
    p->h = ssem_history_new(m, engine, max_snapshots);
    if (p->h == NULL) {
        free(p);
        return NULL;
    }
    p->engine = engine;
    p->tube = SSEM_TUBE_S;
    p->speed = 1.0;
    p->digit_period_us = SSEM_DIGIT_PERIOD_US;
    ssem_pace_init(&p->pace);
    snprintf(p->message, sizeof p->message, "CS at Stop: r runs, s steps, q quits");
    return p;
}

void ssem_panel_free(ssem_panel_t *p)
{
    if (p == NULL)
        return;
    ssem_history_free(p->h);
    free(p);
}

const ssem_t *ssem_panel_machine(const ssem_panel_t *p) { return ssem_history_state(p->h); }

uint32_t ssem_panel_action_line(const ssem_panel_t *p)
{
    return p->running ? ssem_panel_machine(p)->ci & SSEM_LINE_MASK : p->line_switches;
}

uint32_t ssem_panel_manual_instruction(const ssem_panel_t *p)
{
    return ssem_make_instruction(p->func_switches, p->line_switches);
}

static void say(ssem_panel_t *p, const char *fmt, ...) SSEM_PRINTF(2, 3);
static void say(ssem_panel_t *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->message, sizeof p->message, fmt, ap);
    va_end(ap);
}

void ssem_panel_set_machine(ssem_panel_t *p, const ssem_t *m)
{
    ssem_t next = *ssem_panel_machine(p);
    memcpy(next.store, m->store, sizeof next.store);
    next.a = m->a;
    next.ci = m->ci;
    next.pi = m->pi;
    next.lamp = m->lamp;
    next.fault = m->fault;
    next.steps = m->steps;
    p->running = false;
    ssem_history_rebase(p->h, &next);
}

int ssem_panel_load(ssem_panel_t *p, const char *text, size_t len, const char *name,
                    ssem_format_t format, ssem_diag_t *err)
{
    ssem_t m;
    memset(&m, 0, sizeof m);
    m.lenient = ssem_panel_machine(p)->lenient;
    ssem_image_t img;
    if (ssem_load_machine(text, len, name, format, &m, &img, err) != 0)
        return -1; /* ssem_load_machine leaves nothing half done: nor do we */
    ssem_panel_set_machine(p, &m);
    const char *file = name != NULL && name[0] != '\0' ? name : "<input>";
    if (img.nwarnings > 0)
        say(p, "loaded %s (%s); warning: %s:%d:%d: %s", file, ssem_format_name(img.format),
            img.warning[0].file != NULL ? img.warning[0].file : file, img.warning[0].line,
            img.warning[0].col, img.warning[0].message);
    else
        say(p, "loaded %s (%s): CI %u, A %ld, step %llu", file, ssem_format_name(img.format),
            (unsigned)m.ci, (long)ssem_word_signed(m.a), (unsigned long long)m.steps);
    return 0;
}

void ssem_panel_execute_manual(ssem_t *m, uint32_t word)
{
    m->lamp = false; /* the operator put the lamp out by running again */
    m->fault = false;
    m->ci += 1u;     /* PRM A1.3: CI is incremented for manual instructions too */
    ssem_execute(m, word); /* the library's one meaning of a word (proved) */
}


/* The hand-operated keys work with CS at Stop, as on the Baby. */
static bool stopped(ssem_panel_t *p, const char *what)
{
    if (!p->running)
        return true;
    say(p, "%s: put CS to Stop first (r)", what);
    return false;
}

/* Says why the machine stopped, from its state. */
static void say_stop(ssem_panel_t *p, ssem_history_stop_t st)
{
    const ssem_t *m = ssem_panel_machine(p);
    switch (st.why) {
    case SSEM_HISTORY_HALTED:
        say(p, "STP at line %u: the stop lamp is lit (r or s goes on from line %u)",
            (unsigned)(m->ci & SSEM_LINE_MASK), (unsigned)((m->ci + 1u) & SSEM_LINE_MASK));
        break;
    case SSEM_HISTORY_FAULT: {
        char why[160];
        ssem_fault_reason(m, why, sizeof why);
        say(p, "fault: %s (KCC clears CI)", why);
        break;
    }
    case SSEM_HISTORY_BREAK:
        say(p, "breakpoint: the next instruction is fetched from line %u", (unsigned)st.line);
        break;
    case SSEM_HISTORY_WATCH:
        say(p, "line %u changed", (unsigned)st.line);
        break;
    default: break;
    }
}

/* One manual (Man) instruction, or up to `budget` of them while running. */
static uint64_t run_manual(ssem_panel_t *p, uint64_t budget)
{
    ssem_t m = *ssem_panel_machine(p);
    uint32_t word = ssem_panel_manual_instruction(p);
    uint64_t n = 0;
    while (n < budget) {
        ssem_panel_execute_manual(&m, word);
        n++;
        if (m.lamp)
            break;
    }
    ssem_history_rebase(p->h, &m);
    if (m.lamp) {
        p->running = false;
        ssem_history_stop_t st = {SSEM_HISTORY_HALTED, 0, 0, 0};
        say_stop(p, st);
    }
    return n;
}

/* CS to Stop (or the machine stopped itself): the action line stays where
 * it was while running, on CI's line, rather than jumping to wherever the
 * line switches were left; the switches are set there. In Man mode the line
 * switches are the manual instruction's operand, and are left alone. */
static void stop_running(ssem_panel_t *p)
{
    p->running = false;
    if (!p->manual)
        p->line_switches = ssem_panel_machine(p)->ci & SSEM_LINE_MASK;
}

uint64_t ssem_panel_run_slice(ssem_panel_t *p, uint64_t budget)
{
    if (!p->running || budget == 0)
        return 0;
    if (p->manual) {
        p->first_slice = false;
        return run_manual(p, budget);
    }
    const ssem_t *m = ssem_panel_machine(p);
    uint64_t before = m->steps;
    /* Run starts with a step-over (so that it moves on from a breakpoint, as
     * gdb's continue does); every later slice stops at any breakpoint. */
    ssem_history_stop_t st = {SSEM_HISTORY_LIMIT, 0, 0, 0};
    if (p->first_slice) {
        p->first_slice = false;
        st = ssem_history_step_over(p->h);
        budget--;
    }
    if (st.why == SSEM_HISTORY_LIMIT && budget > 0)
        st = ssem_history_run(p->h, budget);
    m = ssem_panel_machine(p);
    if (st.why != SSEM_HISTORY_LIMIT) {
        stop_running(p);
        say_stop(p, st);
    }
    return m->steps >= before ? m->steps - before : 0;
}

static void single_step(ssem_panel_t *p)
{
    if (!stopped(p, "KC"))
        return;
    if (p->manual) {
        p->running = true;
        run_manual(p, 1);
        p->running = false;
        char text[40];
        const ssem_t *m = ssem_panel_machine(p);
        if (!m->lamp)
            say(p, "KC (Man): obeyed %s; CI is now %u",
                ssem_disasm_word(ssem_panel_manual_instruction(p), text, sizeof text),
                (unsigned)m->ci);
        return;
    }
    /* the line obeyed is the one fetched, CI + 1 before the step; after a
     * jump CI names the target instead (issue 12 item 11) */
    uint32_t line = (ssem_panel_machine(p)->ci + 1u) & SSEM_LINE_MASK;
    ssem_history_stop_t st = ssem_history_step_over(p->h); /* KC obeys CI's next line, marked or not */
    const ssem_t *m = ssem_panel_machine(p);
    if (st.why == SSEM_HISTORY_LIMIT || st.why == SSEM_HISTORY_BREAK) {
        char text[40];
        say(p, "KC: obeyed line %u, %s; CI is now %u", (unsigned)line,
            ssem_disasm_obeyed(m->pi, text, sizeof text), (unsigned)(m->ci & SSEM_LINE_MASK));
    } else {
        say_stop(p, st);
    }
}

static void reverse_step(ssem_panel_t *p)
{
    if (!stopped(p, "reverse step"))
        return;
    const ssem_t *m = ssem_panel_machine(p);
    uint64_t now = m->steps, first = ssem_history_first_step(p->h);
    /* A fault is not a step: going back from one gives the state before the
     * failed fetch, with the same step count. */
    uint64_t target = m->fault ? now : now - 1;
    if ((!m->fault && now <= first) || ssem_history_seek(p->h, target) != 0) {
        say(p, "reverse step: this is the earliest step kept (%llu: the load or the "
               "last change by hand)",
            (unsigned long long)first);
        return;
    }
    say(p, "reverse step: back to step %llu", (unsigned long long)target);
}

static void type_digit(ssem_panel_t *p)
{
    if (!stopped(p, "typewriter"))
        return;
    ssem_t m = *ssem_panel_machine(p);
    uint32_t line = p->line_switches, bit = 1u << p->cursor;
    uint32_t word = p->erase ? m.store[line] & ~bit : m.store[line] | bit;
    m.store[line] = word;
    ssem_history_rebase(p->h, &m);
    say(p, "typewriter: digit %u of line %u %s", (unsigned)p->cursor, (unsigned)line,
        p->erase ? "erased (0)" : "written (1)");
}

static const double speeds[] = {0.1, 0.25, 0.5, 1, 2, 5, 10, 100, 1000, 10000, 100000};
#define NSPEEDS (sizeof speeds / sizeof speeds[0])

static void change_speed(ssem_panel_t *p, int dir)
{
    double s = p->speed;
    if (dir > 0) {
        if (s <= 0.0)
            return; /* flat out is the top */
        double next = SSEM_SPEED_MAX;
        for (size_t i = 0; i < NSPEEDS; i++)
            if (speeds[i] > s * 1.0000001) {
                next = speeds[i];
                break;
            }
        p->speed = next;
    } else {
        if (s <= 0.0) {
            p->speed = speeds[NSPEEDS - 1];
        } else {
            double next = s;
            for (size_t i = NSPEEDS; i-- > 0;)
                if (speeds[i] < s * 0.9999999) {
                    next = speeds[i];
                    break;
                }
            p->speed = next;
        }
    }
    ssem_pace_restart(&p->pace);
    char name[40];
    ssem_panel_speed_name(p->speed, name, sizeof name);
    say(p, "speed: %s", name);
}

void ssem_panel_do(ssem_panel_t *p, ssem_panel_action_t a)
{
    ssem_t m;
    switch (a) {
    case SSEM_PANEL_NONE: break;
    case SSEM_PANEL_RUN_STOP:
        if (p->running) {
            stop_running(p);
            say(p, "CS at Stop");
        } else {
            p->running = true;
            p->first_slice = true;
            ssem_pace_restart(&p->pace);
            say(p, "CS at Run%s", p->manual ? " (Man: obeying the switches)" : "");
        }
        break;
    case SSEM_PANEL_STEP: single_step(p); break;
    case SSEM_PANEL_REVERSE: reverse_step(p); break;
    case SSEM_PANEL_CURSOR_LEFT: p->cursor = (p->cursor + 31u) & 31u; break;
    case SSEM_PANEL_CURSOR_RIGHT: p->cursor = (p->cursor + 1u) & 31u; break;
    case SSEM_PANEL_TYPE: type_digit(p); break;
    case SSEM_PANEL_WRITE_ERASE:
        p->erase = !p->erase;
        say(p, "Write/Erase at %s", p->erase ? "Erase" : "Write");
        break;
    case SSEM_PANEL_LINE_UP: p->line_switches = (p->line_switches + 31u) & 31u; break;
    case SSEM_PANEL_LINE_DOWN: p->line_switches = (p->line_switches + 1u) & 31u; break;
    case SSEM_PANEL_AUTO_MAN:
        p->manual = !p->manual;
        say(p, "Auto/Man at %s", p->manual ? "Man: run and KC obey the switches" : "Auto");
        break;
    case SSEM_PANEL_FUNC_UP: p->func_switches = (p->func_switches + 1u) & 7u; break;
    case SSEM_PANEL_FUNC_DOWN: p->func_switches = (p->func_switches + 7u) & 7u; break;
    case SSEM_PANEL_KLC:
        if (!stopped(p, "KLC"))
            break;
        m = *ssem_panel_machine(p);
        m.store[p->line_switches] = 0;
        ssem_history_rebase(p->h, &m);
        say(p, "KLC: line %u cleared", (unsigned)p->line_switches);
        break;
    case SSEM_PANEL_KSC:
        if (!stopped(p, "KSC"))
            break;
        m = *ssem_panel_machine(p);
        for (uint32_t line = 0; line < SSEM_LINES; line++)
            m.store[line] = 0;
        ssem_history_rebase(p->h, &m);
        say(p, "KSC: the store is cleared");
        break;
    case SSEM_PANEL_KCC:
        if (!stopped(p, "KCC"))
            break;
        m = *ssem_panel_machine(p);
        m.ci = m.a = m.pi = 0;
        m.lamp = m.fault = false;
        m.steps = 0;
        ssem_history_rebase(p->h, &m);
        say(p, "KCC: CI and A cleared; the next instruction is line 1");
        break;
    case SSEM_PANEL_KAC:
        if (!stopped(p, "KAC"))
            break;
        m = *ssem_panel_machine(p);
        m.a = 0;
        ssem_history_rebase(p->h, &m);
        say(p, "KAC: A cleared");
        break;
    case SSEM_PANEL_TUBE:
        p->tube = p->tube == SSEM_TUBE_S ? SSEM_TUBE_A
                  : p->tube == SSEM_TUBE_A ? SSEM_TUBE_C
                                           : SSEM_TUBE_S;
        say(p, "monitor: tube %s", ssem_tube_name(p->tube));
        break;
    case SSEM_PANEL_BREAK: {
        uint32_t line = ssem_panel_action_line(p);
        uint32_t mask = ssem_history_breakpoints(p->h) ^ (1u << line);
        ssem_history_set_breakpoints(p->h, mask);
        say(p, "breakpoint on line %u %s", (unsigned)line,
            (mask >> line) & 1u ? "set" : "removed");
        break;
    }
    case SSEM_PANEL_FASTER: change_speed(p, +1); break;
    case SSEM_PANEL_SLOWER: change_speed(p, -1); break;
    case SSEM_PANEL_PERIOD_DOWN:
    case SSEM_PANEL_PERIOD_UP: {
        double d = p->digit_period_us + (a == SSEM_PANEL_PERIOD_UP ? 0.5 : -0.5);
        if (d < SSEM_DIGIT_PERIOD_LOW_US)
            d = SSEM_DIGIT_PERIOD_LOW_US;
        if (d > SSEM_DIGIT_PERIOD_HIGH_US)
            d = SSEM_DIGIT_PERIOD_HIGH_US;
        p->digit_period_us = d;
        ssem_pace_restart(&p->pace);
        say(p, "digit period %.1f us: %.3f ms an instruction", d,
            ssem_panel_instruction_seconds(p) * 1000.0);
        break;
    }
    case SSEM_PANEL_QUIT: p->quit = true; break;
    }
}

/* ---------------------------------------------------------------- speed */

double ssem_panel_instruction_seconds(const ssem_panel_t *p)
{
    return ssem_time_1948(1, p->digit_period_us);
}

double ssem_panel_steps_per_second(const ssem_panel_t *p)
{
    if (p->speed <= 0.0)
        return 0.0;
    return p->speed / ssem_panel_instruction_seconds(p);
}

uint64_t ssem_panel_budget(ssem_panel_t *p, double elapsed)
{
    return ssem_pace_budget(&p->pace, ssem_panel_steps_per_second(p), elapsed);
}

void ssem_panel_tune(ssem_panel_t *p, uint64_t ran, double seconds) { ssem_pace_tune(&p->pace, ran, seconds); }

int ssem_panel_set_speed(ssem_panel_t *p, double speed, double digit_period_us)
{
    bool speed_ok = speed == SSEM_SPEED_MAX || (speed >= SSEM_SPEED_LOW && speed <= SSEM_SPEED_HIGH);
    if (!speed_ok || !(digit_period_us >= SSEM_DIGIT_PERIOD_LOW_US) ||
        !(digit_period_us <= SSEM_DIGIT_PERIOD_HIGH_US))
        return -1;
    p->speed = speed;
    p->digit_period_us = digit_period_us;
    ssem_pace_restart(&p->pace);
    return 0;
}

char *ssem_panel_speed_name(double speed, char *buf, size_t size)
{
    if (speed <= 0.0)
        snprintf(buf, size, "flat out");
    else if (speed == 1.0)
        snprintf(buf, size, "1948 real time");
    else
        snprintf(buf, size, "x%g 1948 time", speed);
    return buf;
}

/* Splits text into at most max lines of at most width characters, breaking
 * at a space where there is one; returns the number of lines (at least 1). */
int ssem_panel_wrap(const char *text, int width, char out[][SSEM_PANEL_MESSAGE_SIZE], int max)
{
    int n = 0;
    size_t len = strlen(text);
    if (width < 10)
        width = 10;
    do {
        size_t take = len;
        if (take > (size_t)width) {
            take = (size_t)width;
            for (size_t b = take; b > 0; b--)
                if (text[b] == ' ') {
                    take = b;
                    break;
                }
        }
        if (take >= SSEM_PANEL_MESSAGE_SIZE)
            take = SSEM_PANEL_MESSAGE_SIZE - 1;
        memcpy(out[n], text, take);
        out[n][take] = '\0';
        n++;
        text += take;
        len -= take;
        while (*text == ' ') {
            text++;
            len--;
        }
    } while (len > 0 && n < max);
    return n;
}
