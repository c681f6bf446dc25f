/*
 * ssem.c - the `ssem` command: a thin front-end over libssem.
 *
 * The table at the bottom lists the subcommands; each lives in its own
 * tools/cmd_*.c, sharing tools/cli.c; every one parses its options with the
 * one parser of tools/options.c, loads through the library, and prints. All the machine's logic is in the
 * library; what lives in tools/ is presentation, files and exit statuses:
 *
 *   0 halted (STP) / success     1 bad input (a file that does not load,
 *   2 bad usage                    an output that cannot be written)
 *   3 fault     4 step limit     5 (verify) the engines differ
 *   128+N stopped by signal N (130: Ctrl-C)
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

static const command_t *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(name, commands[i].name) == 0)
            return &commands[i];
    return NULL;
}

static void print_usage(FILE *f)
{
    fprintf(f, "usage: ssem COMMAND [options] FILE\n"
               "       ssem help COMMAND      (the same as ssem COMMAND --help)\n\n"
               "The Manchester Baby (SSEM, 1948) as a virtual machine.\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\n'ssem help COMMAND' describes each; the manual has it all: 'man ssem' once\n"
               "installed, 'man ./docs/ssem.1' in the source tree.\n"
               "options: --name=VALUE or --name VALUE; '--' ends the options; FILE '-' is\n"
               "standard input (and '-o -' standard output); keyword values ignore case.\n"
               "exit status: 0 halted/success, 1 bad input (or output that cannot be\n"
               "written), 2 bad usage, 3 fault, 4 step limit, 5 engines differ (verify),\n"
               "128+N stopped by signal N (130 Ctrl-C)\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        (strcmp(argv[1], "help") == 0 && argc == 2)) {
        print_usage(stdout);
        cli_exit(0);
    }
    if (strcmp(argv[1], "help") == 0) {
        /* ssem help COMMAND: that command's --help */
        const command_t *c = find_command(argv[2]);
        if (c == NULL)
            die_usage("help: unknown command '%s'", argv[2]);
        if (argc > 3)
            die_usage("help: one command at a time");
        char *help_argv[] = {argv[2], (char *)"--help", NULL};
        cli_exit(c->run(2, help_argv));
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("ssem %s\n", SSEM_VERSION);
        cli_exit(0);
    }
    const command_t *c = find_command(argv[1]);
    if (c == NULL)
        die_usage("unknown command '%s'", argv[1]);
    command_name = c->name;
    /* every command's output is checked here, at the end, once: a verdict
     * lost to a full disk must not exit 0 */
    cli_exit(c->run(argc - 1, argv + 1));
}
