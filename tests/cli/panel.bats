#!/usr/bin/env bats
# panel.bats - `ssem panel` in a real terminal: tmux runs it in a 120x45 pane,
# the tests type keys (send-keys) and read the screen (capture-pane).
# Every expected value is worked out by hand from ../shared/SPEC.md and the
# first program (programs/first.lst), never copied from the panel's output.
#
# The first program finds the highest proper factor of a = 2^18 = 262144:
# lines 1-4 set b = 262143 (4 steps); then for each b, line 5 (1 step), the
# subtraction loop 6-7-8 (3 steps a time it does not go negative: once while
# b > a/2, twice for b = 131072), the last subtraction 6-7 (2), lines 9-12
# (4), then 14-19 (6) to try b - 1, or 13 (STP, 1) when the remainder is 0.
# So b = 262143 .. 131073 take 16 steps each, b = 131072 takes
# 1 + 6 + 2 + 4 + 1 = 14: 4 + 131071 * 16 + 14 = 2097154 steps; the answer
# b = 131072 = 2^17 is in line 27 (one dash, at digit 17), -b in line 26, and
# STP is line 13. 2097154 x 1.44 ms = 3019.9 s = 50 min 19.9 s.

load helpers

SESSION=panel

# Starts `$SSEM panel ARGS` in a new tmux server of our own (socket unique to
# this test), in a 120x45 pane, with locale $PANEL_LOCALE (default C.UTF-8).
# The pane keeps a shell: the panel runs in it, then the shell reports the
# exit status and whether the terminal modes came back ("rc=N tty=same").
start_panel() {
    local cmd
    cmd="s0=\$(stty -g); $(printf '%q ' "$SSEM" panel "$@")"
    cmd+="; rc=\$?; [ \"\$(stty -g)\" = \"\$s0\" ] && t=same || t=changed; echo \"rc=\$rc tty=\$t\""
    tmux_start 120 45 "${PANEL_LOCALE:-C.UTF-8}" "" "$cmd" || return 1
    wait_for 'key +1948 name'
}

# Monitor row $1 as drawn: "NN" (the line), '*' (a breakpoint) or ' ', '>'
# (the action line) or ' ', a space, the 32 cells, the signed value; the
# registers and keys follow on the right.
row_line() {
    screen | awk -v n="$1" 'substr($0, 1, 2) ~ /^ ?[0-9]+$/ && substr($0, 1, 2) + 0 == n { print; exit }'
}
# The signed value shown after the cells of row $1.
row_value() { row_line "$1" | sed -E 's/^.... [^ ]+ +(-?[0-9]+).*/\1/'; }
# The values of all 32 rows, one a line.
row_values() {
    screen | awk 'substr($0, 1, 2) ~ /^ ?[0-9]+$/ && substr($0, 3, 1) ~ /[ *]/' |
        sed -E 's/^.... [^ ]+ +(-?[0-9]+).*/\1/'
}
# The 32 cells of row $1 (ASCII . - : = when the locale is not UTF-8).
row_cells() { row_line "$1" | sed -E 's/^.... ([^ ]+) .*/\1/'; }

@test "panel: runs the first program flat out to the stop lamp" {
    start_panel --speed max programs/first.lst
    wait_for 'stop lamp . off'
    keys r
    wait_for 'stop lamp . LIT'
    wait_for 'steps 2097154 '
    screen | grep -qE 'CI +13 +line 13'
    screen | grep -qE 'STP at line 13'
    # stopped, the action line stays on CI's line (issue 12): 13, the STP
    screen | grep -qE 'action line 13 = +57344 +STP'
    screen | grep -q '50 min 19.9 s'
    [ "$(row_value 27)" = 131072 ]
    [ "$(row_value 26)" = -131072 ]
    # 2^17: a dash at digit 17 only (UTF-8 cells: a dot is U+00B7, a dash U+2500)
    [ "$(row_cells 27)" = "·················─··············" ]
    keys q
    wait_for 'rc=0 tty=same'
}

