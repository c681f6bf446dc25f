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

# --- a program on a real terminal (panel.bats, debug_tty.bats) ---------------
# tmux_start W H LOCALE ENV CMD: a tmux server of this test's own (its socket
# unique to the test) with a W x H pane running a plain shell (ENV: extra
# VAR=value words for it), which is given CMD to run. The tests then type
# with `keys` and read the screen with `screen` and `wait_for`; teardown
# stops the server. No tmux is a failure, not a skip: make check must not
# pass untested.
tmux_start() {
    command -v tmux >/dev/null || { echo "missing tmux (Debian: tmux): this test needs it" >&2; return 1; }
    SOCK="ssem-test-$$-${BATS_TEST_NUMBER}"
    LC_ALL="$3" tmux -u -L "$SOCK" -f /dev/null new-session -d \
        -s "$SESSION" -x "$1" -y "$2" -c "$PWD" "env PS1='$ ' $4 bash --norc --noprofile"
    tmux -L "$SOCK" send-keys -t "$SESSION" -l "$5"
    tmux -L "$SOCK" send-keys -t "$SESSION" Enter
}

teardown() {
    if [ -n "${SOCK:-}" ]; then
        tmux -L "$SOCK" kill-server 2>/dev/null || true
    fi
}

keys() { tmux -L "$SOCK" send-keys -t "$SESSION" "$@"; }

screen() { tmux -L "$SOCK" capture-pane -p -t "$SESSION"; }

# Waits (up to 10 s, polling every 0.1 s) until the screen has a line matching
# the extended regular expression $1; on timeout shows the screen and fails.
wait_for() {
    local i
    for i in $(seq 100); do
        if screen | grep -qE -- "$1"; then
            return 0
        fi
        sleep 0.1
    done
    echo "the screen never showed /$1/:" >&2
    screen >&2
    return 1
}
