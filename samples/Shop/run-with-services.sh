#!/usr/bin/env bash
# Runs the Shop sample's tests against real services, the simple way: starts Postgres, Redis and
# RabbitMQ containers from the local images (eng/images/build-images.sh builds them), waits until each
# answers its protocol, creates a database / picks a Redis db index / creates a vhost, exports the
# ConnectionStrings__* variables the tests read, runs `dotnet test` over the sample's test projects and
# removes its containers however it ends.
#
#   samples/Shop/run-with-services.sh [dotnet test arguments...]
#   samples/Shop/run-with-services.sh -c Release --no-build --filter "Resource=postgres"
#   samples/Shop/run-with-services.sh --exec <command> [args...]   # any command, with the variables set
#
# Every run gets its own passwords, its own label and random ports published on 127.0.0.1 only, so
# several runs can share one Docker engine. SHOP_TEST_PROJECTS overrides which projects run.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
run_id="shop-$(date +%s)-$$-$RANDOM"
label="orchestrator.sample.run=$run_id"
namespace="shop_$(date +%s)_$$"

secret() { od -An -N18 -tx1 /dev/urandom | tr -d ' \n'; }
pg_password=$(secret)
redis_password=$(secret)
rabbit_password=$(secret)

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

log() { printf '[run-with-services] %s\n' "$*" >&2; }

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

# The broker answers the AMQP 0-9-1 protocol header with a Connection.Start method frame (type 1).
rabbitmq_ready() {
  exec 3<>"/dev/tcp/127.0.0.1/$rabbit_port" || return 1
  printf 'AMQP\x00\x00\x09\x01' >&3
  local frame_type
  frame_type=$(timeout 2 head -c1 <&3 | od -An -tu1 | tr -d ' ')
  exec 3>&-
  [[ $frame_type == 1 ]]
}

log "starting containers (label $label)"
pg=$(docker run -d --label "$label" -e POSTGRES_PASSWORD="$pg_password" -p 127.0.0.1::5432 orchestrator/postgres:local)
redis=$(docker run -d --label "$label" -e REDIS_PASSWORD="$redis_password" -p 127.0.0.1::6379 orchestrator/redis:local)
rabbit=$(docker run -d --label "$label" -e RABBITMQ_DEFAULT_USER=orchestrator -e RABBITMQ_DEFAULT_PASS="$rabbit_password" \
  -p 127.0.0.1::5672 orchestrator/rabbitmq:local)
pg_port=$(host_port "$pg" 5432)
redis_port=$(host_port "$redis" 6379)
rabbit_port=$(host_port "$rabbit" 5672)

wait_until "postgres on 127.0.0.1:$pg_port" 60 postgres_ready
wait_until "redis on 127.0.0.1:$redis_port" 60 redis_ready
wait_until "rabbitmq on 127.0.0.1:$rabbit_port" 90 rabbitmq_ready

PGPASSWORD=$pg_password psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "CREATE DATABASE $namespace" >/dev/null
docker exec "$rabbit" rabbitmqctl -q add_vhost "$namespace" >/dev/null
docker exec "$rabbit" rabbitmqctl -q set_permissions -p "$namespace" orchestrator '.*' '.*' '.*' >/dev/null
redis_db=1

export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password;Database=$namespace"
export ConnectionStrings__Redis="127.0.0.1:$redis_port,password=$redis_password,defaultDatabase=$redis_db,abortConnect=false"
export ConnectionStrings__RabbitMq="amqp://orchestrator:$rabbit_password@127.0.0.1:$rabbit_port/$namespace"

if [ "${1:-}" = "--exec" ]; then
  shift
  status=0
  run "$@" || status=$?
  exit "$status"
fi

projects=${SHOP_TEST_PROJECTS:-"$here/tests/Shop.UnitTests $here/tests/Shop.IntegrationTests $here/tests/Shop.EndToEndTests"}
status=0
for project in $projects; do
  log "dotnet test $project $*"
  run dotnet test "$project" "$@" || status=$?
done
exit "$status"
