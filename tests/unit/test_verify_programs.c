/*
 * test_verify_programs.c - every engine agrees with ref, step by step, on
 * every program people actually run: everything in programs/ (every step compared) and
 * every corpus file that loads (compared every 1000 steps, bisecting on a
 * difference), strict and lenient, for up to 1,000,000 steps each; and the
 * first program all the way (2,097,154 steps) at stride 1.
 */
#include "check.h"
#include "ssem.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int verified;

static void verify_file(const char *path, uint64_t max_steps, uint64_t stride)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return;
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text, f);
    fclose(f);
    ssem_image_t img;
    ssem_diag_t err;
    if (ssem_load(text, n, path, SSEM_FORMAT_AUTO, &img, &err) != 0)
        return; /* not a program ssem reads: test_corpus says which and why */
    for (int lenient = 0; lenient < 2; lenient++) {
        ssem_t m;
        memset(&m, 0, sizeof m);
        m.lenient = lenient != 0;
        ssem_load_image(&m, &img);
        for (const char *const *e = ssem_engine_names(); *e; e++) {
            if (strcmp(*e, "ref") == 0)
                continue;
            ssem_verify_result_t r;
            CHECK_EQ(ssem_verify("ref", *e, &m, max_steps, stride, &r), 0);
            if (r.differ) {
                fprintf(stderr, "%s (lenient %d): %s differs from ref at step %llu\n", path,
                        lenient, *e, (unsigned long long)r.first_step);
                CHECK(!r.differ);
            }
        }
    }
    verified++;
}

static void walk(const char *dir, uint64_t max_steps, uint64_t stride)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            walk(path, max_steps, stride);
        else if (strstr(e->d_name, ".expect") == NULL && strstr(e->d_name, ".md") == NULL &&
                 strstr(e->d_name, ".tsv") == NULL)
            verify_file(path, max_steps, stride);
    }
    closedir(d);
}

static void test_programs_every_step(void)
{
    verified = 0;
    walk("programs", 200000, 1);
    CHECK(verified >= 7);
    verify_file("programs/first.lst", 3000000, 1);
}

static void test_corpus(void)
{
    verified = 0;
    walk("../shared/corpus", 1000000, 1000);
    printf("(%d corpus programs verified)\n", verified);
    CHECK(verified >= 100);
}

int main(void)
{
    RUN(test_programs_every_step);
    RUN(test_corpus);
    return CHECK_DONE();
}
