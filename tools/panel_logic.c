/*
 * panel_logic.c - the machine side of `ssem panel` (see panel_logic.h): keys
 * to machine actions, and speeds to step budgets. No terminal in here.
 */
#include "panel_logic.h"

#include "text.h"
#include "values.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ keys */

const panel_key_t panel_keys[] = {
    {'r', "r", "CS", "Stop/Run switch: run on from CI+1, or stop", PANEL_RUN_STOP},
    {'s', "s", "KC", "single shot: one instruction (at Stop)", PANEL_STEP},
    {'b', "b", "(new)", "reverse step: back one instruction", PANEL_REVERSE},
    {PANEL_KEY_LEFT, "<- ->", "typewriter", "choose the digit (0-31) under the cursor",
     PANEL_CURSOR_LEFT},
    {PANEL_KEY_RIGHT, NULL, NULL, NULL, PANEL_CURSOR_RIGHT},
    {' ', "space", "typewriter", "press that digit's button: 1 (0 at Erase)", PANEL_TYPE},
    {'\n', NULL, NULL, NULL, PANEL_TYPE},
    {'w', "w", "Write/Erase", "the typewriter writes 1s or erases to 0", PANEL_WRITE_ERASE},
    {PANEL_KEY_UP, "up down", "line switches", "choose the action line (at Stop)",
     PANEL_LINE_UP},
    {PANEL_KEY_DOWN, NULL, NULL, NULL, PANEL_LINE_DOWN},
    {'m', "m", "Auto/Man", "Man: run and KC obey the switches' instruction", PANEL_AUTO_MAN},
    {'f', "f F", "function sw.", "function of the switches' instruction +1/-1",
     PANEL_FUNC_UP},
    {'F', NULL, NULL, NULL, PANEL_FUNC_DOWN},
    {'L', "L", "KLC", "clear the action line", PANEL_KLC},
    {'K', "K", "KSC", "clear the whole store", PANEL_KSC},
    {'C', "C", "KCC", "clear CI and A (PI, lamp, steps too)", PANEL_KCC},
    {'A', "A", "KAC", "clear A alone", PANEL_KAC},
    {'t', "t", "tube switch", "show tube S, A or C on the monitor", PANEL_TUBE},
    {'x', "x", "(new)", "breakpoint on the action line (toggle)", PANEL_BREAK},
    {'+', "+ -", "(speed)", "1948 real time x0.1 ... x100000, flat out", PANEL_FASTER},
    {'=', NULL, NULL, NULL, PANEL_FASTER},
    {'-', NULL, NULL, NULL, PANEL_SLOWER},
    {'[', "[ ]", "(digit period)", "-/+ 0.5 us (10 us: 1.44 ms an instruction)",
     PANEL_PERIOD_DOWN},
    {']', NULL, NULL, NULL, PANEL_PERIOD_UP},
    {'q', "q", "", "quit", PANEL_QUIT},
    {'Q', NULL, NULL, NULL, PANEL_QUIT},
    {0, NULL, NULL, NULL, PANEL_NONE},
};

panel_action_t panel_key_action(int key)
{
    for (const panel_key_t *k = panel_keys; k->action != PANEL_NONE; k++)
        if (k->key == key)
            return k->action;
    return PANEL_NONE;
}

/* ------------------------------------------------------------ the panel */

int panel_init(panel_t *p, const ssem_t *m, ssem_engine_t *engine)
{
    memset(p, 0, sizeof *p);
    p->h = ssem_history_new(m, engine, 0);
    if (p->h == NULL)
        return -1;
    p->engine = engine;
    p->tube = SSEM_TUBE_S;
    p->speed = 1.0;
    p->digit_period_us = SSEM_DIGIT_PERIOD_US;
    pace_init(&p->pace);
    snprintf(p->message, sizeof p->message, "CS at Stop: r runs, s steps, q quits");
    return 0;
}

void panel_free(panel_t *p)
{
    if (p->h != NULL)
        ssem_history_free(p->h);
    p->h = NULL;
}

const ssem_t *panel_machine(const panel_t *p) { return ssem_history_state(p->h); }

uint32_t panel_action_line(const panel_t *p)
{
    return p->running ? panel_machine(p)->ci & SSEM_LINE_MASK : p->line_switches;
}

uint32_t panel_manual_instruction(const panel_t *p)
{
    return ssem_make_instruction(p->func_switches, p->line_switches);
}

void panel_set_machine(panel_t *p, const ssem_t *m)
{
    ssem_t next = *panel_machine(p);
    memcpy(next.store, m->store, sizeof next.store);
    next.a = m->a;
    next.ci = m->ci;
    next.pi = m->pi;
    next.lamp = m->lamp;
    next.fault = m->fault;
    next.steps = m->steps;
    ssem_history_rebase(p->h, &next);
}

void panel_execute_manual(ssem_t *m, uint32_t word)
{
    m->lamp = false; /* the operator put the lamp out by running again */
    m->fault = false;
    m->ci += 1u;     /* PRM A1.3: CI is incremented for manual instructions too */
    ssem_execute(m, word); /* the library's one meaning of a word (proved) */
}

