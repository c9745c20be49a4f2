# bash completion for the minyi suite: minyi, minyi-check, minyi-score...
#
# One function for every program, written once: the options are read from
# the program's own --help when completing (argp's "-x, --long=ARG"
# lines), so that they are never listed twice and never out of date.  An
# option's values are the words its --help quotes ('csv', 'tsv',
# 'jsonl'); other values, and operands, complete as file names.  make
# install puts this file in the bash-completion directory under each
# program's name (bash-completion loads a command's file on first use).

# The options of PROG (--long, with "=" when it takes a value).
_minyi_options ()
{
  "$1" --help 2>/dev/null |
    sed -n 's/^ \{1,\}\(-[^ ], \)\{0,1\}\(--[a-z0-9-]*\)\(=\{0,1\}\).*/\2\3/p'
}

# The single-quoted words of the --help text of PROG's option OPT (its
# line and the indented lines that follow it, up to the next option).
_minyi_values ()
{
  "$1" --help 2>/dev/null |
    awk -v opt="$2" '
      /^ +(-[^ ], )?--/ { on = index($0, opt "=") > 0; }
      /^$/ { on = 0 }
      on { print }' |
    grep -o "'[^' ]*'" | tr -d "'" | grep -v '^-' | sort -u
}

_minyi_complete ()
{
  local cur=${COMP_WORDS[COMP_CWORD]}
  local prev=${COMP_WORDS[COMP_CWORD-1]}
  local prog=${COMP_WORDS[0]} opt=
  COMPREPLY=()
  # The front command: "minyi PROGRAM ...".
  if [[ ${prog##*/} == minyi ]]; then
    if ((COMP_CWORD == 1)); then
      COMPREPLY=($(compgen -W "$("$prog" 2>/dev/null |
                                 awk 'NR > 1 { print $1 }')" -- "$cur"))
      return 0
    fi
    local dir=${prog%/*}
    [[ $dir == "$prog" ]] && dir=
    prog=${dir:+$dir/}minyi-${COMP_WORDS[1]}
    [[ -n $dir ]] || prog=${prog#/}
  fi
  # "--opt=value": bash splits it at "=" (COMP_WORDBREAKS).
  if [[ $cur == = ]]; then
    opt=$prev cur=
  elif [[ $prev == = ]] && ((COMP_CWORD >= 2)); then
    opt=${COMP_WORDS[COMP_CWORD-2]}
  elif [[ $cur == --*=* ]]; then
    opt=${cur%%=*} cur=${cur#*=}
  fi
  if [[ -n $opt ]]; then
    local values
    values=$(_minyi_values "$prog" "$opt")
    if [[ -n $values ]]; then
      COMPREPLY=($(compgen -W "$values" -- "$cur"))
    else
      compopt -o filenames 2>/dev/null
      COMPREPLY=($(compgen -f -- "$cur"))
    fi
    return 0
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_minyi_options "$prog")" -- "$cur"))
    [[ ${#COMPREPLY[@]} == 1 && ${COMPREPLY[0]} == *= ]] &&
      compopt -o nospace 2>/dev/null
    return 0
  fi
  compopt -o filenames 2>/dev/null
  COMPREPLY=($(compgen -f -- "$cur"))
  return 0
}

complete -F _minyi_complete minyi minyi-adjust minyi-check minyi-deadline \
  minyi-merge minyi-rank minyi-report minyi-score minyi-trend minyi-weight
