#!/usr/bin/env bats
# debug.bats - `ssem debug`: scripted sessions, one command after another.
# Expected values are worked out by hand from the SPEC and the programs (the
# first program's trace near its end, divide.asm's round of 13 steps), never
# copied from the debugger's output.

load helpers

# dbg FILE CMD... : the commands, one a line, on standard input
dbg() {
    local file=$1
    shift
    printf '%s\n' "$@" | "$SSEM" debug "$file"
}

# The first program's last trial (b = 131072), from SPEC section 9 and the
# listing: ... 16 STO 27 (b = 131072), 17, 18, 19 JMP -> 5; 5 LDN 23
# (A = 262144), 6 SUB 27 (131072), 7 CMP, 8 JRP -> 6, 6 SUB 27 (0), 7, 8,
# 6 SUB 27 (-131072), 7 CMP skips, 9 SUB 26 (A = 0), 10 STO 25, 11 LDN 25,
# 12 CMP (A = 0: no skip), 13 STP = step 2097154. So the state before the
# fetch of line 13 is step 2097153, with CI = 12, A = 0, PI = CMP; and the
# STO 27 is 17 steps before the end: step 2097137.

@test "debug: starts at step 0, line 1 next" {
    run --separate-stderr dbg programs/first.lst quit
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "start: step 0, next line 1: LDN 24" ]
}

@test "debug: step, step N, print" {
    run --separate-stderr dbg programs/first.lst step print 'step 2' print
    [ "$status" -eq 0 ]
    # line 1 LDN 24: A = -262143
    [ "${lines[1]}" = "stepped: step 1, next line 2: STO 26" ]
    [[ "${lines[2]}" =~ ^A\ +[01]{32}\ +-262143$ ]]
    [[ "${lines[3]}" =~ ^CI\ +10000000000000000000000000000000\ +1\ +line\ 1$ ]]
    [[ "${lines[4]}" =~ ^PI\ .*LDN\ 24$ ]]
    [ "${lines[5]}" = "lamp off; step 1 (1948 time 1.44 ms)" ]
    # 2 STO 26, 3 LDN 26: A = 262143
    [ "${lines[6]}" = "stepped: step 3, next line 4: STO 27" ]
    [[ "${lines[7]}" =~ ^A\ +11111111111111111100000000000000\ +262143$ ]]
}

@test "debug: break, continue, print, reverse-step, history" {
    run --separate-stderr dbg programs/first.lst 'break 13' continue print 'reverse-step 3' print \
        'history 4'
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "breakpoint on line 13" ]
    [ "${lines[2]}" = "breakpoint 13: step 2097153, next line 13: STP" ]
    [[ "${lines[3]}" =~ ^A\ +0{32}\ +0$ ]]
    [[ "${lines[4]}" =~ ^CI\ .*\ 12\ +line\ 12$ ]]
    [[ "${lines[5]}" =~ ^PI\ .*CMP$ ]]
    # back over 12 CMP, 11 LDN 25, 10 STO 25: CI = 9 after 9 SUB 26, A = 0
    [ "${lines[7]}" = "stepped back: step 2097150, next line 10: STO 25" ]
    [[ "${lines[8]}" =~ ^A\ +0{32}\ +0$ ]]
    [[ "${lines[9]}" =~ ^CI\ .*\ 9\ +line\ 9$ ]]
    [[ "${lines[10]}" =~ ^PI\ .*SUB\ 26$ ]]
    # the 4 steps before 2097150: 6 SUB 27 (A = -131072), 7 CMP (skips),
    # 8 is skipped, 9 SUB 26 (A = 0): steps 2097147..2097150 are lines
    # 8 (JRP), 6, 7, 9
    [[ "${lines[12]}" =~ ^\ +2097147\ +line\ +8\ +JRP\ 20\ +A\ +0$ ]]
    [[ "${lines[13]}" =~ ^\ +2097148\ +line\ +6\ +SUB\ 27\ +A\ +-131072$ ]]
    [[ "${lines[14]}" =~ ^\ +2097149\ +line\ +7\ +CMP\ +A\ +-131072$ ]]
    [[ "${lines[15]}" =~ ^\ +2097150\ +line\ +9\ +SUB\ 26\ +A\ +0$ ]]
}

@test "debug: continue to the STP; print LINE" {
    run --separate-stderr dbg programs/first.lst continue 'print 27' 'print 26' 'print 25'
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "halted: step 2097154, stopped at line 13: STP (the lamp is lit)" ]
    # SPEC section 9: 131072 (bit 17), -131072, 0
    [[ "${lines[2]}" =~ ^27\ +000000000000000001000000000000000*\ +131072\ +NUM\ 131072$ ]]
    [[ "${lines[3]}" =~ ^26\ .*\ -131072\  ]]
    [[ "${lines[4]}" =~ ^25\ +0{32}\ +0\  ]]
}

