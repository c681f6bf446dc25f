/*
 * examples.c - the example programs: `ssem examples`, and "@NAME" wherever a
 * command takes FILE.
 *
 * The examples are the files of programs/ (and programs/historic/), which
 * `make install` copies to $(DATADIR)/programs. They are found, first found
 * first:
 *   1. in $SSEM_PROGRAMS, when set (a directory laid out like programs/);
 *   2. in the source tree's programs/ (SSEM_SRCDIR, compiled in), when this
 *      ssem is the one built in that tree (its executable lies under it), so
 *      that ./build/ssem sees the programs being edited;
 *   3. in SSEM_DATADIR/programs (compiled in from the Makefile's DATADIR).
 * A program's one-line story is the first line of its header comment, with
 * the "NAME.ext - " that opens it taken off.
 * A symbolic link to another program of the list (programs/first.lst, kept
 * for the old path, links to historic/first.lst) is that program, listed
 * once: under the link's name, which is the one people type, and the
 * target's path.
 */
#if !defined(_XOPEN_SOURCE) && !defined(_DEFAULT_SOURCE)
#define _XOPEN_SOURCE 700 /* realpath */
#endif
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef SSEM_DATADIR
#define SSEM_DATADIR "/usr/local/share/ssem"
#endif

static const char *const program_exts[] = {".asm", ".lst", ".snp"};
static const char *const subdirs[] = {"", "historic/"};

static char *dup_string(const char *s)
{
    size_t n = strlen(s);
    char *p = malloc(n + 1u);
    if (p != NULL)
        memcpy(p, s, n + 1u);
    return p;
}

#ifdef SSEM_SRCDIR /* a build-tree binary also looks in the source tree */
static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Whether the running executable lies under the source tree. */
static bool running_from_source_tree(void)
{
    char exe[PATH_MAX], src[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1u);
    if (n <= 0 || realpath(SSEM_SRCDIR, src) == NULL)
        return false;
    exe[n] = '\0';
    size_t k = strlen(src);
    return strncmp(exe, src, k) == 0 && exe[k] == '/';
}
#endif

char *examples_dir(void)
{
    const char *env = getenv("SSEM_PROGRAMS");
    if (env != NULL && env[0] != '\0')
        return dup_string(env);
#ifdef SSEM_SRCDIR
    if (running_from_source_tree() && is_dir(SSEM_SRCDIR "/programs"))
        return dup_string(SSEM_SRCDIR "/programs");
#endif
    return dup_string(SSEM_DATADIR "/programs");
}

static bool has_program_ext(const char *name, size_t *stem)
{
    const char *dot = strrchr(name, '.');
    if (dot == NULL || dot == name)
        return false;
    for (size_t i = 0; i < sizeof program_exts / sizeof program_exts[0]; i++)
        if (strcmp(dot, program_exts[i]) == 0) {
            *stem = (size_t)(dot - name);
            return true;
        }
    return false;
}

typedef struct example {
    char name[64];  /* "hcf", or "historic/hcf" when that name is taken */
    char path[PATH_MAX];
    size_t sub;     /* index in subdirs[] */
    bool link;      /* a symbolic link */
    dev_t dev;      /* the file it is (through the link) */
    ino_t ino;
} example_t;

#define MAX_EXAMPLES 128

static int compare_examples(const void *x, const void *y)
{
    return strcmp(((const example_t *)x)->path, ((const example_t *)y)->path);
}

/* Every program under dir, sorted by path, each file once; returns the
 * count, or -1 with a message when the directory cannot be read. */
