# mk/debug.mk: the debug kernel (make DEBUG=1, built in build-debug/).
#   make test-debug   the whole user suite on the DEBUG=1 kernel (page
#                     refcount and mapcount checks, poisoned free pages and
#                     slab objects, list checks, guarded kernel stacks), then
#                     tools/debug-checks.py: each check provoked once, with
#                     /proc/sys/debug/provoke-crash, and seen to panic
# Sub-makes with DEBUG=1 pick BUILD=build-debug (see the top Makefile).

.PHONY: test-debug
test-debug:
	$(MAKE) DEBUG=1 test-tine
	python3 tools/debug-checks.py --kernel build-debug/tine.elf

# make test-cpu-max: the whole user suite on Tine under QEMU's `-cpu max`
# (SMEP and SMAP present), and the boot log must say CR4 has both on.
.PHONY: test-cpu-max
test-cpu-max:
	QEMU_CPU=max $(MAKE) test-tine APPEND="loglevel=7"
	grep -q "SMEP on, SMAP on" $(BUILD)/test-tine.log || \
		{ echo "cpu-max: CR4 does not have SMEP and SMAP on"; exit 1; }
	@grep -m1 "cpu: CR4" $(BUILD)/test-tine.log
