#!/usr/bin/env bats
# asm.bats - `ssem asm` (snapshots, listings, atomic output, warnings) and
# `ssem disasm` (its output reassembles to the same store).

load helpers

small_program() {
    printf '%s\n' '; negate line 20 into line 21' \
        '01: LDN 20' '02: STO 21' '03: STP' '20: NUM 5' >"$T/small.asm"
}

@test "asm: the snapshot holds the words worked out by hand" {
    small_program
    run --separate-stderr "$SSEM" asm "$T/small.asm"
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    # NNNN:BITS lines, bit 0 first (spacing may vary: be liberal)
    printf '%s\n' "$output" | grep -qE '^0*1: *00101000000000100000000000000000$'
    printf '%s\n' "$output" | grep -qE '^0*2: *10101000000001100000000000000000$'
    printf '%s\n' "$output" | grep -qE '^0*3: *00000000000001110000000000000000$'
    printf '%s\n' "$output" | grep -qE '^0*20: *10100000000000000000000000000000$'
    # any other line listed is zero
    [ "$(printf '%s\n' "$output" | grep -E '^[0-9]+: *[01]{32}$' |
        grep -vE '^0*(1|2|3|20):' | sed 's/^[0-9]*: *//' | grep -c 1)" -eq 0 ]
}

@test "asm -o out.snp: ssem run out.snp gives the same result" {
    small_program
    run --separate-stderr "$SSEM" asm "$T/small.asm" -o "$T/out.snp"
    [ "$status" -eq 0 ]
    [ -z "$output" ]
    [ -s "$T/out.snp" ]
    run "$SSEM" run --json "$T/small.asm"
    [ "$status" -eq 0 ]
    direct="$output"
    run "$SSEM" run --json "$T/out.snp"
    [ "$status" -eq 0 ]
    [ "$output" = "$direct" ]
    [ "$(jq 'j["store"][21]')" = -5 ]
    # the monitor view too
    run "$SSEM" run "$T/small.asm"
    direct="$output"
    run "$SSEM" run "$T/out.snp"
    [ "$output" = "$direct" ]
}

@test "asm --output=OUT is -o OUT, and overwrites an existing file" {
    small_program
    echo old >"$T/out.snp"
    run "$SSEM" asm --output="$T/out.snp" "$T/small.asm"
    [ "$status" -eq 0 ]
    run "$SSEM" asm "$T/small.asm"
    [ "$(cat "$T/out.snp")" = "$output" ]
}

@test "asm of the first program: running the snapshot gives the SPEC's answer" {
    run "$SSEM" asm -o "$T/first.snp" "$(first_program)"
    [ "$status" -eq 0 ]
    run "$SSEM" run --json "$T/first.snp"
    [ "$status" -eq 0 ]
    [ "$(jq 'j["steps"]')" = 2097154 ]
    [ "$(jq 'j["store"][27]')" = 131072 ]
}

@test "asm --to listing: one 'N BITS' line per store line" {
    small_program
    run --separate-stderr "$SSEM" asm --to listing "$T/small.asm"
    [ "$status" -eq 0 ]
    [ "$(printf '%s\n' "$output" | grep -cE '^ *[0-9]+ +[01]{32}( |$)')" -eq 32 ]
    printf '%s\n' "$output" | grep -qE '^ *1 +00101000000000100000000000000000( |$)'
    printf '%s\n' "$output" | grep -qE '^ *20 +10100000000000000000000000000000( |$)'
    printf '%s\n' "$output" | grep -qE '^ *31 +00000000000000000000000000000000( |$)'
    # and it runs the same
    printf '%s\n' "$output" >"$T/small.lst"
    run "$SSEM" run --json "$T/small.lst"
    [ "$status" -eq 0 ]
    [ "$(jq 'j["store"][21]')" = -5 ]
    [ "$(jq 'j["steps"]')" = 3 ]
}

@test "asm --to asm and --to snp agree on the store" {
    small_program
    run "$SSEM" asm --to=asm "$T/small.asm"
    [ "$status" -eq 0 ]
    printf '%s\n' "$output" >"$T/again.asm"
    run "$SSEM" asm --to=snp "$T/again.asm"
    again="$output"
    run "$SSEM" asm --to=snp "$T/small.asm"
    [ "$output" = "$again" ]
}

@test "asm error with -o: exit 1, no output file created, no temporary left" {
    printf '%s\n' '01: LDN 20' '02: LDX 20' >"$T/bad.asm"
    mkdir "$T/out"
    run --separate-stderr "$SSEM" asm "$T/bad.asm" -o "$T/out/prog.snp"
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"$T/bad.asm:2:5: "* ]]
    [ ! -e "$T/out/prog.snp" ]
    [ -z "$(ls -A "$T/out")" ]
}

