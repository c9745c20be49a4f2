#!/bin/sh
# tests/man.sh - check the manual pages in man/.
#
#   B=build sh tests/man.sh        (from the top of the tree; tests/run
#                                   does this)
#
# Prints one line per check, "ok - WHAT" or "not ok - WHAT: why":
#
# 1. mandoc -Tlint -Wwarning prints nothing for each man/*.[1-8].
# 2. For each program $B/minyi-*, its page man/PROG.1 exists and names
#    every option of its --help output: a long option --NAME must appear
#    as "Fl Fl NAME" (or "\-\-NAME"), a short one -X as "Fl X"; and every
#    man/*.1 has its program in $B.
# 3. The EXAMPLES of each page run.  A command is a line of a ".Bd
#    -literal" display in the EXAMPLES section that starts with "$ "; the
#    lines after it in the same display that do not are its output as
#    shown to the reader: each must be a line the command prints (on its
#    standard output or error), except lines holding "...", which mark
#    what is left out.  mdoc escapes are undone (\e is a backslash,
#    \(aq a quote, \- a hyphen...), and a command whose source line ends
#    in "\e" continues on the next line.  A command must exit 0, unless it
#    ends with the shell comment "# exit N": then it must exit N.  The
#    commands of one page run in order, with sh, in one fresh temporary
#    directory where "data" links to the tree's data/, with $B first on
#    PATH and the standard input from /dev/null; so a command may use the
#    files an earlier one of the same page wrote there, and must write
#    nowhere else.
# 4. The score table's columns listed in minyi-formats(5) (the ".It Li"
#    tags of its "Score table" section) are those of the schema in
#    lib/scoretab.c, as minyi-score --list-columns prints it, in the
#    same order.
set -u
B=${B:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
case $B in
  /*) bin=$B ;;
  *) bin=$top/$B ;;
esac
work=$(mktemp -d "${TMPDIR:-/tmp}/minyi-man.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
trap 'exit 2' HUP INT TERM

failed=0
ok () { printf 'ok - %s\n' "$*"; }
notok () { printf 'not ok - %s\n' "$*"; failed=$((failed + 1)); }

pages=$(ls man/*.[1-8] 2>/dev/null)
if [ -z "$pages" ]; then
  notok "man pages: none in man/"
  exit 1
fi

# 1. Lint.
if command -v mandoc > /dev/null 2>&1; then
  for p in $pages; do
    mandoc -Tlint -Wwarning "$p" > "$work/lint" 2>&1
    if [ -s "$work/lint" ]; then
      notok "lint $p: $(head -n 1 "$work/lint") ($(wc -l < "$work/lint") lines)"
    else
      ok "lint $p"
    fi
  done
else
  notok "lint: mandoc not found"
fi

# 2. Every option of --help is in the page; every page has a program.
progs=
for x in "$bin"/minyi "$bin"/minyi-*; do
  [ -f "$x" ] && [ -x "$x" ] && progs="$progs $x"
done
[ -n "$progs" ] || notok "programs: no $B/minyi-* (build first)"
for x in $progs; do
  prog=$(basename "$x")
  page=man/$prog.1
  if [ ! -f "$page" ]; then
    notok "$prog: no page $page"
    continue
  fi
  ok "$prog: has page $page"
  if ! "$x" --help > "$work/help" 2>&1; then
    notok "$prog: --help failed"
    continue
  fi
  # Long options: every --NAME anywhere in the help text.
  for o in $(grep -o -- '--[a-z][a-z0-9-]*' "$work/help" | sort -u); do
    name=${o#--}
    if grep -Eq "(Fl Fl |\\\\-\\\\-)$name([^a-z0-9-]|\$)" "$page"; then
      ok "$prog: $o documented in $page"
    else
      notok "$prog: $o documented in $page: no 'Fl Fl $name'"
    fi
  done
  # Short options: the "-X," that opens an option line of the help.
  for c in $(sed -n 's/^ *-\([A-Za-z0-9?]\), .*/\1/p' "$work/help" | sort -u); do
    case $c in
      '?') re='Fl (\\&)?\?' ;;
      *) re="Fl (\\\\&)?$c" ;;
    esac
    if grep -Eq "$re( |\$)" "$page"; then
      ok "$prog: -$c documented in $page"
    else
      notok "$prog: -$c documented in $page: no 'Fl $c'"
    fi
  done
