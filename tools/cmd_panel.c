/*
 * cmd_panel.c - `ssem panel`: the Baby's console, full screen (ncurses).
 *
 * The monitor (any of the three tubes, through ssem_render/ssem_frame_text),
 * the registers, the stop lamp, and the keys and switches of the control
 * panel (PRM appendix 3; SPEC section 5) on the keyboard. What the keys do to
 * the machine, and how many steps to run between two frames, is the
 * library's panel (ssem_panel_*, src/panel.c), which the unit tests drive
 * without a terminal; this file draws, reads keys, and reads and writes the
 * files the operator names (load, save, assemble).
 *
 * The loop redraws at SSEM_PANEL_FRAME_RATE frames a second whatever the speed:
 * between frames it runs the engine for a budget computed from the wall time
 * elapsed and the speed (flat out: slices of about 1/60 s until the next
 * frame is due). The terminal is restored on every way out: q, Ctrl-C and
 * other terminating signals (a flag the loop polls), and exit() (atexit).
 */
#include "cli.h"

#ifdef SSEM_NO_CURSES
/* A build without ncurses (the wasm command, web/web.mk): the panel is the
 * web page there (docs/web.md); the command says so rather than crash. */
int cmd_panel(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    error_message("panel: this build has no full-screen panel (no ncurses in the wasm "
                  "build); the web page is the panel there (make web)");
    return EXIT_USAGE;
}
#else
#include "text.h"
#include "values.h"

#include <curses.h>
#include <inttypes.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char panel_usage[] =
    "usage: ssem panel [options] FILE\n"
    "\n"
    "The Baby's control panel, full screen: the monitor (tubes S, A and C), the\n"
    "registers, the stop lamp, and the keys and switches of the 1948 panel on\n"
    "the keyboard (Stop/Run, KC single shot, KLC, KSC, KCC, KAC, the typewriter,\n"
    "the line and function switches, Auto/Man, Write/Erase), with breakpoints\n"
    "and reverse step. The screen lists the keys; docs/panel.md describes them.\n"
    "Files, their names typed on the message line: l loads a program or state\n"
    "file (any format, @NAME, a share link), a assembles an .asm file, S saves\n"
    "the state as a state file (or the store alone to NAME.snp); a file that\n"
    "does not load leaves the machine as it was and says why (file:line:col).\n"
    "\n"
    "options:\n"
    "  --format=F          input format: auto (default), listing, snp, asm, bits, decimal, url\n"
    "  --engine=NAME       ref, fast or dbt (default: the fastest; see 'ssem engines')\n"
    "  --lenient           fetch from CI & 31 even when CI bits 13-15 are set\n"
    "  --speed=S           1948 (real time, the default), a multiple of it (e.g. 10),\n"
    "                      or max (flat out); + and - change it while running\n"
    "  --digit-period=US   the digit period in microseconds (default 10: 1.44 ms an\n"
    "                      instruction; June 1948 was probably 8.5-9.5); [ and ]\n"
    "\n"
    "exit status: 0 after q, 1 bad input, 2 bad usage or no terminal,\n"
    "128+N after signal N (130 after Ctrl-C)\n";

/* ----------------------------------------------------- terminal safety */

static volatile sig_atomic_t got_signal;
static bool curses_on;

static void on_signal(int sig) { got_signal = sig; }

static void restore_terminal(void)
{
    if (curses_on && !isendwin())
        endwin();
    curses_on = false;
}

static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ------------------------------------------------------------- drawing */

#define MIN_COLS 100
#define MIN_LINES 42
#define RIGHT 52 /* the column where the registers and keys begin */

enum { PAIR_DOT = 1, PAIR_BRIGHT, PAIR_LAMP, PAIR_KEY, PAIR_MSG, PAIR_RUN };

/* A file name the operator is typing on the message line (the l, a and S
 * keys), and what it is for. */
typedef enum ask { ASK_NONE, ASK_LOAD, ASK_ASSEMBLE, ASK_SAVE } ask_t;
#define ASK_SIZE 1024

