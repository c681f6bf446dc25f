/* fuzz_asm.c - libFuzzer harness for the asm loader (see fuzz_load.h). */
#define FUZZ_FORMAT SSEM_FORMAT_ASM
#define FUZZ_NAME "x.asm"
#include "fuzz_load.h"
