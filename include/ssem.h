/*
 * ssem.h - the Manchester Baby (SSEM, 1948) as a library.
 *
 * This is the one public header of libssem. The machine it models is defined
 * in ../shared/SPEC.md (restated in docs/isa.md); every function here is
 * exact to it. The library never prints, never exits and owns no global
 * state: a machine is a plain struct with no pointers, so a snapshot is an
 * assignment and several machines can live side by side.
 *
 * Usage:
 *
 *     ssem_t m = {0};                // m.lenient is an option, kept by loads
 *     ssem_image_t img;              // the store as read, and the warnings
 *     ssem_diag_t err;
 *     if (ssem_load_machine(text, len, "prog.asm", SSEM_FORMAT_AUTO, &m, &img, &err) != 0) {
 *         char msg[512];
 *         ssem_diag_format(&err, text, len, msg, sizeof msg);
 *         fprintf(stderr, "ssem: %s", msg);          // prog.asm:12:5: ...
 *         return 1;
 *     }
 *     // print img.warning[0 .. img.nwarnings-1] the same way
 *     ssem_stop_t why = ssem_run(&m, 5000000, 0);  // budget, breakpoint mask (none)
 *     // why == SSEM_HALTED: STP executed; m.ci is the STP's line, m.steps counts it
 *
 * Naming: ssem_ for functions, SSEM_ for macros and enum values, _t for types.
 *
 * Text out: every call that produces text writes it into the caller's buffer
 * (the outputs are bounded: a store is 32 lines) and returns its length, or
 * 0 when the buffer is too small; the one exception is ssem_write_url's
 * string (free it). Objects a ssem_*_new call makes (engines, histories,
 * panels, the handles) are freed by the matching ssem_*_free.
 */
