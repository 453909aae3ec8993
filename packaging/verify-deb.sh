#!/usr/bin/env bash
# Installs the VirtScope .deb on this machine, checks that it delivers what a desktop user needs
# (menu entry, file types, icons, `virtscope FILE` from a shell, double-click on a file whose path
# has spaces), then removes and purges it and checks that nothing is left behind.
#
#   sudo packaging/verify-deb.sh [--shots DIR] [DEB]
#
# Without DEB the .deb is built first with packaging/build-packages.sh (from app/target/virtscope.jar)
# and the build time is printed. --shots DIR keeps the screenshots of the windows it opened.
# Prints PASS, FAIL or SKIP per check and a summary; the exit status is the number of FAILs.
# Refuses to start when a virtscope package is installed already (it removes what it installs).
#
# Needs root and: desktop-file-utils, shared-mime-info, libglib2.0-bin (gio), xz-utils, and for the
# window checks xvfb xauth xdotool imagemagick x11-utils. Optional: python3-xdg and a menu definition
# (lxmenu-data, or any desktop's) for the menu check; libxml2-utils for the MIME XML schema check.
#   sudo apt-get install desktop-file-utils xvfb xauth xdotool imagemagick x11-utils python3-xdg lxmenu-data libxml2-utils
set -uo pipefail
shopt -s extglob

root="$(cd "$(dirname "$0")/.." && pwd)"
shots=""
deb=""
while [ $# -gt 0 ]; do
  case "$1" in
    --shots) shots="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d'; exit 0 ;;
    -*) echo "verify-deb: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) deb="$1"; shift ;;
  esac
done

[ "$(id -u)" = 0 ] || { echo "verify-deb: needs root (dpkg -i / -r / -P)" >&2; exit 2; }
if dpkg-query -W -f='${Status}' virtscope 2>/dev/null | grep -q 'installed\|config-files'; then
  echo "verify-deb: a virtscope package is installed already; remove it first (dpkg -P virtscope)" >&2
  exit 2
fi

app=/opt/virtscope
entry=/usr/share/applications/virtscope.desktop
mime_xml=/usr/share/mime/packages/virtscope.xml
types=(application/x-trace-cmd-dat text/x-folded-stacks application/x-virtscope-session)
sizes=(16 32 48 64 128 256)
# real samples: the kernel's text of a KVM trace, the trace-cmd .dat of the same capture, folded stacks
ftrace_sample="$root/samples/generated/trace-cmd/kvm-sched-irq-timer.trace.txt.xz"
dat_sample="$root/samples/generated/trace-cmd/kvm-sched-irq-timer-v7-zstd.dat"
folded_sample="$root/samples/generated/folded/folded-cpuclock.txt"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
[ -n "$shots" ] || shots="$tmp/shots"
mkdir -p "$shots"
# The app keeps its single-instance file and preferences under HOME / XDG_CONFIG_HOME: a private
# pair keeps a VirtScope the user already runs from receiving our files, and leaves no trace.
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config"
mkdir -p "$XDG_CONFIG_HOME"

passed=0 failed=0 skipped=0
results=()
check() { # NAME pass|fail|skip DETAIL
  local word
  case "$2" in
    pass) word=PASS; passed=$((passed + 1)) ;;
    fail) word=FAIL; failed=$((failed + 1)) ;;
    *) word=SKIP; skipped=$((skipped + 1)) ;;
  esac
  results+=("$(printf '%-4s  %-22s %s' "$word" "$1" "$3")")
  printf '%-4s  %-22s %s\n' "$word" "$1" "$3"
}
verdict() { if "$@"; then echo pass; else echo fail; fi; }
# dpkg ARGS...: waits (up to 10 minutes) while another apt or dpkg holds the dpkg lock
dpkg_waiting() {
  local i out rc
  for i in $(seq 120); do
    out="$(dpkg "$@" 2>&1)"; rc=$?
    grep -q 'lock was locked by another process\|dpkg status database is locked' <<< "$out" || break
    [ "$i" = 1 ] && echo "verify-deb: waiting for the dpkg lock ($(grep -o 'pid [0-9]*' <<< "$out"))" >&2
    sleep 5
  done
  printf '%s\n' "$out"
  return $rc
}
have() { command -v "$1" >/dev/null 2>&1; }

