/*
 * cmd_show.c - `ssem show`: the monitor after N steps, as text, PNG or SVG.
 *
 * The frame comes from ssem_render (src/display.c); the picture from
 * tools/picture.c. Pictures are written atomically: on any error there is no
 * file (and an existing one is left as it was).
 */
#include "cli.h"
#include "lecture.h"
#include "picture.h"

#include <inttypes.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char show_usage[] =
    "usage: ssem show [options] FILE     (FILE '-' reads standard input)\n"
    "\n"
    "Loads a Baby program, runs it from reset, and draws the monitor CRT as it\n"
    "then was: 32 rows of 32 positions, bit 0 on the left, a 0 a short dot and a\n"
    "1 a dash; the action line brighter; the stop lamp.\n"
    "\n"
    "options:\n"
    "  --after=N        run N instructions (default: until it stops, at most\n"
    "                   100000000); --after=0 shows the store as loaded\n"
    "  --tube=S|A|C     the tube shown: S the store (default), A the accumulator,\n"
    "                   C control (CI and PI on alternate rows while running,\n"
    "                   CI on every row when stopped)\n"
    "  --action-line=L  the row drawn brighter, 0-31 (default: the line of CI)\n"
    "  --engine=NAME    ref, fast or dbt (default: the fastest)\n"
    "  --format=F       input format: auto (default), listing, snp, asm, bits, decimal, url\n"
    "  --lenient        fetch from CI & 31 even when CI bits 13-15 are set\n"
    "  --ascii          text with '.', '-' (and ':', '=' on the action line)\n"
    "                   even when the terminal takes UTF-8\n"
    "  --png=OUT        write the monitor as a PNG picture to OUT\n"
    "  --svg=OUT        write the monitor as an SVG picture to OUT\n"
    "  --scale=N        (with --png or --svg) draw the picture N times larger,\n"
    "                   N a whole number from 1 (default: 488 x 440 pixels) to 8\n"
    "  --profile        (with --png) draw the run's profile as a heat map: each\n"
    "                   line's background glows by how often it was executed\n"
    "                   (log scale; the hottest line in full ember red)\n"
    "\n"
    "Without --png or --svg the monitor is printed as text (the digits 0-31\n"
    "numbered above, each row's line number at its left), followed by a line\n"
    "with the tube, the action line, the stop lamp and the step count.\n"
    "\n"
    "exit status: 0 shown, 1 bad input or an output that cannot be written,\n"
    "2 bad usage\n";

_Static_assert(PIC_SCALE_MAX == 8, "show_usage gives --scale's bound as 8");

/* The locale's character set is UTF-8. */
static bool locale_is_utf8(void)
{
    if (setlocale(LC_CTYPE, "") == NULL)
        return false;
    const char *set = nl_langinfo(CODESET);
    return set != NULL && (strcasecmp(set, "UTF-8") == 0 || strcasecmp(set, "UTF8") == 0);
}

static void print_status(const ssem_t *m, ssem_stop_t why, const ssem_frame_t *frame,
                         uint32_t action_line)
{
    const char *state = why == SSEM_HALTED   ? "halted"
                        : why == SSEM_FAULT  ? "fault"
                        : why == SSEM_BREAK  ? "break"
                                             : "running";
    printf("tube %s, action line %u, stop lamp %s, %" PRIu64 " step%s (%s)\n",
           ssem_tube_name(frame->tube), (unsigned)action_line, m->lamp ? "lit" : "off",
           m->steps, m->steps == 1 ? "" : "s", state);
}

enum {
    OPT_AFTER = 1, OPT_TUBE, OPT_ACTION_LINE, OPT_ENGINE, OPT_FORMAT, OPT_LENIENT, OPT_ASCII,
    OPT_PNG, OPT_SVG, OPT_PROFILE, OPT_SCALE
};
static const cli_option_t show_options[] = {
    {"--after", 0, CLI_VALUE, OPT_AFTER},
    {"--tube", 0, CLI_VALUE, OPT_TUBE},
    {"--action-line", 0, CLI_VALUE, OPT_ACTION_LINE},
    {"--engine", 0, CLI_VALUE, OPT_ENGINE},
    {"--format", 0, CLI_VALUE, OPT_FORMAT},
    {"--lenient", 0, CLI_FLAG, OPT_LENIENT},
    {"--ascii", 0, CLI_FLAG, OPT_ASCII},
    {"--png", 0, CLI_VALUE, OPT_PNG},
    {"--svg", 0, CLI_VALUE, OPT_SVG},
    {"--profile", 0, CLI_FLAG, OPT_PROFILE},
    {"--scale", 0, CLI_VALUE, OPT_SCALE},
    {NULL, 0, CLI_FLAG, 0},
};

