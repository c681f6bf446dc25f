/*
 * test_panel.c - the control panel's logic without a terminal: what each key
 * does to the machine (SPEC section 5), speeds to step budgets (section 6),
 * breakpoints cut across step budgets, Man mode, reverse step.
 *
 * The panel's logic is tools/panel_logic.c, compiled in here with the
 * pacing rule (tools/pace.c) and the option values' parser (tools/values.c);
 * the machine lives in the library's history (ssem_history_*). The ncurses
 * front end
 * (tools/cmd_panel.c) is tested in a real terminal by tests/cli/panel.bats.
 * Expected values are worked out by hand from ../shared/SPEC.md.
 */
#include "../../tools/panel_logic.c"
#include "../../tools/pace.c"
#include "../../tools/text.c"
#include "../../tools/values.c"

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

static void first_panel(panel_t *p)
{
    ssem_t m;
    first_machine(&m);
    int rc = panel_init(p, &m, engine);
    CHECK_EQ(rc, 0);
}

static void press(panel_t *p, int key) { panel_do(p, panel_key_action(key)); }

/* Runs the panel's machine until it stops, in slices of `budget` steps. */
static void run_in_slices(panel_t *p, uint64_t budget, uint64_t max_slices)
{
    for (uint64_t i = 0; i < max_slices && p->running; i++)
        panel_run_slice(p, budget);
}

/* ------------------------------------------------------------------ keys */

static void test_keys_map_to_actions(void)
{
    CHECK_EQ(panel_key_action('r'), PANEL_RUN_STOP);
    CHECK_EQ(panel_key_action('s'), PANEL_STEP);
    CHECK_EQ(panel_key_action('b'), PANEL_REVERSE);
    CHECK_EQ(panel_key_action(PANEL_KEY_LEFT), PANEL_CURSOR_LEFT);
    CHECK_EQ(panel_key_action(PANEL_KEY_RIGHT), PANEL_CURSOR_RIGHT);
    CHECK_EQ(panel_key_action(' '), PANEL_TYPE);
    CHECK_EQ(panel_key_action('\n'), PANEL_TYPE);
    CHECK_EQ(panel_key_action('w'), PANEL_WRITE_ERASE);
    CHECK_EQ(panel_key_action(PANEL_KEY_UP), PANEL_LINE_UP);
    CHECK_EQ(panel_key_action(PANEL_KEY_DOWN), PANEL_LINE_DOWN);
    CHECK_EQ(panel_key_action('m'), PANEL_AUTO_MAN);
    CHECK_EQ(panel_key_action('f'), PANEL_FUNC_UP);
    CHECK_EQ(panel_key_action('F'), PANEL_FUNC_DOWN);
    CHECK_EQ(panel_key_action('L'), PANEL_KLC);
    CHECK_EQ(panel_key_action('K'), PANEL_KSC);
    CHECK_EQ(panel_key_action('C'), PANEL_KCC);
    CHECK_EQ(panel_key_action('A'), PANEL_KAC);
    CHECK_EQ(panel_key_action('t'), PANEL_TUBE);
    CHECK_EQ(panel_key_action('x'), PANEL_BREAK);
    CHECK_EQ(panel_key_action('+'), PANEL_FASTER);
    CHECK_EQ(panel_key_action('-'), PANEL_SLOWER);
    CHECK_EQ(panel_key_action('['), PANEL_PERIOD_DOWN);
    CHECK_EQ(panel_key_action(']'), PANEL_PERIOD_UP);
    CHECK_EQ(panel_key_action('q'), PANEL_QUIT);
    CHECK_EQ(panel_key_action('z'), PANEL_NONE);
    CHECK_EQ(panel_key_action(0), PANEL_NONE);
    /* every action has a key, every shown key a 1948 name and a help line */
    for (int a = PANEL_RUN_STOP; a <= PANEL_QUIT; a++) {
        bool found = false;
        for (const panel_key_t *k = panel_keys; k->action != PANEL_NONE; k++)
            found |= k->action == (panel_action_t)a;
        CHECK(found);
    }
    for (const panel_key_t *k = panel_keys; k->action != PANEL_NONE; k++)
        if (k->label != NULL)
            CHECK(k->name1948 != NULL && k->help != NULL && strlen(k->help) <= 48);
}

