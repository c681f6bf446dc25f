/*
 * panel_logic.h - the machine side of `ssem panel`: what each key of the
 * Baby's control panel does, and how many steps to run between two frames.
 *
 * Nothing here draws or touches the terminal, so that tests/unit/test_panel.c
 * can drive the panel key by key (it includes panel_logic.c).
 * tools/cmd_panel.c is the ncurses front end that maps keys to actions and
 * draws the state.
 *
 * The machine lives in a history (ssem_history_*, ssem.h), so that the panel can
 * step backwards: running goes through ssem_history_run, and every change the
 * operator makes by hand (typewriter, KLC, KSC, KCC, KAC, a manual
 * instruction) is a ssem_history_rebase: going back stops at the last such edit.
 */
#ifndef SSEM_PANEL_LOGIC_H
#define SSEM_PANEL_LOGIC_H

#include "pace.h"
#include "ssem.h"
#include "values.h"

#include <stdbool.h>
#include <stdint.h>

/* What the operator can do: one action per key. */
typedef enum panel_action {
    PANEL_NONE = 0,
    PANEL_RUN_STOP,     /* CS: the Stop/Run switch                           */
    PANEL_STEP,         /* KC: single shot, one instruction                  */
    PANEL_REVERSE,      /* reverse step: back one instruction (not 1948)     */
    PANEL_CURSOR_LEFT,  /* typewriter: the digit under the cursor, -1        */
    PANEL_CURSOR_RIGHT, /* typewriter: +1                                    */
    PANEL_TYPE,         /* typewriter: press the button of the cursor digit  */
    PANEL_WRITE_ERASE,  /* the Write/Erase switch                            */
    PANEL_LINE_UP,      /* line switches: action line - 1                    */
    PANEL_LINE_DOWN,    /* line switches: action line + 1                    */
    PANEL_AUTO_MAN,     /* the Auto/Man switch                               */
    PANEL_FUNC_UP,      /* function switches + 1 (mod 8)                     */
    PANEL_FUNC_DOWN,    /* function switches - 1 (mod 8)                     */
    PANEL_KLC,          /* clear the action line                             */
    PANEL_KSC,          /* clear the whole store                             */
    PANEL_KCC,          /* clear CI and A                                    */
    PANEL_KAC,          /* clear A                                           */
    PANEL_TUBE,         /* the monitor's tube selector: S -> A -> C -> S     */
    PANEL_BREAK,        /* breakpoint on the action line (toggle)            */
    PANEL_FASTER,       /* the next speed up                                 */
    PANEL_SLOWER,       /* the next speed down                               */
    PANEL_PERIOD_DOWN,  /* digit period - 0.5 us                             */
    PANEL_PERIOD_UP,    /* digit period + 0.5 us                             */
    PANEL_QUIT
} panel_action_t;

/* Keys that are not characters: the front end maps its own codes to these. */
#define PANEL_KEY_LEFT 0x10001
#define PANEL_KEY_RIGHT 0x10002
#define PANEL_KEY_UP 0x10003
#define PANEL_KEY_DOWN 0x10004

/* One key of the panel as the screen and docs/panel.md list it. */
typedef struct panel_key {
    int key;               /* a character, or PANEL_KEY_*                 */
    const char *label;     /* how the key is written on screen; NULL: a
                              second key listed with the entry before     */
    const char *name1948;  /* the 1948 name of the control                */
    const char *help;      /* one line                                    */
    panel_action_t action;
} panel_key_t;

/* The keys, in the order the screen lists them; ends with action PANEL_NONE. */
extern const panel_key_t panel_keys[];
/* The action of a key, or PANEL_NONE. */
panel_action_t panel_key_action(int key);

