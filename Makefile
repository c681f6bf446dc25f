# ssem - the Manchester Baby as a virtual machine.
#
#   make                 library (build/libssem.a) and the command (build/ssem)
#   make check           every test: unit tests, golden programs, corpus, CLI (bats),
#                        the unit tests in wasm, `ssem verify` of the wasm engine by
#                        the command in wasm, and the browser tests (WEB_TESTS=)
#   make deps            install what the tests need (Debian packages, npm ci)
#   make web             the web page in build-web/ (web/web.mk, docs/web.md)
#   make web-cli         the command in wasm for Node: build-web/ssem (docs/web.md)
#   make check SAN=1     the same under AddressSanitizer + UBSan (build-san/)
#   make CC=clang WERROR=1   what CI builds
#   make fuzz            libFuzzer harnesses (clang) in build-fuzz/
#   make install         the command, both libraries, header, ssem.pc, man page,
#                        examples, docs and python/ssem.py under PREFIX
#                        (/usr/local), staged under DESTDIR if given;
#                        make uninstall removes exactly those
#
# Sources are found by wildcard: a new src/*.c joins the library, a new
# tests/unit/*.c becomes a test program, a new tests/cli/*.bats a CLI test.

CC      ?= cc
SAN     ?=
WERROR  ?=
BUILD   ?= $(if $(SAN),build-san,build)

WARN    := -Wall -Wextra -Wshadow -Wconversion -Wstrict-prototypes -Wmissing-prototypes
CFLAGS  ?= -O2 -g
ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(if $(WERROR),-Werror) \
              -Iinclude -Isrc $(CFLAGS)
ifneq ($(SAN),)
ALL_CFLAGS += -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS    += -fsanitize=address,undefined
endif

# the library is built once, position-independent, into both libssem.a and
# libssem.so; only what include/ssem.h marks SSEM_API is exported from the
# shared one (tests/pkg/symbols.sh checks it). The real name carries the
# full version from the header, the SONAME only the major: a new major is a
# new ABI.
VERSION  := $(shell sed -n 's/^\#define SSEM_VERSION "\(.*\)"$$/\1/p' include/ssem.h)
SOMAJOR  := $(firstword $(subst ., ,$(VERSION)))
SONAME   := libssem.so.$(SOMAJOR)
SOREAL   := libssem.so.$(VERSION)
LIB_CFLAGS := -fPIC -fvisibility=hidden
# -z defs: the shared library needs nothing beyond libc (not under the
# sanitizers, whose runtime the executable brings)
SO_LDFLAGS := -shared -Wl,-soname,$(SONAME) $(if $(SAN),,-Wl,-z,defs)
# header dependencies: every compile writes a .d file next to its output
# (-MMD), with an empty rule per header (-MP) so that a deleted header does
# not stop the build; they are included at the end of this file
DEPFLAGS := -MMD -MP

