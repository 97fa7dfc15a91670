#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sequence lab speed, side by side in one run (issue 13), ours against ../shared/bench/run-anchors.sh --only W8
# (the course's numpy RNN and libtorch; definitions in ../shared/bench/ANCHORS.md):
#  W8a  the course's char-RNN 27-50-27, one name per SGD step, clip ±5, on W8a's 1536 random names (the same
#       LCG list, written here to a file): names/s of `dlcli charlm --mode lines`;
#  W8b  char-LSTM 65-128, 32 sequences × 64 steps, Adam 0.002, clip-norm 5, on uniform random characters of a
#       65-symbol alphabet: chars/s of `dlcli charlm --mode text --cell lstm`;
#  W8c  the same with a GRU (libtorch's nn::GRU applies Γr after the product, the course before it: equal cost).
# Ours at 1 and 2 threads, before and after the references; medians. Like the references (one warm-up
# repetition, then timed ones), ours trains --warmup steps before the clock starts: one pass of the list for
# W8a (numpy: one repetition), five batches for W8b/c (libtorch: five). W8a's clock then runs over 100 passes
# of the list (1.5 s quiet, 2–3 s under --load), as long as numpy's timed part (7 repetitions of 0.3–0.45 s):
# a shorter clock (ten passes, 0.15–0.4 s) under --load caught either a whole core or half of one, as the
# scheduler had or had not yet spread three busy processes over two cores (one run of 6: 54 000–77 000
# names/s at ten passes, 64 000–76 000 at 100), while numpy's 3 s always see the spread.
# Differences in the work, both tiny: a
# name starts from a = 0 (W8a carries a_prev), and a window's state is carried to the next (W8b/c start at 0).
# --load: the whole run (ours and the references alike) under a background load of two busy processes, one
# per core (bench/load.sh, as bench/busy_machine.sh loads the machine); the table says which. --install passes run-anchors.sh's
# --install (apt-get: libtorch-dev, python3-numpy, libopenblas0-pthread; a fresh machine has none of them).
# usage: bench/sequence_vs_references.sh [--reps N] [--load] [--install]
#        (needs scripts/build.sh; python3 + libtorch for the references)
# env:   ANCHORS (default ../shared/bench/run-anchors.sh), BENCH_OUT (default bench/out)
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=5 LOADED=0 INSTALL=()
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) REPS="$2"; shift ;;
    --load) LOADED=1 ;;
    --install) INSTALL=(--install) ;;
    *) echo "usage: bench/sequence_vs_references.sh [--reps N] [--load] [--install]" >&2; exit 2 ;;
  esac
  shift
done
ANCHORS="${ANCHORS:-$(cd .. && pwd)/shared/bench/run-anchors.sh}"
OUT="${BENCH_OUT:-bench/out}/sequence"
mkdir -p "$OUT"
[ -x build/app/dlcli ] || scripts/build.sh
[ -x "$ANCHORS" ] || { echo "bench: reference script not found at $ANCHORS (set ANCHORS)" >&2; exit 1; }

python3 - "$OUT" <<'PY'
import random, sys
out = sys.argv[1]
# W8a's list: s <- s*6364136223846793005 + 1442695040888963407 (mod 2^64), v = s >> 33; length 4 + v mod 11
s = 1
def nxt():
    global s
    s = (s * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return s >> 33
names = []
for _ in range(1536):
    n = 4 + nxt() % 11
    names.append("".join(chr(97 + nxt() % 26) for _ in range(n)))
assert names[:2] == ["dmskd", "kvmvseoc"] and names[-1] == "aczdf", names[:2]
open(f"{out}/w8a-names.txt", "w").write("\n".join(names) + "\n")
# W8b/c: uniform random characters of 65 symbols, 32 x (20*64 + 1) of them (plus the 5 % the CLI keeps as dev)
random.seed(0)
alphabet = [chr(c) for c in range(33, 33 + 65)]
open(f"{out}/w8b-text.txt", "w").write("".join(random.choice(alphabet) for _ in range(int(32 * 1281 / 0.95) + 64)))
PY

threads_env() { # 1: one thread, fixed; 2: ours as it runs by default here, up to 2 threads and 1 while other
  # programs keep the cores busy (core/util/threads.h). DL_THREADS=2 would fix 2 and, under --load, collapse as
  # libtorch's 2-thread row does (one run: 1 300-1 600 LSTM chars/s against 100 000 at one thread).
  if [ "$1" = 1 ]; then echo "DL_THREADS=1 OMP_NUM_THREADS=1"; else echo "OMP_NUM_THREADS=2"; fi
}
ours() { # one line per run: workload threads rate
  for _ in $(seq "$REPS"); do
    for t in 1 2; do
      r=$(env $(threads_env $t) build/app/dlcli charlm --corpus "$OUT/w8a-names.txt" --mode lines \
            --cell rnn --hidden 50 --warmup 1536 --iterations 153600 --samples 0 --json --quiet |
          python3 -c 'import json,sys; print(json.load(sys.stdin)["names_per_second"])')
      echo "W8a $t $r"
      for cell in lstm gru; do
        r=$(env $(threads_env $t) build/app/dlcli charlm --corpus "$OUT/w8b-text.txt" --mode text \
              --cell $cell --hidden 128 --seq 64 --batch 32 --optimizer adam --lr 0.002 --clip-norm 5 \
              --warmup 5 --iterations 60 --samples 0 --json --quiet |
            python3 -c 'import json,sys; print(json.load(sys.stdin)["chars_per_second"])')
        echo "W8$([ $cell = lstm ] && echo b || echo c) $t $r"
      done
    done
  done
}
. bench/load.sh # load_start, load_stop
if [ "$LOADED" = 1 ]; then
  load_start
  echo "bench: under a background load of two busy processes"
fi
echo "bench: ours (before the references)"
ours > "$OUT/ours.txt"
echo "bench: references (run-anchors.sh --only W8)"
ANCHORS_OUT="$OUT/anchors" ANCHORS_BUILD="${ANCHORS_BUILD:-$OUT/anchors-build}" "$ANCHORS" "${INSTALL[@]}" --only W8 > "$OUT/anchors.log" 2>&1 || true
echo "bench: ours (after the references)"
ours >> "$OUT/ours.txt"

load_stop

python3 - "$OUT" "$LOADED" <<'PY'
import csv, os, statistics, sys
out, loaded = sys.argv[1], sys.argv[2] == "1"
ours = {}
for line in open(os.path.join(out, "ours.txt")):
    w, t, r = line.split()
    ours.setdefault((w, t), []).append(float(r))
refs = {}
tsv = os.path.join(out, "anchors", "results.tsv")
if os.path.exists(tsv):
    rows = list(csv.reader(open(tsv), delimiter="\t"))
    for r in rows[1:]:
        d = dict(zip(rows[0], r))
        w = d.get("workload", "")
        if w.startswith("W8"):
            refs.setdefault(w[:3], []).append((d.get("implementation", "?"), d.get("threads", "?"), float(d["median"])))
unit = {"W8a": "names/s", "W8b": "chars/s", "W8c": "chars/s"}
lines = ["| workload | threads | ours (median) | reference | its median | ours / reference |", "|---|---|---|---|---|---|"]
for w in ("W8a", "W8b", "W8c"):
    for t in ("1", "2"):
        o = statistics.median(ours.get((w, t), [0]))
        for impl, rt, m in refs.get(w, []):
            if rt == t:
                lines.append(f"| {w} ({unit[w]}) | {t} | {o:,.0f} | {impl} | {m:,.0f} | **{o / m:.1f}×** |")
        if not refs.get(w):
            lines.append(f"| {w} ({unit[w]}) | {t} | {o:,.0f} | (no reference row; see anchors.log) | | |")
text = ("under a background load of two busy processes (one per core)\n\n" if loaded else "quiet machine\n\n") + \
    "\n".join(lines) + f"\n\nours: median of {len(ours.get(('W8a', '1'), []))} runs per row (before and after the references)\n"
open(os.path.join(out, "sequence.md"), "w").write(text)
print(text)
PY
