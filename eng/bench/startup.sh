#!/usr/bin/env bash
# The command-line tool's own start-up cost: `plan --cadence pr` and `discover` (discovery cache warm) on this
# repository, under runtime settings and builds of the tool, interleaved repetition by repetition (every variant
# of a command, then the next repetition) so the machine's drifting load falls on all of them alike. Run it
# holding the machine's build lock; it builds nothing itself (run the Release build first).
#
#   eng/bench/startup.sh [repetitions=6] [<name>=<directory of an Orchestrator.Cli.dll> ...]
#
# Variants: the Release build as it is, and with each of DOTNET_TieredPGO=0, DOTNET_TC_QuickJitForLoops=0,
# DOTNET_ReadyToRun=0 (the framework's precompiled code unused: what ReadyToRun saves), DOTNET_TieredCompilation=0,
# DOTNET_gcConcurrent=0 (no background GC thread);
# each extra <name>=<directory> (e.g. a ReadyToRun publish of src/Orchestrator.Cli) runs as it is.
#
# Measured with /usr/bin/time: user + system CPU-s and wall of the tool's process (and its children). Writes
# artifacts/bench/startup/<stamp>/times.tsv (variant, command, repetition, user, system, wall) and table.md
# (medians, min–max).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
repetitions=6
builds=("release=$repo/artifacts/bin/Orchestrator.Cli/release")
while (( $# )); do
  case $1 in
    *=*) builds+=("$1") ;;
    ''|*[!0-9]*) echo "usage: eng/bench/startup.sh [repetitions] [<name>=<directory> ...]" >&2; exit 2 ;;
    *) repetitions=$1 ;;
  esac
  shift
done
for build in "${builds[@]}"; do
  [ -f "${build#*=}/Orchestrator.Cli.dll" ] || { echo "no Orchestrator.Cli.dll in ${build#*=}: build it first" >&2; exit 2; }
done

# "<variant>|<build> [VAR=value ...]"
variants=("default|release" "DOTNET_TieredPGO=0|release DOTNET_TieredPGO=0"
  "DOTNET_TC_QuickJitForLoops=0|release DOTNET_TC_QuickJitForLoops=0" "DOTNET_ReadyToRun=0|release DOTNET_ReadyToRun=0"
  "DOTNET_TieredCompilation=0|release DOTNET_TieredCompilation=0" "DOTNET_gcConcurrent=0|release DOTNET_gcConcurrent=0")
for build in "${builds[@]:1}"; do
  variants+=("${build%%=*}|${build%%=*}")
done
commands=("plan --cadence pr" "discover")

out="$repo/artifacts/bench/startup/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
{ echo "nproc=$(nproc)"; echo "repetitions=$repetitions"; echo "started=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "load_before=$(cut -d' ' -f1 /proc/loadavg)"; } > "$out/machine"
printf 'variant\tcommand\trepetition\tuser_s\tsystem_s\twall_s\n' > "$out/times.tsv"

directory_of() {
  local build
  for build in "${builds[@]}"; do
    [ "${build%%=*}" != "$1" ] || { echo "${build#*=}"; return; }
  done
}

cd "$repo"
# One unmeasured pass fills the discovery cache, so every measured discover is warm.
dotnet "${builds[0]#*=}/Orchestrator.Cli.dll" discover > "$out/warm-up.log" 2>&1
for (( repetition = 1; repetition <= repetitions; repetition++ )); do
  for command in "${commands[@]}"; do
    for variant in "${variants[@]}"; do
      name=${variant%%|*}
      read -r build settings <<< "${variant#*|}"
      # shellcheck disable=SC2086 # the settings are VAR=value words
      env $settings /usr/bin/time -f '%U %S %e' -o "$out/time" \
        dotnet "$(directory_of "$build")/Orchestrator.Cli.dll" $command > "$out/last.log" 2>&1 \
        || { echo "$name: $command failed, see $out/last.log" >&2; exit 1; }
      read -r user system wall < "$out/time"
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$command" "$repetition" "$user" "$system" "$wall" >> "$out/times.tsv"
    done
  done
done
echo "load_after=$(cut -d' ' -f1 /proc/loadavg)" >> "$out/machine"

python3 - "$out" <<'PY'
import csv, statistics, sys
out = sys.argv[1]
rows = list(csv.DictReader(open(f"{out}/times.tsv"), delimiter="\t"))
machine = dict(line.strip().split("=", 1) for line in open(f"{out}/machine"))
def spread(values):
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"
lines = [f"{machine['repetitions']} interleaved repetitions, {machine['nproc']} cores, 1-minute load "
         f"{machine['load_before']} before → {machine['load_after']} after. Median (min–max):", "",
         "| variant | command | CPU-s (user + sys) | user s | sys s | wall s |", "| --- | --- | ---: | ---: | ---: | ---: |"]
for command in dict.fromkeys(r["command"] for r in rows):
    for variant in dict.fromkeys(r["variant"] for r in rows):
        rs = [r for r in rows if r["variant"] == variant and r["command"] == command]
        cpu = [float(r["user_s"]) + float(r["system_s"]) for r in rs]
        lines.append(f"| {variant} | `{command}` | {spread(cpu)} | {spread([float(r['user_s']) for r in rs])} "
                     f"| {spread([float(r['system_s']) for r in rs])} | {spread([float(r['wall_s']) for r in rs])} |")
open(f"{out}/table.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
print(f"\nresults in {out}")
PY
