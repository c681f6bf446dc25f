#!/bin/sh
# proof/mutants.sh - does the proof have teeth? (`make prove-mutants`)
#
# Applies small deliberate bugs, one at a time, to a COPY of src/machine.c
# (in a temporary directory; the real file is never touched), checks that the
# copy still compiles, and runs proof/prove.sh on it. A mutant is "caught"
# when the proof fails. The unmutated copy is proved first with the same
# settings (the control), so that a failure means the bug and not the
# settings. Exits non-zero if the control fails or any mutant is not caught.
#
# Environment: TIMEOUT per goal (default 60 s, as make prove: with
# ssem_execute split out, 20 s let the unmutated control time out on a
# loaded machine), PROVERS, JOBS, CC (default cc), as for proof/prove.sh.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/.." && pwd)
export TIMEOUT=${TIMEOUT:-60}
CC=${CC:-cc}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ssem-mutants.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM

# mutate NAME DESCRIPTION OLD NEW: the copy with the first OLD replaced by NEW
# (python3 for exact, multi-line replacement). Fails if OLD is not there.
mutate() {
    mkdir -p "$WORK/$1"
    python3 - "$TOP/src/machine.c" "$WORK/$1/machine.c" "$3" "$4" <<'PY'
import sys
src, dst, old, new = sys.argv[1:5]
text = open(src).read()
if old not in text:
    sys.exit("mutation does not apply: %r not in %s" % (old, src))
open(dst, "w").write(text.replace(old, new, 1))
PY
}

caught=0 missed=0 broken=0
run() { # NAME DESCRIPTION
    name=$1 desc=$2 file=$WORK/$1/machine.c
    printf '\n== mutant %s: %s\n' "$name" "$desc"
    diff -u "$TOP/src/machine.c" "$file" | sed -n '/^[-+][^-+]/p'
    if ! $CC -std=c11 -fsyntax-only -I"$TOP/include" -I"$TOP/src" "$file" 2>"$WORK/$name/cc.log"; then
        echo "mutant $name: BROKEN (does not compile; fix the mutation)"; cat "$WORK/$name/cc.log"
        broken=$((broken + 1)); return
    fi
    if sh "$HERE/prove.sh" "$file" >"$WORK/$name/prove.log" 2>&1; then
        echo "mutant $name: NOT caught (the proof still passes)"
        missed=$((missed + 1))
    else
        sed -n 's/^\[wp\] \[[^]]*\] Goal typed_\([^ ]*\) : \([A-Za-z]*\).*/  unproved: \1 (\2)/p' "$WORK/$name/prove.log" | head -5
        grep '^proof: [0-9]' "$WORK/$name/prove.log" | sed 's/^/  /'
        echo "mutant $name: caught"
        caught=$((caught + 1))
    fi
}

echo "== control: the unmutated step, same settings (timeout ${TIMEOUT}s)"
mkdir -p "$WORK/control" && cp "$TOP/src/machine.c" "$WORK/control/machine.c"
if ! sh "$HERE/prove.sh" "$WORK/control/machine.c"; then
    echo "control: the unmutated step does not prove with these settings; mutants would mean nothing" >&2
    exit 1
fi

mutate mask63 "operand line = PI & 63 (a 6-bit line)" \
    'uint32_t n = word % 32u;' 'uint32_t n = word & 63u;'
run mask63 "operand line = PI & 63 (a 6-bit line)"

mutate mask1fff "operand line = PI & 0x1FFF (the lecture's mask)" \
    'uint32_t n = word % 32u;' 'uint32_t n = word & 0x1FFFu;'
run mask1fff "operand line = PI & 0x1FFF (the lecture's mask)"

mutate no-f5 "function 5 not decoded as SUB (does nothing)" \
    '    case 5: /* (function 5 is decoded as SUB too) */
' ''
run no-f5 "function 5 not decoded as SUB (does nothing)"

mutate ci-late "CI incremented after the fetch" \
    '    m->ci += 1u;

    /* 2.' '    /* 2.'
python3 - "$WORK/ci-late/machine.c" <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
old = "    uint32_t c = m->ci, word = m->store[c % 32u];\n"
assert old in s
open(p, "w").write(s.replace(old, old + "    m->ci += 1u;\n", 1))
PY
run ci-late "CI incremented after the fetch"

mutate signed-sub "SUB done in signed arithmetic (int32_t)" \
    'm->a -= s;' 'm->a = (uint32_t)((int32_t)m->a - (int32_t)s);'
run signed-sub "SUB done in signed arithmetic (int32_t)"

mutate cmp-off "CMP skips when A > 0x80000000 (misses A = -2^31)" \
    'if (m->a >= 0x80000000u)' 'if (m->a > 0x80000000u)'
run cmp-off "CMP skips when A > 0x80000000 (misses A = -2^31)"

mutate fault-2bits "fetch check looks at bits 13-14 only" \
    'm->ci / 8192u % 8u != 0u' 'm->ci / 8192u % 4u != 0u'
run fault-2bits "fetch check looks at bits 13-14 only"

mutate stp-moves "STP leaves CI on the next line" \
    '        m->lamp = true;
        return SSEM_HALTED;' '        m->lamp = true;
        m->ci += 1u;
        return SSEM_HALTED;'
run stp-moves "STP leaves CI on the next line"

mutate exec-pi "ssem_execute records the operand's line as PI, not the word obeyed" \
    'm->pi = word;' 'm->pi = m->store[n];'
run exec-pi "ssem_execute records the operand's line as PI, not the word obeyed"

total=$((caught + missed + broken))
printf '\nmutants: %d caught, %d not caught, %d broken, of %d\n' "$caught" "$missed" "$broken" "$total"
[ "$missed" -eq 0 ] && [ "$broken" -eq 0 ]