static void say(panel_t *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(panel_t *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->message, sizeof p->message, fmt, ap);
    va_end(ap);
}

/* The hand-operated keys work with CS at Stop, as on the Baby. */
static bool stopped(panel_t *p, const char *what)
{
    if (!p->running)
        return true;
    say(p, "%s: put CS to Stop first (r)", what);
    return false;
}

/* Says why the machine stopped, from its state. */
static void say_stop(panel_t *p, ssem_history_stop_t st)
{
    const ssem_t *m = panel_machine(p);
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
static uint64_t run_manual(panel_t *p, uint64_t budget)
{
    ssem_t m = *panel_machine(p);
    uint32_t word = panel_manual_instruction(p);
    uint64_t n = 0;
    while (n < budget) {
        panel_execute_manual(&m, word);
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
static void stop_running(panel_t *p)
{
    p->running = false;
    if (!p->manual)
        p->line_switches = panel_machine(p)->ci & SSEM_LINE_MASK;
}

uint64_t panel_run_slice(panel_t *p, uint64_t budget)
{
    if (!p->running || budget == 0)
        return 0;
    if (p->manual) {
        p->first_slice = false;
        return run_manual(p, budget);
    }
    const ssem_t *m = panel_machine(p);
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
    m = panel_machine(p);
    if (st.why != SSEM_HISTORY_LIMIT) {
        stop_running(p);
        say_stop(p, st);
    }
    return m->steps >= before ? m->steps - before : 0;
}

static void single_step(panel_t *p)
{
    if (!stopped(p, "KC"))
        return;
    if (p->manual) {
        p->running = true;
        run_manual(p, 1);
        p->running = false;
        char text[40];
        const ssem_t *m = panel_machine(p);
        if (!m->lamp)
            say(p, "KC (Man): obeyed %s; CI is now %u",
                ssem_disasm_word(panel_manual_instruction(p), text, sizeof text),
                (unsigned)m->ci);
        return;
    }
    /* the line obeyed is the one fetched, CI + 1 before the step; after a
     * jump CI names the target instead (issue 12 item 11) */
    uint32_t line = (panel_machine(p)->ci + 1u) & SSEM_LINE_MASK;
    ssem_history_stop_t st = ssem_history_step_over(p->h); /* KC obeys CI's next line, marked or not */
    const ssem_t *m = panel_machine(p);
    if (st.why == SSEM_HISTORY_LIMIT || st.why == SSEM_HISTORY_BREAK) {
        char text[40];
        say(p, "KC: obeyed line %u, %s; CI is now %u", (unsigned)line,
            obeyed_instruction(m->pi, text, sizeof text), (unsigned)(m->ci & SSEM_LINE_MASK));
    } else {
        say_stop(p, st);
    }
}

static void reverse_step(panel_t *p)
{
    if (!stopped(p, "reverse step"))
        return;
    const ssem_t *m = panel_machine(p);
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

static void type_digit(panel_t *p)
{
    if (!stopped(p, "typewriter"))
        return;
    ssem_t m = *panel_machine(p);
    uint32_t line = p->line_switches, bit = 1u << p->cursor;
    uint32_t word = p->erase ? m.store[line] & ~bit : m.store[line] | bit;
    m.store[line] = word;
    ssem_history_rebase(p->h, &m);
    say(p, "typewriter: digit %u of line %u %s", (unsigned)p->cursor, (unsigned)line,
        p->erase ? "erased (0)" : "written (1)");
}

static const double speeds[] = {0.1, 0.25, 0.5, 1, 2, 5, 10, 100, 1000, 10000, 100000};
#define NSPEEDS (sizeof speeds / sizeof speeds[0])

static void change_speed(panel_t *p, int dir)
{
    double s = p->speed;
    if (dir > 0) {
        if (s <= 0.0)
            return; /* flat out is the top */
        double next = PANEL_SPEED_MAX;
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
    pace_restart(&p->pace);
    char name[40];
    panel_speed_name(p->speed, name, sizeof name);
    say(p, "speed: %s", name);
}

void panel_do(panel_t *p, panel_action_t a)
{
    ssem_t m;
    switch (a) {
    case PANEL_NONE: break;
    case PANEL_RUN_STOP:
        if (p->running) {
            stop_running(p);
            say(p, "CS at Stop");
        } else {
            p->running = true;
            p->first_slice = true;
            pace_restart(&p->pace);
            say(p, "CS at Run%s", p->manual ? " (Man: obeying the switches)" : "");
        }
        break;
    case PANEL_STEP: single_step(p); break;
    case PANEL_REVERSE: reverse_step(p); break;
    case PANEL_CURSOR_LEFT: p->cursor = (p->cursor + 31u) & 31u; break;
    case PANEL_CURSOR_RIGHT: p->cursor = (p->cursor + 1u) & 31u; break;
    case PANEL_TYPE: type_digit(p); break;
    case PANEL_WRITE_ERASE:
        p->erase = !p->erase;
        say(p, "Write/Erase at %s", p->erase ? "Erase" : "Write");
        break;
    case PANEL_LINE_UP: p->line_switches = (p->line_switches + 31u) & 31u; break;
    case PANEL_LINE_DOWN: p->line_switches = (p->line_switches + 1u) & 31u; break;
    case PANEL_AUTO_MAN:
        p->manual = !p->manual;
        say(p, "Auto/Man at %s", p->manual ? "Man: run and KC obey the switches" : "Auto");
        break;
    case PANEL_FUNC_UP: p->func_switches = (p->func_switches + 1u) & 7u; break;
    case PANEL_FUNC_DOWN: p->func_switches = (p->func_switches + 7u) & 7u; break;
    case PANEL_KLC:
        if (!stopped(p, "KLC"))
            break;
        m = *panel_machine(p);
        m.store[p->line_switches] = 0;
        ssem_history_rebase(p->h, &m);
        say(p, "KLC: line %u cleared", (unsigned)p->line_switches);
        break;
    case PANEL_KSC:
        if (!stopped(p, "KSC"))
            break;
        m = *panel_machine(p);
        for (uint32_t line = 0; line < SSEM_LINES; line++)
            m.store[line] = 0;
        ssem_history_rebase(p->h, &m);
        say(p, "KSC: the store is cleared");
        break;
    case PANEL_KCC:
        if (!stopped(p, "KCC"))
            break;
        m = *panel_machine(p);
        m.ci = m.a = m.pi = 0;
        m.lamp = m.fault = false;
        m.steps = 0;
        ssem_history_rebase(p->h, &m);
        say(p, "KCC: CI and A cleared; the next instruction is line 1");
        break;
    case PANEL_KAC:
        if (!stopped(p, "KAC"))
            break;
        m = *panel_machine(p);
        m.a = 0;
        ssem_history_rebase(p->h, &m);
        say(p, "KAC: A cleared");
        break;
    case PANEL_TUBE:
        p->tube = p->tube == SSEM_TUBE_S ? SSEM_TUBE_A
                  : p->tube == SSEM_TUBE_A ? SSEM_TUBE_C
                                           : SSEM_TUBE_S;
        say(p, "monitor: tube %s", ssem_tube_name(p->tube));
        break;
    case PANEL_BREAK: {
        uint32_t line = panel_action_line(p);
        uint32_t mask = ssem_history_breakpoints(p->h) ^ (1u << line);
        ssem_history_set_breakpoints(p->h, mask);
        say(p, "breakpoint on line %u %s", (unsigned)line,
            (mask >> line) & 1u ? "set" : "removed");
        break;
    }
    case PANEL_FASTER: change_speed(p, +1); break;
    case PANEL_SLOWER: change_speed(p, -1); break;
    case PANEL_PERIOD_DOWN:
    case PANEL_PERIOD_UP: {
        double d = p->digit_period_us + (a == PANEL_PERIOD_UP ? 0.5 : -0.5);
        if (d < PANEL_MIN_PERIOD_US)
            d = PANEL_MIN_PERIOD_US;
        if (d > PANEL_MAX_PERIOD_US)
            d = PANEL_MAX_PERIOD_US;
        p->digit_period_us = d;
        pace_restart(&p->pace);
        say(p, "digit period %.1f us: %.3f ms an instruction", d,
            panel_instruction_seconds(p) * 1000.0);
        break;
    }
    case PANEL_QUIT: p->quit = true; break;
    }
}

/* ---------------------------------------------------------------- speed */

double panel_instruction_seconds(const panel_t *p)
{
    return ssem_time_1948(1, p->digit_period_us);
}

double panel_steps_per_second(const panel_t *p)
{
    if (p->speed <= 0.0)
        return 0.0;
    return p->speed / panel_instruction_seconds(p);
}

uint64_t panel_budget(panel_t *p, double elapsed)
{
    return pace_budget(&p->pace, panel_steps_per_second(p), elapsed);
}

void panel_tune(panel_t *p, uint64_t ran, double seconds) { pace_tune(&p->pace, ran, seconds); }

void panel_speed_name(double speed, char *buf, size_t size)
{
    if (speed <= 0.0)
        snprintf(buf, size, "flat out");
    else if (speed == 1.0)
        snprintf(buf, size, "1948 real time");
    else
        snprintf(buf, size, "x%g 1948 time", speed);
}

int panel_parse_speed(const char *text, double *speed)
{
    return value_speed(text, speed); /* the one parser of every --speed */
}

/* Splits text into at most max lines of at most width characters, breaking
 * at a space where there is one; returns the number of lines (at least 1). */
int panel_wrap(const char *text, int width, char out[][PANEL_MESSAGE_SIZE], int max)
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
        if (take >= PANEL_MESSAGE_SIZE)
            take = PANEL_MESSAGE_SIZE - 1;
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
