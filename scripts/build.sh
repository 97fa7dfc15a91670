#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Configures and builds into build/ (Release, Ninja). Extra arguments go to CMake, e.g. -DDL_BUILD_GUI=OFF.
# BUILD_DIR chooses another folder; BUILD_TARGETS="a b" builds only those targets (and what they need).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
if [ -n "${BUILD_TARGETS:-}" ]; then
  # shellcheck disable=SC2086
  cmake --build "$BUILD_DIR" --parallel --target $BUILD_TARGETS
else
  cmake --build "$BUILD_DIR" --parallel
fi
