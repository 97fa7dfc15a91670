#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Faces lab speed, side by side in one run (issue 14): detection + 68 landmarks + 128-D descriptor per face,
# ours (`dlcli faces --repeat`) against face-api 1.7.15 itself in Node on @tensorflow/tfjs-backend-wasm 4.22.0
# (bench/faces_faceapi.cjs; the fastest tfjs backend that installs offline, one thread in Node), on
# face-api's six demo photos, both fed the same decoded pixels (ours decodes the JPEGs; build/tests/dump_rgb
# writes those pixels for Node), both timing the pipeline only (one warm-up pass, then --reps passes per
# photo, the median). Time per face = the sum over the photos of the median pass / the faces found. Ours at
# one thread (DL_THREADS=1: face-api's setting) and at its default (up to 2; one while the cores are busy).
# Both detectors (tiny, SSD MobileNet v1). Three rounds, each ours (1 thread), ours (default), face-api, in
# turns, per detector; the medians of the rounds.
# --load: the whole run under two busy processes, one per core (bench/load.sh).
# The Node packages are a benchmark-only reference: the first run installs them with npm (pinned versions)
# into $BENCH_OUT/faces/node; the app and the tests never need them.
# usage: bench/faces_vs_faceapi.sh [--reps N] [--load]   (needs scripts/build.sh and scripts/setup.sh's models)
# env:   BENCH_OUT (default bench/out)
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=5 LOADED=0
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) REPS="$2"; shift ;;
    --load) LOADED=1 ;;
    *) echo "usage: bench/faces_vs_faceapi.sh [--reps N] [--load]" >&2; exit 2 ;;
  esac
  shift
done
OUT="${BENCH_OUT:-bench/out}/faces"
NODE_DIR="$(pwd)/$OUT/node"
FACES="$(pwd)/models/face-api"
mkdir -p "$OUT/rgb" "$NODE_DIR"
[ -f "$FACES/face_recognition_model.bin" ] || { echo "bench: $FACES missing (scripts/setup.sh)" >&2; exit 1; }
[ -x build/app/dlcli ] && [ -x build/tests/dump_rgb ] || scripts/build.sh
command -v node >/dev/null || apt-get install -y nodejs npm
if [ ! -f "$NODE_DIR/node_modules/@tensorflow/tfjs-backend-wasm/package.json" ]; then
  echo "bench: installing face-api 1.7.15 and tfjs 4.22.0 (wasm backend) into $NODE_DIR"
  (cd "$NODE_DIR" && npm install --no-audit --no-fund --silent @tensorflow/tfjs@4.22.0 \
     @tensorflow/tfjs-backend-wasm@4.22.0 @vladmandic/face-api@1.7.15)
fi
PHOTOS=()
for i in 1 2 3 4 5 6; do
  PHOTOS+=("$FACES/sample$i.jpg")
  build/tests/dump_rgb "$FACES/sample$i.jpg" "$OUT/rgb/sample$i.rgb"
done
source bench/load.sh
[ "$LOADED" = 1 ] && { echo "bench: under load (two busy processes)"; load_start; }
: > "$OUT/rounds.jsonl"
for round in 1 2 3; do
  for det in tiny ssd; do
    echo "bench: round $round, $det: ours (1 thread), ours (default), face-api (wasm)"
    for t in 1 default; do
      if [ "$t" = 1 ]; then env=(DL_THREADS=1); else env=(); fi
      env "${env[@]}" build/app/dlcli faces --model "$det" --repeat "$REPS" --json "${PHOTOS[@]}" |
        python3 -c "import json,sys; print(json.dumps({'side': 'ours', 'detector': '$det', 'threads': '$t', 'round': $round, 'photos': [json.loads(l) for l in sys.stdin]}))" \
        >> "$OUT/rounds.jsonl"
    done
    NODE_PATH="$NODE_DIR/node_modules" node bench/faces_faceapi.cjs "$NODE_DIR/node_modules/@vladmandic/face-api" \
      "$OUT/rgb" "$REPS" "$det" 2>/dev/null |
      python3 -c "import json,sys; d=json.load(sys.stdin); d.update(side='face-api', detector='$det', round=$round); print(json.dumps(d))" \
      >> "$OUT/rounds.jsonl"
  done
done
load_stop

python3 - "$OUT/rounds.jsonl" "$LOADED" "$REPS" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
loaded, reps = sys.argv[2] == "1", sys.argv[3]
def per_face(r):
    faces = sum(p["faces"] for p in r["photos"])
    return 1e3 * sum(p["median_seconds"] for p in r["photos"]) / faces, faces
def side(name, det, threads=None):
    rs = [r for r in rows if r["side"] == name and r["detector"] == det and (threads is None or r.get("threads") == threads)]
    return statistics.median(per_face(r)[0] for r in rs), [per_face(r) for r in rs]
fa_row = next(r for r in rows if r["side"] == "face-api")
print(f"face-api: backend {fa_row['backend']}, SIMD {fa_row['simd']}, threads {fa_row['threads']}; "
      f"{'under load' if loaded else 'quiet'}, {reps} passes a photo, medians of 3 rounds")
print("| detector | side | threads | faces | ms per face | rounds | ours / face-api (time) |")
print("|---|---|---|---|---|---|---|")
for det in ("tiny", "ssd"):
    fa, fa_all = side("face-api", det)
    print(f"| {det} | face-api 1.7.15, tfjs-backend-wasm | 1 | {fa_all[0][1]} | {fa:.1f} | {', '.join(f'{x[0]:.1f}' for x in fa_all)} | |")
    for t, label in (("1", "1"), ("default", "default (up to 2)")):
        o, o_all = side("ours", det, t)
        print(f"| {det} | ours | {label} | {o_all[0][1]} | {o:.1f} | {', '.join(f'{x[0]:.1f}' for x in o_all)} | **{o / fa:.2f}** |")
PY
