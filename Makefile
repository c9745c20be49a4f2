# minyi - satisfaction-survey scoring for cadre evaluation.
#
#   make            build the programs into build/
#   make demo       install dependencies, build, score the sample data
#   make check      build and run every test (SAN=1: under ASan+UBSan;
#                   TSAN=1: under ThreadSanitizer, in build-tsan;
#                   PASSES=one: the CLI tables once, in the C locale,
#                   not again in C.UTF-8 and with the fast path off)
#   make bench      time minyi-score against peer tools (bench/README.md;
#                   QUICK=1 for a one-minute run; make bench-rank:
#                   minyi-rank, 10,000 cadres x 10,000 draws)
#   make install    install programs, man pages and bash completion
#                   (PREFIX, DESTDIR)
#   make deps       install the Debian packages the build and tests need
#   make pot        extract the messages into po/minyi.pot and merge them
#                   into each po/LANG.po (msgmerge), to be translated
#   make fuzz       build the libFuzzer targets of tests/fuzz with clang
#                   into build-fuzz/ and run each for FUZZ_TIME seconds
#                   (default 60) from its seed corpus; the crashes found
#                   are left in build-fuzz/crashes/TARGET/
#   make valgrind   run the CLI tests' programs under valgrind memcheck,
#                   any memory error or leak failing its case
#                   (VALGRIND_TESTS="merge weight": those tables only);
#                   make check VALGRIND=1 does the same within the suite

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
# bash-completion's directory of completions loaded on demand, one file
# per command (completion/minyi.bash, installed under each name).
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
DESTDIR ?=

CC ?= cc
CFLAGS ?= -O2 -g
WARN = -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes -Wvla
ifeq ($(WERROR),1)
WARN += -Werror
endif
ifeq ($(SAN)$(VALGRIND),11)
$(error SAN=1 and VALGRIND=1 do not mix: valgrind runs the plain build)
endif
ifeq ($(SAN)$(TSAN),11)
$(error SAN=1 and TSAN=1 do not mix: ASan and TSan are separate builds)
endif
ifeq ($(SAN),1)
B = build-san
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=undefined
else ifeq ($(TSAN),1)
B = build-tsan
SANFLAGS = -fsanitize=thread -fno-omit-frame-pointer
else
B = build
SANFLAGS =
endif
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -pthread $(WARN) $(SANFLAGS) $(CFLAGS) -Ilib
LIBS = -lcsv -lunistring -lgsl -lgslcblas -lxlsxwriter -lnettle -lm -pthread

PROGRAMS = minyi minyi-adjust minyi-check minyi-deadline minyi-merge \
           minyi-rank minyi-report minyi-score minyi-trend minyi-weight
