#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets (tests/fuzz/, one per parser of a user's file or text) with clang in
# build-fuzz/ (address + undefined sanitizers) and runs them within a fixed total budget of SECONDS (default
# 300), split evenly, each from its seeds in tests/data/fuzz/<target>/. Fails on any finding (crash,
# sanitizer report, leak, timeout, out of memory); the input that caused it is kept in build-fuzz/findings/.
# Each target's runs are listed. Usage: scripts/fuzz.sh [TOTAL_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
TOTAL="${1:-300}"
CXX=clang++ BUILD_DIR=build-fuzz scripts/build.sh -DDL_FUZZ=ON -DDL_BUILD_GUI=OFF -DDL_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo
TARGETS=($(sed -n 's/^set(DL_FUZZ_TARGETS \(.*\)/\1/p;/^    [a-z_ ]*)$/s/)//p' tests/fuzz/CMakeLists.txt))
EACH=$(( TOTAL / ${#TARGETS[@]} ))
[ "$EACH" -ge 1 ] || EACH=1
echo "fuzz: ${#TARGETS[@]} targets, ${EACH} s each (${TOTAL} s in all)"
mkdir -p build-fuzz/findings
for name in "${TARGETS[@]}"; do
  seeds="tests/data/fuzz/$name" corpus="build-fuzz/corpus/$name"
  [ -d "$seeds" ] || { echo "fuzz: $name has no seeds in $seeds" >&2; exit 1; }
  mkdir -p "$corpus"
  if ! OMP_NUM_THREADS=1 build-fuzz/tests/fuzz/fuzz_"$name" -max_total_time="$EACH" -rss_limit_mb=2048 \
       -timeout=10 -artifact_prefix=build-fuzz/findings/"$name"- "$corpus" "$seeds" > build-fuzz/"$name".log 2>&1; then
    grep -E "ERROR|SUMMARY|Test unit" build-fuzz/"$name".log >&2 || tail -20 build-fuzz/"$name".log >&2
    echo "fuzz: $name found a problem; input kept in build-fuzz/findings/" >&2
    exit 1
  fi
  echo "fuzz: $name: $(grep -E '^Done' build-fuzz/"$name".log)"
done
