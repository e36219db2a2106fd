# LifeTimeCircle · Service Heft 4.0 — the one entry point.
# make | make deps | make run | make stop | make test | make bench | make soak | make admin EMAIL=… ROLE=…
# make install [PREFIX=…] [DESTDIR=…] [DOMAIN=…] | make dist   (docs/deployment.md)
# make fuzz | make valgrind | make asan (reliability runs, docs/reliability.md)

# Build with every core unless the caller chose (make -jN).
ifeq ($(filter -j%,$(MAKEFLAGS)),)
MAKEFLAGS += -j$(shell nproc)
endif

CXX      ?= g++
BUILD    := build
BIN      := $(BUILD)/bin
OBJ      := $(BUILD)/obj
GEN      := $(BUILD)/gen

VERSION_BASE := $(shell cat VERSION)
GIT_HASH     := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
LTC_VERSION  := $(VERSION_BASE)+$(GIT_HASH)

CPPFLAGS := -Ilib -I$(GEN) -I/usr/include/postgresql -I/usr/include/soci \
            $(shell pkg-config --cflags cpp-httplib 2>/dev/null)
CXXFLAGS ?= -O2 -g
CXXFLAGS += -std=c++20 -Wall -Wextra -Wpedantic -Werror -MMD -MP
# Hardening: bounds-checked libc calls, stack canaries, position-independent code (ASLR) and a
# read-only GOT resolved at start. FORTIFY needs optimisation: a -O0 build drops it rather
# than failing on glibc's warning under -Werror.
HARDEN_CPPFLAGS := $(if $(filter -O0,$(CXXFLAGS)),,-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2)
HARDEN_CXXFLAGS := -fstack-protector-strong -fPIE
HARDEN_LDFLAGS  := -pie -Wl,-z,relro,-z,now
CPPFLAGS += $(HARDEN_CPPFLAGS)
CXXFLAGS += $(HARDEN_CXXFLAGS) $(SANITIZE)
LDFLAGS  += $(HARDEN_LDFLAGS) $(SANITIZE)
LDLIBS   := -lfcgi -lsoci_postgresql -lsoci_core -lpq \
            -lPocoNetSSL -lPocoNet -lPocoCrypto -lPocoJSON -lPocoUtil -lPocoXML -lPocoFoundation \
            -licui18n -licuuc -lqrencode -lhpdf -lpng -lcmark -lssl -lcrypto -lpthread
HTTPLIB_LIBS := $(shell pkg-config --libs cpp-httplib 2>/dev/null)
TEST_LIBS    := -lboost_unit_test_framework -ljpeg

LIB_SRC := $(shell find lib -name '*.cpp' | sort)
LIB_OBJ := $(LIB_SRC:%.cpp=$(OBJ)/%.o)
LIB_A   := $(BUILD)/libltc.a

