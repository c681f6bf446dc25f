#!/bin/sh
# proof/prove.sh - prove the reference step (ssem_step and ssem_execute in src/machine.c)
# against T-next (proof/tnext.h) with Frama-C WP, including absence of
# run-time errors (-wp-rte). Run from the top of the tree: `make prove`.
#
#   proof/prove.sh [FILE.c]      default src/machine.c (proof/mutants.sh
#                                passes a mutated copy)
#
# Environment: PROVERS (default cvc4), TIMEOUT per goal in seconds (default
# 60), JOBS (default 2), FRAMAC (default frama-c), VERBOSE=1 prints every
# goal. Prints "proof: N / M goals proved"; exits 0 only when N = M > 0.
set -u

SRC=${1:-src/machine.c}
PROVERS=${PROVERS:-cvc4}
TIMEOUT=${TIMEOUT:-60}
JOBS=${JOBS:-2}
FRAMAC=${FRAMAC:-frama-c}
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/.." && pwd)

if ! command -v "$FRAMAC" >/dev/null 2>&1; then
    echo "proof: $FRAMAC not found (Debian: apt-get install frama-c-base why3 cvc4 z3; or proof/ci.sh)" >&2
    exit 2
fi
# Frama-C finds the provers through why3's configuration (~/.why3.conf).
if ! "$FRAMAC" -wp-detect 2>/dev/null | grep -q '\[cvc4|'; then
    echo "proof: why3 does not know CVC4 yet; running 'why3 config detect'" >&2
    why3 config detect >/dev/null 2>&1 || true
fi

LOG=$(mktemp "${TMPDIR:-/tmp}/ssem-prove.XXXXXX")
trap 'rm -f "$LOG"' EXIT INT TERM

# -wp-cache none: every goal is proved now, never replayed from a cache.
COMMON="-wp -wp-prover $PROVERS -wp-timeout $TIMEOUT -wp-par $JOBS -wp-cache none
        -cpp-extra-args=-I$TOP/include -cpp-extra-args=-I$TOP/src -cpp-extra-args=-I$TOP/proof"

status=0
# 1. ssem_execute (= execute_word) and ssem_step (= T-next, through
# ssem_execute's contract): contracts, assigns, and every RTE guard.
# shellcheck disable=SC2086
"$FRAMAC" $COMMON -wp-rte -wp-fct ssem_execute,ssem_step "$SRC" >"$LOG" 2>&1 || status=1
# 2. the lemmas of proof/tnext.h (they are not attached to a function).
# shellcheck disable=SC2086
"$FRAMAC" $COMMON -wp-prop=@lemma "$SRC" >>"$LOG" 2>&1 || status=1

if [ "${VERBOSE:-0}" = 1 ]; then
    cat "$LOG"
else
    # what went wrong, if anything: unproved goals and errors
    grep -E '^\[wp\] \[[^]]*\] Goal .*: (Unknown|Timeout|Failed|Invalid)|^\[wp\] \[Failed\]|User Error|syntax error|aborted|^\[kernel.*[Ee]rror' "$LOG" \
        | grep -v ': Valid' || true
fi

# WP's summaries: "[wp] Proved goals:  105 / 105", one per run.
proved=0 total=0 runs=0
for pair in $(sed -n 's/^\[wp\] Proved goals: *\([0-9]*\) *\/ *\([0-9]*\).*/\1:\2/p' "$LOG"); do
    proved=$((proved + ${pair%%:*}))
    total=$((total + ${pair##*:}))
    runs=$((runs + 1))
done

echo "proof: $proved / $total goals proved ($SRC; provers $PROVERS, timeout ${TIMEOUT}s)"
if [ "$status" -ne 0 ] || [ "$runs" -ne 2 ] || [ "$total" -eq 0 ] || [ "$proved" -ne "$total" ]; then
    echo "proof: FAILED" >&2
    exit 1
fi
echo "proof: ssem_execute = execute_word, ssem_step = T-next, every goal proved"
