/*
 * engine_wasm.c - the `wasm` engine: a binary translator from Baby code to
 * WebAssembly, for the library built with emscripten (the page, Node). In a
 * wasm host there is no writable executable memory: instead the translator
 * writes the bytes of a small WebAssembly module, and the host compiles and
 * instantiates it (WebAssembly.Module / WebAssembly.Instance, through the
 * two JavaScript functions at the end of this file). The module imports the
 * library's own linear memory, so the code it runs works on the ssem_t in
 * place, as `dbt` does on x86-64.
 *
 * Why this shape. Wasm has no indirect jump and no goto: control flow is
 * structured. So the translation of a store is one function, a loop around
 * a br_table on the line to run, with one case per line whose code falls
 * through into the next line's (the Baby's line is the host's program
 * counter, as in `fast` and `dbt`). A straight run of lines - a block - runs
 * with no dispatch at all; a JMP/JRP, whose operand word is baked in, sets
 * the constant target line and goes round the loop once (the chaining); a
 * CMP skip too. V8 compiles all of it to machine code, keeping A, PI, CI's
 * high bits and the budget in registers.
 *
 * What is baked in: the words of the lines reachable from the lines C asked
 * to start at (the roots), following fall-through, CMP skips and the baked
 * jump targets, and the operand words of their JMP/JRP. `baked` marks them,
 * `shadow` holds their words. Lines not reachable exit to C, which adds the
 * line as a root and translates again.
 *
 * Self-modifying code: a translated STO into a baked line compares the new
 * word with the baked one (a constant): the same word stays in wasm; a new
 * one stores and leaves to C, which drops the module (it was made from the
 * old word) and translates again when next needed. A line changed four times
 * is volatile: it is not translated (its case leaves to C, which runs it with
 * ssem_step), nor a JMP/JRP whose operand it is. On entry the baked lines are
 * compared with the store, so the caller may write m->store between calls;
 * a change of fault mode translates again too.
 *
 * The budget is exact: each line's code counts one step and leaves when none
 * is left. Faults (strict mode) are tested only where CI's high part changes
 * (JMP/JRP, a CMP skip past line 31, running off line 31); the exit leaves
 * the next fetch's CI and ssem_step reports the fault exactly as the
 * reference does. Every exit writes A, PI, the budget left and the next
 * fetch's CI into the context; C sets CI = next - 1 (the T-state, exact).
 */
#include "internal.h" /* outside the #ifdef: make tracks them in every build */
#include "xlat.h"

#ifdef __EMSCRIPTEN__

#include <emscripten/emscripten.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WASM_VOLATILE_AFTER 4u
#define WASM_CODE_MAX 16384u /* a module's bytes: 32 lines need far fewer */

/* What C and the generated code share: its address is the function's one
 * argument; the field offsets are baked into its loads and stores. The
 * registers, and the reasons to leave (XLAT_EXIT_*), are those of
 * src/xlat.h, as in `dbt`. */
typedef struct wasm_ctx {
    xlat_regs_t regs; /* first: its 64-bit budget 8-aligned   */
    uint32_t store;   /* address of m->store[0]               */
    uint32_t line;    /* in: the line to run first            */
} wasm_ctx_t;

typedef struct wasm_engine {
    wasm_ctx_t ctx;
    uint64_t ctx_left_before;
    int fn;        /* the instantiated function's slot in JS, 0: none */
    bool broken;   /* the host refused to compile: run with ssem_run */
    bool lenient;  /* the mode the translation was made for */
    uint32_t roots;         /* lines C asked to start at             */
    uint32_t code_lines;    /* lines where a block starts            */
    uint32_t block_len[SSEM_LINES];
    uint32_t block_succ[SSEM_LINES];   /* lines each block jumps, skips or falls to */
    size_t block_at[SSEM_LINES], block_end[SSEM_LINES]; /* its bytes in function "r" */
    uint32_t baked;         /* lines whose words are baked           */
    uint32_t shadow[SSEM_LINES];
    uint8_t changes[SSEM_LINES];
    uint32_t volatile_mask;
    ssem_observer_t *obs;
    size_t len; /* the module being written */
    bool overflow;
    uint8_t code[3u * WASM_CODE_MAX];
    uint8_t body[WASM_CODE_MAX];       /* function "r"                 */
    uint8_t body_steps[WASM_CODE_MAX]; /* function "t"                 */
    uint8_t body2[2u * WASM_CODE_MAX]; /* the code section             */
} wasm_engine_t;

/* For tests/unit/test_wasm_verify.c the Makefile compiles this file a
 * second time with SSEM_WASM_MUTANT (and its ops renamed to the test's extra
 * engine, see src/engine.c): a deliberately broken translation (function 5,
 * the second SUB, adds), registered as engine "wasm-mutant", that the
 * lockstep checker must catch at the exact step. */