@test "panel: the typewriter writes and erases a digit of the action line (ASCII cells)" {
    PANEL_LOCALE=C start_panel programs/first.lst
    # the line switches: up from line 0 wraps to 31; four times is line 28
    keys Up Up Up Up
    wait_for 'action line 28 = +0 '
    keys Right Right Right Right Right
    wait_for 'typewriter digit 5 '
    keys Space
    # 2^5 = 32; the action line is drawn bright: ':' a dot, '=' a dash
    wait_for 'action line 28 = +32 '
    [ "$(row_value 28)" = 32 ]
    [ "$(row_cells 28)" = ":::::=::::::::::::::::::::::::::" ]
    screen | grep -qE '^28 >'
    # digit 31 too (the sign): 32 - 2^31 = -2147483616
    keys Left Left Left Left Left Left Space
    wait_for 'action line 28 = -2147483616 '
    # Write/Erase at Erase: the same button writes 0
    keys w Space
    wait_for 'action line 28 = +32 '
    keys Right Right Right Right Right Right Space
    wait_for 'action line 28 = +0 '
    [ "$(row_cells 28)" = "::::::::::::::::::::::::::::::::" ]
    # line 27 (not the action line now) in plain dots
    [ "$(row_cells 27)" = "................................" ]
    keys q
    wait_for 'rc=0 tty=same'
}

@test "panel: single shot (KC) through a CMP, with and without the skip" {
    start_panel programs/first.lst
    # lines 1-6: A = -S[23] - S[27] = 262144 - 262143 = 1
    keys s s s s s s
    wait_for 'steps 6 '
    screen | grep -qE ' A +1$'
    # line 7 is CMP; A = 1 is not negative: no skip, CI = 7
    keys s
    wait_for 'steps 7 '
    screen | grep -qE 'CI +7 +line 7'
    screen | grep -qE 'PI +49152 +CMP'
    # line 8: JRP 20 (CI = 8 + -3 = 5); line 6: A = 1 - 262143 = -262142
    keys s s
    wait_for 'steps 9 '
    screen | grep -qE 'CI +6 +line 6'
    screen | grep -qE ' A +-262142$'
    # CMP again with A < 0: CI = 7 + 1 = 8, so the next fetch is line 9
    keys s
    wait_for 'steps 10 '
    screen | grep -qE 'CI +8 +line 8'
    keys s
    wait_for 'steps 11 '
    screen | grep -qE 'CI +9 +line 9'
    keys q
    wait_for 'rc=0 tty=same'
}

@test "panel: the tube switch shows S, A and C" {
    start_panel programs/first.lst
    # one step: line 1, LDN 24: A = -262143, CI = 1
    keys s
    wait_for 'steps 1 '
    [ "$(row_value 24)" = 262143 ]
    keys t
    wait_for 'tube A '
    # the accumulator on all 32 rows
    for r in 0 13 31; do [ "$(row_value $r)" = -262143 ]; done
    [ "$(row_values | wc -l)" -eq 32 ]
    [ "$(row_values | grep -cx -- -262143)" -eq 32 ]
    keys t
    wait_for 'tube C '
    # stopped: CI on every row
    [ "$(row_values | grep -cx 1)" -eq 32 ]
    keys t
    wait_for 'tube S '
    [ "$(row_value 24)" = 262143 ]
    keys q
    wait_for 'rc=0 tty=same'
}

@test "panel: Man obeys the switches' instruction; CI is incremented (PRM A1.3)" {
    start_panel programs/first.lst
    # function switches 2 (LDN), line switches 24: LDN 24 = 24 + 2 * 8192
    keys m f f
    keys -N 24 Down
    wait_for 'Man obeys LDN 24'
    screen | grep -q 'Man '
    keys s
    wait_for 'steps 1 '
    screen | grep -qE ' A +-262143$'
    screen | grep -qE 'CI +1 +line 1'
    screen | grep -qE 'PI +16408 +LDN 24'
    # STO 30 from the switches: function 3, line 30
    keys f Down Down Down Down Down Down s
    wait_for 'steps 2 '
    [ "$(row_value 30)" = -262143 ]
    screen | grep -qE 'CI +2 +line 2'
    keys q
    wait_for 'rc=0 tty=same'
}

