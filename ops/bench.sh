#!/usr/bin/env bash
# ops/borderflow bench: JMH microbenchmarks of every module that has them, plus the end-to-end benchmarks,
# each reported as a ratio against a baseline measured in the same run (results in var/bench/).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/var/bench"

usage() {
  cat <<'USAGE'
Usage: ops/borderflow bench [--quick] [--only REGEX]
       ops/borderflow bench job [--crossings N] [--travellers M] [--state heap|rocksdb] [--parallelism P]
                                [--source kafka|files] [--profile] [--no-latency] (--help: every option)

  --quick        fewer and shorter iterations (a smoke run; wide error bars)
  --only REGEX   only the benchmarks whose name matches REGEX (e2e: the end-to-end ones)
Runs the JMH benchmarks of domain, seeds, ops/tools and jobs/risk-flags, then the end-to-end benchmarks
(ops/bench/e2e.sh: generate into files, replay --max into a local broker), and prints every figure with its ratio to the
baseline measured in the same run. Raw JMH results: var/bench/<module>.json.
USAGE
}

if [[ "${1:-}" == job ]]; then
  # The whole risk job against its passthrough baseline (BenchJobCommand): a bigger heap for a million travellers'
  # heap state, and exact execution samples for --profile.
  shift
  export BORDERFLOW_HEAP="${BORDERFLOW_HEAP:-6g}"
  export BORDERFLOW_JAVA_OPTS="${BORDERFLOW_JAVA_OPTS:-} -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints"
  exec "$ROOT/ops/borderflow" bench-job "$@"
fi

QUICK=0 ONLY="."
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) QUICK=1; shift ;;
    --only) [[ $# -ge 2 ]] || { echo "bench: --only needs a REGEX (see --help)" >&2; exit 2; }; ONLY="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

"$ROOT/ops/borderflow" build
mkdir -p "$OUT"
if [[ $QUICK == 1 ]]; then JMH_ARGS=(-f 1 -wi 1 -i 2 -w 1s -r 1s); else JMH_ARGS=(-f 1 -wi 3 -i 5 -w 2s -r 3s); fi

reports=()
MODULES=(domain seeds ops/tools jobs/risk-flags)
for module in "${MODULES[@]}"; do
  dir="$ROOT/$module"
  [[ -f "$dir/target/test-classes/META-INF/BenchmarkList" ]] || continue
  name="${module//\//-}"
  # Only this module's benchmarks: a module's test classpath can carry another module's (seeds' test jar).
  package="$(cd "$dir/target/test-classes" && find eu -name '*Benchmark.class' | head -1 | cut -d/ -f1-3 | tr / .)"
  grep -qE "${package}\..*${ONLY}" "$dir/target/test-classes/META-INF/BenchmarkList" || continue
  cp_file="$dir/target/bench-classpath.txt"
  (cd "$ROOT" && mvn -B -q -o -pl "$module" dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$cp_file" >/dev/null)
  # The generator's and replayer's targets are per core: seeds' benchmarks run pinned to one core, which the
  # benchmark thread shares with the JVM's GC and JIT threads.
  # Sharing one core, the JIT takes longer to settle: those runs warm up longer.
  pin=() args=("${JMH_ARGS[@]}")
  if [[ "$module" == seeds || "$module" == ops/tools ]] && command -v taskset > /dev/null; then
    pin=(taskset -c 0)
    [[ $QUICK == 1 ]] || args=(-f 1 -wi 8 -i 5 -w 3s -r 3s)
  fi
  echo "== JMH: $module${pin:+ (pinned to one core)}"
  "${pin[@]}" java -Xmx1g -cp "$dir/target/test-classes:$dir/target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main \
      "${args[@]}" -rf json -rff "$OUT/$name.json" "^${package}\..*${ONLY}" > "$OUT/$name.log" 2>&1 \
      || { echo "bench: JMH failed for $module, see $OUT/$name.log" >&2; exit 1; }
  reports+=("$OUT/$name.json")
done

e2e=0
[[ "$ONLY" == "." || "e2e" =~ $ONLY ]] && e2e=1
if [[ ${#reports[@]} == 0 && $e2e == 0 ]]; then
  names="$(for module in "${MODULES[@]}"; do cat "$ROOT/$module/target/test-classes/META-INF/BenchmarkList"; done 2>/dev/null \
    | grep -oE 'eu\.borderflow\.[A-Za-z.]*Benchmark\b' | sed 's/.*\.//' | sort -u | paste -sd' ')"
  echo "bench: no benchmark matches --only $ONLY; the benchmarks: $names, e2e" >&2
  exit 2
fi

JACKSON_CP="$(tr ':' '\n' < "$ROOT/ops/launcher/target/classpath.txt" | grep -E 'jackson-(databind|core|annotations)-' | paste -sd:)"
echo "== results (ratio > 1: faster than the same-run baseline)"
java -cp "$JACKSON_CP" "$ROOT/ops/bench/BenchReport.java" "${reports[@]}" | tee "$OUT/summary.txt"

if [[ $e2e == 1 ]]; then
  "$ROOT/ops/bench/e2e.sh" $([[ $QUICK == 1 ]] && echo --quick) | tee -a "$OUT/summary.txt"
fi
