#!/usr/bin/env bats
# engines.bats - `ssem engines`, `--engine`, and `ssem verify` from the command line.

load helpers

@test "ssem engines lists ref and fast, and the default first" {
    run "$SSEM" engines
    [ "$status" -eq 0 ]
    [[ "$output" == *"ref "* ]]
    [[ "$output" == *"fast "* ]]
    [[ "$(printf '%s\n' "$output" | head -n 1)" == *"(default)"* ]]
}

@test "ssem run prints the same result, bit for bit, whichever engine runs it" {
    engines=$("$SSEM" engines | awk '{print $1}')
    for prog in programs/first.lst programs/tablesum.asm programs/picture.asm; do
        want=$("$SSEM" run --engine=ref "$prog")
        for e in $engines; do
            run "$SSEM" run --engine="$e" "$prog"
            [ "$status" -eq 0 ]
            [ "$output" = "$want" ]
        done
    done
    # a fault and a step limit, too
    printf '01: JMP 20\n20: NUM 8192\n' >"$T/fault.asm"
    want=$("$SSEM" run --engine=ref "$T/fault.asm" || true)
    for e in $engines; do
        run "$SSEM" run --engine="$e" "$T/fault.asm"
        [ "$status" -eq 3 ]
        [ "$output" = "$want" ]
        run "$SSEM" run --engine="$e" --max-steps=12345 --json programs/first.lst
        [ "$status" -eq 4 ]
        [ "$(jq 'j["steps"]')" = 12345 ]
    done
}

@test "an unknown engine is bad usage" {
    run "$SSEM" run --engine=warp programs/gcd.asm
    [ "$status" -eq 2 ]
    [[ "$output" == *"unknown engine 'warp'"* ]]
}

@test "ssem verify: agreement exits 0, over every step of the first program" {
    run "$SSEM" verify programs/first.lst
    [ "$status" -eq 0 ]
    [[ "$output" == *"agree over 2097154 steps (halted)"* ]]
    run "$SSEM" verify --engines=ref,fast --stride=1000 programs/gcd.asm
    [ "$status" -eq 0 ]
    [[ "$output" == *"ref and fast agree over 96 steps"* ]]
}

@test "ssem verify --random is reproducible from its seed" {
    run "$SSEM" verify --random 50 --steps 500 --seed 7
    [ "$status" -eq 0 ]
    [[ "$output" == *"50 random stores of up to 500 steps (seed 7): all engines agree"* ]]
}

@test "ssem verify usage errors exit 2" {
    run "$SSEM" verify
    [ "$status" -eq 2 ]
    run "$SSEM" verify --engines=ref programs/gcd.asm
    [ "$status" -eq 2 ]
    run "$SSEM" verify --engines=ref,nope programs/gcd.asm
    [ "$status" -eq 2 ]
    run "$SSEM" verify --stride=0 programs/gcd.asm
    [ "$status" -eq 2 ]
    run "$SSEM" verify --random 3 programs/gcd.asm
    [ "$status" -eq 2 ]
}
