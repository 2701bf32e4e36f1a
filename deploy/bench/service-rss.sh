#!/usr/bin/env bash
# Resident memory of each of the five services at rest and under load, printed as a table: VmRSS and
# VmHWM from /proc/<pid>/status of the processes deploy/local/up.sh started (.run/pids).
#
#   deploy/bench/service-rss.sh      # starts the platform with deploy/local/up.sh, stops it after
#
# 1. at rest: SETTLE seconds after every service is ready, one reading.
# 2. under load, all at once for LOAD_SECONDS: wrk on a cached read through the gateway
#    (GET /api/v1/fast/repositories/{id}/summary of a repository seeded as cached-read.sh seeds it),
#    signed push deliveries through the gateway at WEBHOOK_RATE a second (StreamLatency.java --webhook
#    with no subscribers), and one analysis of a synthetic history (analysis-history.sh, COMMITS);
#    VmRSS is read every second and its largest value kept; VmHWM (the peak since the process started)
#    is read at the end.
# Every service runs with JAVA_OPTS (-Xmx256m by default, as up.sh); the platform is started as
# bench-platform.sh describes (webhook secret, raised guest and webhook budgets); PLATFORM=running uses
# one that is up and leaves it up. Settings (environment): SETTLE (15), LOAD_SECONDS (60), CONNECTIONS (16),
# WEBHOOK_RATE (100), COMMITS (8000), DB_URL (postgresql://127.0.0.1:5432/gitinsight), REDIS_URL,
# RABBITMQ_VHOST (/), JAVA_OPTS, and those of bench-platform.sh. Isolated from other users of the machine:
#   DB_URL=postgresql://127.0.0.1:5432/gitinsight_bench REDIS_URL=redis://localhost:6379/12 \
#   RABBITMQ_VHOST=gitinsight-bench JAVA_OPTS="-Xmx256m -Drabbitmq-virtual-host=gitinsight-bench" \
#   deploy/bench/service-rss.sh
# Not asserted anywhere: this is for reading, by hand.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DB_URL="${DB_URL:-postgresql://127.0.0.1:5432/gitinsight}"
export DB_NAME="${DB_NAME:-${DB_URL##*/}}"
source "$HERE/bench-common.sh"          # seed_repository, psql_q, WORK, PIDS and its cleanup
source "$HERE/bench-platform.sh"        # start_platform, stop_platform
source "$ROOT/deploy/local/common.sh"   # SERVICES, PID_DIR

SETTLE="${SETTLE:-15}"
LOAD_SECONDS="${LOAD_SECONDS:-60}"
CONNECTIONS="${CONNECTIONS:-16}"
WEBHOOK_RATE="${WEBHOOK_RATE:-100}"
COMMITS="${COMMITS:-8000}"
command -v wrk >/dev/null || die "wrk is not installed (Debian: apt-get install wrk)"

trap 'cleanup; stop_platform' EXIT
start_platform

kb() { awk -v f="$1:" '$1 == f {print $2}' "/proc/$2/status"; }
declare -A PID REST LOAD
for entry in "${SERVICES[@]}"; do
  module=${entry%%:*}
  PID[$module]=$(cat "$PID_DIR/$module.pid")
done
echo "at rest: waiting ${SETTLE}s after start-up"
sleep "$SETTLE"
for module in "${!PID[@]}"; do REST[$module]=$(kb VmRSS "${PID[$module]}"); LOAD[$module]=0; done

seed_repository
READ="http://127.0.0.1:8080/api/v1/fast/repositories/$REPO_ID/summary"
status=$(curl -s -o /dev/null -w '%{http_code}' "$READ")
[ "$status" = 200 ] || die "GET $READ answers $status: nothing to load with"

echo "under load for ${LOAD_SECONDS}s: wrk ($CONNECTIONS connections) on $READ, $WEBHOOK_RATE deliveries/s," \
  "one analysis of $COMMITS synthetic commits"
wrk -t2 -c"$CONNECTIONS" -d"${LOAD_SECONDS}s" "$READ" >"$WORK/wrk.txt" 2>&1 &
PIDS+=($!)
java -cp "$ROOT/query-service/target/quarkus-app/lib/main/*" "$HERE/stream-latency/StreamLatency.java" --webhook \
  127.0.0.1 8080 0 $((WEBHOOK_RATE * (LOAD_SECONDS - 5))) "$WEBHOOK_RATE" 0 "$PAYLOAD" push >"$WORK/webhooks.txt" 2>&1 &
PIDS+=($!)
BENCH_DB="$DB_NAME" COMMITS="$COMMITS" "$HERE/analysis-history.sh" >"$WORK/analysis.txt" 2>&1 &
analysis=$!
PIDS+=($analysis)
end=$((SECONDS + LOAD_SECONDS))
while [ $SECONDS -lt $end ] || kill -0 "$analysis" 2>/dev/null; do
  for module in "${!PID[@]}"; do
    rss=$(kb VmRSS "${PID[$module]}")
    [ "$rss" -le "${LOAD[$module]}" ] || LOAD[$module]=$rss
  done
  sleep 1
done
wait "${PIDS[@]}" 2>/dev/null || true

echo
echo "cached read through the gateway: $(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt") req/s" \
  "$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$WORK/wrk.txt" || echo '(all 2xx)')"
grep -E '^sent' "$WORK/webhooks.txt" || tail -3 "$WORK/webhooks.txt"
grep -E '^job|^end to end' "$WORK/analysis.txt" || tail -3 "$WORK/analysis.txt"
echo
printf '%-18s %14s %16s %16s\n' service "at rest (MB)" "under load (MB)" "VmHWM (MB)"
for entry in "${SERVICES[@]}"; do
  module=${entry%%:*}
  awk -v m="$module" -v r="${REST[$module]}" -v l="${LOAD[$module]}" -v h="$(kb VmHWM "${PID[$module]}")" \
    'BEGIN { printf "%-18s %14.0f %16.0f %16.0f\n", m, r / 1024, l / 1024, h / 1024 }'
done
echo "(at rest: VmRSS ${SETTLE}s after start; under load: the largest VmRSS read each second; VmHWM: peak since start)"
