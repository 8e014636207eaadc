# Tine: build the kernel image build/tine.elf.  Test, run and debug targets
# live in mk/*.mk (unit tests, user programs, the QEMU harness).
# make DEBUG=1 builds the debug kernel (kernel self-checks: see
# docs/robustness.md) into its own tree, build-debug/, so the two never mix.
ifeq ($(DEBUG),1)
BUILD ?= build-debug
else
BUILD ?= build
endif
CC := gcc
KCFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -Iinclude \
	-ffreestanding -fno-builtin -nostdlib -fno-pic -fno-pie -mcmodel=kernel \
	-mno-red-zone -mno-sse -mno-sse2 -mno-mmx -mno-80387 -mno-avx \
	-fno-stack-protector -fno-omit-frame-pointer -fno-asynchronous-unwind-tables \
	-fno-strict-aliasing -MMD -MP
ifeq ($(DEBUG),1)
KCFLAGS += -DTINE_DEBUG
endif
KLDFLAGS := -nostdlib -static -no-pie -Wl,--build-id=none -Wl,--no-warn-rwx-segments -z max-page-size=4096 -T kernel/arch/x86_64/kernel.ld

KSRCS := $(shell find kernel -name '*.c' | sort)
KASMS := $(shell find kernel -name '*.S' | sort)
KOBJS := $(KSRCS:%.c=$(BUILD)/%.o) $(KASMS:%.S=$(BUILD)/%.o) $(BUILD)/gen/syscall_names.o

.PHONY: all kernel clean
all: kernel
kernel: $(BUILD)/tine.elf

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(KCFLAGS) -c $< -o $@

$(BUILD)/%.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(CC) $(KCFLAGS) -D__ASSEMBLY__ -c $< -o $@

$(BUILD)/gen/syscall_names.c: tools/gen-syscall-names.sh
	@mkdir -p $(dir $@)
	sh $< > $@

# Link twice: the second pass embeds the symbol table made from the first,
# so that a kernel panic can print a symbolised backtrace.
$(BUILD)/tine.elf: $(KOBJS) kernel/arch/x86_64/kernel.ld tools/gen-ksyms.sh
	$(CC) $(KLDFLAGS) -o $(BUILD)/tine.pass1 $(KOBJS) $(BUILD)/gen/ksyms_empty.o
	sh tools/gen-ksyms.sh $(BUILD)/tine.pass1 > $(BUILD)/gen/ksyms.c
	@$(CC) $(KCFLAGS) -c $(BUILD)/gen/ksyms.c -o $(BUILD)/gen/ksyms.o
	$(CC) $(KLDFLAGS) -o $@ $(KOBJS) $(BUILD)/gen/ksyms.o

$(BUILD)/gen/ksyms_empty.o: tools/gen-ksyms.sh
	@mkdir -p $(dir $@)
	sh tools/gen-ksyms.sh /dev/null > $(BUILD)/gen/ksyms_empty.c
	$(CC) $(KCFLAGS) -c $(BUILD)/gen/ksyms_empty.c -o $@

$(BUILD)/tine.elf: $(BUILD)/gen/ksyms_empty.o

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -type f -name '*.d' 2>/dev/null)
-include mk/*.mk
