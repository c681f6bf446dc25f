/*
 * cmd_url.c - `ssem url`: a program (or a saved machine) as the share link
 * of manchesterbaby.com, and optionally as a QR code in SVG for a label
 * beside an exhibit.
 *
 * The link is written by the library (ssem_write_url, docs/formats.md). A
 * link carries the store, A and CI's low 5 bits only: when the machine has
 * more (CI above 31, or a state file's PI, lamp or step count) the command
 * says so on standard error, so nothing is lost silently.
 *
 * The QR code is drawn with Debian's libqrencode when it was there at build
 * time (the Makefile defines SSEM_HAVE_QRENCODE and links -lqrencode into the
 * command only); without it --qr fails with a message saying so. The SVG is
 * one path of unit squares on a white background with the 4-module quiet
 * zone the QR standard asks for, written as every kept file is (tools/output.h:
 * atomically for a regular file, '-' for standard output).
 */
#include "cli.h"
#include "output.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef SSEM_HAVE_QRENCODE
#include <qrencode.h>
#endif

static const char url_usage[] =
    "usage: ssem url [options] FILE     (FILE '-' reads standard input)\n"
    "\n"
    "Prints the manchesterbaby.com share link of a program (any format ssem\n"
    "reads, a state file, an @example, or another link): open it in a browser\n"
    "to load the program into David Sharp's simulator there. Every command\n"
    "that takes FILE also takes such a link or its s= value.\n"
    "\n"
    "A link keeps the store, A and the low 5 bits of CI; a warning says when\n"
    "the machine has more (CI above 31, or a state's PI, lamp or step count).\n"
    "\n"
    "options:\n"
    "  --qr=OUT.svg     also write the link as a QR code, in SVG (atomically;\n"
    "                   '-' is standard output, and then the link is not printed)\n"
    "  --format=F       input format: auto (default), listing, snp, asm, bits,\n"
    "                   decimal, url\n"
    "\n"
    "exit status: 0 success, 1 bad input (or no QR support built in), 2 bad usage\n";

#ifdef SSEM_HAVE_QRENCODE
/* The QR code of text as an SVG document in a new string (NULL on failure). */
static char *qr_svg(const char *text)
{
    QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (qr == NULL)
        return NULL;
    int w = qr->width, quiet = 4, size = w + 2 * quiet;
    /* each dark module is "M x y h1v1h-1z": at most 32 bytes */
    size_t cap = 512u + (size_t)w * (size_t)w * 32u;
    char *svg = malloc(cap);
    if (svg != NULL) {
        size_t n = (size_t)snprintf(
            svg, cap,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
            "width=\"%d\" height=\"%d\" shape-rendering=\"crispEdges\">\n"
            "<title>%s</title>\n"
            "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n<path fill=\"#000\" d=\"",
            size, size, size * 8, size * 8, text, size, size);
        for (int y = 0; y < w; y++)
            for (int x = 0; x < w; x++)
                if (qr->data[y * w + x] & 1u)
                    n += (size_t)snprintf(svg + n, cap - n, "M%d %dh1v1h-1z", x + quiet,
                                          y + quiet);
        snprintf(svg + n, cap - n, "\"/>\n</svg>\n");
    }
    QRcode_free(qr);
    return svg;
}
#endif

enum { OPT_FORMAT = 1, OPT_QR };
static const cli_option_t url_options[] = {
    {"--format", 0, CLI_VALUE, OPT_FORMAT},
    {"--qr", 0, CLI_VALUE, OPT_QR},
    {NULL, 0, CLI_FLAG, 0},
};

int cmd_url(int argc, char **argv)
{
    ssem_format_t format = SSEM_FORMAT_AUTO;
    const char *file = NULL, *qr = NULL;
    cli_parser_t p;
    cli_parser_init(&p, argc, argv, url_usage, url_options);
    for (int id; (id = cli_next(&p)) != CLI_END;) {
        switch (id) {
        case OPT_FORMAT: format = cli_format(&p); break;
        case OPT_QR: qr = p.value; break;
        case CLI_OPERAND: cli_take_file(&p, &file); break;
        }
    }
    if (file == NULL)
        die_usage("url: no input file given");
#ifndef SSEM_HAVE_QRENCODE
    if (qr != NULL) {
        fprintf(stderr,
                "%s: url: --qr is not available: this ssem was built without libqrencode\n"
                "(install Debian's libqrencode-dev and rebuild)\n",
                program_name);
        return EXIT_USAGE; /* an option this build lacks, as run --log=blocks */
    }
#endif

    ssem_t m;
    if (load_machine(file, format, false, &m) != 0)
        return EXIT_BAD_INPUT;
    bool cut = false;
    char *link = ssem_write_url(m.store, m.a, m.ci, &cut);
    if (link == NULL) {
        fprintf(stderr, "%s: out of memory\n", program_name);
        return EXIT_BAD_INPUT;
    }
    if (cut)
        fprintf(stderr,
                "%s: warning: CI = %" PRIu32 " does not fit a link, which keeps only its low 5 "
                "bits: the link has CI = %" PRIu32 "\n",
                program_name, m.ci, m.ci & SSEM_LINE_MASK);
    if (m.pi != 0u || m.lamp || m.steps != 0u)
        fprintf(stderr,
                "%s: warning: a link has no PI, stop lamp or step count: the link drops "
                "PI = %" PRIu32 ", lamp %s, %" PRIu64 " steps\n",
                program_name, m.pi, m.lamp ? "lit" : "off", m.steps);
    int rc = 0;
#ifdef SSEM_HAVE_QRENCODE
    if (qr != NULL) {
        char *svg = qr_svg(link);
        if (svg == NULL) {
            fprintf(stderr, "%s: %s: cannot make a QR code of the link\n", program_name, qr);
            rc = EXIT_BAD_INPUT;
        } else if (write_output_text(qr, svg) != 0) {
            rc = EXIT_BAD_INPUT;
        }
        free(svg);
    }
#endif
    /* with --qr=- the SVG is standard output: the link is in its <title> */
    bool svg_to_stdout = qr != NULL && strcmp(qr, "-") == 0;
    if (rc == 0 && !svg_to_stdout && (printf("%s\n", link) < 0 || finish_stdout() != 0))
        rc = EXIT_BAD_INPUT;
    free(link);
    return rc;
}