#ifdef SSEM_WASM_MUTANT
#define WASM_ENGINE_NAME "wasm-mutant"
#define WASM_SUB5 OP_I32_ADD
#else
#define WASM_ENGINE_NAME "wasm"
#define WASM_SUB5 OP_I32_SUB
#endif

/* ------------------------------------------------------------ the host */

#ifdef SSEM_WASM_MUTANT /* the library's own copy defines these */
int ssem_wasm_instantiate(const uint8_t *bytes, uint32_t len);
int ssem_wasm_call(int slot, int steps, const void *ctx);
void ssem_wasm_release(int slot);
#else
/* Compiles and instantiates a module; returns its function's slot, or 0. */
EM_JS(int, ssem_wasm_instantiate, (const uint8_t *bytes, uint32_t len), {
    try {
        var mod = new WebAssembly.Module(HEAPU8.slice(bytes, bytes + len));
        var inst = new WebAssembly.Instance(mod, {e : {m : wasmMemory}});
        var t = Module.ssemWasmFns || (Module.ssemWasmFns = [null]);
        var i = t.indexOf(null, 1);
        if (i < 0) {
            i = t.length;
            t.push(null);
        }
        t[i] = inst.exports;
        return i;
    } catch (e) {
        return 0;
    }
});
/* Runs the module's function "r" (blocks) or, with steps, "t" (one step
 * at a time); returns why it stopped. */
EM_JS(int, ssem_wasm_call, (int slot, int steps, const void *ctx), {
    var f = Module.ssemWasmFns[slot];
    return steps ? f.t(ctx) : f.r(ctx);
});
EM_JS(void, ssem_wasm_release, (int slot), {
    if (Module.ssemWasmFns && slot > 0)
        Module.ssemWasmFns[slot] = null;
});
#endif

/* ------------------------------------------------------------ wasm bytes */

/* opcodes (WebAssembly core spec, binary format) */
enum {
    OP_BLOCK = 0x02, OP_LOOP = 0x03, OP_IF = 0x04, OP_END = 0x0B, OP_BR = 0x0C,
    OP_BR_TABLE = 0x0E, OP_RETURN = 0x0F, OP_LOCAL_GET = 0x20, OP_LOCAL_SET = 0x21,
    OP_I32_LOAD = 0x28, OP_I64_LOAD = 0x29, OP_I32_STORE = 0x36, OP_I64_STORE = 0x37,
    OP_I32_CONST = 0x41, OP_I64_CONST = 0x42, OP_I32_NE = 0x47, OP_I32_LT_S = 0x48,
    OP_I64_EQZ = 0x50, OP_I64_LT_U = 0x54, OP_I32_ADD = 0x6A, OP_I32_SUB = 0x6B, OP_I32_AND = 0x71,
    OP_I64_ADD = 0x7C, OP_I64_SUB = 0x7D
};
#define BLOCK_EMPTY 0x40u
#define TYPE_I32 0x7Fu
#define TYPE_I64 0x7Eu

/* locals of the generated function */
enum { L_CTX = 0, L_STORE, L_A, L_PI, L_HI, L_LINE, L_REASON, L_LEFT };

typedef struct buf {
    uint8_t *p;
    size_t len, cap;
    bool overflow;
} buf_t;

static void byte(buf_t *b, unsigned v)
{
    if (b->len < b->cap)
        b->p[b->len++] = (uint8_t)(v & 0xFFu);
    else
        b->overflow = true;
}

static void uleb(buf_t *b, uint32_t v)
{
    do {
        unsigned x = v & 0x7Fu;
        v >>= 7;
        byte(b, x | (v != 0u ? 0x80u : 0u));
    } while (v != 0u);
}

/* a signed LEB128 of a 32-bit value read as signed (i32.const) */
static void sleb(buf_t *b, uint32_t v)
{
    int64_t x = (int32_t)v;
    for (;;) {
        unsigned low = (unsigned)((uint64_t)x & 0x7Fu);
        x = x < 0 ? ~(~x >> 7) : x >> 7; /* arithmetic shift, spelt out */
        bool done = (x == 0 && (low & 0x40u) == 0u) || (x == -1 && (low & 0x40u) != 0u);
        byte(b, low | (done ? 0u : 0x80u));
        if (done)
            return;
    }
}

static void op(buf_t *b, unsigned o) { byte(b, o); }
static void op_local(buf_t *b, unsigned o, unsigned local)
{
    byte(b, o);
    uleb(b, local);
}
static void i32_const(buf_t *b, uint32_t v)
{
    byte(b, OP_I32_CONST);
    sleb(b, v);
}
static void mem_op(buf_t *b, unsigned o, unsigned align, uint32_t offset)
{
    byte(b, o);
    uleb(b, align);
    uleb(b, offset);
}
static void br(buf_t *b, uint32_t depth)
{
    byte(b, OP_BR);
    uleb(b, depth);
}

/* ------------------------------------------------------------ translation */

static bool is_jump(uint32_t f) { return f == SSEM_F0 || f == SSEM_F1; }