@test "debug: watch forward and reverse-continue to watch hits" {
    # line 2 STO 26 writes -262143 (A after LDN 24) over 0 at step 2
    run --separate-stderr dbg programs/first.lst 'watch 26' continue 'unwatch' 'watch 27' \
        continue continue
    [ "$status" -eq 0 ]
    [ "${lines[2]}" = "watch 26: 0 -> -262143: step 2, next line 3: LDN 26" ]
    # line 4 STO 27 writes b = 262143 at step 4
    [ "${lines[5]}" = "watch 27: 0 -> 262143: step 4, next line 5: LDN 23" ]
    # the next change is the first trial's line 16: b = 262142
    [[ "${lines[6]}" == "watch 27: 262143 -> 262142: step "*", next line 17: LDN 27" ]]

    run --separate-stderr dbg programs/first.lst continue 'watch 27' reverse-continue rc
    [ "$status" -eq 0 ]
    [ "${lines[3]}" = "watch 27: 131073 -> 131072: step 2097137, next line 17: LDN 27" ]
    [[ "${lines[4]}" == "watch 27: 131074 -> 131073: step "*", next line 17: LDN 27" ]]
}

@test "debug: divide.asm: watches forward and back, exact step numbers" {
    # Line 18 is JMP loop_p = JMP 0: the word 0; the line about to be obeyed
    # is shown as the instruction the machine obeys (JMP 0, not NUM 0).
    # divide.expect: 1854 steps. q (line 25) is written by line 17 in each
    # round of 13 steps; the first write is step 2 + 4 + 8 = 14, the k-th
    # 14 + 13 (k - 1): the 142nd at 1847 = 1854 - 7 (18, 3, 4, 5, 7, 8, 9).
    run --separate-stderr dbg programs/divide.asm 'watch 25' c c rs 'unwatch 25' c 'watch 25' rc rc \
        'print 25'
    [ "$status" -eq 0 ]
    [ "${lines[2]}" = "watch 25: 0 -> 1: step 14, next line 18: JMP 0" ]
    [ "${lines[3]}" = "watch 25: 1 -> 2: step 27, next line 18: JMP 0" ]
    [ "${lines[4]}" = "stepped back: step 26, next line 17: STO 25" ]
    [ "${lines[6]}" = "halted: step 1854, stopped at line 9: STP (the lamp is lit)" ]
    [ "${lines[8]}" = "watch 25: 141 -> 142: step 1847, next line 18: JMP 0" ]
    [ "${lines[9]}" = "watch 25: 140 -> 141: step 1834, next line 18: JMP 0" ]
    [[ "${lines[10]}" =~ ^25\ .*\ 141\ +NUM\ 141$ ]]
}

@test "debug: reverse-continue to breakpoints, and to the start" {
    # line 14 starts each trial; the last one before the end is 6 + 14 = 20
    # steps before the STP (14-19, then the 14 steps counted above)
    run --separate-stderr dbg programs/first.lst continue 'break 14' rc 'delete 14' rc rc
    [ "$status" -eq 0 ]
    [ "${lines[3]}" = "breakpoint 14: step 2097134, next line 14: LDN 26" ]
    [ "${lines[4]}" = "deleted breakpoint on line 14" ]
    [ "${lines[5]}" = "start of history: step 0, next line 1: LDN 24" ]
    [ "${lines[6]}" = "start of history: step 0, next line 1: LDN 24" ]
}

@test "debug: step N stops early at a breakpoint, not on its first step" {
    run --separate-stderr dbg programs/first.lst 'break 5' 'step 10' 'step 2' 'break' 'delete' \
        'break'
    [ "$status" -eq 0 ]
    # lines 1-4 executed, next 5
    [ "${lines[2]}" = "breakpoint 5: step 4, next line 5: LDN 23" ]
    # from the breakpoint: 5 LDN 23, 6 SUB 27
    [ "${lines[3]}" = "stepped: step 6, next line 7: CMP" ]
    [ "${lines[4]}" = "breakpoints: 5" ]
    [ "${lines[5]}" = "watches: none" ]
    [ "${lines[6]}" = "deleted all breakpoints" ]
    [ "${lines[7]}" = "breakpoints: none" ]
}

@test "debug: disasm marks the next line and breakpoints" {
    run --separate-stderr dbg programs/first.lst 'break 13' 'disasm 12 14' 'disasm 20'
    [ "$status" -eq 0 ]
    [[ "${lines[2]}" =~ ^\ \ \ 12\ +CMP\ +49152$ ]]            # 6 << 13
    [[ "${lines[3]}" =~ ^\*\ \ 13\ +STP\ +57344$ ]]            # 7 << 13
    [[ "${lines[4]}" =~ ^\ \ \ 14\ +LDN\ 26\ +16410$ ]]        # 2 << 13 | 26
    [[ "${lines[5]}" =~ ^\ \ \ 20\ +NUM\ -3\ +-3$ ]]
    run --separate-stderr dbg programs/first.lst 'disasm 0 2'
    next_re='^ >  1 +LDN 24 +16408$'
    [[ "${lines[2]}" =~ $next_re ]]
}

