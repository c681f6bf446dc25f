#!/usr/bin/env bats
# lecture.bats - the lecture made visible (docs/lecture.md): run --profile,
# --explain, --trace=json, --log=blocks|stats, debug's explain, verify
# --show-interp, show --profile. Every expected value is worked out by hand
# from ../shared/SPEC.md; how is said beside it.

load helpers

# A three-instruction program: A <- -S[20] = -5; S[21] <- A; stop.
small_program() {
    printf '01: LDN 20\n02: STO 21\n03: STP\n20: NUM 5\n' >"$T/small.asm"
}

# Line 1 jumps to CI = S[2] = 8191; the next fetch, from CI = 8192 (bit 13
# set), faults (SPEC section 4).
fault_program() {
    printf '01: JMP 2\n02: NUM 8191\n' >"$T/fault.asm"
}

# The profile line of store line $1 in $output: "LINE COUNT".
profile_line() {
    printf '%s\n' "$output" | sed -n '/^profile:/,/^instruction mix:/p' |
        awk -v n="$1" '$1 == n { print $1, $2; exit }'
}

@test "run --profile: the first program's per-line counts, mix and loops, by hand" {
    # Worked out from SPEC section 9 (docs/lecture.md gives the reasoning):
    # lines 1-4 once; outer loop 19 -> 5 taken 131071 times, so line 5 runs
    # 131072 times; inner back-edge 8 -> 6 taken 131073 times (JRP count);
    # line 6 entered from 5 and 8: 262145, line 7 likewise; line 7 skips
    # 262145 - 131073 = 131072 times: lines 9-12 131072; line 12 skips all
    # but once: lines 14-19 131071; STP once.
    run "$SSEM" run --profile "$(first_program)"
    [ "$status" -eq 0 ]
    [[ "$output" == *"stop lamp: lit (STP at line 13)"* ]]
    [[ "$output" == *"profile: 2097154 instructions executed"* ]]
    for l in 1 2 3 4 13; do [ "$(profile_line $l)" = "$l 1" ]; done
    [ "$(profile_line 5)" = "5 131072" ]
    [ "$(profile_line 6)" = "6 262145" ]
    [ "$(profile_line 7)" = "7 262145" ]
    [ "$(profile_line 8)" = "8 131073" ]
    for l in 9 10 11 12; do [ "$(profile_line $l)" = "$l 131072" ]; done
    for l in 14 15 16 17 18 19; do [ "$(profile_line $l)" = "$l 131071" ]; done
    # lines never executed are not listed
    [ -z "$(profile_line 0)" ]
    [ -z "$(profile_line 20)" ]
    # the mix of SPEC section 9
    mix() { printf '%s\n' "$output" | awk -v m="$1" '$1 == m { print $2; exit }'; }
    [ "$(mix LDN)" = 524288 ]
    [ "$(mix SUB)" = 524288 ]
    [ "$(mix STO)" = 393216 ]
    [ "$(mix CMP)" = 393217 ]
    [ "$(mix JRP)" = 131073 ]
    [ "$(mix JMP)" = 131071 ]
    [ "$(mix STP)" = 1 ]
    # the two loops, and no others
    [ "$(printf '%s\n' "$output" | grep -cE '^  [0-9]+ -> [0-9]+ ')" -eq 2 ]
    [[ "$output" == *"8 -> 6           131073 times"* ]]
    [[ "$output" == *"19 -> 5          131071 times"* ]]
}

@test "run --profile: a straight-line program has no loops; the same with every engine" {
    small_program
    for e in ref fast dbt; do
        "$SSEM" engines | grep -q "^$e " || continue
        run "$SSEM" run --profile --engine=$e "$T/small.asm"
        [ "$status" -eq 0 ]
        [[ "$output" == *"profile: 3 instructions executed"* ]]
        [ "$(profile_line 1)" = "1 1" ]
        [ "$(profile_line 2)" = "2 1" ]
        [ "$(profile_line 3)" = "3 1" ]
        [[ "$output" == *"loops (back-edges"*"  none"* ]]
    done
}

@test "run --profile: a faulting fetch is not counted" {
    fault_program
    run "$SSEM" run --profile "$T/fault.asm"
    [ "$status" -eq 3 ]
    [[ "$output" == *"profile: 1 instruction executed"* ]]
    [ "$(profile_line 1)" = "1 1" ]
}

