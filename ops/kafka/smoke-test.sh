#!/usr/bin/env bash
# Shell-level check of ops/kafka/kafka.sh against the real broker jars, on its own port and data folder:
# --help, an unknown subcommand and an option (refused), up, status (exit 0, every topic of config/topics.yaml), up
# again (idempotent), no topic created on first use, a second broker on the same port (refused with a message, no stack trace), down, status (exit 3),
# status of a killed broker, up right after a kill.
# As root, also a full data directory (a small tmpfs filled to the last byte): the broker shuts itself down, status
# and up say why, and once space is freed it starts again with its topics. Exit 0 when every check passes.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KAFKA="$ROOT/ops/kafka/kafka.sh"
export BORDERFLOW_KAFKA_PORT="${BORDERFLOW_KAFKA_PORT:-39092}"
mkdir -p "$ROOT/var"
export BORDERFLOW_KAFKA_DATA
BORDERFLOW_KAFKA_DATA="$(mktemp -d "$ROOT/var/kafka-smoke.XXXXXX")"
SECOND_DATA="$(mktemp -d "$ROOT/var/kafka-smoke.XXXXXX")"
FULL_DATA="$(mktemp -d "$ROOT/var/kafka-smoke.XXXXXX")"

cleanup() {
  "$KAFKA" down >/dev/null 2>&1
  BORDERFLOW_KAFKA_DATA="$FULL_DATA" "$KAFKA" down >/dev/null 2>&1
  mountpoint -q "$FULL_DATA/data" && umount "$FULL_DATA/data"
  rm -rf "$BORDERFLOW_KAFKA_DATA" "$SECOND_DATA" "$FULL_DATA"
}
trap cleanup EXIT

failures=0
check() {
  local what="$1"; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}

expected_topics() { sed -n 's/^  \([a-z][a-z.]*\):$/\1/p' "$ROOT/config/topics.yaml"; }

help="$("$KAFKA" --help)"
check "--help exits 0" test $? -eq 0
check "--help says what each subcommand does" grep -qE '^  status +running/stopped' <<< "$help"
wrong="$("$KAFKA" start 2>&1)"
check "an unknown subcommand exits 2" test $? -eq 2
check "an unknown subcommand gets the usage" grep -q '^usage: ops/borderflow kafka up|down|status' <<< "$wrong"
"$KAFKA" up --port 1234 2>/dev/null
check "an option after up is refused, not ignored" test $? -eq 2
"$KAFKA" status > /dev/null
check "the refused up started nothing" test $? -eq 3

"$KAFKA" up 2> "$BORDERFLOW_KAFKA_DATA/up.err"
check "up exits 0" test $? -eq 0

status="$("$KAFKA" status)"
check "status exits 0 while running" test $? -eq 0
check "status says running and the bootstrap" grep -q "bootstrap: 127.0.0.1:$BORDERFLOW_KAFKA_PORT" <<< "$status"
for topic in $(expected_topics); do
  check "topic $topic exists" grep -qx "  $topic" <<< "$status"
done

again="$("$KAFKA" up 2>&1)"
check "up again exits 0" test $? -eq 0
check "up again reuses the running broker" grep -q "already running" <<< "$again"
check "up again leaves the topics unchanged" test -z "$(grep -E ': (created|altered)' <<< "$again")"

