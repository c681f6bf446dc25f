#!/usr/bin/env bash
# tests/pkg/deps.sh - the build tracks header dependencies (-MMD -MP): after
# a header changes, make rebuilds exactly the library and tool sources that
# include it, directly or through another header. Asked of make
# without touching anything: `make -n -W HEADER` prints what make would run
# if HEADER were newer. Needs an up-to-date build in BUILD (make check has
# just made one). Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
passed=0 failed=0
pass() { passed=$((passed + 1)); }
fail() { echo "deps: FAIL: $*"; failed=$((failed + 1)); }
mk() { make --no-print-directory BUILD="$build" CC="${CC:-cc}" SAN="${SAN:-}" "$@"; }
# the sources make would compile (a test program is compiled and linked at once)
compiled() { mk -n -W "$1" all unit 2>/dev/null | grep -oE ' (src|tools|tests/unit)/[a-z0-9_]+\.c' |
             sed 's/^ //' | sort -u; }

if mk -q all unit 2>/dev/null; then pass; else
    fail "the build in $build is not up to date: run make all unit first"
    echo "$passed passed, $failed failed"; exit 1
fi

# What includes what, asked of the compiler's preprocessor directly (cc -MM
# with the Makefile's -I and -D options, so that includes under #if count as
# the build sees them); make's answer must be exactly that for every header.
declare -A users
for s in src/*.c tools/*.c; do
    # only what this build compiles (a source for another target has no object)
    o=$build/obj/${s#src/}; o=${o%.c}.o
    [ -f "$o" ] || continue
    for h in $("${CC:-cc}" -MM -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc "$s" 2>/dev/null |
               tr ' \\' '\n\n' | grep '\.h$'); do
        h=$(realpath --relative-to=. "$h")
        users[$h]+="$s"$'\n'
    done
done
checked=0
for h in include/*.h src/*.h tools/*.h; do
    [ -f "$h" ] || continue
    want=$(printf '%s' "${users[$h]:-}" | sort -u | grep .)
    got=$(compiled "$h" | grep -E '^(src|tools)/')
    if [ "$want" = "$got" ]; then pass; else
        fail "$h changed: make would rebuild [$(echo $got)], its users are [$(echo $want)]"
    fi
    checked=$((checked + 1))
done
[ "$checked" -ge 5 ] && pass || fail "only $checked headers found"
# (the reasoning above must see the obvious: every library source uses ssem.h)
for s in src/machine.c src/handle.c src/engine.c; do
    grep -qxF "$s" <<<"${users[include/ssem.h]}" && pass || fail "$s not seen to include ssem.h"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
