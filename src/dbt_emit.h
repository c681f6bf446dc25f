/*
 * dbt_emit.h - x86-64 byte emitters for the `dbt` engine (src/engine_dbt.c).
 *
 * Only the handful of instruction forms the translator needs, each built from
 * named opcode constants, so a reader can check an encoding against the
 * Intel manual without decoding bare bytes. Registers are numbered 0-15 as in
 * the manual; REX prefixes are added when a register above 7 (or 64-bit
 * operand size) needs one. Memory operands are always [base + disp8/disp32]:
 * that is all the translator uses (the store and the context block are both
 * addressed off a register).
 *
 * Emitting past the end of the buffer sets `overflow` and writes nothing;
 * the translator checks it once per block and starts over with an empty
 * buffer, so no emitter has to return an error.
 */
#ifndef SSEM_DBT_EMIT_H
#define SSEM_DBT_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* general-purpose registers */
enum dbt_reg {
    DBT_RAX = 0, DBT_RCX = 1, DBT_RDX = 2, DBT_RBX = 3, DBT_RSP = 4, DBT_RBP = 5,
    DBT_RSI = 6, DBT_RDI = 7, DBT_R8 = 8, DBT_R9 = 9, DBT_R10 = 10, DBT_R11 = 11,
    DBT_R12 = 12, DBT_R13 = 13, DBT_R14 = 14, DBT_R15 = 15
};

/* prefixes and ModRM pieces */
#define X86_REX 0x40u      /* REX prefix base                         */
#define X86_REX_W 0x08u    /* 64-bit operand size                     */
#define X86_REX_R 0x04u    /* extends ModRM.reg                       */
#define X86_REX_B 0x01u    /* extends ModRM.rm / SIB.base             */
#define X86_MOD_DISP8 1u   /* [rm + disp8]                            */
#define X86_MOD_DISP32 2u  /* [rm + disp32]                           */
#define X86_MOD_REG 3u     /* register operand                        */
#define X86_RM_SIB 4u      /* rm = 100: a SIB byte follows (rsp, r12) */
#define X86_SIB_NO_INDEX 0x24u /* scale 1, no index, base = rsp/r12   */

/* opcodes */
#define X86_OP_MOV_RM_R 0x89u   /* mov r/m, r                          */
#define X86_OP_MOV_R_RM 0x8Bu   /* mov r, r/m                          */
#define X86_OP_SUB_R_RM 0x2Bu   /* sub r, r/m                          */
#define X86_OP_CMP_R_RM 0x3Bu   /* cmp r, r/m                          */
#define X86_OP_TEST_RM_R 0x85u  /* test r/m, r                         */
#define X86_OP_LEA 0x8Du        /* lea r, m                            */
#define X86_OP_GRP1_IMM32 0x81u /* add/sub/cmp r/m, imm32 (ModRM.reg)  */
#define X86_OP_GRP1_IMM8 0x83u  /* same with a sign-extended imm8      */
#define X86_OP_GRP3 0xF7u       /* test r/m, imm32 (/0), neg r/m (/3)  */
#define X86_OP_GRP5 0xFFu       /* jmp r/m64 (/4)                      */
#define X86_OP_MOV_R_IMM32 0xB8u /* mov r32, imm32 (+ register)        */
#define X86_OP_PUSH 0x50u       /* push r64 (+ register)               */
#define X86_OP_POP 0x58u        /* pop r64 (+ register)                */
#define X86_OP_RET 0xC3u
#define X86_OP_INT3 0xCCu       /* padding that must never run         */
#define X86_OP_JMP_REL32 0xE9u
#define X86_OP_0F 0x0Fu         /* two-byte opcode escape              */
#define X86_OP_JCC_REL32 0x80u  /* 0F 80+cc: jcc rel32                 */

/* ModRM.reg extensions of the group opcodes */
#define X86_GRP1_ADD 0u
#define X86_GRP1_SUB 5u
#define X86_GRP1_CMP 7u
#define X86_GRP3_TEST 0u
#define X86_GRP3_NEG 3u
#define X86_GRP5_JMP 4u

/* condition codes for jcc */
#define X86_CC_B 0x2u  /* below (unsigned <)        */
#define X86_CC_E 0x4u  /* equal / zero              */
#define X86_CC_NE 0x5u /* not equal / not zero      */
#define X86_CC_S 0x8u  /* sign set                  */
#define X86_CC_NS 0x9u /* sign clear                */

typedef struct dbt_buf {
    uint8_t *code;
    size_t len, cap;
    bool overflow;
} dbt_buf_t;

static inline void dbt_emit8(dbt_buf_t *b, unsigned v)
{
    if (b->len < b->cap)
        b->code[b->len++] = (uint8_t)(v & 0xFFu);
    else
        b->overflow = true;
}

static inline void dbt_emit32(dbt_buf_t *b, uint32_t v)
{
    for (unsigned i = 0; i < 4; i++)
        dbt_emit8(b, (v >> (8u * i)) & 0xFFu);
}

/* A REX prefix when one is needed: 64-bit size, or reg/base above 7. */
static inline void dbt_rex(dbt_buf_t *b, bool wide, unsigned reg, unsigned base)
{
    unsigned rex = X86_REX | (wide ? X86_REX_W : 0u) | ((reg & 8u) ? X86_REX_R : 0u) |
                   ((base & 8u) ? X86_REX_B : 0u);
    if (rex != X86_REX)
        dbt_emit8(b, rex);
}

