/*
 * ssem_web.h - the wasm-facing API of the page (web/ssem_web.c): a handle
 * owning an engine and a panel (ssem_panel_*, the library's), with functions that
 * take and return only numbers and C strings, so that JavaScript calls them
 * through emscripten's cwrap. docs/web.md describes each group.
 * 64-bit counts cross as double (exact up to 2^53).
 */
#ifndef SSEM_WEB_H
#define SSEM_WEB_H

#include "ssem.h"

#include <stdint.h>

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#define WEB_API EMSCRIPTEN_KEEPALIVE
#else
#define WEB_API
#endif

typedef struct web web_t;

const char *web_default_engine(void);
const char *web_engine_list(web_t *w);
web_t *web_new(const char *engine);
void web_free(web_t *w);
int web_set_engine(web_t *w, const char *name);
const char *web_engine(const web_t *w);
const char *web_message(const web_t *w);
const char *web_error(const web_t *w);
int web_error_line(const web_t *w);
int web_error_column(const web_t *w);
int web_check(web_t *w, const char *text, int len, const char *name, const char *format);
int web_load(web_t *w, const char *text, int len, const char *name, const char *format);
void web_set_state(web_t *w, const uint32_t *words, uint32_t a, uint32_t ci, uint32_t pi, int lamp, int fault, double steps);
int web_key(web_t *w, int key);
void web_action(web_t *w, int action);
double web_budget(web_t *w, double elapsed);
double web_run_slice(web_t *w, double budget);
void web_tune(web_t *w, double ran, double seconds);
uint32_t web_line(const web_t *w, int line);
uint32_t web_a(const web_t *w);
uint32_t web_ci(const web_t *w);
uint32_t web_pi(const web_t *w);
int web_lamp(const web_t *w);
int web_fault(const web_t *w);
double web_steps(const web_t *w);
double web_first_step(const web_t *w);
double web_time_1948(const web_t *w);
int web_running(const web_t *w);
int web_manual(const web_t *w);
int web_erase(const web_t *w);
int web_tube(const web_t *w);
int web_line_switches(const web_t *w);
int web_func_switches(const web_t *w);
int web_cursor(const web_t *w);
int web_action_line(const web_t *w);
double web_speed(const web_t *w);
double web_digit_period(const web_t *w);
uint32_t web_breakpoints(const web_t *w);
void web_set_line_switches(web_t *w, int line);
void web_set_func_switches(web_t *w, int f);
void web_set_cursor(web_t *w, int digit);
void web_set_speed(web_t *w, double speed);
void web_toggle_breakpoint(web_t *w, int line);
const uint32_t *web_frame(web_t *w);
const char *web_disasm(web_t *w, uint32_t word);
const char *web_translator(web_t *w, int line);
const char *web_save(web_t *w, const char *format);
const char *web_mnemonic(int function);
/* The lockstep checker from the page's machine: "agree STEPS STOP", "differ STEP",
 * or NULL (an unknown engine, or a count out of range). */
const char *web_verify(web_t *w, const char *a, const char *b, double max_steps, double stride);

#endif
