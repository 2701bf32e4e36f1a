#!/usr/bin/env bash
# What a sync costs at GitHub: requests and rate-limit points for a repository with PULLS (100) pull
# requests, on a full sync and on re-syncs of the unchanged repository. ingestion-service runs from its
# jar against a fake GitHub (github-sync/FakeGitHub.java on WireMock standalone from Maven Central), which
# keeps GitHub's budgets: a REST answer costs a point unless it is a 304 to a conditional request, a
# GraphQL answer costs what GitHub's formula gives for the query. Read by hand; never asserted.
#
#   deploy/bench/github-sync-cost.sh
#
# Three syncs of the same repository are requested as analysis-service requests them (one
# repository.analysis.requested message on gitinsight.events, published with perf-test):
#   1. full sync (since null): the first analysis;
#   2. incremental re-sync (since = when sync 1 ended): what the next analysis of the repository sends;
#   3. full re-sync (since null) of the unchanged repository.
# For each: the requests the fake answered (WireMock's request journal: REST 200, REST 304, GraphQL), the
# points the fake charged, what ingestion itself accounted for the job (its sync-progress events carry the
# same map; read here from ingestion.sync_jobs.accounting), and ingestion's gauge
# gitinsight_github_budget_remaining_ratio afterwards.
# The git history is a synthetic bare repository (synthetic-history.py, COMMITS) that the fake's
# clone_url names: cloning it is not a GitHub API request and is not counted.
#
# Settings (environment): PULLS (100), COMMITS (300), DB_URL (postgresql://127.0.0.1:5432/gitinsight; the
# ingestion schema is migrated by the service), DB_USER, DB_PASSWORD, REDIS_URL (redis://localhost:6379),
# RABBITMQ_HOST/PORT/USER/PASSWORD, RABBITMQ_VHOST (when unset and rabbitmqctl works, a virtual host of
# this run's own, deleted afterwards, so that no running ingestion takes the requests and no consumer
# gets the batches; else /), INGESTION_PORT (18083), GITHUB_PORT (18999), WIREMOCK_VERSION (3.13.1),
# PERF_TEST_VERSION (2.22.1). No ingestion of a running platform may consume from the same virtual host.
# The ETags ingestion caches in Redis expire after 15 minutes (-Dgitinsight.github.cache-ttl); the rows of
# the run's repository in ingestion.sync_jobs and sync_state are deleted at the end. Isolated, e.g.:
#   DB_URL=postgresql://127.0.0.1:5432/gitinsight_bench REDIS_URL=redis://localhost:6379/12 \
#   deploy/bench/github-sync-cost.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/deploy/bench/bench-tools.sh"

PULLS="${PULLS:-100}"
COMMITS="${COMMITS:-300}"
DB_URL="${DB_URL:-postgresql://127.0.0.1:5432/gitinsight}"
DB_USER="${DB_USER:-gitinsight}"
export PGPASSWORD="${DB_PASSWORD:-gitinsight}"
REDIS_URL="${REDIS_URL:-redis://localhost:6379}"
INGESTION_PORT="${INGESTION_PORT:-18083}"
GITHUB_PORT="${GITHUB_PORT:-18999}"
WIREMOCK_VERSION="${WIREMOCK_VERSION:-3.13.1}"
PERF_TEST_VERSION="${PERF_TEST_VERSION:-2.22.1}"
APP="$ROOT/ingestion-service/target/quarkus-app"
[ -f "$APP/quarkus-run.jar" ] || { echo "build ingestion first: ./mvnw -B -q -pl ingestion-service -am package -DskipTests" >&2; exit 1; }