UNIT_SRC        := $(sort $(wildcard tests/unit/*.cpp))
INTEGRATION_SRC := $(sort $(wildcard tests/integration/*.cpp))
BROWSER_SRC     := $(sort $(wildcard tests/browser/*.cpp))
FUZZ_SRC        := $(sort $(wildcard tests/fuzz/*_target.cpp))
FUZZ_REPLAYS    := $(FUZZ_SRC:tests/fuzz/%_target.cpp=$(BIN)/fuzz-replay-%)

PROGRAMS := $(BIN)/ltc-fcgi $(BIN)/ltc $(BIN)/ltc-bench-responder
TESTS    := $(BIN)/unit-tests $(BIN)/integration-tests $(BIN)/browser-tests $(FUZZ_REPLAYS)

.PHONY: all deps run stop test bench soak admin clean install dist fuzz valgrind asan
# Keep the objects of the programs' main files (make would delete them as intermediates).
.SECONDARY:
all: $(PROGRAMS) $(TESTS)

deps:
	@scripts/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	@scripts/stack.sh up

stop:
	@scripts/stack.sh down

test: deps
	@$(MAKE) --no-print-directory all
	@scripts/test.sh

bench: deps
	@$(MAKE) --no-print-directory all
	@scripts/bench.sh

# A mixed workload at a fixed rate for LTC_SOAK_MINUTES (default 10): make soak LTC_SOAK_MINUTES=5
soak: deps
	@$(MAKE) --no-print-directory all
	@scripts/soak.sh

# The first superadmin (and any admin) of the local stack: make admin EMAIL=… ROLE=admin|superadmin
admin: all
	@test -n "$(EMAIL)" || { echo "usage: make admin EMAIL=… ROLE=admin|superadmin" >&2; exit 2; }
	@scripts/ltc-local.sh create-admin --email "$(EMAIL)" --role "$(or $(ROLE),admin)"

clean:
	rm -rf $(BUILD) build-asan

# A release: the release directory (PREFIX, one per version; `current` links the active one) and
# the system files in /etc naming LTC_HOME (scripts/install-release.sh, scripts/install-system.sh).
PREFIX   ?= /opt/lifetimecircle/releases/$(LTC_VERSION)
LTC_HOME ?= /opt/lifetimecircle/current
DOMAIN   ?= $(shell hostname -f 2>/dev/null || hostname)
install: $(BIN)/ltc-fcgi $(BIN)/ltc
	scripts/install-release.sh "$(DESTDIR)$(PREFIX)" "$(LTC_VERSION)"
	"$(DESTDIR)$(PREFIX)/libexec/install-system" --root "$(DESTDIR)" --home "$(LTC_HOME)" --domain "$(DOMAIN)"

# The release tarball lifetimecircle-<version>.tar.gz (one directory, the release: unpacked into
# /opt/lifetimecircle/releases/) and its SHA256SUMS, in build/dist/.
DIST := $(BUILD)/dist
dist: $(BIN)/ltc-fcgi $(BIN)/ltc
	rm -rf $(DIST) && mkdir -p $(DIST)/stage
	scripts/install-release.sh "$(DIST)/stage/$(LTC_VERSION)" "$(LTC_VERSION)"
	tar -C $(DIST)/stage --owner=0 --group=0 --sort=name -czf $(DIST)/lifetimecircle-$(LTC_VERSION).tar.gz $(LTC_VERSION)
	rm -rf $(DIST)/stage
	cd $(DIST) && sha256sum lifetimecircle-$(LTC_VERSION).tar.gz > SHA256SUMS
	@echo "$(DIST)/lifetimecircle-$(LTC_VERSION).tar.gz"

# libFuzzer (clang-14 with ASan + UBSan, not part of `make deps`): LTC_FUZZ_SECONDS per target.
fuzz:
	@scripts/fuzz.sh

# The unit suite under valgrind's memcheck (leaks and invalid accesses fail it). Needs
# apt-get install -y valgrind (not part of `make deps`: CI's `make test` does not use it).
# tests/valgrind.supp lists the known false positives with their reasons. One case is left
# out: valgrind runs posix_spawn's CLONE_VFORK as a plain fork, so a scanner
# that cannot start is not reported to the parent (a limit of valgrind, not of the code).
valgrind: $(BIN)/unit-tests
	valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=1 \
	  --suppressions=tests/valgrind.supp \
	  $(BIN)/unit-tests --report_level=short --run_test='!scan_command/exit_codes_of_the_fake_scanner'

# The unit suite and the integration main phase built with AddressSanitizer + UBSan, against a
# stack whose workers, mailer and CLI are that build too (build-asan/, var/asan, own ports);
# any sanitizer report fails it (scripts/asan.sh).
# (GCC 12's -Wmaybe-uninitialized misfires inside <regex> and std::function once instrumented;
# the vptr check needs type information Debian's SOCI libraries do not export.)
ASAN_FLAGS := -fsanitize=address,undefined -fno-sanitize=vptr -fno-sanitize-recover=all -fno-omit-frame-pointer \
              -Wno-maybe-uninitialized
asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan SANITIZE="$(ASAN_FLAGS)" \
	  build-asan/bin/ltc-fcgi build-asan/bin/ltc build-asan/bin/unit-tests build-asan/bin/integration-tests
	@scripts/asan.sh

# The version header changes only when the version string does, so commits do not rebuild everything.
$(GEN)/ltc_version.hpp: FORCE
	@mkdir -p $(GEN)
	@echo '#pragma once' > $@.tmp
	@echo '#define LTC_VERSION "$(LTC_VERSION)"' >> $@.tmp
	@cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@
FORCE:

$(OBJ)/%.o: %.cpp | $(GEN)/ltc_version.hpp
	@mkdir -p $(dir $@)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS) -c $< -o $@

$(LIB_A): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	@rm -f $@
	ar rcs $@ $^

$(BIN)/%: $(OBJ)/app/%/main.o $(LIB_A)
	@mkdir -p $(dir $@)
	$(CXX) $(CXXFLAGS) $(LDFLAGS) $^ -o $@ $(LDLIBS)

$(BIN)/unit-tests: $(UNIT_SRC:%.cpp=$(OBJ)/%.o) $(LIB_A)
	@mkdir -p $(dir $@)
	$(CXX) $(CXXFLAGS) $(LDFLAGS) $^ -o $@ $(LDLIBS) $(TEST_LIBS)

$(BIN)/integration-tests: $(INTEGRATION_SRC:%.cpp=$(OBJ)/%.o) $(LIB_A)
	@mkdir -p $(dir $@)
	$(CXX) $(CXXFLAGS) $(LDFLAGS) $^ -o $@ $(HTTPLIB_LIBS) $(LDLIBS) $(TEST_LIBS)

$(BIN)/browser-tests: $(BROWSER_SRC:%.cpp=$(OBJ)/%.o) $(LIB_A)
	@mkdir -p $(dir $@)
	$(CXX) $(CXXFLAGS) $(LDFLAGS) $^ -o $@ $(HTTPLIB_LIBS) $(LDLIBS) $(TEST_LIBS)

# Each fuzz target is also built with g++ as a corpus replay, fuzz-replay-<name> (libFuzzer
# builds: scripts/fuzz.sh with clang).
$(BIN)/fuzz-replay-%: $(OBJ)/tests/fuzz/%_target.o $(OBJ)/tests/fuzz/replay_main.o $(LIB_A)
	@mkdir -p $(dir $@)
	$(CXX) $(CXXFLAGS) $(LDFLAGS) $^ -o $@ $(LDLIBS)

-include $(shell find $(OBJ) -name '*.d' 2>/dev/null)