# What the package may touch; compared before install and after removal.
watched=(/opt /usr/bin /usr/local /usr/share/applications /usr/share/mime /usr/share/icons
         /usr/share/desktop-directories /usr/share/pixmaps /etc/xdg)
snapshot() { find "${watched[@]}" 2>/dev/null | LC_ALL=C sort; }

# --- build -------------------------------------------------------------------------------------
if [ -z "$deb" ]; then
  start=$(date +%s)
  if "$root/packaging/build-packages.sh" > "$tmp/build.log" 2>&1; then
    deb="$(ls "$root"/app/target/jpackage/virtscope_*.deb 2>/dev/null | head -1)"
    check build pass "packaging/build-packages.sh: app-image + .deb in $(($(date +%s) - start)) s ($(basename "$deb"))"
  else
    tail -20 "$tmp/build.log"
    check build fail "packaging/build-packages.sh failed (log above)"
    exit 1
  fi
fi
[ -f "$deb" ] || { echo "verify-deb: no .deb at '$deb'" >&2; exit 2; }
echo "package: $deb ($(du -m "$deb" | cut -f1) MB)"

snapshot > "$tmp/before.txt"

# --- install -----------------------------------------------------------------------------------
install_deb() {
  if dpkg_waiting -i "$deb" > "$tmp/dpkg-i.log" 2>&1; then
    dpkg-query -W -f='${Status}' virtscope | grep -q '^install ok installed$'
  else
    cat "$tmp/dpkg-i.log" >&2; false
  fi
}
check install "$(verdict install_deb)" "dpkg -i $(basename "$deb")"

# --- menu entry --------------------------------------------------------------------------------
entry_value() { # KEY: its value in the [Desktop Entry] group of the installed entry
  awk -v key="$1" '/^\[/ { main = ($0 == "[Desktop Entry]"); next }
                   main && index($0, key "=") == 1 { print substr($0, length(key) + 2); exit }' "$entry" 2>/dev/null
}
if [ -f "$entry" ]; then
  check desktop-entry pass "$entry installed"
else
  check desktop-entry fail "$entry missing"
fi
if have desktop-file-validate; then
  out="$(desktop-file-validate "$entry" 2>&1)"; rc=$?
  # hints are suggestions; errors and warnings are not
  if [ $rc = 0 ] && ! grep -qE ': (error|warning):' <<< "$out"; then
    check desktop-file-validate pass "no errors or warnings${out:+ ($(wc -l <<< "$out") hints)}"
  else
    check desktop-file-validate fail "$(tr '\n' ' ' <<< "$out")"
  fi
else
  check desktop-file-validate skip "desktop-file-validate missing (apt-get install desktop-file-utils)"
fi
name="$(entry_value Name)" icon="$(entry_value Icon)" cats="$(entry_value Categories)"
exe="$(entry_value Exec | cut -d' ' -f1)"
keys_ok() {
  [ "$name" = VirtScope ] && [ "$icon" = virtscope ] && [[ ";$cats" == *";Development;"* ]] && [ -x "$exe" ] &&
    for t in "${types[@]}"; do [[ ";$(entry_value MimeType)" == *";$t;"* ]] || return 1; done
}
check desktop-keys "$(verdict keys_ok)" "Name=$name Icon=$icon Categories=$cats Exec=$exe ..."

# The menus of menu-spec desktops (LXDE, Xfce, KDE, MATE) are built from .menu files that file
# entries by Categories; GNOME Shell lists every visible entry. Ask a real menu definition.
menu_file="$(ls /etc/xdg/menus/*applications.menu 2>/dev/null | head -1)"
if [ -n "$menu_file" ] && /usr/bin/python3 -c 'import xdg.Menu' 2>/dev/null; then
  where="$(/usr/bin/python3 - "$menu_file" <<'PY'
