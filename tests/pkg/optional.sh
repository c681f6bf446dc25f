#!/usr/bin/env bash
# tests/pkg/optional.sh - a build without the optional libraries (capstone for
# `ssem run --log=blocks`, libqrencode for `ssem url --qr`): the Makefile's
# CAPSTONE=no QRENCODE=no build the command without them even where they are
# installed, as on a machine without libcapstone-dev or libqrencode-dev. That
# ssem must not link them, must refuse the two features with a message that
# names the missing library and a non-zero exit, writing no file, and must do
# everything else (a link without --qr, --log=stats). Builds into its own
# directory (build-optional-off, unoptimized to stay fast) so that the main
# build is untouched. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
passed=0 failed=0
pass() { passed=$((passed + 1)); }
fail() { echo "optional: FAIL: $*"; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@"; then pass; else fail "$what"; fi; }

build=build-optional-off
ssem=$build/ssem
if ! out=$(make -s --no-print-directory BUILD=$build CC="${CC:-cc}" CFLAGS=-O0 \
           CAPSTONE=no QRENCODE=no "$ssem" 2>&1); then
    printf '%s\n' "$out"; fail "the build without capstone and libqrencode failed"
    echo "$passed passed, $failed failed"; exit 1
fi
pass
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# built without them: neither library is linked in
needed=$(readelf -d "$ssem" 2>&1) || fail "readelf -d $ssem: $needed"
check "$ssem links libqrencode" test -z "$(printf '%s\n' "$needed" | grep -i 'NEEDED.*qrencode')"
check "$ssem links capstone" test -z "$(printf '%s\n' "$needed" | grep -i 'NEEDED.*capstone')"

# --qr: refused, naming the library, exit 2, no file written
err=$("$ssem" url --qr="$tmp/label.svg" programs/gcd.asm 2>&1 >"$tmp/out"); rc=$?
check "url --qr exits 2 without libqrencode (got $rc)" test "$rc" -eq 2
check "url --qr does not name libqrencode: $err" grep -q "built without libqrencode" <<<"$err"
check "url --qr wrote $tmp/label.svg" test ! -e "$tmp/label.svg"
check "url --qr printed on stdout: $(cat "$tmp/out")" test ! -s "$tmp/out"
# the link itself still works
out=$("$ssem" url programs/gcd.asm 2>&1); rc=$?
check "url without --qr fails in this build ($rc): $out" test "$rc" -eq 0
check "url without --qr prints no link: $out" grep -q "manchesterbaby" <<<"$out"

# --log=blocks: refused, naming capstone, exit 2; --log=stats still works
err=$("$ssem" run --log=blocks programs/gcd.asm 2>&1 >"$tmp/out"); rc=$?
check "run --log=blocks exits 2 without capstone (got $rc)" test "$rc" -eq 2
check "run --log=blocks does not name capstone: $err" grep -q "built without capstone" <<<"$err"
"$ssem" run --log=stats programs/gcd.asm >"$tmp/out" 2>&1; rc=$?
check "run --log=stats fails without capstone ($rc): $(cat "$tmp/out")" test "$rc" -eq 0

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
