#!/usr/bin/env bash
# Checks that Ctrl-C stops everything `ops/borderflow demo` started. Runs a small demo as a job of its own (a process
# group, as a terminal's foreground job is), waits until its dashboard answers and the replay runs, then sends SIGINT
# to the demo's whole process group (what Ctrl-C in a terminal does). Fails when a process of that group is left,
# when a process still names the demo's folder, or when the broker's, a job's or the dashboard's port still answers.
# Ports, five in a row from BORDERFLOW_DEMO_TEST_PORT (default: BORDERFLOW_KAFKA_PORT + 100 when that is set, as
# `ops/borderflow test` sets it, so the test stays in the caller's port range; else 39192): the broker, its
# controller, the risk job's Flink REST, the picture job's Flink REST and the dashboard; each of the last three can be
# set on its own (BORDERFLOW_DEMO_TEST_REST, BORDERFLOW_DEMO_TEST_PICTURE_REST, BORDERFLOW_DEMO_TEST_DASHBOARD).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/var/demo-test"
if [[ -n "${BORDERFLOW_KAFKA_PORT:-}" ]]; then DEFAULT_PORT=$((BORDERFLOW_KAFKA_PORT + 100)); else DEFAULT_PORT=39192; fi
BROKER_PORT="${BORDERFLOW_DEMO_TEST_PORT:-$DEFAULT_PORT}"
REST_PORT="${BORDERFLOW_DEMO_TEST_REST:-$((BROKER_PORT + 2))}"
PICTURE_REST_PORT="${BORDERFLOW_DEMO_TEST_PICTURE_REST:-$((BROKER_PORT + 3))}"
DASHBOARD_PORT="${BORDERFLOW_DEMO_TEST_DASHBOARD:-$((BROKER_PORT + 4))}"
START_TIMEOUT=300

say() { echo "demo-test: $*"; }
fail() { say "FAILED: $*"; tail -30 "$DIR/demo.out" 2>/dev/null | sed 's/^/  | /'; exit 1; }
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

for port in "$BROKER_PORT" "$((BROKER_PORT + 1))" "$REST_PORT" "$PICTURE_REST_PORT" "$DASHBOARD_PORT"; do
  answers "$port" && fail "port $port is taken before the test; set the BORDERFLOW_DEMO_TEST_* ports"
done
rm -rf "$DIR"
mkdir -p "$DIR"

# With job control on, the demo runs in a process group of its own and, unlike a plain background command, does not
# start with SIGINT ignored: like a job a person starts in a terminal. When this script itself inherited SIGINT ignored
# (CI started in the background), a shell could not undo that, so env gives the demo SIGINT's default action.
set -m
BORDERFLOW_DEMO_DIR="$DIR" BORDERFLOW_DEMO_PORT="$BROKER_PORT" BORDERFLOW_DEMO_RISK_REST="$REST_PORT" \
  BORDERFLOW_DEMO_PICTURE_REST="$PICTURE_REST_PORT" env --default-signal=INT "$ROOT/ops/borderflow" demo --travellers 300 --days 14 --rate 20 --port "$DASHBOARD_PORT" \
  < /dev/null > "$DIR/demo.out" 2>&1 &
GROUP=$!
set +m
# Whatever happens to this script, nothing of the demo's group outlives it.
trap 'kill -KILL -- "-$GROUP" 2>/dev/null || true' EXIT
in_group() { ps -e -o pid=,pgid=,args= | awk -v g="$GROUP" '$2 == g { $2 = ""; print }'; }
[[ "$(ps -o pgid= -p "$GROUP" | tr -d ' ')" == "$GROUP" ]] || fail "the demo does not lead a process group"

say "demo started (process group $GROUP); waiting for its dashboard and the replay"
waited=0
until grep -q "== 5/6" "$DIR/demo.out" 2>/dev/null && answers "$DASHBOARD_PORT"; do
  kill -0 "$GROUP" 2>/dev/null || fail "the demo stopped by itself"
  (( waited < START_TIMEOUT * 10 )) || fail "the demo did not reach its replay within $START_TIMEOUT s"
  sleep 0.1
  waited=$((waited + 1))
done
sleep 3
started="$(in_group)"
javas="$(grep -cE '^ *[0-9]+ +(\S*/)?java ' <<< "$started" || true)"
(( javas >= 5 )) || fail "expected the broker, both jobs, the dashboard and the replay running, found: $started"
grep -q "run picture" <<< "$started" || fail "the picture job is not running: $started"
say "running: $javas JVMs (broker, risk job, picture job, dashboard, replay) and their scripts; sending Ctrl-C"

kill -INT -- "-$GROUP"
waited=0
while kill -0 "$GROUP" 2>/dev/null; do
  (( waited < 1200 )) || fail "the demo did not stop within 120 s of Ctrl-C"
  sleep 0.1
  waited=$((waited + 1))
done
sleep 1

left="$(in_group)"
[[ -z "$left" ]] || fail "processes of the demo's group are left: $left"
named="$(pgrep -a -f -- "$DIR" || true)"
[[ -z "$named" ]] || fail "processes still name $DIR: $named"
for port in "$BROKER_PORT" "$REST_PORT" "$PICTURE_REST_PORT" "$DASHBOARD_PORT"; do
  answers "$port" && fail "port $port still answers"
done
grep -q "demo: stopped the dashboard, the jobs and the broker" "$DIR/demo.out" || fail "the demo did not say it stopped"
say "passed: Ctrl-C stopped all $javas JVMs and left no process behind"
