#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what DL Visual Lab needs from Debian 12's packages (only what is missing; safe to re-run).
# Usage: scripts/setup.sh [--gui-runtime]   (--gui-runtime adds xvfb for running the app without a display)
set -euo pipefail
PKGS=(g++ cmake ninja-build pkg-config git
      qt6-base-dev libqcustomplot-dev libeigen3-dev libopencv-dev libgl-dev fonts-dejavu-core zlib1g-dev
      libopenblas-openmp-dev dataset-fashion-mnist)
[ "${1:-}" = "--gui-runtime" ] && PKGS+=(xvfb xauth)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all packages present"
  exit 0
fi
echo "setup: installing ${missing[*]}"
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: run as root, or install: apt-get install -y ${missing[*]}" >&2; exit 1; }
  SUDO=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