@test "debug: print monitor: the store tube with the next line bright" {
    run --separate-stderr dbg programs/first.lst 'step 5' 'print monitor' 'print monitor A'
    [ "$status" -eq 0 ]
    # rows follow the step line: row r is lines[2 + r]
    # line 24 = 262143: bits 0-17 set; line 23 = -262144: bits 18-31 set
    [ "${lines[26]}" = "------------------.............." ]
    [ "${lines[25]}" = "..................--------------" ]
    # line 6 (SUB 27: bits 0,1,3,4 and 15) is next: drawn bright
    [ "${lines[8]}" = "==:==::::::::::=::::::::::::::::" ]
    [ "${lines[34]}" = "tube S, action line 6, stop lamp off" ]
    # A after 1 LDN 24, 2 STO 26, 3 LDN 26, 4 STO 27, 5 LDN 23: A = 262144 = bit 18
    [ "${lines[35]}" = "..................-............." ]
    [ "${lines[67]}" = "tube A, action line 6, stop lamp off" ]
}

@test "debug: set: registers and lines; history before it is dropped" {
    run --separate-stderr dbg programs/first.lst 'step 3' 'set a -5' 'set ci 0x10' 'set 24 LDN 3' \
        'set 25 0x7fffffff' print 'print 24' 'rs 2' step 'print'
    [ "$status" -eq 0 ]
    [ "${lines[2]}" = "a = -5" ]
    [ "${lines[3]}" = "ci = 16" ]
    [ "${lines[4]}" = "line 24 = 16387 (LDN 3)" ]          # 2 << 13 | 3
    [ "${lines[5]}" = "line 25 = 2147483647 (NUM 2147483647)" ]
    [[ "${lines[6]}" =~ ^A\ +11011111111111111111111111111111\ +-5$ ]]
    [[ "${lines[7]}" =~ ^CI\ .*\ 16\ +line\ 16$ ]]
    [[ "${lines[10]}" =~ ^24\ .*\ 16387\ +LDN\ 3$ ]]
    # cannot go back past the set at step 3
    [ "${lines[11]}" = "start of history: step 3, next line 17: LDN 27" ]
    # line 17 LDN 27: S[27] is still 0 at step 3 (line 4 not executed)
    [ "${lines[12]}" = "stepped: step 4, next line 18: STO 26" ]
    [[ "${lines[13]}" =~ ^A\ +0{32}\ +0$ ]]
}

@test "debug: run/restart goes back to the program as loaded" {
    run --separate-stderr dbg programs/first.lst 'step 7' 'set 24 1' restart 'print 24' run
    [ "$status" -eq 0 ]
    [ "${lines[3]}" = "start: step 0, next line 1: LDN 24" ]
    [[ "${lines[4]}" =~ ^24\ .*\ 262143\ +NUM\ 262143$ ]]
    [ "${lines[5]}" = "start: step 0, next line 1: LDN 24" ]
}

@test "debug: save writes a state file that run resumes from" {
    run --separate-stderr dbg programs/first.lst 'break 13' continue "save $T/at13.snp"
    [ "$status" -eq 0 ]
    [ "${lines[3]}" = "saved step 2097153 to $T/at13.snp" ]
    grep -q 'steps=2097153' "$T/at13.snp"
    # the saved state, run on: one step more, the STP
    run --separate-stderr "$SSEM" run --json "$T/at13.snp"
    [ "$status" -eq 0 ]
    [ "$(jq 'j["steps"]')" = 2097154 ]
    [ "$(jq 'j["store"][27]')" = 131072 ]
}

@test "debug: a fault stops the program; reverse-step goes back before it" {
    printf '%s\n' '01: JMP 20' '20: NUM 8192' >"$T/fault.asm"
    # step 1: JMP 20 makes CI 8192; the next fetch (CI 8193) faults
    run --separate-stderr dbg "$T/fault.asm" continue continue rs print
    [ "$status" -eq 0 ]
    [[ "${lines[1]}" == "fault: step 1, CI = 0x00002001 has bits 13-15 set"* ]]
    [[ "${lines[2]}" == "fault: step 1, "* ]]
    [ "${lines[3]}" = "stepped back: step 0, next line 1: JMP 20" ]
    [ "${lines[7]}" = "lamp off; step 0 (1948 time 0.00 ms)" ]
}

@test "debug: a halted program resumes on continue; reverse crosses the resume" {
    # 1 LDN 20 (A = -5), 2 STP, 3 STO 21, 4 STP
    printf '%s\n' '01: LDN 20' '02: STP' '03: STO 21' '04: STP' '20: NUM 5' >"$T/two.asm"
    run --separate-stderr dbg "$T/two.asm" c c 'rs 2' 'print 21' 'step 2' 'print 21'
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "halted: step 2, stopped at line 2: STP (the lamp is lit)" ]
    [ "${lines[2]}" = "halted: step 4, stopped at line 4: STP (the lamp is lit)" ]
    [ "${lines[3]}" = "stepped back: step 2, stopped at line 2: STP (the lamp is lit)" ]
    [[ "${lines[4]}" =~ ^21\ +0{32}\ +0\ +NUM\ 0$ ]]
    [ "${lines[5]}" = "halted: step 4, stopped at line 4: STP (the lamp is lit)" ]
    [[ "${lines[6]}" =~ ^21\ .*\ -5\ +NUM\ -5$ ]]
}

