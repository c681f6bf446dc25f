/*
 * ssem_web.c - the thin wasm-facing layer between the page (web/app.js) and
 * the library: a handle that owns an engine and a panel (ssem_panel_*, the
 * library's, as `ssem panel` uses it, with its time-travel history), and small
 * functions that take and return numbers and C strings, so that the page
 * needs nothing from emscripten but ccall/cwrap and the heap.
 *
 * Nothing of the machine is here: loading is ssem_load_machine,
 * running and every switch of the panel is ssem_panel_do / ssem_panel_run_slice,
 * the monitor is ssem_render. This file only adapts calling conventions
 * (JS numbers are doubles, so 64-bit counts cross as double: exact below
 * 2^53 steps, 200 years of flat-out running in the page).
 *
 * Errors never touch the machine: a load that fails leaves the panel as it
 * was and puts "file:line:col: message" in the handle's message.
 */
#include "ssem_web.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define SSEM_WEB_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define SSEM_WEB_PRINTF(f, a)
#endif

/* The engine the page uses unless asked otherwise: the fastest in wasm, as
 * measured by `make bench-web` under Node (docs/performance.md): the
 * translator to WebAssembly, 40x `ref` and more there (`fast`'s threaded code
 * becomes a br_table dispatch in wasm and loses to `ref`). */
#define WEB_DEFAULT_ENGINE "wasm"

/* Snapshots the page's history keeps (the terminal's panel keeps the
 * library's default, 4096). The history runs the engine one snapshot
 * interval at a time, and an interval starts at 256 steps and doubles when
 * the snapshots are full: with 4096 of them the first program (2,097,154
 * steps) takes about 6,000 engine calls, and each call into the `wasm`
 * engine's translated module costs microseconds, more than the steps. 256
 * snapshots make it a few hundred calls; going back one step re-executes at
 * most one interval (8,192 steps after the first program). */
#define WEB_SNAPSHOTS 256u

struct web {
    ssem_engine_t *engine;
    ssem_panel_t *panel;
    ssem_frame_t frame;
    uint32_t out_frame[SSEM_LINES + 3]; /* rows, bright, lamp, tube            */
    int err_line, err_col;              /* of the last failed load, or 0     */
    char message[1200];                 /* the last error (with source line) */
    char out[SSEM_TEXT_MAX];            /* the last text written for saving  */
    char text[128];                     /* small strings returned to JS      */
    /* what the translator did (web_translator): the blocks of its current
     * translation, as its observer was told */
    struct {
        uint32_t count;                  /* 0: no block starts at this line */
        uint32_t words[SSEM_LINES];      /* the Baby instructions in         */
        size_t code_len;                 /* the host code out (wasm bytes)   */
        uint8_t code[1024];
    } block[SSEM_LINES];
    char tx[16384];
};

/* The engine's observer: keeps each translated block, forgets them all when
 * translations are dropped (the wasm engine drops its whole module). */
static void on_event(void *user, const ssem_event_t *ev)
{
    web_t *w = user;
    if (ev->kind == SSEM_EVENT_TRANSLATE && ev->line < SSEM_LINES && ev->count <= SSEM_LINES) {
        w->block[ev->line].count = ev->count;
        if (ev->words != NULL)
            memcpy(w->block[ev->line].words, ev->words, ev->count * sizeof(uint32_t));
        size_t n = ev->code_len < sizeof w->block[0].code ? ev->code_len : sizeof w->block[0].code;
        if (ev->code != NULL)
            memcpy(w->block[ev->line].code, ev->code, n);
        w->block[ev->line].code_len = ev->code != NULL ? n : 0;
    } else if (ev->kind == SSEM_EVENT_INVALIDATE || ev->kind == SSEM_EVENT_FLUSH) {
        for (uint32_t l = 0; l < SSEM_LINES; l++)
            w->block[l].count = 0;
    }
}

WEB_API const char *web_default_engine(void) { return WEB_DEFAULT_ENGINE; }

