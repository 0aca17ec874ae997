#!/usr/bin/env bash
# Issue 4's benchmark: generate the full Xinxiang demo city and load it into an empty embedded H2, against
# raw JDBC inserts of the same number of rows in the same run. Prints one RESULT line. Takes a few minutes.
#   democity/bench.sh [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl democity -am test-compile -DskipTests
mvn -B -ntp -q -pl democity dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/democity-bench.cp
java -Xmx6g -cp "democity/target/test-classes:democity/target/classes:$(cat democity/target/democity-bench.cp)" \
  "${BENCH_CLASS:-cn.tongguan.democity.bench.DemoCityBench}" "${1:-/tmp/democity-bench}" 2>&1 | grep -E "RESULT|loaded|compacted|ERROR"
