#!/usr/bin/env bash
# Builds the Linux app-image and .deb of VirtScope with jpackage (JDK 17+) from the shaded jar.
#
#   mvn -Ppackage -DskipTests package          # runs this script after the jar is built
#   packaging/build-packages.sh [--jar JAR] [--version X.Y.Z] [--dest DIR] [--types "app-image deb"]
#
# Output (DIR defaults to app/target/jpackage):
#   DIR/virtscope/                 app-image: bin/virtscope launcher, lib/app/virtscope.jar, lib/runtime
#                                  (jlinked JRE), lib/desktop (menu entry, MIME XML, icons for the .deb)
#   DIR/virtscope_X.Y.Z-1_amd64.deb installs the app-image under /opt/virtscope; its postinst
#                                  (packaging/linux/postinst) links /usr/bin/virtscope and registers
#                                  the menu entry packaging/linux/virtscope.desktop (Exec ... %F), the
#                                  MIME types of packaging/linux/virtscope-mime.xml and hicolor icons
#   packaging/verify-deb.sh checks the installed result and its removal.
# Needs: jpackage and jdeps (JDK), objcopy (binutils: jlink --strip-debug), fakeroot (for .deb).
#   sudo apt-get install binutils fakeroot
# Time on two cores of a busy machine: both types 191-268 s, the app-image alone 28 s (jdeps + jlink):
# the rest is jpackage's deb step, where dpkg-deb xz-compresses the image. So `mvn verify` never
# runs this; .ci/run builds the app-image only (-Ppackage -Dpackage.types=app-image, then AppImageIT
# checks it), and the .deb is built on demand.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/app/target/virtscope.jar"
version=""
dest="$root/app/target/jpackage"
types="app-image deb"

while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar="$2"; shift 2 ;;
    --version) version="$2"; shift 2 ;;
    --dest) dest="$2"; shift 2 ;;
    --types) types="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "build-packages: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

die() { echo "build-packages: $*" >&2; exit 1; }
command -v jpackage >/dev/null || die "jpackage not found: install a full JDK 17+ (openjdk-17-jdk)"
command -v jdeps >/dev/null || die "jdeps not found: install a full JDK 17+ (openjdk-17-jdk)"
command -v objcopy >/dev/null || die "objcopy not found (jlink --strip-debug needs it): sudo apt-get install binutils"
case " $types " in *" deb "*) command -v fakeroot >/dev/null || die "fakeroot not found (needed for .deb): sudo apt-get install fakeroot" ;; esac
[ -f "$jar" ] || die "$jar is missing: build it first with mvn -DskipTests package"

if [ -z "$version" ]; then
  version="$(unzip -p "$jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *\([^[:space:]]*\).*/\1/p')"
  [ -n "$version" ] || die "no Implementation-Version in $jar; pass --version"
fi
# Debian and jpackage want a purely numeric version: 0.1.0-SNAPSHOT -> 0.1.0
app_version="${version%%-*}"

linux="$root/packaging/linux"
icons="$root/app/src/main/resources/dev/virtscope/icons"
icon="$icons/virtscope-256.png"
work="$dest/work"
input="$work/input"
rm -rf "$dest"
mkdir -p "$input"
# jpackage copies everything under --input into the image: give it the jar only
cp "$jar" "$input/virtscope.jar"

# The runtime holds the modules the jar actually uses (JavaFX comes inside the jar with its natives).
modules="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 "$input/virtscope.jar")"
# jdeps cannot see reflective or service lookups: these are used at run time by JavaFX and the JDK
modules="$(printf '%s\n' $(echo "$modules,java.desktop,java.logging,java.xml,jdk.unsupported.desktop" | tr , ' ') | sort -u | paste -sd,)"
echo "build-packages: runtime modules: $modules"

common=(
  --name virtscope
  --app-version "$app_version"
  --vendor "VirtScope"
  --description "Trace viewer for QEMU/KVM performance work"
  --copyright "VirtScope authors"
  --icon "$icon"
)

# The window's JVM options (collector, thread priorities; the file says why). The packaged launcher
# starts the window and the headless subcommands alike, so they apply to both.
window_options=$(grep -v '^#' "$root/app/src/main/resources/dev/virtscope/gui/jvm-options" | tr '\n' ' ')

image="$dest/virtscope"
build_app_image() {
  echo "build-packages: app-image -> $image"
  jpackage --type app-image "${common[@]}" \
    --input "$input" --main-jar virtscope.jar --main-class dev.virtscope.app.Launcher \
    --add-modules "$modules" \
    --java-options "-XX:MaxRAMPercentage=75 $window_options" \
    --dest "$dest"
  # What the .deb's postinst registers with the desktop: jpackage 17 can put only one icon, as an
  # absolute path, into its own menu entry and writes its MIME XML itself, so the entry, the MIME
  # types (with content magic and parent types) and the hicolor icon sizes travel in the image.
  local desktop="$image/lib/desktop"
  mkdir -p "$desktop/icons"
  cp "$linux/virtscope.desktop" "$linux/virtscope-mime.xml" "$desktop/"
  cp "$icons"/virtscope-{16,32,48,64,128,256}.png "$icons/virtscope.svg" "$desktop/icons/"
}

for type in $types; do
  case "$type" in
    app-image) build_app_image ;;
    deb)
      # The .deb packs the app-image (reused when this run built it: saves a second jlink).
      [ -x "$image/bin/virtscope" ] || build_app_image
      echo "build-packages: deb -> $dest"
      # No --linux-shortcut / --file-associations: packaging/linux/postinst and postrm register
      # and remove the menu entry, MIME types, icons and /usr/bin/virtscope themselves.
      jpackage --type deb "${common[@]}" --app-image "$image" \
        --resource-dir "$linux" \
        --linux-package-name virtscope \
        --linux-app-category devel \
        --linux-package-deps "libgtk-3-0, libxtst6, libgl1, libpangoft2-1.0-0" \
        --dest "$dest" ${JPACKAGE_VERBOSE:+--verbose}
      ;;
    *) die "unknown package type $type (app-image, deb)" ;;
  esac
done
rm -rf "$work"
ls -l "$dest"
