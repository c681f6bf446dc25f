/*
 * disasm.c - words as text: bit strings and disassembly.
 *
 * A word is shown as an instruction only when assembling that text gives the
 * word back bit for bit: every ignored bit (5-12, 16-31) clear, and no line
 * number on a function that takes no operand (CMP, STP). Anything else is
 * data, shown as "NUM value" in signed decimal. Function 5 is shown as SUB
 * would lose it (SUB assembles as 4), so a function-5 word is data too.
 * The zero word is JMP 0 by its bits, but is nearly always an empty line, so
 * it is shown as NUM 0.
 */
#include "ssem.h"

#include <stdio.h>

#define SSEM_DECODED_BITS (SSEM_LINE_MASK | (SSEM_FUNC_MASK << SSEM_FUNC_SHIFT))

char *ssem_disasm_word(uint32_t word, char *buf, size_t size)
{
    uint32_t f = ssem_word_function(word), n = ssem_word_line(word);
    const ssem_op_info_t *op = ssem_op_info(f);
    bool plain = (word & ~(uint32_t)SSEM_DECODED_BITS) == 0u && f != 5u && word != 0u;
    if (plain && (op->flags & SSEM_HAS_OPERAND))
        snprintf(buf, size, "%s %u", op->mnemonic, (unsigned)n);
    else if (plain && n == 0u)
        snprintf(buf, size, "%s", op->mnemonic);
    else
        snprintf(buf, size, "NUM %ld", (long)ssem_word_signed(word));
    return buf;
}

char *ssem_disasm_obeyed(uint32_t word, char *buf, size_t size)
{
    const ssem_op_info_t *op = ssem_op_info(ssem_word_function(word));
    if (op->flags & SSEM_HAS_OPERAND)
        snprintf(buf, size, "%s %u", op->mnemonic, (unsigned)ssem_word_line(word));
    else
        snprintf(buf, size, "%s", op->mnemonic);
    return buf;
}

char *ssem_word_bits(uint32_t word, char *buf, size_t size)
{
    if (size == 0)
        return buf;
    size_t i = 0;
    for (; i < 32u && i + 1u < size; i++)
        buf[i] = (char)('0' + ((word >> i) & 1u));
    buf[i] = '\0';
    return buf;
}
