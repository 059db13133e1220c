#!/usr/bin/env bash
# ops/borderflow demo: the whole pipeline on one machine, watched on the dashboard.
#   a real Kafka broker -> a generated synthetic world -> the risk-flag job and the situational-picture job, each on an
#   embedded Flink MiniCluster -> the operators' dashboard -> the world replayed into Kafka at a pace that makes the
#   picture move -> flags (R1-R11) scored against the world's ground truth; the dashboard stays up until Ctrl-C, which
#   stops everything.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BF="$ROOT/ops/borderflow"

usage() {
  cat <<'USAGE'
Usage: ops/borderflow demo [--travellers N] [--days D] [--seed S] [--rate N | --max] [--port P] [--exit]

Runs the whole pipeline on this machine and shows it on the operators' dashboard:
  1. starts a fresh Kafka broker of its own (data in var/demo/kafka, port $BORDERFLOW_DEMO_PORT or 29092)
  2. generates a synthetic world into var/demo/world (default 5,000 travellers over 45 days, seed 7)
  3. starts the risk-flag job and the situational-picture job, each on an embedded Flink MiniCluster reading and
     writing Kafka (logs: var/demo/risk.log, var/demo/picture.log; their Flink REST APIs on ports
     $BORDERFLOW_DEMO_RISK_REST or 28081 and $BORDERFLOW_DEMO_PICTURE_REST or 28082). The picture job reports a
     section UNKNOWN after 24 hours without a record, as the small world's sparse traffic needs (config/picture.yaml,
     freshness, says why)
  4. starts the dashboard on http://127.0.0.1:8080 (--port P) with a demo sign-in made for this run and printed,
     its health page watching both jobs (log: var/demo/dashboard.log)
  5. replays the world into Kafka at N events a second (default 100: about 4 s of replay per day of the world; the
     map and the sections' figures follow at each checkpoint of the picture job, every 10 s; --max replays as fast
     as Kafka takes it)
  6. waits until the flags settle, then scores them against the world's ground truth: R1-R10 raised by the risk
     job, R11 by the picture job
Then the dashboard keeps running until Ctrl-C, which stops the dashboard, the jobs and the broker. With --exit the
demo stops by itself after step 6.
USAGE
}

TRAVELLERS=5000 DAYS=45 SEED=7 RATE=100 PORT=8080 EXIT_AFTER=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --travellers) TRAVELLERS="$2"; shift 2 ;;
    --days) DAYS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --max) RATE=""; shift ;;
    --port) PORT="$2"; shift 2 ;;
    --exit) EXIT_AFTER=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "demo: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

DEMO="${BORDERFLOW_DEMO_DIR:-$ROOT/var/demo}"
WORLD="$DEMO/world"
export BORDERFLOW_KAFKA_PORT="${BORDERFLOW_DEMO_PORT:-29092}"
export BORDERFLOW_KAFKA_DATA="$DEMO/kafka"
BOOTSTRAP="127.0.0.1:$BORDERFLOW_KAFKA_PORT"
RISK_REST="${BORDERFLOW_DEMO_RISK_REST:-28081}"
PICTURE_REST="${BORDERFLOW_DEMO_PICTURE_REST:-28082}"
RULES=R1,R2,R3,R4,R5,R6,R7,R8,R9,R10,R11
# A section is UNKNOWN after this long without a record: the demo world's sparse traffic needs a day (config/picture.yaml,
# freshness, says why).
UNKNOWN_AFTER=PT24H
mkdir -p "$DEMO"

# Everything the demo starts is recorded here and stopped on Ctrl-C, on an error, and at the end: the JVMs run in
# the background, where a script's children ignore SIGINT, so they are stopped by pid, then the broker.
PIDS=()
stop_all() {
  trap - INT TERM EXIT
  local pid waited
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    waited=0
    while kill -0 "$pid" 2>/dev/null && (( waited < 300 )); do sleep 0.1; waited=$((waited + 1)); done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  "$BF" kafka down >/dev/null 2>&1 || true
  echo "demo: stopped the dashboard, the jobs and the broker"
}
interrupted() { echo; echo "demo: Ctrl-C, stopping everything ..."; stop_all; exit 130; }
trap interrupted INT TERM
trap stop_all EXIT

# Waits until $2 appears in log $1 while process $3 lives; $4 names it.
await_log() {
  local log="$1" text="$2" pid="$3" what="$4" waited=0
  until grep -q "$text" "$log" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "demo: $what stopped, see $log" >&2; tail -5 "$log" >&2; exit 1; }
    (( waited < 1200 )) || { echo "demo: $what did not start within 120 s, see $log" >&2; exit 1; }
    sleep 0.1; waited=$((waited + 1))
  done
}

"$BF" build

echo "== 1/6 a fresh Kafka broker on $BOOTSTRAP"
"$BF" kafka down >/dev/null 2>&1 || true
rm -rf "$BORDERFLOW_KAFKA_DATA"
"$BF" kafka up

echo "== 2/6 generating a synthetic world (seed $SEED, $TRAVELLERS travellers, $DAYS days) into $WORLD"
rm -rf "$WORLD"
"$BF" generate --seed "$SEED" --travellers "$TRAVELLERS" --days "$DAYS" --start 2025-01-06 --out "$WORLD"

