# mk/trace.mk: the lifecycle trace (docs/trace.md).
#   make trace CMD='sh -c "sleep 1 & wait"'
#                    boots Tine with busybox as /bin/* and an /init that runs
#                    CMD then powers off, with trace=$(TRACE_EVENTS) on the
#                    command line; pulls the trace out of the serial log into
#                    build/trace/trace.txt and draws build/trace/*.svg and
#                    build/trace/index.html (TRACE_PID picks the triad's PID)
#   make trace-figures  the same for the tour's commands, then PNGs of the
#                    pictures into docs/figures/ (Chromium screenshots)
#   make test-trace  the picture tool's unit test on a recorded trace, the
#                    tour's link check, the page's screenshot test in
#                    headless Chromium, a boot that checks the order of the
#                    fork/exec/exit/wait events, and a boot that switches
#                    tracing on at run time and reads it from inside, and
#                    trace-overhead
#   make trace-overhead  fork+exit+wait cost without/with/on trace points,
#                    failing if "off" costs more than 2% (part of test-trace)
#   make TRACE=0     a kernel without trace points (for measuring their cost)
TRACE_DIR ?= $(BUILD)/trace
CMD ?= sh -c "sleep 1 & wait"
TRACE_EVENTS ?= proc,sched
TRACE_PID ?=
TRACE_TIMEOUT ?= 120

ifeq ($(TRACE),0)
KCFLAGS += -DTINE_NO_TRACE
endif

.PHONY: trace trace-figures trace-overhead test-trace test-trace-tool test-trace-guest \
	test-trace-runtime test-trace-page

# $(call trace-image,DIR,COMMAND): an image whose /init is a busybox script.
define trace-image
	@echo "  CPIO    $(1)/trace.cpio"
	@rm -rf $(1)/root && mkdir -p $(1)/root/bin
	@cp /bin/busybox $(1)/root/bin/busybox
	@for a in $$(/bin/busybox --list); do \
		[ "$$a" = busybox ] || ln -s busybox $(1)/root/bin/$$a; done
	@printf '#!/bin/sh\nexport PATH=/bin\n%s\npoweroff -f\n' \
		'$(subst ','\'',$(2))' > $(1)/root/init
	@chmod 755 $(1)/root/init
	@python3 tools/mkcpio.py -o $(1)/trace.cpio $(1)/root $(IMAGE_NODES) --dir proc:555
endef

# $(call trace-boot,DIR,EVENTS): boot it, keep the serial log, extract.
define trace-boot
	python3 tools/qemu.py --kernel $(BUILD)/tine.elf --initrd $(1)/trace.cpio \
		--append "trace=$(2)" --log $(1)/serial.log \
		--timeout $(TRACE_TIMEOUT) > /dev/null; \
	python3 tools/trace/tinetrace.py extract $(1)/serial.log -o $(1)/trace.txt
endef

trace: kernel
	@mkdir -p $(TRACE_DIR)
	$(call trace-image,$(TRACE_DIR),$(CMD))
	$(call trace-boot,$(TRACE_DIR),$(TRACE_EVENTS))
	python3 tools/trace/tinetrace.py draw $(TRACE_DIR)/trace.txt \
		-o $(TRACE_DIR) $(if $(TRACE_PID),--pid $(TRACE_PID)) \
		--cmd '$(subst ','\'',$(CMD))'
	@echo "trace: open $(TRACE_DIR)/index.html"

# The pictures of the tour's two commands as PNGs in docs/figures/
# (generated, not drawn): each SVG screenshot by headless Chromium.
FIGURE_CMD := sh -c "sleep 1 & wait"
ORPHAN_CMD := sh -c "(sleep 0.2 &) ; sleep 0.5"
trace-figures:
	$(MAKE) trace CMD='$(subst ','\'',$(FIGURE_CMD))' TRACE_DIR=$(BUILD)/trace-figures
	$(MAKE) trace CMD='$(subst ','\'',$(ORPHAN_CMD))' TRACE_DIR=$(BUILD)/trace-orphan
	@mkdir -p docs/figures
	for f in tree states triad; do \
		python3 tools/trace/screenshot.py $(BUILD)/trace-figures/$$f.svg \
			docs/figures/trace-$$f.png && \
		python3 tools/trace/screenshot.py $(BUILD)/trace-orphan/$$f.svg \
			docs/figures/trace-orphan-$$f.png || exit 1; \
	done

