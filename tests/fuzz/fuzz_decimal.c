/* fuzz_decimal.c - libFuzzer harness for the decimal loader (see fuzz_load.h). */
#define FUZZ_FORMAT SSEM_FORMAT_DECIMAL
#define FUZZ_NAME "x.byi"
#include "fuzz_load.h"
