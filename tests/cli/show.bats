#!/usr/bin/env bats
# show.bats - `ssem show`: the monitor as text, PNG and SVG.
# Every expected row is worked out by hand from ../shared/SPEC.md section 5:
# bit 0 on the left, a 0 a dot '.', a 1 a dash '-', the action line's row in
# ':' and '='.

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

# Row $1 (0-31) of the frame printed in $output: the line numbered $1.
frame_row() {
    printf '%s\n' "$output" | awk -v n="$1" 'NR > 2 && $1 == n "" { print $2; exit }'
}

EMPTY="................................"

@test "show: the store after the run, rows worked out by hand" {
    small_program
    run --separate-stderr "$SSEM" show --ascii "$T/small.asm"
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    # the digit numbers, 32 numbered rows of 32 cells, then the status line
    [ "${#lines[@]}" -eq 35 ]
    [ "${lines[0]}" = "     0         1         2         3" ]
    [ "${lines[1]}" = "     01234567890123456789012345678901" ]
    [ "$(printf '%s\n' "$output" | sed -n 3,34p | grep -cE '^ *([0-9]|[12][0-9]|3[01])  [.:=-]{32}$')" -eq 32 ]
    # row r is on line r + 3, numbered r
    for r in 0 9 10 31; do
        printf '%s\n' "$output" | sed -n "$((r + 3))p" | grep -qE "^ *$r  "
    done
    [ "$(frame_row 0)" = "$EMPTY" ]
    # line 1 = LDN 20: n = 20 = bits 2 and 4; f = 2 = bit 14
    [ "$(frame_row 1)" = "..-.-.........-................." ]
    # line 2 = STO 21: n = 21 = bits 0, 2, 4; f = 3 = bits 13 and 14
    [ "$(frame_row 2)" = "-.-.-........--................." ]
    # line 3 = STP (f = 7: bits 13-15) is the action line: CI = 3 at the stop
    [ "$(frame_row 3)" = ":::::::::::::===::::::::::::::::" ]
    # line 20 = 5: bits 0 and 2; line 21 = -5: every bit but bit 2
    [ "$(frame_row 20)" = "-.-............................." ]
    [ "$(frame_row 21)" = "--.-----------------------------" ]
    [ "$(frame_row 31)" = "$EMPTY" ]
    [ "${lines[34]}" = "tube S, action line 3, stop lamp lit, 3 steps (halted)" ]
}

@test "show --after 0: the store as loaded, action line 0, lamp off" {
    small_program
    run "$SSEM" show --ascii --after 0 "$T/small.asm"
    [ "$status" -eq 0 ]
    # CI = 0 at reset: row 0 is the action line, all bright dots
    [ "$(frame_row 0)" = "::::::::::::::::::::::::::::::::" ]
    [ "$(frame_row 3)" = ".............---................" ]
    # line 21 not yet written
    [ "$(frame_row 21)" = "$EMPTY" ]
    [ "${lines[34]}" = "tube S, action line 0, stop lamp off, 0 steps (running)" ]
}

@test "show --after 2: the machine mid-run, line 21 written" {
    small_program
    run "$SSEM" show --ascii --after=2 "$T/small.asm"
    [ "$status" -eq 0 ]
    # two steps: LDN 20 at line 1, STO 21 at line 2; CI = 2
    [ "$(frame_row 2)" = "=:=:=::::::::==:::::::::::::::::" ]
    [ "$(frame_row 21)" = "--.-----------------------------" ]
    [ "${lines[34]}" = "tube S, action line 2, stop lamp off, 2 steps (running)" ]
}

@test "show --after more than the run: stops at STP" {
    small_program
    run "$SSEM" show --ascii --after 1000 "$T/small.asm"
    [ "$status" -eq 0 ]
    [ "${lines[34]}" = "tube S, action line 3, stop lamp lit, 3 steps (halted)" ]
}

