# make install: programs and man pages the GNU way (PREFIX, DESTDIR).

=== make install honours PREFIX and DESTDIR
cmd: make -s -C ../.. install B=$B DESTDIR=$T PREFIX=/opt/minyi >/dev/null && cd $T && find . -type f | sort
exit: 0
stdout:
./opt/minyi/bin/minyi-adjust
./opt/minyi/bin/minyi-check
./opt/minyi/bin/minyi-deadline
./opt/minyi/bin/minyi-merge
./opt/minyi/bin/minyi-score
./opt/minyi/bin/minyi-weight
./opt/minyi/share/man/man1/minyi-adjust.1
./opt/minyi/share/man/man1/minyi-check.1
./opt/minyi/share/man/man1/minyi-deadline.1
./opt/minyi/share/man/man1/minyi-merge.1
./opt/minyi/share/man/man1/minyi-score.1
./opt/minyi/share/man/man1/minyi-weight.1
./opt/minyi/share/man/man5/minyi-formats.5
./opt/minyi/share/man/man7/minyi.7

=== the installed program runs and knows its version
cmd: make -s -C ../.. install B=$B DESTDIR=$T PREFIX=/opt/minyi >/dev/null && $T/opt/minyi/bin/minyi-score --version
exit: 0
stdout:
minyi-score (minyi) 0.1.0
