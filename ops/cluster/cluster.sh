#!/usr/bin/env bash
# ops/borderflow cluster up|down|status: a Flink 2.2 standalone session cluster from Maven Central jars (PLATFORM.md):
# one JobManager and N TaskManagers, each its own JVM, all bound to 127.0.0.1.
#   up [--taskmanagers N]  fetch the jars if missing, write conf/config.yaml, start whatever is not running (the
#                          JobManager, TaskManagers 1..N), wait until the REST API serves and N TaskManagers are
#                          registered. On a partly running cluster it starts only what is missing, e.g. a TaskManager
#                          that died.
#   down                   stop every process of this cluster (SIGTERM, then SIGKILL after a grace period)
#   status                 the processes with their pids, the slots and the jobs; exit 0 when the JobManager runs,
#                          3 when it does not
# Environment (every port is configurable, so checkouts side by side do not collide):
#   BORDERFLOW_FLINK_PORT          REST API and web UI (default 8081); the JobManager's RPC port is the next one,
#                                  its blob server the one after
#   BORDERFLOW_FLINK_METRICS_PORT  Prometheus reporter of the JobManager (default 9250); TaskManager i serves on
#                                  that port + i
#   BORDERFLOW_CLUSTER_HOME        conf, logs, pids, checkpoints, savepoints, uploaded jars (default var/cluster)
#   BORDERFLOW_TASKMANAGERS        TaskManagers that `up` keeps running (default 1; --taskmanagers wins)
#   BORDERFLOW_TASKMANAGER_SLOTS   slots per TaskManager (default 4: both jobs at their parallelism 2 on one)
#   BORDERFLOW_CLUSTER_START_TIMEOUT  seconds `up` waits for the cluster (default 120)
#   BORDERFLOW_PORT_RELEASE_WAIT   seconds `up` waits for the ports of a process that was killed (default 15)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REST_PORT="${BORDERFLOW_FLINK_PORT:-8081}"
RPC_PORT="$((REST_PORT + 1))"
BLOB_PORT="$((REST_PORT + 2))"
METRICS_PORT="${BORDERFLOW_FLINK_METRICS_PORT:-9250}"
HOME_DIR="${BORDERFLOW_CLUSTER_HOME:-$ROOT/var/cluster}"
TASKMANAGERS="${BORDERFLOW_TASKMANAGERS:-1}"
SLOTS="${BORDERFLOW_TASKMANAGER_SLOTS:-4}"
START_TIMEOUT="${BORDERFLOW_CLUSTER_START_TIMEOUT:-120}"
LIB="$ROOT/var/cluster-lib"
CONF="$HOME_DIR/conf"
LOGS="$HOME_DIR/log"
PIDS="$HOME_DIR/pids"
URL="http://127.0.0.1:$REST_PORT"
STOP_GRACE=30
JM_CLASS=org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
TM_CLASS=org.apache.flink.runtime.taskexecutor.TaskManagerRunner

# What stock Flink sets in env.java.opts.all for JDK 17: its serializers and RPC reach into these packages.
JDK17_OPTS=(-XX:+IgnoreUnrecognizedVMOptions
  --add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED)
# Avro's fast reader, opt-in in Avro 1.12, for the jobs' sources, exchanges and state (README, Performance).
AVRO_OPTS=(-Dorg.apache.avro.fastread=true)

say() { echo "cluster: $*" >&2; }
die() { say "$*"; exit 1; }

require_tools() {
  command -v java >/dev/null 2>&1 || die "java not found; install a JDK 17 (e.g. apt-get install openjdk-17-jdk-headless)"
  command -v curl >/dev/null 2>&1 || die "curl not found (apt-get install curl)"
  command -v jq >/dev/null 2>&1 || die "jq not found (apt-get install jq)"
}

# The pid in pid file $1 if it names a live JVM of class $2 started with this cluster's conf directory.
live_pid() {
  local file="$PIDS/$1.pid" class="$2" pid
  [[ -f "$file" ]] || return 1
  pid="$(cat "$file")"
  [[ "$pid" =~ ^[0-9]+$ && -r "/proc/$pid/cmdline" ]] || return 1
  local cmdline
  cmdline="$(tr '\0' ' ' < "/proc/$pid/cmdline")"
  [[ "$cmdline" == *"$class --configDir $CONF "* ]] || return 1
  echo "$pid"
}

