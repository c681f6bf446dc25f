/*
 * test_panel.c - the control panel's logic without a terminal: what each key
 * does to the machine (SPEC section 5), speeds to step budgets (section 6),
 * breakpoints cut across step budgets, Man mode, reverse step, loading.
 *
 * The panel is the library's (ssem_panel_*, src/panel.c), linked like any
 * other part of it; the machine lives in its history (ssem_history_*). The
 * ncurses front end (tools/cmd_panel.c) is tested in a real terminal by
 * tests/cli/panel.bats.
 * Expected values are worked out by hand from ../shared/SPEC.md.
 */
#include "check.h"

#include "first_program.h"

#include <math.h>
#include <string.h>

static void first_machine(ssem_t *m)
{
    memset(m, 0, sizeof *m);
    ssem_reset(m);
    for (uint32_t i = 0; i < FIRST_PROGRAM_LINES; i++)
        m->store[i] = bits_to_word(first_program_bits[i]);
}

static ssem_engine_t *engine;

static ssem_panel_t *first_panel(void)
{
    ssem_t m;
    first_machine(&m);
    ssem_panel_t *p = ssem_panel_new(&m, engine, 0);
    CHECK(p != NULL);
    return p;
}

static void press(ssem_panel_t *p, int key) { ssem_panel_do(p, ssem_panel_key_action(key)); }

/* Runs the panel's machine until it stops, in slices of `budget` steps. */
static void run_in_slices(ssem_panel_t *p, uint64_t budget, uint64_t max_slices)
{
    for (uint64_t i = 0; i < max_slices && p->running; i++)
        ssem_panel_run_slice(p, budget);
}

/* ------------------------------------------------------------------ keys */

static void test_keys_map_to_actions(void)
{
    CHECK_EQ(ssem_panel_key_action('r'), SSEM_PANEL_RUN_STOP);
    CHECK_EQ(ssem_panel_key_action('s'), SSEM_PANEL_STEP);
    CHECK_EQ(ssem_panel_key_action('b'), SSEM_PANEL_REVERSE);
    CHECK_EQ(ssem_panel_key_action(SSEM_PANEL_KEY_LEFT), SSEM_PANEL_CURSOR_LEFT);
    CHECK_EQ(ssem_panel_key_action(SSEM_PANEL_KEY_RIGHT), SSEM_PANEL_CURSOR_RIGHT);
    CHECK_EQ(ssem_panel_key_action(' '), SSEM_PANEL_TYPE);
    CHECK_EQ(ssem_panel_key_action('\n'), SSEM_PANEL_TYPE);
    CHECK_EQ(ssem_panel_key_action('w'), SSEM_PANEL_WRITE_ERASE);
    CHECK_EQ(ssem_panel_key_action(SSEM_PANEL_KEY_UP), SSEM_PANEL_LINE_UP);
    CHECK_EQ(ssem_panel_key_action(SSEM_PANEL_KEY_DOWN), SSEM_PANEL_LINE_DOWN);
    CHECK_EQ(ssem_panel_key_action('m'), SSEM_PANEL_AUTO_MAN);
    CHECK_EQ(ssem_panel_key_action('f'), SSEM_PANEL_FUNC_UP);
    CHECK_EQ(ssem_panel_key_action('F'), SSEM_PANEL_FUNC_DOWN);
    CHECK_EQ(ssem_panel_key_action('L'), SSEM_PANEL_KLC);
    CHECK_EQ(ssem_panel_key_action('K'), SSEM_PANEL_KSC);
    CHECK_EQ(ssem_panel_key_action('C'), SSEM_PANEL_KCC);
    CHECK_EQ(ssem_panel_key_action('A'), SSEM_PANEL_KAC);
    CHECK_EQ(ssem_panel_key_action('t'), SSEM_PANEL_TUBE);
    CHECK_EQ(ssem_panel_key_action('x'), SSEM_PANEL_BREAK);
    CHECK_EQ(ssem_panel_key_action('+'), SSEM_PANEL_FASTER);
    CHECK_EQ(ssem_panel_key_action('-'), SSEM_PANEL_SLOWER);
    CHECK_EQ(ssem_panel_key_action('['), SSEM_PANEL_PERIOD_DOWN);
    CHECK_EQ(ssem_panel_key_action(']'), SSEM_PANEL_PERIOD_UP);
    CHECK_EQ(ssem_panel_key_action('q'), SSEM_PANEL_QUIT);
    CHECK_EQ(ssem_panel_key_action('z'), SSEM_PANEL_NONE);
    CHECK_EQ(ssem_panel_key_action(0), SSEM_PANEL_NONE);
    /* every action has a key, every shown key a 1948 name and a help line */
    for (int a = SSEM_PANEL_RUN_STOP; a <= SSEM_PANEL_QUIT; a++) {
        bool found = false;
        for (const ssem_panel_key_t *k = ssem_panel_keys(); k->action != SSEM_PANEL_NONE; k++)
            found |= k->action == (ssem_panel_action_t)a;
        CHECK(found);
    }
    for (const ssem_panel_key_t *k = ssem_panel_keys(); k->action != SSEM_PANEL_NONE; k++)
        if (k->label != NULL)
            CHECK(k->name1948 != NULL && k->help != NULL && strlen(k->help) <= 48);
}

