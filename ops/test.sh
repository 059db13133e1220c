#!/usr/bin/env bash
# ops/borderflow test: everything the test suite needs, then the suite. Works on a fresh machine.
#   1. the build, and the broker jars from Maven Central (ops/kafka);
#   2. Debian's chromium and chromium-driver for the dashboard's browser test (installed with apt-get when missing);
#   3. the shell check of `ops/borderflow kafka` (ops/kafka/smoke-test.sh, its own data, port BORDERFLOW_SMOKE_PORT
#      or 39092);
#   4. a fresh real single-node Kafka broker on port 19092 for the broker tests (BORDERFLOW_TEST_BOOTSTRAP;
#      the end-to-end pipeline test replays into it);
#   5. `mvn verify` over the whole reactor (unit, harness, MiniCluster, broker and browser tests);
#   6. the broker is stopped again, whatever happened;
#   7. ops/demo-test.sh: a small `ops/borderflow demo`, stopped with Ctrl-C, leaves no process behind.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export BORDERFLOW_KAFKA_PORT="${BORDERFLOW_KAFKA_PORT:-19092}"
export BORDERFLOW_KAFKA_DATA="${BORDERFLOW_KAFKA_DATA:-$ROOT/var/kafka-test}"
export BORDERFLOW_TEST_BOOTSTRAP="127.0.0.1:${BORDERFLOW_KAFKA_PORT}"

stop_broker() { "$ROOT/ops/kafka/kafka.sh" down >/dev/null 2>&1 || true; }
trap stop_broker EXIT

echo "== building"
"$ROOT/ops/borderflow" build

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  echo "== installing chromium and chromium-driver for the dashboard's browser test"
  if [[ $(id -u) -eq 0 ]]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver
fi

echo "== checking ops/borderflow kafka against the real broker jars"
(unset BORDERFLOW_KAFKA_DATA; BORDERFLOW_KAFKA_PORT="${BORDERFLOW_SMOKE_PORT:-39092}" "$ROOT/ops/kafka/smoke-test.sh")

echo "== starting a fresh Kafka broker on $BORDERFLOW_TEST_BOOTSTRAP"
stop_broker
rm -rf "$BORDERFLOW_KAFKA_DATA"
"$ROOT/ops/kafka/kafka.sh" up

echo "== running the test suite"
mvn -B verify "$@"

echo "== checking that Ctrl-C stops everything the demo starts"
stop_broker
"$ROOT/ops/demo-test.sh"
