#!/usr/bin/env bash
# Shell-level check of ops/kafka/kafka.sh against the real broker jars, on its own port and data folder:
# up, status (exit 0, every topic of config/topics.yaml), up again (idempotent), a second broker on the same port
# (refused with a message, no stack trace), down, status (exit 3). Exit 0 when every check passes.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KAFKA="$ROOT/ops/kafka/kafka.sh"
export BORDERFLOW_KAFKA_PORT="${BORDERFLOW_KAFKA_PORT:-39092}"
mkdir -p "$ROOT/var"
export BORDERFLOW_KAFKA_DATA
BORDERFLOW_KAFKA_DATA="$(mktemp -d "$ROOT/var/kafka-smoke.XXXXXX")"
SECOND_DATA="$(mktemp -d "$ROOT/var/kafka-smoke.XXXXXX")"

cleanup() {
  "$KAFKA" down >/dev/null 2>&1
  rm -rf "$BORDERFLOW_KAFKA_DATA" "$SECOND_DATA"
}
trap cleanup EXIT

failures=0
check() {
  local what="$1"; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}

expected_topics() { sed -n 's/^  \([a-z][a-z.]*\):$/\1/p' "$ROOT/config/topics.yaml"; }

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

clash="$(BORDERFLOW_KAFKA_DATA="$SECOND_DATA" "$KAFKA" up 2>&1)"
check "a second broker on the same port is refused" test $? -ne 0
check "the refusal names the port" grep -q "port $BORDERFLOW_KAFKA_PORT is in use" <<< "$clash"
check "the refusal has no stack trace" test -z "$(grep -E '^\s+at ' <<< "$clash")"

"$KAFKA" down 2>/dev/null
check "down exits 0" test $? -eq 0
"$KAFKA" status > /dev/null
check "status exits 3 when stopped" test $? -eq 3

if (( failures > 0 )); then
  echo "smoke-test: $failures check(s) failed; broker log: $BORDERFLOW_KAFKA_DATA/logs/kafka.out" >&2
  trap - EXIT
  "$KAFKA" down >/dev/null 2>&1
  exit 1
fi
echo "smoke-test: all checks passed"
