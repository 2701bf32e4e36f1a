#!/usr/bin/env bash
# Shows which GitInsight services run (started by up.sh) and whether each is ready.
set -uo pipefail
source "$(dirname "$0")/common.sh"

printf '%-18s %-6s %-8s %-7s %s\n' SERVICE PORT PID READY LOG
for entry in "${SERVICES[@]}"; do
  module=${entry%%:*}; port=${entry##*:}
  pid=-; state=stopped
  if [ -f "$PID_DIR/$module.pid" ] && kill -0 "$(cat "$PID_DIR/$module.pid")" 2>/dev/null; then
    pid=$(cat "$PID_DIR/$module.pid")
    state=$(ready_status "$port"); state=${state:-no}
  fi
  printf '%-18s %-6s %-8s %-7s %s\n' "$module" "$port" "$pid" "$state" "$LOG_DIR/$module.log"
done
for dep in "PostgreSQL:5432" "Redis:6379" "RabbitMQ:5672"; do
  if port_open 127.0.0.1 "${dep##*:}"; then s=up; else s=down; fi
  printf '%-18s %-6s %s\n' "${dep%%:*}" "${dep##*:}" "$s"
done
