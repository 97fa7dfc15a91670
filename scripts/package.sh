#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The .deb: a portable Release build (build-pkg/: -DDL_NATIVE=OFF, so it runs on any x86-64, no tests), its man
# pages, `cpack -G DEB`, then the checks: desktop-file-validate on the .desktop entry, appstreamcli validate on
# the metainfo, the package's file list (bin/, share/, no models). --install also installs it with apt (root;
# a fresh Debian 12 gets the libraries it depends on) and starts the installed dllab under xvfb-run from the
# .desktop file's Exec line: `dllab --version`, `dlcli --version`, a Playground screenshot
# (build-pkg/installed-playground.png), and `dllab --fetch-models` from a file:// mirror when DLLAB_MODEL_MIRROR
# is set. Prints the .deb's path last.
# usage: scripts/package.sh [--install]
set -euo pipefail
cd "$(dirname "$0")/.."
INSTALL=0
[ "${1:-}" = "--install" ] && INSTALL=1
cmake -S . -B build-pkg -G Ninja -DCMAKE_BUILD_TYPE=Release -DDL_NATIVE=OFF -DDL_BUILD_TESTS=OFF -DDL_PCH=ON >/dev/null
nice cmake --build build-pkg
(cd build-pkg && rm -f ./*.deb && cpack -G DEB >/dev/null)
deb="$(ls "$PWD"/build-pkg/dllab_*.deb)"
desktop-file-validate resources/linux/io.github.dlvisuallab.DLVisualLab.desktop
appstreamcli validate --no-net --pedantic resources/linux/io.github.dlvisuallab.DLVisualLab.metainfo.xml >/dev/null
files="$(dpkg-deb -c "$deb" | awk '{print $6}')"
for f in ./usr/bin/dllab ./usr/bin/dlcli ./usr/share/applications/io.github.dlvisuallab.DLVisualLab.desktop \
         ./usr/share/metainfo/io.github.dlvisuallab.DLVisualLab.metainfo.xml ./usr/share/dllab/models.manifest \
         ./usr/share/dllab/fetch-models.sh ./usr/share/man/man1/dllab.1.gz ./usr/share/man/man1/dlcli.1.gz \
         ./usr/share/icons/hicolor/64x64/apps/dllab.png; do
  grep -qx "$f" <<<"$files" || { echo "package: $f is missing from $deb" >&2; exit 1; }
done
if grep -qE '\.weights$|\.bin$|dinos\.txt$' <<<"$files"; then echo "package: $deb ships a model or corpus" >&2; exit 1; fi
echo "package: $deb ($(stat -c %s "$deb") bytes) built and checked"
if [ "$INSTALL" = 1 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "$deb" >/dev/null
  exec_line="$(sed -n 's/^Exec=//p' /usr/share/applications/io.github.dlvisuallab.DLVisualLab.desktop)"
  "$exec_line" --version
  dlcli --version
  test -f /usr/share/man/man1/dllab.1.gz
  xvfb-run -a -s "-screen 0 1400x900x24" "$exec_line" --lab playground --screenshot "$PWD/build-pkg/installed-playground.png"
  if [ -n "${DLLAB_MODEL_MIRROR:-}" ]; then
    HOME="$PWD/build-pkg/home" "$exec_line" --fetch-models
    HOME="$PWD/build-pkg/home" dlcli detect /usr/share/darknet/data/dog.jpg --json >/dev/null
  fi
  echo "package: installed; $exec_line starts under xvfb-run (build-pkg/installed-playground.png)"
fi
echo "$deb"
