#!/usr/bin/env bash
# ops/borderflow test: everything the test suite needs, then the suite. Works on a fresh machine.
#   1. the broker jars from Maven Central (ops/kafka), a real single-node Kafka broker on a free port;
#   2. `mvn verify` over the whole reactor (unit, harness, MiniCluster and broker tests);
#   3. the broker is stopped again, whatever happened.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export BORDERFLOW_KAFKA_PORT="${BORDERFLOW_KAFKA_PORT:-19092}"
export BORDERFLOW_KAFKA_DATA="${BORDERFLOW_KAFKA_DATA:-$ROOT/var/kafka-test}"
export BORDERFLOW_TEST_BOOTSTRAP="127.0.0.1:${BORDERFLOW_KAFKA_PORT}"

stop_broker() { "$ROOT/ops/kafka/kafka.sh" down >/dev/null 2>&1 || true; }
trap stop_broker EXIT

echo "== building and starting a real Kafka broker on $BORDERFLOW_TEST_BOOTSTRAP"
mvn -B -q install -DskipTests
"$ROOT/ops/kafka/kafka.sh" up

echo "== running the test suite"
mvn -B verify "$@"
