#!/usr/bin/env bash
# tests/run.sh - runs every test program given, then every tests/cli/*.bats,
# and closes with one line "N passed, N failed" over all of them.
# Environment: SSEM (the command under test), BUILD (the build directory).
set -u
cd "$(dirname "$0")/.."
passed=0 failed=0
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
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
