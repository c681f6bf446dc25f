/*
 * test_fuzz_regress.c - replays the loader fuzzers' kept inputs as tests.
 *
 * tests/fuzz/corpus/<format>/ holds inputs that once found a bug in that
 * loader (and a few seeds). Each goes through the same checks as the fuzz
 * harness (tests/fuzz/fuzz_load.h), so `make check SAN=1` replays them under
 * the sanitizers without libFuzzer.
 */
#include "check.h"
#include "replay.h"
#include "ssem.h"

static ssem_format_t regress_format;
#define FUZZ_FORMAT regress_format
#define FUZZ_NAME "regress"
#include "../fuzz/fuzz_load.h"

static void test_replay_all(void)
{
    static const char *names[] = {"snp", "listing", "asm", "bits", "decimal", "auto"};
    int replayed = 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[256];
        snprintf(path, sizeof path, "tests/fuzz/corpus/%s", names[i]);
        CHECK(ssem_format_parse(names[i], &regress_format) == 0);
        replayed += replay_dir(path, LLVMFuzzerTestOneInput);
    }
    printf("(%d kept loader inputs replayed)\n", replayed);
    CHECK(replayed >= 6);
}

int main(void)
{
    RUN(test_replay_all);
    return CHECK_DONE();
}
