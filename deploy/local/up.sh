#!/usr/bin/env bash
# Brings the whole platform up on this machine: infrastructure, jars (built if missing), the five
# services in the background (logs in .run/logs), waits until every /health/ready is UP, and then
# analyzes a sample repository and prints what it found (deploy/local/first-minute.py):
#
#   deploy/local/up.sh                # the sample is this project's own git history
#   deploy/local/up.sh owner/name     # a GitHub repository instead (GITHUB_TOKEN and a network)
#   deploy/local/up.sh /path/to/repo  # any local git repository
#   deploy/local/up.sh --no-sample    # the platform only
set -euo pipefail
source "$(dirname "$0")/common.sh"
started=$SECONDS

sample=true
sample_args=()
for arg in "$@"; do
  case "$arg" in
    --no-sample) sample=false ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $arg (see --help)" ;;
    *) [ ${#sample_args[@]} -eq 0 ] || die "one repository at a time"; sample_args=("$arg") ;;
  esac
done

"$ROOT/deploy/local/ensure-infra.sh"

missing=()
for entry in "${SERVICES[@]}"; do
  module=${entry%%:*}
  [ -f "$ROOT/$module/target/quarkus-app/quarkus-run.jar" ] || missing+=("$module")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "building ${missing[*]} (./mvnw package -DskipTests)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
fi

mkdir -p "$LOG_DIR" "$PID_DIR"

# Secrets at rest need a key (CONTRACT §1). Locally one is generated once and kept in .run/ (git-ignored),
# so that tokens and signing keys stored by an earlier run still open.
if [ -z "${TOKEN_ENCRYPTION_KEY:-}" ]; then
  keyfile="$RUN_DIR/token-encryption.key"
  [ -s "$keyfile" ] || (umask 077 && head -c 32 /dev/urandom | base64 >"$keyfile")
  TOKEN_ENCRYPTION_KEY=$(cat "$keyfile")
  export TOKEN_ENCRYPTION_KEY
fi
# The services authenticate each other on /internal/** with a shared secret, generated the same way.
if [ -z "${INTERNAL_SERVICE_TOKEN:-}" ]; then
  tokenfile="$RUN_DIR/internal-service.token"
  [ -s "$tokenfile" ] || (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '=+/' >"$tokenfile")
  INTERNAL_SERVICE_TOKEN=$(cat "$tokenfile")
  export INTERNAL_SERVICE_TOKEN
fi
for entry in "${SERVICES[@]}"; do
  module=${entry%%:*}; port=${entry##*:}
  pidfile="$PID_DIR/$module.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    log "$module already running (pid $(cat "$pidfile"))"
    continue
  fi
  if port_open 127.0.0.1 "$port"; then
    die "port $port is taken by another process: stop it or set PORT for $module"
  fi
  log "starting $module on :$port"
  # GITINSIGHT_ALLOW_LOCAL_REPOS: the local profile may analyze local clones (CONTRACT §1);
  # GITINSIGHT_LOCAL_OPERATOR: auth-service signs in this machine's operator for first-minute.py
  GITINSIGHT_ALLOW_LOCAL_REPOS=${GITINSIGHT_ALLOW_LOCAL_REPOS:-true} \
    GITINSIGHT_LOCAL_OPERATOR=${GITINSIGHT_LOCAL_OPERATOR:-true} \
    nohup java ${JAVA_OPTS:--Xmx256m} -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" \
    >"$LOG_DIR/$module.log" 2>&1 &
  echo $! >"$pidfile"
done

deadline=$((SECONDS + ${UP_TIMEOUT:-120}))
for entry in "${SERVICES[@]}"; do
  module=${entry%%:*}; port=${entry##*:}
  until [ "$(ready_status "$port")" = UP ]; do
    if ! kill -0 "$(cat "$PID_DIR/$module.pid")" 2>/dev/null; then
      tail -20 "$LOG_DIR/$module.log" >&2
      die "$module exited during start-up; log: $LOG_DIR/$module.log"
    fi
    [ $SECONDS -lt $deadline ] || die "$module not ready after ${UP_TIMEOUT:-120}s; log: $LOG_DIR/$module.log"
    sleep 0.5
  done
done

log "GitInsight is up in $((SECONDS - started))s"
cat <<URLS
  API gateway        http://localhost:8080/api/v1   (the only public entry)
  analysis-service   http://localhost:8000/health/ready
  auth-service       http://localhost:8001/health/ready
  query-service      http://localhost:8082/health/ready
  ingestion-service  http://localhost:8083/health/ready
  metrics            http://localhost:<port>/metrics   logs: $LOG_DIR
  stop with          deploy/local/down.sh
URLS

if $sample; then
  echo
  if ! INTERNAL_SERVICE_TOKEN="$INTERNAL_SERVICE_TOKEN" RUN_DIR="$RUN_DIR" \
      python3 "$ROOT/deploy/local/first-minute.py" "${sample_args[@]}"; then
    die "the platform is up, but the sample analysis failed (above); logs: $LOG_DIR"
  fi
fi
