#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Random search on both cores (issue 15): `dlcli search` on the course's moons setup (30 trials in two rounds,
# 5-2-1 ReLU, He, batch 64, momentum, 40 000 steps a trial = the course's 10 000 epochs), one trial per core
# (each single-threaded, core/util/run_pool.h) against the same search on one core (--workers 1,
# DL_THREADS=1), in turns, three rounds; the medians and their ratio (the issue asks ≤ 0.6). Then the cancel:
# the same search with 10× the steps, Ctrl-C (SIGINT) after 3 s, the time until dlcli has exited (every run
# stopped, the trials so far printed), three times; the largest.
# --load: the whole run under two busy processes, one per core (bench/load.sh).
# usage: bench/search_cores.sh [--load]   (needs scripts/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
LOADED=0
[ "${1:-}" = "--load" ] && LOADED=1
[ -x build/app/dlcli ] || scripts/build.sh
source bench/load.sh
[ "$LOADED" = 1 ] && { echo "bench: under load (two busy processes)"; load_start; }
python3 - "$LOADED" <<'PY'
import json, signal, statistics, subprocess, sys, time, os
loaded = sys.argv[1] == "1"
args = ["build/app/dlcli", "search", "--trials", "30", "--rounds", "2", "--iterations", "40000", "--json"]
one, both = [], []
for r in range(3):
    out = subprocess.run(args + ["--workers", "1"], env=dict(os.environ, DL_THREADS="1"), check=True,
                         capture_output=True, text=True).stdout
    one.append(json.loads(out)["seconds"])
    j = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
    both.append(j["seconds"])
    print(f"round {r + 1}: one core {one[-1]:.2f} s, both cores {both[-1]:.2f} s (best dev {j['best']['dev_accuracy']:.3f})",
          flush=True)
lat = []
for r in range(3):
    p = subprocess.Popen(["build/app/dlcli", "search", "--trials", "30", "--iterations", "400000", "--json"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    time.sleep(3)
    t0 = time.monotonic()
    p.send_signal(signal.SIGINT)
    out, _ = p.communicate()
    lat.append(time.monotonic() - t0)
    j = json.loads(out)
    assert j["cancelled"], out
print(f"{'under load' if loaded else 'quiet'}: 30 trials x 40000 steps; medians of 3 rounds")
print("| search | wall s | both / one |")
print("|---|---|---|")
print(f"| one core (--workers 1, DL_THREADS=1) | {statistics.median(one):.2f} | |")
print(f"| both cores (default) | {statistics.median(both):.2f} | {statistics.median(both) / statistics.median(one):.2f} |")
print(f"cancel: Ctrl-C to exit {', '.join(f'{x:.3f}' for x in lat)} s (largest {max(lat):.3f} s)")
PY
load_stop