@test "show --tube A: the accumulator on every row" {
    small_program
    run "$SSEM" show --ascii --tube A "$T/small.asm"
    [ "$status" -eq 0 ]
    # A = -5: every bit but bit 2, on all 32 rows; row 3 (CI) bright
    for r in 0 1 2 4 17 31; do
        [ "$(frame_row $r)" = "--.-----------------------------" ]
    done
    [ "$(frame_row 3)" = "==:=============================" ]
    [ "${lines[34]}" = "tube A, action line 3, stop lamp lit, 3 steps (halted)" ]
}

@test "show --tube C stopped: CI on every row" {
    small_program
    run "$SSEM" show --ascii --tube=c "$T/small.asm"
    [ "$status" -eq 0 ]
    # CI = 3: bits 0 and 1
    for r in 0 1 2 4 5 30 31; do
        [ "$(frame_row $r)" = "--.............................." ]
    done
    [ "$(frame_row 3)" = "==::::::::::::::::::::::::::::::" ]
    [[ "${lines[34]}" == "tube C, "* ]]
}

@test "show --tube C running: CI on even rows, PI on odd rows" {
    small_program
    run "$SSEM" show --ascii --tube C --after 1 "$T/small.asm"
    [ "$status" -eq 0 ]
    # after one step CI = 1 (bit 0), PI = LDN 20 (bits 2, 4, 14); row 1 bright
    [ "$(frame_row 0)" = "-..............................." ]
    [ "$(frame_row 2)" = "-..............................." ]
    [ "$(frame_row 30)" = "-..............................." ]
    [ "$(frame_row 1)" = "::=:=:::::::::=:::::::::::::::::" ]
    [ "$(frame_row 3)" = "..-.-.........-................." ]
    [ "$(frame_row 31)" = "..-.-.........-................." ]
}

@test "show --action-line: the row drawn brighter" {
    small_program
    run "$SSEM" show --ascii --action-line 20 "$T/small.asm"
    [ "$status" -eq 0 ]
    [ "$(frame_row 20)" = "=:=:::::::::::::::::::::::::::::" ]
    [ "$(frame_row 3)" = ".............---................" ]
    [[ "${lines[34]}" == *"action line 20"* ]]
}

@test "show in a UTF-8 locale: dots and dashes as Unicode; --ascii overrides" {
    small_program
    LC_ALL=C.UTF-8 run "$SSEM" show "$T/small.asm"
    [ "$status" -eq 0 ]
    [ "$(frame_row 20)" = "─·─·····························" ]
    [ "$(frame_row 3)" = "•••••••••••••━━━••••••••••••••••" ]
    LC_ALL=C.UTF-8 run "$SSEM" show --ascii "$T/small.asm"
    [ "$(frame_row 20)" = "-.-............................." ]
    LC_ALL=C run "$SSEM" show "$T/small.asm"
    [ "$(frame_row 20)" = "-.-............................." ]
}

@test "show --engine: every engine gives the same frame" {
    small_program
    run "$SSEM" show --ascii --engine ref "$T/small.asm"
    [ "$status" -eq 0 ]
    want=$output
    engines=$("$SSEM" engines | awk '{ print $1 }')
    [ -n "$engines" ]
    for e in $engines; do
        run "$SSEM" show --ascii --engine "$e" "$T/small.asm"
        [ "$status" -eq 0 ]
        [ "$output" = "$want" ] || { echo "engine $e differs"; false; }
    done
}

@test "show --png: a PNG file, nothing on stdout" {
    small_program
    run --separate-stderr "$SSEM" show --png "$T/m.png" "$T/small.asm"
    [ "$status" -eq 0 ]
    [ -z "$output" ]
    [ -z "$stderr" ]
    [ -s "$T/m.png" ]
    # the PNG signature: 89 50 4E 47 0D 0A 1A 0A
    [ "$(head -c 8 "$T/m.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]
    # IHDR: 488 x 440 pixels
    [ "$(head -c 24 "$T/m.png" | tail -c 8 | od -An -tx1 | tr -d ' \n')" = "000001e8000001b8" ]
    # no temporary file (tools/output.c names them .ssem-XXXXXX) left beside it
    [ -z "$(find "$T" -name '.ssem-*')" ]
}

