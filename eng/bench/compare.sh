#!/usr/bin/env bash
# Compares three ways of running the Shop sample's `pr` selection (Category=Unit|Integration, every
# resource): a naive pipeline (all services up, one dotnet test), a container per test class
# (Testcontainers), and the orchestrator. The ways run interleaved (A B C A B C ...) so that the
# machine's load drifts over all of them alike. Every way writes TRX; the script fails when the three
# did not run the same tests with the same outcomes.
#
#   eng/bench/compare.sh [rounds=3] [--no-build]
#
# Results: artifacts/bench/compare/<stamp>/ (per way and round: TRX, events, samples; summary.json,
# table.md); docs/benchmarks.md is rewritten from the measured numbers.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
rounds=3
build=1
for arg in "$@"; do
  case $arg in
    --no-build) build=0 ;;
    ''|*[!0-9]*) echo "usage: eng/bench/compare.sh [rounds] [--no-build]" >&2; exit 2 ;;
    *) rounds=$arg ;;
  esac
done
(( rounds >= 1 )) || { echo "rounds must be at least 1" >&2; exit 2; }

log() { printf '[compare %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

cd "$repo"
if (( build )); then
  log "dotnet build Orchestrator.sln -c Release"
  dotnet build Orchestrator.sln -c Release -nologo -v q
fi

out="$repo/artifacts/bench/compare/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
filter="Category=Unit|Category=Integration"
slnf="$repo/eng/bench/shop-tests.slnf"
cli="$repo/artifacts/bin/Orchestrator.Cli/release/Orchestrator.Cli.dll"

# The orchestrator's workspace: the Shop-only configuration and copies of ONLY the Shop manifests (they
# hold absolute paths to the built assemblies). Its .orchestrator/ (timings, discovery cache) is kept
# across invocations, so the orchestrator runs warm as it would on a CI agent with a cache.
workspace="$repo/artifacts/bench/shop-workspace"
mkdir -p "$workspace/artifacts/orchestrator/manifests"
cp "$repo/eng/bench/shop.orchestrator.json" "$workspace/orchestrator.json"
rm -f "$workspace"/artifacts/orchestrator/manifests/*.json
cp "$repo"/artifacts/orchestrator/manifests/Shop.*.json "$workspace/artifacts/orchestrator/manifests/"
warm_timings=$([ -s "$workspace/.orchestrator/timings.json" ] && echo true || echo false)

# Samples the summed RSS (kB) of a process tree every 0.5 s until the root exits; prints the peak.
sample_rss() {
  local root=$1 peak=0 total pids rss
  while kill -0 "$root" 2>/dev/null; do
    pids=$(descendants "$root")
    total=0
    for pid in $pids; do
      rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      total=$(( total + ${rss:-0} ))
    done
    (( total > peak )) && peak=$total
    sleep 0.5
  done
  echo "$peak"
}
descendants() {
  local pid=$1 child
  echo "$pid"
  for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do
    descendants "$child"
  done
}

run_way() {
  local way=$1 round=$2 dir="$out/$1/round-$2"
  mkdir -p "$dir/trx"
  local start end rc=0
  start=$(date +%s.%N)
  cat /proc/loadavg > "$dir/loadavg-before"
  case $way in
    naive)
      "$repo/samples/Shop/run-with-services.sh" --exec \
        dotnet test "$slnf" --no-build -c Release --filter "$filter" \
        --logger trx --results-directory "$dir/trx" > "$dir/output.log" 2>&1 &
      ;;
    per-class)
      SHOP_CONTAINERS=per-class DOCKER_API_VERSION=1.41 TESTCONTAINERS_RYUK_DISABLED=true \
        dotnet test "$slnf" --no-build -c Release --filter "$filter" \
        --logger trx --results-directory "$dir/trx" > "$dir/output.log" 2>&1 &
      ;;
    orchestrator)
      dotnet "$cli" run --cadence pr --config "$workspace/orchestrator.json" \
        --results "$dir/results" > "$dir/output.log" 2>&1 &
      ;;
  esac
  local pid=$!
  sample_rss "$pid" > "$dir/peak-rss-kb" &
  local sampler=$!
  wait "$pid" || rc=$?
  wait "$sampler" || true
  end=$(date +%s.%N)
  cat /proc/loadavg > "$dir/loadavg-after"
  echo "$rc" > "$dir/exit-code"
  printf '%s %s\n' "$start" "$end" > "$dir/window"
  # Container lifetimes from the engine's own events, over the run's window (plus a second for
  # events stamped just after the process saw the container go).
  docker events --since "$start" --until "$(echo "$end + 1" | bc)" \
    --filter type=container --filter event=start --filter event=die --filter event=destroy \
    --format '{{json .}}' > "$dir/events.jsonl"
  log "$way round $round: exit $rc, $(echo "$end - $start" | bc) s"
}

log "results in $out; $rounds rounds; warm orchestrator timings at start: $warm_timings"
{ echo "nproc=$(nproc)"; free -b | awk '/^Mem:/ {print "mem_bytes=" $2}'; echo "warm_timings=$warm_timings";
  echo "rounds=$rounds"; echo "cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"; } > "$out/machine"
for (( round = 1; round <= rounds; round++ )); do
  for way in naive per-class orchestrator; do
    run_way "$way" "$round"
  done
done

python3 "$repo/eng/bench/compare_analyze.py" "$out" "$repo/docs/benchmarks.md"
