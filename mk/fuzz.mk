# mk/fuzz.mk: the in-guest syscall fuzzer (tests/fuzz/).
#   make fuzz SECONDS=N SEED=S   boot Tine with the fuzzer as /init for N
#                                seconds (default 60, seed 1); prints the
#                                syscalls issued, the distinct syscalls
#                                reached and the seeds run; exits non-zero
#                                on a panic, a hang or a broken invariant
#   make fuzz-ci                 the short fixed-seed run CI does: 3 x 20 s
#                                (the third at -smp 2)
#   make fuzz-linux              the same fuzzer on the Linux oracle
# Knobs: WORKERS=8 (per round), ONLY=I (replay worker I of SEED alone),
#        CPUS=N (QEMU -smp N),
#        FUZZ_KERNEL=build/tine.elf, APPEND="trace=syscall" (Tine logs every
#        call: with ONLY, the exact call that broke the kernel).

BUILD ?= build
MUSL_CC ?= musl-gcc
SECONDS ?= 60
SEED ?= 1
WORKERS ?= 8
ONLY ?=
FUZZ_KERNEL ?= $(BUILD)/tine.elf
FUZZ_DIR := $(BUILD)/fuzz
FUZZ_NODES := --dir dev:755 --dir tmp:1777 --dir proc:555 \
	--node dev/console:c:5:1:600 --node dev/null:c:1:3:666 \
	--node dev/zero:c:1:5:666

.PHONY: fuzz fuzz-ci fuzz-linux fuzz-image

$(FUZZ_DIR)/fuzz: tests/fuzz/fuzz.c
	@mkdir -p $(@D)
	$(MUSL_CC) -static -O2 -Wall -Wextra -Werror -o $@ $<

$(FUZZ_DIR)/fuzz.cpio: $(FUZZ_DIR)/fuzz tools/mkcpio.py
	@echo "  CPIO    $@"
	@rm -rf $@.d && mkdir -p $@.d/bin
	@cp $(FUZZ_DIR)/fuzz $@.d/init
	@cp /bin/busybox $@.d/bin/busybox
	@python3 tools/mkcpio.py -o $@ $@.d $(FUZZ_NODES)

fuzz-image: $(FUZZ_DIR)/fuzz.cpio

fuzz: $(FUZZ_DIR)/fuzz.cpio
	@$(if $(filter $(BUILD)/tine.elf,$(FUZZ_KERNEL)),$(MAKE) kernel)
	python3 tests/fuzz/run.py --kernel $(FUZZ_KERNEL) --initrd $< \
		--seconds $(SECONDS) --seed $(SEED) --workers $(WORKERS) \
		--only "$(ONLY)" --append "$(APPEND)" --smp $(CPUS) \
		--log $(FUZZ_DIR)/fuzz.log

# Seeds 1 and 2 on one CPU, seed 3 on two (the CPUs race in the kernel).
fuzz-ci: $(FUZZ_DIR)/fuzz.cpio
	$(MAKE) kernel
	for s in 1:1 2:1 3:2; do \
		python3 tests/fuzz/run.py --kernel $(FUZZ_KERNEL) --initrd $< \
			--seconds 20 --seed $${s%:*} --smp $${s#*:} \
			--log $(FUZZ_DIR)/fuzz-ci-$${s%:*}.log || exit 1; \
	done

fuzz-linux: $(FUZZ_DIR)/fuzz.cpio
	python3 tests/fuzz/run.py --kernel linux --initrd $< \
		--seconds $(SECONDS) --seed $(SEED) --workers $(WORKERS) \
		--only "$(ONLY)" --smp $(CPUS) --log $(FUZZ_DIR)/fuzz-linux.log
