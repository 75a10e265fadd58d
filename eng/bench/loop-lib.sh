# Shared by the developer-loop benchmarks (eng/bench/slice.sh, reuse.sh, repeat.sh); source it, then call
# bench_setup. Every build and every measured command runs holding the machine's build lock, one command at a
# time, so no build or test run competes with a measurement; the wall time is measured inside the lock
# (waiting for it is not counted).

bench_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench_lock=${BENCH_LOCK:-/tmp/orch-build.lock}
bench_cli="$bench_repo/artifacts/bin/Orchestrator.Cli/release/Orchestrator.Cli.dll"

bench_log() { printf '[%s %s] %s\n' "$bench_name" "$(date -u +%H:%M:%S)" "$*" >&2; }

# bench_setup <name> <usage> [args...]: reads "[rounds] [--no-build]" into bench_rounds, builds unless told not to,
# and makes the results directory artifacts/bench/<name>/<stamp> (bench_out).
bench_setup() {
  bench_name=$1
  local usage=$2 build=1
  shift 2
  bench_rounds=3
  while (( $# )); do
    case $1 in
      --no-build) build=0 ;;
      ''|*[!0-9]*) echo "$usage" >&2; exit 2 ;;
      *) bench_rounds=$1 ;;
    esac
    shift
  done
  (( bench_rounds >= 1 )) || { echo "rounds must be at least 1" >&2; exit 2; }
  cd "$bench_repo"
  # MSBuild nodes kept for reuse would outlive the command that started them, their CPU lost to the figures.
  export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
  if (( build )); then
    bench_log "dotnet build Orchestrator.sln -c Release"
    flock "$bench_lock" dotnet build Orchestrator.sln -c Release -nologo -v q
  fi
  [ -f "$bench_cli" ] || { echo "no built CLI at $bench_cli: build first (without --no-build)" >&2; exit 2; }
  bench_out="$bench_repo/artifacts/bench/$bench_name/$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$bench_out"
  { echo "nproc=$(nproc)"; echo "rounds=$bench_rounds"; echo "started=$(date -u +%Y-%m-%dT%H:%M:%SZ)";
    echo "cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"; } > "$bench_out/machine"
}

# bench_workspace <name> [python transform of the configuration]: a workspace of the benchmark's own holding
# eng/bench/shop.orchestrator.json and copies of only the Shop manifests (they hold absolute paths to the built
# assemblies), so discovery sees only the sample. Its .orchestrator/ (timings, discovery cache) is kept across
# invocations: the orchestrator runs warm. Prints the configuration's path.
bench_workspace() {
  local workspace="$bench_repo/artifacts/bench/$1-workspace" transform=${2:-}
  mkdir -p "$workspace/artifacts/orchestrator/manifests"
  rm -f "$workspace"/artifacts/orchestrator/manifests/*.json
  compgen -G "$bench_repo/artifacts/orchestrator/manifests/Shop.*.json" >/dev/null \
    || { echo "no Shop.* manifests under artifacts/orchestrator/manifests: build first" >&2; exit 2; }
  cp "$bench_repo"/artifacts/orchestrator/manifests/Shop.*.json "$workspace/artifacts/orchestrator/manifests/"
  python3 - "$bench_repo/eng/bench/shop.orchestrator.json" "$workspace/orchestrator.json" "$transform" <<'PY'
import json, sys
config = json.load(open(sys.argv[1]))
if sys.argv[3]:
    exec(sys.argv[3], {"config": config})
json.dump(config, open(sys.argv[2], "w"), indent=2)
PY
  cp "$workspace/orchestrator.json" "$bench_out/$1.orchestrator.json"
  # A fresh workspace has neither discovery cache nor timings: one unmeasured `pr` run fills them, so the first
  # measured round is as warm as the others.
  if [ ! -s "$workspace/.orchestrator/timings.json" ]; then
    bench_log "warming the workspace: one unmeasured run --cadence pr"
    flock "$bench_lock" dotnet "$bench_cli" run --cadence pr --config "$workspace/orchestrator.json" \
      --results "$bench_out/warm-up" > "$bench_out/warm-up.log" 2>&1 || true
  fi
  echo "warm_timings_at_start=$([ -s "$workspace/.orchestrator/timings.json" ] && echo true || echo false)" >> "$bench_out/machine"
  echo "$workspace/orchestrator.json"
}

# bench_measure <dir> <command...>: the command under eng/bench/measured.sh, holding the build lock.
bench_measure() {
  local dir=$1 rc=0
  shift
  flock "$bench_lock" "$bench_repo/eng/bench/measured.sh" "$dir" "$@" || rc=$?
  return "$rc"
}

# bench_wall <dir>: the measured wall seconds of a bench_measure.
bench_wall() { python3 -c 'import json,sys; print("%.1f" % json.load(open(sys.argv[1]))["wall_s"])' "$1/cpu.json"; }

# bench_containers <dir> [up.json]: containers the run in <dir>/results started itself, counted two ways into
# <dir>/figures: the run's run.json (instances with a container id, less those `up` keeps) and the engine's `start`
# events over the command's window for containers labelled with the run's id.
bench_containers() {
  local dir=$1 kept=${2:-}
  python3 - "$dir" "$kept" <<'PY'
import json, subprocess, sys
dir, kept_path = sys.argv[1], sys.argv[2]
run = json.load(open(f"{dir}/results/run.json"))
window = json.load(open(f"{dir}/cpu.json"))
kept = {i.get("containerId") for i in json.load(open(kept_path))["instances"]} if kept_path else set()
listed = [c for c in run.get("containers", []) if c.get("containerId") and c["containerId"] not in kept]
events = subprocess.run(
    ["docker", "events", "--since", f"{window['started_at']:.3f}", "--until", f"{window['finished_at'] + 1:.3f}",
     "--filter", "type=container", "--filter", "event=start", "--filter", f"label=orchestrator.run-id={run['runId']}",
     "--format", "{{.ID}} {{index .Actor.Attributes \"orchestrator.resource\"}}"],
    capture_output=True, text=True, check=True).stdout.split("\n")
started = sorted({line.split()[0]: line.split()[1] for line in events if line.strip()}.values())
with open(f"{dir}/figures", "a", encoding="utf-8") as f:
    f.write(f"containers started (run.json)={len(listed)}\n")
    f.write(f"containers started (engine events)={len(started)}\n")
    f.write(f"resources started={'+'.join(started) or 'none'}\n")
PY
}
