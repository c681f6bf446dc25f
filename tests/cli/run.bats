#!/usr/bin/env bats
# run.bats - `ssem run`: the monitor, JSON, trace, stdin, the first program.
# Every expected value is worked out by hand from ../shared/SPEC.md.

load helpers

# A three-instruction program: A <- -S[20] = -5; S[21] <- A; stop.
small_program() {
    cat >"$T/small.asm" <<'ASM'
; a small program: negate line 20 into line 21
01: LDN 20      ; A <- -5
02: STO 21      ; line 21 <- -5
03: STP
20: NUM 5
ASM
}

@test "run small program: exit 0, the monitor rows worked out by hand" {
    small_program
    run --separate-stderr "$SSEM" run "$T/small.asm"
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    # 32 rows, 0 to 31
    [ "$(printf '%s\n' "$output" | grep -cE '^ *[0-9]+ [ >][.-]{32}( |$)')" -eq 32 ]
    # line 20 = 5: bits 0 and 2, bit 0 on the left
    [ "$(row 20)" = "-.-............................." ]
    # line 21 = -5 = ...11111011: every bit but bit 2
    [ "$(row 21)" = "--.-----------------------------" ]
    # line 1 = LDN 20: n = 20 = bits 2 and 4; f = 2 = bit 14
    [ "$(row 1)" = "..-.-.........-................." ]
    # line 2 = STO 21: n = 21 = bits 0, 2, 4; f = 3 = bits 13 and 14
    [ "$(row 2)" = "-.-.-........--................." ]
    # line 3 = STP: f = 7 = bits 13, 14, 15
    [ "$(row 3)" = ".............---................" ]
    # untouched lines are empty
    [ "$(row 0)" = "................................" ]
    [ "$(row 31)" = "................................" ]
    [[ "$output" == *"stop lamp: lit"* ]]
    [[ "$output" == *"STP at line 3"* ]]
    # three instructions, STP counted; 3 x 1.44 ms = 4.32 ms
    [[ "$output" == *$'\n'"3 instructions"* ]]
    [[ "$output" == *"4.32 ms"* ]]
}

@test "run small program: A, CI and PI registers" {
    small_program
    run "$SSEM" run "$T/small.asm"
    [ "$status" -eq 0 ]
    # A = -5 (bits: all but bit 2), CI = 3, PI = the STP word (57344)
    printf '%s\n' "$output" | grep -qE '^A +11011111111111111111111111111111 +-5$'
    printf '%s\n' "$output" | grep -qE '^CI +11000000000000000000000000000000 +3 +line 3$'
    printf '%s\n' "$output" | grep -qE '^PI +00000000000001110000000000000000 +57344 +STP$'
}

@test "run --json small program: every field worked out by hand" {
    small_program
    run --separate-stderr "$SSEM" run --json "$T/small.asm"
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    # one line, one JSON object
    [ "$(printf '%s\n' "$output" | wc -l)" -eq 1 ]
    [ "$(jq 'j["status"]')" = '"halted"' ]
    [ "$(jq 'j["steps"]')" = 3 ]
    [ "$(jq 'j["a"]')" = -5 ]
    [ "$(jq 'j["ci"]')" = 3 ]
    [ "$(jq 'j["pi"]')" = 57344 ]
    [ "$(jq 'j["lamp"]')" = true ]
    [ "$(jq 'len(j["store"])')" = 32 ]
    [ "$(jq 'j["store"][20]')" = 5 ]
    [ "$(jq 'j["store"][21]')" = -5 ]
    # LDN 20 = 20 + 2*8192, STO 21 = 21 + 3*8192, STP = 7*8192
    [ "$(jq 'j["store"][1:4]')" = "[16404, 24597, 57344]" ]
    [ "$(jq 'sum(abs(x) for x in j["store"]) - 16404 - 24597 - 57344 - 5 - 5')" = 0 ]
    [ "$(jq 'abs(j["time_1948_s"] - 0.00432) < 1e-9')" = true ]
}

@test "run with --format=asm and --max-steps=N given with '='" {
    small_program
    run "$SSEM" run --format=asm --max-steps=3 --json "$T/small.asm"
    [ "$status" -eq 0 ]
    [ "$(jq 'j["steps"]')" = 3 ]
}