test-trace: test-trace-tool test-trace-page test-trace-guest trace-overhead

# The screenshot test: the HTML page in headless Chromium, no console
# messages, a non-blank PNG (build/trace-page/*.png).
test-trace-page:
	python3 tests/trace/check_page.py $(BUILD)/trace-page

test-trace-tool:
	python3 tests/trace/test_pictures.py
	python3 tests/trace/check_tour.py

TRACE_TEST_EVENTS := proc,sched
test-trace-guest: kernel test-trace-runtime
	@mkdir -p $(BUILD)/trace-test
	$(call trace-image,$(BUILD)/trace-test,/bin/true)
	$(call trace-boot,$(BUILD)/trace-test,$(TRACE_TEST_EVENTS))
	python3 tests/trace/check_order.py $(BUILD)/trace-test/trace.txt

# The run-time switch: boot with tracing off; tests/trace/trace_runtime
# switches it on through /proc/tine/trace_events and reads /proc/tine/trace.
RUNTIME_DIR := $(BUILD)/trace-runtime
$(RUNTIME_DIR)/trace_runtime: tests/trace/trace_runtime.c
	@mkdir -p $(@D)
	$(MUSL_CC) -static -O2 -Wall -Wextra -Werror -o $@ $<

test-trace-runtime: kernel $(RUNTIME_DIR)/trace_runtime
	$(call trace-image,$(RUNTIME_DIR),/bin/trace_runtime)
	@cp $(RUNTIME_DIR)/trace_runtime $(RUNTIME_DIR)/root/bin/
	@python3 tools/mkcpio.py -o $(RUNTIME_DIR)/trace.cpio $(RUNTIME_DIR)/root \
		$(IMAGE_NODES) --dir proc:555
	python3 tools/qemu.py --kernel $(BUILD)/tine.elf --initrd $(RUNTIME_DIR)/trace.cpio \
		--log $(RUNTIME_DIR)/serial.log --timeout $(TRACE_TIMEOUT) > /dev/null
	python3 tests/trace/check_runtime.py $(RUNTIME_DIR)/serial.log

# The cost of the trace points: fork+exit+wait timed under -icount shift=0
# on a kernel without them (TRACE=0, built in $(BUILD)/notrace), with them
# but off, and with trace=proc,sched on (docs/trace.md has the figures);
# fails if "off" is more than 2% over "without".  Part of make test-trace.
OVERHEAD_DIR := $(BUILD)/trace-overhead
$(OVERHEAD_DIR)/forkbench: tests/trace/forkbench.c
	@mkdir -p $(@D)
	$(MUSL_CC) -static -O2 -Wall -Wextra -Werror -o $@ $<

$(OVERHEAD_DIR)/forkbench.cpio: $(OVERHEAD_DIR)/forkbench
	@rm -rf $@.d && mkdir -p $@.d
	@cp $< $@.d/init
	@python3 tools/mkcpio.py -o $@ $@.d $(IMAGE_NODES)

trace-overhead: kernel $(OVERHEAD_DIR)/forkbench.cpio
	$(MAKE) BUILD=$(BUILD)/notrace TRACE=0 kernel
	@rm -f $(OVERHEAD_DIR)/*.log
	@for k in "notrace:$(BUILD)/notrace/tine.elf:" "off:$(BUILD)/tine.elf:" \
		  "on:$(BUILD)/tine.elf:trace=proc,sched"; do \
		name=$${k%%:*}; rest=$${k#*:}; elf=$${rest%%:*}; app=$${rest#*:}; \
		python3 tools/qemu.py --icount --kernel $$elf \
			--initrd $(OVERHEAD_DIR)/forkbench.cpio --append "$$app" \
			--timeout 300 --log $(OVERHEAD_DIR)/$$name.log > /dev/null; \
	done
	python3 tests/trace/check_overhead.py $(OVERHEAD_DIR)