/* The engines built in, separated by spaces ("ref fast": dbt is x86-64 only). */
WEB_API const char *web_engine_list(web_t *w)
{
    w->text[0] = '\0';
    for (const char *const *n = ssem_engine_names(); *n != NULL; n++) {
        if (w->text[0] != '\0')
            strncat(w->text, " ", sizeof w->text - strlen(w->text) - 1);
        strncat(w->text, *n, sizeof w->text - strlen(w->text) - 1);
    }
    return w->text;
}

WEB_API web_t *web_new(const char *engine)
{
    web_t *w = calloc(1, sizeof *w);
    if (w == NULL)
        return NULL;
    w->engine = ssem_engine_new(engine != NULL && engine[0] ? engine : WEB_DEFAULT_ENGINE);
    ssem_t m;
    memset(&m, 0, sizeof m);
    ssem_reset(&m);
    if (w->engine != NULL)
        w->panel = ssem_panel_new(&m, w->engine, WEB_SNAPSHOTS);
    if (w->panel == NULL) {
        if (w->engine != NULL)
            ssem_engine_free(w->engine);
        free(w);
        return NULL;
    }
    ssem_engine_observe(w->engine, on_event, w);
    return w;
}

WEB_API void web_free(web_t *w)
{
    if (w == NULL)
        return;
    ssem_panel_free(w->panel);
    ssem_engine_free(w->engine);
    free(w);
}

/* Changes the engine, keeping the machine and the panel's switches. The
 * history restarts at the current state. Returns 0, or -1 (unknown name). */
WEB_API int web_set_engine(web_t *w, const char *name)
{
    ssem_engine_t *e = ssem_engine_new(name);
    if (e == NULL)
        return -1;
    ssem_panel_t *old = w->panel;
    ssem_panel_t *p = ssem_panel_new(ssem_panel_machine(old), e, WEB_SNAPSHOTS);
    if (p == NULL) {
        ssem_engine_free(e);
        return -1;
    }
    /* keep the breakpoints and the operator's switches */
    ssem_history_set_breakpoints(p->h, ssem_history_breakpoints(old->h));
    p->tube = old->tube;
    p->line_switches = old->line_switches;
    p->func_switches = old->func_switches;
    p->cursor = old->cursor;
    p->manual = old->manual;
    p->erase = old->erase;
    ssem_panel_set_speed(p, old->speed, old->digit_period_us);
    ssem_panel_free(old);
    w->panel = p;
    ssem_engine_free(w->engine);
    w->engine = e;
    memset(w->block, 0, sizeof w->block);
    ssem_engine_observe(w->engine, on_event, w);
    return 0;
}

WEB_API const char *web_engine(const web_t *w) { return ssem_engine_name(w->engine); }

/* The panel's last message, or the last load error. */
WEB_API const char *web_message(const web_t *w) { return w->panel->message; }
WEB_API const char *web_error(const web_t *w) { return w->message; }
WEB_API int web_error_line(const web_t *w) { return w->err_line; }
WEB_API int web_error_column(const web_t *w) { return w->err_col; }

static void set_error(web_t *w, const ssem_diag_t *d, const char *text, size_t len)
{
    w->err_line = d->line;
    w->err_col = d->col;
    ssem_diag_format(d, text, len, w->message, sizeof w->message);
}

static int parse_format(web_t *w, const char *format, ssem_format_t *f)
{
    *f = SSEM_FORMAT_AUTO;
    if (format == NULL || format[0] == '\0')
        return 0;
    if (ssem_format_parse(format, f) != 0) {
        w->err_line = w->err_col = 0;
        snprintf(w->message, sizeof w->message, "unknown format '%s'\n", format);
        return -1;
    }
    return 0;
}

/* Reads text (any format ssem reads, detected as on the command line, or a
 * state file) into a machine without touching the panel. */
static int read_machine(web_t *w, const char *text, size_t len, const char *name,
                        const char *format, ssem_t *m)
{
    ssem_format_t f;
    w->message[0] = '\0';
    w->err_line = w->err_col = 0;
    if (parse_format(w, format, &f) != 0)
        return -1;
    memset(m, 0, sizeof *m);
    ssem_diag_t err;
    ssem_image_t img;
    if (ssem_load_machine(text, len, name, f, m, &img, &err) != 0) {
        set_error(w, &err, text, len);
        return -1;
    }
    return 0;
}

