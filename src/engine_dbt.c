/*
 * engine_dbt.c - the `dbt` engine: a dynamic binary translator from Baby code
 * to x86-64 machine code (x86-64 Linux only; the other engines always remain).
 *
 * Why this shape (../shared/NOTES.md has the measurements): the critical path
 * of any Baby interpreter is CI feeding the next fetch. Translated code makes
 * the Baby's line the host's program counter, so only A's dependency chain is
 * left. The three parts of STYLE.md point 8 are: byte emitters with named
 * opcodes (dbt_emit.h), W^X code memory (dbt_mem.c) and this translator.
 *
 * Blocks. A block starts at a line L and runs over consecutive lines until a
 * JMP, JRP or STP, or line 31, or a line that must not be translated. A CMP
 * does not end a block: its skip is a side exit (or a jump two instructions
 * ahead inside the block). Blocks are cached by start line (a line may appear
 * in several blocks) and chained by direct jumps ("sites"), patched in when
 * the successor is translated. Translation goes in batches: the block C needs
 * and every block it chains to, and theirs, so a program is usually
 * translated in one go and sealed with one mprotect. There is one cache for
 * the current mode (strict or lenient); a change of mode flushes it.
 *
 * What is baked in. The words of the translated lines, and the operand words
 * of JMP/JRP (so their targets are constants: JRP becomes an add to CI's high
 * bits, usually nothing at all). `block_deps[s]` has a bit per line baked
 * into the block at s, `ctx.mask` their union and `ctx.shadow` the words. A
 * translated STO tests the mask bit of its line; when it is set, the rare path
 * compares the new word with the old one: the same word again (code that
 * rewrites a line with what it holds, as bench/selfmod.asm does every round)
 * changes nothing and stays in translated code; a new word leaves to C, which
 * kills only the blocks that baked that line, points every chained jump into
 * them back at C's stub, and translates again when the line is next reached.
 * On entry to run(), the baked lines are compared with the store, so a caller
 * may write m->store directly (the same kill, no more). A line whose word
 * keeps changing (code that modifies itself in a loop) is marked volatile
 * after a few changes and then executed by ssem_step instead, so it cannot
 * make the engine retranslate for ever.
 *
 * Code memory is W^X by pages (dbt_mem.c): code runs only from sealed
 * read+execute pages; a batch writes into fresh read+write pages past the
 * sealed ones and, to patch chained jumps, reopens the sealed blocks; seal()
 * makes it all read+execute in one call before anything runs.
 *
 * Registers while in translated code (all callee-saved):
 *   rbx  &m->store[0]        r13d  A
 *   r12  &ctx                r14   steps left in the budget
 *   rbp  PI (word of the last instruction executed)
 *   r15d CI's bits above the line: while executing line L, CI = r15 + L
 * CI's high part changes only at JMP/JRP, at a CMP skip past line 31 and when
 * running off line 31, and only those places test the fault bits (strict).
 *
 * The budget is exact: a block of n instructions is entered only when at
 * least n steps remain (it subtracts n at once) and gives back what an early
 * exit (CMP skip, STO into code) did not execute. When fewer steps remain
 * than the block holds, C finishes the budget with ssem_run (slow, simple)
 * and then treats what it wrote into baked lines as a translated STO would.
 *
 * Every exit to C leaves the next fetch's CI (CI + 1) in ctx.regs.next_ci, so
 * C (xlat_leave, src/xlat.h) sets m->ci = next_ci - 1 and decides what comes
 * next: a fault (ssem_step detects it, after the budget check, exactly as
 * the reference does), a translation, a volatile line stepped by ssem_step,
 * or the end.
 */
#if defined(__x86_64__) && defined(__linux__)

#include "dbt_emit.h"
#include "dbt_mem.h"
#include "internal.h"
#include "xlat.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DBT_CODE_SIZE (1024u * 1024u) /* far more than 32 blocks ever need  */
#define DBT_BLOCK_ROOM 8192u          /* more than the largest block's code   */
#define DBT_MAX_SITES 2048u           /* chain jumps kept (more: via the stub) */
#define DBT_VOLATILE_AFTER 4u         /* code changes before a line is stepped */
#define DBT_BLOCK_ALIGN 32u
#define NO_INSN UINT32_MAX            /* a rare path that belongs to no instruction */

/* Registers of the translated code (see the top of the file). */
#define REG_STORE DBT_RBX
#define REG_CTX DBT_R12
#define REG_A DBT_R13
#define REG_LEFT DBT_R14
#define REG_HI DBT_R15
#define REG_PI DBT_RBP
#define REG_NEXT DBT_RAX   /* at an exit: the next fetch's CI */
#define REG_REASON DBT_RCX /* at an exit: why (xlat_exit_t)   */

/* What C and translated code share; r12 points here. The registers, and
 * the reasons to leave (XLAT_EXIT_*), are those of src/xlat.h. */
