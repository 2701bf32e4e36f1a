# Shared by the benchmarks: tools from Maven Central resolved into ~/.m2 with the project's ./mvnw.
# Sourced, not run. Needs ROOT (the repository) to be set.

# maven_classpath GROUP:ARTIFACT:VERSION WORKDIR -> the artifact's jar and its runtime dependencies, as a
# class path on stdout
maven_classpath() {
  local group=${1%%:*} rest=${1#*:}
  local artifact=${rest%%:*} version=${rest#*:}
  local dir="$2/classpath-$artifact"
  mkdir -p "$dir"
  cat >"$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>bench</groupId><artifactId>$artifact-classpath</artifactId><version>1</version>
<dependencies><dependency><groupId>$group</groupId><artifactId>$artifact</artifactId>
<version>$version</version></dependency></dependencies></project>
POM
  "$ROOT/mvnw" -q -f "$dir/pom.xml" dependency:build-classpath -Dmdep.outputFile="$dir/cp.txt" \
    -Dmdep.includeScope=runtime >&2
  local jar="$HOME/.m2/repository/${group//.//}/$artifact/$version/$artifact-$version.jar"
  if [ -s "$dir/cp.txt" ]; then echo "$jar:$(cat "$dir/cp.txt")"; else echo "$jar"; fi
}

# amqp_uri -> the broker of RABBITMQ_HOST/PORT/USER/PASSWORD and RABBITMQ_VHOST (/) as perf-test takes it
amqp_uri() {
  local vhost=${RABBITMQ_VHOST:-/}
  [ "$vhost" = / ] && vhost= || vhost="/$vhost"
  echo "amqp://${RABBITMQ_USER:-guest}:${RABBITMQ_PASSWORD:-guest}@${RABBITMQ_HOST:-localhost}:${RABBITMQ_PORT:-5672}$vhost"
}

# publish_event ROUTING_KEY BODY_FILE CLASSPATH -> one persistent message on gitinsight.events (perf-test)
publish_event() {
  local out
  out=$(java -cp "$3" com.rabbitmq.perf.PerfTest --uri "$(amqp_uri)" \
    --producers 1 --consumers 0 --pmessages 1 --exchange gitinsight.events --type topic --predeclared \
    --routing-key "$1" --body "$2" --body-content-type application/json --flag persistent 2>&1) \
    || { echo "$out" >&2; return 1; }
}