static void test_switches(void)
{
    ssem_panel_t *p = first_panel();
    CHECK_EQ(p->line_switches, 0);
    press(p, SSEM_PANEL_KEY_UP); /* wraps: line 31 */
    CHECK_EQ(p->line_switches, 31);
    press(p, SSEM_PANEL_KEY_DOWN);
    press(p, SSEM_PANEL_KEY_DOWN);
    CHECK_EQ(p->line_switches, 1);
    CHECK_EQ(ssem_panel_action_line(p), 1);
    press(p, 'F'); /* 0 - 1 = 7 */
    CHECK_EQ(p->func_switches, 7);
    press(p, 'f');
    press(p, 'f');
    press(p, 'f');
    CHECK_EQ(p->func_switches, 2);
    /* function 2 (LDN) on line 1: 1 + 2 * 8192 */
    CHECK_EQ(ssem_panel_manual_instruction(p), 16385);
    CHECK_EQ(p->tube, SSEM_TUBE_S);
    press(p, 't');
    CHECK_EQ(p->tube, SSEM_TUBE_A);
    press(p, 't');
    CHECK_EQ(p->tube, SSEM_TUBE_C);
    press(p, 't');
    CHECK_EQ(p->tube, SSEM_TUBE_S);
    CHECK(!p->manual);
    press(p, 'm');
    CHECK(p->manual);
    press(p, 'q');
    CHECK(p->quit);
    ssem_panel_free(p);
}

/* ------------------------------------------------------------ typewriter */

static void test_typewriter_writes_and_erases(void)
{
    ssem_panel_t *p = first_panel();
    for (int i = 0; i < 4; i++)
        press(p, SSEM_PANEL_KEY_UP); /* line 28 */
    for (int i = 0; i < 5; i++)
        press(p, SSEM_PANEL_KEY_RIGHT); /* digit 5 */
    CHECK_EQ(p->cursor, 5);
    press(p, ' ');
    CHECK_EQ(ssem_panel_machine(p)->store[28], 32); /* 2^5 */
    press(p, SSEM_PANEL_KEY_LEFT);
    press(p, ' '); /* digit 4 */
    CHECK_EQ(ssem_panel_machine(p)->store[28], 48);
    press(p, ' '); /* writing a 1 twice leaves a 1 */
    CHECK_EQ(ssem_panel_machine(p)->store[28], 48);
    press(p, 'w'); /* Erase */
    CHECK(p->erase);
    press(p, SSEM_PANEL_KEY_RIGHT);
    press(p, ' ');
    CHECK_EQ(ssem_panel_machine(p)->store[28], 16);
    /* the cursor wraps: digit 31 is the sign */
    for (int i = 0; i < 6; i++)
        press(p, SSEM_PANEL_KEY_LEFT);
    CHECK_EQ(p->cursor, 31);
    press(p, 'w');
    press(p, ' ');
    CHECK_EQ(ssem_panel_machine(p)->store[28], 0x80000010u);
    /* nothing else changed */
    ssem_t m;
    first_machine(&m);
    for (uint32_t l = 0; l < 32; l++)
        if (l != 28)
            CHECK_EQ(ssem_panel_machine(p)->store[l], m.store[l]);
    /* the typewriter works only with CS at Stop */
    press(p, 'r');
    press(p, ' ');
    CHECK_EQ(ssem_panel_machine(p)->store[28], 0x80000010u);
    CHECK(strstr(p->message, "Stop") != NULL);
    ssem_panel_free(p);
}

