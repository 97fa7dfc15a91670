#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Style lab speed, side by side in one run (issue 5), ratios ours/libtorch:
#  1. one style-transfer step on Tiny Darknet at 320×240 — forward through layers 0-18, content cost (layer
#     12) + 5 Gram style costs (0, 2, 5, 10, 15), α 1, β 1e4, backward to the input pixels, weights frozen —
#     exactly ../shared/bench W6: ours `dlcli bench-style` against W6's own libtorch program (torch_bench
#     style), in alternating pairs at 1 and 2 threads (libtorch at its fastest 2-thread setting, 2 ATen
#     threads + 1 BLAS thread, as W6 reports it);
#  2. the app's own step, which stops at the deepest layer a cost reads (15): `dlcli bench-style --through 15`;
#  3. the issue's run: dog.jpg in the style of scream.jpg, 320 px, 200 L-BFGS iterations (`dlcli style`).
# usage: bench/style_vs_libtorch.sh [--pairs N]   (needs scripts/build.sh, models/ from scripts/setup.sh)
# env:   ANCHORS (default ../shared/bench/run-anchors.sh), BENCH_OUT (default bench/out)
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS=8
[ "${1:-}" = "--pairs" ] && PAIRS="$2"
ANCHORS="${ANCHORS:-$(cd .. && pwd)/shared/bench/run-anchors.sh}"
OUT="${BENCH_OUT:-bench/out}"
TD="$(pwd)/models/tiny-darknet"
DATA=/usr/share/darknet/data
mkdir -p "$OUT"
[ -x build/app/dlcli ] || scripts/build.sh
[ -f "$TD/tiny.weights" ] || { echo "bench: $TD missing (scripts/setup.sh)" >&2; exit 1; }
# Both sides keep freed memory for reuse, as W6 runs libtorch (fresh pages cost libtorch 3×, ANCHORS.md).
export GLIBC_TUNABLES="glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824"

echo "bench: libtorch W6 table (run-anchors.sh --only W6; builds torch_bench once)"
ANCHORS_OUT="$OUT/anchors-style" ANCHORS_BUILD="${ANCHORS_BUILD:-$OUT/anchors-build}" ANCHORS_MODELS="$(pwd)/models" \
  "$ANCHORS" --only W6 > "$OUT/anchors-style.log" 2>&1 || true
TORCH="${ANCHORS_BUILD:-$OUT/anchors-build}/torch_bench"
[ -x "$TORCH" ] || { echo "bench: $TORCH was not built (libtorch-dev?); see $OUT/anchors-style.log" >&2; exit 1; }

# The shared machine's load comes and goes: each pair runs ours then libtorch back to back (medians of 21
# steps each); the ratio of each pair, then the median of the ratios.
echo "bench: $PAIRS alternating pairs per thread count"
: > "$OUT/style-pairs.txt"
for _ in $(seq "$PAIRS"); do
  for t in 1 2; do
    o=$(OMP_NUM_THREADS=$t build/app/dlcli bench-style --repeat 21)
    o15=$(OMP_NUM_THREADS=$t build/app/dlcli bench-style --repeat 21 --through 15)
    if [ "$t" = 1 ]; then extra="threads=1"; else extra="threads=2 blas_threads=1 impl=libtorch[aten2+blas1]"; fi
    # shellcheck disable=SC2086
    c=$("$TORCH" style cfg="$TD/tiny.cfg" weights="$TD/tiny.weights" reps=21 $extra 2>/dev/null | grep '^RESULT')
    python3 - "$t" "$o" "$o15" "$c" >> "$OUT/style-pairs.txt" <<'PY'
import json, sys
t, o, o15, c = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]), sys.argv[4].splitlines()
med = {l.split("|")[1]: float(l.split("|")[4]) for l in c}
fwd = next(v for k, v in med.items() if k.endswith("fwd"))
both = next(v for k, v in med.items() if "bwd" in k)
print(t, o["forward_ms"], o["forward_backward_ms"], o15["forward_backward_ms"], fwd, both)
PY
  done
done

echo "bench: the issue's run (dog.jpg × scream.jpg, 320 px, 200 L-BFGS iterations)"
build/app/dlcli style "$DATA/dog.jpg" "$DATA/scream.jpg" --out "$OUT/style-dog-scream.png" --json 2>/dev/null \
  > "$OUT/style-run.json"

python3 - "$OUT" <<'PY'
import json, os, statistics, sys
out = sys.argv[1]
rows = [l.split() for l in open(os.path.join(out, "style-pairs.txt")) if len(l.split()) == 6]
lines = ["| Tiny Darknet step, 320×240 (W6) | threads | ours ms | libtorch ms | median of pair ratios ours/libtorch | pairs |",
         "|---|---|---|---|---|---|"]
for t in ("1", "2"):
    p = [[float(x) for x in r[1:]] for r in rows if r[0] == t]
    if not p:
        continue
    med = lambda i: statistics.median(r[i] for r in p)
    ratio = lambda i, j: statistics.median(r[i] / r[j] for r in p)
    lines.append(f"| forward + costs | {t} | {med(0):.1f} | {med(3):.1f} | **{ratio(0, 3):.2f}** | {len(p)} |")
    lines.append(f"| forward + costs + backward to the pixels | {t} | {med(1):.1f} | {med(4):.1f} | **{ratio(1, 4):.2f}** | {len(p)} |")
    lines.append(f"| the app's step (stops at layer 15) vs W6's | {t} | {med(2):.1f} | {med(4):.1f} | {ratio(2, 4):.2f} | {len(p)} |")
try:
    r = json.load(open(os.path.join(out, "style-run.json")))
    lines.append("")
    lines.append(f"dog.jpg in the style of scream.jpg, {r['width']}×{r['height']}, {r['iterations']} L-BFGS iterations: "
                 f"{r['seconds']:.1f} s in all, {1e3 * r['seconds_per_iteration']:.1f} ms per iteration; style cost "
                 f"{r['first_style_cost']:.4g} → {r['style_cost']:.4g} ({r['first_style_cost'] / r['style_cost']:.0f}× lower), "
                 f"content cost {r['first_content_cost']:.4g} → {r['content_cost']:.4g}.")
except Exception as e:
    lines.append(f"style run: not measured ({e})")
text = "\n".join(lines)
open(os.path.join(out, "style.md"), "w").write(text + "\n")
print(text)
PY