# lib/ in layers, each using only those above it: base (errors,
# allocation, hashing, UTF-8, numbers), io (CSV in and out, outputs,
# rejects, provenance), stats (intervals, quantiles, exact sums, raking),
# table (the score table's schema, reader, sums and partials), survey
# (codebook, roster, margins, checking, scoring, weighting), service
# (the service centre's working calendar, catalogue, penalty rules and
# deadline engine), prog (the programs' shared options, run driver and
# reporting).  Headers are included as "layer/name.h".
LAYERS = base io stats table survey service report prog
LIB_SRC = $(sort $(wildcard $(LAYERS:%=lib/%/*.c)))
LIB_HDR = $(wildcard $(LAYERS:%=lib/%/*.h))
LIB_OBJ = $(LIB_SRC:lib/%.c=$(B)/lib/%.o)
UNIT_SRC = $(sort $(wildcard tests/unit/test-*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
MAN1 = $(PROGRAMS:%=man/%.1)
MAN = $(MAN1) man/minyi-formats.5 man/minyi.7
# The message catalogues: po/LANG.po, compiled into the build tree as
# $(B)/locale/LANG/LC_MESSAGES/minyi.mo (the tests point
# MINYI_LOCALEDIR there) and installed under $(LOCALEDIR), which the
# programs are built to look in (give make the same PREFIX as make
# install).
LINGUAS = $(sort $(basename $(notdir $(wildcard po/*.po))))
MO = $(LINGUAS:%=$(B)/locale/%/LC_MESSAGES/minyi.mo)

all: $(PROGRAMS:%=$(B)/%) $(B)/gen-sample $(B)/gen-service-log $(MO)

$(B)/lib/%.o: lib/%.c $(LIB_HDR) | $(B)/lib
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# The programs look for their catalogues in LOCALEDIR, known when
# lib/prog/common.c is compiled: the stamp holds it, and changes (so
# that common.o and the programs are rebuilt) when make or make install
# is given another PREFIX or LOCALEDIR.
$(B)/lib/prog/common.o: ALL_CFLAGS += -DLOCALEDIR='"$(LOCALEDIR)"'
$(B)/lib/prog/common.o: $(B)/localedir.stamp
$(B)/localedir.stamp: FORCE | $(B)/lib
	@echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' > $@
FORCE:

# --check: the translation keeps every conversion of a c-format message.
$(B)/locale/%/LC_MESSAGES/minyi.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# The messages: the format of mn_error_set, argp_error, error and
# error_at_line, and every string marked _() or N_().  The .pot carries
# no date, so that it changes only when a message does.
POT_KEYWORDS = --keyword=_ --keyword=N_ --keyword=mn_error_set:5 \
  --keyword=OD_FAIL:3 --flag=OD_FAIL:3:c-format \
  --flag=mn_error_set:5:c-format --flag=argp_error:2:c-format \
  --keyword=dngettext:2,3 --flag=dngettext:2:c-format --flag=dngettext:3:c-format \
  --flag=error:3:c-format --flag=error_at_line:5:c-format
POT_SRC = $(sort $(wildcard cmd/*.c) $(LIB_SRC) $(LIB_HDR)) po/argp-strings.c
POTFILE = po/minyi.pot
pot: potfile
	for l in $(LINGUAS); do \
	  msgmerge --quiet --update --backup=none --no-location \
	    --sort-output po/$$l.po po/minyi.pot && \
	  msgattrib --no-obsolete --sort-output -o po/$$l.po po/$$l.po || \
	  exit 2; \
	done

# The template alone, to POTFILE (tests/po.sh writes one elsewhere).
potfile:
	xgettext --language=C --from-code=UTF-8 --add-comments=TRANSLATORS: \
	  $(POT_KEYWORDS) --package-name=minyi --package-version=0.1.0 \
	  --msgid-bugs-address='the minyi issue tracker' --no-location \
	  --sort-output -o $(POTFILE).tmp $(POT_SRC)
	sed '/^"POT-Creation-Date:/d' $(POTFILE).tmp > $(POTFILE)
	rm -f $(POTFILE).tmp

$(B)/libminyi.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/minyi-%: cmd/minyi-%.c $(B)/libminyi.a
	$(CC) $(ALL_CFLAGS) $< -o $@ $(B)/libminyi.a $(LIBS)

$(B)/minyi: cmd/minyi.c $(B)/libminyi.a
	$(CC) $(ALL_CFLAGS) $< -o $@ $(B)/libminyi.a $(LIBS)

$(B)/gen-sample: tools/gen-sample.c | $(B)/lib
	$(CC) $(ALL_CFLAGS) $< -o $@ $(LIBS)

$(B)/gen-service-log: tools/gen-service-log.c $(B)/libminyi.a
	$(CC) $(ALL_CFLAGS) $< -o $@ $(B)/libminyi.a $(LIBS)

$(B)/tests/%: tests/unit/%.c tests/unit/tap.h $(B)/libminyi.a | $(B)/tests
	$(CC) $(ALL_CFLAGS) -Itests/unit $< -o $@ $(B)/libminyi.a $(LIBS)

$(B)/lib $(B)/tests:
	mkdir -p $@

deps:
	@sh tools/install-deps

demo: deps
	$(MAKE) all
	sh data/quarter-end.sh $(B) $(B)/quarter-end

check: deps
	$(MAKE) all units
	B=$(B) VALGRIND=$(VALGRIND) PASSES=$(PASSES) sh tests/run

units: $(UNIT_BIN)

sample: $(B)/gen-sample $(B)/gen-service-log
	$(B)/gen-sample --outdir data
	$(B)/gen-service-log --calendar data/calendar-2014.csv \
	  > data/service-log.csv

# make bench: minyi-score beside DuckDB, data.table, mawk and datamash on
# one generated file (bench/README.md; QUICK=1 ROWS= RUNS= MEM= TOOLS=).
# make bench-suite: the older, wider one (minyi-check, minyi-rank).
# make bench-rank: minyi-rank on 1,000 and 10,000 cadres x 10,000 draws,
# one thread and the default (bench/rank.sh; RUNS=).
bench: all
	sh bench/bench.sh $(B)

bench-suite: all
	sh bench/suite.sh $(B)

bench-rank: all
	sh bench/rank.sh $(B)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	  $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	for l in $(LINGUAS); do \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	  install -m 644 $(B)/locale/$$l/LC_MESSAGES/minyi.mo \
	    $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/minyi.mo || exit 2; \
	done
	install -m 755 $(PROGRAMS:%=$(B)/%) $(DESTDIR)$(BINDIR)
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1
	install -m 644 man/minyi-formats.5 $(DESTDIR)$(MANDIR)/man5
	install -m 644 man/minyi.7 $(DESTDIR)$(MANDIR)/man7
	install -d $(DESTDIR)$(BASHCOMPDIR)
	for p in $(PROGRAMS); do \
	  install -m 644 completion/minyi.bash $(DESTDIR)$(BASHCOMPDIR)/$$p || exit; \
	done

uninstall:
	rm -f $(PROGRAMS:%=$(DESTDIR)$(BINDIR)/%) \
	  $(MAN1:man/%=$(DESTDIR)$(MANDIR)/man1/%) \
	  $(DESTDIR)$(MANDIR)/man5/minyi-formats.5 \
	  $(DESTDIR)$(MANDIR)/man7/minyi.7 \
	  $(LINGUAS:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES/minyi.mo)
	  $(PROGRAMS:%=$(DESTDIR)$(BASHCOMPDIR)/%)

# Fuzzing (tests/fuzz/run says more): the library again, built by clang with
# libFuzzer's coverage and ASan+UBSan, into build-fuzz/; one program per
# parser of user files.  FUZZ_TIME seconds per target; FUZZ_JOBS runs
# that many targets at once.
FUZZ_CC = clang
FUZZ_TIME = 60
FUZZ_JOBS = 1
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
           -fno-omit-frame-pointer
FUZZ_CFLAGS = -std=c11 -D_GNU_SOURCE -g -O1 $(WARN) $(FUZZ_SAN) -Ilib
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz-*.c))
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/%)
FUZZ_OBJ = $(LIB_SRC:lib/%.c=build-fuzz/lib/%.o)

build-fuzz/lib/%.o: lib/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

build-fuzz/libminyi.a: $(FUZZ_OBJ)
	rm -f $@
	ar rcs $@ $^

build-fuzz/fuzz-%: tests/fuzz/fuzz-%.c tests/fuzz/fuzz.h build-fuzz/libminyi.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Itests/fuzz $< -o $@ \
	  build-fuzz/libminyi.a $(LIBS)

fuzz-build: $(FUZZ_BIN)

fuzz: fuzz-deps
	$(MAKE) fuzz-build
	FUZZ_TIME=$(FUZZ_TIME) FUZZ_JOBS=$(FUZZ_JOBS) sh tests/fuzz/run $(FUZZ_BIN)

fuzz-deps:
	@sh tools/install-deps fuzz

valgrind: deps fuzz-deps
	$(MAKE) all
	B=$(B) VALGRIND_TESTS="$(VALGRIND_TESTS)" sh tests/valgrind.sh

clean:
	rm -rf build build-san build-tsan build-fuzz

.PHONY: all deps demo check units sample bench bench-suite bench-rank install uninstall clean pot potfile FORCE \
        fuzz fuzz-build fuzz-deps valgrind
.DELETE_ON_ERROR:
