/*
 * test_cli_input.c - the command's reading of input files (tools/cli.c)
 * when memory runs out (issue 12 item 14: it exited 1 with no message), and
 * the escaping of what messages show (tools/text.c, issue 12 item 15).
 *
 * The command's units are linked from its archive (build/libssem-cli.a),
 * with malloc and realloc replaced at link time by versions that fail on
 * demand; standard error goes to a temporary file for a moment so that the
 * message can be read back.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The linker sends tools/cli.c's malloc and realloc here (the Makefile links
 * this test with -Wl,--wrap=malloc,--wrap=realloc): they fail on demand. */
void *__real_malloc(size_t n);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_realloc(void *p, size_t n);

static int allocations_left = -1; /* -1: never fail */

void *__wrap_malloc(size_t n)
{
    if (allocations_left == 0)
        return NULL;
    if (allocations_left > 0)
        allocations_left--;
    return __real_malloc(n);
}

void *__wrap_realloc(void *p, size_t n)
{
    if (allocations_left == 0)
        return NULL;
    if (allocations_left > 0)
        allocations_left--;
    return __real_realloc(p, n);
}

#include "cli.h"
#include "text.h"

#include "check.h"

/* The file's contents as a string (the test's own buffer). */
static void slurp(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(buf, 1, size - 1, f) : 0;
    buf[n] = '\0';
    if (f)
        fclose(f);
}

static char err_path[] = "/tmp/ssem-test-stderr-XXXXXX";

/* Runs read_source on a file of `size` bytes, allocations failing after
 * `allow` of them; returns its result and leaves stderr's text in msg. */
static int read_with(size_t size, int allow, char *msg, size_t msg_size)
{
    char in_path[] = "/tmp/ssem-test-input-XXXXXX";
    int fd = mkstemp(in_path);
    CHECK(fd >= 0);
    for (size_t i = 0; i < size; i++)
        CHECK(write(fd, "0", 1) == 1);
    close(fd);
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    int to = open(err_path, O_WRONLY | O_TRUNC);
    dup2(to, STDERR_FILENO);
    close(to);
    source_t src;
    allocations_left = allow;
    int rc = read_source(in_path, &src);
    allocations_left = -1;
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    slurp(err_path, msg, msg_size);
    if (rc == 0)
        free(src.text);
    unlink(in_path);
    return rc;
}

static void test_out_of_memory_is_said(void)
{
    char msg[512];
    /* the first buffer (4096 bytes) cannot be had */
    CHECK_EQ(read_with(100, 0, msg, sizeof msg), (uint64_t)-1);
    CHECK(strstr(msg, "out of memory") != NULL);
    /* 10000 bytes: 4096, then 8192 by realloc, which fails */
    CHECK_EQ(read_with(10000, 1, msg, sizeof msg), (uint64_t)-1);
    CHECK(strstr(msg, "out of memory after reading 4096 bytes") != NULL);
    /* with memory it reads, silently */
    CHECK_EQ(read_with(10000, -1, msg, sizeof msg), 0);
    CHECK(msg[0] == '\0');
}

static void test_escaping(void)
{
    char out[256];
    /* ESC ] 0 ; title BEL: the sequence that retitles a terminal */
    const char title[] = "a\033]0;owned\007b";
    escape_text(title, strlen(title), false, out, sizeof out);
    CHECK(strcmp(out, "a\\x1b]0;owned\\x07b") == 0);
    /* newlines: kept only when asked; tabs kept */
    escape_text("x\ny\tz", 5, false, out, sizeof out);
    CHECK(strcmp(out, "x\\x0ay\tz") == 0);
    escape_text("x\ny", 3, true, out, sizeof out);
    CHECK(strcmp(out, "x\ny") == 0);
    /* valid UTF-8 passes (e, acute: C3 A9); a lone 0xFF, a cut sequence, an
     * overlong '/' (C0 AF), a C1 control (C2 9B, CSI) and DEL do not */
    escape_text("caf\xc3\xa9", 5, false, out, sizeof out);
    CHECK(strcmp(out, "caf\xc3\xa9") == 0);
    escape_text("\xff|\xc3|\xc0\xaf|\xc2\x9b|\x7f", 11, false, out, sizeof out);
    CHECK(strcmp(out, "\\xff|\\xc3|\\xc0\\xaf|\\xc2\\x9b|\\x7f") == 0);
    /* a NUL inside the text is escaped, not an end */
    escape_text("a\0b", 3, false, out, sizeof out);
    CHECK(strcmp(out, "a\\x00b") == 0);
    /* cut short at a whole escape, never in the middle of one */
    escape_text("\033\033\033", 3, false, out, 7);
    CHECK(strcmp(out, "\\x1b") == 0);
}

int main(void)
{
    int fd = mkstemp(err_path);
    if (fd >= 0)
        close(fd);
    RUN(test_escaping);
#ifndef __EMSCRIPTEN__
    /* the command reads files natively only (the web page has no ssem
     * command); Node's file system emulation does not redirect stderr */
    RUN(test_out_of_memory_is_said);
#endif
    unlink(err_path);
    return CHECK_DONE();
}