static int list_examples(const char *dir, example_t *out, int max)
{
    int n = 0;
    for (size_t s = 0; s < sizeof subdirs / sizeof subdirs[0]; s++) {
        char sub[PATH_MAX];
        snprintf(sub, sizeof sub, "%s/%s", dir, subdirs[s]);
        DIR *d = opendir(sub);
        if (d == NULL) {
            if (s == 0) {
                /* error_message: escaped, and on the panel's screen when
                 * its load key asks for @NAME */
                error_message("the example programs are not in %s: %s (set SSEM_PROGRAMS to "
                              "the directory that holds them)",
                              dir, strerror(errno));
                return -1;
            }
            continue;
        }
        int first = n;
        struct dirent *e;
        while ((e = readdir(d)) != NULL && n < max) {
            size_t stem;
            struct stat st, lst;
            if (e->d_name[0] == '.' || !has_program_ext(e->d_name, &stem) || stem >= 40u)
                continue;
            snprintf(out[n].name, sizeof out[n].name, "%.*s", (int)stem, e->d_name);
            if (snprintf(out[n].path, sizeof out[n].path, "%s%s", sub, e->d_name) >=
                (int)sizeof out[n].path)
                continue; /* a path too long to open */
            if (stat(out[n].path, &st) != 0 || lstat(out[n].path, &lst) != 0)
                continue; /* a dangling link */
            out[n].sub = s;
            out[n].link = S_ISLNK(lst.st_mode);
            out[n].dev = st.st_dev;
            out[n].ino = st.st_ino;
            n++;
        }
        closedir(d);
        qsort(out + first, (size_t)(n - first), sizeof out[0], compare_examples);
    }
    /* a link to a program of the list is that program: the program takes
     * the link's name and the link goes */
    for (int i = 0; i < n; i++) {
        if (!out[i].link)
            continue;
        for (int j = 0; j < n; j++)
            if (j != i && !out[j].link && out[j].dev == out[i].dev && out[j].ino == out[i].ino) {
                memcpy(out[j].name, out[i].name, sizeof out[j].name);
                memmove(out + i, out + i + 1, (size_t)(n - i - 1) * sizeof out[0]);
                n--;
                i--;
                break;
            }
    }
    /* a name given twice keeps its directory in front of it */
    for (int i = 0; i < n; i++)
        for (int j = 0; j < i; j++)
            if (out[i].sub > 0 && strcmp(out[i].name, out[j].name) == 0) {
                char name[64];
                snprintf(name, sizeof name, "%s%s", subdirs[out[i].sub], out[i].name);
                memcpy(out[i].name, name, sizeof name);
                break;
            }
    return n;
}

char *example_path(const char *name)
{
    char *dir = examples_dir();
    if (dir == NULL)
        return NULL;
    static example_t list[MAX_EXAMPLES];
    int n = list_examples(dir, list, MAX_EXAMPLES);
    char *found = NULL;
    for (int i = 0; i < n && found == NULL; i++)
        if (strcmp(list[i].name, name) == 0)
            found = dup_string(list[i].path);
    if (found == NULL && n >= 0)
        error_message("no example program named '%s' in %s (see 'ssem examples')", name, dir);
    free(dir);
    return found;
}

/* The first line of the header comment, without its marker and without the
 * "file.ext - " that opens it: the program's one-line story. */
static void read_story(const char *path, char *story, size_t size)
{
    story[0] = '\0';
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return;
    char line[512];
    while (fgets(line, sizeof line, f) != NULL) {
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '\n' || *p == '\r' || *p == '\0')
            continue;
        if (*p != ';' && *p != '#')
            break; /* no header comment */
        while (*p == ';' || *p == '#' || *p == ' ' || *p == '\t')
            p++;
        p[strcspn(p, "\r\n")] = '\0';
        if (*p == '\0')
            continue;
        const char *dash = strstr(p, " - ");
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        if (dash != NULL && (size_t)(dash - p) == strlen(base) && strncmp(p, base, strlen(base)) == 0)
            p += strlen(base) + 3u;
        size_t k = strlen(p);
        if (k >= size)
            k = size - 1u;
        memcpy(story, p, k);
        story[k] = '\0';
        break;
    }
    fclose(f);
}

static const char examples_usage[] =
    "usage: ssem examples\n"
    "\n"
    "Lists the example programs that come with ssem, each with its one-line\n"
    "story: the teaching programs of programs/, and in programs/historic/ the\n"
    "Baby's own programs of 1948 (Kilburn's first program, Tootill's HCF,\n"
    "Turing's division...), each with its source in its header. Every\n"
    "command that takes FILE takes @NAME for one of them:\n"
    "\n"
    "  ssem run @hcf-nature    ssem debug @first    ssem url @tablesum\n"
    "\n"
    "They are found in $SSEM_PROGRAMS when set, else in the source tree's\n"
    "programs/ for an ssem run from its build tree, else in the installed\n"
    "share/ssem/programs.\n";

int cmd_examples(int argc, char **argv)
{
    static const cli_option_t no_options[] = {{NULL, 0, CLI_FLAG, 0}};
    cli_parser_t p;
    cli_parser_init(&p, argc, argv, examples_usage, no_options);
    for (int id; (id = cli_next(&p)) != CLI_END;)
        if (id == CLI_OPERAND)
            die_usage("examples: unexpected argument '%s'", p.value);
    char *dir = examples_dir();
    if (dir == NULL)
        return EXIT_BAD_INPUT;
    static example_t list[MAX_EXAMPLES];
    int n = list_examples(dir, list, MAX_EXAMPLES);
    free(dir);
    if (n < 0)
        return EXIT_BAD_INPUT;
    int width = 0;
    for (int i = 0; i < n; i++)
        if ((int)strlen(list[i].name) + 1 > width)
            width = (int)strlen(list[i].name) + 1;
    for (int i = 0; i < n; i++) {
        char story[400];
        read_story(list[i].path, story, sizeof story);
        printf("@%-*s  %s\n", width - 1, list[i].name, story[0] ? story : "(no header)");
    }
    return finish_stdout() == 0 ? 0 : EXIT_BAD_INPUT;
}
