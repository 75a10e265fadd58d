#!/usr/bin/env bash
# Builds the local service images (FROM the local base image) that are missing, or older than their build
# context: each image carries a hash of its context's files, so a changed Dockerfile or entrypoint rebuilds it.
# Usage: eng/images/build-images.sh [--force] [name...]   names: postgres redis rabbitmq mysql
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
(( ${#names[@]} )) || names=(postgres redis rabbitmq mysql)

docker image inspect "$base_image" >/dev/null 2>&1 \
  || { echo "[images] error: base image $base_image is missing; run eng/docker/start-engine.sh first" >&2; exit 1; }

for name in "${names[@]}"; do
  context="$here/$name"
  [[ -f "$context/Dockerfile" ]] || { echo "[images] error: no image '$name'; known: postgres redis rabbitmq mysql" >&2; exit 1; }
  image="orchestrator/$name:local"
  hash="$(cd "$context" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)"
  built="$(docker image inspect --format '{{ index .Config.Labels "orchestrator.context" }}' "$image" 2>/dev/null || true)"
  if ! $force && [[ "$built" == "$hash" ]]; then
    echo "[images] $image is present" >&2
    continue
  fi
  echo "[images] building $image${built:+ (its context changed)}" >&2
  docker build --quiet --build-arg "BASE_IMAGE=$base_image" --label "orchestrator.context=$hash" --tag "$image" "$context" >/dev/null
  echo "[images] built $image" >&2
done