static void test_switches(void)
{
    panel_t p;
    first_panel(&p);
    CHECK_EQ(p.line_switches, 0);
    press(&p, PANEL_KEY_UP); /* wraps: line 31 */
    CHECK_EQ(p.line_switches, 31);
    press(&p, PANEL_KEY_DOWN);
    press(&p, PANEL_KEY_DOWN);
    CHECK_EQ(p.line_switches, 1);
    CHECK_EQ(panel_action_line(&p), 1);
    press(&p, 'F'); /* 0 - 1 = 7 */
    CHECK_EQ(p.func_switches, 7);
    press(&p, 'f');
    press(&p, 'f');
    press(&p, 'f');
    CHECK_EQ(p.func_switches, 2);
    /* function 2 (LDN) on line 1: 1 + 2 * 8192 */
    CHECK_EQ(panel_manual_instruction(&p), 16385);
    CHECK_EQ(p.tube, SSEM_TUBE_S);
    press(&p, 't');
    CHECK_EQ(p.tube, SSEM_TUBE_A);
    press(&p, 't');
    CHECK_EQ(p.tube, SSEM_TUBE_C);
    press(&p, 't');
    CHECK_EQ(p.tube, SSEM_TUBE_S);
    CHECK(!p.manual);
    press(&p, 'm');
    CHECK(p.manual);
    press(&p, 'q');
    CHECK(p.quit);
    panel_free(&p);
}

/* ------------------------------------------------------------ typewriter */

static void test_typewriter_writes_and_erases(void)
{
    panel_t p;
    first_panel(&p);
    for (int i = 0; i < 4; i++)
        press(&p, PANEL_KEY_UP); /* line 28 */
    for (int i = 0; i < 5; i++)
        press(&p, PANEL_KEY_RIGHT); /* digit 5 */
    CHECK_EQ(p.cursor, 5);
    press(&p, ' ');
    CHECK_EQ(panel_machine(&p)->store[28], 32); /* 2^5 */
    press(&p, PANEL_KEY_LEFT);
    press(&p, ' '); /* digit 4 */
    CHECK_EQ(panel_machine(&p)->store[28], 48);
    press(&p, ' '); /* writing a 1 twice leaves a 1 */
    CHECK_EQ(panel_machine(&p)->store[28], 48);
    press(&p, 'w'); /* Erase */
    CHECK(p.erase);
    press(&p, PANEL_KEY_RIGHT);
    press(&p, ' ');
    CHECK_EQ(panel_machine(&p)->store[28], 16);
    /* the cursor wraps: digit 31 is the sign */
    for (int i = 0; i < 6; i++)
        press(&p, PANEL_KEY_LEFT);
    CHECK_EQ(p.cursor, 31);
    press(&p, 'w');
    press(&p, ' ');
    CHECK_EQ(panel_machine(&p)->store[28], 0x80000010u);
    /* nothing else changed */
    ssem_t m;
    first_machine(&m);
    for (uint32_t l = 0; l < 32; l++)
        if (l != 28)
            CHECK_EQ(panel_machine(&p)->store[l], m.store[l]);
    /* the typewriter works only with CS at Stop */
    press(&p, 'r');
    press(&p, ' ');
    CHECK_EQ(panel_machine(&p)->store[28], 0x80000010u);
    CHECK(strstr(p.message, "Stop") != NULL);
    panel_free(&p);
}

static void test_clear_keys(void)
{
    panel_t p;
    first_panel(&p);
    for (int i = 0; i < 4; i++)
        press(&p, 's'); /* lines 1-4: A = 262143, CI = 4 */
    CHECK_EQ(panel_machine(&p)->a, 262143);
    CHECK_EQ(panel_machine(&p)->ci, 4);
    press(&p, 'A'); /* KAC: A alone */
    CHECK_EQ(panel_machine(&p)->a, 0);
    CHECK_EQ(panel_machine(&p)->ci, 4);
    CHECK_EQ(panel_machine(&p)->steps, 4);
    press(&p, 's'); /* line 5: A = 262144 */
    CHECK_EQ(panel_machine(&p)->a, 262144);
    press(&p, 'C'); /* KCC: CI and A (and PI, lamp, steps) */
    CHECK_EQ(panel_machine(&p)->a, 0);
    CHECK_EQ(panel_machine(&p)->ci, 0);
    CHECK_EQ(panel_machine(&p)->pi, 0);
    CHECK_EQ(panel_machine(&p)->steps, 0);
    CHECK_EQ(panel_machine(&p)->store[26], (uint32_t)-262143); /* the store is kept */
    p.line_switches = 24;
    press(&p, 'L'); /* KLC: the action line */
    CHECK_EQ(panel_machine(&p)->store[24], 0);
    CHECK_EQ(panel_machine(&p)->store[23], (uint32_t)-262144);
    press(&p, 'K'); /* KSC: the whole store */
    for (uint32_t l = 0; l < 32; l++)
        CHECK_EQ(panel_machine(&p)->store[l], 0);
    panel_free(&p);
}

