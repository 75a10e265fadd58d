#!/usr/bin/env bash
# One Shop integration test (Postgres) repeated: `orchestrator run --filter "FullyQualifiedName=<the test>" --repeat N`
# (mode alone, the default: one repetition at a time), round after round.
#
# Measured: the wall time and CPU-seconds of the process tree (eng/bench/measured.sh), the load average during it,
# and the namespaces the repetitions used, counted from the Postgres server's own log: the workspace's Postgres runs
# with log_statement=ddl and log_connections=on, eng/bench/follow_logs.py keeps the log of every Postgres container
# started meanwhile, and the run's own container (by its orchestrator.run-id label) is read for the databases
# created (CREATE DATABASE statements) and the databases connected to (connection authorized lines, the server's
# own `postgres` database left out). Beside them, from run.json: the repetitions recorded and the test's pass count.
#
#   eng/bench/repeat.sh [rounds=3] [--no-build]        (BENCH_REPEAT=100 repetitions, BENCH_REPEAT_TEST=<test>)
#
# Results: artifacts/bench/repeat/<stamp>/repeat-<N>/round-<n>/ (postgres-logs/ included) and table.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/loop-lib.sh"
bench_setup repeat "usage: eng/bench/repeat.sh [rounds] [--no-build]" "$@"

count=${BENCH_REPEAT:-100}
test_name=${BENCH_REPEAT_TEST:-Shop.IntegrationTests.Payments.PostgresPaymentAuditTests.An_audit_entry_is_stored_and_read_back_whole}
config=$(bench_workspace repeat 'config["resources"]["postgres"]["command"] = ["-c", "log_statement=ddl", "-c", "log_connections=on"]')
echo "test=$test_name" >> "$bench_out/machine"
way="repeat-$count"

for round in $(seq 1 "$bench_rounds"); do
  dir="$bench_out/$way/round-$round"
  mkdir -p "$dir"
  python3 "$bench_repo/eng/bench/follow_logs.py" "$dir/postgres-logs" orchestrator.resource=postgres &
  follower=$!
  rc=0
  bench_measure "$dir" dotnet "$bench_cli" run --filter "FullyQualifiedName=$test_name" --repeat "$count" \
    --config "$config" --results "$dir/results" || rc=$?
  kill -TERM "$follower"
  wait "$follower" || true
  bench_containers "$dir"
  python3 - "$dir" <<'PY'
import glob, json, re, sys
dir = sys.argv[1]
run = json.load(open(f"{dir}/results/run.json"))
logs = "".join(open(p, encoding="utf-8", errors="replace").read() for p in glob.glob(f"{dir}/postgres-logs/{run['runId']}.*.log"))
created = set(re.findall(r'(?:statement|execute [^:]*): CREATE DATABASE "?([^"\s;]+)"?', logs))
connected = set(re.findall(r"connection authorized: user=\S+ database=(\S+)", logs)) - {"postgres"}
repetitions = {u["repetition"] for u in run["units"] if u["attempt"] == 0}
modes = [m for t in (run.get("repeat") or {}).get("tests", []) for m in t["modes"]]
with open(f"{dir}/figures", "a", encoding="utf-8") as f:
    f.write(f"repetitions in run.json={len(repetitions)}\n")
    f.write(f"passed={sum(m['passed'] for m in modes)}/{sum(m['total'] for m in modes)}\n")
    f.write(f"databases created={len(created)}\n")
    f.write(f"distinct databases the tests connected to={len(connected)}\n")
    f.write(f"postgres log lines={logs.count(chr(10))}\n")
PY
  bench_log "round $round: exit $rc, $(bench_wall "$dir") s, $(tr '\n' ' ' < "$dir/figures")"
done
echo "finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$bench_out/machine"
python3 "$bench_repo/eng/bench/loop_analyze.py" "$bench_out" "$way"
