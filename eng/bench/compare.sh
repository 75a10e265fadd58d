#!/usr/bin/env bash
# Compares ways of running two sample suites, interleaved round by round (A B C D E A B C D E ...) so
# that the machine's drifting load falls on all of them alike:
#
# - shop: the Shop sample's `pr` selection (Category=Unit|Integration, every resource): a naive pipeline
#   (all services up, one dotnet test), a container per test class (Testcontainers), the orchestrator.
# - ledger: the Ledger sample (untagged, not isolated per test, classified by rules): the projects one
#   after another on one database (samples/Ledger/run-serial.sh, how a team has to run it), and the
#   orchestrator with a partition per resource set, in parallel, each on its own namespaces.
# - shop also runs orchestrator-console: the orchestrator with "execution": { "sharedVsTestConsole": true }, its VSTest
#   units on long-lived vstest.consoles instead of a dotnet test each (same configuration otherwise).
#
# Every way writes TRX; the script fails when the ways of a suite did not run the same tests with the
# same outcomes, or when a way failed. Each way's command runs under eng/bench/measure.py (wall time and
# user + system CPU of its whole process tree); eng/bench/sample.py records every 0.5 s the tree's RSS and
# its processes' CPU, the 1-minute load average and every container's cgroup CPU counter (containers are
# reported apart from the tree).
#
# --busy keeps one core busy for the whole of every way's measurement, alike for each way: a CPU burner (one
# process spinning, with its own deadline) starts just before the way's command and is killed when it exits,
# and on every exit path of the script. It is not under measure.py, so its CPU is in no way's figures; its own
# CPU-s per way are recorded in busy-cpu-s, and the results are written to the busy sections of the document.
#
#   eng/bench/compare.sh [rounds=3] [--no-build] [--suites shop,ledger] [--no-doc] [--busy]
#
# Results: artifacts/bench/compare/<stamp>/<suite>/<way>/round-<n>/ (output, TRX, docker events,
# samples, cpu.json, the orchestrator's results) and summary.json, table.md; docs/benchmarks.md is
# rewritten from the measured numbers (unless --no-doc).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
rounds=3
build=1
doc="$repo/docs/benchmarks.md"
suites="shop,ledger"
busy=0
usage="usage: eng/bench/compare.sh [rounds] [--no-build] [--suites shop,ledger] [--no-doc] [--busy]"
while (( $# )); do
  case $1 in
    --no-build) build=0 ;;
    --busy) busy=1 ;;
    --no-doc) doc= ;;
    --suites) shift; suites=${1:?$usage} ;;
    --suites=*) suites=${1#--suites=} ;;
    ''|*[!0-9]*) echo "$usage" >&2; exit 2 ;;
    *) rounds=$1 ;;
  esac
  shift
done
(( rounds >= 1 )) || { echo "rounds must be at least 1" >&2; exit 2; }
ways=()
for suite in ${suites//,/ }; do
  case $suite in
    shop) ways+=(shop/naive shop/per-class shop/orchestrator shop/orchestrator-console) ;;
    ledger) ways+=(ledger/naive-serial ledger/orchestrator) ;;
    *) echo "unknown suite '$suite' (shop, ledger)" >&2; exit 2 ;;
  esac
done

