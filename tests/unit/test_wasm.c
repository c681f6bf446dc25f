/*
 * test_wasm.c - the `wasm` engine (src/engine_wasm.c, the translator to
 * WebAssembly) against the reference: every test of test_dbt.c - random
 * stores in lockstep, budget 1, fresh engines, self-modifying code into the
 * next instruction, the current block, a jump word, faults, CI running off
 * line 31, CMP at lines 30 and 31, STP and resume, the caller writing the
 * store, the invalidation cases and the first program - run on it. It exists
 * only in the emscripten build: `make check` runs this under Node (the wasm
 * unit tests); natively the test checks that there is no such engine.
 */
#define TRANSLATOR "wasm"
#ifdef __EMSCRIPTEN__
#define TRANSLATOR_BUILT 1
#endif
#include "test_dbt.c"
