/*
 * ssem.c - the `ssem` command: a thin front-end over libssem.
 *
 * The table at the bottom lists the subcommands; each lives in its own
 * tools/cmd_*.c, sharing tools/cli.c. Each parses its own options, loads
 * through the library, and prints. All the machine's logic is in the
 * library; what lives in tools/ is presentation, files and exit statuses:
 *
 *   0 halted (STP) / success     1 bad input (a file that does not load)
 *   2 bad usage                  3 fault     4 step limit reached
 *   5 (verify) the engines differ
 *
 * Files the user keeps (assembler output) are written atomically: to a
 * temporary file beside the target, then renamed over it, so a failure never
 * leaves a partial file.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

/* ----------------------------------------------------------------- main */

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command_t;

static const command_t commands[] = {
    {"run", cmd_run, "run a program from reset and show the final state"},
    {"asm", cmd_asm, "assemble (or convert) a program to snp, listing or asm"},
    {"disasm", cmd_disasm, "print a program as assembly"},
    {"engines", cmd_engines, "list the engines (ref, fast, dbt)"},
    {"verify", cmd_verify, "check engines against each other, step by step"},
    {"show", cmd_show, "draw the monitor after N steps, as text, PNG or SVG"},
    {"panel", cmd_panel, "the Baby's control panel, full screen (ncurses)"},
    {"debug", cmd_debug, "a debugger with reverse execution (scriptable)"},
    {"url", cmd_url, "the manchesterbaby.com share link of a program (and QR code)"},
    {"examples", cmd_examples, "list the example programs (@NAME runs one)"},
};

static void print_usage(FILE *f)
{
    fprintf(f, "usage: ssem COMMAND [options] FILE\n\n"
               "The Manchester Baby (SSEM, 1948) as a virtual machine.\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\n'ssem COMMAND --help' describes each; 'man ssem' (docs/ssem.1) all.\n"
               "exit status: 0 halted/success, 1 bad input, 2 bad usage, 3 fault, 4 step limit,\n"
               "5 engines differ (verify)\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_usage(stderr);
        return EXIT_USAGE;
    }
    if (is_help(argv[1]) || strcmp(argv[1], "help") == 0) {
        print_usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("ssem %s\n", SSEM_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    die_usage("unknown command '%s'", argv[1]);
}

