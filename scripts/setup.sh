#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what DL Visual Lab needs from Debian 12's packages (only what is missing; safe to re-run), then
# fills models/ and corpora/ (git-ignored): links to ../shared/models and ../shared/datasets when that folder
# exists, and scripts/fetch-models.sh for the rest (face-api's nets from the npm registry's tarball; anything
# else missing from its pinned source or $DLLAB_MODEL_MIRROR), each file checked against the sha256 of
# resources/models.manifest. Nothing is downloaded at run time.
# Usage: scripts/setup.sh   (xvfb is always installed: the package check and a headless run use it)
set -euo pipefail
cd "$(dirname "$0")/.."
PKGS=(g++ cmake ninja-build pkg-config git
      qt6-base-dev libqcustomplot-dev libeigen3-dev libopencv-dev libgl-dev fonts-dejavu-core zlib1g-dev
      qt6-tools-dev qt6-l10n-tools # lupdate and lrelease: the 简体中文 and English catalogues (translations/)
      qt6-translations-l10n fonts-noto-cjk # Qt's own dialogs in Chinese; a font with the CJK characters
      libopenblas-openmp-dev dataset-fashion-mnist
      curl ca-certificates    # scripts/fetch-models.sh: models and corpora missing from ../shared
      libcli11-dev            # dlcli's command-line parser (header-only)
      nlohmann-json3-dev      # reads and writes JSON: experiments, model headers, run files (header-only)
      darknet                 # sample photos (dog.jpg, ...), YOLO .cfg files and coco.names
      python3-torch           # the tests run dlcli export --pytorch's experiment in PyTorch (tst_export_cli)
      dpkg-dev desktop-file-utils appstream help2man xvfb xauth # the .deb: shlibdeps, its checks, man pages, a start
      clang libclang-rt-14-dev libomp-14-dev) # the sanitizer builds of scripts/test.sh and the fuzz targets
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all packages present"
else
  echo "setup: installing ${missing[*]}"
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: run as root, or install: apt-get install -y ${missing[*]}" >&2; exit 1; }
    SUDO=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q
  "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# ---- models/ and corpora/ (git-ignored; README: Models). Links to the folders of ../shared when it is beside
# the project (no copy), then scripts/fetch-models.sh fetches whatever is still missing from the sources pinned
# in resources/models.manifest (sizes and sha256 checked; DLLAB_MODEL_MIRROR=DIR_OR_URL takes them from a copy).
link_shared() { # FROM TO: each folder of ../shared/FROM linked into TO/
  mkdir -p "$2"
  [ -d "../shared/$1" ] || return 0
  for d in "../shared/$1"/*/; do
    name="$(basename "$d")"
    [ -e "$2/$name" ] || ln -s "$(cd "$d" && pwd)" "$2/$name"
  done
}
link_shared models models
link_shared datasets corpora
if ! scripts/fetch-models.sh; then
  echo "setup: some models or corpora are missing (above); the labs that need them say so. Fetch them later with scripts/fetch-models.sh" >&2
  if [ "${DL_REQUIRE_MODELS:-}" = 1 ]; then
    echo "setup: every model is required here (DL_REQUIRE_MODELS=1)" >&2
    exit 1
  fi
fi
