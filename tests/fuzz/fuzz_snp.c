/* fuzz_snp.c - libFuzzer harness for the snp loader (see fuzz_load.h). */
#define FUZZ_FORMAT SSEM_FORMAT_SNP
#define FUZZ_NAME "x.snp"
#include "fuzz_load.h"