import sys, xdg.Menu
def walk(menu, path):
    for e in menu.getEntries():
        if isinstance(e, xdg.Menu.Menu):
            yield from walk(e, path + [e.getName()])
        elif isinstance(e, xdg.Menu.MenuEntry) and e.DesktopFileID == "virtscope.desktop":
            yield " > ".join(path + [e.DesktopEntry.getName()])
print("; ".join(walk(xdg.Menu.parse(sys.argv[1]), [])))
PY
)"
  if [ -n "$where" ]; then
    check menu pass "$(basename "$menu_file"): $where"
  else
    check menu fail "$(basename "$menu_file") does not list virtscope.desktop"
  fi
else
  check menu skip "no /etc/xdg/menus/*applications.menu or python3-xdg"
fi

# --- file types --------------------------------------------------------------------------------
xml_ok() {
  [ -f "$mime_xml" ] || return 1
  for t in "${types[@]}"; do
    grep -q "<mime-type type=\"$t\">" "$mime_xml" && [ -f "/usr/share/mime/$t.xml" ] || return 1
  done
  if have xmllint && [ -f /usr/share/mime/packages/freedesktop.org.xml ]; then
    xmllint --noout "$mime_xml" 2>/dev/null || return 1
  fi
}
check mime-xml "$(verdict xml_ok)" "$mime_xml; update-mime-database compiled ${types[*]}"

# The desktop database (mimeinfo.cache) and what GLib and xdg-utils pick as the handler.
handlers() {
  for t in "${types[@]}"; do
    grep -q "^$t=.*virtscope.desktop" /usr/share/applications/mimeinfo.cache || return 1
    # whole output first: with pipefail, a reader that stops early would fail gio on SIGPIPE
    out="$(gio mime "$t" 2>/dev/null)"
    grep -q '^Default application.*virtscope.desktop' <<< "$out" || return 1
    if have xdg-mime; then [ "$(xdg-mime query default "$t")" = virtscope.desktop ] || return 1; fi
  done
}
check default-handler "$(verdict handlers)" "mimeinfo.cache, gio mime$(have xdg-mime && echo ', xdg-mime query default'): virtscope.desktop for each type"

files="$tmp/files/my traces"
mkdir -p "$files"
cp "$dat_sample" "$files/guest boot.dat"
cp "$dat_sample" "$files/trace-without-extension"
cp "$folded_sample" "$files/guest boot (1).folded"
printf '{}\n' > "$files/saved.vsession" # detection by name only: content is not read here
detected() { gio info -a standard::content-type "$1" 2>/dev/null | sed -n 's/.*standard::content-type: //p'; }
detect_ok() {
  [ "$(detected "$files/guest boot.dat")" = application/x-trace-cmd-dat ] &&
    [ "$(detected "$files/trace-without-extension")" = application/x-trace-cmd-dat ] &&
    [ "$(detected "$files/guest boot (1).folded")" = text/x-folded-stacks ] &&
    [ "$(detected "$files/saved.vsession")" = application/x-virtscope-session ]
}
check mime-detect "$(verdict detect_ok)" "gio info: .dat, renamed trace.dat (magic), .folded, .vsession -> $(detected "$files/trace-without-extension"), $(detected "$files/guest boot (1).folded"), $(detected "$files/saved.vsession")"

# --- icons -------------------------------------------------------------------------------------
icons_ok() {
  for s in "${sizes[@]}"; do
    f="/usr/share/icons/hicolor/${s}x${s}/apps/virtscope.png"
    [ -f "$f" ] || return 1
    if have identify; then [ "$(identify -format '%wx%h' "$f")" = "${s}x${s}" ] || return 1; fi
  done
  [ -f /usr/share/icons/hicolor/scalable/apps/virtscope.svg ] || return 1
  # GTK reads the theme's cache, not the folders, while the cache is newer than them
  if [ -f /usr/share/icons/hicolor/icon-theme.cache ]; then grep -aq virtscope /usr/share/icons/hicolor/icon-theme.cache || return 1; fi
}
check icons "$(verdict icons_ok)" "hicolor ${sizes[*]} px (sizes checked with identify) + scalable svg, in icon-theme.cache"

