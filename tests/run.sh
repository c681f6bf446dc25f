#!/usr/bin/env bash
# tests/run.sh - runs every test program given, then every tests/cli/*.bats,
# and closes with one line "N passed, N failed" over all of them.
# Environment: SSEM (the command under test), BUILD (the build directory).
set -u
cd "$(dirname "$0")/.."
passed=0 failed=0
# Sanitizer reports (ASan, LeakSanitizer, UBSan) go to files, one per process
# that reported: a report fails the run even when the test around it passed
# (a leak at exit, say, under a test that only checked the output). Without
# a sanitizer build nothing is ever written there.
san_dir=$(mktemp -d)
trap 'rm -rf "$san_dir"' EXIT
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$san_dir/asan"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$san_dir/ubsan:print_stacktrace=1"
for t in "$@"; do
    out=$("$t" 2>&1); rc=$?
    line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
    if [ -z "$line" ]; then
        printf '%s\n' "$out"; echo "$t: crashed or printed no summary (exit $rc)"
        failed=$((failed + 1)); continue
    fi
    p=${line%% passed*}; f=${line#*, }; f=${f%% failed}
    if [ "$rc" -ne 0 ] || [ "$f" -ne 0 ]; then printf '%s\n' "$out"; fi
    echo "$(basename "$t"): $line"
    passed=$((passed + p)); failed=$((failed + f))
    [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && failed=$((failed + 1))
done
shopt -s nullglob
bats_files=(tests/cli/*.bats)
if [ ${#bats_files[@]} -gt 0 ]; then
    export SSEM="$(realpath "${SSEM:-build/ssem}")"
    out=$(bats --tap "${bats_files[@]}" 2>&1)
    ok=$(printf '%s\n' "$out" | grep -cE '^ok ')
    nok=$(printf '%s\n' "$out" | grep -cE '^not ok ')
    printf '%s\n' "$out" | grep -vE '^ok ' || true
    echo "bats: $ok passed, $nok failed"
    passed=$((passed + ok)); failed=$((failed + nok))
fi
reports=("$san_dir"/*)
if [ ${#reports[@]} -gt 0 ]; then
    for r in "${reports[@]}"; do
        echo "sanitizer report ($(basename "$r")):"
        head -n 40 "$r"
    done
    echo "sanitizers: ${#reports[@]} report(s): FAILED"
    failed=$((failed + ${#reports[@]}))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