@test "asm error with -o: an existing output file is left untouched" {
    printf '%s\n' '01: LDN 20' '02: LDX 20' >"$T/bad.asm"
    mkdir "$T/out"
    printf 'precious\ncontents\n' >"$T/out/prog.snp"
    cp "$T/out/prog.snp" "$T/before"
    run --separate-stderr "$SSEM" asm "$T/bad.asm" -o "$T/out/prog.snp"
    [ "$status" -eq 1 ]
    cmp "$T/before" "$T/out/prog.snp"
    [ "$(ls -A "$T/out")" = prog.snp ]
}

@test "asm to an unwritable place: exit 1, message names the file" {
    small_program
    run --separate-stderr "$SSEM" asm "$T/small.asm" -o "$T/no-such-dir/out.snp"
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"$T/no-such-dir/out.snp"* ]]
    [ ! -e "$T/no-such-dir" ]
}

@test "asm warning (a line assembled twice): on stderr with 'warning', exit 0" {
    printf '%s\n' '01: LDN 20' '02: STP' '01: LDN 21' '20: NUM 5' >"$T/twice.asm"
    run --separate-stderr "$SSEM" asm "$T/twice.asm"
    [ "$status" -eq 0 ]
    [[ "$stderr" == *warning* ]]
    # it points at the second definition: line 3 of the file
    [[ "$stderr" == *"$T/twice.asm:3"* ]]
    # the warning is not part of the snapshot
    [[ "$output" != *warning* ]]
    printf '%s\n' "$output" | grep -qE '^0*20: *10100000000000000000000000000000$'
}

@test "asm warning with -o: the file is written, the warning on stderr" {
    printf '%s\n' '01: LDN 20' '02: STP' '01: LDN 20' '20: NUM 5' >"$T/twice.asm"
    run --separate-stderr "$SSEM" asm "$T/twice.asm" -o "$T/out.snp"
    [ "$status" -eq 0 ]
    [ -z "$output" ]
    [[ "$stderr" == *warning* ]]
    [ -s "$T/out.snp" ]
    run "$SSEM" run --json "$T/out.snp"
    [ "$status" -eq 0 ]
    [ "$(jq 'j["a"]')" = -5 ]
}

@test "run shows asm warnings on stderr and still runs (exit 0)" {
    printf '%s\n' '01: LDN 20' '02: STP' '01: LDN 20' '20: NUM 5' >"$T/twice.asm"
    run --separate-stderr "$SSEM" run --json "$T/twice.asm"
    [ "$status" -eq 0 ]
    [[ "$stderr" == *warning* ]]
    [ "$(jq 'j["a"]')" = -5 ]
}

@test "asm from standard input" {
    small_program
    run --separate-stderr "$SSEM" asm - <"$T/small.asm"
    [ "$status" -eq 0 ]
    printf '%s\n' "$output" | grep -qE '^0*20: *10100000000000000000000000000000$'
}

@test "disasm of the small program: one line per store line, reassembles" {
    small_program
    run --separate-stderr "$SSEM" disasm "$T/small.asm"
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    printf '%s\n' "$output" | grep -qE '^0*1: +LDN 20( |$)'
    printf '%s\n' "$output" | grep -qE '^0*2: +STO 21( |$)'
    printf '%s\n' "$output" | grep -qE '^0*3: +STP( |$)'
    # the word 5 is also the instruction JMP 5 (function 0, line 5)
    printf '%s\n' "$output" | grep -qE '^0*20: +(NUM 5|JMP 5)( |$)'
    printf '%s\n' "$output" | grep -qE '^0*21: +(NUM 0|JMP 0)( |$)'
}

@test "disasm -o OUT writes the file" {
    small_program
    run "$SSEM" disasm -o "$T/d.asm" "$T/small.asm"
    [ "$status" -eq 0 ]
    [ -z "$output" ]
    run "$SSEM" disasm "$T/small.asm"
    [ "$(cat "$T/d.asm")" = "$output" ]
}

