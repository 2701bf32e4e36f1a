#!/usr/bin/env bash
# Event-to-subscriber latency of query-service's WebSocket streams with many subscribers: one event on
# gitinsight.events → query-service's own queue → cache invalidation, latest state → fan-out → every
# subscriber's socket. deploy/bench/stream-latency/StreamLatency.java opens the subscribers, publishes and
# times each delivery; this script seeds a repository, starts query-service and cleans up.
#
#   deploy/bench/stream-latency.sh
#
# Settings (environment): SUBSCRIBERS (1000), EVENTS (100), INTERVAL_MS (100: one event every 100 ms, so
# 10,000 deliveries a second at 1000 subscribers), WARMUP_EVENTS (50, published first and not measured),
# DB_NAME (gitinsight; its analysis schema must exist),
# DB_HOST, DB_USER, DB_PASSWORD, REDIS_URL, RABBITMQ_HOST/PORT/USER/PASSWORD/VHOST, QUERY_PORT (18082),
# QUERY_JAVA_OPTS (e.g. -Drabbitmq-virtual-host=gitinsight-bench, the same virtual host as RABBITMQ_VHOST).
# The subscribers run in one JVM on the same machine as the service. Not asserted anywhere: read by hand.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

SUBSCRIBERS="${SUBSCRIBERS:-1000}"
EVENTS="${EVENTS:-100}"
INTERVAL_MS="${INTERVAL_MS:-100}"
WARMUP_EVENTS="${WARMUP_EVENTS:-50}"
require_tools

seed_repository
start_query_service

echo "$SUBSCRIBERS subscribers, $EVENTS events one every $INTERVAL_MS ms, $(nproc) cores shared by all"
java -cp "$LIB" "$ROOT/deploy/bench/stream-latency/StreamLatency.java" 127.0.0.1 "$QUERY_PORT" "$REPO_ID" \
  "$SUBSCRIBERS" "$EVENTS" "$INTERVAL_MS" "$WARMUP_EVENTS"
dropped=$(curl -fsS "http://127.0.0.1:$QUERY_PORT/metrics" | awk '/^query_stream_dropped_total/ {print $2}')
echo "subscribers dropped as too slow: ${dropped:-0}"
