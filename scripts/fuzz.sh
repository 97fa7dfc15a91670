#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets (tests/fuzz/, one per parser of a user's file or text) with clang (address +
# undefined sanitizers) and runs them within a fixed total budget of SECONDS (default 300), split evenly,
# each from its seeds in tests/data/fuzz/<target>/. Fails on any finding (crash, sanitizer report, leak,
# timeout, out of memory); the input that caused it is kept in <build>/findings/. Each target's runs are
# listed. The build is FUZZ_BUILD_DIR when set (a clang build configured with -DDL_FUZZ=ON, as
# scripts/test.sh's sanitizer build is), else build-fuzz/ (core only). Usage: scripts/fuzz.sh [TOTAL_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
TOTAL="${1:-300}"
# The list set(DL_FUZZ_TARGETS …) of tests/fuzz/CMakeLists.txt, over as many lines as it takes; every
# fuzz_*.cpp there must be in it (a target missing from the list would never run).
TARGETS=($(awk '/^set\(DL_FUZZ_TARGETS/{on=1; sub(/^set\(DL_FUZZ_TARGETS/, "")} on{line=$0; sub(/\).*/, "", line); print line} on && /\)/{exit}' tests/fuzz/CMakeLists.txt))
SOURCES=(tests/fuzz/fuzz_*.cpp)
if [ "${#TARGETS[@]}" -ne "${#SOURCES[@]}" ]; then
  echo "fuzz: tests/fuzz/CMakeLists.txt lists ${#TARGETS[@]} targets, tests/fuzz/ holds ${#SOURCES[@]} fuzz_*.cpp" >&2
  exit 1
fi
if [ -n "${FUZZ_BUILD_DIR:-}" ]; then
  B="$FUZZ_BUILD_DIR"
  cmake --build "$B" --parallel --target "${TARGETS[@]/#/fuzz_}"
else
  B=build-fuzz
  CXX=clang++ BUILD_DIR="$B" scripts/build.sh -DDL_FUZZ=ON -DDL_BUILD_GUI=OFF -DDL_BUILD_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
EACH=$(( TOTAL / ${#TARGETS[@]} ))
[ "$EACH" -ge 1 ] || EACH=1
echo "fuzz: ${#TARGETS[@]} targets, ${EACH} s each (${TOTAL} s in all)"
mkdir -p "$B"/findings
for name in "${TARGETS[@]}"; do
  seeds="tests/data/fuzz/$name" corpus="$B/corpus/$name"
  [ -d "$seeds" ] || { echo "fuzz: $name has no seeds in $seeds" >&2; exit 1; }
  mkdir -p "$corpus"
  if ! OMP_NUM_THREADS=1 "$B"/tests/fuzz/fuzz_"$name" -max_total_time="$EACH" -rss_limit_mb=2048 \
       -timeout=10 -artifact_prefix="$B"/findings/"$name"- "$corpus" "$seeds" > "$B/$name.log" 2>&1; then
    grep -E "ERROR|SUMMARY|Test unit" "$B/$name.log" >&2 || tail -20 "$B/$name.log" >&2
    echo "fuzz: $name found a problem; input kept in $B/findings/" >&2
    exit 1
  fi
  echo "fuzz: $name: $(grep -E "^Done" "$B/$name.log")"
done