/* ------------------------------------------------------------- stepping */

static void test_single_step_cmp(void)
{
    panel_t p;
    first_panel(&p);
    for (int i = 0; i < 6; i++)
        press(&p, 's');
    /* after lines 1-6: A = 262144 - 262143 = 1 */
    CHECK_EQ(panel_machine(&p)->a, 1);
    CHECK_EQ(panel_machine(&p)->ci, 6);
    press(&p, 's'); /* CMP at line 7 with A = 1 >= 0: no skip */
    CHECK_EQ(panel_machine(&p)->ci, 7);
    CHECK_EQ(panel_machine(&p)->pi, 6u << 13);
    press(&p, 's'); /* JRP 20: CI = 8 + (-3) = 5 */
    CHECK_EQ(panel_machine(&p)->ci, 5);
    press(&p, 's'); /* line 6: A = 1 - 262143 */
    CHECK_EQ(panel_machine(&p)->a, (uint32_t)-262142);
    press(&p, 's'); /* CMP with A < 0: CI = 7 + 1 = 8, the skip */
    CHECK_EQ(panel_machine(&p)->ci, 8);
    CHECK_EQ(panel_machine(&p)->steps, 10);
    press(&p, 's'); /* the next fetch is line 9 */
    CHECK_EQ(panel_machine(&p)->ci, 9);
    panel_free(&p);
}

static void test_run_to_stop_lamp(void)
{
    panel_t p;
    first_panel(&p);
    p.speed = PANEL_SPEED_MAX;
    press(&p, 'r');
    CHECK(p.running);
    run_in_slices(&p, 100000, 1000);
    const ssem_t *m = panel_machine(&p);
    CHECK(!p.running);
    CHECK(m->lamp);
    CHECK(!m->fault);
    /* 4 + 131071 * 16 + 14 (worked out in tests/cli/panel.bats) */
    CHECK_EQ(m->steps, 2097154);
    CHECK_EQ(m->store[27], 131072);
    CHECK_EQ(m->ci, 13);
    CHECK(strstr(p.message, "STP at line 13") != NULL);
    /* stopped, the action line stays on CI's line (the line switches were
     * at 0), as it was while running */
    CHECK_EQ(panel_action_line(&p), 13);
    /* resume after STP: a single shot goes on from line 14 (A <- -S[26]) */
    press(&p, 's');
    m = panel_machine(&p);
    CHECK(!m->lamp);
    CHECK_EQ(m->ci, 14);
    CHECK_EQ(m->a, 131072);
    panel_free(&p);
}

/* A breakpoint stops a run cut into slices exactly where one long run stops:
 * before the fetch from the line; Run (and KC) step over the breakpoint the
 * machine stands at, as gdb's continue does, whatever the slice size. */
