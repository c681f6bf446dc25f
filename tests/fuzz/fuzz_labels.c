/*
 * fuzz_labels.c - libFuzzer harness for the labels line of a state file
 * saved by `ssem debug` (tools/labels.c, linked with it by the Makefile).
 *
 * Any input parses without a crash; every label kept is a valid name; the
 * labels written back (after a one-line state header) and parsed again are
 * the same labels.
 */
#include "labels.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* An assembler label name, written out here apart from labels.c. */
static bool valid_name(const char *name, size_t n)
{
    if (n == 0 || !((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z') ||
                    name[0] == '_' || name[0] == '.'))
        return false;
    for (size_t k = 1; k < n; k++)
        if (!((name[k] >= 'a' && name[k] <= 'z') || (name[k] >= 'A' && name[k] <= 'Z') ||
              (name[k] >= '0' && name[k] <= '9') || name[k] == '_' || name[k] == '.'))
            return false;
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char labels[SSEM_LINES][SSEM_LABEL_SIZE], again[SSEM_LINES][SSEM_LABEL_SIZE];
    memset(labels, 0, sizeof labels);
    memset(again, 0, sizeof again);
    int kept = labels_line_parse((const char *)data, size, labels);
    int named = 0;
    for (uint32_t l = 0; l < SSEM_LINES; l++) {
        size_t n = strnlen(labels[l], SSEM_LABEL_SIZE);
        if (n == SSEM_LABEL_SIZE || (n > 0 && !valid_name(labels[l], n)))
            abort();
        named += n > 0;
    }
    if (named > kept)
        abort();
    char text[4096] = "; ssem-state: version=2\n32\n";
    if (labels_line_add((const char(*)[SSEM_LABEL_SIZE])labels, text, sizeof text) != 0)
        abort();
    if (labels_line_parse(text, strlen(text), again) != named ||
        memcmp(labels, again, sizeof labels) != 0)
        abort();
    return 0;
}