/* Speeds, as multiples of 1948 real time; 0 is flat out. */
#define PANEL_SPEED_MAX 0.0
#define PANEL_FRAME_RATE 30.0        /* frames a second                      */
#define PANEL_FLAT_SLICE PACE_SLICE_SECONDS /* engine time per slice, flat out */
#define PANEL_MIN_PERIOD_US VALUE_PERIOD_LOW  /* as --digit-period allows */
#define PANEL_MAX_PERIOD_US VALUE_PERIOD_HIGH

#define PANEL_MESSAGE_SIZE 200

typedef struct panel {
    ssem_history_t *h;            /* the machine and its past                    */
    ssem_engine_t *engine;   /* borrowed                                    */
    ssem_tube_t tube;        /* the monitor's tube selector                 */
    uint32_t line_switches;  /* 0-31: the action line when stopped          */
    uint32_t func_switches;  /* 0-7: the function of the manual instruction */
    uint32_t cursor;         /* 0-31: the typewriter digit under the cursor */
    bool running;            /* CS at Run and the machine going             */
    bool manual;             /* Auto/Man at Man                             */
    bool erase;              /* Write/Erase at Erase                        */
    bool first_slice;        /* the next slice starts a run (breakpoints)   */
    bool quit;
    double speed;            /* multiple of 1948 time; PANEL_SPEED_MAX      */
    double digit_period_us;  /* 10 us: 1.44 ms an instruction               */
    pace_t pace;             /* steps owed to real time; the flat-out slice */
    char message[PANEL_MESSAGE_SIZE]; /* the last thing that happened        */
} panel_t;

/* A panel on machine *m (copied), CS at Stop, Auto, Write, tube S, line
 * switches 0, speed 1948 at 10 us. The engine is borrowed. Returns 0, or -1
 * when out of memory. */
int panel_init(panel_t *p, const ssem_t *m, ssem_engine_t *engine);
void panel_free(panel_t *p);

/* The machine now. */
const ssem_t *panel_machine(const panel_t *p);
/* The action line: CI's line while running, the line switches when stopped. */
uint32_t panel_action_line(const panel_t *p);
/* The instruction the staticisor switches set: function and line switches. */
uint32_t panel_manual_instruction(const panel_t *p);

/* Does what the operator asked. */
void panel_do(panel_t *p, panel_action_t a);
/* A changed machine state (the operator's hand): it becomes the history's
 * new start. */
void panel_set_machine(panel_t *p, const ssem_t *m);

/* Executes the staticisor instruction on *m (Man mode): a lit lamp is put
 * out, CI <- CI + 1 as PRM A1.3 says, then ssem_execute obeys the
 * switch-set word in place of a fetched one (PI is set to it); no fetch, so
 * no CI fault. */
void panel_execute_manual(ssem_t *m, uint32_t word);

/* Speed. */
double panel_instruction_seconds(const panel_t *p); /* 1.44 ms at 10 us */
double panel_steps_per_second(const panel_t *p);    /* 0 when flat out   */
/* Steps to run now, `elapsed` seconds of wall time after the last slice:
 * tools/pace.h's rule, at the panel's speed. */
uint64_t panel_budget(panel_t *p, double elapsed);
/* Flat out: `ran` steps took `seconds`; tunes the slice (pace_tune). */
void panel_tune(panel_t *p, uint64_t ran, double seconds);
/* "1948", "x10", "flat out" */
void panel_speed_name(double speed, char *buf, size_t size);
/* Parses --speed: "1948" (= 1), "max", or a positive multiple. 0 / -1. */
int panel_parse_speed(const char *text, double *speed);

/* Splits a message into at most max lines of at most width characters,
 * breaking at spaces where it can (the screen wraps long messages instead
 * of cutting them); returns the number of lines, at least 1. */
int panel_wrap(const char *text, int width, char out[][PANEL_MESSAGE_SIZE], int max);

/* Runs the machine (when running) for at most `budget` steps; stops the
 * panel on STP, a fault or a breakpoint, with a message. Returns the steps
 * run. */
uint64_t panel_run_slice(panel_t *p, uint64_t budget);

#endif
