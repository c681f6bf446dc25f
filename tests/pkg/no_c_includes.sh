#!/usr/bin/env bash
# tests/pkg/no_c_includes.sh - no test and no part of the web page compiles
# the library's or the command's sources by #including their .c files
# (issue 11): they link libssem (build/libssem.a) and the command's private
# archive (build/libssem-cli.a), so what they test is what ships. A test
# that needs a variant of a library source (a broken engine, the portable
# dispatch) gets it as an object the Makefile compiles with -D options.
# Looks at every file under tests/ and web/ for `#include "X.c"` (or <X.c>)
# where X.c, resolved against the including file's directory and then
# against the include path (include/, src/, tools/), is a file under src/ or
# tools/. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
passed=0 failed=0
root=$(pwd -P)
offenders=""
checked=0
while IFS= read -r -d '' f; do
    checked=$((checked + 1))
    dir=$(dirname "$f")
    while IFS= read -r inc; do
        [ -n "$inc" ] || continue
        for base in "$dir" include src tools; do
            [ -f "$base/$inc" ] || continue
            real=$(realpath "$base/$inc")
            case "$real" in
            "$root"/src/*|"$root"/tools/*) offenders+="$f: #include \"$inc\" (${real#"$root"/})"$'\n' ;;
            esac
            break
        done
    done < <(sed -nE 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^">]*\.c)[">].*/\1/p' "$f")
done < <(find tests web -type f \( -name '*.c' -o -name '*.h' \) -not -path '*/node_modules/*' -print0)

# the search must see the files it is about (a broken find would pass)
if [ "$checked" -ge 20 ]; then passed=$((passed + 1)); else
    echo "no_c_includes: FAIL: only $checked C files found under tests/ and web/"; failed=$((failed + 1)); fi
if [ -z "$offenders" ]; then passed=$((passed + 1)); else
    echo "no_c_includes: FAIL: these compile a library or command source into themselves;"
    echo "  link libssem.a / libssem-cli.a instead (a variant: an object built by the Makefile):"
    printf '%s' "$offenders" | sed 's/^/  /'; failed=$((failed + 1)); fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
