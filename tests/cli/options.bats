#!/usr/bin/env bats
# options.bats - the one option parser every subcommand shares (tools/options.c):
# strict numbers, '--', '-o -', keyword case, help; and (issue 12 item 5)
# that no command loses its output to a failed write on standard output.

load helpers

@test "numeric options: a sign, a space, hex or an exponent is bad usage, for every command" {
    p=programs/gcd.asm
    for bad in ' -1' '-1' '+5' ' 5' '5 ' '0x10' '1e3' '1.0' ''; do
        for cmd in "run --max-steps" "show --after" "verify --max-steps" "debug --max-steps" \
                   "run --expect-steps" "verify --stride"; do
            run --separate-stderr "$SSEM" $cmd="$bad" "$p" </dev/null
            [ "$status" -eq 2 ] || { echo "$cmd='$bad': status $status"; false; }
            [ -z "$output" ]
        done
    done
}

@test "--max-steps=' -1' does not mean 'no limit' (issue 12 item 10)" {
    run --separate-stderr "$SSEM" run --max-steps=' -1' programs/first.lst
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"--max-steps: ' -1' is not a count"* ]]
}

@test "--speed: hex and spaces are refused; x2.5 is a multiple in run as in the panel" {
    for bad in 0x10 ' 2' +2 2x inf nan 1e12 x; do
        run --separate-stderr "$SSEM" run --speed="$bad" programs/gcd.asm
        [ "$status" -eq 2 ] || { echo "--speed='$bad': status $status"; false; }
        [[ "$stderr" == *--speed* ]]
    done
    run "$SSEM" run --json programs/gcd.asm
    flat=$output
    # gcd: 96 steps; at 1000 times 1.44 ms that is 0.14 s
    for good in x1000 X1000 1000 1e3 MAX max; do
        run "$SSEM" run --json --speed="$good" programs/gcd.asm
        [ "$status" -eq 0 ] || { echo "--speed='$good': status $status"; false; }
        [ "$output" = "$flat" ]
    done
}

@test "--digit-period takes 0.5 to 100 microseconds in run and panel alike" {
    for bad in 0 0.4 101 abc ' 9' 0x9; do
        for cmd in run panel; do
            run --separate-stderr "$SSEM" $cmd --digit-period="$bad" programs/gcd.asm
            [ "$status" -eq 2 ] || { echo "$cmd --digit-period='$bad': status $status"; false; }
            [[ "$stderr" == *--digit-period* ]]
        done
    done
    run "$SSEM" run --json --digit-period=9.5 programs/gcd.asm
    [ "$status" -eq 0 ]
    # 96 steps of 144 digit periods of 9.5 us: 0.131328 s
    [ "$(jq 'j["steps"]')" = 96 ]
}

@test "-- ends the options: a program whose name starts with '-'" {
    cp programs/gcd.asm "$T/--json.asm"
    cd "$T"
    run --separate-stderr "$SSEM" run --json.asm
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"unknown option '--json.asm'"* ]]
    run --separate-stderr "$SSEM" run --json -- --json.asm
    [ "$status" -eq 0 ]
    [[ "$output" == '{"status":"halted","steps":96,'* ]]
    run "$SSEM" asm -o out.snp -- --json.asm
    [ "$status" -eq 0 ]
    [ -s out.snp ]
}

@test "-o - writes standard output, and no file named '-'" {
    cd "$T"
    run --separate-stderr "$SSEM" asm "$BATS_TEST_DIRNAME/../../programs/gcd.asm"
    want=$output
    for o in "-o -" "-o-" "--output=-" "--output -"; do
        run --separate-stderr "$SSEM" asm $o "$BATS_TEST_DIRNAME/../../programs/gcd.asm"
        [ "$status" -eq 0 ]
        [ "$output" = "$want" ]
        [ ! -e ./- ]
    done
    run --separate-stderr "$SSEM" disasm -o - "$BATS_TEST_DIRNAME/../../programs/gcd.asm"
    [ "$status" -eq 0 ]
    [[ "$output" == *"LDN"* ]]
    [ ! -e ./- ]
}

@test "an option with an empty value is bad usage" {
    for o in "asm --output=" "asm --format=" "show --png=" "show --svg=" "run --engine=" \
             "run --save-on-interrupt="; do
        run --separate-stderr "$SSEM" $o programs/gcd.asm
        [ "$status" -eq 2 ] || { echo "$o: status $status"; false; }
        [[ "$stderr" == *"needs a value"* ]]
    done
}

