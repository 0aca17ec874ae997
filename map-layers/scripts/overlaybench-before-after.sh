#!/bin/sh
# OverlayBench (the live overlay's draw cost, no toolkit) for two builds back to back, twice, in one run
# (docs/benchmarks.md):  overlaybench-before-after.sh BEFORE_CLASSPATH AFTER_CLASSPATH
set -eu
before=$1; after=$2
for round in 1 2; do
  for which in before after; do
    eval cp=\$$which
    echo "=== $which (round $round)"
    java -Xmx2g -cp "$cp" cn.tongguan.map.bench.OverlayBench 2>&1 | grep -v DEBUG \
        | sed 's/^[0-9:.]* INFO  \[[^]]*\] [^ ]* - //'
  done
done