typedef struct dbt_ctx {
    uint32_t *store;
    xlat_regs_t regs;
    uint32_t mask;               /* bit L: line L is baked into a live block */
    uint32_t shadow[SSEM_LINES]; /* the words of the baked lines             */
} dbt_ctx_t;

#define CTX_OFF(field) ((int32_t)offsetof(dbt_ctx_t, field))

/* A chain jump: a jmp/jcc in block `from` that goes to line `target`, to its
 * block when `linked`, else to its stub. Every jump into a block is one of
 * these, so that killing the block can point them all back at the stub. */
typedef struct dbt_site {
    size_t at; /* offset of its rel32 field */
    uint8_t from, target;
    bool linked;
} dbt_site_t;

typedef struct dbt {
    dbt_ctx_t ctx;
    dbt_mem_t mem;
    dbt_buf_t buf;
    bool broken;  /* no executable memory: run with ssem_run */
    bool lenient; /* the mode the translations were made for */
    size_t exit_at;                 /* common exit                        */
    size_t line_stub[SSEM_LINES];   /* "leave to C, next fetch line L"    */
    size_t blocks_start;            /* translations start here ...        */
    size_t first_page;              /* ... in this page (after the stubs) */
    size_t block_at[SSEM_LINES];    /* block starting at line L ...       */
    uint32_t block_len[SSEM_LINES]; /* ... its length (0: none) ...       */
    uint32_t block_deps[SSEM_LINES]; /* ... and the lines baked into it   */
    uint8_t changes[SSEM_LINES];    /* times a STO changed a baked line   */
    uint32_t volatile_mask;         /* lines never translated             */
    /* W^X by pages: [0, rx_end) is read+execute except [open_lo, open_hi),
     * reopened for patching (empty, or [first_page, rx_end): all the blocks
     * below rx_end, and the stubs that share their first page); [rx_end,
     * size) is read+write and holds no code that may run. seal() makes
     * everything up to the code's end executable again, in one mprotect,
     * before translated code runs. */
    size_t rx_end, open_lo, open_hi;
    size_t nsite;
    dbt_site_t site[DBT_MAX_SITES];
    /* what an observer sees (ssem_engine_observe): a block's TRANSLATE event,
     * then the chains made while translating it (its own jumps to existing
     * blocks, and the jumps that were waiting for it) */
    ssem_observer_t *obs;
    size_t block_end[SSEM_LINES]; /* end of the code of the block at L */
    size_t cur_offset[SSEM_LINES]; /* the last block's instructions' code, from its entry */
    uint32_t nchain;
    struct {
        uint32_t from, to;
        size_t at;
    } chain[DBT_MAX_SITES + SSEM_LINES + 2u];
} dbt_t;

typedef void (*dbt_enter_t)(dbt_ctx_t *ctx, const uint8_t *target);

_Static_assert(sizeof(dbt_enter_t) == sizeof(uint8_t *), "code pointers are data pointers");

/* ------------------------------------------------------------ the fixed stubs */

/* enter(ctx, target): save the callee-saved registers, load the machine's
 * registers from ctx, jump to target. exit: the reverse, with next_ci and the
 * reason from eax/ecx. One "leave at line L" stub per line serves as the
 * target of not-yet-chained jumps and of fault and budget checks. */
static const unsigned saved_regs[] = {DBT_RBX, DBT_RBP, DBT_R12, DBT_R13, DBT_R14, DBT_R15};
#define SAVED_COUNT (sizeof saved_regs / sizeof saved_regs[0])

static void emit_stubs(dbt_t *d)
{
    dbt_buf_t *b = &d->buf;
    for (size_t i = 0; i < SAVED_COUNT; i++)
        dbt_push(b, saved_regs[i]);
    dbt_op_reg(b, true, X86_OP_MOV_RM_R, DBT_RDI, REG_CTX); /* mov r12, rdi */
    dbt_op_mem(b, true, X86_OP_MOV_R_RM, REG_STORE, REG_CTX, CTX_OFF(store));
    dbt_op_mem(b, false, X86_OP_MOV_R_RM, REG_A, REG_CTX, CTX_OFF(regs.a));
    dbt_op_mem(b, true, X86_OP_MOV_R_RM, REG_LEFT, REG_CTX, CTX_OFF(regs.left));
    dbt_op_mem(b, false, X86_OP_MOV_R_RM, REG_HI, REG_CTX, CTX_OFF(regs.hi));
    dbt_op_mem(b, false, X86_OP_MOV_R_RM, REG_PI, REG_CTX, CTX_OFF(regs.pi));
    dbt_jmp_reg(b, DBT_RSI);

    d->exit_at = b->len;
    dbt_op_mem(b, false, X86_OP_MOV_RM_R, REG_NEXT, REG_CTX, CTX_OFF(regs.next_ci));
    dbt_op_mem(b, false, X86_OP_MOV_RM_R, REG_REASON, REG_CTX, CTX_OFF(regs.reason));
    dbt_op_mem(b, false, X86_OP_MOV_RM_R, REG_A, REG_CTX, CTX_OFF(regs.a));
    dbt_op_mem(b, false, X86_OP_MOV_RM_R, REG_PI, REG_CTX, CTX_OFF(regs.pi));
    dbt_op_mem(b, true, X86_OP_MOV_RM_R, REG_LEFT, REG_CTX, CTX_OFF(regs.left));
    for (size_t i = SAVED_COUNT; i-- > 0;)
        dbt_pop(b, saved_regs[i]);
    dbt_emit8(b, X86_OP_RET);

    for (uint32_t line = 0; line < SSEM_LINES; line++) {
        d->line_stub[line] = b->len;
        dbt_op_mem(b, false, X86_OP_LEA, REG_NEXT, REG_HI, (int32_t)line);
        dbt_mov_imm(b, REG_REASON, XLAT_EXIT_NEXT);
        dbt_jmp(b, d->exit_at);
    }
    d->blocks_start = b->len;
}

