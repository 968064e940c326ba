# telepot.h - build, demo, tests and benchmarks. `make demo` and `make test` are the two
# commands of the README; everything lands in build/.
CC      ?= cc
CXX     ?= c++
CFLAGS  ?= -O2 -g
WARN     = -std=c99 -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wcast-qual -Wpointer-arith -Wundef -Wvla -Wformat=2
LIBS     = -lpthread
SAN      = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
B        = build
EXAMPLES = echo skeleton skeleton_extend diceyclock emodi webhook_skeleton webhook_counter counter guess chatbox indoor inline broadcast

# ipcam alone links a library (miniupnpc, Debian libminiupnpc-dev): built by `make` where its
# header is installed, skipped elsewhere; `make ipcam` builds it or says what is missing.
IPCAM    = $(if $(wildcard /usr/include/miniupnpc/miniupnpc.h),$(B)/examples/ipcam)

.PHONY: all examples tools demo test check bench soak symbols clean gen mutate ipcam
all: examples tools
examples: $(EXAMPLES:%=$(B)/examples/%) $(IPCAM)
tools: $(B)/tpemu
ipcam: $(B)/examples/ipcam

$(B)/examples/%: examples/%.c telepot.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) $< -o $@ $(LIBS)

$(B)/examples/ipcam: examples/ipcam.c telepot.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) $< -o $@ -lminiupnpc $(LIBS)

$(B)/tpemu: tools/tpemu.c tools/tpemu_schema.h tools/tpemu_page.h telepot.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) tools/tpemu.c -o $@ $(LIBS)

# The chat page, embedded (checked in: building tpemu needs no Python).
tools/tpemu_page.h: tools/tpemu_page.html tools/gen_page.py
	python3 tools/gen_page.py

# Regenerates the Bot API part of telepot.h (and tools/tpemu_schema.h, tests/gen_cases.h) from
# tools/botapi.json. A new Bot API version: `make gen BOTAPI=path/to/botapi.json` (copied into
# tools/ first), then `make test`.
gen:
	@if [ -n "$(BOTAPI)" ]; then cp "$(BOTAPI)" tools/botapi.json; fi
	python3 tools/gen_api.py

# A scripted conversation between a user and diceyclock, through the emulator.
demo: $(B)/tpemu $(B)/examples/diceyclock
	@sh tools/demo.sh $(B)/tpemu $(B)/examples/diceyclock tools/demo.txt

# Installs what the tests need (tools/deps.sh), then runs the whole suite (tests/run.sh).
test:
	@sh tools/deps.sh test
	@bash tests/run.sh

# Mutation testing: each bug of tests/mutations.txt planted in a scratch copy of the header
# under build/mutate/, the tests named for it run; fails if one survives or no longer applies.
# Not part of `make test` (a few minutes on 2 cores); run it before resolving an issue.
mutate:
	@sh tools/deps.sh test
	@python3 tests/mutate.py --jobs 2

# The update soaks at the issue's size (make test runs them with 2000 updates), and the
# delegator's scale test with 10,000 chats through the thread producer too (make test: 2,000)
# and 1,000 through the fork producer (make test: 100; a few minutes on 2 cores).
soak: tools
	@mkdir -p $(B)/tests
	$(CC) $(WARN) -O1 -g $(SAN) tests/test_updates.c -o $(B)/tests/test_updates-asan $(LIBS)
	TPT_SOAK_N=10000 $(B)/tests/test_updates-asan
	$(CC) $(WARN) -O2 tests/test_dlg_scale.c -o $(B)/tests/test_dlg_scale $(LIBS)
	TPT_DLG_CHATS=10000 TPT_DLG_FORK_CHATS=1000 $(B)/tests/test_dlg_scale

bench: all
	@sh tools/deps.sh bench
	@bash bench/run.sh

# Every symbol the implementation exports carries the tp_ prefix, none is private (tp__).
symbols:
	@mkdir -p $(B)
	@printf '#define TELEPOT_IMPLEMENTATION\n#include "../telepot.h"\n' > $(B)/symbols.c
	@$(CC) -O2 -c $(B)/symbols.c -o $(B)/symbols.o
	@bad=$$(nm -g --defined-only $(B)/symbols.o | awk '{print $$3}' | grep -v '^tp_' ; \
	        nm -g --defined-only $(B)/symbols.o | awk '{print $$3}' | grep '^tp__'); \
	if [ -n "$$bad" ]; then echo "symbols: exported without the tp_ prefix or private:"; echo "$$bad"; exit 1; fi; \
	echo "symbols: $$(nm -g --defined-only $(B)/symbols.o | wc -l) exported, all tp_"

clean:
	rm -rf $(B)
