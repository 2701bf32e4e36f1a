#!/usr/bin/env bash
# Gateway overhead: the same cached read measured direct at the backend and through the gateway, in one
# run, with wrk. Prints p50, p99 and throughput of both and the ratio.
#
#   deploy/bench/gateway-overhead.sh           # against a running platform (deploy/local/up.sh)
#   deploy/bench/gateway-overhead.sh --stub    # self-contained: a stub backend and a gateway of its own
#
# Against a running platform, the read is query-service's fast path; send a credential whose budget the
# run cannot exhaust, e.g. an admin's API key created with a high rate_limit_per_hour:
#   API_KEY=gik_... deploy/bench/gateway-overhead.sh
# With --stub, the gateway jar (api-gateway/target/quarkus-app, built by ./mvnw -pl api-gateway package)
# is started on GATEWAY_PORT in front of a stub backend that answers at once, with the guest budget
# raised so that the run measures proxying, not 429s. Redis must run (REDIS_URL). Both are stopped after.
#
# Settings (environment): GATEWAY_URL (http://localhost:8080), BACKEND_URL (http://localhost:8082),
# READ_PATH (/fast/trending?window=7d&limit=10), DURATION (20s), WARMUP (5s), CONNECTIONS (32),
# THREADS (4), API_KEY or BEARER_TOKEN, GATEWAY_PORT and STUB_PORT (--stub: 18080, 18082).
# Timings are not asserted anywhere: this is for reading, by hand.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
READ_PATH="${READ_PATH:-/fast/trending?window=7d&limit=10}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-5s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-4}"
STUB=false
[ "${1:-}" = "--stub" ] && STUB=true

die() { printf 'error: %s\n' "$*" >&2; exit 1; }
command -v wrk >/dev/null || die "wrk is not installed (Debian: apt-get install wrk)"

PIDS=()
WORK="$(mktemp -d)"
REDIS_PREFIX="gitinsight:bench:$$:"
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if $STUB && command -v redis-cli >/dev/null; then
    redis-cli -u "${REDIS_URL:-redis://localhost:6379}" --scan --pattern "$REDIS_PREFIX*" 2>/dev/null \
      | while read -r key; do redis-cli -u "${REDIS_URL:-redis://localhost:6379}" del "$key" >/dev/null; done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_http() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.5
  done
}

if $STUB; then
  GATEWAY_PORT="${GATEWAY_PORT:-18080}"
  STUB_PORT="${STUB_PORT:-18082}"
  APP="$ROOT/api-gateway/target/quarkus-app"
  [ -f "$APP/quarkus-run.jar" ] || die "build the gateway first: ./mvnw -B -pl api-gateway package -DskipTests"
  command -v java >/dev/null || die "java is not installed"
  java -cp "$APP/lib/main/*" "$ROOT/deploy/bench/gateway-stub/StubBackend.java" "$STUB_PORT" \
    >"$WORK/stub.log" 2>&1 &
  PIDS+=($!)
  BACKEND_URL="http://127.0.0.1:$STUB_PORT"
  wait_http "$BACKEND_URL$READ_PATH" 60 || die "the stub backend did not start: $(cat "$WORK/stub.log")"
  PORT="$GATEWAY_PORT" QUERY_SERVICE_URL="$BACKEND_URL" GATEWAY_REDIS_PREFIX="$REDIS_PREFIX" \
    java -Dgitinsight.gateway.rate-limit.roles.guest=1000000000 -Dquarkus.log.console.level=WARN \
    -jar "$APP/quarkus-run.jar" >"$WORK/gateway.log" 2>&1 &
  PIDS+=($!)
  GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT"
  wait_http "$GATEWAY_URL/health/ready" 90 || die "the gateway did not become ready: $(tail -5 "$WORK/gateway.log")"
else
  GATEWAY_URL="${GATEWAY_URL:-http://localhost:8080}"
  BACKEND_URL="${BACKEND_URL:-http://localhost:8082}"
fi

HEADERS=()
if [ -n "${API_KEY:-}" ]; then
  HEADERS=(-H "X-API-Key: $API_KEY")
elif [ -n "${BEARER_TOKEN:-}" ]; then
  HEADERS=(-H "Authorization: Bearer $BEARER_TOKEN")
fi

DIRECT="$BACKEND_URL$READ_PATH"
THROUGH="$GATEWAY_URL/api/v1$READ_PATH"
for url in "$DIRECT" "$THROUGH"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "${HEADERS[@]}" "$url" || true)
  [ "$status" = "200" ] || die "GET $url answers $status, not 200: nothing to measure"
done

# wrk's latency (e.g. 512.00us, 1.20ms, 1.01s) in milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n = n * 1000
    printf "%.3f", n }'
}

measure() { # name url -> "p50 p99 rps"
  local out="$WORK/$1.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${HEADERS[@]}" "$2" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${HEADERS[@]}" "$2" >"$out"
  if grep -qE 'Non-2xx or 3xx responses|Socket errors' "$out"; then
    cat "$out" >&2
    die "$1: some requests failed (see above); the numbers would not mean anything"
  fi
  local p50 p99 rps
  p50=$(awk '$1 == "50%" {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  rps=$(awk '$1 == "Requests/sec:" {print $2}' "$out")
  echo "$(to_ms "$p50") $(to_ms "$p99") $rps"
}

echo "read: GET $READ_PATH, $CONNECTIONS connections, $THREADS threads, $DURATION each (after $WARMUP warm-up)"
read -r d50 d99 drps <<<"$(measure direct "$DIRECT")"
read -r g50 g99 grps <<<"$(measure gateway "$THROUGH")"

printf '\n%-10s %12s %12s %14s\n' "" "p50 (ms)" "p99 (ms)" "requests/s"
printf '%-10s %12s %12s %14s\n' direct "$d50" "$d99" "$drps"
printf '%-10s %12s %12s %14s\n' gateway "$g50" "$g99" "$grps"
awk -v d50="$d50" -v g50="$g50" -v d99="$d99" -v g99="$g99" -v drps="$drps" -v grps="$grps" 'BEGIN {
  printf "%-10s %+12.3f %+12.3f %14s\n", "overhead", g50 - d50, g99 - d99, ""
  printf "%-10s %12.2f %12.2f %14.2f\n", "ratio", (d50 > 0 ? g50 / d50 : 0), (d99 > 0 ? g99 / d99 : 0), (drps > 0 ? grps / drps : 0)
}'
echo "(ratio: gateway / direct; for requests/s below 1 means the gateway costs throughput)"