/* ------------------------------------------------------------ code memory */

static size_t page_up(const dbt_t *d, size_t x)
{
    return (x + d->mem.page - 1u) / d->mem.page * d->mem.page;
}

/* Makes the rel32 at `at` writable for a patch. Only code below rx_end needs
 * it, and then all of [blocks_start, rx_end) is opened at once: one mprotect
 * however many blocks a batch patches (the pages are few, and a partial open
 * would cost a call per page). Nothing of it runs until seal(). */
static bool open_for_patch(dbt_t *d, size_t at)
{
    if (at >= d->rx_end || d->open_hi > d->open_lo)
        return true;
    if (dbt_mem_protect(&d->mem, d->first_page, d->rx_end, false) != 0)
        return false;
    d->open_lo = d->first_page;
    d->open_hi = d->rx_end;
    return true;
}

/* Points a chain jump at `target`, if its page can be opened. */
static void patch_site(dbt_t *d, size_t at, size_t target)
{
    if (!open_for_patch(d, at)) {
        d->broken = true; /* never runs translated code again */
        return;
    }
    dbt_patch_rel32(&d->buf, at, target);
}

/* Before running translated code: the new code and the patched pages become
 * read+execute, in one mprotect. The next translation starts on a fresh
 * (writable) page, so appending never has to reopen a page. */
static bool seal(dbt_t *d)
{
    bool opened = d->open_hi > d->open_lo;
    if (d->buf.len <= d->rx_end && !opened)
        return true;
    size_t lo = opened && d->open_lo < d->rx_end ? d->open_lo : d->rx_end;
    size_t end = page_up(d, d->buf.len);
    if (end < d->rx_end)
        end = d->rx_end;
    if (dbt_mem_protect(&d->mem, lo, end, true) != 0) {
        d->broken = true;
        return false;
    }
    d->rx_end = end;
    d->buf.len = end < d->buf.cap ? end : d->buf.cap;
    d->open_lo = d->open_hi = 0;
    return true;
}

/* ------------------------------------------------------------ events */

static void emit_event(dbt_t *d, const ssem_event_t *ev)
{
    if (d->obs != NULL)
        ssem_observer_emit(d->obs, ev);
}

static uint32_t block_count(const dbt_t *d)
{
    uint32_t n = 0;
    for (uint32_t line = 0; line < SSEM_LINES; line++)
        n += d->block_len[line] != 0u;
    return n;
}

/* Every translation is about to be dropped, for a reason other than a
 * change to code. */
static void flush_because(dbt_t *d, const char *why)
{
    uint32_t n = block_count(d);
    if (n > 0u) {
        ssem_event_t ev = {.kind = SSEM_EVENT_FLUSH, .why = why, .count = n};
        emit_event(d, &ev);
    }
}

/* Steps handed to the reference step: the event. */
static void fallback_event(dbt_t *d, uint32_t line, uint64_t steps, const char *why)
{
    ssem_event_t ev = {.kind = SSEM_EVENT_FALLBACK, .why = why, .line = line, .steps = steps};
    emit_event(d, &ev);
}

static void note_chain(dbt_t *d, uint32_t from, uint32_t to, size_t at)
{
    if (d->nchain < sizeof d->chain / sizeof d->chain[0]) {
        d->chain[d->nchain].from = from;
        d->chain[d->nchain].to = to;
        d->chain[d->nchain++].at = at;
    }
}

/* The block at `start` was just emitted: its event, then its chains. */
static void translated_events(dbt_t *d, const uint32_t *store, uint32_t start, bool strict)
{
    if (d->obs == NULL)
        return;
    const uint8_t *code = d->mem.base + d->block_at[start];
    ssem_event_t ev = {.kind = SSEM_EVENT_TRANSLATE,
                       .why = strict ? "strict" : "lenient",
                       .line = start,
                       .count = d->block_len[start],
                       .words = store + start,
                       .code = code,
                       .code_len = d->block_end[start] - d->block_at[start],
                       .offsets = d->cur_offset,
                       .host_address = (uint64_t)(uintptr_t)code};
    emit_event(d, &ev);
    for (uint32_t k = 0; k < d->nchain; k++) {
        ssem_event_t c = {.kind = SSEM_EVENT_CHAIN,
                          .why = "direct jump",
                          .line = d->chain[k].to,
                          .from_line = d->chain[k].from,
                          .host_address = (uint64_t)(uintptr_t)(d->mem.base + d->chain[k].at)};
        emit_event(d, &c);
    }
}