typedef struct screen_info {
    char file[ASK_SIZE]; /* the program's file, as given (shown escaped) */
    const char *engine;
    bool unicode;
    bool colors;
    ask_t ask;
    char answer[ASK_SIZE]; /* what has been typed so far */
    size_t answer_len;
} screen_info_t;

/* The keys that read or write files: the command's, not the 1948 panel's
 * (the library's table), so they are listed after it. */
static const struct file_key {
    int key;
    ask_t ask;
    const char *help;
} file_keys[] = {
    {'l', ASK_LOAD, "load a program or state file (any format)"},
    {'a', ASK_ASSEMBLE, "assemble an .asm file into the store"},
    {'S', ASK_SAVE, "save the state (NAME.snp: the store alone)"},
};
#define NFILE_KEYS (sizeof file_keys / sizeof file_keys[0])

static const char *ask_prompt(ask_t ask)
{
    switch (ask) {
    case ASK_LOAD: return "load file";
    case ASK_ASSEMBLE: return "assemble file";
    case ASK_SAVE: return "save to file";
    default: return "";
    }
}

typedef unsigned attr_bits;

static attr_bits pair(const screen_info_t *si, short n)
{
    return si->colors ? (attr_bits)COLOR_PAIR(n) : 0u;
}

static void on(attr_bits a) { attron((int)a); }
static void off(attr_bits a) { attroff((int)a); }

