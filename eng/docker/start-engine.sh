#!/usr/bin/env bash
# Ensures a Docker engine answers on this machine, and that the local base image exists.
#
# Idempotent: when an engine already answers it only checks the base image. Otherwise, on
# Debian as root, it installs Debian's engine, starts it in the background and polls until
# it answers. An engine started here is recorded in eng/docker/.state/ so that
# stop-engine.sh stops that one and never an engine it did not start.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state_dir="$here/.state"
socket="${ORCHESTRATOR_DOCKER_SOCKET:-/var/run/docker.sock}"
base_image="${ORCHESTRATOR_BASE_IMAGE:-orchestrator/base:bookworm}"
deadline_seconds="${ORCHESTRATOR_ENGINE_DEADLINE:-60}"

log() { printf '[engine] %s\n' "$*" >&2; }
fail() { printf '[engine] error: %s\n' "$*" >&2; exit 1; }

engine_answers() { docker info >/dev/null 2>&1; }

wait_for_engine() {
  local deadline=$((SECONDS + deadline_seconds))
  until engine_answers; do
    if [[ -n "${1:-}" ]] && ! kill -0 "$1" 2>/dev/null; then
      fail "dockerd exited while starting; see $state_dir/dockerd.log"
    fi
    (( SECONDS < deadline )) || fail "dockerd did not answer within ${deadline_seconds}s; see $state_dir/dockerd.log"
    # Poll interval of the readiness loop, not a wait for the engine.
    sleep 0.2
  done
}

install_engine() {
  if [[ ! -r /etc/debian_version ]]; then
    fail "no Docker engine answers and this is not Debian. Install Docker Engine (https://docs.docker.com/engine/install/) and start it, or set DOCKER_HOST to a running engine."
  fi
  if [[ "$(id -u)" != "0" ]]; then
    fail "no Docker engine answers. Start one, or run this script as root so it can install Debian's docker.io and start it."
  fi
  if ! command -v dockerd >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then
    log "installing Debian's docker.io and debootstrap"
    apt-get -o DPkg::Lock::Timeout=300 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq docker.io debootstrap >/dev/null
  fi
}

start_engine() {
  mkdir -p "$state_dir"
  log "starting dockerd on unix://$socket"
  nohup dockerd --host="unix://$socket" >"$state_dir/dockerd.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$state_dir/dockerd.pid"
  wait_for_engine "$pid"
  log "engine answers (pid $pid)"
}

ensure_base_image() {
  if docker image inspect "$base_image" >/dev/null 2>&1; then
    return
  fi
  command -v debootstrap >/dev/null 2>&1 || install_engine
  local rootfs
  rootfs="$(mktemp -d /tmp/orchestrator-rootfs.XXXXXX)"
  trap 'rm -rf "$rootfs"' RETURN
  log "creating base image $base_image from Debian packages (debootstrap, about 30 s)"
  debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian >"$state_dir/debootstrap.log" 2>&1 \
    || fail "debootstrap failed; see $state_dir/debootstrap.log"
  tar -C "$rootfs" -c . | docker import - "$base_image" >/dev/null
  log "base image $base_image created"
}

mkdir -p "$state_dir"
if engine_answers; then
  log "an engine already answers; leaving it as it is"
else
  command -v docker >/dev/null 2>&1 && command -v dockerd >/dev/null 2>&1 || install_engine
  start_engine
fi
ensure_base_image