/* Checks text as the editor's content without loading it: 0, or -1 with the
 * error in web_error / web_error_line / web_error_column. */
WEB_API int web_check(web_t *w, const char *text, int len, const char *name, const char *format)
{
    ssem_t m;
    return read_machine(w, text, len > 0 ? (size_t)len : 0, name, format, &m);
}

/* Loads a program or state file through the panel's load (the same as `ssem
 * panel`'s l key): the panel stops, and its machine becomes the loaded one
 * (the history restarts there). Breakpoints are kept. On error returns -1
 * and the machine is the one the user had. */
WEB_API int web_load(web_t *w, const char *text, int len, const char *name, const char *format)
{
    ssem_format_t f;
    size_t n = len > 0 ? (size_t)len : 0;
    w->message[0] = '\0';
    w->err_line = w->err_col = 0;
    if (parse_format(w, format, &f) != 0)
        return -1;
    ssem_diag_t err;
    if (ssem_panel_load(w->panel, text, n, name, f, &err) != 0) {
        set_error(w, &err, text, n);
        return -1;
    }
    return 0;
}

/* Sets the whole state (a share link): the store from words[0..31], then
 * A, CI, PI, the lamp and the step count. */
WEB_API void web_set_state(web_t *w, const uint32_t *words, uint32_t a, uint32_t ci, uint32_t pi,
                           int lamp, int fault, double steps)
{
    ssem_t m = *ssem_panel_machine(w->panel);
    for (uint32_t line = 0; line < SSEM_LINES; line++)
        ssem_store_set(&m, line, words[line]);
    ssem_set(&m, SSEM_REG_A, a);
    ssem_set(&m, SSEM_REG_CI, ci);
    ssem_set(&m, SSEM_REG_PI, pi);
    ssem_set(&m, SSEM_REG_LAMP, lamp != 0);
    if (lamp != 0 && fault != 0)
        ssem_set(&m, SSEM_REG_FAULT, 1);
    ssem_set_steps(&m, steps > 0 ? (uint64_t)steps : 0);
    ssem_panel_set_machine(w->panel, &m); /* CS to Stop */
}

/* The panel's keys, exactly as `ssem panel` maps them (SSEM_PANEL_KEY_* for the
 * arrows). Returns the action done (0: the key does nothing). */
WEB_API int web_key(web_t *w, int key)
{
    ssem_panel_action_t a = ssem_panel_key_action(key);
    if (a != SSEM_PANEL_QUIT)
        ssem_panel_do(w->panel, a);
    return (int)a;
}

WEB_API void web_action(web_t *w, int action) { ssem_panel_do(w->panel, (ssem_panel_action_t)action); }

/* Running: the page asks for a budget (ssem_panel_budget), runs a slice, and
 * tunes the flat-out slice from the time it took, as the terminal panel. */
WEB_API double web_budget(web_t *w, double elapsed) { return (double)ssem_panel_budget(w->panel, elapsed); }
WEB_API double web_run_slice(web_t *w, double budget)
{
    return (double)ssem_panel_run_slice(w->panel, budget > 0 ? (uint64_t)budget : 0);
}
WEB_API void web_tune(web_t *w, double ran, double seconds)
{
    ssem_panel_tune(w->panel, ran > 0 ? (uint64_t)ran : 0, seconds);
}

/* The machine's state. */
WEB_API uint32_t web_line(const web_t *w, int line)
{
    return ssem_store_get(ssem_panel_machine(w->panel), (uint32_t)line);
}
WEB_API uint32_t web_a(const web_t *w) { return ssem_get(ssem_panel_machine(w->panel), SSEM_REG_A); }
WEB_API uint32_t web_ci(const web_t *w) { return ssem_get(ssem_panel_machine(w->panel), SSEM_REG_CI); }
WEB_API uint32_t web_pi(const web_t *w) { return ssem_get(ssem_panel_machine(w->panel), SSEM_REG_PI); }
WEB_API int web_lamp(const web_t *w) { return (int)ssem_get(ssem_panel_machine(w->panel), SSEM_REG_LAMP); }
WEB_API int web_fault(const web_t *w) { return (int)ssem_get(ssem_panel_machine(w->panel), SSEM_REG_FAULT); }
WEB_API double web_steps(const web_t *w) { return (double)ssem_get_steps(ssem_panel_machine(w->panel)); }
WEB_API double web_first_step(const web_t *w) { return (double)ssem_history_first_step(w->panel->h); }
WEB_API double web_time_1948(const web_t *w)
{
    return ssem_time_1948(ssem_panel_machine(w->panel)->steps, w->panel->digit_period_us);
}

