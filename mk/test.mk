# mk/test.mk: initramfs images and the test, run and debug targets.
#   make test        deps, then test-unit, test-linux, test-tine, test-boot,
#                    test-trace, test-busybox, test-interactive, test-smp,
#                    test-debug and test-cpu-max (mk/debug.mk) and fuzz-ci
#                    (mk/fuzz.mk), in order
#   make test-linux  the runner on Debian's kernel (the oracle), tests/user
#                    plus tests/pending
#   make test-tine   tests/user on build/tine.elf; TINE_MODE=runner (default)
#                    boots once and the runner runs every test,
#                    TINE_MODE=boot boots once per test with rdinit=/tests/NAME
#   make test-smp    test-linux, test-tine and test-busybox at -smp 2
#   make test-soak   the Tine suite 20 times in one boot at -smp 4
#   make run         busybox's shell on Tine in this terminal (Ctrl-A X quits)
#   make debug       the same, paused for gdb -x tools/gdbinit
#   make demo        user/demo.sh on Tine, non-interactively, then power off
#   CPUS=N           any of these with N CPUs (QEMU -smp N)
# Images are rebuilt on every use (cheap, and deterministic byte for byte).

include mk/user.mk
BUILD ?= build
TINE_MODE ?= runner
LINUX_KERNEL ?= linux
LINUX_TIMEOUT ?= 120
TINE_TIMEOUT ?= 120
BOOT_TIMEOUT ?= 30
APPEND ?=
# QEMU's -smp: make test CPUS=4, make run CPUS=4
CPUS ?= 1

# Device nodes and directories the images carry besides the staged files.
IMAGE_NODES := --dir dev:755 --dir tmp:1777 \
	--node dev/console:c:5:1:600 --node dev/null:c:1:3:666 \
	--node dev/zero:c:1:5:666

# $(call make-image,IMAGE,INIT,TEST-BINARIES): stage and pack one initramfs.
define make-image
	@echo "  CPIO    $(1)"
	@rm -rf $(1).d && mkdir -p $(1).d/tests $(1).d/bin
	@cp $(2) $(1).d/init
	@cp /bin/busybox $(1).d/bin/busybox
	@$(if $(3),cp $(3) $(1).d/tests/)
	@printf '%s\n' $(notdir $(3)) | sed '/^$$/d' > $(1).d/tests/list
	@python3 tools/mkcpio.py -o $(1) $(1).d $(IMAGE_NODES)
endef

.PHONY: deps initramfs test test-linux test-tine run demo debug
FORCE:

deps:
	@tools/deps.sh

initramfs: $(BUILD)/test-tine.cpio $(BUILD)/test-linux.cpio $(BUILD)/run.cpio

$(BUILD)/test-tine.cpio: $(BUILD)/user/runner $(USER_TESTS) FORCE
	$(call make-image,$@,$<,$(USER_TESTS))

$(BUILD)/test-linux.cpio: $(BUILD)/user/runner $(USER_TESTS) $(PENDING_TESTS) FORCE
	$(call make-image,$@,$<,$(USER_TESTS) $(PENDING_TESTS))

# make run: busybox's shell on the serial line (user/init.sh sets it up),
# with our pstree and threads in /bin and the demo in /usr/share/tine.
RUN_TOOLS := $(BUILD)/user/pstree $(BUILD)/user/threads
$(BUILD)/run.cpio: IMAGE_NODES += --node dev/ttyS0:c:4:64:620 --node dev/tty:c:5:0:666
# Rebuilt only when an input changes, so that `make run` starts at once.
$(BUILD)/run.cpio: user/init.sh user/demo.sh $(RUN_TOOLS) /bin/busybox \
		tools/mkcpio.py mk/test.mk
	@echo "  CPIO    $@"
	@rm -rf $@.d && mkdir -p $@.d/bin $@.d/usr/share/tine
	@cp user/init.sh $@.d/init
	@cp /bin/busybox $(RUN_TOOLS) $@.d/bin/
	@cp user/demo.sh $@.d/usr/share/tine/demo.sh
	@python3 tools/mkcpio.py -o $@ $@.d $(IMAGE_NODES)

