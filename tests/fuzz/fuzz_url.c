/* fuzz_url.c - libFuzzer harness for the share-link reader (src/url.c): as
 * the other loaders (see fuzz_load.h), and read as a whole machine, a link
 * must write back to a link of the same machine. */
#define FUZZ_FORMAT SSEM_FORMAT_URL
#define FUZZ_NAME "x"
#define FUZZ_URL_MACHINE 1
#include "fuzz_load.h"
