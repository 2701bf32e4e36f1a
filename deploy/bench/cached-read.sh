#!/usr/bin/env bash
# Cached-read throughput and latency of query-service's fast path three ways, in one run with wrk:
# GET /fast/repositories/{id}/summary served by query-service directly (JAX-RS resource → one Redis
# script that reads the cache generation and the entry → ETag, 200), the same read through the
# api-gateway (GET /api/v1/fast/repositories/{id}/summary: route match, rate-limit counter in Redis,
# proxy), and the same bytes served by a bare Vert.x route that does one Redis GET
# (deploy/bench/redis-ceiling): the ceiling. Prints p50, p99 and requests/s of the three.
#
#   deploy/bench/cached-read.sh                # all three
#   GATEWAY=false deploy/bench/cached-read.sh  # query-service and the ceiling only
#
# It seeds one repository (row, 90-day snapshot, insights) into the analysis schema of DB_NAME, starts
# query-service from query-service/target/quarkus-app (./mvnw -B -q -pl query-service -am package
# -DskipTests) on QUERY_PORT, a gateway of its own from api-gateway/target/quarkus-app on GATEWAY_PORT in
# front of that query-service, and the ceiling on CEILING_PORT, and removes all of it afterwards. The
# gateway's callers are guests (no credentials): their budget (100 an hour, CONTRACT §2) is raised for
# this gateway alone with -Dgitinsight.gateway.rate-limit.roles.guest, as gateway-overhead.sh --stub does,
# so the run measures proxying, not 429s; its counters live under this run's Redis prefix.
# Settings (environment): DB_NAME (gitinsight; its analysis schema must exist), DB_HOST, DB_USER,
# DB_PASSWORD, REDIS_URL (redis://localhost:6379), QUERY_PORT (18082), GATEWAY_PORT (18080),
# CEILING_PORT (18090), GATEWAY (true), DURATION (20s), WARMUP (5s), CONNECTIONS (32), THREADS (2),
# QUERY_JAVA_OPTS, GATEWAY_JAVA_OPTS. Isolated from other users of the machine, e.g.:
#   DB_NAME=gitinsight_bench REDIS_URL=redis://localhost:6379/12 deploy/bench/cached-read.sh
# Timings are not asserted anywhere: this is for reading, by hand.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

CEILING_PORT="${CEILING_PORT:-18090}"
GATEWAY_PORT="${GATEWAY_PORT:-18080}"
GATEWAY="${GATEWAY:-true}"
GATEWAY_APP="$ROOT/api-gateway/target/quarkus-app"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-5s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
require_tools wrk
if [ "$GATEWAY" = true ]; then
  [ -f "$GATEWAY_APP/quarkus-run.jar" ] || die "build the gateway first: ./mvnw -B -q -pl api-gateway -am package -DskipTests"
fi

seed_repository
start_query_service

READ_PATH="/fast/repositories/$REPO_ID/summary"
SERVICE="http://127.0.0.1:$QUERY_PORT$READ_PATH"
curl -fsS -o "$WORK/body.json" "$SERVICE" || die "GET $SERVICE failed"
cache=$(curl -fsS -o /dev/null -D - "$SERVICE" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache" {print $2}')
[ "$cache" = "HIT" ] || die "the second read was not a cache hit (X-Cache: $cache)"

CEILING_KEY="${BENCH_PREFIX}ceiling"
redis-cli -u "$REDIS_URL" -x SET "$CEILING_KEY" <"$WORK/body.json" >/dev/null
java -cp "$LIB" "$ROOT/deploy/bench/redis-ceiling/RedisCeiling.java" "$CEILING_PORT" "$REDIS_URL" "$CEILING_KEY" \
  >"$WORK/ceiling.log" 2>&1 &
PIDS+=($!)
CEILING="http://127.0.0.1:$CEILING_PORT$READ_PATH"
wait_http "$CEILING" 60 || die "the ceiling server did not start: $(cat "$WORK/ceiling.log")"
curl -fsS "$CEILING" | cmp -s - "$WORK/body.json" || die "the ceiling does not answer the same bytes"

if [ "$GATEWAY" = true ]; then
  PORT="$GATEWAY_PORT" QUERY_SERVICE_URL="http://127.0.0.1:$QUERY_PORT" REDIS_URL="$REDIS_URL" \
    GATEWAY_REDIS_PREFIX="${BENCH_PREFIX}gateway:" \
    java ${GATEWAY_JAVA_OPTS:-} -Dgitinsight.gateway.rate-limit.roles.guest=1000000000 \
    -Dquarkus.log.console.level=WARN -jar "$GATEWAY_APP/quarkus-run.jar" >"$WORK/gateway.log" 2>&1 &
  PIDS+=($!)
  wait_http "http://127.0.0.1:$GATEWAY_PORT/health/ready" 90 \
    || die "the gateway did not become ready: $(tail -5 "$WORK/gateway.log")"
  THROUGH="http://127.0.0.1:$GATEWAY_PORT/api/v1$READ_PATH"
  curl -fsS "$THROUGH" | cmp -s - "$WORK/body.json" || die "the gateway does not answer the same bytes"
fi

# wrk's latency (e.g. 512.00us, 1.20ms, 1.01s) in milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n = n * 1000
    printf "%.3f", n }'
}

measure() { # name url -> "p50 p99 rps"
  local out="$WORK/$1.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$2" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$2" >"$out"
  if grep -qE 'Non-2xx or 3xx responses|Socket errors' "$out"; then
    cat "$out" >&2
    if [ "$1" = gateway ]; then # the gateway counts its answers by status class: which ones failed
      curl -fsS "http://127.0.0.1:$GATEWAY_PORT/metrics" | grep '^gateway_requests_total' >&2 || true
      grep -E '"level":"(WARN|ERROR)"' "$WORK/gateway.log" | tail -3 >&2 || true
    fi
    die "$1: some requests failed (see above); the numbers would not mean anything"
  fi
  echo "$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")") $(to_ms "$(awk '$1 == "99%" {print $2}' "$out")") \
$(awk '$1 == "Requests/sec:" {print $2}' "$out")"
}

echo "read: GET $READ_PATH ($(wc -c <"$WORK/body.json") bytes), $CONNECTIONS connections, $THREADS threads," \
  "$DURATION each (after $WARMUP warm-up), $(nproc) cores shared by wrk and the servers"
# measure writes its figures to a file, so that a failed measurement stops the script (set -e) instead of
# leaving an empty row
measure query-service "$SERVICE" >"$WORK/query-service.res"
read -r s50 s99 srps <"$WORK/query-service.res"
if [ "$GATEWAY" = true ]; then
  measure gateway "$THROUGH" >"$WORK/gateway.res"
  read -r g50 g99 grps <"$WORK/gateway.res"
fi
measure ceiling "$CEILING" >"$WORK/ceiling.res"
read -r c50 c99 crps <"$WORK/ceiling.res"

printf '\n%-22s %12s %12s %14s %12s\n' "" "p50 (ms)" "p99 (ms)" "requests/s" "of ceiling"
row() { # name p50 p99 rps
  awk -v n="$1" -v a="$2" -v b="$3" -v r="$4" -v c="$crps" \
    'BEGIN { printf "%-22s %12s %12s %14s %12.2f\n", n, a, b, r, (c > 0 ? r / c : 0) }'
}
row "query-service direct" "$s50" "$s99" "$srps"
[ "$GATEWAY" != true ] || row "through the gateway" "$g50" "$g99" "$grps"
row "ceiling (Vert.x+Redis)" "$c50" "$c99" "$crps"
echo "(of ceiling: requests/s over the bare route's)"
