# mk/busybox.mk: the busybox scenarios (tests/busybox/*.sh).  One image,
# with Debian's busybox-static, its applet links in /bin, /etc/passwd and
# group (root, nobody), and /proc, /tmp, /dev/shm, boots Linux (the oracle)
# and then Tine; tests/busybox/runner.sh is /init in both, and
# tools/busybox-compare.py compares the masked outputs scenario by scenario.
# The image also holds our own user/pstree and user/threads in /bin.
#   make test-busybox          both kernels, then the comparison
#   make test-busybox-linux    the oracle's log only (build/busybox-linux.log)
#   make test-busybox BUSYBOX_ONLY="ps_zombie heredoc"   just those scenarios
BUILD ?= build
BUSYBOX_TIMEOUT ?= 300
BUSYBOX_SCENARIOS := $(sort $(wildcard tests/busybox/*.sh))
BUSYBOX_CASES := $(filter-out tests/busybox/runner.sh,$(BUSYBOX_SCENARIOS))
ifneq ($(BUSYBOX_ONLY),)
BUSYBOX_CASES := $(BUSYBOX_ONLY:%=tests/busybox/%.sh)
endif
BUSYBOX_TOOLS := $(BUILD)/user/pstree $(BUILD)/user/threads
BUSYBOX_NODES := --dir dev:755 --dir dev/shm:1777 --dir tmp:1777 \
	--dir proc:555 --dir root:700 \
	--node dev/console:c:5:1:600 --node dev/null:c:1:3:666 \
	--node dev/zero:c:1:5:666 --node dev/tty:c:5:0:666

.PHONY: test-busybox test-busybox-linux test-busybox-tine

$(BUILD)/busybox.cpio: $(BUSYBOX_SCENARIOS) $(BUSYBOX_TOOLS) mk/busybox.mk FORCE
	@echo "  CPIO    $@"
	@rm -rf $@.d && mkdir -p $@.d/bin $@.d/etc $@.d/scenarios
	@cp tests/busybox/runner.sh $@.d/init
	@cp /bin/busybox $@.d/bin/busybox
	@cp $(BUSYBOX_TOOLS) $@.d/bin/
	@for a in $$(/bin/busybox --list); do \
		[ "$$a" = busybox ] || ln -s busybox $@.d/bin/$$a; done
	@printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > $@.d/etc/passwd
	@printf 'root:x:0:\nnogroup:x:65534:\n' > $@.d/etc/group
	@cp $(BUSYBOX_CASES) $@.d/scenarios/
	@python3 tools/mkcpio.py -o $@ $@.d $(BUSYBOX_NODES)

test-busybox-linux: $(BUILD)/busybox.cpio
	python3 tools/qemu.py --kernel $(LINUX_KERNEL) --initrd $< --smp $(CPUS) \
		--log $(BUILD)/busybox-linux.log --timeout $(BUSYBOX_TIMEOUT) > /dev/null

test-busybox-tine: kernel $(BUILD)/busybox.cpio
	-python3 tools/qemu.py --kernel $(BUILD)/tine.elf --initrd $(BUILD)/busybox.cpio \
		--smp $(CPUS) --log $(BUILD)/busybox-tine.log --timeout $(BUSYBOX_TIMEOUT) > /dev/null

test-busybox: test-busybox-linux test-busybox-tine
	python3 tools/busybox-compare.py $(BUILD)/busybox-linux.log $(BUILD)/busybox-tine.log