die() { printf 'error: %s\n' "$*" >&2; exit 1; }
hostport=${DB_URL#postgresql://}; hostport=${hostport%%/*}
psqlq() { psql -h "${hostport%%:*}" -p "${hostport##*:}" -U "$DB_USER" -d "${DB_URL##*/}" -Atq -v ON_ERROR_STOP=1 -c "$1"; }
uuid() { cat /proc/sys/kernel/random/uuid; }

WORK="$(mktemp -d)"
PIDS=()
REPOSITORY="$(uuid)"
OWN_VHOST=
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  psqlq "DELETE FROM ingestion.sync_jobs WHERE repository_id = '$REPOSITORY';
         DELETE FROM ingestion.sync_state WHERE repository_id = '$REPOSITORY'" 2>/dev/null || true
  [ -z "$OWN_VHOST" ] || rabbitmqctl -q delete_vhost "$OWN_VHOST" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${RABBITMQ_VHOST:-}" ] && rabbitmqctl -q list_vhosts >/dev/null 2>&1; then
  OWN_VHOST="gitinsight-sync-cost-$$"
  rabbitmqctl -q add_vhost "$OWN_VHOST" >/dev/null
  rabbitmqctl -q set_permissions -p "$OWN_VHOST" "${RABBITMQ_USER:-guest}" '.*' '.*' '.*' >/dev/null
  export RABBITMQ_VHOST="$OWN_VHOST"
fi
export RABBITMQ_VHOST="${RABBITMQ_VHOST:-/}"

echo "resolving WireMock $WIREMOCK_VERSION and perf-test $PERF_TEST_VERSION (Maven Central, ~/.m2)"
wiremock_cp=$(maven_classpath "org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" "$WORK")
perf_test_cp=$(maven_classpath "com.rabbitmq:perf-test:$PERF_TEST_VERSION" "$WORK")

git init -q --bare "$WORK/origin.git"
python3 "$ROOT/deploy/bench/synthetic-history.py" "$COMMITS" | git -C "$WORK/origin.git" fast-import --quiet
git -C "$WORK/origin.git" symbolic-ref HEAD refs/heads/main
FULL_NAME="bench/sync-cost-$$"
GITHUB="http://127.0.0.1:$GITHUB_PORT"

java -cp "$wiremock_cp" "$ROOT/deploy/bench/github-sync/FakeGitHub.java" "$GITHUB_PORT" "$FULL_NAME" \
  "$WORK/origin.git" "$PULLS" >"$WORK/github.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 120); do grep -q '^fake GitHub on' "$WORK/github.log" && break; sleep 0.5; done
grep '^fake GitHub on' "$WORK/github.log" || die "the fake GitHub did not start: $(tail -5 "$WORK/github.log")"

PORT="$INGESTION_PORT" DB_URL="$DB_URL" DB_USER="$DB_USER" DB_PASSWORD="$PGPASSWORD" REDIS_URL="$REDIS_URL" \
  GITHUB_API_URL="$GITHUB" GITHUB_GRAPHQL_URL="$GITHUB/graphql" GITHUB_TOKEN="ghp_bench_sync_cost" \
  GITINSIGHT_ALLOW_LOCAL_REPOS=true INGESTION_DATA_DIR="$WORK/mirrors" \
  TOKEN_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" INTERNAL_SERVICE_TOKEN="$(head -c 24 /dev/urandom | base64 | tr -d '=+/')" \
  AUTH_SERVICE_URL=http://127.0.0.1:9 ANALYSIS_SERVICE_URL=http://127.0.0.1:9 \
  java -Xmx256m -Drabbitmq-virtual-host="$RABBITMQ_VHOST" -Dgitinsight.github.cache-ttl=PT15M \
  -jar "$APP/quarkus-run.jar" >"$WORK/ingestion.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 180); do
  curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$INGESTION_PORT/health/ready" 2>/dev/null && break
  sleep 0.5
done
curl -fsS -o /dev/null "http://127.0.0.1:$INGESTION_PORT/health/ready" \
  || die "ingestion did not become ready: $(tail -5 "$WORK/ingestion.log")"

gauge() {
  curl -fsS "http://127.0.0.1:$INGESTION_PORT/metrics" | awk '/^gitinsight_github_budget_remaining_ratio/ {print $2}'
}

