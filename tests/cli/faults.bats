#!/usr/bin/env bats
# faults.bats - exit 3 (fault: CI bits 13-15 set at a fetch, SPEC section 4),
# --lenient, and exit 4 (the step limit).

load helpers

# JMP through a word with bit 13 set: CI <- 8192; the next step makes CI 8193,
# whose bit 13 is set: the Baby cannot fetch from it.
jump_8192() {
    printf '%s\n' '01: JMP 20' '20: NUM 8192' >"$T/fault.asm"
}

# The same with 8193: CI 8194 at the next fetch, line 2 (a STP) when lenient.
jump_8193() {
    printf '%s\n' '01: JMP 20' '02: STP' '20: NUM 8193' >"$T/fault2.asm"
}

@test "fault: exit 3, the reason names bits 13-15 and --lenient" {
    jump_8192
    run --separate-stderr "$SSEM" run "$T/fault.asm"
    [ "$status" -eq 3 ]
    [[ "$output" == *"bits 13-15"* ]]
    [[ "$output" == *"--lenient"* ]]
    [[ "$output" == *fault* ]]
    # the JMP counted, the faulting step not
    [[ "$output" == *$'\n'"1 instructions"* ]]
    # CI = 8193 = 0x00002001 kept as incremented
    [[ "$output" == *0x00002001* ]]
}

@test "fault --json: status fault, CI incremented, nothing else changed" {
    jump_8192
    run --separate-stderr "$SSEM" run --json "$T/fault.asm"
    [ "$status" -eq 3 ]
    [ "$(jq 'j["status"]')" = '"fault"' ]
    [ "$(jq 'j["steps"]')" = 1 ]
    [ "$(jq 'j["ci"]')" = 8193 ]
    # PI is still the JMP 20 (function 0, line 20), A still 0
    [ "$(jq 'j["pi"]')" = 20 ]
    [ "$(jq 'j["a"]')" = 0 ]
    [ "$(jq 'j["store"][1]')" = 20 ]
    [ "$(jq 'j["store"][20]')" = 8192 ]
    # the lamp is lit by a fault too (SPEC section 1)
    [ "$(jq 'j["lamp"]')" = true ]
}

@test "fault --trace: the faulting step prints no trace line" {
    jump_8192
    run "$SSEM" run --trace --json "$T/fault.asm"
    [ "$status" -eq 3 ]
    [ "$(printf '%s\n' "$output" | grep -cE '^ *[0-9]+  CI ')" -eq 1 ]
}

@test "--lenient: the 8192 program loops (CI & 31 = 1 is the JMP again): step limit" {
    jump_8192
    run --separate-stderr "$SSEM" run --lenient --max-steps 100 --json "$T/fault.asm"
    [ "$status" -eq 4 ]
    [ "$(jq 'j["status"]')" = '"limit"' ]
    [ "$(jq 'j["steps"]')" = 100 ]
    # every step is the JMP at line 8193 & 31 = 1, leaving CI = 8192
    [ "$(jq 'j["ci"]')" = 8192 ]
    [ "$(jq 'j["lamp"]')" = false ]
}

@test "fault then --lenient: the 8193 program faults by default, halts when lenient" {
    jump_8193
    run "$SSEM" run --json "$T/fault2.asm"
    [ "$status" -eq 3 ]
    [ "$(jq 'j["ci"]')" = 8194 ]
    [ "$(jq 'j["steps"]')" = 1 ]
    run --separate-stderr "$SSEM" run --lenient --json "$T/fault2.asm"
    [ "$status" -eq 0 ]
    [ "$(jq 'j["status"]')" = '"halted"' ]
    # JMP, then STP fetched from 8194 & 31 = line 2; CI keeps all its bits
    [ "$(jq 'j["steps"]')" = 2 ]
    [ "$(jq 'j["ci"]')" = 8194 ]
    [ "$(jq 'j["pi"]')" = 57344 ]
    run "$SSEM" run --lenient "$T/fault2.asm"
    [ "$status" -eq 0 ]
    [[ "$output" == *"STP at line 2"* ]]
    [[ "$output" != *fault* ]]
}

@test "step limit: exit 4 on an infinite loop, JSON steps exactly 10" {
    # JMP 20 with line 20 = 0: CI <- 0, next fetch line 1 again, for ever
    printf '%s\n' '01: JMP 20' '20: NUM 0' >"$T/loop.asm"
    run --separate-stderr "$SSEM" run --max-steps 10 --json "$T/loop.asm"
    [ "$status" -eq 4 ]
    [ "$(jq 'j["status"]')" = '"limit"' ]
    [ "$(jq 'j["steps"]')" = 10 ]
    [ "$(jq 'j["ci"]')" = 0 ]
    [ "$(jq 'j["lamp"]')" = false ]
    [ "$(jq 'abs(j["time_1948_s"] - 0.0144) < 1e-9')" = true ]
}

@test "step limit: the monitor says the lamp is off and counts the steps" {
    printf '%s\n' '01: JMP 20' '20: NUM 0' >"$T/loop.asm"
    run "$SSEM" run --max-steps 10 "$T/loop.asm"
    [ "$status" -eq 4 ]
    [[ "$output" == *"stop lamp: off"* ]]
    [[ "$output" == *$'\n'"10 instructions"* ]]
}

@test "step limit with --trace: exactly N trace lines" {
    printf '%s\n' '01: JMP 20' '20: NUM 0' >"$T/loop.asm"
    run "$SSEM" run --trace --max-steps 7 --json "$T/loop.asm"
    [ "$status" -eq 4 ]
    [ "$(printf '%s\n' "$output" | grep -cE '^ *[0-9]+  CI +[0-9]+  JMP 20 ')" -eq 7 ]
    [ "$(jq 'j["steps"]')" = 7 ]
}

@test "--max-steps 0: nothing runs, exit 4" {
    printf '%s\n' '01: STP' >"$T/stop.asm"
    run "$SSEM" run --max-steps 0 --json "$T/stop.asm"
    [ "$status" -eq 4 ]
    [ "$(jq 'j["steps"]')" = 0 ]
    [ "$(jq 'j["ci"]')" = 0 ]
}

@test "the first program under a step limit: exit 4 after exactly N steps" {
    run "$SSEM" run --max-steps 1000 --json "$(first_program)"
    [ "$status" -eq 4 ]
    [ "$(jq 'j["steps"]')" = 1000 ]
    [ "$(jq 'j["status"]')" = '"limit"' ]
}