static void test_clear_keys(void)
{
    ssem_panel_t *p = first_panel();
    for (int i = 0; i < 4; i++)
        press(p, 's'); /* lines 1-4: A = 262143, CI = 4 */
    CHECK_EQ(ssem_panel_machine(p)->a, 262143);
    CHECK_EQ(ssem_panel_machine(p)->ci, 4);
    press(p, 'A'); /* KAC: A alone */
    CHECK_EQ(ssem_panel_machine(p)->a, 0);
    CHECK_EQ(ssem_panel_machine(p)->ci, 4);
    CHECK_EQ(ssem_panel_machine(p)->steps, 4);
    press(p, 's'); /* line 5: A = 262144 */
    CHECK_EQ(ssem_panel_machine(p)->a, 262144);
    press(p, 'C'); /* KCC: CI and A (and PI, lamp, steps) */
    CHECK_EQ(ssem_panel_machine(p)->a, 0);
    CHECK_EQ(ssem_panel_machine(p)->ci, 0);
    CHECK_EQ(ssem_panel_machine(p)->pi, 0);
    CHECK_EQ(ssem_panel_machine(p)->steps, 0);
    CHECK_EQ(ssem_panel_machine(p)->store[26], (uint32_t)-262143); /* the store is kept */
    p->line_switches = 24;
    press(p, 'L'); /* KLC: the action line */
    CHECK_EQ(ssem_panel_machine(p)->store[24], 0);
    CHECK_EQ(ssem_panel_machine(p)->store[23], (uint32_t)-262144);
    press(p, 'K'); /* KSC: the whole store */
    for (uint32_t l = 0; l < 32; l++)
        CHECK_EQ(ssem_panel_machine(p)->store[l], 0);
    ssem_panel_free(p);
}

/* ------------------------------------------------------------- stepping */

static void test_single_step_cmp(void)
{
    ssem_panel_t *p = first_panel();
    for (int i = 0; i < 6; i++)
        press(p, 's');
    /* after lines 1-6: A = 262144 - 262143 = 1 */
    CHECK_EQ(ssem_panel_machine(p)->a, 1);
    CHECK_EQ(ssem_panel_machine(p)->ci, 6);
    press(p, 's'); /* CMP at line 7 with A = 1 >= 0: no skip */
    CHECK_EQ(ssem_panel_machine(p)->ci, 7);
    CHECK_EQ(ssem_panel_machine(p)->pi, 6u << 13);
    press(p, 's'); /* JRP 20: CI = 8 + (-3) = 5 */
    CHECK_EQ(ssem_panel_machine(p)->ci, 5);
    press(p, 's'); /* line 6: A = 1 - 262143 */
    CHECK_EQ(ssem_panel_machine(p)->a, (uint32_t)-262142);
    press(p, 's'); /* CMP with A < 0: CI = 7 + 1 = 8, the skip */
    CHECK_EQ(ssem_panel_machine(p)->ci, 8);
    CHECK_EQ(ssem_panel_machine(p)->steps, 10);
    press(p, 's'); /* the next fetch is line 9 */
    CHECK_EQ(ssem_panel_machine(p)->ci, 9);
    ssem_panel_free(p);
}

