#!/usr/bin/env bash
# tests/pkg/python.sh - the Python binding's unittest suite
# (python/test_ssem.py) against this build's shared library, named by
# SSEM_LIBRARY. Under SAN=1 the library is sanitized: its runtime is
# preloaded into python3 (leak detection off: CPython keeps memory to exit).
# Ends with the suite's "N passed, N failed"; a missing python3 is a failure.
set -u
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
command -v python3 >/dev/null || { echo "python: missing python3 (Debian: python3)"; echo "0 passed, 1 failed"; exit 1; }
major=$(sed -n 's/^#define SSEM_VERSION_MAJOR \([0-9]*\)$/\1/p' include/ssem.h)
lib=$(realpath "$build/libssem.so.$major" 2>/dev/null) ||
    { echo "python: no $build/libssem.so.$major: run make"; echo "0 passed, 1 failed"; exit 1; }
if [ -n "${SAN:-}" ]; then
    cc=${CC:-cc}
    rt=$("$cc" -print-file-name=libclang_rt.asan-x86_64.so)
    [ -f "$rt" ] || rt=$("$cc" -print-file-name=libasan.so)
    [ -f "$rt" ] || { echo "python: cannot find the ASan runtime of $cc"; echo "0 passed, 1 failed"; exit 1; }
    export LD_PRELOAD=$rt ASAN_OPTIONS=detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}
fi
SSEM_LIBRARY=$lib exec python3 python/test_ssem.py
