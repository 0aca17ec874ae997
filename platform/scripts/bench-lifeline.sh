#!/usr/bin/env bash
# Lifeline benchmark (docs/benchmarks.md, "Lifeline (issue 8)"). Not part of `mvn verify`.
#   platform/scripts/bench-lifeline.sh [--crossings N]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -ntp -q -pl platform -am test-compile -DskipTests
mvn -B -ntp -q -pl platform dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp="platform/target/test-classes:platform/target/classes:api/target/classes:$(cat platform/target/bench-classpath.txt)"
exec java -Xmx512m -cp "$cp" cn.tongguan.platform.bench.LifelineBench --data platform/target/bench-lifeline "$@"
