/*
 * fuzz_state.c - libFuzzer harness for state files (ssem_load_machine).
 *
 * Any input loads or fails with a message; a machine that loads (from a
 * state file, or any program at reset) is written back (ssem_write_state)
 * and reloads, as a state file, to the same machine, registers and step
 * count included.
 */
#include "ssem.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ssem_t m, again;
    memset(&m, 0, sizeof m);
    memset(&again, 0, sizeof again);
    ssem_image_t img;
    ssem_diag_t err;
    if (ssem_load_machine((const char *)data, size, "fuzz.snp", SSEM_FORMAT_AUTO, &m, &img,
                          &err) != 0) {
        if (err.message[0] == '\0')
            abort();
        return 0;
    }
    char text[SSEM_TEXT_MAX];
    if (ssem_write_state(&m, text, sizeof text) == 0 ||
        ssem_load_machine(text, strlen(text), "again", SSEM_FORMAT_STATE, &again, &img,
                          &err) != 0 ||
        img.nwarnings != 0 || !ssem_tstate_equal(&m, &again) || m.steps != again.steps ||
        m.fault != again.fault)
        abort();
    return 0;
}
