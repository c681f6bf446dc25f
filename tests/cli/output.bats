#!/usr/bin/env bats
# output.bats - files the user keeps (tools/output.c), issue 12 item 1: only
# a regular file or a new path is replaced by temporary file and rename (its
# mode kept); a symbolic link's target is written; a device, a FIFO,
# /dev/stdout or a process substitution is written directly; write errors
# are reported; names of 246-255 bytes work. For every output path: asm and
# disasm -o, show --png/--svg, --save-on-interrupt, the debugger's save.

load helpers

# Devices and /proc links made inside the test's own directory: a wrong
# implementation (one that renames over what it should write) then damages
# only copies, never the machine's /dev/full or /dev/stdout.
need_root() {
    [ "$(id -u)" -eq 0 ] || { echo "needs root (mknod) to make device nodes"; false; }
}

# the snapshot of gcd.asm, as `ssem asm` prints it on standard output
expected_snp() {
    "$SSEM" asm programs/gcd.asm
}

@test "a mode 600 file stays 600, for asm, disasm, show --svg and --png" {
    for cmd in "asm -o" "disasm -o" "show --svg" "show --png"; do
        out="$T/out.$RANDOM"
        : >"$out"
        chmod 600 "$out"
        run "$SSEM" $cmd "$out" programs/gcd.asm
        [ "$status" -eq 0 ] || { echo "$cmd: $output"; false; }
        [ -s "$out" ]
        [ "$(stat -c %a "$out")" = 600 ] || { echo "$cmd: mode $(stat -c %a "$out")"; false; }
    done
    # and the debugger's save
    : >"$T/saved.snp"
    chmod 640 "$T/saved.snp"
    printf 'step 3\nsave %s\nquit\n' "$T/saved.snp" | "$SSEM" debug programs/gcd.asm
    [ "$(stat -c %a "$T/saved.snp")" = 640 ]
    grep -q 'steps=3$' "$T/saved.snp"
}

@test "a new file gets the mode a plain open gives (umask 077: 600)" {
    (umask 077 && "$SSEM" asm -o "$T/new.snp" programs/gcd.asm)
    [ "$(stat -c %a "$T/new.snp")" = 600 ]
    (umask 022 && "$SSEM" asm -o "$T/new2.snp" programs/gcd.asm)
    [ "$(stat -c %a "$T/new2.snp")" = 644 ]
}

@test "a symbolic link stays a link; the file it names is written" {
    printf 'old\n' >"$T/target.snp"
    ln -s target.snp "$T/link.snp"
    run "$SSEM" asm -o "$T/link.snp" programs/gcd.asm
    [ "$status" -eq 0 ]
    [ -L "$T/link.snp" ]
    [ "$(readlink "$T/link.snp")" = target.snp ]
    [ "$(cat "$T/target.snp")" = "$(expected_snp)" ]
    # a link to a link, and a link to a file not there yet
    ln -s link.snp "$T/link2.snp"
    ln -s "$T/sub/absent.svg" "$T/dangling.svg"
    mkdir "$T/sub"
    run "$SSEM" show --svg "$T/dangling.svg" programs/gcd.asm
    [ "$status" -eq 0 ]
    [ -L "$T/dangling.svg" ]
    grep -q '<svg' "$T/sub/absent.svg"
    run "$SSEM" disasm -o "$T/link2.snp" programs/gcd.asm
    [ "$status" -eq 0 ]
    [ -L "$T/link2.snp" ] && [ -L "$T/link.snp" ]
    grep -q 'LDN' "$T/target.snp"
}

@test "a FIFO gets the output (and stays a FIFO)" {
    mkfifo "$T/fifo"
    # timeouts so that a wrong implementation fails instead of hanging: one
    # that renames a file over the FIFO leaves the reader waiting
    timeout 20 cat "$T/fifo" >"$T/got" &
    reader=$!
    run timeout 20 "$SSEM" asm -o "$T/fifo" programs/gcd.asm
    [ "$status" -eq 0 ]
    wait "$reader"
    [ -p "$T/fifo" ]
    [ "$(cat "$T/got")" = "$(expected_snp)" ]
}

@test "a device is written, not replaced (a character device like /dev/null)" {
    need_root
    mknod "$T/null" c 1 3
    run "$SSEM" asm -o "$T/null" programs/gcd.asm
    [ "$status" -eq 0 ]
    [ -c "$T/null" ]
    run "$SSEM" show --png "$T/null" programs/gcd.asm
    [ "$status" -eq 0 ]
    [ -c "$T/null" ]
}