@test "debug: errors name the line; the session goes on; --batch stops with 1" {
    run --separate-stderr dbg programs/first.lst 'frobnicate' 'break 32' 'step x' 'set q 1' step
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "stepped: step 1, next line 2: STO 26" ]
    [[ "$stderr" == *"stdin:1: unknown command 'frobnicate'"* ]]
    [[ "$stderr" == *"stdin:2: '32' is not a store line (0-31)"* ]]
    [[ "$stderr" == *"stdin:3: 'x' is not a count"* ]]
    [[ "$stderr" == *"stdin:4: 'q' is not a store line"* ]]

    printf '%s\n' 'step' '# a comment' '' 'bogus 1' 'step' >"$T/script"
    run --separate-stderr "$SSEM" debug -x "$T/script" programs/first.lst </dev/null
    [ "$status" -eq 1 ] # the session goes on, but a script's failed command is not lost
    [[ "$stderr" == *"$T/script:4: unknown command 'bogus'"* ]]
    [ "${lines[2]}" = "stepped: step 2, next line 3: LDN 26" ]

    run --separate-stderr "$SSEM" debug --batch -x "$T/script" programs/first.lst </dev/null
    [ "$status" -eq 1 ]
    [ "${#lines[@]}" -eq 2 ]
}

@test "debug: -x then standard input; --batch does not read it" {
    printf '%s\n' 'step 3' >"$T/script"
    run --separate-stderr bash -c "echo print | '$SSEM' debug -x '$T/script' programs/first.lst"
    [ "$status" -eq 0 ]
    [[ "${lines[2]}" =~ ^A\ .*\ 262143$ ]]
    run --separate-stderr bash -c "echo print | '$SSEM' debug --batch -x '$T/script' programs/first.lst"
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 2 ]
}

@test "debug: usage errors exit 2; a bad program exits 1" {
    run --separate-stderr "$SSEM" debug
    [ "$status" -eq 2 ]
    run --separate-stderr "$SSEM" debug --bogus programs/first.lst
    [ "$status" -eq 2 ]
    run --separate-stderr "$SSEM" debug "$T/missing.asm"
    [ "$status" -eq 1 ]
    run --separate-stderr "$SSEM" debug -x "$T/missing" programs/first.lst
    [ "$status" -eq 1 ]
    run --separate-stderr "$SSEM" debug --help
    [ "$status" -eq 0 ]
    [[ "$output" == *"reverse"* ]]
}

@test "debug: help lists every command" {
    run --separate-stderr dbg programs/first.lst help
    for c in step continue reverse-step reverse-continue break delete watch unwatch print \
        disasm history set save run restart quit; do
        [[ "$output" == *"$c"* ]]
    done
}

@test "debug: every engine gives the same session" {
    for e in $("$SSEM" engines | awk '{print $1}'); do
        run --separate-stderr bash -c "printf 'break 13\ncontinue\nrs 3\n' | '$SSEM' debug --engine=$e programs/first.lst"
        [ "$status" -eq 0 ]
        [ "${lines[3]}" = "stepped back: step 2097150, next line 10: STO 25" ]
    done
}

# divide.asm (1000 / 7): lines 1 start, 2, then each round of 13 steps runs
# lines 3 (loop) 4 5 6 10-18 and adds one to q (line 25) at line 17. So
# line 3 is next after step 2 + 13k, with q = k; A after step 3 + 13k is
# the remainder so far, 1000 - 7k (LDN nr, nr = -r).

@test "debug: symbolic and conditional breakpoints (break loop if 25 == 5)" {
    run --separate-stderr dbg programs/divide.asm 'break loop' continue continue \
        'break loop if 25 == 5' run continue 'break 3 if a < 0' 'break 3 if q >= 2' run continue
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "breakpoint on line 3" ]
    [ "${lines[2]}" = "breakpoint 3: step 2, next line 3: LDN 23" ]
    [ "${lines[3]}" = "breakpoint 3: step 15, next line 3: LDN 23" ]
    [ "${lines[4]}" = "breakpoint on line 3 if 25 == 5" ]
    # 2 + 13 x 5
    [ "${lines[6]}" = "breakpoint 3: step 67, next line 3: LDN 23" ]
    [ "${lines[7]}" = "breakpoint on line 3 if a < 0" ]
    # q is a label of line 25: after two rounds, step 2 + 26
    [ "${lines[8]}" = "breakpoint on line 3 if 25 >= 2" ]
    [ "${lines[10]}" = "breakpoint 3: step 28, next line 3: LDN 23" ]
    run --separate-stderr dbg programs/divide.asm 'break nowhere' 'break 3 if x < 0' \
        'break 3 if a =< 0' 'break 3 if a < zero'
    [ "${#lines[@]}" -eq 1 ]
    [[ "$stderr" == *"'nowhere' is not a store line (0-31) or a label of the program"* ]]
    [[ "$stderr" == *"'x' is not a register"* ]]
    [[ "$stderr" == *"'=<' is not a comparison"* ]]
    [[ "$stderr" == *"'zero' is not a number"* ]]
}

