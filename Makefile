# Everyday targets; the build itself is CMake (build/ and build-asan/).
#   make           build the program (build/entente)
#   make demo      code the sample articles into demo.db and show the results
#   make test      build and run every test, then again under ASan + UBSan
#   make asan      only the sanitizer build and its tests
#   make bench     throughput and memory benchmark (bench/run.sh)
#   make check-lexicon   validate data/
#   make web       the dashboard's browser libraries from npm (web/node_modules)
#   make fuzz      libFuzzer targets (clang) in build-fuzz/: fuzz_code, fuzz_reader
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD ?= build
ASAN_BUILD ?= build-asan

.PHONY: all build demo test unit asan bench check-lexicon clean web web-if-npm fuzz

all: build

# `make build` fetches the dashboard's npm packages only when npm is there,
# and goes on without them (with a message) when npm or the network is not.
NPM := $(shell command -v npm 2>/dev/null)

build: web-if-npm
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	rm -f demo.db demo.db-wal demo.db-shm
	$(BUILD)/entente ingest --db demo.db samples/
	@echo
	@echo "== coded events (roots 02-20) =="
	$(BUILD)/entente events --db demo.db
	@echo
	@echo "== per-country-pair summary =="
	$(BUILD)/entente pairs --db demo.db
	@echo
	@echo "== the relation between Vietnam and Russia =="
	$(BUILD)/entente relations --db demo.db VNM RUS
	@echo
	@echo "== one event with its evidence =="
	$(BUILD)/entente show --db demo.db $$($(BUILD)/entente events --db demo.db --pair VNM,RUS --code 04 --format jsonl --limit 1 | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
	@echo
	@echo "Dashboard and JSON API: $(BUILD)/entente serve --db demo.db  (then open http://127.0.0.1:8080/)"

unit: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

asan:
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DENT_SANITIZE=ON >/dev/null
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		ctest --output-on-failure -j $(JOBS)

test: unit asan

bench: 
	bench/run.sh

check-lexicon: build
	$(BUILD)/entente lexicon check

# the dashboard's browser libraries (d3), pinned by web/package-lock.json;
# reinstalled when web/node_modules is missing or older than the lock file
web: web/node_modules/.entente-installed

web/node_modules/.entente-installed: web/package-lock.json web/package.json
	npm ci --prefix web --no-audit --no-fund
	touch $@

web-if-npm:
ifeq ($(NPM),)
	@echo "make: npm not found: skipping the dashboard's browser libraries (web/node_modules); scripts/setup.sh installs npm, then make web"
else
	@$(MAKE) --no-print-directory web || echo "make: npm ci failed (no network?): skipping the dashboard's browser libraries; run make web later"
endif

# libFuzzer targets with ASan + UBSan (clang); run them, for example, with
#   mkdir -p /tmp/fuzz-corpus && build-fuzz/fuzz_code -max_total_time=60 /tmp/fuzz-corpus samples
fuzz:
	CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DENT_SANITIZE=ON -DENT_FUZZ=ON >/dev/null
	cmake --build build-fuzz -j $(JOBS) --target fuzz_code fuzz_reader

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-release build-fuzz demo.db demo.db-wal demo.db-shm
