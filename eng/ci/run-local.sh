#!/usr/bin/env bash
# Runs the sharded CI pipeline on this machine: N shard runs, each in a working copy of its own (its own
# .orchestrator state, as on separate agents) and results directory of its own, then one merge, as the pipelines
# in this directory do. Build first (orchestrator build); the exit code is the merge's.
#
#   eng/ci/run-local.sh [--shards N] [--cadence NAME] [--config FILE] [--output DIR] [--timings FILE]
#
#   --shards    number of shards, run at the same time (default 2)
#   --cadence   cadence to run (default commit)
#   --config    orchestrator.json (default ./orchestrator.json)
#   --output    where shard-<i>/, merged/ and the working copies go (default artifacts/ci-local beside the config)
#   --timings   a timings file, as the CI cache holds it: the shards plan by it when it exists, the merge writes it
#
# ORCHESTRATOR is how the tool is called (default "dotnet orchestrator"), e.g.
# ORCHESTRATOR="dotnet artifacts/bin/Orchestrator.Cli/release/Orchestrator.Cli.dll".
set -euo pipefail

shards=2
cadence=commit
config=orchestrator.json
output=
timings=
while (( $# > 0 )); do
  case "$1" in
    --shards) shards="$2"; shift 2 ;;
    --cadence) cadence="$2"; shift 2 ;;
    --config) config="$2"; shift 2 ;;
    --output) output="$2"; shift 2 ;;
    --timings) timings="$2"; shift 2 ;;
    *) echo "run-local.sh: unknown argument '$1'; see the usage at the top of $0." >&2; exit 2 ;;
  esac
done
if ! [[ "$shards" =~ ^[1-9][0-9]*$ ]]; then
  echo "run-local.sh: --shards '$shards' is not a positive number." >&2
  exit 2
fi
if [[ ! -f "$config" ]]; then
  echo "run-local.sh: no configuration at '$config': run from the directory of orchestrator.json or give --config." >&2
  exit 2
fi
read -ra orchestrator <<< "${ORCHESTRATOR:-dotnet orchestrator}"
root="$(cd "$(dirname "$config")" && pwd)"
config_name="$(basename "$config")"
output="$(mkdir -p "${output:-$root/artifacts/ci-local}" && cd "${output:-$root/artifacts/ci-local}" && pwd)"
[[ -z "$timings" ]] || timings="$(cd "$(dirname "$timings")" && pwd)/$(basename "$timings")"
rm -rf "$output/work" "$output/merged" "$output"/shard-*

# A working copy per shard: every entry of the root linked, except the state an agent keeps for itself.
working_copy() {
  local copy="$output/work/shard-$1" entry
  mkdir -p "$copy"
  for entry in "$root"/* "$root"/.[!.]*; do
    [[ -e "$entry" ]] || continue
    case "$(basename "$entry")" in .orchestrator | .git) continue ;; esac
    ln -s "$entry" "$copy/$(basename "$entry")"
  done
  echo "$copy"
}

pids=()
for (( index = 1; index <= shards; index++ )); do
  copy="$(working_copy "$index")"
  arguments=(run --config "$copy/$config_name" --cadence "$cadence" --shard "$index/$shards" --results "$output/shard-$index")
  if [[ -n "$timings" && -f "$timings" ]]; then arguments+=(--timings "$timings"); fi
  echo "${orchestrator[*]} ${arguments[*]}" > "$output/shard-$index.log"
  (cd "$copy" && "${orchestrator[@]}" "${arguments[@]}" >> "$output/shard-$index.log" 2>&1) &
  pids+=("$!")
done
for (( index = 1; index <= shards; index++ )); do
  if wait "${pids[index - 1]}"; then status=0; else status=$?; fi
  echo "shard $index/$shards: exit code $status, $(tail -n 1 "$output/shard-$index.log") (log: $output/shard-$index.log)"
done

merge=(merge --output "$output/merged")
[[ -z "$timings" ]] || merge+=(--timings "$timings")
for (( index = 1; index <= shards; index++ )); do merge+=("$output/shard-$index"); done
exec "${orchestrator[@]}" "${merge[@]}"
