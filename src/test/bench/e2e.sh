#!/usr/bin/env bash
# End-to-end benchmark of docs/BENCHMARKS.md: wall time and peak RSS of `mvn site:generate` on
# synthetic corpora of P phases (5 questions each, both languages), and, when `hugo` is on the
# PATH, of Hugo on an equivalent Markdown corpus, runs interleaved so both see the same machine.
#
# usage (from the project folder, after `mvn install`):
#   src/test/bench/e2e.sh [SIZES=100,1000,5000] [RUNS=5]
# environment: WORK (default /tmp/gradproof-bench), MVN_ARGS (extra Maven arguments, e.g.
#   -Dmaven.repo.local=...), HUGO=0 to skip Hugo.
set -euo pipefail
SIZES=${1:-100,1000,5000}
RUNS=${2:-5}
WORK=${WORK:-/tmp/gradproof-bench}
MVN_ARGS=${MVN_ARGS:-}
mkdir -p "$WORK"

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
maximum() { sort -g | tail -1; }

have_hugo=0
if [ "${HUGO:-1}" != 0 ] && command -v hugo >/dev/null; then have_hugo=1; fi

echo "| P | pages | gradproof wall s (median) | gradproof peak RSS MB (max) | hugo wall s (median) | hugo peak RSS MB (max) | wall ratio gradproof/hugo |"
echo "|---|---|---|---|---|---|---|"
for P in ${SIZES//,/ }; do
  corpus="$WORK/corpus-$P"
  if [ ! -d "$corpus" ] || [ "$(ls "$corpus" | wc -l)" != "$P" ]; then
    rm -rf "$corpus"
    java -cp target/test-classes io.github.gradproof.bench.CorpusGenerator "$corpus" "$P" >/dev/null
  fi
  if [ "$have_hugo" = 1 ] && [ ! -d "$WORK/hugo-$P/content" ]; then
    java -cp target/test-classes io.github.gradproof.bench.HugoCorpusGenerator "$WORK/hugo-$P" "$P" >/dev/null
  fi
  : > "$WORK/g-wall"; : > "$WORK/g-rss"; : > "$WORK/h-wall"; : > "$WORK/h-rss"
  for r in $(seq "$RUNS"); do
    rm -rf "$WORK/site-$P"
    /usr/bin/time -f "%e %M" -o "$WORK/time" mvn -B -o -q $MVN_ARGS site:generate \
      -Dgradproof.data="$corpus" -Dgradproof.output="$WORK/site-$P" -Dgradproof.cache=false >"$WORK/mvn.log" 2>&1 \
      || { cat "$WORK/mvn.log"; exit 1; }
    read -r wall rss < "$WORK/time"; echo "$wall" >> "$WORK/g-wall"; echo "$rss" >> "$WORK/g-rss"
    if [ "$have_hugo" = 1 ]; then
      rm -rf "$WORK/hugo-$P/public" "$WORK/hugo-$P/resources"
      /usr/bin/time -f "%e %M" -o "$WORK/time" hugo --quiet -s "$WORK/hugo-$P" >/dev/null 2>&1
      read -r wall rss < "$WORK/time"; echo "$wall" >> "$WORK/h-wall"; echo "$rss" >> "$WORK/h-rss"
    fi
  done
  gw=$(median < "$WORK/g-wall"); gr=$(( $(maximum < "$WORK/g-rss") / 1024 ))
  if [ "$have_hugo" = 1 ]; then
    hw=$(median < "$WORK/h-wall"); hr=$(( $(maximum < "$WORK/h-rss") / 1024 ))
    ratio=$(awk -v g="$gw" -v h="$hw" 'BEGIN {printf "%.2f", g / h}')
  else
    hw="—"; hr="—"; ratio="—"
  fi
  echo "| $P | $((2 * P + 3)) | $gw | $gr | $hw | $hr | $ratio |"
  echo "  gradproof walls: $(tr '\n' ' ' < "$WORK/g-wall")  hugo walls: $(tr '\n' ' ' < "$WORK/h-wall")" >&2
done