source "$ROOT/ops/lib/processes.sh"
source "$ROOT/ops/lib/help.sh"

fetch_jars() { fetch_maven_jars "$ROOT/ops/cluster/cluster-jars/pom.xml" "$LIB" "$LOGS" "Flink 2.2"; }

write_config() {
  mkdir -p "$CONF" "$LOGS" "$PIDS" "$HOME_DIR/checkpoints" "$HOME_DIR/savepoints" "$HOME_DIR/uploads" "$HOME_DIR/tmp"
  # TaskManagers started later (by `up` on a running cluster) report on the ports this JobManager was started with.
  echo "METRICS_PORT=$METRICS_PORT" > "$CONF/ports"
  cat > "$CONF/config.yaml" <<YAML
# Written by ops/cluster/cluster.sh on every start; edit the script, not this file.
jobmanager:
  rpc: {address: 127.0.0.1, port: $RPC_PORT}
  bind-host: 127.0.0.1
  # Each job submitted through the REST API runs its main() here and leaves ~18 MB of metaspace behind after a
  # full GC (its classloaders stay reachable; measured with jcmd VM.metaspace and VM.classloader_stats), so the
  # metaspace is larger than Flink's 256m default: about 25 submissions before a restart (ops/RUNBOOK.md).
  memory: {process.size: 1280m, jvm-metaspace.size: 512m}
  execution: {failover-strategy: region}
taskmanager:
  bind-host: 127.0.0.1
  host: 127.0.0.1
  numberOfTaskSlots: $SLOTS
  memory:
    # Both jobs at parallelism 2 share one TaskManager's 4 slots, each sink subtask with its own Kafka producers:
    # at 1536m the TaskManager ran out of heap mid-upgrade in PictureDeploymentTest.
    process.size: 3072m
    # Jobs keep heap state by default; RocksDB (a job's state.backend.type) takes managed memory.
    managed.fraction: 0.2
rest:
  address: 127.0.0.1
  bind-address: 127.0.0.1
  port: $REST_PORT
blob.server.port: $BLOB_PORT
web:
  submit.enable: true
  cancel.enable: true
  upload.dir: $HOME_DIR/uploads
io.tmp.dirs: $HOME_DIR/tmp
# A dead TaskManager is noticed within 10 s, not the default 50 s, so a job restarts quickly (shorter timeouts
# restarted jobs for nothing on a loaded 2-core machine).
heartbeat: {interval: 1000, timeout: 10000}
pekko.ask.timeout: 10 s
# Defaults for jobs that do not set their own (the borderflow jobs set theirs from config/).
execution.checkpointing:
  dir: file://$HOME_DIR/checkpoints
  savepoint-dir: file://$HOME_DIR/savepoints
state.backend.type: hashmap
restart-strategy:
  type: exponential-delay
  exponential-delay: {initial-backoff: 1 s, max-backoff: 10 s}
metrics:
  reporter.prom:
    factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory
    port: $METRICS_PORT
  # Job status gauges (e.g. runningState) for the "job not running" alert.
  job.status.enable: [STATE, CURRENT_TIME]
YAML
  cat > "$CONF/log4j.properties" <<'PROPS'
# Written by ops/cluster/cluster.sh. Each process logs to its own file (log.file, set per process), rolled as
# stock Flink does: at start and at 100 MB, ten older files kept (a Kafka client retrying a stopped broker writes
# about 15 MB an hour).
monitorInterval = 0
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
appender.file.name = file
appender.file.type = RollingFile
appender.file.append = true
appender.file.fileName = ${sys:log.file}
appender.file.filePattern = ${sys:log.file}.%i
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
appender.file.policies.type = Policies
appender.file.policies.size.type = SizeBasedTriggeringPolicy
appender.file.policies.size.size = 100MB
appender.file.policies.startup.type = OnStartupTriggeringPolicy
appender.file.strategy.type = DefaultRolloverStrategy
appender.file.strategy.max = 10
logger.kafka.name = org.apache.kafka
logger.kafka.level = WARN
PROPS
}