@test "debug: watch a, watch ci, print by register name, display" {
    run --separate-stderr dbg programs/divide.asm 'break 3 if q == 1' continue delete 'watch a' \
        continue 'print a' 'print ci' 'print pi' 'print q' 'unwatch a' 'watch ci' continue \
        unwatch 'display a' 'step 13' 'display' 'undisplay' 'step'
    [ "$status" -eq 0 ]
    # step 15, then LDN nr: A 993
    [ "${lines[2]}" = "breakpoint 3: step 15, next line 3: LDN 23" ]
    [[ "${lines[5]}" =~ ^watch\ a:\ -?[0-9]+\ -\>\ 993:\ step\ 16,\ next\ line\ 4:\ SUB\ 21$ ]]
    [[ "${lines[6]}" =~ ^A\ +[01]{32}\ +993$ ]]
    [[ "${lines[7]}" =~ ^CI\ +[01]{32}\ +3\ +line\ 3$ ]]
    [[ "${lines[8]}" =~ ^PI\ .*LDN\ 23$ ]]
    [[ "${lines[9]}" =~ ^25\ +[01]{32}\ +1\ +JMP\ 1$ ]]
    [ "${lines[11]}" = "watch on ci" ]
    [ "${lines[12]}" = "watch ci: 3 -> 4: step 17, next line 5: CMP" ]
    # display prints at once (step 17 was SUB d: A = 993 - 7) and after
    # every motion: one round on, A = 979
    [[ "${lines[14]}" =~ ^A\ .*\ 986$ ]]
    [ "${lines[15]}" = "stepped: step 30, next line 5: CMP" ]
    [[ "${lines[16]}" =~ ^A\ .*\ 979$ ]]
    [ "${lines[17]}" = "1: a" ]
    [ "${lines[18]}" = "deleted all displays" ]
    [[ "${lines[19]}" =~ ^stepped:\ step\ 31,\ next\ line\ 6: ]]
    [ "${#lines[@]}" -eq 20 ]
}

@test "debug: step N is bounded by --max-steps" {
    run --separate-stderr bash -c "printf 'step 1000\nstep 5\n' | '$SSEM' debug --max-steps=100 programs/first.lst"
    [ "$status" -eq 0 ]
    [[ "${lines[1]}" =~ ^limit:\ step\ 100, ]]
    [[ "${lines[2]}" =~ ^stepped:\ step\ 105, ]]
}

@test "debug: load and restore inside a session" {
    run --separate-stderr dbg programs/divide.asm 'step 40' "save $T/s.snp" \
        'load programs/first.lst' 'step' "restore $T/s.snp" 'print' run 'break loop'
    [ "$status" -eq 0 ]
    [ "${lines[3]}" = "loaded programs/first.lst" ]
    [ "${lines[4]}" = "start: step 0, next line 1: LDN 24" ]
    [ "${lines[5]}" = "stepped: step 1, next line 2: STO 26" ]
    # step 40 = 2 + 2 x 13 + 12: the third round has run lines 3-6 and 10-17
    [ "${lines[6]}" = "restored $T/s.snp" ]
    [[ "${lines[7]}" =~ ^start:\ step\ 40,\ next\ line\ 18: ]]
    [[ "${lines[11]}" == "lamp off; step 40 "* ]]
    # run goes back to the program loaded last, whose labels are its own
    [ "${lines[12]}" = "start: step 0, next line 1: LDN 24" ]
    [[ "$stderr" == *"'loop' is not a store line"* ]]
    run --separate-stderr dbg programs/divide.asm "load $T/missing.asm" print
    [ "$status" -eq 0 ]
    [[ "$stderr" == *"not loaded"* ]]
}

@test "debug: -x DIRECTORY is an error" {
    run --separate-stderr "$SSEM" debug -x "$T" programs/first.lst </dev/null
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"Is a directory"* ]]
    [ "${#lines[@]}" -eq 0 ]
}

@test "debug: messages escape control bytes and bytes 0x80-0xFF" {
    run --separate-stderr bash -c "printf 'foo\033]0;owned\007\377\nsave $T/x\033y/z\nset 5 ORG 5\n' | '$SSEM' debug programs/first.lst"
    [ "$status" -eq 0 ]
    [[ "$stderr" == *"unknown command 'foo\\x1b]0;owned\\x07\\xff'"* ]]
    [[ "$stderr" == *"x\\x1by/z not written"* ]]
    ! printf '%s' "$stderr" | LC_ALL=C grep -q "$(printf '\033')"
    ! printf '%s' "$stderr" | LC_ALL=C grep -q "$(printf '\377')"
    # one line for a value that is no instruction: the last of the messages
    [[ "$(printf '%s\n' "$stderr" | tail -n 1)" == *"set 5: 'ORG 5' is neither a number nor an instruction"* ]]
    [ "$(printf '%s\n' "$stderr" | grep -c 'ORG')" -eq 1 ]
}

