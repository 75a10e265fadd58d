#!/usr/bin/env bash
# The result cache on the Shop's `pr` selection, round by round (cold warm test-project library ...):
#
# - cold: `orchestrator run --cadence pr` with an empty result cache: everything runs and the passes are recorded;
# - warm: the same again with nothing changed: every pass is reused, no container starts;
# - test-project: after one test project (Shop.UnitTests) is changed and rebuilt: only its tests run;
# - library: after the Shop library is changed and rebuilt: every test that depends on it runs (all of the Shop's).
#
# A change is one line appended to a source file (a comment: the code is the same, the build output is not: the
# PDB's source checksum changes), then `dotnet build` of the Shop's test projects; the file is restored and the
# projects rebuilt before the next way. Builds are not measured. Each measured run records, beside its wall time and
# CPU-seconds, how many tests ran, how many were reused and the containers it started.
#
#   eng/bench/cache.sh [rounds=3] [--no-build]
#
# Results: artifacts/bench/cache/<stamp>/<way>/round-<n>/ and table.md (eng/bench/loop_analyze.py).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/loop-lib.sh"
bench_setup cache "usage: eng/bench/cache.sh [rounds] [--no-build]" "$@"

config=$(bench_workspace cache)
cache_dir="$(dirname "$config")/.orchestrator/cache/results"
slnf="$bench_repo/eng/bench/shop-tests.slnf"
unit_source="$bench_repo/samples/Shop/tests/Shop.UnitTests/Catalog/ProductJsonTests.cs"
library_source="$bench_repo/samples/Shop/src/Shop/Catalog/Product.cs"
for source in "$unit_source" "$library_source"; do
  [ -f "$source" ] || { echo "no $source: the benchmark changes it" >&2; exit 2; }
done

rebuild() { flock "$bench_lock" dotnet build "$slnf" -c Release -nologo -v q > /dev/null; }

# change <file>: appends a comment to the file and rebuilds; the trap restores it whatever happens.
change() {
  changed=$1
  cp "$changed" "$bench_out/original-$(basename "$changed")"
  printf '\n// benchmark change %s\n' "$(date -u +%s%N)" >> "$changed"
  rebuild
}
restore() {
  if [ -n "${changed:-}" ]; then
    cp "$bench_out/original-$(basename "$changed")" "$changed"
    changed=
    rebuild
  fi
}
changed=
trap restore EXIT
# The build output the rounds start from is the benchmark's own build (a build of the solution can differ from one of
# the solution filter in bytes, which would make the first change look bigger than it is).
rebuild

# figures <dir>: tests run and reused, from the run's run.json, into <dir>/figures.
figures() {
  python3 - "$1" <<'PY'
import json, sys
run = json.load(open(f"{sys.argv[1]}/results/run.json"))
ran = sum(len(u["expectedTests"]) for u in run["units"] if not u.get("cached"))
reused = sum(len(u["expectedTests"]) for u in run["units"] if u.get("cached"))
with open(f"{sys.argv[1]}/figures", "a", encoding="utf-8") as f:
    f.write(f"tests run={ran}\ntests reused={reused}\ncases passed={run['verdict']['passed']}\n")
PY
}

for round in $(seq 1 "$bench_rounds"); do
  for way in cold warm test-project library; do
    dir="$bench_out/$way/round-$round"
    case $way in
      cold) rm -rf "$cache_dir" ;;
      test-project) change "$unit_source" ;;
      library) change "$library_source" ;;
    esac
    rc=0
    bench_measure "$dir" dotnet "$bench_cli" run --cadence pr --config "$config" --results "$dir/results" || rc=$?
    restore
    bench_containers "$dir"
    figures "$dir"
    bench_log "$way round $round: exit $rc, $(bench_wall "$dir") s, $(grep -h 'tests run\|tests reused' "$dir/figures" | tr '\n' ' ')"
    (( rc == 0 )) || { echo "$way round $round failed (exit $rc): see $dir/output.log" >&2; exit 1; }
  done
done
echo "finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$bench_out/machine"
python3 "$bench_repo/eng/bench/loop_analyze.py" "$bench_out" cold warm test-project library
