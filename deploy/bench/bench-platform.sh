# Shared by the benchmarks that need the whole platform (webhook-stream-latency.sh, service-rss.sh):
# start_platform runs deploy/local/up.sh with what a load run needs, stop_platform runs down.sh if this
# run started it. Sourced, not run; the sourcing script calls stop_platform from its EXIT trap.
#
# What start_platform adds to up.sh's environment (each can be overridden from the environment):
#   GITHUB_WEBHOOK_SECRET      bench-webhook-secret (signed deliveries are refused without one)
#   GATEWAY_WEBHOOK_RATE_LIMIT 1000000000 (deliveries per hour and source address; default 10,000)
#   JAVA_OPTS                  -Xmx256m, plus -Dgitinsight.gateway.rate-limit.roles.guest=1000000000:
#                              the load comes from one address as a guest, whose budget is 100 an hour
#   INGESTION_DATA_DIR         .run/bench-mirrors in the clone
# The platform's own settings pass through (CONTRACT §1): DB_URL, REDIS_URL, RABBITMQ_*, ... For a run
# kept apart from other users of the machine, e.g.:
#   DB_URL=postgresql://127.0.0.1:5432/gitinsight_bench REDIS_URL=redis://localhost:6379/12 \
#   JAVA_OPTS="-Xmx256m -Drabbitmq-virtual-host=gitinsight-bench" RABBITMQ_VHOST=gitinsight-bench <script>
# (RABBITMQ_VHOST tells the benchmark's own AMQP clients, the services read -Drabbitmq-virtual-host.)
# PLATFORM=running uses a platform that is already up (started with the settings above) and leaves it up.

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# the signed deliveries' body: GitHub's push example from the shared fixtures, else ingestion's test copy
PAYLOAD="${PAYLOAD:-/work/shared/fixtures/github/webhooks/push/payload.json}"
[ -f "$PAYLOAD" ] || PAYLOAD="$BENCH_ROOT/ingestion-service/src/test/resources/github/webhooks/push/payload.json"
export GITHUB_WEBHOOK_SECRET="${GITHUB_WEBHOOK_SECRET:-bench-webhook-secret}"
PLATFORM="${PLATFORM:-start}"
PLATFORM_STARTED=false

start_platform() {
  if [ "$PLATFORM" = running ]; then
    curl -fsS -o /dev/null --max-time 3 http://127.0.0.1:8080/health/ready \
      || { echo "error: PLATFORM=running but the gateway on :8080 is not ready" >&2; exit 1; }
    return 0
  fi
  if (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; then
    echo "error: something listens on :8080 already: stop it (deploy/local/down.sh) or set PLATFORM=running" >&2
    exit 1
  fi
  PLATFORM_STARTED=true
  GATEWAY_WEBHOOK_RATE_LIMIT="${GATEWAY_WEBHOOK_RATE_LIMIT:-1000000000}" \
    INGESTION_DATA_DIR="${INGESTION_DATA_DIR:-$BENCH_ROOT/.run/bench-mirrors}" \
    JAVA_OPTS="${JAVA_OPTS:--Xmx256m} -Dgitinsight.gateway.rate-limit.roles.guest=1000000000" \
    "$BENCH_ROOT/deploy/local/up.sh" --no-sample
}

stop_platform() {
  if [ "$PLATFORM_STARTED" = true ]; then
    "$BENCH_ROOT/deploy/local/down.sh" || true
    PLATFORM_STARTED=false
  fi
}