/* ------------------------------------------------------------ the cache */

/* Drops every translation (the code region is full, or the mode changed). */
static void flush(dbt_t *d)
{
    if (d->rx_end > d->first_page &&
        dbt_mem_protect(&d->mem, d->first_page, d->rx_end, false) != 0)
        d->broken = true;
    d->rx_end = d->first_page;
    d->open_lo = d->open_hi = 0;
    d->buf.len = d->blocks_start;
    d->buf.overflow = false;
    memset(d->block_len, 0, sizeof d->block_len);
    memset(d->block_deps, 0, sizeof d->block_deps);
    d->ctx.mask = 0;
    d->nsite = 0;
}

/* Kills the block at line s: jumps into it go back to its stub (so C will
 * translate the line again when it is next reached), jumps out of it are
 * forgotten (its code is dead: nothing jumps to it any more). */
static void kill_block(dbt_t *d, uint32_t s)
{
    d->block_len[s] = 0;
    d->block_deps[s] = 0;
    size_t kept = 0;
    for (size_t k = 0; k < d->nsite; k++) {
        dbt_site_t x = d->site[k];
        if (x.from == s)
            continue;
        if (x.target == s && x.linked) {
            patch_site(d, x.at, d->line_stub[s]);
            x.linked = false;
        }
        d->site[kept++] = x;
    }
    d->nsite = kept;
}

/* Line n no longer holds the word baked into code: kill every block that
 * baked it (its own block and those whose JMP/JRP read it), nothing else. */
static uint32_t invalidate_line(dbt_t *d, uint32_t n)
{
    uint32_t mask = 0, killed = 0;
    for (uint32_t s = 0; s < SSEM_LINES; s++) {
        if (d->block_len[s] != 0u && ((d->block_deps[s] >> n) & 1u)) {
            kill_block(d, s);
            killed++;
        }
        mask |= d->block_deps[s];
    }
    d->ctx.mask = mask;
    return killed;
}

static void invalidate_event(dbt_t *d, uint32_t n, uint32_t killed, const char *why)
{
    ssem_event_t ev = {.kind = SSEM_EVENT_INVALIDATE, .why = why, .line = n, .count = killed};
    emit_event(d, &ev);
}

/* On entry: the caller may have written the store since the last call. */
static void check_store(dbt_t *d, const uint32_t *store)
{
    for (uint32_t line = 0; line < SSEM_LINES; line++) {
        if (((d->ctx.mask >> line) & 1u) && store[line] != d->ctx.shadow[line]) {
            char why[48];
            snprintf(why, sizeof why, "the caller changed line %u", (unsigned)line);
            invalidate_event(d, line, invalidate_line(d, line), why);
        }
    }
}

/* After the program wrote line n (by translated code or by ssem_step): if it
 * changed a baked word, the blocks that baked it go. */
static void after_store(dbt_t *d, const uint32_t *store, uint32_t n)
{
    if (((d->ctx.mask >> n) & 1u) == 0u || store[n] == d->ctx.shadow[n])
        return;
    if (d->changes[n] < DBT_VOLATILE_AFTER)
        d->changes[n]++;
    if (d->changes[n] >= DBT_VOLATILE_AFTER)
        d->volatile_mask |= 1u << n;
    uint32_t killed = invalidate_line(d, n);
    char why[64];
    snprintf(why, sizeof why, "STO changed line %u%s", (unsigned)n,
             (d->volatile_mask >> n) & 1u ? " (now volatile: the reference steps it)" : "");
    invalidate_event(d, n, killed, why);
}

/* After the reference step ran for the engine: what it wrote into baked
 * lines counts as the program's own change, as after a translated STO. */
static void after_steps(dbt_t *d, const uint32_t *store)
{
    for (uint32_t line = 0; line < SSEM_LINES; line++)
        after_store(d, store, line);
}

static bool is_jump(uint32_t f) { return f == SSEM_F0 || f == SSEM_F1; }

/* A line may be translated unless it, or the operand of a JMP/JRP in it, is
 * volatile (its word is baked, and it keeps changing). */
static bool translatable(const dbt_t *d, const uint32_t *store, uint32_t line)
{
    uint32_t w = store[line];
    if ((d->volatile_mask >> line) & 1u)
        return false;
    return !is_jump(ssem_word_function(w)) || ((d->volatile_mask >> ssem_word_line(w)) & 1u) == 0u;
}

/* ------------------------------------------------------------ the translator */

/* jmp to line's block, or to its stub until the block exists (then patched).
 * `from` is the block being emitted; `succ` collects the lines jumped to. */
