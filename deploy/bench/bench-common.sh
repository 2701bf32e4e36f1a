# Shared by the query-service benchmarks: start query-service from its jar against a seeded repository,
# and clean everything up afterwards. Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
APP="$ROOT/query-service/target/quarkus-app"
LIB="$APP/lib/main/*"
DB_NAME="${DB_NAME:-gitinsight}"
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_USER="${DB_USER:-gitinsight}"
export PGPASSWORD="${DB_PASSWORD:-gitinsight}"
REDIS_URL="${REDIS_URL:-redis://localhost:6379}"
QUERY_PORT="${QUERY_PORT:-18082}"
BENCH_PREFIX="gitinsight:bench:$$:"

die() { printf 'error: %s\n' "$*" >&2; exit 1; }

PIDS=()
WORK="$(mktemp -d)"
REPO_ID="$(cat /proc/sys/kernel/random/uuid)"
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql_q "DELETE FROM analysis.repositories WHERE id = '$REPO_ID'" >/dev/null 2>&1 || true
  redis-cli -u "$REDIS_URL" --scan --pattern "$BENCH_PREFIX*" 2>/dev/null \
    | while read -r key; do redis-cli -u "$REDIS_URL" del "$key" >/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT

psql_q() { psql -h "$DB_HOST" -U "$DB_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qtA -c "$1"; }

wait_http() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.5
  done
}

require_tools() {
  for tool in java psql redis-cli curl "$@"; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
  done
  [ -f "$APP/quarkus-run.jar" ] || die "build query-service first: ./mvnw -B -q -pl query-service -am package -DskipTests"
  [ "$(psql_q "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'analysis' AND table_name = 'metric_snapshots'")" = 1 ] \
    || die "database $DB_NAME has no analysis schema: start analysis-service once (it migrates it), or set DB_NAME=gitinsight_test after a test run"
}

# One repository as analysis leaves it: the row, its 90-day snapshot, three insights.
seed_repository() {
  psql_q "
    INSERT INTO analysis.repositories (id, github_id, name, full_name, owner, description, url, clone_url, language,
      stars, forks, watchers, size_kb, analysis_status, last_analyzed)
    VALUES ('$REPO_ID', NULL, 'bench-$$', 'bench/bench-$$', 'bench', 'Benchmark repository', 'https://github.com/bench/bench',
      'https://github.com/bench/bench.git', 'Java', 1234, 56, 78, 4096, 'completed', now());
    INSERT INTO analysis.metric_snapshots (repository_id, window_name, computed_at, metrics) VALUES ('$REPO_ID', '90d', now(),
      jsonb_build_object('repository_id', '$REPO_ID', 'computed_at', now(), 'window', '90d', 'loc', 48211,
        'loc_by_language', '{\"Java\": 40100, \"Kotlin\": 6000, \"Shell\": 2111}'::jsonb, 'commit_count', 1873,
        'active_days', 61, 'time_spent_minutes', 128160, 'code_churn', 91234, 'additions', 60211, 'deletions', 31023,
        'primary_language', 'Java', 'size_kb', 4096, 'contributors', 23, 'bus_factor', 3,
        'pull_requests', '{\"opened\": 140, \"merged\": 122, \"median_cycle_time_hours\": 31.5,
          \"median_time_to_first_review_hours\": 3.25, \"median_review_time_hours\": 7.5,
          \"cycle_time_phases\": {\"coding\": 14.0, \"pickup\": 3.25, \"review\": 7.5, \"deploy\": 6.0}}'::jsonb,
        'dora', '{\"deployment_frequency_per_week\": 4.2, \"lead_time_hours\": 40.5, \"change_failure_rate\": 0.08,
          \"mttr_hours\": 2.5}'::jsonb, 'reverts', 4, 'hotfixes', 6));
    INSERT INTO analysis.insights (id, repository_id, type, title, description, confidence_score, model_version, generated_at)
    SELECT gen_random_uuid(), '$REPO_ID', t, 'Insight ' || t, 'Seeded for the benchmark', 0.8, 'bench', now() - n * interval '1 hour'
    FROM unnest(ARRAY['hotspot', 'bus_factor', 'review_latency']) WITH ORDINALITY AS x(t, n);" >/dev/null
}

start_query_service() {
  PORT="$QUERY_PORT" DB_URL="postgresql://$DB_HOST:5432/$DB_NAME" DB_USER="$DB_USER" DB_PASSWORD="$PGPASSWORD" \
    REDIS_URL="$REDIS_URL" QUERY_REDIS_PREFIX="$BENCH_PREFIX" \
    java ${QUERY_JAVA_OPTS:-} -Dquarkus.log.console.level=WARN -jar "$APP/quarkus-run.jar" >"$WORK/query.log" 2>&1 &
  PIDS+=($!)
  wait_http "http://127.0.0.1:$QUERY_PORT/health/ready" 90 \
    || die "query-service did not become ready: $(tail -5 "$WORK/query.log")"
}
