#!/usr/bin/env bash
# Stops the Docker engine that start-engine.sh started, and only that one.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pid_file="$here/.state/dockerd.pid"
deadline_seconds="${ORCHESTRATOR_ENGINE_DEADLINE:-30}"

if [[ ! -f "$pid_file" ]]; then
  echo "[engine] no engine was started by start-engine.sh; nothing to stop" >&2
  exit 0
fi
pid="$(cat "$pid_file")"
if ! kill -0 "$pid" 2>/dev/null || [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" != "dockerd" ]]; then
  echo "[engine] recorded dockerd (pid $pid) is no longer running" >&2
  rm -f "$pid_file"
  exit 0
fi
echo "[engine] stopping dockerd (pid $pid)" >&2
kill -TERM "$pid"
deadline=$((SECONDS + deadline_seconds))
while kill -0 "$pid" 2>/dev/null; do
  if (( SECONDS >= deadline )); then
    echo "[engine] dockerd did not stop within ${deadline_seconds}s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
    break
  fi
  sleep 0.2
done
rm -f "$pid_file"
