# mk/bench.mk: the benchmark initramfs and `make bench`.
#   make bench        boots build/bench/bench.cpio on Linux (the oracle) and
#                     on Tine, under -icount shift=0 once and under plain
#                     TCG three times (median), prints the table and writes
#                     build/bench/results.txt and results.json
#   make bench-image  just the image
#   make bench-md     the same as `make bench`, also writing the committed
#                     docs/bench-latest.md (for a person recording figures)
# Knobs: BENCH_MODES="icount tcg", BENCH_KERNELS="linux tine",
#        BENCH_RUNS=3 (plain TCG repetitions), BENCH_TIMEOUT=240 (per boot).
# The image carries /init (bench/bench.c), /bench/tiny (exec'd) and the
# usual device nodes; no busybox, so both kernels unpack the same small image.

BUILD ?= build
MUSL_CC ?= musl-gcc
BENCH_DIR := $(BUILD)/bench
BENCH_MODES ?= icount tcg
BENCH_KERNELS ?= linux tine
BENCH_RUNS ?= 3
BENCH_TIMEOUT ?= 240
LINUX_KERNEL ?= linux

BENCH_NODES := --dir dev:755 --dir tmp:1777 \
	--node dev/console:c:5:1:600 --node dev/null:c:1:3:666 \
	--node dev/zero:c:1:5:666

.PHONY: bench bench-image bench-md

$(BENCH_DIR)/bench: bench/bench.c
	@mkdir -p $(@D)
	$(MUSL_CC) -static -O2 -Wall -Wextra -Werror -pthread -o $@ $<

$(BENCH_DIR)/tiny: bench/tiny.c
	@mkdir -p $(@D)
	$(MUSL_CC) -static -O2 -Wall -Wextra -Werror -nostdlib -nostartfiles \
		-fno-stack-protector -o $@ $<

$(BENCH_DIR)/bench.cpio: $(BENCH_DIR)/bench $(BENCH_DIR)/tiny tools/mkcpio.py
	@echo "  CPIO    $@"
	@rm -rf $@.d && mkdir -p $@.d/bench
	@cp $(BENCH_DIR)/bench $@.d/init
	@cp $(BENCH_DIR)/tiny $@.d/bench/tiny
	@python3 tools/mkcpio.py -o $@ $@.d $(BENCH_NODES)

bench-image: $(BENCH_DIR)/bench.cpio

bench: $(BENCH_DIR)/bench.cpio
	@$(MAKE) kernel || echo "bench: WARNING: make kernel failed; using the existing $(BUILD)/tine.elf (if any)"
	python3 tools/bench.py --initrd $(BENCH_DIR)/bench.cpio \
		--tine $(BUILD)/tine.elf --linux $(LINUX_KERNEL) \
		--modes "$(BENCH_MODES)" --kernels "$(BENCH_KERNELS)" \
		--runs $(BENCH_RUNS) --timeout $(BENCH_TIMEOUT) \
		--smp $(CPUS) --out $(BENCH_DIR) $(BENCH_ARGS)

bench-md:
	$(MAKE) bench BENCH_ARGS="--md docs/bench-latest.md"
