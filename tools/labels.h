/*
 * labels.h - the labels line of a state file written by `ssem debug`'s
 * `save`: "; ssem-labels: 3=loop 7=done 20=n" (line=name), the second line
 * of the file, so that a session started from the state (or that loads it)
 * still knows the program's labels. Every other reader skips it as a
 * comment (docs/formats.md).
 */
#ifndef SSEM_LABELS_H
#define SSEM_LABELS_H

#include "ssem.h"

#include <stddef.h>

#define LABELS_TAG "; ssem-labels:"

/* Inserts the labels line (none when no line has a label) after the first
 * line of the state file text (NUL-terminated, in a buffer of size bytes).
 * Returns 0, or -1 when it does not fit (text unchanged). */
int labels_line_add(const char labels[SSEM_LINES][SSEM_LABEL_SIZE], char *text, size_t size);

/* The labels of the first labels line in text[0..len) into labels (which
 * it does not clear): an entry whose line is not 0-31 or whose name is not
 * an assembler label name (a letter, '_' or '.', then those or digits; at
 * most SSEM_LABEL_SIZE - 1 bytes) is skipped. Returns how many it kept. */
int labels_line_parse(const char *text, size_t len, char labels[SSEM_LINES][SSEM_LABEL_SIZE]);

#endif