@test "disasm keeps words that are not plain instructions (NUM -1, bits 5-12)" {
    # -1: every bit; 8192+32 = JRP with bit 5 set (an ignored bit)
    printf '%s\n' '01: STP' '10: NUM -1' '11: NUM 8224' '12: NUM -2147483648' >"$T/odd.asm"
    run "$SSEM" asm --to snp "$T/odd.asm"
    [ "$status" -eq 0 ]
    want="$output"
    printf '%s\n' "$want" | grep -qE '^0*11: *00000100000001000000000000000000$'
    printf '%s\n' "$want" | grep -qE '^0*12: *00000000000000000000000000000001$'
    run "$SSEM" disasm "$T/odd.asm"
    [ "$status" -eq 0 ]
    printf '%s\n' "$output" >"$T/odd-dis.asm"
    run "$SSEM" asm --to snp "$T/odd-dis.asm"
    [ "$status" -eq 0 ]
    [ "$output" = "$want" ]
}

# Corpus files of different formats, each of which ssem must read.
corpus_files() {
    cat <<LIST
$CORPUS/NevynUK_ManchesterBaby/HDL_SNP/FACTOR.SNP
$CORPUS/NevynUK_ManchesterBaby/HDL_SNP/NIGHT.SNP
$CORPUS/NevynUK_ManchesterBaby/HDL_SNP/PARABOLA.SNP
$CORPUS/davidpsharp_baby/maths/primegen.asm
$CORPUS/davidpsharp_baby/maths/division.snp
$CORPUS/emustudio_emuStudio/addition.ssem
$CORPUS/emustudio_emuStudio/primegen.ssem
$CORPUS/bdwalton_manchester-baby/primes.baby
$CORPUS/jcla1_gobaby/factor.asm
$CORPUS/MarquisdeGeek_ManchesterBaby/factor.byi
LIST
}

@test "disasm | asm round trip: the same store as asm of the original (corpus)" {
    n=0
    while read -r f; do
        [ -f "$f" ] || { echo "missing corpus file $f"; false; }
        run --separate-stderr "$SSEM" asm --to snp "$f"
        [ "$status" -eq 0 ] || { echo "asm $f: status $status: $stderr"; false; }
        want="$output"
        run --separate-stderr "$SSEM" disasm "$f"
        [ "$status" -eq 0 ] || { echo "disasm $f: status $status: $stderr"; false; }
        printf '%s\n' "$output" >"$T/dis.asm"
        run --separate-stderr "$SSEM" asm --to snp "$T/dis.asm"
        [ "$status" -eq 0 ] || { echo "asm of disasm of $f: status $status: $stderr"; false; }
        [ "$output" = "$want" ] || { echo "round trip differs for $f"; false; }
        n=$((n + 1))
    done < <(corpus_files)
    [ "$n" -eq 10 ]
}

@test "disasm | asm round trip over every corpus file that loads" {
    loaded=0
    while IFS= read -r -d '' f; do
        "$SSEM" asm --to snp "$f" >"$T/want.snp" 2>/dev/null || continue
        "$SSEM" disasm "$f" >"$T/dis.asm" 2>/dev/null ||
            { echo "asm reads $f but disasm fails"; false; }
        "$SSEM" asm --to snp --format=asm "$T/dis.asm" >"$T/got.snp" 2>"$T/err" ||
            { echo "disassembly of $f does not assemble:"; cat "$T/err"; false; }
        cmp -s "$T/want.snp" "$T/got.snp" || { echo "round trip differs for $f"; false; }
        loaded=$((loaded + 1))
    done < <(find "$CORPUS" -type f ! -name '*.md' ! -name '*.tsv' -print0 | sort -z)
    echo "$loaded corpus files round-tripped"
    # most of the corpus is readable (README.md: about 110 programs)
    [ "$loaded" -ge 50 ]
}

@test "asm -o creates the file with the usual permissions (umask 022 -> 644)" {
    small_program
    (umask 022 && "$SSEM" asm "$T/small.asm" -o "$T/out.snp")
    # mkstemp's 0600 must not leak into the user's file: a new file gets
    # 0666 & ~umask, as from cc -o, cp or a shell redirection
    [ "$(stat -c %a "$T/out.snp")" = 644 ]
}

@test "docs/asm.md's first example does what its comment says (issue 12 item 17)" {
    # the first ``` block of docs/asm.md, run: a = 10, b = 5; by hand, A ends
    # as 10 + 5 = 15 and line 22 (sum) holds -(10 + 5) = -15
    awk '/^```/ { n++; next } n == 1 { print }' docs/asm.md >"$T/tour.asm"
    grep -q 'A := a + b (15) at the stop' "$T/tour.asm"
    grep -q 'line 22 (sum) is left holding -(a + b) = -15' "$T/tour.asm"
    run "$SSEM" run --json "$T/tour.asm"
    [ "$status" -eq 0 ]
    [ "$(jq 'j["a"]')" = 15 ]
    [ "$(jq 'j["store"][22]')" = -15 ]
}