static void emit_chain(dbt_t *d, uint32_t from, uint32_t line, uint32_t *succ)
{
    *succ |= 1u << line;
    if (d->nsite == DBT_MAX_SITES) { /* untracked: to the stub, which never dies */
        dbt_jmp(&d->buf, d->line_stub[line]);
        return;
    }
    bool have = d->block_len[line] != 0u;
    size_t at = dbt_jmp(&d->buf, have ? d->block_at[line] : d->line_stub[line]);
    d->site[d->nsite++] = (dbt_site_t){at, (uint8_t)from, (uint8_t)line, have};
    if (have)
        note_chain(d, from, line, at);
}

/* Leave the block for the fetch at CI = r15 + x (x <= 33), giving back `unused`
 * pre-charged steps; `pi` is the word of the last instruction executed. */
static void emit_transfer(dbt_t *d, uint32_t from, bool strict, uint32_t x, uint32_t unused,
                          uint32_t pi, uint32_t *succ)
{
    dbt_buf_t *b = &d->buf;
    if (unused != 0u)
        dbt_grp1_imm(b, true, X86_GRP1_ADD, REG_LEFT, unused);
    dbt_mov_imm(b, REG_PI, pi);
    if (x >= SSEM_LINES) { /* ran off line 31: CI's high part grows */
        x -= SSEM_LINES;
        dbt_grp1_imm(b, false, X86_GRP1_ADD, REG_HI, SSEM_LINES);
        if (strict) {
            dbt_test_reg_imm(b, REG_HI, SSEM_CI_FAULT_BITS);
            dbt_jcc(b, X86_CC_NE, d->line_stub[x]); /* C reports the fault */
        }
    }
    emit_chain(d, from, x, succ);
}

/* Leave to C with a reason; the next fetch is at CI = r15 + x. */
static void emit_exit(dbt_t *d, uint32_t x, uint32_t unused, uint32_t pi, xlat_exit_t why)
{
    dbt_buf_t *b = &d->buf;
    if (unused != 0u)
        dbt_grp1_imm(b, true, X86_GRP1_ADD, REG_LEFT, unused);
    dbt_mov_imm(b, REG_PI, pi);
    dbt_op_mem(b, false, X86_OP_LEA, REG_NEXT, REG_HI, (int32_t)x);
    dbt_mov_imm(b, REG_REASON, (uint32_t)why);
    dbt_jmp(b, d->exit_at);
}

/* Emits the block starting at `start` (a translatable line, with no block);
 * `succ` gets the lines it chains to. Returns false when the buffer
 * overflowed (the caller flushes then). */
