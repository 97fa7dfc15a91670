#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's test command: installs what is missing, builds, runs every test (core and widgets,
# offscreen), then builds the core with AddressSanitizer + UBSan (DL_SANITIZE=ON) and runs the core tests
# again there, then runs the libFuzzer targets of the detection parsers for a bounded time (scripts/fuzz.sh,
# 60 s each). CI runs exactly this (.ci/run). `--quick` skips the sanitizer and fuzz passes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build --output-on-failure --timeout 300
[ "${1:-}" = "--quick" ] && exit 0
echo "test: sanitizer pass (address + undefined) of the core tests"
BUILD_DIR=build-asan scripts/build.sh -DDL_SANITIZE=ON -DDL_BUILD_GUI=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan -L core --output-on-failure --timeout 600
echo "test: fuzz pass (darknet cfg, darknet weights, TF.js manifest parsers)"
scripts/fuzz.sh 60
