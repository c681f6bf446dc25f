#!/usr/bin/env bats
# errors.bats - bad input: exit 1 with file:line:col: message on stderr.

load helpers

@test "unknown mnemonic: exit 1, file:line:col, the source line and a caret" {
    printf '%s\n' '; test' '01: LDN 20' '02: LDX 20' '03: STP' '20: NUM 5' >"$T/bad.asm"
    run --separate-stderr "$SSEM" run "$T/bad.asm"
    [ "$status" -eq 1 ]
    [ -z "$output" ]
    # line 3 of the file, column 5 (after "02: ")
    [[ "$stderr" == *"$T/bad.asm:3:5: "*"LDX"* ]]
    [[ "$stderr" == *"unknown mnemonic"* ]]
    # the source line, then a caret under column 5 of it
    src=$(printf '%s\n' "$stderr" | grep -n '02: LDX 20$' | head -n 1)
    [ -n "$src" ]
    n=${src%%:*}
    srcline=$(printf '%s\n' "$stderr" | sed -n "${n}p")
    caret=$(printf '%s\n' "$stderr" | sed -n "$((n + 1))p")
    indent=${srcline%%02: LDX 20}
    [ "$caret" = "${indent}    ^" ]
}

@test "the same errors from ssem asm and ssem disasm, exit 1, nothing on stdout" {
    printf '%s\n' '01: LDN 20' '02: LDX 20' >"$T/bad.asm"
    for cmd in asm disasm; do
        run --separate-stderr "$SSEM" "$cmd" "$T/bad.asm"
        [ "$status" -eq 1 ] || { echo "$cmd: status $status"; false; }
        [ -z "$output" ]
        [[ "$stderr" == *"$T/bad.asm:2:5: "* ]]
    done
}

@test "an error in standard input is reported as -:line:col" {
    run --separate-stderr "$SSEM" run - < <(printf '%s\n' '01: LDN 20' '   LDX 20')
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"-:2:4: "* ]]
}

@test "a bad operand: exit 1 at its line" {
    printf '%s\n' '01: LDN 20' '02: SUB banana' '03: STP' >"$T/bad.asm"
    run --separate-stderr "$SSEM" run "$T/bad.asm"
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"$T/bad.asm:2:"* ]]
}

@test "a line number past 31: exit 1 at its line" {
    printf '%s\n' '01: LDN 20' '32: NUM 1' >"$T/bad.asm"
    run --separate-stderr "$SSEM" run "$T/bad.asm"
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"$T/bad.asm:2:"* ]]
}

@test "an empty file: exit 1, not an empty program" {
    : >"$T/empty.asm"
    run --separate-stderr "$SSEM" run "$T/empty.asm"
    [ "$status" -eq 1 ]
    [ -z "$output" ]
    [[ "$stderr" == *"$T/empty.asm"* ]]
    run --separate-stderr "$SSEM" run - </dev/null
    [ "$status" -eq 1 ]
    [ -z "$output" ]
}

@test "a comment-only file: exit 1, not an empty program" {
    printf '%s\n' '; nothing here' '' '; nor here' >"$T/comments.asm"
    run --separate-stderr "$SSEM" run "$T/comments.asm"
    [ "$status" -eq 1 ]
    [ -z "$output" ]
    [[ "$stderr" == *"$T/comments.asm"* ]]
    run --separate-stderr "$SSEM" asm "$T/comments.asm"
    [ "$status" -eq 1 ]
    [ -z "$output" ]
}

@test "a nonexistent file: exit 1, the name and the reason on stderr" {
    for cmd in run asm disasm; do
        run --separate-stderr "$SSEM" "$cmd" "$T/no-such-file.asm"
        [ "$status" -eq 1 ] || { echo "$cmd: status $status"; false; }
        [ -z "$output" ]
        [[ "$stderr" == *"$T/no-such-file.asm"* ]]
        [[ "$stderr" == *"No such file"* ]]
    done
}

@test "a directory given as the file: exit 1" {
    run --separate-stderr "$SSEM" run "$T"
    [ "$status" -eq 1 ]
    [ -z "$output" ]
    [ -n "$stderr" ]
}

@test "--format forcing the wrong reader: exit 1" {
    printf '%s\n' '01: LDN 20' '02: STP' >"$T/p.asm"
    run --separate-stderr "$SSEM" run --format=snp "$T/p.asm"
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"$T/p.asm:1"* ]]
}

@test "binary garbage: exit 1, no crash" {
    printf '\0\377\001\x80\xfe garbage \033[0m\n\x7f\x01:;--\n' >"$T/garbage.bin"
    run --separate-stderr "$SSEM" run "$T/garbage.bin"
    [ "$status" -eq 1 ]
}

@test "standard output cannot be written (/dev/full): exit 1 and a message" {
    [ -w /dev/full ] || skip "no /dev/full"
    printf '%s\n' '01: STP' >"$T/stop.asm"
    for cmd in run asm disasm; do
        run --separate-stderr bash -c '"$1" "$2" "$3" >/dev/full' - "$SSEM" "$cmd" "$T/stop.asm"
        [ "$status" -eq 1 ] || { echo "$cmd: status $status"; false; }
        [ -n "$stderr" ] || { echo "$cmd: exit 1 but nothing said on stderr"; false; }
    done
}

@test "the 16 MiB input limit: a file of exactly 16 MiB loads, one byte more is refused" {
    # a one-line listing, then blanks up to 16 x 1024 x 1024 = 16777216 bytes
    line='1 00000000000001110000000000000000'
    { printf '%s\n' "$line"; head -c $((16777216 - ${#line} - 1)) /dev/zero | tr '\0' ' '; } >"$T/big.lst"
    [ "$(wc -c <"$T/big.lst")" -eq 16777216 ]
    run "$SSEM" run --json "$T/big.lst"
    [ "$status" -eq 0 ]
    [ "$(jq 'j["steps"]')" = 1 ]
    printf ' ' >>"$T/big.lst"
    run "$SSEM" run "$T/big.lst"
    [ "$status" -eq 1 ]
    [[ "$output" == *"big.lst: file too large (over 16777216 bytes)"* ]]
}

@test "CR-only line ends and a byte-order mark: the program, not one long line" {
    printf '\357\273\2770 00000000000000000000000000000000\r1 00011000000000100000000000000000\r2 00000000000001110000000000000000\r24 10111111111111111111111111111111\r' >"$T/mac.lst"
    run --separate-stderr "$SSEM" run --json "$T/mac.lst"
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    [ "$(jq 'j["a"]')" = 3 ]
    [ "$(jq 'j["steps"]')" = 2 ]
}
