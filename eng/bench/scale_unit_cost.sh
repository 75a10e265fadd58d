#!/usr/bin/env bash
# Where a unit's time goes: runs the unit-layer tests of a generated scale workspace (12 assemblies, the
# orchestrator's `unit-none` partition) as ONE `dotnet test` process the way the orchestrator starts a unit
# (TRX + live logger + blame hang collector), and the same without the blame hang collector, interleaved.
# Per-assembly cost = (wall − summed TRX durations) / assemblies. Build the workspace first with
# `dotnet run -c Release --project eng/bench/Orchestrator.Benchmarks -- scale <N>`.
#
#   eng/bench/scale_unit_cost.sh [N=500] [rounds=3]
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
n=${1:-500}
rounds=${2:-3}
workspace="$repo/artifacts/bench/scale/workspace-$n"
logger="$repo/artifacts/bin/Orchestrator.Cli/release/"
[ -d "$workspace/artifacts/bin" ] || { echo "no built workspace at $workspace: run the scale scenario for $n tests first" >&2; exit 2; }
mapfile -t dlls < <(ls "$workspace"/artifacts/bin/Scale.M*.UnitTests/release/Scale.M*.UnitTests.dll)
out="$repo/artifacts/bench/scale/unit-cost-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

trx_seconds() {
  python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
total = count = 0
for r in ET.parse(sys.argv[1]).getroot().iter(ns + "UnitTestResult"):
    h, m, s = r.get("duration").split(":")
    total += int(h) * 3600 + int(m) * 60 + float(s)
    count += 1
print(f"{count} {total:.2f}")
PY
}

run_variant() {
  local variant=$1 round=$2 dir="$out/$1-$2" extra=()
  [ "$variant" = blame ] && extra=(--blame-hang-timeout 300s --blame-hang-dump-type none)
  local start end
  start=$(date +%s.%N)
  dotnet test "${dlls[@]}" --results-directory "$dir" --logger "trx;LogFileName=unit.trx" \
    --test-adapter-path:"$logger" --logger "orchestrator;mode=run;path=$dir/live.jsonl" \
    "${extra[@]}" --filter Category=unit > "$dir.log" 2>&1
  end=$(date +%s.%N)
  read -r results test_seconds < <(trx_seconds "$dir/unit.trx")
  printf '%s %s %.2f %s %s %s %s\n' "$variant" "$round" "$(echo "$end - $start" | bc)" "$test_seconds" "$results" "${#dlls[@]}" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out/rounds.txt"
}

echo "variant round wall_s trx_test_s results assemblies load1" | tee "$out/rounds.txt"
for (( round = 1; round <= rounds; round++ )); do
  run_variant blame "$round"
  run_variant no-blame "$round"
done
python3 - "$out/rounds.txt" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1]).read().splitlines()[1:]]
for variant in ("blame", "no-blame"):
    mine = [r for r in rows if r[0] == variant]
    walls = [float(r[2]) for r in mine]
    per_assembly = [(float(r[2]) - float(r[3])) / int(r[5]) for r in mine]
    print(f"{variant:9} wall median {statistics.median(walls):6.1f} s (min {min(walls):.1f}, max {max(walls):.1f}); "
          f"(wall - test time) / assembly median {statistics.median(per_assembly):.2f} s")
PY
echo "results: $out"
