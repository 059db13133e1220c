#!/usr/bin/env bash
# ops/borderflow demo: the whole pipeline on one machine.
#   a real Kafka broker -> a generated synthetic world -> the risk-flag job on an embedded Flink MiniCluster
#   -> the world replayed into Kafka -> flags raised, then scored against the world's ground truth.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BF="$ROOT/ops/borderflow"

usage() {
  cat <<'USAGE'
Usage: ops/borderflow demo [--travellers N] [--days D] [--seed S] [--speed X] [--keep-running]

Runs the whole pipeline on this machine and shows flags being raised from replayed traffic:
  1. starts a local Kafka broker (ops/borderflow kafka up)
  2. generates a synthetic world into var/demo/world (default 5,000 travellers over 45 days, seed 7)
  3. starts the risk-flag job on an embedded Flink MiniCluster, reading and writing Kafka
  4. replays the world into Kafka (as fast as possible unless --speed X is given)
  5. prints flags as they arrive, then precision and recall against the ground truth
With --keep-running the job and the broker stay up afterwards (stop with: ops/borderflow kafka down, and Ctrl-C).
USAGE
}

TRAVELLERS=5000 DAYS=45 SEED=7 SPEED="" KEEP=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --travellers) TRAVELLERS="$2"; shift 2 ;;
    --days) DAYS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --speed) SPEED="$2"; shift 2 ;;
    --keep-running) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "demo: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

DEMO="$ROOT/var/demo"
WORLD="$DEMO/world"
mkdir -p "$DEMO"
"$BF" build

echo "== 1/5 Kafka"
"$BF" kafka up
BOOTSTRAP="127.0.0.1:${BORDERFLOW_KAFKA_PORT:-9092}"

echo "== 2/5 generating a synthetic world (seed $SEED, $TRAVELLERS travellers, $DAYS days) into $WORLD"
rm -rf "$WORLD"
"$BF" generate --seed "$SEED" --travellers "$TRAVELLERS" --days "$DAYS" --start 2025-01-06 --out "$WORLD"

echo "== 3/5 starting the risk-flag job on an embedded Flink MiniCluster (log: var/demo/job.log)"
"$BF" run risk --bootstrap "$BOOTSTRAP" --from-latest > "$DEMO/job.log" 2>&1 &
JOB=$!
cleanup() { if [[ $KEEP == 0 ]]; then kill "$JOB" 2>/dev/null || true; wait "$JOB" 2>/dev/null || true; fi; }
trap cleanup EXIT
sleep 15

echo "== 4/5 replaying the world into Kafka"
if [[ -n "$SPEED" ]]; then "$BF" replay --in "$WORLD" --bootstrap "$BOOTSTRAP" --speed "$SPEED"
else "$BF" replay --in "$WORLD" --bootstrap "$BOOTSTRAP" --max; fi

echo "== 5/5 flags raised (waiting for the job to catch up)"
sleep 20
"$BF" evaluate --truth "$WORLD" --flags risk.flags --bootstrap "$BOOTSTRAP" --show 12
if [[ $KEEP == 1 ]]; then
  echo "The job (pid $JOB) and the broker keep running. Stop: kill $JOB; ops/borderflow kafka down"
fi
