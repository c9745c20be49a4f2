#!/bin/sh
# tests/shards-recipes.sh - the recipes of minyi(7), SCORING A FILE TOO
# LARGE FOR ONE MACHINE, run on a generated survey; each table they give
# must be the one-pass table, byte for byte.  Prints TAP-style "ok" /
# "not ok" lines.
#
# 1. GNU parallel --pipepart --header 1 on this machine, at several block
#    sizes, weighted and not, into minyi-merge --concatenated.
# 2. parallel --sshlogin: the local machine (':'), and two "nodes" reached
#    through a stand-in for ssh (--ssh) that runs each node's commands in
#    a directory of its own here, so that parallel's remote path runs,
#    --basefile's copy of the codebook (rsync) included.
# 3. A quoted field holding a line break, cut by a block boundary: the
#    job fails and parallel says so (the page's promise that nothing is
#    lost silently).
# 4. Hadoop Streaming's contract, emulated: the body without its header
#    cut into splits at line ends, the page's own map.sh (taken from
#    man/minyi.7) on each, every mapper line given by its key to one of R
#    reducers, each reducer's lines sorted by key (LC_ALL=C sort), the
#    page's reduce.sh on each, the reducers' partials merged.
set -u
B=${B:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
case $B in /*) bin=$B ;; *) bin=$top/$B ;; esac
work=$(mktemp -d "${TMPDIR:-/tmp}/minyi-recipes.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
trap 'exit 2' HUP INT TERM
PATH="$bin:$PATH"
export PATH
# parallel's configuration and temporary files stay in the scratch
# directory.
HOME=$work/home
export HOME
mkdir -p "$HOME"

ok () { printf 'ok - recipes: %s\n' "$*"; }
notok () { printf 'not ok - recipes: %s\n' "$*"; }
check () { # check WHAT FILE: FILE is the one-pass table
  if cmp -s "$one" "$2"; then
    ok "$1"
  else
    notok "$1: not the one-pass table"
    diff "$one" "$2" | head -n 4 | sed 's/^/#   /'
  fi
}

if ! command -v parallel > /dev/null 2>&1; then
  notok "GNU parallel is not installed (tools/install-deps)"
  exit 1
fi

# A survey of the county model, large enough for many blocks: about
# 27,000 responses, 2.5 MB.
cd "$work" || exit 2
gen-sample --cadres 1000 --waves 4 --seed 11 --outdir "$work" || exit 2
big=$work/survey.csv
one=$work/one.csv
minyi-score -q -c codebook.csv -g wave,cadre "$big" > "$one" || exit 2
minyi-score -q -c codebook.csv -g wave,cadre -w weight "$big" \
  > "$work/one-w.csv" || exit 2

# 1. parallel --pipepart on this machine.
for block in 150k -1; do
  rm -f partials.csv
  parallel --pipepart -a "$big" --block "$block" --header 1 \
    'minyi-score -q -c codebook.csv -g wave,cadre --partial' > partials.csv
  rc=$?
  heads=$(grep -c '^wave,cadre,minyi_partial,' partials.csv)
  if [ $rc -eq 0 ] && [ "$heads" -gt 1 ]; then
    ok "parallel --pipepart --block $block: $heads jobs, status 0"
  else
    notok "parallel --pipepart --block $block: status $rc, $heads partials"
  fi
  minyi-merge -q --concatenated -o merged.csv partials.csv
  check "parallel --pipepart --block $block into minyi-merge --concatenated" merged.csv
done
# --header : (the same) and weights, through a pipe.
parallel --pipepart -a "$big" --block 500k --header : \
  'minyi-score -q -c codebook.csv -g wave,cadre -w weight --partial' |
  minyi-merge -q --concatenated > merged.csv
one_w=$work/one-w.csv
if cmp -s "$one_w" merged.csv; then
  ok "parallel --pipepart --header :, weighted, piped into minyi-merge"
else
  notok "parallel --pipepart --header :, weighted: not the one-pass table"
fi
# The partials of the blocks, each its own file (--files), merged as
# files: the same table.
mkdir -p parts
parallel --pipepart -a "$big" --block 700k --header 1 --files --tmpdir parts \
  'minyi-score -q -c codebook.csv -g wave,cadre --partial' > list
# shellcheck disable=SC2046
minyi-merge -q $(cat list) > merged.csv
check "parallel --files: one partial file per block, merged" merged.csv

# 2. --sshlogin.  ':' is this machine, reached without ssh.
parallel --pipepart -a "$big" --block 600k --header 1 --sshlogin 2/: \
  'minyi-score -q -c codebook.csv -g wave,cadre --partial' > partials.csv ||
  notok "parallel --sshlogin 2/: failed"
minyi-merge -q --concatenated -o merged.csv partials.csv
check "parallel --sshlogin 2/: (this machine)" merged.csv

# Two nodes through a stand-in ssh: "ssh [options] HOST [--] COMMAND"
# runs COMMAND with sh in $work/nodes/HOST (the node's home), and logs it.
mkdir -p nodes bin
cat > bin/fake-ssh <<EOF
#!/bin/sh
while [ \$# -gt 0 ]; do
  case \$1 in
    -[lpoiFcOSRLDWJEbBeIm]) shift 2 ;;
    -*) shift ;;
    *) break ;;
  esac
done
host=\$1; shift
[ "\${1:-}" = -- ] && shift
echo "\$host \$*" | cut -c1-60 >> "$work/nodes/log"
mkdir -p "$work/nodes/\$host" && cd "$work/nodes/\$host" && exec sh -c "\$*"
EOF
chmod +x bin/fake-ssh
parallel --ssh "$work/bin/fake-ssh" --pipepart -a "$big" --block 500k \
  --header 1 --sshlogin 2/node1,2/node2 --basefile codebook.csv \
  'minyi-score -q -c codebook.csv -g wave,cadre --partial' > partials.csv
rc=$?
if [ $rc -eq 0 ] && [ -f nodes/node1/codebook.csv ] &&
   [ -f nodes/node2/codebook.csv ] &&
   grep -q '^node1 .*perl' nodes/log && grep -q '^node2 .*perl' nodes/log
then
  ok "parallel --sshlogin 2/node1,2/node2 --basefile: jobs ran on both nodes, the codebook copied to each"
else
  notok "parallel --sshlogin through the stand-in ssh: status $rc"
  sed 's/^/#   /' nodes/log 2>/dev/null | cut -c1-80 | head -n 5
fi
minyi-merge -q --concatenated -o merged.csv partials.csv
check "parallel --sshlogin 2/node1,2/node2 (stand-in ssh)" merged.csv

# 3. Every record with a line break inside a quoted field (the village):
# a block boundary falls inside one, the job fails, and parallel's
# status says so.
awk 'BEGIN { FS = OFS = "," }
     NR == 1 { print; next }
     { $3 = "\"" $3 "\n" $4 "\""; print }' "$big" > nl.csv
parallel --pipepart -a nl.csv --block 200k --header 1 \
  'minyi-score -c codebook.csv -g wave,cadre --partial' \
  > partials.csv 2> err
rc=$?
if [ $rc -ne 0 ] && grep -q 'quote' err; then
  ok "a block cut inside a quoted field: the job fails (parallel status $rc), with a message"
else
  notok "a block cut inside a quoted field: parallel status $rc, message: $(head -n 1 err)"
fi

# 4. Hadoop Streaming, emulated.  map.sh and reduce.sh are taken from the
# page: the display that starts with "#!/bin/sh" and "# NAME - ".
script () { # script NAME: the display of NAME in minyi(7), unescaped
  awk -v name="$1" '
    /^\.Bd / { inbd = 1; n = 0; next }
    /^\.Ed/ { if (take) exit; inbd = 0; next }
    !inbd { next }
    { n++; line[n] = $0 }
    n == 2 && line[1] == "#!/bin/sh" && index(line[2], "# " name " - ") == 1 {
      take = 1; print line[1] }
    take { print }
  ' "$top/man/minyi.7" |
    sed -e 's/\\e/\\/g' -e "s/\\\\(aq/'/g" -e 's/\\&//g'
}
mkdir -p job
script map.sh > job/map.sh
script reduce.sh > job/reduce.sh
if grep -q 'minyi-score' job/map.sh && grep -q 'minyi-merge' job/reduce.sh; then
  ok "map.sh and reduce.sh taken from man/minyi.7"
else
  notok "map.sh and reduce.sh not found in man/minyi.7"
fi
head -n 1 "$big" > job/header.csv
cp codebook.csv job/
tail -n +2 "$big" > body.csv
# The key: the first two fields of a partial row (-g wave,cadre), as
# stream.num.map.output.key.fields=2 with the separator ',' makes it.
partition () { # partition R < mapped: write red.0 .. red.R-1
  LC_ALL=C awk -F, -v r="$1" '
    BEGIN { for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i }
    { k = $1 "," $2; h = 0
      for (i = 1; i <= length(k); i++) h = (h * 31 + ord[substr(k, i, 1)]) % 65521
      print > ("red." (h % r)) }'
}
for splits in 1 5; do
  for reducers in 1 3; do
    d=$work/hadoop-$splits-$reducers
    mkdir -p "$d" && cd "$d" || exit 2
    split -n "l/$splits" -d -a 3 "$work/body.csv" split.
    : > mapped
    status=0
    for s in split.*; do
      # Each task in its own working directory, with the job's files.
      t=task.${s#split.}
      mkdir "$t" && cp "$work"/job/* "$t"/
      (cd "$t" && sh map.sh) < "$s" > "$t.out" || status=1
      cat "$t.out" >> mapped
    done
    nhead=$(grep -c '^wave,' mapped)
    # A group in several mappers' outputs: what --concatenated is for.
    shared=$(cut -d, -f1,2 mapped | LC_ALL=C sort | uniq -d | wc -l)
    partition "$reducers" < mapped
    : > partials.csv
    i=0
    while [ $i -lt "$reducers" ]; do
      mkdir "r$i" && cp "$work"/job/* "r$i"/
      touch "red.$i"
      LC_ALL=C sort -t, -k1,2 "red.$i" |
        (cd "r$i" && sh reduce.sh) > "part-0000$i" || status=1
      cat "part-0000$i" >> partials.csv    # hdfs dfs -getmerge
      i=$((i + 1))
    done
    what="Hadoop Streaming emulated: $splits splits, $reducers reducers"
    if [ $status -eq 0 ] && [ "$nhead" -eq 0 ] &&
       { [ "$splits" -eq 1 ] || [ "$shared" -gt 0 ]; }; then
      ok "$what: every task exits 0, mappers print no header, $shared groups in several splits"
    else
      notok "$what: status $status, $nhead headers in the mappers' output, $shared shared groups"
    fi
    minyi-merge -q --concatenated -o merged.csv partials.csv
    check "$what: the table" merged.csv
    cd "$work" && rm -rf "$d"
  done
done