/* The panel's switches. */
WEB_API int web_running(const web_t *w) { return w->panel->running; }
WEB_API int web_manual(const web_t *w) { return w->panel->manual; }
WEB_API int web_erase(const web_t *w) { return w->panel->erase; }
WEB_API int web_tube(const web_t *w) { return (int)w->panel->tube; }
WEB_API int web_line_switches(const web_t *w) { return (int)w->panel->line_switches; }
WEB_API int web_func_switches(const web_t *w) { return (int)w->panel->func_switches; }
WEB_API int web_cursor(const web_t *w) { return (int)w->panel->cursor; }
WEB_API int web_action_line(const web_t *w) { return (int)ssem_panel_action_line(w->panel); }
WEB_API double web_speed(const web_t *w) { return w->panel->speed; }
WEB_API double web_digit_period(const web_t *w) { return w->panel->digit_period_us; }
WEB_API uint32_t web_breakpoints(const web_t *w) { return ssem_history_breakpoints(w->panel->h); }

/* Clicking the page's controls sets a switch directly rather than stepping
 * it as the keys do. The line switches and cursor follow the Baby's: they can
 * be set at Stop only, as ssem_panel_do's line keys. */
WEB_API void web_set_line_switches(web_t *w, int line)
{
    if (!w->panel->running)
        w->panel->line_switches = (uint32_t)line & 31u;
}
WEB_API void web_set_func_switches(web_t *w, int f) { w->panel->func_switches = (uint32_t)f & 7u; }
WEB_API void web_set_cursor(web_t *w, int digit) { w->panel->cursor = (uint32_t)digit & 31u; }
WEB_API void web_set_speed(web_t *w, double speed)
{
    /* the page's menu offers speeds within the bounds; anything else is
     * refused by the library and the speed stays */
    ssem_panel_set_speed(w->panel, speed > 0 ? speed : SSEM_SPEED_MAX, w->panel->digit_period_us);
}
WEB_API void web_toggle_breakpoint(web_t *w, int line)
{
    uint32_t l = (uint32_t)line & 31u;
    uint32_t mask = ssem_history_breakpoints(w->panel->h) ^ (1u << l);
    ssem_history_set_breakpoints(w->panel->h, mask);
    snprintf(w->panel->message, sizeof w->panel->message, "breakpoint on line %u %s",
             (unsigned)l, (mask >> l) & 1u ? "set" : "removed");
}

/* The monitor: ssem_render of the panel's tube and action line. Returns a
 * pointer to 35 words: the 32 rows (bit 0 drawn on the left), the bright
 * rows' mask, the lamp, the tube. */
WEB_API const uint32_t *web_frame(web_t *w)
{
    ssem_render(ssem_panel_machine(w->panel), w->panel->tube, ssem_panel_action_line(w->panel),
                w->panel->running, &w->frame);
    memcpy(w->out_frame, w->frame.row, sizeof w->frame.row);
    w->out_frame[SSEM_LINES] = w->frame.bright;
    w->out_frame[SSEM_LINES + 1] = w->frame.lamp;
    w->out_frame[SSEM_LINES + 2] = (uint32_t)w->frame.tube;
    return w->out_frame;
}

/* A word as assembly ("LDN 24", "NUM -3"). */
WEB_API const char *web_disasm(web_t *w, uint32_t word)
{
    return ssem_disasm_word(word, w->text, sizeof w->text);
}

/* The machine as text to save: "asm", "snp", "listing" (the store), or
 * "state" (the whole machine). NULL for a format it cannot write. The text stays
 * valid until the next call. */
