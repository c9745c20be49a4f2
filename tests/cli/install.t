# make install: programs, man pages and message catalogues the GNU way
# (PREFIX, DESTDIR).

=== make install honours PREFIX and DESTDIR: every program of cmd/, its bash completion, every page of man/, every catalogue of po/
cmd: MAKEFLAGS= make -s -C ../.. install B=$B DESTDIR=$T PREFIX=/opt/minyi >/dev/null && (cd $T && find ./opt -type f | sort) > $T/got && (for c in ../../cmd/*.c; do echo ./opt/minyi/bin/$(basename $c .c); echo ./opt/minyi/share/bash-completion/completions/$(basename $c .c); done; for m in ../../man/*.[157]; do s=${m##*.}; echo ./opt/minyi/share/man/man$s/$(basename $m); done; for p in ../../po/*.po; do echo ./opt/minyi/share/locale/$(basename $p .po)/LC_MESSAGES/minyi.mo; done) | sort > $T/want && diff $T/want $T/got && grep -c . $T/got | awk '$1 >= 10 { print "at least 10 files" }'
exit: 0
stdout:
at least 10 files

=== the installed program runs and knows its version
cmd: MAKEFLAGS= make -s -C ../.. install B=$B DESTDIR=$T PREFIX=/opt/minyi >/dev/null && $T/opt/minyi/bin/minyi-score --version
exit: 0
stdout:
minyi-score (minyi) 0.1.0

=== the installed programs look for their catalogues under PREFIX, and speak Chinese from them
cmd: MAKEFLAGS= make -s -C ../.. install B=$B DESTDIR=$T PREFIX=/opt/minyi >/dev/null && grep -c /opt/minyi/share/locale $T/opt/minyi/bin/minyi-score && MINYI_LOCALEDIR=$T/opt/minyi/share/locale LC_ALL=C.UTF-8 LANGUAGE=zh_CN $T/opt/minyi/bin/minyi-score --level 2
exit: 2
stdout:
1
stderr:
minyi-score: 置信水平 必须是 0 与 1 之间的数，而不是 '2'
详见“minyi-score --help”或“minyi-score --usage”。

=== the installed bash completion offers minyi-score's options: --out<TAB> gives --output= and --output-encoding=
cmd: MAKEFLAGS= make -s -C ../.. install B=$B DESTDIR=$T PREFIX=/opt/minyi >/dev/null && PATH=$T/opt/minyi/bin:$PATH bash -c '. $T/opt/minyi/share/bash-completion/completions/minyi-score; complete -p minyi-score; COMP_WORDS=(minyi-score --out); COMP_CWORD=1; _minyi_complete; printf "%s\n" "${COMPREPLY[@]}"'
exit: 0
stdout:
complete -F _minyi_complete minyi-score
--output-encoding=
--output=

=== completion of an option's value: the words its --help quotes
cmd: MAKEFLAGS= make -s -C ../.. install B=$B DESTDIR=$T PREFIX=/opt/minyi >/dev/null && PATH=$T/opt/minyi/bin:$PATH bash -c '. $T/opt/minyi/share/bash-completion/completions/minyi-weight; c () { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _minyi_complete; echo "${COMPREPLY[*]}"; }; c minyi-weight --output-encoding = ""; c minyi-weight --format = j; c minyi-report --format = ""; c minyi-rank --by-stat = ""; c minyi score --partial --dig; c minyi tr'
exit: 0
stdout:
gb18030 utf-8 utf-8-bom
jsonl
html markdown text xlsx
index lo posterior rate standardized
--digits=
trend

=== every program has its completion, all from one file
cmd: bash -c '. ../../completion/minyi.bash; complete -p' | awk '{ print $NF }' | sort | tr '\n' ' '; echo
exit: 0
stdout:
minyi minyi-adjust minyi-check minyi-deadline minyi-merge minyi-rank minyi-report minyi-score minyi-trend minyi-weight 