# The JVM flags and -D settings Flink's own scripts would compute for this config (BashJavaUtils).
resource_params() {
  local command="$1" out
  out="$(java -Xmx128m -cp "$LIB/*" org.apache.flink.runtime.util.bash.BashJavaUtils "$command" \
           --configDir "$CONF" -Dlog.file="$LOGS/bash-java-utils.log" \
           -Dlog4j.configurationFile="file:$CONF/log4j.properties" 2>>"$LOGS/bash-java-utils.log")" \
    || die "BashJavaUtils $command failed (log: $LOGS/bash-java-utils.log)"
  grep '^BASH_JAVA_UTILS_EXEC_RESULT:' <<<"$out" | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://'
}

# start NAME CLASS LOG_NAME PROMETHEUS_PORT: a JVM of CLASS with the memory flags Flink computes for it.
start_process() {
  local name="$1" class="$2" metrics_port="$3" params jvm dynamic
  if [[ "$class" == "$JM_CLASS" ]]; then
    params="$(resource_params GET_JM_RESOURCE_PARAMS)"
  else
    params="$(resource_params GET_TM_RESOURCE_PARAMS)"
  fi
  jvm="$(sed -n 1p <<<"$params")"
  dynamic="$(sed -n 2p <<<"$params")"
  local log="$LOGS/$name.log" out="$LOGS/$name.out"
  # shellcheck disable=SC2086
  nohup java $jvm "${JDK17_OPTS[@]}" "${AVRO_OPTS[@]}" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog.file="$log" -Dlog4j.configurationFile="file:$CONF/log4j.properties" \
    -cp "$LIB/*" "$class" --configDir "$CONF" -Dmetrics.reporter.prom.port="$metrics_port" $dynamic \
    < /dev/null > "$out" 2>&1 &
  echo $! > "$PIDS/$name.pid"
  say "started $name (pid $!, log $log, metrics http://127.0.0.1:$metrics_port/metrics)"
}

overview() { curl -sf --max-time 5 "$URL/overview"; }

wait_ready() {
  local want="$1" deadline=$((SECONDS + START_TIMEOUT)) registered
  while true; do
    if ! live_pid jobmanager "$JM_CLASS" >/dev/null; then
      tail -20 "$LOGS/jobmanager.log" "$LOGS/jobmanager.out" >&2 2>/dev/null || true
      die "the JobManager stopped while starting (log: $LOGS/jobmanager.log)"
    fi
    registered="$(overview | jq -r '.taskmanagers' 2>/dev/null || true)"
    if [[ "$registered" =~ ^[0-9]+$ ]] && (( registered >= want )); then
      say "ready: $URL ($registered TaskManagers)"
      return
    fi
    (( SECONDS < deadline )) || die "the cluster was not ready within ${START_TIMEOUT} s (${registered:-no} of $want TaskManagers registered; logs: $LOGS)"
    sleep 1
  done
}

up() {
  require_tools
  [[ "$TASKMANAGERS" =~ ^[1-9][0-9]*$ ]] || { echo "cluster: the number of TaskManagers must be at least 1, not '$TASKMANAGERS'" >&2; exit 2; }
  fetch_jars
  local started=0 orphaned=0
  if live_pid jobmanager "$JM_CLASS" >/dev/null; then
    say "JobManager already running (pid $(live_pid jobmanager "$JM_CLASS"))"
    # shellcheck disable=SC1091
    [[ -f "$CONF/ports" ]] && source "$CONF/ports"
  else
    # A pid file left behind means the JobManager ended without `cluster down`: a crash, a kill or a reboot.
    [[ -f "$PIDS/jobmanager.pid" ]] && orphaned=1
    for p in "$REST_PORT" "$RPC_PORT" "$BLOB_PORT" "$METRICS_PORT"; do
      port_taken "$p" "$PIDS/jobmanager.pid" \
        && die "port $p is in use by another process; set BORDERFLOW_FLINK_PORT / BORDERFLOW_FLINK_METRICS_PORT"
    done
    for file in "$PIDS"/taskmanager-*.pid; do
      [[ -f "$file" ]] && live_pid "$(basename "$file" .pid)" "$TM_CLASS" >/dev/null && orphaned=1
    done
    write_config
    start_process jobmanager "$JM_CLASS" "$METRICS_PORT"
    started=1
  fi
  [[ -f "$CONF/config.yaml" ]] || write_config
  for ((i = 1; i <= TASKMANAGERS; i++)); do
    if live_pid "taskmanager-$i" "$TM_CLASS" >/dev/null; then
      continue
    fi
    port_taken "$((METRICS_PORT + i))" "$PIDS/taskmanager-$i.pid" \
      && die "port $((METRICS_PORT + i)) (metrics of TaskManager $i) is in use by another process"
    start_process "taskmanager-$i" "$TM_CLASS" "$((METRICS_PORT + i))"
    started=1
  done
  (( started )) || say "everything already runs"
  wait_ready "$TASKMANAGERS"
  if (( orphaned )); then
    # A session cluster without high availability forgets its jobs with its JobManager; their checkpoints stay.
    say "the JobManager had stopped without \`cluster down\` (a crash, a kill or a reboot; its log until then:"
    say "$LOGS/jobmanager.log.1): the jobs it ran are gone;"
    say "resume each from its newest checkpoint with: ops/borderflow deploy risk --resume; ops/borderflow deploy picture --resume"
  fi
}

stop_pid() {
  local name="$1" pid="$2" deadline=$((SECONDS + STOP_GRACE))
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if (( SECONDS >= deadline )); then
      say "$name still running after ${STOP_GRACE} s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    sleep 0.2
  done
  rm -f "$PIDS/$name.pid"
  say "stopped $name (pid $pid)"
}

down() {
  local any=0 name pid
  for file in "$PIDS"/taskmanager-*.pid "$PIDS"/jobmanager.pid; do
    [[ -f "$file" ]] || continue
    name="$(basename "$file" .pid)"
    local class="$TM_CLASS"
    [[ "$name" == jobmanager ]] && class="$JM_CLASS"
    if pid="$(live_pid "$name" "$class")"; then
      stop_pid "$name" "$pid"
      any=1
    else
      rm -f "$file"
    fi
  done
  (( any )) || say "not running"
}

status() {
  local jm
  # shellcheck disable=SC1091
  [[ -f "$CONF/ports" ]] && source "$CONF/ports"
  if ! jm="$(live_pid jobmanager "$JM_CLASS")"; then
    echo "stopped"
    for file in "$PIDS"/taskmanager-*.pid; do
      [[ -f "$file" ]] || continue
      local name pid
      name="$(basename "$file" .pid)"
      pid="$(live_pid "$name" "$TM_CLASS")" && echo "  $name  pid $pid (running without a JobManager)"
    done
    return 3
  fi
  echo "running: $URL"
  echo "processes:"
  echo "  jobmanager     pid $jm   metrics http://127.0.0.1:$METRICS_PORT/metrics"
  for file in "$PIDS"/taskmanager-*.pid; do
    [[ -f "$file" ]] || continue
    local name pid i
    name="$(basename "$file" .pid)"
    i="${name#taskmanager-}"
    if pid="$(live_pid "$name" "$TM_CLASS")"; then
      echo "  $name  pid $pid   metrics http://127.0.0.1:$((METRICS_PORT + i))/metrics"
    else
      echo "  $name  not running (start it again with: ops/borderflow cluster up)"
    fi
  done
  local json
  if json="$(overview)"; then
    jq -r '"slots: \(.["slots-total"]) total, \(.["slots-available"]) free; TaskManagers registered: \(.taskmanagers)"' <<<"$json"
  else
    echo "slots: (the REST API does not answer yet)"
  fi
  echo "jobs:"
  curl -sf --max-time 5 "$URL/jobs/overview" \
    | jq -r '.jobs | if length == 0 then "  (none)" else .[] | "  \(.jid)  \(.state)  \(.name)" end' \
    || echo "  (the REST API does not answer yet)"
  return 0
}

command="${1:-}"
shift || true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --taskmanagers) TASKMANAGERS="${2:-}"; shift $(( $# > 1 ? 2 : 1 )) ;;
    -h|--help) command=help; shift ;;
    *) echo "usage: ops/borderflow cluster up [--taskmanagers N] | down | status (--help: what each does)" >&2; exit 2 ;;
  esac
done
case "$command" in
  up) up ;;
  down) down ;;
  status) status ;;
  -h|--help|help) script_help "$0" ;;
  *) echo "usage: ops/borderflow cluster up [--taskmanagers N] | down | status (--help: what each does)" >&2; exit 2 ;;
esac
