#!/usr/bin/env bash
# Where a cold build's CPU goes (docs/BENCHMARKS.md): runs Maven's bare start
# (`mvn site:generate -Dgradproof.skip=true`) and a workload alternately under `perf record`, with
# the JVM writing a map of its compiled code at exit (-XX:+DumpPerfMapAtExit), and splits each
# run's CPU time by thread and by what the thread was doing:
#   threads: main (Maven's and the plugin's main thread), workers (gradproof's worker threads),
#     C1 (the compiler threads), GC (the VM thread, which runs the serial collector's pauses),
#     other (the launcher script and the JVM's other threads);
#   kinds: interpreted Java, compiled Java (code in the JVM's code cache other than the
#     interpreter: compiled methods, stubs, adapters), the JVM's own code (class loading and
#     linking, runtime calls, the compiler, the collector), kernel, other libraries (libc, zlib).
# Prints the median of each cell over the runs for the bare start and for the workload, and their
# difference: what the plugin's part costs, and which part of it is the JVM warming up rather
# than the build's own work.
#
# usage (from the project folder, after `mvn install`): src/test/bench/cpu.sh WORKLOAD [RUNS=5]
#   WORKLOAD: phase8 (data/quizzes, cache off), rebuild (one phase of a 1,000-phase corpus edited
#     before each run, cache on), or a number P (a cold build of a P-phase corpus, cache off)
# environment: WORK (default /tmp/gradproof-bench), as options.sh. Needs `perf` (Debian's
#   linux-perf) and permission to sample (root, or kernel.perf_event_paranoid <= 1).
set -euo pipefail
WORKLOAD=${1:?usage: src/test/bench/cpu.sh phase8|rebuild|P [RUNS=5]}
RUNS=${2:-5}
WORK=${WORK:-/tmp/gradproof-bench}
command -v perf >/dev/null || { echo "cpu.sh: needs perf (apt-get install linux-perf)" >&2; exit 2; }
mkdir -p "$WORK"
. "$(dirname "$0")/workload.sh"
workload_setup cpu

echo "commit $(git rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC'), workload $WORKLOAD, $RUNS runs each"
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')),\
 load average $(cut -d' ' -f1-3 /proc/loadavg); .mvn/jvm.config: $(tr '\n' ' ' < .mvn/jvm.config)"
results="$WORK/cpu-results"
: > "$results"
# One run under perf: appends "label thread kind milliseconds" lines to the results.
measure() { # label, Maven arguments...
  local label=$1
  shift
  rm -f /tmp/perf-*.map
  MAVEN_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit" \
    perf record -q -F 4999 -o "$WORK/cpu.data" -- mvn -B -o -q site:generate "$@" >"$WORK/mvn.log" 2>&1 \
    || { cat "$WORK/mvn.log"; exit 1; }
  # "comm period ip symbol (dso)", where a thread's name may hold spaces: split at the period.
  perf script -i "$WORK/cpu.data" -F comm,period,ip,sym,dso 2>/dev/null \
    | sed -E 's/^ *(.*[^ ]) +([0-9]+) +[0-9a-f]+ +(.*)$/\1|\2|\3/' | awk -F'|' -v label="$label" '
    NF == 3 {
      thread = $1 == "java" ? "main" : $1 ~ /^gradproof/ ? "workers" : $1 ~ /^C1 / ? "C1" \
        : $1 == "VM Thread" ? "GC" : "other"
      if ($3 ~ /^Interpreter /) kind = "interpreted"
      else if ($3 ~ /\[kernel/) kind = "kernel"
      else if ($3 ~ /libjvm\.so/) kind = "jvm"
      else if ($3 ~ /\[JIT\]|perf-[0-9]+\.map/) kind = "compiled"
      else kind = "libraries"
      ms[thread " " kind] += $2 / 1e6
      ms[thread " total"] += $2 / 1e6
      ms["all total"] += $2 / 1e6
    }
    END { for (k in ms) printf "%s %s %.1f\n", label, k, ms[k] }' >> "$results"
}
for r in $(seq "$RUNS"); do
  measure bare -Dgradproof.skip=true
  if [ "$WORKLOAD" = rebuild ]; then
    edit_rebuild_phase "cpu-$r"
  fi
  clear_cold_output cpu
  measure build "${args[@]}"
  echo "run $r: bare $(awk '$1 == "bare" && $2 == "all" { print $4 }' "$results" | tail -1) ms," \
    "build $(awk '$1 == "build" && $2 == "all" { print $4 }' "$results" | tail -1) ms of CPU"
done
rm -f "$WORK/cpu.data" /tmp/perf-*.map

echo
echo "CPU milliseconds, median of $RUNS runs (the medians of a thread's kinds need not add up to its total's)"
awk -v runs="$RUNS" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, ",")
    for (i = n + 1; i <= runs; i++) a[i] = 0 # a run without samples in a cell counts as 0
    n = runs
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  { cell[$1 " " $2 " " $3] = cell[$1 " " $2 " " $3] (cell[$1 " " $2 " " $3] == "" ? "" : ",") $4 }
  END {
    split("main workers C1 GC other all", threads, " ")
    split("total interpreted compiled jvm kernel libraries", kinds, " ")
    printf "%-8s %-12s %9s %9s %9s\n", "thread", "kind", "bare", "build", "build-bare"
    for (t = 1; t <= 6; t++) for (k = 1; k <= 6; k++) {
      key = threads[t] " " kinds[k]
      b = median(cell["bare " key]); w = median(cell["build " key])
      if (b >= 1 || w >= 1) printf "%-8s %-12s %9.0f %9.0f %+9.0f\n", threads[t], kinds[k], b, w, w - b
    }
  }' "$results"
