# helpers.bash - shared by tests/cli/*.bats (loaded with `load helpers`).
# tests/run.sh exports SSEM (absolute path of the command under test) and runs
# bats from the repository root, so paths are relative to it.

bats_require_minimum_version 1.5.0

CORPUS=../shared/corpus

setup() {
    if [ -z "${SSEM:-}" ]; then
        SSEM="$PWD/build/ssem"
    fi
    [ -x "$SSEM" ] || {
        echo "SSEM=$SSEM is not an executable" >&2
        return 1
    }
    T="$BATS_TEST_TMPDIR"
}

# The monitor row of store line $1 in $output: the 32 '.'/'-' characters
# (without the '>' that marks the action line).
row() {
    printf '%s\n' "$output" | awk -v n="$1" '{ b = $2; sub(/^>/, "", b) }
        $1 == n "" && b ~ /^[.-]+$/ && length(b) == 32 { print b; exit }'
}

# A field of the JSON object in $output (last line), by a Python expression on
# the parsed object `j`, e.g. jq 'j["store"][27]'.
jq() {
    printf '%s\n' "$output" | tail -n 1 | python3 -c 'import json, sys
j = json.load(sys.stdin)
v = eval(sys.argv[1])
print(json.dumps(v))' "$1"
}

# The first program of the SPEC (programs/first.lst, or the same program in
# NevynUK's snapshot while programs/ is being written).
first_program() {
    if [ -f programs/first.lst ]; then
        echo programs/first.lst
    else
        echo "$CORPUS/NevynUK_ManchesterBaby/HDL_SNP/FACTOR.SNP"
    fi
}
