#!/bin/sh
# Gives 'root' from any host the password MYSQL_ROOT_PASSWORD (or MARIADB_ROOT_PASSWORD; the per-run secret)
# through an init file the server runs before it accepts connections, then runs the server.
set -eu
password="${MYSQL_ROOT_PASSWORD:-${MARIADB_ROOT_PASSWORD:-}}"
escaped=$(printf '%s' "$password" | sed -e 's/\\/\\\\/g' -e "s/'/''/g")
init=/tmp/orchestrator-init.sql
{
  echo "CREATE USER IF NOT EXISTS 'root'@'%';"
  echo "ALTER USER 'root'@'%' IDENTIFIED BY '$escaped';"
  echo "GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;"
} > "$init"
exec mariadbd --datadir=/var/lib/mysql --init-file="$init" "$@"