static void test_run_to_stop_lamp(void)
{
    ssem_panel_t *p = first_panel();
    p->speed = SSEM_SPEED_MAX;
    press(p, 'r');
    CHECK(p->running);
    run_in_slices(p, 100000, 1000);
    const ssem_t *m = ssem_panel_machine(p);
    CHECK(!p->running);
    CHECK(m->lamp);
    CHECK(!m->fault);
    /* 4 + 131071 * 16 + 14 (worked out in tests/cli/panel.bats) */
    CHECK_EQ(m->steps, 2097154);
    CHECK_EQ(m->store[27], 131072);
    CHECK_EQ(m->ci, 13);
    CHECK(strstr(p->message, "STP at line 13") != NULL);
    /* stopped, the action line stays on CI's line (the line switches were
     * at 0), as it was while running */
    CHECK_EQ(ssem_panel_action_line(p), 13);
    /* resume after STP: a single shot goes on from line 14 (A <- -S[26]) */
    press(p, 's');
    m = ssem_panel_machine(p);
    CHECK(!m->lamp);
    CHECK_EQ(m->ci, 14);
    CHECK_EQ(m->a, 131072);
    ssem_panel_free(p);
}

/* A breakpoint stops a run cut into slices exactly where one long run stops:
 * before the fetch from the line; Run (and KC) step over the breakpoint the
 * machine stands at, as gdb's continue does, whatever the slice size. */
static void test_breakpoints_across_slices(void)
{
    static const uint64_t budgets[] = {1, 2, 3, 7, 1000};
    for (size_t b = 0; b < sizeof budgets / sizeof budgets[0]; b++) {
        ssem_panel_t *p = first_panel();
        p->line_switches = 7;
        press(p, 'x');
        CHECK_EQ(ssem_history_breakpoints(p->h), 1u << 7);
        press(p, 'r');
        run_in_slices(p, budgets[b], 100);
        CHECK(!p->running);
        CHECK_EQ(ssem_panel_machine(p)->steps, 6); /* lines 1-6, not 7 */
        CHECK_EQ(ssem_panel_machine(p)->ci, 6);
        /* Run again moves on from the breakpoint: 7, 8 (JRP to 5), 6, then stops */
        press(p, 'r');
        run_in_slices(p, budgets[b], 100);
        CHECK(!p->running);
        CHECK_EQ(ssem_panel_machine(p)->steps, 9);
        CHECK_EQ(ssem_panel_machine(p)->ci, 6);
        /* the reference: ssem_run from the same start */
        ssem_t m;
        first_machine(&m);
        CHECK_EQ(ssem_run(&m, 1000, 1u << 7), SSEM_BREAK);
        CHECK_EQ(m.steps, 6);
        /* the reference resumes by an explicit step-over */
        CHECK_EQ(ssem_step(&m), SSEM_RUNNING);
        CHECK_EQ(ssem_run(&m, 1000, 1u << 7), SSEM_BREAK);
        CHECK_EQ(m.steps, 9);
        CHECK(ssem_tstate_equal(&m, ssem_panel_machine(p)));
        /* KC at the breakpoint obeys line 7 (CMP; the step-over) */
        press(p, 's');
        CHECK_EQ(ssem_step(&m), SSEM_RUNNING);
        CHECK_EQ(ssem_panel_machine(p)->steps, 10);
        CHECK(ssem_tstate_equal(&m, ssem_panel_machine(p)));
        ssem_panel_free(p);
    }
}

