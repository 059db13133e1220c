#!/usr/bin/env bash
# ops/borderflow test: everything the test suite needs, then the suite. Works on a fresh machine.
#   1. the tools the scripts and tests use (curl, jq, Debian's prometheus with promtool), installed with apt when
#      missing; the build, and the broker jars from Maven Central (ops/kafka);
#   2. Debian's chromium and chromium-driver for the dashboard's browser test (installed with apt-get when missing);
#   3. the shell check of `ops/borderflow kafka` (ops/kafka/smoke-test.sh, its own data, port BORDERFLOW_SMOKE_PORT
#      or 39092);
#   4. a fresh real single-node Kafka broker on port 19092 for the broker tests (BORDERFLOW_TEST_BOOTSTRAP; the
#      end-to-end pipeline test replays into it), with a SASL_PLAINTEXT/SCRAM listener on the port after the
#      controller's (BORDERFLOW_KAFKA_SASL_PORT, default broker port + 3) for the Kafka security test;
#   5. a fresh Flink session cluster (`ops/borderflow cluster up`, REST on BORDERFLOW_FLINK_PORT or 18081, Prometheus
#      reporters from BORDERFLOW_FLINK_METRICS_PORT or 18250) for the operations tests (BORDERFLOW_TEST_FLINK_URL):
#      deploy, upgrade, a killed TaskManager, a broker restart, Prometheus;
#   6. `mvn verify` over the whole reactor (unit, harness, MiniCluster, broker, cluster and browser tests);
#   7. the cluster and the broker are stopped again, whatever happened;
#   8. ops/demo-test.sh: a small `ops/borderflow demo`, stopped with Ctrl-C, leaves no process behind.
# Arguments go to `mvn verify` (e.g. -pl dashboard -Dtest=SignInThrottleTest -Dsurefire.failIfNoSpecifiedTests=false).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source "$ROOT/ops/lib/help.sh"

for arg in "$@"; do
  if [[ "$arg" == -h || "$arg" == --help ]]; then
    script_help "$0"
    exit 0
  fi
done

export BORDERFLOW_KAFKA_PORT="${BORDERFLOW_KAFKA_PORT:-19092}"
export BORDERFLOW_KAFKA_SASL_PORT="${BORDERFLOW_KAFKA_SASL_PORT:-$((BORDERFLOW_KAFKA_PORT + 3))}"
export BORDERFLOW_KAFKA_DATA="${BORDERFLOW_KAFKA_DATA:-$ROOT/var/kafka-test}"
export BORDERFLOW_TEST_BOOTSTRAP="127.0.0.1:${BORDERFLOW_KAFKA_PORT}"
export BORDERFLOW_TEST_SASL_BOOTSTRAP="127.0.0.1:${BORDERFLOW_KAFKA_SASL_PORT}"
export BORDERFLOW_TEST_SASL_CONFIG="$BORDERFLOW_KAFKA_DATA/client-sasl.properties"
export BORDERFLOW_FLINK_PORT="${BORDERFLOW_FLINK_PORT:-18081}"
export BORDERFLOW_FLINK_METRICS_PORT="${BORDERFLOW_FLINK_METRICS_PORT:-18250}"
export BORDERFLOW_CLUSTER_HOME="${BORDERFLOW_CLUSTER_HOME:-$ROOT/var/cluster-test}"
export BORDERFLOW_TASKMANAGERS=1
export BORDERFLOW_TEST_FLINK_URL="http://127.0.0.1:${BORDERFLOW_FLINK_PORT}"

stop_all() {
  "$ROOT/ops/cluster/cluster.sh" down >/dev/null 2>&1 || true
  "$ROOT/ops/kafka/kafka.sh" down >/dev/null 2>&1 || true
}
trap stop_all EXIT

missing=()
for tool in curl jq promtool; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if (( ${#missing[@]} > 0 )); then
  echo "== installing ${missing[*]} with apt (promtool comes with prometheus)"
  packages=()
  for tool in "${missing[@]}"; do
    case "$tool" in promtool) packages+=(prometheus) ;; *) packages+=("$tool") ;; esac
  done
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}" > /dev/null
fi

echo "== building"
"$ROOT/ops/borderflow" build

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  echo "== installing chromium and chromium-driver for the dashboard's browser test"
  if [[ $(id -u) -eq 0 ]]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver
fi

echo "== checking ops/borderflow kafka against the real broker jars"
(unset BORDERFLOW_KAFKA_DATA BORDERFLOW_KAFKA_SASL_PORT
 BORDERFLOW_KAFKA_PORT="${BORDERFLOW_SMOKE_PORT:-39092}" "$ROOT/ops/kafka/smoke-test.sh")

echo "== starting a fresh Kafka broker on $BORDERFLOW_TEST_BOOTSTRAP (SASL on $BORDERFLOW_TEST_SASL_BOOTSTRAP)"
stop_all
rm -rf "$BORDERFLOW_KAFKA_DATA" "$BORDERFLOW_CLUSTER_HOME"
"$ROOT/ops/kafka/kafka.sh" up

echo "== starting a fresh Flink session cluster on $BORDERFLOW_TEST_FLINK_URL"
"$ROOT/ops/cluster/cluster.sh" up

echo "== running the test suite"
mvn -B verify "$@"

echo "== checking that Ctrl-C stops everything the demo starts"
stop_all
"$ROOT/ops/demo-test.sh"
