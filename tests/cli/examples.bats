#!/usr/bin/env bats
# examples.bats - `ssem examples` and @NAME. The expected list is worked out
# here from the files of programs/ and programs/historic/ themselves (find,
# sed), not from the command: every program is listed once with the first
# line of its header comment, and @NAME runs the same file as its path.

load helpers

# the programs, one "NAME<TAB>PATH" a line: every .asm/.lst/.snp file (links
# left out: programs/first.lst links to historic/first.lst, listed as first)
programs() {
    find programs -maxdepth 2 -type f \( -name '*.asm' -o -name '*.lst' -o -name '*.snp' \) |
        while read -r f; do b=${f##*/}; printf '%s\t%s\n' "${b%.*}" "$f"; done | sort
}

# a file's one-line story: its first comment line, "NAME.ext - " taken off
story() {
    local b=${1##*/}
    grep -m1 -E '^[[:space:]]*[;#]+[[:space:]]*[^[:space:];#]' "$1" |
        sed -E 's/^[[:space:]]*[;#]+[[:space:]]*//; s/[[:space:]]+$//' |
        sed "s/^${b//./\\.} - //"
}

@test "examples: the historic programs are there, each with a .expect" {
    for n in first hcf hcf-nature turing-division hfr989 prm-add prm-loop prm-modify; do
        f=$(ls programs/historic/"$n".* | grep -v '\.expect$')
        [ -f "$f" ]
        [ -f "programs/historic/$n.expect" ]
    done
    # the old path of the first program still works, as a link
    [ "$(readlink programs/first.lst)" = "historic/first.lst" ]
}

@test "examples: lists every program of programs/ and programs/historic/ once, with its story" {
    run --separate-stderr "$SSEM" examples
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    want=$(programs | wc -l)
    [ "$want" -ge 14 ]
    [ "$(printf '%s\n' "$output" | grep -c '^@')" -eq "$want" ]
    while IFS=$'\t' read -r name path; do
        line=$(printf '%s\n' "$output" | grep -E "^@$name +") || {
            echo "not listed: $name ($path)"; return 1; }
        s=$(story "$path")
        [ -n "$s" ] || { echo "$path has no header comment"; return 1; }
        rest=$(sed -E "s/^@$name +//" <<<"$line")
        [ "$rest" = "$s" ] || { echo "for $path: got '$line', want the story '$s'"; return 1; }
    done < <(programs)
    [[ "$output" != *"(no header)"* ]]
}

@test "examples: the historic programs' stories name their authors and inputs" {
    run "$SSEM" examples
    [ "$status" -eq 0 ]
    [[ "$(grep '^@first ' <<<"$output")" == *"Kilburn"*"2^18"* ]]
    [[ "$(grep '^@hcf-nature ' <<<"$output")" == *"Tootill"*"314159265"*"271828183"* ]]
    [[ "$(grep '^@turing-division ' <<<"$output")" == *"Turing"*"Tootill"* ]]
    [[ "$(grep '^@hfr989 ' <<<"$output")" == *"989"* ]]
}

@test "examples: an argument is a usage error" {
    run --separate-stderr "$SSEM" examples extra
    [ "$status" -eq 2 ]
    [ -z "$output" ]
    [[ "$stderr" == *"extra"* ]]
}

@test "@NAME: run, show, disasm and url take an example by name, the same as its path" {
    for pair in hcf:programs/historic/hcf.asm first:programs/first.lst \
                prm-add:programs/historic/prm-add.asm gcd:programs/gcd.asm; do
        name=${pair%%:*} path=${pair#*:}
        for cmd in run show disasm url; do
            run --separate-stderr "$SSEM" $cmd "@$name"
            [ "$status" -eq 0 ] || { echo "$cmd @$name: exit $status: $stderr"; return 1; }
            by_name=$output
            run --separate-stderr "$SSEM" $cmd "$path"
            [ "$output" = "$by_name" ] || { echo "$cmd @$name differs from $cmd $path"; return 1; }
        done
    done
}

@test "@NAME: the historic programs run to their answers" {
    # hcf(989, 667) = 23 (989 = 23 x 43, 667 = 23 x 29): line 30 = 23
    run "$SSEM" run --json @hcf
    [ "$status" -eq 0 ]
    [ "$(jq 'j["store"][30]')" = 23 ]
    # 989 = 23 x 43: its highest proper factor, 43, in line 27
    run "$SSEM" run --json @hfr989
    [ "$status" -eq 0 ]
    [ "$(jq 'j["store"][27]')" = 43 ]
    # 1900 + 48
    run "$SSEM" run --json @prm-add
    [ "$status" -eq 0 ]
    [ "$(jq 'j["store"][22]')" = 1948 ]
}

@test "@NAME: an unknown name fails clearly, naming it, with nothing run" {
    for cmd in run show disasm url; do
        run --separate-stderr "$SSEM" $cmd @no-such-program
        [ "$status" -ne 0 ]
        [ -z "$output" ]
        [[ "$stderr" == *"no example program named 'no-such-program'"* ]]
        [[ "$stderr" == *"ssem examples"* ]]
    done
}

@test "examples and @NAME look in SSEM_PROGRAMS when it is set" {
    mkdir -p "$T/p/historic"
    printf '%s\n' '; mine.asm - my own example' '01: STP' >"$T/p/mine.asm"
    printf '%s\n' '; old.asm - a program of long ago' '01: STP' >"$T/p/historic/old.asm"
    SSEM_PROGRAMS=$T/p run --separate-stderr "$SSEM" examples
    [ "$status" -eq 0 ]
    [ "$(printf '%s\n' "$output" | wc -l)" -eq 2 ]
    [[ "$output" == *"@mine  my own example"* ]]
    [[ "$output" == *"@old   a program of long ago"* ]]
    SSEM_PROGRAMS=$T/p run "$SSEM" run @old
    [ "$status" -eq 0 ]
    SSEM_PROGRAMS=$T/nowhere run --separate-stderr "$SSEM" examples
    [ "$status" -ne 0 ]
    [[ "$stderr" == *"SSEM_PROGRAMS"* ]]
}
