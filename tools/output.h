/*
 * output.h - the one way the command writes a file the user keeps: asm and
 * disasm -o, show --png/--svg, --save-on-interrupt, the debugger's save.
 *
 * What PATH names decides how it is written (issue 12 item 1):
 *   "-"                      standard output
 *   a regular file, or a path that does not exist yet
 *                            a temporary file beside it, renamed over it:
 *                            a failure leaves the old file (or none); an
 *                            existing file keeps its mode (a 600 file stays
 *                            600) and, when allowed, its owner
 *   a symbolic link          the same for the file it points to (which may
 *                            not exist yet): the link stays a link
 *   /dev/stdout, /dev/fd/N   that descriptor, written directly (so a
 *   (/proc/self/fd/N)        `>> log` keeps what log had)
 *   anything else            (a device, a FIFO, a socket) opened and written
 *                            directly: /dev/null stays the device
 * Every write error is reported (`-o /dev/full` fails).
 */
#ifndef SSEM_OUTPUT_H
#define SSEM_OUTPUT_H

#include <stddef.h>

/* Writes len bytes to path as above. Returns 0, or prints a message naming
 * the path and returns -1. */
int write_output(const char *path, const void *data, size_t len);
/* The same for a NUL-terminated text. */
int write_output_text(const char *path, const char *text);

#endif
