#!/usr/bin/env bash
# Builds the local service images (FROM the local base image) that are missing.
# Usage: eng/images/build-images.sh [--force] [name...]   names: postgres redis rabbitmq
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
base_image="${ORCHESTRATOR_BASE_IMAGE:-orchestrator/base:bookworm}"
force=false
names=()
for arg in "$@"; do
  case "$arg" in
    --force) force=true ;;
    *) names+=("$arg") ;;
  esac
done
(( ${#names[@]} )) || names=(postgres redis rabbitmq)

docker image inspect "$base_image" >/dev/null 2>&1 \
  || { echo "[images] error: base image $base_image is missing; run eng/docker/start-engine.sh first" >&2; exit 1; }

for name in "${names[@]}"; do
  context="$here/$name"
  [[ -f "$context/Dockerfile" ]] || { echo "[images] error: no image '$name'; known: postgres redis rabbitmq" >&2; exit 1; }
  image="orchestrator/$name:local"
  if ! $force && docker image inspect "$image" >/dev/null 2>&1; then
    echo "[images] $image is present" >&2
    continue
  fi
  echo "[images] building $image" >&2
  docker build --quiet --build-arg "BASE_IMAGE=$base_image" --tag "$image" "$context" >/dev/null
  echo "[images] built $image" >&2
done
