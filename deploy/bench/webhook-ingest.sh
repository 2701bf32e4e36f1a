#!/usr/bin/env bash
# Webhook ingest rate: signed deliveries accepted per second by ingestion-service (signature check,
# store in PostgreSQL, publish with confirms), next to the same machine's RabbitMQ publish-with-confirms
# rate measured by RabbitMQ's own perf-test (the ratio's denominator). Read by hand; never asserted.
#
#   GITHUB_WEBHOOK_SECRET=bench-secret deploy/local/up.sh      # the platform, with a webhook secret
#   GITHUB_WEBHOOK_SECRET=bench-secret deploy/bench/webhook-ingest.sh
#
# Settings (environment): TARGET (http://localhost:8083/webhooks/github; through the gateway:
# http://localhost:8080/api/v1/webhooks/github), PAYLOAD (a fixture), DURATION (20s), CONNECTIONS (16),
# THREADS (2), PERF_TEST_VERSION (2.22.1), RABBITMQ_HOST/PORT/USER/PASSWORD/VHOST (perf-test's broker).
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${GITHUB_WEBHOOK_SECRET:?set GITHUB_WEBHOOK_SECRET to the secret the platform was started with}"
TARGET=${TARGET:-http://localhost:8083/webhooks/github}
PAYLOAD=${PAYLOAD:-ingestion-service/src/test/resources/github/webhooks/push/payload.json}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PERF_TEST_VERSION=${PERF_TEST_VERSION:-2.22.1}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
signature="sha256=$(openssl dgst -sha256 -hmac "$GITHUB_WEBHOOK_SECRET" -r <"$PAYLOAD" | cut -d' ' -f1)"

# The body and signature are the same for every request; the delivery id is unique, so every request
# is a new delivery that is stored and published (a repeated id would only test the duplicate path).
cat >"$work/post.lua" <<LUA
local body = io.open("$PAYLOAD"):read("*a")
local counter = 0
local thread_id = 0
local id = 0
function setup(thread) id = id + 1; thread:set("tid", id) end
function init(args) thread_id = tid end
function request()
  counter = counter + 1
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["X-GitHub-Event"] = "push",
    ["X-GitHub-Delivery"] = string.format("bench-%d-%d-%d", os.time(), thread_id, counter),
    ["X-Hub-Signature-256"] = "$signature",
  }, body)
end
local statuses = {}
function response(status) statuses[status] = (statuses[status] or 0) + 1 end
LUA

echo "webhook ingest: $TARGET, $(wc -c <"$PAYLOAD") byte push payload, $CONNECTIONS connections, $DURATION"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/post.lua" "$TARGET" | tee "$work/wrk.txt"
accepted=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")

echo
echo "RabbitMQ publish with confirms (perf-test $PERF_TEST_VERSION, one producer, same body size):"
ROOT=$(pwd)
source deploy/bench/bench-tools.sh
size=$(wc -c <"$PAYLOAD")
java -cp "$(maven_classpath "com.rabbitmq:perf-test:$PERF_TEST_VERSION" "$work")" com.rabbitmq.perf.PerfTest --uri "$(amqp_uri)" \
  --producers 1 --consumers 0 --confirm 64 --size "$size" --flag persistent --queue bench-confirms \
  --auto-delete true --time "${DURATION%s}" 2>&1 | tee "$work/perf.txt" | grep -E 'sending rate avg|summary' || true
confirms=$(grep -o 'sending rate avg: [0-9]*' "$work/perf.txt" | grep -o '[0-9]*$' | tail -1)

echo
printf 'accepted deliveries/s: %s   broker confirms/s: %s   ratio: %s\n' "$accepted" "${confirms:-?}" \
  "$(awk -v a="$accepted" -v c="${confirms:-0}" 'BEGIN { if (c > 0) printf "%.2f", a / c; else print "?" }')"