# A state file of the one-STP program at step count $1, lamp lit.
stp_state() {
    printf '; ssem-state: version=2 a=0 ci=1 pi=57344 lamp=1 fault=0 steps=%s\n32\n' "$1"
    for i in $(seq 0 31); do
        w=00000000000000000000000000000000
        [ "$i" = 1 ] && w=00000000000001110000000000000000
        printf '%04d:%s\n' "$i" "$w"
    done
}

@test "debug: a step count that cannot be continued is refused; huge times print" {
    stp_state 18446744073709551615 >"$T/max.snp"
    run --separate-stderr bash -c "echo print | '$SSEM' debug '$T/max.snp'"
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"cannot be continued"* ]]
    # 2^64 - 1 - 10^8 leaves room for one default continue
    stp_state 18446744073609551615 >"$T/edge.snp"
    run --separate-stderr bash -c "echo print | '$SSEM' debug '$T/edge.snp'"
    [ "$status" -eq 0 ]
    run --separate-stderr bash -c "echo 'restore $T/max.snp' | '$SSEM' debug programs/first.lst"
    [[ "$stderr" == *"cannot be continued"* ]]
    # 10^17 steps at 1.44 ms are 1.44e14 s = 4e10 hours exactly
    stp_state 100000000000000000 >"$T/big.snp"
    run --separate-stderr bash -c "echo print | '$SSEM' debug '$T/big.snp'"
    [ "${lines[4]}" = "lamp lit; step 100000000000000000 (1948 time 40000000000 h 0 min 0.0 s)" ]
    run --separate-stderr "$SSEM" run "$T/big.snp"
    [[ "$output" == *"40000000000 h 0 min 0.0 s"* ]]
}

@test "debug: help is generated from the command table; help COMMAND" {
    run --separate-stderr dbg programs/first.lst help 'help b' 'help nosuch'
    for c in step continue explain reverse-step reverse-continue run break delete watch \
        unwatch print display undisplay disasm history set save restore load help quit; do
        printf '%s\n' "$output" | grep -qE "^  $c( |$)"
    done
    printf '%s\n' "$output" | grep -qx 'break \[LINE \[if REG OP VALUE\]\]'
    printf '%s\n' "$output" | grep -qx '  also: b'
    [[ "$stderr" == *"help: no command 'nosuch'"* ]]
    # no line wider than 79 columns
    [ -z "$(printf '%s\n' "$output" | awk 'length($0) > 79')" ]
}

@test "one rule for the debugger's numbers: decimal or 0x hex, '-' only for a value, never '+'" {
    run --separate-stderr dbg programs/gcd.asm 'break +5' 'step +5' 'break 0x5' 'step 0x2' \
        'break -0' 'set a +5' 'set a -0x5' 'print a' 'history +1' 'disasm +3'
    # stdin:1 break +5, :2 step +5, :5 break -0, :6 set a +5, :9, :10 refused
    for n in 1 2 5 6 9 10; do
        [[ "$stderr" == *"stdin:$n: '+"* || "$stderr" == *"stdin:$n: "*"'+"* ||
           "$stderr" == *"stdin:$n: '-0'"* ]] || { echo "line $n not refused: $stderr"; false; }
    done
    [ "$(printf '%s\n' "$stderr" | wc -l)" -eq 6 ]
    [[ "$output" == *"breakpoint on line 5"* ]]
    [[ "$output" == *"stepped: step 2,"* ]]
    [[ "$output" == *"a = -5"* ]] # -0x5
}

@test "debug -x: a byte-order mark and CR or CRLF line ends are read as every loader reads them" {
    # from reset, step 1 obeys gcd's line 1, LDN 22 (b = 462): A = -462
    printf '\357\273\277step\n' >"$T/bom.x"
    printf 'step\rprint a\r' >"$T/cr.x"
    printf 'step\r\nprint a\r\n\r\n' >"$T/crlf.x"
    for x in bom cr crlf; do
        run --separate-stderr "$SSEM" debug --batch -x "$T/$x.x" programs/gcd.asm
        [ "$status" -eq 0 ] || { echo "$x: status $status: $stderr"; false; }
        [ -z "$stderr" ] || { echo "$x: $stderr"; false; }
        [ "${lines[1]}" = "stepped: step 1, next line 2: STO 23" ]
    done
    [[ "${lines[2]}" =~ ^A\ +[01]{32}\ +-462$ ]]
}