# run_sync NAME SINCE(json) -> one job requested, waited for, and its costs printed as one row
ROWS=()
run_sync() {
  local name=$1 since=$2 job status
  job=$(uuid)
  curl -fsS -X DELETE "$GITHUB/__admin/requests" >/dev/null
  cat >"$WORK/request.json" <<JSON
{"id": "$(uuid)", "type": "repository.analysis.requested", "version": 1,
 "occurred_at": "$(date -u +%Y-%m-%dT%H:%M:%SZ)", "correlation_id": "$job", "repository_id": "$REPOSITORY",
 "payload": {"job_id": "$job", "repository_id": "$REPOSITORY", "full_name": "$FULL_NAME",
             "clone_url": "$WORK/origin.git", "default_branch": "main", "since": $since}}
JSON
  publish_event repository.analysis.requested "$WORK/request.json" "$perf_test_cp"
  status=
  for _ in $(seq 600); do
    status=$(psqlq "SELECT status FROM ingestion.sync_jobs WHERE job_id = '$job'")
    [ "$status" = completed ] || [ "$status" = failed ] && break
    sleep 0.2
  done
  [ "$status" = completed ] || die "$name: the sync ended '$status': $(psqlq "SELECT error_message FROM ingestion.sync_jobs WHERE job_id = '$job'" 2>/dev/null || true)
$(grep -i 'warn\|error' "$WORK/ingestion.log" | tail -3)"
  local accounting
  accounting=$(psqlq "SELECT accounting FROM ingestion.sync_jobs WHERE job_id = '$job'")
  curl -fsS "$GITHUB/__admin/requests" >"$WORK/journal.json"
  ROWS+=("$(python3 - "$WORK/journal.json" "$FULL_NAME" "$name" "$accounting" "$(gauge)" <<'PY'
import base64, json, re, sys
journal, full_name, name, accounting, gauge = sys.argv[1:6]
rest200 = rest304 = graphql = other = 0
graphql_points = 0
for event in json.load(open(journal))["requests"]:
    url, status = event["request"]["url"], event["responseDefinition"].get("status", 0)
    response = event.get("response", {})
    status = response.get("status", status)
    if url.startswith("/graphql"):
        graphql += 1
        body = response.get("body") or base64.b64decode(response.get("bodyAsBase64", "") or b"").decode()
        m = re.search(r'"cost"\s*:\s*(\d+)', body)
        graphql_points += int(m.group(1)) if m else 0
    elif url.startswith("/repos/" + full_name):
        if status == 304:
            rest304 += 1
        else:
            rest200 += 1
    else:
        other += 1
a = json.loads(accounting)
print("|".join(map(str, [name, rest200 + rest304 + graphql, rest200, rest304, graphql, rest200, graphql_points,
    a.get("requests"), a.get("not_modified"), a.get("rest_points"), a.get("graphql_requests"), a.get("graphql_cost"),
    a.get("retries"), gauge or "-", other])))
PY
)")
}

echo "$FULL_NAME: $PULLS pull requests, $COMMITS commits; ingestion on :$INGESTION_PORT, vhost $RABBITMQ_VHOST"
run_sync "1 full sync" null
first_done=$(date -u +%Y-%m-%dT%H:%M:%SZ)
sleep 1
run_sync "2 incremental re-sync" "\"$first_done\""
run_sync "3 full re-sync" null

echo
printf '%-22s %9s %9s %9s %8s | %11s %13s | %s\n' "" "requests" "REST 200" "REST 304" "GraphQL" "REST points" \
  "GraphQL points" "ingestion's accounting (requests/304/rest points/graphql requests/graphql cost/retries), gauge"
for row in "${ROWS[@]}"; do
  IFS='|' read -r name total r200 r304 gql rpts gpts areq a304 arest agql acost aretry gauge other <<<"$row"
  printf '%-22s %9s %9s %9s %8s | %11s %13s | %s/%s/%s/%s/%s/%s, %s\n' "$name" "$total" "$r200" "$r304" "$gql" \
    "$rpts" "$gpts" "$areq" "$a304" "$arest" "$agql" "$acost" "$aretry" "$gauge"
  [ "$other" = 0 ] || echo "  (and $other requests for other resources)"
done
echo "(requests, REST 200/304, GraphQL: the fake's request journal; points: what the fake charged, REST = answers"
echo " other than 304, GraphQL = the cost in its answers; gauge: gitinsight_github_budget_remaining_ratio after the sync)"