static void test_reverse_step(void)
{
    ssem_panel_t *p = first_panel();
    ssem_t seen[12];
    seen[0] = *ssem_panel_machine(p);
    for (int i = 1; i <= 10; i++) {
        press(p, 's');
        seen[i] = *ssem_panel_machine(p);
    }
    for (int i = 9; i >= 0; i--) {
        press(p, 'b');
        CHECK(ssem_tstate_equal(ssem_panel_machine(p), &seen[i]));
        CHECK_EQ(ssem_panel_machine(p)->steps, (uint64_t)i);
    }
    /* at the start: nothing to go back to */
    press(p, 'b');
    CHECK_EQ(ssem_panel_machine(p)->steps, 0);
    CHECK(strstr(p->message, "earliest") != NULL);
    /* forward again, the same timeline */
    for (int i = 1; i <= 10; i++)
        press(p, 's');
    CHECK(ssem_tstate_equal(ssem_panel_machine(p), &seen[10]));
    /* a change by hand is the new start of the history */
    p->line_switches = 30;
    press(p, ' ');
    press(p, 's');
    press(p, 'b');
    CHECK_EQ(ssem_panel_machine(p)->steps, 10);
    press(p, 'b');
    CHECK_EQ(ssem_panel_machine(p)->steps, 10);
    CHECK_EQ(ssem_panel_machine(p)->store[30], 1);
    /* far back after a long run */
    p->speed = SSEM_SPEED_MAX;
    press(p, 'C');
    press(p, 'r');
    run_in_slices(p, 1u << 20, 100);
    CHECK_EQ(ssem_panel_machine(p)->steps, 2097154);
    press(p, 'b');
    CHECK_EQ(ssem_panel_machine(p)->steps, 2097153);
    CHECK(!ssem_panel_machine(p)->lamp);
    CHECK_EQ(ssem_panel_machine(p)->ci, 12); /* the CMP before the STP */
    ssem_panel_free(p);
}

/* ------------------------------------------------------------- Man mode */

static void test_manual_instruction(void)
{
    ssem_panel_t *p = first_panel();
    press(p, 'm');
    /* LDN 24 on the switches: function 2, line 24 */
    p->func_switches = 2;
    p->line_switches = 24;
    press(p, 's');
    const ssem_t *m = ssem_panel_machine(p);
    CHECK_EQ(m->a, (uint32_t)-262143);
    CHECK_EQ(m->ci, 1); /* PRM A1.3: CI incremented for a manual instruction */
    CHECK_EQ(m->pi, 24u + (2u << 13));
    CHECK_EQ(m->steps, 1);
    CHECK_EQ(m->store[1], bits_to_word(first_program_bits[1])); /* the store is not fetched */
    /* STO 30 */
    p->func_switches = 3;
    p->line_switches = 30;
    press(p, 's');
    CHECK_EQ(ssem_panel_machine(p)->store[30], (uint32_t)-262143);
    CHECK_EQ(ssem_panel_machine(p)->ci, 2);
    /* running in Man obeys the switches again and again: STP stops at once */
    p->func_switches = 7;
    press(p, 'r');
    run_in_slices(p, 1000, 10);
    CHECK(!p->running);
    CHECK(ssem_panel_machine(p)->lamp);
    CHECK_EQ(ssem_panel_machine(p)->ci, 3);
    CHECK_EQ(ssem_panel_machine(p)->steps, 3);
    /* SUB 21 (A - 1) run 5 times at x1000 for a slice of 5 */
    p->func_switches = 4;
    p->line_switches = 21;
    press(p, 'r');
    CHECK_EQ(ssem_panel_run_slice(p, 5), 5);
    CHECK(p->running);
    CHECK_EQ(ssem_panel_machine(p)->a, (uint32_t)-262148);
    CHECK(!ssem_panel_machine(p)->lamp);
    ssem_panel_free(p);
}

/* ---------------------------------------------------------------- speed */

