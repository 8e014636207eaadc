# mk/user.mk: build the static user programs that run inside the guest, on
# Tine and on the Linux oracle alike. tests/user/NAME.c (tests that must pass
# on both) and tests/pending/NAME.c (validated on Linux, not yet passing on
# Tine) become $(BUILD)/user/tests/NAME; user/NAME.c (runner, init, tools)
# become $(BUILD)/user/NAME. All with musl-gcc -static; warnings are errors.

# mk/test.mk includes this file first (make reads mk/*.mk alphabetically
# and test.mk needs the lists below), so guard against a second reading.
ifndef USER_MK_INCLUDED
USER_MK_INCLUDED := 1

BUILD ?= build
MUSL_CC ?= musl-gcc
USER_CFLAGS ?= -static -O2 -Wall -Wextra -Werror -pthread -Itests/user

USER_TEST_NAMES    := $(sort $(basename $(notdir $(wildcard tests/user/*.c))))
PENDING_TEST_NAMES := $(sort $(basename $(notdir $(wildcard tests/pending/*.c))))
USER_TESTS    := $(USER_TEST_NAMES:%=$(BUILD)/user/tests/%)
PENDING_TESTS := $(PENDING_TEST_NAMES:%=$(BUILD)/user/tests/%)
USER_PROGS    := $(patsubst user/%.c,$(BUILD)/user/%,$(wildcard user/*.c))
TEST_HEADERS  := $(wildcard tests/user/*.h tests/pending/*.h)

.PHONY: user
user: $(USER_PROGS) $(USER_TESTS) $(PENDING_TESTS)

$(BUILD)/user/tests/%: tests/user/%.c $(TEST_HEADERS)
	@mkdir -p $(@D)
	$(MUSL_CC) $(USER_CFLAGS) -o $@ $<

$(BUILD)/user/tests/%: tests/pending/%.c $(TEST_HEADERS)
	@mkdir -p $(@D)
	$(MUSL_CC) $(USER_CFLAGS) -o $@ $<

$(BUILD)/user/%: user/%.c
	@mkdir -p $(@D)
	$(MUSL_CC) $(USER_CFLAGS) -o $@ $<
endif