#ifndef SSEM_H
#define SSEM_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------
 * Version and linkage.
 *
 * The macros give the version of the header a program was compiled with;
 * ssem_version() gives that of the library it runs against. A program (or
 * a binding such as python/ssem.py) that must not run against an
 * incompatible library compares the two: the major number changes when the
 * ABI does (the shared library's SONAME is libssem.so.MAJOR).
 * ---------------------------------------------------------------------- */
#define SSEM_VERSION_MAJOR 0
#define SSEM_VERSION_MINOR 2
#define SSEM_VERSION_PATCH 0
/* the three numbers above, as text */
#define SSEM_VERSION "0.2.0"
/* One comparable number: 10000 * major + 100 * minor + patch (0.2.0 -> 200). */
#define SSEM_VERSION_NUM \
    (SSEM_VERSION_MAJOR * 10000L + SSEM_VERSION_MINOR * 100L + SSEM_VERSION_PATCH)

/* SSEM_API marks every function of the public API. The library is compiled
 * with -fvisibility=hidden, so only these are exported from libssem.so;
 * tests/pkg/symbols.sh checks that the exported set is exactly what this
 * header declares. Define SSEM_API before including this header to override
 * it (e.g. a WebAssembly build keeping the functions alive). */
#ifndef SSEM_API
#if defined(__GNUC__) || defined(__clang__)
#define SSEM_API __attribute__((visibility("default")))
#else
#define SSEM_API
#endif
#endif

/* The library's version, as SSEM_VERSION_NUM and as SSEM_VERSION were when
 * the library was built. */
SSEM_API long ssem_version(void);
SSEM_API const char *ssem_version_string(void);

/* ------------------------------------------------------------------------
 * The instruction set, defined once.
 *
 * Instruction word, bit 0 first as the Baby writes it:
 *
 *   bit  0    4 5        12 13  15 16                      31
 *       +------+-----------+------+--------------------------+
 *       |  n   |  ignored  |  f   |         ignored          |
 *       +------+-----------+------+--------------------------+
 *
 * n = line number (the operand's store line), f = function number.
 * The bits marked ignored are not decoded by the machine; programs keep
 * pictures and data there.
 *
 * X(code, MNEMONIC, notation-of-1948, flags, register-transfer)
 * Everything that needs the ISA (assembler, disassembler, engines, display)
 * expands this list; nothing keeps a parallel table.
 * ---------------------------------------------------------------------- */
/* The flags, each used where a tool needs it (assembler and disassembler:
 * operands; the lecture's trace: branches, store writes). */
#define SSEM_HAS_OPERAND 1u  /* the instruction reads or writes S[n]    */
#define SSEM_BRANCHES 2u     /* it may change CI other than by +1       */
#define SSEM_WRITES_STORE 4u /* it writes a store line                  */

#define SSEM_ISA(X)                                                                \
    X(0, JMP, "s, C", SSEM_HAS_OPERAND | SSEM_BRANCHES, "CI <- S[n]")              \
    X(1, JRP, "c+s, C", SSEM_HAS_OPERAND | SSEM_BRANCHES, "CI <- CI + S[n]")       \
    X(2, LDN, "-s, A", SSEM_HAS_OPERAND, "A <- -S[n]")                             \
    X(3, STO, "a, S", SSEM_HAS_OPERAND | SSEM_WRITES_STORE, "S[n] <- A")           \
    X(4, SUB, "a-s, A", SSEM_HAS_OPERAND, "A <- A - S[n]")                         \
    X(5, SUB, "-", SSEM_HAS_OPERAND, "A <- A - S[n] (as 4)")                       \
    X(6, CMP, "Test", SSEM_BRANCHES, "if A < 0 then CI <- CI + 1")                 \
    X(7, STP, "Stop", 0, "light the stop lamp; halt")

enum ssem_function {
#define SSEM_X_ENUM(code, mn, notation, flags, rtl) SSEM_F##code = code,
    SSEM_ISA(SSEM_X_ENUM)
#undef SSEM_X_ENUM
};

#define SSEM_LINES 32u
#define SSEM_LINE_MASK 31u           /* bits 0-4: the operand line      */
#define SSEM_FUNC_SHIFT 13u          /* bits 13-15: the function number */
#define SSEM_FUNC_MASK 7u
#define SSEM_CI_FAULT_BITS 0xE000u   /* CI bits 13-15 must be 0 at fetch */

static inline uint32_t ssem_word_line(uint32_t w) { return w & SSEM_LINE_MASK; }
static inline uint32_t ssem_word_function(uint32_t w)
{
    return (w >> SSEM_FUNC_SHIFT) & SSEM_FUNC_MASK;
}
static inline uint32_t ssem_make_instruction(uint32_t function, uint32_t line)
{
    return ((function & SSEM_FUNC_MASK) << SSEM_FUNC_SHIFT) | (line & SSEM_LINE_MASK);
}
/* The signed value of a word (two's complement), without undefined behaviour. */
static inline int32_t ssem_word_signed(uint32_t w)
{
    return (w & 0x80000000u) ? -(int32_t)(~w) - 1 : (int32_t)w;
}

/* Facts about one function code, from the table above. */
typedef struct ssem_op_info {
    const char *mnemonic; /* canonical mnemonic ("SUB" for both 4 and 5) */
    const char *notation; /* the 1948 notation, e.g. "a-s, A"           */
    const char *rtl;      /* register-transfer meaning                  */
    unsigned flags;       /* SSEM_HAS_OPERAND | ...                      */
} ssem_op_info_t;

SSEM_API const ssem_op_info_t *ssem_op_info(uint32_t function); /* function & 7 */

/* ------------------------------------------------------------------------
 * The machine: the T-state of SPEC section 1, plus derived counters and the
 * options that govern a run. Plain data; copy it to snapshot it.
 * ---------------------------------------------------------------------- */
typedef struct ssem {
    /* T-state */
    uint32_t store[SSEM_LINES]; /* S[0..31], line 0 at the top of the CRT     */
    uint32_t a;                 /* accumulator                                */
    uint32_t ci;                /* control instruction: all 32 bits are kept  */
    uint32_t pi;                /* present instruction: the last word fetched */
    bool lamp;                  /* stop lamp (lit by STP or by a fault)       */
    /* derived, reported by every run */
    bool fault;                 /* the lamp was lit by a fault, not by STP    */
    uint64_t steps;             /* instructions executed, STP counted         */
    /* option (not machine state) */
    bool lenient;               /* ignore the CI bits 13-15 fetch fault       */
} ssem_t;

/* Why ssem_run stopped. */
typedef enum ssem_stop {
    SSEM_RUNNING = 0, /* (ssem_step only) the step completed, the machine runs on */
    SSEM_HALTED,      /* STP executed: lamp lit                                   */
    SSEM_FAULT,       /* CI had bits 13-15 set at fetch: see ssem_fault_reason    */
    SSEM_LIMIT,       /* the step budget was spent                                */
    SSEM_BREAK        /* the next fetch is from a line in the run's breakpoints   */
} ssem_stop_t;

SSEM_API const char *ssem_stop_name(ssem_stop_t why); /* "running", "halted", "fault", "limit", "break" */

/* KSC + KCC: store, A, CI, PI zero, lamp off, steps zero. `lenient` is kept. */
SSEM_API void ssem_reset(ssem_t *m);

/* One step of T-next (SPEC section 3-4). Returns SSEM_RUNNING, SSEM_HALTED or
 * SSEM_FAULT. A machine whose lamp is lit does not step: it returns
 * SSEM_HALTED or SSEM_FAULT again and changes nothing (use ssem_resume). */
SSEM_API ssem_stop_t ssem_step(ssem_t *m);

/* Obeys one word, as steps 3-4 of T-next do with the word fetched, and as
 * the operator's Man mode does with the word on the switches: PI <- word,
 * the instruction executed on S[word & 31] with CI as it is (ssem_step has
 * already added 1; Man mode adds it too, PRM A1.3), the step counted; an STP
 * lights the lamp. The lamp must be out when it is called (ssem_resume, or
 * the operator's hand). No fetch, so no fault. Returns SSEM_HALTED for an
 * STP, SSEM_RUNNING otherwise. ssem_step is the increment, the fetch check,
 * the fetch and this; both are proved (docs/verification.md). */
SSEM_API ssem_stop_t ssem_execute(ssem_t *m, uint32_t word);

/* Runs until STP, a fault, a breakpoint or `budget` steps, whichever comes
 * first; never executes more than `budget` instructions.
 *
 * `breakpoints` is a mask of store lines (bit L: line L; 0 for none). Before
 * every fetch, the first one included, the run stops with SSEM_BREAK when
 * the line about to be fetched ((CI + 1) & 31) is marked, executing nothing
 * more. So a run started at a breakpoint stops at once: resuming from one is
 * an explicit step-over, as in gdb (one ssem_step, then run again).
 *
 * A machine whose lamp is lit returns SSEM_HALTED (or SSEM_FAULT) at once;
 * otherwise budget 0 returns SSEM_LIMIT at once (before any breakpoint). */
SSEM_API ssem_stop_t ssem_run(ssem_t *m, uint64_t budget, uint32_t breakpoints);

/* The operator clears the lamp; the next step continues from CI + 1. */
SSEM_API void ssem_resume(ssem_t *m);

/* (There is no "poke": write m->store[line] directly. Engines notice a
 * changed store themselves on their next run; see "Engines" below.) */

/* Equal T-states: store, A, CI, PI and lamp (SPEC section 1). */
SSEM_API bool ssem_tstate_equal(const ssem_t *x, const ssem_t *y);

/* Why a fault happened, for a machine stopped with SSEM_FAULT. Writes a
 * sentence into buf (always terminated). */
SSEM_API void ssem_fault_reason(const ssem_t *m, char *buf, size_t size);

/* Seconds the Baby would have taken for `steps` instructions at a digit
 * period of `digit_period_us` microseconds (10 gives 1.44 ms an instruction). */
SSEM_API double ssem_time_1948(uint64_t steps, double digit_period_us);
#define SSEM_DIGIT_PERIOD_US 10.0
#define SSEM_DIGITS_PER_INSTRUCTION 144u /* 36 digits a word time, 4 word times */

/* ------------------------------------------------------------------------
 * Handles and accessors: the machine without its layout.
 *
 * For callers that cannot or should not see struct ssem's fields: language
 * bindings (python/ssem.py), the WebAssembly page, programs that want to
 * keep working when a later version of the library adds a field. A machine
 * from ssem_new() is used with every function above exactly like one on the
 * stack; these calls only read and write it by name, so a binding never
 * mirrors the struct (and an ABI change cannot silently corrupt memory).
 * ---------------------------------------------------------------------- */

/* A new machine, as after ssem_reset (lenient off), or NULL when out of
 * memory. Free it with ssem_free (NULL is accepted). */
SSEM_API ssem_t *ssem_new(void);
SSEM_API void ssem_free(ssem_t *m);

/* The 32-bit registers and flags of a machine, by name. */
typedef enum ssem_reg {
    SSEM_REG_A = 0,  /* accumulator                                        */
    SSEM_REG_CI,     /* control instruction (all 32 bits)                  */
    SSEM_REG_PI,     /* present instruction                                */
    SSEM_REG_LAMP,   /* stop lamp: 0 or 1                                  */
    SSEM_REG_FAULT,  /* 1 when the lamp was lit by a fault: 0 or 1         */
    SSEM_REG_LENIENT, /* option: 1 turns the CI bits 13-15 fetch check off */
    SSEM_REG_COUNT
} ssem_reg_t;

/* The register's value (flags as 0 or 1); 0 for a name out of range. */
SSEM_API uint32_t ssem_get(const ssem_t *m, ssem_reg_t reg);
/* Sets a register (flags: any non-zero value sets them). A fault is always
 * shown by the lamp, so setting FAULT lights LAMP and clearing LAMP clears
 * FAULT, as ssem_resume does. Returns 0, or -1 for a name out of range. */
SSEM_API int ssem_set(ssem_t *m, ssem_reg_t reg, uint32_t value);
/* "A", "CI", "PI", "LAMP", "FAULT", "LENIENT"; NULL for a name out of range. */
SSEM_API const char *ssem_reg_name(ssem_reg_t reg);

/* Instructions executed (STP counted); set it when restoring a machine. */
SSEM_API uint64_t ssem_get_steps(const ssem_t *m);
SSEM_API void ssem_set_steps(ssem_t *m, uint64_t steps);

/* Store line `line` (taken mod 32, as the machine's n field is). A write
 * needs no notice to engines: they notice a changed store themselves. */
SSEM_API uint32_t ssem_store_get(const ssem_t *m, uint32_t line);
SSEM_API void ssem_store_set(ssem_t *m, uint32_t line, uint32_t word);

/* *dst = *src: the whole machine (a snapshot, or a copy out of a verify
 * result below). */
SSEM_API void ssem_copy(ssem_t *dst, const ssem_t *src);

/* ------------------------------------------------------------------------
 * Engines: several ways to run the same machine, behind one interface.
 *
 * An engine takes the T-state in an ssem_t, runs at most `budget` steps,
 * and leaves the exact T-state (its `interp`) in the ssem_t when it returns,
 * with the same stop reason, step count and lamp as ssem_run would give.
 * Engines may keep private state (predecoded lines, translated code), which
 * is why they are objects; they notice any change made to m->store between
 * calls themselves, so callers may write the store directly.
 *
 *   ref   the reference step (ssem_run): the oracle
 *   fast  line-specialised threaded interpreter
 *   dbt   dynamic binary translator to x86-64 (x86-64 Linux only)
 * ---------------------------------------------------------------------- */
typedef struct ssem_engine ssem_engine_t;

/* The engines built in, best first; NULL-terminated list of names. */
SSEM_API const char *const *ssem_engine_names(void);
/* One line describing an engine, or NULL if there is none of that name. */
SSEM_API const char *ssem_engine_summary(const char *name);
/* The default engine: the fastest available. */
SSEM_API const char *ssem_engine_default(void);
/* A new engine, or NULL (unknown name, or out of memory). */
SSEM_API ssem_engine_t *ssem_engine_new(const char *name);
SSEM_API void ssem_engine_free(ssem_engine_t *e);
SSEM_API const char *ssem_engine_name(const ssem_engine_t *e);
/* As ssem_run (the same budget and breakpoint rules), by this engine. */
SSEM_API ssem_stop_t ssem_engine_run(ssem_engine_t *e, ssem_t *m, uint64_t budget,
                                     uint32_t breakpoints);

/* ------------------------------------------------------------------------
 * Watching an engine work (the lecture made visible): an optional observer
 * called with what an engine does besides running Baby code, and counters of
 * the same events. Engine-independent: an engine that translates nothing
 * simply never calls it. The library never prints; the observer (a front-end)
 * formats and disassembles. The pointers in an event are valid only during
 * the call.
 * ---------------------------------------------------------------------- */
typedef enum ssem_event_kind {
    SSEM_EVENT_TRANSLATE = 1, /* a block of Baby code was translated to host code    */
    SSEM_EVENT_CHAIN,         /* a jump from one block now goes straight to another  */
    SSEM_EVENT_INVALIDATE,    /* translations dropped because a baked line changed   */
    SSEM_EVENT_FLUSH,         /* every translation dropped (cache full, mode change,
                                 the caller changed the store)                      */
    SSEM_EVENT_FALLBACK       /* steps handed to the reference step (ssem_run)       */
} ssem_event_kind_t;

typedef struct ssem_event {
    ssem_event_kind_t kind;
    const char *why;        /* a few words on the cause ("STO into line 20", ...) */
    uint32_t line;          /* TRANSLATE: the block's first line; CHAIN: the line
                               of the block jumped to; INVALIDATE: the line whose
                               word changed; FALLBACK: the line fetched first    */
    uint32_t from_line;     /* CHAIN: the first line of the block jumping         */
    uint32_t count;         /* TRANSLATE: Baby instructions in; INVALIDATE, FLUSH:
                               blocks dropped                                    */
    const uint32_t *words;  /* TRANSLATE: those instructions' words (count)       */
    const uint8_t *code;    /* TRANSLATE: the host code out                       */
    size_t code_len;        /* TRANSLATE: its length in bytes                     */
    const size_t *offsets;  /* TRANSLATE: where each Baby instruction's code
                               starts in code (count entries, ascending), or
                               NULL; the code after the last one's is out-of-line
                               paths (exits, skips)                              */
    uint64_t host_address;  /* TRANSLATE: the address it runs at (for a
                               disassembler); CHAIN: the jump's address           */
    uint64_t steps;         /* FALLBACK: steps run by the reference step          */
} ssem_event_t;

typedef void (*ssem_observer_fn)(void *user, const ssem_event_t *event);

/* Calls fn(user, event) for every event of e from now on; fn NULL: none. */
SSEM_API void ssem_engine_observe(ssem_engine_t *e, ssem_observer_fn fn, void *user);

/* The events of an engine's life so far, counted (whether observed or not). */
typedef struct ssem_engine_stats {
    uint64_t blocks;         /* blocks translated                               */
    uint64_t instructions;   /* Baby instructions in them                       */
    uint64_t host_bytes;     /* host code bytes emitted for them                */
    uint64_t chains;         /* jumps chained block to block                    */
    uint64_t invalidations;  /* times translations were dropped for a change    */
    uint64_t flushes;        /* times every translation was dropped otherwise   */
    uint64_t dropped;        /* blocks dropped by both                          */
    uint64_t fallbacks;      /* times steps were handed to the reference step   */
    uint64_t fallback_steps; /* steps the reference step ran for the engine     */
} ssem_engine_stats_t;

SSEM_API void ssem_engine_stats(const ssem_engine_t *e, ssem_engine_stats_t *stats);

/* An engine's own state (its V-state, SPEC section 8) and the T-state that
 * its interp maps it to, described for people: where the engine keeps each
 * part and what interp makes of it. Between calls an engine holds the
 * T-state in m plus its private state (caches, tables); what it would load
 * into its own registers on the next call is shown too. Text only: the
 * library fills the struct, a front-end prints it. */
#define SSEM_VSTATE_ITEMS 96

typedef struct ssem_vitem {
    char name[40];  /* where the engine keeps it: "r13d", "disp[5]", "block 1-8" */
    char value[96]; /* what is there                                           */
    char maps[48];  /* what interp makes of it ("A", "CI = r15 + L - 1"); empty
                       when interp ignores it (a cache: not part of T)          */
} ssem_vitem_t;

typedef struct ssem_vstate {
    char form[320];   /* how this engine holds the machine, in a sentence or two */
    char interp[240]; /* its interp function, in one line                       */
    int nitems;
    ssem_vitem_t item[SSEM_VSTATE_ITEMS];
    ssem_t tstate;    /* interp of the V-state described: a T-state            */
} ssem_vstate_t;

/* Describes e's V-state for the machine m (the T-state e was last run on, or
 * will run from) into *v. */
SSEM_API void ssem_engine_describe(ssem_engine_t *e, const ssem_t *m, ssem_vstate_t *v);

/* ------------------------------------------------------------------------
 * The stepwise-correctness checker (SPEC section 8): two engines run side by
 * side from the same T-state; after every `stride` steps their T-states
 * (interp of each), step counts and stop reasons must agree. On the first
 * disagreement it bisects back to the first step whose states differ.
 * ---------------------------------------------------------------------- */
typedef struct ssem_verify_result {
    bool differ;           /* false: the engines agreed all the way          */
    uint64_t steps;        /* steps run in agreement (or to the difference)  */
    ssem_stop_t stop;      /* how the agreeing run ended                     */
    /* when differ: */
    uint64_t first_step;   /* the 1-based step after which the states differ */
    ssem_t before;         /* the (agreed) state before that step            */
    ssem_t after_a;        /* engine A's state after it                      */
    ssem_t after_b;        /* engine B's state after it                      */
    ssem_stop_t stop_a, stop_b;
} ssem_verify_result_t;

/* Runs engines a and b from `start` for at most max_steps steps, comparing
 * every `stride` (>= 1) steps. Returns 0 when it could run (the outcome is in
 * *res), -1 when an engine name is unknown. */
SSEM_API int ssem_verify(const char *a, const char *b, const ssem_t *start, uint64_t max_steps,
                         uint64_t stride, ssem_verify_result_t *res);

/* A verify result without its layout, for bindings (see "Handles" above):
 * new (zeroed; NULL when out of memory) and free (NULL accepted); the
 * outcome; the stop reasons (which: 0 the agreeing run's, 1 engine A's,
 * 2 engine B's) and the states when they differ (which: 0 before the first
 * differing step, 1 engine A's after it, 2 engine B's). A `which` out of
 * range gives SSEM_RUNNING and NULL. */
SSEM_API ssem_verify_result_t *ssem_verify_result_new(void);
SSEM_API void ssem_verify_result_free(ssem_verify_result_t *r);
SSEM_API bool ssem_verify_differ(const ssem_verify_result_t *r);
SSEM_API uint64_t ssem_verify_steps(const ssem_verify_result_t *r);
SSEM_API uint64_t ssem_verify_first_step(const ssem_verify_result_t *r);
SSEM_API ssem_stop_t ssem_verify_stop(const ssem_verify_result_t *r, int which);
SSEM_API const ssem_t *ssem_verify_state(const ssem_verify_result_t *r, int which);

/* Fills m's store with a random program (biased towards plain instructions,
 * small operands and jump words) from a 64-bit seed state; A = CI = 0. */
SSEM_API void ssem_random_store(ssem_t *m, uint64_t *seed);

/* ------------------------------------------------------------------------
 * The observer's view (SPEC section 5): what the monitor CRT shows, as a
 * pure function of the T-state, the selected tube and the action line.
 * ---------------------------------------------------------------------- */
typedef enum ssem_tube {
    SSEM_TUBE_S, /* the store: row r is line r                                  */
    SSEM_TUBE_A, /* the accumulator, repeated on all 32 rows                    */
    SSEM_TUBE_C  /* control: CI and PI on alternate rows while running (CI on
                    even rows, PI on odd); CI on every row when stopped         */
} ssem_tube_t;

typedef struct ssem_frame {
    uint32_t row[SSEM_LINES]; /* the bits on each row; bit 0 is drawn on the left */
    uint32_t bright;          /* bit r set: row r is drawn brighter (action line)  */
    ssem_tube_t tube;
    bool lamp;                /* the stop lamp                                     */
} ssem_frame_t;

/* The frame the monitor shows. `running` selects the C tube's running form;
 * the action line (0-31) is the row drawn brighter. */
SSEM_API void ssem_render(const ssem_t *m, ssem_tube_t tube, uint32_t action_line, bool running,
                          ssem_frame_t *frame);

/* The frame as text: 32 lines of 32 cells, each line ending in '\n'. Plain
 * ASCII: '.' a dot (0), '-' a dash (1), the bright row's cells as ':' and
 * '='. Unicode: the same with U+00B7, U+2500 and U+2022, U+2501.
 * Returns the length written (without the NUL), or 0 (and an empty string,
 * when size > 0) if size is too small: 32 x 33 + 1 bytes suffice for ASCII,
 * 32 x (32 x 3 + 1) + 1 for Unicode. */
SSEM_API size_t ssem_frame_text(const ssem_frame_t *frame, bool unicode, char *buf, size_t size);

/* "S", "A", "C" and back. Returns 0, or -1 for an unknown name. */
SSEM_API const char *ssem_tube_name(ssem_tube_t tube);
SSEM_API int ssem_tube_parse(const char *name, ssem_tube_t *tube);

/* ------------------------------------------------------------------------
 * Diagnostics: every parser error carries file, line, column and message.
 * ---------------------------------------------------------------------- */
typedef struct ssem_diag {
    const char *file; /* name given to the loader ("-" for stdin); may be NULL */
    int line;         /* 1-based; 0 when the message concerns the whole file   */
    int col;          /* 1-based; 0 when no column applies                     */
    char message[200];
} ssem_diag_t;

/* "file:line:col: message\n", then the source line and a caret under the
 * column when the text is given and the line exists. Returns buf. */
SSEM_API char *ssem_diag_format(const ssem_diag_t *d, const char *text, size_t len, char *buf,
                                size_t size);

/* A diagnostic without its layout, for bindings (see "Handles" above): a
 * new zeroed one (NULL when out of memory), its free (NULL accepted), and
 * its fields. file is NULL when the loader was given no name; message is
 * never NULL. */
SSEM_API ssem_diag_t *ssem_diag_new(void);
SSEM_API void ssem_diag_free(ssem_diag_t *d);
SSEM_API const char *ssem_diag_file(const ssem_diag_t *d);
SSEM_API int ssem_diag_line(const ssem_diag_t *d);
SSEM_API int ssem_diag_col(const ssem_diag_t *d);
SSEM_API const char *ssem_diag_message(const ssem_diag_t *d);

/* ------------------------------------------------------------------------
 * Program images and file formats (docs/formats.md).
 * ---------------------------------------------------------------------- */
typedef enum ssem_format {
    SSEM_FORMAT_AUTO = 0, /* detect from content and file name            */
    SSEM_FORMAT_LISTING,  /* the lecture's "N BITS comment" lines          */
    SSEM_FORMAT_SNP,      /* snapshot: [count line] "NNNN:BITS" lines     */
    SSEM_FORMAT_ASM,      /* assembly, every dialect in docs/formats.md    */
    SSEM_FORMAT_BITS,     /* bare 32-character bit lines from line 0       */
    SSEM_FORMAT_DECIMAL,  /* bare signed decimal words from line 0         */
    SSEM_FORMAT_URL,      /* a manchesterbaby.com share link, or its s=    */
    SSEM_FORMAT_STATE,    /* a state file: a snapshot with the registers   */
    SSEM_FORMAT_COUNT
} ssem_format_t;

SSEM_API const char *ssem_format_name(ssem_format_t f); /* "auto", "listing", "snp", ... */
/* Parses a name as accepted by --format; returns 0 and sets *f, or -1. */
SSEM_API int ssem_format_parse(const char *name, ssem_format_t *f);

#define SSEM_MAX_WARNINGS 16

#define SSEM_LABEL_SIZE 32 /* a kept label's name: at most 31 bytes, then NUL */

typedef struct ssem_image {
    uint32_t word[SSEM_LINES];
    uint32_t defined;      /* bit L set: the source gave line L a value      */
    ssem_format_t format;  /* the format it was read as (STATE: a state file) */
    int nwarnings;         /* warnings kept (at most SSEM_MAX_WARNINGS; when
                              more came, the last one kept says so)        */
    ssem_diag_t warning[SSEM_MAX_WARNINGS];
    /* assembly only: label[L] is the first label naming store line L (a
     * defined line), "" when none does or its name is too long to keep;
     * debuggers use them as names of lines ("break loop") */
    char label[SSEM_LINES][SSEM_LABEL_SIZE];
} ssem_image_t;

/* An image without its layout, for bindings (see "Handles" above): new
 * (zeroed; NULL when out of memory) and free (NULL accepted); a line's word
 * (line mod 32), the mask of lines the source defined, the format it was
 * read as, and its warnings (i from 0; NULL out of range). */
SSEM_API ssem_image_t *ssem_image_new(void);
SSEM_API void ssem_image_free(ssem_image_t *img);
SSEM_API uint32_t ssem_image_word(const ssem_image_t *img, uint32_t line);
SSEM_API uint32_t ssem_image_defined(const ssem_image_t *img);
SSEM_API ssem_format_t ssem_image_format(const ssem_image_t *img);
SSEM_API int ssem_image_nwarnings(const ssem_image_t *img);
SSEM_API const ssem_diag_t *ssem_image_warning(const ssem_image_t *img, int i);

/* THE way from file text to a machine: reads text (any format, state files
 * included; not necessarily NUL-terminated) into *m. `name` is used for
 * messages and for detection by extension; may be NULL.
 *
 * A state file (docs/formats.md: its first line is the "; ssem-state:"
 * register line) gives its whole machine: store, A, CI, PI, lamp, fault and
 * step count. It is read as one when format is AUTO, STATE or SNP (a state
 * file is a snapshot: its registers are never dropped); asking for another
 * format on a state file is an error. Any other program gives a machine at
 * reset (KSC + KCC) with the lines it defines (SPEC section 1).
 * m->lenient is kept. *img receives the store as read, its format and the
 * warnings (the caller shows them). Returns 0, or -1 with *err filled and *m
 * unchanged. */
SSEM_API int ssem_load_machine(const char *text, size_t len, const char *name,
                               ssem_format_t format, ssem_t *m, ssem_image_t *img,
                               ssem_diag_t *err);

/* Reads a program image only (for converters: no registers). As
 * ssem_load_machine, but a state file gives its store alone, with a warning
 * that its registers are not read. A text with no store lines in it is an
 * error. */
SSEM_API int ssem_load(const char *text, size_t len, const char *name, ssem_format_t format,
                       ssem_image_t *img, ssem_diag_t *err);

/* Loading an image sets store lines (those defined; others become 0) and
 * leaves A = CI = 0 (SPEC section 1): reset, then the store. */
SSEM_API void ssem_load_image(ssem_t *m, const ssem_image_t *img);

/* A buffer of SSEM_TEXT_MAX bytes always holds the text of ssem_write and
 * ssem_write_state (the largest, a listing of 32 "NUM" words, is under 1.8 KB). */
#define SSEM_TEXT_MAX 4096u

/* Writes the store in a format (LISTING, SNP, ASM or URL: the link with A =
 * CI = 0, and a newline) into buf, NUL-terminated.
 * Returns the length written (without the NUL), or 0 (and an empty string
 * when size > 0) when the format cannot be written or size is too small. */
SSEM_API size_t ssem_write(ssem_format_t format, const uint32_t store[SSEM_LINES], char *buf,
                           size_t size);

/* ------------------------------------------------------------------------
 * Assembler support and disassembler.
 * ---------------------------------------------------------------------- */

/* One word as assembly text: "LDN 24", "CMP", "STP", or "NUM -3" for a word
 * that is not a plain instruction (any ignored bit set, or an operand on a
 * function that takes none). Assembling the text gives the word back exactly.
 * Returns buf. */
SSEM_API char *ssem_disasm_word(uint32_t word, char *buf, size_t size);

/* The instruction the Baby obeys when it executes `word`: the function
 * (bits 13-15) and, for those that take one, the line (bits 0-4); every
 * other bit is ignored, so a 0 word is "JMP 0" where ssem_disasm_word, which
 * reads it as data, says "NUM 0". Returns buf. */
SSEM_API char *ssem_disasm_obeyed(uint32_t word, char *buf, size_t size);

/* The word as 32 characters of 0/1, bit 0 first, plus NUL (size >= 33). */
SSEM_API char *ssem_word_bits(uint32_t word, char *buf, size_t size);

/* ------------------------------------------------------------------------
 * State files: a snapshot (.snp) whose first line, a ';' comment that other
 * tools' .snp readers skip, records the format version, A, CI, PI, the lamp,
 * the fault flag and the step count (docs/formats.md). ssem_load_machine
 * reads them.
 * ---------------------------------------------------------------------- */

#define SSEM_STATE_VERSION 2 /* written; versions 1 and 2 are read */

/* The whole machine as a state file, into buf as ssem_write does. */
SSEM_API size_t ssem_write_state(const ssem_t *m, char *buf, size_t size);

/* ------------------------------------------------------------------------
 * Time travel (src/history.c): a machine's timeline, for debuggers and
 * front ends. Built only on the calls above.
 *
 * A history holds the current state, periodic snapshots (a copy of the
 * ssem_t every K steps; at most `max_snapshots`: when full, K doubles and
 * every other snapshot is dropped, so memory stays bounded however long the
 * run) and the steps at which a halted machine was resumed. A run being
 * deterministic, the exact state at any earlier step is the nearest snapshot
 * re-executed by the engine with the exact budget.
 *
 *     ssem_history_t *h = ssem_history_new(&m, engine, 0);   // m: loaded
 *     ssem_history_set_breakpoints(h, 1u << 13);
 *     ssem_history_stop_t st = ssem_history_run(h, UINT64_MAX); // st.why == SSEM_HISTORY_BREAK
 *     ssem_history_seek(h, ssem_history_state(h)->steps - 3);     // reverse-step 3
 *     st = ssem_history_reverse_continue(h);                      // the previous hit
 *     ssem_history_free(h);   // the engine is the caller's: free it afterwards
 *
 * Changing the machine other than by running it (a debugger's `set`, the
 * panel's keys) goes through ssem_history_rebase: the changed state becomes
 * the new start and everything before it is forgotten. Resuming a halted
 * machine (STP) is recorded instead, and re-executed by seeks.
 *
 * A fault is not a step (SPEC section 4): a machine that faulted at step s
 * shows the fault in its current state, and seeking to s gives the state
 * before the failed fetch.
 * ---------------------------------------------------------------------- */
typedef struct ssem_history ssem_history_t;

/* Why a motion stopped. */
typedef enum ssem_history_why {
    SSEM_HISTORY_LIMIT,      /* the budget was spent                                 */
    SSEM_HISTORY_HALTED,     /* STP executed: the lamp is lit                        */
    SSEM_HISTORY_FAULT,      /* a fetch faulted (CI bits 13-15): the lamp is lit     */
    SSEM_HISTORY_BREAK,      /* the next fetch is from breakpoint line `line`        */
    SSEM_HISTORY_WATCH,      /* the last step changed watch target `line`: old -> new */
    SSEM_HISTORY_START,      /* (reverse) no earlier hit: at the start of the history */
    SSEM_HISTORY_INTERRUPTED /* the interrupt flag was set                           */
} ssem_history_why_t;

/* Watch targets: store lines 0-31, then the accumulator and CI. */
#define SSEM_WATCH_A 32u
#define SSEM_WATCH_CI 33u
#define SSEM_WATCH_BIT(target) (UINT64_C(1) << (target))

typedef struct ssem_history_stop {
    ssem_history_why_t why;
    uint32_t line;     /* BREAK: the line; WATCH: the target (0-31, SSEM_WATCH_A/_CI) */
    uint32_t old_word; /* WATCH: the target's value before the step                   */
    uint32_t new_word; /* WATCH: and after it                                         */
} ssem_history_stop_t;

/* One executed step, for a listing of the last steps. */
typedef struct ssem_history_entry {
    uint64_t step; /* the step's number: the count after it (1 is the first) */
    uint32_t line; /* the line executed: the CI it was fetched from, & 31    */
    uint32_t pi;   /* the word executed                                      */
    uint32_t a;    /* A after the step                                       */
    uint32_t ci;   /* CI after the step (all 32 bits)                        */
} ssem_history_entry_t;

#define SSEM_HISTORY_DEFAULT_SNAPSHOTS 4096u

/* A new history starting at *start (any step count). The engine is borrowed:
 * it must outlive the history. max_snapshots 0 means the default (4096
 * snapshots of under 200 bytes); at least 4 are kept. NULL when out of
 * memory. */
SSEM_API ssem_history_t *ssem_history_new(const ssem_t *start, ssem_engine_t *engine,
                                          size_t max_snapshots);
SSEM_API void ssem_history_free(ssem_history_t *h);

/* The current state (valid until the next call that changes the history). */
SSEM_API const ssem_t *ssem_history_state(const ssem_history_t *h);
/* The step count of the start of the history: nothing before it is kept. */
SSEM_API uint64_t ssem_history_first_step(const ssem_history_t *h);
/* The furthest step of this timeline executed so far (the seek limit). */
SSEM_API uint64_t ssem_history_last_step(const ssem_history_t *h);

/* Breakpoints (bit L: stop before a fetch from line L) and watches (bit T,
 * SSEM_WATCH_BIT(T): stop after a step that changes target T). They govern
 * runs and reverse searches. */
SSEM_API void ssem_history_set_breakpoints(ssem_history_t *h, uint32_t mask);
SSEM_API void ssem_history_set_watches(ssem_history_t *h, uint64_t mask);
SSEM_API uint32_t ssem_history_breakpoints(const ssem_history_t *h);
SSEM_API uint64_t ssem_history_watches(const ssem_history_t *h);

/* A breakpoint's condition: a breakpoint on `line` hits in state m only when
 * cond returns true (NULL: always). */
typedef bool (*ssem_history_cond_t)(void *ctx, uint32_t line, const ssem_t *m);
SSEM_API void ssem_history_set_condition(ssem_history_t *h, ssem_history_cond_t cond, void *ctx);
/* A watch's condition: a step that changes watch target `target` (a line
 * 0-31, SSEM_WATCH_A or SSEM_WATCH_CI) hits only when cond returns true for
 * the state after the step, m (NULL: always). When one step changes several
 * watched targets, the hit is the first (a line, then A, then CI) whose
 * condition holds. */
SSEM_API void ssem_history_set_watch_condition(ssem_history_t *h, ssem_history_cond_t cond,
                                               void *ctx);

/* A flag (set by a signal handler, say) that long runs and searches poll:
 * when it is non-zero they stop with SSEM_HISTORY_INTERRUPTED. NULL: none. */
SSEM_API void ssem_history_set_interrupt(ssem_history_t *h, const volatile sig_atomic_t *flag);

/* Runs forward at most `budget` steps from the current state (budget 1 is a
 * single step), recording snapshots, until STP, a fault, a breakpoint, a
 * watch hit or the interrupt flag. A halted (STP) machine is resumed first
 * (ssem_resume, recorded); a faulted one does not move (SSEM_HISTORY_FAULT).
 * Budget 0 returns LIMIT, and so does a machine whose step count would wrap.
 * A breakpoint on the next line stops it at once (SSEM_HISTORY_BREAK, no
 * step): to move on from a breakpoint, ssem_history_step_over first. With
 * breakpoints or watches set it steps by the reference step, looking at
 * every state where one could hit (the fast engine runs to the next such
 * state: see ssem_history_reverse_continue); otherwise the engine runs. */
SSEM_API ssem_history_stop_t ssem_history_run(ssem_history_t *h, uint64_t budget);

/* One step with breakpoints ignored (watches still stop it): gdb's
 * step-over, how a front end resumes from a breakpoint. */
SSEM_API ssem_history_stop_t ssem_history_step_over(ssem_history_t *h);

/* Makes the current state the exact state after `step` steps of this
 * timeline: first_step <= step <= last_step. Returns 0, or -1 (the current
 * state unchanged) when step is out of range. */
SSEM_API int ssem_history_seek(ssem_history_t *h, uint64_t step);

/* Goes back to the latest earlier step (< the current one) at which a
 * breakpoint hits (the next fetch is from a marked line, the lamp is off and
 * the condition holds) or a watch hits (that step changed a target). Without
 * a hit it goes to the start and returns SSEM_HISTORY_START; interrupted, it
 * leaves the current state as it was. The search runs each snapshot
 * interval, latest first, by the fast engine stopping only before fetches
 * where a hit could be (breakpoint lines; with store lines watched, a STO
 * that could change one); those steps go by the reference step, looking.
 * With A or CI watched, every step is looked at. The state it lands on is
 * the one a step-by-step search would find. */
SSEM_API ssem_history_stop_t ssem_history_reverse_continue(ssem_history_t *h);

/* Makes *m the new start (and current state): the operator changed the
 * machine. Everything before is forgotten; breakpoints and watches are kept. */
SSEM_API void ssem_history_rebase(ssem_history_t *h, const ssem_t *m);

/* The last up to `n` steps executed before the current state, oldest first,
 * into out[0..]. Returns how many (fewer near the start of the history). */
SSEM_API size_t ssem_history_last(ssem_history_t *h, size_t n, ssem_history_entry_t *out);

/* Bytes the history holds; steps re-executed so far to go back in time
 * (seeks, searches, listings), and of those the steps searches took by the
 * reference step (looking at a step that could hit; the rest ran by an
 * engine): for tests of its bounds and for measuring. */
SSEM_API size_t ssem_history_memory(const ssem_history_t *h);
SSEM_API uint64_t ssem_history_replayed(const ssem_history_t *h);
SSEM_API uint64_t ssem_history_replayed_ref(const ssem_history_t *h);

/* ------------------------------------------------------------------------
 * Pacing (src/pace.c): how many steps to run now, for a run at a given
 * speed (1948 real time, a multiple of it, or flat out). The one rule of
 * `ssem run --speed`, the panel below and the web page's panel.
 *
 * A paced run owes elapsed wall time x steps a second; it runs what it owes
 * in slices, between which a front end looks at its keyboard, its screen
 * and Ctrl-C. The debt is capped at one slice (the steps that take about
 * SSEM_PACE_SLICE_SECONDS flat out, tuned from measured slices), so a slice
 * is always short however absurd the speed, and no double above 2^32 is
 * ever converted to an integer. Pure arithmetic: the caller reads the clock
 * and passes the elapsed time in.
 * ---------------------------------------------------------------------- */
#define SSEM_PACE_SLICE_SECONDS (1.0 / 60.0) /* a slice: about one screen refresh   */
#define SSEM_PACE_MAX_STALL 0.25             /* a longer gap is not made up in a burst */
#define SSEM_PACE_MIN_SLICE 1000u
#define SSEM_PACE_MAX_SLICE (UINT64_C(1) << 32)
#define SSEM_PACE_FIRST_SLICE (UINT64_C(1) << 18) /* until the first measurement */

/* Speeds are multiples of 1948 real time; SSEM_SPEED_MAX (0) is flat out.
 * The bounds of a speed and of the digit period that the panel and the
 * command accept. */
#define SSEM_SPEED_MAX 0.0
#define SSEM_SPEED_LOW 0.01           /* 144 ms an instruction: slower is not useful */
#define SSEM_SPEED_HIGH 1e9           /* far above any engine; keeps rates finite    */
#define SSEM_DIGIT_PERIOD_LOW_US 0.5
#define SSEM_DIGIT_PERIOD_HIGH_US 100.0

typedef struct ssem_pace {
    double carry;   /* steps owed, below one (or below a slice after a refund) */
    uint64_t slice; /* steps that take about SSEM_PACE_SLICE_SECONDS flat out */
} ssem_pace_t;

SSEM_API void ssem_pace_init(ssem_pace_t *p);
/* Forgets what is owed (a speed change, a new run). */
SSEM_API void ssem_pace_restart(ssem_pace_t *p);
/* The steps to run now, `elapsed` seconds after the last call, at
 * steps_per_second (0 or less: flat out, which is always one slice). Never
 * more than one slice; a gap above SSEM_PACE_MAX_STALL counts as that; the
 * fraction of a step is carried to the next call. */
SSEM_API uint64_t ssem_pace_budget(ssem_pace_t *p, double steps_per_second, double elapsed);
/* Gives back n steps of a budget that were not run (e.g. a trace runs one
 * step at a time); what is owed stays below one slice. */
SSEM_API void ssem_pace_refund(ssem_pace_t *p, uint64_t n);
/* Flat out: `ran` steps took `seconds`; moves the slice halfway towards
 * what takes SSEM_PACE_SLICE_SECONDS, within SSEM_PACE_MIN_SLICE ..
 * SSEM_PACE_MAX_SLICE. A slice cut short (under half: STP, a breakpoint)
 * is no measure and is ignored. */
SSEM_API void ssem_pace_tune(ssem_pace_t *p, uint64_t ran, double seconds);

/* ------------------------------------------------------------------------
 * The control panel (src/panel.c): the Baby's switches and keys (PRM
 * appendix 3; SPEC section 5) as operations on a machine, for front ends
 * that draw it: `ssem panel` (ncurses) and the web page. Nothing here draws,
 * reads a key or a clock.
 *
 *     ssem_panel_t *p = ssem_panel_new(&m, engine, 0);     // m: loaded
 *     ssem_panel_do(p, ssem_panel_key_action('r'));         // CS to Run
 *     while (p->running)                                    // each frame:
 *         ssem_panel_run_slice(p, ssem_panel_budget(p, seconds_since_last));
 *     // p->message says why it stopped; ssem_panel_machine(p) is the state
 *     ssem_panel_free(p);
 *
 * The machine lives in a history (ssem_history_*), so the panel steps
 * backwards: running goes through ssem_history_run, and every change the
 * operator makes by hand (typewriter, KLC, KSC, KCC, KAC, a manual
 * instruction, a load) is a ssem_history_rebase.
 *
 * The struct's fields below `h` are the panel's controls as the operator
 * left them: a front end reads them to draw the panel and may set the
 * switches (tube, line, function, cursor, manual, erase) within their
 * ranges; speed and digit period go through ssem_panel_set_speed, running
 * through the actions, the machine through ssem_panel_set_machine or
 * ssem_panel_load. `message` is the last thing that happened, for the
 * panel's message line; a front end may write its own there.
 * ---------------------------------------------------------------------- */

/* What the operator can do: one action per key. */
typedef enum ssem_panel_action {
    SSEM_PANEL_NONE = 0,
    SSEM_PANEL_RUN_STOP,     /* CS: the Stop/Run switch                           */
    SSEM_PANEL_STEP,         /* KC: single shot, one instruction                  */
    SSEM_PANEL_REVERSE,      /* reverse step: back one instruction (not 1948)     */
    SSEM_PANEL_CURSOR_LEFT,  /* typewriter: the digit under the cursor, -1        */
    SSEM_PANEL_CURSOR_RIGHT, /* typewriter: +1                                    */
    SSEM_PANEL_TYPE,         /* typewriter: press the button of the cursor digit  */
    SSEM_PANEL_WRITE_ERASE,  /* the Write/Erase switch                            */
    SSEM_PANEL_LINE_UP,      /* line switches: action line - 1                    */
    SSEM_PANEL_LINE_DOWN,    /* line switches: action line + 1                    */
    SSEM_PANEL_AUTO_MAN,     /* the Auto/Man switch                               */
    SSEM_PANEL_FUNC_UP,      /* function switches + 1 (mod 8)                     */
    SSEM_PANEL_FUNC_DOWN,    /* function switches - 1 (mod 8)                     */
    SSEM_PANEL_KLC,          /* clear the action line                             */
    SSEM_PANEL_KSC,          /* clear the whole store                             */
    SSEM_PANEL_KCC,          /* clear CI and A                                    */
    SSEM_PANEL_KAC,          /* clear A                                           */
    SSEM_PANEL_TUBE,         /* the monitor's tube selector: S -> A -> C -> S     */
    SSEM_PANEL_BREAK,        /* breakpoint on the action line (toggle)            */
    SSEM_PANEL_FASTER,       /* the next speed up                                 */
    SSEM_PANEL_SLOWER,       /* the next speed down                               */
    SSEM_PANEL_PERIOD_DOWN,  /* digit period - 0.5 us                             */
    SSEM_PANEL_PERIOD_UP,    /* digit period + 0.5 us                             */
    SSEM_PANEL_QUIT          /* sets `quit`: the front end leaves                 */
} ssem_panel_action_t;

/* Keys that are not characters: a front end maps its own codes to these. */
#define SSEM_PANEL_KEY_LEFT 0x10001
#define SSEM_PANEL_KEY_RIGHT 0x10002
#define SSEM_PANEL_KEY_UP 0x10003
#define SSEM_PANEL_KEY_DOWN 0x10004

/* One key of the panel, as the screens and docs/panel.md list it. */
typedef struct ssem_panel_key {
    int key;              /* a character, or SSEM_PANEL_KEY_*                   */
    const char *label;    /* how the key is written on screen; NULL: a second
                             key listed with the entry before                  */
    const char *name1948; /* the 1948 name of the control                      */
    const char *help;     /* one line                                          */
    ssem_panel_action_t action;
} ssem_panel_key_t;

/* The keys, in the order the screen lists them; the last has action
 * SSEM_PANEL_NONE. */
SSEM_API const ssem_panel_key_t *ssem_panel_keys(void);
/* The action of a key, or SSEM_PANEL_NONE. */
SSEM_API ssem_panel_action_t ssem_panel_key_action(int key);

#define SSEM_PANEL_FRAME_RATE 30.0 /* frames a second the front ends draw */
#define SSEM_PANEL_MESSAGE_SIZE 200

typedef struct ssem_panel {
    ssem_history_t *h;        /* the machine and its past (the panel's own)      */
    ssem_engine_t *engine;    /* borrowed                                        */
    ssem_tube_t tube;         /* the monitor's tube selector                     */
    uint32_t line_switches;   /* 0-31: the action line when stopped              */
    uint32_t func_switches;   /* 0-7: the function of the manual instruction     */
    uint32_t cursor;          /* 0-31: the typewriter digit under the cursor     */
    bool running;             /* CS at Run and the machine going                 */
    bool manual;              /* Auto/Man at Man                                 */
    bool erase;               /* Write/Erase at Erase                            */
    bool first_slice;         /* the next slice starts a run (steps over a break) */
    bool quit;                /* q was pressed                                   */
    double speed;             /* multiple of 1948 time; SSEM_SPEED_MAX flat out  */
    double digit_period_us;   /* 10 us: 1.44 ms an instruction                   */
    ssem_pace_t pace;         /* steps owed to real time; the flat-out slice     */
    char message[SSEM_PANEL_MESSAGE_SIZE]; /* the last thing that happened       */
} ssem_panel_t;

/* A panel on machine *m (copied): CS at Stop, Auto, Write, tube S, line
 * switches 0, speed 1948 at 10 us. The engine is borrowed and must outlive
 * the panel. max_snapshots is the history's (0: its default). NULL when out
 * of memory. */
SSEM_API ssem_panel_t *ssem_panel_new(const ssem_t *m, ssem_engine_t *engine,
                                      size_t max_snapshots);
SSEM_API void ssem_panel_free(ssem_panel_t *p);

/* The machine now (valid until the next call that changes the panel). */
SSEM_API const ssem_t *ssem_panel_machine(const ssem_panel_t *p);
/* The action line: CI's line while running, the line switches when stopped. */
SSEM_API uint32_t ssem_panel_action_line(const ssem_panel_t *p);
/* The instruction the staticisor switches set: function and line switches. */
SSEM_API uint32_t ssem_panel_manual_instruction(const ssem_panel_t *p);

/* Does what the operator asked. */
SSEM_API void ssem_panel_do(ssem_panel_t *p, ssem_panel_action_t a);
/* The operator's hand changed the machine (store, registers, lamp, steps;
 * m->lenient is kept from the panel's machine): CS goes to Stop, and the
 * state becomes the history's new start. */
SSEM_API void ssem_panel_set_machine(ssem_panel_t *p, const ssem_t *m);
/* Loads text (any format, state files included: ssem_load_machine) as the
 * panel's machine, keeping its lenient option; CS goes to Stop and the
 * message says what was loaded (and the first warning, if any). `format`
 * SSEM_FORMAT_ASM assembles. Returns 0; or -1 with *err filled
 * (file:line:col) and the panel, its machine and its message unchanged. */
SSEM_API int ssem_panel_load(ssem_panel_t *p, const char *text, size_t len, const char *name,
                             ssem_format_t format, ssem_diag_t *err);

/* Executes the staticisor instruction on *m (Man mode): a lit lamp is put
 * out, CI <- CI + 1 as PRM A1.3 says, then ssem_execute obeys the
 * switch-set word in place of a fetched one (PI is set to it); no fetch, so
 * no CI fault. */
SSEM_API void ssem_panel_execute_manual(ssem_t *m, uint32_t word);

/* Speed: a multiple of 1948 time (SSEM_SPEED_LOW..SSEM_SPEED_HIGH, or
 * SSEM_SPEED_MAX) and a digit period (SSEM_DIGIT_PERIOD_LOW_US..HIGH_US).
 * Returns 0, or -1 (nothing changed) when either is out of range. */
SSEM_API int ssem_panel_set_speed(ssem_panel_t *p, double speed, double digit_period_us);
SSEM_API double ssem_panel_instruction_seconds(const ssem_panel_t *p); /* 1.44 ms at 10 us */
SSEM_API double ssem_panel_steps_per_second(const ssem_panel_t *p);    /* 0 flat out */
/* Steps to run now, `elapsed` seconds of wall time after the last slice:
 * ssem_pace_budget at the panel's speed. */
SSEM_API uint64_t ssem_panel_budget(ssem_panel_t *p, double elapsed);
/* Flat out: `ran` steps took `seconds`; tunes the slice (ssem_pace_tune). */
SSEM_API void ssem_panel_tune(ssem_panel_t *p, uint64_t ran, double seconds);
/* "1948 real time", "x10 1948 time", "flat out"; returns buf. */
SSEM_API char *ssem_panel_speed_name(double speed, char *buf, size_t size);

/* Runs the machine (when running) for at most `budget` steps; stops the
 * panel on STP, a fault or a breakpoint, with a message; the action line
 * then stays on CI's line (the line switches are set there, except in Man
 * mode, where they are the manual instruction's operand). Returns the
 * steps run. */
SSEM_API uint64_t ssem_panel_run_slice(ssem_panel_t *p, uint64_t budget);

/* Splits a message into at most max lines of at most width characters,
 * breaking at spaces where it can (a screen wraps long messages instead of
 * cutting them); returns the number of lines, at least 1. */
SSEM_API int ssem_panel_wrap(const char *text, int width, char out[][SSEM_PANEL_MESSAGE_SIZE],
                             int max);

/* ------------------------------------------------------------------------
 * Share links of manchesterbaby.com, the Java simulator's web site
 * (docs/formats.md, "Share links"): https://manchesterbaby.com?s=VALUE.
 * A link carries the store, A and the low 5 bits of CI. ssem_load reads one
 * as SSEM_FORMAT_URL (detected by content) into a program image, warning
 * when the link's A or CI are not zero since an image has no registers.
 * ---------------------------------------------------------------------- */
#define SSEM_URL_PREFIX "https://manchesterbaby.com?s="

/* Whether text is one word that is a share link (any http:// or https://
 * link, "s=VALUE", or a bare VALUE of 51 to 183 base64url characters,
 * not all digits): what detection calls the url format. */
SSEM_API bool ssem_is_url(const char *text, size_t len);

/* Reads a link (a whole link, "s=VALUE" or VALUE; surrounding white space
 * is ignored) into *m: the store, A and CI; PI, the lamp and the step count
 * zero. m->lenient is kept. Returns 0, or -1 and
 * fills *err (file:line:col of the character at fault); *m is untouched on
 * error. ssem_load_machine reads links the same way. */
SSEM_API int ssem_load_url(const char *text, size_t len, const char *name, ssem_t *m,
                           ssem_diag_t *err);

/* The link for a store, A and CI, in the compact form the simulator writes
 * today, as a new malloc'd string without a newline (NULL when out of
 * memory). Only CI's low 5 bits fit in a link: *ci_cut (when not NULL) is set
 * when CI has other bits, which the link drops; callers must say so. */
SSEM_API char *ssem_write_url(const uint32_t store[SSEM_LINES], uint32_t a, uint32_t ci,
                             bool *ci_cut);

#ifdef __cplusplus
}
#endif
#endif /* SSEM_H */