static bool emit_block(dbt_t *d, const uint32_t *store, uint32_t start, bool strict,
                       uint32_t *succ)
{
    dbt_buf_t *b = &d->buf;
    uint32_t word[SSEM_LINES], count = 0;
    for (uint32_t line = start; line < SSEM_LINES; line++) {
        if (count > 0u && !translatable(d, store, line))
            break;
        uint32_t f = ssem_word_function(store[line]);
        word[count++] = store[line];
        if (is_jump(f) || f == SSEM_F7)
            break;
    }

    /* entries on a 32-byte boundary, for the front end (a fetch window: at 16
     * the first program ran 15% slower when an entry fell mid-window, with
     * the same code); the padding never runs */
    while ((b->len & (DBT_BLOCK_ALIGN - 1u)) != 0u && !b->overflow)
        dbt_emit8(b, X86_OP_INT3);
    size_t entry = b->len, hot[SSEM_LINES], resume[SSEM_LINES];
    struct {
        size_t at;  /* the jcc's rel32 */
        uint32_t i; /* the instruction (STO or CMP) it belongs to, or NO_INSN */
    } cold[SSEM_LINES + 1u];
    uint32_t ncold = 0;
    struct {
        size_t at;  /* a jmp's rel32 ... */
        uint32_t i; /* ... to the code of this instruction of the block */
    } ahead[SSEM_LINES];
    uint32_t nahead = 0;
    /* recorded first, so that a jump back to the block's own start chains */
    d->block_at[start] = entry;
    d->block_len[start] = count;
    d->nchain = 0;

    /* budget: enter only if all `count` steps are allowed (sub and jb fuse;
     * the rare path undoes the sub) */
    dbt_grp1_imm(b, true, X86_GRP1_SUB, REG_LEFT, count);
    cold[ncold].at = dbt_jcc(b, X86_CC_B, 0);
    cold[ncold++].i = NO_INSN;

    bool ended = false; /* the last instruction left the block itself */
    for (uint32_t i = 0; i < count; i++) {
        uint32_t line = start + i, w = word[i], n = ssem_word_line(w);
        int32_t operand = (int32_t)(n * sizeof(uint32_t));
        hot[i] = b->len;
        switch (ssem_word_function(w)) {
        case 0: { /* JMP: CI <- S[n], baked; the next fetch is S[n] + 1 */
            uint32_t next = store[n] + 1u;
            dbt_mov_imm(b, REG_PI, w);
            dbt_mov_imm(b, REG_HI, next & ~SSEM_LINE_MASK);
            if (strict && (next & SSEM_CI_FAULT_BITS) != 0u)
                dbt_jmp(b, d->line_stub[next & SSEM_LINE_MASK]); /* C faults */
            else
                emit_chain(d, start, next & SSEM_LINE_MASK, succ);
            ended = true;
            break;
        }
        case 1: { /* JRP: CI <- CI + S[n]; next fetch r15 + (line + S[n] + 1) */
            uint32_t t = line + store[n] + 1u, delta = t & ~SSEM_LINE_MASK;
            dbt_mov_imm(b, REG_PI, w);
            if (delta != 0u) {
                dbt_grp1_imm(b, false, X86_GRP1_ADD, REG_HI, delta);
                if (strict) {
                    dbt_test_reg_imm(b, REG_HI, SSEM_CI_FAULT_BITS);
                    dbt_jcc(b, X86_CC_NE, d->line_stub[t & SSEM_LINE_MASK]);
                }
            }
            emit_chain(d, start, t & SSEM_LINE_MASK, succ);
            ended = true;
            break;
        }
        case 2: /* LDN: A <- -S[n] */
            dbt_op_mem(b, false, X86_OP_MOV_R_RM, REG_A, REG_STORE, operand);
            dbt_neg(b, REG_A);
            break;
        case 3: /* STO: S[n] <- A; if line n is baked into code, the rare path
                 * checks whether the word really changed (code that stores
                 * the same word again, as W3 does, stays translated). The
                 * store goes first: LDN of the same line often follows. */
            dbt_op_mem(b, false, X86_OP_MOV_RM_R, REG_A, REG_STORE, operand);
            dbt_test_mem_imm(b, REG_CTX, CTX_OFF(mask), 1u << n);
            cold[ncold].at = dbt_jcc(b, X86_CC_NE, 0);
            cold[ncold++].i = i;
            resume[i] = b->len;
            break;
        case 4:
        case 5: /* SUB: A <- A - S[n] */
            dbt_op_mem(b, false, X86_OP_SUB_R_RM, REG_A, REG_STORE, operand);
            break;
        case 6: /* CMP: if A < 0, skip. A predicted branch, never a cmov. */
            dbt_op_reg(b, false, X86_OP_TEST_RM_R, REG_A, REG_A);
            if (i + 2u < count) {
                /* the skip lands in this block: one taken jump either way */
                size_t over = dbt_jcc(b, X86_CC_NS, 0);
                dbt_grp1_imm(b, true, X86_GRP1_ADD, REG_LEFT, 1u); /* i+1 not run */
                ahead[nahead].at = dbt_jmp(b, 0);
                ahead[nahead++].i = i + 2u;

                if (!b->overflow)
                    dbt_patch_rel32(b, over, b->len);
            } else {
                cold[ncold].at = dbt_jcc(b, X86_CC_S, 0);
                cold[ncold++].i = i;
            }
            break;
        case 7: /* STP: lamp; CI stays on this line */
            emit_exit(d, line + 1u, 0, w, XLAT_EXIT_HALT);
            ended = true;
            break;
        }
    }
    if (!ended) /* fall through to the line after the block */
        emit_transfer(d, start, strict, start + count, 0, word[count - 1u], succ);

    for (uint32_t k = 0; k < nahead && !b->overflow; k++)
        dbt_patch_rel32(b, ahead[k].at, hot[ahead[k].i]);

    /* the rare paths, out of line */
    for (uint32_t k = 0; k < ncold; k++) {
        uint32_t i = cold[k].i;
        if (!b->overflow)
            dbt_patch_rel32(b, cold[k].at, b->len);
        if (i == NO_INSN) { /* not enough budget: give it back, leave */
            dbt_grp1_imm(b, true, X86_GRP1_ADD, REG_LEFT, count);
            dbt_jmp(b, d->line_stub[start]);
            continue;
        }
        uint32_t line = start + i, w = word[i];
        if (ssem_word_function(w) == SSEM_F3) {
            /* a STO into a baked line: the same word again (the one
             * ctx.shadow holds while the bit is set) changes nothing */
            int32_t old = CTX_OFF(shadow) + (int32_t)(ssem_word_line(w) * sizeof(uint32_t));
            dbt_op_mem(b, false, X86_OP_CMP_R_RM, REG_A, REG_CTX, old);
            dbt_jcc(b, X86_CC_E, resume[i]);
            emit_exit(d, line + 1u, count - i - 1u, w, XLAT_EXIT_STORE);
        } else { /* a CMP skip out of the block */
            emit_transfer(d, start, strict, line + 2u, count - i - 1u, w, succ);
        }
    }
    if (b->overflow)
        return false;

    /* bake: the block's words and its JMP/JRP operand */
    uint32_t deps = 0;
    for (uint32_t i = 0; i < count; i++) {
        uint32_t line = start + i;
        deps |= 1u << line;
        d->ctx.shadow[line] = store[line];
        if (is_jump(ssem_word_function(word[i]))) {
            uint32_t n = ssem_word_line(word[i]);
            deps |= 1u << n;
            d->ctx.shadow[n] = store[n];
        }
    }
    d->block_deps[start] = deps;
    d->block_end[start] = b->len;
    for (uint32_t i = 0; i < count; i++)
        d->cur_offset[i] = hot[i] - entry;
    d->ctx.mask |= deps;
    /* chain the jumps that were waiting for this block */
    for (size_t k = 0; k < d->nsite; k++) {
        dbt_site_t *x = &d->site[k];
        if (x->target == start && !x->linked) {
            patch_site(d, x->at, entry);
            x->linked = true;
            note_chain(d, x->from, start, x->at);
        }
    }
    return true;
}