# --- shell -------------------------------------------------------------------------------------
path_ok() { [ "$(command -v virtscope)" = /usr/bin/virtscope ] && [ "$(readlink -f /usr/bin/virtscope)" = "$app/bin/virtscope" ]; }
check path "$(verdict path_ok)" "virtscope on PATH: $(command -v virtscope) -> $(readlink -f "$(command -v virtscope)" 2>/dev/null)"

# `virtscope trace.txt` without a display prints the summary. The expected figures come from the
# text itself: one event per non-comment line, its name before the second ':'; CPUs from '#P:'.
work="$tmp/shell"
mkdir -p "$work"
xz -dc "$ftrace_sample" > "$work/trace.txt"
grep -v '^#' "$work/trace.txt" | grep -oE '\[[0-9]{3}\] [^ ]+ +[0-9]+\.[0-9]+: [a-z_0-9]+:' |
  awk '{ sub(/:$/, "", $NF); print $NF }' | LC_ALL=C sort | uniq -c | awk '{ print $2, $1 }' > "$tmp/expected-types"
expected_events=$(awk '{ n += $2 } END { print n }' "$tmp/expected-types")
expected_cpus=$(sed -n 's/.*#P:\([0-9]*\).*/\1/p' "$work/trace.txt" | head -1)
summary="$(cd "$work" && env -u DISPLAY -u WAYLAND_DISPLAY virtscope trace.txt 2>&1)"; rc=$?
awk '/^event types/ { on = 1; next } /^[a-z]/ { on = 0 } on && NF == 2 { print $2, $1 }' <<< "$summary" |
  LC_ALL=C sort > "$tmp/actual-types"
events=$(sed -n 's/^events: *//p' <<< "$summary")
cpus=$(sed -n 's/^cpus: *//p' <<< "$summary")
headless_ok() {
  [ $rc = 0 ] && grep -q '^file: *trace.txt$' <<< "$summary" && [ "$events" = "$expected_events" ] &&
    [ "$cpus" = "$expected_cpus" ] && diff -q "$tmp/expected-types" "$tmp/actual-types" >/dev/null
}
check headless "$(verdict headless_ok)" "virtscope trace.txt (DISPLAY unset): exit $rc, $events events (text: $expected_events), $cpus CPUs (#P:$expected_cpus), $(wc -l < "$tmp/actual-types") event types match the text's counts"
sed 's/^/        | /' <<< "$summary" | head -8

# --- window ------------------------------------------------------------------------------------
# Runs COMMAND... under a fresh Xvfb, waits for a window whose title matches the regular expression
# TITLE, takes a screenshot of the screen (SHOT) and closes the app: the process started here and
# the one owning the window (_NET_WM_PID; `gio launch` starts the app and returns). Succeeds when
# the window appeared and the picture is not blank; the window's WM_CLASS is left in $tmp/wm-class.
window_check() { # TITLE SHOT COMMAND...
  local title="$1" shot="$2"; shift 2
  xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    title="$1" shot="$2" class_file="$3"; shift 3
    "$@" & started=$!
    win=$(timeout 150 xdotool search --sync --onlyvisible --name "$title" 2>/dev/null | head -1)
    owner=""
    if [ -n "$win" ]; then
      sleep 4; import -window root "$shot"; owner=$(xdotool getwindowpid "$win" 2>/dev/null)
      xprop -id "$win" WM_CLASS > "$class_file" 2>/dev/null
    fi
    for p in $started $owner; do kill "$p" 2>/dev/null; done
    wait 2>/dev/null
    [ -n "$win" ]' _ "$title" "$shot" "$tmp/wm-class" "$@" > "$tmp/xvfb.log" 2>&1 || return 1
  [ -f "$shot" ] && [ "$(identify -format '%k' "$shot")" -gt 16 ]
}
if have xvfb-run && have xdotool && have import && have xprop; then
  if window_check "trace\\.txt" "$shots/shell-window.png" bash -c "cd '$work' && exec virtscope trace.txt"; then
    check window-shell pass "xvfb-run: 'virtscope trace.txt' opened a window titled ...trace.txt ($shots/shell-window.png)"
  else
    check window-shell fail "no window for 'virtscope trace.txt' under xvfb-run ($(tail -3 "$tmp/xvfb.log" | tr '\n' ' '))"
  fi
  # A double-click: GLib expands the installed entry's Exec line (%F) for a path with spaces. The
  # window's class must be the entry's StartupWMClass, or docks show it apart from the menu entry.
  wm_class="$(entry_value StartupWMClass)"
  if window_check "guest boot\\.dat" "$shots/double-click-window.png" gio launch "$entry" "$files/guest boot.dat" &&
     grep -q "= \"$wm_class\", \"$wm_class\"" "$tmp/wm-class"; then
    check window-double-click pass "gio launch $entry '.../my traces/guest boot.dat' opened it, WM_CLASS = StartupWMClass ($shots/double-click-window.png)"
  else
    check window-double-click fail "gio launch: no window, or its $(cat "$tmp/wm-class" 2>/dev/null) is not StartupWMClass=$wm_class ($(tail -3 "$tmp/xvfb.log" | tr '\n' ' '))"
  fi
