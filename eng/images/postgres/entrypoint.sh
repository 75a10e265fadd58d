#!/bin/sh
# Sets the superuser password from POSTGRES_PASSWORD (per-run secret), then runs the server.
set -eu
if [ -n "${POSTGRES_PASSWORD:-}" ]; then
  escaped=$(printf '%s' "$POSTGRES_PASSWORD" | sed "s/'/''/g")
  echo "ALTER USER postgres WITH PASSWORD '$escaped';" | postgres --single -D "$PGDATA" postgres >/dev/null
fi
exec postgres -D "$PGDATA" "$@"
