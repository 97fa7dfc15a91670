#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Speed on a busy machine (issue 11), side by side in one run: the detection forward pass (Yolo-Fastest-
# 1.1-xl, 320², dog.jpg), an Images-lab epoch (W2's MLP on Fashion-MNIST, mini-batch GD, batch 64) and a
# style-transfer step (W6: Tiny Darknet 0–18 at 320×240, forward + backward to the pixels), each measured
#   quiet, and under a background load of two busy processes (one per core, as a compiler would be),
# ours (dlcli with no environment variable: it picks its thread count itself, core/util/threads.h) and the
# reference under the same load (OpenCV DNN for detection, libtorch for the other two; both their 1- and
# 2-thread settings, the faster one counts), in alternating rounds. Then the GUI: each lab training at full
# speed in dllab (offscreen) while a 10 ms timer measures how late the GUI thread handles its events
# (median, 99th percentile), with the lab's speed against dlcli on the same work.
# usage: bench/busy_machine.sh [--rounds N] [--no-gui]   (needs scripts/build.sh and models/)
# env:   ANCHORS (default ../shared/bench/run-anchors.sh), BENCH_OUT (default bench/out)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=2 GUI=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift ;;
    --no-gui) GUI=0 ;;
    *) echo "usage: bench/busy_machine.sh [--rounds N] [--no-gui]" >&2; exit 2 ;;
  esac
  shift
done
ANCHORS="${ANCHORS:-$(cd .. && pwd)/shared/bench/run-anchors.sh}"
OUT="${BENCH_OUT:-bench/out}/busy"
ABUILD="${ANCHORS_BUILD:-$(pwd)/bench/out/anchors-build}"
MODELS="$(pwd)/models"
DOG=/usr/share/darknet/data/dog.jpg
FMNIST=/usr/share/datasets/fashion-mnist
mkdir -p "$OUT"
[ -x build/app/dlcli ] || scripts/build.sh
[ -f "$MODELS/yolo-fastest-1.1/yolo-fastest-1.1-xl.weights" ] || { echo "bench: models/ missing (scripts/setup.sh)" >&2; exit 1; }
if [ ! -x "$ABUILD/torch_bench" ] || [ ! -x "$ABUILD/ocv_yolo" ]; then
  echo "bench: building the references (run-anchors.sh --quick --only W6,W7)"
  ANCHORS_OUT="$OUT/anchors" ANCHORS_BUILD="$ABUILD" ANCHORS_MODELS="$MODELS" "$ANCHORS" --quick --only W6,W7 \
    > "$OUT/anchors.log" 2>&1 || true
fi
for b in torch_bench ocv_yolo; do
  [ -x "$ABUILD/$b" ] || { echo "bench: $ABUILD/$b was not built (see $OUT/anchors.log; run-anchors.sh --install)" >&2; exit 1; }
done

. bench/load.sh # load_start, load_stop
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
result() { grep '^RESULT' | head -1 | cut -d'|' -f5; } # the median of a reference's RESULT line

# One line per figure: phase item impl threads value unit
measure() {
  local phase="$1" t v
  v=$(build/app/dlcli detect "$DOG" --model coco --repeat 20 --json | json "['forward_median_seconds']*1e3")
  echo "$phase detect ours auto $v ms"
  for t in 1 2; do
    v=$("$ABUILD/ocv_yolo" wl=W7 cfg="$MODELS/yolo-fastest-1.1/yolo-fastest-1.1-xl.cfg" \
        weights="$MODELS/yolo-fastest-1.1/yolo-fastest-1.1-xl.weights" image="$DOG" size=320 threads=$t reps=20 \
        layouts=1 2>/dev/null | result)
    echo "$phase detect opencv $t $v ms"
  done
  v=$(build/app/dlcli train-images --model mlp --optimizer gd --lr 0.05 --batch 64 --epochs 1 --dev-count 0 \
      --limit 19200 --json 2>/dev/null | json "['images_per_second']")
  echo "$phase epoch ours auto $v img/s"
  for t in 1 2; do
    v=$("$ABUILD/torch_bench" mlp threads=$t reps=3 batches=300 data="$FMNIST" 2>/dev/null | result)
    echo "$phase epoch libtorch $t $v img/s"
  done
  v=$(build/app/dlcli bench-style --repeat 11 | json "['forward_backward_ms']")
  echo "$phase style ours auto $v ms"
  for t in 1 2; do
    v=$("$ABUILD/torch_bench" style cfg="$MODELS/tiny-darknet/tiny.cfg" weights="$MODELS/tiny-darknet/tiny.weights" \
        reps=11 threads=$t 2>/dev/null | grep '^RESULT' | grep bwd | head -1 | cut -d'|' -f5)
    echo "$phase style libtorch $t $v ms"
  done
}

