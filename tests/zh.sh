#!/bin/sh
# tests/zh.sh CMD [ARG...] - run CMD in the zh_CN.UTF-8 locale (LC_ALL),
# LANGUAGE unset: the system's locale when it is generated
# (tools/install-deps does, as root), else one compiled by localedef
# from Debian's locales package into the case's scratch directory $T
# and found through LOCPATH.
set -u
unset LANGUAGE
if ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then
  dir=${T:?}/locale-zh
  if [ ! -d "$dir/zh_CN.UTF-8" ]; then
    mkdir -p "$dir"
    localedef -i zh_CN -f UTF-8 "$dir/zh_CN.UTF-8" >/dev/null 2>&1 || {
      echo "zh.sh: cannot make the zh_CN.UTF-8 locale (Debian locales)" >&2
      exit 99
    }
  fi
  LOCPATH=$dir
  export LOCPATH
fi
LC_ALL=zh_CN.UTF-8
export LC_ALL
exec "$@"