LIB_SRC   := $(sort $(wildcard src/*.c))
LIB_OBJ   := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
TOOL_SRC  := $(sort $(wildcard tools/*.c))
TOOL_OBJ  := $(TOOL_SRC:tools/%.c=$(BUILD)/obj/tools/%.o)
# the command's own units (everything in tools/ but main, tools/ssem.c) go
# into a private archive, never installed: the command links it, and so do
# the unit tests of those units (values, picture, cli, ...), with the
# headers in tools/, instead of #including their .c files
CLI_OBJ   := $(filter-out $(BUILD)/obj/tools/ssem.o,$(TOOL_OBJ))
CLI_LIB   := $(BUILD)/libssem-cli.a
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC  := $(sort $(wildcard tests/fuzz/fuzz_*.c))

.PHONY: all check unit cli clean fuzz bench prove prove-mutants deps install uninstall
all: $(BUILD)/libssem.a $(BUILD)/$(SOREAL) $(BUILD)/ssem

# the web page (docs/web.md): make web, make web-check; its tests (the
# library's unit tests in wasm, the browser tests) are part of make check,
# except under SAN=1 (they do not use the sanitized build) or WEB_TESTS=
include web/web.mk
WEB_TESTS ?= $(if $(SAN),,1)

# capstone (Debian's libcapstone-dev) disassembles the host code of `ssem run
# --log=blocks`; without it the command builds and says that feature is off.
# CAPSTONE=no builds without it even when it is installed.
CAPSTONE ?= $(shell pkg-config --exists capstone 2>/dev/null && echo yes)
ifeq ($(CAPSTONE),yes)
TOOL_CFLAGS := -DSSEM_HAVE_CAPSTONE
CAPSTONE_LIBS := $(shell pkg-config --libs capstone)
endif
$(BUILD)/obj/%.o: src/%.c | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) $(LIB_CFLAGS) $(DEPFLAGS) -c $< -o $@
$(BUILD)/obj/tools/%.o: tools/%.c | $(BUILD)/obj/tools
	$(CC) $(ALL_CFLAGS) $(TOOL_CFLAGS) $(DEPFLAGS) -c $< -o $@
$(BUILD)/libssem.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^
$(BUILD)/$(SOREAL): $(LIB_OBJ)
	$(CC) $(SO_LDFLAGS) $(LDFLAGS) -o $@ $^
	ln -sf $(SOREAL) $(BUILD)/$(SONAME)
	ln -sf $(SONAME) $(BUILD)/libssem.so
# the command draws the panel with ncurses and writes PNGs with libpng; the
# library itself needs only libc
TOOL_LIBS := -lncursesw -lpng -lm
# `ssem debug` edits lines and keeps a history with Debian's libedit when it
# is there (libedit-dev); without it lines are read as typed, so that the
# first `make` on a fresh machine works before `make deps`
HAVE_LIBEDIT := $(shell pkg-config --exists libedit 2>/dev/null && echo 1)
ifeq ($(HAVE_LIBEDIT),1)
TOOL_LIBS += -ledit
else
$(BUILD)/obj/tools/cmd_debug.o: ALL_CFLAGS += -DSSEM_NO_EDITLINE
endif
# `ssem url --qr` draws QR codes with Debian's libqrencode when it is there
# (libqrencode-dev); without it the command says so at run time.
# QRENCODE=no builds without it even when it is installed (as CAPSTONE=no).
QRENCODE ?= $(shell pkg-config --exists libqrencode 2>/dev/null && echo yes)
HAVE_QRENCODE := $(if $(filter yes,$(QRENCODE)),1)
ifeq ($(HAVE_QRENCODE),1)
TOOL_LIBS += -lqrencode
$(BUILD)/obj/tools/cmd_url.o: ALL_CFLAGS += -DSSEM_HAVE_QRENCODE
endif
$(CLI_LIB): $(CLI_OBJ)
	rm -f $@ && ar rcs $@ $^
$(BUILD)/ssem: $(BUILD)/obj/tools/ssem.o $(CLI_LIB) $(BUILD)/libssem.a
	$(CC) $(LDFLAGS) -o $@ $(BUILD)/obj/tools/ssem.o $(CLI_LIB) $(BUILD)/libssem.a $(TOOL_LIBS) $(CAPSTONE_LIBS)
# a unit test links the command's archive (it takes only the members it
# uses) and the library; tools/ first, as the command's units see their own
# headers (tools/text.h, not src/text.h); tests/pkg/no_c_includes.sh checks that no test
# #includes a .c file of tools/ or src/
$(BUILD)/tests/%: tests/unit/%.c $(CLI_LIB) $(BUILD)/libssem.a | $(BUILD)/tests
	$(CC) -Itools $(ALL_CFLAGS) -Itests/unit $(DEPFLAGS) $(LDFLAGS) $(TEST_LDFLAGS) -o $@ $< \
	  $(filter %.o,$^) $(CLI_LIB) $(BUILD)/libssem.a $(TOOL_LIBS) $(CAPSTONE_LIBS)
# Variants of library sources, for the tests that need one, compiled here
# with -D options and linked ahead of the library (whose own object for
# that source is then not taken from the archive): the fast engine's
# portable dispatch, and the engine registry with a test's broken engine
# (ssem_test_extra_engine_ops, defined by the test).
$(BUILD)/tests/variant/engine_fast_portable.o: src/engine_fast.c | $(BUILD)/tests/variant
	$(CC) $(ALL_CFLAGS) -DSSEM_PORTABLE_DISPATCH=1 $(DEPFLAGS) -c $< -o $@
$(BUILD)/tests/variant/engine_extra.o: src/engine.c | $(BUILD)/tests/variant
	$(CC) $(ALL_CFLAGS) -DSSEM_TEST_EXTRA_ENGINE=ssem_test_extra_engine_ops $(DEPFLAGS) -c $< -o $@
$(BUILD)/tests/test_fast_portable: $(BUILD)/tests/variant/engine_fast_portable.o
$(BUILD)/tests/test_verify: $(BUILD)/tests/variant/engine_extra.o
# test_cli_input makes tools/cli.c's allocations fail on demand: the linker
# sends cli.o's calls to malloc and realloc to the test's __wrap_ versions
$(BUILD)/tests/test_cli_input: TEST_LDFLAGS := -Wl,--wrap=malloc -Wl,--wrap=realloc
$(BUILD)/obj $(BUILD)/obj/tools $(BUILD)/tests $(BUILD)/tests/variant:
	mkdir -p $@

unit: $(UNIT_BIN)
# the packaging tests (tests/pkg): exported symbols, install + pkg-config,
# header dependencies, the Python binding; each prints "N passed, N failed"
PKG_TESTS := $(sort $(wildcard tests/pkg/*.sh))
check: all $(UNIT_BIN) $(BUILD)/bench $(if $(WEB_TESTS),web $(WEB_UNIT_BIN) $(WEB)/ssem)
	@SSEM=$(BUILD)/ssem BUILD=$(BUILD) SAN=$(SAN) CC=$(CC) WEB_TESTS=$(WEB_TESTS) \
	  bash tests/run.sh $(UNIT_BIN) $(PKG_TESTS) $(if $(WEB_TESTS),$(WEB_UNIT_BIN) $(WEB_CLI_TEST))

# what the tests need on a fresh Debian machine (Debian packages, and
# playwright-core from npm for the browser tests): installs what is missing
deps:
	@bash .ci/deps.sh

# libFuzzer harnesses: one binary per tests/fuzz/fuzz_*.c
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/%)
fuzz: $(FUZZ_BIN)
build-fuzz/%: tests/fuzz/%.c $(LIB_SRC) include/ssem.h src/internal.h
	@mkdir -p build-fuzz
	clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -Iinclude -Isrc \
	  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -o $@ $< $(LIB_SRC) -lm
# (a fuzzer is built from every library source at once, so any header
# change rebuilds it through the list above: no .d files needed)
# fuzz_labels: the command's parser of the debugger's labels line, linked in
build-fuzz/fuzz_labels: tests/fuzz/fuzz_labels.c tools/labels.c tools/labels.h $(LIB_SRC) \
  include/ssem.h src/internal.h
	@mkdir -p build-fuzz
	clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -Iinclude -Isrc -Itools \
	  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -o $@ $< tools/labels.c \
	  $(LIB_SRC) -lm

# the benchmark driver (figures, not tests): `make bench`, or BENCH_ARGS=--quick
$(BUILD)/bench: bench/bench.c $(BUILD)/libssem.a
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libssem.a -lm
# then the engines in wasm under Node and the page in chromium (web/web.mk)
bench: $(BUILD)/ssem $(BUILD)/bench
	$(BUILD)/bench $(BENCH_ARGS) $(BUILD)/ssem
	@$(MAKE) --no-print-directory bench-web BENCH_ARGS="$(BENCH_ARGS)"

clean:
	rm -rf build build-san build-fuzz build-*

# the proof (docs/verification.md): Frama-C WP proves that the reference step
# ssem_step is T-next (proof/tnext.h), with no run-time errors. Needs Debian's
# frama-c-base, why3 and cvc4 (proof/ci.sh installs them).
prove:
	sh proof/prove.sh
# the proof has teeth: deliberate bugs in a copy of the step must fail it
prove-mutants:
	sh proof/mutants.sh

# --- installing --------------------------------------------------------------
# GNU's directory variables, all under PREFIX; DESTDIR stages the whole tree
# (packagers, and tests/pkg/install.sh). DATADIR/programs is where the
# command's `ssem examples` and @NAME look when installed. ssem.pc is made
# from ssem.pc.in with these paths at install time. Give the same PREFIX to
# `make` and `make install`.
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
MANDIR     ?= $(PREFIX)/share/man
DATADIR    ?= $(PREFIX)/share/ssem
DOCDIR     ?= $(PREFIX)/share/doc/ssem
PYTHONDIR  ?= $(DATADIR)/python
# where `ssem examples` and @NAME find the example programs: the installed
# copy (DATADIR/programs), or this source tree's programs/ for an ssem run
# from its build tree (tools/examples.c)
$(BUILD)/obj/tools/examples.o: ALL_CFLAGS += -DSSEM_DATADIR='"$(DATADIR)"' -DSSEM_SRCDIR='"$(CURDIR)"'
# (rebuilt when DATADIR changes, so that `make install PREFIX=...` installs
# an ssem that looks in the right place)
# The stamp is brought up to date when the Makefile is read, not by a
# recipe: a stamp with a recipe that always runs would make `make -q` (and so
# tests/pkg/deps.sh) see every build as out of date.
DATADIR_STAMP := $(BUILD)/datadir
$(shell mkdir -p $(BUILD) && { echo '$(DATADIR)' | cmp -s - $(DATADIR_STAMP) || echo '$(DATADIR)' >$(DATADIR_STAMP); })
$(BUILD)/obj/tools/examples.o: $(DATADIR_STAMP)

# what is installed besides the libraries: examples (every file under
# programs/, subdirectories kept, and its symbolic links as links:
# programs/first.lst is historic/first.lst under its old name) and docs
INSTALL_PROGRAMS := $(sort $(shell find programs -type f 2>/dev/null))
INSTALL_LINKS    := $(sort $(shell find programs -type l 2>/dev/null))
INSTALL_DOCS     := README.md $(sort $(wildcard docs/*.md))

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
	  $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR) \
	  $(DESTDIR)$(DOCDIR) $(DESTDIR)$(PYTHONDIR)
	install -m 755 $(BUILD)/ssem $(DESTDIR)$(BINDIR)/ssem
	install -m 644 $(BUILD)/libssem.a $(DESTDIR)$(LIBDIR)/libssem.a
	install -m 755 $(BUILD)/$(SOREAL) $(DESTDIR)$(LIBDIR)/$(SOREAL)
	ln -sf $(SOREAL) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libssem.so
	install -m 644 include/ssem.h $(DESTDIR)$(INCLUDEDIR)/ssem.h
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|g' -e 's|@VERSION@|$(VERSION)|g' \
	    ssem.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/ssem.pc
	install -m 644 docs/ssem.1 $(DESTDIR)$(MANDIR)/man1/ssem.1
	for f in $(INSTALL_PROGRAMS); do \
	  install -D -m 644 "$$f" "$(DESTDIR)$(DATADIR)/$$f" || exit 1; done
	for f in $(INSTALL_LINKS); do \
	  ln -sfn "$$(readlink "$$f")" "$(DESTDIR)$(DATADIR)/$$f" || exit 1; done
	install -m 644 $(INSTALL_DOCS) $(DESTDIR)$(DOCDIR)
	$(if $(wildcard python/ssem.py),install -m 644 python/ssem.py $(DESTDIR)$(PYTHONDIR)/ssem.py)

# removes what install put there, then the directories that are ssem's own
# (never bin/, lib/ and the like, which others share)
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/ssem $(DESTDIR)$(LIBDIR)/libssem.a \
	  $(DESTDIR)$(LIBDIR)/$(SOREAL) $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libssem.so \
	  $(DESTDIR)$(INCLUDEDIR)/ssem.h $(DESTDIR)$(PKGCONFIGDIR)/ssem.pc \
	  $(DESTDIR)$(MANDIR)/man1/ssem.1 $(DESTDIR)$(PYTHONDIR)/ssem.py
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/,$(INSTALL_PROGRAMS) $(INSTALL_LINKS))
	rm -f $(addprefix $(DESTDIR)$(DOCDIR)/,$(notdir $(INSTALL_DOCS)))
	rm -f $(DESTDIR)$(PYTHONDIR)/__pycache__/ssem.*.pyc
	-rmdir $(DESTDIR)$(PYTHONDIR)/__pycache__ $(DESTDIR)$(PYTHONDIR) $(DESTDIR)$(DOCDIR) 2>/dev/null
	-cd $(DESTDIR)$(DATADIR) 2>/dev/null && find programs -depth -type d -empty -delete 2>/dev/null
	-rmdir $(DESTDIR)$(DATADIR) 2>/dev/null

# The compiler and flags a build tree was made with, as DATADIR_STAMP keeps
# DATADIR: when they change, every object and test in it is rebuilt, instead
# of mixing the two (make check SAN=1 after make check SAN=1 CC=gcc reused
# gcc's objects in build-san/ with clang's sanitizer runtime, and
# tests/pkg/install.sh failed: "incompatible ASan runtimes").
COMPILER_STAMP := $(BUILD)/compiler
COMPILER_LINE  := $(CC) $(ALL_CFLAGS) $(LIB_CFLAGS) $(LDFLAGS)
$(shell mkdir -p $(BUILD) && { echo '$(COMPILER_LINE)' | cmp -s - $(COMPILER_STAMP) || echo '$(COMPILER_LINE)' >$(COMPILER_STAMP); })
$(LIB_OBJ) $(TOOL_OBJ) $(UNIT_BIN) $(wildcard $(BUILD)/tests/variant/*.o): $(COMPILER_STAMP)

# header dependencies written by -MMD (see DEPFLAGS)
-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/obj/tools/*.d $(BUILD)/tests/*.d $(BUILD)/tests/variant/*.d $(BUILD)/*.d)
