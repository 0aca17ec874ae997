#!/usr/bin/env bash
# What durable-before-acknowledged costs (docs/benchmarks.md, "Durable writes (issue 14)"). Not part of `mvn verify`.
#   platform/scripts/bench-durability.sh [--clients 1,16] [--seconds 10] [--rounds 3] [--data DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -ntp -q -pl platform -am test-compile -DskipTests
mvn -B -ntp -q -pl platform dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp="platform/target/test-classes:platform/target/classes:api/target/classes:$(cat platform/target/bench-classpath.txt)"
exec java -Xmx1g -cp "$cp" cn.tongguan.platform.bench.DurabilityBench --data platform/target/bench-durability "$@"
