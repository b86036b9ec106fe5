# regiorapport: build, test, report. See README.md.
#
#   make                 build ./regiorapport
#   make report          install what is missing, build, write reports/ from regions/
#   make check           install what is missing, build, run every test
#   make check SANITIZE=1  the same with AddressSanitizer and UBSan
#   make V=1             show the commands
#
# Project flags come first, the user's CFLAGS/LDFLAGS last so they can override.

PROG     := regiorapport
PKGS     := xlsxwriter glib-2.0
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

SRC       := $(wildcard src/*.c)
OBJ       := $(SRC:src/%.c=$(BUILD)/%.o)
LIB_OBJ   := $(filter-out $(BUILD)/main.o,$(OBJ))
TEST_SRC  := $(wildcard tests/*.c)
TEST_OBJ  := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%.o)
TEST_BIN  := $(BUILD)/check_regiorapport

ifeq ($(V),1)
Q :=
else
Q := @
endif

.PHONY: all deps report check clean
all: $(BIN)

$(BIN): $(OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(RR_LDFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(LDLIBS)

$(BUILD)/%.o: src/%.c | $(BUILD)
	@echo "  CC      $<"
	$(Q)$(CC) $(RR_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%.o: tests/%.c | $(BUILD)/tests
	@echo "  CC      $<"
	$(Q)$(CC) $(RR_CFLAGS) $(shell pkg-config --cflags check 2>/dev/null) $(CFLAGS) -c -o $@ $<

$(TEST_BIN): $(TEST_OBJ) $(LIB_OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(RR_LDFLAGS) $(LDFLAGS) -o $@ $^ $(shell pkg-config --libs check 2>/dev/null) $(PKG_LIBS) $(LDLIBS)

$(BUILD) $(BUILD)/tests:
	$(Q)mkdir -p $@

deps:
	$(Q)scripts/install-deps

# Recursive make so that pkg-config is asked again after install-deps ran.
report: deps
	$(Q)$(MAKE) --no-print-directory $(BIN)
	$(Q)./$(BIN) report --data regions --out reports

check: deps
	$(Q)$(MAKE) --no-print-directory $(BIN) $(TEST_BIN)
	$(Q)RR_BIN=./$(BIN) RR_DATA=regions $(TEST_BIN)

clean:
	rm -rf build $(PROG)

-include $(OBJ:.o=.d) $(TEST_OBJ:.o=.d)