@test "show --svg: an SVG with one dash per 1 bit" {
    small_program
    run --separate-stderr "$SSEM" show --svg="$T/m.svg" "$T/small.asm"
    [ "$status" -eq 0 ]
    [ -z "$output" ]
    head -n 2 "$T/m.svg" | grep -q '<svg '
    # 1 bits: line 1 (3) + line 2 (5) + line 3 (3) + line 20 (2) + line 21 (31)
    [ "$(grep -o 'class="dash"' "$T/m.svg" | wc -l)" -eq 44 ]
    [ "$(grep -o 'class="dot"' "$T/m.svg" | wc -l)" -eq $((1024 - 44)) ]
    grep -q '<g id="row3" class="bright">' "$T/m.svg"
    grep -q 'id="lamp" class="lit"' "$T/m.svg"
    python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$T/m.svg"
}

@test "show --png into a missing directory: exit 1, a message, no file" {
    small_program
    run --separate-stderr "$SSEM" show --png "$T/nowhere/m.png" "$T/small.asm"
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"$T/nowhere/m.png"* ]]
    [ ! -e "$T/nowhere" ]
}

@test "show --png onto a directory: exit 1, the directory untouched, no temporary" {
    small_program
    mkdir "$T/out.png"
    touch "$T/out.png/keep"
    run --separate-stderr "$SSEM" show --png "$T/out.png" "$T/small.asm"
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"$T/out.png"* ]]
    [ -d "$T/out.png" ] && [ -e "$T/out.png/keep" ]
    [ -z "$(find "$T" -name '.ssem-*')" ]
}

@test "show --svg under a regular file: exit 1, the message, the file untouched" {
    # A path whose parent is a regular file (ENOTDIR) fails for every user,
    # root included (a read-only directory would not stop root).
    small_program
    echo "old" >"$T/plain"
    for out in "--svg=$T/plain/m.svg" "--png=$T/plain/m.png"; do
        run --separate-stderr "$SSEM" show "$out" "$T/small.asm"
        [ "$status" -eq 1 ]
        [ "$stderr" = "ssem: ${out#*=}: Not a directory" ]
        [ "$(cat "$T/plain")" = "old" ]
    done
    # no temporary file left anywhere (tools/output.c names them .ssem-XXXXXX)
    [ -z "$(find "$T" -name '.ssem-*')" ]
}

# The width and height in a PNG's IHDR (bytes 17-24), as 16 hex digits.
png_size() {
    head -c 24 "$1" | tail -c 8 | od -An -tx1 | tr -d ' \n'
}

@test "show --scale=2: twice the size, PNG and SVG, and with --profile" {
    small_program
    run --separate-stderr "$SSEM" show --scale=2 --png="$T/m.png" "$T/small.asm"
    [ "$status" -eq 0 ] && [ -z "$stderr" ]
    # 2 x 488 = 976 = 0x3d0, 2 x 440 = 880 = 0x370
    [ "$(png_size "$T/m.png")" = "000003d0""00000370" ]
    run "$SSEM" show --scale 8 --png="$T/m8.png" "$T/small.asm"
    [ "$status" -eq 0 ]
    # 8 x 488 = 3904 = 0xf40, 8 x 440 = 3520 = 0xdc0
    [ "$(png_size "$T/m8.png")" = "00000f40""00000dc0" ]
    # the heat map scales the same way
    run "$SSEM" show --profile --scale=2 --png="$T/heat.png" "$T/small.asm"
    [ "$status" -eq 0 ]
    [ "$(png_size "$T/heat.png")" = "000003d0""00000370" ]
    # the SVG: the same drawing (viewBox), twice the width and height
    run "$SSEM" show --scale=2 --svg="$T/m.svg" "$T/small.asm"
    [ "$status" -eq 0 ]
    grep -q '<svg [^>]*width="976" height="880" viewBox="0 0 488 440"' "$T/m.svg"
    # --scale=1 is the default size
    run "$SSEM" show --scale=1 --png="$T/m1.png" "$T/small.asm"
    [ "$status" -eq 0 ]
    run "$SSEM" show --png="$T/m0.png" "$T/small.asm"
    cmp "$T/m1.png" "$T/m0.png"
}