@test "run --max-steps exactly the program's length still halts (exit 0)" {
    small_program
    run "$SSEM" run --max-steps 3 --json "$T/small.asm"
    [ "$status" -eq 0 ]
    [ "$(jq 'j["status"]')" = '"halted"' ]
    run "$SSEM" run --max-steps 2 --json "$T/small.asm"
    [ "$status" -eq 4 ]
    [ "$(jq 'j["status"]')" = '"limit"' ]
    [ "$(jq 'j["steps"]')" = 2 ]
    [ "$(jq 'j["store"][21]')" = -5 ]
    [ "$(jq 'j["lamp"]')" = false ]
}

@test "run: the first program (2097154 instructions, line 27 = 131072)" {
    p=$(first_program)
    run --separate-stderr "$SSEM" run "$p"
    [ "$status" -eq 0 ]
    [[ "$output" == *$'\n'"2097154 instructions"* ]]
    # 2^17 = bit 17; -2^17 = bits 17 to 31
    [ "$(row 27)" = ".................-.............." ]
    [ "$(row 26)" = ".................---------------" ]
    [ "$(row 25)" = "................................" ]
    [[ "$output" == *"STP at line 13"* ]]
    printf '%s\n' "$output" | grep -qE '^ *27  [.-]{32}  .* 131072$'
    # 2097154 x 1.44 ms = 3019.90 s = 50 min 19.9 s
    [[ "$output" == *"50 min 19.9 s"* ]]
}

@test "run --json: the first program's final state (SPEC section 9)" {
    run --separate-stderr "$SSEM" run --json "$(first_program)"
    [ "$status" -eq 0 ]
    [ "$(jq 'j["status"]')" = '"halted"' ]
    [ "$(jq 'j["steps"]')" = 2097154 ]
    [ "$(jq 'j["store"][27]')" = 131072 ]
    [ "$(jq 'j["store"][26]')" = -131072 ]
    [ "$(jq 'j["store"][25]')" = 0 ]
    [ "$(jq 'j["a"]')" = 0 ]
    [ "$(jq 'j["ci"]')" = 13 ]
    [ "$(jq 'j["pi"]')" = 57344 ]
    [ "$(jq 'j["lamp"]')" = true ]
    # 2097154 x 0.00144 s = 3019.90176 s
    [ "$(jq 'abs(j["time_1948_s"] - 3019.90176) < 1e-3')" = true ]
}

@test "run --json: the first program as NevynUK's FACTOR.SNP gives the same answer" {
    run "$SSEM" run --json "$CORPUS/NevynUK_ManchesterBaby/HDL_SNP/FACTOR.SNP"
    [ "$status" -eq 0 ]
    [ "$(jq 'j["steps"]')" = 2097154 ]
    [ "$(jq 'j["store"][27]')" = 131072 ]
}

@test "run --trace: one line per step, then the final state" {
    small_program
    run --separate-stderr "$SSEM" run --trace "$T/small.asm"
    [ "$status" -eq 0 ]
    trace=$(printf '%s\n' "$output" | grep -E '^ *[0-9]+  CI ')
    [ "$(printf '%s\n' "$trace" | wc -l)" -eq 3 ]
    # step 1 executes line 1 (LDN 20) leaving A = -5; step 3 is the STP
    printf '%s\n' "$trace" | sed -n 1p | grep -qE '^ +1  CI +1  LDN 20 +A +-5$'
    printf '%s\n' "$trace" | sed -n 2p | grep -qE '^ +2  CI +2  STO 21 +A +-5$'
    printf '%s\n' "$trace" | sed -n 3p | grep -qE '^ +3  CI +3  STP +A +-5$'
    [[ "$output" == *"stop lamp: lit"* ]]
}

@test "run --trace: CI names the line executed, and a 0 word obeyed is JMP 0" {
    # gcd.asm, by hand: steps 1-6 run lines 1-6; d = 462 - 1071 < 0, so CMP
    # skips line 7 and step 7 runs line 8, step 8 line 9, step 9 line 10:
    # JMP loop_p, the word 0 (loop_p is line 0), after which CI = S[0] = 2.
    run --separate-stderr "$SSEM" run --trace --max-steps=10 programs/gcd.asm
    [ "$status" -eq 4 ]
    printf '%s\n' "$output" | grep -qE '^ +7  CI +8  LDN 24 +A +609$'
    printf '%s\n' "$output" | grep -qE '^ +9  CI +10  JMP 0 +A +609$'
    printf '%s\n' "$output" | grep -qE '^ +10  CI +3  LDN 21 +A +-609$'
    # the final PI is the word obeyed last, as an instruction
    printf '%s\n' "$output" | grep -qE '^PI .*LDN 21$'
}

