#!/usr/bin/env bash
# tests/pkg/install.sh - `make install` into a temporary DESTDIR with a
# PREFIX of its own puts every file where it belongs; a small C program
# (tests/pkg/consumer.c) builds against the staged tree with pkg-config only,
# linked once with the shared library and once with the static one, and both
# run the installed first program to SPEC's result; `make uninstall` leaves
# nothing behind. Environment: BUILD, CC, SAN as for make check.
# Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
cc=${CC:-cc}
passed=0 failed=0
pass() { passed=$((passed + 1)); }
fail() { echo "install: FAIL: $*"; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@"; then pass; else fail "$what"; fi; }
for tool in make pkg-config readelf "$cc"; do
    command -v "$tool" >/dev/null || fail "missing $tool (Debian: make, pkg-config, binutils)"
done
[ "$failed" -eq 0 ] || { echo "$passed passed, $failed failed"; exit 1; }

version=$(sed -n 's/^#define SSEM_VERSION "\(.*\)"$/\1/p' include/ssem.h)
major=${version%%.*}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/stage
prefix=/opt/ssem-test
root=$dest$prefix
# A PREFIX of its own changes what the command has compiled in (where the
# examples are), so install from a copy of the build (timestamps kept: only
# that one file is rebuilt), never touching the build under test.
cp -a "$build" "$tmp/build"
mk() { make -s --no-print-directory BUILD="$tmp/build" CC="$cc" SAN="${SAN:-}" \
       DESTDIR="$dest" PREFIX="$prefix" "$@"; }

if ! out=$(mk install 2>&1); then
    printf '%s\n' "$out"; fail "make install failed"
    echo "$passed passed, $failed failed"; exit 1
fi
pass

# every kind of file, where the GNU layout under PREFIX puts it
for f in bin/ssem lib/libssem.a "lib/libssem.so.$version" include/ssem.h \
         lib/pkgconfig/ssem.pc share/man/man1/ssem.1 share/ssem/programs/first.lst \
         share/ssem/programs/README.md share/doc/ssem/README.md share/doc/ssem/formats.md \
         share/ssem/python/ssem.py; do
    check "not installed: $prefix/$f" test -f "$root/$f"
done
check "bin/ssem is not executable" test -x "$root/bin/ssem"
check "lib/libssem.so.$major does not link to libssem.so.$version" \
    test "$(readlink "$root/lib/libssem.so.$major")" = "libssem.so.$version"
check "lib/libssem.so does not link to libssem.so.$major" \
    test "$(readlink "$root/lib/libssem.so")" = "libssem.so.$major"
check "every file of programs/ is installed" \
    test "$(cd programs && find . -type f | wc -l)" -eq "$(cd "$root/share/ssem/programs" && find . -type f | wc -l)"
check "every link of programs/ is installed" \
    test "$(cd programs && find . -type l | wc -l)" -eq "$(cd "$root/share/ssem/programs" && find . -type l | wc -l)"
check "share/ssem/programs/first.lst is not the link to historic/first.lst" \
    test "$(readlink "$root/share/ssem/programs/first.lst")" = "historic/first.lst"
check "the historic programs are not installed" test -f "$root/share/ssem/programs/historic/hcf-nature.asm"
# the installed command finds the installed examples (here staged under
# DESTDIR, so shown it with SSEM_PROGRAMS): every program once, first too
ex=$(SSEM_PROGRAMS=$root/share/ssem/programs "$root/bin/ssem" examples 2>&1)
check "installed ssem examples: $ex" test "$(grep -c '^@first ' <<<"$ex")" -eq 1
check "installed ssem examples: no @hcf-nature: $ex" grep -q '^@hcf-nature ' <<<"$ex"
out=$(SSEM_PROGRAMS=$root/share/ssem/programs "$root/bin/ssem" run @hfr989 2>&1)
check "installed ssem run @hfr989: $out" grep -q '^20439 instructions' <<<"$out"
check "installed ssem --version" test "$("$root/bin/ssem" --version 2>&1)" = "ssem $version"

# pkg-config, pointed at the staged tree only (the sysroot prefixes its paths)
export PKG_CONFIG_LIBDIR=$root/lib/pkgconfig PKG_CONFIG_PATH= PKG_CONFIG_SYSROOT_DIR=$dest
check "pkg-config --modversion ssem" test "$(pkg-config --modversion ssem)" = "$version"
cflags=$(pkg-config --cflags ssem) libs=$(pkg-config --libs ssem) slibs=$(pkg-config --libs --static ssem)
check "pkg-config --cflags names the staged include dir: $cflags" \
    test "$(echo $cflags)" = "-I$root/include"
san=()
[ -n "${SAN:-}" ] && san=(-fsanitize=address,undefined)

# SPEC section 9: the first program halts after 2,097,154 instructions with
# 131072 (2^17, the highest proper factor of 2^18) in line 27, CI at its STP
# on line 13
want="halted 2097154 131072 13"
# shared: the executable needs libssem.so.MAJOR, found through the staged lib
if "$cc" "${san[@]}" -o "$tmp/dyn" tests/pkg/consumer.c $cflags $libs 2>"$tmp/err"; then
    pass
    check "the dynamic build does not need libssem.so.$major" \
        grep -q "NEEDED.*\[libssem.so.$major\]" <(readelf -d "$tmp/dyn")
    check "the dynamic build's output" \
        test "$(LD_LIBRARY_PATH=$root/lib "$tmp/dyn" "$root/share/ssem/programs/first.lst")" = "$want"
    check "the dynamic build runs against the staged library" \
        grep -q "$root/lib/libssem.so.$major" <(LD_LIBRARY_PATH=$root/lib ldd "$tmp/dyn")
else
    cat "$tmp/err"; fail "cannot build against the shared library: $cflags $libs"
fi
# static: libssem.a chosen by -Bstatic (libc stays shared, so the sanitizer
# runtime can still come first)
if "$cc" "${san[@]}" -o "$tmp/static" tests/pkg/consumer.c $cflags \
        -Wl,-Bstatic $slibs -Wl,-Bdynamic 2>"$tmp/err"; then
    pass
    check "the static build needs no libssem.so" \
        bash -c "! readelf -d '$tmp/static' | grep -q 'NEEDED.*libssem'"
    check "the static build's output" \
        test "$("$tmp/static" "$root/share/ssem/programs/first.lst")" = "$want"
else
    cat "$tmp/err"; fail "cannot build against the static library: $cflags $slibs"
fi

# the installed Python module finds the installed library by itself
# (PREFIX/share/ssem/python -> PREFIX/lib), with no SSEM_LIBRARY; it may
# write __pycache__ there, which uninstall removes too
if command -v python3 >/dev/null; then
    pre=()
    if [ -n "${SAN:-}" ]; then
        rt=$("$cc" -print-file-name=libclang_rt.asan-x86_64.so)
        [ -f "$rt" ] || rt=$("$cc" -print-file-name=libasan.so)
        pre=(env "LD_PRELOAD=$rt" ASAN_OPTIONS=detect_leaks=0)
    fi
    got=$(cd "$tmp" && env -u SSEM_LIBRARY -u PYTHONDONTWRITEBYTECODE PYTHONPATH="$root/share/ssem/python" "${pre[@]}" \
          python3 -c 'import ssem, os; m = ssem.Machine.from_file(os.sys.argv[1]); m.run()
print(os.path.realpath(ssem._lib._name), m.steps, m.store[27], m.ci)' \
          "$root/share/ssem/programs/first.lst" 2>&1)
    check "installed python module: $got" \
        test "$got" = "$root/lib/libssem.so.$version 2097154 131072 13"
else
    fail "missing python3 (Debian: python3)"
fi

# uninstall: not a file or link left, and ssem's own directories gone
if out=$(mk uninstall 2>&1); then pass; else printf '%s\n' "$out"; fail "make uninstall failed"; fi
left=$(find "$dest" ! -type d)
check "left after uninstall: $left" test -z "$left"
for d in share/ssem share/doc/ssem; do
    check "directory left after uninstall: $prefix/$d" test ! -e "$root/$d"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
