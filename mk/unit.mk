# Unit tests of the pure kernel code, compiled for the host with cmocka
# under AddressSanitizer and UBSan.  `make test-unit` builds every test into
# $(BUILD)/unit/, runs them all, prints one line per test binary and a final
# "unit: N passed, N failed", and fails if any test failed.  Works included
# from the top Makefile or alone: make -f mk/unit.mk test-unit BUILD=build
#
# Each test links the kernel sources it tests.  string.c and format.c carry
# the C library's names, so for their tests they are compiled apart with
# tests/unit/libc_rename.h, which renames them tine_*.

BUILD ?= build
UNIT_DIR := $(BUILD)/unit
UNIT_CC := gcc
UNIT_CFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-DTINE_HOST_TEST -Iinclude -Wall -Wextra -Werror
UNIT_RENAME := -include tests/unit/libc_rename.h
UNIT_HDRS := $(wildcard include/tine/*.h tests/unit/*.h)
# UBSan only reports by default; make undefined behaviour fail the test.
UNIT_ENV := UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

UNIT_TESTS := string format cmdline cpio page_alloc page_alloc_debug slab slab_debug \
	list_debug pid vma_tree proc_format pipe_ring
UNIT_BINS := $(UNIT_TESTS:%=$(UNIT_DIR)/%_test)

.PHONY: test-unit
test-unit: $(UNIT_BINS)
	@pass=0; fail=0; \
	for t in $(UNIT_BINS); do \
		name=$${t##*/}; \
		if $(UNIT_ENV) ./$$t > $$t.log 2>&1; then \
			echo "PASS $$name"; pass=$$((pass + 1)); \
		else \
			echo "FAIL $$name (log: $$t.log)"; tail -n 20 $$t.log; \
			fail=$$((fail + 1)); \
		fi; \
	done; \
	echo "unit: $$pass passed, $$fail failed"; \
	test $$fail -eq 0

# What each test links: its test file, then the kernel code under test.
$(UNIT_DIR)/string_test: tests/unit/string_test.c $(UNIT_DIR)/renamed/string.o
$(UNIT_DIR)/format_test: tests/unit/format_test.c $(UNIT_DIR)/renamed/format.o \
	$(UNIT_DIR)/renamed/string.o
$(UNIT_DIR)/cmdline_test: tests/unit/cmdline_test.c kernel/lib/cmdline.c
$(UNIT_DIR)/cpio_test: tests/unit/cpio_test.c kernel/fs/cpio.c
$(UNIT_DIR)/page_alloc_test: tests/unit/page_alloc_test.c kernel/mm/page_alloc.c
$(UNIT_DIR)/page_alloc_debug_test: tests/unit/page_alloc_test.c kernel/mm/page_alloc.c
$(UNIT_DIR)/page_alloc_debug_test: UNIT_EXTRA := -DTINE_DEBUG
$(UNIT_DIR)/list_debug_test: tests/unit/list_debug_test.c
$(UNIT_DIR)/list_debug_test: UNIT_EXTRA := -DTINE_DEBUG
$(UNIT_DIR)/slab_test: tests/unit/slab_test.c kernel/mm/slab.c kernel/mm/page_alloc.c
$(UNIT_DIR)/slab_debug_test: tests/unit/slab_test.c kernel/mm/slab.c kernel/mm/page_alloc.c
$(UNIT_DIR)/slab_debug_test: UNIT_EXTRA := -DTINE_DEBUG
$(UNIT_DIR)/pid_test: tests/unit/pid_test.c kernel/proc/pid.c
$(UNIT_DIR)/vma_tree_test: tests/unit/vma_tree_test.c kernel/mm/vma_tree.c
$(UNIT_DIR)/proc_format_test: tests/unit/proc_format_test.c kernel/fs/proc/format.c
$(UNIT_DIR)/pipe_ring_test: tests/unit/pipe_ring_test.c

$(UNIT_BINS): $(UNIT_HDRS) mk/unit.mk
	@mkdir -p $(dir $@)
	$(UNIT_CC) $(UNIT_CFLAGS) $(UNIT_EXTRA) $(filter %.c %.o,$^) -lcmocka -o $@

$(UNIT_DIR)/renamed/%.o: kernel/lib/%.c $(UNIT_HDRS) mk/unit.mk
	@mkdir -p $(dir $@)
	$(UNIT_CC) $(UNIT_CFLAGS) $(UNIT_RENAME) -c $< -o $@