@test "keyword values ignore case everywhere: formats, engines, tubes, --to, max" {
    run "$SSEM" run --json programs/gcd.asm
    want=$output
    run "$SSEM" run --json --format=ASM --engine=REF --speed=MAX programs/gcd.asm
    [ "$status" -eq 0 ]
    [ "$output" = "$want" ]
    run "$SSEM" show --ascii --tube=s programs/gcd.asm
    lower=$output
    run "$SSEM" show --ascii --tube=S programs/gcd.asm
    [ "$output" = "$lower" ]
    run "$SSEM" asm --to=LISTING programs/gcd.asm
    [ "$status" -eq 0 ]
    run "$SSEM" asm --to=listing programs/gcd.asm
    listing=$output
    run "$SSEM" asm --to=Listing programs/gcd.asm
    [ "$output" = "$listing" ]
    run "$SSEM" verify --engines=REF,Fast programs/gcd.asm
    [ "$status" -eq 0 ]
    [[ "$output" == *"ref and fast agree"* ]]
}

@test "keyword values ignore case: --log, --trace, and the debugger's words (monitor, if)" {
    run --separate-stderr "$SSEM" run --log=STATS programs/gcd.asm
    [ "$status" -eq 0 ]
    stats=$stderr
    [ -n "$stats" ]
    run --separate-stderr "$SSEM" run --log=Stats programs/gcd.asm
    [ "$status" -eq 0 ]
    [ "$stderr" = "$stats" ]
    run --separate-stderr "$SSEM" run --log=blocks,NOPE programs/gcd.asm
    [ "$status" -eq 2 ]
    run "$SSEM" run --trace=json programs/gcd.asm
    json=$output
    run "$SSEM" run --trace=JSON programs/gcd.asm
    [ "$output" = "$json" ]
    printf 'print monitor\n' >"$T/lower"
    printf 'print MONITOR\nbreak 5 IF a < 0\nbreak\n' >"$T/upper"
    run --separate-stderr "$SSEM" debug -x "$T/lower" --batch programs/gcd.asm
    [ "$status" -eq 0 ]
    monitor=$output
    run --separate-stderr "$SSEM" debug -x "$T/upper" --batch programs/gcd.asm
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    [[ "$output" == "$monitor"* ]]
    [[ "$output" == *"breakpoints: 5 (if a < 0)"* ]]
}

@test "ssem help COMMAND prints that command's help" {
    for cmd in run asm disasm engines verify show panel debug; do
        run --separate-stderr "$SSEM" "$cmd" --help
        want=$output
        run --separate-stderr "$SSEM" help "$cmd"
        [ "$status" -eq 0 ] || { echo "help $cmd: status $status"; false; }
        [ "$output" = "$want" ]
        [[ "$output" == "usage: ssem $cmd"* ]]
    done
    run --separate-stderr "$SSEM" help frobnicate
    [ "$status" -eq 2 ]
    [[ "$stderr" == *"unknown command 'frobnicate'"* ]]
}

@test "the usage names the manual in the source tree and every exit status, 130 included" {
    run "$SSEM" --help
    [[ "$output" == *"man ./docs/ssem.1"* ]]
    for s in "0 halted" "1 bad input" "2 bad usage" "3 fault" "4 step limit" "5 engines differ" "130"; do
        [[ "$output" == *"$s"* ]] || { echo "missing '$s'"; false; }
    done
}

@test "a failed write to standard output is reported and exits non-zero, for every command" {
    [ -w /dev/full ] || { echo "needs /dev/full"; false; }
    p=programs/gcd.asm
    for cmd in "--help" "--version" "help" "help run" "engines" "run $p" "run --json $p" \
               "run --trace $p" "asm $p" "disasm $p" "verify $p" "verify --random=2" \
               "show $p" "run --help" "show --help" "verify --help" "engines --help" \
               "url $p" "examples" "run @gcd"; do
        run --separate-stderr bash -c "\"\$SSEM\" $cmd >/dev/full" </dev/null
        [ "$status" -ne 0 ] || { echo "'$cmd' exited 0"; false; }
        # once, with the kernel's reason for /dev/full (ENOSPC), not twice
        # (the command's check and the exit's) nor a stale errno's "Success"
        [ "$stderr" = "ssem: standard output: No space left on device" ] ||
            { echo "'$cmd': $stderr"; false; }
    done
    for cmds in 'print\nquit\n' 'step\n' 'step\nprint 0x5\nstep\n'; do
        printf "$cmds" >"$T/cmds"
        run --separate-stderr bash -c "\"\$SSEM\" debug $p <\"$T/cmds\" >/dev/full"
        [ "$status" -ne 0 ]
        [ "$stderr" = "ssem: standard output: No space left on device" ] ||
            { echo "debug '$cmds': $stderr"; false; }
    done
}