# Sub-makes keep the order strict (even under -j) and re-read the makefiles
# after deps may have installed the tools.
test:
	$(MAKE) deps
	$(MAKE) test-unit
	$(MAKE) test-linux
	$(MAKE) test-tine
	$(MAKE) test-boot
	$(MAKE) test-trace
	$(MAKE) test-busybox
	$(MAKE) test-interactive
	$(MAKE) test-smp
	$(MAKE) test-debug
	$(MAKE) test-cpu-max
	$(MAKE) fuzz-ci

# The whole user suite SOAK_ROUNDS times in one boot at SOAK_CPUS CPUs, with
# the runner's leak check around all the rounds (not part of make test:
# about 20 s a round).
SOAK_ROUNDS ?= 20
SOAK_CPUS ?= 4
.PHONY: test-soak
test-soak: kernel $(BUILD)/test-tine.cpio
	python3 tools/run-tests.py --name soak --kernel $(BUILD)/tine.elf \
		--initrd $(BUILD)/test-tine.cpio --log $(BUILD)/test-soak.log \
		--timeout $$(( $(SOAK_ROUNDS) * 120 )) --smp $(SOAK_CPUS) \
		--append "$(APPEND) repeat=$(SOAK_ROUNDS)" \
		--expect $$(( $(SOAK_ROUNDS) * $(words $(USER_TESTS)) ))

# The user tests and the busybox scenarios again with two CPUs, on both
# kernels (CPUS=4 and more by hand: make test-smp SMP_CPUS=4).
SMP_CPUS ?= 2
.PHONY: test-smp
test-smp:
	$(MAKE) test-linux test-tine test-busybox CPUS=$(SMP_CPUS)

# Broken initramfs images and a crashing /init: clear messages, clean exits.
.PHONY: test-boot
test-boot: kernel
	python3 tools/boot-checks.py

test-linux: $(BUILD)/test-linux.cpio
	python3 tools/run-tests.py --name linux --kernel $(LINUX_KERNEL) \
		--initrd $< --log $(BUILD)/test-linux.log --timeout $(LINUX_TIMEOUT) --append "$(APPEND)" --smp $(CPUS) \
		--expect $(words $(USER_TESTS) $(PENDING_TESTS))

ifeq ($(TINE_MODE),runner)
test-tine: kernel $(BUILD)/test-tine.cpio
	python3 tools/run-tests.py --name tine --kernel $(BUILD)/tine.elf \
		--initrd $(BUILD)/test-tine.cpio --log $(BUILD)/test-tine.log \
		--timeout $(TINE_TIMEOUT) --smp $(CPUS) \
		--append "$(APPEND)" --expect $(words $(USER_TESTS))
else
test-tine: kernel $(BUILD)/test-tine.cpio
	python3 tools/run-tests.py --name tine --mode boot \
		--kernel $(BUILD)/tine.elf --initrd $(BUILD)/test-tine.cpio \
		--list $(BUILD)/test-tine.cpio.d/tests/list \
		--log $(BUILD)/test-tine.log \
		--timeout $(BOOT_TIMEOUT) --append "$(APPEND)" --smp $(CPUS) \
		--expect $(words $(USER_TESTS))
endif

run:
	$(MAKE) deps
	$(MAKE) kernel $(BUILD)/run.cpio
	python3 tools/qemu.py --interactive --kernel $(BUILD)/tine.elf \
		--initrd $(BUILD)/run.cpio --append "$(APPEND)" --smp $(CPUS)

# make demo: the demo script (user/demo.sh) on Tine, no keyboard needed;
# DEMO_KERNEL=linux runs it on the oracle.
DEMO_KERNEL ?= $(BUILD)/tine.elf
demo:
	$(MAKE) deps
	$(MAKE) kernel $(BUILD)/run.cpio
	python3 tools/qemu.py --kernel $(DEMO_KERNEL) --initrd $(BUILD)/run.cpio \
		--append "tine_demo=1 $(APPEND)" --timeout 300 --smp $(CPUS)

debug:
	$(MAKE) deps
	$(MAKE) kernel $(BUILD)/run.cpio
	@echo "QEMU is paused with a gdb stub on :1234. In another terminal:"
	@echo "    gdb -x tools/gdbinit     (stops at kmain; then c, bt, ...)"
	@echo "Quit QEMU with Ctrl-A X."
	python3 tools/qemu.py --gdb --kernel $(BUILD)/tine.elf \
		--initrd $(BUILD)/run.cpio --append "$(APPEND)" --smp $(CPUS)
