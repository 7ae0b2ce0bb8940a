#!/usr/bin/env bash
# Makes the system libraries Radiome builds against available to Maven, on a fresh machine.
#
# PixelMed (DICOM) is not published on Maven Central; Radiome takes it from Debian's packages
# libpixelmed-java and libpixelmed-imageio-java (jars in /usr/share/java). This script
#   1. installs those packages with apt-get when the jars are missing (needs root, or sudo without a password);
#   2. installs the jars into the local Maven repository under fixed coordinates that match the
#      Debian package versions the poms name (org.radiome.thirdparty:pixelmed:20220618 and
#      org.radiome.thirdparty:pixelmed-imageio:20200328).
#   3. installs libdeflate (Debian package libdeflate0) when it is missing and apt-get can be used: optional,
#      gzip images then decode about three times faster on JDK 22+; without it java.util.zip decodes them.
# It is idempotent and quick when everything is in place; ./radiome and .ci/run call it before building.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

GROUP=org.radiome.thirdparty
PIXELMED_VERSION=20220618          # Debian libpixelmed-java 20220618+dfsg-1 (bookworm)
PIXELMED_IMAGEIO_VERSION=20200328  # Debian libpixelmed-imageio-java 20200328-5 (bookworm)
JAR_DIR=/usr/share/java

say() { echo "install-system-deps: $*" >&2; }

if [ ! -f "$JAR_DIR/pixelmed.jar" ] || [ ! -f "$JAR_DIR/pixelmed_imageio.jar" ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    say "PixelMed is missing and this system has no apt-get: install PixelMed $PIXELMED_VERSION and"
    say "pixelmed_imageio $PIXELMED_IMAGEIO_VERSION jars into $JAR_DIR (or set RADIOME_PIXELMED_JAR_DIR)."
    [ -n "${RADIOME_PIXELMED_JAR_DIR:-}" ] || exit 1
  else
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"
      else say "PixelMed is missing: run as root: apt-get install libpixelmed-java libpixelmed-imageio-java"; exit 1; fi
    fi
    say "installing Debian packages libpixelmed-java libpixelmed-imageio-java..."
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends libpixelmed-java libpixelmed-imageio-java >/dev/null
  fi
fi
JAR_DIR="${RADIOME_PIXELMED_JAR_DIR:-$JAR_DIR}"

# libdeflate: optional, so nothing here may fail the build (no apt-get, no root, no network: a note at most)
has_libdeflate() {
  local d
  for d in /usr/lib/*-linux-gnu /usr/lib64 /usr/lib /usr/local/lib; do [ -e "$d/libdeflate.so.0" ] && return 0; done
  return 1
}
if [ "$(uname -s)" = Linux ] && ! has_libdeflate; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; fi
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; }; then
    say "installing Debian package libdeflate0 (faster gzip decoding on JDK 22+)..."
    { DEBIAN_FRONTEND=noninteractive $SUDO apt-get update -qq && \
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libdeflate0 >/dev/null; } \
      || say "libdeflate0 not installed (optional: gzip images are decoded by java.util.zip)"
  else
    say "note: libdeflate0 is not installed (optional, faster gzip decoding on JDK 22+): apt-get install libdeflate0"
  fi
fi

M2_REPO="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
install_jar() { # file artifactId version
  local file="$1" artifact="$2" version="$3"
  local target="$M2_REPO/${GROUP//.//}/$artifact/$version/$artifact-$version.jar"
  if [ -f "$target" ] && cmp -s "$file" "$target"; then return 0; fi
  local real; real="$(readlink -f "$file")"
  case "$(basename "$real")" in
    *"$version"*) ;;
    *) say "warning: $real is not version $version; installing it under that version anyway" ;;
  esac
  say "installing $real into the local Maven repository as $GROUP:$artifact:$version"
  (cd "$ROOT" && ./mvnw -q -B -ntp -N ${RADIOME_MVN_OFFLINE:+-o} install:install-file \
      -Dfile="$real" -DgroupId="$GROUP" -DartifactId="$artifact" -Dversion="$version" \
      -Dpackaging=jar -DgeneratePom=true ${MAVEN_REPO_LOCAL:+-DlocalRepositoryPath="$M2_REPO"})
}
install_jar "$JAR_DIR/pixelmed.jar" pixelmed "$PIXELMED_VERSION"
install_jar "$JAR_DIR/pixelmed_imageio.jar" pixelmed-imageio "$PIXELMED_IMAGEIO_VERSION"