@test "run --explain: the first steps of the first program, by hand" {
    # S[24] = 262143, S[23] = -262144, S[20] = -3 (the lecture's listing).
    run "$SSEM" run --explain --max-steps=10 "$(first_program)"
    [ "$status" -eq 4 ]
    exp=$(printf '%s\n' "$output" | sed -n '1,40p')
    want='step 1
  fetch    CI <- CI + 1 = 0 + 1 = 1; PI <- S[1] = 00011000000000100000000000000000 (LDN 24)
  execute  -s, A: A <- -S[24] = -262143
           (the accumulator takes minus line 24)
step 2
  fetch    CI <- CI + 1 = 1 + 1 = 2; PI <- S[2] = 01011000000001100000000000000000 (STO 26)
  execute  a, S: S[26] <- A = -262143
           (line 26 takes the accumulator)
step 3
  fetch    CI <- CI + 1 = 2 + 1 = 3; PI <- S[3] = 01011000000000100000000000000000 (LDN 26)
  execute  -s, A: A <- -S[26] = -(-262143) = 262143
           (the accumulator takes minus line 26)'
    [ "$(printf '%s\n' "$exp" | head -n 12)" = "$want" ]
    # step 6: A = -S[23] = 262144, S[27] = 262143 (stored by step 4)
    [[ "$output" == *"a-s, A: A <- A - S[27] = 262144 - 262143 = 1"* ]]
    # step 7: A = 1 is not negative: no skip
    [[ "$output" == *"Test: if A < 0 then CI <- CI + 1: 1 < 0 is false: nothing changes"* ]]
    # step 8: JRP 20: CI = 8 + (-3) = 5, the next fetch is line 6
    [[ "$output" == *"c+s, C: CI <- CI + S[20] = 8 + (-3) = 5"* ]]
    [[ "$output" == *"(CI takes CI plus line 20; the next fetch is from line 6)"* ]]
    # step 9: A = 1 - 262143 = -262142; step 10 skips: CI = 7 + 1 = 8
    [[ "$output" == *"A <- A - S[27] = 1 - 262143 = -262142"* ]]
    [[ "$output" == *"-262142 < 0 is true, so CI <- CI + 1 = 7 + 1 = 8"* ]]
    [[ "$output" == *"the next fetch is from line 9)"* ]]
    [ "$(printf '%s\n' "$output" | grep -c '^step ')" -eq 10 ]
}

@test "run --explain: STP lights the lamp; a faulting fetch executes nothing" {
    small_program
    run "$SSEM" run --explain "$T/small.asm"
    [ "$status" -eq 0 ]
    [[ "$output" == *"execute  Stop: light the stop lamp; halt"* ]]
    [[ "$output" == *"(the lamp is lit; CI stays on line 3)"* ]]
    fault_program
    run "$SSEM" run --explain "$T/fault.asm"
    [ "$status" -eq 3 ]
    [[ "$output" == *"s, C: CI <- S[2] = 8191"* ]]
    [[ "$output" == *"step 2"*"fetch    CI <- CI + 1 = 8191 + 1 = 8192: "*"bits 13-15"* ]]
    [ "$(printf '%s\n' "$output" | grep -c 'execute')" -eq 1 ]
}

@test "run --trace=json: one object per step, values by hand" {
    run --separate-stderr "$SSEM" run --trace=json --max-steps=3 "$(first_program)"
    [ "$status" -eq 4 ]
    lines=$(printf '%s\n' "$output" | grep -c '^{"step"')
    [ "$lines" -eq 3 ]
    printf '%s\n' "$output" | grep '^{"step"' | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
# step 1: LDN 24 (word 24 + 2 * 8192 = 16408): A = -262143, CI 1
assert rows[0]["step"] == 1 and rows[0]["line"] == 1, rows[0]
assert rows[0]["word"] == 16408 and rows[0]["mnemonic"] == "LDN" and rows[0]["operand"] == 24
assert rows[0]["a"] == -262143 and rows[0]["ci"] == 1 and rows[0]["next_line"] == 2
assert rows[0]["bits"] == "00011000000000100000000000000000"
assert rows[0]["status"] == "running" and "stored" not in rows[0]
# step 2: STO 26 stores -262143 into line 26
assert rows[1]["mnemonic"] == "STO" and rows[1]["stored"] == {"line": 26, "value": -262143}
# step 3: LDN 26: A = 262143
assert rows[2]["a"] == 262143 and rows[2]["ci"] == 3
'
}

