# make install: programs, man pages and message catalogues the GNU way
# (PREFIX, DESTDIR).

=== make install honours PREFIX and DESTDIR: every program of cmd/, every page of man/, every catalogue of po/
cmd: make -s -C ../.. install B=$B DESTDIR=$T PREFIX=/opt/minyi >/dev/null && (cd $T && find ./opt -type f | sort) > $T/got && (for c in ../../cmd/*.c; do echo ./opt/minyi/bin/$(basename $c .c); done; for m in ../../man/*.[157]; do s=${m##*.}; echo ./opt/minyi/share/man/man$s/$(basename $m); done; for p in ../../po/*.po; do echo ./opt/minyi/share/locale/$(basename $p .po)/LC_MESSAGES/minyi.mo; done) | sort > $T/want && diff $T/want $T/got && grep -c . $T/got | awk '$1 >= 10 { print "at least 10 files" }'
exit: 0
stdout:
at least 10 files

=== the installed program runs and knows its version
cmd: make -s -C ../.. install B=$B DESTDIR=$T PREFIX=/opt/minyi >/dev/null && $T/opt/minyi/bin/minyi-score --version
exit: 0
stdout:
minyi-score (minyi) 0.1.0

=== the installed programs look for their catalogues under PREFIX, and speak Chinese from them
cmd: make -s -C ../.. install B=$B DESTDIR=$T PREFIX=/opt/minyi >/dev/null && grep -c /opt/minyi/share/locale $T/opt/minyi/bin/minyi-score && MINYI_LOCALEDIR=$T/opt/minyi/share/locale LC_ALL=C.UTF-8 LANGUAGE=zh_CN $T/opt/minyi/bin/minyi-score --level 2
exit: 2
stdout:
1
stderr:
minyi-score: 置信水平 必须是 0 与 1 之间的数，而不是 '2'
详见“minyi-score --help”或“minyi-score --usage”。
