#!/usr/bin/env bash
# A/B of `bench job` between two built checkouts of borderflow (e.g. a commit before an optimisation and one after),
# alternating A, B, A, B ... so that a shared machine's changing load falls on both alike. Each run measures the risk
# job against its own passthrough baseline; the figures to compare are the per-CPU-second rates and the ratio.
#   ops/bench/ab.sh DIR_A DIR_B ROUNDS [bench job options...]
# Worlds are shared through DIR_A's var/bench/worlds. Prints one line per run; the JSON reports stay in each DIR.
set -euo pipefail
A="$(cd "$1" && pwd)" B="$(cd "$2" && pwd)" ROUNDS="$3"
shift 3
mkdir -p "$A/var/bench/worlds" "$B/var/bench"
[[ -e "$B/var/bench/worlds" ]] || ln -s "$A/var/bench/worlds" "$B/var/bench/worlds"
for round in $(seq 1 "$ROUNDS"); do
  for side in A B; do
    dir="$A"; [[ $side == B ]] && dir="$B"
    log="$(mktemp)"
    "$dir/ops/borderflow" bench job --no-latency "$@" > "$log" 2>&1 || { tail -20 "$log"; exit 1; }
    json="$(sed -n 's/^report: //p' "$log")"
    python3 - "$side" "$round" "$json" <<'PY'
import json, sys
side, rnd, path = sys.argv[1:]
r = json.load(open(path)); s = r["summary"]
print(f"{side} round {rnd}: risk {s['riskCrossingsPerCpuSecond']:,.0f}/CPU-s ({s['riskCrossingsPerSecond']:,.0f}/s), "
      f"passthrough {s['passthroughCrossingsPerCpuSecond']:,.0f}/CPU-s, ratio {s['ratioRiskToPassthroughPerCpuSecond']:.2f}, "
      f"{s['riskAllocatedBytesPerCrossing']:,.0f} B allocated per crossing, GC {s['riskGcShareOfWall']:.0%} of wall, "
      f"checkpoint state {s['riskCheckpointStateBytesPerActiveTraveller']:,.0f} B/traveller; load {r['setup']['loadAverageAtEnd'].split()[:3]}")
PY
    rm -f "$log"
  done
done
