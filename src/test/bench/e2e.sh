#!/usr/bin/env bash
# End-to-end benchmark of docs/BENCHMARKS.md: gradproof against Hugo in one run.
#
# For each size P: builds the corpus of P phases (5 questions each, both languages, 2P + 3 HTML
# pages) and Hugo's equivalent Markdown site, then runs PAIRS alternating pairs (gradproof first in
# odd pairs, Hugo first in even ones, so neither always gets the warmer page cache): each
# gradproof run is `mvn site:generate` with the build cache off and no previous output, and is
# checked to have verified every question of every phase and written every page; each Hugo run
# starts from no output. A previous output is moved aside, not deleted, before a timed run, and
# every output moved aside is deleted when the script ends: on an ext4 file system without a
# journal (this project's benchmark machine) a file created within a minute or so of a deletion
# skips over the recently deleted inodes, so a build right after `rm -rf` of its previous output
# pays for the deletion too (docs/BENCHMARKS.md: 1.0-1.3 s more system time at 1,000 phases),
# which measures the file system, not the tool.
# Wall time and peak RSS come from /usr/bin/time (the same figures as
# `time -v`'s "Elapsed (wall clock)" and "Maximum resident set size"). Prints the commit, the
# machine, every run, the medians, the spread and the ratio of the medians.
#
# usage (from the project folder, after `mvn install`):
#   src/test/bench/e2e.sh [SIZES=5000] [PAIRS=3]
# environment: WORK (default /tmp/gradproof-bench), MVN_ARGS (extra Maven arguments, e.g.
#   -Dmaven.repo.local=...), HUGO=0 to run gradproof only.
# Hugo is taken from the PATH; when missing, and running as root, Debian's package is installed
# with apt-get (nothing else is downloaded).
set -euo pipefail
SIZES=${1:-5000}
PAIRS=${2:-3}
WORK=${WORK:-/tmp/gradproof-bench}
MVN_ARGS=${MVN_ARGS:-}
mkdir -p "$WORK"
trash="$WORK/trash"
rm -rf "$trash" # left by an interrupted run
mkdir -p "$trash"
trap 'rm -rf "$trash"' EXIT
set_aside() { # moves a previous output out of the way without deleting it (see above)
  if [ -e "$1" ]; then mv "$1" "$(mktemp -d "$trash/old.XXXXXX")/"; fi
}

if [ "$PAIRS" -lt 3 ] && [ "${HUGO:-1}" != 0 ]; then
  echo "e2e.sh: $PAIRS pairs give no honest median; use at least 3" >&2
  exit 2
fi
have_hugo=0
if [ "${HUGO:-1}" != 0 ]; then
  if ! command -v hugo >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -q hugo >/dev/null
  fi
  command -v hugo >/dev/null || { echo "e2e.sh: hugo is not on the PATH (apt-get install hugo, or HUGO=0)" >&2; exit 2; }
  have_hugo=1
fi
if [ ! -f target/test-classes/io/github/gradproof/bench/CorpusGenerator.class ]; then
  mvn -B -q $MVN_ARGS test-compile -Dinvoker.skip
fi

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
spread() { sort -g | awk 'NR==1{lo=$1} {hi=$1} END {print lo "–" hi}'; }
maximum() { sort -g | tail -1; }

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD 2>/dev/null || commit="$commit+changes"
echo "commit $commit, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), \
$(free -g | awk '/Mem:/ {print $2}') GiB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(java -version 2>&1 | head -1); $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')\
$( [ "$have_hugo" = 1 ] && echo "; $(hugo version | cut -d' ' -f1-2)")"
echo ".mvn/jvm.config: $(cat .mvn/jvm.config 2>/dev/null | tr '\n' ' ')"

run_gradproof() { # P corpus
  local P=$1 corpus=$2 site="$WORK/site-$1"
  set_aside "$site"
  /usr/bin/time -f "%e %M" -o "$WORK/time" mvn -B -o $MVN_ARGS site:generate \
    -Dgradproof.data="$corpus" -Dgradproof.output="$site" -Dgradproof.cache=false >"$WORK/mvn.log" 2>&1 \
    || { cat "$WORK/mvn.log"; exit 1; }
  local expected="gradproof: $P phases, $((5 * P)) questions and $((15 * P)) claims verified"
  grep -q "$expected" "$WORK/mvn.log" || { grep gradproof "$WORK/mvn.log"; echo "e2e.sh: expected '$expected'" >&2; exit 1; }
  local pages; pages=$(find "$site" -name '*.html' | wc -l)
  [ "$pages" = $((2 * P + 3)) ] || { echo "e2e.sh: $pages HTML pages, expected $((2 * P + 3))" >&2; exit 1; }
  read -r wall rss < "$WORK/time"; echo "$wall" >> "$WORK/g-wall"; echo "$rss" >> "$WORK/g-rss"
  echo "  gradproof: $wall s, $((rss / 1024)) MB" >&2
}

run_hugo() { # P
  local dir="$WORK/hugo-$1"
  set_aside "$dir/public"
  set_aside "$dir/resources"
  /usr/bin/time -f "%e %M" -o "$WORK/time" hugo --quiet -s "$dir" >/dev/null 2>"$WORK/hugo.log" \
    || { cat "$WORK/hugo.log"; exit 1; }
  read -r wall rss < "$WORK/time"; echo "$wall" >> "$WORK/h-wall"; echo "$rss" >> "$WORK/h-rss"
  echo "  hugo:      $wall s, $((rss / 1024)) MB" >&2
}

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
  for r in $(seq "$PAIRS"); do
    echo "P = $P, pair $r" >&2
    if [ "$have_hugo" = 1 ] && [ $((r % 2)) = 0 ]; then run_hugo "$P"; run_gradproof "$P" "$corpus"; continue; fi
    run_gradproof "$P" "$corpus"
    if [ "$have_hugo" = 1 ]; then run_hugo "$P"; fi
  done
  gw=$(median < "$WORK/g-wall"); gr=$(( $(maximum < "$WORK/g-rss") / 1024 ))
  echo
  echo "P = $P ($((2 * P + 3)) HTML pages), load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "  gradproof wall s: $(tr '\n' ' ' < "$WORK/g-wall")(median $gw, spread $(spread < "$WORK/g-wall")), peak RSS $gr MB"
  if [ "$have_hugo" = 1 ]; then
    hw=$(median < "$WORK/h-wall"); hr=$(( $(maximum < "$WORK/h-rss") / 1024 ))
    echo "  hugo wall s:      $(tr '\n' ' ' < "$WORK/h-wall")(median $hw, spread $(spread < "$WORK/h-wall")), peak RSS $hr MB"
    echo "  ratio of medians gradproof / hugo: $(awk -v g="$gw" -v h="$hw" 'BEGIN {printf "%.2f", g / h}');" \
      "per pair: $(paste -d' ' "$WORK/g-wall" "$WORK/h-wall" | awk '{printf "%.2f ", $1 / $2}')"
  fi
done
