#!/bin/sh
# tests/po.sh - the message catalogues are complete.
#
#   B=build sh tests/po.sh          (tests/run does this)
#
# For each po/LANG.po: msgfmt --check accepts it (every c-format
# translation keeps its conversions) with no fuzzy or untranslated
# message; and merged with the messages the sources hold now (xgettext,
# as make pot runs it), none is missing.  A message added to the code
# and not translated fails here: run make pot, translate it in
# po/LANG.po, and make check again.  Last, every program's --help in
# Chinese, for the option docs xgettext cannot see when unmarked.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/minyi-po.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

if ! make -s potfile POTFILE="$tmp/minyi.pot" > "$tmp/xgettext.out" 2>&1
then
  echo "not ok - xgettext extracts the messages: $(tail -n 3 "$tmp/xgettext.out")"
  exit 0
fi
n=$(grep -c '^msgid ' "$tmp/minyi.pot")
echo "ok - xgettext extracts $((n - 1)) messages from cmd/ and lib/"

for po in po/*.po; do
  l=$(basename "$po" .po)
  # The catalogue as committed.
  if msgfmt --check --statistics -o /dev/null "$po" > "$tmp/stat" 2>&1 \
     && ! grep -q 'fuzzy\|untranslated' "$tmp/stat"; then
    echo "ok - $po: $(cat "$tmp/stat")"
  else
    echo "not ok - $po: $(cat "$tmp/stat")"
  fi
  # The catalogue against the sources' messages.
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$l.po" "$po" \
    "$tmp/minyi.pot" 2>/dev/null
  msgattrib --untranslated --no-obsolete --no-location "$tmp/$l.po" \
    2>/dev/null | grep '^msgid ' | sed 1d > "$tmp/missing"
  if [ -s "$tmp/missing" ]; then
    echo "not ok - $po lacks $(wc -l < "$tmp/missing") messages of the sources (make pot, then translate): $(head -n 3 "$tmp/missing" | tr '\n' ' ')"
  else
    echo "ok - $po translates every message of the sources"
  fi
done

# Text xgettext cannot see: an option doc or a group header not marked
# N_(), or a struct argp without argp_domain "minyi", stays English in a
# translated --help.  Every program's --help under LANGUAGE=zh_CN must
# have Chinese on every option's and header's line.
B=${B:-build}
for p in "$B"/minyi "$B"/minyi-*; do
  [ -x "$p" ] || continue
  name=$(basename "$p")
  LC_ALL=C.UTF-8 LANGUAGE=zh_CN MINYI_LOCALEDIR="$top/$B/locale" \
    "$p" --help > "$tmp/help" 2>&1
  # An option's line with its doc, or a group header, all ASCII.
  LC_ALL=C awk '
    /^ +-/ { line = $0; sub(/^ +(-[^ ]+,? )*-[^ ]+/, "", line)
             if (line ~ /[a-z][a-z][a-z]/ && line !~ /[\200-\377]/) print }
    /^ [^ -].*:$/ { if ($0 !~ /[\200-\377]/) print }
  ' "$tmp/help" > "$tmp/english"
  if [ -s "$tmp/english" ]; then
    echo "not ok - $name --help in Chinese has English lines (mark them N_(), give the struct argp argp_domain MN_DOMAIN): $(head -n 2 "$tmp/english" | tr '\n' ' ')"
  else
    echo "ok - $name --help in Chinese: every option and header translated"
  fi
  # Every line fits 80 display columns (a Chinese character takes two;
  # wc -L counts them so in C.UTF-8), in Chinese and in English.
  LC_ALL=C "$p" --help > "$tmp/help-c" 2>&1
  for h in help help-c; do
    : > "$tmp/wide"
    if [ "$(LC_ALL=C.UTF-8 wc -L < "$tmp/$h")" -gt 80 ]; then
      while IFS= read -r l; do
        if [ "$(printf '%s\n' "$l" | LC_ALL=C.UTF-8 wc -L)" -gt 80 ]; then
          printf '%s\n' "$l"
        fi
      done < "$tmp/$h" > "$tmp/wide"
    fi
    if [ -s "$tmp/wide" ]; then
      echo "not ok - $name --help ($h) has $(wc -l < "$tmp/wide") lines over 80 columns: $(head -n 1 "$tmp/wide")"
    else
      echo "ok - $name --help ($h): every line within 80 columns"
    fi
  done
done
