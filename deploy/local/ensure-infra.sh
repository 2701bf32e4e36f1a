#!/usr/bin/env bash
# Makes sure PostgreSQL, Redis and RabbitMQ run on localhost, that the gitinsight role and databases
# exist, and that the tools the tests call (promtool, cloc, docker-compose) are installed. Starts what is
# stopped; on a Debian machine without them, installs them with apt-get when run as root. Idempotent.
set -euo pipefail
source "$(dirname "$0")/common.sh"

APT_UPDATED=
apt_install() {
  [ "$(id -u)" = 0 ] || die "$* missing and not root: install the Debian packages $* yourself"
  command -v apt-get >/dev/null || die "$* missing and no apt-get here"
  log "installing $*"
  [ -n "$APT_UPDATED" ] || { apt-get update -qq || true; APT_UPDATED=1; }
  # packages must not start daemons through init scripts: we start what we need ourselves
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  rm -f /usr/sbin/policy-rc.d
}

ensure_postgres() {
  if ! command -v pg_ctlcluster >/dev/null; then apt_install postgresql; fi
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    local version; version=$(ls /etc/postgresql | sort -V | tail -1)
    log "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
    for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    pg_isready -q -h 127.0.0.1 -p 5432 || die "PostgreSQL did not come up"
  fi
  local sql="DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gitinsight') THEN
        CREATE ROLE gitinsight LOGIN PASSWORD 'gitinsight';
      END IF;
    END \$\$;"
  psql_admin -c "$sql" >/dev/null
  # gitinsight_system: the system tests' own (deploy/system-tests), emptied by each of their runs
  for db in gitinsight gitinsight_test gitinsight_system; do
    if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
      log "creating database $db"
      psql_admin -c "CREATE DATABASE $db OWNER gitinsight" >/dev/null
    fi
  done
}

psql_admin() {
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
    runuser -u postgres -- psql -v ON_ERROR_STOP=1 -d postgres "$@"
  else
    psql -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d postgres "$@"
  fi
}

ensure_redis() {
  if ! command -v redis-server >/dev/null; then apt_install redis-server; fi
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    log "starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
    wait_for_port 127.0.0.1 6379 20 || die "Redis did not come up"
  fi
}

ensure_rabbitmq() {
  if ! command -v rabbitmq-server >/dev/null; then apt_install rabbitmq-server; fi
  if ! port_open 127.0.0.1 5672; then
    log "starting RabbitMQ"
    rabbitmq-server -detached >/dev/null 2>&1 || true
    wait_for_port 127.0.0.1 5672 90 || die "RabbitMQ did not come up"
  fi
  # the system tests' virtual host, so that module tests beside them never take their messages
  if [ "$(id -u)" = 0 ] && ! rabbitmqctl -q list_vhosts 2>/dev/null | grep -qx gitinsight-system; then
    log "creating RabbitMQ virtual host gitinsight-system"
    rabbitmqctl -q add_vhost gitinsight-system >/dev/null
    rabbitmqctl -q set_permissions -p gitinsight-system guest '.*' '.*' '.*' >/dev/null
  fi
}

ensure_tools() {
  command -v promtool >/dev/null || apt_install prometheus
  command -v cloc >/dev/null || apt_install cloc
  # deploy/manifest-tests runs `docker-compose config` (no Docker engine needed)
  command -v docker-compose >/dev/null || apt_install docker-compose
  command -v curl >/dev/null || apt_install curl
  # up.sh's sample analysis (deploy/local/first-minute.py) and the system test that runs it
  command -v python3 >/dev/null || apt_install python3
  command -v git >/dev/null || apt_install git
}

ensure_tools
ensure_postgres
ensure_redis
ensure_rabbitmq
log "infrastructure ready: PostgreSQL 127.0.0.1:5432, Redis 127.0.0.1:6379, RabbitMQ 127.0.0.1:5672"
