#!/usr/bin/env bash
# Issue 9's benchmark: the monthly evaluation (summary + every subject type) for each of 24 months over the
# demo city's 910,000 cases, against a plain COUNT(*) of each month in the same run. Loads the demo city into
# DATA_DIR first unless it is already there (a ./dev demo data directory works). Prints RESULT and per-month lines.
#   democity/eval-bench.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl democity -am test-compile -DskipTests
mvn -B -ntp -q -pl democity dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/democity-bench.cp
# This reactor's own platform and api, never the local repository's (it may hold other branches' builds).
CP=$(tr ':' '\n' < democity/target/democity-bench.cp | grep -v -e 'tongguan-platform-' -e 'tongguan-api-' | paste -sd:)
java -Xmx4g -cp "democity/target/test-classes:democity/target/classes:platform/target/classes:api/target/classes:$CP" \
  cn.tongguan.democity.bench.EvaluationBench "${1:-/tmp/evaluation-bench}" 2>&1 | grep -E "RESULT|month |ERROR"
