#!/usr/bin/env bash
# ops/borderflow prometheus up|down|status: Debian's prometheus on 127.0.0.1 with ops/prometheus/prometheus.yml and
# the alert rules in ops/prometheus/rules, scraping the local Flink cluster (ops/borderflow cluster), replay and the
# dashboard.
#   up      copy the configuration to $BORDERFLOW_PROMETHEUS_HOME, write the scrape targets from the ports below,
#           start prometheus (or reload its targets if it runs) and wait until it is ready
#   down    stop it
#   status  running/stopped, pid, URL, and the health of each scrape target; exit 0 when running, 3 when stopped
# Environment: BORDERFLOW_PROMETHEUS_PORT (default 9090), BORDERFLOW_PROMETHEUS_HOME (default var/prometheus),
#   BORDERFLOW_FLINK_METRICS_PORT (the JobManager's reporter, default 9250; TaskManager i on that + i),
#   BORDERFLOW_TASKMANAGERS (TaskManagers to scrape, default: as many as the cluster has started),
#   BORDERFLOW_CLUSTER_HOME (default var/cluster), BORDERFLOW_REPLAY_METRICS_PORT (default 9404),
#   BORDERFLOW_DASHBOARD_PORT (default 8080).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/ops/lib/help.sh"
PORT="${BORDERFLOW_PROMETHEUS_PORT:-9090}"
HOME_DIR="${BORDERFLOW_PROMETHEUS_HOME:-$ROOT/var/prometheus}"
METRICS_PORT="${BORDERFLOW_FLINK_METRICS_PORT:-9250}"
CLUSTER_HOME="${BORDERFLOW_CLUSTER_HOME:-$ROOT/var/cluster}"
REPLAY_PORT="${BORDERFLOW_REPLAY_METRICS_PORT:-9404}"
DASHBOARD_PORT="${BORDERFLOW_DASHBOARD_PORT:-8080}"
PID_FILE="$HOME_DIR/prometheus.pid"
LOG="$HOME_DIR/prometheus.log"
URL="http://127.0.0.1:$PORT"
START_TIMEOUT=60

say() { echo "prometheus: $*" >&2; }
die() { say "$*"; exit 1; }

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ && -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "--config.file=$HOME_DIR/prometheus.yml" || return 1
  echo "$pid"
}

taskmanagers() {
  local started
  started="$(find "$CLUSTER_HOME/pids" -name 'taskmanager-*.pid' 2>/dev/null | wc -l)"
  local wanted="${BORDERFLOW_TASKMANAGERS:-1}"
  echo $(( started > wanted ? started : wanted ))
}

target_file() {
  local file="$1"; shift
  local targets=""
  for t in "$@"; do targets="$targets${targets:+, }\"$t\""; done
  echo "[{\"targets\": [$targets], \"labels\": {\"cluster\": \"local\"}}]" > "$HOME_DIR/targets/$file.tmp"
  mv "$HOME_DIR/targets/$file.tmp" "$HOME_DIR/targets/$file"
}

write_config() {
  mkdir -p "$HOME_DIR/targets" "$HOME_DIR/rules" "$HOME_DIR/data"
  cp "$ROOT/ops/prometheus/prometheus.yml" "$HOME_DIR/prometheus.yml"
  rm -f "$HOME_DIR"/rules/*.yml
  cp "$ROOT"/ops/prometheus/rules/*.yml "$HOME_DIR/rules/"
  local tms=() n
  n="$(taskmanagers)"
  for ((i = 1; i <= n; i++)); do tms+=("127.0.0.1:$((METRICS_PORT + i))"); done
  target_file flink-jobmanager.json "127.0.0.1:$METRICS_PORT"
  target_file flink-taskmanager.json "${tms[@]}"
  target_file replay.json "127.0.0.1:$REPLAY_PORT"
  target_file dashboard.json "127.0.0.1:$DASHBOARD_PORT"
  promtool check config "$HOME_DIR/prometheus.yml" > "$HOME_DIR/check.log" 2>&1 \
    || { cat "$HOME_DIR/check.log" >&2; die "the configuration does not check"; }
}

up() {
  command -v prometheus >/dev/null 2>&1 \
    || die "prometheus not found; install it with: apt-get install -y --no-install-recommends prometheus"
  write_config
  local pid
  if pid="$(running_pid)"; then
    kill -HUP "$pid"
    say "already running (pid $pid, $URL); configuration and targets reloaded"
    return
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && die "port $PORT is in use; set BORDERFLOW_PROMETHEUS_PORT"
  nohup prometheus --config.file="$HOME_DIR/prometheus.yml" --storage.tsdb.path="$HOME_DIR/data" \
    --storage.tsdb.retention.time=7d --web.listen-address="127.0.0.1:$PORT" --web.enable-lifecycle \
    < /dev/null > "$LOG" 2>&1 &
  pid=$!
  echo "$pid" > "$PID_FILE"
  local deadline=$((SECONDS + START_TIMEOUT))
  until curl -sf --max-time 2 "$URL/-/ready" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { tail -5 "$LOG" >&2; rm -f "$PID_FILE"; die "prometheus stopped while starting (log: $LOG)"; }
    (( SECONDS < deadline )) || die "prometheus was not ready within ${START_TIMEOUT} s (log: $LOG)"
    sleep 0.5
  done
  say "started (pid $pid): $URL (alerts: $URL/alerts, targets: $URL/targets)"
}

down() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    say "not running"
    return
  fi
  kill -TERM "$pid"
  local deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null; do
    (( SECONDS < deadline )) || { kill -KILL "$pid" 2>/dev/null || true; break; }
    sleep 0.2
  done
  rm -f "$PID_FILE"
  say "stopped"
}

status() {
  local pid
  if ! pid="$(running_pid)"; then
    echo "stopped"
    return 3
  fi
  echo "running: $URL (pid $pid)"
  echo "targets:"
  curl -sf --max-time 5 "$URL/api/v1/targets" \
    | jq -r '.data.activeTargets[] | "  \(.labels.job)  \(.scrapeUrl)  \(.health)"' \
    || echo "  (the API does not answer)"
  echo "firing alerts:"
  curl -sf --max-time 5 "$URL/api/v1/alerts" \
    | jq -r '.data.alerts | map(select(.state == "firing")) | if length == 0 then "  (none)" else .[] | "  \(.labels.alertname) \(.labels.job_name // .labels.instance // "")" end' \
    || true
}

if (( $# > 1 )); then
  echo "usage: ops/borderflow prometheus up|down|status takes no options, not '${*:2}' (the environment sets ports and folders: --help)" >&2
  exit 2
fi
case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  -h|--help|help) script_help "$0" ;;
  *) echo "usage: ops/borderflow prometheus up|down|status (--help: what each does)" >&2; exit 2 ;;
esac