static bool translatable(const wasm_engine_t *w, const uint32_t *store, uint32_t line)
{
    uint32_t word = store[line];
    if ((w->volatile_mask >> line) & 1u)
        return false;
    return !is_jump(ssem_word_function(word)) ||
           ((w->volatile_mask >> ssem_word_line(word)) & 1u) == 0u;
}

/* The block starting at line s (a translatable line): its length. It runs
 * over consecutive lines until a JMP, JRP or STP, line 31, or a line that
 * must not be translated. */
static uint32_t block_length(const wasm_engine_t *w, const uint32_t *store, uint32_t s)
{
    uint32_t count = 0;
    for (uint32_t line = s; line < SSEM_LINES; line++) {
        if (count > 0u && !translatable(w, store, line))
            break;
        uint32_t f = ssem_word_function(store[line]);
        count++;
        if (is_jump(f) || f == SSEM_F7)
            break;
    }
    return count;
}

/* A CMP at block position i skips inside the block when the instruction
 * skipped is a plain one (LDN, STO, SUB): it is wrapped in a wasm block the
 * skip breaks out of. Any other skip leaves the block for line + 2. */
static bool skip_inside(const uint32_t *store, uint32_t s, uint32_t i, uint32_t count)
{
    uint32_t f = ssem_word_function(store[s + i + 1u < SSEM_LINES ? s + i + 1u : 0u]);
    return i + 2u < count && f >= SSEM_F2 && f <= SSEM_F5;
}

/* The blocks: from the roots, every line a block jumps, skips or falls to
 * starts one too (the lines' words are baked, so the targets are known).
 * Fills len[] (0: no block there) and returns the lines baked. */
static uint32_t find_blocks(const wasm_engine_t *w, const uint32_t *store, uint32_t len[SSEM_LINES],
                            uint32_t succ[SSEM_LINES])
{
    uint32_t seen = 0, todo = w->roots, baked = 0;
    memset(len, 0, SSEM_LINES * sizeof len[0]);
    memset(succ, 0, SSEM_LINES * sizeof succ[0]);
    while (todo != 0u) {
        uint32_t s = (uint32_t)__builtin_ctz(todo); /* the lowest line to visit */
        todo &= todo - 1u;
        if ((seen >> s) & 1u)
            continue;
        seen |= 1u << s;
        if (!translatable(w, store, s))
            continue; /* its case leaves to C */
        uint32_t count = block_length(w, store, s), next = 0, end = s + count - 1u;
        len[s] = count;
        for (uint32_t i = 0; i < count; i++) {
            uint32_t line = s + i, word = store[line], n = ssem_word_line(word);
            baked |= 1u << line;
            switch (ssem_word_function(word)) {
            case 0:
                baked |= 1u << n;
                next |= 1u << ((store[n] + 1u) & SSEM_LINE_MASK);
                break;
            case 1:
                baked |= 1u << n;
                next |= 1u << ((line + store[n] + 1u) & SSEM_LINE_MASK);
                break;
            case 6:
                if (!skip_inside(store, s, i, count))
                    next |= 1u << ((line + 2u) & SSEM_LINE_MASK);
                break;
            default:
                break;
            }
        }
        uint32_t f = ssem_word_function(store[end]);
        if (!is_jump(f) && f != SSEM_F7) /* falls to the next line */
            next |= 1u << ((end + 1u) & SSEM_LINE_MASK);
        succ[s] = next;
        todo |= next & ~seen;
    }
    return baked;
}

/* Inside the code of the block whose case is line L, the dispatch loop is at
 * depth 32 - L + extra (the cases of lines L+1..31, the exit block, the
 * loop), the exit block one less. `extra` counts the block's own loop and the
 * ifs and blocks opened inside it. */
static uint32_t depth_exit(uint32_t line, uint32_t extra) { return 31u - line + extra; }
static uint32_t depth_loop(uint32_t line, uint32_t extra) { return 32u - line + extra; }

typedef struct gen {
    buf_t *b;
    uint32_t start, count; /* the block                 */
    uint32_t extra;        /* nesting inside its case    */
    bool strict;
    bool own_loop; /* the block has its own loop (not in the step function) */
} gen_t;

static void set_local(buf_t *b, unsigned local, uint32_t v)
{
    i32_const(b, v);
    op_local(b, OP_LOCAL_SET, local);
}

/* leave: the next fetch is at CI = hi + next_line (next_line may be 32) */
static void emit_leave(gen_t *g, uint32_t next_line, xlat_exit_t why)
{
    set_local(g->b, L_LINE, next_line);
    set_local(g->b, L_REASON, (uint32_t)why);
    br(g->b, depth_exit(g->start, g->extra));
}

/* give back `unused` pre-counted steps */
static void emit_give_back(gen_t *g, uint32_t unused)
{
    if (unused == 0u)
        return;
    op_local(g->b, OP_LOCAL_GET, L_LEFT);
    byte(g->b, OP_I64_CONST);
    sleb(g->b, unused);
    op(g->b, OP_I64_ADD);
    op_local(g->b, OP_LOCAL_SET, L_LEFT);
}

