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

# (not `make -q`: a FORCE'd stamp such as $(BUILD)/datadir is never "up to
# date", though it rebuilds nothing when unchanged)
if [ -z "$(mk -n all unit 2>/dev/null | grep -oE ' (src|tools|tests/unit)/[a-z0-9_]+\.c')" ]; then pass; else
    fail "the build in $build is not up to date: run make all unit first"
    echo "$passed passed, $failed failed"; exit 1
fi

# What includes what, worked out here from the #include lines (searched
# where the Makefile's -I options say: the file's directory, include/, src/),
# transitively; make's answer must be exactly that for every header.
declare -A seen
closure() { # prints every local header $1 includes, directly or not
    local f=$1 name dir=$(dirname "$1") h
    for name in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
        for h in "$dir/$name" "include/$name" "src/$name"; do
            [ -f "$h" ] || continue
            h=$(realpath --relative-to=. "$h")
            [ -n "${seen[$h]:-}" ] && break
            seen[$h]=1; echo "$h"; closure "$h"; break
        done
    done
}
declare -A users
for s in src/*.c tools/*.c; do
    seen=()
    for h in $(closure "$s"); do users[$h]+="$s"$'\n'; done
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
