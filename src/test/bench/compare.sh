#!/usr/bin/env bash
# Side by side (docs/BENCHMARKS.md): `mvn site:generate` with the plugin built from commit OLD
# against the plugin built from this checkout, alternating build by build, so that both see the
# same minutes of a machine whose speed drifts. Each runs from its own checkout, with its own
# `.mvn/jvm.config`, class-data-sharing archive and local repository (a copy of ~/.m2/repository
# made once), on the same corpus of P phases with the build cache off. Prints every run (wall and
# user CPU seconds, peak RSS, and the plugin's own time from its summary line), the medians and the
# pairs in which the new plugin was faster, and checks that the two outputs are byte for byte the
# same (`diff -r`).
#
# usage (from the project folder): src/test/bench/compare.sh OLD [P=1000] [ROUNDS=4]
#   OLD: a commit, tag or branch; P: phases of the corpus, or "data" for data/quizzes (Phase 8), or
#   "rebuild": one phase edited of 1,000 before each pair, the build cache on (each plugin fills its
#   own cache and output once, untimed, then rebuilds them)
# environment: WORK (default /tmp/gradproof-compare). The old checkout is a git worktree in WORK
#   (`git worktree remove` it when done).
set -euo pipefail
OLD=${1:?usage: src/test/bench/compare.sh OLD [P=1000] [ROUNDS=4]}
P=${2:-1000}
ROUNDS=${3:-4}
mode=cold
if [ "$P" = rebuild ]; then mode=rebuild; P=1000; fi
WORK=${WORK:-/tmp/gradproof-compare}
here=$(pwd)
mkdir -p "$WORK"
old_commit=$(git rev-parse --short "$OLD")
new_commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD || new_commit="$new_commit+changes"

repo_old="$WORK/m2-old"
[ -d "$repo_old" ] || cp -r "$HOME/.m2/repository" "$repo_old"
tree_old="$WORK/old-$old_commit"
if [ ! -d "$tree_old" ]; then
  git worktree add -f --detach "$tree_old" "$OLD" >/dev/null 2>&1
fi
install() { # dir, extra Maven arguments...
  local dir=$1; shift
  (cd "$dir" && mvn -B -o -q install -DskipTests -Dinvoker.test=cds-archive "$@" >"$WORK/install.log" 2>&1) \
    || { cat "$WORK/install.log"; exit 1; }
}
install "$tree_old" -Dmaven.repo.local="$repo_old"
install "$here"
[ -f target/test-classes/io/github/gradproof/bench/CorpusGenerator.class ] || mvn -B -o -q test-compile -Dinvoker.skip

if [ "$P" = data ]; then
  # A copy outside both checkouts: a page shows its quiz file's path relative to the project's
  # folder when it is inside, so the two builds would otherwise differ in that line alone.
  corpus="$WORK/corpus-data"
  rm -rf "$corpus"
  cp -r "$here/data/quizzes" "$corpus"
else
  corpus="$WORK/corpus-$P"
  [ "$mode" = cold ] || corpus="$WORK/corpus-$P-edited" # kept apart: its first file changes
  if [ ! -d "$corpus" ] || [ "$(ls "$corpus" | wc -l)" != "$P" ]; then
    rm -rf "$corpus"
    java -cp target/test-classes io.github.gradproof.bench.CorpusGenerator "$corpus" "$P" >/dev/null
  fi
fi

echo "old $old_commit against new $new_commit, corpus $P ($mode), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), \
load average $(cut -d' ' -f1-3 /proc/loadavg)"
: > "$WORK/runs"
run() { # old|new
  local dir=$here args=()
  if [ "$1" = old ]; then dir=$tree_old; args=(-Dmaven.repo.local="$repo_old"); fi
  if [ "$mode" = rebuild ]; then
    args+=(-Dgradproof.cacheDir="$WORK/cache-$1")
  else
    rm -rf "$WORK/site-$1"
    args+=(-Dgradproof.cache=false)
  fi
  # -q with the plugin's own logger at info: the one line the build prints is the plugin's summary,
  # whose time ("in X s") leaves out Maven's start, the noisiest part of a small build's wall time.
  (cd "$dir" && /usr/bin/time -f "%e %U %M" -o "$WORK/time" mvn -B -o -q "${args[@]}" site:generate \
    -Dorg.slf4j.simpleLogger.log.io.github.gradproof=info \
    -Dgradproof.data="$corpus" -Dgradproof.output="$WORK/site-$1" >"$WORK/mvn.log" 2>&1) \
    || { cat "$WORK/mvn.log"; exit 1; }
  read -r wall user rss < "$WORK/time"
  own=$(grep -o 'written to .* in [0-9.]* s' "$WORK/mvn.log" | tail -1 | sed 's/.* in \([0-9.]*\) s$/\1/')
  echo "$1 $wall $user $rss ${own:--}" >> "$WORK/runs"
  echo "  $1: $wall s wall, $user s user CPU, $((rss / 1024)) MB, the plugin's own ${own:--} s"
}
if [ "$mode" = rebuild ]; then
  rm -rf "$WORK/site-old" "$WORK/site-new" "$WORK/cache-old" "$WORK/cache-new"
  run old >/dev/null
  run new >/dev/null
  : > "$WORK/runs"
fi
for r in $(seq "$ROUNDS"); do
  if [ "$mode" = rebuild ]; then
    # A different title each round, and in each series (the process id): the phase is verified and
    # rendered again, and the index changes, even when an earlier series left the same round's title.
    sed -i "s/Benchmark\( (edited [^)]*)\)\?\"/Benchmark (edited $$-$r)\"/" "$corpus/phase-01-bench-1.yaml"
  fi
  if [ $((r % 2)) = 1 ]; then run old; run new; else run new; run old; fi
done
python3 - "$WORK/runs" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
for v in ("old", "new"):
    wall = [float(r[1]) for r in rows if r[0] == v]
    user = [float(r[2]) for r in rows if r[0] == v]
    print(f"{v}: wall median {statistics.median(wall):.2f} s (spread {min(wall):.2f}-{max(wall):.2f}), "
          f"user CPU median {statistics.median(user):.2f} s")
old = [float(r[1]) for r in rows if r[0] == "old"]
new = [float(r[1]) for r in rows if r[0] == "new"]
print(f"new faster in {sum(n < o for o, n in zip(old, new))} of {len(new)} pairs")
own = {v: [float(r[4]) for r in rows if r[0] == v and r[4] != "-"] for v in ("old", "new")}
if len(own["old"]) == len(old) and len(own["new"]) == len(new):
    print(f"the plugin's own time (its summary line, without Maven's start): old median "
          f"{statistics.median(own['old']):.3f} s, new {statistics.median(own['new']):.3f} s, new faster in "
          f"{sum(n < o for o, n in zip(own['old'], own['new']))} of {len(new)} pairs")
PY
if diff -r "$WORK/site-old" "$WORK/site-new" >/dev/null; then
  echo "outputs: byte for byte the same"
else
  echo "outputs: DIFFERENT (diff -r $WORK/site-old $WORK/site-new)"
  exit 1
fi
