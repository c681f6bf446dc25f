/*
 * text.h - how the command shows text it did not write itself: a word as
 * the instruction the machine obeys, and untrusted bytes (file names, option
 * values, program text, the library's messages) made safe for a terminal.
 *
 * Nothing here prints, so the panel's logic and the unit tests use it too.
 */
#ifndef SSEM_TOOLS_TEXT_H
#define SSEM_TOOLS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The instruction the Baby obeys when it executes `word`: the function
 * (bits 13-15) and, for those that take one, the line (bits 0-4); every
 * other bit is ignored, so a 0 word is "JMP 0" (ssem_disasm_word calls it
 * "NUM 0": as data). Returns buf. */
char *obeyed_instruction(uint32_t word, char *buf, size_t size);

/* Copies len bytes of text into out (size bytes, NUL-terminated, cut short
 * if need be) with every byte a terminal could take as a command escaped as
 * \xNN: C0 controls (but tab, and newline when keep_newlines), DEL, C1
 * controls and bytes that are not valid UTF-8. Valid UTF-8 text passes
 * unchanged. Returns out. */
char *escape_text(const char *text, size_t len, bool keep_newlines, char *out, size_t size);

#endif
