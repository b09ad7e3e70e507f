# Sourced by options.sh and cpu.sh: the workloads they share (docs/BENCHMARKS.md). Needs WORK and
# WORKLOAD set; `workload_setup NAME` sets `args` (the Maven arguments of the workload, output
# under $WORK/NAME-site...) and, for the rebuild, `data` (the corpus whose first phase is edited).
#   WORKLOAD: phase8 (data/quizzes, cache off), rebuild (one phase of a 1,000-phase corpus edited
#     before each run, cache on), or a number P (a cold build of a P-phase corpus, cache off)

if [ ! -f target/test-classes/io/github/gradproof/bench/CorpusGenerator.class ]; then
  mvn -B -q test-compile -Dinvoker.skip
fi

corpus() { # P: the corpus of P phases, made once
  local dir="$WORK/options-corpus-$1"
  [ -d "$dir" ] || java -cp target/test-classes io.github.gradproof.bench.CorpusGenerator "$dir" "$1" >/dev/null
  echo "$dir"
}

workload_setup() { # NAME: the prefix of the output and cache folders under $WORK
  local name=$1
  case "$WORKLOAD" in
    phase8) args=(-Dgradproof.cache=false -Dgradproof.output="$WORK/$name-site") ;;
    rebuild)
      data=$(corpus 1000)
      args=(-Dgradproof.data="$data" -Dgradproof.output="$WORK/$name-site-rebuild"
        -Dgradproof.cacheDir="$WORK/$name-cache-rebuild")
      mvn -B -o -q site:generate "${args[@]}" >/dev/null # fills the cache and the output
      ;;
    *[!0-9]* | '') echo "$name.sh: unknown workload '$WORKLOAD'" >&2; exit 2 ;;
    *) args=(-Dgradproof.data="$(corpus "$WORKLOAD")" -Dgradproof.cache=false -Dgradproof.output="$WORK/$name-site") ;;
  esac
}

# Before a rebuild run: a different title each time (TAG), so the phase is verified and rendered
# again and the index changes.
edit_rebuild_phase() { # TAG
  sed -i "s/Benchmark\( (edited [^)]*)\)\?\"/Benchmark (edited $1)\"/" "$data/phase-01-bench-1.yaml"
}

# Before a cold run: start from no output.
clear_cold_output() { # NAME
  [ "$WORKLOAD" = rebuild ] || rm -rf "$WORK/$1-site"
}
