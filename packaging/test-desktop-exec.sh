#!/usr/bin/env bash
# Checks that double-clicking a file reaches VirtScope with the path intact, without a desktop:
# reads the Exec line of the installed .desktop entry, expands its field codes the way the
# Desktop Entry Specification says (quoting, escapes, %F = every file as its own argument),
# and runs the resulting command with DISPLAY unset, so the launcher takes its headless path.
#
#   packaging/test-desktop-exec.sh [DESKTOP_FILE] [TRACE_FILE]
#
# DESKTOP_FILE defaults to the entry the .deb installs; TRACE_FILE to a bundled folded-stacks
# sample, which is copied to a folder and name with spaces, quotes and a '$' first.
# Exit 0 when the argument vector ends with exactly the file path (and GLib's `gio launch`
# passes the same vector) and the installed launcher ran headless. The last line says PASS (the
# app read the file) or PARTIAL (the launcher runs, but this build reads files only in a window).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
desktop="${1:-/usr/share/applications/virtscope.desktop}"
sample="${2:-$root/samples/generated/folded/folded-cpuclock.txt}"
[ -f "$desktop" ] || { echo "no desktop entry at $desktop (install the .deb first)" >&2; exit 2; }
[ -f "$sample" ] || { echo "no sample at $sample" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
dir="$tmp/my traces \"2024\""
mkdir -p "$dir"
file="$dir/guest boot \$HOME (1).folded"
cp "$sample" "$file"

# The value of a key in the [Desktop Entry] group (later groups are actions, not the main entry).
entry_value() {
  awk -v key="$1" '
    /^\[/ { in_main = ($0 == "[Desktop Entry]"); next }
    in_main && index($0, key "=") == 1 { print substr($0, length(key) + 2); exit }' "$desktop"
}
exec_value="$(entry_value Exec)"
name_value="$(entry_value Name)"
icon_value="$(entry_value Icon)"
[ -n "$exec_value" ] || { echo "FAIL: no Exec key in $desktop" >&2; exit 1; }
echo "Exec line:      $exec_value"

# 1. String-type escapes of every value: \s \n \t \r \\ .
unescape_value() {
  local s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    if [ "$c" = '\' ] && [ $((i + 1)) -lt ${#s} ]; then
      i=$((i + 1))
      case "${s:i:1}" in
        s) out+=' ' ;; n) out+=$'\n' ;; t) out+=$'\t' ;; r) out+=$'\r' ;; '\') out+='\' ;;
        *) out+="\\${s:i:1}" ;;
      esac
    else
      out+="$c"
    fi
  done
  printf '%s' "$out"
}

# 2. Split into arguments: spaces separate, "..." quotes; inside quotes \" \` \$ \\ are escapes.
args=()
split_exec() {
  local s="$1" cur="" quoted=0 have=0 c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    if [ $quoted = 1 ]; then
      if [ "$c" = '\' ] && [ $((i + 1)) -lt ${#s} ] && [[ '"`$\' == *"${s:i+1:1}"* ]]; then
        i=$((i + 1)); cur+="${s:i:1}"
      elif [ "$c" = '"' ]; then
        quoted=0
      else
        cur+="$c"
      fi
    elif [ "$c" = '"' ]; then
      quoted=1; have=1
    elif [ "$c" = ' ' ]; then
      [ $have = 1 ] && args+=("$cur")
      cur=""; have=0
    else
      cur+="$c"; have=1
    fi
  done
  [ $quoted = 0 ] || { echo "FAIL: unbalanced quote in Exec" >&2; exit 1; }
  [ $have = 1 ] && args+=("$cur")
  return 0
}
split_exec "$(unescape_value "$exec_value")"

# 3. Field codes: %F/%U every file as its own argument, %f/%u one file; %i %c %k; %% is '%'.
files=("$file")
argv=()
for a in "${args[@]}"; do
  case "$a" in
    %F|%U) argv+=("${files[@]}") ;;
    %f|%u) argv+=("${files[0]}") ;;
    %i) [ -n "$icon_value" ] && argv+=(--icon "$icon_value") ;;
    %c) argv+=("$name_value") ;;
    %k) argv+=("$desktop") ;;
    %d|%D|%n|%N|%v|%m) ;; # deprecated: removed
    *) argv+=("${a//%%/%}") ;;
  esac