static inline void dbt_modrm(dbt_buf_t *b, unsigned mod, unsigned reg, unsigned rm)
{
    dbt_emit8(b, (mod << 6) | ((reg & 7u) << 3) | (rm & 7u));
}

/* The ModRM (+SIB) (+disp) of [base + disp] with `reg` in ModRM.reg. */
static inline void dbt_mem(dbt_buf_t *b, unsigned reg, unsigned base, int32_t disp)
{
    bool small = disp >= -128 && disp <= 127;
    dbt_modrm(b, small ? X86_MOD_DISP8 : X86_MOD_DISP32, reg, base);
    if ((base & 7u) == X86_RM_SIB)
        dbt_emit8(b, X86_SIB_NO_INDEX);
    if (small)
        dbt_emit8(b, (uint32_t)disp & 0xFFu);
    else
        dbt_emit32(b, (uint32_t)disp);
}

/* op reg, [base + disp] (or op [base + disp], reg, by the opcode). */
static inline void dbt_op_mem(dbt_buf_t *b, bool wide, unsigned op, unsigned reg, unsigned base,
                              int32_t disp)
{
    dbt_rex(b, wide, reg, base);
    dbt_emit8(b, op);
    dbt_mem(b, reg, base, disp);
}

/* op between two registers: ModRM.reg = reg, ModRM.rm = rm. */
static inline void dbt_op_reg(dbt_buf_t *b, bool wide, unsigned op, unsigned reg, unsigned rm)
{
    dbt_rex(b, wide, reg, rm);
    dbt_emit8(b, op);
    dbt_modrm(b, X86_MOD_REG, reg, rm);
}

/* add/sub/cmp reg, imm (the imm32 is sign-extended in 64-bit forms): the
 * short imm8 form when the value, read as signed, fits in a byte. */
static inline void dbt_grp1_imm(dbt_buf_t *b, bool wide, unsigned ext, unsigned reg, uint32_t imm)
{
    dbt_rex(b, wide, 0, reg);
    if (imm + 128u < 256u) {
        dbt_emit8(b, X86_OP_GRP1_IMM8);
        dbt_modrm(b, X86_MOD_REG, ext, reg);
        dbt_emit8(b, imm & 0xFFu);
    } else {
        dbt_emit8(b, X86_OP_GRP1_IMM32);
        dbt_modrm(b, X86_MOD_REG, ext, reg);
        dbt_emit32(b, imm);
    }
}

/* test reg32, imm32 */
static inline void dbt_test_reg_imm(dbt_buf_t *b, unsigned reg, uint32_t imm)
{
    dbt_rex(b, false, 0, reg);
    dbt_emit8(b, X86_OP_GRP3);
    dbt_modrm(b, X86_MOD_REG, X86_GRP3_TEST, reg);
    dbt_emit32(b, imm);
}

/* test dword [base + disp], imm32 */
static inline void dbt_test_mem_imm(dbt_buf_t *b, unsigned base, int32_t disp, uint32_t imm)
{
    dbt_op_mem(b, false, X86_OP_GRP3, X86_GRP3_TEST, base, disp);
    dbt_emit32(b, imm);
}

/* neg reg32 */
static inline void dbt_neg(dbt_buf_t *b, unsigned reg)
{
    dbt_op_reg(b, false, X86_OP_GRP3, X86_GRP3_NEG, reg);
}

/* mov reg32, imm32 */
static inline void dbt_mov_imm(dbt_buf_t *b, unsigned reg, uint32_t imm)
{
    dbt_rex(b, false, 0, reg);
    dbt_emit8(b, X86_OP_MOV_R_IMM32 + (reg & 7u));
    dbt_emit32(b, imm);
}

static inline void dbt_push(dbt_buf_t *b, unsigned reg)
{
    dbt_rex(b, false, 0, reg);
    dbt_emit8(b, X86_OP_PUSH + (reg & 7u));
}

static inline void dbt_pop(dbt_buf_t *b, unsigned reg)
{
    dbt_rex(b, false, 0, reg);
    dbt_emit8(b, X86_OP_POP + (reg & 7u));
}

/* jmp reg64 */
static inline void dbt_jmp_reg(dbt_buf_t *b, unsigned reg)
{
    dbt_op_reg(b, false, X86_OP_GRP5, X86_GRP5_JMP, reg);
}

/* Points the rel32 field at offset `at` to code offset `target`. */
static inline void dbt_patch_rel32(dbt_buf_t *b, size_t at, size_t target)
{
    uint32_t rel = (uint32_t)target - (uint32_t)(at + 4u);
    if (at + 4u <= b->cap)
        for (unsigned i = 0; i < 4; i++)
            b->code[at + i] = (uint8_t)((rel >> (8u * i)) & 0xFFu);
}

/* jmp rel32 to `target`; returns the offset of the rel32 field (for patching). */
static inline size_t dbt_jmp(dbt_buf_t *b, size_t target)
{
    dbt_emit8(b, X86_OP_JMP_REL32);
    size_t at = b->len;
    dbt_emit32(b, 0);
    if (!b->overflow)
        dbt_patch_rel32(b, at, target);
    return at;
}

/* jcc rel32 to `target`; returns the offset of the rel32 field. */
static inline size_t dbt_jcc(dbt_buf_t *b, unsigned cc, size_t target)
{
    dbt_emit8(b, X86_OP_0F);
    dbt_emit8(b, X86_OP_JCC_REL32 + cc);
    size_t at = b->len;
    dbt_emit32(b, 0);
    if (!b->overflow)
        dbt_patch_rel32(b, at, target);
    return at;
}

#endif
