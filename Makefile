# The two set-up commands are `make demo` and `make test`; everything else is a step of them.
SHELL := /bin/bash
JOBS ?= 2
LISTEN ?= 127.0.0.1:8080
CMAKE_FLAGS ?=
# Sanitizer builds: -O0 -g1. Line tables are all a sanitizer report needs. -O0 compiles the
# server in 60 % of -O1's time under ASan (245 s against 408 s on two cores); the tests then
# run ~10 s longer (94 s against 85 s), a fraction of what the build saves in every CI run.
SAN_FLAGS := -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O0 -g1"

.PHONY: all bootstrap build build-asan build-tsan demo test test-release test-rerun test-asan test-tsan \
        test-e2e lint-openapi fuzz fuzz-long bench format format-check tidy clean

all: build

bootstrap:
	@scripts/bootstrap

build/CMakeCache.txt:
	cmake -S . -B build -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

# RELEASE_TARGETS narrows the Release build. `make test` sets it to the server and the
# integration suite, the only tests it runs in that build: the unit and in-process server tests
# run under ASan+UBSan (test-asan), the PostgreSQL store tests too (scripts/test-pg), so
# compiling them a second time at -O3 would only cost CI time.
RELEASE_TARGETS ?=
build: build/CMakeCache.txt
	cmake --build build -j$(JOBS) $(if $(RELEASE_TARGETS),--target $(RELEASE_TARGETS))

# The sanitizer builds compile the server and the in-process tests; the integration tests run
# the Release test binary against their server (JH_TEST_BINARY, see test-asan and test-tsan).
build-asan/CMakeCache.txt:
	cmake -S . -B build-asan $(SAN_FLAGS) -DJH_SANITIZE=ON -DJH_INTEGRATION_TESTS=OFF $(CMAKE_FLAGS)

build-asan: build-asan/CMakeCache.txt
	cmake --build build-asan -j$(JOBS)

build-tsan/CMakeCache.txt:
	cmake -S . -B build-tsan $(SAN_FLAGS) -DJH_TSAN=ON -DJH_INTEGRATION_TESTS=OFF \
	  -DJH_UNIT_TESTS='store_*.cc' $(CMAKE_FLAGS)

# Under TSan: the server binary, the store's unit tests (only those files are compiled) and the
# in-process server tests. The integration tests' own binary needs no instrumentation:
# test-tsan runs the Release one against the TSan server (JH_TEST_BINARY), so its concurrency
# is checked where it runs.
build-tsan: build-tsan/CMakeCache.txt
	cmake --build build-tsan -j$(JOBS) --target jeugdhulp unit_tests server_tests

# Serves the demo region and its web pages (http://$(LISTEN)/) with a fresh data directory;
# prints a token per role to sign in with.
demo:
	@scripts/bootstrap --no-npm
	@$(MAKE) --no-print-directory build
	build/jeugdhulp demo --data .data-demo --fresh --listen $(LISTEN)

# Every test: unit and integration (release and ASan+UBSan), the ADR linter, a short fuzz run.
test: bootstrap
	@scripts/test

# Every test built in build/; with RELEASE_TARGETS set, the integration suite only (-L).
test-release: build
	cd build && ctest --output-on-failure -j$(JOBS) --timeout 300 \
	  $(if $(RELEASE_TARGETS),-L integration)

# The integration suite once more, every write batch run twice: rolled back, then run again
# with a savepoint per callback, as when one of its callbacks fails (store.h, rerun_batches).
# A callback that cannot run twice fails its test here, not once a year under load.
test-rerun: build
	cd build && JH_TEST_RERUN_BATCHES=1 ctest --output-on-failure -j$(JOBS) --timeout 300 \
	  -L integration

# Unit and in-process server tests under ASan+UBSan, in JOBS shards of one process each (not
# a process per test: scripts/gtest-shards), then the integration suite (Release test binary)
# against the ASan+UBSan server.
ASAN_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
test-asan: build build-asan
	cd build-asan && ctest --output-on-failure -L unit -R '^UnityNamesCheck$$'
	cd build-asan/tests && $(ASAN_ENV) JOBS=$(JOBS) ../../scripts/gtest-shards ./unit_tests ./server_tests
	cd build && $(ASAN_ENV) JH_TEST_BINARY=$(CURDIR)/build-asan/jeugdhulp \
	  ctest -L integration --output-on-failure -j$(JOBS) --timeout 600

# ThreadSanitizer over the concurrent parts: the group-committing store and the server.
TSAN_UNIT ?= StoreGroupCommitTest.*:StoreAfterCommitTest.*:BatchQueueTest.*:StoreFaultTest.*:StoreSqliteTest.*:Stores/StoreContract.*:CheckpointerTest.*:CheckpointInBackgroundStoreTest.*:AuditChainTest.CallbacksOfOneBatch*
TSAN_SERVER ?= ServerLimitsTest.*:ServerAbuseTest.*
TSAN_INTEGRATION ?= AdminApi.*:VirConcurrency.*
test-tsan: build build-tsan
	TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 build-tsan/tests/unit_tests --gtest_filter='$(TSAN_UNIT)'
	TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 build-tsan/tests/server_tests --gtest_filter='$(TSAN_SERVER)'
	TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 JH_TEST_BINARY=$(CURDIR)/build-tsan/jeugdhulp \
	  build/tests/integration_tests --gtest_filter='$(TSAN_INTEGRATION)'

# The web pages in headless chromium (Playwright) with axe-core; screenshots in build/e2e-artifacts.
test-e2e: build
	scripts/test-e2e

lint-openapi: build
	scripts/lint-openapi build/jeugdhulp

fuzz:
	scripts/fuzz --seconds 20

fuzz-long:
	scripts/fuzz --runs 10000000

bench: build
	bench/wrk-run

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

# Style gates of make test: the repository's .clang-format and .clang-tidy, no findings.
format-check:
	git ls-files '*.cc' '*.h' | xargs clang-format --dry-run --Werror

# clang cannot read g++'s precompiled headers, so clang-tidy gets a compile database of its
# own, configured without them (configuring only; nothing is compiled there).
# clang-tidy 22 (Debian's bookworm-security archive) no longer walks the declarations of system
# headers; `make tidy` took 284 s with it where clang-tidy 14 took 662 s (docs/architecture.md).
CLANG_TIDY ?= $(shell command -v clang-tidy-22 || echo clang-tidy)
tidy:
	cmake -S . -B build-tidy -DJH_PCH=OFF -DJH_UNITY=OFF -DJH_TESTS=OFF $(CMAKE_FLAGS) >/dev/null
	git ls-files 'src/*.cc' | xargs -P$(JOBS) -n4 $(CLANG_TIDY) -p build-tidy --quiet --warnings-as-errors='*' 

clean:
	rm -rf build build-asan build-tsan build-tidy build-fuzz