@test "/dev/stdout: into a pipe, and appended to a file opened with >>" {
    # $T/stdout is what /dev/stdout is: a link to /proc/self/fd/1
    ln -s /proc/self/fd/1 "$T/stdout"
    run --separate-stderr bash -c '"$SSEM" asm -o "$1" programs/gcd.asm | cat' _ "$T/stdout"
    [ "$status" -eq 0 ]
    [ "$output" = "$(expected_snp)" ]
    printf 'first line\n' >"$T/log"
    "$SSEM" asm -o "$T/stdout" programs/gcd.asm >>"$T/log"
    [ "$(head -n 1 "$T/log")" = "first line" ]
    [ "$(tail -n +2 "$T/log")" = "$(expected_snp)" ]
    [ -L "$T/stdout" ]
    # /proc/self/fd/1 itself (as /dev/fd/1 is): the same descriptor
    "$SSEM" disasm -o /proc/self/fd/1 programs/gcd.asm >>"$T/log"
    [ "$(head -n 1 "$T/log")" = "first line" ]
    grep -q 'LDN' "$T/log"
}

@test "a process substitution gets the output" {
    run bash -c '"$SSEM" asm -o >(cat >"$1") programs/gcd.asm; wait $!' _ "$T/sub.snp"
    [ "$status" -eq 0 ]
    [ "$(cat "$T/sub.snp")" = "$(expected_snp)" ]
}

@test "a full device is a reported error, for every output path" {
    need_root
    mknod "$T/full" c 1 7 # what /dev/full is
    for cmd in "asm -o" "disasm -o" "show --svg" "show --png"; do
        run --separate-stderr "$SSEM" $cmd "$T/full" programs/gcd.asm
        [ "$status" -eq 1 ] || { echo "$cmd full: status $status"; false; }
        [[ "$stderr" == *"/full: No space left on device"* ]]
        [ -c "$T/full" ]
    done
    printf 'save %s\n' "$T/full" >"$T/script"
    run --separate-stderr "$SSEM" debug --batch -x "$T/script" programs/gcd.asm
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"No space left on device"* ]]
    [ -c "$T/full" ]
}

@test "names of 246 to 255 bytes work; 256 is the system's refusal, reported" {
    for n in 246 250 255; do
        name=$(printf 'a%.0s' $(seq "$n"))
        run "$SSEM" asm -o "$T/$name" programs/gcd.asm
        [ "$status" -eq 0 ] || { echo "$n bytes: $output"; false; }
        [ "$(cat "$T/$name")" = "$(expected_snp)" ]
    done
    name=$(printf 'a%.0s' $(seq 256))
    run --separate-stderr "$SSEM" asm -o "$T/$name" programs/gcd.asm
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"File name too long"* ]]
    # no temporary file left behind by any of it
    [ -z "$(find "$T" -name '.ssem-*')" ]
}

@test "an error leaves the old file as it was and no temporary file" {
    printf 'keep me\n' >"$T/kept.snp"
    printf 'LDX 1\n' >"$T/bad.asm"
    run "$SSEM" asm -o "$T/kept.snp" "$T/bad.asm"
    [ "$status" -eq 1 ]
    [ "$(cat "$T/kept.snp")" = "keep me" ]
    # a directory that cannot be written: the error names the path
    mkdir "$T/ro"
    chmod 500 "$T/ro"
    if [ "$(id -u)" -ne 0 ]; then
        run --separate-stderr "$SSEM" asm -o "$T/ro/x.snp" programs/gcd.asm
        [ "$status" -eq 1 ]
        [[ "$stderr" == *"ro/x.snp"* ]]
    fi
    run --separate-stderr "$SSEM" asm -o "$T/nodir/x.snp" programs/gcd.asm
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"nodir/x.snp: No such file or directory"* ]]
    [ -z "$(find "$T" -name '.ssem-*')" ]
}

@test "--save-on-interrupt keeps a 600 file's mode and writes through a link" {
    : >"$T/state.snp"
    chmod 600 "$T/state.snp"
    ln -s state.snp "$T/state-link.snp"
    "$SSEM" run --speed=1948 --save-on-interrupt "$T/state-link.snp" programs/first.lst \
        >/dev/null 2>&1 &
    pid=$!
    sleep 1
    kill -INT "$pid"
    rc=0
    wait "$pid" || rc=$?
    [ "$rc" -eq 130 ]
    [ -L "$T/state-link.snp" ]
    [ "$(stat -c %a "$T/state.snp")" = 600 ]
    grep -q '^; ssem-state: ' "$T/state.snp"
}
