# web/web.mk - the Baby in a web page (docs/web.md), included by the Makefile.
#
#   make web         the page in build-web/: index.html, app.js, style.css,
#                    examples.js and ssem.js (the library in wasm, embedded in
#                    the script so that file:// works: no fetch of a .wasm)
#   make web-cli     the ssem command itself in wasm, for Node: build-web/ssem
#   make web-check   the library's unit tests compiled to wasm and run under
#                    Node, `ssem verify` (wasm against ref) by the wasm
#                    command (tests/wasm/verify.sh), then the browser tests (tests/web, node --test,
#                    Debian's chromium driven by playwright-core)
#
# Toolchain: Debian's emscripten (emcc). Emscripten 3.1.6 finds its JS
# helpers (acorn) only with NODE_PATH=/usr/share/nodejs. No emscripten
# "ports" are used: they download sources, and the build must not need the
# network. Other targets built on the same objects (a second wasm module, a
# translator engine) add themselves here and reuse WEB_LIB.

EMCC      ?= emcc
EMAR      ?= emar
WEB       ?= build-web
export NODE_PATH ?= /usr/share/nodejs

WEB_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(if $(WERROR),-Werror) \
              -Iinclude -Isrc -Iweb -O2
# the page needs only the library: its panel, history and pacing are
# libssem's (ssem_panel_*, ssem_history_*, ssem_pace_*)
WEB_LIB_OBJ  := $(LIB_SRC:src/%.c=$(WEB)/obj/%.o)
WEB_LIB      := $(WEB)/libssem-wasm.a
WEB_CLI_LIB  := $(WEB)/libssem-cli.a # the wasm command's units but main (below)
WEB_HDRS     := web/ssem_web.h include/ssem.h src/internal.h $(wildcard src/*.h)

# what the page calls: everything marked EMSCRIPTEN_KEEPALIVE in the shim,
# plus malloc/free for passing strings
WEB_LDFLAGS := -O2 -sMODULARIZE=1 -sEXPORT_NAME=createSsem -sSINGLE_FILE=1 \
               -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=web,node \
               -sEXPORTED_FUNCTIONS=_malloc,_free \
               -sEXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString,stringToUTF8,lengthBytesUTF8

WEB_PAGE := $(WEB)/index.html $(WEB)/app.js $(WEB)/style.css $(WEB)/examples.js $(WEB)/ssem.js

.PHONY: web web-unit web-cli web-check web-browser bench-web web-verify-random
web: $(WEB_PAGE)

$(WEB)/obj/%.o: src/%.c $(WEB_HDRS) | $(WEB)/obj
	$(EMCC) $(WEB_CFLAGS) -c $< -o $@
$(WEB)/obj/web/%.o: web/%.c $(WEB_HDRS) | $(WEB)/obj/web
	$(EMCC) $(WEB_CFLAGS) -c $< -o $@
$(WEB_LIB): $(WEB_LIB_OBJ)
	rm -f $@ && $(EMAR) rcs $@ $^
$(WEB)/obj $(WEB)/obj/web $(WEB)/tests:
	mkdir -p $@

$(WEB)/ssem.js: $(WEB)/obj/web/ssem_web.o $(WEB_LIB)
	$(EMCC) $(WEB_LDFLAGS) -o $@ $^
$(WEB)/%.html: web/%.html | $(WEB)/obj/web
	cp $< $@
$(WEB)/%.js: web/%.js | $(WEB)/obj/web
	cp $< $@
$(WEB)/%.css: web/%.css | $(WEB)/obj/web
	cp $< $@
# the examples menu: every program in programs/ and programs/historic/,
# found when the page is built (every file under programs/ but the .expect
# files and READMEs: whatever format, ssem detects it when the page loads
# it; a link, programs/first.lst, names the program it points to)
WEB_EXAMPLES := $(sort $(shell find programs \( -type f -o -type l \) ! -name '*.expect' ! -name '*.md'))
$(WEB)/examples.js: web/examples.mjs $(WEB_EXAMPLES) | $(WEB)/obj/web
	node web/examples.mjs $(WEB_EXAMPLES) > $@.tmp && mv $@.tmp $@

# The library's unit tests in wasm, run under Node by tests/run.sh like the
# native ones (each gets a small wrapper script that runs node on it).
# test_picture is left out: it tests tools/picture.c against libpng, which
# has no Debian build for wasm (emscripten's port downloads it); and
# test_cli_input, which tests the command's reading of files (tools/cli.c)
# with standard error redirected by dup2, which NODERAWFS does not give.
WEB_UNIT_SKIP := test_picture test_cli_input
WEB_UNIT_SRC  := $(filter-out $(WEB_UNIT_SKIP:%=tests/unit/%.c),$(UNIT_SRC))
WEB_UNIT_BIN  := $(WEB_UNIT_SRC:tests/unit/%.c=$(WEB)/tests/wasm_%)
# NODERAWFS: the tests read programs/ and ../shared/corpus from the real
# file system; test_history keeps 180 MB of arrays, hence the initial memory
WEB_TEST_LDFLAGS := -O2 -sNODERAWFS=1 -sEXIT_RUNTIME=1 -sALLOW_MEMORY_GROWTH=1 \
                    -sINITIAL_MEMORY=256MB -sWASM_ASYNC_COMPILATION=0 -sENVIRONMENT=node
# as natively, a test links the command's units from an archive (the wasm
# command's objects but main) and the library
$(WEB)/tests/wasm_%: tests/unit/%.c $(wildcard tests/unit/*.h tools/*.h) $(WEB_CLI_LIB) $(WEB_LIB) \
                     | $(WEB)/tests
	$(EMCC) -Itools $(WEB_CFLAGS) -Itests/unit $(WEB_TEST_LDFLAGS) -o $@.js $< $(filter %.o,$^) \
	  $(WEB_CLI_LIB) $(WEB_LIB)
	printf '#!/bin/sh\n# %s in wasm, under Node\nexec node "$$(dirname "$$0")/%s.js" "$$@"\n' \
	  $* $(@F) > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@
web-unit: $(WEB_UNIT_BIN)
# variants of library sources for the tests that need one, as natively
# (Makefile): linked ahead of the library; test_wasm_verify's extra engine
# is the wasm translator built broken (SSEM_WASM_MUTANT)
$(WEB)/tests/variant/engine_fast_portable.o: src/engine_fast.c $(WEB_HDRS) | $(WEB)/tests/variant
	$(EMCC) $(WEB_CFLAGS) -DSSEM_PORTABLE_DISPATCH=1 -c $< -o $@
$(WEB)/tests/variant/engine_extra.o: src/engine.c $(WEB_HDRS) | $(WEB)/tests/variant
	$(EMCC) $(WEB_CFLAGS) -DSSEM_TEST_EXTRA_ENGINE=ssem_test_extra_engine_ops -c $< -o $@
$(WEB)/tests/variant/engine_wasm_mutant.o: src/engine_wasm.c $(WEB_HDRS) | $(WEB)/tests/variant
	$(EMCC) $(WEB_CFLAGS) -DSSEM_WASM_MUTANT=1 -Dssem_engine_wasm_ops=ssem_test_extra_engine_ops \
	  -c $< -o $@
$(WEB)/tests/variant:
	mkdir -p $@
$(WEB)/tests/wasm_test_fast_portable: $(WEB)/tests/variant/engine_fast_portable.o
$(WEB)/tests/wasm_test_verify: $(WEB)/tests/variant/engine_extra.o
$(WEB)/tests/wasm_test_wasm_verify: $(WEB)/tests/variant/engine_extra.o \
                                    $(WEB)/tests/variant/engine_wasm_mutant.o

# The benchmark driver (bench/bench.c) in wasm, under Node: the engines of
# the wasm build side by side (docs/performance.md); then the page's own
# figures in chromium (bench/web.mjs): page load to ready, and the first
# program's run to the lamp, per engine. Figures, not tests; `make bench`
# runs this after the native figures.
$(WEB)/bench.js: bench/bench.c $(WEB_LIB) | $(WEB)/tests
	$(EMCC) $(WEB_CFLAGS) $(WEB_TEST_LDFLAGS) -o $@ $< $(WEB_LIB)
bench-web: $(WEB)/bench.js web
	@echo "== the engines in wasm (V8, Node $$(node --version))"
	node $(WEB)/bench.js $(BENCH_ARGS)
	@echo "== the page in chromium: the first program flat out to the lamp"
	node bench/web.mjs $(BENCH_ARGS)

# The seeded random differential run of the wasm engine under Node (issue 9):
# ref against wasm on random stores for SECONDS (default 60) from SEED.
SECONDS ?= 60
SEED ?= 1
$(WEB)/verify_random.js: web/verify_random.c $(WEB_LIB) | $(WEB)/tests
	$(EMCC) $(WEB_CFLAGS) $(WEB_TEST_LDFLAGS) -o $@ $< $(WEB_LIB)
web-verify-random: $(WEB)/verify_random.js
	node $(WEB)/verify_random.js $(SECONDS) $(SEED)

# The command itself in wasm, under Node (issue 9): build-web/ssem is a small
# sh wrapper running node on build-web/ssem.js, the same tools/ sources as the
# native command. What has no wasm build is left out, and says so when asked
# for (exit 2): the ncurses panel (SSEM_NO_CURSES) and `show --png`
# (SSEM_NO_PNG); `debug` reads its commands without libedit's line editing
# (SSEM_NO_EDITLINE); capstone and qrencode are simply not detected here.
# NODERAWFS: it reads and writes the real file system, like the native one.
WEB_CLI_OBJ := $(TOOL_SRC:tools/%.c=$(WEB)/obj/cli/%.o)
WEB_CLI_LDFLAGS := -O2 -sNODERAWFS=1 -sEXIT_RUNTIME=1 -sALLOW_MEMORY_GROWTH=1 \
                   -sWASM_ASYNC_COMPILATION=0 -sENVIRONMENT=node
$(WEB)/obj/cli/%.o: tools/%.c $(WEB_HDRS) $(wildcard tools/*.h) | $(WEB)/obj/cli
	$(EMCC) $(WEB_CFLAGS) -DSSEM_NO_CURSES -DSSEM_NO_PNG -DSSEM_NO_EDITLINE -DSSEM_SRCDIR='"$(CURDIR)"' -c $< -o $@
$(WEB)/obj/cli:
	mkdir -p $@
$(WEB_CLI_LIB): $(filter-out $(WEB)/obj/cli/ssem.o,$(WEB_CLI_OBJ))
	rm -f $@ && $(EMAR) rcs $@ $^
$(WEB)/ssem.cli.js: $(WEB_CLI_OBJ) $(WEB_LIB)
	$(EMCC) $(WEB_CLI_LDFLAGS) -o $@ $(WEB_CLI_OBJ) $(WEB_LIB) -lm
$(WEB)/ssem: $(WEB)/ssem.cli.js
	printf '#!/bin/sh\n# the ssem command in wasm, under Node (web/web.mk)\nexec node "$$(dirname "$$0")/ssem.cli.js" "$$@"\n' \
	  > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@
web-cli: $(WEB)/ssem
# its test (make check, make web-check): verify, wasm against ref, under Node
WEB_CLI_TEST := tests/wasm/verify.sh

# Browser tests alone (make check runs them with everything else).
web-browser: web
	node --test tests/web/
web-check: web web-unit web-cli
	@WEB_TESTS=1 bash tests/run.sh $(WEB_UNIT_BIN) $(WEB_CLI_TEST)