unknown="borderflow.no-such-topic"
refused="$(java -Xmx256m -cp "$ROOT/var/kafka/lib/*" org.apache.kafka.tools.ConsoleProducer \
  --bootstrap-server "127.0.0.1:$BORDERFLOW_KAFKA_PORT" --topic "$unknown" --producer-property max.block.ms=3000 \
  <<< "x" 2>&1)"
check "a record for a topic not in topics.yaml is refused" grep -q "Topic $unknown not present in metadata" <<< "$refused"
check "and the topic is not created on first use" test -z "$(grep -x "  $unknown" <<< "$("$KAFKA" status)")"

clash="$(BORDERFLOW_KAFKA_DATA="$SECOND_DATA" "$KAFKA" up 2>&1)"
check "a second broker on the same port is refused" test $? -ne 0
check "the refusal names the port" grep -q "port $BORDERFLOW_KAFKA_PORT is in use" <<< "$clash"
check "the refusal has no stack trace" test -z "$(grep -E '^\s+at ' <<< "$clash")"

"$KAFKA" down 2>/dev/null
check "down exits 0" test $? -eq 0
"$KAFKA" status > /dev/null
check "status exits 3 when stopped" test $? -eq 3

"$KAFKA" up 2>/dev/null
kill -9 "$(cat "$BORDERFLOW_KAFKA_DATA/kafka.pid")"
sleep 1
killed="$("$KAFKA" status)"
check "status exits 3 once the broker was killed" test $? -eq 3
check "status says it stopped without down" grep -q "stopped without \`kafka down\`" <<< "$killed"
check "status says its log has no error" grep -q "no error in its log: it was killed" <<< "$killed"
# up at once after kill -9, as an operator types it: the dying JVM's threads may hold its ports a moment longer.
"$KAFKA" up 2>/dev/null
kill -9 "$(cat "$BORDERFLOW_KAFKA_DATA/kafka.pid")"
restarted="$("$KAFKA" up 2>&1)"
check "up right after kill -9 exits 0" test $? -eq 0
check "up right after kill -9 starts the broker" grep -q "started (pid" <<< "$restarted"
"$KAFKA" down 2>/dev/null

# The broker writes its offset checkpoints every few seconds, so a full file system stops it without traffic.
full_disk_checks() {
  local -x BORDERFLOW_KAFKA_DATA="$FULL_DATA"
  mkdir -p "$FULL_DATA/data"
  mount -t tmpfs -o size=64m tmpfs "$FULL_DATA/data" || { check "mount a tmpfs for the data" false; return; }
  "$KAFKA" up 2> "$FULL_DATA/up.err"
  check "up on the small file system exits 0" test $? -eq 0
  dd if=/dev/zero of="$FULL_DATA/data/filler" bs=1M > /dev/null 2>&1
  local waited=0 rc=0 status
  while (( waited < 90 )); do
    status="$("$KAFKA" status)"
    rc=$?
    (( rc == 3 )) && break
    sleep 1
    waited=$((waited + 1))
  done
  check "the broker stops when its file system is full" test "$rc" -eq 3
  check "status says it stopped without down" grep -q "stopped without \`kafka down\`" <<< "$status"
  check "status quotes the broker's error" grep -q "No space left on device" <<< "$status"
  check "status says the file system is full" grep -q "the file system of $FULL_DATA/data is full (0 MB free" <<< "$status"
  local again
  again="$("$KAFKA" up 2>&1)"
  check "up on the full file system fails" test $? -ne 0
  check "up says the broker had stopped" grep -q "had stopped without" <<< "$again"
  check "up says the file system is full" grep -q "is full (0 MB free" <<< "$again"
  check "up keeps the stopped broker's log" grep -q "No space left on device" "$FULL_DATA/logs/kafka.out.previous"
  rm -f "$FULL_DATA/data/filler"
  "$KAFKA" up 2> "$FULL_DATA/up-freed.err"
  check "up once space is freed exits 0" test $? -eq 0
  status="$("$KAFKA" status)"
  check "status exits 0 again" test $? -eq 0
  for topic in $(expected_topics); do
    check "topic $topic survived" grep -qx "  $topic" <<< "$status"
  done
  "$KAFKA" down 2>/dev/null
  umount "$FULL_DATA/data"
}
if [[ "$EUID" -eq 0 ]]; then
  full_disk_checks
else
  echo "skip a full data directory: mounting a small file system needs root"
fi

if (( failures > 0 )); then
  echo "smoke-test: $failures check(s) failed; broker log: $BORDERFLOW_KAFKA_DATA/logs/kafka.out" >&2
  trap - EXIT
  "$KAFKA" down >/dev/null 2>&1
  exit 1
fi
echo "smoke-test: all checks passed"
