#!/bin/sh
# Console sync and cache benchmarks (docs/benchmarks.md, "Console sync and cache (issue 5)").
# Usage: console/bench.sh [cases]   (default 1000000; run from the repository root; needs ~2 GB of heap and ~1 GB disk in /tmp)
set -e
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl console -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
exec java -Xmx3g -Dfile.encoding=UTF-8 \
    -cp "console/target/test-classes:console/target/classes:$(cat console/target/bench.cp)" \
    cn.tongguan.console.bench.ConsoleBench "${1:-1000000}"
