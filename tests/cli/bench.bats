#!/usr/bin/env bats
# bench.bats - `make bench BENCH_ARGS=--quick` prints only what it ran (issue
# 12, "for the new user"): W1's columns, no zeros for W2 and W3. Figures are
# not checked (no timing in tests): only which columns and rows appear.

load helpers

@test "bench --quick: W1's columns only, one row per engine, no zero ratios" {
    bench="${BUILD:-build}/bench"
    [ -x "$bench" ] || { echo "no $bench: make check builds it ($BUILD)"; false; }
    run --separate-stderr "$bench" --quick "$SSEM"
    [ "$status" -eq 0 ] || { echo "$stderr"; false; }
    [ "${lines[0]}" = "$(printf '%-6s %14s %12s' engine 'W1 instr/s' 'W1 ms')" ]
    [[ "$output" != *W2* ]]
    [[ "$output" != *W3* ]]
    [[ "$output" == *"speed as a multiple of ref (W1):"* ]]
    # every engine's row has exactly 3 fields; its ratio row exactly 2
    for e in $("$SSEM" engines | awk '{ print $1 }'); do
        printf '%s\n' "$output" | awk -v e="$e" '$1 == e && NF == 3 { found = 1 } END { exit !found }'
        printf '%s\n' "$output" | awk -v e="$e" '$1 == e && NF == 2 { found = 1 } END { exit !found }'
    done
    ! printf '%s\n' "$output" | grep -qE '(^| )0\.00( |$)'
}
