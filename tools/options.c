/*
 * options.c - the one option parser of the `ssem` command (see options.h for
 * how a subcommand uses it and how to add an option). It replaces a loop of
 * prefix matches in each subcommand, which differed in what they accepted:
 * one place now decides what "--", "-", "=value", a missing value and a
 * numeric value mean.
 */
#include "options.h"

#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_parser_init(cli_parser_t *p, int argc, char **argv, const char *usage,
                     const cli_option_t *options)
{
    memset(p, 0, sizeof *p);
    p->argc = argc;
    p->argv = argv;
    p->next = 1;
    p->command = argc > 0 ? argv[0] : "ssem";
    p->usage = usage;
    p->options = options;
}

void cli_exit(int status)
{
    if (finish_stdout() != 0 && status == 0)
        status = EXIT_BAD_INPUT;
    exit(status);
}

static const cli_option_t *find_long(const cli_parser_t *p, const char *arg, size_t n)
{
    for (const cli_option_t *o = p->options; o != NULL && o->name != NULL; o++)
        if (strlen(o->name) == n && strncmp(o->name, arg, n) == 0)
            return o;
    return NULL;
}

static const cli_option_t *find_short(const cli_parser_t *p, char c)
{
    for (const cli_option_t *o = p->options; o != NULL && o->name != NULL; o++)
        if (o->short_name == c)
            return o;
    return NULL;
}

/* The value of option o: attached (`attached`, or NULL), or the next
 * argument. An empty value is refused: no option means anything by it. */
static int take_value(cli_parser_t *p, const cli_option_t *o, const char *spelled,
                      const char *attached)
{
    if (attached == NULL) {
        if (p->next >= p->argc)
            die_usage("%s: option '%s' needs a value", p->command, spelled);
        attached = p->argv[p->next++];
    }
    if (*attached == '\0')
        die_usage("%s: option '%s' needs a value (it was empty)", p->command, spelled);
    p->name = o->name;
    p->value = attached;
    return o->id;
}

static void help(const cli_parser_t *p)
{
    fputs(p->usage, stdout);
    cli_exit(0);
}

int cli_next(cli_parser_t *p)
{
    if (p->next >= p->argc)
        return CLI_END;
    const char *arg = p->argv[p->next++];
    if (p->options_done || arg[0] != '-' || arg[1] == '\0') {
        p->name = NULL;
        p->value = arg;
        return CLI_OPERAND;
    }
    if (strcmp(arg, "--") == 0) {
        p->options_done = true;
        return cli_next(p);
    }
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)
        help(p);
    if (arg[1] == '-') {
        const char *eq = strchr(arg, '=');
        size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
        const cli_option_t *o = find_long(p, arg, n);
        if (o == NULL)
            die_usage("%s: unknown option '%.*s'", p->command, (int)n, arg);
        if (o->arg == CLI_FLAG) {
            if (eq != NULL)
                die_usage("%s: option '%s' takes no value", p->command, o->name);
            p->name = o->name;
            p->value = "";
            return o->id;
        }
        if (o->arg == CLI_OPTIONAL) {
            if (eq != NULL && eq[1] == '\0')
                die_usage("%s: option '%s=' needs a value after '='", p->command, o->name);
            p->name = o->name;
            p->value = eq != NULL ? eq + 1 : "";
            return o->id;
        }
        return take_value(p, o, o->name, eq ? eq + 1 : NULL);
    }
    const cli_option_t *o = find_short(p, arg[1]);
    if (o == NULL)
        die_usage("%s: unknown option '%s'", p->command, arg);
    char spelled[3] = {'-', arg[1], '\0'};
    if (o->arg == CLI_FLAG) {
        if (arg[2] != '\0')
            die_usage("%s: option '%s' takes no value ('%s')", p->command, spelled, arg);
        p->name = o->name;
        p->value = "";
        return o->id;
    }
    return take_value(p, o, spelled, arg[2] != '\0' ? arg + 2 : NULL);
}

/* ------------------------------------------------------------- values */

uint64_t cli_count(const cli_parser_t *p, uint64_t max)
{
    return cli_count_range(p, 0, max);
}

uint64_t cli_count_range(const cli_parser_t *p, uint64_t low, uint64_t high)
{
    uint64_t v;
    if (value_count(p->value, high, &v) != 0 || v < low) {
        if (low == 0 && high == UINT64_MAX)
            die_usage("%s: %s: '%s' is not a count (decimal digits, at most %llu)",
                      p->command, p->name, p->value, (unsigned long long)high);
        die_usage("%s: %s: '%s' is not a number from %llu to %llu (decimal digits)", p->command,
                  p->name, p->value, (unsigned long long)low, (unsigned long long)high);
    }
    return v;
}

double cli_real(const cli_parser_t *p, double low, double high)
{
    double v;
    if (value_real(p->value, low, high, &v) != 0)
        die_usage("%s: %s: '%s' is not a number from %g to %g", p->command, p->name, p->value,
                  low, high);
    return v;
}

double cli_speed(const cli_parser_t *p)
{
    double v;
    if (value_speed(p->value, &v) != 0)
        die_usage("%s: %s: '%s' is not 1948 (the Baby's speed), max (flat out) or a "
                  "multiple from %g to %g (such as 10 or x2.5)",
                  p->command, p->name, p->value, VALUE_SPEED_LOW, VALUE_SPEED_HIGH);
    return v;
}

double cli_digit_period(const cli_parser_t *p)
{
    double v;
    if (value_real(p->value, VALUE_PERIOD_LOW, VALUE_PERIOD_HIGH, &v) != 0)
        die_usage("%s: %s: '%s' is not a digit period from %g to %g microseconds", p->command,
                  p->name, p->value, VALUE_PERIOD_LOW, VALUE_PERIOD_HIGH);
    return v;
}

ssem_format_t cli_format(const cli_parser_t *p)
{
    ssem_format_t f;
    if (ssem_format_parse(p->value, &f) != 0)
        die_usage("%s: unknown format '%s' (auto, listing, snp, asm, bits, decimal, url, state)",
                  p->command, p->value);
    return f;
}

int cli_keyword(const cli_parser_t *p, const char *const *words, const char *what)
{
    int k = value_keyword(p->value, words);
    if (k < 0)
        die_usage("%s: %s: unknown %s '%s'", p->command, p->name, what, p->value);
    return k;
}

const char *cli_engine(const cli_parser_t *p)
{
    for (const char *const *n = ssem_engine_names(); *n; n++)
        if (value_same_word(p->value, *n))
            return *n;
    die_usage("%s: unknown engine '%s' (see 'ssem engines')", p->command, p->value);
}

void cli_take_file(const cli_parser_t *p, const char **file)
{
    if (*file != NULL)
        die_usage("%s: one program at a time ('%s' and '%s')", p->command, *file, p->value);
    *file = p->value;
}