static void test_speed_budgets(void)
{
    ssem_panel_t *p = first_panel();
    /* 1948: 144 digit periods of 10 us = 1.44 ms an instruction */
    CHECK(fabs(ssem_panel_instruction_seconds(p) - 0.00144) < 1e-12);
    CHECK(fabs(ssem_panel_steps_per_second(p) - 1.0 / 0.00144) < 1e-6);
    /* one frame of 1/30 s: 23.148 steps: 23 now, the fraction carried */
    CHECK_EQ(ssem_panel_budget(p, 1.0 / 30.0), 23);
    uint64_t total = 23;
    for (int i = 1; i < 30; i++)
        total += ssem_panel_budget(p, 1.0 / 30.0);
    CHECK_EQ(total, 694); /* one second: 694.4 instructions */
    /* x10 */
    p->speed = 10;
    ssem_pace_restart(&p->pace);
    CHECK_EQ(ssem_panel_budget(p, 0.1), 694);
    /* a stall of 10 s is not made up: at most a quarter of a second */
    CHECK_EQ(ssem_panel_budget(p, 10.0), 1736);
    CHECK_EQ(ssem_panel_budget(p, -1.0), 0);
    /* faster than the engine: no more than the flat-out slice */
    p->speed = 1e9;
    CHECK_EQ(ssem_panel_budget(p, 1.0 / 30.0), p->pace.slice);
    /* flat out: the slice, whatever the time */
    p->speed = SSEM_SPEED_MAX;
    CHECK_EQ(ssem_panel_steps_per_second(p), 0);
    CHECK_EQ(ssem_panel_budget(p, 0.0), p->pace.slice);
    /* the digit period: June 1948's 9 us gives 1.296 ms */
    p->speed = 1;
    p->digit_period_us = 9.0;
    CHECK(fabs(ssem_panel_instruction_seconds(p) - 0.001296) < 1e-12);
    ssem_panel_free(p);
}

static void test_flat_out_tuning(void)
{
    ssem_panel_t *p = first_panel();
    p->pace.slice = 100000;
    /* 100000 steps took 1/30 s: twice too long; the budget moves halfway to 50000 */
    ssem_panel_tune(p, 100000, 1.0 / 30.0);
    CHECK_EQ(p->pace.slice, 75000);
    /* 75000 in 1/600 s: ten times too short: halfway to 750000 */
    ssem_panel_tune(p, 75000, 1.0 / 600.0);
    CHECK_EQ(p->pace.slice, 412500);
    /* a slice cut short by STP says nothing */
    ssem_panel_tune(p, 10, 1.0);
    CHECK_EQ(p->pace.slice, 412500);
    /* bounded below */
    for (int i = 0; i < 40; i++)
        ssem_panel_tune(p, p->pace.slice, 100.0);
    CHECK_EQ(p->pace.slice, 1000);
    ssem_panel_free(p);
}

static void test_speed_keys(void)
{
    ssem_panel_t *p = first_panel();
    CHECK(p->speed == 1.0);
    press(p, '+');
    CHECK(p->speed == 2.0);
    press(p, '+');
    press(p, '+');
    CHECK(p->speed == 10.0);
    for (int i = 0; i < 20; i++)
        press(p, '+');
    CHECK(p->speed == SSEM_SPEED_MAX);
    press(p, '-');
    CHECK(p->speed == 100000.0);
    for (int i = 0; i < 7; i++)
        press(p, '-');
    CHECK(p->speed == 1.0);
    press(p, '-');
    CHECK(p->speed == 0.5);
    for (int i = 0; i < 10; i++)
        press(p, '-');
    CHECK(p->speed == 0.1);
    p->speed = 3.0; /* from --speed: between the listed ones */
    press(p, '+');
    CHECK(p->speed == 5.0);
    p->speed = 3.0;
    press(p, '-');
    CHECK(p->speed == 2.0);
    press(p, '[');
    CHECK(p->digit_period_us == 9.5);
    press(p, ']');
    press(p, ']');
    CHECK(p->digit_period_us == 10.5);
    for (int i = 0; i < 100; i++)
        press(p, '[');
    CHECK(p->digit_period_us == SSEM_DIGIT_PERIOD_LOW_US);
    ssem_panel_free(p);

    /* ssem_panel_set_speed keeps to the bounds the options have (a speed of
     * 0.01 to 1e9 times 1948, or flat out; a period of 0.5 to 100 us) and
     * changes nothing when either is outside them */
    p = first_panel();
    CHECK_EQ(ssem_panel_set_speed(p, 10.0, 8.5), 0);
    CHECK(p->speed == 10.0 && p->digit_period_us == 8.5);
    CHECK_EQ(ssem_panel_set_speed(p, SSEM_SPEED_MAX, 10.0), 0);
    CHECK(p->speed == SSEM_SPEED_MAX);
    CHECK_EQ(ssem_panel_set_speed(p, 0.001, 10.0), -1);
    CHECK_EQ(ssem_panel_set_speed(p, -1.0, 10.0), -1);
    CHECK_EQ(ssem_panel_set_speed(p, 2e9, 10.0), -1);
    CHECK_EQ(ssem_panel_set_speed(p, 2.0, 0.4), -1);
    CHECK_EQ(ssem_panel_set_speed(p, 2.0, 100.5), -1);
    CHECK_EQ(ssem_panel_set_speed(p, 2.0, NAN), -1);
    CHECK(p->speed == SSEM_SPEED_MAX && p->digit_period_us == 10.0);
    ssem_panel_free(p);
    char name[40];
    ssem_panel_speed_name(1.0, name, sizeof name);
    CHECK(strcmp(name, "1948 real time") == 0);
    ssem_panel_speed_name(0.0, name, sizeof name);
    CHECK(strcmp(name, "flat out") == 0);
}