@test "panel: a breakpoint stops a run before the fetch; reverse step goes back" {
    start_panel --speed max programs/first.lst
    keys -N 7 Down
    keys x
    wait_for 'breakpoints: 7$|breakpoints: 7 '
    keys r
    # lines 1-6, then the break before line 7
    wait_for 'breakpoint: the next instruction is fetched from line 7'
    wait_for 'steps 6 '
    screen | grep -qE 'CI +6 +line 6'
    screen | grep -qE '^ 7\*'
    # back one step: line 6 undone, A = 262144 again
    keys b
    wait_for 'steps 5 '
    screen | grep -qE 'CI +5 +line 5'
    screen | grep -qE ' A +262144$'
    keys q
    wait_for 'rc=0 tty=same'
}

@test "panel: 1948 real time runs about 694 instructions a second" {
    start_panel --speed 1948 programs/first.lst
    screen | grep -q 'speed 1948 real time'
    screen | grep -q '1.44 ms an instr'
    keys r
    wait_for 'CS Run'
    sleep 1
    keys r
    wait_for 'CS Stop'
    n=$(screen | grep -oE 'steps [0-9]+' | cut -d' ' -f2)
    # 1 s / 1.44 ms = 694; generous bounds for a loaded machine, but far
    # below flat out (2 million steps in well under a second)
    [ "$n" -gt 100 ] && [ "$n" -lt 2000 ]
    keys q
    wait_for 'rc=0 tty=same'
}

# The file keys (l, a, S): the name is typed on the message line. Programs
# written here by hand: line 1 LDN 3 is 2 x 8192 + 3 = 16387, line 2 STP is
# 7 x 8192 = 57344, line 3 holds -5; KC twice gives A = -(-5) = 5 and the lamp.
hand_program() {
    printf 'NUM 0\nLDN 3\nSTP\nNUM -5\n' >"$1"
}

@test "panel: l loads a program; one that does not load changes nothing and says file:line:col" {
    hand_program "$T/p.asm"
    # FOO is no mnemonic: line 2, column 3 (after two spaces)
    printf 'NUM 0\n  FOO 4\n' >"$T/bad.asm"
    start_panel programs/first.lst
    keys s s s s
    wait_for 'steps 4 '
    before=$(row_values)
    keys l
    wait_for 'load file \(Enter: done, Esc: cancel\): _'
    keys -l "$T/bad.asm"
    keys Enter
    wait_for "load: $T/bad.asm:2:3: unknown mnemonic"
    screen | grep -q 'steps 4 '
    [ "$(row_values)" = "$before" ]
    screen | grep -q 'programs/first.lst'
    # a file that is not there: the reader's message, the machine as it was
    keys l
    keys -l "$T/none.asm"
    keys Enter
    wait_for "load: $T/none.asm: No such file or directory"
    [ "$(row_values)" = "$before" ]
    # a long message wraps at spaces instead of being cut at the screen's
    # edge: "load: $T/DIR/bad.asm:2:3:" is about 90 characters with this DIR
    # of 40, the whole message some 50 more, so its end is on the next line
    long="$T/a-directory-name-forty-characters-long-x"
    mkdir -p "$long"
    cp "$T/bad.asm" "$long/"
    keys l
    keys -l "$long/bad.asm"
    keys Enter
    wait_for 'unchanged\)$'
    screen | tail -n 2 | head -n 1 | grep -q "^load: $long/bad.asm:2:3: "
    ! screen | tail -n 1 | grep -q '^load: '

    # and a good one: the store is replaced, the registers start from reset
    keys l
    keys -l "$T/p.asm"
    keys Enter
    wait_for "loaded $T/p.asm \(asm\)"
    wait_for 'steps 0 '
    [ "$(row_value 1)" = 16387 ]
    [ "$(row_value 2)" = 57344 ]
    [ "$(row_value 3)" = -5 ]
    [ "$(row_value 4)" = 0 ]
    screen | grep -q "$T/p.asm   engine"
    keys s s
    wait_for 'steps 2 '
    screen | grep -qE ' A +5$'
    wait_for 'stop lamp . LIT'
    keys q
    wait_for 'rc=0 tty=same'
}