/* go on at line `to` (0..31): to the top of this block's own loop when it is
 * the block itself, else round the dispatch loop (the chained jump) */
static void emit_goto(gen_t *g, uint32_t to)
{
    if (to == g->start && g->own_loop) {
        br(g->b, g->extra - 1u); /* the block's loop is the outermost of its nesting */
        return;
    }
    set_local(g->b, L_LINE, to);
    br(g->b, depth_loop(g->start, g->extra));
}

static void open_if(gen_t *g)
{
    byte(g->b, OP_IF);
    byte(g->b, BLOCK_EMPTY);
    g->extra++;
}

static void close(gen_t *g)
{
    op(g->b, OP_END);
    g->extra--;
}

/* hi += delta; when strict and a fault bit is now set, leave for C at `to` */
static void emit_hi_add(gen_t *g, uint32_t delta, uint32_t to)
{
    buf_t *b = g->b;
    op_local(b, OP_LOCAL_GET, L_HI);
    i32_const(b, delta);
    op(b, OP_I32_ADD);
    op_local(b, OP_LOCAL_SET, L_HI);
    if (g->strict) {
        op_local(b, OP_LOCAL_GET, L_HI);
        i32_const(b, SSEM_CI_FAULT_BITS);
        op(b, OP_I32_AND);
        open_if(g);
        emit_leave(g, to, XLAT_EXIT_NEXT);
        close(g);
    }
}

/* Leaves the block for the fetch at CI = hi + x (x <= 33). */
static void emit_transfer(gen_t *g, uint32_t x)
{
    if (x >= SSEM_LINES) { /* past line 31: CI's high part grows */
        emit_hi_add(g, SSEM_LINES, x - SSEM_LINES);
        x -= SSEM_LINES;
    }
    emit_goto(g, x);
}

/* One plain instruction (LDN, STO, SUB) at block position i. */
static void emit_plain(wasm_engine_t *w, gen_t *g, const uint32_t *store, uint32_t i)
{
    buf_t *b = g->b;
    uint32_t line = g->start + i, word = store[line], n = ssem_word_line(word);
    switch (ssem_word_function(word)) {
    case 2: /* LDN: A <- -S[n] */
        i32_const(b, 0);
        op_local(b, OP_LOCAL_GET, L_STORE);
        mem_op(b, OP_I32_LOAD, 2, 4u * n);
        op(b, OP_I32_SUB);
        op_local(b, OP_LOCAL_SET, L_A);
        break;
    case 3: /* STO: S[n] <- A; a new word in a baked line leaves to C */
        op_local(b, OP_LOCAL_GET, L_STORE);
        op_local(b, OP_LOCAL_GET, L_A);
        mem_op(b, OP_I32_STORE, 2, 4u * n);
        if ((w->baked >> n) & 1u) {
            op_local(b, OP_LOCAL_GET, L_A);
            i32_const(b, w->shadow[n]);
            op(b, OP_I32_NE);
            open_if(g);
            emit_give_back(g, g->count - i - 1u);
            set_local(b, L_PI, word);
            emit_leave(g, line + 1u, XLAT_EXIT_STORE);
            close(g);
        }
        break;
    default: /* SUB (functions 4 and 5): A <- A - S[n] */
        op_local(b, OP_LOCAL_GET, L_A);
        op_local(b, OP_LOCAL_GET, L_STORE);
        mem_op(b, OP_I32_LOAD, 2, 4u * n);
        op(b, ssem_word_function(word) == SSEM_F5 ? WASM_SUB5 : OP_I32_SUB);
        op_local(b, OP_LOCAL_SET, L_A);
        break;
    }
}

