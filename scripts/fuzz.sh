#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets of the detection lab's parsers with clang (build-fuzz/, address + undefined
# sanitizers) and runs each for SECONDS (default 60) from the seeds in tests/data/fuzz/. Fails on any
# finding (crash, sanitizer report, leak, timeout, out of memory); the input that caused it is kept in
# build-fuzz/findings/. Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-60}"
CXX=clang++ BUILD_DIR=build-fuzz scripts/build.sh -DDL_FUZZ=ON -DDL_BUILD_GUI=OFF -DDL_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo
mkdir -p build-fuzz/findings
for t in darknet_cfg:cfg darknet_weights:weights tfjs_manifest:manifest; do
  name="${t%%:*}" seeds="tests/data/fuzz/${t##*:}" corpus="build-fuzz/corpus/${t%%:*}"
  mkdir -p "$corpus"
  echo "fuzz: $name for ${SECONDS_EACH}s"
  if ! OMP_NUM_THREADS=1 build-fuzz/tests/fuzz/fuzz_"$name" -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 \
       -timeout=10 -artifact_prefix=build-fuzz/findings/"$name"- "$corpus" "$seeds" > build-fuzz/"$name".log 2>&1; then
    grep -E "ERROR|SUMMARY|Test unit" build-fuzz/"$name".log >&2 || tail -20 build-fuzz/"$name".log >&2
    echo "fuzz: $name found a problem; input kept in build-fuzz/findings/" >&2
    exit 1
  fi
  grep -E "^Done" build-fuzz/"$name".log
done
