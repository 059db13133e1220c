#!/usr/bin/env bash
# ops/borderflow kafka up|down|status: a real single-node KRaft broker from Maven Central jars (PLATFORM.md).
#   up      fetch the jars if missing, write server.properties, format storage once, start the broker, wait until it
#           serves, then create/update the topics of config/topics.yaml (ops/borderflow topics)
#   down    stop it (SIGTERM, then SIGKILL after a grace period)
#   status  running/stopped, pid, bootstrap, topics, free space of the data directory; exit 0 when running, 3 when
#           stopped. A broker that stopped without `down` (it shuts itself down when it cannot write its data) is
#           reported as such, with the errors that ended it; `up` says the same before it starts the broker again.
# Environment: BORDERFLOW_KAFKA_PORT (default 9092; the controller listens on the next port),
#              BORDERFLOW_KAFKA_DATA (default var/kafka: config, data, log and pid of this broker),
#              BORDERFLOW_KAFKA_START_TIMEOUT (seconds, default 60),
#              BORDERFLOW_PORT_RELEASE_WAIT (seconds `up` waits for the ports of a broker that was killed, default 15),
#              BORDERFLOW_KAFKA_SASL_PORT (unset by default: PLAINTEXT only; set, the broker also listens there with
#                SASL_PLAINTEXT and SCRAM-SHA-256 for the user BORDERFLOW_KAFKA_SASL_USER / _PASSWORD, default
#                borderflow / borderflow-secret, and `up` writes the client settings to
#                $BORDERFLOW_KAFKA_DATA/client-sasl.properties for --kafka-config).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT="${BORDERFLOW_KAFKA_PORT:-9092}"
CONTROLLER_PORT="$((PORT + 1))"
HOME_DIR="${BORDERFLOW_KAFKA_DATA:-$ROOT/var/kafka}"
LIB="$ROOT/var/kafka/lib"
PID_FILE="$HOME_DIR/kafka.pid"
PROPERTIES="$HOME_DIR/server.properties"
LOG4J="$HOME_DIR/log4j2.properties"
TOOLS_LOG4J="$HOME_DIR/tools-log4j2.properties"
DATA_DIR="$HOME_DIR/data"
LOG="$HOME_DIR/logs/kafka.out"
# `up` keeps the log of the broker before, so that starting again does not erase why it stopped.
PREVIOUS_LOG="$LOG.previous"
# Below this share of its size free, the data directory's file system counts as full when a stop is explained.
FULL_BELOW_PERCENT=1
START_TIMEOUT="${BORDERFLOW_KAFKA_START_TIMEOUT:-60}"
STOP_GRACE=30
BOOTSTRAP="127.0.0.1:$PORT"
SASL_PORT="${BORDERFLOW_KAFKA_SASL_PORT:-}"
SASL_USER="${BORDERFLOW_KAFKA_SASL_USER:-borderflow}"
SASL_PASSWORD="${BORDERFLOW_KAFKA_SASL_PASSWORD:-borderflow-secret}"
SASL_MECHANISM=SCRAM-SHA-256
CLIENT_SASL="$HOME_DIR/client-sasl.properties"

say() { echo "kafka: $*" >&2; }
die() { say "$*"; exit 1; }

require_java() {
  command -v java >/dev/null 2>&1 || die "java not found; install a JDK 17 (e.g. apt-get install openjdk-17-jdk-headless)"
}

# The pid of our broker, if it runs: the pid file must name a live kafka.Kafka started with our server.properties.
running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q "kafka.Kafka $PROPERTIES" || return 1
  echo "$pid"
}

source "$ROOT/ops/lib/processes.sh"
source "$ROOT/ops/lib/help.sh"

# The data directory's file system as df sees it: "N MB free of M MB".
data_space() {
  df -Pk "$DATA_DIR" 2>/dev/null | awk 'NR == 2 { printf "%d MB free of %d MB", $4 / 1024, $2 / 1024 }'
}

# True only when df answers and reports less than FULL_BELOW_PERCENT of the file system free.
data_full() {
  df -Pk "$DATA_DIR" 2>/dev/null \
    | awk -v p="$FULL_BELOW_PERCENT" 'NR == 2 { full = ($4 * 100 < $2 * p) } END { exit !full }'
}

