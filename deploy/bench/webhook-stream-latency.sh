#!/usr/bin/env bash
# Webhook → WebSocket latency, the whole path: signed GitHub deliveries POSTed through the gateway
# (/api/v1/webhooks/github → ingestion: signature check, store, publish github.event.received with
# confirms) → RabbitMQ → query-service (repository lookup, cache generation bump, fan-out) → the gateway's
# WebSocket tunnel → SUBSCRIBERS subscribers of /api/v1/stream/global/activity (guests, CONTRACT §2).
# Each message's data.delivery_id is matched with its delivery; the time runs from just before the POST
# to the subscriber's receipt (sender and subscribers in one JVM: one clock). Prints p50/p99/p99.9/max.
#
#   deploy/bench/webhook-stream-latency.sh      # starts the platform with deploy/local/up.sh, stops it after
#
# The sender and subscribers are StreamLatency.java --webhook (stream-latency/). The platform is started
# as bench-platform.sh describes (webhook secret, raised guest and webhook budgets); PLATFORM=running
# uses one that is up. Settings (environment): SUBSCRIBERS (1000), RATE (100 deliveries/s), EVENTS (3000
# measured), WARMUP_EVENTS (1000, sent first at the same rate, not measured), PAYLOAD (the push example of
# /work/shared/fixtures/github, else ingestion's test copy), EVENT (push), GATEWAY_HOST (127.0.0.1),
# GATEWAY_PORT (8080), SUBSCRIBE_VIA (gateway; query: the subscribers connect to query-service's
# /stream/global/activity on QUERY_PORT (8082) directly while the deliveries still go through the gateway), and the platform settings of bench-platform.sh (DB_URL, REDIS_URL, JAVA_OPTS, ...).
# Isolated from other users of the machine:
#   DB_URL=postgresql://127.0.0.1:5432/gitinsight_bench REDIS_URL=redis://localhost:6379/12 \
#   JAVA_OPTS="-Xmx256m -Drabbitmq-virtual-host=gitinsight-bench" deploy/bench/webhook-stream-latency.sh
# Timings are not asserted anywhere: this is for reading, by hand.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-platform.sh"
ROOT="$BENCH_ROOT"

SUBSCRIBERS="${SUBSCRIBERS:-1000}"
RATE="${RATE:-100}"
EVENTS="${EVENTS:-3000}"
WARMUP_EVENTS="${WARMUP_EVENTS:-1000}"
EVENT="${EVENT:-push}"
GATEWAY_HOST="${GATEWAY_HOST:-127.0.0.1}"
GATEWAY_PORT="${GATEWAY_PORT:-8080}"
SUBSCRIBE_VIA="${SUBSCRIBE_VIA:-gateway}"
QUERY_PORT="${QUERY_PORT:-8082}"
LIB="$ROOT/query-service/target/quarkus-app/lib/main/*"
STREAM=()
[ "$SUBSCRIBE_VIA" = gateway ] || STREAM=(127.0.0.1 "$QUERY_PORT" /stream/global/activity)

cleanup() { stop_platform; }
trap cleanup EXIT

start_platform
echo "$SUBSCRIBERS subscribers, $EVENTS $EVENT deliveries at $RATE/s (after $WARMUP_EVENTS unmeasured)," \
  "$(wc -c <"$PAYLOAD") byte payload, $(nproc) cores shared by the platform, sender and subscribers"
dropped_before=$(curl -fsS http://127.0.0.1:$QUERY_PORT/metrics | awk '/^query_stream_dropped_total/ {s += $2} END {print s + 0}')
status=0
java -cp "$LIB" "$ROOT/deploy/bench/stream-latency/StreamLatency.java" --webhook "$GATEWAY_HOST" "$GATEWAY_PORT" \
  "$SUBSCRIBERS" "$EVENTS" "$RATE" "$WARMUP_EVENTS" "$PAYLOAD" "$EVENT" "${STREAM[@]}" || status=$?
dropped=$(curl -fsS http://127.0.0.1:$QUERY_PORT/metrics | awk '/^query_stream_dropped_total/ {s += $2} END {print s + 0}')
echo "subscribers dropped as too slow during the run: $((dropped - dropped_before))"
exit $status
