#!/usr/bin/env bash
# Issue 15: sizes and times of the served geography at full scale (generation timed too). Prints RESULT lines.
#   democity/geo-bench.sh [WORK_DIR]
set -euo pipefail
BENCH_CLASS=cn.tongguan.democity.bench.GeoBench exec "$(dirname "$0")/bench.sh" "${1:-/tmp/geo-bench}"