static void test_breakpoints_across_slices(void)
{
    static const uint64_t budgets[] = {1, 2, 3, 7, 1000};
    for (size_t b = 0; b < sizeof budgets / sizeof budgets[0]; b++) {
        panel_t p;
        first_panel(&p);
        p.line_switches = 7;
        press(&p, 'x');
        CHECK_EQ(ssem_history_breakpoints(p.h), 1u << 7);
        press(&p, 'r');
        run_in_slices(&p, budgets[b], 100);
        CHECK(!p.running);
        CHECK_EQ(panel_machine(&p)->steps, 6); /* lines 1-6, not 7 */
        CHECK_EQ(panel_machine(&p)->ci, 6);
        /* Run again moves on from the breakpoint: 7, 8 (JRP to 5), 6, then stops */
        press(&p, 'r');
        run_in_slices(&p, budgets[b], 100);
        CHECK(!p.running);
        CHECK_EQ(panel_machine(&p)->steps, 9);
        CHECK_EQ(panel_machine(&p)->ci, 6);
        /* the reference: ssem_run from the same start */
        ssem_t m;
        first_machine(&m);
        CHECK_EQ(ssem_run(&m, 1000, 1u << 7), SSEM_BREAK);
        CHECK_EQ(m.steps, 6);
        /* the reference resumes by an explicit step-over */
        CHECK_EQ(ssem_step(&m), SSEM_RUNNING);
        CHECK_EQ(ssem_run(&m, 1000, 1u << 7), SSEM_BREAK);
        CHECK_EQ(m.steps, 9);
        CHECK(ssem_tstate_equal(&m, panel_machine(&p)));
        /* KC at the breakpoint obeys line 7 (CMP; the step-over) */
        press(&p, 's');
        CHECK_EQ(ssem_step(&m), SSEM_RUNNING);
        CHECK_EQ(panel_machine(&p)->steps, 10);
        CHECK(ssem_tstate_equal(&m, panel_machine(&p)));
        panel_free(&p);
    }
}

static void test_reverse_step(void)
{
    panel_t p;
    first_panel(&p);
    ssem_t seen[12];
    seen[0] = *panel_machine(&p);
    for (int i = 1; i <= 10; i++) {
        press(&p, 's');
        seen[i] = *panel_machine(&p);
    }
    for (int i = 9; i >= 0; i--) {
        press(&p, 'b');
        CHECK(ssem_tstate_equal(panel_machine(&p), &seen[i]));
        CHECK_EQ(panel_machine(&p)->steps, (uint64_t)i);
    }
    /* at the start: nothing to go back to */
    press(&p, 'b');
    CHECK_EQ(panel_machine(&p)->steps, 0);
    CHECK(strstr(p.message, "earliest") != NULL);
    /* forward again, the same timeline */
    for (int i = 1; i <= 10; i++)
        press(&p, 's');
    CHECK(ssem_tstate_equal(panel_machine(&p), &seen[10]));
    /* a change by hand is the new start of the history */
    p.line_switches = 30;
    press(&p, ' ');
    press(&p, 's');
    press(&p, 'b');
    CHECK_EQ(panel_machine(&p)->steps, 10);
    press(&p, 'b');
    CHECK_EQ(panel_machine(&p)->steps, 10);
    CHECK_EQ(panel_machine(&p)->store[30], 1);
    /* far back after a long run */
    p.speed = PANEL_SPEED_MAX;
    press(&p, 'C');
    press(&p, 'r');
    run_in_slices(&p, 1u << 20, 100);
    CHECK_EQ(panel_machine(&p)->steps, 2097154);
    press(&p, 'b');
    CHECK_EQ(panel_machine(&p)->steps, 2097153);
    CHECK(!panel_machine(&p)->lamp);
    CHECK_EQ(panel_machine(&p)->ci, 12); /* the CMP before the STP */
    panel_free(&p);
}

/* ------------------------------------------------------------- Man mode */

static void test_manual_instruction(void)
{
    panel_t p;
    first_panel(&p);
    press(&p, 'm');
    /* LDN 24 on the switches: function 2, line 24 */
    p.func_switches = 2;
    p.line_switches = 24;
    press(&p, 's');
    const ssem_t *m = panel_machine(&p);
    CHECK_EQ(m->a, (uint32_t)-262143);
    CHECK_EQ(m->ci, 1); /* PRM A1.3: CI incremented for a manual instruction */
    CHECK_EQ(m->pi, 24u + (2u << 13));
    CHECK_EQ(m->steps, 1);
    CHECK_EQ(m->store[1], bits_to_word(first_program_bits[1])); /* the store is not fetched */
    /* STO 30 */
    p.func_switches = 3;
    p.line_switches = 30;
    press(&p, 's');
    CHECK_EQ(panel_machine(&p)->store[30], (uint32_t)-262143);
    CHECK_EQ(panel_machine(&p)->ci, 2);
    /* running in Man obeys the switches again and again: STP stops at once */
    p.func_switches = 7;
    press(&p, 'r');
    run_in_slices(&p, 1000, 10);
    CHECK(!p.running);
    CHECK(panel_machine(&p)->lamp);
    CHECK_EQ(panel_machine(&p)->ci, 3);
    CHECK_EQ(panel_machine(&p)->steps, 3);
    /* SUB 21 (A - 1) run 5 times at x1000 for a slice of 5 */
    p.func_switches = 4;
    p.line_switches = 21;
    press(&p, 'r');
    CHECK_EQ(panel_run_slice(&p, 5), 5);
    CHECK(p.running);
    CHECK_EQ(panel_machine(&p)->a, (uint32_t)-262148);
    CHECK(!panel_machine(&p)->lamp);
    panel_free(&p);
}