@test "debug -x: a script command that fails makes the exit status 1, and the session goes on" {
    printf 'bogus\nstep\n' >"$T/bad.x"
    run --separate-stderr "$SSEM" debug -x "$T/bad.x" programs/gcd.asm </dev/null
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"bad.x:1: unknown command 'bogus'"* ]]
    [ "${lines[1]}" = "stepped: step 1, next line 2: STO 23" ]
    # on standard input (typed or piped), a failed command leaves the status 0
    run --separate-stderr "$SSEM" debug programs/gcd.asm < <(printf 'bogus\nstep\n')
    [ "$status" -eq 0 ]
}

# A counter (hand-made): 1 LDN 20, 2 SUB 21, 3 STO 23, 4 LDN 23, 5 STO 20,
# 6 JMP 22 (line 22 holds 0: back to line 1); 21 holds 1. Round k (k >= 1)
# is steps 6k-5 .. 6k: step 6k-4 (SUB) leaves A = -k, step 6k-2 (LDN 23)
# turns A from -k to k with CI = 4, step 6k-1 (STO 20) turns line 20 from
# k-1 to k with A = k and CI = 5, step 6k (JMP) sets CI from 5 to 0.
counter() {
    printf '%s\n' '01: LDN 20' '02: SUB 21' '03: STO 23' '04: LDN 23' '05: STO 20' \
        '06: JMP 22' '20: NUM 0' '21: NUM 1' '22: NUM 0' >"$T/counter.asm"
}

@test "debug: watch LINE|a|ci if COND, forward and backward (issue 12)" {
    counter
    run --separate-stderr bash -c "printf '%s\n' 'watch 20 if 20 == 5' continue continue \
        reverse-continue reverse-continue | '$SSEM' debug --max-steps=100 '$T/counter.asm'"
    [ "$status" -eq 0 ] || { echo "$stderr"; false; }
    [ "${lines[1]}" = "watch on line 20 if 20 == 5" ]
    # line 20 becomes 5 at step 6 x 5 - 1
    [ "${lines[2]}" = "watch 20: 4 -> 5: step 29, next line 6: JMP 22" ]
    # never again: 100 steps on, 129 = 6 x 21 + 3, after round 22's STO 23
    [ "${lines[3]}" = "limit: step 129, next line 4: LDN 23" ]
    [ "${lines[4]}" = "watch 20: 4 -> 5: step 29, next line 6: JMP 22" ]
    [ "${lines[5]}" = "start of history: step 0, next line 1: LDN 20" ]

    # A changes with CI = 4 after it only at the LDN 23s: steps 4, 10
    run --separate-stderr dbg "$T/counter.asm" 'watch a if ci == 4' continue continue 'unwatch a' \
        'watch 20 if a > 3' break continue
    [ "$status" -eq 0 ] || { echo "$stderr"; false; }
    [ "${lines[1]}" = "watch on a if ci == 4" ]
    [ "${lines[2]}" = "watch a: -1 -> 1: step 4, next line 5: STO 20" ]
    [ "${lines[3]}" = "watch a: -2 -> 2: step 10, next line 5: STO 20" ]
    [ "${lines[6]}" = "breakpoints: none" ]
    [ "${lines[7]}" = "watches: 20 (if a > 3)" ]
    # line 20 changes at 11 (A = 2), 17 (A = 3), 23 (A = 4: the hit)
    [ "${lines[8]}" = "watch 20: 3 -> 4: step 23, next line 6: JMP 22" ]

    # backward from step 100: A is 3 after steps 16 (CI 3 -> 4), 17 (4 -> 5)
    # and 18 (the JMP: 5 -> 0), until step 19's LDN 20
    run --separate-stderr dbg "$T/counter.asm" 'step 100' 'watch ci if a == 3' rc rc rc rc
    [ "$status" -eq 0 ] || { echo "$stderr"; false; }
    [ "${lines[3]}" = "watch ci: 5 -> 0: step 18, next line 1: LDN 20" ]
    [ "${lines[4]}" = "watch ci: 4 -> 5: step 17, next line 6: JMP 22" ]
    [ "${lines[5]}" = "watch ci: 3 -> 4: step 16, next line 5: STO 20" ]
    [ "${lines[6]}" = "start of history: step 0, next line 1: LDN 20" ]

    # unwatch drops the condition: a plain watch hits at the first change
    run --separate-stderr dbg "$T/counter.asm" 'watch 20 if 20 == 5' 'unwatch 20' 'watch 20' \
        continue 'watch 20 if 20 <' 'watch 20 if x == 1'
    [ "${lines[4]}" = "watch 20: 0 -> 1: step 5, next line 6: JMP 22" ]
    [[ "$stderr" == *"usage: watch LINE|a|ci if REG OP VALUE"* ]]
    [[ "$stderr" == *"'x' is not a register"* ]]
}