WEB_API const char *web_save(web_t *w, const char *format)
{
    const ssem_t *m = ssem_panel_machine(w->panel);
    ssem_format_t f;
    if (ssem_format_parse(format, &f) != 0)
        return NULL;
    size_t n = f == SSEM_FORMAT_STATE ? ssem_write_state(m, w->out, sizeof w->out)
                                      : ssem_write(f, m->store, w->out, sizeof w->out);
    return n > 0 ? w->out : NULL;
}

/* The lockstep checker (ssem_verify, SPEC section 8) from the machine the page
 * has now: engines a and b side by side for at most max_steps steps, their
 * T-states compared every `stride` steps, bisected to the first differing
 * step. The verdict as text: "agree STEPS STOP" or "differ STEP" (the
 * 1-based step after which the states differ), or NULL for an unknown
 * engine. For the browser tests, and for anyone checking an engine in a
 * browser the tests never ran. The machine itself is not changed. */
WEB_API const char *web_verify(web_t *w, const char *a, const char *b, double max_steps,
                               double stride)
{
    ssem_verify_result_t res;
    if (!(max_steps >= 0 && max_steps <= 1e15) || !(stride >= 1 && stride <= 1e15) ||
        ssem_verify(a, b, ssem_panel_machine(w->panel), (uint64_t)max_steps, (uint64_t)stride,
                    &res) != 0)
        return NULL;
    if (res.differ)
        snprintf(w->text, sizeof w->text, "differ %llu", (unsigned long long)res.first_step);
    else
        snprintf(w->text, sizeof w->text, "agree %llu %s", (unsigned long long)res.steps,
                 ssem_stop_name(res.stop));
    return w->text;
}

/* The mnemonic of a function number (0-7): the function switches' names. */
WEB_API const char *web_mnemonic(int function)
{
    return ssem_op_info((uint32_t)function & SSEM_FUNC_MASK)->mnemonic;
}

/* ------------------------------------------------------------ the translator */

static void txf(web_t *w, size_t *at, const char *fmt, ...) SSEM_WEB_PRINTF(3, 4);
static void txf(web_t *w, size_t *at, const char *fmt, ...)
{
    if (*at >= sizeof w->tx)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(w->tx + *at, sizeof w->tx - *at, fmt, ap);
    va_end(ap);
    if (n > 0)
        *at += (size_t)n < sizeof w->tx - *at ? (size_t)n : sizeof w->tx - *at;
}

static uint32_t read_uleb(const uint8_t *p, size_t len, size_t *i)
{
    uint32_t v = 0;
    for (unsigned shift = 0; *i < len && shift < 35; shift += 7) {
        uint8_t b = p[(*i)++];
        v |= (uint32_t)(b & 0x7Fu) << shift;
        if ((b & 0x80u) == 0u)
            break;
    }
    return v;
}

static int64_t read_sleb(const uint8_t *p, size_t len, size_t *i)
{
    uint64_t v = 0;
    unsigned shift = 0;
    uint8_t b = 0;
    while (*i < len && shift < 64) {
        b = p[(*i)++];
        v |= (uint64_t)(b & 0x7Fu) << shift;
        shift += 7;
        if ((b & 0x80u) == 0u)
            break;
    }
    if (shift < 64 && (b & 0x40u) != 0u)
        v |= ~(uint64_t)0 << shift;
    return (int64_t)v;
}

/* The wasm instructions of a block as text (the subset the translator
 * writes: src/engine_wasm.c), indented by nesting. */