# Why the broker that wrote LOG stopped: its last errors (no stack frames), and the data directory's free space when
# writing there failed. A full file system shows as "No space left on device", or, for Kafka's memory-mapped
# indexes, as an InternalError from an "unsafe memory access".
stop_reason() {
  local log="$1" errors=""
  if [[ -s "$log" ]]; then
    errors="$(grep -E "ERROR|FATAL|Exception|Error:" "$log" | grep -vE "^\s+at " | tail -5 | cut -c1-300)" || true
  fi
  if [[ -n "$errors" ]]; then
    echo "$errors"
  else
    echo "no error in its log: it was killed (kill -9, the kernel's out-of-memory killer) or the machine stopped"
  fi
  if data_full; then
    echo "the file system of $DATA_DIR is full ($(data_space)): the broker stops when it cannot write there. Free"
    echo "space on it (never by deleting files under $DATA_DIR), then \`ops/borderflow kafka up\`; ops/RUNBOOK.md,"
    echo "\"The broker stopped\"."
  elif grep -qE "No space left on device|unsafe memory access" "$log" 2>/dev/null; then
    echo "the broker could not write $DATA_DIR (its file system was full; now $(data_space)): \`ops/borderflow kafka"
    echo "up\` starts it again; ops/RUNBOOK.md, \"The broker stopped\"."
  fi
}

fetch_jars() { fetch_maven_jars "$ROOT/ops/kafka/broker-jars/pom.xml" "$LIB" "$HOME_DIR/logs" "broker"; }

write_config() {
  mkdir -p "$DATA_DIR" "$HOME_DIR/logs"
  local listeners="PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT"
  local advertised="PLAINTEXT://127.0.0.1:$PORT"
  local protocols="PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
  if [[ -n "$SASL_PORT" ]]; then
    listeners="$listeners,SASL_PLAINTEXT://127.0.0.1:$SASL_PORT"
    advertised="$advertised,SASL_PLAINTEXT://127.0.0.1:$SASL_PORT"
    protocols="$protocols,SASL_PLAINTEXT:SASL_PLAINTEXT"
  fi
  cat > "$PROPERTIES" <<PROPS
# Written by ops/kafka/kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=$listeners
advertised.listeners=$advertised
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=$protocols
log.dirs=$DATA_DIR
num.partitions=1
default.replication.factor=1
# A topic comes only from config/topics.yaml (up, topics): a deleted or misspelt one is not made again on first use
# with one partition, no compaction and the default retention.
auto.create.topics.enable=false
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  if [[ -n "$SASL_PORT" ]]; then
    # SCRAM credentials live in the cluster metadata: `up` sets the user's through the PLAINTEXT listener.
    cat >> "$PROPERTIES" <<PROPS
sasl.enabled.mechanisms=$SASL_MECHANISM
listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
PROPS
    cat > "$CLIENT_SASL" <<PROPS
# Kafka client settings for the SASL listener 127.0.0.1:$SASL_PORT (--kafka-config, or kafka.properties in
# config/environments/*.yaml). Written by ops/kafka/kafka.sh.
security.protocol=SASL_PLAINTEXT
sasl.mechanism=$SASL_MECHANISM
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$SASL_USER" password="$SASL_PASSWORD";
PROPS
  fi
  cat > "$LOG4J" <<'PROPS'
# The broker logs to stdout, which kafka.sh sends to logs/kafka.out.
status = warn
appender.out.type = Console
appender.out.name = out
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.out.ref = out
logger.request.name = kafka.request.logger
logger.request.level = warn
logger.cleaner.name = kafka.log.LogCleaner
logger.cleaner.level = warn
PROPS
  cat > "$TOOLS_LOG4J" <<'PROPS'
# Tools log to stderr, so what they print on stdout (e.g. a cluster id) is theirs alone.
status = warn
appender.err.type = Console
appender.err.name = err
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = %p %m%n
rootLogger.level = warn
rootLogger.appenderRef.err.ref = err
PROPS
}

tool() {
  java -Xmx256m -Dlog4j2.configurationFile="$TOOLS_LOG4J" -cp "$LIB/*" "$@"
}

format_once() {
  [[ -f "$DATA_DIR/meta.properties" ]] && return
  local cluster_id
  cluster_id="$(tool kafka.tools.StorageTool random-uuid)" || die "StorageTool random-uuid failed"
  say "formatting $DATA_DIR (cluster $cluster_id)"
  tool kafka.tools.StorageTool format -t "$cluster_id" -c "$PROPERTIES" >> "$HOME_DIR/logs/format.log" 2>&1 \
    || { tail -5 "$HOME_DIR/logs/format.log" >&2; die "formatting the storage failed (log: $HOME_DIR/logs/format.log)"; }
}

