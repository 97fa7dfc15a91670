#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's test command. Installs what is missing, then:
#   1. builds everything once with clang, AddressSanitizer + UBSan (RelWithDebInfo with line tables only,
#      build-asan/, the fuzz targets included) and runs every test there: core, widgets and lab pages
#      offscreen, the GUI monkey test;
#   2. builds the core and the worker-thread tests with ThreadSanitizer (build-tsan/, OpenMP at one thread,
#      Qt on its own event dispatcher: QT_NO_GLIB=1) and runs the tests labelled "threads" with
#      tests/tsan.supp (uninstrumented Qt, libgomp; our hand-over is visible to TSan: widgets/handover.h);
#   3. fuzzes every parser for a fixed total budget (scripts/fuzz.sh, 300 s) in the build of step 1;
#   4. builds the .deb (scripts/package.sh: a portable Release build, cpack, the .desktop and AppStream
#      checks); with --install-package also installs it and starts the installed app under xvfb-run.
# Clang, not GCC: the same sanitizer build takes 8 instead of 20 minutes on 2 cores (README, CI time).
# CI runs exactly this with --require-models (.ci/run). Options:
#   --require-models  a test that needs ../shared/models, face-api or Debian's darknet photos fails (naming
#                     the file) instead of skipping; setup fails when ../shared/models is missing
#   --install-package step 4 installs the .deb (apt, system-wide: CI's fresh machine) and starts it
#   --quick           one Release build (build/) and its tests, no sanitizers, no fuzzing (while developing)
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=0 PACKAGE=()
for a in "$@"; do
  case "$a" in
    --require-models) export DL_REQUIRE_MODELS=1 ;;
    --install-package) PACKAGE=(--install) ;;
    --quick) QUICK=1 ;;
    *) echo "test: unknown option $a (use --require-models, --install-package, --quick)" >&2; exit 2 ;;
  esac
done
export QT_QPA_PLATFORM=offscreen
step() { echo "test: $1 (at $(( SECONDS / 60 )) min $(( SECONDS % 60 )) s)"; }
scripts/setup.sh
if [ "$QUICK" = 1 ]; then
  scripts/build.sh
  ctest --test-dir build --output-on-failure --timeout 300
  exit 0
fi

# Line tables are all a sanitizer report needs (file:line in every frame); full debug info doubles the time.
SAN_FLAGS=(-DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -gline-tables-only -DNDEBUG")

step "1/4 every test in one address + undefined sanitizer build"
BUILD_DIR=build-asan scripts/build.sh "${SAN_FLAGS[@]}" -DDL_SANITIZE=ON -DDL_FUZZ=ON
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure --timeout 900 -j2

step "2/4 ThreadSanitizer: the core and the worker-thread tests"
TSAN_TARGETS=$(sed -n 's/^set(DL_THREAD_TESTS \(.*\))$/\1/p' tests/widgets/CMakeLists.txt)
BUILD_DIR=build-tsan BUILD_TARGETS="$TSAN_TARGETS" scripts/build.sh "${SAN_FLAGS[@]}" -DDL_TSAN=ON
QT_NO_GLIB=1 OMP_NUM_THREADS=1 TSAN_OPTIONS=suppressions="$PWD/tests/tsan.supp":halt_on_error=1:second_deadlock_stack=1 \
  ctest --test-dir build-tsan -L threads --output-on-failure --timeout 900 -j2

step "3/4 fuzz pass (every parser, 300 s in all)"
FUZZ_BUILD_DIR=build-asan scripts/fuzz.sh 300

step "4/4 the .deb: a portable Release build, cpack, its checks${PACKAGE:+, installed and started under xvfb-run}"
DLLAB_MODEL_MIRROR="$PWD" scripts/package.sh "${PACKAGE[@]}" # the mirror: this project's models/ and corpora/
step "done"