/* ---------------------------------------------------------------- speed */

static void test_speed_budgets(void)
{
    panel_t p;
    first_panel(&p);
    /* 1948: 144 digit periods of 10 us = 1.44 ms an instruction */
    CHECK(fabs(panel_instruction_seconds(&p) - 0.00144) < 1e-12);
    CHECK(fabs(panel_steps_per_second(&p) - 1.0 / 0.00144) < 1e-6);
    /* one frame of 1/30 s: 23.148 steps: 23 now, the fraction carried */
    CHECK_EQ(panel_budget(&p, 1.0 / 30.0), 23);
    uint64_t total = 23;
    for (int i = 1; i < 30; i++)
        total += panel_budget(&p, 1.0 / 30.0);
    CHECK_EQ(total, 694); /* one second: 694.4 instructions */
    /* x10 */
    p.speed = 10;
    pace_restart(&p.pace);
    CHECK_EQ(panel_budget(&p, 0.1), 694);
    /* a stall of 10 s is not made up: at most a quarter of a second */
    CHECK_EQ(panel_budget(&p, 10.0), 1736);
    CHECK_EQ(panel_budget(&p, -1.0), 0);
    /* faster than the engine: no more than the flat-out slice */
    p.speed = 1e9;
    CHECK_EQ(panel_budget(&p, 1.0 / 30.0), p.pace.slice);
    /* flat out: the slice, whatever the time */
    p.speed = PANEL_SPEED_MAX;
    CHECK_EQ(panel_steps_per_second(&p), 0);
    CHECK_EQ(panel_budget(&p, 0.0), p.pace.slice);
    /* the digit period: June 1948's 9 us gives 1.296 ms */
    p.speed = 1;
    p.digit_period_us = 9.0;
    CHECK(fabs(panel_instruction_seconds(&p) - 0.001296) < 1e-12);
    panel_free(&p);
}

static void test_flat_out_tuning(void)
{
    panel_t p;
    first_panel(&p);
    p.pace.slice = 100000;
    /* 100000 steps took 1/30 s: twice too long; the budget moves halfway to 50000 */
    panel_tune(&p, 100000, 1.0 / 30.0);
    CHECK_EQ(p.pace.slice, 75000);
    /* 75000 in 1/600 s: ten times too short: halfway to 750000 */
    panel_tune(&p, 75000, 1.0 / 600.0);
    CHECK_EQ(p.pace.slice, 412500);
    /* a slice cut short by STP says nothing */
    panel_tune(&p, 10, 1.0);
    CHECK_EQ(p.pace.slice, 412500);
    /* bounded below */
    for (int i = 0; i < 40; i++)
        panel_tune(&p, p.pace.slice, 100.0);
    CHECK_EQ(p.pace.slice, 1000);
    panel_free(&p);
}

