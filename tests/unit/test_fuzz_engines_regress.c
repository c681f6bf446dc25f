/*
 * test_fuzz_engines_regress.c - replays the engine fuzzer's kept inputs
 * (tests/fuzz/corpus/engines/) through its harness: every engine against ref.
 */
#include "check.h"
#include "replay.h"

#include "../fuzz/fuzz_engines.c"

static void test_replay_engines(void)
{
    int replayed = replay_dir("tests/fuzz/corpus/engines", LLVMFuzzerTestOneInput);
    printf("(%d kept engine inputs replayed)\n", replayed);
    CHECK(replayed >= 1);
}

int main(void)
{
    RUN(test_replay_engines);
    return CHECK_DONE();
}