@test "run --trace=json: CMP has no operand, STP halts, a fault is its own object" {
    small_program
    run "$SSEM" run --trace=json "$T/small.asm"
    [ "$status" -eq 0 ]
    [[ "$output" == *'{"step":3,"line":3,"word":57344,'*'"mnemonic":"STP","operand":null,'*'"status":"halted"}'* ]]
    fault_program
    run "$SSEM" run --trace=json "$T/fault.asm"
    [ "$status" -eq 3 ]
    [[ "$output" == *'{"step":2,"fault":true,"ci":8192,"a":0,"status":"fault"}'* ]]
}

@test "run --trace, --explain: errors" {
    small_program
    run "$SSEM" run --trace=xml "$T/small.asm"
    [ "$status" -eq 2 ]
    [[ "$output" == *"--trace: unknown trace form (text or json) 'xml'"* ]]
    run "$SSEM" run --trace=json --explain "$T/small.asm"
    [ "$status" -eq 2 ]
    [[ "$output" == *"one of --trace, --trace=json and --explain at a time"* ]]
    run "$SSEM" run --explain=yes "$T/small.asm"
    [ "$status" -eq 2 ]
    run "$SSEM" run --trace= "$T/small.asm"
    [ "$status" -eq 2 ]
    [[ "$output" == *"option '--trace=' needs a value after '='"* ]]
    # --trace never takes the next argument as its form: json here is a file
    run "$SSEM" run --trace json "$T/small.asm"
    [ "$status" -eq 2 ]
    [[ "$output" == *"one program at a time ('json' and "* ]]
    run "$SSEM" run --profile=1 "$T/small.asm"
    [ "$status" -eq 2 ]
}