/* The code of the block at `start` (count lines), in its case. */
static void emit_block(wasm_engine_t *w, buf_t *b, const uint32_t *store, uint32_t start,
                       uint32_t count, bool strict)
{
    gen_t g = {b, start, count, 0, strict, true};
    byte(b, OP_LOOP); /* the block's own loop: a jump back to its start */
    byte(b, BLOCK_EMPTY);
    g.extra = 1;
    /* the budget: enter only if all `count` steps are allowed, and count
     * them at once; early exits give back what they did not run */
    op_local(b, OP_LOCAL_GET, L_LEFT);
    byte(b, OP_I64_CONST);
    sleb(b, count);
    op(b, OP_I64_LT_U);
    open_if(&g);
    emit_leave(&g, start, XLAT_EXIT_NEXT);
    close(&g);
    op_local(b, OP_LOCAL_GET, L_LEFT);
    byte(b, OP_I64_CONST);
    sleb(b, count);
    op(b, OP_I64_SUB);
    op_local(b, OP_LOCAL_SET, L_LEFT);

    bool ended = false;
    for (uint32_t i = 0; i < count && !ended; i++) {
        uint32_t line = start + i, word = store[line], n = ssem_word_line(word);
        switch (ssem_word_function(word)) {
        case 0: { /* JMP: CI <- S[n], baked */
            uint32_t next = store[n] + 1u;
            set_local(b, L_PI, word);
            set_local(b, L_HI, next & ~SSEM_LINE_MASK);
            if (strict && (next & SSEM_CI_FAULT_BITS) != 0u)
                emit_leave(&g, next & SSEM_LINE_MASK, XLAT_EXIT_NEXT); /* C faults */
            else
                emit_goto(&g, next & SSEM_LINE_MASK);
            ended = true;
            break;
        }
        case 1: { /* JRP: CI <- CI + S[n], baked */
            uint32_t t = line + store[n] + 1u, delta = t & ~SSEM_LINE_MASK;
            set_local(b, L_PI, word);
            if (delta != 0u)
                emit_hi_add(&g, delta, t & SSEM_LINE_MASK);
            emit_goto(&g, t & SSEM_LINE_MASK);
            ended = true;
            break;
        }
        case 6: /* CMP: if A < 0, skip. */
            if (skip_inside(store, start, i, count)) {
                /* block { if (A < 0) { give back 1; break } next instruction } */
                byte(b, OP_BLOCK);
                byte(b, BLOCK_EMPTY);
                g.extra++;
                op_local(b, OP_LOCAL_GET, L_A);
                i32_const(b, 0);
                op(b, OP_I32_LT_S);
                open_if(&g);
                emit_give_back(&g, 1);
                br(b, 1);
                close(&g);
                emit_plain(w, &g, store, i + 1u);
                close(&g);
                i++;
            } else {
                op_local(b, OP_LOCAL_GET, L_A);
                i32_const(b, 0);
                op(b, OP_I32_LT_S);
                open_if(&g);
                emit_give_back(&g, count - i - 1u);
                set_local(b, L_PI, word);
                emit_transfer(&g, line + 2u);
                close(&g);
            }
            break;
        case 7: /* STP: lamp; CI stays on this line */
            set_local(b, L_PI, word);
            emit_leave(&g, line + 1u, XLAT_EXIT_HALT);
            ended = true;
            break;
        default:
            emit_plain(w, &g, store, i);
            break;
        }
    }
    if (!ended) { /* falls to the line after the block */
        set_local(b, L_PI, store[start + count - 1u]);
        emit_transfer(&g, start + count);
    }
    close(&g); /* the block's loop (never falls out) */
}

static void section(buf_t *out, unsigned id, const uint8_t *p, size_t len)
{
    byte(out, id);
    uleb(out, (uint32_t)len);
    for (size_t i = 0; i < len; i++)
        byte(out, p[i]);
}

/* The step function's case for line L, a line of some block: one
 * instruction, counted alone, then on to line L + 1's case. It runs the
 * tail of a budget too short for a whole block, so that translated code runs
 * for any budget (the checker's bisection relies on that). */
static void emit_step(wasm_engine_t *w, buf_t *b, const uint32_t *store, uint32_t line,
                      bool strict)
{
    gen_t g = {b, line, 1, 0, strict, false};
    uint32_t word = store[line], n = ssem_word_line(word);
    op_local(b, OP_LOCAL_GET, L_LEFT);
    op(b, OP_I64_EQZ);
    open_if(&g);
    emit_leave(&g, line, XLAT_EXIT_NEXT);
    close(&g);
    op_local(b, OP_LOCAL_GET, L_LEFT);
    byte(b, OP_I64_CONST);
    sleb(b, 1);
    op(b, OP_I64_SUB);
    op_local(b, OP_LOCAL_SET, L_LEFT);
    set_local(b, L_PI, word);
    switch (ssem_word_function(word)) {
    case 0: { /* JMP */
        uint32_t next = store[n] + 1u;
        set_local(b, L_HI, next & ~SSEM_LINE_MASK);
        if (strict && (next & SSEM_CI_FAULT_BITS) != 0u)
            emit_leave(&g, next & SSEM_LINE_MASK, XLAT_EXIT_NEXT);
        else
            emit_goto(&g, next & SSEM_LINE_MASK);
        return;
    }
    case 1: { /* JRP */
        uint32_t t = line + store[n] + 1u, delta = t & ~SSEM_LINE_MASK;
        if (delta != 0u)
            emit_hi_add(&g, delta, t & SSEM_LINE_MASK);
        emit_goto(&g, t & SSEM_LINE_MASK);
        return;
    }
    case 6: /* CMP */
        op_local(b, OP_LOCAL_GET, L_A);
        i32_const(b, 0);
        op(b, OP_I32_LT_S);
        open_if(&g);
        emit_transfer(&g, line + 2u);
        close(&g);
        break;
    case 7: /* STP */
        emit_leave(&g, line + 1u, XLAT_EXIT_HALT);
        return;
    default:
        emit_plain(w, &g, store, 0);
        break;
    }
    if (line == 31u) /* ran off line 31 */
        emit_transfer(&g, SSEM_LINES);
    /* else: on into line + 1's case */
}

