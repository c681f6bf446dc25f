/* fuzz_auto.c - libFuzzer harness for the auto loader (see fuzz_load.h). */
#define FUZZ_FORMAT SSEM_FORMAT_AUTO
#define FUZZ_NAME "x"
#define FUZZ_NAME_FROM_FIRST_BYTE 1
#include "fuzz_load.h"