/* Translates the block at `line` and, in the same batch (one seal, so one
 * mprotect), the blocks it chains to, and theirs, breadth first: the whole
 * program reachable through baked jumps, usually. Lines that a STO has
 * changed are left for when they are reached. Returns whether line's block
 * exists. */
static bool translate(dbt_t *d, const uint32_t *store, uint32_t line, bool strict)
{
    uint32_t todo[SSEM_LINES], head = 0, tail = 0, queued = 1u << line;
    todo[tail++] = line;
    if (d->buf.cap - d->buf.len < DBT_BLOCK_ROOM) {
        flush_because(d, "the code buffer is full");
        flush(d); /* full: start over */
    }
    while (head < tail && !d->broken) {
        uint32_t s = todo[head++], succ = 0;
        if (d->block_len[s] != 0u || !translatable(d, store, s))
            continue;
        if (d->buf.cap - d->buf.len < DBT_BLOCK_ROOM)
            break; /* the rest when it is reached */
        if (!emit_block(d, store, s, strict, &succ)) {
            flush_because(d, "the code buffer is full");
            flush(d); /* cannot happen with DBT_BLOCK_ROOM to spare */
            break;
        }
        translated_events(d, store, s, strict);
        for (uint32_t t = 0; t < SSEM_LINES; t++) {
            if (((succ >> t) & 1u) && !((queued >> t) & 1u) && d->changes[t] == 0u) {
                queued |= 1u << t;
                todo[tail++] = t;
            }
        }
    }
    return !d->broken && d->block_len[line] != 0u;
}

/* ------------------------------------------------------------ the engine */

static void *dbt_create(void)
{
    dbt_t *d = calloc(1, sizeof *d);
    if (d == NULL)
        return SSEM_ENGINE_NOMEM;
    if (dbt_mem_map(&d->mem, DBT_CODE_SIZE) != 0) {
        d->broken = true; /* no executable memory here: correct, just slow */
        return d;
    }
    d->buf.code = d->mem.base;
    d->buf.cap = d->mem.size;
    emit_stubs(d);
    /* the stubs' pages below the first block's are sealed once and for all;
     * the page the blocks start in is sealed with them */
    d->blocks_start = d->buf.len;
    d->first_page = d->buf.len / d->mem.page * d->mem.page;
    if (d->buf.overflow || d->blocks_start + DBT_BLOCK_ROOM > d->buf.cap ||
        dbt_mem_protect(&d->mem, 0, d->first_page, true) != 0)
        d->broken = true;
    d->rx_end = d->first_page;
    flush(d);
    return d;
}

static void dbt_destroy(void *priv)
{
    dbt_t *d = priv;
    dbt_mem_unmap(&d->mem);
    free(d);
}

/* One reference step, noticing a write into baked code. */
static ssem_stop_t step_one(dbt_t *d, ssem_t *m, const char *reason)
{
    uint32_t line = (m->ci + 1u) & SSEM_LINE_MASK;
    ssem_stop_t why = ssem_step(m);
    fallback_event(d, line, 1, reason);
    if (why != SSEM_FAULT && ssem_word_function(m->pi) == SSEM_F3)
        after_store(d, m->store, ssem_word_line(m->pi));
    return why;
}

/* Steps handed to ssem_run, reported; its writes into code noticed. */
static ssem_stop_t run_by_ref(dbt_t *d, ssem_t *m, uint64_t budget, const char *why)
{
    uint64_t before = m->steps;
    uint32_t line = (m->ci + 1u) & SSEM_LINE_MASK;
    ssem_stop_t stop = ssem_run(m, budget, 0);
    fallback_event(d, line, m->steps - before, why);
    if (!d->broken)
        after_steps(d, m->store);
    return stop;
}

