#!/usr/bin/env bash
# Issue 4's benchmark: generate the full Xinxiang demo city and load it into an empty embedded H2, against
# raw JDBC inserts of the same number of rows in the same run. Prints one RESULT line. Takes a few minutes.
#   democity/bench.sh [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor run, so that the classpath names the modules' fresh target/classes, not jars installed earlier.
# Extra Maven options (e.g. -o -Dmaven.repo.local=…) in MVN_OPTS.
mvn -B -ntp -q ${MVN_OPTS:-} -pl democity -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/democity-bench.cp
java -Xmx6g -cp "democity/target/test-classes:democity/target/classes:$(cat democity/target/democity-bench.cp)" \
  "${BENCH_CLASS:-cn.tongguan.democity.bench.DemoCityBench}" "${1:-/tmp/democity-bench}" 2>&1 | grep -E "RESULT|loaded|compacted|ERROR"