/* A field of the context moved to or from a local, by a load or a store of
 * its width (align: log2 of its bytes). */
typedef struct ctx_move {
    unsigned local, op, align;
    uint32_t offset;
} ctx_move_t;

/* One function: load the context, dispatch on the line, the 32 cases
 * (blocks, or single steps), the exit that writes the context back. */
static bool emit_function(wasm_engine_t *w, buf_t *f, const uint32_t *store, bool strict,
                          bool steps, uint32_t code)
{
    uleb(f, 2); /* local declarations: 6 x i32, 1 x i64 */
    uleb(f, 6);
    byte(f, TYPE_I32);
    uleb(f, 1);
    byte(f, TYPE_I64);
    static const ctx_move_t loads[] = {
        {L_STORE, OP_I32_LOAD, 2, offsetof(wasm_ctx_t, store)},
        {L_A, OP_I32_LOAD, 2, offsetof(wasm_ctx_t, regs.a)},
        {L_PI, OP_I32_LOAD, 2, offsetof(wasm_ctx_t, regs.pi)},
        {L_HI, OP_I32_LOAD, 2, offsetof(wasm_ctx_t, regs.hi)},
        {L_LINE, OP_I32_LOAD, 2, offsetof(wasm_ctx_t, line)},
        {L_LEFT, OP_I64_LOAD, 3, offsetof(wasm_ctx_t, regs.left)},
    };
    for (size_t i = 0; i < sizeof loads / sizeof loads[0]; i++) {
        op_local(f, OP_LOCAL_GET, L_CTX);
        mem_op(f, loads[i].op, loads[i].align, loads[i].offset);
        op_local(f, OP_LOCAL_SET, loads[i].local);
    }
    byte(f, OP_LOOP);
    byte(f, BLOCK_EMPTY);
    byte(f, OP_BLOCK); /* the exit */
    byte(f, BLOCK_EMPTY);
    for (uint32_t l = 0; l < SSEM_LINES; l++) {
        byte(f, OP_BLOCK);
        byte(f, BLOCK_EMPTY);
    }
    op_local(f, OP_LOCAL_GET, L_LINE);
    byte(f, OP_BR_TABLE);
    uleb(f, SSEM_LINES);
    for (uint32_t l = 0; l < SSEM_LINES; l++)
        uleb(f, l);
    uleb(f, SSEM_LINES); /* default: the exit (never: line is 0..31) */
    for (uint32_t l = 0; l < SSEM_LINES; l++) {
        op(f, OP_END); /* line l's case starts here */
        if (!steps && w->block_len[l] != 0u) {
            w->block_at[l] = f->len;
            emit_block(w, f, store, l, w->block_len[l], strict);
            w->block_end[l] = f->len;
        } else if (steps && ((code >> l) & 1u)) {
            emit_step(w, f, store, l, strict);
        } else { /* no code here: C steps or translates it */
            gen_t g = {f, l, 0, 0, strict, false};
            emit_leave(&g, l, XLAT_EXIT_NEXT);
        }
    }
    op(f, OP_END); /* the exit block: write the state back, return why */
    static const ctx_move_t stores[] = {
        {L_A, OP_I32_STORE, 2, offsetof(wasm_ctx_t, regs.a)},
        {L_PI, OP_I32_STORE, 2, offsetof(wasm_ctx_t, regs.pi)},
        {L_REASON, OP_I32_STORE, 2, offsetof(wasm_ctx_t, regs.reason)},
        {L_LEFT, OP_I64_STORE, 3, offsetof(wasm_ctx_t, regs.left)},
    };
    for (size_t i = 0; i < sizeof stores / sizeof stores[0]; i++) {
        op_local(f, OP_LOCAL_GET, L_CTX);
        op_local(f, OP_LOCAL_GET, stores[i].local);
        mem_op(f, stores[i].op, stores[i].align, stores[i].offset);
    }
    op_local(f, OP_LOCAL_GET, L_CTX); /* next_ci = hi + line */
    op_local(f, OP_LOCAL_GET, L_HI);
    op_local(f, OP_LOCAL_GET, L_LINE);
    op(f, OP_I32_ADD);
    mem_op(f, OP_I32_STORE, 2, offsetof(wasm_ctx_t, regs.next_ci));
    op_local(f, OP_LOCAL_GET, L_REASON);
    op(f, OP_RETURN);
    op(f, OP_END); /* the loop (never falls out) */
    i32_const(f, 0);
    op(f, OP_END); /* the function */
    return !f->overflow;
}

static void code_body(buf_t *m, const buf_t *f)
{
    uint8_t size[5];
    buf_t s = {size, 0, sizeof size, false};
    uleb(&s, (uint32_t)f->len);
    for (size_t i = 0; i < s.len; i++)
        byte(m, size[i]);
    for (size_t i = 0; i < f->len; i++)
        byte(m, f->p[i]);
}

