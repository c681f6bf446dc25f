/* fuzz_listing.c - libFuzzer harness for the listing loader (see fuzz_load.h). */
#define FUZZ_FORMAT SSEM_FORMAT_LISTING
#define FUZZ_NAME "x.lst"
#include "fuzz_load.h"
