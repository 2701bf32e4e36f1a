# Shared by the deploy/local scripts: where things live and which services exist.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="$ROOT/.run"
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"

# module:port, in start order (the gateway last: it fronts the others)
SERVICES=(
  "auth-service:8001"
  "ingestion-service:8083"
  "analysis-service:8000"
  "query-service:8082"
  "api-gateway:8080"
)

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_for_port() { # host port seconds
  local deadline=$((SECONDS + $3))
  until port_open "$1" "$2"; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 1
  done
}

ready_status() { # port -> UP, DOWN or nothing
  curl -fsS --max-time 3 "http://127.0.0.1:$1/health/ready" 2>/dev/null | grep -o '"status": *"[A-Z]*"' | head -1 | grep -o '[A-Z]*"$' | tr -d '"'
}
