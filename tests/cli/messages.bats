#!/usr/bin/env bats
# messages.bats - what error messages show (issue 12 item 15, outside the
# debugger): control characters and bytes that are not UTF-8, in file names,
# option values and program text, are escaped as \xNN, so no message can
# drive the terminal; and each message stays on its line.

load helpers

# No ESC, BEL, other C0 control (but newline and tab) or DEL in $1.
no_raw_controls() {
    ! printf '%s' "$1" | LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]'
}

@test "a file name with an escape sequence is shown escaped" {
    name=$'a\033]0;owned\007b.asm'
    run --separate-stderr "$SSEM" run "$T/$name"
    [ "$status" -eq 1 ]
    no_raw_controls "$stderr"
    [[ "$stderr" == *'a\x1b]0;owned\x07b.asm: No such file or directory'* ]]
}

@test "an unknown option or a bad value with control bytes is shown escaped" {
    run --separate-stderr "$SSEM" run $'--\033[2J' programs/gcd.asm
    [ "$status" -eq 2 ]
    no_raw_controls "$stderr"
    [[ "$stderr" == *"unknown option '--\\x1b[2J'"* ]]
    run --separate-stderr "$SSEM" run $'--max-steps=1\0332' programs/gcd.asm
    [ "$status" -eq 2 ]
    no_raw_controls "$stderr"
    [[ "$stderr" == *"'1\\x1b2'"* ]]
    run --separate-stderr "$SSEM" show --tube=$'\x9b' programs/gcd.asm
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"'\\x9b'"* ]]
}

@test "a program's bad bytes are escaped in its error, and the file name too" {
    name=$'bad\nname.asm'
    printf 'LD\xff\x1b[31m 1\n' >"$T/$name"
    run --separate-stderr "$SSEM" asm "$T/$name"
    [ "$status" -eq 1 ]
    no_raw_controls "$stderr"
    # the message is one line: the name's newline is escaped too
    [[ "$stderr" == *'bad\x0aname.asm:1:1: '* ]]
    ! printf '%s' "$stderr" | LC_ALL=C grep -q $'\xff'
    [[ "$stderr" == *'\xff'* ]]
}

@test "a file name that is not UTF-8 is escaped; one that is passes unchanged" {
    run --separate-stderr "$SSEM" run "$T/caf"$'\xe9'".asm"
    [ "$status" -eq 1 ]
    [[ "$stderr" == *'caf\xe9.asm: No such file'* ]]
    run --separate-stderr "$SSEM" run "$T/café.asm"
    [[ "$stderr" == *'café.asm: No such file'* ]]
}

@test "an output path with control bytes is escaped in the write error" {
    run --separate-stderr "$SSEM" asm -o "$T/nodir/"$'\033[H'"x" programs/gcd.asm
    [ "$status" -eq 1 ]
    no_raw_controls "$stderr"
    [[ "$stderr" == *'nodir/\x1b[Hx: No such file or directory'* ]]
}

@test "@NAME and examples: a name, a directory, a file name and a header story are escaped" {
    run --separate-stderr "$SSEM" run @$'x\033]0;T\007'
    [ "$status" -eq 1 ]
    no_raw_controls "$stderr"
    [[ "$stderr" == *"no example program named 'x\\x1b]0;T\\x07'"* ]]
    SSEM_PROGRAMS=$'/no\033]0;T\007' run --separate-stderr "$SSEM" examples
    [ "$status" -eq 1 ]
    no_raw_controls "$stderr"
    [[ "$stderr" == *"not in /no\\x1b]0;T\\x07"* ]]
    mkdir "$T/p"
    printf '; \033]0;PWNED\007 story\n01: STP\n' >"$T/p/"$'ev\033[31mil.asm'
    printf '; fine.asm - a fine story\n01: STP\n' >"$T/p/fine.asm"
    SSEM_PROGRAMS="$T/p" run --separate-stderr "$SSEM" examples
    [ "$status" -eq 0 ]
    no_raw_controls "$output"
    [ "${lines[0]}" = '@ev\x1b[31mil  \x1b]0;PWNED\x07 story' ]
    # names are padded to the longest as shown: ev\x1b[31mil is 12 columns,
    # so fine (4) gets 8 spaces, then the 2 before the story
    [ "${lines[1]}" = "@fine$(printf '%10s' '')a fine story" ]
}
