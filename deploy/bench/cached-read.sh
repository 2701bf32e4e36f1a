#!/usr/bin/env bash
# Cached-read throughput and latency of query-service's fast path, next to its ceiling, in one run with
# wrk: GET /fast/repositories/{id}/summary served by query-service (JAX-RS resource → one Redis script
# that reads the cache generation and the entry → ETag, 200) and the same bytes served by a bare Vert.x
# route that does one Redis GET (deploy/bench/redis-ceiling). Prints p50, p99 and requests/s of both.
#
#   deploy/bench/cached-read.sh
#
# It seeds one repository (row, 90-day snapshot, insights) into the analysis schema of DB_NAME, starts
# query-service from query-service/target/quarkus-app (./mvnw -B -q -pl query-service -am package
# -DskipTests) on QUERY_PORT and the ceiling on CEILING_PORT, and removes all of it afterwards.
# Settings (environment): DB_NAME (gitinsight; its analysis schema must exist), DB_HOST, DB_USER,
# DB_PASSWORD, REDIS_URL, QUERY_PORT (18082), CEILING_PORT (18090), DURATION (20s), WARMUP (5s),
# CONNECTIONS (32), THREADS (2). Timings are not asserted anywhere: this is for reading, by hand.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

CEILING_PORT="${CEILING_PORT:-18090}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-5s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
require_tools wrk

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
    die "$1: some requests failed (see above); the numbers would not mean anything"
  fi
  echo "$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")") $(to_ms "$(awk '$1 == "99%" {print $2}' "$out")") \
$(awk '$1 == "Requests/sec:" {print $2}' "$out")"
}

echo "read: GET $READ_PATH ($(wc -c <"$WORK/body.json") bytes), $CONNECTIONS connections, $THREADS threads," \
  "$DURATION each (after $WARMUP warm-up), $(nproc) cores shared by wrk and the servers"
read -r s50 s99 srps <<<"$(measure query-service "$SERVICE")"
read -r c50 c99 crps <<<"$(measure ceiling "$CEILING")"

printf '\n%-14s %12s %12s %14s\n' "" "p50 (ms)" "p99 (ms)" "requests/s"
printf '%-14s %12s %12s %14s\n' query-service "$s50" "$s99" "$srps"
printf '%-14s %12s %12s %14s\n' "ceiling" "$c50" "$c99" "$crps"
awk -v s="$srps" -v c="$crps" 'BEGIN { printf "%-14s %40.2f\n", "of ceiling", (c > 0 ? s / c : 0) }'
echo "(of ceiling: query-service requests/s over the bare route's)"