@test "show --scale: bad values are bad usage naming the option; no picture" {
    small_program
    for v in 0 9 10 -1 +2 " 2" 2.0 0x2 1e1 two 18446744073709551617; do
        run --separate-stderr "$SSEM" show --scale="$v" --png="$T/bad.png" "$T/small.asm"
        [ "$status" -eq 2 ] || { echo "--scale='$v': status $status"; false; }
        [[ "$stderr" == *"show: --scale: '$v' is not a number from 1 to 8"* ]] ||
            { echo "--scale='$v': $stderr"; false; }
        [ ! -e "$T/bad.png" ]
    done
    run --separate-stderr "$SSEM" show --scale= --svg="$T/bad.svg" "$T/small.asm"
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"--scale"* ]]
    # a scale without a picture to scale
    run --separate-stderr "$SSEM" show --scale=2 "$T/small.asm"
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"--scale sizes a picture: give --png=OUT or --svg=OUT"* ]]
    [ -z "$output" ]
    [ ! -e "$T/bad.svg" ]
}

@test "show: a file that does not load: exit 1, file:line:col, no picture" {
    printf '%s\n' '01: LDN 20' '02: LDX 20' >"$T/bad.asm"
    run --separate-stderr "$SSEM" show --png "$T/bad.png" "$T/bad.asm"
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"$T/bad.asm:2:5: "* ]]
    [ ! -e "$T/bad.png" ]
    run "$SSEM" show "$T/missing.asm"
    [ "$status" -eq 1 ]
}

@test "show: bad options exit 2 and write nothing" {
    small_program
    run "$SSEM" show --tube X "$T/small.asm"
    [ "$status" -eq 2 ]
    run "$SSEM" show --after -1 "$T/small.asm"
    [ "$status" -eq 2 ]
    run "$SSEM" show --after lots "$T/small.asm"
    [ "$status" -eq 2 ]
    run "$SSEM" show --action-line 32 "$T/small.asm"
    [ "$status" -eq 2 ]
    run "$SSEM" show --engine nosuch "$T/small.asm"
    [ "$status" -eq 2 ]
    run "$SSEM" show --frobnicate "$T/small.asm"
    [ "$status" -eq 2 ]
    run "$SSEM" show
    [ "$status" -eq 2 ]
    run "$SSEM" show "$T/small.asm" "$T/small.asm"
    [ "$status" -eq 2 ]
    run "$SSEM" show --png "$T/a.png" --svg "$T/a.svg" "$T/small.asm"
    [ "$status" -eq 2 ]
    run "$SSEM" show "$T/small.asm" --png
    [ "$status" -eq 2 ]
    [ ! -e "$T/a.png" ] && [ ! -e "$T/a.svg" ]
}

@test "show --help: usage on stdout, exit 0" {
    run "$SSEM" show --help
    [ "$status" -eq 0 ]
    [[ "$output" == *"usage: ssem show"* ]]
    [[ "$output" == *"--png"* ]]
    [[ "$output" == *"--scale=N"* ]]
}

@test "show reads standard input" {
    small_program
    run "$SSEM" show --ascii - <"$T/small.asm"
    [ "$status" -eq 0 ]
    [ "$(frame_row 21)" = "--.-----------------------------" ]
}