echo "== 3/6 starting the risk-flag job and the situational-picture job on embedded Flink MiniClusters"
echo "   (logs: $DEMO/risk.log, $DEMO/picture.log)"
# The demo's own configuration: config/ with the picture's freshness for a sparse world, and (step 4) a sign-in.
rm -rf "$DEMO/config"
mkdir -p "$DEMO/config"
sed "s|^\(  unknown_after:\).*|\1 $UNKNOWN_AFTER|" "$ROOT/config/picture.yaml" > "$DEMO/config/picture.yaml"
grep -q "^  unknown_after: $UNKNOWN_AFTER\$" "$DEMO/config/picture.yaml" \
  || { echo "demo: config/picture.yaml has no freshness.unknown_after to set" >&2; exit 1; }
# --fresh: a new broker and a new world; checkpoints of an earlier demo must not be resumed. The two JVMs start
# side by side.
"$BF" run risk --bootstrap "$BOOTSTRAP" --fresh --metrics-port 0 --rest-port "$RISK_REST" > "$DEMO/risk.log" 2>&1 &
PIDS+=($!)
RISK=$!
"$BF" run picture --config "$DEMO/config" --bootstrap "$BOOTSTRAP" --fresh --metrics-port 0 \
  --rest-port "$PICTURE_REST" > "$DEMO/picture.log" 2>&1 &
PIDS+=($!)
PICTURE=$!
await_log "$DEMO/risk.log" "Ctrl-C stops the job" "$RISK" "the risk-flag job"
await_log "$DEMO/picture.log" "Ctrl-C stops the job" "$PICTURE" "the situational-picture job"

echo "== 4/6 starting the dashboard (log: $DEMO/dashboard.log)"
# A sign-in for this demo only: a fresh random password, hashed into a dashboard.yaml of the demo's own.
PASSWORD="$(head -c 15 /dev/urandom | base64 | tr -d '/+=' | head -c 16)"
HASH="$(printf '%s\n' "$PASSWORD" | "$BF" dashboard --hash-password)"
sed "s|^users: \[\]|users:\n  - {name: demo, role: supervisor, password: \"$HASH\"}|" "$ROOT/config/dashboard.yaml" \
  > "$DEMO/config/dashboard.yaml"
"$BF" dashboard --config "$DEMO/config" --bootstrap "$BOOTSTRAP" --port "$PORT" \
  --flink "http://127.0.0.1:$RISK_REST" --flink "http://127.0.0.1:$PICTURE_REST" > "$DEMO/dashboard.log" 2>&1 &
PIDS+=($!)
DASHBOARD=$!
await_log "$DEMO/dashboard.log" "Ctrl-C stops it" "$DASHBOARD" "the dashboard"
cat <<SIGNIN

   The dashboard: http://127.0.0.1:$PORT
   Sign in as demo, password $PASSWORD (a supervisor; made for this demo run only)

SIGNIN

echo "== 5/6 replaying the world into Kafka (${RATE:-as fast as possible}${RATE:+ events a second})"
if [[ -n "$RATE" ]]; then
  "$BF" replay --in "$WORLD" --bootstrap "$BOOTSTRAP" --rate "$RATE" --metrics-port 0 &
else
  "$BF" replay --in "$WORLD" --bootstrap "$BOOTSTRAP" --max --metrics-port 0 &
fi
REPLAY=$!
PIDS+=("$REPLAY")
wait "$REPLAY" || { echo "demo: the replay failed" >&2; exit 1; }

# Flags become visible at each checkpoint (exactly-once). Deadlines (R4, R10) and the picture's last hours need event
# time to pass: a sparse input stops holding the clock back once idle for time.source_idleness (1 minute).
echo "== 6/6 flags as the jobs commit them (until none arrive for 30 s, at least 90 s), then their score"
previous="" stable=0 waited=0
while (( waited < 600 )); do
  sleep 10; waited=$((waited + 10))
  kill -0 "$RISK" 2>/dev/null || { echo "demo: the risk-flag job stopped, see $DEMO/risk.log" >&2; exit 1; }
  kill -0 "$PICTURE" 2>/dev/null || { echo "demo: the picture job stopped, see $DEMO/picture.log" >&2; exit 1; }
  summary="$("$BF" flags --from risk.flags --bootstrap "$BOOTSTRAP" --last 0 2>/dev/null | head -1)"
  echo "   after ${waited}s: $summary"
  if [[ "$summary" == "$previous" ]]; then stable=$((stable + 1)); else stable=0; fi
  previous="$summary"
  (( stable >= 3 && waited >= 90 )) && break
done
"$BF" flags --from risk.flags --bootstrap "$BOOTSTRAP" --last 8
"$BF" evaluate --truth "$WORLD" --flags risk.flags --bootstrap "$BOOTSTRAP" --rules "$RULES" || true

if [[ $EXIT_AFTER == 1 ]]; then
  exit 0
fi
echo
echo "The dashboard keeps running: http://127.0.0.1:$PORT (sign in as demo, password $PASSWORD)."
echo "Ctrl-C stops the dashboard, the jobs and the broker."
while true; do
  for pid in "$RISK" "$PICTURE" "$DASHBOARD"; do
    kill -0 "$pid" 2>/dev/null || { echo "demo: a process stopped (see $DEMO/*.log)" >&2; exit 1; }
  done
  sleep 2
done
