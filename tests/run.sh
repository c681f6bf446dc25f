#!/usr/bin/env bash
# tests/run.sh - checks that every tool the tests need is there (each
# missing one is a named failure), runs every test program given (unit
# tests, tests/pkg/*.sh), then every tests/cli/*.bats,
# then (with WEB_TESTS=1) the browser tests tests/web/*.test.mjs under
# `node --test`, and closes with one line "N passed, N failed" over all.
# Environment: SSEM (the command under test), BUILD (the build directory),
# WEB_TESTS (1: run the browser tests; a missing tool is a failure).
set -u
cd "$(dirname "$0")/.."
passed=0 failed=0

# Every tool a test below needs. A missing one is named and counted as a
# failure: make check never passes with tests skipped for want of a tool.
# ("make deps" installs them; the web tests check their own tools below.)
for need in "bats:bats:the CLI tests" "tmux:tmux:the panel tests" \
            "python3:python3:the Python binding's tests" \
            "pkg-config:pkg-config:the install test" "nm:binutils:the exported-symbols test" \
            "readelf:binutils:the install and symbols tests" "make:make:the install test"; do
    IFS=: read -r tool pkg why <<<"$need"
    if ! command -v "$tool" >/dev/null; then
        echo "make check: missing $tool (Debian: $pkg), needed by $why"
        failed=$((failed + 1))
    fi
done

# Sanitizer reports (ASan, LeakSanitizer, UBSan) go to files, one per process
# that reported: a report fails the run even when the test around it passed
# (a leak at exit, say, under a test that only checked the output). Without
# a sanitizer build nothing is ever written there.
san_dir=$(mktemp -d)
trap 'rm -rf "$san_dir"' EXIT
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$san_dir/asan"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$san_dir/ubsan:print_stacktrace=1"
for t in "$@"; do
    out=$("$t" 2>&1); rc=$?
    line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
    if [ -z "$line" ]; then
        printf '%s\n' "$out"; echo "$t: crashed or printed no summary (exit $rc)"
        failed=$((failed + 1)); continue
    fi
    p=${line%% passed*}; f=${line#*, }; f=${f%% failed}
    if [ "$rc" -ne 0 ] || [ "$f" -ne 0 ]; then printf '%s\n' "$out"; fi
    echo "$(basename "$t"): $line"
    passed=$((passed + p)); failed=$((failed + f))
    [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && failed=$((failed + 1))
done
shopt -s nullglob
bats_files=(tests/cli/*.bats)
if [ ${#bats_files[@]} -gt 0 ] && command -v bats >/dev/null; then
    export SSEM="$(realpath "${SSEM:-build/ssem}")"
    out=$(bats --tap "${bats_files[@]}" 2>&1)
    ok=$(printf '%s\n' "$out" | grep -cE '^ok ')
    nok=$(printf '%s\n' "$out" | grep -cE '^not ok ')
    # a skip is shown (it is about the machine, e.g. running as root, never
    # a missing tool: those fail) and counted apart from the passes
    skipped=$(printf '%s\n' "$out" | grep -cE '^ok .* # skip')
    printf '%s\n' "$out" | grep -vE '^ok ' || true
    printf '%s\n' "$out" | grep -E '^ok .* # skip' || true
    ok=$((ok - skipped))
    echo "bats: $ok passed, $nok failed$([ "$skipped" -gt 0 ] && echo ", $skipped skipped")"
    passed=$((passed + ok)); failed=$((failed + nok))
fi
if [ "${WEB_TESTS:-}" = 1 ]; then
    # the browser tests need node, Debian's chromium, playwright-core (npm ci)
    # and the built page; each missing one is named and counted as a failure
    missing=()
    command -v node >/dev/null || missing+=("node (Debian: nodejs)")
    [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=("chromium (Debian: chromium)")
    [ -d node_modules/playwright-core ] || missing+=("playwright-core (npm ci)")
    [ -f "${WEB_BUILD:-build-web}/index.html" ] || missing+=("the page (make web: Debian's emscripten)")
    if [ ${#missing[@]} -gt 0 ]; then
        for m in "${missing[@]}"; do echo "web: cannot run the browser tests: missing $m"; done
        echo "web: 'make deps' installs what is missing"
        failed=$((failed + ${#missing[@]}))
    else
        out=$(node --test --test-reporter=tap tests/web/ 2>&1); rc=$?
        p=$(printf '%s\n' "$out" | sed -n 's/^# pass \([0-9]*\)$/\1/p' | tail -n 1)
        f=$(printf '%s\n' "$out" | sed -n 's/^# fail \([0-9]*\)$/\1/p' | tail -n 1)
        if [ -z "$p" ] || [ -z "$f" ]; then
            printf '%s\n' "$out"; echo "web: node --test printed no # pass / # fail (exit $rc)"
            p=0 f=1
        elif [ "$rc" -ne 0 ] || [ "$f" -ne 0 ]; then
            printf '%s\n' "$out" | grep -vE '^ *(ok |# Subtest|duration_ms|\.\.\.|---|type:)' || true
            [ "$f" -eq 0 ] && f=1
        fi
        echo "web (node --test): $p passed, $f failed"
        passed=$((passed + p)); failed=$((failed + f))
    fi
fi
reports=("$san_dir"/*)
if [ ${#reports[@]} -gt 0 ]; then
    for r in "${reports[@]}"; do
        echo "sanitizer report ($(basename "$r")):"
        head -n 40 "$r"
    done
    echo "sanitizers: ${#reports[@]} report(s): FAILED"
    failed=$((failed + ${#reports[@]}))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