@test "run --trace --json: N trace lines then one JSON object" {
    # a loop of known length: A <- -(-4) = 4, then subtract 1 until A < 0.
    # lines 1-2 run once, then lines 3-6 (SUB, CMP, JMP -> 2, ...) each pass.
    cat >"$T/count.asm" <<'ASM'
01: LDN 20      ; A = 4
02: SUB 21      ; A = A - 1
03: CMP         ; A < 0: skip to 5
04: JMP 22      ; CI <- 1, next is line 2
05: STP
20: NUM -4
21: NUM 1
22: NUM 1
ASM
    # A after each SUB: 3, 2, 1, 0, -1; passes with A >= 0 take SUB CMP JMP
    # (3 steps) four times; the last takes SUB CMP STP: 1 + 4*3 + 3 = 16.
    run --separate-stderr "$SSEM" run --trace --json "$T/count.asm"
    [ "$status" -eq 0 ]
    [ "$(printf '%s\n' "$output" | wc -l)" -eq 17 ]
    [ "$(printf '%s\n' "$output" | grep -cE '^ *[0-9]+  CI ')" -eq 16 ]
    [ "$(jq 'j["steps"]')" = 16 ]
    [ "$(jq 'j["a"]')" = -1 ]
    [ "$(jq 'j["ci"]')" = 5 ]
}

@test "run -: the program from standard input" {
    small_program
    run --separate-stderr "$SSEM" run --json - <"$T/small.asm"
    [ "$status" -eq 0 ]
    [ "$(jq 'j["steps"]')" = 3 ]
    [ "$(jq 'j["store"][21]')" = -5 ]
}

@test "run -: a listing from standard input (format detected from content)" {
    # the lecture's listing form: N BITS, bit 0 first
    printf '%s\n' \
        '1 00101000000000100000000000000000 LDN 20' \
        '2 00000000000001110000000000000000 STP' \
        '20 11100000000000000000000000000000 7' >"$T/p.lst"
    run --separate-stderr "$SSEM" run --json - <"$T/p.lst"
    [ "$status" -eq 0 ]
    [ "$(jq 'j["a"]')" = -7 ]
    [ "$(jq 'j["steps"]')" = 2 ]
    [ "$(jq 'j["ci"]')" = 2 ]
}

@test "run: a snapshot (.snp) with a count line" {
    printf '%s\n' '; LDN 20, STP; line 20 = 7' 3 \
        '0001:00101000000000100000000000000000' \
        '0002:00000000000001110000000000000000' \
        '0020:11100000000000000000000000000000' >"$T/p.snp"
    run --separate-stderr "$SSEM" run --json "$T/p.snp"
    [ "$status" -eq 0 ]
    [ "$(jq 'j["a"]')" = -7 ]
    [ "$(jq 'j["steps"]')" = 2 ]
}

@test "run: a CMP in line 30 with A < 0 sends the next fetch to line 0 (CI = 32)" {
    # SPEC section 3: LDN 20 makes A = -1; JMP 21 makes CI = 29, so line 30
    # runs next; the CMP skips (CI = 31); the next fetch is CI = 32, line 0.
    printf '%s\n' '00: STP' '01: LDN 20' '02: JMP 21' '20: NUM 1' '21: NUM 29' \
        '30: CMP' '31: NUM 0' >"$T/wrap.asm"
    run --separate-stderr "$SSEM" run --json "$T/wrap.asm"
    [ "$status" -eq 0 ]
    [ "$(jq 'j["steps"]')" = 4 ]
    [ "$(jq 'j["ci"]')" = 32 ]
    [ "$(jq 'j["a"]')" = -1 ]
    run "$SSEM" run "$T/wrap.asm"
    [[ "$output" == *"STP at line 0"* ]]
}

