# ssem - the Manchester Baby as a virtual machine.
#
#   make                 library (build/libssem.a) and the command (build/ssem)
#   make check           every test: unit tests, golden programs, corpus, CLI (bats),
#                        the unit tests in wasm and the browser tests (WEB_TESTS=)
#   make deps            install what the tests need (Debian packages, npm ci)
#   make web             the web page in build-web/ (web/web.mk, docs/web.md)
#   make check SAN=1     the same under AddressSanitizer + UBSan (build-san/)
#   make CC=clang WERROR=1   what CI builds
#   make fuzz            libFuzzer harnesses (clang) in build-fuzz/
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

LIB_SRC   := $(sort $(wildcard src/*.c))
LIB_OBJ   := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
TOOL_SRC  := $(sort $(wildcard tools/*.c))
TOOL_OBJ  := $(TOOL_SRC:tools/%.c=$(BUILD)/obj/tools/%.o)
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC  := $(sort $(wildcard tests/fuzz/fuzz_*.c))

.PHONY: all check unit cli clean fuzz bench prove prove-mutants deps
all: $(BUILD)/libssem.a $(BUILD)/ssem

# the web page (docs/web.md): make web, make web-check; its tests (the
# library's unit tests in wasm, the browser tests) are part of make check,
# except under SAN=1 (they do not use the sanitized build) or WEB_TESTS=
include web/web.mk
WEB_TESTS ?= $(if $(SAN),,1)

$(BUILD)/obj/%.o: src/%.c include/ssem.h src/internal.h | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c $< -o $@
$(BUILD)/obj/tools/%.o: tools/%.c include/ssem.h $(wildcard tools/*.h) | $(BUILD)/obj/tools
	$(CC) $(ALL_CFLAGS) -c $< -o $@
$(BUILD)/libssem.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^
# the command draws the panel with ncurses and writes PNGs with libpng; the
# library itself needs only libc
TOOL_LIBS := -lncursesw -lpng -lm
$(BUILD)/ssem: $(TOOL_OBJ) $(BUILD)/libssem.a
	$(CC) $(LDFLAGS) -o $@ $(TOOL_OBJ) $(BUILD)/libssem.a $(TOOL_LIBS)
# some tests compile a tools/ or src/ file in directly: they depend on those too
$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h tests/fuzz/*.[ch] tools/*.[ch] src/*.c) \
                  $(BUILD)/libssem.a | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(BUILD)/libssem.a $(TOOL_LIBS)
$(BUILD)/obj $(BUILD)/obj/tools $(BUILD)/tests:
	mkdir -p $@

unit: $(UNIT_BIN)
check: all $(UNIT_BIN) $(if $(WEB_TESTS),web $(WEB_UNIT_BIN))
	@SSEM=$(BUILD)/ssem BUILD=$(BUILD) WEB_TESTS=$(WEB_TESTS) \
	  bash tests/run.sh $(UNIT_BIN) $(if $(WEB_TESTS),$(WEB_UNIT_BIN))

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

# the benchmark driver (figures, not tests): `make bench`, or BENCH_ARGS=--quick
$(BUILD)/bench: bench/bench.c $(BUILD)/libssem.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libssem.a -lm
bench: $(BUILD)/ssem $(BUILD)/bench
	$(BUILD)/bench $(BENCH_ARGS) $(BUILD)/ssem

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