done
for p in man/*.1; do
  [ -f "$p" ] || continue
  prog=$(basename "$p" .1)
  if [ -x "$bin/$prog" ]; then
    ok "$p: program $B/$prog exists"
  else
    notok "$p: program $B/$prog exists: not found (a page for a program that is not built?)"
  fi
done

# 3. EXAMPLES.
extract () { # extract PAGE: print its EXAMPLES commands, one per line
  awk '
    function unescape(s,    out, i, c, n, name, j) {
      out = ""
      n = length(s)
      for (i = 1; i <= n; i++) {
        c = substr(s, i, 1)
        if (c != "\\" || i == n) { out = out c; continue }
        c = substr(s, ++i, 1)
        if (c == "e") out = out "\\"
        else if (c == "-" || c == "." || c == "\\") out = out c
        else if (c == "&" || c == ")") out = out
        else if (c == " " || c == "~") out = out " "
        else if (c == "(" || c == "[") {
          if (c == "(") { name = substr(s, i + 1, 2); i += 2 }
          else {
            j = index(substr(s, i + 1), "]")
            if (j == 0) { out = out "\\["; continue }
            name = substr(s, i + 1, j - 1); i += j
          }
          if (name == "aq") out = out "\047"
          else if (name == "dq") out = out "\""
          else if (name == "ti") out = out "~"
          else if (name == "ha") out = out "^"
          else if (name == "rs") out = out "\\"
          else if (name == "ga") out = out "`"
          else if (name == "lq" || name == "rq") out = out "\""
          else if (name == "mi" || name == "hy") out = out "-"
          else out = out "\\(" name
        }
        else out = out "\\" c
      }
      return out
    }
    /^\.Sh / { inex = ($0 == ".Sh EXAMPLES"); lit = 0; next }
    !inex { next }
    /^\.Bd[ \t]/ { lit = ($0 ~ /-literal/); next }
    /^\.Ed/ { if (lit) print "END\t"; lit = 0; next }
    !lit { next }
    cont != "" {
      line = $0
      sub(/^> /, "", line)
      cmd = cont line
      if (cmd ~ /\\e$/) { cont = substr(cmd, 1, length(cmd) - 2); next }
      cont = ""
      print "CMD\t" unescape(cmd)
      next
    }
    /^\$ / {
      cmd = substr($0, 3)
      if (cmd ~ /\\e$/) { cont = substr(cmd, 1, length(cmd) - 2); next }
      print "CMD\t" unescape(cmd)
      next
    }
    # The output shown after a command: each line must be a line of what
    # the command prints (lines with "..." are elisions, not output).
    $0 != "" && $0 !~ /\.\.\./ { print "OUT\t" unescape($0) }
  ' "$1"
}

if command -v timeout > /dev/null 2>&1; then
  limit="timeout 120"
else
  limit=
fi
PATH="$bin:$PATH"
export PATH
for p in $pages; do
  extract "$p" > "$work/lines"
  count=$(grep -c '^CMD' "$work/lines")
  if ! grep -q '^\.Sh EXAMPLES' "$p"; then
    ok "$p: no EXAMPLES section"
    continue
  fi
  if [ "$count" -eq 0 ]; then
    notok "$p: EXAMPLES: no '\$ ' command in a .Bd -literal display"
    continue
  fi
  dir=$work/run.$(basename "$p")
  mkdir "$dir" && ln -s "$top/data" "$dir/data" || exit 2
  # Split into one command file and one shown-output file per command.
  rm -f "$work"/cmd.* "$work"/shown.*
  awk -v dir="$work" '
    /^CMD\t/ { n++; open = 1; printf "%s\n", substr($0, 5) > (dir "/cmd." n);
               printf "" > (dir "/shown." n); next }
    /^END\t/ { open = 0; next }
    /^OUT\t/ && open { print substr($0, 5) >> (dir "/shown." n) }
  ' "$work/lines"
  i=1
  while [ "$i" -le "$count" ]; do
    cmd=$(cat "$work/cmd.$i")
    want=$(printf '%s\n' "$cmd" |
           sed -n 's/.*#[[:space:]]*exit[[:space:]]\{1,\}\([0-9]\{1,3\}\)[[:space:]]*$/\1/p')
    want=${want:-0}
    (cd "$dir" && $limit sh -c "$cmd") < /dev/null > "$work/out" 2> "$work/err"
    rc=$?
    if [ "$rc" -eq "$want" ]; then
      ok "$p EXAMPLES: \$ $cmd"
    else
      why=$(head -n 1 "$work/err")
      notok "$p EXAMPLES: \$ $cmd: exit $rc, expected $want${why:+: $why}"
    fi
    # The output the page shows must be what the command prints.
    cat "$work/out" "$work/err" > "$work/all"
    missing=
    while IFS= read -r line; do
      grep -Fxq -- "$line" "$work/all" || { missing=$line; break; }
    done < "$work/shown.$i"
    if [ -s "$work/shown.$i" ]; then
      if [ -z "$missing" ]; then
        ok "$p EXAMPLES: output shown for \$ $cmd"
      else
        notok "$p EXAMPLES: output shown for \$ $cmd: not printed: $missing"
      fi
    fi
    i=$((i + 1))
  done
done
# 4. The score table's columns: page and schema.
"$bin/minyi-score" --list-columns | tail -n +2 | cut -d, -f1 |
  grep -v '^KEY$' > "$work/schema" || notok "minyi-score --list-columns runs"
awk '/^\.Ss / { in_st = ($0 == ".Ss Score table") }
     in_st && /^\.It Li / {
       line = $0; sub(/^\.It /, "", line)
       n = split(line, w, " ")
       for (i = 1; i < n; i++) if (w[i] == "Li") print w[i + 1]
     }' man/minyi-formats.5 > "$work/page"
if cmp -s "$work/schema" "$work/page"; then
  ok "man/minyi-formats.5 lists the score table's columns of lib/scoretab.c, in order"
else
  notok "man/minyi-formats.5 lists the score table's columns of lib/scoretab.c, in order: $(diff "$work/schema" "$work/page" | grep '^[<>]' | tr '\n' ' ')"
fi
[ "$failed" -eq 0 ]