@test "run's monitor marks the action line with '>': CI's line, one row only" {
    # gcd.asm stops at its STP on line 18 (its header says so; CI = 18)
    run --separate-stderr "$SSEM" run programs/gcd.asm
    [ "$status" -eq 0 ]
    [ "$(printf '%s\n' "$output" | grep -cE '^ *[0-9]+ >[.-]{32}')" -eq 1 ]
    printf '%s\n' "$output" | grep -qE '^ 18 >[.-]{32}  STP '
    # stopped by the limit after 3 steps: lines 1-3 run, CI = 3
    run --separate-stderr "$SSEM" run --max-steps=3 programs/gcd.asm
    [ "$status" -eq 4 ]
    [ "$(printf '%s\n' "$output" | grep -cE '^ *[0-9]+ >')" -eq 1 ]
    printf '%s\n' "$output" | grep -qE '^  3 >[.-]{32}  LDN 21 '
}

@test "--digit-period sets the 1948 time the final report prints, and the JSON's" {
    # gcd halts after 96 instructions (programs/gcd.expect); an instruction is
    # 144 digit periods: at 100 us, 14.4 ms, and 96 x 14.4 ms = 1.3824 s
    grep -q '^steps=96$' programs/gcd.expect
    run "$SSEM" run --digit-period=100 programs/gcd.asm
    [ "$status" -eq 0 ]
    [[ "${lines[-1]}" == "96 instructions; the Baby would have taken 1.38 s (14.40 ms an instruction)" ]]
    run "$SSEM" run --digit-period=100 --json programs/gcd.asm
    [[ "$output" == *'"time_1948_s":1.382400}' ]]
    # the default, 10 us: 96 x 1.44 ms = 138.24 ms
    run "$SSEM" run programs/gcd.asm
    [[ "${lines[-1]}" == "96 instructions; the Baby would have taken 138.24 ms (1.44 ms an instruction)" ]]
}

@test "a state whose step count cannot be continued is refused by every command that runs it" {
    # gcd saved at step 5, then given the count 2^64 - 1 (and 2^64 - 6)
    printf 'step 5\nsave %s\n' "$T/s.state" | "$SSEM" debug programs/gcd.asm >/dev/null
    grep -q 'steps=5' "$T/s.state"
    sed 's/steps=5/steps=18446744073709551615/' "$T/s.state" >"$T/big.state"
    sed 's/steps=5/steps=18446744073709551610/' "$T/s.state" >"$T/near.state"
    for cmd in run show verify; do
        run --separate-stderr "$SSEM" $cmd "$T/big.state"
        [ "$status" -eq 1 ] || { echo "$cmd: status $status"; false; }
        [[ "$stderr" == *"step 18446744073709551615 cannot be continued"* ]] ||
            { echo "$cmd: $stderr"; false; }
        [ -z "$output" ]
    done
    run --separate-stderr "$SSEM" show --after=6 "$T/near.state" # 5 left
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"within 6 more steps (--after)"* ]]
    run --separate-stderr "$SSEM" show --after=5 "$T/near.state"
    [ "$status" -eq 0 ]
    [[ "$output" == *"18446744073709551615 steps"* ]]
    # run's --max-steps counts from reset: a state already past it runs
    # nothing and stops at the limit, as --max-steps=0 does
    run --separate-stderr "$SSEM" run --max-steps=1000 "$T/near.state"
    [ "$status" -eq 4 ]
    [[ "${lines[-1]}" == "18446744073709551610 instructions;"* ]]
    # up to 2^64 - 1, and the 1948 time of that count, exact: 2^64 - 1 steps
    # x 1.44 ms is 265633114661417543256 tenths of a ms (python3 below, in
    # integers): 26563311466141754.3 s = 7378697629483 h, 2954.3 s left = 49 min 14.3 s
    run --separate-stderr "$SSEM" run --max-steps=18446744073709551615 "$T/near.state"
    [ "$status" -eq 4 ]
    [ "${lines[-1]}" = "18446744073709551615 instructions; the Baby would have taken 7378697629483 h 49 min 14.3 s (1.44 ms an instruction)" ]
    [ "$(python3 -c 'ds = ((2**64 - 1) * 144 * 10 + 50000) // 100000  # tenths of a second, rounded
h, r = divmod(ds, 36000); print(h, r // 600, r % 600 // 10, r % 10)')" = "7378697629483 49 14 3" ]
}