static void wasm_text(web_t *w, size_t *at, const uint8_t *p, size_t len)
{
    static const char *const local_name[] = {"$ctx", "$store", "$a", "$pi",
                                             "$hi", "$line", "$why", "$left"};
    unsigned depth = 1;
    for (size_t i = 0; i < len;) {
        uint8_t op = p[i++];
        const char *name = NULL;
        switch (op) {
        case 0x47: name = "i32.ne"; break;
        case 0x48: name = "i32.lt_s"; break;
        case 0x50: name = "i64.eqz"; break;
        case 0x54: name = "i64.lt_u"; break;
        case 0x6A: name = "i32.add"; break;
        case 0x6B: name = "i32.sub"; break;
        case 0x71: name = "i32.and"; break;
        case 0x7C: name = "i64.add"; break;
        case 0x7D: name = "i64.sub"; break;
        case 0x0F: name = "return"; break;
        default: break;
        }
        if (op == 0x0B && depth > 0)
            depth--;
        txf(w, at, "  %*s", (int)(2u * depth), "");
        if (name != NULL) {
            txf(w, at, "%s\n", name);
        } else if (op == 0x02 || op == 0x03 || op == 0x04) {
            i++; /* the block type: empty */
            txf(w, at, "%s\n", op == 0x02 ? "block" : op == 0x03 ? "loop" : "if");
            depth++;
        } else if (op == 0x0B) {
            txf(w, at, "end\n");
        } else if (op == 0x0C) {
            txf(w, at, "br %u\n", (unsigned)read_uleb(p, len, &i));
        } else if (op == 0x20 || op == 0x21) {
            uint32_t l = read_uleb(p, len, &i);
            txf(w, at, "local.%s %s\n", op == 0x20 ? "get" : "set", l < 8 ? local_name[l] : "?");
        } else if (op == 0x28 || op == 0x29 || op == 0x36 || op == 0x37) {
            (void)read_uleb(p, len, &i); /* alignment */
            uint32_t off = read_uleb(p, len, &i);
            txf(w, at, "%s offset=%u\n",
                op == 0x28 ? "i32.load" : op == 0x29 ? "i64.load" : op == 0x36 ? "i32.store" : "i64.store",
                (unsigned)off);
        } else if (op == 0x41 || op == 0x42) {
            txf(w, at, "%s %lld\n", op == 0x41 ? "i32.const" : "i64.const",
                (long long)read_sleb(p, len, &i));
        } else {
            txf(w, at, "(0x%02x: not decoded)\n", op);
            return;
        }
    }
}

/* What the translator did, as text for the page's "Translator" panel: its
 * counters, the blocks of its current translation and, for the block that
 * starts at `line` (or the first one), the Baby instructions in and the
 * host instructions out (wasm, as text). Engines that translate nothing
 * say so. */
WEB_API const char *web_translator(web_t *w, int line)
{
    size_t at = 0;
    ssem_engine_stats_t st;
    ssem_engine_stats(w->engine, &st);
    txf(w, &at, "engine %s: %llu blocks translated (%llu Baby instructions in, %llu bytes out), "
        "%llu chains, %llu invalidations, %llu fallbacks to the reference step (%llu steps)\n",
        ssem_engine_name(w->engine), (unsigned long long)st.blocks,
        (unsigned long long)st.instructions, (unsigned long long)st.host_bytes,
        (unsigned long long)st.chains, (unsigned long long)(st.invalidations + st.flushes),
        (unsigned long long)st.fallbacks, (unsigned long long)st.fallback_steps);
    int chosen = -1;
    txf(w, &at, "blocks now:");
    for (int l = 0; l < (int)SSEM_LINES; l++) {
        if (w->block[l].count == 0u)
            continue;
        txf(w, &at, " %d-%u", l, (unsigned)(l + (int)w->block[l].count - 1));
        if (chosen < 0 || l == line)
            chosen = l;
    }
    if (chosen < 0) {
        txf(w, &at, " none (%s)\n", st.blocks == 0u ? "this engine translates nothing, or has not run"
                                                    : "dropped: the next run translates again");
        return w->tx;
    }
    txf(w, &at, "\n\nblock at line %d: the Baby instructions in\n", chosen);
    for (uint32_t i = 0; i < w->block[chosen].count; i++) {
        char d[64];
        txf(w, &at, "  %2u  %s\n", (unsigned)chosen + i,
            ssem_disasm_word(w->block[chosen].words[i], d, sizeof d));
    }
    txf(w, &at, "\nthe host instructions out (%zu bytes of wasm%s)\n", w->block[chosen].code_len,
        w->block[chosen].code_len == sizeof w->block[0].code ? ", the first shown" : "");
    if (strcmp(ssem_engine_name(w->engine), "wasm") == 0)
        wasm_text(w, &at, w->block[chosen].code, w->block[chosen].code_len);
    else
        txf(w, &at, "  (not wasm: not decoded)\n");
    return w->tx;
}
