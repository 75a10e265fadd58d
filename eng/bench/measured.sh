#!/usr/bin/env bash
# Runs one measured command (run it holding the machine's build lock):
#
#   eng/bench/measured.sh <dir> <command> [args...]
#
# Writes into <dir>: command, output.log, cpu.json (eng/bench/measure.py: wall time and user + system CPU of the
# command's whole process tree), the 1-minute load average before and after (loadavg-before, loadavg-after) and
# every 0.5 s while it runs (eng/bench/sample.py: loadavg-samples, peak-rss-kb, processes.json), exit-code.
# Exits with the command's exit code.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dir=${1:?usage: eng/bench/measured.sh <dir> <command> [args...]}
shift
mkdir -p "$dir"
printf '%q ' "$@" > "$dir/command"
cat /proc/loadavg > "$dir/loadavg-before"
python3 "$here/measure.py" "$dir/cpu.json" "$@" > "$dir/output.log" 2>&1 &
pid=$!
python3 "$here/sample.py" "$pid" "$dir" &
sampler=$!
rc=0
wait "$pid" || rc=$?
wait "$sampler" || true
cat /proc/loadavg > "$dir/loadavg-after"
echo "$rc" > "$dir/exit-code"
exit "$rc"
