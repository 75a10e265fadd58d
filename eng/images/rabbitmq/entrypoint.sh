#!/bin/sh
# Writes the broker configuration with the per-run user (RABBITMQ_DEFAULT_USER/PASS) and the management
# plugin (its HTTP API on 15672 is how the orchestrator creates a virtual host per unit), then runs it.
set -eu
user="${RABBITMQ_DEFAULT_USER:-guest}"
pass="${RABBITMQ_DEFAULT_PASS:-guest}"
cat > /etc/rabbitmq/rabbitmq.conf <<CONF
listeners.tcp.default = 5672
loopback_users = none
default_user = $user
default_pass = $pass
default_vhost = /
log.console = true
log.console.level = warning
log.file = false
management.tcp.port = 15672
CONF
echo '[rabbitmq_management].' > /etc/rabbitmq/enabled_plugins
exec rabbitmq-server "$@"