@test "panel: a assembles an .asm file; a listing is no assembly; Esc cancels" {
    hand_program "$T/p.asm"
    start_panel programs/first.lst
    before=$(row_values)
    keys a
    keys -l "$T/nothing"
    keys Escape
    wait_for 'assemble file: cancelled'
    [ "$(row_values)" = "$before" ]
    # first.lst loads with l (a listing), but a assembles whatever it is
    # given: its first line that is not a comment (26) is an error
    keys a
    keys -l programs/first.lst
    keys Enter
    wait_for 'assemble: programs/first.lst:26:[0-9]+: '
    [ "$(row_values)" = "$before" ]
    keys a
    keys -l "$T/p.asm"
    keys Enter
    wait_for "loaded $T/p.asm \(asm\)"
    [ "$(row_value 1)" = 16387 ]
    [ "$(row_value 3)" = -5 ]
    keys q
    wait_for 'rc=0 tty=same'
}

@test "panel: S saves the state (ssem run resumes it), or the store alone to NAME.snp" {
    start_panel programs/first.lst
    keys s s s s s
    wait_for 'steps 5 '
    keys S
    keys -l "$T/five.state"
    keys Enter
    wait_for "saved the state at step 5 to $T/five.state"
    keys S
    keys -l "$T/store.snp"
    keys Enter
    wait_for "saved the store to $T/store.snp"
    # a directory that is not there: the writer's message, no file
    keys S
    keys -l "$T/nowhere/x.state"
    keys Enter
    wait_for "save: $T/nowhere/x.state: No such file or directory"
    keys q
    wait_for 'rc=0 tty=same'
    [ ! -e "$T/nowhere" ]
    ls "$T" >"$T/listing"
    ! grep -q 'tmp' "$T/listing"   # no temporary file left beside them
    # the state after 5 steps (lines 1-5: b = 262143 set, then line 5),
    # resumed to the end: the whole run's 2097154 steps and its answer
    head -n 1 "$T/five.state" | grep -qE '^; ssem-state: version=2 .*steps=5$'
    run "$SSEM" run --json "$T/five.state"
    [ "$status" -eq 0 ]
    [ "$(jq 'j["steps"]')" = 2097154 ]
    [ "$(jq 'j["store"][27]')" = 131072 ]
    # the snapshot has no registers: it runs from reset, the same 2097154
    ! grep -q 'ssem-state' "$T/store.snp"
    run "$SSEM" run --json "$T/store.snp"
    [ "$(jq 'j["steps"]')" = 2097154 ]
}

@test "panel: Ctrl-C while running flat out restores the terminal" {
    start_panel --speed max programs/first.lst
    # a machine that never stops: JMP 0 with line 0 = 0 keeps fetching line 1
    keys C K
    wait_for 'KSC: the store is cleared'
    keys r
    wait_for 'CS Run'
    keys C-c
    wait_for 'rc=130 tty=same'
    ! screen | grep -q 'key +1948 name'
}

@test "panel: q restores the terminal and exits 0" {
    start_panel programs/first.lst
    keys q
    wait_for 'rc=0 tty=same'
    ! screen | grep -q 'key +1948 name'
}

@test "panel: usage errors and no terminal" {
    SOCK=
    run "$SSEM" panel --help
    [ "$status" -eq 0 ]
    [[ "$output" == *"usage: ssem panel"* ]]
    run "$SSEM" panel
    [ "$status" -eq 2 ]
    run "$SSEM" panel --speed fast programs/first.lst
    [ "$status" -eq 2 ]
    run "$SSEM" panel --digit-period 0 programs/first.lst
    [ "$status" -eq 2 ]
    run "$SSEM" panel "$T/no-such-file"
    [ "$status" -eq 1 ]
    run "$SSEM" panel programs/first.lst </dev/null
    [ "$status" -eq 2 ]
    [[ "$output" == *"needs a terminal"* ]]
}
