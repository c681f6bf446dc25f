#!/usr/bin/env bash
# tests/wasm/verify.sh - the `ssem verify` command itself, built to wasm and
# run under Node (build-web/ssem, `make web-cli`), checks the wasm engine
# against ref (issue 9): on every program of programs/ (and programs/historic/
# when there), on the hand-made hard cases beside this script (self-modifying
# code, a fetch fault, CI past line 31, CMP at lines 30 and 31; each file says
# what it does, worked out by hand and checked with the native `ssem run`),
# with a stride (the bisection path) and on 1000 random stores. Each check
# must exit 0 and print the verdict "wasm and ref agree" (an empty or missing
# command fails). Then the parts with no wasm build (panel: ncurses; show
# --png: libpng) must refuse with a message and a non-zero exit, no crash.
# Run by tests/run.sh under WEB_TESTS=1; prints "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
web=${WEB_BUILD:-build-web}
ssem=$web/ssem
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }

if ! command -v node >/dev/null; then
    echo "missing node (Debian: nodejs), needed to run the wasm command"
    echo "0 passed, 1 failed"; exit 1
fi
if [ ! -x "$ssem" ]; then
    echo "missing $ssem (make web-cli: Debian's emscripten)"
    echo "0 passed, 1 failed"; exit 1
fi

# verify FILE-OR-ARGS...: exit 0 and the pair's verdict "agree"
check_agree() {
    local out rc
    out=$("$ssem" verify --engines=wasm,ref "$@" 2>&1); rc=$?
    if [ "$rc" -eq 0 ] && printf '%s\n' "$out" | grep -q 'agree'; then
        echo "ok: verify $*: $out"; ok
    else
        bad "verify --engines=wasm,ref $* (exit $rc): ${out:-<no output>}"
    fi
}

shopt -s nullglob
files=(programs/*.asm programs/*.lst programs/*.snp
       programs/historic/*.asm programs/historic/*.lst programs/historic/*.snp)
[ ${#files[@]} -ge 5 ] || bad "only ${#files[@]} programs found in programs/"
for f in "${files[@]}" tests/wasm/*.asm; do
    [ -L "$f" ] && continue   # programs/first.lst: historic/first.lst, checked there
    check_agree "$f"
done
# the hand-made cases reach the state they were worked out to (so that they
# test what they say): steps and stop, by hand in each file's header
expect_steps() {
    local f=$1 want=$2 out
    out=$("$ssem" verify --engines=wasm,ref "$f" 2>&1)
    if printf '%s\n' "$out" | grep -q "agree over $want$"; then ok
    else bad "$f: expected 'agree over $want', got: $out"; fi
}
expect_steps tests/wasm/selfmod.asm "15 steps (halted), compared every 1 step"
expect_steps tests/wasm/fault.asm "2 steps (fault), compared every 1 step"
expect_steps tests/wasm/wrap.asm "3 steps (halted), compared every 1 step"
expect_steps tests/wasm/cmp30.asm "4 steps (halted), compared every 1 step"
expect_steps tests/wasm/cmp31.asm "11 steps (halted), compared every 1 step"
# every K steps, then bisection on a difference
check_agree --stride=4 tests/wasm/selfmod.asm
check_agree --stride=1000 programs/first.lst
check_agree --random 1000

# what this build leaves out says so, with a non-zero exit
out=$("$ssem" panel programs/gcd.asm 2>&1 </dev/null); rc=$?
if [ "$rc" -ne 0 ] && printf '%s\n' "$out" | grep -q 'no full-screen panel'; then ok
else bad "panel in the wasm build (exit $rc): $out"; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
out=$("$ssem" show --png="$tmp/x.png" programs/gcd.asm 2>&1); rc=$?
if [ "$rc" -ne 0 ] && printf '%s\n' "$out" | grep -q 'no PNG writer' && [ ! -e "$tmp/x.png" ]; then ok
else bad "show --png in the wasm build (exit $rc): $out"; fi
# and the rest of show still works (SVG, text)
if "$ssem" show --svg="$tmp/x.svg" programs/gcd.asm >/dev/null 2>&1 && grep -q '<svg' "$tmp/x.svg"; then ok
else bad "show --svg in the wasm build"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