done

echo "argument vector:"
for a in "${argv[@]}"; do printf '  [%s]\n' "$a"; done

last="${argv[${#argv[@]}-1]}"
if [ "$last" != "$file" ]; then
  echo "FAIL: the last argument is [$last], expected the file path [$file]" >&2
  exit 1
fi
[ -x "${argv[0]}" ] || { echo "FAIL: ${argv[0]} is not an executable" >&2; exit 1; }

# Cross-check with GLib, the implementation file managers use: the same entry with its program
# swapped for a shim that records its arguments, started by `gio launch`.
if command -v gio >/dev/null 2>&1; then
  shim="$tmp/argv-shim"
  cat > "$shim" <<SHIM
#!/bin/sh
for a in "\$@"; do printf '%s\0' "\$a"; done > "$tmp/argv.part"
mv "$tmp/argv.part" "$tmp/argv"
SHIM
  chmod +x "$shim"
  sed "s|^Exec=[^ ]*|Exec=$shim|" "$desktop" > "$tmp/shim.desktop"
  env -u DISPLAY -u WAYLAND_DISPLAY gio launch "$tmp/shim.desktop" "${files[@]}"
  for _ in $(seq 100); do [ -f "$tmp/argv" ] && break; sleep 0.1; done # gio returns once spawned
  [ -f "$tmp/argv" ] || { echo "FAIL: gio launch did not run the entry" >&2; exit 1; }
  mapfile -d '' glib_args < "$tmp/argv"
  if [ ${#glib_args[@]} -ne $((${#argv[@]} - 1)) ] || [ "${glib_args[*]}" != "${argv[*]:1}" ]; then
    echo "FAIL: gio launch passed [${glib_args[*]}], this script expanded [${argv[*]:1}]" >&2
    exit 1
  fi
  echo "gio launch passed the same ${#glib_args[@]} argument(s)"
fi

# Run what a double-click runs, minus the display. Without a display `virtscope FILE` prints the
# file's summary; a build whose launcher cannot do that headless gets `virtscope info FILE`
# instead (same argument vector with the subcommand inserted), and failing that `--version`,
# which at least proves the installed launcher and runtime start.
headless() {
  set +e
  output="$(env -u DISPLAY -u WAYLAND_DISPLAY "$@" 2>&1)"
  status=$?
  set -e
  printf '%s\n' "$output" | sed 's/^/  | /'
  echo "  exit status: $status"
}
echo "running the expanded command with DISPLAY and WAYLAND_DISPLAY unset:"
headless "${argv[@]}"
if [ $status -eq 0 ] && [[ "$output" == *"$(basename "$file")"* ]]; then
  echo "PASS: the path with spaces, quotes and \$ reached the app as one argument and was opened"
  exit 0
fi
prog="${argv[0]}"
if env -u DISPLAY -u WAYLAND_DISPLAY "$prog" --help 2>/dev/null | grep -qE '^ +info( |$)'; then
  echo "the launcher does not summarise FILE headless; running: $prog info FILE"
  headless "$prog" info "${argv[@]:1}"
  if [ $status -eq 0 ] && [[ "$output" == *"$(basename "$file")"* ]]; then
    echo "PASS: the path reached the app as one argument and 'info' read it"
    exit 0
  fi
  echo "FAIL: '$prog info' did not read the file" >&2
  exit 1
fi
echo "the launcher has neither a headless FILE summary nor 'info'; running: $prog --version"
headless "$prog" --version
if [ $status -eq 0 ] && [[ "$output" == virtscope\ * ]]; then
  echo "PARTIAL: the argument vector is right (checked above) and the installed launcher runs headless,"
  echo "         but this build cannot open a file without a display"
  exit 0
fi
echo "FAIL: the installed launcher does not run" >&2
exit 1
