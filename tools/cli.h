/*
 * cli.h - what the `ssem` command's subcommands share: messages, option
 * parsing, loading a program, files written atomically, engines.
 *
 * Each subcommand lives in its own tools/cmd_*.c and is listed in the table
 * of tools/ssem.c. Exit statuses are the same for all of them.
 */
#ifndef SSEM_CLI_H
#define SSEM_CLI_H

#include "options.h"
#include "ssem.h"

#include <stdbool.h>
#include <stdio.h>

enum exit_status {
    EXIT_HALTED = 0,    /* halted (STP) / success          */
    EXIT_BAD_INPUT = 1, /* a file that does not load       */
    EXIT_USAGE = 2,     /* bad usage                       */
    EXIT_FAULT = 3,     /* CI bits 13-15 set at a fetch    */
    EXIT_LIMIT = 4,     /* the step limit was reached      */
    EXIT_DIFFER = 5,    /* (verify) the engines differ     */
};

#define DEFAULT_MAX_STEPS 100000000ull /* 100 million: ~40 hours of 1948 time */
#define MAX_INPUT_BYTES (16u << 20)    /* no Baby program is 16 MiB of text */

extern const char *program_name;
extern const char *command_name; /* the subcommand running, for hints; or NULL */

/* Prints "ssem: message" on standard error, every control character and
 * byte that is not UTF-8 escaped (tools/text.h): file names and values are
 * whatever the user gave, and must not drive the terminal. */
void error_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* While buf is set (size > 0), error_message writes its message, escaped and
 * without "ssem: ", into buf (the last one wins) instead of standard error:
 * the panel shows read_source's and write_output's errors on its screen.
 * capture_messages(NULL, 0) goes back to standard error. */
void capture_messages(char *buf, size_t size);
/* Prints "ssem: message" (escaped) and a hint, exits with EXIT_USAGE. */
void die_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
/* Flushes standard output; on failure says so and returns -1. */
int finish_stdout(void);

typedef struct source {
    const char *name; /* as given on the command line; "-" is stdin */
    char *text;
    size_t len;
} source_t;

/* Reads a whole file (or stdin for "-"), a share link given in its place,
 * or "@NAME", an example program. On failure prints and returns -1. */
int read_source(const char *name, source_t *src);

/* Example programs (tools/examples.c). The directory they are found in
 * (see programs/README.md), as a new string. */
char *examples_dir(void);
/* The path of example NAME (its file name without the extension, or
 * "historic/NAME") as a new string; NULL, with a message, when there is
 * none of that name. */
char *example_path(const char *name);
/* Prints a diagnostic with its source line and caret ("warning: " prefixed). */
void print_diag(const source_t *src, const ssem_diag_t *d, bool warning);
/* Loads a program; prints warnings; on error prints it and returns -1. */
int load_program(const char *name, ssem_format_t format, source_t *src, ssem_image_t *img);
/* Loads FILE into *m (ssem_load_machine): a state file resumes its machine;
 * any other program starts from reset. Prints warnings; on error prints it
 * and returns -1. */
int load_machine(const char *file, ssem_format_t format, bool lenient, ssem_t *m);

/* Creates the engine named by --engine (the fastest when NULL); exits on error. */
ssem_engine_t *open_engine(const char *name);

/* Files the user keeps: tools/output.h (write_output, write_output_text). */
#include "output.h"

/* Seconds as "50 min 20.1 s" or "7.2 ms". */
void format_duration(double seconds, char *buf, size_t size);
/* The final state as `ssem run` shows it: the monitor, registers, lamp, time;
 * `interrupted`: a signal stopped the run (why is then SSEM_LIMIT). */
void print_state(const ssem_t *m, ssem_stop_t why, bool interrupted);
/* The final state as one JSON object: "status" is halted, fault, limit or
 * interrupted. */
void print_json(const ssem_t *m, ssem_stop_t why, bool interrupted);

/* The subcommands: argv[0] is the subcommand's name. */
int cmd_run(int argc, char **argv);
int cmd_asm(int argc, char **argv);
int cmd_disasm(int argc, char **argv);
int cmd_engines(int argc, char **argv);
int cmd_examples(int argc, char **argv);
int cmd_url(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_panel(int argc, char **argv);
int cmd_debug(int argc, char **argv);

#endif
