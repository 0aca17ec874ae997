#!/usr/bin/env bash
# Platform benchmarks (docs/benchmarks.md, "Platform (issue 3)"). Not part of `mvn verify`.
#   platform/scripts/bench.sh [--cases N] [--pg JDBC_URL|--with-pg] [--data DIR]
# --with-pg starts a private PostgreSQL cluster (pg-test-cluster.sh) for the transitions figure and stops it after.
set -euo pipefail
cd "$(dirname "$0")/../.."
args=()
with_pg=
for a in "$@"; do if [ "$a" = --with-pg ]; then with_pg=1; else args+=("$a"); fi; done
if [ -n "$with_pg" ]; then
  export TONGGUAN_PG_STATE=/tmp/tongguan-pg-bench.state
  trap 'platform/scripts/pg-test-cluster.sh stop' EXIT
  url=$(platform/scripts/pg-test-cluster.sh start | tail -n 1)
  args+=(--pg "$url")
fi
mvn -B -ntp -q -pl platform -am test-compile -DskipTests
mvn -B -ntp -q -pl platform dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp="platform/target/test-classes:platform/target/classes:api/target/classes:$(cat platform/target/bench-classpath.txt)"
exec java -Xmx1g -cp "$cp" cn.tongguan.platform.bench.PlatformBench --data platform/target/bench-data "${args[@]+"${args[@]}"}"