/* Text at (y, x), clipped to the screen's width; ASCII only. */
static void put(int y, int x, attr_bits attr, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void put(int y, int x, attr_bits attr, const char *fmt, ...)
{
    if (y < 0 || y >= LINES || x >= COLS)
        return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    on(attr);
    mvaddnstr(y, x, buf, COLS - x);
    off(attr);
}

static void draw_monitor(const ssem_panel_t *p, const screen_info_t *si)
{
    const ssem_t *m = ssem_panel_machine(p);
    uint32_t action = ssem_panel_action_line(p);
    ssem_frame_t frame;
    ssem_render(m, p->tube, action, p->running, &frame);
    static char text[32 * (32 * 3 + 1) + 1];
    if (ssem_frame_text(&frame, si->unicode, text, sizeof text) == 0)
        return;
    uint32_t breaks = ssem_history_breakpoints(p->h);
    put(2, 0, 0, "     0         1         2         3");
    put(3, 0, 0, "     01234567890123456789012345678901");
    const char *row = text;
    for (uint32_t r = 0; r < SSEM_LINES; r++) {
        const char *end = strchr(row, '\n');
        int y = 4 + (int)r;
        bool bright = (frame.bright >> r) & 1u;
        put(y, 0, 0, "%2u%c%c", (unsigned)r, (breaks >> r) & 1u ? '*' : ' ',
            bright ? '>' : ' ');
        attr_bits attr = bright ? (pair(si, PAIR_BRIGHT) | A_BOLD) : pair(si, PAIR_DOT);
        on(attr);
        mvaddnstr(y, 5, row, (int)(end - row));
        off(attr);
        put(y, 38, bright ? A_BOLD : 0u, "%11" PRId32, ssem_word_signed(frame.row[r]));
        row = end + 1;
    }
    /* the typewriter's cursor under the digit it writes */
    put(36, 0, 0, "%*s^ typewriter digit %u (%s)", 5 + (int)p->cursor, "",
        (unsigned)p->cursor, p->erase ? "Erase" : "Write");
    const char *lit = si->unicode ? "\u25cf" : "(*)", *out = si->unicode ? "\u25cb" : "( )";
    put(37, 0, 0, "stop lamp ");
    if (m->lamp) {
        attr_bits attr = pair(si, PAIR_LAMP) | A_BOLD | (si->colors ? 0u : A_REVERSE);
        on(attr);
        mvprintw(37, 10, "%s LIT", lit);
        off(attr);
        put(37, 10 + (si->unicode ? 1 : 3) + 4, 0, "%s", m->fault ? "  (fault)" : "");
    } else {
        mvprintw(37, 10, "%s off", out);
    }
}

static void draw_registers(const ssem_panel_t *p, const screen_info_t *si)
{
    const ssem_t *m = ssem_panel_machine(p);
    uint32_t action = ssem_panel_action_line(p);
    char t1[40], t2[40], when[64], speed[40];
    int y = 2;
    put(y++, RIGHT, A_BOLD, "tube %s   CS %s   %s   %s", ssem_tube_name(p->tube),
        p->running ? "Run " : "Stop", p->manual ? "Man " : "Auto", p->erase ? "Erase" : "Write");
    put(y++, RIGHT, 0, "CI %11" PRId32 "   line %u", ssem_word_signed(m->ci),
        (unsigned)(m->ci & SSEM_LINE_MASK));
    put(y++, RIGHT, 0, "A  %11" PRId32, ssem_word_signed(m->a));
    put(y++, RIGHT, 0, "PI %11" PRId32 "   %s", ssem_word_signed(m->pi),
        obeyed_instruction(m->pi, t1, sizeof t1));
    put(y++, RIGHT, A_BOLD, "action line %2u = %11" PRId32 "   %s", (unsigned)action,
        ssem_word_signed(m->store[action]), ssem_disasm_word(m->store[action], t2, sizeof t2));
    format_duration(ssem_time_1948(m->steps, p->digit_period_us), when, sizeof when);
    put(y++, RIGHT, 0, "steps %llu   1948 time %s", (unsigned long long)m->steps, when);
    ssem_panel_speed_name(p->speed, speed, sizeof speed);
    put(y++, RIGHT, 0, "speed %s   digit period %.1f us = %.2f ms an instr.", speed,
        p->digit_period_us, ssem_panel_instruction_seconds(p) * 1000.0);
    uint32_t word = ssem_panel_manual_instruction(p);
    put(y++, RIGHT, 0, "switches: line %u  function %u   Man obeys %s",
        (unsigned)p->line_switches, (unsigned)p->func_switches,
        ssem_disasm_word(word, t1, sizeof t1));
    char list[100] = "";
    uint32_t breaks = ssem_history_breakpoints(p->h);
    size_t at = 0;
    for (uint32_t l = 0; l < SSEM_LINES && at + 4 < sizeof list; l++)
        if ((breaks >> l) & 1u)
            at += (size_t)snprintf(list + at, sizeof list - at, " %u", (unsigned)l);
    put(y++, RIGHT, 0, "breakpoints:%s", breaks ? list : " none");
    y++;
    put(y++, RIGHT, A_UNDERLINE, "key     1948 name      what it does");
    for (const ssem_panel_key_t *k = ssem_panel_keys(); k->action != SSEM_PANEL_NONE; k++) {
        if (k->label == NULL)
            continue;
        put(y, RIGHT, pair(si, PAIR_KEY) | A_BOLD, "%-7s", k->label);
        put(y, RIGHT + 8, 0, "%-14s %s", k->name1948, k->help);
        y++;
    }
    for (size_t i = 0; i < NFILE_KEYS; i++) {
        char label[2] = {(char)file_keys[i].key, '\0'};
        put(y, RIGHT, pair(si, PAIR_KEY) | A_BOLD, "%-7s", label);
        put(y, RIGHT + 8, 0, "%-14s %s", "(file)", file_keys[i].help);
        y++;
    }
}

static void draw(const ssem_panel_t *p, const screen_info_t *si)
{
    erase();
    if (COLS < MIN_COLS || LINES < MIN_LINES) {
        put(0, 0, A_BOLD, "ssem panel: the terminal is %dx%d; it needs at least %dx%d", COLS,
            LINES, MIN_COLS, MIN_LINES);
        put(1, 0, 0, "q quits");
        refresh();
        return;
    }
    put(0, 0, A_BOLD, "ssem panel - the Manchester Baby (SSEM, 1948)");
    char shown[ASK_SIZE * 4];
    escape_text(si->file, strlen(si->file), false, shown, sizeof shown);
    put(0, 47, 0, "  %s   engine %s", shown, si->engine);
    draw_monitor(p, si);
    draw_registers(p, si);
    /* the message wrapped at spaces to the screen's width (it was cut),
     * on the bottom lines, with "running"/"stopped" above it */
    char lines[4][SSEM_PANEL_MESSAGE_SIZE];
    int nlines = si->ask != ASK_NONE ? 1 : ssem_panel_wrap(p->message, COLS, lines, 4);
    put(LINES - 1 - nlines, 0, p->running ? pair(si, PAIR_RUN) | A_BOLD : 0u, "%s",
        p->running ? "running" : "stopped");
    if (si->ask != ASK_NONE) {
        /* the file name being typed, in place of the message: its end
         * shows when it is longer than the screen is wide */
        char head[80];
        snprintf(head, sizeof head, "%s (Enter: done, Esc: cancel): ", ask_prompt(si->ask));
        size_t len = strlen(head), room = (size_t)COLS > len + 2 ? (size_t)COLS - len - 2 : 0;
        const char *tail = si->answer;
        if (si->answer_len > room)
            tail += si->answer_len - room;
        put(LINES - 1, 0, pair(si, PAIR_MSG) | A_BOLD, "%s%s_", head, tail);
        refresh();
        return;
    }
    for (int l = 0; l < nlines; l++)
        put(LINES - nlines + l, 0, pair(si, PAIR_MSG), "%s", lines[l]);
    refresh();
}

/* ncurses key codes to the panel's */
static int panel_key(int ch)
{
    switch (ch) {
    case KEY_LEFT: return SSEM_PANEL_KEY_LEFT;
    case KEY_RIGHT: return SSEM_PANEL_KEY_RIGHT;
    case KEY_UP: return SSEM_PANEL_KEY_UP;
    case KEY_DOWN: return SSEM_PANEL_KEY_DOWN;
    case KEY_ENTER:
    case '\r': return '\n';
    default: return ch;
    }
}

/* --------------------------------------------------------------- files */

/* Sets the panel's message, escaped (file names and file text are whatever
 * bytes they are, and must not drive the terminal). */
static void say(ssem_panel_t *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(ssem_panel_t *p, const char *fmt, ...)
{
    char raw[2 * SSEM_PANEL_MESSAGE_SIZE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    escape_text(raw, strlen(raw), false, p->message, sizeof p->message);
}

/* l and a: reads the file (read_source: a path, @NAME or a share link) and
 * loads it through the library's one load call, any format or assembly;
 * on any error the machine is as it was and the message says why, with
 * file:line:col for a bad program. */
static void load_file(ssem_panel_t *p, screen_info_t *si, const char *name, bool assemble)
{
    const char *what = assemble ? "assemble" : "load";
    char error[SSEM_PANEL_MESSAGE_SIZE];
    source_t src;
    capture_messages(error, sizeof error); /* read_source's messages, not stderr */
    int rc = read_source(name, &src);
    capture_messages(NULL, 0);
    if (rc != 0) {
        say(p, "%s: %s", what, error);
        return;
    }
    ssem_diag_t err;
    if (ssem_panel_load(p, src.text, src.len, src.name,
                        assemble ? SSEM_FORMAT_ASM : SSEM_FORMAT_AUTO, &err) != 0) {
        say(p, "%s: %s:%d:%d: %s (the machine is unchanged)", what,
            err.file != NULL ? err.file : src.name, err.line, err.col, err.message);
    } else {
        char text[SSEM_PANEL_MESSAGE_SIZE];
        snprintf(text, sizeof text, "%s", p->message);
        say(p, "%s", text); /* the library's message, escaped */
        snprintf(si->file, sizeof si->file, "%s", src.name);
    }
    free(src.text);
}

/* S: the whole state as a state file (`ssem run FILE` resumes it), or the
 * store alone as a snapshot when the name ends in .snp, written through the
 * command's one output path (tools/output.h: a regular file by a temporary
 * file and a rename, so a failed write leaves the old file whole). */
static void save_file(ssem_panel_t *p, const char *name)
{
    const ssem_t *m = ssem_panel_machine(p);
    size_t n = strlen(name);
    bool snp = n >= 4 && value_same_word(name + n - 4, ".snp");
    char text[SSEM_TEXT_MAX];
    size_t len = snp ? ssem_write(SSEM_FORMAT_SNP, m->store, text, sizeof text)
                     : ssem_write_state(m, text, sizeof text);
    if (len == 0) {
        say(p, "save: the text does not fit in %u bytes", (unsigned)sizeof text);
        return;
    }
    char error[SSEM_PANEL_MESSAGE_SIZE];
    capture_messages(error, sizeof error);
    int rc = write_output(name, text, len);
    capture_messages(NULL, 0);
    if (rc != 0)
        say(p, "save: %s", error);
    else if (snp)
        say(p, "saved the store to %s (a snapshot: no registers)", name);
    else
        say(p, "saved the state at step %llu to %s ('ssem run %s' resumes it)",
            (unsigned long long)m->steps, name, name);
}

/* A key while a file name is being typed: Enter acts on it, Esc or Ctrl-G
 * cancels, Backspace and Ctrl-U edit; printable characters are typed. */
static void ask_key(ssem_panel_t *p, screen_info_t *si, int ch)
{
    if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
        ask_t ask = si->ask;
        si->ask = ASK_NONE;
        si->answer[si->answer_len] = '\0';
        if (si->answer_len == 0)
            say(p, "%s: no file name given", ask_prompt(ask));
        else if (ask == ASK_SAVE)
            save_file(p, si->answer);
        else
            load_file(p, si, si->answer, ask == ASK_ASSEMBLE);
    } else if (ch == 27 || ch == 7) {
        say(p, "%s: cancelled", ask_prompt(si->ask));
        si->ask = ASK_NONE;
    } else if (ch == KEY_BACKSPACE || ch == 127 || ch == 8) {
        if (si->answer_len > 0)
            si->answer[--si->answer_len] = '\0';
    } else if (ch == 21) { /* Ctrl-U */
        si->answer_len = 0;
        si->answer[0] = '\0';
    } else if (ch >= 0x20 && ch < 0x7F && si->answer_len + 1 < sizeof si->answer) {
        si->answer[si->answer_len++] = (char)ch;
        si->answer[si->answer_len] = '\0';
    }
}

/* A key of the panel: a file key starts typing a name, any other goes to
 * the library's panel. */
static void panel_key_pressed(ssem_panel_t *p, screen_info_t *si, int ch)
{
    if (si->ask != ASK_NONE) {
        ask_key(p, si, ch);
        return;
    }
    for (size_t i = 0; i < NFILE_KEYS; i++)
        if (file_keys[i].key == ch) {
            si->ask = file_keys[i].ask;
            si->answer_len = 0;
            si->answer[0] = '\0';
            return;
        }
    ssem_panel_do(p, ssem_panel_key_action(panel_key(ch)));
}

/* ---------------------------------------------------------------- main */

static int panel_loop(ssem_panel_t *p, screen_info_t *si)
{
    const double frame = 1.0 / SSEM_PANEL_FRAME_RATE;
    double last = now_seconds(), next_frame = last;
    bool dirty = true;
    while (!p->quit && !got_signal) {
        double t = now_seconds();
        int wait_ms = (int)((next_frame - t) * 1000.0);
        if (wait_ms < 0 || (p->running && p->speed <= 0.0))
            wait_ms = 0;
        timeout(wait_ms);
        int ch = getch();
        while (ch != ERR && !p->quit) {
            if (ch == KEY_RESIZE)
                clear();
            else if (ch == 3) /* Ctrl-C in raw mode, should the terminal give it */
                got_signal = SIGINT;
            else
                panel_key_pressed(p, si, ch);
            dirty = true;
            timeout(0);
            ch = getch();
        }
        if (p->quit || got_signal)
            break;
        t = now_seconds();
        if (p->running) {
            if (p->speed <= 0.0) {
                double t1;
                do { /* flat out: slices of ~1/60 s until the frame is due */
                    double t0 = now_seconds();
                    uint64_t ran = ssem_panel_run_slice(p, ssem_panel_budget(p, 0.0));
                    t1 = now_seconds();
                    ssem_panel_tune(p, ran, t1 - t0);
                } while (p->running && !got_signal && t1 < next_frame);
            } else {
                ssem_panel_run_slice(p, ssem_panel_budget(p, t - last));
            }
            dirty = true;
        }
        last = t;
        t = now_seconds();
        if (dirty || t >= next_frame) {
            draw(p, si);
            dirty = false;
        }
        if (t >= next_frame) {
            next_frame += frame;
            if (next_frame < t)
                next_frame = t + frame;
        }
    }
    return got_signal ? 128 + (int)got_signal : EXIT_HALTED;
}

enum { OPT_FORMAT = 1, OPT_ENGINE, OPT_SPEED, OPT_DIGIT_PERIOD, OPT_LENIENT };
static const cli_option_t panel_options[] = {
    {"--format", 0, CLI_VALUE, OPT_FORMAT},
    {"--engine", 0, CLI_VALUE, OPT_ENGINE},
    {"--speed", 0, CLI_VALUE, OPT_SPEED},
    {"--digit-period", 0, CLI_VALUE, OPT_DIGIT_PERIOD},
    {"--lenient", 0, CLI_FLAG, OPT_LENIENT},
    {NULL, 0, CLI_FLAG, 0},
};

int cmd_panel(int argc, char **argv)
{
    ssem_format_t format = SSEM_FORMAT_AUTO;
    bool lenient = false;
    double speed = 1.0, period = SSEM_DIGIT_PERIOD_US;
    const char *file = NULL, *engine_name = NULL;
    cli_parser_t op;
    cli_parser_init(&op, argc, argv, panel_usage, panel_options);
    for (int id; (id = cli_next(&op)) != CLI_END;) {
        switch (id) {
        case OPT_FORMAT: format = cli_format(&op); break;
        case OPT_ENGINE: engine_name = cli_engine(&op); break;
        case OPT_SPEED: speed = cli_speed(&op); break;
        case OPT_DIGIT_PERIOD: period = cli_digit_period(&op); break;
        case OPT_LENIENT: lenient = true; break;
        case CLI_OPERAND: cli_take_file(&op, &file); break;
        }
    }
    if (file == NULL)
        die_usage("panel: no program file given");
    if (strcmp(file, "-") == 0)
        die_usage("panel: the keyboard is standard input: give the program as a file");
    ssem_engine_t *engine = open_engine(engine_name);

    ssem_t m;
    if (load_machine(file, format, lenient, &m) != 0) {
        ssem_engine_free(engine);
        return EXIT_BAD_INPUT;
    }
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        error_message("panel: needs a terminal (standard input and output)");
        ssem_engine_free(engine);
        return EXIT_USAGE;
    }

    ssem_panel_t *p = ssem_panel_new(&m, engine, 0);
    if (p == NULL) {
        error_message("panel: out of memory");
        ssem_engine_free(engine);
        return EXIT_BAD_INPUT;
    }
    ssem_panel_set_speed(p, speed, period); /* the options' parser bounded both */

    /* Our handlers first: ncurses then leaves SIGINT and SIGTERM to us. */
    catch_signals();
    atexit(restore_terminal);
    setlocale(LC_ALL, "");
    static screen_info_t si; /* large; one panel a process */
    snprintf(si.file, sizeof si.file, "%s", file);
    si.engine = ssem_engine_name(engine);
    const char *codeset = nl_langinfo(CODESET);
    si.unicode = codeset != NULL &&
                 (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (screen == NULL) {
        error_message("panel: cannot use the terminal (TERM=%s)", getenv("TERM") ? getenv("TERM") : "");
        ssem_panel_free(p);
        ssem_engine_free(engine);
        return EXIT_USAGE;
    }
    curses_on = true;
    cbreak(); /* not raw: Ctrl-C stays a signal, which we catch */
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25); /* Esc cancels a file name at once, not after 1 s */
    curs_set(0);
    if (has_colors()) {
        start_color();
        use_default_colors();
        si.colors = true;
        init_pair(PAIR_DOT, COLOR_GREEN, -1);
        init_pair(PAIR_BRIGHT, COLOR_WHITE, -1);
        init_pair(PAIR_LAMP, COLOR_RED, -1);
        init_pair(PAIR_KEY, COLOR_YELLOW, -1);
        init_pair(PAIR_MSG, COLOR_CYAN, -1);
        init_pair(PAIR_RUN, COLOR_GREEN, -1);
    }

    int status = panel_loop(p, &si);

    restore_terminal();
    delscreen(screen);
    ssem_panel_free(p);
    ssem_engine_free(engine);
    return status;
}
#endif /* SSEM_NO_CURSES */