/* Writes the module for the current roots into w->code; returns its length,
 * 0 on overflow. */
static size_t emit_module(wasm_engine_t *w, const uint32_t *store, bool strict)
{
    uint32_t len[SSEM_LINES];
    w->baked = find_blocks(w, store, len, w->block_succ);
    w->code_lines = 0;
    for (uint32_t l = 0; l < SSEM_LINES; l++) {
        w->block_len[l] = len[l];
        w->code_lines |= (len[l] != 0u ? 1u : 0u) << l;
        w->shadow[l] = store[l];
    }

    /* "r" runs blocks; "t" runs the lines of the same blocks one step at a
     * time, for the tail of a budget */
    uint32_t code = 0;
    for (uint32_t l = 0; l < SSEM_LINES; l++)
        if (w->block_len[l] != 0u)
            code |= (uint32_t)(((1ull << w->block_len[l]) - 1u) << l);
    buf_t f = {w->body, 0, sizeof w->body, false};
    buf_t t = {w->body_steps, 0, sizeof w->body_steps, false};
    if (!emit_function(w, &f, store, strict, false, code) ||
        !emit_function(w, &t, store, strict, true, code))
        return 0;

    buf_t m = {w->code, 0, sizeof w->code, false};
    static const uint8_t header[] = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};
    for (size_t i = 0; i < sizeof header; i++)
        byte(&m, header[i]);
    static const uint8_t types[] = {1, 0x60, 1, TYPE_I32, 1, TYPE_I32}; /* (i32) -> i32 */
    section(&m, 1, types, sizeof types);
    static const uint8_t imports[] = {1, 1, 'e', 1, 'm', 0x02, 0x00, 0x00}; /* e.m: memory, min 0 */
    section(&m, 2, imports, sizeof imports);
    static const uint8_t funcs[] = {2, 0, 0};
    section(&m, 3, funcs, sizeof funcs);
    static const uint8_t exports[] = {2, 1, 'r', 0x00, 0, 1, 't', 0x00, 1};
    section(&m, 7, exports, sizeof exports);
    /* the code section: its size counts the two bodies with their sizes */
    buf_t sec = {w->body2, 0, sizeof w->body2, false};
    byte(&sec, 2);
    code_body(&sec, &f);
    code_body(&sec, &t);
    if (sec.overflow)
        return 0;
    section(&m, 10, sec.p, sec.len);
    return m.overflow ? 0 : m.len;
}

/* ------------------------------------------------------------ the engine */

static void emit_event(wasm_engine_t *w, const ssem_event_t *ev)
{
    if (w->obs != NULL)
        ssem_observer_emit(w->obs, ev);
}

static void drop(wasm_engine_t *w)
{
    if (w->fn != 0)
        ssem_wasm_release(w->fn);
    w->fn = 0;
    w->baked = 0;
    w->code_lines = 0;
}

/* Translates the store from the roots (and `line`) into a new module. */
static bool translate(wasm_engine_t *w, const uint32_t *store, uint32_t line, bool strict)
{
    drop(w);
    w->roots |= 1u << line;
    size_t len = emit_module(w, store, strict);
    w->fn = len == 0 ? 0 : ssem_wasm_instantiate(w->code, (uint32_t)len);
    if (w->fn == 0) {
        w->broken = true;
        w->baked = 0;
        return false;
    }
    /* one event per block, with its wasm code (in function "r"), then the
     * chains: a jump to a constant line, round the dispatch loop (or to
     * the block's own loop when it jumps to itself) */
    for (uint32_t l = 0; l < SSEM_LINES && w->obs != NULL; l++) {
        if (w->block_len[l] == 0u)
            continue;
        ssem_event_t ev = {.kind = SSEM_EVENT_TRANSLATE,
                           .why = strict ? "strict, to wasm" : "lenient, to wasm",
                           .line = l,
                           .count = w->block_len[l],
                           .words = store + l,
                           .code = w->body + w->block_at[l],
                           .code_len = w->block_end[l] - w->block_at[l]};
        emit_event(w, &ev);
        for (uint32_t t = 0; t < SSEM_LINES; t++) {
            if (((w->block_succ[l] >> t) & 1u) && w->block_len[t] != 0u) {
                ssem_event_t c = {.kind = SSEM_EVENT_CHAIN,
                                  .why = t == l ? "its own loop" : "constant line, dispatch loop",
                                  .line = t,
                                  .from_line = l};
                emit_event(w, &c);
            }
        }
    }
    return true;
}

static void invalidate(wasm_engine_t *w, uint32_t n, const char *why)
{
    if (w->fn == 0)
        return;
    ssem_event_t ev = {.kind = SSEM_EVENT_INVALIDATE, .why = why, .line = n, .count = 1};
    emit_event(w, &ev);
    drop(w);
}

