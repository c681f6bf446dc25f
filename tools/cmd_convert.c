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
    "  --to=F                 output format: snp (default), listing, asm\n"
    "  --format=F             input format: auto (default), listing, snp, asm, bits, decimal\n"
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
    "  --format=F       input format: auto (default), listing, snp, asm, bits, decimal\n"
    "  -o OUT, --output=OUT   write to OUT (atomically) instead of standard output\n"
    "\n"
    "exit status: 0 success, 1 bad input, 2 bad usage\n";

/* ssem asm and ssem disasm: load, then write in another format. */
static int convert(int argc, char **argv, const char *usage, ssem_format_t to, bool allow_to)
{
    ssem_format_t format = SSEM_FORMAT_AUTO;
    const char *file = NULL, *out = NULL, *v;
    for (int i = 1; i < argc; i++) {
        if (is_help(argv[i])) {
            fputs(usage, stdout);
            return 0;
        } else if ((v = match_option(argc, argv, &i, "--format", true)) != NULL) {
            format = parse_format_option(v);
        } else if (allow_to && (v = match_option(argc, argv, &i, "--to", true)) != NULL) {
            if (strcmp(v, "snp") == 0)
                to = SSEM_FORMAT_SNP;
            else if (strcmp(v, "listing") == 0)
                to = SSEM_FORMAT_LISTING;
            else if (strcmp(v, "asm") == 0)
                to = SSEM_FORMAT_ASM;
            else
                die_usage("%s: --to: unknown output format '%s' (snp, listing, asm)", argv[0], v);
        } else if ((v = match_option(argc, argv, &i, "--output", true)) != NULL ||
                   (v = match_option(argc, argv, &i, "-o", true)) != NULL) {
            out = v;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            die_usage("%s: unknown option '%s'", argv[0], argv[i]);
        } else if (file != NULL) {
            die_usage("%s: one file at a time ('%s' and '%s')", argv[0], file, argv[i]);
        } else {
            file = argv[i];
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
        fprintf(stderr, "%s: cannot write the %s format\n", program_name, ssem_format_name(to));
        return EXIT_BAD_INPUT;
    }
    int rc = 0;
    if (out != NULL)
        rc = write_file_atomically(out, text) == 0 ? 0 : EXIT_BAD_INPUT;
    else if (fputs(text, stdout) < 0 || finish_stdout() != 0)
        rc = EXIT_BAD_INPUT;
    return rc;
}

int cmd_asm(int argc, char **argv)
{
    return convert(argc, argv, asm_usage, SSEM_FORMAT_SNP, true);
}

int cmd_disasm(int argc, char **argv)
{
    return convert(argc, argv, disasm_usage, SSEM_FORMAT_ASM, false);
}

