#!/usr/bin/env bash
# Runs the Ledger sample's tests the way most teams run a suite like it: one Postgres, one Redis, one
# database and one Redis db for everybody, and the test projects one after another. Starts the two
# containers from the local images (eng/images/build-images.sh builds them), waits until each answers
# its protocol, creates the `ledger` database, exports LEDGER_POSTGRES and LEDGER_REDIS, runs
# `dotnet test` over the three test projects in turn and removes its containers however it ends.
#
#   samples/Ledger/run-serial.sh [dotnet test arguments...]
#   samples/Ledger/run-serial.sh -c Release --no-build
#   samples/Ledger/run-serial.sh --exec <command> [args...]   # any command, with the variables set
#
# The projects must run one at a time: they share the database and the Redis db, every test empties
# both before it starts and then counts what is there. LEDGER_TEST_PROJECTS overrides which projects run.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
run_id="ledger-$(date +%s)-$$-$RANDOM"
label="orchestrator.sample.run=$run_id"
database=ledger
redis_db=0

secret() { od -An -N18 -tx1 /dev/urandom | tr -d ' \n'; }
pg_password=$(secret)
redis_password=$(secret)

child=
cleanup() {
  if [ -n "$child" ]; then
    kill "$child" 2>/dev/null || true
  fi
  local ids
  ids=$(docker ps -aq --filter "label=$label")
  if [ -n "$ids" ]; then
    # shellcheck disable=SC2086
    docker rm -f $ids >/dev/null
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs a command as a background child and waits for it, so INT/TERM are handled at once (bash defers
# traps while a foreground child runs) and the child is stopped with the containers.
run() {
  local rc=0
  "$@" &
  child=$!
  wait "$child" || rc=$?
  child=
  return "$rc"
}

log() { printf '[run-serial] %s\n' "$*" >&2; }

host_port() { docker port "$1" "$2/tcp" | head -n1 | sed 's/.*://'; }

# Polls a readiness probe until it succeeds or the deadline passes (no fixed sleeps).
wait_until() {
  local what=$1 deadline=$(( SECONDS + $2 ))
  shift 2
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS > deadline )); then
      log "$what did not become ready in time"
      return 1
    fi
    sleep 0.1
  done
  log "$what ready after ${SECONDS}s"
}

postgres_ready() { PGPASSWORD=$pg_password psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc 'select 1' | grep -qx 1; }

redis_ready() {
  exec 3<>"/dev/tcp/127.0.0.1/$redis_port" || return 1
  printf 'AUTH %s\r\nPING\r\n' "$redis_password" >&3
  local auth pong
  IFS= read -r -t 2 auth <&3 && IFS= read -r -t 2 pong <&3
  exec 3>&-
  [[ $auth == +OK* && $pong == +PONG* ]]
}

log "starting containers (label $label)"
pg=$(docker run -d --label "$label" -e POSTGRES_PASSWORD="$pg_password" -p 127.0.0.1::5432 orchestrator/postgres:local)
redis=$(docker run -d --label "$label" -e REDIS_PASSWORD="$redis_password" -p 127.0.0.1::6379 orchestrator/redis:local)
pg_port=$(host_port "$pg" 5432)
redis_port=$(host_port "$redis" 6379)

wait_until "postgres on 127.0.0.1:$pg_port" 60 postgres_ready
wait_until "redis on 127.0.0.1:$redis_port" 60 redis_ready

PGPASSWORD=$pg_password psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "CREATE DATABASE $database" >/dev/null

export LEDGER_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password;Database=$database"
export LEDGER_REDIS="127.0.0.1:$redis_port,password=$redis_password,defaultDatabase=$redis_db,abortConnect=false"

if [ "${1:-}" = "--exec" ]; then
  shift
  status=0
  run "$@" || status=$?
  exit "$status"
fi

projects=${LEDGER_TEST_PROJECTS:-"$here/tests/Ledger.PostgresTests $here/tests/Ledger.RedisTests $here/tests/Ledger.ReportingTests"}
status=0
for project in $projects; do
  log "dotnet test $project $*"
  run dotnet test "$project" "$@" || status=$?
done
exit "$status"
