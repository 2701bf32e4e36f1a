#!/usr/bin/env bash
# Time to analyze a history end to end — ingestion mirrors and reads it with JGit, publishes the batches,
# analysis stores the facts and computes every metric — next to `git log --numstat` on the same
# repository (the ratio), with each service's peak memory. Read by hand; never asserted.
#
#   deploy/local/up.sh                      # the platform (local clone URLs allowed)
#   deploy/bench/analysis-history.sh        # COMMITS=8000 by default
#
# The history is synthetic and deterministic (synthetic-history.py: 25 authors, ~3 years, merges every
# 40 commits, renames); REPO=/path/to/repo.git analyzes an existing bare repository instead. The request
# is published on the exchange as analysis-service publishes it (perf-test, one message), so no login is
# needed; the repository and job rows are created with psql like POST /repositories and /analyze do.
# Settings (environment): COMMITS, REPO, BENCH_DB (gitinsight: the platform's database), PGHOST,
# RABBITMQ_HOST/PORT/USER/PASSWORD, RABBITMQ_VHOST (/; the platform's -Drabbitmq-virtual-host), PERF_TEST_VERSION.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/common.sh
source deploy/bench/bench-tools.sh

COMMITS=${COMMITS:-8000}
PERF_TEST_VERSION=${PERF_TEST_VERSION:-2.22.1}
DB=${BENCH_DB:-gitinsight}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
psqlq() { psql -h "${PGHOST:-127.0.0.1}" -U gitinsight -d "$DB" -Atq -v ON_ERROR_STOP=1 "$@"; }

repo=${REPO:-}
if [ -z "$repo" ]; then
  repo="$work/history.git"
  git init -q --bare "$repo"
  python3 deploy/bench/synthetic-history.py "$COMMITS" | git -C "$repo" fast-import --quiet
  git -C "$repo" symbolic-ref HEAD refs/heads/main
fi
branch=$(git -C "$repo" symbolic-ref --short HEAD)
commits=$(git -C "$repo" rev-list --count "$branch")
start=$(date +%s.%N)
git -C "$repo" log --numstat "$branch" >/dev/null
git_seconds=$(echo "$(date +%s.%N) - $start" | bc)

repository=$(python3 -c 'import uuid; print(uuid.uuid4())')
job=$(python3 -c 'import uuid; print(uuid.uuid4())')
psqlq -c "INSERT INTO analysis.repositories (id, name, full_name, clone_url, default_branch)
          VALUES ('$repository', 'bench', 'bench$repo-$repository', '$repo', '$branch')"
psqlq -c "INSERT INTO analysis.jobs (id, kind, repository_id, status) VALUES ('$job', 'repository', '$repository', 'queued')"
cat >"$work/request.json" <<JSON
{"id": "$(python3 -c 'import uuid; print(uuid.uuid4())')", "type": "repository.analysis.requested", "version": 1,
 "occurred_at": "$(date -u +%Y-%m-%dT%H:%M:%SZ)", "correlation_id": "$job", "repository_id": "$repository",
 "payload": {"job_id": "$job", "repository_id": "$repository", "full_name": null, "clone_url": "$repo",
             "default_branch": "$branch", "since": null}}
JSON

perf_test_cp=$(maven_classpath "com.rabbitmq:perf-test:$PERF_TEST_VERSION" "$work")

echo "analyzing $commits commits of $repo (git log --numstat: ${git_seconds}s)"
start=$(date +%s.%N)
publish_event repository.analysis.requested "$work/request.json" "$perf_test_cp"

status=queued
while [ "$status" = queued ] || [ "$status" = running ]; do
  sleep 0.2
  status=$(psqlq -c "SELECT status FROM analysis.jobs WHERE id = '$job'")
done
seconds=$(echo "$(date +%s.%N) - $start" | bc)
psqlq -c "SELECT 'job ' || status || coalesce(': ' || error_message, '') FROM analysis.jobs WHERE id = '$job'"
psqlq -c "SELECT 'stored: ' || count(*) || ' commits' FROM analysis.commits WHERE repository_id = '$repository'"
psqlq -c "SELECT 'all-time commit_count ' || (metrics->>'commit_count') || ', loc ' || (metrics->>'loc') || ', bus factor '
          || (metrics->>'bus_factor') FROM analysis.metric_snapshots WHERE repository_id = '$repository' AND window_name = 'all'"
printf 'end to end: %.1fs   git log --numstat: %.2fs   ratio: %.0fx\n' "$seconds" "$git_seconds" \
  "$(echo "$seconds / $git_seconds" | bc -l)"
for module in ingestion-service analysis-service; do
  pid=$(cat "$PID_DIR/$module.pid" 2>/dev/null || true)
  [ -n "$pid" ] && printf '%s peak RSS (VmHWM): %s\n' "$module" "$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$pid/status")"
done
psqlq -c "DELETE FROM analysis.repositories WHERE id = '$repository'"
