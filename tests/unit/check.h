/*
 * check.h - the smallest test harness that does the job.
 *
 * CHECK(cond) and CHECK_EQ(got, want) record a failure with file:line and go
 * on; main() runs the TEST functions listed with RUN and ends with the plain
 * closing line "N passed, N failed" that tests/run.sh adds up.
 */
#ifndef SSEM_CHECK_H
#define SSEM_CHECK_H

#include <inttypes.h>
#include <stdio.h>

static int check_passed, check_failed, check_current_failed;

#define CHECK(cond)                                                                    \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);    \
            check_current_failed = 1;                                                  \
        }                                                                              \
    } while (0)

#define CHECK_EQ(got, want)                                                            \
    do {                                                                               \
        uint64_t check_g_ = (uint64_t)(got), check_w_ = (uint64_t)(want);              \
        if (check_g_ != check_w_) {                                                    \
            fprintf(stderr, "%s:%d: %s == %" PRIu64 " (0x%" PRIx64 "), want %s == %" PRIu64 \
                    " (0x%" PRIx64 ")\n", __FILE__, __LINE__, #got, check_g_, check_g_,   \
                    #want, check_w_, check_w_);                                        \
            check_current_failed = 1;                                                  \
        }                                                                              \
    } while (0)

#define RUN(test)                                                                      \
    do {                                                                               \
        check_current_failed = 0;                                                      \
        test();                                                                        \
        if (check_current_failed) {                                                    \
            check_failed++;                                                            \
            fprintf(stderr, "FAIL %s\n", #test);                                       \
        } else {                                                                       \
            check_passed++;                                                            \
        }                                                                              \
    } while (0)

#define CHECK_DONE()                                                                   \
    (printf("%d passed, %d failed\n", check_passed, check_failed), check_failed != 0)

#endif
