# Faults of the system around a run, one case per defect of issue 11
# (see tests/cli.sh for the format): file names at the length limit,
# an output that names an input, closed standard descriptors, a closed
# pipe downstream, memory exhausted.  Large inputs are generated here.

=== an output name of 255 bytes is written: its temporary name is cut to fit the directory (issue 11)
cmd: a=$(printf '%0255d' 0 | tr 0 a); b=$(printf '%0255d' 0 | tr 0 b); minyi-check -q -c codebook4.csv -o $T/$a --rejects $T/$b check.csv; echo $?; ls $T | wc -l; minyi-check -q -c codebook4.csv check.csv | cmp - $T/$a && echo same
exit: 0
stdout:
1
2
same
stderr:

=== an output name of 256 bytes is refused before anything is written
cmd: a=$(printf '%0256d' 0 | tr 0 a); minyi-check -q -c codebook4.csv -o $T/$a --rejects $T/rej.csv check.csv 2>&1 | sed 's|[^ ]*aaaa*|NAME|'; ls $T | wc -l
exit: 0
stdout:
minyi-check: NAME: cannot create: File name too long
0

=== memory exhausted: 'PROG: memory exhausted', status 2, no core, no temporary file, the old output kept (issue 11)
# The survey, 600000 cadres of one row each, is made here.  ASan cannot
# run under ulimit -v: in the sanitized build, allocations over 2 MB
# fail instead (and ASan's own warning about it is left out).
cmd: awk 'BEGIN { print "wave,township,cadre,household,q1,q2"; for (i = 0; i < 600000; i++) printf "W,T,C%d,H%d,满意,5\n", i, i }' > $T/big.csv; echo old > $T/out.csv; case $B in *san*) ASAN_OPTIONS=allocator_may_return_null=1:max_allocation_size_mb=2; export ASAN_OPTIONS;; *) ulimit -v 100000;; esac; minyi-score -q -c codebook.csv -o $T/out.csv --rejects $T/rej.csv $T/big.csv 2> $T/err; echo $?; grep -v '^==[0-9]*==WARNING: AddressSanitizer failed to allocate' $T/err >&2; rm $T/big.csv $T/err; ls $T; cat $T/out.csv
exit: 0
stdout:
2
out.csv
old
stderr:
minyi-score: memory exhausted
