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
