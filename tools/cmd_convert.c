/*
 * cmd_convert.c - `ssem asm` and `ssem disasm`: load any format, write the
 * store as a snapshot, listing or assembly (atomically with -o).
 */
#include "cli.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char asm_usage[] =
    "usage: ssem asm [options] FILE     (FILE '-' reads standard input)\n"
    "\n"
    "Assembles a Baby program (or converts any format ssem reads) and writes\n"
    "the store. Errors are reported as file:line:col: message; nothing is\n"
    "written when there is an error.\n"
    "\n"
    "options:\n"
    "  -o OUT, --output=OUT   write to OUT (atomically) instead of standard output\n"
    "                         (-o - is standard output)\n"
    "  --to=F                 output format: snp (default), listing, asm, url (the\n"
    "                         store only: 'ssem url' keeps A and CI too)\n"
    "  --format=F             input format: auto (default), listing, snp, asm, bits,\n"
    "                         decimal, url\n"
    "\n"
    "exit status: 0 success, 1 bad input, 2 bad usage\n";

static const char disasm_usage[] =
    "usage: ssem disasm [options] FILE  (FILE '-' reads standard input)\n"
    "\n"
    "Prints a program as ssem assembly, one 'NN: MNEMONIC operand' line per\n"
    "store line; words that are not plain instructions are 'NUM value'.\n"
    "Assembling the output gives back the same store, bit for bit.\n"
    "\n"
    "options:\n"
    "  --format=F       input format: auto (default), listing, snp, asm, bits, decimal, url\n"
    "  -o OUT, --output=OUT   write to OUT (atomically) instead of standard output\n"
    "                         (-o - is standard output)\n"
    "\n"
    "exit status: 0 success, 1 bad input, 2 bad usage\n";

enum { OPT_FORMAT = 1, OPT_TO, OPT_OUTPUT };
static const cli_option_t asm_options[] = {
    {"--format", 0, CLI_VALUE, OPT_FORMAT},
    {"--to", 0, CLI_VALUE, OPT_TO},
    {"--output", 'o', CLI_VALUE, OPT_OUTPUT},
    {NULL, 0, CLI_FLAG, 0},
};
static const cli_option_t disasm_options[] = {
    {"--format", 0, CLI_VALUE, OPT_FORMAT},
    {"--output", 'o', CLI_VALUE, OPT_OUTPUT},
    {NULL, 0, CLI_FLAG, 0},
};

/* ssem asm and ssem disasm: load, then write in another format. */
static int convert(int argc, char **argv, const char *usage, const cli_option_t *options,
                   ssem_format_t to)
{
    static const char *const to_names[] = {"snp", "listing", "asm", "url", NULL};
    static const ssem_format_t to_formats[] = {SSEM_FORMAT_SNP, SSEM_FORMAT_LISTING,
                                               SSEM_FORMAT_ASM, SSEM_FORMAT_URL};
    ssem_format_t format = SSEM_FORMAT_AUTO;
    const char *file = NULL, *out = "-";
    cli_parser_t p;
    cli_parser_init(&p, argc, argv, usage, options);
    for (int id; (id = cli_next(&p)) != CLI_END;) {
        switch (id) {
        case OPT_FORMAT: format = cli_format(&p); break;
        case OPT_TO: to = to_formats[cli_keyword(&p, to_names, "output format (snp, listing, asm, url)")]; break;
        case OPT_OUTPUT: out = p.value; break;
        case CLI_OPERAND:
            if (file != NULL)
                die_usage("%s: one file at a time ('%s' and '%s')", argv[0], file, p.value);
            file = p.value;
            break;
        }
    }
    if (file == NULL)
        die_usage("%s: no input file given", argv[0]);

    source_t src;
    ssem_image_t img;
    if (load_program(file, format, &src, &img) != 0)
        return EXIT_BAD_INPUT;
    free(src.text);
    char text[SSEM_TEXT_MAX];
    if (ssem_write(to, img.word, text, sizeof text) == 0) {
        error_message("cannot write the %s format", ssem_format_name(to));
        return EXIT_BAD_INPUT;
    }
    int rc = write_output_text(out, text) == 0 ? 0 : EXIT_BAD_INPUT;
    return rc;
}

int cmd_asm(int argc, char **argv)
{
    return convert(argc, argv, asm_usage, asm_options, SSEM_FORMAT_SNP);
}

int cmd_disasm(int argc, char **argv)
{
    return convert(argc, argv, disasm_usage, disasm_options, SSEM_FORMAT_ASM);
}