: > "$OUT/figures.txt"
for r in $(seq "$ROUNDS"); do
  echo "bench: round $r/$ROUNDS quiet"
  measure quiet >> "$OUT/figures.txt"
  echo "bench: round $r/$ROUNDS loaded (2 busy processes)"
  load_start
  measure loaded >> "$OUT/figures.txt"
  load_stop
done

# Which setting causes the slowdown: the detection forward under load with the old fixed 2-thread team
# (DL_THREADS=2), the same with libgomp's waiting threads sleeping instead of spinning, one thread, and
# the adaptive default.
echo "bench: thread settings under load (detection forward)"
load_start
: > "$OUT/policies.txt"
for r in $(seq "$ROUNDS"); do
  for policy in "DL_THREADS=2" "DL_THREADS=2 OMP_WAIT_POLICY=passive" "DL_THREADS=1" "adaptive"; do
    envs=(); [ "$policy" != adaptive ] && read -r -a envs <<< "$policy"
    v=$(env "${envs[@]}" build/app/dlcli detect "$DOG" --model coco --repeat 20 --json | json "['forward_median_seconds']*1e3")
    echo "$policy|$v" >> "$OUT/policies.txt"
  done
done
load_stop

if [ "$GUI" = 1 ]; then
  : > "$OUT/gui.txt"
  for lab in playground images style; do
    for phase in quiet loaded; do
      echo "bench: GUI, $lab training at full speed, $phase"
      [ "$phase" = loaded ] && load_start
      QT_QPA_PLATFORM=offscreen build/app/dllab --bench-gui "$lab" --bench-seconds 10 2>/dev/null | tail -1 |
        sed "s/^/$phase /" >> "$OUT/gui.txt"
      [ "$phase" = loaded ] && load_stop
    done
  done
fi

python3 - "$OUT" <<'PY'
import json, os, statistics, sys
out = sys.argv[1]
rows = [l.split() for l in open(os.path.join(out, "figures.txt")) if len(l.split()) == 6]
def med(phase, item, impl, t):
    v = [float(r[4]) for r in rows if r[:4] == [phase, item, impl, t] and r[4] not in ("", "nan")]
    return statistics.median(v) if v else float("nan")
names = {"detect": ("detection forward, Yolo-Fastest-1.1-xl 320² (ms)", "OpenCV DNN", False),
         "epoch": ("Images epoch, W2 MLP batch 64 (img/s)", "libtorch", True),
         "style": ("style step, W6 forward + backward (ms)", "libtorch", False)}
lines = ["| work | load | ours | reference (best of 1/2 threads) | ours vs reference | ours loaded vs ours quiet |",
         "|---|---|---|---|---|---|"]
for item, (title, ref, higher) in names.items():
    impl = "opencv" if item == "detect" else "libtorch"
    quiet = med("quiet", item, "ours", "auto")
    for phase in ("quiet", "loaded"):
        o = med(phase, item, "ours", "auto")
        refs = [med(phase, item, impl, t) for t in ("1", "2")]
        best = max(refs) if higher else min(refs)
        speed = (o / best) if higher else (best / o)  # > 1: ours faster
        slow = (quiet / o) if higher else (o / quiet)  # how many times slower than ours quiet
        lines.append(f"| {title} | {phase} | {o:,.1f} | {ref} {best:,.1f} | {speed:.2f}× {'faster' if speed >= 1 else 'slower'} | {slow:.2f}× |")
gui = os.path.join(out, "gui.txt")
if os.path.exists(gui):
    lines += ["", "| lab training at full speed | load | GUI event latency median / p99 (ms) | lab speed | dlcli speed | lab vs dlcli |",
              "|---|---|---|---|---|---|"]
    for l in open(gui):
        phase, _, j = l.partition(" ")
        try:
            d = json.loads(j)
        except json.JSONDecodeError:
            continue
        lines.append(f"| {d['lab']} | {phase} | {d['latency_median_ms']:.1f} / {d['latency_p99_ms']:.1f} | "
                     f"{d['lab_rate']:,.1f} {d['unit']} | {d['cli_rate']:,.1f} {d['unit']} | {d['lab_rate'] / d['cli_rate']:.2f} |")
pol = {}
for l in open(os.path.join(out, "policies.txt")):
    k, _, v = l.strip().partition("|")
    if v: pol.setdefault(k, []).append(float(v))
if pol:
    lines += ["", "| thread setting, two busy processes | detection forward, median ms |", "|---|---|"]
    for k, v in pol.items():
        lines.append(f"| {k} | {statistics.median(v):.1f} |")
text = "\n".join(lines)
open(os.path.join(out, "busy.md"), "w").write(text + "\n")
print(text)
PY
