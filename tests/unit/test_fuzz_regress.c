/*
 * test_fuzz_regress.c - replays the fuzzers' kept inputs as ordinary tests.
 *
 * tests/fuzz/corpus/<format>/ holds inputs that once found a bug in that
 * loader (and a few seeds). Each goes through the same checks as the fuzz
 * harness (tests/fuzz/fuzz_load.h), so `make check SAN=1` replays them under
 * the sanitizers without libFuzzer.
 */
#include "check.h"
#include "ssem.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

static ssem_format_t regress_format;
#define FUZZ_FORMAT regress_format
#define FUZZ_NAME "regress"
#include "../fuzz/fuzz_load.h"

static int files_replayed;

static void replay_dir(const char *format_name)
{
    char path[512];
    snprintf(path, sizeof path, "tests/fuzz/corpus/%s", format_name);
    DIR *dir = opendir(path);
    if (dir == NULL)
        return;
    CHECK(ssem_format_parse(format_name, &regress_format) == 0);
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char file[1024];
        snprintf(file, sizeof file, "%s/%s", path, e->d_name);
        FILE *f = fopen(file, "rb");
        CHECK(f != NULL);
        if (f == NULL)
            continue;
        static uint8_t data[1 << 20];
        size_t n = fread(data, 1, sizeof data, f);
        fclose(f);
        LLVMFuzzerTestOneInput(data, n); /* aborts on a broken invariant */
        files_replayed++;
    }
    closedir(dir);
}

static void test_replay_all(void)
{
    static const char *names[] = {"snp", "listing", "asm", "bits", "decimal", "auto"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        replay_dir(names[i]);
    CHECK(files_replayed > 0);
}

int main(void)
{
    RUN(test_replay_all);
    printf("(%d kept fuzz inputs replayed)\n", files_replayed);
    return CHECK_DONE();
}