@test "run --log=blocks: the first program's five blocks, Baby code in, x86-64 out" {
    "$SSEM" engines | grep -q '^dbt ' || skip "no dbt engine in this build (not x86-64 Linux)"
    run --separate-stderr "$SSEM" run --log=blocks "$(first_program)"
    if [ "$status" -eq 2 ]; then
        echo "$stderr"
        echo "FAIL: this build has no capstone (libcapstone-dev): --log=blocks cannot be tested"
        return 1
    fi
    [ "$status" -eq 0 ]
    # the final state still on standard output, the log on standard error
    [[ "$output" == *"stop lamp: lit (STP at line 13)"* ]]
    # blocks as worked out in tests/unit/test_observe.c: 1-8, 6-8, 9-13, 14-19, 5-8
    [ "$(printf '%s\n' "$stderr" | grep '^IN:' | tr '\n' '|')" = \
      "IN: block at line 1 (8 instructions)|IN: block at line 6 (3 instructions)|IN: block at line 9 (5 instructions)|IN: block at line 14 (6 instructions)|IN: block at line 5 (4 instructions)|" ]
    [[ "$stderr" == *"IN: block at line 1 (8 instructions)
   1  00011000000000100000000000000000  LDN 24"* ]]
    [ "$(printf '%s\n' "$stderr" | grep -c '^OUT: [0-9]* bytes of x86-64 at 0x')" -eq 5 ]
    # disassembled: the budget check opens every block (sub r14, n)
    [ "$(printf '%s\n' "$stderr" | grep -cE '^  0x[0-9a-f]+:  sub +r14, ')" -ge 5 ]
    [[ "$stderr" == *"sub      r14, 8"* ]]
    # each Baby instruction's host code is marked, in order
    [[ "$stderr" == *";; line 1: LDN 24"*";; line 2: STO 26"*";; line 8: JRP 20"*"IN: block at line 6"* ]]
    [ "$(printf '%s\n' "$stderr" | grep -c '^  ;; line ')" -eq 26 ]
    [ "$(printf '%s\n' "$stderr" | grep -c '^CHAIN: ')" -eq 8 ]
    [[ "$stderr" == *"CHAIN: block 6 -> block 6"* ]]
    [[ "$stderr" == *"CHAIN: block 1 -> block 6"* ]]
    [ "$(printf '%s\n' "$stderr" | grep -cE '^(INVALIDATE|FLUSH|FALLBACK)')" -eq 0 ]
}

@test "run --log=blocks: code that rewrites itself is invalidated" {
    "$SSEM" engines | grep -q '^dbt ' || skip "no dbt engine in this build (not x86-64 Linux)"
    # 1 LDN 6; 2 STO 3 (line 3 was JMP 0, in the block 1-3); S[6] = -STP, so
    # line 3 becomes STP (57344 = 7 x 8192): one block dropped, then 3 is
    # translated alone and halts.
    printf '01: LDN 6\n02: STO 3\n06: NUM -57344\n' >"$T/selfmod.asm"
    run --separate-stderr "$SSEM" run --log=blocks,stats "$T/selfmod.asm"
    [ "$status" -eq 0 ]
    [[ "$stderr" == *"INVALIDATE: STO changed line 3: 1 block dropped"* ]]
    [[ "$stderr" == *"IN: block at line 3 (1 instruction)
   3  00000000000001110000000000000000  STP"* ]]
    [[ "$stderr" == *"invalidations                    1"* ]]
}

@test "run --log=stats: the first program's counts; ref translates nothing" {
    "$SSEM" engines | grep -q '^dbt ' || skip "no dbt engine in this build (not x86-64 Linux)"
    run --separate-stderr "$SSEM" run --log=stats --engine=dbt "$(first_program)"
    [ "$status" -eq 0 ]
    count() { printf '%s\n' "$stderr" | awk -v k="$1" 'index($0, k) == 3 { print $NF; exit }'; }
    [[ "$stderr" == *"translation statistics (engine dbt):"* ]]
    [ "$(count 'blocks translated')" = 5 ]
    [ "$(count 'Baby instructions in')" = 26 ]     # 8 + 3 + 5 + 6 + 4
    [ "$(count 'chains')" = 8 ]
    [ "$(count 'invalidations')" = 0 ]
    [ "$(count 'flushes')" = 0 ]
    [[ "$stderr" == *"fallbacks to ref                 0  (0 steps)"* ]]
    run --separate-stderr "$SSEM" run --log=stats --engine=ref "$(first_program)"
    [ "$status" -eq 0 ]
    [[ "$stderr" == *"translation statistics (engine ref):"* ]]
    [ "$(count 'blocks translated')" = 0 ]
}

@test "run --log: errors" {
    small_program
    run "$SSEM" run --log=everything "$T/small.asm"
    [ "$status" -eq 2 ]
    [[ "$output" == *"--log: 'everything' is not blocks or stats"* ]]
    run "$SSEM" run --log= "$T/small.asm"
    [ "$status" -eq 2 ]
    run "$SSEM" run --log=stats,nope "$T/small.asm"
    [ "$status" -eq 2 ]
}

@test "debug explain: steps explained, then where it stopped; errors" {
    run "$SSEM" debug "$(first_program)" <<<'explain 2
explain
explain x'
    [ "$status" -eq 0 ]
    [[ "$output" == *"step 1
  fetch    CI <- CI + 1 = 0 + 1 = 1; PI <- S[1] = 00011000000000100000000000000000 (LDN 24)
  execute  -s, A: A <- -S[24] = -262143"* ]]
    [[ "$output" == *"stepped: step 2, next line 3: LDN 26"* ]]
    [[ "$output" == *"A <- -S[26] = -(-262143) = 262143"* ]]
    [[ "$output" == *"stepped: step 3, next line 4: STO 27"* ]]
    [[ "$output" == *"'x' is not a count"* ]]
    run "$SSEM" debug --batch -x /dev/stdin "$(first_program)" <<<'explain 1 2'
    [ "$status" -eq 1 ]
    [[ "$output" == *"usage: explain [N]"* ]]
}

@test "verify --show-interp: every engine's V-state maps to ref's T-state" {
    # after 5 steps: A = -S[23] = 262144, CI = 5, PI = LDN 23
    run "$SSEM" verify --show-interp=5 "$(first_program)"
    [ "$status" -eq 0 ]
    n=$("$SSEM" engines | wc -l)
    [ "$(printf '%s\n' "$output" | grep -c '^engine ')" -eq "$n" ]
    [ "$(printf '%s\n' "$output" | grep -c "interp(V) equals ref's T-state at step 5")" -eq "$n" ]
    [ "$(printf '%s\n' "$output" | grep -c 'T-state: A 262144, CI 5, PI LDN 23, lamp off')" -eq "$n" ]
    [[ "$output" == *"engine ref: "*"m->ci"*"CI"* ]]
    [[ "$output" == *"engine fast: "*"CI = hi + L - 1"* ]]
    if "$SSEM" engines | grep -q '^dbt '; then
        [[ "$output" == *"engine dbt: "*"r13d"*"0x00040000"*" A"* ]]
        [[ "$output" == *"block 1-8"*"8 instructions"*"(not part of T)"* ]]
    fi
}

@test "verify --show-interp: at the halt; default step 1; two engines; errors" {
    run "$SSEM" verify --show-interp=100000000 --engines=ref,fast "$(first_program)"
    [ "$status" -eq 0 ]
    [[ "$output" == *"ref: halted after 2097154 steps"* ]]
    [ "$(printf '%s\n' "$output" | grep -c '^engine ')" -eq 2 ]
    [[ "$output" == *"T-state: A 0, CI 13, PI STP, lamp lit"* ]]
    run "$SSEM" verify --show-interp "$(first_program)"
    [ "$status" -eq 0 ]
    [[ "$output" == *"interp at step 1"* ]]
    [[ "$output" == *"T-state: A -262143, CI 1, PI LDN 24, lamp off"* ]]
    run "$SSEM" verify --show-interp=x "$(first_program)"
    [ "$status" -eq 2 ]
    run "$SSEM" verify --show-interp= "$(first_program)"
    [ "$status" -eq 2 ]
    run "$SSEM" verify --show-interp --random 3
    [ "$status" -eq 2 ]
    [[ "$output" == *"--show-interp needs a program file"* ]]
}

@test "show --profile --png: a PNG heat map; without --png it is bad usage" {
    run "$SSEM" show --profile --png="$T/heat.png" "$(first_program)"
    [ "$status" -eq 0 ]
    [ "$(head -c 8 "$T/heat.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]
    # the hottest line's background (line 6 or 7: 262145 executions) is
    # PIC_RGB_HEAT; tests/unit/test_picture.c checks the pixels
    run "$SSEM" show --profile "$(first_program)"
    [ "$status" -eq 2 ]
    [[ "$output" == *"--profile draws a heat map: give --png=OUT"* ]]
}

@test "--help names the lecture's options" {
    run "$SSEM" run --help
    [ "$status" -eq 0 ]
    for o in --profile --explain "--trace[=text|json]" "--log=blocks|stats"; do
        [[ "$output" == *"$o"* ]]
    done
    run "$SSEM" verify --help
    [[ "$output" == *"--show-interp[=STEP]"* ]]
    run "$SSEM" show --help
    [[ "$output" == *"--profile"* ]]
    run "$SSEM" debug "$(first_program)" <<<'help'
    [[ "$output" == *"explain [N]"* ]]
}

@test "an executed 0 word shows as JMP 0 where it is executed (profile, explain, trace, history, next line)" {
    # gcd.asm lines 10 and 15 are JMP loop_p, loop_p being line 0: the word
    # is function 0, line 0, i.e. 0, which as data reads NUM 0. From reset
    # (a = 1071 > b = 462) steps 1-8 obey lines 1 2 3 4 5 6 (CMP skips 7,
    # d < 0) 8 9, so line 10 is next after step 8 and obeyed at step 9.
    run "$SSEM" run --profile programs/gcd.asm
    [ "$status" -eq 0 ]
    [[ "$output" =~ $'\n'"  10 "[^$'\n']*"JMP 0"$'\n' ]]
    [[ "$output" =~ $'\n'"  15 "[^$'\n']*"JMP 0"$'\n' ]]
    [[ "${output#*profile:}" != *"NUM 0"* ]] # the monitor above shows the store as data
    run "$SSEM" run --explain programs/gcd.asm
    [[ "$output" == *"PI <- S[10] = $(printf '0%.0s' {1..32}) (JMP 0)"* ]]
    [[ "$output" != *"(NUM 0)"* ]]
    run "$SSEM" run --trace=json programs/gcd.asm
    [[ "$output" == *'"text":"JMP 0"'* ]]
    [[ "$output" != *'"text":"NUM 0"'* ]]
    run --separate-stderr "$SSEM" debug programs/gcd.asm < <(printf 'step 8\nstep\nhistory 1\nprint pi\n')
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "stepped: step 8, next line 10: JMP 0" ]
    [[ "${lines[3]}" =~ ^\ +9\ +line\ 10\ +JMP\ 0\ +A ]]
    [[ "${lines[4]}" =~ ^PI\ +0{32}\ +0\ +JMP\ 0$ ]]
}

@test "run --trace=json: standard output is JSON lines only, the final state the last" {
    run --separate-stderr "$SSEM" run --trace=json programs/gcd.asm
    [ "$status" -eq 0 ]
    # every line parses; gcd halts at step 96 (its .expect), so 96 step
    # objects and the final state, which has "steps" and the store
    printf '%s\n' "$output" | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
assert len(rows) == 97, len(rows)
assert all(r["step"] == i + 1 for i, r in enumerate(rows[:96]))
last = rows[96]
assert last["status"] == "halted" and last["steps"] == 96 and last["a"] == 21, last
assert len(last["store"]) == 32 and last["store"][25] == 21
'
    grep -q '^steps=96$' programs/gcd.expect
    run --separate-stderr "$SSEM" run --trace=json --profile programs/gcd.asm
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"not with --trace=json"* ]]
}
