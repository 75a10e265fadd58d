#!/usr/bin/env bash
# A one-test slice of the Shop's integration layer (one Postgres test) against the Shop's whole `pr` run, interleaved
# round by round (pr slice pr slice ...) so that the machine's drifting load falls on both alike:
#
# - pr: `orchestrator run --cadence pr` (the unit and integration layers, every resource);
# - slice: `orchestrator run --filter "FullyQualifiedName=<the test>"`, which starts only what that test needs.
#
# Measured: the wall time and CPU-seconds of each command's process tree (eng/bench/measured.sh), the load average
# during it, and the containers it started (its run.json, and the engine's start events for its run id).
#
#   eng/bench/slice.sh [rounds=3] [--no-build]
#
# Results: artifacts/bench/slice/<stamp>/<way>/round-<n>/ and table.md (eng/bench/loop_analyze.py).
# Every way runs with --no-cache: this compares what a run costs, not what the result cache saves (eng/bench/cache.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/loop-lib.sh"
bench_setup slice "usage: eng/bench/slice.sh [rounds] [--no-build]" "$@"

test_name=${BENCH_SLICE_TEST:-Shop.IntegrationTests.Payments.PostgresPaymentAuditTests.An_audit_entry_is_stored_and_read_back_whole}
config=$(bench_workspace slice)
echo "test=$test_name" >> "$bench_out/machine"

for round in $(seq 1 "$bench_rounds"); do
  for way in pr slice; do
    dir="$bench_out/$way/round-$round"
    case $way in
      pr) selection=(--cadence pr) ;;
      slice) selection=(--filter "FullyQualifiedName=$test_name") ;;
    esac
    rc=0
    bench_measure "$dir" dotnet "$bench_cli" run "${selection[@]}" --no-cache --config "$config" --results "$dir/results" || rc=$?
    bench_containers "$dir"
    bench_log "$way round $round: exit $rc, $(bench_wall "$dir") s, $(grep -h 'engine events' "$dir/figures")"
    (( rc == 0 )) || { echo "$way round $round failed (exit $rc): see $dir/output.log" >&2; exit 1; }
  done
done
echo "finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$bench_out/machine"
python3 "$bench_repo/eng/bench/loop_analyze.py" "$bench_out" pr slice
