# mk/interactive.mk: `make run`'s shell driven through the serial console by
# tools/interactive.py (keystrokes in, echo and output out, Ctrl-C and
# Ctrl-Z as the bytes a terminal sends): first on the Linux oracle, so that
# the checks are known right, then on Tine, where the prompt must also
# appear within 2 s of QEMU's start.
#   make test-interactive         both kernels
#   make test-interactive-tine    Tine only
BUILD ?= build
# README promises a shell in under 2 s; a machine busy with other QEMUs
# can be given more (make test INTERACTIVE_MAX_PROMPT=5).
INTERACTIVE_MAX_PROMPT ?= 2

.PHONY: test-interactive test-interactive-linux test-interactive-tine

test-interactive-linux: $(BUILD)/run.cpio
	python3 tools/interactive.py --name linux --kernel $(LINUX_KERNEL) \
		--initrd $< --log $(BUILD)/interactive-linux.log

test-interactive-tine: kernel $(BUILD)/run.cpio
	python3 tools/interactive.py --name tine --kernel $(BUILD)/tine.elf \
		--initrd $(BUILD)/run.cpio --log $(BUILD)/interactive-tine.log \
		--max-prompt $(INTERACTIVE_MAX_PROMPT)

test-interactive: test-interactive-linux test-interactive-tine