@test "debug: reverse-continue lands where a step-by-step search does (issue 12 item 2)" {
    counter
    # the state before a fetch of line 1 with line 20 = 7: after round 7
    run --separate-stderr dbg "$T/counter.asm" 'step 100' 'break 1 if 20 == 7' rc rc \
        delete 'step 100' 'watch 20 if a < 15' rc rc
    [ "$status" -eq 0 ] || { echo "$stderr"; false; }
    [ "${lines[3]}" = "breakpoint 1: step 42, next line 1: LDN 20" ]
    [ "${lines[4]}" = "start of history: step 0, next line 1: LDN 20" ]
    # line 20 becomes k with A = k at step 6k - 1: below 100, k = 16 at 95;
    # the latest with A < 15 is k = 14 (step 83), then k = 13 (step 77)
    [ "${lines[8]}" = "watch 20: 13 -> 14: step 83, next line 6: JMP 22" ]
    [ "${lines[9]}" = "watch 20: 12 -> 13: step 77, next line 6: JMP 22" ]
    # the first program: continue to its STP, then back across all 2097154
    # steps to a breakpoint that hits only at step 0 (line 1 is never
    # fetched again), and from the end to the last STO into line 27 (the
    # worked session in docs/debugger.md: step 2097137)
    run --separate-stderr dbg programs/first.lst continue 'break 1' rc delete 'step 2097154' \
        'watch 27' rc
    [ "$status" -eq 0 ] || { echo "$stderr"; false; }
    [ "${lines[1]}" = "halted: step 2097154, stopped at line 13: STP (the lamp is lit)" ]
    [ "${lines[3]}" = "breakpoint 1: step 0, next line 1: LDN 24" ]
    [ "${lines[7]}" = "watch 27: 131073 -> 131072: step 2097137, next line 17: LDN 27" ]
}

@test "debug: labels survive save, restore and load; a clear message without them" {
    run --separate-stderr dbg programs/divide.asm 'step 40' "save $T/s.snp" 'restore '"$T/s.snp" \
        'break done'
    [ "$status" -eq 0 ] || { echo "$stderr"; false; }
    # divide.asm: done is line 7
    [ "${lines[5]}" = "breakpoint on line 7" ]
    # the state file keeps the labels in a comment that run ignores
    grep -q '^; ssem-labels: .* 3=loop ' "$T/s.snp"
    run "$SSEM" run "$T/s.snp"
    [ "$status" -eq 0 ]
    [[ "$output" == *"1854 instructions"* ]]
    # a session started from it, and one that loads it, know them
    run --separate-stderr dbg "$T/s.snp" 'break loop' 'print q'
    [ "$status" -eq 0 ] || { echo "$stderr"; false; }
    [ "${lines[1]}" = "breakpoint on line 3" ]
    # q's third write (divide.asm: steps 14 + 13 (k - 1)) is step 40 itself
    [[ "${lines[2]}" =~ ^25\ +[01]{32}\ +3\ + ]]
    run --separate-stderr dbg programs/first.lst "load $T/s.snp" 'break body'
    [ "$status" -eq 0 ] || { echo "$stderr"; false; }
    [ "${lines[3]}" = "breakpoint on line 10" ]
    # a program without labels says so; loading one drops the old labels
    run --separate-stderr dbg programs/first.lst 'break loop'
    [[ "$stderr" == *"'loop' is not a store line (0-31), and the program has no labels"* ]]
    run --separate-stderr dbg programs/divide.asm 'load programs/first.lst' 'break loop'
    [[ "$stderr" == *"the program has no labels"* ]]
    # a hand-edited labels line with bad entries: those are skipped
    sed -i 's/^; ssem-labels: /; ssem-labels: 99=far 5=9bad 6=ok x=y /' "$T/s.snp"
    run --separate-stderr dbg "$T/s.snp" 'break ok' 'break far' 'break 9bad'
    [ "${lines[1]}" = "breakpoint on line 6" ]
    [[ "$stderr" == *"'far' is not a store line"* ]]
    [[ "$stderr" == *"'9bad' is not a store line"* ]]
}

@test "debug: gdb's spellings: info breakpoints|registers|display, \$a \$ci \$pi" {
    counter
    # after 4 steps (round 1: LDN 20, SUB 21, STO 23, LDN 23): A = 1, CI = 4
    run --separate-stderr dbg "$T/counter.asm" 'break 6' 'watch a if ci == 4' 'step 4' \
        'info breakpoints' 'info watchpoints' 'print $a' 'display $ci' 'info display' \
        'info registers' 'info nothing'
    [ "${lines[4]}" = "breakpoints: 6" ]
    [ "${lines[5]}" = "watches: a (if ci == 4)" ]
    [ "${lines[6]}" = "breakpoints: 6" ]
    [[ "${lines[8]}" =~ ^A\ +10000000000000000000000000000000\ +1$ ]]
    [[ "${lines[9]}" =~ ^CI\ .*\ 4\ +line\ 4$ ]]
    [ "${lines[10]}" = "1: \$ci" ]
    [[ "${lines[11]}" =~ ^A\ .*\ 1$ ]]
    [[ "${lines[14]}" == "lamp off; step 4 "* ]]
    [[ "$stderr" == *"usage: info breakpoints|watchpoints|registers|display"* ]]
}