else
  check window-shell skip "needs xvfb-run, xdotool, import, xprop (apt-get install xvfb xauth xdotool imagemagick x11-utils)"
  check window-double-click skip "same"
fi

# The Exec line expanded by the Desktop Entry rules and by GLib, for a name with spaces, quotes, '$'.
if out="$("$root/packaging/test-desktop-exec.sh" "$entry" 2>&1)" && grep -q '^PASS' <<< "$out"; then
  check exec-field-codes pass "test-desktop-exec.sh on the installed entry: $(grep '^PASS' <<< "$out" | cut -c7-)"
else
  check exec-field-codes fail "test-desktop-exec.sh: $(tail -2 <<< "$out" | tr '\n' ' ')"
fi

# --- removal -----------------------------------------------------------------------------------
leftovers() { # lists what differs from before the install, and registrations still present
  snapshot > "$tmp/after.txt"
  diff "$tmp/before.txt" "$tmp/after.txt" | grep '^[<>]'
  grep -l virtscope /usr/share/applications/mimeinfo.cache /usr/share/applications/defaults.list 2>/dev/null
  grep -lE 'x-trace-cmd-dat|x-folded-stacks|x-virtscope-session' /usr/share/mime/globs2 /usr/share/mime/magic \
    /usr/share/mime/types 2>/dev/null
  grep -alq virtscope /usr/share/icons/hicolor/icon-theme.cache 2>/dev/null && echo "icon-theme.cache still names virtscope"
  [ -z "$(gio mime application/x-trace-cmd-dat 2>/dev/null | grep virtscope)" ] || echo "gio still knows the handler"
  return 0
}
removal_check() { # NAME DPKG-OPTION EXPECTED-STATUS
  if ! dpkg_waiting "$2" virtscope > "$tmp/dpkg-r.log" 2>&1; then
    check "$1" fail "dpkg $2 virtscope: $(tail -2 "$tmp/dpkg-r.log" | tr '\n' ' ')"; return
  fi
  local status left
  status="$(dpkg-query -W -f='${Status}' virtscope 2>/dev/null)"
  left="$(leftovers)"
  if [ -z "$left" ] && [[ "$status" == $3 ]]; then
    check "$1" pass "dpkg $2: status '${status:-unknown to dpkg}', no files left in ${watched[*]}, no registrations left"
  else
    check "$1" fail "dpkg $2: status '$status'; left: $(head -5 <<< "$left" | tr '\n' ' ')"
  fi
}
removal_check remove -r '@(not-installed|deinstall ok config-files|)'
dpkg_waiting -P virtscope > /dev/null 2>&1
# purge straight from installed, the other way out
if install_deb; then
  removal_check purge -P ''
else
  check purge fail "reinstall before purge failed"
fi

echo
echo "verify-deb: $passed passed, $failed failed, $skipped skipped"
exit "$failed"
