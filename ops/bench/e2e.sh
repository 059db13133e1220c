#!/usr/bin/env bash
# End-to-end benchmarks of ops/borderflow bench, on a real broker of their own (port 49092, data in var/bench/kafka):
#   generate  a world into files, timed from outside (JVM start included; JMH GenerateBenchmark has the steady state);
#   replay    that world with --max into the broker, against a same-run baseline: Kafka's own ProducerPerformance
#             sending as many records of the same average size with the same producer settings (ReplayProducer's:
#             acks=all, idempotence, no compression, batch, linger, buffer, socket send buffer and request size), so
#             the ratio is what replay's own work costs; both twice, the second round on a broker the first one warmed
#             up.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BF="$ROOT/ops/borderflow"
OUT="$ROOT/var/bench"
TRAVELLERS=200000 DAYS=120
[[ "${1:-}" == "--quick" ]] && TRAVELLERS=15000 DAYS=30

export BORDERFLOW_KAFKA_PORT="${BORDERFLOW_BENCH_PORT:-49092}"
export BORDERFLOW_KAFKA_DATA="$OUT/kafka"
BOOTSTRAP="127.0.0.1:$BORDERFLOW_KAFKA_PORT"
WORLD="$OUT/world"
stop() { "$ROOT/ops/kafka/kafka.sh" down >/dev/null 2>&1 || true; }
trap stop EXIT
stop
rm -rf "$BORDERFLOW_KAFKA_DATA" "$WORLD"
mkdir -p "$OUT"
"$ROOT/ops/kafka/kafka.sh" up > "$OUT/kafka.log" 2>&1

echo "== end to end (a real broker on $BOOTSTRAP)"
start=$(date +%s.%N)
"$BF" generate --seed 42 --travellers "$TRAVELLERS" --days "$DAYS" --start 2025-01-06 --out "$WORLD" > "$OUT/generate.log" 2>&1
end=$(date +%s.%N)
crossings=$(sed -n 's/.*"crossings.avro" *: *\([0-9]*\).*/\1/p' "$WORLD/manifest.json" | head -1)
awk -v n="$crossings" -v s="$start" -v e="$end" 'BEGIN { printf "generate  %d crossings in %.1f s wall (JVM start and file hashing included): %.0f crossings/s\n", n, e - s, n / (e - s) }'

# A fresh broker's first couple of million records run largely in its interpreter while its JIT compiles the produce
# path (1-2 CPU-seconds more broker work on this 2-core box), which would weigh on whichever side runs first. Round 1
# (replay, then the baseline) warms the broker for both; round 2 is the measurement. Round 1 is printed as well: it is
# what a first replay into a freshly started broker meets.
bytes=$(du -cb "$WORLD"/crossings.avro "$WORLD"/alerts.avro "$WORLD"/incidents.avro | tail -1 | cut -f1)
for round in 1 2; do
  "$BF" replay --in "$WORLD" --bootstrap "$BOOTSTRAP" --max --metrics-port 0 --no-progress \
      > "$OUT/replay-$round.log" 2>&1
  summary="$(grep '^replay: sent' "$OUT/replay-$round.log")"
  records=$(echo "$summary" | sed -n 's/^replay: sent \([0-9,]*\) .*/\1/p' | tr -d ,)
  replay_rate[round]=$(echo "$summary" | sed -n 's/.* \([0-9,]*\) events\/s$/\1/p' | tr -d ,)
  size=$(( bytes / records ))

  java -Xmx1g -cp "$ROOT/var/kafka/lib/*" org.apache.kafka.tools.ProducerPerformance \
      --topic ees.crossings --num-records "$records" --record-size "$size" --throughput -1 \
      --producer-props bootstrap.servers="$BOOTSTRAP" acks=all enable.idempotence=true compression.type=none \
          linger.ms=50 batch.size=1048576 buffer.memory=67108864 send.buffer.bytes=-1 max.request.size=4194304 \
          > "$OUT/producer-perf-$round.log" 2>&1
  raw_rate[round]=$(tail -1 "$OUT/producer-perf-$round.log" \
      | sed -n 's/^[0-9]* records sent, \([0-9.]*\) records\/sec.*/\1/p')
done
awk -v n="$records" -v z="$size" -v r="${replay_rate[2]}" -v b="${raw_rate[2]}" \
    -v r1="${replay_rate[1]}" -v b1="${raw_rate[1]}" 'BEGIN {
  printf "replay    --max %d events: %.0f events/s; baseline ProducerPerformance, %d records of %d B: %.0f records/s; ratio %.2f\n", n, r, n, z, b, r / b
  printf "          (round 1, into the fresh broker: %.0f events/s; baseline %.0f records/s; ratio %.2f)\n", r1, b1, r1 / b1 }'