/* Running in real time: a simulated second of frames runs 694 steps. */
static void test_real_time_run(void)
{
    ssem_panel_t *p = first_panel();
    press(p, 'r');
    for (int i = 0; i < 30; i++)
        ssem_panel_run_slice(p, ssem_panel_budget(p, 1.0 / 30.0));
    CHECK_EQ(ssem_panel_machine(p)->steps, 694);
    CHECK(p->running);
    CHECK_EQ(ssem_panel_action_line(p), ssem_panel_machine(p)->ci & 31u);
    press(p, 'r');
    CHECK(!p->running);
    CHECK_EQ(ssem_panel_run_slice(p, 100), 0);
    ssem_panel_free(p);
}

/* KC names the line it obeyed, not CI after the step (issue 12 item 11):
 * line 1 holds JMP 5 and S[5] = 9, so after KC CI is 9 but line 1 was
 * obeyed; then line 10 holds the word 0, obeyed as JMP 0 (S[0] = 0). */
static void test_kc_names_the_line_obeyed(void)
{
    ssem_t m;
    memset(&m, 0, sizeof m);
    ssem_reset(&m);
    m.store[1] = ssem_make_instruction(SSEM_F0, 5);
    m.store[5] = 9;
    ssem_panel_t *p = ssem_panel_new(&m, engine, 0);
    CHECK(p != NULL);
    press(p, 's');
    CHECK_EQ(ssem_panel_machine(p)->ci, 9);
    CHECK(strcmp(p->message, "KC: obeyed line 1, JMP 5; CI is now 9") == 0);
    press(p, 's');
    CHECK_EQ(ssem_panel_machine(p)->ci, 0);
    CHECK(strcmp(p->message, "KC: obeyed line 10, JMP 0; CI is now 0") == 0);
    if (check_current_failed)
        fprintf(stderr, "message: %s\n", p->message);
    ssem_panel_free(p);
}

/* Loading from the panel (the l and a keys of `ssem panel`): a program
 * replaces the machine and stops CS; a state file brings its registers; a
 * bad file changes nothing, not even the message. */
