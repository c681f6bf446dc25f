/*
 * test_fuzz_labels_regress.c - replays the labels-line fuzzer's kept inputs
 * (tests/fuzz/corpus/labels/) through its harness: among them a line named
 * twice, the later name shorter (it must replace the earlier one whole).
 */
#include "check.h"
#include "replay.h"

#include "../fuzz/fuzz_labels.c"

static void test_replay_labels(void)
{
    int replayed = replay_dir("tests/fuzz/corpus/labels", LLVMFuzzerTestOneInput);
    printf("(%d kept labels inputs replayed)\n", replayed);
    CHECK(replayed >= 2);
}

int main(void)
{
    RUN(test_replay_labels);
    return CHECK_DONE();
}
