#!/usr/bin/env bash
# Stops exactly the services up.sh started (by their pid files); leaves the infrastructure running.
set -euo pipefail
source "$(dirname "$0")/common.sh"

# signal every service first, then wait for each: they shut down in parallel
declare -A stopping=()
for entry in "${SERVICES[@]}"; do
  module=${entry%%:*}
  pidfile="$PID_DIR/$module.pid"
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $module (pid $pid)"
    kill "$pid" && stopping[$module]=$pid
  fi
  rm -f "$pidfile"
done
for module in "${!stopping[@]}"; do
  pid=${stopping[$module]}
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    log "$module did not stop in 10s: killing it"
    kill -9 "$pid" 2>/dev/null || true
  fi
done
log "all GitInsight services stopped"