static void after_store(wasm_engine_t *w, const uint32_t *store, uint32_t n)
{
    if (((w->baked >> n) & 1u) == 0u || store[n] == w->shadow[n])
        return;
    if (w->changes[n] < WASM_VOLATILE_AFTER)
        w->changes[n]++;
    if (w->changes[n] >= WASM_VOLATILE_AFTER)
        w->volatile_mask |= 1u << n;
    char why[64];
    snprintf(why, sizeof why, "STO changed line %u%s", (unsigned)n,
             (w->volatile_mask >> n) & 1u ? " (now volatile: the reference steps it)" : "");
    invalidate(w, n, why);
}

static void *wasm_create(void)
{
    wasm_engine_t *w = calloc(1, sizeof *w);
    return w != NULL ? (void *)w : SSEM_ENGINE_NOMEM;
}

static void wasm_destroy(void *priv)
{
    wasm_engine_t *w = priv;
    drop(w);
    free(w);
}

static void fallback_event(wasm_engine_t *w, uint32_t line, uint64_t steps, const char *why)
{
    ssem_event_t ev = {.kind = SSEM_EVENT_FALLBACK, .why = why, .line = line, .steps = steps};
    emit_event(w, &ev);
}

static ssem_stop_t step_one(wasm_engine_t *w, ssem_t *m, const char *reason)
{
    uint32_t line = (m->ci + 1u) & SSEM_LINE_MASK;
    ssem_stop_t why = ssem_step(m);
    fallback_event(w, line, 1, reason);
    if (why != SSEM_FAULT && ssem_word_function(m->pi) == SSEM_F3)
        after_store(w, m->store, ssem_word_line(m->pi));
    return why;
}

static ssem_stop_t wasm_run(void *priv, ssem_t *m, uint64_t budget)
{
    wasm_engine_t *w = priv;
    if (w->broken) {
        uint64_t before = m->steps;
        ssem_stop_t why = ssem_run(m, budget, 0);
        fallback_event(w, (m->ci + 1u) & SSEM_LINE_MASK, m->steps - before,
                       "the host cannot compile wasm");
        return why;
    }
    if (m->lenient != w->lenient) {
        if (w->fn != 0) {
            ssem_event_t ev = {.kind = SSEM_EVENT_FLUSH, .why = "the fault mode changed", .count = 1};
            emit_event(w, &ev);
        }
        drop(w);
        w->lenient = m->lenient;
    } else {
        for (uint32_t l = 0; l < SSEM_LINES && w->fn != 0; l++)
            if (((w->baked >> l) & 1u) && m->store[l] != w->shadow[l])
                invalidate(w, l, "the caller changed the store");
    }
    bool strict = !m->lenient;
    uint64_t left = budget;
    while (left > 0u) {
        uint32_t next = m->ci + 1u, line = next & SSEM_LINE_MASK;
        bool faults = strict && (next & SSEM_CI_FAULT_BITS) != 0u;
        if (!faults && translatable(w, m->store, line) && ((w->code_lines >> line) & 1u) == 0u &&
            !translate(w, m->store, line, strict)) { /* the host refused: ssem_run */
            uint64_t before = m->steps;
            ssem_stop_t why = ssem_run(m, left, 0);
            fallback_event(w, line, m->steps - before, "the host cannot compile wasm");
            return why;
        }
        if (faults || ((w->code_lines >> line) & 1u) == 0u) {
            ssem_stop_t why = step_one(w, m, faults ? "the fetch faults" : "a volatile line");
            if (why != SSEM_RUNNING)
                return why;
            left--;
            continue;
        }
        w->ctx_left_before = left;
        xlat_enter(&w->ctx.regs, m, left);
        w->ctx.store = (uint32_t)(uintptr_t)m->store;
        w->ctx.line = line;
        /* the tail of a budget too short for the block: one step at a time,
         * still translated */
        (void)ssem_wasm_call(w->fn, left < w->block_len[line], &w->ctx);
        if (xlat_leave(&w->ctx.regs, m, &left))
            return SSEM_HALTED;
        if (w->ctx.regs.reason == XLAT_EXIT_STORE)
            after_store(w, m->store, ssem_word_line(m->pi));
        else if (left == w->ctx_left_before && m->ci + 1u == next) {
            /* no step taken (never expected): the reference takes one */
            ssem_stop_t why = step_one(w, m, "no progress in wasm");
            if (why != SSEM_RUNNING)
                return why;
            left--;
        }
    }
    return SSEM_LIMIT;
}

static void wasm_attach(void *priv, ssem_observer_t *obs)
{
    wasm_engine_t *w = priv;
    w->obs = obs;
}

const ssem_engine_ops_t ssem_engine_wasm_ops = {
    WASM_ENGINE_NAME,
    "translator to WebAssembly: the store becomes a module the host compiles, jump words baked in",
    wasm_create,
    wasm_destroy,
    wasm_run,
    wasm_attach,
    NULL,
    NULL,
};

#else
typedef int engine_wasm_unused_t; /* ISO C wants at least one declaration */
#endif
