# minyi - satisfaction-survey scoring for cadre evaluation.
#
#   make            build the programs into build/
#   make demo       install dependencies, build, score the sample data
#   make check      build and run every test (SAN=1: under ASan+UBSan)
#   make bench      time minyi-score against peer tools
#   make install    install programs and man pages (PREFIX, DESTDIR)
#   make deps       install the Debian packages the build and tests need

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DESTDIR ?=

CC ?= cc
CFLAGS ?= -O2 -g
WARN = -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes -Wvla
ifeq ($(WERROR),1)
WARN += -Werror
endif
ifeq ($(SAN),1)
B = build-san
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=undefined
else
B = build
SANFLAGS =
endif
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(SANFLAGS) $(CFLAGS) -Ilib
LIBS = -lcsv -lgsl -lgslcblas -lm

PROGRAMS = minyi minyi-adjust minyi-check minyi-deadline minyi-merge \
           minyi-rank minyi-score minyi-trend minyi-weight
# lib/ in layers, each using only those above it: base (errors,
# allocation, hashing, UTF-8, numbers), io (CSV in and out, outputs,
# rejects, provenance), stats (intervals, quantiles, exact sums, raking),
# table (the score table's schema, reader, sums and partials), survey
# (codebook, roster, margins, checking, scoring, weighting), service
# (the service centre's working calendar, catalogue, penalty rules and
# deadline engine), prog (the programs' shared options, run driver and
# reporting).  Headers are included as "layer/name.h".
LAYERS = base io stats table survey service prog
LIB_SRC = $(sort $(wildcard $(LAYERS:%=lib/%/*.c)))
LIB_HDR = $(wildcard $(LAYERS:%=lib/%/*.h))
LIB_OBJ = $(LIB_SRC:lib/%.c=$(B)/lib/%.o)
UNIT_SRC = $(sort $(wildcard tests/unit/test-*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
MAN1 = $(PROGRAMS:%=man/%.1)
MAN = $(MAN1) man/minyi-formats.5 man/minyi.7

all: $(PROGRAMS:%=$(B)/%) $(B)/gen-sample $(B)/gen-service-log

$(B)/lib/%.o: lib/%.c $(LIB_HDR) | $(B)/lib
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

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
	$(B)/minyi-check -c data/codebook.csv -R data/roster.csv \
	  --rejects $(B)/rejects.csv --report $(B)/check-report.csv \
	  data/survey.csv > $(B)/clean.csv
	$(B)/minyi-score -c data/codebook.csv -g wave,cadre -o $(B)/scores.csv \
	  $(B)/clean.csv
	$(B)/minyi-adjust -q --by wave -o $(B)/adjusted.csv --limits $(B)/funnel.csv \
	  $(B)/scores.csv
	$(B)/minyi-deadline -q -c data/catalogue.csv \
	  --calendar data/calendar-2014.csv -p data/penalty.csv \
	  --as-of 2014-10-10 --from 2014-07-01 --to 2014-09-30 \
	  --warnings $(B)/warnings.csv -o $(B)/departments.csv \
	  data/service-log.csv
	$(B)/minyi-adjust -q -o $(B)/departments-adjusted.csv \
	  $(B)/departments.csv
	@echo
	@echo "Checked rows: $(B)/clean.csv, report $(B)/check-report.csv."
	@echo "Score table: $(B)/scores.csv, one row per cadre and wave, its numbers"
	@echo "exact; how it was made: $(B)/scores.csv.meta.csv."
	@echo "Adjusted: $(B)/adjusted.csv (one prior per wave; funnel limits in"
	@echo "$(B)/funnel.csv)."
	@echo "The ten cadres of 2026Q2 with the lowest posterior mean, small samples"
	@echo "shrunk towards the wave's prior (rounded for display):"
	@(echo "cadre,n,sat,rate,post_mean,post_lo,post_hi,funnel"; \
	  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$$i] = i; next } \
	    $$1 == "2026Q2" { printf "%s,%s,%s,%.3f,%.3f,%.3f,%.3f,%s\n", $$2, $$c["n"], \
	      $$c["sat"], $$c["rate"], $$c["post_mean"], $$c["post_lo"], \
	      $$c["post_hi"], $$c["funnel_flag"] }' $(B)/adjusted.csv \
	  | LC_ALL=C sort -t, -k5,5g -k1,1 | head -n 10) | column -t -s,
	@echo
	@echo "The service centre's departments in 2014Q3, judged on 2014-10-10"
	@echo "(on-time rate with its Wilson interval, open and overdue items,"
	@echo "working days to complete, penalty points; the early-warning list"
	@echo "is $(B)/warnings.csv; shrunk and funnel-placed as cadres are in"
	@echo "$(B)/departments-adjusted.csv):"
	@(echo "department,n,on_time,rate,lo,hi,open,overdue,median,p90,penalty,funnel"; \
	  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$$i] = i; next } \
	    { printf "%s,%s,%s,%.3f,%.3f,%.3f,%s,%s,%s,%.1f,%s,%s\n", $$1, $$c["n"], \
	      $$c["sat"], $$c["rate"], $$c["lo"], $$c["hi"], $$c["open"], \
	      $$c["overdue"], $$c["days_median"], $$c["days_p90"], \
	      $$c["penalty"], $$c["funnel_flag"] }' $(B)/departments-adjusted.csv \
	  | LC_ALL=C sort -t, -k4,4g) | column -t -s,

check: deps
	$(MAKE) all units
	B=$(B) sh tests/run

units: $(UNIT_BIN)

sample: $(B)/gen-sample $(B)/gen-service-log
	$(B)/gen-sample --outdir data
	$(B)/gen-service-log --calendar data/calendar-2014.csv \
	  > data/service-log.csv

bench: all
	sh tests/bench.sh $(B)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	  $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	install -m 755 $(PROGRAMS:%=$(B)/%) $(DESTDIR)$(BINDIR)
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1
	install -m 644 man/minyi-formats.5 $(DESTDIR)$(MANDIR)/man5
	install -m 644 man/minyi.7 $(DESTDIR)$(MANDIR)/man7

uninstall:
	rm -f $(PROGRAMS:%=$(DESTDIR)$(BINDIR)/%) \
	  $(MAN1:man/%=$(DESTDIR)$(MANDIR)/man1/%) \
	  $(DESTDIR)$(MANDIR)/man5/minyi-formats.5 \
	  $(DESTDIR)$(MANDIR)/man7/minyi.7

clean:
	rm -rf build build-san

.PHONY: all deps demo check units sample bench install uninstall clean
.DELETE_ON_ERROR:
