# regiorapport: build, test, report. See README.md.
#
#   make                 build ./regiorapport
#   make report          install what is missing, build, write reports/ from regions/
#   make check           install what is missing, build, run every test (and
#                        scripts/check-symbols: our global names carry their module's prefix;
#                        scripts/check-stages: each stage includes only the stages above it)
#   make check SANITIZE=1  the same with AddressSanitizer and UBSan
#   make fuzz            libFuzzer on each target for FUZZ_SECONDS (make fuzz-smoke: 20 s)
#   make bench           time and memory at national scale, with peers (bench/RESULTS.md)
#   make install         install under PREFIX (default /usr/local), staged in DESTDIR
#   make uninstall       remove what make install put there
#   make V=1             show the commands
#
# Project flags come first, the user's CFLAGS/LDFLAGS last so they can override.

PROG     := regiorapport
VERSION  := 0.1.0
PKGS     := xlsxwriter glib-2.0 libarchive libxml-2.0

# Installation. The binary finds its gnuplot scripts in DATADIR, compiled in (the
# environment variable REGIORAPPORT_SCRIPTS overrides it); DESTDIR only stages.
PREFIX        ?= /usr/local
BINDIR        ?= $(PREFIX)/bin
DATADIR       ?= $(PREFIX)/share/regiorapport
MANDIR        ?= $(PREFIX)/share/man
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions
INSTALL       ?= install

# A value as one shell word whatever it holds (a space, a quote): 'it'\''s'. Every
# path in a recipe goes through it, so PREFIX='/opt/my tools' installs into that
# folder and uninstall removes exactly its files. A value in a C string literal also
# has its backslashes and double quotes escaped.
shell_quote = '$(subst ','\'',$(1))'
c_string    = "$(subst ",\",$(subst \,\\,$(1)))"
WERROR   ?= 1

ifdef SANITIZE
BUILD    := build/san
SAN      := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
BIN      := $(BUILD)/$(PROG)
else
BUILD    := build/release
BIN      := $(PROG)
endif

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv
WARN       := -Wall -Wextra -Wshadow -Wformat=2 -Wstrict-prototypes $(if $(filter 1,$(WERROR)),-Werror)
RR_CFLAGS  := -std=c11 -D_POSIX_C_SOURCE=200809L -g -O2 $(WARN) $(SAN) -MMD -MP -Isrc $(PKG_CFLAGS)
RR_LDFLAGS := $(SAN)

SRC       := $(wildcard src/*/*.c)
OBJ       := $(SRC:src/%.c=$(BUILD)/%.o)
LIB_OBJ   := $(filter-out $(BUILD)/cli/main.o,$(OBJ))
TEST_SRC  := $(wildcard tests/*.c)
TEST_OBJ  := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%.o)
TEST_BIN  := $(BUILD)/check_regiorapport

# The version: `git describe` in a git checkout (tags when there are any, else
# VERSION-g<commit>), else VERSION. Written to a file only when it changes, so a new
# commit recompiles version.c alone.
GIT_DESCRIBE := $(shell git describe --tags --dirty 2>/dev/null || \
                  git describe --always --dirty 2>/dev/null | sed 's/^/$(VERSION)-g/')
RR_VERSION   := $(or $(GIT_DESCRIBE),$(VERSION))
VERSION_STAMP := $(BUILD)/version.txt
$(shell mkdir -p $(BUILD) && echo $(call shell_quote,$(RR_VERSION) $(DATADIR)) | \
        cmp -s - $(VERSION_STAMP) || \
        echo $(call shell_quote,$(RR_VERSION) $(DATADIR)) > $(VERSION_STAMP))

ifeq ($(V),1)
Q :=
else
Q := @
endif

.PHONY: all deps deps-report deps-check report check clean bench install uninstall lint-man
all: $(BIN)

$(BUILD)/base/version.o: $(VERSION_STAMP)
$(BUILD)/base/version.o: RR_CFLAGS += -DRR_VERSION_TEXT='"$(RR_VERSION)"' \
                          -DRR_SCRIPTS_DIR=$(call shell_quote,$(call c_string,$(DATADIR)))

$(BIN): $(OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(RR_LDFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(LDLIBS)

$(BUILD)/%.o: src/%.c
	@echo "  CC      $<"
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(RR_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%.o: tests/%.c | $(BUILD)/tests
	@echo "  CC      $<"
	$(Q)$(CC) $(RR_CFLAGS) $(shell pkg-config --cflags check 2>/dev/null) $(CFLAGS) -c -o $@ $<

$(TEST_BIN): $(TEST_OBJ) $(LIB_OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(RR_LDFLAGS) $(LDFLAGS) -o $@ $^ $(shell pkg-config --libs check 2>/dev/null) $(PKG_LIBS) $(LDLIBS)

$(BUILD) $(BUILD)/tests:
	$(Q)mkdir -p $@

# What each job needs, by set (scripts/install-deps: build, report, check).
deps deps-report:
	$(Q)scripts/install-deps report
deps-check:
	$(Q)scripts/install-deps check

# Recursive make so that pkg-config is asked again after install-deps ran.
report: deps-report
	$(Q)$(MAKE) --no-print-directory $(BIN)
	$(Q)./$(BIN) report --data regions --out reports

check: deps-check
	$(Q)$(MAKE) --no-print-directory $(BIN) $(TEST_BIN) lint-man
	$(Q)scripts/check-symbols $(BUILD)
	$(Q)scripts/check-stages
	$(Q)RR_BIN=./$(BIN) RR_DATA=regions RR_SANITIZE=$(if $(SANITIZE),1,0) $(TEST_BIN)
	$(Q)RR_MAKE_ARGS="$(if $(SANITIZE),SANITIZE=1)" tests/install-check ./$(BIN)

# The man pages without a warning from mandoc (mdoc source in man/).
MAN_PAGES := man/regiorapport.1 man/regiorapport-data.5
lint-man:
	@echo "  LINT    $(MAN_PAGES)"
	$(Q)mandoc -T lint -W warning $(MAN_PAGES)

SCRIPT_FILES := $(wildcard scripts/*.gp)
# Each destination once, quoted (shell_quote); the scripts by their plain names.
I_BIN  = $(call shell_quote,$(DESTDIR)$(BINDIR))
I_DATA = $(call shell_quote,$(DESTDIR)$(DATADIR))
I_MAN  = $(call shell_quote,$(DESTDIR)$(MANDIR))
I_COMP = $(call shell_quote,$(DESTDIR)$(COMPLETIONDIR))
install: $(BIN)
	$(INSTALL) -d $(I_BIN) $(I_DATA) $(I_MAN)/man1 $(I_MAN)/man5 $(I_COMP)
	$(INSTALL) -m 755 $(BIN) $(I_BIN)/$(PROG)
	$(INSTALL) -m 644 $(SCRIPT_FILES) $(I_DATA)/
	$(INSTALL) -m 644 man/regiorapport.1 $(I_MAN)/man1/
	$(INSTALL) -m 644 man/regiorapport-data.5 $(I_MAN)/man5/
	$(INSTALL) -m 644 completion/regiorapport $(I_COMP)/regiorapport

uninstall:
	rm -f $(I_BIN)/$(PROG) $(I_MAN)/man1/regiorapport.1 $(I_MAN)/man5/regiorapport-data.5 \
	  $(I_COMP)/regiorapport $(foreach f,$(notdir $(SCRIPT_FILES)),$(I_DATA)/$(f))
	rmdir $(I_DATA) 2>/dev/null || true

# Fuzzing (libFuzzer, clang): fuzz/fuzz_<t>.c on fuzz/corpus/<t>. `make fuzz` runs each
# target FUZZ_SECONDS; `make fuzz-smoke` FUZZ_SMOKE seconds each (CI). New inputs go to
# build/fuzz/corpus/<t>, crashes to build/fuzz/crash/, logs to build/fuzz/<t>.log.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 600
FUZZ_SMOKE   ?= 20
FUZZ_TARGETS := csv period money sheet
FUZZ_FLAGS   := -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 $(WARN) -Isrc \
                -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_SRC_csv    := src/load/csvread.c src/base/diag.c src/base/i18n.c src/base/error.c
FUZZ_SRC_period := src/load/period.c
FUZZ_SRC_money  := src/load/money.c
FUZZ_SRC_sheet  := src/load/sheetread.c src/load/period.c src/base/diag.c src/base/i18n.c \
                   src/base/error.c
FUZZ_BIN     := $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)

build/fuzz/fuzz_%: fuzz/fuzz_%.c $(wildcard fuzz/*.h) $(wildcard src/*/*.[ch])
	@echo "  FUZZCC  $@"
	$(Q)mkdir -p build/fuzz
	$(Q)$(FUZZ_CC) $(FUZZ_FLAGS) $(PKG_CFLAGS) -o $@ $< $(FUZZ_SRC_$*) $(PKG_LIBS)

.PHONY: fuzz fuzz-smoke fuzz-run
fuzz: deps-check
	$(Q)$(MAKE) --no-print-directory fuzz-run FUZZ_RUN_SECONDS=$(FUZZ_SECONDS)

fuzz-smoke: deps-check
	$(Q)$(MAKE) --no-print-directory fuzz-run FUZZ_RUN_SECONDS=$(FUZZ_SMOKE)

fuzz-run: $(FUZZ_BIN)
	$(Q)mkdir -p build/fuzz/crash; for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz/corpus/$$t; \
	  case $$t in csv|sheet) len=65536;; *) len=256;; esac; \
	  echo "  FUZZ    $$t for $(FUZZ_RUN_SECONDS) s"; \
	  build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_RUN_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -max_len=$$len -print_final_stats=1 -artifact_prefix=build/fuzz/crash/$$t- \
	    build/fuzz/corpus/$$t fuzz/corpus/$$t >build/fuzz/$$t.log 2>&1; rc=$$?; \
	  grep -E '^(stat::number_of_executed_units|Done)|ERROR|SUMMARY' build/fuzz/$$t.log; \
	  if [ $$rc -ne 0 ]; then tail -n 60 build/fuzz/$$t.log; exit 1; fi; \
	done

# Timing and memory at national scale beside pandas and tj3; writes bench/RESULTS.md.
bench: $(BIN)
	$(Q)bench/run

clean:
	rm -rf build $(PROG)

-include $(OBJ:.o=.d) $(TEST_OBJ:.o=.d)
