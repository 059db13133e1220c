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
  1. starts a fresh Kafka broker of its own (data in var/demo/kafka, port $BORDERFLOW_DEMO_PORT or 29092)
  2. generates a synthetic world into var/demo/world (default 5,000 travellers over 45 days, seed 7)
  3. starts the risk-flag job on an embedded Flink MiniCluster, reading and writing Kafka (log: var/demo/job.log)
  4. replays the world into Kafka (as fast as possible unless --speed X is given)
  5. shows the flags as the job commits them, until no more arrive
  6. scores them against the world's ground truth (R1-R10)
With --keep-running the job and the broker stay up afterwards.
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
export BORDERFLOW_KAFKA_PORT="${BORDERFLOW_DEMO_PORT:-29092}"
export BORDERFLOW_KAFKA_DATA="$DEMO/kafka"
BOOTSTRAP="127.0.0.1:$BORDERFLOW_KAFKA_PORT"
RULES=R1,R2,R3,R4,R5,R6,R7,R8,R9,R10
mkdir -p "$DEMO"
"$BF" build

echo "== 1/6 a fresh Kafka broker on $BOOTSTRAP"
"$BF" kafka down >/dev/null 2>&1 || true
rm -rf "$BORDERFLOW_KAFKA_DATA"
"$BF" kafka up

echo "== 2/6 generating a synthetic world (seed $SEED, $TRAVELLERS travellers, $DAYS days) into $WORLD"
rm -rf "$WORLD"
"$BF" generate --seed "$SEED" --travellers "$TRAVELLERS" --days "$DAYS" --start 2025-01-06 --out "$WORLD"

echo "== 3/6 starting the risk-flag job on an embedded Flink MiniCluster (log: var/demo/job.log)"
# --fresh: a new broker and a new world; checkpoints of an earlier demo must not be resumed.
"$BF" run risk --bootstrap "$BOOTSTRAP" --fresh > "$DEMO/job.log" 2>&1 &
JOB=$!
stop() {
  if [[ $KEEP == 0 ]]; then
    kill "$JOB" 2>/dev/null || true
    wait "$JOB" 2>/dev/null || true
    "$BF" kafka down >/dev/null 2>&1 || true
  fi
}
trap stop EXIT
for _ in $(seq 1 120); do
  grep -q "Ctrl-C stops the job" "$DEMO/job.log" 2>/dev/null && break
  kill -0 "$JOB" 2>/dev/null || { echo "demo: the job stopped, see $DEMO/job.log" >&2; exit 1; }
  sleep 1
done
sleep 5

echo "== 4/6 replaying the world into Kafka"
if [[ -n "$SPEED" ]]; then "$BF" replay --in "$WORLD" --bootstrap "$BOOTSTRAP" --speed "$SPEED" --metrics-port 0
else "$BF" replay --in "$WORLD" --bootstrap "$BOOTSTRAP" --max --metrics-port 0; fi

# Flags become visible at each checkpoint (exactly-once). Deadlines (R4, R10) need event time to pass: the sparse
# alert changelog stops holding the clock back once idle for config/rules.yaml time.source_idleness (1 minute).
echo "== 5/6 flags as the job commits them (until none arrive for 30 s, at least 90 s)"
previous="" stable=0 waited=0
while (( waited < 600 )); do
  sleep 10; waited=$((waited + 10))
  kill -0 "$JOB" 2>/dev/null || { echo "demo: the job stopped, see $DEMO/job.log" >&2; exit 1; }
  summary="$("$BF" flags --from risk.flags --bootstrap "$BOOTSTRAP" --last 0 2>/dev/null | head -1)"
  echo "   after ${waited}s: $summary"
  if [[ "$summary" == "$previous" ]]; then stable=$((stable + 1)); else stable=0; fi
  previous="$summary"
  (( stable >= 3 && waited >= 90 )) && break
done
"$BF" flags --from risk.flags --bootstrap "$BOOTSTRAP" --last 8

echo "== 6/6 the flags scored against the world's ground truth"
"$BF" evaluate --truth "$WORLD" --flags risk.flags --bootstrap "$BOOTSTRAP" --rules "$RULES"
if [[ $KEEP == 1 ]]; then
  echo "The job (pid $JOB) and the broker ($BOOTSTRAP) keep running. Stop: kill $JOB;" \
       "BORDERFLOW_KAFKA_PORT=$BORDERFLOW_KAFKA_PORT BORDERFLOW_KAFKA_DATA=$BORDERFLOW_KAFKA_DATA ops/borderflow kafka down"
fi
