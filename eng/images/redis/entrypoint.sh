#!/bin/sh
# Runs Redis without persistence; REDIS_PASSWORD (per-run secret) turns on authentication.
set -eu
set -- --bind 0.0.0.0 --protected-mode no --save "" --appendonly no --databases 64 --daemonize no "$@"
if [ -n "${REDIS_PASSWORD:-}" ]; then
  set -- "$@" --requirepass "$REDIS_PASSWORD"
fi
exec redis-server "$@"
