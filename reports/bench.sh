#!/usr/bin/env bash
# Monthly report generation benchmark (docs/benchmarks.md, "Reports (issue 9)"): PDF and XLSX of the sample
# monthly assessment against the same tables as CSV, in one JVM. Usage: reports/bench.sh [iterations]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl reports -am test-compile -DskipTests
mvn -B -ntp -q -pl reports exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=cn.tongguan.reports.bench.ReportBench -Dexec.args="${1:-15}"