log() { printf '[compare %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

cd "$repo"
if (( build )); then
  log "dotnet build Orchestrator.sln -c Release"
  dotnet build Orchestrator.sln -c Release -nologo -v q
fi

# MSBuild nodes kept for reuse would outlive the way that started them (their CPU lost to the figures)
# and could serve the next way's build requests (its CPU charged to nobody): every way starts fresh.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

out="$repo/artifacts/bench/compare/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
filter="Category=Unit|Category=Integration"
slnf="$repo/eng/bench/shop-tests.slnf"
cli="$repo/artifacts/bin/Orchestrator.Cli/release/Orchestrator.Cli.dll"
[ -f "$cli" ] || { echo "no built CLI at $cli: build first (without --no-build)" >&2; exit 2; }

# The orchestrator's workspaces: a suite's own configuration and copies of ONLY that suite's manifests
# (they hold absolute paths to the built assemblies). Their .orchestrator/ (timings, discovery cache) is
# kept across invocations, so the orchestrator runs warm as it would on a CI agent with a cache.
# prepare_workspace <suite> <manifest prefix> [<workspace name> <JSON object merged over the suite's configuration>]
prepare_workspace() {
  local suite=$1 prefix=$2 name=${3:-$1} patch=${4:-}
  local workspace="$repo/artifacts/bench/$name-workspace"
  [ -n "$patch" ] || patch='{}'
  mkdir -p "$workspace/artifacts/orchestrator/manifests"
  python3 -c 'import json, sys; c = json.load(open(sys.argv[1])); c.update(json.loads(sys.argv[2])); json.dump(c, open(sys.argv[3], "w"), indent=2)' \
    "$repo/eng/bench/$suite.orchestrator.json" "$patch" "$workspace/orchestrator.json"
  cp "$workspace/orchestrator.json" "$out/$name.orchestrator.json"
  rm -f "$workspace"/artifacts/orchestrator/manifests/*.json
  compgen -G "$repo/artifacts/orchestrator/manifests/$prefix.*.json" >/dev/null \
    || { echo "no $prefix.* manifests under artifacts/orchestrator/manifests: build first" >&2; exit 2; }
  cp "$repo"/artifacts/orchestrator/manifests/"$prefix".*.json "$workspace/artifacts/orchestrator/manifests/"
  [ -s "$workspace/.orchestrator/timings.json" ] && echo true || echo false
}
warm_shop=$(prepare_workspace shop Shop)
prepare_workspace shop Shop shop-console '{"execution": {"sharedVsTestConsole": true}}' > /dev/null
warm_ledger=$(prepare_workspace ledger Ledger)

cgroups=/sys/fs/cgroup/cpuacct/docker
# Every container's cgroup v1 CPU counter (ns), "<full id> <usage>" per line.
container_cpu() {
  local f id v
  for f in "$cgroups"/*/cpuacct.usage; do
    [ -e "$f" ] || continue
    id=${f%/cpuacct.usage}
    read -r v < "$f" 2>/dev/null || continue
    printf '%s %s\n' "${id##*/}" "$v"
  done
}

# The burner of --busy: one process spinning on one core until it is killed or its deadline passes, so a way
# that hangs or a script killed hard cannot leave it spinning for long.
burner=
burner_deadline_s=900
start_burner() {
  python3 -c 'import sys, time
deadline = time.monotonic() + float(sys.argv[1])
while time.monotonic() < deadline:
    pass' "$burner_deadline_s" &
  burner=$!
}
# stop_burner [<file>]: kills the burner, writing the CPU-s it used (user + system) into <file> first.
stop_burner() {
  [ -n "$burner" ] || return 0
  if [ -n "${1:-}" ]; then
    awk -v ticks="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); printf "%.2f\n", ($12 + $13) / ticks }' \
      "/proc/$burner/stat" > "$1" 2>/dev/null || true
  fi
  kill "$burner" 2>/dev/null || true
  { wait "$burner"; } 2>/dev/null || true
  burner=
}
trap stop_burner EXIT
trap 'stop_burner; exit 130' INT
trap 'stop_burner; exit 143' TERM

run_way() {
  local suite=${1%/*} way=${1#*/} round=$2 dir="$out/$1/round-$2"
  mkdir -p "$dir/trx"
  local start end rc=0 command
  case $1 in
    shop/naive)
      command=("$repo/samples/Shop/run-with-services.sh" --exec
        dotnet test "$slnf" --no-build -c Release --filter "$filter" --logger trx --results-directory "$dir/trx") ;;
    shop/per-class)
      command=(env SHOP_CONTAINERS=per-class DOCKER_API_VERSION=1.41 TESTCONTAINERS_RYUK_DISABLED=true
        dotnet test "$slnf" --no-build -c Release --filter "$filter" --logger trx --results-directory "$dir/trx") ;;
    ledger/naive-serial)
      command=("$repo/samples/Ledger/run-serial.sh" -c Release --no-build --logger trx --results-directory "$dir/trx") ;;
    */orchestrator)
      command=(dotnet "$cli" run --cadence pr --no-cache --config "$repo/artifacts/bench/$suite-workspace/orchestrator.json"
        --results "$dir/results") ;;
    shop/orchestrator-console)
      command=(dotnet "$cli" run --cadence pr --no-cache --config "$repo/artifacts/bench/shop-console-workspace/orchestrator.json"
        --results "$dir/results") ;;
  esac
  printf '%q ' "${command[@]}" > "$dir/command"
  cat /proc/loadavg > "$dir/loadavg-before"
  container_cpu > "$dir/container-cpu-before"
  if (( busy )); then start_burner; fi
  start=$(date +%s.%N)
  python3 "$repo/eng/bench/measure.py" "$dir/cpu.json" "${command[@]}" > "$dir/output.log" 2>&1 &
  local pid=$!
  python3 "$repo/eng/bench/sample.py" "$pid" "$dir" &
  local sampler=$!
  wait "$pid" || rc=$?
  wait "$sampler" || true
  end=$(date +%s.%N)
  if (( busy )); then stop_burner "$dir/busy-cpu-s"; fi
  cat /proc/loadavg > "$dir/loadavg-after"
  echo "$rc" > "$dir/exit-code"
  printf '%s %s\n' "$start" "$end" > "$dir/window"
  # Container lifetimes from the engine's own events, over the run's window (plus a second for
  # events stamped just after the process saw the container go).
  docker events --since "$start" --until "$(echo "$end + 1" | bc)" \
    --filter type=container --filter event=start --filter event=die --filter event=destroy \
    --format '{{json .}}' > "$dir/events.jsonl"
  log "$suite $way round $round: exit $rc, $(echo "$end - $start" | bc) s"
}

log "results in $out; $rounds rounds of ${ways[*]}$( (( busy )) && echo ", one core kept busy"); warm orchestrator timings at start: shop $warm_shop, ledger $warm_ledger"
{ echo "nproc=$(nproc)"; free -b | awk '/^Mem:/ {print "mem_bytes=" $2}';
  echo "warm_timings_shop=$warm_shop"; echo "warm_timings_ledger=$warm_ledger"
  echo "rounds=$rounds"; echo "ways=${ways[*]}"; echo "busy=$busy"; echo "cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)";
  echo "started=$(date -u +%Y-%m-%dT%H:%M:%SZ)"; } > "$out/machine"
for (( round = 1; round <= rounds; round++ )); do
  for way in "${ways[@]}"; do
    run_way "$way" "$round"
  done
done
echo "finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$out/machine"

python3 "$repo/eng/bench/compare_analyze.py" "$out" ${doc:+"$doc"}