static ssem_stop_t dbt_run(void *priv, ssem_t *m, uint64_t budget)
{
    dbt_t *d = priv;
    if (d->broken)
        return run_by_ref(d, m, budget, "no executable memory");
    if (m->lenient != d->lenient) {
        flush_because(d, "the fault mode changed");
        flush(d);
        d->lenient = m->lenient;
    } else {
        check_store(d, m->store); /* the caller's writes since the last call */
    }
    bool strict = !m->lenient;
    dbt_enter_t enter;
    const uint8_t *base = d->mem.base;
    memcpy(&enter, &base, sizeof enter);

    uint64_t left = budget;
    while (left > 0u) {
        if (d->broken)
            return run_by_ref(d, m, left, "no executable memory");
        uint32_t next = m->ci + 1u, line = next & SSEM_LINE_MASK;
        bool faults = strict && (next & SSEM_CI_FAULT_BITS) != 0u;
        if (faults || !translatable(d, m->store, line) ||
            (d->block_len[line] == 0u && !translate(d, m->store, line, strict))) {
            if (d->broken)
                return run_by_ref(d, m, left, "no executable memory");
            /* reports the fault, or steps a volatile line */
            ssem_stop_t why = step_one(d, m, faults ? "the fetch faults" : "a volatile line");
            if (why != SSEM_RUNNING)
                return why;
            left--;
            continue;
        }
        if (left < d->block_len[line]) /* the tail of the budget, step by step */
            return run_by_ref(d, m, left, "the budget ends inside the block");
        if (!seal(d))
            return run_by_ref(d, m, left, "no executable memory");

        d->ctx.store = m->store;
        xlat_enter(&d->ctx.regs, m, left);
        enter(&d->ctx, base + d->block_at[line]);
        if (xlat_leave(&d->ctx.regs, m, &left))
            return SSEM_HALTED;
        if (d->ctx.regs.reason == XLAT_EXIT_STORE)
            after_store(d, m->store, ssem_word_line(m->pi));
    }
    return SSEM_LIMIT;
}

static void dbt_attach(void *priv, ssem_observer_t *obs)
{
    dbt_t *d = priv;
    d->obs = obs;
}

/* The V-state: the store in place (rbx points at m->store), the registers
 * the next entry loads, and the code cache, which interp ignores. */
static void dbt_describe(void *priv, const ssem_t *m, ssem_vstate_t *v)
{
    const dbt_t *d = priv;
    uint32_t next = m->ci + 1u, line = next & SSEM_LINE_MASK, hi = next & ~SSEM_LINE_MASK;
    snprintf(v->form, sizeof v->form,
             "translated x86-64 code: the Baby's line is the host's program counter (the "
             "block being run); A, PI and CI's high bits live in host registers; the store "
             "stays in the ssem_t, addressed through rbx");
    snprintf(v->interp, sizeof v->interp,
             "S = rbx[0..31]; A = r13d; PI = ebp; CI = r15d + L - 1, L the line of the "
             "host code about to run (CI = r15d + L at an STP)");
    ssem_vstate_add(v, "rbx", "S (in place)", "&m->store[0]: the T-state's store itself");
    ssem_vstate_add(v, "r13d", "A", "0x%08" PRIx32, m->a);
    ssem_vstate_add(v, "ebp", "PI", "0x%08" PRIx32, m->pi);
    ssem_vstate_add(v, "r15d", "CI = r15d + L - 1", "0x%08" PRIx32 " (CI's bits above the line)",
                    m->lamp ? (m->ci & ~SSEM_LINE_MASK) : hi);
    if (m->lamp)
        ssem_vstate_add(v, "host pc", "CI = r15d + L", "left the code at the STP of line %u",
                        (unsigned)(m->ci & SSEM_LINE_MASK));
    else if (d->broken)
        ssem_vstate_add(v, "host pc", "L", "no executable memory: ssem_run steps line %u",
                        (unsigned)line);
    else if (d->block_len[line] != 0u)
        ssem_vstate_add(v, "host pc", "L", "code+0x%zx, the block of line %u", d->block_at[line],
                        (unsigned)line);
    else
        ssem_vstate_add(v, "host pc", "L", "line %u is not translated yet (C translates it)",
                        (unsigned)line);
    for (uint32_t l = 0; l < SSEM_LINES; l++) {
        if (d->block_len[l] == 0u)
            continue;
        char name[40];
        snprintf(name, sizeof name, "block %u-%u", (unsigned)l,
                 (unsigned)(l + d->block_len[l] - 1u));
        ssem_vstate_add(v, name, "", "code+0x%zx, %zu bytes, %u instructions", d->block_at[l],
                        d->block_end[l] - d->block_at[l], (unsigned)d->block_len[l]);
    }
    ssem_vstate_add(v, "ctx.mask", "", "0x%08" PRIx32 " (lines baked into code)", d->ctx.mask);
    ssem_vstate_add(v, "volatile", "", "0x%08" PRIx32 " (lines stepped by the reference)",
                    d->volatile_mask);
    ssem_vstate_add(v, "m->lamp", "lamp", "%s", m->lamp ? "true" : "false");
    /* interp, applied to the registers as the next entry loads them */
    v->tstate.a = m->a;
    v->tstate.pi = m->pi;
    v->tstate.ci = m->lamp ? m->ci : hi + line - 1u;
}

const ssem_engine_ops_t ssem_engine_dbt_ops = {
    "dbt",
    "dynamic binary translator to x86-64: chained basic blocks, a block dropped when a STO changes its code",
    dbt_create,
    dbt_destroy,
    dbt_run,
    dbt_attach,
    dbt_describe,
    NULL,
};

#else
typedef int dbt_unused_t; /* ISO C wants at least one declaration */
#endif
