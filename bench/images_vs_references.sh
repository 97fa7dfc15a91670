#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Images lab speed, side by side in one run (issue #3): training images/s of the MLP 784-256-128-10 (W2: one
# epoch of 60 000 Fashion-MNIST images, batch 64, SGD) and of LeNet-5 (W3: 200 batches of 64, SGD), ours at
# 1 and 2 threads and both OpenBLAS kernels (below), against ../shared/bench/run-anchors.sh --only W2,W3,gemm,peak (libtorch, numpy, Eigen and
# OpenBLAS GEMM, FMA peak; nothing of it is copied here). Ours runs before and after the references; medians
# are compared. Also one conv layer's GFLOP/s (dlcli bench-conv) as a fraction of the measured peak.
#
# usage: bench/images_vs_references.sh [--reps N]     (needs: scripts/build.sh done)
# env:   ANCHORS (default ../shared/bench/run-anchors.sh), BENCH_OUT (default bench/out)
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=3
[ "${1:-}" = "--reps" ] && REPS="$2"
ANCHORS="${ANCHORS:-$(cd .. && pwd)/shared/bench/run-anchors.sh}"
OUT="${BENCH_OUT:-bench/out}"
mkdir -p "$OUT"
[ -x build/app/dlcli ] || scripts/build.sh
[ -x "$ANCHORS" ] || { echo "bench: reference script not found at $ANCHORS (set ANCHORS)" >&2; exit 1; }

# OpenBLAS's kernel as run-anchors.sh sets it for its rows: "auto" (detected; OPENBLAS_CORETYPE and
# OPENBLAS_L2_SIZE unset, as a learner's machine has them) and "haswell" (OPENBLAS_CORETYPE=Haswell, which
# these machines' environment sets: the AVX2 kernels, about half as fast). Ours runs both, each compared
# with the reference rows of the same kernel.
kernel_env() { # kernel -> env arguments
  case "$1" in
    auto) echo "-u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE" ;;
    haswell) echo "-u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=Haswell" ;;
  esac
}
ours() { # one line per run: workload threads images/s kernel
  for _ in $(seq "$REPS"); do
    for k in auto haswell; do
      for t in 1 2; do
        # shellcheck disable=SC2046
        env $(kernel_env $k) DL_THREADS=$t OMP_NUM_THREADS=$t build/app/dlcli train-images --model mlp --optimizer gd --lr 0.05 \
          --batch 64 --epochs 1 --dev-count 0 --json 2>/dev/null |
          python3 -c "import json,sys; print('W2', $t, json.load(sys.stdin)['images_per_second'], '$k')"
        # shellcheck disable=SC2046
        env $(kernel_env $k) DL_THREADS=$t OMP_NUM_THREADS=$t build/app/dlcli train-images --model lenet5 --optimizer gd --lr 0.05 \
          --batch 64 --epochs 1 --limit 12800 --dev-count 0 --json 2>/dev/null |
          python3 -c "import json,sys; print('W3', $t, json.load(sys.stdin)['images_per_second'], '$k')"
        # shellcheck disable=SC2046
        env $(kernel_env $k) DL_THREADS=$t OMP_NUM_THREADS=$t build/app/dlcli bench-conv --batch 64 --in 32 --out 64 --size 28 \
          --kernel 3 |
          python3 -c "import json,sys; d=json.load(sys.stdin); print('conv', $t, d['forward_gflops'], d['train_gflops'], '$k')"
      done
    done
  done
}
echo "bench: ours (before the references)"
ours > "$OUT/images-ours.txt"
echo "bench: references (run-anchors.sh --only W2,W3,gemm,peak; several minutes)"
ANCHORS_OUT="$OUT/anchors-images" ANCHORS_BUILD="${ANCHORS_BUILD:-$OUT/anchors-build}" \
  "$ANCHORS" --only W2,W3,gemm,peak > "$OUT/anchors-images.log" 2>&1 || true
echo "bench: ours (after the references)"
ours >> "$OUT/images-ours.txt"

python3 - "$OUT" <<'PY'
import csv, statistics, sys, os
out = sys.argv[1]
rows = [l.split() for l in open(os.path.join(out, "images-ours.txt")) if l.strip()]
def med(w, t, col=2, kernel="auto"):
    v = [float(r[col]) for r in rows if r[0] == w and r[1] == str(t) and r[-1] == kernel]
    return statistics.median(v) if v else float("nan")
refs = []
tsv = os.path.join(out, "anchors-images", "results.tsv")
if os.path.exists(tsv):
    with open(tsv) as f:
        table = list(csv.reader(f, delimiter="\t"))
    head = table[0]
    refs = [dict(zip(head, r)) for r in table[1:]]
def ref_rate(d):  # images/s rows as they are; the "GEMMs only" epoch (seconds) as an images/s ceiling
    m, unit = float(d["median"]), d.get("unit", "")
    if "GEMMs only" in d["workload"]:
        return 60000.0 / m
    if unit != "img/s":
        raise ValueError("not an images/s row")
    return m
lines = ["| workload | OpenBLAS kernel | implementation | threads | images/s | ours (best of 1, 2 threads) / it |",
         "|---|---|---|---|---|---|"]
summary = []
for w in ("W2", "W3"):
    for kernel in ("auto", "haswell"):
        o = {t: med(w, t, kernel=kernel) for t in (1, 2)}
        best = max(o.values())
        for t in (1, 2):
            lines.append(f"| {w} | {kernel} | DL Visual Lab dlcli | {t} | {o[t]:,.0f} | |")
        best_ref = None
        for d in refs:
            if not d.get("workload", "").startswith(w):
                continue
            name = d.get("implementation", "?")
            if (kernel == "haswell") != ("Haswell" in name) or "refBLAS" in name:
                continue
            try:
                r = ref_rate(d)
            except (ValueError, KeyError):
                continue
            gemms = "GEMMs only" in d["workload"]
            label = name + (" (its 8 GEMMs alone, no other work)" if gemms else "")
            lines.append(f"| {w} | {kernel} | {label} | {d.get('threads','?')} | {r:,.0f} | **{best / r:.2f}x** |")
            if name.startswith("libtorch") and (best_ref is None or r > best_ref[1]):
                best_ref = (f"{name} {d.get('threads','?')} threads", r)
        if best_ref:
            summary.append(f"{w}, {kernel} kernel: ours {best:,.0f} img/s, libtorch's best ({best_ref[0]}) "
                           f"{best_ref[1]:,.0f}: **{best / best_ref[1]:.2f}x**")
peak = [float(d["median"]) for d in refs if d.get("workload", "").lower().startswith("peak") or "peak" in d.get("workload", "").lower()]
c1f, c1t, c2f, c2t = med("conv", 1), med("conv", 1, 3), med("conv", 2), med("conv", 2, 3)
text = "\n".join(lines) + "\n\n" + "\n".join("* " + l for l in summary)
text += f"\n\nconv 3x3 32->64 on 64x28x28: forward {c1f:.0f} / {c2f:.0f} GFLOP/s, forward+backward {c1t:.0f} / {c2t:.0f} GFLOP/s (1 / 2 threads)"
if peak:
    text += f"; FMA peak rows: {', '.join(f'{p:.0f}' for p in peak)} GFLOP/s"
text += "\nreference rows as run-anchors.sh wrote them: " + os.path.join(out, "anchors-images", "results.tsv") + "\n"
open(os.path.join(out, "images.md"), "w").write(text)
print(text)
PY
