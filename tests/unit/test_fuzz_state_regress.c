/*
 * test_fuzz_state_regress.c - replays the state-file fuzzer's kept inputs
 * (tests/fuzz/corpus/state/) through its harness.
 */
#include "check.h"
#include "replay.h"

#include "../fuzz/fuzz_state.c"

static void test_replay_state(void)
{
    int replayed = replay_dir("tests/fuzz/corpus/state", LLVMFuzzerTestOneInput);
    printf("(%d kept state inputs replayed)\n", replayed);
    CHECK(replayed >= 2);
}

int main(void)
{
    RUN(test_replay_state);
    return CHECK_DONE();
}