static void test_speed_keys(void)
{
    panel_t p;
    first_panel(&p);
    CHECK(p.speed == 1.0);
    press(&p, '+');
    CHECK(p.speed == 2.0);
    press(&p, '+');
    press(&p, '+');
    CHECK(p.speed == 10.0);
    for (int i = 0; i < 20; i++)
        press(&p, '+');
    CHECK(p.speed == PANEL_SPEED_MAX);
    press(&p, '-');
    CHECK(p.speed == 100000.0);
    for (int i = 0; i < 7; i++)
        press(&p, '-');
    CHECK(p.speed == 1.0);
    press(&p, '-');
    CHECK(p.speed == 0.5);
    for (int i = 0; i < 10; i++)
        press(&p, '-');
    CHECK(p.speed == 0.1);
    p.speed = 3.0; /* from --speed: between the listed ones */
    press(&p, '+');
    CHECK(p.speed == 5.0);
    p.speed = 3.0;
    press(&p, '-');
    CHECK(p.speed == 2.0);
    press(&p, '[');
    CHECK(p.digit_period_us == 9.5);
    press(&p, ']');
    press(&p, ']');
    CHECK(p.digit_period_us == 10.5);
    for (int i = 0; i < 100; i++)
        press(&p, '[');
    CHECK(p.digit_period_us == PANEL_MIN_PERIOD_US);
    panel_free(&p);

    double s = -1;
    CHECK_EQ(panel_parse_speed("1948", &s), 0);
    CHECK(s == 1.0);
    CHECK_EQ(panel_parse_speed("max", &s), 0);
    CHECK(s == PANEL_SPEED_MAX);
    CHECK_EQ(panel_parse_speed("10", &s), 0);
    CHECK(s == 10.0);
    CHECK_EQ(panel_parse_speed("x2.5", &s), 0);
    CHECK(s == 2.5);
    CHECK_EQ(panel_parse_speed("0", &s), -1);
    CHECK_EQ(panel_parse_speed("-3", &s), -1);
    CHECK_EQ(panel_parse_speed("fast", &s), -1);
    CHECK_EQ(panel_parse_speed("", &s), -1);
    CHECK_EQ(panel_parse_speed("nan", &s), -1);
    CHECK_EQ(panel_parse_speed("inf", &s), -1);
    char name[40];
    panel_speed_name(1.0, name, sizeof name);
    CHECK(strcmp(name, "1948 real time") == 0);
    panel_speed_name(0.0, name, sizeof name);
    CHECK(strcmp(name, "flat out") == 0);
}

/* Running in real time: a simulated second of frames runs 694 steps. */
static void test_real_time_run(void)
{
    panel_t p;
    first_panel(&p);
    press(&p, 'r');
    for (int i = 0; i < 30; i++)
        panel_run_slice(&p, panel_budget(&p, 1.0 / 30.0));
    CHECK_EQ(panel_machine(&p)->steps, 694);
    CHECK(p.running);
    CHECK_EQ(panel_action_line(&p), panel_machine(&p)->ci & 31u);
    press(&p, 'r');
    CHECK(!p.running);
    CHECK_EQ(panel_run_slice(&p, 100), 0);
    panel_free(&p);
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
    panel_t p;
    CHECK_EQ(panel_init(&p, &m, engine), 0);
    press(&p, 's');
    CHECK_EQ(panel_machine(&p)->ci, 9);
    CHECK(strcmp(p.message, "KC: obeyed line 1, JMP 5; CI is now 9") == 0);
    press(&p, 's');
    CHECK_EQ(panel_machine(&p)->ci, 0);
    CHECK(strcmp(p.message, "KC: obeyed line 10, JMP 0; CI is now 0") == 0);
    if (check_current_failed)
        fprintf(stderr, "message: %s\n", p.message);
    panel_free(&p);
}

/* Long messages wrap at spaces to the screen's width instead of being cut */
static void test_messages_wrap(void)
{
    char out[4][PANEL_MESSAGE_SIZE];
    const char *msg = "fault: CI = 57344 has bits 13-15 set at the fetch (KCC clears CI)";
    /* 66 characters in lines of 30: break at the last space within 30 */
    CHECK_EQ(panel_wrap(msg, 30, out, 4), 3);
    CHECK(strcmp(out[0], "fault: CI = 57344 has bits") == 0);
    CHECK(strcmp(out[1], "13-15 set at the fetch (KCC") == 0);
    CHECK(strcmp(out[2], "clears CI)") == 0);
    CHECK_EQ(panel_wrap("short", 30, out, 4), 1);
    CHECK(strcmp(out[0], "short") == 0);
    CHECK_EQ(panel_wrap("", 30, out, 4), 1);
    CHECK(out[0][0] == '\0');
    /* no space: cut at the width; at most max lines */
    CHECK_EQ(panel_wrap("abcdefghijklmnopqrstuvwxyz", 10, out, 2), 2);
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
    ssem_engine_free(engine);
    return CHECK_DONE();
}
