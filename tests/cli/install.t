# make install: programs and man pages the GNU way (PREFIX, DESTDIR).

=== make install honours PREFIX and DESTDIR: every program of cmd/, every page of man/
cmd: make -s -C ../.. install B=$B DESTDIR=$T PREFIX=/opt/minyi >/dev/null && (cd $T && find ./opt -type f | sort) > $T/got && (for c in ../../cmd/*.c; do echo ./opt/minyi/bin/$(basename $c .c); done; for m in ../../man/*.[157]; do s=${m##*.}; echo ./opt/minyi/share/man/man$s/$(basename $m); done) | sort > $T/want && diff $T/want $T/got && grep -c . $T/got | awk '$1 >= 10 { print "at least 10 files" }'
exit: 0
stdout:
at least 10 files

=== the installed program runs and knows its version
cmd: make -s -C ../.. install B=$B DESTDIR=$T PREFIX=/opt/minyi >/dev/null && $T/opt/minyi/bin/minyi-score --version
exit: 0
stdout:
minyi-score (minyi) 0.1.0
