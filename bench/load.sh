# SPDX-License-Identifier: MIT
# The one background load of our benchmarks, sourced by bench/*.sh: two busy processes, one per core of this
# 2-core machine (as a compiler would be). load_start starts them and waits 2 s; load_stop ends them (also on
# exit, through the trap).
LOAD=()
load_start() { for _ in 1 2; do (while :; do :; done) & LOAD+=($!); done; sleep 2; }
load_stop() { kill "${LOAD[@]}" 2>/dev/null || true; wait "${LOAD[@]}" 2>/dev/null || true; LOAD=(); }
trap load_stop EXIT
