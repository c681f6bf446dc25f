/*
 * fuzz_state.c - libFuzzer harness for state files (ssem_load_state).
 *
 * Any input loads or fails with a message; a machine that loads is written
 * back (ssem_write_state) and reloads to the same machine, registers and
 * step count included.
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
    ssem_diag_t err;
    if (ssem_load_state((const char *)data, size, "fuzz.snp", &m, &err) != 0) {
        if (err.message[0] == '\0')
            abort();
        return 0;
    }
    char *text = ssem_write_state(&m);
    if (text == NULL || ssem_load_state(text, strlen(text), "again", &again, &err) != 0 ||
        !ssem_tstate_equal(&m, &again) || m.steps != again.steps || m.fault != again.fault)
        abort();
    free(text);
    return 0;
}