static void test_load(void)
{
    ssem_panel_t *p = first_panel();
    press(p, 'r');
    ssem_panel_run_slice(p, 10);
    CHECK(p->running);
    /* lines 0-3 in order; LDN 3 is 2 << 13 | 3 = 0x4003, STP 7 << 13 = 0xE000 */
    const char *prog = "NUM 0\nLDN 3\nSTP\nNUM -5\n";
    ssem_diag_t err;
    CHECK_EQ(ssem_panel_load(p, prog, strlen(prog), "p.asm", SSEM_FORMAT_AUTO, &err), 0);
    CHECK(!p->running);
    const ssem_t *m = ssem_panel_machine(p);
    CHECK_EQ(m->store[1], 0x4003u);
    CHECK_EQ(m->store[2], 0xE000u);
    CHECK_EQ(m->store[3], (uint32_t)-5);
    CHECK_EQ(m->store[4], 0);
    CHECK_EQ(m->ci, 0);
    CHECK_EQ(m->steps, 0);
    CHECK(strncmp(p->message, "loaded p.asm (asm)", 18) == 0);
    /* KC twice: LDN 3 gives A = 5, then STP lights the lamp */
    press(p, 's');
    press(p, 's');
    CHECK_EQ(ssem_panel_machine(p)->a, 5);
    CHECK(ssem_panel_machine(p)->lamp);

    /* an error: file:line:col, the machine and the message as they were */
    char before_msg[SSEM_PANEL_MESSAGE_SIZE];
    strcpy(before_msg, p->message);
    ssem_t before = *ssem_panel_machine(p);
    const char *bad = "NUM 0\n  FOO 4\n"; /* FOO: line 2, column 3 */
    CHECK_EQ(ssem_panel_load(p, bad, strlen(bad), "bad.asm", SSEM_FORMAT_ASM, &err), -1);
    CHECK(strcmp(err.file, "bad.asm") == 0);
    CHECK_EQ(err.line, 2);
    CHECK_EQ(err.col, 3);
    CHECK(memcmp(ssem_panel_machine(p), &before, sizeof before) == 0);
    CHECK(strcmp(p->message, before_msg) == 0);

    /* a state file (docs/formats.md) resumes its registers */
    char state[SSEM_TEXT_MAX];
    ssem_t s = before;
    s.a = 7;
    s.ci = 2;
    s.steps = 41;
    s.lamp = false;
    CHECK(ssem_write_state(&s, state, sizeof state) > 0);
    CHECK_EQ(ssem_panel_load(p, state, strlen(state), "s.ssem", SSEM_FORMAT_AUTO, &err), 0);
    CHECK_EQ(ssem_panel_machine(p)->a, 7);
    CHECK_EQ(ssem_panel_machine(p)->ci, 2);
    CHECK_EQ(ssem_panel_machine(p)->steps, 41);
    CHECK_EQ(ssem_panel_machine(p)->store[1], 0x4003u);
    ssem_panel_free(p);
}

/* Long messages wrap at spaces to the screen's width instead of being cut */
static void test_messages_wrap(void)
{
    char out[4][SSEM_PANEL_MESSAGE_SIZE];
    const char *msg = "fault: CI = 57344 has bits 13-15 set at the fetch (KCC clears CI)";
    /* 66 characters in lines of 30: break at the last space within 30 */
    CHECK_EQ(ssem_panel_wrap(msg, 30, out, 4), 3);
    CHECK(strcmp(out[0], "fault: CI = 57344 has bits") == 0);
    CHECK(strcmp(out[1], "13-15 set at the fetch (KCC") == 0);
    CHECK(strcmp(out[2], "clears CI)") == 0);
    CHECK_EQ(ssem_panel_wrap("short", 30, out, 4), 1);
    CHECK(strcmp(out[0], "short") == 0);
    CHECK_EQ(ssem_panel_wrap("", 30, out, 4), 1);
    CHECK(out[0][0] == '\0');
    /* no space: cut at the width; at most max lines */
    CHECK_EQ(ssem_panel_wrap("abcdefghijklmnopqrstuvwxyz", 10, out, 2), 2);
    CHECK(strcmp(out[0], "abcdefghij") == 0);
    CHECK(strcmp(out[1], "klmnopqrst") == 0);
}

int main(void)
{
    engine = ssem_engine_new(ssem_engine_default());
    if (engine == NULL) {
        fprintf(stderr, "no engine\n");
        return 1;
    }
    RUN(test_keys_map_to_actions);
    RUN(test_switches);
    RUN(test_typewriter_writes_and_erases);
    RUN(test_clear_keys);
    RUN(test_single_step_cmp);
    RUN(test_run_to_stop_lamp);
    RUN(test_breakpoints_across_slices);
    RUN(test_reverse_step);
    RUN(test_manual_instruction);
    RUN(test_speed_budgets);
    RUN(test_flat_out_tuning);
    RUN(test_speed_keys);
    RUN(test_real_time_run);
    RUN(test_kc_names_the_line_obeyed);
    RUN(test_messages_wrap);
    RUN(test_load);
    ssem_engine_free(engine);
    return CHECK_DONE();
}
