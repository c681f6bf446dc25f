#!/usr/bin/env bash
# tests/pkg/symbols.sh - the shared library exports the public API, all of
# it and nothing else (issue 11): the symbols `nm -D --defined-only` lists
# must be exactly the functions include/ssem.h declares, every declaration
# must carry SSEM_API (so that -fvisibility=hidden does not hide it), and the
# SONAME must be libssem.so.MAJOR with MAJOR from the header's version.
# Usage: tests/pkg/symbols.sh BUILD_DIR. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
build=${1:-${BUILD:-build}}
passed=0 failed=0
pass() { passed=$((passed + 1)); }
fail() { echo "symbols: FAIL: $*"; failed=$((failed + 1)); }
for tool in nm readelf; do
    command -v "$tool" >/dev/null || { echo "symbols: missing $tool (Debian: binutils)"; echo "0 passed, 1 failed"; exit 1; }
done

major=$(sed -n 's/^#define SSEM_VERSION_MAJOR \([0-9]*\)$/\1/p' include/ssem.h)
version=$(sed -n 's/^#define SSEM_VERSION "\(.*\)"$/\1/p' include/ssem.h)
so="$build/libssem.so.$version"
if [ -z "$major" ] || [ ! -f "$so" ]; then
    echo "symbols: no $so (version '$version' from include/ssem.h): run make"
    echo "0 passed, 1 failed"; exit 1
fi

# The header's functions: at file scope, a declaration is a line starting
# with a type (not #, not a comment, not static inline, not typedef) whose
# first '(' follows the name. Continuation lines start with blanks.
declared=$(grep -E '^[A-Za-z_][A-Za-z0-9_ *]*\bssem_[a-z0-9_]+\(' include/ssem.h |
           grep -vE '^(static|typedef|#)' | sed -E 's/^[^(]*\b(ssem_[a-z0-9_]+)\(.*/\1/' | sort -u)
bare=$(grep -E '^[A-Za-z_][A-Za-z0-9_ *]*\bssem_[a-z0-9_]+\(' include/ssem.h |
       grep -vE '^(static|typedef|#|SSEM_API )')
exported=$(nm -D --defined-only "$so" | awk '{print $NF}' | sort -u)

[ "$(printf '%s\n' "$declared" | grep -c .)" -ge 40 ] && pass ||
    fail "found only $(printf '%s\n' "$declared" | grep -c .) declarations in include/ssem.h: the parser above is broken"

if [ -z "$bare" ]; then pass; else
    fail "declared without SSEM_API (hidden from libssem.so):"; printf '  %s\n' "$bare"; fi

extra=$(comm -13 <(printf '%s\n' "$declared") <(printf '%s\n' "$exported"))
if [ -z "$extra" ]; then pass; else
    fail "exported by $so but not declared in include/ssem.h:"; printf '  %s\n' $extra; fi

missing=$(comm -23 <(printf '%s\n' "$declared") <(printf '%s\n' "$exported"))
if [ -z "$missing" ]; then pass; else
    fail "declared in include/ssem.h but not exported by $so:"; printf '  %s\n' $missing; fi

soname=$(readelf -d "$so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = "libssem.so.$major" ] && pass || fail "SONAME is '$soname', want libssem.so.$major"
[ "$(readlink "$build/libssem.so.$major")" = "libssem.so.$version" ] && pass ||
    fail "$build/libssem.so.$major does not link to libssem.so.$version"
[ "$(readlink "$build/libssem.so")" = "libssem.so.$major" ] && pass ||
    fail "$build/libssem.so does not link to libssem.so.$major"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
