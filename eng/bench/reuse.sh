#!/usr/bin/env bash
# The Shop's `pr` selection run by the orchestrator two ways, interleaved round by round (plain reuse plain
# reuse ...) so that the machine's drifting load falls on both alike:
#
# - plain: `orchestrator run --cadence pr`, which starts, readies and removes its containers;
# - reuse: `orchestrator run --cadence pr --reuse` on the containers one `orchestrator up --cadence pr` keeps
#   (started once before the first round, outside every measurement, removed with `down` at the end).
#
# What is measured is the wall time of the run itself and the CPU-seconds of its process tree
# (eng/bench/measured.sh), the load average during it, and the containers it started; `up` is paid once per
# working session and is measured apart (its own row).
#
#   eng/bench/reuse.sh [rounds=3] [--no-build]
#
# Results: artifacts/bench/reuse/<stamp>/<way>/round-<n>/ and table.md (eng/bench/loop_analyze.py).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/loop-lib.sh"
bench_setup reuse "usage: eng/bench/reuse.sh [rounds] [--no-build]" "$@"

config=$(bench_workspace reuse)
state="$(dirname "$config")/.orchestrator/up.json"

down() { flock "$bench_lock" dotnet "$bench_cli" down --config "$config" > "$bench_out/down.log" 2>&1 || true; }
trap down EXIT
[ -f "$state" ] && down
bench_log "orchestrator up --cadence pr"
bench_measure "$bench_out/up/round-1" dotnet "$bench_cli" up --cadence pr --config "$config"
python3 -c 'import json,sys; print("containers kept by up=%d" % sum(1 for i in json.load(open(sys.argv[1]))["instances"] if i.get("containerId")))' \
  "$state" > "$bench_out/up/round-1/figures"
bench_log "up: $(bench_wall "$bench_out/up/round-1") s, $(cat "$bench_out/up/round-1/figures")"

for round in $(seq 1 "$bench_rounds"); do
  for way in plain reuse; do
    dir="$bench_out/$way/round-$round"
    command=(dotnet "$bench_cli" run --cadence pr --no-cache --config "$config" --results "$dir/results")
    [ "$way" = reuse ] && command+=(--reuse)
    rc=0
    bench_measure "$dir" "${command[@]}" || rc=$?
    bench_containers "$dir" "$state"
    bench_log "$way round $round: exit $rc, $(bench_wall "$dir") s, $(grep -h 'engine events' "$dir/figures")"
    (( rc == 0 )) || { echo "$way round $round failed (exit $rc): see $dir/output.log" >&2; exit 1; }
  done
done
echo "finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$bench_out/machine"
python3 "$bench_repo/eng/bench/loop_analyze.py" "$bench_out" plain reuse up