wait_started() {
  local pid="$1" waited=0
  while ! grep -q "Kafka Server started" "$LOG" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      stop_reason "$LOG" >&2
      if grep -q "Address already in use" "$LOG"; then
        die "port $PORT or $CONTROLLER_PORT is in use; set BORDERFLOW_KAFKA_PORT to a free port"
      fi
      die "the broker stopped while starting (log: $LOG)"
    fi
    if (( waited >= START_TIMEOUT * 10 )); then
      die "the broker did not start within ${START_TIMEOUT} s (pid $pid still running; log: $LOG)"
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
}

up() {
  require_java
  local pid
  if pid="$(running_pid)"; then
    say "already running (pid $pid, bootstrap $BOOTSTRAP)"
  else
    if [[ -f "$PID_FILE" ]]; then
      say "the broker had stopped without \`kafka down\` (pid $(cat "$PID_FILE")); its log ends (kept as $PREVIOUS_LOG):"
      stop_reason "$LOG" >&2
    fi
    for p in "$PORT" "$CONTROLLER_PORT" $SASL_PORT; do
      port_taken "$p" "$PID_FILE" && die "port $p is in use by another process; set BORDERFLOW_KAFKA_PORT to a free port"
    done
    fetch_jars
    write_config
    format_once
    say "starting the broker on $BOOTSTRAP (log: $LOG)"
    [[ -s "$LOG" ]] && mv "$LOG" "$PREVIOUS_LOG"
    : > "$LOG"
    nohup java -Xms512m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$LOG4J" -cp "$LIB/*" kafka.Kafka "$PROPERTIES" \
      < /dev/null >> "$LOG" 2>&1 &
    pid=$!
    echo "$pid" > "$PID_FILE"
    wait_started "$pid"
    say "started (pid $pid)"
  fi
  if [[ -n "$SASL_PORT" ]]; then
    tool kafka.admin.ConfigCommand --bootstrap-server "$BOOTSTRAP" --alter --entity-type users \
      --entity-name "$SASL_USER" --add-config "$SASL_MECHANISM=[password=$SASL_PASSWORD]" >/dev/null \
      || die "could not set the SCRAM credentials of $SASL_USER"
    say "SASL_PLAINTEXT ($SASL_MECHANISM) on 127.0.0.1:$SASL_PORT for $SASL_USER; client settings: $CLIENT_SASL"
  fi
  local rc=0
  "$ROOT/ops/borderflow" topics --bootstrap "$BOOTSTRAP" >&2 || rc=$?
  # 3: partitions to grow held back (the line above says how to grow them); the broker and its topics are usable.
  [[ "$rc" == 0 || "$rc" == 3 ]] || die "the broker runs, but creating the topics failed"
}

down() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    say "not running"
    return
  fi
  say "stopping pid $pid ..."
  kill -TERM "$pid"
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if (( waited >= STOP_GRACE * 10 )); then
      say "still running after ${STOP_GRACE} s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  rm -f "$PID_FILE"
  say "stopped"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    echo "running"
    echo "pid: $pid"
    echo "bootstrap: $BOOTSTRAP"
    [[ -n "$SASL_PORT" ]] && echo "sasl bootstrap: 127.0.0.1:$SASL_PORT (client settings: $CLIENT_SASL)"
    echo "data: $DATA_DIR, $(data_space)"
    echo "topics:"
    tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --list 2>/dev/null | sed 's/^/  /' \
      || echo "  (could not list the topics)"
    return 0
  fi
  if [[ -f "$PID_FILE" ]]; then
    echo "stopped without \`kafka down\`: pid $(cat "$PID_FILE") is gone (it shut itself down, crashed or was killed)"
    echo "data: $DATA_DIR, $(data_space)"
    echo "its log ($LOG) ends:"
    stop_reason "$LOG" | sed 's/^/  /'
    return 3
  fi
  echo "stopped"
  [[ -d "$DATA_DIR" ]] && echo "data: $DATA_DIR, $(data_space)"
  return 3
}

if (( $# > 1 )); then
  echo "usage: ops/borderflow kafka up|down|status takes no options, not '${*:2}' (the environment sets ports and folders: --help)" >&2
  exit 2
fi
case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  -h|--help|help) script_help "$0" ;;
  *) echo "usage: ops/borderflow kafka up|down|status (--help: what each does)" >&2; exit 2 ;;
esac
