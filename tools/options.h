/*
 * options.h - the one option parser every `ssem` subcommand uses.
 *
 * A subcommand lists its options in a table and asks for them one at a time:
 *
 *     enum { OPT_MAX_STEPS = 1, OPT_JSON };
 *     static const cli_option_t run_options[] = {
 *         {"--max-steps", 0, CLI_VALUE, OPT_MAX_STEPS},
 *         {"--json", 0, CLI_FLAG, OPT_JSON},
 *         {NULL, 0, CLI_FLAG, 0},
 *     };
 *     cli_parser_t p;
 *     cli_parser_init(&p, argc, argv, run_usage, run_options);
 *     for (int id; (id = cli_next(&p)) != CLI_END;) {
 *         switch (id) {
 *         case OPT_MAX_STEPS: max_steps = cli_count(&p, UINT64_MAX); break;
 *         case OPT_JSON: json = true; break;
 *         case CLI_OPERAND: cli_take_file(&p, &file); break;
 *         }
 *     }
 *
 * To add an option: a row in the table (its id a new enum value; a short
 * name like 'o' for -o, or 0), a case in the switch that converts p.value
 * with one of the cli_* value functions below (each is strict and exits with
 * status 2 naming the option on bad text), a line in the usage text, the man
 * page (docs/ssem.1) and a bats test.
 *
 * What every subcommand then accepts, the same way:
 *   --name=VALUE, --name VALUE, -o VALUE, -oVALUE; --flag (--flag=x is an
 *   error); -h/--help prints the usage text on standard output and exits 0
 *   (1 when standard output cannot be written); "--" ends the options (what
 *   follows is operands, even if it starts with '-'); "-" alone is an
 *   operand (standard input, or for an output, standard output). An unknown
 *   option, a missing or empty value, or a value that does not parse is bad
 *   usage: exit 2 with a message naming the option.
 *
 * Keyword values (formats, tubes, engines, --to, max) are case-insensitive
 * everywhere (values.h).
 */
#ifndef SSEM_OPTIONS_H
#define SSEM_OPTIONS_H

#include "ssem.h"
#include "values.h"

#include <stdbool.h>
#include <stdint.h>

/* CLI_OPTIONAL: "--name" alone (value "") or "--name=VALUE"; it never takes
 * the next argument as its value. */
typedef enum cli_arg { CLI_FLAG, CLI_VALUE, CLI_OPTIONAL } cli_arg_t;

typedef struct cli_option {
    const char *name; /* "--max-steps"; NULL ends the table                 */
    char short_name;  /* 'o' for -o, or 0                                    */
    cli_arg_t arg;    /* a flag, or an option that takes a value            */
    int id;           /* what cli_next returns for it: a positive number    */
} cli_option_t;

enum { CLI_END = 0, CLI_OPERAND = -1 };

typedef struct cli_parser {
    int argc;
    char **argv;
    int next;                    /* the argument cli_next looks at next     */
    bool options_done;           /* after "--"                              */
    const char *command;         /* "run": argv[0], for messages            */
    const char *usage;           /* printed by -h / --help                  */
    const cli_option_t *options;
    const char *name;            /* the option found, as the table names it */
    const char *value;           /* its value; or the operand               */
} cli_parser_t;

void cli_parser_init(cli_parser_t *p, int argc, char **argv, const char *usage,
                     const cli_option_t *options);
/* The next option's id (p->value holds its value, "" for a flag), or
 * CLI_OPERAND (p->value is the operand), or CLI_END. Exits on bad usage and
 * after printing the help. */
int cli_next(cli_parser_t *p);

/* Value conversions of p->value for the option p->name; on bad text each
 * exits with status 2 and a message naming the option and the value. */
uint64_t cli_count(const cli_parser_t *p, uint64_t max); /* digits only      */
uint64_t cli_count_range(const cli_parser_t *p, uint64_t low, uint64_t high); /* the same, low-high */
double cli_real(const cli_parser_t *p, double low, double high);
double cli_speed(const cli_parser_t *p);                 /* values.h         */
double cli_digit_period(const cli_parser_t *p);          /* 0.5 to 100 us    */
ssem_format_t cli_format(const cli_parser_t *p);         /* --format         */
/* One of words (case ignored): its index. `what` names them in the message. */
int cli_keyword(const cli_parser_t *p, const char *const *words, const char *what);
/* An engine name (case ignored), as the library spells it. */
const char *cli_engine(const cli_parser_t *p);

/* The operand as the one program file: a second one is bad usage. */
void cli_take_file(const cli_parser_t *p, const char **file);

/* Exits with status, after flushing standard output: a failed write there
 * (a full disk, a closed pipe) is reported and makes the status 1. */
void cli_exit(int status) __attribute__((noreturn));

#endif
