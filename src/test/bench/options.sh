#!/usr/bin/env bash
# JVM options side by side (docs/BENCHMARKS.md): the same `mvn site:generate` under two or more
# sets of extra JVM options (MAVEN_OPTS, which come after .mvn/jvm.config's and so win),
# alternating set by set in every round, so that each set sees the same minutes of a machine
# whose speed drifts. Prints every run (wall seconds, peak RSS), and per set the median, the
# spread and the peak; for Phase 8, also Maven's bare start under the same set and the ratio of
# the medians (the cold-start target of issue 17); for the rebuild, also Maven's bare start and
# the plugin's part (the difference of the medians), which drifts less than the wall time.
#
# usage (from the project folder, after `mvn install`):
#   src/test/bench/options.sh WORKLOAD ROUNDS "OPTIONS_1" "OPTIONS_2" ...
#   WORKLOAD: phase8 (data/quizzes, cache off, against -Dgradproof.skip=true), rebuild (one phase
#     of a 1,000-phase corpus edited before each run, cache on), or a number P (a cold build of a
#     P-phase corpus, cache off). An empty string is the project's own options.
# example: src/test/bench/options.sh phase8 8 "" "-Xms48m"
# environment: WORK (default /tmp/gradproof-bench), as e2e.sh and incremental.sh.
set -euo pipefail
WORKLOAD=${1:?usage: src/test/bench/options.sh phase8|rebuild|P ROUNDS OPTIONS...}
ROUNDS=${2:?usage: src/test/bench/options.sh phase8|rebuild|P ROUNDS OPTIONS...}
shift 2
[ $# -ge 2 ] || { echo "options.sh: give at least two sets of options (\"\" is the project's own)" >&2; exit 2; }
WORK=${WORK:-/tmp/gradproof-bench}
mkdir -p "$WORK"
echo "commit $(git rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC'), workload $WORKLOAD, $ROUNDS rounds"
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')),\
 load average $(cut -d' ' -f1-3 /proc/loadavg); .mvn/jvm.config: $(tr '\n' ' ' < .mvn/jvm.config)"

. "$(dirname "$0")/workload.sh"
workload_setup options

results="$WORK/options-results"
: > "$results"
run() { # label, options, Maven arguments...
  local label=$1 options=$2
  shift 2
  clear_cold_output options
  MAVEN_OPTS="$options" /usr/bin/time -f "%e %M" -o "$WORK/time" mvn -B -o -q site:generate "$@" \
    >"$WORK/mvn.log" 2>&1 || { cat "$WORK/mvn.log"; exit 1; }
  read -r wall rss < "$WORK/time"
  echo "$label $wall $((rss / 1024))" | tee -a "$results"
}
for r in $(seq "$ROUNDS"); do
  set_no=0
  for options in "$@"; do
    set_no=$((set_no + 1))
    if [ "$WORKLOAD" = phase8 ] || [ "$WORKLOAD" = rebuild ]; then
      run "skip-$set_no" "$options" -Dgradproof.skip=true
    fi
    if [ "$WORKLOAD" = rebuild ]; then
      edit_rebuild_phase "$r-$set_no"
    fi
    run "build-$set_no" "$options" "${args[@]}"
  done
done

echo
set_no=0
for options in "$@"; do
  set_no=$((set_no + 1))
  shown=${options:-"(the project's own)"}
  awk -v set="$set_no" -v options="$shown" -v workload="$WORKLOAD" '
    function median(a, n,   i, j, t) {
      for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    $1 == "build-" set { b[++nb] = $2; if ($3 > rss) rss = $3; if (!lo || $2 < lo) lo = $2; if ($2 > hi) hi = $2 }
    $1 == "skip-" set { s[++ns] = $2 }
    END {
      mb = median(b, nb)
      printf "set %d %s: median %.2f s (%.2f–%.2f), peak RSS %d MB", set, options, mb, lo, hi, rss
      if (ns) ms = median(s, ns)
      if (workload == "phase8") printf "; bare start %.2f s, ratio %.3f", ms, mb / ms
      if (workload == "rebuild") printf "; bare start %.2f s, the plugin'"'"'s part %.2f s", ms, mb - ms
      printf "\n"
    }' "$results"
done
