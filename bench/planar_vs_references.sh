#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# W1 side by side, in one run: the course's planar result (flower, 2-4-1 tanh, GD α = 1.2, 10 000 full-batch
# iterations, 400 points) trained by our dlcli, by the course's numpy code and by libtorch (both from
# ../shared/bench/run-anchors.sh --only W1, which builds and runs the reference programs; nothing of them
# is copied here). Ours runs 7 times before and 7 times after the references; the median of all 14 is
# compared with the references' medians. Prints ratios (reference time / our time).
#
# usage: bench/planar_vs_references.sh [--reps N]     (needs: scripts/build.sh done; root for --install)
# env:   ANCHORS (default ../shared/bench/run-anchors.sh from the repo root), BENCH_OUT (default bench/out)
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=7
[ "${1:-}" = "--reps" ] && REPS="$2"
ANCHORS="${ANCHORS:-$(cd .. && pwd)/shared/bench/run-anchors.sh}"
OUT="${BENCH_OUT:-bench/out}"
mkdir -p "$OUT"
[ -x build/app/dlcli ] || scripts/build.sh
[ -x "$ANCHORS" ] || { echo "bench: reference script not found at $ANCHORS (set ANCHORS)" >&2; exit 1; }

ours() { # prints one training time in seconds per run
  for _ in $(seq "$REPS"); do
    build/app/dlcli train2d --dataset flower --hidden 4 --activation tanh --optimizer gd --lr 1.2 \
      --iterations 10000 --batch 0 --seed 1 --dev 0 --json 2>/dev/null |
      python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["seconds"], d["train_accuracy"])'
  done
}
echo "bench: ours (before the references)"
ours > "$OUT/planar-ours.txt"
echo "bench: references (run-anchors.sh --only W1)"
ANCHORS_OUT="$OUT/anchors" ANCHORS_BUILD="${ANCHORS_BUILD:-$OUT/anchors-build}" "$ANCHORS" --only W1 > "$OUT/anchors.log" 2>&1 || true
echo "bench: ours (after the references)"
ours >> "$OUT/planar-ours.txt"

python3 - "$OUT" <<'PY'
import csv, statistics, sys, os
out = sys.argv[1]
runs = [line.split() for line in open(os.path.join(out, "planar-ours.txt")) if line.strip()]
ours = statistics.median(float(r[0]) for r in runs)
acc = float(runs[-1][1])
refs = []
tsv = os.path.join(out, "anchors", "results.tsv")
if os.path.exists(tsv):
    with open(tsv) as f:
        rows = list(csv.reader(f, delimiter="\t"))
    head = rows[0]
    for r in rows[1:]:
        d = dict(zip(head, r))
        if d.get("workload", "").startswith("W1"):
            refs.append((d.get("implementation", "?"), d.get("threads", "?"), float(d["median"])))
lines = ["| implementation | threads | median s | ratio (ref / ours) |", "|---|---|---|---|",
         f"| DL Visual Lab dlcli | 1 | {ours:.4f} | 1.0 |"]
for impl, t, m in refs:
    lines.append(f"| {impl} | {t} | {m:.4f} | **{m / ours:.1f}x** |")
text = "\n".join(lines)
text += f"\n\nours: median of {len(runs)} runs, train accuracy {acc:.3f}; references: medians from run-anchors.sh\n"
open(os.path.join(out, "planar.md"), "w").write(text)
print(text)
if not refs:
    print("bench: no reference rows found; see", os.path.join(out, "anchors.log"), file=sys.stderr)
PY
