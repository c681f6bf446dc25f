/* fuzz_bits.c - libFuzzer harness for the bits loader (see fuzz_load.h). */
#define FUZZ_FORMAT SSEM_FORMAT_BITS
#define FUZZ_NAME "x.txt"
#include "fuzz_load.h"