int cmd_show(int argc, char **argv)
{
    static const char *const tube_names[] = {"S", "A", "C", NULL};
    static const ssem_tube_t tubes[] = {SSEM_TUBE_S, SSEM_TUBE_A, SSEM_TUBE_C};
    ssem_format_t format = SSEM_FORMAT_AUTO;
    ssem_tube_t tube = SSEM_TUBE_S;
    uint64_t budget = DEFAULT_MAX_STEPS;
    uint32_t action_line = 0;
    bool have_action_line = false, ascii = false, lenient = false, profile = false;
    bool have_scale = false;
    unsigned scale = 1;
    const char *file = NULL, *engine_name = NULL, *png_out = NULL, *svg_out = NULL;
    cli_parser_t p;
    cli_parser_init(&p, argc, argv, show_usage, show_options);
    for (int id; (id = cli_next(&p)) != CLI_END;) {
        switch (id) {
        case OPT_AFTER: budget = cli_count(&p, UINT64_MAX); break;
        case OPT_TUBE: tube = tubes[cli_keyword(&p, tube_names, "tube (S, A or C)")]; break;
        case OPT_ACTION_LINE:
            action_line = (uint32_t)cli_count(&p, SSEM_LINES - 1);
            have_action_line = true;
            break;
        case OPT_ENGINE: engine_name = cli_engine(&p); break;
        case OPT_FORMAT: format = cli_format(&p); break;
        case OPT_LENIENT: lenient = true; break;
        case OPT_ASCII: ascii = true; break;
        case OPT_PNG: png_out = p.value; break;
        case OPT_SVG: svg_out = p.value; break;
        case OPT_PROFILE: profile = true; break;
        case OPT_SCALE:
            scale = (unsigned)cli_count_range(&p, 1, PIC_SCALE_MAX);
            have_scale = true;
            break;
        case CLI_OPERAND: cli_take_file(&p, &file); break;
        }
    }
    if (file == NULL)
        die_usage("show: no program file given");
    if (png_out != NULL && svg_out != NULL)
        die_usage("show: one picture at a time (--png or --svg)");
    if (profile && png_out == NULL)
        die_usage("show: --profile draws a heat map: give --png=OUT");
    if (have_scale && png_out == NULL && svg_out == NULL)
        die_usage("show: --scale sizes a picture: give --png=OUT or --svg=OUT");
#ifdef SSEM_NO_PNG /* the wasm command (web/web.mk) is built without libpng */
    if (png_out != NULL) {
        error_message("show: --png: this build has no PNG writer (no libpng in the wasm "
                      "build); --svg=OUT draws the same picture");
        return EXIT_USAGE;
    }
#endif
    ssem_engine_t *engine = open_engine(engine_name);

    ssem_t m;
    if (load_machine(file, format, lenient, &m) != 0) {
        ssem_engine_free(engine);
        return EXIT_BAD_INPUT;
    }

    ssem_stop_t why;
    static profile_t counts; /* 8 KiB of counters: not on the stack */
    if (profile) { /* one step at a time, each counted */
        why = m.lamp ? (m.fault ? SSEM_FAULT : SSEM_HALTED) : SSEM_LIMIT;
        for (uint64_t k = 0; k < budget && why == SSEM_LIMIT; k++) {
            ssem_t before = m;
            why = ssem_engine_run(engine, &m, 1, 0);
            profile_step(&counts, &before, &m);
        }
        if (budget == 0)
            why = ssem_engine_run(engine, &m, 0, 0);
    } else {
        why = ssem_engine_run(engine, &m, budget, 0);
    }
    ssem_engine_free(engine);

    if (!have_action_line)
        action_line = m.ci & SSEM_LINE_MASK;
    ssem_frame_t frame;
    ssem_render(&m, tube, action_line, !m.lamp, &frame);

    if (png_out != NULL) {
        unsigned char *data;
        size_t len;
        if (picture_png_heat(&frame, profile ? counts.line : NULL, scale, &data, &len) != 0)
            return EXIT_BAD_INPUT;
        int rc = write_output(png_out, data, len);
        free(data);
        return rc == 0 ? 0 : EXIT_BAD_INPUT;
    }
    if (svg_out != NULL) {
        char *svg = picture_svg(&frame, scale);
        if (svg == NULL) {
            error_message("%s: out of memory", svg_out);
            return EXIT_BAD_INPUT;
        }
        int rc = write_output_text(svg_out, svg);
        free(svg);
        return rc == 0 ? 0 : EXIT_BAD_INPUT;
    }

    /* 32 rows of 32 cells of at most 3 bytes, plus newlines and the NUL */
    char text[32 * (32 * 3 + 1) + 1];
    bool unicode = !ascii && locale_is_utf8();
    if (ssem_frame_text(&frame, unicode, text, sizeof text) == 0) {
        error_message("show: the frame does not fit its buffer");
        return EXIT_BAD_INPUT;
    }
    /* the digit numbers above, the line numbers to the left, as `ssem run`
     * prints its monitor: a row is found by its number, not counted */
    printf("     0         1         2         3\n"
           "     01234567890123456789012345678901\n");
    const char *row = text;
    for (unsigned r = 0; r < SSEM_LINES && *row; r++) {
        const char *end = strchr(row, '\n');
        int n = end ? (int)(end - row) : (int)strlen(row);
        printf("%3u  %.*s\n", r, n, row);
        row += n + (end ? 1 : 0);
    }
    print_status(&m, why, &frame, action_line);
    return finish_stdout() == 0 ? 0 : EXIT_BAD_INPUT;
}
