# Sourced by the ops scripts: their --help is the comment at the top of the script, so the two cannot disagree.

# Prints the comment block after the shebang of script $1, without its leading "# ".
script_help() {
  sed -n '2,/^[^#]/{/^#/!d; s/^# \{0,1\}//; p}' "$1"
}
