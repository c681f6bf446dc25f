/*
 * fuzz_engines.c - libFuzzer harness: every engine against ref.
 *
 * Input: one flags byte (bit 0: lenient), two bytes of budget (0..65535),
 * one byte of chunk size, then up to 32 little-endian store words (missing
 * words are 0). Each engine runs the store in chunks until the budget is
 * spent, beside ssem_run; any difference in T-state, steps, stop reason or
 * fault flag aborts. Its kept inputs are in tests/fuzz/corpus/engines/.
 */
#include "ssem.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    ssem_t start;
    memset(&start, 0, sizeof start);
    start.lenient = (data[0] & 1u) != 0;
    uint64_t budget = (uint64_t)data[1] | (uint64_t)data[2] << 8;
    uint64_t chunk = (uint64_t)data[3] + 1u;
    for (size_t l = 0; l < SSEM_LINES && 4 + 4 * l < size; l++)
        for (size_t b = 0; b < 4 && 4 + 4 * l + b < size; b++)
            start.store[l] |= (uint32_t)data[4 + 4 * l + b] << (8 * b);

    for (const char *const *n = ssem_engine_names(); *n; n++) {
        if (strcmp(*n, "ref") == 0)
            continue;
        ssem_engine_t *e = ssem_engine_new(*n);
        if (e == NULL)
            abort();
        ssem_t x = start, y = start;
        for (uint64_t done = 0; done < budget;) {
            uint64_t k = budget - done < chunk ? budget - done : chunk;
            ssem_stop_t wx = ssem_engine_run(e, &x, k, 0), wy = ssem_run(&y, k, 0);
            if (wx != wy || !ssem_tstate_equal(&x, &y) || x.steps != y.steps ||
                x.fault != y.fault)
                abort();
            if (wy != SSEM_LIMIT) {
                if (wy != SSEM_HALTED || (data[0] & 2u) == 0)
                    break;
                ssem_resume(&x); /* flags bit 1: resume after STP, as an operator */
                ssem_resume(&y);
            }
            done += k;
        }
        ssem_engine_free(e);
    }
    return 0;
}
