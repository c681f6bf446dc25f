#!/usr/bin/env bats
# url.bats - `ssem url` (the manchesterbaby.com share link, its QR code),
# links and s= values wherever a command takes FILE, and their errors.
#
# The expected links were built by hand from docs/formats.md ("url"), with
# python3's struct and base64 modules, never copied from ssem's output: the
# small program below is LDN 20 = 0x4014, STO 21 = 0x6015, STP = 0xE000 and
# 5 in line 20, all compact, so the bytes are the bitmap FF FF FF FF, one
# byte a line (line 1: 0x14 | 0x40 = 0x54, line 2: 0x15 | 0x60 = 0x75,
# line 3: 0xE0, line 20: 0x05, the rest 0), then 0x20 | CI and A = 0.

load helpers

SMALL_LINK='https://manchesterbaby.com?s=_____wBUdeAAAAAAAAAAAAAAAAAAAAAABQAAAAAAAAAAAAAAIAA'
# the same store with CI = 13 in the CI byte (0x20 | 13 = 0x2D)
SMALL_CI13='_____wBUdeAAAAAAAAAAAAAAAAAAAAAABQAAAAAAAAAAAAAALQA'

small_program() {
    printf '%s\n' '; negate line 20 into line 21' \
        '01: LDN 20' '02: STO 21' '03: STP' '20: NUM 5' >"$T/small.asm"
}

@test "url: prints the link worked out by hand" {
    small_program
    run --separate-stderr "$SSEM" url "$T/small.asm"
    [ "$status" -eq 0 ]
    [ "$output" = "$SMALL_LINK" ]
    [ -z "$stderr" ]
}

@test "url: a link, its s= value or the bare value runs like the program" {
    small_program
    for arg in "$SMALL_LINK" "s=${SMALL_LINK#*s=}" "${SMALL_LINK#*s=}"; do
        run --separate-stderr "$SSEM" run --json "$arg"
        [ "$status" -eq 0 ]
        # -5 stored in line 21 by hand: LDN 20 gives -5, STO 21 keeps it
        [ "$(jq 'j["store"][21]')" = "-5" ]
        [ "$(jq 'j["steps"]')" = "3" ]
    done
}

@test "url: a file holding a link is detected; --format=url reads it too" {
    printf '%s\n' "$SMALL_LINK" >"$T/prog.txt"
    run --separate-stderr "$SSEM" disasm "$T/prog.txt"
    [ "$status" -eq 0 ]
    printf '%s\n' "$output" | grep -qE '^01: LDN 20'
    run --separate-stderr "$SSEM" disasm --format=url "$T/prog.txt"
    [ "$status" -eq 0 ]
    printf '%s\n' "$output" | grep -qE '^20: JMP 5'
}

@test "url: a link's registers are kept by run and lost with a warning by asm" {
    # CI = 13 in the link: the first fetch is from line 14 (zero: JMP 0,
    # then S[0] = 0 sends CI to 0 and line 1 runs as from reset)
    run --separate-stderr "$SSEM" run --json --max-steps=1 "s=$SMALL_CI13"
    [ "$(jq 'j["ci"]')" = "0" ]
    [ "$(jq 'j["pi"]')" = "0" ]
    run --separate-stderr "$SSEM" asm "s=$SMALL_CI13"
    [ "$status" -eq 0 ]
    [[ "$stderr" == *"warning"*"CI = 13"* ]]
}

@test "url: CI above 31 is cut to 5 bits, with a warning" {
    { # a whole state file (docs/formats.md): the register line, all 32 lines
        echo '; ssem-state: version=2 a=0 ci=45 pi=0 lamp=0 fault=0 steps=0'
        for l in $(seq 0 31); do
            case $l in
            1) w=00101000000000100000000000000000 ;;
            2) w=10101000000001100000000000000000 ;;
            3) w=00000000000001110000000000000000 ;;
            20) w=10100000000000000000000000000000 ;;
            *) w=00000000000000000000000000000000 ;;
            esac
            printf '%04d:%s\n' "$l" "$w"
        done
    } >"$T/state.snp"
    run --separate-stderr "$SSEM" url "$T/state.snp"
    [ "$status" -eq 0 ]
    [ "$output" = "https://manchesterbaby.com?s=$SMALL_CI13" ]
    [[ "$stderr" == *"warning: CI = 45"*"CI = 13"* ]]
}

@test "url: the link of every example program loads back to the same store" {
    for f in programs/*.asm programs/*.lst programs/historic/*.asm programs/historic/*.lst; do
        [ -f "$f" ] || continue
        run --separate-stderr "$SSEM" url "$f"
        [ "$status" -eq 0 ]
        link=$output
        run --separate-stderr "$SSEM" asm --to=snp "$f"
        want=$(printf '%s\n' "$output" | grep -E '^[0-9]+:')
        run --separate-stderr "$SSEM" asm --to=snp "$link"
        [ "$status" -eq 0 ]
        got=$(printf '%s\n' "$output" | grep -E '^[0-9]+:')
        [ "$got" = "$want" ]
    done
}

@test "url: malformed links fail with file:line:col and exit 1" {
    run --separate-stderr "$SSEM" run 's=AB+D'
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"link:1:5: '+' is not base64url"* ]]
    run --separate-stderr "$SSEM" run 'https://manchesterbaby.com/?x=1'
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"link:1:28: the link has no s= parameter"* ]]
    printf 'https://manchesterbaby.com?s=_____wBUdeAAAAAAAAAAAAAAAAAAAAAA\n' >"$T/cut.txt"
    run --separate-stderr "$SSEM" url "$T/cut.txt"
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"cut.txt:1:"*"the link ends inside store line"* ]]
    [ -z "$output" ]
}

@test "url --qr: writes an SVG QR code whose title is the link" {
    small_program
    run --separate-stderr "$SSEM" url --qr="$T/label.svg" "$T/small.asm"
    if [[ "$stderr" == *"built without libqrencode"* ]]; then
        echo "libqrencode missing at build time: install libqrencode-dev" >&2
        return 1
    fi
    [ "$status" -eq 0 ]
    [ "$output" = "$SMALL_LINK" ]
    python3 - "$T/label.svg" "$SMALL_LINK" <<'EOF'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = "{http://www.w3.org/2000/svg}"
assert root.find(ns + "title").text == sys.argv[2]
x, y, w, h = map(int, root.get("viewBox").split())
# a QR symbol is 21 + 4k modules wide, plus a 4-module quiet zone each side
assert w == h and (w - 8 - 21) % 4 == 0, w
assert root.find(ns + "path").get("d").startswith("M4 4h1v1h-1z")  # finder corner
EOF
    ls "$T" | grep -v -qE 'tmp' || true
    [ -z "$(ls "$T" | grep tmp)" ]
}

@test "url --qr: an unwritable place fails and leaves no file" {
    small_program
    run --separate-stderr "$SSEM" url --qr="$T/no/such/dir/q.svg" "$T/small.asm"
    [ "$status" -eq 1 ]
    [ ! -e "$T/no" ]
}

@test "url: usage errors" {
    run --separate-stderr "$SSEM" url
    [ "$status" -eq 2 ]
    run --separate-stderr "$SSEM" url --bogus x
    [ "$status" -eq 2 ]
    run --separate-stderr "$SSEM" url --help
    [ "$status" -eq 0 ]
    [[ "$output" == *"--qr=OUT.svg"* ]]
}
