#!/usr/bin/env bash
# Incremental builds end to end (docs/BENCHMARKS.md): `mvn site:generate` with the build cache on,
# on a corpus of P phases: a cold build (empty cache), a rebuild with nothing changed, and
# rebuilds after editing one phase file. Also Phase 8 alone against Maven's bare start-up.
#
# usage (from the project folder, after `mvn install`): src/test/bench/incremental.sh [P=1000] [RUNS=3]
# environment: WORK (default /tmp/gradproof-bench), MVN_ARGS (extra Maven arguments).
set -euo pipefail
P=${1:-1000}
RUNS=${2:-3}
WORK=${WORK:-/tmp/gradproof-bench}
MVN_ARGS=${MVN_ARGS:-}
corpus="$WORK/inc-corpus-$P"
cache="$WORK/inc-cache-$P"
rm -rf "$corpus" "$cache" "$WORK/inc-site-$P"
java -cp target/test-classes io.github.gradproof.bench.CorpusGenerator "$corpus" "$P" >/dev/null

run() { # label, extra args...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time" mvn -B -o -q $MVN_ARGS site:generate "$@" >"$WORK/mvn.log" 2>&1 \
    || { cat "$WORK/mvn.log"; exit 1; }
  read -r wall rss < "$WORK/time"
  echo "| $label | $wall | $((rss / 1024)) |"
}
site=(-Dgradproof.data="$corpus" -Dgradproof.output="$WORK/inc-site-$P" -Dgradproof.cacheDir="$cache")
echo "| build ($P phases, cache on) | wall s | peak RSS MB |"
echo "|---|---|---|"
run "cold (empty cache)" "${site[@]}"
for r in $(seq "$RUNS"); do run "nothing changed" "${site[@]}"; done
for r in $(seq "$RUNS"); do
  file="$corpus/$(printf 'phase-%02d-bench-%d.yaml' "$r" "$r")"
  sed -i 's/Benchmark"/Benchmark (edited)"/' "$file"
  run "one phase edited" "${site[@]}"
done
for r in $(seq "$RUNS"); do run "Phase 8 alone (data/quizzes, no cache)" -Dgradproof.output="$WORK/p8-site" -Dgradproof.cache=false; done
for r in $(seq "$RUNS"); do run "Maven start-up only (-Dgradproof.skip=true)" -Dgradproof.skip=true; done
