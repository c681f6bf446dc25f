#!/usr/bin/env bats
# usage.bats - help, version and bad usage (exit status 2).

load helpers

@test "ssem --help: exit 0, lists the commands and the exit statuses on stdout" {
    run --separate-stderr "$SSEM" --help
    [ "$status" -eq 0 ]
    [[ "$output" == usage:\ ssem* ]]
    [[ "$output" == *run* ]]
    [[ "$output" == *asm* ]]
    [[ "$output" == *disasm* ]]
    [[ "$output" == *"3 fault"* ]]
    [[ "$output" == *"4 step limit"* ]]
    [ -z "$stderr" ]
}

@test "ssem -h and ssem help are --help" {
    run "$SSEM" --help
    help="$output"
    run "$SSEM" -h
    [ "$status" -eq 0 ]
    [ "$output" = "$help" ]
    run "$SSEM" help
    [ "$status" -eq 0 ]
    [ "$output" = "$help" ]
}

@test "ssem --version: exit 0, 'ssem X.Y.Z'" {
    run --separate-stderr "$SSEM" --version
    [ "$status" -eq 0 ]
    [[ "$output" =~ ^ssem\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
    # the same version the public header declares
    v=$(sed -n 's/^#define SSEM_VERSION "\(.*\)"$/\1/p' include/ssem.h)
    [ "$output" = "ssem $v" ]
}

@test "ssem run --help: exit 0, options described" {
    run --separate-stderr "$SSEM" run --help
    [ "$status" -eq 0 ]
    [[ "$output" == "usage: ssem run"* ]]
    for opt in --format --max-steps --lenient --trace --json; do
        [[ "$output" == *"$opt"* ]] || { echo "missing $opt"; false; }
    done
    [ -z "$stderr" ]
}

@test "ssem run -h after other arguments still prints help" {
    run "$SSEM" run --json -h
    [ "$status" -eq 0 ]
    [[ "$output" == "usage: ssem run"* ]]
}

@test "ssem asm --help: exit 0, options described" {
    run --separate-stderr "$SSEM" asm --help
    [ "$status" -eq 0 ]
    [[ "$output" == "usage: ssem asm"* ]]
    for opt in -o --output --to --format; do
        [[ "$output" == *"$opt"* ]] || { echo "missing $opt"; false; }
    done
    [ -z "$stderr" ]
}

@test "ssem disasm --help: exit 0, options described" {
    run --separate-stderr "$SSEM" disasm --help
    [ "$status" -eq 0 ]
    [[ "$output" == "usage: ssem disasm"* ]]
    [[ "$output" == *--format* ]]
    [[ "$output" == *--output* ]]
    [ -z "$stderr" ]
}

@test "no arguments: exit 2, usage on stderr, nothing on stdout" {
    run --separate-stderr "$SSEM"
    [ "$status" -eq 2 ]
    [ -z "$output" ]
    [[ "$stderr" == *usage:* ]]
}

@test "unknown command: exit 2, named on stderr" {
    run --separate-stderr "$SSEM" frobnicate programs/first.lst
    [ "$status" -eq 2 ]
    [ -z "$output" ]
    [[ "$stderr" == *"unknown command 'frobnicate'"* ]]
    [[ "$stderr" == *--help* ]]
}

@test "unknown option: exit 2 for run, asm and disasm" {
    for cmd in run asm disasm; do
        run --separate-stderr "$SSEM" "$cmd" --frobnicate "$(first_program)"
        [ "$status" -eq 2 ] || { echo "$cmd: status $status"; false; }
        [ -z "$output" ]
        [[ "$stderr" == *"unknown option '--frobnicate'"* ]]
    done
}

@test "missing file argument: exit 2 for run, asm and disasm" {
    run --separate-stderr "$SSEM" run
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"no program file given"* ]]
    run --separate-stderr "$SSEM" run --json --trace
    [ "$status" -eq 2 ]
    [ -z "$output" ]
    for cmd in asm disasm; do
        run --separate-stderr "$SSEM" "$cmd"
        [ "$status" -eq 2 ]
        [ -z "$output" ]
        [[ "$stderr" == *"no input file given"* ]]
    done
}

@test "two files: exit 2" {
    p=$(first_program)
    run --separate-stderr "$SSEM" run "$p" "$p"
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"one program at a time"* ]]
    run --separate-stderr "$SSEM" asm "$p" "$p"
    [ "$status" -eq 2 ]
}

@test "bad --max-steps values: exit 2, message on stderr, nothing run" {
    p=$(first_program)
    for bad in abc -5 10x "" 1e3 99999999999999999999999; do
        run --separate-stderr "$SSEM" run --max-steps "$bad" "$p"
        [ "$status" -eq 2 ] || { echo "--max-steps '$bad': status $status"; false; }
        [ -z "$output" ]
        [[ "$stderr" == *--max-steps* ]]
    done
    run --separate-stderr "$SSEM" run --max-steps=abc "$p"
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"'abc'"* ]]
}

@test "--max-steps with no value at all: exit 2" {
    run --separate-stderr "$SSEM" run "$(first_program)" --max-steps
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"needs a value"* ]]
}

@test "a flag given a value: exit 2" {
    run --separate-stderr "$SSEM" run --lenient=yes "$(first_program)"
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"takes no value"* ]]
}

@test "unknown --format: exit 2 for run, asm and disasm" {
    for cmd in run asm disasm; do
        run --separate-stderr "$SSEM" "$cmd" --format=pdf "$(first_program)"
        [ "$status" -eq 2 ] || { echo "$cmd: status $status"; false; }
        [ -z "$output" ]
        [[ "$stderr" == *"unknown format 'pdf'"* ]]
    done
}

@test "unknown asm --to: exit 2; disasm has no --to" {
    run --separate-stderr "$SSEM" asm --to=pdf "$(first_program)"
    [ "$status" -eq 2 ]
    [ -z "$output" ]
    [[ "$stderr" == *"'pdf'"* ]]
    run --separate-stderr "$SSEM" disasm --to=snp "$(first_program)"
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"unknown option"* ]]
}

@test "README.md links only to files in the repository, and every one exists" {
    # markdown links: ](target) ; no target may leave the repository
    links=$(grep -oE '\]\([^)]+\)' README.md | sed -E 's/^\]\((.*)\)$/\1/')
    [ -n "$links" ]
    while IFS= read -r l; do
        case "$l" in
            http://* | https://* | mailto:*) echo "external link: $l"; false ;;
            /* | ../*) echo "link outside the repository: $l"; false ;;
        esac
        [ -e "${l%%#*}" ] || { echo "missing: $l"; false; }
    done <<<"$links"
    ! grep -n '\.\./shared' README.md
}
