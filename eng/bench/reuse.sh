#!/usr/bin/env bash
# The Shop's `pr` selection run by the orchestrator two ways, interleaved round by round (plain reuse plain
# reuse ...) so that the machine's drifting load falls on both alike:
#
# - plain: `orchestrator run --cadence pr`, which starts, readies and removes its containers;
# - reuse: `orchestrator run --cadence pr --reuse` on the containers one `orchestrator up --cadence pr` keeps
#   (started once before the first round, outside every measurement, removed with `down` at the end).
#
# What is measured is the wall time of the run itself (and the CPU of its process tree, through
# eng/bench/measure.py); `up` is paid once per working session and is reported apart.
#
#   eng/bench/reuse.sh [rounds=3] [--no-build]
#
# Results: artifacts/bench/reuse/<stamp>/<way>/round-<n>/ (output, the orchestrator's results, cpu.json) and
# summary.tsv (way, round, exit code, wall seconds, containers the run started).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
rounds=3
build=1
usage="usage: eng/bench/reuse.sh [rounds] [--no-build]"
while (( $# )); do
  case $1 in
    --no-build) build=0 ;;
    ''|*[!0-9]*) echo "$usage" >&2; exit 2 ;;
    *) rounds=$1 ;;
  esac
  shift
done
(( rounds >= 1 )) || { echo "rounds must be at least 1" >&2; exit 2; }

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
log() { printf '[reuse %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

cd "$repo"
if (( build )); then
  log "dotnet build Orchestrator.sln -c Release"
  dotnet build Orchestrator.sln -c Release -nologo -v q
fi
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

out="$repo/artifacts/bench/reuse/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
cli="$repo/artifacts/bin/Orchestrator.Cli/release/Orchestrator.Cli.dll"
[ -f "$cli" ] || { echo "no built CLI at $cli: build first (without --no-build)" >&2; exit 2; }

# A workspace of its own with the Shop's configuration and manifests; its .orchestrator/ (timings, discovery
# cache) is kept across invocations, so both ways run warm.
workspace="$repo/artifacts/bench/reuse-workspace"
mkdir -p "$workspace/artifacts/orchestrator/manifests"
cp "$repo/eng/bench/shop.orchestrator.json" "$workspace/orchestrator.json"
rm -f "$workspace"/artifacts/orchestrator/manifests/*.json
compgen -G "$repo/artifacts/orchestrator/manifests/Shop.*.json" >/dev/null \
  || { echo "no Shop.* manifests under artifacts/orchestrator/manifests: build first" >&2; exit 2; }
cp "$repo"/artifacts/orchestrator/manifests/Shop.*.json "$workspace/artifacts/orchestrator/manifests/"
config="$workspace/orchestrator.json"

down() { dotnet "$cli" down --config "$config" > "$out/down.log" 2>&1 || true; }
trap down EXIT
[ -f "$workspace/.orchestrator/up.json" ] && down
log "orchestrator up --cadence pr"
up_start=$(date +%s.%N)
dotnet "$cli" up --cadence pr --config "$config" > "$out/up.log" 2>&1
up_end=$(date +%s.%N)
printf 'up\t0\t0\t%s\t%s\n' "$(seconds "$up_start" "$up_end")" "$(grep -c 'container ' "$out/up.log" || true)" > "$out/summary.tsv"

run_way() {
  local way=$1 round=$2 dir="$out/$1/round-$2" rc=0 start end command
  mkdir -p "$dir"
  command=(dotnet "$cli" run --cadence pr --config "$config" --results "$dir/results")
  [ "$way" = reuse ] && command+=(--reuse)
  printf '%q ' "${command[@]}" > "$dir/command"
  start=$(date +%s.%N)
  python3 "$repo/eng/bench/measure.py" "$dir/cpu.json" "${command[@]}" > "$dir/output.log" 2>&1 || rc=$?
  end=$(date +%s.%N)
  # Containers the run started itself: those its run.json lists that 'up' does not keep.
  local started
  started=$(python3 - "$dir/results/run.json" "$workspace/.orchestrator/up.json" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
kept = {i.get("containerId") for i in json.load(open(sys.argv[2]))["instances"]}
print(sum(1 for c in run.get("containers", []) if c.get("containerId") not in kept))
PY
)
  printf '%s\t%s\t%s\t%s\t%s\n' "$way" "$round" "$rc" "$(seconds "$start" "$end")" "$started" >> "$out/summary.tsv"
  log "$way round $round: exit $rc, $(seconds "$start" "$end") s, $started containers started"
}

for round in $(seq 1 "$rounds"); do
  for way in plain reuse; do
    run_way "$way" "$round"
  done
done
log "summary: $out/summary.tsv"
column -t "$out/summary.tsv"
